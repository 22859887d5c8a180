//! Subcommands. Each `run` returns the process exit code; operational failures are `Err`.

pub mod build;
pub mod check;
pub mod checklist;
pub mod import;
pub mod l10n;
pub mod l10n_xliff;
pub mod new;
pub mod package;
pub mod serve;
