//! The reviewed English, kept beside the lock as gettext keeps `#| msgid`:
//! `locales/<locale>/l10n.reviewed` holds, for each fingerprint of `l10n.lock`, the English
//! text that was hashed into it, so a stale message can show what changed ([`word_diff`]).
//! The lock file itself is unchanged (a lock without this file still works; its stale
//! messages only lack the old English).
//!
//! Format, sorted by fingerprint, one record per fingerprint the lock uses:
//! ```text
//! # comment
//! == 3f2a9c0d11e4b7a2
//! step-suspend = **Suspend any active subscriptions.**
//! ```
//! The body is the entry as fluent-syntax serializes it (what [`super::lock::fingerprint`]
//! hashes); a record whose body does not hash to its fingerprint is ignored.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Message, Resource, Term};

use super::lock::{Lock, fingerprint_text};

/// File name of the reviewed English inside a locale's directory.
pub const REVIEWED_FILE: &str = "l10n.reviewed";

/// Fingerprint -> the English text it was made from.
pub type Reviewed = BTreeMap<String, String>;

/// Parses `l10n.reviewed`; records that do not match their fingerprint are dropped (the
/// file is a cache of what the lock's fingerprints stand for, never a source of truth).
pub fn parse_reviewed(source: &str) -> Reviewed {
    records(source)
        .filter(|(print, text)| fingerprint_text(text) == *print)
        .map(|(print, text)| (print.to_string(), text.to_string()))
        .collect()
}

/// The records of `l10n.reviewed` as written, `(fingerprint, text)`, in file order and not
/// verified: each is a slice of `source`.
fn records(source: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut heads = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if let Some(print) = line.strip_prefix("== ") {
            heads.push((offset, offset + line.len(), print.trim()));
        }
        offset += line.len();
    }
    let ends: Vec<usize> = heads.iter().skip(1).map(|(start, _, _)| *start).collect();
    heads.into_iter().zip(ends.into_iter().chain([source.len()])).map(
        move |((_, body, print), end)| (print, source[body..end].trim_end_matches(['\n', '\r'])),
    )
}

/// The records of one `l10n.reviewed`, verified only when looked up: a build shows the
/// old English of its few stale messages, out of a file that holds the English of every
/// translated one.
struct LazyReviewed<'a> {
    records: BTreeMap<&'a str, &'a str>,
}

impl<'a> LazyReviewed<'a> {
    fn parse(source: &'a str) -> Self {
        LazyReviewed { records: records(source).collect() }
    }

    /// The text recorded for `print`, if it hashes to it.
    fn get(&self, print: &str) -> Option<&'a str> {
        self.records.get(print).copied().filter(|text| fingerprint_text(text) == print)
    }
}

