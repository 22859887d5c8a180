//! The translation dashboards' rows, bars and filters.

use super::*;

#[test]
fn a_bar_counts_each_message_once_and_fills_its_total() {
    let c = Counts::of(10, 8, 2, 3, 1);
    let b = &c.bar;
    assert_eq!((b.ok, b.stale, b.errors, b.missing), (4, 3, 1, 2));
    assert_eq!(b.ok + b.stale + b.errors + b.missing, b.total);
    // Stale and wrong at once: never more than what is translated.
    let c = Counts::of(4, 2, 2, 2, 2);
    assert_eq!((c.bar.ok, c.bar.stale, c.bar.errors, c.bar.missing), (0, 0, 2, 2));
    assert_eq!(Counts::of(0, 0, 0, 0, 0).percent, 100);
}

#[test]
fn a_changed_word_is_marked_up_without_the_space_after_it() {
    let diff = crate::l10n::reviewed::word_diff("Suspend any active", "Suspend all active");
    let pieces: Vec<(&str, String)> =
        diff.iter().flat_map(pieces).map(|p| (p.kind, p.text)).collect();
    let expected =
        [("", "Suspend "), ("del", "any"), ("", " "), ("ins", "all"), ("", " "), ("", "active")];
    assert_eq!(pieces, expected.map(|(k, t)| (k, t.to_string())));
    // A removed space alone is dropped; an added one stays, unmarked.
    assert!(pieces_of(&Segment::Removed("  ".into())).is_empty());
    assert_eq!(pieces_of(&Segment::Added(" ".into())), vec![("", " ".to_string())]);
}

fn pieces_of(segment: &Segment) -> Vec<(&'static str, String)> {
    pieces(segment).into_iter().map(|p| (p.kind, p.text)).collect()
}

#[test]
fn a_stale_diagnostic_names_its_message_first() {
    let diag = Diagnostic::file(
        Severity::Warning,
        "stale",
        "locales/de-DE/a.ftl",
        "`-ui-x` is stale in de-DE: the English changed".to_string(),
    );
    assert_eq!(stale_id(&diag), Some("-ui-x"));
    let other = Diagnostic { message: "no id here".into(), ..diag };
    assert_eq!(stale_id(&other), None);
}

#[test]
fn filters_pick_the_files_of_their_status() {
    let stale = Counts::of(4, 4, 0, 1, 0);
    let done = Counts::of(4, 4, 0, 0, 0);
    assert!(passes("stale/", &stale) && !passes("stale/", &done));
    assert!(passes("complete/", &done) && !passes("complete/", &stale));
    assert!(!passes("missing/", &stale) && !passes("errors/", &stale));
    assert!(passes("", &stale) && passes("", &done));
}

#[test]
fn every_described_code_has_a_description_in_every_shipped_locale() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for locale in ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"] {
        let text = std::fs::read_to_string(root.join(locale).join("site.ftl")).unwrap();
        for code in DESCRIBED_CODES.iter().copied().chain(["other"]) {
            let id = format!("\ndashboard-code-{code} = ");
            assert!(text.contains(&id), "{locale}/site.ftl lacks dashboard-code-{code}");
        }
    }
}

#[test]
fn described_codes_are_codes_the_checker_knows() {
    for code in DESCRIBED_CODES {
        let known = crate::check::severity::TABLE.iter().any(|(c, ..)| c == code)
            || *code == "label-mismatch";
        assert!(known, "{code}");
    }
}
