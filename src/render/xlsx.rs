//! The table appendix (`redovisning-Y.xlsx`) in the style of Swedish official statistics:
//! `Innehåll` with links, one sheet per table (number and title, unit line, header,
//! `Totalt`, `Källa`, `Anm.`), `Teckenförklaring`, `Definitioner`, `Inlämningar` and
//! `Avvikelser`.
//!
//! Renders to memory only; writing the file is `write`'s job. Numbers are numeric cells
//! with number formats, never text; symbols (`–`, `..`, `x`) are text by nature.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Table, TableColumn,
    TableStyle, Url, Workbook, Worksheet, XlsxError,
};

use crate::config::IndicatorKind;
use crate::model::SHIFTS;
use crate::render::format::{CANNOT_OCCUR, NOT_AVAILABLE, NOTHING, SUPPRESSED, long_date, num};
use crate::report::{IndicatorRow, Matrix, Report};

/// One cell of a published table.
#[derive(Debug, Clone)]
enum XCell {
    Text(String),
    /// A whole number (count).
    Count(f64),
    /// Kronor.
    Kr(Option<f64>),
    /// A percentage, given in per cent (45.3), written as a fraction with a % format.
    Pct(Option<f64>),
    /// A number with one decimal.
    Dec(Option<f64>),
    /// A symbol of official statistics.
    Symbol(&'static str),
    Empty,
}

struct Formats {
    title: Format,
    unit: Format,
    header: Format,
    header_left: Format,
    text: Format,
    count: Format,
    kr: Format,
    pct: Format,
    dec: Format,
    symbol: Format,
    note: Format,
    link: Format,
    draft: Format,
}

impl Formats {
    fn new() -> Self {
        // Third section: zero shows as the official "nothing to report" dash.
        let int = "#,##0;\u{2212}#,##0;\"–\"";
        let total = |f: Format| f.set_bold().set_border_top(FormatBorder::Thin);
        let _ = total;
        Formats {
            title: Format::new().set_bold().set_font_size(12),
            unit: Format::new().set_italic(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Right)
                .set_border_bottom(FormatBorder::Thin),
            header_left: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin),
            text: Format::new(),
            count: Format::new().set_num_format(int),
            kr: Format::new().set_num_format(int),
            pct: Format::new().set_num_format("0.0\u{a0}%;\u{2212}0.0\u{a0}%;\"–\""),
            dec: Format::new().set_num_format("#,##0.0;\u{2212}#,##0.0;\"–\""),
            symbol: Format::new().set_align(FormatAlign::Right),
            note: Format::new().set_font_size(9),
            link: Format::new()
                .set_font_color("#0563C1")
                .set_underline(rust_xlsxwriter::FormatUnderline::Single),
            draft: Format::new().set_bold().set_font_color("#C00000"),
        }
    }
}

/// A published table on a sheet of its own.
struct TableSheet {
    sheet: String,
    title: String,
    unit: String,
    headers: Vec<String>,
    rows: Vec<Vec<XCell>>,
    total: Option<Vec<XCell>>,
    notes: Vec<String>,
}

/// Renders the appendix to bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let d = report.generated;
    let created = ExcelDateTime::from_ymd(d.year as u16, d.month, d.day)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "Redovisning God och nära vård {}, {}",
                report.year, report.region
            ))
            .set_author("redovisa")
            .set_creation_datetime(&created),
    );
    let f = Formats::new();
    let tables = tables(report);
    contents(&mut wb, &f, report, &tables)?;
    for t in &tables {
        table_sheet(&mut wb, &f, report, t)?;
    }
    appendix_sheet(&mut wb, &f, report)?;
    legend(&mut wb, &f, report)?;
    definitions(&mut wb, &f, report)?;
    submissions(&mut wb, &f, report)?;
    if !report.diagnostics.is_empty() || !report.rejected.is_empty() {
        diagnostics(&mut wb, &f, report)?;
    }
    wb.save_to_buffer()
}

fn source_line(report: &Report) -> String {
    format!(
        "Källa: Förvaltningarnas redovisningar till {}, sammanställda {}.",
        report.region, report.generated
    )
}

fn draft_mark(ws: &mut Worksheet, report: &Report) {
    if report.draft {
        ws.set_header("&C&\"-,Bold\"&KC00000UTKAST – innehåller fel i underlaget");
    }
}

