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
