//! Tests of units, inline codes, the reader, the writer, writing back and the memory.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::codes::{Kind, Seg, flatten, normalize, pattern_lines, write_pattern};
use super::read::{Piece, read};
use super::units::{State, parse_id, unit_id};
use super::*;
use crate::l10n::{LocaleFiles, parse_ftl};

fn locale(name: &str, files: &[(&str, &str)]) -> LocaleFiles {
    let mut map = BTreeMap::new();
    for (scope, source) in files {
        let (file, diags) = parse_ftl(&format!("locales/{name}/{scope}.ftl"), source.to_string());
        assert!(diags.is_empty(), "{diags:?}");
        map.insert(scope.to_string(), file);
    }
    LocaleFiles::new(name, map)
}

fn value_segs(ftl: &str) -> Vec<Seg> {
    let resource = fluent_syntax::parser::parse(ftl).expect("parses");
    match &resource.body[0] {
        fluent_syntax::ast::Entry::Message(m) => flatten(m.value.as_ref().expect("value")),
        other => panic!("not a message: {other:?}"),
    }
}

fn code(kind: Kind, text: &str) -> Seg {
    Seg::Code(kind, text.to_string())
}

fn text(t: &str) -> Seg {
    Seg::Text(t.to_string())
}

#[test]
fn placeables_and_markdown_are_codes() {
    let segs = value_segs(
        "m = Go to **{ -ui-customers }**, see [the list]({ $url }) and `code` for { $n }{\"{\"}.\n",
    );
    assert_eq!(
        segs,
        vec![
            text("Go to "),
            code(Kind::Bold, "**"),
            code(Kind::Placeable, "{ -ui-customers }"),
            code(Kind::Bold, "**"),
            // A destination that is a placeable is not a Markdown link to protect.
            text(", see [the list]("),
            code(Kind::Placeable, "{ $url }"),
            text(") and "),
            code(Kind::CodeSpan, "`code`"),
            text(" for "),
            code(Kind::Placeable, "{ $n }"),
            text("{."),
        ]
    );
    // A link whose destination is text is two codes around translatable text.
    let link = value_segs("m = See [the list](a.md#x) and ![logo](i.png).\n");
    assert_eq!(
        link,
        vec![
            text("See "),
            code(Kind::LinkStart, "["),
            text("the list"),
            code(Kind::LinkEnd, "](a.md#x)"),
            text(" and "),
            code(Kind::LinkStart, "!["),
            text("logo"),
            code(Kind::LinkEnd, "](i.png)"),
            text("."),
        ]
    );
    // Terms with arguments, message references and functions keep their source.
    let refs = value_segs("m = { -brand(case: \"gen\") } { other.title } { NUMBER($n) }\n");
    let codes: Vec<&str> = refs
        .iter()
        .filter_map(|s| match s {
            Seg::Code(_, t) => Some(t.as_str()),
            Seg::Text(_) => None,
        })
        .collect();
    assert_eq!(codes, ["{ -brand(case: \"gen\") }", "{ other.title }", "{ NUMBER($n) }"]);
}

#[test]
fn selects_are_codes_around_variant_text() {
    let segs = value_segs("m = { $n ->\n    [one] { $n } file\n   *[other] { $n } files\n}\n");
    assert_eq!(
        segs,
        vec![
            code(Kind::SelectStart, "{ $n ->"),
            code(Kind::Variant, "[one]"),
            code(Kind::Placeable, "{ $n }"),
            text(" file"),
            code(Kind::Variant, "*[other]"),
            code(Kind::Placeable, "{ $n }"),
            text(" files"),
            code(Kind::SelectEnd, "}"),
        ]
    );
    let lines = pattern_lines(&segs).expect("well nested");
    let mut out = String::new();
    write_pattern(&mut out, "", "m", &lines);
    assert_eq!(
        out,
        "m =\n    { $n ->\n        [one] { $n } file\n       *[other] { $n } files\n    }\n"
    );
    assert_eq!(value_segs(&out), segs);
    // A select end without a start is not a pattern.
    assert_eq!(pattern_lines(&[code(Kind::SelectEnd, "}")]), None);
}

