//! The rules of SPEC 2.3 for the `Indikatorer` sheet, one test each: a workbook built
//! with exactly that fault, and the diagnostic's code and cell asserted.

use crate::common::*;
use crate::rules::{check_book, error_cells, find, good};

#[test]
fn a_share_above_its_denominator_is_an_error_on_both_cells() {
    // Regression: Täljare 1 200 over Nämnare 1 000 (120 %) passed and met its target.
    let (exit, diags) = check_book(
        vec![good("1")],
        Some(vec![share(s("2025"), n(1200.0), n(1000.0))]),
    );
    assert_eq!(exit, 1);
    assert_eq!(error_cells(&diags, "constraint-error"), ["D2", "E2"]);
    // A rate may well exceed its denominator's scale; only shares are bounded.
    let rate = vec![
        s("avoidable_hospitalisation_rate"),
        s("VC"),
        s("2025"),
        n(1200.0),
        n(1000.0),
    ];
    assert_eq!(check_book(vec![good("1")], Some(vec![rate])).0, 0);
}

fn indicator_error(row: Vec<V>, code: &str, cell: &str) {
    let (exit, diags) = check_book(vec![good("1")], Some(vec![row]));
    assert_eq!(exit, 1, "{diags:#?}");
    let d = find(&diags, code);
    assert_eq!(
        (d["sheet"].as_str(), d["cell"].as_str()),
        (Some("Indikatorer"), Some(cell)),
        "{d:#}"
    );
}

pub(crate) fn share(period: V, num: V, den: V) -> Vec<V> {
    vec![s("named_doctor_share"), s("VC"), period, num, den]
}

#[test]
fn period_outside_the_year() {
    indicator_error(
        share(s("2024-12"), n(1.0), n(2.0)),
        "constraint-error",
        "C2",
    );
}

#[test]
fn denominator_zero_or_missing_for_a_share() {
    indicator_error(share(s("2025"), n(1.0), n(0.0)), "constraint-error", "E2");
    indicator_error(share(s("2025"), n(1.0), V::E), "missing-value", "E2");
}

#[test]
fn denominator_present_for_a_count() {
    let row = vec![s("avoided_admissions"), s("VC"), s("2025"), n(4.0), n(10.0)];
    indicator_error(row, "constraint-error", "E2");
}

#[test]
fn unknown_indicator_and_unknown_initiative_id() {
    indicator_error(
        vec![s("andel fast läkare"), s("VC"), s("2025"), n(1.0), n(2.0)],
        "unknown-value",
        "A2",
    );
    let mut row = share(s("2025"), n(1.0), n(2.0));
    row.push(s("99"));
    indicator_error(row, "unknown-value", "F2");
}

#[test]
fn duplicate_indicator_row() {
    let rows = vec![
        share(s("2025-03"), n(1.0), n(2.0)),
        share(V::D(2025, 3, 1), n(1.0), n(2.0)),
    ];
    let (exit, diags) = check_book(vec![good("1")], Some(rows));
    assert_eq!(exit, 1);
    assert_eq!(find(&diags, "duplicate-row")["cell"], "A3");
}
