//! Partial rebuilds for `serve`: the model of the last full build stays in memory, and an
//! edit of an article's translation file (`locales/<locale>/<article>.ftl`) re-parses only
//! that file and rewrites only the pages it touches, in place, each file atomically. Any
//! other change (content, the chrome's or the UI's messages, new or deleted files, assets)
//! goes through the full build.
//!
//! What an article file's edit touches: the article's pages in that locale (article,
//! checklist page, `checklist.md`), the locale's index, and the pages whose previous/next
//! links show its title; for the source locale, the article's pages in every locale (their
//! fallback text and "updated in English" markers come from it). The search index is
//! updated with [`Session::refresh_search`], right after the browser has reloaded the
//! edited page: the locales whose article pages changed are indexed again (each rendered
//! page is handed to the locale's index kept in memory while the edit's other pages are
//! rendered; the others come from the search cache) and the new index files are written
//! beside the old ones, the entry file that names them last; the old chunks stay (pages
//! already open may still fetch them) until the next full build replaces the site. The
//! translation dashboards follow with [`Session::refresh_status`]: the check runs again on
//! the edited locales (the others' findings kept from the last check), and only the
//! dashboard pages whose rows changed are written again.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Result;

use crate::build::Model;
use crate::diag::{self, Diagnostic};
use crate::l10n::reviewed;
use crate::project::dashboard_rows_with;
use crate::render::{DashboardPlan, DashboardRow, Sink};

/// The model of the last good build of `root` into `out`.
pub struct Session {
    root: PathBuf,
    out: PathBuf,
    model: Model,
    /// Locales whose search views changed since the index was written.
    search_stale: BTreeSet<String>,
    /// The index as last written, re-indexing only what edits change.
    search: crate::search::Incremental,
    /// Whether locales' indexes are still to be kept in memory ([`Session::warm_search`]).
    warming: bool,
    /// Resident memory above which no further locale's index is warmed.
    warm_budget: u64,
    /// The index of the last edit's pages, being updated on another thread while the
    /// edit's other pages are rendered: it holds `search` meanwhile.
    indexing: Option<std::thread::JoinHandle<Indexed>>,
    /// Index files that thread made and `refresh_search` has not written yet.
    search_unwritten: crate::render::Files,
    /// Each locale's examination by the last check, and the locales edited since
    /// ([`Session::refresh_status`] examines only those again).
    examinations: crate::check::Examinations,
    status_edits: BTreeSet<String>,
}

/// Resident memory above which `serve` keeps no further locale's search index in memory
/// while idle ([`Session::warm_search`]). Each locale kept costs several times its pages'
/// text (bench/RESULTS.md, "serve: incremental index"), so a large site warms its first
/// locales and the others are indexed whole on their first edit: that edit is slower, the
/// process stays bounded. Where resident memory cannot be read (`/proc`, Linux only), every
/// locale is warmed.
/// `DRILLBOOK_SERVE_MEMORY_MB` sets another budget (0: no locale is warmed).
const WARM_BUDGET: u64 = 512 << 20;

/// [`WARM_BUDGET`], or the one `DRILLBOOK_SERVE_MEMORY_MB` sets (a warning when it is not a
/// number of megabytes).
fn warm_budget() -> u64 {
    let Some(value) = std::env::var_os("DRILLBOOK_SERVE_MEMORY_MB") else { return WARM_BUDGET };
    match value.to_str().and_then(|v| v.trim().parse::<u64>().ok()) {
        Some(mb) => mb.saturating_mul(1 << 20),
        None => {
            eprintln!(
                "warning: DRILLBOOK_SERVE_MEMORY_MB={} is not a number of megabytes; using {}",
                value.to_string_lossy(),
                WARM_BUDGET >> 20
            );
            WARM_BUDGET
        }
    }
}

/// What the thread that indexes an edit's pages as they are rendered gives back: the index,
/// and the files to write.
type Indexed = (crate::search::Incremental, Result<crate::render::Files>);

/// What a partial rebuild wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Site-relative paths, sorted.
    pub files: Vec<String>,
}

