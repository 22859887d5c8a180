//! Parsing a DocFX Markdown file (plain or side-by-side) into front matter and a tree of
//! blocks whose text is a sequence of pieces: plain Markdown shared by both languages, and
//! segments (`<span data-ttu-id>translation</span><span class="sxs-lookup">…English…</span>`).
//!
//! This is a small line-based Markdown block parser tuned to what DocFX localization emits
//! (see `../shared/corpus/README.md`); it keeps every text byte-exact so messages carry the
//! original Markdown. It never panics: malformed spans become diagnostics and are kept as text.
//!
//! Work is linear in the file's size. Blocks nested deeper than [`MAX_BLOCK_DEPTH`] and spans
//! nested deeper than [`MAX_SPAN_DEPTH`] are a `nesting-too-deep` error (the file is then not
//! imported) rather than unbounded recursion.

mod blocks;
mod extensions;
mod html;
mod links;
mod spans;

use std::collections::BTreeMap;

use crate::content::{AlertKind, NotIncludedKind};
use crate::diag::{Diagnostic, LineIndex, Severity};
use crate::import::diags::FileDiags;
use crate::import::docfx::blocks::split_lines;

/// Block quotes and list items nested in one another, at most. Real DocFX articles nest
/// three or four deep; the content model and its TOML stay well within their own limits.
pub const MAX_BLOCK_DEPTH: usize = 16;
/// `<span>` tags nested inside one block's text, at most (a side-by-side group is two deep).
pub const MAX_SPAN_DEPTH: usize = 16;

/// The front-matter fields the importer uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    pub ms_topic: Option<String>,
    pub ms_date: Option<String>,
    pub openlocfilehash: Option<String>,
    pub translationtype: Option<String>,
    pub contentlocale: Option<String>,
    pub lasthandoff: Option<String>,
}

/// One parsed file.
#[derive(Debug, Clone, Default)]
pub struct DocFx {
    pub front: FrontMatter,
    pub blocks: Vec<DBlock>,
    /// Number of side-by-side segments (0 for a plain file).
    pub segments: usize,
    /// Something is nested deeper than [`MAX_BLOCK_DEPTH`] or [`MAX_SPAN_DEPTH`]; the
    /// `nesting-too-deep` error says where, and the parts below that depth are left out.
    pub too_deep: bool,
}

/// Inline content of one block: what becomes one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unit {
    pub pieces: Vec<Piece>,
    /// Byte offset of the unit in the file.
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Markdown outside any segment (links around spans, `<br>`, spaces): in both languages.
    Text(String),
    Seg(Segment),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub id: String,
    pub translation: String,
    /// `None` when the segment has no `sxs-lookup` English.
    pub english: Option<String>,
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DBlock {
    Heading {
        level: u8,
        anchor: Option<String>,
        unit: Unit,
    },
    Para(Unit),
    List {
        ordered: bool,
        items: Vec<Vec<DBlock>>,
    },
    Quote {
        alert: Option<AlertKind>,
        blocks: Vec<DBlock>,
    },
    Table {
        header: Vec<Unit>,
        rows: Vec<Vec<Unit>>,
    },
    Image {
        src: String,
        alt: String,
        offset: usize,
    },
    Code {
        lang: Option<String>,
        code: String,
    },
    /// `:::code`, `[!INCLUDE]`, `[!VIDEO]`, other `:::` extensions: what the source pulls in.
    NotIncluded {
        kind: NotIncludedKind,
        target: String,
    },
}

