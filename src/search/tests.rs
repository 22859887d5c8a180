use super::*;
use crate::search::view::search_view;

/// Pagefind's output files that the site needs: the search API (`pagefind.js`, its worker),
/// the entry file naming each language's index, the WebAssembly search cores, each
/// language's meta file and its index, fragment and filter chunks. Its ready-made UIs are
/// left out: the site has its own (`assets/search.js`).
fn is_needed(name: &str) -> bool {
    matches!(name, "pagefind.js" | "pagefind-worker.js" | ENTRY)
        || (name.starts_with("wasm.") && name.ends_with(".pagefind"))
        || (name.starts_with("pagefind.") && name.ends_with(".pf_meta"))
        || name.starts_with("index/")
        || name.starts_with("fragment/")
        || name.starts_with("filter/")
}

/// The reference: the files Pagefind itself writes for `pages` (added in path order), those
/// the site needs.
fn pagefind_index(pages: &Files) -> Files {
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    runtime.block_on(async {
        let config = pagefind::options::PagefindServiceConfig::builder().build();
        let mut index = pagefind::api::PagefindIndex::new(Some(config)).unwrap();
        for (path, html) in pages {
            let html = String::from_utf8(html.clone()).unwrap();
            index.add_html_file(Some(path.clone()), None, html).await.unwrap();
        }
        let files = index.get_files().await.unwrap();
        files
            .into_iter()
            .map(|file| (file.filename.to_string_lossy().replace('\\', "/"), file.contents))
            .filter(|(name, _)| is_needed(name))
            .collect()
    })
}

/// The contents of index files: inflated for the gzipped `.pf_*` files (Pagefind gzips at
/// the best level, the native indexer at zlib's default), as they are for the others.
fn inflated(files: &Files) -> Files {
    use std::io::Read as _;
    let gzipped = [".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter"];
    let inflate = |name: &str, bytes: &Vec<u8>| {
        if !gzipped.iter().any(|ext| name.ends_with(ext)) {
            return bytes.clone();
        }
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut out).expect("gzip");
        assert!(out.starts_with(b"pagefind_dcd"), "{name} lacks Pagefind's signature");
        out
    };
    files.iter().map(|(name, bytes)| (name.clone(), inflate(name, bytes))).collect()
}

/// `files` as [`inflated`], with the entry file's JSON in one key order: drillbook writes it
/// merged ([`merge`]), with its keys sorted.
fn comparable(files: &Files) -> Files {
    let mut files = inflated(files);
    if let Some(entry) = files.get_mut(ENTRY) {
        let value: serde_json::Value = serde_json::from_slice(entry).unwrap();
        *entry = serde_json::to_vec(&value).unwrap();
    }
    files
}

/// The native index of `pages` is Pagefind's, once inflated.
fn assert_as_pagefind(pages: &Files) {
    let native = comparable(&index_pages(pages).unwrap());
    let reference = comparable(&pagefind_index(pages));
    assert_eq!(native.keys().collect::<Vec<_>>(), reference.keys().collect::<Vec<_>>());
    let differ: Vec<_> = native.keys().filter(|n| native[*n] != reference[*n]).collect();
    assert!(differ.is_empty(), "differ from Pagefind's: {differ:?}");
}

fn page(lang: &str, body: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><title>t</title></head><body>\
         <header>chrome</header><article data-pagefind-body><h1>{body}</h1>\
         <p>{body}</p><nav data-pagefind-ignore>skip</nav></article></body></html>"
    )
    .into_bytes()
}

