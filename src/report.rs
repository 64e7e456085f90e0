//! The consolidated report as data: what the JSON holds (SPEC 3.3) and what every
//! template receives as its context. Built from the consolidated figures, the per-file
//! counts and the diagnostics.
//!
//! Pure: no file system, no clock (the report date is given). Keys are English.

use serde::Serialize;

use crate::config::{Aggregation, Config, IndicatorKind};
use crate::consolidate::{Figures, IndicatorFigure, Money, StaleUnit, UnitFigure};
use crate::diagnostic::{Diagnostic, Tally};
use crate::model::{FileSummary, Initiative, RejectedRow, SHIFTS, Status};
use crate::rows::{Chunks, Rows};
use crate::value::{Date, Ore};

mod notes;
mod order;
use notes::{funds_notes, suppression_note, unit_notes};
use order::{current, sort_initiatives};

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The report year.
    pub year: i32,
    /// The region.
    pub region: String,
    /// The report date, ISO.
    pub generated: Date,
    /// Whether the report was built despite errors.
    pub draft: bool,
    /// Region totals.
    pub totals: Totals,
    /// Table 1.
    pub by_administration: Vec<AdministrationRow>,
    /// Table 2.
    pub by_area: Vec<AreaRow>,
    /// Count per status, region-wide.
    pub by_status: Vec<StatusRow>,
    /// Count per shift, region-wide (the last entry, `shift: null`, is "not given").
    pub by_shift: Vec<ShiftRow>,
    /// Table 3: spent per administration and area.
    pub area_matrix: Matrix<Ore>,
    /// Table 4: initiatives per status and administration.
    pub status_matrix: Matrix<u64>,
    /// Table 7: initiatives per shift and administration.
    pub shift_matrix: Matrix<u64>,
    /// Table 6: indicator figures (values never suppressed here; `suppressed` says what
    /// the published tables hide).
    pub indicators: Vec<IndicatorRow>,
    /// Units whose flows leave gaps in the year: their own figures, shown on rows of
    /// their own in table 6 and left out of the year values.
    pub partial_units: Vec<PartialUnitRow>,
    /// Units counted at a latest period before the year's last quarter.
    pub stale_units: Vec<StaleUnit>,
    /// Table 6's notes on the units above, in Swedish, one sentence each.
    pub indicator_notes: Vec<String>,
    /// The configured indicators, with definitions.
    pub indicator_definitions: Vec<IndicatorDefinition>,
    /// Table 8: every accepted initiative.
    pub initiatives: Rows<Initiative>,
    /// Row counts per file.
    pub files: Vec<FileSummary>,
    /// Every finding.
    pub diagnostics: Rows<Diagnostic>,
    /// Counts of findings by severity.
    pub tally: Tally,
    /// Rows left out because of errors.
    pub rejected: Rows<RejectedRow>,
    /// The suppression threshold.
    pub suppression_threshold: f64,
    /// The note under every table with an `x`: what is hidden and why, in Swedish.
    pub suppression_note: String,
    /// Table 5's notes in Swedish (utilisation; more used than allocated).
    pub funds_notes: Vec<String>,
    /// This year against last year, when last year's report was given and usable.
    pub comparison: Option<crate::compare::Comparison>,
}

/// Region totals (table 5 included).
#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    /// Number of initiatives.
    pub initiatives: u64,
    /// Budget (published in kronor).
    pub budget_kr: Ore,
    /// Spent (published in kronor).
    pub spent_kr: Ore,
    /// Of which agreement funds (published in kronor).
    pub agreement_funds_kr: Ore,
    /// Allocated agreement funds (published in kronor).
    pub allocation_kr: Ore,
    /// Inhabitants.
    pub population: u64,
    /// Allocation less agreement funds used (negative when more was used).
    pub remaining_kr: Ore,
    /// Whether more agreement funds were used than allocated.
    pub over_allocation: bool,
    /// Agreement funds used as a share of the allocation, in per cent.
    pub utilisation_pct: Option<f64>,
    /// Allocation per inhabitant.
    pub allocation_per_inhabitant_kr: Option<f64>,
    /// Agreement funds used per inhabitant.
    pub agreement_funds_per_inhabitant_kr: Option<f64>,
    /// All funds spent per inhabitant.
    pub spent_per_inhabitant_kr: Option<f64>,
}

