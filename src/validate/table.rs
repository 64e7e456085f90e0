//! Finding a data sheet's header row and mapping its headers to known columns.
//!
//! The header row is the first row that contains the sheet's first required header; rows
//! above it (titles, logos, instructions) are ignored. Unknown headers get a warning with
//! the closest known name.

use std::collections::BTreeMap;

use crate::diagnostic::{CellRef, Code, Diagnostic, Severity};
use crate::read::{RawSheet, Value};
use crate::schema::{Column, Names, ValueType, spec};
use crate::text::normalize;

/// Where a data sheet's header is and which column holds what.
#[derive(Debug, Clone)]
pub struct Table {
    /// 0-based index of the header row.
    pub header_row: u32,
    cols: BTreeMap<Column, u32>,
}

impl Table {
    /// The 0-based column index of `column`, if the sheet has it.
    pub fn col(&self, column: Column) -> Option<u32> {
        self.cols.get(&column).copied()
    }

    /// The columns the sheet has, by index.
    pub fn mapped_indices(&self) -> impl Iterator<Item = u32> + '_ {
        self.cols.values().copied()
    }
}

/// What the sheet's first filled row holds (`; rad 1 innehåller: mpg, cyl, disp …`), so
/// a person sees what was read instead of a header; empty for an empty sheet.
fn first_row(sheet: &RawSheet) -> String {
    const SHOWN: usize = 5;
    let Some(row) = sheet.rows.iter().find(|r| !r.cells.is_empty()) else {
        return "; bladet är tomt".to_string();
    };
    let values: Vec<String> = row
        .cells
        .iter()
        .take(SHOWN)
        .map(|(_, v)| super::display::shown(v))
        .collect();
    let more = if row.cells.len() > SHOWN { ", …" } else { "" };
    format!(
        "; rad {} innehåller: {}{more}",
        row.row + 1,
        values.join(", ")
    )
}

/// Finds the header of `sheet`, reporting unknown, duplicate and missing columns.
/// Returns `None` when the sheet has no header row at all.
pub fn locate(
    sheet: &RawSheet,
    names: &Names,
    file: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Table> {
    let kind = sheet.kind;
    let columns = kind.columns();
    let first = columns.iter().find(|c| c.required)?;
    let is_first =
        |v: &Value| matches!(v, Value::Text(t) if names.column(kind, t) == Some(first.column));
    let Some(header) = sheet
        .rows
        .iter()
        .find(|r| r.cells.iter().any(|(_, v)| is_first(v)))
    else {
        out.push(no_header(sheet, file, first.header));
        return None;
    };
    let at = |d: Diagnostic| d.in_sheet(&sheet.name);
    let mut cols = BTreeMap::new();
    for (col, value) in &header.cells {
        let cell = CellRef::new(header.row, *col);
        let text = match value {
            Value::Text(t) => t.trim().to_string(),
            other => super::display::shown(other),
        };
        if text.is_empty() {
            continue;
        }
        match names.column(kind, &text) {
            Some(column) if cols.contains_key(&column) => out.push(
                at(Diagnostic::new(
                    Severity::Warning,
                    Code::DuplicateColumn,
                    file,
                    format!(
                        "kolumnen \"{text}\" finns redan som {}; den här kolumnen läses inte",
                        spec(column).header
                    ),
                ))
                .at(cell),
            ),
            Some(column) => {
                cols.insert(column, *col);
                warn_scaled_unit(&text, column, file, &sheet.name, cell, out);
            }
            None => {
                let hint = names
                    .closest_column(kind, &text)
                    .map(|h| format!("menade du \"{h}\"?"));
                out.push(
                    at(Diagnostic::new(
                        Severity::Warning,
                        Code::UnknownColumn,
                        file,
                        format!("okänd kolumn \"{text}\" läses inte"),
                    ))
                    .at(cell)
                    .with_hint(hint),
                );
            }
        }
    }
    for c in columns
        .iter()
        .filter(|c| c.required && !cols.contains_key(&c.column))
    {
        out.push(missing_column(sheet, header, names, file, c.header));
    }
    Some(Table {
        header_row: header.row,
        cols,
    })
}

/// No row of `sheet` has its first required column (`first`).
fn no_header(sheet: &RawSheet, file: &str, first: &str) -> Diagnostic {
    let expected: Vec<&str> = sheet.kind.columns().iter().map(|c| c.header).collect();
    Diagnostic::new(
        Severity::Error,
        Code::MissingColumn,
        file,
        format!(
            "ingen rubrikrad hittades: ingen rad har kolumnen {first}; väntade rubrikerna {}{}",
            expected.join(", "),
            first_row(sheet)
        ),
    )
    .in_sheet(&sheet.name)
    .with_hint(Some(
        "är det rätt fil? `redovisa template` skriver en tom arbetsbok med rätt rubriker"
            .to_string(),
    ))
}

/// A required column missing from the header row, with an unknown header that looks
/// like it as the hint.
fn missing_column(
    sheet: &RawSheet,
    header: &crate::read::RawRow,
    names: &Names,
    file: &str,
    wanted: &str,
) -> Diagnostic {
    let hint = header
        .cells
        .iter()
        .filter_map(|(_, v)| match v {
            Value::Text(t) if names.column(sheet.kind, t).is_none() => Some(t),
            _ => None,
        })
        .find(|t| crate::schema::levenshtein(&normalize(t), &normalize(wanted)) <= 3)
        .map(|t| format!("kolumnen \"{t}\" kanske ska heta \"{wanted}\"?"));
    Diagnostic::new(
        Severity::Error,
        Code::MissingColumn,
        file,
        format!(
            "kolumnen {wanted} saknas i rubrikraden (rad {})",
            header.row + 1
        ),
    )
    .in_sheet(&sheet.name)
    .at(CellRef::new(header.row, 0))
    .with_hint(hint)
}

/// Money is read as kronor; a header in thousands or millions gets a warning.
fn warn_scaled_unit(
    text: &str,
    column: Column,
    file: &str,
    sheet: &str,
    at: CellRef,
    out: &mut Vec<Diagnostic>,
) {
    if spec(column).kind != ValueType::Money {
        return;
    }
    let lower = text.to_lowercase();
    if [
        "(tkr)",
        "(tusen kronor)",
        "(mkr)",
        "(mnkr)",
        "(miljoner kronor)",
    ]
    .iter()
    .any(|u| lower.replace(' ', "").ends_with(&u.replace(' ', "")))
    {
        out.push(
            Diagnostic::new(
                Severity::Warning,
                Code::ConstraintError,
                file,
                format!(
                    "rubriken \"{text}\" anger en annan enhet än kronor; beloppen läses som kronor"
                ),
            )
            .in_sheet(sheet)
            .at(at)
            .with_hint(Some(
                "skriv beloppen i hela kronor och rubriken utan enhet eller med (kr)".into(),
            )),
        );
    }
}
