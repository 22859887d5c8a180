//! Page view models and askama templates (compiled from `templates/`).

use askama::Template;

use crate::content::TranslationKind;
use crate::content::{Block, Site};
use crate::l10n::{L10n, Problem};
use crate::render::PageCtx;
use crate::render::chrome::{Chrome, Crumb, LangLink, Names, SiteText, chrome, chrome_for};
use crate::render::html::{Html, plain_text};

/// Static files copied to `site/assets/`, compiled into the binary.
pub const ASSETS: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../assets/style.css")),
    ("favicon.svg", include_bytes!("../../assets/favicon.svg")),
    ("sim.js", include_bytes!("../../assets/sim.js")),
    ("sim-model.js", include_bytes!("../../assets/sim-model.js")),
    ("sim-assess.js", include_bytes!("../../assets/sim-assess.js")),
    ("sim.css", include_bytes!("../../assets/sim.css")),
    ("checklist.js", include_bytes!("../../assets/checklist.js")),
    ("search.js", include_bytes!("../../assets/search.js")),
    ("dashboard.css", include_bytes!("../../assets/dashboard.css")),
    ("dashboard.js", include_bytes!("../../assets/dashboard.js")),
    ("rtl.css", include_bytes!("../../assets/rtl.css")),
];

pub(crate) struct TocEntry {
    pub id: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage<'a> {
    chrome: Chrome<'a>,
    heading: Html,
    audience: Option<Html>,
    machine_translated: bool,
    toc: Vec<TocEntry>,
    body: Html,
    sim: Option<SimView>,
    checklist: Option<Html>,
    next_steps: Html,
    pager: Option<Pager>,
}

/// Previous and next article within the article's topic.
pub(crate) struct Pager {
    pub prev: Option<PagerLink>,
    pub next: Option<PagerLink>,
}

pub(crate) struct PagerLink {
    pub href: String,
    pub title: String,
    /// "English" when the neighbour is not translated into this locale.
    pub english: String,
}

fn pager(ctx: &PageCtx<'_>) -> Option<Pager> {
    let (topic, i) = ctx.listing.place(&ctx.article.id)?;
    let source = &ctx.l10n.source().locale;
    let link = |e: &crate::render::ListEntry| PagerLink {
        href: if e.translated {
            format!("../{}/", e.id)
        } else {
            format!("../../{source}/{}/", e.id)
        },
        title: e.title.clone(),
        english: if e.translated { String::new() } else { ctx.site_plain("link-english") },
    };
    let prev = i.checked_sub(1).map(|j| link(&topic.entries[j]));
    let next = topic.entries.get(i + 1).map(link);
    (prev.is_some() || next.is_some()).then_some(Pager { prev, next })
}

/// The simulator section of an article page.
pub(crate) struct SimView {
    pub title: String,
    pub needs_js: String,
    /// JSON from `sim_view`, already escaped for a `<script type="application/json">`.
    pub data: Html,
}

#[derive(Template)]
#[template(path = "locale_index.html")]
struct LocaleIndexPage<'a> {
    chrome: Chrome<'a>,
    topics: Vec<TopicView>,
}

pub(crate) struct TopicView {
    pub id: String,
    pub title: String,
    pub articles: Vec<ArticleEntry>,
}

pub(crate) struct ArticleEntry {
    pub href: String,
    pub title: String,
    pub description: String,
    /// "English" marker when the article is not translated into this locale.
    pub english: String,
    /// The source locale, for `hreflang` on such a link.
    pub source: String,
}

#[derive(Template)]
#[template(path = "root_index.html")]
struct RootPage<'a> {
    chrome: Chrome<'a>,
    languages: Vec<LangLink>,
}

#[derive(Template)]
#[template(path = "not_found.html")]
struct NotFoundPage<'a> {
    chrome: Chrome<'a>,
    languages: Vec<LangLink>,
}

pub(crate) fn render_template(template: &impl Template) -> String {
    template.render().expect("templates write into a String and their values never fail to format")
}

