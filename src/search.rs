//! Site search: a Pagefind index of the built article pages, one index per locale, written
//! under `pagefind/` in the site. Pagefind reads each page's `<html lang>` to pick the
//! language (stemming for de/nl/sv/ru, word segmentation for zh with its `extended`
//! feature) and indexes only the element marked `data-pagefind-body`, minus anything inside
//! `data-pagefind-ignore`. The browser side (`assets/search.js`) loads `pagefind/pagefind.js`,
//! which picks the index of the page's own language: a search never leaves the locale.

use std::collections::BTreeMap;
use std::sync::Mutex;

use anyhow::{Context, Result};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::render::{Files, Sink};

/// The directory, below the site root, that holds the index and Pagefind's own JS.
pub const DIR: &str = "pagefind";

/// A sink that passes every file on to `inner` and keeps a copy of the pages that carry a
/// search body, for [`index_pages`]. With `enabled` false it only passes files on. The kept
/// pages stay in memory: Pagefind needs every page before it can build the index.
pub struct Tee<'a> {
    inner: &'a dyn Sink,
    enabled: bool,
    pages: Mutex<Files>,
}

impl<'a> Tee<'a> {
    pub fn new(inner: &'a dyn Sink, enabled: bool) -> Tee<'a> {
        Tee { inner, enabled, pages: Mutex::default() }
    }

    /// The pages kept, sorted by path.
    pub fn into_pages(self) -> Files {
        self.pages.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Tee<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.inner.put(path, bytes)?;
        if self.enabled && path.ends_with(".html") && is_searchable(bytes) {
            self.pages.lock().unwrap_or_else(|e| e.into_inner()).insert(path.into(), bytes.into());
        }
        Ok(())
    }
}

/// A page is indexed when it marks its body for search (article pages do).
fn is_searchable(html: &[u8]) -> bool {
    html.windows(b"data-pagefind-body".len()).any(|w| w == b"data-pagefind-body")
}

/// Pagefind's output files that the site needs: the search API (`pagefind.js`, its worker),
/// the entry file naming each language's index, the WebAssembly search cores, each
/// language's meta file and its index, fragment and filter chunks. Its ready-made UIs are
/// left out: the site has its own (`assets/search.js`).
fn is_needed(name: &str) -> bool {
    matches!(name, "pagefind.js" | "pagefind-worker.js" | "pagefind-entry.json")
        || (name.starts_with("wasm.") && name.ends_with(".pagefind"))
        || (name.starts_with("pagefind.") && name.ends_with(".pf_meta"))
        || name.starts_with("index/")
        || name.starts_with("fragment/")
        || name.starts_with("filter/")
}

/// Indexes `pages` (site-relative path -> HTML, e.g. `ru-RU/some-article/index.html`) and
/// returns the files to write below [`DIR`], sorted by path. No disk access: Pagefind builds
/// the files in memory. Pages are added in path order, and Pagefind names its chunks by
/// content hash, so the same pages give the same bytes. An `Err` is Pagefind failing,
/// an operational error: the caller does not commit the site.
pub fn index_pages(pages: &Files) -> Result<Files> {
    use rayon::prelude::*;
    // Pagefind's library API adds pages one at a time on one thread; each language's index
    // is independent, so the locales are indexed in parallel and their outputs merged:
    // shared files (search API, worker) are the same in each, and the entry file lists
    // every language.
    let mut by_locale: BTreeMap<&str, Vec<(&String, &Vec<u8>)>> = BTreeMap::new();
    for (path, html) in pages {
        let locale = path.split('/').next().unwrap_or_default();
        by_locale.entry(locale).or_default().push((path, html));
    }
    let parts: Vec<Files> =
        by_locale.into_par_iter().map(|(_, pages)| index_one(&pages)).collect::<Result<_>>()?;
    merge(parts)
}

/// Merges per-locale outputs: files by name, and the entry file's `languages`.
fn merge(parts: Vec<Files>) -> Result<Files> {
    let mut out = Files::new();
    let mut entry: Option<serde_json::Value> = None;
    for part in parts {
        for (name, bytes) in part {
            if name != "pagefind-entry.json" {
                out.insert(name, bytes);
                continue;
            }
            let value: serde_json::Value =
                serde_json::from_slice(&bytes).context("unreadable search entry file")?;
            match entry.as_mut() {
                None => entry = Some(value),
                Some(merged) => {
                    let languages = value.get("languages").and_then(|l| l.as_object()).cloned();
                    if let (Some(into), Some(from)) =
                        (merged.get_mut("languages").and_then(|l| l.as_object_mut()), languages)
                    {
                        into.extend(from);
                    }
                }
            }
        }
    }
    if let Some(entry) = entry {
        out.insert("pagefind-entry.json".into(), serde_json::to_vec(&entry)?);
    }
    Ok(out)
}

/// Indexes the pages of one locale, in path order.
fn index_one(pages: &[(&String, &Vec<u8>)]) -> Result<Files> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .context("failed to start the search indexer's runtime")?;
    runtime.block_on(async {
        let config = PagefindServiceConfig::builder().build();
        let mut index = PagefindIndex::new(Some(config)).context("invalid search options")?;
        for (path, html) in pages {
            let html = String::from_utf8_lossy(html).into_owned();
            index
                .add_html_file(Some((*path).clone()), None, html)
                .await
                .with_context(|| format!("failed to index `{path}` for search"))?;
        }
        let files = index.get_files().await.context("failed to build the search index")?;
        let mut out = BTreeMap::new();
        for file in files {
            let name = file.filename.to_string_lossy().replace('\\', "/");
            if is_needed(&name) {
                out.insert(name, file.contents);
            }
        }
        Ok(out)
    })
}

