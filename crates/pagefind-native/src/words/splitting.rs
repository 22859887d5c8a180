//! Pagefind 1.6's word splitting (`src/fossick/splitting.rs`): which words a raw
//! whitespace-delimited word (or ICU4X segment) is indexed under.
//!
//! These are Pagefind's algorithms, kept step for step as Pagefind runs them so that the
//! results agree exactly. Three steps are done by exact shortcuts (`super::fast`, each held
//! to the reference by property tests), and what a word is indexed under is made by a
//! [`Sink`]: `Reference` (the tests') builds Pagefind's `IndexableWord`s, while a
//! [`super::Fossicker`] interns the stemmed words and stems each normalized word once,
//! since many raw words (`Gerät`, `Gerät,`, `(Gerät`, `HoloLens-Gerät`) share them.

use std::collections::HashSet;
use std::sync::LazyLock;

use convert_case::{Case, Casing};
#[cfg(test)]
use pagefind_stem::Stemmer;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::fast;

/// At most this many characters of a katakana run are indexed per suffix.
const MAX_KATAKANA_SUFFIX_CHARS: usize = 16;
/// At most this many characters after a `.` are indexed as a dotted tail.
const MAX_DOTTED_TAIL_CHARS: usize = 64;

/// Pagefind's `EMOJI` regex: `\p{Emoji}` (which also matches `0`–`9`, `#` and `*`).
static EMOJI: LazyLock<Regex> = LazyLock::new(|| Regex::new("\\p{Emoji}").expect("valid regex"));

/// One word to index for a raw word (Pagefind's `IndexableWord`).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq)]
pub struct IndexableWord {
    /// The normalized, diacritics-folded and stemmed form: the key in the index.
    pub stemmed: String,
    /// A part of a compound word (it is weighted as a share of the whole word).
    pub is_compound_part: bool,
    /// The word before diacritics were folded, when that differs.
    pub original: Option<String>,
}

/// True when Pagefind looks for compound parts in `word`: it has a character that
/// is not alphanumeric, or an uppercase character after the first.
#[cfg(test)]
pub(super) fn possibly_compound(word: &str) -> bool {
    word.chars().any(|c| !c.is_alphanumeric()) || word.chars().skip(1).any(char::is_uppercase)
}

/// Makes the words that `get_indexable_words` and its kin find for a raw word.
pub trait Sink {
    type Word;
    /// What two words are compared by: equal keys, the same stemmed word.
    type Key: Eq + std::hash::Hash;
    /// Pagefind's `stem_word` of a normalized word.
    fn stemmed(&mut self, word: &str, is_compound_part: bool) -> Self::Word;
    /// `word` with its diacritics folded but not stemmed, as a compound part (a katakana
    /// suffix).
    fn folded(&mut self, word: &str) -> Self::Word;
    /// `word` as it is, not a compound part (an emoji).
    fn verbatim(&mut self, word: &str) -> Self::Word;
    fn key(&self, word: &Self::Word) -> Self::Key;
}

/// Pagefind's own words: [`IndexableWord`]s, stemmed by its stemmer.
#[cfg(test)]
pub struct Reference<'a>(pub Option<&'a Stemmer>);

#[cfg(test)]
impl Sink for Reference<'_> {
    type Word = IndexableWord;
    type Key = String;

    fn stemmed(&mut self, word: &str, is_compound_part: bool) -> IndexableWord {
        stem_word(word, self.0, is_compound_part)
    }

    fn folded(&mut self, word: &str) -> IndexableWord {
        let folded = normalize_diacritics(word);
        IndexableWord {
            original: folded.as_ref().map(|_| word.to_string()),
            stemmed: folded.unwrap_or_else(|| word.to_string()),
            is_compound_part: true,
        }
    }

    fn verbatim(&mut self, word: &str) -> IndexableWord {
        IndexableWord { stemmed: word.to_string(), original: None, is_compound_part: false }
    }

    fn key(&self, word: &IndexableWord) -> String {
        word.stemmed.clone()
    }
}

