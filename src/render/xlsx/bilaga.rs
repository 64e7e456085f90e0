//! The Bilaga's rows (tabell 8, one per initiative) rendered as SpreadsheetML on every
//! core, a batch at a time, and handed in order to the constant-memory worksheet. At
//! national scale these are 11 million cells; through the writer's cell-by-cell API they
//! took 3 s on one core, while the other core had nothing left to do.

use std::io::Write;

use rayon::prelude::*;
use rust_xlsxwriter::worksheet::escape_cell_text;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::fit;
use crate::model::Initiative;

/// The Bilaga's columns.
pub(super) const COLUMNS: usize = 18;

/// Column letters of the Bilaga, A–R.
const LETTERS: [&str; COLUMNS] = [
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R",
];

/// Rows per batch: a batch's XML (under a MB) is what each core holds at a time.
const BATCH: usize = 1024;

/// Widest text counted for a column's width, in characters.
const MAX_WIDTH: usize = 50;

/// Style indices of the formatted cells.
#[derive(Debug, Clone, Copy)]
pub(super) struct Styles {
    /// Dates.
    pub date: u32,
    /// Kronor.
    pub kr: u32,
}

/// Writes `initiatives` to `ws` from row `first_row` (0-based), one row each, and widens
/// `widths` (characters, per column) to their texts.
pub(super) fn write_rows<'a>(
    ws: &mut Worksheet,
    initiatives: impl Iterator<Item = &'a Initiative>,
    first_row: u32,
    styles: Styles,
    widths: &mut [usize; COLUMNS],
) -> Result<(), XlsxError> {
    let list: Vec<&Initiative> = initiatives.collect();
    let group = BATCH * rayon::current_num_threads().max(1);
    let mut row = first_row;
    for rows in list.chunks(group) {
        let rendered: Vec<(Vec<u8>, [usize; COLUMNS])> = rows
            .par_chunks(BATCH)
            .enumerate()
            .map(|(k, batch)| render(batch, row + (k * BATCH) as u32, styles))
            .collect();
        for ((xml, batch_widths), batch) in rendered.iter().zip(rows.chunks(BATCH)) {
            let last = row + batch.len() as u32 - 1;
            ws.write_rendered_rows(row, last, COLUMNS as u16 - 1, xml)?;
            row = last + 1;
            for (w, b) in widths.iter_mut().zip(batch_widths) {
                *w = (*w).max(*b);
            }
        }
    }
    Ok(())
}

/// The `<row>` elements of `batch`, the first at sheet row `first_row` (0-based), and
/// the widths of their texts.
fn render(batch: &[&Initiative], first_row: u32, styles: Styles) -> (Vec<u8>, [usize; COLUMNS]) {
    let mut out = Cells {
        xml: Vec::with_capacity(batch.len() * 640),
        widths: [0; COLUMNS],
        row: String::new(),
        number: zmij::Buffer::new(),
    };
    for (i, row) in batch.iter().zip(first_row + 1..) {
        out.start_row(row);
        out.text(0, Some(&i.administration));
        out.text(1, Some(i.id()));
        out.text(2, Some(i.name()));
        out.text(3, Some(&i.area_label));
        out.number(4, i.shift.map(f64::from), 0);
        out.text(5, Some(i.status.label()));
        for (col, date) in [(6, i.start), (7, i.end)] {
            if date.is_some() {
                out.widths[col] = out.widths[col].max(10);
            }
            out.number(col, date.map(|d| d.to_serial()), styles.date);
        }
        out.number(8, i.budget_kr(), styles.kr);
        out.number(9, i.spent_kr(), styles.kr);
        out.number(10, i.agreement_funds_kr(), styles.kr);
        out.text(
            11,
            i.municipal_cooperation
                .map(|b| if b { "Ja" } else { "Nej" }),
        );
        out.text(12, i.target_group());
        out.text(13, i.description());
        out.text(14, i.result());
        out.text(15, i.contact());
        out.text(16, Some(&i.file));
        out.number(17, Some(f64::from(i.row)), 0);
        out.xml.extend_from_slice(b"</row>");
    }
    (out.xml, out.widths)
}

