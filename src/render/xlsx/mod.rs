//! The table appendix (`redovisning-Y.xlsx`) in the style of Swedish official statistics:
//! `Innehåll` with links, one sheet per table (number and title, unit line, header,
//! `Totalt`, `Källa`, `Anm.`), `Teckenförklaring`, `Definitioner`, `Inlämningar` and
//! `Avvikelser`.
//!
//! Renders into a writer it is given; creating the file is `write`'s job. Numbers are
//! numeric cells with number formats, never text; symbols (`–`, `..`, `x`) are text by
//! nature.

mod bilaga;
mod comparison;
pub mod riket;
mod sheets;
mod tables;

use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartFormat, ChartLegendPosition, ChartLine, ChartType,
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Url, Workbook, Worksheet,
    XlsxError,
};

use crate::error::Error;
use crate::render::format::{NOT_AVAILABLE, long_date, num};
use crate::report::Report;

use comparison::comparison_tables;
use sheets::{appendix_sheet, definitions, diagnostics, legend, submissions};
use tables::tables;

/// Above this many initiatives the workbook is compressed at [`LARGE_COMPRESSION_LEVEL`].
pub const LARGE_ABOVE: usize = 20_000;

/// The zip compression level of a large workbook (more than [`LARGE_ABOVE`]
/// initiatives). Deflate at the default level 6 was a third of writing a national
/// workbook; level 3 wrote it 2 s faster (5.9 s instead of 7.9 s) for a file 14 % larger
/// (64 MB instead of 56 MB). Small workbooks keep the default.
pub const LARGE_COMPRESSION_LEVEL: u8 = 1;

/// The most text an Excel cell holds, in UTF-16 code units.
const MAX_CELL_TEXT: usize = 32_767;

/// `text`, cut to what an Excel cell holds (the JSON keeps it whole). The writer's
/// `write_string` refuses a longer text, which would fail the whole workbook; reading
/// limits cells to `limits.max_cell_chars` characters, which can still be more units.
/// Every text that comes from the submissions goes through it.
pub fn fit(text: &str) -> &str {
    // A text has at least as many bytes as UTF-16 code units.
    if text.len() <= MAX_CELL_TEXT {
        return text;
    }
    let mut units = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_TEXT {
            return &text[..at];
        }
    }
    text
}

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
    charts: Vec<ChartSpec>,
}

/// A native Excel chart drawn from a table's own cells, beside the table.
struct ChartSpec {
    /// The chart's title.
    title: String,
    /// First and last data row (0-based, counted from the first row under the header).
    rows: (u32, u32),
    /// The column with the category names.
    categories: u16,
    /// The column with the values.
    values: u16,
    /// A column with a target value per row, drawn as a line.
    target: Option<u16>,
    /// Horizontal bars (long category names) rather than columns.
    horizontal: bool,
    /// The value axis's number format, like the table's (`# ##0`, `0 %`).
    num_format: &'static str,
}

/// The value axis's format for kronor, counts and rates: whole numbers with spaces.
const AXIS_WHOLE: &str = "#,##0";
/// The value axis's format for shares given in per cent (45.3 is 45 %).
const AXIS_PERCENT: &str = "0\"\u{a0}%\"";
/// Rows a chart takes on its sheet (340 pixels at 20 per row), and a row for its source.
const CHART_ROWS: u32 = 18;

/// The first row of a table's data (below title, unit line and header).
const DATA_ROW: u32 = 3;

/// Builds chart `number` from `spec` over the cells of `sheet`, honest as SPEC 3.1 asks:
/// the value axis starts at zero and has the table's number format, and the bars come in
/// the table's order (a bar chart's category axis is reversed, as Excel draws its first
/// category at the bottom, and crosses at its end, which keeps the value axis below).
fn chart(sheet: &str, spec: &ChartSpec, number: u32, year: i32) -> Chart {
    let (first, last) = (DATA_ROW + spec.rows.0, DATA_ROW + spec.rows.1);
    let kind = if spec.horizontal {
        ChartType::Bar
    } else {
        ChartType::Column
    };
    let mut chart = Chart::new(kind);
    let title = format!("Diagram {number}. {}, {year}", spec.title);
    chart.title().set_name(&title);
    if spec.horizontal {
        chart.x_axis().set_min(0.0).set_num_format(spec.num_format);
        chart
            .y_axis()
            .set_reverse()
            .set_crossing(ChartAxisCrossing::Max);
    } else {
        chart.y_axis().set_min(0.0).set_num_format(spec.num_format);
    }
    chart
        .add_series()
        .set_name("Värde")
        .set_categories((sheet, first, spec.categories, last, spec.categories))
        .set_values((sheet, first, spec.values, last, spec.values))
        .set_gap(60);
    if let Some(target) = spec.target {
        let mut line = Chart::new(ChartType::Line);
        line.add_series()
            .set_name("Målvärde")
            .set_values((sheet, first, target, last, target))
            .set_format(
                ChartFormat::new().set_line(ChartLine::new().set_color("#C00000").set_width(2.0)),
            );
        chart.combine(&line);
        chart.legend().set_position(ChartLegendPosition::Bottom);
    } else {
        chart.legend().set_hidden();
    }
    chart.set_width(620).set_height(340);
    chart.set_alt_text(title);
    chart
}

/// A workbook writer's error as ours: its I/O error is the output's (`name`'s) write
/// failing; anything else is the writer's own failure (`what` could not be produced).
pub(crate) fn failed(what: &str, name: &str, e: XlsxError) -> Error {
    match e {
        XlsxError::IoError(source) => Error::Write {
            path: name.into(),
            source,
        },
        e => Error::workbook(what, e),
    }
}

