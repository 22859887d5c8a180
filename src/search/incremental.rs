//! `serve`'s search index, kept from one edit to the next: each locale indexed here keeps
//! its index in memory ([`Live`]), and an edit parses and fossicks only the changed pages
//! and replaces their share of the index in place, encoding and gzipping only the files
//! whose bytes change; the other locales' files are kept. The files are the same bytes a
//! build writes for the same pages ([`super::index_pages`]).

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Result, anyhow};
use pagefind_native::Page;
use pagefind_native::index::Live;
use pagefind_native::words::Fossicker;
use rayon::prelude::*;

use super::{Cache, ENTRY, Views, merge, native};
use crate::render::Files;

/// The last index of each locale, with what it was made from.
#[derive(Default)]
pub struct Incremental {
    locales: BTreeMap<String, Kept>,
    /// Fossickers kept from one index to the next: each knows the words of the pages it
    /// fossicked, so an edited page's words, most of them unchanged, are not split and
    /// stemmed again.
    fossickers: Vec<Fossicker>,
    /// Locales indexed here whose cache entry is not written yet ([`Incremental::store`]).
    unstored: BTreeSet<String>,
    /// The cache entries being written: after the index files, since the next session,
    /// not this edit, reads them.
    storing: Option<std::thread::JoinHandle<()>>,
    /// The locale being indexed on another thread ([`Incremental::warm`]).
    warming: Option<(String, std::thread::JoinHandle<Result<Kept>>)>,
}

/// At most this many changed pages are fossicked on one thread, by the first kept
/// fossicker (an edit's page, whose words it knows best); more are fossicked in parallel.
const FEW_PAGES: usize = 4;

/// One locale's index (an index of that locale alone, with its own entry file).
enum Kept {
    /// Taken from the cache: its files.
    Cached(Files),
    /// Indexed here: the pages' search views, the index, and Pagefind's runtime files and
    /// the entry file for it.
    Live { views: Files, index: Box<Live>, runtime: Files },
}

impl Kept {
    fn files(&self) -> Box<dyn Iterator<Item = (&String, &Vec<u8>)> + '_> {
        match self {
            Kept::Cached(files) => Box::new(files.iter()),
            Kept::Live { index, runtime, .. } => Box::new(index.files().chain(runtime)),
        }
    }

    fn entry(&self) -> Option<&Vec<u8>> {
        match self {
            Kept::Cached(files) => files.get(ENTRY),
            Kept::Live { runtime, .. } => runtime.get(ENTRY),
        }
    }
}

impl Incremental {
    /// The index of every locale of `views`. A locale named in `stale`, or not indexed
    /// before, is indexed from its views (a locale not indexed before and not stale is
    /// taken from `cache` when it holds exactly those pages); the others keep their files.
    /// Each locale indexed is put in `cache`, as a build would.
    pub fn index(
        &mut self,
        views: &Views,
        stale: &BTreeSet<String>,
        cache: Option<&Cache>,
    ) -> Result<Files> {
        self.update(views, stale, cache)?;
        if let Some(cache) = cache {
            self.store(views, cache);
        }
        self.files()
    }

    /// [`Incremental::index`], returning only the files that the last index did not have
    /// (all of them the first time) and the entry file. The locales indexed are not cached
    /// until [`Incremental::store`].
    pub fn update(
        &mut self,
        views: &Views,
        stale: &BTreeSet<String>,
        cache: Option<&Cache>,
    ) -> Result<Files> {
        self.wait_for_store();
        // A stale locale being warmed is waited for: its index is then of the views
        // before the edit, which the edit's pages then replace.
        let wait = self.warming.as_ref().is_some_and(|(locale, _)| stale.contains(locale));
        self.install_warmed(wait)?;
        let first = self.locales.is_empty();
        let mut new = Files::new();
        self.locales.retain(|locale, _| views.contains_key(locale));
        for (locale, pages) in views {
            let kept = self.locales.get(locale);
            if kept.is_some() && !stale.contains(locale) {
                continue;
            }
            if kept.is_none() && !stale.contains(locale) {
                if let Some(files) = cache.and_then(|cache| cache.get(&cache.key(pages))) {
                    new.extend(files.iter().map(|(name, bytes)| (name.clone(), bytes.clone())));
                    self.locales.insert(locale.clone(), Kept::Cached(files));
                    continue;
                }
            }
            let kept = match self.locales.remove(locale) {
                Some(Kept::Live { views, mut index, runtime }) => {
                    let (views, runtime) =
                        self.replace(pages, views, &mut index, runtime, &mut new)?;
                    Kept::Live { views, index, runtime }
                }
                _ => {
                    let kept = index_locale(&mut self.fossickers, pages.clone())?;
                    new.extend(kept.files().map(|(name, bytes)| (name.clone(), bytes.clone())));
                    kept
                }
            };
            self.unstored.insert(locale.clone());
            self.locales.insert(locale.clone(), kept);
        }
        if first {
            for kept in self.locales.values() {
                new.extend(kept.files().map(|(name, bytes)| (name.clone(), bytes.clone())));
            }
        }
        new.retain(|name, _| name != ENTRY);
        new.extend(self.entry()?);
        Ok(new)
    }

