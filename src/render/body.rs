//! Article body blocks to HTML. Every string comes from Fluent through the page context;
//! text is rendered by `inline` (escaped, sanitized); structure is written here.

use std::fmt::Write as _;

use crate::content::{
    Alert, Block, Earlier, Item, List, ListStyle, NextSteps, NotIncluded, Step, Table,
};
use crate::render::PageCtx;
use crate::render::html::escape;

/// Renders a sequence of blocks.
pub(crate) fn render_blocks(ctx: &PageCtx<'_>, blocks: &[Block], out: &mut String) {
    for block in blocks {
        render_block(ctx, block, out);
    }
}

fn render_block(ctx: &PageCtx<'_>, block: &Block, out: &mut String) {
    match block {
        Block::Paragraph(msg) => {
            let _ = writeln!(out, "<p>{}</p>", ctx.article_text(msg));
        }
        Block::Heading(h) => {
            let level = (*h.level.get_ref()).clamp(2, 4);
            let id = escape(h.id.get_ref());
            let _ = writeln!(out, "<h{level} id=\"{id}\">{}</h{level}>", ctx.article_text(&h.text));
        }
        Block::List(list) => render_list(ctx, list, out),
        Block::Procedure(procedure) => {
            let id = procedure.id.as_ref().map(|id| format!(" id=\"{}\"", escape(id.get_ref())));
            let _ = writeln!(out, "<ol class=\"procedure\"{}>", id.unwrap_or_default());
            render_steps(ctx, &procedure.steps, "step", out);
            out.push_str("</ol>\n");
        }
        Block::Alert(alert) => render_alert(ctx, alert, out),
        Block::Table(table) => render_table(ctx, table, out),
        Block::Image(image) => {
            let alt = ctx.article_plain(&image.alt);
            match ctx.asset_href(image.src.get_ref()) {
                Some(href) => {
                    let _ = writeln!(
                        out,
                        "<figure class=\"image\"><img src=\"{}\" alt=\"{}\" loading=\"lazy\"></figure>",
                        escape(&href),
                        escape(&alt)
                    );
                }
                // A missing image would be a failed request; show its description instead.
                None => {
                    let _ = writeln!(
                        out,
                        "<figure class=\"image image-missing\"><figcaption>{}</figcaption></figure>",
                        escape(&alt)
                    );
                }
            }
        }
        Block::Code(code) => {
            let class = code
                .lang
                .as_deref()
                .filter(|l| {
                    !l.is_empty()
                        && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'+')
                })
                .map(|l| format!(" class=\"language-{l}\""))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<pre tabindex=\"0\" translate=\"no\"><code{class}>{}</code></pre>",
                escape(&crate::render::inline::strip_controls(&code.code))
            );
        }
        Block::NextSteps(next) => render_next_steps(ctx, next, out),
        Block::NotIncluded(note) => render_not_included(ctx, note, out),
        Block::Earlier(earlier) => render_earlier(ctx, earlier, out),
    }
}

/// An earlier revision's translation: only on the pages of the locales translated from that
/// revision, after a note that the English has changed since.
fn render_earlier(ctx: &PageCtx<'_>, earlier: &Earlier, out: &mut String) {
    let revision =
        ctx.article.translations.get(ctx.locale).and_then(|t| t.source_revision.as_deref());
    if revision != Some(earlier.revision.as_str()) {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"earlier-revision\">\n<p class=\"earlier-note\" role=\"note\">{}</p>",
        escape(&ctx.site_plain("article-earlier-revision"))
    );
    render_blocks(ctx, &earlier.blocks, out);
    out.push_str("</section>\n");
}

/// A visible note in the page's language naming what the source pulled in and where it
/// points, where Microsoft Learn shows the included content.
fn render_not_included(ctx: &PageCtx<'_>, note: &NotIncluded, out: &mut String) {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("kind", note.kind.as_str());
    args.set("target", note.target.as_str());
    let (text, problems) = ctx.site_t.message("article-not-included", Some(&args));
    ctx.push_problems(problems);
    let _ = writeln!(out, "<p class=\"not-included\" role=\"note\">{}</p>", escape(&text.value));
}

