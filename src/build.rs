//! The build pipeline shared by `build` and `serve`: load content and locales, render into
//! a staging directory, and swap it in only when there are no errors (or, in strict mode,
//! no warnings).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::Result;

use crate::content::Site;
use crate::diag::{Diagnostic, Severity};
use crate::l10n::L10n;
use crate::project::{self, LoadOptions, Project};
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
    /// The languages whose index was unchanged and came from the cache.
    pub index_reused: Vec<String>,
}

/// Loads the project at `root` as a build does ([`project::load`]): content, the source
/// locale and `locales` (every configured locale when empty). `None` when the input has
/// errors; diagnostics are sorted.
pub fn load(root: &Path, locales: &[String]) -> (Option<(Site, L10n)>, Vec<Diagnostic>) {
    let options = LoadOptions { locales: locales.to_vec(), defer_articles: false };
    let (project, diags) = project::load(root, &options);
    match project {
        Some(project) if !diags.iter().any(Diagnostic::is_error) => {
            (Some((project.site, project.l10n)), diags)
        }
        _ => (None, diags),
    }
}

/// The scopes of the site's articles (their `.ftl` file stems).
fn article_scopes(site: &Site) -> BTreeSet<String> {
    site.articles.iter().map(|a| a.id.clone()).collect()
}

/// What `check` reports for the same project and locales, as the build's failure: a build
/// whose input does not load (or whose files cannot all be parsed) reports exactly that.
fn failed_check(root: &Path, locales: &[String], strict: bool) -> Vec<Diagnostic> {
    let options = LoadOptions { locales: locales.to_vec(), defer_articles: false };
    let checked = project::check(root, &options);
    project::report(checked.findings.into_iter().map(|f| f.diag), strict)
}

/// Builds the project at `root` into `out`, with the search index (`search::DIR`) unless
/// `search` is off. `Ok(None)` means the input had errors and `out` was left untouched;
/// `Err` is an operational failure (disk, the search indexer), and leaves `out` untouched too.
///
/// The build streams: the translated locales are checked and rendered one at a time, with
/// only that locale's article files and the source locale's in memory.
pub fn build_site(
    root: &Path,
    out: &Path,
    locales: &[String],
    strict: bool,
    search: search::Mode<'_>,
) -> Result<(Option<Stats>, Vec<Diagnostic>)> {
    build_site_with_pseudo(root, out, locales, strict, search, false)
}

/// [`build_site`], with the pseudo-locales ([`crate::pseudo`]) too when `pseudo` is set.
pub fn build_site_with_pseudo(
    root: &Path,
    out: &Path,
    locales: &[String],
    strict: bool,
    search: search::Mode<'_>,
    pseudo: bool,
) -> Result<(Option<Stats>, Vec<Diagnostic>)> {
    let (built, diags) = build_with(root, out, locales, strict, search, false, pseudo)?;
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
    /// Each locale's search views (what the index was made from), with search on: `serve`
    /// re-indexes an edited locale from them.
    pub search_views: Option<search::Views>,
}

/// A successful build: what it wrote, and the model it wrote it from.
pub type Built = (Stats, Model);

/// [`build_site`], keeping the whole model in memory.
pub fn build_model(
    root: &Path,
    out: &Path,
    locales: &[String],
    strict: bool,
    search: search::Mode<'_>,
) -> Result<(Option<Built>, Vec<Diagnostic>)> {
    let (built, diags) = build_with(root, out, locales, strict, search, true, false)?;
    // With `keep`, a successful build always has its model.
    Ok((built.and_then(|(stats, model)| Some((stats, model?))), diags))
}

/// What [`build_with`] wrote, and the model when it was asked to keep it.
type Streamed = (Stats, Option<Model>);

