//! Pagefind's `parse_digest`: the digest of a page's indexed text -> its words (with their
//! positions and weights, in the language's occurrences), anchors, excerpt content and word
//! count.

use super::*;

/// What `parse_digest` returns.
/// The words are left in the language's body occurrences.
pub(super) struct Digest {
    pub(super) content: String,
    pub(super) anchors: Vec<Anchor>,
    pub(super) word_count: usize,
}

/// Pagefind's `parse_digest`, with the state its `track_word` closure keeps.
pub(super) struct DigestState<'a> {
    language: &'a mut Language,
    parsed: &'a Parsed,
    content: String,
    anchors: Vec<Anchor>,
    weight_stack: Vec<u8>,
    total_word_index: usize,
    max_word_index: usize,
    should_segment: bool,
}

impl<'a> DigestState<'a> {
    pub(super) fn run(language: &'a mut Language, parsed: &'a Parsed) -> Digest {
        let segmenter = language.segmenter;
        let mut state = DigestState {
            language,
            parsed,
            content: String::with_capacity(parsed.digest.len()),
            anchors: Vec::new(),
            weight_stack: vec![WEIGHT_MULTIPLIER as u8],
            total_word_index: 0,
            max_word_index: 0,
            should_segment: segmenter.is_some(),
        };

        let mut ends = Vec::new();
        for chunk in fast::split_whitespace(&parsed.digest) {
            match segmenter {
                Some(segmenter) if !chunk.starts_with("___") => {
                    // Segments of a single run of text, so that the pairs of grapheme
                    // clusters spanning two segments can be indexed as well
                    state.language.segment_ends(segmenter, chunk, &mut ends);
                    let mut previous_cluster: Option<&str> = None;
                    let mut start = 0;
                    for (i, &end) in ends.iter().enumerate() {
                        let word = &chunk[start..end as usize];
                        start = end as usize;
                        let last = i + 1 == ends.len();
                        let cluster = state.track_word(word, last, Some(previous_cluster));
                        previous_cluster = cluster;
                    }
                }
                _ => {
                    state.track_word(chunk, true, None);
                }
            }
        }

        let mut content = state.content;
        if content.ends_with(ZWSP) {
            content.pop();
        }
        if content.ends_with(' ') {
            content.pop();
        }
        Digest { content, anchors: state.anchors, word_count: state.max_word_index + 1 }
    }

