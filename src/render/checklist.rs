//! Checklist outputs of an article: the printable, interactive checklist page, the
//! Markdown export for tickets, and the panel on the article page that ticks itself while
//! the reader rehearses in the simulator.

use std::fmt::Write as _;

use askama::Template;
use fluent_bundle::FluentArgs;
use serde_json::json;

use crate::checklist::{Checklist, Item, Status, completed, nothing_to_do_message, statuses};
use crate::render::PageCtx;
use crate::render::chrome::{Chrome, Crumb, SiteText, chrome_for};
use crate::render::html::{Html, plain_text};

pub(crate) const SCOPE: &str = "checklist";

/// Checklist strings of one page; those without arguments are formatted once per locale.
pub(crate) struct Words<'a> {
    t: &'a SiteText,
    ctx: &'a PageCtx<'a>,
}

impl<'a> Words<'a> {
    pub(crate) fn new(ctx: &'a PageCtx<'a>) -> Words<'a> {
        Words { t: ctx.checklist_t, ctx }
    }

    pub(crate) fn get(&self, id: &str) -> String {
        let (text, problems) = self.t.plain(id);
        self.ctx.push_problems(problems);
        text
    }

    fn with(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let (text, problems) = self.t.message(id, args);
        self.ctx.push_problems(problems);
        plain_text(&text.value)
    }

    /// "`done` of `total` done" for every `done` from 0 to `total`, formatted once per
    /// locale and `total`.
    fn progress(&self, total: usize) -> Vec<String> {
        let (texts, problems) = self.t.list(&format!("checklist-progress/{total}"), |t| {
            let mut problems = Vec::new();
            let texts = (0..=total)
                .map(|done| {
                    let mut args = FluentArgs::new();
                    args.set("done", done);
                    args.set("total", total);
                    let (text, more) = t.message("checklist-progress", Some(&args));
                    problems.extend(more);
                    plain_text(&text.value)
                })
                .collect();
            (texts, problems)
        });
        self.ctx.push_problems(problems);
        texts
    }
}

/// One item as the templates show it.
pub(crate) struct ItemView {
    pub id: String,
    pub href: String,
    pub text: Html,
    pub substeps: Vec<Html>,
    pub list_type: &'static str,
    pub done_when: String,
    pub requires: String,
    pub waits_for: String,
    pub stale: bool,
    /// Status id and its words, as the page shows it before its script runs.
    pub status: &'static str,
    pub status_text: String,
    /// What the item says when it had nothing to do ("Nothing to cancel"), or empty.
    pub nothing: String,
}

fn item_views(
    ctx: &PageCtx<'_>,
    words: &Words<'_>,
    checklist: &Checklist<'_>,
    article_href: &str,
    statuses: &[Status],
) -> Vec<ItemView> {
    checklist
        .items
        .iter()
        .zip(statuses)
        .map(|(item, status)| ItemView {
            id: item.id.clone(),
            href: format!("{article_href}#{}", item.anchor),
            text: Html(ctx.article_text_plain_inline(item.text)),
            substeps: item
                .substeps
                .iter()
                .map(|s| Html(ctx.article_text_plain_inline(s)))
                .collect(),
            list_type: if item.lower_alpha { "a" } else { "1" },
            done_when: item.done_when.map(|c| c.id().to_string()).unwrap_or_default(),
            requires: item.requires.iter().map(|c| c.id()).collect::<Vec<_>>().join(" "),
            waits_for: waits_for(ctx, words, checklist, item),
            stale: item.message_ids.iter().any(|id| ctx.is_stale(id)),
            status: status.id(),
            status_text: status_text(words, item, *status),
            nothing: nothing_to_do_message(item.done_when)
                .map(|id| words.get(id))
                .unwrap_or_default(),
        })
        .collect()
}

fn status_text(words: &Words<'_>, item: &Item<'_>, status: Status) -> String {
    match status {
        Status::NothingToDo => {
            nothing_to_do_message(item.done_when).map(|id| words.get(id)).unwrap_or_default()
        }
        other => words.get(&format!("checklist-status-{}", other.id())),
    }
}

/// The statuses a page starts with, from the one model both views share: the printable
/// checklist knows no state; the panel shows the simulator's first scenario at its start.
fn initial_statuses(ctx: &PageCtx<'_>, checklist: &Checklist<'_>, panel: bool) -> Vec<Status> {
    let scenario = ctx.article.simulator.as_ref().filter(|_| panel).and_then(|set| {
        crate::sim::scenarios_in_set(&ctx.site.scenarios, set.get_ref()).into_iter().next()
    });
    match scenario {
        Some(s) => {
            let start = s.initial_state();
            statuses(checklist, Some(&s.goal.customer), &start, &start)
        }
        None => {
            let blank = crate::sim::State { customers: Default::default() };
            statuses(checklist, None, &blank, &blank)
        }
    }
}

