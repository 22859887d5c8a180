//! Site search: a Pagefind index of the built article pages, one index per locale, written
//! under `pagefind/` in the site. Pagefind reads each page's `<html lang>` to pick the
//! language (stemming for de/nl/sv/ru, word segmentation for zh with its `extended`
//! feature) and indexes only the element marked `data-pagefind-body`, minus anything inside
//! `data-pagefind-ignore`. The browser side (`assets/search.js`) loads `pagefind/pagefind.js`,
//! which picks the index of the page's own language: a search never leaves the locale.
//!
//! The index is written by `native` (crate `pagefind_native`: Pagefind's files, byte for
//! byte, for a fraction of its cost), or by Pagefind itself for a locale with a page the
//! native parser does not follow exactly. Either is handed each page's `search_view`, not
//! the whole page: the part Pagefind reads (the body, the `<html lang>` and the `<title>`),
//! which gives the same index for about half the parsing.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::render::{Files, Sink};

pub mod cache;
mod native;

pub use cache::Cache;

/// The directory, below the site root, that holds the index and Pagefind's own JS.
pub const DIR: &str = "pagefind";

/// Each locale's search views (path -> view), by locale.
pub type Views = BTreeMap<String, Files>;

/// The entry file, which names each language's meta file (and so its index).
pub const ENTRY: &str = "pagefind-entry.json";

/// Whether a build writes a search index, and whether it reuses the unchanged locales'
/// indexes from a cache directory (see [`cache`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode<'a> {
    Off,
    /// Every locale indexed afresh.
    On,
    Cached(&'a std::path::Path),
}

/// A sink that passes every file on to `inner` and keeps what Pagefind reads of the pages
/// that carry a search body (their `search_view`), for [`index_pages`]. With `enabled`
/// false it only passes files on. The kept views stay in memory: Pagefind needs every page
/// before it can build the index.
pub struct Tee<'a> {
    inner: &'a dyn Sink,
    enabled: bool,
    pages: Mutex<Files>,
}

