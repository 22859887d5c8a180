//! XLIFF 1.2 round trip and translation memory for a locale's `.ftl` files (docs/xliff.md):
//! units and their ids ([`units`]), inline codes ([`codes`]), the writers ([`mod@write`]), the
//! reader ([`read`]), writing targets back ([`apply`]) and the memory ([`tm`]).

pub mod apply;
pub mod codes;
pub mod read;
pub mod tm;
pub mod units;
pub mod write;

#[cfg(test)]
mod tests;

use crate::check::glossary::Glossary;
use crate::diag::Diagnostic;
use crate::l10n::LocaleFiles;
use crate::l10n::lock::Lock;
use crate::l10n::reviewed::Reviewed;

pub use apply::Outcome;
pub use units::{State, Unit};

/// Which units an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    Missing,
    Stale,
    All,
}

impl Only {
    fn keeps(self, state: State) -> bool {
        match self {
            Only::Missing => state == State::Missing,
            Only::Stale => state == State::Stale,
            Only::All => true,
        }
    }
}

/// A locale's units with the stale note (and the English reviewed before, when
/// `l10n.reviewed` keeps it), and the memory of its reviewed translations.
pub fn units_and_memory(
    source: &LocaleFiles,
    target: &LocaleFiles,
    lock: &Lock,
    glossary: Option<&Glossary>,
) -> (Vec<Unit>, tm::Memory) {
    units_and_memory_with(source, target, lock, &Reviewed::new(), glossary)
}

/// [`units_and_memory`] with the reviewed English of `l10n.reviewed`.
pub fn units_and_memory_with(
    source: &LocaleFiles,
    target: &LocaleFiles,
    lock: &Lock,
    reviewed: &Reviewed,
    glossary: Option<&Glossary>,
) -> (Vec<Unit>, tm::Memory) {
    let mut units = units::collect(source, target, lock, glossary);
    for unit in &mut units {
        if unit.state == State::Stale {
            let print = lock.get(&unit.lock_key());
            let mut notes = vec![if print.is_some() {
                "stale: the English changed since this translation was reviewed".to_string()
            } else {
                "stale: no review of this translation against the current English is recorded"
                    .to_string()
            }];
            let previous = print.and_then(|p| reviewed.get(p));
            if let Some(text) = previous.and_then(|t| previous_part(t, unit.attribute.as_deref())) {
                notes.push(format!("previous English (reviewed): {text}"));
            }
            unit.notes.splice(0..0, notes);
        }
    }
    let memory = tm::Memory::from_units(&units);
    (units, memory)
}

/// By scope, message ids the target locale never shows (those of the `earlier` blocks of
/// other revisions than its own): left out of its export.
pub type Hidden = std::collections::BTreeMap<String, std::collections::BTreeSet<String>>;

/// The XLIFF 1.2 document of `target`'s units (those `only` keeps), with translation-memory
/// matches for missing and stale ones.
pub fn export_xliff(
    source: &LocaleFiles,
    target: &LocaleFiles,
    lock: &Lock,
    glossary: Option<&Glossary>,
    only: Only,
) -> String {
    export_xliff_with(source, target, lock, &Reviewed::new(), glossary, only, &Hidden::new())
}

/// [`export_xliff`] with the reviewed English of `l10n.reviewed` in the stale units' notes.
pub fn export_xliff_with(
    source: &LocaleFiles,
    target: &LocaleFiles,
    lock: &Lock,
    reviewed: &Reviewed,
    glossary: Option<&Glossary>,
    only: Only,
    hidden: &Hidden,
) -> String {
    let (units, memory) = units_and_memory_with(source, target, lock, reviewed, glossary);
    // Every file is written, also with no unit to translate: the `<file>` elements carry the
    // target locale.
    let files: Vec<String> = source.files.keys().cloned().collect();
    let exported: Vec<write::Exported<'_>> = units
        .iter()
        .filter(|u| only.keeps(u.state))
        .filter(|u| !hidden.get(&u.scope).is_some_and(|ids| ids.contains(&u.message)))
        .map(|unit| {
            let matches = match unit.state {
                State::Translated => Vec::new(),
                _ => memory.lookup(&unit.id(), &unit.source),
            };
            write::Exported { unit, matches }
        })
        .collect();
    write::xliff(&source.locale, &target.locale, &files, &exported, &memory)
}

/// The TMX 1.4 document of `target`'s reviewed translations.
pub fn export_tmx(source: &LocaleFiles, target: &LocaleFiles, lock: &Lock) -> String {
    let (_, memory) = units_and_memory(source, target, lock, None);
    write::tmx(&source.locale, &target.locale, &memory)
}

/// Missing and stale units with their matches (those with none included).
pub fn suggestions(
    source: &LocaleFiles,
    target: &LocaleFiles,
    lock: &Lock,
) -> (Vec<(Unit, Vec<tm::Match>)>, tm::Memory) {
    let (units, memory) = units_and_memory(source, target, lock, None);
    let out = units
        .into_iter()
        .filter(|u| u.state != State::Translated)
        .map(|u| {
            let matches = memory.lookup(&u.id(), &u.source);
            (u, matches)
        })
        .collect();
    (out, memory)
}

/// Reads an XLIFF document; its target locale (the first `<file>`'s `target-language`).
pub fn read_xliff(
    path: &str,
    text: &str,
) -> Result<(Vec<read::ReadUnit>, Option<String>), Diagnostic> {
    read::read_document(path, text)
}

/// The text of one part (value or attribute) of an entry as `l10n.reviewed` stores it.
fn previous_part(entry_text: &str, attribute: Option<&str>) -> Option<String> {
    let resource = fluent_syntax::parser::parse(entry_text).ok()?;
    let entry = resource.body.first()?;
    let (_, pattern) = units::parts(entry).into_iter().find(|(a, _)| *a == attribute)?;
    Some(codes::plain(&codes::flatten(pattern)))
}
