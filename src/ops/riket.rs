//! `riket`: the national roll-up (SPEC 7) of every region's report in the input folder.
//!
//! The policy:
//! - refused before any work: an output folder that is the input folder (the roll-up's
//!   own `riket-Y.json` would be read as a region's report next time);
//! - every `.json` file under the input folder is read through the report contract; what
//!   cannot be rolled up (not a report, another year, a region twice) is an error naming
//!   the file, and the rest are still rolled up;
//! - no report rolled up at all: `no-input`, nothing written;
//! - errors: nothing written unless `allow_errors`, which writes the view as a draft.

use rayon::prelude::*;

use super::{Host, Job, load_templates, same_folder};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::discover::MAX_REPORT_BYTES;
use crate::error::Error;
use crate::riket::{NationalConfig, Summary};

/// What `riket` is asked besides the job.
#[derive(Debug, Clone)]
pub struct RiketOptions {
    /// The national configuration (`riket.toml`).
    pub config: NationalConfig,
    /// The year (`--year`); `None`: the configuration's, else the reports' own.
    pub year: Option<i32>,
    /// Write the view as a draft even when some files could not be rolled up.
    pub allow_errors: bool,
}

/// What `riket` did.
#[derive(Debug)]
pub enum Rolled {
    /// The national view was written.
    Written {
        /// The year rolled up.
        year: i32,
        /// How many listed regions sent a report that is rolled up, and how many are listed.
        reported: (usize, usize),
        /// Errors among the findings (a draft when above 0).
        errors: usize,
        /// Warnings among the findings.
        warnings: usize,
        /// The outputs, sorted by name.
        outputs: Vec<std::path::PathBuf>,
    },
    /// Not one report could be rolled up: nothing was written.
    NothingRolledUp,
    /// Some files could not be rolled up and no draft was asked for: nothing was written.
    Errors,
}

impl Rolled {
    /// Whether the run fails (exit code 1): nothing was written, or a draft was, or
    /// (`deny_warnings`) there were warnings.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        match self {
            Rolled::Written {
                errors, warnings, ..
            } => *errors > 0 || (deny_warnings && *warnings > 0),
            Rolled::NothingRolledUp | Rolled::Errors => true,
        }
    }
}

/// Reads every region's report under `job.input`, rolls them up and writes the national
/// view into `job.output`, all of it or nothing, by the policy of the module's notes.
pub fn riket(job: &Job, options: &RiketOptions, host: &dyn Host) -> Result<Rolled, Error> {
    if same_folder(&job.input, &job.output) {
        return Err(Error::Refused(format!(
            "utdatamappen {} är indatamappen; rikets egen riket-ÅR.json skulle läsas som en \
             regions redovisning nästa gång. Välj en annan mapp med --output",
            job.output.display()
        )));
    }
    let templates = load_templates(job)?;
    let found = crate::discover::reports(&job.input)?;
    host.stage("Läser regionernas redovisningar", found.len() as u64);
    // One report at a time per core: each is summarised and dropped as soon as it is read.
    let read: Vec<Result<Summary, Diagnostic>> = found
        .par_iter()
        .map(|f| {
            let result = read_one(&f.name, &f.path);
            host.advance();
            result
        })
        .collect();
    let year = options.year.or(options.config.year);
    let mut admitted = crate::riket::admit(read, &options.config, year, job.config.year);
    let nothing = admitted.regions.iter().all(Option::is_none) && admitted.others.is_empty();
    if nothing {
        admitted.diagnostics.push(Diagnostic::new(
            Severity::Error,
            Code::NoInput,
            "",
            format!(
                "ingen regions redovisning att räkna in i {}; väntade regionernas redovisning-ÅR.json (en mapp per region går bra). Inget skrivs",
                job.input.display()
            ),
        ));
    }
    let national = crate::riket::national(admitted, &options.config, job.date);
    host.findings(&[], &national.diagnostics);
    if nothing {
        return Ok(Rolled::NothingRolledUp);
    }
    let (errors, warnings) = (national.tally.errors, national.tally.warnings);
    if errors > 0 && !options.allow_errors {
        return Ok(Rolled::Errors);
    }
    host.stage("Skriver riket", 0);
    let (year, reported) = (national.year, (national.reported, national.expected));
    let staging = crate::write::Staging::new(&job.output)?;
    host.staging(staging.path(), true);
    let mut rendered = None;
    host.guarded(&mut || {
        rendered = Some(crate::render::render_riket(&national, &templates, &staging));
    });
    host.staging(staging.path(), false);
    rendered.expect("the host ran the rendering")?;
    let names = staging.commit()?;
    host.done();
    Ok(Rolled::Written {
        year,
        reported,
        errors,
        warnings,
        outputs: names.iter().map(|n| job.output.join(n)).collect(),
    })
}

/// One file under the input folder, as a region's report: its summary, or a diagnostic
/// naming it.
fn read_one(name: &str, path: &std::path::Path) -> Result<Summary, Diagnostic> {
    let refuse =
        |message: String| Diagnostic::new(Severity::Error, Code::NotAReport, name, message);
    let size = std::fs::metadata(path)
        .map_err(|e| {
            refuse(format!(
                "filen kan inte läsas: {}",
                crate::error::io_reason(&e)
            ))
        })?
        .len();
    if size > MAX_REPORT_BYTES {
        return Err(refuse(format!(
            "filen är {} byte, större än någon regions redovisning ({} byte); den läses inte",
            crate::text::group(size as f64),
            crate::text::group(MAX_REPORT_BYTES as f64)
        )));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        refuse(format!(
            "filen kan inte läsas som text: {}",
            crate::error::io_reason(&e)
        ))
    })?;
    crate::riket::summarise(name, &text)
}
