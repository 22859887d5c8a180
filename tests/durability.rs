//! Nothing lost, nothing hangs: the real binary on temp copies of the shipped project with
//! files that cannot be read or decoded, a FIFO among the inputs, a dangling locale symlink,
//! and the lock file written while a reader watches it.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use support::{Output, drillbook, shipped_project};

const LOCK: &str = "locales/de-DE/l10n.lock";
const DE_ARTICLE: &str = "locales/de-DE/remove-a-relationship.ftl";

fn read(dir: &Path, rel: &str) -> Vec<u8> {
    std::fs::read(dir.join(rel)).unwrap()
}

fn append(dir: &Path, rel: &str, bytes: &[u8]) {
    let mut all = read(dir, rel);
    all.extend_from_slice(bytes);
    std::fs::write(dir.join(rel), all).unwrap();
}

/// Entries (non-comment lines) of a lock file.
fn lock_entries(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes).lines().filter(|l| !l.starts_with('#')).count()
}

/// Runs the binary like [`drillbook`], but fails the test (after killing it) when it has not
/// finished within `limit`: a hang must not hang the test suite.
fn drillbook_within(dir: &Path, args: &[&str], limit: Duration) -> Output {
    let run = support::run::drillbook(dir, args, limit);
    assert!(!run.timed_out, "`drillbook {}` did not finish within {limit:?}", args.join(" "));
    Output { code: run.code.unwrap_or(-1), stdout: run.stdout, stderr: run.stderr }
}

