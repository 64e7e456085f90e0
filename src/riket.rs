//! The national roll-up (SPEC 7): every region's report, read through the report
//! contract, side by side in tables R1–R4 with a `Riket` row computed from the regions'
//! own figures. A region without a report is listed as `ej inkommen`, never hidden in a
//! total.

mod config;
mod gather;
mod indicators;
mod tables;

use serde::Serialize;

pub use config::{DEFAULT_TOML, GRID, NationalConfig, Region};
pub use gather::{Admitted, FileRow, Summary, admit, summarise};
pub use indicators::{NationalIndicator, RegionFigure, RiketFigure, Step};
pub use tables::{AreaColumn, Cell, Line, Matrix, MoneyRow, RegionRow};

use crate::diagnostic::{Diagnostic, Tally};
use crate::value::{Date, Ore};

/// The national view: what `riket-Y.json` holds and the templates get.
#[derive(Debug, Clone, Serialize)]
pub struct National {
    /// The year rolled up.
    pub year: i32,
    /// The date of the roll-up.
    pub generated: Date,
    /// Whether an input file had errors (the view is then marked as a draft).
    pub draft: bool,
    /// The suppression threshold at the regions' level.
    pub suppression_threshold: f64,
    /// How many regions the configuration lists.
    pub expected: usize,
    /// How many of them sent a report that is rolled up.
    pub reported: usize,
    /// The regions (and other principals) in the tables' order.
    pub regions: Vec<RegionRow>,
    /// The listed regions whose report did not come in (`ej inkommen`).
    pub missing: Vec<String>,
    /// R1: money per region.
    pub money: Vec<MoneyRow>,
    /// R1's `Riket` row.
    pub money_total: MoneyRow,
    /// R2: money spent per region and area.
    pub areas: Matrix<Ore, AreaColumn>,
    /// R3: initiatives per region and status.
    pub statuses: Matrix<u64, String>,
    /// R4: the indicators per region and for Riket.
    pub indicators: Vec<NationalIndicator>,
    /// Every input file and whether it is rolled up.
    pub files: Vec<FileRow>,
    /// Every finding, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts of findings by severity.
    pub tally: Tally,
    /// The note under every table with an `x`.
    pub suppression_note: String,
}

/// The national view of the admitted reports.
pub fn national(admitted: Admitted, config: &NationalConfig, generated: Date) -> National {
    let Admitted {
        year,
        regions,
        others,
        files,
        mut diagnostics,
    } = admitted;
    let ordered = tables::Ordered::new(config, &regions, &others);
    let (money, money_total) = tables::money(&ordered);
    if money_total.spent_kr.is_none() || money_total.allocation_kr.is_none() {
        diagnostics.push(Diagnostic::new(
            crate::diagnostic::Severity::Error,
            crate::diagnostic::Code::LimitExceeded,
            "riket",
            "regionernas belopp tillsammans är större än vad programmet kan räkna exakt; riket visas som ..",
        ));
    }
    let areas = tables::areas(&ordered, config);
    let statuses = tables::statuses(&ordered);
    let indicators = indicators::indicators(&ordered, config);
    crate::diagnostic::sort(&mut diagnostics);
    let tally = Tally::of(&diagnostics);
    let region_rows: Vec<RegionRow> = ordered.rows.into_iter().map(|(r, _)| r).collect();
    let missing = region_rows
        .iter()
        .filter(|r| r.listed && !r.reported)
        .map(|r| r.name.clone())
        .collect();
    National {
        year,
        generated,
        draft: tally.errors > 0,
        suppression_threshold: config.suppression_threshold,
        expected: config.regions.len(),
        reported: region_rows
            .iter()
            .filter(|r| r.listed && r.reported)
            .count(),
        regions: region_rows,
        missing,
        money,
        money_total,
        areas,
        statuses,
        indicators,
        files,
        diagnostics,
        tally,
        suppression_note: format!(
            "x: uppgiften är skyddad: en regions täljare är större än 0 men mindre än {}, eller \
             uppgiften skulle tillsammans med riket och de andra regionerna avslöja en sådan.",
            crate::text::num(config.suppression_threshold, 0)
        ),
    }
}
