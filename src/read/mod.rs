//! Reading one workbook into plain cells: the recognised sheets only, as sparse rows of
//! typed values, with merged cells filled from their top-left value.
//!
//! This is one end of the pipeline and touches the file system. It knows the file formats
//! (through calamine) and the protective limits, but not what the columns mean: judging
//! values is `validate`'s job. Every failure becomes a diagnostic naming the file.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataRef, Dimensions, Ods, Range, Reader, Xls, Xlsb, Xlsx};

use crate::config::Limits;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::schema::{Names, SheetKind};
use crate::value::Date;

mod cells;
mod explain;
mod guard;
mod ods;
mod repair;

use cells::{fill_merged, into_rows};
use guard::{CFB_MAGIC, check_archive, check_compound_file, xlsx_features};

/// A non-empty cell's value as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A date (a date cell, or a number formatted as a date).
    Date(Date),
    /// An Excel error value such as `#DIV/0!`.
    Error(String),
    /// A formula whose cached value is missing.
    FormulaWithoutValue,
    /// Text longer than the configured limit (its length in characters).
    TooLong(usize),
}

/// One row of a sheet, its non-empty cells sorted by column.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// 0-based row index.
    pub row: u32,
    /// `(0-based column, value)`, sorted by column.
    pub cells: Vec<(u32, Value)>,
}

impl RawRow {
    /// The value in column `col`, if the cell is not empty.
    pub fn get(&self, col: u32) -> Option<&Value> {
        self.cells
            .binary_search_by_key(&col, |(c, _)| *c)
            .ok()
            .map(|i| &self.cells[i].1)
    }
}

/// A recognised sheet.
#[derive(Debug, Clone)]
pub struct RawSheet {
    /// The name as written in the workbook.
    pub name: String,
    /// Which sheet it is.
    pub kind: SheetKind,
    /// Non-empty rows, sorted.
    pub rows: Vec<RawRow>,
}

/// What was read from one workbook.
#[derive(Debug, Clone, Default)]
pub struct RawWorkbook {
    /// Whether plain numbers in date columns count from 1904.
    pub is_1904: bool,
    /// The recognised sheets.
    pub sheets: Vec<RawSheet>,
    /// Names of the sheets that were not recognised.
    pub other_sheets: Vec<String>,
    /// Findings made while reading (limits, unreadable sheets).
    pub diagnostics: Vec<Diagnostic>,
    /// Recognised sheets that could not be read (their finding is in `diagnostics`).
    pub unreadable: Vec<SheetKind>,
}

impl RawWorkbook {
    /// The sheet of this kind, if present.
    pub fn sheet(&self, kind: SheetKind) -> Option<&RawSheet> {
        self.sheets.iter().find(|s| s.kind == kind)
    }
}

/// The file formats read, by extension.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Reads the recognised sheets of the workbook at `path`; `file` is its name in diagnostics.
pub fn read(
    path: &Path,
    file: &str,
    names: &Names,
    limits: &Limits,
) -> Result<RawWorkbook, Diagnostic> {
    let unreadable =
        |message: String| Diagnostic::new(Severity::Error, Code::FileUnreadable, file, message);
    let size = std::fs::metadata(path)
        .map_err(|e| unreadable(format!("filen kan inte läsas: {e}")))?
        .len();
    if size > limits.max_file_bytes {
        return Err(Diagnostic::new(
            Severity::Error,
            Code::LimitExceeded,
            file,
            format!(
                "filen är {size} byte, mer än gränsen {} byte (limits.max_file_bytes)",
                limits.max_file_bytes
            ),
        ));
    }
    if size == 0 {
        return Err(unreadable("filen är tom (0 byte)".into()));
    }
    let bytes =
        std::fs::read(path).map_err(|e| unreadable(format!("filen kan inte läsas: {e}")))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    read_bytes(bytes, &ext, file, names, limits)
}

