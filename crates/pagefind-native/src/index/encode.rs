//! The encodings of Pagefind 1.6's index files: its CBOR records (the same `minicbor`
//! derives as Pagefind's `index_metadata.rs` and `index_filter.rs`, with borrowed fields
//! where Pagefind owns them, which encode to the same bytes; the word index is written by
//! [`super::postings`]), its hash names (`utils::full_hash`) and its gzip framing
//! (`output::write`).

use std::cell::RefCell;
use std::fmt::Write as _;

use std::io::Write as _;

use flate2::write::DeflateEncoder;
use flate2::{Compression, Crc};
use minicbor::Encode;
use sha1::{Digest, Sha1};

/// `filter/*.pf_filter` (Pagefind's `FilterIndex`).
#[derive(Encode)]
pub(crate) struct FilterIndex<'a> {
    #[n(0)]
    pub(crate) filter: &'a str,
    #[n(1)]
    pub(crate) values: Vec<PackedValue<'a>>,
}

/// One filter value and its pages (Pagefind's `PackedValue`).
#[derive(Encode)]
pub(crate) struct PackedValue<'a> {
    #[n(0)]
    pub(crate) value: &'a str,
    #[n(1)]
    pub(crate) pages: Vec<usize>,
}

/// `pagefind.*.pf_meta` (Pagefind's `MetaIndex`).
#[derive(Encode)]
pub(crate) struct MetaIndex<'a> {
    #[n(0)]
    pub(crate) version: &'a str,
    #[n(1)]
    pub(crate) pages: &'a [MetaPage],
    #[n(2)]
    pub(crate) index_chunks: &'a [MetaChunk],
    #[n(3)]
    pub(crate) filters: &'a [MetaFilter],
    #[n(4)]
    pub(crate) sorts: &'a [MetaSort],
    #[n(5)]
    pub(crate) meta_fields: &'a [String],
}

/// The words range of one index chunk and its file (Pagefind's `MetaChunk`).
#[derive(Encode, Debug, Clone, PartialEq)]
pub(crate) struct MetaChunk {
    #[n(0)]
    pub(crate) from: String,
    #[n(1)]
    pub(crate) to: String,
    #[n(2)]
    pub(crate) hash: String,
}

/// One page: its fragment, word count and fragment group (Pagefind's `MetaPage`).
#[derive(Encode, Debug)]
pub(crate) struct MetaPage {
    #[n(0)]
    pub(crate) hash: String,
    #[n(1)]
    pub(crate) word_count: u32,
    #[n(2)]
    pub(crate) group_hash: String,
}

/// A filter and its file (Pagefind's `MetaFilter`).
#[derive(Encode, Debug)]
pub(crate) struct MetaFilter {
    #[n(0)]
    pub(crate) filter: String,
    #[n(1)]
    pub(crate) hash: String,
}

/// A sort key and the page numbers in its order (Pagefind's `MetaSort`).
#[derive(Encode, Debug)]
pub(crate) struct MetaSort {
    #[n(0)]
    pub(crate) sort: String,
    #[n(1)]
    pub(crate) pages: Vec<usize>,
}

/// CBOR bytes of `value`, as Pagefind's `minicbor::encode(value, &mut Vec<u8>)`.
pub(crate) fn cbor<T: Encode<()>>(value: &T) -> Vec<u8> {
    let mut bytes = Vec::new();
    minicbor::encode(value, &mut bytes).expect("writing to a Vec does not fail");
    bytes
}

/// Pagefind's `utils::full_hash`: SHA-1 in lowercase hex, each byte without zero padding
/// (so 20 to 40 characters).
pub(crate) fn full_hash(bytes: &[u8]) -> String {
    let digest = Sha1::digest(bytes);
    let mut hex = String::with_capacity(40);
    for byte in digest {
        let _ = write!(hex, "{byte:x}");
    }
    hex
}

/// `s[..len]`, or all of `s` when it is shorter: Pagefind slices its hashes without that
/// check (and panics) in cases that need a language tag longer than the hash.
pub(crate) fn prefix(s: &str, len: usize) -> &str {
    s.get(..len).unwrap_or(s)
}

/// How the index's files are gzipped: at [`super::Options::gzip_level`], through its
/// [`GzipMemo`] when it has one.
#[derive(Clone, Copy)]
pub(crate) struct Gz<'a> {
    level: u32,
    memo: Option<&'a GzipMemo>,
}

