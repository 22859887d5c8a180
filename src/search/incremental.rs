//! `serve`'s search index, kept from one edit to the next: a locale whose pages changed is
//! re-indexed with only the changed pages parsed and fossicked again, and only the files
//! whose contents changed gzipped again ([`GzipMemo`]); the other locales' files are kept.
//! The files are the same bytes a build writes for the same pages ([`super::index_pages`]).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use anyhow::Result;
use pagefind_native::Page;
use pagefind_native::index::GzipMemo;
use pagefind_native::words::Fossicker;
use rayon::prelude::*;

use super::{Cache, Views, merge, native};
use crate::render::Files;

/// The last index of each locale, with what it was made from.
#[derive(Default)]
pub struct Incremental {
    locales: BTreeMap<String, Kept>,
    memo: Arc<GzipMemo>,
    /// Fossickers kept from one index to the next: each knows the words of the pages it
    /// fossicked, so an edited page's words, most of them unchanged, are not split and
    /// stemmed again.
    fossickers: Vec<Fossicker>,
    /// The cache entries of the last index being written: after its files, since the next
    /// session, not this edit, reads them.
    storing: Option<std::thread::JoinHandle<()>>,
}

/// At most this many changed pages are fossicked on one thread, by the first kept
/// fossicker (an edit's page, whose words it knows best); more are fossicked in parallel.
const FEW_PAGES: usize = 4;

/// One locale's index files (an index of that locale alone, with its own entry file) and,
/// once the locale has been indexed here, each page's search view and fossicked page.
struct Kept {
    files: Files,
    pages: Option<BTreeMap<String, (Vec<u8>, Page)>>,
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
        self.wait_for_store();
        let mut stores: Vec<(Files, Files)> = Vec::new();
        self.locales.retain(|locale, _| views.contains_key(locale));
        for (locale, pages) in views {
            let kept = self.locales.get(locale);
            if kept.is_some() && !stale.contains(locale) {
                continue;
            }
            if kept.is_none() && !stale.contains(locale) {
                if let Some(files) = cache.and_then(|cache| cache.get(&cache.key(pages))) {
                    self.locales.insert(locale.clone(), Kept { files, pages: None });
                    continue;
                }
            }
            let previous = self.locales.remove(locale).and_then(|kept| kept.pages);
            let indexed = self.index_locale(pages, previous.unwrap_or_default())?;
            if cache.is_some() {
                stores.push((pages.clone(), indexed.files.clone()));
            }
            self.locales.insert(locale.clone(), indexed);
        }
        let files = merge(self.locales.values().map(|kept| kept.files.clone()).collect());
        if let (Some(cache), false) = (cache, stores.is_empty()) {
            let cache = cache.detached();
            self.storing = Some(std::thread::spawn(move || {
                for (pages, files) in stores {
                    cache.put(&cache.key(&pages), &files);
                }
            }));
        }
        files
    }

    /// Waits until the cache entries of the last index are written.
    fn wait_for_store(&mut self) {
        if let Some(storing) = self.storing.take() {
            let _ = storing.join();
        }
    }

    /// `pages` indexed, fossicking only those whose view differs from `previous`'s.
    fn index_locale(
        &mut self,
        pages: &Files,
        mut previous: BTreeMap<String, (Vec<u8>, Page)>,
    ) -> Result<Kept> {
        let changed: Files = pages
            .iter()
            .filter(|(path, view)| previous.get(*path).is_none_or(|(old, _)| old != *view))
            .map(|(path, view)| (path.clone(), view.clone()))
            .collect();
        let parsed = native::parse_all(&changed)?;
        let runs = if parsed.len() <= FEW_PAGES { 1 } else { rayon::current_num_threads().max(1) };
        if self.fossickers.len() < runs {
            self.fossickers.resize_with(runs, Fossicker::new);
        }
        let run_length = parsed.len().div_ceil(runs).max(1);
        let mut runs: Vec<Vec<(String, pagefind_native::Parsed)>> = Vec::new();
        let mut parsed = parsed.into_iter().peekable();
        while parsed.peek().is_some() {
            runs.push(parsed.by_ref().take(run_length).collect());
        }
        let fossicked: Vec<(String, Page)> = self
            .fossickers
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
            .collect();
        for (path, page) in fossicked {
            let view = changed.get(&path).cloned().unwrap_or_default();
            previous.insert(path, (view, page));
        }
        previous.retain(|path, _| pages.contains_key(path));
        let in_order: Vec<Page> = previous.values().map(|(_, page)| page.clone()).collect();
        let files = native::index_fossicked(in_order, &self.memo)?;
        Ok(Kept { files, pages: Some(previous) })
    }
}

impl Drop for Incremental {
    fn drop(&mut self) {
        self.wait_for_store();
    }
}
