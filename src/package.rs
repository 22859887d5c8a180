//! `drillbook package`: one article as a training package an LMS imports (SCORM 1.2,
//! SCORM 2004 4th edition, cmi5): the article's built pages in the chosen locales, made
//! self-contained (`pages`), the assets with the LMS runtime `assets/lms.js`, a launch
//! page that picks the locale, the format's manifest (`manifest`), zipped
//! deterministically (`zip`): the same input gives the same bytes. Several formats come
//! from one load, check and render ([`build_formats`]).

mod manifest;
mod pages;
mod zip;

use std::collections::{BTreeMap, BTreeSet};
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
    pub format: Format,
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

/// Builds the package of article `article` of the project at `root` in one format: see
/// [`build_formats`].
pub fn build(
    root: &Path,
    article: &str,
    options: &Options,
) -> anyhow::Result<(Option<Package>, Vec<Diagnostic>)> {
    let (built, diags) = build_formats(root, article, &[options.format], &options.locales)?;
    Ok((built.and_then(|mut packages| packages.pop()), diags))
}

/// Builds the packages of article `article` of the project at `root` in each of `formats`
/// (in that order) with `locales` (every locale the article is translated into when empty),
/// loading, checking and rendering the project once: each package is the same bytes as when
/// built alone. `None` (with the diagnostics saying why) when the project has errors. `Err`
/// when the request cannot be met (no such article, a chosen locale without a translation
/// of it): a usage error, like an unknown scenario set in `checklist`. Pure but for reading
/// the project.
pub fn build_formats(
    root: &Path,
    article: &str,
    formats: &[Format],
    locales: &[String],
) -> anyhow::Result<(Option<Vec<Package>>, Vec<Diagnostic>)> {
    use rayon::prelude::*;
    let timings = Timings::new();
    let (prepared, mut diags) = prepare(root, article, locales, &timings)?;
    let Some(prepared) = prepared else { return Ok((None, diags)) };
    // What every format ships unchanged, compressed once.
    let shared = zip::Compressed::new(
        (prepared.rendered.iter())
            .filter(|(path, _)| !path.ends_with(".html"))
            .map(|(p, b)| (p.as_str(), b.as_slice())),
    );
    let shared = match shared {
        Ok(shared) => shared,
        Err(e) => return Ok((None, io_failed(diags, "zipping", e))),
    };
    let built: Vec<std::io::Result<Package>> =
        formats.par_iter().map(|&format| prepared.package(format, &shared)).collect();
    let mut packages = Vec::with_capacity(built.len());
    for package in built {
        match package {
            Ok(package) => packages.push(package),
            Err(e) => return Ok((None, io_failed(diags, "zipping", e))),
        }
    }
    timings.mark("zip");
    diags = project::report(diags, false);
    Ok((Some(packages), diags))
}

/// What every format of one article's package is made from.
struct Prepared {
    /// The rendered pages and assets the package ships, before they are made
    /// self-contained.
    rendered: Files,
    locales: Vec<String>,
    /// Per locale: the title and description, escaped for XML.
    course_texts: Vec<(String, String, String)>,
    /// Per locale: its language name and article page (the launch page's links).
    links: Vec<(String, String, String)>,
    /// The note shown without an LMS, per locale.
    no_lms: BTreeMap<String, String>,
    /// The launch page's heading (the source locale's).
    heading: String,
    mastery_score: f64,
    assessed: bool,
    identifier: String,
    iri: String,
}