impl Written {
    /// The URL paths of the pages written (`/de-DE/article/`), for the reload event: open
    /// pages elsewhere need not reload.
    pub fn page_urls(&self) -> Vec<String> {
        self.files
            .iter()
            .filter_map(|f| f.strip_suffix("index.html"))
            .map(|dir| format!("/{dir}"))
            .collect()
    }
}

impl Session {
    pub fn new(root: &Path, out: &Path, model: Model) -> Session {
        Session {
            root: root.to_path_buf(),
            out: out.to_path_buf(),
            model,
            search_stale: BTreeSet::new(),
            search: crate::search::Incremental::default(),
            warming: true,
            warm_budget: warm_budget(),
            indexing: None,
            search_unwritten: crate::render::Files::new(),
            examinations: Default::default(),
            status_edits: BTreeSet::new(),
        }
    }

    /// The article translation files among `changed` (paths under the root), as
    /// `(locale, article id)`, when every changed path is one that exists and was loaded;
    /// `None` when anything else changed (a full build is needed).
    fn article_edits(&self, changed: &[PathBuf]) -> Option<Vec<(String, String)>> {
        let mut edits = Vec::new();
        for path in changed {
            let rel = path.strip_prefix(&self.root).ok()?;
            let parts: Vec<&str> = rel.iter().map(|p| p.to_str()).collect::<Option<_>>()?;
            let ["locales", locale, file] = parts.as_slice() else { return None };
            let id = file.strip_suffix(".ftl")?;
            let loaded = self.model.l10n.locale(locale)?.files.contains_key(id);
            if !loaded || self.model.site.article(id).is_none() || !path.is_file() {
                return None;
            }
            edits.push((locale.to_string(), id.to_string()));
        }
        (!edits.is_empty()).then_some(edits)
    }

    /// Applies `changed` in place when it is only edits of article translation files:
    /// `None` when a full build is needed instead. `Some(Ok((None, diags)))`: the edit has
    /// errors (a syntax error, a message the content names is gone) and nothing was
    /// written, as a full build would refuse it.
    pub fn update(
        &mut self,
        changed: &[PathBuf],
    ) -> Option<Result<(Option<Written>, Vec<Diagnostic>)>> {
        let edits = self.article_edits(changed)?;
        Some(self.apply(&edits))
    }

    fn apply(&mut self, edits: &[(String, String)]) -> Result<(Option<Written>, Vec<Diagnostic>)> {
        let mut diags = Vec::new();
        let mut parsed = Vec::new();
        for (locale, id) in edits {
            let path = self.root.join("locales").join(locale).join(format!("{id}.ftl"));
            let display = crate::paths::rel_path(&self.root, &path);
            match crate::paths::read_text(&self.root, &path) {
                Ok(source) => {
                    let (file, more) = crate::l10n::parse_ftl(&display, source);
                    diags.extend(more);
                    parsed.push((locale, id, file));
                }
                Err(diag) => diags.push(diag),
            }
        }
        if diags.iter().any(Diagnostic::is_error) {
            diag::sort(&mut diags);
            return Ok((None, diags));
        }
        // Keep the old files until the new ones pass the content's message references.
        let mut old = Vec::new();
        for (locale, id, file) in parsed {
            let files = &mut self.locale_files_mut(locale).files;
            old.push((locale, id, files.insert(id.clone(), file)));
        }
        let source = self.model.l10n.source().locale.clone();
        for (locale, id) in edits {
            if *locale == source {
                if let Some(article) = self.model.site.article(id) {
                    diags.extend(crate::check::check_article(&self.model.l10n, article));
                }
            }
        }
        if diags.iter().any(Diagnostic::is_error) {
            for (locale, id, file) in old {
                if let Some(file) = file {
                    self.locale_files_mut(locale).files.insert(id.clone(), file);
                }
            }
            diag::sort(&mut diags);
            return Ok((None, diags));
        }
        self.status_edits.extend(edits.iter().map(|(locale, _)| locale.clone()));
        let sink = InPlace::new(&self.out);
        self.join_indexing()?;
        let Model { site, l10n, data, options, renderer, search_views } = &mut self.model;
        // The rewritten article pages' search views, for `refresh_search`, handed as they
        // come to a thread that updates the index kept in memory meanwhile.
        let tee = crate::search::Tee::new(&sink, search_views.is_some());
        let (views_tx, views_rx) = std::sync::mpsc::channel();
        let streaming = Streaming { tee: &tee, views: Default::default(), to_index: views_tx };
        if search_views.is_some() {
            let search = std::mem::take(&mut self.search);
            self.indexing = Some(std::thread::spawn(move || index_as_rendered(search, views_rx)));
        }
        let mut problems = Vec::new();
        for (locale, id) in edits {
            let input = crate::check::Input { l10n, site: Some(site), data };
            options.stale.retain(|(_, scope), _| scope != id);
            options.stale.extend(crate::check::stale_in_scope(&input, id));
            let rendered = renderer.update_article(site, l10n, options, locale, id, &streaming);
            problems.extend(rendered?);
        }
        let Streaming { views, to_index, .. } = streaming;
        drop(to_index);
        for (path, view) in views.into_inner().unwrap_or_else(|e| e.into_inner()) {
            let locale = path.split_once('/').map_or("", |(locale, _)| locale).to_string();
            let views = search_views.as_mut().and_then(|views| views.get_mut(&locale));
            if let Some(views) = views {
                if views.get(&path) != Some(&view) {
                    views.insert(path, view);
                    self.search_stale.insert(locale);
                }
            }
        }
        drop(tee);
        diags.extend(problems.iter().map(|p| p.to_diagnostic(false)));
        Ok((Some(sink.into_written()), crate::project::report(diags, options.strict)))
    }

