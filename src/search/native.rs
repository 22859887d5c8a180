//! The search index, written by crate `pagefind_native`: the same files Pagefind writes for
//! the same pages, byte for byte once inflated ([`GZIP_LEVEL`]), with Pagefind's runtime
//! files from [`super::runtime`]. A page the native parser does not read exactly as
//! Pagefind would is an error ([`Unfollowed`]): drillbook writes all of its HTML.

use std::collections::BTreeMap;

use anyhow::{Result, anyhow};
use pagefind_native::index::Language;
use pagefind_native::{Parsed, Unsupported};

use crate::render::Files;

/// The template that marks a page's body for search (`data-pagefind-body`): the pages the
/// index is made of are its pages.
pub(super) const BODY_TEMPLATE: &str = "templates/article.html";

/// A page with HTML that the native parser does not follow: a build error, since drillbook
/// writes all of its HTML (`BODY_TEMPLATE` or what it embeds wrote something new).
#[derive(Debug)]
pub struct Unfollowed {
    /// The page, below the site root.
    pub page: String,
    /// 1-based line and column (in characters) in what was indexed of the page (its
    /// search view, or the whole page).
    pub line: usize,
    pub column: usize,
    pub reason: String,
    /// The indexed HTML around the place.
    pub excerpt: String,
}

impl std::fmt::Display for Unfollowed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{BODY_TEMPLATE}: the page `{}` it wrote has HTML the search indexer does not \
             follow ({}, at {}:{} of what is indexed of it: `{}`); the template, or the HTML \
             it embeds, must write HTML the indexer reads as Pagefind does",
            self.page, self.reason, self.line, self.column, self.excerpt
        )
    }
}

impl std::error::Error for Unfollowed {}

impl Unfollowed {
    fn new(page: &str, html: &[u8], unsupported: Unsupported) -> Unfollowed {
        let html = String::from_utf8_lossy(html);
        let offset = unsupported.offset.min(html.len());
        let floor = |mut i: usize| {
            while !html.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let at = floor(offset);
        let before = &html[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        let start = floor(at.saturating_sub(30));
        let end = floor((at + 30).min(html.len()));
        let excerpt = html[start..end].replace('\n', " ");
        Unfollowed { page: page.to_string(), line, column, reason: unsupported.reason, excerpt }
    }
}

/// Every page of `pages` parsed (in parallel), in path order, or the first one (in path
/// order) the native parser does not follow.
pub(super) fn parse_all(pages: &Files) -> Result<Vec<(String, Parsed)>, Unfollowed> {
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
        .map(|((path, html), parsed)| {
            parsed.map(|parsed| (path.clone(), parsed)).map_err(|u| Unfollowed::new(path, html, u))
        })
        .collect()
}

/// The files Pagefind writes for the pages `parsed` (site-relative path, as the pages
/// were added to it, in that order), those the site needs: fossicked and packed
/// in parallel runs ([`pagefind_native::index::index`]), a run of pages at a time a thread,
/// and gzipped at [`GZIP_LEVEL`].
pub(super) fn index(parsed: Vec<(String, Parsed)>) -> Result<Files> {
    let options = pagefind_native::index::Options {
        gzip_level: GZIP_LEVEL,
        deflater: DEFLATER,
        ..Default::default()
    };
    let (files, languages) = pagefind_native::index::index_with(parsed, &options);
    with_entry(files, &languages)
}

/// `files` of `languages` with Pagefind's runtime files and the entry file that names them.
pub(super) fn with_entry(mut files: Files, languages: &[Language]) -> Result<Files> {
    let mut entry = Entry {
        version: pagefind_native::PAGEFIND_VERSION,
        languages: BTreeMap::new(),
        include_characters: pagefind_native::words::WORD_SYMBOLS.to_vec(),
    };
    for language in languages {
        let record = EntryLanguage {
            hash: language.hash.clone(),
            wasm: language.wasm.clone(),
            page_count: language.page_count,
        };
        entry.languages.insert(language.language.clone(), record);
    }
    let with_core: Vec<&str> =
        languages.iter().filter(|l| l.wasm.is_some()).map(|l| l.language.as_str()).collect();
    let runtime = super::runtime::files_for(&with_core)
        .map_err(|name| anyhow!("the program lacks Pagefind's runtime file `{name}`"))?;
    files.extend(runtime);
    files.insert(super::ENTRY.into(), serde_json::to_vec(&entry)?);
    Ok(files)
}

/// The gzip level of the index files: zlib's default, where Pagefind takes the best (9).
/// What a browser inflates is the same (so are the file names, hashes of it); the files are
/// slightly larger, and gzipping them, which at the best level is most of the time a small
/// site's cold build spends indexing, is much cheaper. The trade-off is measured in
/// `bench/RESULTS.md`.
pub(super) const GZIP_LEVEL: u32 = 6;

/// libdeflate rather than Pagefind's zlib: at the same level its files are smaller and cost
/// a fraction of the time (gzip was a large share of a fresh index of long articles); the
/// compressed bytes are then not Pagefind's, what they inflate to is (`tests/search.rs`
/// compares inflated files).
pub(super) const DEFLATER: pagefind_native::index::Deflater =
    pagefind_native::index::Deflater::Libdeflate;

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
