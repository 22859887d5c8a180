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
//! - Time and memory are linear in the input; nesting past fixed depths is a positioned
//!   `nesting-too-deep` error and the file is skipped; the changed files are staged in full
//!   before any is renamed into place ([`write_workspace`]). See docs/import.md, "Limits".

pub mod align;
mod create;
mod diags;
pub mod docfx;
mod earlier;
mod file;
pub mod ftl_write;
pub mod map;
pub mod twin;
pub mod workspace;

use std::collections::BTreeMap;
use std::path::Path;

use fluent_syntax::ast;

use crate::content::parse_config;
use crate::diag::{Diagnostic, Severity};
use crate::import::create::create_article;
#[cfg(test)]
use crate::import::create::{iso_date, plain_text};
use crate::import::docfx::{DocFx, parse_docfx};
use crate::import::file::{Pass, import_file, load_target};
use crate::import::ftl_write::{Elem, read_pattern, write_message};
use crate::import::map::Terms;
use crate::import::twin::zip_twin;
pub use crate::import::workspace::{
    Workspace, load_workspace, patch_ftl, set_translation, write_workspace,
};
use crate::l10n::lock::{LOCK_FILE, Lock, fingerprint, parse_lock, render_lock};
use crate::l10n::reviewed::{REVIEWED_FILE, Reviewed, parse_reviewed, render_reviewed};

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
        // DocFX file names may carry capitals (`hololens-FAQ.md`); Microsoft Learn serves them
        // at the lower-cased URL, which is the article id.
        let article = Path::new(&input.path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
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
        if doc.too_deep {
            skip(
                "it nests deeper than the importer follows (see `nesting-too-deep`)".into(),
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
    let mut reviewed: BTreeMap<String, Reviewed> = BTreeMap::new();
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
        let Some(mut target) =
            load_target(ws, &article, &source_locale, &en_terms, &mut report.diags)
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
            let reviewed = reviewed.entry(file.locale.clone()).or_insert_with(|| {
                let path = format!("locales/{}/{REVIEWED_FILE}", file.locale);
                parse_reviewed(ws.get(&path).unwrap_or(""))
            });
            let first = import_file(
                ws,
                file,
                &terms,
                &target,
                (&mut *lock, &mut *reviewed),
                Pass { keep_existing: opts.keep_existing, may_be_earlier: true },
                &mut report.diags,
            );
            let file_report = match first {
                Some(file_report) => file_report,
                None => {
                    // Translated from English the article no longer has: keep it as an
                    // `earlier` block, then align the file to that block.
                    match earlier::add_earlier(ws, &article, file, &terms, &source_locale) {
                        Ok(added) => {
                            report.diags.push(Diagnostic::file(
                                Severity::Warning,
                                "earlier-revision",
                                &file.path,
                                format!(
                                    "translated from English revision {}, most of which the article's English no longer has: its {added} messages are kept as an `earlier` block, shown only in locales translated from that revision",
                                    file.doc.front.openlocfilehash.as_deref().unwrap_or("?")
                                ),
                            ));
                            let reloaded = load_target(
                                ws,
                                &article,
                                &source_locale,
                                &en_terms,
                                &mut report.diags,
                            );
                            let Some(reloaded) = reloaded else { continue };
                            target = reloaded;
                        }
                        Err(diag) => report.diags.push(diag),
                    }
                    let second = import_file(
                        ws,
                        file,
                        &terms,
                        &target,
                        (&mut *lock, &mut *reviewed),
                        Pass { keep_existing: opts.keep_existing, may_be_earlier: false },
                        &mut report.diags,
                    );
                    let Some(file_report) = second else { continue };
                    file_report
                }
            };
            report.files.push(file_report);
        }
    }
    for (locale, lock) in &locks {
        ws.set(&format!("locales/{locale}/{LOCK_FILE}"), render_lock(locale, lock));
        // The English each fingerprint was made from, so `l10n status --diff` can show what
        // changed since the translation's English (written only where there is any).
        let path = format!("locales/{locale}/{REVIEWED_FILE}");
        let kept = reviewed.remove(locale).unwrap_or_default();
        let used = lock.values().any(|print| kept.contains_key(print));
        if used || ws.get(&path).is_some() {
            ws.set(&path, render_reviewed(locale, lock, &kept));
        }
    }
    if let Some(diag) = unloadable(ws) {
        // Nothing is written rather than a file the next command cannot load (the source
        // locale's, say): the import's own defect, reported as such.
        ws.discard_changes();
        report.diags.push(diag);
    }
    report
        .files
        .sort_by(|a, b| (&a.article, &a.locale, &a.path).cmp(&(&b.article, &b.locale, &b.path)));
    crate::diag::sort(&mut report.diags);
    report
}

/// An `internal` error for the first file the import changed that would not load again
/// though it did before (or did not exist): an `.ftl` file with a syntax error, an article
/// or lock file with an error. A file that had errors already is the author's to fix.
fn unloadable(ws: &Workspace) -> Option<Diagnostic> {
    let first_error = |path: &str, text: &str| {
        let diags = if path.ends_with(".ftl") {
            crate::l10n::parse_ftl(path, text.to_string()).1
        } else if let Some(id) =
            path.strip_prefix("content/articles/").and_then(|p| p.strip_suffix(".toml"))
        {
            crate::content::parse_article(id, path, text).1
        } else if path.ends_with(LOCK_FILE) {
            parse_lock(path, text).1
        } else {
            Vec::new()
        };
        diags.into_iter().find(Diagnostic::is_error)
    };
    ws.changed().into_iter().find_map(|path| {
        let problem = first_error(path, ws.get(path)?)?;
        if ws.original(path).is_some_and(|before| first_error(path, before).is_some()) {
            return None;
        }
        Some(Diagnostic::file(
            Severity::Error,
            "internal",
            path,
            format!(
                "the import would write `{path}`, which does not load ({}); nothing was written",
                problem.headline()
            ),
        ))
    })
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

/// The lock fingerprint of the message `id = pattern` as the importer writes it, with the
/// text it hashes (an `l10n.reviewed` record).
pub fn reviewed_of(id: &str, pattern: &[Elem]) -> Option<(String, String)> {
    let src = write_message(id, pattern);
    let resource = fluent_syntax::parser::parse(src.as_str()).ok()?;
    let ast::Entry::Message(m) = resource.body.first()? else { return None };
    let text = crate::l10n::reviewed::message_text(m).trim_end_matches(['\n', '\r']).to_string();
    let print = crate::l10n::lock::fingerprint_text(&text);
    (print == fingerprint(m)).then_some((print, text))
}

/// The lock fingerprint of the message `id = pattern` as the importer writes it.
pub fn fingerprint_of(id: &str, pattern: &[Elem]) -> String {
    let src = write_message(id, pattern);
    messages_of(&src)
        .remove(id)
        .map_or_else(|| crate::l10n::lock::fingerprint_text(&src), |(_, fp)| fp)
}

#[cfg(test)]
mod tests;