/// Loads, checks and renders what the package of `article` ships: `None` with the
/// diagnostics when the project has errors.
fn prepare(
    root: &Path,
    article: &str,
    chosen: &[String],
    timings: &Timings,
) -> anyhow::Result<(Option<Prepared>, Vec<Diagnostic>)> {
    let load = LoadOptions { locales: chosen.to_vec(), defer_articles: false };
    let (project, loader_diags) = project::load(root, &load);
    timings.mark("load");
    let Some(project) = project else { return Ok((None, loader_diags)) };
    // The same verdict as `check` and `build`: a project with errors is not packaged.
    let input =
        crate::check::Input { l10n: &project.l10n, site: Some(&project.site), data: &project.data };
    let (findings, _) = crate::check::findings_and_status(&input);
    timings.mark("check");
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
    let locales: Vec<String> = match chosen.is_empty() {
        true => project.locales.iter().filter(|l| available.contains(l)).cloned().collect(),
        false => project.locales.iter().filter(|l| chosen.contains(l)).cloned().collect(),
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
    // Only the article's pages: the package ships nothing else of a locale.
    for locale in &locales {
        match renderer.render_one_article(site, l10n, &render_options, locale, article, &sink) {
            Ok(more) => problems.extend(more),
            Err(e) => return Ok((None, io_failed(diags, "rendering", e))),
        }
    }
    match renderer.render_common(site, l10n, &render_options, &sink) {
        Ok(more) => problems.extend(more),
        Err(e) => return Ok((None, io_failed(diags, "rendering", e))),
    }
    timings.mark("render");
    let mut rendered = collected.into_inner().unwrap_or_else(|e| e.into_inner());
    for name in LEFT_OUT {
        rendered.remove(&format!("assets/{name}"));
    }
    rendered.insert("assets/lms.js".into(), LMS_JS.to_vec());

    let mut texts = |id: &str, locale: &str| {
        let (text, more) = l10n.translator(locale, "site").message(id, None);
        problems.extend(more);
        text.value
    };
    let mut course_texts = Vec::new();
    let mut links = Vec::new();
    let mut no_lms = BTreeMap::new();
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
        links.push((locale.clone(), texts("language-name", locale), page));
        no_lms.insert(locale.clone(), texts("package-no-lms", locale));
    }
    let heading = texts("page-root-title", &locales[0]);
    diags.extend(project::report(problems.iter().map(|p| p.to_diagnostic(false)), false));
    if diags.iter().any(Diagnostic::is_error) {
        return Ok((None, diags));
    }
    // The content's mastery score; without an `[assessment]` the package records completion
    // only (practice), judged against the default where a format needs a number.
    let assessment = found.assessment.as_ref();
    let prepared = Prepared {
        rendered,
        course_texts,
        links,
        no_lms,
        heading,
        mastery_score: assessment.map_or(DEFAULT_MASTERY_SCORE, |a| *a.mastery_score.get_ref()),
        assessed: assessment.is_some(),
        identifier: format!("drillbook-{article}"),
        iri: format!("{}{article}", site.config.base_url.get_ref()),
        locales,
    };
    Ok((Some(prepared), diags))
}

impl Prepared {
    /// The package in `format`: the pages made self-contained, the launch page, the
    /// manifest, zipped (what `shared` holds is copied, not compressed again).
    fn package(&self, format: Format, shared: &zip::Compressed) -> std::io::Result<Package> {
        let name = format.name();
        let targets: BTreeSet<String> = self.rendered.keys().cloned().collect();
        let mut files = Files::new();
        for (path, bytes) in &self.rendered {
            if !path.ends_with(".html") {
                files.insert(path.clone(), bytes.clone());
                continue;
            }
            let locale = path.split('/').next().unwrap_or_default();
            let root = "../".repeat(path.matches('/').count());
            let settings = pages::PageSettings {
                format: name,
                mastery_score: self.mastery_score,
                assessed: self.assessed,
                root: &root,
                no_lms: self.no_lms.get(locale).map_or("", String::as_str),
                launch: &[],
            };
            let html = String::from_utf8_lossy(bytes);
            files.insert(
                path.clone(),
                pages::rewrite_page(&html, path, &targets, &settings).into_bytes(),
            );
        }
        let source = &self.locales[0];
        let launch: Vec<(String, String)> =
            self.links.iter().map(|(l, _, page)| (l.clone(), page.clone())).collect();
        let settings = pages::PageSettings {
            format: name,
            mastery_score: self.mastery_score,
            assessed: self.assessed,
            root: "",
            no_lms: self.no_lms.get(source).map_or("", String::as_str),
            launch: &launch,
        };
        let title = pages::unescape(&self.course_texts[0].1);
        let launch_page =
            pages::render_launch(source, &title, &self.heading, &self.links, &settings);
        files.insert("index.html".into(), launch_page.into_bytes());

        let listed: Vec<&str> = files.keys().map(String::as_str).collect();
        let course = manifest::Course {
            identifier: &self.identifier,
            iri: &self.iri,
            texts: &self.course_texts,
            launch: "index.html",
            mastery_score: self.mastery_score,
            assessed: self.assessed,
            files: &listed,
        };
        let (manifest_name, text) = manifest::render_manifest(format, &course);
        files.insert(manifest_name.to_string(), text.into_bytes());
        // Reading the shared archive takes it mutably: each format reads its own handle.
        let zip = zip::write_zip(
            files.iter().map(|(p, b)| (p.as_str(), b.as_slice())),
            Some(&mut shared.clone()),
        )?;
        Ok(Package { format, files, zip, locales: self.locales.clone() })
    }
}

/// Phase timings on stderr when `DRILLBOOK_TIMINGS` is set (for profiling).
struct Timings(Option<std::time::Instant>);

impl Timings {
    fn new() -> Timings {
        Timings(std::env::var_os("DRILLBOOK_TIMINGS").map(|_| std::time::Instant::now()))
    }

    fn mark(&self, phase: &str) {
        if let Some(start) = self.0 {
            eprintln!(
                "timing: package {phase} done at {:.1} ms",
                start.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}

/// `diags` and a failure to render or zip (both write to memory: not expected).
fn io_failed(mut diags: Vec<Diagnostic>, what: &str, error: std::io::Error) -> Vec<Diagnostic> {
    diags.push(Diagnostic::file(Severity::Error, "io", "", format!("{what} failed: {error}")));
    diags
}

#[cfg(test)]
mod tests;
