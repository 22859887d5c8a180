//! The search view of a page: what Pagefind reads of it, as a smaller HTML document that
//! indexes the same (see [`search_view`]).

use pagefind_native::parse::tokens::{Token as RawToken, Tokenizer};

/// What Pagefind reads of an article page, as a smaller HTML document of its own: the
/// `<html>` start tag (`lang` picks the language), the first `<title>` (the result's title
/// when the body has no `<h1>`) and the element marked `data-pagefind-body`, minus the
/// blocks inside it that Pagefind skips and that leave no trace in the index (marked
/// `data-pagefind-ignore`, or a `nav` or `script` without an `id`).
///
/// Pagefind parses every element of a page, chrome included, on its way to the body; this
/// view gives it the same index (words, positions, excerpts, anchors, title) without the
/// chrome's parsing. `None` when the page has anything outside the view that Pagefind would
/// read: a `data-pagefind-*` attribute, an `<h1>` (a title candidate), an `<img>` (an
/// image candidate), another `<title>` or `<html>`, text after the body in the body's
/// ancestors (Pagefind appends it to the body's text), or markup that the indexer's
/// tokenizer ([`pagefind_native::parse::tokens`]) does not follow or that this scanner does
/// not track (foreign content, raw text other than `script`, `style`, `title` and
/// `textarea`). The caller then indexes the whole page.
pub(super) fn search_view(html: &str) -> Option<String> {
    #[derive(Clone, Copy)]
    enum At<'a> {
        /// Before the body: page chrome.
        Chrome,
        /// Inside the body element, `depth` elements named `name` deep.
        Body { name: &'a str, depth: usize },
        /// Inside a block left out of the body, from byte `from`; `body` is where to return.
        Skipped { name: &'a str, depth: usize, from: usize, body: (&'a str, usize) },
        /// After the body, `depth` elements below the body's parent.
        After { depth: usize },
    }
    let mut at = At::Chrome;
    let mut html_tag = None;
    let mut title: Option<(usize, Option<usize>)> = None;
    let mut body = 0..0;
    let mut skipped = Vec::new();
    let mut tokens = Tokens::new(html);
    while let Some(token) = tokens.next() {
        match (at, token?) {
            (At::Chrome, Token::Start(tag)) => {
                if tag.body {
                    if tag.self_closing || is_void(tag.name) {
                        return None;
                    }
                    body.start = tag.span.start;
                    at = At::Body { name: tag.name, depth: 1 };
                } else if html_tag.is_none() && tag.is("html") {
                    html_tag = Some(tag.span);
                } else if title.is_none() && tag.is("title") {
                    title = Some((tag.span.start, None));
                } else if tag.is_read_outside_body() {
                    return None;
                }
            }
            (At::Chrome, Token::End(tag)) if tag.is("title") => {
                if let Some((_, end @ None)) = title.as_mut() {
                    *end = Some(tag.span.end);
                }
            }
            (At::Body { name, depth }, Token::Start(tag)) => {
                if tag.is_skippable() {
                    if tag.self_closing {
                        return None;
                    }
                    let from = tag.span.start;
                    at = At::Skipped { name: tag.name, depth: 1, from, body: (name, depth) };
                } else if tag.is(name) {
                    at = At::Body { name, depth: depth + 1 };
                }
            }
            (At::Body { name, depth }, Token::End(tag)) if tag.is(name) => {
                at = if depth == 1 {
                    body.end = tag.span.end;
                    At::After { depth: 0 }
                } else {
                    At::Body { name, depth: depth - 1 }
                };
            }
            (At::Skipped { name, depth, from, body }, Token::Start(tag)) => {
                if tag.is_read_in_skipped_block() {
                    return None;
                }
                if tag.is(name) {
                    at = At::Skipped { name, depth: depth + 1, from, body };
                }
            }
            (At::Skipped { name, depth, from, body }, Token::End(tag)) if tag.is(name) => {
                at = if depth == 1 {
                    skipped.push(from..tag.span.end);
                    At::Body { name: body.0, depth: body.1 }
                } else {
                    At::Skipped { name, depth: depth - 1, from, body }
                };
            }
            (At::After { depth }, Token::Start(tag)) => {
                if tag.is_read_outside_body() {
                    return None;
                }
                if !tag.self_closing && !is_void(tag.name) {
                    at = At::After { depth: depth + 1 };
                }
            }
            (At::After { depth }, Token::End(_)) => {
                at = At::After { depth: depth.saturating_sub(1) };
            }
            (At::After { depth: 0 }, Token::Text(text)) if !text.trim().is_empty() => {
                return None;
            }
            _ => {}
        }
    }
    let (At::After { depth: 0 }, Some(html_tag)) = (at, html_tag) else { return None };
    let mut view = String::with_capacity(body.len() + 256);
    view.push_str(&html[html_tag]);
    view.push_str("<head>");
    if let Some((start, end)) = title {
        view.push_str(&html[start..end?]);
    }
    view.push_str("</head><body>");
    let mut from = body.start;
    for skip in skipped {
        view.push_str(&html[from..skip.start]);
        from = skip.end;
    }
    view.push_str(&html[from..body.end]);
    view.push_str("</body></html>");
    Some(view)
}

/// Pagefind's inline elements: a child of one inherits its anchor, so an inline block is
/// never left out of the view.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code", "dfn", "em", "i",
    "img", "input", "kbd", "label", "map", "object", "output", "q", "samp", "script", "select",
    "small", "span", "strong", "sub", "sup", "textarea", "time", "tt", "var",
];

