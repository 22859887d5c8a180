//! The translation checker: the loaded content and locales in, every problem out as a
//! [`Diagnostic`]. It never stops early and never panics; it reads the same model as `build`
//! (`content::load_site`, `l10n::load_l10n`) and knows nothing about rendering.
//!
//! One file per family of checks: `structure` (syntax, missing and obsolete entries,
//! duplicates), `refs` (variables, terms, message references, unknown references, plurals),
//! `markup` (Markdown spans, unsafe text), `labels` (UI labels rendered consistently), `text`
//! (untranslated, glossary), `stale` (lock files), `content` (content and template
//! references), `procedure` (bindings and procedures against the simulator model).
//! [`severity`] gives each code its one severity. [`status()`] summarizes the same findings per locale and article for
//! `drillbook l10n status` and the dashboard page; [`stale_messages`] gives only the stale ids,
//! for the page's "updated in English" markers.

mod ast;
mod content;
pub(crate) mod earlier;
pub mod fix;
pub mod glossary;
mod labels;
pub mod links;
mod markup;
mod procedure;
mod refs;
mod run;
pub mod severity;
pub mod stale;
mod status;
mod structure;
mod text;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use fluent_syntax::ast::{Attribute, Entry as AstEntry, Pattern};
use fluent_syntax::parser::ParserError;

use crate::content::Site;
use crate::diag::{Diagnostic, Severity};
use crate::l10n::lock::Lock;
use crate::l10n::{L10n, UI_SCOPE};
use crate::paths::{read_text, rel_path};

pub use content::check_article;
pub use glossary::Glossary;
pub(crate) use run::lock_of;
pub use run::{
    Examinations, Parsed, Run, Source, Stale, findings_and_status_reusing, stale_in_scope,
    stale_messages, status,
};
pub(crate) use stale::Prints;
pub use stale::load_lock;
pub use status::{LocaleStatus, ScopeStatus, Status};

/// Everything `check` judges. Build it with [`load_check_data`] + the two loaders.
pub struct Input<'a> {
    pub l10n: &'a L10n,
    pub site: Option<&'a Site>,
    pub data: &'a CheckData,
}

/// What `check` reads besides the content model and the locales.
#[derive(Debug, Default, Clone)]
pub struct CheckData {
    /// Content file sources by display path (`content/site.toml`), to position
    /// `unknown-message` diagnostics (the articles carry their own text).
    pub content_sources: BTreeMap<String, String>,
    pub glossary: Glossary,
    /// Lock file of each translated locale; a locale without one has an empty lock.
    pub locks: BTreeMap<String, Lock>,
    /// `templates/*` texts by display path, for the ids they look up with `t("...")`.
    pub template_sources: BTreeMap<String, String>,
}

/// Loads `content/site.toml`, `templates/*`, `content/glossary.toml` and
/// `locales/<locale>/l10n.lock`.
/// A missing glossary or lock file is not an error (empty glossary, empty lock).
pub fn load_check_data(root: &Path, l10n: &L10n) -> (CheckData, Vec<Diagnostic>) {
    let (mut data, mut diags) = load_check_inputs(root);
    let (locks, more) = stale::load_locks(root, l10n);
    data.locks = locks;
    diags.extend(more);
    (data, diags)
}

/// [`load_check_data`] without the lock files (see [`load_lock`]).
pub fn load_check_inputs(root: &Path) -> (CheckData, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut data = CheckData::default();
    let path = root.join("content/site.toml");
    if let Ok(source) = read_text(root, &path) {
        data.content_sources.insert(rel_path(root, &path), source);
    }
    if let Ok(entries) = std::fs::read_dir(root.join("templates")) {
        let mut templates: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        templates.sort();
        for path in templates.iter().filter(|p| p.is_file()) {
            if let Ok(source) = read_text(root, path) {
                data.template_sources.insert(rel_path(root, path), source);
            }
        }
    }
    let glossary_path = root.join(glossary::GLOSSARY_FILE);
    if glossary_path.exists() {
        match read_text(root, &glossary_path) {
            Ok(source) => {
                let (glossary, more) =
                    glossary::parse_glossary(&rel_path(root, &glossary_path), &source);
                data.glossary = glossary;
                diags.extend(more);
            }
            Err(diag) => diags.push(diag),
        }
    }
    (data, diags)
}

