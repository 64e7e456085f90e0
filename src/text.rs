//! Swedish text for numbers and counts, shared by messages, configuration and the
//! outputs: `1 234 567,3` with non-breaking spaces, and `1 fil` / `2 filer`.
//!
//! A leaf: imports nothing from the crate, so that every layer may use it.

/// The non-breaking space used between thousands and before units.
pub const NBSP: char = '\u{a0}';

/// `1234567.25` with 1 decimal → `1 234 567,3` (non-breaking spaces, Unicode minus).
pub fn num(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "..".to_string();
    }
    // Round half away from zero, as tables are read (45,25 → 45,3).
    let factor = 10f64.powi(decimals.min(15) as i32);
    let rounded = (value.abs() * factor).round() / factor;
    let text = format!("{:.*}", decimals, rounded);
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(NBSP);
        }
        grouped.push(c);
    }
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('\u{2212}');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A count with its noun in the right number, grouped: `1 fil`, `2 filer`, `12 345 rader`.
pub fn count_word(n: u64, singular: &str, plural: &str) -> String {
    let word = if n == 1 { singular } else { plural };
    format!("{}{NBSP}{word}", num(n as f64, 0))
}

/// A whole number grouped by thousands (`1 429 354`); decimals only where it has them.
pub fn group(value: f64) -> String {
    if value.fract() == 0.0 {
        num(value, 0)
    } else {
        num(value, 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_right_number() {
        assert_eq!(count_word(1, "fil", "filer"), "1\u{a0}fil");
        assert_eq!(count_word(2, "fil", "filer"), "2\u{a0}filer");
        assert_eq!(count_word(0, "varning", "varningar"), "0\u{a0}varningar");
        assert_eq!(count_word(12_345, "rad", "rader"), "12\u{a0}345\u{a0}rader");
    }

    #[test]
    fn groups_whole_numbers_without_decimals() {
        assert_eq!(group(1_429_354.0), "1\u{a0}429\u{a0}354");
        assert_eq!(group(2.5), "2,50");
        assert_eq!(num(-1234.56, 1), "\u{2212}1\u{a0}234,6");
        assert_eq!(num(f64::NAN, 1), "..");
    }
}
