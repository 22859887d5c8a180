//! `drillbook package <article> --format scorm-1.2|scorm-2004|cmi5 [--locale L]... [--out
//! FILE.zip]`: writes one article as a training package for an LMS.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::diag;
use crate::package::{self, Format};

#[derive(Debug, Args)]
pub struct PackageArgs {
    /// The article to package (its id: the file name in `content/articles/` without `.toml`).
    #[arg(value_name = "ARTICLE")]
    pub article: String,
    /// The package format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Include this locale (repeatable) [default: every locale the article is translated into].
    #[arg(long = "locale", value_name = "L")]
    pub locales: Vec<String>,
    /// The zip file to write (default: `ROOT/<article>-<format>.zip`).
    #[arg(long, value_name = "FILE.zip")]
    pub out: Option<PathBuf>,
}

pub fn run(root: &Path, args: &PackageArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let options = package::Options { format: args.format, locales: args.locales.clone() };
    let (built, diags) = package::build(root, &args.article, &options)?;
    if !diags.is_empty() {
        eprint!("{}", diag::render_all(&diags));
    }
    let Some(built) = built else {
        eprintln!("error: no package written");
        let io = diags.iter().any(|d| d.is_error() && d.code == "io");
        return Ok(ExitCode::from(if io { 2 } else { 1 }));
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| root.join(format!("{}-{}.zip", args.article, args.format.name())));
    crate::paths::write_atomic(&out, &built.zip)
        .with_context(|| format!("failed to write `{}`", out.display()))?;
    eprintln!(
        "packaged `{}` as {} ({}; {} files, {:.1} KiB) into {} in {} ms",
        args.article,
        args.format.name(),
        built.locales.join(", "),
        built.files.len(),
        built.zip.len() as f64 / 1024.0,
        out.display(),
        started.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}
