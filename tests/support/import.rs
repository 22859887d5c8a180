//! Helpers for the import tests: the shared corpus, imports into temp projects, bounded runs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use drillbook::import::{
    Input, Options, Report, Workspace, import_docfx, load_workspace, write_workspace,
};
use drillbook::l10n::lock::{fingerprint, parse_lock};

use super::repo;

pub fn corpus() -> PathBuf {
    repo().join("../shared/corpus")
}

/// The `*.md` files under `dir` (recursively, sorted), as inputs with corpus-relative paths.
pub fn inputs(dir: &Path) -> Vec<Input> {
    let mut files = Vec::new();
    walk(dir, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(corpus()).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            Input { path: rel, source: std::fs::read_to_string(&p).expect("read") }
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// Imports into the project at `root` and writes the result.
pub fn import_into(root: &Path, inputs: &[Input]) -> (Workspace, Report) {
    let mut ws = load_workspace(root).expect("load");
    let report = import_docfx(&mut ws, inputs, &Options::default());
    write_workspace(root, &ws).expect("write");
    (ws, report)
}

/// en-US fingerprints of one article's messages.
pub fn en_fingerprints(root: &Path, article: &str) -> BTreeMap<String, String> {
    let src = std::fs::read_to_string(root.join(format!("locales/en-US/{article}.ftl")))
        .expect("en-US ftl");
    let resource = fluent_syntax::parser::parse(src.as_str()).expect("en-US parses");
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some((m.id.name.to_string(), fingerprint(m))),
            _ => None,
        })
        .collect()
}

/// Message ids of `article` whose lock fingerprint in `locale` differs from en-US: what
/// `check` reports as stale.
pub fn stale_ids(root: &Path, locale: &str, article: &str) -> Vec<String> {
    let en = en_fingerprints(root, article);
    let lock_src = std::fs::read_to_string(root.join(format!("locales/{locale}/l10n.lock")))
        .unwrap_or_default();
    let (lock, diags) = parse_lock("l10n.lock", &lock_src);
    assert!(diags.is_empty(), "{diags:?}");
    let prefix = format!("{article}/");
    lock.iter()
        .filter_map(|(key, fp)| key.strip_prefix(&prefix).map(|id| (id, fp)))
        .filter(|(id, fp)| en.get(*id) != Some(*fp))
        .map(|(id, _)| id.to_string())
        .collect()
}

/// Compares `actual` with `tests/golden/import/<name>`; `UPDATE_GOLDEN=1` rewrites it.
pub fn golden(name: &str, actual: &str) {
    let path = repo().join("tests/golden/import").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("missing golden file {} (run with UPDATE_GOLDEN=1)", path.display())
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the import (first difference at line {}):\n--- expected\n{}\n--- actual\n{}\n(run with UPDATE_GOLDEN=1 to accept)",
            path.display(),
            first + 1,
            expected.lines().nth(first).unwrap_or("<end>"),
            actual.lines().nth(first).unwrap_or("<end>")
        );
    }
}

/// The per-file report and the diagnostics' headlines, as text.
pub fn render(report: &Report) -> String {
    let mut out = drillbook::cmd::import::render_report(report);
    for diag in &report.diags {
        out.push_str(&diag.headline());
        out.push('\n');
    }
    out
}

/// Loads the project like `build` does and returns every problem, plus message ids the
/// content references that en-US does not define.
pub fn load_problems(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let (site, diags) = drillbook::content::load_site(root);
    problems.extend(diags.iter().map(|d| d.headline()));
    let Some(site) = site else {
        problems.push("site did not load".into());
        return problems;
    };
    let locales: Vec<String> = site.config.locales.iter().map(|l| l.get_ref().clone()).collect();
    let (l10n, diags) = drillbook::l10n::load_l10n(root, &locales);
    problems.extend(diags.iter().map(|d| d.headline()));
    for article in &site.articles {
        let ids: Vec<String> = article
            .message_refs()
            .iter()
            .map(|m| m.get_ref().clone())
            .filter(|id| !id.is_empty())
            .collect();
        let translator = l10n.translator("en-US", &article.id);
        for id in &ids {
            if !translator.has_source_message(id) {
                problems.push(format!("{}: message `{id}` is not defined in en-US", article.id));
            }
        }
        for locale in &locales {
            let t = l10n.translator(locale, &article.id);
            for id in &ids {
                let (_, found) = t.message(id, None);
                for problem in found {
                    if !matches!(problem, drillbook::l10n::Problem::Fallback { .. }) {
                        problems.push(format!("{locale}: {problem:?}"));
                    }
                }
            }
        }
    }
    problems
}

/// A DocFX side-by-side group: `translation` with `english` as its `sxs-lookup` English.
pub fn sxs(id: &str, translation: &str, english: &str) -> String {
    format!(
        "<span data-ttu-id=\"{id}\">{translation}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{english}</span></span>"
    )
}

/// A de-DE side-by-side DocFX file: front matter, an H1, then `body`.
pub fn docfx_file(body: &str) -> String {
    format!(
        "---\ntitle: T\nms.contentlocale: de-DE\nms.openlocfilehash: abc\nms.lasthandoff: 03/23/2021\n---\n# {}\n\n{body}\n",
        sxs("h-1", "Titel", "Title")
    )
}

/// What a run of the binary did.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary with `args` in `dir` with an address-space limit (`ulimit -v`, KiB) and a
/// deadline; fails the test when the deadline passes.
pub fn run_bounded(dir: &Path, args: &[&str], limit_kib: u64, timeout: std::time::Duration) -> Run {
    let mut command = std::process::Command::new("sh");
    command
        .arg("-c")
        .arg(format!("ulimit -v {limit_kib} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_drillbook"))
        .args(args)
        .current_dir(dir);
    let run = super::run::run(command, timeout);
    assert!(!run.timed_out, "`drillbook {}` did not finish within {timeout:?}", args.join(" "));
    Run { code: run.code, stdout: run.stdout, stderr: run.stderr }
}

/// Every file under `root`'s `content/` and `locales/`, by relative path.
pub fn project_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["content", "locales"] {
        let mut stack = vec![root.join(sub)];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path.strip_prefix(root).expect("inside").to_string_lossy();
                    out.insert(rel.replace('\\', "/"), std::fs::read(&path).expect("read"));
                }
            }
        }
    }
    out
}

/// Whether `path` is one of the temporary files staged writes use.
pub fn is_staging_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.starts_with('.') && name.contains(".drillbook-") && name.ends_with(".tmp")
}

/// Staging files under `root`'s `content/` and `locales/` (names only; cheap to poll).
pub fn staging_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.join("content"), root.join("locales")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if is_staging_file(&path.to_string_lossy()) {
                out.push(path);
            }
        }
    }
    out
}
