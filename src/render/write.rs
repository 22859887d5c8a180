//! Writing the site to disk, atomically: files go to a staging directory beside the output
//! as they are rendered, and the staging directory replaces the output only when the whole
//! build succeeded. A failed build leaves the previous site exactly as it was, and the output
//! path holds a complete site at every instant (on Linux; see [`Staging::commit`]).
//!
//! Also what may be replaced at all ([`check_out`]): drillbook only ever replaces a directory
//! it built itself (it holds [`MARKER`]), an empty one, or, with `--force`, any other
//! directory except the project and its inputs.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result};

use crate::render::{Files, Sink};

/// The file at the top of every site drillbook builds: a directory holding it was written by
/// drillbook, and a build may replace it as a whole.
pub const MARKER: &str = ".drillbook-site";

const MARKER_TEXT: &str =
    "This directory was built by drillbook; each build replaces it as a whole.\n";

/// The project's folders that no output may be, or be inside, even with `--force`: its
/// inputs, its history and its cache.
const PROTECTED: [&str; 7] =
    ["content", "locales", "templates", "assets", "theme", ".git", ".drillbook-cache"];

/// Why `--out` was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The output is the project directory or one of its ancestors.
    Project { out: String },
    /// The output is one of the project's `PROTECTED` folders, or inside one.
    Protected { out: String, folder: &'static str },
    /// The output exists and is not a directory.
    NotADirectory { out: String },
    /// The output is a symbolic link to nothing.
    DanglingLink { out: String },
    /// The output is a non-empty directory that drillbook did not build (no [`MARKER`]).
    Foreign { out: String },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Project { out } => write!(
                f,
                "refusing to build into `{out}`: it is the project directory or contains it, \
                 and a build replaces everything in its output; choose a folder of its own, \
                 such as `site`"
            ),
            Refusal::Protected { out, folder } => write!(
                f,
                "refusing to build into `{out}`: it is the project's `{folder}` folder or \
                 inside it, and a build replaces everything in its output; choose a folder of \
                 its own, such as `site`"
            ),
            Refusal::NotADirectory { out } => {
                write!(f, "refusing to build into `{out}`: it exists and is not a directory")
            }
            Refusal::DanglingLink { out } => write!(
                f,
                "refusing to build into `{out}`: it is a symbolic link to something that does \
                 not exist; create the folder it points to, or choose another output"
            ),
            Refusal::Foreign { out } => write!(
                f,
                "refusing to replace `{out}`: it is not empty and drillbook did not build it \
                 (it has no `{MARKER}`), and a build replaces everything in its output; \
                 choose another output, empty it, or pass `--force` to replace it anyway (once, \
                 for a site built by a drillbook older than the marker)"
            ),
        }
    }
}

impl std::error::Error for Refusal {}

/// Decides whether a build may replace `out` (as given by the user) for the project at
/// `root`, and returns the path to write: `out` made absolute, with symbolic links resolved.
/// A symlinked output is written through: its target is replaced and the link kept.
///
/// Never allowed: the project or an ancestor of it, a `PROTECTED` folder or anything inside
/// one, something that is not a directory, a dangling link. Allowed: a missing or empty
/// directory, or one holding [`MARKER`]; any other directory only with `force`.
pub fn check_out(root: &Path, out: &Path, force: bool) -> Result<PathBuf> {
    let shown = out.display().to_string();
    let real = resolve(out).with_context(|| format!("failed to resolve `{shown}`"))?;
    let root = resolve(root).with_context(|| format!("failed to resolve `{}`", root.display()))?;
    if root.starts_with(&real) {
        return Err(Refusal::Project { out: shown }.into());
    }
    if let Some(folder) = PROTECTED.into_iter().find(|dir| real.starts_with(root.join(dir))) {
        return Err(Refusal::Protected { out: shown, folder }.into());
    }
    let meta = match fs::symlink_metadata(&real) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(real),
        Err(err) => return Err(err).with_context(|| format!("failed to read `{shown}`")),
    };
    if meta.file_type().is_symlink() {
        // `resolve` follows every link it can: one left is dangling (or a loop).
        return Err(Refusal::DanglingLink { out: shown }.into());
    }
    if !meta.is_dir() {
        return Err(Refusal::NotADirectory { out: shown }.into());
    }
    let built_by_us = fs::symlink_metadata(real.join(MARKER)).is_ok_and(|m| m.is_file());
    if built_by_us || force {
        return Ok(real);
    }
    let mut entries = fs::read_dir(&real).with_context(|| format!("failed to read `{shown}`"))?;
    if entries.next().is_some() {
        return Err(Refusal::Foreign { out: shown }.into());
    }
    Ok(real)
}

