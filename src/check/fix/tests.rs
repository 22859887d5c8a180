use std::collections::BTreeMap;

use super::*;
use crate::check::{CheckData, Input, findings};
use crate::l10n::{L10n, LocaleFiles, parse_ftl};

const EN_UI: &str = "-ui-customers = Customers\n-ui-account = Account\n-ui-suspended = Suspended\n-ui-status = Status\n";

fn ui(locale: &str) -> &'static str {
    match locale {
        "sv-SE" => {
            "-ui-customers = Kunder\n-ui-account = Konto\n-ui-suspended = Pausad\n-ui-status = Status\n"
        }
        "zh-CN" => {
            "-ui-customers = 客户\n-ui-account = 帐户\n-ui-suspended = 已暂停\n-ui-status = 状态\n"
        }
        _ => {
            "-ui-customers = Kunden\n-ui-account = Konto\n-ui-suspended = Angehalten\n-ui-status = Status\n"
        }
    }
}

fn l10n(locale: &str, en: &str, tr: &str) -> L10n {
    let mut locales = Vec::new();
    for (name, ui, article) in [("en-US", EN_UI, en), (locale, ui(locale), tr)] {
        let mut files = BTreeMap::new();
        for (scope, text) in [("ui", ui), ("a", article)] {
            let (file, _) = parse_ftl(&format!("locales/{name}/{scope}.ftl"), text.to_string());
            files.insert(scope.to_string(), file);
        }
        locales.push(LocaleFiles::new(name, files));
    }
    L10n { locales }
}

/// The article's findings, and its text after `check --fix`'s plan.
fn run(locale: &str, en: &str, tr: &str) -> (Vec<Finding>, String) {
    let l10n = l10n(locale, en, tr);
    let data = CheckData::default();
    let found = findings(&Input { l10n: &l10n, site: None, data: &data });
    let path = format!("locales/{locale}/a.ftl");
    let plan = plan(&found);
    let fixed = plan_file(tr, plan.get(&path).map_or(&[][..], Vec::as_slice));
    (found, fixed)
}

fn errors_of(locale: &str, en: &str, tr: &str) -> Vec<(String, Option<String>)> {
    let l10n = l10n(locale, en, tr);
    let data = CheckData::default();
    let mut out: Vec<_> = findings(&Input { l10n: &l10n, site: None, data: &data })
        .into_iter()
        .filter(|f| f.diag.is_error())
        .map(|f| (f.diag.code.to_string(), f.id))
        .collect();
    out.sort();
    out
}

#[test]
fn a_bold_span_that_swallowed_a_word_bolds_only_the_label() {
    let en = "m = Go to **{ -ui-customers }** now\n";
    let (found, fixed) = run("sv-SE", en, "m = Gå till **du Kunder** nu\n");
    let s = &found.iter().find(|f| f.diag.code == "term-mismatch").unwrap().diag.suggestions[0];
    assert_eq!(s.applicability, Applicability::MachineApplicable);
    assert_eq!(fixed, "m = Gå till du **{ -ui-customers }** nu\n");
    assert!(errors_of("sv-SE", en, &fixed).is_empty());
}

#[test]
fn trailing_punctuation_leaves_the_bold_span() {
    let en = "m = Go to **{ -ui-customers }** and pick one.\n";
    let (_, fixed) = run("de-DE", en, "m = Wechseln Sie zu **Kunden,** und wählen Sie.\n");
    assert_eq!(fixed, "m = Wechseln Sie zu **{ -ui-customers }**, und wählen Sie.\n");
}

#[test]
fn a_quoted_label_becomes_the_bold_term() {
    let en = "m = Select **{ -ui-account }**.\n";
    let (_, fixed) = run("zh-CN", en, "m = 选择“帐户”。\n");
    assert_eq!(fixed, "m = 选择**{ -ui-account }**。\n");
    assert!(errors_of("zh-CN", en, &fixed).is_empty());
}

#[test]
fn a_plain_label_is_referenced_and_a_misplaced_bold_dropped() {
    let en = "m = Below the **{ -ui-status }** section.\n";
    let (_, fixed) = run("de-DE", en, "m = Unterhalb **des Abschnitts** Status finden Sie.\n");
    assert_eq!(fixed, "m = Unterhalb des Abschnitts **{ -ui-status }** finden Sie.\n");
    assert!(errors_of("de-DE", en, &fixed).is_empty());
}

#[test]
fn another_word_for_the_label_in_its_bold_place_is_replaced() {
    let en = "m = Change it to **{ -ui-suspended }** now.\n";
    let (found, fixed) = run("de-DE", en, "m = Ändern Sie ihn zu **Ausgesetzt**.\n");
    let s = &found.iter().find(|f| f.diag.code == "term-mismatch").unwrap().diag.suggestions[0];
    assert!(s.message.contains("Ausgesetzt"), "{}", s.message);
    assert_eq!(fixed, "m = Ändern Sie ihn zu **{ -ui-suspended }**.\n");
}

