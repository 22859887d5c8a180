//! Import fidelity on the two shared DocFX corpora: every sentence of every DocFX file reaches
//! the built page of its locale, no DocFX markup shows through, every article gets a page.
//!
//! How it counts (also in docs/import.md, "Fidelity"):
//! - A *sentence* is a piece of a side-by-side segment (the `data-ttu-id` span: what DocFX
//!   translates; for en-US the `sxs-lookup` English of the article's newest file), split after
//!   `.` `!` `?` followed by a space and after `。` `！` `？`. The extractor here is its own,
//!   independent of the importer's parser.
//! - Source and page text are compared after the same normalization: HTML tags removed, then
//!   entities decoded, link destinations `](…)` removed, and whitespace and the Markdown
//!   punctuation `* _ \` [ ] |` removed. A sentence reaches its page when its normalized text
//!   is a substring of the normalized text of the page's `<main>`.
//! - The Partner Center machine translations carry defects `check` rejects (glossary, labels,
//!   terms, bold counts); `build` refuses them, so like `tests/e2e/lib.mjs` the test drops the
//!   messages `check` rejects in a translated locale for one of those translation-quality codes
//!   and counts their sentences in a column of their own, outside the percentage. Every other
//!   check error (raw HTML, broken anchors, anything in en-US) is an import defect: it fails
//!   the test.
//! - An *artefact* is DocFX or Fluent markup in the visible text of a page outside code: a
//!   `\` right after a word and before a line end or space (a hard break shown literally), `<span`, `</br>`, `<br`,
//!   `<a `, `<font`, `<sup`, `<img`, `data-ttu-id`, `sxs-lookup`, `:::`, `[!INCLUDE`, `[!VIDEO`,
//!   `[!NOTE` and the other alert markers, and `{"` (a Fluent string literal). `[!VIDEO` was
//!   added when videos became notes: before, `> [!VIDEO url]` showed as text and was not
//!   counted, so the list is stricter than the one the first measurement used.
//! - Both corpora run in the default test command: about a minute and a half in a debug
//!   build on a shared 2-core machine, nearly all of it HoloLens (import, `check`, build).

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use support::import::{corpus, import_into, inputs};
use support::{drillbook, shipped_project};

/// `check` codes that judge a translation's quality, not the import.
const TRANSLATION_CODES: [&str; 6] = [
    "glossary",
    "concept-inconsistent",
    "label-inconsistent",
    "term-mismatch",
    "markup-mismatch",
    "label-mismatch",
];

#[derive(Default)]
struct Count {
    sentences: usize,
    found: usize,
    rejected: usize,
    pages: usize,
    missing_pages: Vec<String>,
    artefacts: usize,
}

impl Count {
    fn percent(&self) -> f64 {
        let judged = self.sentences - self.rejected;
        if judged == 0 { 100.0 } else { 100.0 * self.found as f64 / judged as f64 }
    }
}

struct Outcome {
    table: BTreeMap<String, Count>,
    errors: Vec<String>,
    lost: Vec<String>,
    artefacts: Vec<String>,
}

#[test]
fn partner_center_corpus_reaches_its_pages() {
    let outcome = measure("docfx");
    assert_targets("docfx", &outcome);
}

#[test]
fn hololens_corpus_reaches_its_pages() {
    let outcome = measure("hololens");
    assert_targets("hololens", &outcome);
}

