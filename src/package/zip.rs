//! The package's zip, written with the `zip` crate so that it is the same bytes for the same
//! input: entries in the order given (callers pass them sorted), one fixed timestamp
//! (1980-01-01 00:00, the earliest the DOS format holds; no extended-timestamp field), mode
//! rw-r--r--, deflate at level 6 through flate2's zlib-rs backend (pure Rust, and its
//! match finder makes no CPU-dependent choice: the same bytes on every machine). Level 6
//! rather than 9: on a package's pages and scripts level 9 saves next to nothing and costs
//! much more time, and zipping is a large part of a package build.
//!
//! The crate rather than a writer of our own: it gives these bytes run to run and is no
//! slower; tests check the zips with independent readers (Python's `zipfile`, `unzip -t`,
//! node's inflate in the browser tests).
//!
//! The files every format of a package shares (the assets, the Markdown checklists) are
//! compressed once ([`Compressed`]) and copied raw into each format's zip; a raw copy is the
//! same bytes as compressing the entry again, so a zip does not depend on how many formats
//! were built beside it.

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _, Write as _};

use zip::write::SimpleFileOptions;

/// Deflate level (see the module's documentation).
const LEVEL: i64 = 6;

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(LEVEL))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
}

/// Entries compressed once, for several zips. A clone shares the compressed bytes' index
/// and is another handle to read them with.
#[derive(Clone)]
pub(crate) struct Compressed {
    archive: zip::ZipArchive<Cursor<Vec<u8>>>,
    /// What each entry holds: an entry is copied only where the same bytes are asked for.
    bytes: BTreeMap<String, Vec<u8>>,
}

impl Compressed {
    /// Compresses `entries` (name with `/` separators, bytes).
    pub(crate) fn new<'a>(
        entries: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> std::io::Result<Compressed> {
        let bytes: BTreeMap<String, Vec<u8>> =
            entries.into_iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
        let zip = write_zip(bytes.iter().map(|(n, b)| (n.as_str(), b.as_slice())), None)?;
        let archive = zip::ZipArchive::new(Cursor::new(zip)).map_err(std::io::Error::from)?;
        Ok(Compressed { archive, bytes })
    }
}

/// Writes a zip archive of `entries` (name with `/` separators, bytes) in the given order;
/// entries of `shared` with the same bytes are copied from it rather than compressed again.
pub(crate) fn write_zip<'a>(
    entries: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    mut shared: Option<&mut Compressed>,
) -> std::io::Result<Vec<u8>> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        match shared.as_deref_mut() {
            Some(shared) if shared.bytes.get(name).is_some_and(|b| b == bytes) => {
                let index = shared.archive.index_for_name(name);
                let file = index.map_or(Err(zip::result::ZipError::FileNotFound), |i| {
                    shared.archive.by_index_raw(i)
                });
                let file = file.map_err(std::io::Error::from)?;
                writer.raw_copy_file(file).map_err(std::io::Error::from)?;
            }
            _ => {
                writer.start_file(name, options()).map_err(std::io::Error::from)?;
                writer.write_all(bytes)?;
            }
        }
    }
    Ok(writer.finish().map_err(std::io::Error::from)?.into_inner())
}

/// The entries of a zip: name and inflated bytes, in central-directory order. `None` when it
/// is not a zip, or an entry does not inflate to its recorded size and CRC-32.
pub fn read_zip(zip: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).ok()?;
    let mut entries = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).ok()?;
        let mut bytes = Vec::with_capacity(usize::try_from(file.size()).ok()?);
        // The reader checks the CRC-32 when the entry has been read to its end.
        file.read_to_end(&mut bytes).ok()?;
        entries.push((file.name().to_string(), bytes));
    }
    Some(entries)
}
