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

/// What the worksheets of an xlsx archive contain, found by looking for the tags in the
/// unpacked XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XlsxFeatures {
    /// Some worksheet declares merged cells.
    pub merges: bool,
    /// Some worksheet has a formula.
    pub formulas: bool,
}

impl XlsxFeatures {
    /// Everything: what a reader must assume when the archive cannot be scanned.
    const ALL: XlsxFeatures = XlsxFeatures {
        merges: true,
        formulas: true,
    };
}

/// Scans the worksheets of an xlsx archive for merged cells and formulas. Looking for the
/// tags costs a fraction of what it saves: asking calamine for the merged regions parses a
/// sheet a second time, and reading cells with their formulas is slower than without;
/// most workbooks have neither.
pub fn xlsx_features(bytes: &[u8]) -> XlsxFeatures {
    use std::io::Read;
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return XlsxFeatures::ALL; // let the reader decide
    };
    let merge = memchr::memmem::Finder::new(b"<mergeCell ");
    let formula = memchr::memmem::Finder::new(b"<f");
    let mut found = XlsxFeatures {
        merges: false,
        formulas: false,
    };
    let mut buf = Vec::new();
    for i in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(i) else {
            return XlsxFeatures::ALL;
        };
        let name = entry
            .name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if !(name.starts_with("xl/worksheets/") && name.ends_with(".xml")) {
            continue;
        }
        buf.clear();
        if entry.read_to_end(&mut buf).is_err() {
            return XlsxFeatures::ALL;
        }
        found.merges |= merge.find(&buf).is_some();
        // `<f>`, `<f t="shared" ...>`, `<f/>`; not `<filterColumn>` or `<fitToPage>`.
        found.formulas |= formula
            .find_iter(&buf)
            .any(|at| matches!(buf.get(at + 2), Some(b'>' | b' ' | b'/')));
        if found == XlsxFeatures::ALL {
            break;
        }
    }
    found
}

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
/// Streams shorter than this live in the mini stream, whose chains are bounded by it.
const MINI_CUTOFF: u64 = 4096;