/// One problem, with what it is about (for filtering by locale and for [`status()`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub diag: Diagnostic,
    /// The locale the problem is in (the source locale for problems of the reference).
    pub locale: String,
    /// File stem of the `.ftl` file, or the article id for content references.
    pub scope: String,
    /// The message or term id (terms with their `-`), when the problem is about one.
    pub id: Option<String>,
}

/// Runs every check; diagnostics sorted and deduplicated.
pub fn check(input: &Input<'_>) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = findings(input).into_iter().map(|f| f.diag).collect();
    crate::diag::sort(&mut diags);
    diags
}

/// Runs every check and keeps what each finding is about.
pub fn findings(input: &Input<'_>) -> Vec<Finding> {
    findings_and_status(input).0
}

/// Runs every check and summarizes the findings per locale and scope, parsing the locales
/// once for both (what `build` and `check` need).
pub fn findings_and_status(input: &Input<'_>) -> (Vec<Finding>, Status) {
    use rayon::prelude::*;
    let locales = parse_locales(input.l10n);
    let Some(source) = locales.first() else {
        return (Vec::new(), Status::default());
    };
    let mut run = Run::with_source(input.site, source);
    // Locales are independent: examine them in parallel, absorb them in order.
    let examined: Vec<_> =
        locales.par_iter().map(|locale| run.examine(input.data, source, locale)).collect();
    for one in examined {
        run.absorb(one);
    }
    run.finish_with(input.data, source)
}

/// Keeps only findings about the given locales (and the source locale's own problems).
pub fn filter_locales(
    findings: Vec<Finding>,
    source_locale: &str,
    locales: &[String],
) -> Vec<Finding> {
    if locales.is_empty() {
        return findings;
    }
    findings
        .into_iter()
        .filter(|f| f.locale == source_locale || locales.contains(&f.locale))
        .collect()
}

/// One locale's files as the bundles parsed them (spans recoverable from the source).
pub(crate) struct Locale<'a> {
    pub(crate) name: &'a str,
    pub(crate) langid: &'a unic_langid::LanguageIdentifier,
    /// By scope (file stem).
    pub(crate) files: BTreeMap<&'a str, File<'a>>,
    /// Flattened term texts visible in each scope.
    /// Shared: most scopes define no terms of their own and see only the UI's.
    pub(crate) terms: BTreeMap<String, std::sync::Arc<ast::TermTexts>>,
}

static EMPTY_TERMS: ast::TermTexts = ast::TermTexts::new();

pub(crate) struct File<'a> {
    pub(crate) path: &'a str,
    pub(crate) source: &'a str,
    /// The entries of the resource the pages are rendered from (Fluent's runtime AST:
    /// comments are not kept, and no second parse is needed).
    pub(crate) body: Vec<&'a AstEntry<&'a str>>,
    pub(crate) errors: &'a [ParserError],
    /// The messages and terms of `body`, made once: every check walks them, and the
    /// source locale's once per translated locale.
    entries: Vec<Entry<'a>>,
    /// Made on the file's first finding: a locale's files have thousands of findings, and
    /// positioning each one from the start of its file again is quadratic.
    lines: std::sync::OnceLock<crate::diag::LineIndex>,
    /// What the checks read of each pattern, one per message value and attribute: an
    /// English pattern's is worked out once for all the translated locales, and a pattern's
    /// markup once for the checks of its own file and for its pairs.
    memos: std::sync::OnceLock<Box<[PatternMemo]>>,
}

/// What the checks read of one pattern, made on first use. One check run uses one glossary,
/// so an English pattern's matches hold for the run.
#[derive(Default)]
pub(crate) struct PatternMemo {
    /// `None` when it has no markup (most text).
    markup: std::sync::OnceLock<Option<Box<markup::Markup>>>,
    /// The source locale's patterns only.
    glossary: std::sync::OnceLock<glossary::Hits>,
}

impl PatternMemo {
    /// The pattern's markup, `parse`d once (from the pattern flattened with its locale's
    /// terms).
    pub(crate) fn markup(&self, parse: impl FnOnce() -> markup::Markup) -> &markup::Markup {
        static NONE: markup::Markup = markup::Markup::new();
        let parsed = self.markup.get_or_init(|| {
            let markup = parse();
            (markup != NONE).then(|| Box::new(markup))
        });
        parsed.as_deref().unwrap_or(&NONE)
    }
}

