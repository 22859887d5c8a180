//! Each page's share of a word's entry in the word index, encoded once ([`Share`]), and a
//! word's entry assembled from its pages' shares ([`WordState`]), for [`super::Live`]: the
//! bytes [`super::postings`] writes for the same pages.

use std::collections::BTreeMap;

use super::language::PageInfo;
use super::postings::{Cbor, pack_locs, pack_meta_locs};
use crate::{Page, Word};

/// A word: each page's share (by page number, in order), its whole entry and its size.
pub(super) struct WordState {
    pub(super) pages: Vec<(u32, Share)>,
    pub(super) cbor: Vec<u8>,
    pub(super) size: usize,
    pub(super) stamp: u64,
}

/// A page's share of a word: its entry in the word's pages, and in each variant's (in
/// the order the page brings them to the word).
#[derive(PartialEq, Debug)]
pub(super) struct Share {
    plain: Option<Entry>,
    variants: Vec<(String, Entry)>,
}

/// A page's share of each of its words.
pub(super) type PageShares<'p> = Vec<(&'p String, Share)>;

/// A page entry's location lists, encoded (`locs`, `meta_locs`), and how many locations.
#[derive(PartialEq, Debug)]
pub(super) struct Entry {
    bytes: Vec<u8>,
    len: usize,
}

impl WordState {
    pub(super) fn new() -> WordState {
        WordState { pages: Vec::new(), cbor: Vec::new(), size: 0, stamp: 0 }
    }

    /// The word's entry in the word index (what [`super::postings::word_index`] writes for
    /// it) and its size, from its pages' shares.
    pub(super) fn assemble(&mut self, word: &str, stamp: u64) {
        let bytes: usize = self.pages.iter().map(|(_, share)| share.bytes()).sum();
        let mut out = Cbor(Vec::with_capacity(word.len() + bytes + self.pages.len() * 4 + 8));
        let mut size = 0;
        out.array(3);
        out.text(word);
        out.array(self.pages.iter().filter(|(_, share)| share.plain.is_some()).count());
        let mut last = 0;
        for (number, share) in &self.pages {
            if let Some(entry) = &share.plain {
                entry.write(&mut out, number - last);
                last = *number;
                size += entry.len + 1;
            }
        }
        // Variants in the order pages bring them to the word.
        let mut forms: Vec<&str> = Vec::new();
        for (_, share) in &self.pages {
            for (form, _) in &share.variants {
                if !forms.contains(&form.as_str()) {
                    forms.push(form);
                }
            }
        }
        out.array(forms.len());
        for form in &forms {
            out.array(2);
            out.text(form);
            fn of<'s>(share: &'s Share, form: &str) -> Option<&'s Entry> {
                share.variants.iter().find(|(f, _)| f == form).map(|(_, entry)| entry)
            }
            out.array(self.pages.iter().filter(|(_, share)| of(share, form).is_some()).count());
            let mut last = 0;
            for (number, share) in &self.pages {
                if let Some(entry) = of(share, form) {
                    entry.write(&mut out, number - last);
                    last = *number;
                    size += entry.len + 1;
                }
            }
        }
        self.size = size + forms.len();
        self.cbor = out.0;
        self.stamp = stamp;
    }
}

impl Share {
    fn bytes(&self) -> usize {
        let variants: usize = self.variants.iter().map(|(f, e)| f.len() + e.bytes.len() + 8).sum();
        self.plain.as_ref().map_or(0, |entry| entry.bytes.len() + 4) + variants
    }
}

impl Entry {
    fn new(locs: &[i32], meta_locs: &[i32]) -> Entry {
        let mut out = Cbor(Vec::with_capacity((locs.len() + meta_locs.len()) * 2 + 4));
        out.ints(locs);
        out.ints(meta_locs);
        Entry { bytes: out.0, len: locs.len() + meta_locs.len() }
    }

    /// The page's record (`PackedPage`), its page number `delta` from the last one.
    fn write(&self, out: &mut Cbor, delta: u32) {
        out.array(3);
        out.head(0, u64::from(delta));
        out.0.extend_from_slice(&self.bytes);
    }
}

