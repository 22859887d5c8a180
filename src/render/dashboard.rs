//! The translation dashboards: per translated locale, a summary of its files (bars, counts,
//! sortable in the browser), the same table filtered by status on linked pages, and one page
//! of problems per file; the source locale's (and a pseudo-locale's) dashboard is an overview
//! of every translated locale. Each page holds one locale's share of the work, so its size
//! grows with the number of files, never with the number of problems times locales.
//!
//! Every word is the page's language: a problem shows its severity and a short description of
//! its code from Fluent (`dashboard-code-<code>`); only the checker's own detail message stays
//! English, in a `<code lang="en">`, as `drillbook check` prints it (a note says so).

use askama::Template;

use crate::content::Site;
use crate::diag::{Diagnostic, Severity};
use crate::l10n::Problem;
use crate::l10n::reviewed::{Segment, StaleDetail};
use crate::render::chrome::{Chrome, Crumb, Names, SiteText, chrome, chrome_in};
use crate::render::{DashboardRow, Sink};

/// The status filters, by the path of their page below `dashboard/` (`""`: every file).
const FILTERS: [(&str, &str); 5] = [
    ("", "dashboard-filter-all"),
    ("missing/", "dashboard-filter-missing"),
    ("stale/", "dashboard-filter-stale"),
    ("errors/", "dashboard-filter-errors"),
    ("complete/", "dashboard-filter-complete"),
];

/// The codes with a description of their own (`dashboard-code-<code>` in `site.ftl`): the
/// ones a translation's status can carry. Any other code is shown with
/// `dashboard-code-other` and its name.
pub(crate) const DESCRIBED_CODES: &[&str] = &[
    "missing-file",
    "missing-message",
    "missing-attribute",
    "stale",
    "untranslated",
    "obsolete-file",
    "obsolete-message",
    "duplicate-attribute",
    "plural-unused",
    "external-article",
    "ftl-syntax",
    "nesting-too-deep",
    "markup-too-long",
    "duplicate-id",
    "missing-value",
    "obsolete-value",
    "obsolete-attribute",
    "variable-mismatch",
    "term-mismatch",
    "message-ref-mismatch",
    "unknown-reference",
    "plural-categories",
    "markup-mismatch",
    "unsafe-text",
    "label-inconsistent",
    "label-mismatch",
    "glossary",
    "format-error",
    "broken-link",
    "broken-anchor",
];

#[derive(Template)]
#[template(path = "dashboard.html")]
struct FilesPage<'a> {
    chrome: Chrome<'a>,
    totals: Counts,
    filters: Vec<FilterLink>,
    rows: Vec<FileRow>,
    /// Other locales' dashboards.
    others: Vec<LocaleLink>,
}

#[derive(Template)]
#[template(path = "dashboard_file.html")]
struct FilePage<'a> {
    chrome: Chrome<'a>,
    file: String,
    counts: Counts,
    /// The article page in this locale and in the source locale (empty for shared files).
    page: String,
    source_page: String,
    groups: Vec<Group>,
    /// The source locale's tag, for the English texts of a stale message.
    source: String,
    /// Whether a stale message shows a word diff (the legend is needed).
    diffs: bool,
}

#[derive(Template)]
#[template(path = "dashboard_overview.html")]
struct OverviewPage<'a> {
    chrome: Chrome<'a>,
    rows: Vec<LocaleRow>,
}

struct FilterLink {
    href: String,
    text: String,
    count: usize,
    current: bool,
}

struct LocaleLink {
    href: String,
    lang: String,
    name: String,
}

/// Counts of one file or locale, and its bar.
struct Counts {
    messages: usize,
    translated: usize,
    missing: usize,
    stale: usize,
    errors: usize,
    /// Percent translated, for sorting.
    percent: usize,
    bar: Bar,
}

/// A stacked bar in message units: up to date, stale, with errors, missing.
struct Bar {
    total: usize,
    ok: usize,
    stale: usize,
    errors: usize,
    missing: usize,
}

impl Bar {
    fn x_stale(&self) -> usize {
        self.ok
    }
    fn x_errors(&self) -> usize {
        self.ok + self.stale
    }
    fn x_missing(&self) -> usize {
        self.ok + self.stale + self.errors
    }
}

struct FileRow {
    file: String,
    href: String,
    counts: Counts,
}

struct LocaleRow {
    lang: String,
    name: String,
    href: String,
    files: usize,
    counts: Counts,
}

