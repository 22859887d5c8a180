//! Shapes of inline Markdown that need no parser: plain words, and plain words with bold
//! spans, which most messages are; the limits on what goes through the parser; and the one
//! sanitizer of translated text. Shared by rendering (`render::inline`) and checking
//! (`check::markup`), which otherwise know nothing of each other; each holds these to
//! pulldown-cmark's reading with a proptest.

/// Whether `text` is plain words that Markdown would leave as they are: it starts with a
/// letter (no list, heading or quote marker), ends with no space, and has no Markdown or
/// HTML syntax characters, line breaks, tabs or characters [`strip_controls`] removes. Most
/// messages are; they skip the parser (the proptest `plain_text_renders_as_itself` in
/// `render::inline` holds this to the parser's output).
pub fn is_plain(text: &str) -> bool {
    let starts_with_letter = text.chars().next().is_some_and(char::is_alphabetic);
    let ends_clean = text.chars().last().is_some_and(|c| !c.is_whitespace());
    starts_with_letter && ends_clean && all_plain(text)
}

/// What [`all_plain`] does with a byte of UTF-8 text.
#[derive(Clone, Copy, PartialEq)]
enum ByteKind {
    /// An ASCII character that is not plain.
    NotPlain,
    /// A plain ASCII character, a byte inside a character, or the first byte of characters
    /// that are all plain (Cyrillic, CJK, most scripts): nothing to decode.
    Plain,
    /// The first byte of a character that may not be plain: decode it. These are the first
    /// bytes of controls (U+0080..U+009F), spaces (U+00A0, U+1680, U+2000..U+205F, U+3000)
    /// invisible characters (U+061C, U+200B.., U+FEFF) and noncharacters (U+FDD0.., U+FFFE,
    /// U+FFFF and those of the supplementary planes); the test
    /// `every_character_that_is_not_plain_starts_with_a_byte_to_decode` goes through all of
    /// Unicode.
    Decode,
}

const BYTE_KINDS: [ByteKind; 256] = {
    let mut table = [ByteKind::Plain; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = if b < 0x80 {
            if is_plain_ascii(b as u8) { ByteKind::Plain } else { ByteKind::NotPlain }
        } else if matches!(b, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF | 0xF0..=0xF4) {
            ByteKind::Decode
        } else {
            ByteKind::Plain
        };
        b += 1;
    }
    table
};

/// Whether every character of `text` is [`is_plain_char`]: bytes through a table, and
/// only the few characters that may not be plain decoded. This runs on every message a
/// page shows.
fn all_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match BYTE_KINDS[b as usize] {
        ByteKind::Plain => true,
        ByteKind::NotPlain => false,
        // A first byte: `i` is at a character boundary.
        ByteKind::Decode => text[i..].chars().next().is_some_and(is_plain_char),
    })
}

/// A character that is never Markdown or HTML syntax and that
/// [`strip_controls`] keeps.
fn is_plain_char(c: char) -> bool {
    if c.is_ascii() {
        is_plain_ascii(c as u8)
    } else {
        // Letters, punctuation and spaces of other scripts, minus invisible characters
        // (which `strip_controls` removes), controls and other spaces.
        !is_invisible(c) && !c.is_control() && !c.is_whitespace()
    }
}

/// [`is_plain_char`] of an ASCII character.
const fn is_plain_ascii(b: u8) -> bool {
    matches!(
        b,
        b'a'..=b'z'
            | b'A'..=b'Z'
            | b'0'..=b'9'
            | b' '
            | b','
            | b'.'
            | b';'
            | b':'
            | b'?'
            | b'('
            | b')'
            | b'/'
            | b'%'
            | b'-'
            | b'\''
            | b'"'
    )
}

/// Bidi controls (including Fluent's isolation marks), zero-width characters and other
/// invisible formatting characters, and noncharacters: [`strip_controls`] removes them, and
/// a text that has any is not plain.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'..='\u{200F}'
            | '\u{061C}'
            | '\u{2060}'
            | '\u{FEFF}'
    ) || is_noncharacter(c)
}

/// Unicode's noncharacters (U+FDD0..U+FDEF and the last two code points of every plane):
/// never text, and U+FFFE and U+FFFF are not even allowed in an XML document (a package's
/// manifest, an XLIFF export).
pub(crate) fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || (c as u32) & 0xFFFE == 0xFFFE
}

/// Whether XML 1.0 has no way to write `c`, not even as a character reference: the C0
/// controls but tab and line endings, and U+FFFE and U+FFFF (`Char` in the XML spec; Rust
/// strings hold no surrogates).
pub(crate) fn unwritable_in_xml(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Inline Markdown longer than this many bytes is not given to the Markdown parser. A
/// paragraph of the DocFX articles drillbook imports is a fraction of it; a longer message is
/// not prose but a mistake or an attack, and stays cheap as plain text.
pub(crate) const MAX_MARKUP_BYTES: usize = 32 * 1024;

/// Inline Markdown with more emphasis delimiters (`*`, `_`, `~`) than this is not given to the
/// Markdown parser. Each pair of delimiters can open a span nested in the ones before it,
/// and what a check keeps per span (its text) grows with the text around it: bounding the
/// delimiters keeps that linear in the text. A message has a handful.
pub(crate) const MAX_DELIMITERS: usize = 256;

/// Why a text is not parsed as Markdown (see [`markup_limit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TooMuchMarkup {
    /// Longer than [`MAX_MARKUP_BYTES`].
    Long { bytes: usize },
    /// More than [`MAX_DELIMITERS`] emphasis delimiters.
    Delimiters { count: usize },
}

