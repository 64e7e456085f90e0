//! The consolidated report as data: what the JSON holds (SPEC 3.3) and what every
//! template receives as its context. Built from the consolidated figures, the per-file
//! counts and the diagnostics.
//!
//! Pure: no file system, no clock (the report date is given). Keys are English.

use serde::{Deserialize, Serialize};

use crate::config::{Aggregation, Config, IndicatorKind};
use crate::consolidate::{Figures, IndicatorFigure, StaleUnit, UnitFigure};
use crate::diagnostic::{Diagnostic, Tally};
use crate::model::{FileSummary, Initiative, RejectedRow, Status};
use crate::rows::{Chunks, Rows};
use crate::value::{Date, Ore};

mod chapters;
pub mod compare;
mod notes;
mod order;
mod parts;
mod read;
pub use chapters::{
    Chapter, ChapterInitiative, Cooperation, CooperationRow, Measured, Named, ShiftSection,
    StatusCount,
};
use notes::{funds_notes, suppression_note, unit_notes};
use order::sort_initiatives;
use parts::current;
pub use read::{Problem, read};

/// The version of the report's JSON this program writes: 1 since `schema_version`
/// existed (a report without one is version 0, read through [`read`]'s upgrade).
pub const SCHEMA_VERSION: u32 = 1;

/// The whole report: what the JSON holds (SPEC 3.3), written and read back as this one
/// type (`schema/redovisning.schema.json` is generated from it).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Report {
    /// The version of this contract ([`SCHEMA_VERSION`]).
    #[serde(default)]
    pub schema_version: u32,
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
    /// their own in table 6 (the `listed` ones) and left out of the year values.
    pub partial_units: Rows<PartialUnitRow>,
    /// Units counted at a latest period before the year's last quarter.
    pub stale_units: Rows<StaleUnit>,
    /// Table 6's notes on the units above, in Swedish, one sentence each.
    pub indicator_notes: Vec<String>,
    /// The configured indicators, with definitions.
    pub indicator_definitions: Vec<IndicatorDefinition>,
    /// The region's own texts (SPEC 3.4): introduction, closing and one per area.
    /// (New in version 1: empty in a report of version 0.)
    #[serde(default)]
    pub texts: crate::texts::Texts,
    /// One chapter per area with initiatives, in configured order (SPEC 3.4).
    /// (New in version 1: empty in a report of version 0.)
    #[serde(default)]
    pub chapters: Vec<Chapter>,
    /// The initiatives per SKR shift, 1–4.
    /// (New in version 1: empty in a report of version 0.)
    #[serde(default)]
    pub shifts: Vec<ShiftSection>,
    /// How many initiatives give no shift.
    /// (New in version 1: empty in a report of version 0.)
    #[serde(default)]
    pub shift_not_given: u64,
    /// The initiatives in cooperation with municipalities.
    /// (New in version 1: empty in a report of version 0.)
    #[serde(default)]
    pub cooperation: Cooperation,
    /// Every indicator figure linked to an initiative by `Insats-id` (unsuppressed;
    /// `suppressed` says what the outputs hide).
    /// (New in version 1: empty in a report of version 0.)
    #[serde(default)]
    pub linked_indicators: Vec<Measured>,
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
    pub comparison: Option<crate::report::compare::Comparison>,
}

/// Region totals (table 5 included).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct StatusRow {
    /// The status label.
    pub status: Status,
    /// Number of initiatives.
    pub initiatives: u64,
}

/// Initiatives with one shift.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[cfg_attr(test, schemars(rename = "Matrix_of_{T}"))]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[cfg_attr(test, schemars(rename = "MatrixRow_of_{T}"))]
pub struct MatrixRow<T> {
    /// The administration.
    pub administration: String,
    /// One value per column.
    pub values: Vec<T>,
    /// Row total.
    pub total: T,
}

/// A unit left out of the year values, with its label.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
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
    /// Whether the published table 6 has a row for it: the first
    /// `limits.max_listed_units` of each indicator (its note says how many more). New in
    /// version 1: every unit of a report of version 0 had its row.
    #[serde(default = "listed_before_version_1")]
    pub listed: bool,
}

/// An indicator figure with its label and target.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
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
    pub previous: Option<&'a Report>,
    /// The region's texts.
    pub texts: &'a crate::texts::Texts,
}

/// Whether a left-out unit of a report of version 0 was listed: yes, all were.
fn listed_before_version_1() -> bool {
    true
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
        mut figures,
        initiatives,
        files,
        diagnostics,
        rejected,
        previous,
        texts,
    } = parts;
    let totals = parts::totals(&figures, config);
    let (by_administration, by_area) = parts::money_rows(&figures, config);
    let tables = parts::counts(&figures, config);
    let indicator_notes = unit_notes(&figures.partial_units, &figures.stale_units, config);
    let stale_units = figures.stale_units.clone();
    let linked = std::mem::take(&mut figures.linked);
    let (indicators, partial_units) = parts::indicator_rows(figures, config);
    let mut initiatives = initiatives;
    sort_initiatives(&mut initiatives);
    let told = chapters::tell(&initiatives, &by_area, &totals, &linked, texts, config);
    let funds_notes = funds_notes(&totals);
    let mut report = Report {
        schema_version: SCHEMA_VERSION,
        year: config.year,
        region: config.region.clone(),
        generated: date,
        draft,
        totals,
        by_administration,
        by_area,
        by_status: tables.by_status,
        by_shift: tables.by_shift,
        area_matrix: tables.area_matrix,
        status_matrix: tables.status_matrix,
        shift_matrix: tables.shift_matrix,
        indicators,
        partial_units: Rows::new(partial_units),
        stale_units: Rows::new(stale_units),
        indicator_notes,
        indicator_definitions: parts::definitions(config),
        texts: texts.clone(),
        chapters: told.chapters,
        shifts: told.shifts,
        shift_not_given: told.shift_not_given,
        cooperation: told.cooperation,
        linked_indicators: told.measured,
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
    report.comparison = previous.map(|p| crate::report::compare::compare(&current(&report), p));
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
