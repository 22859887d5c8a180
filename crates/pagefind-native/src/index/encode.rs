//! The encodings of Pagefind 1.6's index files: its CBOR records (the same `minicbor`
//! derives as Pagefind's `index_metadata.rs` and `index_filter.rs`, with borrowed fields
//! where Pagefind owns them, which encode to the same bytes; the word index is written by
//! [`super::postings`]), its hash names (`utils::full_hash`) and its gzip framing
//! (`output::write`).

use std::fmt::Write as _;
use std::io::Write as _;

use flate2::Compression;
use flate2::write::GzEncoder;
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

/// A file's bytes as Pagefind writes its `Compress::GZ` files: gzip of `b"pagefind_dcd"`
/// followed by `contents`, written in the same two calls, at `level` (Pagefind's is the
/// best, 9: see [`super::Options::gzip_level`]).
pub(crate) fn gzip(contents: &[u8], level: u32) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::new(level.min(9)));
    gz.write_all(b"pagefind_dcd")
        .and_then(|()| gz.write_all(contents))
        .expect("writing to a Vec does not fail");
    let mut gzipped = gz.finish().expect("writing to a Vec does not fail");
    // Fragments are kept until their language is written: without the spare capacity.
    gzipped.shrink_to_fit();
    gzipped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_hash_does_not_pad_bytes() {
        // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d: 0x06 -> "6".
        assert_eq!(full_hash(b"abc"), "a9993e36476816aba3e25717850c26c9cd0d89d");
    }
}
