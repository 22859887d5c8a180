//! Mapping a parsed DocFX file onto the content model: blocks → `Block`s, units → messages
//! with an English and a translated pattern (UI labels as term references).

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use crate::content::{
    Alert, Block, Code, Heading, Image, Item, Link, List, ListStyle, NextSteps, Procedure, Step,
    Table,
};
use crate::diag::Diagnostic;
use crate::import::docfx::{DBlock, DocFx, Piece, Segment, Unit, normalize_inline};
use crate::import::ftl_write::{Elem, push_text};
use crate::paths::{is_slug, slugify};

/// Message ids with a fixed meaning in every imported article.
pub const TITLE_ID: &str = "article-title";
pub const DESCRIPTION_ID: &str = "article-description";
pub const HEADING_ID: &str = "heading";
pub const AUDIENCE_ID: &str = "audience";

/// UI labels and roles (terms of `ui.ftl`), by term name without `-`, in English and in
/// the locale being imported.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    pub english: BTreeMap<String, String>,
    pub locale: BTreeMap<String, String>,
}

/// Where a message sits; alignment only pairs messages of the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Title,
    Description,
    Heading1,
    Audience,
    Heading,
    Paragraph,
    Item,
    Step,
    Alert,
    Cell,
    Image,
    Link,
}

/// One message the file provides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: String,
    pub kind: Kind,
    /// English as a pattern; `None` when the file carries no English for it.
    pub english: Option<Vec<Elem>>,
    /// The English as written (normalized Markdown), for alignment; an image's `src`.
    pub english_raw: Option<String>,
    pub translation: Vec<Elem>,
    /// Byte offset in the file.
    pub offset: usize,
    /// Side-by-side segments the message was made from (sub-step letters included).
    pub segments: usize,
    pub label_mismatches: usize,
}

/// An article body built from one file, with its messages in document order.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub body: Vec<Block>,
    pub heading: Option<String>,
    pub audience: Option<String>,
    pub msgs: Vec<Msg>,
}

/// Maps a parsed file. Label mismatches and structural problems become diagnostics.
pub fn map_docfx(
    doc: &DocFx,
    path: &str,
    source: &str,
    terms: &Terms,
    locale: &str,
) -> (Mapped, Vec<Diagnostic>) {
    let mut ctx = Ctx {
        path,
        source,
        locale,
        terms,
        english_labels: terms
            .english
            .iter()
            .filter(|(k, _)| k.starts_with("ui-"))
            .map(|(k, v)| (v.clone(), k.clone()))
            .collect(),
        ids: [TITLE_ID, DESCRIPTION_ID, AUDIENCE_ID].iter().map(|s| s.to_string()).collect(),
        anchors: BTreeSet::new(),
        msgs: Vec::new(),
        diags: Vec::new(),
        heading: None,
        audience: None,
    };
    for (id, kind, text) in [
        (TITLE_ID, Kind::Title, &doc.front.title),
        (DESCRIPTION_ID, Kind::Description, &doc.front.description),
    ] {
        let mut translation = Vec::new();
        push_text(&mut translation, text.as_deref().unwrap_or("").trim());
        ctx.msgs.push(Msg {
            id: id.into(),
            kind,
            english: None,
            english_raw: None,
            translation,
            offset: 0,
            segments: 0,
            label_mismatches: 0,
        });
    }
    let body = ctx.blocks(&doc.blocks);
    (Mapped { body, heading: ctx.heading, audience: ctx.audience, msgs: ctx.msgs }, ctx.diags)
}

// Model values are built with struct literals in `new_step` and the `Procedure`/`Alert`
// literals in `Ctx::blocks`: when the model gains a field, the compiler points here; DocFX
// never carries simulator bindings, so new fields get their empty value.

/// A step as DocFX has it: text, sub-steps and blocks; no simulator binding.
fn new_step(text: &str, substeps: Vec<Step>, style: ListStyle, blocks: Vec<Block>) -> Step {
    Step {
        id: None,
        text: msg_ref(text),
        substeps,
        substeps_style: style,
        blocks,
        done_when: None,
        actions: Vec::new(),
        for_each: None,
    }
}

fn msg_ref(id: &str) -> Spanned<String> {
    Spanned::new(0..0, id.to_string())
}

