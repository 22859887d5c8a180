//! `drillbook import docfx`: bringing DocFX articles, with their translations and provenance,
//! into `content/` and `locales/`.
//!
//! The core works on an in-memory [`Workspace`] (project files by relative path), so it is
//! pure and testable; [`load_workspace`] and [`write_workspace`] are the only disk access.
//!
//! - A new article is created from the English halves of its newest file (by
//!   `ms.lasthandoff`): `content/articles/<id>.toml` and `locales/en-US/<id>.ftl`.
//! - Every file, including that one, is then aligned to the article's en-US messages
//!   ([`align`]); aligned messages get the file's translation in `locales/<locale>/<id>.ftl`
//!   (existing messages are replaced in place, the rest of the file is kept byte for byte),
//!   and `l10n.lock` gets the fingerprint of the English the translation was made from.
//!   Re-importing therefore updates a hand-corrected translation: import means "take the
//!   file's text"; the previous text stays in version control.
//! - Importing twice gives the same files as importing once.

pub mod align;
pub mod docfx;
pub mod ftl_write;
pub mod map;
pub mod twin;
pub mod workspace;

use std::collections::BTreeMap;
use std::path::Path;

use fluent_syntax::ast;

use crate::content::{Article, TranslationKind, parse_article, parse_config};
use crate::diag::{Diagnostic, Severity};
use crate::import::align::article_slots;
use crate::import::docfx::{DocFx, parse_docfx};
use crate::import::ftl_write::{Elem, read_pattern, write_message};
use crate::import::map::{DESCRIPTION_ID, Kind, Mapped, TITLE_ID, Terms, map_docfx};
use crate::import::twin::zip_twin;
pub use crate::import::workspace::{
    Workspace, load_workspace, patch_ftl, set_translation, write_workspace,
};
use crate::l10n::lock::{LOCK_FILE, Lock, fingerprint, parse_lock, render_lock};

/// One file to import: its display path and contents.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: String,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Topic of newly created articles.
    pub topic: String,
    /// Leave messages the locale already translates alone (their text and lock entry):
    /// only fill in what is missing. For hand-corrected translations.
    pub keep_existing: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { topic: "customers".to_string(), keep_existing: false }
    }
}

/// What happened to one input file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileReport {
    pub path: String,
    pub article: String,
    pub locale: String,
    /// Side-by-side segments in the file (or in its twin).
    pub segments: usize,
    /// Segments that ended up in an aligned message.
    pub imported: usize,
    /// Messages aligned to en-US messages (same English or changed English).
    pub aligned: usize,
    /// Aligned messages whose English differs from the current en-US (lock says stale).
    pub stale: usize,
    /// Messages that matched nothing (reported with their line).
    pub unaligned: usize,
    /// Aligned messages left as they were (`keep_existing`).
    pub kept: usize,
    pub label_mismatches: usize,
    /// Why nothing was imported, when nothing was.
    pub skipped: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub created: Vec<String>,
    pub diags: Vec<Diagnostic>,
}

struct Parsed {
    input: usize,
    path: String,
    source: String,
    article: String,
    locale: String,
    doc: DocFx,
    /// The twin whose English a plain file uses.
    twin: Option<String>,
}

