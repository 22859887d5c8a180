//! Translations made from older English: stale segments and blocks of an earlier revision.

use super::*;

/// A translation made from older English (the real de-DE seed, `tests/fixtures/import/stale`)
/// lands on the message whose English it was made from: for every message the import marks
/// stale, `l10n.reviewed` holds the English its lock entry was made from, that English is a
/// run of the seed's English halves, and the imported translation is the translation halves
/// of the same run. `l10n status --diff` then shows the word diff to the current English.
#[test]
fn stale_segments_land_on_their_message_with_the_english_they_were_made_from() {
    let dir = shipped_project();
    let _ = std::fs::remove_file(dir.path().join("locales/de-DE/l10n.lock"));
    let files = inputs(&repo().join("tests/fixtures/import/stale"));
    assert_eq!(files.len(), 1, "the fixture is one DocFX file");
    let (ws, report) = import_into(dir.path(), &files);
    assert!(report.diags.iter().all(|d| !d.is_error()), "{}", render(&report));
    let stale = stale_ids(dir.path(), "de-DE", "remove-a-relationship");
    assert_eq!(stale.len(), report.files[0].stale);
    assert!(stale.len() >= 3, "the seed's English is older: {stale:?}");
    let reviewed =
        drillbook::l10n::reviewed::parse_reviewed(&ws.files["locales/de-DE/l10n.reviewed"]);
    let (lock, _) =
        drillbook::l10n::lock::parse_lock("l10n.lock", &ws.files["locales/de-DE/l10n.lock"]);
    let en = &ws.files["locales/en-US/remove-a-relationship.ftl"];
    let de = &ws.files["locales/de-DE/remove-a-relationship.ftl"];
    let pairs = sxs_pairs(&files[0].source);
    let mut pinned = String::new();
    for id in &stale {
        let print = &lock[&format!("remove-a-relationship/{id}")];
        let record =
            reviewed.get(print).unwrap_or_else(|| panic!("no reviewed English for `{id}`"));
        let old = resolve_terms(
            record.strip_prefix(&format!("{id} = ")).expect("a one-line record"),
            EN_TERMS,
        );
        let now = resolve_terms(&message_line(en, id), EN_TERMS);
        assert_ne!(flat(&old), flat(&now), "{id} is stale, so its English changed");
        let translation = resolve_terms(&message_line(de, id), DE_TERMS);
        // The run of segments whose English halves make up the reviewed English…
        let run = (0..pairs.len())
            .flat_map(|i| (i + 1..=pairs.len()).map(move |j| (i, j)))
            .find(|&(i, j)| flat(&join(&pairs[i..j], |p| &p.1)) == flat(&old))
            .unwrap_or_else(|| panic!("`{id}`: `{old}` is not English of the seed"));
        // …carries exactly the translation imported for this message.
        assert_eq!(
            flat(&join(&pairs[run.0..run.1], |p| &p.0)),
            flat(&translation),
            "`{id}` got another segment's translation"
        );
        pinned.push_str(&format!(
            "{id}\n  made from: {old}\n  now:       {now}\n  de-DE:     {translation}\n"
        ));
    }
    golden("stale/de-DE.txt", &pinned);
    // `l10n status --diff` shows what changed, from the reviewed English the import recorded.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_drillbook"))
        .arg("--root")
        .arg(dir.path())
        .args(["l10n", "status", "--diff", "--locale", "de-DE"])
        .output()
        .expect("run l10n status");
    let stdout = String::from_utf8_lossy(&out.stdout);
    for id in &stale {
        let detail = stdout
            .split(&format!("\nde-DE remove-a-relationship/{id}\n"))
            .nth(1)
            .unwrap_or_else(|| panic!("no detail for `{id}`:\n{stdout}"));
        assert!(detail.starts_with("  reviewed English: "), "{detail}");
        assert!(detail.lines().nth(2).is_some_and(|l| l.starts_with("  changes:")), "{detail}");
    }
}

const EN_TERMS: &[(&str, &str)] = &[
    ("{ -ui-customers }", "Customers"),
    ("{ -ui-subscriptions }", "Subscriptions"),
    ("{ -ui-suspended }", "Suspended"),
    ("{ -ui-account }", "Account"),
    ("{ -ui-remove-reseller-relationship }", "Remove reseller relationship"),
];
const DE_TERMS: &[(&str, &str)] = &[
    ("{ -ui-customers }", "Kunden"),
    ("{ -ui-subscriptions }", "Abonnements"),
    ("{ -ui-suspended }", "Angehalten"),
    ("{ -ui-account }", "Konto"),
    ("{ -ui-remove-reseller-relationship }", "Resellerbeziehung entfernen"),
];

fn resolve_terms(text: &str, terms: &[(&str, &str)]) -> String {
    terms.iter().fold(text.to_string(), |t, (term, value)| t.replace(term, value))
}

/// The one-line value of message `id` in an FTL source.
fn message_line(ftl: &str, id: &str) -> String {
    ftl.lines()
        .find_map(|l| l.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("no one-line `{id}`"))
        .to_string()
}

