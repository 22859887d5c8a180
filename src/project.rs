//! The project loader: the one place that decides what of a project is read (content, the
//! source locale and the chosen locales, the checker's data) and which diagnostics loading
//! reports. `build`, `check`, `serve`, `l10n` and `checklist` all load through [`load`];
//! [`check()`] is the load followed by every check of [`crate::check`], and a build runs the
//! same checks on the same model (both stream the translated locales), so both report the
//! same problems with the same severities ([`crate::check::severity`]).

use std::collections::BTreeSet;
use std::path::Path;

use crate::check::{self, CheckData, Finding, Status};
use crate::content::{self, Site};
use crate::diag::{self, Diagnostic, Severity};
use crate::l10n::{self, L10n, Problem};
use crate::render;

/// What to load.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The locales to load besides the source locale (every configured locale when empty).
    pub locales: Vec<String>,
    /// Only list the translated locales' article files (a streaming build or check reads
    /// each locale's when its turn comes, see [`L10n::read_deferred`]), and leave their lock
    /// files to [`check::load_lock`].
    pub defer_articles: bool,
}

/// A loaded project.
pub struct Project {
    pub site: Site,
    pub l10n: L10n,
    pub data: CheckData,
    /// The loaded locales, the source locale first.
    pub locales: Vec<String>,
}

/// Loads the project at `root`. `None` when the content did not load (`content/site.toml`
/// is missing or invalid); otherwise the project, even when some of its files have errors
/// (the diagnostics say which). Diagnostics have their code's severity and are sorted.
pub fn load(root: &Path, options: &LoadOptions) -> (Option<Project>, Vec<Diagnostic>) {
    let (site, mut diags) = content::load_site(root);
    let Some(site) = site else {
        check::severity::settle_all(&mut diags, false);
        diag::sort(&mut diags);
        return (None, diags);
    };
    let configured = site_locales(&site);
    for locale in &options.locales {
        if !configured.contains(locale) {
            diags.push(Diagnostic::file(
                Severity::Error,
                "unknown-locale",
                "content/site.toml",
                format!(
                    "`--locale {locale}` is not one of the configured locales: {}",
                    configured.join(", ")
                ),
            ));
        }
    }
    // The source first: it is what every other locale falls back to and is checked against.
    let locales: Vec<String> = configured
        .iter()
        .enumerate()
        .filter(|(i, l)| *i == 0 || options.locales.is_empty() || options.locales.contains(l))
        .map(|(_, l)| l.clone())
        .collect();
    let defer: BTreeSet<String> = match options.defer_articles {
        true => site.articles.iter().map(|a| a.id.clone()).collect(),
        false => BTreeSet::new(),
    };
    let (l10n, mut more) = l10n::load_l10n_deferring(root, &locales, &defer);
    content::position_missing_locales(root, &site, &mut more);
    diags.extend(more);
    let (data, more) = match options.defer_articles {
        true => check::load_check_inputs(root),
        false => check::load_check_data(root, &l10n),
    };
    diags.extend(more);
    check::severity::settle_all(&mut diags, false);
    diag::sort(&mut diags);
    (Some(Project { site, l10n, data, locales }), diags)
}

/// The site's locales, the default (source) locale first.
pub fn site_locales(site: &Site) -> Vec<String> {
    let mut locales = vec![site.config.default_locale.get_ref().clone()];
    for locale in &site.config.locales {
        if !locales.contains(locale.get_ref()) {
            locales.push(locale.get_ref().clone());
        }
    }
    locales
}

/// What [`check()`] found.
pub struct Checked {
    /// Every problem: the loader's, then the checks'.
    pub findings: Vec<Finding>,
    /// The loaded locales, the source locale first (empty when the content did not load).
    pub locales: Vec<String>,
    pub status: Status,
}

