//! The sitemap: every locale's home page and article pages, each with its hreflang
//! alternates, in as many files as the sitemaps protocol's limits need, and a sitemap index
//! naming them when there is more than one.

use askama::Template;

use crate::content::Site;
use crate::l10n::L10n;
use crate::render::chrome::{Alternate, alternates};
use crate::render::pages::render_template;

/// How much one sitemap file may hold.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub urls: usize,
    pub bytes: usize,
}

/// The most URLs one sitemap file may list (the sitemaps protocol's limit).
pub const MAX_URLS: usize = 50_000;

/// The sitemaps protocol's limits on one file: 50,000 URLs and 50 MiB (52,428,800 bytes)
/// uncompressed. Search engines reject a file past either one.
pub(crate) const LIMITS: Limits = Limits { urls: MAX_URLS, bytes: 52_428_800 };

/// One sitemap file: its `<url>` entries, each rendered by [`Entry`].
#[derive(Template)]
#[template(path = "sitemap.xml")]
struct Urlset<'a> {
    entries: &'a [String],
}

#[derive(Template)]
#[template(path = "sitemap_url.xml")]
struct Entry<'a> {
    url: &'a Url,
}

struct Url {
    loc: String,
    lastmod: Option<String>,
    alternates: Vec<Alternate>,
}

/// A sitemap index: the sitemap files of a site too large for one.
#[derive(Template)]
#[template(path = "sitemap_index.xml")]
struct Index {
    sitemaps: Vec<Part>,
}

struct Part {
    loc: String,
    lastmod: Option<String>,
}

/// The sitemap files (name below the site root, XML), with `xhtml:link` hreflang alternates
/// for every page: `sitemap.xml` alone while the site fits in one file ([`LIMITS`]), else
/// `sitemap-1.xml`, `sitemap-2.xml`, … each filled up to the limits in page order, and
/// `sitemap.xml` the sitemap index that names them (where `robots.txt` points either way).
/// The project's `sitemap-max-urls` lowers the number of pages a file.
pub(crate) fn render(site: &Site, l10n: &L10n, locales: &[&str]) -> Vec<(String, String)> {
    let mut limits = LIMITS;
    if let Some(max) = &site.config.sitemap_max_urls {
        // The loader rejects a value outside 1..=MAX_URLS.
        limits.urls = usize::try_from(*max.get_ref()).unwrap_or(1).clamp(1, MAX_URLS);
    }
    let base = site.config.base_url.get_ref();
    let mut urls = Vec::new();
    for locale in locales {
        urls.push(Url {
            loc: format!("{base}{locale}/"),
            lastmod: None,
            alternates: alternates(site, "", None),
        });
        for article in &site.articles {
            let available = crate::render::available_locales(site, l10n, &article.id);
            if !available.iter().any(|l| l == locale) {
                continue;
            }
            let page = format!("{}/", article.id);
            urls.push(Url {
                loc: format!("{base}{locale}/{page}"),
                lastmod: article.date.as_ref().map(|d| d.get_ref().clone()),
                alternates: alternates(site, &page, Some(&available)),
            });
        }
    }
    files(base, &urls, limits)
}

/// `urls` in sitemap files of at most `limits` each, and the index of them when there are
/// several (its entries absolute, below `base`).
fn files(base: &str, urls: &[Url], limits: Limits) -> Vec<(String, String)> {
    let entries: Vec<String> = urls
        .iter()
        .map(|url| {
            let mut entry = render_template(&Entry { url });
            if !entry.ends_with('\n') {
                entry.push('\n');
            }
            entry
        })
        .collect();
    let wrapper = render_template(&Urlset { entries: &[] }).len();
    // Each part's first entry; a lone entry past the byte limit still gets a file.
    let mut starts = vec![0];
    let mut bytes = wrapper;
    for (i, entry) in entries.iter().enumerate() {
        let start = *starts.last().unwrap_or(&0);
        if i > start && (i - start == limits.urls || bytes + entry.len() > limits.bytes) {
            starts.push(i);
            bytes = wrapper;
        }
        bytes += entry.len();
    }
    if starts.len() == 1 {
        return vec![("sitemap.xml".into(), render_template(&Urlset { entries: &entries }))];
    }
    let mut out = Vec::with_capacity(starts.len() + 1);
    let mut parts = Vec::with_capacity(starts.len());
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(entries.len());
        let name = format!("sitemap-{}.xml", n + 1);
        // The newest page's date (`YYYY-MM-DD` sorts as it reads).
        let lastmod = urls[start..end].iter().filter_map(|u| u.lastmod.clone()).max();
        parts.push(Part { loc: format!("{base}{name}"), lastmod });
        out.push((name, render_template(&Urlset { entries: &entries[start..end] })));
    }
    out.push(("sitemap.xml".into(), render_template(&Index { sitemaps: parts })));
    out
}

#[cfg(test)]
mod tests;
