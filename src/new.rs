//! What `drillbook new` writes, computed without touching the disk: the starter project
//! (the files under `starter/`, embedded), article skeletons, untranslated placeholders of
//! source files, and the edits to `site.toml`, `site.ftl` and `ui.ftl`.
//!
//! Untranslated means *commented out*: a placeholder file holds the source locale's text with
//! every message line behind `# `. The translation has no such message, so pages show the
//! source text marked "not yet translated" and `drillbook check` lists each message as
//! `missing-message`; uncommenting and translating a message is the whole job.

use std::collections::BTreeMap;

use fluent_syntax::ast;
use serde::Deserialize;
use toml::Spanned;

use crate::l10n::lock::{LOCK_FILE, Lock, render_lock};
use crate::l10n::{L10n, LocaleFiles, parse_ftl};

/// The starter project's source locale and its translated locale.
pub(crate) const STARTER_SOURCE: &str = "en-US";
pub(crate) const STARTER_TRANSLATION: &str = "de-DE";

/// The starter project: path in the new project -> text (from `starter/` in the repository;
/// `gitignore` there becomes `.gitignore`, so it does not apply to the repository itself).
pub(crate) const STARTER: &[(&str, &str)] = &[
    (".gitignore", include_str!("../starter/gitignore")),
    ("content/site.toml", include_str!("../starter/content/site.toml")),
    ("content/glossary.toml", include_str!("../starter/content/glossary.toml")),
    (
        "content/articles/suspend-a-subscription.toml",
        include_str!("../starter/content/articles/suspend-a-subscription.toml"),
    ),
    ("locales/en-US/site.ftl", include_str!("../starter/locales/en-US/site.ftl")),
    ("locales/en-US/ui.ftl", include_str!("../starter/locales/en-US/ui.ftl")),
    ("locales/en-US/checklist.ftl", include_str!("../starter/locales/en-US/checklist.ftl")),
    (
        "locales/en-US/suspend-a-subscription.ftl",
        include_str!("../starter/locales/en-US/suspend-a-subscription.ftl"),
    ),
    ("locales/de-DE/site.ftl", include_str!("../starter/locales/de-DE/site.ftl")),
    ("locales/de-DE/ui.ftl", include_str!("../starter/locales/de-DE/ui.ftl")),
    ("locales/de-DE/checklist.ftl", include_str!("../starter/locales/de-DE/checklist.ftl")),
    (
        "locales/de-DE/suspend-a-subscription.ftl",
        include_str!("../starter/locales/de-DE/suspend-a-subscription.ftl"),
    ),
];

/// Every file of a new project, in path order: the starter files and the translated
/// locale's `l10n.lock`, which records the shipped translations as reviewed (computed as
/// `drillbook l10n accept` computes it, so `check` finds nothing stale).
pub(crate) fn starter_files() -> Vec<(String, String)> {
    let mut files: BTreeMap<String, String> =
        STARTER.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    files.insert(
        format!("locales/{STARTER_TRANSLATION}/{LOCK_FILE}"),
        render_lock(STARTER_TRANSLATION, &starter_lock()),
    );
    files.into_iter().collect()
}

/// The translated starter locale's lock: every translated message accepted.
fn starter_lock() -> Lock {
    let locale = |name: &str| {
        let prefix = format!("locales/{name}/");
        let files = STARTER
            .iter()
            .filter_map(|(path, text)| {
                let scope = path.strip_prefix(&prefix)?.strip_suffix(".ftl")?;
                Some((scope.to_string(), parse_ftl(path, text.to_string()).0))
            })
            .collect();
        LocaleFiles::new(name, files)
    };
    let l10n = L10n { locales: vec![locale(STARTER_SOURCE), locale(STARTER_TRANSLATION)] };
    crate::check::stale::accept(&l10n, STARTER_TRANSLATION, &Lock::new(), &[])
        .expect("the starter has a source and a translated locale")
        .lock
}

/// The comment that opens every placeholder file of `locale`.
pub(crate) fn placeholder_header(locale: &str, source_locale: &str) -> String {
    format!(
        "# Not yet translated into {locale}: `drillbook new` copied the {source_locale} text with\n\
         # every message commented out. To translate a message, remove the `# ` in front of its\n\
         # lines and translate the text. Until then pages show the {source_locale} text, marked \"not\n\
         # yet translated\", and `drillbook check` lists the message as missing. Once reviewed,\n\
         # run `drillbook l10n accept {locale}`.\n\n"
    )
}

/// The comment line above one untranslated entry added to an existing file (`new term`):
/// the entry is flagged where a translator reads it.
pub(crate) fn untranslated_flag(source_locale: &str) -> String {
    format!(
        "# Not yet translated ({source_locale} text): remove the `# ` below and translate it.\n"
    )
}