/// One administration in table 1.
#[derive(Debug, Clone, Serialize)]
pub struct AdministrationRow {
    /// The administration.
    pub administration: String,
    /// Number of initiatives.
    pub initiatives: u64,
    /// Budget (published in kronor).
    pub budget_kr: Ore,
    /// Spent (published in kronor).
    pub spent_kr: Ore,
    /// Of which agreement funds (published in kronor).
    pub agreement_funds_kr: Ore,
    /// Share of the region's spent funds, in per cent.
    pub share_pct: Option<f64>,
}

/// One area in table 2.
#[derive(Debug, Clone, Serialize)]
pub struct AreaRow {
    /// Area code.
    pub area: String,
    /// Area label.
    pub label: String,
    /// Number of initiatives.
    pub initiatives: u64,
    /// Budget (published in kronor).
    pub budget_kr: Ore,
    /// Spent (published in kronor).
    pub spent_kr: Ore,
    /// Of which agreement funds (published in kronor).
    pub agreement_funds_kr: Ore,
    /// Share of the region's spent funds, in per cent.
    pub share_pct: Option<f64>,
}

/// Initiatives with one status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusRow {
    /// The status label.
    pub status: Status,
    /// Number of initiatives.
    pub initiatives: u64,
}

/// Initiatives with one shift.
#[derive(Debug, Clone, Serialize)]
pub struct ShiftRow {
    /// 1–4, or `null` for "not given".
    pub shift: Option<u8>,
    /// The shift's label.
    pub label: String,
    /// Number of initiatives.
    pub initiatives: u64,
}

/// A table of administrations (rows) by categories (columns), with totals: money
/// (`Ore`) or counts (`u64`), summed exactly.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix<T> {
    /// Column headings.
    pub columns: Vec<String>,
    /// One row per administration.
    pub rows: Vec<MatrixRow<T>>,
    /// Column totals.
    pub totals: Vec<T>,
    /// Grand total.
    pub total: T,
}

/// A row of a matrix.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow<T> {
    /// The administration.
    pub administration: String,
    /// One value per column.
    pub values: Vec<T>,
    /// Row total.
    pub total: T,
}

/// A unit left out of the year values, with its label.
#[derive(Debug, Clone, Serialize)]
pub struct PartialUnitRow {
    /// The unit's own figure over the periods it gave.
    #[serde(flatten)]
    pub figure: UnitFigure,
    /// The indicator's label.
    pub label: String,
    /// `share`, `rate` or `count`.
    pub kind: IndicatorKind,
    /// The periods given, in Swedish (`januari–september 2025`-style list).
    pub reported_text: String,
}

/// An indicator figure with its label and target.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    /// The figure (code, administration, period, numerator, denominator, value, suppressed).
    #[serde(flatten)]
    pub figure: IndicatorFigure,
    /// The indicator's label.
    pub label: String,
    /// `share`, `rate` or `count`.
    pub kind: IndicatorKind,
    /// The target value, if any.
    pub target: Option<f64>,
}

/// A configured indicator, for `Definitioner`.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorDefinition {
    /// Code.
    pub code: String,
    /// Label.
    pub label: String,
    /// Definition.
    pub definition: String,
    /// `share`, `rate` or `count`.
    pub kind: IndicatorKind,
    /// Unit line, e.g. `Procent`.
    pub unit: String,
    /// Target, e.g. `minst 55`.
    pub target: Option<crate::config::Target>,
    /// How the numerator adds up over the year: `sum`, `last` or `mean`.
    pub numerator: Aggregation,
    /// How the denominator adds up over the year (`None` for counts).
    pub denominator: Option<Aggregation>,
    /// How the year value is formed, in Swedish (`täljare: summan av årets månader …`).
    pub year_value: String,
}

