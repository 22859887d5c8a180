//! Watching the project for `serve`: the notify watcher, its debounce (one rebuild per burst
//! of saves) and the size/mtime snapshot that tells which watched files really changed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result};
use notify::{RecursiveMode, Watcher};

use super::Hub;
use super::rebuild::{idle, update};
use crate::build::session::Session;

/// Directories whose changes trigger a rebuild (templates are compiled in: recompile).
const WATCHED: [&str; 4] = ["content", "locales", "assets", "theme"];

/// How long the watched files must stay unchanged after a change before `serve` rebuilds:
/// an editor's save (temp file and rename, or truncate and write) or a "save all" is one
/// rebuild. The wait is short next to the rebuild itself, so a save still reloads the page
/// without a delay an editor would notice.
const QUIET: Duration = Duration::from_millis(40);

/// The quiet period of a burst that so far names only translation files (`.ftl`): saves
/// in place, whose events (truncate, write) come from one process's consecutive system
/// calls, and a "save all" or formatter writing files a few milliseconds apart. A save
/// through a temporary or backup file names that file too and waits [`QUIET`], so that its
/// rename or removal, which may follow an fsync, joins the burst (else the file would look
/// like a new one, which takes a full rebuild). A burst cut short costs a second partial
/// rebuild, not a wrong one: the snapshot says what changed. An edit's page and its search
/// entry are all a translator waits for, and the quiet period was the largest part of it.
const QUIET_FTL: Duration = Duration::from_millis(20);

/// A burst that never pauses (a program writing all the time) is rebuilt after this long.
const LONGEST_BURST: Duration = Duration::from_millis(1000);

/// Watches the project and applies each burst of changes on a thread of its own until
/// `stop`; the watcher stops when the returned value is dropped.
pub(super) fn start(
    root: &Path,
    out: &Path,
    strict: bool,
    hub: Arc<Hub>,
    stop: Arc<AtomicBool>,
    session: Option<Session>,
) -> Result<notify::RecommendedWatcher> {
    let (tx, rx) = channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).context("cannot start the file watcher")?;
    for dir in WATCHED {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch `{}`", path.display()))?;
        }
    }
    let (root, out) = (root.to_path_buf(), out.to_path_buf());
    let mut seen = Snapshot::default();
    seen.rescan(&root);
    std::thread::spawn(move || {
        let mut session = session;
        while !stop.load(Ordering::SeqCst) {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(Ok(event)) if is_change(&event) => {
                    let paths = wait_for_quiet(&rx, event).map(|paths| {
                        paths.into_iter().map(|path| under_root(&root, path)).collect()
                    });
                    // Rebuild only when a watched file's size or modification time
                    // really changed (not for a file written with the same bytes).
                    let changed = match paths.and_then(|p| seen.update(&p)) {
                        Some(changed) => changed,
                        None => seen.rescan(&root),
                    };
                    if !changed.is_empty() {
                        update(&root, &out, strict, &hub, &mut session, &changed);
                    }
                }
                Ok(Ok(_)) => {}
                Ok(Err(err)) => eprintln!("serve: watch error: {err}"),
                Err(RecvTimeoutError::Timeout) => idle(&mut session),
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
    });
    Ok(watcher)
}

/// Size and modification time of every file under the watched directories.
#[derive(Default)]
struct Snapshot(BTreeMap<PathBuf, (u64, Option<SystemTime>)>);

impl Snapshot {
    /// Reads every watched file's size and modification time again; returns the paths
    /// added, removed or changed, sorted.
    fn rescan(&mut self, root: &Path) -> Vec<PathBuf> {
        let mut now = BTreeMap::new();
        let mut stack: Vec<PathBuf> = WATCHED.iter().map(|d| root.join(d)).collect();
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                let Ok(meta) = entry.metadata() else { continue };
                if meta.is_dir() {
                    stack.push(entry.path());
                } else {
                    now.insert(entry.path(), (meta.len(), meta.modified().ok()));
                }
            }
        }
        let mut changed: Vec<PathBuf> = now
            .iter()
            .filter(|(path, meta)| self.0.get(*path) != Some(*meta))
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(self.0.keys().filter(|path| !now.contains_key(*path)).cloned());
        changed.sort();
        self.0 = now;
        changed
    }

    /// Looks again at only `paths` (the paths of a burst's watch events): the changed
    /// ones, sorted. `None` when a directory came, went or moved (its files are not in
    /// the events): the caller rescans.
    fn update(&mut self, paths: &BTreeSet<PathBuf>) -> Option<Vec<PathBuf>> {
        let mut changed = Vec::new();
        for path in paths {
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => return None,
                Ok(meta) => {
                    let now = (meta.len(), meta.modified().ok());
                    if self.0.insert(path.clone(), now) != Some(now) {
                        changed.push(path.clone());
                    }
                }
                Err(_) if self.0.remove(path).is_some() => changed.push(path.clone()),
                // Gone, and not a file we knew: an editor's temporary file, or a directory
                // (then its files, known or not, are below it).
                Err(_) => {
                    let below = |p: &&PathBuf| p.starts_with(path);
                    if self.0.keys().any(|p| below(&p)) {
                        return None;
                    }
                }
            }
        }
        Some(changed)
    }
}

/// Whether a watch event may be a change. Opening and reading files (the snapshot's
/// directory reads, a build's, an editor's) are not: counted as changes, `serve`'s own
/// reads after a rebuild would start the next one, forever.
fn is_change(event: &notify::Event) -> bool {
    !matches!(event.kind, notify::EventKind::Access(_))
}

