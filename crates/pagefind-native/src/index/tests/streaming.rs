//! [`index`] in runs against [`build`] and Pagefind on generated HTML sites.

use super::*;

/// A deterministic site of `pages` HTML pages (source path, HTML): in en, fr, de-de and
/// no language, with weights, anchors, meta, filters and sorts, some pages without words
/// (en more often than fr, so that en has as many pages as fr but fewer kept), one path
/// given twice; with `custom_body`, some pages mark a `data-pagefind-body` and the others
/// are dropped.
fn html_site(pages: usize, custom_body: bool) -> Vec<(String, String)> {
    let mut state = 0x1234_5678_9abc_def1u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let vocabulary = [
        "café",
        "naïve",
        "über",
        "alpha",
        "beta",
        "gamma",
        "walking",
        "walked",
        "chevaux",
        "mangeaient",
        "hund",
        "katze",
        "élève",
        "eleve",
        "run",
        "running",
        "straße",
        "pomme",
        "verte",
        "zebra",
        "quick",
        "brown",
        "fox",
        "jumps",
    ];
    let mut site = Vec::new();
    for i in 0..pages {
        let (lang, meta_key) = match i % 10 {
            0..=3 => (" lang=\"en\"", "author"),
            4..=7 => (" lang=\"fr\"", "auteur"),
            8 => (" lang=\"de-DE\"", "autor"),
            _ => ("", "author"),
        };
        let path = format!("{}/{i}/index.html", ["en", "fr", "de", "x"][(i % 10).min(9) / 3]);
        let empty = (i % 10 < 4 && i % 7 == 0) || (i % 10 >= 4 && i % 10 < 8 && i % 23 == 0);
        let body = |main: bool, inner: String| {
            if main { format!("<main data-pagefind-body>{inner}</main>") } else { inner }
        };
        let main = custom_body && i % 3 != 0;
        let html = if empty {
            // No words; its meta field is no field of the pages kept.
            let inner = format!("<p data-pagefind-meta=\"dropped{}:x\"></p>", i % 2);
            format!("<html{lang}><body>{}</body></html>", body(main, inner))
        } else {
            let mut text = Vec::new();
            for _ in 0..5 + next(40) {
                text.push(vocabulary[next(vocabulary.len())]);
            }
            let title = format!("{} {}", vocabulary[next(8)], vocabulary[next(24)]);
            let mut inner = format!("<h1 id=\"h{i}\">{title}</h1>");
            inner.push_str(&format!(
                "<p data-pagefind-filter=\"tag:t{}\" data-pagefind-sort=\"n:{}\">{}</p>",
                next(4),
                next(50) as i32 - 20,
                text.join(" ")
            ));
            if i % 4 == 0 {
                let value = vocabulary[next(24)];
                inner.push_str(&format!(
                    "<h2 id=\"s{i}\" data-pagefind-meta=\"{meta_key}:{value}\">{value} {}</h2>",
                    vocabulary[next(24)]
                ));
            }
            if i % 6 == 0 {
                inner.push_str(&format!(
                    "<p data-pagefind-weight=\"3\">{}</p>",
                    vocabulary[next(24)]
                ));
            }
            format!("<html{lang}><body><nav>menu</nav>{}</body></html>", body(main, inner))
        };
        site.push((path, html));
    }
    // Replaces page 1 in its place.
    let again = site[1].0.clone();
    site.push((again, "<html lang=\"en\"><body><p>replaced café words</p></body></html>".into()));
    site
}

