//! `drillbook check`: load content and locales as `build` does, run every check, print the
//! diagnostics (human or JSON) and exit 0 (clean), 1 (errors; with `--strict`, the warnings
//! it promotes too), 2 (a file could not be read).

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::check::{Finding, severity};
use crate::diag::{self, Diagnostic};
use crate::project::{self, LoadOptions};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail on the warnings `--strict` promotes (a lagging translation; see the README's
    /// "Diagnostics and severities").
    #[arg(long)]
    pub strict: bool,
    /// Check only these locales (repeatable); the source locale is always loaded and checked.
    #[arg(long = "locale", value_name = "L")]
    pub locales: Vec<String>,
}

/// Loads the project and runs every check ([`project::check`]), every locale.
pub fn load_and_check(root: &Path) -> anyhow::Result<Checked> {
    Ok(project::check(root, &LoadOptions::default()))
}

/// What [`load_and_check`] found.
pub use crate::project::Checked;

/// The site's locales, the default (source) locale first.
pub use crate::project::site_locales;

pub fn run(root: &Path, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    if !root.join("content").is_dir() && !root.join("locales").is_dir() {
        anyhow::bail!("`{}` has no `content/` or `locales/` directory", root.display());
    }
    if let (false, (Some(site), _)) = (args.locales.is_empty(), crate::content::load_site(root)) {
        let configured = site_locales(&site);
        if let Some(unknown) = args.locales.iter().find(|l| !configured.contains(l)) {
            anyhow::bail!("`{unknown}` is not a locale of this site ({})", configured.join(", "));
        }
    }
    // Only the source locale and the chosen ones are loaded, as `build --locale` does.
    let options = LoadOptions { locales: args.locales.clone(), defer_articles: false };
    let mut findings = project::check(root, &options).findings;
    for finding in &mut findings {
        severity::settle(&mut finding.diag, args.strict);
    }
    sort_findings(&mut findings);
    let diags: Vec<Diagnostic> = findings.iter().map(|f| f.diag.clone()).collect();
    match args.format {
        Format::Human => print!("{}", diag::render_all(&diags)),
        Format::Json => println!("{}", render_json(&findings)),
    }
    // A file that could not be read is an operational failure, not a translation problem.
    if diags.iter().any(|d| d.code == "io") {
        return Ok(ExitCode::from(2));
    }
    let failed = diags.iter().any(Diagnostic::is_error);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Sorts like [`diag::sort`] (path, line, column, severity, code, message) and drops
/// duplicate diagnostics.
pub fn sort_findings(findings: &mut Vec<Finding>) {
    fn key(f: &Finding) -> (&str, usize, usize, diag::Severity, &str, &str) {
        let (line, col) = f.diag.pos.as_ref().map_or((0, 0), |p| (p.line, p.col));
        (&f.diag.path, line, col, f.diag.severity, f.diag.code, &f.diag.message)
    }
    findings.sort_by(|a, b| key(a).cmp(&key(b)));
    findings.dedup_by(|a, b| a.diag == b.diag);
}

/// `{"diagnostics": [...], "errors": N, "warnings": M}`; each diagnostic with its locale and
/// message id so tools can match findings.
pub fn render_json(findings: &[Finding]) -> String {
    let items: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let (line, col) =
                f.diag.pos.as_ref().map_or((None, None), |p| (Some(p.line), Some(p.col)));
            serde_json::json!({
                "path": f.diag.path,
                "line": line,
                "col": col,
                "severity": f.diag.severity.as_str(),
                "code": f.diag.code,
                "message": f.diag.message,
                "locale": f.locale,
                "scope": f.scope,
                "id": f.id,
            })
        })
        .collect();
    let errors = findings.iter().filter(|f| f.diag.is_error()).count();
    let value = serde_json::json!({
        "diagnostics": items,
        "errors": errors,
        "warnings": findings.len() - errors,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
