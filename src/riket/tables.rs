//! Tables R1–R4 of the national view, from the regions' own figures: money and counts
//! summed exactly, Riket's indicator values as ratios of the summed year figures of the
//! regions that reported them, suppression applied anew at the regions' level.

use serde::Serialize;

use super::config::NationalConfig;
use super::gather::Summary;
use crate::config::{IndicatorKind, Target};
use crate::consolidate::suppress::suppress_sum;
use crate::model::Status;
use crate::text::{CANNOT_OCCUR, NOT_AVAILABLE, SUPPRESSED};
use crate::value::Ore;

/// A region (or other principal) as the tables list it.
#[derive(Debug, Clone, Serialize)]
pub struct RegionRow {
    /// The region's name.
    pub name: String,
    /// The county code, for a configured region.
    pub code: Option<String>,
    /// The tile map's column, for a configured region.
    pub x: Option<u8>,
    /// The tile map's row, for a configured region.
    pub y: Option<u8>,
    /// Whether its report came in.
    pub reported: bool,
    /// Whether the national configuration lists it.
    pub listed: bool,
    /// The file rolled up.
    pub file: Option<String>,
    /// The report's date.
    pub generated: Option<crate::value::Date>,
    /// Whether the report is a draft.
    pub draft: bool,
}

/// One row of R1: a region's money (`None` when its report did not come in).
#[derive(Debug, Clone, Serialize)]
pub struct MoneyRow {
    /// The region (or `Riket`).
    pub region: String,
    /// Whether its report came in.
    pub reported: bool,
    /// Initiatives.
    pub initiatives: Option<u64>,
    /// Money spent.
    pub spent_kr: Option<Ore>,
    /// Of which agreement funds.
    pub agreement_funds_kr: Option<Ore>,
    /// The allocation.
    pub allocation_kr: Option<Ore>,
    /// Inhabitants.
    pub population: Option<u64>,
    /// Agreement funds used as a share of the allocation, in per cent.
    pub utilisation_pct: Option<f64>,
    /// Money spent per inhabitant.
    pub spent_per_inhabitant_kr: Option<f64>,
}

/// A cell of R2 or R3: a figure, or the symbol that stands for it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Cell<T> {
    /// The figure.
    pub value: Option<T>,
    /// `..` (the report did not come in) or `.` (the region's report has no such area).
    pub symbol: Option<&'static str>,
}

/// A row of R2 or R3.
#[derive(Debug, Clone, Serialize)]
pub struct Line<T> {
    /// The region.
    pub region: String,
    /// Whether its report came in.
    pub reported: bool,
    /// One cell per column.
    pub values: Vec<Cell<T>>,
    /// The row's total.
    pub total: Cell<T>,
}

/// A column of R2: an area matched by code across the regions.
#[derive(Debug, Clone, Serialize)]
pub struct AreaColumn {
    /// The area code.
    pub code: String,
    /// Its label (the national configuration's, else the first region's).
    pub label: String,
    /// Whether the national configuration lists it.
    pub listed: bool,
    /// The regions whose reports have it.
    pub used_by: Vec<String>,
}

/// R2 or R3: regions by columns, with the column totals of the regions that reported.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix<T, C> {
    /// The columns.
    pub columns: Vec<C>,
    /// One row per region.
    pub rows: Vec<Line<T>>,
    /// The `Riket` row.
    pub totals: Vec<Cell<T>>,
    /// Riket's total.
    pub total: Cell<T>,
    /// The table's notes, in Swedish.
    pub notes: Vec<String>,
}

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

/// The regions' reports in the tables' order: the configured regions, then the others.
pub(super) struct Ordered<'a> {
    pub rows: Vec<(RegionRow, Option<&'a Summary>)>,
}