fn render_list(ctx: &PageCtx<'_>, list: &List, out: &mut String) {
    let tag = if list.ordered { "ol" } else { "ul" };
    let _ = writeln!(out, "<{tag}>");
    for Item { text, items, blocks } in &list.items {
        let _ = write!(out, "<li>{}", ctx.article_text(text));
        if items.is_some() || !blocks.is_empty() {
            out.push('\n');
        }
        if let Some(nested) = items {
            render_list(ctx, nested, out);
        }
        render_blocks(ctx, blocks, out);
        out.push_str("</li>\n");
    }
    let _ = writeln!(out, "</{tag}>");
}

/// Steps get ids `step-<id>` (or `<prefix>-<n>` when they have none), so feedback and the
/// checklist can link to them.
fn render_steps(ctx: &PageCtx<'_>, steps: &[Step], prefix: &str, out: &mut String) {
    for (i, step) in steps.iter().enumerate() {
        let id = match &step.id {
            Some(id) => format!("step-{}", id.get_ref()),
            None => format!("{prefix}-{}", i + 1),
        };
        let stale = ctx.is_stale(step.text.get_ref());
        let class = if stale { "step step-stale" } else { "step" };
        let _ = write!(
            out,
            "<li id=\"{}\" class=\"{class}\"><p>{}</p>",
            escape(&id),
            ctx.article_text(&step.text)
        );
        if stale {
            let _ = write!(
                out,
                "<p class=\"stale-marker\">{}</p>",
                escape(&ctx.site_plain("article-step-stale"))
            );
        }
        out.push('\n');
        if !step.substeps.is_empty() {
            let kind = match step.substeps_style {
                ListStyle::Decimal => "1",
                ListStyle::LowerAlpha => "a",
            };
            let _ = writeln!(out, "<ol type=\"{kind}\" class=\"substeps\">");
            render_steps(ctx, &step.substeps, &id, out);
            out.push_str("</ol>\n");
        }
        render_blocks(ctx, &step.blocks, out);
        out.push_str("</li>\n");
    }
}

fn render_alert(ctx: &PageCtx<'_>, alert: &Alert, out: &mut String) {
    let kind = alert.kind.as_str();
    let label = ctx.site_plain(&format!("alert-{kind}"));
    let _ = writeln!(
        out,
        "<div class=\"alert alert-{kind}\" role=\"note\"><p class=\"alert-title\">{}</p>",
        escape(&label)
    );
    if let Some(text) = &alert.text {
        let _ = writeln!(out, "<p>{}</p>", ctx.article_text(text));
    }
    render_blocks(ctx, &alert.blocks, out);
    out.push_str("</div>\n");
}

fn render_table(ctx: &PageCtx<'_>, table: &Table, out: &mut String) {
    out.push_str("<div class=\"table-wrap\" tabindex=\"0\"><table>\n<thead><tr>");
    for cell in &table.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", cell_text(ctx, cell));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", cell_text(ctx, cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

fn cell_text(ctx: &PageCtx<'_>, cell: &crate::content::MsgRef) -> String {
    if cell.get_ref().is_empty() { String::new() } else { ctx.article_text(cell) }
}

fn render_next_steps(ctx: &PageCtx<'_>, next: &NextSteps, out: &mut String) {
    let id = escape(next.id.get_ref());
    let _ = writeln!(
        out,
        "<nav class=\"next-steps\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n<ul>",
        ctx.article_text(&next.title)
    );
    for link in &next.links {
        let target = match (&link.article, &link.url) {
            (Some(article), _) => ctx.article_link(article.get_ref(), None),
            (None, Some(url)) => Some(crate::render::inline::Target::plain(url.get_ref().clone())),
            (None, None) => None,
        };
        let text = ctx.article_text_plain_inline(&link.text);
        match target {
            Some(target) => {
                let _ = writeln!(
                    out,
                    "<li><a href=\"{}\">{text}</a>{}</li>",
                    escape(&target.href),
                    target.after.unwrap_or_default()
                );
            }
            None => {
                let _ = writeln!(out, "<li>{text}</li>");
            }
        }
    }
    out.push_str("</ul>\n</nav>\n");
}