/// All the words to index for `raw_word` (Pagefind's `get_indexable_words`): the
/// normalized and stemmed word, katakana suffixes, compound parts and emoji.
#[cfg(test)]
pub fn get_indexable_words(
    raw_word: &str,
    stemmer: Option<&Stemmer>,
    include_characters: &[char],
) -> Vec<IndexableWord> {
    let mut results = Vec::new();
    indexable_words(raw_word, include_characters, &mut Reference(stemmer), &mut results);
    results
}

/// `get_indexable_words`, made by `sink` and appended to `results`.
pub fn indexable_words<S: Sink>(
    raw_word: &str,
    include_characters: &[char],
    sink: &mut S,
    results: &mut Vec<S::Word>,
) {
    let (normalized_word, possibly_compound) = fast::scan(raw_word, include_characters);
    if !normalized_word.is_empty() {
        results.push(sink.stemmed(&normalized_word, false));
    }

    if !raw_word.is_ascii() {
        for suffix in katakana_suffixes(raw_word) {
            results.push(sink.folded(suffix));
        }
    }

    if !possibly_compound {
        return;
    }

    let (word_parts, extras) = get_discrete_words(raw_word);
    if !normalized_word.is_empty()
        && (word_parts.contains(char::is_whitespace) || !normalized_word.starts_with(&word_parts))
    {
        // Only index two+ byte words
        for part_word in word_parts.split_whitespace().filter(|w| w.len() > 1) {
            results.push(sink.stemmed(part_word, true));
        }
    }

    for extra in extras.into_iter().flatten() {
        results.push(sink.verbatim(&extra));
    }
}

/// The compound tails after each `.` of `raw_word` that aren't already indexed
/// (Pagefind's `get_dotted_tails`), so that `is_python_build` is found in
/// `sysconfig.is_python_build`.
#[cfg(test)]
pub fn get_dotted_tails(
    raw_word: &str,
    stemmer: Option<&Stemmer>,
    include_characters: &[char],
    existing: &[IndexableWord],
) -> Vec<IndexableWord> {
    let mut words = existing.to_vec();
    dotted_tails(raw_word, include_characters, &mut Reference(stemmer), &mut words);
    words.split_off(existing.len())
}

