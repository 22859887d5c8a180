//! [`Parsed`] -> [`Page`], exactly as Pagefind 1.6's `Fossicker::fossick_sync` does after
//! parsing a page added with `add_html_file(Some(source_path), None, html)` and default
//! options: `parse_digest` (positions, weights, anchors, excerpt content, word count,
//! segmentation of Chinese, Japanese and Thai), `tidy_meta_and_filters`,
//! `parse_meta_words` and `build_url`.
//!
//! Pagefind splits and stems every occurrence of every word anew. Here the words a raw
//! word is indexed under (a pure function of the raw word and the language) are worked
//! out once per [`Fossicker`] and language and kept, with the stemmed words interned, so
//! that an occurrence of a known word costs one hash lookup and a few pushes; and each
//! normalized word is stemmed once, however many raw words (`Gerät,`, `(Gerät`,
//! `HoloLens-Gerät`) it is found in.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use std::sync::LazyLock;

use pagefind_stem::{Algorithm, Stemmer};
use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use crate::{Anchor, MetaWord, Page, Parsed, Word};

mod digest;
mod fast;
mod splitting;
mod stems;
#[cfg(test)]
mod tests;

use digest::DigestState;
use splitting::Sink;
use stems::{Interner, Stems};

/// The characters Pagefind keeps in words by default (its `WORD_SYMBOLS`, the
/// "Punctuation, Connector" category): its default `include_characters`.
pub const WORD_SYMBOLS: [char; 10] = ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

/// The weight of a word outside any weighted element, as stored (1.0 × 24).
const WEIGHT_MULTIPLIER: f32 = 24.0;
const WEIGHT_MAX: f32 = 10.0;

const ANCHOR_MARKER: &str = "___PAGEFIND_ANCHOR___";
const WEIGHT_MARKER: &str = "___PAGEFIND_WEIGHT___";
const AUTO_WEIGHT_MARKER: &str = "___PAGEFIND_AUTO_WEIGHT___";
const END_WEIGHT_MARKER: &str = "___END_PAGEFIND_WEIGHT___";
const ZWSP: char = '\u{200B}';

static PRIVATE_PAGEFIND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("___PAGEFIND_[\\S]+\\s?").expect("valid regex"));
static NEWLINES: LazyLock<Regex> = LazyLock::new(|| Regex::new("(\n|\r\n)+").expect("valid regex"));
static TRIM_NEWLINES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("^[\n\r\\s]+|[\n\r\\s]+$").expect("valid regex"));
static EXTRANEOUS_SPACES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("\\s{2,}").expect("valid regex"));

/// The page at `source_path` (relative to the site, e.g. `de-DE/a/index.html`).
///
/// A convenience for one page: to fossick many, keep a [`Fossicker`], which reuses
/// what it learnt of each word.
pub fn fossick(source_path: &str, parsed: Parsed) -> Page {
    Fossicker::new().fossick(source_path, parsed)
}

/// Turns parsed pages into [`Page`]s, remembering per language the words each raw
/// word is indexed under, so that pages of a site share that work.
///
/// The memory it holds grows with the number of distinct raw words it has seen.
#[derive(Default)]
pub struct Fossicker {
    /// By the language's primary subtag (`zh` for `zh-cn`): all that the word
    /// splitting depends on.
    languages: HashMap<String, Language, FxBuild>,
}

impl Fossicker {
    pub fn new() -> Self {
        Self::default()
    }

    /// The page at `source_path` (relative to the site, e.g. `de-DE/a/index.html`).
    pub fn fossick(&mut self, source_path: &str, parsed: Parsed) -> Page {
        let (mut page, language) = self.fossick_page(source_path, parsed);
        page.word_data = language.body.take(&language.stems.interner);
        page.meta_word_data = language.meta.take(&language.stems.interner);
        page
    }

