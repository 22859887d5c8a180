//! The real binary on temp copies of fixtures: exit codes, messages, files.

mod support;

use std::fs;

use support::{drillbook, edit, fixture, shipped_project};

#[test]
fn build_writes_pages_indexes_sitemap_and_404() {
    let project = fixture("mini");
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let site = project.path().join("site");
    for rel in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "assets/style.css",
        "en-US/index.html",
        "de-DE/index.html",
        "en-US/suspend-a-subscription/index.html",
        "de-DE/suspend-a-subscription/index.html",
    ] {
        assert!(site.join(rel).is_file(), "{rel} missing");
    }
    let sitemap = fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/docs/en-US/suspend-a-subscription/"/>"#));
    let not_found = fs::read_to_string(site.join("404.html")).unwrap();
    assert!(
        not_found.contains(r#"href="/docs/assets/style.css""#),
        "404 links are absolute from the base path"
    );
}

#[test]
fn missing_translation_falls_back_with_a_marker_and_a_warning() {
    let project = fixture("mini");
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stderr.contains(
            "locales/de-DE/suspend-a-subscription.ftl:9:20: warning[missing-message]: message `row-name` is in en-US but not in de-DE; add it at the end of the file"
        ),
        "{}",
        out.stderr
    );
    let html =
        fs::read_to_string(project.path().join("site/de-DE/suspend-a-subscription/index.html"))
            .unwrap();
    assert!(html.contains(
        r#"<td><span lang="en-US" class="fallback">Contoso</span> <span class="fallback-marker">Noch nicht übersetzt.</span></td>"#
    ));
}

