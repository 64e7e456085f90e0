//! Fuzzes the cell readers: every parser of a cell's text or number (numbers, money,
//! dates, periods, yes/no), and whole rows of `Insatser` and `Indikatorer` whose cells
//! are made of the input, through validation. No panic is allowed anywhere here: these
//! are our own functions, and a value in a cell must never cost more than its row.
//!
//! The input is split at `0xFF` bytes into cells; a cell's first byte picks its kind
//! (text, number, boolean, date, error value), the rest is its content.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use redovisa::config::Config;
use redovisa::internals::{RawRow, RawSheet, RawWorkbook, Value};
use redovisa::internals::{INDICATOR_COLUMNS, INITIATIVE_COLUMNS, Names, SheetKind};
use redovisa::internals::{Rules, Vocabulary, validate};
use redovisa::value::{Date, Ore, Period, parse_date, parse_money, parse_number, parse_yes_no};

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default_config);
static NAMES: LazyLock<Names> = LazyLock::new(|| Names::new(&CONFIG));
static VOCAB: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary::new(&CONFIG));

fn value(bytes: &[u8]) -> Value {
    let Some((&kind, rest)) = bytes.split_first() else {
        return Value::Text(String::new());
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let mut eight = [0u8; 8];
    for (slot, b) in eight.iter_mut().zip(rest) {
        *slot = *b;
    }
    let number = f64::from_le_bytes(eight);
    match kind % 6 {
        0 | 1 => Value::Text(text),
        2 => Value::Number(number),
        3 => Value::Bool(rest.first().is_some_and(|b| b % 2 == 1)),
        4 => Value::Date(Date::from_days(i64::from(i32::from_le_bytes([eight[0], eight[1], eight[2], 0]))).unwrap_or(Date { year: 2025, month: 1, day: 1 })),
        _ => Value::Error(text),
    }
}

fn parsers(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = parse_number(&text);
    let _ = parse_money(&text);
    let _ = parse_date(&text);
    let _ = Period::parse(&text);
    let _ = parse_yes_no(&text);
    let mut eight = [0u8; 8];
    for (slot, b) in eight.iter_mut().zip(bytes) {
        *slot = *b;
    }
    let x = f64::from_le_bytes(eight);
    let _ = Ore::from_kronor(x);
    let _ = Date::from_serial(x, bytes.first().is_some_and(|b| b % 2 == 0));
}

fn sheet(name: &str, kind: SheetKind, headers: &[&str], cells: &[Value]) -> RawSheet {
    let head = RawRow {
        row: 0,
        cells: headers.iter().zip(0u32..).map(|(h, c)| (c, Value::Text(h.to_string()))).collect(),
    };
    let body = cells.chunks(headers.len().max(1)).zip(1u32..).map(|(row, r)| RawRow {
        row: r,
        cells: row.iter().cloned().zip(0u32..).map(|(v, c)| (c, v)).collect(),
    });
    RawSheet {
        name: name.to_string(),
        kind,
        rows: std::iter::once(head).chain(body).collect(),
    }
}

fuzz_target!(|data: &[u8]| {
    parsers(data);
    let cells: Vec<Value> = data.split(|b| *b == 0xFF).take(64).map(value).collect();
    let initiative: Vec<&str> = INITIATIVE_COLUMNS.iter().map(|c| c.header).collect();
    let indicator: Vec<&str> = INDICATOR_COLUMNS.iter().map(|c| c.header).collect();
    let raw = RawWorkbook {
        is_1904: data.first().is_some_and(|b| *b == 0),
        sheets: vec![
            sheet("Insatser", SheetKind::Initiatives, &initiative, &cells),
            sheet("Indikatorer", SheetKind::Indicators, &indicator, &cells),
        ],
        ..RawWorkbook::default()
    };
    let rules = Rules { config: &CONFIG, names: &NAMES, vocab: &VOCAB };
    let sub = validate(&raw, "fuzz.xlsx", &rules);
    let s = &sub.summary;
    assert_eq!(s.rows_read, s.accepted + s.rejected + s.skipped);
    assert!(!sub.diagnostics.iter().any(|d| d.code == redovisa::diagnostic::Code::RowUnreadable));
});
