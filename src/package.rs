//! `drillbook package`: one article as a training package an LMS imports (SCORM 1.2,
//! SCORM 2004 4th edition, cmi5): the article's built pages in the chosen locales, made
//! self-contained (`pages`), the assets with the LMS runtime `assets/lms.js`, a launch
//! page that picks the locale, the format's manifest (`manifest`), zipped
//! deterministically (`zip`): the same input gives the same bytes.

mod manifest;
mod pages;
mod zip;

use std::collections::BTreeSet;
use std::path::Path;

use crate::diag::{Diagnostic, Severity};
use crate::project::{self, LoadOptions};
use crate::render::{self, Files, Renderer, Sink};

pub use zip::read_zip;

/// The LMS runtime every packaged page loads before the simulator.
pub const LMS_JS: &[u8] = include_bytes!("../assets/lms.js");

/// The share of the score a learner needs to pass, when the content has no `[assessment]`.
pub const DEFAULT_MASTERY_SCORE: f64 = 0.8;

/// The assets a package leaves out: the search runtime (a package has no search index and
/// must not fetch one).
const LEFT_OUT: &[&str] = &["search.js"];

/// A package format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[value(name = "scorm-1.2")]
    Scorm12,
    #[value(name = "scorm-2004")]
    Scorm2004,
    #[value(name = "cmi5")]
    Cmi5,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Scorm12, Format::Scorm2004, Format::Cmi5];

    /// The name on the command line (and in the pages' settings).
    pub fn name(self) -> &'static str {
        match self {
            Format::Scorm12 => "scorm-1.2",
            Format::Scorm2004 => "scorm-2004",
            Format::Cmi5 => "cmi5",
        }
    }

    /// The manifest's file name.
    pub fn manifest(self) -> &'static str {
        match self {
            Format::Cmi5 => "cmi5.xml",
            _ => "imsmanifest.xml",
        }
    }
}

/// What to package.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    /// The locales to include (every locale the article is translated into when empty).
    pub locales: Vec<String>,
}

/// A built package.
pub struct Package {
    /// Every file of the zip, by path.
    pub files: Files,
    /// The zip's bytes.
    pub zip: Vec<u8>,
    /// The locales it holds, the source locale first.
    pub locales: Vec<String>,
}

/// Keeps what a package takes of a rendered site.
struct Keep<'a> {
    prefixes: Vec<String>,
    files: &'a std::sync::Mutex<Files>,
}

impl Sink for Keep<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        if self.prefixes.iter().any(|p| path.starts_with(p.as_str())) {
            let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
            files.insert(path.to_string(), bytes.to_vec());
        }
        Ok(())
    }
}

