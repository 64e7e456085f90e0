//! The appendix's other sheets: Tabell 8 (every initiative, as an Excel table with
//! filters), Teckenförklaring, Definitioner, Inlämningar and Avvikelser.

use rust_xlsxwriter::{Format, Table, TableColumn, TableStyle, Workbook, XlsxError};

use crate::model::SHIFTS;
use crate::render::format::{CANNOT_OCCUR, NOT_AVAILABLE, NOTHING, SUPPRESSED, num};
use crate::report::Report;

use super::{Formats, bilaga, draft_mark, fit, page_setup, source_line};

/// The largest Bilaga written as an Excel table object. Adding a table makes the writer
/// check it against earlier tables by hashing every one of its cells (`rust_xlsxwriter`
/// 0.102): 3,5 s and 266 MB for a whole country's 11,2 million cells. Above this the
/// header row gets an autofilter instead: the same filters and frozen, styled headers,
/// without the table's banding (SPEC 3.1). At this size the check takes about 0,3 s.
const TABLE_MAX_CELLS: usize = 1_000_000;

/// The Bilaga's header row (row 3) with filters down to `last`: an Excel table object,
/// or styled headers with an autofilter. The table is added first: it writes its header
/// row, and in constant-memory mode rows must be written in order.
fn filters(
    ws: &mut rust_xlsxwriter::Worksheet,
    f: &Formats,
    headers: &[&str],
    last: u32,
    table: bool,
) -> Result<(), XlsxError> {
    let last_col = headers.len() as u16 - 1;
    if table {
        let columns: Vec<TableColumn> = headers
            .iter()
            .map(|h| TableColumn::new().set_header(*h))
            .collect();
        let table = Table::new()
            .set_columns(&columns)
            .set_style(TableStyle::Light1)
            .set_name("Insatser");
        ws.add_table(2, 0, last, last_col, &table)?;
    } else {
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(2, c as u16, *h, &f.header_left)?;
        }
        ws.autofilter(2, 0, last, last_col)?;
    }
    Ok(())
}

/// Whether a Bilaga of `initiatives` rows is written as an Excel table object.
fn as_table(initiatives: usize) -> bool {
    initiatives * bilaga::COLUMNS <= TABLE_MAX_CELLS
}

pub(super) fn appendix_sheet(
    wb: &mut Workbook,
    f: &Formats,
    report: &Report,
) -> Result<(), XlsxError> {
    // Written row by row to disk as it is built (its rows are rendered on every core).
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name("Tabell 8")?;
    let title = format!("Tabell 8. Bilaga: samtliga insatser, {}", report.year);
    ws.write_string_with_format(
        0,
        0,
        if report.draft {
            format!("{title} (UTKAST)")
        } else {
            title
        },
        &f.title,
    )?;
    ws.write_string_with_format(1, 0, "Kronor och datum", &f.unit)?;
    let headers = [
        "Förvaltning",
        "Id",
        "Insats",
        "Insatsområde",
        "Förflyttning",
        "Status",
        "Startdatum",
        "Slutdatum",
        "Budget, kr",
        "Använda medel, kr",
        "Varav överenskommelsemedel, kr",
        "Samverkan med kommun",
        "Målgrupp",
        "Beskrivning",
        "Resultat",
        "Kontaktperson",
        "Fil",
        "Rad",
    ];
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let mut widths = headers.map(|h| h.chars().count());
    let last = (3 + report.initiatives.len() as u32).max(4) - 1;
    filters(ws, f, &headers, last, as_table(report.initiatives.len()))?;
    let styles = bilaga::Styles {
        date: &date_fmt,
        kr: &f.kr,
        symbol: &f.symbol,
    };
    bilaga::write_rows(ws, report.initiatives.iter(), 3, &styles, &mut widths)?;
    let mut r = last + 2;
    ws.write_string_with_format(r, 0, source_line(report), &f.note)?;
    r += 1;
    ws.write_string_with_format(
        r,
        0,
        "Anm. Tabellen har filter i rubrikraden. Belopp i kronor; .. betyder att beloppet inte har angetts. Kolumnerna Fil och Rad visar var i underlaget raden står och skrivs inte ut.",
        &f.note,
    )?;
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(8.0, 52.0))?;
    }
    ws.set_freeze_panes(3, 0)?;
    ws.set_repeat_rows(0, 2)?;
    draft_mark(ws, report.draft);
    // Printed: landscape, without the internal Fil and Rad columns, at full size over as
    // many pages across as it takes, each repeating who and what (the first three columns).
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_area(0, 0, r, 15)?;
    ws.set_repeat_columns(0, 2)?;
    ws.set_footer("&L&A&RSida &P av &N");
    Ok(())
}

