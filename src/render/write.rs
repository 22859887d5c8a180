//! Writing the rendered site to disk, atomically: the new tree is written beside the output
//! directory and swapped in only when complete, so a failed build leaves the old site as it
//! was.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::render::Files;

/// Writes `files` to `out`, replacing its previous contents in one swap.
pub fn write_site(out: &Path, files: &Files) -> Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)
        .with_context(|| format!("failed to create `{}`", parent.display()))?;
    let name =
        out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.new-{pid}"));
    let retired = parent.join(format!(".{name}.old-{pid}"));
    let _ = fs::remove_dir_all(&staging);
    let result = write_tree(&staging, files).and_then(|()| swap(&staging, out, &retired));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn write_tree(dir: &Path, files: &Files) -> Result<()> {
    for (rel, bytes) in files {
        debug_assert!(!rel.split('/').any(|p| p == ".." || p.is_empty()));
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("failed to create `{}`", parent.display()))?;
        }
        fs::write(&path, bytes).with_context(|| format!("failed to write `{}`", path.display()))?;
    }
    Ok(())
}

fn swap(staging: &Path, out: &Path, retired: &Path) -> Result<()> {
    let had_old = out.exists();
    if had_old {
        fs::rename(out, retired)
            .with_context(|| format!("failed to move the previous `{}` aside", out.display()))?;
    }
    if let Err(err) = fs::rename(staging, out) {
        if had_old {
            let _ = fs::rename(retired, out);
        }
        return Err(err)
            .with_context(|| format!("failed to move the new site into `{}`", out.display()));
    }
    if had_old {
        fs::remove_dir_all(retired).with_context(|| {
            format!("failed to remove the previous site at `{}`", retired.display())
        })?;
    }
    Ok(())
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
}