impl<'a> Ordered<'a> {
    pub(super) fn new(
        config: &NationalConfig,
        regions: &'a [Option<Summary>],
        others: &'a [Summary],
    ) -> Ordered<'a> {
        let mut rows: Vec<(RegionRow, Option<&Summary>)> = config
            .regions
            .iter()
            .zip(regions)
            .map(|(r, s)| {
                let row = RegionRow {
                    name: r.name.clone(),
                    code: Some(r.code.clone()),
                    x: Some(r.x),
                    y: Some(r.y),
                    reported: s.is_some(),
                    listed: true,
                    file: s.as_ref().map(|s| s.file.clone()),
                    generated: s.as_ref().map(|s| s.generated),
                    draft: s.as_ref().is_some_and(|s| s.draft),
                };
                (row, s.as_ref())
            })
            .collect();
        rows.extend(others.iter().map(|s| {
            let row = RegionRow {
                name: s.region.clone(),
                code: None,
                x: None,
                y: None,
                reported: true,
                listed: false,
                file: Some(s.file.clone()),
                generated: Some(s.generated),
                draft: s.draft,
            };
            (row, Some(s))
        }));
        Ordered { rows }
    }

    fn reports(&self) -> impl Iterator<Item = &'a Summary> + '_ {
        self.rows.iter().filter_map(|(_, s)| *s)
    }
}

/// R1 and its Riket row; `None` totals where a sum leaves the range of money.
pub(super) fn money(ordered: &Ordered<'_>) -> (Vec<MoneyRow>, MoneyRow) {
    let row = |region: &str, s: Option<&Summary>| match s {
        None => MoneyRow {
            region: region.to_string(),
            reported: false,
            initiatives: None,
            spent_kr: None,
            agreement_funds_kr: None,
            allocation_kr: None,
            population: None,
            utilisation_pct: None,
            spent_per_inhabitant_kr: None,
        },
        Some(s) => {
            let t = &s.totals;
            money_row(
                region,
                Some(t.initiatives),
                Some(t.spent_kr),
                Some(t.agreement_funds_kr),
                Some(t.allocation_kr),
                Some(t.population),
            )
        }
    };
    let rows = ordered.rows.iter().map(|(r, s)| row(&r.name, *s)).collect();
    let reports: Vec<&Summary> = ordered.reports().collect();
    let sum = |f: &dyn Fn(&Summary) -> Ore| Ore::checked_sum(reports.iter().map(|s| f(s)));
    let total = money_row(
        "Riket",
        reports
            .iter()
            .try_fold(0u64, |a, s| a.checked_add(s.totals.initiatives)),
        sum(&|s| s.totals.spent_kr),
        sum(&|s| s.totals.agreement_funds_kr),
        sum(&|s| s.totals.allocation_kr),
        reports
            .iter()
            .try_fold(0u64, |a, s| a.checked_add(s.totals.population)),
    );
    (rows, total)
}

fn money_row(
    region: &str,
    initiatives: Option<u64>,
    spent: Option<Ore>,
    agreement: Option<Ore>,
    allocation: Option<Ore>,
    population: Option<u64>,
) -> MoneyRow {
    let per = |kr: Option<Ore>| {
        kr.zip(population.filter(|p| *p > 0))
            .map(|(k, p)| k.kronor() / p as f64)
    };
    MoneyRow {
        region: region.to_string(),
        reported: true,
        initiatives,
        spent_kr: spent,
        agreement_funds_kr: agreement,
        allocation_kr: allocation,
        population,
        utilisation_pct: allocation.zip(agreement).and_then(|(a, g)| a.share_pct(g)),
        spent_per_inhabitant_kr: per(spent),
    }
}

fn missing<T>() -> Cell<T> {
    Cell {
        value: None,
        symbol: Some(NOT_AVAILABLE),
    }
}

fn figure<T>(value: T) -> Cell<T> {
    Cell {
        value: Some(value),
        symbol: None,
    }
}

