//! A word's postings (Pagefind's `PackedWord` without the word) and the word index's CBOR.
//!
//! Pagefind gives every page of every word its own location vectors; here a word keeps all
//! its locations in one vector, and its pages (and its variants' pages) are ranges of it,
//! which saves an allocation per word and page and most of the cache misses of packing
//! and encoding them. The CBOR is written by hand, byte for byte what `minicbor`'s derive
//! writes for Pagefind's `WordIndex` (checked below and by the tests against Pagefind).

use std::collections::BTreeMap;

use crate::{MetaWord, Word};

/// One page of a word or variant: its number and ranges of the word's locations.
#[derive(Debug, Clone, Copy)]
struct PageLocs {
    page_number: u32,
    locs: (u32, u32),
    meta_locs: (u32, u32),
}

/// A diacritic variant of a word (Pagefind's `PackedVariant`).
#[derive(Debug)]
struct Variant {
    form: String,
    pages: Vec<PageLocs>,
}

/// Where a word occurs: pages in page order, each with its locations (Pagefind's
/// `PackedPage.locs`, `meta_locs`) as ranges of `data`.
#[derive(Debug, Default)]
pub(crate) struct Postings {
    data: Vec<i32>,
    pages: Vec<PageLocs>,
    variants: Vec<Variant>,
}

impl Postings {
    /// Adds a page's body positions of the word: those without an original form to the
    /// word, the others to the variant of their original form (variants new to the word
    /// in the order of their forms). Pages must be added in order.
    pub(crate) fn add_positions(&mut self, positions: Vec<Word>, page_number: u32) {
        if positions.iter().all(|p| p.original_word.is_none()) {
            let locs = self.push_locs(positions);
            self.pages.push(PageLocs { page_number, locs, meta_locs: (0, 0) });
            return;
        }
        let mut plain = Vec::new();
        let mut variants: BTreeMap<String, Vec<Word>> = BTreeMap::new();
        for mut position in positions {
            match position.original_word.take() {
                None => plain.push(position),
                Some(form) => variants.entry(form).or_default().push(position),
            }
        }
        if !plain.is_empty() {
            let locs = self.push_locs(plain);
            self.pages.push(PageLocs { page_number, locs, meta_locs: (0, 0) });
        }
        for (form, positions) in variants {
            let page = PageLocs { page_number, locs: self.push_locs(positions), meta_locs: (0, 0) };
            match self.variants.iter_mut().find(|v| v.form == form) {
                Some(variant) => variant.pages.push(page),
                None => self.variants.push(Variant { form, pages: vec![page] }),
            }
        }
    }

    /// Adds a page's meta positions of the word, onto the page's body entry when it has
    /// one (replacing its meta locations, as Pagefind does). `field_ids` renumbers the
    /// page's meta fields.
    pub(crate) fn add_meta_positions(
        &mut self,
        positions: Vec<MetaWord>,
        field_ids: &[u16],
        page_number: u32,
    ) {
        let mut plain = Vec::new();
        let mut variants: BTreeMap<String, Vec<MetaWord>> = BTreeMap::new();
        for mut position in positions {
            position.field_id = field_ids[position.field_id as usize];
            match position.original_word.take() {
                None => plain.push(position),
                Some(form) => variants.entry(form).or_default().push(position),
            }
        }
        if !plain.is_empty() {
            let meta_locs = self.push_meta_locs(plain);
            set_meta_locs(&mut self.pages, meta_locs, page_number);
        }
        for (form, positions) in variants {
            let meta_locs = self.push_meta_locs(positions);
            match self.variants.iter_mut().find(|v| v.form == form) {
                Some(variant) => set_meta_locs(&mut variant.pages, meta_locs, page_number),
                None => self.variants.push(Variant {
                    form,
                    pages: vec![PageLocs { page_number, locs: (0, 0), meta_locs }],
                }),
            }
        }
    }

    /// Pagefind's `positions_to_packed_page` ([`pack_locs`]). Returns the range written.
    fn push_locs(&mut self, mut positions: Vec<Word>) -> (u32, u32) {
        let start = self.data.len();
        pack_locs(&mut self.data, &mut positions);
        (start as u32, (self.data.len() - start) as u32)
    }

    /// Pagefind's `meta_positions_to_packed` ([`pack_meta_locs`]). Returns the range
    /// written.
    fn push_meta_locs(&mut self, positions: Vec<MetaWord>) -> (u32, u32) {
        let mut pairs: Vec<(u16, u32)> =
            positions.iter().map(|p| (p.field_id, p.position)).collect();
        let start = self.data.len();
        pack_meta_locs(&mut self.data, &mut pairs);
        (start as u32, (self.data.len() - start) as u32)
    }

