use super::*;

#[test]
fn patch_ftl_replaces_in_place_and_appends() {
    let src = "# c\n\n## G\na = old\nb =\n    multi\n    line\n\nc = keep\n";
    let updates = vec![
        ("b".to_string(), vec![Elem::Text("new".into())]),
        ("d".to_string(), vec![Elem::Text("added".into())]),
    ];
    let out = patch_ftl(Some(src), &updates, "# h\n");
    assert_eq!(
        out,
        "# c\n\n## G\na = old\nb = new\n\nc = keep\nd = added\n"
    );
    assert_eq!(patch_ftl(Some(&out), &updates, "# h\n"), out);
    assert_eq!(
        patch_ftl(None, &updates, "# h\n"),
        "# h\nb = new\nd = added\n"
    );
}

#[test]
fn set_translation_is_in_place_and_idempotent() {
    let src = "title = \"t\"\n\n[[body]]\nparagraph = \"p\"\n";
    let once = set_translation(src, "de-DE", TranslationKind::Machine, Some("abc"));
    assert_eq!(
        once,
        format!("{src}\n[translations.de-DE]\nkind = \"machine\"\nsource-revision = \"abc\"\n")
    );
    let twice = set_translation(&once, "nl-NL", TranslationKind::Human, None);
    let again = set_translation(&twice, "de-DE", TranslationKind::Machine, Some("abc"));
    assert_eq!(again, twice);
}

#[test]
fn dates_and_handoffs() {
    assert_eq!(iso_date("06/05/2020").as_deref(), Some("2020-06-05"));
    assert_eq!(iso_date("13/05/2020"), None);
    assert_eq!(iso_date("x"), None);
}
