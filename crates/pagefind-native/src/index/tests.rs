//! [`build`] against Pagefind itself: the same pages go to Pagefind's API and, fossicked
//! here by hand (see [`record`] and the HTML tests), to [`build`]; every index file and
//! entry record must be the same.

use std::collections::{BTreeMap, HashMap};
use std::io::Read as _;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use pagefind_stem::{Algorithm, Stemmer};

use super::*;
use crate::{Anchor, MetaWord, Word};

mod big;
mod live;
mod streaming;

/// What is given to Pagefind for a page.
enum Input {
    Html {
        path: String,
        html: String,
    },
    Record {
        url: String,
        content: String,
        language: String,
        meta: BTreeMap<String, String>,
        filters: BTreeMap<String, Vec<String>>,
        sort: BTreeMap<String, String>,
    },
}

/// Pages for both indexers.
#[derive(Default)]
struct Site {
    inputs: Vec<Input>,
    pages: Vec<Page>,
}

impl Site {
    /// An HTML page, with its fossicked form as derived from Pagefind's parser.
    fn html(&mut self, path: &str, html: &str, page: Page) {
        self.inputs.push(Input::Html { path: path.into(), html: html.into() });
        self.pages.push(page);
    }

    /// A custom record (Pagefind's `add_custom_record`): `content` is the digest, of
    /// lowercase words (some with diacritics) and Pagefind's weight and anchor markers.
    fn record(
        &mut self,
        url: &str,
        content: &str,
        language: &str,
        meta: &[(&str, &str)],
        filters: &[(&str, &[&str])],
        sort: &[(&str, &str)],
    ) {
        let meta: BTreeMap<String, String> =
            meta.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let filters: BTreeMap<String, Vec<String>> = filters
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect();
        let sort: BTreeMap<String, String> =
            sort.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        self.pages.push(record(url, content, language, &meta, &filters, &sort));
        self.inputs.push(Input::Record {
            url: url.into(),
            content: content.into(),
            language: language.into(),
            meta,
            filters,
            sort,
        });
    }

    /// Pagefind's files and entry records for the inputs.
    fn pagefind(&self, max_fragments: Option<u32>) -> (Files, Vec<Language>) {
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
        runtime.block_on(async {
            let config = match max_fragments {
                Some(max) => PagefindServiceConfig::builder().max_fragments(max).build(),
                None => PagefindServiceConfig::builder().build(),
            };
            let mut index = PagefindIndex::new(Some(config)).expect("default options");
            for input in &self.inputs {
                match input {
                    Input::Html { path, html } => {
                        index
                            .add_html_file(Some(path.clone()), None, html.clone())
                            .await
                            .expect("Pagefind indexes the page");
                    }
                    Input::Record { url, content, language, meta, filters, sort } => {
                        index
                            .add_custom_record(
                                url.clone(),
                                content.clone(),
                                language.clone(),
                                Some(meta.clone()),
                                Some(filters.clone()),
                                Some(sort.clone()),
                            )
                            .await
                            .expect("Pagefind indexes the record");
                    }
                }
            }
            let mut files = Files::new();
            let mut languages = Vec::new();
            for file in index.get_files().await.expect("Pagefind builds") {
                let name = file.filename.to_string_lossy().into_owned();
                if name == "pagefind-entry.json" {
                    let entry: serde_json::Value =
                        serde_json::from_slice(&file.contents).expect("JSON");
                    for (language, record) in entry["languages"].as_object().expect("languages") {
                        languages.push(Language {
                            language: language.clone(),
                            hash: record["hash"].as_str().expect("hash").into(),
                            wasm: record["wasm"].as_str().map(Into::into),
                            page_count: record["page_count"].as_u64().expect("count") as usize,
                        });
                    }
                } else if [".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter"]
                    .iter()
                    .any(|ext| name.ends_with(ext))
                {
                    files.insert(name, file.contents);
                }
            }
            (files, languages)
        })
    }

    /// Builds with both and compares.
    fn check(self, max_fragments: Option<u32>) -> Files {
        let expected = self.pagefind(max_fragments);
        let options = Options { max_fragments, ..Options::default() };
        let actual = build_with(self.pages, &options);
        // Not vacuous: each language has its meta file, fragments and index chunks.
        assert!(!expected.1.is_empty(), "Pagefind indexed nothing");
        for language in &expected.1 {
            assert!(expected.0.contains_key(&format!("pagefind.{}.pf_meta", language.hash)));
            for dir in ["fragment", "index"] {
                let prefix = format!("{dir}/{}_", language.language);
                assert!(expected.0.keys().any(|name| name.starts_with(&prefix)));
            }
        }
        compare(&expected.0, &actual.0);
        assert_eq!(expected.1, actual.1, "entry records");
        actual.0
    }
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("gzip");
    assert_eq!(&out[..12], b"pagefind_dcd");
    out.split_off(12)
}

