//! Cells as redovisa keeps them: calamine's values converted (texts in one Unicode form,
//! dates as dates), merged areas filled from their top-left cell, and cells grouped into
//! sorted rows.

use calamine::{Data, DataRef, Dimensions};

use super::{Cells, Context, RawRow, Value};
use crate::value::{Date, parse_date};

impl Context<'_> {
    pub(super) fn convert<'d>(&self, data: impl Into<DataLike<'d>>) -> Option<Value> {
        let text = |s: &str| {
            if s.is_empty() {
                None
            } else {
                // A text no longer in bytes than the limit is within it in characters.
                let n = if s.len() <= self.limits.max_cell_chars {
                    0
                } else {
                    s.chars().count()
                };
                Some(if n > self.limits.max_cell_chars {
                    Value::TooLong(n)
                } else {
                    // One form for every text, so equal names are equal bytes everywhere
                    // after (grouping, duplicates, the report).
                    Value::Text(crate::text::nfc(s).into_owned())
                })
            }
        };
        match data.into() {
            DataLike::Ref(d) => match d {
                DataRef::Empty => None,
                DataRef::String(s) => text(&s),
                DataRef::SharedString(s) => text(s),
                DataRef::Int(i) => Some(Value::Number(i as f64)),
                DataRef::Float(f) => Some(Value::Number(f)),
                DataRef::Bool(b) => Some(Value::Bool(b)),
                DataRef::DateTime(dt) => Some(date_value(&dt)),
                DataRef::DateTimeIso(s) => Some(parse_date(&s).map_or(Value::Text(s), Value::Date)),
                DataRef::DurationIso(s) => text(&s),
                DataRef::Error(e) => Some(Value::Error(e.to_string())),
            },
            DataLike::Owned(d) => match d {
                Data::Empty => None,
                Data::String(s) => text(s),
                Data::Int(i) => Some(Value::Number(*i as f64)),
                Data::Float(f) => Some(Value::Number(*f)),
                Data::Bool(b) => Some(Value::Bool(*b)),
                Data::DateTime(dt) => Some(date_value(dt)),
                Data::DateTimeIso(s) => {
                    Some(parse_date(s).map_or_else(|| Value::Text(s.clone()), Value::Date))
                }
                Data::DurationIso(s) => text(s),
                Data::Error(e) => Some(Value::Error(e.to_string())),
            },
        }
    }
}

/// A borrowed or owned calamine value, so one conversion serves both readers.
pub(super) enum DataLike<'d> {
    Ref(DataRef<'d>),
    Owned(&'d Data),
}

impl<'d> From<DataRef<'d>> for DataLike<'d> {
    fn from(d: DataRef<'d>) -> Self {
        DataLike::Ref(d)
    }
}

impl<'d> From<&'d Data> for DataLike<'d> {
    fn from(d: &'d Data) -> Self {
        DataLike::Owned(d)
    }
}

fn date_value(dt: &calamine::ExcelDateTime) -> Value {
    if dt.is_duration() {
        return Value::Number(dt.as_f64());
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    match Date::new(i32::from(y), m, d) {
        Some(date) if dt.as_f64() >= 1.0 => Value::Date(date),
        _ => Value::Number(dt.as_f64()),
    }
}

/// Largest merged area that is filled; bigger merges keep only their top-left value.
const MAX_MERGE_FILL: u64 = 10_000;

/// Gives every cell of a merged area the value of its top-left cell.
pub(super) fn fill_merged(cells: &mut Cells, merged: &[Dimensions]) {
    if merged.is_empty() {
        return;
    }
    sort_cells(cells);
    let mut added = Vec::new();
    for m in merged {
        if m.len() > MAX_MERGE_FILL || m.len() <= 1 {
            continue;
        }
        let Ok(i) = cells.binary_search_by_key(&m.start, |(r, c, _)| (*r, *c)) else {
            continue;
        };
        let value = cells[i].2.clone();
        for r in m.start.0..=m.end.0 {
            for c in m.start.1..=m.end.1 {
                if (r, c) != m.start {
                    added.push((r, c, value.clone()));
                }
            }
        }
    }
    cells.extend(added);
}

fn sort_cells(cells: &mut Cells) {
    if !cells.is_sorted_by_key(|(r, c, _)| (*r, *c)) {
        cells.sort_by_key(|(r, c, _)| (*r, *c));
    }
}

/// Groups cells into rows; a later cell at the same position replaces an earlier one.
pub(super) fn into_rows(mut cells: Cells) -> Vec<RawRow> {
    sort_cells(&mut cells);
    // Each row's vector is allocated once, at its size (rows are runs of sorted cells).
    let run = |rest: &[(u32, u32, Value)]| rest.iter().take_while(|c| c.0 == rest[0].0).count();
    let mut rows: Vec<RawRow> = Vec::new();
    let mut cells = cells.into_iter();
    while !cells.as_slice().is_empty() {
        let rest = cells.as_slice();
        let len = run(rest);
        let row = rest[0].0;
        let mut out: Vec<(u32, Value)> = Vec::with_capacity(len);
        for (_, c, v) in cells.by_ref().take(len) {
            if out.last().is_some_and(|(lc, _)| *lc == c) {
                out.pop();
            }
            out.push((c, v));
        }
        rows.push(RawRow { row, cells: out });
    }
    rows
}
