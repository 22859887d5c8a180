//! The search index written natively (crate `pagefind_native`): the same files Pagefind
//! writes for the same pages, byte for byte once inflated ([`GZIP_LEVEL`]), at a fraction of its cost. Pagefind itself
//! still provides its constant files (the search API, its worker, the WebAssembly search
//! cores; see [`assets`]) and indexes any locale holding a page that the native parser does
//! not read exactly as Pagefind would ([`pagefind_native::parse`] says so, and
//! [`super::index_alone`] falls back).

use std::collections::BTreeMap;
use std::sync::{LazyLock, Mutex};

use anyhow::{Context, Result};
use pagefind_native::{Parsed, Unsupported};

use super::Cache;
use crate::render::Files;

/// Set to `pagefind` to index every locale with Pagefind itself (a way to compare the two,
/// and a way out should the native index ever be wrong).
pub(super) const BACKEND_VAR: &str = "DRILLBOOK_SEARCH_INDEXER";

/// Whether the native indexer may be used ([`BACKEND_VAR`] is not `pagefind`).
pub(super) fn enabled() -> bool {
    std::env::var_os(BACKEND_VAR).is_none_or(|v| v != "pagefind")
}

/// Every page of `pages` parsed (in parallel), in path order, or the first one (in path
/// order) the native parser does not follow (its path, and where and why).
pub(super) fn parse_all(pages: &Files) -> Result<Vec<(String, Parsed)>, (String, Unsupported)> {
    use rayon::prelude::*;
    let pages: Vec<(&String, &Vec<u8>)> = pages.iter().collect();
    let parsed: Vec<Result<Parsed, Unsupported>> = pages
        .par_iter()
        .map(|(_, html)| {
            let html = std::str::from_utf8(html).map_err(|err| {
                let reason = "not UTF-8".to_string();
                Unsupported { offset: err.valid_up_to(), reason }
            })?;
            pagefind_native::parse::parse(html)
        })
        .collect();
    pages
        .into_iter()
        .zip(parsed)
        .map(|((path, _), parsed)| {
            parsed.map(|parsed| (path.clone(), parsed)).map_err(|u| (path.clone(), u))
        })
        .collect()
}

/// The files Pagefind writes for the pages `parsed` (site-relative path, as the pages
/// were added to it, in that order), as [`super::files`] keeps them: fossicked and packed
/// in parallel runs ([`pagefind_native::index::index`]), a run of pages at a time a thread,
/// and gzipped at [`GZIP_LEVEL`].
pub(super) fn index(parsed: Vec<(String, Parsed)>, cache: Option<&Cache>) -> Result<Files> {
    let options = pagefind_native::index::Options { gzip_level: GZIP_LEVEL, ..Default::default() };
    let (mut files, languages) = pagefind_native::index::index_with(parsed, &options);
    let mut entry = Entry {
        version: pagefind_native::PAGEFIND_VERSION,
        languages: BTreeMap::new(),
        include_characters: pagefind_native::words::WORD_SYMBOLS.to_vec(),
    };
    for language in &languages {
        let record = EntryLanguage {
            hash: language.hash.clone(),
            wasm: language.wasm.clone(),
            page_count: language.page_count,
        };
        entry.languages.insert(language.language.clone(), record);
    }
    let with_core: Vec<&str> =
        languages.iter().filter(|l| l.wasm.is_some()).map(|l| l.language.as_str()).collect();
    files.extend(assets(&with_core, cache)?);
    files.insert(super::ENTRY.into(), serde_json::to_vec(&entry)?);
    Ok(files)
}

/// The gzip level of the index files: zlib's default, where Pagefind takes the best (9).
/// What a browser inflates is the same (so are the file names, hashes of it); on the
/// imported corpus the index is 1.8 % larger (391 -> 398 KB) and built in 60 % of the time
/// (`GZIP_LEVEL=9` and `6` with `examples/index_site` of `crates/pagefind-native`: 1,100 ->
/// 650 µs a page), which is most of a small site's cold build.
const GZIP_LEVEL: u32 = 6;

/// Pagefind's entry file (its `PagefindEntryMeta`: the same fields, in its order).
#[derive(serde::Serialize)]
struct Entry {
    version: &'static str,
    languages: BTreeMap<String, EntryLanguage>,
    include_characters: Vec<char>,
}

