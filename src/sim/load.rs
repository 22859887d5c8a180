//! Reading and validating `content/scenarios/*.toml`. Problems are positioned diagnostics,
//! never panics; a file with errors yields no scenario.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Severity};
use crate::sim::model::{
    Condition, Customer, Goal, Purchase, PurchaseStatus, Relationship, Scenario, Subscription,
    SubscriptionStatus,
};

/// Upper bounds that keep the page's precomputed strings small.
const MAX_CUSTOMERS: usize = 20;
const MAX_ITEMS: usize = 20;
const MAX_QUANTITY: u32 = 100_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ScenarioFile {
    set: Spanned<String>,
    #[serde(default)]
    order: i64,
    title: Spanned<String>,
    brief: Spanned<String>,
    goal: GoalFile,
    #[serde(default)]
    steps: BTreeMap<Condition, Spanned<String>>,
    customers: Spanned<Vec<CustomerFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct GoalFile {
    customer: Spanned<String>,
    condition: Spanned<Condition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct CustomerFile {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default = "yes")]
    delegated_admin: bool,
    #[serde(default = "yes")]
    support_contact: bool,
    #[serde(default = "empty")]
    subscriptions: Spanned<Vec<SubscriptionFile>>,
    #[serde(default = "empty")]
    reservations: Spanned<Vec<PurchaseFile>>,
    #[serde(default = "empty")]
    software: Spanned<Vec<PurchaseFile>>,
}

fn yes() -> bool {
    true
}

