//! Locales and Fluent: loading `locales/<locale>/*.ftl`, building bundles, formatting
//! messages and terms with the en-US fallback policy.
//!
//! Scopes: each `.ftl` file is a scope named by its stem. A bundle for scope `s` holds the
//! locale's `ui.ftl` (Partner Center's UI labels, as terms, shared by everything) and `s.ftl`.
//! So an article's message ids never collide with the site chrome's (`site.ftl`).

pub mod lock;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::diag::{Diagnostic, Severity};
use crate::paths::{read_text_lossy, rel_path};

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

/// Parses one FTL source. Junk (syntax errors) becomes `ftl-syntax` diagnostics at the
/// position of the error; the valid entries are kept.
pub fn parse_ftl(path: &str, source: String) -> (FtlFile, Vec<Diagnostic>) {
    // A byte-order mark is not part of the text (the Fluent parser would see junk).
    let source = match source.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => source,
    };
    let (resource, errors) = match FluentResource::try_new(source) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let source = resource.source();
    let diags = errors
        .iter()
        .map(|err| {
            let junk_start = err.slice.as_ref().map_or(0, |s| s.start);
            let mut start = err.pos.start.min(source.len());
            // An error found at the start of the next line (an unclosed `{`) belongs to the
            // end of the line before it, inside the junk.
            while start > junk_start && matches!(source.as_bytes()[start - 1], b'\n' | b'\r') {
                start -= 1;
            }
            let end = err.pos.end.max(start).min(source.len());
            let message = format!("invalid Fluent syntax: {}", err.kind);
            Diagnostic::error("ftl-syntax", path, source, start..end, message)
        })
        .collect();
    (FtlFile { path: path.to_string(), resource: Arc::new(resource), errors }, diags)
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
    /// Reads and parses the deferred files of `locale` (see [`load_l10n_deferring`]).
    pub fn load_deferred(&mut self, root: &Path, locale: &str) -> Vec<Diagnostic> {
        let Some(files) = self.locales.iter_mut().find(|l| l.locale == locale) else {
            return Vec::new();
        };
        let dir = root.join("locales").join(locale);
        let paths: Vec<_> = std::mem::take(&mut files.deferred)
            .iter()
            .map(|s| dir.join(format!("{s}.ftl")))
            .collect();
        let (loaded, diags) = read_files(root, &paths);
        files.files.extend(loaded);
        diags
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

    /// A translator for `scope` in `locale`, falling back to the source locale.
    pub fn translator(&self, locale: &str, scope: &str) -> Translator {
        let source = self.source();
        let target = self.locale(locale).unwrap_or(source);
        let fallback = if target.locale == source.locale {
            None
        } else {
            Some(LazyBundle {
                langid: source.langid.clone(),
                resources: resources(source, scope),
                bundle: OnceLock::new(),
            })
        };
        Translator {
            locale: target.locale.clone(),
            source_locale: source.locale.clone(),
            scope: scope.to_string(),
            bundle: make_bundle(target.langid.clone(), resources(target, scope)),
            fallback,
        }
    }
}

/// A bundle of `ui.ftl` plus `<scope>.ftl`. Duplicate ids are reported by `check`; here the
/// first definition wins, as in fluent-bundle.
fn make_bundle(langid: LanguageIdentifier, resources: Vec<Arc<FluentResource>>) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/U+2069) are bidi controls; all shipped locales are LTR.
    bundle.set_use_isolating(false);
    for resource in &resources {
        let _ = bundle.add_resource(resource.clone());
    }
    Bundle { bundle, resources }
}

fn resources(files: &LocaleFiles, scope: &str) -> Vec<Arc<FluentResource>> {
    let mut out = Vec::new();
    for name in [UI_SCOPE, scope] {
        if let Some(file) = files.files.get(name) {
            out.push(file.resource.clone());
            if name == scope {
                break;
            }
        }
    }
    out
}

/// The source-locale bundle, built only when a message is actually missing.
struct LazyBundle {
    langid: LanguageIdentifier,
    resources: Vec<Arc<FluentResource>>,
    bundle: OnceLock<Bundle>,
}