/// Reads a workbook from bytes; `ext` is the lowercase extension that says the format.
pub fn read_bytes(
    bytes: Vec<u8>,
    ext: &str,
    file: &str,
    names: &Names,
    limits: &Limits,
) -> Result<RawWorkbook, Diagnostic> {
    let head: Vec<u8> = bytes.iter().take(64).copied().collect();
    let ctx = Context {
        file,
        names,
        limits,
        ext,
        head: &head,
    };
    // A file is read as what it is, whatever its name says (an .xlsx saved as .xls).
    let named = ext;
    let ext = explain::sniff(&bytes)
        .filter(|actual| explain::misnamed(ext, actual))
        .unwrap_or(ext);
    let ext = match ext {
        "xlsx" | "xlsm" | "xlsb" | "ods" if is_compound_workbook(&bytes) => "xls",
        other => other,
    };
    let mut raw = match read_as(&bytes, ext, &ctx) {
        // A valid workbook calamine refuses whole (macro sheets, an indented .ods, …) is
        // mended and read again; see `repair`. Only refused files pay for this.
        Err(refused) if refused.code == Code::FileUnreadable => match repair::repair(&bytes, ext) {
            Some(mended) => read_as(&mended, ext, &ctx).map_err(|_| refused)?,
            None => return Err(refused),
        },
        // A sheet we need that the reader refused may be mended the same way.
        Ok(raw) if !raw.unreadable.is_empty() => match repair::repair(&bytes, ext) {
            Some(mended) => match read_as(&mended, ext, &ctx) {
                Ok(better) if better.unreadable.len() < raw.unreadable.len() => better,
                _ => raw,
            },
            None => raw,
        },
        other => other?,
    };
    if ext != named {
        raw.diagnostics.push(Diagnostic::new(
            Severity::Warning,
            Code::FileUnreadable,
            file,
            format!(
                "filen är en .{ext}-fil med filändelsen .{named} och lästes som .{ext}; byt \
                 filändelse så att andra program också öppnar den rätt"
            ),
        ));
    }
    Ok(raw)
}

