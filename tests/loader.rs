//! One loader, one verdict: `check` reports every error that stops `build`, with the same
//! codes at the same positions and one severity per code (issue 29).
//!
//! - Every checker fixture (`tests/fixtures/check/*.txt`), laid over the small project
//!   `tests/fixtures/mini`: `check --strict` and `build --strict` (the real binary) agree.
//! - Mutated copies of `tests/fixtures/mini` (proptest, through the library for speed):
//!   `check --strict` passes exactly when `build --strict` succeeds, with the same
//!   `(code, path, line, col)` set.
//! - The issue's reproductions.

mod support;

#[path = "support/fixture.rs"]
mod fixture;

use std::collections::BTreeSet;
use std::path::Path;

use drillbook::diag::Diagnostic;
use drillbook::project::{self, LoadOptions};
use proptest::prelude::*;
use support::{copy_dir, drillbook, edit, repo, shipped_project};

/// `(code, path, line, col)` of a diagnostic.
type Key = (String, String, usize, usize);

/// The keys of the diagnostics' headlines in a command's output
/// (`path:line:col: severity[code]: message`).
fn keys_of(output: &str) -> BTreeSet<Key> {
    output
        .lines()
        .filter(|line| !line.starts_with(' '))
        // A source line under a headline (`12 | text`).
        .filter(|line| line.split_once(" |").is_none_or(|(n, _)| n.parse::<usize>().is_err()))
        .filter_map(|line| {
            let (head, _) = line.split_once("]: ")?;
            let (place, code) = head.rsplit_once('[')?;
            let place = place
                .strip_suffix(": error")
                .or_else(|| place.strip_suffix(": warning"))
                .or_else(|| place.strip_prefix("error").map(|_| ""))?;
            let mut parts = place.rsplitn(3, ':');
            let (col, line, path) = (parts.next()?, parts.next(), parts.next());
            Some(match (line, path, col.parse::<usize>()) {
                (Some(line), Some(path), Ok(col)) => {
                    (code.to_string(), path.to_string(), line.parse().unwrap_or(0), col)
                }
                _ => (code.to_string(), place.to_string(), 0, 0),
            })
        })
        .collect()
}

fn keys(diags: &[Diagnostic]) -> BTreeSet<Key> {
    diags
        .iter()
        .map(|d| {
            let (line, col) = d.pos.as_ref().map_or((0, 0), |p| (p.line, p.col));
            (d.code.to_string(), d.path.clone(), line, col)
        })
        .collect()
}

/// A copy of `tests/fixtures/mini` with `files` written over it; the locales they name are
/// added to `site.toml` (unless they bring their own).
fn mini_with(files: &[(String, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures/mini"), dir.path());
    let mut locales = vec!["en-US".to_string(), "de-DE".to_string()];
    for (path, _) in files {
        if let ["locales", locale, _] = path.split('/').collect::<Vec<_>>().as_slice() {
            if !locales.iter().any(|l| l == locale) {
                locales.push(locale.to_string());
            }
        }
    }
    let config = dir.path().join("content/site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let list: Vec<String> = locales.iter().map(|l| format!("\"{l}\"")).collect();
    let text = text
        .replace("locales = [\"en-US\", \"de-DE\"]", &format!("locales = [{}]", list.join(", ")));
    assert!(text.contains(&list.join(", ")), "mini's site.toml lists its locales");
    std::fs::write(&config, text).unwrap();
    fixture::write_fixture(dir.path(), files);
    dir
}

/// `check --strict` and `build --strict` of the real binary on `dir`: exit codes and the
/// keys of what each reported.
fn both(dir: &Path, extra: &[&str]) -> ((i32, BTreeSet<Key>), (i32, BTreeSet<Key>)) {
    let mut args = vec!["check", "--strict"];
    args.extend(extra);
    let check = drillbook(dir, &args);
    let out = dir.join("out");
    let out = out.to_str().unwrap();
    let mut args = vec!["build", "--strict", "--no-search", "--out", out];
    args.extend(extra);
    let build = drillbook(dir, &args);
    ((check.code, keys_of(&check.stdout)), (build.code, keys_of(&build.stderr)))
}

#[test]
fn every_checker_fixture_fails_check_and_build_alike() {
    let dir = repo().join("tests/fixtures/check");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            e.ok()?.file_name().into_string().ok()?.strip_suffix(".txt").map(String::from)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 20, "the fixtures are there: {names:?}");
    let mut failing = 0;
    for name in &names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
        let project = mini_with(&fixture::parse_fixture(&text));
        let ((check_code, check_keys), (build_code, build_keys)) = both(project.path(), &[]);
        assert!(check_code == 0 || check_code == 1, "{name}: check exited {check_code}");
        assert_eq!(check_code, build_code, "{name}: check and build disagree");
        assert_eq!(check_keys, build_keys, "{name}: check and build report different problems");
        let expected = std::fs::read_to_string(dir.join(format!("{name}.expected"))).unwrap();
        if expected.contains(": error[") {
            assert_eq!(check_code, 1, "{name}: its errors must fail the project");
        }
        failing += usize::from(check_code == 1);
    }
    assert!(failing >= names.len() / 2, "most fixtures are invalid ({failing} of {})", names.len());
}

