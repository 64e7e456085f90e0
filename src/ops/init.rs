//! `init`: a working folder that runs as it is, for a user who installed the program
//! rather than cloning the repository (SPEC 5): the built-in configuration (commented),
//! the templates with their README, short texts in `texter/`, the example workbooks in
//! `input/` and an empty `output/`. Nothing that exists is overwritten: if any of the
//! files is there already, nothing is written at all.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Every file `init` writes, by its path in the folder, as the repository has it (a test
/// holds the list to the repository's folders).
pub const FILES: &[(&str, &[u8])] = &[
    ("redovisa.toml", include_bytes!("../../redovisa.toml")),
    ("riket.toml", include_bytes!("../../riket.toml")),
    (
        "templates/README.md",
        include_bytes!("../../templates/README.md"),
    ),
    (
        "templates/chapters.html.j2",
        include_bytes!("../../templates/chapters.html.j2"),
    ),
    (
        "templates/chapters.md.j2",
        include_bytes!("../../templates/chapters.md.j2"),
    ),
    (
        "templates/chapters.typ.j2",
        include_bytes!("../../templates/chapters.typ.j2"),
    ),
    (
        "templates/charts.html.j2",
        include_bytes!("../../templates/charts.html.j2"),
    ),
    (
        "templates/charts.typ.j2",
        include_bytes!("../../templates/charts.typ.j2"),
    ),
    (
        "templates/macros.html.j2",
        include_bytes!("../../templates/macros.html.j2"),
    ),
    (
        "templates/report.html.j2",
        include_bytes!("../../templates/report.html.j2"),
    ),
    (
        "templates/report.md.j2",
        include_bytes!("../../templates/report.md.j2"),
    ),
    (
        "templates/report.typ.j2",
        include_bytes!("../../templates/report.typ.j2"),
    ),
    (
        "templates/riket.html.j2",
        include_bytes!("../../templates/riket.html.j2"),
    ),
    (
        "templates/riket.md.j2",
        include_bytes!("../../templates/riket.md.j2"),
    ),
    (
        "templates/riket.typ.j2",
        include_bytes!("../../templates/riket.typ.j2"),
    ),
    (
        "templates/style.css",
        include_bytes!("../../templates/style.css"),
    ),
    (
        "texter/avoided_admissions.md",
        include_bytes!("../../texter/avoided_admissions.md"),
    ),
    (
        "texter/avslutning.md",
        include_bytes!("../../texter/avslutning.md"),
    ),
    (
        "texter/inledning.md",
        include_bytes!("../../texter/inledning.md"),
    ),
    (
        "texter/named_doctor.md",
        include_bytes!("../../texter/named_doctor.md"),
    ),
    (
        "input/ambulans-diagnostik-och-halsa.xlsx",
        include_bytes!("../../input/ambulans-diagnostik-och-halsa.xlsx"),
    ),
    (
        "input/narsjukvarden.xlsx",
        include_bytes!("../../input/narsjukvarden.xlsx"),
    ),
    (
        "input/psykiatrin.xlsx",
        include_bytes!("../../input/psykiatrin.xlsx"),
    ),
    (
        "input/regionkontoret.xlsx",
        include_bytes!("../../input/regionkontoret.xlsx"),
    ),
    (
        "input/regionservice.xlsx",
        include_bytes!("../../input/regionservice.xlsx"),
    ),
    (
        "input/sjukhusen.xlsx",
        include_bytes!("../../input/sjukhusen.xlsx"),
    ),
    ("output/.gitkeep", b""),
];

/// Writes [`FILES`] into `dir` (created if need be) and returns their paths; refuses,
/// writing nothing, when any of them exists.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let existing: Vec<String> = FILES
        .iter()
        .filter(|(name, _)| dir.join(name).exists())
        .map(|(name, _)| name.to_string())
        .collect();
    if !existing.is_empty() {
        let shown: Vec<&str> = existing.iter().take(4).map(String::as_str).collect();
        let more = if existing.len() > 4 { ", …" } else { "" };
        return Err(Error::Refused(format!(
            "{} har redan {} ({}{more}); init skriver inte över något och har inte skrivit någon fil. Välj en tom mapp, eller flytta filerna",
            dir.display(),
            crate::text::count_word(existing.len() as u64, "av filerna", "av filerna"),
            shown.join(", ")
        )));
    }
    let mut written = Vec::new();
    for (name, bytes) in FILES {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| Error::Write {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        // create_new: a file that appeared since the check is still not overwritten.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        written.push(path);
    }
    Ok(written)
}
