//! Pagefind's own unit tests of `fossick` and `splitting`, ported, and comparisons with
//! what Pagefind itself indexes for the same digests (through `add_custom_record`, which
//! runs its `parse_digest`, meta words and splitting on a given digest) and pages.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;

use super::splitting::*;
use super::*;
use crate::{Anchor, Page, Parsed, Word};

mod fossick;
mod like_pagefind;

// ---------------------------------------------------------------------------------------
// The oracle: Pagefind itself

/// A page as Pagefind's index files describe it: every occurrence of every word (by word
/// and original form), sorted, and its fragment.
/// A word and the form it had before diacritics were folded, if that differs.
type Form = (String, Option<String>);

#[derive(Debug, PartialEq)]
struct Indexed {
    /// (word, original form) -> sorted (position, weight)
    words: BTreeMap<Form, Vec<(u32, u8)>>,
    /// (word, original form) -> sorted (field, position)
    meta_words: BTreeMap<Form, Vec<(u16, u32)>>,
    fragment: serde_json::Value,
}

#[derive(minicbor::Decode)]
struct WordIndex {
    #[n(0)]
    words: Vec<PackedWord>,
}

#[derive(minicbor::Decode)]
struct PackedWord {
    #[n(0)]
    word: String,
    #[n(1)]
    pages: Vec<PackedPage>,
    #[n(2)]
    additional_variants: Vec<PackedVariant>,
}

#[derive(minicbor::Decode)]
struct PackedVariant {
    #[n(0)]
    form: String,
    #[n(1)]
    pages: Vec<PackedPage>,
}

#[derive(minicbor::Decode)]
struct PackedPage {
    #[n(0)]
    _page_number: u64,
    #[n(1)]
    locs: Vec<i32>,
    #[n(2)]
    meta_locs: Vec<i32>,
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
    assert_eq!(&out[..12], b"pagefind_dcd");
    out.split_off(12)
}

fn unpack_locs(locs: &[i32]) -> Vec<(u32, u8)> {
    let mut out = Vec::new();
    let (mut weight, mut last, mut absolute) = (25u8, 0u32, false);
    for &loc in locs {
        if absolute {
            last = loc as u32;
            out.push((last, weight));
            absolute = false;
        } else if loc < 0 {
            weight = (-(loc + 1)) as u8;
            absolute = true;
        } else {
            last += loc as u32;
            out.push((last, weight));
        }
    }
    out.sort();
    out
}

fn unpack_meta_locs(locs: &[i32]) -> Vec<(u16, u32)> {
    let mut out = Vec::new();
    let (mut field, mut last) = (0u16, 0u32);
    for &loc in locs {
        if loc < 0 {
            field = (-(loc + 1)) as u16;
            last = 0;
        } else {
            last += loc as u32;
            out.push((field, last));
        }
    }
    out.sort();
    out
}

/// Decodes the index and fragment files of an index of one page.
fn decode(files: Vec<pagefind::api::SyntheticFile>) -> Indexed {
    let mut indexed = Indexed {
        words: BTreeMap::new(),
        meta_words: BTreeMap::new(),
        fragment: serde_json::Value::Null,
    };
    for file in files {
        let name = file.filename.to_string_lossy().into_owned();
        if name.ends_with(".pf_fragment") {
            indexed.fragment = serde_json::from_slice(&gunzip(&file.contents)).unwrap();
        } else if name.ends_with(".pf_index") {
            let index: WordIndex = minicbor::decode(&gunzip(&file.contents)).unwrap();
            for word in index.words {
                let variants =
                    word.additional_variants.into_iter().map(|v| (Some(v.form), v.pages));
                for (form, pages) in std::iter::once((None, word.pages)).chain(variants) {
                    for page in pages {
                        let key = (word.word.clone(), form.clone());
                        let locs = unpack_locs(&page.locs);
                        if !locs.is_empty() {
                            indexed.words.entry(key.clone()).or_default().extend(locs);
                        }
                        let meta = unpack_meta_locs(&page.meta_locs);
                        if !meta.is_empty() {
                            indexed.meta_words.entry(key).or_default().extend(meta);
                        }
                    }
                }
            }
        }
    }
    indexed
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().build().unwrap()
}

