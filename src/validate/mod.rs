//! Validation: from a workbook's raw cells to typed initiatives and indicator values,
//! with a diagnostic for every rule of SPEC section 2 that the data breaks.
//!
//! Pure functions on plain data: no file system, no clock. Every data row read ends up
//! accepted, rejected (with its reasons) or skipped (blank or totals), and the counts
//! say so.

pub mod admit;
pub mod cells;
mod display;
mod indicators;
mod info;
mod initiatives;
pub mod table;
pub mod units;

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Config;
use crate::diagnostic::{CellRef, Code, Diagnostic, Severity};
use crate::model::{FileSummary, RejectedRow, SHIFTS, Status, Submission};
use crate::read::{RawRow, RawSheet, RawWorkbook, Value};
use crate::schema::{Column, Names, SheetKind};
use crate::text::collapse;

use cells::{Choices, RowReader};
use info::{missing_sheet, read_info};
use table::Table;

/// The enumerated values of a run, built once from the configuration.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Area names → index into `config.areas`.
    pub areas: Choices<usize>,
    /// Area codes by index, shared by the initiatives.
    pub area_codes: Vec<std::sync::Arc<str>>,
    /// Area labels by index, shared by the initiatives.
    pub area_labels: Vec<std::sync::Arc<str>>,
    /// Status names.
    pub statuses: Choices<Status>,
    /// Shift labels → 1–4.
    pub shifts: Choices<u8>,
    /// Indicator names → index into `config.indicators`.
    pub indicators: Choices<usize>,
    /// Indicator codes by index, shared by the indicator values.
    pub indicator_codes: Vec<std::sync::Arc<str>>,
}

impl Vocabulary {
    /// The vocabulary of `config`.
    pub fn new(config: &Config) -> Self {
        let areas = config.areas.iter().enumerate().flat_map(|(i, a)| {
            std::iter::once(a.code.as_str())
                .chain(std::iter::once(a.label.as_str()))
                .chain(a.aliases.iter().map(String::as_str))
                .map(move |n| (n, i))
        });
        let indicators = config.indicators.iter().enumerate().flat_map(|(i, a)| {
            std::iter::once(a.code.as_str())
                .chain(std::iter::once(a.label.as_str()))
                .chain(a.aliases.iter().map(String::as_str))
                .map(move |n| (n, i))
        });
        Vocabulary {
            areas: Choices::new(areas),
            area_codes: config
                .areas
                .iter()
                .map(|a| a.code.as_str().into())
                .collect(),
            indicator_codes: config
                .indicators
                .iter()
                .map(|i| i.code.as_str().into())
                .collect(),
            area_labels: config
                .areas
                .iter()
                .map(|a| a.label.as_str().into())
                .collect(),
            statuses: Choices::new(Status::ALL.iter().map(|s| (s.label(), *s))),
            shifts: Choices::new(SHIFTS.iter().zip(1u8..).map(|(l, n)| (*l, n))),
            indicators: Choices::new(indicators),
        }
    }
}

/// Everything validation needs besides the workbook.
pub struct Rules<'a> {
    /// The configuration.
    pub config: &'a Config,
    /// Sheet and header names.
    pub names: &'a Names,
    /// Enumerated values.
    pub vocab: &'a Vocabulary,
}

/// Validates one workbook read from `file` (relative to the input folder).
pub fn validate(raw: &RawWorkbook, file: &str, rules: &Rules<'_>) -> Submission {
    let stem = file_stem(file);
    let mut sub = Submission {
        diagnostics: raw.diagnostics.clone(),
        ..Submission::default()
    };
    let (administration, contact) = read_info(raw, file, &stem, rules.config, &mut sub.diagnostics);
    sub.summary = FileSummary {
        file: file.to_string(),
        administration: administration.clone(),
        ..FileSummary::default()
    };
    sub.contact = contact;
    let mut seen = indicators::Seen::default();
    match raw.sheet(SheetKind::Initiatives) {
        Some(sheet) => read_initiatives(sheet, raw.is_1904, rules, &stem, &mut seen, &mut sub),
        // An `Insatser` that could not be read has its own finding; it is not missing.
        None if raw.unreadable.contains(&SheetKind::Initiatives) => {}
        None => sub.diagnostics.push(missing_sheet(
            raw,
            file,
            SheetKind::Initiatives,
            Severity::Error,
        )),
    }
    if let Some(sheet) = raw.sheet(SheetKind::Indicators) {
        read_indicators(sheet, raw.is_1904, rules, &mut seen, &mut sub);
    }
    sub.summary.administration = administration;
    sub
}

