//! A package's pages: the built article pages made self-contained (links to pages the
//! package does not hold become text, absolute URLs go, directory links name `index.html`,
//! the search script goes, the LMS runtime and the package's settings come in), and the
//! launch page that picks the learner's locale.

use std::collections::BTreeSet;

use crate::render::html::escape;

/// What every packaged page tells `assets/lms.js`, as JSON in
/// `<script type="application/json" id="drillbook-package">`.
pub(crate) struct PageSettings<'a> {
    /// `scorm-1.2`, `scorm-2004` or `cmi5`.
    pub format: &'a str,
    pub mastery_score: f64,
    /// Whether the article has an assessment (`[assessment]`): without one the LMS records
    /// completion only.
    pub assessed: bool,
    /// The path from the page to the package's root (`../../`, or empty).
    pub root: &'a str,
    /// The note shown when no LMS is found, in the page's locale.
    pub no_lms: &'a str,
    /// On the launch page: each locale and its article page, relative to the root.
    pub launch: &'a [(String, String)],
}

impl PageSettings<'_> {
    fn head(&self) -> String {
        let launch: serde_json::Map<String, serde_json::Value> =
            self.launch.iter().map(|(l, p)| (l.clone(), p.clone().into())).collect();
        let json = serde_json::json!({
            "format": self.format,
            "masteryScore": self.mastery_score,
            "assessment": self.assessed,
            "noLms": self.no_lms,
            "launch": launch,
            "locales": self.launch.iter().map(|(l, _)| l.clone()).collect::<Vec<_>>(),
        });
        // `<` escaped so the text cannot close the script element.
        let json = json.to_string().replace('<', "\\u003c");
        format!(
            "<script type=\"application/json\" id=\"drillbook-package\">{json}</script>\n<script type=\"module\" src=\"{}assets/lms.js\"></script>\n",
            self.root
        )
    }
}

/// The CSP's `connect-src` in packaged pages: a cmi5 AU sends statements to an LRS on
/// another origin, named only at launch.
pub(crate) fn connect_src(format: &str) -> &'static str {
    match format {
        "cmi5" => "connect-src 'self' https: http:",
        _ => "connect-src 'self'",
    }
}

/// Rewrites the page at `path` for the package whose pages are `targets` (paths of files
/// a link may lead to): see the module's documentation.
pub(crate) fn rewrite_page(
    html: &str,
    path: &str,
    targets: &BTreeSet<String>,
    settings: &PageSettings<'_>,
) -> String {
    let html = html.replace("connect-src 'self'", connect_src(settings.format));
    let dir: Vec<&str> =
        path.split('/').collect::<Vec<_>>().split_last().map_or(Vec::new(), |(_, d)| d.to_vec());
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html.as_str();
    let mut head_done = false;
    // Inside a link that became a `<span>` (links do not nest).
    let mut in_span = false;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..=end];
        rest = &rest[end + 1..];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            "a" => {
                let (tag, kept) = rewrite_anchor(tag, &dir, targets);
                out.push_str(&tag);
                in_span = !kept;
            }
            "/a" if in_span => {
                out.push_str("</span>");
                in_span = false;
            }
            "link" => {
                if let Some(tag) = keep_resource(tag, "href", &dir, targets) {
                    out.push_str(&tag);
                } else {
                    rest = rest.strip_prefix('\n').unwrap_or(rest);
                }
            }
            "script" => {
                let close = rest.find("</script>").map_or(rest.len(), |i| i + "</script>".len());
                let (body, after) = rest.split_at(close);
                rest = after;
                if !head_done && tag.contains("type=\"module\"") {
                    out.push_str(&settings.head());
                    head_done = true;
                }
                if attr(tag, "src").is_none() {
                    out.push_str(tag);
                    out.push_str(body);
                } else if let Some(tag) = keep_resource(tag, "src", &dir, targets) {
                    out.push_str(&tag);
                    out.push_str(body);
                } else {
                    rest = rest.strip_prefix('\n').unwrap_or(rest);
                }
            }
            "/head" if !head_done => {
                out.push_str(&settings.head());
                head_done = true;
                out.push_str(tag);
            }
            _ => out.push_str(tag),
        }
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in `tag` (double-quoted, as the templates write them) and
/// its byte range in `tag`.
fn attr<'t>(tag: &'t str, name: &str) -> Option<(&'t str, std::ops::Range<usize>)> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)?;
    let value_start = start + key.len();
    let len = tag[value_start..].find('"')?;
    Some((&tag[value_start..value_start + len], start..value_start + len + 1))
}