impl<'a> Tee<'a> {
    pub fn new(inner: &'a dyn Sink, enabled: bool) -> Tee<'a> {
        Tee { inner, enabled, pages: Mutex::default() }
    }

    /// The pages kept (their views), sorted by path.
    pub fn into_pages(self) -> Files {
        self.pages.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    /// The pages kept since the last call (their views), sorted by path; the tee keeps
    /// none of them any more.
    pub fn take_pages(&self) -> Files {
        std::mem::take(&mut *self.pages.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Sink for Tee<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.inner.put(path, bytes)?;
        if let Some(kept) = self.enabled.then(|| kept_for_search(path, bytes)).flatten() {
            self.pages.lock().unwrap_or_else(|e| e.into_inner()).insert(path.into(), kept);
        }
        Ok(())
    }
}

/// What the [`Tee`] keeps of a file for the index: a page is indexed when it marks its
/// body for search (article pages do), and then its view is kept, or the whole page when it
/// has none.
fn kept_for_search(path: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    const MARK: &str = "data-pagefind-body";
    if !path.ends_with(".html") {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(html) if html.contains(MARK) => {
            Some(search_view(html).map_or_else(|| bytes.to_vec(), String::into_bytes))
        }
        Ok(_) => None,
        Err(_) => bytes.windows(MARK.len()).any(|w| w == MARK.as_bytes()).then(|| bytes.to_vec()),
    }
}

/// Pagefind's output files that the site needs: the search API (`pagefind.js`, its worker),
/// the entry file naming each language's index, the WebAssembly search cores, each
/// language's meta file and its index, fragment and filter chunks. Its ready-made UIs are
/// left out: the site has its own (`assets/search.js`).
fn is_needed(name: &str) -> bool {
    matches!(name, "pagefind.js" | "pagefind-worker.js" | ENTRY)
        || (name.starts_with("wasm.") && name.ends_with(".pagefind"))
        || (name.starts_with("pagefind.") && name.ends_with(".pf_meta"))
        || name.starts_with("index/")
        || name.starts_with("fragment/")
        || name.starts_with("filter/")
}

/// Indexes `pages` (site-relative path -> HTML, e.g. `ru-RU/some-article/index.html`: whole
/// pages, or their `search_view`s as the [`Tee`] keeps them; both give the same index) and
/// returns the files to write below [`DIR`], sorted by path. No disk access: Pagefind builds
/// the files in memory. Pages are added in path order, and Pagefind names its chunks by
/// content hash, so the same pages give the same bytes. An `Err` is Pagefind failing,
/// an operational error: the caller does not commit the site.
pub fn index_pages(pages: &Files) -> Result<Files> {
    // Each language's index is independent: one per locale, merged (shared files, such as
    // the search API, are the same in each; the entry file lists every language).
    let mut by_locale: BTreeMap<&str, Files> = BTreeMap::new();
    for (path, html) in pages {
        let locale = path.split('/').next().unwrap_or_default();
        by_locale.entry(locale).or_default().insert(path.clone(), html.clone());
    }
    let mut indexer = Indexer::new(None);
    for (_, pages) in by_locale {
        indexer.add(pages)?;
    }
    indexer.finish()
}

/// Indexing beside the build: [`Indexer::add`] starts indexing one locale's pages on a
/// thread of its own as soon as the locale is rendered, so the index is built while the
/// next locales render, and each locale's pages leave memory once indexed. With the native
/// indexer, which uses every thread, `add` waits for the oldest locale in flight while the
/// pages in flight would pass 2 MB (a 1,000-article locale is indexed alone, or beside one
/// more with [`Indexer::set_lookahead`]; the small
/// locales of the shipped site and the corpus all at once), and the first `add` also starts
/// taking Pagefind's constant files, on a thread of their own. With Pagefind, as many
/// locales are in flight as the build has threads, and small locales (under 2 MB of pages)
/// wait for `finish` and share indexes.
/// [`Indexer::finish`] merges the outputs: the same files as [`index_pages`] of all the
/// pages (each language's index depends only on its own pages). An indexer
/// [`writing_to`](Indexer::writing_to) a sink writes each locale's files as soon as it has
/// them instead, and the merged entry file last ([`Indexer::finish_written`]), so that the
/// finished locales' indexes do not stay in memory while the next ones render (5,000
/// articles × 6: ~27 MB of files, a tenth of the peak).
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
    /// Small locales' pages, by locale, indexed together by [`Indexer::finish`], each with
    /// its cache key.
    small: Vec<(Files, Keys)>,
    cache: Option<Arc<Cache>>,
    /// The locales whose index came from the cache (Pagefind's language keys).
    reused: Vec<String>,
    /// Whether the native indexer's constant files are being taken already.
    prefetched: bool,
    /// With the native indexer, how many indexes beyond the pages budget may run while the
    /// next is started ([`Indexer::set_lookahead`]).
    lookahead: usize,
}

/// The cache keys of the locales one index is made of: (Pagefind's language key, key).
type Keys = Vec<(String, String)>;

/// With Pagefind, below this many bytes of pages a locale waits for [`Indexer::finish`] and
/// shares an index with the other small ones: each index has fixed costs (a runtime, and
/// minifying Pagefind's JavaScript when it writes its files: ~5 ms), which dominate a small
/// site's indexing. With the native indexer, which has no such costs, the most bytes of
/// pages in flight (beyond one locale's). A 1,000-article locale's views are ~10 MB; the
/// shipped site's, a few KB. Indexing the corpus's locales as they were rendered rather
/// than together after the rendering took its cold build from 188 to 171 ms and a rebuild
/// after one edit from 108 to 90 ms (medians of 19).
const SMALL_LOCALE_BYTES: usize = 2 << 20;

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
            small: Vec::new(),
            cache: cache.map(Arc::new),
            reused: Vec::new(),
            prefetched: false,
            lookahead: 0,
        }
    }

    /// Lets the next [`Indexer::add`]s start indexing their locale while up to `lookahead`
    /// large locales are still being indexed, instead of waiting for them (native indexer).
    /// A build with memory to spare sets 1: each large locale's index then overlaps the
    /// next locale's loading and rendering instead of ending alone on one core (the end of
    /// an index, writing its files, is serial). 1,000 articles × 6: a core was idle for about
    /// a third of each locale's last 40 ms without; with it, wall time -2.5 % for the same CPU
    /// (medians of 15). The pages and the index state of one more locale stay in memory
    /// meanwhile (~10 MB there, ~50 MB at 5,000 articles, where the build's memory budget
    /// keeps it at 0).
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
        if native::enabled() && !self.prefetched {
            // Its constant files, taken beside the rendering of the next locales.
            self.prefetched = true;
            native::prefetch_assets(self.cache.clone());
        }
        if !native::enabled() && pages.values().map(Vec::len).sum::<usize>() < SMALL_LOCALE_BYTES {
            self.small.push((pages, keys));
            return Ok(());
        }
        self.spawn(pages, keys)
    }

    /// The locales (Pagefind's language keys) whose index came from the cache so far.
    pub fn reused(&self) -> &[String] {
        &self.reused
    }

    /// Indexes `pages` (one locale, or several small ones) on a thread of its own, and
    /// caches each locale's part of the index under its key.
    fn spawn(&mut self, pages: Files, keys: Keys) -> Result<()> {
        // The native indexer uses every thread for one locale (and is done with a large one
        // before the next is rendered), so a budget of bytes keeps a single large locale's
        // pages in flight; Pagefind indexes a locale on one thread, so it gets one per thread.
        let bytes: usize = pages.values().map(Vec::len).sum();
        if native::enabled() {
            while self.running.len() > self.lookahead
                && self.running.iter().map(|(_, b)| b).sum::<usize>() + bytes > SMALL_LOCALE_BYTES
            {
                self.join_oldest()?;
            }
        } else {
            while self.running.len() >= rayon::current_num_threads().max(1) {
                self.join_oldest()?;
            }
        }
        let cache = self.cache.clone();
        // A plain thread, not a rayon task: we block on a tokio runtime, and Pagefind uses
        // rayon inside it; a rayon worker waiting there for its share may steal another
        // task that starts a second runtime on the same thread, which tokio refuses with a
        // panic (reproduced with rayon and tokio alone on 8 threads).
        let handle = std::thread::spawn(move || {
            let files = index_alone(pages, cache.as_deref())?;
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

    /// Indexes the small locales and waits for every index.
    fn wait(&mut self) -> Result<()> {
        // The small locales, heaviest first, dealt into one index per thread (a language is
        // never split between indexes, so which index takes which does not change the files).
        let mut small = std::mem::take(&mut self.small);
        small.sort_by_cached_key(|(pages, _)| {
            std::cmp::Reverse(pages.values().map(Vec::len).sum::<usize>())
        });
        let mut groups: Vec<(Files, Keys)> = vec![
            (Files::new(), Keys::new());
            rayon::current_num_threads()
                .clamp(1, small.len().max(1))
        ];
        for (i, (pages, keys)) in small.into_iter().enumerate() {
            let n = groups.len();
            groups[i % n].0.extend(pages);
            groups[i % n].1.extend(keys);
        }
        for (pages, keys) in groups.into_iter().filter(|(pages, _)| !pages.is_empty()) {
            self.spawn(pages, keys)?;
        }
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

/// One index of `pages`, on the calling thread (its own runtime, and one thread for
/// Pagefind's parallel loops). Each page leaves memory once Pagefind has read it.
fn index_alone(pages: Files, cache: Option<&Cache>) -> Result<Files> {
    if native::enabled() {
        match native::parse_all(&pages) {
            Ok(parsed) => {
                drop(pages);
                return native::index(parsed, cache);
            }
            Err((path, unsupported)) => {
                eprintln!("note: search: Pagefind indexes `{path}` and its locale ({unsupported})");
            }
        }
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .context("failed to start the search indexer's runtime")?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .context("failed to start the search indexer's threads")?;
    let mut index = new_index()?;
    pool.install(|| {
        runtime.block_on(async {
            add_pages(&mut index, pages).await?;
            files(&mut index).await
        })
    })
}

/// Merges the locales' outputs: files by name, and the entry file's `languages`.
fn merge(parts: Vec<Files>) -> Result<Files> {
    let mut out = Files::new();
    let mut entry: Option<serde_json::Value> = None;
    for part in parts {
        for (name, bytes) in part {
            if name != ENTRY {
                out.insert(name, bytes);
                continue;
            }
            let value: serde_json::Value =
                serde_json::from_slice(&bytes).context("unreadable search entry file")?;
            match entry.as_mut() {
                None => entry = Some(value),
                Some(merged) => {
                    let languages = value.get("languages").and_then(|l| l.as_object()).cloned();
                    if let (Some(into), Some(from)) =
                        (merged.get_mut("languages").and_then(|l| l.as_object_mut()), languages)
                    {
                        into.extend(from);
                    }
                }
            }
        }
    }
    if let Some(entry) = entry {
        out.insert(ENTRY.into(), serde_json::to_vec(&entry)?);
    }
    Ok(out)
}

/// The locale all of `pages` belong to (their paths' first segment), if they share one.
fn single_locale(pages: &Files) -> Option<&str> {
    fn locale(path: &str) -> Option<&str> {
        path.split_once('/').map(|(locale, _)| locale)
    }
    let first = locale(pages.keys().next()?)?;
    pages.keys().all(|path| locale(path) == Some(first)).then_some(first)
}

/// Caches each locale's part of `files`, one index of the locales `keys` names (by
/// Pagefind's language key). Nothing is cached unless the index holds exactly those
/// languages, each split off whole (see [`split_by_language`]).
fn store_parts(cache: &Cache, files: &Files, keys: &Keys) {
    let Some(parts) = split_by_language(files) else { return };
    if parts.len() != keys.len() || keys.iter().any(|(language, _)| !parts.contains_key(language)) {
        return;
    }
    for (language, key) in keys {
        cache.put(key, &parts[language]);
    }
}

/// The files shared by every language's index: the search API, its worker, and the search
/// core for languages without a stemmer (Pagefind's language `unknown` has no core of its
/// own).
const SHARED: [&str; 3] = ["pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"];

/// Splits an index of several languages into what an index of each language alone holds:
/// the shared files, the language's own files ([`language_of`]) and an entry file naming
/// only that language. [`merge`] of the parts gives `files` back. `None` when a file
/// belongs to no language (an output this does not know).
fn split_by_language(files: &Files) -> Option<BTreeMap<String, Files>> {
    let entry: serde_json::Value = serde_json::from_slice(files.get(ENTRY)?).ok()?;
    let languages = entry.get("languages")?.as_object()?;
    let names: Vec<&str> = languages.keys().map(String::as_str).collect();
    let mut parts = BTreeMap::new();
    for (language, record) in languages {
        let mut own = entry.clone();
        own["languages"] = serde_json::json!({ language: record });
        let mut part: Files = SHARED
            .iter()
            .filter_map(|&name| Some((name.to_string(), files.get(name)?.clone())))
            .collect();
        part.insert(ENTRY.into(), serde_json::to_vec(&own).ok()?);
        parts.insert(language.clone(), part);
    }
    for (name, bytes) in files {
        if name == ENTRY || SHARED.contains(&name.as_str()) {
            continue;
        }
        let language = language_of(name, &names)?;
        parts.get_mut(language)?.insert(name.clone(), bytes.clone());
    }
    Some(parts)
}

/// The language (one of `languages`) whose index the output file `name` is part of:
/// Pagefind names them `pagefind.<language>_<hash>.pf_meta`, `wasm.<language>.pagefind` and
/// `index|fragment|filter/<language>_<hash>.*`. The longest language that fits wins (the
/// hash has no `_`, so `a_b_1` is `a_b`'s). `None` for the shared files.
fn language_of<'a>(name: &str, languages: &[&'a str]) -> Option<&'a str> {
    let fits = |language: &str| {
        let stem = name.rsplit('/').next().unwrap_or(name);
        let stem = stem.strip_prefix("pagefind.").unwrap_or(stem);
        let own_chunk = stem.strip_prefix(language).is_some_and(|rest| rest.starts_with('_'));
        own_chunk || name == format!("wasm.{language}.pagefind")
    };
    languages
        .iter()
        .copied()
        .filter(|language| fits(language))
        .max_by_key(|language| language.len())
}

/// A new, empty Pagefind index with the default options.
fn new_index() -> Result<PagefindIndex> {
    let config = PagefindServiceConfig::builder().build();
    PagefindIndex::new(Some(config)).context("invalid search options")
}

/// Adds `pages` to `index`, in the given (path) order.
async fn add_pages(index: &mut PagefindIndex, pages: Files) -> Result<()> {
    for (path, html) in pages {
        // Pages are UTF-8 (rendered here); a lossy copy only if one is not.
        let html = String::from_utf8(html)
            .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned());
        index
            .add_html_file(Some(path.clone()), None, html)
            .await
            .with_context(|| format!("failed to index `{path}` for search"))?;
    }
    Ok(())
}

/// Builds `index` and returns the files of it that the site needs, by path.
async fn files(index: &mut PagefindIndex) -> Result<Files> {
    let files = index.get_files().await.context("failed to build the search index")?;
    let mut out = BTreeMap::new();
    for file in files {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        if is_needed(&name) {
            out.insert(name, file.contents);
        }
    }
    Ok(out)
}

/// What Pagefind reads of an article page, as a smaller HTML document of its own: the
/// `<html>` start tag (`lang` picks the language), the first `<title>` (the result's title
/// when the body has no `<h1>`) and the element marked `data-pagefind-body`, minus the
/// blocks inside it that Pagefind skips and that leave no trace in the index (marked
/// `data-pagefind-ignore`, or a `nav` or `script` without an `id`).
///
/// Pagefind parses every element of a page, chrome included, on its way to the body; this
/// view gives it the same index (words, positions, excerpts, anchors, title) for about half
/// the parsing. `None` when the page has anything outside the view that Pagefind would
/// read: a `data-pagefind-*` attribute, an `<h1>` (a title candidate), an `<img>` (an
/// image candidate), another `<title>` or `<html>`, text after the body in the body's
/// ancestors (Pagefind appends it to the body's text), or markup this scanner does not
/// follow. The caller then indexes the whole page.
fn search_view(html: &str) -> Option<String> {
    #[derive(Clone, Copy)]
    enum At<'a> {
        /// Before the body: page chrome.
        Chrome,
        /// Inside the body element, `depth` elements named `name` deep.
        Body { name: &'a str, depth: usize },
        /// Inside a block left out of the body, from byte `from`; `body` is where to return.
        Skipped { name: &'a str, depth: usize, from: usize, body: (&'a str, usize) },
        /// After the body, `depth` elements below the body's parent.
        After { depth: usize },
    }
    let mut at = At::Chrome;
    let mut html_tag = None;
    let mut title: Option<(usize, Option<usize>)> = None;
    let mut body = 0..0;
    let mut skipped = Vec::new();
    for token in Lexer::new(html) {
        match (at, token?) {
            (At::Chrome, Token::Start(tag)) => {
                if tag.body {
                    if tag.self_closing || is_void(tag.name) {
                        return None;
                    }
                    body.start = tag.span.start;
                    at = At::Body { name: tag.name, depth: 1 };
                } else if html_tag.is_none() && tag.is("html") {
                    html_tag = Some(tag.span);
                } else if title.is_none() && tag.is("title") {
                    title = Some((tag.span.start, None));
                } else if tag.is_read_outside_body() {
                    return None;
                }
            }
            (At::Chrome, Token::End(tag)) if tag.is("title") => {
                if let Some((_, end @ None)) = title.as_mut() {
                    *end = Some(tag.span.end);
                }
            }
            (At::Body { name, depth }, Token::Start(tag)) => {
                if tag.is_skippable() {
                    if tag.self_closing {
                        return None;
                    }
                    let from = tag.span.start;
                    at = At::Skipped { name: tag.name, depth: 1, from, body: (name, depth) };
                } else if tag.is(name) {
                    at = At::Body { name, depth: depth + 1 };
                }
            }
            (At::Body { name, depth }, Token::End(tag)) if tag.is(name) => {
                at = if depth == 1 {
                    body.end = tag.span.end;
                    At::After { depth: 0 }
                } else {
                    At::Body { name, depth: depth - 1 }
                };
            }
            (At::Skipped { name, depth, from, body }, Token::Start(tag)) => {
                if tag.is_read_in_skipped_block() {
                    return None;
                }
                if tag.is(name) {
                    at = At::Skipped { name, depth: depth + 1, from, body };
                }
            }
            (At::Skipped { name, depth, from, body }, Token::End(tag)) if tag.is(name) => {
                at = if depth == 1 {
                    skipped.push(from..tag.span.end);
                    At::Body { name: body.0, depth: body.1 }
                } else {
                    At::Skipped { name, depth: depth - 1, from, body }
                };
            }
            (At::After { depth }, Token::Start(tag)) => {
                if tag.is_read_outside_body() {
                    return None;
                }
                if !tag.self_closing && !is_void(tag.name) {
                    at = At::After { depth: depth + 1 };
                }
            }
            (At::After { depth }, Token::End(_)) => {
                at = At::After { depth: depth.saturating_sub(1) };
            }
            (At::After { depth: 0 }, Token::Text(text)) if !text.trim().is_empty() => {
                return None;
            }
            _ => {}
        }
    }
    let (At::After { depth: 0 }, Some(html_tag)) = (at, html_tag) else { return None };
    let mut view = String::with_capacity(body.len() + 256);
    view.push_str(&html[html_tag]);
    view.push_str("<head>");
    if let Some((start, end)) = title {
        view.push_str(&html[start..end?]);
    }
    view.push_str("</head><body>");
    let mut from = body.start;
    for skip in skipped {
        view.push_str(&html[from..skip.start]);
        from = skip.end;
    }
    view.push_str(&html[from..body.end]);
    view.push_str("</body></html>");
    Some(view)
}