/// Imports DocFX files into the workspace.
pub fn import_docfx(ws: &mut Workspace, inputs: &[Input], opts: &Options) -> Report {
    let mut report = Report::default();
    let Some(config) =
        ws.get("content/site.toml").and_then(|src| parse_config("content/site.toml", src).0)
    else {
        report.diags.push(Diagnostic::file(
            Severity::Error,
            "no-site",
            "content/site.toml",
            "cannot import without a valid `content/site.toml`",
        ));
        return report;
    };
    let source_locale = config.default_locale.get_ref().clone();
    let locales: Vec<String> = config.locales.iter().map(|l| l.get_ref().clone()).collect();

    let mut groups: BTreeMap<String, Vec<Parsed>> = BTreeMap::new();
    for (n, input) in inputs.iter().enumerate() {
        let (doc, diags) = parse_docfx(&input.path, &input.source);
        report.diags.extend(diags);
        let article =
            Path::new(&input.path).file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let skip = |why: String, report: &mut Report| {
            report.diags.push(Diagnostic::file(
                Severity::Error,
                "not-imported",
                &input.path,
                why.clone(),
            ));
            report.files.push(FileReport {
                path: input.path.clone(),
                article: article.clone(),
                skipped: Some(why),
                ..FileReport::default()
            });
        };
        if !crate::paths::is_slug(&article) {
            skip(
                format!(
                    "the file name `{article}` is not an article id (lower-case words joined by `-`)"
                ),
                &mut report,
            );
            continue;
        }
        let Some(locale) = doc.front.contentlocale.clone() else {
            skip("no `ms.contentlocale` in the front matter".into(), &mut report);
            continue;
        };
        if locale == source_locale || !locales.contains(&locale) {
            skip(
                format!(
                    "locale `{locale}` is not a translation locale of this site ({})",
                    locales.join(", ")
                ),
                &mut report,
            );
            continue;
        }
        groups.entry(article.clone()).or_default().push(Parsed {
            input: n,
            path: input.path.clone(),
            source: input.source.clone(),
            article,
            locale,
            doc,
            twin: None,
        });
    }

    let en_terms = terms_of(ws, &source_locale);
    let mut term_cache: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut locks: BTreeMap<String, Lock> = BTreeMap::new();
    for (article, mut files) in groups {
        resolve_plain_files(&mut files, &mut report);
        files.sort_by(|a, b| (&a.locale, a.input).cmp(&(&b.locale, b.input)));
        let toml_path = format!("content/articles/{article}.toml");
        if ws.get(&toml_path).is_none() {
            let Some(newest) = files
                .iter()
                .filter(|f| f.doc.segments > 0)
                .max_by_key(|f| (handoff_key(&f.doc), std::cmp::Reverse(f.input)))
            else {
                continue;
            };
            let terms = Terms { english: en_terms.clone(), locale: terms_of(ws, &newest.locale) };
            create_article(ws, &article, newest, &terms, &source_locale, opts, &mut report);
            // Lock entries left from an earlier article of that id describe other English.
            let prefix = format!("{article}/");
            for file in &files {
                let lock = locks.entry(file.locale.clone()).or_insert_with(|| {
                    let path = format!("locales/{}/{LOCK_FILE}", file.locale);
                    parse_lock(&path, ws.get(&path).unwrap_or("")).0
                });
                lock.retain(|key, _| !key.starts_with(&prefix));
            }
        }
        // Parsed once per article: the structure and en-US do not change while its
        // translations are imported.
        let Some(target) = load_target(ws, &article, &source_locale, &en_terms, &mut report.diags)
        else {
            for file in &files {
                report.files.push(FileReport {
                    path: file.path.clone(),
                    article: article.clone(),
                    locale: file.locale.clone(),
                    skipped: Some(format!("`{toml_path}` does not load")),
                    ..FileReport::default()
                });
            }
            continue;
        };
        for file in &files {
            let locale_terms =
                term_cache.entry(file.locale.clone()).or_insert_with(|| terms_of(ws, &file.locale));
            let terms = Terms { english: en_terms.clone(), locale: locale_terms.clone() };
            let lock = locks.entry(file.locale.clone()).or_insert_with(|| {
                let path = format!("locales/{}/{LOCK_FILE}", file.locale);
                parse_lock(&path, ws.get(&path).unwrap_or("")).0
            });
            let file_report =
                import_file(ws, file, &terms, &target, lock, opts.keep_existing, &mut report.diags);
            report.files.push(file_report);
        }
    }
    for (locale, lock) in &locks {
        ws.set(&format!("locales/{locale}/{LOCK_FILE}"), render_lock(locale, lock));
    }
    report
        .files
        .sort_by(|a, b| (&a.article, &a.locale, &a.path).cmp(&(&b.article, &b.locale, &b.path)));
    crate::diag::sort(&mut report.diags);
    report
}