    /// Appends the pages of `other`, numbered from 0, as pages from `offset` on (after
    /// these): its variants new to the word after these variants, in their order.
    pub(crate) fn append(&mut self, other: Postings, offset: u32) {
        let base = self.data.len() as u32;
        let shift = |page: PageLocs| PageLocs {
            page_number: page.page_number + offset,
            locs: (page.locs.0 + base, page.locs.1),
            meta_locs: (page.meta_locs.0 + base, page.meta_locs.1),
        };
        self.data.extend_from_slice(&other.data);
        self.pages.extend(other.pages.into_iter().map(shift));
        for variant in other.variants {
            let pages = variant.pages.into_iter().map(shift);
            match self.variants.iter_mut().find(|v| v.form == variant.form) {
                Some(mine) => mine.pages.extend(pages),
                None => self.variants.push(Variant { form: variant.form, pages: pages.collect() }),
            }
        }
    }

    /// Adds `offset` to the page numbers.
    pub(crate) fn renumber_pages(&mut self, offset: u32) {
        let pages =
            self.pages.iter_mut().chain(self.variants.iter_mut().flat_map(|v| &mut v.pages));
        pages.for_each(|page| page.page_number += offset);
    }

    /// Renumbers the meta fields of the meta locations: field `i` becomes `ids[i]` (`ids`
    /// must keep the fields' order, so that the locations stay sorted by field).
    pub(crate) fn renumber_meta_fields(&mut self, ids: &[u16]) {
        let pages = self.pages.iter().chain(self.variants.iter().flat_map(|v| &v.pages));
        for page in pages {
            let (start, len) = page.meta_locs;
            for value in &mut self.data[start as usize..(start + len) as usize] {
                // Positions are never negative: the negative values are the fields.
                if *value < 0 {
                    *value = -i32::from(ids[(-*value - 1) as usize]) - 1;
                }
            }
        }
    }

    /// The word's share of a chunk's size, as Pagefind's `chunk_index` counts it: its
    /// locations and one per page, its variants' too, and one per variant.
    pub(crate) fn chunk_size(&self) -> usize {
        let pages = self.pages.iter().chain(self.variants.iter().flat_map(|v| &v.pages));
        pages.map(|p| (p.locs.1 + p.meta_locs.1) as usize + 1).sum::<usize>() + self.variants.len()
    }

    fn locs(&self, range: (u32, u32)) -> &[i32] {
        &self.data[range.0 as usize..(range.0 + range.1) as usize]
    }
}

/// Pagefind's `positions_to_packed_page`, appended to `data`: positions ordered by weight
/// (25 with 0, first) then position, delta-encoded, each change of weight written as
/// `-(weight + 1)` and an absolute position.
pub(super) fn pack_locs<W: std::borrow::Borrow<Word>>(data: &mut Vec<i32>, positions: &mut [W]) {
    positions.sort_by_key(|p| {
        let p = p.borrow();
        (if p.weight == 25 { 0 } else { p.weight }, p.position)
    });
    let mut current_weight = 25;
    let mut last_position = 0u32;
    for word in positions.iter() {
        let Word { position, weight, .. } = *word.borrow();
        if weight != current_weight {
            data.push(-i32::from(weight) - 1);
            data.push(position as i32);
            current_weight = weight;
        } else {
            data.push(position.wrapping_sub(last_position) as i32);
        }
        last_position = position;
    }
}

/// Pagefind's `meta_positions_to_packed`, appended to `data`, of (field, position) pairs:
/// positions by field then position, each field introduced by `-(field_id + 1)`, positions
/// delta-encoded within a field.
pub(super) fn pack_meta_locs(data: &mut Vec<i32>, positions: &mut [(u16, u32)]) {
    positions.sort_unstable();
    let mut current_field = None;
    let mut last_position = 0u32;
    for &(field_id, position) in positions.iter() {
        if current_field != Some(field_id) {
            data.push(-i32::from(field_id) - 1);
            current_field = Some(field_id);
            last_position = 0;
        }
        data.push(position.wrapping_sub(last_position) as i32);
        last_position = position;
    }
}

/// Sets the meta locations of `page_number` in `pages`, whose entry for this page, if any,
/// is the last one (pages are added in order).
fn set_meta_locs(pages: &mut Vec<PageLocs>, meta_locs: (u32, u32), page_number: u32) {
    match pages.last_mut() {
        Some(page) if page.page_number == page_number => page.meta_locs = meta_locs,
        _ => pages.push(PageLocs { page_number, locs: (0, 0), meta_locs }),
    }
}

/// A chunk of the word index: the CBOR of Pagefind's `WordIndex { words }`, page numbers
/// delta-encoded within each word's and variant's pages.
pub(crate) fn word_index(words: &[(String, Postings)]) -> Vec<u8> {
    let size: usize =
        words.iter().map(|(w, p)| w.len() + 8 + p.data.len() * 2 + p.pages.len() * 4).sum();
    let mut out = Cbor(Vec::with_capacity(size + 16));
    out.array(1);
    out.array(words.len());
    for (word, postings) in words {
        out.array(3);
        out.text(word);
        out.pages(postings, &postings.pages);
        out.array(postings.variants.len());
        for variant in &postings.variants {
            out.array(2);
            out.text(&variant.form);
            out.pages(postings, &variant.pages);
        }
    }
    out.0
}

/// A CBOR writer of the items `minicbor` writes for Pagefind's records: definite arrays,
/// text and integers, each head in its shortest form.
pub(super) struct Cbor(pub(super) Vec<u8>);