#[test]
fn one_index_per_language_and_only_marked_pages() {
    let mut pages = Files::new();
    pages.insert("ru-RU/a/index.html".into(), page("ru-RU", "Приостановите подписку"));
    pages.insert("zh-CN/a/index.html".into(), page("zh-CN", "删除与客户的分销商关系"));
    pages.insert("ru-RU/index.html".into(), b"<html lang=\"ru-RU\"><body>x</body></html>".into());
    let files = index_pages(&pages).unwrap();
    let entry: serde_json::Value = serde_json::from_slice(&files["pagefind-entry.json"]).unwrap();
    assert_eq!(entry["languages"]["ru-ru"]["page_count"], 1, "{entry}");
    assert_eq!(entry["languages"]["zh-cn"]["page_count"], 1, "{entry}");
    let sizes = index_sizes(&files);
    assert_eq!(sizes.keys().collect::<Vec<_>>(), ["ru-ru", "zh-cn"]);
    assert!(sizes.values().all(|&bytes| bytes > 100), "{sizes:?}");
    assert!(files.keys().all(|name| is_needed(name)));
    assert_eq!(index_pages(&pages).unwrap(), files, "same input, same bytes");
    assert_as_pagefind(&pages);
}

/// An indexer writing to a sink writes what `finish` would have returned, each file
/// once, and gives the sizes `index_sizes` gives of it.
#[test]
fn an_indexer_writing_to_a_sink_writes_the_files_finish_returns() {
    let locales = [("de-DE", "Abonnements aussetzen"), ("zh-CN", "删除与客户的分销商关系")];
    let mut by_locale = Vec::new();
    for (locale, text) in locales {
        let pages = Files::from([(format!("{locale}/a/index.html"), page(locale, text))]);
        by_locale.push(pages);
    }
    let mut kept = Indexer::new(None);
    for pages in &by_locale {
        kept.add(pages.clone()).unwrap();
    }
    let expected = kept.finish().unwrap();

    /// Every file put, in order.
    #[derive(Default)]
    struct Record(Mutex<Vec<(String, Vec<u8>)>>);
    impl Sink for Record {
        fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
            self.0.lock().unwrap().push((path.to_string(), bytes.to_vec()));
            Ok(())
        }
    }
    let sink = Record::default();
    let mut writing = Indexer::new(None).writing_to(&sink);
    for pages in &by_locale {
        writing.add(pages.clone()).unwrap();
    }
    let sizes = writing.finish_written().unwrap();
    let puts = sink.0.into_inner().unwrap();
    let written: Files = puts.iter().cloned().collect();
    assert_eq!(puts.len(), written.len(), "a file was written twice");
    let expected_paths: Vec<String> = expected.keys().map(|n| format!("{DIR}/{n}")).collect();
    assert_eq!(written.keys().cloned().collect::<Vec<_>>(), expected_paths);
    for (name, bytes) in &expected {
        assert!(written[&format!("{DIR}/{name}")] == *bytes, "{name} differs");
    }
    assert_eq!(sizes, index_sizes(&expected));
    assert_eq!(sizes.keys().collect::<Vec<_>>(), ["de-de", "zh-cn"]);
}

/// A part split off an index of several languages is what indexing that language
/// alone gives (once [`merge`]d, which writes every entry file the same way): the
/// cache stores parts, the build merges them.
#[test]
fn an_index_splits_into_each_language_alone() {
    let mut pages = Files::new();
    pages.insert("de-DE/a/index.html".into(), page("de-DE", "Abonnements aussetzen"));
    pages.insert("zh-CN/a/index.html".into(), page("zh-CN", "删除与客户的分销商关系"));
    let together = index_alone(pages.clone()).unwrap();
    let parts = split_by_language(&together).expect("every file has a language");
    assert_eq!(parts.keys().collect::<Vec<_>>(), ["de-de", "zh-cn"]);
    for (language, part) in &parts {
        let alone: Files = pages
            .iter()
            .filter(|(p, _)| p.to_lowercase().starts_with(language.as_str()))
            .map(|(p, html)| (p.clone(), html.clone()))
            .collect();
        let alone = merge(vec![index_alone(alone).unwrap()]).unwrap();
        let differ: Vec<_> = alone.keys().filter(|n| part.get(*n) != alone.get(*n)).collect();
        assert!(differ.is_empty() && alone.len() == part.len(), "{language}: {differ:?}");
    }
    assert!(merge(parts.into_values().collect()).unwrap() == merge(vec![together]).unwrap());
}