fn new_index() -> pagefind::api::PagefindIndex {
    let config = pagefind::options::PagefindServiceConfig::builder().build();
    pagefind::api::PagefindIndex::new(Some(config)).unwrap()
}

/// What Pagefind indexes for `digest` (with `meta` and `filters`) in `language`, and
/// the word count and meta it reports for it.
fn pagefind_digest(
    digest: &str,
    language: &str,
    meta: &BTreeMap<String, String>,
    filters: &BTreeMap<String, Vec<String>>,
) -> (Indexed, u32, BTreeMap<String, String>) {
    runtime().block_on(async {
        let mut index = new_index();
        let response = index
            .add_custom_record(
                "/page/".into(),
                digest.into(),
                language.into(),
                Some(meta.clone()),
                Some(filters.clone()),
                None,
            )
            .await
            .unwrap();
        let indexed = decode(index.get_files().await.unwrap());
        (indexed, response.page_word_count, response.page_meta)
    })
}

/// What Pagefind indexes for the page `html` at `source_path`.
fn pagefind_html(source_path: &str, html: &str) -> Indexed {
    runtime().block_on(async {
        let mut index = new_index();
        index.add_html_file(Some(source_path.into()), None, html.into()).await.unwrap();
        decode(index.get_files().await.unwrap())
    })
}

/// `page` as [`Indexed`] describes it.
fn indexed(page: &Page) -> Indexed {
    let mut words: BTreeMap<_, Vec<_>> = BTreeMap::new();
    for (word, occurrences) in &page.word_data {
        for w in occurrences {
            words
                .entry((word.clone(), w.original_word.clone()))
                .or_default()
                .push((w.position, w.weight));
        }
    }
    words.values_mut().for_each(|v| v.sort());
    let mut meta_words: BTreeMap<_, Vec<_>> = BTreeMap::new();
    for (word, occurrences) in &page.meta_word_data {
        for w in occurrences {
            meta_words
                .entry((word.clone(), w.original_word.clone()))
                .or_default()
                .push((w.field_id, w.position));
        }
    }
    meta_words.values_mut().for_each(|v| v.sort());
    Indexed {
        words,
        meta_words,
        fragment: serde_json::json!({
            "url": page.url,
            "content": page.content,
            "word_count": page.word_count,
            "filters": page.filters,
            "meta": page.meta,
            "anchors": page.anchors,
        }),
    }
}

fn parsed(digest: &str, language: &str) -> Parsed {
    Parsed { digest: digest.into(), language: language.into(), ..Parsed::default() }
}

/// Checks that this indexes `digest` exactly as Pagefind does.
fn assert_digest_like_pagefind(digest: &str, language: &str, meta: &[(&str, &str)]) {
    let meta: BTreeMap<String, String> =
        meta.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let filters = BTreeMap::from([(
        "tag".to_string(),
        vec!["a ___PAGEFIND_X b".to_string(), "c".to_string()],
    )]);
    let (expected, word_count, tidied_meta) = pagefind_digest(digest, language, &meta, &filters);
    let mut page = fossick(
        "page/index.html",
        Parsed {
            meta,
            filters,
            force_inclusion: true,
            has_html_element: true,
            ..parsed(digest, language)
        },
    );
    assert_eq!(page.url, "/page/");
    page.url = "/page/".into();
    assert_eq!(page.word_count as u32, word_count, "word count of {digest:?}");
    assert_eq!(page.meta, tidied_meta, "meta of {digest:?}");
    let actual = indexed(&page);
    if expected.fragment.is_null() {
        // Pagefind leaves out pages without words
        assert!(page.word_data.is_empty(), "words of {digest:?}");
        return;
    }
    assert_eq!(actual.fragment, expected.fragment, "fragment of {digest:?}");
    assert_eq!(actual.words, expected.words, "words of {digest:?}");
    assert_eq!(actual.meta_words, expected.meta_words, "meta of {digest:?}");
}

