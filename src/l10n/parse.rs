//! Parsing one `.ftl` source, the one place every translation file goes through, and the
//! diagnostics its parser errors become.
//!
//! Nesting is bounded in the parser itself (`vendor/fluent-syntax`, PATCHED.md): an entry
//! whose placeables, select variants and function calls nest more than [`MAX_NESTING`]
//! levels deep is junk, reported as `nesting-too-deep`. So neither fluent-bundle's resolver
//! nor any walker of the AST (all recursive) ever sees a deeper entry, and a hostile file
//! cannot overflow the stack.

use std::ops::Range;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::parser::{ErrorKind, ParserError};

use crate::diag::Diagnostic;
use crate::l10n::FtlFile;

/// How deep placeables, select variants and function calls may nest in one entry. A real
/// message nests two or three levels (a term inside a select inside a placeable); each level
/// costs every recursive walker a few stack frames, and 32 levels stay far within the
/// smallest stack a worker thread has.
pub use fluent_syntax::parser::MAX_NESTING;

/// The codes [`parser_error`] gives.
pub const PARSER_CODES: [&str; 2] = ["ftl-syntax", "nesting-too-deep"];

/// Parses one FTL source. Junk (syntax errors) becomes `ftl-syntax` diagnostics at the
/// position of the error, and an entry nested too deep `nesting-too-deep`; the valid
/// entries are kept.
pub fn parse_ftl(path: &str, source: String) -> (FtlFile, Vec<Diagnostic>) {
    // A byte-order mark is not part of the text (the Fluent parser would see junk).
    let source = match source.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => source,
    };
    let (resource, errors) = match FluentResource::try_new(source) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let source = resource.source();
    let diags = errors
        .iter()
        .map(|err| {
            let (code, span, message) = parser_error(source, err);
            Diagnostic::error(code, path, source, span, message)
        })
        .collect();
    (FtlFile { path: path.to_string(), resource: Arc::new(resource), errors }, diags)
}

/// The code, span and message of the diagnostic for parser error `err` in `source`.
pub fn parser_error(source: &str, err: &ParserError) -> (&'static str, Range<usize>, String) {
    let junk_start = err.slice.as_ref().map_or(0, |s| s.start).min(source.len());
    let mut start = err.pos.start.min(source.len());
    if let ErrorKind::NestingTooDeep(limit) = err.kind {
        // The parser stops right after the brace or parenthesis one level too deep.
        if start > junk_start && matches!(source.as_bytes()[start - 1], b'{' | b'(') {
            start -= 1;
        }
        let id = entry_id(&source[junk_start..]);
        let message = format!(
            "`{id}` nests placeables, selects or function calls more than {limit} levels deep; \
             the entry is left out (flatten it or split it into several messages)"
        );
        return ("nesting-too-deep", start..start + 1, message);
    }
    // An error found at the start of the next line (an unclosed `{`) belongs to the end of
    // the line before it, inside the junk.
    while start > junk_start && matches!(source.as_bytes()[start - 1], b'\n' | b'\r') {
        start -= 1;
    }
    let end = err.pos.end.max(start).min(source.len());
    ("ftl-syntax", start..end, format!("invalid Fluent syntax: {}", err.kind))
}

/// The message or term id (`-name`) an entry's text starts with.
fn entry_id(entry: &str) -> &str {
    let name = entry.strip_prefix('-').unwrap_or(entry);
    let len = name
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(name.len());
    &entry[..entry.len() - name.len() + len]
}
