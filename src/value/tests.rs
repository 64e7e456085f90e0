//! Tests of `value.rs`.

use super::*;

#[test]
fn numbers_as_written_by_people() {
    assert_eq!(parse_number("1 250 000"), Some(1_250_000.0));
    assert_eq!(parse_number("1\u{a0}250\u{a0}000 kr"), Some(1_250_000.0));
    assert_eq!(parse_number("1250000,50"), Some(1_250_000.5));
    assert_eq!(parse_number("1 250 000,50 kr"), Some(1_250_000.5));
    assert_eq!(parse_number("1.250.000,50"), Some(1_250_000.5));
    assert_eq!(parse_number("1,250,000.50"), Some(1_250_000.5));
    assert_eq!(parse_number("1250000.5"), Some(1_250_000.5));
    assert_eq!(parse_number("12,5 %"), Some(0.125));
    assert_eq!(parse_number("\u{2212}3"), Some(-3.0));
    assert_eq!(parse_number("500:-"), Some(500.0));
    assert_eq!(parse_number("1 500,-"), Some(1500.0));
    assert_eq!(parse_number("SEK 400"), Some(400.0));
    assert_eq!(parse_number("abc"), None);
    assert_eq!(parse_number(""), None);
    assert_eq!(parse_number("kr"), None);
    assert_eq!(parse_number("12 mars"), None);
    assert_eq!(parse_number("1,2,3.4,5"), None);
    assert_eq!(parse_number("inf"), None);
}

#[test]
fn serials_in_both_date_systems() {
    assert_eq!(Date::from_serial(45_717.0, false), Date::new(2025, 3, 1));
    assert_eq!(Date::from_serial(44_255.0, true), Date::new(2025, 3, 1));
    assert_eq!(Date::from_serial(1.0, false), Date::new(1900, 1, 1));
    assert_eq!(Date::from_serial(61.0, false), Date::new(1900, 3, 1));
    assert_eq!(Date::from_serial(45_717.75, false), Date::new(2025, 3, 1));
    assert_eq!(Date::from_serial(-1.0, false), None);
    assert_eq!(Date::new(2025, 3, 1).unwrap().to_serial(), 45_717.0);
}

#[test]
fn dates_as_text() {
    let d = Date::new(2025, 3, 1);
    assert_eq!(parse_date("2025-03-01"), d);
    assert_eq!(parse_date(" 2025/3/1 "), d);
    assert_eq!(parse_date("20250301"), d);
    assert_eq!(parse_date("2025-03-01 00:00:00"), d);
    assert_eq!(parse_date("2025-03-01T00:00:00"), d);
    assert_eq!(parse_date("1.3.2025"), d);
    assert_eq!(parse_date("2025-02-30"), None);
    assert_eq!(parse_date("mars"), None);
    assert_eq!(parse_date("1 mars 2025"), d);
    assert_eq!(parse_date("1. mar 2025"), d);
    assert_eq!(parse_date("31 februari 2025"), None);
}

#[test]
fn periods() {
    assert_eq!(Period::parse("2025"), Some(Period::Year(2025)));
    assert_eq!(Period::parse("2025-03"), Some(Period::Month(2025, 3)));
    assert_eq!(Period::parse("2025-Q1"), Some(Period::Quarter(2025, 1)));
    assert_eq!(Period::parse("2025 K1"), Some(Period::Quarter(2025, 1)));
    assert_eq!(Period::parse("2025q4"), Some(Period::Quarter(2025, 4)));
    assert_eq!(Period::parse("2025 kv3"), Some(Period::Quarter(2025, 3)));
    assert_eq!(Period::parse("Q2 2025"), Some(Period::Quarter(2025, 2)));
    assert_eq!(Period::parse("2025-03-15"), Some(Period::Month(2025, 3)));
    assert_eq!(Period::parse("Mars 2025"), Some(Period::Month(2025, 3)));
    assert_eq!(Period::parse("okt 2025"), Some(Period::Month(2025, 10)));
    assert_eq!(Period::parse("maj-2025"), Some(Period::Month(2025, 5)));
    assert_eq!(Period::parse("marsipan 2025"), None);
    assert_eq!(Period::parse("2025-13"), None);
    assert_eq!(Period::parse("2025-Q5"), None);
    assert_eq!(Period::Month(2025, 3).to_string(), "2025-03");
    assert_eq!(Period::Quarter(2025, 2).to_string(), "2025-Q2");
}

#[test]
fn yes_no() {
    assert_eq!(parse_yes_no(" JA "), Some(true));
    assert_eq!(parse_yes_no("x"), Some(true));
    assert_eq!(parse_yes_no("false"), Some(false));
    assert_eq!(parse_yes_no("kanske"), None);
}

#[test]
fn period_spans_and_siblings() {
    assert_eq!(Period::Quarter(2025, 2).months(), (4, 6));
    assert_eq!(Period::Month(2025, 11).months(), (11, 11));
    assert_eq!(Period::Year(2025).months(), (1, 12));
    assert_eq!(Period::Quarter(2025, 3).all_like(2025).len(), 4);
    assert_eq!(
        Period::Month(2025, 3).all_like(2025)[11],
        Period::Month(2025, 12)
    );
    assert_eq!(Period::Month(2025, 3).swedish(), "mars 2025");
    assert_eq!(Period::Quarter(2025, 4).swedish(), "kvartal 4 2025");
}

#[test]
fn ore_sums_exactly_and_shows_kronor() {
    let sum: Ore = [Ore(10), Ore(20)].into_iter().sum();
    assert_eq!(sum, Ore(30));
    assert_eq!(Ore::from_kronor(0.1 + 0.2), Ok(Ore(30)));
    assert_eq!(Ore(12_345).kronor(), 123.45);
    assert_eq!(Ore(200).share_pct(Ore(50)), Some(25.0));
    assert_eq!(Ore(0).share_pct(Ore(50)), None);
    assert_eq!(serde_json::to_string(&Ore(150)).unwrap(), "1.5");
}

#[test]
fn ore_rounds_to_nearest() {
    assert_eq!(Ore::from_kronor(1_250_000.5), Ok(Ore(125_000_050)));
    assert_eq!(Ore::from_kronor(0.1 + 0.2), Ok(Ore(30)));
}
