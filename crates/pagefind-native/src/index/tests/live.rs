//! [`Live`] against [`build_with`]: after every update, the kept index's files and entry
//! records are those of a fresh index of the same pages.

use proptest::prelude::*;

use super::*;

/// What a generated page is made of (see [`html`]).
#[derive(Debug, Clone)]
struct Spec {
    words: Vec<usize>,
    /// 0 to 2: the key's own language; 3: none; 4: another.
    language: u8,
    meta: Option<(usize, usize)>,
    filter: Option<u8>,
    sort: Option<i8>,
    weighted: Option<usize>,
    custom_body: bool,
}

const VOCABULARY: [&str; 16] = [
    "café", "cafe", "naïve", "über", "uber", "alpha", "beta", "walking", "walked", "hund", "élève",
    "eleve", "straße", "zebra", "fox", "été",
];

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::collection::vec(0..VOCABULARY.len(), 0..24),
        0..5u8,
        prop::option::weighted(0.3, (0..VOCABULARY.len(), 0..VOCABULARY.len())),
        prop::option::weighted(0.3, 0..3u8),
        prop::option::weighted(0.3, -3..4i8),
        prop::option::weighted(0.3, 0..VOCABULARY.len()),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(words, language, meta, filter, sort, weighted, custom_body)| Spec {
            words,
            language,
            meta,
            filter,
            sort,
            weighted,
            custom_body,
        })
}

/// The page of `spec` at key `key` (0 to 7): its path, and the page fossicked.
fn page(key: usize, spec: &Spec) -> (String, Page) {
    let languages = ["en", "fr", "de-DE"];
    let lang = match spec.language {
        0..=2 => format!(" lang=\"{}\"", languages[key % 3]),
        3 => String::new(),
        _ => format!(" lang=\"{}\"", languages[(key + 1) % 3]),
    };
    let text: Vec<&str> = spec.words.iter().map(|&w| VOCABULARY[w]).collect();
    let mut inner = format!("<h1 id=\"h{key}\">{}</h1>", text.first().unwrap_or(&""));
    let filter =
        spec.filter.map_or(String::new(), |f| format!(" data-pagefind-filter=\"tag:t{f}\""));
    let sort = spec.sort.map_or(String::new(), |s| format!(" data-pagefind-sort=\"n:{s}\""));
    inner.push_str(&format!("<p{filter}{sort}>{}</p>", text.join(" ")));
    if let Some((field, value)) = spec.meta {
        let field = ["author", "auteur"][field % 2];
        let value = VOCABULARY[value];
        inner.push_str(&format!("<h2 data-pagefind-meta=\"{field}:{value} {value}\">x</h2>"));
    }
    if let Some(word) = spec.weighted {
        inner.push_str(&format!("<p data-pagefind-weight=\"3\">{}</p>", VOCABULARY[word]));
    }
    if spec.custom_body {
        inner = format!("<main data-pagefind-body>{inner}</main>");
    }
    let html = format!("<html{lang}><body>{inner}</body></html>");
    // Keys 6 and 7 share a URL with 0 and 1 (another case of the same path).
    let path = match key {
        6 | 7 => format!("K{}/index.html", key - 6),
        _ => format!("k{key}/index.html"),
    };
    let parsed = crate::parse::parse(&html).expect("supported HTML");
    (path.clone(), crate::words::fossick(&path, parsed))
}

/// Compares the kept index with a fresh one of the same pages.
fn check(live: &Live, options: &Options) -> Result<(), TestCaseError> {
    let expected = build_with(live.pages().values().cloned().collect(), options);
    let actual: Files = live.files().map(|(name, bytes)| (name.clone(), bytes.clone())).collect();
    if actual != expected.0 {
        let missing: Vec<&String> =
            expected.0.keys().filter(|name| !actual.contains_key(*name)).collect();
        let extra: Vec<&String> =
            actual.keys().filter(|name| !expected.0.contains_key(*name)).collect();
        for name in &missing {
            eprintln!("expected {name}: {}", decoded(name, &expected.0[*name]));
        }
        for name in &extra {
            eprintln!("actual {name}: {}", decoded(name, &actual[*name]));
        }
        prop_assert!(false, "files differ: missing {missing:?}, extra {extra:?}");
    }
    prop_assert_eq!(live.languages(), expected.1);
    Ok(())
}

fn options(chunk: usize, max_fragments: Option<u32>) -> Options {
    Options { gzip_level: 1, index_chunk_size: chunk, max_fragments, ..Options::default() }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Random pages, then random edits (a page replaced, added or removed; most keep the
    /// page's language, so that most updates replace pages in place).
    #[test]
    fn updates_give_the_files_of_a_fresh_index(
        initial in prop::collection::vec((0..8usize, spec()), 1..8),
        edits in prop::collection::vec((0..8usize, prop::option::weighted(0.85, spec())), 1..10),
        chunk in prop::sample::select(vec![4usize, 30, 20_000]),
    ) {
        let options = options(chunk, None);
        let pages: Vec<(String, Page)> =
            initial.iter().map(|(key, spec)| page(*key, spec)).collect();
        let mut live = Live::new(pages, options.clone());
        check(&live, &options)?;
        for (key, spec) in &edits {
            let (path, page) = page(*key, spec.as_ref().unwrap_or(&initial[0].1));
            let new = live.update(vec![(path, spec.as_ref().map(|_| page))]);
            check(&live, &options)?;
            let names: std::collections::BTreeSet<&String> =
                live.files().map(|(name, _)| name).collect();
            for name in &new {
                prop_assert!(names.contains(name), "{name} is new but not in the index");
            }
        }
    }
}

/// One word edited on one page of many: the update's new files are that page's fragment,
/// the chunk of the edited word and the meta file; every other file is kept.
#[test]
fn an_edit_rewrites_only_its_files() {
    let options = options(30, None);
    let spec = |words: Vec<usize>| Spec {
        words,
        language: 0,
        meta: None,
        filter: None,
        sort: None,
        weighted: None,
        custom_body: false,
    };
    let pages: Vec<(String, Page)> = [0, 3, 9, 12, 15, 18]
        .into_iter()
        .map(|key| page(key, &spec((0..VOCABULARY.len()).collect())))
        .collect();
    let mut live = Live::new(pages, options.clone());
    let chunks = live.files().filter(|(name, _)| name.starts_with("index/")).count();
    assert!(chunks > 3, "{chunks} chunks");
    // The last word goes: only its own entry changes (the other pages keep it).
    let (path, page) = page(3, &spec((0..VOCABULARY.len() - 1).collect()));
    let new = live.update(vec![(path, Some(page))]);
    check(&live, &options).unwrap();
    let kinds: Vec<&str> = new.iter().map(|name| name.split(['/', '.']).next().unwrap()).collect();
    assert_eq!(kinds, ["fragment", "index", "pagefind"], "{new:?}");
}

/// With fragments grouped, every update builds afresh: the same files.
#[test]
fn grouped_fragments_are_built_afresh() {
    let options = options(30, Some(2));
    let spec = |words: Vec<usize>| Spec {
        words,
        language: 1,
        meta: Some((0, 2)),
        filter: Some(1),
        sort: Some(2),
        weighted: None,
        custom_body: false,
    };
    let pages: Vec<(String, Page)> = (0..5).map(|key| page(key, &spec(vec![key, 5, 6]))).collect();
    let mut live = Live::new(pages, options.clone());
    check(&live, &options).unwrap();
    let (path, page) = page(2, &spec(vec![9, 10]));
    live.update(vec![(path, Some(page))]);
    check(&live, &options).unwrap();
}
