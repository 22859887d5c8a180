//! Kills at random moments (SIGKILL, so no clean-up code runs): every file drillbook writes
//! is, afterwards, either as it was or as the finished command writes it, never in between,
//! and the next run cleans up after the killed one.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::reliability::fuzz::Rng;
use crate::support;
use crate::support::run;

const LIMIT: Duration = Duration::from_secs(120);

/// Starts `drillbook args` in `dir` and kills it after `delay` (if it has not finished).
fn kill_after(dir: &Path, args: &[&str], delay: Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_drillbook"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let _ = child.kill();
    let (_, _, timed_out) = run::wait_with_deadline(&mut child, LIMIT);
    assert!(!timed_out);
}

/// How long a full run of `args` takes, and that it succeeds.
fn timed(dir: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let done = run::drillbook(dir, args, LIMIT);
    assert_eq!(done.code, Some(0), "{}", done.describe());
    start.elapsed()
}

fn random_delay(rng: &mut Rng, full: Duration) -> Duration {
    let micros = u64::try_from(full.as_micros()).unwrap_or(u64::MAX).max(1);
    Duration::from_micros(rng.next() % (micros + micros / 5))
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_or_the_new_site() {
    let project = support::shipped_project();
    let root = project.path();
    let site = root.join("site");
    let title = "site-title = ";
    let file = "locales/en-US/site.ftl";
    let input_a = std::fs::read_to_string(root.join(file)).unwrap();
    assert!(input_a.contains(title));
    let input_b = input_a.replacen(title, "site-title = Renamed ", 1);
    timed(root, &["build"]);
    let tree_a = support::tree(&site);
    std::fs::write(root.join(file), &input_b).unwrap();
    let full = timed(root, &["build"]);
    let tree_b = support::tree(&site);
    assert_ne!(tree_a, tree_b);
    let mut rng = Rng::new(0x5173);
    for round in 0..16 {
        let input = if round % 2 == 0 { &input_a } else { &input_b };
        std::fs::write(root.join(file), input).unwrap();
        kill_after(root, &["build"], random_delay(&mut rng, full));
        let now = support::tree(&site);
        assert!(
            now == tree_a || now == tree_b,
            "round {round}: the site is neither the old nor the new one"
        );
    }
    std::fs::write(root.join(file), &input_b).unwrap();
    timed(root, &["build"]);
    assert!(support::tree(&site) == tree_b);
    let litter: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".site"))
        .collect();
    assert!(litter.is_empty(), "killed builds left {litter:?}");
}

#[test]
fn an_accept_killed_at_any_moment_leaves_the_old_or_the_new_lock() {
    let project = support::shipped_project();
    let root = project.path();
    support::edit(
        root,
        "locales/en-US/remove-a-relationship.ftl",
        "step-suspend = ",
        "step-suspend = Now ",
    );
    let lock = root.join("locales/de-DE/l10n.lock");
    let old = std::fs::read(&lock).unwrap();
    let full = timed(root, &["l10n", "accept", "de-DE"]);
    let new = std::fs::read(&lock).unwrap();
    assert_ne!(old, new);
    let mut rng = Rng::new(0xACCE);
    for round in 0..20 {
        std::fs::write(&lock, &old).unwrap();
        kill_after(root, &["l10n", "accept", "de-DE"], random_delay(&mut rng, full));
        let now = std::fs::read(&lock).unwrap();
        assert!(
            now == old || now == new,
            "round {round}: the lock is {} bytes, neither old nor new",
            now.len()
        );
    }
}

#[test]
fn an_import_killed_at_any_moment_leaves_each_file_old_or_new() {
    let docfx = support::repo().join("../shared/corpus/docfx/de-DE/autopilot.md");
    let args = ["import", "docfx", "input.md"];
    let reference = support::shipped_project();
    std::fs::copy(&docfx, reference.path().join("input.md")).unwrap();
    let pristine = support::tree(reference.path());
    let full = timed(reference.path(), &args);
    let imported: BTreeMap<String, Vec<u8>> = support::tree(reference.path())
        .into_iter()
        .filter(|(path, bytes)| pristine.get(path) != Some(bytes))
        .collect();
    assert!(imported.len() >= 2, "the import wrote files: {:?}", imported.keys());
    let mut rng = Rng::new(0x1A40);
    for round in 0..12 {
        let project = support::shipped_project();
        std::fs::copy(&docfx, project.path().join("input.md")).unwrap();
        kill_after(project.path(), &args, random_delay(&mut rng, full));
        let now = support::tree(project.path());
        for (path, new) in &imported {
            let state = now.get(path);
            assert!(
                state == pristine.get(path) || state == Some(new),
                "round {round}: `{path}` is half-written ({} bytes)",
                state.map_or(0, Vec::len)
            );
        }
    }
}
