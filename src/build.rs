//! The build pipeline shared by `build` and `serve`: load content and locales, render into
//! a staging directory, and swap it in only when there are no errors (or, in strict mode,
//! no warnings).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;

use crate::content::{self, Site};
use crate::diag::{self, Diagnostic, Severity};
use crate::l10n::{self, L10n};
use crate::render::{self, Options, Sink, write::Staging};
use crate::search;

pub mod session;

/// What a successful build wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub pages: usize,
    pub files: usize,
    /// Bytes of search index per Pagefind language key (`zh-cn`); empty without search.
    pub index_sizes: BTreeMap<String, u64>,
}

/// Loads the project at `root`: content, then every configured locale (the default first).
/// `None` when the input has errors; diagnostics are sorted.
pub fn load(root: &Path, locales: &[String]) -> (Option<(Site, L10n)>, Vec<Diagnostic>) {
    let (site, mut diags) = content::load_site(root);
    let Some(site) = site else {
        diag::sort(&mut diags);
        return (None, diags);
    };
    let configured: Vec<String> = site.config.locales.iter().map(|l| l.get_ref().clone()).collect();
    for locale in locales {
        if !configured.contains(locale) {
            diags.push(Diagnostic::file(
                Severity::Error,
                "unknown-locale",
                "content/site.toml",
                format!(
                    "`--locale {locale}` is not one of the configured locales: {}",
                    configured.join(", ")
                ),
            ));
        }
    }
    // The default locale first: it is the source every other locale falls back to.
    let default = site.config.default_locale.get_ref().clone();
    let mut load: Vec<String> = vec![default.clone()];
    load.extend(configured.iter().filter(|l| **l != default).cloned());
    diags.extend(crate::checklist::check_bindings(&site));
    let (l10n, more) = l10n::load_l10n(root, &load);
    diags.extend(more);
    diag::sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    (Some((site, l10n)), diags)
}

/// The dashboard's rows from the checker's status.
fn dashboard_rows(status: &crate::check::Status) -> Vec<render::DashboardRow> {
    let mut rows = Vec::new();
    for (locale, locale_status) in &status.locales {
        for (scope, s) in &locale_status.scopes {
            rows.push(render::DashboardRow {
                locale: locale.clone(),
                scope: scope.clone(),
                messages: s.messages,
                translated: s.translated,
                missing: s.missing,
                stale: s.stale,
                errors: s.errors,
                problems: s.diagnostics.iter().map(Diagnostic::headline).collect(),
            });
        }
    }
    rows
}

/// Builds the project at `root` into `out`, with the search index (`search::DIR`) unless
/// `search` is false. `Ok(None)` means the input had errors and `out` was left untouched;
/// `Err` is an operational failure (disk, the search indexer), and leaves `out` untouched too.
pub fn build_site(
    root: &Path,
    out: &Path,
    locales: &[String],
    strict: bool,
    search: bool,
) -> Result<(Option<Stats>, Vec<Diagnostic>)> {
    let (built, diags) = build_model(root, out, locales, strict, search)?;
    Ok((built.map(|(stats, _)| stats), diags))
}

/// The loaded project behind a built site, kept by `serve` to rebuild only what an edit
/// touches (see [`session`]).
pub struct Model {
    pub site: Site,
    pub l10n: L10n,
    pub data: crate::check::CheckData,
    pub options: Options,
    pub renderer: render::Renderer,
}

/// A successful build: what it wrote, and the model it wrote it from.
pub type Built = (Stats, Model);

/// [`build_site`], keeping the model.
pub fn build_model(
    root: &Path,
    out: &Path,
    locales: &[String],
    strict: bool,
    search: bool,
) -> Result<(Option<Built>, Vec<Diagnostic>)> {
    let timings = Timings::new();
    let (loaded, mut diags) = load(root, locales);
    timings.mark("load");
    let Some((site, l10n)) = loaded else { return Ok((None, diags)) };
    // The translation status: stale markers on pages, and the dashboard.
    let (data, more) = crate::check::load_check_data(root, &l10n);
    diags.extend(more.into_iter().filter(Diagnostic::is_error));
    timings.mark("check data");
    let input = crate::check::Input { l10n: &l10n, site: Some(&site), data: &data };
    // The pages need only the stale ids; the whole check (for the dashboards) runs beside
    // the rendering of the pages, so neither leaves a core idle while the other finishes.
    let mut options = Options {
        locales: locales.to_vec(),
        strict,
        stale: crate::check::stale_messages(&input),
        dashboard: None,
    };
    timings.mark("stale ids");
    let staging = Staging::new(out)?;
    // The article pages are kept in memory on their way to disk, for the search index.
    let tee = search::Tee::new(&staging, search);
    let renderer = render::Renderer::new(&site, &l10n, &options);
    let (status, rendered) = rayon::join(
        || {
            let (_, status) = crate::check::findings_and_status(&input);
            timings.mark("check");
            status
        },
        || renderer.render_site(&site, &l10n, &options, &tee),
    );
    diags.extend(rendered?);
    let rows = dashboard_rows(&status);
    let problems = renderer.render_dashboards(&site, &l10n, &rows, &tee)?;
    diags.extend(problems.iter().map(|p| p.to_diagnostic(strict)));
    options.dashboard = Some(rows);
    let searchable = tee.into_pages();
    timings.mark("render");
    for media in &site.media {
        match std::fs::read(root.join("content").join(media)) {
            Ok(bytes) => staging.put(media, &bytes)?,
            Err(err) => diags.push(Diagnostic::file(
                Severity::Error,
                "io",
                &format!("content/{media}"),
                format!("cannot read: {err}"),
            )),
        }
    }
    diag::sort(&mut diags);
    if diags.iter().any(|d| d.is_error() || strict) {
        return Ok((None, diags));
    }
    let mut index_sizes = BTreeMap::new();
    if search {
        let files = search::index_pages(&searchable)?;
        index_sizes = search::index_sizes(&files);
        for (name, bytes) in &files {
            staging.put(&format!("{}/{name}", search::DIR), bytes)?;
        }
        timings.mark("search index");
    }
    let files = staging.file_count();
    let pages = staging.page_count();
    staging.commit()?;
    timings.mark("commit");
    let model = Model { site, l10n, data, options, renderer };
    Ok((Some((Stats { pages, files, index_sizes }, model)), diags))
}

/// Phase timings on stderr when `DRILLBOOK_TIMINGS` is set (for profiling builds).
struct Timings {
    start: Option<std::time::Instant>,
}

impl Timings {
    fn new() -> Timings {
        Timings { start: std::env::var_os("DRILLBOOK_TIMINGS").map(|_| std::time::Instant::now()) }
    }

    fn mark(&self, phase: &str) {
        if let Some(start) = self.start {
            // Resident memory now (Linux), to see which phase holds what.
            let rss = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
                .map_or(String::new(), |pages| format!(", {} MB resident", (pages * 4096) >> 20));
            eprintln!("timing: {phase} done at {} ms{rss}", start.elapsed().as_millis());
        }
    }
}
