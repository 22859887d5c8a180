//! A page's HTML -> [`Parsed`], exactly as Pagefind 1.6's `DomParser`
//! (`pagefind/src/fossick/parser.rs`) reads it with its default options (root selector
//! `html`, no exclude selectors, no forced language).
//!
//! # What Pagefind does
//!
//! Pagefind runs lol_html (a streaming rewriter: a tokenizer plus a stack of open elements,
//! no tree construction) with these handlers, in this order for each start tag:
//! 1. `element!("html")`: `has_html_element`, and the lowercased `lang`.
//! 2. `element!("html, html *")`: builds one node per element (status, filters, meta, sort,
//!    weight, anchors), pushing anchor markers, `data-pagefind-index-attrs` values and `<br>`
//!    spaces into the *current* node (the parent), then makes the new node current. An
//!    element that can have content registers an end-tag handler that folds the node into
//!    its parent; one that cannot (void elements, `/>` in SVG) is folded at once, and the
//!    current node goes back to the parent before the next handler runs.
//! 3. `element!("html head, html style, …")` (`REMOVE_SELECTORS`): marks the *current*
//!    node `Ignored`: the element's own node, or for a void element its parent.
//! 4. `element!("script, link")`: old bundle and default UI references.
//!
//! and `text!("html")`, which appends every text chunk inside the `<html>` element (its
//! descendants included) to the current node, raw: lol_html does not decode entities in text
//! or attribute values; Pagefind decodes them later in `normalize_content`. Text in
//! `<script>`, `<style>`, `<title>`, `<textarea>`… (raw text and RCDATA) is text too.
//!
//! # What lol_html does that this mirrors
//!
//! - Tag and attribute names are ASCII-lowercased; `get_attribute` returns the first
//!   attribute of that name, raw (`""` for one without a value).
//! - Void elements (`area base basefont bgsound br col embed hr img input keygen link meta
//!   param source track wbr`, in the HTML namespace) never get end-tag handlers; `/>` means
//!   nothing on other HTML elements, and means "no content" in SVG.
//! - An end tag pops the open elements up to the innermost one of its name.
//! - The namespace is tracked like lol_html's tree builder simulator: `<svg>` enters SVG,
//!   `</svg>` leaves it, `<title>`, `<desc>` and `<foreignObject>` in SVG are HTML
//!   integration points; raw text elements only switch the tokenizer in HTML content.
//!
//! # What is [`Unsupported`]
//!
//! Whatever this does not follow exactly (the caller must not index the page as if it did):
//! - structure: an end tag that does not close the innermost open element (a stray one
//!   included), an element still open at the end, any tag outside the `<html>` element, a
//!   second `<html>`;
//! - tokens: a `<` that does not start a start tag, end tag, comment or doctype (CDATA, `<?`,
//!   bogus comments), `<!-->`, `<!--->`, `--!>`, an unclosed tag or comment, attributes or
//!   `/` on end tags, a `/` not followed by `>` in a tag, tag names other than ASCII letters,
//!   digits and `-`, attribute names with a quote or `<` or starting with `=`, `=` without a
//!   value, unquoted values with a quote, `<`, `=` or a backtick, a quoted value not followed
//!   by a space, `/` or `>`, a CR inside a tag, a NUL anywhere;
//! - raw text: `<plaintext>`, `<!--` in a script, a raw text end tag followed by a space or
//!   `/`, a raw text element that is not closed;
//! - elements: `<math>`, `<template>`, `<svg/>`, and in SVG: tags that break out of foreign
//!   content (`<p>`, `<div>`, `<font>`…) and tags inside integration points.
//!
//! # How
//!
//! The tokens come from [`tokens`] (start and end tags, text, comments; raw text on
//! request), the element and text handlers are in `tree`.
//!
//! One pass over the input. The nodes' values live in one buffer: each open node owns the
//! tail of the buffer from its start, so a child's content is already in place in its
//! parent's when it ends, and an ignored node is a truncation. Each node reserves, when it
//! starts, the prefix Pagefind puts in front of its value when it ends (the weight marker,
//! the sentence space), so that nothing is ever inserted in front.

use std::sync::LazyLock;

use crate::{Parsed, Unsupported};

#[cfg(test)]
mod tests;
pub mod tokens;
mod tree;

use tokens::Attr;
use tree::Parser;

/// Parses one page.
pub fn parse(html: &str) -> Result<Parsed, Unsupported> {
    if html.as_bytes().contains(&0) {
        let offset = html.bytes().position(|b| b == 0).unwrap_or_default();
        return Err(unsupported(offset, "NUL character"));
    }
    let mut parser = Parser::new(html);
    parser.run()?;
    Ok(parser.finish())
}

