//! The ids of the messages the simulator shows, and the name each name-bearing one takes.

/// Messages without arguments, exported under `text`.
pub(super) const STATIC_MESSAGES: [&str; 63] = [
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

/// A name a message takes as an argument: the Fluent variable, and the sentinel formatted in
/// its place for the template the runtime fills (`named` in `assets/sim.js` has the same).
#[derive(Clone, Copy)]
pub(super) struct NameArg {
    pub(super) var: &'static str,
    pub(super) sentinel: &'static str,
}

pub(super) const CUSTOMER: NameArg = NameArg { var: "customer", sentinel: "$customer" };
pub(super) const SUBSCRIPTION: NameArg = NameArg { var: "subscription", sentinel: "$subscription" };
pub(super) const ITEM: NameArg = NameArg { var: "item", sentinel: "$item" };

/// Messages about a scenario's goal customer (which carries them, as any text naming it).
pub(super) const GOAL_MESSAGES: [&str; 2] = ["sim-goal", "sim-goal-reached"];

/// Messages about a customer.
pub(super) const CUSTOMER_MESSAGES: [&str; 10] = [
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
];

/// Messages about a subscription.
pub(super) const SUBSCRIPTION_MESSAGES: [&str; 4] = [
    "sim-announce-suspended",
    "sim-announce-reactivated",
    "sim-reason-already-suspended",
    "sim-reason-already-active",
];

/// Messages about an item of a list, by list: its announcement, its row's cancel button (one
/// accessible name per row), its refusal.
pub(super) const RESERVATION_MESSAGES: [&str; 3] = [
    "sim-announce-reservation-cancelled",
    "sim-cancel-reservation-named",
    "sim-reason-already-cancelled",
];
pub(super) const SOFTWARE_MESSAGES: [&str; 3] = [
    "sim-announce-software-cancelled",
    "sim-cancel-software-named",
    "sim-reason-already-cancelled",
];
