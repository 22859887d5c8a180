//! Aligning the messages of an imported file to an existing article's en-US messages.
//!
//! First by the English they carry (whitespace and trailing punctuation normalized), as a
//! longest common subsequence so repeated sentences pair in order; then, between those
//! anchors, a message whose English changed pairs with the unmatched en-US message of the
//! same kind when their words overlap enough. What pairs with nothing is reported.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

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
    /// The revision of the `earlier` block the slot is in (none: the current English).
    pub earlier: Option<String>,
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
    let mut ctx = Slots { english, terms, out: Vec::new(), earlier: None };
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
    earlier: Option<String>,
}

impl Slots<'_> {
    fn push(&mut self, id: &str, kind: Kind) {
        if id.is_empty() {
            return;
        }
        let english = self.english.get(id).map(|p| resolve(p, self.terms)).unwrap_or_default();
        self.out.push(Slot { id: id.to_string(), kind, english, earlier: self.earlier.clone() });
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
                        earlier: self.earlier.clone(),
                    });
                }
                Block::Code(_) | Block::NotIncluded(_) => {}
                Block::Earlier(e) => {
                    let outer = self.earlier.replace(e.revision.clone());
                    self.blocks(&e.blocks);
                    self.earlier = outer;
                }
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
    // Images pair by source: each with the first unused image slot of that source.
    let mut image_slots: BTreeMap<&str, VecDeque<usize>> = BTreeMap::new();
    for (s, slot) in slots.iter().enumerate() {
        if !used[s] && slot.kind == Kind::Image {
            image_slots.entry(&slot.english).or_default().push_back(s);
        }
    }
    for (m, msg) in msgs.iter().enumerate().filter(|(_, m)| m.kind == Kind::Image) {
        let found = msg
            .english_raw
            .as_deref()
            .and_then(|src| image_slots.get_mut(src).and_then(VecDeque::pop_front));
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
    // Gaps between anchors: pair changed messages by kind and word overlap, in order. Word
    // sets are made once per message; comparisons stop when the work budget is spent, and in
    // a large gap each message looks at a bounded window of candidates.
    let mut words_a: Vec<Option<BTreeSet<String>>> = vec![None; ka.len()];
    let mut words_b: Vec<Option<BTreeSet<String>>> = vec![None; kb.len()];
    let mut budget = MAX_SIMILARITY_WORK;
    let mut bounds = vec![(0usize, 0usize)];
    bounds.extend(anchors.iter().map(|&(i, j)| (i + 1, j + 1)));
    let mut ends: Vec<(usize, usize)> = anchors.clone();
    ends.push((a.len(), b.len()));
    for (&(ai, bj), &(ae, be)) in bounds.iter().zip(&ends) {
        let mut next_b = bj;
        let large = ae.saturating_sub(ai).saturating_mul(be.saturating_sub(bj)) > MAX_GAP_PAIRS;
        for i in ai..ae.max(ai) {
            let msg = &msgs[a[i]];
            let window = if large { GAP_WINDOW } else { usize::MAX };
            let found = (next_b..be.max(next_b)).take(window).find(|&j| {
                if slots[b[j]].kind != msg.kind || budget == 0 {
                    return false;
                }
                let wa = words_a[i].get_or_insert_with(|| words(&ka[i]));
                let wb = words_b[j].get_or_insert_with(|| words(&kb[j]));
                budget = budget.saturating_sub(wa.len() + wb.len() + 1);
                similarity(wa, wb) >= 0.5
            });
            if let Some(j) = found {
                result[a[i]] = Some((b[j], Pairing::Changed));
                used[b[j]] = true;
                next_b = j + 1;
            }
        }
        // One left on each side, of the same kind, in the same place: a rewrite (a heading
        // "See also" that became "Next steps"); pair it so the change shows as stale.
        let mut left_a: BTreeMap<Kind, Vec<usize>> = BTreeMap::new();
        for i in (ai..ae.max(ai)).filter(|&i| result[a[i]].is_none()) {
            left_a.entry(msgs[a[i]].kind).or_default().push(i);
        }
        let mut left_b: BTreeMap<Kind, Vec<usize>> = BTreeMap::new();
        for j in (bj..be.max(bj)).filter(|&j| !used[b[j]]) {
            left_b.entry(slots[b[j]].kind).or_default().push(j);
        }
        for (kind, same_a) in &left_a {
            if let ([i], Some([j])) = (same_a.as_slice(), left_b.get(kind).map(Vec::as_slice)) {
                result[a[*i]] = Some((b[*j], Pairing::Changed));
                used[b[*j]] = true;
            }
        }
    }
    // Reordered blocks (a note the model keeps after the sub-steps, say): same English,
    // any position.
    let mut unused_b: BTreeMap<&str, VecDeque<usize>> = BTreeMap::new();
    for (j, key) in kb.iter().enumerate() {
        if !used[b[j]] {
            unused_b.entry(key).or_default().push_back(j);
        }
    }
    for (i, &m) in a.iter().enumerate() {
        if result[m].is_none() {
            if let Some(j) = unused_b.get_mut(ka[i].as_str()).and_then(VecDeque::pop_front) {
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

/// Cells of the longest-common-subsequence table at most (4 bytes each).
const MAX_LCS_CELLS: usize = 1 << 22;
/// In a gap with more (message, slot) pairs than this, each message looks at no more than
/// [`GAP_WINDOW`] candidates.
const MAX_GAP_PAIRS: usize = 1 << 16;
const GAP_WINDOW: usize = 64;
/// Words compared for changed English, at most, per file.
const MAX_SIMILARITY_WORK: usize = 1 << 25;

/// Index pairs of a common subsequence of equal keys: the longest one when the table that
/// finds it is small (every real article), otherwise one found in O((n + m) log n):
/// the common prefix and suffix, keys unique on both sides in order (as patience diff),
/// and between those the longest (small gaps) or a greedy one.
fn lcs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    // Equal first keys are always paired first, so the prefix is exact.
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let mut out: Vec<(usize, usize)> = (0..pre).map(|k| (k, k)).collect();
    let (a, b) = (&a[pre..], &b[pre..]);
    let shift = |pairs: Vec<(usize, usize)>, di: usize, dj: usize| {
        pairs.into_iter().map(move |(i, j)| (i + di, j + dj))
    };
    if fits_table(a, b) {
        out.extend(shift(lcs_table(a, b), pre, pre));
        return out;
    }
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (am, bm) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    let mut anchors = unique_anchors(am, bm);
    anchors.push((am.len(), bm.len()));
    let (mut pi, mut pj) = (0, 0);
    for (i, j) in anchors {
        let (ga, gb) = (&am[pi..i], &bm[pj..j]);
        let gap = if fits_table(ga, gb) { lcs_table(ga, gb) } else { greedy(ga, gb) };
        out.extend(shift(gap, pre + pi, pre + pj));
        if i < am.len() {
            out.push((pre + i, pre + j));
        }
        (pi, pj) = (i + 1, j + 1);
    }
    out.extend((0..suf).map(|k| (pre + am.len() + k, pre + bm.len() + k)));
    out
}

fn fits_table(a: &[String], b: &[String]) -> bool {
    (a.len() + 1).saturating_mul(b.len() + 1) <= MAX_LCS_CELLS
}

/// The longest common subsequence by dynamic programming.
fn lcs_table(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
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

/// Pairs of keys that occur once in `a` and once in `b`, the longest run of them in the
/// same order on both sides.
fn unique_anchors(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let mut seen: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (i, key) in a.iter().enumerate() {
        let entry = seen.entry(key).or_insert((0, i, 0));
        entry.0 += 1;
    }
    let mut in_b: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (j, key) in b.iter().enumerate() {
        if seen.get(key.as_str()).is_some_and(|e| e.0 == 1) {
            let entry = in_b.entry(key).or_insert((0, j));
            entry.0 += 1;
        }
    }
    for (key, (count, j)) in &in_b {
        if let Some(entry) = seen.get_mut(key) {
            entry.2 = if *count == 1 { j + 1 } else { 0 };
        }
    }
    let mut pairs: Vec<(usize, usize)> =
        seen.values().filter(|e| e.0 == 1 && e.2 > 0).map(|e| (e.1, e.2 - 1)).collect();
    pairs.sort_unstable();
    // Longest increasing subsequence of the `b` indices (patience sorting).
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; pairs.len()];
    for k in 0..pairs.len() {
        let pos = tails.partition_point(|&t| pairs[t].1 < pairs[k].1);
        if pos > 0 {
            prev[k] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        out.push(pairs[k]);
        k = prev[k];
    }
    out.reverse();
    out
}

/// A common subsequence taken greedily: each key of `a` pairs with its next occurrence in
/// `b` after the last pair.
fn greedy(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let mut positions: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (j, key) in b.iter().enumerate() {
        positions.entry(key).or_default().push(j);
    }
    let mut out = Vec::new();
    let mut next = 0;
    for (i, key) in a.iter().enumerate() {
        let Some(list) = positions.get(key.as_str()) else {
            continue;
        };
        if let Some(&j) = list.get(list.partition_point(|&j| j < next)) {
            out.push((i, j));
            next = j + 1;
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
        Slot { id: id.into(), kind, english: english.into(), earlier: None }
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
