//! The search index (`site/pagefind/`): built by `build` for every locale, byte-identical
//! across builds, left out with `--no-search`, and never half-written into the site.

mod support;

use std::collections::BTreeMap;

use support::{drillbook, edit, shipped_project, tree};

const LOCALES: [&str; 6] = ["en-US", "de-DE", "nl-NL", "sv-SE", "zh-CN", "ru-RU"];

#[test]
fn shipped_site_has_a_search_index_for_every_locale() {
    let project = shipped_project();
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("search index: de-de "), "{}", out.stderr);
    let index = project.path().join("site/pagefind");
    let files = tree(&index);
    let entry: serde_json::Value =
        serde_json::from_slice(&files["pagefind-entry.json"]).expect("entry is JSON");
    let languages = entry["languages"].as_object().expect("languages");
    assert_eq!(languages.len(), LOCALES.len(), "{entry}");
    for locale in LOCALES {
        let key = locale.to_ascii_lowercase();
        let language = &languages[&key];
        assert_eq!(language["page_count"], 1, "{locale}: the one article, not chrome pages");
        let hash = language["hash"].as_str().unwrap();
        assert!(files.contains_key(&format!("pagefind.{hash}.pf_meta")), "{locale} meta");
        for dir in ["index/", "fragment/"] {
            assert!(
                files.keys().any(|f| f.starts_with(&format!("{dir}{key}_"))),
                "{locale}: no {dir} chunk"
            );
        }
    }
    for needed in
        ["pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind", "wasm.ru-ru.pagefind"]
    {
        assert!(files.contains_key(needed), "{needed}");
    }
    // Pagefind's ready-made UIs are not shipped: the site has its own.
    assert!(!files.keys().any(|f| f.contains("-ui")), "{:?}", files.keys());
    // Every page carries the search script; only article pages are marked for indexing.
    let site = project.path().join("site");
    let article =
        std::fs::read_to_string(site.join("ru-RU/remove-a-relationship/index.html")).unwrap();
    assert!(article.contains("<article class=\"article\" data-pagefind-body>"));
    assert!(article.contains("assets/search.js"));
    let index_page = std::fs::read_to_string(site.join("ru-RU/index.html")).unwrap();
    assert!(!index_page.contains("data-pagefind-body"));
    assert!(index_page.contains("data-results-few=\"Найдено {count} статьи\""));
}

