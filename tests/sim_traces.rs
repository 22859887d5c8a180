//! The simulator's equivalence proof, Rust half: random action traces over the shipped
//! scenarios, with the reference model's outcome, state, conditions and enabled actions after
//! every action, written to `target/drillbook-sim/traces.json`. `node --test tests/js/`
//! replays them through `assets/sim.js` and fails on any difference.
//!
//! Also writes the self-contained fixture pages the JS and browser tests drive
//! (`target/drillbook-sim/fixture/<locale>.html`, with `sim.js` and `sim.css` beside them).
//!
//! Run both halves: `cargo test --test sim_traces && node --test tests/js/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use drillbook::content::{Block, load_site};
use drillbook::l10n::load_l10n;
use drillbook::render::{AssessmentView, sim_view_assessed};
use drillbook::sim::{
    Action, Condition, Rule, Scenario, State, all_actions, apply, assess, enabled_actions, judge,
    load_scenarios, score,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};

const LOCALES: [&str; 6] = ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"];
const SET: &str = "remove-a-relationship";
const RANDOM_TRACES: usize = 1200;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn out_dir() -> PathBuf {
    root().join("target").join("drillbook-sim")
}

static SCENARIOS: LazyLock<Vec<Scenario>> = LazyLock::new(|| {
    let (scenarios, diags) = load_scenarios(root());
    assert!(diags.is_empty(), "{diags:#?}");
    drillbook::sim::scenarios_in_set(&scenarios, SET)
});

#[test]
fn shipped_scenarios_cover_the_issue_and_name_real_article_anchors() {
    let ids: Vec<_> = SCENARIOS.iter().map(|s| s.id.as_str()).collect();
    for wanted in [
        "only-active-subscriptions",
        "azure-ri-reservation",
        "software-purchase",
        "several-customers",
        "nothing-to-suspend",
    ] {
        assert!(ids.contains(&wanted), "missing scenario {wanted} in {ids:?}");
    }
    let (site, diags) = load_site(root());
    assert!(diags.is_empty(), "{diags:#?}");
    let article =
        site.unwrap().articles.into_iter().find(|a| a.id == SET).expect("the article exists");
    let mut anchors = BTreeSet::new();
    for block in &article.body {
        match block {
            Block::Heading(h) => {
                anchors.insert(h.id.get_ref().clone());
            }
            Block::Procedure(p) => {
                for step in &p.steps {
                    if let Some(id) = &step.id {
                        anchors.insert(format!("step-{}", id.get_ref()));
                    }
                }
            }
            _ => {}
        }
    }
    for scenario in SCENARIOS.iter() {
        for (condition, anchor) in &scenario.steps {
            assert!(
                anchors.contains(anchor),
                "{}: {} -> #{anchor} is not an anchor of the article",
                scenario.id,
                condition.id()
            );
        }
        // Every refusal with a fixing condition can link to the article.
        for c in [
            Condition::NoActiveSubscriptions,
            Condition::NoActiveReservations,
            Condition::NoActiveSoftware,
        ] {
            assert!(scenario.steps.contains_key(&c), "{}: no step for {}", scenario.id, c.id());
        }
    }
}

/// Invalid actions the page never sends, to prove both runtimes refuse them the same way.
fn ghost_actions(state: &State) -> Vec<Action> {
    let customer = state.customers.keys().next().cloned().unwrap_or_default();
    vec![
        Action::RemoveRelationship { customer: "no-such-customer".into() },
        Action::SuspendSubscription { customer: customer.clone(), item: "no-such-item".into() },
        Action::CancelSoftware { customer, item: "no-such-item".into() },
    ]
}

/// A trace that follows the article: suspend, cancel, remove, then try a purchase.
fn directed_actions(scenario: &Scenario) -> Vec<Action> {
    let goal = scenario.customer(&scenario.goal.customer).expect("validated goal");
    let customer = || goal.id.clone();
    let mut out = vec![Action::RemoveRelationship { customer: customer() }];
    for s in &goal.subscriptions {
        out.push(Action::SuspendSubscription { customer: customer(), item: s.id.clone() });
    }
    for r in &goal.reservations {
        out.push(Action::CancelReservation { customer: customer(), item: r.id.clone() });
    }
    for p in &goal.software {
        out.push(Action::CancelSoftware { customer: customer(), item: p.id.clone() });
    }
    out.push(Action::RemoveRelationship { customer: customer() });
    out.push(Action::Purchase { customer: customer() });
    out.push(Action::RemoveRelationship { customer: customer() });
    out
}