fn page_setup(ws: &mut Worksheet, landscape: bool) {
    ws.set_paper_size(9);
    if landscape {
        ws.set_landscape();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer("&L&A&RSida &P av &N");
}

fn contents(
    wb: &mut Workbook,
    f: &Formats,
    report: &Report,
    tables: &[TableSheet],
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name("Innehåll")?;
    ws.write_string_with_format(
        0,
        0,
        format!(
            "Redovisning av God och nära vård {}, {}",
            report.year, report.region
        ),
        &f.title,
    )?;
    ws.write_string(
        1,
        0,
        format!("Sammanställd {}", long_date(report.generated)),
    )?;
    if report.draft {
        ws.write_string_with_format(
            2,
            0,
            "UTKAST: underlaget innehåller fel. Avvisade rader finns på bladet Avvikelser.",
            &f.draft,
        )?;
    }
    ws.write_string_with_format(3, 0, "Tabell", &f.header_left)?;
    let mut links: Vec<(String, String)> = tables
        .iter()
        .map(|t| (t.sheet.clone(), t.title.clone()))
        .collect();
    links.push((
        "Tabell 8".into(),
        format!("Tabell 8. Bilaga: samtliga insatser, {}", report.year),
    ));
    links.push(("Teckenförklaring".into(), "Teckenförklaring".into()));
    links.push((
        "Definitioner".into(),
        "Definitioner av indikatorer och insatsområden".into(),
    ));
    links.push((
        "Inlämningar".into(),
        "Inlämnade filer och antal rader".into(),
    ));
    if !report.diagnostics.is_empty() || !report.rejected.is_empty() {
        links.push(("Avvikelser".into(), "Avvikelser i underlaget".into()));
    }
    for (row, (sheet, title)) in (4..).zip(&links) {
        let link = Url::new(format!("internal:'{sheet}'!A1")).set_text(title);
        ws.write_url_with_format(row, 0, link, &f.link)?;
    }
    ws.set_column_width(0, 90)?;
    draft_mark(ws, report);
    page_setup(ws, false);
    Ok(())
}

fn write_cell(
    ws: &mut Worksheet,
    f: &Formats,
    row: u32,
    col: u16,
    cell: &XCell,
    bold: bool,
) -> Result<usize, XlsxError> {
    let b = |fmt: &Format| {
        if bold {
            fmt.clone().set_bold().set_border_top(FormatBorder::Thin)
        } else {
            fmt.clone()
        }
    };
    let width = match cell {
        XCell::Text(s) => {
            ws.write_string_with_format(row, col, s, &b(&f.text))?;
            s.chars().count()
        }
        XCell::Count(v) => {
            ws.write_number_with_format(row, col, *v, &b(&f.count))?;
            num(*v, 0).chars().count()
        }
        XCell::Kr(Some(v)) => {
            ws.write_number_with_format(row, col, *v, &b(&f.kr))?;
            num(*v, 0).chars().count()
        }
        XCell::Pct(Some(v)) => {
            ws.write_number_with_format(row, col, *v / 100.0, &b(&f.pct))?;
            7
        }
        XCell::Dec(Some(v)) => {
            ws.write_number_with_format(row, col, *v, &b(&f.dec))?;
            num(*v, 1).chars().count()
        }
        XCell::Kr(None) | XCell::Pct(None) | XCell::Dec(None) => {
            ws.write_string_with_format(row, col, NOT_AVAILABLE, &b(&f.symbol))?;
            2
        }
        XCell::Symbol(s) => {
            ws.write_string_with_format(row, col, *s, &b(&f.symbol))?;
            2
        }
        XCell::Empty => {
            if bold {
                ws.write_blank(row, col, &b(&f.text))?;
            }
            0
        }
    };
    Ok(width)
}

fn table_sheet(
    wb: &mut Workbook,
    f: &Formats,
    report: &Report,
    t: &TableSheet,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(&t.sheet)?;
    let title = if report.draft {
        format!("{} (UTKAST)", t.title)
    } else {
        t.title.clone()
    };
    ws.write_string_with_format(0, 0, &title, &f.title)?;
    ws.write_string_with_format(1, 0, &t.unit, &f.unit)?;
    let mut widths: Vec<usize> = t
        .headers
        .iter()
        .map(|h| h.chars().count().min(24))
        .collect();
    for (c, h) in t.headers.iter().enumerate() {
        let fmt = if c == 0 { &f.header_left } else { &f.header };
        ws.write_string_with_format(2, c as u16, h, fmt)?;
    }
    let mut row = 3;
    for cells in &t.rows {
        for (c, cell) in cells.iter().enumerate() {
            let w = write_cell(ws, f, row, c as u16, cell, false)?;
            widths[c] = widths[c].max(w);
        }
        row += 1;
    }
    if let Some(total) = &t.total {
        for (c, cell) in total.iter().enumerate() {
            let w = write_cell(ws, f, row, c as u16, cell, true)?;
            widths[c] = widths[c].max(w);
        }
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, source_line(report), &f.note)?;
    for note in &t.notes {
        row += 1;
        ws.write_string_with_format(row, 0, format!("Anm. {note}"), &f.note)?;
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(8.0, 60.0))?;
    }
    ws.set_freeze_panes(3, 1)?;
    ws.set_repeat_rows(0, 2)?;
    draft_mark(ws, report);
    page_setup(ws, t.headers.len() > 5);
    Ok(())
}