/// Plain files borrow structure and English from a side-by-side twin of the same locale and
/// English revision; without one they are not imported. A used twin is not imported twice.
fn resolve_plain_files(files: &mut Vec<Parsed>, report: &mut Report) {
    let mut consumed = Vec::new();
    for i in 0..files.len() {
        if files[i].doc.segments > 0 {
            continue;
        }
        let hash = files[i].doc.front.openlocfilehash.clone();
        let twin = files.iter().position(|t| {
            t.doc.segments > 0
                && t.locale == files[i].locale
                && hash.is_some()
                && t.doc.front.openlocfilehash == hash
        });
        let why = match twin {
            None => Some(format!(
                "`{}` has no side-by-side spans, so there is no English to align it to; give its side-by-side twin (same `ms.openlocfilehash` {}) too",
                files[i].path,
                hash.as_deref().unwrap_or("(none)")
            )),
            Some(t) => match zip_twin(&files[i].doc.blocks, &files[t].doc.blocks) {
                Ok(blocks) => {
                    let segments = files[t].doc.segments;
                    files[i].doc.blocks = blocks;
                    files[i].doc.segments = segments;
                    files[i].twin = Some(files[t].path.clone());
                    consumed.push(t);
                    None
                }
                Err(why) => Some(format!(
                    "`{}` does not have the block structure of its twin `{}`: {why}",
                    files[i].path, files[t].path
                )),
            },
        };
        if let Some(why) = why {
            report.diags.push(Diagnostic::file(
                Severity::Error,
                "plain-file",
                &files[i].path,
                why.clone(),
            ));
            report.files.push(FileReport {
                path: files[i].path.clone(),
                article: files[i].article.clone(),
                locale: files[i].locale.clone(),
                skipped: Some(why),
                ..FileReport::default()
            });
        }
    }
    consumed.sort_unstable();
    consumed.dedup();
    for &t in consumed.iter().rev() {
        let twin = files.remove(t);
        let why = "used as the side-by-side twin of a plain file".to_string();
        report.files.push(FileReport {
            path: twin.path,
            article: twin.article,
            locale: twin.locale,
            segments: twin.doc.segments,
            skipped: Some(why),
            ..FileReport::default()
        });
    }
    files.retain(|f| f.doc.segments > 0);
}

/// `ms.lasthandoff` (MM/DD/YYYY) as a sortable key.
fn handoff_key(doc: &DocFx) -> (u32, u32, u32) {
    let parts: Vec<u32> = doc
        .front
        .lasthandoff
        .as_deref()
        .unwrap_or("")
        .split('/')
        .map(|p| p.trim().parse().unwrap_or(0))
        .collect();
    match parts.as_slice() {
        [m, d, y] => (*y, *m, *d),
        _ => (0, 0, 0),
    }
}

/// `MM/DD/YYYY` → `YYYY-MM-DD`.
fn iso_date(date: &str) -> Option<String> {
    let parts: Vec<u32> = date.split('/').map(|p| p.trim().parse().ok()).collect::<Option<_>>()?;
    match parts.as_slice() {
        [m, d, y] if (1..=12).contains(m) && (1..=31).contains(d) && *y >= 1000 && *y <= 9999 => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

/// The text terms of a locale's `ui.ftl`, by name without `-`.
fn terms_of(ws: &Workspace, locale: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(src) = ws.get(&format!("locales/{locale}/ui.ftl")) else {
        return out;
    };
    let resource = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    for entry in &resource.body {
        if let ast::Entry::Term(term) = entry {
            let value = read_pattern(&term.value);
            if let [Elem::Text(text)] = value.as_slice() {
                out.insert(term.id.name.to_string(), text.clone());
            }
        }
    }
    out
}

/// The messages of an FTL source: id → (pattern, fingerprint).
fn messages_of(src: &str) -> BTreeMap<String, (Vec<Elem>, String)> {
    let resource = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            if let Some(value) = &m.value {
                out.entry(m.id.name.to_string())
                    .or_insert_with(|| (read_pattern(value), fingerprint(m)));
            }
        }
    }
    out
}

