//! `drillbook check --fix` and the suggestions behind it: on a hand-broken copy of the shipped
//! project, and on the shared DocFX corpus imported (the label mismatches `import` reports).

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use drillbook::project::{self, LoadOptions};
use support::{drillbook, import, shipped_project};

fn run(root: &Path, args: &[&str]) -> support::Output {
    let root = root.to_str().expect("a UTF-8 temp path");
    drillbook(Path::new("."), &[&["--root", root][..], args].concat())
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {rel}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Errors per (file, code, message id).
fn errors(root: &Path) -> BTreeMap<(String, String, Option<String>), usize> {
    let mut out = BTreeMap::new();
    for f in project::check(root, &LoadOptions::default()).findings {
        if f.diag.is_error() {
            *out.entry((f.diag.path.clone(), f.diag.code.to_string(), f.id)).or_default() += 1;
        }
    }
    out
}

/// `(message, term)` pairs `term-mismatch` says are not referenced: what `import` reports as
/// `label-mismatch`.
fn missing_labels(root: &Path) -> usize {
    project::check(root, &LoadOptions::default())
        .findings
        .iter()
        .filter(|f| f.diag.code == "term-mismatch" && f.diag.message.contains("does not reference"))
        .map(|f| f.diag.message.matches("`-").count())
        .sum()
}

const DE: &str = "locales/de-DE/remove-a-relationship.ftl";
const ZH: &str = "locales/zh-CN/remove-a-relationship.ftl";

#[test]
fn check_shows_the_fix_and_check_fix_applies_it() {
    let dir = shipped_project();
    let root = dir.path();
    edit(
        root,
        DE,
        "Wählen Sie **{ -ui-remove-reseller-relationship }** aus.",
        "Wählen **Sie Resellerbeziehung entfernen** aus.",
    );
    edit(root, ZH, "选择**{ -ui-remove-reseller-relationship }**。", "选择“删除分销商关系”。");
    let out = run(root, &["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "  = help: bold only the UI label, and reference it (`{ -ui-remove-reseller-relationship }`) (machine-applicable)\n38 | step-remove-select-remove = Wählen Sie **{ -ui-remove-reseller-relationship }** aus.\n"
        ),
        "{}",
        out.stdout
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(root, &["check", "--format", "json"]).stdout).unwrap();
    let with_fix: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["suggestions"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(with_fix.len(), 2, "{json:#}");
    let zh = with_fix.iter().find(|d| d["locale"] == "zh-CN").unwrap();
    assert_eq!(zh["suggestions"][0]["applicability"], "machine-applicable");
    let edits = zh["suggestions"][0]["edits"].as_array().unwrap();
    assert!(edits.iter().any(|e| e["replacement"] == "**{ -ui-remove-reseller-relationship }**"));
    assert_eq!(json["by_code"]["term-mismatch"]["fixable"], 2, "{json:#}");

    let out = run(root, &["check", "--fix"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains(&format!("{DE}:38: fixed term-mismatch:")), "{}", out.stderr);
    assert!(out.stderr.ends_with("applied 2 fixes in 2 files\n"), "{}", out.stderr);
    let shipped = |rel: &str| std::fs::read(support::repo().join(rel)).unwrap();
    assert_eq!(std::fs::read(root.join(DE)).unwrap(), shipped(DE));
    assert_eq!(std::fs::read(root.join(ZH)).unwrap(), shipped(ZH));
    let leftovers: Vec<_> = std::fs::read_dir(root.join("locales/de-DE"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Nothing left to fix: a second run changes nothing.
    let out = run(root, &["check", "--fix"]);
    assert!(out.stderr.ends_with("applied 0 fixes in 0 files\n"), "{}", out.stderr);
}

#[test]
fn a_maybe_incorrect_suggestion_is_shown_but_not_applied() {
    let dir = shipped_project();
    let root = dir.path();
    // An inflected form in the label's place: the sentence may need it.
    edit(root, DE, "Wählen Sie **{ -ui-suspended }** aus.", "Wählen Sie **Angehaltenes** aus.");
    let before = std::fs::read(root.join(DE)).unwrap();
    let out = run(root, &["check"]);
    assert!(out.stdout.contains("(maybe-incorrect)"), "{}", out.stdout);
    let out = run(root, &["check", "--fix"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.ends_with("applied 0 fixes in 0 files\n"), "{}", out.stderr);
    assert_eq!(std::fs::read(root.join(DE)).unwrap(), before);
}

#[test]
fn check_fix_on_the_imported_corpus_fixes_labels_and_adds_no_finding() {
    let dir = shipped_project();
    let root = dir.path();
    let inputs = import::inputs(&import::corpus().join("docfx"));
    assert!(inputs.len() > 50, "the shared corpus is there");
    let (_, report) = import::import_into(root, &inputs);
    let label_mismatches = report.diags.iter().filter(|d| d.code == "label-mismatch").count();
    let (labels_before, errors_before) = (missing_labels(root), errors(root));
    let out = run(root, &["check", "--fix", "--summary"]);
    let (labels_after, errors_after) = (missing_labels(root), errors(root));
    let total = |e: &BTreeMap<_, usize>| e.values().sum::<usize>();
    eprintln!(
        "label-mismatch (import): {label_mismatches}; labels not referenced: {labels_before} -> {labels_after}; errors: {} -> {}",
        total(&errors_before),
        total(&errors_after)
    );
    assert_eq!(labels_before, label_mismatches, "each label-mismatch is a term-mismatch");
    assert!(labels_after * 2 < labels_before, "{labels_before} -> {labels_after}\n{}", out.stderr);
    for (key, n) in &errors_after {
        let was = errors_before.get(key).copied().unwrap_or(0);
        assert!(*n <= was, "new finding {key:?} after --fix");
    }
    assert!(out.stdout.contains("worklist"), "{}", out.stdout);
}
