//! Plain translated files (no spans) and their side-by-side twins: the twin of the same
//! locale and English revision gives structure and English, the plain file the translation.
//! Replacing each sxs group of the twin by its translation gives the plain file, so the two
//! block trees have the same shape; when they do not, nothing is imported.

use crate::import::docfx::{DBlock, Piece, Segment, Unit};

/// Pairs a plain translated file with its side-by-side twin (same English revision) block by
/// block: the twin gives structure and English, the plain file the translation.
pub fn zip_twin(plain: &[DBlock], twin: &[DBlock]) -> Result<Vec<DBlock>, String> {
    if plain.len() != twin.len() {
        return Err(format!("{} blocks against {} in the twin", plain.len(), twin.len()));
    }
    plain.iter().zip(twin).map(|(p, t)| zip_block(p, t)).collect()
}

fn zip_block(plain: &DBlock, twin: &DBlock) -> Result<DBlock, String> {
    Ok(match (plain, twin) {
        (DBlock::Heading { unit: p, .. }, DBlock::Heading { level, anchor, unit: t }) => {
            DBlock::Heading { level: *level, anchor: anchor.clone(), unit: zip_unit(p, t)? }
        }
        (DBlock::Para(p), DBlock::Para(t)) => DBlock::Para(zip_unit(p, t)?),
        (DBlock::List { items: p, .. }, DBlock::List { ordered, items: t })
            if p.len() == t.len() =>
        {
            DBlock::List {
                ordered: *ordered,
                items: p.iter().zip(t).map(|(p, t)| zip_twin(p, t)).collect::<Result<_, _>>()?,
            }
        }
        (DBlock::Quote { blocks: p, .. }, DBlock::Quote { alert, blocks: t }) => {
            DBlock::Quote { alert: *alert, blocks: zip_twin(p, t)? }
        }
        (DBlock::Table { header: ph, rows: pr }, DBlock::Table { header: th, rows: tr })
            if ph.len() == th.len() && pr.len() == tr.len() =>
        {
            DBlock::Table {
                header: ph.iter().zip(th).map(|(p, t)| zip_unit(p, t)).collect::<Result<_, _>>()?,
                rows: pr
                    .iter()
                    .zip(tr)
                    .map(|(p, t)| {
                        if p.len() == t.len() {
                            p.iter().zip(t).map(|(p, t)| zip_unit(p, t)).collect()
                        } else {
                            Err("table rows differ".to_string())
                        }
                    })
                    .collect::<Result<_, _>>()?,
            }
        }
        (DBlock::Image { alt, .. }, DBlock::Image { src, offset, .. }) => {
            DBlock::Image { src: src.clone(), alt: alt.clone(), offset: *offset }
        }
        (DBlock::Code { .. }, t @ DBlock::Code { .. }) => t.clone(),
        (DBlock::NotIncluded { .. }, t @ DBlock::NotIncluded { .. }) => t.clone(),
        (p, t) => {
            return Err(format!(
                "block `{}` against `{}` in the twin",
                block_name(p),
                block_name(t)
            ));
        }
    })
}

fn block_name(b: &DBlock) -> &'static str {
    match b {
        DBlock::Heading { .. } => "heading",
        DBlock::Para(_) => "paragraph",
        DBlock::List { .. } => "list",
        DBlock::Quote { .. } => "quote",
        DBlock::Table { .. } => "table",
        DBlock::Image { .. } => "image",
        DBlock::Code { .. } => "code",
        DBlock::NotIncluded { .. } => "not-included",
    }
}

fn zip_unit(plain: &Unit, twin: &Unit) -> Result<Unit, String> {
    let seg = |translation: String, english: Option<String>, offset| {
        Piece::Seg(Segment { id: String::new(), translation, english, offset })
    };
    if let Some((_, twin_rest)) = twin.split_label().filter(|(n, _)| *n > 0) {
        let (_, plain_rest) =
            plain.split_label().ok_or("a lettered sub-step has no letter in the plain file")?;
        return Ok(Unit {
            pieces: vec![
                seg("a.".into(), Some("a.".into()), twin.offset),
                Piece::Text(" ".into()),
                seg(plain_rest.text(false).unwrap_or_default(), twin_rest.text(true), plain.offset),
            ],
            offset: plain.offset,
        });
    }
    if twin.segments() == 0 {
        return Ok(plain.clone());
    }
    Ok(Unit {
        pieces: vec![seg(plain.text(false).unwrap_or_default(), twin.text(true), plain.offset)],
        offset: plain.offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::docfx::parse_docfx;

    const TWIN: &str = "# <span data-ttu-id=\"a-1\">Titel</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Title</span></span>\n\n1. <span data-ttu-id=\"a-2\">Schritt</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">Step</span></span>\n\n   <span data-ttu-id=\"a-3\">a.</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-3\">a.</span></span> <span data-ttu-id=\"a-4\">Unter</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-4\">Sub</span></span>\n";

    #[test]
    fn plain_text_takes_the_twins_structure_and_english() {
        let (twin, _) = parse_docfx("t.md", TWIN);
        let (plain, _) = parse_docfx("p.md", "# Rubrik\n\n1. Steg\n\n   а. Under\n");
        let zipped = zip_twin(&plain.blocks, &twin.blocks).expect("same shape");
        let DBlock::List { items, .. } = &zipped[1] else { panic!("{zipped:?}") };
        let DBlock::Para(sub) = &items[0][1] else { panic!("{items:?}") };
        let (labels, rest) = sub.split_label().expect("lettered");
        assert_eq!(
            (labels, rest.text(true).as_deref(), rest.text(false).as_deref()),
            (1, Some("Sub"), Some("Under"))
        );
    }

    #[test]
    fn a_different_shape_is_an_error() {
        let (twin, _) = parse_docfx("t.md", TWIN);
        let (plain, _) = parse_docfx("p.md", "# Rubrik\n\nStycke\n");
        assert!(zip_twin(&plain.blocks, &twin.blocks).is_err());
    }
}
