//! Pagefind 1.6's word splitting (`src/fossick/splitting.rs`): which words a raw
//! whitespace-delimited word (or ICU4X segment) is indexed under.
//!
//! These are the reference algorithms, kept step for step as Pagefind runs them so
//! that the results agree exactly (one shortcut, `plain_ascii_words`, skips `convert_case`
//! where it can change nothing; a property test holds it to the reference). They allocate freely: [`super::Fossicker`] runs
//! them once per distinct raw word and language and memoizes the result.

use std::collections::HashSet;
use std::sync::LazyLock;

use convert_case::{Case, Casing};
use pagefind_stem::Stemmer;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// At most this many characters of a katakana run are indexed per suffix.
const MAX_KATAKANA_SUFFIX_CHARS: usize = 16;
/// At most this many characters after a `.` are indexed as a dotted tail.
const MAX_DOTTED_TAIL_CHARS: usize = 64;

/// Pagefind's `EMOJI` regex: `\p{Emoji}` (which also matches `0`–`9`, `#` and `*`).
static EMOJI: LazyLock<Regex> = LazyLock::new(|| Regex::new("\\p{Emoji}").expect("valid regex"));

/// One word to index for a raw word (Pagefind's `IndexableWord`).
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
fn possibly_compound(word: &str) -> bool {
    word.chars().any(|c| !c.is_alphanumeric()) || word.chars().skip(1).any(char::is_uppercase)
}

/// All the words to index for `raw_word` (Pagefind's `get_indexable_words`): the
/// normalized and stemmed word, katakana suffixes, compound parts and emoji.
pub fn get_indexable_words(
    raw_word: &str,
    stemmer: Option<&Stemmer>,
    include_characters: &[char],
) -> Vec<IndexableWord> {
    let mut results = Vec::new();

    let normalized_word = normalize_word(raw_word, include_characters);
    if !normalized_word.is_empty() {
        results.push(stem_word(&normalized_word, stemmer, false));
    }

    for suffix in katakana_suffixes(raw_word) {
        let suffix_diacritic = normalize_diacritics(suffix);
        results.push(IndexableWord {
            original: suffix_diacritic.as_ref().map(|_| suffix.to_string()),
            stemmed: suffix_diacritic.unwrap_or_else(|| suffix.to_string()),
            is_compound_part: true,
        });
    }

    if !possibly_compound(raw_word) {
        return results;
    }

    let (word_parts, extras) = get_discrete_words(raw_word);
    if !normalized_word.is_empty()
        && (word_parts.contains(char::is_whitespace) || !normalized_word.starts_with(&word_parts))
    {
        // Only index two+ byte words
        for part_word in word_parts.split_whitespace().filter(|w| w.len() > 1) {
            let part_diacritic = normalize_diacritics(part_word);
            let folded = part_diacritic.as_deref().unwrap_or(part_word);
            let stemmed = match stemmer {
                Some(stemmer) => stemmer.stem(folded).into_owned(),
                None => folded.to_string(),
            };
            results.push(IndexableWord {
                stemmed,
                original: part_diacritic.map(|_| part_word.to_string()),
                is_compound_part: true,
            });
        }
    }

    for extra in extras.into_iter().flatten() {
        results.push(IndexableWord { stemmed: extra, original: None, is_compound_part: false });
    }

    results
}

