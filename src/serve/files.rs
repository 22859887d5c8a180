//! The files `serve` answers with: URL path to file under the output directory (no way out
//! of it, one spelling per path), content types, and the live-reload tags added to pages.

use std::path::{Component, Path, PathBuf};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use super::{SCRIPT_PATH, STYLE_PATH};

/// Bytes escaped in a path segment of a `Location` we send: the decoded path is encoded
/// again, so the header carries only visible ASCII and no segment can hold a `/`.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Resolved {
    File(PathBuf),
    /// To this path: always one leading `/` then percent-encoded segments, never `//`
    /// (which a browser reads as another host).
    Redirect(String),
    Forbidden,
    NotFound,
}

/// Maps a URL path to a file under `out`. Percent-decoding happens once, then any `..`,
/// `.`, backslash, NUL or absolute component is refused, so no file outside `out` is
/// served. A path with empty segments (`//en-US/`, `/assets//x.css`) is redirected to its
/// spelling without them, and a directory without its final `/` to the spelling with it.
pub(super) fn resolve(out: &Path, url_path: &str) -> Resolved {
    let Ok(decoded) = percent_encoding::percent_decode_str(url_path).decode_utf8() else {
        return Resolved::Forbidden;
    };
    if decoded.contains(['\\', '\0']) {
        return Resolved::Forbidden;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    let normal = |segment: &&str| {
        let mut components = Path::new(segment).components();
        matches!((components.next(), components.next()), (Some(Component::Normal(_)), None))
            && *segment != "."
    };
    if !segments.iter().all(normal) {
        return Resolved::Forbidden;
    }
    let rel: PathBuf = segments.iter().collect();
    let mut file = out.join(&rel);
    let trailing = decoded.ends_with('/');
    if file.is_dir() {
        if canonical(&segments, true) != decoded {
            return Resolved::Redirect(location(&segments, true));
        }
        file = file.join("index.html");
    } else if canonical(&segments, trailing) != decoded {
        return Resolved::Redirect(location(&segments, trailing));
    }
    // A symlink inside the output could still point outside it.
    match (file.canonicalize(), out.canonicalize()) {
        (Ok(real), Ok(base)) if real.starts_with(&base) && real.is_file() => Resolved::File(real),
        (Ok(_), Ok(_)) => Resolved::Forbidden,
        _ => Resolved::NotFound,
    }
}

/// The decoded path spelled with single slashes (`/` for no segment).
fn canonical(segments: &[&str], trailing: bool) -> String {
    let mut path = String::from("/");
    path.push_str(&segments.join("/"));
    if trailing && !segments.is_empty() {
        path.push('/');
    }
    path
}

/// [`canonical`], percent-encoded for a `Location` header.
fn location(segments: &[&str], trailing: bool) -> String {
    let mut path = String::new();
    for segment in segments {
        path.push('/');
        path.extend(utf8_percent_encode(segment, SEGMENT));
    }
    if trailing || path.is_empty() {
        path.push('/');
    }
    path
}

pub(super) fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pf_meta" | "pf_fragment" | "pf_index" | "pagefind" => "application/octet-stream",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// The body of a 404: the site's own page when it has one.
pub(super) fn not_found_page(out: &Path) -> Vec<u8> {
    std::fs::read(out.join("404.html")).map(inject).unwrap_or_else(|_| b"not found\n".to_vec())
}

/// Adds the live-reload script and overlay style to a served page (not to the built file).
pub(super) fn inject(html: Vec<u8>) -> Vec<u8> {
    let Ok(text) = String::from_utf8(html.clone()) else { return html };
    let tags = format!(
        "<link rel=\"stylesheet\" href=\"{STYLE_PATH}\">\n<script src=\"{SCRIPT_PATH}\" defer></script>\n</body>"
    );
    match text.rfind("</body>") {
        Some(i) => format!("{}{}{}", &text[..i], tags, &text[i + "</body>".len()..]).into_bytes(),
        None => html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join("en-US")).unwrap();
        std::fs::create_dir_all(out.join("assets")).unwrap();
        std::fs::write(out.join("index.html"), "root").unwrap();
        std::fs::write(out.join("en-US/index.html"), "x").unwrap();
        std::fs::write(out.join("assets/style.css"), "p {}").unwrap();
        (dir, out)
    }

    #[test]
    fn traversal_is_refused_in_every_spelling() {
        let (dir, out) = site();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/en-US/%2E%2E/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "/%00",
            "/./en-US/",
            "//../secret.txt",
            "/en-US/%2e/",
        ] {
            assert_eq!(resolve(&out, bad), Resolved::Forbidden, "{bad}");
        }
        let file = |path: &str| Resolved::File(out.join(path).canonicalize().unwrap());
        assert_eq!(resolve(&out, "/en-US/"), file("en-US/index.html"));
        assert_eq!(resolve(&out, "/"), file("index.html"));
        assert_eq!(resolve(&out, "/en-US"), Resolved::Redirect("/en-US/".into()));
        assert_eq!(resolve(&out, "/nope.html"), Resolved::NotFound);
    }

    /// `//en-US` must not answer `Location: //en-US/`: a browser reads that as the host
    /// `en-US`. Every redirect has one leading slash and no empty segment.
    #[test]
    fn redirects_collapse_slashes_and_never_name_another_host() {
        let (_dir, out) = site();
        for (path, to) in [
            ("//en-US", "/en-US/"),
            ("//en-US/", "/en-US/"),
            ("///en-US//", "/en-US/"),
            ("/%2Fen-US", "/en-US/"),
            ("/%2F%2Fevil.example", "/evil.example"),
            ("//evil.example/", "/evil.example/"),
            ("/assets//style.css", "/assets/style.css"),
            ("//", "/"),
            ("/%2F", "/"),
            ("//%C3%A9t%C3%A9%20x/", "/%C3%A9t%C3%A9%20x/"),
            ("//a%3Fb%23c", "/a%3Fb%23c"),
        ] {
            let Resolved::Redirect(location) = resolve(&out, path) else {
                panic!("{path}: {:?}", resolve(&out, path));
            };
            assert_eq!(location, to, "{path}");
            assert!(location.starts_with('/') && !location.starts_with("//"), "{path}");
        }
        // Paths already in their one spelling are served as they are.
        assert!(matches!(resolve(&out, "/assets/style.css"), Resolved::File(_)));
    }

    #[test]
    fn pages_get_the_reload_script_before_body_end() {
        let html = inject(b"<html><body><p>x</p></body></html>".to_vec());
        let text = String::from_utf8(html).unwrap();
        assert!(
            text.ends_with("<script src=\"/__drillbook/live.js\" defer></script>\n</body></html>")
        );
    }
}
