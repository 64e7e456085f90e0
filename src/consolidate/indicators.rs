//! The indicator figures: year values per administration and for the region, summed from
//! the units' year figures (`units`), and one figure per month or quarter given, summed
//! from the rows of that period.
//!
//! A unit whose flows leave gaps in the year is left out of the year values and given
//! back as a figure of its own (`UnitFigure`); every value is a ratio of sums.

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::codes::{Codes, shared_codes};
use super::{IndicatorFigure, swedish_key};
use crate::config::Config;
use crate::model::{Coverage, IndicatorValue, UnitYear};
use crate::rows::Chunks;
use crate::value::Period;

/// A unit's own figure where it does not count in the year values: a flow with gaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct UnitFigure {
    /// Indicator code.
    pub indicator: String,
    /// The administration.
    pub administration: String,
    /// The unit (`None`: the administration's rows without a unit).
    pub unit: Option<String>,
    /// The periods given.
    pub reported: Vec<Period>,
    /// The periods missing.
    pub missing: Vec<Period>,
    /// The numerator over the periods given.
    pub numerator: f64,
    /// The denominator over the periods given (`None` for counts).
    pub denominator: Option<f64>,
    /// The value over the periods given.
    pub value: Option<f64>,
    /// Whether published tables hide it.
    pub suppressed: bool,
}

/// A unit counted at a latest period before the year's last quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct StaleUnit {
    /// Indicator code.
    pub indicator: String,
    /// The administration.
    pub administration: String,
    /// The unit (`None`: the administration's rows without a unit).
    pub unit: Option<String>,
    /// The latest period given.
    pub latest: Period,
}

/// A frame of indicator and administration codes with numerators and denominators.
fn frame(
    rows: usize,
    indicator: Vec<u32>,
    administration: Vec<u32>,
    period: Option<Vec<u32>>,
    num: Vec<f64>,
    den: Vec<Option<f64>>,
) -> PolarsResult<DataFrame> {
    let mut columns = vec![
        Column::new("indicator".into(), indicator),
        Column::new("administration".into(), administration),
        Column::new("num".into(), num),
        Column::new("den".into(), den),
    ];
    if let Some(p) = period {
        columns.push(Column::new("period".into(), p));
    }
    DataFrame::new(rows, columns)
}

/// Sums of numerator and denominator (and how many denominators were given) per group.
fn sums(df: &DataFrame, by: &[&str]) -> PolarsResult<DataFrame> {
    df.clone()
        .lazy()
        .group_by(by.iter().map(|c| col(*c)).collect::<Vec<_>>())
        .agg([
            col("num").sum().alias("num"),
            col("den").sum().alias("den"),
            col("den").count().cast(DataType::Int64).alias("den_n"),
        ])
        .collect()
}

/// Codes shared by the frames, and the texts they stand for.
struct Dictionary<'a> {
    indicators: Codes<&'a str>,
    administrations: Codes<&'a str>,
    periods: Codes<Period>,
}

/// Year values per administration and for the region, then one figure per month or
/// quarter given; plus the units left out of the year values and those counted at a
/// stale period.
pub(super) fn indicator_figures(
    values: &Chunks<IndicatorValue>,
    units: &[UnitYear],
    config: &Config,
) -> PolarsResult<(Vec<IndicatorFigure>, Vec<UnitFigure>, Vec<StaleUnit>)> {
    let mut dict = Dictionary {
        indicators: Codes::new(),
        administrations: Codes::new(),
        periods: Codes::new(),
    };
    let counted: Vec<&UnitYear> = units.iter().filter(|u| u.counts()).collect();
    let year_frame = frame(
        counted.len(),
        shared_codes(counted.iter().copied(), &mut dict.indicators, |u| {
            &u.indicator
        }),
        shared_codes(counted.iter().copied(), &mut dict.administrations, |u| {
            &u.administration
        }),
        None,
        counted.iter().map(|u| u.numerator).collect(),
        counted.iter().map(|u| u.denominator).collect(),
    )?;
    let sub: Vec<&IndicatorValue> = values.iter().filter(|v| !v.period.is_year()).collect();
    let sub_frame = frame(
        sub.len(),
        shared_codes(sub.iter().copied(), &mut dict.indicators, |v| &v.indicator),
        shared_codes(sub.iter().copied(), &mut dict.administrations, |v| {
            &v.administration
        }),
        Some(sub.iter().map(|v| dict.periods.code(v.period)).collect()),
        sub.iter().map(|v| v.numerator).collect(),
        sub.iter().map(|v| v.denominator).collect(),
    )?;
    drop(sub);
    let year = Period::Year(config.year);
    let mut out = Vec::new();
    out.extend(figures_of(
        &sums(&year_frame, &["indicator"])?,
        &dict,
        config,
        Some(year),
    )?);
    out.extend(figures_of(
        &sums(&year_frame, &["indicator", "administration"])?,
        &dict,
        config,
        Some(year),
    )?);
    out.extend(figures_of(
        &sums(&sub_frame, &["indicator", "period"])?,
        &dict,
        config,
        None,
    )?);
    out.extend(figures_of(
        &sums(&sub_frame, &["indicator", "administration", "period"])?,
        &dict,
        config,
        None,
    )?);
    let order = |f: &IndicatorFigure| {
        (
            config.indicators.iter().position(|i| i.code == f.indicator),
            f.administration.is_some(),
            f.administration.as_deref().map(swedish_key),
            f.period,
        )
    };
    out.sort_by_key(order);
    let (partial, stale) = unit_notes(units, config);
    Ok((out, partial, stale))
}