fn decoded(name: &str, bytes: &[u8]) -> String {
    let bytes = gunzip(bytes);
    if name.ends_with(".pf_fragment") {
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        let mut out = String::new();
        cbor_text(&bytes, &mut 0, &mut out);
        out
    }
}

/// A CBOR item (of the kinds Pagefind writes: integers, strings, arrays) as text.
fn cbor_text(bytes: &[u8], at: &mut usize, out: &mut String) {
    let head = bytes[*at];
    *at += 1;
    let (major, info) = (head >> 5, head & 31);
    let argument = |at: &mut usize| -> u64 {
        let size = match info {
            0..=23 => return u64::from(info),
            24 => 1,
            25 => 2,
            26 => 4,
            _ => 8,
        };
        let value = bytes[*at..*at + size].iter().fold(0u64, |n, &b| (n << 8) | u64::from(b));
        *at += size;
        value
    };
    let n = argument(at);
    match major {
        0 => out.push_str(&n.to_string()),
        1 => out.push_str(&format!("-{}", n + 1)),
        3 => {
            let text = &bytes[*at..*at + n as usize];
            *at += n as usize;
            out.push_str(&format!("{:?}", String::from_utf8_lossy(text)));
        }
        4 => {
            out.push('[');
            for i in 0..n {
                if i > 0 {
                    out.push_str(", ");
                }
                cbor_text(bytes, at, out);
            }
            out.push(']');
        }
        _ => out.push_str(&format!("<major {major}>")),
    }
}

/// Asserts the same files, showing the decoded differences.
fn compare(expected: &Files, actual: &Files) {
    if expected == actual {
        return;
    }
    let mut report = String::new();
    for (name, bytes) in expected {
        match actual.get(name) {
            None => report.push_str(&format!("missing {name}: {}\n", decoded(name, bytes))),
            Some(ours) if ours != bytes => report.push_str(&format!(
                "differs {name}:\n  pagefind: {}\n  ours:     {}\n  (same decoded: {})\n",
                decoded(name, bytes),
                decoded(name, ours),
                gunzip(bytes) == gunzip(ours)
            )),
            Some(_) => {}
        }
    }
    for (name, bytes) in actual {
        if !expected.contains_key(name) {
            report.push_str(&format!("extra {name}: {}\n", decoded(name, bytes)));
        }
    }
    panic!("files differ from Pagefind's:\n{report}");
}

fn stem(language: &str, word: &str) -> String {
    let algorithm = match language.split('-').next().unwrap_or_default() {
        "en" => Algorithm::English,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "pt" => Algorithm::Portuguese,
        _ => return word.to_owned(),
    };
    Stemmer::create(algorithm).stem(word).into_owned()
}

/// A lowercase word -> its form without diacritics and, when that differs, the original.
fn fold(word: &str) -> (String, Option<String>) {
    if word.is_ascii() {
        return (word.to_owned(), None);
    }
    let folded = word
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'ü' => 'u',
            'ö' => 'o',
            'à' | 'ä' | 'ã' => 'a',
            'ç' => 'c',
            c if c.is_ascii_lowercase() => c,
            c => panic!("no folding for {c}"),
        })
        .collect();
    (folded, Some(word.to_owned()))
}

