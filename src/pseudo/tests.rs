use super::*;
use fluent_bundle::{FluentArgs, FluentBundle};
use proptest::prelude::*;

fn format(ftl: &str, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let resource = FluentResource::try_new(ftl.to_string()).expect("valid FTL");
    let mut bundle = FluentBundle::new(vec!["en-US".parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).unwrap();
    let message = bundle.get_message(id).unwrap();
    let mut errors = Vec::new();
    let text = bundle.format_pattern(message.value().unwrap(), args, &mut errors).into_owned();
    assert!(errors.is_empty(), "{errors:?}");
    text
}

#[test]
fn every_letter_is_accented_and_vowels_doubled_in_en_xa() {
    assert_eq!(transform("en-XA", "Remove a customer"), "Ŕééɱööṽéé åå çûûšţööɱééŕ");
    assert_eq!(transform("ar-XB", "Remove a customer"), "Ŕéɱöṽé å çûšţöɱéŕ");
}

#[test]
fn markdown_syntax_survives() {
    let text = "Open **Customers**, see [the list](assign-support-contacts.md#top) and `code` &amp; <https://example.org/a> or https://example.org/b.";
    let out = transform("en-XA", text);
    for kept in [
        "**",
        "](assign-support-contacts.md#top)",
        "`code`",
        "&amp;",
        "<https://example.org/a>",
        "https://example.org/b.",
    ] {
        assert!(out.contains(kept), "{kept} in {out}");
    }
    assert!(!out.contains("Customers") && !out.contains("the list"), "{out}");
}

#[test]
fn placeables_terms_and_selectors_survive_the_ftl_transform() {
    let ftl = "-ui-customers = Customers\n    .gender = plural\nstep = Select **{ -ui-customers }** for { $name }.\ncount = { $count ->\n    [one] One customer\n   *[other] { $count } customers\n}\nlong =\n    First line\n    second line\n";
    let out = transform_ftl("en-XA", ftl);
    assert!(out.contains("{ -ui-customers }") && out.contains("{ $name }"));
    assert!(out.contains("[one]") && out.contains("*[other]") && out.contains(".gender = plural"));
    let mut args = FluentArgs::new();
    args.set("name", "Contoso");
    assert_eq!(format(&out, "step", Some(&args)), "Šééļééçţ **Çûûšţööɱééŕš** ƒööŕ Contoso.");
    let mut args = FluentArgs::new();
    args.set("count", 1);
    assert_eq!(format(&out, "count", Some(&args)), "Öñéé çûûšţööɱééŕ");
    assert_eq!(format(&out, "long", None), "Ƒîîŕšţ ļîîñéé\nšééçööñð ļîîñéé");
}

#[test]
fn the_shipped_english_is_about_a_third_longer_in_en_xa_and_parses_clean() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en-US");
    let (mut before, mut after) = (0usize, 0usize);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let out = transform_ftl("en-XA", &source);
        assert!(fluent_syntax::parser::parse(out.as_str()).is_ok(), "{}", path.display());
        for range in text_ranges(&source) {
            before += source[range.clone()].chars().count();
            after += transform("en-XA", &source[range]).chars().count();
        }
    }
    assert!(before > 1000, "{before}");
    let ratio = after as f64 / before as f64;
    assert!((1.25..=1.45).contains(&ratio), "en-XA is {ratio:.2} times the English");
}

#[test]
fn rtl_locales_are_known_by_language() {
    assert!(is_rtl("ar-XB") && is_rtl("he-IL") && is_rtl("fa"));
    assert!(!is_rtl("en-XA") && !is_rtl("en-US") && !is_rtl("zh-CN"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_ascii_letter_survives_in_plain_text(text in "[A-Za-z0-9 ,.!?'-]{0,60}") {
        for locale in LOCALES {
            let out = transform(locale, &text);
            prop_assert!(!out.chars().any(|c| c.is_ascii_alphabetic()), "{out}");
            let (n, m) = (text.chars().count(), out.chars().count());
            prop_assert!(m >= n && m <= 2 * n);
        }
    }
}

#[test]
fn build_pseudo_renders_both_locales_apart_from_the_real_ones() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = crate::project::LoadOptions { locales: Vec::new(), defer_articles: false };
    let (project, diags) = crate::project::load(root, &options);
    let project = project.unwrap_or_else(|| panic!("{diags:?}"));
    let sink = render::Collect::default();
    let source = project.l10n.source();
    render_pseudo_locales(&project.site, source, Some(&[]), &sink).unwrap();
    let files = sink.into_files();
    let page = |path: &str| String::from_utf8(files[path].clone()).unwrap();
    for locale in LOCALES {
        for path in
            ["index.html", "404.html", "dashboard/index.html", "remove-a-relationship/index.html"]
        {
            assert!(files.contains_key(&format!("{locale}/{path}")), "{locale}/{path}");
        }
        assert!(
            files.contains_key(&format!("{locale}/remove-a-relationship/checklist/index.html"))
        );
        // Only its own pages: no root page, sitemap or assets of its own.
        assert!(files.keys().all(|p| p.starts_with("en-XA/") || p.starts_with("ar-XB/")));
        let article = page(&format!("{locale}/remove-a-relationship/index.html"));
        let dir = if locale == "ar-XB" { "rtl" } else { "ltr" };
        assert!(article.contains(&format!("<html lang=\"{locale}\" dir=\"{dir}\">")));
        // A term inside bold Markdown, transformed, still bold.
        let customers = transform(locale, "Customers");
        assert!(article.contains(&format!("<strong>{customers}</strong>")), "{locale}");
        // Links only to its own pages and the shared assets.
        for tag in ["en-US", "de-DE"] {
            assert!(!article.contains(&format!("hreflang=\"{tag}\"")), "{locale} links {tag}");
        }
    }
    assert!(page("ar-XB/index.html").contains("assets/rtl.css"));
    assert!(!page("en-XA/index.html").contains("assets/rtl.css"));
}