struct Group {
    id: &'static str,
    title: String,
    problems: Vec<ProblemView>,
}

struct ProblemView {
    severity: String,
    error: bool,
    label: String,
    code: &'static str,
    location: String,
    detail: String,
    /// For a stale message: its English then and now, and its translation.
    change: Option<ChangeView>,
}

/// What changed in the English of a stale message, beside its translation.
struct ChangeView {
    /// The English the translation was reviewed against (`None`: not recorded).
    old: Option<String>,
    /// The English now, as a word diff from `old` (one `Same` piece when `old` is unknown).
    diff: Vec<Piece>,
    translation: String,
}

/// A piece of a word diff: `kind` is `""` (unchanged), `"del"` or `"ins"`.
struct Piece {
    kind: &'static str,
    text: String,
}

impl ChangeView {
    fn of(detail: &StaleDetail) -> ChangeView {
        let diff = match &detail.old {
            Some(_) => detail.diff().iter().flat_map(pieces).collect(),
            None => vec![Piece { kind: "", text: detail.new.clone() }],
        };
        ChangeView { old: detail.old.clone(), diff, translation: detail.translation.clone() }
    }
}

/// A diff segment as marked-up pieces: the whitespace after a changed word stays outside
/// its mark, so a removed and an added word read as two words; a change of whitespace
/// alone is not marked (a removed space is dropped, an added one is plain text).
fn pieces(segment: &Segment) -> Vec<Piece> {
    let (kind, text) = match segment {
        Segment::Same(t) => return vec![Piece { kind: "", text: t.clone() }],
        Segment::Removed(t) => ("del", t),
        Segment::Added(t) => ("ins", t),
    };
    let word = text.trim_end();
    let space = &text[word.len()..];
    let mut out = Vec::new();
    if !word.is_empty() {
        out.push(Piece { kind, text: word.to_string() });
    }
    if !space.is_empty() && (kind == "ins" || !word.is_empty()) {
        out.push(Piece { kind: "", text: space.to_string() });
    }
    out
}

/// The message id a `stale` diagnostic is about: its message starts with it in backticks.
fn stale_id(diag: &Diagnostic) -> Option<&str> {
    let rest = diag.message.strip_prefix('`')?;
    rest.split_once('`').map(|(id, _)| id)
}

impl Counts {
    fn of(messages: usize, translated: usize, missing: usize, stale: usize, errors: usize) -> Self {
        // A message may be both stale and wrong: the bar counts it once, as an error.
        let errors_bar = errors.min(translated);
        let stale_bar = stale.min(translated - errors_bar);
        let ok = translated - errors_bar - stale_bar;
        let missing_bar = messages.saturating_sub(translated);
        let percent = (translated * 100).checked_div(messages).unwrap_or(100);
        Counts {
            messages,
            translated,
            missing,
            stale,
            errors,
            percent,
            bar: Bar {
                total: messages.max(1),
                ok,
                stale: stale_bar,
                errors: errors_bar,
                missing: missing_bar,
            },
        }
    }

    fn of_row(row: &DashboardRow) -> Counts {
        Counts::of(row.messages, row.translated, row.missing, row.stale, row.errors)
    }

    fn is_complete(&self) -> bool {
        self.missing == 0 && self.stale == 0 && self.errors == 0
    }
}

fn passes(filter: &str, counts: &Counts) -> bool {
    match filter {
        "missing/" => counts.missing > 0,
        "stale/" => counts.stale > 0,
        "errors/" => counts.errors > 0,
        "complete/" => counts.is_complete(),
        _ => true,
    }
}

