use quick_xml::Reader;
use quick_xml::events::Event;

use super::*;

const BASE: &str = "https://docs.example.org/";

/// `n` pages in six locales' worth of alternates, every 7th with a date.
fn urls(n: usize) -> Vec<Url> {
    (0..n)
        .map(|i| Url {
            loc: format!("{BASE}de-DE/article-{i}/"),
            lastmod: (i % 7 == 0).then(|| format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
            alternates: ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"]
                .iter()
                .map(|l| Alternate {
                    hreflang: l.to_string(),
                    href: format!("{BASE}{l}/article-{i}/"),
                })
                .collect(),
        })
        .collect()
}

/// The root element's name and the text of every element named `leaf`, read by an XML
/// parser (which fails on anything not well-formed).
fn read(xml: &str, leaf: &[u8]) -> (String, Vec<String>) {
    let mut reader = Reader::from_str(xml);
    let (mut root, mut texts, mut inside) = (None, Vec::new(), false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                root.get_or_insert_with(|| String::from_utf8_lossy(e.name().as_ref()).into_owned());
                inside = e.name().as_ref() == leaf;
            }
            Event::Text(t) if inside => texts.push(t.decode().expect("UTF-8").into_owned()),
            Event::End(_) => inside = false,
            Event::Eof => break,
            _ => {}
        }
    }
    (root.expect("a root element"), texts)
}

#[test]
fn a_site_within_the_limits_is_one_urlset_named_sitemap_xml() {
    let urls = urls(40);
    let files = files(BASE, &urls, LIMITS);
    assert_eq!(files.len(), 1);
    let (name, xml) = &files[0];
    assert_eq!(name, "sitemap.xml");
    let (root, locs) = read(xml, b"loc");
    assert_eq!(root, "urlset");
    assert_eq!(locs, urls.iter().map(|u| u.loc.clone()).collect::<Vec<_>>());
    assert_eq!(xml.matches("<xhtml:link ").count(), 40 * 6);
}

#[test]
fn past_50000_urls_the_pages_split_into_files_named_by_a_sitemap_index() {
    let urls = urls(LIMITS.urls * 2 + 1);
    let files = files(BASE, &urls, LIMITS);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]);
    let mut all = Vec::new();
    for (name, xml) in &files[..3] {
        let (root, locs) = read(xml, b"loc");
        assert_eq!(root, "urlset", "{name}");
        assert!(locs.len() <= LIMITS.urls && xml.len() <= LIMITS.bytes, "{name}");
        all.extend(locs);
    }
    assert_eq!(all, urls.iter().map(|u| u.loc.clone()).collect::<Vec<_>>(), "each page once");
    let (root, parts) = read(&files[3].1, b"loc");
    assert_eq!(root, "sitemapindex");
    assert_eq!(parts, [1, 2, 3].map(|n| format!("{BASE}sitemap-{n}.xml")));
    // Each part's date is the newest of its pages' (the last part's one page has none).
    let (_, dates) = read(&files[3].1, b"lastmod");
    let newest =
        |range: std::ops::Range<usize>| urls[range].iter().filter_map(|u| u.lastmod.clone()).max();
    assert_eq!(urls[100_000].lastmod, None);
    assert_eq!(files[3].1.matches("<lastmod>").count(), 2);
    assert_eq!(dates, [newest(0..50_000).unwrap(), newest(50_000..100_000).unwrap()]);
}

#[test]
fn a_file_never_passes_the_byte_limit_and_each_is_filled_before_the_next() {
    let urls = urls(1000);
    let wrapper = files(BASE, &[], LIMITS)[0].1.len();
    let entry = |i: usize| files(BASE, &urls[i..=i], LIMITS)[0].1.len() - wrapper;
    // Room for about 300 pages a file.
    let limits = Limits { urls: LIMITS.urls, bytes: wrapper + (0..300).map(entry).sum::<usize>() };
    let files = files(BASE, &urls, limits);
    let (index, parts) = files.split_last().unwrap();
    assert_eq!(index.0, "sitemap.xml");
    assert!((3..=4).contains(&parts.len()), "1000 pages of ~300 a file: {}", parts.len());
    let mut next = 0;
    for (name, xml) in parts {
        assert!(xml.len() <= limits.bytes, "{name}: {} bytes", xml.len());
        next += read(xml, b"loc").1.len();
        if next < urls.len() {
            assert!(xml.len() + entry(next) > limits.bytes, "{name} had room for the next page");
        }
    }
    assert_eq!(next, 1000);
    // A page alone past the limit still gets a file of its own.
    let files = super::files(BASE, &urls[..3], Limits { urls: 10, bytes: 10 });
    assert_eq!(files.len(), 4);
}

#[test]
fn the_same_pages_give_the_same_bytes() {
    let urls = urls(2500);
    let limits = Limits { urls: 1000, bytes: LIMITS.bytes };
    assert_eq!(files(BASE, &urls, limits), files(BASE, &urls, limits));
}

mod props {
    use proptest::prelude::*;

    use super::*;

    /// Pages with 0 to 8 alternates each (entries of different sizes).
    fn pages(alternates: &[usize]) -> Vec<Url> {
        alternates
            .iter()
            .enumerate()
            .map(|(i, &n)| Url {
                loc: format!("{BASE}en-US/p-{i}/"),
                lastmod: None,
                alternates: (0..n)
                    .map(|k| Alternate {
                        hreflang: format!("x{k}"),
                        href: format!("{BASE}{k}/{i}/"),
                    })
                    .collect(),
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Whatever the limits, every page is listed once, in order; no file passes a limit
        /// unless it holds a single page; and each file but the last had no room for the
        /// next page.
        #[test]
        fn every_page_once_in_order_within_the_limits(
            alternates in prop::collection::vec(0usize..8, 1..60),
            urls in 1usize..20,
            bytes in 200usize..3000,
        ) {
            let pages = pages(&alternates);
            let limits = Limits { urls, bytes };
            let files = files(BASE, &pages, limits);
            let parts: &[(String, String)] =
                if files.len() == 1 { &files } else { &files[..files.len() - 1] };
            let wrapper = super::files(BASE, &[], LIMITS)[0].1.len();
            let entry = |i: usize| super::files(BASE, &pages[i..=i], LIMITS)[0].1.len() - wrapper;
            let mut next = 0;
            for (name, xml) in parts {
                let count = read(xml, b"loc").1.len();
                prop_assert!(count >= 1, "{name} is empty");
                prop_assert!(count == 1 || (count <= urls && xml.len() <= bytes), "{name}");
                next += count;
                if next < pages.len() {
                    prop_assert!(
                        count == urls || xml.len() + entry(next) > bytes,
                        "{name} had room for the next page"
                    );
                }
            }
            prop_assert_eq!(next, pages.len());
            let listed: Vec<String> = parts.iter().flat_map(|(_, x)| read(x, b"loc").1).collect();
            let want: Vec<String> = pages.iter().map(|p| p.loc.clone()).collect();
            prop_assert_eq!(listed, want);
            if files.len() > 1 {
                let (root, locs) = read(&files[files.len() - 1].1, b"loc");
                prop_assert_eq!(root, "sitemapindex");
                prop_assert_eq!(locs.len(), parts.len());
            }
        }
    }
}