// ---------------------------------------------------------------------------------------
// Pagefind's tests of splitting.rs

#[test]
fn indexable_words_simple() {
    let stemmer = get_stemmer("en");
    assert_eq!(
        get_indexable_words("hello", stemmer.as_ref(), &[]),
        vec![IndexableWord {
            stemmed: "hello".to_string(),
            is_compound_part: false,
            original: None
        }]
    );
}

#[test]
fn indexable_words_compound() {
    let stemmer = get_stemmer("en");
    let word = |stemmed: &str, is_compound_part| IndexableWord {
        stemmed: stemmed.to_string(),
        is_compound_part,
        original: None,
    };
    let expected = vec![word("threeantelop", false), word("three", true), word("antelop", true)];
    for input in ["ThreeAntelopes", "three-antelopes", "three_antelopes"] {
        assert_eq!(get_indexable_words(input, stemmer.as_ref(), &[]), expected, "{input}");
    }
}

#[test]
fn indexable_words_compound_diacritics() {
    let stemmer = get_stemmer("fr");
    assert_eq!(
        get_indexable_words("café-crème", stemmer.as_ref(), &[]),
        vec![
            IndexableWord {
                stemmed: "cafecrem".to_string(),
                is_compound_part: false,
                original: Some("cafécrème".to_string()),
            },
            IndexableWord {
                stemmed: "caf".to_string(),
                is_compound_part: true,
                original: Some("café".to_string()),
            },
            IndexableWord {
                stemmed: "crem".to_string(),
                is_compound_part: true,
                original: Some("crème".to_string()),
            },
        ]
    );
}