/// Pagefind's `normalize_content`: decodes entities, trims, turns newlines into spaces and
/// collapses runs of whitespace into one space.
pub fn normalize_content(content: &str) -> String {
    let decoded = html_escape::decode_html_entities(content);
    // `^[\n\r\s]+|[\n\r\s]+$`: `\s` is Unicode's White_Space, as `str::trim` uses.
    let text = decoded.trim();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut i) = (0, 0);
    // Candidates: ASCII controls and space, and the lead bytes of other whitespace.
    while let Some(offset) =
        bytes[i..].iter().position(|&b| b <= b' ' || matches!(b, 0xC2 | 0xE1..=0xE3))
    {
        let run_start = i + offset;
        i = run_start;
        if whitespace_len(text, i) == 0 {
            i += 1;
            continue;
        }
        // A run of whitespace. `(\n|\r\n)+` -> " ", then `\s{2,}` -> " ": count what the
        // first step leaves of it.
        let (mut count, mut in_newlines, mut only_newlines) = (0usize, false, true);
        loop {
            let newline = match bytes.get(i) {
                Some(b'\n') => 1,
                Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => 2,
                _ => 0,
            };
            if newline > 0 {
                count += usize::from(!in_newlines);
                in_newlines = true;
                i += newline;
                continue;
            }
            let len = whitespace_len(text, i);
            if len == 0 {
                break;
            }
            count += 1;
            in_newlines = false;
            only_newlines = false;
            i += len;
        }
        if count >= 2 || only_newlines {
            out.push_str(&text[copied..run_start]);
            out.push(' ');
            copied = i;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The length of the White_Space character at byte `i` of `text`, or 0 (also inside a
/// multi-byte character: only the lead bytes of whitespace characters are looked at).
#[inline(always)]
fn whitespace_len(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') => 1,
        // U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000
        Some(0xC2 | 0xE1 | 0xE2 | 0xE3) => match text[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
        _ => 0,
    }
}

fn unsupported(offset: usize, reason: impl Into<String>) -> Unsupported {
    Unsupported { offset, reason: reason.into() }
}

/// Pagefind's `SENTENCE_CHARS`, `[\w'"\)\$\*]` (with Unicode `\w`), for one character.
fn is_sentence_char(c: char) -> bool {
    static SENTENCE_CHARS: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new("[\\w'\"\\)\\$\\*]").expect("valid regex"));
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '_' | '\'' | '"' | ')' | '$' | '*')
    } else {
        SENTENCE_CHARS.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

fn ends_with_sentence_char(s: &str) -> bool {
    s.chars().next_back().is_some_and(is_sentence_char)
}

/// Pagefind's `SENTENCE_SELECTORS`.
fn is_sentence_tag(name: &str) -> bool {
    matches!(
        name,
        "h1" | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "p"
            | "td"
            | "div"
            | "ul"
            | "li"
            | "article"
            | "section"
    )
}

/// Pagefind's `INLINE_SELECTORS`.
fn is_inline_tag(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "acronym"
            | "b"
            | "bdo"
            | "big"
            | "br"
            | "button"
            | "cite"
            | "code"
            | "dfn"
            | "em"
            | "i"
            | "img"
            | "input"
            | "kbd"
            | "label"
            | "map"
            | "object"
            | "output"
            | "q"
            | "samp"
            | "script"
            | "select"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "textarea"
            | "time"
            | "tt"
            | "var"
    )
}

/// Pagefind's `REMOVE_SELECTORS` (as `html <name>` selectors).
fn is_removed_tag(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "style"
            | "script"
            | "noscript"
            | "label"
            | "form"
            | "svg"
            | "footer"
            | "nav"
            | "iframe"
            | "template"
    )
}

/// The weight Pagefind gives headings without `data-pagefind-weight`.
fn auto_weight(name: &str) -> Option<&'static str> {
    Some(match name {
        "h1" => "7",
        "h2" => "6",
        "h3" => "5",
        "h4" => "4",
        "h5" => "3",
        "h6" => "2",
        _ => return None,
    })
}

/// lol_html's void elements (which never get end-tag handlers) in the HTML namespace.
fn is_void_tag(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose content lol_html's tokenizer reads as raw text (RCDATA, RAWTEXT, script
/// data) in HTML content.
fn is_raw_text_tag(name: &str) -> bool {
    matches!(
        name,
        "title"
            | "textarea"
            | "script"
            | "style"
            | "iframe"
            | "xmp"
            | "noembed"
            | "noframes"
            | "noscript"
    )
}

/// Start tags that make lol_html's tree builder simulator leave foreign content.
fn exits_foreign_content(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
            | "font"
    )
}