struct Ctx<'a> {
    path: &'a str,
    source: &'a str,
    locale: &'a str,
    terms: &'a Terms,
    /// English UI label value -> term name.
    english_labels: BTreeMap<String, String>,
    ids: BTreeSet<String>,
    anchors: BTreeSet<String>,
    msgs: Vec<Msg>,
    diags: Vec<Diagnostic>,
    heading: Option<String>,
    audience: Option<String>,
}

impl Ctx<'_> {
    fn unique_id(&mut self, base: &str) -> String {
        let base = fluent_id(base);
        let base = base.as_str();
        let mut id = base.to_string();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    fn unique_anchor(&mut self, base: &str) -> String {
        let base = if is_slug(base) { base.to_string() } else { slugify(base) };
        let mut id = base.clone();
        let mut n = 2;
        while self.anchors.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.anchors.insert(id.clone());
        id
    }

    fn blocks(&mut self, blocks: &[DBlock]) -> Vec<Block> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < blocks.len() {
            match &blocks[i] {
                DBlock::Heading { level, anchor, unit } => {
                    if *level == 1 && self.heading.is_none() {
                        self.unit_msg(unit, Kind::Heading1, Some(HEADING_ID), 0);
                        self.heading = Some(HEADING_ID.to_string());
                    } else if let Some(next) =
                        self.next_steps(anchor.as_deref(), unit, blocks.get(i + 1))
                    {
                        out.push(next);
                        i += 1;
                    } else {
                        let anchor_base =
                            anchor.clone().unwrap_or_else(|| unit.text(true).unwrap_or_default());
                        let anchor = self.unique_anchor(&anchor_base);
                        let text = self.unit_msg(unit, Kind::Heading, Some(&anchor), 0);
                        out.push(Block::Heading(Heading {
                            id: msg_ref(&anchor),
                            text: msg_ref(&text),
                            level: Spanned::new(0..0, (*level).clamp(2, 4)),
                        }));
                    }
                }
                DBlock::Para(unit) => {
                    if self.audience.is_none() && self.try_audience(unit) {
                        // Handled: the audience field, not a block.
                    } else {
                        out.push(Block::Paragraph(msg_ref(&self.unit_msg(
                            unit,
                            Kind::Paragraph,
                            None,
                            0,
                        ))));
                    }
                }
                DBlock::List { ordered: true, items } => {
                    let steps = self.steps(items);
                    if !steps.is_empty() {
                        out.push(Block::Procedure(Procedure {
                            id: None,
                            prerequisites: Vec::new(),
                            steps,
                        }));
                    }
                }
                DBlock::List { ordered: false, items } => {
                    out.push(Block::List(self.list(false, items)))
                }
                DBlock::Quote { alert: Some(kind), blocks: inner } => {
                    let (text, rest) = match inner.first() {
                        Some(DBlock::Para(unit)) => {
                            (Some(msg_ref(&self.unit_msg(unit, Kind::Alert, None, 0))), &inner[1..])
                        }
                        _ => (None, &inner[..]),
                    };
                    let blocks = self.blocks(rest);
                    if text.is_some() || !blocks.is_empty() {
                        out.push(Block::Alert(Alert { kind: *kind, property: None, text, blocks }));
                    }
                }
                DBlock::Quote { alert: None, blocks: inner } => out.extend(self.blocks(inner)),
                DBlock::Table { header, rows } => out.push(self.table(header, rows)),
                DBlock::Image { src, alt, offset } => out.push(self.image(src, alt, *offset)),
                DBlock::Code { lang, code } => {
                    out.push(Block::Code(Code { lang: lang.clone(), code: code.clone() }))
                }
            }
            i += 1;
        }
        out
    }

    fn list(&mut self, ordered: bool, items: &[Vec<DBlock>]) -> List {
        let items = items.iter().map(|blocks| self.item(blocks)).collect();
        List { ordered, items }
    }

    fn item(&mut self, blocks: &[DBlock]) -> Item {
        let (text, mut rest) = match blocks.first() {
            Some(DBlock::Para(unit)) => (self.unit_msg(unit, Kind::Item, None, 0), &blocks[1..]),
            _ => (self.unit_msg(&Unit::default(), Kind::Item, None, 0), blocks),
        };
        let mut items = None;
        if let Some(DBlock::List { ordered, items: nested }) = rest.first() {
            items = Some(self.list(*ordered, nested));
            rest = &rest[1..];
        }
        Item { text: msg_ref(&text), items, blocks: self.blocks(rest) }
    }

    fn steps(&mut self, items: &[Vec<DBlock>]) -> Vec<Step> {
        items.iter().map(|blocks| self.step(blocks)).collect()
    }

    /// A numbered step: its text, then nested numbered steps or lettered paragraphs as
    /// sub-steps; blocks between lettered sub-steps belong to the sub-step before them,
    /// blocks after the last one to the step.
    fn step(&mut self, blocks: &[DBlock]) -> Step {
        let (text, rest) = match blocks.first() {
            Some(DBlock::Para(unit)) => (self.unit_msg(unit, Kind::Step, None, 0), &blocks[1..]),
            _ => (self.unit_msg(&Unit::default(), Kind::Step, None, 0), blocks),
        };
        let mut substeps: Vec<Step> = Vec::new();
        let mut style = ListStyle::Decimal;
        let mut out = Vec::new();
        let mut pending = Vec::new();
        let mut lettered = false;
        for block in rest {
            match block {
                DBlock::List { ordered: true, items } if substeps.is_empty() => {
                    substeps = self.steps(items)
                }
                DBlock::Para(unit) if substeps.is_empty() || lettered => {
                    if let Some((labels, rest_unit)) = unit.split_label() {
                        if let Some(last) = substeps.last_mut() {
                            last.blocks.append(&mut pending);
                        }
                        let text = self.unit_msg(&rest_unit, Kind::Step, None, labels);
                        substeps.push(new_step(&text, Vec::new(), ListStyle::Decimal, Vec::new()));
                        lettered = true;
                        style = ListStyle::LowerAlpha;
                    } else {
                        let mapped = self.blocks(std::slice::from_ref(block));
                        if lettered { pending.extend(mapped) } else { out.extend(mapped) }
                    }
                }
                other => {
                    let mapped = self.blocks(std::slice::from_ref(other));
                    if lettered { pending.extend(mapped) } else { out.extend(mapped) }
                }
            }
        }
        out.append(&mut pending);
        new_step(&text, substeps, style, out)
    }

    fn table(&mut self, header: &[Unit], rows: &[Vec<Unit>]) -> Block {
        let header: Vec<_> = header.iter().map(|u| self.cell(u)).collect();
        let width = header.len();
        let rows = rows
            .iter()
            .map(|row| {
                let mut cells: Vec<_> = row.iter().take(width).map(|u| self.cell(u)).collect();
                cells.resize_with(width, || msg_ref(""));
                cells
            })
            .collect();
        Block::Table(Table { header, rows })
    }

    fn cell(&mut self, unit: &Unit) -> Spanned<String> {
        if unit.is_empty() {
            msg_ref("")
        } else {
            msg_ref(&self.unit_msg(unit, Kind::Cell, None, 0))
        }
    }

    fn image(&mut self, src: &str, alt: &str, offset: usize) -> Block {
        let mut clean = src.trim().to_string();
        while let Some(rest) = clean.strip_prefix("../").or_else(|| clean.strip_prefix("./")) {
            clean = rest.to_string();
        }
        let clean = clean.trim_start_matches('/').to_string();
        // Images are served by the site itself: a relative path inside content/.
        let ok = !clean.is_empty() && !clean.contains("..") && !clean.contains(':');
        let clean = if ok {
            clean
        } else {
            let name = clean
                .rsplit('/')
                .next()
                .filter(|n| !n.is_empty() && !n.contains(':') && !n.contains(".."))
                .unwrap_or("missing.png");
            format!("images/{name}")
        };
        if clean != src {
            self.diags.push(Diagnostic::warning(
                "image-source",
                self.path,
                self.source,
                offset..offset + 8,
                format!("image source `{src}` rewritten to `{clean}`"),
            ));
        }
        let stem = clean.rsplit('/').next().unwrap_or("image").split('.').next().unwrap_or("image");
        let id = self.unique_id(&format!("image-{}", slugify(stem)));
        let mut translation = Vec::new();
        push_text(&mut translation, &normalize_inline(alt));
        self.msgs.push(Msg {
            id: id.clone(),
            kind: Kind::Image,
            english: None,
            english_raw: Some(clean.clone()),
            translation,
            offset,
            segments: 0,
            label_mismatches: 0,
        });
        Block::Image(Image { src: Spanned::new(0..0, clean), alt: msg_ref(&id) })
    }

    /// `## Next steps` followed by a list of links only.
    fn next_steps(
        &mut self,
        anchor: Option<&str>,
        unit: &Unit,
        next: Option<&DBlock>,
    ) -> Option<Block> {
        let english = unit.text(true)?;
        if !english.trim_end_matches(['.', ':']).eq_ignore_ascii_case("next steps") {
            return None;
        }
        let Some(DBlock::List { ordered: false, items }) = next else {
            return None;
        };
        let mut targets = Vec::new();
        for item in items {
            let [DBlock::Para(link)] = item.as_slice() else {
                return None;
            };
            let (_, url) = split_link(&link.text(true)?)?;
            let local = url.strip_prefix("./").unwrap_or(&url);
            let stem = local.strip_suffix(".md").or_else(|| local.strip_suffix(".yml"));
            let target = if let Some(stem) = stem {
                if !is_slug(stem) {
                    return None;
                }
                (Some(stem.to_string()), None)
            } else if url.starts_with("https://") {
                (None, Some(url))
            } else {
                return None;
            };
            targets.push((link, target));
        }
        let anchor = self.unique_anchor(anchor.unwrap_or("next-steps"));
        let title = self.unit_msg(unit, Kind::Heading, Some(&anchor), 0);
        let mut links = Vec::new();
        for (unit, (article, url)) in targets {
            let inner = link_text_unit(unit);
            let base = format!("next-{}", id_base(&inner.text(true).unwrap_or_default()));
            let text = self.unit_msg(&inner, Kind::Link, Some(&base), 0);
            // Align on the whole link, target included (as the article's slots do).
            if let Some(last) = self.msgs.last_mut() {
                last.english_raw = unit.text(true);
            }
            links.push(Link {
                article: article.map(|a| Spanned::new(0..0, a)),
                url: url.map(|u| Spanned::new(0..0, u)),
                text: msg_ref(&text),
            });
        }
        Some(Block::NextSteps(NextSteps { id: msg_ref(&anchor), title: msg_ref(&title), links }))
    }

    fn try_audience(&mut self, unit: &Unit) -> bool {
        let Some(english) = unit.text(true) else {
            return false;
        };
        let Some((label, value)) = split_bold_label(&english) else {
            return false;
        };
        if !label.eq_ignore_ascii_case("appropriate roles") {
            return false;
        }
        let roles: BTreeMap<String, String> = self
            .terms
            .english
            .iter()
            .filter(|(k, _)| k.starts_with("role-"))
            .map(|(k, v)| (v.clone(), k.clone()))
            .collect();
        let mut english_pattern = Vec::new();
        let mut used = Vec::new();
        for (n, part) in value.split('|').map(str::trim).enumerate() {
            if n > 0 {
                push_text(&mut english_pattern, " | ");
            }
            match roles.get(part) {
                Some(name) => {
                    english_pattern.push(Elem::Term(name.clone()));
                    used.push(name.clone());
                }
                None => push_text(&mut english_pattern, part),
            }
        }
        let translated = unit.text(false).unwrap_or_default();
        let translated_value =
            split_bold_label(&translated).map_or(translated.clone(), |(_, v)| v.to_string());
        let mut parts: Vec<Option<String>> =
            translated_value.split('|').map(|p| Some(p.trim().to_string())).collect();
        let mut term_at = BTreeMap::new();
        let mut mismatches = 0;
        for name in &used {
            let want = self.terms.locale.get(name);
            match want.and_then(|w| parts.iter().position(|p| p.as_deref() == Some(w.as_str()))) {
                Some(i) => {
                    parts[i] = None;
                    term_at.insert(i, name.clone());
                }
                None => {
                    mismatches += 1;
                    self.label_mismatch(
                        unit.offset,
                        name,
                        want.map(String::as_str),
                        &translated_value,
                    );
                }
            }
        }
        let mut translation = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                push_text(&mut translation, " | ");
            }
            match (part, term_at.get(&i)) {
                (_, Some(name)) => translation.push(Elem::Term(name.clone())),
                (Some(text), None) => push_text(&mut translation, text),
                (None, None) => {}
            }
        }
        self.audience = Some(AUDIENCE_ID.to_string());
        self.msgs.push(Msg {
            id: AUDIENCE_ID.to_string(),
            kind: Kind::Audience,
            english: Some(english_pattern),
            english_raw: Some(value.to_string()),
            translation,
            offset: unit.offset,
            segments: unit.segments(),
            label_mismatches: mismatches,
        });
        true
    }

    fn label_mismatch(&mut self, offset: usize, name: &str, want: Option<&str>, found: &str) {
        let english = self.terms.english.get(name).map_or("", String::as_str);
        let message = match want {
            Some(want) => format!(
                "`{english}` is the UI label `-{name}`, whose {} text is `{want}`, but the translation has `{found}`; kept as written",
                self.locale
            ),
            None => format!(
                "`{english}` is the UI label `-{name}`, which {} does not define; kept `{found}` as written",
                self.locale
            ),
        };
        self.diags.push(Diagnostic::warning(
            "label-mismatch",
            self.path,
            self.source,
            offset..offset + 1,
            message,
        ));
    }

    /// Adds the message of a unit and returns its id.
    fn unit_msg(
        &mut self,
        unit: &Unit,
        kind: Kind,
        id: Option<&str>,
        extra_segments: usize,
    ) -> String {
        let english_raw = unit.text(true);
        let translated = unit.text(false).unwrap_or_default();
        let (english, used) = match &english_raw {
            Some(raw) => {
                let (pattern, used) = english_pattern(raw, &self.english_labels);
                (Some(pattern), used)
            }
            None => (None, Vec::new()),
        };
        let (translation, missing) = translation_pattern(&translated, &used, &self.terms.locale);
        for name in &missing {
            let bolds: Vec<&str> =
                bold_ranges(&translated).into_iter().map(|(s, e)| &translated[s..e]).collect();
            let found = if bolds.is_empty() {
                translated.clone()
            } else {
                bolds.iter().map(|b| format!("**{b}**")).collect::<Vec<_>>().join(", ")
            };
            self.label_mismatch(
                unit.offset,
                name,
                self.terms.locale.get(name).map(String::as_str).map(str::to_string).as_deref(),
                &found,
            );
        }
        let base = match id {
            Some(id) => id.to_string(),
            None => id_base(english_raw.as_deref().unwrap_or(&translated)),
        };
        let id = self.unique_id(&base);
        self.msgs.push(Msg {
            id: id.clone(),
            kind,
            english,
            english_raw,
            translation,
            offset: unit.offset,
            segments: unit.segments() + extra_segments,
            label_mismatches: missing.len(),
        });
        id
    }
}

