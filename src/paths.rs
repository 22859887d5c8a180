//! Small path and identifier helpers shared by loaders and the renderer.

use std::path::Path;

use crate::diag::{Diagnostic, Severity};

pub(crate) mod recover;

/// `root`-relative display path with `/` separators.
pub(crate) fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a UTF-8 text file; a missing or unreadable file becomes an `io` diagnostic, bytes
/// that are not UTF-8 an `invalid-utf8` diagnostic at the first bad byte.
/// A leading byte-order mark is kept (columns count it) but is harmless to the parsers
/// that follow, which skip it.
pub(crate) fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    match read_text_lossy(root, path)? {
        (text, None) => Ok(text),
        (_, Some(diag)) => Err(diag),
    }
}

/// [`read_text`], but a file that is not valid UTF-8 still gives its text, with each bad
/// sequence replaced by U+FFFD, beside the `invalid-utf8` diagnostic: a loader can keep what
/// the file does define instead of reporting it as absent.
pub(crate) fn read_text_lossy(
    root: &Path,
    path: &Path,
) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    let display = rel_path(root, path);
    let bytes = read_regular_file(path).map_err(|err| {
        Diagnostic::file(Severity::Error, "io", &display, format!("cannot read file: {err}"))
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let why = match err.utf8_error().error_len() {
                // The input ended inside a character (a file cut short).
                None => "the file ends inside a character".to_string(),
                Some(_) => format!("byte 0x{:02x} cannot be decoded", err.as_bytes()[valid]),
            };
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            // The valid prefix is copied unchanged, so the first U+FFFD sits at `valid`.
            let diag = Diagnostic::error(
                "invalid-utf8",
                &display,
                &text,
                valid..valid + '\u{FFFD}'.len_utf8(),
                format!("file is not valid UTF-8: {why} (shown as U+FFFD)"),
            );
            Ok((text, Some(diag)))
        }
    }
}

/// Reads a regular file (through symlinks). Anything else (a FIFO, socket, device or
/// directory) is refused before it is read, so a FIFO can never block the read: the file
/// is opened non-blocking and its type checked again on the open handle.
pub(crate) fn read_regular_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let not_regular = |kind: std::fs::FileType| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("not a regular file (a {})", file_type_name(kind)),
        )
    };
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_regular(meta.file_type()));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(meta.file_type()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn file_type_name(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "FIFO";
        }
        if kind.is_socket() {
            return "socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "device";
        }
    }
    if kind.is_dir() { "directory" } else { "special file" }
}

/// Writes `bytes` to `path` so that a reader (or a later run after a crash) sees either the
/// old file or the new one, never a part: the bytes go to a temporary file beside `path`,
/// are flushed to disk, and the temporary file is renamed over `path`. The temporary file is
/// removed when any step fails.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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

/// Parses TOML into `T`: syntax errors get `toml-syntax`, unknown keys `unknown-key` (with
/// a "did you mean"), other schema errors `schema_code`, every error positioned in `source`,
/// and every schema error serde can be led to reported in one run (all missing fields of a
/// table, each at the table). The error list is never empty.
pub(crate) fn parse_toml_all<T: serde::de::DeserializeOwned>(
    path: &str,
    source: &str,
    schema_code: &'static str,
) -> Result<T, Vec<Diagnostic>> {
    let doc = match toml::de::DeTable::parse(source) {
        Ok(doc) => doc,
        Err(err) => return Err(vec![toml_diag("toml-syntax", path, source, &err)]),
    };
    recover::deserialize_all::<T>(doc).map_err(|errors| {
        errors
            .into_iter()
            .map(|error| {
                let code = if error.unknown { "unknown-key" } else { schema_code };
                let mut message = error.message;
                let names = recover::backticked(&message);
                if error.unknown {
                    if let Some(name) = names.first() {
                        let expected = recover::expected(&message);
                        let hint = recover::did_you_mean(name, expected.iter().map(String::as_str));
                        message.push_str(&hint);
                    }
                } else if let (true, Some(name)) =
                    (message.starts_with("missing field"), names.first())
                {
                    message = format!("missing required field `{name}`");
                    if error.root {
                        message.push_str(" at the top of the file, before any `[table]` header");
                    }
                }
                match error.span {
                    Some(span) => Diagnostic::error(code, path, source, span, message),
                    None => Diagnostic::file(Severity::Error, code, path, message),
                }
            })
            .collect()
    })
}

