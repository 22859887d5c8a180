//! `unknown-message`: every message id the content names must exist in the source locale,
//! in the right file (an article's ids in `<article>.ftl`, the site's in `site.ftl`).

use std::collections::{BTreeMap, BTreeSet};

use crate::check::{Finding, Locale};
use crate::content::{Article, Block, List, MsgRef, Site, Step};
use crate::diag::{Diagnostic, Severity};
use crate::l10n::L10n;

const SITE_SCOPE: &str = "site";

struct Ctx<'a> {
    source: &'a Locale<'a>,
    /// Content file texts by display path (the articles' own `file_text` comes first).
    sources: BTreeMap<&'a str, &'a str>,
    /// Ids of the source locale's `site.ftl` (alert titles, topics).
    site_ids: BTreeSet<String>,
    out: &'a mut Vec<Finding>,
}

impl Ctx<'_> {
    fn ids(&self, scope: &str) -> BTreeSet<String> {
        self.source
            .files
            .get(scope)
            .map(|f| f.entries().iter().map(|e| e.id.to_string()).collect())
            .unwrap_or_default()
    }

    fn require(
        &mut self,
        path: &str,
        scope: &str,
        ids: &BTreeSet<String>,
        id: &str,
        span: std::ops::Range<usize>,
    ) {
        if id.is_empty() || ids.contains(id) {
            return;
        }
        let en = self.source.name;
        let file = format!("locales/{en}/{scope}.ftl");
        let hint = crate::paths::recover::did_you_mean(id, ids.iter().map(String::as_str));
        let message = if !hint.is_empty() {
            format!("message `{id}` is not defined in {file}{hint}")
        } else if self.source.files.contains_key(scope) {
            format!("message `{id}` is not defined in {file}; add `{id} = <text>` to it")
        } else {
            format!("message `{id}` is not defined: create {file} holding `{id} = <text>`")
        };
        let diag = match self.sources.get(path).copied() {
            Some(text) => Diagnostic::error("unknown-message", path, text, span, message),
            None => Diagnostic::file(Severity::Error, "unknown-message", path, message),
        };
        self.out.push(Finding {
            diag,
            locale: en.to_string(),
            scope: scope.to_string(),
            id: Some(id.to_string()),
        });
    }

    fn site_msg(&mut self, path: &str, id: &str) {
        let site_ids = std::mem::take(&mut self.site_ids);
        self.require(path, SITE_SCOPE, &site_ids, id, 0..0);
        self.site_ids = site_ids;
    }

    fn msg(&mut self, path: &str, scope: &str, ids: &BTreeSet<String>, msg: &MsgRef) {
        self.require(path, scope, ids, msg.get_ref(), msg.span());
    }

    fn blocks(&mut self, path: &str, scope: &str, ids: &BTreeSet<String>, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Paragraph(text) => self.msg(path, scope, ids, text),
                Block::Heading(h) => self.msg(path, scope, ids, &h.text),
                Block::List(list) => self.list(path, scope, ids, list),
                Block::Procedure(p) => self.steps(path, scope, ids, &p.steps),
                Block::Alert(alert) => {
                    // The page titles an alert with `alert-<kind>` from site.ftl.
                    let title = format!("alert-{}", alert.kind.as_str());
                    let span = alert.text.as_ref().map_or(0..0, |t| t.span());
                    let site_ids = std::mem::take(&mut self.site_ids);
                    self.require(path, SITE_SCOPE, &site_ids, &title, span);
                    self.site_ids = site_ids;
                    if let Some(text) = &alert.text {
                        self.msg(path, scope, ids, text);
                    }
                    self.blocks(path, scope, ids, &alert.blocks);
                }
                Block::Table(table) => {
                    for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                        self.msg(path, scope, ids, cell);
                    }
                }
                Block::Image(image) => self.msg(path, scope, ids, &image.alt),
                Block::Code(_) => {}
                // The page shows these with a message of site.ftl (`render::body`).
                Block::NotIncluded(_) => self.site_msg(path, "article-not-included"),
                Block::Earlier(earlier) => {
                    self.site_msg(path, "article-earlier-revision");
                    self.blocks(path, scope, ids, &earlier.blocks);
                }
                Block::NextSteps(next) => {
                    self.msg(path, scope, ids, &next.title);
                    for link in &next.links {
                        self.msg(path, scope, ids, &link.text);
                    }
                }
            }
        }
    }

    fn list(&mut self, path: &str, scope: &str, ids: &BTreeSet<String>, list: &List) {
        for item in &list.items {
            self.msg(path, scope, ids, &item.text);
            if let Some(nested) = &item.items {
                self.list(path, scope, ids, nested);
            }
            self.blocks(path, scope, ids, &item.blocks);
        }
    }

    fn steps(&mut self, path: &str, scope: &str, ids: &BTreeSet<String>, steps: &[Step]) {
        for step in steps {
            self.msg(path, scope, ids, &step.text);
            self.steps(path, scope, ids, &step.substeps);
            self.blocks(path, scope, ids, &step.blocks);
        }
    }
}

