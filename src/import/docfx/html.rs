//! Raw inline HTML that DocFX renders, turned into the Markdown drillbook renders the same
//! way (drillbook's pages show raw HTML as text, and `check` rejects it as `unsafe-text`).
//!
//! | HTML | becomes |
//! |---|---|
//! | `<br>`, `<br/>`, `</br>` | `<br>` (a line break, see `normalize_inline`) |
//! | `<strong>`, `<b>` / `<em>`, `<i>` | `**` / `*` |
//! | `<a href="u">text</a>` | `[text](u)` |
//! | `<a name="x"></a>`, `<a id="x"></a>`, `<a href="" id="x"></a>` | nothing (an anchor has no text) |
//! | `<sup>2</sup>` / `<sub>2</sub>` | `²` / `₂` (other characters as they are) |
//! | `<img alt="a" src="s">` | `![a](s)` |
//! | `:::image source="s" alt-text="a":::` inside text | `![a](s)` |
//! | `<iframe src="u">` | `[u](u)` |
//! | `<li>` | a line break and `• ` (except at the start); `<ul>`, `<ol>` nothing |
//! | `<code>` | `` ` `` |
//! | `<font>`, `<span>`, `<div>`, `<p>`, `<u>`, `<kbd>`, … | nothing: their text stays |
//! | `</td>`, `</tr>` of a raw HTML table in a paragraph | a line break |
//! | `<!-- … -->` | nothing (DocFX does not show comments) |
//!
//! Code spans (`` `…` ``) are copied as they are; a `<` that starts no known tag stays text.

/// Converts the raw inline HTML of `s` (see the module docs); other text is copied.
pub(super) fn html_to_markdown(s: &str) -> String {
    if !s.contains('<') && !s.contains(":::") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    // Per open `<a>`: the Markdown to close it with (`None`: an anchor or a link without href).
    let mut links: Vec<Option<String>> = Vec::new();
    let mut script = Script::None;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            let run = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..run];
            if let Some(close) = rest[run..].find(fence) {
                let end = run + close + run;
                out.push_str(&rest[..end]);
                rest = &rest[end..];
                continue;
            }
            out.push_str(fence);
            rest = &rest[run..];
            continue;
        }
        if c == ':' && rest.starts_with(":::image") {
            if let Some((image, len)) = inline_image(rest) {
                out.push_str(&image);
                rest = &rest[len..];
                continue;
            }
        }
        if c == '<' && rest.starts_with("<!--") {
            if let Some(end) = rest.find("-->") {
                rest = &rest[end + 3..];
                continue;
            }
        }
        if c == '<' {
            if let Some((tag, len)) = Tag::parse(rest) {
                convert(&tag, &mut out, &mut links, &mut script);
                rest = &rest[len..];
                continue;
            }
        }
        out.push(script.map(c));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `:::image type="icon" source="s" alt-text="a":::` inside text: `![a](s)` and its length;
/// other attributes (`type`, `lightbox`, `border`) are left out. `None` when it does not close.
fn inline_image(s: &str) -> Option<(String, usize)> {
    let close = s[8..].find(":::")? + 8;
    let attrs = &s[8..close];
    let value = |name: &str| {
        let at = attrs.find(&format!("{name}=\""))? + name.len() + 2;
        let end = attrs[at..].find('"')?;
        Some(attrs[at..at + end].trim().to_string())
    };
    let alt = value("alt-text").unwrap_or_default().replace(['[', ']'], "");
    let image = match value("source").filter(|s| !s.is_empty()) {
        Some(src) => format!("![{alt}]({src})"),
        None => alt,
    };
    Some((image, close + 3))
}

#[derive(Clone, Copy)]
enum Script {
    None,
    Super,
    Sub,
}

impl Script {
    fn map(self, c: char) -> char {
        const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
        const SUB: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
        let digit = c.to_digit(10).map(|d| d as usize);
        match (self, digit) {
            (Script::Super, Some(d)) => SUP[d],
            (Script::Sub, Some(d)) => SUB[d],
            _ => c,
        }
    }
}

fn convert(tag: &Tag<'_>, out: &mut String, links: &mut Vec<Option<String>>, script: &mut Script) {
    match (tag.name.as_str(), tag.closing) {
        ("br", _) => out.push_str("<br>"),
        ("strong" | "b", _) => out.push_str("**"),
        ("em" | "i", _) => out.push('*'),
        ("code", _) => out.push('`'),
        ("sup", false) => *script = Script::Super,
        ("sub", false) => *script = Script::Sub,
        ("sup" | "sub", true) => *script = Script::None,
        ("a", false) => {
            let href = tag.attr("href").filter(|h| !h.trim().is_empty());
            match href {
                Some(href) if !tag.self_closing => {
                    out.push('[');
                    links.push(Some(format!("]({})", href.trim())));
                }
                _ if tag.self_closing => {}
                _ => links.push(None),
            }
        }
        ("a", true) => {
            if let Some(Some(close)) = links.pop() {
                out.push_str(&close);
            }
        }
        ("img", false) => {
            let alt = tag.attr("alt").unwrap_or_default();
            if let Some(src) = tag.attr("src").filter(|s| !s.trim().is_empty()) {
                out.push_str(&format!("![{}]({})", alt.replace(['[', ']'], ""), src.trim()));
            } else {
                out.push_str(&alt);
            }
        }
        ("iframe", false) => {
            if let Some(src) = tag.attr("src").filter(|s| !s.trim().is_empty()) {
                out.push_str(&format!("[{0}]({0})", src.trim()));
            }
        }
        ("li", false) => {
            if !out.trim_end().is_empty() && !out.trim_end().ends_with("<br>") {
                out.push_str("<br>");
            }
            out.push_str("• ");
        }
        ("td" | "th" | "tr" | "p" | "div", true)
            if !out.trim_end().is_empty() && !out.trim_end().ends_with("<br>") =>
        {
            out.push_str("<br>");
        }
        _ => {}
    }
}