/// Writes `locale`'s dashboard pages into `sink` below `<locale>/dashboard/`: the overview
/// when the locale has no rows of its own (the source locale), else its files and problems.
/// `locale`'s dashboard pages: the source locale's overview, or a translated locale's
/// summary and filter pages and the page of each of its files (of those in `files`, when
/// given).
pub(crate) fn write_dashboard(
    site: &Site,
    names: &Names,
    locale: &str,
    site_t: &SiteText,
    rows: &[DashboardRow],
    files: Option<&std::collections::BTreeSet<String>>,
    sink: &dyn Sink,
) -> std::io::Result<Vec<Problem>> {
    let mine: Vec<&DashboardRow> = rows.iter().filter(|r| r.locale == locale).collect();
    let translated: Vec<String> = {
        let mut seen: Vec<String> = Vec::new();
        for row in rows {
            if !seen.contains(&row.locale) {
                seen.push(row.locale.clone());
            }
        }
        seen
    };
    let mut problems = Vec::new();
    if mine.is_empty() {
        let (html, more) = render_overview(site, names, locale, site_t, rows, &translated);
        problems.extend(more);
        sink.put(&format!("{locale}/dashboard/index.html"), html.as_bytes())?;
        return Ok(problems);
    }
    for (path, _) in FILTERS {
        let (html, more) = render_files(site, names, locale, site_t, &mine, path, &translated);
        problems.extend(more);
        sink.put(&format!("{locale}/dashboard/{path}index.html"), html.as_bytes())?;
    }
    // A page per file, in parallel: a locale's pages are most of the dashboards, and there
    // are fewer locales than pages to share between the threads.
    use rayon::prelude::*;
    let per_file: Vec<Vec<Problem>> = mine
        .par_iter()
        .filter(|row| files.is_none_or(|files| files.contains(&row.scope)))
        .map(|row| {
            let (html, more) = render_file(site, names, locale, site_t, row, &translated);
            let path = format!("{locale}/dashboard/file/{}/index.html", row.scope);
            sink.put(&path, html.as_bytes()).map(|()| more)
        })
        .collect::<std::io::Result<_>>()?;
    problems.extend(per_file.into_iter().flatten());
    Ok(problems)
}

fn dashboard_title(chrome: &mut Chrome<'_>, title: &str) {
    chrome.title = format!("{title} | {}", chrome.site_title);
    chrome.body_class = "page-dashboard";
}

fn render_overview(
    site: &Site,
    names: &Names,
    locale: &str,
    site_t: &SiteText,
    rows: &[DashboardRow],
    translated: &[String],
) -> (String, Vec<Problem>) {
    let mut chrome = chrome(site, names, locale, site_t, "../../", Some("dashboard/"));
    let title = chrome.t("dashboard-title");
    dashboard_title(&mut chrome, &title);
    chrome.description = chrome.t("dashboard-intro");
    let rows = translated
        .iter()
        .map(|lang| {
            let of: Vec<&DashboardRow> = rows.iter().filter(|r| &r.locale == lang).collect();
            let sum = |f: fn(&DashboardRow) -> usize| of.iter().map(|r| f(r)).sum::<usize>();
            LocaleRow {
                lang: lang.clone(),
                name: names.get(lang).cloned().unwrap_or_else(|| lang.clone()),
                href: format!("../../{lang}/dashboard/"),
                files: of.len(),
                counts: Counts::of(
                    sum(|r| r.messages),
                    sum(|r| r.translated),
                    sum(|r| r.missing),
                    sum(|r| r.stale),
                    sum(|r| r.errors),
                ),
            }
        })
        .collect();
    let page = OverviewPage { chrome, rows };
    let html = page.render().expect("templates write into a String");
    (html, page.chrome.take_problems())
}

fn render_files(
    site: &Site,
    names: &Names,
    locale: &str,
    site_t: &SiteText,
    rows: &[&DashboardRow],
    filter: &str,
    translated: &[String],
) -> (String, Vec<Problem>) {
    let depth = if filter.is_empty() { "../../" } else { "../../../" };
    let page = format!("dashboard/{filter}");
    let mut chrome = chrome_in(site, names, locale, site_t, depth, Some(&page), Some(translated));
    let title = chrome.t("dashboard-title");
    dashboard_title(&mut chrome, &title);
    chrome.description = chrome.t("dashboard-locale-intro");
    let back = if filter.is_empty() { "" } else { "../" };
    let all: Vec<(&DashboardRow, Counts)> = rows.iter().map(|r| (*r, Counts::of_row(r))).collect();
    let filters = FILTERS
        .iter()
        .map(|(path, id)| FilterLink {
            href: format!("{back}{path}"),
            text: chrome.t(id),
            count: all.iter().filter(|(_, c)| passes(path, c)).count(),
            current: *path == filter,
        })
        .collect();
    let sum = |f: fn(&DashboardRow) -> usize| rows.iter().map(|r| f(r)).sum::<usize>();
    let totals = Counts::of(
        sum(|r| r.messages),
        sum(|r| r.translated),
        sum(|r| r.missing),
        sum(|r| r.stale),
        sum(|r| r.errors),
    );
    let rows = all
        .into_iter()
        .filter(|(_, c)| passes(filter, c))
        .map(|(row, counts)| FileRow {
            file: format!("{}.ftl", row.scope),
            href: format!("{back}file/{}/", row.scope),
            counts,
        })
        .collect();
    let others = translated
        .iter()
        .filter(|l| l.as_str() != locale)
        .map(|l| LocaleLink {
            href: format!("{depth}{l}/dashboard/"),
            lang: l.clone(),
            name: names.get(l).cloned().unwrap_or_default(),
        })
        .collect();
    let page = FilesPage { chrome, totals, filters, rows, others };
    let html = page.render().expect("templates write into a String");
    (html, page.chrome.take_problems())
}

