//! The regions' reports, read through the report contract (SPEC 3.3) and sorted to the
//! regions of the national configuration: what cannot be rolled up is a diagnostic
//! naming its file, and the rest are rolled up.

use std::collections::BTreeMap;

use serde::Serialize;

use super::config::NationalConfig;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::report::{AreaRow, Report, StatusRow, Totals};
use crate::value::{Date, Period};

/// What the roll-up keeps of one region's report (the rest is dropped as soon as it is
/// read, so that 21 national-size reports are never held at once).
#[derive(Debug, Clone)]
pub struct Summary {
    /// The file, as found under the input folder.
    pub file: String,
    /// The report's `region`.
    pub region: String,
    /// The report's year.
    pub year: i32,
    /// The report's date.
    pub generated: Date,
    /// Whether the report is a draft.
    pub draft: bool,
    /// The region's totals.
    pub totals: Totals,
    /// Spent per area.
    pub areas: Vec<AreaRow>,
    /// Initiatives per status.
    pub statuses: Vec<StatusRow>,
    /// The region's own year figures: indicator, numerator, denominator.
    pub indicators: Vec<(String, f64, Option<f64>)>,
}

impl Summary {
    pub(crate) fn of(file: &str, report: Report) -> Summary {
        let year = Period::Year(report.year);
        let indicators = report
            .indicators
            .iter()
            .filter(|r| r.figure.administration.is_none() && r.figure.period == year)
            .map(|r| {
                (
                    r.figure.indicator.clone(),
                    r.figure.numerator,
                    r.figure.denominator,
                )
            })
            .collect();
        Summary {
            file: file.to_string(),
            region: report.region,
            year: report.year,
            generated: report.generated,
            draft: report.draft,
            totals: report.totals,
            areas: report.by_area,
            statuses: report.by_status,
            indicators,
        }
    }
}

/// Reads one file's text as a region's report: what the roll-up needs of it, or a
/// diagnostic naming the file and what is wrong.
pub fn summarise(file: &str, text: &str) -> Result<Summary, Diagnostic> {
    crate::report::read(text)
        .map(|report| Summary::of(file, report))
        .map_err(|problem| {
            Diagnostic::new(
                Severity::Error,
                Code::NotAReport,
                file,
                format!("filen kan inte räknas in som en regions redovisning: {problem}"),
            )
        })
}

/// One input file and what became of it, for the list of sources.
#[derive(Debug, Clone, Serialize)]
pub struct FileRow {
    /// The file.
    pub file: String,
    /// The region it is a report of, when it could be read.
    pub region: Option<String>,
    /// The report's date.
    pub generated: Option<Date>,
    /// Whether it is rolled up.
    pub counted: bool,
}

/// The reports sorted to the regions.
#[derive(Debug, Default)]
pub struct Admitted {
    /// The year rolled up.
    pub year: i32,
    /// Per configured region, in its order: its report, if one came in.
    pub regions: Vec<Option<Summary>>,
    /// Reports of principals the configuration does not list, by name.
    pub others: Vec<Summary>,
    /// Every input file.
    pub files: Vec<FileRow>,
    /// What was found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Sorts the read files (in file order) to the regions: a report of another year, a
/// second report of one region (the later one counts) or of a region not listed is a
/// diagnostic naming the file. The year is `year`, or else the one most reports are of
/// (the latest of a tie).
pub fn admit(
    read: Vec<Result<Summary, Diagnostic>>,
    config: &NationalConfig,
    year: Option<i32>,
    fallback_year: i32,
) -> Admitted {
    let mut out = Admitted {
        regions: vec![None; config.regions.len()],
        ..Admitted::default()
    };
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for s in read.iter().flatten() {
        *years.entry(s.year).or_default() += 1;
    }
    out.year = year.unwrap_or_else(|| {
        years
            .iter()
            .max_by_key(|(y, n)| (**n, **y))
            .map_or(fallback_year, |(y, _)| *y)
    });
    let mut others: BTreeMap<String, Option<Summary>> = BTreeMap::new();
    for result in read {
        let summary = match result {
            Ok(s) => s,
            Err(d) => {
                out.files.push(FileRow {
                    file: d.file.clone(),
                    region: None,
                    generated: None,
                    counted: false,
                });
                out.diagnostics.push(d);
                continue;
            }
        };
        if summary.year != out.year {
            out.diagnostics.push(Diagnostic::new(
                Severity::Error,
                Code::OtherYear,
                &summary.file,
                format!(
                    "{}s redovisning gäller {}, inte {}; den räknas inte in",
                    summary.region, summary.year, out.year
                ),
            ));
            out.files.push(row(&summary, false));
            continue;
        }
        if summary.draft {
            out.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                Code::DraftReport,
                &summary.file,
                format!(
                    "{}s redovisning är ett utkast: den byggdes trots fel i underlaget",
                    summary.region
                ),
            ));
        }
        let slot = match config.region(&summary.region) {
            Some(k) => &mut out.regions[k],
            None => {
                out.diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        Code::UnknownRegion,
                        &summary.file,
                        format!(
                            "{} finns inte bland regionerna i riket.toml; redovisningen räknas in på en egen rad",
                            summary.region
                        ),
                    )
                    .with_hint(config.closest(&summary.region).map(|c| format!("menade du {c}?"))),
                );
                others
                    .entry(super::config::key(&summary.region))
                    .or_default()
            }
        };
        place(slot, summary, &mut out.files, &mut out.diagnostics);
    }
    out.others = others.into_values().flatten().collect();
    out
}

/// Puts `summary` into a region's slot: a second report of the region is an error naming
/// both files, and the later report (by its date, else the later file) is the one
/// counted.
fn place(
    slot: &mut Option<Summary>,
    summary: Summary,
    files: &mut Vec<FileRow>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(earlier) = slot.take() else {
        files.push(row(&summary, true));
        *slot = Some(summary);
        return;
    };
    let (kept, dropped) = if summary.generated >= earlier.generated {
        (summary, earlier)
    } else {
        (earlier, summary)
    };
    diagnostics.push(Diagnostic::new(
        Severity::Error,
        Code::DuplicateRegion,
        &dropped.file,
        format!(
            "{} har två redovisningar, {} ({}) och {} ({}); den senare, {}, räknas in",
            kept.region, dropped.file, dropped.generated, kept.file, kept.generated, kept.file
        ),
    ));
    if let Some(f) = files.iter_mut().find(|f| f.file == dropped.file) {
        f.counted = false;
    } else {
        files.push(row(&dropped, false));
    }
    if !files.iter().any(|f| f.file == kept.file) {
        files.push(row(&kept, true));
    }
    *slot = Some(kept);
}

fn row(s: &Summary, counted: bool) -> FileRow {
    FileRow {
        file: s.file.clone(),
        region: Some(s.region.clone()),
        generated: Some(s.generated),
        counted,
    }
}
