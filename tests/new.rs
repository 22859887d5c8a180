//! `drillbook new` through the real binary: the starter project checks and builds clean, an
//! added article or locale builds with its untranslated text marked, refusals write nothing.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::{Output, drillbook, tree};

/// A new project in a temp directory: (the temp dir, the project inside it).
fn new_project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = drillbook(tmp.path(), &["new", "proj"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let project = tmp.path().join("proj");
    (tmp, project)
}

fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The `file:line:col: severity[code]` heads of a check's or build's diagnostics.
fn heads(out: &Output) -> Vec<String> {
    out.stdout
        .lines()
        .chain(out.stderr.lines())
        .filter(|l| l.contains("error[") || l.contains("warning["))
        .map(String::from)
        .collect()
}

#[test]
fn a_new_project_checks_clean_and_builds_strict() {
    let (_tmp, project) = new_project();
    for rel in [
        ".gitignore",
        "content/site.toml",
        "content/articles/suspend-a-subscription.toml",
        "locales/en-US/suspend-a-subscription.ftl",
        "locales/de-DE/suspend-a-subscription.ftl",
        "locales/de-DE/l10n.lock",
    ] {
        assert!(project.join(rel).is_file(), "{rel} missing");
    }
    assert!(read(&project, ".gitignore").contains("/site/"));
    let check = drillbook(&project, &["check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(check.stdout.ends_with("0 errors, 0 warnings\n"), "{}", check.stdout);
    let build = drillbook(&project, &["build", "--strict"]);
    assert_eq!(build.code, 0, "{}{}", build.stdout, build.stderr);
    let en = read(&project, "site/en-US/suspend-a-subscription/index.html");
    let de = read(&project, "site/de-DE/suspend-a-subscription/index.html");
    assert!(en.contains("Suspend a subscription"));
    assert!(de.contains("Abonnement anhalten"));
    // Three steps, a note and a link, all translated.
    assert_eq!(de.matches("class=\"step\"").count(), 3, "{de}");
    assert!(de.contains("https://learn.microsoft.com/partner-center/"));
    assert!(!de.contains("fallback"), "the German page falls back somewhere");
    // The lock is the one `l10n accept` makes: accepting again changes nothing.
    let lock = read(&project, "locales/de-DE/l10n.lock");
    let accept = drillbook(&project, &["l10n", "accept", "de-DE"]);
    assert_eq!(accept.code, 0, "{}", accept.stderr);
    assert!(accept.stdout.starts_with("de-DE: 0 review(s) recorded"), "{}", accept.stdout);
    assert_eq!(read(&project, "locales/de-DE/l10n.lock"), lock);
}

#[test]
fn a_new_project_may_go_into_an_empty_directory_but_not_a_full_one() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("empty")).unwrap();
    let out = drillbook(tmp.path(), &["new", "empty"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(tmp.path().join("empty/content/site.toml").is_file());

    fs::create_dir(tmp.path().join("full")).unwrap();
    fs::write(tmp.path().join("full/notes.txt"), "mine").unwrap();
    let out = drillbook(tmp.path(), &["new", "full"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("`full` is not empty"), "{}", out.stderr);
    let files: Vec<String> = tree(&tmp.path().join("full")).into_keys().collect();
    assert_eq!(files, ["notes.txt"]);
}

/// Hugo's `new site DIR` (or `new project DIR`) gets the command that does it, and nothing
/// is created; a project directory named `site` alone is still a project directory.
#[test]
fn new_site_dir_is_pointed_to_new_dir() {
    let tmp = tempfile::tempdir().unwrap();
    for word in ["site", "project"] {
        let out = drillbook(tmp.path(), &["new", word, "docs"]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(out.stderr.contains("run: drillbook new docs"), "{}", out.stderr);
    }
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0, "nothing is created");
    let out = drillbook(tmp.path(), &["new", "site"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(tmp.path().join("site/content/site.toml").is_file());
}

#[test]
fn a_new_article_builds_with_its_german_page_in_english_marked_untranslated() {
    let (_tmp, project) = new_project();
    let out =
        drillbook(&project, &["new", "article", "assign-support-contacts", "--topic", "customers"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let toml = read(&project, "content/articles/assign-support-contacts.toml");
    assert!(toml.contains("topic = \"customers\""));
    assert!(
        read(&project, "locales/en-US/assign-support-contacts.ftl")
            .starts_with("title = Assign support contacts\n")
    );
    let de_ftl = read(&project, "locales/de-DE/assign-support-contacts.ftl");
    assert!(de_ftl.contains("\n# title = Assign support contacts\n"), "{de_ftl}");
    assert!(read(&project, "locales/en-US/site.ftl").contains("\ntopic-customers = Customers\n"));
    assert!(read(&project, "locales/de-DE/site.ftl").contains("\n# topic-customers = Customers\n"));

    // `check` lists every German message of the article (and the new topic) as missing,
    // nothing else: a translation that lags is a warning, an error only with `--strict`.
    let check = drillbook(&project, &["check"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert_eq!(drillbook(&project, &["check", "--strict"]).code, 1);
    let found = heads(&check);
    assert_eq!(found.len(), 7, "{found:#?}");
    for head in &found {
        assert!(head.contains("warning[missing-message]"), "{head}");
        assert!(
            head.starts_with("locales/de-DE/assign-support-contacts.ftl:")
                || head.starts_with("locales/de-DE/site.ftl:"),
            "{head}"
        );
    }
    assert!(check.stdout.ends_with("0 errors, 7 warnings\n"), "{}", check.stdout);

    // `build` shows the English, marked; its only warnings are those missing messages.
    let build = drillbook(&project, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let warnings = heads(&build);
    assert!(!warnings.is_empty());
    assert!(warnings.iter().all(|w| w.contains("warning[missing-message]")), "{warnings:#?}");
    let en = read(&project, "site/en-US/assign-support-contacts/index.html");
    assert!(en.contains("Assign support contacts"));
    assert!(!en.contains("fallback"));
    let de = read(&project, "site/de-DE/assign-support-contacts/index.html");
    assert!(de.contains("class=\"fallback\">Assign support contacts</span>"), "{de}");
    assert!(de.contains("Noch nicht übersetzt"));
    assert_eq!(drillbook(&project, &["build", "--strict"]).code, 1);

    // Translating means uncommenting: with every message translated and accepted, the
    // project is clean again.
    let translated = de_ftl
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| !l.starts_with('#') && l.contains(" = "))
        .map(|l| l.replacen(" = ", " = (de) ", 1) + "\n")
        .collect::<String>();
    assert_eq!(translated.lines().count(), 6, "{translated}");
    fs::write(project.join("locales/de-DE/assign-support-contacts.ftl"), translated).unwrap();
    support::edit(
        &project,
        "locales/de-DE/site.ftl",
        "# topic-customers = Customers",
        "topic-customers = Kunden",
    );
    assert_eq!(drillbook(&project, &["l10n", "accept", "de-DE"]).code, 0);
    let check = drillbook(&project, &["check"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert!(check.stdout.ends_with("0 errors, 0 warnings\n"), "{}", check.stdout);
}

#[test]
fn a_new_locale_builds_with_the_english_text_marked_untranslated() {
    let (_tmp, project) = new_project();
    let out = drillbook(&project, &["new", "locale", "fr-FR"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let config = read(&project, "content/site.toml");
    assert!(config.contains("locales = [\"en-US\", \"de-DE\", \"fr-FR\"]"), "{config}");
    assert!(config.starts_with("# Site configuration."), "comments were lost: {config}");
    let en_files: Vec<String> = tree(&project.join("locales/en-US")).into_keys().collect();
    let fr_files: Vec<String> = tree(&project.join("locales/fr-FR")).into_keys().collect();
    assert_eq!(fr_files, en_files);

    let status = drillbook(&project, &["l10n", "status"]);
    let total = status.stdout.lines().find(|l| l.starts_with("fr-FR") && l.contains("total"));
    let total: Vec<&str> = total.expect("a fr-FR total row").split_whitespace().collect();
    assert!(total[2].starts_with("0/"), "{total:?}");
    assert_eq!(total[2], format!("0/{}", total[3]), "every message is missing: {total:?}");

    let build = drillbook(&project, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let fr = read(&project, "site/fr-FR/suspend-a-subscription/index.html");
    assert!(fr.contains("<span lang=\"en-US\" class=\"fallback\">Suspend a subscription</span>"));
    assert!(fr.contains("Not yet translated"), "{fr}");
    assert!(read(&project, "site/en-US/index.html").contains("fr-FR/"));
}

#[test]
fn a_new_term_goes_to_every_ui_ftl_untranslated_outside_english() {
    let (_tmp, project) = new_project();
    let out = drillbook(&project, &["new", "term", "ui-add-contact", "Add contact"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(read(&project, "locales/en-US/ui.ftl").ends_with("\n-ui-add-contact = Add contact\n"));
    assert!(
        read(&project, "locales/de-DE/ui.ftl").ends_with(
            "\n# Not yet translated (en-US text): remove the `# ` below and translate it.\n# -ui-add-contact = Add contact\n"
        )
    );
    let check = drillbook(&project, &["check"]);
    assert_eq!(
        heads(&check),
        [
            "locales/de-DE/ui.ftl:7:1: warning[missing-message]: term `-ui-add-contact` is in en-US but not in de-DE; it is commented out here: remove the `# ` and translate it"
        ]
    );
    let again = drillbook(&project, &["new", "term", "-ui-add-contact", "Add"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("`-ui-add-contact` already exists"), "{}", again.stderr);
}

#[test]
fn refusals_exit_2_with_a_reason_and_write_nothing() {
    let (_tmp, project) = new_project();
    let before = tree(&project);
    let long = "a".repeat(201);
    for (args, reason) in [
        (
            &["new", "article", "suspend-a-subscription"][..],
            "article `suspend-a-subscription` already exists",
        ),
        (&["new", "article", "Assign_Contacts"], "not a valid article id"),
        (&["new", "article", &long], "is 201 bytes long; an article id has at most 200"),
        (&["new", "article", "a\u{1b}[2Jb"], "`a\\u{1b}[2Jb` is not a valid article id"),
        (&["new", "article", "ui"], "shared message file"),
        (&["new", "article", "new-one", "--topic", "Bad Topic"], "not a valid topic id"),
        (&["new", "locale", "fr_fr"], "did you mean `fr-FR`"),
        (&["new", "locale", "not a tag"], "is not a language tag"),
        (&["new", "locale", "de-DE"], "already a locale of this site"),
        (&["new", "locale", "ja"], "`ja` has no region"),
        (&["new", "term", "9lives", "Nine"], "not a valid term name"),
        (&["new", "term", "ui-x", "{ $x }"], "plain text"),
    ] {
        let out = drillbook(&project, args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stdout);
        assert!(out.stderr.contains(reason), "{args:?}: {}", out.stderr);
        assert!(tree(&project) == before, "{args:?} changed the project");
    }
}

#[test]
fn an_article_without_a_topic_joins_the_first_article_s_topic() {
    let (_tmp, project) = new_project();
    let site_ftl = read(&project, "locales/en-US/site.ftl");
    let out = drillbook(&project, &["new", "article", "reactivate-a-subscription"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let toml = read(&project, "content/articles/reactivate-a-subscription.toml");
    assert!(toml.contains("topic = \"subscriptions\""), "{toml}");
    // The topic has its name already: site.ftl is left alone.
    assert_eq!(read(&project, "locales/en-US/site.ftl"), site_ftl);
    let build = drillbook(&project, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let index = read(&project, "site/en-US/index.html");
    assert!(index.contains("Reactivate a subscription"), "{index}");
}
