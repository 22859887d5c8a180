//! Indexing beside the build: each locale's index on a thread of its own as soon as the
//! locale is rendered, its files written as soon as they are ready, and unchanged locales'
//! indexes taken from the [`Cache`].

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use anyhow::{Context, Result};

use super::{
    Cache, DIR, ENTRY, Keys, SHARED, index_alone, index_sizes, merge, single_locale, store_parts,
};
use crate::render::{Files, Sink};

/// Indexing beside the build: [`Indexer::add`] starts indexing one locale's pages on a
/// thread of its own as soon as the locale is rendered, so the index is built while the
/// next locales render, and each locale's pages leave memory once indexed. The indexer uses
/// every thread for one locale, so `add` waits for the oldest locale in flight while the
/// pages in flight would pass `PAGES_BUDGET` (a 1,000-article locale is indexed alone, or
/// beside one more with [`Indexer::set_lookahead`]; the small locales of the shipped site
/// and the corpus all at once).
/// [`Indexer::finish`] merges the outputs: the same files as [`super::index_pages`] of all the
/// pages (each language's index depends only on its own pages). An indexer
/// [`writing_to`](Indexer::writing_to) a sink writes each locale's files as soon as it has
/// them instead, and the merged entry file last ([`Indexer::finish_written`]), so that the
/// finished locales' indexes do not stay in memory, adding to the build's peak, while the
/// next ones render.
///
/// With a [`Cache`], a locale whose pages are unchanged since a cached build is not
/// indexed: its files come from the cache (the same bytes). Indexed locales are cached.
pub struct Indexer<'a> {
    /// Indexing threads, oldest first, each with the bytes of pages it was given.
    running: std::collections::VecDeque<(std::thread::JoinHandle<Result<Files>>, usize)>,
    /// The finished indexes (with a sink, only their entry files).
    done: Vec<Files>,
    /// Where finished indexes are written, below [`DIR`], with the files written so far
    /// that every index has ([`SHARED`]) and the sizes of the languages written.
    sink: Option<&'a dyn Sink>,
    written_shared: BTreeSet<String>,
    sizes: BTreeMap<String, u64>,
    cache: Option<Arc<Cache>>,
    /// The locales whose index came from the cache (Pagefind's language keys).
    reused: Vec<String>,
    /// How many indexes beyond the pages budget may run while the
    /// next is started ([`Indexer::set_lookahead`]).
    lookahead: usize,
}

/// The most bytes of pages in flight (beyond one locale's). A large site's locale passes it
/// alone, so its pages are indexed one locale at a time and leave memory once indexed; all
/// the locales of a small site fit, so each is indexed as soon as it is rendered, beside the
/// rendering of the next, rather than all together once the rendering is over.
const PAGES_BUDGET: usize = 2 << 20;

impl Default for Indexer<'_> {
    fn default() -> Self {
        Indexer::new(None)
    }
}

impl<'a> Indexer<'a> {
    /// An indexer that reads and fills `cache`, when there is one.
    pub fn new(cache: Option<Cache>) -> Self {
        Indexer {
            running: Default::default(),
            done: Vec::new(),
            sink: None,
            written_shared: BTreeSet::new(),
            sizes: BTreeMap::new(),
            cache: cache.map(Arc::new),
            reused: Vec::new(),
            lookahead: 0,
        }
    }

    /// Lets the next [`Indexer::add`]s start indexing their locale while up to `lookahead`
    /// large locales are still being indexed, instead of waiting for them.
    /// A build with memory to spare sets 1: each large locale's index then overlaps the
    /// next locale's loading and rendering instead of ending alone on one core (the end of
    /// an index, writing its files, is serial), so no core sits idle while a locale's index
    /// ends: the same CPU time in less wall time. The pages and the index state of one more
    /// locale stay in memory meanwhile, which grows with the site: a build past its memory
    /// budget keeps the lookahead at 0.
    pub fn set_lookahead(&mut self, lookahead: usize) {
        self.lookahead = lookahead;
    }