/// `path` made absolute, with symbolic links resolved in the part that exists and `.` and
/// `..` applied to the rest (which, not existing, holds no links).
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::env::current_dir()?.join(path);
    let parts: Vec<Component<'_>> = absolute.components().collect();
    for k in (1..=parts.len()).rev() {
        let Ok(mut real) = fs::canonicalize(parts[..k].iter().collect::<PathBuf>()) else {
            continue;
        };
        for part in &parts[k..] {
            match part {
                Component::ParentDir => {
                    real.pop();
                }
                Component::Normal(name) => real.push(name),
                Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            }
        }
        return Ok(real);
    }
    Ok(absolute)
}

/// A staging directory for a new site; removed on drop unless committed.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    retired: PathBuf,
    committed: bool,
    /// Directories already created, so parallel writers do not race on `create_dir_all`.
    made: Mutex<rustc_hash::FxHashSet<String>>,
    files: AtomicUsize,
    pages: AtomicUsize,
}

impl Staging {
    /// Creates `.<name>.new-<pid>` beside `out`, holding [`MARKER`], after removing what
    /// killed builds of the same `out` left there (see `remove_leftovers`).
    pub fn new(out: &Path) -> Result<Staging> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .with_context(|| format!("failed to create `{}`", parent.display()))?;
        let name =
            out.file_name().map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        remove_leftovers(&parent, &name);
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.new-{pid}"));
        let retired = parent.join(format!(".{name}.old-{pid}"));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir)
            .with_context(|| format!("failed to create `{}`", dir.display()))?;
        fs::write(dir.join(MARKER), MARKER_TEXT)
            .with_context(|| format!("failed to write `{}`", dir.join(MARKER).display()))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            retired,
            committed: false,
            made: Mutex::default(),
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
        })
    }

    /// Number of HTML pages written so far.
    pub fn page_count(&self) -> usize {
        self.pages.load(Ordering::Relaxed)
    }

    /// Number of files written so far.
    pub fn file_count(&self) -> usize {
        self.files.load(Ordering::Relaxed)
    }

    /// Replaces the output directory with the staged tree, then removes the previous site.
    ///
    /// On Linux the two trade places in one step (`renameat2` with `RENAME_EXCHANGE`): a
    /// reader of `out` sees the old site or the new one, never nothing. Where that is not
    /// available (other systems, a file system without it), the old site is renamed aside
    /// and the new one into place, with a moment in between when `out` does not exist.
    pub fn commit(mut self) -> Result<()> {
        let old = self.swap_in()?;
        self.committed = true;
        if let Some(old) = old {
            remove_tree(&old).with_context(|| {
                format!("failed to remove the previous site at `{}`", old.display())
            })?;
        }
        Ok(())
    }

    /// Puts the staged tree at `out`; returns where the previous site went, if there was one.
    fn swap_in(&self) -> Result<Option<PathBuf>> {
        let moved = || format!("failed to move the new site into `{}`", self.out.display());
        // A concurrent build of the same `out` may create or swap it between our steps:
        // try again with what is there then.
        for _ in 0..3 {
            if fs::symlink_metadata(&self.out).is_ok() {
                match exchange(&self.dir, &self.out) {
                    Ok(()) => return Ok(Some(self.dir.clone())),
                    Err(err) if err.kind() == std::io::ErrorKind::NotFound => continue,
                    Err(err) if exchange_unsupported(&err) => return self.swap_in_two_steps(),
                    Err(err) => return Err(err).with_context(moved),
                }
            }
            match fs::rename(&self.dir, &self.out) {
                Ok(()) => return Ok(None),
                Err(_) if fs::symlink_metadata(&self.out).is_ok() => continue,
                Err(err) => return Err(err).with_context(moved),
            }
        }
        Err(anyhow::anyhow!(
            "`{}` kept changing while the new site was moved in",
            self.out.display()
        ))
    }

    /// The swap without an exchange: the old site aside, then the new one in.
    fn swap_in_two_steps(&self) -> Result<Option<PathBuf>> {
        fs::rename(&self.out, &self.retired).with_context(|| {
            format!("failed to move the previous `{}` aside", self.out.display())
        })?;
        if let Err(err) = fs::rename(&self.dir, &self.out) {
            let _ = fs::rename(&self.retired, &self.out);
            return Err(err).with_context(|| {
                format!("failed to move the new site into `{}`", self.out.display())
            });
        }
        Ok(Some(self.retired.clone()))
    }
}

