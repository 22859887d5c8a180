use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::*;

fn site(html: &str) -> Files {
    let mut files = Files::new();
    files.insert("index.html".into(), html.as_bytes().to_vec());
    files.insert("en-US/index.html".into(), html.as_bytes().to_vec());
    files
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into())
        .collect();
    names.sort();
    names
}

#[test]
fn replaces_the_whole_tree() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    fs::create_dir_all(out.join("stale")).unwrap();
    fs::write(out.join("stale/old.html"), "old").unwrap();
    let mut files = Files::new();
    files.insert("en-US/index.html".into(), b"new".to_vec());
    write_site(&out, &files).unwrap();
    assert_eq!(fs::read_to_string(out.join("en-US/index.html")).unwrap(), "new");
    assert!(!out.join("stale").exists());
    assert_eq!(names(dir.path()), ["site"]);
}

#[test]
fn every_site_holds_the_marker() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    write_site(&out, &site("a")).unwrap();
    assert_eq!(fs::read_to_string(out.join(MARKER)).unwrap(), MARKER_TEXT);
    assert_eq!(names(&out), [MARKER, "en-US", "index.html"]);
}

#[test]
fn an_uncommitted_staging_leaves_the_old_site_and_no_litter() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), "old").unwrap();
    {
        let staging = Staging::new(&out).unwrap();
        staging.put("index.html", b"new").unwrap();
        assert!(staging.put("../escape.html", b"x").is_err());
    }
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    assert_eq!(names(dir.path()), ["site"]);
}

/// A reader polling the output while sites are swapped in always finds a whole site, the
/// old one or the new one.
#[cfg(target_os = "linux")]
#[test]
fn a_swap_leaves_a_complete_site_at_every_instant() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    write_site(&out, &site("0")).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (out, stop) = (out.clone(), stop.clone());
        std::thread::spawn(move || {
            let (mut polls, mut misses) = (0u64, 0u64);
            while !stop.load(Ordering::SeqCst) {
                polls += 1;
                let whole = out.join("en-US/index.html").is_file() && out.join(MARKER).is_file();
                misses += u64::from(!whole);
            }
            (polls, misses)
        })
    };
    for n in 1..=200 {
        write_site(&out, &site(&n.to_string())).unwrap();
    }
    stop.store(true, Ordering::SeqCst);
    let (polls, misses) = reader.join().unwrap();
    assert!(polls > 0);
    assert_eq!(misses, 0, "the site was missing in {misses} of {polls} polls");
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "200");
    assert_eq!(names(dir.path()), ["site"]);
}

/// Where the exchange is not available, the two renames still replace the site.
#[test]
fn the_two_step_swap_replaces_the_site_and_removes_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    write_site(&out, &site("old")).unwrap();
    let mut staging = Staging::new(&out).unwrap();
    staging.put("index.html", b"new").unwrap();
    let old = staging.swap_in_two_steps().unwrap().unwrap();
    staging.committed = true;
    assert_eq!(fs::read_to_string(old.join("index.html")).unwrap(), "old");
    remove_tree(&old).unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
    assert_eq!(names(dir.path()), ["site"]);
}

/// Leftovers of killed builds go; those of a running process (pid 1 runs) are a concurrent
/// build's and stay, as does anything not named like a leftover of this output.
#[cfg(target_os = "linux")]
#[test]
fn leftovers_of_dead_builds_are_removed_and_a_running_builds_staging_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let kept = [".site.new-1", ".site.new-x1", ".other.new-999999999", ".site.new-"];
    let removed = [".site.new-999999999", ".site.old-999999999", ".site.old-99999999999999"];
    for name in kept.iter().chain(&removed) {
        fs::create_dir_all(dir.path().join(name).join("en-US")).unwrap();
        fs::write(dir.path().join(name).join("en-US/index.html"), "x").unwrap();
    }
    write_site(&out, &site("new")).unwrap();
    let mut expected: Vec<&str> = kept.to_vec();
    expected.push("site");
    expected.sort();
    assert_eq!(names(dir.path()), expected);
}

#[test]
fn leftover_names_give_their_pid() {
    assert_eq!(leftover_pid(".site.new-123", "site"), Some(123));
    assert_eq!(leftover_pid(".site.old-7", "site"), Some(7));
    assert_eq!(leftover_pid(".site.new-99999999999", "site"), Some(u32::MAX));
    assert_eq!(leftover_pid(".site.new-12a", "site"), None);
    assert_eq!(leftover_pid(".site.new-", "site"), None);
    assert_eq!(leftover_pid(".site2.new-1", "site"), None);
    assert_eq!(leftover_pid("site.new-1", "site"), None);
}

