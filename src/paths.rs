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

/// Writes `bytes` to `path` so that a reader (or a later run after a crash) sees either the
/// old file or the new one, never a part: the bytes go to a temporary file beside `path`,
/// are flushed to disk, and the temporary file is renamed over `path`. The temporary file is
/// removed when any step fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let name = path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_file_name(format!(".{name}.drillbook-{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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
    fn write_atomic_replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l10n.lock");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // A path whose folder does not exist fails and writes nothing.
        assert!(write_atomic(&dir.path().join("missing/x"), b"x").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

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