impl LazyBundle {
    fn get(&self) -> &Bundle {
        self.bundle.get_or_init(|| make_bundle(self.langid.clone(), self.resources.clone()))
    }
}

struct Bundle {
    bundle: FluentBundle<Arc<FluentResource>>,
    resources: Vec<Arc<FluentResource>>,
}

/// Formatted text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub value: String,
    /// The locale the text is in (the source locale when it fell back).
    pub fallback: bool,
}

/// Why a message could not be formatted as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Missing in the target locale; the source text was used.
    Fallback { locale: String, scope: String, id: String },
    /// Missing in the source locale too: a content or template bug.
    Unknown { scope: String, id: String },
    /// Fluent reported errors while formatting (unknown term, missing variable, ...).
    Format { locale: String, scope: String, id: String, errors: Vec<String> },
}

impl Problem {
    /// The diagnostic for this problem; `strict` turns a fallback into an error.
    pub fn to_diagnostic(&self, strict: bool) -> Diagnostic {
        match self {
            Problem::Fallback { locale, scope, id } => Diagnostic::file(
                if strict { Severity::Error } else { Severity::Warning },
                "missing-message",
                &format!("locales/{locale}/{scope}.ftl"),
                format!("`{id}` is missing in {locale}; the page shows the en-US text"),
            ),
            Problem::Unknown { scope, id } => Diagnostic::file(
                Severity::Error,
                "unknown-message",
                &format!("{scope}.ftl"),
                format!("message `{id}` is used but defined in no locale"),
            ),
            Problem::Format { locale, scope, id, errors } => Diagnostic::file(
                Severity::Error,
                "format-error",
                &format!("locales/{locale}/{scope}.ftl"),
                format!("formatting `{id}` failed: {}", errors.join("; ")),
            ),
        }
    }
}

/// Formats messages of one scope in one locale, with the source locale as fallback.
pub struct Translator {
    pub locale: String,
    pub source_locale: String,
    pub scope: String,
    bundle: Bundle,
    fallback: Option<LazyBundle>,
}

impl Translator {
    /// Formats message `id` (a value or, with `id.attr`, an attribute).
    pub fn message(&self, id: &str, args: Option<&FluentArgs<'_>>) -> (Text, Vec<Problem>) {
        let mut problems = Vec::new();
        if let Some(value) = self.format_in(&self.bundle, &self.locale, id, args, &mut problems) {
            return (Text { value, fallback: false }, problems);
        }
        if let Some(fallback) = self.fallback.as_ref().map(LazyBundle::get) {
            if let Some(value) =
                self.format_in(fallback, &self.source_locale, id, args, &mut problems)
            {
                problems.push(Problem::Fallback {
                    locale: self.locale.clone(),
                    scope: self.scope.clone(),
                    id: id.to_string(),
                });
                return (Text { value, fallback: true }, problems);
            }
        }
        problems.push(Problem::Unknown { scope: self.scope.clone(), id: id.to_string() });
        (Text { value: id.to_string(), fallback: true }, problems)
    }

    /// Whether the source locale defines message `id` in this scope.
    pub fn has_source_message(&self, id: &str) -> bool {
        let bundle = self.fallback.as_ref().map_or(&self.bundle, LazyBundle::get);
        bundle.bundle.get_message(id).is_some_and(|m| m.value().is_some())
    }

    /// Formats term `name` (without the leading `-`), e.g. a UI label.
    pub fn term(&self, name: &str, args: Option<&FluentArgs<'_>>) -> (Text, Vec<Problem>) {
        let mut problems = Vec::new();
        if let Some(value) =
            format_term(&self.bundle, name, args, &self.locale, &self.scope, &mut problems)
        {
            return (Text { value, fallback: false }, problems);
        }
        if let Some(fallback) = self.fallback.as_ref().map(LazyBundle::get) {
            if let Some(value) =
                format_term(fallback, name, args, &self.source_locale, &self.scope, &mut problems)
            {
                problems.push(Problem::Fallback {
                    locale: self.locale.clone(),
                    scope: UI_SCOPE.to_string(),
                    id: format!("-{name}"),
                });
                return (Text { value, fallback: true }, problems);
            }
        }
        problems.push(Problem::Unknown { scope: UI_SCOPE.to_string(), id: format!("-{name}") });
        (Text { value: name.to_string(), fallback: true }, problems)
    }

