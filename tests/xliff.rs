//! `drillbook l10n export` / `l10n import` (XLIFF 1.2, TMX 1.4) on temp copies of the shipped
//! project and of the imported DocFX corpus: round trips, refusals, reviews, real readers.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use drillbook::xliff::codes::{Seg, flatten, normalize};
use drillbook::xliff::read::{Piece, ReadUnit, read};
use proptest::prelude::*;
use support::import::{corpus, import_into, inputs};
use support::{copy_dir, drillbook, edit, repo, shipped_project, tree};

const LOCALES: [&str; 5] = ["de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"];

fn export(dir: &Path, locale: &str, extra: &[&str]) -> String {
    let out = dir.join(format!("{locale}.xlf"));
    let out_s = out.to_str().unwrap();
    let mut args = vec!["l10n", "export", "--locale", locale, "--out", out_s];
    args.extend_from_slice(extra);
    let run = drillbook(dir, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::read_to_string(out).unwrap()
}

fn units(xliff: &str) -> Vec<ReadUnit> {
    read("x.xlf", xliff).expect("drillbook reads its own export")
}

/// The project tree without the exported files.
fn project_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut t = tree(dir);
    t.retain(|k, _| k.starts_with("locales/") || k.starts_with("content/"));
    t
}

/// A temp copy of the shipped project with the DocFX corpus imported (made once).
fn corpus_project() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = shipped_project();
        import_into(dir.path(), &inputs(&corpus().join("docfx")));
        dir
    })
}

fn copy_of(src: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&src.join("content"), &dir.path().join("content"));
    copy_dir(&src.join("locales"), &dir.path().join("locales"));
    dir
}

/// Inserts `suffix` (XML) at the end of unit `id`'s target.
fn append_to_target(xliff: &str, id: &str, suffix: &str) -> String {
    let at = xliff.find(&format!("<trans-unit id=\"{id}\"")).expect("unit exported");
    let end = at + xliff[at..].find("</target>").expect("unit has a target");
    format!("{}{suffix}{}", &xliff[..end], &xliff[end..])
}

/// Flattened value and attributes of every message and term of an `.ftl` text.
fn messages(ftl: &str) -> BTreeMap<String, Vec<Seg>> {
    let resource = fluent_syntax::parser::parse(ftl).expect("the file parses");
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            fluent_syntax::ast::Entry::Message(m) => {
                (m.id.name.to_string(), m.value.as_ref(), &m.attributes)
            }
            fluent_syntax::ast::Entry::Term(t) => {
                (format!("-{}", t.id.name), Some(&t.value), &t.attributes)
            }
            _ => continue,
        };
        if let Some(v) = value {
            out.entry(id.clone()).or_insert_with(|| normalize(flatten(v)));
        }
        for a in attributes {
            out.entry(format!("{id}.{}", a.id.name))
                .or_insert_with(|| normalize(flatten(&a.value)));
        }
    }
    out
}

/// Whether a target has the source's codes (in any order; with a select, the same set).
fn codes_agree(source: &[Piece], target: &[Piece]) -> bool {
    let codes = |pieces: &[Piece]| {
        let mut c: Vec<String> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Code { content, .. } => Some(content.clone()),
                Piece::Text(_) => None,
            })
            .collect();
        c.sort();
        c
    };
    let (s, t) = (codes(source), codes(target));
    let select = |c: &[String]| c.iter().any(|c| c.ends_with("->"));
    if select(&s) || select(&t) {
        let set = |c: &[String]| {
            c.iter()
                .filter(|c| !c.ends_with("->") && !c.ends_with(']') && *c != "}")
                .cloned()
                .collect::<std::collections::BTreeSet<_>>()
        };
        set(&s) == set(&t)
    } else {
        s == t
    }
}

fn comments(ftl: &str) -> Vec<&str> {
    ftl.lines().filter(|l| l.starts_with('#')).collect()
}

