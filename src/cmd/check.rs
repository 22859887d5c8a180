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
    /// Apply the machine-applicable suggestions to the translations, print what changed,
    /// then check again.
    #[arg(long)]
    pub fix: bool,
    /// After the diagnostics, a worklist: the count per code and per file, and how many a
    /// `--fix` would apply.
    #[arg(long)]
    pub summary: bool,
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
    let mut checked = None;
    if args.fix {
        let report;
        (report, checked) = crate::fix::fix_project(root, &options)?;
        eprint!("{}", report.render());
    }
    let mut findings = checked.unwrap_or_else(|| project::check(root, &options)).findings;
    for finding in &mut findings {
        severity::settle(&mut finding.diag, args.strict);
    }
    sort_findings(&mut findings);
    let diags: Vec<Diagnostic> = findings.iter().map(|f| f.diag.clone()).collect();
    match args.format {
        Format::Human => {
            print!("{}", diag::render_all(&diags));
            if args.summary {
                print!("{}", render_summary(&findings));
            }
        }
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
                "message": &*f.diag.message,
                "locale": f.locale,
                "scope": f.scope,
                "id": f.id,
                "suggestions": f.diag.suggestions.iter().map(suggestion_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    let errors = findings.iter().filter(|f| f.diag.is_error()).count();
    let value = serde_json::json!({
        "diagnostics": items,
        "errors": errors,
        "warnings": findings.len() - errors,
        "by_code": worklist(findings).into_iter().map(|(code, w)| (code.to_string(), serde_json::json!({
            "count": w.count,
            "fixable": w.fixable,
            "files": w.files,
        }))).collect::<serde_json::Map<_, _>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn suggestion_json(s: &diag::Suggestion) -> serde_json::Value {
    serde_json::json!({
        "message": s.message,
        "applicability": s.applicability.as_str(),
        "edits": s.edits.iter().map(|e| serde_json::json!({
            "line": e.start.0,
            "col": e.start.1,
            "end_line": e.end.0,
            "end_col": e.end.1,
            "replacement": e.replacement,
        })).collect::<Vec<_>>(),
    })
}

/// One code's share of the findings.
#[derive(Default)]
struct Work {
    count: usize,
    /// Findings with a machine-applicable suggestion.
    fixable: usize,
    /// Findings per file.
    files: std::collections::BTreeMap<String, usize>,
}

fn worklist(findings: &[Finding]) -> std::collections::BTreeMap<&'static str, Work> {
    let mut by_code: std::collections::BTreeMap<&'static str, Work> = Default::default();
    for f in findings {
        let work = by_code.entry(f.diag.code).or_default();
        work.count += 1;
        let sure = diag::Applicability::MachineApplicable;
        work.fixable += usize::from(f.diag.suggestions.iter().any(|s| s.applicability == sure));
        *work.files.entry(f.diag.path.clone()).or_default() += 1;
    }
    by_code
}

/// `--summary`: per code, the count, how many `--fix` applies, and the files with the most.
fn render_summary(findings: &[Finding]) -> String {
    use std::fmt::Write as _;
    let mut out =
        String::from("\nworklist (code: findings, fixable with --fix; files with the most):\n");
    for (code, work) in worklist(findings) {
        let mut files: Vec<_> = work.files.iter().collect();
        files.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = files.iter().take(3).map(|(p, n)| format!("{p} ({n})")).collect();
        let more = files.len().saturating_sub(3);
        let _ =
            write!(out, "  {code}: {}, {} fixable; {}", work.count, work.fixable, top.join(", "));
        if more > 0 {
            let _ = write!(out, " and {more} more file{}", if more == 1 { "" } else { "s" });
        }
        out.push('\n');
    }
    out
}
