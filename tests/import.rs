//! `drillbook import docfx` on the shared corpus, on temp copies of the project.

mod support;

#[path = "import/extensions.rs"]
mod extensions;
#[path = "import/revisions.rs"]
mod revisions;
#[path = "import/site.rs"]
mod site;

use drillbook::import::{Options, import_docfx, load_workspace};
use support::import::*;
use support::{repo, shipped_project};

#[test]
fn whole_corpus_imports_without_errors_and_the_site_loads() {
    let dir = shipped_project();
    let (_, report) = import_into(dir.path(), &inputs(&corpus().join("docfx")));
    let errors: Vec<_> =
        report.diags.iter().filter(|d| d.is_error()).map(|d| d.headline()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(report.files.len(), 55);
    assert!(report.files.iter().all(|f| f.skipped.is_none() && f.aligned > 0));
    let problems = load_problems(dir.path());
    assert!(problems.is_empty(), "{problems:#?}");
    golden("corpus-report.txt", &render(&report));
}

#[test]
fn import_is_idempotent() {
    let dir = shipped_project();
    let all = inputs(&corpus().join("docfx"));
    import_into(dir.path(), &all);
    let mut ws = load_workspace(dir.path()).expect("load");
    let report = import_docfx(&mut ws, &all, &Options::default());
    assert!(ws.changed().is_empty(), "a second import changed {:?}", ws.changed());
    assert!(report.diags.iter().all(|d| !d.is_error()));
}

#[test]
fn importing_the_seeds_twice_changes_nothing_the_second_time() {
    let dir = shipped_project();
    let mut files = inputs(&corpus().join("seeds"));
    files.extend(inputs(&corpus().join("seeds-sxs-twin")));
    import_into(dir.path(), &files);
    let mut ws = load_workspace(dir.path()).expect("load");
    import_docfx(&mut ws, &files, &Options::default());
    assert!(ws.changed().is_empty(), "a second import changed {:?}", ws.changed());
}

#[test]
fn new_article_from_the_current_revision_is_pinned() {
    let dir = shipped_project();
    // Pretend drillbook does not have the article yet.
    std::fs::remove_file(dir.path().join("content/articles/remove-a-relationship.toml"))
        .expect("rm");
    for locale in ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        std::fs::remove_file(
            dir.path().join(format!("locales/{locale}/remove-a-relationship.ftl")),
        )
        .expect("rm");
    }
    let files: Vec<_> = inputs(&corpus().join("docfx"))
        .into_iter()
        .filter(|i| i.path.ends_with("/remove-a-relationship.md"))
        .collect();
    assert_eq!(files.len(), 5);
    let (ws, report) = import_into(dir.path(), &files);
    assert!(load_problems(dir.path()).is_empty(), "{:#?}", load_problems(dir.path()));
    golden("new/report.txt", &render(&report));
    golden(
        "new/remove-a-relationship.toml",
        &ws.files["content/articles/remove-a-relationship.toml"],
    );
    for locale in ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        golden(
            &format!("new/{locale}.ftl"),
            &ws.files[&format!("locales/{locale}/remove-a-relationship.ftl")],
        );
    }
    for locale in ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        golden(
            &format!("new/{locale}.lock"),
            &scope_lines(
                &ws.files[&format!("locales/{locale}/l10n.lock")],
                "remove-a-relationship/",
            ),
        );
        assert!(stale_ids(dir.path(), locale, "remove-a-relationship").is_empty());
    }
}

#[test]
fn current_revision_over_the_shipped_article_updates_translations_and_is_not_stale() {
    let dir = shipped_project();
    let files: Vec<_> = inputs(&corpus().join("docfx"))
        .into_iter()
        .filter(|i| i.path.ends_with("/remove-a-relationship.md"))
        .collect();
    let (ws, report) = import_into(dir.path(), &files);
    assert!(load_problems(dir.path()).is_empty());
    golden("current/report.txt", &render(&report));
    // The hand-made en-US messages are kept; every segment aligns to one of them.
    assert_eq!(
        ws.files["locales/en-US/remove-a-relationship.ftl"],
        std::fs::read_to_string(repo().join("locales/en-US/remove-a-relationship.ftl"))
            .expect("read")
    );
    for f in &report.files {
        assert_eq!((f.segments, f.imported, f.unaligned, f.stale), (26, 26, 0, 0), "{f:?}");
    }
    golden(
        "current/remove-a-relationship.toml",
        &ws.files["content/articles/remove-a-relationship.toml"],
    );
    for locale in ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        golden(
            &format!("current/{locale}.ftl"),
            &ws.files[&format!("locales/{locale}/remove-a-relationship.ftl")],
        );
        assert!(stale_ids(dir.path(), locale, "remove-a-relationship").is_empty());
    }
    // The repository's own copy is untouched.
    let shipped = std::fs::read_to_string(repo().join("locales/de-DE/remove-a-relationship.ftl"))
        .expect("read");
    assert!(
        shipped.contains("**{ -ui-customers }**, und wählen"),
        "the shipped translation changed"
    );
}

