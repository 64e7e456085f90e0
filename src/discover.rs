//! Finding the submissions: every spreadsheet file directly in the input folder.
//!
//! Excel's lock files (`~$...`) and hidden files are skipped with a notice, other files
//! are ignored with a notice. Touches the file system (reads the folder), nothing else.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::error::Error;
use crate::read::EXTENSIONS;

/// A spreadsheet to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    /// The file's name relative to the input folder.
    pub name: String,
    /// The full path.
    pub path: PathBuf,
}

/// Lists the spreadsheets in `input`, sorted by name, with notices for skipped files.
pub fn discover(input: &Path) -> Result<(Vec<Found>, Vec<Diagnostic>), Error> {
    if !input.is_dir() {
        return Err(Error::InputMissing {
            path: input.to_path_buf(),
        });
    }
    let entries = std::fs::read_dir(input).map_err(|source| Error::Read {
        path: input.to_path_buf(),
        source,
    })?;
    let mut found = Vec::new();
    let mut notices = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::Read {
            path: input.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        if path.is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let notice =
            |message: String| Diagnostic::new(Severity::Notice, Code::SkippedFile, &name, message);
        if name.starts_with("~$") {
            notices.push(notice(
                "Excels låsfil hoppas över (arbetsboken är öppen i Excel)".into(),
            ));
        } else if name.starts_with(".redovisa") {
            // Our own lock file (and a journal a killed run left): not a person's file.
            continue;
        } else if name.starts_with('.') {
            notices.push(notice("dold fil hoppas över".into()));
        } else if is_spreadsheet(&path) {
            found.push(Found { name, path });
        } else if name != ".gitkeep" {
            notices.push(notice(format!(
                "filen är inget kalkylblad och läses inte; väntade filändelse {}",
                EXTENSIONS.map(|e| format!(".{e}")).join(", ")
            )));
        }
    }
    found.sort();
    Ok((found, notices))
}

fn is_spreadsheet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_lowercase().as_str()))
}