    /// Starts indexing `pages`, all of one locale (path order is kept), or takes its index
    /// from the cache.
    pub fn add(&mut self, pages: Files) -> Result<()> {
        if pages.is_empty() {
            return Ok(());
        }
        let mut keys = Keys::new();
        if let (Some(cache), Some(locale)) = (&self.cache, single_locale(&pages)) {
            let key = cache.key(&pages);
            if let Some(files) = cache.get(&key) {
                self.reused.push(locale.to_lowercase());
                return self.take_done(files);
            }
            keys.push((locale.to_lowercase(), key));
        }
        self.spawn(pages, keys)
    }

    /// The locales (Pagefind's language keys) whose index came from the cache so far.
    pub fn reused(&self) -> &[String] {
        &self.reused
    }

    /// Indexes `pages` (one locale) on a thread of its own, and caches its index under its
    /// key.
    fn spawn(&mut self, pages: Files, keys: Keys) -> Result<()> {
        // The indexer uses every thread for one locale (and is done with a large one before
        // the next is rendered), so a budget of bytes keeps a single large locale's pages in
        // flight.
        let bytes: usize = pages.values().map(Vec::len).sum();
        while self.running.len() > self.lookahead
            && self.running.iter().map(|(_, b)| b).sum::<usize>() + bytes > PAGES_BUDGET
        {
            self.join_oldest()?;
        }
        let cache = self.cache.clone();
        // A plain thread, not a rayon task: indexing runs rayon loops of its own, which a
        // task waiting for them would share its thread with.
        let handle = std::thread::spawn(move || {
            let files = index_alone(pages)?;
            if let Some(cache) = cache {
                store_parts(&cache, &files, &keys);
            }
            Ok(files)
        });
        self.running.push_back((handle, bytes));
        Ok(())
    }

    /// This indexer, writing each finished index's files to `sink` (paths below [`DIR`]).
    pub fn writing_to(mut self, sink: &'a dyn Sink) -> Self {
        self.sink = Some(sink);
        self
    }

    fn join_oldest(&mut self) -> Result<()> {
        if let Some((handle, _)) = self.running.pop_front() {
            let files = handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            self.take_done(files)?;
        }
        Ok(())
    }

    /// Keeps a finished index, or writes it to the sink but for its entry file (merged
    /// with the others' by `finish`); the files all indexes have are written once.
    fn take_done(&mut self, files: Files) -> Result<()> {
        let Some(sink) = self.sink else {
            self.done.push(files);
            return Ok(());
        };
        for (language, size) in index_sizes(&files) {
            *self.sizes.entry(language).or_default() += size;
        }
        let mut entry = Files::new();
        for (name, bytes) in files {
            if name == ENTRY {
                entry.insert(name, bytes);
                continue;
            }
            if SHARED.contains(&name.as_str()) && !self.written_shared.insert(name.clone()) {
                continue;
            }
            sink.put(&format!("{DIR}/{name}"), &bytes)
                .with_context(|| format!("failed to write the search index's `{name}`"))?;
        }
        self.done.push(entry);
        Ok(())
    }

    /// Waits for every locale's index and returns the files to write below [`DIR`] (with
    /// a sink, those not written yet: the entry file).
    pub fn finish(mut self) -> Result<Files> {
        self.wait()?;
        merge(std::mem::take(&mut self.done))
    }

    /// Waits for every locale's index, writes what is left of them (the entry file) to the
    /// sink, and returns each language's index size ([`index_sizes`] of all the files).
    pub fn finish_written(mut self) -> Result<BTreeMap<String, u64>> {
        self.wait()?;
        let rest = merge(std::mem::take(&mut self.done))?;
        let sizes = std::mem::take(&mut self.sizes);
        match self.sink {
            Some(sink) => {
                for (name, bytes) in &rest {
                    sink.put(&format!("{DIR}/{name}"), bytes)
                        .with_context(|| format!("failed to write the search index's `{name}`"))?;
                }
                Ok(sizes)
            }
            None => Ok(index_sizes(&rest)),
        }
    }

    /// Waits for every index.
    fn wait(&mut self) -> Result<()> {
        while !self.running.is_empty() {
            self.join_oldest()?;
        }
        if let Some(cache) = &self.cache {
            cache.prune();
        }
        Ok(())
    }
}

impl Drop for Indexer<'_> {
    /// A build that fails still waits for its indexing threads (their work is dropped).
    fn drop(&mut self) {
        for (handle, _) in self.running.drain(..) {
            let _ = handle.join();
        }
    }
}