impl Cbor {
    pub(super) fn head(&mut self, major: u8, value: u64) {
        let major = major << 5;
        if value < 24 {
            self.0.push(major | value as u8);
        } else if value <= u64::from(u8::MAX) {
            self.0.extend_from_slice(&[major | 24, value as u8]);
        } else if value <= u64::from(u16::MAX) {
            self.0.push(major | 25);
            self.0.extend_from_slice(&(value as u16).to_be_bytes());
        } else if value <= u64::from(u32::MAX) {
            self.0.push(major | 26);
            self.0.extend_from_slice(&(value as u32).to_be_bytes());
        } else {
            self.0.push(major | 27);
            self.0.extend_from_slice(&value.to_be_bytes());
        }
    }

    pub(super) fn array(&mut self, len: usize) {
        self.head(4, len as u64);
    }

    pub(super) fn text(&mut self, text: &str) {
        self.head(3, text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
    }

    fn int(&mut self, value: i32) {
        if value >= 0 {
            self.head(0, value as u64);
        } else {
            self.head(1, (-1 - i64::from(value)) as u64);
        }
    }

    pub(super) fn ints(&mut self, values: &[i32]) {
        self.array(values.len());
        for &value in values {
            self.int(value);
        }
    }

    /// `Vec<PackedPage>`, page numbers as deltas from the previous page.
    fn pages(&mut self, postings: &Postings, pages: &[PageLocs]) {
        self.array(pages.len());
        let mut last = 0;
        for page in pages {
            self.array(3);
            self.head(0, u64::from(page.page_number - last));
            last = page.page_number;
            self.ints(postings.locs(page.locs));
            self.ints(postings.locs(page.meta_locs));
        }
    }
}

#[cfg(test)]
mod tests {
    use minicbor::Encode;

    use super::*;

    /// Pagefind's `index_words.rs` records.
    #[derive(Encode)]
    struct WordIndex {
        #[n(0)]
        words: Vec<PackedWord>,
    }

    #[derive(Encode)]
    struct PackedWord {
        #[n(0)]
        word: String,
        #[n(1)]
        pages: Vec<PackedPage>,
        #[n(2)]
        additional_variants: Vec<PackedVariant>,
    }

    #[derive(Encode)]
    struct PackedVariant {
        #[n(0)]
        form: String,
        #[n(1)]
        pages: Vec<PackedPage>,
    }

    #[derive(Encode)]
    struct PackedPage {
        #[n(0)]
        page_number: usize,
        #[n(1)]
        locs: Vec<i32>,
        #[n(2)]
        meta_locs: Vec<i32>,
    }

    fn packed(postings: &Postings, pages: &[PageLocs]) -> Vec<PackedPage> {
        let mut last = 0;
        pages
            .iter()
            .map(|p| {
                let delta = (p.page_number - last) as usize;
                last = p.page_number;
                PackedPage {
                    page_number: delta,
                    locs: postings.locs(p.locs).to_vec(),
                    meta_locs: postings.locs(p.meta_locs).to_vec(),
                }
            })
            .collect()
    }

    #[test]
    fn cbor_as_minicbor() {
        let at = |position, weight, original: Option<&str>| Word {
            position,
            weight,
            original_word: original.map(Into::into),
        };
        let meta = |field_id, position, original: Option<&str>| MetaWord {
            field_id,
            position,
            original_word: original.map(Into::into),
        };
        let mut a = Postings::default();
        a.add_positions(vec![at(3, 24, None), at(70_000, 168, None), at(1, 0, None)], 0);
        a.add_meta_positions(vec![meta(1, 2, None), meta(0, 300, None)], &[0, 5], 0);
        a.add_positions(vec![at(5, 24, Some("é")), at(2, 24, None)], 300);
        a.add_meta_positions(vec![meta(0, 1, Some("é")), meta(0, 0, Some("è"))], &[2], 70_000);
        let mut b = Postings::default();
        b.add_meta_positions(vec![meta(0, 1, None)], &[1], u32::MAX);
        let long = "x".repeat(300);
        let words = vec![("a".to_string(), a), (long, b)];

        let expected = WordIndex {
            words: words
                .iter()
                .map(|(word, p)| PackedWord {
                    word: word.clone(),
                    pages: packed(p, &p.pages),
                    additional_variants: p
                        .variants
                        .iter()
                        .map(|v| PackedVariant { form: v.form.clone(), pages: packed(p, &v.pages) })
                        .collect(),
                })
                .collect(),
        };
        let mut bytes = Vec::new();
        minicbor::encode(&expected, &mut bytes).expect("encodes");
        assert_eq!(word_index(&words), bytes);
    }

    #[test]
    fn weights_and_deltas() {
        let at = |position, weight| Word { position, weight, original_word: None };
        let mut postings = Postings::default();
        postings.add_positions(vec![at(9, 24), at(2, 168), at(3, 24), at(1, 25)], 0);
        assert_eq!(postings.data, [1, -25, 3, 6, -169, 2]);
    }
}