/// The page's words: body words, then meta words that are not body words.
pub(super) fn words_of(page: &Page) -> impl Iterator<Item = &String> {
    let meta = page.meta_word_data.keys().filter(|word| !page.word_data.contains_key(*word));
    page.word_data.keys().chain(meta)
}

/// Each of the page's meta fields' number among the language's `fields`.
pub(super) fn field_ids(page: &Page, fields: &[String]) -> Vec<u16> {
    page.meta.keys().map(|name| fields.binary_search(name).unwrap_or_default() as u16).collect()
}

/// The page's share of `word` (what [`super::postings::Postings`] adds for it): its body
/// locations without an original form and its meta ones on one entry; those of each
/// original form on the variant's (body forms in order, then the other meta forms).
pub(super) fn share(page: &Page, word: &str, field_ids: &[u16]) -> Share {
    let mut plain: Option<(Vec<i32>, Vec<i32>)> = None;
    let mut variants: Vec<(String, Vec<i32>, Vec<i32>)> = Vec::new();
    if let Some(positions) = page.word_data.get(word) {
        let mut unvaried: Vec<&Word> = Vec::new();
        let mut forms: BTreeMap<&str, Vec<&Word>> = BTreeMap::new();
        for position in positions {
            match &position.original_word {
                None => unvaried.push(position),
                Some(form) => forms.entry(form).or_default().push(position),
            }
        }
        if forms.is_empty() || !unvaried.is_empty() {
            let mut locs = Vec::new();
            pack_locs(&mut locs, &mut unvaried);
            plain = Some((locs, Vec::new()));
        }
        for (form, mut positions) in forms {
            let mut locs = Vec::new();
            pack_locs(&mut locs, &mut positions);
            variants.push((form.to_owned(), locs, Vec::new()));
        }
    }
    if let Some(positions) = page.meta_word_data.get(word) {
        let mut unvaried: Vec<(u16, u32)> = Vec::new();
        let mut forms: BTreeMap<&str, Vec<(u16, u32)>> = BTreeMap::new();
        for position in positions {
            let field = field_ids.get(position.field_id as usize).copied().unwrap_or_default();
            match &position.original_word {
                None => unvaried.push((field, position.position)),
                Some(form) => forms.entry(form).or_default().push((field, position.position)),
            }
        }
        if !unvaried.is_empty() {
            let mut meta_locs = Vec::new();
            pack_meta_locs(&mut meta_locs, &mut unvaried);
            match &mut plain {
                Some((_, meta)) => *meta = meta_locs,
                None => plain = Some((Vec::new(), meta_locs)),
            }
        }
        for (form, mut positions) in forms {
            let mut meta_locs = Vec::new();
            pack_meta_locs(&mut meta_locs, &mut positions);
            match variants.iter_mut().find(|(f, _, _)| f == form) {
                Some((_, _, meta)) => *meta = meta_locs,
                None => variants.push((form.to_owned(), Vec::new(), meta_locs)),
            }
        }
    }
    Share {
        plain: plain.map(|(locs, meta)| Entry::new(&locs, &meta)),
        variants: variants
            .into_iter()
            .map(|(form, locs, meta)| (form, Entry::new(&locs, &meta)))
            .collect(),
    }
}

/// What [`super::language::sorts`] and [`super::language::filters`] read of a page.
pub(super) trait FiltersAndSort {
    fn filters(&self) -> &BTreeMap<String, Vec<String>>;
    fn sort(&self) -> &BTreeMap<String, String>;
}

impl FiltersAndSort for PageInfo {
    fn filters(&self) -> &BTreeMap<String, Vec<String>> {
        &self.filters
    }
    fn sort(&self) -> &BTreeMap<String, String> {
        &self.sort
    }
}

impl FiltersAndSort for &Page {
    fn filters(&self) -> &BTreeMap<String, Vec<String>> {
        &self.filters
    }
    fn sort(&self) -> &BTreeMap<String, String> {
        &self.sort
    }
}
