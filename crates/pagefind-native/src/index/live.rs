//! An index kept in memory between updates ([`Live`]): when a few pages change, only
//! their contribution is replaced, and only the files whose bytes change are encoded,
//! hashed and gzipped again. The files are always those [`super::build_with`] writes for
//! the same pages in the same order.
//!
//! Each language keeps, per word, each page's share of the word's index entry already
//! encoded (its location lists in CBOR, `shares.rs`), and the word's whole entry: an update
//! re-encodes the words of the old and new versions of the changed pages, and re-assembles
//! (copies) the entries of those whose share changed. Chunks are cut again by a walk over
//! the words' cached sizes; a chunk whose words did not change keeps its file. A change that
//! moves pages (one added, removed, or no longer kept) or a language's meta fields builds
//! that language's state again from its pages.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use super::encode::{Gz, MetaChunk, MetaFilter, MetaIndex, MetaPage, MetaSort, cbor, prefix};
use super::language::{
    FragmentData, extend_on_collision, filters, fragment_names, prefixes, sorts,
};
use super::postings::Cbor;
use super::shares::{PageShares, WordState, field_ids, share, words_of};
use super::{Language, Options, wasm};
use crate::{Files, PAGEFIND_VERSION, Page};

/// An index of pages by key (the index adds them in key order), updated in place.
pub struct Live {
    options: Options,
    pages: BTreeMap<String, Page>,
    languages: BTreeMap<String, LanguageState>,
    /// With fragments grouped ([`Options::max_fragments`]), every update builds the index
    /// afresh: these are its files.
    grouped: Option<(Files, Vec<Language>)>,
}

/// Which pages one language's index is made of, in order, and its meta fields.
#[derive(PartialEq, Debug)]
struct Plan {
    keys: Vec<String>,
    fields: Vec<String>,
}

/// One language's index.
struct LanguageState {
    plan: Plan,
    words: BTreeMap<String, WordState>,
    /// By page number.
    fragments: Vec<Fragment>,
    /// Chunks by their first word, with the update they were encoded in.
    chunks: HashMap<String, Chunk>,
    /// This language's updates so far: a word's stamp says which last changed it.
    generation: u64,
    filters: (Files, Vec<MetaFilter>),
    sorts: Vec<MetaSort>,
    files: Files,
    built: Language,
}

struct Fragment {
    hash: String,
    word_count: usize,
    gzipped: Vec<u8>,
}

/// An encoded chunk: its words (the first is its key), when it was encoded, its file.
struct Chunk {
    last: String,
    words: usize,
    stamp: u64,
    hash: String,
    gzipped: Vec<u8>,
}

impl Live {
    /// The index of `pages` (key -> page), as [`super::build_with`] of them in key order.
    pub fn new(pages: impl IntoIterator<Item = (String, Page)>, options: Options) -> Live {
        let mut live = Live {
            options,
            pages: pages.into_iter().collect(),
            languages: BTreeMap::new(),
            grouped: None,
        };
        live.update(Vec::new());
        live
    }

    /// Applies `changes` (key -> the page, or `None` to remove it) and returns the names
    /// of the files that the index did not have before.
    pub fn update(&mut self, changes: Vec<(String, Option<Page>)>) -> Vec<String> {
        let mut old: BTreeMap<String, Option<Page>> = BTreeMap::new();
        for (key, page) in changes {
            let before = match page {
                Some(page) => self.pages.insert(key.clone(), page),
                None => self.pages.remove(&key),
            };
            old.entry(key).or_insert(before);
        }
        if self.options.max_fragments.is_some_and(|max| max > 0) {
            let before: BTreeSet<String> =
                self.grouped.iter().flat_map(|(files, _)| files.keys().cloned()).collect();
            let built = super::build_with(self.pages.values().cloned().collect(), &self.options);
            let new = built.0.keys().filter(|name| !before.contains(*name)).cloned().collect();
            self.grouped = Some(built);
            return new;
        }
        let before: BTreeSet<String> = self.files().map(|(name, _)| name.clone()).collect();
        let gz = Gz::of(&self.options);
        let mut plans = plan(&self.pages);
        self.languages.retain(|name, _| plans.contains_key(name));
        let pages = &self.pages;
        for (name, state) in &mut self.languages {
            let plan = plans.remove(name).expect("kept languages have plans");
            if state.plan == plan {
                let changed: Vec<(u32, Option<&Page>)> = plan
                    .keys
                    .iter()
                    .enumerate()
                    .filter_map(|(n, key)| Some((n as u32, old.get(key)?.as_ref())))
                    .collect();
                state.replace(pages, changed, gz, &self.options);
            } else {
                *state = LanguageState::build(name, plan, pages, gz, &self.options);
            }
        }
        for (name, plan) in plans {
            let state = LanguageState::build(&name, plan, pages, gz, &self.options);
            self.languages.insert(name, state);
        }
        self.files().map(|(name, _)| name).filter(|name| !before.contains(*name)).cloned().collect()
    }