#[test]
fn files_belong_to_the_longest_language_that_names_them() {
    let languages = ["a", "a_b", "de-de"];
    assert_eq!(language_of("index/a_b_12f.pf_index", &languages), Some("a_b"));
    assert_eq!(language_of("index/a_b12f.pf_index", &languages), Some("a"));
    assert_eq!(language_of("pagefind.de-de_9a.pf_meta", &languages), Some("de-de"));
    assert_eq!(language_of("wasm.de-de.pagefind", &languages), Some("de-de"));
    assert_eq!(language_of("fragment/de_9a.pf_fragment", &languages), None);
    assert_eq!(language_of("pagefind.js", &languages), None);
}

/// An article page as drillbook writes one: chrome around a body with an `<h1>`,
/// anchored headings, skipped blocks (table of contents, simulator, pager) and a script.
fn article(lang: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Remove a reseller (101) | Partner Center</title>\n\
         <script type=\"module\" src=\"../../assets/search.js\"></script>\n</head>\n\
         <body class=\"page-article\">\n<a class=\"skip-link\" href=\"#main\">Skip</a>\n\
         <header class=\"site-header\"><a class=\"site-title\" href=\"../\">Procedures</a>\n\
         <form class=\"site-search\" role=\"search\" hidden data-search><label for=\"q\">Search</label>\
         <input id=\"q\" type=\"search\"></form>\n<nav aria-label=\"Language\"><ul><li>\
         <a href=\"x\" title=\"a > b\">Deutsch</a></li></ul></nav></header>\n\
         <main id=\"main\" tabindex=\"-1\">\n\n<article class=\"article\" data-pagefind-body>\n\
         <h1>How to remove a reseller relationship</h1>\n\
         <p class=\"audience\"><strong>Roles:</strong> Global admin</p>\n\
         <p class=\"notice\" role=\"note\" data-pagefind-ignore>Machine translated</p>\n\
         <nav class=\"toc\" data-pagefind-ignore>\n<h2 id=\"toc-title\">In this article</h2>\n\
         <ul><li><a href=\"#remove\">Remove</a></li></ul>\n</nav>\n\
         <p>Direct partners &amp; indirect providers can <em>remove</em> a customer.<br>Then \
         <span data-pagefind-ignore>not this</span> that.</p>\n\
         <h2 id=\"remove\">Remove the relationship</h2>\n<ol class=\"procedure\">\n\
         <li id=\"step-suspend\" class=\"step\"><p><strong>Suspend</strong> subscriptions</p>\n\
         <ol type=\"1\"><li id=\"step-suspend-1\"><p>Select <strong>Customers</strong></p></li></ol></li>\n\
         </ol>\n<!-- a comment with </article> in it -->\n\
         <section id=\"sim\" class=\"sim\" data-pagefind-ignore>\n<h2 id=\"sim-title\">Rehearse</h2>\n\
         <section><p>Nested</p></section>\n</section>\n\
         <script type=\"application/json\" id=\"drillbook-sim-data\">{{\"a\":\"</p>\"}}</script>\n\
         <script>let a = \"<article>\";</script>\n\
         <nav class=\"next-steps\"><h2 id=\"next-steps\">Next steps</h2></nav>\n\
         <nav id=\"kept\"><p>Pager</p></nav>\n\
         <article><p>Nested article</p></article>\n\
         </article>\n\n</main>\n<footer class=\"site-footer\"><p>Built with drillbook.</p></footer>\n\
         </body>\n</html>\n"
    )
}

