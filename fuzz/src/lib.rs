//! What each fuzz target does with one input, and what must hold afterwards (a failed
//! assertion is a crash for libFuzzer). The targets in `fuzz_targets/` call these; the main
//! test suite includes this file too (`tests/fuzz_replay.rs`) and replays the inputs the
//! fuzzers found, so a fixed crash stays fixed. Only `drillbook`, `quick-xml` and `std`
//! (dependencies of both crates): both builds compile it.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use drillbook::import::{Input, Options, Workspace, import_docfx, load_workspace};
use drillbook::l10n::{L10n, load_l10n, parse_ftl};
use drillbook::project::{LoadOptions, check};
use drillbook::search::Mode;

/// The repository (the shipped project is its `content/` and `locales/`): the manifest's
/// directory for the main test suite, its parent for this crate.
fn repo() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    if dir.join("content/site.toml").exists() { dir.to_path_buf() } else { dir.join("..") }
}

/// Panics with every problem, and the file, when `problems` is not empty.
fn assert_loads(what: &str, path: &str, text: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{what} `{path}`, which does not load:\n{}\n--- {path}\n{text}",
        problems.join("\n")
    );
}

static WORKSPACE: LazyLock<Workspace> =
    LazyLock::new(|| load_workspace(&repo()).expect("the shipped project loads"));

/// One DocFX file (any bytes) imported into the shipped project, as `drillbook import
/// docfx` does (the bytes read lossily). The first byte picks the file's name: even, the
/// shipped article's (`remove-a-relationship`: its translations are aligned and replaced);
/// odd, a new article's (it is created). The import must report no `internal` error,
/// importing it again must change nothing, and
/// whatever the import writes must load again: every `.ftl` file without a syntax error,
/// every article's TOML and lock file without an error.
pub fn docfx_import(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else { return };
    let name = if pick % 2 == 0 { "remove-a-relationship" } else { "fuzzed-article" };
    let input = Input {
        path: format!("corpus/{name}.md"),
        source: String::from_utf8_lossy(rest).into_owned(),
    };
    let mut ws = WORKSPACE.clone();
    let report = import_docfx(&mut ws, std::slice::from_ref(&input), &Options::default());
    for diag in &report.diags {
        let _ = diag.render();
        // The import's own defects (a file it would write that does not load, say).
        assert!(diag.code != "internal", "{}", diag.render());
    }
    // docs/import.md: importing twice gives the same files as importing once.
    let once = ws.files.clone();
    import_docfx(&mut ws, &[input], &Options::default());
    for (path, text) in &ws.files {
        let before = once.get(path).map_or("(no file)", String::as_str);
        assert!(
            before == text,
            "a second import changed `{path}`:\n--- once\n{before}\n--- twice\n{text}"
        );
    }
    assert_eq!(ws.files.len(), once.len(), "a second import added files");
    for path in ws.changed() {
        let text = ws.get(path).expect("a changed file is in the workspace");
        let problems: Vec<String> = if path.ends_with(".ftl") {
            parse_ftl(path, text.to_string()).1.iter().map(|d| d.render()).collect()
        } else if let Some(id) =
            path.strip_prefix("content/articles/").and_then(|p| p.strip_suffix(".toml"))
        {
            let (article, diags) = drillbook::content::parse_article(id, path, text);
            let mut problems: Vec<String> =
                diags.iter().filter(|d| d.is_error()).map(|d| d.render()).collect();
            if article.is_none() && problems.is_empty() {
                problems.push("the article did not load".to_string());
            }
            problems
        } else if path.ends_with("/l10n.lock") {
            let (_, diags) = drillbook::l10n::lock::parse_lock(path, text);
            diags.iter().map(|d| d.render()).collect()
        } else {
            Vec::new()
        };
        assert_loads("the import wrote", path, text, problems);
    }
}

static LOCALES: LazyLock<L10n> = LazyLock::new(|| {
    let (l10n, diags) = load_l10n(&repo(), &["en-US".to_string(), "de-DE".to_string()]);
    assert!(diags.iter().all(|d| !d.is_error()), "the shipped locales load");
    l10n
});

