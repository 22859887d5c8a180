//! Large deterministic sites (several index chunks, grouped fragments) and sorts by number
//! and string.

use super::*;

/// A deterministic site of `pages` pages in `language`, with many words (so several index
/// chunks), diacritic variants, weights, anchors, meta, filters and sorts.
fn big_site(pages: usize) -> Site {
    let mut site = Site::default();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let syllables = ["ka", "lo", "mi", "ren", "su", "tal", "vo", "qui", "zé", "bü", "nor", "pe"];
    let vocabulary: Vec<String> = (0..600)
        .map(|i| {
            let mut word = String::new();
            let mut n = i + 1;
            while n > 0 {
                word.push_str(syllables[n % syllables.len()]);
                n /= syllables.len();
            }
            word
        })
        .collect();
    for page in 0..pages {
        let mut content = Vec::new();
        let length = 50 + next(250);
        for i in 0..length {
            match next(40) {
                0 => content.push("___PAGEFIND_WEIGHT___2".to_string()),
                1 => content.push("___END_PAGEFIND_WEIGHT___".to_string()),
                2 => content.push(format!("___PAGEFIND_ANCHOR___h2:{i}:section{i}")),
                3 => content.push("___PAGEFIND_WEIGHT___0".to_string()),
                _ => {}
            }
            // Zipf-ish: common words are much more frequent.
            let spread = next(vocabulary.len()) + 1;
            let rank = next(spread);
            content.push(vocabulary[rank].clone());
        }
        let title = format!("{} {}", vocabulary[next(50)], vocabulary[next(600)]);
        let author = vocabulary[next(20)].clone();
        let number = format!("{}", next(30) as i32 - 10);
        let tag_a = format!("tag{}", next(5));
        let tag_b = format!("tag{}", next(5));
        let url = format!("/docs/{page}/");
        let mut meta = vec![("title", title.as_str())];
        if page % 3 == 0 {
            meta.push(("author", author.as_str()));
        }
        let tags = [tag_a.as_str(), tag_b.as_str()];
        let mut filters: Vec<(&str, &[&str])> = vec![("tag", &tags)];
        if page % 4 == 0 {
            filters.push(("kind", &["guide"]));
        }
        let mut sort = vec![("weight", number.as_str())];
        if page % 5 == 0 {
            sort.push(("name", author.as_str()));
        }
        site.record(&url, &content.join(" "), "en", &meta, &filters, &sort);
    }
    site
}

#[test]
fn big_site_several_chunks() {
    let files = big_site(150).check(None);
    let chunks = files.keys().filter(|f| f.starts_with("index/")).count();
    assert!(chunks > 2, "{chunks} chunks");
}

#[test]
fn big_site_grouped_fragments() {
    let files = big_site(40).check(Some(6));
    let groups = files.keys().filter(|f| f.starts_with("fragment/")).count();
    assert_eq!(groups, 6);
}

#[test]
fn number_and_string_sorts() {
    let mut site = Site::default();
    let values = ["10", "9", "-2", "2.5", "+3", "1e1", ".5", "7"];
    for (i, value) in values.iter().enumerate() {
        let name = ["b", "a", "c", "a"][i % 4];
        site.record(&format!("/{i}/"), "some words", "en", &[], &[], &[("n", value), ("s", name)]);
    }
    site.check(None);
}
