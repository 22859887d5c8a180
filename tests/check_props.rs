//! Property tests of the checker.

#[path = "support/fixture.rs"]
mod fixture;

use std::collections::BTreeSet;

use drillbook::check::{self, Input};
use proptest::prelude::*;

fn ftl(ids: &BTreeSet<String>) -> String {
    ids.iter().map(|id| format!("{id} = Text of {id}\n")).collect()
}

/// `(code, id)` of every missing/obsolete finding with `reference` as the source locale.
fn missing_and_obsolete(reference: &str, other: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let text = format!("-- locales/en-US/a.ftl\n{reference}-- locales/xx-XX/a.ftl\n{other}");
    let files = fixture::parse_fixture(&text);
    let (l10n, site, data) = fixture::build(&files);
    let input = Input { l10n: &l10n, site: site.as_ref(), data: &data };
    let mut missing = BTreeSet::new();
    let mut obsolete = BTreeSet::new();
    for finding in check::findings(&input) {
        let id = finding.id.unwrap_or_default();
        match finding.diag.code {
            "missing-message" => {
                missing.insert(id);
            }
            "obsolete-message" => {
                obsolete.insert(id);
            }
            _ => {}
        }
    }
    (missing, obsolete)
}

fn files(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files.iter().map(|(path, body)| (path.to_string(), body.to_string())).collect()
}

/// `N error(s), M warning(s)`.
fn is_summary(line: &str) -> bool {
    let Some((errors, warnings)) = line.split_once(", ") else { return false };
    let count = |part: &str, word: &str| {
        part.split_once(' ').is_some_and(|(n, w)| {
            n.parse::<usize>()
                .is_ok_and(|n| w == if n == 1 { word.to_string() } else { format!("{word}s") })
        })
    };
    count(errors, "error") && count(warnings, "warning")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn swapping_the_reference_swaps_missing_and_obsolete(
        a in proptest::collection::btree_set("[a-z]{1,3}(-[a-z]{1,3})?", 0..12),
        b in proptest::collection::btree_set("[a-z]{1,3}(-[a-z]{1,3})?", 0..12),
    ) {
        let (missing_ab, obsolete_ab) = missing_and_obsolete(&ftl(&a), &ftl(&b));
        let (missing_ba, obsolete_ba) = missing_and_obsolete(&ftl(&b), &ftl(&a));
        prop_assert_eq!(&missing_ab, &obsolete_ba);
        prop_assert_eq!(&obsolete_ab, &missing_ba);
        let expected: BTreeSet<String> = a.difference(&b).cloned().collect();
        prop_assert_eq!(missing_ab, expected);
    }

    #[test]
    fn check_never_panics_on_arbitrary_translations(text in "(?s).{0,300}") {
        let source = "msg = Select **{ -ui-x }** and [go](a.md) { $n ->\n  [one] one\n *[other] { $n }\n}\n";
        let files = files(&[
            ("locales/en-US/a.ftl", source),
            ("locales/en-US/ui.ftl", "-ui-x = X\n"),
            ("locales/ru-RU/a.ftl", &format!("{text}\n")),
        ]);
        let rendered = fixture::check_files(&files);
        let summary = rendered.lines().last().unwrap_or_default();
        prop_assert!(is_summary(summary), "{}", summary);
    }

    #[test]
    fn check_never_panics_on_arbitrary_ftl_in_any_locale(
        en in "(?s)[-a-z =*{}$\\[\\].\n\r\u{feff}\u{202e}#\"<>()é中]{0,200}",
        tr in "(?s)[-a-z =*{}$\\[\\].\n\r\u{feff}\u{202e}#\"<>()é中]{0,200}",
    ) {
        // The files are given whole: a generated line may look like a fixture header.
        let files = files(&[
            ("locales/en-US/a.ftl", &format!("{en}\n")),
            ("locales/zh-CN/a.ftl", &format!("{tr}\n")),
        ]);
        let (l10n, site, data) = fixture::build(&files);
        let input = Input { l10n: &l10n, site: site.as_ref(), data: &data };
        let status = check::status(&input);
        prop_assert!(status.locales.contains_key("zh-CN"));
        let rendered = fixture::check_files(&files);
        let summary = rendered.lines().last().unwrap_or_default();
        prop_assert!(is_summary(summary), "{}", summary);
    }
}

/// The case proptest found: a translated line that starts like a fixture header (`-- `) is
/// the translation's text, checked as such (here junk: a syntax error), not a new file.
#[test]
fn a_line_like_a_fixture_header_is_checked_as_translation_text() {
    let files = files(&[
        ("locales/en-US/a.ftl", "a = A\n"),
        ("locales/zh-CN/a.ftl", "a = 甲\n-- 中=.\u{202e}]>é>)y$\n"),
    ]);
    let rendered = fixture::check_files(&files);
    assert!(rendered.contains("error[ftl-syntax]"), "{rendered}");
    assert!(is_summary(rendered.lines().last().unwrap_or_default()), "{rendered}");
}
