//! Swedish number, money, percentage and date formatting, shared by the templates and
//! the xlsx appendix: non-breaking space between thousands, decimal comma, a space before
//! `%` and `kr`, the Unicode minus, and the symbols of Swedish official statistics.

use crate::value::Date;

pub use crate::text::NBSP;
pub use crate::text::{CANNOT_OCCUR, NOT_AVAILABLE, NOTHING, SUPPRESSED};

pub use crate::text::num;

/// Kronor, whole: `1 234 567 kr`.
pub fn sek(value: f64) -> String {
    format!("{}{NBSP}kr", num(value, 0))
}

/// Per cent with one decimal: `45,3 %`.
pub fn pct(value: f64, decimals: usize) -> String {
    format!("{}{NBSP}%", num(value, decimals))
}

use crate::value::MONTHS;

/// `31 mars 2026`.
pub fn long_date(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day,
        MONTHS[usize::from(date.month) - 1],
        date.year
    )
}

/// The name of a month, 1–12 (`mars`).
pub fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12)) - 1]
}

/// A period as Swedish text: `2025`, `mars 2025`, `kvartal 1 2025`.
pub fn period_label(period: &str) -> String {
    match crate::value::Period::parse(period) {
        Some(crate::value::Period::Month(y, m)) => format!("{} {y}", month_name(m)),
        Some(crate::value::Period::Quarter(y, q)) => format!("kvartal {q} {y}"),
        _ => period.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers() {
        assert_eq!(num(1_234_567.0, 0), "1\u{a0}234\u{a0}567");
        assert_eq!(num(1234.5, 1), "1\u{a0}234,5");
        assert_eq!(num(999.0, 0), "999");
        assert_eq!(num(0.0, 0), "0");
        assert_eq!(num(-1500.0, 0), "\u{2212}1\u{a0}500");
        assert_eq!(num(-0.01, 0), "0");
        assert_eq!(num(f64::NAN, 0), "..");
        assert_eq!(sek(1_234_567.4), "1\u{a0}234\u{a0}567\u{a0}kr");
        assert_eq!(pct(45.25, 1), "45,3\u{a0}%");
    }

    #[test]
    fn swedish_dates() {
        assert_eq!(long_date(Date::new(2026, 3, 31).unwrap()), "31 mars 2026");
        assert_eq!(period_label("2025-03"), "mars 2025");
        assert_eq!(period_label("2025-Q2"), "kvartal 2 2025");
        assert_eq!(period_label("2025"), "2025");
    }
}
