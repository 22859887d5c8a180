//! `drillbook l10n status` (a table of translated / missing / stale / with errors per locale
//! and article) and `drillbook l10n accept <locale> [<message-id>...]` (record a review in
//! `locales/<locale>/l10n.lock`).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Subcommand};

use crate::check::{self, Status};
use crate::l10n::lock::{LOCK_FILE, render_lock};

#[derive(Debug, Args)]
pub struct L10nArgs {
    #[command(subcommand)]
    pub command: L10nCommand,
}

#[derive(Debug, Subcommand)]
pub enum L10nCommand {
    /// Per locale and article: messages translated, missing, stale and with errors.
    Status,
    /// Record that the translations of a locale were reviewed against the current English
    /// (all of them, or the given message ids: `id` or `scope/id`).
    Accept {
        locale: String,
        #[arg(value_name = "MESSAGE-ID")]
        ids: Vec<String>,
    },
}

pub fn run(root: &Path, args: &L10nArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        L10nCommand::Status => {
            let checked = crate::cmd::check::load_and_check(root)?;
            print!("{}", render_status(&checked.status));
            Ok(ExitCode::SUCCESS)
        }
        L10nCommand::Accept { locale, ids } => accept(root, locale, ids),
    }
}

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
    let (l10n, _) = crate::l10n::load_l10n(root, &locales);
    let (data, diags) = check::load_check_data(root, &l10n);
    if let Some(diag) = diags.iter().find(|d| d.code == "invalid-lock") {
        anyhow::bail!("fix the lock file first: {}", diag.headline());
    }
    let lock = data.locks.get(locale).cloned().unwrap_or_default();
    let accepted = check::stale::accept(&l10n, locale, &lock, ids).context("no source locale")?;
    if !accepted.unknown.is_empty() {
        anyhow::bail!("no translated message `{}` in {locale}", accepted.unknown.join("`, `"));
    }
    let path = root.join("locales").join(locale).join(LOCK_FILE);
    std::fs::write(&path, render_lock(locale, &accepted.lock))
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
