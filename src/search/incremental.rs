//! `serve`'s search index, kept from one edit to the next: a locale whose pages changed is
//! re-indexed with only the changed pages parsed and fossicked again, and only the files
//! whose contents changed gzipped again ([`GzipMemo`]); the other locales' files are kept.
//! The files are the same bytes a build writes for the same pages ([`super::index_pages`]).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use anyhow::Result;
use pagefind_native::Page;
use pagefind_native::index::GzipMemo;
use rayon::prelude::*;

use super::{Cache, Views, merge, native};
use crate::render::Files;

/// The last index of each locale, with what it was made from.
#[derive(Default)]
pub struct Incremental {
    locales: BTreeMap<String, Kept>,
    memo: Arc<GzipMemo>,
}

/// One locale's index files (an index of that locale alone, with its own entry file) and,
/// once the locale has been indexed here, each page's search view and fossicked page.
struct Kept {
    files: Files,
    pages: Option<BTreeMap<String, (Vec<u8>, Page)>>,
}

impl Incremental {
    /// The index of every locale of `views`. A locale named in `stale`, or not indexed
    /// before, is indexed from its views (a locale not indexed before and not stale is
    /// taken from `cache` when it holds exactly those pages); the others keep their files.
    /// Each locale indexed is put in `cache`, as a build would.
    pub fn index(
        &mut self,
        views: &Views,
        stale: &BTreeSet<String>,
        cache: Option<&Cache>,
    ) -> Result<Files> {
        self.locales.retain(|locale, _| views.contains_key(locale));
        for (locale, pages) in views {
            let kept = self.locales.get(locale);
            if kept.is_some() && !stale.contains(locale) {
                continue;
            }
            if kept.is_none() && !stale.contains(locale) {
                if let Some(files) = cache.and_then(|cache| cache.get(&cache.key(pages))) {
                    self.locales.insert(locale.clone(), Kept { files, pages: None });
                    continue;
                }
            }
            let previous = self.locales.remove(locale).and_then(|kept| kept.pages);
            let indexed = self.index_locale(pages, previous.unwrap_or_default())?;
            if let Some(cache) = cache {
                cache.put(&cache.key(pages), &indexed.files);
            }
            self.locales.insert(locale.clone(), indexed);
        }
        merge(self.locales.values().map(|kept| kept.files.clone()).collect())
    }

    /// `pages` indexed, fossicking only those whose view differs from `previous`'s.
    fn index_locale(
        &self,
        pages: &Files,
        mut previous: BTreeMap<String, (Vec<u8>, Page)>,
    ) -> Result<Kept> {
        let changed: Files = pages
            .iter()
            .filter(|(path, view)| previous.get(*path).is_none_or(|(old, _)| old != *view))
            .map(|(path, view)| (path.clone(), view.clone()))
            .collect();
        let fossicked: Vec<(String, Page)> = native::parse_all(&changed)?
            .into_par_iter()
            .map(|(path, parsed)| {
                let page = pagefind_native::words::fossick(&path, parsed);
                (path, page)
            })
            .collect();
        for (path, page) in fossicked {
            let view = changed.get(&path).cloned().unwrap_or_default();
            previous.insert(path, (view, page));
        }
        previous.retain(|path, _| pages.contains_key(path));
        let in_order: Vec<Page> = previous.values().map(|(_, page)| page.clone()).collect();
        let files = native::index_fossicked(in_order, &self.memo)?;
        Ok(Kept { files, pages: Some(previous) })
    }
}
