//! Helpers for the integration tests: workbooks built in code (xlsx with `rust_xlsxwriter`,
//! ods by hand), running the program, and reading its outputs back.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A cell value to write.
#[derive(Debug, Clone)]
pub enum V {
    /// Text.
    S(String),
    /// A number.
    N(f64),
    /// A date cell (formatted as a date).
    D(u16, u8, u8),
    /// A boolean.
    B(bool),
    /// Nothing.
    E,
    /// A formula with its cached result.
    F(String, f64),
}

/// Text.
pub fn s(text: &str) -> V {
    V::S(text.to_string())
}

/// A number.
pub fn n(value: f64) -> V {
    V::N(value)
}

/// A sheet: its name and rows.
pub struct Sheet {
    /// The name.
    pub name: String,
    /// The rows, from row 1.
    pub rows: Vec<Vec<V>>,
}

/// A sheet named `name` with `rows`.
pub fn sheet(name: &str, rows: Vec<Vec<V>>) -> Sheet {
    Sheet {
        name: name.to_string(),
        rows,
    }
}

/// The `Uppgifter` sheet for `administration`, year 2025.
pub fn info(administration: &str) -> Sheet {
    sheet(
        "Uppgifter",
        vec![
            vec![s("Förvaltning"), s(administration)],
            vec![s("Redovisningsår"), n(2025.0)],
        ],
    )
}

/// Writes an `.xlsx` workbook.
pub fn xlsx(path: &Path, sheets: &[Sheet]) {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for sh in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&sh.name).unwrap();
        for (r, row) in sh.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match v {
                    V::S(t) => ws.write_string(r, c, t).map(|_| ()),
                    V::N(x) => ws.write_number(r, c, *x).map(|_| ()),
                    V::D(y, m, d) => ws
                        .write_datetime_with_format(
                            r,
                            c,
                            ExcelDateTime::from_ymd(*y, *m, *d).unwrap(),
                            &date,
                        )
                        .map(|_| ()),
                    V::B(b) => ws.write_boolean(r, c, *b).map(|_| ()),
                    V::E => Ok(()),
                    V::F(f, cached) => ws
                        .write_formula(
                            r,
                            c,
                            rust_xlsxwriter::Formula::new(f).set_result(cached.to_string()),
                        )
                        .map(|_| ()),
                }
                .unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

