//! Table R4: each configured indicator per region and for Riket, the ratio of the summed
//! year figures of the regions that reported it; suppression applied anew at the
//! regions' level; the chart's order and the tile map's steps.

use serde::Serialize;

use super::config::NationalConfig;
use super::tables::Ordered;
use crate::config::{IndicatorKind, Target};
use crate::consolidate::suppress::suppress_sum;
use crate::text::{NOT_AVAILABLE, SUPPRESSED};

/// One region's year figure of an indicator in R4.
#[derive(Debug, Clone, Serialize)]
pub struct RegionFigure {
    /// The region.
    pub region: String,
    /// The county code, for a configured region.
    pub code: Option<String>,
    /// The tile map's column and row, for a configured region.
    pub x: Option<u8>,
    /// The tile map's row.
    pub y: Option<u8>,
    /// Whether its report came in.
    pub reported: bool,
    /// The year numerator (unsuppressed; `suppressed` says what the tables hide).
    pub numerator: Option<f64>,
    /// The year denominator.
    pub denominator: Option<f64>,
    /// The value.
    pub value: Option<f64>,
    /// Whether published tables hide it.
    pub suppressed: bool,
    /// Whether the value meets the target.
    pub target_met: Option<bool>,
    /// What stands in a table instead of the value: `..` or `x`.
    pub symbol: Option<&'static str>,
    /// The tile map's step (0 the lowest) for a published value.
    pub step: Option<usize>,
}

/// Riket's figure of an indicator.
#[derive(Debug, Clone, Serialize)]
pub struct RiketFigure {
    /// The summed year numerators of the regions that reported the indicator.
    pub numerator: f64,
    /// Their summed year denominators.
    pub denominator: Option<f64>,
    /// The ratio of the sums (or the sum, for a count).
    pub value: Option<f64>,
    /// How many regions reported the indicator.
    pub regions: usize,
    /// How many regions the configuration lists.
    pub of: usize,
    /// Whether published tables hide it.
    pub suppressed: bool,
    /// Whether the value meets the target.
    pub target_met: Option<bool>,
}

/// A step of the tile map's shading.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// The lowest value in the step.
    pub from: f64,
    /// The highest.
    pub to: f64,
}

/// One indicator in R4.
#[derive(Debug, Clone, Serialize)]
pub struct NationalIndicator {
    /// Code.
    pub code: String,
    /// Label.
    pub label: String,
    /// Definition.
    pub definition: String,
    /// Share, rate or count.
    pub kind: IndicatorKind,
    /// The unit line (`Procent`).
    pub unit: String,
    /// The target.
    pub target: Option<Target>,
    /// One row per region, in the table's order.
    pub rows: Vec<RegionFigure>,
    /// The regions with a published value, highest first, for the chart.
    pub ranked: Vec<RegionFigure>,
    /// Riket.
    pub riket: RiketFigure,
    /// The tile map's steps, lowest first.
    pub steps: Vec<Step>,
    /// The table's notes.
    pub notes: Vec<String>,
}