/// The lock fingerprint of the message `id = pattern` as the importer writes it.
pub fn fingerprint_of(id: &str, pattern: &[Elem]) -> String {
    let src = write_message(id, pattern);
    messages_of(&src)
        .remove(id)
        .map_or_else(|| crate::l10n::lock::fingerprint_text(&src), |(_, fp)| fp)
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

fn create_article(
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
fn plain_text(markdown: &str) -> String {
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

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// An existing article, ready to align files to.
struct Target {
    id: String,
    toml_path: String,
    article: Article,
    slots: Vec<align::Slot>,
    /// en-US message id -> (pattern, fingerprint).
    en: BTreeMap<String, (Vec<Elem>, String)>,
}

fn load_target(
    ws: &Workspace,
    id: &str,
    source_locale: &str,
    en_terms: &BTreeMap<String, String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Target> {
    let toml_path = format!("content/articles/{id}.toml");
    let (article, article_diags) = parse_article(id, &toml_path, ws.get(&toml_path)?);
    let Some(article) = article else {
        diags.extend(article_diags);
        return None;
    };
    let en = messages_of(ws.get(&format!("locales/{source_locale}/{id}.ftl")).unwrap_or(""));
    let en_patterns: BTreeMap<String, Vec<Elem>> =
        en.iter().map(|(k, (p, _))| (k.clone(), p.clone())).collect();
    let slots = article_slots(&article, &en_patterns, en_terms);
    Some(Target { id: id.to_string(), toml_path, article, slots, en })
}

/// Aligns one file to the article and writes its translation, lock entries and provenance.
fn import_file(
    ws: &mut Workspace,
    file: &Parsed,
    terms: &Terms,
    target: &Target,
    lock: &mut Lock,
    keep_existing: bool,
    diags: &mut Vec<Diagnostic>,
) -> FileReport {
    let Target { id, toml_path, article, slots, en } = target;
    let mut report = FileReport {
        path: file.path.clone(),
        article: id.clone(),
        locale: file.locale.clone(),
        segments: file.doc.segments,
        ..FileReport::default()
    };
    let (mapped, map_diags) = map_docfx(&file.doc, &file.path, &file.source, terms, &file.locale);
    diags.extend(map_diags);
    let pairs = align::align(&mapped.msgs, slots);
    let same_revision = file.doc.front.openlocfilehash.is_some()
        && file.doc.front.openlocfilehash
            == article.source.as_ref().and_then(|s| s.revision.clone());

    let mut updates: BTreeMap<usize, (String, Vec<Elem>)> = BTreeMap::new();
    let mut lock_changes: BTreeMap<String, Option<String>> = BTreeMap::new();
    let ftl_path = format!("locales/{}/{id}.ftl", file.locale);
    let existing =
        if keep_existing { messages_of(ws.get(&ftl_path).unwrap_or("")) } else { BTreeMap::new() };
    for (msg, pair) in mapped.msgs.iter().zip(&pairs) {
        report.label_mismatches += msg.label_mismatches;
        let Some((slot_index, _)) = *pair else {
            if msg.segments > 0 {
                report.unaligned += 1;
                let english = msg.english_raw.as_deref().unwrap_or("");
                diags.push(Diagnostic::warning(
                    "unaligned-segment",
                    &file.path,
                    &file.source,
                    msg.offset..msg.offset + 1,
                    format!(
                        "not imported: the English `{}` matches no en-US message of `{id}`",
                        shorten(english)
                    ),
                ));
            }
            continue;
        };
        let slot = &slots[slot_index];
        // A list item that is a whole link fills a next-steps link: keep only the link text.
        // A next-steps link filling a list item: put the link back around the text.
        let link_only = slot.kind == Kind::Link && msg.kind != Kind::Link;
        let link_back = (msg.kind == Kind::Link && slot.kind != Kind::Link)
            .then(|| {
                msg.english_raw
                    .as_deref()
                    .and_then(|raw| raw.rfind("](").map(|at| raw[at..].to_string()))
            })
            .flatten();
        let adapt = |p: &Vec<Elem>| -> Vec<Elem> {
            if link_only {
                return strip_link(p);
            }
            let Some(tail) = &link_back else {
                return p.clone();
            };
            let mut out = vec![Elem::Text("[".into())];
            out.extend(p.iter().cloned());
            out.push(Elem::Text(tail.clone()));
            let mut merged = Vec::new();
            for elem in out {
                match elem {
                    Elem::Text(t) => crate::import::ftl_write::push_text(&mut merged, &t),
                    term => merged.push(term),
                }
            }
            merged
        };
        let english = msg.english.as_ref().map(adapt);
        let translation = adapt(&msg.translation);
        let current = en.get(&slot.id).map(|(_, fp)| fp.clone());
        let key = format!("{id}/{}", slot.id);
        let fp = match english {
            Some(english) => Some(fingerprint_of(&slot.id, &english)),
            None if same_revision => current.clone(),
            None => None,
        };
        if fp.is_some() && fp != current {
            report.stale += 1;
        }
        report.aligned += 1;
        report.imported += msg.segments;
        if keep_existing && existing.contains_key(&slot.id) {
            report.kept += 1;
            if fp.is_some() && fp != current {
                report.stale -= 1;
            }
            continue;
        }
        lock_changes.insert(key, fp);
        updates.insert(slot_index, (slot.id.clone(), translation));
    }

    let header = format!(
        "# {id}: {} translation, imported from the DocFX file `{}`\n# (English revision {}, {}), CC BY 4.0, Microsoft Corporation and contributors.\n\n",
        file.locale,
        file_name(file.twin.as_deref().unwrap_or(&file.path)),
        file.doc.front.openlocfilehash.as_deref().unwrap_or("unknown"),
        file.doc.front.translationtype.as_deref().unwrap_or("translation type unknown"),
    );
    let ordered: Vec<(String, Vec<Elem>)> = updates.into_values().collect();
    let ftl = patch_ftl(ws.get(&ftl_path), &ordered, &header);
    ws.set(&ftl_path, ftl);

    for (key, fp) in lock_changes {
        match fp {
            Some(fp) => lock.insert(key, fp),
            None => lock.remove(&key),
        };
    }

    let machine =
        file.doc.front.translationtype.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("MT"));
    let kind = if machine { TranslationKind::Machine } else { TranslationKind::Human };
    if let Some(toml_src) = ws.get(toml_path) {
        let new_toml = set_translation(
            toml_src,
            &file.locale,
            kind,
            file.doc.front.openlocfilehash.as_deref(),
        );
        // The edit is textual: keep the file as it was if the result would not load (say,
        // `translations` written as dotted keys or one inline table).
        let (_, toml_diags) = parse_article(id, toml_path, &new_toml);
        if toml_diags.iter().any(Diagnostic::is_error) {
            diags.push(Diagnostic::file(
                Severity::Error,
                "not-updated",
                toml_path,
                format!("cannot record the {} translation's provenance in this file; add `[translations.{}]` by hand", file.locale, file.locale),
            ));
        } else {
            ws.set(toml_path, new_toml);
        }
    }
    report
}

/// `[text](url)` → `text`, on a pattern (terms inside the text are kept).
fn strip_link(pattern: &[Elem]) -> Vec<Elem> {
    let mut out = pattern.to_vec();
    let starts = matches!(out.first(), Some(Elem::Text(t)) if t.starts_with('['));
    let ends = matches!(out.last(), Some(Elem::Text(t)) if t.ends_with(')') && t.contains("]("));
    if !(starts && ends) {
        return out;
    }
    if let Some(Elem::Text(t)) = out.last_mut() {
        if let Some(cut) = t.rfind("](") {
            t.truncate(cut);
        }
    }
    if let Some(Elem::Text(t)) = out.first_mut() {
        t.remove(0);
    }
    out.retain(|e| !matches!(e, Elem::Text(t) if t.is_empty()));
    out
}

fn shorten(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    if short.len() < s.len() { format!("{short}…") } else { short }
}

#[cfg(test)]
mod tests;
