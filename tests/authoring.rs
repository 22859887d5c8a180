//! Issue 35, authoring like a docs team, through the real binary: partial builds never
//! strand links, and the examples of docs/authoring.md build.

mod support;

use std::fs;
use std::path::PathBuf;

use support::drillbook;

/// A new project in a temp directory: (the temp dir, the project inside it).
fn new_project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = drillbook(tmp.path(), &["new", "proj"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let project = tmp.path().join("proj");
    (tmp, project)
}

#[test]
fn a_one_locale_build_refuses_to_remove_the_other_locales_pages() {
    let (_tmp, project) = new_project();
    assert_eq!(drillbook(&project, &["build"]).code, 0);
    let english = project.join("site/en-US/suspend-a-subscription/index.html");
    let before = fs::read(&english).unwrap();
    let out = drillbook(&project, &["build", "--locale", "de-DE"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "refusing `--locale de-DE`: it would replace `./site` with a site of only de-DE, \
             removing its en-US pages"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.trim_end().ends_with("Nothing was written."), "{}", out.stderr);
    assert_eq!(fs::read(&english).unwrap(), before, "the English pages stay");
    // Every locale, or a new directory for a preview, is fine.
    let all = drillbook(&project, &["build", "--locale", "de-DE", "--locale", "en-US"]);
    assert_eq!(all.code, 0, "{}", all.stderr);
    let preview = drillbook(&project, &["build", "--locale", "de-DE", "--out", "preview"]);
    assert_eq!(preview.code, 0, "{}", preview.stderr);
    assert!(project.join("preview/de-DE/suspend-a-subscription/index.html").is_file());
}

#[test]
fn any_procedure_article_has_a_checklist_headed_by_its_title_in_the_locale() {
    let (_tmp, project) = new_project();
    let out = drillbook(
        &project,
        &["checklist", "--article", "suspend-a-subscription", "--locale", "de-DE"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let de_ftl =
        fs::read_to_string(project.join("locales/de-DE/suspend-a-subscription.ftl")).unwrap();
    let message = |id: &str| {
        let line = de_ftl.lines().find(|l| l.starts_with(&format!("{id} = "))).unwrap();
        line.split_once(" = ").unwrap().1.to_string()
    };
    let mut lines = out.stdout.lines();
    assert_eq!(lines.next(), Some(format!("# {}", message("title")).as_str()));
    for step in ["step-open", "step-select", "step-suspend"] {
        // Up to the first placeable (a UI term the page resolves).
        let text = message(step);
        let item = format!("- [ ] {}", text.split('{').next().unwrap());
        assert!(out.stdout.contains(&item), "{item} not in\n{}", out.stdout);
    }
    let typo = drillbook(&project, &["checklist", "--article", "suspend-a-subscriptio"]);
    assert_eq!(typo.code, 2);
    assert!(typo.stderr.contains("did you mean `suspend-a-subscription`?"), "{}", typo.stderr);
    // The starter's article has no simulator: a customer file does not apply.
    fs::write(project.join("c.toml"), "[[customers]]\nid = \"c\"\nname = \"C\"\n").unwrap();
    let customer = drillbook(
        &project,
        &["checklist", "--article", "suspend-a-subscription", "--customer", "c.toml"],
    );
    assert_eq!(customer.code, 2);
    assert!(customer.stderr.contains("has no simulator"), "{}", customer.stderr);
}

#[test]
fn a_customer_file_needs_only_its_customers() {
    let project = support::shipped_project();
    let file = "[[customers]]\nid = \"contoso\"\nname = \"Contoso\"\nsubscriptions = [{ id = \"s1\", name = \"Contoso 365\", offer = \"Microsoft 365 E3\", quantity = 5, status = \"active\" }]\n";
    fs::write(project.path().join("contoso.toml"), file).unwrap();
    let args = ["checklist", "--article", "remove-a-relationship", "--customer", "contoso.toml"];
    let out = drillbook(project.path(), &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Contoso 365"), "{}", out.stdout);
    assert!(!out.stdout.contains("Woodgrove"), "{}", out.stdout);
    // A mistake is reported at its line in the file as written.
    fs::write(project.path().join("contoso.toml"), file.replace("\"active\"", "\"actve\""))
        .unwrap();
    let bad = drillbook(project.path(), &args);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("contoso.toml:4:"), "{}", bad.stderr);
    assert!(bad.stderr.contains("did you mean `active`?"), "{}", bad.stderr);
}
