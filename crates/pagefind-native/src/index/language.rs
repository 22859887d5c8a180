//! One language's index: Pagefind 1.6's `index::build_indexes` and the files that
//! `PagefindIndexes::write_files` writes for it.
//!
//! Pagefind packs each page's words in parallel and merges them in page order; here the
//! words are packed straight into one map in page order (a page's entries end up last in
//! each of its words' lists, where Pagefind's merge puts them), while the fragments are
//! serialized, hashed and gzipped in parallel. Everything whose order reaches the output
//! (pages, words, variants, filters, chunks, hash collisions) is done in Pagefind's order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use super::Options;
use super::encode::{
    FilterIndex, MetaChunk, MetaFilter, MetaIndex, MetaPage, MetaSort, PackedValue, cbor,
    full_hash, gzip, prefix,
};
use super::postings::{self, Postings};
use crate::{Anchor, Files, MetaWord, PAGEFIND_VERSION, Page, Word};

/// What the entry file needs of a built language.
pub(crate) struct Built {
    /// `<language>_<hash>`, the name of the meta file.
    pub(crate) meta_hash: String,
    pub(crate) page_count: usize,
}

/// Pagefind's `PageFragmentData`, borrowed: the fragment JSON, fields in its order.
#[derive(Serialize)]
struct FragmentData<'a> {
    url: &'a str,
    content: &'a str,
    word_count: usize,
    filters: &'a BTreeMap<String, Vec<String>>,
    meta: &'a BTreeMap<String, String>,
    anchors: &'a [Anchor],
}

/// A page's fragment, ready to be named.
struct Fragment {
    /// `<language>_<sha1 of the JSON>`.
    full_hash: String,
    word_count: usize,
    /// The gzipped file, or the JSON itself when fragments are grouped.
    body: FragmentBody,
}

enum FragmentBody {
    Gzipped(Vec<u8>),
    Json(String),
}