/// Text pieces for the property test: characters Fluent treats specially, spaces, and
/// newlines between non-blank lines.
fn text_strategy() -> impl Strategy<Value = String> {
    let line =
        "[a-z{}\\[\\]*.\"\\\\ #=()`_!-]{1,12}".prop_filter("not blank", |l| !l.trim().is_empty());
    proptest::collection::vec(line, 1..3).prop_map(|lines| lines.join("\n"))
}

fn seg_strategy() -> impl Strategy<Value = Vec<Seg>> {
    let piece = || {
        prop_oneof![
            3 => text_strategy().prop_map(Seg::Text),
            1 => Just(code(Kind::Placeable, "{ $n }")),
            1 => Just(code(Kind::Placeable, "{ -ui-x }")),
        ]
    };
    let plain = proptest::collection::vec(piece(), 1..5);
    // Text, then a select whose two variants hold text and placeables, then text.
    let select = (
        proptest::collection::vec(piece(), 0..2),
        proptest::collection::vec(piece(), 1..3),
        proptest::collection::vec(piece(), 1..3),
        proptest::collection::vec(piece(), 0..2),
    )
        .prop_map(|(before, one, other, after)| {
            let mut segs = before;
            segs.push(code(Kind::SelectStart, "{ $n ->"));
            segs.push(code(Kind::Variant, "[one]"));
            segs.extend(one);
            segs.push(code(Kind::Variant, "*[other]"));
            segs.extend(other);
            segs.push(code(Kind::SelectEnd, "}"));
            segs.extend(after);
            segs
        });
    prop_oneof![2 => plain, 1 => select]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever text and codes a target holds, the Fluent written for it reads back as the
    /// same text and codes (Markdown characters it happens to form become codes both ways).
    #[test]
    fn written_patterns_read_back(segs in seg_strategy()) {
        let segs = normalize(segs);
        let lines = pattern_lines(&segs).expect("well nested");
        let mut out = String::new();
        write_pattern(&mut out, "", "m", &lines);
        let back = value_segs(&out);
        let expected = super::codes::protect_markdown(segs.clone());
        prop_assert_eq!(back, expected, "{}", out);
    }
}

#[test]
fn ids_round_trip() {
    for (scope, message, attr) in [
        ("remove-a-relationship", "step-1", Some("title")),
        ("ui", "-ui-customers", None),
        ("site", "nav-home", None),
    ] {
        let id = unit_id(scope, message, attr);
        assert_eq!(
            parse_id(&id),
            Some((scope.to_string(), message.to_string(), attr.map(str::to_string)))
        );
    }
    assert_eq!(unit_id("a", "b", Some("c")), "a.ftl#b.c");
    for bad in ["a#b", "a.ftl", "a.ftl#", "a.ftl#1x", "a.ftl#b.-c", "../a.ftl#b"] {
        assert_eq!(parse_id(bad), None, "{bad}");
    }
}

#[test]
fn entry_spans_cover_attributes_variants_and_closing_braces() {
    let src = "# c\na = A\n    .title = T\n\nsel = { $n ->\n    [one] x\n*[other] y\n}\n\n\n-term = T\n.attr = z\nlast = L";
    let file = &locale("de-DE", &[("s", src)]).files["s"];
    let spans: Vec<&str> = super::units::entries(file)
        .into_iter()
        .map(|(_, e)| {
            let (s, e) = apply::entry_span(file.source(), e);
            &file.source()[s..e]
        })
        .collect();
    assert_eq!(
        spans,
        [
            "a = A\n    .title = T\n",
            "sel = { $n ->\n    [one] x\n*[other] y\n}\n",
            "-term = T\n.attr = z\n",
            "last = L"
        ]
    );
}

