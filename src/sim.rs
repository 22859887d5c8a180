//! The Partner Center simulator's reference semantics: scenarios (sample customers), their
//! state, the actions a reader can take and the rules that accept or refuse them.
//!
//! This module is pure and knows nothing about HTML, Fluent or the browser: human-readable
//! strings are named by Fluent message ids (data) and formatted by `render::sim_view`. The
//! page's JavaScript runtime (`assets/sim.js`) implements the same rules; the trace test
//! (`tests/sim_traces.rs` + `tests/js/sim.test.mjs`) proves the two agree.
//!
//! Conditions ([`Condition`]) and actions ([`ActionKind`]) have stable kebab-case ids, so a
//! checklist can tick as the state changes.

mod load;
mod model;
mod score;

pub use load::{load_scenarios, parse_scenario, scenarios_in_set};
pub use model::*;
pub use score::{Attempt, Judged, MAX_ALLOWED_MISTAKES, Rule, Score, assess, judge, score};