pub(super) fn simple_sheet(
    wb: &mut Workbook,
    f: &Formats,
    draft: bool,
    name: &str,
    title: &str,
    headers: &[&str],
    rows: Vec<Vec<String>>,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, title, &f.title)?;
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &f.header_left)?;
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            let row = 3 + r as u32;
            match text.parse::<f64>() {
                Ok(n)
                    if c > 0 && !text.is_empty() && text.chars().all(|ch| ch.is_ascii_digit()) =>
                {
                    ws.write_number_with_format(row, c as u16, n, &f.count)?
                }
                _ => ws.write_string(row, c as u16, fit(text))?,
            };
            widths[c] = widths[c].max(text.chars().count().min(80));
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(6.0, 80.0))?;
    }
    ws.set_freeze_panes(3, 0)?;
    ws.set_repeat_rows(2, 2)?;
    draft_mark(ws, draft);
    page_setup(ws, headers.len() > 4);
    Ok(())
}

pub(super) fn legend(wb: &mut Workbook, f: &Formats, report: &Report) -> Result<(), XlsxError> {
    let rows = vec![
        vec![
            NOTHING.to_string(),
            "Inget finns att redovisa (värdet är noll)".to_string(),
        ],
        vec![
            NOT_AVAILABLE.to_string(),
            "Uppgift inte tillgänglig eller för osäker för att redovisas".to_string(),
        ],
        vec![
            CANNOT_OCCUR.to_string(),
            "Uppgift kan inte förekomma (t.ex. nämnare för ett antal)".to_string(),
        ],
        vec![
            SUPPRESSED.to_string(),
            format!(
                "Uppgift skyddad av sekretesskäl: värden vars täljare är större än 0 men mindre än {}, och uppgifter ur vilka ett sådant värde skulle kunna räknas fram (till exempel en förvaltning när regionens och övriga förvaltningars värden visas)",
                num(report.suppression_threshold, 0)
            ),
        ],
    ];
    simple_sheet(
        wb,
        f,
        report.draft,
        "Teckenförklaring",
        "Teckenförklaring",
        &["Tecken", "Betydelse"],
        rows,
    )
}

pub(super) fn definitions(
    wb: &mut Workbook,
    f: &Formats,
    report: &Report,
) -> Result<(), XlsxError> {
    let mut rows: Vec<Vec<String>> = report
        .indicator_definitions
        .iter()
        .map(|d| {
            let target = d.target.map_or(String::new(), |t| {
                let dir = match t.direction {
                    crate::config::Direction::AtLeast => "minst",
                    crate::config::Direction::AtMost => "högst",
                };
                format!("{dir} {}", num(t.value, 1))
            });
            vec![
                "Indikator".to_string(),
                d.label.clone(),
                d.unit.clone(),
                target,
                d.definition.clone(),
                format!("Årsvärde per enhet: {}.", d.year_value),
            ]
        })
        .collect();
    rows.extend(report.by_area.iter().map(|a| {
        vec![
            "Insatsområde".to_string(),
            a.label.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]
    }));
    rows.extend(SHIFTS.iter().enumerate().map(|(i, s)| {
        vec![
            "Förflyttning".to_string(),
            format!("{}. {s}", i + 1),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]
    }));
    simple_sheet(
        wb,
        f,
        report.draft,
        "Definitioner",
        "Definitioner",
        &[
            "Typ",
            "Namn",
            "Enhet",
            "Målvärde",
            "Definition",
            "Så bildas årsvärdet",
        ],
        rows,
    )
}

pub(super) fn submissions(
    wb: &mut Workbook,
    f: &Formats,
    report: &Report,
) -> Result<(), XlsxError> {
    let rows = report
        .files
        .iter()
        .map(|s| {
            vec![
                s.file.clone(),
                s.administration.clone(),
                s.rows_read.to_string(),
                s.accepted.to_string(),
                s.rejected.to_string(),
                s.skipped.to_string(),
            ]
        })
        .collect();
    simple_sheet(
        wb,
        f,
        report.draft,
        "Inlämningar",
        &format!("Inlämnade filer, {}", report.year),
        &[
            "Fil",
            "Förvaltning",
            "Lästa rader",
            "Godkända",
            "Avvisade",
            "Överhoppade",
        ],
        rows,
    )
}

pub(super) fn diagnostics(
    wb: &mut Workbook,
    f: &Formats,
    report: &Report,
) -> Result<(), XlsxError> {
    let mut rows: Vec<Vec<String>> = report
        .diagnostics
        .iter()
        .map(|d| {
            vec![
                d.file.clone(),
                d.sheet.clone().unwrap_or_default(),
                d.cell.map(|c| c.to_string()).unwrap_or_default(),
                d.severity.label().to_string(),
                d.code.as_str().to_string(),
                d.message.clone(),
            ]
        })
        .collect();
    rows.extend(report.rejected.iter().map(|r| {
        vec![
            r.file.clone(),
            r.sheet.clone(),
            format!("rad {}", r.row),
            "avvisad rad".to_string(),
            "rejected-row".to_string(),
            r.reasons.join("; "),
        ]
    }));
    simple_sheet(
        wb,
        f,
        report.draft,
        "Avvikelser",
        "Avvikelser i underlaget",
        &["Fil", "Blad", "Cell", "Allvarlighet", "Kod", "Meddelande"],
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_sized_bilaga_has_an_autofilter_and_a_region_a_table() {
        assert!(as_table(180));
        assert!(as_table(TABLE_MAX_CELLS / bilaga::COLUMNS));
        assert!(!as_table(622_000));
    }
}
