//! Tables R1–R4 of the national view, from the regions' own figures: money and counts
//! summed exactly, Riket's indicator values as ratios of the summed year figures of the
//! regions that reported them, suppression applied anew at the regions' level.

use serde::Serialize;

use super::config::NationalConfig;
use super::gather::Summary;
use crate::model::Status;
use crate::text::{CANNOT_OCCUR, NOT_AVAILABLE};
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

    pub(super) fn reports(&self) -> impl Iterator<Item = &'a Summary> + '_ {
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