/// The files of the shipped project a mutation may touch.
const MUTABLE: [&str; 14] = [
    "content/articles/remove-a-relationship.toml",
    "content/site.toml",
    "content/scenarios/several-customers.toml",
    "locales/en-US/sim.ftl",
    "locales/de-DE/sim.ftl",
    "locales/en-US/checklist.ftl",
    "locales/ru-RU/checklist.ftl",
    "locales/en-US/remove-a-relationship.ftl",
    "locales/de-DE/remove-a-relationship.ftl",
    "locales/zh-CN/remove-a-relationship.ftl",
    "locales/en-US/site.ftl",
    "locales/nl-NL/site.ftl",
    "locales/en-US/ui.ftl",
    "locales/de-DE/ui.ftl",
];

/// What a mutation does to one line of a file.
#[derive(Debug, Clone)]
enum Mutation {
    /// Deletes the line.
    Delete,
    /// Writes the line twice.
    Duplicate,
    /// Replaces the first term reference with a spelled-out, bold label.
    SpellOutTerm,
    /// Appends `suffix` to the line's first word (a message id, a TOML key).
    Rename,
    /// Appends text to the line (Markdown, HTML, a placeable).
    Append(&'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Delete),
        Just(Mutation::Duplicate),
        Just(Mutation::SpellOutTerm),
        Just(Mutation::Rename),
        prop::sample::select(vec![
            " **x**",
            " { $n }",
            " <b>x</b>",
            " { -ui-nope }",
            " {",
            "\"",
            " { -ui-customers }",
            "-x",
        ])
        .prop_map(Mutation::Append),
    ]
}

fn mutate(text: &str, line: usize, mutation: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    if lines.is_empty() {
        return text.to_string();
    }
    let i = line % lines.len();
    match mutation {
        Mutation::Delete => {
            lines.remove(i);
        }
        Mutation::Duplicate => lines.insert(i, lines[i].clone()),
        Mutation::SpellOutTerm => {
            if let Some(at) = text.find("{ -") {
                let end = text[at..].find('}').map_or(text.len(), |e| at + e + 1);
                return format!("{}**Label**{}", &text[..at], &text[end..]);
            }
        }
        Mutation::Rename => {
            let end = lines[i].find([' ', '=']).unwrap_or(lines[i].len());
            lines[i].insert(end, 'x');
        }
        Mutation::Append(tail) => lines[i].push_str(tail),
    }
    lines.join("\n") + "\n"
}

