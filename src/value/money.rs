//! Money: whole öre in an `i64`, read exactly from what a cell holds, and summed with
//! checked arithmetic only.
//!
//! Text is read in decimal, digit by digit (`1 250 000,285 kr` is 125 000 028,5 öre,
//! rounded half away from zero to 125 000 029), never through a binary float. A numeric
//! cell is a binary float already; it is read on the 15 significant digits Excel shows
//! for it (0.285 is stored as 0.28499999999999998 and shown as 0,285), then the same way.
//!
//! One overflow policy: every sum is checked. A sum that would leave the `i64` range is
//! refused where the amounts are admitted (`crate::admit`, a diagnostic at the cell), so
//! that every later sum of admitted amounts (a part of a total of non-negative amounts)
//! fits; the operators below still check, and a failure there is a bug, not a figure.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a value is no amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    /// Not a number at all (or a percentage).
    NotMoney,
    /// A number too large to count in öre.
    TooLarge,
}

/// An amount of money in whole öre. Sums and differences stay exact; it becomes kronor
/// only where it is shown: serialised (JSON, templates) as kronor, and in the xlsx cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ore(pub i64);

impl Ore {
    /// Zero.
    pub const ZERO: Ore = Ore(0);

    /// The largest amount one cell may hold: a thousand billion kronor, far above any
    /// initiative (and low enough that ninety thousand of them still sum in an `i64`).
    pub const MAX_CELL: Ore = Ore(100_000_000_000_000);

    /// An amount in kronor given as a number (a configuration value, a numeric cell), on
    /// its 15 significant digits, rounded to the öre half away from zero.
    pub fn from_kronor(kronor: f64) -> Result<Ore, MoneyError> {
        if !kronor.is_finite() {
            return Err(MoneyError::NotMoney);
        }
        // `{:.14e}` is correctly rounded: the digits Excel shows, `d.dddddddddddddde±x`.
        parse_decimal(&format!("{kronor:.14e}"))
    }

    /// The amount in kronor, for showing it.
    pub fn kronor(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// `part` as a share of `self` in per cent; `None` when `self` is not above zero.
    pub fn share_pct(self, part: Ore) -> Option<f64> {
        (self.0 > 0).then(|| part.0 as f64 * 100.0 / self.0 as f64)
    }

    /// `self + other`, or `None` past the range.
    pub fn checked_add(self, other: Ore) -> Option<Ore> {
        self.0.checked_add(other.0).map(Ore)
    }

    /// `self − other`, or `None` past the range.
    pub fn checked_sub(self, other: Ore) -> Option<Ore> {
        self.0.checked_sub(other.0).map(Ore)
    }

    /// The sum of `amounts`, or `None` if it would leave the range.
    pub fn checked_sum(amounts: impl IntoIterator<Item = Ore>) -> Option<Ore> {
        amounts.into_iter().try_fold(Ore::ZERO, Ore::checked_add)
    }
}

/// What the operators say when a sum of admitted amounts overflows, which cannot happen.
const ADMITTED: &str = "money is admitted within the range before it is summed (crate::admit)";

impl std::ops::Add for Ore {
    type Output = Ore;
    fn add(self, other: Ore) -> Ore {
        self.checked_add(other).expect(ADMITTED)
    }
}

impl std::ops::Sub for Ore {
    type Output = Ore;
    fn sub(self, other: Ore) -> Ore {
        self.checked_sub(other).expect(ADMITTED)
    }
}

impl std::iter::Sum for Ore {
    fn sum<I: Iterator<Item = Ore>>(iter: I) -> Ore {
        Ore::checked_sum(iter).expect(ADMITTED)
    }
}

impl Serialize for Ore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.kronor())
    }
}

impl<'de> Deserialize<'de> for Ore {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let kronor = f64::deserialize(d)?;
        Ore::from_kronor(kronor)
            .map_err(|_| serde::de::Error::custom(format!("{kronor} är inget belopp i kronor")))
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Ore {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Kronor".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "description": "An amount in kronor, exact to the öre (at most two decimals)"
        })
    }
}

/// Money in öre from text as people write it (`1 250 000,285 kr`, `500:-`, `SEK 400`),
/// read exactly in decimal. Negative amounts are returned as they are (the caller
/// refuses them with its own message); a percentage is no amount.
pub fn parse_money(text: &str) -> Result<Ore, MoneyError> {
    match super::number_text(text) {
        Some((plain, false)) => parse_decimal(&plain),
        _ => Err(MoneyError::NotMoney),
    }
}

/// The most digits an amount in öre may have before it is too large for an `i64`.
const MAX_ORE_DIGITS: i64 = 18;