    /// [`Fossicker::fossick`] with the page's words left interned: its `word_data` and
    /// `meta_word_data` are empty, and their entries are appended to `body` and `meta`
    /// instead, each word as its id among the stems of the page's language (named by
    /// [`Fossicker::stem`] with the language's primary subtag, [`primary_subtag`]).
    pub(crate) fn fossick_interned(
        &mut self,
        source_path: &str,
        parsed: Parsed,
        body: &mut Vec<(u32, Vec<Word>)>,
        meta: &mut Vec<(u32, Vec<MetaWord>)>,
    ) -> Page {
        let (page, language) = self.fossick_page(source_path, parsed);
        language.body.take_ids(body);
        language.meta.take_ids(meta);
        page
    }

    /// The stemmed word that `id` stands for in `fossick_interned`'s words of a page of
    /// the language whose primary subtag is `primary`.
    pub(crate) fn stem(&self, primary: &str, id: u32) -> &str {
        self.languages[primary].stems.interner.get(id)
    }

    /// The page without its words, which are left in its language's occurrences.
    fn fossick_page(&mut self, source_path: &str, parsed: Parsed) -> (Page, &mut Language) {
        let mut parsed = parsed;
        let primary = primary_subtag(&parsed.language);
        if !self.languages.contains_key(primary) {
            self.languages.insert(primary.to_string(), Language::new(primary));
        }
        let language = self.languages.get_mut(primary).expect("the language was just inserted");

        let digest = DigestState::run(language, &parsed);
        tidy_meta_and_filters(&mut parsed);
        language.meta_words(&parsed.meta);

        let page = Page {
            url: build_url(source_path),
            content: digest.content,
            word_count: digest.word_count,
            filters: parsed.filters,
            meta: parsed.meta,
            anchors: digest.anchors,
            word_data: HashMap::new(),
            meta_word_data: HashMap::new(),
            sort: parsed.sort,
            has_custom_body: parsed.has_custom_body,
            force_inclusion: parsed.force_inclusion,
            has_html_element: parsed.has_html_element,
            language: parsed.language,
        };
        (page, language)
    }
}

/// The part of a language tag that Pagefind picks a stemmer and segmentation by.
pub(crate) fn primary_subtag(language: &str) -> &str {
    language.split('-').next().unwrap_or_default()
}

/// Pagefind's `get_stemmer`, by the primary subtag.
fn get_stemmer(primary: &str) -> Option<Stemmer> {
    let algorithm = match primary {
        "ar" => Algorithm::Arabic,
        "hy" => Algorithm::Armenian,
        "eu" => Algorithm::Basque,
        "ca" => Algorithm::Catalan,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "eo" => Algorithm::Esperanto,
        "et" => Algorithm::Estonian,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hi" => Algorithm::Hindi,
        "hu" => Algorithm::Hungarian,
        "id" => Algorithm::Indonesian,
        "ga" => Algorithm::Irish,
        "it" => Algorithm::Italian,
        "lt" => Algorithm::Lithuanian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "ne" => Algorithm::Nepali,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sr" => Algorithm::Serbian,
        "pl" => Algorithm::Polish,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        "yi" => Algorithm::Yiddish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Pagefind's `tidy_meta_and_filters`: removes its private markers from meta and
/// filter values.
fn tidy_meta_and_filters(parsed: &mut Parsed) {
    fn tidy(value: &mut String) {
        if value.contains("___PAGEFIND_") {
            if let Cow::Owned(tidied) = PRIVATE_PAGEFIND.replace_all(value, "") {
                *value = tidied;
            }
        }
    }
    parsed.filters.values_mut().flatten().for_each(tidy);
    parsed.meta.values_mut().for_each(tidy);
}

/// Pagefind's `normalize_content` (for anchor texts): decodes entities, trims, and
/// collapses newlines and runs of whitespace to one space.
fn normalize_content(content: &str) -> Cow<'_, str> {
    let plain = !content.contains('&')
        && !content.starts_with(' ')
        && !content.ends_with(' ')
        && !content.contains("  ")
        && !content.chars().any(|c| c != ' ' && c.is_whitespace());
    if plain {
        return Cow::Borrowed(content);
    }
    let content = html_escape::decode_html_entities(content);
    let content = TRIM_NEWLINES.replace_all(&content, "");
    let content = NEWLINES.replace_all(&content, " ");
    let content = EXTRANEOUS_SPACES.replace_all(&content, " ");
    Cow::Owned(content.into_owned())
}

/// Pagefind's `build_url` for a synthetic file at `source_path` with default options
/// (the site source is the working directory, `keep_index_url` is off).
pub fn build_url(source_path: &str) -> String {
    let path = Path::new(source_path);
    let url: Cow<'_, str> = if path.is_relative() {
        Cow::Borrowed(source_path)
    } else {
        let Some(trimmed) = std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        else {
            return "/unknown/".to_string();
        };
        Cow::Owned(trimmed.to_string_lossy().into_owned())
    };
    let url = if url.ends_with("/index.html") {
        &url[..url.len() - 10]
    } else if url == "index.html" {
        ""
    } else {
        &url
    };
    let mut out = String::with_capacity(url.len() + 1);
    out.push('/');
    percent_encode_path(url, &mut out);
    out
}

