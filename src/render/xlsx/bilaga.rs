//! The Bilaga's rows (tabell 8, one per initiative), written through the writer's public
//! cell API on a constant-memory worksheet. At national scale these are 11 million cells,
//! the largest part of the xlsx; they are written on the xlsx's own thread while the text
//! outputs render on the other (see `render::render`).

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::fit;
use crate::model::Initiative;

/// The Bilaga's columns.
pub(super) const COLUMNS: usize = 18;

/// Widest text counted for a column's width, in characters.
const MAX_WIDTH: usize = 50;

/// The formats of the formatted cells.
pub(super) struct Styles<'a> {
    /// Dates.
    pub date: &'a Format,
    /// Kronor.
    pub kr: &'a Format,
    /// Symbols of official statistics (right-aligned text).
    pub symbol: &'a Format,
}

/// Writes `initiatives` to `ws` from row `first_row` (0-based), one row each, and widens
/// `widths` (characters, per column) to their texts.
pub(super) fn write_rows<'a>(
    ws: &mut Worksheet,
    initiatives: impl Iterator<Item = &'a Initiative>,
    first_row: u32,
    styles: &Styles<'_>,
    widths: &mut [usize; COLUMNS],
) -> Result<(), XlsxError> {
    for (i, row) in initiatives.zip(first_row..) {
        let mut cells = Row { ws, row, widths };
        cells.text(0, Some(&i.administration))?;
        cells.text(1, Some(i.id()))?;
        cells.text(2, Some(i.name()))?;
        cells.text(3, Some(&i.area_label))?;
        cells.number(4, i.shift.map(f64::from), None)?;
        cells.text(5, Some(i.status.label()))?;
        for (col, date) in [(6, i.start), (7, i.end)] {
            if date.is_some() {
                cells.widths[col] = cells.widths[col].max(10);
            }
            cells.number(
                col,
                date.map(crate::value::Date::to_serial),
                Some(styles.date),
            )?;
        }
        // Money not given is `..` (figure not available), as in the report.
        for (col, kr) in [
            (8, i.budget_kr()),
            (9, i.spent_kr()),
            (10, i.agreement_funds_kr()),
        ] {
            match kr {
                Some(_) => cells.number(col, kr, Some(styles.kr))?,
                None => cells.symbol(col, styles.symbol)?,
            }
        }
        let cooperation = i
            .municipal_cooperation
            .map(|b| if b { "Ja" } else { "Nej" });
        cells.text(11, cooperation)?;
        cells.text(12, i.target_group())?;
        cells.text(13, i.description())?;
        cells.text(14, i.result())?;
        cells.text(15, i.contact())?;
        cells.text(16, Some(&i.file))?;
        cells.number(17, Some(f64::from(i.row)), None)?;
    }
    Ok(())
}

/// One row being written, and the columns' widths.
struct Row<'w, 'x> {
    ws: &'w mut Worksheet,
    row: u32,
    widths: &'x mut [usize; COLUMNS],
}

impl Row<'_, '_> {
    /// A text cell; nothing for an absent or empty text.
    fn text(&mut self, col: usize, text: Option<&str>) -> Result<(), XlsxError> {
        let Some(text) = text.filter(|t| !t.is_empty()).map(fit) else {
            return Ok(());
        };
        let w = &mut self.widths[col];
        // A text no longer in bytes than the width cannot widen it: skip counting.
        if text.len() > *w && *w < MAX_WIDTH {
            *w = (*w).max(text.chars().count().min(MAX_WIDTH));
        }
        self.ws.write_string(self.row, col as u16, text)?;
        Ok(())
    }

    /// The symbol `..` (figure not available).
    fn symbol(&mut self, col: usize, format: &Format) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(
            self.row,
            col as u16,
            crate::render::format::NOT_AVAILABLE,
            format,
        )?;
        Ok(())
    }

    /// A number cell; nothing when absent.
    fn number(
        &mut self,
        col: usize,
        value: Option<f64>,
        format: Option<&Format>,
    ) -> Result<(), XlsxError> {
        let Some(value) = value.filter(|v| v.is_finite()) else {
            return Ok(());
        };
        match format {
            Some(f) => self
                .ws
                .write_number_with_format(self.row, col as u16, value, f)?,
            None => self.ws.write_number(self.row, col as u16, value)?,
        };
        Ok(())
    }
}
