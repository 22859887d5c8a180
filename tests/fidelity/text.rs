//! The texts fidelity compares: DocFX segments and their sentences, normalization, a page's
//! visible text and the markup artefacts in it.

/// Whether the dropped message text `dropped` (normalized, with its `{ -term }` placeables)
/// holds the sentence `n`: a placeable stands for a UI label, so the text between
/// placeables is compared.
pub(super) fn rejected_holds(dropped: &str, n: &str) -> bool {
    dropped.contains(n)
        || dropped
            .split(['{', '}'])
            .step_by(2)
            .filter(|chunk| chunk.chars().count() >= 4)
            .any(|chunk| n.contains(chunk) || chunk.contains(n))
}

pub(super) fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

/// Whether a segment with this English is text of the page. Not counted: a lettered
/// sub-step or step label (`a.`, `2.`: the list's numbering shows it) and the `**Appropriate roles**:` line
/// (the audience block shows the locale's own label and role names).
pub(super) fn counted(english: Option<&str>) -> bool {
    let Some(en) = english.map(str::trim) else { return true };
    let label =
        en.len() == 2 && en.ends_with('.') && en.starts_with(|c: char| c.is_ascii_lowercase());
    !label && !en.starts_with("**Appropriate roles")
}

/// `<corpus>/<locale>/<article>.md` → (locale, article).
pub(super) fn locale_article(path: &str) -> Option<(String, String)> {
    let mut parts = path.rsplit('/');
    let file = parts.next()?;
    let locale = parts.next()?;
    Some((locale.to_string(), file.strip_suffix(".md")?.to_ascii_lowercase()))
}

/// `ms.lasthandoff` MM/DD/YYYY as a sortable YYYYMMDD.
pub(super) fn handoff_key(source: &str) -> String {
    let line = source.lines().find(|l| l.starts_with("ms.lasthandoff:")).unwrap_or_default();
    let date: Vec<&str> = line["ms.lasthandoff:".len().min(line.len())..]
        .trim()
        .trim_matches(['"', '\''])
        .split('/')
        .collect();
    match date.as_slice() {
        [m, d, y] => format!("{y}{m:0>2}{d:0>2}"),
        _ => String::new(),
    }
}

/// The side-by-side segments of a DocFX file: (translation, English).
pub(super) fn segments(source: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(i) = rest.find("<span data-ttu-id=") {
        let after = &rest[i..];
        let Some(open_end) = after.find('>') else { break };
        let body = &after[open_end + 1..];
        let Some(len) = span_content_len(body) else { break };
        let translation = body[..len].to_string();
        let next = &body[len..];
        // `</span>` then `<span class="sxs-lookup"><span data-stu-id="…">English</span></span>`
        let english = next.find("data-stu-id=").filter(|j| next[..*j].len() < 80).and_then(|j| {
            let e = &next[j..];
            let start = e.find('>')? + 1;
            let len = span_content_len(&e[start..])?;
            Some(e[start..start + len].to_string())
        });
        out.push((translation, english));
        rest = &body[len..];
    }
    out
}

/// Length of a span's content up to its own `</span>`, counting nested spans.
pub(super) fn span_content_len(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    loop {
        let open = s[at..].find("<span").map(|i| at + i);
        let close = s[at..].find("</span>").map(|i| at + i)?;
        match open {
            Some(o) if o < close => {
                depth += 1;
                at = o + 5;
            }
            _ if depth == 0 => return Some(close),
            _ => {
                depth -= 1;
                at = close + 7;
            }
        }
    }
}

/// The visible text of a segment, split into sentences (empty ones left out).
pub(super) fn sentences(segment: &str) -> Vec<String> {
    let text = decode_entities(&strip_tags(segment));
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        let end = matches!(c, '。' | '！' | '？')
            || (matches!(c, '.' | '!' | '?') && chars.peek().is_some_and(|n| n.is_whitespace()));
        if end {
            out.push(std::mem::take(&mut current));
        }
    }
    out.push(current);
    out.into_iter().filter(|s| !normalize(s).is_empty()).map(|s| s.trim().to_string()).collect()
}

/// Removes `<tag …>` and `</tag>` (a `<` followed by a letter, `/` or `!`).
pub(super) fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let tag_like = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>') {
            Some(j) if tag_like => rest = &after[j + 1..],
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

