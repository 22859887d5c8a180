//! Aligning the messages of an imported file to an existing article's en-US messages.
//!
//! First by the English they carry (whitespace and trailing punctuation normalized), as a
//! longest common subsequence so repeated sentences pair in order; then, between those
//! anchors, a message whose English changed pairs with the unmatched en-US message of the
//! same kind when their words overlap enough. What pairs with nothing is reported.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::{Article, Block, Item, List, Step};
use crate::import::ftl_write::Elem;
use crate::import::map::{Kind, Msg};

/// One message slot of an existing article, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub id: String,
    pub kind: Kind,
    /// The en-US text with terms resolved (an image's `src`).
    pub english: String,
}

/// How a message paired with a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairing {
    /// The same English (normalized).
    Exact,
    /// Same place and kind, different English: the translation is of an older English.
    Changed,
    /// The file has no English for it (front matter, image alt text).
    NoEnglish,
}

/// The slots of an article. `english` gives the en-US pattern of each message id.
pub fn article_slots(
    article: &Article,
    english: &BTreeMap<String, Vec<Elem>>,
    terms: &BTreeMap<String, String>,
) -> Vec<Slot> {
    let mut ctx = Slots { english, terms, out: Vec::new() };
    ctx.push(article.title.get_ref(), Kind::Title);
    ctx.push(article.description.get_ref(), Kind::Description);
    if let Some(h) = &article.heading {
        ctx.push(h.get_ref(), Kind::Heading1);
    }
    if let Some(a) = &article.audience {
        ctx.push(a.get_ref(), Kind::Audience);
    }
    ctx.blocks(&article.body);
    ctx.out
}

struct Slots<'a> {
    english: &'a BTreeMap<String, Vec<Elem>>,
    terms: &'a BTreeMap<String, String>,
    out: Vec<Slot>,
}

impl Slots<'_> {
    fn push(&mut self, id: &str, kind: Kind) {
        if id.is_empty() {
            return;
        }
        let english = self.english.get(id).map(|p| resolve(p, self.terms)).unwrap_or_default();
        self.out.push(Slot { id: id.to_string(), kind, english });
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Paragraph(id) => self.push(id.get_ref(), Kind::Paragraph),
                Block::Heading(h) => self.push(h.text.get_ref(), Kind::Heading),
                Block::List(list) => self.list(list),
                Block::Procedure(p) => self.steps(&p.steps),
                Block::Alert(a) => {
                    if let Some(text) = &a.text {
                        self.push(text.get_ref(), Kind::Alert);
                    }
                    self.blocks(&a.blocks);
                }
                Block::Table(t) => {
                    for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                        self.push(cell.get_ref(), Kind::Cell);
                    }
                }
                Block::Image(image) => {
                    self.out.push(Slot {
                        id: image.alt.get_ref().clone(),
                        kind: Kind::Image,
                        english: image.src.get_ref().clone(),
                    });
                }
                Block::Code(_) => {}
                Block::NextSteps(next) => {
                    self.push(next.title.get_ref(), Kind::Heading);
                    for link in &next.links {
                        self.push(link.text.get_ref(), Kind::Link);
                        let target = match (&link.article, &link.url) {
                            (Some(article), _) => format!("{}.md", article.get_ref()),
                            (None, Some(url)) => url.get_ref().clone(),
                            (None, None) => String::new(),
                        };
                        if let Some(slot) = self.out.last_mut().filter(|s| s.kind == Kind::Link) {
                            slot.english = format!("[{}]({target})", slot.english);
                        }
                    }
                }
            }
        }
    }

    fn list(&mut self, list: &List) {
        for Item { text, items, blocks } in &list.items {
            self.push(text.get_ref(), Kind::Item);
            if let Some(items) = items {
                self.list(items);
            }
            self.blocks(blocks);
        }
    }

    fn steps(&mut self, steps: &[Step]) {
        for step in steps {
            self.push(step.text.get_ref(), Kind::Step);
            self.steps(&step.substeps);
            self.blocks(&step.blocks);
        }
    }
}

/// A pattern as English text, terms replaced by their values.
pub fn resolve(pattern: &[Elem], terms: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for elem in pattern {
        match elem {
            Elem::Text(t) => out.push_str(t),
            Elem::Term(name) => out.push_str(terms.get(name).map_or(name.as_str(), String::as_str)),
        }
    }
    out
}

/// Whitespace runs collapsed, ends trimmed, trailing punctuation dropped.
pub fn normalize_key(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_end_matches(|c: char| c.is_whitespace() || ".:;,!?。：；，！？".contains(c))
        .to_string()
}

