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
    if !text.contains(['&', '<', '>', '"', '\'']) {
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
        return crate::md_shape::collapse_whitespace(markdown);
    }
    if let Some(parts) = crate::render::inline::bold_parts(markdown) {
        return crate::md_shape::collapse_whitespace(&parts.concat());
    }
    plain_text_parsed(markdown)
}

/// [`plain_text`] through the parser, whatever the text.
pub(crate) fn plain_text_parsed(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let clean = crate::render::inline::strip_controls(markdown);
    let mut out = String::new();
    for event in Parser::new(&clean) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
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

    #[test]
    fn plain_text_drops_markdown() {
        assert_eq!(plain_text("Select **Account** and [x](y.md)\u{202E}"), "Select Account and x");
    }
}
