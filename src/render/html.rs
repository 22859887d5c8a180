//! HTML helpers: escaping, and the `Html` newtype for markup the renderer produced.

use std::fmt;

/// HTML this crate produced from sanitized input; askama prints it without escaping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html(pub String);

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for Html {}

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    // Bytes, not characters: the five are ASCII (no decoding on the way).
    if !text.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The plain text of inline Markdown (for `<title>`, `alt`, meta description).
pub fn plain_text(markdown: &str) -> String {
    if crate::render::inline::is_plain(markdown) {
        return collapse_spaces(markdown);
    }
    if let Some(parts) = crate::render::inline::bold_parts(markdown) {
        return collapse_spaces(&parts.concat());
    }
    plain_text_parsed(markdown)
}

/// [`crate::md_shape::collapse_whitespace`] of plain words (or their bold parts joined):
/// their only whitespace is spaces, and none at their ends, so only a double space
/// changes anything.
fn collapse_spaces(plain: &str) -> String {
    if plain.contains("  ") {
        crate::md_shape::collapse_whitespace(plain)
    } else {
        plain.to_string()
    }
}

/// [`plain_text`] through the parser, whatever the text.
pub(crate) fn plain_text_parsed(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let clean = crate::render::inline::strip_controls(markdown);
    if crate::md_shape::markup_limit(markdown).is_some() {
        return crate::md_shape::collapse_whitespace(&clean);
    }
    let mut out = String::new();
    for event in Parser::new(&clean) {
        match event {
            Event::Text(t) => out.push_str(&crate::render::inline::strip_controls(&t)),
            Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(_) if !out.is_empty() && !out.ends_with(' ') => {}
            _ => {}
        }
    }
    crate::md_shape::collapse_whitespace(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    proptest::proptest! {
        /// The shortcuts for plain words and bold spans give the parser's text.
        #[test]
        fn plain_text_shortcuts_read_as_the_parser_does(text in "[a-zé ]{0,6}(\\*\\*[a-z ]{0,5}\\*\\*[a-z ]{0,5}){0,2}") {
            proptest::prop_assert_eq!(plain_text(&text), plain_text_parsed(&text));
        }
    }

    #[test]
    fn plain_text_drops_markdown() {
        assert_eq!(plain_text("Select **Account** and [x](y.md)\u{202E}"), "Select Account and x");
    }
}