/// Loads the project and runs every check: what `drillbook check` reports, and what stops a
/// build. The loader's Fluent parser errors (`ftl-syntax`, ...) are left to the checks, which
/// report the same junk. The source locale's pages are rendered (and thrown away) for what
/// only formatting finds (see [`uncovered`]).
///
/// It streams as a build does: the translated locales' article files and locks are read,
/// parsed and checked two locales at a time, and dropped before the next two, so that a
/// large project's memory is its source locale and two translations, not all of them.
pub fn check(root: &Path, options: &LoadOptions) -> Checked {
    let options = LoadOptions { defer_articles: true, ..options.clone() };
    let (project, mut loader_diags) = load(root, &options);
    let Some(Project { site, mut l10n, mut data, locales }) = project else {
        let findings = loader_diags.into_iter().map(|diag| finding_of(diag, "")).collect();
        return Checked { findings, locales: Vec::new(), status: Status::default() };
    };
    let source_files = (l10n.locales.first().cloned())
        .unwrap_or_else(|| l10n::LocaleFiles::new("", std::collections::BTreeMap::new()));
    let source = check::Source::new(&source_files);
    let mut run = check::Run::new_against(Some(&site), &source);
    let articles: BTreeSet<String> = site.articles.iter().map(|a| a.id.clone()).collect();
    run.locale_in(&check::Parsed::against(&source, &l10n, &locales[0]), &data);
    run.check_site_early(&data, &source);
    // Two translated locales at a time: their files and locks read side by side, then both
    // checked side by side, then dropped. Two keep two cores busy even when a locale is one
    // large file (within a locale, files are checked in parallel) while the memory stays the
    // source's and two translations'.
    for pair in locales[1..].chunks(2) {
        use rayon::prelude::*;
        let read: Vec<_> = pair
            .par_iter()
            .map(|locale| {
                let ((loaded, mut more), lock) = read_locale(&l10n, root, locale, true);
                let (lock, lock_diags) = lock.unwrap_or_default();
                more.extend(lock_diags);
                (loaded, lock, more)
            })
            .collect();
        for (locale, (loaded, lock, mut more)) in pair.iter().zip(read) {
            l10n.insert_deferred(locale, loaded);
            data.locks.insert(locale.clone(), lock);
            check::severity::settle_all(&mut more, false);
            loader_diags.extend(more);
        }
        let parsed: Vec<_> =
            pair.par_iter().map(|locale| check::Parsed::against(&source, &l10n, locale)).collect();
        run.locales_in(&parsed, &data);
        drop(parsed);
        for locale in pair {
            l10n.unload(locale, &articles);
            data.locks.remove(locale);
        }
    }
    let (mut findings, status) = run.finish_against(&data, &source);
    let source = locales[0].as_str();
    let rows = dashboard_rows(&status);
    let problems = render_source(&site, &l10n, source, rows);
    let more = uncovered(&l10n, &problems, &findings, source);
    findings.extend(more.into_iter().map(|diag| finding_of(diag, source)));
    diag::sort(&mut loader_diags);
    findings.extend(
        loader_diags
            .into_iter()
            .filter(|d| !crate::l10n::PARSER_CODES.contains(&d.code))
            .map(|diag| finding_of(diag, source)),
    );
    Checked { findings, locales, status }
}

/// A locale's deferred article files by scope, with the diagnostics of reading them.
pub(crate) type LocaleFilesRead =
    (std::collections::BTreeMap<String, l10n::FtlFile>, Vec<Diagnostic>);

/// A translated locale's deferred article files and, `with_lock`, its lock file, each
/// with their diagnostics, read side by side: what a streaming build or check reads when the
/// locale's turn comes.
pub(crate) fn read_locale(
    l10n: &L10n,
    root: &Path,
    locale: &str,
    with_lock: bool,
) -> (LocaleFilesRead, Option<(l10n::lock::Lock, Vec<Diagnostic>)>) {
    rayon::join(
        || l10n.read_deferred(root, locale),
        || with_lock.then(|| check::load_lock(root, locale)),
    )
}

/// The dashboard's rows from the checker's status.
pub fn dashboard_rows(status: &Status) -> Vec<render::DashboardRow> {
    let mut rows = Vec::new();
    for (locale, locale_status) in &status.locales {
        for (scope, s) in &locale_status.scopes {
            rows.push(dashboard_row(locale, scope.clone(), s, s.diagnostics.clone(), Vec::new()));
        }
    }
    rows
}

/// [`dashboard_rows`] of a status the caller is done with (its diagnostics are moved into
/// the rows, not copied), with what changed in the English of their stale messages.
pub fn dashboard_rows_with(
    status: Status,
    mut changes: std::collections::BTreeMap<(String, String), Vec<l10n::reviewed::StaleDetail>>,
) -> Vec<render::DashboardRow> {
    let mut rows = Vec::new();
    for (locale, locale_status) in status.locales {
        for (scope, mut s) in locale_status.scopes {
            let changes = changes.remove(&(locale.clone(), scope.clone())).unwrap_or_default();
            let problems = std::mem::take(&mut s.diagnostics);
            rows.push(dashboard_row(&locale, scope, &s, problems, changes));
        }
    }
    rows
}

/// One file's row: its counts from `s`, with `problems` (its diagnostics) and `changes`.
fn dashboard_row(
    locale: &str,
    scope: String,
    s: &check::ScopeStatus,
    problems: Vec<Diagnostic>,
    changes: Vec<l10n::reviewed::StaleDetail>,
) -> render::DashboardRow {
    render::DashboardRow {
        locale: locale.to_string(),
        scope,
        messages: s.messages,
        translated: s.translated,
        missing: s.missing,
        stale: s.stale,
        errors: s.errors,
        problems,
        changes,
    }
}