impl<'a> Gz<'a> {
    pub(crate) fn of(options: &'a super::Options) -> Gz<'a> {
        Gz { level: options.gzip_level, memo: options.gzip_memo.as_deref() }
    }

    /// [`gzip`] of `contents`, or the same bytes from the memo.
    pub(crate) fn gzip(self, contents: &[u8]) -> Vec<u8> {
        let Some(memo) = self.memo else { return gzip(contents, self.level) };
        let key = (self.level, contents.len(), Sha1::digest(contents).into());
        if let Some(bytes) = memo.get(&key) {
            return bytes;
        }
        let bytes = gzip(contents, self.level);
        memo.put(key, bytes.clone());
        bytes
    }
}

type MemoKey = (u32, usize, [u8; 20]);
type MemoMap = std::collections::HashMap<MemoKey, Vec<u8>>;

/// The gzipped files of the last index and of the one being built, by level, length and
/// SHA-1 of what was gzipped: an index rebuilt after a small change (one page edited, as in
/// a live preview) gzips only the files that changed, which is most of the work for files
/// that did not. [`GzipMemo::next_generation`] before each index forgets what the one before
/// last wrote, so the memo holds at most two indexes' files.
#[derive(Default)]
pub struct GzipMemo {
    generations: std::sync::Mutex<(MemoMap, MemoMap)>,
}

impl GzipMemo {
    /// Starts a new index: what the last one did not use is forgotten.
    pub fn next_generation(&self) {
        let mut generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        let current = std::mem::take(&mut generations.0);
        generations.1 = current;
    }

    fn get(&self, key: &MemoKey) -> Option<Vec<u8>> {
        let mut generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(bytes) = generations.0.get(key) {
            return Some(bytes.clone());
        }
        let bytes = generations.1.remove(key)?;
        generations.0.insert(*key, bytes.clone());
        Some(bytes)
    }

    fn put(&self, key: MemoKey, bytes: Vec<u8>) {
        self.generations.lock().unwrap_or_else(|e| e.into_inner()).0.insert(key, bytes);
    }
}

impl std::fmt::Debug for GzipMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        f.debug_struct("GzipMemo")
            .field("files", &generations.0.len())
            .field("previous", &generations.1.len())
            .finish()
    }
}

/// Memos are compared by identity: two options are equal when they share one.
impl PartialEq for GzipMemo {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for GzipMemo {}

/// A file's bytes as Pagefind writes its `Compress::GZ` files: `b"pagefind_dcd"` followed
/// by `contents`, written in the same two calls to a gzip encoder at `level` (Pagefind's is
/// the best, 9: see [`super::Options::gzip_level`]): flate2's `GzEncoder`, whose header,
/// deflate stream (the same encoder as its `DeflateEncoder`'s), CRC-32 and length this
/// writes. Each thread keeps its encoder from file to file: a new one allocates and zeroes
/// its tables, far larger than a small page's files, so a site of small pages would spend a
/// large share of its indexing on them.
pub(crate) fn gzip(contents: &[u8], level: u32) -> Vec<u8> {
    const SIGNATURE: &[u8] = b"pagefind_dcd";
    thread_local! {
        static ENCODER: RefCell<Option<(u32, DeflateEncoder<Vec<u8>>)>> =
            const { RefCell::new(None) };
    }
    let level = level.min(9);
    // GzBuilder's header: no flags, no mtime, XFL 2 at the best level and 4 at the fastest
    // (or none), OS 255 (unknown).
    let xfl = match level {
        9 => 2,
        0 | 1 => 4,
        _ => 0,
    };
    let mut out = Vec::with_capacity(contents.len() / 3 + 64);
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 255]);
    let written: std::io::Result<Vec<u8>> = ENCODER.with_borrow_mut(|kept| {
        let encoder = match kept {
            Some((kept_level, encoder)) if *kept_level == level => encoder,
            _ => {
                let encoder = DeflateEncoder::new(Vec::new(), Compression::new(level));
                &mut kept.insert((level, encoder)).1
            }
        };
        // Ends the previous stream (ended already), resets the compressor, keeps its tables.
        encoder.reset(out)?;
        encoder.write_all(SIGNATURE)?;
        encoder.write_all(contents)?;
        encoder.try_finish()?;
        Ok(std::mem::take(encoder.get_mut()))
    });
    let mut out = written.expect("writing to a Vec does not fail");
    let mut crc = Crc::new();
    crc.update(SIGNATURE);
    crc.update(contents);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    out.extend_from_slice(&crc.amount().to_le_bytes());
    // Fragments are kept until their language is written: without the spare capacity.
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Pagefind's `output::write` does: a `GzEncoder`, two writes.
    fn gz_encoder(contents: &[u8], level: u32) -> Vec<u8> {
        use std::io::Write as _;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), Compression::new(level));
        gz.write_all(b"pagefind_dcd").unwrap();
        gz.write_all(contents).unwrap();
        gz.finish().unwrap()
    }

    #[test]
    fn gzip_as_gz_encoder() {
        // Empty, small, and larger than the window and flate2's 32 KB buffer, incompressible
        // and repetitive, one after the other on one thread's compressor, at each level.
        let mut noise = Vec::new();
        let mut x = 1u32;
        for _ in 0..200_000 {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            noise.push((x >> 24) as u8);
        }
        let text = "Suspend every active subscription. ".repeat(5_000);
        for level in [9, 9, 6, 1, 0, 9] {
            for contents in [&b""[..], b"a", &noise, text.as_bytes(), b"a"] {
                let (ours, flate2) = (gzip(contents, level), gz_encoder(contents, level));
                assert!(ours == flate2, "level {level}, {} bytes", contents.len());
            }
        }
    }

    #[test]
    fn full_hash_does_not_pad_bytes() {
        // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d: 0x06 -> "6".
        assert_eq!(full_hash(b"abc"), "a9993e36476816aba3e25717850c26c9cd0d89d");
    }
}