/// A message or term of a file.
pub(crate) struct Entry<'r> {
    /// Terms keep their `-`.
    pub(crate) id: Id<'r>,
    pub(crate) offset: usize,
    pub(crate) value: Option<&'r Pattern<&'r str>>,
    pub(crate) attributes: &'r [Attribute<&'r str>],
    pub(crate) is_term: bool,
    /// Index of its value's [`PatternMemo`] in its file (its attributes' follow).
    slot: usize,
}

/// An entry's id, borrowed from the file's text (a term's with its `-`): every check walks
/// every entry of every locale, and copying the ids would allocate once per entry per locale
/// per check.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Id<'r>(std::borrow::Cow<'r, str>);

impl<'r> Id<'r> {
    /// The id of a message named `name` (`name` itself).
    fn message(name: &'r str) -> Id<'r> {
        Id(std::borrow::Cow::Borrowed(name))
    }

    /// The id of a term named `name` in `source`: `-name`, borrowed when the `-` is right
    /// before the name in the text (as Fluent's syntax has it).
    fn term(source: &'r str, name: &'r str) -> Id<'r> {
        let at = ast::offset_in(source, name);
        match at.checked_sub(1).and_then(|start| source.get(start..at + name.len())) {
            Some(id) if id.starts_with('-') && &id[1..] == name => {
                Id(std::borrow::Cow::Borrowed(id))
            }
            _ => Id(std::borrow::Cow::Owned(format!("-{name}"))),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Id<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Id<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'a> File<'a> {
    /// A file of `body`, parsed from `source`.
    pub(crate) fn new(
        path: &'a str,
        source: &'a str,
        body: Vec<&'a AstEntry<&'a str>>,
        errors: &'a [ParserError],
    ) -> File<'a> {
        let mut slot = 0;
        let mut next_slot = |attributes: &[Attribute<&str>]| {
            slot += 1 + attributes.len();
            slot - 1 - attributes.len()
        };
        let entries = body
            .iter()
            .filter_map(|entry| match entry {
                AstEntry::Message(m) => Some(Entry {
                    id: Id::message(m.id.name),
                    offset: ast::offset_in(source, m.id.name),
                    value: m.value.as_ref(),
                    attributes: &m.attributes,
                    is_term: false,
                    slot: next_slot(&m.attributes),
                }),
                AstEntry::Term(t) => Some(Entry {
                    id: Id::term(source, t.id.name),
                    // The `-` before the name.
                    offset: ast::offset_in(source, t.id.name).saturating_sub(1),
                    value: Some(&t.value),
                    attributes: &t.attributes,
                    is_term: true,
                    slot: next_slot(&t.attributes),
                }),
                _ => None,
            })
            .collect();
        let (lines, memos) = (std::sync::OnceLock::new(), std::sync::OnceLock::new());
        File { path, source, body, errors, entries, lines, memos }
    }

    /// The file's messages and terms, in file order.
    pub(crate) fn entries(&self) -> &[Entry<'a>] {
        &self.entries
    }

    /// The [`PatternMemo`] of every message value and attribute, by [`Entry`] slot (an
    /// entry's value, then its attributes in order).
    pub(crate) fn memos(&self) -> &[PatternMemo] {
        self.memos.get_or_init(|| {
            let slots = self.entries.last().map_or(0, |e| e.slot + 1 + e.attributes.len());
            (0..slots).map(|_| PatternMemo::default()).collect()
        })
    }

    pub(crate) fn finding(
        &self,
        severity: Severity,
        code: &'static str,
        span: Range<usize>,
        (locale, scope, id): (&str, &str, Option<&str>),
        message: String,
    ) -> Finding {
        Finding {
            diag: Diagnostic::at_indexed(
                severity,
                code,
                self.path,
                (self.source, self.lines.get_or_init(|| crate::diag::LineIndex::new(self.source))),
                span,
                message,
            ),
            locale: locale.to_string(),
            scope: scope.to_string(),
            id: id.map(str::to_string),
        }
    }
}

/// Terms visible in `scope` (the UI file's and the scope's own), flattened.
fn term_texts(files: &BTreeMap<&str, File<'_>>, scope: &str) -> ast::TermTexts {
    let terms: Vec<(&str, &Pattern<&str>)> = [UI_SCOPE, scope]
        .iter()
        .filter_map(|s| files.get(s))
        .flat_map(|file| file.body.iter())
        .filter_map(|entry| match entry {
            AstEntry::Term(t) => Some((t.id.name, &t.value)),
            _ => None,
        })
        .collect();
    ast::term_texts(terms.iter().copied())
}

pub(crate) fn parse_locales(l10n: &L10n) -> Vec<Locale<'_>> {
    parse_locales_in(l10n, None)
}

/// [`parse_locales`] of the source locale and the named ones only.
pub(crate) fn parse_locales_of<'a>(l10n: &'a L10n, others: &[&str]) -> Vec<Locale<'a>> {
    let chosen: Vec<_> = l10n
        .locales
        .iter()
        .enumerate()
        .filter(|(i, l)| *i == 0 || others.contains(&l.locale.as_str()))
        .map(|(_, l)| l)
        .collect();
    parse(&chosen, None)
}