/// [`index`] (in runs of several sizes) gives the files that [`build`] gives for the same
/// pages fossicked, and Pagefind gives for their HTML.
fn check_streaming(site: Vec<(String, String)>, languages: &[&str]) {
    let parsed: Vec<(String, Parsed)> = site
        .iter()
        .map(|(path, html)| (path.clone(), crate::parse::parse(html).expect("supported HTML")))
        .collect();
    let mut fossicker = Fossicker::new();
    let pages: Vec<Page> =
        parsed.iter().cloned().map(|(path, parsed)| fossicker.fossick(&path, parsed)).collect();
    let built = build(pages);
    let names: Vec<&str> = built.1.iter().map(|l| l.language.as_str()).collect();
    assert_eq!(names, languages);
    for run_size in [1, 7, RUN] {
        let streamed = run(parsed.clone(), &Options::default(), run_size);
        compare(&built.0, &streamed.0);
        assert_eq!(built.1, streamed.1, "entry records");
    }

    let pagefind = Site {
        inputs: site.into_iter().map(|(path, html)| Input::Html { path, html }).collect(),
        pages: Vec::new(),
    };
    let expected = pagefind.pagefind(None);
    compare(&expected.0, &built.0);
    assert_eq!(expected.1, built.1, "entry records");

    // Another gzip level: other gzipped bytes, the same names and the same contents.
    let faster = index_with(parsed.clone(), &Options { gzip_level: 1, ..Options::default() });
    assert_eq!(built.0.keys().collect::<Vec<_>>(), faster.0.keys().collect::<Vec<_>>());
    assert_eq!(built.1, faster.1, "entry records");
    let mut recompressed = 0;
    for (name, bytes) in &built.0 {
        assert_eq!(gunzip(bytes), gunzip(&faster.0[name]), "{name}");
        recompressed += usize::from(*bytes != faster.0[name]);
    }
    assert!(recompressed > 0, "level 1 wrote the bytes of level 9");

    // libdeflate: other gzipped bytes, the same names and contents, the same bytes each
    // time, and the memo keeps them apart from zlib's of the same level.
    let libdeflate =
        Options { deflater: Deflater::Libdeflate, gzip_level: 6, ..Options::default() };
    let deflated = index_with(parsed.clone(), &libdeflate);
    assert_eq!(built.0.keys().collect::<Vec<_>>(), deflated.0.keys().collect::<Vec<_>>());
    assert_eq!(built.1, deflated.1, "entry records");
    for (name, bytes) in &built.0 {
        assert_eq!(gunzip(bytes), gunzip(&deflated.0[name]), "{name}");
    }
    assert_eq!(index_with(parsed.clone(), &libdeflate), deflated, "deterministic");
    let zlib6 = Options { gzip_level: 6, ..Options::default() };
    assert_ne!(index_with(parsed.clone(), &zlib6).0, deflated.0, "libdeflate wrote zlib's bytes");
    let memo = std::sync::Arc::new(GzipMemo::default());
    let through = |options: &Options| Options { gzip_memo: Some(memo.clone()), ..options.clone() };
    assert_eq!(index_with(parsed.clone(), &through(&zlib6)), index_with(parsed.clone(), &zlib6));
    assert_eq!(index_with(parsed.clone(), &through(&libdeflate)), deflated, "memo by deflater");

    // Through a memo: the same bytes, the second time with every file from the memo.
    let memo = std::sync::Arc::new(GzipMemo::default());
    let memoized = Options { gzip_memo: Some(memo.clone()), ..Options::default() };
    let first = index_with(parsed.clone(), &memoized);
    assert_eq!(first, built);
    memo.next_generation();
    let second = index_with(parsed.clone(), &memoized);
    assert_eq!(second, built);
    memo.next_generation();
    memo.next_generation();
    assert!(format!("{memo:?}").contains("files: 0, previous: 0"), "{memo:?}");

    let options = Options { max_fragments: Some(5), ..Options::default() };
    let grouped = index_with(parsed, &options);
    let expected = pagefind.pagefind(Some(5));
    compare(&expected.0, &grouped.0);
    assert_eq!(expected.1, grouped.1, "entry records");
}

#[test]
fn streaming_index_as_build_and_pagefind() {
    // fr has the most kept pages: the unknown ones join it.
    check_streaming(html_site(300, false), &["de-de", "en", "fr"]);
}

#[test]
fn streaming_index_with_custom_bodies() {
    check_streaming(html_site(200, true), &["de-de", "en", "fr"]);
}

#[test]
fn streaming_index_only_unknown_and_empty() {
    let site: Vec<(String, String)> = html_site(60, false)
        .into_iter()
        .filter(|(path, _)| path.starts_with("x/"))
        .chain([("e/index.html".to_string(), "<html><body></body></html>".to_string())])
        .collect();
    check_streaming(site, &["unknown"]);
}
