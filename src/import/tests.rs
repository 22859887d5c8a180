use super::*;

#[test]
fn dates_and_handoffs() {
    assert_eq!(iso_date("06/05/2020").as_deref(), Some("2020-06-05"));
    assert_eq!(iso_date("13/05/2020"), None);
    assert_eq!(iso_date("x"), None);
    let doc = DocFx {
        front: docfx::FrontMatter { lasthandoff: Some("07/15/2021".into()), ..Default::default() },
        ..Default::default()
    };
    assert_eq!(handoff_key(&doc), (2021, 7, 15));
}

#[test]
fn front_matter_stand_ins_are_plain_text() {
    assert_eq!(
        plain_text("Offer **Minecraft** in the [Store](https://x.example) `now`"),
        "Offer Minecraft in the Store now"
    );
}

#[test]
fn an_import_that_would_write_a_file_that_does_not_load_writes_nothing() {
    let files: BTreeMap<String, String> = [
        ("locales/en-US/a.ftl", "title = A\n"),
        ("locales/de-DE/b.ftl", "broken\n"),
        ("content/articles/a.toml", "title = \"title\"\n"),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect();
    let mut ws = Workspace::new(files);
    assert_eq!(unloadable(&ws), None, "nothing changed");
    // A file that did not load before is the author's, not the import's.
    ws.set("locales/de-DE/b.ftl", "broken\nmore = B\n".to_string());
    assert_eq!(unloadable(&ws), None);
    ws.set("locales/en-US/a.ftl", "title = A\nearlier-12\u{e9}4-x = X\n".to_string());
    let diag = unloadable(&ws).expect("the changed en-US file does not parse");
    assert_eq!((diag.code, diag.path.as_str()), ("internal", "locales/en-US/a.ftl"));
    assert!(
        diag.message.contains("locales/en-US/a.ftl:2:11: error[ftl-syntax]"),
        "{}",
        diag.message
    );
    ws.set("locales/en-US/a.ftl", "title = A\n".to_string());
    ws.set("locales/de-DE/l10n.lock", "not a lock line\n".to_string());
    assert!(unloadable(&ws).is_some(), "a new lock file that does not load");
    ws.discard_changes();
    assert!(ws.changed().is_empty());
    assert_eq!(ws.get("locales/de-DE/b.ftl"), Some("broken\n"));
}