/// The index of `page` alone, as a whole and as its view: the same files, byte for byte
/// (when the indexer follows the whole page), and Pagefind's index of the whole page.
fn assert_same_index(page: &str) {
    let pages = |html: &str| Files::from([("en-US/a/index.html".to_string(), html.into())]);
    let view = search_view(page).expect("a view");
    let of_view = index_pages(&pages(&view)).unwrap();
    if let Ok(of_page) = index_pages(&pages(page)) {
        assert_eq!(of_page, of_view, "{view}");
    }
    let reference = comparable(&pagefind_index(&pages(page)));
    let of_view = comparable(&of_view);
    assert_eq!(of_view.keys().collect::<Vec<_>>(), reference.keys().collect::<Vec<_>>());
    let differ: Vec<_> = of_view.keys().filter(|n| of_view[*n] != reference[*n]).collect();
    assert!(differ.is_empty(), "differ from Pagefind's: {differ:?} ({view})");
}

#[test]
fn the_view_keeps_what_pagefind_reads_of_a_page() {
    let page = article("ru-RU");
    let view = search_view(&page).unwrap();
    assert!(view.starts_with("<html lang=\"ru-RU\" dir=\"ltr\"><head><title>Remove"), "{view}");
    assert!(view.contains("<article class=\"article\" data-pagefind-body>"), "{view}");
    assert!(view.ends_with("</article>\n</article></body></html>"), "{view}");
    let gone = ["Skip", "Deutsch", "Machine", "In this article", "Rehearse", "Next steps"];
    for gone in gone.into_iter().chain(["let a", "footer"]) {
        assert!(!view.contains(gone), "{gone}: {view}");
    }
    // Inline blocks, blocks with an `id` (Pagefind anchors them) and comments stay.
    for kept in ["not this", "drillbook-sim-data", "Pager", "Nested article", "a comment"] {
        assert!(view.contains(kept), "{kept}: {view}");
    }
    assert_eq!(search_view(&view).as_deref(), Some(view.as_str()), "a view is its own view");
    assert_same_index(&page);
    assert_same_index(&page.replace("<h1>How to remove a reseller relationship</h1>", ""));
}

#[test]
fn a_page_with_more_for_pagefind_outside_the_view_is_indexed_whole() {
    let page = article("en-US");
    for (what, from, to) in [
        ("a title candidate in the chrome", "<header ", "<h1>Chrome</h1><header "),
        ("an image candidate after the body", "<p>Built", "<img src=\"a.png\"><p>Built"),
        ("an image in a skipped block", "<h2 id=\"sim-title\">", "<img src=\"a.png\"><h2>"),
        ("metadata in the head", "<meta charset", "<meta data-pagefind-meta=\"a:b\" charset"),
        ("an excluded ancestor", "<main id", "<main data-pagefind-ignore=\"all\" id"),
        ("a filter in a skipped block", "<p>Nested", "<p data-pagefind-filter=\"a:b\">Nested"),
        ("a second title", "</footer>", "</footer><title>Other</title>"),
        ("text after the body", "</article>\n\n</main>", "</article>\nMore text</main>"),
        ("a body that does not end", "</article>\n\n</main>", "</main>"),
        ("foreign content", "<header ", "<svg><title>x</title></svg><header "),
        ("a tag cut off", "</html>\n", "</html><p class=\"x"),
        ("no html element", "<html lang=\"en-US\" dir=\"ltr\">", ""),
    ] {
        assert!(page.contains(from), "{what}");
        assert_eq!(search_view(&page.replacen(from, to, 1)), None, "{what}");
    }
    assert_eq!(search_view("<html><body><p>No body</p></body></html>"), None);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(192))]

    /// Whatever the page, its view (when it has one) indexes as the page does.
    #[test]
    fn a_view_indexes_as_its_page_does(
        chrome in proptest::collection::vec(0..2 * CHROME.len(), 0..4),
        body in proptest::collection::vec(0..BODY.len(), 0..12),
        after in proptest::collection::vec(0..2 * AFTER.len(), 0..3),
        main in proptest::sample::select(vec!["", " data-pagefind-ignore", " data-pagefind-ignore=\"all\""]),
    ) {
        // Beyond the pieces, nothing: pages the view can stand for are the ones to test.
        let pick = |from: &[&str], picks: &[usize]| {
            picks.iter().map(|&i| from.get(i).copied().unwrap_or_default()).collect::<String>()
        };
        let page = format!(
            "<!DOCTYPE html><html lang=\"de-DE\"><head><title>Page &amp; title</title></head><body>\
             {}<main id=\"main\"{main}><article data-pagefind-body>{}</article>{}</main></body></html>",
            pick(CHROME, &chrome), pick(BODY, &body), pick(AFTER, &after),
        );
        if search_view(&page).is_some() {
            assert_same_index(&page);
        }
    }
}

