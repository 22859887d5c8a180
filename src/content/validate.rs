//! Validation of a parsed article: ids and anchors are slugs and unique, dates are
//! YYYY-MM-DD, blocks are well formed (headings, procedures, alerts, tables, images, links)
//! and `[assessment]` is a score rule the simulator can use. Every problem is a positioned
//! [`Diagnostic`]; nothing here panics on input.

use std::collections::BTreeMap;

use toml::Spanned;

use crate::content::model::{Article, Block, Item, List, Step};
use crate::diag::{Diagnostic, Severity};
use crate::paths::is_slug;

/// The problems of `article` (file `path`, text `source`; `id` is its file stem).
pub(super) fn article(article: &Article, id: &str, path: &str, source: &str) -> Vec<Diagnostic> {
    let mut ctx = Validate { path, source, diags: Vec::new(), anchors: BTreeMap::new() };
    if !is_slug(id) {
        ctx.diags.push(Diagnostic::file(
            Severity::Error,
            "invalid-id",
            path,
            format!("article id `{id}` (the file name) must be lower-case words joined by `-`"),
        ));
    }
    ctx.slug(&article.topic, "topic");
    if let Some(date) = &article.date {
        if !is_iso_date(date.get_ref()) {
            ctx.error(
                date.span(),
                format!("`date` must be YYYY-MM-DD, found `{}`", date.get_ref()),
            );
        }
    }
    ctx.blocks(&article.body);
    if let Some(assessment) = &article.assessment {
        ctx.assessment(assessment, article.simulator.is_some());
    }
    ctx.diags
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

struct Validate<'a> {
    path: &'a str,
    source: &'a str,
    diags: Vec<Diagnostic>,
    /// Anchor id -> first span, for duplicate detection.
    anchors: BTreeMap<String, std::ops::Range<usize>>,
}

impl Validate<'_> {
    fn error(&mut self, span: std::ops::Range<usize>, message: String) {
        self.diags.push(Diagnostic::error(
            "invalid-content",
            self.path,
            self.source,
            span,
            message,
        ));
    }

    /// `[assessment]`: a score rule `sim::score` can use, on an article with a simulator.
    fn assessment(&mut self, a: &crate::content::model::Assessment, has_simulator: bool) {
        let m = &a.mastery_score;
        if !has_simulator {
            self.error(m.span(), "`[assessment]` needs `simulator = \"<scenario set>\"`".into());
        }
        if !(*m.get_ref() > 0.0 && *m.get_ref() <= 1.0) {
            let msg =
                format!("`mastery-score` must be above 0 and at most 1, found {}", m.get_ref());
            self.error(m.span(), msg);
        }
        let max = i64::from(crate::sim::MAX_ALLOWED_MISTAKES);
        if let Some(n) = a.allowed_mistakes.as_ref().filter(|n| !(0..=max).contains(n.get_ref())) {
            let msg = format!("`allowed-mistakes` must be 0 to {max}, found {}", n.get_ref());
            self.error(n.span(), msg);
        }
        let mut seen = std::collections::BTreeSet::new();
        for id in &a.scenarios {
            if !seen.insert(id.get_ref()) {
                self.error(id.span(), format!("scenario `{}` is listed twice", id.get_ref()));
            }
        }
    }

    fn slug(&mut self, value: &Spanned<String>, what: &str) {
        if !is_slug(value.get_ref()) {
            self.error(
                value.span(),
                format!("{what} `{}` must be lower-case words joined by `-`", value.get_ref()),
            );
        }
    }

    fn anchor(&mut self, id: &Spanned<String>) {
        self.slug(id, "anchor id");
        if self.anchors.insert(id.get_ref().clone(), id.span()).is_some() {
            let message = format!("anchor id `{}` is used twice in this article", id.get_ref());
            self.diags.push(Diagnostic::error(
                "duplicate-anchor",
                self.path,
                self.source,
                id.span(),
                message,
            ));
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Paragraph(_) | Block::Code(_) | Block::NotIncluded(_) => {}
                Block::Earlier(e) => self.blocks(&e.blocks),
                Block::Heading(h) => {
                    self.anchor(&h.id);
                    if !(2..=4).contains(h.level.get_ref()) {
                        self.error(h.level.span(), "heading `level` must be 2, 3 or 4".into());
                    }
                }
                Block::List(list) => self.list(list),
                Block::Procedure(p) => {
                    if let Some(id) = &p.id {
                        self.anchor(id);
                    }
                    if p.steps.is_empty() {
                        self.diags.push(Diagnostic::file(
                            Severity::Error,
                            "invalid-content",
                            self.path,
                            "a procedure needs at least one step",
                        ));
                    }
                    self.steps(&p.steps);
                }
                Block::Alert(alert) => {
                    if alert.text.is_none() && alert.blocks.is_empty() {
                        self.diags.push(Diagnostic::file(
                            Severity::Error,
                            "invalid-content",
                            self.path,
                            "an alert needs `text` or `blocks`",
                        ));
                    }
                    self.blocks(&alert.blocks);
                }
                Block::Table(table) => {
                    for row in &table.rows {
                        if row.len() != table.header.len() {
                            let span = row.first().map_or(0..0, |c| c.span());
                            self.error(
                                span,
                                format!(
                                    "table row has {} cells, the header has {}",
                                    row.len(),
                                    table.header.len()
                                ),
                            );
                        }
                    }
                }
                Block::Image(image) => {
                    let src = image.src.get_ref();
                    // Images are served by the site itself: no third-party requests.
                    let ok = !src.contains("..")
                        && !src.starts_with('/')
                        && !src.contains(':')
                        && !src.is_empty();
                    if !ok {
                        self.error(image.src.span(), format!("image `src` must be a path relative to content/, such as `media/x.png`, found `{src}`"));
                    }
                }
                Block::NextSteps(next) => {
                    self.anchor(&next.id);
                    for link in &next.links {
                        match (&link.article, &link.url) {
                            (Some(article), None) => self.slug(article, "article id"),
                            (None, Some(url)) => {
                                if !url.get_ref().starts_with("https://") {
                                    self.error(
                                        url.span(),
                                        "link `url` must start with https://".into(),
                                    );
                                }
                            }
                            _ => self.error(
                                link.text.span(),
                                "a link needs exactly one of `article` or `url`".into(),
                            ),
                        }
                    }
                }
            }
        }
    }

    fn list(&mut self, list: &List) {
        for Item { items, blocks, .. } in &list.items {
            if let Some(nested) = items {
                self.list(nested);
            }
            self.blocks(blocks);
        }
    }

    fn steps(&mut self, steps: &[Step]) {
        for step in steps {
            if let Some(id) = &step.id {
                self.anchor(id);
            }
            self.steps(&step.substeps);
            self.blocks(&step.blocks);
        }
    }
}
