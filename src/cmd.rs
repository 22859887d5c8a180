//! Subcommands. Each `run` returns the process exit code; operational failures are `Err`.

pub mod build;
pub mod import;
