//! Tests of `value.rs`.

use proptest::prelude::*;

use super::*;

proptest! {
    #[test]
    fn numbers_read_back_as_written(whole in -999_999_999i64..999_999_999, cents in 0u8..100) {
        let value = whole as f64 + f64::from(cents) / 100.0 * whole.signum() as f64;
        let written = crate::text::num(value, 2);
        let read = parse_number(&written).unwrap();
        prop_assert!((read - value).abs() < 1e-6, "{} read as {}", written, read);
        let with_kr = format!("{written} kr");
        prop_assert!((parse_number(&with_kr).unwrap() - value).abs() < 1e-6);
    }

    #[test]
    fn dates_read_back_from_text_and_serials(days in -25_000i64..60_000, is_1904 in any::<bool>()) {
        let date = Date::from_days(days).unwrap();
        prop_assert_eq!(parse_date(&date.to_string()), Some(date));
        let serial = date.to_serial();
        if serial >= 61.0 {
            let in_1904 = if is_1904 { serial - 1462.0 } else { serial };
            if in_1904 >= 1.0 {
                prop_assert_eq!(Date::from_serial(in_1904, is_1904), Some(date));
            }
        }
    }

    #[test]
    fn periods_read_back_as_written(year in 1990i32..2100, month in 1u8..13, quarter in 1u8..5) {
        for text in [
            format!("{year}"),
            format!("{year}-{month:02}"),
            format!("{year}-Q{quarter}"),
        ] {
            let period = Period::parse(&text).unwrap();
            prop_assert_eq!(period.to_string(), text.clone());
            prop_assert_eq!(Period::parse(&period.to_string()), Some(period));
        }
    }
}

/// Every form a period is printed in reads back to the same period.
fn printed(p: Period) -> Vec<String> {
    vec![p.to_string(), p.swedish()]
}

fn any_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (1900i32..=2200).prop_map(Period::Year),
        (1900i32..=2200, 1u8..=4).prop_map(|(y, q)| Period::Quarter(y, q)),
        (1900i32..=2200, 1u8..=12).prop_map(|(y, m)| Period::Month(y, m)),
    ]
}

proptest! {
    #[test]
    fn every_label_redovisa_prints_reads_back(p in any_period()) {
        for text in printed(p) {
            prop_assert_eq!(Period::parse(&text), Some(p), "{}", text);
        }
    }

    /// The readers are total: any text gives a value or `None`, never a panic, and what
    /// they give is in range.
    #[test]
    fn text_parsers_are_total(text in any::<String>()) {
        if let Some(n) = parse_number(&text) {
            prop_assert!(n.is_finite());
        }
        match parse_money(&text) {
            Ok(_) | Err(MoneyError::NotMoney | MoneyError::TooLarge) => {}
        }
        if let Some(d) = parse_date(&text) {
            prop_assert!((1..=12).contains(&d.month) && (1..=31).contains(&d.day));
        }
        if let Some(p) = Period::parse(&text) {
            prop_assert!(YEARS.contains(&p.year()));
            let (from, to) = p.months();
            prop_assert!(1 <= from && from <= to && to <= 12);
        }
        let _ = parse_yes_no(&text);
    }

    /// The same on text shaped like the values of the columns (digits, separators,
    /// month and quarter words, units, multi-byte letters), where the readers' branches are.
    #[test]
    fn text_parsers_are_total_on_cell_like_text(
        text in "[0-9 ,.\\-/:%+eEqQkKvå ÅäÖ\u{a0}\u{2212}]{0,12}(kr|sek|mars|kvartal|Q|K|%)?[0-9 ÅQ]{0,6}"
    ) {
        let _ = parse_number(&text);
        let _ = parse_money(&text);
        let _ = parse_date(&text);
        let _ = Period::parse(&text);
        let _ = parse_yes_no(&text);
    }

    #[test]
    fn number_readers_are_total(x in any::<f64>(), is_1904 in any::<bool>()) {
        match Ore::from_kronor(x) {
            Ok(ore) => prop_assert!(x.is_finite() && (ore.kronor() - x).abs() <= 0.005 + x.abs() * 1e-14),
            Err(MoneyError::NotMoney) => prop_assert!(!x.is_finite()),
            Err(MoneyError::TooLarge) => prop_assert!(x.abs() >= 9e15),
        }
        if let Some(d) = Date::from_serial(x, is_1904) {
            prop_assert!((1..=12).contains(&d.month));
        }
        let shown = crate::text::num(x, 2);
        prop_assert!(shown.chars().count() < 40 || x.abs() >= 1e15);
        prop_assert!(crate::text::group(x).chars().count() < 30);
    }

    /// Money read from text is exact: `k,öö` for any whole kronor and öre reads back as
    /// itself, with spaces or without.
    #[test]
    fn money_text_is_exact(kronor in 0i64..10_000_000_000, ore in 0i64..100, third in 0u8..10) {
        let text = format!("{kronor},{ore:02}{third}");
        let expected = kronor * 100 + ore + i64::from(third >= 5);
        prop_assert_eq!(parse_money(&text), Ok(Ore(expected)));
        let grouped = format!("{} kr", crate::text::num(kronor as f64, 0));
        prop_assert_eq!(parse_money(&grouped), Ok(Ore(kronor * 100)));
    }
}
