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
//! Whatever this does not follow exactly, so that the caller lets Pagefind index the page:
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
//! One pass over the input. The nodes' values live in one buffer: each open node owns the
//! tail of the buffer from its start, so a child's content is already in place in its
//! parent's when it ends, and an ignored node is a truncation. Each node reserves, when it
//! starts, the prefix Pagefind puts in front of its value when it ends (the weight marker,
//! the sentence space), so that nothing is ever inserted in front.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::{Parsed, Unsupported};

#[cfg(test)]
mod tests;

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

fn is_tag_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0C')
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

/// One attribute of the current start tag, raw.
#[derive(Clone, Copy, Debug)]
struct Attr<'a> {
    name: &'a str,
    value: Option<&'a str>,
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

/// An open element (Pagefind's `DomParsingNode`). Its value is `buf[content_start..]` up to
/// the next open node's `start` (or the end of the buffer).
struct Node<'a> {
    /// ASCII-lowercased tag name.
    name: Cow<'a, str>,
    status: Status,
    /// Where this node's part of the buffer starts: the reserved prefix, then the value.
    start: usize,
    content_start: usize,
    filter: Option<Vec<String>>,
    sort: Option<Vec<String>>,
    meta: Option<Vec<String>>,
    default_meta: Option<Vec<String>>,
    /// Whether the node ends with `___END_PAGEFIND_WEIGHT___`.
    weighted: bool,
    sentence: bool,
    /// Indexes into `Parser::anchor_keys` of the anchors whose text this node's text is.
    anchors: Vec<u32>,
}