fn toml_diag(code: &'static str, path: &str, source: &str, err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim().replace('\n', " ");
    // The toml crate reports a dotted key too deep to follow without a span.
    let span = err.span().or_else(|| {
        (err.message().trim() == "recursion limit").then(|| deep_dotted_key(source)).flatten()
    });
    match span {
        Some(span) => Diagnostic::error(code, path, source, span, message),
        None => Diagnostic::file(Severity::Error, code, path, message),
    }
}

/// The toml crate's nesting limit: a dotted key with this many dots is refused.
const TOML_KEY_DEPTH_LIMIT: usize = 80;

/// The span of the first dotted key (bare or quoted parts, `.` between them, blanks
/// allowed around it) with [`TOML_KEY_DEPTH_LIMIT`] dots, up to its last counted dot.
fn deep_dotted_key(source: &str) -> Option<std::ops::Range<usize>> {
    let bytes = source.as_bytes();
    // (start of the key, dots so far).
    let mut key: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-' => {
                key.get_or_insert((i, 0));
            }
            b'"' | b'\'' => {
                key.get_or_insert((i, 0));
                // Skip the quoted part (a backslash escapes in basic strings only).
                i += 1;
                while i < bytes.len() && bytes[i] != b && bytes[i] != b'\n' {
                    if b == b'"' && bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'.' => {
                if let Some((start, dots)) = key.as_mut() {
                    *dots += 1;
                    if *dots >= TOML_KEY_DEPTH_LIMIT {
                        return Some(*start..i + 1);
                    }
                }
            }
            b' ' | b'\t' => {}
            b'#' => {
                key = None;
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            _ => key = None,
        }
        i += 1;
    }
    None
}

/// The longest slug (an article id, an anchor).
pub(crate) const MAX_SLUG: usize = 200;

