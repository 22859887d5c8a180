//! Scenario data, simulator state, actions, conditions and the transition rules.
//!
//! Rules, from the article "Remove a reseller relationship with a customer":
//! - the Remove reseller relationship link is inactive while any subscription is active;
//! - removal is refused while any Azure RI reservation or software purchase is active;
//! - subscriptions are suspended one by one, and can be made active again;
//! - after removal the customer leaves the Customers list, delegated admin privileges and
//!   the support-contact entry are gone, and purchases for the customer are refused.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A named set of sample customers to rehearse on (one `content/scenarios/<id>.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Scenario {
    /// The file stem, a slug.
    pub id: String,
    /// The scenario set an article names (e.g. `remove-a-relationship`).
    pub set: String,
    /// Position in the scenario picker (ties broken by id).
    pub order: i64,
    /// Fluent message id (in `sim.ftl`) of the scenario's name.
    pub title: String,
    /// Fluent message id of one sentence saying what is special about the scenario.
    pub brief: String,
    pub goal: Goal,
    /// Article anchor (without `#`) of the step that makes each condition true.
    pub steps: BTreeMap<Condition, String>,
    /// Customers in the order the Customers list shows them.
    pub customers: Vec<Customer>,
}

/// What the reader should achieve: `condition` true for `customer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Goal {
    pub customer: String,
    pub condition: Condition,
}

/// A sample customer and its initial state. Names are sample data (company and product
/// names), shown as they are in every locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Customer {
    pub id: String,
    pub name: String,
    pub relationship: Relationship,
    pub delegated_admin: bool,
    pub support_contact: bool,
    pub subscriptions: Vec<Subscription>,
    pub reservations: Vec<Purchase>,
    pub software: Vec<Purchase>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Subscription {
    pub id: String,
    pub name: String,
    pub offer: String,
    pub quantity: u32,
    pub status: SubscriptionStatus,
}

/// An Azure RI reservation or a software purchase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Purchase {
    pub id: String,
    pub name: String,
    pub quantity: u32,
    pub status: PurchaseStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relationship {
    Active,
    Removed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubscriptionStatus {
    Active,
    Suspended,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PurchaseStatus {
    Active,
    Cancelled,
}

/// The mutable part of a scenario: every status, by id. Serialized as the JSON the page's
/// runtime keeps (and the traces compare).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub customers: BTreeMap<String, CustomerState>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CustomerState {
    pub relationship: Relationship,
    pub delegated_admin: bool,
    pub support_contact: bool,
    pub subscriptions: BTreeMap<String, SubscriptionStatus>,
    pub reservations: BTreeMap<String, PurchaseStatus>,
    pub software: BTreeMap<String, PurchaseStatus>,
}

impl Scenario {
    /// The state the scenario starts in.
    pub fn initial_state(&self) -> State {
        let customers = self
            .customers
            .iter()
            .map(|c| {
                let state = CustomerState {
                    relationship: c.relationship,
                    delegated_admin: c.delegated_admin,
                    support_contact: c.support_contact,
                    subscriptions: c
                        .subscriptions
                        .iter()
                        .map(|s| (s.id.clone(), s.status))
                        .collect(),
                    reservations: c.reservations.iter().map(|r| (r.id.clone(), r.status)).collect(),
                    software: c.software.iter().map(|p| (p.id.clone(), p.status)).collect(),
                };
                (c.id.clone(), state)
            })
            .collect();
        State { customers }
    }

    pub fn customer(&self, id: &str) -> Option<&Customer> {
        self.customers.iter().find(|c| c.id == id)
    }
}

/// What a reader can do. JSON: `{"action": "<kind id>", "customer": "...", "item": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Action {
    SuspendSubscription {
        customer: String,
        item: String,
    },
    ReactivateSubscription {
        customer: String,
        item: String,
    },
    CancelReservation {
        customer: String,
        item: String,
    },
    CancelSoftware {
        customer: String,
        item: String,
    },
    RemoveRelationship {
        customer: String,
    },
    /// Try to buy something new for the customer (the simulator places no order).
    Purchase {
        customer: String,
    },
}

/// The kinds of [`Action`], with stable ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    SuspendSubscription,
    ReactivateSubscription,
    CancelReservation,
    CancelSoftware,
    RemoveRelationship,
    Purchase,
}

