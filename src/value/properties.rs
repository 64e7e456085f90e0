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
