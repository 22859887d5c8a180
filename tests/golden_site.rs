//! Golden files for the shipped site: every page of every locale, byte for byte.
//! Update with `UPDATE_GOLDEN=1 cargo test --test golden_site` and review the diff.

mod support;

use support::{drillbook, golden, shipped_project};

#[test]
fn shipped_site_matches_golden_files_in_all_six_locales() {
    let project = shipped_project();
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let site = project.path().join("site");
    let mut problems = Vec::new();
    let mut checked = 0;
    for locale in ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        for page in [
            "remove-a-relationship/index.html",
            "remove-a-relationship/checklist/index.html",
            "remove-a-relationship/checklist.md",
            "index.html",
            "dashboard/index.html",
        ] {
            let rel = format!("{locale}/{page}");
            let bytes = std::fs::read(site.join(&rel)).unwrap();
            problems.extend(golden(&format!("site/{rel}"), &bytes));
            checked += 1;
        }
    }
    for rel in ["index.html", "404.html", "sitemap.xml"] {
        problems.extend(golden(&format!("site/{rel}"), &std::fs::read(site.join(rel)).unwrap()));
        checked += 1;
    }
    assert_eq!(checked, 33);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