/// `check --strict` and `build --strict` through the library: whether each passes, and the
/// keys of what each reported.
fn check_and_build(root: &Path) -> ((bool, BTreeSet<Key>), (bool, BTreeSet<Key>)) {
    let checked = project::check(root, &LoadOptions::default());
    let reported = project::report(checked.findings.into_iter().map(|f| f.diag), true);
    let check_passes = !reported.iter().any(Diagnostic::is_error);
    let out = root.join("out");
    let (built, diags) =
        drillbook::build::build_site(root, &out, &[], true, drillbook::search::Mode::Off)
            .expect("the build can write its output");
    ((check_passes, keys(&reported)), (built.is_some(), keys(&diags)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// The shipped project is small (one article, six locales, the simulator's bindings)
    /// and passes `check --strict`: a mutation either keeps it passing or breaks both.
    #[test]
    fn check_passes_exactly_when_the_build_succeeds(
        file in 0..MUTABLE.len(),
        line in 0usize..160,
        mutation in mutation(),
    ) {
        let dir = shipped_project();
        let path = dir.path().join(MUTABLE[file]);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, mutate(&text, line, &mutation)).unwrap();
        let ((check_passes, check_keys), (build_passes, build_keys)) =
            check_and_build(dir.path());
        prop_assert_eq!(check_passes, build_passes, "check and build disagree");
        prop_assert_eq!(check_keys, build_keys);
    }
}

#[test]
fn the_unmutated_shipped_project_passes_check_and_build_alike() {
    let dir = shipped_project();
    let ((check_passes, check_keys), (build_passes, build_keys)) = check_and_build(dir.path());
    assert_eq!((check_passes, build_passes), (true, true), "{check_keys:?}");
    assert_eq!(check_keys, build_keys);
}

#[test]
fn issue_29_an_unknown_condition_fails_check_as_it_fails_build() {
    let dir = shipped_project();
    edit(
        dir.path(),
        "content/articles/remove-a-relationship.toml",
        "done-when = \"no-active-subscriptions\"",
        "done-when = \"no-such-condition\"",
    );
    let check = drillbook(dir.path(), &["check"]);
    assert_eq!(check.code, 1, "{}", check.stdout);
    assert!(check.stdout.contains("error[unknown-condition]"), "{}", check.stdout);
    let ((check_code, check_keys), (build_code, build_keys)) = both(dir.path(), &[]);
    assert_eq!((check_code, build_code), (1, 1));
    assert_eq!(check_keys, build_keys);
    assert!(check_keys.iter().any(|(code, path, line, _)| code == "unknown-condition"
        && path == "content/articles/remove-a-relationship.toml"
        && *line > 0));
}

#[test]
fn issue_29_a_spelled_out_label_fails_build_and_a_lagging_translation_does_not() {
    // A German message that spells a UI label out instead of referencing its term.
    let dir = shipped_project();
    let file = "locales/de-DE/remove-a-relationship.ftl";
    let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
    let term = "{ -ui-customers }";
    assert!(text.contains(term), "the German article references `{term}`");
    edit(dir.path(), file, term, "**Kunden**");
    let build = drillbook(dir.path(), &["build", "--no-search", "--out", "out"]);
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(build.stderr.contains("error[term-mismatch]"), "{}", build.stderr);
    assert!(!dir.path().join("out").exists(), "nothing shipped");
    let ((check_code, check_keys), (build_code, build_keys)) = both(dir.path(), &[]);
    assert_eq!((check_code, build_code), (1, 1));
    assert_eq!(check_keys, build_keys);

    // An article not yet translated: a warning in both, an error in both with `--strict`.
    let dir = shipped_project();
    std::fs::remove_file(dir.path().join(file)).unwrap();
    let check = drillbook(dir.path(), &["check"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert!(check.stdout.contains(&format!("{file}: warning[missing-file]")), "{}", check.stdout);
    let build = drillbook(dir.path(), &["build", "--no-search", "--out", "out"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(build.stderr.contains(&format!("{file}: warning[missing-file]")), "{}", build.stderr);
    let ((check_code, check_keys), (build_code, build_keys)) = both(dir.path(), &[]);
    assert_eq!((check_code, build_code), (1, 1));
    assert_eq!(check_keys, build_keys);
}

#[test]
fn issue_29_a_build_of_one_locale_loads_only_that_locale_and_the_source() {
    let dir = shipped_project();
    std::fs::write(dir.path().join("locales/de-DE/site.ftl"), "broken = {\n").unwrap();
    let build =
        drillbook(dir.path(), &["build", "--locale", "en-US", "--no-search", "--out", "out"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let check = drillbook(dir.path(), &["check", "--locale", "en-US"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    // The whole project still fails on the German file, in both.
    let ((check_code, check_keys), (build_code, build_keys)) = both(dir.path(), &[]);
    assert_eq!((check_code, build_code), (1, 1));
    assert_eq!(check_keys, build_keys);
    assert!(
        check_keys
            .iter()
            .any(|(code, path, ..)| code == "ftl-syntax" && path == "locales/de-DE/site.ftl")
    );
}

/// A variable no page passes shows as `{$x}` on the page: `check` and `build` both fail on it,
/// at the message, even when a warning stands elsewhere in the same file.
#[test]
fn issue_34_a_format_error_is_positioned_and_fails_check_and_build() {
    let project = support::shipped_project();
    let root = project.path();
    support::edit(root, "locales/en-US/remove-a-relationship.ftl", "intro = ", "intro = { $x } ");
    let expected = "locales/en-US/remove-a-relationship.ftl:14:1: error[format-error]: formatting `intro` failed";
    let check = support::drillbook(root, &["check", "--locale", "en-US"]);
    assert_eq!(check.code, 1, "{}", check.stdout);
    assert!(check.stdout.contains(expected), "{}", check.stdout);
    let build = support::drillbook(root, &["build", "--locale", "en-US", "--no-search"]);
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(build.stderr.contains(expected), "{}", build.stderr);
}
