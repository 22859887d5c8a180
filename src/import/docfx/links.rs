//! Link fragments pointing at DocFX anchors, made to point at the ids drillbook gives
//! headings: a raw anchor beside a heading's (`<a name="x"></a><a id="y"></a>`) or on a line
//! of its own is an alias of that heading (or of the section's heading), and an anchor that
//! is not a slug (`version-20h2--june-2021-update`) becomes the slug the heading gets.

use std::collections::BTreeMap;

use crate::import::docfx::{DBlock, Piece, Unit};
use crate::paths::{is_slug, slugify};

/// The id drillbook gives a heading whose DocFX anchor (or text) is `base`, as `map` does.
pub(super) fn heading_id(base: &str) -> String {
    if is_slug(base) { base.to_string() } else { slugify(base) }
}

/// Rewrites the link fragments of every text in `blocks`.
pub(super) fn resolve_links(blocks: &mut [DBlock], aliases: &BTreeMap<String, String>) {
    for block in blocks {
        match block {
            DBlock::Heading { unit, .. } | DBlock::Para(unit) => resolve_unit(unit, aliases),
            DBlock::List { items, .. } => {
                for item in items {
                    resolve_links(item, aliases);
                }
            }
            DBlock::Quote { blocks, .. } => resolve_links(blocks, aliases),
            DBlock::Table { header, rows } => {
                for unit in header.iter_mut().chain(rows.iter_mut().flatten()) {
                    resolve_unit(unit, aliases);
                }
            }
            DBlock::Image { .. } | DBlock::Code { .. } | DBlock::NotIncluded { .. } => {}
        }
    }
}

fn resolve_unit(unit: &mut Unit, aliases: &BTreeMap<String, String>) {
    for piece in &mut unit.pieces {
        match piece {
            Piece::Text(text) => resolve_text(text, aliases),
            Piece::Seg(seg) => {
                resolve_text(&mut seg.translation, aliases);
                if let Some(english) = &mut seg.english {
                    resolve_text(english, aliases);
                }
            }
        }
    }
}

/// In `](target#fragment)`: a local fragment (`](#x)`) that is an alias becomes its
/// heading's id (the page top when there is none); any fragment that is not a slug becomes
/// its slug.
fn resolve_text(text: &mut String, aliases: &BTreeMap<String, String>) {
    if !text.contains("](") {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("](") {
        let dest_start = i + 2;
        out.push_str(&rest[..dest_start]);
        let after = &rest[dest_start..];
        let end = after.find([')', ' ', '\n']).unwrap_or(after.len());
        let dest = &after[..end];
        match dest.split_once('#') {
            Some((page, fragment)) => {
                let target = match aliases.get(fragment).filter(|_| page.is_empty()) {
                    Some(base) if base.is_empty() => None,
                    Some(base) => Some(heading_id(base)),
                    None if is_slug(fragment) || fragment.is_empty() => Some(fragment.to_string()),
                    None => Some(heading_id(fragment)),
                };
                match target {
                    Some(fragment) => {
                        out.push_str(page);
                        out.push('#');
                        out.push_str(&fragment);
                    }
                    // An anchor before the first section: the top of the page.
                    None if page.is_empty() => out.push('#'),
                    None => out.push_str(page),
                }
            }
            None => out.push_str(dest),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    *text = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(text: &str, aliases: &[(&str, &str)]) -> String {
        let map = aliases.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        let mut text = text.to_string();
        resolve_text(&mut text, &map);
        text
    }

    #[test]
    fn aliases_and_non_slug_fragments() {
        let aliases = [("mdmenroll", "mdm-step-1-ndash-prepare"), ("list", "Known issues")];
        assert_eq!(
            resolved("[a](#mdmenroll), [b](#list) [c](#plain)", &aliases),
            "[a](#mdm-step-1-ndash-prepare), [b](#known-issues) [c](#plain)"
        );
        assert_eq!(
            resolved("[x](notes.md#version-20h2--june-2021-update)", &aliases),
            "[x](notes.md#version-20h2-june-2021-update)"
        );
        assert_eq!(
            resolved("[x](other.md#mdmenroll) [y](https://a.b/c)", &aliases),
            "[x](other.md#mdmenroll) [y](https://a.b/c)"
        );
    }
}