/// An OLE compound file holding an old workbook (not an encrypted package).
fn is_compound_workbook(bytes: &[u8]) -> bool {
    let utf16 =
        |name: &str| -> Vec<u8> { name.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    bytes.starts_with(&CFB_MAGIC)
        && memchr::memmem::find(bytes, &utf16("EncryptedPackage")).is_none()
        && memchr::memmem::find(bytes, &utf16("Workbook")).is_some()
}

/// Reads `bytes` as the format `ext`.
fn read_as(bytes: &[u8], ext: &str, ctx: &Context<'_>) -> Result<RawWorkbook, Diagnostic> {
    let Context { file, limits, .. } = *ctx;
    if matches!(ext, "xlsx" | "xlsm" | "xlsb" | "ods") {
        if bytes.starts_with(&CFB_MAGIC) {
            // Excel stores a password-protected workbook as an encrypted package inside
            // an OLE compound file instead of a zip archive (an old workbook in one was
            // sent on to the .xls reader above).
            return Err(Diagnostic::new(
                Severity::Error,
                Code::FileUnreadable,
                file,
                "arbetsboken är lösenordsskyddad (krypterad); öppna den i Excel, ta bort \
                 lösenordet under Arkiv > Info > Skydda arbetsbok och spara den som .xlsx",
            ));
        }
        check_archive(bytes, file, limits)?;
    }
    if ext == "xls" {
        check_compound_file(bytes, file, limits)?;
    }
    let cursor = Cursor::new(bytes);
    match ext {
        "xlsx" | "xlsm" => read_xlsx(cursor, ctx),
        "xlsb" => read_xlsb(cursor, ctx),
        "xls" => read_xls(cursor, ctx),
        "ods" => read_ods(cursor, ctx),
        other => Err(Diagnostic::new(
            Severity::Error,
            Code::FileUnreadable,
            file,
            format!(
                "okänt filformat .{other}; väntade något av {}",
                EXTENSIONS.join(", ")
            ),
        )),
    }
}

/// Reads the recognised sheets of an xlsx or xlsm workbook.
fn read_xlsx(cursor: Cursor<&[u8]>, ctx: &Context<'_>) -> Result<RawWorkbook, Diagnostic> {
    let features = xlsx_features(cursor.get_ref());
    let mut wb: Xlsx<_> = ctx.open(|| Xlsx::new(cursor))?;
    let is_1904 = wb.has_1904_epoch();
    ctx.read_sheets(&mut wb, is_1904, |wb, name| {
        let mut cells = Vec::new();
        let mut reader = wb.worksheet_cells_reader(name).map_err(reader_failure)?;
        if features.formulas {
            while let Some(c) = reader
                .next_cell_with_formula_metadata()
                .map_err(reader_failure)?
            {
                let (row, col) = c.pos;
                let value = if matches!(c.value, DataRef::Empty) && c.formula.is_some() {
                    Some(Value::FormulaWithoutValue)
                } else {
                    ctx.convert(c.value)
                };
                ctx.push(&mut cells, row, col, value, name)?;
            }
        } else {
            while let Some(c) = reader.next_cell().map_err(reader_failure)? {
                let (row, col) = c.get_position();
                let value = ctx.convert(c.get_value().clone());
                ctx.push(&mut cells, row, col, value, name)?;
            }
        }
        drop(reader);
        let merged = if features.merges {
            wb.merge_cells_by_sheet_name(name).unwrap_or_default()
        } else {
            Vec::new()
        };
        Ok((cells, merged))
    })
}

/// Reads the recognised sheets of an xlsb workbook.
fn read_xlsb(cursor: Cursor<&[u8]>, ctx: &Context<'_>) -> Result<RawWorkbook, Diagnostic> {
    let mut wb: Xlsb<_> = ctx.open(|| Xlsb::new(cursor))?;
    let is_1904 = wb.has_1904_epoch();
    ctx.read_sheets(&mut wb, is_1904, |wb, name| {
        let mut cells = Vec::new();
        let mut reader = wb.worksheet_cells_reader(name).map_err(reader_failure)?;
        while let Some(c) = reader.next_cell().map_err(reader_failure)? {
            let (row, col) = c.get_position();
            let value = ctx.convert(c.get_value().clone());
            ctx.push(&mut cells, row, col, value, name)?;
        }
        Ok((cells, Vec::new()))
    })
}

/// Reads the recognised sheets of an xls workbook.
fn read_xls(cursor: Cursor<&[u8]>, ctx: &Context<'_>) -> Result<RawWorkbook, Diagnostic> {
    let mut wb: Xls<_> = ctx.open(|| Xls::new(cursor))?;
    let is_1904 = wb.has_1904_epoch();
    ctx.read_sheets(&mut wb, is_1904, |wb, name| {
        let range = wb.worksheet_range(name).map_err(reader_failure)?;
        let merged = wb.merge_cells_by_sheet_name(name).unwrap_or_default();
        Ok((ctx.range_cells(&range, name)?, merged))
    })
}

/// Reads the recognised sheets of an ods workbook.
fn read_ods(cursor: Cursor<&[u8]>, ctx: &Context<'_>) -> Result<RawWorkbook, Diagnostic> {
    let mut merges = ods::merges(cursor.get_ref());
    let mut wb: Ods<_> = ctx.open(|| Ods::new(cursor))?;
    ctx.read_sheets(&mut wb, false, |wb, name| {
        let range = wb.worksheet_range(name).map_err(reader_failure)?;
        Ok((
            ctx.range_cells(&range, name)?,
            merges.remove(name).unwrap_or_default(),
        ))
    })
}

type Cells = Vec<(u32, u32, Value)>;

#[derive(Clone, Copy)]
struct Context<'a> {
    file: &'a str,
    names: &'a Names,
    limits: &'a Limits,
    /// The extension the file is named with.
    ext: &'a str,
    /// The file's first bytes, to tell what an unreadable file is.
    head: &'a [u8],
}

