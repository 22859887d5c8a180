//! Markup: inline Markdown of a translation against the English (spans parsed with
//! pulldown-cmark, not counted as characters), text that is unsafe on a page, and text with
//! more Markdown than the parser is given.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::check::ast::{self, Flat};
use crate::check::{Finding, Locale, Pair};
use crate::diag::{Severity, is_invisible_control};

/// A bold span of a flattened pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Strong {
    /// The text between the delimiters, trimmed, as the page shows it.
    pub(crate) text: String,
    /// The term the span wraps exactly (`**{ -ui-x }**`), if any.
    pub(crate) exact_term: Option<String>,
    /// Terms anywhere inside the span.
    pub(crate) terms: Vec<String>,
}

/// The inline markup of one flattened pattern.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Markup {
    pub(crate) strong: Vec<Strong>,
    pub(crate) emphasis: usize,
    pub(crate) code: usize,
    /// Link targets, sorted (a multiset).
    pub(crate) links: Vec<String>,
    pub(crate) images: Vec<String>,
    /// Raw HTML, as written.
    pub(crate) html: Vec<String>,
}

impl Markup {
    /// No markup at all.
    pub(crate) const fn new() -> Markup {
        Markup {
            strong: Vec::new(),
            emphasis: 0,
            code: 0,
            links: Vec::new(),
            images: Vec::new(),
            html: Vec::new(),
        }
    }
}

pub(crate) fn parse_markup(flat: &Flat) -> Markup {
    let mut out = Markup::default();
    let text = flat.text.as_str();
    // Nothing counted here can start without one of these characters: skip the parser.
    if !text.bytes().any(|b| matches!(b, b'*' | b'_' | b'`' | b'[' | b'<')) {
        return out;
    }
    // Plain words with bold spans, most messages with markup: the spans are the parts
    // between the `**` (the proptest `bold_words_have_the_parsers_markup` holds this to the
    // parser).
    if let Some(parts) = crate::md_shape::bold_parts(text) {
        let mut at = 0;
        for (i, part) in parts.iter().enumerate() {
            if i % 2 == 1 {
                out.strong.push(strong(flat, at - 2..at + part.len() + 2));
            }
            at += part.len() + 2;
        }
        return out;
    }
    // Too long or too marked up for the parser: the page shows it as written, and
    // `check_unsafe` reports it.
    if crate::md_shape::markup_limit(text).is_some() {
        return out;
    }
    parse_markup_parsed(flat, out)
}

/// [`parse_markup`] through the parser.
fn parse_markup_parsed(flat: &Flat, mut out: Markup) -> Markup {
    let text = flat.text.as_str();
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Strong) => out.strong.push(strong(flat, range)),
            Event::Start(Tag::Emphasis) => out.emphasis += 1,
            Event::Code(_) => out.code += 1,
            Event::Start(Tag::Link { dest_url, .. }) => out.links.push(dest_url.to_string()),
            Event::Start(Tag::Image { dest_url, .. }) => out.images.push(dest_url.to_string()),
            Event::Html(html) | Event::InlineHtml(html) => out.html.push(html.trim().to_string()),
            _ => {}
        }
    }
    out.links.sort();
    out.images.sort();
    out
}

fn strong(flat: &Flat, range: Range<usize>) -> Strong {
    let text = flat.text.as_str();
    let inner = if range.len() >= 4 { range.start + 2..range.end - 2 } else { range.clone() };
    let content = text.get(inner.clone()).unwrap_or_default();
    let lead = content.len() - content.trim_start().len();
    let trimmed = inner.start + lead..inner.start + lead + content.trim().len();
    let exact_term = flat.terms.iter().find(|(_, r)| *r == trimmed).map(|(name, _)| name.clone());
    let terms = flat
        .terms
        .iter()
        .filter(|(_, r)| r.start >= inner.start && r.end <= inner.end)
        .map(|(name, _)| name.clone())
        .collect();
    Strong { text: content.trim().to_string(), exact_term, terms }
}

fn count_mismatch(pair: &Pair<'_>, what: &str, en: usize, tr: usize, out: &mut Vec<Finding>) {
    if en != tr {
        let message = format!("`{}` has {tr} {what}, the English has {en}", pair.part);
        out.push(pair.finding(Severity::Error, "markup-mismatch", message));
    }
}