/// Pagefind's inline elements: a child of one inherits its anchor, so an inline block is
/// never left out of the view.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code", "dfn", "em", "i",
    "img", "input", "kbd", "label", "map", "object", "output", "q", "samp", "script", "select",
    "small", "span", "strong", "sub", "sup", "textarea", "time", "tt", "var",
];

fn is_void(name: &str) -> bool {
    [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]
    .iter()
    .any(|v| v.eq_ignore_ascii_case(name))
}

enum Token<'a> {
    Start(Tag<'a>),
    End(Tag<'a>),
    Text(&'a str),
    /// A comment, doctype or processing instruction.
    Other,
}

#[derive(Clone)]
struct Tag<'a> {
    name: &'a str,
    /// The whole tag, `<` to `>`.
    span: std::ops::Range<usize>,
    self_closing: bool,
    /// The attributes Pagefind looks at: `id`, `data-pagefind-body`, `data-pagefind-ignore`
    /// and any other `data-pagefind-*`.
    id: bool,
    body: bool,
    ignore: bool,
    other_pagefind: bool,
}

impl Tag<'_> {
    fn new(name: &str, span: std::ops::Range<usize>) -> Tag<'_> {
        Tag {
            name,
            span,
            self_closing: false,
            id: false,
            body: false,
            ignore: false,
            other_pagefind: false,
        }
    }

    fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    fn is_any(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.is(n))
    }

    fn note_attr(&mut self, name: &[u8]) {
        const PAGEFIND: &[u8] = b"data-pagefind-";
        if name.eq_ignore_ascii_case(b"id") {
            self.id = true;
        } else if name.len() > PAGEFIND.len()
            && name[..PAGEFIND.len()].eq_ignore_ascii_case(PAGEFIND)
        {
            match &name[PAGEFIND.len()..] {
                rest if rest.eq_ignore_ascii_case(b"body") => self.body = true,
                rest if rest.eq_ignore_ascii_case(b"ignore") => self.ignore = true,
                _ => self.other_pagefind = true,
            }
        }
    }

    /// An element that Pagefind reads even inside a skipped block: a title or image
    /// candidate, a language, or a `data-pagefind-*` other than `-ignore`.
    fn is_read_in_skipped_block(&self) -> bool {
        self.is_any(&["h1", "img", "title", "html"]) || self.body || self.other_pagefind
    }

    /// An element that Pagefind reads even outside the body (where an ignored block is
    /// read too: an ignored ancestor of the body can exclude it).
    fn is_read_outside_body(&self) -> bool {
        self.is_read_in_skipped_block() || self.ignore
    }

    /// A block inside the body whose content Pagefind skips and that leaves no anchor: one
    /// marked `data-pagefind-ignore` (not inline, since inline children inherit anchors),
    /// or a `nav` or `script` (skipped by Pagefind's own rules) without an `id`.
    fn is_skippable(&self) -> bool {
        if self.is_read_in_skipped_block() || is_void(self.name) {
            return false;
        }
        (self.ignore && !self.is_any(INLINE)) || (!self.id && self.is_any(&["nav", "script"]))
    }
}