/// An XLIFF document (any bytes) imported into the shipped project's de-DE, as `drillbook
/// l10n import` does. Every `.ftl` file the import would write must parse without a
/// syntax error.
pub fn xliff_import(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let units = match drillbook::xliff::read_xliff("fuzzed.xlf", text) {
        Ok((units, _)) => units,
        Err(diag) => {
            let _ = diag.render();
            return;
        }
    };
    let (source, target) = (&LOCALES.locales[0], &LOCALES.locales[1]);
    let outcome = drillbook::xliff::apply::apply("fuzzed.xlf", text, &units, source, target);
    for diag in &outcome.diags {
        let _ = diag.render();
    }
    for (scope, new) in &outcome.files {
        let path = format!("locales/de-DE/{scope}.ftl");
        let problems = parse_ftl(&path, new.clone()).1.iter().map(|d| d.render()).collect();
        assert_loads("the import would write", &path, new, problems);
    }
}

/// A copy of the shipped project (one per process, in the temporary directory) and the
/// site built from it.
struct Project {
    root: PathBuf,
    out: PathBuf,
}

const LOCALES_BUILT: [&str; 3] = ["de-DE", "zh-CN", "ru-RU"];

/// The files an input can stand for: a translated locale's (`{locale}`), then the content's.
const FILES: [&str; 8] = [
    "locales/{locale}/remove-a-relationship.ftl",
    "locales/{locale}/ui.ftl",
    "locales/{locale}/sim.ftl",
    "locales/{locale}/l10n.lock",
    "content/articles/remove-a-relationship.toml",
    "content/scenarios/software-purchase.toml",
    "content/glossary.toml",
    "content/site.toml",
];

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

static PROJECT: LazyLock<Project> = LazyLock::new(|| {
    let root = project_root();
    let _ = std::fs::remove_dir_all(&root);
    for dir in ["content", "locales"] {
        copy_dir(&repo().join(dir), &root.join(dir));
    }
    let out = root.join("site");
    let locales: Vec<String> = LOCALES_BUILT.iter().map(|l| l.to_string()).collect();
    let (built, diags) = drillbook::build::build_site(&root, &out, &locales, false, Mode::Off)
        .expect("the shipped project builds");
    assert!(built.is_some(), "the shipped project builds: {diags:?}");
    Project { root, out }
});

/// Where this process's copy of the project goes.
fn project_root() -> PathBuf {
    std::env::temp_dir().join(format!("drillbook-fuzz-{}", std::process::id()))
}

/// Removes this process's copy of the project ([`project_build`]), if it made one.
pub fn remove_project() {
    let _ = std::fs::remove_dir_all(project_root());
}

/// Every file below `dir` with its bytes, sorted.
fn tree(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            tree(&path, out);
        } else {
            let bytes = std::fs::read(&path).unwrap();
            out.push((path, bytes));
        }
    }
}

/// An input applied to the project's copy: the file its first byte picks (see
/// [`project_build`]) holding the rest of it, and `check` of that file's locale, every
/// diagnostic rendered.
struct Edited {
    locale: &'static str,
    file: String,
    path: PathBuf,
    pristine: Vec<u8>,
    checked: drillbook::project::Checked,
    /// Whether `check` found an error.
    refused: bool,
}

fn edit_and_check(project: &Project, pick: u8, text: &[u8]) -> Edited {
    let low = usize::from(pick & 0x7f);
    let locale = LOCALES_BUILT[low % 3];
    let file = FILES[low / 3 % FILES.len()].replace("{locale}", locale);
    let path = project.root.join(&file);
    let pristine = std::fs::read(&path).unwrap();
    std::fs::write(&path, text).unwrap();
    let options = LoadOptions { locales: vec![locale.to_string()], defer_articles: false };
    let checked = check(&project.root, &options);
    for finding in &checked.findings {
        let _ = finding.diag.render();
    }
    let refused = checked.findings.iter().any(|f| f.diag.is_error());
    Edited { locale, file, path, pristine, checked, refused }
}

impl Edited {
    /// The picked file as it was.
    fn restore(&self) {
        std::fs::write(&self.path, &self.pristine).unwrap();
    }
}

