//! `drillbook import docfx` on the shared corpus, on temp copies of the project.

mod support;

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

#[test]
fn imported_corpus_builds_in_six_locales_and_check_reports_the_same_stale_messages() {
    let dir = shipped_project();
    let (_, report) = import_into(dir.path(), &inputs(&corpus().join("docfx")));
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_drillbook"))
            .arg("--root")
            .arg(dir.path())
            .args(args)
            .output()
            .expect("run drillbook")
    };
    let out_dir = dir.path().join("site");
    // The machine translations' defects are errors: `build` refuses them as `check` does.
    let build = run(&["build", "--out", out_dir.to_str().expect("utf-8 path")]);
    assert_eq!(build.status.code(), Some(1), "{}", String::from_utf8_lossy(&build.stderr));
    assert!(!out_dir.exists());
    let check = run(&["check"]);
    let headlines = |out: &[u8]| -> Vec<String> {
        let text = String::from_utf8_lossy(out);
        text.lines().filter(|l| l.contains(": error[")).map(String::from).collect()
    };
    assert_eq!(headlines(&build.stderr), headlines(&check.stdout));
    // Without the translations `check` refuses (they fall back to English), it builds.
    let raw = support::drop_broken_translations(dir.path());
    let build = run(&["build", "--out", out_dir.to_str().expect("utf-8 path")]);
    assert_eq!(build.status.code(), Some(0), "{}", String::from_utf8_lossy(&build.stderr));
    restore(raw);
    for locale in ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        for article in ["autopilot", "sell-to-education-customers", "remove-a-relationship"] {
            assert!(
                out_dir.join(locale).join(article).join("index.html").exists(),
                "{locale}/{article}"
            );
        }
    }
    // `check` runs (it finds the MT defects the corpus README lists: exit 1, not 2) and
    // reports as stale exactly the messages the import reported as translated from older English.
    let check = run(&["check"]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(check.status.code(), Some(1), "{text}");
    let stale_in_check = text
        .lines()
        .filter(|l| l.contains("warning[stale]") && l.contains("the English changed"))
        .count();
    let stale_in_report: usize = report.files.iter().map(|f| f.stale).sum();
    assert_eq!(stale_in_check, stale_in_report, "{text}");
    assert_eq!(stale_in_report, 10);
}

/// `build` streams (one translated locale's article files in memory at a time); `serve`
/// keeps the whole model. On the imported corpus (stale messages, MT defects, links to
/// articles outside the site, in six locales) both write the same bytes, dashboards included.
#[test]
fn the_streaming_build_and_the_kept_model_write_the_same_site() {
    use drillbook::search::Mode;
    let dir = shipped_project();
    import_into(dir.path(), &inputs(&corpus().join("docfx")));
    support::drop_broken_translations(dir.path());
    let (streamed, kept) = (dir.path().join("streamed"), dir.path().join("kept"));
    let (stats, diags) =
        drillbook::build::build_site(dir.path(), &streamed, &[], false, Mode::Off).expect("build");
    assert!(stats.is_some(), "{diags:#?}");
    let (built, kept_diags) =
        drillbook::build::build_model(dir.path(), &kept, &[], false, Mode::Off).expect("build");
    assert!(built.is_some(), "{kept_diags:#?}");
    assert_eq!(diags, kept_diags);
    let (a, b) = (files_under(&streamed), files_under(&kept));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    let differing: Vec<&String> =
        a.iter().filter(|(p, bytes)| b[*p] != **bytes).map(|(p, _)| p).collect();
    assert!(differing.is_empty(), "{differing:?}");
    assert!(a.len() > 200, "{}", a.len());
    let stale = String::from_utf8_lossy(&a["de-DE/dashboard/stale/index.html"]).into_owned();
    assert!(stale.contains("href=\"../file/"), "the dashboard lists the files with stale messages");
    let shown = a.iter().any(|(path, bytes)| {
        path.starts_with("de-DE/dashboard/file/")
            && String::from_utf8_lossy(bytes).contains("<h2 id=\"stale\">")
    });
    assert!(shown, "a file's dashboard page shows its stale messages");
}

fn restore(raw: Vec<(std::path::PathBuf, String)>) {
    for (path, text) in raw {
        std::fs::write(path, text).expect("write");
    }
}