/// Assessment rules the traces are scored under (mastery score, allowed mistakes), in turn.
const RULES: [(f64, u32); 6] = [(0.8, 2), (1.0, 0), (0.5, 5), (0.3, 1), (0.7, 1000), (0.95, 3)];

fn trace(scenario: &Scenario, actions: &[Action], i: usize) -> Value {
    let (mastery_score, allowed_mistakes) = RULES[i % RULES.len()];
    let rule = Rule { mastery_score, allowed_mistakes };
    let initial = scenario.initial_state();
    let mut state = initial.clone();
    let mut steps = Vec::new();
    let mut judged = Vec::new();
    for action in actions {
        let result = apply(&state, action);
        judged.push(judge(&scenario.goal, action, &result));
        let outcome = match result {
            Ok(next) => {
                state = next;
                json!({ "ok": true })
            }
            Err(rejection) => json!({ "ok": false, "reasons": rejection.reasons }),
        };
        let goal = &scenario.goal;
        let reached = state.evaluate(&goal.customer, goal.condition) == Some(true);
        steps.push(json!({
            "action": action,
            "outcome": outcome,
            "state": state,
            "conditions": state.conditions(),
            "enabled": enabled_actions(&state),
            "judged": judged.last(),
            "score": score(&rule, &judged, reached),
        }));
    }
    let attempt = assess(scenario, &rule, actions);
    json!({
        "scenario": scenario.id,
        "initial": initial,
        "steps": steps,
        "rule": { "mastery-score": mastery_score, "allowed-mistakes": allowed_mistakes },
        "attempt": { "judged": attempt.judged, "goal-reached": attempt.goal_reached, "result": attempt.result },
    })
}

fn random_traces() -> Vec<Value> {
    let mut runner = TestRunner::deterministic();
    let mut traces = Vec::new();
    for i in 0..RANDOM_TRACES {
        let scenario = &SCENARIOS[i % SCENARIOS.len()];
        let initial = scenario.initial_state();
        let mut candidates = all_actions(&initial);
        candidates.extend(ghost_actions(&initial));
        let strategy = prop::collection::vec(prop::sample::select(candidates), 1..40);
        let actions = strategy.new_tree(&mut runner).expect("strategy never rejects").current();
        traces.push(trace(scenario, &actions, i));
    }
    traces
}

#[test]
fn traces_cover_every_outcome_and_are_written_for_the_js_replay() {
    let mut traces: Vec<Value> =
        SCENARIOS.iter().enumerate().map(|(i, s)| trace(s, &directed_actions(s), i)).collect();
    traces.extend(random_traces());
    assert!(traces.len() >= 1000);

    // The traces exercise every rule: every refusal reason, and every scenario's goal.
    let mut reasons = BTreeSet::new();
    let mut goals_reached = BTreeSet::new();
    for t in &traces {
        let scenario = SCENARIOS.iter().find(|s| s.id == t["scenario"]).unwrap();
        for step in t["steps"].as_array().unwrap() {
            for r in step["outcome"]["reasons"].as_array().into_iter().flatten() {
                reasons.insert(r["reason"].as_str().unwrap().to_string());
            }
            if step["conditions"][&scenario.goal.customer][scenario.goal.condition.id()] == true {
                goals_reached.insert(scenario.id.clone());
            }
        }
    }
    let all: BTreeSet<_> = drillbook::sim::Reason::IDS.iter().map(|s| s.to_string()).collect();
    assert_eq!(reasons, all);
    // The scores cover passed and failed attempts, with and without the goal, and every
    // kind of mistake.
    let results: BTreeSet<(bool, bool)> = traces
        .iter()
        .map(|t| {
            let a = &t["attempt"];
            (a["goal-reached"] == true, a["result"]["passed"] == true)
        })
        .collect();
    assert_eq!(results, BTreeSet::from([(false, false), (true, false), (true, true)]));
    let judged =
        || traces.iter().flat_map(|t| t["steps"].as_array().unwrap()).map(|s| &s["judged"]);
    assert!(judged().any(|j| j["unnecessary"] == true && j["step"].is_string()));
    assert!(judged().any(|j| j["unnecessary"] == true && j["step"].is_null()));
    assert!(judged().any(|j| j["refused"] == true && j["step"].is_null()));
    assert_eq!(goals_reached.len(), SCENARIOS.len());

    let n_steps: usize = traces.iter().map(|t| t["steps"].as_array().unwrap().len()).sum();
    let doc = json!({ "version": 1, "traces": traces, "steps": n_steps });
    let dir = out_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("traces.json"), serde_json::to_string(&doc).unwrap()).unwrap();
}

