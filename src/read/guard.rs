//! Checks that run before calamine sees a file, so that a hostile file cannot make the
//! reader allocate without bound: the declared unpacked size of a zip archive (xlsx, xlsm,
//! xlsb, ods), and the sector chains of an OLE compound file (xls), where a cycle would
//! make the reader grow a buffer until memory runs out.
//!
//! Only bounds are checked here; anything else malformed is left for calamine to report.

use std::io::Cursor;

use crate::config::Limits;
use crate::diagnostic::{Code, Diagnostic, Severity};

/// The signature of an OLE compound file (old .xls, or an encrypted OOXML package).
pub const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Refuses an archive whose entries would decompress to more than the configured limit.
/// The zip reader bounds every entry's output by its declared size, so the declared sizes
/// bound the memory a workbook can make us use.
pub fn check_archive(bytes: &[u8], file: &str, limits: &Limits) -> Result<(), Diagnostic> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // not a zip at all: calamine says so in its own words
    };
    let total = match archive.decompressed_size() {
        Some(total) => total,
        None => (0..archive.len())
            .filter_map(|i| archive.by_index_raw(i).ok().map(|f| u128::from(f.size())))
            .sum(),
    };
    if total > u128::from(limits.max_uncompressed_bytes) {
        return Err(Diagnostic::new(
            Severity::Error,
            Code::LimitExceeded,
            file,
            format!(
                "arbetsboken packas upp till {total} byte, mer än gränsen {} byte \
                 (limits.max_uncompressed_bytes); är den en komprimeringsbomb?",
                limits.max_uncompressed_bytes
            ),
        ));
    }
    Ok(())
}

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
/// Streams shorter than this live in the mini stream, whose chains are bounded by it.
const MINI_CUTOFF: u64 = 4096;

/// Refuses an OLE compound file (`.xls`) whose sector chains loop: every chain the reader
/// follows (the directory, the mini stream, the mini FAT and each large stream) must end
/// within as many steps as the file has sectors.
pub fn check_compound_file(bytes: &[u8], file: &str) -> Result<(), Diagnostic> {
    match compound_file_loops(bytes) {
        Some(what) => Err(Diagnostic::new(
            Severity::Error,
            Code::FileUnreadable,
            file,
            format!("filen är skadad: sektorkedjan för {what} går i cirkel; spara om den i Excel"),
        )),
        None => Ok(()),
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The name of the first looping chain, or `None` when every chain ends (or the file is
/// malformed in a way the reader reports itself).
fn compound_file_loops(bytes: &[u8]) -> Option<&'static str> {
    if !bytes.starts_with(&CFB_MAGIC) || bytes.len() < 512 {
        return None;
    }
    let size: usize = match u16_at(bytes, 30)? {
        9 => 512,
        12 => 4096,
        _ => return None,
    };
    let maxid = bytes.len() / size;
    let sector = |id: u32| -> Option<&[u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(size)?;
        bytes.get(start..(start + size).min(bytes.len()))
    };
    let words = |s: &[u8]| -> Vec<u32> {
        s.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    };
    // The DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
    let mut difat = words(bytes.get(76..512)?);
    let mut id = u32_at(bytes, 68)?;
    let mut steps = 0;
    while id < RESERVED {
        steps += 1;
        if steps > maxid + 1 {
            return Some("DIFAT");
        }
        difat.extend(words(sector(id)?));
        id = difat.pop()?;
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        fat.extend(words(sector(id)?));
    }
    // Follows a chain, collecting its sectors; `None` inside means "let the reader judge".
    let walk = |start: u32| -> Result<Vec<u32>, ()> {
        let mut chain = Vec::new();
        let mut id = start;
        while id != ENDOFCHAIN {
            if chain.len() > maxid {
                return Err(());
            }
            chain.push(id);
            match fat.get(id as usize) {
                Some(next) => id = *next,
                None => break,
            }
        }
        Ok(chain)
    };
    let dir_chain = walk(u32_at(bytes, 48)?).map_err(|()| "katalogen").ok();
    let Some(dir_chain) = dir_chain else {
        return Some("katalogen");
    };
    if walk(u32_at(bytes, 60)?).is_err() {
        return Some("mini-FAT");
    }
    let dirs: Vec<u8> = dir_chain
        .iter()
        .filter_map(|id| sector(*id))
        .flatten()
        .copied()
        .collect();
    for (i, entry) in dirs.chunks_exact(128).enumerate() {
        let start = u32_at(entry, 116)?;
        let len = u32_at(entry, 120)? as u64;
        if (i == 0 || len >= MINI_CUTOFF) && start < RESERVED && walk(start).is_err() {
            return Some("en dataström");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal compound file: header, one FAT sector, one directory sector.
    fn compound(fat: &[u32], dir_start: u32) -> Vec<u8> {
        let mut b = vec![0u8; 512 * 3];
        b[..8].copy_from_slice(&CFB_MAGIC);
        b[30..32].copy_from_slice(&9u16.to_le_bytes());
        b[48..52].copy_from_slice(&dir_start.to_le_bytes());
        b[60..64].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        b[68..72].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        // DIFAT: sector 0 is the FAT, the rest free.
        for i in 0..109 {
            let v: u32 = if i == 0 { 0 } else { 0xFFFF_FFFF };
            b[76 + 4 * i..80 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        let mut words = vec![0xFFFF_FFFFu32; 128];
        words[..fat.len()].copy_from_slice(fat);
        for (i, w) in words.iter().enumerate() {
            b[512 + 4 * i..516 + 4 * i].copy_from_slice(&w.to_le_bytes());
        }
        // Root entry in sector 1 with no stream.
        b[1024 + 116..1024 + 120].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        b
    }

    #[test]
    fn a_directory_chain_that_ends_passes() {
        assert_eq!(
            compound_file_loops(&compound(&[0xFFFF_FFFD, ENDOFCHAIN], 1)),
            None
        );
    }

    #[test]
    fn a_directory_chain_that_loops_is_refused() {
        assert_eq!(
            compound_file_loops(&compound(&[0xFFFF_FFFD, 1], 1)),
            Some("katalogen")
        );
        let d = check_compound_file(&compound(&[0xFFFF_FFFD, 1], 1), "a.xls").unwrap_err();
        assert_eq!(d.code, Code::FileUnreadable);
    }
}
