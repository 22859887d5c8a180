//! Checklists generated from an article's procedure: the items (prerequisites, then steps),
//! their bindings to the simulator model (the condition that makes each done, the actions it
//! asks for) and the statuses a checklist shows, GOV.UK task-list style.
//!
//! Pure: knows the content model and the simulator model, nothing about HTML or Fluent.

use crate::content::{Article, Binding, Block, MsgRef, Procedure};
use crate::sim::{ActionKind, Condition, Customer, PurchaseStatus, Scenario, SubscriptionStatus};

/// What a binding's actions repeat over (`for-each`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names, reason = "each variant is a content `for-each` id")]
pub(crate) enum ForEach {
    ActiveSubscription,
    ActiveReservation,
    ActiveSoftware,
}

impl ForEach {
    pub(crate) const ALL: [ForEach; 3] =
        [ForEach::ActiveSubscription, ForEach::ActiveReservation, ForEach::ActiveSoftware];

    pub(crate) fn id(self) -> &'static str {
        match self {
            ForEach::ActiveSubscription => "active-subscription",
            ForEach::ActiveReservation => "active-reservation",
            ForEach::ActiveSoftware => "active-software",
        }
    }

    pub(crate) fn from_id(id: &str) -> Option<ForEach> {
        ForEach::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// One checklist item.
#[derive(Debug, Clone)]
pub(crate) struct Item<'a> {
    /// Stable id: `prereq-<id>` or `step-<id>` (or `step-<n>`).
    pub id: String,
    /// Article anchor that explains the item.
    pub anchor: String,
    pub text: &'a MsgRef,
    /// Sub-step texts, in order (their letters or numbers come from `lower_alpha`).
    pub substeps: Vec<&'a MsgRef>,
    pub lower_alpha: bool,
    pub done_when: Option<Condition>,
    pub actions: Vec<ActionKind>,
    pub for_each: Option<ForEach>,
    /// Conditions that must hold before the item can start (from its actions).
    pub requires: Vec<Condition>,
    /// Items whose `done_when` is one of `requires` ("waits for").
    pub waits_for: Vec<usize>,
    /// Message ids of the item and its sub-steps (for stale markers).
    pub message_ids: Vec<&'a str>,
}

/// The checklist of an article: its first procedure, prerequisites first.
#[derive(Debug, Clone)]
pub(crate) struct Checklist<'a> {
    pub items: Vec<Item<'a>>,
}

/// The procedure a checklist is made from, if the article has one.
pub(crate) fn procedure(article: &Article) -> Option<&Procedure> {
    article.body.iter().find_map(|b| match b {
        Block::Procedure(p) => Some(p),
        _ => None,
    })
}

/// Builds the checklist of `article` (`None` without a procedure). Unknown ids in bindings
/// are ignored here; `check` reports them (`unknown-condition`, ...).
pub(crate) fn checklist(article: &Article) -> Option<Checklist<'_>> {
    let procedure = procedure(article)?;
    let default_anchor = procedure.id.as_ref().map(|id| id.get_ref().clone()).unwrap_or_default();
    let mut items = Vec::new();
    for prereq in &procedure.prerequisites {
        let anchor =
            prereq.anchor.as_ref().map_or_else(|| default_anchor.clone(), |a| a.get_ref().clone());
        items.push(item(
            format!("prereq-{}", prereq.id.get_ref()),
            anchor,
            &prereq.text,
            Vec::new(),
            false,
            prereq.binding(),
        ));
    }
    for (i, step) in procedure.steps.iter().enumerate() {
        let id = step
            .id
            .as_ref()
            .map_or_else(|| format!("step-{}", i + 1), |id| format!("step-{}", id.get_ref()));
        items.push(item(
            id.clone(),
            id,
            &step.text,
            step.substeps.iter().map(|s| &s.text).collect(),
            step.substeps_style == crate::content::ListStyle::LowerAlpha,
            step.binding(),
        ));
    }
    let conditions: Vec<Option<Condition>> = items.iter().map(|i| i.done_when).collect();
    for item in &mut items {
        item.waits_for = item
            .requires
            .iter()
            .filter_map(|c| conditions.iter().position(|d| *d == Some(*c)))
            .collect();
    }
    Some(Checklist { items })
}

