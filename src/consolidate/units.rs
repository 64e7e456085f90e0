//! Each unit's year figure (SPEC 2.3, "An indicator's year value"): a flow is the sum of
//! the year's quarters or months, which must cover the year; a stock is its latest
//! period (`last`) or the mean of the periods given (`mean`); a year row is used as it is.
//! The findings this brings (`incomplete-period`, `implausible-value`) are made here too.
//!
//! Plain Rust, no polars: a unit has at most a dozen rows, and the rules are per unit.
//! Must not sum across units; that is `indicators`' job, from these figures.

use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};

use crate::config::{Aggregation, Config, Indicator};
use crate::diagnostic::{CellRef, Code, Diagnostic, Severity};
use crate::model::{Coverage, IndicatorLayout, IndicatorValue, UnitYear};
use crate::rows::Chunks;
use crate::text::{count_word, group};
use crate::value::Period;

/// The year figure of every unit of every file, in file order, then in the order the
/// units first appear. Rows of indicators the configuration lacks are left out.
pub fn unit_years(values: &Chunks<IndicatorValue>, config: &Config) -> Vec<UnitYear> {
    let mut out = Vec::new();
    for chunk in values.chunks() {
        out.extend(file_unit_years(chunk.iter(), config));
    }
    out
}

/// The year figure of every unit among `rows`, all of one file (a unit is told apart by
/// indicator and collapsed name), in the order the units first appear.
pub(super) fn file_unit_years<'a>(
    rows: impl Iterator<Item = &'a IndicatorValue> + Clone,
    config: &Config,
) -> Vec<UnitYear> {
    // The file's values share each unit's string: collapse each spelling once.
    let mut spelled: HashMap<&str, String> = HashMap::new();
    let mut units: HashMap<(&str, &str), usize> = HashMap::new();
    let mut grouped: Vec<Vec<&IndicatorValue>> = Vec::new();
    for v in rows.clone() {
        let raw = v.unit.as_deref().unwrap_or("");
        if !spelled.contains_key(raw) {
            spelled.insert(raw, crate::text::collapse(raw));
        }
    }
    for v in rows {
        let key = (
            &*v.indicator,
            spelled[v.unit.as_deref().unwrap_or("")].as_str(),
        );
        let next = grouped.len();
        let k = *units.entry(key).or_insert(next);
        if k == next {
            grouped.push(Vec::new());
        }
        grouped[k].push(v);
    }
    let mut out = Vec::with_capacity(grouped.len());
    for unit in &mut grouped {
        let Some(ind) = config.indicator(&unit[0].indicator) else {
            continue;
        };
        unit.sort_by_key(|v| v.period);
        out.push(unit_year(unit, ind, config.year));
    }
    out
}

/// The year figure of one unit from its rows, sorted by period.
fn unit_year(rows: &[&IndicatorValue], ind: &Indicator, year: i32) -> UnitYear {
    let first = rows[0];
    let figure = |numerator, denominator, coverage, row| UnitYear {
        file: Arc::clone(&first.file),
        administration: Arc::clone(&first.administration),
        indicator: Arc::clone(&first.indicator),
        unit: first.unit.clone(),
        numerator,
        denominator,
        coverage,
        row,
    };
    if let Some(y) = rows.iter().find(|v| v.period.is_year()) {
        return figure(y.numerator, y.denominator, Coverage::Full, y.row);
    }
    // A unit may report quarters, months, or both (Q1–Q3, then October–December):
    // validation has refused a month inside a reported quarter, so the rows are disjoint.
    // The latest period of any kind (a quarter before a month that ends with it), for
    // `last`: both parts of a ratio of stocks come from this one row.
    let latest = rows
        .iter()
        .copied()
        .max_by_key(|v| (v.period.months().1, u8::MAX - v.period.granularity()))
        .unwrap_or(first);
    let part = |how: Aggregation, get: fn(&IndicatorValue) -> Option<f64>| match how {
        Aggregation::Sum => rows.iter().filter_map(|v| get(v)).sum::<f64>(),
        Aggregation::Last => get(latest).unwrap_or(0.0),
        Aggregation::Mean => time_weighted_mean(rows, get),
    };
    let numerator = part(ind.numerator, |v| Some(v.numerator));
    let has_denominator = ind.kind.has_denominator();
    let denominator = has_denominator.then(|| part(ind.denominator, |v| v.denominator));
    let parts = if has_denominator {
        vec![ind.numerator, ind.denominator]
    } else {
        vec![ind.numerator]
    };
    let reported: Vec<Period> = rows.iter().map(|v| v.period).collect();
    let missing = missing_periods(&reported, year);
    let coverage = if parts.contains(&Aggregation::Sum) && !missing.is_empty() {
        Coverage::Partial { reported, missing }
    } else if parts.contains(&Aggregation::Last) && latest.period.months().1 < 10 {
        Coverage::Stale {
            latest: latest.period,
        }
    } else {
        Coverage::Full
    };
    figure(numerator, denominator, coverage, latest.row)
}