/// Lower-case ASCII words of letters and digits joined by single `-`: safe as a URL path
/// segment and an HTML id (no `.`, `/`, `..`, spaces).
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG
        && s.split('-').all(|w| {
            !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Turns arbitrary text into a slug (for generated anchors); never empty, never `..`.
pub(crate) fn slugify(s: &str) -> String {
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
    out.truncate(MAX_SLUG);
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "section".to_string() } else { out }
}

/// `head` followed by `tail` (both slugs, or `head` a slug and `tail` `-<n>`), `head` cut so
/// that the whole stays a slug of at most [`MAX_SLUG`] bytes.
pub(crate) fn join_slug(head: &str, tail: &str) -> String {
    let keep = MAX_SLUG.saturating_sub(tail.len()).min(head.len());
    // ASCII: any byte is a character boundary.
    format!("{}{tail}", head[..keep].trim_end_matches('-'))
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
        // A second name for the old file: a write in place would change what it shows.
        let other_name = tempfile::tempdir().unwrap();
        let link = other_name.path().join("old");
        std::fs::hard_link(&path, &link).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(&link).unwrap(), "old", "replaced, not rewritten");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // A path whose folder does not exist fails and writes nothing.
        assert!(write_atomic(&dir.path().join("missing/x"), b"x").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn invalid_utf8_is_positioned_at_the_first_bad_byte_and_shown_lossily() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("de.ftl");
        std::fs::write(&path, b"a = 1\nb = x\xff y \xfe\n").unwrap();
        let diag = read_text(dir.path(), &path).unwrap_err();
        assert_eq!(
            diag.render(),
            "de.ftl:2:6: error[invalid-utf8]: file is not valid UTF-8: byte 0xff cannot be \
             decoded (shown as U+FFFD)\n  |\n2 | b = x\u{FFFD} y \u{FFFD}\n  |      ^\n"
        );
        // The lossy reading keeps the rest of the text.
        let (text, diag) = read_text_lossy(dir.path(), &path).unwrap();
        assert_eq!(text, "a = 1\nb = x\u{FFFD} y \u{FFFD}\n");
        assert_eq!(diag.unwrap().code, "invalid-utf8");
    }

    #[test]
    fn a_file_cut_inside_a_character_is_positioned_at_the_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        let whole = "title = \"Grüße\"\n".as_bytes();
        let cut = whole.iter().position(|&b| b == 0xc3).unwrap() + 1;
        std::fs::write(&path, &whole[..cut]).unwrap();
        let diag = read_text(dir.path(), &path).unwrap_err();
        assert_eq!(
            diag.headline(),
            "x.toml:1:12: error[invalid-utf8]: file is not valid UTF-8: the file ends inside a \
             character (shown as U+FFFD)"
        );
    }

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_text(dir.path(), dir.path()).unwrap_err();
        assert_eq!((err.code, err.pos.is_none()), ("io", true));
        assert!(err.message.contains("not a regular file (a directory)"), "{}", err.message);
        let missing = read_text(dir.path(), &dir.path().join("nope.ftl")).unwrap_err();
        assert_eq!(missing.code, "io");
        // A FIFO with no writer would block a plain read forever.
        let fifo = dir.path().join("x.ftl");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let err = read_text(dir.path(), &fifo).unwrap_err();
        assert_eq!(
            err.headline(),
            "x.ftl: error[io]: cannot read file: not a regular file (a FIFO)"
        );
        // Through a symlink, the target is what counts.
        let link = dir.path().join("link.ftl");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        assert_eq!(read_text(dir.path(), &link).unwrap_err().code, "io");
        let file = dir.path().join("ok.ftl");
        std::fs::write(&file, "ok = yes\n").unwrap();
        std::os::unix::fs::symlink(&file, dir.path().join("ok-link.ftl")).unwrap();
        assert_eq!(read_text(dir.path(), &dir.path().join("ok-link.ftl")).unwrap(), "ok = yes\n");
    }

    #[test]
    fn a_dotted_key_past_the_toml_depth_limit_is_positioned() {
        let key = vec!["a"; 200].join(".");
        let source = format!("x = 1\n\n[{key}]\ny = 2\n");
        let err = parse_toml_all::<toml::Table>("site.toml", &source, "schema").unwrap_err();
        let err = &err[0];
        assert_eq!(err.code, "toml-syntax");
        let pos = err.pos.as_ref().expect("positioned");
        assert_eq!((pos.line, pos.col), (3, 2));
        // Quoted parts, blanks around the dots and a comment before it count as TOML does.
        let key = vec!["\"a.b\""; 100].join(" . ");
        let source = format!("# a.b.c\nv = 1.5\n{key} = 1\n");
        let err = parse_toml_all::<toml::Table>("site.toml", &source, "schema").unwrap_err();
        let pos = err[0].pos.as_ref().expect("positioned");
        assert_eq!((pos.line, pos.col), (3, 1));
        assert_eq!(deep_dotted_key("a.b = 1\n"), None);
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

        #[test]
        fn a_slug_with_a_number_is_a_slug(s in "(?s).{0,300}", n in 2usize..100_000) {
            let base = slugify(&s);
            let tail = format!("-{n}");
            let joined = join_slug(&base, &tail);
            prop_assert!(is_slug(&joined), "{}", joined);
            prop_assert!(joined.ends_with(&tail));
            prop_assert!(base.starts_with(joined.strip_suffix(&tail).unwrap()));
            if base.len() + tail.len() <= MAX_SLUG {
                prop_assert_eq!(joined, format!("{base}{tail}"));
            }
        }
    }
}
