//! The shortcuts against the steps they replace, on words like those of real pages and on
//! arbitrary text.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::super::WORD_SYMBOLS;
use super::super::splitting::{
    lowercase_words as reference_lowercase_words, normalize_word, possibly_compound,
};
use super::*;

/// Raw words as pages have them: letters of several scripts and cases, digits, `_`, dots,
/// hyphens, other punctuation, combining marks, emoji and the odd control character.
fn raw_word() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z]{1,6}",
        "[A-Z][a-z]{0,5}",
        "[A-Z]{1,4}",
        "[0-9]{1,4}",
        "[._\\-/,;:!?()\"'#*@\\[\\]{}<>=+&%$~`^|\\\\]{1,2}",
        "[äöüßÄÖÜéèêçñåÅøØ]{1,2}",
        "[а-яА-ЯёЁйЙ]{1,6}",
        "[αβγΣσςΑΒΓ]{1,4}",
        "[\\p{Han}]{1,4}",
        "[ァ-ヺー]{1,5}",
        "[\u{300}-\u{36f}\u{3099}\u{309a}\u{200d}\u{fe0f}]",
        "[İıǅǈẞﬀ]",
        Just("👋".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("1️⃣".to_string()),
        Just("\u{1}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\r".to_string()),
        "\\PC",
    ];
    prop::collection::vec(piece, 1..6).prop_map(|pieces| pieces.concat())
}

#[test]
fn scan_of_common_words() {
    assert_eq!(scan("customer,", &WORD_SYMBOLS), ("customer".to_string(), true));
    assert_eq!(scan("Gerät", &WORD_SYMBOLS), ("gerät".to_string(), false));
    assert_eq!(scan("HoloLens", &WORD_SYMBOLS), ("hololens".to_string(), true));
    assert_eq!(scan("snake_case", &WORD_SYMBOLS), ("snake_case".to_string(), true));
    assert_eq!(scan("İ", &WORD_SYMBOLS), ("i\u{307}".to_string(), false));
    assert_eq!(scan("aΣ", &WORD_SYMBOLS), ("aσ".to_string(), true));
}

/// The remembered properties are the standard library's, for every character.
#[test]
fn properties_are_the_standard_ones() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        // Twice: looked up, then remembered
        for _ in 0..2 {
            let p = properties(c);
            assert_eq!(p & ALPHANUMERIC != 0, c.is_alphanumeric(), "{c:?}");
            assert_eq!(p & UPPERCASE != 0, c.is_uppercase(), "{c:?}");
            assert_eq!(p & LOWERCASE != 0, c.is_lowercase(), "{c:?}");
        }
    }
}

#[test]
fn lowercase_words_of_common_words() {
    let cases = [
        ("customer,", "customer"),
        ("(Partner", "partner"),
        ("re-Sell.Now", "re sell now"),
        ("WKWebVIEWComponent", "wk web view component"),
        ("20H2-Builds", "20 h 2 builds"),
        ("ARM64,", "arm 64"),
        ("HoloLens-Gerät", "holo lens gerät"),
        (
            "vertrauenswürdigenMS-Zertifizierungsstellen",
            "vertrauenswürdigen ms zertifizierungsstellen",
        ),
        ("Ёжик-в-тумане", "ёжик в тумане"),
        ("...", ""),
    ];
    for (word, expected) in cases {
        assert_eq!(lowercase_words(word).as_deref(), Some(expected), "{word}");
        assert_eq!(reference_lowercase_words(word), expected, "{word}");
    }
    // The lower case of a capital sigma depends on its neighbours: the reference decides
    assert_eq!(lowercase_words("ΟΔΟΣ-Α"), None);
}

