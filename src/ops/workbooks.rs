//! The workbooks the program writes for people to fill in or try it out with: `template`
//! (a blank workbook per administration, prefilled from last year) and `sample` (example
//! submissions). Nothing a person made is written over.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Host, Job};
use crate::config::Config;
use crate::error::Error;
use crate::input_template::{self, Prefill, carry};
use crate::model::Initiative;
use crate::pipeline::{self, Records};
use crate::text::{collapse, count_word};

/// What `sample` is asked besides the job.
#[derive(Debug, Clone, Copy)]
pub struct SampleOptions<'a> {
    /// The folder (`--to`); `None`: the job's input folder.
    pub to: Option<&'a Path>,
    /// How much to generate.
    pub size: crate::sample::Size,
    /// Write over workbooks already there (`--force`).
    pub force: bool,
}

/// Workbooks written into a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrote {
    /// The folder.
    pub dir: PathBuf,
    /// How many workbooks.
    pub workbooks: usize,
}

/// Writes the example workbooks, all or nothing; refuses a folder that already holds
/// workbooks unless `force`: they may be a person's work.
pub fn sample(job: &Job, options: &SampleOptions<'_>) -> Result<Wrote, Error> {
    let dir = options.to.unwrap_or(&job.input).to_path_buf();
    if !options.force {
        refuse_workbooks_in(&dir)?;
    }
    let workbooks = crate::sample::generate(&job.config, options.size)
        .map_err(|e| crate::render::xlsx::failed("exempelarbetsböckerna", "", e))?;
    crate::write::write_all(&dir, &workbooks)?;
    Ok(Wrote {
        dir,
        workbooks: workbooks.len(),
    })
}

/// Refuses a folder that already holds workbooks.
fn refuse_workbooks_in(dir: &Path) -> Result<(), Error> {
    if !dir.is_dir() {
        return Ok(());
    }
    let (found, _) = crate::discover::discover(dir)?;
    if found.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = found.iter().take(3).map(|f| f.name.as_str()).collect();
    let more = if found.len() > 3 { ", …" } else { "" };
    Err(Error::Refused(format!(
        "{} innehåller redan {} ({}{more}); sample skriver inte över dem. Välj en annan mapp med --to, eller lägg till --force för att skriva över",
        dir.display(),
        count_word(found.len() as u64, "arbetsbok", "arbetsböcker"),
        names.join(", ")
    )))
}

/// What `template` is asked besides the job.
#[derive(Debug, Clone, Default)]
pub struct TemplateOptions {
    /// The administrations to write a workbook for (`--administration`, repeated).
    pub administrations: Vec<String>,
    /// Last year (`--from`): its report's JSON, or its input folder, checked again.
    pub from: Option<PathBuf>,
    /// The folder (`--to`); `None`: `mallar/` in the output folder.
    pub to: Option<PathBuf>,
}

/// A blank workbook written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blank {
    /// Its whole path.
    pub path: PathBuf,
    /// Its administration (empty: a workbook for anyone).
    pub administration: String,
    /// How many of last year's initiatives it carries, to fill in.
    pub carried: usize,
}

/// Writes a blank workbook per administration, all or nothing: the ones named and, from
/// last year, every administration that reported, prefilled with its initiatives that
/// were planned or ongoing at the end of the year. A last year's report that is not one
/// this program can read is an error (SPEC 3.3).
pub fn template(
    job: &Job,
    options: &TemplateOptions,
    host: &dyn Host,
) -> Result<Vec<Blank>, Error> {
    let mut names = options.administrations.clone();
    let mut going_on: Vec<Initiative> = Vec::new();
    if let Some(from) = &options.from {
        let (administrations, initiatives) = last_year(from, job, host)?;
        names.extend(administrations);
        going_on = initiatives;
    }
    if names.is_empty() {
        names.push(String::new());
    }
    let mut seen = BTreeSet::new();
    names.retain(|n| seen.insert(collapse(n)));
    let files = input_template::file_names(&names, job.config.year);
    let dir = options
        .to
        .clone()
        .unwrap_or_else(|| job.output.join("mallar"));
    let mut blanks = Vec::with_capacity(names.len());
    let mut workbooks = Vec::with_capacity(names.len());
    for (name, file) in names.into_iter().zip(files) {
        let key = collapse(&name);
        let theirs = going_on
            .iter()
            .filter(|i| collapse(&i.administration) == key);
        let prefill = Prefill {
            initiatives: carry::rows(theirs),
            indicators: Vec::new(),
        };
        let bytes = input_template::workbook(&job.config, &name, &prefill)
            .map_err(|e| crate::render::xlsx::failed(&format!("mallen {file}"), &file, e))?;
        blanks.push(Blank {
            path: dir.join(&file),
            administration: name,
            carried: prefill.initiatives.len(),
        });
        workbooks.push((file, bytes));
    }
    crate::write::write_all(&dir, &workbooks)?;
    Ok(blanks)
}

