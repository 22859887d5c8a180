//! Rendering: the loaded model to the site's files, in memory. Pure: no IO here; the build
//! command writes the result with [`write::write_site`].

mod body;
pub mod html;
pub mod inline;
mod pages;
pub mod write;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use crate::content::{Article, MsgRef, Site};
use crate::diag::{self, Diagnostic, Severity};
use crate::l10n::{L10n, Problem, Translator};
use crate::paths::is_slug;
use html::{Html, escape, plain_text};

pub use pages::ASSETS;

/// What to render.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Locales to write (all configured locales when empty).
    pub locales: Vec<String>,
    /// Missing translations become errors.
    pub strict: bool,
    /// Per locale, per article: message ids whose English changed since translation.
    pub stale: BTreeMap<(String, String), BTreeSet<String>>,
}

/// The rendered site: relative path (with `/`) -> bytes, sorted.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Renders every page of every selected locale, the indexes, sitemap, 404 and assets.
pub fn render_site(site: &Site, l10n: &L10n, options: &Options) -> (Files, Vec<Diagnostic>) {
    let mut files = Files::new();
    let mut diags = check_message_refs(site, l10n);
    let mut problems = Vec::new();
    let locales: Vec<&str> = site
        .config
        .locales
        .iter()
        .map(|l| l.get_ref().as_str())
        .filter(|l| options.locales.is_empty() || options.locales.iter().any(|o| o == l))
        .collect();
    let no_stale = BTreeSet::new();
    for locale in &locales {
        let site_t = l10n.translator(locale, "site");
        for article in &site.articles {
            let stale =
                options.stale.get(&(locale.to_string(), article.id.clone())).unwrap_or(&no_stale);
            let ctx = PageCtx::new(site, l10n, article, locale, &site_t, stale);
            let html = pages::render_article(&ctx);
            problems.extend(ctx.take_problems());
            files.insert(format!("{locale}/{}/index.html", article.id), html.into_bytes());
        }
        let (html, more) = pages::render_locale_index(site, l10n, locale, &site_t);
        problems.extend(more);
        files.insert(format!("{locale}/index.html"), html.into_bytes());
    }
    let (root, more) = pages::render_root(site, l10n, &locales);
    problems.extend(more);
    files.insert("index.html".into(), root.into_bytes());
    let (not_found, more) = pages::render_404(site, l10n);
    problems.extend(more);
    files.insert("404.html".into(), not_found.into_bytes());
    files.insert("sitemap.xml".into(), pages::render_sitemap(site, &locales).into_bytes());
    files.insert(
        "robots.txt".into(),
        format!(
            "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
            site.config.base_url.get_ref()
        )
        .into_bytes(),
    );
    for (name, bytes) in ASSETS {
        files.insert(format!("assets/{name}"), bytes.to_vec());
    }
    diags.extend(problems.iter().map(|p| p.to_diagnostic(options.strict)));
    diag::sort(&mut diags);
    (files, diags)
}

/// Every message id named by content must exist in the source locale.
fn check_message_refs(site: &Site, l10n: &L10n) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let source = l10n.source().locale.clone();
    for article in &site.articles {
        let t = l10n.translator(&source, &article.id);
        for msg in article.message_refs() {
            if !msg.get_ref().is_empty() && !t.has_source_message(msg.get_ref()) {
                diags.push(Diagnostic::error(
                    "unknown-message",
                    &article.path,
                    &article.file_text,
                    msg.span(),
                    format!(
                        "message `{}` is not defined in locales/{source}/{}.ftl",
                        msg.get_ref(),
                        article.id
                    ),
                ));
            }
        }
    }
    let site_t = l10n.translator(&source, "site");
    if !site_t.has_source_message(site.config.title.get_ref()) {
        diags.push(Diagnostic::file(
            Severity::Error,
            "unknown-message",
            "content/site.toml",
            format!(
                "site title message `{}` is not defined in locales/{source}/site.ftl",
                site.config.title.get_ref()
            ),
        ));
    }
    diags
}

/// Everything a page needs to turn message ids into safe HTML.
pub(crate) struct PageCtx<'a> {
    pub site: &'a Site,
    pub l10n: &'a L10n,
    pub article: &'a Article,
    pub locale: &'a str,
    pub site_t: &'a Translator,
    article_t: Translator,
    stale: &'a BTreeSet<String>,
    problems: RefCell<Vec<Problem>>,
}

