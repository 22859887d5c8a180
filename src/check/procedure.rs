//! The written procedure proven against the simulator model. For every scenario of the
//! article's set, the steps are replayed in order (expanding `for-each`), and:
//! - `step-not-enabled`: a step asks for an action the model refuses at that point;
//! - `procedure-incomplete`: following every step does not reach the scenario's goal;
//! - `missing-step`: an action on the model's shortest path to the goal that no step or
//!   prerequisite asks for;
//! - `unknown-label`: a step names a UI label (term) the simulator never shows;
//! - `note-property`: an alert's stated model property does not hold in some reachable state.
//!
//! And before any replay, [`check_bindings`]: `unknown-condition`, `unknown-action` and
//! `unknown-for-each`, a binding naming what the model does not know.

use std::collections::{BTreeSet, HashSet, VecDeque};

use crate::check::{Finding, Locale, ast};
use crate::checklist::{Checklist, ForEach, checklist};
use crate::content::{Article, Binding, Block, Site, Step};
use crate::diag::{Diagnostic, Severity};
use crate::sim::{
    Action, ActionKind, Condition, PurchaseStatus, Reason, Scenario, State, SubscriptionStatus,
    UI_LABELS, apply, scenarios_in_set,
};

/// Properties an alert may state, by id.
pub(crate) const PROPERTIES: [&str; 1] = ["remove-inactive-while-subscriptions-active"];

/// States explored per scenario when checking a property (the shipped ones have < 200).
const MAX_STATES: usize = 50_000;

/// Unknown condition, action or `for-each` ids in the steps' and prerequisites' bindings,
/// at their position.
pub(crate) fn check_bindings(site: &Site, source: &str, out: &mut Vec<Finding>) {
    for article in &site.articles {
        let mut check = |binding: Binding<'_>| {
            let mut err = |span: std::ops::Range<usize>,
                           code: &'static str,
                           what: &str,
                           id: &str,
                           known: Vec<&str>| {
                let diag = Diagnostic::error(
                    code,
                    &article.path,
                    &article.file_text,
                    span,
                    format!(
                        "unknown {what} `{id}`; the simulator model knows: {}",
                        known.join(", ")
                    ),
                );
                out.push(Finding {
                    diag,
                    locale: source.to_string(),
                    scope: article.id.clone(),
                    id: None,
                });
            };
            if let Some(c) = binding.done_when {
                if Condition::from_id(c.get_ref()).is_none() {
                    err(
                        c.span(),
                        "unknown-condition",
                        "condition",
                        c.get_ref(),
                        Condition::ALL.iter().map(|c| c.id()).collect(),
                    );
                }
            }
            for a in binding.actions {
                if ActionKind::from_id(a.get_ref()).is_none() {
                    err(
                        a.span(),
                        "unknown-action",
                        "action",
                        a.get_ref(),
                        ActionKind::ALL.iter().map(|a| a.id()).collect(),
                    );
                }
            }
            if let Some(f) = binding.for_each {
                if ForEach::from_id(f.get_ref()).is_none() {
                    err(
                        f.span(),
                        "unknown-for-each",
                        "`for-each` kind",
                        f.get_ref(),
                        ForEach::ALL.iter().map(|f| f.id()).collect(),
                    );
                }
            }
        };
        for block in &article.body {
            if let Block::Procedure(p) = block {
                for prereq in &p.prerequisites {
                    check(prereq.binding());
                }
                walk_steps(&p.steps, &mut |s| check(s.binding()));
            }
        }
    }
}

fn walk_steps<'a>(steps: &'a [Step], f: &mut impl FnMut(&'a Step)) {
    for step in steps {
        f(step);
        walk_steps(&step.substeps, f);
    }
}

pub(crate) fn check_procedures(site: &Site, source: &Locale<'_>, all: &mut Vec<Finding>) {
    let mut found = Vec::new();
    let out = &mut found;
    for article in &site.articles {
        let Some(set) = &article.simulator else { continue };
        let scenarios = scenarios_in_set(&site.scenarios, set.get_ref());
        if let Some(list) = checklist(article) {
            for scenario in &scenarios {
                replay(article, &list, scenario, out);
            }
            check_labels(article, source, out);
        }
        check_properties(article, &scenarios, out);
    }
    // Problems of the procedure are problems of the source (English) content.
    all.extend(found.into_iter().map(|f| Finding { locale: source.name.to_string(), ..f }));
}

fn finding(
    article: &Article,
    span: std::ops::Range<usize>,
    code: &'static str,
    message: String,
) -> Finding {
    Finding {
        diag: Diagnostic::at(
            Severity::Error,
            code,
            &article.path,
            &article.file_text,
            span,
            message,
        ),
        locale: String::new(),
        scope: article.id.clone(),
        id: None,
    }
}