/// A project with input folders and a `.git`, in a temp dir.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["content", "locales", ".git"] {
        fs::create_dir_all(dir.path().join(folder)).unwrap();
        fs::write(dir.path().join(folder).join("keep"), "x").unwrap();
    }
    dir
}

fn refusal(root: &Path, out: &Path, force: bool) -> Refusal {
    let err = check_out(root, out, force).expect_err("refused");
    err.downcast::<Refusal>().expect("a refusal")
}

#[test]
fn the_project_and_its_ancestors_are_refused_even_with_force() {
    let project = project();
    let root = project.path();
    for out in [root.to_path_buf(), root.join(".."), root.join("new/../content/.."), "/".into()] {
        for force in [false, true] {
            assert!(matches!(refusal(root, &out, force), Refusal::Project { .. }), "{out:?}");
        }
    }
}

#[test]
fn input_folders_and_what_is_inside_them_are_refused_even_with_force() {
    let project = project();
    let root = project.path();
    let cases = [
        ("content", "content"),
        ("content/site", "content"),
        ("new/../locales", "locales"),
        (".git", ".git"),
        ("templates", "templates"),
        ("assets/out", "assets"),
    ];
    for (out, folder) in cases {
        for force in [false, true] {
            let got = refusal(root, &root.join(out), force);
            assert_eq!(
                got,
                Refusal::Protected { out: root.join(out).display().to_string(), folder }
            );
        }
    }
    assert_eq!(fs::read_to_string(root.join("content/keep")).unwrap(), "x");
}

#[test]
fn a_foreign_folder_is_refused_unless_forced() {
    let project = project();
    let root = project.path();
    let docs = root.join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(docs.join("index.html"), "hand-written").unwrap();
    let shown = docs.display().to_string();
    assert_eq!(refusal(root, &docs, false), Refusal::Foreign { out: shown });
    assert!(refusal(root, &docs, false).to_string().contains("--force"));
    assert_eq!(check_out(root, &docs, true).unwrap(), fs::canonicalize(&docs).unwrap());
}

#[test]
fn a_missing_an_empty_or_a_built_folder_is_accepted() {
    let project = project();
    let root = project.path();
    let real = fs::canonicalize(root).unwrap();
    assert_eq!(check_out(root, &root.join("site"), false).unwrap(), real.join("site"));
    assert_eq!(check_out(root, &root.join("a/./b/../c"), false).unwrap(), real.join("a/c"));
    fs::create_dir_all(root.join("empty")).unwrap();
    assert_eq!(check_out(root, &root.join("empty"), false).unwrap(), real.join("empty"));
    write_site(&root.join("built"), &site("x")).unwrap();
    assert_eq!(check_out(root, &root.join("built"), false).unwrap(), real.join("built"));
}

#[test]
fn a_file_is_refused_even_with_force() {
    let project = project();
    let root = project.path();
    fs::write(root.join("site"), "a file").unwrap();
    for force in [false, true] {
        assert!(matches!(refusal(root, &root.join("site"), force), Refusal::NotADirectory { .. }));
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_resolves_to_its_target_which_is_checked_like_any_output() {
    use std::os::unix::fs::symlink;
    let project = project();
    let root = project.path();
    let real = fs::canonicalize(root).unwrap();
    let www = tempfile::tempdir().unwrap();
    write_site(&www.path().join("site"), &site("x")).unwrap();
    symlink(www.path().join("site"), root.join("built")).unwrap();
    let target = fs::canonicalize(www.path().join("site")).unwrap();
    assert_eq!(check_out(root, &root.join("built"), false).unwrap(), target);

    fs::create_dir_all(root.join("docs")).unwrap();
    fs::write(root.join("docs/page.html"), "mine").unwrap();
    symlink(root.join("docs"), root.join("to-docs")).unwrap();
    assert!(matches!(refusal(root, &root.join("to-docs"), false), Refusal::Foreign { .. }));

    symlink(root.join("content"), root.join("to-content")).unwrap();
    assert!(matches!(refusal(root, &root.join("to-content"), true), Refusal::Protected { .. }));
    symlink(&real, root.join("to-root")).unwrap();
    assert!(matches!(refusal(root, &root.join("to-root"), true), Refusal::Project { .. }));

    symlink(root.join("nowhere"), root.join("dangling")).unwrap();
    assert!(matches!(refusal(root, &root.join("dangling"), true), Refusal::DanglingLink { .. }));
}
