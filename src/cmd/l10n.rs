//! `drillbook l10n status` (a table of translated / missing / stale / with errors per locale
//! and article) and `drillbook l10n accept <locale> [<article>|<scope>/<id>|<id>...]` (record
//! a review in `locales/<locale>/l10n.lock`).
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
use crate::l10n::reviewed::{
    self, REVIEWED_FILE, Reviewed, parse_reviewed, render_reviewed, render_word_diff,
};
use crate::paths::write_atomic;

#[derive(Debug, Args)]
pub struct L10nArgs {
    #[command(subcommand)]
    pub command: L10nCommand,
}

#[derive(Debug, Subcommand)]
pub enum L10nCommand {
    /// Per locale and article: messages translated, missing, stale and with errors.
    Status(StatusArgs),
    /// Record that the translations of a locale were reviewed against the current English:
    /// all of them, or the given ones: an article or file (`remove-a-relationship`, every
    /// message of the file), `scope/id` (`ui/-ui-customers`, as `check` prints it) or `id`.
    /// An id that starts with `-` (a term) needs its scope, or `--` before it.
    Accept {
        locale: String,
        #[arg(value_name = "ARTICLE|SCOPE/ID|ID")]
        ids: Vec<String>,
    },
    /// Write a locale's messages as XLIFF 1.2 (or its reviewed translations as TMX 1.4).
    Export(crate::cmd::l10n_xliff::ExportArgs),
    /// Write the targets of an XLIFF 1.2 file back into the locale's `.ftl` files.
    Import(crate::cmd::l10n_xliff::ImportArgs),
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Then, for each stale message: the English it was reviewed against, the English now,
    /// a word diff of the two (`[-removed-]{+added+}`) and the translation.
    #[arg(long)]
    pub diff: bool,
    /// With `--diff`: only these locales (repeatable).
    #[arg(long = "locale", value_name = "L")]
    pub locales: Vec<String>,
    /// Then, for missing and stale messages: translation-memory matches (docs/xliff.md).
    #[arg(long)]
    pub suggest: bool,
}

pub fn run(root: &Path, args: &L10nArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        L10nCommand::Status(status_args) => {
            let code = status(root, status_args)?;
            if !status_args.suggest || code != ExitCode::SUCCESS {
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
fn status(root: &Path, args: &StatusArgs) -> anyhow::Result<ExitCode> {
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
        if args.diff {
            print!("{}", render_stale_details(root, &checked, &args.locales));
        }
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
    // The reviewed English first: a lock is never ahead of the texts it can show.
    let reviewed_path = root.join("locales").join(locale).join(REVIEWED_FILE);
    let mut kept = std::fs::read_to_string(&reviewed_path)
        .map_or_else(|_| Reviewed::new(), |t| parse_reviewed(&t));
    reviewed::record(&mut kept, &accepted.lock, &reviewed::entry_texts(l10n.source()));
    write_atomic(&reviewed_path, render_reviewed(locale, &accepted.lock, &kept).as_bytes())
        .with_context(|| format!("failed to write `{}`", reviewed_path.display()))?;
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

/// `status --diff`: each stale message of the chosen locales (all when none), with the old
/// and new English, their word diff and the translation.
/// Texts of the English and of translations are shown with their control characters escaped.
fn render_stale_details(root: &Path, checked: &crate::project::Checked, only: &[String]) -> String {
    let shown = crate::diag::escape_controls;
    let mut by_locale: std::collections::BTreeMap<&str, Vec<(String, String)>> = Default::default();
    for f in checked.findings.iter().filter(|f| f.diag.code == "stale") {
        if !only.is_empty() && !only.contains(&f.locale) {
            continue;
        }
        if let Some(id) = &f.id {
            by_locale.entry(&f.locale).or_default().push((f.scope.clone(), id.clone()));
        }
    }
    let mut out = String::new();
    for (locale, stale) in by_locale {
        let source = checked.locales[0].clone();
        let (l10n, _) = crate::l10n::load_l10n(root, &[source, locale.to_string()]);
        let (lock, _) = check::stale::load_lock(root, locale);
        let stored = std::fs::read_to_string(root.join("locales").join(locale).join(REVIEWED_FILE));
        let kept = stored.map_or_else(|_| Reviewed::new(), |t| parse_reviewed(&t));
        for d in reviewed::stale_details(&l10n, locale, &stale, &lock, &kept) {
            let _ = writeln!(out, "\n{} {}/{}", d.locale, d.scope, d.id);
            match &d.old {
                Some(old) => {
                    let _ = writeln!(out, "  reviewed English: {}", shown(old));
                    let _ = writeln!(out, "  English now:      {}", shown(&d.new));
                    let diff = render_word_diff(&d.diff());
                    let _ = writeln!(out, "  changes:          {}", shown(&diff));
                }
                None => {
                    let _ = writeln!(
                        out,
                        "  reviewed English: (not recorded: `l10n accept` records it)"
                    );
                    let _ = writeln!(out, "  English now:      {}", shown(&d.new));
                }
            }
            let _ = writeln!(out, "  translation:      {}", shown(&d.translation));
        }
    }
    out
}