fn assert_targets(name: &str, outcome: &Outcome) {
    print_table(name, outcome);
    assert!(
        outcome.errors.is_empty(),
        "{name}: import or check errors:\n{}",
        outcome.errors.join("\n")
    );
    assert!(!outcome.table.is_empty(), "{name}: nothing measured");
    for (locale, count) in &outcome.table {
        assert!(count.sentences > 0, "{name} {locale}: no sentences found in the corpus");
        assert!(
            count.missing_pages.is_empty(),
            "{name} {locale}: no page for {:?}",
            count.missing_pages
        );
        assert!(
            count.percent() >= 99.5,
            "{name} {locale}: {:.2} % of sentences on their page (< 99.5 %); lost, first ones:\n{}",
            count.percent(),
            outcome
                .lost
                .iter()
                .filter(|l| l.starts_with(locale.as_str()))
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    assert!(
        outcome.artefacts.is_empty(),
        "{name}: markup shows through:\n{}",
        outcome.artefacts.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

fn print_table(name: &str, outcome: &Outcome) {
    let mut out = format!(
        "\n{name}: locale | sentences | on page | rejected by check | lost | % | pages | missing | artefacts\n"
    );
    for (locale, c) in &outcome.table {
        let lost = c.sentences - c.found - c.rejected;
        let _ = writeln!(
            out,
            "{name}: {locale} | {} | {} | {} | {lost} | {:.2} | {} | {} | {}",
            c.sentences,
            c.found,
            c.rejected,
            c.percent(),
            c.pages,
            c.missing_pages.len(),
            c.artefacts
        );
    }
    println!("{out}");
    eprintln!("{out}");
    // The full lists, for whoever works on the importer.
    let dir = support::repo().join("target/fidelity");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("{name}-lost.txt")), outcome.lost.join("\n"));
    let _ = std::fs::write(dir.join(format!("{name}-artefacts.txt")), outcome.artefacts.join("\n"));
    eprintln!("lost sentences and artefacts: {}", dir.display());
}

fn measure(corpus_name: &str) -> Outcome {
    let dir = corpus().join(corpus_name);
    let files = inputs(&dir);
    assert!(!files.is_empty(), "no corpus at {}", dir.display());
    let project = shipped_project();
    let root = project.path();
    let (_, report) = import_into(root, &files);
    let mut errors: Vec<String> =
        report.diags.iter().filter(|d| d.is_error()).map(|d| d.headline()).collect();

    let dropped = drop_rejected_translations(root, &mut errors);
    let out = root.join("site-out");
    let root_arg = root.to_string_lossy().to_string();
    let out_arg = out.to_string_lossy().to_string();
    let build = drillbook(root, &["--root", &root_arg, "build", "--no-search", "--out", &out_arg]);
    if build.code != 0 {
        errors.push(format!("build failed ({}):\n{}", build.code, tail(&build.stderr)));
    }

    // Sentences per (locale, article), from the corpus files.
    let mut sources: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut newest: BTreeMap<String, (String, String)> = BTreeMap::new();
    for file in &files {
        let Some((locale, article)) = locale_article(&file.path) else { continue };
        let segs = segments(&file.source);
        let sentences: Vec<String> = segs
            .iter()
            .filter(|(_, en)| counted(en.as_deref()))
            .flat_map(|(translation, _)| sentences(translation))
            .collect();
        sources.entry((locale.clone(), article.clone())).or_default().extend(sentences);
        let handoff = handoff_key(&file.source);
        let entry = newest.entry(article.clone()).or_insert((String::new(), String::new()));
        if handoff > entry.0 {
            *entry = (handoff, file.path.clone());
        }
    }
    for (article, (_, path)) in &newest {
        let file = files.iter().find(|f| &f.path == path).expect("newest file");
        let english: Vec<String> = segments(&file.source)
            .iter()
            .filter_map(|(_, en)| en.as_deref())
            .filter(|en| counted(Some(en)))
            .flat_map(sentences)
            .collect();
        sources.insert(("en-US".to_string(), article.clone()), english);
    }

    let mut table: BTreeMap<String, Count> = BTreeMap::new();
    let mut lost = Vec::new();
    let mut artefacts = Vec::new();
    for ((locale, article), sentences) in &sources {
        let count = table.entry(locale.clone()).or_default();
        let page_path = out.join(locale).join(article).join("index.html");
        let Ok(html) = std::fs::read_to_string(&page_path) else {
            count.missing_pages.push(article.clone());
            count.sentences += sentences.len();
            for s in sentences {
                lost.push(format!("{locale} {article} (no page): {s}"));
            }
            continue;
        };
        count.pages += 1;
        let main = main_of(&html);
        let page = normalize(&visible_text(main, false));
        let rejected = dropped.get(&(locale.clone(), article.clone()));
        for s in sentences {
            count.sentences += 1;
            let n = normalize(s);
            if page.contains(&n) {
                count.found += 1;
            } else if rejected.is_some_and(|texts| texts.iter().any(|t| rejected_holds(t, &n))) {
                count.rejected += 1;
            } else {
                lost.push(format!("{locale} {article}: {s}"));
            }
        }
        for found in artefacts_in(&visible_text(main, true)) {
            count.artefacts += 1;
            artefacts.push(format!("{locale} {article}: {found}"));
        }
    }
    Outcome { table, errors, lost, artefacts }
}

/// Whether the dropped message text `dropped` (normalized, with its `{ -term }` placeables)
/// holds the sentence `n`: a placeable stands for a UI label, so the text between
/// placeables is compared.
fn rejected_holds(dropped: &str, n: &str) -> bool {
    dropped.contains(n)
        || dropped
            .split(['{', '}'])
            .step_by(2)
            .filter(|chunk| chunk.chars().count() >= 4)
            .any(|chunk| n.contains(chunk) || chunk.contains(n))
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

/// Whether a segment with this English is text of the page. Not counted: a lettered
/// sub-step or step label (`a.`, `2.`: the list's numbering shows it) and the `**Appropriate roles**:` line
/// (the audience block shows the locale's own label and role names).
fn counted(english: Option<&str>) -> bool {
    let Some(en) = english.map(str::trim) else { return true };
    let label =
        en.len() == 2 && en.ends_with('.') && en.starts_with(|c: char| c.is_ascii_lowercase());
    !label && !en.starts_with("**Appropriate roles")
}

/// `<corpus>/<locale>/<article>.md` → (locale, article).
fn locale_article(path: &str) -> Option<(String, String)> {
    let mut parts = path.rsplit('/');
    let file = parts.next()?;
    let locale = parts.next()?;
    Some((locale.to_string(), file.strip_suffix(".md")?.to_ascii_lowercase()))
}

/// `ms.lasthandoff` MM/DD/YYYY as a sortable YYYYMMDD.
fn handoff_key(source: &str) -> String {
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
fn segments(source: &str) -> Vec<(String, Option<String>)> {
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
fn span_content_len(s: &str) -> Option<usize> {
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
fn sentences(segment: &str) -> Vec<String> {
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
fn strip_tags(s: &str) -> String {
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

fn decode_entities(s: &str) -> String {
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
fn normalize(s: &str) -> String {
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
fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html.rfind("</main>").map_or(html.len(), |i| i + 7);
    &html[start..end.max(start)]
}

/// Visible text (with `skip_code` false, images' alt text too): tags removed, `<script>`/`<style>` (and with `skip_code`, `<pre>` and
/// `<code>`) left out, entities decoded. Block tags become line breaks.
fn visible_text(html: &str, skip_code: bool) -> String {
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
fn artefacts_in(text: &str) -> Vec<String> {
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

fn context(text: &str, at: usize) -> String {
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

/// Runs `check --format json` and removes, in the translated locales, every message it
/// rejects for a [`TRANSLATION_CODES`] reason, returning their normalized texts per
/// (locale, article). Any other error goes to `errors`.
fn drop_rejected_translations(
    root: &Path,
    errors: &mut Vec<String>,
) -> BTreeMap<(String, String), Vec<String>> {
    let root_arg = root.to_string_lossy().to_string();
    let check = drillbook(root, &["--root", &root_arg, "check", "--format", "json"]);
    let report: serde_json::Value = match serde_json::from_str(&check.stdout) {
        Ok(v) => v,
        Err(e) => {
            errors.push(format!("check --format json: {e}: {}", tail(&check.stderr)));
            return BTreeMap::new();
        }
    };
    let mut broken: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in report["diagnostics"].as_array().into_iter().flatten() {
        if d["severity"] != "error" {
            continue;
        }
        let code = d["code"].as_str().unwrap_or_default();
        let path = d["path"].as_str().unwrap_or_default();
        let locale = d["locale"].as_str().unwrap_or_default();
        match d["id"].as_str() {
            Some(id)
                if TRANSLATION_CODES.contains(&code)
                    && path.starts_with("locales/")
                    && locale != "en-US" =>
            {
                broken.entry(path.to_string()).or_default().insert(id.to_string());
            }
            _ => errors.push(format!(
                "{path}:{}: check error[{code}]: {}",
                d["line"],
                d["message"].as_str().unwrap_or_default()
            )),
        }
    }
    let mut dropped: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (path, ids) in broken {
        let file = root.join(&path);
        let text = std::fs::read_to_string(&file).expect("read ftl");
        let mut kept = String::with_capacity(text.len());
        let mut dropping = false;
        let mut current = String::new();
        let parts: Vec<&str> = path.trim_start_matches("locales/").split('/').collect();
        let key = (parts[0].to_string(), parts[1].trim_end_matches(".ftl").to_string());
        for line in text.split_inclusive('\n') {
            if !line.starts_with([' ', '\t', '\r', '\n']) {
                if dropping {
                    dropped.entry(key.clone()).or_default().push(normalize(&current));
                }
                current.clear();
                let id = line.split([' ', '=']).next().unwrap_or_default();
                dropping = ids.contains(id);
            }
            if dropping && current.is_empty() {
                current.push_str(line.split_once('=').map_or(line, |(_, v)| v));
            } else if dropping {
                current.push_str(line);
            } else {
                kept.push_str(line);
            }
        }
        if dropping {
            dropped.entry(key.clone()).or_default().push(normalize(&current));
        }
        std::fs::write(&file, kept).expect("write ftl");
    }
    dropped
}