fn share_note() -> String {
    "Andelen avser förvaltningens del av regionens totala använda medel.".to_string()
}

fn matrix_rows(m: &Matrix, cell: impl Fn(f64) -> XCell) -> (Vec<Vec<XCell>>, Vec<XCell>) {
    let rows = m
        .rows
        .iter()
        .map(|r| {
            std::iter::once(XCell::Text(r.administration.clone()))
                .chain(r.values.iter().map(|v| cell(*v)))
                .chain(std::iter::once(cell(r.total)))
                .collect()
        })
        .collect();
    let total = std::iter::once(XCell::Text("Totalt".into()))
        .chain(m.totals.iter().map(|v| cell(*v)))
        .chain(std::iter::once(cell(m.total)))
        .collect();
    (rows, total)
}

fn tables(report: &Report) -> Vec<TableSheet> {
    let y = report.year;
    let t = &report.totals;
    let mut out = Vec::new();
    out.push(TableSheet {
        sheet: "Tabell 1".into(),
        title: format!("Tabell 1. Insatser och använda medel per förvaltning, {y}"),
        unit: "Antal, kronor och procent".into(),
        headers: vec![
            "Förvaltning".into(),
            "Antal insatser".into(),
            "Budget, kr".into(),
            "Använda medel, kr".into(),
            "Varav överenskommelsemedel, kr".into(),
            "Andel av använda medel, %".into(),
        ],
        rows: report
            .by_administration
            .iter()
            .map(|a| {
                vec![
                    XCell::Text(a.administration.clone()),
                    XCell::Count(a.initiatives as f64),
                    XCell::Kr(Some(a.budget_kr)),
                    XCell::Kr(Some(a.spent_kr)),
                    XCell::Kr(Some(a.agreement_funds_kr)),
                    XCell::Pct(a.share_pct),
                ]
            })
            .collect(),
        total: Some(vec![
            XCell::Text("Totalt".into()),
            XCell::Count(t.initiatives as f64),
            XCell::Kr(Some(t.budget_kr)),
            XCell::Kr(Some(t.spent_kr)),
            XCell::Kr(Some(t.agreement_funds_kr)),
            XCell::Pct((t.spent_kr > 0.0).then_some(100.0)),
        ]),
        notes: vec![share_note()],
    });
    out.push(TableSheet {
        sheet: "Tabell 2".into(),
        title: format!("Tabell 2. Insatser och använda medel per insatsområde, {y}"),
        unit: "Antal, kronor och procent".into(),
        headers: vec![
            "Insatsområde".into(),
            "Antal insatser".into(),
            "Budget, kr".into(),
            "Använda medel, kr".into(),
            "Varav överenskommelsemedel, kr".into(),
            "Andel av använda medel, %".into(),
        ],
        rows: report
            .by_area
            .iter()
            .map(|a| {
                vec![
                    XCell::Text(a.label.clone()),
                    XCell::Count(a.initiatives as f64),
                    XCell::Kr(Some(a.budget_kr)),
                    XCell::Kr(Some(a.spent_kr)),
                    XCell::Kr(Some(a.agreement_funds_kr)),
                    XCell::Pct(a.share_pct),
                ]
            })
            .collect(),
        total: Some(vec![
            XCell::Text("Totalt".into()),
            XCell::Count(t.initiatives as f64),
            XCell::Kr(Some(t.budget_kr)),
            XCell::Kr(Some(t.spent_kr)),
            XCell::Kr(Some(t.agreement_funds_kr)),
            XCell::Pct((t.spent_kr > 0.0).then_some(100.0)),
        ]),
        notes: vec![],
    });
    let (rows, total) = matrix_rows(&report.area_matrix, |v| XCell::Kr(Some(v)));
    out.push(TableSheet {
        sheet: "Tabell 3".into(),
        title: format!("Tabell 3. Använda medel per förvaltning och insatsområde, {y}"),
        unit: "Kronor".into(),
        headers: headers_with_total("Förvaltning", &report.area_matrix),
        rows,
        total: Some(total),
        notes: vec![],
    });
    let (rows, total) = matrix_rows(&report.status_matrix, XCell::Count);
    out.push(TableSheet {
        sheet: "Tabell 4".into(),
        title: format!("Tabell 4. Insatser efter status och förvaltning, {y}"),
        unit: "Antal".into(),
        headers: headers_with_total("Förvaltning", &report.status_matrix),
        rows,
        total: Some(total),
        notes: vec![],
    });
    out.push(funds_table(report));
    out.push(indicator_table(report));
    let (rows, total) = matrix_rows(&report.shift_matrix, XCell::Count);
    out.push(TableSheet {
        sheet: "Tabell 7".into(),
        title: format!("Tabell 7. Insatser per förflyttning och förvaltning, {y}"),
        unit: "Antal".into(),
        headers: headers_with_total("Förvaltning", &report.shift_matrix),
        rows,
        total: Some(total),
        notes: SHIFTS
            .iter()
            .enumerate()
            .map(|(i, s)| format!("Förflyttning {}: {s}.", i + 1))
            .collect(),
    });
    out
}

