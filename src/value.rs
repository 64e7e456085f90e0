//! Reading typed values out of text the way spreadsheets write them: numbers with spaces,
//! `kr` and decimal commas, dates as ISO text or Excel serials in either date system,
//! periods (year, month, quarter) and yes/no.
//!
//! Pure functions on strings and numbers; no knowledge of sheets or cells.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod money;
mod period;

pub use money::{MoneyError, Ore, parse_money};
use period::month_by_name;
pub use period::{MONTHS, Period, YEARS};

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The date of an Excel serial number in the 1900 or 1904 date system.
    pub fn from_serial(serial: f64, is_1904: bool) -> Option<Date> {
        if !(1.0..2_958_466.0).contains(&serial) {
            return None;
        }
        let whole = serial.floor() as i64;
        let days_from_1970 = if is_1904 {
            whole - 24_107 // 1904-01-01 is serial 0
        } else if whole < 60 {
            whole - 25_568 // before Excel's phantom 1900-02-29
        } else {
            whole - 25_569 // 1899-12-30 is serial 0
        };
        let (y, m, d) = civil_from_days(days_from_1970);
        Date::new(y, m, d)
    }

    /// The Excel serial number (1900 system) of this date.
    pub fn to_serial(self) -> f64 {
        (days_from_civil(self.year, self.month, self.day) + 25_569) as f64
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Option<Date> {
        let (y, m, d) = civil_from_days(days);
        Date::new(y, m, d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("\"{text}\" är inget datum; väntade ÅÅÅÅ-MM-DD"))
        })
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date, ÅÅÅÅ-MM-DD",
            "pattern": "^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil calendar algorithms.
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Reads a number written as text: `1 250 000`, `1 250 000 kr`, `1250000,50`,
/// `12,5 %` (→ 0.125), `−3`, `1.250.000,50`, with regular or non-breaking spaces.
pub fn parse_number(text: &str) -> Option<f64> {
    let (plain, percent) = number_text(text)?;
    let v: f64 = plain.parse().ok()?;
    let scale = if percent { 0.01 } else { 1.0 };
    v.is_finite().then_some(v * scale)
}

/// The longest text read as a number: a cell of a million digits is no amount.
const MAX_NUMBER_CHARS: usize = 64;

/// A number's text made plain (`-1234.5`, `1e3`): spaces, `kr`, `SEK`, `:-` and grouping
/// marks gone, the decimal mark a point; and whether it ended in `%`. `None` when what is
/// left is no number.
fn number_text(text: &str) -> Option<(String, bool)> {
    if text.len() > MAX_NUMBER_CHARS * 4 {
        return None;
    }
    let mut s: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .map(|c| {
            if matches!(c, '\u{2212}' | '\u{2013}') {
                '-'
            } else {
                c
            }
        })
        .collect::<String>()
        .to_lowercase();
    let mut percent = false;
    if let Some(rest) = s.strip_suffix('%') {
        s = rest.to_string();
        percent = true;
    } else {
        for suffix in ["kr.", "kr", "sek", ":-", ",-"] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.to_string();
                break;
            }
        }
    }
    if let Some(rest) = s.strip_prefix("sek") {
        s = rest.to_string();
    }
    let s = decimal_point(&s)?;
    if s.is_empty() || s.len() > MAX_NUMBER_CHARS || !s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e'))
    {
        return None;
    }
    Some((s, percent))
}

/// Rewrites grouping and decimal marks to a plain `1234.5`.
fn decimal_point(s: &str) -> Option<String> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let out = match (commas, dots) {
        (0, 0) => s.to_string(),
        // 1,5 or 1 250,50: a Swedish decimal comma.
        (1, 0) => s.replace(',', "."),
        // 1.5 written by a script, or 1.250.000 grouped with dots.
        (0, 1) => s.to_string(),
        (0, _) => s.replace('.', ""),
        (_, 0) => s.replace(',', ""),
        _ => {
            // Both: the last one is the decimal mark.
            let last_comma = s.rfind(',')?;
            let last_dot = s.rfind('.')?;
            if last_comma > last_dot {
                if commas > 1 {
                    return None;
                }
                s.replace('.', "").replace(',', ".")
            } else {
                if dots > 1 {
                    return None;
                }
                s.replace(',', "")
            }
        }
    };
    Some(out)
}

/// Reads a date written as text: `2025-03-01`, `2025/03/01`, `20250301`,
/// `2025-03-01 00:00:00`, `2025-03-01T00:00:00`, `1.3.2025`, `01/03/2025` (day first) or
/// `1 mars 2025`.
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if let Some(d) = date_with_month_name(t) {
        return Some(d);
    }
    let t = t.split(['T', ' ']).next()?;
    if t.len() == 8 && t.chars().all(|c| c.is_ascii_digit()) {
        return Date::new(
            t[..4].parse().ok()?,
            t[4..6].parse().ok()?,
            t[6..].parse().ok()?,
        );
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if parts[0].len() == 4 {
        Date::new(
            parts[0].parse().ok()?,
            parts[1].parse().ok()?,
            parts[2].parse().ok()?,
        )
    } else if parts[2].len() == 4 {
        Date::new(
            parts[2].parse().ok()?,
            parts[1].parse().ok()?,
            parts[0].parse().ok()?,
        )
    } else {
        None
    }
}

/// `1 mars 2025`, `1 mar 2025`: day, Swedish month name (or its first three letters), year.
fn date_with_month_name(text: &str) -> Option<Date> {
    let mut parts = text.split_whitespace();
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let day: u8 = day.trim_end_matches('.').parse().ok()?;
    let Period::Month(y, m) = month_by_name(&format!("{month} {year}"))? else {
        return None;
    };
    Date::new(y, m, day)
}

/// Reads yes/no: `Ja`, `X`, `true`, `Sant`, `1` → yes; `Nej`, `false`, `Falskt`, `0` → no.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match crate::text::collapse(text).as_str() {
        "ja" | "j" | "x" | "true" | "sant" | "yes" | "1" => Some(true),
        "nej" | "n" | "false" | "falskt" | "no" | "0" | "-" | "–" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod properties;
