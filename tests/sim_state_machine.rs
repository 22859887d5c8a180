//! Model-based tests of the simulator (proptest-state-machine): random action sequences over
//! the shipped scenarios, checked against a deliberately simple reference model, with the
//! issue's invariants after every step:
//! - removal is possible iff no subscription, RI reservation or software purchase is active;
//! - after removal the customer is gone from the Customers list and purchases are refused;
//! - suspend -> reactivate returns to the same state;
//! - no action sequence panics or reaches an undeclared state.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

use drillbook::sim::{
    Action, Condition, PurchaseStatus, Reason, Relationship, Scenario, State, SubscriptionStatus,
    all_actions, apply, enabled_actions, load_scenarios,
};
use proptest::prelude::*;
use proptest::test_runner::Config;
use proptest_state_machine::{ReferenceStateMachine, StateMachineTest, prop_state_machine};

static SCENARIOS: LazyLock<Vec<Scenario>> = LazyLock::new(|| {
    let (scenarios, diags) = load_scenarios(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(diags.is_empty(), "{diags:#?}");
    assert!(!scenarios.is_empty());
    scenarios
});

/// The reference: per customer, which items exist and which are active, as plain sets.
#[derive(Debug, Clone)]
struct RefCustomer {
    removed: bool,
    admin: bool,
    support: bool,
    active: BTreeMap<&'static str, BTreeSet<String>>,
    items: BTreeMap<&'static str, BTreeSet<String>>,
}

#[derive(Debug, Clone)]
struct RefState {
    scenario: usize,
    customers: BTreeMap<String, RefCustomer>,
    /// The reference's verdict on the last transition.
    last_accepted: bool,
}

fn list_of(action: &Action) -> Option<(&'static str, &str)> {
    match action {
        Action::SuspendSubscription { item, .. } | Action::ReactivateSubscription { item, .. } => {
            Some(("subscriptions", item))
        }
        Action::CancelReservation { item, .. } => Some(("reservations", item)),
        Action::CancelSoftware { item, .. } => Some(("software", item)),
        _ => None,
    }
}

impl RefState {
    fn new(scenario: usize) -> RefState {
        let customers = SCENARIOS[scenario]
            .customers
            .iter()
            .map(|c| {
                let set = |ids: Vec<(String, bool)>, active: bool| -> BTreeSet<String> {
                    ids.into_iter().filter(|(_, a)| !active || *a).map(|(id, _)| id).collect()
                };
                let subs: Vec<_> = c
                    .subscriptions
                    .iter()
                    .map(|s| (s.id.clone(), s.status == SubscriptionStatus::Active))
                    .collect();
                let res: Vec<_> = c
                    .reservations
                    .iter()
                    .map(|s| (s.id.clone(), s.status == PurchaseStatus::Active))
                    .collect();
                let sw: Vec<_> = c
                    .software
                    .iter()
                    .map(|s| (s.id.clone(), s.status == PurchaseStatus::Active))
                    .collect();
                let customer = RefCustomer {
                    removed: false,
                    admin: c.delegated_admin,
                    support: c.support_contact,
                    active: BTreeMap::from([
                        ("subscriptions", set(subs.clone(), true)),
                        ("reservations", set(res.clone(), true)),
                        ("software", set(sw.clone(), true)),
                    ]),
                    items: BTreeMap::from([
                        ("subscriptions", set(subs, false)),
                        ("reservations", set(res, false)),
                        ("software", set(sw, false)),
                    ]),
                };
                (c.id.clone(), customer)
            })
            .collect();
        RefState { scenario, customers, last_accepted: true }
    }

    /// Applies the action if the article's rules allow it; returns whether they did.
    fn step(&mut self, action: &Action) -> bool {
        let Some(c) = self.customers.get_mut(action.customer()) else { return false };
        if let Some((list, item)) = list_of(action) {
            if c.removed || !c.items[list].contains(item) {
                return false;
            }
            let active = c.active.get_mut(list).expect("three lists");
            return match action {
                Action::ReactivateSubscription { .. } => active.insert(item.to_string()),
                _ => active.remove(item),
            };
        }
        match action {
            Action::RemoveRelationship { .. } => {
                if c.removed || c.active.values().any(|set| !set.is_empty()) {
                    return false;
                }
                c.removed = true;
                c.admin = false;
                c.support = false;
                true
            }
            _ => !c.removed,
        }
    }
}

struct Reference;

impl ReferenceStateMachine for Reference {
    type State = RefState;
    type Transition = Action;

    fn init_state() -> BoxedStrategy<RefState> {
        (0..SCENARIOS.len()).prop_map(RefState::new).boxed()
    }

    fn transitions(state: &RefState) -> BoxedStrategy<Action> {
        let initial = SCENARIOS[state.scenario].initial_state();
        let mut candidates = all_actions(&initial);
        let first = initial.customers.keys().next().cloned().unwrap_or_default();
        candidates.push(Action::Purchase { customer: "nobody".into() });
        candidates.push(Action::CancelReservation { customer: first, item: "nothing".into() });
        prop::sample::select(candidates).boxed()
    }

    fn apply(mut state: RefState, transition: &Action) -> RefState {
        state.last_accepted = state.step(transition);
        state
    }
}

struct Sim;

impl StateMachineTest for Sim {
    type SystemUnderTest = State;
    type Reference = Reference;

    fn init_test(ref_state: &RefState) -> State {
        SCENARIOS[ref_state.scenario].initial_state()
    }

    fn apply(before: State, ref_state: &RefState, action: Action) -> State {
        let result = apply(&before, &action);
        assert_eq!(result.is_ok(), ref_state.last_accepted, "{action:?} on {before:?}: {result:?}");
        if let Err(rejection) = &result {
            assert!(!rejection.reasons.is_empty(), "every refusal has a reason");
        }
        let scenario = &SCENARIOS[ref_state.scenario];
        match (&action, &result) {
            (Action::RemoveRelationship { customer }, _) => {
                let possible = before.customers.get(customer).is_some_and(|c| {
                    c.relationship == Relationship::Active
                        && c.active_subscriptions() + c.active_reservations() + c.active_software()
                            == 0
                });
                assert_eq!(result.is_ok(), possible, "removal is possible iff nothing is active");
                if let Ok(after) = &result {
                    assert!(
                        after.listed(scenario).iter().all(|c| &c.id != customer),
                        "customer left the list"
                    );
                    let buy = Action::Purchase { customer: customer.clone() };
                    assert_eq!(
                        apply(after, &buy).unwrap_err().reasons,
                        vec![Reason::RelationshipRemoved]
                    );
                }
            }
            (Action::SuspendSubscription { customer, item }, Ok(after)) => {
                let back = Action::ReactivateSubscription {
                    customer: customer.clone(),
                    item: item.clone(),
                };
                assert_eq!(
                    apply(after, &back).as_ref(),
                    Ok(&before),
                    "suspend -> reactivate is the identity"
                );
            }
            _ => {}
        }
        result.unwrap_or(before)
    }

    fn check_invariants(state: &State, ref_state: &RefState) {
        let scenario = &SCENARIOS[ref_state.scenario];
        let initial = scenario.initial_state();
        // Declared states only: the same customers and items as the scenario.
        assert_eq!(
            state.customers.keys().collect::<Vec<_>>(),
            initial.customers.keys().collect::<Vec<_>>()
        );
        for (id, c) in &state.customers {
            let r = &ref_state.customers[id];
            let init = &initial.customers[id];
            assert!(c.subscriptions.keys().eq(init.subscriptions.keys()));
            assert!(c.reservations.keys().eq(init.reservations.keys()));
            assert!(c.software.keys().eq(init.software.keys()));
            // The model agrees with the reference.
            assert_eq!(c.relationship == Relationship::Removed, r.removed);
            assert_eq!((c.delegated_admin, c.support_contact), (r.admin, r.support));
            let active = |m: Vec<(&String, bool)>| {
                m.into_iter().filter(|(_, a)| *a).map(|(k, _)| k.clone()).collect()
            };
            let subs: BTreeSet<String> = active(
                c.subscriptions
                    .iter()
                    .map(|(k, s)| (k, *s == SubscriptionStatus::Active))
                    .collect(),
            );
            let res: BTreeSet<String> = active(
                c.reservations.iter().map(|(k, s)| (k, *s == PurchaseStatus::Active)).collect(),
            );
            let sw: BTreeSet<String> =
                active(c.software.iter().map(|(k, s)| (k, *s == PurchaseStatus::Active)).collect());
            assert_eq!(
                (&subs, &res, &sw),
                (&r.active["subscriptions"], &r.active["reservations"], &r.active["software"])
            );
            // Conditions are consistent with each other.
            let removal_allowed = c.evaluate(Condition::RemovalAllowed);
            assert_eq!(
                removal_allowed,
                !r.removed && subs.is_empty() && res.is_empty() && sw.is_empty()
            );
            if c.evaluate(Condition::RelationshipRemoved) {
                assert!(
                    c.evaluate(Condition::NotInCustomerList)
                        && c.evaluate(Condition::PurchasesRefused)
                );
                assert!(
                    c.evaluate(Condition::NoDelegatedAdmin)
                        && c.evaluate(Condition::NotSupportContact)
                );
                assert!(subs.is_empty() && res.is_empty() && sw.is_empty());
            }
        }
        // Enabled actions are exactly the accepted ones.
        let enabled = enabled_actions(state);
        for action in all_actions(state) {
            assert_eq!(enabled.contains(&action), apply(state, &action).is_ok());
        }
    }
}

prop_state_machine! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]
    #[test]
    fn simulator_follows_the_article_rules(sequential 1..60 => Sim);
}