fn empty<T>() -> Spanned<Vec<T>> {
    Spanned::new(0..0, Vec::new())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SubscriptionFile {
    id: Spanned<String>,
    name: Spanned<String>,
    offer: Spanned<String>,
    quantity: Spanned<u32>,
    status: SubscriptionStatus,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PurchaseFile {
    id: Spanned<String>,
    name: Spanned<String>,
    quantity: Spanned<u32>,
    status: PurchaseStatus,
}

/// Parses one scenario file; `id` is its file stem, `path` the display path.
pub fn parse_scenario(id: &str, path: &str, source: &str) -> (Option<Scenario>, Vec<Diagnostic>) {
    let file = match crate::paths::parse_toml_all::<ScenarioFile>(path, source, "invalid-scenario")
    {
        Ok(file) => file,
        Err(diags) => return (None, diags),
    };
    let mut ctx = Ctx { path, source, diags: Vec::new() };
    if !crate::paths::is_slug(id) {
        ctx.diags.push(Diagnostic::file(
            Severity::Error,
            "invalid-scenario",
            path,
            format!("scenario id `{id}` (the file name) must be lower-case words joined by `-`"),
        ));
    }
    ctx.slug(&file.set, "scenario set");
    ctx.message_id(&file.title);
    ctx.message_id(&file.brief);
    for anchor in file.steps.values() {
        ctx.slug(anchor, "step anchor");
    }
    if file.customers.get_ref().is_empty() || file.customers.get_ref().len() > MAX_CUSTOMERS {
        ctx.error(
            file.customers.span(),
            format!("a scenario needs 1 to {MAX_CUSTOMERS} customers"),
        );
    }
    let mut customer_ids = BTreeSet::new();
    let mut customers = Vec::new();
    for customer in file.customers.into_inner() {
        ctx.slug(&customer.id, "customer id");
        ctx.name(&customer.name);
        if !customer_ids.insert(customer.id.get_ref().clone()) {
            let message = format!("customer id `{}` is used twice", customer.id.get_ref());
            ctx.error(customer.id.span(), message);
        }
        customers.push(ctx.customer(customer));
    }
    let goal_customer = file.goal.customer.get_ref();
    if !customer_ids.contains(goal_customer) {
        let known: Vec<_> = customer_ids.iter().map(|id| format!("`{id}`")).collect();
        let message = format!(
            "goal names customer `{goal_customer}`, but the scenario has {}",
            known.join(", ")
        );
        ctx.error(file.goal.customer.span(), message);
    }
    let scenario = Scenario {
        id: id.to_string(),
        set: file.set.into_inner(),
        order: file.order,
        title: file.title.into_inner(),
        brief: file.brief.into_inner(),
        goal: Goal {
            customer: file.goal.customer.get_ref().clone(),
            condition: *file.goal.condition.get_ref(),
        },
        steps: file.steps.into_iter().map(|(k, v)| (k, v.into_inner())).collect(),
        customers,
    };
    if scenario.initial_state().evaluate(&scenario.goal.customer, scenario.goal.condition)
        == Some(true)
    {
        ctx.error(
            file.goal.condition.span(),
            "the goal is already met when the scenario starts".to_string(),
        );
    }
    if ctx.diags.iter().any(Diagnostic::is_error) {
        (None, ctx.diags)
    } else {
        (Some(scenario), ctx.diags)
    }
}

/// Loads every `content/scenarios/*.toml` under `root`, sorted by set, order and id.
/// A missing directory means no scenarios.
pub fn load_scenarios(root: &Path) -> (Vec<Scenario>, Vec<Diagnostic>) {
    let dir = root.join("content").join("scenarios");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return (Vec::new(), Vec::new());
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut scenarios = Vec::new();
    let mut diags = Vec::new();
    for file in files {
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let display = crate::paths::rel_path(root, &file);
        match crate::paths::read_text(root, &file) {
            Ok(source) => {
                let (scenario, more) = parse_scenario(&stem, &display, &source);
                scenarios.extend(scenario);
                diags.extend(more);
            }
            Err(diag) => diags.push(diag),
        }
    }
    scenarios.sort_by(|a, b| (&a.set, a.order, &a.id).cmp(&(&b.set, b.order, &b.id)));
    (scenarios, diags)
}

/// The scenarios of one set, in picker order.
pub fn scenarios_in_set(scenarios: &[Scenario], set: &str) -> Vec<Scenario> {
    let mut out: Vec<_> = scenarios.iter().filter(|s| s.set == set).cloned().collect();
    out.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    out
}

/// A Fluent message identifier: `[a-zA-Z][a-zA-Z0-9_-]*`.
fn is_message_id(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

struct Ctx<'a> {
    path: &'a str,
    source: &'a str,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn error(&mut self, span: Range<usize>, message: String) {
        self.diags.push(Diagnostic::error(
            "invalid-scenario",
            self.path,
            self.source,
            span,
            message,
        ));
    }

    fn slug(&mut self, value: &Spanned<String>, what: &str) {
        if !crate::paths::is_slug(value.get_ref()) {
            let message =
                format!("{what} `{}` must be lower-case words joined by `-`", value.get_ref());
            self.error(value.span(), message);
        }
    }

    fn message_id(&mut self, value: &Spanned<String>) {
        if !is_message_id(value.get_ref()) {
            self.error(value.span(), format!("`{}` is not a Fluent message id", value.get_ref()));
        }
    }

    fn name(&mut self, value: &Spanned<String>) {
        let name = value.get_ref();
        if name.trim().is_empty()
            || name.len() > 200
            || name.chars().any(crate::diag::is_invisible_control)
        {
            self.error(
                value.span(),
                "a name must be 1 to 200 characters without control characters".to_string(),
            );
        }
    }

    fn quantity(&mut self, value: &Spanned<u32>) {
        if !(1..=MAX_QUANTITY).contains(value.get_ref()) {
            self.error(value.span(), format!("`quantity` must be 1 to {MAX_QUANTITY}"));
        }
    }

    fn item_ids<'b>(
        &mut self,
        what: &str,
        ids: impl Iterator<Item = &'b Spanned<String>>,
        span: Range<usize>,
    ) {
        let mut seen = BTreeSet::new();
        let mut n = 0;
        for id in ids {
            n += 1;
            self.slug(id, &format!("{what} id"));
            if !seen.insert(id.get_ref().clone()) {
                let message =
                    format!("{what} id `{}` is used twice for this customer", id.get_ref());
                self.error(id.span(), message);
            }
        }
        if n > MAX_ITEMS {
            self.error(span, format!("a customer can have at most {MAX_ITEMS} {what}s"));
        }
    }

    fn customer(&mut self, file: CustomerFile) -> Customer {
        let subs_span = file.subscriptions.span();
        self.item_ids(
            "subscription",
            file.subscriptions.get_ref().iter().map(|s| &s.id),
            subs_span,
        );
        let res_span = file.reservations.span();
        self.item_ids("reservation", file.reservations.get_ref().iter().map(|s| &s.id), res_span);
        let sw_span = file.software.span();
        self.item_ids("software purchase", file.software.get_ref().iter().map(|s| &s.id), sw_span);
        let subscriptions = file
            .subscriptions
            .into_inner()
            .into_iter()
            .map(|s| {
                self.name(&s.name);
                self.name(&s.offer);
                self.quantity(&s.quantity);
                Subscription {
                    id: s.id.into_inner(),
                    name: s.name.into_inner(),
                    offer: s.offer.into_inner(),
                    quantity: s.quantity.into_inner(),
                    status: s.status,
                }
            })
            .collect();
        let mut purchases = |list: Vec<PurchaseFile>| -> Vec<Purchase> {
            list.into_iter()
                .map(|p| {
                    self.name(&p.name);
                    self.quantity(&p.quantity);
                    Purchase {
                        id: p.id.into_inner(),
                        name: p.name.into_inner(),
                        quantity: p.quantity.into_inner(),
                        status: p.status,
                    }
                })
                .collect()
        };
        let reservations = purchases(file.reservations.into_inner());
        let software = purchases(file.software.into_inner());
        Customer {
            id: file.id.into_inner(),
            name: file.name.into_inner(),
            relationship: Relationship::Active,
            delegated_admin: file.delegated_admin,
            support_contact: file.support_contact,
            subscriptions,
            reservations,
            software,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"set = "remove-a-relationship"
title = "sim-scenario-x"
brief = "sim-scenario-x-brief"
goal = { customer = "contoso", condition = "relationship-removed" }

[steps]
no-active-subscriptions = "step-suspend"

[[customers]]
id = "contoso"
name = "Contoso Ltd."

[[customers.subscriptions]]
id = "m365"
name = "Sales"
offer = "Microsoft 365 Business Standard"
quantity = 5
status = "active"
"#;

    fn parse(src: &str) -> (Option<Scenario>, Vec<Diagnostic>) {
        parse_scenario("x", "content/scenarios/x.toml", src)
    }

    #[test]
    fn parses_a_valid_scenario() {
        let (scenario, diags) = parse(OK);
        assert!(diags.is_empty(), "{diags:?}");
        let scenario = scenario.unwrap();
        assert_eq!(scenario.steps[&Condition::NoActiveSubscriptions], "step-suspend");
        let state = scenario.initial_state();
        assert_eq!(state.customers["contoso"].subscriptions["m365"], SubscriptionStatus::Active);
        assert!(state.customers["contoso"].delegated_admin);
    }

    #[test]
    fn unknown_key_is_positioned() {
        let src = OK.replace("quantity = 5", "quantity = 5\nseats = 5");
        let (scenario, diags) = parse(&src);
        assert!(scenario.is_none());
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].headline().starts_with(
                "content/scenarios/x.toml:18:1: error[unknown-key]: unknown field `seats`"
            ),
            "{}",
            diags[0].headline()
        );
    }

    #[test]
    fn unknown_condition_and_status_are_unknown_variants() {
        let (_, diags) = parse(&OK.replace("no-active-subscriptions =", "no-active-subs ="));
        assert_eq!(
            (diags[0].code, diags[0].pos.as_ref().unwrap().line),
            ("unknown-key", 7),
            "{diags:?}"
        );
        let (_, diags) = parse(&OK.replace("status = \"active\"", "status = \"paused\""));
        assert_eq!(
            (diags[0].code, diags[0].pos.as_ref().unwrap().line),
            ("unknown-key", 18),
            "{diags:?}"
        );
    }

    #[test]
    fn goal_must_name_a_customer() {
        let (scenario, diags) =
            parse(&OK.replace("customer = \"contoso\"", "customer = \"fabrikam\""));
        assert!(scenario.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(
            diags[0].headline(),
            "content/scenarios/x.toml:4:21: error[invalid-scenario]: goal names customer `fabrikam`, but the scenario has `contoso`"
        );
    }

    #[test]
    fn duplicate_ids_bad_slugs_and_zero_quantities_are_all_reported() {
        let src = format!(
            "{OK}\n[[customers.subscriptions]]\nid = \"m365\"\nname = \"\"\noffer = \"o\"\nquantity = 0\nstatus = \"suspended\"\n"
        );
        let src = src.replace("\"step-suspend\"", "\"Step 1\"");
        let (_, diags) = parse(&src);
        let lines: Vec<_> =
            diags.iter().map(|d| (d.pos.as_ref().unwrap().line, &*d.message)).collect();
        assert_eq!(
            lines,
            vec![
                (7, "step anchor `Step 1` must be lower-case words joined by `-`"),
                (21, "subscription id `m365` is used twice for this customer"),
                (22, "a name must be 1 to 200 characters without control characters"),
                (24, "`quantity` must be 1 to 100000"),
            ]
        );
    }

    #[test]
    fn syntax_errors_and_wrong_types_never_panic() {
        let (_, diags) = parse("set = \n");
        assert_eq!(diags[0].code, "toml-syntax");
        let (_, diags) = parse(&OK.replace("quantity = 5", "quantity = -5"));
        assert_eq!((diags[0].code, diags[0].pos.as_ref().unwrap().line), ("invalid-scenario", 17));
    }

    #[test]
    fn loading_keeps_going_past_a_bad_file_and_sorts_by_order() {
        let dir = tempfile::tempdir().unwrap();
        let scenarios = dir.path().join("content").join("scenarios");
        std::fs::create_dir_all(&scenarios).unwrap();
        std::fs::write(scenarios.join("b.toml"), OK.replace("set = ", "order = 1\nset = "))
            .unwrap();
        std::fs::write(scenarios.join("a.toml"), OK.replace("set = ", "order = 2\nset = "))
            .unwrap();
        std::fs::write(scenarios.join("broken.toml"), "set = [\n").unwrap();
        std::fs::write(scenarios.join("notes.txt"), "ignored").unwrap();
        let (loaded, diags) = load_scenarios(dir.path());
        let ids: Vec<_> = loaded.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].headline().starts_with("content/scenarios/broken.toml:"),
            "{}",
            diags[0].headline()
        );
        assert_eq!(scenarios_in_set(&loaded, "remove-a-relationship").len(), 2);
        assert!(scenarios_in_set(&loaded, "other").is_empty());
        assert_eq!(load_scenarios(&dir.path().join("missing")), (Vec::new(), Vec::new()));
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics(src in "(?s).{0,300}") {
            let _ = parse(&src);
        }

        #[test]
        fn truncated_or_edited_scenarios_never_panic(cut in 0usize..400, insert in "[a-z=\"\\[\\]\n ]{0,8}") {
            let mut src = OK.to_string();
            let at = (0..=cut.min(src.len())).rev().find(|&i| src.is_char_boundary(i)).unwrap_or(0);
            src.insert_str(at, &insert);
            let (scenario, diags) = parse(&src);
            proptest::prop_assert!(scenario.is_some() || diags.iter().any(Diagnostic::is_error));
        }
    }

    #[test]
    fn a_goal_met_at_the_start_is_an_error() {
        let src = OK.replace("relationship-removed", "no-active-software");
        let (_, diags) = parse(&src);
        assert_eq!(&*diags[0].message, "the goal is already met when the scenario starts");
    }
}