/// How many other workbooks a duplicate-administration finding names.
const OTHERS_NAMED: usize = 3;

/// Findings across workbooks: two workbooks naming the same administration. Each names
/// at most [`OTHERS_NAMED`] of the others, so 5 000 copies of one workbook give 5 000
/// short findings, not 5 000 lists of 4 999 names.
pub fn across(submissions: &[Submission]) -> Vec<Diagnostic> {
    let mut by_name: BTreeMap<String, Vec<&Submission>> = BTreeMap::new();
    // A workbook without data rows (unreadable, or missing its sheets) has its own
    // diagnostics; it does not claim an administration's name.
    for s in submissions.iter().filter(|s| s.summary.rows_read > 0) {
        by_name
            .entry(collapse(&s.summary.administration))
            .or_default()
            .push(s);
    }
    let mut out = Vec::new();
    for subs in by_name.values().filter(|f| f.len() > 1) {
        for (i, sub) in subs.iter().enumerate() {
            let others = subs
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, o)| o.summary.file.as_str());
            let named: Vec<&str> = others.take(OTHERS_NAMED).collect();
            let more = subs.len() - 1 - named.len();
            let mut list = named.join(", ");
            if more > 0 {
                list.push_str(&format!(
                    " och {}",
                    crate::text::count_word(more as u64, "arbetsbok till", "arbetsböcker till")
                ));
            }
            out.push(Diagnostic::new(
                Severity::Error,
                Code::DuplicateAdministration,
                &sub.summary.file,
                format!(
                    "förvaltningen \"{}\" redovisas också i {list}; väntade en arbetsbok per förvaltning",
                    sub.summary.administration
                ),
            ));
        }
    }
    out
}

fn file_stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let name = crate::text::nfc(name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.into_owned(),
    }
}

/// Whether a cell is blank (white space counts as blank).
fn blank(v: &Value) -> bool {
    matches!(v, Value::Text(t) if t.trim().is_empty())
}

/// The data rows below the header, with the rows that have content in a known column.
/// Rows with content only in unknown columns are skipped with a notice.
fn data_rows<'a>(
    sheet: &'a RawSheet,
    table: &Table,
    file: &str,
    sub: &mut Submission,
) -> Vec<&'a RawRow> {
    let mapped: BTreeSet<u32> = table.mapped_indices().collect();
    let mut rows = Vec::new();
    let mut last = table.header_row;
    for row in sheet.rows.iter().filter(|r| r.row > table.header_row) {
        if row.cells.iter().all(|(_, v)| blank(v)) {
            continue;
        }
        last = row.row;
        if row
            .cells
            .iter()
            .any(|(c, v)| mapped.contains(c) && !blank(v))
        {
            rows.push(row);
        } else {
            sub.diagnostics.push(
                Diagnostic::new(
                    Severity::Notice,
                    Code::UnknownColumn,
                    file,
                    format!(
                        "rad {} har bara innehåll i kolumner som inte läses och hoppas över",
                        row.row + 1
                    ),
                )
                .in_sheet(&sheet.name)
                .at(CellRef::new(row.row, row.cells[0].0)),
            );
        }
    }
    // Every row from the header down to the last one with content is a row read;
    // the ones that are neither accepted nor rejected are skipped.
    sub.summary.rows_read += (last - table.header_row) as usize;
    sub.summary.skipped += (last - table.header_row) as usize - rows.len();
    rows
}

/// Moves a row's findings into the submission, rejecting the row if any is an error.
fn settle(r: RowReader<'_>, sub: &mut Submission) -> bool {
    let ok = r.errors.is_empty();
    if !ok {
        sub.rejected.push(RejectedRow {
            file: r.file.to_string(),
            sheet: r.sheet.to_string(),
            row: r.excel_row(),
            reasons: r
                .errors
                .iter()
                .map(|d| match d.cell {
                    Some(c) => format!("{c}: {}", d.message),
                    None => d.message.clone(),
                })
                .collect(),
        });
        sub.summary.rejected += 1;
    }
    sub.diagnostics.extend(r.errors);
    sub.diagnostics.extend(r.others);
    ok
}

/// The file's name and administration, shared by every record of the file rather than
/// copied into each (a national run has a million records).
pub struct Shared {
    /// The file, relative to the input folder.
    pub file: std::sync::Arc<str>,
    /// The administration.
    pub administration: std::sync::Arc<str>,
}

impl Shared {
    fn new(file: &str, administration: &str) -> Self {
        Shared {
            file: file.into(),
            administration: administration.into(),
        }
    }
}