const EN: &str = "# Steps\nintro = Go to **{ -ui-customers }**.\n    .title = Intro\ncount = { $n ->\n    [one] { $n } file\n   *[other] { $n } files\n}\n\nlast = Done\n";
const DE: &str = "# Schritte\nintro = Gehen Sie zu **{ -ui-customers }**.\n    .title = Einführung\n\n# kept\nlast = Fertig\n";

fn export_of(target: &LocaleFiles, lock: &crate::l10n::lock::Lock) -> String {
    let en = locale("en-US", &[("a", EN)]);
    export_xliff(&en, target, lock, None, Only::All)
}

fn import(xliff: &str, target: &LocaleFiles) -> Outcome {
    let en = locale("en-US", &[("a", EN)]);
    let units = read("t.xlf", xliff).expect("reads");
    apply::apply("t.xlf", xliff, &units, &en, target)
}

#[test]
fn export_has_a_unit_per_value_and_attribute_with_states() {
    let de = locale("de-DE", &[("a", DE)]);
    let xliff = export_of(&de, &Default::default());
    let units = read("t.xlf", &xliff).expect("reads");
    let ids: Vec<(&str, Option<&str>)> =
        units.iter().map(|u| (u.id.as_str(), u.state.as_deref())).collect();
    assert_eq!(
        ids,
        [
            ("a.ftl#intro", Some("needs-review-translation")),
            ("a.ftl#intro.title", Some("needs-review-translation")),
            ("a.ftl#count", Some("needs-translation")),
            ("a.ftl#last", Some("needs-review-translation")),
        ]
    );
    assert!(xliff.contains("<source>Go to <ph id=\"1\" ctype=\"x-md-bold\">**</ph><ph id=\"2\" ctype=\"x-fluent-placeable\">{ -ui-customers }</ph><ph id=\"3\" ctype=\"x-md-bold\">**</ph>.</source>"), "{xliff}");
    assert!(xliff.contains("stale: no review"), "{xliff}");
    // Reviewed: `translated`.
    let en = locale("en-US", &[("a", EN)]);
    let (units, _) = units_and_memory(&en, &de, &Default::default(), None);
    let lock = units
        .iter()
        .filter(|u| u.target.is_some())
        .map(|u| {
            let entry = super::units::entries(&en.files["a"])
                .into_iter()
                .find(|(id, _)| *id == u.message)
                .unwrap()
                .1;
            (u.lock_key(), super::units::entry_fingerprint(entry).unwrap())
        })
        .collect();
    let (units, _) = units_and_memory(&en, &de, &lock, None);
    assert_eq!(
        units.iter().map(|u| u.state).collect::<Vec<_>>(),
        [State::Translated, State::Translated, State::Missing, State::Translated]
    );
}

#[test]
fn unedited_import_changes_nothing_and_records_nothing() {
    let de = locale("de-DE", &[("a", DE)]);
    let outcome = import(&export_of(&de, &Default::default()), &de);
    assert!(outcome.files.is_empty() && outcome.diags.is_empty() && outcome.reviewed.is_empty());
}

#[test]
fn edited_targets_are_written_in_place_and_missing_ones_in_english_order() {
    let de = locale("de-DE", &[("a", DE)]);
    let xliff = export_of(&de, &Default::default())
        .replace("Einführung</target>", "Einleitung</target>")
        .replace(
            "<target state=\"needs-translation\"/>",
            "<target state=\"final\"><ph ctype=\"x-fluent-select\" id=\"1\">{ $n -&gt;</ph><ph id=\"2\">[one]</ph><ph id=\"3\">{ $n }</ph> Datei<ph id=\"9\">[few]</ph><ph id=\"3\">{ $n }</ph> Dateien<ph id=\"4\">*[other]</ph><ph id=\"5\"/> Dateien<ph id=\"6\">}</ph></target>",
        );
    let outcome = import(&xliff, &de);
    assert!(outcome.diags.is_empty(), "{:?}", outcome.diags);
    assert_eq!(
        outcome.files["a"],
        "# Schritte\nintro = Gehen Sie zu **{ -ui-customers }**.\n    .title = Einleitung\ncount =\n    { $n ->\n        [one] { $n } Datei\n        [few] { $n } Dateien\n       *[other] { $n } Dateien\n    }\n\n# kept\nlast = Fertig\n"
    );
    assert_eq!(outcome.changed, 2);
    // Only the unit marked final has its message's review recorded.
    assert_eq!(outcome.reviewed.keys().collect::<Vec<_>>(), ["a/count"]);
}

