//! Real-world workbooks: `check` over every folder of a corpus, and over copies of its
//! xlsx files with their first sheets renamed to ours. By default the corpus is the eight
//! files in `tests/fixtures/realworld/` that a clone carries; `REDOVISA_CORPUS` points it
//! at a larger one (CI points it at the 1 456 workbooks of the shared test corpus when
//! that is available; the test needs nothing outside the repository).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::*;

/// Fragments of the readers' own (English) messages and of panics, which must never reach
/// a person. Looked for outside quotes and the file's own name, which are people's words
/// (a sheet called `ErrorTypes` is no leak).
const READER_INTERNALS: [&str; 19] = [
    "Expecting",
    "found '",
    "Cfb",
    "Codepage",
    "BytesText",
    "no entry found",
    "Unrecognized",
    "slice index",
    "index out of",
    "oväntat fel",
    "unwrap",
    "Xml",
    "Zip",
    "error:",
    "Error:",
    "Invalid ",
    "not found",
    "panicked",
    "overflow",
];

/// `message` without its quoted parts and without the file's name.
fn own_words(message: &str, file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let mut out = String::new();
    for (i, part) in message
        .replace(file, "")
        .replace(stem, "")
        .split('"')
        .enumerate()
    {
        if i % 2 == 0 {
            out.push_str(part);
        }
    }
    out
}

fn spreadsheets(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            ["xlsx", "xlsm", "xlsb", "xls", "ods"].contains(&ext.to_lowercase().as_str())
        })
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !n.starts_with("~$"))
        .collect()
}

/// The workbook.xml with its first three sheets named `Insatser`, `Indikatorer` and
/// `Uppgifter`, so that the cell-reading code runs on real, odd content too.
fn renamed(workbook: &str) -> String {
    let mut out = String::with_capacity(workbook.len());
    let mut rest = workbook;
    for name in ["Insatser", "Indikatorer", "Uppgifter"] {
        let Some(at) = rest.find("<sheet ") else {
            break;
        };
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let Some(start) = after.find(" name=\"") else {
            break;
        };
        let Some(len) = after[start + 7..].find('"') else {
            break;
        };
        out.push_str(&after[..start + 7]);
        out.push_str(name);
        rest = &after[start + 7 + len..];
    }
    out.push_str(rest);
    out
}

/// Copies of the corpus's xlsx and xlsm files into `to`, their first sheets renamed.
fn renamed_copies(root: &Path, to: &Path) -> usize {
    let mut copies = 0;
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !["xlsx", "xlsm"].contains(&ext.to_lowercase().as_str()) {
                continue;
            }
            let Ok(file) = std::fs::File::open(&path) else {
                continue;
            };
            let Ok(mut archive) = zip::ZipArchive::new(file) else {
                continue;
            };
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let target = std::fs::File::create(to.join(&name)).unwrap();
            let mut out = zip::ZipWriter::new(target);
            let stored = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored)
                .large_file(true);
            let mut whole = true;
            for i in 0..archive.len() {
                let Ok(mut entry) = archive.by_index(i) else {
                    whole = false;
                    break;
                };
                let entry_name = entry
                    .name()
                    .map(std::borrow::Cow::into_owned)
                    .unwrap_or_default();
                let mut data = Vec::new();
                if std::io::Read::read_to_end(&mut entry, &mut data).is_err() {
                    whole = false;
                    break;
                }
                if entry_name == "xl/workbook.xml" {
                    data = renamed(&String::from_utf8_lossy(&data)).into_bytes();
                }
                if out.start_file(entry_name, stored).is_err() {
                    whole = false;
                    break;
                }
                std::io::Write::write_all(&mut out, &data).unwrap();
            }
            out.finish().unwrap();
            if whole {
                copies += 1;
            } else {
                std::fs::remove_file(to.join(&name)).unwrap();
            }
        }
    }
    copies
}

#[test]
fn every_real_world_workbook_is_named_with_a_plain_swedish_diagnostic() {
    let root = std::env::var_os("REDOVISA_CORPUS")
        .map_or_else(|| repo().join("tests/fixtures/realworld"), PathBuf::from);
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    folders.push(root.clone());
    let scratch = tempfile::tempdir().unwrap();
    let copies = scratch.path().join("omdopta");
    std::fs::create_dir(&copies).unwrap();
    assert!(renamed_copies(&root, &copies) > 0);
    folders.push(copies);
    folders.sort();
    let mut failures = Vec::new();
    let mut files = 0;
    for folder in folders {
        let expected = spreadsheets(&folder);
        if expected.is_empty() {
            continue;
        }
        files += expected.len();
        let out = run_in(
            scratch.path(),
            &[
                "check",
                "--format",
                "json",
                "--input",
                folder.to_str().unwrap(),
            ],
        );
        let label = folder.display();
        if !matches!(out.status.code(), Some(0 | 1)) {
            failures.push(format!("{label}: exit {:?}", out.status));
            continue;
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        if stderr.contains("panicked") {
            failures.push(format!("{label}: a panic on stderr: {stderr}"));
        }
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut named = BTreeSet::new();
        for d in json["diagnostics"].as_array().unwrap() {
            let file = d["file"].as_str().unwrap_or_default();
            named.insert(file.to_string());
            let message = d["message"].as_str().unwrap_or_default();
            let own = own_words(message, file);
            if let Some(bad) = READER_INTERNALS.iter().find(|m| own.contains(**m)) {
                failures.push(format!(
                    "{label}/{file}: reader internals ({bad}): {message}"
                ));
            }
        }
        for f in json["files"].as_array().unwrap() {
            if f["accepted"].as_u64().unwrap_or(0) > 0 {
                named.insert(f["file"].as_str().unwrap_or_default().to_string());
            }
        }
        for name in expected.difference(&named) {
            failures.push(format!(
                "{label}/{name}: neither accepted nor named by a diagnostic"
            ));
        }
    }
    assert!(files > 0, "no workbooks under {}", root.display());
    assert!(
        failures.is_empty(),
        "{} of {files} workbooks:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