/// Removes a previous site: its top-level entries (a directory per locale) in parallel, then
/// the rest, since removing a large site file by file is otherwise one core's work.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    if let Ok(entries) = fs::read_dir(dir) {
        use rayon::prelude::*;
        let entries: Vec<fs::DirEntry> = entries.flatten().collect();
        entries.par_iter().for_each(|entry| {
            // The entry's own type: a link is removed, never followed.
            let _ = match entry.file_type() {
                Ok(kind) if kind.is_dir() => fs::remove_dir_all(entry.path()),
                _ => fs::remove_file(entry.path()),
            };
        });
    }
    fs::remove_dir_all(dir)
}

/// Swaps the directory entries `a` and `b` atomically (both must exist).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // The system call rather than glibc's wrapper, which older glibc versions lack.
    // SAFETY: both pointers are NUL-terminated strings that outlive the call, and the kernel
    // only reads them.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Whether `err` says this system or file system cannot exchange two entries.
fn exchange_unsupported(err: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    if matches!(err.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)) {
        return true;
    }
    err.kind() == std::io::ErrorKind::Unsupported
}

/// Removes the staging directories (`.<name>.new-<pid>`) and retired sites
/// (`.<name>.old-<pid>`) that builds of `<name>` left in `parent` when they were killed:
/// those whose process is no longer running. Those of a running process are a concurrent
/// build's, and are left alone: two builds of the same output each stage in their own
/// directory, and the last to finish wins, with a complete site either way.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    let own = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|f| leftover_pid(f, name)) else { continue };
        let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
        // Our own pid on a leftover means an earlier process had it: ours stages only once.
        if is_dir && (pid == own || !is_running(pid, &entry.path())) {
            let _ = remove_tree(&entry.path());
        }
    }
}

/// The process id in `.<name>.new-<pid>` or `.<name>.old-<pid>`.
fn leftover_pid(file_name: &str, name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_prefix(name)?;
    let digits = rest.strip_prefix(".new-").or_else(|| rest.strip_prefix(".old-"))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // More digits than any process id has: not a running process's.
    Some(digits.parse().unwrap_or(u32::MAX))
}

/// Whether process `pid` is running. A recycled pid keeps a leftover until that process
/// ends, which is harmless; a build in another pid namespace sharing the folder is not seen.
#[cfg(target_os = "linux")]
fn is_running(pid: u32, _leftover: &Path) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 sends nothing; the call only checks that the process exists.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Without a way to ask about a process here, a leftover untouched for a day is taken for a
/// killed build's.
#[cfg(not(target_os = "linux"))]
fn is_running(_pid: u32, leftover: &Path) -> bool {
    let age = fs::symlink_metadata(leftover).and_then(|m| m.modified()).ok();
    let age = age.and_then(|t| t.elapsed().ok());
    age.is_none_or(|age| age < std::time::Duration::from_secs(24 * 60 * 60))
}

impl Sink for Staging {
    fn put(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = site_path(&self.dir, rel)?;
        // Directories made so far, by their path relative to the site (a hash of the short
        // string: comparing `PathBuf`s component by component showed in profiles).
        if let Some((parent, _)) = rel.rsplit_once('/') {
            let known = self.made.lock().unwrap_or_else(|e| e.into_inner()).contains(parent);
            if !known {
                fs::create_dir_all(self.dir.join(parent))?;
                self.made.lock().unwrap_or_else(|e| e.into_inner()).insert(parent.to_string());
            }
        }
        fs::write(&path, bytes)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        if rel.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }
}

/// Where site-relative path `rel` (with `/`) goes below `root`; an error for a path that
/// would leave it (`..`) or has empty parts. Every sink that writes files uses it.
pub(crate) fn site_path(root: &Path, rel: &str) -> std::io::Result<PathBuf> {
    if rel.split('/').any(|p| p == ".." || p.is_empty()) {
        return Err(std::io::Error::other(format!("refusing to write outside the site: `{rel}`")));
    }
    Ok(root.join(rel))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes in-memory `files` to `out` atomically.
pub fn write_site(out: &Path, files: &Files) -> Result<()> {
    let staging = Staging::new(out)?;
    for (rel, bytes) in files {
        staging.put(rel, bytes).with_context(|| format!("failed to write `{rel}`"))?;
    }
    staging.commit()
}

#[cfg(test)]
mod tests;