/// `hololens-licenses-requirements` (real): de-DE and ru-RU were translated from English
/// revision 2f7af532…, which shares one segment with the newest (nl-NL) English. Their
/// translations are kept as one `earlier` block with that revision's English, each message
/// carrying the translation of its own segments, shown only on the de-DE and ru-RU pages.
#[test]
fn a_translation_of_an_earlier_revision_is_kept_as_an_earlier_block_in_its_locales() {
    let dir = shipped_project();
    let hololens = corpus().join("hololens");
    let files: Vec<_> = ["nl-NL", "de-DE", "ru-RU"]
        .iter()
        .flat_map(|l| inputs(&hololens.join(l)))
        .filter(|i| i.path.ends_with("/hololens-licenses-requirements.md"))
        .collect();
    assert_eq!(files.len(), 3);
    let (ws, report) = import_into(dir.path(), &files);
    assert!(report.diags.iter().all(|d| !d.is_error()), "{}", render(&report));
    let earlier: Vec<_> = report
        .diags
        .iter()
        .filter(|d| d.code == "earlier-revision")
        .map(|d| d.path.clone())
        .collect();
    assert_eq!(
        earlier,
        ["hololens/de-DE/hololens-licenses-requirements.md"],
        "one block, made once"
    );
    for f in &report.files {
        assert_eq!(f.unaligned, 0, "{f:?}");
    }
    let toml = &ws.files["content/articles/hololens-licenses-requirements.toml"];
    assert_eq!(toml.matches("[body.earlier]").count(), 1, "{toml}");
    assert!(toml.contains("revision = \"2f7af532d2172dcaa6514ee11dbb0d6ab5631929\""));
    let en = &ws.files["locales/en-US/hololens-licenses-requirements.ftl"];
    for (locale, file) in [("de-DE", &files[1]), ("ru-RU", &files[2])] {
        let ftl = &ws.files[&format!("locales/{locale}/hololens-licenses-requirements.ftl")];
        let pairs = sxs_pairs(&file.source);
        let (mut checked, mut total) = (0, 0);
        for id in ftl
            .lines()
            .filter_map(|l| l.split(" = ").next())
            .filter(|id| id.starts_with("earlier-"))
        {
            total += 1;
            let (Some(english), Some(translation)) = (one_line(en, id), one_line(ftl, id)) else {
                continue;
            };
            let run = (0..pairs.len())
                .flat_map(|i| (i + 1..=pairs.len()).map(move |j| (i, j)))
                .find(|&(i, j)| flat(&join(&pairs[i..j], |p| &p.1)) == flat(&english));
            if run.is_none() {
                eprintln!("{locale} `{id}` unchecked: {english}");
            }
            if let Some((i, j)) = run {
                checked += 1;
                assert_eq!(
                    flat(&join(&pairs[i..j], |p| &p.0)),
                    flat(&translation),
                    "{locale} `{id}` got another segment's translation"
                );
            }
        }
        assert!(total >= 20 && checked == total, "{locale}: {checked} of {total} checked");
    }
    // Imported again: nothing changes (the files align to the block now).
    let mut again = load_workspace(dir.path()).expect("load");
    import_docfx(&mut again, &files, &Options::default());
    assert!(again.changed().is_empty(), "{:?}", again.changed());
    // Built: the block shows in de-DE and ru-RU only, under its note.
    support::drop_broken_translations(dir.path());
    let out = dir.path().join("out");
    let built = support::drillbook(
        dir.path(),
        &[
            "--root",
            &dir.path().to_string_lossy(),
            "build",
            "--no-search",
            "--out",
            &out.to_string_lossy(),
        ],
    );
    assert_eq!(built.code, 0, "{}", built.stderr);
    for (locale, shown) in [("en-US", false), ("nl-NL", false), ("de-DE", true), ("ru-RU", true)] {
        let page = std::fs::read_to_string(
            out.join(locale).join("hololens-licenses-requirements/index.html"),
        )
        .expect("the page");
        assert_eq!(page.contains("class=\"earlier-revision\""), shown, "{locale}");
    }
    // Checked: the locales shown the block are told, once, that their page is of an earlier
    // English; nl-NL, which never shows it, is not asked to translate its messages.
    let root = dir.path().to_string_lossy();
    let checked = support::drillbook(dir.path(), &["--root", &root, "check"]);
    let said = |code: &str, file: &str| {
        checked.stdout.lines().filter(|l| l.starts_with(file) && l.contains(code)).count()
    };
    for (locale, shown) in [("nl-NL", false), ("de-DE", true), ("ru-RU", true)] {
        let file = format!("locales/{locale}/hololens-licenses-requirements.ftl");
        assert_eq!(
            said("warning[earlier-revision]", &file),
            usize::from(shown),
            "{locale}: {}",
            checked.stdout
        );
        let hidden_missing = checked
            .stderr
            .lines()
            .filter(|l| l.starts_with(&file) && l.contains("missing-message"))
            .filter(|l| l.contains("message `earlier-"))
            .count();
        assert_eq!(hidden_missing, 0, "{locale}: {}", checked.stdout);
    }
    assert!(said("missing-message", "locales/de-DE/hololens-licenses-requirements.ftl") > 0);
    // Exported for translation: only the locales that show the block get its messages.
    for (locale, shown) in [("nl-NL", false), ("de-DE", true)] {
        let export = support::drillbook(
            dir.path(),
            &["--root", &root, "l10n", "export", "--locale", locale],
        );
        assert_eq!(export.code, 0, "{}", export.stderr);
        let units = export.stdout.matches("resname=\"earlier-2f7af532-").count();
        assert_eq!(units > 0, shown, "{locale}: {units} units of the earlier block");
    }
}

/// The value of a one-line message `id`, if it is one.
fn one_line(ftl: &str, id: &str) -> Option<String> {
    ftl.lines().find_map(|l| l.strip_prefix(&format!("{id} = "))).map(str::to_string)
}