/// `markup-mismatch`: bold, italic and code span counts, link and image targets as a
/// multiset, and every bold UI label (`**{ -ui-x }**`) bold around exactly that term.
pub(crate) fn check_pair(pair: &Pair<'_>, out: &mut Vec<Finding>) {
    let (en, tr) = (pair.en_markup(), pair.tr_markup());
    count_mismatch(pair, "bold spans", en.strong.len(), tr.strong.len(), out);
    count_mismatch(pair, "italic spans", en.emphasis, tr.emphasis, out);
    count_mismatch(pair, "code spans", en.code, tr.code, out);
    if en.links != tr.links {
        let message = format!(
            "`{}` links to [{}], the English to [{}]; link targets must not change",
            pair.part,
            tr.links.join(", "),
            en.links.join(", ")
        );
        out.push(pair.finding(Severity::Error, "markup-mismatch", message));
    }
    if en.images != tr.images {
        let message = format!(
            "`{}` shows images [{}], the English [{}]",
            pair.part,
            tr.images.join(", "),
            en.images.join(", ")
        );
        out.push(pair.finding(Severity::Error, "markup-mismatch", message));
    }
    let tr_refs = &pair.tr_refs().terms;
    for term in en.strong.iter().filter_map(|s| s.exact_term.as_ref()) {
        if !tr_refs.contains(term) || tr.strong.iter().any(|s| s.exact_term.as_ref() == Some(term))
        {
            continue;
        }
        let message = match tr.strong.iter().find(|s| s.terms.contains(term)) {
            Some(span) => format!(
                "`{}`: the bold span `**{}**` must wrap exactly `{{ -{term} }}`, as in the English",
                pair.part, span.text
            ),
            None => format!(
                "`{}`: `{{ -{term} }}` must be bold (`**{{ -{term} }}**`), as in the English",
                pair.part
            ),
        };
        out.push(pair.finding(Severity::Error, "markup-mismatch", message));
    }
}

/// What a character is, when it must not be in a translation.
fn unsafe_char(c: char) -> Option<&'static str> {
    match c {
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}' => Some("a bidi control character"),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some("a zero-width character"),
        c if crate::md_shape::is_noncharacter(c) => Some("a noncharacter"),
        '\u{FFFD}' => {
            Some("U+FFFD REPLACEMENT CHARACTER (text was corrupted by an encoding error)")
        }
        c if is_invisible_control(c) && !matches!(c, '\n' | '\r') => Some("a control character"),
        _ => None,
    }
}

/// The character references (`&#x202E;`, `&#8238;`, `&rlm;`) that the Markdown parser turns
/// into a character [`unsafe_char`] names, in text, link targets and titles (not in code
/// spans, where they stay as written), each with that character: the renderer removes
/// them again, and they are reported as the characters they stand for. U+FFFD (what a
/// reference to no character becomes) is visible and left alone.
fn unsafe_references(text: &str) -> Vec<(String, char, &'static str)> {
    let mut found: Vec<(usize, String, char, &'static str)> = Vec::new();
    let parser = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).into_offset_iter();
    for (event, range) in parser {
        let decoded: [&str; 2] = match &event {
            Event::Text(t) => [t, ""],
            Event::Start(
                Tag::Link { dest_url, title, .. } | Tag::Image { dest_url, title, .. },
            ) => [dest_url, title],
            _ => continue,
        };
        let hidden = |c: char| c != '\u{FFFD}' && unsafe_char(c).is_some();
        if !decoded.iter().any(|t| t.chars().any(hidden)) {
            continue;
        }
        let start = range.start;
        let source = text.get(range).unwrap_or_default();
        for (at, _) in source.match_indices('&') {
            let rest = &source[at + 1..];
            let Some(len) = rest.bytes().take(40).position(|b| b == b';') else { continue };
            let name = &rest[..len];
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#') {
                continue;
            }
            let reference = &source[at..at + len + 2];
            // The parser's own reading of the reference alone: what the page shows.
            let shown: String = Parser::new(reference)
                .filter_map(|e| if let Event::Text(t) = e { Some(t.into_string()) } else { None })
                .collect();
            if let Some(c) = shown.chars().find(|&c| hidden(c)) {
                let what = unsafe_char(c).unwrap_or_default();
                found.push((start + at, reference.to_string(), c, what));
            }
        }
    }
    // A link's range holds its text's: the same reference can be found twice.
    found.sort();
    found.dedup();
    found.into_iter().map(|(_, reference, c, what)| (reference, c, what)).collect()
}