    fn locale_files_mut(&mut self, locale: &str) -> &mut crate::l10n::LocaleFiles {
        let l10n = &mut self.model.l10n;
        let i = l10n.locales.iter().position(|l| l.locale == locale).unwrap_or(0);
        &mut l10n.locales[i]
    }

    /// Checks the current model again and rewrites the translation dashboards whose rows
    /// changed (and nothing else: stale markers were updated with the edit). The locales
    /// edited since the last check are examined again, the others' examinations reused
    /// (`check::findings_and_status_reusing`: the same status as the whole check), and so
    /// are their stale messages' details (read again only for the edited locales). A
    /// locale with a changed row gets its summary pages and its changed files' pages again,
    /// and the source locale's overview with them.
    pub fn refresh_status(&mut self) -> Result<(Written, Vec<Diagnostic>)> {
        let Model { site, l10n, data, options, renderer, .. } = &mut self.model;
        let input = crate::check::Input { l10n, site: Some(site), data };
        let edited = std::mem::take(&mut self.status_edits);
        let (_, status) =
            crate::check::findings_and_status_reusing(&input, &mut self.examinations, &edited);
        let source = l10n.source().locale.clone();
        let mut old: BTreeMap<(String, String), DashboardRow> = (options.dashboard.take())
            .unwrap_or_default()
            .into_iter()
            .map(|row| ((row.locale.clone(), row.scope.clone()), row))
            .collect();
        // A locale's stale messages and their English change only with its own files, or
        // with the source's: the others' details move over from their rows.
        let all = old.is_empty() || edited.contains(&source);
        let kept = |locale: &str| !all && !edited.contains(locale);
        let stale = (options.stale.iter())
            .filter(|((locale, _), _)| !kept(locale))
            .map(|(key, ids)| (key.clone(), ids.clone()))
            .collect();
        let mut changes = reviewed::load_stale_details(&self.root, l10n, &data.locks, &stale);
        for (key, row) in old.iter_mut().filter(|((locale, _), _)| kept(locale)) {
            changes.insert(key.clone(), std::mem::take(&mut row.changes));
        }
        let rows = dashboard_rows_with(status, changes);
        let mut plan = DashboardPlan::new();
        let same_files = rows.len() == old.len()
            && rows.iter().all(|r| old.contains_key(&(r.locale.clone(), r.scope.clone())));
        if !same_files {
            // Files came or went: every page (each links the locales with rows).
            plan.extend(l10n.locales.iter().map(|l| (l.locale.clone(), None)));
        } else {
            for row in &rows {
                let before = &old[&(row.locale.clone(), row.scope.clone())];
                if !same_row(row, before, kept(&row.locale)) {
                    let files =
                        plan.entry(row.locale.clone()).or_insert_with(|| Some(BTreeSet::new()));
                    if let Some(files) = files {
                        files.insert(row.scope.clone());
                    }
                }
            }
            if !plan.is_empty() {
                plan.insert(source, None);
            }
        }
        let sink = InPlace::new(&self.out);
        let problems = renderer.render_dashboards_of(site, &rows, &plan, &sink)?;
        options.dashboard = Some(rows);
        let diags = problems.iter().map(|p| p.to_diagnostic(false));
        Ok((sink.into_written(), crate::project::report(diags, options.strict)))
    }
}

