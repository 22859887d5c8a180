//! One language's index: Pagefind 1.6's `index::build_indexes` and the files that
//! `PagefindIndexes::write_files` writes for it.
//!
//! Pagefind packs each page's words in parallel and merges them in page order; here runs
//! of consecutive pages are packed ([`Packed`]: their words' postings, fragments
//! serialized, hashed and gzipped) in parallel, and appended in page order (a run's
//! entries end up after the earlier runs' in each of its words' lists, where Pagefind's
//! merge puts them). Everything whose order reaches the output (pages, words, variants,
//! filters, chunks, hash collisions) is done in Pagefind's order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use super::encode::{
    FilterIndex, Gz, MetaChunk, MetaFilter, MetaIndex, MetaPage, MetaSort, PackedValue, cbor,
    full_hash, prefix,
};
use super::postings::{self, Postings};
use super::shares::FiltersAndSort;
use super::{InternedWords, Options};
use crate::words::FxBuild;
use crate::{Anchor, Files, PAGEFIND_VERSION, Page};

/// What the entry file needs of a built language.
pub(crate) struct Built {
    /// `<language>_<hash>`, the name of the meta file.
    pub(crate) meta_hash: String,
    pub(crate) page_count: usize,
}

/// Pagefind's `PageFragmentData`, borrowed: the fragment JSON, fields in its order.
#[derive(Serialize)]
pub(super) struct FragmentData<'a> {
    pub(super) url: &'a str,
    pub(super) content: &'a str,
    pub(super) word_count: usize,
    pub(super) filters: &'a BTreeMap<String, Vec<String>>,
    pub(super) meta: &'a BTreeMap<String, String>,
    pub(super) anchors: &'a [Anchor],
}

impl FragmentData<'_> {
    /// Pagefind's fragment JSON of `page`.
    pub(super) fn json(page: &Page) -> String {
        let data = FragmentData {
            url: &page.url,
            content: &page.content,
            word_count: page.word_count,
            filters: &page.filters,
            meta: &page.meta,
            anchors: &page.anchors,
        };
        serde_json::to_string(&data).expect("strings and maps serialize")
    }
}

/// A page's fragment, ready to be named.
struct Fragment {
    /// The sha1 of the JSON (the name is `<language>_` and a prefix of it).
    hash: String,
    word_count: usize,
    /// The gzipped file, or the JSON itself when fragments are grouped.
    body: FragmentBody,
}

enum FragmentBody {
    Gzipped(Vec<u8>),
    Json(String),
}

/// A run of a language's kept pages, packed: their words' postings (pages numbered from 0
/// within the run), fragments and what the filters and sorts need. Runs are packed in
/// parallel and appended in page order, which gives the postings of packing all the pages
/// one after the other.
#[derive(Default)]
pub(crate) struct Packed {
    words: HashMap<String, Postings, FxBuild>,
    /// Postings of interned words not named yet (see [`Packed::name_interned`]), and
    /// each stem id's index in them, or `u32::MAX`.
    interned: Vec<(u32, Postings)>,
    slots: Vec<u32>,
    fragments: Vec<Fragment>,
    pages: Vec<PageInfo>,
    /// The meta fields of the pages.
    meta_keys: BTreeSet<String>,
}

/// What a kept page leaves for its language's filters and sorts.
pub(super) struct PageInfo {
    pub(super) filters: BTreeMap<String, Vec<String>>,
    pub(super) sort: BTreeMap<String, String>,
}

