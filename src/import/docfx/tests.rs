use super::*;

fn seg(id: &str, tr: &str, en: &str) -> String {
    format!(
        "<span data-ttu-id=\"{id}\">{tr}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{en}</span></span>"
    )
}

fn parse(body: &str) -> (DocFx, Vec<Diagnostic>) {
    let src = format!(
        "---\ntitle: T\nms.contentlocale: de-DE\nms.translationtype: MT\nms.locfileid: \"123\"\n---\n{body}"
    );
    parse_docfx("f.md", &src)
}

#[test]
fn front_matter_fields_are_read() {
    let (doc, diags) = parse("");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(doc.front.title.as_deref(), Some("T"));
    assert_eq!(doc.front.contentlocale.as_deref(), Some("de-DE"));
    assert_eq!(doc.front.translationtype.as_deref(), Some("MT"));
}

#[test]
fn a_revision_that_is_not_letters_and_digits_is_unknown() {
    // It names message ids (`earlier-<revision>-…`): a character Fluent does not allow in an
    // id, or a line break, would write files that do not load (found by fuzzing).
    let front = |hash: &str| {
        format!("---\ntitle: T\nms.openlocfilehash: {hash}\nms.contentlocale: de-DE\n---\nText\n")
    };
    let (doc, diags) = parse_docfx("f.md", &front("133df7a2e6fdcf9aad48d3937b04dac33c93122a"));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        doc.front.openlocfilehash.as_deref(),
        Some("133df7a2e6fdcf9aad48d3937b04dac33c93122a")
    );
    for hash in ["133\u{e9}5df7a", "\"12\\n34\"", "\"\"", "ab-cd"] {
        let source = front(hash);
        let (doc, diags) = parse_docfx("f.md", &source);
        assert_eq!(doc.front.openlocfilehash, None, "{hash}");
        assert_eq!(diags.len(), 1, "{hash}: {diags:?}");
        assert_eq!((diags[0].code, diags[0].severity), ("invalid-revision", Severity::Warning));
        assert_eq!(diags[0].pos.as_ref().map(|p| (p.line, p.col)), Some((3, 1)), "{hash}");
    }
}

#[test]
fn heading_anchor_and_segment() {
    let (doc, diags) = parse(&format!("# <a name=\"x-y\"></a>{}\n", seg("a-1", "Titel", "Title")));
    assert!(diags.is_empty(), "{diags:?}");
    let DBlock::Heading { level, anchor, unit } = &doc.blocks[0] else {
        panic!("{:?}", doc.blocks)
    };
    assert_eq!((*level, anchor.as_deref()), (1, Some("x-y")));
    assert_eq!(unit.text(true).as_deref(), Some("Title"));
    assert_eq!(unit.text(false).as_deref(), Some("Titel"));
    assert_eq!(doc.segments, 1);
}

#[test]
fn nested_lists_lettered_steps_and_alerts() {
    let body = format!(
        "1. {}\n\n   1. {}\n\n2. {}\n\n   {} {}\n\n   > [!NOTE]\n   > {}\n",
        seg("a-1", "S1", "Step one"),
        seg("a-2", "S1a", "Sub one"),
        seg("a-3", "S2", "Step two"),
        seg("a-4", "а.", "a."),
        seg("a-5", "L", "Lettered"),
        seg("a-6", "N", "Note"),
    );
    let (doc, diags) = parse(&body);
    assert!(diags.is_empty(), "{diags:?}");
    let DBlock::List { ordered: true, items } = &doc.blocks[0] else { panic!("{:?}", doc.blocks) };
    assert_eq!(items.len(), 2);
    assert!(matches!(&items[0][1], DBlock::List { ordered: true, items } if items.len() == 1));
    let DBlock::Para(lettered) = &items[1][1] else { panic!("{:?}", items[1]) };
    let (labels, rest) = lettered.split_label().expect("a label");
    assert_eq!((labels, rest.text(true).as_deref()), (1, Some("Lettered")));
    assert!(
        matches!(&items[1][2], DBlock::Quote { alert: Some(AlertKind::Note), blocks } if blocks.len() == 1)
    );
}

