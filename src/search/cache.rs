//! A cache of each locale's search index, so that a rebuild indexes only the locales whose
//! pages changed: indexing is still a large part of a full build's time, and most rebuilds
//! change one locale, or none.
//!
//! An entry is the index of one locale's pages, exactly as [`super::Indexer`] would build it,
//! under a key that hashes everything the index is made from: the pages Pagefind reads
//! (paths and bytes, in order) and the program that indexes them (its version, and the size
//! and modification time of its executable, so that any rebuilt `drillbook`, with another
//! indexer or other options, starts afresh). Same key, same bytes: a cached locale gives
//! the files indexing would have given, and the site stays byte-identical.
//!
//! Entries are single files written to a temporary name and renamed into place, so that a
//! build never reads half an entry. Each entry also carries the key it was stored under and
//! a hash of its contents, both checked when it is read: an entry that is unreadable,
//! malformed, damaged (a byte changed, zeroed or cut off) or under another key's name (a
//! file swapped or copied) is a miss, and the locale is indexed afresh. Failing to
//! write the cache never fails a build: it is only slower next time. After each build the
//! entries it did not use are pruned to the [`KEEP_UNUSED`] most recently used.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use crate::render::Files;

/// Where a project keeps its cache, below its root (git-ignored, like the built site).
pub const DIR: &str = ".drillbook-cache/search";

/// Entries that the last build did not use, kept for switching back (another branch, a
/// `--locale` subset, an edit undone); older ones are deleted.
pub const KEEP_UNUSED: usize = 24;

/// The first bytes of an entry file: the format, which the key also covers.
const MAGIC: &[u8] = b"drillbook search index 2\n";

/// The file name extension of entries.
const EXT: &str = "pfcache";

/// A cache directory of search indexes (see the module docs).
pub struct Cache {
    dir: PathBuf,
    /// Hash of the indexing program, the first input of every key.
    program: [u8; 32],
    /// The keys this run read or wrote: pruning keeps them.
    used: Mutex<BTreeSet<String>>,
}

impl Cache {
    /// The cache in `dir` (made on the first write). `None` when the running executable
    /// cannot be identified: without it, a key cannot tell two programs apart.
    pub fn open(dir: &Path) -> Option<Cache> {
        let exe = std::env::current_exe().ok()?;
        let meta = std::fs::metadata(exe).ok()?;
        let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        let mut program = Sha256::new();
        program.update(MAGIC);
        program.update(env!("CARGO_PKG_VERSION").as_bytes());
        program.update(meta.len().to_le_bytes());
        program.update(modified.as_nanos().to_le_bytes());
        Some(Cache {
            dir: dir.to_path_buf(),
            program: program.finalize().into(),
            used: Mutex::default(),
        })
    }

    /// The same cache, for another thread: it shares nothing with this one (the keys it
    /// uses are its own).
    pub fn detached(&self) -> Cache {
        Cache { dir: self.dir.clone(), program: self.program, used: Mutex::default() }
    }

    /// The key of an index of `pages` (path order, as the indexer adds them).
    pub fn key(&self, pages: &Files) -> String {
        let mut hash = Sha256::new();
        hash.update(self.program);
        for (path, bytes) in pages {
            hash.update((path.len() as u64).to_le_bytes());
            hash.update(path.as_bytes());
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        }
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.{EXT}"))
    }

    fn mark_used(&self, key: &str) {
        self.used.lock().unwrap_or_else(|e| e.into_inner()).insert(key.to_string());
    }

    /// The files cached under `key`, if there is a whole, intact entry stored under that
    /// key; marks it recently used.
    pub fn get(&self, key: &str) -> Option<Files> {
        let path = self.path(key);
        let files = decode(key, &std::fs::read(&path).ok()?)?;
        self.mark_used(key);
        // Recently used for pruning: the modification time. A failure only ages it.
        if let Ok(file) = std::fs::File::options().append(true).open(&path) {
            let _ = file.set_modified(std::time::SystemTime::now());
        }
        Some(files)
    }

    /// Stores `files` under `key`. Errors are ignored (see the module docs).
    pub fn put(&self, key: &str, files: &Files) {
        self.mark_used(key);
        let _ = self.write(key, files);
    }