#[test]
fn fixture_pages_are_written_for_every_locale() {
    let locales: Vec<String> = LOCALES.iter().map(|l| l.to_string()).collect();
    let (l10n, diags) = load_l10n(root(), &locales);
    assert!(diags.is_empty(), "{diags:#?}");
    let (site, diags) = load_site(root());
    assert!(diags.is_empty(), "{diags:#?}");
    let article = site.unwrap().articles.into_iter().find(|a| a.id == SET).unwrap();
    let assessment = AssessmentView::of(&article).expect("the shipped article has [assessment]");
    let dir = out_dir().join("fixture");
    std::fs::create_dir_all(&dir).unwrap();
    for asset in ["sim.js", "sim-model.js", "sim-assess.js", "sim.css"] {
        std::fs::copy(root().join("assets").join(asset), dir.join(asset)).unwrap();
    }
    for locale in LOCALES {
        let (json, problems) = sim_view_assessed(&l10n, locale, &SCENARIOS, Some(&assessment));
        assert!(problems.is_empty(), "{locale}: {problems:?}");
        let article = l10n.translator(locale, SET);
        let sim = l10n.translator(locale, "sim");
        let t = |tr: &drillbook::l10n::Translator, id: &str| {
            html_escape(&tr.message(id, None).0.value.replace("**", ""))
        };
        let page = format!(
            r#"<!doctype html>
<html lang="{locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">
<title>{title}</title>
<link rel="stylesheet" href="sim.css">
<script type="module" src="sim.js"></script>
</head>
<body>
<main>
<h1>{heading}</h1>
<h2 id="how-to-remove-a-relationship">{remove_heading}</h2>
<p>{prerequisites}</p>
<ol>
<li id="step-suspend">{step_suspend}</li>
<li id="step-remove">{step_remove}</li>
</ol>
<section id="sim" class="sim" aria-labelledby="sim-title">
<h2 id="sim-title">{sim_title}</h2>
<p class="sim-fallback">{needs_js}</p>
</section>
<script type="application/json" id="drillbook-sim-data">{json}</script>
</main>
</body>
</html>
"#,
            title = t(&article, "article-title"),
            heading = t(&article, "heading"),
            remove_heading = t(&article, "remove-heading"),
            prerequisites = t(&article, "prerequisites"),
            step_suspend = t(&article, "step-suspend"),
            step_remove = t(&article, "step-remove"),
            sim_title = t(&sim, "sim-title"),
            needs_js = t(&sim, "sim-needs-javascript"),
        );
        std::fs::write(dir.join(format!("{locale}.html")), page).unwrap();
        std::fs::write(out_dir().join(format!("data-{locale}.json")), &json).unwrap();
        let named = serde_json::to_string(&named_texts(&sim)).unwrap();
        std::fs::write(out_dir().join(format!("named-{locale}.json")), named).unwrap();
    }
}