    /// Replaces, in the index of `locale` kept in memory, the pages of `pages` (path ->
    /// search view) whose view changed, as [`Incremental::update`] would once the locale's
    /// other pages are known too: the files the last index did not have, without the entry
    /// file, which only [`Incremental::update`] (of every locale) gives. `None` when the
    /// locale's index is not kept in memory (then [`Incremental::update`] indexes it). For
    /// `serve`, which hands an edited page to the index while the edit's other pages are
    /// rendered.
    pub fn update_pages(&mut self, locale: &str, pages: Files) -> Option<Result<Files>> {
        let wait = self.warming.as_ref().is_some_and(|(warming, _)| warming == locale);
        if let Err(err) = self.install_warmed(wait) {
            return Some(Err(err));
        }
        let Some(Kept::Live { views, mut index, runtime }) = self.locales.remove(locale) else {
            return None;
        };
        let changed: Files =
            pages.into_iter().filter(|(path, view)| views.get(path) != Some(view)).collect();
        let mut new = Files::new();
        let replaced = self.apply(views, &mut index, runtime, changed, Vec::new(), &mut new);
        let (views, runtime) = match replaced {
            Ok(kept) => kept,
            Err(err) => return Some(Err(err)),
        };
        self.locales.insert(locale.to_string(), Kept::Live { views, index, runtime });
        self.unstored.insert(locale.to_string());
        new.remove(ENTRY);
        Some(Ok(new))
    }

    /// The entry file of every locale's index.
    fn entry(&self) -> Result<Files> {
        let entries: Vec<Files> = self
            .locales
            .values()
            .filter_map(|kept| Some([(ENTRY.to_string(), kept.entry()?.clone())].into()))
            .collect();
        merge(entries)
    }

    /// Every file of the index.
    pub fn files(&self) -> Result<Files> {
        let parts: Vec<Files> = self
            .locales
            .values()
            .map(|kept| kept.files().map(|(name, bytes)| (name.clone(), bytes.clone())).collect())
            .collect();
        merge(parts)
    }

    /// Puts the locales indexed since the last call in `cache`, on another thread.
    pub fn store(&mut self, views: &Views, cache: &Cache) {
        self.wait_for_store();
        let stores: Vec<(Files, Files)> = std::mem::take(&mut self.unstored)
            .into_iter()
            .filter_map(|locale| {
                let kept = self.locales.get(&locale)?;
                let files = kept.files().map(|(name, bytes)| (name.clone(), bytes.clone()));
                Some((views.get(&locale)?.clone(), files.collect()))
            })
            .collect();
        if stores.is_empty() {
            return;
        }
        let cache = cache.detached();
        self.storing = Some(std::thread::spawn(move || {
            for (pages, files) in stores {
                cache.put(&cache.key(&pages), &files);
            }
        }));
    }

    /// Indexes here, from `views`, the first locale not in `skip` whose index is not kept
    /// in memory yet (the files are those the site has), so that the first edit of it
    /// replaces only the edited pages too. Returns whether there was one.
    /// The locale is indexed on another thread, an edit meanwhile is not kept waiting:
    /// [`Incremental::update`] takes the index once it is made (and waits for it only when
    /// the edit is of that locale).
    pub fn warm(&mut self, views: &Views, skip: &BTreeSet<String>) -> Result<bool> {
        self.install_warmed(false)?;
        if self.warming.is_some() {
            return Ok(true);
        }
        let cold = views.iter().find(|(locale, _)| {
            !skip.contains(*locale) && !matches!(self.locales.get(*locale), Some(Kept::Live { .. }))
        });
        let Some((locale, pages)) = cold else { return Ok(false) };
        let pages = pages.clone();
        let thread = std::thread::spawn(move || index_locale(&mut Vec::new(), pages));
        self.warming = Some((locale.clone(), thread));
        Ok(true)
    }

    /// Waits until the locale [`Incremental::warm`] started is indexed.
    pub fn finish_warming(&mut self) -> Result<()> {
        self.install_warmed(true)
    }

