//! `drillbook checklist --article ID [--customer FILE] --locale L [--format md|html]`: the
//! checklist of any article with a procedure, in the locale, headed by the article's title;
//! with a customer file (for an article with a simulator), the concrete tasks for that
//! customer. The older `--scenario FILE` finds the article by the file's `set`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use fluent_bundle::FluentArgs;

use crate::checklist::{Task, checklist, concrete_tasks};
use crate::content::{Article, Site};
use crate::diag::{self, Diagnostic};
use crate::render::checklist::md_text;
use crate::render::html::{escape, plain_text};
use crate::render::inline::render_inline;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Html,
}

#[derive(Debug, Args)]
pub struct ChecklistArgs {
    /// The article (its id, the file stem under content/articles/) whose procedure the
    /// checklist follows: its prerequisites and steps, in the locale.
    #[arg(long, value_name = "ID", required_unless_present = "customer")]
    pub article: Option<String>,
    /// A customer file for an article with a simulator: `[[customers]]` in the format of
    /// `content/scenarios/*.toml` (the first is the one the checklist is for, unless a
    /// `[goal]` names another); `title`, `brief`, `set` and `goal` may be left out. The
    /// checklist then lists that customer's own tasks.
    #[arg(long, visible_alias = "scenario", value_name = "FILE")]
    pub customer: Option<PathBuf>,
    /// Locale of the checklist.
    #[arg(long, value_name = "L", default_value = "en-US")]
    pub locale: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
}

/// Scenario keys the simulator needs and a checklist does not, with stand-ins.
const CUSTOMER_STAND_INS: [(&str, &str); 2] = [("title", "customer"), ("brief", "customer")];

/// Parses a customer file as a scenario, supplying the keys only the simulator needs. The
/// stand-ins are whole lines put before the file's own, so positions are moved back.
fn parse_customer(
    path: &Path,
    source: &str,
    set: Option<&str>,
) -> (Option<crate::sim::Scenario>, Vec<Diagnostic>) {
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("customer");
    let display = path.display().to_string();
    let doc = toml::de::DeTable::parse(source).ok();
    let top_level: Vec<String> = doc
        .as_ref()
        .map(|doc| doc.get_ref().keys().map(|k| k.get_ref().to_string()).collect())
        .unwrap_or_default();
    // Without a `[goal]`, the checklist is for the file's first customer.
    let first_customer = doc.as_ref().and_then(|doc| {
        let customers = doc.get_ref().get("customers")?.get_ref().as_array()?;
        let id = customers.first()?.get_ref().as_table()?.get("id")?;
        id.get_ref().as_str().map(str::to_string)
    });
    let mut prefix = String::new();
    let missing = |key: &str| !top_level.iter().any(|k| k == key);
    for (key, value) in CUSTOMER_STAND_INS {
        if !top_level.is_empty() && missing(key) {
            let _ = writeln!(prefix, "{key} = \"{value}\"");
        }
    }
    if let (Some(set), true) = (set, !top_level.is_empty() && missing("set")) {
        let _ = writeln!(prefix, "set = \"{set}\"");
    }
    if let (Some(id), true) = (&first_customer, missing("goal")) {
        // The simulator's goal condition; a checklist does not use it.
        let _ = writeln!(
            prefix,
            "goal = {{ customer = \"{id}\", condition = \"relationship-removed\" }}"
        );
    }
    let added = prefix.lines().count();
    let (scenario, mut diags) =
        crate::sim::parse_scenario(&crate::paths::slugify(id), &display, &(prefix + source));
    for diag in &mut diags {
        if let Some(pos) = diag.pos.as_mut().filter(|p| p.line > added) {
            std::sync::Arc::make_mut(pos).line -= added;
        }
    }
    (scenario, diags)
}

/// The article named by `--article`, or the one whose simulator is the customer file's set.
fn find_article<'s>(site: &'s Site, id: &str) -> anyhow::Result<&'s Article> {
    if let Some(article) = site.article(id) {
        return Ok(article);
    }
    let ids = site.articles.iter().map(|a| a.id.as_str());
    let hint = crate::paths::recover::did_you_mean(id, ids);
    anyhow::bail!("no article `{id}` in content/articles/{hint}")
}

