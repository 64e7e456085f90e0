//! `redovisa`: validates and consolidates the administrations' submissions for a
//! region's yearly report on *God och nära vård*, and renders the report.
//!
//! The data flows one way: `discover → read → validate → consolidate → render → write`.
//! Only the two ends touch the file system; the middle is pure functions on plain data.
//! The command line (`src/cli`) resolves its arguments into a [`Job`] and calls
//! [`check`], [`build_report`] and [`render::render`]; this library never imports it.

pub mod compare;
pub mod config;
pub mod consolidate;
pub mod diagnostic;
pub mod discover;
pub mod error;
pub mod feedback;
pub mod input_template;
pub mod model;
pub mod read;
pub mod render;
pub mod report;
pub mod rows;
pub mod sample;
pub mod schema;
pub mod text;
pub mod texts;
pub mod validate;
pub mod value;
pub mod write;

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use config::Config;
use diagnostic::{Code, Diagnostic, Severity};
use error::Error;
use model::{FileSummary, IndicatorValue, Initiative, RejectedRow, Submission, UnitYear};
use report::Report;
use rows::Chunks;
use schema::Names;
use validate::admit::MoneyRows;
use validate::{Rules, Vocabulary};
use value::{Date, Ore};

/// Receives the progress of the long stages. The command line draws bars on a terminal;
/// everything else passes `&()`, which reports nothing.
pub trait Progress: Sync {
    /// A stage begins with `total` steps (0 when unknown).
    fn stage(&self, _name: &str, _total: u64) {}
    /// One step of the current stage is done.
    fn advance(&self) {}
    /// The current stage is done.
    fn done(&self) {}
}

impl Progress for () {}

/// Everything a run needs, resolved and checked before any input is read.
#[derive(Debug)]
pub struct Job {
    /// The input folder.
    pub input: PathBuf,
    /// The output folder.
    pub output: PathBuf,
    /// The configuration.
    pub config: Config,
    /// The report date.
    pub date: Date,
}

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

/// Discovers, reads and validates every workbook in `input`, in parallel. The findings
/// are not yet sorted: more may come ([`load_previous`], [`require_accepted`]); call
/// [`Checked::sort_findings`] after the last.
pub fn check(input: &Path, config: &Config, progress: &dyn Progress) -> Result<Checked, Error> {
    check_with(input, config, progress, true)
}

/// Like [`check`]; with `keep_records` false the accepted records are counted but not
/// kept, so that validating a country's submissions needs little memory.
pub fn check_with(
    input: &Path,
    config: &Config,
    progress: &dyn Progress,
    keep_records: bool,
) -> Result<Checked, Error> {
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

/// `no-input` when workbooks were read but not one row was accepted: a report of nothing
/// would replace the last one. Returns whether there is anything to report.
pub fn require_accepted(checked: &mut Checked) -> bool {
    if checked.files.is_empty() || checked.files.iter().any(|f| f.accepted > 0) {
        return !checked.files.is_empty();
    }
    checked.diagnostics.push(Diagnostic::new(
        Severity::Error,
        Code::NoInput,
        "",
        format!(
            "ingen rad i {} godkändes; väntade minst en godkänd insats eller ett indikatorvärde. Ingen rapport skrivs, och den förra ligger kvar",
            text::count_word(checked.files.len() as u64, "arbetsbok", "arbetsböcker")
        ),
    ));
    false
}

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

thread_local! {
    static IN_FILE: Cell<bool> = const { Cell::new(false) };
}

/// Installs a panic hook that stays quiet for panics caught while reading a file (they
/// become diagnostics) and reports all others as before.
pub fn quiet_file_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_FILE.with(Cell::get) {
            default(info);
        }
    }));
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
) -> foldhash::HashMap<std::sync::Arc<str>, model::IndicatorLayout> {
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
    IN_FILE.with(|f| f.set(true));
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
    IN_FILE.with(|f| f.set(false));
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
pub fn build_report(
    checked: Checked,
    config: &Config,
    date: Date,
    draft: bool,
    previous: Option<&compare::Previous>,
    texts: &texts::Texts,
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

/// The feedback workbooks (`--feedback`, see [`feedback`]): one for each workbook of
/// `input` that has findings in `diagnostics`, read again as `check` read it. Named by
/// [`feedback::file_name`]; a clean workbook gets none.
pub fn feedback_workbooks(
    input: &Path,
    config: &Config,
    diagnostics: &[Diagnostic],
) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let (found, _) = discover::discover(input)?;
    let names = Names::new(config);
    let mut out = Vec::new();
    for f in found {
        let findings: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.file == f.name).collect();
        if findings.is_empty() {
            continue;
        }
        // A file that cannot be read (or whose reader panics) still gets its findings.
        let raw = catch_unwind(AssertUnwindSafe(|| {
            read::read(&f.path, &f.name, &names, &config.limits)
        }))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
        out.push((
            feedback::file_name(&f.name),
            feedback::workbook(&raw, &findings)?,
        ));
    }
    Ok(out)
}

/// Reads last year's report for the comparison: `path` if given, else
/// `redovisning-(Y-1).json` in the output folder when it is there. A file that cannot be
/// used becomes a warning in `checked`, and no comparison is made.
pub fn load_previous(
    path: Option<&Path>,
    output: &Path,
    config: &Config,
    checked: &mut Checked,
) -> Option<compare::Previous> {
    let default = output.join(format!("redovisning-{}.json", config.year - 1));
    let path = match path {
        Some(p) => p.to_path_buf(),
        None if default.is_file() => default,
        None => return None,
    };
    let name = path.display().to_string();
    let result = std::fs::read_to_string(&path)
        .map_err(|e| {
            Diagnostic::new(
                Severity::Warning,
                Code::PreviousReport,
                &name,
                format!("föregående års redovisning kan inte läsas ({e}); ingen jämförelse görs"),
            )
        })
        .and_then(|text| compare::parse(&text, &name, config));
    match result {
        Ok(previous) => {
            let changed = compare::changed_initiatives(checked.initiatives.iter(), &previous);
            checked.diagnostics.extend(changed);
            Some(previous)
        }
        Err(d) => {
            checked.diagnostics.push(d);
            None
        }
    }
}
