//! drillbook: a static-site generator for localized, rehearsable procedures.
//!
//! Data flows one way: `project` loads the model (`content` + `l10n`) for every command,
//! `check` judges it, `render` writes pages from it. See ARCHITECTURE.md.

pub mod build;
pub mod check;
mod checklist;
pub mod cli;
pub mod cmd;
pub mod content;
pub mod diag;
pub mod fix;
pub mod import;
pub mod l10n;
mod md_shape;
mod new;
mod paths;
pub mod project;
pub mod render;
pub mod search;
mod serve;
pub mod sim;
pub mod xliff;