impl<'a> PageCtx<'a> {
    fn new(
        site: &'a Site,
        l10n: &'a L10n,
        article: &'a Article,
        locale: &'a str,
        site_t: &'a Translator,
        stale: &'a BTreeSet<String>,
    ) -> PageCtx<'a> {
        let article_t = l10n.translator(locale, &article.id);
        PageCtx {
            site,
            l10n,
            article,
            locale,
            site_t,
            article_t,
            stale,
            problems: RefCell::new(Vec::new()),
        }
    }

    fn push_problems(&self, problems: Vec<Problem>) {
        self.problems.borrow_mut().extend(problems);
    }

    fn take_problems(&self) -> Vec<Problem> {
        self.problems.take()
    }

    fn message(&self, t: &Translator, id: &str) -> crate::l10n::Text {
        let (text, problems) = t.message(id, None);
        self.problems.borrow_mut().extend(problems);
        text
    }

    /// An article message as inline HTML; a fallback is wrapped in `lang` and marked.
    pub(crate) fn article_text(&self, msg: &MsgRef) -> String {
        let text = self.message(&self.article_t, msg.get_ref());
        let html = inline::render_inline(&text.value, &|target| self.resolve_link(target));
        self.mark_fallback(html, text.fallback)
    }

    /// Like `article_text`, without links (for text that sits inside a link).
    pub(crate) fn article_text_plain_inline(&self, msg: &MsgRef) -> String {
        let text = self.message(&self.article_t, msg.get_ref());
        let html = inline::render_inline(&text.value, &|_| None);
        self.mark_fallback(html, text.fallback)
    }

    /// An article message as plain text (titles, alt text).
    pub(crate) fn article_plain(&self, msg: &MsgRef) -> String {
        plain_text(&self.message(&self.article_t, msg.get_ref()).value)
    }

    /// A site-chrome message as plain text.
    pub(crate) fn site_plain(&self, id: &str) -> String {
        plain_text(&self.message(self.site_t, id).value)
    }

    fn mark_fallback(&self, html: String, fallback: bool) -> String {
        if !fallback {
            return html;
        }
        let marker = self.site_plain("article-fallback");
        format!(
            "<span lang=\"{}\" class=\"fallback\">{html}</span> <span class=\"fallback-marker\">{}</span>",
            escape(&self.l10n.source().locale),
            escape(&marker)
        )
    }

    pub(crate) fn is_stale(&self, id: &str) -> bool {
        self.stale.contains(id)
    }

    /// Resolves a link target written in a message (already scheme-filtered).
    fn resolve_link(&self, target: &str) -> Option<String> {
        if target.starts_with('#') {
            return Some(target.to_string());
        }
        if target.contains(':') {
            return Some(target.to_string());
        }
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target, None),
        };
        let id = path.strip_prefix("./").unwrap_or(path).strip_suffix(".md")?;
        self.article_href(id, anchor)
    }

    /// Href of article `id` in this page's locale, relative to an article page; articles the
    /// site does not have go to `external-article-url` when configured.
    pub(crate) fn article_href(&self, id: &str, anchor: Option<&str>) -> Option<String> {
        if !is_slug(id) {
            return None;
        }
        let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
        if self.site.article(id).is_some() {
            return Some(format!("../{id}/{anchor}"));
        }
        let template = self.site.config.external_article_url.as_ref()?;
        Some(format!(
            "{}{anchor}",
            template
                .get_ref()
                .replace("{locale}", &self.locale.to_ascii_lowercase())
                .replace("{article}", id)
        ))
    }

    /// Href of an image under `content/`, when the build copies it.
    pub(crate) fn asset_href(&self, src: &str) -> Option<String> {
        self.site.media.contains(src).then(|| format!("../../{src}"))
    }

    fn render_body(&self) -> Html {
        let mut out = String::new();
        body::render_blocks(self, &self.article.body, &mut out);
        Html(out)
    }
}

/// Language-name of each locale, in its own language.
pub(crate) fn autonym(l10n: &L10n, locale: &str) -> String {
    let t = l10n.translator(locale, "site");
    plain_text(&t.message("language-name", None).0.value)
}

#[cfg(test)]
mod tests;