    fn format_in(
        &self,
        bundle: &Bundle,
        locale: &str,
        id: &str,
        args: Option<&FluentArgs<'_>>,
        problems: &mut Vec<Problem>,
    ) -> Option<String> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let message = bundle.bundle.get_message(msg_id)?;
        let pattern = match attr {
            Some(attr) => message.get_attribute(attr)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let value = bundle.bundle.format_pattern(pattern, args, &mut errors).into_owned();
        if !errors.is_empty() {
            problems.push(Problem::Format {
                locale: locale.to_string(),
                scope: self.scope.clone(),
                id: id.to_string(),
                errors: errors.iter().map(ToString::to_string).collect(),
            });
        }
        Some(value)
    }
}

/// `get_message` cannot see terms: find the term in the bundle's resources and format it.
fn format_term(
    bundle: &Bundle,
    name: &str,
    args: Option<&FluentArgs<'_>>,
    locale: &str,
    scope: &str,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let term = bundle.resources.iter().flat_map(|r| r.entries()).find_map(|entry| match entry {
        ast::Entry::Term(term) if term.id.name == name => Some(term),
        _ => None,
    })?;
    let mut errors = Vec::new();
    let value = bundle.bundle.format_pattern(&term.value, args, &mut errors).into_owned();
    if !errors.is_empty() {
        problems.push(Problem::Format {
            locale: locale.to_string(),
            scope: scope.to_string(),
            id: format!("-{name}"),
            errors: errors.iter().map(ToString::to_string).collect(),
        });
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l10n(files: &[(&str, &str, &str)]) -> L10n {
        let mut locales: Vec<LocaleFiles> = Vec::new();
        for (locale, scope, source) in files {
            let (file, diags) =
                parse_ftl(&format!("locales/{locale}/{scope}.ftl"), source.to_string());
            assert!(diags.is_empty(), "{diags:?}");
            let entry = match locales.iter_mut().position(|l| &l.locale == locale) {
                Some(i) => &mut locales[i],
                None => {
                    locales.push(LocaleFiles::new(locale, BTreeMap::new()));
                    locales.last_mut().unwrap()
                }
            };
            entry.files.insert(scope.to_string(), file);
        }
        L10n { locales }
    }

    /// The patched parser (vendor/fluent-syntax/PATCHED.md) leaves no spare capacity in the
    /// vectors a resource keeps; upstream's keeps ~9 KB per article file.
    #[test]
    fn parsed_resources_keep_no_spare_capacity() {
        let source = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/locales/de-DE/remove-a-relationship.ftl"
        ))
        .unwrap();
        let more = "sel = { $n ->\n    [one] one\n   *[other] { NUMBER($n, minimumFractionDigits: 1) } more\n}\n    .title = A\n    .label = B\nother = x\n";
        for source in [source, more.to_string()] {
            let (file, diags) = parse_ftl("x.ftl", source);
            assert!(diags.is_empty(), "{diags:?}");
            let body = &file.resource.entries().collect::<Vec<_>>();
            assert!(body.len() > 1);
            let mut patterns = Vec::new();
            for entry in body {
                if let ast::Entry::Message(m) = entry {
                    assert_eq!(m.attributes.capacity(), m.attributes.len(), "{}", m.id.name);
                    patterns.extend(m.value.iter());
                    patterns.extend(m.attributes.iter().map(|a| &a.value));
                }
            }
            let mut seen_select = false;
            while let Some(pattern) = patterns.pop() {
                assert_eq!(pattern.elements.capacity(), pattern.elements.len());
                for element in &pattern.elements {
                    if let ast::PatternElement::Placeable {
                        expression: ast::Expression::Select { variants, .. },
                    } = element
                    {
                        seen_select = true;
                        assert_eq!(variants.capacity(), variants.len());
                        patterns.extend(variants.iter().map(|v| &v.value));
                    }
                }
            }
            assert!(seen_select || body.len() > 10);
            let runtime = fluent_syntax::parser::parse_runtime(file.source()).unwrap();
            assert_eq!(runtime.body.capacity(), runtime.body.len());
        }
    }

    #[test]
    fn text_only_messages_read_as_the_bundle_formats_them() {
        let article = "plain = Remove a reseller\nlong =\n    First line\n      indented, with \"quotes\" & <b>\n\n    after a blank line\nfirst = one\nfirst = two\nwith-term = Open { -ui-x }\nwith-attr = A\n    .title = T\nshared = here\n";
        let l10n = l10n(&[
            ("en-US", "ui", "-ui-x = X\nshared = from ui\n"),
            ("en-US", "a", article),
            ("de-DE", "ui", "-ui-x = X\n"),
            ("de-DE", "a", "plain = Entfernen\n"),
        ]);
        for (locale, id) in
            [("en-US", "plain"), ("en-US", "long"), ("en-US", "first"), ("de-DE", "plain")]
        {
            let (text, problems) = l10n.translator(locale, "a").message(id, None);
            assert!(problems.is_empty() && !text.fallback);
            assert_eq!(l10n.text_only_message(locale, "a", id), Some(text.value), "{locale} {id}");
        }
        // Whatever a bundle could format otherwise is left to the bundle.
        for (locale, id) in [
            ("en-US", "with-term"),
            ("en-US", "with-attr.title"),
            ("en-US", "shared"),
            ("en-US", "missing"),
            ("de-DE", "long"),
            ("fr-FR", "plain"),
        ] {
            assert_eq!(l10n.text_only_message(locale, "a", id), None, "{locale} {id}");
        }
    }

    #[test]
    fn messages_reference_ui_terms_and_have_no_isolation_marks() {
        let l10n = l10n(&[
            ("en-US", "ui", "-ui-account = Account\n"),
            ("en-US", "a", "go = Select { -ui-account } for { $name }\n"),
        ]);
        let t = l10n.translator("en-US", "a");
        let mut args = FluentArgs::new();
        args.set("name", "Contoso");
        let (text, problems) = t.message("go", Some(&args));
        assert_eq!(text.value, "Select Account for Contoso");
        assert!(problems.is_empty());
    }

    #[test]
    fn missing_translation_falls_back_to_source_and_says_so() {
        let l10n = l10n(&[("en-US", "a", "hello = Hello\n"), ("de-DE", "a", "other = x\n")]);
        let (text, problems) = l10n.translator("de-DE", "a").message("hello", None);
        assert_eq!(text, Text { value: "Hello".into(), fallback: true });
        assert_eq!(
            problems,
            vec![Problem::Fallback {
                locale: "de-DE".into(),
                scope: "a".into(),
                id: "hello".into()
            }]
        );
    }

    #[test]
    fn terms_format_by_name_with_fallback() {
        let l10n = l10n(&[
            ("en-US", "ui", "-ui-customers = Customers\n-ui-account = Account\n"),
            ("de-DE", "ui", "-ui-customers = Kunden\n"),
        ]);
        let t = l10n.translator("de-DE", "site");
        assert_eq!(t.term("ui-customers", None).0.value, "Kunden");
        let (text, problems) = t.term("ui-account", None);
        assert_eq!((text.value.as_str(), text.fallback, problems.len()), ("Account", true, 1));
    }

    #[test]
    fn a_byte_order_mark_is_not_junk() {
        let (file, diags) = parse_ftl("x.ftl", "\u{feff}a = ok\n".to_string());
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            file.resource.entries().filter(|e| matches!(e, ast::Entry::Message(_))).count(),
            1
        );
    }

    #[test]
    fn syntax_errors_are_positioned_and_valid_entries_kept() {
        let (file, diags) = parse_ftl("x.ftl", "a = ok\nb = { broken\nc = fine\n".to_string());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "ftl-syntax");
        assert_eq!(diags[0].pos.as_ref().unwrap().line, 2);
        let messages =
            file.resource.entries().filter(|e| matches!(e, ast::Entry::Message(_))).count();
        assert_eq!(messages, 2);
    }
}