#[test]
fn accept_with_a_lock_that_is_not_utf8_is_refused_and_the_lock_is_kept() {
    let dir = shipped_project();
    let lines = String::from_utf8(read(dir.path(), LOCK)).unwrap().lines().count();
    assert!(lock_entries(&read(dir.path(), LOCK)) > 100, "the shipped lock has its records");
    append(dir.path(), LOCK, b"\xff");
    let before = read(dir.path(), LOCK);
    let out = drillbook(dir.path(), &["l10n", "accept", "de-DE", "remove-a-relationship/intro"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let headline = format!("{LOCK}:{}:1: error[invalid-utf8]: file is not valid UTF-8", lines + 1);
    assert!(out.stderr.starts_with(&headline), "{}", out.stderr);
    assert!(out.stderr.contains("error: nothing recorded"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(read(dir.path(), LOCK) == before, "the lock is byte-identical");
    // `status` prints its table but says it is incomplete.
    let out = drillbook(dir.path(), &["l10n", "status"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.starts_with(&headline), "{}", out.stderr);
    assert!(out.stdout.starts_with("locale"), "{}", out.stdout);
}

#[test]
fn accept_with_a_translation_file_that_is_not_utf8_is_refused_and_the_lock_is_kept() {
    let dir = shipped_project();
    let text = String::from_utf8(read(dir.path(), DE_ARTICLE)).unwrap();
    // One bad byte in the middle of the `intro` line.
    let line_no = text.lines().position(|l| l.starts_with("intro = ")).unwrap() + 1;
    let at = text.find("intro = ").unwrap() + "intro = In".len();
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(at, 0xfe);
    std::fs::write(dir.path().join(DE_ARTICLE), &bytes).unwrap();
    let before = read(dir.path(), LOCK);
    let out = drillbook(dir.path(), &["l10n", "accept", "de-DE"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let col = "intro = In".chars().count() + 1;
    let line =
        text.lines().nth(line_no - 1).unwrap().replacen("intro = In", "intro = In\u{FFFD}", 1);
    let gutter = " ".repeat(line_no.to_string().len());
    let expected = format!(
        "{DE_ARTICLE}:{line_no}:{col}: error[invalid-utf8]: file is not valid UTF-8: byte 0xfe \
         cannot be decoded (shown as U+FFFD)\n{gutter} |\n{line_no} | {line}\n{gutter} | {}^\n",
        " ".repeat(col - 1)
    );
    assert!(out.stderr.starts_with(&expected), "{}\nexpected:\n{expected}", out.stderr);
    assert!(read(dir.path(), LOCK) == before, "the lock is byte-identical");

    // `check` shows the same positioned error, and the file's messages are not reported
    // missing on top of it (it is read lossily beside the error).
    let out = drillbook(dir.path(), &["check", "--locale", "de-DE"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains(&expected), "{}", out.stdout);
    assert!(!out.stdout.contains("[missing-file]"), "{}", out.stdout);
    assert!(!out.stdout.contains("[missing-message]"), "{}", out.stdout);
}

#[test]
fn accept_with_a_translation_file_cut_inside_a_character_is_refused() {
    let dir = shipped_project();
    let text = read(dir.path(), DE_ARTICLE);
    // Cut after the first byte of the last multi-byte character.
    let cut = text.iter().rposition(|&b| b >= 0xc0).unwrap() + 1;
    std::fs::write(dir.path().join(DE_ARTICLE), &text[..cut]).unwrap();
    let before = read(dir.path(), LOCK);
    let out = drillbook(dir.path(), &["l10n", "accept", "de-DE"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("the file ends inside a character"), "{}", out.stderr);
    assert!(read(dir.path(), LOCK) == before);
    let out = drillbook(dir.path(), &["check", "--locale", "de-DE"]);
    assert!(!out.stdout.contains("[missing-file]"), "{}", out.stdout);
}

#[test]
fn accept_with_an_unreadable_translation_file_is_an_io_error_and_the_lock_is_kept() {
    let dir = shipped_project();
    // (Tests may run as root, who reads any mode: a directory in the file's place is
    // unreadable as a file for everyone.)
    std::fs::remove_file(dir.path().join(DE_ARTICLE)).unwrap();
    std::fs::create_dir(dir.path().join(DE_ARTICLE)).unwrap();
    let before = read(dir.path(), LOCK);
    let out = drillbook(dir.path(), &["l10n", "accept", "de-DE", "remove-a-relationship/intro"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!(
            "{DE_ARTICLE}: error[io]: cannot read file: not a regular file (a directory)"
        )),
        "{}",
        out.stderr
    );
    assert!(read(dir.path(), LOCK) == before);
}

#[test]
fn accept_writes_the_lock_by_rename_and_a_reader_never_sees_a_partial_file() {
    let dir = shipped_project();
    let en = dir.path().join("locales/en-US/site.ftl");
    let english = std::fs::read_to_string(&en).unwrap();
    assert!(english.contains("nav-skip = Skip to main content"));
    std::fs::write(&en, english.replace("Skip to main content", "Skip to the main content"))
        .unwrap();
    let old = read(dir.path(), LOCK);
    let lock_path = dir.path().join(LOCK);
    let saved = dir.path().join("old.lock");
    std::fs::write(&saved, &old).unwrap();

    // A reader polls the lock the whole time; every read must be a whole file.
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let (done, lock_path) = (done.clone(), lock_path.clone());
        std::thread::spawn(move || {
            let mut seen = std::collections::BTreeSet::new();
            let mut reads = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                if let Ok(bytes) = std::fs::read(&lock_path) {
                    seen.insert(bytes);
                    reads += 1;
                }
            }
            (seen, reads)
        })
    };
    let mut new = Vec::new();
    for _ in 0..4 {
        // Put the old lock back by rename (atomically, as the reader expects).
        let copy = dir.path().join("copy.lock");
        std::fs::copy(&saved, &copy).unwrap();
        std::fs::rename(&copy, &lock_path).unwrap();
        let inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&lock_path).unwrap());
        let out = drillbook(dir.path(), &["l10n", "accept", "de-DE", "nav-skip"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        // A rename gives the path a new inode; a write in place would keep it.
        let after = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&lock_path).unwrap());
        assert_ne!(inode, after, "the lock is replaced, not rewritten in place");
        new = read(dir.path(), LOCK);
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let (seen, reads) = reader.join().unwrap();
    assert_ne!(new, old);
    assert_eq!(lock_entries(&new), lock_entries(&old), "one record changed, none lost");
    assert!(reads > 0);
    for bytes in &seen {
        assert!(
            *bytes == old || *bytes == new,
            "a partial lock was visible: {} bytes",
            bytes.len()
        );
    }
    // No temporary file is left beside the lock.
    let names: Vec<String> = std::fs::read_dir(lock_path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("l10n.lock"))
        .collect();
    assert_eq!(names, ["l10n.lock"]);
}

#[test]
fn a_fifo_among_the_inputs_is_an_io_error_not_a_hang() {
    let dir = shipped_project();
    let fifo = dir.path().join("locales/de-DE/x.ftl");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let limit = Duration::from_secs(60);
    let expected = "locales/de-DE/x.ftl: error[io]: cannot read file: not a regular file (a FIFO)";
    let out = drillbook_within(dir.path(), &["check"], limit);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stdout.contains(expected), "{}", out.stdout);
    let out = drillbook_within(dir.path(), &["l10n", "status"], limit);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains(expected), "{}", out.stderr);
    let out = drillbook_within(dir.path(), &["build"], limit);
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(format!("{}{}", out.stdout, out.stderr).contains(expected));
    assert!(!dir.path().join("site").exists(), "nothing was built");
    // A FIFO in place of a content file too.
    std::fs::remove_file(&fifo).unwrap();
    let scenario = dir.path().join("content/scenarios/x.toml");
    assert!(Command::new("mkfifo").arg(&scenario).status().unwrap().success());
    let out = drillbook_within(dir.path(), &["check"], limit);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stdout.contains("content/scenarios/x.toml: error[io]"), "{}", out.stdout);
    // And among the media files, which only `build` reads.
    std::fs::remove_file(&scenario).unwrap();
    std::fs::create_dir(dir.path().join("content/media")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(dir.path().join("content/media/x.png"))
            .status()
            .unwrap()
            .success()
    );
    let expected = "content/media/x.png: error[io]: cannot read file: not a regular file (a FIFO)";
    let out = drillbook_within(dir.path(), &["build"], limit);
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(format!("{}{}", out.stdout, out.stderr).contains(expected));
    let out = drillbook_within(dir.path(), &["check"], limit);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stdout.contains(expected), "{}", out.stdout);
    // And a FIFO named as a DocFX file to import.
    assert!(Command::new("mkfifo").arg(dir.path().join("in.md")).status().unwrap().success());
    let out = drillbook_within(dir.path(), &["import", "docfx", "--dry-run", "in.md"], limit);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("not a regular file (a FIFO)"), "{}", out.stderr);
}

#[test]
fn l10n_status_on_a_dangling_locale_symlink_exits_2_and_points_at_site_toml() {
    let dir = shipped_project();
    let out = drillbook(dir.path(), &["l10n", "status"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""), "the shipped project is readable");
    let nl = dir.path().join("locales/nl-NL");
    std::fs::remove_dir_all(&nl).unwrap();
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &nl).unwrap();
    let out = drillbook(dir.path(), &["l10n", "status"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let site = std::fs::read_to_string(dir.path().join("content/site.toml")).unwrap();
    let line_no = site.lines().position(|l| l.starts_with("locales =")).unwrap() + 1;
    let line = site.lines().nth(line_no - 1).unwrap();
    let col = line.find("\"nl-NL\"").unwrap() + 1;
    let headline = format!(
        "content/site.toml:{line_no}:{col}: error[missing-locale]: cannot read `locales/nl-NL`, \
         the directory of locale `nl-NL`"
    );
    assert!(out.stderr.starts_with(&headline), "{}", out.stderr);
    assert!(out.stderr.contains("it is a symlink to a missing target"), "{}", out.stderr);
    // `accept` of another locale is not concerned; of nl-NL it stops with the same error.
    let out = drillbook(dir.path(), &["l10n", "accept", "nl-NL"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with(&headline), "{}", out.stderr);
}

#[test]
fn a_toml_key_nested_past_the_limit_is_positioned() {
    let dir = shipped_project();
    let key = vec!["a"; 100].join(".");
    append(dir.path(), "content/site.toml", format!("\n[{key}]\n").as_bytes());
    let site = std::fs::read_to_string(dir.path().join("content/site.toml")).unwrap();
    let line_no = site.lines().count();
    let out = drillbook(dir.path(), &["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let headline = format!("content/site.toml:{line_no}:2: error[toml-syntax]: recursion limit");
    assert!(out.stdout.starts_with(&headline), "{}", out.stdout);
}
