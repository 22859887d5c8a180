//! A deterministic zip writer: entries in the order given (callers pass them sorted), one
//! fixed timestamp, deflate at one fixed level (miniz_oxide, pure Rust: the same bytes on
//! every machine), no extra fields, UTF-8 names. Small enough to own rather than bend a
//! general zip crate into producing identical bytes.

use std::io::Write as _;

/// 1980-01-01 00:00:00, the earliest time the DOS date format holds.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Bit 11: names are UTF-8.
const FLAGS: u16 = 1 << 11;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;

/// Writes a zip archive of `entries` (name with `/` separators, bytes) in the given order.
/// Files whose deflated form is not smaller are stored.
pub(crate) fn write_zip<'a>(entries: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let mut count: u16 = 0;
    for (name, bytes) in entries {
        let crc = crc32(bytes);
        let deflated = deflate(bytes);
        let (method, data) = match deflated.len() < bytes.len() {
            true => (DEFLATED, deflated.as_slice()),
            false => (STORED, bytes),
        };
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::with_capacity(46 + name.len());
            h.extend_from_slice(&sig.to_le_bytes());
            if central {
                h.extend_from_slice(&20u16.to_le_bytes()); // made by: MS-DOS, 2.0
            }
            for field in [20u16, FLAGS, method, DOS_TIME, DOS_DATE] {
                h.extend_from_slice(&field.to_le_bytes());
            }
            for field in [crc, data.len() as u32, bytes.len() as u32] {
                h.extend_from_slice(&field.to_le_bytes());
            }
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra field length
            if central {
                // Comment length, disk number, internal attributes, external attributes
                // (regular file, rw-r--r--), offset of the local header.
                h.extend_from_slice(&0u16.to_le_bytes());
                h.extend_from_slice(&0u16.to_le_bytes());
                h.extend_from_slice(&0u16.to_le_bytes());
                h.extend_from_slice(&(0o100644u32 << 16).to_le_bytes());
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend_from_slice(&header(0x0403_4b50, false));
        out.extend_from_slice(data);
        central.extend_from_slice(&header(0x0201_4b50, true));
        count += 1;
    }
    let central_offset = out.len() as u32;
    let central_len = central.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // this disk
    out.extend_from_slice(&0u16.to_le_bytes()); // disk with the central directory
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&central_len.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(9));
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut hasher = flate2::Crc::new();
    hasher.update(bytes);
    hasher.sum()
}

/// The entries of a zip written by `write_zip` (or any zip without data descriptors or
/// zip64): name and inflated bytes, in central-directory order. `None` when it is not one.
pub fn read_zip(zip: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    use std::io::Read as _;
    let u16_at = |at: usize| Some(u16::from_le_bytes(zip.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(zip.get(at..at + 4)?.try_into().ok()?));
    let end = zip.len().checked_sub(22)?;
    if u32_at(end)? != 0x0605_4b50 {
        return None;
    }
    let count = u16_at(end + 10)? as usize;
    let mut at = u32_at(end + 16)? as usize;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(at)? != 0x0201_4b50 {
            return None;
        }
        let method = u16_at(at + 10)?;
        let compressed = u32_at(at + 20)? as usize;
        let size = u32_at(at + 24)? as usize;
        let name_len = u16_at(at + 28)? as usize;
        let extra = u16_at(at + 30)? as usize + u16_at(at + 32)? as usize;
        let local = u32_at(at + 42)? as usize;
        let name = String::from_utf8(zip.get(at + 46..at + 46 + name_len)?.to_vec()).ok()?;
        let local_name = u16_at(local + 26)? as usize;
        let local_extra = u16_at(local + 28)? as usize;
        let start = local + 30 + local_name + local_extra;
        let data = zip.get(start..start + compressed)?;
        let bytes = match method {
            STORED => data.to_vec(),
            DEFLATED => {
                let mut bytes = Vec::with_capacity(size);
                flate2::read::DeflateDecoder::new(data).read_to_end(&mut bytes).ok()?;
                bytes
            }
            _ => return None,
        };
        if bytes.len() != size || crc32(&bytes) != u32_at(at + 16)? {
            return None;
        }
        entries.push((name, bytes));
        at += 46 + name_len + extra;
    }
    Some(entries)
}
