//! Links between articles: `broken-link` (an article the site does not have, when no
//! `external-article-url` sends such links elsewhere), `broken-anchor` (a `#anchor` the
//! target article does not have), and `external-article` (articles outside the site, listed
//! once each with the number of links to them, not once per link).

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{Event, Parser, Tag};

use crate::check::{File, Finding, Locale, ast};
use crate::content::{Article, Block, List, Site, Step};
use crate::diag::{Diagnostic, Severity};

/// Every anchor a rendered article page has (headings, steps, sections).
pub fn anchors(article: &Article) -> BTreeSet<String> {
    let mut out: BTreeSet<String> =
        ["main", "sim", "sim-title", "checklist-panel-title", "toc-title"].map(String::from).into();
    collect_anchors(&article.body, &mut out);
    out
}

fn collect_anchors(blocks: &[Block], out: &mut BTreeSet<String>) {
    for block in blocks {
        match block {
            Block::Heading(h) => {
                out.insert(h.id.get_ref().clone());
            }
            Block::NextSteps(n) => {
                out.insert(n.id.get_ref().clone());
            }
            Block::Procedure(p) => {
                out.extend(p.id.as_ref().map(|id| id.get_ref().clone()));
                step_anchors(&p.steps, "step", out);
            }
            Block::Alert(a) => collect_anchors(&a.blocks, out),
            Block::Earlier(e) => collect_anchors(&e.blocks, out),
            Block::List(list) => list_anchors(list, out),
            _ => {}
        }
    }
}

fn list_anchors(list: &List, out: &mut BTreeSet<String>) {
    for item in &list.items {
        if let Some(nested) = &item.items {
            list_anchors(nested, out);
        }
        collect_anchors(&item.blocks, out);
    }
}

/// The same ids the renderer gives steps: `step-<id>`, or `<parent>-<n>`.
fn step_anchors(steps: &[Step], prefix: &str, out: &mut BTreeSet<String>) {
    for (i, step) in steps.iter().enumerate() {
        let id = match &step.id {
            Some(id) => format!("step-{}", id.get_ref()),
            None => format!("{prefix}-{}", i + 1),
        };
        step_anchors(&step.substeps, &id, out);
        collect_anchors(&step.blocks, out);
        out.insert(id);
    }
}

/// A link in a message: its file, locale, message offset and id, and target.
type FoundLink<'a> = (&'a File<'a>, &'a str, usize, String, String);

/// One external article's references, for the single summary line.
#[derive(Default, Clone)]
pub(crate) struct External {
    count: usize,
    first: Option<Finding>,
}

/// External articles' references found so far, by article id.
pub(crate) type Externals = BTreeMap<String, External>;

struct Ctx<'a> {
    site: &'a Site,
    anchors: &'a BTreeMap<&'a str, BTreeSet<String>>,
    external: Externals,
    out: &'a mut Vec<Finding>,
}

impl Ctx<'_> {
    /// Checks one link target; `at` makes a finding at the link's position.
    fn link(
        &mut self,
        from: &str,
        target: &str,
        at: &dyn Fn(Severity, &'static str, String) -> Finding,
    ) {
        let target = target.trim();
        if target.is_empty() || target.contains(':') {
            return;
        }
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target, None),
        };
        let article = if path.is_empty() {
            from.to_string()
        } else {
            match path.strip_prefix("./").unwrap_or(path).strip_suffix(".md") {
                Some(id) => id.to_string(),
                // A relative link to something that is not an article (an image, a file).
                None => return,
            }
        };
        match self.anchors.get(article.as_str()) {
            Some(anchors) => {
                if let Some(anchor) = anchor {
                    if !anchor.is_empty() && !anchors.contains(anchor) {
                        self.out.push(at(
                            Severity::Error,
                            "broken-anchor",
                            format!("`{target}`: article `{article}` has no anchor `#{anchor}`"),
                        ));
                    }
                }
            }
            None if self.site.config.external_article_url.is_some() => {
                let entry = self.external.entry(article.clone()).or_default();
                entry.count += 1;
                if entry.first.is_none() {
                    entry.first = Some(at(Severity::Warning, "external-article", String::new()));
                }
            }
            None => {
                let ids = self.site.articles.iter().map(|a| a.id.as_str());
                let hint = crate::paths::recover::did_you_mean(&article, ids);
                self.out.push(at(
                    Severity::Error,
                    "broken-link",
                    format!("`{target}`: the site has no article `{article}` (and `external-article-url` is not set){hint}"),
                ))
            }
        }
    }
}

