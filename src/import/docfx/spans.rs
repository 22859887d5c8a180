//! Side-by-side segments inside a block's text: `<span data-ttu-id>` groups with their
//! `sxs-lookup` English, matched without an HTML parser.

use crate::diag::Severity;
use crate::import::docfx::blocks::Ln;
use crate::import::docfx::{Ctx, MAX_SPAN_DEPTH, Piece, Segment, Unit};

impl Ctx<'_> {
    /// Joins paragraph lines and splits the text into pieces.
    pub(super) fn unit(&mut self, lines: &[Ln<'_>]) -> Unit {
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
        let (joined, removed) = unescape_span_quotes(&joined);
        let abs = |pos: usize| -> usize {
            // Back to a position in the text before `&quot;` became `"`.
            let fixes = removed.partition_point(|&at| at < pos);
            let pos = pos + 5 * fixes;
            let idx = map.partition_point(|&(start, _)| start <= pos).saturating_sub(1);
            map.get(idx).map_or(offset, |&(start, off)| off + (pos - start))
        };
        if let Some(&first) = removed.first() {
            self.diag(
                Severity::Warning,
                "escaped-span-quote",
                abs(first),
                6,
                "a side-by-side `<span>` tag is written with `&quot;` for `\"` (the translation \
                 escaped its markup); read as `\"`"
                    .into(),
            );
        }
        let spans = Spans::new(&joined);
        if let Some(at) = spans.too_deep {
            self.too_deep(abs(at), "`<span>` tags", MAX_SPAN_DEPTH);
        }
        let mut pieces = Vec::new();
        let mut plain_start = 0;
        let mut i = 0;
        while let Some(rel) = joined[i..].find("<span") {
            let at = i + rel;
            if joined[at..].starts_with(TTU) {
                match parse_group(&joined, &spans, at) {
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

/// Machine translation sometimes escapes the quotes of the sxs tags themselves
/// (`<span data-ttu-id="x&quot;>…<span class=&quot;sxs-lookup&quot;>`): inside a `<span …>`
/// tag (up to its `>`), `&quot;` is read as `"`. Returns the text and, for each replacement,
/// its position in the returned text.
fn unescape_span_quotes(text: &str) -> (String, Vec<usize>) {
    if !text.contains("&quot;") {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("<span") {
        out.push_str(&rest[..i]);
        let tag_rest = &rest[i..];
        let end = tag_rest[1..].find(['>', '<']).map_or(tag_rest.len(), |j| j + 1);
        let tag = &tag_rest[..end];
        let mut t = tag;
        while let Some(q) = t.find("&quot;") {
            out.push_str(&t[..q]);
            removed.push(out.len());
            out.push('"');
            t = &t[q + 6..];
        }
        out.push_str(t);
        rest = &tag_rest[end..];
    }
    out.push_str(rest);
    (out, removed)
}

const TTU: &str = "<span data-ttu-id=\"";
const LOOKUP: &str = "<span class=\"sxs-lookup\">";
const OPEN: &[u8] = b"<span";
const CLOSE: &[u8] = b"</span>";
/// Longest segment id looked at: real ids are like `c452a-103`; an attribute that does not
/// end within this many bytes is reported as unterminated (and costs no more than that).
const MAX_ID_LEN: usize = 256;

/// Every `<span` and `</span>` of a text, indexed once, so that finding the `</span>` that
/// closes a span is a lookup rather than a scan (a scan per span is quadratic in nested
/// spans).
struct Spans {
    /// Positions of the tags, in order, with the nesting depth before each (opens minus
    /// closes so far; negative after stray closes).
    tags: Vec<(usize, i64)>,
    /// For each depth from `min_depth` up, the `</span>` positions after which the depth is
    /// that, in order.
    closes_to: Vec<Vec<usize>>,
    min_depth: i64,
    /// Depth after the last tag.
    end_depth: i64,
    /// The first `<span` nested deeper than [`MAX_SPAN_DEPTH`] (stray closes not counted).
    too_deep: Option<usize>,
}

impl Spans {
    fn new(text: &str) -> Spans {
        let bytes = text.as_bytes();
        let mut spans = Spans {
            tags: Vec::new(),
            closes_to: Vec::new(),
            min_depth: 0,
            end_depth: 0,
            too_deep: None,
        };
        let (mut depth, mut open_depth) = (0i64, 0usize);
        let mut i = 0;
        while let Some(p) = bytes[i..].iter().position(|&b| b == b'<') {
            let at = i + p;
            if bytes[at..].starts_with(OPEN) {
                spans.tags.push((at, depth));
                depth += 1;
                open_depth += 1;
                if open_depth > MAX_SPAN_DEPTH && spans.too_deep.is_none() {
                    spans.too_deep = Some(at);
                }
                i = at + OPEN.len();
            } else if bytes[at..].starts_with(CLOSE) {
                spans.tags.push((at, depth));
                depth -= 1;
                spans.min_depth = spans.min_depth.min(depth);
                open_depth = open_depth.saturating_sub(1);
                i = at + CLOSE.len();
            } else {
                i = at + 1;
            }
        }
        spans.end_depth = depth;
        for &(at, before) in &spans.tags {
            if text.as_bytes()[at + 1] == b'/' {
                let slot = usize::try_from(before - 1 - spans.min_depth).unwrap_or(0);
                if spans.closes_to.len() <= slot {
                    spans.closes_to.resize_with(slot + 1, Vec::new);
                }
                spans.closes_to[slot].push(at);
            }
        }
        spans
    }

    /// The `</span>` that closes a span whose content starts at `from`, counting nested
    /// spans: the first `</span>` at or after `from` that brings the depth below the depth
    /// at `from`.
    fn matching_close(&self, from: usize) -> Option<usize> {
        let next = self.tags.partition_point(|&(at, _)| at < from);
        let depth = self.tags.get(next).map_or(self.end_depth, |&(_, d)| d);
        let closes = self.closes_to.get(usize::try_from(depth - 1 - self.min_depth).ok()?)?;
        closes.get(closes.partition_point(|&at| at < from)).copied()
    }
}

/// The end of a `"`-terminated attribute value starting at `from`, if short enough.
fn attr_end(text: &str, from: usize) -> Option<usize> {
    let window = &text.as_bytes()[from..text.len().min(from + MAX_ID_LEN)];
    window.iter().position(|&b| b == b'"').map(|p| from + p)
}

/// Parses one sxs group at `at`: (segment, end offset, id of a mismatched English span).
fn parse_group(
    text: &str,
    spans: &Spans,
    at: usize,
) -> Result<(Segment, usize, Option<String>), (String, usize)> {
    let id_start = at + TTU.len();
    let id_end =
        attr_end(text, id_start).ok_or(("unterminated `data-ttu-id` attribute".to_string(), at))?;
    let id = text[id_start..id_end].to_string();
    if !text[id_end..].starts_with("\">") {
        return Err((format!("expected `>` after `data-ttu-id=\"{id}\"`"), id_end));
    }
    let content = id_end + 2;
    let close = spans
        .matching_close(content)
        .ok_or((format!("`<span data-ttu-id=\"{id}\">` is never closed"), at))?;
    let mut end = close + CLOSE.len();
    let mut english = None;
    let mut mismatch = None;
    let after = &text[end..];
    let trimmed = after.trim_start_matches([' ', '\n']);
    if let Some(rest) = trimmed.strip_prefix(LOOKUP) {
        let lookup_at = end + (after.len() - trimmed.len());
        let stu = "<span data-stu-id=\"";
        if !rest.starts_with(stu) {
            return Err((
                "expected `<span data-stu-id=\"…\">` inside `sxs-lookup`".to_string(),
                lookup_at,
            ));
        }
        let stu_start = lookup_at + LOOKUP.len() + stu.len();
        let stu_end = attr_end(text, stu_start)
            .ok_or(("unterminated `data-stu-id` attribute".to_string(), stu_start))?;
        let stu_id = &text[stu_start..stu_end];
        if !text[stu_end..].starts_with("\">") {
            return Err((format!("expected `>` after `data-stu-id=\"{stu_id}\"`"), stu_end));
        }
        if stu_id != id {
            mismatch = Some(stu_id.to_string());
        }
        let en_start = stu_end + 2;
        let en_close = spans
            .matching_close(en_start)
            .ok_or((format!("English span `{stu_id}` is never closed"), lookup_at))?;
        let outer = en_close + CLOSE.len();
        if !text[outer..].starts_with("</span>") {
            return Err(("expected `</span>` closing the `sxs-lookup` span".to_string(), outer));
        }
        // Copied only once the group is known to be well formed, so that a malformed group
        // (retried from its next `<span`) costs no copy of a long text.
        english = Some(text[en_start..en_close].to_string());
        end = outer + CLOSE.len();
    }
    let translation = text[content..close].to_string();
    Ok((Segment { id, translation, english, offset: at }, end, mismatch))
}