/// The compound tails after each `.` of `raw_word` that aren't already indexed
/// (Pagefind's `get_dotted_tails`), so that `is_python_build` is found in
/// `sysconfig.is_python_build`.
pub fn get_dotted_tails(
    raw_word: &str,
    stemmer: Option<&Stemmer>,
    include_characters: &[char],
    existing: &[IndexableWord],
) -> Vec<IndexableWord> {
    let mut tails = Vec::new();
    if !raw_word.contains('.') {
        return tails;
    }
    let seen: HashSet<&str> = existing.iter().map(|w| w.stemmed.as_str()).collect();
    let mut seen_tails: HashSet<String> = HashSet::new();
    for (i, _) in raw_word.match_indices('.') {
        let rest = &raw_word[i + 1..];
        let tail = match rest.char_indices().nth(MAX_DOTTED_TAIL_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        if !possibly_compound(tail) {
            // A plain tail is already indexed, as the final compound part.
            continue;
        }
        let tail_normalized = normalize_word(tail, include_characters);
        if tail_normalized.chars().count() < 2 {
            continue;
        }
        let tail_word = stem_word(&tail_normalized, stemmer, true);
        if !seen.contains(tail_word.stemmed.as_str())
            && seen_tails.insert(tail_word.stemmed.clone())
        {
            tails.push(tail_word);
        }
    }
    tails
}

/// The pairs of adjacent grapheme clusters of a segment that aren't already
/// indexable (Pagefind's `get_indexable_bigrams`), for segmented languages.
pub fn get_indexable_bigrams(
    raw_word: &str,
    stemmer: Option<&Stemmer>,
    existing: &[IndexableWord],
) -> Vec<IndexableWord> {
    let mut seen: HashSet<String> = existing.iter().map(|w| w.stemmed.clone()).collect();
    let mut bigrams = Vec::new();
    for bigram in pair_bigrams(raw_word, None) {
        let bigram = stem_word(&bigram, stemmer, true);
        if seen.insert(bigram.stemmed.clone()) {
            bigrams.push(bigram);
        }
    }
    bigrams
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
/// `include_characters` (Pagefind's `normalize_word`).
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
    if let Some(words) = plain_ascii_words(s) {
        return (words, None);
    }
    let words = lowercase_words(s);
    let extras = EMOJI.is_match(s).then(|| {
        s.graphemes(true)
            .filter(|x| emojis::get(x).is_some())
            .map(str::to_string)
            .collect::<Vec<_>>()
    });

    (words, extras)
}

/// The lowercase parts of `s`, space-separated, as Pagefind finds them: ASCII punctuation
/// made spaces, then `convert_case`'s lower case (its case and digit boundaries).
fn lowercase_words(s: &str) -> String {
    s.replace(|c: char| c.is_ascii_punctuation(), " ")
        .to_case(Case::Lower)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`get_discrete_words`]' words without `convert_case`, for the common raw word that
/// needs none of its case boundaries: ASCII letters and punctuation only, with no
/// uppercase letter after the first of a run of letters (`customer,`, `(Partner`).
/// Such a word has no emoji (in ASCII `\p{Emoji}` is only `0`-`9`, `#` and `*`, and
/// neither `#` nor `*` alone is one), and its lowercase words are its runs of letters,
/// lowercased. `None` for any other word: the reference path takes it.
fn plain_ascii_words(s: &str) -> Option<String> {
    let mut words = String::with_capacity(s.len());
    let mut in_run = false;
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' => {
                if b.is_ascii_uppercase() && in_run {
                    return None;
                }
                if !in_run && !words.is_empty() {
                    words.push(' ');
                }
                words.push(char::from(b.to_ascii_lowercase()));
                in_run = true;
            }
            b'#' | b'*' => return None,
            _ if b.is_ascii_punctuation() => in_run = false,
            _ => return None,
        }
    }
    Some(words)
}

/// Splits a run of text into words with ICU4X's dictionary segmenter, dropping
/// breakpoints inside grapheme clusters (Pagefind's `segment_words`).
pub fn segment_words<'a>(
    segmenter: icu_segmenter::WordSegmenterBorrowed<'static>,
    input: &'a str,
) -> impl Iterator<Item = &'a str> {
    let mut grapheme_starts = input.grapheme_indices(true).map(|(i, _)| i).peekable();
    let mut start = 0;
    segmenter
        .segment_str(input)
        .skip(1)
        .filter(move |&end| {
            while grapheme_starts.next_if(|&g| g < end).is_some() {}
            end == input.len() || grapheme_starts.peek() == Some(&end)
        })
        .map(move |end| {
            let word = &input[start..end];
            start = end;
            word
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`get_discrete_words`] as Pagefind writes it, for the fast path to agree with.
    fn reference(s: &str) -> (String, Vec<String>) {
        let words = lowercase_words(s);
        let extras = EMOJI.is_match(s).then(|| {
            s.graphemes(true).filter(|x| emojis::get(x).is_some()).map(str::to_string).collect()
        });
        (words, extras.unwrap_or_default())
    }

    #[test]
    fn plain_ascii_words_takes_the_common_words() {
        assert_eq!(plain_ascii_words("customer,").as_deref(), Some("customer"));
        assert_eq!(plain_ascii_words("(Partner").as_deref(), Some("partner"));
        assert_eq!(plain_ascii_words("re-Sell.Now").as_deref(), Some("re sell now"));
        assert_eq!(plain_ascii_words("..."), Some(String::new()));
        // Case boundaries, digits, emoji candidates and non-ASCII go the reference way.
        for word in ["partnerCenter", "ABc", "v2", "#", "a*b", "café,", "a\u{1}"] {
            assert_eq!(plain_ascii_words(word), None, "{word}");
        }
    }

    proptest! {
        #[test]
        fn plain_ascii_words_agrees_with_convert_case(s in "[a-zA-Z0-9#*.,;:!?()_'\"\\-/é ]{0,16}") {
            if let Some(words) = plain_ascii_words(&s) {
                prop_assert_eq!((words, Vec::new()), reference(&s));
            }
            let (words, extras) = get_discrete_words(&s);
            prop_assert_eq!((words, extras.unwrap_or_default()), reference(&s));
        }
    }
}