/// R4: one table per configured indicator.
pub(super) fn indicators(ordered: &Ordered<'_>, config: &NationalConfig) -> Vec<NationalIndicator> {
    config
        .indicators
        .iter()
        .map(|ind| {
            let scale = match ind.kind {
                IndicatorKind::Share => 100.0,
                IndicatorKind::Rate => ind.scale.unwrap_or(1.0),
                IndicatorKind::Count => 1.0,
            };
            let value = |n: f64, d: Option<f64>| match ind.kind {
                IndicatorKind::Count => Some(n),
                _ => d.filter(|d| *d > 0.0).map(|d| n / d * scale),
            };
            let met = |v: Option<f64>| ind.target.as_ref().zip(v).map(|(t, v)| t.is_met(v));
            let mut rows: Vec<RegionFigure> = ordered
                .rows
                .iter()
                .map(|(r, s)| {
                    let found = s.and_then(|s| s.indicators.iter().find(|f| f.0 == ind.code));
                    let v = found.and_then(|f| value(f.1, f.2));
                    RegionFigure {
                        region: r.name.clone(),
                        code: r.code.clone(),
                        x: r.x,
                        y: r.y,
                        reported: r.reported,
                        numerator: found.map(|f| f.1),
                        denominator: found.and_then(|f| f.2),
                        value: v,
                        suppressed: false,
                        target_met: met(v),
                        symbol: None,
                        step: None,
                    }
                })
                .collect();
            let with: Vec<usize> = (0..rows.len())
                .filter(|&k| rows[k].numerator.is_some())
                .collect();
            let numerators: Vec<f64> = with
                .iter()
                .map(|&k| rows[k].numerator.unwrap_or(0.0))
                .collect();
            let numerator: f64 = numerators.iter().sum();
            let denominator = ind.kind.has_denominator().then(|| {
                with.iter()
                    .filter_map(|&k| rows[k].denominator)
                    .sum::<f64>()
            });
            let (hidden, riket_hidden) =
                suppress_sum(&numerators, numerator, config.suppression_threshold);
            for (&k, h) in with.iter().zip(hidden) {
                rows[k].suppressed = h;
            }
            for r in &mut rows {
                r.symbol = if r.suppressed {
                    Some(SUPPRESSED)
                } else if r.value.is_none() {
                    Some(NOT_AVAILABLE)
                } else {
                    None
                };
            }
            let riket_value = (!with.is_empty())
                .then(|| value(numerator, denominator))
                .flatten();
            let steps = steps(
                rows.iter()
                    .filter(|r| r.symbol.is_none())
                    .filter_map(|r| r.value),
            );
            for r in &mut rows {
                r.step = r.value.filter(|_| r.symbol.is_none()).map(|v| {
                    steps
                        .iter()
                        .position(|s| v <= s.to)
                        .unwrap_or(steps.len() - 1)
                });
            }
            let mut ranked: Vec<RegionFigure> = rows
                .iter()
                .filter(|r| r.symbol.is_none())
                .cloned()
                .collect();
            ranked.sort_by(|a, b| {
                b.value
                    .unwrap_or(0.0)
                    .total_cmp(&a.value.unwrap_or(0.0))
                    .then_with(|| a.region.cmp(&b.region))
            });
            let notes = indicator_notes(
                ind.kind,
                with.len(),
                ordered.reports().count(),
                ind.target.is_some(),
            );
            NationalIndicator {
                code: ind.code.clone(),
                label: ind.label.clone(),
                definition: ind.definition.clone(),
                kind: ind.kind,
                unit: ind.unit(),
                target: ind.target,
                rows,
                ranked,
                riket: RiketFigure {
                    numerator,
                    denominator,
                    value: riket_value,
                    regions: with.len(),
                    of: config.regions.len(),
                    suppressed: riket_hidden,
                    target_met: met(riket_value),
                },
                steps,
                notes,
            }
        })
        .collect()
}

/// Four steps of equal width from the lowest published value to the highest (one step
/// when they are all one value, none when there is none).
fn steps(values: impl Iterator<Item = f64>) -> Vec<Step> {
    let values: Vec<f64> = values.filter(|v| v.is_finite()).collect();
    let (Some(lo), Some(hi)) = (
        values.iter().copied().reduce(f64::min),
        values.iter().copied().reduce(f64::max),
    ) else {
        return Vec::new();
    };
    if hi <= lo {
        return vec![Step { from: lo, to: hi }];
    }
    let width = (hi - lo) / 4.0;
    (0..4)
        .map(|k| Step {
            from: lo + width * k as f64,
            to: if k == 3 {
                hi
            } else {
                lo + width * (k + 1) as f64
            },
        })
        .collect()
}

fn indicator_notes(
    kind: IndicatorKind,
    with: usize,
    reporting: usize,
    target: bool,
) -> Vec<String> {
    let mut notes = vec![if kind == IndicatorKind::Count {
        format!("Riket är summan av de {with} regioner som redovisat indikatorn.")
    } else {
        format!(
            "Riket är summan av regionernas årstäljare delad med summan av deras årsnämnare, för de {with} regioner som redovisat indikatorn."
        )
    }];
    if with < reporting {
        notes.push(format!(
            "{} av {reporting} regioner som lämnat en redovisning har inte redovisat indikatorn (..).",
            reporting - with
        ));
    }
    if target {
        notes.push("Målet avser överenskommelsens målvärde för indikatorn.".into());
    }
    notes
}
