//! Positioned diagnostics about one imported file, at a cost bounded by the file's size.
//!
//! Hostile input can make every segment of a multi-megabyte file a diagnostic, each quoting a
//! line that may be the whole file. So the file's line index is built once (not once per
//! diagnostic), and past [`MAX_DIAGS`] diagnostics or [`MAX_QUOTED_BYTES`] of quoted source
//! lines the rest are counted in one `too-many-diagnostics` summary.

use std::ops::Range;

use crate::diag::{Diagnostic, LineIndex, Severity};

/// Diagnostics kept per file and import stage (parsing, mapping, aligning).
pub(crate) const MAX_DIAGS: usize = 1000;
/// Source-line bytes the kept diagnostics of one file and stage may quote.
pub(crate) const MAX_QUOTED_BYTES: usize = 1 << 20;

/// Collects the diagnostics of one stage about one file.
pub(crate) struct FileDiags<'a> {
    path: &'a str,
    source: &'a str,
    index: Option<LineIndex>,
    diags: Vec<Diagnostic>,
    quoted: usize,
    dropped: usize,
    dropped_errors: usize,
}

impl<'a> FileDiags<'a> {
    pub(crate) fn new(path: &'a str, source: &'a str) -> FileDiags<'a> {
        FileDiags {
            path,
            source,
            index: None,
            diags: Vec::new(),
            quoted: 0,
            dropped: 0,
            dropped_errors: 0,
        }
    }

    fn full(&mut self, severity: Severity) -> bool {
        let full = self.diags.len() >= MAX_DIAGS || self.quoted >= MAX_QUOTED_BYTES;
        if full {
            self.dropped += 1;
            self.dropped_errors += usize::from(severity == Severity::Error);
        }
        full
    }

    /// A diagnostic at a byte span of the file; the same as [`Diagnostic::at`].
    pub(crate) fn at(
        &mut self,
        severity: Severity,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<String>,
    ) {
        if self.full(severity) {
            return;
        }
        let source = self.source;
        let index = self.index.get_or_insert_with(|| LineIndex::new(source));
        let pos = index.position(source, span);
        self.quoted += pos.line_text.len();
        self.diags.push(Diagnostic {
            severity,
            code,
            path: self.path.to_string(),
            pos: Some(std::sync::Arc::new(pos)),
            message: Into::<String>::into(message).into(),
            suggestions: Default::default(),
        });
    }

    /// A diagnostic about the whole file.
    pub(crate) fn file(
        &mut self,
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
    ) {
        if !self.full(severity) {
            self.diags.push(Diagnostic::file(severity, code, self.path, message));
        }
    }

    /// The diagnostics, and a summary of those left out (an error when one of them was).
    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        if self.dropped > 0 {
            let severity =
                if self.dropped_errors > 0 { Severity::Error } else { Severity::Warning };
            self.diags.push(Diagnostic::file(
                severity,
                "too-many-diagnostics",
                self.path,
                format!(
                    "{} more diagnostics about this file are not shown ({} of them errors)",
                    self.dropped, self.dropped_errors
                ),
            ));
        }
        self.diags
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn positions_are_those_of_diagnostic_at(
            source in "[a\r\n\u{e9}\u{4e2d}]{0,40}",
            start in 0usize..50,
            len in 0usize..20,
        ) {
            let mut sink = FileDiags::new("f.md", &source);
            sink.at(Severity::Warning, "x", start..start + len, "m");
            let expected =
                Diagnostic::at(Severity::Warning, "x", "f.md", &source, start..start + len, "m");
            prop_assert_eq!(sink.finish(), vec![expected]);
        }
    }

    #[test]
    fn past_the_limit_diagnostics_are_counted_in_one_summary() {
        let source = "line\n".repeat(10);
        let mut sink = FileDiags::new("f.md", &source);
        for n in 0..MAX_DIAGS + 5 {
            let severity = if n % 2 == 0 { Severity::Error } else { Severity::Warning };
            sink.at(severity, "x", 0..1, "m");
        }
        let diags = sink.finish();
        assert_eq!(diags.len(), MAX_DIAGS + 1);
        let last = diags.last().expect("summary");
        assert_eq!(last.code, "too-many-diagnostics");
        assert!(last.is_error(), "{last:?}");
        assert!(last.message.starts_with("5 more diagnostics"), "{}", last.message);
    }

    #[test]
    fn quoted_lines_are_bounded_too() {
        let source = "x".repeat(MAX_QUOTED_BYTES / 2 + 1);
        let mut sink = FileDiags::new("f.md", &source);
        for _ in 0..10 {
            sink.at(Severity::Warning, "x", 0..1, "m");
        }
        let diags = sink.finish();
        assert_eq!(diags.len(), 3);
        assert_eq!(
            &*diags[2].message,
            "8 more diagnostics about this file are not shown (0 of them errors)"
        );
    }
}