#[test]
fn an_empty_target_removes_nothing() {
    let de = locale("de-DE", &[("a", DE)]);
    let xliff = export_of(&de, &Default::default()).replace(
        "<target state=\"needs-review-translation\">Fertig</target>",
        "<target state=\"needs-review-translation\"/>",
    );
    assert!(xliff.contains("<target state=\"needs-review-translation\"/>"));
    let outcome = import(&xliff, &de);
    assert!(outcome.files.is_empty() && outcome.diags.is_empty(), "{outcome:?}");
}

#[test]
fn line_breaks_around_a_target_are_dropped() {
    let de = locale("de-DE", &[("a", DE)]);
    let xliff = export_of(&de, &Default::default())
        .replace(">Fertig</target>", ">&#10;Fertig!&#13;&#10;</target>");
    let outcome = import(&xliff, &de);
    assert!(outcome.diags.is_empty(), "{:?}", outcome.diags);
    assert!(outcome.files["a"].ends_with("\nlast = Fertig!\n"), "{:?}", outcome.files);
}

#[test]
fn a_file_that_does_not_read_back_as_asked_is_refused() {
    let de = locale("de-DE", &[("a", DE)]);
    let old = super::units::entries(&de.files["a"]);
    let change = |id: &str, text: &str| apply::Change {
        attribute: None,
        segs: vec![Seg::Text(text.into())],
        offset: 7,
        id: id.into(),
    };
    let asked: BTreeMap<String, Vec<apply::Change>> =
        [("last".to_string(), vec![change("a.ftl#last", "Fertig!")])].into_iter().collect();
    assert!(apply::verify(&DE.replace("Fertig", "Fertig!"), &old, &asked).is_ok());
    // The changed message reads otherwise, another message is lost or changed.
    for broken in [
        DE.replace("Fertig", "Fertig?"),
        DE.replace("Fertig", "Fertig!").replace("    .title = Einführung\n", ""),
        DE.replace("Fertig", "Fertig!").replace("Gehen", "Geh"),
    ] {
        let (offset, message) = apply::verify(&broken, &old, &asked).unwrap_err();
        assert!(message.contains("cannot be written as the same Fluent text"), "{message}");
        assert_eq!(offset, 7);
    }
}

#[test]
fn mismatched_codes_are_refused_at_their_position_and_nothing_is_written() {
    let de = locale("de-DE", &[("a", DE)]);
    let xliff = export_of(&de, &Default::default())
        .replace("Einführung</target>", "Einleitung</target>")
        .replace(
            "<target state=\"needs-review-translation\">Gehen Sie zu <ph id=\"1\" ctype=\"x-md-bold\">**</ph>",
            "<target state=\"final\">Gehen Sie zu ",
        );
    let outcome = import(&xliff, &de);
    assert!(outcome.files.is_empty(), "{:?}", outcome.files);
    assert!(outcome.reviewed.is_empty());
    let line = xliff.lines().position(|l| l.contains("<target state=\"final\">Gehen")).unwrap() + 1;
    let headline = outcome.diags[0].headline();
    assert!(headline.starts_with(&format!("t.xlf:{line}:9: error[xliff-unit]: `a.ftl#intro`: placeables or inline codes do not match")), "{headline}");
    // An unknown code is refused at the code.
    let xliff = export_of(&de, &Default::default())
        .replace("Einführung</target>", "Einführung<ph id=\"7\">{ $evil }</ph></target>");
    let outcome = import(&xliff, &de);
    assert!(outcome.files.is_empty());
    assert!(
        outcome.diags[0].message.contains("`{ $evil }` (id 7) is not one of this message's codes"),
        "{:?}",
        outcome.diags
    );
}