/// One file of a copy of the shipped project (any bytes) through `check` and `build`
/// in-process, as an edited file reaches them. The first byte's high bit says whether the
/// search index is built; its other bits pick the locale built (de-DE, zh-CN, ru-RU: `% 3`)
/// and the file (`/ 3 % 8`: that locale's article, UI or simulator file or its lock file,
/// the article's TOML, a scenario, the glossary, the site's configuration). `check` must
/// find an error exactly when the build refuses to publish, a refused build must leave the
/// previous site as it was, and every diagnostic must render.
pub fn project_build(data: &[u8]) {
    let Some((&pick, text)) = data.split_first() else { return };
    let project = &*PROJECT;
    let search = if pick & 0x80 != 0 { Mode::On } else { Mode::Off };
    let edited = edit_and_check(project, pick, text);
    let (locale, refused) = (edited.locale, edited.refused);
    let mut before = Vec::new();
    tree(&project.out, &mut before);
    let locales = [locale.to_string()];
    let result = drillbook::build::build_site(&project.root, &project.out, &locales, false, search);
    edited.restore();
    let (built, diags) = result.expect("the build does not fail on disk");
    for diag in &diags {
        let _ = diag.render();
    }
    assert_eq!(
        built.is_none(),
        refused,
        "check {} but the build {}",
        if refused { "found errors" } else { "found none" },
        if built.is_none() { "refused" } else { "published" }
    );
    if built.is_none() {
        let mut after = Vec::new();
        tree(&project.out, &mut after);
        assert!(before == after, "a refused build changed the previous site");
    }
}

/// One file of a copy of the shipped project (any bytes) through `check` and `drillbook
/// package` in-process: the shipped article packaged as SCORM 1.2, SCORM 2004 and cmi5 in
/// one locale. The first byte picks the locale and the file as for [`project_build`] (`% 3`
/// and `/ 3 % 8` of its low seven bits; the high bit, which says there whether the search
/// index is built, is ignored: a package has no search index), so that target's inputs
/// serve this one too. `check` must find an error exactly when packaging refuses (`None`,
/// or `Err` for a request the project no longer meets, such as an article that no longer
/// loads); every diagnostic must render; every package must read back as the files it
/// says it holds, under relative names, with its manifest; the manifest and every other
/// `.xml` file must be well-formed XML 1.0 (parsed to the end, and every character an XML
/// `Char`, which an LMS's parser holds to); and packaging again must give the same bytes.
pub fn package_build(data: &[u8]) {
    use drillbook::package::{Format, build_formats};
    let Some((&pick, text)) = data.split_first() else { return };
    let project = &*PROJECT;
    let edited = edit_and_check(project, pick, text);
    let (locale, file, refused) = (edited.locale, edited.file.as_str(), edited.refused);
    let checked = &edited.checked;
    let locales = [locale.to_string()];
    let article = "remove-a-relationship";
    let first = build_formats(&project.root, article, &Format::ALL, &locales);
    let again = match &first {
        Ok((Some(_), _)) => Some(build_formats(&project.root, article, &Format::ALL, &locales)),
        _ => None,
    };
    edited.restore();

    let (packages, diags) = match first {
        Ok(built) => built,
        Err(error) => {
            assert!(refused, "check found no error in `{file}` but packaging failed: {error:#}");
            return;
        }
    };
    for diag in &diags {
        let _ = diag.render();
    }
    if packages.is_none() != refused {
        // The errors of whichever side found some.
        let errors: Vec<String> = match refused {
            true => checked
                .findings
                .iter()
                .map(|f| &f.diag)
                .filter(|d| d.is_error())
                .map(|d| d.render())
                .collect(),
            false => diags.iter().filter(|d| d.is_error()).map(|d| d.render()).collect(),
        };
        panic!(
            "check {} in `{file}` ({locale}) but packaging {}:\n{}",
            if refused { "found errors" } else { "found none" },
            if packages.is_none() { "refused" } else { "built packages" },
            errors.join("\n")
        );
    }
    let Some(packages) = packages else { return };
    assert_eq!(packages.len(), Format::ALL.len(), "one package per format asked for");
    for (package, format) in packages.iter().zip(Format::ALL) {
        assert_eq!(package.format, format, "the packages come in the order asked for");
        assert_package(package);
    }
    let again = match again {
        Some(Ok((Some(again), _))) => again,
        Some(Ok((None, diags))) => {
            let diags: Vec<String> = diags.iter().map(|d| d.render()).collect();
            panic!("packaging the same project again refused:\n{}", diags.join("\n"))
        }
        Some(Err(error)) => panic!("packaging the same project again failed: {error:#}"),
        None => unreachable!("packaged twice when the first built packages"),
    };
    assert_eq!(again.len(), packages.len(), "packaging again gave other formats");
    for (a, b) in packages.iter().zip(&again) {
        assert!(
            a.zip == b.zip,
            "packaging the same project twice gave different {} zips",
            a.format.name()
        );
    }
}

