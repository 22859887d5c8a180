//! Navigation across articles and locales: previous/next within a topic, links to articles
//! a locale has not translated (to the English page, marked), and the link checks.

mod support;

use std::fs;

use support::{drillbook, edit, shipped_project};

/// Adds article `suspend-first` (en-US only) to a copy of the shipped project: same topic,
/// links to the shipped article's step and to an anchor that does not exist.
fn project_with_untranslated_article() -> tempfile::TempDir {
    let project = shipped_project();
    fs::write(
        project.path().join("content/articles/suspend-first.toml"),
        "title = \"title\"\ndescription = \"description\"\ntopic = \"customers\"\n\n[[body]]\nparagraph = \"intro\"\n",
    )
    .unwrap();
    fs::write(
        project.path().join("locales/en-US/suspend-first.ftl"),
        "title = Suspend first\ndescription = Why suspending comes first.\nintro = See [step 1](remove-a-relationship.md#step-suspend) and [nothing](remove-a-relationship.md#nope).\n",
    )
    .unwrap();
    project
}

#[test]
fn untranslated_articles_link_to_english_and_are_marked() {
    let project = project_with_untranslated_article();
    // The build refuses a broken anchor (`check_reports_broken_anchors_and_links`).
    edit(
        project.path(),
        "locales/en-US/suspend-first.ftl",
        " and [nothing](remove-a-relationship.md#nope)",
        "",
    );
    // A German link to the untranslated article (and the same link in every locale, as the
    // checks want link targets kept).
    edit(
        project.path(),
        "locales/de-DE/remove-a-relationship.ftl",
        "step-suspend-repeat = Wiederholen Sie diese Schritte für jedes aktive Abonnement.",
        "step-suspend-repeat = Wiederholen Sie diese Schritte für jedes aktive Abonnement (siehe [Anhalten](suspend-first.md)).",
    );
    edit(
        project.path(),
        "locales/en-US/remove-a-relationship.ftl",
        "step-suspend-repeat = Repeat these steps for each active subscription.",
        "step-suspend-repeat = Repeat these steps for each active subscription (see [First](suspend-first.md)).",
    );
    // The link text in the glossary's approved form of "suspend".
    for (locale, text) in
        [("nl-NL", "opschorten"), ("ru-RU", "приостановка"), ("sv-SE", "pausa"), ("zh-CN", "暂停")]
    {
        let path = format!("locales/{locale}/remove-a-relationship.ftl");
        let file = fs::read_to_string(project.path().join(&path)).unwrap();
        let line = file.lines().find(|l| l.starts_with("step-suspend-repeat = ")).unwrap();
        edit(project.path(), &path, line, &format!("{line} ([{text}](suspend-first.md))"));
    }
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Not yet translated: a warning (`--strict` makes it an error).
    assert!(
        out.stderr.contains("locales/de-DE/suspend-first.ftl: warning[missing-file]: `suspend-first.ftl` is in en-US but not in de-DE"),
        "{}",
        out.stderr
    );
    let site = project.path().join("site");
    assert!(
        !site.join("de-DE/suspend-first/index.html").exists(),
        "no German page without a German text"
    );
    assert!(site.join("en-US/suspend-first/index.html").exists());
    let index = fs::read_to_string(site.join("de-DE/index.html")).unwrap();
    assert!(index.contains("<a href=\"../en-US/suspend-first/\" hreflang=\"en-US\">Suspend first</a> <span class=\"lang-marker\">(Englisch)</span>"), "{index}");
    let page = fs::read_to_string(site.join("de-DE/remove-a-relationship/index.html")).unwrap();
    assert!(page.contains("<a href=\"../../en-US/suspend-first/\">Anhalten</a> <span class=\"lang-marker\">(Englisch)</span>"), "{page}");
    // Previous/next within the topic, by title in the page's language.
    assert!(page.contains("<li class=\"pager-next\"><a href=\"../../en-US/suspend-first/\" rel=\"next\"><span class=\"pager-label\">Weiter</span> Suspend first</a> <span class=\"lang-marker\">(Englisch)</span></li>"), "{page}");
    let en = fs::read_to_string(site.join("en-US/suspend-first/index.html")).unwrap();
    assert!(en.contains("rel=\"prev\""), "the English article links back");
    // The switcher sends German readers of the English-only page to the German index.
    assert!(en.contains("<a href=\"../../de-DE/\" hreflang=\"de-DE\" lang=\"de-DE\">"), "{en}");
    assert!(!en.contains(
        "hreflang=\"de-DE\" href=\"https://drillbook.example.org/de-DE/suspend-first/\""
    ));
    let sitemap = fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("de-DE/suspend-first/"));
}