/// Renders the appendix into `out`, streamed: the workbook is never held whole in memory.
pub fn write(report: &Report, out: impl std::io::Write + Send) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    if report.initiatives.len() > LARGE_ABOVE {
        wb.set_zip_compression_level(LARGE_COMPRESSION_LEVEL);
    }
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
    let comparison = comparison_tables(report);
    contents(&mut wb, &f, report, &tables, &comparison)?;
    let mut diagrams = 0;
    let frame = Frame::of(report);
    for t in &tables {
        table_sheet(&mut wb, &f, &frame, t, &mut diagrams)?;
    }
    appendix_sheet(&mut wb, &f, report)?;
    for t in &comparison {
        table_sheet(&mut wb, &f, &frame, t, &mut diagrams)?;
    }
    legend(&mut wb, &f, report)?;
    definitions(&mut wb, &f, report)?;
    submissions(&mut wb, &f, report)?;
    if !report.diagnostics.is_empty() || !report.rejected.is_empty() {
        diagnostics(&mut wb, &f, report)?;
    }
    wb.save_to_writer(out)
}

fn source_line(report: &Report) -> String {
    format!(
        "Källa: Förvaltningarnas redovisningar till {}, sammanställda {}.",
        report.region, report.generated
    )
}

fn draft_mark(ws: &mut Worksheet, draft: bool) {
    if draft {
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
    comparison: &[TableSheet],
) -> Result<(), XlsxError> {
    let mut links: Vec<(String, String)> = tables
        .iter()
        .map(|t| (t.sheet.clone(), t.title.clone()))
        .collect();
    links.push((
        "Tabell 8".into(),
        format!("Tabell 8. Bilaga: samtliga insatser, {}", report.year),
    ));
    links.extend(
        comparison
            .iter()
            .map(|t| (t.sheet.clone(), t.title.clone())),
    );
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
    contents_sheet(
        wb,
        f,
        [
            format!(
                "Redovisning av God och nära vård {}, {}",
                report.year, report.region
            ),
            format!("Sammanställd {}", long_date(report.generated)),
        ],
        report.draft.then_some(
            "UTKAST: underlaget innehåller fel. Avvisade rader finns på bladet Avvikelser.",
        ),
        &links,
    )
}

/// The `Innehåll` sheet of a workbook: its title and date line, the draft's notice, and a
/// link to every sheet (`links`: sheet name and the title shown).
fn contents_sheet(
    wb: &mut Workbook,
    f: &Formats,
    [title, dated]: [String; 2],
    draft: Option<&str>,
    links: &[(String, String)],
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name("Innehåll")?;
    ws.write_string_with_format(0, 0, title, &f.title)?;
    ws.write_string(1, 0, dated)?;
    if let Some(notice) = draft {
        ws.write_string_with_format(2, 0, notice, &f.draft)?;
    }
    ws.write_string_with_format(3, 0, "Tabell", &f.header_left)?;
    for (row, (sheet, title)) in (4..).zip(links) {
        let link = Url::new(format!("internal:'{sheet}'!A1")).set_text(title);
        ws.write_url_with_format(row, 0, link, &f.link)?;
    }
    ws.set_column_width(0, 90)?;
    draft_mark(ws, draft.is_some());
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
            ws.write_string_with_format(row, col, fit(s), &b(&f.text))?;
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
    };
    Ok(width)
}

/// What every table sheet of one workbook shares: its year, whether it is a draft, and
/// the `Källa` line under each table and chart.
struct Frame {
    year: i32,
    draft: bool,
    source: String,
}

impl Frame {
    fn of(report: &Report) -> Frame {
        Frame {
            year: report.year,
            draft: report.draft,
            source: source_line(report),
        }
    }
}

/// Writes table `t` on a sheet of its own; its charts are numbered from `diagrams` on.
fn table_sheet(
    wb: &mut Workbook,
    f: &Formats,
    frame: &Frame,
    t: &TableSheet,
    diagrams: &mut u32,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(&t.sheet)?;
    let title = if frame.draft {
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
    let mut row = DATA_ROW;
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
    ws.write_string_with_format(row, 0, &frame.source, &f.note)?;
    for note in &t.notes {
        row += 1;
        ws.write_string_with_format(row, 0, format!("Anm. {note}"), &f.note)?;
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(8.0, 60.0))?;
    }
    // The charts go under the table, two to a printed page, the first on a page of its
    // own: a page break before each pair keeps every chart whole on paper.
    let mut breaks = Vec::new();
    row += 2;
    for (k, spec) in t.charts.iter().enumerate() {
        if k % 2 == 0 {
            breaks.push(row);
        }
        *diagrams += 1;
        ws.insert_chart(row, 0, &chart(&t.sheet, spec, *diagrams, frame.year))?;
        ws.write_string_with_format(row + CHART_ROWS, 0, &frame.source, &f.note)?;
        row += CHART_ROWS + 2;
    }
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    ws.set_freeze_panes(3, 1)?;
    ws.set_repeat_rows(0, 2)?;
    draft_mark(ws, frame.draft);
    page_setup(ws, t.headers.len() > 5);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{MAX_CELL_TEXT, fit};

    #[test]
    fn texts_are_cut_to_what_an_excel_cell_holds() {
        let short = "å".repeat(MAX_CELL_TEXT);
        assert_eq!(fit(&short), short);
        let long = format!("{short}x");
        assert_eq!(fit(&long), short);
        // An emoji is two UTF-16 code units: 16 383 of them fit, not 16 384.
        let emoji = "😀".repeat(16_384);
        assert_eq!(fit(&emoji).chars().count(), 16_383);
    }
}