impl Packed {
    /// How many pages were kept.
    pub(crate) fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Adds `page` as the next page, with its words and those of `interned` (which this
    /// empties), unless it has no words (Pagefind drops those).
    /// `meta_fields` are the sorted meta fields of all the pages indexed: meta words are
    /// numbered by them until [`finish`] renumbers them by the language's own.
    /// `keep_json`: the fragment is kept as JSON (for grouping) instead of gzipped (at
    /// `gz`).
    pub(crate) fn add(
        &mut self,
        page: Page,
        interned: &mut InternedWords,
        meta_fields: &[String],
        keep_json: bool,
        gz: Gz<'_>,
    ) {
        if page.word_data.is_empty() && interned.body.is_empty() {
            interned.meta.clear();
            return;
        }
        let json = FragmentData::json(&page);
        let number = self.pages.len() as u32;
        // Each page numbers its meta fields in the order of its own meta keys.
        let field_ids: Vec<u16> = page
            .meta
            .keys()
            .map(|name| meta_fields.binary_search(name).expect("a collected field") as u16)
            .collect();
        for (word, positions) in page.word_data {
            self.postings(word).add_positions(positions, number);
        }
        for (word, positions) in page.meta_word_data {
            self.postings(word).add_meta_positions(positions, &field_ids, number);
        }
        for (id, positions) in interned.body.drain(..) {
            self.interned_postings(id).add_positions(positions, number);
        }
        for (id, positions) in interned.meta.drain(..) {
            self.interned_postings(id).add_meta_positions(positions, &field_ids, number);
        }
        let (hash, body) = if keep_json {
            (full_hash(json.as_bytes()), FragmentBody::Json(json))
        } else {
            let (hash, gzipped) = gz.hash_and_gzip(json.as_bytes());
            (hash, FragmentBody::Gzipped(gzipped))
        };
        self.fragments.push(Fragment { hash, word_count: page.word_count, body });
        if !self.meta_keys.is_empty() || !page.meta.is_empty() {
            for key in page.meta.into_keys() {
                if !self.meta_keys.contains(&key) {
                    self.meta_keys.insert(key);
                }
            }
        }
        self.pages.push(PageInfo { filters: page.filters, sort: page.sort });
    }

    fn postings(&mut self, word: String) -> &mut Postings {
        self.words.entry(word).or_default()
    }

    fn interned_postings(&mut self, id: u32) -> &mut Postings {
        let id = id as usize;
        if id >= self.slots.len() {
            self.slots.resize(id + 1, u32::MAX);
        }
        if self.slots[id] == u32::MAX {
            self.slots[id] = self.interned.len() as u32;
            self.interned.push((id as u32, Postings::default()));
        }
        &mut self.interned[self.slots[id] as usize].1
    }

    /// Names the interned words' postings by `stem`, after any postings of the same words
    /// added by name (a word's pages stay in order when all the pages added by name come
    /// first, as [`super::Packer`] adds them).
    pub(crate) fn name_interned<'s>(&mut self, stem: impl Fn(u32) -> &'s str) {
        self.slots.clear();
        self.words.reserve(self.interned.len());
        for (id, postings) in self.interned.drain(..) {
            match self.words.get_mut(stem(id)) {
                Some(mine) => mine.append(postings, 0),
                None => {
                    self.words.insert(stem(id).to_owned(), postings);
                }
            }
        }
    }

    /// Appends the pages of `other` after these.
    pub(crate) fn append(&mut self, other: Packed) {
        debug_assert!(self.interned.is_empty() && other.interned.is_empty(), "named first");
        if self.pages.is_empty() {
            *self = other;
            return;
        }
        let offset = self.pages.len() as u32;
        for (word, mut postings) in other.words {
            match self.words.get_mut(&word) {
                Some(mine) => mine.append(postings, offset),
                None => {
                    postings.renumber_pages(offset);
                    self.words.insert(word, postings);
                }
            }
        }
        self.fragments.extend(other.fragments);
        self.pages.extend(other.pages);
        self.meta_keys.extend(other.meta_keys);
    }
}