/// The concrete actions an item asks for in `state`, for the goal customer.
fn expand(
    kind: ActionKind,
    for_each: Option<ForEach>,
    customer: &str,
    state: &State,
) -> Vec<Action> {
    let Some(c) = state.customers.get(customer) else { return Vec::new() };
    let customer = customer.to_string();
    let active = |items: &std::collections::BTreeMap<String, PurchaseStatus>| -> Vec<String> {
        items
            .iter()
            .filter(|(_, s)| **s == PurchaseStatus::Active)
            .map(|(id, _)| id.clone())
            .collect()
    };
    match (kind, for_each) {
        (ActionKind::SuspendSubscription, _) => c
            .subscriptions
            .iter()
            .filter(|(_, s)| **s == SubscriptionStatus::Active)
            .map(|(id, _)| Action::SuspendSubscription {
                customer: customer.clone(),
                item: id.clone(),
            })
            .collect(),
        (ActionKind::CancelReservation, _) => active(&c.reservations)
            .into_iter()
            .map(|item| Action::CancelReservation { customer: customer.clone(), item })
            .collect(),
        (ActionKind::CancelSoftware, _) => active(&c.software)
            .into_iter()
            .map(|item| Action::CancelSoftware { customer: customer.clone(), item })
            .collect(),
        (ActionKind::RemoveRelationship, _) => vec![Action::RemoveRelationship { customer }],
        (ActionKind::Purchase, _) => vec![Action::Purchase { customer }],
        (ActionKind::ReactivateSubscription, _) => c
            .subscriptions
            .iter()
            .filter(|(_, s)| **s == SubscriptionStatus::Suspended)
            .map(|(id, _)| Action::ReactivateSubscription {
                customer: customer.clone(),
                item: id.clone(),
            })
            .collect(),
    }
}

fn reasons(reasons: &[Reason]) -> String {
    reasons.iter().map(Reason::id).collect::<Vec<_>>().join(", ")
}

fn replay(article: &Article, list: &Checklist<'_>, scenario: &Scenario, out: &mut Vec<Finding>) {
    let customer = scenario.goal.customer.as_str();
    let mut state = scenario.initial_state();
    let mut refused = false;
    for item in &list.items {
        for kind in &item.actions {
            for action in expand(*kind, item.for_each, customer, &state) {
                match apply(&state, &action) {
                    Ok(next) => state = next,
                    Err(rejection) => {
                        refused = true;
                        out.push(finding(
                            article,
                            item.text.span(),
                            "step-not-enabled",
                            format!(
                                "in scenario `{}`, `{}` asks for `{}`, which the model refuses at this point ({}); an earlier step must come first",
                                scenario.id,
                                item.id,
                                kind.id(),
                                reasons(&rejection.reasons)
                            ),
                        ));
                    }
                }
            }
        }
    }
    let reached = state.evaluate(customer, scenario.goal.condition).unwrap_or(false);
    let procedure_span = procedure_span(article);
    if !reached {
        out.push(finding(
            article,
            procedure_span.clone(),
            "procedure-incomplete",
            format!(
                "in scenario `{}`, following the steps in order does not reach the goal `{}` for `{customer}`{}",
                scenario.id,
                scenario.goal.condition.id(),
                if refused { " (a step was refused)" } else { "" }
            ),
        ));
    }
    let covered: BTreeSet<ActionKind> =
        list.items.iter().flat_map(|i| i.actions.iter().copied()).collect();
    if let Some(path) = shortest_path(scenario) {
        let mut missing = BTreeSet::new();
        for action in path {
            if !covered.contains(&action.kind()) && missing.insert(action.kind()) {
                out.push(finding(
                    article,
                    procedure_span.clone(),
                    "missing-step",
                    format!(
                        "in scenario `{}`, reaching the goal needs `{}`, but no step or prerequisite asks for it",
                        scenario.id,
                        action.kind().id()
                    ),
                ));
            }
        }
    }
}

/// The span of the article's procedure (its `id`, or its first step's text).
fn procedure_span(article: &Article) -> std::ops::Range<usize> {
    article
        .body
        .iter()
        .find_map(|b| match b {
            Block::Procedure(p) => Some(
                p.id.as_ref()
                    .map(|id| id.span())
                    .or_else(|| p.steps.first().map(|s| s.text.span()))
                    .unwrap_or(0..0),
            ),
            _ => None,
        })
        .unwrap_or(0..0)
}

