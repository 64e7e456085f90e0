//! Arguments → a complete, checked [`Job`]: the folders, the configuration (from
//! `--config`, `redovisa.toml` or the built-in one), the templates' and texts' folders,
//! the report date. The commands in `cli/mod.rs` start from here.

use std::path::{Path, PathBuf};

use redovisa::config::Config;
use redovisa::error::Error;
use redovisa::ops::Job;
use redovisa::riket::NationalConfig;
use redovisa::value::Date;

use super::args::Common;

/// Resolves the common options into a job.
pub fn resolve(common: &Common) -> Result<Job, Error> {
    let mut config = load_config(common.config.as_deref())?;
    if let Some(year) = year(common)? {
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
        templates: common.templates.clone(),
        texts: common.texts.clone(),
    })
}

/// `--year`, checked against the years a configuration may have.
pub fn year(common: &Common) -> Result<Option<i32>, Error> {
    match common.year {
        Some(year) if !redovisa::config::YEARS.contains(&year) => Err(Error::Usage(format!(
            "--year {year}: orimligt år; väntade ett år {}–{}, till exempel 2025",
            redovisa::config::YEARS.start(),
            redovisa::config::YEARS.end()
        ))),
        year => Ok(year),
    }
}

/// The national configuration: `path` (`--config` of `riket`), else `riket.toml` when it
/// is here, else the built-in one.
pub fn national_config(path: Option<&Path>) -> Result<NationalConfig, Error> {
    let path = match path {
        Some(p) => p.to_path_buf(),
        None if Path::new("riket.toml").is_file() => PathBuf::from("riket.toml"),
        None => return Ok(NationalConfig::default_config()),
    };
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })?;
    NationalConfig::parse(&text, &path.display().to_string())
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
