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
/// cache writes. A damaged or misplaced cache entry is indexed afresh.
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
    assert_eq!(entries.len(), 7, "six locales and the German page's earlier version");
    // Damage every entry: a byte changed, a run zeroed, the end cut off, two swapped, one
    // copied over another (each in its own way is a miss, and the locale indexed afresh).
    let mut entries = entries;
    entries.sort();
    let read = |i: usize| std::fs::read(&entries[i]).unwrap();
    let write = |i: usize, bytes: &[u8]| std::fs::write(&entries[i], bytes).unwrap();
    let mut flipped = read(0);
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    write(0, &flipped);
    let mut zeroed = read(1);
    let end = zeroed.len() - 10;
    zeroed[end - 40..end].fill(0);
    write(1, &zeroed);
    let cut = read(2);
    write(2, &cut[..cut.len() - 1]);
    let (third, fourth) = (read(3), read(4));
    write(3, &fourth);
    write(4, &third);
    write(5, &read(6));
    let (repaired, stderr) = build("repaired", &[]);
    // Only the entry copied from stays whole (and is used, if it is a current locale's).
    let reused_one = stderr.contains("(1 of 6 unchanged, from the cache)");
    assert!(reused_one || !stderr.contains("from the cache"), "{stderr}");
    assert!(repaired == fresh, "a damaged cache changed the site");
    let (again, stderr) = build("again", &[]);
    assert!(stderr.contains("(6 of 6 unchanged, from the cache)"), "repaired: {stderr}");
    assert!(again == fresh);
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