/// Whether a dashboard row reads as it did (`moved`: its stale details were moved over
/// from `before`, so they are the same). Every field is named: a new one must be compared.
fn same_row(row: &DashboardRow, before: &DashboardRow, moved: bool) -> bool {
    let DashboardRow {
        locale,
        scope,
        messages,
        translated,
        missing,
        stale,
        errors,
        problems,
        changes,
    } = row;
    (locale, scope, messages, translated, missing, stale, errors, problems)
        == (
            &before.locale,
            &before.scope,
            &before.messages,
            &before.translated,
            &before.missing,
            &before.stale,
            &before.errors,
            &before.problems,
        )
        && (moved || *changes == before.changes)
}

impl Session {
    /// Indexes again the locales whose article pages edits changed since the last call
    /// (the others' indexes come from the search cache) and writes the index into the
    /// served site (see the module docs): the files it did not have, then the entry file if
    /// it changed (a view can change where Pagefind does not look, such as a `<title>` beside
    /// an `<h1>`).
    /// Returns the locales re-indexed and what was written; `None` when no page's search
    /// view changed (or the site has no search index).
    pub fn refresh_search(&mut self) -> Result<Option<(Vec<String>, Written)>> {
        let joined = self.join_indexing();
        let Some(views) = &self.model.search_views else { return Ok(None) };
        if self.search_stale.is_empty() && self.search_unwritten.is_empty() {
            return joined.map(|()| None);
        }
        let stale = std::mem::take(&mut self.search_stale);
        joined?;
        // Only the files the last index did not have, and the entry file: those the pages
        // handed over as they were rendered gave, then the stale locales' (for a locale
        // updated already, nothing more) and the entry file of every locale.
        let mut files = std::mem::take(&mut self.search_unwritten);
        let cache = crate::search::Cache::open(&self.root.join(crate::search::cache::DIR));
        files.extend(self.search.update(views, &stale, cache.as_ref())?);
        let stale: Vec<String> = stale.into_iter().collect();
        let sink = InPlace::new(&self.out);
        let dir = crate::search::DIR;
        // Chunks are named by their content, the JS and cores by version: one that exists
        // is this one.
        for (name, bytes) in files.iter().filter(|(name, _)| *name != crate::search::ENTRY) {
            if !self.out.join(dir).join(name).is_file() {
                sink.put(&format!("{dir}/{name}"), bytes)?;
            }
        }
        if let Some(entry) = files.get(crate::search::ENTRY) {
            let path = self.out.join(dir).join(crate::search::ENTRY);
            if std::fs::read(path).ok().as_ref() != Some(entry) {
                sink.put(&format!("{dir}/{}", crate::search::ENTRY), entry)?;
            }
        }
        Ok(Some((stale, sink.into_written())))
    }

    /// Keeps one more locale's search index in memory, from the pages the site has (see
    /// [`crate::search::Incremental::warm`]): `false` when every locale's is.
    /// After a failure, or once the process holds more than its budget of memory, the
    /// locales left are indexed on their first edit.
    pub fn warm_search(&mut self) -> Result<bool> {
        self.join_indexing()?;
        if self.warming && crate::build::resident_bytes().is_some_and(|b| b >= self.warm_budget) {
            self.warming = false;
            eprintln!(
                "serve: over {} MB resident; the search index of a locale not yet kept is made on its first edit",
                self.warm_budget >> 20
            );
            return Ok(false);
        }
        let Some(views) = self.model.search_views.as_ref().filter(|_| self.warming) else {
            return Ok(false);
        };
        let warmed = self.search.warm(views, &self.search_stale);
        self.warming = matches!(warmed, Ok(true));
        warmed
    }

