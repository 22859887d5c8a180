//! `drillbook serve`: build, serve on 127.0.0.1, rebuild on change, reload open pages.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port on 127.0.0.1.
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Output directory [default: ROOT/site]. An existing one must be empty or built by
    /// drillbook.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Replace the output directory even if it is not empty and drillbook did not build it.
    /// Never the project, its input folders or a folder holding them.
    #[arg(long)]
    pub force: bool,
    /// Treat warnings as errors when rebuilding.
    #[arg(long)]
    pub strict: bool,
}

pub fn run(root: &Path, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let out = args.out.clone().unwrap_or_else(|| root.join("site"));
    // Refused (exit 2) before the first build; a symlink resolves to its target.
    let out = crate::render::write::check_out(root, &out, args.force)?;
    crate::serve::serve(root, &out, args.port, args.strict)?;
    Ok(ExitCode::SUCCESS)
}