/// The build. Without `keep`, each translated locale's article files (and lock) are read
/// when its turn comes and dropped after it, and the rest of the model before the last
/// search indexes are waited for; with `keep`, everything stays loaded for the returned
/// model. Both write the same bytes.
fn build_with(
    root: &Path,
    out: &Path,
    locales: &[String],
    strict: bool,
    search_mode: search::Mode<'_>,
    keep: bool,
    pseudo: bool,
) -> Result<(Option<Streamed>, Vec<Diagnostic>)> {
    let search = search_mode != search::Mode::Off;
    let timings = Timings::new();
    let options = LoadOptions { locales: locales.to_vec(), defer_articles: !keep };
    let (loaded, mut diags) = project::load(root, &options);
    timings.mark("load");
    let Some(Project { site, mut l10n, mut data, .. }) = loaded else {
        return Ok((None, failed_check(root, locales, strict)));
    };
    if diags.iter().any(Diagnostic::is_error) {
        return Ok((None, failed_check(root, locales, strict)));
    }
    // The source locale is loaded whole from the start and never changes: parsed for the
    // checks once, from a clone of its files (sharing their resources).
    let source_files = (l10n.locales.first().cloned())
        .unwrap_or_else(|| crate::l10n::LocaleFiles::new("", BTreeMap::new()));
    let source = crate::check::Source::new(&source_files);
    let mut run = crate::check::Run::new_against(Some(&site), &source);
    let mut options =
        Options { locales: locales.to_vec(), strict, stale: BTreeMap::new(), dashboard: None };
    let staging = Staging::new(out)?;
    // Each locale's article pages are kept in memory on their way to disk, and handed to
    // the search indexer when the locale is done: its index builds while the next renders.
    let tee = search::Tee::new(&staging, search);
    let cache = match search_mode {
        search::Mode::Cached(dir) => search::Cache::open(dir),
        search::Mode::On | search::Mode::Off => None,
    };
    let mut indexer = search::Indexer::new(cache).writing_to(&staging);
    let mut renderer = render::Renderer::new(&site, &l10n, &options);
    let mut search_views = (keep && search).then(search::Views::new);
    let articles = article_scopes(&site);
    let names: Vec<String> = l10n.locales.iter().map(|l| l.locale.clone()).collect();
    let mut unreadable = false;
    // What changed in the English of each stale message, for the dashboards (read while
    // the locale's files are loaded).
    let mut changes = BTreeMap::new();
    // What the pages met while rendering (most of it the checks report, positioned).
    let mut problems = Vec::new();
    // The next locale's files, lock and stale messages, read and found while this one is
    // checked and rendered.
    let prints = run.prints();
    let mut prefetched: Option<Prefetched> = None;
    for (k, locale) in names.iter().enumerate() {
        let with_lock = k > 0 && !keep;
        let Prefetched { files: (loaded, more), lock, stale } = match prefetched.take() {
            Some(read) => read,
            None => prefetch(&l10n, root, locale, with_lock),
        };
        l10n.insert_deferred(locale, loaded);
        unreadable |= more.iter().any(Diagnostic::is_error);
        diags.extend(more);
        timings.mark(&format!("{locale} files"));
        if let Some((lock, more)) = lock {
            diags.extend(more);
            data.locks.insert(locale.clone(), lock);
        }
        let next = names.get(k + 1);
        // After a file that cannot be read or parsed, only the rest's syntax is checked.
        if !unreadable {
            if k > 0 {
                // The pages need the stale ids. They were found beside the last locale's
                // pages, unless this locale was not read then.
                let found = stale.unwrap_or_else(|| {
                    let target = l10n.locale(locale).expect("a locale of the project");
                    let lock = crate::check::lock_of(&data, locale);
                    find_stale(root, &prints, &source, l10n.source(), target, lock)
                });
                options.stale.extend(found.ids);
                changes.extend(found.details);
                run.keep_stale(found.stale);
            }
            timings.mark(&format!("{locale} stale ids"));
            // The check runs beside the pages, and the next locale is read beside both. The
            // read is the join's first side, so it starts at once: it is a chain of steps
            // (read, parse, stale messages, their details) that ended the join when it waited
            // to be stolen, while the check's and the pages' many small parallel tasks fill
            // whatever core it leaves.
            let ahead = Ahead { prints: &prints, source: &source, data: &data };
            let (next_files, ((_, check), (rendered, pages))) = rayon::join(
                || next.map(|next| ahead.prefetch(&l10n, root, next, !keep)),
                || {
                    rayon::join(
                        || {
                            timings.time(|| {
                                run.locale_in(
                                    &crate::check::Parsed::against(&source, &l10n, locale),
                                    &data,
                                );
                                if k == 0 {
                                    run.check_site_early(&data, &source);
                                }
                            })
                        },
                        || {
                            timings.time(|| {
                                renderer.render_locale(&site, &l10n, &options, locale, &tee)
                            })
                        },
                    )
                },
            );
            prefetched = next_files;
            problems.extend(rendered?);
            timings.mark(&format!("{locale} check ({check} ms) and pages ({pages} ms)"));
        }
        if !keep && k > 0 {
            l10n.unload(locale, &articles);
            data.locks.remove(locale);
            release_freed_memory_above_budget();
        }
        if search && !unreadable {
            let pages = tee.take_pages();
            if let Some(views) = search_views.as_mut() {
                views.insert(locale.clone(), pages.clone());
            }
            // Below the memory budget, this locale's index may start while the last one's
            // ends (see `Indexer::set_lookahead`).
            indexer.set_lookahead(usize::from(resident_bytes().is_some_and(|b| b < MEMORY_BUDGET)));
            indexer.add(pages)?;
        }
        timings.mark(locale);
    }
    if unreadable {
        return Ok((None, failed_check(root, locales, strict)));
    }
    let (findings, status) = run.finish_against(&data, &source);
    options.dashboard = Some(project::dashboard_rows_with(status, changes));
    timings.mark("check's findings and the dashboards' rows");
    if pseudo {
        // Their problems are the source locale's, reported already.
        let rows = options.dashboard.as_deref();
        crate::pseudo::render_pseudo_locales(&site, &source_files, rows, &tee)?;
        if search {
            indexer.add(tee.take_pages())?;
        }
        timings.mark("pseudo-locales");
    }
    // The problems of the pages so far are sorted out while the dashboards render.
    let source_locale = l10n.source().locale.clone();
    let (common, uncovered) = rayon::join(
        || renderer.render_common(&site, &l10n, &options, &tee),
        || project::uncovered(&l10n, &problems, &findings, &source_locale),
    );
    diags.extend(uncovered);
    diags.extend(project::uncovered(&l10n, &common?, &findings, &source_locale));
    diags.extend(findings.into_iter().map(|f| f.diag));
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
    // The theme's files, under `theme/` in the project and the site (`[theme]`).
    for file in site.config.theme.iter().flat_map(|t| t.files()).map(|f| f.get_ref()) {
        match std::fs::read(root.join(file)) {
            Ok(bytes) => staging.put(file, &bytes)?,
            Err(err) => diags.push(Diagnostic::file(
                Severity::Error,
                "io",
                file,
                format!("cannot read: {err}"),
            )),
        }
    }
    let diags = project::report(diags, strict);
    if diags.iter().any(Diagnostic::is_error) {
        return Ok((None, diags));
    }
    // The model is kept for `serve`; a streaming build lets it go now, before it waits for
    // the last locales' search indexes, so that the content, the source locale and the
    // renderer do not add to the memory the indexes hold at the end. Without an index to
    // wait for, nothing after needs that memory back: a thread of its own frees the model's
    // many small allocations while the build finishes (a process that exits first does not
    // wait for it).
    let mut model = None;
    if keep {
        model = Some(Model { site, l10n, data, options, renderer, search_views });
    } else if search {
        drop((site, l10n, data, options, renderer, search_views));
        release_freed_memory_above_budget();
    } else {
        let model = (site, l10n, data, options, renderer, search_views);
        // Where no thread can be started, the model goes with the failed spawn's closure.
        let _ = std::thread::Builder::new().spawn(move || drop(model));
    }
    let mut index_sizes = BTreeMap::new();
    let mut index_reused = Vec::new();
    if search {
        // Pages outside the locales (none carry a search body today) are indexed last.
        let pages = tee.into_pages();
        let views = model.as_mut().and_then(|m| m.search_views.as_mut());
        if let Some(views) = views.filter(|_| !pages.is_empty()) {
            views.insert(String::new(), pages.clone());
        }
        indexer.add(pages)?;
        index_reused = indexer.reused().to_vec();
        index_sizes = indexer.finish_written()?;
        timings.mark("search index");
    } else {
        drop(indexer);
    }
    let files = staging.file_count();
    let pages = staging.page_count();
    staging.commit()?;
    timings.mark("commit");
    Ok((Some((Stats { pages, files, index_sizes, index_reused }, model)), diags))
}

