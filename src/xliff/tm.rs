//! Translation memory: every reviewed translation of a locale (the lock's fingerprint equals
//! the current English one) is a translation unit; a missing or stale unit gets the exact
//! and fuzzy matches (at least [`MIN_SCORE`] % similar on the English) from the other
//! messages of the same locale, any file.
//!
//! Similarity is 100 × (1 − Levenshtein distance / length of the longer text) over the
//! characters of the English, codes written as their source. A word index keeps the
//! candidates few (a text at least 75 % similar shares most of its words); each candidate's
//! distance is `rapidfuzz`'s bit-parallel one against the unit's text prepared once, bounded
//! by the largest distance the threshold allows, since a long article's paragraphs make the
//! textbook algorithm's cost (the product of the two lengths) the export's whole time.

use std::collections::HashMap;

use rapidfuzz::distance::levenshtein;

use super::codes::{Seg, plain};
use super::units::{State, Unit};

/// The lowest similarity (percent) a fuzzy match needs.
pub const MIN_SCORE: u32 = 75;
/// Matches offered per unit, best first.
pub const MAX_MATCHES: usize = 3;
/// Candidates scored per unit (those sharing the most words).
const MAX_CANDIDATES: usize = 40;
/// Words of a unit looked up in the index, the rarest first.
const RARE_WORDS: usize = 8;

/// One reviewed translation.
#[derive(Debug, Clone)]
pub struct Tu {
    pub id: String,
    pub source: Vec<Seg>,
    pub target: Vec<Seg>,
    english: String,
    /// Characters in `english`.
    len: usize,
}

/// A suggestion for a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Percent, 100 for an exact match.
    pub score: u32,
    /// Index into [`Memory::tus`].
    pub tu: usize,
}

#[derive(Debug, Default)]
pub struct Memory {
    pub tus: Vec<Tu>,
    exact: HashMap<String, Vec<usize>>,
    words: HashMap<String, Vec<usize>>,
}

fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    out.sort();
    out.dedup();
    out
}

impl Memory {
    /// The reviewed translations among `units`.
    pub fn from_units(units: &[Unit]) -> Memory {
        let mut memory = Memory::default();
        for unit in units {
            if let (State::Translated, Some(target)) = (unit.state, &unit.target) {
                memory.add(unit.id(), unit.source.clone(), target.clone());
            }
        }
        memory
    }

    pub fn add(&mut self, id: String, source: Vec<Seg>, target: Vec<Seg>) {
        let text = plain(&source);
        let index = self.tus.len();
        self.exact.entry(text.clone()).or_default().push(index);
        for word in words(&text) {
            self.words.entry(word).or_default().push(index);
        }
        let len = text.chars().count();
        self.tus.push(Tu { id, source, target, english: text, len });
    }

    /// Matches for `unit` (never its own translation), best first, ties by id.
    pub fn lookup(&self, unit_id: &str, source: &[Seg]) -> Vec<Match> {
        let text = plain(source);
        if text.trim().is_empty() {
            return Vec::new();
        }
        let mut found: Vec<Match> = Vec::new();
        for &tu in self.exact.get(&text).into_iter().flatten() {
            if self.tus[tu].id != unit_id {
                found.push(Match { score: 100, tu });
            }
        }
        let query_len = text.chars().count();
        let query_words = words(&text);
        // The query's rarest words only: a text at least 75 % similar shares most words, so
        // also some of the rarest, and a common word's list is as long as the memory.
        let mut postings: Vec<&Vec<usize>> =
            query_words.iter().filter_map(|w| self.words.get(w)).collect();
        postings.sort_by_key(|p| p.len());
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for posting in postings.into_iter().take(RARE_WORDS) {
            for &tu in posting {
                *shared.entry(tu).or_default() += 1;
            }
        }
        let mut candidates: Vec<(usize, usize)> = shared
            .into_iter()
            .filter(|(tu, _)| {
                let len = self.tus[*tu].len;
                let (short, long) = (len.min(query_len), len.max(query_len));
                // Distance is at least the length difference.
                long > 0 && 100 * short >= MIN_SCORE as usize * long
            })
            .collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let query = Prepared::new(&text);
        for (tu, _) in candidates.into_iter().take(MAX_CANDIDATES) {
            let entry = &self.tus[tu];
            if entry.id == unit_id || found.iter().any(|m| m.tu == tu) {
                continue;
            }
            if let Some(score) = query.similarity_at_least(&entry.english, entry.len, MIN_SCORE) {
                found.push(Match { score, tu });
            }
        }
        found.sort_by(|a, b| {
            b.score.cmp(&a.score).then_with(|| self.tus[a.tu].id.cmp(&self.tus[b.tu].id))
        });
        // The same translation from several places is offered once.
        let mut seen: Vec<&[Seg]> = Vec::new();
        found.retain(|m| {
            let target = self.tus[m.tu].target.as_slice();
            if seen.contains(&target) {
                false
            } else {
                seen.push(target);
                true
            }
        });
        found.truncate(MAX_MATCHES);
        found
    }
}

/// Percent similarity of two texts (100 when equal), rounded down.
pub fn similarity(a: &str, b: &str) -> u32 {
    similarity_at_least(a, b, 0).unwrap_or(0)
}

/// [`similarity`] when it is at least `min`, else `None`.
pub fn similarity_at_least(a: &str, b: &str, min: u32) -> Option<u32> {
    Prepared::new(a).similarity_at_least(b, b.chars().count(), min)
}

/// A text compared with many others: its characters and their bit masks made once.
struct Prepared {
    len: usize,
    comparator: levenshtein::BatchComparator<char>,
}

impl Prepared {
    fn new(text: &str) -> Prepared {
        Prepared {
            len: text.chars().count(),
            comparator: levenshtein::BatchComparator::new(text.chars()),
        }
    }

    /// The similarity of this text and `other` (of `other_len` characters) when it is at
    /// least `min`, else `None`.
    fn similarity_at_least(&self, other: &str, other_len: usize, min: u32) -> Option<u32> {
        let (short, long) = (self.len.min(other_len), self.len.max(other_len));
        if long == 0 {
            return Some(100);
        }
        // The distance is at least the difference in length, so the score at most
        // `short * 100 / long`: texts of too different lengths need no distance.
        if ((short * 100 / long) as u32) < min {
            return None;
        }
        // The score `(long - d) * 100 / long` (rounded down) is at least `min` exactly when
        // `d <= long - ceil(min * long / 100)`: the distance need not be known past that.
        let most = long - (min as usize * long).div_ceil(100);
        let args = levenshtein::Args::default().score_cutoff(most);
        let distance = self.comparator.distance_with_args(other.chars(), &args)?;
        Some(((long - distance) * 100 / long) as u32)
    }
}