fn is_void(name: &str) -> bool {
    [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]
    .iter()
    .any(|v| v.eq_ignore_ascii_case(name))
}

enum Token<'a> {
    Start(Tag<'a>),
    End(Tag<'a>),
    Text(&'a str),
    /// A comment or doctype.
    Other,
}

#[derive(Clone)]
struct Tag<'a> {
    name: &'a str,
    /// The whole tag, `<` to `>`.
    span: std::ops::Range<usize>,
    self_closing: bool,
    /// The attributes Pagefind looks at: `id`, `data-pagefind-body`, `data-pagefind-ignore`
    /// and any other `data-pagefind-*`.
    id: bool,
    body: bool,
    ignore: bool,
    other_pagefind: bool,
}

impl Tag<'_> {
    fn new(name: &str, span: std::ops::Range<usize>) -> Tag<'_> {
        Tag {
            name,
            span,
            self_closing: false,
            id: false,
            body: false,
            ignore: false,
            other_pagefind: false,
        }
    }

    fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    fn is_any(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.is(n))
    }

    fn note_attr(&mut self, name: &[u8]) {
        const PAGEFIND: &[u8] = b"data-pagefind-";
        if name.eq_ignore_ascii_case(b"id") {
            self.id = true;
        } else if name.len() > PAGEFIND.len()
            && name[..PAGEFIND.len()].eq_ignore_ascii_case(PAGEFIND)
        {
            match &name[PAGEFIND.len()..] {
                rest if rest.eq_ignore_ascii_case(b"body") => self.body = true,
                rest if rest.eq_ignore_ascii_case(b"ignore") => self.ignore = true,
                _ => self.other_pagefind = true,
            }
        }
    }

    /// An element that Pagefind reads even inside a skipped block: a title or image
    /// candidate, a language, or a `data-pagefind-*` other than `-ignore`.
    fn is_read_in_skipped_block(&self) -> bool {
        self.is_any(&["h1", "img", "title", "html"]) || self.body || self.other_pagefind
    }

    /// An element that Pagefind reads even outside the body (where an ignored block is
    /// read too: an ignored ancestor of the body can exclude it).
    fn is_read_outside_body(&self) -> bool {
        self.is_read_in_skipped_block() || self.ignore
    }

    /// A block inside the body whose content Pagefind skips and that leaves no anchor: one
    /// marked `data-pagefind-ignore` (not inline, since inline children inherit anchors),
    /// or a `nav` or `script` (skipped by Pagefind's own rules) without an `id`.
    fn is_skippable(&self) -> bool {
        if self.is_read_in_skipped_block() || is_void(self.name) {
            return false;
        }
        (self.ignore && !self.is_any(INLINE)) || (!self.id && self.is_any(&["nav", "script"]))
    }
}

/// The page's tokens as the view needs them, from the indexer's tokenizer: a start tag
/// with the attributes Pagefind looks at, and the raw text of `script`, `style`, `title` and
/// `textarea` as text before their end tag. `None` (then nothing more) where the tokenizer
/// does not follow the page, or at foreign content and other raw-text elements.
struct Tokens<'a> {
    tokenizer: Tokenizer<'a>,
    /// The text and end tag of a raw-text element, after its start tag.
    pending_text: Option<&'a str>,
    pending_end: Option<Tag<'a>>,
    done: bool,
}

impl<'a> Tokens<'a> {
    fn new(html: &'a str) -> Self {
        Tokens {
            tokenizer: Tokenizer::new(html),
            pending_text: None,
            pending_end: None,
            done: false,
        }
    }

    /// The next token; `Some(None)` where the page cannot be read with certainty.
    fn next(&mut self) -> Option<Option<Token<'a>>> {
        if let Some(text) = self.pending_text.take() {
            return Some(Some(Token::Text(text)));
        }
        if let Some(end) = self.pending_end.take() {
            return Some(Some(Token::End(end)));
        }
        if self.done {
            return None;
        }
        let token = match self.tokenizer.next_token()? {
            Ok(token) => self.token(token),
            Err(_) => None,
        };
        self.done = token.is_none();
        Some(token)
    }

    fn token(&mut self, token: RawToken<'a>) -> Option<Token<'a>> {
        Some(match token {
            RawToken::Text(text) => Token::Text(text),
            RawToken::Other => Token::Other,
            RawToken::End { name, span } => Token::End(Tag::new(name, span)),
            RawToken::Start { name, self_closing, span } => {
                let mut tag = Tag::new(name, span);
                tag.self_closing = self_closing;
                for attr in self.tokenizer.attrs() {
                    tag.note_attr(attr.name.as_bytes());
                }
                // `/>` does not end these in HTML: their raw text follows.
                if tag.is_any(&["script", "style", "title", "textarea"]) {
                    let raw = self.tokenizer.raw_text(name).ok()?;
                    self.pending_text = Some(raw.text).filter(|text| !text.is_empty());
                    self.pending_end = Some(Tag::new(raw.end_name, raw.end_span));
                } else if tag.is_any(&[
                    "svg",
                    "math",
                    "iframe",
                    "noembed",
                    "noframes",
                    "noscript",
                    "xmp",
                    "plaintext",
                ]) {
                    return None;
                }
                Token::Start(tag)
            }
        })
    }
}
