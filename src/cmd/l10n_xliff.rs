//! `drillbook l10n export` (XLIFF 1.2 or TMX 1.4 of one locale), `drillbook l10n import
//! FILE.xlf` (targets back into the `.ftl` files, reviews of final units into the lock) and
//! the suggestions of `drillbook l10n status --suggest` (docs/xliff.md).
//!
//! Exit codes: 0 done; 1 when the XLIFF or a project file is invalid or a unit was refused
//! (the other `.ftl` files are still written); 2 when a file could not be read or written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, ValueEnum};

use crate::check::glossary::{GLOSSARY_FILE, Glossary, parse_glossary};
use crate::diag::{self, Diagnostic};
use crate::l10n::lock::{LOCK_FILE, Lock, render_lock};
use crate::l10n::reviewed::{self, REVIEWED_FILE, Reviewed, parse_reviewed, render_reviewed};
use crate::l10n::{L10n, LocaleFiles};
use crate::paths::{read_text, rel_path, write_atomic};
use crate::xliff::{self, Only};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    #[value(name = "xliff-1.2")]
    Xliff12,
    Tmx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The translated locale to export.
    #[arg(long)]
    pub locale: String,
    /// Which messages: missing, stale or all of them (XLIFF only).
    #[arg(long, value_enum, default_value = "all")]
    pub only: Only,
    #[arg(long, value_enum, default_value = "xliff-1.2")]
    pub format: ExportFormat,
    /// Write here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// An XLIFF 1.2 file (as `l10n export` writes it, edited by a CAT tool).
    #[arg(value_name = "FILE.xlf")]
    pub file: PathBuf,
}

/// Diagnostic codes that stop an export or import: with them, messages would be invisible.
const BLOCKING: &[&str] = &["io", "missing-locale", "invalid-utf8", "invalid-lock"];

/// What export and import work on: the source locale and the target locale's files, the
/// target's lock and the glossary.
type Loaded = (crate::content::Site, L10n, Lock, Option<Glossary>);

/// The source locale and `locale`, the lock of `locale` and the glossary; `Err` with the exit
/// code once the problems that block are printed.
fn load(root: &Path, locale: &str) -> anyhow::Result<Result<Loaded, ExitCode>> {
    let (site, _) = crate::content::load_site(root);
    let site =
        site.context("cannot load `content/site.toml`; run `drillbook check` for details")?;
    let locales = crate::project::site_locales(&site);
    if !locales[1..].iter().any(|l| l == locale) {
        anyhow::bail!(
            "`{locale}` is not a translated locale of this site ({})",
            locales[1..].join(", ")
        );
    }
    let involved = [locales[0].clone(), locale.to_string()];
    let (l10n, mut diags) = crate::l10n::load_l10n(root, &involved);
    let (lock, lock_diags) = crate::check::stale::load_lock(root, locale);
    diags.extend(lock_diags);
    let glossary_path = root.join(GLOSSARY_FILE);
    let glossary = if glossary_path.exists() {
        match read_text(root, &glossary_path) {
            Ok(text) => {
                let (g, more) = parse_glossary(&rel_path(root, &glossary_path), &text);
                diags.extend(more);
                Some(g)
            }
            Err(d) => {
                diags.push(d);
                None
            }
        }
    } else {
        None
    };
    let mut blocking: Vec<Diagnostic> =
        diags.into_iter().filter(|d| BLOCKING.contains(&d.code)).collect();
    if !blocking.is_empty() {
        diag::sort(&mut blocking);
        eprint!("{}", diag::render_all(&blocking));
        let io = blocking.iter().any(|d| matches!(d.code, "io" | "missing-locale"));
        return Ok(Err(ExitCode::from(if io { 2 } else { 1 })));
    }
    if l10n.locales.len() < 2 {
        anyhow::bail!("no files for `{locale}` or the source locale");
    }
    Ok(Ok((site, l10n, lock, glossary)))
}

fn pair(l10n: &L10n) -> (&LocaleFiles, &LocaleFiles) {
    (&l10n.locales[0], &l10n.locales[1])
}

