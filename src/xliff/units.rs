//! Translation units: one per message value and per attribute (terms included) of the source
//! locale's files, with the target locale's translation, its state and the notes a
//! translator needs (the UI labels it references, the glossary's approved terms).
//!
//! Unit ids: `<file>.ftl#<message>` for a value, `<file>.ftl#<message>.<attribute>` for an
//! attribute; a term keeps its `-` (`ui.ftl#-ui-customers`). Fluent identifiers contain
//! neither `#` nor `.`, so an id splits back unambiguously ([`parse_id`]).

use std::collections::BTreeMap;

use fluent_syntax::ast::{self, Entry, Pattern};

use super::codes::{Kind, Seg, flatten, plain};
use crate::check::glossary::Glossary;
use crate::l10n::lock::{Lock, fingerprint, fingerprint_text};
use crate::l10n::{FtlFile, LocaleFiles};

/// Where a translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    /// No translation (XLIFF `needs-translation`).
    Missing,
    /// Translated, but not reviewed against the current English (`needs-review-translation`).
    Stale,
    /// Translated and reviewed against the current English (`translated`).
    Translated,
}

impl State {
    pub fn xliff(self) -> &'static str {
        match self {
            State::Missing => "needs-translation",
            State::Stale => "needs-review-translation",
            State::Translated => "translated",
        }
    }
}

/// One translatable pattern: a message's value or one of its attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// File stem (the scope).
    pub scope: String,
    /// Message id; a term's starts with `-`.
    pub message: String,
    pub attribute: Option<String>,
    pub source: Vec<Seg>,
    pub target: Option<Vec<Seg>>,
    pub state: State,
    /// Notes for the translator, in order.
    pub notes: Vec<String>,
}

impl Unit {
    pub fn id(&self) -> String {
        unit_id(&self.scope, &self.message, self.attribute.as_deref())
    }

    /// The lock key of the unit's message (`scope/id`).
    pub fn lock_key(&self) -> String {
        format!("{}/{}", self.scope, self.message)
    }
}

pub fn unit_id(scope: &str, message: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(attr) => format!("{scope}.ftl#{message}.{attr}"),
        None => format!("{scope}.ftl#{message}"),
    }
}

/// (scope, message, attribute) of a unit id, `None` when it is not one of ours.
pub fn parse_id(id: &str) -> Option<(String, String, Option<String>)> {
    let (file, rest) = id.split_once('#')?;
    let scope = file.strip_suffix(".ftl")?;
    let (message, attribute) = match rest.split_once('.') {
        Some((m, a)) => (m, Some(a.to_string())),
        None => (rest, None),
    };
    let ident = |s: &str| {
        let s = s.strip_prefix('-').unwrap_or(s);
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let ok = crate::paths::is_slug(scope)
        || scope.chars().all(|c| c.is_ascii_alphanumeric() || "-_".contains(c));
    (ok && !scope.is_empty()
        && ident(message)
        && attribute.as_deref().is_none_or(|a| ident(a) && !a.starts_with('-')))
    .then(|| (scope.to_string(), message.to_string(), attribute))
}

/// The messages and terms of a file: id (terms with `-`) -> entry, first definition only,
/// in file order.
pub fn entries(file: &FtlFile) -> Vec<(String, &Entry<&str>)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for entry in file.resource.entries() {
        let id = match entry {
            Entry::Message(m) => m.id.name.to_string(),
            Entry::Term(t) => format!("-{}", t.id.name),
            _ => continue,
        };
        if seen.insert(id.clone()) {
            out.push((id, entry));
        }
    }
    out
}

/// The value and attributes of an entry, as (attribute, pattern).
pub fn parts<'e>(entry: &'e Entry<&'e str>) -> Vec<(Option<&'e str>, &'e Pattern<&'e str>)> {
    let (value, attributes) = match entry {
        Entry::Message(m) => (m.value.as_ref(), &m.attributes),
        Entry::Term(t) => (Some(&t.value), &t.attributes),
        _ => return Vec::new(),
    };
    let mut out: Vec<(Option<&str>, &Pattern<&str>)> =
        value.map(|v| (None, v)).into_iter().collect();
    out.extend(attributes.iter().map(|a| (Some(a.id.name), &a.value)));
    out
}

