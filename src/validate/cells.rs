//! Reading one row's cells as typed values, collecting a diagnostic for every cell that
//! cannot be read. Used by the sheet validators; knows cell values and types, not rules.

use std::borrow::Cow;

use crate::diagnostic::{CellRef, Code, Diagnostic, Severity};
use crate::read::{RawRow, Value};
use crate::schema::{Column, spec};
use crate::text::collapse;
use crate::value::{
    Date, MoneyError, Ore, Period, parse_date, parse_money, parse_number, parse_yes_no,
};

pub use super::display::{format_plain, plain, shown};
use super::table::Table;

/// One data row being read, with the findings made on it so far.
pub struct RowReader<'a> {
    /// The file.
    pub file: &'a str,
    /// The sheet's name as written.
    pub sheet: &'a str,
    /// The row.
    pub row: &'a RawRow,
    table: &'a Table,
    is_1904: bool,
    /// Errors found on the row (any error rejects it).
    pub errors: Vec<Diagnostic>,
    /// Warnings and notices found on the row.
    pub others: Vec<Diagnostic>,
}

/// A number cell, or text that reads as a number (`1 250,5 kr`).
pub fn as_number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => Some(*n),
        Value::Text(s) => parse_number(s),
        _ => None,
    }
}

impl<'a> RowReader<'a> {
    /// A reader for `row` of a sheet laid out as `table`.
    pub fn new(
        file: &'a str,
        sheet: &'a str,
        row: &'a RawRow,
        table: &'a Table,
        is_1904: bool,
    ) -> Self {
        RowReader {
            file,
            sheet,
            row,
            table,
            is_1904,
            errors: Vec::new(),
            others: Vec::new(),
        }
    }

    /// The cell position of `column` on this row (column A when the column is absent).
    pub fn cell_ref(&self, column: Column) -> CellRef {
        CellRef::new(self.row.row, self.table.col(column).unwrap_or(0))
    }

    /// Whether the sheet has `column`.
    pub fn has_column(&self, column: Column) -> bool {
        self.table.col(column).is_some()
    }

    /// The Excel row number.
    pub fn excel_row(&self) -> u32 {
        self.row.row + 1
    }

    /// Records a finding at `column` on this row.
    pub fn report(
        &mut self,
        severity: Severity,
        code: Code,
        column: Column,
        message: String,
        hint: Option<String>,
    ) {
        let d = Diagnostic::new(severity, code, self.file, message)
            .in_sheet(self.sheet)
            .at(self.cell_ref(column))
            .with_hint(hint);
        if severity == Severity::Error {
            self.errors.push(d);
        } else {
            self.others.push(d);
        }
    }

    /// Records an error at `column` on this row.
    pub fn error(&mut self, code: Code, column: Column, message: String) {
        self.report(Severity::Error, code, column, message, None);
    }

