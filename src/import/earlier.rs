//! Translations of an earlier English revision that no longer aligns with the article's
//! English: kept, as an `earlier` block with that revision's structure and English, instead
//! of dropped as unaligned segments.
//!
//! A file qualifies when its `ms.openlocfilehash` is not the article's `source.revision` and
//! most of its segments align to nothing. Its whole body (the file's own structure, message
//! ids prefixed `earlier-<revision>-`) is appended to the article as one `earlier` block, and
//! the English halves of its segments become those messages' en-US text. The file is then
//! aligned again, now to that block, so its translations land message for message on the
//! English they were made from; later files of the same revision align to the same block.
//! The page shows the block only in locales translated from that revision, under a note.

use std::collections::BTreeSet;

use crate::content::{Article, Block, Earlier, List, MsgRef, Step, parse_article};
use crate::diag::{Diagnostic, Severity};
use crate::import::Parsed;
use crate::import::align::{Pairing, Slot};
use crate::import::create::file_name;
use crate::import::ftl_write::Elem;
use crate::import::map::{Kind, Msg, Terms, map_docfx};
use crate::import::workspace::{Workspace, patch_ftl};

/// Whether a file's alignment says it was translated from other English than the article's:
/// a different revision and more than half of its segments aligned to nothing.
pub(super) fn is_earlier(
    article: &Article,
    file: &Parsed,
    msgs: &[Msg],
    pairs: &[Option<(usize, Pairing)>],
) -> bool {
    let revision = file.doc.front.openlocfilehash.as_deref();
    let current = article.source.as_ref().and_then(|s| s.revision.as_deref());
    if revision.is_none() || revision == current {
        return false;
    }
    let (mut total, mut unaligned) = (0, 0);
    for (msg, pair) in msgs.iter().zip(pairs) {
        total += msg.segments;
        if pair.is_none() {
            unaligned += msg.segments;
        }
    }
    total > 0 && unaligned * 2 > total
}

/// The slots a file aligns to: the article's current English, or, for a file of a revision
/// the article keeps an `earlier` block of, that block (and the front matter and H1).
pub(super) fn slots_for(slots: &[Slot], revision: Option<&str>) -> Vec<Slot> {
    let has_block = revision.is_some() && slots.iter().any(|s| s.earlier.as_deref() == revision);
    slots
        .iter()
        .filter(|s| {
            if has_block {
                s.earlier.as_deref() == revision
                    || matches!(
                        s.kind,
                        Kind::Title | Kind::Description | Kind::Heading1 | Kind::Audience
                    )
            } else {
                s.earlier.is_none()
            }
        })
        .cloned()
        .collect()
}

/// Appends the file's structure as an `earlier` block to the article and its English halves
/// to the source locale's messages. `Err` (nothing changed) when the result would not load.
pub(super) fn add_earlier(
    ws: &mut Workspace,
    id: &str,
    file: &Parsed,
    terms: &Terms,
    source_locale: &str,
) -> Result<usize, Diagnostic> {
    let revision = file.doc.front.openlocfilehash.clone().unwrap_or_default();
    let toml_path = format!("content/articles/{id}.toml");
    let toml_src = ws.get(&toml_path).unwrap_or("").to_string();
    let not_added = |why: String| {
        Diagnostic::file(
            Severity::Error,
            "not-imported",
            &file.path,
            format!(
                "translated from English revision {revision}, which no longer aligns with `{toml_path}`, and {why}"
            ),
        )
    };
    let (article, _) = parse_article(id, &toml_path, &toml_src);
    let article = article.ok_or_else(|| not_added("the article does not load".into()))?;
    let (mapped, _) = map_docfx(&file.doc, &file.path, &file.source, terms, &file.locale);
    let short: String = revision.chars().take(8).collect();
    let prefix = format!("earlier-{short}-");
    // Every anchor the current page has (headings, steps, the page's own sections): an
    // earlier heading id that clashes with one of them is prefixed.
    let anchors = crate::check::links::anchors(&article);
    let mut blocks = mapped.body;
    rename_blocks(&mut blocks, &prefix, &anchors);
    let block = Block::Earlier(Earlier { revision: revision.clone(), blocks });

    #[derive(serde::Serialize)]
    struct Body<'a> {
        body: [&'a Block; 1],
    }
    let added = toml::to_string(&Body { body: [&block] })
        .map_err(|err| not_added(format!("the block cannot be written: {err}")))?;
    let new_toml = format!(
        "{}\n# Translated from the earlier English revision {revision} (`{}`): shown only in the\n# locales translated from it.\n{added}",
        toml_src.trim_end(),
        file_name(&file.path)
    );
    let (_, diags) = parse_article(id, &toml_path, &new_toml);
    if let Some(d) = diags.iter().find(|d| d.is_error()) {
        return Err(not_added(format!("the block does not load: {}", d.message)));
    }
    // The source locale keeps the English the translations were made from.
    let mut english: Vec<(String, Vec<Elem>)> = Vec::new();
    for msg in mapped.msgs.iter().filter(|m| {
        !matches!(m.kind, Kind::Title | Kind::Description | Kind::Heading1 | Kind::Audience)
    }) {
        let pattern = match (&msg.english, msg.kind) {
            (Some(e), _) => e.clone(),
            (None, Kind::Image) => {
                let src = msg.english_raw.as_deref().unwrap_or("image");
                vec![Elem::Text(src.rsplit('/').next().unwrap_or(src).to_string())]
            }
            (None, _) => msg.translation.clone(),
        };
        english.push((format!("{prefix}{}", msg.id), pattern));
    }
    let ftl_path = format!("locales/{source_locale}/{id}.ftl");
    let header = format!("# {id}: English messages\n\n");
    let ftl = patch_ftl(ws.get(&ftl_path), &english, &header);
    ws.set(&ftl_path, ftl);
    ws.set(&toml_path, new_toml);
    Ok(english.len())
}