#[test]
fn reader_resolves_entities_and_empty_codes_and_rejects_bad_xml() {
    let xml = "<xliff version=\"1.2\"><file original=\"a.ftl\" target-language=\"de-DE\"><body>\
        <trans-unit id=\"a.ftl#m\"><source>A &amp; <x id=\"1\"/> &#x41;</source>\
        <target state=\"final\"><mrk mtype=\"x\">B</mrk> &lt;<ph id=\"1\">{ $n }</ph></target>\
        <alt-trans><target>ignored</target></alt-trans><note>n</note></trans-unit></body></file></xliff>";
    let units = read("t.xlf", xml).expect("reads");
    assert_eq!(units.len(), 1);
    let unit = &units[0];
    assert_eq!(unit.locale.as_deref(), Some("de-DE"));
    assert_eq!(unit.state.as_deref(), Some("final"));
    assert_eq!(unit.source[0], Piece::Text("A & ".into()));
    assert!(
        matches!(&unit.source[1], Piece::Code { id, content, .. } if id == "1" && content.is_empty())
    );
    assert_eq!(unit.target.as_ref().unwrap()[0], Piece::Text("B <".into()));
    let err = read("t.xlf", "<xliff>\n<file><trans-unit id=\"x\"><source>a</target>").unwrap_err();
    assert!(err.headline().starts_with("t.xlf:2:"), "{}", err.headline());
    let truncated =
        "<xliff><file><body><trans-unit id=\"a.ftl#m\"><source>a</source></trans-unit>\n";
    let err = read("t.xlf", truncated).unwrap_err();
    assert!(err.message.contains("ends inside an element"), "{}", err.message);
    let err = read("t.xlf", "<xliff><trans-unit id=\"x\"><source><g id=\"1\">a</g></source>")
        .unwrap_err();
    assert!(err.message.contains("`<g>`"), "{}", err.message);
}

#[test]
fn memory_offers_exact_and_fuzzy_matches_with_scores() {
    let mut memory = tm::Memory::default();
    let en = |t: &str| vec![Seg::Text(t.into())];
    memory.add("a.ftl#x".into(), en("Select a customer."), en("Wählen Sie einen Kunden aus."));
    memory.add(
        "b.ftl#y".into(),
        en("Select a customer from the list."),
        en("Wählen Sie einen Kunden aus der Liste aus."),
    );
    memory.add("c.ftl#z".into(), en("Something else entirely."), en("Etwas anderes."));
    let found = memory.lookup("d.ftl#q", &en("Select a customer."));
    let ids: Vec<(&str, u32)> =
        found.iter().map(|m| (memory.tus[m.tu].id.as_str(), m.score)).collect();
    assert_eq!(ids, [("a.ftl#x", 100)]);
    let found = memory.lookup("d.ftl#q", &en("Select the customer."));
    assert_eq!(found.len(), 1);
    assert_eq!(memory.tus[found[0].tu].id, "a.ftl#x");
    assert!((75..100).contains(&found[0].score), "{}", found[0].score);
    // A unit is never its own suggestion.
    assert!(memory.lookup("a.ftl#x", &en("Select a customer.")).is_empty());
    assert_eq!(tm::similarity("abcd", "abcx"), 75);
    assert_eq!(tm::similarity_at_least("abcd", "axyd", 75), None);
    assert_eq!(tm::similarity("abcd", "axyd"), 50);
    assert_eq!(tm::similarity("", ""), 100);
    // Characters, not bytes: one of four differs.
    assert_eq!(tm::similarity("Käse", "Kase"), 75);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The similarity agrees with a plain recursive Levenshtein distance over characters.
    #[test]
    fn similarity_agrees_with_the_definition(a in "[abä ]{0,7}", b in "[abä ]{0,7}", min in 0u32..=100) {
        fn distance(a: &[char], b: &[char]) -> usize {
            match (a.split_first(), b.split_first()) {
                (None, _) => b.len(),
                (_, None) => a.len(),
                (Some((x, ra)), Some((y, rb))) => {
                    let replace = distance(ra, rb) + usize::from(x != y);
                    replace.min(distance(ra, b) + 1).min(distance(a, rb) + 1)
                }
            }
        }
        let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let long = ca.len().max(cb.len());
        let full = ((long - distance(&ca, &cb)) * 100).checked_div(long).map_or(100, |s| s as u32);
        prop_assert_eq!(tm::similarity(&a, &b), full);
        prop_assert_eq!(tm::similarity_at_least(&a, &b, min), (full >= min).then_some(full));
    }
}