/// The index just past an attribute value starting at (or after whitespace from) `i`.
fn skip_value(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && s[i].is_ascii_whitespace() {
        i += 1;
    }
    match s.get(i) {
        Some(&q @ (b'"' | b'\'')) => match s[i + 1..].iter().position(|&c| c == q) {
            Some(end) => i + 1 + end + 1,
            None => s.len(),
        },
        _ => {
            while i < s.len() && s[i] != b'>' && !s[i].is_ascii_whitespace() {
                i += 1;
            }
            i
        }
    }
}

/// A small HTML tokenizer, enough for the pages drillbook writes: tags with their
/// attributes (quoted values may hold `>`), comments, and the raw text of `script`,
/// `style`, `title` and `textarea`. It yields `None` where it is not sure to read the page
/// as a browser would (foreign content, other raw-text elements, a tag cut off).
struct Lexer<'a> {
    html: &'a str,
    pos: usize,
    /// Inside a raw-text element of this name.
    raw: Option<&'a str>,
}

impl<'a> Lexer<'a> {
    fn new(html: &'a str) -> Lexer<'a> {
        Lexer { html, pos: 0, raw: None }
    }

    fn lex(&mut self) -> Option<Token<'a>> {
        let html = self.html;
        let rest = &html[self.pos..];
        let s = rest.as_bytes();
        if let Some(name) = self.raw.take() {
            let mut end = 0;
            loop {
                end += rest[end..].find("</")?;
                let after = &s[end + 2..];
                if after.len() > name.len()
                    && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
                    && matches!(
                        after[name.len()],
                        b'>' | b'/' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' '
                    )
                {
                    break;
                }
                end += 2;
            }
            self.pos += end;
            return Some(Token::Text(&rest[..end]));
        }
        let Some(lt) = rest.find('<') else {
            self.pos = html.len();
            return Some(Token::Text(rest));
        };
        if lt > 0 {
            self.pos += lt;
            return Some(Token::Text(&rest[..lt]));
        }
        let start = self.pos;
        if let Some(comment) = rest.strip_prefix("<!--") {
            // `<!-->` and `<!--->` are whole (empty) comments.
            let len = match comment.as_bytes() {
                [b'>', ..] => 1,
                [b'-', b'>', ..] => 2,
                _ => comment.find("-->")? + 3,
            };
            self.pos += 4 + len;
            return Some(Token::Other);
        }
        match s.get(1) {
            Some(b'!' | b'?') => {
                self.pos += rest.find('>')? + 1;
                Some(Token::Other)
            }
            Some(b'/') if s.get(2).is_some_and(u8::is_ascii_alphabetic) => {
                let name_end = 2 + s[2..]
                    .iter()
                    .position(|&c| c == b'/' || c == b'>' || c.is_ascii_whitespace())?;
                let end = rest.find('>')? + 1;
                self.pos += end;
                Some(Token::End(Tag::new(&rest[2..name_end], start..start + end)))
            }
            Some(b'/') => {
                self.pos += rest.find('>')? + 1;
                Some(Token::Other)
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = 1 + s[1..]
                    .iter()
                    .position(|&c| c == b'/' || c == b'>' || c.is_ascii_whitespace())?;
                let mut tag = Tag::new(&rest[1..name_end], start..start);
                let mut i = name_end;
                loop {
                    match *s.get(i)? {
                        b'>' => break,
                        b'/' => {
                            tag.self_closing = s.get(i + 1) == Some(&b'>');
                            i += 1;
                        }
                        c if c.is_ascii_whitespace() => i += 1,
                        _ => {
                            tag.self_closing = false;
                            let attr = i;
                            i += 1;
                            while i < s.len()
                                && !matches!(s[i], b'=' | b'/' | b'>')
                                && !s[i].is_ascii_whitespace()
                            {
                                i += 1;
                            }
                            tag.note_attr(&s[attr..i]);
                            let mut j = i;
                            while j < s.len() && s[j].is_ascii_whitespace() {
                                j += 1;
                            }
                            if s.get(j) == Some(&b'=') {
                                i = skip_value(s, j + 1);
                                if i >= s.len() {
                                    return None;
                                }
                            }
                        }
                    }
                }
                tag.span.end = start + i + 1;
                self.pos += i + 1;
                if tag.is_any(&["script", "style", "title", "textarea"]) {
                    self.raw = Some(tag.name);
                } else if tag.is_any(&[
                    "svg",
                    "math",
                    "iframe",
                    "noembed",
                    "noframes",
                    "noscript",
                    "xmp",
                    "plaintext",
                ]) {
                    return None;
                }
                Some(Token::Start(tag))
            }
            _ => {
                self.pos += 1;
                Some(Token::Text(&rest[..1]))
            }
        }
    }
}