#[test]
fn alert_without_space_and_link_around_span() {
    let body = format!(">[!TIP]\n>[{}](other.md)\n", seg("a-1", "Mehr", "More"));
    let (doc, _) = parse(&body);
    let DBlock::Quote { alert: Some(AlertKind::Tip), blocks } = &doc.blocks[0] else {
        panic!("{:?}", doc.blocks)
    };
    let DBlock::Para(unit) = &blocks[0] else { panic!() };
    assert_eq!(unit.text(true).as_deref(), Some("[More](other.md)"));
}

#[test]
fn line_break_inside_a_link_url_is_removed() {
    let body = format!(
        "{}\n",
        seg(
            "a-1",
            "Im [PC](https://x.example/a\n) kaufen",
            "Buy in [PC](https://x.example/a\n) now"
        )
    );
    let (doc, _) = parse(&body);
    let DBlock::Para(unit) = &doc.blocks[0] else { panic!() };
    assert_eq!(unit.text(true).as_deref(), Some("Buy in [PC](https://x.example/a) now"));
}

#[test]
fn br_becomes_a_hard_break_and_is_dropped_at_the_end() {
    assert_eq!(normalize_inline("a<br>\n   b"), "a\\\nb");
    assert_eq!(normalize_inline("a<br> "), "a");
    assert_eq!(normalize_inline("a\n b"), "a b");
}

#[test]
fn image_with_missing_space_between_attributes() {
    let (doc, diags) = parse(
        ":::image type=\"content\" source=\"images/a.png\" alt-text=\"Alt.\"lightbox=\"images/b.png\":::\n",
    );
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        doc.blocks[0],
        DBlock::Image {
            src: "images/a.png".into(),
            alt: "Alt.".into(),
            offset: doc.blocks.first().map_or(0, |b| match b {
                DBlock::Image { offset, .. } => *offset,
                _ => 0,
            })
        }
    );
}

#[test]
fn table_cells_hold_segments() {
    let body = format!(
        "| {} | {} |\n|---|---|\n| {} | x |\n",
        seg("a-1", "K", "Key"),
        seg("a-2", "W", "Value"),
        seg("a-3", "E", "Entry")
    );
    let (doc, _) = parse(&body);
    let DBlock::Table { header, rows } = &doc.blocks[0] else { panic!("{:?}", doc.blocks) };
    assert_eq!(header.len(), 2);
    assert_eq!(rows[0][0].text(true).as_deref(), Some("Entry"));
    assert_eq!(rows[0][1].text(true).as_deref(), Some("x"));
}

#[test]
fn malformed_span_is_positioned() {
    let (_, diags) = parse("para\n<span data-ttu-id=\"a-1\">never closed\n");
    let d = diags.iter().find(|d| d.code == "malformed-span").expect("a diagnostic");
    assert_eq!(
        d.headline(),
        "f.md:8:1: error[malformed-span]: `<span data-ttu-id=\"a-1\">` is never closed"
    );
}

#[test]
fn code_blocks_are_kept_verbatim() {
    let (doc, _) =
        parse("```powershell\nGet-Thing <id>\n```\n\n<pre><code>md c:\\\\HWID\n</code></pre>\n");
    assert_eq!(
        doc.blocks[0],
        DBlock::Code { lang: Some("powershell".into()), code: "Get-Thing <id>".into() }
    );
    assert_eq!(doc.blocks[1], DBlock::Code { lang: None, code: "md c:\\\\HWID".into() });
}

