//! `check`: every workbook validated, nothing written but the feedback workbooks asked
//! for; the records are counted, not kept, so that a country's submissions are checked
//! in little memory.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use super::{Host, Job, Stage, rows_read, same_folder};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::model::FileSummary;
use crate::pipeline::{self, Records};
use crate::schema::Names;

/// What `check` is asked besides the job.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Warnings fail the run too (`--deny-warnings`).
    pub deny_warnings: bool,
    /// Where to write a feedback workbook for each file with findings (`--feedback`).
    pub feedback: Option<PathBuf>,
}

/// What `check` found.
#[derive(Debug)]
pub struct Checked {
    /// Row counts per file, sorted by file name.
    pub files: Vec<FileSummary>,
    /// Every finding, in its stable order.
    pub diagnostics: Vec<Diagnostic>,
    /// The feedback workbooks written: their folder and how many.
    pub feedback: Option<(PathBuf, usize)>,
    /// Whether the findings fail the run: an error, or a warning under `deny_warnings`.
    pub fails: bool,
}

/// Validates every workbook of `job.input`; tells the findings to `host` as soon as they
/// are known, then writes the feedback workbooks if asked.
pub fn check(job: &Job, options: &CheckOptions, host: &dyn Host) -> Result<Checked, Error> {
    if let Some(dir) = &options.feedback {
        refuse_feedback_in_input(dir, job)?;
    }
    let mut checked = pipeline::check(&job.input, &job.config, host, Records::Counted)?;
    checked.sort_findings();
    let rows = rows_read(&checked.files);
    host.lap(Stage::Checked(checked.times), rows);
    host.findings(&checked.files, &checked.diagnostics);
    let feedback = match &options.feedback {
        Some(dir) => Some((dir.clone(), write_feedback(job, dir, &checked.diagnostics)?)),
        None => None,
    };
    let fails = checked.has_errors() || (options.deny_warnings && checked.has_warnings());
    Ok(Checked {
        files: checked.files,
        diagnostics: checked.diagnostics,
        feedback,
        fails,
    })
}

/// Refuses feedback written into the input folder, however the folder is written: the
/// next run would read the feedback workbooks as submissions.
pub(super) fn refuse_feedback_in_input(dir: &Path, job: &Job) -> Result<(), Error> {
    if same_folder(dir, &job.input) {
        return Err(Error::Refused(
            "återkopplingen kan inte skrivas i indatamappen: den skulle läsas som underlag nästa gång".into(),
        ));
    }
    Ok(())
}

/// Writes into `dir`, all or nothing, a feedback workbook (`feedback`) for each workbook
/// of the input that has findings in `diagnostics`, read again as `check` read it; a
/// clean workbook gets none. Returns how many were written.
pub(super) fn write_feedback(
    job: &Job,
    dir: &Path,
    diagnostics: &[Diagnostic],
) -> Result<usize, Error> {
    let (found, _) = crate::discover::discover(&job.input)?;
    let names = Names::new(&job.config);
    let mut out = Vec::new();
    for f in found {
        let findings: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.file == f.name).collect();
        if findings.is_empty() {
            continue;
        }
        // A file that cannot be read (or whose reader panics) still gets its findings.
        let raw = catch_unwind(AssertUnwindSafe(|| {
            crate::read::read(&f.path, &f.name, &names, &job.config.limits)
        }))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
        let name = crate::feedback::file_name(&f.name);
        let bytes = crate::feedback::workbook(&raw, &findings).map_err(|e| {
            crate::render::xlsx::failed(&format!("återkopplingen {name}"), &name, e)
        })?;
        out.push((name, bytes));
    }
    crate::write::write_all(dir, &out)?;
    Ok(out.len())
}
