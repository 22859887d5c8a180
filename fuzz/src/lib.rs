//! What each fuzz target does with one input, and what must hold afterwards (a failed
//! assertion is a crash for libFuzzer). The targets in `fuzz_targets/` call these; the main
//! test suite includes this file too (`tests/fuzz_replay.rs`) and replays the inputs the
//! fuzzers found, so a fixed crash stays fixed. Only `drillbook` and `std`: both builds
//! compile it.

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
    let (search, low) = (pick & 0x80 != 0, usize::from(pick & 0x7f));
    let search = if search { Mode::On } else { Mode::Off };
    let locale = LOCALES_BUILT[low % 3];
    let file = FILES[low / 3 % FILES.len()].replace("{locale}", locale);
    let path = project.root.join(file);
    let pristine = std::fs::read(&path).unwrap();
    std::fs::write(&path, text).unwrap();

    let options = LoadOptions { locales: vec![locale.to_string()], defer_articles: false };
    let checked = check(&project.root, &options);
    for finding in &checked.findings {
        let _ = finding.diag.render();
    }
    let refused = checked.findings.iter().any(|f| f.diag.is_error());
    let mut before = Vec::new();
    tree(&project.out, &mut before);
    let locales = [locale.to_string()];
    let result = drillbook::build::build_site(&project.root, &project.out, &locales, false, search);
    std::fs::write(&path, pristine).unwrap();
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
