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