/// `percent_encoding::utf8_percent_encode` with Pagefind's `PATH_ENCODE_SET`.
fn percent_encode_path(url: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for (i, &b) in url.as_bytes().iter().enumerate() {
        let encode = !(0x20..0x7F).contains(&b)
            || matches!(b, b' ' | b'"' | b'#' | b'%' | b'<' | b'>' | b'?' | b'`' | b'{' | b'}');
        if encode {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        } else {
            // An ASCII byte is a whole character
            out.push_str(&url[i..=i]);
        }
    }
}

/// A word to index for a raw word, with its stemmed form interned.
#[derive(Debug)]
struct Indexable {
    stem: u32,
    is_compound_part: bool,
    original: Option<Box<str>>,
}

/// What a raw word is indexed under (the raw word being the key in
/// [`Language::entry_ids`]).
#[derive(Debug)]
struct Entry {
    /// `get_indexable_words`, then the dotted tails, then (once worked out) the bigrams.
    words: Vec<Indexable>,
    /// How many of `words` are `get_indexable_words` (what meta fields index).
    n_indexable: u32,
    /// How many are indexed outside segmented text: with the dotted tails.
    n_plain: u32,
    /// How many are indexed in segmented text (with the bigrams), once worked out.
    n_segmented: Option<u32>,
    compound_plain: u32,
    compound_segmented: u32,
    /// The byte lengths of the word's first grapheme cluster and the start of its
    /// last (for the pairs across segments), once segmented.
    first_cluster_end: u32,
    last_cluster_start: u32,
}

/// A raw word's entry, as [`Language::entry_ids`] holds it: most raw words are indexed
/// under one stemmed word, as it is, and an occurrence outside segmented text then needs
/// nothing else of the entry.
#[derive(Debug, Clone, Copy)]
struct Known {
    /// The index in [`Language::entries`].
    id: u32,
    /// The interned word when it is the entry's only word outside segmented text, neither
    /// a compound part nor folded (so no partial weight and no original form); else
    /// `u32::MAX`.
    single: u32,
}

/// Occurrences of words on one page, by interned word, in first-seen order.
struct Occurrences<T> {
    /// Interned word -> index in `words`, or `u32::MAX`.
    slots: Vec<u32>,
    words: Vec<(u32, Vec<T>)>,
}

impl<T> Default for Occurrences<T> {
    fn default() -> Self {
        Self { slots: Vec::new(), words: Vec::new() }
    }
}

impl<T> Occurrences<T> {
    fn positions(&mut self, stem: u32) -> &mut Vec<T> {
        let stem_index = stem as usize;
        if stem_index >= self.slots.len() {
            self.slots.resize(stem_index + 1, u32::MAX);
        }
        let slot = self.slots[stem_index];
        let index = if slot == u32::MAX {
            let index = self.words.len();
            self.slots[stem_index] = index as u32;
            self.words.push((stem, Vec::new()));
            index
        } else {
            slot as usize
        };
        &mut self.words[index].1
    }

