//! Reporting periods (SPEC 2.3): a year, a quarter or a month, read from text however
//! people and programs write them, and written back in the two forms redovisa prints
//! (`2025-Q1` in data, `kvartal 1 2025` in Swedish prose), both of which read back.
//!
//! The reader is total: it looks at the text as words and numbers (never as bytes at
//! fixed offsets), so any text at all gives a period or `None`, never a panic.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Date, parse_date};

/// A reporting period: a year, a month or a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// A whole year.
    Year(i32),
    /// A quarter, 1–4.
    Quarter(i32, u8),
    /// A month, 1–12.
    Month(i32, u8),
}

/// The years a period (and a report) may lie in; anything else is no period but a typo
/// or a count.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The Swedish month names, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The words that mark a quarter: `Q1`, `K1`, `kv1`, `kvartal 1`.
const QUARTER_WORDS: [&str; 4] = ["q", "k", "kv", "kvartal"];

impl Period {
    /// The year the period lies in.
    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => y,
        }
    }

    /// Sort rank of the granularity: year 0, quarter 1, month 2.
    pub fn granularity(self) -> u8 {
        match self {
            Period::Year(_) => 0,
            Period::Quarter(..) => 1,
            Period::Month(..) => 2,
        }
    }

    /// Whether this is a whole year.
    pub fn is_year(self) -> bool {
        matches!(self, Period::Year(_))
    }

    /// The first and last month (1–12) the period spans.
    pub fn months(self) -> (u8, u8) {
        match self {
            Period::Year(_) => (1, 12),
            Period::Quarter(_, q) => (3 * q - 2, 3 * q),
            Period::Month(_, m) => (m, m),
        }
    }

    /// The quarter a month lies in (a quarter or a year is itself).
    pub fn quarter(self) -> Period {
        match self {
            Period::Month(y, m) => Period::Quarter(y, m.div_ceil(3)),
            other => other,
        }
    }

    /// Every period of this granularity in `year`: the year, its four quarters or its
    /// twelve months.
    pub fn all_like(self, year: i32) -> Vec<Period> {
        match self {
            Period::Year(_) => vec![Period::Year(year)],
            Period::Quarter(..) => (1..=4).map(|q| Period::Quarter(year, q)).collect(),
            Period::Month(..) => (1..=12).map(|m| Period::Month(year, m)).collect(),
        }
    }

    /// The period in Swedish words: `2025`, `kvartal 1 2025`, `mars 2025`.
    pub fn swedish(self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Quarter(y, q) => format!("kvartal {q} {y}"),
            Period::Month(y, m) => format!("{} {y}", MONTHS[usize::from(m) - 1]),
        }
    }

    /// The period of a date: its month.
    pub fn of_date(date: Date) -> Period {
        Period::Month(date.year, date.month)
    }

    /// Reads a period as people write it: a year (`2025`); a month (`2025-03`, `2025/3`,
    /// `mars 2025`, `Mar 2025`, `maj-2025`, or a date, `2025-03-01`, `1 mars 2025`); a
    /// quarter (`2025-Q1`, `2025Q1`, `Q1 2025`, `2025 K1`, `K1 2025`, `kv 1 2025`,
    /// `kvartal 1 2025`, `2025 kvartal 1`). Case, white space and the separators `-`,
    /// `/`, `.`, `_` and `,` do not matter. `None` for anything else.
    pub fn parse(text: &str) -> Option<Period> {
        let tokens = tokens(text)?;
        from_tokens(&tokens).or_else(|| parse_date(text).map(Period::of_date))
    }
}

/// A word or a run of digits of a period's text.
#[derive(Debug, PartialEq)]
enum Token {
    /// Letters, lowercased.
    Word(String),
    /// ASCII digits, as written (so `03` keeps its two digits).
    Digits(String),
}

/// The longest text read as a period; longer text is no period (and is not scanned).
const MAX_CHARS: usize = 40;

/// Splits `text` into words and digit runs, dropping white space and separators, lowercased.
/// `None` for a character that belongs in no period (`%`, `:`, an emoji) or a text too long.
fn tokens(text: &str) -> Option<Vec<Token>> {
    let text = text.trim();
    if text.chars().count() > MAX_CHARS {
        return None;
    }
    let mut out: Vec<Token> = Vec::new();
    // Whether the next character starts a token of its own (after a separator).
    let mut split = true;
    for c in text.chars() {
        if c.is_ascii_digit() {
            match out.last_mut() {
                Some(Token::Digits(d)) if !split => d.push(c),
                _ => out.push(Token::Digits(c.to_string())),
            }
        } else if c.is_alphabetic() {
            match out.last_mut() {
                Some(Token::Word(w)) if !split => w.extend(c.to_lowercase()),
                _ => out.push(Token::Word(c.to_lowercase().collect())),
            }
        } else if c.is_whitespace() || matches!(c, '-' | '/' | '.' | '_' | ',' | '\u{2013}') {
            split = true;
            continue;
        } else {
            return None;
        }
        split = false;
    }
    Some(out)
}