/// Renders the records of `reviewed` that `lock` uses, sorted (same input, same bytes).
pub fn render_reviewed(locale: &str, lock: &Lock, reviewed: &Reviewed) -> String {
    let mut out = format!(
        "# drillbook: the English each fingerprint of {locale}'s l10n.lock was made from,\n\
         # for `drillbook l10n status --diff`. Written by `drillbook l10n accept`.\n"
    );
    let used: std::collections::BTreeSet<&String> = lock.values().collect();
    for (print, text) in reviewed.iter().filter(|(p, _)| used.contains(p)) {
        out.push_str("== ");
        out.push_str(print);
        out.push('\n');
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// The text [`super::lock::fingerprint`] hashes for a message (comment left out).
pub fn message_text(message: &Message<&str>) -> String {
    let entry = Entry::Message(Message {
        id: message.id.clone(),
        value: message.value.clone(),
        attributes: message.attributes.clone(),
        comment: None,
    });
    fluent_syntax::serializer::serialize(&Resource { body: vec![entry] })
}

/// The text a term's fingerprint hashes (comment left out).
pub fn term_text(term: &Term<&str>) -> String {
    let mut term = term.clone();
    term.comment = None;
    fluent_syntax::serializer::serialize(&Resource { body: vec![Entry::Term(term)] })
}

/// The English of a stored or current entry text as a reader sees it: without `id =`, on
/// one line.
pub fn shown_text(entry_text: &str) -> String {
    let body = entry_text.split_once('=').map_or(entry_text, |(_, rest)| rest);
    crate::md_shape::collapse_whitespace(body).trim().to_string()
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Same(String),
    Removed(String),
    Added(String),
}

/// Words (and the whitespace after each) of `text`.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            in_space = true;
        } else if in_space {
            out.push(&text[start..i]);
            start = i;
            in_space = false;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Longest input compared word by word; beyond it the texts are one removal and one
/// addition (the table is quadratic in the words).
const MAX_DIFF_WORDS: usize = 2000;

/// `old` → `new` word by word (longest common subsequence), adjacent pieces of one kind
/// merged. Joining the `Same` and `Removed` texts gives `old`; `Same` and `Added`, `new`.
pub fn word_diff(old: &str, new: &str) -> Vec<Segment> {
    let (a, b) = (words(old), words(new));
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |seg: Segment| {
        match (out.last_mut(), &seg) {
            (Some(Segment::Same(x)), Segment::Same(y))
            | (Some(Segment::Removed(x)), Segment::Removed(y))
            | (Some(Segment::Added(x)), Segment::Added(y)) => x.push_str(y),
            _ => out.push(seg),
        };
    };
    if a.len() > MAX_DIFF_WORDS || b.len() > MAX_DIFF_WORDS {
        if !old.is_empty() {
            push(Segment::Removed(old.to_string()));
        }
        if !new.is_empty() {
            push(Segment::Added(new.to_string()));
        }
        return out;
    }
    // Words compare without their trailing whitespace.
    let same = |i: usize, j: usize| a[i].trim_end() == b[j].trim_end();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * (m + 1) + j] = if same(i, j) {
                lcs[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && same(i, j) {
            // Keep the new text's whitespace; the old one's, when it differs, is removed.
            let (wa, wb) = (a[i], b[j]);
            push(Segment::Same(wb.trim_end().to_string()));
            let (sa, sb) = (&wa[wa.trim_end().len()..], &wb[wb.trim_end().len()..]);
            if sa == sb {
                push(Segment::Same(sb.to_string()));
            } else {
                if !sa.is_empty() {
                    push(Segment::Removed(sa.to_string()));
                }
                if !sb.is_empty() {
                    push(Segment::Added(sb.to_string()));
                }
            }
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i * (m + 1) + j + 1] > lcs[(i + 1) * (m + 1) + j]) {
            push(Segment::Added(b[j].to_string()));
            j += 1;
        } else {
            push(Segment::Removed(a[i].to_string()));
            i += 1;
        }
    }
    out
}

/// A word diff as text, `[-removed-]{+added+}` (git's `--word-diff=plain`).
pub fn render_word_diff(segments: &[Segment]) -> String {
    let mut out = String::new();
    for seg in segments {
        match seg {
            Segment::Same(t) => out.push_str(t),
            Segment::Removed(t) => {
                out.push_str("[-");
                out.push_str(t);
                out.push_str("-]");
            }
            Segment::Added(t) => {
                out.push_str("{+");
                out.push_str(t);
                out.push_str("+}");
            }
        }
    }
    out
}

/// `scope/id` -> the text of every message and term of `files` (the source locale), as
/// fingerprinted (first definition wins, as in [`super::lock`]).
pub fn entry_texts(files: &super::LocaleFiles) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (scope, file) in &files.files {
        for entry in file.resource.entries() {
            let (id, text) = match entry {
                Entry::Message(m) => (m.id.name.to_string(), message_text(m)),
                Entry::Term(t) => (format!("-{}", t.id.name), term_text(t)),
                _ => continue,
            };
            out.entry(format!("{scope}/{id}")).or_insert(text);
        }
    }
    out
}

/// `reviewed` with the current English of every entry of `lock` it lacks (from `texts`,
/// [`entry_texts`] of the source locale), when that English is what the lock's fingerprint
/// says was reviewed.
pub fn record(reviewed: &mut Reviewed, lock: &Lock, texts: &BTreeMap<String, String>) {
    for (key, print) in lock {
        if reviewed.contains_key(print) {
            continue;
        }
        if let Some(text) = texts.get(key) {
            let text = text.trim_end_matches(['\n', '\r']);
            if fingerprint_text(text) == *print {
                reviewed.insert(print.clone(), text.to_string());
            }
        }
    }
}