fn waits_for(
    ctx: &PageCtx<'_>,
    words: &Words<'_>,
    checklist: &Checklist<'_>,
    item: &Item<'_>,
) -> String {
    if item.waits_for.is_empty() {
        return String::new();
    }
    let names: Vec<String> = item
        .waits_for
        .iter()
        .map(|&i| {
            let name = ctx.article_plain(checklist.items[i].text);
            name.trim_end_matches(['.', ':', '。', '：']).to_string()
        })
        .collect();
    let mut args = FluentArgs::new();
    args.set("items", names.join("; "));
    words.with("checklist-waits-for", Some(&args))
}

/// Strings the checklist script needs, as JSON for `<script type="application/json">`.
fn script_data(ctx: &PageCtx<'_>, words: &Words<'_>, total: usize) -> Html {
    let progress = words.progress(total);
    let data = json!({
        "version": 1,
        "storage-key": format!("drillbook-checklist/v1/{}/{}", ctx.locale, ctx.article.id),
        "status": {
            "not-started": words.get("checklist-status-not-started"),
            "in-progress": words.get("checklist-status-in-progress"),
            "completed": words.get("checklist-status-completed"),
            "cannot-start": words.get("checklist-status-cannot-start"),
        },
        "progress": progress,
        "discarded": words.get("checklist-discarded"),
    });
    Html(json_for_script(&data))
}

/// JSON safe inside `<script type="application/json">`: no `<`, `>` or `&` survive, and its
/// strings are sanitized as page text is (`sim_view::json_for_page`).
pub(crate) fn json_for_script(value: &serde_json::Value) -> String {
    crate::render::sim_view::json_for_page(value.clone())
}

#[derive(Template)]
#[template(path = "checklist.html")]
struct ChecklistPage<'a> {
    chrome: Chrome<'a>,
    heading: String,
    intro: String,
    article_href: String,
    items: Vec<ItemView>,
    words: ChecklistWords,
    data: Html,
    progress: String,
}

/// "`n` of `total` completed" for `statuses`.
fn progress_text(words: &Words<'_>, statuses: &[Status]) -> String {
    words.progress(statuses.len()).get(completed(statuses)).cloned().unwrap_or_default()
}

/// Labels used by the checklist templates.
pub(crate) struct ChecklistWords {
    pub fields: String,
    pub customer: String,
    pub date: String,
    pub operator: String,
    pub ticket: String,
    pub reset: String,
    pub print: String,
    pub download: String,
    pub back: String,
    pub stale: String,
    pub panel_title: String,
    pub panel_intro: String,
    pub open: String,
    pub see_article: String,
}

fn checklist_words(ctx: &PageCtx<'_>, words: &Words<'_>) -> ChecklistWords {
    ChecklistWords {
        fields: words.get("checklist-fields"),
        customer: words.get("checklist-customer"),
        date: words.get("checklist-date"),
        operator: words.get("checklist-operator"),
        ticket: words.get("checklist-ticket"),
        reset: words.get("checklist-reset"),
        print: words.get("checklist-print"),
        download: words.get("checklist-download"),
        back: words.get("checklist-back"),
        stale: ctx.site_plain("article-step-stale"),
        panel_title: words.get("checklist-panel-title"),
        panel_intro: words.get("checklist-panel-intro"),
        open: words.get("checklist-open"),
        see_article: words.get("checklist-see-article"),
    }
}

