//! The check run locale by locale (what the streaming `build` does, with only one translated
//! locale's article files loaded at a time) finds what the whole check finds, and the same
//! status; a summary made after a locale's turn still counts in that locale's status.

#[path = "support/fixture.rs"]
mod fixture;

use drillbook::check::{self, Input, Run};

/// An external article linked first (and only) from the German translation, a stale German
/// message, a missing Swedish one and a Swedish markup error.
const SITE: &str = "\
-- content/site.toml
title = \"site-title\"
base-url = \"https://x.example/\"
default-locale = \"en-US\"
locales = [\"en-US\", \"de-DE\", \"sv-SE\"]
external-article-url = \"https://learn.example/{locale}/{article}\"
-- content/articles/a.toml
title = \"a-title\"
description = \"a-description\"
topic = \"customers\"
[[body]]
paragraph = \"intro\"
[[body]]
paragraph = \"more\"
-- locales/en-US/site.ftl
site-title = Site
-- locales/en-US/a.ftl
a-title = Title
a-description = Description
intro = Read the intro.
more = Select **Save**.
-- locales/de-DE/site.ftl
site-title = Seite
-- locales/de-DE/a.ftl
a-title = Titel
a-description = Beschreibung
intro = Lesen Sie [die Einführung](elsewhere.md).
more = Wählen Sie **Speichern**.
-- locales/de-DE/l10n.lock
-- locales/sv-SE/site.ftl
site-title = Webbplats
-- locales/sv-SE/a.ftl
a-title = Rubrik
a-description = Beskrivning
more = Välj **Spara.
";

#[test]
fn locale_by_locale_finds_what_the_whole_check_finds() {
    let files = fixture::parse_fixture(SITE);
    let (l10n, site, data) = fixture::build(&files);
    let site = site.expect("the fixture has content");
    let input = Input { l10n: &l10n, site: Some(&site), data: &data };
    let (mut whole, whole_status) = check::findings_and_status(&input);

    let mut run = Run::new(Some(&site), &l10n);
    for locale in ["en-US", "de-DE", "sv-SE"] {
        run.locale(&l10n, &data, locale);
    }
    let (mut streamed, streamed_status) = run.finish(&l10n, &data);

    let key = |f: &check::Finding| format!("{:?}", f);
    whole.sort_by_cached_key(key);
    streamed.sort_by_cached_key(key);
    assert_eq!(whole, streamed);
    assert_eq!(whole_status, streamed_status);

    let codes: Vec<(&str, &str)> = whole.iter().map(|f| (f.diag.code, f.locale.as_str())).collect();
    for expected in [
        ("external-article", "de-DE"),
        ("stale", "de-DE"),
        ("missing-message", "sv-SE"),
        ("markup-mismatch", "sv-SE"),
    ] {
        assert!(codes.contains(&expected), "{expected:?} in {codes:?}");
    }
    // The external-article summary is made after every locale's links are in, yet it is
    // on the German dashboard, counted with the stale message in scope `a`.
    let de = &whole_status.locales["de-DE"].scopes["a"];
    let de_codes: Vec<&str> = de.diagnostics.iter().map(|d| d.code).collect();
    assert!(de_codes.contains(&"external-article"), "{de_codes:?}");
    assert_eq!(de.stale, 4, "{:?}", de.stale_ids);
    assert_eq!(whole_status.locales["de-DE"].total.stale, de.stale + 1, "site-title too");
    let sv = &whole_status.locales["sv-SE"].scopes["a"];
    assert_eq!((sv.missing, sv.errors), (1, 1));
}

#[test]
fn stale_ids_of_one_locale_match_the_whole_pass() {
    let files = fixture::parse_fixture(SITE);
    let (l10n, site, data) = fixture::build(&files);
    let input = Input { l10n: &l10n, site: site.as_ref(), data: &data };
    let mut run = Run::new(site.as_ref(), &l10n);
    let mut streamed = std::collections::BTreeMap::new();
    for locale in ["de-DE", "sv-SE"] {
        streamed.extend(run.stale_ids(&l10n, &data, locale));
    }
    assert_eq!(streamed, check::stale_messages(&input));
    assert!(streamed.contains_key(&("de-DE".to_string(), "a".to_string())));
}