    /// Takes the index of the locale being warmed when it is made (or waits, with `wait`),
    /// unless the locale's index was made here since.
    fn install_warmed(&mut self, wait: bool) -> Result<()> {
        let Some((locale, thread)) = self.warming.take() else { return Ok(()) };
        if !wait && !thread.is_finished() {
            self.warming = Some((locale, thread));
            return Ok(());
        }
        let kept = thread.join().map_err(|_| anyhow!("indexing {locale} for search failed"))??;
        if !matches!(self.locales.get(&locale), Some(Kept::Live { .. })) {
            self.locales.insert(locale, kept);
        }
        Ok(())
    }

    /// Waits until the cache entries of the last index are written.
    fn wait_for_store(&mut self) {
        if let Some(storing) = self.storing.take() {
            let _ = storing.join();
        }
    }

    /// Replaces in `index` the pages whose view differs from `views`' (the views it was
    /// made of); adds to `new` the files that it did not have. Returns the views of the
    /// index now, and its `runtime` files now.
    fn replace(
        &mut self,
        pages: &Files,
        views: Files,
        index: &mut Live,
        runtime: Files,
        new: &mut Files,
    ) -> Result<(Files, Files)> {
        let changed: Files = pages
            .iter()
            .filter(|(path, view)| views.get(*path).is_none_or(|old| old != *view))
            .map(|(path, view)| (path.clone(), view.clone()))
            .collect();
        let removed: Vec<String> =
            views.keys().filter(|path| !pages.contains_key(*path)).cloned().collect();
        self.apply(views, index, runtime, changed, removed, new)
    }

    /// Replaces in `index` (made of `views`) the pages `changed` and removes `removed`;
    /// adds to `new` the files that it did not have. Returns the views of the index now,
    /// and its `runtime` files now.
    fn apply(
        &mut self,
        mut views: Files,
        index: &mut Live,
        runtime: Files,
        changed: Files,
        removed: Vec<String>,
        new: &mut Files,
    ) -> Result<(Files, Files)> {
        let mut changes: Vec<(String, Option<Page>)> = fossick(&mut self.fossickers, &changed)?
            .into_iter()
            .map(|(path, page)| (path, Some(page)))
            .collect();
        changes.extend(removed.iter().map(|path| (path.clone(), None)));
        let names = index.update(changes);
        let files: BTreeMap<&String, &Vec<u8>> = index.files().collect();
        for name in names {
            if let Some(bytes) = files.get(&name) {
                new.insert(name, (*bytes).clone());
            }
        }
        let now = runtime_of(index)?;
        for (name, bytes) in &now {
            if runtime.get(name) != Some(bytes) {
                new.insert(name.clone(), bytes.clone());
            }
        }
        for path in removed {
            views.remove(&path);
        }
        views.extend(changed);
        Ok((views, now))
    }
}

/// Pagefind's runtime files and the entry file of `index`.
fn runtime_of(index: &Live) -> Result<Files> {
    native::with_entry(Files::new(), &index.languages())
}

/// `pages` indexed afresh.
fn index_locale(fossickers: &mut Vec<Fossicker>, pages: Files) -> Result<Kept> {
    let fossicked = fossick(fossickers, &pages)?;
    let options = pagefind_native::index::Options {
        gzip_level: native::GZIP_LEVEL,
        deflater: native::DEFLATER,
        ..Default::default()
    };
    let index = Live::new(fossicked, options);
    let runtime = runtime_of(&index)?;
    Ok(Kept::Live { views: pages, index: Box::new(index), runtime })
}

/// `pages` parsed and fossicked by `fossickers` (more are made when there are too few).
fn fossick(fossickers: &mut Vec<Fossicker>, pages: &Files) -> Result<Vec<(String, Page)>> {
    let parsed = native::parse_all(pages)?;
    let runs = if parsed.len() <= FEW_PAGES { 1 } else { rayon::current_num_threads().max(1) };
    if fossickers.len() < runs {
        fossickers.resize_with(runs, Fossicker::new);
    }
    let run_length = parsed.len().div_ceil(runs).max(1);
    let mut runs: Vec<Vec<(String, pagefind_native::Parsed)>> = Vec::new();
    let mut parsed = parsed.into_iter().peekable();
    while parsed.peek().is_some() {
        runs.push(parsed.by_ref().take(run_length).collect());
    }
    Ok(fossickers
        .par_iter_mut()
        .zip(runs)
        .flat_map_iter(|(fossicker, run)| {
            run.into_iter()
                .map(|(path, parsed)| {
                    let page = fossicker.fossick(&path, parsed);
                    (path, page)
                })
                .collect::<Vec<_>>()
        })
        .collect())
}

impl Drop for Incremental {
    fn drop(&mut self) {
        self.wait_for_store();
        if let Some((_, thread)) = self.warming.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests;
