//! Tests of the simulator's page data.
use std::path::Path;

use super::*;
use crate::l10n::load_l10n;
use crate::sim::load_scenarios;

const LOCALES: [&str; 6] = ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"];

fn site() -> (L10n, Vec<Scenario>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let locales: Vec<String> = LOCALES.iter().map(|l| l.to_string()).collect();
    let (l10n, diags) = load_l10n(root, &locales);
    assert!(diags.is_empty(), "{diags:?}");
    let (scenarios, diags) = load_scenarios(root);
    assert!(diags.is_empty(), "{diags:?}");
    (l10n, scenarios)
}

#[test]
fn every_string_formats_without_problems_in_every_locale() {
    let (l10n, scenarios) = site();
    for locale in LOCALES {
        let (json, problems) = sim_view(&l10n, locale, &scenarios);
        let problems: Vec<_> = problems.iter().map(|p| p.to_diagnostic(true).headline()).collect();
        assert!(problems.is_empty(), "{locale}: {problems:#?}");
        assert!(!json.contains('<') && !json.contains('\u{2068}'), "{locale}");
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["locale"], locale);
        assert_eq!(value["scenarios"].as_array().unwrap().len(), scenarios.len());
    }
}

#[test]
fn plurals_use_the_locales_cldr_categories() {
    let (l10n, scenarios) = site();
    let several = scenarios.iter().find(|s| s.id == "several-customers").unwrap();
    let (json, _) = sim_view(&l10n, "ru-RU", std::slice::from_ref(several));
    let value: Value = serde_json::from_str(&json).unwrap();
    let counts = &value["text"]["sim-customers-count"];
    assert_eq!(counts["1"], "1 клиент");
    assert_eq!(counts["2"], "2 клиента");
    assert_eq!(counts["0"], "0 клиентов");
    let (json, _) = sim_view(&l10n, "en-US", std::slice::from_ref(several));
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["text"]["sim-customers-count"]["1"], "1 customer");
    assert_eq!(value["ui"]["suspended"], "Suspended");
}

#[test]
fn output_is_deterministic_and_escaped() {
    let (l10n, scenarios) = site();
    assert_eq!(sim_view(&l10n, "de-DE", &scenarios).0, sim_view(&l10n, "de-DE", &scenarios).0);
    assert_eq!(
        escape_for_script("{\"a\":\"</script>&\"}"),
        "{\"a\":\"\\u003c/script\\u003e\\u0026\"}"
    );
}

/// Issue 34: bidi and zero-width characters reached the page through this JSON.
#[test]
fn no_invisible_character_reaches_the_json() {
    let (mut l10n, mut scenarios) = site();
    let before: Value = serde_json::from_str(&sim_view(&l10n, "de-DE", &scenarios).0).unwrap();
    let hidden = "\u{202E}\u{2066}\u{2069}\u{200B}\u{200F}\u{2060}\u{FEFF}\u{7}";
    let de = l10n.locales.iter_mut().find(|l| l.locale == "de-DE").unwrap();
    let term = UI_TERMS[0];
    for (scope, from, to) in [
        ("sim", "\nsim-title = ".to_string(), format!("\nsim-title = {hidden}")),
        ("ui", format!("\n-{term} = "), format!("\n-{term} = A{hidden}B ")),
    ] {
        let file = &de.files[scope];
        assert!(file.source().contains(&from), "{from:?}");
        let source = file.source().replacen(&from, &to, 1);
        let (file, _) = crate::l10n::parse_ftl(&file.path.clone(), source);
        de.files.insert(scope.to_string(), file);
    }
    scenarios[0].customers[0].name.push_str(hidden);
    let (json, _) = sim_view(&l10n, "de-DE", &scenarios);
    let bad: Vec<char> = json.chars().filter(|&c| strip_controls_changes(c)).collect();
    assert!(bad.is_empty(), "{bad:?}");
    let value: Value = serde_json::from_str(&json).unwrap();
    // The texts stay, the control character (U+0007) made a space.
    let key = term.trim_start_matches("ui-");
    let label_before = before["ui"][key].as_str().unwrap();
    let label = format!("A B {label_before}");
    assert_eq!(value["ui"][key].as_str(), Some(label.as_str()));
    let title_before = before["text"]["sim-title"].as_str().unwrap();
    let title = format!(" {}", title_before.replace(label_before, &label));
    assert_eq!(value["text"]["sim-title"].as_str(), Some(title.as_str()));
}

