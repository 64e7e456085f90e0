//! `build`: the report, from every workbook, compared with last year's; or the reason it
//! was not written, with the last report left in place.
//!
//! The policy (SPEC 3.3, 5):
//! - refused before any work: an output folder that is the input folder, feedback into
//!   the input folder;
//! - last year's report named with `--previous` must be a report this program can read
//!   (else exit 2); one found in the output folder that cannot be read is a warning, and
//!   no comparison is made; one of another year or region is a warning either way;
//! - nothing accepted: `no-input`, nothing written;
//! - errors in the data: nothing written, unless `allow_errors`, which writes a draft.

use std::path::{Path, PathBuf};

use super::check::{refuse_feedback_in_input, write_feedback};
use super::{
    Host, Job, Stage, default_previous, load_templates, load_texts, rows_read, same_folder,
};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::error::Error;
use crate::pipeline::{self, Checked, Records};
use crate::report::Report;
use crate::report::compare::{self, Previous};
use crate::text::{count_word, num};

/// What `build` is asked besides the job.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Last year's report (`--previous`); `None`: the one in the output folder, if any.
    pub previous: Option<PathBuf>,
    /// Write a draft even when the data has errors (`--allow-errors`).
    pub allow_errors: bool,
    /// Where to write a feedback workbook for each file with findings (`--feedback`).
    pub feedback: Option<PathBuf>,
}

/// What `build` did.
#[derive(Debug)]
pub enum Built {
    /// The report was written: its key figures, and every output's whole path.
    Written {
        /// The key figures.
        headline: Headline,
        /// The outputs, sorted by name.
        outputs: Vec<PathBuf>,
        /// The feedback workbooks written: their folder and how many.
        feedback: Option<(PathBuf, usize)>,
    },
    /// Not one row was accepted (`no-input`): nothing was written.
    NothingAccepted {
        /// The feedback workbooks written: their folder and how many.
        feedback: Option<(PathBuf, usize)>,
    },
    /// The data has errors and no draft was asked for: nothing was written.
    Errors {
        /// The feedback workbooks written: their folder and how many.
        feedback: Option<(PathBuf, usize)>,
    },
}

impl Built {
    /// Whether the run fails (exit code 1): nothing was written, or a draft was.
    pub fn fails(&self) -> bool {
        match self {
            Built::Written { headline, .. } => headline.errors > 0,
            Built::NothingAccepted { .. } | Built::Errors { .. } => true,
        }
    }

    /// The feedback workbooks written: their folder and how many.
    pub fn feedback(&self) -> Option<&(PathBuf, usize)> {
        match self {
            Built::Written { feedback, .. }
            | Built::NothingAccepted { feedback }
            | Built::Errors { feedback } => feedback.as_ref(),
        }
    }
}

/// The key figures of a written report, taken before it is handed to the renderers.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// The region.
    pub region: String,
    /// The report year.
    pub year: i32,
    /// Number of initiatives.
    pub initiatives: u64,
    /// Kronor spent.
    pub spent_kr: f64,
    /// Of which agreement funds.
    pub agreement_funds_kr: f64,
    /// Agreement funds in per cent of the allocation, when there is one.
    pub utilisation_pct: Option<f64>,
    /// Errors among the findings (a draft when above 0).
    pub errors: usize,
    /// Warnings among the findings.
    pub warnings: usize,
}

impl Headline {
    fn of(report: &Report) -> Headline {
        let t = &report.totals;
        Headline {
            region: report.region.clone(),
            year: report.year,
            initiatives: t.initiatives,
            spent_kr: t.spent_kr.kronor(),
            agreement_funds_kr: t.agreement_funds_kr.kronor(),
            utilisation_pct: t.utilisation_pct,
            errors: report.tally.errors,
            warnings: report.tally.warnings,
        }
    }

    /// The key figures in Swedish, a sentence a line: region and year, money, findings,
    /// and whether it is a draft.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![
            format!(
                "{} {}: {}, använda medel {} kr, varav överenskommelsemedel {} kr; utnyttjandegrad {}.",
                self.region,
                self.year,
                count_word(self.initiatives, "insats", "insatser"),
                num(self.spent_kr, 0),
                num(self.agreement_funds_kr, 0),
                self.utilisation_pct
                    .map_or("..".to_string(), |p| format!("{}\u{a0}%", num(p, 1))),
            ),
            format!(
                "{}, {}.",
                count_word(self.errors as u64, "fel", "fel"),
                count_word(self.warnings as u64, "varning", "varningar"),
            ),
        ];
        if self.errors > 0 {
            lines.push("Rapporten är ett UTKAST: underlaget innehåller fel.".to_string());
        }
        lines
    }
}

