//! The operations: one per command, each owning its policy — what is refused before any
//! work, what counts as failure, what is written and when — and returning an outcome
//! that says what happened. A front end (the program's `cli`, or another) resolves a
//! [`Job`], calls one operation, tells the outcome and maps it to an exit code; it never
//! decides whether a report is written.
//!
//! - [`build`]: the report, or a reason it was not written ([`Built`]).
//! - [`check`]: the findings and whether they fail the run ([`Checked`]).
//! - [`template`]: blank workbooks, prefilled from last year ([`Blank`]).
//! - [`sample`]: example workbooks ([`Wrote`]).
//! - [`templates_check`], [`templates_context`]: the report templates tried out.
//!
//! What the operations tell along the way (progress, the findings once they are known,
//! the time of each stage) goes to a [`Host`]; `&()` is a host that hears nothing.

mod build;
mod check;
mod init;
mod riket;
mod templates;
mod workbooks;

use std::path::{Path, PathBuf};

pub use build::{BuildOptions, Built, Headline, build};
pub use check::{CheckOptions, Checked, check};
pub use init::{FILES as INIT_FILES, init};
pub use riket::{RiketOptions, Rolled, riket};
pub use templates::{templates_check, templates_context};
pub use workbooks::{Blank, SampleOptions, TemplateOptions, Wrote, sample, sample_riket, template};

pub use crate::pipeline::{Progress, StageTimes};
pub use crate::render::RenderTimes;
pub use crate::render::diagnostics::{Findings, Style, format as findings};
pub use crate::render::pdf::TEMPLATE as PDF_TEMPLATE;
pub use crate::render::templates::OUTPUTS as TEMPLATE_OUTPUTS;
pub use crate::sample::Size;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::model::FileSummary;
use crate::render::templates::Templates;
use crate::texts::Texts;
use crate::value::Date;

/// Everything an operation needs, resolved and checked before any input is read.
#[derive(Debug, Clone)]
pub struct Job {
    /// The input folder.
    pub input: PathBuf,
    /// The output folder.
    pub output: PathBuf,
    /// The configuration.
    pub config: Config,
    /// The report date.
    pub date: Date,
    /// The report templates' folder (`--templates`); `None`: `templates/` when it holds
    /// `report.html.j2`, else the built-in templates.
    pub templates: Option<PathBuf>,
    /// The region's texts' folder (`--texts`); `None`: `texter/` when it exists.
    pub texts: Option<PathBuf>,
}

/// A stage of a run that is done, for `--timings`.
#[derive(Debug, Clone, Copy)]
pub enum Stage {
    /// Every workbook read and validated, with the thread time of each half.
    Checked(StageTimes),
    /// The figures consolidated and the report assembled.
    Consolidated,
    /// Every output rendered into the staging folder.
    Rendered(RenderTimes),
    /// The outputs moved into place.
    Committed,
}

/// What a front end hears while an operation runs: the progress of the long stages
/// ([`Progress`]) and the rest. Every method has a default that does nothing; the
/// methods are called from the operation's threads (hence `Sync`).
pub trait Host: Progress {
    /// Every finding is known, in its stable order, before anything is written: a front
    /// end shows them while the report renders.
    fn findings(&self, _files: &[FileSummary], _diagnostics: &[Diagnostic]) {}
    /// `stage` is done; `rows` rows were read in all.
    fn lap(&self, _stage: Stage, _rows: usize) {}
    /// `path` is the staging folder of the outputs being written (`writing` true) or no
    /// longer is (false: they are being moved into place, or it is gone). A front end
    /// that can be stopped from outside removes it then.
    fn staging(&self, _path: &Path, _writing: bool) {}
    /// Runs `work` (rendering the templates, which are programs analysts write) exactly
    /// once; a front end may bound it, by the memory it takes for one.
    fn guarded(&self, work: &mut dyn FnMut()) {
        work();
    }
}

/// The host that hears nothing.
impl Host for () {}

/// The templates of `job`: its folder, else `templates/` when it holds
/// `report.html.j2`, else the built-in ones.
fn load_templates(job: &Job) -> Result<Templates, Error> {
    let dir = match &job.templates {
        Some(dir) => dir.as_path(),
        None if Path::new("templates").join("report.html.j2").is_file() => Path::new("templates"),
        None => return Templates::builtin(),
    };
    Templates::from_folder(crate::discover::template_sources(dir)?, dir)
}

/// The region's texts: from `job.texts`, else `texter/` when it exists (none
/// otherwise), with a warning for each file no part of the report reads. A folder named
/// that does not exist is an error: it is a misspelt path, not "no texts".
fn load_texts(job: &Job) -> Result<(Texts, Vec<Diagnostic>), Error> {
    let dir = match &job.texts {
        Some(dir) if !dir.is_dir() => {
            return Err(Error::Usage(format!(
                "--texts {}: mappen finns inte; väntade en mapp med regionens texter (inledning.md, avslutning.md, <insatsområdets kod>.md)",
                dir.display()
            )));
        }
        Some(dir) => dir.clone(),
        None => PathBuf::from("texter"),
    };
    let sources = crate::discover::text_sources(&dir)?;
    Ok(Texts::from_sources(
        sources,
        &dir.display().to_string(),
        &job.config,
    ))
}

/// Whether `a` and `b` are one folder, however written (`input`, `./input/`, a link).
fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The rows read in all, for the timings.
fn rows_read(files: &[FileSummary]) -> usize {
    files.iter().map(|f| f.rows_read).sum()
}

/// Where last year's report is when it is not named: `redovisning-(Y-1).json` in the
/// output folder, where last year's run wrote it.
fn default_previous(job: &Job) -> PathBuf {
    job.output
        .join(format!("redovisning-{}.json", job.config.year - 1))
}