/// A year: exactly four digits, within [`YEARS`].
fn year(t: &Token) -> Option<i32> {
    match t {
        Token::Digits(d) if d.len() == 4 => d.parse().ok().filter(|y| YEARS.contains(y)),
        _ => None,
    }
}

/// A small number of one or two digits within `range`.
fn small(t: &Token, range: std::ops::RangeInclusive<u8>) -> Option<u8> {
    match t {
        Token::Digits(d) if d.len() <= 2 => d.parse().ok().filter(|n| range.contains(n)),
        _ => None,
    }
}

fn is_quarter_word(t: &Token) -> bool {
    matches!(t, Token::Word(w) if QUARTER_WORDS.contains(&w.as_str()))
}

/// A month's name or its first three letters (`mars`, `mar`, `Sept`): 1–12.
fn month_name(t: &Token) -> Option<u8> {
    let Token::Word(w) = t else { return None };
    let n = w.chars().count();
    let k = MONTHS.iter().position(|m| {
        *m == w || (n >= 3 && m.starts_with(w.as_str())) || (w == "sept" && *m == "september")
    })?;
    u8::try_from(k + 1).ok()
}

fn from_tokens(t: &[Token]) -> Option<Period> {
    let quarter = |y: &Token, q: &Token| Some(Period::Quarter(year(y)?, small(q, 1..=4)?));
    let month = |y: &Token, m: u8| Some(Period::Month(year(y)?, m));
    match t {
        [y] => year(y).map(Period::Year),
        // 2025-03, 2025/3
        [y, m] if small(m, 1..=12).is_some() && year(y).is_some() => month(y, small(m, 1..=12)?),
        // mars 2025, 2025 mars
        [m, y] if month_name(m).is_some() => month(y, month_name(m)?),
        [y, m] if month_name(m).is_some() => month(y, month_name(m)?),
        // Q1 2025, K1-2025, kvartal 1 2025
        [w, q, y] if is_quarter_word(w) => quarter(y, q),
        // Q12025: the quarter's digit run into the year's
        [w, Token::Digits(d)] if is_quarter_word(w) && d.len() == 5 => {
            let (q, y) = d.split_at(1);
            quarter(&Token::Digits(y.into()), &Token::Digits(q.into()))
        }
        // 2025-Q1, 2025 K1, 2025 kvartal 1
        [y, w, q] if is_quarter_word(w) => quarter(y, q),
        // 1 mars 2025: the month of a date
        [d, m, y] if month_name(m).is_some() && small(d, 1..=31).is_some() => {
            let date = Date::new(year(y)?, month_name(m)?, small(d, 1..=31)?)?;
            Some(Period::of_date(date))
        }
        _ => None,
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Period::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "\"{text}\" är ingen period; väntade 2025, 2025-Q1 eller 2025-03"
            ))
        })
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A year (2025), a quarter (2025-Q1) or a month (2025-03)",
            "pattern": "^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$"
        })
    }
}

/// `mars 2025`, `Mars 2025`, `mar-2025`: a Swedish month name (or its first three
/// letters) and a year. Used by the date reader for `1 mars 2025`.
pub(super) fn month_by_name(text: &str) -> Option<Period> {
    match from_tokens(&tokens(text)?)? {
        p @ Period::Month(..) => Some(p),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_the_spec_lists() {
        let q1 = Some(Period::Quarter(2025, 1));
        for text in [
            "2025-Q1",
            "Q1 2025",
            "2025 K1",
            "K1 2025",
            "kvartal 1 2025",
            "Kvartal 1, 2025",
            "2025 kvartal 1",
            "2025q1",
            "kv1 2025",
            "Q1-2025",
            "Q12025",
        ] {
            assert_eq!(Period::parse(text), q1, "{text}");
        }
        let march = Some(Period::Month(2025, 3));
        for text in [
            "2025-03",
            "2025/3",
            "mars 2025",
            "Mars 2025",
            "mar 2025",
            "MAR-2025",
            "2025-03-15",
            "1 mars 2025",
        ] {
            assert_eq!(Period::parse(text), march, "{text}");
        }
        assert_eq!(Period::parse(" 2025 "), Some(Period::Year(2025)));
        assert_eq!(Period::parse("sept 2025"), Some(Period::Month(2025, 9)));
    }

    #[test]
    fn what_is_no_period_is_none_not_a_panic() {
        for text in [
            "QÅ2025",
            "Å",
            "ÅÅÅÅ",
            "Q",
            "Q 2025",
            "2025-Q",
            "kvartal",
            "2025-Q5",
            "2025-13",
            "2025-00",
            "Q52025",
            "20251",
            "marsipan 2025",
            "12,5 %",
            "",
            "2025 2025",
            "🙂",
            "K1 K1 2025",
            "1899",
            "2201",
        ] {
            assert_eq!(Period::parse(text), None, "{text}");
        }
    }

    #[test]
    fn a_month_lies_in_its_quarter() {
        assert_eq!(Period::Month(2025, 10).quarter(), Period::Quarter(2025, 4));
        assert_eq!(Period::Month(2025, 3).quarter(), Period::Quarter(2025, 1));
        assert_eq!(Period::Year(2025).quarter(), Period::Year(2025));
    }
}