/// Reads, validates and consolidates every workbook of `job.input` and writes the report
/// into `job.output`, all of it or nothing, by the policy of the module's notes.
pub fn build(job: &Job, options: &BuildOptions, host: &dyn Host) -> Result<Built, Error> {
    refuse_output_in_input(job)?;
    if let Some(dir) = &options.feedback {
        refuse_feedback_in_input(dir, job)?;
    }
    let templates = load_templates(job)?;
    let (texts, text_findings) = load_texts(job)?;
    let mut checked = pipeline::check(&job.input, &job.config, host, Records::Kept)?;
    checked.diagnostics.extend(text_findings);
    let rows = rows_read(&checked.files);
    host.lap(Stage::Checked(checked.times), rows);
    let previous = previous_report(options.previous.as_deref(), job, &mut checked)?;
    let anything = require_accepted(&mut checked);
    checked.sort_findings();
    host.findings(&checked.files, &checked.diagnostics);
    let feedback = match &options.feedback {
        Some(dir) => Some((dir.clone(), write_feedback(job, dir, &checked.diagnostics)?)),
        None => None,
    };
    let errors = checked.has_errors();
    if !anything {
        return Ok(Built::NothingAccepted { feedback });
    }
    if errors && !options.allow_errors {
        return Ok(Built::Errors { feedback });
    }
    host.stage("Sammanställer", 0);
    let report = pipeline::assemble(
        checked,
        &job.config,
        job.date,
        errors,
        previous.as_ref(),
        &texts,
    )?;
    drop(previous);
    host.lap(Stage::Consolidated, rows);
    host.stage("Skriver rapporten", 0);
    let headline = Headline::of(&report);
    let staging = crate::write::Staging::new(&job.output)?;
    host.staging(staging.path(), true);
    let mut report = Some(report);
    let mut rendered = None;
    host.guarded(&mut || {
        if let Some(report) = report.take() {
            rendered = Some(crate::render::render(report, &templates, &staging));
        }
    });
    // From here on a stop must not remove the staging folder: once the move has begun,
    // its journal lets the next run complete it (`write`).
    host.staging(staging.path(), false);
    let times = rendered.expect("the host ran the rendering")?;
    host.lap(Stage::Rendered(times), rows);
    let names = staging.commit()?;
    host.lap(Stage::Committed, rows);
    host.done();
    Ok(Built::Written {
        headline,
        outputs: names.iter().map(|n| job.output.join(n)).collect(),
        feedback,
    })
}

/// Refuses to write the report into the input folder: the next run would read the
/// report's own workbook as an administration's submission.
fn refuse_output_in_input(job: &Job) -> Result<(), Error> {
    if same_folder(&job.input, &job.output) {
        return Err(Error::Refused(format!(
            "utdatamappen {} är indatamappen; rapportens egen arbetsbok skulle läsas som en \
             förvaltnings underlag nästa gång. Välj en annan mapp med --output",
            job.output.display()
        )));
    }
    Ok(())
}

/// `no-input` when workbooks were read but not one row was accepted: a report of nothing
/// would replace the last one. Returns whether there is anything to report.
fn require_accepted(checked: &mut Checked) -> bool {
    if checked.files.is_empty() || checked.files.iter().any(|f| f.accepted > 0) {
        return !checked.files.is_empty();
    }
    checked.diagnostics.push(Diagnostic::new(
        Severity::Error,
        Code::NoInput,
        "",
        format!(
            "ingen rad i {} godkändes; väntade minst en godkänd insats eller ett indikatorvärde. Ingen rapport skrivs, och den förra ligger kvar",
            count_word(checked.files.len() as u64, "arbetsbok", "arbetsböcker")
        ),
    ));
    false
}

/// Last year's report for the comparison, by the policy of the module's notes: `named`
/// (`--previous`) if given, else the one in the output folder when it is there. What
/// changed in an initiative that continues becomes a finding in `checked`.
pub(super) fn previous_report(
    named: Option<&Path>,
    job: &Job,
    checked: &mut Checked,
) -> Result<Option<Report>, Error> {
    let found = default_previous(job);
    let (path, explicit) = match named {
        Some(p) => (p.to_path_buf(), true),
        None if found.is_file() => (found, false),
        None => return Ok(None),
    };
    let name = path.display().to_string();
    let warn =
        |message: String| Diagnostic::new(Severity::Warning, Code::PreviousReport, &name, message);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(source) if explicit => return Err(Error::Read { path, source }),
        Err(e) => {
            checked.diagnostics.push(warn(format!(
                "föregående års redovisning kan inte läsas ({}); ingen jämförelse görs",
                crate::error::io_reason(&e)
            )));
            return Ok(None);
        }
    };
    match compare::previous(&text, &name, &job.config) {
        Ok(previous) => {
            let changed = compare::changed_initiatives(checked.initiatives.iter(), &previous);
            checked.diagnostics.extend(changed);
            Ok(Some(previous))
        }
        Err(Previous::Unreadable(problem)) if explicit => Err(Error::Report {
            path,
            problem: problem.to_string(),
        }),
        Err(Previous::Unreadable(problem)) => {
            checked
                .diagnostics
                .push(warn(format!("{problem}; ingen jämförelse görs")));
            Ok(None)
        }
        Err(Previous::Other(d)) => {
            checked.diagnostics.push(d);
            Ok(None)
        }
    }
}