proptest! {
    #![proptest_config(Config { cases: 64, failure_persistence: None, ..Config::default() })]

    /// Arbitrary (mostly invalid) actions never panic and never change an unknown target.
    #[test]
    fn arbitrary_actions_never_panic(customer in "[a-z-]{0,12}", item in "[a-z-]{0,12}", kind in 0usize..6, s in 0usize..6) {
        let scenario = &SCENARIOS[s % SCENARIOS.len()];
        let state = scenario.initial_state();
        let action = match kind {
            0 => Action::SuspendSubscription { customer, item },
            1 => Action::ReactivateSubscription { customer, item },
            2 => Action::CancelReservation { customer, item },
            3 => Action::CancelSoftware { customer, item },
            4 => Action::RemoveRelationship { customer },
            _ => Action::Purchase { customer },
        };
        match apply(&state, &action) {
            Ok(next) => prop_assert!(state.customers.contains_key(action.customer()) && next.customers.len() == state.customers.len()),
            Err(rejection) => prop_assert!(!rejection.reasons.is_empty()),
        }
    }

    /// The state JSON the page stores round-trips.
    #[test]
    fn state_json_round_trips(s in 0usize..6, picks in prop::collection::vec(0usize..64, 0..30)) {
        let scenario = &SCENARIOS[s % SCENARIOS.len()];
        let mut state = scenario.initial_state();
        for pick in picks {
            let actions = all_actions(&state);
            if let Ok(next) = apply(&state, &actions[pick % actions.len()]) {
                state = next;
            }
        }
        let json = serde_json::to_string(&state).unwrap();
        prop_assert_eq!(serde_json::from_str::<State>(&json).unwrap(), state);
    }
}
