//! The simulator's page data: scenarios plus every string the simulator can show in one
//! locale, formatted at build time with Fluent (so the browser needs no Fluent runtime).
//!
//! Scenarios are finite, so every argument a message can get is known here: customer and
//! item names, quantities, and counts from 0 (or 1) up to the number of items. Plural forms
//! are therefore chosen by fluent-bundle with the locale's CLDR rules, never in JavaScript.
//! The output is deterministic (serde_json's map is sorted), sanitized as page text is
//! ([`json_for_page`]), and safe to embed in `<script type="application/json">`: `<`, `>` and
//! `&` are escaped as `\u003c` etc.
//!
//! Page contract (what `assets/sim.js` expects):
//! - `<script type="application/json" id="drillbook-sim-data">` holding this JSON (already
//!   escaped; embed as is);
//! - `<section id="sim" class="sim" aria-labelledby="sim-title" tabindex="-1">` (the target
//!   of the page's skip link and table-of-contents entry) containing an
//!   `<h2 id="sim-title">` (message `sim-title`) and no-JS text in elements with class
//!   `sim-fallback` (message `sim-needs-javascript`), which the runtime removes;
//! - `<link rel="stylesheet" href="…/sim.css">` and `<script type="module" src="…/sim.js">`;
//!   no inline script or style, so a CSP of `default-src 'none'; script-src 'self';
//!   style-src 'self'` works.
//!
//! With an `[assessment]` in the article, `assessment` holds its rule, the scenarios it
//! assesses and the texts formatted with the rule's numbers; otherwise it is `null` and the
//! page offers practice only.
//!
//! After every change the runtime dispatches `drillbook:sim-state` on the section, with
//! `detail = {scenario, goal, goalReached, conditions: {customer: {condition: bool}}, enabled}`.

use fluent_bundle::FluentArgs;
use serde_json::{Map, Value, json};

use crate::l10n::{L10n, Problem, Translator};
use crate::sim::{ActionKind, Condition, Customer, Purchase, Reason, Rule, Scenario, Subscription};

/// Version of the JSON shape and of the browser's saved progress (`storage-key`).
const SIM_DATA_VERSION: u32 = 1;

/// The Fluent scope (file stem of `locales/<locale>/sim.ftl`).
const SIM_SCOPE: &str = "sim";

/// `ui.ftl` terms the simulator shows as labels, exported under `ui`.
const UI_TERMS: &[&str] = crate::sim::UI_LABELS;

/// Messages without arguments, exported under `text`.
const STATIC_MESSAGES: [&str; 63] = [
    "sim-title",
    "sim-intro",
    "sim-needs-javascript",
    "sim-scenario-label",
    "sim-undo",
    "sim-reset",
    "sim-goal-label",
    "sim-console-label",
    "sim-breadcrumb-label",
    "sim-customer-nav-label",
    "sim-nav-label",
    "sim-differences-title",
    "sim-difference-reservations",
    "sim-difference-software",
    "sim-difference-purchases",
    "sim-difference-simplified",
    "sim-customers-empty",
    "sim-column-name",
    "sim-column-offer",
    "sim-subscriptions-empty",
    "sim-reservations-empty",
    "sim-software-empty",
    "sim-account-relationship",
    "sim-relationship-active",
    "sim-relationship-removed",
    "sim-account-admin",
    "sim-admin-granted",
    "sim-admin-removed",
    "sim-account-support",
    "sim-support-listed",
    "sim-support-removed",
    "sim-blocked",
    "sim-fix-label",
    "sim-summary-back",
    "sim-announce-undo",
    "sim-announce-reset",
    "sim-storage-discarded",
    "sim-reason-unknown-customer",
    "sim-reason-unknown-item",
    "sim-progress-label",
    "sim-mode-label",
    "sim-mode-practice",
    "sim-mode-assessment",
    "sim-assess-refused",
    "sim-assess-finish",
    "sim-assess-not-recorded",
    "sim-assess-recorded",
    "sim-result-title",
    "sim-result-passed",
    "sim-result-failed",
    "sim-result-score",
    "sim-result-mastery",
    "sim-result-mistakes",
    "sim-result-time",
    "sim-result-goal-not-reached",
    "sim-result-mistakes-title",
    "sim-result-no-mistakes",
    "sim-result-refused",
    "sim-result-unnecessary",
    "sim-result-step",
    "sim-result-no-step",
    "sim-result-practise",
    "sim-result-retry",
];

