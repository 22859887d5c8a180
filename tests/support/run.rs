//! Running the real binary with a deadline, recording how it ended and its peak memory.

use std::io::Read as _;
use std::os::unix::process::ExitStatusExt as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How one run of the binary ended.
#[derive(Debug)]
pub struct Run {
    /// The exit code, when the process exited.
    pub code: Option<i32>,
    /// The signal that ended it, when one did.
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// Peak resident memory of the process, in bytes.
    pub peak_bytes: u64,
    pub timed_out: bool,
}

impl Run {
    /// A panic (101), an abort (134 or SIGABRT), a crash signal or a time-out.
    pub fn crashed(&self) -> bool {
        self.timed_out
            || self.stderr.contains("panicked")
            || matches!(self.code, Some(101 | 134))
            || matches!(self.signal, Some(s) if s != libc::SIGPIPE)
    }

    pub fn describe(&self) -> String {
        format!(
            "code {:?}, signal {:?}, timed out {}, peak {} MB\n--- stdout\n{}\n--- stderr\n{}",
            self.code,
            self.signal,
            self.timed_out,
            self.peak_bytes >> 20,
            tail(&self.stdout),
            tail(&self.stderr)
        )
    }
}

fn tail(text: &str) -> &str {
    let start = text.len().saturating_sub(3000);
    let start = (start..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
    &text[start..]
}

/// Runs `drillbook args` in `dir`, killed after `limit`.
pub fn drillbook(dir: &Path, args: &[&str], limit: Duration) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_drillbook"));
    command.args(args).current_dir(dir).stdin(Stdio::null());
    run(command, limit)
}

/// Runs `command` with piped output, killed after `limit`; peak memory from `wait4`.
pub fn run(mut command: Command, limit: Duration) -> Run {
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary starts");
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out_thread = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err_thread = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let (status, peak_bytes, timed_out) = wait_with_deadline(&mut child, limit);
    let stdout = out_thread.join().unwrap_or_default();
    let stderr = err_thread.join().unwrap_or_default();
    Run {
        code: status.code(),
        signal: status.signal(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        peak_bytes,
        timed_out,
    }
}

/// Waits for `child` (killing it at the deadline); its exit status and peak resident memory.
pub fn wait_with_deadline(
    child: &mut std::process::Child,
    limit: Duration,
) -> (std::process::ExitStatus, u64, bool) {
    let pid = child.id() as libc::pid_t;
    let start = Instant::now();
    let mut timed_out = false;
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: an all-zero `rusage` is a valid value for `wait4` to overwrite.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `status` and `usage` are valid for writes; `pid` is our child.
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            // `ru_maxrss` is in kilobytes on Linux.
            let peak = u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024;
            return (std::process::ExitStatus::from_raw(status), peak, timed_out);
        }
        assert!(done == 0, "wait4 failed: {}", std::io::Error::last_os_error());
        if !timed_out && start.elapsed() > limit {
            timed_out = true;
            let _ = child.kill();
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Diagnostics in rendered output: `(code, "path:line:col" or "path")` of every error.
pub fn error_codes(text: &str) -> std::collections::BTreeSet<(String, String)> {
    let mut out = std::collections::BTreeSet::new();
    for line in text.lines() {
        let Some((place, rest)) = line.split_once(": error[") else { continue };
        let Some((code, _)) = rest.split_once(']') else { continue };
        out.insert((code.to_string(), place.to_string()));
    }
    out
}
