//! Mutation fuzzing of every input kind: site, article, scenario and glossary TOML, every
//! `.ftl` file and the `l10n.lock` files of the shipped project, and DocFX files through
//! `import`. Each case mutates one file (byte flips, truncation mid-character, hostile
//! snippets: deep nesting, long Markdown runs, invalid UTF-8, controls…) and runs `check`
//! and `build`; neither may crash, hang or use unbounded memory, both must agree on the
//! errors, and a failed build leaves the previous site exactly as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support;
use crate::support::run::{self, Run};

/// A small, seedable generator (SplitMix64): the same seed gives the same cases.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Inserted at random places: each is an input that once crashed, hung, blew up memory or
/// slipped through a check somewhere in drillbook or its dependencies.
fn hostile_snippets() -> Vec<Vec<u8>> {
    vec![
        "{ ".repeat(3000).into_bytes(),
        "{ $x ->\n[a] ".repeat(300).into_bytes(),
        "{ NUMBER(".repeat(500).into_bytes(),
        "*".repeat(80_000).into_bytes(),
        format!("{}a{}", "*".repeat(20_000), "*".repeat(20_000)).into_bytes(),
        "_`~".repeat(10_000).into_bytes(),
        "[".repeat(20_000).into_bytes(),
        "> ".repeat(10_000).into_bytes(),
        "- ".repeat(5_000).into_bytes(),
        vec![0xFF],
        vec![0xE4, 0xB8],
        vec![0],
        "\u{202E}".into(),
        "\u{200B}\u{2066}\u{FEFF}".into(),
        "<script>alert(1)</script>".into(),
        "[x](javascript:alert(1))".into(),
        "{ $count }".into(),
        "{ -no-such-term }".into(),
        "{ no-such-message }".into(),
        "\n[[body]]\n".into(),
        "\"\"\"".into(),
        "\n= \n".into(),
        "\n".into(),
        "a".repeat(200_000).into_bytes(),
        "[a.b.c.d.e.f]\n".repeat(50).into_bytes(),
        "x = ".to_string().into_bytes(),
        format!("{}1{}", "[".repeat(1000), "]".repeat(1000)).into_bytes(),
        // A short Unicode escape before a wide character (the Fluent parser panicked on it).
        "{ \"\\u12\u{e9}\" }".into(),
    ]
}

/// Applies one random mutation to `bytes`.
pub(crate) fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, snippets: &[Vec<u8>]) {
    let at = |rng: &mut Rng, len: usize| rng.below(len + 1);
    match rng.below(8) {
        0 if !bytes.is_empty() => {
            let i = rng.below(bytes.len());
            bytes[i] ^= 1 << rng.below(8);
        }
        1 => {
            let i = at(rng, bytes.len());
            bytes.truncate(i);
        }
        2 if !bytes.is_empty() => {
            let i = rng.below(bytes.len());
            let n = rng.below(64).min(bytes.len() - i);
            bytes[i..i + n].fill(0);
        }
        3 => {
            // A line deleted.
            let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
            let drop = rng.below(lines.len());
            let kept: Vec<&[u8]> =
                lines.iter().enumerate().filter(|(i, _)| *i != drop).map(|(_, l)| *l).collect();
            *bytes = kept.join(&b'\n');
        }
        4 => {
            // A line duplicated.
            let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
            let copy = rng.below(lines.len());
            let mut out: Vec<&[u8]> = lines.clone();
            out.insert(copy, lines[copy]);
            *bytes = out.join(&b'\n');
        }
        _ => {
            let snippet = &snippets[rng.below(snippets.len())];
            let i = at(rng, bytes.len());
            bytes.splice(i..i, snippet.iter().copied());
        }
    }
}

/// Every input file of a project: content TOML, `.ftl` and lock files.
fn input_files(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = support::tree(root)
        .into_keys()
        .filter(|p| p.ends_with(".toml") || p.ends_with(".ftl") || p.ends_with("l10n.lock"))
        .collect();
    out.sort();
    out
}