/// A link's target in the package: `Some(new value)` when it stays (a fragment, or a file
/// of the package, a directory naming its `index.html`), `None` when it leaves the package.
fn resolve(value: &str, dir: &[&str], targets: &BTreeSet<String>) -> Option<String> {
    if value.starts_with('#') {
        return Some(value.to_string());
    }
    let (path, fragment) = value.split_once('#').map_or((value, ""), |(p, f)| (p, f));
    if path.contains(':') || path.starts_with('/') || path.contains('?') {
        return None;
    }
    let mut parts: Vec<&str> = dir.to_vec();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let directory = path.is_empty() || path.ends_with('/') || path.ends_with("/.") || path == ".";
    let mut resolved = parts.join("/");
    let mut value = path.to_string();
    if directory {
        resolved = if resolved.is_empty() {
            "index.html".into()
        } else {
            format!("{resolved}/index.html")
        };
        value.push_str("index.html");
    }
    if !targets.contains(&resolved) {
        return None;
    }
    if !fragment.is_empty() {
        value = format!("{value}#{fragment}");
    }
    Some(value)
}

/// The anchor tag and whether it is still a link.
fn rewrite_anchor(tag: &str, dir: &[&str], targets: &BTreeSet<String>) -> (String, bool) {
    let Some((value, range)) = attr(tag, "href") else { return (tag.to_string(), true) };
    let value = unescape(value);
    match resolve(&value, dir, targets) {
        Some(new) => (
            format!("{} href=\"{}\"{}", &tag[..range.start], escape(&new), &tag[range.end..]),
            true,
        ),
        // A link that leaves the package becomes text: an LMS frame is no place to browse
        // the web, and a missing page is no better.
        None => {
            let mut tag = format!("<span{}", &tag[2..range.start]) + &tag[range.end..];
            for dropped in ["rel", "hreflang"] {
                if let Some((_, r)) = attr(&tag, dropped) {
                    tag = format!("{}{}", &tag[..r.start], &tag[r.end..]);
                }
            }
            (tag, false)
        }
    }
}

/// A `<link>` or `<script src>` tag with its resource in the package (`None`: drop it).
fn keep_resource(
    tag: &str,
    name: &str,
    dir: &[&str],
    targets: &BTreeSet<String>,
) -> Option<String> {
    let Some((value, range)) = attr(tag, name) else { return Some(tag.to_string()) };
    let value = unescape(value);
    let new = resolve(&value, dir, targets)?;
    Some(format!("{} {name}=\"{}\"{}", &tag[..range.start], escape(&new), &tag[range.end..]))
}

/// The launch page: links to each locale's article page (what a browser without scripts
/// shows), and `lms.js`, which opens the learner's locale.
pub(crate) fn render_launch(
    lang: &str,
    title: &str,
    heading: &str,
    links: &[(String, String, String)],
    settings: &PageSettings<'_>,
) -> String {
    let mut items = String::new();
    for (locale, name, href) in links {
        items.push_str(&format!(
            "<li><a href=\"{}\" hreflang=\"{locale}\" lang=\"{locale}\">{}</a></li>\n",
            escape(href),
            escape(name)
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; {}; base-uri 'none'; form-action 'none'\">\n<title>{}</title>\n<link rel=\"stylesheet\" href=\"assets/style.css\">\n{}</head>\n<body>\n<main id=\"main\" class=\"launch\">\n<h1>{}</h1>\n<nav aria-labelledby=\"launch-choose\">\n<h2 id=\"launch-choose\">{}</h2>\n<ul>\n{items}</ul>\n</nav>\n</main>\n</body>\n</html>\n",
        connect_src(settings.format),
        escape(title),
        settings.head(),
        escape(title),
        escape(heading),
    )
}

/// The text of escaped HTML: the five escapes, and numeric character references.
pub(crate) fn unescape(html: &str) -> String {
    if !html.contains('&') {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of the first `<tag>` element of `html`, its markup removed, or of the
/// `content` attribute of `<meta name="…">`.
pub(crate) fn element_text(html: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}");
    let start = html.find(&open)?;
    let content_start = start + html[start..].find('>')? + 1;
    let end = content_start + html[content_start..].find(&format!("</{tag}>"))?;
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[content_start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Some(unescape(text.trim()))
}

/// The `content` of `<meta name="{name}">`.
pub(crate) fn meta_content(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("<meta name=\"{name}\""))?;
    let end = start + html[start..].find('>')?;
    attr(&html[start..end], "content").map(|(value, _)| unescape(value))
}
