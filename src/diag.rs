//! Diagnostics: problems found in the user's input, with a position, rendered like rustc.
//!
//! Problems in input are data, not `Err`: loaders and checks return them in a `Vec` and keep
//! going. A diagnostic resolves its byte span to line and column when it is created, so it is
//! self-contained (no source map has to travel with it).

use std::fmt::Write as _;
use std::ops::Range;

use unicode_width::UnicodeWidthChar as _;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A resolved position: 1-based line, 1-based column counted in characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub col: usize,
    /// The whole source line, without its line ending.
    pub line_text: String,
    /// Width of the caret underline, in characters (at least 1).
    pub width: usize,
}

/// One problem in the user's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable kebab-case code, e.g. `missing-message`.
    pub code: &'static str,
    /// Path relative to the project root, with `/` separators.
    pub path: String,
    /// Behind a pointer: a diagnostic travels in `Result`s and large vectors, and stays
    /// small; shared, so that a copy (the check's status keeps one of each for the
    /// dashboards) does not copy the source line.
    pub pos: Option<std::sync::Arc<Position>>,
    pub message: std::sync::Arc<str>,
    /// Ways to fix the problem, best first (rustc's suggestions).
    pub suggestions: Vec<Suggestion>,
}

/// How sure a [`Suggestion`] is, as rustc's `Applicability`: `check --fix` applies only
/// the machine-applicable ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// The replacement is what was meant; applying it needs no review.
    MachineApplicable,
    /// Likely right, but a person should look (it may change wording).
    MaybeIncorrect,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::MachineApplicable => "machine-applicable",
            Applicability::MaybeIncorrect => "maybe-incorrect",
        }
    }
}

/// One replacement in the diagnostic's file: bytes `span` of its text (without a byte-order
/// mark) become `replacement`; `start`/`end` are the same span as 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edit {
    pub span: Range<usize>,
    pub start: (usize, usize),
    pub end: (usize, usize),
    pub replacement: String,
}

/// A fix for a diagnostic: edits to its file, applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Suggestion {
    /// What the fix does, e.g. "reference the UI label".
    pub message: String,
    pub applicability: Applicability,
    /// Sorted by position, not overlapping.
    pub edits: Vec<Edit>,
    /// The first edited line as it reads after the fix (for the human rendering).
    pub fixed_line: String,
    /// 1-based number of that line.
    pub line: usize,
}

impl Suggestion {
    /// A suggestion of `edits` (any order; `None` when two overlap or one is out of `source`).
    pub fn new(
        source: &str,
        message: impl Into<String>,
        applicability: Applicability,
        edits: Vec<(Range<usize>, String)>,
    ) -> Option<Suggestion> {
        let mut edits = edits;
        edits.sort_by_key(|(span, _)| (span.start, span.end));
        let ok = edits.windows(2).all(|w| w[0].0.end <= w[1].0.start)
            && edits.iter().all(|(span, _)| {
                span.start <= span.end
                    && source.is_char_boundary(span.start)
                    && source.is_char_boundary(span.end)
                    && span.end <= source.len()
            });
        let first = edits.first()?;
        if !ok {
            return None;
        }
        let index = LineIndex::new(source);
        let line = index.line_col(source, first.0.start).0;
        let line_start = index.line_starts[line - 1];
        let line_end = index.line_end(source, line - 1);
        let after = apply_edits(
            source,
            edits.iter().map(|(span, text)| (span.clone(), text.as_str())).collect::<Vec<_>>(),
        );
        // The edited line ends where the original's end moved to.
        let shift: isize = edits
            .iter()
            .filter(|(span, _)| span.end <= line_end)
            .map(|(span, text)| text.len() as isize - span.len() as isize)
            .sum();
        let new_end = (line_end as isize + shift).max(line_start as isize) as usize;
        let fixed_line = after.get(line_start..new_end).unwrap_or_default();
        let fixed_line = fixed_line.split('\n').next().unwrap_or_default().to_string();
        let edits = edits
            .into_iter()
            .map(|(span, replacement)| Edit {
                start: index.line_col(source, span.start),
                end: index.line_col(source, span.end),
                span,
                replacement,
            })
            .collect();
        Some(Suggestion { message: message.into(), applicability, edits, fixed_line, line })
    }
}

/// `source` with each `(span, replacement)` applied; the spans are sorted and do not overlap.
pub fn apply_edits(source: &str, edits: Vec<(Range<usize>, &str)>) -> String {
    let mut out = String::with_capacity(source.len() + 64);
    let mut at = 0;
    for (span, text) in edits {
        out.push_str(&source[at..span.start]);
        out.push_str(text);
        at = span.end;
    }
    out.push_str(&source[at..]);
    out
}

