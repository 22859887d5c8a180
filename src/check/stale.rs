//! `stale`: a translation made from English text that has changed since. Each translated
//! locale keeps `locales/<locale>/l10n.lock` (format in [`crate::l10n::lock`]) with the
//! fingerprint of the English each message was reviewed against; `drillbook l10n accept`
//! records a review.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashSet as HashSet;
use std::path::Path;

use fluent_syntax::ast::{Entry as AstEntry, Resource};

use crate::check::{Finding, Locale, ast, parse_locales};
use crate::diag::{Diagnostic, Severity};
use crate::l10n::L10n;
use crate::l10n::lock::{LOCK_FILE, Lock, fingerprint, fingerprint_text, parse_lock};
use crate::paths::{read_text, rel_path};

/// Loads the lock file of every locale but the source one; a missing file is an empty lock.
pub fn load_locks(root: &Path, l10n: &L10n) -> (BTreeMap<String, Lock>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let loaded: Vec<(String, Lock, Vec<Diagnostic>)> = l10n
        .locales
        .par_iter()
        .skip(1)
        .map(|locale| {
            let (lock, diags) = load_lock(root, &locale.locale);
            (locale.locale.clone(), lock, diags)
        })
        .collect();
    let mut locks = BTreeMap::new();
    let mut diags = Vec::new();
    for (locale, lock, more) in loaded {
        locks.insert(locale, lock);
        diags.extend(more);
    }
    (locks, diags)
}

/// One locale's lock file (empty when there is none), and the problems reading it.
pub fn load_lock(root: &Path, locale: &str) -> (Lock, Vec<Diagnostic>) {
    let path = root.join("locales").join(locale).join(LOCK_FILE);
    if !path.exists() {
        return (Lock::new(), Vec::new());
    }
    match read_text(root, &path) {
        Ok(source) => parse_lock(&rel_path(root, &path), &source),
        Err(diag) => (Lock::new(), vec![diag]),
    }
}

/// `scope/id` -> fingerprint of every English message and term (first definition wins).
/// Sorted, like a [`Lock`], so that one scope's entries are one range of each
/// ([`scope_entries`]).
pub(crate) fn fingerprints(source: &Locale<'_>) -> Prints {
    use rayon::prelude::*;
    // Serializing and hashing every message is the cost: files in parallel.
    let per_file: Vec<Vec<(String, String)>> = source
        .files
        .par_iter()
        .map(|(scope, file)| {
            let mut out = Vec::new();
            for entry in &file.body {
                let (id, print) = match entry {
                    AstEntry::Message(m) => (m.id.name.to_string(), fingerprint(m)),
                    AstEntry::Term(t) => {
                        let mut term = t.clone();
                        term.comment = None;
                        let text = fluent_syntax::serializer::serialize(&Resource {
                            body: vec![AstEntry::Term(term)],
                        });
                        (format!("-{}", t.id.name), fingerprint_text(&text))
                    }
                    _ => continue,
                };
                out.push((format!("{scope}/{id}"), print));
            }
            out
        })
        .collect();
    let mut all: Vec<(String, String)> = per_file.into_iter().flatten().collect();
    // The first definition wins, as in the bundle: a stable sort keeps definitions in file
    // order, and the map is built in one go from the deduplicated, sorted entries.
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all.dedup_by(|later, first| later.0 == first.0);
    all.into_iter().collect()
}

/// The source's fingerprints, `scope/id` -> fingerprint ([`fingerprints`]).
pub(crate) type Prints = BTreeMap<String, String>;

/// The entries of `map` (keyed `scope/id`, a [`Lock`] or [`Prints`]) in `scope`, as
/// (id, value) sorted by id: the keys `scope/…` are one range of the map (`/` sorts just
/// before `0`). Looking ids up in it instead of the whole map keeps a file's lookups in a
/// few cache lines: a lookup of each message in maps of all of a locale's messages walks a
/// deep tree spread over memory, and its cache misses were a visible part of `check`.
fn scope_entries<'m>(map: &'m BTreeMap<String, String>, scope: &str) -> Vec<(&'m str, &'m str)> {
    use std::ops::Bound;
    let from = format!("{scope}/");
    let to = format!("{scope}0");
    map.range::<str, _>((Bound::Included(from.as_str()), Bound::Excluded(to.as_str())))
        .map(|(key, value)| (&key[from.len()..], value.as_str()))
        .collect()
}

/// The value of `id` among sorted `entries` ([`scope_entries`]).
fn lookup<'m>(entries: &[(&'m str, &'m str)], id: &str) -> Option<&'m str> {
    entries.binary_search_by(|(key, _)| (*key).cmp(id)).ok().map(|i| entries[i].1)
}

/// `scope/id` of every entry `target` translates that the source also has.
fn translated_keys(source: &Locale<'_>, target: &Locale<'_>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (scope, file) in &target.files {
        let Some(en_file) = source.files.get(scope) else {
            continue;
        };
        let en_ids: BTreeSet<&str> = en_file.entries().iter().map(|e| e.id.as_str()).collect();
        for entry in file.entries() {
            if en_ids.contains(entry.id.as_str()) {
                out.insert(format!("{scope}/{}", entry.id));
            }
        }
    }
    out
}