/// The mean of a stock over the periods given, each weighted by its months (a quarter
/// counts three times a month), so that quarters and months mix fairly.
fn time_weighted_mean(rows: &[&IndicatorValue], get: fn(&IndicatorValue) -> Option<f64>) -> f64 {
    let (mut sum, mut months) = (0.0, 0.0);
    for v in rows {
        if let Some(x) = get(v) {
            let (from, to) = v.period.months();
            let weight = f64::from(to - from + 1);
            sum += x * weight;
            months += weight;
        }
    }
    if months > 0.0 { sum / months } else { 0.0 }
}

/// The parts of `year` that `reported` (quarters and months) leave uncovered: whole
/// quarters as quarters where the unit reports quarters at all, the rest as months.
fn missing_periods(reported: &[Period], year: i32) -> Vec<Period> {
    let mut covered = [false; 12];
    for p in reported {
        let (from, to) = p.months();
        for m in from..=to {
            covered[usize::from(m) - 1] = true;
        }
    }
    let by_quarter = reported.iter().any(|p| matches!(p, Period::Quarter(..)));
    let mut missing = Vec::new();
    for q in 1..=4u8 {
        let months = (3 * q - 2)..=(3 * q);
        let gaps: Vec<u8> = months.filter(|m| !covered[usize::from(*m) - 1]).collect();
        if by_quarter && gaps.len() == 3 {
            missing.push(Period::Quarter(year, q));
        } else {
            missing.extend(gaps.into_iter().map(|m| Period::Month(year, m)));
        }
    }
    missing
}

/// The unit's name for messages: the unit, or the administration for rows without one.
pub fn unit_name(u: &UnitYear) -> String {
    match &u.unit {
        Some(unit) => format!("enheten {unit}"),
        None => format!("{} (rader utan enhet)", u.administration),
    }
}

/// Periods as a short Swedish list, runs joined: `januari–september 2025`,
/// `kvartal 1–2 och 4 2025`, `mars och maj 2025`.
pub fn period_list(periods: &[Period]) -> String {
    let mut sorted = periods.to_vec();
    sorted.sort();
    sorted.dedup();
    let Some(first) = sorted.first().copied() else {
        return String::new();
    };
    if sorted
        .iter()
        .any(|p| p.year() != first.year() || p.granularity() != first.granularity())
    {
        let words: Vec<String> = sorted.iter().map(|p| p.swedish()).collect();
        return join_and(&words);
    }
    let number = |p: &Period| match *p {
        Period::Month(_, m) | Period::Quarter(_, m) => m,
        Period::Year(_) => 0,
    };
    let name = |n: u8| match first {
        Period::Month(..) => crate::value::MONTHS[usize::from(n) - 1].to_string(),
        _ => n.to_string(),
    };
    let mut runs: Vec<String> = Vec::new();
    let mut k = 0;
    while k < sorted.len() {
        let start = number(&sorted[k]);
        let mut end = start;
        while k + 1 < sorted.len() && number(&sorted[k + 1]) == end + 1 {
            k += 1;
            end += 1;
        }
        runs.push(if end > start {
            format!("{}–{}", name(start), name(end))
        } else {
            name(start)
        });
        k += 1;
    }
    let year = first.year();
    match first {
        Period::Year(_) => year.to_string(),
        Period::Quarter(..) => format!("kvartal {} {year}", join_and(&runs)),
        Period::Month(..) => format!("{} {year}", join_and(&runs)),
    }
}