pub fn run(root: &Path, args: &ChecklistArgs) -> anyhow::Result<ExitCode> {
    let (loaded, mut diags) = crate::build::load(root, &[]);
    diags.retain(Diagnostic::is_error);
    let Some((site, l10n)) = loaded else {
        eprint!("{}", diag::render_all(&diags));
        return Ok(ExitCode::from(1));
    };
    if l10n.locale(&args.locale).is_none() {
        anyhow::bail!(
            "unknown locale `{}`; configured: {}",
            args.locale,
            site.config.locales.iter().map(|l| l.get_ref().as_str()).collect::<Vec<_>>().join(", ")
        );
    }
    let named = args.article.as_deref().map(|id| find_article(&site, id)).transpose()?;
    let set = named.and_then(|a| a.simulator.as_ref()).map(|s| s.get_ref().as_str());
    if let (Some(article), Some(_), None) = (named, &args.customer, set) {
        anyhow::bail!(
            "article `{}` has no simulator (`simulator = \"...\"`), so a customer file does \
             not apply to it; leave out `--customer` for its checklist",
            article.id
        );
    }
    let scenario = match &args.customer {
        Some(path) => {
            let source = std::fs::read_to_string(path)
                .with_context(|| format!("failed to read `{}`", path.display()))?;
            let (scenario, more) = parse_customer(path, &source, set);
            diags.extend(more);
            match scenario {
                Some(scenario) if diags.is_empty() => Some(scenario),
                _ => {
                    eprint!("{}", diag::render_all(&diags));
                    return Ok(ExitCode::from(1));
                }
            }
        }
        None => None,
    };
    let article = match (named, &scenario) {
        (Some(article), _) => article,
        (None, Some(scenario)) => {
            let by_set = site
                .articles
                .iter()
                .find(|a| a.simulator.as_ref().is_some_and(|s| *s.get_ref() == scenario.set));
            by_set.with_context(|| {
                format!(
                    "no article names the scenario set `{}` (`simulator = \"{}\"`); name the \
                     article with `--article ID`",
                    scenario.set, scenario.set
                )
            })?
        }
        (None, None) => anyhow::bail!("name the article with `--article ID`"),
    };
    let Some(list) = checklist(article) else {
        anyhow::bail!("article `{}` has no procedure to make a checklist from", article.id);
    };
    let t = l10n.translator(&args.locale, "checklist");
    let article_t = l10n.translator(&args.locale, &article.id);
    let mut problems = Vec::new();
    let mut msg = |id: &str, args: &[(&str, &str)]| {
        let mut fluent = FluentArgs::new();
        for (k, v) in args {
            // Names are data: escape them so they cannot add Markdown of their own.
            fluent.set(*k, md_text(v));
        }
        let (text, more) = t.message(id, Some(&fluent));
        problems.extend(more);
        text.value
    };
    let customer = scenario.as_ref().map(|scenario| {
        scenario
            .customer(&scenario.goal.customer)
            .map_or(scenario.goal.customer.as_str(), |c| c.name.as_str())
    });
    let fields: Vec<String> =
        ["checklist-customer", "checklist-date", "checklist-operator", "checklist-ticket"]
            .iter()
            .map(|f| msg(f, &[]))
            .collect();
    // (is a task, depth, text)
    let mut lines: Vec<(bool, usize, String)> = Vec::new();
    match &scenario {
        Some(scenario) => {
            let tasks = concrete_tasks(&list, scenario);
            if !tasks.iter().any(|t| !matches!(t, Task::Remove(_))) {
                lines.push((false, 0, msg("checklist-nothing-to-suspend", &[])));
            }
            for task in &tasks {
                let line = match task {
                    Task::CancelReservation(p) => {
                        msg("checklist-cancel-reservation", &[("name", &p.name)])
                    }
                    Task::CancelSoftware(p) => {
                        msg("checklist-cancel-software", &[("name", &p.name)])
                    }
                    Task::Suspend(s) => msg(
                        "checklist-suspend-subscription",
                        &[("name", &s.name), ("offer", &s.offer)],
                    ),
                    Task::Remove(c) => {
                        msg("checklist-remove-relationship", &[("customer", &c.name)])
                    }
                };
                lines.push((true, 0, line));
            }
        }
        None => {
            for item in &list.items {
                let (text, more) = article_t.message(item.text.get_ref(), None);
                problems.extend(more);
                lines.push((true, 0, text.value));
                for sub in &item.substeps {
                    let (text, more) = article_t.message(sub.get_ref(), None);
                    problems.extend(more);
                    lines.push((true, 1, text.value));
                }
            }
        }
    }
    // The heading is the article's own title, in the locale.
    let (title, more) = article_t.message(article.title.get_ref(), None);
    problems.extend(more);
    let title = title.value;
    let fail = problems
        .iter()
        .map(|p| p.to_diagnostic(false))
        .filter(|d| d.is_error())
        .collect::<Vec<_>>();
    if !fail.is_empty() {
        eprint!("{}", diag::render_all(&fail));
        return Ok(ExitCode::from(1));
    }
    let mut out = String::new();
    match args.format {
        Format::Md => {
            let _ = writeln!(out, "# {}\n", plain_text(&title));
            for (i, field) in fields.iter().enumerate() {
                let value = match customer {
                    Some(customer) if i == 0 => md_text(customer),
                    _ => String::new(),
                };
                let _ = writeln!(out, "- {}: {value}", plain_text(field));
            }
            out.push('\n');
            for (task, depth, line) in &lines {
                let indent = "  ".repeat(*depth);
                let _ = writeln!(out, "{indent}{}{line}", if *task { "- [ ] " } else { "" });
                if !task {
                    out.push('\n');
                }
            }
        }
        Format::Html => {
            let no_links = |_: &str| None;
            let _ = writeln!(
                out,
                "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n<h1>{}</h1>\n<dl>",
                escape(&args.locale),
                escape(&plain_text(&title)),
                render_inline(&title, &no_links)
            );
            for (i, field) in fields.iter().enumerate() {
                let value = match customer {
                    Some(customer) if i == 0 => escape(customer),
                    _ => String::new(),
                };
                let _ = writeln!(out, "<dt>{}</dt><dd>{value}</dd>", escape(&plain_text(field)));
            }
            out.push_str("</dl>\n<ul>\n");
            for (task, depth, line) in &lines {
                let html = render_inline(line, &no_links);
                let indent = "  ".repeat(*depth);
                if *task {
                    let _ = writeln!(
                        out,
                        "{indent}<li><label><input type=\"checkbox\"> {html}</label></li>"
                    );
                } else {
                    let _ = writeln!(out, "<li>{html}</li>");
                }
            }
            out.push_str("</ul>\n</body>\n</html>\n");
        }
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}