fn cases() -> usize {
    std::env::var("DRILLBOOK_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
}

fn seed() -> u64 {
    std::env::var("DRILLBOOK_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(34)
}

const LIMIT: Duration = Duration::from_secs(60);

/// Peak resident memory allowed for one run on the shipped project, however hostile its
/// input: a normal run stays far below, a superlinear blow-up far above.
const MEMORY_CAP: u64 = 400 << 20;

/// What a case found wrong, if anything.
fn judge(
    label: &str,
    check: &Run,
    build: &Run,
    before: &BTreeMap<String, Vec<u8>>,
    site: &Path,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, run) in [("check", check), ("build", build)] {
        if run.crashed() {
            problems.push(format!("{label}: {name} crashed: {}", run.describe()));
        }
        if run.peak_bytes > MEMORY_CAP {
            problems.push(format!("{label}: {name} peaked at {} MB", run.peak_bytes >> 20));
        }
        if !matches!(run.code, Some(0..=2)) {
            problems.push(format!("{label}: {name} exited with {:?}", run.code));
        }
    }
    if build.code != Some(0) && support::tree(site) != *before {
        problems.push(format!("{label}: a failed build changed the previous site"));
    }
    // `check` and `build` load the project the same way: the same verdict, the same errors.
    if check.code != build.code {
        problems.push(format!(
            "{label}: check exited {:?} but build {:?}\n--- check\n{}\n--- build\n{}",
            check.code,
            build.code,
            check.describe(),
            build.describe()
        ));
    } else {
        let (a, b) = (run::error_codes(&check.stdout), run::error_codes(&build.stderr));
        if a != b {
            problems.push(format!(
                "{label}: check and build name different errors: only in check {:?}, only in build {:?}",
                a.difference(&b).collect::<Vec<_>>(),
                b.difference(&a).collect::<Vec<_>>()
            ));
        }
    }
    problems
}

/// Mutated projects through `check` and `build` (`DRILLBOOK_FUZZ_CASES`, default 2,000, in two
/// workers).
#[test]
fn mutated_projects_never_crash_and_check_agrees_with_build() {
    let total = cases();
    let workers = 2;
    let results: Vec<(usize, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                scope.spawn(move || {
                    fuzz_worker(w, total / workers + usize::from(w < total % workers))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("worker")).collect()
    });
    let ran: usize = results.iter().map(|(n, _)| n).sum();
    let problems: Vec<&String> = results.iter().flat_map(|(_, p)| p).collect();
    assert_eq!(ran, total, "every case ran");
    assert!(
        problems.is_empty(),
        "{} of {ran} cases failed:\n{}",
        problems.len(),
        problems.iter().take(8).map(|s| s.as_str()).collect::<Vec<_>>().join("\n\n")
    );
}

fn fuzz_worker(worker: usize, cases: usize) -> (usize, Vec<String>) {
    let project = support::shipped_project();
    let root = project.path();
    let site = root.join("site");
    let first = run::drillbook(root, &["build", "--no-search"], LIMIT);
    assert_eq!(first.code, Some(0), "the shipped project builds: {}", first.describe());
    let files = input_files(root);
    assert!(files.len() > 20, "the shipped project has its inputs: {files:?}");
    let pristine: BTreeMap<String, Vec<u8>> =
        files.iter().map(|f| (f.clone(), std::fs::read(root.join(f)).unwrap())).collect();
    let snippets = hostile_snippets();
    let mut rng = Rng::new(seed() ^ (worker as u64).wrapping_mul(0x1000_0000_01B3));
    let mut problems = Vec::new();
    let mut ran = 0;
    for case in 0..cases {
        let file = &files[rng.below(files.len())];
        let mut bytes = pristine[file].clone();
        for _ in 0..1 + rng.below(3) {
            mutate(&mut rng, &mut bytes, &snippets);
        }
        let path: PathBuf = root.join(file);
        std::fs::write(&path, &bytes).unwrap();
        let before = support::tree(&site);
        let check = run::drillbook(root, &["check"], LIMIT);
        let build = run::drillbook(root, &["build", "--no-search"], LIMIT);
        let label = format!("worker {worker} case {case} ({file}, seed {})", seed());
        problems.extend(judge(&label, &check, &build, &before, &site));
        std::fs::write(&path, &pristine[file]).unwrap();
        ran += 1;
    }
    (ran, problems)
}

/// DocFX files with the same mutations through `import docfx --dry-run`, which must report
/// and never crash, hang or blow up.
#[test]
fn mutated_docfx_files_never_crash_import() {
    let corpus = support::repo().join("../shared/corpus/docfx");
    let mut sources: Vec<PathBuf> = Vec::new();
    for locale in ["de-DE", "zh-CN"] {
        let dir = corpus.join(locale);
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("the shared corpus is at {}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        names.sort();
        sources.extend(names.into_iter().take(3));
    }
    assert!(sources.len() >= 4, "DocFX samples found: {sources:?}");
    let cases = (cases() / 6).max(20);
    let snippets = hostile_snippets();
    let mut rng = Rng::new(seed() ^ 0xD0CF);
    let project = support::shipped_project();
    let mut problems = Vec::new();
    for case in 0..cases {
        let source = &sources[rng.below(sources.len())];
        let mut bytes = std::fs::read(source).unwrap();
        for _ in 0..1 + rng.below(3) {
            mutate(&mut rng, &mut bytes, &snippets);
        }
        let input = project.path().join("input.md");
        std::fs::write(&input, &bytes).unwrap();
        let run =
            run::drillbook(project.path(), &["import", "docfx", "--dry-run", "input.md"], LIMIT);
        if run.crashed() || !matches!(run.code, Some(0..=2)) || run.peak_bytes > MEMORY_CAP {
            problems.push(format!("case {case} ({}): {}", source.display(), run.describe()));
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {cases} cases failed:\n{}",
        problems.len(),
        problems.iter().take(5).cloned().collect::<Vec<_>>().join("\n\n")
    );
}
