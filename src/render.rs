//! Rendering: the loaded model to the site's files, in memory. Pure: no IO here; the build
//! command writes the result with [`write::write_site`].

mod body;
pub mod checklist;
mod chrome;
mod dashboard;
pub mod html;
pub mod inline;
mod listing;
mod page;
mod pages;
mod sim_view;
mod sitemap;

pub use sitemap::MAX_URLS as SITEMAP_MAX_URLS;
pub mod write;

use std::collections::{BTreeMap, BTreeSet};

use crate::content::{Article, Site};
use crate::diag::{self, Diagnostic};
use crate::l10n::{L10n, Problem};
use chrome::{Names, SiteText, language_names};
pub(crate) use listing::{ListEntry, Listing, TopicList, available_locales};
use listing::{listing, neighbours};

pub(crate) use page::PageCtx;
pub use pages::ASSETS;
pub use sim_view::{AssessmentView, sim_view, sim_view_assessed};

/// What to render.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Locales to write (all configured locales when empty).
    pub locales: Vec<String>,
    /// Missing translations become errors.
    pub strict: bool,
    /// Per locale, per article: message ids whose English changed since translation.
    pub stale: BTreeMap<(String, String), BTreeSet<String>>,
    /// Translation status rows for the dashboard page (none: no dashboard).
    pub dashboard: Option<Vec<DashboardRow>>,
}

/// One row of the translation dashboard: a locale and one of its files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DashboardRow {
    pub locale: String,
    /// Scope: an article id, or `site`, `ui`, `sim`, `checklist`.
    pub scope: String,
    pub messages: usize,
    pub translated: usize,
    pub missing: usize,
    pub stale: usize,
    pub errors: usize,
    /// The diagnostics of this locale and file, sorted.
    pub problems: Vec<Diagnostic>,
    /// What changed in the English of its stale messages (empty when not computed).
    pub changes: Vec<crate::l10n::reviewed::StaleDetail>,
}

/// The dashboard pages to write: by locale, the files whose pages to write (`None`: all).
pub type DashboardPlan = BTreeMap<String, Option<BTreeSet<String>>>;

/// The rendered site: relative path (with `/`) -> bytes, sorted.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Where rendered files go: the build writes them to a staging directory as they are
/// produced (nothing scales with the site in memory); tests collect them.
pub trait Sink: Sync {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
}

/// A sink that keeps files in memory.
#[derive(Default)]
pub struct Collect(pub std::sync::Mutex<Files>);

