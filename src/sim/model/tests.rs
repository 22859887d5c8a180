//! Tests of the simulator's rules: each action accepted or refused as the article says.

use super::*;

fn customer(
    subs: &[SubscriptionStatus],
    res: &[PurchaseStatus],
    sw: &[PurchaseStatus],
) -> CustomerState {
    let named = |i: usize| format!("i{i}");
    CustomerState {
        relationship: Relationship::Active,
        delegated_admin: true,
        support_contact: true,
        subscriptions: subs.iter().enumerate().map(|(i, s)| (named(i), *s)).collect(),
        reservations: res.iter().enumerate().map(|(i, s)| (named(i), *s)).collect(),
        software: sw.iter().enumerate().map(|(i, s)| (named(i), *s)).collect(),
    }
}

fn state(c: CustomerState) -> State {
    State { customers: BTreeMap::from([("c".to_string(), c)]) }
}

fn remove() -> Action {
    Action::RemoveRelationship { customer: "c".into() }
}

use PurchaseStatus as P;
use SubscriptionStatus as S;

#[test]
fn removal_is_refused_with_every_failed_precondition() {
    let s = state(customer(&[S::Active, S::Active, S::Suspended], &[P::Active], &[P::Cancelled]));
    let err = apply(&s, &remove()).unwrap_err();
    assert_eq!(
        err.reasons,
        vec![Reason::ActiveSubscriptions { count: 2 }, Reason::ActiveReservations { count: 1 }]
    );
    assert_eq!(err.reasons[0].fixed_by(), Some(Condition::NoActiveSubscriptions));
}

#[test]
fn removal_clears_admin_support_and_listing_and_refuses_purchases() {
    let s = state(customer(&[S::Suspended], &[P::Cancelled], &[]));
    let after = apply(&s, &remove()).unwrap();
    let c = &after.customers["c"];
    assert!(!c.is_listed() && !c.delegated_admin && !c.support_contact);
    let buy = Action::Purchase { customer: "c".into() };
    assert_eq!(apply(&after, &buy).unwrap_err().reasons, vec![Reason::RelationshipRemoved]);
    assert_eq!(apply(&s, &buy), Ok(s.clone()));
    assert_eq!(apply(&after, &remove()).unwrap_err().reasons, vec![Reason::RelationshipRemoved]);
}

#[test]
fn suspend_then_reactivate_is_the_same_state() {
    let s = state(customer(&[S::Active], &[], &[]));
    let suspend = Action::SuspendSubscription { customer: "c".into(), item: "i0".into() };
    let reactivate = Action::ReactivateSubscription { customer: "c".into(), item: "i0".into() };
    let suspended = apply(&s, &suspend).unwrap();
    assert_eq!(apply(&suspended, &suspend).unwrap_err().reasons, vec![Reason::AlreadySuspended]);
    assert_eq!(apply(&suspended, &reactivate).unwrap(), s);
    assert_eq!(apply(&s, &reactivate).unwrap_err().reasons, vec![Reason::AlreadyActive]);
}

#[test]
fn unknown_targets_are_refused_in_a_fixed_order() {
    let s = state(customer(&[S::Active], &[P::Active], &[]));
    let ghost = Action::CancelSoftware { customer: "nobody".into(), item: "i0".into() };
    assert_eq!(apply(&s, &ghost).unwrap_err().reasons, vec![Reason::UnknownCustomer]);
    let missing = Action::CancelSoftware { customer: "c".into(), item: "i0".into() };
    assert_eq!(apply(&s, &missing).unwrap_err().reasons, vec![Reason::UnknownItem]);
    let cancel = Action::CancelReservation { customer: "c".into(), item: "i0".into() };
    let cancelled = apply(&s, &cancel).unwrap();
    assert_eq!(apply(&cancelled, &cancel).unwrap_err().reasons, vec![Reason::AlreadyCancelled]);
}

#[test]
fn enabled_actions_follow_the_rules() {
    let s = state(customer(&[S::Active], &[], &[]));
    let ids: Vec<_> = enabled_actions(&s).iter().map(|a| a.kind().id()).collect();
    assert_eq!(ids, ["suspend-subscription", "purchase"]);
    assert_eq!(s.evaluate("c", Condition::RemovalAllowed), Some(false));
    assert_eq!(s.evaluate("x", Condition::RemovalAllowed), None);
}

#[test]
fn json_shapes_are_stable() {
    let a = Action::SuspendSubscription { customer: "c".into(), item: "i0".into() };
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        r#"{"action":"suspend-subscription","customer":"c","item":"i0"}"#
    );
    let r = Reason::ActiveSoftware { count: 2 };
    assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"reason":"active-software","count":2}"#);
    assert_eq!(
        serde_json::to_string(&Condition::NoDelegatedAdmin).unwrap(),
        r#""no-delegated-admin""#
    );
    for kind in ActionKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.id());
    }
    for condition in Condition::ALL {
        assert_eq!(serde_json::to_value(condition).unwrap(), condition.id());
        assert_eq!(Condition::from_id(condition.id()), Some(condition));
    }
    let s = state(customer(&[S::Active], &[], &[]));
    let back: State = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
}