/// A message id from the first words of the English text (link targets left out).
pub fn id_base(text: &str) -> String {
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find("](") {
        plain.push_str(&rest[..open]);
        rest = rest[open..].find(')').map_or("", |close| &rest[open + close + 1..]);
    }
    plain.push_str(rest);
    let slug = slugify(&plain);
    let words: Vec<&str> = slug.split('-').take(5).collect();
    let base = words.join("-");
    if base.starts_with(|c: char| c.is_ascii_digit()) { format!("m-{base}") } else { base }
}

/// A valid Fluent identifier (`[a-zA-Z][a-zA-Z0-9_-]*`) from any text.
fn fluent_id(base: &str) -> String {
    let valid = base.starts_with(|c: char| c.is_ascii_alphabetic())
        && base.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if valid {
        return base.to_string();
    }
    let slug = slugify(base);
    if slug.starts_with(|c: char| c.is_ascii_alphabetic()) { slug } else { format!("m-{slug}") }
}

/// `**Label**: value` or `**Label:** value` → (label, value).
fn split_bold_label(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix("**")?;
    let close = inner.find("**")?;
    let label = inner[..close].trim().trim_end_matches(':').trim();
    let value =
        inner[close + 2..].trim_start().trim_start_matches([':', '：', '—', '–', '-']).trim();
    Some((label, value))
}