impl Diagnostic {
    /// A diagnostic at a byte span of `source` (the contents of `path`).
    pub fn at(
        severity: Severity,
        code: &'static str,
        path: &str,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            path: path.to_string(),
            pos: Some(std::sync::Arc::new(position(source, span))),
            message: Into::<String>::into(message).into(),
            suggestions: Vec::new(),
        }
    }

    /// [`Diagnostic::at`] with the source's line index made already (for many diagnostics
    /// in the same text).
    pub fn at_indexed(
        severity: Severity,
        code: &'static str,
        path: &str,
        (source, index): (&str, &LineIndex),
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            path: path.to_string(),
            pos: Some(std::sync::Arc::new(index.position(source, span))),
            message: Into::<String>::into(message).into(),
            suggestions: Vec::new(),
        }
    }

    /// A diagnostic about a whole file (or no file at all when `path` is empty).
    pub fn file(
        severity: Severity,
        code: &'static str,
        path: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            path: path.to_string(),
            pos: None,
            message: Into::<String>::into(message).into(),
            suggestions: Vec::new(),
        }
    }

    pub fn error(
        code: &'static str,
        path: &str,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::at(Severity::Error, code, path, source, span, message)
    }

    pub fn warning(
        code: &'static str,
        path: &str,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::at(Severity::Warning, code, path, source, span, message)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (&str, usize, usize, Severity, &str, &str) {
        let (line, col) = self.pos.as_ref().map_or((0, 0), |p| (p.line, p.col));
        (&self.path, line, col, self.severity, self.code, &self.message)
    }

    /// `path:line:col: severity[code]: message`, the first line of the rendering.
    pub fn headline(&self) -> String {
        let mut out = String::new();
        if !self.path.is_empty() {
            out.push_str(&escape_controls(&self.path));
            if let Some(pos) = &self.pos {
                let _ = write!(out, ":{}:{}", pos.line, pos.col);
            }
            out.push_str(": ");
        }
        let message = escape_controls(&self.message);
        let _ = write!(out, "{}[{}]: {message}", self.severity.as_str(), self.code);
        out
    }

    /// The headline, then the source line and a caret under the span.
    pub fn render(&self) -> String {
        let mut out = self.headline();
        out.push('\n');
        if let Some(pos) = &self.pos {
            let gutter = pos.line.to_string();
            let pad = " ".repeat(gutter.len());
            let (line, col) = shown_window(&sanitize_line(&pos.line_text), pos.col);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{gutter} | {line}");
            // The caret goes under the span as a terminal shows the line: a wide (CJK)
            // character takes two columns, a combining mark none, a tab stays a tab.
            let lead: String = line
                .chars()
                .take(col - 1)
                .flat_map(|c| {
                    let (fill, n) =
                        if c == '\t' { ('\t', 1) } else { (' ', c.width().unwrap_or(0)) };
                    std::iter::repeat_n(fill, n)
                })
                .collect();
            let carets: usize = line
                .chars()
                .skip(col - 1)
                .take(pos.width)
                .map(|c| if c == '\t' { 1 } else { c.width().unwrap_or(0) })
                .sum();
            let _ = writeln!(out, "{pad} | {lead}{}", "^".repeat(carets.max(1)));
        }
        for suggestion in self.suggestions.iter() {
            let gutter = suggestion.line.to_string();
            let pad = " ".repeat(gutter.len());
            let _ = writeln!(
                out,
                "{pad} = help: {} ({})",
                suggestion.message,
                suggestion.applicability.as_str()
            );
            let (line, _) = shown_window(&sanitize_line(&suggestion.fixed_line), 1);
            let _ = writeln!(out, "{gutter} | {line}");
        }
        out
    }
}

/// Characters of a source line shown at most: a longer line (minified or pathological input)
/// is cut to a window around the column, marked with `…` where it was cut.
const MAX_SHOWN: usize = 160;

/// `line` cut to [`MAX_SHOWN`] characters around `col` (1-based), and the column within it.
fn shown_window(line: &str, col: usize) -> (String, usize) {
    let count = line.chars().count();
    if count <= MAX_SHOWN {
        return (line.to_string(), col);
    }
    let start = col.saturating_sub(1).saturating_sub(MAX_SHOWN / 2).min(count - MAX_SHOWN);
    let end = start + MAX_SHOWN;
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(start).take(MAX_SHOWN));
    if end < count {
        shown.push('…');
    }
    (shown, col - start + usize::from(start > 0))
}

/// Control characters (including bidi controls) in a source line are shown escaped, so a
/// terminal never reorders or hides what the diagnostic points at.
fn sanitize_line(line: &str) -> String {
    line.chars().map(|c| if is_invisible_control(c) { '\u{FFFD}' } else { c }).collect()
}

/// `text` (a message, a path: they may quote a translation or name a file) with every
/// [`is_invisible_control`] character but a line break written as an escape (`\u{1b}`): a
/// terminal shows it rather than obeying it.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| c != '\n' && is_invisible_control(c);
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// Bidi controls, zero-width characters and C0/C1 controls other than tab.
pub fn is_invisible_control(c: char) -> bool {
    crate::md_shape::is_invisible(c) || (c.is_control() && c != '\t')
}

/// Sorts diagnostics by path, line, column (then severity, code, message) and removes duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    // Stable, as `sort_by`: diagnostics with the same key keep their order.
    use rayon::slice::ParallelSliceMut;
    diags.par_sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
}

