//! Parsing a DocFX Markdown file (plain or side-by-side) into front matter and a tree of
//! blocks whose text is a sequence of pieces: plain Markdown shared by both languages, and
//! segments (`<span data-ttu-id>translation</span><span class="sxs-lookup">…English…</span>`).
//!
//! This is a small line-based Markdown block parser tuned to what DocFX localization emits
//! (see `../shared/corpus/README.md`); it keeps every text byte-exact so messages carry the
//! original Markdown. It never panics: malformed spans become diagnostics and are kept as text.

use std::collections::BTreeMap;

use crate::content::AlertKind;
use crate::diag::{Diagnostic, LineIndex, Severity};

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
    Heading { level: u8, anchor: Option<String>, unit: Unit },
    Para(Unit),
    List { ordered: bool, items: Vec<Vec<DBlock>> },
    Quote { alert: Option<AlertKind>, blocks: Vec<DBlock> },
    Table { header: Vec<Unit>, rows: Vec<Vec<Unit>> },
    Image { src: String, alt: String, offset: usize },
    Code { lang: Option<String>, code: String },
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

/// Soft line breaks become spaces (or nothing inside a link URL), `<br>` becomes a Markdown
/// hard break (dropped at the end), and the ends are trimmed.
pub fn normalize_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(len) = br_tag_len(rest) {
                rest = rest[len..].trim_start();
                if !rest.is_empty() {
                    let kept = out.trim_end().len();
                    out.truncate(kept);
                    out.push_str("\\\n");
                }
                continue;
            }
        }
        if c == '\n' || c == '\r' {
            let kept = out.trim_end_matches([' ', '\t']).len();
            out.truncate(kept);
            rest = rest.trim_start_matches([' ', '\t', '\n', '\r']);
            if !in_link_destination(&out) && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.trim().to_string()
}

fn br_tag_len(s: &str) -> Option<usize> {
    let lower: String = s.chars().take(8).collect::<String>().to_ascii_lowercase();
    ["<br>", "<br/>", "<br />"].iter().find(|t| lower.starts_with(*t)).map(|t| t.len())
}

fn in_link_destination(out: &str) -> bool {
    out.rfind("](").is_some_and(|open| !out[open..].contains(')'))
}

/// Parses a whole file. `path` is the display path used in diagnostics.
pub fn parse_docfx(path: &str, source: &str) -> (DocFx, Vec<Diagnostic>) {
    let mut ctx = Ctx { path, source, diags: Vec::new(), segments: 0 };
    let body_start;
    let front = match split_front_matter(source) {
        Some((yaml_start, yaml_end, end)) => {
            body_start = end;
            ctx.front_matter(yaml_start, yaml_end)
        }
        None => {
            body_start = usize::from(source.starts_with('\u{feff}')) * 3;
            ctx.diags.push(Diagnostic::file(
                Severity::Warning,
                "no-front-matter",
                path,
                "the file has no `---` front matter",
            ));
            FrontMatter::default()
        }
    };
    let lines = split_lines(source, body_start);
    let blocks = ctx.blocks(&lines);
    let segments = ctx.segments;
    (DocFx { front, blocks, segments }, ctx.diags)
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

#[derive(Clone, Copy, Debug)]
struct Ln<'a> {
    text: &'a str,
    /// Byte offset of `text` in the file.
    off: usize,
}

fn split_lines(source: &str, start: usize) -> Vec<Ln<'_>> {
    let mut out = Vec::new();
    let mut off = start;
    for raw in source[start..].split_inclusive('\n') {
        let text = raw.trim_end_matches(['\n', '\r']);
        out.push(Ln { text, off });
        off += raw.len();
    }
    out
}

