//! The assessment rule: which actions of an attempt are mistakes, the step each mistake
//! violates, and the attempt's score and result. `assets/sim.js` mirrors [`judge`] and
//! [`score`] (`judge`, `score` there); `tests/sim_traces.rs` proves the two agree.
//!
//! Mistakes are refused actions and unnecessary ones. An *unnecessary* action is one the
//! model accepts but the procedure never asks for:
//! - any action on a customer other than the goal's customer (suspending another customer's
//!   subscription, cancelling its purchases, removing it, buying for it);
//! - making a subscription active again (it undoes step 1);
//! - buying for the goal's customer (the procedure removes the relationship; the simulator
//!   places no order, so the purchase changes nothing).
//!
//! The score, for `k` mistakes, `a` allowed mistakes and mastery score `m` (0 < m ≤ 1):
//! - goal not reached: 0;
//! - goal reached, `k ≤ a`: `1 − k·(1 − m)/(a + 1)`, from 1 down to just above `m`;
//! - goal reached, `k > a`: `m·(a + 1)/(k + 1)`, below `m` and falling towards 0.
//!
//! So `passed` (goal reached and `k ≤ a`) is exactly `score ≥ m`, which is what an LMS that
//! judges by the mastery score (cmi5 `masteryScore`) concludes from the reported score.

use serde::Serialize;

use super::{Action, ActionKind, Condition, Goal, Reason, Rejection, Scenario, State, apply};

/// Largest `allowed-mistakes` content may set: keeps `score ≥ m` and `passed` in step even
/// in floating point (the gap below `m` is at least `m/(a + 2)`).
pub const MAX_ALLOWED_MISTAKES: u32 = 1000;

/// The content's assessment rule (`[assessment]` in the article).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Rule {
    /// In `(0, 1]`.
    pub mastery_score: f64,
    pub allowed_mistakes: u32,
}

/// How one action of an attempt is judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judged {
    pub refused: bool,
    pub unnecessary: bool,
    /// The first refusal reason's id (the one the page shows first); `None` when accepted.
    pub reason: Option<&'static str>,
    /// For a mistake, the condition whose article step it violates (the page links to
    /// `scenario.steps[condition]`); `None` for a correct action or when no step applies.
    pub step: Option<Condition>,
}

impl Judged {
    pub fn is_mistake(&self) -> bool {
        self.refused || self.unnecessary
    }
}

/// An attempt's result.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    /// In `[0, 1]`.
    pub score: f64,
    pub mistakes: u32,
    pub passed: bool,
}

/// The condition of the procedure step an action of this kind belongs to.
fn step_of(kind: ActionKind) -> Option<Condition> {
    match kind {
        ActionKind::SuspendSubscription | ActionKind::ReactivateSubscription => {
            Some(Condition::NoActiveSubscriptions)
        }
        ActionKind::CancelReservation => Some(Condition::NoActiveReservations),
        ActionKind::CancelSoftware => Some(Condition::NoActiveSoftware),
        ActionKind::RemoveRelationship => Some(Condition::RelationshipRemoved),
        ActionKind::Purchase => None,
    }
}

/// Judges `action` given its outcome (`apply`'s result) and the scenario's goal.
pub fn judge<T>(goal: &Goal, action: &Action, outcome: &Result<T, Rejection>) -> Judged {
    let kind = action.kind();
    match outcome {
        Err(rejection) => Judged {
            refused: true,
            unnecessary: false,
            reason: rejection.reasons.first().map(Reason::id),
            // The step that should have come first, else the action's own step.
            step: rejection.reasons.iter().find_map(Reason::fixed_by).or(step_of(kind)),
        },
        Ok(_) => {
            let unnecessary = action.customer() != goal.customer
                || matches!(kind, ActionKind::ReactivateSubscription | ActionKind::Purchase);
            Judged {
                refused: false,
                unnecessary,
                reason: None,
                step: if unnecessary { step_of(kind) } else { None },
            }
        }
    }
}

/// The score rule (see the module documentation).
pub fn score(rule: &Rule, judged: &[Judged], goal_reached: bool) -> Score {
    let count = judged.iter().filter(|j| j.is_mistake()).count();
    let mistakes = u32::try_from(count).unwrap_or(u32::MAX);
    let m = rule.mastery_score;
    let a = f64::from(rule.allowed_mistakes);
    let k = f64::from(mistakes);
    let passed = goal_reached && mistakes <= rule.allowed_mistakes;
    let value = if !goal_reached {
        0.0
    } else if passed {
        1.0 - k * (1.0 - m) / (a + 1.0)
    } else {
        m * (a + 1.0) / (k + 1.0)
    };
    Score { score: value, mistakes, passed }
}

/// An attempt replayed through the model: each action judged until the goal is reached
/// (later actions are not part of the attempt), and the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attempt {
    pub judged: Vec<Judged>,
    pub goal_reached: bool,
    pub result: Score,
    pub state: State,
}

/// Replays `actions` on `scenario` from its initial state under `rule`.
pub fn assess(scenario: &Scenario, rule: &Rule, actions: &[Action]) -> Attempt {
    let mut state = scenario.initial_state();
    let mut judged = Vec::new();
    let goal = &scenario.goal;
    let reached = |s: &State| s.evaluate(&goal.customer, goal.condition) == Some(true);
    let mut goal_reached = reached(&state);
    for action in actions {
        if goal_reached {
            break;
        }
        let outcome = apply(&state, action);
        judged.push(judge(goal, action, &outcome));
        if let Ok(next) = outcome {
            state = next;
        }
        goal_reached = reached(&state);
    }
    let result = score(rule, &judged, goal_reached);
    Attempt { judged, goal_reached, result, state }
}

#[cfg(test)]
mod tests;
