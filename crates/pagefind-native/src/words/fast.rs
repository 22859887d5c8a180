//! Exact shortcuts for steps of Pagefind's word splitting that it runs through general
//! machinery (`convert_case`, `str::split_whitespace`, grapheme segmentation): each gives
//! the same result as the step it replaces, for every input (the property tests in
//! `fast/tests.rs` hold them to the reference), and takes the reference path for the
//! inputs it does not handle itself.

use std::ops::RangeInclusive;
use std::sync::atomic::{AtomicU8, Ordering};

use unicode_segmentation::UnicodeSegmentation;

#[cfg(test)]
mod tests;

const KNOWN: u8 = 0x80;
const ALPHANUMERIC: u8 = 0x40;
const UPPERCASE: u8 = 0x20;
const LOWERCASE: u8 = 0x10;

/// The Unicode properties words are split by, per character of the Basic Multilingual
/// Plane, each looked up in the standard library's tables the first time it is needed and
/// kept for every thread (threads that race store the same value).
static BMP_PROPERTIES: [AtomicU8; 0x10000] = [const { AtomicU8::new(0) }; 0x10000];

/// `c`'s `KNOWN`, `ALPHANUMERIC`, `UPPERCASE` and `LOWERCASE` flags.
#[inline]
fn properties(c: char) -> u8 {
    let look_up = |c: char| {
        let flag = |yes: bool, flag: u8| if yes { flag } else { 0 };
        KNOWN
            | flag(c.is_alphanumeric(), ALPHANUMERIC)
            | flag(c.is_uppercase(), UPPERCASE)
            | flag(c.is_lowercase(), LOWERCASE)
    };
    match BMP_PROPERTIES.get(c as usize) {
        Some(slot) => match slot.load(Ordering::Relaxed) {
            0 => {
                let properties = look_up(c);
                slot.store(properties, Ordering::Relaxed);
                properties
            }
            known => known,
        },
        None => look_up(c),
    }
}

/// Pagefind's `normalize_word` of `raw_word` (lowercased, only its alphanumeric characters
/// and `include_characters` kept) and whether it looks for compound parts in it (it has a
/// character that is not alphanumeric, or an uppercase character after the first), in one
/// pass.
pub fn scan(raw_word: &str, include_characters: &[char]) -> (String, bool) {
    let mut normalized = String::with_capacity(raw_word.len());
    let mut compound = false;
    if raw_word.is_ascii() {
        for (i, &b) in raw_word.as_bytes().iter().enumerate() {
            if b.is_ascii_alphanumeric() {
                compound |= i > 0 && b.is_ascii_uppercase();
                normalized.push(char::from(b.to_ascii_lowercase()));
            } else {
                compound = true;
                if include_characters.contains(&char::from(b)) {
                    normalized.push(char::from(b));
                }
            }
        }
        return (normalized, compound);
    }
    for (i, c) in raw_word.chars().enumerate() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                compound |= i > 0 && c.is_ascii_uppercase();
                normalized.push(c.to_ascii_lowercase());
            } else {
                compound = true;
                if include_characters.contains(&c) {
                    normalized.push(c);
                }
            }
            continue;
        }
        let properties = properties(c);
        let alphanumeric = properties & ALPHANUMERIC != 0;
        let uppercase = properties & UPPERCASE != 0;
        compound |= !alphanumeric;
        if !alphanumeric && !include_characters.contains(&c) {
            compound |= i > 0 && uppercase;
            continue;
        }
        if uppercase {
            compound |= i > 0;
            // Non-ascii uppercase can lower to multiple chars
            normalized.extend(c.to_lowercase());
        } else {
            normalized.push(c);
        }
    }
    (normalized, compound)
}

const UPPER: u8 = 1;
const LOWER: u8 = 2;
const DIGIT: u8 = 4;
const SPACE: u8 = 8;

/// `convert_case`'s classification of a grapheme cluster for its boundaries.
fn flags(grapheme: &str) -> u8 {
    match grapheme.as_bytes() {
        [b' '] => SPACE,
        [b] if b.is_ascii_uppercase() => UPPER,
        [b] if b.is_ascii_lowercase() => LOWER,
        [b] if b.is_ascii_digit() => DIGIT,
        [_] => 0,
        _ => grapheme.chars().next().map_or(0, char_flags),
    }
}

/// `convert_case`'s classification of a non-ASCII character that is a cluster of its own.
fn char_flags(c: char) -> u8 {
    let properties = properties(c);
    if properties & UPPERCASE != 0 {
        UPPER
    } else if properties & LOWERCASE != 0 {
        LOWER
    } else {
        0
    }
}

/// Whether `convert_case`'s default boundaries (other than its delimiters) split a word
/// before the grapheme cluster classed `b`, after `a`, followed by `c` (0 at the end).
fn case_boundary(a: u8, b: u8, c: u8) -> bool {
    match (a, b) {
        (LOWER, UPPER | DIGIT) | (UPPER, DIGIT) | (DIGIT, LOWER | UPPER) => true,
        // An acronym ends before the capital of the next word: `XMLRequest`
        (UPPER, UPPER) => c == LOWER,
        _ => false,
    }
}

