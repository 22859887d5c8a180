//! The pages of a site -> its index files, exactly as Pagefind 1.6 writes them.
//!
//! In Pagefind's order:
//! 1. `SearchState::fossick_one`: a page with a URL seen before replaces the earlier page,
//!    at its position.
//! 2. `SearchState::build_indexes`: when any page has a `data-pagefind-body`, only those
//!    pages (and forced ones) are indexed; pages without words are dropped; the rest are
//!    grouped by language, and pages of `unknown` language join the primary language
//!    (the one with the most pages, the first by name on a tie).
//! 3. `index::build_indexes` for each language (`language`) and the files that
//!    `get_files()` returns for it: `pagefind.<lang>_<hash>.pf_meta`,
//!    `index/<lang>_<hash>.pf_index`, `fragment/<lang>_<hash>.pf_fragment` and
//!    `filter/<lang>_<hash>.pf_filter`, each gzipped after the `pagefind_dcd` signature.
//!
//! The bytes are Pagefind's when this crate is built with the same `flate2` backend as
//! Pagefind (one build of both always is).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::words::{self, Fossicker};
use crate::{Files, Page, Parsed};
use language::Packed;

mod encode;
pub use encode::GzipMemo;
mod language;
mod live;
pub use live::Live;
mod postings;
mod shares;

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
    /// The gzip level of every file, 0 to 9. Pagefind's is 9, the best: the files are
    /// then Pagefind's byte for byte. A lower level changes only the compressed bytes (the
    /// names are hashes of what is compressed, and what a browser inflates is the same):
    /// at 6, zlib's default, the files are slightly larger and much cheaper to gzip.
    pub gzip_level: u32,
    /// Which deflate implementation gzips the files ([`Deflater`]): Pagefind's (the
    /// default) or libdeflate.
    pub deflater: Deflater,
    /// Gzipped files kept from one index to the next ([`GzipMemo`]): the same bytes, less
    /// work when few files changed. `None` (the default): every file is gzipped.
    pub gzip_memo: Option<std::sync::Arc<GzipMemo>>,
}

impl Default for Options {
    /// Pagefind's defaults: no fragment grouping, chunks of 20,000 unless the
    /// `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` environment variable, which Pagefind reads too,
    /// says otherwise, and gzip at the best level.
    fn default() -> Self {
        Self {
            max_fragments: None,
            index_chunk_size: std::env::var("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE")
                .ok()
                .and_then(|size| size.parse().ok())
                .unwrap_or(20_000),
            gzip_level: 9,
            deflater: Deflater::Zlib,
            gzip_memo: None,
        }
    }
}

/// The deflate implementation of the index's gzip files. Either gives files that inflate to
/// the same bytes (and have the same names, hashes of what is gzipped); only the compressed
/// bytes differ, and each is deterministic for a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Deflater {
    /// flate2 with zlib-rs, as Pagefind 1.6 is built: at level 9, Pagefind's bytes.
    #[default]
    Zlib,
    /// libdeflate (whole-buffer): at the same level, smaller files in a fraction of the
    /// time, since it needs no streaming state and searches matches faster.
    Libdeflate,
}

/// The index files (meta, word index chunks, fragments, filters) of the parsed pages
/// `pages` (each with its source path, e.g. `de-DE/a/index.html`, in the order they are
/// added to the index) and each language's entry record, with Pagefind's default options:
/// [`index_with`].
pub fn index(pages: Vec<(String, Parsed)>) -> (Files, Vec<Language>) {
    index_with(pages, &Options::default())
}

/// The files of [`index`] with `options`: what [`words::fossick`] and [`build_with`] give,
/// without ever holding more than a run of fossicked [`Page`]s a thread. Pages are selected
/// and grouped by language on what parsing says of them, then each language's pages are
/// fossicked and packed in parallel runs of consecutive pages, each thread with its own
/// [`Fossicker`], and the runs appended in page order.
pub fn index_with(pages: Vec<(String, Parsed)>, options: &Options) -> (Files, Vec<Language>) {
    run(pages, options, RUN)
}

/// The index files of fossicked `pages` (in the order they were added to the index) and
/// each language's entry record, with Pagefind's default options. [`index`] does the same
/// from parsed pages, fossicking them as it goes.
pub fn build(pages: Vec<Page>) -> (Files, Vec<Language>) {
    build_with(pages, &Options::default())
}

/// [`build`] with `options`. The languages are returned sorted by name (the order of the
/// entry file).
pub fn build_with(pages: Vec<Page>, options: &Options) -> (Files, Vec<Language>) {
    run(pages, options, RUN)
}

/// The pages a thread fossicks and packs at a time.
const RUN: usize = 32;