fn strip_controls_changes(c: char) -> bool {
    crate::md_shape::strip_controls(&c.to_string()) != c.to_string()
}

#[test]
fn the_assessment_rule_and_its_texts_reach_the_json_only_when_configured() {
    let (l10n, scenarios) = site();
    let (json, _) = sim_view(&l10n, "ru-RU", &scenarios);
    assert_eq!(serde_json::from_str::<Value>(&json).unwrap()["assessment"], Value::Null);
    let view = AssessmentView {
        rule: Rule { mastery_score: 0.75, allowed_mistakes: 3 },
        scenarios: vec![],
    };
    let (json, problems) = sim_view_assessed(&l10n, "ru-RU", &scenarios, Some(&view));
    assert!(problems.is_empty(), "{problems:?}");
    let a = &serde_json::from_str::<Value>(&json).unwrap()["assessment"];
    assert_eq!(a["mastery-score"], 0.75);
    assert_eq!(a["allowed-mistakes"], 3);
    let ids: Vec<_> = scenarios.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(a["scenarios"], json!(ids), "no list: every scenario of the set");
    // Formatted with the rule's number, in the locale's plural form (ru: 3 -> few).
    let intro = a["text"]["sim-assess-intro"].as_str().unwrap();
    assert!(intro.contains("не более 3 ошибок"), "{intro}");
    assert!(a["text"]["sim-result-allowed"].as_str().unwrap().contains('3'));
}

#[test]
fn a_missing_message_is_reported_not_hidden() {
    let (l10n, mut scenarios) = site();
    scenarios[0].title = "sim-no-such-message".into();
    let (_, problems) = sim_view(&l10n, "de-DE", &scenarios);
    assert!(problems.contains(&Problem::Unknown {
        source: "en-US".into(),
        scope: "sim".into(),
        id: "sim-no-such-message".into()
    }));
}

#[test]
fn a_doubled_period_after_an_abbreviation_is_one() {
    assert_eq!(one_final_period("for Contoso Ltd.. Next".into()), "for Contoso Ltd. Next");
    assert_eq!(one_final_period("with Contoso Ltd..".into()), "with Contoso Ltd.");
    assert_eq!(one_final_period("wait...".into()), "wait...");
    assert_eq!(one_final_period(".".repeat(200_000)), ".".repeat(200_000));
}

proptest::proptest! {
    /// Run by run is character by character: a run of exactly two periods loses one.
    #[test]
    fn runs_of_periods_are_read_as_characters(text in "[a. é]{0,16}") {
        let chars: Vec<char> = text.chars().collect();
        let mut expected = String::new();
        for (i, c) in chars.iter().enumerate() {
            let run_start = i == 0 || chars[i - 1] != '.';
            let run_len = chars[i..].iter().take_while(|c| **c == '.').count();
            if !(*c == '.' && run_start && run_len == 2) {
                expected.push(*c);
            }
        }
        proptest::prop_assert_eq!(one_final_period(text), expected);
    }
}

/// What the page shows for a name-bearing message, read from the JSON as `named` in
/// `assets/sim.js` reads it: the owner's own text, else the template with the name (the
/// page's, sanitized) filled in.
fn shown(
    data: &Value,
    owner: &Value,
    id: &str,
    arg: NameArg,
    name: &Value,
    n: Option<u32>,
) -> Option<String> {
    let pick = |v: &Value| match n {
        None => v.as_str().map(str::to_string),
        Some(n) => v[n.to_string()].as_str().map(str::to_string),
    };
    match owner["text"].get(id) {
        Some(own) => pick(own),
        None => Some(fill(&pick(&data["text"][id])?, arg.sentinel, name.as_str()?)),
    }
}

/// What the page showed before templates: Fluent's text with the real name (and count),
/// one final period, sanitized.
fn formatted(t: &Translator, id: &str, arg: NameArg, name: &str, n: Option<u32>) -> String {
    let mut args = FluentArgs::new();
    args.set(arg.var, name.to_string());
    if let Some(n) = n {
        args.set("count", f64::from(n));
    }
    let text = one_final_period(t.message(id, Some(&args)).0.value);
    crate::md_shape::strip_controls(&text).into_owned()
}

