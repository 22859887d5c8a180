//! Command-line interface: clap derive structs, one variant per subcommand.

use clap::{Parser, Subcommand};

/// drillbook builds localized, rehearsable procedure sites from structured content and
/// Fluent translations.
#[derive(Debug, Parser)]
#[command(name = "drillbook", version, about, long_about = None)]
pub struct Cli {
    /// Project directory (holding `content/`, `locales/`).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: std::path::PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into `site/` (or `--out`).
    Build(crate::cmd::build::BuildArgs),
    /// Import articles and their translations from other formats (DocFX).
    Import(crate::cmd::import::ImportArgs),
    /// Build, serve on 127.0.0.1, rebuild on change and reload open pages.
    Serve(crate::cmd::serve::ServeArgs),
    /// Print a concrete checklist for one customer described in a scenario file.
    Checklist(crate::cmd::checklist::ChecklistArgs),
    /// Write one article as a training package for an LMS (SCORM 1.2, SCORM 2004, cmi5).
    Package(crate::cmd::package::PackageArgs),
    /// Check every translation against the English source.
    Check(crate::cmd::check::CheckArgs),
    /// Translation status and reviews (`status`, `accept`).
    L10n(crate::cmd::l10n::L10nArgs),
    /// Create a project, or add an article, a locale or a UI term to one.
    New(crate::cmd::new::NewArgs),
}