fn rename(msg: &mut MsgRef, prefix: &str) {
    if !msg.get_ref().is_empty() {
        *msg = toml::Spanned::new(0..0, format!("{prefix}{}", msg.get_ref()));
    }
}

/// Prefixes an anchor (a slug), keeping it one (its end cut if it grows too long).
fn rename_anchor(id: &mut toml::Spanned<String>, prefix: &str) {
    let mut renamed = format!("{prefix}{}", id.get_ref());
    renamed.truncate(crate::paths::MAX_SLUG);
    renamed.truncate(renamed.trim_end_matches('-').len());
    *id = toml::Spanned::new(0..0, renamed);
}

/// Prefixes every message id; heading ids only where the current article has them already.
fn rename_blocks(blocks: &mut [Block], prefix: &str, anchors: &BTreeSet<String>) {
    for block in blocks {
        match block {
            Block::Paragraph(m) => rename(m, prefix),
            Block::Heading(h) => {
                rename(&mut h.text, prefix);
                if anchors.contains(h.id.get_ref()) {
                    rename_anchor(&mut h.id, prefix);
                }
            }
            Block::List(list) => rename_list(list, prefix, anchors),
            Block::Procedure(p) => {
                for pre in &mut p.prerequisites {
                    rename(&mut pre.text, prefix);
                }
                rename_steps(&mut p.steps, prefix, anchors);
            }
            Block::Alert(a) => {
                if let Some(t) = &mut a.text {
                    rename(t, prefix);
                }
                rename_blocks(&mut a.blocks, prefix, anchors);
            }
            Block::Table(t) => {
                for cell in t.header.iter_mut().chain(t.rows.iter_mut().flatten()) {
                    rename(cell, prefix);
                }
            }
            Block::Image(i) => rename(&mut i.alt, prefix),
            Block::NextSteps(n) => {
                rename(&mut n.title, prefix);
                if anchors.contains(n.id.get_ref()) {
                    rename_anchor(&mut n.id, prefix);
                }
                for link in &mut n.links {
                    rename(&mut link.text, prefix);
                }
            }
            Block::Earlier(e) => rename_blocks(&mut e.blocks, prefix, anchors),
            Block::Code(_) | Block::NotIncluded(_) => {}
        }
    }
}

fn rename_list(list: &mut List, prefix: &str, anchors: &BTreeSet<String>) {
    for item in &mut list.items {
        rename(&mut item.text, prefix);
        if let Some(nested) = &mut item.items {
            rename_list(nested, prefix, anchors);
        }
        rename_blocks(&mut item.blocks, prefix, anchors);
    }
}

fn rename_steps(steps: &mut [Step], prefix: &str, anchors: &BTreeSet<String>) {
    for step in steps {
        rename(&mut step.text, prefix);
        rename_steps(&mut step.substeps, prefix, anchors);
        rename_blocks(&mut step.blocks, prefix, anchors);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_anchor_stays_a_slug() {
        let mut id = toml::Spanned::new(0..0, "overview".to_string());
        rename_anchor(&mut id, "earlier-2f7af532-");
        assert_eq!(id.get_ref(), "earlier-2f7af532-overview");
        let long = format!("{}-end", "a".repeat(crate::paths::MAX_SLUG - 4));
        let mut id = toml::Spanned::new(0..0, long);
        rename_anchor(&mut id, "earlier-2f7af532-");
        assert!(crate::paths::is_slug(id.get_ref()), "{}", id.get_ref());
        assert!(id.get_ref().starts_with("earlier-2f7af532-aaaa"));
    }
}