/// What changed in the English of one stale message, beside its translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleDetail {
    pub locale: String,
    pub scope: String,
    pub id: String,
    /// The English the translation was reviewed against; `None` when not recorded (a lock
    /// written before `l10n.reviewed` existed, or by `import`).
    pub old: Option<String>,
    pub new: String,
    pub translation: String,
}

impl StaleDetail {
    /// Old to new English, word by word (all `Added` when the old English is unknown).
    /// Worked out when shown, not kept: a site whose English changed everywhere has a
    /// detail for every message of every locale.
    pub fn diff(&self) -> Vec<Segment> {
        word_diff(self.old.as_deref().unwrap_or(""), &self.new)
    }
}

/// The [`StaleDetail`] of each stale `(scope, id)` of `locale`, in the order given.
pub fn stale_details(
    l10n: &super::L10n,
    locale: &str,
    stale: &[(String, String)],
    lock: &Lock,
    reviewed: &Reviewed,
) -> Vec<StaleDetail> {
    let english = entry_texts(l10n.source());
    let translated = l10n.locale(locale).map(entry_texts).unwrap_or_default();
    stale
        .iter()
        .map(|(scope, id)| {
            let key = format!("{scope}/{id}");
            let (new, translation) = (english.get(&key), translated.get(&key));
            let old = lock.get(&key).and_then(|p| reviewed.get(p)).map(String::as_str);
            detail(locale, scope, id, new, translation, old)
        })
        .collect()
}

/// The [`StaleDetail`]s of `stale` (`(locale, scope)` -> ids, the shape of
/// `render::Options::stale`) by `(locale, scope)`, for the locales whose files `l10n` holds
/// now; each locale's `l10n.reviewed` read once. Only the stale entries are serialized.
pub fn load_stale_details(
    root: &std::path::Path,
    l10n: &super::L10n,
    locks: &BTreeMap<String, Lock>,
    stale: &BTreeMap<(String, String), std::collections::BTreeSet<String>>,
) -> BTreeMap<(String, String), Vec<StaleDetail>> {
    let empty = Lock::new();
    let mut out = BTreeMap::new();
    let locales: BTreeSet<&str> = stale.keys().map(|(locale, _)| locale.as_str()).collect();
    for locale in locales {
        let Some(target) = l10n.locale(locale) else { continue };
        let lock = locks.get(locale).unwrap_or(&empty);
        out.extend(load_locale_stale_details(root, l10n.source(), target, lock, stale));
    }
    out
}

/// [`load_stale_details`] of one translated locale, `target` (the entries of `stale` of
/// other locales are left out), with its lock: `target`'s `l10n.reviewed` is read.
pub fn load_locale_stale_details(
    root: &std::path::Path,
    source: &super::LocaleFiles,
    target: &super::LocaleFiles,
    lock: &Lock,
    stale: &BTreeMap<(String, String), std::collections::BTreeSet<String>>,
) -> BTreeMap<(String, String), Vec<StaleDetail>> {
    let mut out = BTreeMap::new();
    let locale = target.locale.as_str();
    if !stale.keys().any(|(l, _)| l == locale) {
        return out;
    }
    let path = root.join("locales").join(locale).join(REVIEWED_FILE);
    let source_text = std::fs::read_to_string(path).unwrap_or_default();
    let kept = LazyReviewed::parse(&source_text);
    // Scopes in parallel: a build finds the next locale's details beside the current
    // locale's check and pages, and would otherwise wait for them on one core.
    use rayon::prelude::*;
    let scopes: Vec<_> = stale.iter().filter(|((l, _), _)| l == locale).collect();
    let details: Vec<Vec<StaleDetail>> = scopes
        .par_iter()
        .map(|((_, scope), ids)| {
            let english = scope_texts(source, scope, ids);
            let translated = scope_texts(target, scope, ids);
            ids.iter()
                .map(|id| {
                    let old = lock.get(&format!("{scope}/{id}")).and_then(|p| kept.get(p));
                    detail(locale, scope, id, english.get(id), translated.get(id), old)
                })
                .collect()
        })
        .collect();
    for (((_, scope), _), details) in scopes.into_iter().zip(details) {
        out.insert((locale.to_string(), scope.clone()), details);
    }
    out
}