/// Every name-bearing text of every scenario, customer and item, as `(where, shown, expected)`.
fn named_texts(
    l10n: &L10n,
    locale: &str,
    scenarios: &[Scenario],
) -> Vec<(String, Option<String>, String)> {
    let (json, problems) = sim_view(l10n, locale, scenarios);
    assert!(problems.is_empty(), "{locale}: {problems:?}");
    let data: Value = serde_json::from_str(&json).unwrap();
    let t = l10n.translator(locale, SIM_SCOPE);
    let mut out = Vec::new();
    // `shown` reads the name the page has, `formatted` formats the real one.
    let mut check =
        |owner: &Value, id: &str, arg: NameArg, name: &str, page_name: &Value, n: Option<u32>| {
            let place = format!("{locale} {} {id} {n:?}", owner["id"]);
            out.push((
                place,
                shown(&data, owner, id, arg, page_name, n),
                formatted(&t, id, arg, name, n),
            ));
        };
    for (s, sj) in scenarios.iter().zip(data["scenarios"].as_array().unwrap()) {
        for (c, cj) in s.customers.iter().zip(sj["customers"].as_array().unwrap()) {
            let goal = if c.id == s.goal.customer { &GOAL_MESSAGES[..] } else { &[] };
            for id in goal.iter().chain(&CUSTOMER_MESSAGES) {
                check(cj, id, CUSTOMER, &c.name, &cj["name"], None);
            }
            for (id, max) in customer_counts(&|n| count(n(c))) {
                (1..=max).for_each(|n| check(cj, id, CUSTOMER, &c.name, &cj["name"], Some(n)));
            }
            for (sub, subj) in c.subscriptions.iter().zip(cj["subscriptions"].as_array().unwrap()) {
                let page_name = &subj["name"];
                SUBSCRIPTION_MESSAGES
                    .iter()
                    .for_each(|id| check(subj, id, SUBSCRIPTION, &sub.name, page_name, None));
            }
            for (items, list, ids) in [
                (&c.reservations, "reservations", RESERVATION_MESSAGES),
                (&c.software, "software", SOFTWARE_MESSAGES),
            ] {
                for (item, itemj) in items.iter().zip(cj[list].as_array().unwrap()) {
                    ids.iter()
                        .for_each(|id| check(itemj, id, ITEM, &item.name, &itemj["name"], None));
                }
            }
        }
    }
    out
}

fn assert_named_texts_match(l10n: &L10n, locale: &str, scenarios: &[Scenario]) -> usize {
    let texts = named_texts(l10n, locale, scenarios);
    for (place, shown, expected) in &texts {
        assert_eq!(shown.as_deref(), Some(expected.as_str()), "{place}");
    }
    texts.len()
}

/// The page fills templates in; what it shows is what Fluent formats with each real name.
#[test]
fn every_name_bearing_text_is_what_fluent_formats_with_the_name() {
    let (l10n, scenarios) = site();
    for locale in LOCALES {
        assert!(assert_named_texts_match(&l10n, locale, &scenarios) > 100, "{locale}");
    }
    // Names that are hard on a fill: a sentinel inside a name, markup, a final period
    // before the sentence's own, hidden characters, an empty name.
    let mut odd = scenarios.clone();
    let names =
        ["$customer & $item Ltd.", "<b>x</b>.", "A\u{200B}\u{7}B.", "", "..", "$subscription"];
    let mut names = names.iter().cycle();
    for c in odd.iter_mut().flat_map(|s| &mut s.customers) {
        c.name = names.next().unwrap().to_string();
        for s in &mut c.subscriptions {
            s.name = names.next().unwrap().to_string();
        }
        for p in c.reservations.iter_mut().chain(&mut c.software) {
            p.name = names.next().unwrap().to_string();
        }
    }
    for locale in LOCALES {
        assert_named_texts_match(&l10n, locale, &odd);
    }
}