fn xml_escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes a minimal `OpenDocument` spreadsheet (`.ods`), as `LibreOffice` stores cell values.
pub fn ods(path: &Path, sheets: &[Sheet]) {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for sh in sheets {
        content.push_str(&format!(
            r#"<table:table table:name="{}">"#,
            xml_escape(&sh.name)
        ));
        for row in &sh.rows {
            content.push_str("<table:table-row>");
            for v in row {
                let cell = match v {
                    V::S(t) => format!(
                        r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                        xml_escape(t)
                    ),
                    V::N(x) => format!(
                        r#"<table:table-cell office:value-type="float" office:value="{x}"><text:p>{x}</text:p></table:table-cell>"#
                    ),
                    V::D(y, m, d) => format!(
                        r#"<table:table-cell office:value-type="date" office:date-value="{y:04}-{m:02}-{d:02}"><text:p>{y:04}-{m:02}-{d:02}</text:p></table:table-cell>"#
                    ),
                    V::B(b) => format!(
                        r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{b}</text:p></table:table-cell>"#
                    ),
                    V::E | V::F(..) => "<table:table-cell/>".to_string(),
                };
                content.push_str(&cell);
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
    )
    .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
}

/// A scratch folder with `input/` and `output/`.
pub struct Scratch {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
}

impl Scratch {
    /// A new scratch folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("input")).unwrap();
        Scratch { dir }
    }

    /// The input folder.
    pub fn input(&self) -> PathBuf {
        self.dir.path().join("input")
    }

    /// The output folder.
    pub fn output(&self) -> PathBuf {
        self.dir.path().join("output")
    }

    /// A path in the input folder.
    pub fn file(&self, name: &str) -> PathBuf {
        self.input().join(name)
    }

    /// Runs `redovisa` with `args` plus `--input`, `--output` and a fixed date, in the
    /// scratch folder (so no configuration or templates of the repository are picked up).
    pub fn run(&self, args: &[&str]) -> Output {
        let input = self.input();
        let output = self.output();
        let mut all: Vec<&str> = args.to_vec();
        all.extend([
            "--input",
            input.to_str().unwrap(),
            "--output",
            output.to_str().unwrap(),
            "--date",
            "2026-03-31",
        ]);
        run_in(self.dir.path(), &all)
    }

    /// The JSON report written by `build`.
    pub fn report(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(self.output().join("redovisning-2025.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

/// Runs the program in `cwd` with `args`.
pub fn run_in(cwd: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_redovisa"))
        .args(args)
        .current_dir(cwd)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

/// The exit code, with stdout and stderr on failure to help reading a failed test.
pub fn code(out: &Output) -> i32 {
    let code = out.status.code().unwrap_or(-1);
    if code != 0 {
        eprintln!(
            "exit {code}\nstdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    code
}

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Diagnostics from `check --format json` output.
pub fn diagnostics(out: &Output) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["diagnostics"].as_array().unwrap().clone()
}

/// Whether a diagnostic with `code` at `cell` (and `file`) exists.
pub fn has(diags: &[serde_json::Value], code: &str, file: &str, cell: Option<&str>) -> bool {
    diags
        .iter()
        .any(|d| d["code"] == code && d["file"] == file && cell.is_none_or(|c| d["cell"] == c))
}

/// Writes an `.xlsx` by hand from raw worksheet XML (`<sheetData>` content and an optional
/// `<dimension>`), for files no well-behaved writer produces: cells beyond Excel's
/// limits on text, lying dimensions. Entries are stored uncompressed.
pub fn raw_xlsx(path: &Path, sheets: &[(&str, &str)]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    );
    let mut book = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, (name, _)) in sheets.iter().enumerate() {
        let k = i + 1;
        types.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
        book.push_str(&format!(
            r#"<sheet name="{}" sheetId="{k}" r:id="rId{k}"/>"#,
            xml_escape(name)
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{k}.xml"/>"#
        ));
    }
    types.push_str("</Types>");
    book.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    put("[Content_Types].xml", &types);
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    put("xl/workbook.xml", &book);
    put("xl/_rels/workbook.xml.rels", &rels);
    for (i, (_, xml)) in sheets.iter().enumerate() {
        put(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{xml}</worksheet>"#
            ),
        );
    }
    zip.finish().unwrap();
}

/// An inline-string cell for [`raw_xlsx`].
pub fn raw_text(cell: &str, text: &str) -> String {
    format!(
        r#"<c r="{cell}" t="inlineStr"><is><t>{}</t></is></c>"#,
        xml_escape(text)
    )
}

/// A number cell for [`raw_xlsx`].
pub fn raw_num(cell: &str, value: f64) -> String {
    format!(r#"<c r="{cell}"><v>{value}</v></c>"#)
}

/// Writes a minimal valid submission for `administration`: `Uppgifter`, and `Insatser` with
/// the columns Insats, Insatsområde, Status and Använda medel and the given `rows`.
pub fn simple_book(path: &Path, administration: &str, rows: Vec<Vec<V>>) {
    xlsx(path, &simple_sheets(administration, rows));
}

/// The sheets of [`simple_book`], for any writer.
pub fn simple_sheets(administration: &str, rows: Vec<Vec<V>>) -> Vec<Sheet> {
    let mut all = vec![vec![
        s("Insats"),
        s("Insatsområde"),
        s("Status"),
        s("Använda medel"),
    ]];
    all.extend(rows);
    vec![info(administration), sheet("Insatser", all)]
}

/// Builds the shipped example into a scratch output folder.
pub fn example() -> Scratch {
    let sc = Scratch::new();
    let input = repo().join("input");
    let output = sc.output();
    let out = run_in(
        sc.dir.path(),
        &[
            "--input",
            input.to_str().unwrap(),
            "--output",
            output.to_str().unwrap(),
            "--date",
            "2026-03-31",
        ],
    );
    assert_eq!(code(&out), 0);
    sc
}

/// The cells of sheet `name` of the workbook at `path`.
pub fn sheet_rows(path: &std::path::Path, name: &str) -> Vec<Vec<Data>> {
    let mut wb = open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range.rows().map(<[calamine::Data]>::to_vec).collect()
}

/// A numeric cell's value.
pub fn num(d: &Data) -> f64 {
    match d {
        Data::Float(x) => *x,
        Data::Int(i) => *i as f64,
        other => panic!("expected a numeric cell, found {other:?}"),
    }
}

/// Headless Chromium as this machine's kind needs it: no sandbox (root), no GPU, and
/// nothing of its own on the network (the closed network refuses it), with a fresh
/// profile in `profile`.
pub fn chromium(program: &Path, profile: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(program);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}