/// Builds the index of one language's pages (in their order: the page numbers) into
/// `files`.
pub(crate) fn build(
    pages: Vec<Page>,
    language: &str,
    options: &Options,
    files: &mut Files,
) -> Built {
    let sorts = sorts(&pages);

    let meta_fields: Vec<String> = pages
        .iter()
        .flat_map(|page| page.meta.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .cloned()
        .collect();

    let filters = filters(&pages, language, files);

    // Split the pages into what the word index needs and what the fragments need.
    let group = options.max_fragments.filter(|&max| max > 0 && (max as usize) < pages.len());
    let mut word_parts = Vec::with_capacity(pages.len());
    let mut fragment_parts = Vec::with_capacity(pages.len());
    for page in pages {
        // Each page numbers its meta fields in the order of its own meta keys.
        let field_ids: Vec<u16> = page
            .meta
            .keys()
            .map(|name| meta_fields.binary_search(name).expect("a collected field") as u16)
            .collect();
        word_parts.push(PageWords {
            word_data: page.word_data,
            meta_word_data: page.meta_word_data,
            field_ids,
        });
        fragment_parts.push((
            page.url,
            page.content,
            page.word_count,
            page.filters,
            page.meta,
            page.anchors,
        ));
    }

    let (chunks, fragments) = rayon::join(
        || {
            let words = pack_words(word_parts);
            encode_chunks(words, options.index_chunk_size)
        },
        || {
            fragment_parts
                .into_par_iter()
                .map(|(url, content, word_count, filters, meta, anchors)| {
                    let data = FragmentData {
                        url: &url,
                        content: &content,
                        word_count,
                        filters: &filters,
                        meta: &meta,
                        anchors: &anchors,
                    };
                    let json = serde_json::to_string(&data).expect("strings and maps serialize");
                    Fragment {
                        full_hash: format!("{language}_{}", full_hash(json.as_bytes())),
                        word_count,
                        body: if group.is_some() {
                            FragmentBody::Json(json)
                        } else {
                            FragmentBody::Gzipped(gzip(json.as_bytes()))
                        },
                    }
                })
                .collect::<Vec<_>>()
        },
    );

    let page_count = fragments.len();
    let meta_pages = write_fragments(fragments, language, group, files);
    let index_chunks = write_chunks(chunks, language, files);

    let meta = cbor(&MetaIndex {
        version: PAGEFIND_VERSION,
        pages: &meta_pages,
        index_chunks: &index_chunks,
        filters: &filters,
        sorts: &sorts,
        meta_fields: &meta_fields,
    });
    let meta_hash = format!("{language}_{}", prefix(&full_hash(&meta), language.len() + 8));
    files.insert(format!("pagefind.{meta_hash}.pf_meta"), gzip(&meta));

    Built { meta_hash, page_count }
}

/// The sort orders: for each sort key (sorted), the pages that have it, ordered by value
/// as numbers when every value is one, else as strings.
fn sorts(pages: &[Page]) -> Vec<MetaSort> {
    let keys: BTreeSet<&String> = pages.iter().flat_map(|page| page.sort.keys()).collect();
    keys.into_iter()
        .map(|key| {
            let mut values: Vec<(&String, usize)> = pages
                .iter()
                .enumerate()
                .filter_map(|(number, page)| page.sort.get(key).map(|value| (value, number)))
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
fn filters(pages: &[Page], language: &str, files: &mut Files) -> Vec<MetaFilter> {
    let mut map: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (number, page) in pages.iter().enumerate() {
        // Pagefind sees (filter, value) pairs: a filter without values is no filter.
        for (filter, values) in &page.filters {
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
            (filter, gzip(&bytes), hash)
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
fn extend_on_collision<'h>(hash: &'h str, language: &str, taken: impl Fn(&str) -> bool) -> &'h str {
    let mut short = prefix(hash, language.len() + 8);
    while taken(short) {
        short = prefix(hash, short.len() + 2);
        if short.len() == hash.len() {
            break;
        }
    }
    short
}

/// A page's words.
struct PageWords {
    word_data: HashMap<String, Vec<Word>>,
    meta_word_data: HashMap<String, Vec<MetaWord>>,
    /// The language's number of each of the page's meta fields (its `field_id`s).
    field_ids: Vec<u16>,
}

/// Every word of every page, sorted, with its pages in page order. Pages are numbered by
/// their position in `parts`.
fn pack_words(parts: Vec<PageWords>) -> Vec<(String, Postings)> {
    let mut map: HashMap<String, Postings> = HashMap::new();
    for (number, page) in parts.into_iter().enumerate() {
        let number = number as u32;
        let PageWords { word_data, meta_word_data, field_ids } = page;
        for (word, positions) in word_data {
            map.entry(word).or_default().add_positions(positions, number);
        }
        for (word, positions) in meta_word_data {
            map.entry(word).or_default().add_meta_positions(positions, &field_ids, number);
        }
    }
    let mut words: Vec<(String, Postings)> = map.into_iter().collect();
    words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    words
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
fn encode_chunks(words: Vec<(String, Postings)>, chunk_size: usize) -> Vec<Chunk> {
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
            Chunk { meta, hash: full_hash(&bytes), gzipped: gzip(&bytes) }
        })
        .collect()
}

/// Pagefind's `get_prefixes`: `a` and `b` cut one character after their common prefix.
fn prefixes(a: &str, b: &str) -> (String, String) {
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

/// Names the fragments (`<language>_` and 7 hex digits, one more while taken by an
/// earlier page), writes them, alone or in groups, and returns the pages' meta records.
fn write_fragments(
    fragments: Vec<Fragment>,
    language: &str,
    group: Option<u32>,
    files: &mut Files,
) -> Vec<MetaPage> {
    let mut taken: HashMap<String, usize> = HashMap::with_capacity(fragments.len());
    let mut names = Vec::with_capacity(fragments.len());
    for (i, fragment) in fragments.iter().enumerate() {
        let mut short = prefix(&fragment.full_hash, language.len() + 8);
        while let Some(&other) = taken.get(short) {
            // Identical fragments (Pagefind loops forever on them) would need two pages
            // with one URL, and a URL replaces the earlier page.
            debug_assert_ne!(fragments[other].full_hash, fragment.full_hash);
            if short.len() == fragment.full_hash.len() {
                break;
            }
            short = prefix(&fragment.full_hash, short.len() + 1);
        }
        taken.insert(short.to_owned(), i);
        names.push(short.to_owned());
    }
    drop(taken);

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
            (full_hash(json.as_bytes()), gzip(json.as_bytes()))
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
