//! Rendering on in-memory sites: no files touched.

use std::collections::BTreeMap;

use super::*;
use crate::content::{parse_article, parse_config};
use crate::l10n::{LocaleFiles, parse_ftl};

const SITE: &str = "title = \"site-title\"\nbase-url = \"https://x.example/\"\ndefault-locale = \"en-US\"\nlocales = [\"en-US\", \"de-DE\"]\nexternal-article-url = \"https://learn.example/{locale}/{article}\"\n";
const SITE_FTL: &str =
    concat!(include_str!("../../tests/fixtures/mini/locales/en-US/site.ftl"), "topic-x = X\n");

fn site_with(article: &str, en: &str, de: &str) -> (Site, L10n) {
    let (config, diags) = parse_config("site.toml", SITE);
    assert!(diags.is_empty(), "{diags:?}");
    let mut articles = Vec::new();
    for (id, src) in
        [("a", article), ("b", "title = \"t\"\ndescription = \"t\"\ntopic = \"x\"\nbody = []\n")]
    {
        let (a, diags) = parse_article(id, &format!("{id}.toml"), src);
        assert!(diags.is_empty(), "{diags:?}");
        articles.push(a.unwrap());
    }
    let site = Site {
        config: config.unwrap(),
        articles,
        media: Default::default(),
        scenarios: Vec::new(),
    };
    let locale = |tag: &str, article_ftl: &str| {
        let mut files = BTreeMap::new();
        let checklist = include_str!("../../locales/en-US/checklist.ftl");
        for (scope, src) in
            [("site", SITE_FTL), ("a", article_ftl), ("b", "t = T\n"), ("checklist", checklist)]
        {
            let (file, diags) = parse_ftl(&format!("{tag}/{scope}.ftl"), src.to_string());
            assert!(diags.is_empty(), "{diags:?}");
            files.insert(scope.to_string(), file);
        }
        LocaleFiles::new(tag, files)
    };
    (site, L10n { locales: vec![locale("en-US", en), locale("de-DE", de)] })
}

fn article_html(article: &str, en: &str, de: &str, stale: &[&str]) -> (String, Vec<Diagnostic>) {
    let (site, l10n) = site_with(article, en, de);
    let mut options = Options::default();
    options
        .stale
        .insert(("de-DE".into(), "a".into()), stale.iter().map(|s| s.to_string()).collect());
    let (files, diags) = render_to_memory(&site, &l10n, &options);
    (String::from_utf8(files["de-DE/a/index.html"].clone()).unwrap(), diags)
}

const ARTICLE: &str = "title = \"t\"\ndescription = \"t\"\ntopic = \"x\"\n[[body]]\nparagraph = \"p\"\n[[body]]\n[body.procedure]\nsteps = [{ id = \"one\", text = \"s1\", substeps-style = \"lower-alpha\", substeps = [{ text = \"s2\" }] }]\n";

#[test]
fn links_resolve_to_local_articles_then_the_external_url() {
    let (html, _) = article_html(
        ARTICLE,
        "t = T\np = [b](b.md) [c](c.md#x) [e](https://e.example/)\ns1 = S\ns2 = S\n",
        "t = T\np = [b](b.md) [c](c.md#x)\ns1 = S\ns2 = S\n",
        &[],
    );
    assert!(
        html.contains("<a href=\"../b/\">b</a> <a href=\"https://learn.example/de-de/c#x\">c</a>"),
        "{html}"
    );
}

#[test]
fn steps_have_ids_and_letters_come_from_the_list_type() {
    let (html, diags) = article_html(
        ARTICLE,
        "t = T\np = P\ns1 = S1\ns2 = S2\n",
        "t = T\np = P\ns1 = S1\ns2 = S2\n",
        &[],
    );
    assert!(diags.is_empty(), "{diags:?}");
    assert!(html.contains("<li id=\"step-one\" class=\"step\"><p>S1</p>\n<ol type=\"a\" class=\"substeps\">\n<li id=\"step-one-1\" class=\"step\"><p>S2</p>"), "{html}");
}

#[test]
fn stale_steps_are_marked_in_the_page() {
    let (html, _) = article_html(
        ARTICLE,
        "t = T\np = P\ns1 = S1\ns2 = S2\n",
        "t = T\np = P\ns1 = S1\ns2 = S2\n",
        &["s1"],
    );
    assert!(html.contains("<li id=\"step-one\" class=\"step step-stale\"><p>S1</p><p class=\"stale-marker\">Updated in English.</p>"), "{html}");
}

#[test]
fn fallback_text_is_marked_and_reported() {
    let (html, diags) = article_html(
        ARTICLE,
        "t = T\np = English only\ns1 = S1\ns2 = S2\n",
        "t = T\ns1 = S1\ns2 = S2\n",
        &[],
    );
    assert!(html.contains("<p><span lang=\"en-US\" class=\"fallback\">English only</span> <span class=\"fallback-marker\">Not yet translated.</span></p>"));
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "missing-message");
    assert_eq!(diags[0].severity, crate::diag::Severity::Warning);
}

#[test]
fn fluent_isolation_marks_never_reach_the_page() {
    let article =
        "title = \"t\"\ndescription = \"t\"\ntopic = \"x\"\n[[body]]\nparagraph = \"p\"\n";
    let (html, _) = article_html(
        article,
        "t = T\np = { \"\u{2068}x\u{202E}\" }\n",
        "t = T\np = { \"\u{2068}x\u{202E}\" } y\n",
        &[],
    );
    assert!(!html.contains('\u{2068}') && !html.contains('\u{202E}'));
    assert!(html.contains("<p>x y</p>"));
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Writes arbitrary text as an FTL message value: braces become string-literal placeables,
    /// and the text is kept on one line.
    fn ftl_value(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '{' => out.push_str("{\"{\"}"),
                '}' => out.push_str("{\"}\"}"),
                '\\' => out.push_str("{\"\\\\\"}"),
                '"' => out.push_str("{\"\\\"\"}"),
                c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => out.push(' '),
                c => out.push(c),
            }
        }
        format!("{{\"\"}}{out}")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn arbitrary_translations_never_inject_markup(text in "(?s).{0,120}") {
            let de = format!("t = T\np = {}\ns1 = {}\ns2 = S\n", ftl_value(&text), ftl_value(&text));
            let (html, _) = article_html(ARTICLE, "t = T\np = P\ns1 = S1\ns2 = S2\n", &de, &[]);
            let body = &html[html.find("<article").unwrap()..html.find("</article>").unwrap()];
            let allowed = ["article", "h1", "h2", "p", "ol", "li", "strong", "em", "code", "a", "br", "del", "span", "nav", "ul", "div"];
            let mut rest = body;
            while let Some(i) = rest.find('<') {
                rest = &rest[i + 1..];
                let name: String = rest.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
                prop_assert!(allowed.contains(&name.as_str()), "unexpected <{}> in {}", name, body);
            }
            prop_assert!(!body.to_ascii_lowercase().contains("javascript:"));
        }
    }
}