/// What must hold of one built package (see [`package_build`]).
fn assert_package(package: &drillbook::package::Package) {
    let name = package.format.name();
    let entries = drillbook::package::read_zip(&package.zip)
        .unwrap_or_else(|| panic!("the {name} zip does not read back"));
    let names: Vec<&str> = entries.iter().map(|(path, _)| path.as_str()).collect();
    let listed: Vec<&str> = package.files.keys().map(String::as_str).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert!(
        sorted == listed,
        "the {name} zip holds other entries than its files:\n--- zip\n{}\n--- files\n{}",
        names.join("\n"),
        listed.join("\n")
    );
    for (path, bytes) in &entries {
        assert!(
            package.files.get(path) == Some(bytes),
            "the {name} zip's `{path}` is not the bytes of the package's file"
        );
        assert!(
            !path.starts_with('/')
                && !path.contains('\\')
                && path.split('/').all(|part| !matches!(part, "" | "." | "..")),
            "the {name} zip has an entry name that is not a plain relative path: {path:?}"
        );
    }
    let manifest = package.format.manifest();
    assert!(package.files.contains_key(manifest), "the {name} package has no `{manifest}`");
    for (path, bytes) in &package.files {
        if path == manifest || path.ends_with(".xml") {
            assert_well_formed_xml(name, path, bytes);
        }
    }
}

/// XML 1.0's `Char` production: what a document may hold, literally or as a reference.
fn is_xml_char(c: char) -> bool {
    matches!(u32::from(c), 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..)
}

/// Panics, with the file, unless `bytes` is a well-formed XML 1.0 document: UTF-8 of XML
/// `Char`s only (quick-xml does not check that), parsed to the end by quick-xml with end
/// names checked, every text and attribute value decoded, every reference a predefined
/// entity or a reference to a `Char`, one root element, every element closed.
fn assert_well_formed_xml(format: &str, path: &str, bytes: &[u8]) {
    use quick_xml::events::Event;
    let text = std::str::from_utf8(bytes)
        .unwrap_or_else(|e| panic!("the {format} package's `{path}` is not UTF-8: {e}"));
    let fail = |at: u64, what: String| -> ! {
        panic!(
            "the {format} package's `{path}` is not well-formed XML at byte {at}: {what}\n--- {path}\n{text}"
        )
    };
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| !is_xml_char(c)) {
        fail(at as u64, format!("U+{:04X} is not an XML 1.0 character", u32::from(c)));
    }
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let (mut depth, mut roots) = (0usize, 0usize);
    loop {
        let at = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => fail(reader.error_position(), e.to_string()),
        };
        let opens = matches!(event, Event::Start(_));
        match event {
            Event::Eof => break,
            Event::Start(start) | Event::Empty(start) => {
                for attribute in start.attributes() {
                    let attribute = attribute.unwrap_or_else(|e| fail(at, e.to_string()));
                    let value =
                        attribute.unescape_value().unwrap_or_else(|e| fail(at, e.to_string()));
                    if let Some(c) = value.chars().find(|&c| !is_xml_char(c)) {
                        let c = u32::from(c);
                        fail(
                            at,
                            format!("an attribute value refers to U+{c:04X}, not an XML character"),
                        );
                    }
                }
                if depth == 0 {
                    roots += 1;
                }
                if opens {
                    depth += 1;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(content) => {
                let content = content.decode().unwrap_or_else(|e| fail(at, e.to_string()));
                if depth == 0 && !content.trim_matches(['\t', '\n', '\r', ' ']).is_empty() {
                    fail(at, format!("text outside the root element: {content:?}"));
                }
            }
            Event::GeneralRef(reference) => {
                match reference.resolve_char_ref().unwrap_or_else(|e| fail(at, e.to_string())) {
                    Some(c) if !is_xml_char(c) => {
                        let c = u32::from(c);
                        fail(at, format!("a reference to U+{c:04X}, not an XML character"));
                    }
                    Some(_) => {}
                    None => {
                        let name = reference.decode().unwrap_or_else(|e| fail(at, e.to_string()));
                        if !matches!(&*name, "lt" | "gt" | "amp" | "apos" | "quot") {
                            fail(at, format!("`&{name};` is not a predefined entity"));
                        }
                    }
                }
                if depth == 0 {
                    fail(at, "a reference outside the root element".to_string());
                }
            }
            Event::CData(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::DocType(_) => {}
        }
    }
    assert!(
        depth == 0 && roots == 1,
        "the {format} package's `{path}` is not well-formed XML: {roots} root elements, {depth} left open\n--- {path}\n{text}"
    );
}