/// Every file under `dir`, by path relative to it.
fn files_under(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("under dir").to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

/// Raw HTML DocFX renders (`<br/>` and `</br>` in table cells, `<sup>`, `<font>`, `<a href>`,
/// `<ul><li>`, comments) and sxs tags whose quotes the translation escaped: what the import
/// makes of them, and that the site loads.
#[test]
fn raw_html_becomes_markdown() {
    let dir = shipped_project();
    let files = inputs(&repo().join("tests/fixtures/import/raw-html"));
    assert_eq!(files.len(), 1);
    let (ws, report) = import_into(dir.path(), &files);
    assert!(report.diags.iter().all(|d| !d.is_error()), "{}", render(&report));
    assert!(load_problems(dir.path()).is_empty(), "{:#?}", load_problems(dir.path()));
    let report_text = render(&report).replace(&repo().to_string_lossy().to_string(), "<repo>");
    golden("raw-html/report.txt", &report_text);
    golden("raw-html/raw-html.toml", &ws.files["content/articles/raw-html.toml"]);
    for locale in ["en-US", "de-DE"] {
        golden(
            &format!("raw-html/{locale}.ftl"),
            &ws.files[&format!("locales/{locale}/raw-html.ftl")],
        );
    }
}

/// A translation made from older English (the real de-DE seed, `tests/fixtures/import/stale`)
/// lands on the message whose English it was made from: for every message the import marks
/// stale, `l10n.reviewed` holds the English its lock entry was made from, that English is a
/// run of the seed's English halves, and the imported translation is the translation halves
/// of the same run. `l10n status --diff` then shows the word diff to the current English.
#[test]
fn stale_segments_land_on_their_message_with_the_english_they_were_made_from() {
    let dir = shipped_project();
    let _ = std::fs::remove_file(dir.path().join("locales/de-DE/l10n.lock"));
    let files = inputs(&repo().join("tests/fixtures/import/stale"));
    assert_eq!(files.len(), 1, "the fixture is one DocFX file");
    let (ws, report) = import_into(dir.path(), &files);
    assert!(report.diags.iter().all(|d| !d.is_error()), "{}", render(&report));
    let stale = stale_ids(dir.path(), "de-DE", "remove-a-relationship");
    assert_eq!(stale.len(), report.files[0].stale);
    assert!(stale.len() >= 3, "the seed's English is older: {stale:?}");
    let reviewed =
        drillbook::l10n::reviewed::parse_reviewed(&ws.files["locales/de-DE/l10n.reviewed"]);
    let (lock, _) =
        drillbook::l10n::lock::parse_lock("l10n.lock", &ws.files["locales/de-DE/l10n.lock"]);
    let en = &ws.files["locales/en-US/remove-a-relationship.ftl"];
    let de = &ws.files["locales/de-DE/remove-a-relationship.ftl"];
    let pairs = sxs_pairs(&files[0].source);
    let mut pinned = String::new();
    for id in &stale {
        let print = &lock[&format!("remove-a-relationship/{id}")];
        let record =
            reviewed.get(print).unwrap_or_else(|| panic!("no reviewed English for `{id}`"));
        let old = resolve_terms(
            record.strip_prefix(&format!("{id} = ")).expect("a one-line record"),
            EN_TERMS,
        );
        let now = resolve_terms(&message_line(en, id), EN_TERMS);
        assert_ne!(flat(&old), flat(&now), "{id} is stale, so its English changed");
        let translation = resolve_terms(&message_line(de, id), DE_TERMS);
        // The run of segments whose English halves make up the reviewed English…
        let run = (0..pairs.len())
            .flat_map(|i| (i + 1..=pairs.len()).map(move |j| (i, j)))
            .find(|&(i, j)| flat(&join(&pairs[i..j], |p| &p.1)) == flat(&old))
            .unwrap_or_else(|| panic!("`{id}`: `{old}` is not English of the seed"));
        // …carries exactly the translation imported for this message.
        assert_eq!(
            flat(&join(&pairs[run.0..run.1], |p| &p.0)),
            flat(&translation),
            "`{id}` got another segment's translation"
        );
        pinned.push_str(&format!(
            "{id}\n  made from: {old}\n  now:       {now}\n  de-DE:     {translation}\n"
        ));
    }
    golden("stale/de-DE.txt", &pinned);
    // `l10n status --diff` shows what changed, from the reviewed English the import recorded.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_drillbook"))
        .arg("--root")
        .arg(dir.path())
        .args(["l10n", "status", "--diff", "--locale", "de-DE"])
        .output()
        .expect("run l10n status");
    let stdout = String::from_utf8_lossy(&out.stdout);
    for id in &stale {
        let detail = stdout
            .split(&format!("\nde-DE remove-a-relationship/{id}\n"))
            .nth(1)
            .unwrap_or_else(|| panic!("no detail for `{id}`:\n{stdout}"));
        assert!(detail.starts_with("  reviewed English: "), "{detail}");
        assert!(detail.lines().nth(2).is_some_and(|l| l.starts_with("  changes:")), "{detail}");
    }
}

const EN_TERMS: &[(&str, &str)] = &[
    ("{ -ui-customers }", "Customers"),
    ("{ -ui-subscriptions }", "Subscriptions"),
    ("{ -ui-suspended }", "Suspended"),
    ("{ -ui-account }", "Account"),
    ("{ -ui-remove-reseller-relationship }", "Remove reseller relationship"),
];
const DE_TERMS: &[(&str, &str)] = &[
    ("{ -ui-customers }", "Kunden"),
    ("{ -ui-subscriptions }", "Abonnements"),
    ("{ -ui-suspended }", "Angehalten"),
    ("{ -ui-account }", "Konto"),
    ("{ -ui-remove-reseller-relationship }", "Resellerbeziehung entfernen"),
];

fn resolve_terms(text: &str, terms: &[(&str, &str)]) -> String {
    terms.iter().fold(text.to_string(), |t, (term, value)| t.replace(term, value))
}

/// The one-line value of message `id` in an FTL source.
fn message_line(ftl: &str, id: &str) -> String {
    ftl.lines()
        .find_map(|l| l.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("no one-line `{id}`"))
        .to_string()
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

/// DocFX extensions (`tests/fixtures/import/extensions`, lines as the HoloLens corpus writes
/// them): what each becomes in the article, the messages and the built de-DE page.
#[test]
fn docfx_extensions_become_images_and_localized_notes() {
    let dir = shipped_project();
    let files = inputs(&repo().join("tests/fixtures/import/extensions"));
    assert_eq!(files.len(), 1);
    let (ws, report) = import_into(dir.path(), &files);
    assert!(report.diags.iter().all(|d| !d.is_error()), "{}", render(&report));
    assert!(load_problems(dir.path()).is_empty(), "{:#?}", load_problems(dir.path()));
    let report_text = render(&report).replace(&repo().to_string_lossy().to_string(), "<repo>");
    golden("extensions/report.txt", &report_text);
    golden("extensions/extensions.toml", &ws.files["content/articles/extensions.toml"]);
    for locale in ["en-US", "de-DE"] {
        golden(
            &format!("extensions/{locale}.ftl"),
            &ws.files[&format!("locales/{locale}/extensions.ftl")],
        );
    }
    // Two of the images are files of the site; the others are not (their alt text shows).
    std::fs::create_dir_all(dir.path().join("content/media")).expect("media dir");
    for name in ["border.png", "gear.png"] {
        std::fs::write(dir.path().join("content/media").join(name), b"\x89PNG\r\n").expect("media");
    }
    let out = dir.path().join("out");
    let built = support::drillbook(
        dir.path(),
        &[
            "--root",
            &dir.path().to_string_lossy(),
            "build",
            "--no-search",
            "--out",
            &out.to_string_lossy(),
        ],
    );
    assert_eq!(built.code, 0, "{}", built.stderr);
    for locale in ["en-US", "de-DE"] {
        let page = std::fs::read_to_string(out.join(locale).join("extensions/index.html"))
            .expect("the page");
        let start = page.find("<h1").expect("an h1");
        let end = page[start..].find("</article>").map_or(page.len(), |e| start + e);
        golden(&format!("extensions/{locale}.html"), &page[start..end]);
    }
}

/// `hololens-licenses-requirements` (real): de-DE and ru-RU were translated from English
/// revision 2f7af532…, which shares one segment with the newest (nl-NL) English. Their
/// translations are kept as one `earlier` block with that revision's English, each message
/// carrying the translation of its own segments, shown only on the de-DE and ru-RU pages.
#[test]
fn a_translation_of_an_earlier_revision_is_kept_as_an_earlier_block_in_its_locales() {
    let dir = shipped_project();
    let hololens = corpus().join("hololens");
    let files: Vec<_> = ["nl-NL", "de-DE", "ru-RU"]
        .iter()
        .flat_map(|l| inputs(&hololens.join(l)))
        .filter(|i| i.path.ends_with("/hololens-licenses-requirements.md"))
        .collect();
    assert_eq!(files.len(), 3);
    let (ws, report) = import_into(dir.path(), &files);
    assert!(report.diags.iter().all(|d| !d.is_error()), "{}", render(&report));
    let earlier: Vec<_> = report
        .diags
        .iter()
        .filter(|d| d.code == "earlier-revision")
        .map(|d| d.path.clone())
        .collect();
    assert_eq!(
        earlier,
        ["hololens/de-DE/hololens-licenses-requirements.md"],
        "one block, made once"
    );
    for f in &report.files {
        assert_eq!(f.unaligned, 0, "{f:?}");
    }
    let toml = &ws.files["content/articles/hololens-licenses-requirements.toml"];
    assert_eq!(toml.matches("[body.earlier]").count(), 1, "{toml}");
    assert!(toml.contains("revision = \"2f7af532d2172dcaa6514ee11dbb0d6ab5631929\""));
    let en = &ws.files["locales/en-US/hololens-licenses-requirements.ftl"];
    for (locale, file) in [("de-DE", &files[1]), ("ru-RU", &files[2])] {
        let ftl = &ws.files[&format!("locales/{locale}/hololens-licenses-requirements.ftl")];
        let pairs = sxs_pairs(&file.source);
        let (mut checked, mut total) = (0, 0);
        for id in ftl
            .lines()
            .filter_map(|l| l.split(" = ").next())
            .filter(|id| id.starts_with("earlier-"))
        {
            total += 1;
            let (Some(english), Some(translation)) = (one_line(en, id), one_line(ftl, id)) else {
                continue;
            };
            let run = (0..pairs.len())
                .flat_map(|i| (i + 1..=pairs.len()).map(move |j| (i, j)))
                .find(|&(i, j)| flat(&join(&pairs[i..j], |p| &p.1)) == flat(&english));
            if run.is_none() {
                eprintln!("{locale} `{id}` unchecked: {english}");
            }
            if let Some((i, j)) = run {
                checked += 1;
                assert_eq!(
                    flat(&join(&pairs[i..j], |p| &p.0)),
                    flat(&translation),
                    "{locale} `{id}` got another segment's translation"
                );
            }
        }
        assert!(total >= 20 && checked == total, "{locale}: {checked} of {total} checked");
    }
    // Imported again: nothing changes (the files align to the block now).
    let mut again = load_workspace(dir.path()).expect("load");
    import_docfx(&mut again, &files, &Options::default());
    assert!(again.changed().is_empty(), "{:?}", again.changed());
    // Built: the block shows in de-DE and ru-RU only, under its note.
    support::drop_broken_translations(dir.path());
    let out = dir.path().join("out");
    let built = support::drillbook(
        dir.path(),
        &[
            "--root",
            &dir.path().to_string_lossy(),
            "build",
            "--no-search",
            "--out",
            &out.to_string_lossy(),
        ],
    );
    assert_eq!(built.code, 0, "{}", built.stderr);
    for (locale, shown) in [("en-US", false), ("nl-NL", false), ("de-DE", true), ("ru-RU", true)] {
        let page = std::fs::read_to_string(
            out.join(locale).join("hololens-licenses-requirements/index.html"),
        )
        .expect("the page");
        assert_eq!(page.contains("class=\"earlier-revision\""), shown, "{locale}");
    }
}

/// The value of a one-line message `id`, if it is one.
fn one_line(ftl: &str, id: &str) -> Option<String> {
    ftl.lines().find_map(|l| l.strip_prefix(&format!("{id} = "))).map(str::to_string)
}