/// `[text](url)` spanning the whole string → (text, url).
fn split_link(s: &str) -> Option<(String, String)> {
    let inner = s.strip_prefix('[')?;
    let close = inner.rfind("](")?;
    let url = inner[close + 2..].strip_suffix(')')?;
    Some((inner[..close].to_string(), url.trim().to_string()))
}

/// The link text of a `[<span…>…</span>](url)` unit, as a unit of its own.
fn link_text_unit(unit: &Unit) -> Unit {
    let mut pieces = Vec::new();
    for piece in &unit.pieces {
        match piece {
            Piece::Seg(Segment { translation, english, .. }) => {
                let tr = split_link(translation).map_or(translation.clone(), |(t, _)| t);
                let en = english.as_ref().map(|e| split_link(e).map_or(e.clone(), |(t, _)| t));
                if let Piece::Seg(seg) = piece {
                    pieces.push(Piece::Seg(Segment {
                        translation: tr,
                        english: en,
                        ..seg.clone()
                    }));
                }
            }
            Piece::Text(t) => {
                let t = t.trim();
                let t = t.strip_prefix('[').unwrap_or(t);
                let t = t.find("](").map_or(t, |p| &t[..p]);
                if !t.is_empty() {
                    pieces.push(Piece::Text(t.to_string()));
                }
            }
        }
    }
    Unit { pieces, offset: unit.offset }
}