/// `[-+]digits[.digits][e[-+]digits]` in kronor → öre, rounded half away from zero.
fn parse_decimal(plain: &str) -> Result<Ore, MoneyError> {
    let (mantissa, exponent) = match plain.split_once(['e', 'E']) {
        Some((m, e)) => (m, exponent(e)?),
        None => (plain, 0),
    };
    let (negative, unsigned) = match mantissa.as_bytes().first() {
        Some(b'-') => (true, &mantissa[1..]),
        Some(b'+') => (false, &mantissa[1..]),
        _ => (false, mantissa),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits_ok(int) || !digits_ok(frac) {
        return Err(MoneyError::NotMoney);
    }
    // All digits, without leading zeros, and how many of them stand before the point.
    let all: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    let first = all.iter().position(|d| *d != 0).unwrap_or(all.len());
    let digits = &all[first..];
    if digits.is_empty() {
        return Ok(Ore::ZERO);
    }
    let point = int.len() as i64 - first as i64 + exponent;
    // The öre are the digits up to two after the point; the next one rounds.
    let whole = point + 2;
    if whole > MAX_ORE_DIGITS {
        return Err(MoneyError::TooLarge);
    }
    let mut ore: i64 = 0;
    for k in 0..whole.max(0) {
        let d = digits.get(k as usize).copied().unwrap_or(0);
        ore = ore * 10 + i64::from(d);
    }
    let next = usize::try_from(whole)
        .ok()
        .and_then(|k| digits.get(k))
        .copied()
        .unwrap_or(0);
    if next >= 5 {
        ore += 1;
    }
    Ok(Ore(if negative { -ore } else { ore }))
}

/// An exponent's digits, bounded: beyond ±40 every amount is zero or too large anyway.
fn exponent(text: &str) -> Result<i64, MoneyError> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(MoneyError::NotMoney);
    }
    let trimmed = digits.trim_start_matches('0');
    let magnitude: i64 = if trimmed.len() > 3 {
        1000
    } else {
        trimmed.parse().unwrap_or(0)
    };
    let e = magnitude.min(40);
    Ok(if negative { -e } else { e })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_read_exactly_and_rounded_half_away_from_zero() {
        assert_eq!(parse_money("0,285"), Ok(Ore(29)));
        assert_eq!(parse_money("1 250 000,285 kr"), Ok(Ore(125_000_029)));
        assert_eq!(
            parse_money("1\u{a0}250\u{a0}000,284 kr"),
            Ok(Ore(125_000_028))
        );
        assert_eq!(parse_money("0,005"), Ok(Ore(1)));
        assert_eq!(parse_money("0,00499999"), Ok(Ore(0)));
        assert_eq!(parse_money("-0,285"), Ok(Ore(-29)));
        assert_eq!(parse_money("1.250.000,50"), Ok(Ore(125_000_050)));
        assert_eq!(parse_money("500:-"), Ok(Ore(50_000)));
        assert_eq!(parse_money("1e3"), Ok(Ore(100_000)));
        assert_eq!(parse_money("000"), Ok(Ore(0)));
        assert_eq!(parse_money("12,5 %"), Err(MoneyError::NotMoney));
        assert_eq!(parse_money("kr"), Err(MoneyError::NotMoney));
        assert_eq!(
            parse_money("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(parse_money("1e999999999999"), Err(MoneyError::TooLarge));
        assert_eq!(parse_money("1e-999999999999"), Ok(Ore(0)));
    }

    #[test]
    fn numbers_are_read_on_the_digits_excel_shows() {
        assert_eq!(Ore::from_kronor(0.285), Ok(Ore(29)));
        assert_eq!(Ore::from_kronor(1_250_000.285), Ok(Ore(125_000_029)));
        assert_eq!(Ore::from_kronor(0.1 + 0.2), Ok(Ore(30)));
        assert_eq!(Ore::from_kronor(-2.675), Ok(Ore(-268)));
        assert_eq!(Ore::from_kronor(1e300), Err(MoneyError::TooLarge));
        assert_eq!(Ore::from_kronor(f64::NAN), Err(MoneyError::NotMoney));
        assert_eq!(Ore::from_kronor(5e-324), Ok(Ore(0)));
    }

    #[test]
    fn sums_are_checked() {
        assert_eq!(Ore(i64::MAX).checked_add(Ore(1)), None);
        assert_eq!(Ore::checked_sum([Ore(1), Ore(2)]), Some(Ore(3)));
        assert_eq!(Ore::checked_sum([Ore(i64::MAX), Ore(1)]), None);
        assert_eq!(Ore(i64::MIN).checked_sub(Ore(1)), None);
    }
}