/// (project, locale, units to edit as fractions of the unit list, suffix) for the round trip.
fn edits() -> impl Strategy<Value = (bool, usize, Vec<f64>, usize)> {
    (any::<bool>(), 0..LOCALES.len(), proptest::collection::vec(0.0..1.0f64, 0..4), 0..4usize)
}

/// Suffixes appended to targets: plain, with XML entities, with Fluent braces, with a
/// trailing space.
const SUFFIXES: [(&str, &str); 4] =
    [(" ✓", " ✓"), (" &amp; co &lt;b&gt;", " & co <b>"), (" {x}", " {x}"), (" end ", " end ")];

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    /// Export, edit some targets (or none), import: files without edits are byte-identical,
    /// edited files keep every comment and every other message, the edited ones read back
    /// as edited, and importing the same file again changes nothing.
    #[test]
    fn export_import_round_trip((corpus, locale, picks, suffix) in edits()) {
        let base = if corpus { corpus_project().path().to_path_buf() } else { repo() };
        let dir = copy_of(&base);
        let locale = LOCALES[locale];
        let before = project_tree(dir.path());
        let xliff = export(dir.path(), locale, &[]);
        let all = units(&xliff);
        // Units whose translation has the English's codes (the import refuses the others,
        // which the import corpus has: a UI term written as plain text).
        let with_target: Vec<&ReadUnit> = all
            .iter()
            .filter(|u| u.target.as_ref().is_some_and(|t| !t.is_empty() && codes_agree(&u.source, t)))
            .collect();
        prop_assert!(!with_target.is_empty());
        let mut chosen: Vec<&ReadUnit> = picks.iter().map(|f| with_target[(f * with_target.len() as f64) as usize]).collect();
        chosen.sort_by(|a, b| a.id.cmp(&b.id));
        chosen.dedup_by(|a, b| a.id == b.id);
        let (xml_suffix, text_suffix) = SUFFIXES[suffix];
        let mut edited = xliff.clone();
        for unit in &chosen {
            edited = append_to_target(&edited, &unit.id, xml_suffix);
        }
        let file = dir.path().join("edited.xlf");
        std::fs::write(&file, &edited).unwrap();
        let run = drillbook(dir.path(), &["l10n", "import", file.to_str().unwrap()]);
        prop_assert_eq!(run.code, 0, "{}", run.stderr);
        let after = project_tree(dir.path());
        let touched: BTreeMap<String, Vec<&ReadUnit>> = chosen.iter().fold(BTreeMap::new(), |mut m, u| {
            let (scope, _) = u.id.split_once(".ftl#").unwrap();
            m.entry(format!("locales/{locale}/{scope}.ftl")).or_insert_with(Vec::new).push(*u);
            m
        });
        prop_assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>());
        for (path, bytes) in &before {
            let Some(units) = touched.get(path) else {
                prop_assert!(&after[path] == bytes, "{} changed without an edit", path);
                continue;
            };
            let (old, new) = (String::from_utf8_lossy(bytes), String::from_utf8_lossy(&after[path]));
            prop_assert_eq!(comments(&old), comments(&new), "comments of {}", path);
            let (mut old_m, new_m) = (messages(&old), messages(&new));
            for unit in units {
                let key = unit.id.split_once('#').unwrap().1.to_string();
                let segs = old_m.get_mut(&key).expect("edited unit was translated");
                segs.push(Seg::Text(text_suffix.to_string()));
                *segs = normalize(std::mem::take(segs));
            }
            prop_assert_eq!(&old_m, &new_m, "{}:\n{}", path, new);
        }
        let again = drillbook(dir.path(), &["l10n", "import", file.to_str().unwrap()]);
        prop_assert_eq!(again.code, 0, "{}", again.stderr);
        prop_assert!(project_tree(dir.path()) == after, "a second import changed files");
    }
}