#[test]
fn seeds_make_check_report_exactly_the_segments_whose_english_changed() {
    let dir = shipped_project();
    // Start without lock files, so every entry is one this import wrote.
    for locale in ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        let _ = std::fs::remove_file(dir.path().join(format!("locales/{locale}/l10n.lock")));
    }
    let mut files = inputs(&corpus().join("seeds"));
    files.extend(inputs(&corpus().join("seeds-sxs-twin")));
    let (ws, report) = import_into(dir.path(), &files);
    assert!(report.diags.iter().all(|d| !d.is_error()), "{}", render(&report));
    assert!(load_problems(dir.path()).is_empty());
    golden("seeds/report.txt", &render(&report));
    let en = ws.files["locales/en-US/remove-a-relationship.ftl"].clone();
    let mut stale_report = String::new();
    for locale in ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        let stale = stale_ids(dir.path(), locale, "remove-a-relationship");
        let file = report
            .files
            .iter()
            .find(|f| f.locale == locale && f.skipped.is_none())
            .expect("imported");
        assert_eq!(stale.len(), file.stale, "{locale}");
        stale_report.push_str(&format!("{locale}: {}\n", stale.join(" ")));
        // Independently of the aligner: a message is stale exactly when its current English
        // does not occur in the seed's English halves.
        let seed = files
            .iter()
            .find(|i| {
                i.path.starts_with(&format!("seeds-sxs-twin/{locale}/")).then_some(()).is_some()
                    || i.path.starts_with(&format!("seeds/{locale}/")) && locale != "sv-SE"
            })
            .expect("seed");
        let english_halves = english_halves(&seed.source);
        let lock_src = ws.files[&format!("locales/{locale}/l10n.lock")].clone();
        for line in lock_src.lines().filter(|l| l.starts_with("remove-a-relationship/")) {
            let id =
                line.split(" = ").next().unwrap_or("").trim_start_matches("remove-a-relationship/");
            if matches!(id, "article-title" | "article-description" | "audience") {
                continue;
            }
            let english = english_text(&en, id);
            let present = english_halves
                .iter()
                .any(|h| h.trim_end_matches('.') == english.trim_end_matches('.'));
            assert_eq!(!present, stale.iter().any(|s| s == id), "{locale} {id}: `{english}`");
        }
    }
    golden("seeds/stale.txt", &stale_report);
    // The real `check` agrees, message for message.
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_drillbook"))
        .arg("--root")
        .arg(dir.path())
        .arg("check")
        .output()
        .expect("run check");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    for locale in ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        let prefix = format!("locales/{locale}/remove-a-relationship.ftl:");
        let mut from_check: Vec<&str> = text
            .lines()
            .filter(|l| {
                l.starts_with(&prefix)
                    && l.contains("warning[stale]")
                    && l.contains("the English changed")
            })
            .filter_map(|l| l.split('`').nth(1))
            .collect();
        from_check.sort_unstable();
        assert_eq!(from_check, stale_ids(dir.path(), locale, "remove-a-relationship"), "{locale}");
    }
    for locale in ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        golden(
            &format!("seeds/{locale}.ftl"),
            &ws.files[&format!("locales/{locale}/remove-a-relationship.ftl")],
        );
        golden(
            &format!("seeds/{locale}.lock"),
            &scope_lines(
                &ws.files[&format!("locales/{locale}/l10n.lock")],
                "remove-a-relationship/",
            ),
        );
    }
}

