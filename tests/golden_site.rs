//! Golden files for the shipped site: every page of every locale, byte for byte.
//! Update with `UPDATE_GOLDEN=1 cargo test --test golden_site` and review the diff.

mod support;

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};
use support::{drillbook, golden, shipped_project, tree};

/// Every file of the built site is covered: pages, feeds and data as reviewable text
/// goldens (`tests/golden/site/<path>`), and every file (the search index and assets
/// included) by its SHA-256 in `tests/golden/site.manifest`, so a file added, removed or
/// changed anywhere in the tree fails the test.
#[test]
fn shipped_site_matches_golden_files_in_all_six_locales() {
    let project = shipped_project();
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let site = tree(&project.path().join("site"));
    let mut problems = Vec::new();
    let mut manifest = String::new();
    let mut texts = BTreeSet::new();
    for (rel, bytes) in &site {
        let hash: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        manifest.push_str(&format!("{hash}  {rel}\n"));
        if is_text_page(rel) {
            problems.extend(golden(&format!("site/{rel}"), bytes));
            texts.insert(rel.clone());
        }
    }
    problems.extend(golden("site.manifest", manifest.as_bytes()));
    // Golden pages that the site no longer has.
    let kept = tree(&support::repo().join("tests/golden/site"));
    for rel in kept.keys().filter(|rel| !texts.contains(*rel)) {
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::remove_file(support::repo().join("tests/golden/site").join(rel)).unwrap();
        } else {
            problems.push(format!("tests/golden/site/{rel} is no longer built; remove it"));
        }
    }
    // Six locales, each with its article, checklist (page and Markdown), index and dashboard.
    assert!(texts.len() >= 33, "{texts:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Pages and data kept as text goldens; assets and the search index are covered by the
/// manifest alone.
fn is_text_page(rel: &str) -> bool {
    let top = rel.split('/').next().unwrap_or("");
    top != "assets"
        && top != "pagefind"
        && [".html", ".md", ".xml", ".json", ".txt"].iter().any(|ext| rel.ends_with(ext))
}

#[test]
fn german_page_names_remove_reseller_relationship_the_same_in_step_and_note() {
    let project = shipped_project();
    assert_eq!(drillbook(project.path(), &["build", "--locale", "de-DE"]).code, 0);
    let html =
        std::fs::read_to_string(project.path().join("site/de-DE/remove-a-relationship/index.html"))
            .unwrap();
    let label = "<strong>Resellerbeziehung entfernen</strong>";
    let step = html.find("id=\"step-remove-3\"").unwrap();
    let note = html.find("class=\"alert alert-note\"").unwrap();
    assert!(html[step..note].contains(label), "the step names the label");
    assert!(html[note..].contains(label), "the note names the label");
    assert!(!html.contains("Vertriebspartnerbeziehung"));
    assert!(html.contains("<html lang=\"de-DE\""));
    assert!(html.contains("Halten Sie alle aktiven Abonnements an."));
}