/// [`parse_locales`] with only the files of the given scopes.
pub(crate) fn parse_locales_in<'a>(l10n: &'a L10n, scopes: Option<&[&str]>) -> Vec<Locale<'a>> {
    parse(&l10n.locales.iter().collect::<Vec<_>>(), scopes)
}

pub(crate) fn parse<'a>(
    locales: &[&'a crate::l10n::LocaleFiles],
    scopes: Option<&[&str]>,
) -> Vec<Locale<'a>> {
    use rayon::prelude::*;
    // Files are independent: parse them in parallel (the map keeps the sorted order).
    locales
        .par_iter()
        .map(|locale| {
            let files: BTreeMap<&str, File<'_>> = locale
                .files
                .par_iter()
                .filter(|(scope, _)| scopes.is_none_or(|s| s.contains(&scope.as_str())))
                .map(|(scope, file)| {
                    let body = file.resource.entries().collect();
                    let source = file.source();
                    (scope.as_str(), File::new(&file.path, source, body, &file.errors))
                })
                .collect();
            let ui = std::sync::Arc::new(term_texts(&files, UI_SCOPE));
            let terms = files
                .par_iter()
                .map(|(scope, file)| {
                    let own = file.body.iter().any(|e| matches!(e, AstEntry::Term(_)));
                    let texts = if own || *scope == UI_SCOPE {
                        std::sync::Arc::new(term_texts(&files, scope))
                    } else {
                        ui.clone()
                    };
                    (scope.to_string(), texts)
                })
                .collect();
            Locale { name: &locale.locale, langid: &locale.langid, files, terms }
        })
        .collect()
}

/// A translated pattern next to its English: a message value or one attribute.
pub(crate) struct Pair<'r> {
    pub(crate) locale: &'r str,
    pub(crate) scope: &'r str,
    /// Message or term id (terms with `-`).
    pub(crate) id: String,
    /// `id` or `id.attribute`, for messages.
    pub(crate) part: String,
    pub(crate) en: &'r Pattern<&'r str>,
    pub(crate) tr: &'r Pattern<&'r str>,
    pub(crate) en_terms: &'r ast::TermTexts,
    pub(crate) tr_terms: &'r ast::TermTexts,
    pub(crate) file: &'r File<'r>,
    /// Where the translated message's id is.
    pub(crate) offset: usize,
    pub(crate) is_term: bool,
    /// What the checks read of the English, shared by every locale's pair.
    english: &'r PatternMemo,
    /// The translated pattern's, shared with the checks of its file.
    translated: &'r PatternMemo,
    /// Computed on first use: several checks read each side's flattened text and markup.
    memo: PairMemo,
}

#[derive(Default)]
struct PairMemo {
    en_flat: std::cell::OnceCell<ast::Flat>,
    tr_flat: std::cell::OnceCell<ast::Flat>,
    en_refs: std::cell::OnceCell<ast::Refs>,
    tr_refs: std::cell::OnceCell<ast::Refs>,
    tr_lowercase: std::cell::OnceCell<String>,
}

