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

/// A new project with a theme: a stylesheet, a logo, a header link and a footer line.
fn themed_project() -> (tempfile::TempDir, PathBuf) {
    let (tmp, project) = new_project();
    fs::create_dir(project.join("theme")).unwrap();
    fs::write(project.join("theme/style.css"), ".site-header { background: #2d0a4e; }\n").unwrap();
    fs::write(
        project.join("theme/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2 2\"><circle cx=\"1\" cy=\"1\" r=\"1\"/></svg>\n",
    )
    .unwrap();
    let config = fs::read_to_string(project.join("content/site.toml")).unwrap();
    fs::write(
        project.join("content/site.toml"),
        format!(
            "{config}\n[theme]\nstylesheet = \"theme/style.css\"\nlogo = \"theme/logo.svg\"\n\
             footer = \"footer-theme\"\n\
             header-links = [{{ text = \"nav-support\", url = \"https://support.example.org/\" }}]\n"
        ),
    )
    .unwrap();
    for (locale, footer, support) in
        [("en-US", "By the docs team", "Support"), ("de-DE", "Vom Doku-Team", "Hilfe")]
    {
        let path = project.join(format!("locales/{locale}/site.ftl"));
        let ftl = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{ftl}footer-theme = {footer}\nnav-support = {support}\n"))
            .unwrap();
    }
    (tmp, project)
}

#[test]
fn a_theme_adds_its_stylesheet_logo_links_and_footer_without_recompiling() {
    let (_tmp, project) = themed_project();
    let out = drillbook(&project, &["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html =
        fs::read_to_string(project.join("site/de-DE/suspend-a-subscription/index.html")).unwrap();
    let builtin = html.find("href=\"../../assets/style.css\"").expect("built-in stylesheet");
    let theme = html.find("href=\"../../theme/style.css\"").expect("theme stylesheet");
    assert!(builtin < theme, "the theme's stylesheet comes after the built-in one");
    assert!(html.contains("<img class=\"site-logo\" src=\"../../theme/logo.svg\" alt=\"\">"));
    assert!(html.contains("<a href=\"https://support.example.org/\">Hilfe</a>"), "{html}");
    assert!(html.contains("<p class=\"site-footer-theme\">Vom Doku-Team</p>"), "{html}");
    assert_eq!(
        fs::read(project.join("site/theme/style.css")).unwrap(),
        fs::read(project.join("theme/style.css")).unwrap()
    );
    assert!(project.join("site/theme/logo.svg").is_file());
}

#[test]
fn a_theme_file_that_is_missing_or_outside_theme_is_a_positioned_error() {
    let (_tmp, project) = themed_project();
    fs::remove_file(project.join("theme/logo.svg")).unwrap();
    let out = drillbook(&project, &["check"]);
    assert_eq!(out.code, 1);
    let config = fs::read_to_string(project.join("content/site.toml")).unwrap();
    let line = config.lines().position(|l| l.starts_with("logo = ")).unwrap() + 1;
    let expected = format!(
        "content/site.toml:{line}:8: error[invalid-config]: `theme/logo.svg` is not a file in the project"
    );
    assert!(out.stdout.contains(&expected), "{}", out.stdout);
    support::edit(&project, "content/site.toml", "\"theme/logo.svg\"", "\"../logo.svg\"");
    let out = drillbook(&project, &["check"]);
    assert!(out.stdout.contains("theme files are paths under the project's `theme/` folder"));
    // Without a theme, pages have none of it.
    let (_tmp, plain) = new_project();
    assert_eq!(drillbook(&plain, &["build"]).code, 0);
    let html = fs::read_to_string(plain.join("site/en-US/index.html")).unwrap();
    assert!(!html.contains("theme/") && !html.contains("site-links"), "{html}");
}

/// The fenced examples of docs/authoring.md that name a file: (file, append, text).
fn doc_examples() -> Vec<(String, bool, String)> {
    let doc = fs::read_to_string(support::repo().join("docs/authoring.md")).unwrap();
    let mut out = Vec::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else { continue };
        let mut text = String::new();
        for body in lines.by_ref() {
            if body.starts_with("```") {
                break;
            }
            text.push_str(body);
            text.push('\n');
        }
        let words: Vec<&str> = info.split_whitespace().collect();
        if let Some(file) = words.iter().find_map(|w| w.strip_prefix("file=")) {
            out.push((file.to_string(), words.contains(&"append"), text));
        }
    }
    out
}

#[test]
fn the_examples_of_the_authoring_guide_check_and_build_in_a_new_project() {
    let examples = doc_examples();
    // Every block kind has an example that is built.
    let article: String = examples
        .iter()
        .filter(|(file, ..)| file.starts_with("content/articles/"))
        .map(|(.., text)| text.as_str())
        .collect();
    for kind in [
        "paragraph",
        "heading",
        "list",
        "procedure",
        "alert",
        "table",
        "image",
        "code",
        "next-steps",
    ] {
        let key = format!("\n{kind} = ");
        let table = format!("[body.{kind}]");
        assert!(article.contains(&key) || article.contains(&table), "no `{kind}` example");
    }
    let (_tmp, project) = new_project();
    for (file, append, text) in &examples {
        let path = project.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let before = if *append { fs::read_to_string(&path).unwrap() } else { String::new() };
        fs::write(&path, before + text).unwrap();
    }
    let check = drillbook(&project, &["check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    // The English is complete: what is left are the German translations to make.
    for line in check.stdout.lines().filter(|l| l.contains("warning[")) {
        assert!(line.starts_with("locales/de-DE/"), "{line}");
    }
    let build = drillbook(&project, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let page =
        fs::read_to_string(project.join("site/en-US/assign-support-contacts/index.html")).unwrap();
    assert!(page.contains("Assign support contacts"), "{page}");
    assert!(page.contains("theme/style.css"), "the theme example applies");
    let index = fs::read_to_string(project.join("site/en-US/index.html")).unwrap();
    let contacts = index.find("href=\"assign-support-contacts/\"").unwrap();
    let suspend = index.find("href=\"suspend-a-subscription/\"").unwrap();
    assert!(contacts < suspend, "the weighted topic comes first");
    let checklist = drillbook(
        &project,
        &["checklist", "--article", "assign-support-contacts", "--locale", "de-DE"],
    );
    assert_eq!(checklist.code, 0, "{}", checklist.stderr);
    assert!(checklist.stdout.starts_with("# Assign support contacts\n"), "{}", checklist.stdout);
}

#[test]
fn the_readme_links_the_authoring_guide() {
    let readme = fs::read_to_string(support::repo().join("README.md")).unwrap();
    assert!(readme.contains("(docs/authoring.md)"), "README.md does not link docs/authoring.md");
}

/// `file:line:col: severity[code]: message` lines of a command's output.
fn heads(out: &support::Output) -> Vec<String> {
    (out.stdout.lines().chain(out.stderr.lines()))
        .filter(|l| l.contains("error[") || l.contains("warning["))
        .map(String::from)
        .collect()
}

#[test]
fn a_writer_s_mistakes_are_each_reported_once_at_a_position_with_a_way_to_fix_them() {
    let (_tmp, project) = new_project();
    let path = "content/articles/suspend-a-subscription.toml";
    support::edit(&project, path, "title = \"title\"\n", "");
    support::edit(&project, path, "topic = \"subscriptions\"\n", "");
    support::edit(&project, path, "paragraph = \"intro\"", "paragrap = \"intro\"");
    let out = drillbook(&project, &["check"]);
    assert_eq!(out.code, 1);
    let found = heads(&out);
    let file = format!("{path}:1:1: error[invalid-content]: missing required field");
    assert!(
        found.contains(&format!(
            "{file} `title` at the top of the file, before any `[table]` header"
        )),
        "{found:#?}"
    );
    assert!(
        found.contains(&format!(
            "{file} `topic` at the top of the file, before any `[table]` header"
        )),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|h| h.contains("error[unknown-key]: unknown variant `paragrap`")
            && h.ends_with("did you mean `paragraph`?")),
        "{found:#?}"
    );
    assert_eq!(found.len(), 3, "{found:#?}");

    // The fields back; a mistyped message id and a new topic without its title.
    let (_tmp, project) = new_project();
    support::edit(&project, path, "topic = \"subscriptions\"", "topic = \"contacts\"");
    support::edit(&project, path, "paragraph = \"intro\"", "paragraph = \"intor\"");
    let out = drillbook(&project, &["check"]);
    let found = heads(&out);
    assert_eq!(
        found,
        [
            format!(
                "{path}:5:9: error[unknown-message]: message `topic-contacts` is not defined in locales/en-US/site.ftl; add `topic-contacts = <text>` to it"
            ),
            format!(
                "{path}:8:13: error[unknown-message]: message `intor` is not defined in locales/en-US/suspend-a-subscription.ftl; did you mean `intro`?"
            ),
        ]
    );
}