/// `a, b och c`.
fn join_and(words: &[String]) -> String {
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} och {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// `incomplete-period` for every unit whose figures do not cover the year.
pub fn period_findings(
    units: &[UnitYear],
    layouts: &HashMap<Arc<str>, IndicatorLayout>,
    config: &Config,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for u in units {
        let label = config
            .indicator(&u.indicator)
            .map_or(u.indicator.to_string(), |i| i.label.clone());
        let message = match &u.coverage {
            Coverage::Full => continue,
            Coverage::Partial { missing, .. } => format!(
                "{} saknar {} för {label}; väntade hela året. Enhetens siffra för de redovisade perioderna visas på egen rad och ingår inte i förvaltningens eller regionens årsvärde",
                unit_name(u),
                period_list(missing)
            ),
            Coverage::Stale { latest } => format!(
                "det senaste värdet för {label} från {} avser {}; väntade årets sista kvartal eller december. Årsvärdet bygger på det senaste värdet",
                unit_name(u),
                latest.swedish()
            ),
        };
        let mut d = Diagnostic::new(Severity::Warning, Code::IncompletePeriod, &u.file, message);
        if let Some(layout) = layouts.get(&u.file) {
            d = d
                .in_sheet(&layout.sheet)
                .at(CellRef::new(u.row.saturating_sub(1), layout.period));
        }
        out.push(d);
    }
    out
}

/// `implausible-value` for a stock denominator (listed patients, inhabitants) whose sum
/// over the region's units exceeds the region's population.
pub fn plausibility_findings(units: &[UnitYear], config: &Config) -> Vec<Diagnostic> {
    if config.population == 0 {
        return Vec::new();
    }
    let population = config.population as f64;
    config
        .indicators
        .iter()
        .filter(|i| i.kind.has_denominator() && i.denominator.is_stock())
        .filter_map(|ind| {
            let sum: f64 = units
                .iter()
                .filter(|u| u.counts() && *u.indicator == ind.code)
                .filter_map(|u| u.denominator)
                .sum();
            (sum > population).then(|| {
                Diagnostic::new(
                    Severity::Warning,
                    Code::ImplausibleValue,
                    "",
                    format!(
                        "nämnaren för {} är {} summerat över regionens enheter, fler än regionens befolkning {}; väntade högst befolkningen. Redovisas samma personer av flera enheter, eller har månadernas värden lagts ihop?",
                        ind.label,
                        group(sum),
                        count_word(config.population, "invånare", "invånare"),
                    ),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        unit: &str,
        indicator: &str,
        period: Period,
        num: f64,
        den: Option<f64>,
    ) -> IndicatorValue {
        IndicatorValue {
            file: "a.xlsx".into(),
            administration: "A".into(),
            indicator: indicator.into(),
            unit: Some(unit.into()),
            period,
            numerator: num,
            denominator: den,
            initiative: None,
            row: 2,
        }
    }

    fn years(rows: Vec<IndicatorValue>) -> Vec<UnitYear> {
        unit_years(&Chunks::from(rows), &Config::default_config())
    }

    #[test]
    fn a_stock_share_takes_the_latest_month_for_both_parts() {
        let rows = (1..=12)
            .map(|m| {
                let m = f64::from(m);
                let period = Period::Month(2025, m as u8);
                row(
                    "vc",
                    "named_doctor_share",
                    period,
                    600.0 + m,
                    Some(1000.0 + m),
                )
            })
            .collect();
        let u = &years(rows)[0];
        assert_eq!((u.numerator, u.denominator), (612.0, Some(1012.0)));
        assert_eq!(u.coverage, Coverage::Full);
    }

    #[test]
    fn a_flow_with_a_missing_quarter_is_partial_and_named() {
        let rows = [1, 2, 4]
            .map(|q| {
                row(
                    "vc",
                    "digital_contacts_share",
                    Period::Quarter(2025, q),
                    10.0,
                    Some(100.0),
                )
            })
            .to_vec();
        let u = &years(rows)[0];
        assert!(!u.counts());
        assert_eq!(
            u.coverage,
            Coverage::Partial {
                reported: vec![
                    Period::Quarter(2025, 1),
                    Period::Quarter(2025, 2),
                    Period::Quarter(2025, 4)
                ],
                missing: vec![Period::Quarter(2025, 3)]
            }
        );
        assert_eq!((u.numerator, u.denominator), (30.0, Some(300.0)));
    }

    #[test]
    fn a_stock_ending_in_june_is_stale_but_counts() {
        let rows = (1..=6)
            .map(|m| {
                row(
                    "vc",
                    "named_doctor_share",
                    Period::Month(2025, m),
                    5.0,
                    Some(10.0),
                )
            })
            .collect();
        let u = &years(rows)[0];
        assert!(u.counts());
        assert_eq!(
            u.coverage,
            Coverage::Stale {
                latest: Period::Month(2025, 6)
            }
        );
    }

    #[test]
    fn a_year_row_is_used_as_it_is() {
        let rows = vec![
            row(
                "vc",
                "readmission_30d_share",
                Period::Month(2025, 1),
                1.0,
                Some(10.0),
            ),
            row(
                "vc",
                "readmission_30d_share",
                Period::Year(2025),
                40.0,
                Some(400.0),
            ),
        ];
        let u = &years(rows)[0];
        assert_eq!(
            (u.numerator, u.denominator, u.counts()),
            (40.0, Some(400.0), true)
        );
    }

    #[test]
    fn period_lists_read_as_swedish() {
        let months = |ms: &[u8]| {
            ms.iter()
                .map(|m| Period::Month(2025, *m))
                .collect::<Vec<_>>()
        };
        assert_eq!(period_list(&months(&[10, 11, 12])), "oktober–december 2025");
        assert_eq!(period_list(&months(&[3, 5])), "mars och maj 2025");
        assert_eq!(
            period_list(&months(&[1, 2, 3, 5, 7, 8])),
            "januari–mars, maj och juli–augusti 2025"
        );
        assert_eq!(period_list(&[Period::Quarter(2025, 3)]), "kvartal 3 2025");
        assert_eq!(
            period_list(&[
                Period::Quarter(2025, 1),
                Period::Quarter(2025, 2),
                Period::Quarter(2025, 4)
            ]),
            "kvartal 1–2 och 4 2025"
        );
    }
}