/// The `\\uXXXX` and `\\UXXXXXX` escapes of a string literal as written: each escape's text,
/// the character it stands for (`None`: a surrogate), and its byte range in `literal`.
fn escapes(literal: &str) -> impl Iterator<Item = (&str, Option<char>, Range<usize>)> {
    let bytes = literal.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let start = i;
            if bytes[i] != b'\\' {
                i += 1;
                continue;
            }
            let len = match bytes.get(i + 1) {
                Some(b'u') => 4,
                Some(b'U') => 6,
                _ => {
                    // `\\` or `\"`: two characters, neither starts an escape.
                    i += 2;
                    continue;
                }
            };
            let end = i + 2 + len;
            // The parser accepts only complete escapes of hex digits; anything else is not one.
            let Some(escape) = literal
                .get(start..end)
                .filter(|e| e.bytes().skip(2).all(|b| b.is_ascii_hexdigit()))
            else {
                i += 2;
                continue;
            };
            i = end;
            let c = u32::from_str_radix(&escape[2..], 16).ok().map(char::from_u32)?;
            return Some((escape, c, start..end));
        }
        None
    })
}

/// Whether `byte` may start a character [`unsafe_char`] names: an ASCII control other than
/// a newline, or the first UTF-8 byte of U+0080..U+009F (C1 controls), U+061C, U+200B..
/// U+206F, U+FDD0..U+FFFF or a supplementary plane's noncharacter. Any other byte starts no
/// unsafe character or is inside one (the test
/// `every_unsafe_character_starts_with_a_flagged_byte` goes through all of Unicode).
fn may_start_unsafe(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\n') || matches!(byte, 0x7F | 0xC2 | 0xD8 | 0xE2 | 0xEF | 0xF0..=0xF4)
}

fn is_unsafe_url(url: &str) -> bool {
    let lower: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "data:", "vbscript:"].iter().any(|s| lower.starts_with(s))
}

/// [`crate::md_shape::markup_limit`] of the flattened `pattern`, when its text goes to the
/// parser (is neither plain nor plain words with bold spans), as rendering decides it.
fn markup_limit(
    pattern: &fluent_syntax::ast::Pattern<&str>,
    terms: &ast::TermTexts,
) -> Option<crate::md_shape::TooMuchMarkup> {
    let (bytes, delimiters) = ast::flat_measure(pattern, terms);
    crate::md_shape::limit_of(bytes, delimiters)?;
    // Rare: make the text to see its shape.
    let text = ast::flatten(pattern, terms).text;
    if crate::md_shape::is_plain(&text) || crate::md_shape::bold_parts(&text).is_some() {
        return None;
    }
    crate::md_shape::markup_limit(&text)
}