/// `source` (a source-locale `.ftl` file) with each line that is not already a comment or
/// blank put behind `# `: comments stay as they are, for the translator's context.
pub(crate) fn comment_out(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    for line in source.strip_prefix('\u{feff}').unwrap_or(source).lines() {
        if !(line.trim().is_empty() || line.starts_with('#')) {
            out.push_str("# ");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A placeholder for `locale` of a source-locale file: header, then the commented-out text.
pub(crate) fn placeholder(locale: &str, source_locale: &str, source: &str) -> String {
    placeholder_header(locale, source_locale) + &comment_out(source)
}

/// `text` with `addition` appended on a line of its own (a newline added where missing).
pub(crate) fn append(text: &str, addition: &str) -> String {
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(addition);
    out
}

/// Whether `source` defines message or term `id` (`-name` for a term).
pub(crate) fn defines(source: &str, id: &str) -> bool {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    resource.body.iter().any(|entry| match entry {
        ast::Entry::Message(m) => m.id.name == id,
        ast::Entry::Term(t) => id.strip_prefix('-') == Some(t.id.name),
        _ => false,
    })
}

/// "assign-support-contacts" -> "Assign support contacts".
pub(crate) fn humanize(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The content file of a new article.
pub(crate) fn article_toml(id: &str, topic: &str) -> String {
    format!(
        "# Structure only: every string is a message in locales/<locale>/{id}.ftl.\n\
         title = \"title\"\n\
         description = \"description\"\n\
         topic = \"{topic}\"\n\
         \n\
         [[body]]\n\
         paragraph = \"intro\"\n\
         \n\
         [[body]]\n\
         [body.procedure]\n\
         steps = [\n  \
           {{ id = \"first\", text = \"step-first\" }},\n  \
           {{ id = \"second\", text = \"step-second\" }},\n\
         ]\n\
         \n\
         [[body]]\n\
         alert = {{ kind = \"note\", text = \"note\" }}\n"
    )
}

/// The source-locale messages of a new article (text for the writer to replace).
pub(crate) fn article_ftl(id: &str) -> String {
    let title = humanize(id);
    format!(
        "title = {title}\n\
         description = How to { }.\n\
         intro = Say in a sentence or two what this procedure does and when to use it.\n\
         step-first = Describe the first step.\n\
         step-second = Describe the second step.\n\
         note = Add a note, or remove this block from content/articles/{id}.toml.\n",
        title.to_lowercase()
    )
}

/// A Fluent identifier: `[a-zA-Z][a-zA-Z0-9_-]*`.
pub(crate) fn is_fluent_id(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// One line `-name = text` for a term, or why `text` cannot be one: it must be a single
/// line of plain text (no placeables), so it reads the same in every locale's file.
pub(crate) fn term_line(name: &str, text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("the term's text is empty".into());
    }
    if text.contains(['\n', '\r']) {
        return Err("the term's text must be one line".into());
    }
    if text.contains(['{', '}']) {
        return Err("the term's text must be plain text, without `{` or `}`".into());
    }
    if text.starts_with(['[', '*', '.']) {
        return Err("the term's text must not start with `[`, `*` or `.`".into());
    }
    let line = format!("-{name} = {text}\n");
    // The parser has the last word on what Fluent accepts.
    match fluent_syntax::parser::parse(line.as_str()) {
        Ok(resource) if matches!(resource.body.as_slice(), [ast::Entry::Term(_)]) => Ok(line),
        _ => Err(format!("`{text}` is not valid Fluent text for a term")),
    }
}

/// `site.toml` with `tag` appended to its `locales` list: the text is edited in place, after
/// the list's last element, so comments and layout stay as they were.
pub(crate) fn add_locale_to_config(source: &str, tag: &str) -> Result<String, String> {
    #[derive(Deserialize)]
    struct Locales {
        locales: Spanned<Vec<Spanned<String>>>,
    }
    let parsed: Locales = toml::from_str(source)
        .map_err(|e| format!("cannot read the `locales` list: {}", e.message()))?;
    let last = parsed.locales.get_ref().last().ok_or("the `locales` list is empty")?;
    let at = last.span().end;
    let mut out = String::with_capacity(source.len() + tag.len() + 4);
    out.push_str(&source[..at]);
    out.push_str(&format!(", \"{tag}\""));
    out.push_str(&source[at..]);
    // The edit is checked by reading the list back.
    let again: Locales = toml::from_str(&out).map_err(|e| e.message().to_string())?;
    let mut expected: Vec<&str> =
        parsed.locales.get_ref().iter().map(|l| l.get_ref().as_str()).collect();
    expected.push(tag);
    let found: Vec<&str> = again.locales.get_ref().iter().map(|l| l.get_ref().as_str()).collect();
    if found != expected {
        return Err("the `locales` list could not be edited in place".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
