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
        out.push(
            Diagnostic::new(
                Severity::Error,
                Code::MissingColumn,
                file,
                format!(
                    "ingen rubrikrad hittades: ingen rad har kolumnen {}; väntade rubrikerna {}{}",
                    first.header,
                    columns
                        .iter()
                        .map(|c| c.header)
                        .collect::<Vec<_>>()
                        .join(", "),
                    first_row(sheet)
                ),
            )
            .in_sheet(&sheet.name)
            .with_hint(Some(
                "är det rätt fil? `redovisa template` skriver en tom arbetsbok med rätt rubriker"
                    .to_string(),
            )),
        );
        return None;
    };
    let mut cols = BTreeMap::new();
    for (col, value) in &header.cells {
        let at = CellRef::new(header.row, *col);
        let text = match value {
            Value::Text(t) => t.trim().to_string(),
            other => super::display::shown(other),
        };
        if text.is_empty() {
            continue;
        }
        match names.column(kind, &text) {
            Some(column) if cols.contains_key(&column) => out.push(
                Diagnostic::new(
                    Severity::Warning,
                    Code::DuplicateColumn,
                    file,
                    format!(
                        "kolumnen \"{text}\" finns redan som {}; den här kolumnen läses inte",
                        spec(column).header
                    ),
                )
                .in_sheet(&sheet.name)
                .at(at),
            ),
            Some(column) => {
                cols.insert(column, *col);
                warn_scaled_unit(&text, column, file, &sheet.name, at, out);
            }
            None => {
                let hint = names
                    .closest_column(kind, &text)
                    .map(|h| format!("menade du \"{h}\"?"));
                out.push(
                    Diagnostic::new(
                        Severity::Warning,
                        Code::UnknownColumn,
                        file,
                        format!("okänd kolumn \"{text}\" läses inte"),
                    )
                    .in_sheet(&sheet.name)
                    .at(at)
                    .with_hint(hint),
                );
            }
        }
    }
    for c in columns
        .iter()
        .filter(|c| c.required && !cols.contains_key(&c.column))
    {
        let hint = header
            .cells
            .iter()
            .filter_map(|(_, v)| match v {
                Value::Text(t) if names.column(kind, t).is_none() => Some(t),
                _ => None,
            })
            .find(|t| crate::schema::levenshtein(&normalize(t), &normalize(c.header)) <= 3)
            .map(|t| format!("kolumnen \"{t}\" kanske ska heta \"{}\"?", c.header));
        out.push(
            Diagnostic::new(
                Severity::Error,
                Code::MissingColumn,
                file,
                format!(
                    "kolumnen {} saknas i rubrikraden (rad {})",
                    c.header,
                    header.row + 1
                ),
            )
            .in_sheet(&sheet.name)
            .at(CellRef::new(header.row, 0))
            .with_hint(hint),
        );
    }
    Some(Table {
        header_row: header.row,
        cols,
    })
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