#[test]
fn tmx_and_alt_trans_carry_reviewed_translations() {
    let en = locale("en-US", &[("a", "one = Select a customer.\ntwo = Select the customer.\n")]);
    let de = locale("de-DE", &[("a", "one = Wählen Sie einen Kunden aus.\n")]);
    let lock = {
        let entry = super::units::entries(&en.files["a"]).into_iter().next().unwrap().1;
        [("a/one".to_string(), super::units::entry_fingerprint(entry).unwrap())]
            .into_iter()
            .collect()
    };
    let xliff = export_xliff(&en, &de, &lock, None, Only::Missing);
    assert!(xliff.contains("<alt-trans match-quality=\"8"), "{xliff}");
    assert!(xliff.contains("origin=\"a.ftl#one\""), "{xliff}");
    assert!(!xliff.contains("a.ftl#one\" resname"), "only missing units: {xliff}");
    let tmx = export_tmx(&en, &de, &lock);
    assert!(tmx.contains("<tu tuid=\"a.ftl#one\">"), "{tmx}");
    assert!(
        tmx.contains("<tuv xml:lang=\"de-DE\"><seg>Wählen Sie einen Kunden aus.</seg></tuv>"),
        "{tmx}"
    );
}

/// The similarity from `strsim`'s textbook Levenshtein distance: the reference the bounded,
/// bit-parallel one must agree with.
fn reference_similarity(a: &str, b: &str) -> u32 {
    let long = a.chars().count().max(b.chars().count());
    let kept = (long - strsim::levenshtein(a, b)) * 100;
    kept.checked_div(long).map_or(100, |s| s as u32)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// The length bound only skips what the threshold would refuse: the same answers as the
    /// distance itself gives.
    #[test]
    fn the_length_bound_never_changes_a_similarity(
        a in "[a-cé ]{0,20}",
        b in "[a-cé ]{0,40}",
        min in 0u32..=100,
    ) {
        let score = reference_similarity(&a, &b);
        prop_assert_eq!(super::tm::similarity_at_least(&a, &b, min), (score >= min).then_some(score));
    }

    /// Texts of a paragraph's length (past one 64-bit word of the bit-parallel algorithm, in
    /// characters of one to four bytes), the second made from the first by a few edits so
    /// that scores near every threshold occur: the same answers as the textbook distance.
    #[test]
    fn the_bounded_distance_agrees_with_the_textbook_one_on_long_texts(
        a in "[a-dé 中文😀]{0,300}",
        edits in proptest::collection::vec((0usize..400, 0u8..3, "[a-dé 中😀]"), 0..60),
        min in 0u32..=100,
    ) {
        let mut b: Vec<char> = a.chars().collect();
        for (at, kind, c) in edits {
            let c = c.chars().next().unwrap();
            let at = at % (b.len() + 1);
            match kind {
                0 => b.insert(at, c),
                1 if at < b.len() => { b.remove(at); }
                _ if at < b.len() => b[at] = c,
                _ => b.push(c),
            }
        }
        let b: String = b.into_iter().collect();
        let score = reference_similarity(&a, &b);
        prop_assert_eq!(super::tm::similarity_at_least(&a, &b, min), (score >= min).then_some(score));
        prop_assert_eq!(super::tm::similarity(&b, &a), score);
    }
}