/// id -> entry text ([`entry_texts`]) of the entries of `files`' `scope` listed in `ids`.
fn scope_texts(
    files: &super::LocaleFiles,
    scope: &str,
    ids: &std::collections::BTreeSet<String>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(file) = files.files.get(scope) else { return out };
    for entry in file.resource.entries() {
        let (id, text) = match entry {
            Entry::Message(m) if ids.contains(m.id.name) => {
                (m.id.name.to_string(), message_text(m))
            }
            Entry::Term(t) if ids.contains(&format!("-{}", t.id.name)) => {
                (format!("-{}", t.id.name), term_text(t))
            }
            _ => continue,
        };
        out.entry(id).or_insert(text);
    }
    out
}

fn detail(
    locale: &str,
    scope: &str,
    id: &str,
    new: Option<&String>,
    translation: Option<&String>,
    old: Option<&str>,
) -> StaleDetail {
    let new = new.map(|t| shown_text(t)).unwrap_or_default();
    let old = old.map(shown_text);
    let translation = translation.map(|t| shown_text(t)).unwrap_or_default();
    StaleDetail {
        locale: locale.to_string(),
        scope: scope.to_string(),
        id: id.to_string(),
        old,
        new,
        translation,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_changed_word_is_removed_and_added() {
        let diff =
            word_diff("Suspend any active subscriptions.", "Suspend all active subscriptions.");
        assert_eq!(render_word_diff(&diff), "Suspend [-any -]{+all +}active subscriptions.");
    }

    #[test]
    fn records_round_trip_and_a_forged_record_is_dropped() {
        let text = "step = Suspend any active subscriptions.\n";
        let print = fingerprint_text(text.trim_end());
        let mut reviewed = Reviewed::new();
        reviewed.insert(print.clone(), text.trim_end().to_string());
        let mut lock = Lock::new();
        lock.insert("a/step".into(), print.clone());
        let rendered = render_reviewed("de-DE", &lock, &reviewed);
        assert_eq!(parse_reviewed(&rendered), reviewed);
        // Not used by the lock: not written.
        assert!(!render_reviewed("de-DE", &Lock::new(), &reviewed).contains(&print));
        let forged = rendered.replace("any", "all");
        assert!(parse_reviewed(&forged).is_empty());
        // Looked up lazily: the same records, the same refusal of a forged one.
        assert_eq!(LazyReviewed::parse(&rendered).get(&print), Some(text.trim_end()));
        assert_eq!(LazyReviewed::parse(&forged).get(&print), None);
        assert_eq!(LazyReviewed::parse(&rendered).get("0000000000000000"), None);
    }

    #[test]
    fn the_stored_text_hashes_to_the_message_fingerprint() {
        let resource =
            fluent_syntax::parser::parse("step =\n    Select **{ -ui-x }**\n    .title = T\n")
                .unwrap();
        let Entry::Message(m) = &resource.body[0] else { panic!("a message") };
        assert_eq!(fingerprint_text(&message_text(m)), super::super::lock::fingerprint(m));
        assert_eq!(shown_text(&message_text(m)), "Select **{ -ui-x }** .title = T");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn the_diff_gives_back_both_texts(old in "[a-c ]{0,30}", new in "[a-c ]{0,30}") {
            let diff = word_diff(&old, &new);
            let side = |keep_removed: bool| -> String {
                diff.iter()
                    .filter_map(|s| match s {
                        Segment::Same(t) => Some(t.as_str()),
                        Segment::Removed(t) if keep_removed => Some(t.as_str()),
                        Segment::Added(t) if !keep_removed => Some(t.as_str()),
                        _ => None,
                    })
                    .collect()
            };
            prop_assert_eq!(side(false), new);
            // Whitespace kept from the new text may differ from the old around common words.
            let old_side = side(true);
            prop_assert_eq!(
                old_side.split_whitespace().collect::<Vec<_>>(),
                old.split_whitespace().collect::<Vec<_>>()
            );
        }
    }
}