impl Unit {
    /// The unit's text in one language: `english` picks the English halves (`None` when a
    /// segment has none), otherwise the translations.
    pub fn text(&self, english: bool) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Seg(seg) if english => out.push_str(seg.english.as_deref()?),
                Piece::Seg(seg) => out.push_str(&seg.translation),
            }
        }
        Some(normalize_inline(&out))
    }

    pub fn segments(&self) -> usize {
        self.pieces.iter().filter(|p| matches!(p, Piece::Seg(_))).count()
    }

    pub fn is_empty(&self) -> bool {
        self.pieces.iter().all(|p| matches!(p, Piece::Text(t) if t.trim().is_empty()))
    }

    /// Splits off a sub-step letter: a first segment whose English is `a.` (the translation
    /// may be Cyrillic `а.`), or, in plain text, a leading `a. `. Returns the letter's segment
    /// count (0 or 1) and the rest.
    pub fn split_label(&self) -> Option<(usize, Unit)> {
        let first =
            self.pieces.iter().position(|p| !matches!(p, Piece::Text(t) if t.trim().is_empty()))?;
        match &self.pieces[first] {
            Piece::Seg(seg)
                if seg.english.as_deref().is_some_and(|e| is_letter_label(e.trim())) =>
            {
                let mut rest = self.pieces[first + 1..].to_vec();
                if let Some(Piece::Text(t)) = rest.first_mut() {
                    *t = t.trim_start().to_string();
                }
                Some((1, Unit { pieces: rest, offset: self.offset }))
            }
            Piece::Text(t) => {
                let t = t.trim_start();
                let mut chars = t.char_indices();
                let (_, letter) = chars.next()?;
                let (dot_at, dot) = chars.next()?;
                let (_, space) = chars.next()?;
                if is_letter(letter) && dot == '.' && space == ' ' {
                    let mut pieces = self.pieces[first..].to_vec();
                    pieces[0] = Piece::Text(t[dot_at + 1..].trim_start().to_string());
                    Some((0, Unit { pieces, offset: self.offset }))
                } else {
                    None
                }
            }
            Piece::Seg(_) => None,
        }
    }
}

fn is_letter(c: char) -> bool {
    c.is_ascii_lowercase() || ('а'..='я').contains(&c)
}

fn is_letter_label(s: &str) -> bool {
    let mut chars = s.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if is_letter(c))
}

/// Raw inline HTML becomes Markdown (`html::html_to_markdown`), soft line breaks become
/// spaces (or nothing inside a link URL), `<br>` becomes a Markdown hard break (dropped at
/// the end), and the ends are trimmed.
pub fn normalize_inline(s: &str) -> String {
    let converted = html::html_to_markdown(s);
    let s = converted.as_str();
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    // Inside a link destination: after the last `](` of `out` with no `)` after it. Kept up
    // to date as characters are pushed (trimming only ever removes whitespace), so each line
    // break costs O(1) instead of a search back through `out`.
    let mut in_destination = false;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(len) = br_tag_len(rest) {
                rest = rest[len..].trim_start();
                if !rest.is_empty() {
                    // A second break in a row is a line of its own (`</br></br>`), not an
                    // escaped backslash.
                    if !out.ends_with("\\\n") {
                        let kept = out.trim_end().len();
                        out.truncate(kept);
                    }
                    out.push_str("\\\n");
                }
                continue;
            }
        }
        if c == '\n' || c == '\r' {
            let kept = out.trim_end_matches([' ', '\t']).len();
            out.truncate(kept);
            rest = rest.trim_start_matches([' ', '\t', '\n', '\r']);
            if !in_destination && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            continue;
        }
        if c == '(' && out.ends_with(']') {
            in_destination = true;
        } else if c == ')' {
            in_destination = false;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    // Breaks at the end (`…<br/><br/>`) show nothing in DocFX; a hard break there would be
    // a literal `\`.
    let mut end = out.trim_end_matches([' ', '\t']);
    while let Some(before) = end.strip_suffix("\\\n") {
        end = before.trim_end();
    }
    end.trim().to_string()
}

fn br_tag_len(s: &str) -> Option<usize> {
    let lower: String = s.chars().take(8).collect::<String>().to_ascii_lowercase();
    ["<br>", "<br/>", "<br />"].iter().find(|t| lower.starts_with(*t)).map(|t| t.len())
}

/// Parses a whole file. `path` is the display path used in diagnostics.
pub fn parse_docfx(path: &str, source: &str) -> (DocFx, Vec<Diagnostic>) {
    let mut ctx = Ctx {
        source,
        diags: FileDiags::new(path, source),
        segments: 0,
        depth: 0,
        too_deep: false,
        aliases: BTreeMap::new(),
        last_heading: None,
    };
    let body_start;
    let front = match split_front_matter(source) {
        Some((yaml_start, yaml_end, end)) => {
            body_start = end;
            ctx.front_matter(yaml_start, yaml_end)
        }
        None => {
            body_start = usize::from(source.starts_with('\u{feff}')) * 3;
            ctx.diags.file(
                Severity::Warning,
                "no-front-matter",
                "the file has no `---` front matter",
            );
            FrontMatter::default()
        }
    };
    let lines = split_lines(source, body_start);
    let mut blocks = ctx.blocks(&lines);
    let Ctx { segments, too_deep, diags, aliases, .. } = ctx;
    links::resolve_links(&mut blocks, &aliases);
    (DocFx { front, blocks, segments, too_deep }, diags.finish())
}