fn headers_with_total(first: &str, m: &Matrix) -> Vec<String> {
    std::iter::once(first.to_string())
        .chain(m.columns.iter().cloned())
        .chain(std::iter::once("Totalt".to_string()))
        .collect()
}

fn funds_table(report: &Report) -> TableSheet {
    let t = &report.totals;
    let per = |v: Option<f64>| XCell::Dec(v);
    TableSheet {
        sheet: "Tabell 5".into(),
        title: format!(
            "Tabell 5. Medel i förhållande till tilldelning och befolkning, {}",
            report.year
        ),
        unit: "Kronor, kronor per invånare och procent".into(),
        headers: vec!["Uppgift".into(), "Värde".into()],
        rows: vec![
            vec![
                XCell::Text("Tilldelade överenskommelsemedel, kr".into()),
                XCell::Kr(Some(t.allocation_kr)),
            ],
            vec![
                XCell::Text("Använda överenskommelsemedel, kr".into()),
                XCell::Kr(Some(t.agreement_funds_kr)),
            ],
            vec![
                XCell::Text("Återstår av tilldelningen, kr".into()),
                XCell::Kr(Some(t.remaining_kr)),
            ],
            vec![
                XCell::Text("Använda medel totalt, kr".into()),
                XCell::Kr(Some(t.spent_kr)),
            ],
            vec![
                XCell::Text("Befolkning, antal invånare".into()),
                if t.population > 0 {
                    XCell::Count(t.population as f64)
                } else {
                    XCell::Symbol(NOT_AVAILABLE)
                },
            ],
            vec![
                XCell::Text("Tilldelning per invånare, kr".into()),
                per(t.allocation_per_inhabitant_kr),
            ],
            vec![
                XCell::Text("Använda överenskommelsemedel per invånare, kr".into()),
                per(t.agreement_funds_per_inhabitant_kr),
            ],
            vec![
                XCell::Text("Använda medel totalt per invånare, kr".into()),
                per(t.spent_per_inhabitant_kr),
            ],
            vec![
                XCell::Text("Utnyttjandegrad, %".into()),
                XCell::Pct(t.utilisation_pct),
            ],
        ],
        total: None,
        notes: vec![
            "Utnyttjandegraden är använda överenskommelsemedel delat med tilldelade medel.".into(),
            "Ett negativt värde för Återstår innebär att mer har använts än som tilldelats.".into(),
        ],
    }
}

