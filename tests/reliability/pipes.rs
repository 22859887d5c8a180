//! Closed pipes: a reader that goes away (`drillbook check | head -c 0`) ends the command
//! quietly, with exit 0 or the usual SIGPIPE status, never a panic.

use std::os::unix::process::ExitStatusExt as _;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support;
use crate::support::run;

/// Runs `args` in `dir` with stdout (or stderr) a pipe whose reading end is already closed.
fn with_closed(
    dir: &std::path::Path,
    args: &[&str],
    stream: &str,
) -> (Option<i32>, Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_drillbook"));
    command.args(args).current_dir(dir).stdin(Stdio::null());
    match stream {
        "stdout" => command.stdout(Stdio::piped()).stderr(Stdio::piped()),
        _ => command.stdout(Stdio::null()).stderr(Stdio::piped()),
    };
    let mut child = command.spawn().unwrap();
    let mut other = None;
    if stream == "stdout" {
        drop(child.stdout.take());
        other = child.stderr.take();
    } else {
        drop(child.stderr.take());
    }
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut other) = other {
            use std::io::Read as _;
            let _ = other.read_to_string(&mut text);
        }
        text
    });
    let (status, _, timed_out) = run::wait_with_deadline(&mut child, Duration::from_secs(120));
    assert!(!timed_out, "`drillbook {}` hung with {stream} closed", args.join(" "));
    (status.code(), status.signal(), reader.join().unwrap())
}

#[test]
fn every_command_ends_quietly_when_its_reader_goes_away() {
    let project = support::shipped_project();
    let root = project.path();
    // Something for `check` and `l10n status` to say, and a DocFX file to import.
    support::edit(root, "locales/de-DE/site.ftl", "site-title = ", "site-title = { $x } ");
    let docfx = support::repo().join("../shared/corpus/docfx/de-DE/remove-a-relationship.md");
    std::fs::copy(&docfx, root.join("de.md")).unwrap();
    let commands: [(&[&str], &str); 9] = [
        (&["l10n", "status"], "stdout"),
        (&["check"], "stdout"),
        (&["check", "--format", "json"], "stdout"),
        (&["checklist", "--scenario", "content/scenarios/everything-at-once.toml"], "stdout"),
        (&["import", "docfx", "--dry-run", "de.md"], "stdout"),
        (&["l10n", "accept", "de-DE"], "stdout"),
        (&["check"], "stderr"),
        (&["build", "--no-search"], "stderr"),
        (&["build", "--no-search", "--locale", "xx-XX"], "stderr"),
    ];
    for (args, stream) in commands {
        let (code, signal, stderr) = with_closed(root, args, stream);
        let quiet = code.is_some_and(|c| c <= 2) || signal == Some(libc::SIGPIPE);
        assert!(
            quiet && !stderr.contains("panicked"),
            "`drillbook {}` with {stream} closed: code {code:?}, signal {signal:?}\n{stderr}",
            args.join(" ")
        );
    }
}
