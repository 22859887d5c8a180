//! Tests of the assessment rule: mistakes, steps, and score ⇔ passed.

use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::sim::load_scenarios;

fn scenario(id: &str) -> Scenario {
    let (scenarios, diags) = load_scenarios(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(diags.is_empty(), "{diags:?}");
    scenarios.into_iter().find(|s| s.id == id).expect("shipped scenario")
}

const RULE: Rule = Rule { mastery_score: 0.8, allowed_mistakes: 2 };

fn suspend(customer: &str, item: &str) -> Action {
    Action::SuspendSubscription { customer: customer.into(), item: item.into() }
}

fn remove(customer: &str) -> Action {
    Action::RemoveRelationship { customer: customer.into() }
}

#[test]
fn the_article_path_passes_with_full_score() {
    let s = scenario("several-customers");
    let a = assess(
        &s,
        &RULE,
        &[
            suspend("litware", "m365-business-premium"),
            suspend("litware", "visio-plan-2"),
            remove("litware"),
        ],
    );
    assert!(a.goal_reached);
    assert!(a.judged.iter().all(|j| !j.is_mistake()), "{:?}", a.judged);
    assert_eq!(a.result, Score { score: 1.0, mistakes: 0, passed: true });
}

#[test]
fn wrong_customer_reactivation_and_purchase_are_unnecessary() {
    let s = scenario("several-customers");
    let actions = [
        suspend("adatum", "m365-e3"),
        Action::ReactivateSubscription {
            customer: "tailspin".into(),
            item: "exchange-online".into(),
        },
        Action::Purchase { customer: "litware".into() },
        suspend("litware", "m365-business-premium"),
        Action::ReactivateSubscription {
            customer: "litware".into(),
            item: "m365-business-premium".into(),
        },
    ];
    let a = assess(&s, &RULE, &actions);
    let flags: Vec<_> = a.judged.iter().map(|j| (j.refused, j.unnecessary, j.step)).collect();
    let subs = Some(Condition::NoActiveSubscriptions);
    assert_eq!(
        flags,
        vec![
            (false, true, subs),
            (false, true, subs),
            (false, true, None),
            (false, false, None),
            (false, true, subs)
        ]
    );
    assert!(!a.goal_reached);
    assert_eq!(a.result, Score { score: 0.0, mistakes: 4, passed: false });
}

#[test]
fn a_refusal_names_the_step_that_fixes_it_or_its_own_step() {
    let s = scenario("azure-ri-reservation");
    let a = assess(&s, &RULE, &[remove("fabrikam")]);
    let j = &a.judged[0];
    assert!(j.refused && !j.unnecessary);
    assert_eq!(j.reason, Some("active-subscriptions"));
    assert_eq!(j.step, Some(Condition::NoActiveSubscriptions));
    let s = scenario("nothing-to-suspend");
    let customer = s.goal.customer.clone();
    let item = s.customer(&customer).unwrap().subscriptions[0].id.clone();
    let a = assess(&s, &RULE, &[suspend(&customer, &item)]);
    assert_eq!(a.judged[0].reason, Some("already-suspended"));
    assert_eq!(a.judged[0].step, Some(Condition::NoActiveSubscriptions));
}

#[test]
fn too_many_refusals_fail_even_when_the_goal_is_reached() {
    let s = scenario("only-active-subscriptions");
    let goal = s.customer(&s.goal.customer).unwrap().clone();
    let mut actions = vec![remove(&goal.id); 3];
    actions.extend(goal.subscriptions.iter().map(|x| suspend(&goal.id, &x.id)));
    actions.push(remove(&goal.id));
    // After the goal, nothing counts.
    actions.push(remove(&goal.id));
    let a = assess(&s, &RULE, &actions);
    assert!(a.goal_reached);
    assert_eq!(a.judged.len(), actions.len() - 1);
    assert_eq!(a.result.mistakes, 3);
    assert!(!a.result.passed);
    assert!((a.result.score - 0.8 * 3.0 / 4.0).abs() < 1e-12, "{}", a.result.score);
    let two = assess(&s, &RULE, &actions[1..]);
    assert!(two.result.passed);
    assert!((two.result.score - (1.0 - 2.0 * 0.2 / 3.0)).abs() < 1e-12, "{}", two.result.score);
}

fn mistake() -> Judged {
    Judged { refused: true, unnecessary: false, reason: Some("unknown-item"), step: None }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The score is in [0, 1], falls with every mistake, and `passed` is `score ≥ mastery`.
    #[test]
    fn passed_is_score_at_least_mastery(
        mastery in 0.001f64..=1.0,
        allowed in 0u32..=MAX_ALLOWED_MISTAKES,
        mistakes in 0usize..1200,
        reached in any::<bool>(),
    ) {
        let rule = Rule { mastery_score: mastery, allowed_mistakes: allowed };
        let judged = vec![mistake(); mistakes];
        let s = score(&rule, &judged, reached);
        prop_assert!((0.0..=1.0).contains(&s.score), "{s:?}");
        prop_assert_eq!(s.mistakes as usize, mistakes);
        prop_assert_eq!(s.passed, reached && mistakes as u32 <= allowed);
        prop_assert_eq!(s.passed, s.score >= mastery, "{:?}", s);
        if reached {
            let more = score(&rule, &vec![mistake(); mistakes + 1], true);
            prop_assert!(more.score < s.score);
        }
    }

    /// Correct actions never count, whatever their number.
    #[test]
    fn only_mistakes_count(correct in 0usize..50, wrong in 0usize..5) {
        let ok = Judged { refused: false, unnecessary: false, reason: None, step: None };
        let mut judged = vec![ok; correct];
        judged.extend(vec![mistake(); wrong]);
        let s = score(&RULE, &judged, true);
        prop_assert_eq!(s.mistakes as usize, wrong);
        prop_assert_eq!(s, score(&RULE, &vec![mistake(); wrong], true));
    }
}