pub fn export(root: &Path, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let (site, l10n, lock, glossary) = match load(root, &args.locale)? {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let (source, target) = pair(&l10n);
    let text = match args.format {
        ExportFormat::Xliff12 => {
            let reviewed = read_reviewed(root, &args.locale);
            let hidden = crate::check::earlier::hidden_ids(Some(&site), &args.locale);
            let glossary = glossary.as_ref();
            xliff::export_xliff_with(source, target, &lock, &reviewed, glossary, args.only, &hidden)
        }
        ExportFormat::Tmx => xliff::export_tmx(source, target, &lock),
    };
    match &args.out {
        Some(path) => {
            write_atomic(path, text.as_bytes())
                .with_context(|| format!("failed to write `{}`", path.display()))?;
            eprintln!("{}: wrote {}", args.locale, path.display());
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(root: &Path, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let shown = args.file.display().to_string();
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(err) => {
            eprintln!("error: cannot read `{shown}`: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("{shown}: error[invalid-utf8]: the XLIFF file is not UTF-8");
        return Ok(ExitCode::from(1));
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let (units, locale) = match xliff::read_xliff(&shown, &text) {
        Ok(read) => read,
        Err(d) => {
            eprint!("{}", diag::render_all(&[d]));
            return Ok(ExitCode::from(1));
        }
    };
    let Some(locale) = locale else {
        eprintln!("{shown}: error[invalid-xliff]: no `<file target-language=\"…\">`");
        return Ok(ExitCode::from(1));
    };
    let (_, l10n, mut lock, _) = match load(root, &locale)? {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let (source, target) = pair(&l10n);
    let mut outcome = xliff::apply::apply(&shown, &text, &units, source, target);
    let dir = root.join("locales").join(&locale);
    for (scope, new) in &outcome.files {
        let path = dir.join(format!("{scope}.ftl"));
        // The loader drops a byte-order mark; the file keeps the one it had.
        let bom = std::fs::read(&path).is_ok_and(|old| old.starts_with("\u{feff}".as_bytes()));
        let new = if bom { format!("\u{feff}{new}") } else { new.clone() };
        write_atomic(&path, new.as_bytes())
            .with_context(|| format!("failed to write `{}`", path.display()))?;
    }
    let mut recorded = 0;
    for (key, print) in std::mem::take(&mut outcome.reviewed) {
        if lock.get(&key) != Some(&print) {
            recorded += 1;
        }
        lock.insert(key, print);
    }
    if recorded > 0 {
        // The reviewed English first, as `l10n accept` does: a lock is never ahead of the
        // texts it can show.
        let reviewed_path = dir.join(REVIEWED_FILE);
        let mut kept = read_reviewed(root, &locale);
        reviewed::record(&mut kept, &lock, &reviewed::entry_texts(source));
        write_atomic(&reviewed_path, render_reviewed(&locale, &lock, &kept).as_bytes())
            .with_context(|| format!("failed to write `{}`", reviewed_path.display()))?;
        let path = dir.join(LOCK_FILE);
        write_atomic(&path, render_lock(&locale, &lock).as_bytes())
            .with_context(|| format!("failed to write `{}`", path.display()))?;
    }
    println!(
        "{locale}: {} translation(s) written to {} file(s), {recorded} review(s) recorded in locales/{locale}/{LOCK_FILE}",
        outcome.changed,
        outcome.files.len()
    );
    if outcome.diags.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    diag::sort(&mut outcome.diags);
    eprint!("{}", diag::render_all(&outcome.diags));
    eprintln!(
        "error: {} unit(s) refused; nothing was written to the files they belong to",
        outcome.diags.len()
    );
    Ok(ExitCode::from(1))
}

/// `l10n status --suggest`: for every translated locale, the translation-memory matches of
/// its missing and stale messages, and how many have one.
pub fn suggest(root: &Path) -> anyhow::Result<ExitCode> {
    let (site, _) = crate::content::load_site(root);
    let site =
        site.context("cannot load `content/site.toml`; run `drillbook check` for details")?;
    let locales = crate::project::site_locales(&site);
    for locale in &locales[1..] {
        let (site, l10n, lock, _) = match load(root, locale)? {
            Ok(loaded) => loaded,
            Err(code) => return Ok(code),
        };
        let (source, target) = pair(&l10n);
        let (mut units, memory) = xliff::suggestions(source, target, &lock);
        // Messages the locale never shows (other revisions' `earlier` blocks) need nothing.
        let hidden = crate::check::earlier::hidden_ids(Some(&site), locale);
        units.retain(|(u, _)| !hidden.get(&u.scope).is_some_and(|ids| ids.contains(&u.message)));
        let mut messages: std::collections::BTreeMap<String, bool> = Default::default();
        for (unit, matches) in &units {
            *messages.entry(unit.lock_key()).or_default() |= !matches.is_empty();
            for m in matches {
                let tu = &memory.tus[m.tu];
                // A translation quoted to the terminal: controls escaped, as in a diagnostic.
                let text = xliff::codes::plain(&tu.target).replace('\n', " ");
                println!(
                    "{locale} {} ({}): {}% {}: {}",
                    unit.id(),
                    unit.state.xliff(),
                    m.score,
                    tu.id,
                    crate::diag::escape_controls(&text)
                );
            }
        }
        let with = messages.values().filter(|v| **v).count();
        println!(
            "{locale}: {with} of {} missing or stale message(s) have a suggestion",
            messages.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `locales/<locale>/l10n.reviewed` (empty when missing or unreadable: it is a cache of the
/// lock's English, never needed to import or export).
fn read_reviewed(root: &Path, locale: &str) -> Reviewed {
    let path = root.join("locales").join(locale).join(REVIEWED_FILE);
    std::fs::read_to_string(path).map_or_else(|_| Reviewed::new(), |t| parse_reviewed(&t))
}
