//! One cell never costs a file (SPEC 2.3, 2.4): odd periods, exact money, figures past
//! their bound and sums past the range, each a finding on its own cell while the rest of
//! the workbook is read and reported.

use crate::builder::{Book, Test};
use crate::common::*;

fn initiatives_of(r: &serde_json::Value) -> Vec<(String, Option<f64>)> {
    r["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap().to_string(),
                i["spent_kr"].as_f64(),
            )
        })
        .collect()
}

#[test]
fn an_odd_period_cell_costs_its_row_not_the_file() {
    // Regression: `QÅ2025` made the period reader slice inside a multi-byte character; the
    // panic made the whole workbook file-unreadable.
    let out = Test::new()
        .book(
            Book::new("a.xlsx", "Närsjukvården")
                .spent("Hälsosamtal", 1000.0)
                .figure("readmission_30d_share", "VC", s("QÅ2025"), 3.0, Some(10.0))
                .figure("readmission_30d_share", "VC", s("2025"), 30.0, Some(100.0)),
        )
        .args(&["build", "--allow-errors"])
        .exit(1)
        .finding("type-error", "a.xlsx:Indikatorer!C2")
        .no_finding("file-unreadable")
        .no_finding("row-unreadable")
        .run();
    let r = out.report();
    assert_eq!(r["files"][0]["accepted"], 2, "{:#}", r["files"]);
    assert_eq!(r["files"][0]["rejected"], 1);
    assert_eq!(
        initiatives_of(&r),
        [("Hälsosamtal".to_string(), Some(1000.0))]
    );
    let (num, den) = crate::figures::year_figure(&r, "readmission_30d_share", None);
    assert_eq!((num, den), (30.0, 100.0));
}

#[test]
fn every_period_label_redovisa_prints_is_read_back() {
    let mut book = Book::new("a.xlsx", "Närsjukvården").spent("Insats", 1.0);
    // The labels redovisa prints (`kvartal 1 2025`, `mars 2025`, `2025-Q2`, `2025-07`) and
    // other spellings of the SPEC, one unit each.
    for (unit, period) in [
        ("A", "kvartal 1 2025"),
        ("B", "Q1 2025"),
        ("C", "2025 K1"),
        ("D", "K1 2025"),
        ("E", "2025-Q2"),
        ("F", "mars 2025"),
        ("G", "mar 2025"),
        ("H", "2025-07"),
    ] {
        book = book.figure("avoided_admissions", unit, s(period), 1.0, None);
    }
    Test::new()
        .book(book)
        .exit(0)
        .no_finding("type-error")
        .run();
}

#[test]
fn quarters_then_months_cover_the_year_and_are_summed() {
    // Q1–Q3 as quarters, then October–December as months: the whole year, counted.
    let mut book = Book::new("a.xlsx", "Närsjukvården").spent("Insats", 1.0);
    for q in 1..=3 {
        let period = s(&format!("2025-Q{q}"));
        book = book.figure(
            "readmission_30d_share",
            "VC Ängsbo",
            period,
            10.0 * q as f64,
            Some(100.0),
        );
    }
    for m in 10..=12 {
        let period = s(&format!("2025-{m}"));
        book = book.figure(
            "readmission_30d_share",
            "VC Ängsbo",
            period,
            5.0,
            Some(40.0),
        );
    }
    let out = Test::new()
        .book(book)
        .args(&["build"])
        .exit(0)
        .no_finding("incomplete-period")
        .run();
    let r = out.report();
    let region = crate::figures::year_figure(&r, "readmission_30d_share", None);
    assert_eq!(region, (10.0 + 20.0 + 30.0 + 15.0, 300.0 + 120.0));
    let admin = crate::figures::year_figure(&r, "readmission_30d_share", Some("Närsjukvården"));
    assert_eq!(admin, region);
}

#[test]
fn a_month_inside_a_reported_quarter_is_a_duplicate_row_naming_both_cells() {
    let out = Test::new()
        .book(
            Book::new("a.xlsx", "Närsjukvården")
                .spent("Insats", 1.0)
                .figure(
                    "readmission_30d_share",
                    "VC",
                    s("2025-Q4"),
                    10.0,
                    Some(100.0),
                )
                .figure(
                    "readmission_30d_share",
                    "VC",
                    s("november 2025"),
                    3.0,
                    Some(30.0),
                ),
        )
        .exit(1)
        .finding("duplicate-row", "a.xlsx:Indikatorer!C3")
        .run();
    let diags = diagnostics(&out.output);
    let d = diags.iter().find(|d| d["code"] == "duplicate-row").unwrap();
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("november 2025 (C3)")
            && message.contains("kvartal 4 2025")
            && message.contains("(C2)"),
        "{message}"
    );
}

#[test]
fn money_is_read_exactly_and_rounded_half_away_from_zero() {
    // Regression: 0,285 kr as text, 1 250 000,285 kr as text and 0.285 as a number were
    // rounded through a binary float to 0,28.
    let out = Test::new()
        .book(
            Book::new("a.xlsx", "Närsjukvården")
                .initiative(&[
                    ("Insats", s("Text")),
                    ("Insatsområde", s("digital")),
                    ("Status", s("Pågående")),
                    ("Använda medel", s("0,285")),
                ])
                .initiative(&[
                    ("Insats", s("Grupperad text")),
                    ("Insatsområde", s("digital")),
                    ("Status", s("Pågående")),
                    ("Använda medel", s("1 250 000,285 kr")),
                ])
                .spent("Tal", 0.285),
        )
        .args(&["build"])
        .exit(0)
        .run();
    let r = out.report();
    assert_eq!(
        initiatives_of(&r),
        [
            ("Text".to_string(), Some(0.29)),
            ("Grupperad text".to_string(), Some(1_250_000.29)),
            ("Tal".to_string(), Some(0.29)),
        ]
    );
    assert_eq!(r["totals"]["spent_kr"], 1_250_000.87);
}