#[test]
fn split_whitespace_of_mixed_text() {
    let text = " a\tb\u{a0}c\u{3000}d\u{200b}e \u{85}f\r\n\u{1c}g  ";
    let fast: Vec<&str> = split_whitespace(text).collect();
    assert_eq!(fast, text.split_whitespace().collect::<Vec<_>>());
    assert_eq!(fast, ["a", "b", "c", "d\u{200b}e", "f", "\u{1c}g"]);
    assert_eq!(split_whitespace("").count(), 0);
    assert_eq!(split_whitespace(" \n ").count(), 0);
    // Every whitespace character is found, alone and between words
    let spaces: Vec<char> =
        (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
    assert_eq!(spaces.len(), 25);
    for space in spaces {
        let text = format!("a{space}é{space}{space}中");
        assert_eq!(split_whitespace(&text).collect::<Vec<_>>(), ["a", "é", "中"], "{space:?}");
    }
}

/// Every character the shortcut takes, next to one of each kind it takes and to the
/// characters that join clusters, is a cluster of its own.
#[test]
fn single_char_clusters_are_clusters() {
    let neighbours = ['\n', 'a', '#', 'ä', 'Ж', 'ԯ', '‘', '。', '㐀', '中', '，'];
    let mut checked = 0;
    for c in SINGLE_CHAR_CLUSTERS.into_iter().flatten().filter_map(char::from_u32) {
        let alone = c.to_string();
        assert!(single_char_clusters(&alone), "{c:?}");
        for n in neighbours {
            for pair in [format!("{n}{c}"), format!("{c}{n}"), format!("{c}{c}")] {
                assert!(single_char_clusters(&pair));
                assert_eq!(pair.graphemes(true).count(), 2, "{pair:?}");
            }
        }
        checked += 1;
    }
    let listed: u32 = SINGLE_CHAR_CLUSTERS.iter().map(|r| r.end() - r.start() + 1).sum();
    assert_eq!(checked, listed);
    // Characters that join their neighbours are not taken
    for joined in ["\r\n", "e\u{301}", "Ж\u{483}", "中\u{302a}", "👨‍👩", "ｶﾞ", "🇩🇪", "가"]
    {
        assert!(joined.graphemes(true).count() < joined.chars().count() || joined == "가");
        assert!(!single_char_clusters(joined), "{joined:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn scan_is_normalize_word_and_possibly_compound(word in raw_word()) {
        prop_assert_eq!(
            scan(&word, &WORD_SYMBOLS),
            (normalize_word(&word, &WORD_SYMBOLS), possibly_compound(&word))
        );
        prop_assert_eq!(scan(&word, &[]), (normalize_word(&word, &[]), possibly_compound(&word)));
    }

    #[test]
    fn lowercase_words_is_convert_case(word in raw_word()) {
        if let Some(words) = lowercase_words(&word) {
            prop_assert_eq!(words, reference_lowercase_words(&word));
        } else {
            prop_assert!(word.contains('Σ'));
        }
    }

    #[test]
    fn lowercase_words_of_any_text(text in "\\PC{0,12}|[a-zA-Z0-9 _.\\-]{0,12}") {
        if let Some(words) = lowercase_words(&text) {
            prop_assert_eq!(words, reference_lowercase_words(&text));
        }
    }

    #[test]
    fn split_whitespace_is_the_standard_one(
        text in "(\\PC|[ \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{2000}-\u{200b}\u{3000}]){0,40}"
    ) {
        let fast: Vec<&str> = split_whitespace(&text).collect();
        prop_assert_eq!(fast, text.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn contains_zwsp_is_contains(text in "[a\u{200b}\u{200c}\u{8b}\u{e2}\u{20ab}\u{2e0b}中]{0,8}") {
        prop_assert_eq!(contains_zwsp(&text), text.contains('\u{200b}'));
    }

    #[test]
    fn single_char_clusters_means_graphemes_are_chars(text in "\\PC{0,12}|[a-z中。，‘]{0,12}") {
        if single_char_clusters(&text) {
            prop_assert_eq!(text.graphemes(true).count(), text.chars().count());
        }
    }
}