    /// The occurrences by stemmed word, leaving this empty for the next page.
    fn take(&mut self, interner: &Interner) -> HashMap<String, Vec<T>> {
        let mut map = HashMap::with_capacity(self.words.len());
        for (stem, positions) in self.words.drain(..) {
            self.slots[stem as usize] = u32::MAX;
            map.insert(interner.get(stem).to_string(), positions);
        }
        map
    }

    /// The occurrences by interned word, appended to `out`, leaving this empty for the
    /// next page.
    fn take_ids(&mut self, out: &mut Vec<(u32, Vec<T>)>) {
        for (stem, _) in &self.words {
            self.slots[*stem as usize] = u32::MAX;
        }
        out.append(&mut self.words);
    }
}

/// What is kept per language: the stemmer, the segmenter, and each raw word's
/// indexable words.
struct Language {
    /// For the languages Pagefind segments with ICU4X: zh, ja and th.
    segmenter: Option<icu_segmenter::WordSegmenterBorrowed<'static>>,
    stems: Stems,
    entry_ids: HashMap<Box<str>, Known, FxBuild>,
    entries: Vec<Entry>,
    /// The pair of clusters across two segments, each one character (the first in the
    /// high half) -> its interned stemmed word, for the pairs whose diacritics need no
    /// folding (the others take the stems, which remember their original form).
    char_pairs: HashMap<u64, u32, FxBuild>,
    pair_buffer: String,
    /// A short run of text in a segmented language -> where its segments end: runs such
    /// as `HoloLens` or `的` come back often, and segmenting is a pure function of the run.
    segment_ends: HashMap<Box<str>, Box<[u32]>, FxBuild>,
    body: Occurrences<Word>,
    meta: Occurrences<MetaWord>,
}

impl Language {
    fn new(primary: &str) -> Self {
        let segmenter = matches!(primary, "zh" | "ja" | "th")
            .then(|| icu_segmenter::WordSegmenter::new_dictionary(Default::default()));
        Self {
            segmenter,
            stems: Stems {
                stemmer: get_stemmer(primary),
                interner: Interner::default(),
                stemmed: HashMap::default(),
            },
            entry_ids: HashMap::default(),
            entries: Vec::new(),
            char_pairs: HashMap::default(),
            pair_buffer: String::new(),
            segment_ends: HashMap::default(),
            body: Occurrences::default(),
            meta: Occurrences::default(),
        }
    }

    /// The index in `entries` of `raw_word`'s entry, working it out if it is new.
    fn entry(&mut self, raw_word: &str) -> usize {
        self.known(raw_word).id as usize
    }

    /// [`Language::entry`], with the one word a raw word is indexed under outside
    /// segmented text when that is all there is to it ([`Known::single`]).
    fn known(&mut self, raw_word: &str) -> Known {
        if let Some(&known) = self.entry_ids.get(raw_word) {
            return known;
        }
        let mut words = Vec::new();
        splitting::indexable_words(raw_word, &WORD_SYMBOLS, &mut self.stems, &mut words);
        let n_indexable = words.len();
        splitting::dotted_tails(raw_word, &WORD_SYMBOLS, &mut self.stems, &mut words);
        let n_plain = words.len();
        let compound_plain = words.iter().filter(|w| w.is_compound_part).count();
        let id = self.entries.len();
        let single = match words.as_slice() {
            [word] if !word.is_compound_part && word.original.is_none() => word.stem,
            _ => u32::MAX,
        };
        self.entries.push(Entry {
            words,
            n_indexable: n_indexable as u32,
            n_plain: n_plain as u32,
            n_segmented: None,
            compound_plain: compound_plain as u32,
            compound_segmented: 0,
            first_cluster_end: 0,
            last_cluster_start: 0,
        });
        let known = Known { id: id as u32, single };
        self.entry_ids.insert(raw_word.into(), known);
        known
    }