/// Refuses an OLE compound file (`.xls`) that would make the reader allocate without
/// bound: a sector chain that loops (every chain the reader follows must end within as
/// many steps as the file has sectors), or a sheet whose cells span more rows × columns
/// than `limits.max_cells_per_sheet` (the reader allocates that whole rectangle).
pub fn check_compound_file(bytes: &[u8], file: &str, limits: &Limits) -> Result<(), Diagnostic> {
    let Some(cf) = Compound::parse(bytes) else {
        return Ok(());
    };
    if let Some(what) = cf.looping_chain() {
        return Err(Diagnostic::new(
            Severity::Error,
            Code::FileUnreadable,
            file,
            format!("filen är skadad: sektorkedjan för {what} går i cirkel; spara om den i Excel"),
        ));
    }
    let Some(stream) = cf.stream(&["workbook", "book"]) else {
        return Ok(());
    };
    if is_encrypted(&stream) {
        return Err(Diagnostic::new(
            Severity::Error,
            Code::FileUnreadable,
            file,
            "arbetsboken är krypterad (skyddad med lösenord, ibland Excels eget standardlösenord \
             som öppnar den utan fråga); öppna den i Excel, ta bort skyddet under Arkiv > Info > \
             Skydda arbetsbok och spara som .xlsx",
        ));
    }
    let area = largest_sheet_area(&stream);
    if area > u64::from(limits.max_cells_per_sheet.min(u64::from(u32::MAX)) as u32) {
        return Err(Diagnostic::new(
            Severity::Error,
            Code::LimitExceeded,
            file,
            format!(
                "ett blad spänner över {area} celler (rader × kolumner), mer än gränsen {} \
                 (limits.max_cells_per_sheet); ta bort tomma rader och kolumner långt ut i bladet",
                limits.max_cells_per_sheet
            ),
        ));
    }
    Ok(())
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn words(s: &[u8]) -> Vec<u32> {
    s.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// The parts of an OLE compound file the checks need, parsed the way calamine does.
struct Compound<'a> {
    bytes: &'a [u8],
    size: usize,
    maxid: usize,
    fat: Vec<u32>,
}

impl<'a> Compound<'a> {
    /// `None` when the file is malformed in a way the reader reports itself.
    fn parse(bytes: &'a [u8]) -> Option<Compound<'a>> {
        if !bytes.starts_with(&CFB_MAGIC) || bytes.len() < 512 {
            return None;
        }
        let size: usize = match u16_at(bytes, 30)? {
            9 => 512,
            12 => 4096,
            _ => return None,
        };
        let mut cf = Compound {
            bytes,
            size,
            maxid: bytes.len() / size,
            fat: Vec::new(),
        };
        // The DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
        let mut difat = words(bytes.get(76..512)?);
        let mut id = u32_at(bytes, 68)?;
        let mut steps = 0;
        while id < RESERVED {
            steps += 1;
            if steps > cf.maxid + 1 {
                return None; // calamine bounds this chain itself
            }
            difat.extend(words(cf.sector(id)?));
            id = difat.pop()?;
        }
        let mut fat = Vec::new();
        for id in difat.into_iter().filter(|id| *id < DIFSECT) {
            fat.extend(words(cf.sector(id)?));
        }
        cf.fat = fat;
        Some(cf)
    }

    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(self.size)?;
        self.bytes
            .get(start..(start + self.size).min(self.bytes.len()))
    }

    /// The sectors of a chain; `Err` when it loops.
    fn chain(&self, start: u32) -> Result<Vec<u32>, ()> {
        let mut chain = Vec::new();
        let mut id = start;
        while id != ENDOFCHAIN {
            if chain.len() > self.maxid {
                return Err(());
            }
            chain.push(id);
            match self.fat.get(id as usize) {
                Some(next) => id = *next,
                None => break,
            }
        }
        Ok(chain)
    }

    fn read_chain(&self, start: u32, len: usize) -> Vec<u8> {
        let mut out: Vec<u8> = Vec::new();
        for id in self.chain(start).unwrap_or_default() {
            if out.len() >= len {
                break;
            }
            out.extend(self.sector(id).unwrap_or_default());
        }
        out.truncate(len);
        out
    }

    fn directory(&self) -> Vec<u8> {
        let start = u32_at(self.bytes, 48).unwrap_or(ENDOFCHAIN);
        self.read_chain(start, usize::MAX)
    }

    fn looping_chain(&self) -> Option<&'static str> {
        if self.chain(u32_at(self.bytes, 48)?).is_err() {
            return Some("katalogen");
        }
        if self.chain(u32_at(self.bytes, 60)?).is_err() {
            return Some("mini-FAT");
        }
        for (i, entry) in self.directory().chunks_exact(128).enumerate() {
            let start = u32_at(entry, 116)?;
            let len = u64::from(u32_at(entry, 120)?);
            if (i == 0 || len >= MINI_CUTOFF) && start < RESERVED && self.chain(start).is_err() {
                return Some("en dataström");
            }
        }
        None
    }

    /// The stream whose name is one of `names` (lowercase), large or in the mini stream.
    fn stream(&self, names: &[&str]) -> Option<Vec<u8>> {
        let dir = self.directory();
        let entries: Vec<&[u8]> = dir.chunks_exact(128).collect();
        let name_of = |e: &[u8]| -> String {
            let n = usize::from(u16_at(e, 64).unwrap_or(0)).min(64);
            let units: Vec<u16> = e[..n]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
                .trim_end_matches('\0')
                .to_lowercase()
        };
        let entry = entries
            .iter()
            .find(|e| names.contains(&name_of(e).as_str()))?;
        let start = u32_at(entry, 116)?;
        let len = u32_at(entry, 120)? as usize;
        if len as u64 >= MINI_CUTOFF {
            return Some(self.read_chain(start, len));
        }
        let root = entries.first()?;
        let ministream = self.read_chain(u32_at(root, 116)?, u32_at(root, 120)? as usize);
        let minifat = words(&self.read_chain(u32_at(self.bytes, 60)?, usize::MAX));
        let mut out = Vec::new();
        let mut id = start;
        let mut steps = 0;
        while id != ENDOFCHAIN && out.len() < len && steps <= minifat.len() {
            let at = id as usize * 64;
            out.extend(ministream.get(at..(at + 64).min(ministream.len()))?);
            id = *minifat.get(id as usize)?;
            steps += 1;
        }
        out.truncate(len);
        Some(out)
    }
}