#[test]
fn unedited_exports_import_to_identical_files_in_every_locale_and_corpus() {
    for base in [repo(), corpus_project().path().to_path_buf()] {
        let dir = copy_of(&base);
        let before = project_tree(dir.path());
        for locale in LOCALES {
            for only in ["all", "stale", "missing"] {
                let xliff = export(dir.path(), locale, &["--only", only]);
                assert!(xliff.contains("<xliff version=\"1.2\""));
                let file = dir.path().join(format!("{locale}.xlf"));
                let run = drillbook(dir.path(), &["l10n", "import", file.to_str().unwrap()]);
                assert_eq!(run.code, 0, "{}", run.stderr);
                assert!(run.stdout.contains("0 translation(s) written"), "{}", run.stdout);
            }
        }
        assert!(project_tree(dir.path()) == before);
    }
}

#[test]
fn mismatched_codes_are_refused_with_positions_and_that_file_is_left_alone() {
    let dir = shipped_project();
    let before = project_tree(dir.path());
    let xliff = export(dir.path(), "de-DE", &[]);
    // One good edit in checklist.ftl, one unit in sim.ftl with a placeable dropped.
    let good = append_to_target(&xliff, "checklist.ftl#checklist-intro", " Danke.");
    let target = "<target state=\"translated\">In diesem Szenario";
    assert!(good.contains(target));
    let bad_unit = "sim.ftl#sim-confirm-title";
    let at = good.find(&format!("<trans-unit id=\"{bad_unit}\"")).unwrap();
    let at = at + good[at..].find("<target").unwrap();
    let ph = at
        + good[at..].find("<ph id=\"1\" ctype=\"x-fluent-placeable\">{ $customer }</ph>").unwrap();
    let bad = format!(
        "{}{}",
        &good[..ph],
        &good[ph + "<ph id=\"1\" ctype=\"x-fluent-placeable\">{ $customer }</ph>".len()..]
    );
    let file = dir.path().join("bad.xlf");
    std::fs::write(&file, &bad).unwrap();
    let run = drillbook(dir.path(), &["l10n", "import", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let unit_at = bad.find(&format!("<trans-unit id=\"{bad_unit}\"")).unwrap();
    let target_at = unit_at + bad[unit_at..].find("<target").unwrap();
    let line = bad[..target_at].matches('\n').count() + 1;
    let expected = format!(
        "{}:{line}:9: error[xliff-unit]: `{bad_unit}`: placeables or inline codes do not match the English (English: `{{ $customer }}`; target: none); nothing written to sim.ftl",
        file.display()
    );
    assert!(run.stderr.contains(&expected), "expected\n{expected}\nin\n{}", run.stderr);
    let after = project_tree(dir.path());
    assert!(after["locales/de-DE/sim.ftl"] == before["locales/de-DE/sim.ftl"]);
    let checklist = String::from_utf8(after["locales/de-DE/checklist.ftl"].clone()).unwrap();
    assert!(checklist.contains("nur in diesem Browser gespeichert. Danke.\n"), "{checklist}");
}

#[test]
fn reviews_are_recorded_only_for_final_units() {
    let dir = shipped_project();
    // Two stale German translations: their English changed.
    for (from, to) in [
        ("in this browser only.", "in this browser only, nowhere else."),
        ("checklist-customer = Customer", "checklist-customer = Customer name"),
    ] {
        edit(dir.path(), "locales/en-US/checklist.ftl", from, to);
    }
    let lock_before = std::fs::read_to_string(dir.path().join("locales/de-DE/l10n.lock")).unwrap();
    let xliff = export(dir.path(), "de-DE", &["--only", "stale"]);
    // The English the translation was reviewed against, from `l10n.reviewed`.
    assert!(
        xliff.contains("<note from=\"drillbook\">previous English (reviewed): Work through the items in order. Your progress is saved in this browser only.</note>"),
        "{xliff}"
    );
    let ids: Vec<String> = units(&xliff).into_iter().map(|u| u.id).collect();
    assert_eq!(ids, ["checklist.ftl#checklist-intro", "checklist.ftl#checklist-customer"]);
    let edited = xliff
        .replacen("<target state=\"needs-review-translation\">", "<target state=\"final\">", 1)
        .replace("Kunde</target>", "Kundenname</target>");
    let file = dir.path().join("review.xlf");
    std::fs::write(&file, &edited).unwrap();
    let run = drillbook(dir.path(), &["l10n", "import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("1 review(s) recorded"), "{}", run.stdout);
    let lock = std::fs::read_to_string(dir.path().join("locales/de-DE/l10n.lock")).unwrap();
    let changed: Vec<&str> =
        lock.lines().filter(|l| !lock_before.lines().any(|b| b == *l)).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].starts_with("checklist/checklist-intro = "), "{changed:?}");
    // The reviewed English is kept beside the lock, as `l10n accept` keeps it.
    let print = changed[0].split(" = ").nth(1).unwrap();
    let kept = std::fs::read_to_string(dir.path().join("locales/de-DE/l10n.reviewed")).unwrap();
    assert!(
        kept.contains(&format!("== {print}\nchecklist-intro = Work through the items in order. Your progress is saved in this browser only, nowhere else.\n")),
        "{kept}"
    );
    // The other one was written but is still stale.
    let stale = export(dir.path(), "de-DE", &["--only", "stale"]);
    let ids: Vec<String> = units(&stale).into_iter().map(|u| u.id).collect();
    assert_eq!(ids, ["checklist.ftl#checklist-customer"]);
    assert!(stale.contains(">Kundenname</target>"));
}

/// Runs `tests/xliff/readers.py`. A missing translate-toolkit or moz-l10n fails the test:
/// `scripts/test.sh` installs them, and a run without them proves nothing.
fn readers(args: &[&str]) -> String {
    let script = repo().join("tests/xliff/readers.py");
    let out = Command::new("python3").arg(&script).args(args).output().expect("python3 runs");
    assert!(
        out.status.success(),
        "tests/xliff/readers.py {args:?} failed (are translate-toolkit and moz-l10n installed? \
         `bash scripts/test.sh` installs them, or `python3 -m pip install translate-toolkit \
         moz-l10n`):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn source_codes(unit: &ReadUnit) -> Vec<String> {
    unit.source
        .iter()
        .filter_map(|p| match p {
            Piece::Code { content, .. } => Some(content.clone()),
            Piece::Text(_) => None,
        })
        .collect()
}

#[test]
fn translate_toolkit_and_moz_l10n_read_the_export_and_a_toolkit_edit_imports_back() {
    let dir = shipped_project();
    // A stale unit, so that the final state is recorded.
    edit(
        dir.path(),
        "locales/en-US/sim.ftl",
        "sim-confirm-title = Remove",
        "sim-confirm-title = Really remove",
    );
    for locale in ["de-DE", "ru-RU", "zh-CN"] {
        let xliff = export(dir.path(), locale, &[]);
        let ours = units(&xliff);
        let file = dir.path().join(format!("{locale}.xlf"));
        let parsed: serde_json::Value =
            serde_json::from_str(&readers(&["parse", file.to_str().unwrap()])).unwrap();
        let ids: Vec<&str> = ours.iter().map(|u| u.id.as_str()).collect();
        assert!(ids.len() > 200, "{}", ids.len());
        for reader in ["translate-toolkit", "moz-l10n"] {
            let theirs: Vec<&str> = parsed[reader]["ids"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(theirs, ids, "{reader}: unit ids");
            for unit in &ours {
                let codes: Vec<String> = parsed[reader]["codes"][&unit.id]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect();
                assert_eq!(codes, source_codes(unit), "{reader}: codes of {}", unit.id);
            }
        }
        let with_target = ours.iter().filter(|u| u.target.is_some()).count();
        assert_eq!(parsed["moz-l10n"]["targets"], with_target);
        assert!(ours.iter().any(|u| !source_codes(u).is_empty()));
    }
    // translate-toolkit edits a target with placeables and marks it final.
    let before = std::fs::read_to_string(dir.path().join("locales/de-DE/sim.ftl")).unwrap();
    let src = dir.path().join("de-DE.xlf");
    let edited = dir.path().join("de-DE.edited.xlf");
    readers(&[
        "edit",
        src.to_str().unwrap(),
        edited.to_str().unwrap(),
        "sim.ftl#sim-confirm-title",
        " (endgültig)",
    ]);
    let run = drillbook(dir.path(), &["l10n", "import", edited.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("1 translation(s) written to 1 file(s), 1 review(s) recorded"),
        "{}",
        run.stdout
    );
    let after = std::fs::read_to_string(dir.path().join("locales/de-DE/sim.ftl")).unwrap();
    let (old, new) = (messages(&before), messages(&after));
    let mut expected = old.clone();
    let title = expected.get_mut("sim-confirm-title").unwrap();
    title.push(Seg::Text(" (endgültig)".into()));
    *title = normalize(std::mem::take(title));
    assert_eq!(new, expected);
    // Reviewed: `check` no longer finds the German stale (the other locales still are).
    let check = drillbook(dir.path(), &["check"]);
    let report = format!("{}{}", check.stdout, check.stderr);
    assert!(report.contains("`sim-confirm-title` is stale in ru-RU"), "{report}");
    assert!(!report.contains("`sim-confirm-title` is stale in de-DE"), "{report}");
}

/// Characters XML 1.0 cannot hold (C0 controls, U+FFFE, U+FFFF), raw or as Fluent escapes, in
/// the English and in a translation: `check` rejects them, but the export must still be a
/// document every reader parses (each such character is a code of its own, the string
/// literal that stands for it), and importing it back changes nothing.
#[test]
fn characters_xml_cannot_hold_are_exported_as_codes_that_real_readers_parse() {
    let dir = shipped_project();
    edit(
        dir.path(),
        "locales/en-US/sim.ftl",
        "sim-confirm-title = Remove",
        "sim-confirm-title = Re\u{1}move{ \"\\uFFFE\" }\u{FFFF}",
    );
    edit(
        dir.path(),
        "locales/de-DE/sim.ftl",
        "sim-confirm-title = Resellerbeziehung",
        "sim-confirm-title = Reseller\u{1B}beziehung{ \"\\u0008\" }",
    );
    let before = project_tree(dir.path());
    let xliff = export(dir.path(), "de-DE", &[]);
    let unit = units(&xliff).into_iter().find(|u| u.id == "sim.ftl#sim-confirm-title").unwrap();
    assert_eq!(
        source_codes(&unit),
        [r#"{ "\u0001" }"#, r#"{ "\uFFFE" }"#, r#"{ "\uFFFF" }"#, "{ $customer }"]
    );
    let target = unit.target.as_ref().expect("translated");
    let codes: Vec<&str> = (target.iter())
        .filter_map(|p| match p {
            Piece::Code { content, .. } => Some(content.as_str()),
            Piece::Text(_) => None,
        })
        .collect();
    assert_eq!(codes, [r#"{ "\u001B" }"#, r#"{ "\u0008" }"#, "{ $customer }"]);
    // translate-toolkit (lxml) and moz-l10n parse it, and see the same codes.
    let file = dir.path().join("de-DE.xlf");
    let parsed: serde_json::Value =
        serde_json::from_str(&readers(&["parse", file.to_str().unwrap()])).unwrap();
    for reader in ["translate-toolkit", "moz-l10n"] {
        let theirs = &parsed[reader]["codes"]["sim.ftl#sim-confirm-title"];
        assert_eq!(theirs, &serde_json::json!(source_codes(&unit)), "{reader}");
    }
    let run = drillbook(dir.path(), &["l10n", "import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("0 translation(s) written"), "{}", run.stdout);
    assert!(project_tree(dir.path()) == before);
    // The translation's characters are check's errors, each at its place.
    let check = drillbook(dir.path(), &["check", "--locale", "de-DE"]);
    let report = format!("{}{}", check.stdout, check.stderr);
    for expected in [
        "sim.ftl:85:29: error[unsafe-text]: U+001B is a control character; remove it",
        r#"sim.ftl:85:42: error[unsafe-text]: `\u0008` is U+0008, a control character; remove it"#,
    ] {
        assert!(report.contains(expected), "{expected}\nnot in\n{report}");
    }
}

#[test]
fn a_missing_message_filled_in_translate_toolkit_lands_after_its_english_predecessor() {
    let dir = shipped_project();
    let intro = "checklist-intro = Arbeiten Sie die Punkte der Reihe nach ab. Ihr Fortschritt wird nur in diesem Browser gespeichert.\n";
    edit(dir.path(), "locales/de-DE/checklist.ftl", intro, "");
    let before = std::fs::read_to_string(dir.path().join("locales/de-DE/checklist.ftl")).unwrap();
    let xliff = export(dir.path(), "de-DE", &["--only", "missing"]);
    let ids: Vec<String> = units(&xliff).into_iter().map(|u| u.id).collect();
    assert_eq!(ids, ["checklist.ftl#checklist-intro"]);
    let src = dir.path().join("de-DE.xlf");
    let edited = dir.path().join("de-DE.edited.xlf");
    // The toolkit starts from the English (an empty target) and appends the text.
    readers(&[
        "edit",
        src.to_str().unwrap(),
        edited.to_str().unwrap(),
        "checklist.ftl#checklist-intro",
        " (übersetzt)",
    ]);
    let run = drillbook(dir.path(), &["l10n", "import", edited.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = std::fs::read_to_string(dir.path().join("locales/de-DE/checklist.ftl")).unwrap();
    let expected = before.replacen(
        "checklist-title = Checkliste: { $article }\n",
        "checklist-title = Checkliste: { $article }\nchecklist-intro = Work through the items in order. Your progress is saved in this browser only. (übersetzt)\n",
        1,
    );
    assert_eq!(after, expected);
}

#[test]
fn translate_toolkit_reads_the_tmx_memory() {
    let dir = shipped_project();
    let tmx_path = dir.path().join("de.tmx");
    let run = drillbook(
        dir.path(),
        &[
            "l10n",
            "export",
            "--locale",
            "de-DE",
            "--format",
            "tmx",
            "--out",
            tmx_path.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let xliff = export(dir.path(), "de-DE", &[]);
    let reviewed: Vec<String> = units(&xliff)
        .into_iter()
        .filter(|u| u.state.as_deref() == Some("translated"))
        .map(|u| u.id)
        .collect();
    let parsed: serde_json::Value =
        serde_json::from_str(&readers(&["tmx", tmx_path.to_str().unwrap()])).unwrap();
    assert_eq!(parsed["count"], reviewed.len());
    let ids: Vec<&str> =
        parsed["ids"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(ids, reviewed);
    let sources = parsed["sources"].as_array().unwrap();
    assert!(
        sources.iter().any(|s| s.as_str().unwrap().contains("{ $article }")),
        "placeables kept"
    );
}

#[test]
fn corpus_missing_and_stale_messages_get_suggestions() {
    let dir = copy_of(corpus_project().path());
    let run = drillbook(dir.path(), &["l10n", "status", "--suggest"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut total = (0, 0);
    for locale in LOCALES {
        let line = run
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{locale}: ")) && l.ends_with("have a suggestion"))
            .unwrap_or_else(|| panic!("no summary for {locale}:\n{}", run.stdout));
        let nums: Vec<usize> = line.split(' ').filter_map(|w| w.parse().ok()).collect();
        total = (total.0 + nums[0], total.1 + nums[1]);
    }
    eprintln!("corpus: {} of {} missing or stale messages have a suggestion", total.0, total.1);
    assert!(total.1 > 0 && total.0 > 0 && total.0 <= total.1, "{total:?}");
    // Every suggestion line carries a score of at least 75 %.
    let scores: Vec<u32> = run
        .stdout
        .lines()
        .filter_map(|l| l.split("): ").nth(1)?.split('%').next()?.parse().ok())
        .collect();
    assert!(!scores.is_empty() && scores.iter().all(|s| (75..=100).contains(s)), "{scores:?}");
    // The export offers the same matches as alt-trans.
    let xliff = export(dir.path(), "de-DE", &["--only", "stale"]);
    assert!(xliff.contains("<alt-trans match-quality=\""), "{xliff}");
}