/// `hololens-kiosk` step 6 (de-DE, ru-RU, sv-SE): the translation escaped the quotes of the
/// sxs tags; the group is read as written, with a warning where.
#[test]
fn span_tags_with_escaped_quotes_are_read_with_a_warning() {
    let body = "1. <span data-ttu-id=\"74a95-510&quot;>Starten Sie HoloLens neu.</span><span class=&quot;sxs-lookup&quot;><span data-stu-id=&quot;74a95-510&quot;>Restart HoloLens.</span></span> <span data-ttu-id=\"74a95-511\">Sag &quot;Hallo\".</span><span class=\"sxs-lookup\"><span data-stu-id=\"74a95-511\">Say \"Hi\".</span></span>\n";
    let (doc, diags) = parse(body);
    let codes: Vec<_> = diags.iter().map(|d| (d.code, d.is_error())).collect();
    assert_eq!(codes, [("escaped-span-quote", false)], "{diags:?}");
    assert!(diags[0].headline().starts_with("f.md:7:32:"), "{}", diags[0].headline());
    let DBlock::List { items, .. } = &doc.blocks[0] else { panic!("{:?}", doc.blocks) };
    let DBlock::Para(unit) = &items[0][0] else { panic!("{items:?}") };
    assert_eq!(unit.text(false).as_deref(), Some("Starten Sie HoloLens neu. Sag &quot;Hallo\"."));
    assert_eq!(unit.text(true).as_deref(), Some("Restart HoloLens. Say \"Hi\"."));
    assert_eq!(doc.segments, 2);
}

#[test]
fn raw_inline_html_becomes_markdown() {
    let body = format!(
        "| a | b |\n|---|---|\n| {}</br></br>{} | <font color=\"red\">x</font><sup>2</sup> |\n",
        seg("t-1", "Eins <strong>fett</strong>", "One <strong>bold</strong>"),
        seg("t-2", "Zwei", "Two")
    );
    let (doc, diags) = parse(&body);
    assert!(diags.is_empty(), "{diags:?}");
    let DBlock::Table { rows, .. } = &doc.blocks[0] else { panic!("{:?}", doc.blocks) };
    assert_eq!(rows[0][0].text(false).as_deref(), Some("Eins **fett**\\\n\\\nZwei"));
    assert_eq!(rows[0][0].text(true).as_deref(), Some("One **bold**\\\n\\\nTwo"));
    assert_eq!(rows[0][1].text(false).as_deref(), Some("x²"));
}

/// `hololens-new-edge` and `hololens-release-notes`: a one-line ```` ``` … ``` ```` is a code
/// span in a paragraph (CommonMark), so the headings after it stay headings.
#[test]
fn backticks_on_one_line_are_a_code_span_not_a_fence() {
    let body = format!(
        "``` <Deny ID=\"x\" /> ```\n\n## <a name=\"after\"></a>{}\n",
        seg("c-1", "Danach", "After")
    );
    let (doc, diags) = parse(&body);
    assert!(diags.is_empty(), "{diags:?}");
    let DBlock::Para(unit) = &doc.blocks[0] else { panic!("{:?}", doc.blocks) };
    assert_eq!(unit.text(true).as_deref(), Some("``` <Deny ID=\"x\" /> ```"));
    assert!(matches!(&doc.blocks[1], DBlock::Heading { anchor: Some(a), .. } if a == "after"));
}

/// `hololens-kiosk`: a second raw anchor on a heading line and an anchor on a line of its
/// own; links to both keep working.
#[test]
fn raw_anchors_become_aliases_of_their_heading() {
    let body = format!(
        "## <a name=\"step-1--prepare\"></a><a id=\"mdmenroll\"></a>{}\n\n<a id=\"list\"></a>\n\n{}\n",
        seg("a-1", "Schritt", "Step"),
        seg(
            "a-2",
            "[Vorbereiten](#mdmenroll), [Liste](#list), [Schritt](#step-1--prepare)",
            "[Prepare](#mdmenroll), [list](#list), [step](#step-1--prepare)"
        )
    );
    let (doc, diags) = parse(&body);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(doc.blocks.len(), 2, "{:?}", doc.blocks);
    let DBlock::Para(unit) = &doc.blocks[1] else { panic!("{:?}", doc.blocks) };
    assert_eq!(
        unit.text(true).as_deref(),
        Some("[Prepare](#step-1-prepare), [list](#step-1-prepare), [step](#step-1-prepare)")
    );
    assert_eq!(
        unit.text(false).as_deref(),
        Some(
            "[Vorbereiten](#step-1-prepare), [Liste](#step-1-prepare), [Schritt](#step-1-prepare)"
        )
    );
}