#[test]
fn discrete_words() {
    let cases = [
        ("these-words-are-hyphenated", "these words are hyphenated"),
        ("__array_structures", "array structures"),
        ("WKWebVIEWComponent", "wk web view component"),
        ("page.Find", "page find"),
        ("cloud/cannon,page.find", "cloud cannon page find"),
        ("l'alphabet", "l alphabet"),
        (
            "<FormComponent data-pagefind-meta='[key:(value)]'>",
            "form component data pagefind meta key value",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(get_discrete_words(input), (expected.into(), None), "{input}");
    }
}

#[test]
fn diacritics_are_normalized_like_the_search_query() {
    assert_eq!(normalize_diacritics("café"), Some("cafe".to_string()));
    assert_eq!(normalize_diacritics("バンド"), None);
    assert_eq!(normalize_diacritics("ハ\u{3099}ント\u{3099}"), Some("バンド".to_string()));
    assert_eq!(normalize_diacritics("한"), Some("\u{1112}\u{1161}\u{11AB}".to_string()));
    assert_eq!(normalize_diacritics("東京"), None);
    assert_eq!(normalize_diacritics("วิกิพีเดีย"), Some("วกพเดย".to_string()));
}

#[test]
fn bigrams_span_segments() {
    assert_eq!(pair_bigrams("學校", None), vec!["學校".to_string()]);
    assert_eq!(
        pair_bigrams("高速公路", None),
        vec!["高速".to_string(), "速公".to_string(), "公路".to_string()]
    );
    assert_eq!(pair_bigrams("校", Some("學")), vec!["學校".to_string()]);
    assert_eq!(
        pair_bigrams("เดีย", Some("พี")),
        vec!["พีเ".to_string(), "เดี".to_string(), "ดีย".to_string()]
    );
    assert!(pair_bigrams("hello", Some("校")).is_empty());
    assert!(pair_bigrams("校", Some("。")).is_empty());
    assert!(pair_bigrams("corner", Some("。")).is_empty());
}

#[test]
fn only_the_pair_spanning_two_segments_is_indexed_against_the_first() {
    let cross = |word: &str, previous: Option<&str>| {
        get_indexable_cross_bigram(word, previous, None, &[])
            .map(|bigram| bigram.stemmed)
            .unwrap_or_default()
    };
    assert_eq!(cross("校", Some("學")), "學校");
    assert_eq!(cross("เดีย", Some("พี")), "พเ");
    assert_eq!(cross("學校", None), "");
    assert_eq!(cross("hello", Some("校")), "");
    assert_eq!(cross("corner", Some("。")), "");
    assert_eq!(cross("。", Some("校")), "");
    let existing = vec![IndexableWord {
        stemmed: "的學".to_string(),
        is_compound_part: false,
        original: None,
    }];
    assert!(get_indexable_cross_bigram("學校", Some("的"), None, &existing).is_none());
}

#[test]
fn two_cluster_words_are_not_duplicated() {
    assert_eq!(
        get_indexable_words("學校", None, &[]),
        vec![IndexableWord {
            stemmed: "學校".to_string(),
            is_compound_part: false,
            original: None,
        }]
    );
}

#[test]
fn katakana_suffixes_of_a_compound() {
    assert_eq!(katakana_suffixes("バックアップ"), vec!["ックアップ", "クアップ", "アップ", "ップ"]);
    assert!(katakana_suffixes("テスト").contains(&"スト"));
    assert!(katakana_suffixes("リスト型").is_empty());
}

#[test]
fn katakana_suffixes_stay_linear_on_long_runs() {
    let kana: Vec<char> = ('ァ'..='ヶ').collect();
    let run: String = (0..10_000).map(|i| kana[(i * 7) % kana.len()]).collect();
    assert!(katakana_suffixes(&run).iter().all(|s| s.chars().count() <= 16));
    assert_eq!(katakana_suffixes(&"ー".repeat(1_000)).len(), 15);
}

#[test]
fn emoji() {
    assert_eq!(
        get_discrete_words("cloud🌦️cannon"),
        ("cloud🌦️cannon".into(), Some(vec!["🌦️".into()]))
    );
    assert_eq!(
        get_discrete_words("👋👨‍👩‍👧‍👦🌾"),
        ("👋👨‍👩‍👧‍👦🌾".into(), Some(vec!["👋".into(), "👨‍👩‍👧‍👦".into(), "🌾".into()]))
    );
}

#[test]
fn segmentation_keeps_grapheme_clusters_whole() {
    let segmenter = icu_segmenter::WordSegmenter::new_dictionary(Default::default());
    for input in ["ช่วยวิกิพีเดียได้", "สปีชีส์", "ฉันชอบกินข้าวผัดที่ร้านริมน้ำ"]
    {
        let words: Vec<&str> = segment_words(segmenter, input).collect();
        assert_eq!(words.concat(), input);
        for word in &words {
            let first = word.chars().next().unwrap();
            assert!(!unicode_normalization::char::is_combining_mark(first));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Never panics, and agrees with Pagefind on arbitrary digests

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn token() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9]{1,8}",
            "[a-zA-Z._\\-'’]{1,12}",
            "\\PC{1,6}",
            Just("___PAGEFIND_WEIGHT___2".to_string()),
            Just("___PAGEFIND_WEIGHT___0".to_string()),
            Just("___PAGEFIND_WEIGHT___nan".to_string()),
            Just("___PAGEFIND_AUTO_WEIGHT___5".to_string()),
            Just("___END_PAGEFIND_WEIGHT___".to_string()),
            Just("___PAGEFIND_ANCHOR___h2:3:id".to_string()),
            Just("___PAGEFIND_ANCHOR___broken".to_string()),
            Just("\u{200b}".to_string()),
            Just("高速公路在學校".to_string()),
            Just("バックアップ".to_string()),
            Just("วิกิพีเดีย".to_string()),
            Just("café-Crème.Brûlée".to_string()),
            Just("👋👨‍👩‍👧‍👦".to_string()),
            Just("中___PAGEFIND_WEIGHT___3".to_string()),
            Just("學\u{200b}校".to_string()),
            Just("İstanbul-ǅemal-ẞtraße".to_string()),
            Just("e\u{301}\u{301}-\u{301}".to_string()),
            Just("a.B.cD.eF_gH.1.2".to_string()),
            Just("ｶﾀｶﾅ・テスト".to_string()),
            Just("Ёжик-в-тумане".to_string()),
            "[a-z]{0,3}[\\p{Han}\\p{Thai}\\p{Katakana}\\p{Hiragana}]{1,6}[.,!？。]?",
        ]
    }

    fn digest() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (token(), prop_oneof![Just(" "), Just(""), Just("\n"), Just("\u{a0}")]),
            0..24,
        )
        .prop_map(|tokens| tokens.into_iter().map(|(t, s)| t + s).collect())
    }

    fn language() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("en".to_string()),
            Just("de-de".to_string()),
            Just("zh-cn".to_string()),
            Just("ja".to_string()),
            Just("th".to_string()),
            Just("ru".to_string()),
            Just("nl".to_string()),
            Just("sv".to_string()),
            Just("fr".to_string()),
            Just("tr".to_string()),
            "\\PC{0,5}",
        ]
    }

    proptest! {
        #[test]
        fn never_panics(
            digest in "\\PC{0,200}|(\\PC|___PAGEFIND_[A-Z_]*___[0-9.:a-z]*| ){0,40}",
            language in language(),
            meta in "\\PC{0,40}",
            path in "\\PC{0,20}",
        ) {
            let mut fossicker = Fossicker::new();
            let parsed = Parsed {
                digest,
                language,
                meta: BTreeMap::from([("title".to_string(), meta.clone())]),
                filters: BTreeMap::from([("f".to_string(), vec![meta])]),
                ..Parsed::default()
            };
            let first = fossicker.fossick(&path, parsed.clone());
            let again = fossicker.fossick(&path, parsed);
            prop_assert_eq!(first, again);
        }
    }

    /// A raw word's words as a fossicker keeps them, by stemmed word.
    fn named(language: &Language, words: &[Indexable]) -> Vec<IndexableWord> {
        let word = |w: &Indexable| IndexableWord {
            stemmed: language.stems.interner.get(w.stem).to_string(),
            is_compound_part: w.is_compound_part,
            original: w.original.as_deref().map(str::to_string),
        };
        words.iter().map(word).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
        /// What a fossicker learns of raw words (stems remembered from word to word,
        /// interned) is what Pagefind's splitting gives for each.
        #[test]
        fn entries_are_the_reference_words(
            words in prop::collection::vec(token(), 1..12),
            language in prop_oneof![Just("en"), Just("de"), Just("ru"), Just("zh"), Just("x")],
        ) {
            let mut fossicker = Language::new(language);
            let stemmer = get_stemmer(language);
            for raw in words.iter().chain(&words) {
                let mut expected = get_indexable_words(raw, stemmer.as_ref(), &WORD_SYMBOLS);
                let tails = get_dotted_tails(raw, stemmer.as_ref(), &WORD_SYMBOLS, &expected);
                expected.extend(tails);
                let id = fossicker.entry(raw);
                let entry = &fossicker.entries[id];
                prop_assert_eq!(&named(&fossicker, &entry.words[..entry.n_plain as usize]), &expected);
                expected.extend(get_indexable_bigrams(raw, stemmer.as_ref(), &expected));
                fossicker.segment_entry(id, raw);
                prop_assert_eq!(named(&fossicker, &fossicker.entries[id].words), expected);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        #[test]
        fn agrees_with_pagefind(digest in digest(), language in language(), title in digest()) {
            assert_digest_like_pagefind(&digest, &language, &[("title", &title)]);
        }
    }
}
