//! Arguments → a complete, checked [`Job`]: the folders, the configuration (from
//! `--config`, `redovisa.toml` or the built-in one), the templates, the report date; and
//! the refusals that protect what people made (an output folder that is the input folder,
//! a sample over someone's workbooks). The commands in `cli/mod.rs` start from here.

use std::path::{Path, PathBuf};

use redovisa::Job;
use redovisa::config::Config;
use redovisa::error::Error;
use redovisa::render::templates::Templates;
use redovisa::value::Date;

use super::args::Common;

/// Resolves the common options into a job.
pub fn resolve(common: &Common) -> Result<Job, Error> {
    let mut config = load_config(common.config.as_deref())?;
    if let Some(year) = common.year {
        if !redovisa::config::YEARS.contains(&year) {
            return Err(Error::Usage(format!(
                "--year {year}: orimligt år; väntade ett år {}–{}, till exempel 2025",
                redovisa::config::YEARS.start(),
                redovisa::config::YEARS.end()
            )));
        }
        config.year = year;
    }
    Ok(Job {
        input: common
            .input
            .clone()
            .unwrap_or_else(|| PathBuf::from("input")),
        output: common
            .output
            .clone()
            .unwrap_or_else(|| PathBuf::from("output")),
        config,
        date: report_date(common.date.as_deref())?,
    })
}

fn load_config(path: Option<&Path>) -> Result<Config, Error> {
    let path = match path {
        Some(p) => p.to_path_buf(),
        None if Path::new("redovisa.toml").is_file() => PathBuf::from("redovisa.toml"),
        None => return Ok(Config::default_config()),
    };
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })?;
    Config::parse(&text, &path.display().to_string())
}

pub fn load_templates(common: &Common) -> Result<Templates, Error> {
    match &common.templates {
        Some(dir) => Templates::from_folder(redovisa::discover::template_sources(dir)?, dir),
        None if Path::new("templates").join("report.html.j2").is_file() => {
            let dir = Path::new("templates");
            Templates::from_folder(redovisa::discover::template_sources(dir)?, dir)
        }
        None => Templates::builtin(),
    }
}

/// The region's texts: from `--texts`, else `texter/` when it exists (none otherwise),
/// with a warning for each file no part of the report reads. A folder named with
/// `--texts` that does not exist is an error: it is a misspelt path, not "no texts".
pub fn load_texts(
    common: &Common,
    config: &Config,
) -> Result<
    (
        redovisa::texts::Texts,
        Vec<redovisa::diagnostic::Diagnostic>,
    ),
    Error,
> {
    let dir = match &common.texts {
        Some(dir) if !dir.is_dir() => {
            return Err(Error::Usage(format!(
                "--texts {}: mappen finns inte; väntade en mapp med regionens texter (inledning.md, avslutning.md, <insatsområdets kod>.md)",
                dir.display()
            )));
        }
        Some(dir) => dir.clone(),
        None => PathBuf::from("texter"),
    };
    let sources = redovisa::discover::text_sources(&dir)?;
    Ok(redovisa::texts::Texts::from_sources(
        sources,
        &dir.display().to_string(),
        config,
    ))
}

/// The report date: `--date`, else `SOURCE_DATE_EPOCH`, else today (UTC).
fn report_date(arg: Option<&str>) -> Result<Date, Error> {
    if let Some(text) = arg {
        return redovisa::value::parse_date(text)
            .ok_or_else(|| Error::Usage(format!("--date {text}: väntade ett datum ÅÅÅÅ-MM-DD")));
    }
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse::<i64>().map_err(|_| {
            Error::Usage(format!(
                "SOURCE_DATE_EPOCH={v}: väntade sekunder sedan 1970"
            ))
        })?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64),
    };
    Date::from_days(seconds.div_euclid(86_400)).ok_or_else(|| Error::Usage("ogiltigt datum".into()))
}

/// Refuses to write the report into the input folder: the next run would read the
/// report's own workbook as an administration's submission.
pub fn refuse_output_in_input(job: &Job) -> Result<(), Error> {
    if same_folder(&job.input, &job.output) {
        return Err(Error::Usage(format!(
            "utdatamappen {} är indatamappen; rapportens egen arbetsbok skulle läsas som en \
             förvaltnings underlag nästa gång. Välj en annan mapp med --output",
            job.output.display()
        )));
    }
    Ok(())
}

/// Whether `a` and `b` are one folder, however written (`input`, `./input/`, a link).
pub fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Refuses a folder that already holds workbooks: they may be a person's work.
pub fn refuse_workbooks_in(dir: &Path) -> Result<(), Error> {
    if !dir.is_dir() {
        return Ok(());
    }
    let (found, _) = redovisa::discover::discover(dir)?;
    if found.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = found.iter().take(3).map(|f| f.name.as_str()).collect();
    let more = if found.len() > 3 { ", …" } else { "" };
    Err(Error::Usage(format!(
        "{} innehåller redan {} ({}{more}); sample skriver inte över dem. Välj en annan mapp med --to, eller lägg till --force för att skriva över",
        dir.display(),
        redovisa::text::count_word(found.len() as u64, "arbetsbok", "arbetsböcker"),
        names.join(", ")
    )))
}