#[test]
fn strict_turns_a_missing_translation_into_a_failure_and_keeps_the_old_site() {
    let project = fixture("mini");
    assert_eq!(drillbook(project.path(), &["build"]).code, 0);
    let index = project.path().join("site/index.html");
    let before = fs::read(&index).unwrap();
    let out = drillbook(project.path(), &["build", "--strict"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("error[missing-message]: message `row-name` is in en-US but not in de-DE"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("build failed; `./site` was left as it was"), "{}", out.stderr);
    assert_eq!(fs::read(&index).unwrap(), before);
}

#[test]
fn untrusted_text_never_reaches_the_page_as_markup() {
    let project = fixture("mini");
    assert_eq!(drillbook(project.path(), &["build"]).code, 0);
    let index = project.path().join("site/index.html");
    let before = fs::read(&index).unwrap();
    // Raw HTML and a `javascript:` link in a message are errors (`unsafe-text`): no page
    // is written.
    for locale in ["en-US", "de-DE"] {
        let path = format!("locales/{locale}/suspend-a-subscription.ftl");
        let text = fs::read_to_string(project.path().join(&path)).unwrap();
        let intro = text.lines().find(|l| l.starts_with("intro = ")).unwrap().to_string();
        let unsafe_intro = format!("{intro} <b>Raw HTML</b> [bad](javascript:alert(1))");
        edit(project.path(), &path, &intro, &unsafe_intro);
    }
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("error[unsafe-text]"), "{}", out.stderr);
    assert_eq!(fs::read(&index).unwrap(), before);
    for locale in ["en-US", "de-DE"] {
        let html = fs::read_to_string(
            project.path().join(format!("site/{locale}/suspend-a-subscription/index.html")),
        )
        .unwrap();
        assert!(!html.contains("<b>"), "the old site stays");
        assert!(!html.to_ascii_lowercase().contains("javascript:"));
        assert!(html.contains("&lt;name&gt;"), "code is escaped");
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let project = shipped_project();
    assert_eq!(drillbook(project.path(), &["build", "--out", "a"]).code, 0);
    assert_eq!(drillbook(project.path(), &["build", "--out", "b"]).code, 0);
    let list = |dir: &str| {
        let mut files = Vec::new();
        let mut stack = vec![project.path().join(dir)];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(d).unwrap().flatten() {
                if e.path().is_dir() {
                    stack.push(e.path());
                } else {
                    files.push((
                        e.path().strip_prefix(project.path().join(dir)).unwrap().to_path_buf(),
                        fs::read(e.path()).unwrap(),
                    ));
                }
            }
        }
        files.sort();
        files
    };
    let a = list("a");
    assert!(a.len() > 15);
    assert_eq!(a, list("b"));
}

/// Each invalid fixture: the shipped mini site with one file broken; the exact first
/// error (with source line and caret) and exit code 1; the old site survives.
fn assert_invalid(path: &str, from: &str, to: &str, expected: &str) {
    let project = fixture("mini");
    assert_eq!(drillbook(project.path(), &["build"]).code, 0);
    let before = fs::read(project.path().join("site/en-US/index.html")).unwrap();
    edit(project.path(), path, from, to);
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    // The first error (warnings of the untranslated mini site may come before it).
    let first = out
        .stderr
        .find(": error[")
        .map_or(0, |at| out.stderr[..at].rfind('\n').map_or(0, |n| n + 1));
    assert!(
        out.stderr[first..].starts_with(expected),
        "expected:\n{expected}\nactual:\n{}",
        out.stderr
    );
    assert_eq!(fs::read(project.path().join("site/en-US/index.html")).unwrap(), before);
}

#[test]
fn broken_toml_is_reported_with_line_column_and_caret() {
    assert_invalid(
        "content/site.toml",
        "title = \"site-title\"",
        "title = \"site-title",
        "content/site.toml:1:20: error[toml-syntax]: invalid basic string, expected `\"`\n  |\n1 | title = \"site-title\n  |                    ^\n",
    );
}

#[test]
fn unknown_key_in_an_article_is_reported() {
    assert_invalid(
        "content/articles/suspend-a-subscription.toml",
        "topic = \"subscriptions\"",
        "topic = \"subscriptions\"\ncolour = \"red\"",
        "content/articles/suspend-a-subscription.toml:4:1: error[unknown-key]: unknown field `colour`",
    );
}

#[test]
fn broken_ftl_is_reported_with_line_column_and_caret() {
    assert_invalid(
        "locales/de-DE/suspend-a-subscription.ftl",
        "step-open = Öffnen Sie **Abonnements**.",
        "step-open = Öffnen Sie { **Abonnements**.",
        "locales/de-DE/suspend-a-subscription.ftl:4:26: error[ftl-syntax]: invalid Fluent syntax: Expected an inline expression\n  |\n4 | step-open = Öffnen Sie { **Abonnements**.\n  |                          ^\n",
    );
}

#[test]
fn message_missing_from_the_source_locale_is_an_error_at_the_content_position() {
    assert_invalid(
        "content/articles/suspend-a-subscription.toml",
        "paragraph = \"intro\"",
        "paragraph = \"intor\"",
        "content/articles/suspend-a-subscription.toml:6:13: error[unknown-message]: message `intor` is not defined in locales/en-US/suspend-a-subscription.ftl; did you mean `intro`?\n  |\n6 | paragraph = \"intor\"\n  |             ^^^^^^^\n",
    );
}

#[test]
fn unknown_locale_flag_is_an_error_and_bad_usage_exits_2() {
    let project = fixture("mini");
    let out = drillbook(project.path(), &["build", "--locale", "fr-FR"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains(
        "error[unknown-locale]: `--locale fr-FR` is not one of the configured locales: en-US, de-DE"
    ));
    assert_eq!(drillbook(project.path(), &["build", "--no-such-flag"]).code, 2);
    assert_eq!(drillbook(project.path(), &["frobnicate"]).code, 2);
}

#[test]
fn missing_project_is_an_io_error_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = drillbook(dir.path(), &["build"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(
            "content/site.toml: error[io]: cannot read file (is `--root` a drillbook project?):"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("1 error, 0 warnings"), "one cause, one error: {}", out.stderr);
}

#[test]
fn help_describes_the_build_command() {
    let out = drillbook(std::path::Path::new("."), &["build", "--help"]);
    assert_eq!(out.code, 0);
    for flag in ["--out <DIR>", "--locale <L>", "--strict", "--root <DIR>"] {
        assert!(out.stdout.contains(flag), "{flag} in:\n{}", out.stdout);
    }
}

#[test]
fn a_step_whose_english_changed_is_marked_stale_in_page_checklist_and_dashboard() {
    let project = shipped_project();
    edit(
        project.path(),
        "locales/en-US/remove-a-relationship.ftl",
        "step-suspend-select-suspended = Select **{ -ui-suspended }**",
        "step-suspend-select-suspended = Select **{ -ui-suspended }**, then confirm",
    );
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let site = project.path().join("site");
    let page = fs::read_to_string(site.join("de-DE/remove-a-relationship/index.html")).unwrap();
    assert!(page.contains(
        "<li id=\"step-suspend-3\" class=\"step step-stale\"><p>Wählen Sie <strong>Angehalten</strong> aus.</p><p class=\"stale-marker\">Dieser Schritt wurde im Englischen geändert"
    ));
    assert_eq!(page.matches("class=\"step step-stale\"").count(), 1, "only the changed step");
    let md = fs::read_to_string(site.join("de-DE/remove-a-relationship/checklist.md")).unwrap();
    assert!(md.contains("- [ ] Halten Sie alle aktiven Abonnements an. _(Dieser Schritt wurde im Englischen geändert"), "{md}");
    let file = "de-DE/dashboard/file/remove-a-relationship/index.html";
    let dashboard = fs::read_to_string(site.join(file)).unwrap();
    assert!(dashboard.contains("<h2 id=\"stale\">Veraltet</h2>"), "{dashboard}");
    assert!(dashboard.contains("`step-suspend-select-suspended` is stale in de-DE"), "{dashboard}");
    // The English page itself is the source: never stale.
    let en = fs::read_to_string(site.join("en-US/remove-a-relationship/index.html")).unwrap();
    assert!(!en.contains("step-stale"));
}

#[test]
fn checklist_command_lists_each_item_of_a_real_customer() {
    let project = shipped_project();
    let out = drillbook(
        project.path(),
        &[
            "checklist",
            "--scenario",
            "content/scenarios/everything-at-once.toml",
            "--locale",
            "de-DE",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "# Entfernen der Resellerbeziehung mit einem Kunden\n\n- Kunde: Woodgrove Bank\n- Datum: \n- Bearbeiter: \n- Ticket: \n\n\
         - [ ] Azure-RI-Reservierung **SQL Database vCore (northeurope)** stornieren\n\
         - [ ] Softwarekauf **Windows Server 2022 Datacenter** stornieren\n\
         - [ ] Abonnement **Woodgrove M365 E5** (Microsoft 365 E5) anhalten\n\
         - [ ] Abonnement **Woodgrove Azure** (Azure plan) anhalten\n\
         - [ ] Resellerbeziehung mit **Woodgrove Bank** entfernen\n"
    );
    let html = drillbook(
        project.path(),
        &[
            "checklist",
            "--scenario",
            "content/scenarios/nothing-to-suspend.toml",
            "--locale",
            "ru-RU",
            "--format",
            "html",
        ],
    );
    assert_eq!(html.code, 0);
    assert!(html.stdout.contains("<li><label><input type=\"checkbox\"> Удалите связь торгового посредника с <strong>Wingtip Toys</strong></label></li>"));
    let bad = drillbook(project.path(), &["checklist", "--scenario", "nope.toml"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("failed to read `nope.toml`"));
}

/// The caret stands under the offending character of a Chinese line, as a terminal shows it:
/// each CJK character and full-width punctuation mark takes two columns.
#[test]
fn caret_lines_up_under_wide_characters() {
    let project = shipped_project();
    edit(
        project.path(),
        "locales/zh-CN/remove-a-relationship.ftl",
        "step-suspend-select-subscription = 在**{ -ui-subscriptions }**下，选择一个订阅。",
        "step-suspend-select-subscription = 在**{ -ui-subscriptions }**下，选择{ 一个订阅。",
    );
    let out = drillbook(project.path(), &["check", "--locale", "zh-CN"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    // 35 ASCII columns for the id and ` = `, then 在 ** { -ui-subscriptions } ** 下 ， 选择
    // and `{ `: 2 + 2 + 21 + 2 + 2 + 2 + 4 + 2 columns; the caret covers 一, two columns wide.
    let lead = " ".repeat(35 + 2 + 2 + 21 + 2 + 2 + 2 + 4 + 2);
    let expected = format!(
        "locales/zh-CN/remove-a-relationship.ftl:31:68: error[ftl-syntax]: invalid Fluent syntax: Expected an inline expression\n   |\n31 | step-suspend-select-subscription = 在**{{ -ui-subscriptions }}**下，选择{{ 一个订阅。\n   | {lead}^^\n"
    );
    assert!(out.stdout.contains(&expected), "expected:\n{expected}\nactual:\n{}", out.stdout);
}