/// `N errors, M warnings`.
pub fn summary(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    format!(
        "{errors} error{}, {warnings} warning{}",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    )
}

/// Renders all diagnostics (sorted) followed by the summary line.
pub fn render_all(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diag in diags {
        out.push_str(&diag.render());
    }
    out.push_str(&summary(diags));
    out.push('\n');
    out
}

/// Warnings of one code that `build`, `serve` and `package` show; `check` shows them all.
pub const WARNINGS_SHOWN_PER_CODE: usize = 10;

/// What `build`, `serve` and `package` print: every error, at most [`WARNINGS_SHOWN_PER_CODE`]
/// warnings of each code (a project in translation has thousands), then the summary.
pub fn render_report(diags: &[Diagnostic]) -> String {
    render_capped(diags, WARNINGS_SHOWN_PER_CODE, "drillbook check")
}

/// [`render_all`] with at most `per_code` warnings of each code: the rest of a code's
/// warnings are counted on one line that names `listed_by`, the command that lists them all.
/// Errors are all shown. Only what is shown is rendered; the summary line counts everything.
pub fn render_capped(diags: &[Diagnostic], per_code: usize, listed_by: &str) -> String {
    let mut shown: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    let mut out = String::new();
    for diag in diags {
        if !diag.is_error() {
            let count = shown.entry(diag.code).or_default();
            *count += 1;
            if *count > per_code {
                continue;
            }
        }
        out.push_str(&diag.render());
    }
    for (code, count) in shown.into_iter().filter(|(_, n)| *n > per_code) {
        let more = count - per_code;
        let _ = writeln!(
            out,
            "warning: … and {more} more `{code}` warning{}: `{listed_by}` lists them all",
            if more == 1 { "" } else { "s" }
        );
    }
    out.push_str(&summary(diags));
    out.push('\n');
    out
}

/// Byte offset -> line:col over one source text. Lines end at `\n`; a `\r` before it belongs
/// to the line ending. Columns count characters, so CJK text and a BOM count as one each.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// 1-based (line, col) of a byte offset; offsets past the end or inside a character are
    /// clamped to the nearest character boundary at or before them.
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(source, offset);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        // An offset inside a CRLF line ending points at the end of the line.
        let end = self.line_end(source, line).max(start);
        let col = source[start..offset.min(end)].chars().count() + 1;
        (line + 1, col)
    }

    /// Byte offset of a 1-based (line, col); `None` when out of range.
    pub fn offset(&self, source: &str, line: usize, col: usize) -> Option<usize> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self.line_end(source, line - 1);
        let text = &source[start..end];
        if col == 0 {
            return None;
        }
        let n_chars = text.chars().count();
        if col - 1 > n_chars {
            return None;
        }
        Some(start + text.char_indices().nth(col - 1).map_or(text.len(), |(i, _)| i))
    }

    fn line_end(&self, source: &str, line_idx: usize) -> usize {
        let end = self.line_starts.get(line_idx + 1).map_or(source.len(), |&next| next - 1);
        let start = self.line_starts[line_idx];
        if end > start && source.as_bytes()[end - 1] == b'\r' { end - 1 } else { end }
    }

    /// The position of byte span `span` of `source` (the text this index was built from):
    /// its line and column, the source line, and the caret width within that line.
    pub fn position(&self, source: &str, span: Range<usize>) -> Position {
        let (line, col) = self.line_col(source, span.start);
        let start = self.line_starts[line - 1];
        let end = self.line_end(source, line - 1);
        let line_text = source[start..end.max(start)].to_string();
        let span_end = floor_char_boundary(source, span.end.min(end).max(span.start));
        let span_start = floor_char_boundary(source, span.start);
        let width = source[span_start..span_end.max(span_start)].chars().count().max(1);
        Position { line, col, line_text, width }
    }
}

/// [`LineIndex::position`] of one span, without indexing the whole text: a check makes
/// thousands of diagnostics in the same files, and indexing each file again for every one
/// of them cost more than the checks that found them. Only the bytes up to the end of the
/// span's line are read.
pub fn position(source: &str, span: Range<usize>) -> Position {
    let offset = floor_char_boundary(source, span.start);
    let bytes = source.as_bytes();
    let start = bytes[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    // Counting bytes (not matching a pattern) keeps this a tight loop.
    let line = 1 + bytes[..start].iter().filter(|&&b| b == b'\n').count();
    let mut end =
        bytes[start..].iter().position(|&b| b == b'\n').map_or(source.len(), |i| start + i);
    if end > start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    // An offset inside a CRLF line ending points at the end of the line.
    let col = source[start..offset.min(end).max(start)].chars().count() + 1;
    let line_text = source[start..end.max(start)].to_string();
    let span_end = floor_char_boundary(source, span.end.min(end).max(offset));
    let width = source[offset..span_end.max(offset)].chars().count().max(1);
    Position { line, col, line_text, width }
}

fn floor_char_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests;
