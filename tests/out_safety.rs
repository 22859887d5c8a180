//! `build`/`serve --out` never delete what drillbook did not write, and the site swap never
//! leaves the output path without a site (issue 34, points 1 and 7).

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use support::{drillbook, shipped_project, tree};

const MARKER: &str = ".drillbook-site";

/// The shipped project with a `.git` and a hand-written `docs/` beside its inputs.
fn project() -> tempfile::TempDir {
    let project = shipped_project();
    let root = project.path();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    fs::create_dir_all(root.join("docs")).unwrap();
    fs::write(root.join("docs/index.html"), "hand-written").unwrap();
    project
}

/// Every file of the project outside its outputs, to see that a refused build lost nothing.
fn inputs(root: &Path) -> Vec<(String, std::collections::BTreeMap<String, Vec<u8>>)> {
    ["content", "locales", ".git", "docs"]
        .iter()
        .map(|d| (d.to_string(), tree(&root.join(d))))
        .collect()
}

fn assert_refused(root: &Path, args: &[&str], words: &str) {
    let before = inputs(root);
    assert!(!before[0].1.is_empty() && !before[1].1.is_empty(), "the project has inputs");
    let result = drillbook(root, args);
    assert_eq!(result.code, 2, "{args:?} was not refused: {}", result.stderr);
    assert!(result.stderr.starts_with("error: refusing to "), "{}", result.stderr);
    assert!(result.stderr.contains(words), "{args:?}: {}", result.stderr);
    assert!(inputs(root) == before, "{args:?} changed the project");
}

#[test]
fn the_project_directory_is_refused_even_with_force() {
    let project = project();
    let root = project.path();
    assert_refused(root, &["build", "--out", "."], "it is the project directory");
    let absolute = root.to_str().unwrap();
    assert_refused(root, &["build", "--out", absolute, "--force"], "it is the project directory");
}

#[test]
fn an_ancestor_of_the_project_is_refused_even_with_force() {
    let parent = tempfile::tempdir().unwrap();
    let project = project();
    let root = parent.path().join("proj");
    support::copy_dir(project.path(), &root);
    fs::write(parent.path().join("notes.txt"), "mine").unwrap();
    for args in [
        &["--root", "proj", "build", "--out", "."][..],
        &["--root", "proj", "build", "--out", ".", "--force"],
        &["--root", "proj", "build", "--out", "proj/.."],
    ] {
        let result = drillbook(parent.path(), args);
        assert_eq!(result.code, 2, "{args:?}: {}", result.stderr);
        assert!(result.stderr.contains("it is the project directory or contains it"));
    }
    assert!(inputs(&root) == inputs(project.path()));
    assert_eq!(fs::read_to_string(parent.path().join("notes.txt")).unwrap(), "mine");
}

#[test]
fn input_folders_are_refused_even_with_force() {
    let project = project();
    let root = project.path();
    for out in ["content", "locales", ".git", "content/site"] {
        for force in [false, true] {
            let mut args = vec!["build", "--out", out];
            args.extend(force.then_some("--force"));
            let folder = out.split('/').next().unwrap();
            assert_refused(root, &args, &format!("it is the project's `{folder}` folder"));
        }
    }
}

