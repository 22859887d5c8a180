//! The pages of a site -> its index files, exactly as Pagefind 1.6 writes them.
//!
//! In Pagefind's order:
//! 1. `SearchState::fossick_one`: a page with a URL seen before replaces the earlier page,
//!    at its position.
//! 2. `SearchState::build_indexes`: when any page has a `data-pagefind-body`, only those
//!    pages (and forced ones) are indexed; pages without words are dropped; the rest are
//!    grouped by language, and pages of `unknown` language join the primary language
//!    (the one with the most pages, the first by name on a tie).
//! 3. `index::build_indexes` for each language ([`language`]) and the files that
//!    `get_files()` returns for it: `pagefind.<lang>_<hash>.pf_meta`,
//!    `index/<lang>_<hash>.pf_index`, `fragment/<lang>_<hash>.pf_fragment` and
//!    `filter/<lang>_<hash>.pf_filter`, each gzipped after the `pagefind_dcd` signature.
//!
//! The bytes are Pagefind's when this crate is built with the same `flate2` backend as
//! Pagefind (one build of both always is).

use std::collections::{BTreeMap, HashMap};

use crate::{Files, Page};

mod encode;
mod language;
mod postings;

/// One language's index, as the entry file lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub language: String,
    /// `<language>_<hash>`: the meta file is `pagefind.<hash>.pf_meta`.
    pub hash: String,
    /// The language, when Pagefind has a search core for it (`wasm.<language>.pagefind`).
    pub wasm: Option<String>,
    pub page_count: usize,
}

/// The options of Pagefind's that change the index files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Pagefind's `max_fragments`: at most this many fragment files a language, by grouping
    /// pages' fragments. `None` (Pagefind's default): a file per page.
    pub max_fragments: Option<u32>,
    /// The size after which a word index chunk ends (Pagefind's `index_chunk_size`).
    pub index_chunk_size: usize,
}

impl Default for Options {
    /// Pagefind's defaults: no fragment grouping, and chunks of 20,000 unless the
    /// `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` environment variable, which Pagefind reads too,
    /// says otherwise.
    fn default() -> Self {
        Self {
            max_fragments: None,
            index_chunk_size: std::env::var("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE")
                .ok()
                .and_then(|size| size.parse().ok())
                .unwrap_or(20_000),
        }
    }
}

/// The index files (meta, word index chunks, fragments, filters) of `pages` and each
/// language's entry record, with Pagefind's default options.
pub fn build(pages: Vec<Page>) -> (Files, Vec<Language>) {
    build_with(pages, &Options::default())
}

/// [`build`] with `options`. `pages` are in the order they were added to the index; the
/// languages are returned sorted by name (the order of the entry file).
pub fn build_with(pages: Vec<Page>, options: &Options) -> (Files, Vec<Language>) {
    let mut files = Files::new();
    let languages = group_by_language(replace_by_url(pages))
        .into_iter()
        .map(|(language, pages)| {
            let built = language::build(pages, &language, options, &mut files);
            Language {
                wasm: wasm(&language),
                hash: built.meta_hash,
                page_count: built.page_count,
                language,
            }
        })
        .collect();
    (files, languages)
}

/// Pagefind's `fossick_one`: a page whose URL was added before replaces that page.
fn replace_by_url(pages: Vec<Page>) -> Vec<Page> {
    let mut positions: HashMap<String, usize> = HashMap::with_capacity(pages.len());
    let mut kept: Vec<Page> = Vec::with_capacity(pages.len());
    for page in pages {
        match positions.get(&page.url) {
            Some(&position) => kept[position] = page,
            None => {
                positions.insert(page.url.clone(), kept.len());
                kept.push(page);
            }
        }
    }
    kept
}

/// Pagefind's page selection and language grouping (`SearchState::build_indexes`): each
/// language's pages in their order, with `unknown` pages after the primary language's.
fn group_by_language(pages: Vec<Page>) -> BTreeMap<String, Vec<Page>> {
    let used_custom_body = pages.iter().any(|page| page.has_custom_body);
    let mut languages: BTreeMap<String, Vec<Page>> = BTreeMap::new();
    for page in pages {
        if used_custom_body && !page.has_custom_body && !page.force_inclusion {
            continue;
        }
        if page.word_data.is_empty() {
            continue;
        }
        match languages.get_mut(&page.language) {
            Some(pages) => pages.push(page),
            None => {
                languages.insert(page.language.clone(), vec![page]);
            }
        }
    }

    if let Some(mut unknown) = languages.remove("unknown") {
        // The most pages; on a tie, the first name.
        let primary = languages
            .iter()
            .max_by(|(a, a_pages), (b, b_pages)| a_pages.len().cmp(&b_pages.len()).then(b.cmp(a)))
            .map(|(language, _)| language.clone());
        match primary {
            Some(primary) => {
                languages.get_mut(&primary).expect("a language of the map").append(&mut unknown)
            }
            None => {
                languages.insert("unknown".into(), unknown);
            }
        }
    }
    languages
}

/// The base languages (before any `-`) that Pagefind 1.6 has a search core for.
const WASM_LANGUAGES: &[&str] = &[
    "ar", "ca", "da", "de", "el", "en", "eo", "es", "et", "eu", "fi", "fr", "ga", "hi", "hu", "hy",
    "id", "it", "lt", "nb", "ne", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sr", "sv", "ta", "tr",
    "unknown", "yi",
];

/// Pagefind's `get_lang_meta`: the language's search core, if it has one.
fn wasm(language: &str) -> Option<String> {
    let base = language.split('-').next().unwrap_or_default();
    (language != "unknown" && WASM_LANGUAGES.contains(&base)).then(|| language.to_owned())
}

#[cfg(test)]
mod tests;
