//! Pagefind's tests of fossick/mod.rs, with the digests its parser makes of their HTML.

use super::*;

fn words_of(digest: &str, language: &str) -> HashMap<String, Vec<Word>> {
    fossick("test/index.html", parsed(digest, language)).word_data
}

fn word(position: u32, weight: u8) -> Word {
    Word { position, weight, original_word: None }
}

#[test]
fn normalizing_content() {
    assert_eq!(normalize_content("\nHello  Wor\n ld? \n \n"), "Hello Wor ld?");
    assert_eq!(normalize_content("a &amp; b"), "a & b");
    assert!(matches!(normalize_content("plain text"), Cow::Borrowed(_)));
}

#[test]
fn parse_file() {
    let page = fossick("test/index.html", parsed("Hello World!", "unknown"));
    assert_eq!(page.content, "Hello World!");
    assert_eq!(page.word_count, 2);
    assert_eq!(
        page.word_data,
        HashMap::from([
            ("hello".to_string(), vec![word(0, 24)]),
            ("world".to_string(), vec![word(1, 24)]),
        ])
    );
}

#[test]
fn parse_weighted_file() {
    let digest = "The ___PAGEFIND_WEIGHT___2 Quick Brown. ___END_PAGEFIND_WEIGHT___ Fox \
                  ___PAGEFIND_WEIGHT___0.5 Jumps Over. ___END_PAGEFIND_WEIGHT___ \
                  ___PAGEFIND_WEIGHT___0.00001 Ryan. ___END_PAGEFIND_WEIGHT___";
    let page = fossick("test/index.html", parsed(digest, "unknown"));
    assert_eq!(page.content, "The Quick Brown. Fox Jumps Over. Ryan.");
    assert_eq!(
        page.word_data,
        HashMap::from([
            ("the".to_string(), vec![word(0, 24)]),
            ("quick".to_string(), vec![word(1, 48)]),
            ("brown".to_string(), vec![word(2, 48)]),
            ("fox".to_string(), vec![word(3, 24)]),
            ("jumps".to_string(), vec![word(4, 12)]),
            ("over".to_string(), vec![word(5, 12)]),
            ("ryan".to_string(), vec![word(6, 1)]),
        ])
    );
    assert_digest_like_pagefind(digest, "unknown", &[]);
}

#[test]
fn parse_auto_weighted_file() {
    let mut digest = String::new();
    for level in (2..=7).rev() {
        digest +=
            &format!("___PAGEFIND_AUTO_WEIGHT___{level} Pagefind. ___END_PAGEFIND_WEIGHT___ ");
    }
    digest += "Pagefind. ___PAGEFIND_WEIGHT___0 ___PAGEFIND_AUTO_WEIGHT___7 Pagefind. \
               ___END_PAGEFIND_WEIGHT___ ___END_PAGEFIND_WEIGHT___";
    let words = words_of(&digest, "unknown");
    // 7 × 24 for a h1 down to 2 × 24 for a h6, 24 for a p, 0 in an element weighted 0
    let expected: Vec<Word> = [7, 6, 5, 4, 3, 2, 1, 0]
        .into_iter()
        .enumerate()
        .map(|(i, weight)| word(i as u32, weight * 24))
        .collect();
    assert_eq!(words, HashMap::from([("pagefind".to_string(), expected)]));
    assert_digest_like_pagefind(&digest, "unknown", &[]);
}

#[test]
fn parse_bad_weights() {
    let digest = "___PAGEFIND_WEIGHT___lots The. ___END_PAGEFIND_WEIGHT___ \
                  ___PAGEFIND_WEIGHT___99999999 Quick. ___END_PAGEFIND_WEIGHT___ \
                  ___PAGEFIND_WEIGHT___-1234 Brown. ___END_PAGEFIND_WEIGHT___ \
                  ___PAGEFIND_WEIGHT___65.4 Fox. ___END_PAGEFIND_WEIGHT___";
    assert_eq!(
        words_of(digest, "unknown"),
        HashMap::from([
            ("the".to_string(), vec![word(0, 24)]),
            ("quick".to_string(), vec![word(1, 240)]),
            ("brown".to_string(), vec![word(2, 0)]),
            ("fox".to_string(), vec![word(3, 240)]),
        ])
    );
    assert_digest_like_pagefind(digest, "en", &[]);
}

#[test]
fn parse_zero_weighted_compound_words() {
    let digest = "___PAGEFIND_WEIGHT___0 Simple text and compound.word.with.periods. \
                  ___END_PAGEFIND_WEIGHT___";
    for occurrences in words_of(digest, "en").values() {
        assert!(occurrences.iter().all(|w| w.weight == 0));
    }
    assert_digest_like_pagefind(digest, "en", &[]);
}

#[test]
fn parse_nbsp() {
    let mut words: Vec<_> = words_of("Hello\u{a0}👋", "ja").into_keys().collect();
    words.sort();
    assert_eq!(words, vec!["hello", "👋"]);
    assert_digest_like_pagefind("Hello\u{a0}👋", "ja", &[]);
}

#[test]
fn parse_weights_through_segmentation() {
    let digest = "___PAGEFIND_ANCHOR___h1:0:my-title ___PAGEFIND_AUTO_WEIGHT___7 哎呀！ 我的错。 \
                  ___END_PAGEFIND_WEIGHT___";
    let page = fossick("test/index.html", parsed(digest, "zh"));
    let words = &page.word_data;
    let mut keys: Vec<_> = words.keys().collect();
    keys.sort();
    assert_eq!(keys, vec!["哎呀", "我的", "的错", "错"]);
    let position = |word: &str| words[word][0].position;
    assert_eq!(position("的错"), position("我的"));
    assert_eq!(position("错"), position("我的") + 1);
    assert_eq!(page.content, "哎呀\u{200b}！ \u{200b}我的\u{200b}错\u{200b}。");
    assert_eq!(
        page.anchors,
        vec![Anchor {
            element: "h1".into(),
            id: "my-title".into(),
            text: String::new(),
            title: None,
            location: 0,
        }]
    );
    assert_digest_like_pagefind(digest, "zh", &[]);
}

#[test]
fn building_url() {
    assert_eq!(build_url("index.html"), "/");
    assert_eq!(build_url("about/index.html"), "/about/");
    assert_eq!(build_url("about.html"), "/about.html");
    assert_eq!(build_url("about/index.htm"), "/about/index.htm");
    assert_eq!(build_url("100%/C#/why?.html"), "/100%25/C%23/why%3F.html");
    assert_eq!(build_url("Müsli.html"), "/M%C3%BCsli.html");
    assert_eq!(build_url("Müsli/index.html"), "/M%C3%BCsli/");
    assert_eq!(build_url("a b/c#d?e.html"), "/a%20b/c%23d%3Fe.html");
    assert_eq!(build_url("M%C3%BCsli.html"), "/M%25C3%25BCsli.html");
    assert_eq!(build_url("/elsewhere/a.html"), "/unknown/");
    let cwd = std::env::current_dir().unwrap();
    let inside = cwd.join("de-de/a/index.html");
    assert_eq!(build_url(inside.to_str().unwrap()), "/de-de/a/");
}
