//! Locales and Fluent: loading `locales/<locale>/*.ftl`, building bundles, formatting
//! messages and terms with the en-US fallback policy.
//!
//! Scopes: each `.ftl` file is a scope named by its stem. A bundle for scope `s` holds the
//! locale's `ui.ftl` (Partner Center's UI labels, as terms, shared by everything) and `s.ftl`.
//! So an article's message ids never collide with the site chrome's (`site.ftl`).

pub mod lock;
mod parse;
pub mod reviewed;
mod translate;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::diag::{Diagnostic, Severity};
use crate::paths::{read_text_lossy, rel_path};

pub use parse::{MAX_NESTING, PARSER_CODES, parse_ftl, parser_error};
pub use translate::{Problem, Text, Translator};

/// The scope whose terms every bundle shares.
pub const UI_SCOPE: &str = "ui";

/// One parsed `.ftl` file. The source text lives once, inside the resource (a clone
/// shares it).
#[derive(Debug, Clone)]
pub struct FtlFile {
    /// Display path relative to the project root.
    pub path: String,
    pub resource: Arc<FluentResource>,
    /// Syntax errors (each also a junk entry of the resource), for `check`.
    pub errors: Vec<fluent_syntax::parser::ParserError>,
}

impl FtlFile {
    /// The file's text, without a leading byte-order mark.
    pub fn source(&self) -> &str {
        self.resource.source()
    }
}

/// All files of one locale, by scope (file stem). A clone shares the files' resources.
#[derive(Debug, Clone)]
pub struct LocaleFiles {
    pub locale: String,
    pub langid: LanguageIdentifier,
    pub files: BTreeMap<String, FtlFile>,
    /// Scopes whose file exists but is not loaded now (see [`L10n::load_deferred`]): a
    /// streaming build holds one translated locale's article files at a time.
    pub deferred: std::collections::BTreeSet<String>,
}

impl LocaleFiles {
    /// A locale with these files (the language identifier parsed from `locale`).
    pub fn new(locale: &str, files: BTreeMap<String, FtlFile>) -> LocaleFiles {
        LocaleFiles {
            locale: locale.to_string(),
            langid: locale.parse().unwrap_or_default(),
            files,
            deferred: Default::default(),
        }
    }

    /// Whether the locale has a file for `scope`, loaded or deferred.
    pub fn has(&self, scope: &str) -> bool {
        self.files.contains_key(scope) || self.deferred.contains(scope)
    }
}

/// Every locale's files. The first locale is the source (default) locale.
#[derive(Debug)]
pub struct L10n {
    pub locales: Vec<LocaleFiles>,
}

/// Loads `locales/<locale>/*.ftl` for each locale, in the given order (source locale first).
pub fn load_l10n(root: &Path, locales: &[String]) -> (L10n, Vec<Diagnostic>) {
    load_l10n_deferring(root, locales, &std::collections::BTreeSet::new())
}

/// [`load_l10n`], but the files of the scopes in `defer` are only listed, not read, in every
/// locale except the source one: [`L10n::load_deferred`] reads them later.
pub fn load_l10n_deferring(
    root: &Path,
    locales: &[String],
    defer: &std::collections::BTreeSet<String>,
) -> (L10n, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut out = Vec::new();
    for (i, locale) in locales.iter().enumerate() {
        let dir = root.join("locales").join(locale);
        let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                .collect(),
            Err(err) => {
                diags.push(Diagnostic::file(
                    Severity::Error,
                    "missing-locale",
                    &rel_path(root, &dir),
                    format!("cannot read the directory of locale `{locale}`: {err}"),
                ));
                Vec::new()
            }
        };
        paths.sort();
        let mut deferred = std::collections::BTreeSet::new();
        if i > 0 {
            paths.retain(|path| match stem_of(path) {
                Some(stem) if defer.contains(stem) => !deferred.insert(stem.to_string()),
                _ => true,
            });
        }
        let (files, more) = read_files(root, &paths);
        diags.extend(more);
        out.push(LocaleFiles { deferred, ..LocaleFiles::new(locale, files) });
    }
    (L10n { locales: out }, diags)
}

fn stem_of(path: &Path) -> Option<&str> {
    path.file_stem().and_then(|s| s.to_str())
}

/// Reads and parses `paths`, in parallel (files are independent), by file stem.
fn read_files(
    root: &Path,
    paths: &[std::path::PathBuf],
) -> (BTreeMap<String, FtlFile>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let parsed: Vec<_> = paths
        .par_iter()
        .map(|path| {
            let stem = stem_of(path).unwrap_or_default().to_string();
            // A file that is not UTF-8 is still loaded, lossily, beside its error: what it
            // defines is not reported missing on top of it.
            let read = read_text_lossy(root, path);
            (stem, read.map(|(source, bad)| (parse_ftl(&rel_path(root, path), source), bad)))
        })
        .collect();
    let mut files = BTreeMap::new();
    let mut diags = Vec::new();
    for (stem, result) in parsed {
        match result {
            Ok(((file, more), bad)) => {
                diags.extend(bad);
                diags.extend(more);
                files.insert(stem, file);
            }
            Err(diag) => diags.push(diag),
        }
    }
    (files, diags)
}

