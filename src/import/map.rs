//! Mapping a parsed DocFX file onto the content model: blocks → `Block`s, units → messages
//! with an English and a translated pattern (UI labels as term references).

mod messages;

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use crate::content::{
    Alert, Block, Code, Heading, Image, Item, Link, List, ListStyle, NextSteps, NotIncluded,
    Procedure, Step, Table,
};
use crate::diag::{Diagnostic, Severity};
use crate::import::diags::FileDiags;
use crate::import::docfx::{DBlock, DocFx, Unit, normalize_inline};
use crate::import::ftl_write::{Elem, push_text};
pub use crate::import::map::messages::{
    bold_ranges, english_pattern, id_base, translation_pattern,
};
use crate::import::map::messages::{fluent_id, link_text_unit, split_link};
use crate::paths::{is_slug, join_slug, slugify};

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
        diags: FileDiags::new(path, source),
        id_suffix: BTreeMap::new(),
        anchor_suffix: BTreeMap::new(),
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
    let Ctx { heading, audience, msgs, diags, .. } = ctx;
    (Mapped { body, heading, audience, msgs }, diags.finish())
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

/// `base`, else the first of `base-2`, `base-3`, … not in `taken`; it is then taken. `next`
/// remembers where the search for each base stopped: the suffixes before it are all taken
/// (`taken` only grows), so many messages with the same English cost no rescans. With
/// `slug`, `base` is a slug and the id stays one (`base` cut to make room for the number).
fn unique(
    base: &str,
    taken: &mut BTreeSet<String>,
    next: &mut BTreeMap<String, usize>,
    slug: bool,
) -> String {
    let mut id = base.to_string();
    if taken.contains(&id) {
        let n = next.entry(base.to_string()).or_insert(2);
        loop {
            id = match slug {
                true => join_slug(base, &format!("-{n}")),
                false => format!("{base}-{n}"),
            };
            *n += 1;
            if !taken.contains(&id) {
                break;
            }
        }
    }
    taken.insert(id.clone());
    id
}

fn msg_ref(id: &str) -> Spanned<String> {
    Spanned::new(0..0, id.to_string())
}

struct Ctx<'a> {
    locale: &'a str,
    terms: &'a Terms,
    /// English UI label value -> term name.
    english_labels: BTreeMap<String, String>,
    ids: BTreeSet<String>,
    anchors: BTreeSet<String>,
    msgs: Vec<Msg>,
    diags: FileDiags<'a>,
    /// For each id base, the next `-n` suffix to try (see [`unique`]).
    id_suffix: BTreeMap<String, usize>,
    anchor_suffix: BTreeMap<String, usize>,
    heading: Option<String>,
    audience: Option<String>,
}

impl Ctx<'_> {
    fn unique_id(&mut self, base: &str) -> String {
        unique(&fluent_id(base), &mut self.ids, &mut self.id_suffix, false)
    }

    fn unique_anchor(&mut self, base: &str) -> String {
        let base = if is_slug(base) { base.to_string() } else { slugify(base) };
        unique(&base, &mut self.anchors, &mut self.anchor_suffix, true)
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
                DBlock::NotIncluded { kind, target } => out
                    .push(Block::NotIncluded(NotIncluded { kind: *kind, target: target.clone() })),
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
            self.diags.at(
                Severity::Warning,
                "image-source",
                offset..offset + 8,
                format!("image source `{src}` rewritten to `{clean}`"),
            );
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
}

#[cfg(test)]
mod tests;