/// The shipped translations place names without depending on them: one template per
/// message, no per-name text (which would make the page heavier again).
#[test]
fn the_shipped_scenarios_need_no_per_name_text() {
    let (l10n, scenarios) = site();
    for locale in LOCALES {
        let (json, _) = sim_view(&l10n, locale, &scenarios);
        let data: Value = serde_json::from_str(&json).unwrap();
        for s in data["scenarios"].as_array().unwrap() {
            assert_eq!(s.get("text"), None, "{locale} {}", s["id"]);
            for c in s["customers"].as_array().unwrap() {
                assert_eq!(c.get("text"), None, "{locale} {}", c["id"]);
                for list in ["subscriptions", "reservations", "software"] {
                    for item in c[list].as_array().unwrap() {
                        assert_eq!(item.get("text"), None, "{locale} {}", item["id"]);
                    }
                }
            }
        }
        let text = &data["text"];
        assert!(text["sim-confirm-title"].as_str().unwrap().contains("$customer"), "{locale}");
        assert!(text["sim-announce-suspended"].as_str().unwrap().contains("$subscription"));
        assert!(text["sim-cancel-software-named"].as_str().unwrap().contains("$item"));
    }
}

/// Plural forms stay Fluent's: one template per count, each in the locale's CLDR category,
/// for every count some customer can have and no other.
#[test]
fn plural_templates_are_formatted_per_count() {
    let (l10n, scenarios) = site();
    let (json, _) = sim_view(&l10n, "ru-RU", &scenarios);
    let data: Value = serde_json::from_str(&json).unwrap();
    let most = scenarios.iter().flat_map(|s| &s.customers).map(|c| c.subscriptions.len()).max();
    let counts = data["text"]["sim-reason-active-subscriptions"].as_object().unwrap();
    let keys: Vec<String> = (1..=most.unwrap()).map(|n| n.to_string()).collect();
    assert_eq!(counts.keys().cloned().collect::<Vec<_>>().len(), keys.len());
    assert!(keys.iter().all(|k| counts.contains_key(k)));
    assert_eq!(counts["1"], "У клиента $customer еще 1 активная подписка.");
    assert_eq!(counts["2"], "У клиента $customer еще 2 активные подписки.");
    let licenses = &data["text"]["sim-quantity-licenses"];
    assert_eq!(licenses["1"], "1 лицензия");
    assert_eq!(licenses["21"], "21 лицензия");
    assert_eq!(licenses["25"], "25 лицензий");
}

/// A translation that chooses its words by the name cannot be a template: that customer's
/// text is sent as Fluent formats it, the others still share the template.
#[test]
fn a_translation_that_selects_on_the_name_is_sent_for_that_name() {
    let (mut l10n, mut scenarios) = site();
    let de = l10n.locales.iter_mut().find(|l| l.locale == "de-DE").unwrap();
    let file = &de.files[SIM_SCOPE];
    let line = file.source().lines().find(|l| l.starts_with("sim-confirm-title =")).unwrap();
    let select = "sim-confirm-title =\n    { $customer ->\n        [Contoso] Contoso verlassen?\n       *[other] Beziehung mit { $customer } entfernen?\n    }";
    let source = file.source().replacen(line, select, 1);
    let (file, _) = crate::l10n::parse_ftl(&file.path.clone(), source);
    de.files.insert(SIM_SCOPE.to_string(), file);
    let s = scenarios.iter_mut().find(|s| s.customers.len() > 1).unwrap();
    s.customers[0].name = "Contoso".into();
    let (sid, other) = (s.id.clone(), s.customers[1].id.clone());
    assert_named_texts_match(&l10n, "de-DE", &scenarios);
    let data: Value = serde_json::from_str(&sim_view(&l10n, "de-DE", &scenarios).0).unwrap();
    assert_eq!(data["text"]["sim-confirm-title"], "Beziehung mit $customer entfernen?");
    let s = data["scenarios"].as_array().unwrap().iter().find(|s| s["id"] == sid.as_str()).unwrap();
    assert_eq!(s["customers"][0]["text"], json!({ "sim-confirm-title": "Contoso verlassen?" }));
    let other =
        s["customers"].as_array().unwrap().iter().find(|c| c["id"] == other.as_str()).unwrap();
    assert_eq!(other.get("text"), None);
}
