//! `drillbook l10n status` (a table of translated / missing / stale / with errors per locale
//! and article) and `drillbook l10n accept <locale> [<message-id>...]` (record a review in
//! `locales/<locale>/l10n.lock`).
//!
//! Exit codes: `status` is a report, so translation problems leave it at 0; it exits 2 when
//! an input could not be read (an `io` error, a locale directory that is missing or a
//! dangling symlink) and 1 when one could not be decoded (`invalid-utf8`, `invalid-lock`),
//! with those diagnostics on stderr. `accept` writes nothing while a file of the source or
//! the target locale, or the target's lock, cannot be read, decoded or parsed (2 for I/O,
//! else 1): the messages it cannot see would lose their review records.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Subcommand};

use crate::check::{self, Status};
use crate::diag::{self, Diagnostic};
use crate::l10n::lock::{LOCK_FILE, render_lock};
use crate::paths::write_atomic;

#[derive(Debug, Args)]
pub struct L10nArgs {
    #[command(subcommand)]
    pub command: L10nCommand,
}

#[derive(Debug, Subcommand)]
pub enum L10nCommand {
    /// Per locale and article: messages translated, missing, stale and with errors.
    Status {
        /// Also list translation-memory matches for missing and stale messages.
        #[arg(long)]
        suggest: bool,
    },
    /// Record that the translations of a locale were reviewed against the current English
    /// (all of them, or the given message ids: `id` or `scope/id`).
    Accept {
        locale: String,
        #[arg(value_name = "MESSAGE-ID")]
        ids: Vec<String>,
    },
    /// Write a locale's messages as XLIFF 1.2 (or its reviewed translations as TMX 1.4).
    Export(crate::cmd::l10n_xliff::ExportArgs),
    /// Write the targets of an XLIFF 1.2 file back into the locale's `.ftl` files.
    Import(crate::cmd::l10n_xliff::ImportArgs),
}

pub fn run(root: &Path, args: &L10nArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        L10nCommand::Status { suggest: false } => status(root),
        L10nCommand::Status { suggest: true } => {
            let code = status(root)?;
            if code != ExitCode::SUCCESS {
                return Ok(code);
            }
            crate::cmd::l10n_xliff::suggest(root)
        }
        L10nCommand::Accept { locale, ids } => accept(root, locale, ids),
        L10nCommand::Export(args) => crate::cmd::l10n_xliff::export(root, args),
        L10nCommand::Import(args) => crate::cmd::l10n_xliff::import(root, args),
    }
}

/// Loader problems that make the status table wrong or incomplete: a file that could not be
/// read (exit 2) or decoded (exit 1). The table's own subject, translation problems, does not
/// change the exit code.
fn status(root: &Path) -> anyhow::Result<ExitCode> {
    let mut checked = crate::cmd::check::load_and_check(root)?;
    if checked.findings.iter().any(|f| f.diag.code == "missing-locale") {
        if let (Some(site), _) = crate::content::load_site(root) {
            let mut diags: Vec<Diagnostic> =
                checked.findings.iter().map(|f| f.diag.clone()).collect();
            crate::content::position_missing_locales(root, &site, &mut diags);
            for (finding, diag) in checked.findings.iter_mut().zip(diags) {
                finding.diag = diag;
            }
        }
    }
    let mut unreadable: Vec<Diagnostic> = checked
        .findings
        .iter()
        .filter(|f| {
            matches!(f.diag.code, "io" | "missing-locale" | "invalid-utf8" | "invalid-lock")
                || (checked.locales.is_empty() && f.diag.is_error())
        })
        .map(|f| f.diag.clone())
        .collect();
    if !checked.locales.is_empty() {
        print!("{}", render_status(&checked.status));
    }
    if unreadable.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    diag::sort(&mut unreadable);
    eprint!("{}", diag::render_all(&unreadable));
    eprintln!("error: the status is incomplete: fix the files above");
    Ok(input_or_io_failure(&unreadable))
}

/// Exit 2 when a file could not be read at all, else 1 (it was read but is not valid).
fn input_or_io_failure(diags: &[Diagnostic]) -> ExitCode {
    if diags.iter().any(|d| matches!(d.code, "io" | "missing-locale")) {
        ExitCode::from(2)
    } else {
        ExitCode::from(1)
    }
}

/// Diagnostic codes that stop `accept`: with any of them, a file's messages (or the lock's
/// records) would be invisible to it and their review records dropped.
const BLOCKS_ACCEPT: &[&str] =
    &["io", "missing-locale", "invalid-utf8", "ftl-syntax", "nesting-too-deep", "invalid-lock"];

fn accept(root: &Path, locale: &str, ids: &[String]) -> anyhow::Result<ExitCode> {
    let (site, _) = crate::content::load_site(root);
    let site =
        site.context("cannot load `content/site.toml`; run `drillbook check` for details")?;
    let locales = crate::cmd::check::site_locales(&site);
    if !locales[1..].iter().any(|l| l == locale) {
        anyhow::bail!(
            "`{locale}` is not a translated locale of this site ({})",
            locales[1..].join(", ")
        );
    }
    // Only the source locale (whose messages are fingerprinted) and `locale` matter.
    let involved = [locales[0].clone(), locale.to_string()];
    let (l10n, mut diags) = crate::l10n::load_l10n(root, &involved);
    crate::content::position_missing_locales(root, &site, &mut diags);
    let (lock, lock_diags) = check::stale::load_lock(root, locale);
    diags.extend(lock_diags);
    let mut blocking: Vec<Diagnostic> =
        diags.into_iter().filter(|d| BLOCKS_ACCEPT.contains(&d.code)).collect();
    if !blocking.is_empty() {
        diag::sort(&mut blocking);
        eprint!("{}", diag::render_all(&blocking));
        eprintln!(
            "error: nothing recorded: fix the files above first (`l10n accept` would drop \
             the review records of what it cannot read)"
        );
        return Ok(input_or_io_failure(&blocking));
    }
    let accepted = check::stale::accept(&l10n, locale, &lock, ids).context("no source locale")?;
    if !accepted.unknown.is_empty() {
        anyhow::bail!("no translated message `{}` in {locale}", accepted.unknown.join("`, `"));
    }
    let path = root.join("locales").join(locale).join(LOCK_FILE);
    write_atomic(&path, render_lock(locale, &accepted.lock).as_bytes())
        .with_context(|| format!("failed to write `{}`", path.display()))?;
    println!(
        "{locale}: {} review(s) recorded in locales/{locale}/{LOCK_FILE}",
        accepted.changed.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// The status table: one row per locale and scope, then one total row per locale.
pub fn render_status(status: &Status) -> String {
    let mut rows =
        vec![["locale", "file", "translated", "missing", "stale", "errors"].map(String::from)];
    for (locale, locale_status) in &status.locales {
        let scopes = locale_status.scopes.iter().map(|(s, st)| (s.as_str(), st));
        for (scope, s) in scopes.chain([("total", &locale_status.total)]) {
            rows.push([
                locale.clone(),
                scope.to_string(),
                format!("{}/{}", s.translated, s.messages),
                s.missing.to_string(),
                s.stale.to_string(),
                s.errors.to_string(),
            ]);
        }
    }
    let widths: Vec<usize> =
        (0..6).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            if i < 2 {
                let _ = write!(line, "{cell}{}  ", " ".repeat(pad));
            } else {
                let _ = write!(line, "{}{cell}  ", " ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