/// One batch's XML being written, and its texts' widths.
struct Cells {
    xml: Vec<u8>,
    widths: [usize; COLUMNS],
    /// The current row's number (1-based), as text.
    row: String,
    number: zmij::Buffer,
}

impl Cells {
    fn start_row(&mut self, row: u32) {
        self.row.clear();
        // Writing to a String cannot fail.
        let _ = std::fmt::Write::write_fmt(&mut self.row, format_args!("{row}"));
        self.xml.extend_from_slice(b"<row r=\"");
        self.xml.extend_from_slice(self.row.as_bytes());
        self.xml.extend_from_slice(b"\">");
    }

    /// `<c r="B7"` and the style, if any.
    fn open(&mut self, col: usize, style: u32) {
        self.xml.extend_from_slice(b"<c r=\"");
        self.xml.extend_from_slice(LETTERS[col].as_bytes());
        self.xml.extend_from_slice(self.row.as_bytes());
        self.xml.push(b'"');
        if style > 0 {
            let _ = write!(self.xml, " s=\"{style}\"");
        }
    }

    /// An inline string cell; nothing for an absent or empty text (as the writer does).
    fn text(&mut self, col: usize, text: Option<&str>) {
        let Some(text) = text.filter(|t| !t.is_empty()).map(fit) else {
            return;
        };
        let w = &mut self.widths[col];
        // A text no longer in bytes than the width cannot widen it: skip counting.
        if text.len() > *w && *w < MAX_WIDTH {
            *w = (*w).max(text.chars().count().min(MAX_WIDTH));
        }
        let (escaped, preserve) = escape_cell_text(text);
        self.open(col, 0);
        self.xml.extend_from_slice(if preserve {
            b" t=\"inlineStr\"><is><t xml:space=\"preserve\">".as_slice()
        } else {
            b" t=\"inlineStr\"><is><t>".as_slice()
        });
        self.xml.extend_from_slice(escaped.as_bytes());
        self.xml.extend_from_slice(b"</t></is></c>");
    }

    /// A number cell; nothing when absent.
    fn number(&mut self, col: usize, value: Option<f64>, style: u32) {
        let Some(value) = value.filter(|v| v.is_finite()) else {
            return;
        };
        self.open(col, style);
        self.xml.extend_from_slice(b"><v>");
        let text = self.number.format_finite(value);
        self.xml.extend_from_slice(text.as_bytes());
        self.xml.extend_from_slice(b"</v></c>");
    }
}

#[cfg(test)]
mod tests {
    use rust_xlsxwriter::Workbook;

    /// The vendored writer's `write_rendered_rows` (vendor/README.md) refuses what would
    /// make a sheet out of order, and lets ordinary writes continue after the rows.
    #[test]
    fn rendered_rows_keep_the_sheet_in_order() {
        let mut wb = Workbook::new();
        let in_memory = wb.add_worksheet();
        assert!(in_memory.write_rendered_rows(0, 0, 0, b"").is_err());
        let ws = wb.add_worksheet_with_constant_memory().unwrap();
        ws.write_string(0, 0, "rubrik").unwrap();
        let rows =
            br#"<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row>"#;
        ws.write_rendered_rows(1, 2, 0, rows).unwrap();
        assert!(ws.write_rendered_rows(2, 3, 0, b"").is_err());
        ws.write_string(3, 0, "efter").unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = calamine::Reader::worksheet_range_at(&mut book, 1)
            .unwrap()
            .unwrap();
        let cells: Vec<String> = range.rows().map(|r| r[0].to_string()).collect();
        assert_eq!(cells, ["rubrik", "1", "2", "efter"]);
    }
}
