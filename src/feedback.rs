//! Feedback to each administration (`--feedback DIR`): for every submitted workbook with
//! findings, a workbook named after it that the regional office can send back. Its first
//! sheet, `Återkoppling`, lists the findings with links to their cells; then come the
//! submission's own sheets as they were read (numbers as numbers, dates as dates), each
//! cell with a finding filled (red for errors, yellow for warnings, blue for notices)
//! and its messages as a cell note.
//!
//! Builds the workbook in memory from what `read` gives; writing it is the caller's job.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Color, ExcelDateTime, Format, Note, Url, Workbook, Worksheet, XlsxError};

use crate::diagnostic::{Diagnostic, Severity};
use crate::read::{RawWorkbook, Value};

/// The name of the first sheet.
pub const SHEET: &str = "Återkoppling";

/// The feedback workbook's file name for the submission `file`: `återkoppling-<stem>.xlsx`.
pub fn file_name(file: &str) -> String {
    let stem = std::path::Path::new(file)
        .file_stem()
        .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned());
    let stem = stem.replace(['/', '\\'], "-");
    format!("återkoppling-{stem}.xlsx")
}

/// The fill of a cell whose worst finding has severity `s`.
fn fill(s: Severity) -> Color {
    match s {
        Severity::Error => Color::RGB(0x00FF_C7CE),
        Severity::Warning => Color::RGB(0x00FF_EB9C),
        Severity::Notice => Color::RGB(0x00DD_EBF7),
    }
}

/// The findings on each cell of each sheet: sheet name → (row, col) → findings.
type Marks<'a> = BTreeMap<&'a str, BTreeMap<(u32, u16), Vec<&'a Diagnostic>>>;

/// The feedback workbook for a submission: `raw` as read (empty when the file could not
/// be read at all) and its `findings`.
pub fn workbook(raw: &RawWorkbook, findings: &[&Diagnostic]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let link = Format::new()
        .set_font_color("#0563C1")
        .set_underline(rust_xlsxwriter::FormatUnderline::Single);
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    let headers = [
        "Blad",
        "Cell",
        "Allvarlighet",
        "Kod",
        "Meddelande",
        "Vad som väntas",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let sheets: Vec<&str> = raw.sheets.iter().map(|s| s.name.as_str()).collect();
    let mut marks: Marks<'_> = BTreeMap::new();
    for (i, d) in findings.iter().enumerate() {
        let row = i as u32 + 1;
        let sheet = d.sheet.as_deref().unwrap_or("");
        ws.write_string(row, 0, sheet)?;
        match (d.cell, sheets.contains(&sheet)) {
            (Some(cell), true) => {
                let target = format!("internal:'{}'!{cell}", sheet.replace('\'', "''"));
                ws.write_url_with_format(
                    row,
                    1,
                    Url::new(target).set_text(cell.to_string()),
                    &link,
                )?;
                marks
                    .entry(sheet)
                    .or_default()
                    .entry((cell.row, cell.col as u16))
                    .or_default()
                    .push(d);
            }
            (Some(cell), false) => {
                ws.write_string(row, 1, cell.to_string())?;
            }
            (None, _) => {}
        }
        ws.write_string(row, 2, d.severity.label())?;
        ws.write_string(row, 3, d.code.as_str())?;
        ws.write_string(row, 4, crate::render::xlsx::fit(&d.message))?;
        if let Some(hint) = &d.hint {
            ws.write_string(row, 5, crate::render::xlsx::fit(hint))?;
        }
    }
    for (c, width) in [14.0, 8.0, 12.0, 18.0, 90.0, 60.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, findings.len() as u32, 5)?;
    for sheet in &raw.sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name)?;
        let marked = marks.remove(sheet.name.as_str()).unwrap_or_default();
        copy_sheet(ws, sheet, &marked)?;
    }
    wb.save_to_buffer()
}

/// Writes the cells of `sheet` as read, and marks the cells with findings.
fn copy_sheet(
    ws: &mut Worksheet,
    sheet: &crate::read::RawSheet,
    marked: &BTreeMap<(u32, u16), Vec<&Diagnostic>>,
) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let plain = Format::new();
    // The marked cells' formats, made once each: the base format filled by the worst
    // finding's colour.
    let filled = |base: &Format, findings: &[&Diagnostic]| {
        let worst = findings.iter().map(|d| d.severity).min();
        base.clone()
            .set_background_color(fill(worst.unwrap_or(Severity::Notice)))
    };
    for raw_row in &sheet.rows {
        for (col, value) in &raw_row.cells {
            let (row, col) = (raw_row.row, *col as u16);
            let base = if matches!(value, Value::Date(_)) {
                &date
            } else {
                &plain
            };
            let marked_format = marked.get(&(row, col)).map(|f| filled(base, f));
            let format = marked_format.as_ref().unwrap_or(base);
            write_value(ws, row, col, value, format)?;
        }
    }
    for (&(row, col), findings) in marked {
        // A finding on an empty cell (a value that is missing): a marked blank cell.
        let present = sheet
            .rows
            .binary_search_by_key(&row, |r| r.row)
            .is_ok_and(|i| sheet.rows[i].get(u32::from(col)).is_some());
        if !present {
            ws.write_blank(row, col, &filled(&plain, findings))?;
        }
        let text: Vec<String> = findings
            .iter()
            .map(|d| format!("{}: {}", d.severity.label(), d.message))
            .collect();
        let note = Note::new(crate::render::xlsx::fit(&text.join("\n")))
            .set_author("redovisa")
            .set_width(420)
            .set_height(160);
        ws.insert_note(row, col, &note)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// One value as it was read: numbers as numbers, dates as dates.
fn write_value(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: &Value,
    format: &Format,
) -> Result<(), XlsxError> {
    let fit = crate::render::xlsx::fit;
    match value {
        Value::Text(t) => ws.write_string_with_format(row, col, fit(t), format)?,
        Value::Number(n) => ws.write_number_with_format(row, col, *n, format)?,
        Value::Bool(b) => ws.write_boolean_with_format(row, col, *b, format)?,
        Value::Date(d) => {
            let dt = ExcelDateTime::from_ymd(d.year as u16, d.month, d.day)?;
            ws.write_datetime_with_format(row, col, dt, format)?
        }
        Value::Error(e) => ws.write_string_with_format(row, col, e, format)?,
        Value::FormulaWithoutValue => ws.write_blank(row, col, format)?,
        Value::TooLong(n) => ws.write_string_with_format(
            row,
            col,
            format!("(text på {n} tecken, för lång för att visas)"),
            format,
        )?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_files_are_named_after_the_submission() {
        assert_eq!(
            file_name("narsjukvarden.xlsx"),
            "återkoppling-narsjukvarden.xlsx"
        );
        assert_eq!(
            file_name("Psykiatrin 2025.ods"),
            "återkoppling-Psykiatrin 2025.xlsx"
        );
        assert_eq!(file_name("sub/a.xls"), "återkoppling-a.xlsx");
    }
}