impl<'a> Iterator for Lexer<'a> {
    /// `Some(None)`: the page cannot be read with certainty.
    type Item = Option<Token<'a>>;

    fn next(&mut self) -> Option<Option<Token<'a>>> {
        if self.pos >= self.html.len() {
            return None;
        }
        let token = self.lex();
        if token.is_none() {
            self.pos = self.html.len();
        }
        Some(token)
    }
}

/// Size in bytes of each language's index, by Pagefind's language key (`ru-ru`): its meta
/// file and its `index/`, `fragment/` and `filter/` chunks, which Pagefind names
/// `<language>_<hash>`. The shared search core (`wasm.*.pagefind`, `pagefind*.js`) is not
/// counted.
pub fn index_sizes(files: &Files) -> BTreeMap<String, u64> {
    let mut sizes = BTreeMap::new();
    let Some(entry) = files.get(ENTRY) else { return sizes };
    let Ok(entry) = serde_json::from_slice::<serde_json::Value>(entry) else { return sizes };
    let Some(languages) = entry.get("languages").and_then(|l| l.as_object()) else {
        return sizes;
    };
    let names: Vec<&str> = languages.keys().map(String::as_str).collect();
    for name in &names {
        sizes.insert(name.to_string(), 0);
    }
    for (name, bytes) in files.iter().filter(|(name, _)| !name.starts_with("wasm.")) {
        if let Some(language) = language_of(name, &names) {
            *sizes.entry(language.to_string()).or_default() += bytes.len() as u64;
        }
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lang: &str, body: &str) -> Vec<u8> {
        format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><title>t</title></head><body>\
             <header>chrome</header><article data-pagefind-body><h1>{body}</h1>\
             <p>{body}</p><nav data-pagefind-ignore>skip</nav></article></body></html>"
        )
        .into_bytes()
    }

    #[test]
    fn one_index_per_language_and_only_marked_pages() {
        let mut pages = Files::new();
        pages.insert("ru-RU/a/index.html".into(), page("ru-RU", "Приостановите подписку"));
        pages.insert("zh-CN/a/index.html".into(), page("zh-CN", "删除与客户的分销商关系"));
        pages.insert(
            "ru-RU/index.html".into(),
            b"<html lang=\"ru-RU\"><body>x</body></html>".into(),
        );
        let files = index_pages(&pages).unwrap();
        let entry: serde_json::Value =
            serde_json::from_slice(&files["pagefind-entry.json"]).unwrap();
        assert_eq!(entry["languages"]["ru-ru"]["page_count"], 1, "{entry}");
        assert_eq!(entry["languages"]["zh-cn"]["page_count"], 1, "{entry}");
        let sizes = index_sizes(&files);
        assert_eq!(sizes.keys().collect::<Vec<_>>(), ["ru-ru", "zh-cn"]);
        assert!(sizes.values().all(|&bytes| bytes > 100), "{sizes:?}");
        assert!(files.keys().all(|name| is_needed(name)));
        assert_eq!(index_pages(&pages).unwrap(), files, "same input, same bytes");
    }

    /// An indexer writing to a sink writes what `finish` would have returned, each file
    /// once, and gives the sizes `index_sizes` gives of it.
    #[test]
    fn an_indexer_writing_to_a_sink_writes_the_files_finish_returns() {
        let locales = [("de-DE", "Abonnements aussetzen"), ("zh-CN", "删除与客户的分销商关系")];
        let mut by_locale = Vec::new();
        for (locale, text) in locales {
            let pages = Files::from([(format!("{locale}/a/index.html"), page(locale, text))]);
            by_locale.push(pages);
        }
        let mut kept = Indexer::new(None);
        for pages in &by_locale {
            kept.add(pages.clone()).unwrap();
        }
        let expected = kept.finish().unwrap();

        /// Every file put, in order.
        #[derive(Default)]
        struct Record(Mutex<Vec<(String, Vec<u8>)>>);
        impl Sink for Record {
            fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
                self.0.lock().unwrap().push((path.to_string(), bytes.to_vec()));
                Ok(())
            }
        }
        let sink = Record::default();
        let mut writing = Indexer::new(None).writing_to(&sink);
        for pages in &by_locale {
            writing.add(pages.clone()).unwrap();
        }
        let sizes = writing.finish_written().unwrap();
        let puts = sink.0.into_inner().unwrap();
        let written: Files = puts.iter().cloned().collect();
        assert_eq!(puts.len(), written.len(), "a file was written twice");
        let expected_paths: Vec<String> = expected.keys().map(|n| format!("{DIR}/{n}")).collect();
        assert_eq!(written.keys().cloned().collect::<Vec<_>>(), expected_paths);
        for (name, bytes) in &expected {
            assert!(written[&format!("{DIR}/{name}")] == *bytes, "{name} differs");
        }
        assert_eq!(sizes, index_sizes(&expected));
        assert_eq!(sizes.keys().collect::<Vec<_>>(), ["de-de", "zh-cn"]);
    }

    /// A part split off an index of several languages is what indexing that language
    /// alone gives (once [`merge`]d, which writes every entry file the same way): the
    /// cache stores parts, the build merges them.
    #[test]
    fn an_index_splits_into_each_language_alone() {
        let mut pages = Files::new();
        pages.insert("de-DE/a/index.html".into(), page("de-DE", "Abonnements aussetzen"));
        pages.insert("zh-CN/a/index.html".into(), page("zh-CN", "删除与客户的分销商关系"));
        let together = index_alone(pages.clone(), None).unwrap();
        let parts = split_by_language(&together).expect("every file has a language");
        assert_eq!(parts.keys().collect::<Vec<_>>(), ["de-de", "zh-cn"]);
        for (language, part) in &parts {
            let alone: Files = pages
                .iter()
                .filter(|(p, _)| p.to_lowercase().starts_with(language.as_str()))
                .map(|(p, html)| (p.clone(), html.clone()))
                .collect();
            let alone = merge(vec![index_alone(alone, None).unwrap()]).unwrap();
            let differ: Vec<_> = alone.keys().filter(|n| part.get(*n) != alone.get(*n)).collect();
            assert!(differ.is_empty() && alone.len() == part.len(), "{language}: {differ:?}");
        }
        assert!(merge(parts.into_values().collect()).unwrap() == merge(vec![together]).unwrap());
    }

    #[test]
    fn files_belong_to_the_longest_language_that_names_them() {
        let languages = ["a", "a_b", "de-de"];
        assert_eq!(language_of("index/a_b_12f.pf_index", &languages), Some("a_b"));
        assert_eq!(language_of("index/a_b12f.pf_index", &languages), Some("a"));
        assert_eq!(language_of("pagefind.de-de_9a.pf_meta", &languages), Some("de-de"));
        assert_eq!(language_of("wasm.de-de.pagefind", &languages), Some("de-de"));
        assert_eq!(language_of("fragment/de_9a.pf_fragment", &languages), None);
        assert_eq!(language_of("pagefind.js", &languages), None);
    }

    /// An article page as drillbook writes one: chrome around a body with an `<h1>`,
    /// anchored headings, skipped blocks (table of contents, simulator, pager) and a script.
    fn article(lang: &str) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>Remove a reseller (101) | Partner Center</title>\n\
             <script type=\"module\" src=\"../../assets/search.js\"></script>\n</head>\n\
             <body class=\"page-article\">\n<a class=\"skip-link\" href=\"#main\">Skip</a>\n\
             <header class=\"site-header\"><a class=\"site-title\" href=\"../\">Procedures</a>\n\
             <form class=\"site-search\" role=\"search\" hidden data-search><label for=\"q\">Search</label>\
             <input id=\"q\" type=\"search\"></form>\n<nav aria-label=\"Language\"><ul><li>\
             <a href=\"x\" title=\"a > b\">Deutsch</a></li></ul></nav></header>\n\
             <main id=\"main\" tabindex=\"-1\">\n\n<article class=\"article\" data-pagefind-body>\n\
             <h1>How to remove a reseller relationship</h1>\n\
             <p class=\"audience\"><strong>Roles:</strong> Global admin</p>\n\
             <p class=\"notice\" role=\"note\" data-pagefind-ignore>Machine translated</p>\n\
             <nav class=\"toc\" data-pagefind-ignore>\n<h2 id=\"toc-title\">In this article</h2>\n\
             <ul><li><a href=\"#remove\">Remove</a></li></ul>\n</nav>\n\
             <p>Direct partners &amp; indirect providers can <em>remove</em> a customer.<br>Then \
             <span data-pagefind-ignore>not this</span> that.</p>\n\
             <h2 id=\"remove\">Remove the relationship</h2>\n<ol class=\"procedure\">\n\
             <li id=\"step-suspend\" class=\"step\"><p><strong>Suspend</strong> subscriptions</p>\n\
             <ol type=\"1\"><li id=\"step-suspend-1\"><p>Select <strong>Customers</strong></p></li></ol></li>\n\
             </ol>\n<!-- a comment with </article> in it -->\n\
             <section id=\"sim\" class=\"sim\" data-pagefind-ignore>\n<h2 id=\"sim-title\">Rehearse</h2>\n\
             <section><p>Nested</p></section>\n</section>\n\
             <script type=\"application/json\" id=\"drillbook-sim-data\">{{\"a\":\"</p>\"}}</script>\n\
             <script>let a = \"<article>\";</script>\n\
             <nav class=\"next-steps\"><h2 id=\"next-steps\">Next steps</h2></nav>\n\
             <nav id=\"kept\"><p>Pager</p></nav>\n\
             <article><p>Nested article</p></article>\n\
             </article>\n\n</main>\n<footer class=\"site-footer\"><p>Built with drillbook.</p></footer>\n\
             </body>\n</html>\n"
        )
    }

    /// The index of `page` alone, as a whole and as its view: the same files, byte for byte.
    fn assert_same_index(page: &str) {
        let index = |html: &str| {
            let pages = Files::from([("en-US/a/index.html".to_string(), html.as_bytes().to_vec())]);
            index_pages(&pages).unwrap()
        };
        let view = search_view(page).expect("a view");
        assert_eq!(index(page), index(&view), "{view}");
    }

    #[test]
    fn the_view_keeps_what_pagefind_reads_of_a_page() {
        let page = article("ru-RU");
        let view = search_view(&page).unwrap();
        assert!(view.starts_with("<html lang=\"ru-RU\" dir=\"ltr\"><head><title>Remove"), "{view}");
        assert!(view.contains("<article class=\"article\" data-pagefind-body>"), "{view}");
        assert!(view.ends_with("</article>\n</article></body></html>"), "{view}");
        let gone = ["Skip", "Deutsch", "Machine", "In this article", "Rehearse", "Next steps"];
        for gone in gone.into_iter().chain(["let a", "footer"]) {
            assert!(!view.contains(gone), "{gone}: {view}");
        }
        // Inline blocks, blocks with an `id` (Pagefind anchors them) and comments stay.
        for kept in ["not this", "drillbook-sim-data", "Pager", "Nested article", "a comment"] {
            assert!(view.contains(kept), "{kept}: {view}");
        }
        assert_eq!(search_view(&view).as_deref(), Some(view.as_str()), "a view is its own view");
        assert_same_index(&page);
        assert_same_index(&page.replace("<h1>How to remove a reseller relationship</h1>", ""));
    }

    #[test]
    fn a_page_with_more_for_pagefind_outside_the_view_is_indexed_whole() {
        let page = article("en-US");
        for (what, from, to) in [
            ("a title candidate in the chrome", "<header ", "<h1>Chrome</h1><header "),
            ("an image candidate after the body", "<p>Built", "<img src=\"a.png\"><p>Built"),
            ("an image in a skipped block", "<h2 id=\"sim-title\">", "<img src=\"a.png\"><h2>"),
            ("metadata in the head", "<meta charset", "<meta data-pagefind-meta=\"a:b\" charset"),
            ("an excluded ancestor", "<main id", "<main data-pagefind-ignore=\"all\" id"),
            ("a filter in a skipped block", "<p>Nested", "<p data-pagefind-filter=\"a:b\">Nested"),
            ("a second title", "</footer>", "</footer><title>Other</title>"),
            ("text after the body", "</article>\n\n</main>", "</article>\nMore text</main>"),
            ("a body that does not end", "</article>\n\n</main>", "</main>"),
            ("foreign content", "<header ", "<svg><title>x</title></svg><header "),
            ("a tag cut off", "</html>\n", "</html><p class=\"x"),
            ("no html element", "<html lang=\"en-US\" dir=\"ltr\">", ""),
        ] {
            assert!(page.contains(from), "{what}");
            assert_eq!(search_view(&page.replacen(from, to, 1)), None, "{what}");
        }
        assert_eq!(search_view("<html><body><p>No body</p></body></html>"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(192))]

        /// Whatever the page, its view (when it has one) indexes as the page does.
        #[test]
        fn a_view_indexes_as_its_page_does(
            chrome in proptest::collection::vec(0..2 * CHROME.len(), 0..4),
            body in proptest::collection::vec(0..BODY.len(), 0..12),
            after in proptest::collection::vec(0..2 * AFTER.len(), 0..3),
            main in proptest::sample::select(vec!["", " data-pagefind-ignore", " data-pagefind-ignore=\"all\""]),
        ) {
            // Beyond the pieces, nothing: pages the view can stand for are the ones to test.
            let pick = |from: &[&str], picks: &[usize]| {
                picks.iter().map(|&i| from.get(i).copied().unwrap_or_default()).collect::<String>()
            };
            let page = format!(
                "<!DOCTYPE html><html lang=\"de-DE\"><head><title>Page &amp; title</title></head><body>\
                 {}<main id=\"main\"{main}><article data-pagefind-body>{}</article>{}</main></body></html>",
                pick(CHROME, &chrome), pick(BODY, &body), pick(AFTER, &after),
            );
            if search_view(&page).is_some() {
                assert_same_index(&page);
            }
        }
    }

    const CHROME: &[&str] = &[
        "<header><a href=\"/\">Home</a></header>",
        "<nav id=\"languages\"><a>Deutsch</a></nav>",
        "<p>Chrome text</p>",
        "<h1>Chrome heading</h1>",
        "<img src=\"logo.png\" alt=\"Logo\">",
        "<div data-pagefind-ignore>Ignored chrome</div>",
        "<script>let x = \"<article>\";</script>",
    ];

    const BODY: &[&str] = &[
        "<h1>Heading one</h1>",
        "<p>Alpha beta, gamma.</p>",
        "<h2 id=\"delta\">Delta <code>epsilon</code></h2>",
        "zeta eta ",
        "<br>",
        "<ul><li>theta</li><li id=\"iota\">iota <b>kappa</b></li></ul>",
        "<nav>lambda mu</nav>",
        "<nav id=\"nu\"><p>nu</p></nav>",
        "<div data-pagefind-ignore>xi <p id=\"omicron\">omicron</p></div>",
        "<section data-pagefind-ignore=\"all\"><section><h2 id=\"pi\">pi</h2></section></section>",
        "<span data-pagefind-ignore>rho <em>sigma</em></span>",
        "<h2 id=\"tau\">tau <span data-pagefind-ignore>upsilon <b>phi</b></span></h2>",
        "<script>var chi = '</p>';</script>",
        "<script id=\"psi\" type=\"application/json\">{\"omega\": 1}</script>",
        "<!-- </article> -->",
        "<!-->abrupt<!--->comments",
        "<img src=\"figure.png\" alt=\"Figure\">",
        "<p data-pagefind-weight=\"3\">weighted words</p>",
        "<div data-pagefind-ignore><img src=\"hidden.png\"></div>",
        "<table><tr><td>cell one</td><td>cell&nbsp;two</td></tr></table>",
        "<p>Fish &amp; chips &lt;3</p>",
        "<article><p>Inner article</p></article>",
        "<div data-pagefind-ignore><p data-pagefind-meta=\"k:v\">meta</p></div>",
        "<div data-pagefind-ignore><h1>Ignored heading</h1></div>",
    ];

    const AFTER: &[&str] =
        &["\n", "<footer><p>Footer</p></footer>", "Trailing text", "<img src=\"x.png\">"];

    #[test]
    fn the_tee_keeps_only_pages_marked_for_search() {
        let inner = crate::render::Collect::default();
        let tee = Tee::new(&inner, true);
        tee.put("a/index.html", b"<article data-pagefind-body>x</article>").unwrap();
        tee.put("b/index.html", b"<article>x</article>").unwrap();
        tee.put("c.md", b"data-pagefind-body").unwrap();
        assert_eq!(tee.into_pages().keys().collect::<Vec<_>>(), ["a/index.html"]);
        assert_eq!(inner.into_files().len(), 3);
    }
}