    /// The index files (as [`super::build_with`]'s).
    pub fn files(&self) -> impl Iterator<Item = (&String, &Vec<u8>)> {
        let grouped = self.grouped.iter().flat_map(|(files, _)| files);
        grouped.chain(self.languages.values().flat_map(|state| &state.files))
    }

    /// Each language's entry record, sorted by language (as [`super::build_with`]'s).
    pub fn languages(&self) -> Vec<Language> {
        match &self.grouped {
            Some((_, languages)) => languages.clone(),
            None => self.languages.values().map(|state| state.built.clone()).collect(),
        }
    }

    /// The pages, by key.
    pub fn pages(&self) -> &BTreeMap<String, Page> {
        &self.pages
    }
}

/// Pagefind's page selection and language grouping, as [`super::run`] does them: the
/// pages each language's index is made of and its meta fields.
fn plan(pages: &BTreeMap<String, Page>) -> BTreeMap<String, Plan> {
    // A page whose URL was added before replaces that page.
    let mut positions: HashMap<&str, usize> = HashMap::with_capacity(pages.len());
    let mut kept: Vec<(&String, &Page)> = Vec::with_capacity(pages.len());
    for (key, page) in pages {
        match positions.get(page.url.as_str()) {
            Some(&position) => kept[position] = (key, page),
            None => {
                positions.insert(&page.url, kept.len());
                kept.push((key, page));
            }
        }
    }
    let custom_body = kept.iter().any(|(_, page)| page.has_custom_body);
    let mut languages: BTreeMap<&str, Vec<(&String, &Page)>> = BTreeMap::new();
    let mut unknown = Vec::new();
    for (key, page) in kept {
        if custom_body && !page.has_custom_body && !page.force_inclusion {
            continue;
        }
        // Pages without words are dropped.
        if page.word_data.is_empty() {
            continue;
        }
        match page.language.as_str() {
            "unknown" => unknown.push((key, page)),
            language => languages.entry(language).or_default().push((key, page)),
        }
    }
    if !unknown.is_empty() {
        // The language with the most pages (the first by name on a tie) takes them.
        let mut primary: Option<(&str, usize)> = None;
        for (language, pages) in &languages {
            if primary.is_none_or(|(_, count)| pages.len() > count) {
                primary = Some((language, pages.len()));
            }
        }
        let primary = primary.map_or("unknown", |(language, _)| language);
        languages.entry(primary).or_default().extend(unknown);
    }
    languages
        .into_iter()
        .map(|(language, pages)| {
            let fields: BTreeSet<&String> = pages.iter().flat_map(|(_, p)| p.meta.keys()).collect();
            let plan = Plan {
                keys: pages.iter().map(|(key, _)| (*key).clone()).collect(),
                fields: fields.into_iter().cloned().collect(),
            };
            (language.to_owned(), plan)
        })
        .collect()
}