/// A locale's deferred files and, for a translated locale of a streaming build, its lock,
/// each with their diagnostics; and, when read ahead ([`Ahead`]), its stale messages.
struct Prefetched {
    files: (BTreeMap<String, crate::l10n::FtlFile>, Vec<Diagnostic>),
    lock: Option<(crate::l10n::lock::Lock, Vec<Diagnostic>)>,
    stale: Option<FoundStale>,
}

/// `locale`'s deferred files and, `with_lock`, its lock, read side by side.
fn prefetch(l10n: &L10n, root: &Path, locale: &str, with_lock: bool) -> Prefetched {
    let (files, lock) = project::read_locale(l10n, root, locale, with_lock);
    Prefetched { files, lock, stale: None }
}

/// A translated locale's stale messages: the check's findings, their ids (what the pages
/// mark) and what changed in their English (for the dashboards).
struct FoundStale {
    stale: crate::check::Stale,
    ids: BTreeMap<(String, String), BTreeSet<String>>,
    details: BTreeMap<(String, String), Vec<crate::l10n::reviewed::StaleDetail>>,
}

/// `target`'s stale messages (`target` holds all the locale's files), with its lock.
fn find_stale(
    root: &Path,
    prints: &crate::check::Prints,
    source: &crate::check::Source<'_>,
    source_files: &crate::l10n::LocaleFiles,
    target: &crate::l10n::LocaleFiles,
    lock: &crate::l10n::lock::Lock,
) -> FoundStale {
    let stale = crate::check::Stale::find(prints, source, target, lock);
    let ids = stale.ids();
    let details =
        crate::l10n::reviewed::load_locale_stale_details(root, source_files, target, lock, &ids);
    FoundStale { stale, ids, details }
}