/// The year's figure of an indicator as a cell: `x` when suppressed, `..` when missing.
fn indicator_cells(r: &IndicatorRow) -> Vec<XCell> {
    let f = &r.figure;
    let hidden = f.suppressed;
    let value = match (hidden, f.value) {
        (true, _) => XCell::Symbol(SUPPRESSED),
        (false, Some(v)) if r.kind == IndicatorKind::Count => XCell::Count(v),
        (false, Some(v)) => XCell::Dec(Some(v)),
        (false, None) => XCell::Symbol(NOT_AVAILABLE),
    };
    let numerator = if hidden {
        XCell::Symbol(SUPPRESSED)
    } else {
        XCell::Count(f.numerator)
    };
    let denominator = match f.denominator {
        Some(d) => XCell::Count(d),
        None => XCell::Symbol(CANNOT_OCCUR),
    };
    let met = match (hidden, f.target_met) {
        (true, Some(_)) => XCell::Symbol(SUPPRESSED),
        (_, Some(true)) => XCell::Text("Ja".into()),
        (_, Some(false)) => XCell::Text("Nej".into()),
        (_, None) => XCell::Empty,
    };
    vec![
        XCell::Text(r.label.clone()),
        XCell::Text(
            f.administration
                .clone()
                .unwrap_or_else(|| "Hela regionen".into()),
        ),
        value,
        numerator,
        denominator,
        r.target.map_or(XCell::Empty, |t| XCell::Dec(Some(t))),
        met,
    ]
}

fn indicator_table(report: &Report) -> TableSheet {
    let year = report.year.to_string();
    let rows = report
        .indicators
        .iter()
        .filter(|r| r.figure.period == year)
        .map(indicator_cells)
        .collect();
    let units: Vec<String> = report
        .indicator_definitions
        .iter()
        .map(|d| format!("{}: {}.", d.label, d.unit.to_lowercase()))
        .collect();
    let mut notes = vec![
        "Värdet för regionen är summan av täljarna delad med summan av nämnarna, inte ett medelvärde av förvaltningarnas värden.".to_string(),
        format!(
            "Värden vars täljare är större än 0 men mindre än {} visas som x av sekretesskäl.",
            num(report.suppression_threshold, 0)
        ),
    ];
    notes.push(format!("Enheter: {}", units.join(" ")));
    TableSheet {
        sheet: "Tabell 6".into(),
        title: format!(
            "Tabell 6. Indikatorer per förvaltning och för regionen, {}",
            report.year
        ),
        unit: "Procent, per 100 000 invånare eller antal, enligt indikatorns definition".into(),
        headers: vec![
            "Indikator".into(),
            "Förvaltning".into(),
            "Värde".into(),
            "Täljare".into(),
            "Nämnare".into(),
            "Målvärde".into(),
            "Målet uppfyllt".into(),
        ],
        rows,
        total: None,
        notes,
    }
}

fn appendix_sheet(wb: &mut Workbook, f: &Formats, report: &Report) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
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
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    let mut row = 3u32;
    for i in &report.initiatives {
        let texts: [(u16, Option<&str>); 10] = [
            (0, Some(&i.administration)),
            (1, Some(&i.id)),
            (2, Some(&i.name)),
            (3, Some(&i.area_label)),
            (5, Some(i.status.label())),
            (12, i.target_group.as_deref()),
            (13, i.description.as_deref()),
            (14, i.result.as_deref()),
            (15, i.contact.as_deref()),
            (16, Some(&i.file)),
        ];
        for (c, t) in texts {
            if let Some(t) = t {
                ws.write_string(row, c, t)?;
                widths[c as usize] = widths[c as usize].max(t.chars().count().min(50));
            }
        }
        if let Some(s) = i.shift {
            ws.write_number(row, 4, f64::from(s))?;
        }
        for (c, d) in [(6u16, i.start), (7, i.end)] {
            if let Some(d) = d {
                ws.write_number_with_format(row, c, d.to_serial(), &date_fmt)?;
                widths[c as usize] = widths[c as usize].max(10);
            }
        }
        for (c, v) in [
            (8u16, i.budget_kr),
            (9, i.spent_kr),
            (10, i.agreement_funds_kr),
        ] {
            if let Some(v) = v {
                ws.write_number_with_format(row, c, v, &f.kr)?;
            }
        }
        if let Some(b) = i.municipal_cooperation {
            ws.write_string(row, 11, if b { "Ja" } else { "Nej" })?;
        }
        ws.write_number(row, 17, f64::from(i.row))?;
        row += 1;
    }
    let last = row.max(4) - 1;
    let columns: Vec<TableColumn> = headers
        .iter()
        .map(|h| TableColumn::new().set_header(*h))
        .collect();
    let table = Table::new()
        .set_columns(&columns)
        .set_style(TableStyle::Light1)
        .set_name("Insatser");
    ws.add_table(2, 0, last, headers.len() as u16 - 1, &table)?;
    let mut r = last + 2;
    ws.write_string_with_format(r, 0, source_line(report), &f.note)?;
    r += 1;
    ws.write_string_with_format(
        r,
        0,
        "Anm. Tabellen har filter i rubrikraden. Belopp i kronor.",
        &f.note,
    )?;
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(8.0, 52.0))?;
    }
    ws.set_freeze_panes(3, 0)?;
    ws.set_repeat_rows(0, 2)?;
    draft_mark(ws, report);
    page_setup(ws, true);
    Ok(())
}

