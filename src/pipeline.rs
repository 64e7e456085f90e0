//! The pipeline the operations are made of: every workbook discovered, read and
//! validated in parallel (a failure or a panic in one file is that file's finding), the
//! money admitted across files, the findings across files, the units' year figures; then
//! the consolidation and the report assembled from it.
//!
//! Steps without policy: what counts as failure and what is written is `ops`'s.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{self, Code, Diagnostic, Severity};
use crate::error::Error;
use crate::model::{FileSummary, IndicatorValue, Initiative, RejectedRow, Submission, UnitYear};
use crate::report::Report;
use crate::rows::Chunks;
use crate::schema::Names;
use crate::validate::admit::MoneyRows;
use crate::validate::{self, Rules, Vocabulary};
use crate::value::{Date, Ore};
use crate::{consolidate, discover, read, report, text};

/// Receives the progress of the long stages: a terminal draws bars; `()` reports
/// nothing. The operations' `Host` is one.
pub trait Progress: Sync {
    /// A stage begins with `total` steps (0 when unknown).
    fn stage(&self, _name: &str, _total: u64) {}
    /// One step of the current stage is done.
    fn advance(&self) {}
    /// The current stage is done.
    fn done(&self) {}
}

/// Reports nothing.
impl Progress for () {}

/// Time spent reading and validating, summed over the worker threads.
#[derive(Debug, Default, Clone, Copy)]
pub struct StageTimes {
    /// Reading workbooks (calamine), in seconds of thread time.
    pub read: f64,
    /// Validating rows, in seconds of thread time.
    pub validate: f64,
}

/// What reading and validating every workbook produced.
#[derive(Debug, Default)]
pub struct Checked {
    /// Thread time per stage.
    pub times: StageTimes,
    /// Row counts per file, sorted by file name.
    pub files: Vec<FileSummary>,
    /// Every finding, in a stable order.
    pub diagnostics: Vec<Diagnostic>,
    /// Accepted initiatives, one chunk per file.
    pub initiatives: Chunks<Initiative>,
    /// Accepted indicator values, one chunk per file.
    pub indicators: Chunks<IndicatorValue>,
    /// Rejected rows.
    pub rejected: Vec<RejectedRow>,
    /// Each unit's year figure per indicator (SPEC 2.3).
    pub units: Vec<UnitYear>,
}

impl Checked {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Whether any finding is a warning.
    pub fn has_warnings(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning)
    }

    /// Puts the findings in their stable order (`diagnostic::sort`), once the last one has
    /// been added.
    pub fn sort_findings(&mut self) {
        diagnostic::sort(&mut self.diagnostics);
    }
}

/// Whether the accepted records are kept for a report, or only counted (validating a
/// country's submissions then needs little memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Records {
    /// Kept, for a report.
    Kept,
    /// Counted and dropped.
    Counted,
}

/// Discovers, reads and validates every workbook in `input`, in parallel. The findings
/// are not yet sorted: more may come; call [`Checked::sort_findings`] after the last.
pub fn check(
    input: &Path,
    config: &Config,
    progress: &dyn Progress,
    records: Records,
) -> Result<Checked, Error> {
    let keep_records = records == Records::Kept;
    let (found, mut notices) = discover::discover(input)?;
    if found.is_empty() {
        notices.push(no_input(input));
    }
    let names = Names::new(config);
    let vocab = Vocabulary::new(config);
    let rules = Rules {
        config,
        names: &names,
        vocab: &vocab,
    };
    progress.stage("Läser arbetsböcker", found.len() as u64);
    // Each file's money is kept apart from its initiatives, so that `check` can drop
    // them at once and still admit the money across files (`validate::admit`).
    let timed: Vec<(Submission, StageTimes, MoneyRows)> = found
        .par_iter()
        .map(|f| {
            let (mut s, t) = process(&f.path, &f.name, &rules);
            let money = validate::admit::money_rows(&s.initiatives);
            if !keep_records {
                s.initiatives = Vec::new();
            }
            progress.advance();
            (s, t, money)
        })
        .collect();
    progress.done();
    let mut times = StageTimes::default();
    let mut money = Vec::with_capacity(timed.len());
    let mut submissions: Vec<Submission> = timed
        .into_iter()
        .map(|(s, t, m)| {
            times.read += t.read;
            times.validate += t.validate;
            money.push(m);
            s
        })
        .collect();
    let mut checked = Checked {
        diagnostics: notices,
        times,
        ..Checked::default()
    };
    let agreement = admit_money(&mut submissions, &money, &mut checked.diagnostics);
    drop(money);
    checked.diagnostics.extend(validate::across(&submissions));
    checked
        .diagnostics
        .extend(validate::units::duplicate_units(&mut submissions, config));
    checked
        .diagnostics
        .extend(over_allocation(agreement, config));
    let layouts = gather(submissions, &mut checked);
    checked.units = consolidate::units::unit_years(&checked.indicators, config);
    checked
        .diagnostics
        .extend(consolidate::units::period_findings(
            &checked.units,
            &layouts,
            config,
        ));
    checked
        .diagnostics
        .extend(consolidate::units::plausibility_findings(
            &checked.units,
            config,
        ));
    if !keep_records {
        checked.indicators = Chunks::default();
    }
    Ok(checked)
}