/// Writes the index of one language's packed pages into `files`. `meta_fields` are those
/// the pages' meta words are numbered by (see [`Packed::add`]).
pub(crate) fn finish(
    packed: Packed,
    meta_fields: &[String],
    language: &str,
    options: &Options,
    files: &mut Files,
) -> Built {
    debug_assert!(packed.interned.is_empty(), "named first");
    let Packed { words, fragments, pages, meta_keys, .. } = packed;
    let gz = Gz::of(options);
    let sorts = sorts(&pages);
    // Pagefind numbers the meta fields of the language's pages, sorted.
    let language_fields: Vec<String> = meta_keys.into_iter().collect();
    let renumber: Option<Vec<u16>> = (language_fields != meta_fields).then(|| {
        meta_fields
            .iter()
            .map(|name| language_fields.binary_search(name).unwrap_or_default() as u16)
            .collect()
    });
    let filters = filters(&pages, language, gz, files);
    drop(pages);

    let group = options.max_fragments.filter(|&max| max > 0 && (max as usize) < fragments.len());
    let (chunks, fragments) = rayon::join(
        || {
            let mut words: Vec<(String, Postings)> = words.into_iter().collect();
            if let Some(renumber) = &renumber {
                words.par_iter_mut().for_each(|(_, p)| p.renumber_meta_fields(renumber));
            }
            words.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
            encode_chunks(words, options.index_chunk_size, gz)
        },
        || {
            let mut fragments = fragments;
            if group.is_none() {
                fragments.par_iter_mut().for_each(|fragment| {
                    if let FragmentBody::Json(json) = &fragment.body {
                        fragment.body = FragmentBody::Gzipped(gz.gzip(json.as_bytes()));
                    }
                });
            }
            fragments
        },
    );

    let page_count = fragments.len();
    let meta_pages = write_fragments(fragments, language, group, gz, files);
    let index_chunks = write_chunks(chunks, language, files);

    let meta = cbor(&MetaIndex {
        version: PAGEFIND_VERSION,
        pages: &meta_pages,
        index_chunks: &index_chunks,
        filters: &filters,
        sorts: &sorts,
        meta_fields: &language_fields,
    });
    let meta_hash = format!("{language}_{}", prefix(&full_hash(&meta), language.len() + 8));
    files.insert(format!("pagefind.{meta_hash}.pf_meta"), gz.gzip(&meta));

    Built { meta_hash, page_count }
}

/// The sort orders: for each sort key (sorted), the pages that have it, ordered by value
/// as numbers when every value is one, else as strings.
pub(super) fn sorts<P: FiltersAndSort>(pages: &[P]) -> Vec<MetaSort> {
    let keys: BTreeSet<&String> = pages.iter().flat_map(|page| page.sort().keys()).collect();
    keys.into_iter()
        .map(|key| {
            let mut values: Vec<(&String, usize)> = pages
                .iter()
                .enumerate()
                .filter_map(|(number, page)| page.sort().get(key).map(|value| (value, number)))
                .collect();
            if values.iter().all(|(value, _)| sort_number(value).is_some()) {
                // A stable sort, as Pagefind's `sort_by`.
                values.sort_by(|(a, _), (b, _)| {
                    let a = sort_number(a).unwrap_or_default();
                    let b = sort_number(b).unwrap_or_default();
                    a.total_cmp(&b)
                });
            } else {
                values.sort_by_key(|&(value, _)| value);
            }
            MetaSort {
                sort: key.clone(),
                pages: values.into_iter().map(|(_, number)| number).collect(),
            }
        })
        .collect()
}

/// A sort value as Pagefind reads it: an `i32` (as `f32`), else an `f32`, else none.
/// Pagefind parses with `lexical_core`'s standard format, which is Rust's own number
/// syntax (`+`/`-` sign, optional integer or fraction digits, exponent, `inf`/`nan`).
fn sort_number(value: &str) -> Option<f32> {
    value.parse::<i32>().map(|int| int as f32).ok().or_else(|| value.parse::<f32>().ok())
}

/// Writes the filter files and returns their meta records: filters sorted by name, each
/// filter's values sorted, each value's pages in page order (once per occurrence).
pub(super) fn filters<P: FiltersAndSort>(
    pages: &[P],
    language: &str,
    gz: Gz<'_>,
    files: &mut Files,
) -> Vec<MetaFilter> {
    let mut map: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (number, page) in pages.iter().enumerate() {
        // Pagefind sees (filter, value) pairs: a filter without values is no filter.
        for (filter, values) in page.filters() {
            for value in values {
                map.entry(filter).or_default().entry(value).or_default().push(number);
            }
        }
    }

    let encoded: Vec<(&str, Vec<u8>, String)> = map
        .into_par_iter()
        .map(|(filter, values)| {
            let bytes = cbor(&FilterIndex {
                filter,
                values: values
                    .into_iter()
                    .map(|(value, pages)| PackedValue { value, pages })
                    .collect(),
            });
            let hash = format!("{language}_{}", full_hash(&bytes));
            (filter, gz.gzip(&bytes), hash)
        })
        .collect();

    let mut names = BTreeSet::new();
    encoded
        .into_iter()
        .map(|(filter, gzipped, hash)| {
            let name = extend_on_collision(&hash, language, |name| names.contains(name));
            names.insert(name.to_owned());
            files.insert(format!("filter/{name}.pf_filter"), gzipped);
            MetaFilter { filter: filter.to_owned(), hash: name.to_owned() }
        })
        .collect()
}