/// What reading the next locale ahead needs to find its stale messages too: they depend on
/// its files, its lock and the source only, so the last serial step before its pages runs
/// beside the locale before it.
struct Ahead<'a> {
    prints: &'a crate::check::Prints,
    source: &'a crate::check::Source<'a>,
    data: &'a crate::check::CheckData,
}

impl Ahead<'_> {
    /// [`prefetch`] of translated `locale`, with its stale messages.
    fn prefetch(&self, l10n: &L10n, root: &Path, locale: &str, with_lock: bool) -> Prefetched {
        let mut read = prefetch(l10n, root, locale, with_lock);
        if let Some(loaded) = l10n.locale(locale) {
            // The locale whole (a clone shares the files' resources), as the pages see it.
            let mut target = loaded.clone();
            target.deferred.clear();
            target
                .files
                .extend(read.files.0.iter().map(|(scope, file)| (scope.clone(), file.clone())));
            let lock = match &read.lock {
                Some((lock, _)) => lock,
                None => crate::check::lock_of(self.data, locale),
            };
            let source_files = l10n.source();
            read.stale =
                Some(find_stale(root, self.prints, self.source, source_files, &target, lock));
        }
        read
    }
}

/// Resident memory below which [`release_freed_memory_above_budget`] keeps what a locale
/// freed for the next one to reuse: handing it back (a call on every thread, then faulting
/// the pages in again) costs time, and only pays on a site large enough for its memory to
/// matter. Below the budget a build trades a somewhat higher peak for less CPU; on a site
/// whose locales' files alone pass the budget, the release still runs after every locale.
/// The budget is low enough that a site of long real articles (the HoloLens corpus: six
/// locales, about a megabyte of pages each) releases after its first locales: there the
/// release cost no measurable CPU, while a higher budget let each locale's index state pile
/// up on the last one's (bench/RESULTS.md, "peak memory").
const MEMORY_BUDGET: u64 = 64 << 20;