impl Node<'_> {
    fn root() -> Self {
        Node {
            name: Cow::Borrowed(""),
            status: Status::Indexing,
            start: 0,
            content_start: 0,
            filter: None,
            sort: None,
            meta: None,
            default_meta: None,
            weighted: false,
            sentence: false,
            anchors: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum HtmlElement {
    NotYet,
    Open,
    Closed,
}

struct Parser<'a> {
    src: &'a str,
    /// The values of the open nodes, outermost first.
    buf: String,
    /// The open elements; `nodes[0]` is Pagefind's root node, `nodes[1]` the `<html>`.
    nodes: Vec<Node<'a>>,
    /// lol_html's namespace stack.
    ns: Vec<Ns>,
    attrs: Vec<Attr<'a>>,
    html: HtmlElement,
    anchor_counter: u32,
    /// `"{counter}:{id}"` of each anchor.
    anchor_keys: Vec<String>,
    anchor_content: Vec<Option<String>>,
    anchor_titles: BTreeMap<String, String>,
    filters: BTreeMap<String, Vec<String>>,
    sort: BTreeMap<String, String>,
    meta: BTreeMap<String, String>,
    default_meta: BTreeMap<String, String>,
    language: Option<String>,
    has_html_element: bool,
    has_old_bundle_reference: bool,
    has_default_ui_reference: bool,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        let mut nodes = Vec::with_capacity(32);
        nodes.push(Node::root());
        Parser {
            src,
            buf: String::with_capacity(src.len() / 2),
            nodes,
            ns: vec![Ns::Html],
            attrs: Vec::with_capacity(16),
            html: HtmlElement::NotYet,
            anchor_counter: 0,
            anchor_keys: Vec::new(),
            anchor_content: Vec::new(),
            anchor_titles: BTreeMap::new(),
            filters: BTreeMap::new(),
            sort: BTreeMap::new(),
            meta: BTreeMap::new(),
            default_meta: BTreeMap::new(),
            language: None,
            has_html_element: false,
            has_old_bundle_reference: false,
            has_default_ui_reference: false,
        }
    }

    fn current_ns(&self) -> Ns {
        *self.ns.last().unwrap_or(&Ns::Html)
    }

    fn run(&mut self) -> Result<(), Unsupported> {
        let src = self.src;
        let mut pos = 0;
        while pos < src.len() {
            let Some(lt) = src[pos..].find('<').map(|i| pos + i) else {
                self.text(&src[pos..]);
                break;
            };
            if lt > pos {
                self.text(&src[pos..lt]);
            }
            pos = self.markup(lt)?;
        }
        if let Some(open) = self.nodes.last().filter(|_| self.nodes.len() > 1) {
            return Err(unsupported(src.len(), format!("<{}> is not closed", open.name)));
        }
        Ok(())
    }

    /// Pagefind's text handler (only inside `<html>`).
    fn text(&mut self, text: &str) {
        if self.html != HtmlElement::Open || text.is_empty() {
            return;
        }
        self.buf.push_str(text);
        let Some(node) = self.nodes.last() else { return };
        if matches!(node.status, Status::Ignored | Status::Excluded) {
            return;
        }
        for &anchor in &node.anchors {
            match &mut self.anchor_content[anchor as usize] {
                Some(content) => content.push_str(text),
                slot @ None => *slot = Some(text.to_owned()),
            }
        }
    }

    /// Reads the markup at `lt` (a `<`); returns where the text after it starts.
    fn markup(&mut self, lt: usize) -> Result<usize, Unsupported> {
        let bytes = self.src.as_bytes();
        match bytes.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.start_tag(lt),
            Some(b'/') if bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, end) = self.read_end_tag(lt)?;
                self.end_tag(lt, name)?;
                Ok(end)
            }
            Some(b'!') => {
                let rest = &self.src[lt + 2..];
                if let Some(comment) = rest.strip_prefix("--") {
                    if comment.starts_with('>') || comment.starts_with("->") {
                        return Err(unsupported(lt, "abruptly closed comment"));
                    }
                    let Some(close) = comment.find("-->") else {
                        return Err(unsupported(lt, "comment not closed"));
                    };
                    if comment[..close].contains("--!>") {
                        return Err(unsupported(lt, "comment closed by --!>"));
                    }
                    Ok(lt + 4 + close + 3)
                } else if rest.get(..7).is_some_and(|d| d.eq_ignore_ascii_case("doctype")) {
                    match rest.find('>') {
                        Some(close) => Ok(lt + 2 + close + 1),
                        None => Err(unsupported(lt, "doctype not closed")),
                    }
                } else {
                    Err(unsupported(lt, "CDATA or bogus comment"))
                }
            }
            _ => Err(unsupported(lt, "`<` that does not start a tag")),
        }
    }

    /// Reads a tag name starting at `start`; returns it and where it ends.
    fn read_tag_name(&self, start: usize) -> Result<(&'a str, usize), Unsupported> {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_alphanumeric() || b == b'-' {
                i += 1;
            } else if is_tag_space(b) || b == b'/' || b == b'>' {
                return Ok((&src[start..i], i));
            } else {
                return Err(unsupported(i, "unusual character in a tag name"));
            }
        }
        Err(unsupported(start, "tag not closed"))
    }

    fn read_end_tag(&self, lt: usize) -> Result<(&'a str, usize), Unsupported> {
        let bytes = self.src.as_bytes();
        let (name, mut i) = self.read_tag_name(lt + 2)?;
        while bytes.get(i).copied().is_some_and(is_tag_space) {
            i += 1;
        }
        match bytes.get(i) {
            Some(b'>') => Ok((name, i + 1)),
            _ => Err(unsupported(lt, "end tag with attributes or `/`")),
        }
    }

    /// Reads a start tag's attributes into `self.attrs`; returns whether it ends with `/>`
    /// and where it ends.
    fn read_attributes(&mut self, lt: usize, mut i: usize) -> Result<(bool, usize), Unsupported> {
        let src = self.src;
        let bytes = src.as_bytes();
        self.attrs.clear();
        loop {
            while bytes.get(i).copied().is_some_and(is_tag_space) {
                i += 1;
            }
            match bytes.get(i) {
                None => return Err(unsupported(lt, "tag not closed")),
                Some(b'>') => return Ok((false, i + 1)),
                Some(b'/') => {
                    return match bytes.get(i + 1) {
                        Some(b'>') => Ok((true, i + 2)),
                        _ => Err(unsupported(i, "`/` inside a tag")),
                    };
                }
                Some(b'=') => return Err(unsupported(i, "attribute name starting with `=`")),
                Some(_) => {}
            }
            let name_start = i;
            while let Some(&b) = bytes.get(i) {
                match b {
                    b'=' | b'/' | b'>' => break,
                    b if is_tag_space(b) => break,
                    b'"' | b'\'' | b'<' | b'\r' => {
                        return Err(unsupported(i, "unusual character in an attribute name"));
                    }
                    _ => i += 1,
                }
            }
            let name = &src[name_start..i];
            while bytes.get(i).copied().is_some_and(is_tag_space) {
                i += 1;
            }
            if bytes.get(i) != Some(&b'=') {
                self.attrs.push(Attr { name, value: None });
                continue;
            }
            i += 1;
            while bytes.get(i).copied().is_some_and(is_tag_space) {
                i += 1;
            }
            let value = match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let value_start = i + 1;
                    let Some(len) = bytes[value_start..].iter().position(|&b| b == quote) else {
                        return Err(unsupported(lt, "attribute value not closed"));
                    };
                    let value = &src[value_start..value_start + len];
                    if value.contains('\r') {
                        return Err(unsupported(value_start, "CR in an attribute value"));
                    }
                    i = value_start + len + 1;
                    match bytes.get(i) {
                        Some(&b) if is_tag_space(b) || b == b'/' || b == b'>' => {}
                        _ => return Err(unsupported(i, "no space after an attribute value")),
                    }
                    value
                }
                Some(b'>') | None => return Err(unsupported(i, "attribute without a value")),
                Some(_) => {
                    let value_start = i;
                    while let Some(&b) = bytes.get(i) {
                        match b {
                            b'>' => break,
                            b if is_tag_space(b) => break,
                            b'"' | b'\'' | b'<' | b'=' | b'`' | b'\r' => {
                                return Err(unsupported(i, "unusual unquoted attribute value"));
                            }
                            _ => i += 1,
                        }
                    }
                    &src[value_start..i]
                }
            };
            self.attrs.push(Attr { name, value: Some(value) });
        }
    }

    fn start_tag(&mut self, lt: usize) -> Result<usize, Unsupported> {
        let (raw_name, name_end) = self.read_tag_name(lt + 1)?;
        let (self_closing, end) = self.read_attributes(lt, name_end)?;
        let name: Cow<'a, str> = if raw_name.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(raw_name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(raw_name)
        };

        // lol_html's tree builder simulator: the element's namespace, and its text type.
        let mut raw_text = false;
        let ns = match (self.current_ns(), &*name) {
            (_, "math") => return Err(unsupported(lt, "<math>")),
            (Ns::Html, _) if self.ns.len() > 1 => {
                return Err(unsupported(lt, "tag inside an SVG integration point"));
            }
            (_, "svg") => {
                if self_closing {
                    return Err(unsupported(lt, "<svg/>"));
                }
                self.ns.push(Ns::Svg);
                Ns::Svg
            }
            (Ns::Html, "template" | "plaintext") => {
                return Err(unsupported(lt, format!("<{name}>")));
            }
            (Ns::Html, _) => {
                raw_text = is_raw_text_tag(&name);
                Ns::Html
            }
            (Ns::Svg, _) if exits_foreign_content(&name) => {
                return Err(unsupported(lt, format!("<{name}> inside SVG")));
            }
            (Ns::Svg, _) if is_svg_integration_point(&name) && !self_closing => {
                self.ns.push(Ns::Html);
                Ns::Html
            }
            (Ns::Svg, _) => Ns::Svg,
        };
        let can_have_content = match ns {
            Ns::Html => !is_void_tag(&name),
            Ns::Svg => !self_closing,
        };

        match self.html {
            HtmlElement::NotYet if name == "html" => self.html = HtmlElement::Open,
            HtmlElement::Open if name != "html" => {}
            _ => return Err(unsupported(lt, format!("<{name}> outside the <html> element"))),
        }

        let attrs = std::mem::take(&mut self.attrs);
        self.element(name, can_have_content, Attrs(&attrs));
        self.attrs = attrs;

        if !raw_text {
            return Ok(end);
        }
        // Raw text up to the appropriate end tag.
        let src = self.src;
        let mut search = end;
        loop {
            let Some(close) = src[search..].find("</").map(|i| search + i) else {
                return Err(unsupported(end, "raw text element not closed"));
            };
            let after = close + 2 + raw_name.len();
            if !src.get(close + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(raw_name)) {
                search = close + 2;
                continue;
            }
            match src.as_bytes().get(after) {
                Some(b'>') => {}
                Some(&b) if is_tag_space(b) || b == b'/' || b == b'\r' => {
                    return Err(unsupported(close, "raw text end tag with space or `/`"));
                }
                None => return Err(unsupported(close, "raw text end tag not closed")),
                Some(_) => {
                    search = close + 2;
                    continue;
                }
            }
            let content = &src[end..close];
            if raw_name.eq_ignore_ascii_case("script") && content.contains("<!--") {
                return Err(unsupported(end, "`<!--` in a script"));
            }
            self.text(content);
            let name = &src[close + 2..after];
            self.end_tag(close, name)?;
            return Ok(after + 1);
        }
    }

    /// Pagefind's element handlers, for an element inside `<html>` (or the `<html>` itself).
    fn element(&mut self, name: Cow<'a, str>, can_have_content: bool, attrs: Attrs<'_, 'a>) {
        let pf = PagefindAttrs::read(attrs.0);
        if name == "html" {
            self.has_html_element = true;
            if let Some(lang) = attrs.get("lang") {
                self.language = Some(lang.to_lowercase());
            }
        }

        // The root handler (`html, html *`).
        let explicit_ignore = pf.ignore.map(|value| match value.to_ascii_lowercase().as_str() {
            "" | "index" | "true" => Status::Ignored,
            _ => Status::Excluded,
        });
        let filter = pf.filter.map(|v| parse_attr_string(v, attrs));
        let meta = pf.meta.map(|v| parse_attr_string(v, attrs));
        let default_meta = pf.default_meta.map(|v| parse_attr_string(v, attrs));
        let sort = pf.sort.map(|v| parse_attr_string(v, attrs));
        let status =
            if pf.body { Status::Body } else { explicit_ignore.unwrap_or(Status::Indexing) };

        let mut anchor = None;
        if !matches!(status, Status::Excluded | Status::Ignored) {
            if let Some(id) = pf.id {
                let parent = self.nodes.last().map_or(Status::Indexing, |n| n.status);
                if !(parent == Status::ParentOfBody && status != Status::Body) {
                    let id: Cow<'_, str> = if id.contains(char::is_whitespace) {
                        Cow::Owned(id.chars().filter(|c| !c.is_whitespace()).collect())
                    } else {
                        Cow::Borrowed(id)
                    };
                    let counter = self.anchor_counter;
                    self.buf.push_str(" ___PAGEFIND_ANCHOR___");
                    self.buf.push_str(&name);
                    self.buf.push(':');
                    let key = format!("{counter}:{id}");
                    self.buf.push_str(&key);
                    self.buf.push(' ');
                    anchor = Some(self.anchor_keys.len() as u32);
                    self.anchor_keys.push(key);
                    self.anchor_content.push(None);
                    self.anchor_counter += 1;
                }
            }
        }
        if let (Some(anchor), Some(title)) = (anchor, pf.title) {
            let title = normalize_content(title);
            if !title.is_empty() {
                self.anchor_titles.insert(self.anchor_keys[anchor as usize].clone(), title);
            }
        }

        if status != Status::Excluded {
            if let Some(index_attrs) = pf.index_attrs {
                for attr in index_attrs.split(',') {
                    let value = attrs.get(attr.trim()).unwrap_or("");
                    self.buf.push(' ');
                    self.buf.push_str(value);
                    if ends_with_sentence_char(value) {
                        self.buf.push('.');
                    }
                    self.buf.push(' ');
                }
            }
            if name == "br" {
                self.buf.push(' ');
            }
        }

        let parent = self.nodes.last();
        let parent_status = parent.map_or(Status::Indexing, |n| n.status);
        let mut anchors = match parent {
            Some(parent) if !parent.anchors.is_empty() && is_inline_tag(&name) => {
                parent.anchors.clone()
            }
            _ => Vec::new(),
        };
        anchors.extend(anchor);
        let status = if parent_status == Status::Excluded { parent_status } else { status };
        let removed = is_removed_tag(&name);
        let is_script = name == "script";
        let is_link = name == "link";

        if can_have_content {
            // Reserve what Pagefind puts in front of the value at the end tag.
            let start = self.buf.len();
            let weight = pf.weight.or_else(|| auto_weight(&name));
            if let Some(weight) = weight {
                self.buf.push_str(if pf.weight.is_some() {
                    " ___PAGEFIND_WEIGHT___"
                } else {
                    " ___PAGEFIND_AUTO_WEIGHT___"
                });
                self.buf.push_str(weight);
                self.buf.push(' ');
            }
            let sentence = is_sentence_tag(&name);
            if sentence {
                self.buf.push(' ');
            }
            self.nodes.push(Node {
                name,
                status,
                start,
                content_start: self.buf.len(),
                filter,
                sort,
                meta,
                default_meta,
                weighted: weight.is_some(),
                sentence,
                anchors,
            });
        } else if status != Status::Excluded {
            // Folded at once, with no value.
            self.collect(
                filter.as_deref(),
                sort.as_deref(),
                meta.as_deref(),
                default_meta.as_deref(),
                "",
            );
            if name == "img"
                && !self.meta.contains_key("auto_image")
                && (self.meta.contains_key("auto_title") || self.meta.contains_key("title"))
            {
                if let Some(src) = attrs.get("src") {
                    self.meta.insert("auto_image".into(), normalize_content(src));
                    if let Some(alt) = attrs.get("alt") {
                        self.meta.insert("auto_image_alt".into(), normalize_content(alt));
                    }
                }
            }
        }

        // The exclusion handler marks the current node.
        if removed {
            if let Some(node) = self.nodes.last_mut() {
                node.status = Status::Ignored;
            }
        }

        if is_script {
            if let Some(src) = attrs.get("src") {
                if src.starts_with("_pagefind") || src.contains("/_pagefind") {
                    self.has_old_bundle_reference = true;
                }
                if src.contains("pagefind-ui.js") || src.contains("pagefind-modular-ui.js") {
                    self.has_default_ui_reference = true;
                }
            }
        } else if is_link {
            if let Some(href) = attrs.get("href") {
                if href.starts_with("_pagefind") || href.contains("/_pagefind") {
                    self.has_old_bundle_reference = true;
                }
                if href.contains("pagefind-ui.css") || href.contains("pagefind-modular-ui.css") {
                    self.has_default_ui_reference = true;
                }
            }
        }
    }

    /// Filters, sort and meta of a node that ends with `value`.
    fn collect(
        &mut self,
        filter: Option<&[String]>,
        sort: Option<&[String]>,
        meta: Option<&[String]>,
        default_meta: Option<&[String]>,
        value: &str,
    ) {
        for item in filter.unwrap_or_default() {
            if let Some((key, value)) = attribute_pair(item, value) {
                self.filters.entry(key).or_default().push(normalize_content(&value));
            }
        }
        for item in sort.unwrap_or_default() {
            if let Some((key, value)) = attribute_pair(item, value) {
                self.sort.insert(key, value);
            }
        }
        for item in meta.unwrap_or_default() {
            if let Some((key, value)) = attribute_pair(item, value) {
                self.meta.insert(key, value);
            }
        }
        for item in default_meta.unwrap_or_default() {
            if let Some((key, value)) = attribute_pair(item, value) {
                self.default_meta.insert(key, value);
            }
        }
    }

    fn end_tag(&mut self, lt: usize, raw_name: &str) -> Result<(), Unsupported> {
        if self.html != HtmlElement::Open || self.nodes.len() < 2 {
            return Err(unsupported(lt, format!("</{raw_name}> outside the <html> element")));
        }
        let Some(node) = self.nodes.last() else { unreachable!("checked above") };
        if !node.name.eq_ignore_ascii_case(raw_name) {
            return Err(unsupported(
                lt,
                format!("</{raw_name}> does not close the innermost element <{}>", node.name),
            ));
        }
        // The namespace stack.
        match self.current_ns() {
            Ns::Html if self.ns.len() > 1 && is_svg_integration_point(&node.name) => {
                self.ns.pop();
            }
            Ns::Svg if node.name == "svg" => {
                self.ns.pop();
            }
            _ => {}
        }
        self.end_node();
        if self.nodes.len() == 1 {
            self.html = HtmlElement::Closed;
        }
        Ok(())
    }

    /// Pagefind's end-tag handler: folds the innermost node into its parent.
    fn end_node(&mut self) {
        let Some(node) = self.nodes.pop() else { return };
        if node.status == Status::Excluded {
            self.buf.truncate(node.start);
            return;
        }
        let buf = std::mem::take(&mut self.buf);
        let value = &buf[node.content_start..];
        self.collect(
            node.filter.as_deref(),
            node.sort.as_deref(),
            node.meta.as_deref(),
            node.default_meta.as_deref(),
            value,
        );
        if node.name == "h1" && !self.meta.contains_key("auto_title") && !value.trim().is_empty() {
            self.meta.insert("auto_title".into(), normalize_content(value));
        }
        if node.name == "title" && !self.meta.contains_key("auto_page_title") {
            self.meta.insert("auto_page_title".into(), normalize_content(value));
        }
        self.buf = buf;
        if node.status == Status::Ignored {
            self.buf.truncate(node.start);
            return;
        }
        if node.sentence {
            // The value starts with the reserved space, so an empty one ends with it.
            if ends_with_sentence_char(&self.buf[node.start..]) {
                self.buf.push('.');
            }
            self.buf.push(' ');
        }
        if node.weighted {
            self.buf.push_str(" ___END_PAGEFIND_WEIGHT___ ");
        }
        let Some(parent) = self.nodes.last_mut() else { return };
        let is_body = matches!(node.status, Status::Body | Status::ParentOfBody);
        if parent.status == Status::ParentOfBody && !is_body {
            self.buf.truncate(node.start);
            return;
        }
        if is_body {
            if parent.status != Status::ParentOfBody {
                self.buf.replace_range(parent.content_start..node.start, "");
            }
            parent.status = Status::ParentOfBody;
        }
    }

    /// Pagefind's `wrap`.
    fn finish(self) -> Parsed {
        let Parser { buf, nodes, mut meta, mut default_meta, .. } = self;
        let root = &nodes[0];
        if let Some(image) = meta.remove("auto_image") {
            let alt = meta.remove("auto_image_alt").unwrap_or_default();
            if !meta.contains_key("image") {
                meta.insert("image".into(), image);
                meta.insert("image_alt".into(), alt);
            }
        }
        if let Some(title) = meta.remove("auto_title") {
            meta.entry("title".into()).or_insert(title);
        }
        if let Some(title) = meta.remove("auto_page_title") {
            meta.entry("title".into()).or_insert(title);
        }
        default_meta.extend(meta);

        let anchor_content = self
            .anchor_keys
            .into_iter()
            .zip(self.anchor_content)
            .filter_map(|(key, content)| Some((key, content?)))
            .collect();
        Parsed {
            digest: normalize_content(&buf),
            filters: self.filters,
            sort: self.sort,
            meta: default_meta,
            anchor_content,
            anchor_titles: self.anchor_titles,
            has_custom_body: root.status == Status::ParentOfBody,
            force_inclusion: false,
            has_html_element: self.has_html_element,
            has_old_bundle_reference: self.has_old_bundle_reference,
            has_default_ui_reference: self.has_default_ui_reference,
            language: self.language.filter(|l| !l.is_empty()).unwrap_or_else(|| "unknown".into()),
        }
    }
}