impl ActionKind {
    pub const ALL: [ActionKind; 6] = [
        ActionKind::SuspendSubscription,
        ActionKind::ReactivateSubscription,
        ActionKind::CancelReservation,
        ActionKind::CancelSoftware,
        ActionKind::RemoveRelationship,
        ActionKind::Purchase,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ActionKind::SuspendSubscription => "suspend-subscription",
            ActionKind::ReactivateSubscription => "reactivate-subscription",
            ActionKind::CancelReservation => "cancel-reservation",
            ActionKind::CancelSoftware => "cancel-software",
            ActionKind::RemoveRelationship => "remove-relationship",
            ActionKind::Purchase => "purchase",
        }
    }
}

impl ActionKind {
    pub fn from_id(id: &str) -> Option<ActionKind> {
        ActionKind::ALL.into_iter().find(|a| a.id() == id)
    }

    /// Conditions that must hold before this action is accepted for a customer whose
    /// relationship is still active (the gate a checklist shows as "Cannot start yet").
    pub fn preconditions(self) -> &'static [Condition] {
        match self {
            ActionKind::RemoveRelationship => &[
                Condition::NoActiveSubscriptions,
                Condition::NoActiveReservations,
                Condition::NoActiveSoftware,
            ],
            _ => &[],
        }
    }
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::SuspendSubscription { .. } => ActionKind::SuspendSubscription,
            Action::ReactivateSubscription { .. } => ActionKind::ReactivateSubscription,
            Action::CancelReservation { .. } => ActionKind::CancelReservation,
            Action::CancelSoftware { .. } => ActionKind::CancelSoftware,
            Action::RemoveRelationship { .. } => ActionKind::RemoveRelationship,
            Action::Purchase { .. } => ActionKind::Purchase,
        }
    }

    pub fn customer(&self) -> &str {
        match self {
            Action::SuspendSubscription { customer, .. }
            | Action::ReactivateSubscription { customer, .. }
            | Action::CancelReservation { customer, .. }
            | Action::CancelSoftware { customer, .. }
            | Action::RemoveRelationship { customer }
            | Action::Purchase { customer } => customer,
        }
    }
}

/// The UI labels (`ui.ftl` term names, without `-`) the simulator shows. A step of an
/// article that names another label asks for something the rehearsal cannot show.
pub const UI_LABELS: &[&str] = &[
    "ui-partner-center",
    "ui-customers",
    "ui-subscriptions",
    "ui-suspended",
    "ui-active",
    "ui-account",
    "ui-remove-reseller-relationship",
    "ui-azure-reservations",
    "ui-software",
    "ui-cancelled",
    "ui-cancel-reservation",
    "ui-cancel-purchase",
    "ui-add-subscription",
    "ui-remove",
    "ui-cancel",
    "ui-status",
    "ui-quantity",
];

/// A named yes/no fact about one customer's state, for feedback and checklists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    NoActiveSubscriptions,
    NoActiveReservations,
    NoActiveSoftware,
    /// The Remove reseller relationship link is active and removal would be accepted.
    RemovalAllowed,
    RelationshipRemoved,
    NotInCustomerList,
    NoDelegatedAdmin,
    NotSupportContact,
    PurchasesRefused,
}

impl Condition {
    pub const ALL: [Condition; 9] = [
        Condition::NoActiveSubscriptions,
        Condition::NoActiveReservations,
        Condition::NoActiveSoftware,
        Condition::RemovalAllowed,
        Condition::RelationshipRemoved,
        Condition::NotInCustomerList,
        Condition::NoDelegatedAdmin,
        Condition::NotSupportContact,
        Condition::PurchasesRefused,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Condition::NoActiveSubscriptions => "no-active-subscriptions",
            Condition::NoActiveReservations => "no-active-reservations",
            Condition::NoActiveSoftware => "no-active-software",
            Condition::RemovalAllowed => "removal-allowed",
            Condition::RelationshipRemoved => "relationship-removed",
            Condition::NotInCustomerList => "not-in-customer-list",
            Condition::NoDelegatedAdmin => "no-delegated-admin",
            Condition::NotSupportContact => "not-support-contact",
            Condition::PurchasesRefused => "purchases-refused",
        }
    }

    pub fn from_id(id: &str) -> Option<Condition> {
        Condition::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// Why an action was refused. JSON: `{"reason": "<id>", ...fields}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Reason {
    UnknownCustomer,
    UnknownItem,
    RelationshipRemoved,
    AlreadySuspended,
    AlreadyActive,
    AlreadyCancelled,
    ActiveSubscriptions { count: usize },
    ActiveReservations { count: usize },
    ActiveSoftware { count: usize },
}