#[test]
fn check_reports_broken_anchors_and_links() {
    let project = project_with_untranslated_article();
    fs::write(
        project.path().join("content/site.toml"),
        fs::read_to_string(project.path().join("content/site.toml"))
            .unwrap()
            .replace("external-article-url", "# external-article-url"),
    )
    .unwrap();
    let out = drillbook(project.path(), &["check"]);
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().filter(|l| l.contains(": error[broken-")).collect();
    assert!(lines.contains(&"locales/en-US/suspend-first.ftl:3:1: error[broken-anchor]: `remove-a-relationship.md#nope`: article `remove-a-relationship` has no anchor `#nope`"), "{lines:#?}");
    assert!(!lines.iter().any(|l| l.contains("#step-suspend")), "step anchors exist: {lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("locales/de-DE/remove-a-relationship.ftl:") && l.contains("error[broken-link]: `assign-support-contacts.md`: the site has no article `assign-support-contacts`")), "{lines:#?}");
    assert!(
        lines.iter().any(|l| l
            .starts_with("content/articles/remove-a-relationship.toml:93:15: error[broken-link]")),
        "{lines:#?}"
    );
}

/// A new project with two more articles in the starter's topic, titled so that English and
/// German sort them differently (Assign/Remove, Zuweisen/Entfernen).
fn project_with_contacts_articles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(drillbook(root, &["new", "p"]).code, 0);
    let project = root.join("p");
    for (id, en, de) in [
        ("assign-support-contacts", "Assign support contacts", "Zuweisen von Supportkontakten"),
        ("remove-support-contacts", "Remove support contacts", "Entfernen von Supportkontakten"),
    ] {
        let out = drillbook(&project, &["new", "article", id, "--topic", "subscriptions"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let en_ftl = fs::read_to_string(project.join(format!("locales/en-US/{id}.ftl"))).unwrap();
        assert!(en_ftl.contains(&format!("title = {en}\n")), "{en_ftl}");
        let de_ftl = en_ftl.replace(&format!("title = {en}\n"), &format!("title = {de}\n"));
        fs::write(project.join(format!("locales/de-DE/{id}.ftl")), de_ftl).unwrap();
    }
    dir
}

/// Article ids in the order the locale's index lists them.
fn index_order(project: &std::path::Path, locale: &str) -> Vec<String> {
    let html = fs::read_to_string(project.join(format!("site/{locale}/index.html"))).unwrap();
    let mut order: Vec<(usize, String)> =
        ["assign-support-contacts", "remove-support-contacts", "suspend-a-subscription"]
            .iter()
            .map(|id| (html.find(&format!("href=\"{id}/\"")).expect(id), id.to_string()))
            .collect();
    order.sort();
    order.into_iter().map(|(_, id)| id).collect()
}

/// The `rel="next"` link of an article page, as an article id.
fn next_of(project: &std::path::Path, locale: &str, id: &str) -> Option<String> {
    let html = fs::read_to_string(project.join(format!("site/{locale}/{id}/index.html"))).unwrap();
    let at = html.find("rel=\"next\"")?;
    let href = html[..at].rfind("href=\"").map(|h| &html[h + 6..at])?;
    Some(href.trim_end_matches(['"', ' ']).trim_start_matches("../").trim_end_matches('/').into())
}

#[test]
fn issue_35_every_locale_lists_articles_in_the_same_order_by_weight_then_id() {
    let dir = project_with_contacts_articles();
    let project = dir.path().join("p");
    let out = drillbook(&project, &["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let by_id = ["assign-support-contacts", "remove-support-contacts", "suspend-a-subscription"];
    // Without weights, by id: not by the (translated) title, which differs in German.
    assert_eq!(index_order(&project, "en-US"), by_id);
    assert_eq!(index_order(&project, "de-DE"), by_id);
    for locale in ["en-US", "de-DE"] {
        let next = next_of(&project, locale, "assign-support-contacts");
        assert_eq!(next.as_deref(), Some("remove-support-contacts"), "{locale}");
    }
    // A weight puts an article first in every locale; the others keep their id order.
    edit(
        &project,
        "content/articles/suspend-a-subscription.toml",
        "topic = \"subscriptions\"",
        "topic = \"subscriptions\"\nweight = 1",
    );
    let out = drillbook(&project, &["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let weighted = ["suspend-a-subscription", "assign-support-contacts", "remove-support-contacts"];
    assert_eq!(index_order(&project, "en-US"), weighted);
    assert_eq!(index_order(&project, "de-DE"), weighted);
    for locale in ["en-US", "de-DE"] {
        let next = next_of(&project, locale, "suspend-a-subscription");
        assert_eq!(next.as_deref(), Some("assign-support-contacts"), "{locale}");
        assert_eq!(next_of(&project, locale, "remove-support-contacts"), None, "{locale}");
    }
}

#[test]
fn issue_35_topics_are_ordered_by_their_weight_in_site_toml() {
    let dir = project_with_contacts_articles();
    let project = dir.path().join("p");
    for id in ["assign-support-contacts", "remove-support-contacts"] {
        let path = format!("content/articles/{id}.toml");
        edit(&project, &path, "topic = \"subscriptions\"", "topic = \"contacts\"");
    }
    for (locale, text) in [("en-US", "Support contacts"), ("de-DE", "Supportkontakte")] {
        let path = project.join(format!("locales/{locale}/site.ftl"));
        let ftl = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{ftl}topic-contacts = {text}\n")).unwrap();
    }
    assert_eq!(drillbook(&project, &["build"]).code, 0);
    // By id: contacts before subscriptions.
    assert_eq!(index_order(&project, "de-DE")[0], "assign-support-contacts");
    let config = fs::read_to_string(project.join("content/site.toml")).unwrap();
    fs::write(
        project.join("content/site.toml"),
        format!("{config}\n[topics.subscriptions]\nweight = 1\n"),
    )
    .unwrap();
    let out = drillbook(&project, &["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for locale in ["en-US", "de-DE"] {
        assert_eq!(index_order(&project, locale)[0], "suspend-a-subscription", "{locale}");
    }
    // A mistyped topic is an error where it is written, not a silent no-op.
    edit(&project, "content/site.toml", "[topics.subscriptions]", "[topics.subscription]");
    let out = drillbook(&project, &["check"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains(
            "error[invalid-config]: no article has the topic `subscription`; did you mean `subscriptions`?"
        ),
        "{}",
        out.stdout
    );
}
