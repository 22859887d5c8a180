//! Site search: a Pagefind index of the built article pages, one index per locale, written
//! under `pagefind/` in the site. Pagefind reads each page's `<html lang>` to pick the
//! language (stemming for de/nl/sv/ru, word segmentation for zh with its `extended`
//! feature) and indexes only the element marked `data-pagefind-body`, minus anything inside
//! `data-pagefind-ignore`. The browser side (`assets/search.js`) loads `pagefind/pagefind.js`,
//! which picks the index of the page's own language: a search never leaves the locale.
//!
//! The index is written by `native` (crate `pagefind_native`: Pagefind's files, byte for
//! byte, for a fraction of its cost), with Pagefind's runtime files from `runtime`
//! (`vendor/pagefind/`); Pagefind itself only serves the tests as their reference. The
//! indexer is handed each page's search view (`view`), not the whole page: the part
//! Pagefind reads (the body, the `<html lang>` and the `<title>`), which gives the same index
//! while the indexer parses only that part of each page, not its navigation and chrome. A
//! page whose HTML the native parser does not follow is an error ([`Unfollowed`]), never
//! indexed some other way.

use std::collections::BTreeMap;
use std::sync::Mutex;

use anyhow::{Context, Result};

use crate::render::{Files, Sink};

pub mod cache;
mod incremental;
mod indexer;
mod native;
mod runtime;
#[cfg(test)]
mod tests;
mod view;

pub use cache::Cache;
pub use incremental::Incremental;
pub use indexer::Indexer;
pub use native::Unfollowed;
use view::search_view;

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

/// Indexes `pages` (site-relative path -> HTML, e.g. `ru-RU/some-article/index.html`: whole
/// pages, or their `search_view`s as the [`Tee`] keeps them; both give the same index) and
/// returns the files to write below [`DIR`], sorted by path. No disk access: the files are
/// built in memory. Pages are added in path order, and chunks are named by content hash, so
/// the same pages give the same bytes. An `Err` (a page the indexer does not follow,
/// [`Unfollowed`]) fails the build: the caller does not commit the site.
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

/// One index of `pages` (all of one locale, or several), on the calling thread; its parsing
/// and packing use every thread. Each page leaves memory once parsed.
fn index_alone(pages: Files) -> Result<Files> {
    let parsed = native::parse_all(&pages)?;
    drop(pages);
    native::index(parsed)
}

/// The cache keys of the locales one index is made of: (Pagefind's language key, key).
pub(crate) type Keys = Vec<(String, String)>;

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
