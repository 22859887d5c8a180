//! Rendering: view models for pages. (Placeholder holding the simulator's view until the
//! page renderer lands; it keeps these two lines.)

mod sim_view;
pub use sim_view::sim_view;