/// Breadth-first search from the scenario's start to its goal, over the goal customer's
/// actions (reactivating and purchasing never help).
fn shortest_path(scenario: &Scenario) -> Option<Vec<Action>> {
    let customer = scenario.goal.customer.as_str();
    let start = scenario.initial_state();
    let mut seen: HashSet<State> = HashSet::from([start.clone()]);
    let mut queue = VecDeque::from([(start, Vec::new())]);
    while let Some((state, path)) = queue.pop_front() {
        if state.evaluate(customer, scenario.goal.condition).unwrap_or(false) {
            return Some(path);
        }
        if seen.len() > MAX_STATES {
            return None;
        }
        for action in crate::sim::enabled_actions(&state) {
            if action.customer() != customer
                || matches!(
                    action.kind(),
                    ActionKind::ReactivateSubscription | ActionKind::Purchase
                )
            {
                continue;
            }
            let Ok(next) = apply(&state, &action) else { continue };
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(action);
                queue.push_back((next, longer));
            }
        }
    }
    None
}

/// Every UI label a step's English names (term references) must be one the simulator shows.
fn check_labels(article: &Article, source: &Locale<'_>, out: &mut Vec<Finding>) {
    let Some(file) = source.files.get(article.id.as_str()) else { return };
    let entries = file.entries();
    let mut steps = Vec::new();
    for block in &article.body {
        if let Block::Procedure(p) = block {
            collect(&p.steps, &mut steps);
        }
    }
    for step in steps {
        let Some(entry) =
            entries.iter().find(|e| !e.is_term && e.id.as_str() == step.text.get_ref().as_str())
        else {
            continue;
        };
        let Some(value) = entry.value else { continue };
        for term in ast::refs(value).terms {
            if term.starts_with("ui-") && !UI_LABELS.contains(&term.as_str()) {
                out.push(finding(
                    article,
                    step.text.span(),
                    "unknown-label",
                    format!(
                        "`{}` names the UI label `-{term}`, which the simulator never shows; add it to the simulator or use a label it shows",
                        step.text.get_ref()
                    ),
                ));
            }
        }
    }
}

fn collect<'a>(steps: &'a [Step], out: &mut Vec<&'a Step>) {
    for step in steps {
        out.push(step);
        collect(&step.substeps, out);
    }
}

/// Alerts that state a model property: the property must hold in every state reachable in
/// every scenario of the set.
fn check_properties(article: &Article, scenarios: &[Scenario], out: &mut Vec<Finding>) {
    let mut alerts = Vec::new();
    collect_alerts(&article.body, &mut alerts);
    for property in alerts {
        if !PROPERTIES.contains(&property.get_ref().as_str()) {
            out.push(finding(
                article,
                property.span(),
                "unknown-property",
                format!(
                    "unknown model property `{}`; known: {}",
                    property.get_ref(),
                    PROPERTIES.join(", ")
                ),
            ));
            continue;
        }
        for scenario in scenarios {
            if let Some(state) = counterexample(scenario) {
                let customer = state.0;
                out.push(finding(
                    article,
                    property.span(),
                    "note-property",
                    format!(
                        "in scenario `{}`, `{customer}` has an active subscription, yet the model accepts `remove-relationship`: the note is not true",
                        scenario.id
                    ),
                ));
            }
        }
    }
}

fn collect_alerts<'a>(blocks: &'a [Block], out: &mut Vec<&'a toml::Spanned<String>>) {
    for block in blocks {
        match block {
            Block::Alert(a) => {
                out.extend(a.property.iter());
                collect_alerts(&a.blocks, out);
            }
            Block::Procedure(p) => {
                let mut steps = Vec::new();
                collect(&p.steps, &mut steps);
                for step in steps {
                    collect_alerts(&step.blocks, out);
                }
            }
            Block::List(list) => {
                for item in &list.items {
                    collect_alerts(&item.blocks, out);
                }
            }
            _ => {}
        }
    }
}

/// A reachable state where some customer with an active subscription could be removed.
fn counterexample(scenario: &Scenario) -> Option<(String, State)> {
    let start = scenario.initial_state();
    let mut seen: HashSet<State> = HashSet::from([start.clone()]);
    let mut queue = VecDeque::from([start]);
    while let Some(state) = queue.pop_front() {
        for (id, customer) in &state.customers {
            if customer.active_subscriptions() > 0
                && apply(&state, &Action::RemoveRelationship { customer: id.clone() }).is_ok()
            {
                return Some((id.clone(), state));
            }
        }
        if seen.len() > MAX_STATES {
            return None;
        }
        for action in crate::sim::enabled_actions(&state) {
            if let Ok(next) = apply(&state, &action) {
                if seen.insert(next.clone()) {
                    queue.push_back(next);
                }
            }
        }
    }
    None
}