/// `get_dotted_tails` of the words in `words`, made by `sink` and appended to them.
pub fn dotted_tails<S: Sink>(
    raw_word: &str,
    include_characters: &[char],
    sink: &mut S,
    words: &mut Vec<S::Word>,
) {
    if !raw_word.contains('.') {
        return;
    }
    let existing = words.len();
    let mut seen: HashSet<S::Key> = words.iter().map(|w| sink.key(w)).collect();
    for (i, _) in raw_word.match_indices('.') {
        let rest = &raw_word[i + 1..];
        let tail = match rest.char_indices().nth(MAX_DOTTED_TAIL_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        let (tail_normalized, possibly_compound) = fast::scan(tail, include_characters);
        if !possibly_compound {
            // A plain tail is already indexed, as the final compound part.
            continue;
        }
        if tail_normalized.chars().nth(1).is_none() {
            continue;
        }
        let tail_word = sink.stemmed(&tail_normalized, true);
        // The tails seen before this one are in `seen` too: none is indexed twice
        if seen.insert(sink.key(&tail_word)) {
            words.push(tail_word);
        }
    }
    debug_assert!(words.len() >= existing);
}

/// The pairs of adjacent grapheme clusters of a segment that aren't already
/// indexable (Pagefind's `get_indexable_bigrams`), for segmented languages.
#[cfg(test)]
pub fn get_indexable_bigrams(
    raw_word: &str,
    stemmer: Option<&Stemmer>,
    existing: &[IndexableWord],
) -> Vec<IndexableWord> {
    let mut words = existing.to_vec();
    indexable_bigrams(raw_word, &mut Reference(stemmer), &mut words);
    words.split_off(existing.len())
}

/// `get_indexable_bigrams` of the words in `words`, made by `sink` and appended to them.
pub fn indexable_bigrams<S: Sink>(raw_word: &str, sink: &mut S, words: &mut Vec<S::Word>) {
    let mut seen: HashSet<S::Key> = words.iter().map(|w| sink.key(w)).collect();
    for bigram in pair_bigrams(raw_word, None) {
        let bigram = sink.stemmed(&bigram, true);
        if seen.insert(sink.key(&bigram)) {
            words.push(bigram);
        }
    }
}

/// The word for the pair of grapheme clusters spanning the boundary between
/// `previous_cluster` and the start of `raw_word`, unless it is already in
/// `existing` (Pagefind's `get_indexable_cross_bigram`).
#[cfg(test)]
pub fn get_indexable_cross_bigram(
    raw_word: &str,
    previous_cluster: Option<&str>,
    stemmer: Option<&Stemmer>,
    existing: &[IndexableWord],
) -> Option<IndexableWord> {
    let bigram = stem_word(&cross_pair(raw_word, previous_cluster)?, stemmer, true);
    if existing.iter().any(|w| w.stemmed == bigram.stemmed) {
        return None;
    }
    Some(bigram)
}

/// Lowercases `raw_word` and keeps only its alphanumeric characters and
/// `include_characters` (Pagefind's `normalize_word`; see [`fast::scan`]).
#[cfg(test)]
pub fn normalize_word(raw_word: &str, include_characters: &[char]) -> String {
    let mut normalized_word = String::with_capacity(raw_word.len());
    for mut c in raw_word.chars() {
        if c.is_alphanumeric() || include_characters.contains(&c) {
            c.make_ascii_lowercase();
            if c.is_uppercase() {
                // Non-ascii uppercase can lower to multiple chars
                normalized_word.extend(c.to_lowercase());
            } else {
                normalized_word.push(c);
            }
        }
    }
    normalized_word
}

/// Folds diacritics and stems a normalized word (Pagefind's `stem_word`).
#[cfg(test)]
pub fn stem_word(
    normalized_word: &str,
    stemmer: Option<&Stemmer>,
    is_compound_part: bool,
) -> IndexableWord {
    let diacritic_normalized = normalize_diacritics(normalized_word);
    let folded = diacritic_normalized.as_deref().unwrap_or(normalized_word);
    let stemmed = match stemmer {
        Some(stemmer) => stemmer.stem(folded).into_owned(),
        None => folded.to_string(),
    };
    IndexableWord {
        stemmed,
        original: diacritic_normalized.map(|_| normalized_word.to_string()),
        is_compound_part,
    }
}

/// True for a grapheme cluster in a script that Pagefind pairs into bigrams.
pub fn is_segmented_cluster(cluster: &str) -> bool {
    matches!(
        cluster.chars().next().map(u32::from),
        Some(
            0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF
            | 0x20000..=0x2FA1F
            | 0x30000..=0x323AF
            | 0x3041..=0x30FF
            | 0x31F0..=0x31FF
            | 0xFF66..=0xFF9F
            | 0x0E00..=0x0EFF
            | 0x1000..=0x109F
            | 0x1780..=0x17FF,
        )
    )
}

/// The pair of grapheme clusters spanning the boundary between `previous_cluster`
/// and the start of `word`, if both sides are in a segmented script.
pub fn cross_pair(word: &str, previous_cluster: Option<&str>) -> Option<String> {
    let previous = previous_cluster.filter(|c| is_segmented_cluster(c))?;
    let first = word.graphemes(true).next()?;
    if !is_segmented_cluster(first) {
        return None;
    }
    let mut bigram = String::with_capacity(previous.len() + first.len());
    bigram.push_str(previous);
    bigram.push_str(first);
    Some(bigram)
}

/// Every pair of adjacent grapheme clusters in a segment, starting with the pair
/// that spans the boundary from `previous_cluster` (Pagefind's `pair_bigrams`).
pub fn pair_bigrams(word: &str, previous_cluster: Option<&str>) -> Vec<String> {
    let mut bigrams: Vec<String> = cross_pair(word, previous_cluster).into_iter().collect();
    let mut previous: Option<&str> = None;
    for cluster in word.graphemes(true) {
        if !is_segmented_cluster(cluster) {
            previous = None;
            continue;
        }
        if let Some(previous) = previous {
            let mut bigram = String::with_capacity(previous.len() + cluster.len());
            bigram.push_str(previous);
            bigram.push_str(cluster);
            bigrams.push(bigram);
        }
        previous = Some(cluster);
    }
    bigrams
}

/// Katakana, the prolonged sound mark, and their halfwidth forms.
fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

/// Every distinct suffix (of 2 to 16 characters, past the first character) of a
/// katakana run of 3+ characters, which ICU4X leaves unsegmented.
pub fn katakana_suffixes(word: &str) -> Vec<&str> {
    let mut suffixes = Vec::new();
    // `chars().count() < 3` without counting the whole run
    if word.chars().nth(2).is_none() || !word.chars().all(is_katakana) {
        return suffixes;
    }
    let mut seen = HashSet::new();
    for (i, _) in word.char_indices().skip(1) {
        let rest = &word[i..];
        let suffix = match rest.char_indices().nth(MAX_KATAKANA_SUFFIX_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        if suffix.chars().nth(1).is_some() && seen.insert(suffix) {
            suffixes.push(suffix);
        }
    }
    suffixes
}

/// `word` with its combining marks removed (keeping the kana voiced sound marks,
/// recomposed), when that differs from `word` (Pagefind's `normalize_diacritics`).
pub fn normalize_diacritics(word: &str) -> Option<String> {
    if word.is_ascii() || !has_decomposition(word) {
        return None;
    }
    let stripped: String = word
        .nfd()
        .filter(|c| {
            !unicode_normalization::char::is_combining_mark(*c)
                || matches!(*c, '\u{3099}' | '\u{309A}')
        })
        .collect();
    let normalized = if stripped.chars().any(|c| matches!(c, '\u{3099}' | '\u{309A}')) {
        stripped.nfc().collect::<String>()
    } else {
        stripped
    };
    (normalized != word).then_some(normalized)
}

fn has_decomposition(word: &str) -> bool {
    word.chars().any(|c| {
        unicode_normalization::char::is_combining_mark(c) || {
            let mut decomposes = false;
            unicode_normalization::char::decompose_canonical(c, |part| {
                decomposes = decomposes || part != c;
            });
            decomposes
        }
    })
}

/// The lowercase parts of a compound word, space-separated, and the emoji in it
/// (Pagefind's `get_discrete_words`).
pub fn get_discrete_words(s: &str) -> (String, Option<Vec<String>>) {
    let words = fast::lowercase_words(s).unwrap_or_else(|| lowercase_words(s));
    // In ASCII, `\p{Emoji}` is only `0`-`9`, `#` and `*`
    let maybe_emoji =
        !s.is_ascii() || s.bytes().any(|b| b.is_ascii_digit() || b == b'#' || b == b'*');
    let extras = (maybe_emoji && EMOJI.is_match(s)).then(|| {
        s.graphemes(true)
            .filter(|x| emojis::get(x).is_some())
            .map(str::to_string)
            .collect::<Vec<_>>()
    });

    (words, extras)
}

/// The lowercase parts of `s`, space-separated, as Pagefind finds them: ASCII punctuation
/// made spaces, then `convert_case`'s lower case (its case and digit boundaries).
pub(super) fn lowercase_words(s: &str) -> String {
    s.replace(|c: char| c.is_ascii_punctuation(), " ")
        .to_case(Case::Lower)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a run of text into words with ICU4X's dictionary segmenter, dropping
/// breakpoints inside grapheme clusters (Pagefind's `segment_words`).
pub fn segment_words<'a>(
    segmenter: icu_segmenter::WordSegmenterBorrowed<'static>,
    input: &'a str,
) -> impl Iterator<Item = &'a str> {
    // Then every breakpoint is between clusters
    let single_char_clusters = fast::single_char_clusters(input);
    let mut grapheme_starts = input.grapheme_indices(true).map(|(i, _)| i).peekable();
    let mut start = 0;
    segmenter
        .segment_str(input)
        .skip(1)
        .filter(move |&end| {
            if single_char_clusters {
                return true;
            }
            while grapheme_starts.next_if(|&g| g < end).is_some() {}
            end == input.len() || grapheme_starts.peek() == Some(&end)
        })
        .map(move |end| {
            let word = &input[start..end];
            start = end;
            word
        })
}