impl Context<'_> {
    fn open_error(&self, failure: explain::Failure) -> Diagnostic {
        let message = explain::open_error(self.ext, self.head, failure);
        Diagnostic::new(Severity::Error, Code::FileUnreadable, self.file, message)
    }

    /// Opens a workbook with `open`; its error, or a panic in the reader, becomes a
    /// diagnostic (so that a mended copy can be tried; see `repair`).
    fn open<W, E: Into<calamine::Error>>(
        &self,
        open: impl FnOnce() -> Result<W, E>,
    ) -> Result<W, Diagnostic> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(open)) {
            Ok(Ok(wb)) => Ok(wb),
            Ok(Err(e)) => Err(self.open_error(explain::Failure::of(&e.into()))),
            Err(_) => Err(self.open_error(explain::Failure::Other)),
        }
    }

    /// Reads every recognised sheet of `wb` with `load`, which yields cells and merges.
    fn read_sheets<W, F>(
        &self,
        wb: &mut W,
        is_1904: bool,
        mut load: F,
    ) -> Result<RawWorkbook, Diagnostic>
    where
        F: FnMut(&mut W, &str) -> Result<(Cells, Vec<Dimensions>), SheetError>,
        W: SheetNames,
    {
        let mut out = RawWorkbook {
            is_1904,
            ..RawWorkbook::default()
        };
        for name in wb.names() {
            let Some(kind) = self.names.sheet(&name) else {
                out.other_sheets.push(name);
                continue;
            };
            if out.sheet(kind).is_some() {
                out.diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        Code::DuplicateSheet,
                        self.file,
                        format!(
                            "ytterligare ett blad för {} hittades och lästes inte",
                            kind.name()
                        ),
                    )
                    .in_sheet(&name),
                );
                continue;
            }
            match load(wb, &name) {
                Ok((mut cells, merged)) => {
                    fill_merged(&mut cells, &merged);
                    out.sheets.push(RawSheet {
                        name,
                        kind,
                        rows: into_rows(cells),
                    });
                }
                Err(failed) => {
                    let (code, message) = match failed {
                        SheetError::Limit(message) => (Code::LimitExceeded, message),
                        SheetError::Reader(e) => (
                            Code::FileUnreadable,
                            explain::reader_error(explain::Failure::of(&e)),
                        ),
                    };
                    out.unreadable.push(kind);
                    out.diagnostics.push(
                        Diagnostic::new(
                            Severity::Error,
                            code,
                            self.file,
                            format!("bladet kan inte läsas: {message}"),
                        )
                        .in_sheet(&name),
                    );
                }
            }
        }
        Ok(out)
    }

    fn push(
        &self,
        cells: &mut Cells,
        row: u32,
        col: u32,
        value: Option<Value>,
        sheet: &str,
    ) -> Result<(), SheetError> {
        if let Some(value) = value {
            if cells.len() as u64 >= self.limits.max_cells_per_sheet {
                return Err(SheetError::Limit(format!(
                    "bladet {sheet} har fler än {} ifyllda celler (limits.max_cells_per_sheet)",
                    self.limits.max_cells_per_sheet
                )));
            }
            cells.push((row, col, value));
        }
        Ok(())
    }

    fn range_cells(&self, range: &Range<Data>, sheet: &str) -> Result<Cells, SheetError> {
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut cells = Vec::new();
        for (r, c, d) in range.used_cells() {
            let value = self.convert(d);
            self.push(&mut cells, r0 + r as u32, c0 + c as u32, value, sheet)?;
        }
        Ok(cells)
    }
}

/// Why one sheet could not be read.
enum SheetError {
    /// One of our limits (a Swedish message naming it).
    Limit(String),
    /// The reader's error, kept whole.
    Reader(calamine::Error),
}

/// A reader's error on a sheet.
fn reader_failure(e: impl Into<calamine::Error>) -> SheetError {
    SheetError::Reader(e.into())
}

/// Sheet names of any calamine reader.
trait SheetNames {
    fn names(&self) -> Vec<String>;
}

impl<'a, T: Reader<Cursor<&'a [u8]>>> SheetNames for T {
    fn names(&self) -> Vec<String> {
        self.sheet_names()
    }
}

#[cfg(test)]
mod tests;