    /// Adds the bigrams of a segment to its entry, if they aren't there yet.
    fn segment_entry(&mut self, id: usize, raw_word: &str) {
        if self.entries[id].n_segmented.is_some() {
            return;
        }
        let mut words = std::mem::take(&mut self.entries[id].words);
        let n_plain = words.len();
        splitting::indexable_bigrams(raw_word, &mut self.stems, &mut words);
        let compound = words[n_plain..].iter().filter(|w| w.is_compound_part).count() as u32;
        let first_cluster_end = raw_word.graphemes(true).next().map_or(0, str::len);
        let last_cluster_start = raw_word.grapheme_indices(true).next_back().map_or(0, |(i, _)| i);
        let entry = &mut self.entries[id];
        entry.n_segmented = Some(words.len() as u32);
        entry.words = words;
        entry.compound_segmented = entry.compound_plain + compound;
        entry.first_cluster_end = first_cluster_end as u32;
        entry.last_cluster_start = last_cluster_start as u32;
    }

    /// The byte offsets in `run` (a run of text in a segmented language) where its
    /// segments end, into `ends` (emptied first).
    fn segment_ends(
        &mut self,
        segmenter: icu_segmenter::WordSegmenterBorrowed<'static>,
        run: &str,
        ends: &mut Vec<u32>,
    ) {
        /// Longer runs are seldom seen twice.
        const MAX_REMEMBERED_BYTES: usize = 64;
        ends.clear();
        let remembered = run.len() <= MAX_REMEMBERED_BYTES;
        if let Some(known) = remembered.then(|| self.segment_ends.get(run)).flatten() {
            ends.extend_from_slice(known);
            return;
        }
        let mut end = 0;
        for segment in splitting::segment_words(segmenter, run) {
            end += segment.len();
            ends.push(end as u32);
        }
        if remembered {
            self.segment_ends.insert(run.into(), ends.as_slice().into());
        }
    }

    /// The interned word and original form for the pair of `previous` and `first`
    /// grapheme clusters, both in a segmented script.
    fn cross_pair(&mut self, previous: &str, first: &str) -> (u32, Option<String>) {
        fn single(cluster: &str) -> Option<char> {
            let mut chars = cluster.chars();
            chars.next().filter(|_| chars.next().is_none())
        }
        let key =
            single(previous).zip(single(first)).map(|(a, b)| (u64::from(a) << 32) | u64::from(b));
        if let Some(&stem) = key.and_then(|key| self.char_pairs.get(&key)) {
            return (stem, None);
        }
        self.pair_buffer.clear();
        self.pair_buffer.push_str(previous);
        self.pair_buffer.push_str(first);
        let w = self.stems.stemmed(&self.pair_buffer, true);
        if let Some(key) = key.filter(|_| w.original.is_none()) {
            self.char_pairs.insert(key, w.stem);
        }
        (w.stem, w.original.map(String::from))
    }

    /// Pagefind's `parse_meta_words`: the words of each meta field, by field number
    /// in the order of the fields' names, into the meta occurrences.
    fn meta_words(&mut self, meta: &BTreeMap<String, String>) {
        for (field_id, value) in meta.values().enumerate() {
            for (word_index, word) in fast::split_whitespace(value).enumerate() {
                let id = self.entry(word);
                let entry = &self.entries[id];
                for w in &entry.words[..entry.n_indexable as usize] {
                    self.meta.positions(w.stem).push(MetaWord {
                        field_id: field_id as u16,
                        position: word_index as u32,
                        original_word: w.original.as_deref().map(str::to_string),
                    });
                }
            }
        }
    }
}

/// FxHash (as in rustc) with a final mix: a fast hash for short keys. Keys are the words of the
/// site being indexed, not adversarial input worth a DoS-resistant hash.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn finish(&self) -> u64 {
        // The multiplications leave the low bits (the ones that pick a bucket)
        // depending only on the first bytes: mix the high bits in (murmur3's fmix64)
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}