/// Size in bytes of each language's index, by Pagefind's language key (`ru-ru`): its meta
/// file and its `index/`, `fragment/` and `filter/` chunks, which Pagefind names
/// `<language>_<hash>`. The shared search core (`wasm.*.pagefind`, `pagefind*.js`) is not
/// counted.
pub fn index_sizes(files: &Files) -> BTreeMap<String, u64> {
    let mut sizes = BTreeMap::new();
    let Some(entry) = files.get("pagefind-entry.json") else { return sizes };
    let Ok(entry) = serde_json::from_slice::<serde_json::Value>(entry) else { return sizes };
    let Some(languages) = entry.get("languages").and_then(|l| l.as_object()) else {
        return sizes;
    };
    for language in languages.keys() {
        let prefix = format!("{language}_");
        let size = files
            .iter()
            .filter(|(name, _)| {
                let stem = name.rsplit('/').next().unwrap_or(name);
                let stem = stem.strip_prefix("pagefind.").unwrap_or(stem);
                stem.starts_with(&prefix) && !name.ends_with(".js")
            })
            .map(|(_, bytes)| bytes.len() as u64)
            .sum();
        sizes.insert(language.clone(), size);
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;

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
        pages.insert(
            "ru-RU/index.html".into(),
            b"<html lang=\"ru-RU\"><body>x</body></html>".into(),
        );
        let files = index_pages(&pages).unwrap();
        let entry: serde_json::Value =
            serde_json::from_slice(&files["pagefind-entry.json"]).unwrap();
        assert_eq!(entry["languages"]["ru-ru"]["page_count"], 1, "{entry}");
        assert_eq!(entry["languages"]["zh-cn"]["page_count"], 1, "{entry}");
        let sizes = index_sizes(&files);
        assert_eq!(sizes.keys().collect::<Vec<_>>(), ["ru-ru", "zh-cn"]);
        assert!(sizes.values().all(|&bytes| bytes > 100), "{sizes:?}");
        assert!(files.keys().all(|name| is_needed(name)));
        assert_eq!(index_pages(&pages).unwrap(), files, "same input, same bytes");
    }

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
}
