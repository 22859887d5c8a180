//! A new article from the English halves of a side-by-side file: its TOML structure and its
//! en-US messages, with stand-ins where DocFX carries no English.

use crate::content::parse_article;
use crate::diag::{Diagnostic, Severity};
use crate::import::ftl_write::{Elem, write_message};
use crate::import::map::{DESCRIPTION_ID, Kind, Mapped, TITLE_ID, Terms, map_docfx};
use crate::import::workspace::Workspace;
use crate::import::{Options, Parsed, Report, align};

/// `MM/DD/YYYY` → `YYYY-MM-DD`.
pub(super) fn iso_date(date: &str) -> Option<String> {
    let parts: Vec<u32> = date.split('/').map(|p| p.trim().parse().ok()).collect::<Option<_>>()?;
    match parts.as_slice() {
        [m, d, y] if (1..=12).contains(m) && (1..=31).contains(d) && *y >= 1000 && *y <= 9999 => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

/// The TOML of a new article (`[translations.<locale>]` tables are added per file).
#[derive(serde::Serialize)]
#[serde(rename_all = "kebab-case")]
struct NewArticle<'a> {
    title: &'a str,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    heading: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience: Option<&'a str>,
    topic: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ms_topic: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    source: NewSource<'a>,
    body: &'a [crate::content::Block],
}

#[derive(serde::Serialize)]
struct NewSource<'a> {
    format: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<&'a str>,
}

pub(super) fn create_article(
    ws: &mut Workspace,
    id: &str,
    file: &Parsed,
    terms: &Terms,
    source_locale: &str,
    opts: &Options,
    report: &mut Report,
) {
    let (mapped, _) = map_docfx(&file.doc, &file.path, &file.source, terms, &file.locale);
    let Mapped { body, heading, audience, msgs } = mapped;
    let front = &file.doc.front;
    // Written through a struct of our own, so fields the model gains later (with serde
    // defaults) do not break the importer.
    let date = front.ms_date.as_deref().and_then(iso_date);
    let article = NewArticle {
        title: TITLE_ID,
        description: DESCRIPTION_ID,
        heading: heading.as_deref(),
        audience: audience.as_deref(),
        topic: &opts.topic,
        ms_topic: front.ms_topic.as_deref(),
        date: date.as_deref(),
        source: NewSource { format: "docfx", revision: front.openlocfilehash.as_deref() },
        body: &body,
    };
    let toml_body = match toml::to_string(&article) {
        Ok(s) => s,
        Err(err) => {
            report.diags.push(Diagnostic::file(
                Severity::Error,
                "internal",
                &file.path,
                format!("cannot write the article: {err}"),
            ));
            return;
        }
    };
    let revision = front.openlocfilehash.as_deref().unwrap_or("unknown");
    let toml_path = format!("content/articles/{id}.toml");
    let toml_src = format!(
        "# Imported by `drillbook import docfx` from the English halves of the side-by-side\n\
         # DocFX file `{}` (English revision {revision}).\n\
         # Structure only: every string is a message in locales/<locale>/{id}.ftl.\n{toml_body}",
        file_name(&file.path)
    );
    let (_, diags) = parse_article(id, &toml_path, &toml_src);
    if diags.iter().any(Diagnostic::is_error) {
        report.diags.extend(diags);
        report.diags.push(Diagnostic::file(
            Severity::Error,
            "internal",
            &file.path,
            "the generated article does not load; nothing written",
        ));
        return;
    }
    // English for the front matter is not in the file: the H1 stands in for the title and
    // the first paragraph for the description until a writer replaces them.
    // Front matter is plain text (the translations' titles and descriptions have no markup).
    let first = |kind: Kind| {
        msgs.iter()
            .find(|m| m.kind == kind)
            .and_then(|m| m.english.as_ref())
            .map(|p| vec![Elem::Text(plain_text(&align::resolve(p, &terms.english)))])
    };
    let title = first(Kind::Heading1).unwrap_or_else(|| vec![Elem::Text(id.to_string())]);
    let description = first(Kind::Paragraph).unwrap_or_else(|| title.clone());
    let mut ftl = format!(
        "# {id}: English messages, from the English halves of the side-by-side DocFX file\n\
         # `{}` (English revision {revision}), CC BY 4.0, Microsoft Corporation.\n\n",
        file_name(&file.path)
    );
    ftl.push_str("# The DocFX front matter has no English title: the article's H1 stands in.\n");
    ftl.push_str(&write_message(TITLE_ID, &title));
    ftl.push_str(
        "# The DocFX front matter has no English description: the first paragraph stands in.\n",
    );
    ftl.push_str(&write_message(DESCRIPTION_ID, &description));
    let mut missing = 0;
    for msg in msgs.iter().filter(|m| !matches!(m.kind, Kind::Title | Kind::Description)) {
        match (&msg.english, msg.kind) {
            (Some(english), _) => ftl.push_str(&write_message(&msg.id, english)),
            (None, Kind::Image) => {
                missing += 1;
                ftl.push_str("# No English alt text in the DocFX source (only translations): the file name stands in.\n");
                let name = msg
                    .english_raw
                    .as_deref()
                    .unwrap_or("image")
                    .rsplit('/')
                    .next()
                    .unwrap_or("image");
                ftl.push_str(&write_message(&msg.id, &[Elem::Text(name.to_string())]));
            }
            (None, _) => {
                missing += 1;
                ftl.push_str(&format!(
                    "# No English in the DocFX source: the {} translation stands in.\n",
                    file.locale
                ));
                ftl.push_str(&write_message(&msg.id, &msg.translation));
            }
        }
    }
    let images = if missing > 0 {
        format!(", nor for {missing} image alt text(s) (file names stand in)")
    } else {
        String::new()
    };
    report.diags.push(Diagnostic::file(
        Severity::Warning,
        "missing-english",
        &format!("locales/{source_locale}/{id}.ftl"),
        format!("DocFX has no English for the title and description (the H1 and the first paragraph stand in){images}; review these en-US messages"),
    ));
    ws.set(&toml_path, toml_src);
    ws.set(&format!("locales/{source_locale}/{id}.ftl"), ftl);
    report.created.push(toml_path);
}

/// Markdown to plain text: `[text](url)` → `text`, emphasis and code marks dropped.
pub(super) fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(open) = rest.find("](") {
        out.push_str(&rest[..open]);
        rest = rest[open..].find(')').map_or("", |close| &rest[open + close + 1..]);
    }
    out.push_str(rest);
    out.replace(['*', '`', '['], "")
        .replace("\\\n", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