const CHROME: &[&str] = &[
    "<header><a href=\"/\">Home</a></header>",
    "<nav id=\"languages\"><a>Deutsch</a></nav>",
    "<p>Chrome text</p>",
    "<h1>Chrome heading</h1>",
    "<img src=\"logo.png\" alt=\"Logo\">",
    "<div data-pagefind-ignore>Ignored chrome</div>",
    "<script>let x = \"<article>\";</script>",
];

const BODY: &[&str] = &[
    "<h1>Heading one</h1>",
    "<p>Alpha beta, gamma.</p>",
    "<h2 id=\"delta\">Delta <code>epsilon</code></h2>",
    "zeta eta ",
    "<br>",
    "<ul><li>theta</li><li id=\"iota\">iota <b>kappa</b></li></ul>",
    "<nav>lambda mu</nav>",
    "<nav id=\"nu\"><p>nu</p></nav>",
    "<div data-pagefind-ignore>xi <p id=\"omicron\">omicron</p></div>",
    "<section data-pagefind-ignore=\"all\"><section><h2 id=\"pi\">pi</h2></section></section>",
    "<span data-pagefind-ignore>rho <em>sigma</em></span>",
    "<h2 id=\"tau\">tau <span data-pagefind-ignore>upsilon <b>phi</b></span></h2>",
    "<script>var chi = '</p>';</script>",
    "<script id=\"psi\" type=\"application/json\">{\"omega\": 1}</script>",
    "<!-- </article> -->",
    "<!-->abrupt<!--->comments",
    "<img src=\"figure.png\" alt=\"Figure\">",
    "<p data-pagefind-weight=\"3\">weighted words</p>",
    "<div data-pagefind-ignore><img src=\"hidden.png\"></div>",
    "<table><tr><td>cell one</td><td>cell&nbsp;two</td></tr></table>",
    "<p>Fish &amp; chips &lt;3</p>",
    "<article><p>Inner article</p></article>",
    "<div data-pagefind-ignore><p data-pagefind-meta=\"k:v\">meta</p></div>",
    "<div data-pagefind-ignore><h1>Ignored heading</h1></div>",
];

const AFTER: &[&str] =
    &["\n", "<footer><p>Footer</p></footer>", "Trailing text", "<img src=\"x.png\">"];

#[test]
fn the_tee_keeps_only_pages_marked_for_search() {
    let inner = crate::render::Collect::default();
    let tee = Tee::new(&inner, true);
    tee.put("a/index.html", b"<article data-pagefind-body>x</article>").unwrap();
    tee.put("b/index.html", b"<article>x</article>").unwrap();
    tee.put("c.md", b"data-pagefind-body").unwrap();
    assert_eq!(tee.into_pages().keys().collect::<Vec<_>>(), ["a/index.html"]);
    assert_eq!(inner.into_files().len(), 3);
}