/// Builds the package of article `article` of the project at `root`. `None` (with the
/// diagnostics saying why) when the project has errors. `Err` when the request cannot be
/// met (no such article, a chosen locale without a translation of it): a usage error, like
/// an unknown scenario set in `checklist`. Pure but for reading the project.
pub fn build(
    root: &Path,
    article: &str,
    options: &Options,
) -> anyhow::Result<(Option<Package>, Vec<Diagnostic>)> {
    let load = LoadOptions { locales: options.locales.clone(), defer_articles: false };
    let (project, loader_diags) = project::load(root, &load);
    let Some(project) = project else { return Ok((None, loader_diags)) };
    // The same verdict as `check` and `build`: a project with errors is not packaged.
    let input =
        crate::check::Input { l10n: &project.l10n, site: Some(&project.site), data: &project.data };
    let (findings, _) = crate::check::findings_and_status(&input);
    let mut diags = project::report(
        findings.into_iter().map(|f| f.diag).chain(
            loader_diags.into_iter().filter(|d| !crate::l10n::PARSER_CODES.contains(&d.code)),
        ),
        false,
    );
    let (site, l10n) = (&project.site, &project.l10n);
    let Some(found) = site.articles.iter().find(|a| a.id == article) else {
        let known: Vec<&str> = site.articles.iter().map(|a| a.id.as_str()).collect();
        anyhow::bail!(
            "no article `{article}` in content/articles; the articles are: {}",
            known.join(", ")
        );
    };
    let available = render::available_locales(site, l10n, &found.id);
    let locales: Vec<String> = match options.locales.is_empty() {
        true => project.locales.iter().filter(|l| available.contains(l)).cloned().collect(),
        false => project.locales.iter().filter(|l| options.locales.contains(l)).cloned().collect(),
    };
    if let Some(locale) = locales.iter().find(|l| !available.contains(l)) {
        anyhow::bail!(
            "`--locale {locale}`: article `{article}` is not translated into {locale} (no locales/{locale}/{article}.ftl)"
        );
    }
    if diags.iter().any(Diagnostic::is_error) {
        return Ok((None, diags));
    }
    let collected = std::sync::Mutex::new(Files::new());
    let mut prefixes: Vec<String> = locales.iter().map(|l| format!("{l}/{article}/")).collect();
    prefixes.push("assets/".into());
    let sink = Keep { prefixes, files: &collected };
    let render_options = render::Options { locales: locales.clone(), ..Default::default() };
    let mut renderer = Renderer::new(site, l10n, &render_options);
    let mut problems = Vec::new();
    for locale in &locales {
        match renderer.render_locale(site, l10n, &render_options, locale, &sink) {
            Ok(more) => problems.extend(more),
            Err(e) => return Ok((None, io_failed(diags, e))),
        }
    }
    match renderer.render_common(site, l10n, &render_options, &sink) {
        Ok(more) => problems.extend(more),
        Err(e) => return Ok((None, io_failed(diags, e))),
    }
    diags.extend(project::report(problems.iter().map(|p| p.to_diagnostic(false)), false));
    if diags.iter().any(Diagnostic::is_error) {
        return Ok((None, diags));
    }
    let mut rendered = collected.into_inner().unwrap_or_else(|e| e.into_inner());
    for name in LEFT_OUT {
        rendered.remove(&format!("assets/{name}"));
    }
    rendered.insert("assets/lms.js".into(), LMS_JS.to_vec());

    let texts = |id: &str, locale: &str| {
        let (text, more) = l10n.translator(locale, "site").message(id, None);
        (text.value, more)
    };
    let mut problems = Vec::new();
    let mut files = Files::new();
    let targets: BTreeSet<String> = rendered.keys().cloned().collect();
    let format = options.format.name();
    // The content's mastery score; without an `[assessment]` the package records completion
    // only (practice), judged against the default where a format needs a number.
    let assessment = found.assessment.as_ref();
    let mastery_score = assessment.map_or(DEFAULT_MASTERY_SCORE, |a| *a.mastery_score.get_ref());
    let assessed = assessment.is_some();
    let mut launch = Vec::new();
    let mut course_texts = Vec::new();
    let mut links = Vec::new();
    for locale in &locales {
        let page = format!("{locale}/{article}/index.html");
        let html = String::from_utf8_lossy(&rendered[&page]).into_owned();
        let title = pages::element_text(&html, "h1").unwrap_or_else(|| article.to_string());
        let description = pages::meta_content(&html, "description").unwrap_or_default();
        course_texts.push((
            locale.clone(),
            manifest::xml_escape(&title),
            manifest::xml_escape(&description),
        ));
        let (name, more) = texts("language-name", locale);
        problems.extend(more);
        links.push((locale.clone(), name, page.clone()));
        launch.push((locale.clone(), page));
    }
    for (path, bytes) in &rendered {
        if !path.ends_with(".html") {
            files.insert(path.clone(), bytes.clone());
            continue;
        }
        let locale = path.split('/').next().unwrap_or_default();
        let (no_lms, more) = texts("package-no-lms", locale);
        problems.extend(more);
        let depth = path.matches('/').count();
        let root = "../".repeat(depth);
        let settings = pages::PageSettings {
            format,
            mastery_score,
            assessed,
            root: &root,
            no_lms: &no_lms,
            launch: &[],
        };
        let html = String::from_utf8_lossy(bytes);
        files.insert(
            path.clone(),
            pages::rewrite_page(&html, path, &targets, &settings).into_bytes(),
        );
    }
    let source = &locales[0];
    let (no_lms, more) = texts("package-no-lms", source);
    problems.extend(more);
    let (heading, more) = texts("page-root-title", source);
    problems.extend(more);
    let settings = pages::PageSettings {
        format,
        mastery_score,
        assessed,
        root: "",
        no_lms: &no_lms,
        launch: &launch,
    };
    let title = pages::unescape(&course_texts[0].1);
    let launch_page = pages::render_launch(source, &title, &heading, &links, &settings);
    files.insert("index.html".into(), launch_page.into_bytes());
    diags.extend(project::report(problems.iter().map(|p| p.to_diagnostic(false)), false));
    if diags.iter().any(Diagnostic::is_error) {
        return Ok((None, diags));
    }

    let listed: Vec<&str> = files.keys().map(String::as_str).collect();
    let identifier = format!("drillbook-{article}");
    let iri = format!("{}{article}/", site.config.base_url.get_ref());
    let course = manifest::Course {
        identifier: &identifier,
        iri: iri.trim_end_matches('/'),
        texts: &course_texts,
        launch: "index.html",
        mastery_score,
        assessed,
        files: &listed,
    };
    let (name, text) = manifest::render_manifest(options.format, &course);
    files.insert(name.to_string(), text.into_bytes());
    let zip = zip::write_zip(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
    let diags = project::report(diags, false);
    Ok((Some(Package { files, zip, locales }), diags))
}

/// `diags` and a failure to render (the package's sink keeps files in memory: not expected).
fn io_failed(mut diags: Vec<Diagnostic>, error: std::io::Error) -> Vec<Diagnostic> {
    diags.push(Diagnostic::file(Severity::Error, "io", "", format!("rendering failed: {error}")));
    diags
}

#[cfg(test)]
mod tests;
