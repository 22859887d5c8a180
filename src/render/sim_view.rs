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
//! Shape: `text` holds every message once. A message that names a customer, subscription or
//! item is formatted with a sentinel (`$customer`, `$subscription`, `$item`) in place of the
//! name, plural ones once per count any customer of the set can have (`{"<count>": text}`),
//! and the runtime fills the name in (`named` in `assets/sim.js`: every sentinel becomes the
//! name, then a doubled period is one, as [`one_final_period`] does). For every goal
//! customer, customer, subscription and item, the build checks that filling gives exactly the
//! text Fluent formats with the real name (isolation marks included, and as the page shows it
//! after sanitizing); where it does not, e.g. a translation that selects on the name, that
//! owner gets its own `text` with the message as formatted. Quantities are
//! `text["sim-quantity-licenses" | "sim-quantity-instances"]["<quantity>"]`, customer counts
//! `text["sim-customers-count"]["<count>"]`. Repeating each sentence per name made the JSON
//! longer than gzip's 32 KB window, so repeats far apart were sent again in full.
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
use messages::{
    CUSTOMER, CUSTOMER_MESSAGES, GOAL_MESSAGES, ITEM, NameArg, RESERVATION_MESSAGES,
    SOFTWARE_MESSAGES, STATIC_MESSAGES, SUBSCRIPTION, SUBSCRIPTION_MESSAGES,
};

mod messages;
use crate::sim::{ActionKind, Condition, Customer, Purchase, Reason, Rule, Scenario, Subscription};

/// Version of the browser's saved progress (`storage-key`), which reads scenario ids and
/// states only: the JSON and the runtime reading it ship together, so a change of the rest
/// of the shape keeps it.
const SIM_DATA_VERSION: u32 = 1;

/// The Fluent scope (file stem of `locales/<locale>/sim.ftl`).
const SIM_SCOPE: &str = "sim";

/// `ui.ftl` terms the simulator shows as labels, exported under `ui`.
const UI_TERMS: &[&str] = crate::sim::UI_LABELS;

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
    let mut ctx =
        Ctx { t: l10n.translator(locale, SIM_SCOPE), problems: Vec::new(), templates: Map::new() };
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

/// What the runtime does with a template (`named` in `assets/sim.js`): every sentinel becomes
/// the name, then a doubled period is one, as [`one_final_period`] does to every message.
fn fill(template: &str, sentinel: &str, name: &str) -> String {
    one_final_period(template.replace(sentinel, name))
}

/// Whether filling `template` with `name` gives `real`, the text Fluent formatted with that
/// name: as Fluent formats it (isolation marks included, before any processing) and as the
/// page shows it (the runtime fills the sanitized template with the sanitized name).
fn fills_to(template: &str, arg: NameArg, name: &str, real: &str) -> bool {
    let page = |s: &str| crate::md_shape::strip_controls(s).into_owned();
    template.replace(arg.sentinel, name) == real
        && fill(&page(template), arg.sentinel, &page(name)) == page(&one_final_period(real.into()))
}

struct Ctx {
    t: Translator,
    problems: Vec<Problem>,
    /// Name-bearing messages formatted with their sentinel: id -> text, or count -> text.
    templates: Map<String, Value>,
}

impl Ctx {
    /// Fluent's text for `id`, as formatted (see [`Ctx::msg`] for what the page shows).
    fn format(&mut self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
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
        text.value
    }

