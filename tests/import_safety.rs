//! `drillbook import docfx` under hostile input and failure (issue 34): bounded time and
//! memory on pathological Markdown, and every project file old or new after a kill or a
//! failed staging, on temp copies of the project.

mod support;

use support::import::*;
use support::shipped_project;

/// Issue 34, points 3 and 4: inputs that aborted the importer (stack overflow), made it
/// allocate gigabytes or take quadratic time. Each runs on the real binary under a 1 GiB
/// address-space limit and a deadline; nesting beyond the limits is a positioned error and
/// the file is not imported.
#[test]
fn hostile_inputs_finish_quickly_with_bounded_memory() {
    use drillbook::import::docfx::{MAX_BLOCK_DEPTH, MAX_SPAN_DEPTH};
    let stars = "*".repeat(100_000);
    let open = "<span data-ttu-id=\"n-1\">";
    let cases: Vec<(&str, String, Option<usize>)> = vec![
        // (article id, body, column of the expected `nesting-too-deep` on the body's line)
        ("star-run", sxs("s-1", &stars, &stars), None),
        ("star-lines", "*\n".repeat(50_000), None),
        ("star-markers", format!("{}x", "* ".repeat(50_000)), Some(1 + 2 * MAX_BLOCK_DEPTH)),
        (
            "nested-spans",
            format!("{}x{}", open.repeat(100_000), "</span>".repeat(100_000)),
            Some(1 + open.len() * MAX_SPAN_DEPTH),
        ),
        (
            "deep-quote",
            format!("{}{}", "> ".repeat(10_000), sxs("q-1", "Hallo", "Hello")),
            Some(1 + 2 * MAX_BLOCK_DEPTH),
        ),
    ];
    for (id, body, deep_at) in cases {
        let dir = shipped_project();
        let file = docfx_file(&body);
        let line = file[..file.find(&body).expect("body")].matches('\n').count() + 1;
        std::fs::write(dir.path().join(format!("{id}.md")), &file).expect("write");
        let run = run_bounded(
            dir.path(),
            &["import", "docfx", &format!("{id}.md")],
            1 << 20,
            std::time::Duration::from_secs(120),
        );
        let stderr: String = run.stderr.lines().filter(|l| !l.contains(" | ")).collect();
        let created = dir.path().join(format!("content/articles/{id}.toml")).exists();
        match deep_at {
            Some(col) => {
                assert_eq!(run.code, Some(1), "{id}: {stderr}");
                let expected = format!("{id}.md:{line}:{col}: error[nesting-too-deep]");
                assert!(run.stderr.contains(&expected), "{id}: no `{expected}` in {stderr}");
                assert!(!created, "{id}: a file nested too deep was imported");
            }
            None => {
                assert_eq!(run.code, Some(0), "{id}: {stderr}");
                assert!(created, "{id}: not imported: {}", run.stdout);
            }
        }
    }
}

/// Issue 34, point 2: import writes every file through a staged temporary file, so a kill
/// at any moment leaves each file either as it was or as a complete import writes it.
#[test]
fn a_killed_import_leaves_every_file_old_or_new() {
    let corpus_dir = corpus().join("docfx");
    let reference = shipped_project();
    let before = project_files(reference.path());
    let run = run_bounded(
        reference.path(),
        &["import", "docfx", &corpus_dir.to_string_lossy()],
        1 << 21,
        std::time::Duration::from_secs(300),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let after = project_files(reference.path());
    assert!(after.keys().all(|p| !is_staging_file(p)), "staging files left after a clean run");
    let changed = after.iter().filter(|(p, b)| before.get(*p) != Some(*b)).count();
    assert!(changed > 10, "the reference import changed only {changed} files");

    let mut staged_kills = 0;
    for trial in 0..10u64 {
        let dir = shipped_project();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_drillbook"))
            .arg("--root")
            .arg(dir.path())
            .args(["import", "docfx"])
            .arg(&corpus_dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("run");
        if trial < 6 {
            // Kill while the files are being staged or renamed: just after the first
            // staging file appears, give or take a few milliseconds.
            let start = std::time::Instant::now();
            while staging_files(dir.path()).is_empty()
                && child.try_wait().expect("wait").is_none()
                && start.elapsed() < std::time::Duration::from_secs(120)
            {
                std::thread::sleep(std::time::Duration::from_micros(300));
            }
            std::thread::sleep(std::time::Duration::from_millis(trial * 3));
        } else {
            std::thread::sleep(std::time::Duration::from_millis(150 * trial));
        }
        let killed = child.try_wait().expect("wait").is_none();
        let _ = child.kill();
        let _ = child.wait();
        staged_kills += usize::from(killed && trial < 6);
        let now = project_files(dir.path());
        for (path, bytes) in &now {
            if is_staging_file(path) {
                continue;
            }
            assert!(
                before.get(path) == Some(bytes) || after.get(path) == Some(bytes),
                "trial {trial}: `{path}` is neither the old file nor the imported one after a kill"
            );
        }
        for path in before.keys() {
            assert!(now.contains_key(path), "trial {trial}: `{path}` vanished after a kill");
        }
    }
    assert!(staged_kills > 0, "no kill landed while files were staged");
}

/// Issue 34, point 2: a multi-file import stages every file before renaming any, so a
/// failure while staging writes nothing at all (and leaves no temporary file).
#[test]
fn a_failure_while_staging_writes_nothing() {
    let dir = shipped_project();
    // zh-CN's folder is a file: its translations cannot be staged, the other files could.
    std::fs::remove_dir_all(dir.path().join("locales/zh-CN")).expect("rm");
    std::fs::write(dir.path().join("locales/zh-CN"), "not a folder").expect("write");
    let before = project_files(dir.path());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_drillbook"))
        .arg("--root")
        .arg(dir.path())
        .args(["import", "docfx"])
        .arg(corpus().join("docfx"))
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(stderr.contains("failed to write"), "{stderr}");
    assert!(stdout.contains("aligned"), "nothing was imported: {stdout}");
    assert_eq!(project_files(dir.path()), before, "a failed import changed the project");
}