/// The English halves of the side-by-side spans of a file.
fn english_halves(source: &str) -> Vec<String> {
    source
        .split("<span data-stu-id=\"")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find("\">")? + 2;
            let end = rest.find("</span>")?;
            Some(rest[start..end].split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

/// An en-US message's text with UI terms resolved to their English values.
fn english_text(ftl: &str, id: &str) -> String {
    let terms = [
        ("{ -ui-customers }", "Customers"),
        ("{ -ui-subscriptions }", "Subscriptions"),
        ("{ -ui-suspended }", "Suspended"),
        ("{ -ui-account }", "Account"),
        ("{ -ui-remove-reseller-relationship }", "Remove reseller relationship"),
    ];
    let line = ftl
        .lines()
        .find(|l| l.starts_with(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("no en-US `{id}`"));
    let mut text = line[id.len() + 3..].to_string();
    for (term, value) in terms {
        text = text.replace(term, value);
    }
    text
}

#[test]
fn plain_file_without_its_twin_is_not_imported_and_named() {
    let dir = shipped_project();
    let files = inputs(&corpus().join("seeds/sv-SE"));
    let mut ws = load_workspace(dir.path()).expect("load");
    let report = import_docfx(&mut ws, &files, &Options::default());
    assert!(ws.changed().is_empty());
    let diag = report.diags.iter().find(|d| d.code == "plain-file").expect("plain-file diagnostic");
    assert_eq!(diag.path, "seeds/sv-SE/remove-a-relationship.md");
    assert!(diag.message.contains("fb6af7896f659630bb6810868dc017e1968e4d19"), "{}", diag.message);
}

#[test]
fn machine_translation_is_recorded_as_provenance() {
    let dir = shipped_project();
    let files: Vec<_> = inputs(&corpus().join("docfx"))
        .into_iter()
        .filter(|i| i.path.ends_with("/customers-revoke-admin-privileges.md"))
        .collect();
    let (ws, _) = import_into(dir.path(), &files);
    let (article, diags) = drillbook::content::parse_article(
        "customers-revoke-admin-privileges",
        "a.toml",
        &ws.files["content/articles/customers-revoke-admin-privileges.toml"],
    );
    assert!(diags.is_empty(), "{diags:?}");
    let kinds: Vec<String> = article
        .expect("article")
        .translations
        .iter()
        .map(|(l, t)| format!("{l}={:?}", t.kind))
        .collect();
    // `ms.translationtype` is HT in de-DE, ru-RU and zh-CN for this article, MT in nl-NL and sv-SE.
    assert_eq!(
        kinds,
        ["de-DE=Human", "nl-NL=Machine", "ru-RU=Human", "sv-SE=Machine", "zh-CN=Human"]
    );
}

#[test]
fn cli_imports_and_reports_per_file() {
    let dir = shipped_project();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_drillbook"))
        .arg("--root")
        .arg(dir.path())
        .args(["import", "docfx"])
        .arg(corpus().join("docfx/ru-RU/remove-a-relationship.md"))
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("ru-RU remove-a-relationship: 26 segments, 26 imported; 25 messages aligned, 0 stale, 0 unaligned"), "{stdout}");
    assert!(stdout.contains("wrote locales/ru-RU/remove-a-relationship.ftl"), "{stdout}");
    assert!(stderr.contains("warning[label-mismatch]"), "{stderr}");
    let missing = std::process::Command::new(env!("CARGO_BIN_EXE_drillbook"))
        .arg("--root")
        .arg(dir.path())
        .args(["import", "docfx", "/nonexistent/file.md"])
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn malformed_spans_are_errors_at_path_line_col_and_exit_1() {
    let dir = shipped_project();
    let source = std::fs::read_to_string(corpus().join("docfx/nl-NL/remove-a-relationship.md"))
        .expect("read");
    // Break the closing tag of the "Next steps" heading's English span.
    let broken = source.replacen("Next steps</span></span>", "Next steps</span></spun>", 1);
    assert_ne!(broken, source);
    let file = dir.path().join("remove-a-relationship.md");
    std::fs::write(&file, broken).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_drillbook"))
        .current_dir(dir.path())
        .args(["import", "docfx", "remove-a-relationship.md"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let line =
        source.lines().position(|l| l.contains("Next steps</span></span>")).expect("line") + 1;
    assert!(
        stderr.contains(&format!("remove-a-relationship.md:{line}:"))
            && stderr.contains("error[malformed-span]"),
        "{stderr}"
    );
}

#[test]
fn keep_existing_leaves_hand_corrected_translations_alone() {
    let dir = shipped_project();
    let files: Vec<_> = inputs(&corpus().join("docfx"))
        .into_iter()
        .filter(|i| i.path.ends_with("/remove-a-relationship.md"))
        .collect();
    let mut ws = load_workspace(dir.path()).expect("load");
    let options = Options { keep_existing: true, ..Options::default() };
    let report = import_docfx(&mut ws, &files, &options);
    for f in &report.files {
        // All 23 body messages and the front matter align; every one already exists.
        assert_eq!((f.aligned, f.kept), (25, 25), "{f:?}");
    }
    for locale in ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        let path = format!("locales/{locale}/remove-a-relationship.ftl");
        let shipped = std::fs::read_to_string(repo().join(&path)).expect("read");
        assert_eq!(ws.files[&path], shipped, "{locale} changed");
    }
}

/// The lines of a lock file for one article (other scopes belong to other tests).
fn scope_lines(lock: &str, prefix: &str) -> String {
    lock.lines().filter(|l| l.starts_with(prefix)).map(|l| format!("{l}\n")).collect()
}

/// (translation, English) of each side-by-side segment, in file order (an extractor of the
/// test's own, not the importer's).
fn sxs_pairs(source: &str) -> Vec<(String, String)> {
    source
        .split("<span data-ttu-id=\"")
        .skip(1)
        .filter_map(|rest| {
            let t0 = rest.find("\">")? + 2;
            let t1 = rest.find("</span>")?;
            let after = &rest[t1..];
            let e0 = after.find("<span data-stu-id=\"")?;
            let e = &after[e0..];
            let e1 = e.find("\">")? + 2;
            let e2 = e.find("</span>")?;
            Some((rest[t0..t1].to_string(), e[e1..e2].to_string()))
        })
        .collect()
}

fn join(pairs: &[(String, String)], half: impl Fn(&(String, String)) -> &String) -> String {
    pairs.iter().map(half).cloned().collect::<Vec<_>>().join(" ")
}

/// Whitespace, Markdown emphasis, link brackets and destinations and a final period
/// ignored.
fn flat(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..at]);
        rest = rest[at..].find(')').map_or("", |end| &rest[at + end + 1..]);
    }
    out.push_str(rest);
    out.replace("**", "")
        .replace(['[', ']', '\\'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_string()
}