/// A page to index: fossicked already, or parsed, with its source path.
pub(crate) trait Source: Send {
    /// Whether the pages come fossicked. Pages still to fossick are packed in runs of at
    /// most [`Packer::run`] pages, two a thread: a run's fossicked pages are all that a
    /// thread holds, and pages vary in cost, so shorter runs keep the threads busy.
    /// Fossicked pages are all in memory already and cost about the same each: one run a
    /// thread, since every run more is one more to append, which is serial.
    const FOSSICKED: bool;
    fn url(&self) -> String;
    fn language(&self) -> &str;
    fn has_custom_body(&self) -> bool;
    fn force_inclusion(&self) -> bool;
    /// The meta fields (fossicking keeps those of parsing).
    fn meta_keys(&self) -> impl Iterator<Item = &String>;
    /// The page, with its words in `word_data` and `meta_word_data`, or left interned in
    /// `words` (see [`Fossicker::fossick_interned`]).
    fn fossick(self, fossicker: &mut Fossicker, words: &mut InternedWords) -> Page;
}

/// A page's words as ids of its language's stems: body words, meta words.
#[derive(Default)]
pub(crate) struct InternedWords {
    pub(crate) body: Vec<(u32, Vec<crate::Word>)>,
    pub(crate) meta: Vec<(u32, Vec<crate::MetaWord>)>,
}

impl Source for Page {
    const FOSSICKED: bool = true;
    fn url(&self) -> String {
        self.url.clone()
    }
    fn language(&self) -> &str {
        &self.language
    }
    fn has_custom_body(&self) -> bool {
        self.has_custom_body
    }
    fn force_inclusion(&self) -> bool {
        self.force_inclusion
    }
    fn meta_keys(&self) -> impl Iterator<Item = &String> {
        self.meta.keys()
    }
    fn fossick(self, _: &mut Fossicker, _: &mut InternedWords) -> Page {
        self
    }
}

impl Source for (String, Parsed) {
    const FOSSICKED: bool = false;
    fn url(&self) -> String {
        words::build_url(&self.0)
    }
    fn language(&self) -> &str {
        &self.1.language
    }
    fn has_custom_body(&self) -> bool {
        self.1.has_custom_body
    }
    fn force_inclusion(&self) -> bool {
        self.1.force_inclusion
    }
    fn meta_keys(&self) -> impl Iterator<Item = &String> {
        self.1.meta.keys()
    }
    fn fossick(self, fossicker: &mut Fossicker, words: &mut InternedWords) -> Page {
        fossicker.fossick_interned(&self.0, self.1, &mut words.body, &mut words.meta)
    }
}

/// Pagefind's `SearchState::build_indexes` on `pages`, fossicked and packed in runs of
/// `run` pages.
///
/// Pages without words are dropped, which is known only once they are fossicked: so pages
/// are numbered as they are packed, meta words are numbered by the meta fields of all the
/// pages until each language renumbers them by its own, and the `unknown` pages, which
/// join the language with the most (kept) pages, are packed first and appended to it last.
pub(crate) fn run<S: Source>(
    pages: Vec<S>,
    options: &Options,
    run: usize,
) -> (Files, Vec<Language>) {
    let (languages, unknown) = group_by_language(replace_by_url(pages));
    let meta_fields: Vec<String> = languages
        .values()
        .chain([&unknown])
        .flatten()
        .flat_map(Source::meta_keys)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .cloned()
        .collect();
    let packer = Packer {
        meta_fields: &meta_fields,
        keep_json: options.max_fragments.is_some_and(|max| max > 0),
        gz: encode::Gz::of(options),
        fossickers: Mutex::default(),
        run: run.max(1),
    };

    let mut files = Files::new();
    let mut built = Vec::new();
    let mut finish = |language: String, packed: Packed, files: &mut Files| {
        let done = language::finish(packed, &meta_fields, &language, options, files);
        built.push(Language {
            wasm: wasm(&language),
            hash: done.meta_hash,
            page_count: done.page_count,
            language,
        });
    };
    let unknown = packer.pack(unknown);
    // The language with the most pages so far (the first by name on a tie), kept until
    // the unknown pages can be appended to the primary language.
    let mut primary: Option<(String, Packed)> = None;
    for (language, pages) in languages {
        let packed = packer.pack(pages);
        if packed.page_count() == 0 {
            continue;
        }
        if unknown.page_count() == 0 {
            finish(language, packed, &mut files);
            continue;
        }
        match primary.take() {
            Some(best) if best.1.page_count() >= packed.page_count() => {
                finish(language, packed, &mut files);
                primary = Some(best);
            }
            best => {
                if let Some((name, best)) = best {
                    finish(name, best, &mut files);
                }
                primary = Some((language, packed));
            }
        }
    }
    match primary {
        Some((language, mut packed)) => {
            packed.append(unknown);
            finish(language, packed, &mut files);
        }
        None if unknown.page_count() > 0 => finish("unknown".into(), unknown, &mut files),
        None => {}
    }
    built.sort_by(|a, b| a.language.cmp(&b.language));
    (files, built)
}