/// Tags this module knows; any other `<…>` stays text.
const KNOWN: [&str; 32] = [
    "a", "b", "big", "br", "center", "code", "div", "em", "font", "i", "iframe", "img", "ins",
    "kbd", "li", "nobr", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "u",
];
const MORE: [&str; 1] = ["ul"];

struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
}

impl<'a> Tag<'a> {
    /// A tag at the start of `s` and its length in bytes.
    fn parse(s: &'a str) -> Option<(Tag<'a>, usize)> {
        let body = s.strip_prefix('<')?;
        let (closing, body) = match body.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let name_len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = body[..name_len].to_ascii_lowercase();
        if !KNOWN.contains(&name.as_str()) && !MORE.contains(&name.as_str()) {
            return None;
        }
        let after = &body[name_len..];
        if !after.starts_with(['>', '/', ' ', '\t', '\n']) {
            return None;
        }
        let end = tag_end(after)?;
        let inner = &after[..end];
        let self_closing = inner.trim_end().ends_with('/');
        let attrs = inner.trim_end().trim_end_matches('/');
        let len = s.len() - after.len() + end + 1;
        Some((Tag { name, closing, self_closing, attrs }, len))
    }

    /// The value of attribute `name` (quoted with `"` or `'`, or bare).
    fn attr(&self, name: &str) -> Option<String> {
        let mut rest = self.attrs;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                return None;
            }
            let key_len = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
            let key = &rest[..key_len];
            rest = rest[key_len..].trim_start();
            let value = if let Some(v) = rest.strip_prefix('=') {
                let v = v.trim_start();
                let (value, len) = match v.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let close = v[1..].find(q).map_or(v.len(), |i| i + 1);
                        (&v[1..close], (close + 1).min(v.len()))
                    }
                    _ => {
                        let end = v.find(char::is_whitespace).unwrap_or(v.len());
                        (&v[..end], end)
                    }
                };
                rest = &v[len..];
                Some(value)
            } else {
                None
            };
            if key.eq_ignore_ascii_case(name) {
                return Some(value.unwrap_or_default().to_string());
            }
        }
    }
}

/// The `>` that ends a tag whose attributes start `s`, skipping quoted values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '>') => return Some(i),
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '<' | '\n') if i > 0 => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::html_to_markdown as md;

    #[test]
    fn line_breaks_in_every_spelling() {
        assert_eq!(md("a</br></br>b<br />c<BR>d"), "a<br><br>b<br>c<br>d");
    }

    #[test]
    fn emphasis_links_and_anchors() {
        assert_eq!(md("<strong>Yes</strong> or <b>No</b>, <em>x</em>"), "**Yes** or **No**, *x*");
        assert_eq!(
            md(r#"set <a href="/azure/x" data-raw-source="[s](/azure/x)">up Azure</a>."#),
            "set [up Azure](/azure/x)."
        );
        assert_eq!(md(r#"<a href="" id="mdmenroll"></a>Enroll"#), "Enroll");
        assert_eq!(md(r#"<a name="one"></a><a id="two"/>text"#), "text");
    }

    #[test]
    fn font_and_span_keep_their_text() {
        assert_eq!(md(r#"<font color="red">Warning</font> <span style="x">y</span>"#), "Warning y");
    }

    #[test]
    fn superscript_digits_and_images() {
        assert_eq!(md("mW/cm<sup>2</sup> and H<sub>2</sub>O <sup>a</sup>"), "mW/cm² and H₂O a");
        assert_eq!(
            md(r#"<img alt="step one" src="images/one.png"/>"#),
            "![step one](images/one.png)"
        );
    }

    #[test]
    fn inline_docfx_images_become_markdown_images() {
        assert_eq!(
            md(
                r#"Select :::image type="icon" source="media/gear.png" alt-text="the [gear] icon" border="false":::, then OK."#
            ),
            "Select ![the gear icon](media/gear.png), then OK."
        );
        assert_eq!(md(r#"a :::image alt-text="only alt"::: b"#), "a only alt b");
        assert_eq!(md(":::image never closed"), ":::image never closed");
    }

    #[test]
    fn lists_become_bulleted_lines() {
        assert_eq!(md("Config:<ul><li>On</li><li>Off</li></ul>"), "Config:<br>• On<br>• Off");
    }

    #[test]
    fn code_spans_and_unknown_tags_stay() {
        assert_eq!(md("`<b>` and <placeholder> and a < b"), "`<b>` and <placeholder> and a < b");
        assert_eq!(md("<b"), "<b");
        assert_eq!(md("a <!-- [x](y) --> b <!-- open"), "a  b <!-- open");
    }
}
