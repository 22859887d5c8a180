//! `drillbook checklist --scenario FILE --locale L [--format md|html]`: a concrete checklist
//! for one real customer described in a scenario file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use fluent_bundle::FluentArgs;

use crate::checklist::{Task, checklist, concrete_tasks};
use crate::diag;
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
    /// A scenario file (the format of `content/scenarios/*.toml`) describing the customer;
    /// its `set` names the article, its goal names the customer.
    #[arg(long, value_name = "FILE")]
    pub scenario: PathBuf,
    /// Locale of the checklist.
    #[arg(long, value_name = "L", default_value = "en-US")]
    pub locale: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
}

pub fn run(root: &Path, args: &ChecklistArgs) -> anyhow::Result<ExitCode> {
    let source = std::fs::read_to_string(&args.scenario)
        .with_context(|| format!("failed to read `{}`", args.scenario.display()))?;
    let id = args.scenario.file_stem().and_then(|s| s.to_str()).unwrap_or("scenario");
    let display = args.scenario.display().to_string();
    let (scenario, mut diags) = crate::sim::parse_scenario(id, &display, &source);
    let (loaded, more) = crate::build::load(root, &[]);
    diags.extend(more.into_iter().filter(|d| d.is_error()));
    let (Some(scenario), Some((site, l10n))) = (scenario, loaded) else {
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
    let Some(article) = site
        .articles
        .iter()
        .find(|a| a.simulator.as_ref().is_some_and(|s| *s.get_ref() == scenario.set))
    else {
        anyhow::bail!(
            "no article names the scenario set `{}` (`simulator = \"{}\"`)",
            scenario.set,
            scenario.set
        );
    };
    let Some(list) = checklist(article) else {
        anyhow::bail!("article `{}` has no procedure to make a checklist from", article.id);
    };
    let tasks = concrete_tasks(&list, &scenario);
    let t = l10n.translator(&args.locale, "checklist");
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
    let customer = scenario
        .customer(&scenario.goal.customer)
        .map_or(scenario.goal.customer.as_str(), |c| c.name.as_str());
    let title = msg("checklist-concrete-title", &[("customer", customer)]);
    let fields: Vec<String> =
        ["checklist-customer", "checklist-date", "checklist-operator", "checklist-ticket"]
            .iter()
            .map(|f| msg(f, &[]))
            .collect();
    let mut lines = Vec::new();
    if !tasks.iter().any(|t| !matches!(t, Task::Remove(_))) {
        lines.push((false, msg("checklist-nothing-to-suspend", &[])));
    }
    for task in &tasks {
        let line = match task {
            Task::CancelReservation(p) => msg("checklist-cancel-reservation", &[("name", &p.name)]),
            Task::CancelSoftware(p) => msg("checklist-cancel-software", &[("name", &p.name)]),
            Task::Suspend(s) => {
                msg("checklist-suspend-subscription", &[("name", &s.name), ("offer", &s.offer)])
            }
            Task::Remove(c) => msg("checklist-remove-relationship", &[("customer", &c.name)]),
        };
        lines.push((true, line));
    }
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
                let value = if i == 0 { md_text(customer) } else { String::new() };
                let _ = writeln!(out, "- {}: {value}", plain_text(field));
            }
            out.push('\n');
            for (task, line) in &lines {
                let _ = writeln!(out, "{}{line}", if *task { "- [ ] " } else { "" });
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
                let value = if i == 0 { escape(customer) } else { String::new() };
                let _ = writeln!(out, "<dt>{}</dt><dd>{value}</dd>", escape(&plain_text(field)));
            }
            out.push_str("</dl>\n<ul>\n");
            for (task, line) in &lines {
                let html = render_inline(line, &no_links);
                if *task {
                    let _ =
                        writeln!(out, "<li><label><input type=\"checkbox\"> {html}</label></li>");
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