    /// The raw value of `column`, reporting error values, formulas without a cached value
    /// and over-long text. Blank text counts as empty.
    pub fn value(&mut self, column: Column) -> Option<&'a Value> {
        let col = self.table.col(column)?;
        let value = self.row.get(col)?;
        let header = spec(column).header;
        match value {
            Value::Text(s) if s.trim().is_empty() => None,
            Value::Error(e) => {
                self.error(
                    Code::CellError,
                    column,
                    format!(
                        "cellen i kolumnen {header} innehåller felvärdet {e}; väntade ett värde"
                    ),
                );
                None
            }
            Value::FormulaWithoutValue => {
                self.error(
                    Code::FormulaWithoutValue,
                    column,
                    format!(
                        "cellen i kolumnen {header} är en formel utan sparat värde; öppna och spara filen i Excel, eller skriv in värdet"
                    ),
                );
                None
            }
            Value::TooLong(n) => {
                self.error(
                    Code::LimitExceeded,
                    column,
                    format!("cellen i kolumnen {header} har {n} tecken, mer än gränsen (limits.max_cell_chars)"),
                );
                None
            }
            v => Some(v),
        }
    }

    /// The raw value of `column`, without judging it.
    pub fn raw(&self, column: Column) -> Option<&'a Value> {
        self.row.get(self.table.col(column)?)
    }

    /// Whether `column` holds anything at all (an unreadable value counts).
    pub fn is_filled(&self, column: Column) -> bool {
        self.table
            .col(column)
            .and_then(|c| self.row.get(c))
            .is_some_and(|v| !matches!(v, Value::Text(s) if s.trim().is_empty()))
    }

    /// Reports a missing required value.
    pub fn missing(&mut self, column: Column, expected: &str) {
        let header = spec(column).header;
        self.error(
            Code::MissingValue,
            column,
            format!("kolumnen {header} är tom; väntade {expected}"),
        );
    }

    fn type_error(&mut self, column: Column, value: &Value, expected: &str) {
        let header = spec(column).header;
        self.error(
            Code::TypeError,
            column,
            format!(
                "{} i kolumnen {header} kan inte läsas; väntade {expected}",
                shown(value)
            ),
        );
    }

    /// Text, trimmed, borrowed from the cell where it can be; numbers and dates are
    /// written out.
    pub fn text(&mut self, column: Column) -> Option<Cow<'a, str>> {
        let value = self.value(column)?;
        Some(match value {
            Value::Text(s) => Cow::Borrowed(s.trim()),
            Value::Number(n) => Cow::Owned(format_plain(*n)),
            Value::Bool(b) => Cow::Borrowed(if *b { "Ja" } else { "Nej" }),
            Value::Date(d) => Cow::Owned(d.to_string()),
            _ => return None,
        })
    }

    /// A number; text like `1 250,5` is read too.
    pub fn number(&mut self, column: Column) -> Option<f64> {
        let value = self.value(column)?;
        let n = as_number(value);
        if n.is_none() {
            self.type_error(column, value, "ett tal, t.ex. 1 250 eller 12,5");
        }
        n
    }

    /// Money in öre, read exactly (`value::parse_money`, `Ore::from_kronor`); must not be
    /// negative nor above [`Ore::MAX_CELL`].
    pub fn money(&mut self, column: Column) -> Option<i64> {
        let value = self.value(column)?;
        let read = match value {
            Value::Number(n) => Ore::from_kronor(*n),
            // `12,5 %` is a share, no amount of kronor.
            Value::Text(s) => parse_money(s),
            _ => Err(MoneyError::NotMoney),
        };
        let header = spec(column).header;
        let ore = match read {
            Ok(ore) => ore,
            Err(MoneyError::NotMoney) => {
                self.type_error(column, value, "ett belopp i kronor, t.ex. 1 250 000");
                return None;
            }
            Err(MoneyError::TooLarge) => Ore(i64::MAX),
        };
        if ore > Ore::MAX_CELL {
            self.error(
                Code::ConstraintError,
                column,
                format!(
                    "beloppet {} i kolumnen {header} är orimligt stort; väntade högst {} kr",
                    shown(value),
                    crate::text::group(Ore::MAX_CELL.kronor())
                ),
            );
            return None;
        }
        if ore < Ore::ZERO {
            self.error(
                Code::ConstraintError,
                column,
                format!(
                    "beloppet {} i kolumnen {header} är negativt; väntade 0 eller mer",
                    shown(value)
                ),
            );
            return None;
        }
        Some(ore.0)
    }

    /// A date: a date cell, a serial number or ISO text.
    pub fn date(&mut self, column: Column) -> Option<Date> {
        let value = self.value(column)?;
        let d = match value {
            Value::Date(d) => Some(*d),
            Value::Number(n) => Date::from_serial(*n, self.is_1904),
            Value::Text(s) => parse_date(s),
            _ => None,
        };
        if d.is_none() {
            self.type_error(column, value, "ett datum, ÅÅÅÅ-MM-DD");
        }
        d
    }

    /// A period: a year, a month (also a date cell) or a quarter.
    pub fn period(&mut self, column: Column) -> Option<Period> {
        let value = self.value(column)?;
        let p = match value {
            Value::Date(d) => Some(Period::of_date(*d)),
            Value::Number(n) if n.fract() == 0.0 && (1900.0..=2200.0).contains(n) => {
                Some(Period::Year(*n as i32))
            }
            Value::Number(n) if *n > 2200.0 => {
                Date::from_serial(*n, self.is_1904).map(Period::of_date)
            }
            Value::Text(s) => Period::parse(s),
            _ => None,
        };
        if p.is_none() {
            self.type_error(
                column,
                value,
                "en period: år (2025), månad (2025-03) eller kvartal (2025-Q1)",
            );
        }
        p
    }

    /// Yes or no.
    pub fn yes_no(&mut self, column: Column) -> Option<bool> {
        let value = self.value(column)?;
        let b = match value {
            Value::Bool(b) => Some(*b),
            Value::Number(n) if *n == 1.0 || *n == 0.0 => Some(*n == 1.0),
            Value::Text(s) => parse_yes_no(s),
            _ => None,
        };
        if b.is_none() {
            self.type_error(column, value, "Ja eller Nej");
        }
        b
    }

    /// Matches an enumerated value against `choices`, case- and space-insensitively;
    /// reports an unknown value with the closest name as a hint.
    pub fn choice<T: Copy>(
        &mut self,
        column: Column,
        choices: &Choices<T>,
        expected: &str,
    ) -> Option<T> {
        let text = self.text(column)?;
        if let Some(t) = choices.find(&text) {
            return Some(t);
        }
        let hint = choices
            .closest(&text)
            .map(|n| format!("menade du \"{n}\"?"));
        let header = spec(column).header;
        self.report(
            Severity::Error,
            Code::UnknownValue,
            column,
            format!("\"{text}\" i kolumnen {header} är inget känt värde; väntade {expected}"),
            hint,
        );
        None
    }
}

/// The names an enumerated value may take, each with what it means.
#[derive(Debug, Clone)]
pub struct Choices<T> {
    entries: Vec<(String, String, T)>,
}

impl<T: Copy> Choices<T> {
    /// Choices from `(name, meaning)` pairs.
    pub fn new<'n>(names: impl IntoIterator<Item = (&'n str, T)>) -> Self {
        Choices {
            entries: names
                .into_iter()
                .map(|(n, t)| (collapse(n), n.to_string(), t))
                .collect(),
        }
    }

    /// The meaning of `text`, matched case- and space-insensitively.
    pub fn find(&self, text: &str) -> Option<T> {
        // Most files spell values exactly as the lists do: no allocation for those.
        if let Some((_, _, t)) = self.entries.iter().find(|(_, name, _)| name == text) {
            return Some(*t);
        }
        let key = collapse(text);
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, _, t)| *t)
    }

    /// The name closest to `text`, for a hint.
    pub fn closest(&self, text: &str) -> Option<&str> {
        crate::schema::closest(
            text,
            self.entries
                .iter()
                .map(|(_, n, _)| (n.as_str(), n.as_str())),
        )
    }
}
