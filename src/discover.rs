//! Finding the submissions: every spreadsheet file directly in the input folder.
//!
//! Excel's lock files (`~$...`) and hidden files are skipped with a notice, other files
//! are ignored with a notice. Also reads a template folder's files (`template_sources`)
//! for the caller. Touches the file system (reads folders), nothing else.

use std::collections::BTreeMap;
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

/// The text of every template file under `dir` (names relative to it, with `/`), for
/// `render::templates::Templates::from_folder`. README.md, hidden files and files that
/// are not text (a logo) are left out; a `.j2` file that is not UTF-8 is an error.
pub fn template_sources(dir: &Path) -> Result<BTreeMap<String, String>, Error> {
    let mut out = BTreeMap::new();
    collect_templates(dir, dir, &mut out)?;
    Ok(out)
}

fn collect_templates(
    root: &Path,
    dir: &Path,
    out: &mut BTreeMap<String, String>,
) -> Result<(), Error> {
    let read_err = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(read_err)?
        .collect::<Result<_, _>>()
        .map_err(read_err)?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect_templates(root, &path, out)?;
            continue;
        }
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if name == "README.md" || name.starts_with('.') {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        match String::from_utf8(bytes) {
            Ok(source) => {
                out.insert(name, source);
            }
            // A template is text; a logo or a font beside the templates is not one, and a
            // template cannot include it. Only a `.j2` file that is not text is an error.
            Err(_) if !name.ends_with(".j2") => {}
            Err(_) => {
                return Err(Error::Template {
                    template: path.display().to_string(),
                    line: None,
                    message: "mallen är inte text i UTF-8; spara den som UTF-8".into(),
                });
            }
        }
    }
    Ok(())
}

/// The largest text of the region's that is read: a year's introduction is a few pages.
pub const MAX_TEXT_BYTES: u64 = 1 << 20;

/// The contents of every file directly in the texts folder `dir` (`texter/`), by file
/// name, for `texts::Texts::from_sources`: README.md and hidden files left out, and a
/// folder that does not exist is no texts at all. A text that is not UTF-8, or larger
/// than [`MAX_TEXT_BYTES`], is an error: the report would silently lack it.
pub fn text_sources(dir: &Path) -> Result<BTreeMap<String, String>, Error> {
    let mut out = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let read_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Read { path, source }
    };
    let entries = std::fs::read_dir(dir).map_err(read_err(dir))?;
    for entry in entries {
        let entry = entry.map_err(read_err(dir))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() || name == "README.md" || name.starts_with('.') {
            continue;
        }
        let size = entry.metadata().map_err(read_err(&path))?.len();
        if size > MAX_TEXT_BYTES {
            return Err(Error::Text {
                path,
                message: format!(
                    "texten är {} byte, mer än de {} som en text får vara; dela upp den eller korta den",
                    crate::text::group(size as f64),
                    crate::text::group(MAX_TEXT_BYTES as f64)
                ),
            });
        }
        let bytes = std::fs::read(&path).map_err(read_err(&path))?;
        match String::from_utf8(bytes) {
            Ok(text) => {
                out.insert(name, text);
            }
            Err(_) => {
                return Err(Error::Text {
                    path,
                    message: "texten är inte i UTF-8; spara den som UTF-8 (i Anteckningar: Spara som, Kodning UTF-8)".into(),
                });
            }
        }
    }
    Ok(out)
}

fn is_spreadsheet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_lowercase().as_str()))
}

/// The largest region's report `riket` reads: a whole country's region report is about
/// 340 MB (BENCHMARKS.md), and no region is a country.
pub const MAX_REPORT_BYTES: u64 = 2 << 30;

/// Every `.json` file under `input` and its subfolders (a folder per region, or the
/// reports renamed side by side), by path relative to `input` with `/`, sorted; hidden
/// files and folders left out. For `redovisa riket`.
pub fn reports(input: &Path) -> Result<Vec<Found>, Error> {
    if !input.is_dir() {
        return Err(Error::InputMissing {
            path: input.to_path_buf(),
        });
    }
    let mut found = Vec::new();
    let mut folders = vec![input.to_path_buf()];
    while let Some(dir) = folders.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|source| Error::Read {
            path: dir.clone(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Read {
                path: dir.clone(),
                source,
            })?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                folders.push(path);
            } else if name.to_lowercase().ends_with(".json") {
                let relative = path.strip_prefix(input).unwrap_or(&path);
                let name = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                found.push(Found { name, path });
            }
        }
    }
    found.sort();
    Ok(found)
}