/// Every text naming a customer (its scenario's goal too), a subscription or an item, as
/// Fluent formats it with the real name (and count), the way the page showed it before the
/// JSON sent templates: `node --test tests/js/` checks that the runtime's `named` gives each.
fn named_texts(t: &drillbook::l10n::Translator) -> Vec<Value> {
    let mut out = Vec::new();
    let mut add = |at: Value, id: &str, var: &str, name: &str, count: Option<usize>| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set(var, name.to_string());
        if let Some(n) = count {
            args.set("count", n);
        }
        let (text, problems) = t.message(id, Some(&args));
        assert!(problems.is_empty(), "{id}: {problems:?}");
        out.push(json!({ "at": at, "id": id, "kind": var, "count": count, "text": one_final_period(&text.value) }));
    };
    for s in SCENARIOS.iter() {
        for c in &s.customers {
            let at = json!([s.id, c.id]);
            if c.id == s.goal.customer {
                for id in ["sim-goal", "sim-goal-reached"] {
                    add(at.clone(), id, "customer", &c.name, None);
                }
            }
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
                add(at.clone(), id, "customer", &c.name, None);
            }
            for (id, max) in [
                ("sim-reason-active-subscriptions", c.subscriptions.len()),
                ("sim-remove-inactive", c.subscriptions.len()),
                ("sim-reason-active-reservations", c.reservations.len()),
                ("sim-reason-active-software", c.software.len()),
            ] {
                (1..=max).for_each(|n| add(at.clone(), id, "customer", &c.name, Some(n)));
            }
            for sub in &c.subscriptions {
                let at = json!([s.id, c.id, "subscriptions", sub.id]);
                for id in [
                    "sim-announce-suspended",
                    "sim-announce-reactivated",
                    "sim-reason-already-suspended",
                    "sim-reason-already-active",
                ] {
                    add(at.clone(), id, "subscription", &sub.name, None);
                }
            }
            for (list, items, kind) in [
                ("reservations", &c.reservations, "reservation"),
                ("software", &c.software, "software"),
            ] {
                for item in items {
                    let at = json!([s.id, c.id, list, item.id]);
                    for id in [
                        format!("sim-announce-{kind}-cancelled"),
                        format!("sim-cancel-{kind}-named"),
                        "sim-reason-already-cancelled".into(),
                    ] {
                        add(at.clone(), &id, "item", &item.name, None);
                    }
                }
            }
        }
    }
    out
}

