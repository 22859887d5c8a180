//! Shared helpers for integration tests: temp copies of fixture projects and running the
//! real binary.

// Each test crate uses a different subset, and `pub` is how the test files reach them.
#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub mod import;
pub mod run;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `src` (recursively) into `dst`.
pub fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let to = dst.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to);
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
}

/// A temp directory holding a copy of the project's own `content/` and `locales/`.
pub fn shipped_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    copy_dir(&repo().join("locales"), &dir.path().join("locales"));
    dir
}

/// A temp copy of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the real `drillbook` binary with `args` in `dir`.
pub fn drillbook(dir: &Path, args: &[&str]) -> Output {
    drillbook_with(dir, args, &[])
}

/// [`drillbook`] with environment variables set.
pub fn drillbook_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_drillbook"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .output()
        .unwrap();
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Replaces `from` by `to` in `dir/path` (asserting `from` is there).
pub fn edit(dir: &Path, path: &str, from: &str, to: &str) {
    let file = dir.join(path);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "`{from}` not in {path}");
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
}

/// Compares `actual` with the golden file `tests/golden/<rel>`; `UPDATE_GOLDEN=1` rewrites it.
/// Returns a description of the difference, if any.
pub fn golden(rel: &str, actual: &[u8]) -> Option<String> {
    let path = repo().join("tests/golden").join(rel);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return None;
    }
    let expected = std::fs::read(&path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    let expected = String::from_utf8_lossy(&expected);
    let actual = String::from_utf8_lossy(actual);
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.lines().count().min(actual.lines().count()));
    Some(format!(
        "{rel} differs from the golden file at line {} (run with UPDATE_GOLDEN=1 and review the diff):\n  golden: {:?}\n  actual: {:?}",
        line + 1,
        expected.lines().nth(line).unwrap_or("<end>"),
        actual.lines().nth(line).unwrap_or("<end>")
    ))
}

/// Every file below `dir`, by `/` path relative to it.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Removes from the translated locales every message `check` reports an error about (the
/// machine translations' defects), so the corpus builds; returns the files as they were.
pub fn drop_broken_translations(root: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let options = drillbook::project::LoadOptions::default();
    let checked = drillbook::project::check(root, &options);
    let source = checked.locales[0].clone();
    let mut broken: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    for finding in checked.findings.iter().filter(|f| f.diag.is_error()) {
        let id = finding.id.clone().expect("a translation's error is about a message");
        assert_ne!(finding.locale, source, "{:?}", finding.diag);
        broken.entry(finding.diag.path.clone()).or_default().insert(id);
    }
    let mut raw = Vec::new();
    for (path, ids) in broken {
        let path = root.join(path);
        let text = std::fs::read_to_string(&path).expect("read");
        let mut kept = String::new();
        let mut dropping = false;
        for line in text.split_inclusive('\n') {
            let starts_entry = !line.starts_with([' ', '\t', '\n', '\r']);
            if starts_entry {
                let id = line.split([' ', '=']).next().unwrap_or_default();
                dropping = ids.contains(id);
            }
            if !dropping {
                kept.push_str(line);
            }
        }
        std::fs::write(&path, kept).expect("write");
        raw.push((path, text));
    }
    raw
}