/// Admits every file's money into the run's sums (`validate::admit`): a row that would
/// take a sum past the range is refused, with its finding, and leaves its file's
/// initiatives. Returns the agreement funds admitted.
fn admit_money(
    submissions: &mut [Submission],
    money: &[MoneyRows],
    diagnostics: &mut Vec<Diagnostic>,
) -> Ore {
    let files = submissions
        .iter()
        .zip(money)
        .map(|(s, m)| validate::admit::File {
            name: &s.summary.file,
            layout: s.initiative_layout.as_ref(),
            money: m,
        });
    let admitted = validate::admit::admit(files);
    for (sub, refused) in submissions.iter_mut().zip(&admitted.refused) {
        if refused.is_empty() {
            continue;
        }
        sub.initiatives.retain(|i| !refused.contains(&i.row));
        let mine = admitted
            .diagnostics
            .iter()
            .filter(|d| d.file == sub.summary.file);
        for row in refused {
            let reasons = mine
                .clone()
                .filter(|d| d.cell.is_some_and(|c| c.excel_row() == *row))
                .map(|d| {
                    format!(
                        "{}: {}",
                        d.cell.map(|c| c.to_string()).unwrap_or_default(),
                        d.message
                    )
                })
                .collect();
            sub.rejected.push(RejectedRow {
                file: sub.summary.file.clone(),
                sheet: sub
                    .initiative_layout
                    .as_ref()
                    .map(|l| l.sheet.clone())
                    .unwrap_or_default(),
                row: *row,
                reasons,
            });
        }
        sub.summary.accepted -= refused.len();
        sub.summary.rejected += refused.len();
    }
    diagnostics.extend(admitted.diagnostics);
    admitted.totals[2]
}

/// How to get workbooks to read, for an empty input folder.
pub const GETTING_STARTED: &str = "kom igång: `redovisa sample` skriver exempelarbetsböcker, `redovisa template --administration NAMN` en tom arbetsbok att dela ut";

/// A warning when the agreement funds used exceed the region's allocation.
fn over_allocation(agreement: Ore, config: &Config) -> Option<Diagnostic> {
    let allocation = config.allocation();
    (allocation.0 > 0 && agreement > allocation).then(|| {
        Diagnostic::new(
            Severity::Warning,
            Code::OverAllocation,
            "",
            format!(
                "förvaltningarna redovisar {} kr i använda överenskommelsemedel, {} kr mer än regionens tilldelning {} kr (redovisa.toml: allocation_kr); utnyttjandegraden blir över 100 %",
                text::num(agreement.kronor(), 0),
                text::num((agreement - allocation).kronor(), 0),
                text::num(allocation.kronor(), 0),
            ),
        )
    })
}

/// The finding for an input folder without workbooks.
fn no_input(input: &Path) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        Code::NoInput,
        "",
        format!(
            "inga arbetsböcker hittades i {}; väntade en .xlsx-, .xlsm-, .xlsb-, .xls- eller .ods-fil per förvaltning. Ingen rapport skrivs",
            input.display()
        ),
    )
    .with_hint(Some(GETTING_STARTED.to_string()))
}

/// Moves the files' findings, row counts and records into `checked`, and returns each
/// file's indicator layout. The records stay in their files' vectors: gathering a
/// million records into one would hold them twice for a moment.
fn gather(
    submissions: Vec<Submission>,
    checked: &mut Checked,
) -> foldhash::HashMap<std::sync::Arc<str>, crate::model::IndicatorLayout> {
    let (mut initiatives, mut indicators) = (Vec::new(), Vec::new());
    let mut layouts = foldhash::HashMap::default();
    for s in submissions {
        if let Some(layout) = s.indicator_layout {
            layouts.insert(s.summary.file.as_str().into(), layout);
        }
        checked.files.push(s.summary);
        checked.diagnostics.extend(s.diagnostics);
        initiatives.push(s.initiatives);
        indicators.push(s.indicators);
        checked.rejected.extend(s.rejected);
    }
    checked.initiatives = Chunks::new(initiatives);
    checked.indicators = Chunks::new(indicators);
    layouts
}

/// Reads and validates one workbook; a failure or a panic becomes a diagnostic.
/// Returns the submission and the time each stage took.
pub fn process(path: &Path, name: &str, rules: &Rules<'_>) -> (Submission, StageTimes) {
    let mut times = StageTimes::default();
    let result = catch_unwind(AssertUnwindSafe(|| {
        let start = std::time::Instant::now();
        let raw = read::read(path, name, rules.names, &rules.config.limits);
        times.read = start.elapsed().as_secs_f64();
        let start = std::time::Instant::now();
        let sub = raw.map(|raw| validate::validate(&raw, name, rules));
        times.validate = start.elapsed().as_secs_f64();
        sub
    }));
    let failed = |d: Diagnostic| Submission {
        summary: FileSummary {
            file: name.to_string(),
            administration: String::new(),
            ..FileSummary::default()
        },
        diagnostics: vec![d],
        ..Submission::default()
    };
    let sub = match result {
        Ok(Ok(sub)) => sub,
        Ok(Err(d)) => failed(d),
        // The reader's own words (an index out of bounds) say nothing to the person who
        // must mend the file; see `read::explain`.
        Err(_) => failed(Diagnostic::new(
            Severity::Error,
            Code::FileUnreadable,
            name,
            "filen kunde inte läsas: den är skadad eller har delar som inte kan tolkas; öppna \
             den i Excel eller LibreOffice och spara den igen som .xlsx",
        )),
    };
    (sub, times)
}

/// Consolidates the accepted records and assembles the report, compared with last year's
/// when `previous` is given.
pub fn assemble(
    checked: Checked,
    config: &Config,
    date: Date,
    draft: bool,
    previous: Option<&Report>,
    texts: &crate::texts::Texts,
) -> Result<Report, Error> {
    let figures = consolidate::consolidate(
        &checked.initiatives,
        &checked.indicators,
        &checked.units,
        config,
    )?;
    Ok(report::assemble(report::Parts {
        config,
        date,
        draft,
        figures,
        initiatives: checked.initiatives,
        files: checked.files,
        diagnostics: checked.diagnostics,
        rejected: checked.rejected,
        previous,
        texts,
    }))
}