#[test]
fn the_search_index_is_byte_identical_across_builds() {
    let project = shipped_project();
    let first = project.path().join("first");
    let second = project.path().join("second");
    for out in [&first, &second] {
        let result = drillbook(project.path(), &["build", "--out", out.to_str().unwrap()]);
        assert_eq!(result.code, 0, "{}", result.stderr);
    }
    let (a, b) = (tree(&first.join("pagefind")), tree(&second.join("pagefind")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between two builds of the same input");
    }
}

/// A rebuild indexes only the locales whose pages changed; the others' indexes come from
/// `.drillbook-cache/search/`, and the site is byte for byte the one a build without the
/// cache writes. A damaged cache entry is indexed afresh.
#[test]
fn unchanged_locales_reuse_their_cached_index_and_the_site_stays_the_same() {
    let project = shipped_project();
    let root = project.path();
    let build = |out: &str, extra: &[&str]| {
        let mut args = vec!["build", "--out", out];
        args.extend(extra);
        let result = drillbook(root, &args);
        assert_eq!(result.code, 0, "{}", result.stderr);
        (tree(&root.join(out)), result.stderr)
    };
    let (cold, stderr) = build("cold", &[]);
    assert!(!stderr.contains("from the cache"), "{stderr}");
    let (warm, stderr) = build("warm", &[]);
    assert!(stderr.contains("(6 of 6 unchanged, from the cache)"), "{stderr}");
    assert!(warm == cold, "a cached index is the index");

    edit(root, "locales/de-DE/remove-a-relationship.ftl", "In diesem Artikel", "Dieser Artikel");
    let (edited, stderr) = build("edited", &[]);
    assert!(stderr.contains("(5 of 6 unchanged, from the cache)"), "{stderr}");
    let (fresh, stderr) = build("fresh", &["--no-cache"]);
    assert!(!stderr.contains("from the cache"), "{stderr}");
    assert!(edited == fresh, "cached and fresh indexes differ after an edit");
    let german = |files: &BTreeMap<String, Vec<u8>>| {
        files.iter().filter(|(name, _)| name.contains("de-de_")).count()
    };
    assert!(german(&edited) > 0);
    assert!(
        edited.keys().filter(|n| n.contains("de-de_")).any(|n| !cold.contains_key(n)),
        "the German index was rebuilt"
    );

    let cache = root.join(".drillbook-cache/search");
    let entries: Vec<_> = std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(
        entries.len(),
        8,
        "six locales, the German page's earlier version and Pagefind's constant files"
    );
    for entry in &entries {
        let bytes = std::fs::read(entry).unwrap();
        std::fs::write(entry, &bytes[..bytes.len() / 2]).unwrap();
    }
    let (repaired, stderr) = build("repaired", &[]);
    assert!(!stderr.contains("from the cache"), "{stderr}");
    assert!(repaired == fresh);
}

#[test]
fn no_search_leaves_the_index_out() {
    let project = shipped_project();
    let out = drillbook(project.path(), &["build", "--no-search"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!project.path().join("site/pagefind").exists());
    assert!(!out.stderr.contains("search index"), "{}", out.stderr);
}

#[test]
fn a_failed_build_keeps_the_previous_index() {
    let project = shipped_project();
    assert_eq!(drillbook(project.path(), &["build"]).code, 0);
    let before = tree(&project.path().join("site"));
    edit(project.path(), "locales/en-US/site.ftl", "search-label = Search", "search-label = {");
    let out = drillbook(project.path(), &["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(tree(&project.path().join("site")), before);
}

/// The native indexer (`crates/pagefind-native`) writes the index Pagefind writes, byte for
/// byte once inflated (it gzips at zlib's default level, Pagefind at the best; the crate's
/// own tests compare the gzipped bytes too), and indexes every page itself (no locale falls
/// back to Pagefind): on the shipped site and on the imported corpus (real Microsoft docs in
/// six locales: tables, code, images, alerts, links, CJK and Cyrillic text).
#[test]
fn the_native_index_is_pagefinds_index_byte_for_byte() {
    let shipped = shipped_project();
    let corpus = shipped_project();
    let docfx = support::repo().join("../shared/corpus/docfx");
    let imported = drillbook(corpus.path(), &["import", "docfx", docfx.to_str().unwrap()]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    for project in [&shipped, &corpus] {
        let (native, reference) = (project.path().join("native"), project.path().join("pagefind"));
        let out =
            drillbook(project.path(), &["build", "--no-cache", "--out", native.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(!out.stderr.contains("Pagefind indexes"), "a locale fell back:\n{}", out.stderr);
        let env = [("DRILLBOOK_SEARCH_INDEXER", "pagefind")];
        let args = ["build", "--no-cache", "--out", reference.to_str().unwrap()];
        let out = support::drillbook_with(project.path(), &args, &env);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let (a, b) = (tree(&native.join("pagefind")), tree(&reference.join("pagefind")));
        assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
        let differing: Vec<&String> = a
            .iter()
            .filter(|(name, bytes)| inflated(name, bytes) != inflated(name, &b[*name]))
            .map(|(name, _)| name)
            .collect();
        assert!(differing.is_empty(), "differ from Pagefind's: {differing:?}");
        let gzipped = a.iter().filter(|(name, bytes)| inflated(name, bytes) != **bytes).count();
        assert!(gzipped > 6, "only {gzipped} gzipped index files");
        assert!(a.keys().filter(|name| name.starts_with("fragment/")).count() >= 6);
    }
}

/// The contents of an index file: inflated for Pagefind's gzipped `.pf_*` files (after
/// checking Pagefind's signature), as they are for the others.
fn inflated(name: &str, bytes: &[u8]) -> Vec<u8> {
    use std::io::Read as _;
    let gzipped = [".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter"];
    if !gzipped.iter().any(|ext| name.ends_with(ext)) {
        return bytes.to_vec();
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("gzip");
    assert!(out.starts_with(b"pagefind_dcd"), "{name} lacks Pagefind's signature");
    out
}
