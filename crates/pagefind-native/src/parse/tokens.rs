//! The HTML tokenizer: a page's bytes -> text, start tags (with their attributes, raw),
//! end tags, comments and doctypes, exactly as lol_html's tokenizer reads them, or
//! [`Unsupported`] where it does not follow lol_html exactly (see [`super`]'s "What is
//! unsupported": the token rules). [`super::parse`] and drillbook's search view both read
//! pages through it.
//!
//! Raw text (script data, RCDATA, RAWTEXT) depends on the namespace, which only the
//! consumer tracks: after a start tag whose content is raw text, the consumer calls
//! [`Tokenizer::raw_text`].

use std::ops::Range;

use crate::Unsupported;

use super::unsupported;

/// One attribute of a start tag, raw (lol_html decodes nothing).
#[derive(Clone, Copy, Debug)]
pub struct Attr<'a> {
    pub name: &'a str,
    /// `None` for an attribute without `=`.
    pub value: Option<&'a str>,
}

/// A token; the attributes of a start tag are [`Tokenizer::attrs`] until the next token.
#[derive(Clone, Debug)]
pub enum Token<'a> {
    Text(&'a str),
    /// A start tag: its name as written, whether it ends with `/>`, and `<` to `>`.
    Start {
        name: &'a str,
        self_closing: bool,
        span: Range<usize>,
    },
    /// An end tag: its name as written, and `<` to `>`.
    End {
        name: &'a str,
        span: Range<usize>,
    },
    /// A comment or a doctype.
    Other,
}

/// Raw text up to its end tag (see [`Tokenizer::raw_text`]).
pub struct RawText<'a> {
    pub text: &'a str,
    /// The end tag's name as written, and `<` to `>`.
    pub end_name: &'a str,
    pub end_span: Range<usize>,
}

pub struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    attrs: Vec<Attr<'a>>,
}

pub(super) fn is_tag_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0C')
}

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokenizer { src, pos: 0, attrs: Vec::with_capacity(16) }
    }

    /// The attributes of the last start tag, in order.
    pub fn attrs(&self) -> &[Attr<'a>] {
        &self.attrs
    }

    /// The next token, `None` at the end.
    #[inline]
    pub fn next_token(&mut self) -> Option<Result<Token<'a>, Unsupported>> {
        let src = self.src;
        let pos = self.pos;
        if pos >= src.len() {
            return None;
        }
        let lt = match src[pos..].find('<') {
            Some(0) => pos,
            Some(i) => {
                self.pos = pos + i;
                return Some(Ok(Token::Text(&src[pos..pos + i])));
            }
            None => {
                self.pos = src.len();
                return Some(Ok(Token::Text(&src[pos..])));
            }
        };
        let token = self.markup(lt);
        if token.is_err() {
            self.pos = src.len();
        }
        Some(token)
    }

    /// The raw text after the start tag just read, of an element named `name` (as written),
    /// up to its end tag, which it reads too.
    pub fn raw_text(&mut self, name: &str) -> Result<RawText<'a>, Unsupported> {
        let src = self.src;
        let start = self.pos;
        let mut search = start;
        loop {
            let Some(close) = src[search..].find("</").map(|i| search + i) else {
                return Err(unsupported(start, "raw text element not closed"));
            };
            let after = close + 2 + name.len();
            if !src.get(close + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
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
            let text = &src[start..close];
            if name.eq_ignore_ascii_case("script") && text.contains("<!--") {
                return Err(unsupported(start, "`<!--` in a script"));
            }
            self.pos = after + 1;
            return Ok(RawText {
                text,
                end_name: &src[close + 2..after],
                end_span: close..after + 1,
            });
        }
    }

    /// Reads the markup at `lt` (a `<`).
    fn markup(&mut self, lt: usize) -> Result<Token<'a>, Unsupported> {
        let bytes = self.src.as_bytes();
        match bytes.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, name_end) = self.read_tag_name(lt + 1)?;
                let (self_closing, end) = self.read_attributes(lt, name_end)?;
                self.pos = end;
                Ok(Token::Start { name, self_closing, span: lt..end })
            }
            Some(b'/') if bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, end) = self.read_end_tag(lt)?;
                self.pos = end;
                Ok(Token::End { name, span: lt..end })
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
                    self.pos = lt + 4 + close + 3;
                    Ok(Token::Other)
                } else if rest.get(..7).is_some_and(|d| d.eq_ignore_ascii_case("doctype")) {
                    match rest.find('>') {
                        Some(close) => {
                            self.pos = lt + 2 + close + 1;
                            Ok(Token::Other)
                        }
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
}