/// The link checks of a site, run locale by locale: links are judged where they are found;
/// the external-article summaries need every locale's links, in order, and come out of
/// [`LinkCheck::finish`].
pub(crate) struct LinkCheck<'s> {
    site: &'s Site,
    anchors: BTreeMap<&'s str, BTreeSet<String>>,
    external: Externals,
}

impl<'s> LinkCheck<'s> {
    pub(crate) fn new(site: &'s Site) -> LinkCheck<'s> {
        let anchors = site.articles.iter().map(|a| (a.id.as_str(), anchors(a))).collect();
        LinkCheck { site, anchors, external: Externals::new() }
    }

    /// Links in content (next steps), reported in the source locale.
    pub(crate) fn content(&mut self, source: &str, out: &mut Vec<Finding>) {
        let mut ctx =
            Ctx { site: self.site, anchors: &self.anchors, external: Externals::new(), out };
        for article in &self.site.articles {
            for block in &article.body {
                if let Block::NextSteps(next) = block {
                    for link in &next.links {
                        let Some(target) = &link.article else { continue };
                        let at = |severity, code, message| Finding {
                            diag: Diagnostic::at(
                                severity,
                                code,
                                &article.path,
                                &article.file_text,
                                target.span(),
                                message,
                            ),
                            locale: source.to_string(),
                            scope: article.id.clone(),
                            id: None,
                        };
                        ctx.link(&article.id, &format!("{}.md", target.get_ref()), &at);
                    }
                }
            }
        }
        let found = ctx.external;
        self.absorb(found);
    }

    /// Links in one locale's article messages: broken ones into `out`, external ones
    /// returned, for [`LinkCheck::absorb`] in locale order. Found in parallel (flattening and
    /// parsing is the cost), then judged in order.
    pub(crate) fn examine(&self, locale: &Locale<'_>, out: &mut Vec<Finding>) -> Externals {
        use rayon::prelude::*;
        let site = self.site;
        let found: Vec<Vec<FoundLink<'_>>> =
            site.articles.par_iter().map(|article| links_in(locale, article)).collect();
        let mut ctx =
            Ctx { site: self.site, anchors: &self.anchors, external: Externals::new(), out };
        for (article, links) in site.articles.iter().zip(found) {
            for (file, locale, offset, id, dest_url) in links {
                let at = |severity, code, message| {
                    file.finding(
                        severity,
                        code,
                        offset..offset + id.len(),
                        (locale, article.id.as_str(), Some(id.as_str())),
                        message,
                    )
                };
                ctx.link(&article.id, &dest_url, &at);
            }
        }
        ctx.external
    }

    /// Adds external references found after the ones already absorbed.
    pub(crate) fn absorb(&mut self, found: Externals) {
        for (article, External { count, first }) in found {
            let entry = self.external.entry(article).or_default();
            entry.count += count;
            if entry.first.is_none() {
                entry.first = first;
            }
        }
    }

    /// One `external-article` summary per article outside the site.
    pub(crate) fn finish(self, out: &mut Vec<Finding>) {
        for (article, External { count, first }) in self.external {
            if let Some(mut finding) = first {
                finding.diag.message = std::sync::Arc::from(format!(
                    "`{article}` is not an article of this site: {count} link{} go{} to `external-article-url`",
                    if count == 1 { "" } else { "s" },
                    if count == 1 { "es" } else { "" }
                ));
                out.push(finding);
            }
        }
    }
}

/// The links of article `article`'s messages in `locale`.
fn links_in<'a>(locale: &'a Locale<'a>, article: &Article) -> Vec<FoundLink<'a>> {
    let mut found = Vec::new();
    let Some(file) = locale.files.get(article.id.as_str()) else { return found };
    let empty = ast::TermTexts::new();
    let terms = locale.terms.get(article.id.as_str()).map_or(&empty, |t| &**t);
    for entry in file.entries() {
        let patterns = entry.value.into_iter().chain(entry.attributes.iter().map(|a| &a.value));
        for pattern in patterns {
            // A link needs `[` (or `<` for an autolink): skip the parser otherwise.
            if !ast::flat_contains(pattern, terms, b"[<") {
                continue;
            }
            let text = ast::flatten(pattern, terms).text;
            for event in Parser::new(&text) {
                if let Event::Start(Tag::Link { dest_url, .. }) = event {
                    found.push((
                        file,
                        locale.name,
                        entry.offset,
                        entry.id.to_string(),
                        dest_url.to_string(),
                    ));
                }
            }
        }
    }
    found
}
