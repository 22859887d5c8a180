//! The block structure of a DocFX body: headings, paragraphs, lists, block quotes and
//! alerts, tables, images and code, parsed line by line into [`DBlock`]s.

use crate::content::{AlertKind, NotIncludedKind};
use crate::diag::Severity;
use crate::import::docfx::extensions::{image_then_text, include_target, is_container_marker};
use crate::import::docfx::{Ctx, DBlock, MAX_BLOCK_DEPTH, Piece, Unit};

/// One line of the body (or of a block's content, with the container's markers removed).
#[derive(Clone, Copy, Debug)]
pub(super) struct Ln<'a> {
    pub(super) text: &'a str,
    /// Byte offset of `text` in the file.
    pub(super) off: usize,
}

pub(super) fn split_lines(source: &str, start: usize) -> Vec<Ln<'_>> {
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
    s.bytes().position(|b| b != b' ').unwrap_or(s.len())
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

/// A code fence opener. As in CommonMark, a backtick fence's info string holds no backtick:
/// ```` ``` <Deny … /> ``` ```` on one line is a paragraph with a code span, not an opener
/// that would swallow the rest of the article.
fn fence(s: &str) -> Option<&str> {
    let t = s.trim_start();
    if t.starts_with("```") {
        t.trim_start_matches('`').find('`').is_none().then_some("```")
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
        || t.starts_with(":::") && !image_then_text(t)
        || t.starts_with("<pre")
        || list_marker(s).is_some()
}

impl Ctx<'_> {
    /// The blocks inside a block quote or list item that starts at byte `at`, or none (and a
    /// `nesting-too-deep` error) past [`MAX_BLOCK_DEPTH`].
    fn nested(&mut self, at: usize, lines: &[Ln<'_>]) -> Vec<DBlock> {
        if self.depth >= MAX_BLOCK_DEPTH {
            self.too_deep(at, "block quotes and lists", MAX_BLOCK_DEPTH);
            return Vec::new();
        }
        self.depth += 1;
        let blocks = self.blocks(lines);
        self.depth -= 1;
        blocks
    }

    pub(super) fn blocks(&mut self, lines: &[Ln<'_>]) -> Vec<DBlock> {
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
            } else if is_container_marker(t) {
                // `::: moniker range="…"`, `::: zone pivot="…"`, `:::row:::`, their ends:
                // Learn shows the content between them; the markers themselves show nothing.
                i += 1;
            } else if t.starts_with(":::") && !image_then_text(t) {
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
                if let Some(target) = include_target(&lines[start..i]) {
                    let off = lines[start].off + indent(lines[start].text);
                    self.not_included(
                        off,
                        10,
                        NotIncludedKind::Include,
                        target,
                        "[!INCLUDE]",
                        &mut out,
                    );
                    continue;
                }
                let unit = self.unit(&lines[start..i]);
                if let Some(anchors) = only_anchors(&unit) {
                    // `<a id="x"></a>` on its own: links to it go to the section it is in.
                    let target = self.last_heading.clone().unwrap_or_default();
                    for anchor in anchors {
                        self.aliases.insert(anchor, target.clone());
                    }
                } else if !unit.is_empty() {
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
        let mut anchor: Option<String> = None;
        // `## <a name="x"></a><a id="y"></a>Text`: the first anchor is the heading's id, the
        // others are aliases of it (links to them are rewritten, see `resolve_links`).
        while text.starts_with("<a ") {
            let Some(close) = text.find("</a>") else { break };
            let tag = &text[..close];
            if let Some(name) = attr(tag, "name").or_else(|| attr(tag, "id")) {
                match &anchor {
                    None => anchor = Some(name.to_string()),
                    Some(first) => {
                        self.aliases.insert(name.to_string(), first.clone());
                    }
                }
            }
            let after = &text[close + 4..];
            let after_trim = after.trim_start();
            off += close + 4 + (after.len() - after_trim.len());
            text = after_trim;
        }
        let unit = self.unit(&[Ln { text, off }]);
        if level > 1 {
            let base = anchor.clone().or_else(|| unit.text(true)).unwrap_or_default();
            self.last_heading = Some(base);
        }
        DBlock::Heading { level, anchor, unit }
    }

    fn image(&mut self, lines: &[Ln<'_>], start: usize, out: &mut Vec<DBlock>) -> usize {
        // `:::image ... :::` may span lines; collect up to the closing `:::`.
        let mut i = start;
        let mut text = String::new();
        while i < lines.len() {
            // Only the new text (and the two bytes before it) can complete the closing `:::`.
            let from = text.len().saturating_sub(2).max(3);
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(lines[i].text.trim());
            i += 1;
            if text.as_bytes().get(from..).is_some_and(|new| new.windows(3).any(|w| w == b":::")) {
                break;
            }
        }
        let off = lines[start].off + indent(lines[start].text);
        if !text.starts_with(":::image") {
            let name: String = text[3..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            let (kind, target) = match name.as_str() {
                "code" => (NotIncludedKind::Code, attr(&text, "source").unwrap_or("").to_string()),
                _ => {
                    (NotIncludedKind::Extension, attr(&text, "source").unwrap_or(&name).to_string())
                }
            };
            self.not_included(off, 3, kind, target, &format!(":::{name}"), out);
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
        let mut div = false;
        if let Some(first) = inner.iter().position(|l| !l.text.trim().is_empty()) {
            let t = inner[first].text.trim_start();
            if t.starts_with("[!div") {
                // `> [!div class="nextstepaction"]`, `> [!div class="mx-imgBorder"]`: DocFX
                // renders the quote's content in a styled `<div>`, not as a quote.
                div = true;
                let close = t.find(']').map_or(t.len(), |c| c + 1);
                let off = inner[first].off + (inner[first].text.len() - t.len()) + close;
                inner[first] = Ln { text: &t[close..], off };
            } else if let Some(url) =
                t.strip_prefix("[!VIDEO").or_else(|| t.strip_prefix("[!video"))
            {
                // `> [!VIDEO url]`: an embedded player on Learn.
                let close = url.find(']').unwrap_or(url.len());
                let off = inner[first].off + (inner[first].text.len() - t.len());
                let target = url[..close].trim().to_string();
                self.not_included(off, 7, NotIncludedKind::Video, target, "[!VIDEO]", out);
                div = true;
                let rest = &url[(close + 1).min(url.len())..];
                inner[first] = Ln { text: rest, off: off + (t.len() - rest.len()) };
            } else if let Some(kind) = alert_kind(t) {
                alert = Some(kind);
                let close = t.find(']').map_or(t.len(), |c| c + 1);
                let rest = &t[close..];
                let off = inner[first].off + (inner[first].text.len() - t.len()) + close;
                inner[first] = Ln { text: rest, off };
            }
        }
        let first = lines[start];
        let blocks = self.nested(first.off + indent(first.text), &inner);
        if div {
            out.extend(blocks);
        } else {
            out.push(DBlock::Quote { alert, blocks });
        }
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
            items.push(self.nested(first.off + ind, &item));
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
}

/// `name="value"` inside a tag, tolerating a missing space before the attribute.
/// The anchor names of a paragraph made only of `<a name|id="…"></a>` tags.
fn only_anchors(unit: &Unit) -> Option<Vec<String>> {
    let [Piece::Text(text)] = unit.pieces.as_slice() else { return None };
    let mut rest = text.trim();
    let mut names = Vec::new();
    while let Some(after) = rest.strip_prefix("<a ") {
        let close = after.find("</a>")?;
        let tag = &after[..close];
        if !tag.trim_end().ends_with('>') || tag[..tag.len() - 1].contains('>') {
            return None;
        }
        names.push(attr(tag, "id").or_else(|| attr(tag, "name"))?.to_string());
        rest = after[close + 4..].trim_start();
    }
    (rest.is_empty() && !names.is_empty()).then_some(names)
}

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