/// Last year's administrations that reported, and their initiatives that go on, from
/// its input folder (checked again) or from its report, read through the contract.
fn last_year(
    from: &Path,
    job: &Job,
    host: &dyn Host,
) -> Result<(Vec<String>, Vec<Initiative>), Error> {
    if from.is_dir() {
        let checked = pipeline::check(from, &job.config, host, Records::Kept)?;
        let going_on = checked
            .initiatives
            .iter()
            .filter(|i| carry::goes_on(i))
            .cloned()
            .collect();
        let administrations = checked
            .files
            .into_iter()
            .filter(|f| f.rows_read > 0)
            .map(|f| f.administration)
            .collect();
        return Ok((administrations, going_on));
    }
    let text = std::fs::read_to_string(from).map_err(|source| Error::Read {
        path: from.to_path_buf(),
        source,
    })?;
    let report = crate::report::read(&text).map_err(|problem| Error::Report {
        path: from.to_path_buf(),
        problem: problem.to_string(),
    })?;
    let administrations = report
        .by_administration
        .iter()
        .map(|a| a.administration.clone())
        .collect();
    let going_on = report
        .initiatives
        .iter()
        .filter(|i| carry::goes_on(i))
        .cloned()
        .collect();
    Ok((administrations, going_on))
}

/// The fictional regions of `sample --riket`: name, inhabitants, and what sets each
/// apart, so that the roll-up shows every case SPEC 7 names.
const SAMPLE_REGIONS: [(&str, u64); 5] = [
    ("Region Uppsala", 400_000),
    ("Region Gotland", 61_000),
    ("Region Halland", 340_000),
    ("Region Dalarna", 290_000),
    ("Region Skåne", 1_400_000),
];

/// Writes the reports of a handful of regions into `to`, one folder per region
/// (`halland/redovisning-Y.json`), each built by the program from sample workbooks of
/// its own: Uppsala does not report the digital contacts, Gotland's avoided admissions
/// are 3 (hidden in the national tables), Dalarna has an area of its own. The figures are
/// made up; the names are real so that the tile map has them.
pub fn sample_riket(job: &Job, to: &Path, seed: u64, force: bool) -> Result<Wrote, Error> {
    if !force && to.is_dir() && !crate::discover::reports(to)?.is_empty() {
        return Err(Error::Refused(format!(
            "{} innehåller redan redovisningar (.json); sample skriver inte över dem. Välj en annan mapp med --to, eller lägg till --force",
            to.display()
        )));
    }
    let mut files = Vec::new();
    for (k, (region, population)) in SAMPLE_REGIONS.iter().enumerate() {
        let mut config = job.config.clone();
        config.region = region.to_string();
        config.population = *population;
        config.allocation_kr = (*population * 240) as f64;
        let mut extra = Vec::new();
        match k {
            0 => config
                .indicators
                .retain(|i| i.code != "digital_contacts_share"),
            1 => extra.push(
                crate::sample::one_figure(&config, "Vårdcentral Slite", "avoided_admissions", 3.0)
                    .map_err(|e| crate::render::xlsx::failed("exempelarbetsböckerna", "", e))?,
            ),
            3 => config.areas.push(crate::config::Area {
                code: "akut".into(),
                label: "Nära akutsjukvård".into(),
                aliases: Vec::new(),
            }),
            _ => {}
        }
        let size = crate::sample::Size {
            administrations: [3, 1, 3, 2, 5][k],
            rows: 12,
            clinics: 2,
            seed: seed.wrapping_add(k as u64),
            partial: None,
        };
        let report = sample_report(&config, size, extra, k == 1, job.date)?;
        let slug = crate::text::file_name(region.trim_start_matches("Region "));
        let folder = to.join(slug.trim_end_matches(".xlsx"));
        let name = format!("redovisning-{}.json", config.year);
        let mut json = Vec::new();
        crate::render::json(&report, &mut json).map_err(|source| Error::Write {
            path: folder.join(&name),
            source,
        })?;
        crate::write::write_all(&folder, &[(name.clone(), json)])?;
        files.push(name);
    }
    Ok(Wrote {
        dir: to.to_path_buf(),
        workbooks: files.len(),
    })
}

/// One region's report from sample workbooks (and `extra` ones), read back from a
/// temporary folder as any submission is; with `drop_generated`, the generated
/// workbooks are written without the indicator the extra one reports.
fn sample_report(
    config: &Config,
    size: crate::sample::Size,
    extra: Vec<(String, Vec<u8>)>,
    drop_generated: bool,
    date: crate::value::Date,
) -> Result<crate::report::Report, Error> {
    let mut generating = config.clone();
    if drop_generated {
        generating
            .indicators
            .retain(|i| i.code != "avoided_admissions");
    }
    let mut workbooks = crate::sample::generate(&generating, size)
        .map_err(|e| crate::render::xlsx::failed("exempelarbetsböckerna", "", e))?;
    workbooks.extend(extra);
    let dir = tempfile::tempdir().map_err(|source| Error::Write {
        path: std::env::temp_dir(),
        source,
    })?;
    crate::write::write_all(dir.path(), &workbooks)?;
    let checked = crate::pipeline::check(dir.path(), config, &(), crate::pipeline::Records::Kept)?;
    let errors = checked.has_errors();
    crate::pipeline::assemble(
        checked,
        config,
        date,
        errors,
        None,
        &crate::texts::Texts::default(),
    )
}