fn item<'a>(
    id: String,
    anchor: String,
    text: &'a MsgRef,
    substeps: Vec<&'a MsgRef>,
    lower_alpha: bool,
    binding: Binding<'a>,
) -> Item<'a> {
    let actions: Vec<ActionKind> =
        binding.actions.iter().filter_map(|a| ActionKind::from_id(a.get_ref())).collect();
    let mut requires: Vec<Condition> =
        actions.iter().flat_map(|a| a.preconditions().iter().copied()).collect();
    requires.sort();
    requires.dedup();
    let mut message_ids = vec![text.get_ref().as_str()];
    message_ids.extend(substeps.iter().map(|s| s.get_ref().as_str()));
    Item {
        id,
        anchor,
        text,
        substeps,
        lower_alpha,
        done_when: binding.done_when.and_then(|c| Condition::from_id(c.get_ref())),
        actions,
        for_each: binding.for_each.and_then(|f| ForEach::from_id(f.get_ref())),
        requires,
        waits_for: Vec::new(),
        message_ids,
    }
}

/// A GOV.UK task-list status, plus "nothing to do" for an item whose condition held before
/// anything was done (no reservation to cancel, no subscription to suspend). The page
/// computes statuses in `assets/checklist.js` (one `statusOf` for the panel and the
/// printable page); this is the model its tests hold to these rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    NotStarted,
    InProgress,
    Completed,
    CannotStartYet,
    NothingToDo,
}

impl Status {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::Completed => "completed",
            Status::CannotStartYet => "cannot-start",
            Status::NothingToDo => "nothing-to-do",
        }
    }
}

/// The message that says an item had nothing to do, by what its condition counts (`None`
/// for conditions that are not a count of items).
pub(crate) fn nothing_to_do_message(condition: Option<Condition>) -> Option<&'static str> {
    match condition? {
        Condition::NoActiveSubscriptions => Some("checklist-status-nothing-to-suspend"),
        Condition::NoActiveReservations | Condition::NoActiveSoftware => {
            Some("checklist-status-nothing-to-cancel")
        }
        _ => None,
    }
}

/// How many items a condition is still waiting on (active subscriptions, ...), for
/// "in progress" (some done, some left) and "nothing to do" (none to begin with).
fn remaining(customer: &crate::sim::CustomerState, condition: Condition) -> Option<usize> {
    match condition {
        Condition::NoActiveSubscriptions => Some(customer.active_subscriptions()),
        Condition::NoActiveReservations => Some(customer.active_reservations()),
        Condition::NoActiveSoftware => Some(customer.active_software()),
        _ => None,
    }
}

/// Statuses of the items for the scenario's goal customer, from `initial` to `now`; with no
/// state (the printable checklist before anything is ticked), `customer` is `None`.
pub(crate) fn statuses(
    checklist: &Checklist<'_>,
    customer: Option<&str>,
    initial: &crate::sim::State,
    now: &crate::sim::State,
) -> Vec<Status> {
    let states = customer.and_then(|c| Some((initial.customers.get(c)?, now.customers.get(c)?)));
    let Some((before, after)) = states else {
        // Nothing known: what is ticked by hand starts here.
        return checklist
            .items
            .iter()
            .map(|item| {
                if item.waits_for.is_empty() { Status::NotStarted } else { Status::CannotStartYet }
            })
            .collect();
    };
    checklist
        .items
        .iter()
        .map(|item| {
            let counts =
                item.done_when.and_then(|c| Some((remaining(before, c)?, remaining(after, c)?)));
            if item.done_when.is_some_and(|c| after.evaluate(c)) {
                return match counts {
                    Some((0, _)) => Status::NothingToDo,
                    _ => Status::Completed,
                };
            }
            let started = matches!(counts, Some((was, is)) if is < was);
            if started {
                Status::InProgress
            } else if item.requires.iter().any(|c| !after.evaluate(*c)) {
                Status::CannotStartYet
            } else {
                Status::NotStarted
            }
        })
        .collect()
}