/// The build's rule for a name ending in a period before the sentence's own: a run of
/// exactly two periods is one.
fn one_final_period(text: &str) -> String {
    let mut out = String::new();
    let mut run = 0;
    for c in text.chars() {
        if c == '.' {
            run += 1;
        } else {
            out.push_str(&".".repeat(if run == 2 { 1 } else { run }));
            out.push(c);
            run = 0;
        }
    }
    out + &".".repeat(if run == 2 { 1 } else { run })
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Actions the page offers in a state (the rules the browser driver follows): on a listed
/// customer, suspend and reactivate each subscription, cancel each active reservation and
/// software purchase, remove (the inactive link counts as a refused removal) and buy; on a
/// customer the previous action removed, buy (its summary page offers it). Never an unknown
/// customer or item, and never cancelling what is cancelled (no button for it).
fn offered(state: &State, just_removed: Option<&str>) -> Vec<Action> {
    all_actions(state)
        .into_iter()
        .filter(|a| {
            let c = &state.customers[a.customer()];
            if c.relationship == drillbook::sim::Relationship::Removed {
                return matches!(a, Action::Purchase { .. }) && just_removed == Some(a.customer());
            }
            match a {
                Action::CancelReservation { item, .. } => {
                    c.reservations[item] == drillbook::sim::PurchaseStatus::Active
                }
                Action::CancelSoftware { item, .. } => {
                    c.software[item] == drillbook::sim::PurchaseStatus::Active
                }
                _ => true,
            }
        })
        .collect()
}

type Outcome = Result<State, drillbook::sim::Rejection>;

/// The shortest sequence of offered actions from `state` whose last action `hits`, with the
/// goal not reached before it (an attempt ends at the goal).
fn shortest(
    scenario: &Scenario,
    state: &State,
    removed: Option<String>,
    hits: &dyn Fn(&State, &Action, &Outcome) -> bool,
) -> Option<(Vec<Action>, State, Option<String>)> {
    use std::collections::{HashSet, VecDeque};
    let goal = &scenario.goal;
    let reached = |s: &State| s.evaluate(&goal.customer, goal.condition) == Some(true);
    let mut seen = HashSet::new();
    let mut queue = VecDeque::from([(state.clone(), removed, Vec::new())]);
    while let Some((state, removed, path)) = queue.pop_front() {
        if !seen.insert((state.clone(), removed.clone())) || reached(&state) || path.len() > 12 {
            continue;
        }
        for action in offered(&state, removed.as_deref()) {
            let outcome = apply(&state, &action);
            let mut next_path = path.clone();
            next_path.push(action.clone());
            let (next, gone) = match &outcome {
                Ok(next) => {
                    let gone = matches!(action, Action::RemoveRelationship { .. })
                        .then(|| action.customer().to_string());
                    (next.clone(), gone)
                }
                Err(_) => (state.clone(), removed.clone()),
            };
            if hits(&state, &action, &outcome) {
                return Some((next_path, next, gone));
            }
            queue.push_back((next, gone, next_path));
        }
    }
    None
}

/// For every scenario, a path per action kind (accepted) and per refusal reason the page can
/// produce, each completed to the goal, with the model's judgement and score: the browser
/// drives them in assessment mode (`tests/e2e/assess.spec.mjs`) and compares.
#[test]
fn assessment_paths_cover_every_action_kind_and_refusal_reason() {
    use drillbook::sim::{ActionKind, Reason};
    let (site, _) = load_site(root());
    let article = site.unwrap().articles.into_iter().find(|a| a.id == SET).unwrap();
    let assessment = AssessmentView::of(&article).unwrap();
    let mut targets = Vec::new();
    for kind in ActionKind::ALL {
        targets.push((format!("kind:{}", kind.id()), Some(kind), None));
    }
    for reason in Reason::IDS {
        targets.push((format!("reason:{reason}"), None, Some(reason)));
    }
    let (mut kinds, mut reasons) = (BTreeSet::new(), BTreeSet::new());
    let mut paths: Vec<Value> = Vec::new();
    for scenario in SCENARIOS.iter() {
        let initial = scenario.initial_state();
        for (name, kind, reason) in &targets {
            let hits = |_: &State, a: &Action, r: &Outcome| match r {
                Ok(_) => Some(a.kind()) == *kind,
                Err(e) => e.reasons.iter().any(|x| Some(x.id()) == *reason),
            };
            let Some((mut actions, state, removed)) = shortest(scenario, &initial, None, &hits)
            else {
                continue;
            };
            let goal = &scenario.goal;
            let done = |s: &State, _: &Action, r: &Outcome| {
                r.as_ref().is_ok_and(|n| {
                    n != s && n.evaluate(&goal.customer, goal.condition) == Some(true)
                })
            };
            if state.evaluate(&goal.customer, goal.condition) != Some(true) {
                let (rest, ..) =
                    shortest(scenario, &state, removed, &done).expect("the goal stays reachable");
                actions.extend(rest);
            }
            let attempt = assess(scenario, &assessment.rule, &actions);
            assert!(attempt.goal_reached && attempt.judged.len() == actions.len(), "{name}");
            kinds.extend(kind.map(|k| k.id()));
            reasons.extend(*reason);
            if let Some(same) = paths
                .iter_mut()
                .find(|p| p["scenario"] == scenario.id.as_str() && p["actions"] == json!(actions))
            {
                same["targets"].as_array_mut().unwrap().push(json!(name));
                continue;
            }
            paths.push(json!({
                "scenario": scenario.id,
                "targets": [name],
                "actions": actions,
                "expected": { "judged": attempt.judged, "result": attempt.result },
            }));
        }
    }
    let all_kinds: BTreeSet<_> = ActionKind::ALL.iter().map(|k| k.id()).collect();
    assert_eq!(kinds, all_kinds);
    // The page never sends an unknown customer or item, nor offers cancelling twice.
    let offered_reasons: BTreeSet<_> = Reason::IDS
        .into_iter()
        .filter(|r| !["unknown-customer", "unknown-item", "already-cancelled"].contains(r))
        .collect();
    assert_eq!(reasons, offered_reasons);
    let doc = json!({ "rule": assessment.rule, "paths": paths });
    let dir = root().join("target").join("e2e");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("paths.json"), serde_json::to_string_pretty(&doc).unwrap()).unwrap();
}