/// An article's assessment mode (`[assessment]`), as the page needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentView {
    pub rule: Rule,
    /// Scenario ids to assess on; empty: every scenario of the set.
    pub scenarios: Vec<String>,
}

impl AssessmentView {
    pub fn of(article: &crate::content::Article) -> Option<AssessmentView> {
        let a = article.assessment.as_ref()?;
        let allowed = a.allowed_mistakes.as_ref().map_or(0, |n| *n.get_ref());
        Some(AssessmentView {
            rule: Rule {
                mastery_score: *a.mastery_score.get_ref(),
                allowed_mistakes: u32::try_from(allowed).unwrap_or(0),
            },
            scenarios: a.scenarios.iter().map(|s| s.get_ref().clone()).collect(),
        })
    }
}

/// Builds the JSON the page embeds for `scenarios` (one scenario set, in picker order) in
/// `locale`, and every problem met while formatting (missing messages, Fluent errors).
pub fn sim_view(l10n: &L10n, locale: &str, scenarios: &[Scenario]) -> (String, Vec<Problem>) {
    sim_view_assessed(l10n, locale, scenarios, None)
}

/// [`sim_view`] with the article's assessment mode, if it has one.
pub fn sim_view_assessed(
    l10n: &L10n,
    locale: &str,
    scenarios: &[Scenario],
    assessment: Option<&AssessmentView>,
) -> (String, Vec<Problem>) {
    let mut ctx = Ctx { t: l10n.translator(locale, SIM_SCOPE), problems: Vec::new() };
    let mut value = ctx.data(scenarios);
    value["assessment"] = assessment.map_or(Value::Null, |a| ctx.assessment(a, scenarios));
    (json_for_page(value), ctx.problems)
}

/// The one way data reaches a page's `<script type="application/json">` (the simulator's and
/// the checklist's): every string sanitized as the page's text is
/// ([`crate::md_shape::strip_controls`]: no bidi controls, zero-width or control
/// characters), then serialized and escaped for the script element.
pub(crate) fn json_for_page(mut value: Value) -> String {
    sanitize_strings(&mut value);
    escape_for_script(&value.to_string())
}

