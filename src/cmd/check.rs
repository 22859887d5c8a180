//! `drillbook check`: load content and locales as `build` does, run every check, print the
//! diagnostics (human or JSON) and exit 0 (clean), 1 (errors; warnings too with `--strict`).

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::check::{self, Finding};
use crate::diag::{self, Diagnostic};

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
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Check only these locales (repeatable); the source locale's own problems are always shown.
    #[arg(long = "locale", value_name = "L")]
    pub locales: Vec<String>,
}

/// Loads everything `check` reads. Loader diagnostics come back as findings of the source
/// locale; the loader's `ftl-syntax` errors are left to `check`, which reports the same junk
/// (and skips a byte-order mark, which the runtime parser does not).
pub fn load_and_check(root: &Path) -> anyhow::Result<Checked> {
    let (site, mut loader_diags) = crate::content::load_site(root);
    let Some(site) = site else {
        diag::sort(&mut loader_diags);
        let findings = loader_diags
            .into_iter()
            .map(|diag| Finding { diag, locale: String::new(), scope: String::new(), id: None })
            .collect();
        return Ok(Checked { findings, locales: Vec::new(), status: check::Status::default() });
    };
    let locales = site_locales(&site);
    let (l10n, l10n_diags) = crate::l10n::load_l10n(root, &locales);
    loader_diags
        .extend(l10n_diags.into_iter().filter(|d| !crate::l10n::PARSER_CODES.contains(&d.code)));
    let (data, data_diags) = check::load_check_data(root, &l10n);
    loader_diags.extend(data_diags);
    let input = check::Input { l10n: &l10n, site: Some(&site), data: &data };
    let (mut findings, status) = check::findings_and_status(&input);
    let source = locales[0].clone();
    findings.extend(loader_diags.into_iter().map(|diag| Finding {
        diag,
        locale: source.clone(),
        scope: String::new(),
        id: None,
    }));
    Ok(Checked { findings, locales, status })
}

/// What [`load_and_check`] found.
pub struct Checked {
    pub findings: Vec<Finding>,
    /// The site's locales, the source locale first (empty when `site.toml` did not load).
    pub locales: Vec<String>,
    pub status: check::Status,
}

/// The site's locales, the default (source) locale first.
pub fn site_locales(site: &crate::content::Site) -> Vec<String> {
    let mut locales = vec![site.config.default_locale.get_ref().clone()];
    for locale in &site.config.locales {
        if !locales.contains(locale.get_ref()) {
            locales.push(locale.get_ref().clone());
        }
    }
    locales
}

pub fn run(root: &Path, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    if !root.join("content").is_dir() && !root.join("locales").is_dir() {
        anyhow::bail!("`{}` has no `content/` or `locales/` directory", root.display());
    }
    let checked = load_and_check(root)?;
    let unknown =
        args.locales.iter().find(|l| !checked.locales.is_empty() && !checked.locales.contains(l));
    if let Some(unknown) = unknown {
        anyhow::bail!("`{unknown}` is not a locale of this site ({})", checked.locales.join(", "));
    }
    let source = checked.locales.first().cloned().unwrap_or_default();
    let mut findings = check::filter_locales(checked.findings, &source, &args.locales);
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
    let failed = diags.iter().any(|d| d.is_error() || args.strict);
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