/// Fossicks and packs pages in parallel runs.
struct Packer<'a> {
    meta_fields: &'a [String],
    keep_json: bool,
    gz: encode::Gz<'a>,
    /// Fossickers not in use, each with what it learnt of words.
    fossickers: Mutex<Vec<Fossicker>>,
    run: usize,
}

impl Packer<'_> {
    /// `pages`, fossicked and packed in order. Runs are packed a wave at a time (a few a
    /// thread), each wave while the one before is appended.
    fn pack<S: Source>(&self, pages: Vec<S>) -> Packed {
        // Shorter runs for a language of few pages, so that every thread gets some (the
        // files do not depend on the run length).
        let threads = rayon::current_num_threads().max(1);
        let (longest, per_thread) = if S::FOSSICKED { (usize::MAX, 1) } else { (self.run, 2) };
        let run = longest.min(pages.len().div_ceil(threads * per_thread)).max(1);
        let wave = run * per_thread * threads;
        let mut pages = pages.into_iter();
        let mut waves = Vec::new();
        loop {
            let runs: Vec<Vec<S>> = std::iter::from_fn(|| {
                let run: Vec<S> = pages.by_ref().take(run).collect();
                (!run.is_empty()).then_some(run)
            })
            .take(wave / run)
            .collect();
            if runs.is_empty() {
                break;
            }
            waves.push(runs);
        }
        let mut packed = Packed::default();
        let mut previous: Vec<Packed> = Vec::new();
        for runs in waves {
            let ((), done) = rayon::join(
                || previous.drain(..).for_each(|run| packed.append(run)),
                || runs.into_par_iter().map(|run| self.pack_run(run)).collect::<Vec<_>>(),
            );
            previous = done;
        }
        previous.into_iter().for_each(|run| packed.append(run));
        packed
    }

    /// Parsed pages' words stay interned while the run is packed (postings by stem id), and
    /// are named once per distinct word of the run, rather than once per word and page.
    fn pack_run<S: Source>(&self, pages: Vec<S>) -> Packed {
        let taken = self.fossickers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut fossicker = taken.unwrap_or_default();
        let mut packed = Packed::default();
        let mut words = InternedWords::default();
        // The primary subtag of the language of the interned postings in `packed`.
        let mut interned: Option<String> = None;
        for page in pages {
            let page = page.fossick(&mut fossicker, &mut words);
            let primary = words::primary_subtag(&page.language);
            if interned.as_deref().is_some_and(|p| p != primary) {
                let previous = interned.take().unwrap_or_default();
                packed.name_interned(|id| fossicker.stem(&previous, id));
            }
            if interned.is_none() && !words.body.is_empty() {
                interned = Some(primary.to_owned());
            }
            packed.add(page, &mut words, self.meta_fields, self.keep_json, self.gz);
        }
        if let Some(primary) = interned {
            packed.name_interned(|id| fossicker.stem(&primary, id));
        }
        self.fossickers.lock().unwrap_or_else(|e| e.into_inner()).push(fossicker);
        packed
    }
}

/// Pagefind's `fossick_one`: a page whose URL was added before replaces that page.
fn replace_by_url<S: Source>(pages: Vec<S>) -> Vec<S> {
    let mut positions: HashMap<String, usize> = HashMap::with_capacity(pages.len());
    let mut kept: Vec<S> = Vec::with_capacity(pages.len());
    for page in pages {
        let url = page.url();
        match positions.get(&url) {
            Some(&position) => kept[position] = page,
            None => {
                positions.insert(url, kept.len());
                kept.push(page);
            }
        }
    }
    kept
}

/// Pagefind's page selection and language grouping (`SearchState::build_indexes`): when
/// any page has a `data-pagefind-body`, only those pages and forced ones; each language's
/// pages in their order, and the `unknown` pages apart (they join the primary language
/// after its pages: see [`run`]).
fn group_by_language<S: Source>(pages: Vec<S>) -> (BTreeMap<String, Vec<S>>, Vec<S>) {
    let used_custom_body = pages.iter().any(Source::has_custom_body);
    let mut languages: BTreeMap<String, Vec<S>> = BTreeMap::new();
    let mut unknown = Vec::new();
    for page in pages {
        if used_custom_body && !page.has_custom_body() && !page.force_inclusion() {
            continue;
        }
        if page.language() == "unknown" {
            unknown.push(page);
            continue;
        }
        match languages.get_mut(page.language()) {
            Some(pages) => pages.push(page),
            None => {
                languages.insert(page.language().to_owned(), vec![page]);
            }
        }
    }
    (languages, unknown)
}

/// The base languages (before any `-`) that Pagefind 1.6 has a search core for.
pub const WASM_LANGUAGES: &[&str] = &[
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