impl LanguageState {
    /// The index of `plan`'s pages.
    fn build(
        name: &str,
        plan: Plan,
        pages: &BTreeMap<String, Page>,
        gz: Gz<'_>,
        options: &Options,
    ) -> LanguageState {
        let ordered: Vec<&Page> = plan.keys.iter().map(|key| &pages[key]).collect();
        let (shares, fragments): (Vec<PageShares<'_>>, Vec<Fragment>) = ordered
            .par_iter()
            .map(|page| {
                let ids = field_ids(page, &plan.fields);
                let shares = words_of(page).map(|word| (word, share(page, word, &ids))).collect();
                (shares, fragment(page, gz))
            })
            .unzip();
        let mut words: BTreeMap<String, WordState> = BTreeMap::new();
        for (number, shares) in shares.into_iter().enumerate() {
            for (word, share) in shares {
                let entry = match words.get_mut(word.as_str()) {
                    Some(entry) => entry,
                    None => words.entry(word.clone()).or_insert_with(WordState::new),
                };
                entry.pages.push((number as u32, share));
            }
        }
        words.par_iter_mut().for_each(|(word, state)| state.assemble(word, 0));
        let mut state = LanguageState {
            filters: (Files::new(), Vec::new()),
            sorts: sorts(&ordered),
            plan,
            words,
            fragments,
            chunks: HashMap::new(),
            generation: 0,
            files: Files::new(),
            built: Language {
                language: name.to_owned(),
                hash: String::new(),
                wasm: None,
                page_count: 0,
            },
        };
        let mut filter_files = Files::new();
        let meta_filters = filters(&ordered, name, gz, &mut filter_files);
        state.filters = (filter_files, meta_filters);
        state.write(gz, options);
        state
    }

    /// Replaces the pages `changed` (page number, page before) by their current version in
    /// `pages`: the plan is the same.
    fn replace(
        &mut self,
        pages: &BTreeMap<String, Page>,
        changed: Vec<(u32, Option<&Page>)>,
        gz: Gz<'_>,
        options: &Options,
    ) {
        if changed.is_empty() {
            return;
        }
        self.generation += 1;
        let generation = self.generation;
        let (keys, fields, words) = (&self.plan.keys, &self.plan.fields, &mut self.words);
        let page = |number: u32| &pages[&keys[number as usize]];
        // The changed pages' fragments are gzipped while their words are replaced.
        let (fragments, (dirty, filters_changed)) = rayon::join(
            || changed.par_iter().map(|&(number, _)| fragment(page(number), gz)).collect(),
            || {
                let mut dirty: BTreeSet<String> = BTreeSet::new();
                let mut filters_changed = false;
                for &(number, before) in &changed {
                    let page = page(number);
                    filters_changed |= before.is_none_or(|before| {
                        before.filters != page.filters || before.sort != page.sort
                    });
                    Self::replace_words(words, fields, number, before, page, &mut dirty);
                }
                (dirty, filters_changed)
            },
        );
        let fragments: Vec<Fragment> = fragments;
        for ((number, _), fragment) in changed.iter().zip(fragments) {
            self.fragments[*number as usize] = fragment;
        }
        for word in dirty {
            let Some(state) = self.words.get_mut(&word) else { continue };
            if state.pages.is_empty() {
                self.words.remove(&word);
            } else {
                state.assemble(&word, generation);
            }
        }
        if filters_changed {
            let ordered: Vec<&Page> = self.plan.keys.iter().map(|key| &pages[key]).collect();
            let mut filter_files = Files::new();
            let meta_filters = filters(&ordered, &self.built.language, gz, &mut filter_files);
            self.filters = (filter_files, meta_filters);
            self.sorts = sorts(&ordered);
        }
        self.write(gz, options);
    }

    /// Replaces the shares of page `number` (`before`, now `page`) in the words' pages,
    /// adding to `dirty` the words whose share changed.
    fn replace_words(
        words: &mut BTreeMap<String, WordState>,
        fields: &[String],
        number: u32,
        before: Option<&Page>,
        page: &Page,
        dirty: &mut BTreeSet<String>,
    ) {
        let ids = field_ids(page, fields);
        let now: std::collections::HashSet<&String> = words_of(page).collect();
        for word in before.into_iter().flat_map(words_of).filter(|word| !now.contains(word)) {
            let Some(state) = words.get_mut(word.as_str()) else { continue };
            if let Ok(i) = state.pages.binary_search_by_key(&number, |(n, _)| *n) {
                state.pages.remove(i);
                dirty.insert(word.clone());
            }
        }
        for word in now {
            let share = share(page, word, &ids);
            let state = match words.get_mut(word.as_str()) {
                Some(state) => state,
                None => words.entry(word.clone()).or_insert_with(WordState::new),
            };
            match state.pages.binary_search_by_key(&number, |(n, _)| *n) {
                Ok(i) if state.pages[i].1 == share => continue,
                Ok(i) => state.pages[i].1 = share,
                Err(i) => state.pages.insert(i, (number, share)),
            }
            dirty.insert(word.clone());
        }
    }

    /// Cuts the chunks, encodes those that changed, and writes the language's files.
    fn write(&mut self, gz: Gz<'_>, options: &Options) {
        let language = self.built.language.clone();
        // A chunk ends after the word that takes its size to the chunk size.
        let mut ranges: Vec<(&String, usize, u64)> = Vec::new();
        let (mut first, mut count, mut size, mut stamp) = (None, 0, 0, 0);
        for (word, state) in &self.words {
            first = first.or(Some(word));
            count += 1;
            size += state.size;
            stamp = stamp.max(state.stamp);
            if size >= options.index_chunk_size {
                ranges.push((first.take().expect("a word"), count, stamp));
                (count, size, stamp) = (0, 0, 0);
            }
        }
        if let Some(first) = first {
            ranges.push((first, count, stamp));
        }
        // A chunk with the same first and last word and as many words holds the same words;
        // it is the same when none of them changed since it was encoded.
        let last_words: Vec<&String> = {
            let mut iter = self.words.keys();
            ranges
                .iter()
                .map(|&(_, count, _)| iter.nth(count - 1).expect("the range's words"))
                .collect()
        };
        let stale: Vec<(&String, &String, usize)> = ranges
            .iter()
            .zip(&last_words)
            .filter(|((first, count, stamp), last)| {
                self.chunks
                    .get(*first)
                    .is_none_or(|c| c.words != *count || c.stamp < *stamp || c.last != ***last)
            })
            .map(|((first, count, _), last)| (*first, *last, *count))
            .collect();
        let words = &self.words;
        let generation = self.generation;
        let encoded: Vec<(String, Chunk)> = stale
            .par_iter()
            .map(|&(first, last, count)| {
                let mut out = Cbor(Vec::new());
                out.array(1);
                out.array(count);
                for (_, state) in words.range(first.clone()..).take(count) {
                    out.0.extend_from_slice(&state.cbor);
                }
                let (hash, gzipped) = gz.hash_and_gzip(&out.0);
                let chunk =
                    Chunk { last: last.clone(), words: count, stamp: generation, hash, gzipped };
                (first.clone(), chunk)
            })
            .collect();
        let mut chunks: HashMap<String, Chunk> = std::mem::take(&mut self.chunks);
        chunks.extend(encoded);
        // The chunks' word ranges, as Pagefind's `chunk_meta` shortens them.
        let mut metas: Vec<MetaChunk> = Vec::with_capacity(ranges.len());
        let mut kept: HashMap<String, Chunk> = HashMap::with_capacity(ranges.len());
        let mut files = Files::new();
        let mut names = BTreeSet::new();
        for (&(first, _, _), last) in ranges.iter().zip(last_words) {
            let chunk = chunks.remove(first).expect("every range has its chunk");
            metas.push(MetaChunk { from: first.clone(), to: last.clone(), hash: String::new() });
            let hash = format!("{language}_{}", chunk.hash);
            let name = extend_on_collision(&hash, &language, |name| names.contains(name));
            names.insert(name.to_owned());
            files.insert(format!("index/{name}.pf_index"), chunk.gzipped.clone());
            metas.last_mut().expect("just pushed").hash = name.to_owned();
            kept.insert(first.clone(), chunk);
        }
        for i in 1..metas.len() {
            let (to, from) = prefixes(&metas[i - 1].to, &metas[i].from);
            if to >= metas[i - 1].from {
                metas[i - 1].to = to;
            }
            metas[i].from = from;
        }
        self.chunks = kept;

        let full_hashes: Vec<String> =
            self.fragments.iter().map(|f| format!("{language}_{}", f.hash)).collect();
        let fragment_names = fragment_names(&full_hashes, &language);
        let meta_pages: Vec<MetaPage> = self
            .fragments
            .iter()
            .zip(fragment_names)
            .map(|(fragment, name)| {
                files.insert(format!("fragment/{name}.pf_fragment"), fragment.gzipped.clone());
                MetaPage {
                    hash: name,
                    word_count: fragment.word_count as u32,
                    group_hash: String::new(),
                }
            })
            .collect();
        files.extend(self.filters.0.iter().map(|(name, bytes)| (name.clone(), bytes.clone())));
        let meta = cbor(&MetaIndex {
            version: PAGEFIND_VERSION,
            pages: &meta_pages,
            index_chunks: &metas,
            filters: &self.filters.1,
            sorts: &self.sorts,
            meta_fields: &self.plan.fields,
        });
        let (hash, gzipped) = gz.hash_and_gzip(&meta);
        let meta_hash = format!("{language}_{}", prefix(&hash, language.len() + 8));
        files.insert(format!("pagefind.{meta_hash}.pf_meta"), gzipped);
        self.files = files;
        self.built = Language {
            wasm: wasm(&language),
            hash: meta_hash,
            page_count: self.fragments.len(),
            language,
        };
    }
}

/// The page's fragment file (Pagefind's `PageFragmentData` JSON, gzipped) and its hash.
fn fragment(page: &Page, gz: Gz<'_>) -> Fragment {
    let json = FragmentData::json(page);
    let (hash, gzipped) = gz.hash_and_gzip(json.as_bytes());
    Fragment { hash, word_count: page.word_count, gzipped }
}