/// The index drillbook writes (with `crates/pagefind-native`) is the index Pagefind writes
/// for the built site's pages, byte for byte once inflated (it gzips at zlib's default
/// level, Pagefind at the best; the crate's own tests compare the gzipped bytes too), runtime
/// files included: on the shipped site and on the imported corpus (real Microsoft docs in six
/// locales: tables, code, images, alerts, links, CJK and Cyrillic text). Pagefind is handed
/// the whole pages; drillbook indexes their search views.
#[test]
fn the_native_index_is_pagefinds_index_byte_for_byte() {
    let shipped = shipped_project();
    let corpus = shipped_project();
    let docfx = support::repo().join("../shared/corpus/docfx");
    let imported = drillbook(corpus.path(), &["import", "docfx", docfx.to_str().unwrap()]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    // The machine translations' defects fail the build, as `check` does: left out.
    support::drop_broken_translations(corpus.path());
    for project in [&shipped, &corpus] {
        let site = project.path().join("native");
        let out =
            drillbook(project.path(), &["build", "--no-cache", "--out", site.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let pages: BTreeMap<String, Vec<u8>> = tree(&site)
            .into_iter()
            .filter(|(path, html)| {
                path.ends_with(".html") && html.windows(18).any(|w| w == b"data-pagefind-body")
            })
            .collect();
        assert!(pages.len() >= 6, "{} pages marked for search", pages.len());
        let (a, b) = (tree(&site.join("pagefind")), pagefind_index(&pages));
        assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
        let differing: Vec<&String> = a
            .iter()
            .filter(|(name, bytes)| inflated(name, bytes) != inflated(name, &b[*name]))
            .map(|(name, _)| name)
            .collect();
        assert!(differing.is_empty(), "differ from Pagefind's: {differing:?}");
        let gzipped = a.iter().filter(|(name, _)| name.contains(".pf_")).count();
        assert!(gzipped > 6, "only {gzipped} gzipped index files");
        assert!(a.keys().filter(|name| name.starts_with("fragment/")).count() >= 6);
    }
}

/// The contents of an index file: inflated for Pagefind's gzipped `.pf_*` files (after
/// checking Pagefind's signature), as they are for the others.
fn inflated(name: &str, bytes: &[u8]) -> Vec<u8> {
    use std::io::Read as _;
    if name == "pagefind-entry.json" {
        // drillbook merges the languages' entry files, and writes the JSON's keys sorted.
        let value: serde_json::Value = serde_json::from_slice(bytes).expect("entry is JSON");
        return serde_json::to_vec(&value).unwrap();
    }
    let gzipped = [".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter"];
    if !gzipped.iter().any(|ext| name.ends_with(ext)) {
        return bytes.to_vec();
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("gzip");
    assert!(out.starts_with(b"pagefind_dcd"), "{name} lacks Pagefind's signature");
    out
}

/// Whether the site needs Pagefind's output file `name` (as drillbook writes it): the search
/// API, its worker, the entry file, the search cores, and each language's meta file and
/// chunks; not Pagefind's ready-made UIs.
fn is_needed(name: &str) -> bool {
    matches!(name, "pagefind.js" | "pagefind-worker.js" | "pagefind-entry.json")
        || (name.starts_with("wasm.") && name.ends_with(".pagefind"))
        || (name.starts_with("pagefind.") && name.ends_with(".pf_meta"))
        || ["index/", "fragment/", "filter/"].iter().any(|dir| name.starts_with(dir))
}

/// What Pagefind itself (the pinned dev-dependency) writes of the site's needs for `pages`
/// (site-relative path -> HTML), added in path order with its default options.
fn pagefind_index(pages: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    pagefind_files(pages, &[])
}

/// The needed files of a Pagefind index of `pages` and of one custom record for each of
/// `languages`.
fn pagefind_files(
    pages: &BTreeMap<String, Vec<u8>>,
    languages: &[&str],
) -> BTreeMap<String, Vec<u8>> {
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    runtime.block_on(async {
        let config = pagefind::options::PagefindServiceConfig::builder().build();
        let mut index = pagefind::api::PagefindIndex::new(Some(config)).unwrap();
        for (path, html) in pages {
            let html = String::from_utf8(html.clone()).expect("UTF-8 page");
            index.add_html_file(Some(path.clone()), None, html).await.expect("indexed");
        }
        for &language in languages {
            let meta = BTreeMap::from([("title".to_string(), "drillbook".to_string())]);
            let (url, content) = (format!("/{language}/"), "drillbook".to_string());
            index
                .add_custom_record(url, content, language.into(), Some(meta), None, None)
                .await
                .expect("a record");
        }
        let files = index.get_files().await.expect("Pagefind's files");
        files
            .into_iter()
            .map(|file| (file.filename.to_string_lossy().replace('\\', "/"), file.contents))
            .filter(|(name, _)| is_needed(name))
            .collect()
    })
}

/// Pagefind's runtime files (see `vendor/pagefind/PROVENANCE.md`): the search API, its worker
/// and every search core, from an index of one record per language it has a core for.
fn pagefind_runtime() -> BTreeMap<String, Vec<u8>> {
    let languages: Vec<&str> = pagefind_native::index::WASM_LANGUAGES
        .iter()
        .copied()
        .filter(|&l| l != "unknown")
        .collect();
    let files = pagefind_files(&BTreeMap::new(), &languages);
    let entry: serde_json::Value = serde_json::from_slice(&files["pagefind-entry.json"]).unwrap();
    assert_eq!(
        entry["version"],
        pagefind_native::PAGEFIND_VERSION,
        "the pinned Pagefind's version"
    );
    files
        .into_iter()
        .filter(|(name, _)| name.ends_with(".js") || name.ends_with(".pagefind"))
        .collect()
}

/// The runtime files in `vendor/pagefind/` (compiled into drillbook) are those the pinned
/// Pagefind writes, and the version named in the code is the pinned one (Cargo.toml's exact
/// requirement, Cargo.lock's version). `UPDATE_PAGEFIND=1` rewrites the files instead
/// (`scripts/update-pagefind.sh`).
#[test]
fn the_vendored_runtime_is_the_pinned_pagefinds() {
    let repo = support::repo();
    let version = pagefind_native::PAGEFIND_VERSION;
    let manifest = std::fs::read_to_string(repo.join("Cargo.toml")).unwrap();
    let pin = format!("pagefind = {{ version = \"={version}\"");
    assert!(manifest.contains(&pin), "Cargo.toml does not pin `{pin}`");
    let lock = std::fs::read_to_string(repo.join("Cargo.lock")).unwrap();
    let locked = format!("name = \"pagefind\"\nversion = \"{version}\"\n");
    assert!(lock.contains(&locked), "Cargo.lock does not hold Pagefind {version}");
    let crate_manifest =
        std::fs::read_to_string(repo.join("crates/pagefind-native/Cargo.toml")).unwrap();
    assert!(crate_manifest.contains(&pin), "crates/pagefind-native does not pin `{pin}`");
    let provenance = std::fs::read_to_string(repo.join("vendor/pagefind/PROVENANCE.md")).unwrap();
    assert!(provenance.contains(&format!("Pagefind {version}")), "PROVENANCE.md: another version");

    let dir = repo.join("vendor/pagefind");
    let expected = pagefind_runtime();
    assert!(expected.len() > 30, "{:?}", expected.keys());
    let vendored = || -> BTreeMap<String, Vec<u8>> {
        tree(&dir)
            .into_iter()
            .filter(|(name, _)| name.ends_with(".js") || name.ends_with(".pagefind"))
            .collect()
    };
    if std::env::var_os("UPDATE_PAGEFIND").is_some() {
        for name in vendored().keys().filter(|name| !expected.contains_key(*name)) {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
        for (name, bytes) in &expected {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
    }
    let vendored = vendored();
    assert_eq!(vendored.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
    let differing: Vec<&String> = expected
        .iter()
        .filter(|(name, bytes)| vendored[*name] != **bytes)
        .map(|(n, _)| n)
        .collect();
    assert!(
        differing.is_empty(),
        "vendor/pagefind/ differs from Pagefind {version}: {differing:?} (scripts/update-pagefind.sh)"
    );
}
