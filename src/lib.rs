//! drillbook: a static-site generator for localized, rehearsable procedures.
//!
//! Data flows one way: `content` + `l10n` load the model, `render` writes pages, `check`
//! judges translations against the same model. See ARCHITECTURE.md.

pub mod build;
pub mod check;
pub mod checklist;
pub mod cli;
pub mod cmd;
pub mod content;
pub mod diag;
pub mod import;
pub mod l10n;
pub mod md_shape;
pub mod paths;
pub mod project;
pub mod render;
pub mod search;
pub mod serve;
pub mod sim;
