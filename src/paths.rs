//! Small path and identifier helpers shared by loaders and the renderer.

use std::path::Path;

use crate::diag::{Diagnostic, Severity};

/// `root`-relative display path with `/` separators.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a UTF-8 text file; a missing or unreadable file becomes a diagnostic.
/// A leading byte-order mark is kept (columns count it) but is harmless to the parsers
/// that follow, which skip it.
pub fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let display = rel_path(root, path);
    let bytes = std::fs::read(path).map_err(|err| {
        Diagnostic::file(Severity::Error, "io", &display, format!("cannot read file: {err}"))
    })?;
    String::from_utf8(bytes).map_err(|err| {
        Diagnostic::file(
            Severity::Error,
            "invalid-utf8",
            &display,
            format!("file is not valid UTF-8 (byte {})", err.utf8_error().valid_up_to()),
        )
    })
}

/// Parses TOML into `T`: syntax errors get `toml-syntax`, unknown keys `unknown-key`, other
/// schema errors `schema_code`; every error is positioned in `source`.
pub fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &str,
    source: &str,
    schema_code: &'static str,
) -> Result<T, Diagnostic> {
    if let Err(err) = source.parse::<toml::Table>() {
        return Err(toml_diag("toml-syntax", path, source, &err));
    }
    toml::from_str::<T>(source).map_err(|err| {
        let unknown = err.message().starts_with("unknown field")
            || err.message().starts_with("unknown variant");
        toml_diag(if unknown { "unknown-key" } else { schema_code }, path, source, &err)
    })
}

fn toml_diag(code: &'static str, path: &str, source: &str, err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim().replace('\n', " ");
    match err.span() {
        Some(span) => Diagnostic::error(code, path, source, span, message),
        None => Diagnostic::file(Severity::Error, code, path, message),
    }
}

/// Lower-case ASCII words of letters and digits joined by single `-`: safe as a URL path
/// segment and an HTML id (no `.`, `/`, `..`, spaces).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.split('-').all(|w| {
            !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Turns arbitrary text into a slug (for generated anchors); never empty, never `..`.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.truncate(200);
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "section".to_string() } else { out }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("remove-a-relationship"));
        assert!(!is_slug("../etc"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("A"));
        assert_eq!(slugify("How to remove a relationship?"), "how-to-remove-a-relationship");
        assert_eq!(slugify("../../"), "section");
    }

    proptest! {
        #[test]
        fn slugify_is_a_slug_and_idempotent(s in "(?s).{0,300}") {
            let slug = slugify(&s);
            prop_assert!(is_slug(&slug), "{}", slug);
            prop_assert!(!slug.contains(".."));
            prop_assert_eq!(slugify(&slug), slug.clone());
        }
    }
}