#[test]
fn a_hand_written_folder_is_refused_and_replaced_only_with_force() {
    let project = project();
    let root = project.path();
    assert_refused(root, &["build", "--out", "docs"], "pass `--force` to replace it");
    assert_eq!(fs::read_to_string(root.join("docs/index.html")).unwrap(), "hand-written");

    let forced = drillbook(root, &["build", "--out", "docs", "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(root.join("docs").join(MARKER).is_file());
    assert!(root.join("docs/en-US/index.html").is_file());
    // Now drillbook's: a rebuild needs no `--force`.
    let again = drillbook(root, &["build", "--out", "docs"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
}

#[test]
fn a_file_is_refused_and_an_empty_folder_accepted() {
    let project = project();
    let root = project.path();
    fs::write(root.join("out.html"), "a file").unwrap();
    let result = drillbook(root, &["build", "--out", "out.html", "--force"]);
    assert_eq!(result.code, 2, "{}", result.stderr);
    assert!(result.stderr.contains("is not a directory"), "{}", result.stderr);
    assert_eq!(fs::read_to_string(root.join("out.html")).unwrap(), "a file");

    fs::create_dir_all(root.join("empty")).unwrap();
    let result = drillbook(root, &["build", "--out", "empty"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(root.join("empty").join(MARKER).is_file());
}

#[test]
fn a_second_build_replaces_a_built_site_without_force() {
    let project = project();
    let root = project.path();
    for _ in 0..2 {
        let result = drillbook(root, &["build", "--no-search"]);
        assert_eq!(result.code, 0, "{}", result.stderr);
        assert!(result.stderr.contains("into "), "{}", result.stderr);
    }
    assert!(root.join("site").join(MARKER).is_file());
    let names: Vec<_> = fs::read_dir(root).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(!names.iter().any(|n| n.to_string_lossy().starts_with(".site.")), "{names:?}");
}

/// A symlinked output is written through: its target gets the site, the link stays. A link
/// to a folder drillbook did not build is refused, its files kept.
#[cfg(unix)]
#[test]
fn a_symlinked_output_is_written_through_or_refused_never_emptied() {
    use std::os::unix::fs::symlink;
    let project = project();
    let root = project.path();
    let www = tempfile::tempdir().unwrap();
    fs::create_dir_all(www.path().join("site")).unwrap();
    symlink(www.path().join("site"), root.join("public")).unwrap();
    for _ in 0..2 {
        let result = drillbook(root, &["build", "--no-search", "--out", "public"]);
        assert_eq!(result.code, 0, "{}", result.stderr);
        assert!(fs::symlink_metadata(root.join("public")).unwrap().file_type().is_symlink());
        assert!(www.path().join("site").join(MARKER).is_file());
        assert!(www.path().join("site/en-US/index.html").is_file());
    }
    let litter: Vec<_> =
        fs::read_dir(www.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(litter, ["site"]);

    symlink(root.join("docs"), root.join("to-docs")).unwrap();
    assert_refused(root, &["build", "--out", "to-docs"], "drillbook did not build it");
    symlink(root.join("content"), root.join("to-content")).unwrap();
    assert_refused(root, &["build", "--out", "to-content", "--force"], "`content` folder");
}

#[test]
fn leftovers_of_a_killed_build_are_removed() {
    let project = project();
    let root = project.path();
    for name in [".site.new-123456789", ".site.old-123456789"] {
        fs::create_dir_all(root.join(name).join("en-US")).unwrap();
        fs::write(root.join(name).join("en-US/index.html"), "half a site").unwrap();
    }
    let result = drillbook(root, &["build", "--no-search"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(!root.join(".site.new-123456789").exists());
    assert!(!root.join(".site.old-123456789").exists());
    assert!(root.join("site/en-US/index.html").is_file());
}

/// A reader polling `site/` while builds replace it always finds a whole site.
#[cfg(target_os = "linux")]
#[test]
fn the_site_never_goes_missing_while_builds_replace_it() {
    let project = project();
    let root = project.path().to_path_buf();
    let first = drillbook(&root, &["build", "--no-search"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (site, stop) = (root.join("site"), stop.clone());
        std::thread::spawn(move || {
            let (mut polls, mut misses) = (0u64, 0u64);
            while !stop.load(Ordering::SeqCst) {
                polls += 1;
                let whole = site.join("index.html").is_file() && site.join(MARKER).is_file();
                misses += u64::from(!whole);
            }
            (polls, misses)
        })
    };
    for _ in 0..5 {
        let result = drillbook(&root, &["build", "--no-search"]);
        assert_eq!(result.code, 0, "{}", result.stderr);
    }
    stop.store(true, Ordering::SeqCst);
    let (polls, misses) = reader.join().unwrap();
    assert!(polls > 0);
    assert_eq!(misses, 0, "`site/` was missing in {misses} of {polls} polls");
}

/// `serve` checks its output before it builds or listens: a refused one ends it at once.
#[test]
fn serve_refuses_an_input_folder_and_a_hand_written_one() {
    let project = project();
    let root = project.path();
    let before = inputs(root);
    for out in ["content", "docs"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_drillbook"))
            .args(["serve", "--port", "0", "--out", out])
            .current_dir(root)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(30) {
                child.kill().unwrap();
                child.wait().unwrap();
                panic!("serve --out {out} kept running");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.code(), Some(2), "{stderr}");
        assert!(stderr.starts_with("error: refusing to "), "{stderr}");
    }
    assert!(inputs(root) == before);
}