/// The problems the pages of the source locale and the pages of no locale (root, 404,
/// sitemap, the source locale's dashboard) meet, rendered into nothing: the chrome's messages and every article's source
/// text are formatted there, and each translated page formats its own (the checks compare
/// them with the source) or falls back to the source's.
fn render_source(
    site: &Site,
    l10n: &L10n,
    source: &str,
    rows: Vec<render::DashboardRow>,
) -> Vec<Problem> {
    struct Discard;
    impl render::Sink for Discard {
        fn put(&self, _: &str, _: &[u8]) -> std::io::Result<()> {
            Ok(())
        }
    }
    let options = render::Options {
        locales: vec![source.to_string()],
        dashboard: Some(rows),
        ..Default::default()
    };
    let mut renderer = render::Renderer::new(site, l10n, &options);
    let mut problems = renderer.render_locale(site, l10n, &options, source, &Discard);
    if let (Ok(problems), Ok(more)) =
        (&mut problems, renderer.render_common(site, l10n, &options, &Discard))
    {
        problems.extend(more);
    }
    problems.unwrap_or_default()
}

/// The problems met while rendering that no finding of the checks is about (a check
/// reports the same message, positioned), as diagnostics: what only formatting a message
/// finds (a variable the page does not pass, a message of drillbook's own pages the source
/// locale lacks).
pub fn uncovered(
    l10n: &L10n,
    problems: &[Problem],
    findings: &[Finding],
    source: &str,
) -> Vec<Diagnostic> {
    // A finding about a message covers its problems; a finding about a whole file (no
    // message id) only when it is an error about the file (unreadable, junk, missing), not a
    // warning that happens to be positioned in it.
    // Hashed: only looked up, and sorting every finding's key showed in the build's end.
    let covered: rustc_hash::FxHashSet<(&str, &str, Option<&str>)> = findings
        .iter()
        .filter(|f| f.id.is_some() || f.diag.is_error())
        .map(|f| (f.locale.as_str(), f.scope.as_str(), f.id.as_deref()))
        .collect();
    // A message formats with errors when a term it references is broken: the checks report
    // the term.
    let broken_terms: BTreeSet<&str> = findings
        .iter()
        .filter(|f| f.diag.is_error() && f.id.as_deref().is_some_and(|id| id.starts_with('-')))
        .map(|f| f.locale.as_str())
        .collect();
    let mut diags: Vec<Diagnostic> = problems
        .iter()
        .filter(|problem| {
            let (locale, scope, id) = match problem {
                Problem::Fallback { locale, scope, id } => (locale.as_str(), scope, id),
                Problem::Unknown { scope, id, .. } => (source, scope, id),
                Problem::Format { locale, scope, id, .. } => (locale.as_str(), scope, id),
            };
            // An attribute's problem is about its message.
            let id = id.split_once('.').map_or(id.as_str(), |(message, _)| message);
            let term_broken =
                matches!(problem, Problem::Format { .. }) && broken_terms.contains(locale);
            !covered.contains(&(locale, scope, Some(id)))
                && !covered.contains(&(locale, scope, None))
                && !term_broken
        })
        .map(|problem| positioned(l10n, problem, source))
        .collect();
    check::severity::settle_all(&mut diags, false);
    diags
}

/// The diagnostic of a rendering problem, at the message it is about when that message is the
/// source locale's (always loaded, in `check` as in a streaming `build`, so both report the
/// same position; a translation's formatting problems are its checks' findings).
fn positioned(l10n: &L10n, problem: &Problem, source: &str) -> Diagnostic {
    let diag = problem.to_diagnostic(false);
    let Problem::Format { locale, scope, id, .. } = problem else { return diag };
    if locale != source {
        return diag;
    }
    match l10n.locate(locale, scope, id) {
        Some((path, source, span)) => {
            Diagnostic::at(diag.severity, diag.code, path, source, span, diag.message.to_string())
        }
        None => diag,
    }
}

/// A loader diagnostic as a finding of locale `locale`.
pub fn finding_of(diag: Diagnostic, locale: &str) -> Finding {
    Finding { diag, locale: locale.to_string(), scope: String::new(), id: None }
}

/// The diagnostics of `findings` as a command reports them: `--strict` applied
/// ([`check::severity`]), sorted, without duplicates.
pub fn report(findings: impl IntoIterator<Item = Diagnostic>, strict: bool) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = findings.into_iter().collect();
    check::severity::settle_all(&mut diags, strict);
    diag::sort(&mut diags);
    diags.dedup();
    diags
}
