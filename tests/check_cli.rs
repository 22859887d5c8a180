//! The real binary on the shipped project and on temp copies of it: output, exit codes, and
//! `l10n status` / `l10n accept`.

mod support;

use std::path::Path;

use support::{repo, shipped_project as project};

/// The binary with `--root root` (the working directory stays the test's).
fn run(root: &Path, args: &[&str]) -> (i32, String, String) {
    let root = root.to_str().expect("a UTF-8 temp path");
    let out = support::drillbook(Path::new("."), &[&["--root", root][..], args].concat());
    (out.code, out.stdout, out.stderr)
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn shipped_locales_pass_check_with_no_errors_and_no_warnings() {
    // The only warnings are the two Partner Center articles outside this site that the
    // shipped article links to (listed once each, as `external-article`).
    let (code, stdout, stderr) = run(&repo(), &["check"]);
    let warnings: Vec<&str> = stdout.lines().filter(|l| l.contains(": warning[")).collect();
    assert_eq!(
        warnings,
        [
            "content/articles/remove-a-relationship.toml:93:15: warning[external-article]: `request-a-relationship-with-a-customer` is not an article of this site: 1 link goes to `external-article-url`",
            "locales/en-US/remove-a-relationship.ftl:18:1: warning[external-article]: `assign-support-contacts` is not an article of this site: 6 links go to `external-article-url`",
        ],
        "fix the translations; for `stale`, review them and run `drillbook l10n accept <locale>`"
    );
    assert_eq!(
        (code, stdout.lines().last(), stderr.as_str()),
        (0, Some("0 errors, 2 warnings"), "")
    );
}

#[test]
fn json_output_lists_findings_with_locale_and_message_id() {
    let dir = project();
    edit(&dir.path().join("locales/de-DE/site.ftl"), "nav-skip = ", "nav-skipp = ");
    // A lagging translation is a warning; `--strict` makes it an error.
    let (code, stdout, _) = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(code, 0, "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!((&json["errors"], &json["warnings"]), (&0.into(), &4.into()), "{stdout}");
    let (code, stdout, _) = run(dir.path(), &["check", "--format", "json", "--strict"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let diags = json["diagnostics"].as_array().unwrap();
    let missing =
        diags.iter().find(|d| d["code"] == "missing-message").expect("missing-message reported");
    assert_eq!(missing["locale"], "de-DE");
    assert_eq!(missing["id"], "nav-skip");
    assert_eq!(missing["path"], "locales/de-DE/site.ftl");
    assert!(missing["line"].as_u64().is_some());
    assert_eq!(missing["severity"], "error");
    // The missing and the obsolete message; the two external articles the shipped article
    // links to stay warnings.
    assert_eq!(json["errors"], 2);
    assert_eq!(json["warnings"], 2);
}

#[test]
fn errors_exit_1_sorted_with_a_summary_and_locale_filter_hides_other_locales() {
    let dir = project();
    let file = dir.path().join("locales/de-DE/remove-a-relationship.ftl");
    edit(
        &file,
        "Wählen Sie **{ -ui-remove-reseller-relationship }** aus.",
        "Wählen **Sie Resellerbeziehung entfernen** aus.",
    );
    edit(&file, "(assign-support-contacts.md)", "(assign.md)");
    let (code, stdout, _) = run(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}");
    let headlines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("locales/de-DE") && l.contains(": error["))
        .collect();
    assert_eq!(headlines.len(), 3, "{stdout}");
    assert!(
        headlines[0]
            .starts_with("locales/de-DE/remove-a-relationship.ftl:20:1: error[markup-mismatch]")
    );
    assert!(headlines.iter().any(|l| l.contains("error[term-mismatch]")));
    assert!(headlines.iter().any(|l| l.contains("error[label-inconsistent]")));
    assert!(stdout.contains("\n   | ^^^^"), "caret under the span: {stdout}");
    // The warnings are the external articles (`external-article`), `assign` among them.
    assert!(stdout.contains(
        "warning[external-article]: `assign` is not an article of this site: 1 link goes"
    ));
    assert!(stdout.ends_with("3 errors, 3 warnings\n"), "{stdout}");
    let (code, stdout, _) = run(dir.path(), &["check", "--locale", "nl-NL"]);
    assert_eq!((code, stdout.lines().last()), (0, Some("0 errors, 2 warnings")));
}

#[test]
fn warnings_fail_only_with_strict() {
    let dir = project();
    edit(
        &dir.path().join("locales/en-US/site.ftl"),
        "nav-skip = Skip to main content",
        "nav-skip = Skip to the main content",
    );
    let (code, stdout, _) = run(dir.path(), &["check"]);
    assert_eq!(code, 0);
    assert!(stdout.ends_with("0 errors, 7 warnings\n"), "{stdout}");
    let (code, _, _) = run(dir.path(), &["check", "--strict"]);
    assert_eq!(code, 1);
}

#[test]
fn l10n_accept_records_a_review_and_clears_stale() {
    let dir = project();
    edit(
        &dir.path().join("locales/en-US/site.ftl"),
        "nav-skip = Skip to main content",
        "nav-skip = Skip to the main content",
    );
    let (_, status, _) = run(dir.path(), &["l10n", "status"]);
    let row = status.lines().find(|l| l.starts_with("de-DE") && l.contains(" site ")).unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        [cells[0], cells[1], cells[3], cells[4], cells[5]],
        ["de-DE", "site", "0", "1", "0"],
        "{row}"
    );
    let (done, total) = cells[2].split_once('/').unwrap();
    assert_eq!(done, total, "{row}");
    let (code, stdout, _) = run(dir.path(), &["l10n", "accept", "de-DE", "nav-skip"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "de-DE: 1 review(s) recorded in locales/de-DE/l10n.lock\n")
    );
    let (_, stdout, _) = run(dir.path(), &["check", "--locale", "de-DE"]);
    assert!(!stdout.contains("[stale]"), "{stdout}");
    assert_eq!(stdout.lines().last(), Some("0 errors, 2 warnings"), "only the external articles");
    let lock = std::fs::read_to_string(dir.path().join("locales/de-DE/l10n.lock")).unwrap();
    let keys: Vec<&str> = lock.lines().filter(|l| !l.starts_with('#')).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "the lock file stays sorted");
}

/// Runs the `drillbook l10n accept ...` commands `check` prints, word for word.
fn run_printed_accepts(root: &Path, check_output: &str) -> usize {
    let mut ran = 0;
    for line in check_output.lines().filter(|l| l.contains("[stale]")) {
        let command = line.split("run `drillbook ").nth(1).and_then(|r| r.split('`').next());
        let args: Vec<&str> = command.expect("a command").split_whitespace().collect();
        let (code, stdout, stderr) = run(root, &args);
        assert_eq!(code, 0, "`{}` as printed: {stdout}{stderr}", args.join(" "));
        ran += 1;
    }
    ran
}

#[test]
fn the_accept_command_check_prints_for_a_term_runs_as_printed() {
    let dir = project();
    edit(
        &dir.path().join("locales/en-US/ui.ftl"),
        "-ui-customers = Customers",
        "-ui-customers = Customer list",
    );
    let (_, stdout, _) = run(dir.path(), &["check", "--locale", "de-DE"]);
    assert!(stdout.contains("`-ui-customers` is stale in de-DE"), "{stdout}");
    assert!(stdout.contains("drillbook l10n accept de-DE ui/-ui-customers`"), "{stdout}");
    assert_eq!(run_printed_accepts(dir.path(), &stdout), 1);
    let (_, stdout, _) = run(dir.path(), &["check", "--locale", "de-DE"]);
    assert!(!stdout.contains("[stale]"), "{stdout}");
    // The bare term id is read as a flag; after `--` it is an id.
    let (code, ..) = run(dir.path(), &["l10n", "accept", "de-DE", "-ui-customers"]);
    assert_eq!(code, 2);
    let (code, ..) = run(dir.path(), &["l10n", "accept", "de-DE", "--", "-ui-customers"]);
    assert_eq!(code, 0);
}

#[test]
fn l10n_accept_with_an_article_records_the_whole_file() {
    let dir = project();
    let en = dir.path().join("locales/en-US/remove-a-relationship.ftl");
    let text = std::fs::read_to_string(&en).unwrap();
    // Every message of the article changes its English.
    std::fs::write(&en, text.replace("relationship", "relation")).unwrap();
    let (_, stdout, _) = run(dir.path(), &["check", "--locale", "nl-NL"]);
    let stale = stdout.lines().filter(|l| l.contains("[stale]")).count();
    assert!(stale > 3, "{stdout}");
    let (code, stdout, stderr) =
        run(dir.path(), &["l10n", "accept", "nl-NL", "remove-a-relationship"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, format!("nl-NL: {stale} review(s) recorded in locales/nl-NL/l10n.lock\n"));
    let (_, stdout, _) = run(dir.path(), &["check", "--locale", "nl-NL"]);
    assert!(!stdout.contains("[stale]"), "{stdout}");
    // Other locales still wait for their review.
    let (_, stdout, _) = run(dir.path(), &["check", "--locale", "de-DE"]);
    assert!(stdout.contains("[stale]"), "{stdout}");
}

#[test]
fn l10n_status_diff_shows_the_reviewed_english_the_new_one_and_the_translation() {
    let dir = project();
    edit(
        &dir.path().join("locales/en-US/site.ftl"),
        "nav-skip = Skip to main content",
        "nav-skip = Skip to the main content",
    );
    let (code, stdout, stderr) =
        run(dir.path(), &["l10n", "status", "--diff", "--locale", "de-DE"]);
    assert_eq!(code, 0, "{stderr}");
    let detail = stdout.split("\nde-DE site/nav-skip\n").nth(1).expect("a detail for nav-skip");
    let german = std::fs::read_to_string(repo().join("locales/de-DE/site.ftl")).unwrap();
    let translation = german.lines().find_map(|l| l.strip_prefix("nav-skip = ")).unwrap();
    assert_eq!(
        detail,
        format!(
            "  reviewed English: Skip to main content\n  English now:      Skip to the main content\n  changes:          Skip to {{+the +}}main content\n  translation:      {translation}\n"
        )
    );
    assert!(!stdout.contains("nl-NL site/nav-skip"), "only the chosen locale");
    // Accepting records the new English; the old record, no longer used, goes.
    let reviewed = dir.path().join("locales/de-DE/l10n.reviewed");
    let (code, ..) = run(dir.path(), &["l10n", "accept", "de-DE", "site/nav-skip"]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&reviewed).unwrap();
    assert!(text.contains("\nnav-skip = Skip to the main content\n"), "{text}");
    assert!(!text.contains("\nnav-skip = Skip to main content\n"), "{text}");
    // A lock without the reviewed English (an older project) still works.
    edit(&dir.path().join("locales/en-US/site.ftl"), "Skip to the main", "Skip to all");
    std::fs::remove_file(&reviewed).unwrap();
    let (code, stdout, _) = run(dir.path(), &["l10n", "status", "--diff"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("  reviewed English: (not recorded"), "{stdout}");
    // A terminal escape in a translation is shown, not sent to the terminal.
    edit(&dir.path().join("locales/de-DE/site.ftl"), "nav-skip = ", "nav-skip = \u{1b}[2J");
    let (_, stdout, _) = run(dir.path(), &["l10n", "status", "--diff", "--locale", "de-DE"]);
    assert!(stdout.contains("  translation:      \\u{1b}[2J"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
}

#[test]
fn usage_and_io_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&dir.path().join("nowhere"), &["check"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error: "), "{stderr}");
    let (code, _, stderr) = run(&repo(), &["l10n", "accept", "xx-XX"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("not a translated locale"), "{stderr}");
    let (code, _, _) = run(&repo(), &["check", "--format", "yaml"]);
    assert_eq!(code, 2);
    let (code, _, stderr) = run(&repo(), &["check", "--locale", "fr-FR"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("`fr-FR` is not a locale of this site"), "{stderr}");
    let dir = project();
    std::fs::remove_file(dir.path().join("content/site.toml")).unwrap();
    let (code, stdout, _) = run(dir.path(), &["check"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stdout.contains("error[io]"), "{stdout}");
}