/// How many items count as completed ("`n` of `total` completed"): only `Completed`, so an
/// item with nothing to do is not counted as work done.
pub(crate) fn completed(statuses: &[Status]) -> usize {
    statuses.iter().filter(|s| **s == Status::Completed).count()
}

/// One line of a concrete checklist for a real customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Task<'a> {
    CancelReservation(&'a crate::sim::Purchase),
    CancelSoftware(&'a crate::sim::Purchase),
    Suspend(&'a crate::sim::Subscription),
    Remove(&'a Customer),
}

/// The tasks for the goal customer of `scenario`, in the article's order (prerequisites,
/// suspending, removal), following the checklist's items and their `for-each`.
pub(crate) fn concrete_tasks<'s>(
    checklist: &Checklist<'_>,
    scenario: &'s Scenario,
) -> Vec<Task<'s>> {
    let Some(customer) = scenario.customer(&scenario.goal.customer) else { return Vec::new() };
    let mut tasks = Vec::new();
    for item in &checklist.items {
        match item.for_each {
            Some(ForEach::ActiveReservation) => tasks.extend(
                customer
                    .reservations
                    .iter()
                    .filter(|r| r.status == PurchaseStatus::Active)
                    .map(Task::CancelReservation),
            ),
            Some(ForEach::ActiveSoftware) => tasks.extend(
                customer
                    .software
                    .iter()
                    .filter(|r| r.status == PurchaseStatus::Active)
                    .map(Task::CancelSoftware),
            ),
            Some(ForEach::ActiveSubscription) => tasks.extend(
                customer
                    .subscriptions
                    .iter()
                    .filter(|s| s.status == SubscriptionStatus::Active)
                    .map(Task::Suspend),
            ),
            None if item.actions.contains(&ActionKind::RemoveRelationship) => {
                tasks.push(Task::Remove(customer))
            }
            None => {}
        }
    }
    tasks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Action, apply, parse_scenario};

    const ARTICLE: &str = include_str!("../content/articles/remove-a-relationship.toml");
    const RI: &str = include_str!("../content/scenarios/azure-ri-reservation.toml");

    fn article() -> Article {
        let (article, diags) =
            crate::content::parse_article("remove-a-relationship", "a.toml", ARTICLE);
        assert!(diags.is_empty(), "{diags:?}");
        article.unwrap()
    }

    #[test]
    fn items_are_prerequisites_then_steps_with_derived_gates() {
        let article = article();
        let list = checklist(&article).unwrap();
        let ids: Vec<&str> = list.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            ["prereq-cancel-reservations", "prereq-cancel-software", "step-suspend", "step-remove"]
        );
        let remove = &list.items[3];
        assert_eq!(
            remove.requires,
            [
                Condition::NoActiveSubscriptions,
                Condition::NoActiveReservations,
                Condition::NoActiveSoftware
            ]
        );
        assert_eq!(remove.waits_for, [2, 0, 1]);
        assert_eq!(list.items[2].substeps.len(), 4);
        assert!(list.items[3].lower_alpha);
    }

    #[test]
    fn statuses_follow_the_simulator_state() {
        let article = article();
        let list = checklist(&article).unwrap();
        let (scenario, diags) = parse_scenario("azure-ri-reservation", "s.toml", RI);
        assert!(diags.is_empty(), "{diags:?}");
        let scenario = scenario.unwrap();
        let start = scenario.initial_state();
        use Status::*;
        let names = |s: Vec<Status>| s.into_iter().map(Status::id).collect::<Vec<_>>();
        // Nothing done: the removal cannot start yet; there is no software to cancel.
        assert_eq!(
            names(statuses(&list, Some("fabrikam"), &start, &start)),
            ["not-started", "nothing-to-do", "not-started", "cannot-start"]
        );
        let customer = "fabrikam".to_string();
        let subs: Vec<String> = start.customers["fabrikam"].subscriptions.keys().cloned().collect();
        let mut state = start.clone();
        state = apply(
            &state,
            &Action::SuspendSubscription { customer: customer.clone(), item: subs[0].clone() },
        )
        .unwrap();
        let now = statuses(&list, Some("fabrikam"), &start, &state);
        assert_eq!(now[2], if subs.len() > 1 { InProgress } else { Completed });
        for item in subs.iter().skip(1) {
            state = apply(
                &state,
                &Action::SuspendSubscription { customer: customer.clone(), item: item.clone() },
            )
            .unwrap();
        }
        let res: Vec<String> = start.customers["fabrikam"].reservations.keys().cloned().collect();
        for item in res {
            state = apply(&state, &Action::CancelReservation { customer: customer.clone(), item })
                .unwrap();
        }
        assert_eq!(
            names(statuses(&list, Some("fabrikam"), &start, &state)),
            ["completed", "nothing-to-do", "completed", "not-started"]
        );
        state = apply(&state, &Action::RemoveRelationship { customer }).unwrap();
        assert_eq!(
            names(statuses(&list, Some("fabrikam"), &start, &state)),
            ["completed", "nothing-to-do", "completed", "completed"]
        );
    }

    /// Issue 30: the panel said "2 of 4 completed" at the start of a scenario while the
    /// printable checklist said "0 of 4". Both now count from `statuses`: at the start of
    /// every shipped scenario nothing is completed, and an item whose condition already held
    /// says it had nothing to do.
    #[test]
    fn every_scenario_starts_with_nothing_completed_as_the_printable_checklist_does() {
        let article = article();
        let list = checklist(&article).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (scenarios, diags) = crate::sim::load_scenarios(root);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(scenarios.len() >= 6);
        let blank = crate::sim::State { customers: Default::default() };
        let printable = statuses(&list, None, &blank, &blank);
        assert_eq!(
            printable.iter().map(|s| s.id()).collect::<Vec<_>>(),
            ["not-started", "not-started", "not-started", "cannot-start"]
        );
        for scenario in &scenarios {
            let start = scenario.initial_state();
            let goal = Some(scenario.goal.customer.as_str());
            let panel = statuses(&list, goal, &start, &start);
            assert_eq!(completed(&panel), completed(&printable), "{}", scenario.id);
            let customer = &start.customers[&scenario.goal.customer];
            for (item, status) in list.items.iter().zip(&panel) {
                let held = item.done_when.is_some_and(|c| customer.evaluate(c));
                assert_eq!(*status == Status::NothingToDo, held, "{} {}", scenario.id, item.id);
                if held {
                    assert!(nothing_to_do_message(item.done_when).is_some(), "{}", item.id);
                }
            }
        }
        let only = scenarios.iter().find(|s| s.id == "only-active-subscriptions").unwrap();
        let start = only.initial_state();
        let names: Vec<_> =
            statuses(&list, Some("contoso"), &start, &start).iter().map(|s| s.id()).collect();
        assert_eq!(names, ["nothing-to-do", "nothing-to-do", "not-started", "cannot-start"]);
    }

    #[test]
    fn concrete_tasks_name_each_item_in_article_order() {
        let article = article();
        let list = checklist(&article).unwrap();
        let (scenario, _) = parse_scenario("azure-ri-reservation", "s.toml", RI);
        let scenario = scenario.unwrap();
        let tasks = concrete_tasks(&list, &scenario);
        assert!(matches!(tasks.first(), Some(Task::CancelReservation(_))));
        assert!(matches!(tasks.last(), Some(Task::Remove(c)) if c.id == "fabrikam"));
        let suspends = tasks.iter().filter(|t| matches!(t, Task::Suspend(_))).count();
        let active = scenario
            .customer("fabrikam")
            .unwrap()
            .subscriptions
            .iter()
            .filter(|s| s.status == SubscriptionStatus::Active)
            .count();
        assert_eq!(suspends, active);
    }
}