/// `unsafe-text`: invisible or corrupt characters anywhere in a file (each at its exact
/// position), raw HTML and `javascript:`/`data:` link targets in any message.
/// `markup-too-long`: a message or term with more Markdown than the parser is given
/// (`md_shape::markup_limit`), at its id.
pub(crate) fn check_unsafe(locale: &Locale<'_>, out: &mut Vec<Finding>) {
    for (scope, file) in &locale.files {
        let entries = file.entries();
        // Byte by byte: only a character that may be unsafe is decoded.
        for (offset, &byte) in file.source.as_bytes().iter().enumerate() {
            if !may_start_unsafe(byte) {
                continue;
            }
            let Some(c) = file.source[offset..].chars().next() else { continue };
            if let Some(what) = unsafe_char(c) {
                let id =
                    entries.iter().take_while(|e| e.offset <= offset).last().map(|e| e.id.as_str());
                let message = format!("U+{:04X} is {what}; remove it", c as u32);
                out.push(file.finding(
                    Severity::Error,
                    "unsafe-text",
                    offset..offset + c.len_utf8(),
                    (locale.name, scope, id),
                    message,
                ));
            }
        }
        let empty = ast::TermTexts::new();
        let terms = locale.terms.get(*scope).map_or(&empty, |t| &**t);
        // The markup parsed here is kept for the pairs' checks of the same patterns.
        let memos = file.memos();
        let mut literals = Vec::new();
        for entry in entries {
            let attributes = entry.attributes.iter().enumerate();
            let patterns = (entry.value.map(|value| (entry.slot, value)).into_iter())
                .chain(attributes.map(|(k, a)| (entry.slot + 1 + k, &a.value)));
            let span = entry.offset..entry.offset + entry.id.len();
            let key = (locale.name, *scope, Some(entry.id.as_str()));
            let unsafe_at_id =
                |message| file.finding(Severity::Error, "unsafe-text", span.clone(), key, message);
            for (slot, pattern) in patterns {
                literals.clear();
                ast::string_literals(pattern, &mut literals);
                for literal in literals.iter().filter(|l| l.contains('\\')) {
                    let at = ast::offset_in(file.source, literal);
                    for (escape, c, within) in escapes(literal) {
                        let what = match c {
                            Some(c) => match unsafe_char(c) {
                                Some(what) => format!("U+{:04X}, {what}", c as u32),
                                None => continue,
                            },
                            None => "not a character (a surrogate, or past U+10FFFF)".into(),
                        };
                        out.push(file.finding(
                            Severity::Error,
                            "unsafe-text",
                            at + within.start..at + within.end,
                            key,
                            format!("`{escape}` is {what}; remove it"),
                        ));
                    }
                }
                if let Some(limit) = markup_limit(pattern, terms) {
                    let message = format!(
                        "`{}` is {limit}; the page shows it as written, without Markdown",
                        entry.id
                    );
                    out.push(file.finding(
                        Severity::Error,
                        "markup-too-long",
                        span.clone(),
                        key,
                        message,
                    ));
                    continue;
                }
                if ast::flat_contains(pattern, terms, b"&") {
                    let text = ast::flatten(pattern, terms).text;
                    for (reference, c, what) in unsafe_references(&text) {
                        let message = format!(
                            "`{}` has `{reference}`, a character reference to U+{:04X}, {what}; remove it",
                            entry.id, c as u32
                        );
                        out.push(unsafe_at_id(message));
                    }
                }
                // Raw HTML needs `<`, a link or image `[` (or `<`): skip the parser otherwise.
                if !ast::flat_contains(pattern, terms, b"<[") {
                    continue;
                }
                let markup = memos[slot].markup(|| parse_markup(&ast::flatten(pattern, terms)));
                for html in &markup.html {
                    let message =
                        format!("`{}` contains raw HTML `{html}`; use Markdown", entry.id);
                    out.push(unsafe_at_id(message));
                }
                for url in markup.links.iter().chain(&markup.images).filter(|u| is_unsafe_url(u)) {
                    let message = format!(
                        "`{}` links to `{url}`; only http(s) and relative targets are allowed",
                        entry.id
                    );
                    out.push(unsafe_at_id(message));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn character_references_to_hidden_characters_are_found_where_the_parser_decodes_them() {
        let text = "a &#x202E; `&#x202E;` \\&#x202E; [b &rlm;](https://e.example/&#8206; \"t&zwj;\") &#0; &nbsp; &copy &#xFFFF;";
        let found: Vec<(String, char)> =
            unsafe_references(text).into_iter().map(|(r, c, _)| (r, c)).collect();
        let expected = [
            ("&#x202E;", '\u{202E}'),
            ("&rlm;", '\u{200F}'),
            ("&#8206;", '\u{200E}'),
            ("&zwj;", '\u{200D}'),
            ("&#xFFFF;", '\u{FFFF}'),
        ];
        assert_eq!(found, expected.map(|(r, c)| (r.to_string(), c)));
    }

    #[test]
    fn escapes_are_found_with_their_places() {
        let found: Vec<(&str, Option<char>, Range<usize>)> =
            escapes(r#"a\u0001 \\u0002 \"\UFFFFFF\u12\uD800\U01F600\uFFFE"#).collect();
        assert_eq!(
            found,
            [
                (r"\u0001", Some('\u{1}'), 1..7),
                (r"\UFFFFFF", None, 18..26),
                (r"\uD800", None, 30..36),
                (r"\U01F600", Some('😀'), 36..44),
                (r"\uFFFE", Some('\u{FFFE}'), 44..50),
            ]
        );
        assert_eq!(escapes(r"\u12").count(), 0);
        assert_eq!(escapes("\\").count(), 0);
    }

    #[test]
    fn every_unsafe_character_starts_with_a_flagged_byte() {
        let mut flagged = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if unsafe_char(c).is_some() {
                let mut utf8 = [0; 4];
                let first = c.encode_utf8(&mut utf8).as_bytes()[0];
                assert!(may_start_unsafe(first), "U+{:04X} starts with {first:#04X}", c as u32);
                flagged += 1;
            }
        }
        // C0 and C1 controls but newlines, DEL, bidi and zero-width marks, U+FFFD.
        assert!(flagged > 60, "{flagged}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn bold_words_have_the_parsers_markup(
            text in prop_oneof![
                r#"([A-Za-zä中0-9]{1,4}[ .,()'"-]{0,2}){0,2}(\*\*[A-Za-zä中0-9]{1,3}([ .,'"-][A-Za-z]{1,3})?\*\*[A-Za-z中 .,()'"-]{0,3}){1,3}"#,
                r#"([A-Za-zä中 .,()'"0-9-]{0,6}(\*\*|\*|_)?){1,8}"#,
            ]
        ) {
            let f = flat(&text, &[]);
            if crate::md_shape::bold_parts(&text).is_some() {
                prop_assert_eq!(parse_markup(&f), parse_markup_parsed(&f, Markup::default()));
            }
        }
    }

    fn flat(text: &str, terms: &[(&str, Range<usize>)]) -> Flat {
        Flat {
            text: text.into(),
            terms: terms.iter().map(|(n, r)| (n.to_string(), r.clone())).collect(),
            own_text: String::new(),
        }
    }

    #[test]
    fn bold_around_exactly_a_term_is_recognized() {
        let m = parse_markup(&flat("Select **Remove** now", &[("ui-remove", 9..15)]));
        assert_eq!(m.strong[0].exact_term.as_deref(), Some("ui-remove"));
        let m = parse_markup(&flat("Wählen **Sie Entfernen** aus", &[("ui-remove", 13..22)]));
        assert_eq!(m.strong[0].exact_term, None);
        assert_eq!(m.strong[0].terms, ["ui-remove"]);
    }

    #[test]
    fn cjk_bold_next_to_full_width_punctuation_is_bold() {
        let text = "选择**帐户**。";
        let start = "选择**".len();
        let m = parse_markup(&flat(text, &[("ui-account", start..start + "帐户".len())]));
        assert_eq!(m.strong.len(), 1);
        assert_eq!(m.strong[0].exact_term.as_deref(), Some("ui-account"));
    }

    /// One sanitizing path: `check` reports exactly the characters the sanitizer removes or
    /// replaces on every way to a page, but a carriage return (a line ending, made a space)
    /// and U+FFFD (corruption, not hidden).
    #[test]
    fn check_reports_what_the_sanitizer_changes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            let changed = crate::md_shape::strip_controls(&text) != text;
            if matches!(c, '\r' | '\u{FFFD}') {
                continue;
            }
            assert_eq!(unsafe_char(c).is_some(), changed, "U+{:04X}", c as u32);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// What a check keeps per bold span grows with the text, and spans nest: the limit
        /// on delimiters keeps the total linear whatever the runs (without it, what long runs
        /// of `*` kept grew with the square of the text).
        #[test]
        fn markup_kept_is_linear_in_the_text(
            runs in proptest::collection::vec(
                (proptest::sample::select(vec!["*", "**", "_", "~", "a", " ", "[", "`", "**a "]), 1usize..3000),
                1..12,
            )
        ) {
            let text: String = runs.iter().map(|(unit, n)| unit.repeat(*n)).collect();
            let markup = parse_markup(&flat(&text, &[]));
            let kept: usize = markup.strong.iter().map(|s| s.text.len()).sum();
            prop_assert!(markup.strong.len() <= crate::md_shape::MAX_DELIMITERS / 4 + 1);
            prop_assert!(kept <= (crate::md_shape::MAX_DELIMITERS / 4 + 1) * text.len());
            if crate::md_shape::markup_limit(&text).is_some() && crate::md_shape::bold_parts(&text).is_none() {
                prop_assert_eq!(markup, Markup::default());
            }
        }
    }

    #[test]
    fn unsafe_urls_ignore_case_and_whitespace() {
        assert!(is_unsafe_url(" JavaScript:alert(1)"));
        assert!(is_unsafe_url("data:text/html,x"));
        assert!(!is_unsafe_url("assign-support-contacts.md"));
    }
}