/// What the report is assembled from.
pub struct Parts<'a> {
    /// The configuration.
    pub config: &'a Config,
    /// The report date.
    pub date: Date,
    /// Whether it is a draft.
    pub draft: bool,
    /// The consolidated figures.
    pub figures: Figures,
    /// Accepted initiatives (taken over, not copied).
    pub initiatives: Chunks<Initiative>,
    /// Row counts per file.
    pub files: Vec<FileSummary>,
    /// All findings.
    pub diagnostics: Vec<Diagnostic>,
    /// Rejected rows.
    pub rejected: Vec<RejectedRow>,
    /// Last year's report, to compare with.
    pub previous: Option<&'a crate::compare::Previous>,
}

fn per(amount: Ore, population: u64) -> Option<f64> {
    (population > 0).then(|| amount.kronor() / population as f64)
}

/// Assembles the report.
pub fn assemble(parts: Parts<'_>) -> Report {
    let Parts {
        config,
        date,
        draft,
        figures,
        initiatives,
        files,
        diagnostics,
        rejected,
        previous,
    } = parts;
    let total = figures.total;
    let admins: Vec<String> = figures
        .by_administration
        .iter()
        .map(|(a, _)| a.clone())
        .collect();
    let area_label = |code: &str| {
        config
            .area(code)
            .map_or(code.to_string(), |a| a.label.clone())
    };
    let allocation = Ore::from_kronor(config.allocation_kr);
    let totals = Totals {
        initiatives: total.initiatives,
        budget_kr: total.budget_kr,
        spent_kr: total.spent_kr,
        agreement_funds_kr: total.agreement_funds_kr,
        allocation_kr: allocation,
        population: config.population,
        remaining_kr: allocation - total.agreement_funds_kr,
        over_allocation: allocation.0 > 0 && total.agreement_funds_kr > allocation,
        utilisation_pct: allocation.share_pct(total.agreement_funds_kr),
        allocation_per_inhabitant_kr: per(allocation, config.population),
        agreement_funds_per_inhabitant_kr: per(total.agreement_funds_kr, config.population),
        spent_per_inhabitant_kr: per(total.spent_kr, config.population),
    };
    let by_administration = figures
        .by_administration
        .iter()
        .map(|(a, m)| AdministrationRow {
            administration: a.clone(),
            initiatives: m.initiatives,
            budget_kr: m.budget_kr,
            spent_kr: m.spent_kr,
            agreement_funds_kr: m.agreement_funds_kr,
            share_pct: total.spent_kr.share_pct(m.spent_kr),
        })
        .collect();
    let by_area = figures
        .by_area
        .iter()
        .map(|(code, m)| AreaRow {
            area: code.clone(),
            label: area_label(code),
            initiatives: m.initiatives,
            budget_kr: m.budget_kr,
            spent_kr: m.spent_kr,
            agreement_funds_kr: m.agreement_funds_kr,
            share_pct: total.spent_kr.share_pct(m.spent_kr),
        })
        .collect();
    let area_matrix = matrix(
        &admins,
        config.areas.iter().map(|a| a.label.clone()).collect(),
        |admin, i| {
            figures
                .matrix
                .get(&(admin.to_string(), config.areas[i].code.clone()))
                .map_or(Ore::ZERO, |m: &Money| m.spent_kr)
        },
    );
    let status_matrix = matrix(
        &admins,
        Status::ALL.iter().map(|s| s.label().to_string()).collect(),
        |admin, i| {
            figures
                .by_status
                .get(&(admin.to_string(), Status::ALL[i]))
                .copied()
                .unwrap_or(0)
        },
    );
    let shift_keys: Vec<Option<u8>> = (1..=4).map(Some).chain(std::iter::once(None)).collect();
    let shift_matrix = matrix(
        &admins,
        shift_keys.iter().map(|s| shift_heading(*s)).collect(),
        |admin, i| {
            figures
                .by_shift
                .get(&(admin.to_string(), shift_keys[i]))
                .copied()
                .unwrap_or(0)
        },
    );
    let by_status = Status::ALL
        .iter()
        .zip(&status_matrix.totals)
        .map(|(s, n)| StatusRow {
            status: *s,
            initiatives: *n,
        })
        .collect();
    let by_shift = shift_keys
        .iter()
        .zip(&shift_matrix.totals)
        .map(|(s, n)| ShiftRow {
            shift: *s,
            label: s.map_or("Ej angiven".to_string(), |s| {
                SHIFTS[usize::from(s) - 1].to_string()
            }),
            initiatives: *n,
        })
        .collect();
    let indicator_notes = unit_notes(&figures.partial_units, &figures.stale_units, config);
    let partial_units = figures
        .partial_units
        .into_iter()
        .map(|figure| {
            let ind = config.indicator(&figure.indicator);
            PartialUnitRow {
                label: ind.map_or(figure.indicator.clone(), |i| i.label.clone()),
                kind: ind.map_or(IndicatorKind::Count, |i| i.kind),
                reported_text: crate::consolidate::units::period_list(&figure.reported),
                figure,
            }
        })
        .collect();
    let indicators = figures
        .indicators
        .into_iter()
        .map(|figure| {
            let ind = config.indicator(&figure.indicator);
            IndicatorRow {
                label: ind.map_or(figure.indicator.clone(), |i| i.label.clone()),
                kind: ind.map_or(IndicatorKind::Count, |i| i.kind),
                target: ind.and_then(|i| i.target).map(|t| t.value),
                figure,
            }
        })
        .collect();
    let indicator_definitions = config
        .indicators
        .iter()
        .map(|i| IndicatorDefinition {
            code: i.code.clone(),
            label: i.label.clone(),
            definition: i.definition.clone(),
            kind: i.kind,
            unit: i.unit(),
            target: i.target,
            numerator: i.numerator,
            denominator: i.kind.has_denominator().then_some(i.denominator),
            year_value: i.year_value_rule(),
        })
        .collect();
    let mut initiatives = initiatives;
    sort_initiatives(&mut initiatives);
    let funds_notes = funds_notes(&totals);
    let mut report = Report {
        year: config.year,
        region: config.region.clone(),
        generated: date,
        draft,
        totals,
        by_administration,
        by_area,
        by_status,
        by_shift,
        area_matrix,
        status_matrix,
        shift_matrix,
        indicators,
        partial_units,
        stale_units: figures.stale_units,
        indicator_notes,
        indicator_definitions,
        initiatives: Rows::new(initiatives),
        tally: Tally::of(&diagnostics),
        files,
        diagnostics: Rows::new(diagnostics),
        rejected: Rows::new(rejected),
        suppression_threshold: config.suppression_threshold,
        suppression_note: suppression_note(config.suppression_threshold),
        funds_notes,
        comparison: None,
    };
    // The comparison is computed from this year's figures and becomes its part of the
    // report; it sees nothing else of it.
    report.comparison = previous.map(|p| crate::compare::compare(&current(&report), p));
    report
}

/// The heading of a shift column: `1`–`4` or `Ej angiven`.
pub fn shift_heading(shift: Option<u8>) -> String {
    shift.map_or("Ej angiven".to_string(), |s| format!("Förflyttning {s}"))
}

fn matrix<T>(admins: &[String], columns: Vec<String>, value: impl Fn(&str, usize) -> T) -> Matrix<T>
where
    T: Copy + std::iter::Sum<T>,
{
    let rows: Vec<MatrixRow<T>> = admins
        .iter()
        .map(|a| {
            let values: Vec<T> = (0..columns.len()).map(|i| value(a, i)).collect();
            MatrixRow {
                administration: a.clone(),
                total: values.iter().copied().sum(),
                values,
            }
        })
        .collect();
    let totals: Vec<T> = (0..columns.len())
        .map(|i| rows.iter().map(|r| r.values[i]).sum())
        .collect();
    Matrix {
        total: totals.iter().copied().sum(),
        columns,
        rows,
        totals,
    }
}

#[cfg(test)]
mod tests;
