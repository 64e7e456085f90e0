//! Results measured (SPEC 3.4): the indicator figures linked to an initiative by the
//! `Insats-id` of their rows. Each initiative's linked rows are formed into year figures
//! by the same rules as every unit's (`units`), and summed over the linked units: a ratio
//! of sums, never a mean of ratios. A linked unit whose flows leave gaps in the year is
//! left out, as it is from its administration's year value.
//!
//! Pure; suppression of these figures is `suppress`'s, with the others.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::units::file_unit_years;
use crate::config::Config;
use crate::model::IndicatorValue;
use crate::rows::Chunks;

/// One indicator's year figure over the rows linked to one initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct LinkedFigure {
    /// The initiative's file.
    pub file: String,
    /// The initiative's administration.
    pub administration: String,
    /// The initiative's id.
    pub initiative: String,
    /// Indicator code.
    pub indicator: String,
    /// Summed numerator of the linked units that cover the year.
    pub numerator: f64,
    /// Summed denominator (`None` for counts).
    pub denominator: Option<f64>,
    /// The value; `None` when no linked unit covers the year.
    pub value: Option<f64>,
    /// How many linked units the figure sums.
    pub units: usize,
    /// How many linked units are left out for gaps in the year.
    pub partial_units: usize,
    /// Whether published outputs hide it (decided by `suppress`).
    pub suppressed: bool,
}

/// Every initiative's linked figures, per file in file order, then by initiative id and
/// the configured indicator order.
pub(super) fn linked_figures(
    values: &Chunks<IndicatorValue>,
    config: &Config,
) -> Vec<LinkedFigure> {
    let mut out = Vec::new();
    for chunk in values.chunks() {
        let mut by_initiative: BTreeMap<&str, Vec<&IndicatorValue>> = BTreeMap::new();
        for v in chunk {
            if let Some(id) = v.initiative.as_deref() {
                by_initiative.entry(id).or_default().push(v);
            }
        }
        for (id, rows) in by_initiative {
            let units = file_unit_years(rows.iter().copied(), config);
            for ind in &config.indicators {
                let mine: Vec<_> = units.iter().filter(|u| *u.indicator == ind.code).collect();
                if mine.is_empty() {
                    continue;
                }
                let counted: Vec<_> = mine.iter().filter(|u| u.counts()).collect();
                let numerator: f64 = counted.iter().map(|u| u.numerator).sum();
                let denominators: Vec<f64> = counted.iter().filter_map(|u| u.denominator).collect();
                let denominator = (ind.kind.has_denominator() && !denominators.is_empty())
                    .then(|| denominators.iter().sum());
                let value = if counted.is_empty() {
                    None
                } else {
                    ind.value(numerator, denominator)
                };
                out.push(LinkedFigure {
                    file: rows[0].file.to_string(),
                    administration: rows[0].administration.to_string(),
                    initiative: id.to_string(),
                    indicator: ind.code.clone(),
                    numerator,
                    denominator,
                    value,
                    units: counted.len(),
                    partial_units: mine.len() - counted.len(),
                    suppressed: false,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Period;

    fn row(
        unit: &str,
        period: Period,
        num: f64,
        den: f64,
        initiative: Option<&str>,
    ) -> IndicatorValue {
        IndicatorValue {
            file: "a.xlsx".into(),
            administration: "A".into(),
            indicator: "readmission_30d_share".into(),
            unit: Some(unit.into()),
            period,
            numerator: num,
            denominator: Some(den),
            initiative: initiative.map(Into::into),
            row: 2,
        }
    }

    #[test]
    fn the_linked_rows_make_a_ratio_of_sums_and_gaps_are_left_out() {
        let quarter = |q| Period::Quarter(2025, q);
        let mut rows = Vec::new();
        for q in 1..=4 {
            rows.push(row("VC1", quarter(q), 3.0, 10.0, Some("I-1")));
            rows.push(row("VC2", quarter(q), 1.0, 20.0, Some("I-1")));
            rows.push(row("VC3", quarter(q), 9.0, 9.0, None));
        }
        // A unit linked for the first half only: left out of the figure, and counted.
        rows.push(row("VC4", quarter(1), 5.0, 5.0, Some("I-1")));
        let linked = linked_figures(&Chunks::from(rows), &Config::default_config());
        assert_eq!(linked.len(), 1);
        let f = &linked[0];
        assert_eq!((f.numerator, f.denominator), (16.0, Some(120.0)));
        assert_eq!(f.value, Some(16.0 * 100.0 / 120.0));
        assert_eq!((f.units, f.partial_units), (2, 1));
        assert_eq!(
            (f.initiative.as_str(), f.administration.as_str()),
            ("I-1", "A")
        );
    }
}
