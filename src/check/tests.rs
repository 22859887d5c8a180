//! Tests of the checker's parsed model: entry offsets and the locale filter.

use std::collections::BTreeMap;

use super::*;
use crate::l10n::{LocaleFiles, parse_ftl};

fn l10n(files: &[(&str, &str)]) -> L10n {
    let mut locales: Vec<LocaleFiles> = Vec::new();
    for (locale, source) in files {
        let (file, _) = parse_ftl(&format!("locales/{locale}/a.ftl"), source.to_string());
        let mut map = BTreeMap::new();
        map.insert("a".to_string(), file);
        locales.push(LocaleFiles::new(locale, map));
    }
    L10n { locales }
}

#[test]
fn entry_offsets_skip_a_byte_order_mark() {
    // Loading drops the mark, so offsets count from the first real character (as an
    // editor's columns do).
    let l10n = l10n(&[("en-US", "\u{feff}first = 1\n-term = 2\n")]);
    let locales = parse_locales(&l10n);
    let file = &locales[0].files["a"];
    assert!(file.errors.is_empty());
    let entries = file.entries();
    assert_eq!((entries[0].id.as_str(), entries[0].offset), ("first", 0));
    assert_eq!((entries[1].id.as_str(), entries[1].offset), ("-term", 10));
}

#[test]
fn locale_filter_keeps_the_source_locale_and_the_chosen_ones() {
    let l10n = l10n(&[("en-US", "a = A\nb = B\n"), ("de-DE", "a = A2\n"), ("nl-NL", "a = A3\n")]);
    let data = CheckData::default();
    let input = Input { l10n: &l10n, site: None, data: &data };
    let all = findings(&input);
    let kept = filter_locales(all.clone(), "en-US", &["nl-NL".to_string()]);
    assert!(all.iter().any(|f| f.locale == "de-DE"));
    assert!(kept.iter().all(|f| f.locale == "nl-NL" || f.locale == "en-US"));
    assert!(kept.iter().any(|f| f.diag.code == "missing-message" && f.id.as_deref() == Some("b")));
}