fn read_initiatives(
    sheet: &RawSheet,
    is_1904: bool,
    rules: &Rules<'_>,
    stem: &str,
    seen: &mut indicators::Seen,
    sub: &mut Submission,
) {
    let file = sub.summary.file.clone();
    let shared = Shared::new(&file, &sub.summary.administration);
    let Some(table) = table::locate(sheet, rules.names, &file, &mut sub.diagnostics) else {
        return;
    };
    let col = |c: Column| table.col(c).unwrap_or(0);
    sub.initiative_layout = Some(crate::model::InitiativeLayout {
        sheet: sheet.name.clone(),
        money: [
            col(Column::Budget),
            col(Column::Spent),
            col(Column::AgreementFunds),
        ],
    });
    let mut sums = initiatives::Sums::default();
    for row in data_rows(sheet, &table, &file, sub) {
        let read = std::panic::AssertUnwindSafe(|| {
            let r = RowReader::new(&file, &sheet.name, row, &table, is_1904);
            initiative_row(r, rules, &shared, stem, (seen, &mut sums), sub);
        });
        if std::panic::catch_unwind(read).is_err() {
            lost_row(&file, &sheet.name, row, sub);
        }
    }
}

/// Reads one row of `Insatser` into `sub`: an initiative, a totals row, or a rejected row.
fn initiative_row(
    mut r: RowReader<'_>,
    rules: &Rules<'_>,
    shared: &Shared,
    stem: &str,
    (seen, sums): (&mut indicators::Seen, &mut initiatives::Sums),
    sub: &mut Submission,
) {
    if initiatives::is_totals(&r) {
        initiatives::check_totals(&mut r, sums);
        sub.summary.skipped += 1;
        sub.diagnostics.extend(r.others);
        return;
    }
    let outcome = initiatives::read_row(&mut r, rules.vocab, shared, stem);
    let initiative = match outcome {
        initiatives::Outcome::Initiative(i) => {
            initiatives::check_duplicate_id(&mut r, i.id(), &mut seen.initiative_ids);
            sums.add(&i);
            Some(i)
        }
        _ => {
            if let Some(v) = r.raw(Column::Id).filter(|v| !blank(v)) {
                seen.initiative_ids.insert(cells::plain(v));
            }
            None
        }
    };
    if settle(r, sub)
        && let Some(i) = initiative
    {
        sub.initiatives.push(i);
        sub.summary.accepted += 1;
    }
}

/// A row whose reading panicked (a fault in redovisa, whatever the cell held): the row
/// is rejected with a finding at its first cell, and the rest of the file is read.
fn lost_row(file: &str, sheet: &str, row: &RawRow, sub: &mut Submission) {
    let col = row.cells.first().map_or(0, |(c, _)| *c);
    let d = Diagnostic::new(
        Severity::Error,
        Code::RowUnreadable,
        file,
        "raden kunde inte läsas: ett av dess värden fick redovisa att stanna (ett fel i programmet, inte nödvändigtvis i filen); väntade värden som går att läsa. Skriv om raden eller skicka filen till den som förvaltar redovisa",
    )
    .in_sheet(sheet)
    .at(CellRef::new(row.row, col));
    sub.rejected.push(RejectedRow {
        file: file.to_string(),
        sheet: sheet.to_string(),
        row: row.row + 1,
        reasons: vec![d.message.clone()],
    });
    sub.summary.rejected += 1;
    sub.diagnostics.push(d);
}

fn read_indicators(
    sheet: &RawSheet,
    is_1904: bool,
    rules: &Rules<'_>,
    seen: &mut indicators::Seen,
    sub: &mut Submission,
) {
    let file = sub.summary.file.clone();
    let shared = Shared::new(&file, &sub.summary.administration);
    let Some(table) = table::locate(sheet, rules.names, &file, &mut sub.diagnostics) else {
        return;
    };
    let col = |c: Column| table.col(c).unwrap_or(0);
    sub.indicator_layout = Some(crate::model::IndicatorLayout {
        sheet: sheet.name.clone(),
        unit: col(Column::Unit),
        period: col(Column::Period),
        numerator: col(Column::Numerator),
        denominator: col(Column::Denominator),
    });
    for row in data_rows(sheet, &table, &file, sub) {
        let read = std::panic::AssertUnwindSafe(|| {
            let mut r = RowReader::new(&file, &sheet.name, row, &table, is_1904);
            let value = indicators::read_row(&mut r, rules.config, rules.vocab, &shared, seen);
            if settle(r, sub)
                && let Some(v) = value
            {
                sub.indicators.push(v);
                sub.summary.accepted += 1;
            }
        });
        if std::panic::catch_unwind(read).is_err() {
            lost_row(&file, &sheet.name, row, sub);
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod properties;