    /// Handles a marker, or indexes a word. `segmented` carries the last grapheme
    /// cluster of the previous segment of the same run of text, for segments; for
    /// those, this returns the last grapheme cluster of `word`.
    fn track_word<'w>(
        &mut self,
        word: &'w str,
        append_whitespace: bool,
        segmented: Option<Option<&str>>,
    ) -> Option<&'w str> {
        let last_cluster = |word: &'w str| word.graphemes(true).next_back();
        if word.starts_with('_') && self.marker(word) {
            return segmented.and_then(|_| last_cluster(word));
        }

        // Zero-width spaces are boundaries in segmented languages: none go into the index
        let base_word: Cow<'_, str> = if fast::contains_zwsp(word) {
            Cow::Owned(word.replace(ZWSP, ""))
        } else {
            Cow::Borrowed(word)
        };
        if base_word.is_empty() {
            return segmented.and_then(|_| last_cluster(word));
        }

        self.content.push_str(&base_word);
        if append_whitespace {
            self.content.push(' ');
        }
        if self.should_segment {
            self.content.push(ZWSP);
        }

        let word_weight = self.weight_stack.last().copied().unwrap_or(1);
        let language = &mut *self.language;
        let known = language.known(&base_word);
        if segmented.is_none() && known.single != u32::MAX {
            // One word, at full weight, with no original form: what the loop below does
            // for such an entry, without reading it.
            let position = self.total_word_index as u32;
            let word = Word { position, weight: word_weight, original_word: None };
            language.body.positions(known.single).push(word);
            self.max_word_index = self.total_word_index;
            self.total_word_index += 1;
            return None;
        }
        let id = known.id as usize;
        if segmented.is_some() {
            language.segment_entry(id, &base_word);
        }

        let entry = &language.entries[id];
        let (n, mut compound_count) = match entry.n_segmented {
            Some(n) if segmented.is_some() => (n, entry.compound_segmented),
            _ => (entry.n_plain, entry.compound_plain),
        };
        let n = n as usize;

        // The pair across the boundary from the previous segment
        let mut cross = None;
        let mut result_cluster = None;
        if let Some(previous) = segmented {
            let first_cluster = &base_word[..entry.first_cluster_end as usize];
            result_cluster = Some(if let Cow::Borrowed(word) = base_word {
                &word[entry.last_cluster_start as usize..]
            } else {
                last_cluster(word).unwrap_or_default()
            });
            if let Some(previous) = previous.filter(|c| splitting::is_segmented_cluster(c)) {
                if splitting::is_segmented_cluster(first_cluster) {
                    let (stem, original) = language.cross_pair(previous, first_cluster);
                    let entry = &language.entries[id];
                    if !entry.words[..n].iter().any(|w| w.stem == stem) {
                        cross = Some((stem, original));
                        compound_count += 1;
                    }
                }
            }
        }

        let partial_weight = if compound_count > 0 && word_weight > 0 {
            (word_weight / u8::try_from(compound_count).unwrap_or(u8::MAX)).max(1)
        } else {
            0
        };

        let position = self.total_word_index as u32;
        let entry = &language.entries[id];
        for w in &entry.words[..n] {
            language.body.positions(w.stem).push(Word {
                position,
                weight: if w.is_compound_part { partial_weight } else { word_weight },
                original_word: w.original.as_deref().map(str::to_string),
            });
        }

        // The pair spanning two segments belongs to the segment it starts in
        if let Some((stem, original)) = cross {
            if let Some(position) = self.total_word_index.checked_sub(1) {
                let position = position as u32;
                let positions = language.body.positions(stem);
                // Positions are pushed in order, so only the last ones can match
                let indexed = positions
                    .iter()
                    .rev()
                    .take_while(|w| w.position >= position)
                    .any(|w| w.position == position);
                if !indexed {
                    positions.push(Word {
                        position,
                        weight: partial_weight,
                        original_word: original,
                    });
                }
            }
        }

        self.max_word_index = self.total_word_index;
        self.total_word_index += 1;
        result_cluster
    }

    /// Handles Pagefind's anchor and weight markers: false if `word` is none.
    fn marker(&mut self, word: &str) -> bool {
        if let Some(rest) = strip_marker(word, ANCHOR_MARKER) {
            if let Some((element_name, anchor_id)) = rest.split_once(':') {
                let element_text = self
                    .parsed
                    .anchor_content
                    .get(anchor_id)
                    .map(|t| normalize_content(t).into_owned())
                    .unwrap_or_default();
                let title = self.parsed.anchor_titles.get(anchor_id).cloned();
                if let Some((_, element_id)) = anchor_id.split_once(':') {
                    self.anchors.push(Anchor {
                        element: element_name.to_string(),
                        id: element_id.to_string(),
                        text: normalize_content(&element_text).into_owned(),
                        title,
                        location: self.total_word_index as u32,
                    });
                }
            }
            return true;
        }

        if let Some(rest) = strip_marker(word, WEIGHT_MARKER) {
            let weight = rest.parse::<f32>().unwrap_or(1.0);
            self.weight_stack.push(if weight <= 0.0 {
                0
            } else {
                ((weight.clamp(0.0, WEIGHT_MAX) * WEIGHT_MULTIPLIER) as u8).max(1)
            });
            return true;
        }

        // Auto weights (from headings) apply only outside explicitly weighted
        // elements, which they inherit the weight of
        if let Some(rest) = strip_marker(word, AUTO_WEIGHT_MARKER) {
            let weight = if self.weight_stack.len() == 1 {
                let weight = rest.parse::<f32>().unwrap_or(1.0);
                (weight.clamp(0.0, WEIGHT_MAX) * WEIGHT_MULTIPLIER) as u8
            } else {
                self.weight_stack.last().copied().unwrap_or_default()
            };
            self.weight_stack.push(weight);
            return true;
        }

        if word.starts_with(END_WEIGHT_MARKER) {
            self.weight_stack.pop();
            return true;
        }
        false
    }
}

/// `word.replace(marker, "")` when `word` starts with `marker`.
fn strip_marker<'w>(word: &'w str, marker: &str) -> Option<Cow<'w, str>> {
    let rest = word.strip_prefix(marker)?;
    Some(if rest.contains(marker) {
        Cow::Owned(word.replace(marker, ""))
    } else {
        Cow::Borrowed(rest)
    })
}