impl std::fmt::Display for TooMuchMarkup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TooMuchMarkup::Long { bytes } => {
                write!(f, "{bytes} bytes long (Markdown is read in at most {MAX_MARKUP_BYTES})")
            }
            TooMuchMarkup::Delimiters { count } => write!(
                f,
                "marked up with {count} `*`, `_` and `~` (Markdown is read with at most \
                 {MAX_DELIMITERS})"
            ),
        }
    }
}

/// Whether inline Markdown that is neither [`is_plain`] nor [`bold_parts`] (which need no
/// parser) is too long or has too many emphasis delimiters to go through the parser. Such a
/// text is shown as it is written, escaped, and `check` reports it (`markup-too-long`):
/// rendering and checking call this one function before their parser, so they agree.
pub(crate) fn markup_limit(text: &str) -> Option<TooMuchMarkup> {
    if text.len() > MAX_MARKUP_BYTES {
        return Some(TooMuchMarkup::Long { bytes: text.len() });
    }
    limit_of(text.len(), delimiters(text))
}

/// [`markup_limit`] of a text `bytes` long with `delimiters` emphasis delimiters.
pub(crate) fn limit_of(bytes: usize, delimiters: usize) -> Option<TooMuchMarkup> {
    if bytes > MAX_MARKUP_BYTES {
        Some(TooMuchMarkup::Long { bytes })
    } else if delimiters > MAX_DELIMITERS {
        Some(TooMuchMarkup::Delimiters { count: delimiters })
    } else {
        None
    }
}

/// How many emphasis delimiters (`*`, `_`, `~`) `text` has.
pub(crate) fn delimiters(text: &str) -> usize {
    text.bytes().filter(|b| matches!(b, b'*' | b'_' | b'~')).count()
}

/// The one sanitizer of translated text on its way to a page, whatever the way (HTML, the
/// simulator's and the checklist's JSON, `checklist.md`): removes bidi controls (including
/// Fluent's isolation marks), zero-width characters and the other `is_invisible`
/// characters, and turns other control characters but newlines and tabs into spaces. `check`
/// reports every character this changes (`unsafe-text`, `check::markup`).
pub fn strip_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let clean = |c: char| !(is_invisible(c) || (c.is_control() && c != '\n' && c != '\t'));
    if text.chars().all(clean) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .filter_map(|c| match c {
            c if is_invisible(c) => None,
            '\n' | '\t' => Some(c),
            c if c.is_control() => Some(' '),
            c => Some(c),
        })
        .collect::<String>()
        .into()
}

/// Plain words with bold spans (`Select **Save**.`), the next most common shape of a
/// message, split at the `**`: the parts at odd indices are bold. `None` unless Markdown
/// reads it exactly so: plain characters only; each bold part starts and ends with a letter
/// or digit (so every `**` can open or close as it pairs up, by the flanking rules); no two
/// `**` touch; the text starts with a letter or a bold part and ends with no space. The
/// proptests `bold_words_render_as_the_parser_renders_them` (`render::inline`) and
/// `bold_words_have_the_parsers_markup` (`check::markup`) hold this to the parser.
pub fn bold_parts(text: &str) -> Option<Vec<&str>> {
    let parts = split_double_stars(text)?;
    if parts.len() < 3 || parts.len() % 2 == 0 {
        return None;
    }
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate() {
        if !all_plain(part) {
            return None;
        }
        if i % 2 == 1 {
            let edges = [part.chars().next(), part.chars().last()];
            if !edges.iter().all(|c| c.is_some_and(char::is_alphanumeric)) {
                return None;
            }
        } else if i == 0 {
            if part.chars().next().is_some_and(|c| !c.is_alphabetic()) {
                return None;
            }
        } else if part.is_empty() && i != last {
            return None;
        }
    }
    if parts[last].chars().last().is_some_and(char::is_whitespace) {
        return None;
    }
    Some(parts)
}

/// `text.split("**")` when `text` has a `**`, else `None` (and nothing allocated); a byte
/// scan, as `*` is ASCII (the string searcher showed in profiles).
fn split_double_stars(text: &str) -> Option<Vec<&str>> {
    let bytes = text.as_bytes();
    let first = bytes.windows(2).position(|w| w == b"**")?;
    let mut parts = vec![&text[..first]];
    let (mut start, mut i) = (first + 2, first + 2);
    while i + 1 < bytes.len() {
        if bytes[i] == b'*' && bytes[i + 1] == b'*' {
            parts.push(&text[start..i]);
            i += 2;
            start = i;
        } else {
            i += 1;
        }
    }
    parts.push(&text[start..]);
    Some(parts)
}