/// What the overflow test reads of the JSON report: parsed without the 92 000
/// initiatives, which would grow this test process (whose memory the children it spawns
/// for other tests start from).
#[derive(serde::Deserialize)]
struct Summary {
    totals: Totals,
    files: Vec<FileCounts>,
    diagnostics: Vec<Finding>,
}

#[derive(serde::Deserialize)]
struct Totals {
    spent_kr: f64,
}

#[derive(serde::Deserialize)]
struct FileCounts {
    accepted: u64,
    rejected: u64,
}

#[derive(serde::Deserialize)]
struct Finding {
    code: String,
    cell: Option<String>,
}

#[test]
fn a_sum_past_the_range_refuses_the_row_and_publishes_no_wrapped_figure() {
    // Each amount is within the cell's bound (10^12 kr), but 92 300 of them pass the
    // i64 öre the program counts in. Written in constant memory, for the reason above.
    let rows: u32 = 92_300;
    let sc = Scratch::new();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Uppgifter").unwrap();
    ws.write_string(0, 0, "Förvaltning").unwrap();
    ws.write_string(0, 1, "Stora förvaltningen").unwrap();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    ws.set_name("Insatser").unwrap();
    for (c, h) in ["Insats", "Insatsområde", "Status", "Använda medel"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for k in 1..=rows {
        ws.write_string(k, 0, format!("Insats {k}")).unwrap();
        ws.write_string(k, 1, "digital").unwrap();
        ws.write_string(k, 2, "Pågående").unwrap();
        ws.write_number(k, 3, 999_999_999_999.0).unwrap();
    }
    wb.save(sc.file("stor.xlsx")).unwrap();
    let out = sc.run(&["build", "--allow-errors", "--quiet"]);
    assert_eq!(code(&out), 1);
    let file = std::fs::File::open(sc.output().join("redovisning-2025.json")).unwrap();
    let r: Summary = serde_json::from_reader(std::io::BufReader::new(file)).unwrap();
    let refused: Vec<&Finding> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "limit-exceeded")
        .collect();
    // 2^63 − 1 öre hold 92 233 amounts of 999 999 999 999 kr; the rest are refused.
    let fit: u32 = 92_233;
    assert_eq!(refused.len() as u32, rows - fit);
    assert_eq!(
        refused[0].cell.as_deref(),
        Some(format!("D{}", fit + 2).as_str())
    );
    let spent = r.totals.spent_kr;
    assert!(
        spent > 9.2e16 && spent <= i64::MAX as f64 / 100.0,
        "{spent}"
    );
    assert_eq!(r.files[0].rejected, u64::from(rows - fit));
    assert_eq!(r.files[0].accepted, u64::from(fit));
}

#[test]
fn a_figure_past_max_figure_is_an_error_at_its_cell_written_short() {
    // Regression: Täljare 1e308 was published, and 1e300 over 1e301 as a share of 10 %.
    let out = Test::new()
        .book(
            Book::new("a.xlsx", "Närsjukvården")
                .spent("Insats", 1.0)
                .figure("readmission_30d_share", "VC", s("2025"), 1e300, Some(1e301))
                .figure("avoided_admissions", "VC", s("2025"), 1e308, None),
        )
        .exit(1)
        .finding("constraint-error", "a.xlsx:Indikatorer!D2")
        .finding("constraint-error", "a.xlsx:Indikatorer!E2")
        .finding("constraint-error", "a.xlsx:Indikatorer!D3")
        .run();
    let diags = diagnostics(&out.output);
    for d in diags.iter().filter(|d| d["code"] == "constraint-error") {
        let m = d["message"].as_str().unwrap();
        assert!(m.chars().count() < 200 && m.contains("E+30"), "{m}");
    }
    // A configured bound applies instead.
    let sc = Scratch::new();
    std::fs::write(
        sc.dir.path().join("redovisa.toml"),
        redovisa::config::DEFAULT_TOML.replace("max_figure = 1e12", "max_figure = 100"),
    )
    .unwrap();
    crate::figures::book(
        &sc,
        "a.xlsx",
        "A",
        &[("avoided_admissions", "VC", "2025", 101.0, None)],
    );
    let out = sc.run(&["check", "--format", "json"]);
    assert!(has(
        &diagnostics(&out),
        "constraint-error",
        "a.xlsx",
        Some("D2")
    ));
}

#[test]
fn a_template_syntax_error_is_told_in_swedish_with_file_and_line() {
    // Regression: "mallfel i report.html.j2 rad 3: syntax error: unexpected end of block".
    let sc = Scratch::new();
    crate::figures::book(&sc, "a.xlsx", "A", &[]);
    let templates = sc.dir.path().join("mallar");
    std::fs::create_dir(&templates).unwrap();
    for name in ["report.html.j2", "report.md.j2", "report.typ.j2"] {
        std::fs::copy(repo().join("templates").join(name), templates.join(name)).unwrap();
    }
    for name in ["macros.html.j2", "charts.html.j2", "style.css"] {
        std::fs::copy(repo().join("templates").join(name), templates.join(name)).unwrap();
    }
    std::fs::write(
        templates.join("report.md.j2"),
        "# Rubrik\n\n{% for x in files %}\n{{ x.file }\n",
    )
    .unwrap();
    let out = sc.run(&["build", "--templates", templates.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mallfel i report.md.j2 rad 4: syntaxfel"),
        "{err}"
    );
    for english in ["syntax error", "unexpected", "expected", "end of"] {
        assert!(!err.contains(english), "{english} in {err}");
    }
}