/// [`release_freed_memory`] when the process holds more than [`MEMORY_BUDGET`] (always
/// where resident memory cannot be read).
fn release_freed_memory_above_budget() {
    if resident_bytes().is_none_or(|bytes| bytes > MEMORY_BUDGET) {
        release_freed_memory();
    }
}

/// The process's resident memory now (Linux: `/proc/self/statm` counts it in pages).
pub(crate) fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf takes a plain integer and reads no memory of ours.
    let page_size = u64::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).ok()?;
    Some(pages * page_size)
}

/// Hands the memory a dropped locale freed back to the OS, on every thread that may hold
/// some: mimalloc keeps freed pages per thread for a while, and the next locale's resources
/// mostly cannot reuse them in place, so they would sit beside them and raise the peak, for
/// no gain in build time.
fn release_freed_memory() {
    // SAFETY: `mi_collect` has no preconditions; it only frees what is already free. When
    // mimalloc is not the global allocator (the library's tests), it has nothing to do.
    rayon::broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// Phase timings on stderr when `DRILLBOOK_TIMINGS` is set (for profiling builds).
struct Timings {
    start: Option<std::time::Instant>,
    /// Wall and CPU time (ms) at the last mark: each phase's CPU over its wall time says how
    /// many cores it kept busy.
    last: std::sync::Mutex<(u128, u128)>,
}

impl Timings {
    fn new() -> Timings {
        Timings {
            start: std::env::var_os("DRILLBOOK_TIMINGS").map(|_| std::time::Instant::now()),
            last: std::sync::Mutex::new((0, cpu_ms())),
        }
    }

    /// `f`'s result and how long it took in ms (0 when timings are off), for the two sides
    /// of a `rayon::join`.
    fn time<R>(&self, f: impl FnOnce() -> R) -> (R, u128) {
        let started = self.start.map(|_| std::time::Instant::now());
        let out = f();
        (out, started.map_or(0, |s| s.elapsed().as_millis()))
    }

    fn mark(&self, phase: &str) {
        if let Some(start) = self.start {
            // Resident memory now and at its peak so far (Linux), to see which phase holds
            // what.
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let mb = |key: &str| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix(key))
                    .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
                    .map(|kb| kb >> 10)
            };
            let rss = match (mb("VmRSS:"), mb("VmHWM:")) {
                (Some(now), Some(peak)) => format!(", {now} MB resident (peak {peak} MB)"),
                _ => String::new(),
            };
            let (wall, cpu) = (start.elapsed().as_millis(), cpu_ms());
            let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
            let (phase_wall, phase_cpu) = (wall - last.0, cpu.saturating_sub(last.1));
            *last = (wall, cpu);
            eprintln!(
                "timing: {phase} done at {wall} ms ({phase_wall} ms, {phase_cpu} ms CPU){rss}"
            );
        }
    }
}

/// The CPU time (user and system, every thread) the process has used, in ms; 0 where it
/// cannot be read.
fn cpu_ms() -> u128 {
    // SAFETY: getrusage writes only into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0;
    }
    let ms = |t: libc::timeval| t.tv_sec as u128 * 1000 + t.tv_usec as u128 / 1000;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn resident_memory_is_read_and_grows_with_touched_memory() {
        let before = resident_bytes().expect("Linux has /proc/self/statm");
        // 64 MB touched page by page (not zero-filled lazily) must show up as resident.
        let touched = vec![1u8; 64 << 20];
        let after = resident_bytes().expect("Linux has /proc/self/statm");
        assert!(before > 0 && after >= before + (48 << 20), "{before} -> {after}");
        drop(std::hint::black_box(touched));
    }
}