/// The area a DIMENSIONS record declares, computed as calamine computes it (with its
/// wrapping arithmetic, so that a nonsensical record counts as huge).
fn declared_area(r: &[u8]) -> u64 {
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (
            u32::from(u16_at(r, 0).unwrap_or(0)),
            u32::from(u16_at(r, 2).unwrap_or(0)),
            u32::from(u16_at(r, 4).unwrap_or(0)),
            u32::from(u16_at(r, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(r, 0).unwrap_or(0),
            u32_at(r, 4).unwrap_or(0),
            u32::from(u16_at(r, 8).unwrap_or(0)),
            u32::from(u16_at(r, 10).unwrap_or(0)),
        ),
        _ => return 0,
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    if rl < 1 || cl < 1 {
        return 1;
    }
    let rows = u64::from((rl - 1).wrapping_sub(rf).wrapping_add(1));
    let cols = u64::from((cl - 1).wrapping_sub(cf).wrapping_add(1));
    rows.saturating_mul(cols)
}

/// The largest rows × columns rectangle spanned by the cell records of one sheet in a
/// BIFF workbook stream, or declared by a DIMENSIONS record.
fn largest_sheet_area(stream: &[u8]) -> u64 {
    // calamine reads each sheet from the offset its BoundSheet record gives, which may be
    // anywhere in the stream; measure from each of those as well as from the start.
    let mut offsets: Vec<usize> = records(stream)
        .take_while(|(kind, _)| *kind != 0x000A)
        .filter(|(kind, data)| *kind == 0x0085 && data.len() >= 4)
        .filter_map(|(_, data)| u32_at(&data, 0).map(|p| p as usize))
        .filter(|p| *p < stream.len())
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    if offsets.len() > MAX_SHEETS {
        return u64::MAX;
    }
    offsets
        .into_iter()
        .map(|p| sheet_area(records(&stream[p..]).take_while(|(kind, _)| *kind != 0x000A)))
        .fold(sheet_area(records(stream)), u64::max)
}

/// Whether the workbook's globals (the records up to the first EOF) hold a FILEPASS
/// record: the rest of the stream is encrypted (RC4, `CryptoAPI` or XOR), and what a reader
/// makes of it is noise (calamine reads sheets of 47 957 124 340 335 cells).
fn is_encrypted(stream: &[u8]) -> bool {
    const FILEPASS: u16 = 0x002F;
    const EOF: u16 = 0x000A;
    records(stream)
        .take_while(|(kind, _)| *kind != EOF)
        .any(|(kind, _)| kind == FILEPASS)
}

/// More sheets than this in one `.xls` is taken as hostile.
const MAX_SHEETS: usize = 1000;

/// BIFF records `(type, data)` as calamine reads them: CONTINUE records appended to the
/// record before them.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, std::borrow::Cow<'_, [u8]>)> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        let mut data = std::borrow::Cow::Borrowed(data);
        while u16_at(stream, at) == Some(0x003C) {
            let len = usize::from(u16_at(stream, at + 2)?);
            let more = stream.get(at + 4..at + 4 + len)?;
            data.to_mut().extend_from_slice(more);
            at += 4 + len;
        }
        Some((kind, data))
    })
}

/// The largest area among the records of one sheet: the rectangle its cells span, or the
/// one a DIMENSIONS record declares (the reader reserves room for it).
fn sheet_area<'a>(records: impl Iterator<Item = (u16, std::borrow::Cow<'a, [u8]>)>) -> u64 {
    let mut largest = 0u64;
    let mut bounds: Option<(u16, u16, u16, u16)> = None;
    let area = |b: Option<(u16, u16, u16, u16)>| {
        b.map_or(0, |(r0, r1, c0, c1)| {
            (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1)
        })
    };
    for (kind, data) in records {
        let cell = match kind {
            0x0809 => {
                largest = largest.max(area(bounds.take()));
                continue;
            }
            0x0200 => {
                largest = largest.max(declared_area(&data));
                continue;
            }
            // NUMBER, RK, LABELSST, LABEL, BOOLERR, FORMULA, BLANK, RSTRING
            0x0203 | 0x027E | 0x00FD | 0x0204 | 0x0205 | 0x0006 | 0x0201 | 0x00D6 => {
                u16_at(&data, 0)
                    .zip(u16_at(&data, 2))
                    .map(|(r, c)| (r, c, c))
            }
            // MULRK, MULBLANK: the last column is the record's last word.
            0x00BD | 0x00BE if data.len() >= 6 => u16_at(&data, 0)
                .zip(u16_at(&data, 2))
                .zip(u16_at(&data, data.len() - 2))
                .map(|((r, c0), c1)| (r, c0, c1.max(c0))),
            _ => None,
        };
        if let Some((r, c0, c1)) = cell {
            bounds = Some(match bounds {
                None => (r, r, c0, c1),
                Some((r0, r1, a, b)) => (r0.min(r), r1.max(r), a.min(c0), b.max(c1)),
            });
        }
    }
    largest.max(area(bounds))
}

#[cfg(test)]
mod tests;