/// The short name of `hash` (`<language>_` and 7 hex digits), made longer while it is
/// taken, as Pagefind does for its filter and word index files (two characters at a time,
/// up to the whole hash).
pub(super) fn extend_on_collision<'h>(
    hash: &'h str,
    language: &str,
    taken: impl Fn(&str) -> bool,
) -> &'h str {
    let mut short = prefix(hash, language.len() + 8);
    while taken(short) {
        short = prefix(hash, short.len() + 2);
        if short.len() == hash.len() {
            break;
        }
    }
    short
}

/// An encoded word index chunk.
struct Chunk {
    meta: MetaChunk,
    /// `<language>_<sha1 of the CBOR>`, without the language yet.
    hash: String,
    gzipped: Vec<u8>,
}

/// Pagefind's `chunk_index` and `chunk_meta`, and each chunk's CBOR (with page numbers
/// delta-encoded), hash and gzipped file.
fn encode_chunks(words: Vec<(String, Postings)>, chunk_size: usize, gz: Gz<'_>) -> Vec<Chunk> {
    // A chunk ends after the word that takes its size to `chunk_size`.
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut size = 0;
    for (i, (_, postings)) in words.iter().enumerate() {
        size += postings.chunk_size();
        if size >= chunk_size {
            ranges.push(start..i + 1);
            start = i + 1;
            size = 0;
        }
    }
    if start < words.len() {
        ranges.push(start..words.len());
    }

    let mut metas: Vec<MetaChunk> = ranges
        .iter()
        .map(|range| MetaChunk {
            from: words[range.start].0.clone(),
            to: words[range.end - 1].0.clone(),
            hash: String::new(),
        })
        .collect();
    for i in 1..metas.len() {
        let (to, from) = prefixes(&metas[i - 1].to, &metas[i].from);
        // `to` is only shortened where that keeps it after the chunk's `from`.
        if to >= metas[i - 1].from {
            metas[i - 1].to = to;
        }
        metas[i].from = from;
    }

    ranges
        .into_par_iter()
        .zip(metas)
        .map(|(range, meta)| {
            let bytes = postings::word_index(&words[range]);
            let (hash, gzipped) = gz.hash_and_gzip(&bytes);
            Chunk { meta, hash, gzipped }
        })
        .collect()
}

/// Pagefind's `get_prefixes`: `a` and `b` cut one character after their common prefix.
pub(super) fn prefixes(a: &str, b: &str) -> (String, String) {
    let common = b.chars().zip(a.chars()).take_while(|(x, y)| x == y).count();
    (a.chars().take(common + 1).collect(), b.chars().take(common + 1).collect())
}

/// Names the word index chunks and writes them; returns their meta records.
fn write_chunks(chunks: Vec<Chunk>, language: &str, files: &mut Files) -> Vec<MetaChunk> {
    let mut names = BTreeSet::new();
    chunks
        .into_iter()
        .map(|chunk| {
            let hash = format!("{language}_{}", chunk.hash);
            let name = extend_on_collision(&hash, language, |name| names.contains(name));
            names.insert(name.to_owned());
            files.insert(format!("index/{name}.pf_index"), chunk.gzipped);
            MetaChunk { hash: name.to_owned(), ..chunk.meta }
        })
        .collect()
}

/// The fragments' names, from their `<language>_<hash>`: `<language>_` and 7 hex digits,
/// one more while taken by an earlier page.
pub(super) fn fragment_names(full_hashes: &[String], language: &str) -> Vec<String> {
    let mut taken: HashMap<&str, usize> = HashMap::with_capacity(full_hashes.len());
    let mut names = Vec::with_capacity(full_hashes.len());
    for (i, full_hash) in full_hashes.iter().enumerate() {
        let mut short = prefix(full_hash, language.len() + 8);
        while let Some(&other) = taken.get(short) {
            // Identical fragments (Pagefind loops forever on them) would need two pages
            // with one URL, and a URL replaces the earlier page.
            debug_assert_ne!(&full_hashes[other], full_hash);
            if short.len() == full_hash.len() {
                break;
            }
            short = prefix(full_hash, short.len() + 1);
        }
        taken.insert(short, i);
        names.push(short.to_owned());
    }
    names
}