/// `site/<locale>/<article>/checklist/index.html`.
pub(crate) fn render_checklist_page(ctx: &PageCtx<'_>, checklist: &Checklist<'_>) -> String {
    let words = Words::new(ctx);
    let page_path = format!("{}/checklist/", ctx.article.id);
    let mut chrome = chrome_for(ctx, "../../../", &page_path);
    let title = ctx.article_plain(&ctx.article.title);
    let mut args = FluentArgs::new();
    args.set("article", title.clone());
    let heading = words.with("checklist-title", Some(&args));
    chrome.title = format!("{heading} | {}", chrome.site_title);
    chrome.description = words.get("checklist-intro");
    chrome.body_class = "page-checklist";
    chrome.breadcrumbs = vec![
        Crumb { href: "../../".into(), text: chrome.t("nav-articles") },
        Crumb { href: "../".into(), text: title },
        Crumb { href: String::new(), text: words.get("checklist-panel-title") },
    ];
    let initial = initial_statuses(ctx, checklist, false);
    let page = ChecklistPage {
        intro: words.get("checklist-intro"),
        heading,
        article_href: "../".into(),
        items: item_views(ctx, &words, checklist, "../", &initial),
        words: checklist_words(ctx, &words),
        data: script_data(ctx, &words, checklist.items.len()),
        progress: progress_text(&words, &initial),
        chrome,
    };
    let html = page.render().expect("templates write into a String");
    ctx.push_problems(page.chrome.take_problems());
    html
}

#[derive(Template)]
#[template(path = "checklist_panel.html")]
struct Panel {
    items: Vec<ItemView>,
    words: ChecklistWords,
    data: Html,
    progress: String,
}

/// The panel on the article page, driven by the simulator's `drillbook:sim-state` events.
pub(crate) fn render_panel(ctx: &PageCtx<'_>, checklist: &Checklist<'_>) -> Html {
    let words = Words::new(ctx);
    let initial = initial_statuses(ctx, checklist, true);
    let panel = Panel {
        items: item_views(ctx, &words, checklist, "", &initial),
        words: checklist_words(ctx, &words),
        data: script_data(ctx, &words, checklist.items.len()),
        progress: progress_text(&words, &initial),
    };
    Html(panel.render().expect("templates write into a String"))
}

/// `checklist.md`: a Markdown task list for tickets, with fields to fill in.
pub(crate) fn render_markdown(ctx: &PageCtx<'_>, checklist: &Checklist<'_>) -> String {
    let words = Words::new(ctx);
    let title = ctx.article_plain(&ctx.article.title);
    let mut args = FluentArgs::new();
    args.set("article", title);
    let mut out = format!("# {}\n\n", md_text(&words.with("checklist-title", Some(&args))));
    for field in ["checklist-customer", "checklist-date", "checklist-operator", "checklist-ticket"]
    {
        let _ = writeln!(out, "- {}: ", md_text(&words.get(field)));
    }
    out.push('\n');
    let stale = ctx.site_plain("article-step-stale");
    for item in &checklist.items {
        let marker = if item.message_ids.iter().any(|id| ctx.is_stale(id)) {
            format!(" _({})_", md_text(&stale))
        } else {
            String::new()
        };
        let _ = writeln!(out, "- [ ] {}{marker}", md_text(&ctx.article_plain(item.text)));
        for (i, sub) in item.substeps.iter().enumerate() {
            let label = if item.lower_alpha {
                format!("{}.", (b'a' + (i % 26) as u8) as char)
            } else {
                format!("{}.", i + 1)
            };
            let _ = writeln!(out, "  - [ ] {label} {}", md_text(&ctx.article_plain(sub)));
        }
    }
    out
}

/// Plain text made safe for a Markdown line: characters with meaning are escaped.
pub(crate) fn md_text(text: &str) -> String {
    // Most texts have nothing to escape: no syntax character, no control (ASCII ones, DEL,
    // and C1 controls, whose UTF-8 starts with 0xC2).
    let special = |b: u8| {
        b < 0x20
            || matches!(
                b,
                0x7F | 0xC2 | b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'#' | b'|'
            )
    };
    if !text.bytes().any(special) {
        return text.to_string();
    }
    md_text_escaped(text)
}

/// [`md_text`] character by character.
fn md_text_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_is_escaped() {
        assert_eq!(md_text("a *b* [c](d) <e>"), "a \\*b\\* \\[c\\](d) \\<e\\>");
        assert_eq!(md_text("Kündigen: Abonnement"), "Kündigen: Abonnement");
        assert_eq!(md_text("a\u{85}b\u{a0}c\td\u{7f}"), "a b\u{a0}c d ");
    }

    proptest::proptest! {
        /// The shortcut for text with nothing to escape gives what escaping gives.
        #[test]
        fn markdown_text_shortcut_changes_nothing(text in "[a-zé中 *_#|<>\\[\\]\\\\`\u{0}-\u{1f}\u{7f}-\u{a1}]{0,12}") {
            proptest::prop_assert_eq!(md_text(&text), md_text_escaped(&text));
        }
    }

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let text = json_for_script(&json!({"a": "</script><b>&"}));
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap()["a"], "</script><b>&");
    }
}