/// `stale` findings of `target`, with the source's fingerprints computed once for all
/// target locales.
pub(crate) fn check_stale_with(
    prints: &Prints,
    source: &Locale<'_>,
    target: &Locale<'_>,
    lock: &Lock,
    out: &mut Vec<Finding>,
) {
    use std::fmt::Write;
    // (is term, name) of a message or term, borrowed from the AST (no copies: this runs
    // for every translated message of every locale).
    fn id_of<'e>(entry: &&'e AstEntry<&'e str>) -> Option<(bool, &'e str)> {
        match entry {
            AstEntry::Message(m) => Some((false, m.id.name)),
            AstEntry::Term(t) => Some((true, t.id.name)),
            _ => None,
        }
    }
    // Files in parallel (this runs while the pages wait for the stale ids), in file order.
    use rayon::prelude::*;
    let per_file: Vec<Vec<Finding>> = target
        .files
        .par_iter()
        .map(|(scope, file)| {
            let mut out = Vec::new();
            // Only entries the source also has (the first definition of each).
            let Some(en_file) = source.files.get(scope) else { return out };
            // Sized up front: growing a set entry by entry rehashes it over and over.
            let mut en_ids: HashSet<(bool, &str)> = HashSet::with_capacity_and_hasher(en_file.body.len(), Default::default());
            en_ids.extend(en_file.body.iter().filter_map(id_of));
            let mut seen = HashSet::with_capacity_and_hasher(file.body.len(), Default::default());
            let (scope_prints, scope_lock) = (scope_entries(prints, scope), scope_entries(lock, scope));
            let mut key = String::new();
            for (is_term, name) in file.body.iter().filter_map(id_of) {
                if !en_ids.contains(&(is_term, name)) || !seen.insert((is_term, name)) {
                    continue;
                }
                let dash = if is_term { "-" } else { "" };
                key.clear();
                let _ = write!(key, "{dash}{name}");
                let Some(current) = lookup(&scope_prints, &key) else {
                    continue;
                };
                let why = match lookup(&scope_lock, &key) {
                    Some(reviewed) if reviewed == current => continue,
                    Some(_) => "the English changed since it was translated",
                    None => "no review against the current English is recorded",
                };
                let id = format!("{dash}{name}");
                let message = format!(
                    "`{id}` is stale in {}: {why}; check it, then run `drillbook l10n accept {} {scope}/{id}`",
                    target.name, target.name
                );
                // A term's span starts at its `-`.
                let offset = ast::offset_in(file.source, name).saturating_sub(dash.len());
                out.push(file.finding(
                    Severity::Warning,
                    "stale",
                    offset..offset + id.len(),
                    (target.name, scope, Some(&id)),
                    message,
                ));
            }
            out
        })
        .collect();
    out.extend(per_file.into_iter().flatten());
}

/// The result of `drillbook l10n accept`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The new lock, with the current English fingerprint for accepted entries ([`accept`]
    /// says which other entries it keeps).
    pub lock: Lock,
    /// `scope/id` keys whose fingerprint changed or was added.
    pub changed: Vec<String>,
    /// Requested ids that match no translated message.
    pub unknown: Vec<String>,
}

/// Records a review of `locale` against the current English: every translated message when
/// `ids` is empty, else those named (`id` in any scope, `scope/id`, or a scope alone for
/// every message of that file, e.g. an article id). Accepting everything
/// drops the entries of messages that are gone; accepting some ids leaves every other entry
/// as it was, so a partial review never loses a record.
pub fn accept(l10n: &L10n, locale: &str, lock: &Lock, ids: &[String]) -> Option<Accepted> {
    let locales = parse_locales(l10n);
    let (source, targets) = locales.split_first()?;
    let target = targets.iter().find(|l| l.name == locale)?;
    let prints = fingerprints(source);
    let translated = translated_keys(source, target);
    let matches = |key: &str, id: &str| {
        key == id
            || key
                .split_once('/')
                .is_some_and(|(scope, k)| k == id || scope == id.trim_end_matches('/'))
    };
    let mut unknown = Vec::new();
    for id in ids {
        if !translated.iter().any(|key| matches(key, id)) {
            unknown.push(id.clone());
        }
    }
    let mut new = if ids.is_empty() { Lock::new() } else { lock.clone() };
    let mut changed = Vec::new();
    for key in &translated {
        let Some(print) = prints.get(key) else {
            continue;
        };
        if ids.is_empty() || ids.iter().any(|id| matches(key, id)) {
            if lock.get(key) != Some(print) {
                changed.push(key.clone());
            }
            new.insert(key.clone(), print.clone());
        }
    }
    Some(Accepted { lock: new, changed, unknown })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_s_entries_are_its_own_and_found_by_id() {
        // Scopes that share a prefix with `a-1`, before and after it in key order.
        let map: BTreeMap<String, String> = [
            ("a-1/-term", "t"),
            ("a-1/title", "1"),
            ("a-1/intro", "2"),
            ("a-1-b/title", "x"),
            ("a-10/title", "y"),
            ("a-/title", "z"),
            ("a-1.5/title", "w"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let entries = scope_entries(&map, "a-1");
        assert_eq!(entries, vec![("-term", "t"), ("intro", "2"), ("title", "1")]);
        assert_eq!(lookup(&entries, "title"), Some("1"));
        assert_eq!(lookup(&entries, "-term"), Some("t"));
        assert_eq!(lookup(&entries, "missing"), None);
        assert!(scope_entries(&map, "a").is_empty());
        assert_eq!(scope_entries(&map, "a-10"), vec![("title", "y")]);
    }
}
