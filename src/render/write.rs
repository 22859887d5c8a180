//! Writing the site to disk, atomically: files go to a staging directory beside the output
//! as they are rendered, and the staging directory replaces the output only when the whole
//! build succeeded. A failed build leaves the previous site exactly as it was.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result};

use crate::render::{Files, Sink};

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
    /// Creates `.<name>.new-<pid>` beside `out`.
    pub fn new(out: &Path) -> Result<Staging> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .with_context(|| format!("failed to create `{}`", parent.display()))?;
        let name =
            out.file_name().map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.new-{pid}"));
        let retired = parent.join(format!(".{name}.old-{pid}"));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir)
            .with_context(|| format!("failed to create `{}`", dir.display()))?;
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

    /// Replaces the output directory with the staged tree.
    pub fn commit(mut self) -> Result<()> {
        let had_old = self.out.exists();
        if had_old {
            fs::rename(&self.out, &self.retired).with_context(|| {
                format!("failed to move the previous `{}` aside", self.out.display())
            })?;
        }
        if let Err(err) = fs::rename(&self.dir, &self.out) {
            if had_old {
                let _ = fs::rename(&self.retired, &self.out);
            }
            return Err(err).with_context(|| {
                format!("failed to move the new site into `{}`", self.out.display())
            });
        }
        self.committed = true;
        if had_old {
            // The old site's top-level entries (a directory per locale) in parallel, then
            // the rest: removing a large site file by file is otherwise one core's work.
            if let Ok(entries) = fs::read_dir(&self.retired) {
                use rayon::prelude::*;
                let paths: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                paths.par_iter().for_each(|path| {
                    let _ = if path.is_dir() {
                        fs::remove_dir_all(path)
                    } else {
                        fs::remove_file(path)
                    };
                });
            }
            fs::remove_dir_all(&self.retired).with_context(|| {
                format!("failed to remove the previous site at `{}`", self.retired.display())
            })?;
        }
        Ok(())
    }
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
mod tests {
    use super::*;

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
        let leftovers: Vec<_> =
            fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("site")]);
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
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