/// The article page.
pub(crate) fn render_article(ctx: &PageCtx<'_>) -> String {
    let article = ctx.article;
    let page = format!("{}/", article.id);
    let mut chrome = chrome_for(ctx, "../../", &page);
    let title = ctx.article_plain(&article.title);
    chrome.title = format!("{title} | {}", chrome.site_title);
    chrome.description = ctx.article_plain(&article.description);
    chrome.body_class = "page-article";
    chrome.breadcrumbs = vec![
        Crumb { href: "../".into(), text: chrome.t("nav-articles") },
        Crumb { href: String::new(), text: title },
    ];
    let heading = Html(ctx.article_text(article.heading.as_ref().unwrap_or(&article.title)));
    let audience = article.audience.as_ref().map(|a| Html(ctx.article_text(a)));
    let machine_translated =
        article.translations.get(ctx.locale).is_some_and(|t| t.kind == TranslationKind::Machine);
    let toc = article
        .body
        .iter()
        .filter_map(|block| match block {
            Block::Heading(h) if *h.level.get_ref() == 2 => {
                Some(TocEntry { id: h.id.get_ref().clone(), text: ctx.article_plain(&h.text) })
            }
            Block::NextSteps(n) => {
                Some(TocEntry { id: n.id.get_ref().clone(), text: ctx.article_plain(&n.title) })
            }
            _ => None,
        })
        .collect();
    let (body, next_steps) = ctx.render_body();
    let sim = article.simulator.as_ref().map(|set| {
        let scenarios = crate::sim::scenarios_in_set(&ctx.site.scenarios, set.get_ref());
        let assessment = crate::render::AssessmentView::of(article);
        let (json, problems) =
            crate::render::sim_view_assessed(ctx.l10n, ctx.locale, &scenarios, assessment.as_ref());
        ctx.push_problems(problems);
        let sim_t = ctx.l10n.translator(ctx.locale, "sim");
        let text = |id: &str| {
            let (text, problems) = sim_t.message(id, None);
            ctx.push_problems(problems);
            plain_text(&text.value)
        };
        SimView {
            title: text("sim-title"),
            needs_js: text("sim-needs-javascript"),
            data: Html(json),
        }
    });
    // The panel ticks itself from the simulator's state: only with a simulator.
    let checklist = sim
        .as_ref()
        .and_then(|_| crate::checklist::checklist(article))
        .map(|list| crate::render::checklist::render_panel(ctx, &list));
    let page = ArticlePage {
        chrome,
        heading,
        audience,
        machine_translated,
        toc,
        body,
        sim,
        checklist,
        next_steps,
        pager: pager(ctx),
    };
    let html = render_template(&page);
    ctx.push_problems(page.chrome.take_problems());
    html
}

/// `site/<locale>/index.html`: articles grouped by topic, topics in order of first appearance
/// by topic id, articles by title.
pub(crate) fn render_locale_index(
    site: &Site,
    l10n: &L10n,
    names: &Names,
    locale: &str,
    site_t: &SiteText,
    listing: &[crate::render::TopicList],
    english: &str,
) -> (String, Vec<Problem>) {
    let mut chrome = chrome(site, names, locale, site_t, "../", Some(""));
    chrome.title = format!("{} | {}", chrome.t("page-index-title"), chrome.site_title);
    chrome.description = chrome.t("page-index-intro");
    chrome.body_class = "page-index";
    let mut problems = Vec::new();
    let source = &l10n.source().locale;
    let topics = listing
        .iter()
        .map(|topic| TopicView {
            id: topic.topic.clone(),
            title: chrome.t(&format!("topic-{}", topic.topic)),
            articles: topic
                .entries
                .iter()
                .map(|e| ArticleEntry {
                    href: if e.translated {
                        format!("{}/", e.id)
                    } else {
                        format!("../{source}/{}/", e.id)
                    },
                    title: e.title.clone(),
                    description: e.description.clone(),
                    english: if e.translated { String::new() } else { english.to_string() },
                    source: source.clone(),
                })
                .collect(),
        })
        .collect();
    let page = LocaleIndexPage { chrome, topics };
    let html = render_template(&page);
    problems.extend(page.chrome.take_problems());
    (html, problems)
}

fn language_links(names: &Names, locales: &[&str], root: &str) -> Vec<LangLink> {
    locales
        .iter()
        .map(|l| LangLink {
            href: format!("{root}{l}/"),
            lang: l.to_string(),
            name: names.get(*l).cloned().unwrap_or_default(),
            current: false,
        })
        .collect()
}

/// The root `index.html`: the list of languages, in the default locale's chrome.
pub(crate) fn render_root(
    site: &Site,
    l10n: &L10n,
    names: &Names,
    locales: &[&str],
) -> (String, Vec<Problem>) {
    let default = site.config.default_locale.get_ref();
    let site_t = SiteText::new(l10n.translator(default, "site"));
    let mut chrome = chrome(site, names, default, &site_t, "", None);
    chrome.title = chrome.site_title.clone();
    chrome.description = chrome.t("page-root-intro");
    chrome.canonical = site.config.base_url.get_ref().clone();
    chrome.home = String::new();
    chrome.body_class = "page-root";
    let page = RootPage { languages: language_links(names, locales, ""), chrome };
    let html = render_template(&page);
    (html, page.chrome.take_problems())
}

/// `404.html`, served for any missing path: links are absolute from the site's base path.
pub(crate) fn render_404(site: &Site, l10n: &L10n, names: &Names) -> (String, Vec<Problem>) {
    let default = site.config.default_locale.get_ref();
    let site_t = SiteText::new(l10n.translator(default, "site"));
    let base = site.config.base_url.get_ref();
    // The path part of the base URL (`/` or `/docs/`).
    let base_path = base.splitn(4, '/').nth(3).map_or("/".to_string(), |p| format!("/{p}"));
    let mut chrome = chrome(site, names, default, &site_t, &base_path, None);
    chrome.title = format!("{} | {}", chrome.t("page-404-title"), chrome.site_title);
    chrome.home = base_path.clone();
    chrome.body_class = "page-404";
    let locales: Vec<&str> = site.config.locales.iter().map(|l| l.get_ref().as_str()).collect();
    let page = NotFoundPage { languages: language_links(names, &locales, &base_path), chrome };
    let html = render_template(&page);
    (html, page.chrome.take_problems())
}