fn simple_sheet(
    wb: &mut Workbook,
    f: &Formats,
    report: &Report,
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
                _ => ws.write_string(row, c as u16, text)?,
            };
            widths[c] = widths[c].max(text.chars().count().min(80));
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(6.0, 80.0))?;
    }
    ws.set_freeze_panes(3, 0)?;
    ws.set_repeat_rows(2, 2)?;
    draft_mark(ws, report);
    page_setup(ws, headers.len() > 4);
    Ok(())
}

fn legend(wb: &mut Workbook, f: &Formats, report: &Report) -> Result<(), XlsxError> {
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
                "Uppgift skyddad av sekretesskäl (täljare större än 0 men mindre än {})",
                num(report.suppression_threshold, 0)
            ),
        ],
    ];
    simple_sheet(
        wb,
        f,
        report,
        "Teckenförklaring",
        "Teckenförklaring",
        &["Tecken", "Betydelse"],
        rows,
    )
}

fn definitions(wb: &mut Workbook, f: &Formats, report: &Report) -> Result<(), XlsxError> {
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
                d.code.clone(),
                d.unit.clone(),
                target,
                d.definition.clone(),
            ]
        })
        .collect();
    rows.extend(report.by_area.iter().map(|a| {
        vec![
            "Insatsområde".to_string(),
            a.label.clone(),
            a.area.clone(),
            String::new(),
            String::new(),
            String::new(),
        ]
    }));
    rows.extend(SHIFTS.iter().enumerate().map(|(i, s)| {
        vec![
            "Förflyttning".to_string(),
            s.to_string(),
            (i + 1).to_string(),
            String::new(),
            String::new(),
            String::new(),
        ]
    }));
    simple_sheet(
        wb,
        f,
        report,
        "Definitioner",
        "Definitioner",
        &["Typ", "Namn", "Kod", "Enhet", "Målvärde", "Definition"],
        rows,
    )
}

fn submissions(wb: &mut Workbook, f: &Formats, report: &Report) -> Result<(), XlsxError> {
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
        report,
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

fn diagnostics(wb: &mut Workbook, f: &Formats, report: &Report) -> Result<(), XlsxError> {
    let mut rows: Vec<Vec<String>> = report
        .diagnostics
        .iter()
        .map(|d| {
            vec![
                d.file.clone(),
                d.sheet.clone().unwrap_or_default(),
                d.cell.map(|c| c.to_string()).unwrap_or_default(),
                swedish_severity(d.severity).to_string(),
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
        report,
        "Avvikelser",
        "Avvikelser i underlaget",
        &["Fil", "Blad", "Cell", "Allvarlighet", "Kod", "Meddelande"],
        rows,
    )
}

/// The Swedish word for a severity.
pub fn swedish_severity(s: crate::diagnostic::Severity) -> &'static str {
    match s {
        crate::diagnostic::Severity::Error => "fel",
        crate::diagnostic::Severity::Warning => "varning",
        crate::diagnostic::Severity::Notice => "notis",
    }
}