/// `text` with its whitespace runs collapsed to one space and its ends trimmed (the words
/// of `split_whitespace`, joined by spaces). Every message shown as plain text goes through
/// it: text that is already so (ASCII, single spaces) is copied as it is.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    // One pass: ASCII, no whitespace but single spaces between words.
    let bytes = text.as_bytes();
    let mut after_space = true;
    let already = bytes.iter().all(|&b| {
        let ok = b.is_ascii() && (b == b' ' && !after_space || !b.is_ascii_whitespace());
        after_space = b == b' ';
        ok
    }) && !after_space;
    if already || text.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn every_character_that_is_not_plain_starts_with_a_byte_to_decode() {
        let mut buf = [0; 4];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            if !is_plain_char(c) {
                assert!(
                    BYTE_KINDS[first as usize] == ByteKind::Decode,
                    "U+{:04X} starts with {first:#04X}",
                    c as u32
                );
            }
        }
        for b in 0u8..0x80 {
            let kind = BYTE_KINDS[b as usize];
            assert!((kind == ByteKind::Plain) == is_plain_char(b as char), "{b:#04X}");
        }
    }

    #[test]
    fn limits_count_length_and_emphasis_delimiters() {
        assert_eq!(markup_limit("a *b* _c_ ~~d~~"), None);
        let run = "*".repeat(MAX_DELIMITERS + 1);
        assert_eq!(markup_limit(&run), Some(TooMuchMarkup::Delimiters { count: run.len() }));
        assert_eq!(markup_limit(&"_".repeat(MAX_DELIMITERS)), None);
        let long = "a ".repeat(MAX_MARKUP_BYTES / 2 + 1);
        assert_eq!(markup_limit(&long), Some(TooMuchMarkup::Long { bytes: long.len() }));
        assert_eq!(markup_limit(&"a".repeat(MAX_MARKUP_BYTES)), None);
    }

    /// Unicode's definition (chapter 23.7): 66 noncharacters, U+FDD0..U+FDEF and the last two
    /// code points of each of the 17 planes.
    #[test]
    fn the_noncharacters_are_unicodes_66() {
        let found: Vec<u32> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_noncharacter(c))
            .map(u32::from)
            .collect();
        let mut expected: Vec<u32> = (0xFDD0..=0xFDEF).collect();
        for plane in 0..=0x10 {
            expected.extend([plane << 16 | 0xFFFE, plane << 16 | 0xFFFF]);
        }
        expected.sort_unstable();
        assert_eq!(found, expected);
        assert_eq!(strip_controls("a\u{FFFE}b\u{FDD0}c\u{10FFFF}d\u{FFFD}"), "abcd\u{FFFD}");
    }

    /// XML 1.0's `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    #[test]
    fn what_xml_cannot_hold_is_the_complement_of_its_char_production() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let n = u32::from(c);
            let xml_char =
                matches!(n, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..);
            assert_eq!(unwritable_in_xml(c), !xml_char, "U+{n:04X}");
            // The sanitizer leaves none of them in a page or a manifest.
            assert!(!strip_controls(&c.to_string()).chars().any(unwritable_in_xml), "U+{n:04X}");
        }
    }

    #[test]
    fn the_sanitizer_removes_invisible_characters_and_blanks_controls() {
        assert_eq!(strip_controls("a\u{202E}b\u{2066}c\u{200B}d\u{FEFF}e\u{2060}f"), "abcdef");
        assert_eq!(strip_controls("a\u{7}b\u{85}c\nd\te"), "a b c\nd\te");
        assert!(matches!(strip_controls("Kündigen 中文"), std::borrow::Cow::Borrowed(_)));
    }

    proptest! {
        #[test]
        fn all_plain_agrees_with_the_characters(text in "[ a*\u{80}-\u{a0}\u{600}-\u{61f}ж中\u{1680}\u{2000}-\u{2070}\u{3000}\u{feff}\u{fffd}]{0,12}") {
            prop_assert_eq!(all_plain(&text), text.chars().all(is_plain_char));
        }

        #[test]
        fn double_stars_split_as_str_split_does(text in "[ a*é]{0,16}") {
            let split: Vec<&str> = text.split("**").collect();
            let expected = (split.len() > 1).then_some(split);
            prop_assert_eq!(split_double_stars(&text), expected);
        }

        #[test]
        fn collapse_whitespace_joins_the_words(text in "[ a-z\t\n\u{a0}\u{3000}éж**]{0,24}") {
            let words: Vec<&str> = text.split_whitespace().collect();
            prop_assert_eq!(collapse_whitespace(&text), words.join(" "));
        }

        #[test]
        fn the_ascii_table_agrees_with_the_characters(b in 0u8..128) {
            prop_assert_eq!(all_plain(&(b as char).to_string()), is_plain_char(b as char));
        }
    }
}