/// Pagefind's fossicking of a custom record whose content is lowercase words and markers.
fn record(
    url: &str,
    content: &str,
    language: &str,
    meta: &BTreeMap<String, String>,
    filters: &BTreeMap<String, Vec<String>>,
    sort: &BTreeMap<String, String>,
) -> Page {
    let mut word_data: HashMap<String, Vec<Word>> = HashMap::new();
    let mut anchors = Vec::new();
    let mut weights = vec![24u8];
    let mut text = String::new();
    let (mut position, mut last) = (0u32, 0u32);
    for token in content.split_whitespace() {
        if let Some(anchor) = token.strip_prefix("___PAGEFIND_ANCHOR___") {
            let (element, id) = anchor.split_once(':').expect("element:n:id");
            let (_, id) = id.split_once(':').expect("n:id");
            anchors.push(Anchor {
                element: element.into(),
                id: id.into(),
                text: String::new(),
                title: None,
                location: position,
            });
        } else if let Some(weight) = token.strip_prefix("___PAGEFIND_WEIGHT___") {
            let weight: f32 = weight.parse().expect("a weight");
            weights.push(if weight <= 0.0 {
                0
            } else {
                ((weight.clamp(0.0, 10.0) * 24.0) as u8).max(1)
            });
        } else if token == "___END_PAGEFIND_WEIGHT___" {
            weights.pop();
        } else {
            text.push_str(token);
            text.push(' ');
            let (folded, original) = fold(token);
            word_data.entry(stem(language, &folded)).or_default().push(Word {
                position,
                weight: *weights.last().unwrap_or(&1),
                original_word: original,
            });
            last = position;
            position += 1;
        }
    }
    text.pop();

    let mut meta_word_data: HashMap<String, Vec<MetaWord>> = HashMap::new();
    for (field_id, value) in meta.values().enumerate() {
        for (position, word) in value.split_whitespace().enumerate() {
            let (folded, original) = fold(word);
            meta_word_data.entry(stem(language, &folded)).or_default().push(MetaWord {
                field_id: field_id as u16,
                position: position as u32,
                original_word: original,
            });
        }
    }

    Page {
        url: url.into(),
        content: text,
        word_count: last as usize + 1,
        filters: filters.clone(),
        meta: meta.clone(),
        anchors,
        word_data,
        meta_word_data,
        sort: sort.clone(),
        has_custom_body: false,
        force_inclusion: true,
        has_html_element: true,
        language: language.into(),
    }
}

/// A hand-fossicked HTML page's words: (word, position, weight).
fn words(list: &[(&str, u32, u8)]) -> HashMap<String, Vec<Word>> {
    let mut map: HashMap<String, Vec<Word>> = HashMap::new();
    for &(word, position, weight) in list {
        map.entry(word.into()).or_default().push(Word { position, weight, original_word: None });
    }
    map
}

fn title_words(list: &[(&str, u32)]) -> HashMap<String, Vec<MetaWord>> {
    let mut map: HashMap<String, Vec<MetaWord>> = HashMap::new();
    for &(word, position) in list {
        map.entry(word.into()).or_default().push(MetaWord {
            field_id: 0,
            position,
            original_word: None,
        });
    }
    map
}

fn html_page(url: &str, content: &str, word_count: usize) -> Page {
    Page {
        url: url.into(),
        content: content.into(),
        word_count,
        filters: BTreeMap::new(),
        meta: BTreeMap::new(),
        anchors: Vec::new(),
        word_data: HashMap::new(),
        meta_word_data: HashMap::new(),
        sort: BTreeMap::new(),
        has_custom_body: false,
        force_inclusion: false,
        has_html_element: true,
        language: "en".into(),
    }
}

#[test]
fn html_pages() {
    let mut site = Site::default();
    // The h1 is the title and an anchor; its words weigh 7 (168); the filter and sort
    // come from the paragraph.
    site.html(
        "en/x/index.html",
        "<html lang=\"en\"><head><title>ignored</title></head><body>\
         <h1 id=\"top\">alpha beta</h1>\
         <p data-pagefind-filter=\"tag:x\" data-pagefind-sort=\"date:2\">gamma</p>\
         </body></html>",
        Page {
            meta: [("title".to_string(), "alpha beta".to_string())].into(),
            filters: [("tag".to_string(), vec!["x".to_string()])].into(),
            sort: [("date".to_string(), "2".to_string())].into(),
            anchors: vec![Anchor {
                element: "h1".into(),
                id: "top".into(),
                text: "alpha beta".into(),
                title: None,
                location: 0,
            }],
            word_data: words(&[("alpha", 0, 168), ("beta", 1, 168), ("gamma", 2, 24)]),
            meta_word_data: title_words(&[("alpha", 0), ("beta", 1)]),
            ..html_page("/en/x/", "alpha beta. gamma.", 3)
        },
    );
    site.html(
        "en/y/index.html",
        "<html lang=\"en\"><body><p>gamma delta</p></body></html>",
        Page {
            word_data: words(&[("gamma", 0, 24), ("delta", 1, 24)]),
            ..html_page("/en/y/", "gamma delta.", 2)
        },
    );
    let files = site.check(None);
    assert_eq!(files.keys().filter(|f| f.starts_with("fragment/")).count(), 2);
}

