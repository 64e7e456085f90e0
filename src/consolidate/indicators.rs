//! The indicator figures: year values per administration and for the region, and one
//! figure per month or quarter given.

use foldhash::{HashMap, HashMapExt};
use polars::prelude::*;

use super::codes::{Codes, shared_codes};
use super::{IndicatorFigure, swedish_key};
use crate::config::Config;
use crate::model::IndicatorValue;
use crate::rows::Chunks;
use crate::value::Period;

/// The indicator values as a frame of codes and sums, with the codes' values.
struct IndicatorFrame<'a> {
    df: DataFrame,
    indicators: Codes<&'a str>,
    administrations: Codes<&'a str>,
    periods: Codes<Period>,
}

impl<'a> IndicatorFrame<'a> {
    fn new(values: &'a Chunks<IndicatorValue>) -> PolarsResult<Self> {
        let mut indicators = Codes::new();
        let mut administrations = Codes::new();
        let mut periods = Codes::new();
        // Units are told apart as the rules compare them (case and spacing ignored);
        // each distinct spelling is collapsed once.
        let mut units: Codes<String> = Codes::new();
        let mut spelled: HashMap<&str, u32> = HashMap::new();
        let unit_codes: Vec<u32> = values
            .iter()
            .map(|v| {
                let raw = v.unit.as_deref().unwrap_or("");
                *spelled
                    .entry(raw)
                    .or_insert_with(|| units.code(crate::schema::collapse(raw)))
            })
            .collect();
        let indicator = shared_codes(values.iter(), &mut indicators, |v| &v.indicator);
        let administration =
            shared_codes(values.iter(), &mut administrations, |v| &v.administration);
        // A unit's year value is its year row if it has one, else its quarters, else its
        // months: mark the rows of each unit's coarsest period (lowest granularity).
        let unit = |row: usize| (indicator[row], administration[row], unit_codes[row]);
        let mut coarsest: HashMap<(u32, u32, u32), u8> = HashMap::new();
        for (row, v) in values.iter().enumerate() {
            let g = coarsest.entry(unit(row)).or_insert(u8::MAX);
            *g = (*g).min(v.period.granularity());
        }
        let year_row: Vec<bool> = values
            .iter()
            .enumerate()
            .map(|(row, v)| coarsest[&unit(row)] == v.period.granularity())
            .collect();
        drop(coarsest);
        let columns = vec![
            Column::new("indicator".into(), indicator),
            Column::new("administration".into(), administration),
            Column::new("year_row".into(), year_row),
            Column::new(
                "period".into(),
                values
                    .iter()
                    .map(|v| periods.code(v.period))
                    .collect::<Vec<u32>>(),
            ),
            Column::new(
                "granularity".into(),
                values
                    .iter()
                    .map(|v| u32::from(v.period.granularity()))
                    .collect::<Vec<u32>>(),
            ),
            Column::new(
                "num".into(),
                values.iter().map(|v| v.numerator).collect::<Vec<_>>(),
            ),
            Column::new(
                "den".into(),
                values.iter().map(|v| v.denominator).collect::<Vec<_>>(),
            ),
        ];
        Ok(IndicatorFrame {
            df: DataFrame::new(values.len(), columns)?,
            indicators,
            administrations,
            periods,
        })
    }
}

/// Year values per administration and for the region, then one figure per month or
/// quarter given. A unit's year value is its year row if it has one, else the sum of its
/// quarters, else the sum of its months, so that no unit is counted twice.
pub(super) fn indicator_figures(
    values: &Chunks<IndicatorValue>,
    config: &Config,
) -> PolarsResult<Vec<IndicatorFigure>> {
    let frame = IndicatorFrame::new(values)?;
    let df = frame.df.clone().lazy();
    let year_rows = df.clone().filter(col("year_row"));
    let sums = [
        col("num").sum().alias("num"),
        col("den").sum().alias("den"),
        col("den").count().cast(DataType::Int64).alias("den_n"),
    ];
    let year_admin = year_rows
        .clone()
        .group_by([col("indicator"), col("administration")])
        .agg(sums.clone())
        .collect()?;
    let year_region = year_rows
        .group_by([col("indicator")])
        .agg(sums.clone())
        .collect()?;
    let sub = df.filter(col("granularity").gt(lit(0)));
    let sub_admin = sub
        .clone()
        .group_by([col("indicator"), col("administration"), col("period")])
        .agg(sums.clone())
        .collect()?;
    let sub_region = sub
        .group_by([col("indicator"), col("period")])
        .agg(sums)
        .collect()?;
    let year = config.year.to_string();
    let mut out = Vec::new();
    out.extend(figures_of(
        &year_region,
        &frame,
        config,
        false,
        Some(&year),
    )?);
    out.extend(figures_of(&year_admin, &frame, config, true, Some(&year))?);
    out.extend(figures_of(&sub_region, &frame, config, false, None)?);
    out.extend(figures_of(&sub_admin, &frame, config, true, None)?);
    let order = |f: &IndicatorFigure| {
        (
            config.indicators.iter().position(|i| i.code == f.indicator),
            f.administration.is_some(),
            f.administration.as_deref().map(swedish_key),
            f.period.len() > 4,
            f.period.clone(),
        )
    };
    out.sort_by_key(order);
    crate::suppress::suppress(&mut out, config.suppression_threshold, &year);
    Ok(out)
}

fn figures_of(
    df: &DataFrame,
    frame: &IndicatorFrame<'_>,
    config: &Config,
    per_admin: bool,
    period: Option<&str>,
) -> PolarsResult<Vec<IndicatorFigure>> {
    let indicator = df.column("indicator")?.u32()?;
    let admin = if per_admin {
        Some(df.column("administration")?.u32()?)
    } else {
        None
    };
    let periods = if period.is_none() {
        Some(df.column("period")?.u32()?)
    } else {
        None
    };
    let num = df.column("num")?.f64()?;
    let den = df.column("den")?.f64()?;
    let den_n = df.column("den_n")?.i64()?;
    let mut out = Vec::new();
    for row in 0..df.height() {
        let Some(code) = indicator.get(row).map(|c| frame.indicators.text(c)) else {
            continue;
        };
        let Some(ind) = config.indicator(code) else {
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
                .map(|c| frame.administrations.text(c).to_string()),
            period: period
                .map(str::to_string)
                .or_else(|| {
                    periods
                        .and_then(|p| p.get(row))
                        .map(|c| frame.periods.value(c).to_string())
                })
                .unwrap_or_default(),
            numerator,
            denominator,
            value,
            suppressed: false, // decided by `suppress` over all figures
            target_met: ind.target.zip(value).map(|(t, v)| t.is_met(v)),
        });
    }
    Ok(out)
}