/// `path`, from a watch event (absolute: the watcher joins a relative root to the working
/// directory), as the snapshot and the session name it: below `root` as given.
fn under_root(root: &Path, path: PathBuf) -> PathBuf {
    if root.is_absolute() {
        return path;
    }
    let absolute = std::env::current_dir().map(|dir| dir.join(root));
    match absolute.as_ref().map(|abs| path.strip_prefix(abs)) {
        Ok(Ok(rel)) => root.join(rel),
        _ => path,
    }
}

/// Waits from `first` until no change has come for [`QUIET`] (at most [`LONGEST_BURST`]
/// in all): one rebuild per burst. Returns the paths the burst's events name; `None` when
/// the watcher lost track (an event without paths, or one that asks for a rescan).
fn wait_for_quiet(
    rx: &Receiver<notify::Result<notify::Event>>,
    first: notify::Event,
) -> Option<BTreeSet<PathBuf>> {
    fn add(paths: &mut Option<BTreeSet<PathBuf>>, event: notify::Event) {
        if event.paths.is_empty() || event.need_rescan() {
            *paths = None;
        }
        if let Some(paths) = paths.as_mut() {
            paths.extend(event.paths);
        }
    }
    let mut paths = Some(BTreeSet::new());
    add(&mut paths, first);
    let started = Instant::now();
    let mut quiet_from = started;
    while started.elapsed() < LONGEST_BURST {
        let wait = quiet_period(paths.as_ref()).saturating_sub(quiet_from.elapsed());
        match rx.recv_timeout(wait) {
            Ok(Ok(event)) if is_change(&event) => {
                quiet_from = Instant::now();
                add(&mut paths, event);
            }
            Ok(Ok(_)) => {}
            Ok(Err(_)) => paths = None,
            Err(_) => break,
        }
    }
    paths
}

/// How long a burst of events naming `paths` (`None`: unknown) waits for more.
fn quiet_period(paths: Option<&BTreeSet<PathBuf>>) -> Duration {
    let ftl = |path: &PathBuf| path.extension().is_some_and(|ext| ext == "ftl");
    match paths {
        Some(paths) if !paths.is_empty() && paths.iter().all(ftl) => QUIET_FTL,
        _ => QUIET,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A save in place of translation files waits the short period; one that names any
    /// other file (an editor's temporary or backup file) or none the long one.
    #[test]
    fn only_translation_files_take_the_short_quiet_period() {
        let set = |names: &[&str]| -> BTreeSet<PathBuf> {
            names.iter().map(|n| PathBuf::from(format!("locales/de-DE/{n}"))).collect()
        };
        assert_eq!(quiet_period(Some(&set(&["a.ftl", "b.ftl"]))), QUIET_FTL);
        assert_eq!(quiet_period(Some(&set(&["a.ftl", "a.ftl~"]))), QUIET);
        assert_eq!(quiet_period(Some(&set(&["a.ftl", ".a.ftl.swp"]))), QUIET);
        assert_eq!(quiet_period(Some(&set(&["a.ftl.tmp"]))), QUIET);
        assert_eq!(quiet_period(Some(&set(&[]))), QUIET);
        assert_eq!(quiet_period(None), QUIET);
        assert!(QUIET_FTL < QUIET);
    }

    #[test]
    fn reads_are_not_changes() {
        use notify::event::{AccessKind, CreateKind, EventKind};
        let event = |kind| notify::Event::new(kind).add_path("locales/x.ftl".into());
        assert!(!is_change(&event(EventKind::Access(AccessKind::Any))));
        assert!(is_change(&event(EventKind::Create(CreateKind::File))));
    }

    /// After a burst, only the events' paths are looked at again; a directory that came or
    /// went makes the caller rescan.
    #[test]
    fn a_snapshot_looks_again_at_the_paths_of_events() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("locales/de-DE")).unwrap();
        let file = root.join("locales/de-DE/a.ftl");
        std::fs::write(&file, "a = 1\n").unwrap();
        let mut seen = Snapshot::default();
        assert_eq!(seen.rescan(root), vec![file.clone()]);
        let paths = |list: &[&PathBuf]| list.iter().map(|p| p.to_path_buf()).collect();
        assert_eq!(seen.update(&paths(&[&file])), Some(vec![]), "unchanged");
        std::fs::write(&file, "a = 12\n").unwrap();
        assert_eq!(seen.update(&paths(&[&file])), Some(vec![file.clone()]));
        let temp = root.join("locales/de-DE/.a.ftl.swp");
        assert_eq!(seen.update(&paths(&[&temp])), Some(vec![]), "came and went");
        std::fs::remove_file(&file).unwrap();
        assert_eq!(seen.update(&paths(&[&file])), Some(vec![file.clone()]), "removed");
        std::fs::write(&file, "a = 1\n").unwrap();
        seen.rescan(root);
        let moved = root.join("moved");
        std::fs::rename(root.join("locales/de-DE"), &moved).unwrap();
        assert_eq!(seen.update(&paths(&[&root.join("locales/de-DE")])), None, "a directory went");
        std::fs::rename(&moved, root.join("locales/de-DE")).unwrap();
        assert_eq!(seen.update(&paths(&[&root.join("locales/de-DE")])), None, "and came");
        assert_eq!(seen.rescan(root), Vec::<PathBuf>::new());
    }
}