fn indent(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

fn dedent(l: Ln<'_>, n: usize) -> Ln<'_> {
    let n = n.min(indent(l.text));
    Ln { text: &l.text[n..], off: l.off + n }
}

/// A list marker at the start of a line: (indent, ordered, content column).
fn list_marker(s: &str) -> Option<(usize, bool, usize)> {
    let ind = indent(s);
    let rest = &s[ind..];
    let (ordered, marker_len) = match rest.as_bytes().first()? {
        b'-' | b'*' | b'+' => (false, 1),
        b'0'..=b'9' => {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 9 || !matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) {
                return None;
            }
            (true, digits + 1)
        }
        _ => return None,
    };
    let after = &rest[marker_len..];
    if after.is_empty() {
        return Some((ind, ordered, ind + marker_len + 1));
    }
    let spaces = indent(after);
    if spaces == 0 {
        return None;
    }
    // `***` or `---` are thematic breaks, not list items.
    if !ordered
        && after.trim().chars().all(|c| c == '*' || c == '-' || c == ' ')
        && !after.trim().is_empty()
    {
        return None;
    }
    let spaces = if spaces > 4 { 1 } else { spaces };
    Some((ind, ordered, ind + marker_len + spaces))
}

fn fence(s: &str) -> Option<&str> {
    let t = s.trim_start();
    if t.starts_with("```") {
        Some("```")
    } else if t.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

fn heading_level(s: &str) -> Option<(u8, &str)> {
    let t = s.trim_start();
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &t[hashes..];
    if rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t') {
        Some((u8::try_from(hashes).unwrap_or(6), rest))
    } else {
        None
    }
}

fn starts_block(s: &str) -> bool {
    let t = s.trim_start();
    heading_level(s).is_some()
        || fence(s).is_some()
        || t.starts_with('>')
        || t.starts_with(":::")
        || t.starts_with("<pre")
        || list_marker(s).is_some()
}

struct Ctx<'a> {
    path: &'a str,
    source: &'a str,
    diags: Vec<Diagnostic>,
    segments: usize,
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
        self.diags.push(Diagnostic::at(severity, code, self.path, self.source, at..end, message));
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
        FrontMatter {
            title: get("title"),
            description: get("description"),
            ms_topic: get("ms.topic"),
            ms_date: get("ms.date"),
            openlocfilehash: get("ms.openlocfilehash"),
            translationtype: get("ms.translationtype"),
            contentlocale: get("ms.contentlocale"),
            lasthandoff: get("ms.lasthandoff"),
        }
    }

    fn blocks(&mut self, lines: &[Ln<'_>]) -> Vec<DBlock> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            let t = line.text.trim_start();
            if t.is_empty() {
                i += 1;
                continue;
            }
            if let Some(marker) = fence(line.text) {
                i = self.fenced(lines, i, marker, &mut out);
            } else if t.starts_with("<pre") {
                i = self.pre(lines, i, &mut out);
            } else if let Some((level, rest)) = heading_level(line.text) {
                let off = line.off + (line.text.len() - rest.len());
                out.push(self.heading(level, rest, off));
                i += 1;
            } else if t.starts_with(":::image") || t.starts_with(":::") {
                i = self.image(lines, i, &mut out);
            } else if t.starts_with('>') {
                i = self.quote(lines, i, &mut out);
            } else if let Some((ind, ordered, _)) = list_marker(line.text) {
                i = self.list(lines, i, ind, ordered, &mut out);
            } else if t.starts_with('|')
                && lines.get(i + 1).is_some_and(|l| is_delimiter_row(l.text))
            {
                i = self.table(lines, i, &mut out);
            } else {
                let start = i;
                i += 1;
                while i < lines.len()
                    && !lines[i].text.trim().is_empty()
                    && !starts_block(lines[i].text)
                {
                    i += 1;
                }
                let unit = self.unit(&lines[start..i]);
                if !unit.is_empty() {
                    out.push(DBlock::Para(unit));
                }
            }
        }
        out
    }

    fn fenced(
        &mut self,
        lines: &[Ln<'_>],
        start: usize,
        marker: &str,
        out: &mut Vec<DBlock>,
    ) -> usize {
        let open = lines[start];
        let ind = indent(open.text);
        let info =
            open.text.trim_start().trim_start_matches(marker.chars().next().unwrap_or('`')).trim();
        let lang = info.split_whitespace().next().map(str::to_string);
        let mut i = start + 1;
        let mut code = Vec::new();
        let mut closed = false;
        while i < lines.len() {
            if lines[i].text.trim_start().starts_with(marker)
                && lines[i]
                    .text
                    .trim()
                    .trim_start_matches(marker.chars().next().unwrap_or('`'))
                    .is_empty()
            {
                closed = true;
                i += 1;
                break;
            }
            code.push(dedent(lines[i], ind).text);
            i += 1;
        }
        if !closed {
            self.diag(
                Severity::Warning,
                "unclosed-code",
                open.off,
                open.text.len(),
                "code block is not closed".into(),
            );
        }
        out.push(DBlock::Code { lang, code: code.join("\n") });
        i
    }

    fn pre(&mut self, lines: &[Ln<'_>], start: usize, out: &mut Vec<DBlock>) -> usize {
        let ind = indent(lines[start].text);
        let mut i = start;
        let mut text = Vec::new();
        while i < lines.len() {
            text.push(dedent(lines[i], ind).text);
            i += 1;
            if text.last().is_some_and(|l| l.contains("</pre>")) {
                break;
            }
        }
        let joined = text.join("\n");
        let inner = joined.trim();
        let inner = inner.strip_prefix("<pre>").unwrap_or(inner).trim_start();
        let inner = inner.strip_prefix("<code>").unwrap_or(inner);
        let inner = inner.strip_suffix("</pre>").unwrap_or(inner).trim_end();
        let inner = inner.strip_suffix("</code>").unwrap_or(inner);
        let code = inner
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        out.push(DBlock::Code { lang: None, code: code.trim_end_matches('\n').to_string() });
        i
    }

    fn heading(&mut self, level: u8, rest: &str, off: usize) -> DBlock {
        let trimmed = rest.trim_start();
        let mut off = off + (rest.len() - trimmed.len());
        let mut text = trimmed.trim_end().trim_end_matches('#').trim_end();
        let mut anchor = None;
        if text.starts_with("<a ") {
            if let Some(close) = text.find("</a>") {
                let tag = &text[..close];
                anchor = attr(tag, "name").or_else(|| attr(tag, "id")).map(str::to_string);
                let after = &text[close + 4..];
                let after_trim = after.trim_start();
                off += close + 4 + (after.len() - after_trim.len());
                text = after_trim;
            }
        }
        let unit = self.unit(&[Ln { text, off }]);
        DBlock::Heading { level, anchor, unit }
    }

    fn image(&mut self, lines: &[Ln<'_>], start: usize, out: &mut Vec<DBlock>) -> usize {
        // `:::image ... :::` may span lines; collect up to the closing `:::`.
        let mut i = start;
        let mut text = String::new();
        while i < lines.len() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(lines[i].text.trim());
            i += 1;
            if text.len() > 3 && text[3..].contains(":::") {
                break;
            }
        }
        let off = lines[start].off + indent(lines[start].text);
        if !text.starts_with(":::image") {
            self.diag(
                Severity::Warning,
                "unknown-extension",
                off,
                3,
                format!(
                    "unsupported DocFX extension `{}`; kept as text",
                    text.split_whitespace().next().unwrap_or(":::")
                ),
            );
            out.push(DBlock::Para(Unit { pieces: vec![Piece::Text(text)], offset: off }));
            return i;
        }
        let src = attr(&text, "source");
        let alt = attr(&text, "alt-text");
        match src {
            Some(src) => out.push(DBlock::Image {
                src: src.to_string(),
                alt: alt.unwrap_or("").trim().to_string(),
                offset: off,
            }),
            None => self.diag(
                Severity::Error,
                "malformed-image",
                off,
                text.len().min(lines[start].text.len()),
                "`:::image` has no `source=\"…\"`".into(),
            ),
        }
        if alt.is_none() && src.is_some() {
            self.diag(
                Severity::Warning,
                "malformed-image",
                off,
                8,
                "`:::image` has no `alt-text=\"…\"`".into(),
            );
        }
        i
    }

    fn quote(&mut self, lines: &[Ln<'_>], start: usize, out: &mut Vec<DBlock>) -> usize {
        let mut i = start;
        let mut inner = Vec::new();
        while i < lines.len() && lines[i].text.trim_start().starts_with('>') {
            let l = lines[i];
            let ind = indent(l.text);
            let after = &l.text[ind + 1..];
            let skip = usize::from(after.starts_with(' '));
            inner.push(Ln { text: &after[skip..], off: l.off + ind + 1 + skip });
            i += 1;
        }
        let mut alert = None;
        if let Some(first) = inner.iter().position(|l| !l.text.trim().is_empty()) {
            let t = inner[first].text.trim_start();
            if let Some(kind) = alert_kind(t) {
                alert = Some(kind);
                let close = t.find(']').map_or(t.len(), |c| c + 1);
                let rest = &t[close..];
                let off = inner[first].off + (inner[first].text.len() - t.len()) + close;
                inner[first] = Ln { text: rest, off };
            }
        }
        let blocks = self.blocks(&inner);
        out.push(DBlock::Quote { alert, blocks });
        i
    }

    fn list(
        &mut self,
        lines: &[Ln<'_>],
        start: usize,
        list_ind: usize,
        ordered: bool,
        out: &mut Vec<DBlock>,
    ) -> usize {
        let mut items = Vec::new();
        let mut i = start;
        while i < lines.len() {
            let Some((ind, item_ordered, col)) = list_marker(lines[i].text) else {
                break;
            };
            if item_ordered != ordered || ind > list_ind + 3 {
                break;
            }
            let first = lines[i];
            let content = first.text.get(col.min(first.text.len())..).unwrap_or("");
            let mut item = vec![Ln { text: content, off: first.off + col.min(first.text.len()) }];
            let mut prev_blank = content.trim().is_empty();
            i += 1;
            while i < lines.len() {
                let l = lines[i];
                let li = indent(l.text);
                if l.text.trim().is_empty() {
                    item.push(Ln { text: "", off: l.off });
                    prev_blank = true;
                } else if li >= col {
                    item.push(dedent(l, col));
                    prev_blank = false;
                } else if list_marker(l.text).is_some() && li <= ind {
                    break;
                } else if li > ind || (!prev_blank && !starts_block(l.text)) {
                    item.push(dedent(l, li));
                    prev_blank = false;
                } else {
                    break;
                }
                i += 1;
            }
            while item.len() > 1 && item.last().is_some_and(|l| l.text.trim().is_empty()) {
                item.pop();
            }
            items.push(self.blocks(&item));
            // Blank lines between items keep the list going.
            let mut j = i;
            while j < lines.len() && lines[j].text.trim().is_empty() {
                j += 1;
            }
            match lines.get(j).and_then(|l| list_marker(l.text)) {
                Some((next_ind, next_ordered, _))
                    if next_ordered == ordered && next_ind <= list_ind + 3 =>
                {
                    i = j
                }
                _ => break,
            }
        }
        out.push(DBlock::List { ordered, items });
        i
    }

    fn table(&mut self, lines: &[Ln<'_>], start: usize, out: &mut Vec<DBlock>) -> usize {
        let header = self.row(lines[start]);
        let mut rows = Vec::new();
        let mut i = start + 2;
        while i < lines.len() && lines[i].text.trim_start().starts_with('|') {
            rows.push(self.row(lines[i]));
            i += 1;
        }
        out.push(DBlock::Table { header, rows });
        i
    }

    fn row(&mut self, line: Ln<'_>) -> Vec<Unit> {
        let text = line.text;
        let mut cells = Vec::new();
        let mut depth = 0usize;
        let mut cell_start = None;
        let mut i = 0;
        let bytes = text.as_bytes();
        while i < bytes.len() {
            if bytes[i..].starts_with(b"<span") {
                depth += 1;
            } else if bytes[i..].starts_with(b"</span>") {
                depth = depth.saturating_sub(1);
            } else if bytes[i] == b'|' && depth == 0 && (i == 0 || bytes[i - 1] != b'\\') {
                if let Some(s) = cell_start {
                    cells.push((s, i));
                }
                cell_start = Some(i + 1);
            }
            i += 1;
        }
        if let Some(s) = cell_start {
            if !text[s..].trim().is_empty() {
                cells.push((s, text.len()));
            }
        }
        cells
            .into_iter()
            .map(|(s, e)| {
                let cell = &text[s..e];
                let lead = cell.len() - cell.trim_start().len();
                self.unit(&[Ln { text: cell.trim(), off: line.off + s + lead }])
            })
            .collect()
    }

    /// Joins paragraph lines and splits the text into pieces.
    fn unit(&mut self, lines: &[Ln<'_>]) -> Unit {
        let mut joined = String::new();
        let mut map = Vec::with_capacity(lines.len());
        for (n, l) in lines.iter().enumerate() {
            if n > 0 {
                joined.push('\n');
            }
            let t = l.text.trim_start();
            map.push((joined.len(), l.off + (l.text.len() - t.len())));
            joined.push_str(t);
        }
        let offset = map.first().map_or(0, |m| m.1);
        let abs = |pos: usize| -> usize {
            let idx = map.partition_point(|&(start, _)| start <= pos).saturating_sub(1);
            map.get(idx).map_or(offset, |&(start, off)| off + (pos - start))
        };
        let mut pieces = Vec::new();
        let mut plain_start = 0;
        let mut i = 0;
        while let Some(rel) = joined[i..].find("<span") {
            let at = i + rel;
            if joined[at..].starts_with(TTU) {
                match parse_group(&joined, at) {
                    Ok((seg, end, mismatch)) => {
                        if at > plain_start {
                            pieces.push(Piece::Text(joined[plain_start..at].to_string()));
                        }
                        if let Some(other) = mismatch {
                            let message = format!(
                                "`data-ttu-id=\"{}\"` is followed by the English of `data-stu-id=\"{other}\"`",
                                seg.id
                            );
                            self.diag(
                                Severity::Warning,
                                "span-id-mismatch",
                                abs(at),
                                TTU.len(),
                                message,
                            );
                        }
                        if seg.english.is_none() {
                            let message =
                                format!("segment `{}` has no `sxs-lookup` English", seg.id);
                            self.diag(
                                Severity::Warning,
                                "missing-english",
                                abs(at),
                                TTU.len(),
                                message,
                            );
                        }
                        self.segments += 1;
                        pieces.push(Piece::Seg(Segment { offset: abs(at), ..seg }));
                        i = end;
                        plain_start = end;
                    }
                    Err((message, err_at)) => {
                        self.diag(Severity::Error, "malformed-span", abs(err_at), 5, message);
                        i = at + 5;
                    }
                }
            } else if joined[at..].starts_with(LOOKUP) {
                self.diag(
                    Severity::Error,
                    "malformed-span",
                    abs(at),
                    LOOKUP.len(),
                    "English `sxs-lookup` span without a translation span before it".into(),
                );
                i = at + 5;
            } else {
                i = at + 5;
            }
        }
        if plain_start < joined.len() {
            pieces.push(Piece::Text(joined[plain_start..].to_string()));
        }
        Unit { pieces, offset }
    }
}

const TTU: &str = "<span data-ttu-id=\"";
const LOOKUP: &str = "<span class=\"sxs-lookup\">";

/// Parses one sxs group at `at`: (segment, end offset, id of a mismatched English span).
fn parse_group(text: &str, at: usize) -> Result<(Segment, usize, Option<String>), (String, usize)> {
    let id_start = at + TTU.len();
    let id_end = text[id_start..]
        .find('"')
        .map(|p| id_start + p)
        .ok_or(("unterminated `data-ttu-id` attribute".to_string(), at))?;
    let id = text[id_start..id_end].to_string();
    if !text[id_end..].starts_with("\">") {
        return Err((format!("expected `>` after `data-ttu-id=\"{id}\"`"), id_end));
    }
    let content = id_end + 2;
    let close = matching_close(text, content)
        .ok_or((format!("`<span data-ttu-id=\"{id}\">` is never closed"), at))?;
    let translation = text[content..close].to_string();
    let mut end = close + "</span>".len();
    let mut english = None;
    let mut mismatch = None;
    let after = &text[end..];
    let trimmed = after.trim_start_matches([' ', '\n']);
    if let Some(rest) = trimmed.strip_prefix(LOOKUP) {
        let lookup_at = end + (after.len() - trimmed.len());
        let stu = "<span data-stu-id=\"";
        let Some(stu_rest) = rest.strip_prefix(stu) else {
            return Err((
                "expected `<span data-stu-id=\"…\">` inside `sxs-lookup`".to_string(),
                lookup_at,
            ));
        };
        let stu_start = lookup_at + LOOKUP.len() + stu.len();
        let stu_end = stu_rest
            .find('"')
            .map(|p| stu_start + p)
            .ok_or(("unterminated `data-stu-id` attribute".to_string(), stu_start))?;
        let stu_id = &text[stu_start..stu_end];
        if !text[stu_end..].starts_with("\">") {
            return Err((format!("expected `>` after `data-stu-id=\"{stu_id}\"`"), stu_end));
        }
        if stu_id != id {
            mismatch = Some(stu_id.to_string());
        }
        let en_start = stu_end + 2;
        let en_close = matching_close(text, en_start)
            .ok_or((format!("English span `{stu_id}` is never closed"), lookup_at))?;
        english = Some(text[en_start..en_close].to_string());
        let outer = en_close + "</span>".len();
        if !text[outer..].starts_with("</span>") {
            return Err(("expected `</span>` closing the `sxs-lookup` span".to_string(), outer));
        }
        end = outer + "</span>".len();
    }
    Ok((Segment { id, translation, english, offset: at }, end, mismatch))
}

/// The `</span>` that closes a span whose content starts at `from`, counting nested spans.
fn matching_close(text: &str, from: usize) -> Option<usize> {
    let mut depth = 1usize;
    let mut i = from;
    loop {
        let open = text[i..].find("<span").map(|p| i + p);
        let close = text[i..].find("</span>").map(|p| i + p)?;
        match open {
            Some(o) if o < close => {
                depth += 1;
                i = o + 5;
            }
            _ => {
                depth -= 1;
                if depth == 0 {
                    return Some(close);
                }
                i = close + 7;
            }
        }
    }
}

/// `name="value"` inside a tag, tolerating a missing space before the attribute.
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut from = 0;
    while let Some(p) = tag[from..].find(name) {
        let at = from + p;
        let before_ok = at == 0
            || !tag.as_bytes()[at - 1].is_ascii_alphanumeric() && tag.as_bytes()[at - 1] != b'-';
        let rest = &tag[at + name.len()..];
        if before_ok {
            if let Some(q) = rest.strip_prefix("=\"") {
                return q.find('"').map(|end| &q[..end]);
            }
            if let Some(q) = rest.strip_prefix("='") {
                return q.find('\'').map(|end| &q[..end]);
            }
        }
        from = at + name.len();
    }
    None
}

fn alert_kind(t: &str) -> Option<AlertKind> {
    let inner = t.strip_prefix("[!")?;
    let name = &inner[..inner.find(']')?];
    Some(match name.trim().to_ascii_uppercase().as_str() {
        "NOTE" => AlertKind::Note,
        "IMPORTANT" => AlertKind::Important,
        "TIP" => AlertKind::Tip,
        "WARNING" => AlertKind::Warning,
        "CAUTION" => AlertKind::Caution,
        _ => return None,
    })
}

fn is_delimiter_row(s: &str) -> bool {
    let t = s.trim();
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

#[cfg(test)]
mod tests;