    fn msg(&mut self, id: &str, args: &[(&str, Arg<'_>)]) -> Value {
        Value::String(one_final_period(self.format(id, args)))
    }

    /// `{"<count>": text}` for each count in `counts`, with `extra` arguments.
    fn plural(
        &mut self,
        id: &str,
        counts: impl IntoIterator<Item = u32>,
        extra: &[(&str, Arg<'_>)],
    ) -> Value {
        let mut out = Map::new();
        for n in counts {
            let mut args = extra.to_vec();
            args.push(("count", Arg::Num(f64::from(n))));
            out.insert(n.to_string(), self.msg(id, &args));
        }
        Value::Object(out)
    }

    /// Formats `id` with `arg`'s sentinel (for each count in `counts`, if any) into the
    /// templates the page sends once.
    fn template(&mut self, id: &str, arg: NameArg, counts: Option<std::ops::RangeInclusive<u32>>) {
        if self.templates.contains_key(id) {
            return;
        }
        let name = [(arg.var, Arg::Str(arg.sentinel))];
        let value = match counts {
            None => Value::String(self.format(id, &name)),
            Some(counts) => {
                let mut out = Map::new();
                for n in counts {
                    let args = [name[0], ("count", Arg::Num(f64::from(n)))];
                    out.insert(n.to_string(), Value::String(self.format(id, &args)));
                }
                Value::Object(out)
            }
        };
        self.templates.insert(id.to_string(), value);
    }

    /// Adds `id` formatted with `name` to `own` (the owner's `text`, which the runtime reads
    /// before the template) unless filling the template gives the same text for every count
    /// (`1..=max`, or none).
    fn named(
        &mut self,
        own: &mut Map<String, Value>,
        id: &str,
        arg: NameArg,
        name: &str,
        max: Option<u32>,
    ) {
        let args = [(arg.var, Arg::Str(name))];
        let mut texts = Vec::new();
        match max {
            None => texts.push((None, self.format(id, &args))),
            Some(max) => {
                for n in 1..=max {
                    let with_count = [args[0], ("count", Arg::Num(f64::from(n)))];
                    texts.push((Some(n), self.format(id, &with_count)));
                }
            }
        }
        let template = |n: Option<u32>| match (&self.templates.get(id), n) {
            (Some(Value::String(t)), None) => Some(t.as_str()),
            (Some(Value::Object(map)), Some(n)) => map.get(&n.to_string()).and_then(Value::as_str),
            _ => None,
        };
        if texts.iter().all(|(n, real)| template(*n).is_some_and(|t| fills_to(t, arg, name, real)))
        {
            return;
        }
        let value = match max {
            None => Value::String(one_final_period(texts.remove(0).1)),
            Some(_) => Value::Object(
                texts
                    .into_iter()
                    .map(|(n, real)| {
                        (n.unwrap_or(0).to_string(), Value::String(one_final_period(real)))
                    })
                    .collect(),
            ),
        };
        own.insert(id.to_string(), value);
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
        let most = |n: fn(&Scenario) -> usize| scenarios.iter().map(n).max().unwrap_or(0);
        let most_customers = most(|s| s.customers.len());
        text.insert(
            "sim-customers-count".into(),
            self.plural("sim-customers-count", 0..=count(most_customers), &[]),
        );
        self.templates_for(scenarios);
        let quantities = quantity_texts(scenarios, |id, q| {
            self.msg(id, &[("quantity", Arg::Num(f64::from(q)))])
        });
        text.extend(quantities);
        let set = scenarios.first().map_or(String::new(), |s| s.set.clone());
        let scenarios: Vec<Value> = scenarios.iter().map(|s| self.scenario(s)).collect();
        text.append(&mut self.templates);
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

    /// The templates of every name-bearing message some customer or item of `scenarios`
    /// shows, plural ones for every count one of them can have.
    fn templates_for(&mut self, scenarios: &[Scenario]) {
        let customers: Vec<&Customer> = scenarios.iter().flat_map(|s| &s.customers).collect();
        let most =
            |n: fn(&Customer) -> usize| count(customers.iter().map(|c| n(c)).max().unwrap_or(0));
        if !scenarios.is_empty() {
            GOAL_MESSAGES.into_iter().for_each(|id| self.template(id, CUSTOMER, None));
        }
        if !customers.is_empty() {
            CUSTOMER_MESSAGES.into_iter().for_each(|id| self.template(id, CUSTOMER, None));
        }
        for (id, n) in customer_counts(&|c| most(c)) {
            self.template(id, CUSTOMER, Some(1..=n));
        }
        for (ids, arg, any) in [
            (&SUBSCRIPTION_MESSAGES[..], SUBSCRIPTION, most(|c| c.subscriptions.len())),
            (&RESERVATION_MESSAGES[..], ITEM, most(|c| c.reservations.len())),
            (&SOFTWARE_MESSAGES[..], ITEM, most(|c| c.software.len())),
        ] {
            if any > 0 {
                ids.iter().for_each(|id| self.template(id, arg, None));
            }
        }
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
        let steps: Map<String, Value> = scenario
            .steps
            .iter()
            .map(|(c, anchor)| (c.id().to_string(), Value::from(format!("#{anchor}"))))
            .collect();
        let customers: Vec<Value> = scenario
            .customers
            .iter()
            .map(|c| self.customer(c, c.id == scenario.goal.customer))
            .collect();
        json!({
            "id": scenario.id,
            "title": self.msg(&scenario.title, &[]),
            "brief": self.msg(&scenario.brief, &[]),
            "goal": { "customer": scenario.goal.customer, "condition": scenario.goal.condition },
            "steps": steps,
            "customers": customers,
            "initial": scenario.initial_state(),
        })
    }

    /// A customer of a scenario; `goal`: the one its goal names.
    fn customer(&mut self, customer: &Customer, goal: bool) -> Value {
        let name = customer.name.as_str();
        let mut own = Map::new();
        let goal_messages = if goal { &GOAL_MESSAGES[..] } else { &[] };
        for id in goal_messages.iter().chain(&CUSTOMER_MESSAGES) {
            self.named(&mut own, id, CUSTOMER, name, None);
        }
        for (id, max) in customer_counts(&|n| count(n(customer))) {
            self.named(&mut own, id, CUSTOMER, name, Some(max));
        }
        let subscriptions: Vec<Value> =
            customer.subscriptions.iter().map(|s| self.subscription(s)).collect();
        let reservations: Vec<Value> =
            customer.reservations.iter().map(|p| self.purchase(p, &RESERVATION_MESSAGES)).collect();
        let software: Vec<Value> =
            customer.software.iter().map(|p| self.purchase(p, &SOFTWARE_MESSAGES)).collect();
        with_text(
            json!({
                "id": customer.id,
                "name": customer.name,
                "subscriptions": subscriptions,
                "reservations": reservations,
                "software": software,
            }),
            own,
        )
    }

    fn subscription(&mut self, sub: &Subscription) -> Value {
        let mut own = Map::new();
        for id in SUBSCRIPTION_MESSAGES {
            self.named(&mut own, id, SUBSCRIPTION, &sub.name, None);
        }
        with_text(
            json!({ "id": sub.id, "name": sub.name, "offer": sub.offer, "quantity": sub.quantity }),
            own,
        )
    }

    fn purchase(&mut self, item: &Purchase, ids: &[&str; 3]) -> Value {
        let mut own = Map::new();
        for id in ids {
            self.named(&mut own, id, ITEM, &item.name, None);
        }
        with_text(json!({ "id": item.id, "name": item.name, "quantity": item.quantity }), own)
    }
}

/// The plural messages about a customer, each with the largest count it takes (`n` gives it
/// from a customer's list).
fn customer_counts(n: &dyn Fn(fn(&Customer) -> usize) -> u32) -> [(&'static str, u32); 4] {
    [
        ("sim-reason-active-subscriptions", n(|c| c.subscriptions.len())),
        ("sim-remove-inactive", n(|c| c.subscriptions.len())),
        ("sim-reason-active-reservations", n(|c| c.reservations.len())),
        ("sim-reason-active-software", n(|c| c.software.len())),
    ]
}

/// `{"<quantity>": text}` per quantity message, for every quantity an item of that kind has
/// (subscriptions and software count licenses, reservations instances).
fn quantity_texts(
    scenarios: &[Scenario],
    mut format: impl FnMut(&str, u32) -> Value,
) -> Map<String, Value> {
    let mut wanted: std::collections::BTreeMap<&str, std::collections::BTreeSet<u32>> =
        Default::default();
    for c in scenarios.iter().flat_map(|s| &s.customers) {
        let licenses =
            c.subscriptions.iter().map(|s| s.quantity).chain(c.software.iter().map(|p| p.quantity));
        wanted.entry("sim-quantity-licenses").or_default().extend(licenses);
        let instances = c.reservations.iter().map(|p| p.quantity);
        wanted.entry("sim-quantity-instances").or_default().extend(instances);
    }
    wanted
        .into_iter()
        .filter(|(_, quantities)| !quantities.is_empty())
        .map(|(id, quantities)| {
            let texts = quantities.into_iter().map(|q| (q.to_string(), format(id, q))).collect();
            (id.to_string(), Value::Object(texts))
        })
        .collect()
}

/// `value` with `own` as its `text`, when there is any (most owners have none).
fn with_text(mut value: Value, own: Map<String, Value>) -> Value {
    if !own.is_empty() {
        value["text"] = Value::Object(own);
    }
    value
}

/// A list's length as a count (lists are far shorter than `u32::MAX`).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[derive(Clone, Copy)]
enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}

#[cfg(test)]
mod tests;