impl L10n {
    /// Where message or term `id` (`-name` for a term, which lives in `ui.ftl`; `id.attr` for an
    /// attribute, located at its message) of `scope` is defined in `locale`: the file's display
    /// path and text and the byte span of the id. `None` when the file is not loaded or lacks it.
    pub fn locate(
        &self,
        locale: &str,
        scope: &str,
        id: &str,
    ) -> Option<(&str, &str, Range<usize>)> {
        use fluent_syntax::ast::Entry;
        let name = id.split_once('.').map_or(id, |(message, _)| message);
        let (scope, name) = match name.strip_prefix('-') {
            Some(term) => (UI_SCOPE, term),
            None => (scope, name),
        };
        let file = self.locale(locale)?.files.get(scope)?;
        let source = file.source();
        file.resource.entries().find_map(|entry| {
            let found = match entry {
                Entry::Message(m) if !id.starts_with('-') => m.id.name,
                Entry::Term(t) if id.starts_with('-') => t.id.name,
                _ => return None,
            };
            (found == name).then(|| {
                // The id is a slice of the file's text.
                let start = found.as_ptr() as usize - source.as_ptr() as usize;
                (file.path.as_str(), source, start..start + found.len())
            })
        })
    }

    /// Reads and parses the deferred files of `locale` (see [`load_l10n_deferring`]).
    pub fn load_deferred(&mut self, root: &Path, locale: &str) -> Vec<Diagnostic> {
        let (files, diags) = self.read_deferred(root, locale);
        self.insert_deferred(locale, files);
        diags
    }

    /// The deferred files of `locale`, read and parsed but not held yet: a build reads the
    /// next locale's while it checks and renders this one ([`L10n::insert_deferred`] holds
    /// them).
    pub fn read_deferred(
        &self,
        root: &Path,
        locale: &str,
    ) -> (BTreeMap<String, FtlFile>, Vec<Diagnostic>) {
        let Some(files) = self.locale(locale) else {
            return (BTreeMap::new(), Vec::new());
        };
        let dir = root.join("locales").join(locale);
        let paths: Vec<_> = files.deferred.iter().map(|s| dir.join(format!("{s}.ftl"))).collect();
        read_files(root, &paths)
    }

    /// Holds `loaded`, read by [`L10n::read_deferred`]: the locale's deferred files are
    /// loaded now.
    pub fn insert_deferred(&mut self, locale: &str, loaded: BTreeMap<String, FtlFile>) {
        if let Some(files) = self.locales.iter_mut().find(|l| l.locale == locale) {
            files.deferred.clear();
            files.files.extend(loaded);
        }
    }

    /// Drops the files of `scopes` in `locale` (they become deferred again).
    pub fn unload(&mut self, locale: &str, scopes: &std::collections::BTreeSet<String>) {
        if let Some(files) = self.locales.iter_mut().find(|l| l.locale == locale) {
            for scope in scopes {
                if files.files.remove(scope).is_some() {
                    files.deferred.insert(scope.clone());
                }
            }
        }
    }

    pub fn source(&self) -> &LocaleFiles {
        &self.locales[0]
    }

    pub fn locale(&self, locale: &str) -> Option<&LocaleFiles> {
        self.locales.iter().find(|l| l.locale == locale)
    }

    /// Message `id` of `scope` in `locale` when its value is text alone (no placeables):
    /// what [`Translator::message`] gives, read from the parsed file without making a bundle
    /// (a locale's article listing needs only titles and descriptions). `None` whenever
    /// formatting could give something else: an attribute, a message `ui.ftl` also defines
    /// (it would win in the bundle), a message this file lacks (a fallback) or a placeable.
    pub fn text_only_message(&self, locale: &str, scope: &str, id: &str) -> Option<String> {
        fn first_message<'f>(file: &'f FtlFile, id: &str) -> Option<&'f ast::Message<&'f str>> {
            file.resource.entries().find_map(|entry| match entry {
                ast::Entry::Message(m) if m.id.name == id => Some(m),
                _ => None,
            })
        }
        if id.contains('.') || scope == UI_SCOPE {
            return None;
        }
        let files = self.locale(locale)?;
        if files.files.get(UI_SCOPE).is_some_and(|ui| first_message(ui, id).is_some()) {
            return None;
        }
        let pattern = first_message(files.files.get(scope)?, id)?.value.as_ref()?;
        let mut text = String::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => text.push_str(value),
                ast::PatternElement::Placeable { .. } => return None,
            }
        }
        Some(text)
    }
}

#[cfg(test)]
mod tests;