/// Byte ranges of the contents of `**bold**` spans.
pub fn bold_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(open) = s[i..].find("**") {
        let start = i + open + 2;
        let Some(close) = s[start..].find("**") else {
            break;
        };
        let end = start + close;
        if end > start {
            out.push((start, end));
        }
        i = end + 2;
    }
    out
}

/// The English pattern: bold text equal to a UI label's English value becomes a reference
/// to its term. Returns the pattern and the terms used, in order.
pub fn english_pattern(raw: &str, labels: &BTreeMap<String, String>) -> (Vec<Elem>, Vec<String>) {
    let mut pattern = Vec::new();
    let mut used = Vec::new();
    let mut last = 0;
    for (start, end) in bold_ranges(raw) {
        if let Some(name) = labels.get(&raw[start..end]) {
            push_text(&mut pattern, &raw[last..start]);
            pattern.push(Elem::Term(name.clone()));
            used.push(name.clone());
            last = end;
        }
    }
    push_text(&mut pattern, &raw[last..]);
    (pattern, used)
}

/// The translated pattern: for each label the English uses, the first bold span equal to
/// the locale's term value becomes the term; labels without one are returned (mismatches).
pub fn translation_pattern(
    raw: &str,
    used: &[String],
    locale_terms: &BTreeMap<String, String>,
) -> (Vec<Elem>, Vec<String>) {
    let bolds = bold_ranges(raw);
    let mut taken = vec![None; bolds.len()];
    let mut missing = Vec::new();
    for name in used {
        let want = locale_terms.get(name);
        let found = want.and_then(|w| {
            bolds.iter().enumerate().position(|(i, &(s, e))| taken[i].is_none() && &raw[s..e] == w)
        });
        match found {
            Some(i) => taken[i] = Some(name.clone()),
            None => missing.push(name.clone()),
        }
    }
    let mut pattern = Vec::new();
    let mut last = 0;
    for (i, &(start, end)) in bolds.iter().enumerate() {
        if let Some(name) = &taken[i] {
            push_text(&mut pattern, &raw[last..start]);
            pattern.push(Elem::Term(name.clone()));
            last = end;
        }
    }
    push_text(&mut pattern, &raw[last..]);
    (pattern, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> BTreeMap<String, String> {
        [("Customers".to_string(), "ui-customers".to_string())].into()
    }

    #[test]
    fn english_ui_labels_become_terms() {
        let (p, used) = english_pattern("Go to **Customers** and **Other**", &labels());
        assert_eq!(
            p,
            vec![
                Elem::Text("Go to **".into()),
                Elem::Term("ui-customers".into()),
                Elem::Text("** and **Other**".into())
            ]
        );
        assert_eq!(used, vec!["ui-customers".to_string()]);
    }

    #[test]
    fn translated_label_matching_the_term_is_replaced_otherwise_reported() {
        let terms: BTreeMap<String, String> =
            [("ui-customers".to_string(), "Kunden".to_string())].into();
        let used = vec!["ui-customers".to_string()];
        let (p, missing) = translation_pattern("Zu **Kunden** wechseln", &used, &terms);
        assert_eq!(p[1], Elem::Term("ui-customers".into()));
        assert!(missing.is_empty());
        let (p, missing) = translation_pattern("Zu **Kunden,** wechseln", &used, &terms);
        assert_eq!(p, vec![Elem::Text("Zu **Kunden,** wechseln".into())]);
        assert_eq!(missing, used);
    }

    #[test]
    fn ids_come_from_the_first_english_words() {
        assert_eq!(
            id_base("From the Partner Center, go to **Customers** and select"),
            "from-the-partner-center-go"
        );
        assert_eq!(id_base("Removes you from the [list](a.md) for"), "removes-you-from-the-list");
        assert_eq!(id_base("1-dimensional code"), "m-1-dimensional-code");
    }
}
