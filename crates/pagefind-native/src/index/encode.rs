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

use super::Deflater;

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
    hex(&Sha1::digest(bytes).into())
}

/// [`full_hash`] of bytes whose SHA-1 is `digest`.
fn hex(digest: &[u8; 20]) -> String {
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
    deflater: Deflater,
    memo: Option<&'a GzipMemo>,
}

impl<'a> Gz<'a> {
    pub(crate) fn of(options: &'a super::Options) -> Gz<'a> {
        Gz {
            level: options.gzip_level,
            deflater: options.deflater,
            memo: options.gzip_memo.as_deref(),
        }
    }

    /// The file of `contents` (see [`gzip`]) with this deflater.
    fn compress(self, contents: &[u8]) -> Vec<u8> {
        match self.deflater {
            Deflater::Zlib => gzip(contents, self.level),
            Deflater::Libdeflate => gzip_libdeflate(contents, self.level),
        }
    }

    /// The gzipped file of `contents`, or the same bytes from the memo.
    pub(crate) fn gzip(self, contents: &[u8]) -> Vec<u8> {
        match self.memo {
            None => self.compress(contents),
            Some(memo) => self.gzip_digested(memo, contents, &Sha1::digest(contents).into()),
        }
    }

    /// [`full_hash`] of `contents` and [`Gz::gzip`] of them, hashing them once.
    pub(crate) fn hash_and_gzip(self, contents: &[u8]) -> (String, Vec<u8>) {
        let digest: [u8; 20] = Sha1::digest(contents).into();
        let gzipped = match self.memo {
            None => self.compress(contents),
            Some(memo) => self.gzip_digested(memo, contents, &digest),
        };
        (hex(&digest), gzipped)
    }

    /// [`Gz::gzip`] through `memo`, of `contents` whose SHA-1 is `digest`.
    fn gzip_digested(self, memo: &GzipMemo, contents: &[u8], digest: &[u8; 20]) -> Vec<u8> {
        // The deflater is part of the level: the memo never mixes the two's bytes.
        let level = self.level | (u32::from(self.deflater == Deflater::Libdeflate) << 8);
        let key = (level, contents.len(), *digest);
        if let Some(bytes) = memo.get(&key) {
            return bytes;
        }
        let bytes = self.compress(contents);
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

/// What every gzipped file of Pagefind's starts with, once inflated.
const SIGNATURE: &[u8] = b"pagefind_dcd";

/// [`gzip`]'s file (`b"pagefind_dcd"` and `contents`, gzipped at `level`) deflated by
/// libdeflate: the same once inflated, other compressed bytes (deterministic for a level).
/// Each thread keeps its compressor and output buffer from file to file, for the same reason
/// as [`gzip`]'s encoder.
pub(crate) fn gzip_libdeflate(contents: &[u8], level: u32) -> Vec<u8> {
    use libdeflater::{CompressionLvl, Compressor};
    thread_local! {
        static KEPT: RefCell<Option<(u32, Compressor, Vec<u8>)>> = const { RefCell::new(None) };
    }
    let level = level.min(9);
    let mut input = Vec::with_capacity(SIGNATURE.len() + contents.len());
    input.extend_from_slice(SIGNATURE);
    input.extend_from_slice(contents);
    KEPT.with_borrow_mut(|kept| {
        let (compressor, out) = match kept {
            Some((kept_level, compressor, out)) if *kept_level == level => (compressor, out),
            _ => {
                // Levels 0 to 9 are all libdeflate's (it has 0 to 12).
                let lvl = CompressionLvl::new(level as i32).unwrap_or_default();
                let (_, compressor, out) = kept.insert((level, Compressor::new(lvl), Vec::new()));
                (compressor, out)
            }
        };
        out.resize(compressor.gzip_compress_bound(input.len()), 0);
        let written = compressor.gzip_compress(&input, out).expect("the bound is room enough");
        out[..written].to_vec()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// libdeflate's files inflate to the signature and the contents, and are the same bytes
    /// each time, on one thread's compressor or a new one.
    #[test]
    fn libdeflate_gzips_the_same_contents() {
        use std::io::Read as _;
        let text = "Suspend every active subscription. ".repeat(5_000);
        for level in [6, 9, 1, 6] {
            for contents in [&b""[..], b"a", text.as_bytes()] {
                let gz = gzip_libdeflate(contents, level);
                let mut inflated = Vec::new();
                flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut inflated).unwrap();
                assert_eq!(&inflated[..SIGNATURE.len()], SIGNATURE);
                assert_eq!(&inflated[SIGNATURE.len()..], contents);
                let again = std::thread::spawn({
                    let contents = contents.to_vec();
                    move || gzip_libdeflate(&contents, level)
                });
                assert_eq!(again.join().unwrap(), gz, "level {level}");
            }
        }
        assert!(gzip_libdeflate(text.as_bytes(), 6).len() < text.len() / 50);
    }

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