/// R2: money spent per region and area, areas matched by code; the configured areas
/// first, then the others in the order they first appear.
pub(super) fn areas(ordered: &Ordered<'_>, config: &NationalConfig) -> Matrix<Ore, AreaColumn> {
    let mut columns: Vec<AreaColumn> = config
        .areas
        .iter()
        .map(|a| AreaColumn {
            code: a.code.clone(),
            label: a.label.clone(),
            listed: true,
            used_by: Vec::new(),
        })
        .collect();
    for (r, s) in &ordered.rows {
        for a in s.iter().flat_map(|s| &s.areas) {
            let k = match columns.iter().position(|c| c.code == a.area) {
                Some(k) => k,
                None => {
                    columns.push(AreaColumn {
                        code: a.area.clone(),
                        label: a.label.clone(),
                        listed: false,
                        used_by: Vec::new(),
                    });
                    columns.len() - 1
                }
            };
            columns[k].used_by.push(r.name.clone());
        }
    }
    let rows: Vec<Line<Ore>> = ordered
        .rows
        .iter()
        .map(|(r, s)| match s {
            None => Line {
                region: r.name.clone(),
                reported: false,
                values: columns.iter().map(|_| missing()).collect(),
                total: missing(),
            },
            Some(s) => Line {
                region: r.name.clone(),
                reported: true,
                values: columns
                    .iter()
                    .map(|c| match s.areas.iter().find(|a| a.area == c.code) {
                        Some(a) => figure(a.spent_kr),
                        None => Cell {
                            value: None,
                            symbol: Some(CANNOT_OCCUR),
                        },
                    })
                    .collect(),
                total: figure(s.totals.spent_kr),
            },
        })
        .collect();
    let sum = |cells: &mut dyn Iterator<Item = Option<Ore>>| match Ore::checked_sum(cells.flatten())
    {
        Some(v) => figure(v),
        None => missing(),
    };
    let totals = (0..columns.len())
        .map(|k| sum(&mut rows.iter().map(|r| r.values[k].value)))
        .collect();
    let total = sum(&mut rows.iter().map(|r| r.total.value));
    let reporting = ordered.reports().count();
    let notes = columns
        .iter()
        .filter(|c| !c.used_by.is_empty() && c.used_by.len() < reporting)
        .map(|c| {
            format!(
                "{} ({}) används av {} av {} regioner som redovisat: {}. En region utan området har en punkt (.).",
                c.label,
                c.code,
                c.used_by.len(),
                reporting,
                c.used_by.join(", ")
            )
        })
        .collect();
    Matrix {
        columns,
        rows,
        totals,
        total,
        notes,
    }
}

/// R3: initiatives per region and status.
pub(super) fn statuses(ordered: &Ordered<'_>) -> Matrix<u64, String> {
    let rows: Vec<Line<u64>> = ordered
        .rows
        .iter()
        .map(|(r, s)| match s {
            None => Line {
                region: r.name.clone(),
                reported: false,
                values: Status::ALL.iter().map(|_| missing()).collect(),
                total: missing(),
            },
            Some(s) => Line {
                region: r.name.clone(),
                reported: true,
                values: Status::ALL
                    .iter()
                    .map(|st| {
                        figure(
                            s.statuses
                                .iter()
                                .filter(|x| x.status == *st)
                                .map(|x| x.initiatives)
                                .sum(),
                        )
                    })
                    .collect(),
                total: figure(s.statuses.iter().map(|x| x.initiatives).sum()),
            },
        })
        .collect();
    let sum = |k: Option<usize>| {
        figure(
            rows.iter()
                .filter_map(|r| k.map_or(r.total.value, |k| r.values[k].value))
                .sum(),
        )
    };
    Matrix {
        columns: Status::ALL.iter().map(|s| s.label().to_string()).collect(),
        totals: (0..Status::ALL.len()).map(|k| sum(Some(k))).collect(),
        total: sum(None),
        rows,
        notes: Vec::new(),
    }
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