#[test]
fn breaks_at_the_end_are_dropped_and_div_quotes_unwrapped() {
    assert_eq!(normalize_inline("a<br/><br/>"), "a");
    assert_eq!(normalize_inline("a<br/><br/>b"), "a\\\n\\\nb");
    let body = format!(
        "> [!div class=\"nextstepaction\"]\n> [{}](next.md)\n",
        seg("d-1", "Weiter", "Next")
    );
    let (doc, diags) = parse(&body);
    assert!(diags.is_empty(), "{diags:?}");
    let [DBlock::Para(unit)] = doc.blocks.as_slice() else { panic!("{:?}", doc.blocks) };
    assert_eq!(unit.text(true).as_deref(), Some("[Next](next.md)"));
}

/// `hololens-kiosk`, `hololens-commercial-features`, `hololens2-basic-usage`: what DocFX pulls
/// in from elsewhere becomes a note block naming it, with a warning; containers show their
/// content.
#[test]
fn code_includes_videos_and_extensions_become_notes() {
    let body = format!(
        "{}\n\n:::code language=\"xml\" source=\"samples/kiosk.xml\" highlight=\"20\":::\n\n[!INCLUDE [solutions](includes/hlsolutions.md)]\n\n> [!VIDEO https://example.com/embed/x]\n\n:::row:::\n{}\n:::row-end:::\n\n:::zoom source=\"a.png\":::\n",
        seg("a-1", "Vorher", "Before"),
        seg("a-2", "Drinnen", "Inside"),
    );
    let (doc, diags) = parse(&body);
    let notes: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            DBlock::NotIncluded { kind, target } => Some((kind.as_str(), target.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        notes,
        [
            ("code", "samples/kiosk.xml"),
            ("include", "includes/hlsolutions.md"),
            ("video", "https://example.com/embed/x"),
            ("extension", "a.png"),
        ]
    );
    assert!(matches!(&doc.blocks[4], DBlock::Para(u) if u.text(true).as_deref() == Some("Inside")));
    assert_eq!(doc.blocks.len(), 6, "{:?}", doc.blocks);
    let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["not-included"; 4], "{diags:?}");
    assert!(diags[0].message.contains("samples/kiosk.xml"), "{}", diags[0].message);
}

/// An icon at the start of a line is part of the sentence, as Learn shows it.
#[test]
fn an_image_that_starts_a_sentence_stays_in_the_paragraph() {
    let body = format!(
        ":::image type=\"icon\" source=\"media/gear.png\" alt-text=\"Zahnrad\"::: {}\n\n- :::image type=\"icon\" source=\"media/x.png\" alt-text=\"X\"::: {}\n",
        seg("a-1", "Einstellungen öffnen.", "Open settings."),
        seg("a-2", "Schließen.", "Close."),
    );
    let (doc, diags) = parse(&body);
    assert!(diags.is_empty(), "{diags:?}");
    let DBlock::Para(unit) = &doc.blocks[0] else { panic!("{:?}", doc.blocks) };
    assert_eq!(
        unit.text(false).as_deref(),
        Some("![Zahnrad](media/gear.png) Einstellungen öffnen.")
    );
    let DBlock::List { items, .. } = &doc.blocks[1] else { panic!("{:?}", doc.blocks) };
    let DBlock::Para(item) = &items[0][0] else { panic!("{items:?}") };
    assert_eq!(item.text(true).as_deref(), Some("![X](media/x.png) Close."));
    // A stray period after an image block (ru-RU `indirect-reseller-tasks-in-partner-center`).
    let (doc, _) = parse(":::image type=\"content\" source=\"a.png\" alt-text=\"A\":::.\n");
    assert!(
        matches!(&doc.blocks[..], [DBlock::Image { src, .. }] if src == "a.png"),
        "{:?}",
        doc.blocks
    );
}