#[test]
fn custom_body_pages_only() {
    let mut site = Site::default();
    site.html(
        "en/a/index.html",
        "<html lang=\"en\"><body><main data-pagefind-body><p>alpha beta</p></main></body></html>",
        Page {
            has_custom_body: true,
            word_data: words(&[("alpha", 0, 24), ("beta", 1, 24)]),
            ..html_page("/en/a/", "alpha beta.", 2)
        },
    );
    // Dropped: the site uses data-pagefind-body and this page has none.
    site.html(
        "en/b/index.html",
        "<html lang=\"en\"><body><p>gamma</p></body></html>",
        Page { word_data: words(&[("gamma", 0, 24)]), ..html_page("/en/b/", "gamma.", 1) },
    );
    // Kept: records are forced in.
    site.record("/c/", "delta alpha", "en", &[], &[], &[]);
    let files = site.check(None);
    assert_eq!(files.keys().filter(|f| f.starts_with("fragment/")).count(), 2);
}

#[test]
fn languages_unknown_and_replaced_pages() {
    let mut site = Site::default();
    for i in 0..3 {
        site.record(&format!("/en/{i}/"), "the walking dogs walked", "en", &[], &[], &[]);
    }
    site.record("/fr/0/", "les chevaux mangeaient", "fr", &[], &[], &[]);
    site.record("/fr/1/", "une pomme verte", "fr", &[], &[], &[]);
    site.record("/pt/0/", "uma maçã", "pt-br", &[], &[], &[]);
    site.record("/zz/0/", "blorp zorp", "zz", &[], &[], &[]);
    // Merged into en, the language with the most pages.
    site.record("/u/0/", "mystery words", "unknown", &[("title", "odd")], &[], &[]);
    site.record("/u/1/", "more mystery", "unknown", &[], &[], &[]);
    // No words: dropped.
    site.record("/empty/", "", "en", &[], &[], &[]);
    // A filter without values, and a value given twice.
    site.record(
        "/en/f/",
        "filtered words",
        "en",
        &[],
        &[("none", &[]), ("twice", &["v", "v"])],
        &[],
    );
    // Replaces the first en page, in its place.
    site.record("/en/0/", "replaced content here", "en", &[], &[], &[]);
    site.check(None);
}

#[test]
fn only_unknown_language() {
    let mut site = Site::default();
    site.record("/a/", "one two", "unknown", &[], &[], &[]);
    site.record("/b/", "two three", "unknown", &[], &[], &[]);
    site.check(None);
}

#[test]
fn language_tie_goes_to_first_name() {
    let mut site = Site::default();
    site.record("/de/", "hund katze", "de", &[], &[], &[]);
    site.record("/fr/", "chien chat", "fr", &[], &[], &[]);
    site.record("/u/", "mystery", "unknown", &[], &[], &[]);
    site.check(None);
}

/// Timing, not correctness (`PAGES`: how many; `NATIVE_ONLY`: without Pagefind): `cargo
/// test -p pagefind_native --release --features flate2/zlib-rs --lib
/// index::tests::timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing() {
    let pages: usize = std::env::var("PAGES").ok().and_then(|p| p.parse().ok()).unwrap_or(5_000);
    let mut site = Site::default();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let letters = b"abcdefghijklmnoprstuvwy";
    let vocabulary: Vec<String> = (0..20_000)
        .map(|mut i| {
            let mut word = String::new();
            loop {
                word.push(letters[i % letters.len()] as char);
                i /= letters.len();
                if i == 0 {
                    break;
                }
                word.push(['a', 'e', 'o'][i % 3]);
            }
            word
        })
        .collect();
    for page in 0..pages {
        let content: Vec<&str> = (0..300)
            .map(|_| {
                let spread = next(vocabulary.len()) + 1;
                vocabulary[next(spread)].as_str()
            })
            .collect();
        let title = format!("{} {}", vocabulary[next(100)], vocabulary[next(5000)]);
        site.record(
            &format!("/docs/{page}/"),
            &content.join(" "),
            "en",
            &[("title", &title)],
            &[("tag", &[["a", "b", "c"][page % 3]])],
            &[],
        );
    }
    let started = std::time::Instant::now();
    let (ours, _) = build(std::mem::take(&mut site.pages));
    let native = started.elapsed();
    if std::env::var_os("NATIVE_ONLY").is_some() {
        println!("{pages} pages, {} files: native {native:?}", ours.len());
        return;
    }
    let started = std::time::Instant::now();
    let (theirs, _) = site.pagefind(None);
    let pagefind = started.elapsed();
    println!(
        "{pages} pages, {} files: native {native:?}, Pagefind (fossicking and building) {pagefind:?}",
        ours.len()
    );
    compare(&theirs, &ours);
}