/// [`crate::md_shape::strip_controls`] of every string in `value` (the page's JS shows them).
fn sanitize_strings(value: &mut Value) {
    match value {
        Value::String(text) => {
            if let std::borrow::Cow::Owned(clean) = crate::md_shape::strip_controls(text) {
                *text = clean;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(sanitize_strings),
        Value::Object(map) => map.values_mut().for_each(sanitize_strings),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Escapes characters that could end or confuse a `<script>` element; the JSON stays valid.
fn escape_for_script(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// A sentence that ends right after a name ending in a period ("Contoso Ltd.") takes one
/// period: a lone ".." becomes "." (an ellipsis "..." stays).
fn one_final_period(text: String) -> String {
    if !text.contains("..") {
        return text;
    }
    // Run by run, so a long run of periods costs its length once.
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('.') {
        out.push_str(&rest[..i]);
        let run = rest[i..].bytes().take_while(|&b| b == b'.').count();
        out.push_str(&rest[i..i + if run == 2 { 1 } else { run }]);
        rest = &rest[i + run..];
    }
    out.push_str(rest);
    out
}

struct Ctx {
    t: Translator,
    problems: Vec<Problem>,
}

impl Ctx {
    fn msg(&mut self, id: &str, args: &[(&str, Arg<'_>)]) -> Value {
        let mut fluent_args = FluentArgs::new();
        for (name, arg) in args {
            match arg {
                Arg::Str(s) => fluent_args.set(*name, s.to_string()),
                Arg::Num(n) => fluent_args.set(*name, *n),
            }
        }
        let (text, problems) =
            self.t.message(id, if args.is_empty() { None } else { Some(&fluent_args) });
        self.problems.extend(problems);
        Value::String(one_final_period(text.value))
    }

    /// `{"<count>": text}` for each count in `counts`, with `extra` arguments.
    fn plural(
        &mut self,
        id: &str,
        counts: std::ops::RangeInclusive<usize>,
        extra: &[(&str, Arg<'_>)],
    ) -> Value {
        let mut out = Map::new();
        for n in counts {
            let mut args = extra.to_vec();
            args.push(("count", Arg::Num(n as f64)));
            out.insert(n.to_string(), self.msg(id, &args));
        }
        Value::Object(out)
    }

    fn data(&mut self, scenarios: &[Scenario]) -> Value {
        let mut ui = Map::new();
        for term in UI_TERMS {
            let (text, problems) = self.t.term(term, None);
            self.problems.extend(problems);
            ui.insert(term.trim_start_matches("ui-").to_string(), Value::String(text.value));
        }
        let mut text = Map::new();
        for id in STATIC_MESSAGES {
            text.insert(id.to_string(), self.msg(id, &[]));
        }
        let conditions: Vec<Value> = Condition::ALL
            .into_iter()
            .map(|c| json!({ "id": c.id(), "label": self.msg(&format!("sim-condition-{}", c.id()), &[]) }))
            .collect();
        let actions: Vec<Value> = ActionKind::ALL
            .into_iter()
            .map(|a| json!({ "id": a.id(), "label": self.msg(&format!("sim-action-{}", a.id()), &[]) }))
            .collect();
        let fixes: Map<String, Value> = Reason::IDS
            .into_iter()
            .filter_map(|id| Reason::fixed_by_id(id).map(|c| (id.to_string(), Value::from(c.id()))))
            .collect();
        let fix_texts: Map<String, Value> = Condition::ALL
            .into_iter()
            .map(|c| (c.id().to_string(), self.msg(&format!("sim-fix-{}", c.id()), &[])))
            .collect();
        text.insert("sim-fix".to_string(), Value::Object(fix_texts));
        let set = scenarios.first().map_or(String::new(), |s| s.set.clone());
        let scenarios: Vec<Value> = scenarios.iter().map(|s| self.scenario(s)).collect();
        json!({
            "version": SIM_DATA_VERSION,
            "locale": self.t.locale,
            "set": set,
            "storage-key": format!("drillbook-sim/v{SIM_DATA_VERSION}/{set}"),
            "ui": ui,
            "text": text,
            "conditions": conditions,
            "actions": actions,
            "fixes": fixes,
            "scenarios": scenarios,
        })
    }

    fn assessment(&mut self, a: &AssessmentView, scenarios: &[Scenario]) -> Value {
        let allowed = [("allowed", Arg::Num(f64::from(a.rule.allowed_mistakes)))];
        let ids: Vec<&str> = if a.scenarios.is_empty() {
            scenarios.iter().map(|s| s.id.as_str()).collect()
        } else {
            a.scenarios.iter().map(String::as_str).collect()
        };
        json!({
            "mastery-score": a.rule.mastery_score,
            "allowed-mistakes": a.rule.allowed_mistakes,
            "scenarios": ids,
            "text": {
                "sim-assess-intro": self.msg("sim-assess-intro", &allowed),
                "sim-result-allowed": self.msg("sim-result-allowed", &allowed),
            },
        })
    }

    fn scenario(&mut self, scenario: &Scenario) -> Value {
        let goal_name = scenario.customer(&scenario.goal.customer).map_or("", |c| c.name.as_str());
        let goal = [("customer", Arg::Str(goal_name))];
        let mut text = Map::new();
        text.insert("sim-goal".into(), self.msg("sim-goal", &goal));
        text.insert("sim-goal-reached".into(), self.msg("sim-goal-reached", &goal));
        text.insert(
            "sim-customers-count".into(),
            self.plural("sim-customers-count", 0..=scenario.customers.len(), &[]),
        );
        let steps: Map<String, Value> = scenario
            .steps
            .iter()
            .map(|(c, anchor)| (c.id().to_string(), Value::from(format!("#{anchor}"))))
            .collect();
        let customers: Vec<Value> = scenario.customers.iter().map(|c| self.customer(c)).collect();
        json!({
            "id": scenario.id,
            "title": self.msg(&scenario.title, &[]),
            "brief": self.msg(&scenario.brief, &[]),
            "goal": { "customer": scenario.goal.customer, "condition": scenario.goal.condition },
            "steps": steps,
            "text": text,
            "customers": customers,
            "initial": scenario.initial_state(),
        })
    }

    fn customer(&mut self, customer: &Customer) -> Value {
        let name = [("customer", Arg::Str(&customer.name))];
        let mut text = Map::new();
        for id in [
            "sim-reason-relationship-removed",
            "sim-announce-removed",
            "sim-announce-purchase",
            "sim-confirm-title",
            "sim-confirm-body",
            "sim-summary-title",
            "sim-summary-customer-list",
            "sim-summary-admin",
            "sim-summary-support",
            "sim-summary-purchases",
        ] {
            text.insert(id.into(), self.msg(id, &name));
        }
        let counts = [
            ("sim-reason-active-subscriptions", customer.subscriptions.len()),
            ("sim-remove-inactive", customer.subscriptions.len()),
            ("sim-reason-active-reservations", customer.reservations.len()),
            ("sim-reason-active-software", customer.software.len()),
        ];
        for (id, max) in counts {
            text.insert(id.into(), self.plural(id, 1..=max, &name));
        }
        let subscriptions: Vec<Value> =
            customer.subscriptions.iter().map(|s| self.subscription(s)).collect();
        let reservations: Vec<Value> = customer
            .reservations
            .iter()
            .map(|p| {
                self.purchase(
                    p,
                    "sim-quantity-instances",
                    "sim-announce-reservation-cancelled",
                    "sim-cancel-reservation-named",
                )
            })
            .collect();
        let software: Vec<Value> = customer
            .software
            .iter()
            .map(|p| {
                self.purchase(
                    p,
                    "sim-quantity-licenses",
                    "sim-announce-software-cancelled",
                    "sim-cancel-software-named",
                )
            })
            .collect();
        json!({
            "id": customer.id,
            "name": customer.name,
            "text": text,
            "subscriptions": subscriptions,
            "reservations": reservations,
            "software": software,
        })
    }

    fn subscription(&mut self, sub: &Subscription) -> Value {
        let name = [("subscription", Arg::Str(&sub.name))];
        let mut text = Map::new();
        for id in [
            "sim-announce-suspended",
            "sim-announce-reactivated",
            "sim-reason-already-suspended",
            "sim-reason-already-active",
        ] {
            text.insert(id.into(), self.msg(id, &name));
        }
        text.insert(
            "sim-quantity".into(),
            self.msg("sim-quantity-licenses", &[("quantity", Arg::Num(f64::from(sub.quantity)))]),
        );
        json!({ "id": sub.id, "name": sub.name, "offer": sub.offer, "quantity": sub.quantity, "text": text })
    }

    fn purchase(
        &mut self,
        item: &Purchase,
        quantity_id: &str,
        announce_id: &str,
        cancel_id: &str,
    ) -> Value {
        let name = [("item", Arg::Str(&item.name))];
        let mut text = Map::new();
        text.insert("sim-announce-cancelled".into(), self.msg(announce_id, &name));
        // The row's cancel button is named after its item: one accessible name per row.
        text.insert("sim-cancel-named".into(), self.msg(cancel_id, &name));
        text.insert(
            "sim-reason-already-cancelled".into(),
            self.msg("sim-reason-already-cancelled", &name),
        );
        text.insert(
            "sim-quantity".into(),
            self.msg(quantity_id, &[("quantity", Arg::Num(f64::from(item.quantity)))]),
        );
        json!({ "id": item.id, "name": item.name, "quantity": item.quantity, "text": text })
    }
}

#[derive(Clone, Copy)]
enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}

#[cfg(test)]
mod period_tests {
    use super::one_final_period;

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
}

#[cfg(test)]
mod tests {
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
            let problems: Vec<_> =
                problems.iter().map(|p| p.to_diagnostic(true).headline()).collect();
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
        let counts = &value["scenarios"][0]["text"]["sim-customers-count"];
        assert_eq!(counts["1"], "1 клиент");
        assert_eq!(counts["2"], "2 клиента");
        assert_eq!(counts["0"], "0 клиентов");
        let (json, _) = sim_view(&l10n, "en-US", std::slice::from_ref(several));
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["scenarios"][0]["text"]["sim-customers-count"]["1"], "1 customer");
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
}