/// The units left out of the year values, with their own figures, and the units counted
/// at a latest period before the year's last quarter; in configured indicator order.
fn unit_notes(units: &[UnitYear], config: &Config) -> (Vec<UnitFigure>, Vec<StaleUnit>) {
    let mut partial = Vec::new();
    let mut stale = Vec::new();
    for u in units {
        let Some(ind) = config.indicator(&u.indicator) else {
            continue;
        };
        let unit = u.unit.as_deref().map(str::to_string);
        match &u.coverage {
            Coverage::Full => {}
            Coverage::Partial { reported, missing } => partial.push(UnitFigure {
                indicator: ind.code.clone(),
                administration: u.administration.to_string(),
                unit,
                reported: reported.clone(),
                missing: missing.clone(),
                numerator: u.numerator,
                denominator: u.denominator,
                value: ind.value(u.numerator, u.denominator),
                suppressed: false, // decided by `suppress`
            }),
            Coverage::Stale { latest } => stale.push(StaleUnit {
                indicator: ind.code.clone(),
                administration: u.administration.to_string(),
                unit,
                latest: *latest,
            }),
        }
    }
    let rank = |code: &str| config.indicators.iter().position(|i| i.code == code);
    partial.sort_by_cached_key(|p| {
        (
            rank(&p.indicator),
            swedish_key(&p.administration),
            p.unit.as_deref().map(swedish_key),
        )
    });
    stale.sort_by_cached_key(|p| {
        (
            rank(&p.indicator),
            swedish_key(&p.administration),
            p.unit.as_deref().map(swedish_key),
        )
    });
    (partial, stale)
}

fn figures_of(
    df: &DataFrame,
    dict: &Dictionary<'_>,
    config: &Config,
    period: Option<Period>,
) -> PolarsResult<Vec<IndicatorFigure>> {
    let indicator = df.column("indicator")?.u32()?;
    let admin = match df.column("administration") {
        Ok(c) => Some(c.u32()?),
        Err(_) => None,
    };
    let periods = match period {
        None => Some(df.column("period")?.u32()?),
        Some(_) => None,
    };
    let num = df.column("num")?.f64()?;
    let den = df.column("den")?.f64()?;
    let den_n = df.column("den_n")?.i64()?;
    let mut out = Vec::new();
    for row in 0..df.height() {
        let Some(code) = indicator.get(row).map(|c| dict.indicators.text(c)) else {
            continue;
        };
        let Some(ind) = config.indicator(code) else {
            continue;
        };
        let Some(period) = period.or_else(|| {
            periods
                .and_then(|p| p.get(row))
                .map(|c| *dict.periods.value(c))
        }) else {
            continue;
        };
        let numerator = num.get(row).unwrap_or(0.0);
        let denominator = (ind.kind.has_denominator() && den_n.get(row).unwrap_or(0) > 0)
            .then(|| den.get(row).unwrap_or(0.0));
        let value = ind.value(numerator, denominator);
        out.push(IndicatorFigure {
            indicator: code.to_string(),
            administration: admin
                .and_then(|a| a.get(row))
                .map(|c| dict.administrations.text(c).to_string()),
            period,
            numerator,
            denominator,
            value,
            suppressed: false, // decided by `suppress` over all figures
            target_met: ind.target.zip(value).map(|(t, v)| t.is_met(v)),
        });
    }
    Ok(out)
}