/// A page the indexer does not follow fails the index, naming the template and the place.
#[test]
fn html_the_indexer_does_not_follow_is_an_error_naming_the_template() {
    let page = article("de-DE").replace("<p>Direct partners", "<svg/><p>Direct partners");
    let pages = Files::from([("de-DE/a/index.html".to_string(), page.into_bytes())]);
    let err = index_pages(&pages).unwrap_err();
    let unfollowed = err.downcast_ref::<Unfollowed>().expect("an Unfollowed error");
    assert_eq!(unfollowed.page, "de-DE/a/index.html");
    assert!(unfollowed.excerpt.contains("<svg/>"), "{unfollowed:?}");
    // Foreign content has no view: the whole page is indexed, and the place is in it.
    let page = String::from_utf8(pages["de-DE/a/index.html"].clone()).unwrap();
    assert_eq!(search_view(&page), None);
    let line = page[..page.find("<svg/>").unwrap()].matches('\n').count() + 1;
    assert_eq!((unfollowed.line, unfollowed.column), (line, 1), "{unfollowed:?}");
    let message = err.to_string();
    assert!(
        message.starts_with("templates/article.html: the page `de-DE/a/index.html`"),
        "{message}"
    );
    assert!(message.contains("<svg/>"), "{message}");
}

/// The template the error names is the one that marks pages for search.
#[test]
fn the_template_named_is_the_one_marking_the_body() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut marking = Vec::new();
    for entry in std::fs::read_dir(root.join("templates")).unwrap() {
        let path = entry.unwrap().path();
        if std::fs::read_to_string(&path).unwrap().contains("data-pagefind-body") {
            marking.push(path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
        }
    }
    assert_eq!(marking, [native::BODY_TEMPLATE]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Whatever happens to the cache's entries (a byte changed, a run zeroed, the end cut
    /// off, two entries swapped), indexing with it gives the files indexing without it
    /// gives; a changed entry is not used, and the next build finds it repaired.
    #[test]
    fn a_damaged_cache_entry_is_indexed_afresh(
        damage in proptest::collection::vec((0..3usize, 0..4u8, proptest::prelude::any::<u32>(), 1..64usize), 1..4),
    ) {
        let locales = [("de-DE", "Abonnements aussetzen"), ("ru-RU", "Приостановите подписку"), ("zh-CN", "删除与客户的分销商关系")];
        let by_locale: Vec<Files> = locales
            .iter()
            .map(|(locale, text)| Files::from([(format!("{locale}/a/index.html"), page(locale, text))]))
            .collect();
        let build = |cache: Option<Cache>| {
            let mut indexer = Indexer::new(cache);
            for pages in &by_locale {
                indexer.add(pages.clone()).unwrap();
            }
            let reused = indexer.reused().to_vec();
            (indexer.finish().unwrap(), reused)
        };
        let (fresh, _) = build(None);
        let dir = tempfile::tempdir().unwrap();
        let open = || Cache::open(dir.path()).unwrap();
        build(Some(open()));
        let cache = open();
        let paths: Vec<std::path::PathBuf> = by_locale
            .iter()
            .map(|pages| dir.path().join(format!("{}.pfcache", cache.key(pages))))
            .collect();
        let before: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
        for (entry, kind, at, len) in damage {
            let path = &paths[entry];
            let mut bytes = std::fs::read(path).unwrap();
            let at = at as usize % bytes.len().max(1);
            match kind {
                0 => {
                    if let Some(byte) = bytes.get_mut(at) {
                        *byte ^= 1 << (len % 8);
                    }
                }
                1 => {
                    let end = (at + len).min(bytes.len());
                    bytes[at..end].fill(0);
                }
                2 => bytes.truncate(at),
                _ => {
                    let other = &paths[(entry + 1) % paths.len()];
                    let theirs = std::fs::read(other).unwrap();
                    std::fs::write(other, &bytes).unwrap();
                    bytes = theirs;
                }
            }
            std::fs::write(path, &bytes).unwrap();
        }
        let damaged: Vec<String> = paths
            .iter()
            .zip(&before)
            .zip(&locales)
            .filter(|((path, before), _)| std::fs::read(path).unwrap() != **before)
            .map(|(_, (locale, _))| locale.to_lowercase())
            .collect();
        let (with_cache, reused) = build(Some(open()));
        proptest::prop_assert!(with_cache == fresh, "a damaged cache changed the index");
        for locale in &damaged {
            proptest::prop_assert!(!reused.contains(locale), "{locale}: a damaged entry was used");
        }
        proptest::prop_assert_eq!(reused.len(), locales.len() - damaged.len());
        let (repaired, reused) = build(Some(open()));
        proptest::prop_assert!(repaired == fresh);
        proptest::prop_assert_eq!(reused.len(), locales.len(), "the damaged entries were rewritten");
    }
}

/// serve's incremental index gives the files a build gives for the same pages: after the
/// first index, after an edit of one page (only it fossicked again), after a page is
/// removed, and with a locale taken from the cache.
#[test]
fn incremental_index_is_the_build_s_index() {
    let mut views = super::Views::new();
    for (locale, lang, words) in
        [("en-US", "en-us", "remove the relationship"), ("de-DE", "de-de", "Beziehung entfernen")]
    {
        let pages = views.entry(locale.to_string()).or_default();
        for n in 0..5 {
            let html = format!(
                "<html lang=\"{lang}\"><head><title>T{n}</title></head><body><main data-pagefind-body><h1>{words} {n}</h1><p>{words} page {n}</p></main></body></html>"
            );
            pages.insert(format!("{locale}/a{n}/index.html"), html.into_bytes());
        }
    }
    let all = |views: &super::Views| -> crate::render::Files {
        views.values().flat_map(|p| p.clone()).collect()
    };
    let dir = tempfile::tempdir().unwrap();
    let cache = super::Cache::open(dir.path()).unwrap();
    let mut incremental = super::Incremental::default();
    let everything: std::collections::BTreeSet<String> = views.keys().cloned().collect();
    let first = incremental.index(&views, &everything, Some(&cache)).unwrap();
    assert_eq!(first, super::index_pages(&all(&views)).unwrap());

    let edited = views.get_mut("de-DE").unwrap().get_mut("de-DE/a2/index.html").unwrap();
    *edited =
        String::from_utf8(edited.clone()).unwrap().replace("page 2", "Seite zwei neu").into_bytes();
    let de: std::collections::BTreeSet<String> = ["de-DE".to_string()].into();
    let second = incremental.index(&views, &de, Some(&cache)).unwrap();
    assert_ne!(second, first, "the edit reaches the index");
    assert_eq!(second, super::index_pages(&all(&views)).unwrap());

    // The same page again, then every page: words the kept fossickers know and new ones,
    // on one thread and in parallel.
    for (pages, from, to) in [
        (&["a2"][..], "Seite zwei neu", "Seite zwei, Überarbeitung"),
        (&["a0", "a1", "a2", "a3", "a4"][..], "Beziehung", "Änderung der Beziehung"),
    ] {
        for page in pages {
            let view = views
                .get_mut("de-DE")
                .unwrap()
                .get_mut(&format!("de-DE/{page}/index.html"))
                .unwrap();
            *view = String::from_utf8(view.clone()).unwrap().replace(from, to).into_bytes();
        }
        let before = super::index_pages(&all(&views)).unwrap();
        assert_eq!(incremental.index(&views, &de, Some(&cache)).unwrap(), before, "{pages:?}");
    }

    views.get_mut("de-DE").unwrap().remove("de-DE/a4/index.html");
    let third = incremental.index(&views, &de, Some(&cache)).unwrap();
    assert_eq!(third, super::index_pages(&all(&views)).unwrap());

    // A new session: en-US unchanged comes from the cache, de-DE is indexed afresh.
    let mut fresh = super::Incremental::default();
    let from_cache = fresh.index(&views, &de, Some(&cache)).unwrap();
    assert_eq!(from_cache, third);
}
