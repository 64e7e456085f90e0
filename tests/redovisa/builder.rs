//! A test in one chain, as just's tests read: the workbooks by named column, the
//! command, the exit code and the findings expected, so a reader sees what is tested
//! without opening helpers.
//!
//! ```ignore
//! Test::new()
//!     .book(Book::new("a.xlsx", "Närsjukvården")
//!         .initiative(&[("Insats", s("Hälsosamtal")), ("Insatsområde", s("digital")),
//!                       ("Status", s("Pågående")), ("Använda medel", s("0,285"))]))
//!     .args(&["build"])
//!     .exit(0)
//!     .finding("type-error", "Indikatorer!C3")
//!     .run();
//! ```

use std::process::Output;

use serde_json::Value;

use crate::common::{Scratch, Sheet, V, info, s, sheet, xlsx};

/// One administration's workbook, its rows given by column name.
pub struct Book {
    file: String,
    administration: String,
    initiatives: Vec<Vec<(&'static str, V)>>,
    indicators: Vec<Vec<(&'static str, V)>>,
}

impl Book {
    /// A workbook `file` for `administration`, with no rows yet.
    pub fn new(file: &str, administration: &str) -> Book {
        Book {
            file: file.to_string(),
            administration: administration.to_string(),
            initiatives: Vec::new(),
            indicators: Vec::new(),
        }
    }

    /// A row of `Insatser`, by column name.
    pub fn initiative(mut self, cells: &[(&'static str, V)]) -> Book {
        self.initiatives.push(cells.to_vec());
        self
    }

    /// A plain valid initiative: `name`, area `digital`, `Pågående`, `spent` kronor.
    pub fn spent(self, name: &str, spent: f64) -> Book {
        self.initiative(&[
            ("Insats", s(name)),
            ("Insatsområde", s("digital")),
            ("Status", s("Pågående")),
            ("Använda medel", V::N(spent)),
        ])
    }

    /// A row of `Indikatorer`, by column name.
    pub fn indicator(mut self, cells: &[(&'static str, V)]) -> Book {
        self.indicators.push(cells.to_vec());
        self
    }

    /// A row of `Indikatorer`: indicator, unit, period, numerator and denominator.
    pub fn figure(
        self,
        indicator: &str,
        unit: &str,
        period: V,
        num: f64,
        den: Option<f64>,
    ) -> Book {
        let mut cells = vec![
            ("Indikator", s(indicator)),
            ("Enhet", s(unit)),
            ("Period", period),
            ("Täljare", V::N(num)),
        ];
        if let Some(d) = den {
            cells.push(("Nämnare", V::N(d)));
        }
        self.indicator(&cells)
    }

    fn sheets(&self) -> Vec<Sheet> {
        let mut sheets = vec![info(&self.administration)];
        if !self.initiatives.is_empty() {
            sheets.push(table("Insatser", &self.initiatives));
        }
        if !self.indicators.is_empty() {
            sheets.push(table("Indikatorer", &self.indicators));
        }
        sheets
    }
}

/// A sheet whose header is every column named by any row, in the order first named.
fn table(name: &str, rows: &[Vec<(&'static str, V)>]) -> Sheet {
    let mut columns: Vec<&str> = Vec::new();
    for row in rows {
        for (c, _) in row {
            if !columns.contains(c) {
                columns.push(c);
            }
        }
    }
    let mut all = vec![columns.iter().map(|c| s(c)).collect::<Vec<V>>()];
    for row in rows {
        all.push(
            columns
                .iter()
                .map(|c| {
                    row.iter()
                        .find(|(k, _)| k == c)
                        .map_or(V::E, |(_, v)| v.clone())
                })
                .collect(),
        );
    }
    sheet(name, all)
}

/// Writes `book` into the input folder of `scratch`.
pub fn write_book(scratch: &Scratch, book: &Book) {
    xlsx(&scratch.file(&book.file), &book.sheets());
}

/// A test: input workbooks, a command, and what must come of it.
pub struct Test {
    scratch: Scratch,
    args: Vec<String>,
    exit: i32,
    findings: Vec<(String, String)>,
    absent: Vec<String>,
}

/// What a test's run left: the process's output and the scratch folder.
pub struct Outcome {
    /// The process's output.
    pub output: Output,
    /// The scratch folder (`input/`, `output/`).
    pub scratch: Scratch,
}

impl Outcome {
    /// The JSON report written by `build`.
    pub fn report(&self) -> Value {
        self.scratch.report()
    }
}

impl Test {
    /// A test with an empty input folder, running `check` and expecting exit 0.
    pub fn new() -> Test {
        Test {
            scratch: Scratch::new(),
            args: vec!["check".into()],
            exit: 0,
            findings: Vec::new(),
            absent: Vec::new(),
        }
    }

    /// Adds a workbook to the input folder.
    pub fn book(self, book: Book) -> Test {
        write_book(&self.scratch, &book);
        self
    }

    /// The command and its arguments (`--input`, `--output` and `--date` are added).
    pub fn args(mut self, args: &[&str]) -> Test {
        self.args = args.iter().map(ToString::to_string).collect();
        self
    }

    /// The exit code expected.
    pub fn exit(mut self, code: i32) -> Test {
        self.exit = code;
        self
    }

    /// A finding expected: its code, and where (`file`, `file:Sheet!C7` or `Sheet!C7`,
    /// matched against the finding's `file:sheet!cell`).
    pub fn finding(mut self, code: &str, place: &str) -> Test {
        self.findings.push((code.to_string(), place.to_string()));
        self
    }

    /// A code that no finding may have.
    pub fn no_finding(mut self, code: &str) -> Test {
        self.absent.push(code.to_string());
        self
    }

    /// Runs the command (with `--format json`, unless another format is given) and checks
    /// the exit code and the findings it printed.
    pub fn run(self) -> Outcome {
        let mut args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        if !args.contains(&"--format") {
            args.extend(["--format", "json"]);
        }
        let output = self.scratch.run(&args);
        assert_eq!(
            output.status.code(),
            Some(self.exit),
            "{args:?}\nstdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let findings: Vec<Value> = serde_json::from_slice::<Value>(&output.stdout)
            .map(|v| v["diagnostics"].as_array().cloned().unwrap_or_default())
            .unwrap_or_default();
        let place = |d: &Value| {
            format!(
                "{}:{}!{}",
                d["file"].as_str().unwrap_or(""),
                d["sheet"].as_str().unwrap_or(""),
                d["cell"].as_str().unwrap_or("")
            )
        };
        for (code, at) in &self.findings {
            assert!(
                findings
                    .iter()
                    .any(|d| d["code"] == code.as_str() && place(d).contains(at.as_str())),
                "no {code} at {at} among {findings:#?}"
            );
        }
        for code in &self.absent {
            assert!(
                !findings.iter().any(|d| d["code"] == code.as_str()),
                "unexpected {code} among {findings:#?}"
            );
        }
        Outcome {
            output,
            scratch: self.scratch,
        }
    }
}