#[derive(serde::Serialize)]
struct EntryLanguage {
    hash: String,
    wasm: Option<String>,
    page_count: usize,
}

/// Starts taking Pagefind's constant files (see [`assets`]) on a thread of its own, so that
/// the first index to need them finds them ready, or waits less. A failure is left for that
/// index to meet again and report.
pub(super) fn prefetch_assets(cache: Option<std::sync::Arc<Cache>>) {
    std::thread::spawn(move || assets(&[], cache.as_deref()).map(drop));
}

/// Pagefind's constant files the site needs: the search API and its worker, the generic
/// search core, and the search core of each of `languages` (Pagefind's language keys, e.g.
/// `de-de`, whose core is `wasm.de-de.pagefind`: the core of its base language, `de`).
/// They depend only on Pagefind's version: Pagefind writes them once per process, for every
/// language it has a core for ([`pagefind_assets`], a few milliseconds: it minifies its
/// search API), or the search cache has them from an earlier run of the same program.
fn assets(languages: &[&str], cache: Option<&Cache>) -> Result<Files> {
    static ASSETS: LazyLock<Mutex<Option<Files>>> = LazyLock::new(Mutex::default);
    let mut assets = ASSETS.lock().unwrap_or_else(|e| e.into_inner());
    if assets.is_none() {
        let key = cache.map(|cache| cache.key(&Files::from([(ASSETS_KEY.into(), Vec::new())])));
        let cached = cache.zip(key.as_ref()).and_then(|(cache, key)| cache.get(key));
        let all = match cached.filter(is_complete) {
            Some(files) => files,
            None => {
                let files = pagefind_assets()?;
                if let Some((cache, key)) = cache.zip(key.as_ref()) {
                    cache.put(key, &files);
                }
                files
            }
        };
        *assets = Some(all);
    }
    let all = assets.as_ref().expect("filled above");
    let mut out = Files::new();
    for name in super::SHARED {
        let bytes = all.get(name).with_context(|| format!("Pagefind wrote no `{name}`"))?;
        out.insert(name.to_string(), bytes.clone());
    }
    for language in languages {
        let base = language.split('-').next().unwrap_or_default();
        let name = core(base);
        let bytes = all.get(&name).with_context(|| format!("Pagefind wrote no `{name}`"))?;
        out.insert(core(language), bytes.clone());
    }
    Ok(out)
}

/// The search cache's pseudo-page for [`assets`]: its key covers the program, so another
/// build of drillbook (another Pagefind) takes them afresh.
const ASSETS_KEY: &str = "drillbook: Pagefind's constant files";

/// The name of a language's search core.
fn core(language: &str) -> String {
    format!("wasm.{language}.pagefind")
}

/// Whether `files` holds every file [`pagefind_assets`] writes (a cache entry could be old).
fn is_complete(files: &Files) -> bool {
    super::SHARED.iter().all(|name| files.contains_key(*name))
        && pagefind_native::index::WASM_LANGUAGES
            .iter()
            .filter(|&&base| base != "unknown")
            .all(|base| files.contains_key(&core(base)))
}

/// Pagefind's constant files, from an index of one record per language it has a search
/// core for: the shared files and `wasm.<base language>.pagefind` for each.
fn pagefind_assets() -> Result<Files> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .context("failed to start the search indexer's runtime")?;
    runtime.block_on(async {
        let mut index = super::new_index()?;
        for &language in pagefind_native::index::WASM_LANGUAGES.iter().filter(|&&l| l != "unknown")
        {
            let meta = BTreeMap::from([("title".to_string(), "drillbook".to_string())]);
            index
                .add_custom_record(
                    format!("/{language}/"),
                    "drillbook".into(),
                    language.to_string(),
                    Some(meta),
                    None,
                    None,
                )
                .await
                .context("failed to take Pagefind's search files")?;
        }
        let files = index.get_files().await.context("failed to take Pagefind's search files")?;
        Ok(files
            .into_iter()
            .filter_map(|file| {
                let name = file.filename.to_string_lossy().replace('\\', "/");
                let constant = super::SHARED.contains(&name.as_str())
                    || (name.starts_with("wasm.") && name.ends_with(".pagefind"));
                constant.then_some((name, file.contents))
            })
            .collect())
    })
}
