//! `drillbook build`: load, render, write atomically; diagnostics on stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::diag::{self, Diagnostic};

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Output directory, replaced as a whole on success and left intact on failure
    /// [default: ROOT/site]. An existing one must be empty or built by drillbook.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Replace the output directory even if it is not empty and drillbook did not build it.
    /// Never the project, its input folders or a folder holding them.
    #[arg(long)]
    pub force: bool,
    /// Build only this locale (repeatable). The default locale is always loaded, as the
    /// source of fallbacks. Refused when the output holds pages of a locale left out (the
    /// new pages link to them): build into a new `--out` for a partial preview.
    #[arg(long = "locale", value_name = "L")]
    pub locales: Vec<String>,
    /// Treat warnings, such as a missing translation, as errors.
    #[arg(long)]
    pub strict: bool,
    /// Skip the search index (`pagefind/`): a faster build whose search box finds nothing.
    #[arg(long)]
    pub no_search: bool,
    /// Index every locale for search afresh, without reading or writing the cache of
    /// unchanged locales' indexes (`ROOT/.drillbook-cache/search/`).
    #[arg(long)]
    pub no_cache: bool,
    /// Also build the pseudo-locales `en-XA` (accented, about a third longer) and `ar-XB`
    /// (right to left) from the source locale's messages, to test layouts and find text that
    /// is not localizable. They are in no language switcher and not in the sitemap.
    #[arg(long)]
    pub pseudo: bool,
}

pub fn run(root: &Path, args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let shown = args.out.clone().unwrap_or_else(|| root.join("site"));
    // Refused (exit 2) before anything is loaded or written; a symlink resolves to its target.
    let out = crate::render::write::check_out(root, &shown, args.force)?;
    refuse_dropping_locales(root, &out, &shown, &args.locales)?;
    let started = std::time::Instant::now();
    let cache = root.join(crate::search::cache::DIR);
    let search = match (args.no_search, args.no_cache) {
        (true, _) => crate::search::Mode::Off,
        (false, true) => crate::search::Mode::On,
        (false, false) => crate::search::Mode::Cached(&cache),
    };
    let (stats, diags) = crate::build::build_site_with_pseudo(
        root,
        &out,
        &args.locales,
        args.strict,
        search,
        args.pseudo,
    )
    .with_context(|| format!("failed to write the site to `{}`", shown.display()))?;
    report(&diags);
    let Some(stats) = stats else {
        eprintln!("error: build failed; `{}` was left as it was", shown.display());
        // Unreadable input is an operational failure (2); bad input is 1.
        let io = diags.iter().any(|d| d.is_error() && d.code == "io");
        return Ok(ExitCode::from(if io { 2 } else { 1 }));
    };
    eprintln!(
        "built {} pages ({} files) into {} in {} ms",
        stats.pages,
        stats.files,
        shown.display(),
        started.elapsed().as_millis()
    );
    if !stats.index_sizes.is_empty() {
        let sizes: Vec<String> = stats
            .index_sizes
            .iter()
            .map(|(language, bytes)| format!("{language} {:.1} KiB", *bytes as f64 / 1024.0))
            .collect();
        let reused = match stats.index_reused.len() {
            0 => String::new(),
            n => format!(" ({n} of {} unchanged, from the cache)", stats.index_sizes.len()),
        };
        eprintln!("search index: {}{reused}", sizes.join(", "));
    }
    // Freed on a thread of their own: the process usually ends next, without waiting for it,
    // and freeing each diagnostic (made on other threads) would only delay the exit on a
    // site with many. Where no thread can be started, they go with the failed spawn.
    let _ = std::thread::Builder::new().spawn(move || drop(diags));
    Ok(ExitCode::SUCCESS)
}

/// `--locale` builds a site of only the chosen locales and replaces the output directory with
/// it. Refused (exit 2) when that would remove another configured locale's pages from it:
/// the new pages link to them (language switcher, hreflang, untranslated articles). Keeping
/// the old pages instead would mix two builds (a stale search index, sitemap and
/// switcher), so the build stops and says what to do.
fn refuse_dropping_locales(
    root: &Path,
    out: &Path,
    shown: &Path,
    selected: &[String],
) -> anyhow::Result<()> {
    if selected.is_empty() {
        return Ok(());
    }
    let config_path = root.join("content/site.toml");
    let Ok(source) = std::fs::read_to_string(&config_path) else { return Ok(()) };
    let (Some(config), _) = crate::content::parse_config("content/site.toml", &source) else {
        // The build reports the broken configuration.
        return Ok(());
    };
    let dropped: Vec<&str> = (config.locales.iter())
        .map(|l| l.get_ref().as_str())
        .filter(|l| !selected.iter().any(|s| s == l))
        .filter(|l| out.join(l).join("index.html").is_file())
        .collect();
    if dropped.is_empty() {
        return Ok(());
    }
    anyhow::bail!(
        "refusing `--locale {}`: it would replace `{}` with a site of only {}, removing its {} pages, which \
         the new pages link to (language switcher, alternates, untranslated articles). Build \
         every locale (leave out `--locale`), or pass `--out` with a new directory for a \
         partial preview. Nothing was written.",
        selected.join(" --locale "),
        shown.display(),
        selected.join(", "),
        dropped.join(", "),
    )
}

/// The diagnostics, `--strict` already applied (the warnings it promotes are errors): every
/// error, and a few warnings of each code with a count of the rest. A project being
/// translated has thousands of lagging-translation warnings, and a build printing them all
/// buries its errors and its last line; `drillbook check` is where they are worked through.
fn report(diags: &[Diagnostic]) {
    if diags.is_empty() {
        return;
    }
    eprint!("{}", diag::render_report(diags));
}