/// The lock fingerprint of an entry (as `check`'s stale rule computes it).
pub fn entry_fingerprint(entry: &Entry<&str>) -> Option<String> {
    match entry {
        Entry::Message(m) => Some(fingerprint(m)),
        Entry::Term(t) => {
            let mut term = t.clone();
            term.comment = None;
            let text = fluent_syntax::serializer::serialize(&ast::Resource {
                body: vec![Entry::Term(term)],
            });
            Some(fingerprint_text(&text))
        }
        _ => None,
    }
}

/// Every unit of `target` against `source`, by file then in the English file's order.
pub fn collect(
    source: &LocaleFiles,
    target: &LocaleFiles,
    lock: &Lock,
    glossary: Option<&Glossary>,
) -> Vec<Unit> {
    let labels = ui_labels(target);
    let mut out = Vec::new();
    for (scope, en_file) in &source.files {
        let target_entries: BTreeMap<String, &Entry<&str>> =
            target.files.get(scope).map(|f| entries(f).into_iter().collect()).unwrap_or_default();
        for (id, entry) in entries(en_file) {
            let translated = target_entries.get(&id).copied();
            let key = format!("{scope}/{id}");
            let reviewed = entry_fingerprint(entry).is_some_and(|p| lock.get(&key) == Some(&p));
            let target_parts: BTreeMap<Option<&str>, &Pattern<&str>> =
                translated.map(parts).unwrap_or_default().into_iter().collect();
            for (attribute, pattern) in parts(entry) {
                let source_segs = flatten(pattern);
                let target_segs = target_parts.get(&attribute).map(|p| flatten(p));
                let state = match (&target_segs, reviewed) {
                    (None, _) => State::Missing,
                    (Some(_), false) => State::Stale,
                    (Some(_), true) => State::Translated,
                };
                let notes = notes(&source_segs, &target.locale, &labels, glossary);
                out.push(Unit {
                    scope: scope.clone(),
                    message: id.clone(),
                    attribute: attribute.map(str::to_string),
                    source: source_segs,
                    target: target_segs,
                    state,
                    notes,
                });
            }
        }
    }
    out
}

/// The target locale's UI labels: `{ -term }` code -> the label's text.
fn ui_labels(target: &LocaleFiles) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for file in target.files.values() {
        for (id, entry) in entries(file) {
            if let Entry::Term(t) = entry {
                out.entry(format!("{{ {id} }}")).or_insert_with(|| plain(&flatten(&t.value)));
            }
        }
    }
    out
}

/// Notes: the UI labels the English references (with the target's text) and the
/// glossary's approved terms and keep-English phrases found in the English.
fn notes(
    source: &[Seg],
    locale: &str,
    labels: &BTreeMap<String, String>,
    glossary: Option<&Glossary>,
) -> Vec<String> {
    let mut out = Vec::new();
    for seg in source {
        if let Seg::Code(Kind::Placeable, code) = seg {
            if let Some(label) = labels.get(code) {
                let note = format!("UI label {code} reads \u{201c}{label}\u{201d} in {locale}");
                if !out.contains(&note) {
                    out.push(note);
                }
            }
        }
    }
    let Some(glossary) = glossary else { return out };
    let english = plain(source);
    for term in &glossary.terms {
        let (Some(stem), Some(forms)) =
            (term.find_in_english(&english), term.translations.get(locale))
        else {
            continue;
        };
        out.push(format!(
            "glossary: English \u{201c}{stem}\u{2026}\u{201d} is translated as {} in {locale}",
            forms
                .iter()
                .map(|f| format!("\u{201c}{f}\u{2026}\u{201d}"))
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    let lower = english.to_lowercase();
    let keep = glossary
        .keep_english
        .iter()
        .chain(glossary.keep_english_in.get(locale).into_iter().flatten());
    for phrase in keep {
        if lower.contains(&phrase.to_lowercase()) {
            out.push(format!("glossary: \u{201c}{phrase}\u{201d} stays in English"));
        }
    }
    out
}