fn render_file(
    site: &Site,
    names: &Names,
    locale: &str,
    site_t: &SiteText,
    row: &DashboardRow,
    translated: &[String],
) -> (String, Vec<Problem>) {
    let path = format!("dashboard/file/{}/", row.scope);
    let root = "../../../../";
    let mut chrome = chrome_in(site, names, locale, site_t, root, Some(&path), Some(translated));
    let file = format!("{}.ftl", row.scope);
    let title = chrome.t("dashboard-title");
    chrome.breadcrumbs = vec![
        Crumb { href: "../../".into(), text: title.clone() },
        Crumb { href: String::new(), text: file.clone() },
    ];
    dashboard_title(&mut chrome, &format!("{file} | {title}"));
    let (page, source_page) = if site.article(&row.scope).is_some() {
        let source = site.config.default_locale.get_ref();
        (format!("{root}{locale}/{}/", row.scope), format!("{root}{source}/{}/", row.scope))
    } else {
        (String::new(), String::new())
    };
    let groups = groups(&chrome, site_t, &row.problems, &row.changes);
    let diffs = groups.iter().flat_map(|g| &g.problems).any(|p| {
        p.change.as_ref().is_some_and(|c| c.diff.iter().any(|piece| !piece.kind.is_empty()))
    });
    let source = site.config.default_locale.get_ref().clone();
    let counts = Counts::of_row(row);
    let page = FilePage { chrome, file, counts, page, source_page, groups, source, diffs };
    let html = page.render().expect("templates write into a String");
    (html, page.chrome.take_problems())
}

/// The problems by kind: missing, stale, errors, other warnings (empty groups left out).
fn groups(
    chrome: &Chrome<'_>,
    site_t: &SiteText,
    diags: &[Diagnostic],
    changes: &[StaleDetail],
) -> Vec<Group> {
    let kinds: [(&'static str, &str); 4] = [
        ("missing", "dashboard-missing"),
        ("stale", "dashboard-stale"),
        ("errors", "dashboard-errors"),
        ("warnings", "dashboard-warnings"),
    ];
    let kind_of = |d: &Diagnostic| match (d.code, d.severity) {
        (code, Severity::Warning) if code.starts_with("missing-") => "missing",
        ("stale", Severity::Warning) => "stale",
        (_, Severity::Error) => "errors",
        _ => "warnings",
    };
    let severity = [chrome.t("dashboard-severity-error"), chrome.t("dashboard-severity-warning")];
    kinds
        .into_iter()
        .map(|(id, title)| Group {
            id,
            title: chrome.t(title),
            problems: diags
                .iter()
                .filter(|d| kind_of(d) == id)
                .map(|d| {
                    let mut view = problem_view(chrome, site_t, d, &severity);
                    if id == "stale" {
                        let detail = stale_id(d).and_then(|i| changes.iter().find(|c| c.id == i));
                        view.change = detail.map(ChangeView::of);
                    }
                    view
                })
                .collect(),
        })
        .filter(|g| !g.problems.is_empty())
        .collect()
}

fn problem_view(
    chrome: &Chrome<'_>,
    site_t: &SiteText,
    diag: &Diagnostic,
    severity: &[String; 2],
) -> ProblemView {
    let id = format!("dashboard-code-{}", diag.code);
    // Only described codes are looked up: an unknown id would be a build error.
    let label = if DESCRIBED_CODES.contains(&diag.code) && site_t.has_source_message(&id) {
        chrome.t(&id)
    } else {
        chrome.t("dashboard-code-other")
    };
    let mut location = diag.path.clone();
    if let Some(pos) = &diag.pos {
        location.push_str(&format!(":{}:{}", pos.line, pos.col));
    }
    let error = diag.severity == Severity::Error;
    ProblemView {
        severity: severity[usize::from(!error)].clone(),
        error,
        label,
        code: diag.code,
        location,
        detail: diag.message.to_string(),
        change: None,
    }
}

#[cfg(test)]
mod tests;