    fn write(&self, key: &str, files: &Files) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        // A name of this process and thread: concurrent builds never share a temp file.
        let tmp = self.dir.join(format!(
            ".{key}.{}.{:?}.tmp",
            std::process::id(),
            std::thread::current().id()
        ));
        let result = std::fs::File::create(&tmp)
            .and_then(|mut file| file.write_all(&encode(key, files)))
            .and_then(|()| std::fs::rename(&tmp, self.path(key)));
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// Deletes the entries this run did not use, but the [`KEEP_UNUSED`] most recently used
    /// of them, and leftover temporary files of runs that were killed (older than an hour).
    pub fn prune(&self) {
        let Ok(dir) = std::fs::read_dir(&self.dir) else { return };
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let mut unused = Vec::new();
        for entry in dir.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            if name.starts_with('.') && name.ends_with(".tmp") {
                let old =
                    modified.and_then(|m| m.elapsed().ok()).is_some_and(|age| age.as_secs() > 3600);
                if old {
                    let _ = std::fs::remove_file(&path);
                }
                continue;
            }
            let Some(key) = name.strip_suffix(&format!(".{EXT}")) else { continue };
            if !used.contains(key) {
                unused.push((modified, path));
            }
        }
        // Most recent first; ties by path, so that the same directory prunes the same way.
        unused.sort_by(|a, b| b.cmp(a));
        for (_, path) in unused.into_iter().skip(KEEP_UNUSED) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// An entry's bytes: [`MAGIC`], the key it is stored under (its length, u32 little-endian,
/// and its bytes), the SHA-256 of the rest, then per file its name's length (u32), the name,
/// its length (u64) and its bytes.
fn encode(key: &str, files: &Files) -> Vec<u8> {
    let size = files.iter().map(|(name, bytes)| 12 + name.len() + bytes.len()).sum::<usize>();
    let mut payload = Vec::with_capacity(size);
    for (name, bytes) in files {
        payload.extend_from_slice(&(name.len() as u32).to_le_bytes());
        payload.extend_from_slice(name.as_bytes());
        payload.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        payload.extend_from_slice(bytes);
    }
    let mut out = Vec::with_capacity(MAGIC.len() + 4 + key.len() + 32 + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(key.len() as u32).to_le_bytes());
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(&Sha256::digest(&payload));
    out.extend_from_slice(&payload);
    out
}

/// The files of the entry `bytes`; `None` unless it is a whole, well-formed one (names in
/// order, each once, nothing left over), stored under `key`, whose contents hash to the
/// hash it holds.
fn decode(key: &str, bytes: &[u8]) -> Option<Files> {
    fn take<'a>(rest: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        let (head, tail) = rest.split_at_checked(n)?;
        *rest = tail;
        Some(head)
    }
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let key_len = u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?) as usize;
    if take(&mut rest, key_len)? != key.as_bytes() {
        return None;
    }
    let hash = take(&mut rest, 32)?;
    if Sha256::digest(rest).as_slice() != hash {
        return None;
    }
    let mut files = Files::new();
    while !rest.is_empty() {
        let name_len = u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?) as usize;
        let name = std::str::from_utf8(take(&mut rest, name_len)?).ok()?.to_string();
        let len = usize::try_from(u64::from_le_bytes(take(&mut rest, 8)?.try_into().ok()?)).ok()?;
        let data = take(&mut rest, len)?.to_vec();
        if files.last_key_value().is_some_and(|(last, _)| *last >= name) {
            return None;
        }
        files.insert(name, data);
    }
    Some(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn files(entries: &[(&str, &str)]) -> Files {
        entries.iter().map(|(n, b)| (n.to_string(), b.as_bytes().to_vec())).collect()
    }

    #[test]
    fn an_entry_round_trips_and_a_truncated_one_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        let stored = files(&[("index/de-de_1.pf_index", "abc"), ("pagefind.js", "")]);
        let key = cache.key(&files(&[("de-DE/a/index.html", "<html>")]));
        assert_eq!(cache.get(&key), None);
        cache.put(&key, &stored);
        assert_eq!(cache.get(&key), Some(stored.clone()));
        let path = cache.path(&key);
        let whole = std::fs::read(&path).unwrap();
        std::fs::write(&path, &whole[..whole.len() - 1]).unwrap();
        assert_eq!(cache.get(&key), None, "a truncated entry is a miss");
        std::fs::write(&path, b"garbage").unwrap();
        assert_eq!(cache.get(&key), None, "a foreign file is a miss");
    }

    #[test]
    fn keys_tell_paths_bytes_and_boundaries_apart() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        let a = cache.key(&files(&[("a", "bc")]));
        assert_eq!(a, cache.key(&files(&[("a", "bc")])), "same pages, same key");
        assert_ne!(a, cache.key(&files(&[("ab", "c")])));
        assert_ne!(a, cache.key(&files(&[("a", "bd")])));
        assert_ne!(a, cache.key(&files(&[("a", "bc"), ("b", "")])));
        assert_eq!(a.len(), 64);
    }

    #[test]
    fn pruning_keeps_what_this_run_used_and_the_most_recent_others() {
        let dir = tempfile::tempdir().unwrap();
        let old = Cache::open(dir.path()).unwrap();
        let keys: Vec<String> =
            (0..KEEP_UNUSED + 3).map(|i| old.key(&files(&[("p", &i.to_string())]))).collect();
        let now = std::time::SystemTime::now();
        for (i, key) in keys.iter().enumerate() {
            old.put(key, &files(&[("f", "x")]));
            // Entry i was last used i minutes ago.
            let file = std::fs::File::options().append(true).open(old.path(key)).unwrap();
            file.set_modified(now - std::time::Duration::from_secs(60 * i as u64)).unwrap();
        }
        let run = Cache::open(dir.path()).unwrap();
        let oldest = keys.last().unwrap();
        assert!(run.get(oldest).is_some());
        run.prune();
        let kept = |key: &String| run.path(key).exists();
        assert!(kept(oldest), "used by this run");
        assert!(keys[..KEEP_UNUSED].iter().all(kept), "the most recent unused ones");
        assert!(!keys[KEEP_UNUSED..keys.len() - 1].iter().any(kept), "older unused ones go");
    }

    proptest! {
        #[test]
        fn decoding_never_panics_and_encoding_round_trips(
            entries in proptest::collection::btree_map("[a-z/._]{0,12}", any::<Vec<u8>>(), 0..6),
            noise in any::<Vec<u8>>(),
        ) {
            prop_assert_eq!(decode("k", &encode("k", &entries)), Some(entries.clone()));
            prop_assert_eq!(decode("j", &encode("k", &entries)), None);
            let mut bytes = MAGIC.to_vec();
            bytes.extend(&noise);
            let _ = decode("k", &bytes);
            let _ = decode("k", &noise);
        }
    }
}