pub(super) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|j| *j <= 10);
        let decoded = end.and_then(|j| {
            let name = &after[..j];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "ndash" => '–',
                "mdash" => '—',
                "reg" => '®',
                "trade" => '™',
                "copy" => '©',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &after[j + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The comparison form of a text: tags, link destinations, whitespace and Markdown
/// punctuation removed.
pub(super) fn normalize(s: &str) -> String {
    // `![alt](src)`: an image's alt text is compared with the page's `alt` attributes.
    let s = s.replace("![", "[");
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        // The destination ends at its balanced `)` (`…/Proxy_(PAC)_file)`).
        let mut depth = 0usize;
        let end = after.char_indices().find(|&(_, c)| {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => return true,
                ')' => depth -= 1,
                _ => {}
            }
            false
        });
        rest = match end {
            Some((j, _)) => &after[j + 1..],
            None => after,
        };
    }
    out.push_str(rest);
    let flat: String = out
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '`' | '\\' | '[' | ']' | '|'))
        .map(|c| match "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c) {
            Some(d) => char::from_digit(d as u32, 10).unwrap_or(c),
            None => c,
        })
        .collect();
    strip_tags(&flat)
}

/// The page's `<main>` element (the whole page when it has none).
pub(super) fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html.rfind("</main>").map_or(html.len(), |i| i + 7);
    &html[start..end.max(start)]
}

/// Visible text (with `skip_code` false, images' alt text too): tags removed, `<script>`/`<style>` (and with `skip_code`, `<pre>` and
/// `<code>`) left out, entities decoded. Block tags become line breaks.
pub(super) fn visible_text(html: &str, skip_code: bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut skip_until: Option<&str> = None;
    while let Some(i) = rest.find('<') {
        if skip_until.is_none() {
            out.push_str(&decode_entities(&rest[..i]));
        }
        let after = &rest[i..];
        let Some(end) = after.find('>') else { break };
        let tag = &after[..=end];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(close) = skip_until {
            if name == close {
                skip_until = None;
            }
        } else {
            match name.as_str() {
                "script" => skip_until = Some("/script"),
                "style" => skip_until = Some("/style"),
                "pre" if skip_code => skip_until = Some("/pre"),
                "code" if skip_code => skip_until = Some("/code"),
                "br" | "p" | "/p" | "li" | "/li" | "td" | "/td" | "th" | "/th" | "div" | "/div" => {
                    out.push('\n')
                }
                // An image's text is its alt text (not part of the artefact scan).
                "img" if !skip_code => {
                    if let Some(alt) = tag.split(" alt=\"").nth(1).and_then(|a| a.split('"').next())
                    {
                        out.push('\n');
                        out.push_str(&decode_entities(alt));
                        out.push('\n');
                    }
                }
                _ => {}
            }
        }
        rest = &after[end + 1..];
    }
    if skip_until.is_none() {
        out.push_str(&decode_entities(rest));
    }
    out
}

/// Markup that shows through in visible text.
pub(super) fn artefacts_in(text: &str) -> Vec<String> {
    const MARKERS: [&str; 16] = [
        "<span",
        "</span",
        "</br",
        "<br",
        "<a ",
        "</a>",
        "<font",
        "<sup",
        "<img",
        "data-ttu-id",
        "sxs-lookup",
        ":::",
        "[!INCLUDE",
        "[!NOTE",
        "[!TIP",
        "{\"",
    ];
    const MORE: [&str; 5] = ["[!IMPORTANT", "[!WARNING", "[!CAUTION", "[!div", "[!VIDEO"];
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    for marker in MARKERS.iter().chain(MORE.iter()) {
        let m = marker.to_ascii_lowercase();
        for (i, _) in lower.match_indices(&m) {
            out.push(format!("`{marker}` in …{}…", context(text, i)));
        }
    }
    for (i, _) in text.match_indices('\\') {
        // `digits\ Country`: a hard break shown literally. `PC \ name` (spaces on both
        // sides) is a path as the translation wrote it.
        let next = text[i + 1..].chars().next();
        let before = text[..i].chars().next_back();
        if next.is_none_or(char::is_whitespace) && before.is_some_and(|c| !c.is_whitespace()) {
            out.push(format!("literal `\\` break in …{}…", context(text, i)));
        }
    }
    out
}

pub(super) fn context(text: &str, at: usize) -> String {
    let mut start = at.saturating_sub(40);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 60).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text[start..end].replace('\n', " ")
}
