//! A page's rendering context: turns the article's and the site's message ids into safe HTML
//! and plain text, with the problems found on the way.

use std::cell::RefCell;
use std::collections::BTreeSet;

use super::html::{Html, escape, plain_text};
use super::{Listing, Names, Shared, SiteText, body, inline, is_translated};
use crate::content::{Article, MsgRef, Site};
use crate::l10n::{L10n, Problem, Translator};
use crate::paths::is_slug;

/// Everything a page needs to turn message ids into safe HTML.
pub(crate) struct PageCtx<'a> {
    pub site: &'a Site,
    pub l10n: &'a L10n,
    pub names: &'a Names,
    pub listing: &'a Listing,
    /// Locales that have this article.
    pub available: &'a [String],
    pub article: &'a Article,
    pub locale: &'a str,
    pub site_t: &'a SiteText,
    pub checklist_t: &'a SiteText,
    article_t: Translator,
    stale: &'a BTreeSet<String>,
    problems: RefCell<Vec<Problem>>,
    memo: RefCell<rustc_hash::FxHashMap<String, (crate::l10n::Text, Vec<Problem>)>>,
    /// Article messages as plain text (`article_plain`): a checklist item's text is shown
    /// on the article page, the checklist page and in the Markdown export.
    plain_memo: RefCell<rustc_hash::FxHashMap<String, String>>,
}

impl<'a> PageCtx<'a> {
    pub(super) fn new(
        shared: &Shared<'a>,
        article: &'a Article,
        locale: &'a str,
        site_t: &'a SiteText,
        stale: &'a BTreeSet<String>,
        available: &'a [String],
    ) -> PageCtx<'a> {
        let article_t = shared.l10n.translator(locale, &article.id);
        PageCtx {
            site: shared.site,
            l10n: shared.l10n,
            names: shared.names,
            listing: shared.listing,
            available,
            article,
            locale,
            site_t,
            checklist_t: shared.checklist_t,
            article_t,
            stale,
            problems: RefCell::new(Vec::new()),
            // Sized for a typical article (~25 messages, ~13 of them also as plain text):
            // growing from empty rehashed each map several times per page.
            memo: RefCell::new(rustc_hash::FxHashMap::with_capacity_and_hasher(
                32,
                Default::default(),
            )),
            plain_memo: RefCell::new(rustc_hash::FxHashMap::with_capacity_and_hasher(
                16,
                Default::default(),
            )),
        }
    }

    pub(super) fn push_problems(&self, problems: Vec<Problem>) {
        self.problems.borrow_mut().extend(problems);
    }

    pub(super) fn take_problems(&self) -> Vec<Problem> {
        self.problems.take()
    }

    /// An article message, formatted once per page context: the article page, its
    /// checklist page and its Markdown checklist show the same messages.
    pub(super) fn article_message(&self, id: &str) -> crate::l10n::Text {
        if let Some((text, problems)) = self.memo.borrow().get(id) {
            self.push_problems(problems.clone());
            return text.clone();
        }
        let (text, problems) = self.article_t.message(id, None);
        self.push_problems(problems.clone());
        self.memo.borrow_mut().insert(id.to_string(), (text.clone(), problems));
        text
    }

    /// An article message as inline HTML; a fallback is wrapped in `lang` and marked.
    pub(crate) fn article_text(&self, msg: &MsgRef) -> String {
        let text = self.article_message(msg.get_ref());
        let html = inline::render_inline(&text.value, &|target| self.resolve_link(target));
        self.mark_fallback(html, text.fallback)
    }

    /// Like `article_text`, without links (for text that sits inside a link).
    pub(crate) fn article_text_plain_inline(&self, msg: &MsgRef) -> String {
        let text = self.article_message(msg.get_ref());
        let html = inline::render_inline(&text.value, &|_| None);
        self.mark_fallback(html, text.fallback)
    }

    /// An article message as plain text (titles, alt text).
    pub(crate) fn article_plain(&self, msg: &MsgRef) -> String {
        let id = msg.get_ref();
        // The message itself, for its problems (memoized too).
        let text = self.article_message(id);
        if let Some(plain) = self.plain_memo.borrow().get(id) {
            return plain.clone();
        }
        let plain = plain_text(&text.value);
        self.plain_memo.borrow_mut().insert(id.to_string(), plain.clone());
        plain
    }

    /// A site-chrome message as plain text.
    pub(crate) fn site_plain(&self, id: &str) -> String {
        let (text, problems) = self.site_t.plain(id);
        self.push_problems(problems);
        text
    }

    pub(super) fn mark_fallback(&self, html: String, fallback: bool) -> String {
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
    pub(super) fn resolve_link(&self, target: &str) -> Option<inline::Target> {
        if target.starts_with('#') || target.contains(':') {
            return Some(inline::Target::plain(target));
        }
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target, None),
        };
        let path = path.strip_prefix("./").unwrap_or(path);
        if let Some(href) = self.asset_href(path) {
            return Some(inline::Target::plain(href));
        }
        let id = path.strip_suffix(".md")?;
        self.article_link(id, anchor)
    }

    /// Where a link to article `id` goes from an article page of this locale: the same
    /// locale's page; the source-locale page, marked, when this locale has no translation
    /// of it; or `external-article-url` for articles the site does not have.
    pub(crate) fn article_link(&self, id: &str, anchor: Option<&str>) -> Option<inline::Target> {
        if !is_slug(id) {
            return None;
        }
        let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
        if self.site.article(id).is_some() {
            if is_translated(self.l10n, self.locale, id) {
                return Some(inline::Target::plain(format!("../{id}/{anchor}")));
            }
            let source = &self.l10n.source().locale;
            return Some(inline::Target {
                href: format!("../../{source}/{id}/{anchor}"),
                after: Some(self.english_marker()),
            });
        }
        let template = self.site.config.external_article_url.as_ref()?;
        Some(inline::Target::plain(format!(
            "{}{anchor}",
            template
                .get_ref()
                .replace("{locale}", &self.locale.to_ascii_lowercase())
                .replace("{article}", id)
        )))
    }

    /// ` (English)` after a link to a page in the source locale, in this page's language.
    pub(crate) fn english_marker(&self) -> String {
        format!(
            " <span class=\"lang-marker\">({})</span>",
            escape(&self.site_plain("link-english"))
        )
    }

    /// Href of an image under `content/`, when the build copies it.
    pub(crate) fn asset_href(&self, src: &str) -> Option<String> {
        self.site.media.contains(src).then(|| format!("../../{src}"))
    }

    /// The body as HTML, split before a trailing "next steps" section so the page can put
    /// the simulator between the procedure and the links onward.
    pub(super) fn render_body(&self) -> (Html, Html) {
        let blocks = &self.article.body;
        let split = blocks
            .iter()
            .rposition(|b| !matches!(b, crate::content::Block::NextSteps(_)))
            .map_or(0, |i| i + 1);
        let (mut main, mut tail) = (String::new(), String::new());
        body::render_blocks(self, &blocks[..split], &mut main);
        body::render_blocks(self, &blocks[split..], &mut tail);
        (Html(main), Html(tail))
    }
}