fn is_svg_integration_point(name: &str) -> bool {
    matches!(name, "desc" | "title" | "foreignobject")
}

/// Whether lol_html accepts `name` for `get_attribute` (`Attribute::name_from_string`).
fn is_valid_attribute_query(name: &str) -> bool {
    !name.is_empty()
        && !name
            .bytes()
            .any(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'/' | b'>' | b'='))
}

/// Pagefind's `NodeStatus`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Indexing,
    /// Content not indexed (filters and meta still are).
    Ignored,
    /// Nothing at all, children included.
    Excluded,
    Body,
    /// A body element was below: the node's own content is gone.
    ParentOfBody,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
}

/// The attributes of one start tag.
#[derive(Clone, Copy)]
struct Attrs<'t, 'a>(&'t [Attr<'a>]);

impl<'a> Attrs<'_, 'a> {
    /// lol_html's `get_attribute`: the first attribute of that name, ASCII case-insensitive.
    fn get(self, name: &str) -> Option<&'a str> {
        if !is_valid_attribute_query(name) {
            return None;
        }
        self.0.iter().find(|a| a.name.eq_ignore_ascii_case(name)).map(|a| a.value.unwrap_or(""))
    }
}

/// The attributes Pagefind's element handler looks at, found in one pass.
#[derive(Default)]
struct PagefindAttrs<'a> {
    ignore: Option<&'a str>,
    body: bool,
    weight: Option<&'a str>,
    filter: Option<&'a str>,
    id: Option<&'a str>,
    title: Option<&'a str>,
    meta: Option<&'a str>,
    default_meta: Option<&'a str>,
    sort: Option<&'a str>,
    index_attrs: Option<&'a str>,
}

impl<'a> PagefindAttrs<'a> {
    fn read(attrs: &[Attr<'a>]) -> Self {
        let mut found = Self::default();
        for attr in attrs {
            let value = attr.value.unwrap_or("");
            let name = attr.name;
            if name.eq_ignore_ascii_case("id") {
                found.id.get_or_insert(value);
                continue;
            }
            let Some(rest) = name
                .get(..14)
                .filter(|p| p.eq_ignore_ascii_case("data-pagefind-"))
                .map(|_| &name[14..])
            else {
                continue;
            };
            let slot = match rest.to_ascii_lowercase().as_str() {
                "ignore" => &mut found.ignore,
                "body" => {
                    found.body = true;
                    continue;
                }
                "weight" => &mut found.weight,
                "filter" => &mut found.filter,
                "title" => &mut found.title,
                "meta" => &mut found.meta,
                "default-meta" => &mut found.default_meta,
                "sort" => &mut found.sort,
                "index-attrs" => &mut found.index_attrs,
                _ => continue,
            };
            slot.get_or_insert(value);
        }
        found
    }
}

/// Pagefind's `parse_attr_string`: `a, b[attr], c:literal, with: colons`.
fn parse_attr_string(input: &str, attrs: Attrs<'_, '_>) -> Vec<String> {
    let (list, literal) = match input.split_once(':') {
        Some((list, literal)) => (list, Some(literal)),
        None => (input, None),
    };
    let mut items: Vec<String> = list
        .split(',')
        .map(|chunk| {
            let chunk = chunk.trim();
            match attribute_reference(chunk) {
                Some((name, attribute)) => {
                    format!("{name}:{}", attrs.get(attribute).unwrap_or(""))
                }
                None => chunk.to_owned(),
            }
        })
        .collect();
    if let (Some(literal), Some(last)) = (literal, items.last_mut()) {
        last.push(':');
        last.push_str(literal);
    }
    items
}

/// Pagefind's `ATTRIBUTE_MATCH` (`^\s*(?P<name>[^:\[\]]+)\[(?P<attribute>.+)\]\s*$`) on a
/// trimmed chunk without `:`.
fn attribute_reference(chunk: &str) -> Option<(&str, &str)> {
    let open = chunk.find('[')?;
    let name = &chunk[..open];
    if name.is_empty() || name.contains(']') {
        return None;
    }
    // The chunk is trimmed, so `\]\s*$` is its last character.
    let attribute = chunk[open + 1..].strip_suffix(']')?;
    if attribute.is_empty() || attribute.contains('\n') {
        return None;
    }
    Some((name, attribute))
}

/// Pagefind's `get_attribute_pair`, with the node's value.
fn attribute_pair(item: &str, value: &str) -> Option<(String, String)> {
    match item.split_once(':') {
        Some((key, value)) => Some((key.to_owned(), normalize_content(value))),
        None if value.is_empty() => None,
        None => Some((item.to_owned(), normalize_content(value))),
    }
}