    /// Puts the locales [`Session::refresh_search`] indexed in the search cache, for the next
    /// session's first build (on another thread, once this one's index is written).
    pub fn store_search(&mut self) {
        let _ = self.join_indexing();
        let Some(views) = &self.model.search_views else { return };
        if let Some(cache) = crate::search::Cache::open(&self.root.join(crate::search::cache::DIR))
        {
            self.search.store(views, &cache);
        }
    }
}

impl Session {
    /// Takes the index back from the thread that updated it as the last edit was rendered,
    /// keeping the files it made for [`Session::refresh_search`] to write.
    fn join_indexing(&mut self) -> Result<()> {
        let Some(thread) = self.indexing.take() else { return Ok(()) };
        let Ok((search, result)) = thread.join() else {
            // The index it held is lost: the locales are indexed afresh.
            self.search = crate::search::Incremental::default();
            anyhow::bail!("the search index thread failed");
        };
        self.search = search;
        self.search_unwritten.extend(result?);
        Ok(())
    }
}

/// A sink that passes files on to the [`crate::search::Tee`] and hands the search views
/// it keeps to the thread of [`index_as_rendered`], keeping them too.
struct Streaming<'a> {
    tee: &'a crate::search::Tee<'a>,
    views: std::sync::Mutex<crate::render::Files>,
    to_index: std::sync::mpsc::Sender<(String, Vec<u8>)>,
}

impl Sink for Streaming<'_> {
    fn put(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.tee.put(rel, bytes)?;
        for (path, view) in self.tee.take_pages() {
            let _ = self.to_index.send((path.clone(), view.clone()));
            self.views.lock().unwrap_or_else(|e| e.into_inner()).insert(path, view);
        }
        Ok(())
    }
}

/// Updates `search` with the views `views` hands over, as they come (those that came
/// meanwhile together), in the locales whose index is kept in memory; the others are left
/// to [`Session::refresh_search`]. Returns the index and the files to write (without the
/// entry file).
fn index_as_rendered(
    mut search: crate::search::Incremental,
    views: std::sync::mpsc::Receiver<(String, Vec<u8>)>,
) -> Indexed {
    let mut files = crate::render::Files::new();
    while let Ok(first) = views.recv() {
        let mut batch: crate::search::Views = Default::default();
        for (path, view) in std::iter::once(first).chain(views.try_iter()) {
            let locale = path.split_once('/').map_or("", |(locale, _)| locale).to_string();
            batch.entry(locale).or_default().insert(path, view);
        }
        for (locale, pages) in batch {
            match search.update_pages(&locale, pages) {
                Some(Ok(new)) => files.extend(new),
                Some(Err(err)) => return (search, Err(err)),
                None => {}
            }
        }
    }
    (search, Ok(files))
}

/// Writes files straight into the served site, each through a temporary file and a rename,
/// so a page being served is never half-written.
struct InPlace {
    out: PathBuf,
    written: std::sync::Mutex<Vec<String>>,
    count: AtomicUsize,
}

impl InPlace {
    fn new(out: &Path) -> InPlace {
        InPlace { out: out.to_path_buf(), written: Default::default(), count: AtomicUsize::new(0) }
    }

    fn into_written(self) -> Written {
        let mut files = self.written.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort();
        files.dedup();
        Written { files }
    }
}

impl Sink for InPlace {
    fn put(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = crate::render::write::site_path(&self.out, rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let n = self.count.fetch_add(1, Ordering::Relaxed);
        let tmp = path.with_file_name(format!(".drillbook-{}-{n}.tmp", std::process::id()));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, &path)?;
        self.written.lock().unwrap_or_else(|e| e.into_inner()).push(rel.to_string());
        Ok(())
    }
}