impl Pair<'_> {
    /// The English pattern flattened with the English terms.
    pub(crate) fn en_flat(&self) -> &ast::Flat {
        self.memo.en_flat.get_or_init(|| ast::flatten(self.en, self.en_terms))
    }

    /// The translated pattern flattened with the locale's terms.
    pub(crate) fn tr_flat(&self) -> &ast::Flat {
        self.memo.tr_flat.get_or_init(|| ast::flatten(self.tr, self.tr_terms))
    }

    pub(crate) fn en_markup(&self) -> &markup::Markup {
        self.english.markup(|| markup::parse_markup(self.en_flat()))
    }

    pub(crate) fn tr_markup(&self) -> &markup::Markup {
        self.translated.markup(|| markup::parse_markup(self.tr_flat()))
    }

    /// Which of the glossary's terms and concepts the English names.
    pub(crate) fn en_glossary(&self, glossary: &Glossary) -> &glossary::Hits {
        self.english.glossary.get_or_init(|| glossary.hits(&self.en_flat().text.to_lowercase()))
    }

    /// The translated flattened text in lower case.
    pub(crate) fn tr_lowercase(&self) -> &str {
        self.memo.tr_lowercase.get_or_init(|| self.tr_flat().text.to_lowercase())
    }

    /// The variables, terms and messages the English pattern references.
    pub(crate) fn en_refs(&self) -> &ast::Refs {
        self.memo.en_refs.get_or_init(|| ast::refs(self.en))
    }

    /// The variables, terms and messages the translated pattern references.
    pub(crate) fn tr_refs(&self) -> &ast::Refs {
        self.memo.tr_refs.get_or_init(|| ast::refs(self.tr))
    }

    pub(crate) fn finding(
        &self,
        severity: Severity,
        code: &'static str,
        message: String,
    ) -> Finding {
        let end = self.offset + self.id.len();
        self.file.finding(
            severity,
            code,
            self.offset..end,
            (self.locale, self.scope, Some(&self.id)),
            message,
        )
    }
}

/// Calls `f` with every (English, translation) pattern pair of two locales in `scope`, in
/// file order, without keeping them. Scopes are independent: a locale's pairs are examined
/// scope by scope in parallel.
pub(crate) fn for_each_pair_in<'r>(
    source: &'r Locale<'r>,
    target: &'r Locale<'r>,
    scope: &'r str,
    mut f: impl FnMut(Pair<'r>),
) {
    let empty = &EMPTY_TERMS;
    let (Some(en_file), Some(tr_file)) = (source.files.get(scope), target.files.get(scope)) else {
        return;
    };
    let en_terms = source.terms.get(scope).map_or(empty, |t| &**t);
    let (english, translated) = (en_file.memos(), tr_file.memos());
    let tr_terms = target.terms.get(scope).map_or(empty, |t| &**t);
    let tr_entries = tr_file.entries();
    // The first definition of each id (as in the bundle).
    let tr_by_id: rustc_hash::FxHashMap<&str, &Entry<'_>> =
        tr_entries.iter().rev().map(|e| (e.id.as_str(), e)).collect();
    for en in en_file.entries() {
        let Some(tr) = tr_by_id.get(en.id.as_str()) else {
            continue;
        };
        let base = |part: String, (slot, tr_slot): (usize, usize), en_p, tr_p| Pair {
            locale: target.name,
            scope,
            id: en.id.to_string(),
            part,
            en: en_p,
            tr: tr_p,
            en_terms,
            tr_terms,
            file: tr_file,
            offset: tr.offset,
            is_term: en.is_term,
            english: &english[slot],
            translated: &translated[tr_slot],
            memo: PairMemo::default(),
        };
        if let (Some(en_value), Some(tr_value)) = (en.value, tr.value) {
            f(base(en.id.to_string(), (en.slot, tr.slot), en_value, tr_value));
        }
        for (k, en_attr) in en.attributes.iter().enumerate() {
            let found =
                tr.attributes.iter().enumerate().find(|(_, a)| a.id.name == en_attr.id.name);
            if let Some((j, tr_attr)) = found {
                let part = format!("{}.{}", en.id, en_attr.id.name);
                let slots = (en.slot + 1 + k, tr.slot + 1 + j);
                f(base(part, slots, &en_attr.value, &tr_attr.value));
            }
        }
    }
}

#[cfg(test)]
mod tests;
