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
#[path = "fidelity/text.rs"]
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use support::import::{corpus, import_into, inputs};
use support::{drillbook, shipped_project};
use text::*;

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