#[test]
fn an_unpaired_replacement_is_only_maybe_incorrect() {
    // Two bold spans for one English label: which one is the label is a guess.
    let en = "m = Pick **{ -ui-suspended }** or **Other**.\n";
    let (found, fixed) = run("de-DE", en, "m = Wählen Sie **Ausgesetzt** oder **Anderes Ding**.\n");
    let tr = "m = Wählen Sie **Ausgesetzt** oder **Anderes Ding**.\n";
    let s = &found.iter().find(|f| f.diag.code == "term-mismatch").unwrap().diag.suggestions[0];
    assert_eq!(s.applicability, Applicability::MachineApplicable);
    assert_eq!(fixed, tr.replace("Ausgesetzt", "{ -ui-suspended }"));
    let (found, fixed) =
        run("de-DE", en, "m = Wählen Sie **Ausgesetzt** oder **{ -ui-status }**.\n");
    let suggestions: Vec<_> = found.iter().flat_map(|f| &f.diag.suggestions).collect();
    assert!(suggestions.iter().all(|s| s.applicability == Applicability::MaybeIncorrect));
    assert!(fixed.contains("**Ausgesetzt**"));
}

#[test]
fn a_term_written_without_bold_gets_it() {
    let en = "m = Go to **{ -ui-customers }**.\n";
    let (_, fixed) = run("de-DE", en, "m = Gehen Sie zu { -ui-customers }.\n");
    assert_eq!(fixed, "m = Gehen Sie zu **{ -ui-customers }**.\n");
    let (_, fixed) = run("de-DE", en, "m = Gehen Sie **zu { -ui-customers }**.\n");
    assert_eq!(fixed, "m = Gehen Sie zu **{ -ui-customers }**.\n");
}

#[test]
fn a_label_inside_a_longer_word_is_not_taken() {
    let en = "m = Go to **{ -ui-customers }**.\n";
    let (found, fixed) = run("de-DE", en, "m = Alle Kundenkonten.\n");
    assert!(found.iter().all(|f| f.diag.suggestions.is_empty()));
    assert_eq!(fixed, "m = Alle Kundenkonten.\n");
}

#[test]
fn the_help_line_shows_the_fixed_line() {
    let en = "m = Go to **{ -ui-customers }** now\n";
    let (found, _) = run("sv-SE", en, "m = Gå till **du Kunder** nu\n");
    let rendered = found.iter().find(|f| f.diag.code == "term-mismatch").unwrap().diag.render();
    assert!(
        rendered.contains("= help: bold only the UI label, and reference it (`{ -ui-customers }`) (machine-applicable)\n1 | m = Gå till du **{ -ui-customers }** nu\n"),
        "{rendered}"
    );
}

mod props {
    use proptest::prelude::*;

    use super::*;

    /// Swedish-like words around the label, in one of the shapes translations get wrong.
    fn translation() -> impl Strategy<Value = String> {
        let word = "[a-zåäö]{1,6}";
        (word, word, 0usize..6, prop_oneof![Just("."), Just(","), Just("")]).prop_map(
            |(a, b, shape, punct)| match shape {
                0 => format!("{a} **{b} Kunder**{punct} slut"),
                1 => format!("{a} **Kunder{punct}** {b}"),
                2 => format!("{a} “Kunder” {b}{punct}"),
                3 => format!("{a} Kunder {b}{punct}"),
                4 => format!("{a} **{b}** Kunder{punct}"),
                _ => format!("{a} **{b}**{punct}"),
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// A file fixed by the plan has no error it did not have before, and fewer errors
        /// when a machine-applicable fix was applied.
        #[test]
        fn a_fixed_file_has_no_new_findings(tr in translation()) {
            let en = "m = Go **{ -ui-customers }** now\n";
            let tr = format!("m = {tr}\n");
            let before = errors_of("sv-SE", en, &tr);
            let (_, fixed) = run("sv-SE", en, &tr);
            let after = errors_of("sv-SE", en, &fixed);
            for e in &after {
                prop_assert!(before.contains(e), "new {e:?} in {fixed:?} (was {tr:?})");
            }
            if fixed != tr {
                prop_assert!(after.len() < before.len(), "{fixed:?}: {after:?}");
            }
        }
    }
}

#[test]
fn the_label_in_bold_wins_over_the_same_word_in_the_sentence() {
    let en = "m = Go to **{ -ui-customers }** and select a customer.\n";
    let (_, fixed) =
        run("de-DE", en, "m = Wechseln Sie zu **Kunden,** und wählen Sie einen Kunden aus.\n");
    assert_eq!(
        fixed,
        "m = Wechseln Sie zu **{ -ui-customers }**, und wählen Sie einen Kunden aus.\n"
    );
}

#[test]
fn a_plain_reference_may_differ_in_case_only() {
    let en = "m = { -ui-customers } and more\n";
    let (_, fixed) = run("de-DE", en, "m = kunden und mehr\n");
    assert_eq!(fixed, "m = { -ui-customers } und mehr\n");
    // A bold label is not taken from a lower-case word of the sentence.
    let en = "m = Go to **{ -ui-customers }**.\n";
    let (_, fixed) = run("de-DE", en, "m = Gehen Sie zu den kunden.\n");
    assert_eq!(fixed, "m = Gehen Sie zu den kunden.\n");
}