/// Pagefind's lowercase words of `s` (ASCII punctuation made spaces, then `convert_case`'s
/// lower case with its default boundaries, then its whitespace-separated words joined by
/// one space), without `convert_case`'s allocations. `None` for a word with a capital sigma
/// (whose lower case depends on the letters around it): the reference path takes it.
///
/// `convert_case` splits the text at its delimiters (`_`, `-` and ` `, all spaces here)
/// and at changes of case and digits between grapheme clusters, and lowercases each word;
/// splitting the lowercased words on whitespace then leaves the same words as splitting
/// at every space and case boundary.
pub fn lowercase_words(s: &str) -> Option<String> {
    if s.contains('Σ') {
        return None;
    }
    let mut out = String::with_capacity(s.len() + 4);
    // The clusters of `s`, each as its byte offset, length and classification: ASCII
    // punctuation is classed as the space it is made into
    let ascii_class = |b: u8| match b {
        b if b.is_ascii_punctuation() || b == b' ' => SPACE,
        b'A'..=b'Z' => UPPER,
        b'a'..=b'z' => LOWER,
        b'0'..=b'9' => DIGIT,
        _ => 0,
    };
    if s.is_ascii() && !s.contains('\r') {
        // Every byte is a cluster (only CR LF would join)
        let bytes = s.bytes().enumerate().map(|(i, b)| (i, 1, ascii_class(b)));
        split_units(s, bytes, &mut out);
        return Some(out);
    }
    if single_char_clusters(s) {
        let chars = s.char_indices().map(|(i, c)| {
            let class = if c.is_ascii() { ascii_class(c as u8) } else { char_flags(c) };
            (i, c.len_utf8(), class)
        });
        split_units(s, chars, &mut out);
        return Some(out);
    }
    // A cluster may join an ASCII punctuation character to what follows: it becomes a
    // space within the cluster
    let replaced = s.replace(|c: char| c.is_ascii_punctuation(), " ");
    let graphemes = replaced.grapheme_indices(true).map(|(i, g)| (i, g.len(), flags(g)));
    split_units(&replaced, graphemes, &mut out);
    Some(out)
}

/// Appends to `out` the lowercase words of `text`, made of the `units` (clusters, as byte
/// offset, length and classification) between the spaces and the case boundaries.
fn split_units(text: &str, units: impl Iterator<Item = (usize, usize, u8)>, out: &mut String) {
    let mut space = false;
    let mut push = |out: &mut String, text: &str| {
        for c in text.chars() {
            if c.is_whitespace() {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    };
    let mut units = units;
    let mut window = [units.next(), units.next(), units.next()];
    let mut start = 0;
    while let Some((i, len, a)) = window[0] {
        let b = window[1].map_or(0, |g| g.2);
        let c = window[2].map_or(0, |g| g.2);
        if a == SPACE {
            push(out, &text[start..i]);
            push(out, " ");
            start = i + len;
        } else if b != SPACE && case_boundary(a, b, c) {
            push(out, &text[start..i + len]);
            push(out, " ");
            start = i + len;
        }
        window = [window[1], window[2], units.next()];
    }
    push(out, &text[start..]);
}

/// `str::split_whitespace`, looking for whitespace among bytes: only ASCII whitespace and a
/// few lead bytes can start a whitespace character, so only those are decoded.
pub fn split_whitespace(s: &str) -> impl Iterator<Item = &str> {
    let mut i = 0;
    std::iter::from_fn(move || {
        // Past the whitespace before the next word
        loop {
            let width = whitespace_at(s, i)?;
            if width == 0 {
                break;
            }
            i += width;
        }
        let start = i;
        let bytes = s.as_bytes();
        loop {
            match bytes[i..].iter().position(|&b| MAYBE_WHITESPACE[usize::from(b)]) {
                None => {
                    i = s.len();
                    return Some(&s[start..]);
                }
                Some(offset) => {
                    i += offset;
                    match whitespace_at(s, i) {
                        Some(0) | None => i += 1,
                        Some(width) => {
                            let word = &s[start..i];
                            i += width;
                            return Some(word);
                        }
                    }
                }
            }
        }
    })
}

/// The bytes that can start a whitespace character: ASCII whitespace (and the other ASCII
/// controls, to keep the test simple), and the lead bytes of U+0085, U+00A0, U+1680,
/// U+2000-U+205F and U+3000.
static MAYBE_WHITESPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b <= 0x20 {
        table[b] = true;
        b += 1;
    }
    table[0xC2] = true;
    table[0xE1] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table
};

/// The byte length of the whitespace character at byte `i` of `s` (0 if there is none
/// there; `i` may be inside a character), or `None` at the end.
#[inline]
fn whitespace_at(s: &str, i: usize) -> Option<usize> {
    let b = *s.as_bytes().get(i)?;
    Some(match b {
        b' ' | b'\t'..=b'\r' => 1,
        _ if MAYBE_WHITESPACE[usize::from(b)] && b >= 0x80 => match s[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
        _ => 0,
    })
}

/// `s.contains('\u{200B}')`, looking for the last byte of its UTF-8 (which no ASCII
/// character has) and checking the two before it.
pub fn contains_zwsp(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == 0x8B && i >= 2 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80)
}

/// Characters that are each a grapheme cluster of their own, whatever their neighbours,
/// because each is of a kind that joins no neighbour (Grapheme_Cluster_Break Other or
/// Control, and neither emoji nor Indic): ASCII other than CR, Latin and Cyrillic letters
/// (without combining marks), and the common Chinese characters and punctuation.
pub const SINGLE_CHAR_CLUSTERS: [RangeInclusive<u32>; 10] = [
    0x00..=0x0C,
    0x0E..=0x7F,
    0xC0..=0x024F,
    0x0400..=0x0482,
    0x048A..=0x052F,
    0x2010..=0x2027,
    0x3001..=0x3029,
    0x3400..=0x4DBF,
    0x4E00..=0x9FFF,
    0xFF01..=0xFF5E,
];

/// Whether every character of `s` is in [`SINGLE_CHAR_CLUSTERS`]: then every boundary
/// between characters is one between clusters. False says nothing.
pub fn single_char_clusters(s: &str) -> bool {
    s.chars().all(|c| SINGLE_CHAR_CLUSTERS.iter().any(|range| range.contains(&u32::from(c))))
}