impl Reason {
    /// Every reason id, for exporting texts.
    pub const IDS: [&'static str; 9] = [
        "unknown-customer",
        "unknown-item",
        "relationship-removed",
        "already-suspended",
        "already-active",
        "already-cancelled",
        "active-subscriptions",
        "active-reservations",
        "active-software",
    ];

    pub fn id(&self) -> &'static str {
        match self {
            Reason::UnknownCustomer => "unknown-customer",
            Reason::UnknownItem => "unknown-item",
            Reason::RelationshipRemoved => "relationship-removed",
            Reason::AlreadySuspended => "already-suspended",
            Reason::AlreadyActive => "already-active",
            Reason::AlreadyCancelled => "already-cancelled",
            Reason::ActiveSubscriptions { .. } => "active-subscriptions",
            Reason::ActiveReservations { .. } => "active-reservations",
            Reason::ActiveSoftware { .. } => "active-software",
        }
    }

    /// The condition that, once true, removes this reason (the page links to the article
    /// step that makes it true). `None` when no step of the procedure fixes it.
    pub fn fixed_by_id(id: &str) -> Option<Condition> {
        match id {
            "active-subscriptions" => Some(Condition::NoActiveSubscriptions),
            "active-reservations" => Some(Condition::NoActiveReservations),
            "active-software" => Some(Condition::NoActiveSoftware),
            _ => None,
        }
    }

    pub fn fixed_by(&self) -> Option<Condition> {
        Reason::fixed_by_id(self.id())
    }
}

/// An action was refused; `reasons` is never empty and lists every failed precondition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub reasons: Vec<Reason>,
}

impl Rejection {
    fn one(reason: Reason) -> Rejection {
        Rejection { reasons: vec![reason] }
    }
}

impl CustomerState {
    pub fn active_subscriptions(&self) -> usize {
        self.subscriptions.values().filter(|s| **s == SubscriptionStatus::Active).count()
    }

    pub fn active_reservations(&self) -> usize {
        self.reservations.values().filter(|s| **s == PurchaseStatus::Active).count()
    }

    pub fn active_software(&self) -> usize {
        self.software.values().filter(|s| **s == PurchaseStatus::Active).count()
    }

    pub fn is_listed(&self) -> bool {
        self.relationship == Relationship::Active
    }

    /// Evaluates one condition.
    pub fn evaluate(&self, condition: Condition) -> bool {
        let removed = self.relationship == Relationship::Removed;
        match condition {
            Condition::NoActiveSubscriptions => self.active_subscriptions() == 0,
            Condition::NoActiveReservations => self.active_reservations() == 0,
            Condition::NoActiveSoftware => self.active_software() == 0,
            Condition::RemovalAllowed => {
                !removed
                    && self.active_subscriptions() == 0
                    && self.active_reservations() == 0
                    && self.active_software() == 0
            }
            Condition::RelationshipRemoved => removed,
            Condition::NotInCustomerList => !self.is_listed(),
            Condition::NoDelegatedAdmin => !self.delegated_admin,
            Condition::NotSupportContact => !self.support_contact,
            Condition::PurchasesRefused => removed,
        }
    }
}

impl State {
    /// Evaluates `condition` for `customer`; `None` for an unknown customer.
    pub fn evaluate(&self, customer: &str, condition: Condition) -> Option<bool> {
        self.customers.get(customer).map(|c| c.evaluate(condition))
    }

    /// Every condition for every customer, by id (the JSON the page's checklist reads).
    pub fn conditions(&self) -> BTreeMap<String, BTreeMap<Condition, bool>> {
        self.customers
            .iter()
            .map(|(id, c)| {
                (id.clone(), Condition::ALL.into_iter().map(|k| (k, c.evaluate(k))).collect())
            })
            .collect()
    }

    /// Customers the Customers list shows, in scenario order.
    pub fn listed<'a>(&self, scenario: &'a Scenario) -> Vec<&'a Customer> {
        scenario
            .customers
            .iter()
            .filter(|c| self.customers.get(&c.id).is_some_and(|s| s.is_listed()))
            .collect()
    }
}