/// For each message, the slot it aligns to and how.
pub fn align(msgs: &[Msg], slots: &[Slot]) -> Vec<Option<(usize, Pairing)>> {
    let mut result = vec![None; msgs.len()];
    let mut used = vec![false; slots.len()];
    // Singletons pair by kind.
    for kind in [Kind::Title, Kind::Description, Kind::Heading1, Kind::Audience] {
        let m = msgs.iter().position(|m| m.kind == kind);
        let s = slots.iter().position(|s| s.kind == kind);
        if let (Some(m), Some(s)) = (m, s) {
            let pairing = match &msgs[m].english_raw {
                None => Pairing::NoEnglish,
                Some(e) if normalize_key(e) == normalize_key(&slots[s].english) => Pairing::Exact,
                Some(_) => Pairing::Changed,
            };
            result[m] = Some((s, pairing));
            used[s] = true;
        }
    }
    // Images pair by source.
    for (m, msg) in msgs.iter().enumerate().filter(|(_, m)| m.kind == Kind::Image) {
        let found = slots.iter().enumerate().position(|(s, slot)| {
            !used[s] && slot.kind == Kind::Image && Some(&slot.english) == msg.english_raw.as_ref()
        });
        if let Some(s) = found {
            result[m] = Some((s, Pairing::NoEnglish));
            used[s] = true;
        }
    }
    // Everything else in document order.
    let is_flow = |k: Kind| {
        !matches!(
            k,
            Kind::Title | Kind::Description | Kind::Heading1 | Kind::Audience | Kind::Image
        )
    };
    let a: Vec<usize> = (0..msgs.len())
        .filter(|&m| result[m].is_none() && is_flow(msgs[m].kind) && msgs[m].english_raw.is_some())
        .collect();
    let b: Vec<usize> = (0..slots.len()).filter(|&s| !used[s] && is_flow(slots[s].kind)).collect();
    let ka: Vec<String> =
        a.iter().map(|&m| normalize_key(msgs[m].english_raw.as_deref().unwrap_or(""))).collect();
    let kb: Vec<String> = b.iter().map(|&s| normalize_key(&slots[s].english)).collect();
    let anchors = lcs(&ka, &kb);
    for &(i, j) in &anchors {
        result[a[i]] = Some((b[j], Pairing::Exact));
        used[b[j]] = true;
    }
    // Gaps between anchors: pair changed messages by kind and word overlap, in order.
    let mut bounds = vec![(0usize, 0usize)];
    bounds.extend(anchors.iter().map(|&(i, j)| (i + 1, j + 1)));
    let mut ends: Vec<(usize, usize)> = anchors.clone();
    ends.push((a.len(), b.len()));
    for (&(ai, bj), &(ae, be)) in bounds.iter().zip(&ends) {
        let mut next_b = bj;
        for i in ai..ae.max(ai) {
            let msg = &msgs[a[i]];
            let words_a = words(&ka[i]);
            let found = (next_b..be.max(next_b)).find(|&j| {
                slots[b[j]].kind == msg.kind && similarity(&words_a, &words(&kb[j])) >= 0.5
            });
            if let Some(j) = found {
                result[a[i]] = Some((b[j], Pairing::Changed));
                used[b[j]] = true;
                next_b = j + 1;
            }
        }
        // One left on each side, of the same kind, in the same place: a rewrite (a heading
        // "See also" that became "Next steps"); pair it so the change shows as stale.
        let left_a: Vec<usize> = (ai..ae.max(ai)).filter(|&i| result[a[i]].is_none()).collect();
        let left_b: Vec<usize> = (bj..be.max(bj)).filter(|&j| !used[b[j]]).collect();
        for &i in &left_a {
            let kind = msgs[a[i]].kind;
            let same_a = left_a.iter().filter(|&&x| msgs[a[x]].kind == kind).count();
            let same_b: Vec<usize> = left_b
                .iter()
                .copied()
                .filter(|&j| slots[b[j]].kind == kind && !used[b[j]])
                .collect();
            if same_a == 1 && same_b.len() == 1 {
                result[a[i]] = Some((b[same_b[0]], Pairing::Changed));
                used[b[same_b[0]]] = true;
            }
        }
    }
    // Reordered blocks (a note the model keeps after the sub-steps, say): same English,
    // any position.
    for (i, &m) in a.iter().enumerate() {
        if result[m].is_none() {
            if let Some(j) = (0..b.len()).find(|&j| !used[b[j]] && kb[j] == ka[i]) {
                result[m] = Some((b[j], Pairing::Exact));
                used[b[j]] = true;
            }
        }
    }
    result
}

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = a.intersection(b).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Index pairs of a longest common subsequence of equal keys.
fn lcs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i] == b[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(kind: Kind, english: &str) -> Msg {
        Msg {
            id: String::new(),
            kind,
            english: None,
            english_raw: Some(english.into()),
            translation: Vec::new(),
            offset: 0,
            segments: 1,
            label_mismatches: 0,
        }
    }

    fn slot(id: &str, kind: Kind, english: &str) -> Slot {
        Slot { id: id.into(), kind, english: english.into() }
    }

    #[test]
    fn exact_changed_and_unaligned() {
        let slots = vec![
            slot("a", Kind::Paragraph, "Select the account."),
            slot("b", Kind::Paragraph, "Direct partners or Indirect providers: remove it."),
            slot("c", Kind::Step, "Repeat"),
        ];
        let msgs = vec![
            msg(Kind::Paragraph, "Select  the account"),
            msg(Kind::Item, "Applies to"),
            msg(Kind::Paragraph, "Direct partners: remove it."),
        ];
        let result = align(&msgs, &slots);
        assert_eq!(result, vec![Some((0, Pairing::Exact)), None, Some((1, Pairing::Changed))]);
    }

    #[test]
    fn trailing_punctuation_and_whitespace_are_normalized() {
        assert_eq!(normalize_key(" Select **Suspended**.\n"), "Select **Suspended**");
    }
}