/// Names the fragments ([`fragment_names`]), writes them, alone or in groups, and returns
/// the pages' meta records.
fn write_fragments(
    fragments: Vec<Fragment>,
    language: &str,
    group: Option<u32>,
    gz: Gz<'_>,
    files: &mut Files,
) -> Vec<MetaPage> {
    let full_hashes: Vec<String> =
        fragments.iter().map(|fragment| format!("{language}_{}", fragment.hash)).collect();
    let names = fragment_names(&full_hashes, language);

    let Some(max_fragments) = group else {
        return fragments
            .into_iter()
            .zip(names)
            .map(|(fragment, name)| {
                let FragmentBody::Gzipped(gzipped) = fragment.body else {
                    unreachable!("ungrouped fragments are gzipped")
                };
                files.insert(format!("fragment/{name}.pf_fragment"), gzipped);
                MetaPage {
                    hash: name,
                    word_count: fragment.word_count as u32,
                    group_hash: String::new(),
                }
            })
            .collect();
    };

    // Pagefind's grouping: `ceil(pages / max)` pages a file, each file a JSON object of
    // the pages' fragments (re-serialized through `serde_json::Value`) by name.
    let group_size = (fragments.len() as f32 / max_fragments as f32).ceil() as usize;
    let prefix_name = format!("{language}_group_");
    let mut meta_pages = Vec::with_capacity(fragments.len());
    let mut fragments = fragments.into_iter().zip(names).peekable();
    let mut groups = Vec::new();
    while fragments.peek().is_some() {
        let members: Vec<(Fragment, String)> = fragments.by_ref().take(group_size).collect();
        groups.push(members);
    }
    let encoded: Vec<(String, Vec<u8>)> = groups
        .par_iter()
        .map(|members| {
            let mut object = BTreeMap::new();
            for (fragment, name) in members {
                let FragmentBody::Json(json) = &fragment.body else {
                    unreachable!("grouped fragments are kept as JSON")
                };
                let value: serde_json::Value =
                    serde_json::from_str(json).expect("serialized just before");
                object.insert(name.as_str(), value);
            }
            let json = serde_json::to_string(&object).expect("JSON values serialize");
            gz.hash_and_gzip(json.as_bytes())
        })
        .collect();
    let mut group_names = BTreeSet::new();
    for (members, (hash, gzipped)) in groups.into_iter().zip(encoded) {
        let group_hash = format!("{prefix_name}{hash}");
        let mut length = 7;
        let mut short = prefix(&group_hash, prefix_name.len() + length);
        while group_names.contains(short) && length < 40 {
            length += 1;
            short = prefix(&group_hash, prefix_name.len() + length);
        }
        let short = short.to_owned();
        group_names.insert(short.clone());
        files.insert(format!("fragment/{short}.pf_fragment"), gzipped);
        for (fragment, name) in members {
            meta_pages.push(MetaPage {
                hash: name,
                word_count: fragment.word_count as u32,
                group_hash: short.clone(),
            });
        }
    }
    meta_pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Word;

    /// Pagefind's own `build_index_chunks` and `build_chunk_meta` tests.
    #[test]
    fn chunks_as_pagefind() {
        let at = |position| Word { position, weight: 24, original_word: None };
        let word = |pages: &[(u32, usize)]| {
            let mut postings = Postings::default();
            for &(page, count) in pages {
                postings.add_positions((0..count as u32).map(at).collect(), page);
            }
            postings
        };
        // Sizes as in Pagefind's test: locations + 1 a page, with 3 (4 for banana)
        // locations (the weight change adds one here, so one location fewer).
        let chunks = encode_chunks(
            vec![
                ("apple".into(), word(&[(1, 2), (5, 2)])),
                ("apricot".into(), word(&[(5, 2)])),
                ("banana".into(), word(&[(5, 3)])),
                ("peach".into(), word(&[(5, 2)])),
            ],
            8,
            Gz::of(&Options { gzip_level: 9, ..Options::default() }),
        );
        let metas: Vec<_> = chunks.into_iter().map(|c| (c.meta.from, c.meta.to)).collect();
        assert_eq!(
            metas,
            [
                ("apple".into(), "apple".into()),
                ("apr".into(), "b".into()),
                ("p".into(), "peach".into())
            ]
        );
        assert_eq!(prefixes("cath", "cathartic"), ("cath".into(), "catha".into()));
        assert_eq!(prefixes("catha", "cath"), ("catha".into(), "cath".into()));
    }
}