/// Applies `action` to `state`: the new state, or why the action is refused. Never panics.
///
/// Checks run in a fixed order (the JavaScript runtime mirrors it): unknown customer,
/// unknown item, relationship removed, then the action's own preconditions.
pub fn apply(state: &State, action: &Action) -> Result<State, Rejection> {
    let Some(customer) = state.customers.get(action.customer()) else {
        return Err(Rejection::one(Reason::UnknownCustomer));
    };
    let mut next = customer.clone();
    match action {
        Action::SuspendSubscription { item, .. } | Action::ReactivateSubscription { item, .. } => {
            let suspend = matches!(action, Action::SuspendSubscription { .. });
            let Some(status) = next.subscriptions.get_mut(item) else {
                return Err(Rejection::one(Reason::UnknownItem));
            };
            if customer.relationship == Relationship::Removed {
                return Err(Rejection::one(Reason::RelationshipRemoved));
            }
            match (suspend, *status) {
                (true, SubscriptionStatus::Suspended) => {
                    return Err(Rejection::one(Reason::AlreadySuspended));
                }
                (false, SubscriptionStatus::Active) => {
                    return Err(Rejection::one(Reason::AlreadyActive));
                }
                (true, _) => *status = SubscriptionStatus::Suspended,
                (false, _) => *status = SubscriptionStatus::Active,
            }
        }
        Action::CancelReservation { item, .. } | Action::CancelSoftware { item, .. } => {
            let items = if matches!(action, Action::CancelReservation { .. }) {
                &mut next.reservations
            } else {
                &mut next.software
            };
            let Some(status) = items.get_mut(item) else {
                return Err(Rejection::one(Reason::UnknownItem));
            };
            if customer.relationship == Relationship::Removed {
                return Err(Rejection::one(Reason::RelationshipRemoved));
            }
            if *status == PurchaseStatus::Cancelled {
                return Err(Rejection::one(Reason::AlreadyCancelled));
            }
            *status = PurchaseStatus::Cancelled;
        }
        Action::RemoveRelationship { .. } => {
            if customer.relationship == Relationship::Removed {
                return Err(Rejection::one(Reason::RelationshipRemoved));
            }
            let mut reasons = Vec::new();
            let counts = [
                (
                    customer.active_subscriptions(),
                    (|count| Reason::ActiveSubscriptions { count }) as fn(usize) -> Reason,
                ),
                (customer.active_reservations(), |count| Reason::ActiveReservations { count }),
                (customer.active_software(), |count| Reason::ActiveSoftware { count }),
            ];
            for (count, reason) in counts {
                if count > 0 {
                    reasons.push(reason(count));
                }
            }
            if !reasons.is_empty() {
                return Err(Rejection { reasons });
            }
            next.relationship = Relationship::Removed;
            next.delegated_admin = false;
            next.support_contact = false;
        }
        Action::Purchase { .. } => {
            if customer.relationship == Relationship::Removed {
                return Err(Rejection::one(Reason::RelationshipRemoved));
            }
        }
    }
    let mut state = state.clone();
    state.customers.insert(action.customer().to_string(), next);
    Ok(state)
}

/// Every action that names an existing customer and item, in a fixed order: per customer
/// (by id), subscriptions (suspend, reactivate), reservations, software, remove, purchase.
pub fn all_actions(state: &State) -> Vec<Action> {
    let mut out = Vec::new();
    for (id, c) in &state.customers {
        let customer = || id.clone();
        for item in c.subscriptions.keys() {
            out.push(Action::SuspendSubscription { customer: customer(), item: item.clone() });
            out.push(Action::ReactivateSubscription { customer: customer(), item: item.clone() });
        }
        for item in c.reservations.keys() {
            out.push(Action::CancelReservation { customer: customer(), item: item.clone() });
        }
        for item in c.software.keys() {
            out.push(Action::CancelSoftware { customer: customer(), item: item.clone() });
        }
        out.push(Action::RemoveRelationship { customer: customer() });
        out.push(Action::Purchase { customer: customer() });
    }
    out
}

/// The actions [`apply`] would accept now, in [`all_actions`] order.
pub fn enabled_actions(state: &State) -> Vec<Action> {
    all_actions(state).into_iter().filter(|a| apply(state, a).is_ok()).collect()
}

#[cfg(test)]
mod tests;