pub(crate) fn check_content(
    site: &Site,
    source: &Locale<'_>,
    sources: &BTreeMap<String, String>,
    out: &mut Vec<Finding>,
) {
    let mut texts: BTreeMap<&str, &str> =
        sources.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    for article in site.articles.iter().filter(|a| !a.path.is_empty()) {
        texts.insert(&article.path, &article.file_text);
    }
    let mut ctx = Ctx { source, sources: texts, site_ids: BTreeSet::new(), out };
    let site_ids = ctx.ids(SITE_SCOPE);
    ctx.site_ids = site_ids.clone();
    let config_path = "content/site.toml";
    ctx.msg(config_path, SITE_SCOPE, &site_ids, &site.config.title);
    if let Some(theme) = &site.config.theme {
        let texts = theme.footer.iter().chain(theme.header_links.iter().map(|l| &l.text));
        for text in texts {
            ctx.msg(config_path, SITE_SCOPE, &site_ids, text);
        }
    }
    for article in &site.articles {
        ctx.article(article);
    }
}

/// `unknown-message` of one article, from the source locale of `l10n`: what `serve` checks
/// after an edit of the article's source file.
pub fn check_article(l10n: &L10n, article: &Article) -> Vec<Diagnostic> {
    let scopes = [crate::l10n::UI_SCOPE, SITE_SCOPE, article.id.as_str()];
    let parsed = crate::check::parse(&[l10n.source()], Some(&scopes));
    let Some(source) = parsed.first() else { return Vec::new() };
    let mut out = Vec::new();
    let mut texts = BTreeMap::new();
    texts.insert(article.path.as_str(), article.file_text.as_str());
    let mut ctx = Ctx { source, sources: texts, site_ids: BTreeSet::new(), out: &mut out };
    ctx.site_ids = ctx.ids(SITE_SCOPE);
    ctx.article(article);
    out.into_iter().map(|f| f.diag).collect()
}

impl Ctx<'_> {
    fn article(&mut self, article: &Article) {
        let path = if article.path.is_empty() {
            format!("content/articles/{}.toml", article.id)
        } else {
            article.path.clone()
        };
        let ids = self.ids(&article.id);
        let scope = article.id.as_str();
        for msg in [
            Some(&article.title),
            Some(&article.description),
            article.heading.as_ref(),
            article.audience.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            self.msg(&path, scope, &ids, msg);
        }
        let topic = format!("topic-{}", article.topic.get_ref());
        let site_ids = std::mem::take(&mut self.site_ids);
        self.require(&path, SITE_SCOPE, &site_ids, &topic, article.topic.span());
        self.site_ids = site_ids;
        self.blocks(&path, scope, &ids, &article.body);
    }
}

/// `unknown-message` for templates: every `t("id")` in `templates/` must be in the source
/// locale's `site.ftl` (templates look messages up only through that helper).
pub(crate) fn check_templates(
    source: &Locale<'_>,
    templates: &BTreeMap<String, String>,
    out: &mut Vec<Finding>,
) {
    let ids: BTreeSet<String> = source
        .files
        .get(SITE_SCOPE)
        .map(|f| f.entries().iter().map(|e| e.id.to_string()).collect())
        .unwrap_or_default();
    for (path, text) in templates {
        for (at, _) in text.match_indices("t(\"") {
            // `t(` must not end a longer name (`alt("...")`).
            if text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let start = at + 3;
            let Some(len) = text[start..].find('"') else { continue };
            let id = &text[start..start + len];
            if id.is_empty() || ids.contains(id) {
                continue;
            }
            let hint = crate::paths::recover::did_you_mean(id, ids.iter().map(String::as_str));
            let message = format!(
                "template message `{id}` is not defined in locales/{}/site.ftl{hint}",
                source.name
            );
            let diag =
                Diagnostic::error("unknown-message", path, text, start..start + len, message);
            out.push(Finding {
                diag,
                locale: source.name.to_string(),
                scope: SITE_SCOPE.to_string(),
                id: Some(id.to_string()),
            });
        }
    }
}