impl Sink for Collect {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

impl Collect {
    pub fn into_files(self) -> Files {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// Renders a site into memory (tests, tools).
pub fn render_to_memory(site: &Site, l10n: &L10n, options: &Options) -> (Files, Vec<Diagnostic>) {
    let sink = Collect::default();
    let diags = render_site(site, l10n, options, &sink).expect("the in-memory sink cannot fail");
    (sink.into_files(), diags)
}

/// Renders every page of every selected locale, the indexes, sitemap, 404 and assets into
/// `sink`, pages in parallel. Output bytes do not depend on the order of rendering.
pub fn render_site(
    site: &Site,
    l10n: &L10n,
    options: &Options,
    sink: &dyn Sink,
) -> std::io::Result<Vec<Diagnostic>> {
    Renderer::new(site, l10n, options).render_site(site, l10n, options, sink)
}

/// What the pages of a site share (each locale's chrome and checklist texts, language names,
/// topic listings, which locales have each article), computed once; a locale's listing when
/// its pages are rendered (a streaming build loads one locale's article files at a time).
/// `serve` keeps one between rebuilds and re-renders only what an edit touched
/// ([`Renderer::update_article`]).
pub struct Renderer {
    /// The selected locales, in the site's order.
    locales: Vec<String>,
    site_ts: Vec<SiteText>,
    /// Each locale's checklist texts (shared scopes are loaded for every locale).
    checklist_ts: Vec<SiteText>,
    names: Names,
    listings: Vec<Listing>,
    available: BTreeMap<String, Vec<String>>,
    /// Problems met while computing the shared parts.
    problems: Vec<Problem>,
}

impl Renderer {
    pub fn new(site: &Site, l10n: &L10n, options: &Options) -> Renderer {
        let locales: Vec<String> = site
            .config
            .locales
            .iter()
            .map(|l| l.get_ref().clone())
            .filter(|l| options.locales.is_empty() || options.locales.iter().any(|o| o == l))
            .collect();
        let site_ts = locales.iter().map(|l| SiteText::new(l10n.translator(l, "site"))).collect();
        let checklist_ts =
            locales.iter().map(|l| SiteText::new(l10n.translator(l, checklist::SCOPE))).collect();
        let mut problems = Vec::new();
        let names = language_names(l10n, &mut problems);
        let listings = locales.iter().map(|_| Listing::default()).collect();
        let available = site
            .articles
            .iter()
            .map(|a| (a.id.clone(), available_locales(site, l10n, &a.id)))
            .collect();
        Renderer { locales, site_ts, checklist_ts, names, listings, available, problems }
    }

    /// Every page and file of the site (what `build` writes).
    pub fn render_site(
        &mut self,
        site: &Site,
        l10n: &L10n,
        options: &Options,
        sink: &dyn Sink,
    ) -> std::io::Result<Vec<Diagnostic>> {
        let mut problems = Vec::new();
        for locale in self.locales.clone() {
            problems.extend(self.render_locale(site, l10n, options, &locale, sink)?);
        }
        problems.extend(self.render_common(site, l10n, options, sink)?);
        let mut diags: Vec<Diagnostic> =
            problems.iter().map(|p| p.to_diagnostic(options.strict)).collect();
        diag::sort(&mut diags);
        diags.dedup();
        Ok(diags)
    }

    /// The pages of `locale` (its articles' pages and checklists, and its index), when it
    /// is one of the selected locales; its files must be loaded. Pages in parallel. An
    /// article the locale has no translation of gets no page there: its links and index
    /// entry go to the source locale's page, marked (`check` reports the missing file).
    /// Returns the problems the pages met (as fallbacks to the source text).
    pub fn render_locale(
        &mut self,
        site: &Site,
        l10n: &L10n,
        options: &Options,
        locale: &str,
        sink: &dyn Sink,
    ) -> std::io::Result<Vec<Problem>> {
        use rayon::prelude::*;

        let mut problems = Vec::new();
        let Some(i) = self.locales.iter().position(|l| l == locale) else { return Ok(problems) };
        self.listings[i] = listing(site, l10n, locale, &mut problems);
        let jobs: Vec<&Article> = (site.articles.iter())
            .filter(|article| self.available[&article.id].iter().any(|l| l == locale))
            .collect();
        let page_problems: Vec<Vec<Problem>> = jobs
            .par_iter()
            .map(|article| self.render_article(site, l10n, options, i, article, sink))
            .collect::<std::io::Result<_>>()?;
        problems.extend(page_problems.into_iter().flatten());
        problems.extend(self.render_locale_index(site, l10n, i, sink)?);
        Ok(problems)
    }

    /// Only article `id`'s pages in `locale` (what `drillbook package` ships): the locale's
    /// listing (the article's pager) and [`Self::render_locale`]'s pages of that article.
    pub fn render_one_article(
        &mut self,
        site: &Site,
        l10n: &L10n,
        options: &Options,
        locale: &str,
        id: &str,
        sink: &dyn Sink,
    ) -> std::io::Result<Vec<Problem>> {
        let mut problems = Vec::new();
        let Some(i) = self.locales.iter().position(|l| l == locale) else { return Ok(problems) };
        let Some(article) = site.article(id) else { return Ok(problems) };
        self.listings[i] = listing(site, l10n, locale, &mut problems);
        problems.extend(self.render_article(site, l10n, options, i, article, sink)?);
        Ok(problems)
    }

    /// The files of no one locale: the root and 404 pages, sitemaps, robots.txt, assets, and
    /// the dashboards when `options` has their rows.
    pub fn render_common(
        &self,
        site: &Site,
        l10n: &L10n,
        options: &Options,
        sink: &dyn Sink,
    ) -> std::io::Result<Vec<Problem>> {
        let mut problems = self.problems.clone();
        let locales: Vec<&str> = self.locales.iter().map(String::as_str).collect();
        // The dashboards and the sitemap grow with the site: beside each other.
        let (dashboards, sitemap) = rayon::join(
            || match &options.dashboard {
                Some(rows) => self.render_dashboards(site, l10n, rows, sink),
                None => Ok(Vec::new()),
            },
            || {
                let sitemaps = sitemap::render(site, l10n, &locales);
                sitemaps.iter().try_for_each(|(name, xml)| sink.put(name, xml.as_bytes()))
            },
        );
        problems.extend(dashboards?);
        sitemap?;
        let (root, more) = pages::render_root(site, l10n, &self.names, &locales);
        problems.extend(more);
        sink.put("index.html", root.as_bytes())?;
        let (not_found, more) = pages::render_404(site, l10n, &self.names);
        problems.extend(more);
        sink.put("404.html", not_found.as_bytes())?;
        let robots = format!(
            "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
            site.config.base_url.get_ref()
        );
        sink.put("robots.txt", robots.as_bytes())?;
        for (name, bytes) in ASSETS {
            sink.put(&format!("assets/{name}"), bytes)?;
        }
        Ok(problems)
    }

    /// Article `article`'s pages in the `i`th locale: the article page, and its checklist
    /// page and Markdown checklist when it has a procedure.
    fn render_article(
        &self,
        site: &Site,
        l10n: &L10n,
        options: &Options,
        i: usize,
        article: &Article,
        sink: &dyn Sink,
    ) -> std::io::Result<Vec<Problem>> {
        let no_stale = BTreeSet::new();
        let locale = self.locales[i].as_str();
        let stale =
            options.stale.get(&(locale.to_string(), article.id.clone())).unwrap_or(&no_stale);
        let shared = Shared {
            site,
            l10n,
            names: &self.names,
            listing: &self.listings[i],
            checklist_t: &self.checklist_ts[i],
        };
        let ctx = PageCtx::new(
            &shared,
            article,
            locale,
            &self.site_ts[i],
            stale,
            &self.available[&article.id],
        );
        let html = pages::render_article(&ctx);
        sink.put(&format!("{locale}/{}/index.html", article.id), html.as_bytes())?;
        if let Some(list) = crate::checklist::checklist(article) {
            let page = checklist::render_checklist_page(&ctx, &list);
            sink.put(&format!("{locale}/{}/checklist/index.html", article.id), page.as_bytes())?;
            let md = checklist::render_markdown(&ctx, &list);
            sink.put(&format!("{locale}/{}/checklist.md", article.id), md.as_bytes())?;
        }
        Ok(ctx.take_problems())
    }

    /// The `i`th locale's index page.
    fn render_locale_index(
        &self,
        site: &Site,
        l10n: &L10n,
        i: usize,
        sink: &dyn Sink,
    ) -> std::io::Result<Vec<Problem>> {
        let locale = self.locales[i].as_str();
        let (english, mut problems) = self.site_ts[i].plain("link-english");
        let (html, more) = pages::render_locale_index(
            site,
            l10n,
            &self.names,
            locale,
            &self.site_ts[i],
            &self.listings[i].topics,
            &english,
        );
        problems.extend(more);
        sink.put(&format!("{locale}/index.html"), html.as_bytes())?;
        Ok(problems)
    }

    /// Every locale's translation dashboard.
    pub fn render_dashboards(
        &self,
        site: &Site,
        _l10n: &L10n,
        rows: &[DashboardRow],
        sink: &dyn Sink,
    ) -> std::io::Result<Vec<Problem>> {
        let all: DashboardPlan = self.locales.iter().map(|l| (l.clone(), None)).collect();
        self.render_dashboards_of(site, rows, &all, sink)
    }

    /// [`Renderer::render_dashboards`] of the locales in `plan`, each with the files whose
    /// pages to write (`None`: all). A translated locale's summary and filter pages are
    /// always written and read its own rows only, as its files' pages read their own row;
    /// the source locale's overview reads every locale's rows.
    pub fn render_dashboards_of(
        &self,
        site: &Site,
        rows: &[DashboardRow],
        plan: &DashboardPlan,
        sink: &dyn Sink,
    ) -> std::io::Result<Vec<Problem>> {
        use rayon::prelude::*;
        let per_locale: Vec<Vec<Problem>> = self
            .locales
            .par_iter()
            .enumerate()
            .filter_map(|(i, locale)| Some((i, locale, plan.get(locale)?.as_ref())))
            .map(|(i, locale, files)| {
                let t = &self.site_ts[i];
                dashboard::write_dashboard(site, &self.names, locale, t, rows, files, sink)
            })
            .collect::<std::io::Result<_>>()?;
        Ok(per_locale.into_iter().flatten().collect())
    }

    /// After the messages of article `id` changed in `locale` (its file was edited, the
    /// set of files is the same): its pages in that locale, the locale's index, and the
    /// pages whose previous/next links changed with its title. With the source locale, every
    /// locale's pages of the article (fallback text and stale markers come from it). Returns
    /// the paths written and the problems met.
    pub fn update_article(
        &mut self,
        site: &Site,
        l10n: &L10n,
        options: &Options,
        locale: &str,
        id: &str,
        sink: &dyn Sink,
    ) -> std::io::Result<Vec<Problem>> {
        if site.article(id).is_none() {
            return Ok(Vec::new());
        }
        let everywhere = locale == l10n.source().locale;
        let mut problems = Vec::new();
        for i in 0..self.locales.len() {
            if !everywhere && self.locales[i] != locale {
                continue;
            }
            let mut listing = listing(site, l10n, &self.locales[i], &mut problems);
            std::mem::swap(&mut listing, &mut self.listings[i]);
            let (before, after) =
                (neighbours(&listing.topics), neighbours(&self.listings[i].topics));
            // The article, articles whose neighbours changed, and its neighbours before and
            // after (their pager shows its title).
            let next_to = |a: &str| {
                [before.get(a), after.get(a)]
                    .into_iter()
                    .flatten()
                    .any(|(prev, next)| *prev == Some(id) || *next == Some(id))
            };
            let affected: Vec<&Article> = site
                .articles
                .iter()
                .filter(|a| {
                    a.id == id
                        || before.get(a.id.as_str()) != after.get(a.id.as_str())
                        || next_to(&a.id)
                })
                .filter(|a| self.available[&a.id].contains(&self.locales[i]))
                .collect();
            for article in affected {
                problems.extend(self.render_article(site, l10n, options, i, article, sink)?);
            }
            problems.extend(self.render_locale_index(site, l10n, i, sink)?);
        }
        Ok(problems)
    }
}

/// What every page of one locale shares.
pub(crate) struct Shared<'a> {
    pub site: &'a Site,
    pub l10n: &'a L10n,
    pub names: &'a Names,
    pub listing: &'a Listing,
    /// The locale's checklist texts (`checklist.ftl`), one bundle for all its pages.
    pub checklist_t: &'a SiteText,
}

/// Whether `locale` has its own translation of article `id` (the source always has).
pub(crate) fn is_translated(l10n: &L10n, locale: &str, id: &str) -> bool {
    locale == l10n.source().locale || l10n.locale(locale).is_some_and(|files| files.has(id))
}

#[cfg(test)]
mod tests;