/// (yaml start, yaml end, body start) byte offsets.
fn split_front_matter(source: &str) -> Option<(usize, usize, usize)> {
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &source[start..];
    let first_len = if rest.starts_with("---\n") {
        4
    } else if rest.starts_with("---\r\n") {
        5
    } else {
        return None;
    };
    let yaml_start = start + first_len;
    let mut offset = yaml_start;
    for line in source[yaml_start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((yaml_start, offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// The parser's state for one file.
struct Ctx<'a> {
    source: &'a str,
    diags: FileDiags<'a>,
    segments: usize,
    /// Block nesting at the blocks being parsed.
    depth: usize,
    too_deep: bool,
    /// Raw anchors that are not a heading's id, to the anchor (or heading text) of the
    /// heading links to them go to (empty: the top of the page).
    aliases: BTreeMap<String, String>,
    /// Anchor (or text) of the last heading below the H1 parsed so far.
    last_heading: Option<String>,
}

impl Ctx<'_> {
    fn diag(
        &mut self,
        severity: Severity,
        code: &'static str,
        at: usize,
        len: usize,
        message: String,
    ) {
        let end = (at + len).min(self.source.len());
        self.diags.at(severity, code, at..end, message);
    }

    /// The first `nesting-too-deep` error of the file (one is enough to skip it).
    fn too_deep(&mut self, at: usize, what: &str, limit: usize) {
        if !self.too_deep {
            self.too_deep = true;
            let message = format!(
                "{what} nested more than {limit} deep; the file is not imported (see docs/import.md)"
            );
            self.diag(Severity::Error, "nesting-too-deep", at, 1, message);
        }
    }

    fn front_matter(&mut self, start: usize, end: usize) -> FrontMatter {
        let yaml = &self.source[start..end];
        let map: BTreeMap<String, serde_json::Value> = match serde_saphyr::from_str(yaml) {
            Ok(Some(map)) => map,
            Ok(None) => BTreeMap::new(),
            Err(err) => {
                let at = err
                    .location()
                    .and_then(|loc| {
                        let line = usize::try_from(loc.line()).ok()?;
                        let col = usize::try_from(loc.column()).ok()?;
                        LineIndex::new(yaml).offset(yaml, line, col.max(1))
                    })
                    .unwrap_or(0);
                let message = format!(
                    "invalid YAML front matter: {}",
                    err.to_string().lines().next().unwrap_or("")
                );
                self.diag(Severity::Error, "yaml-syntax", start + at, 1, message);
                BTreeMap::new()
            }
        };
        let get = |key: &str| -> Option<String> {
            match map.get(key)? {
                serde_json::Value::String(s) => Some(s.trim().to_string()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                serde_json::Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }
        };
        // The revision names message ids (`earlier-<revision>-…`) and goes into the article's
        // TOML: DocFX writes a SHA-1 in hex; anything else is not used as one.
        let openlocfilehash = get("ms.openlocfilehash").filter(|revision| {
            let fine = !revision.is_empty() && revision.chars().all(|c| c.is_ascii_alphanumeric());
            if !fine {
                let at = yaml.find("ms.openlocfilehash").unwrap_or(0);
                let message = format!(
                    "`ms.openlocfilehash` is `{}`, not a revision id (letters and digits): the file's English revision is unknown",
                    revision.escape_debug()
                );
                self.diag(Severity::Warning, "invalid-revision", start + at, 18, message);
            }
            fine
        });
        FrontMatter {
            title: get("title"),
            description: get("description"),
            ms_topic: get("ms.topic"),
            ms_date: get("ms.date"),
            openlocfilehash,
            translationtype: get("ms.translationtype"),
            contentlocale: get("ms.contentlocale"),
            lasthandoff: get("ms.lasthandoff"),
        }
    }
}

#[cfg(test)]
mod tests;
