//! One unit, one administration (SPEC 2.3): the same unit in two workbooks, counted once
//! or refused on both cells; and figures that cannot be: stock denominators above the
//! population, agreement funds above the allocation.

use crate::common::*;
use crate::figures::{book, diagnostics_of, year_figure};

#[test]
fn the_same_unit_in_two_workbooks_with_other_figures_is_an_error_on_both_cells() {
    let sc = Scratch::new();
    book(
        &sc,
        "a.xlsx",
        "A",
        &[(
            "readmission_30d_share",
            "VC Björkliden",
            "2025",
            10.0,
            Some(100.0),
        )],
    );
    book(
        &sc,
        "b.xlsx",
        "B",
        &[(
            "readmission_30d_share",
            "vc björkliden",
            "2025",
            12.0,
            Some(100.0),
        )],
    );
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let diags = diagnostics(&out);
    assert!(
        has(&diags, "duplicate-unit", "a.xlsx", Some("B2")),
        "{diags:#?}"
    );
    assert!(
        has(&diags, "duplicate-unit", "b.xlsx", Some("B2")),
        "{diags:#?}"
    );
    let a = diags
        .iter()
        .find(|d| d["file"] == "a.xlsx" && d["code"] == "duplicate-unit")
        .unwrap();
    assert!(
        a["message"]
            .as_str()
            .unwrap()
            .contains("b.xlsx (Indikatorer!B2)"),
        "{a}"
    );
    // With --allow-errors both rows are listed as rejected and neither is counted.
    assert_eq!(code(&sc.run(&["build", "--allow-errors"])), 1);
    let r = sc.report();
    assert_eq!(r["rejected"].as_array().unwrap().len(), 2);
    assert!(
        !r["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["indicator"] == "readmission_30d_share"),
        "{}",
        r["indicators"]
    );
    for f in r["files"].as_array().unwrap() {
        assert_eq!(
            (f["accepted"].as_u64(), f["rejected"].as_u64()),
            (Some(1), Some(1)),
            "{f}"
        );
    }
}

#[test]
fn the_same_unit_in_two_workbooks_with_equal_figures_is_counted_once() {
    let sc = Scratch::new();
    let row = (
        "readmission_30d_share",
        "VC Björkliden",
        "2025",
        10.0,
        Some(100.0),
    );
    book(&sc, "a.xlsx", "A", &[row]);
    book(
        &sc,
        "b.xlsx",
        "B",
        &[
            row,
            ("readmission_30d_share", "VC Ek", "2025", 5.0, Some(50.0)),
        ],
    );
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    let warnings = diagnostics_of(&r, "duplicate-unit");
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (
            warnings[0]["severity"].as_str(),
            warnings[0]["file"].as_str()
        ),
        (Some("warning"), Some("b.xlsx"))
    );
    assert_eq!(
        year_figure(&r, "readmission_30d_share", None),
        (15.0, 150.0)
    );
    assert_eq!(
        year_figure(&r, "readmission_30d_share", Some("A")),
        (10.0, 100.0)
    );
    assert_eq!(
        year_figure(&r, "readmission_30d_share", Some("B")),
        (5.0, 50.0)
    );
}

#[test]
fn stock_denominators_above_the_population_are_implausible() {
    let sc = Scratch::new();
    // Twelve months of 40 000 listed patients added up would be 480 000: here two units
    // of 250 000 each give 500 000 listed in a region of 412 000.
    book(
        &sc,
        "a.xlsx",
        "A",
        &[
            (
                "named_doctor_share",
                "VC 1",
                "2025",
                100_000.0,
                Some(250_000.0),
            ),
            (
                "named_doctor_share",
                "VC 2",
                "2025",
                100_000.0,
                Some(250_000.0),
            ),
        ],
    );
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    let w = diagnostics_of(&r, "implausible-value");
    assert_eq!(w.len(), 1, "{w:#?}");
    let message = w[0]["message"].as_str().unwrap();
    assert!(
        message.contains("Andel listade med fast läkarkontakt") && message.contains("500\u{a0}000"),
        "{message}"
    );
}

#[test]
fn agreement_funds_above_the_allocation_are_a_warning_and_noted_in_table_5() {
    let sc = Scratch::new();
    xlsx(
        &sc.file("a.xlsx"),
        &[
            info("A"),
            sheet(
                "Insatser",
                vec![
                    vec![
                        s("Insats"),
                        s("Insatsområde"),
                        s("Status"),
                        s("Använda medel"),
                        s("Varav överenskommelsemedel"),
                    ],
                    vec![
                        s("Stor insats"),
                        s("digital"),
                        s("Pågående"),
                        n(120_000_000.0),
                        n(100_000_000.0),
                    ],
                ],
            ),
        ],
    );
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    assert_eq!(diagnostics_of(&r, "over-allocation").len(), 1);
    assert_eq!(r["totals"]["over_allocation"], true);
    assert_eq!(r["totals"]["remaining_kr"].as_f64(), Some(-1_250_000.0));
    let t5 = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 5");
    let text: Vec<String> = t5
        .iter()
        .flatten()
        .map(std::string::ToString::to_string)
        .collect();
    assert!(
        text.iter()
            .any(|t| t.starts_with("Utnyttjandegrad") && t.contains("över tilldelningen")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("1 250 000 kr mer") || t.contains("1\u{a0}250\u{a0}000 kr mer")),
        "{text:?}"
    );
}

#[test]
fn notes_and_rows_naming_left_out_units_are_bounded() {
    // 25 units report January only: each is left out of the year value. The note names
    // the first limits.max_listed_units (here 20) and says how many more; Tabell 6 gives
    // rows to as many; the JSON has every one.
    let sc = Scratch::new();
    let rows: Vec<(String, String)> = (1..=25)
        .map(|k| (format!("VC {k:02}"), "2025-01".to_string()))
        .collect();
    let figures: Vec<(&str, &str, &str, f64, Option<f64>)> = rows
        .iter()
        .map(|(unit, period)| {
            (
                "readmission_30d_share",
                unit.as_str(),
                period.as_str(),
                10.0,
                Some(100.0),
            )
        })
        .collect();
    book(&sc, "a.xlsx", "A", &figures);
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    let partial = r["partial_units"].as_array().unwrap();
    assert_eq!(partial.len(), 25);
    let listed = partial.iter().filter(|u| u["listed"] == true).count();
    assert_eq!(listed, 20);
    let note = r["indicator_notes"][0].as_str().unwrap();
    assert!(
        note.contains("VC 20 inom A") && !note.contains("VC 21"),
        "{note}"
    );
    assert!(
        note.contains("och ytterligare 5\u{a0}enheter (alla står i avvikelser-2025.csv)"),
        "{note}"
    );
    let md = std::fs::read_to_string(sc.output().join("redovisning-2025.md")).unwrap();
    assert_eq!(md.matches("(ingår ej i årsvärdet)").count(), 20);
    let t6 = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 6");
    let unit_rows = t6
        .iter()
        .filter(|row| {
            row.iter()
                .any(|c| c.to_string().contains("ingår ej i årsvärdet"))
        })
        .count();
    assert_eq!(unit_rows, 20);
}

#[test]
fn a_run_stopped_by_the_memory_watchdog_leaves_no_staging_folder() {
    // Regression: the watchdog ended the process at once, leaving output/.redovisa-XXXX.
    let sc = Scratch::new();
    book(
        &sc,
        "a.xlsx",
        "A",
        &[("readmission_30d_share", "VC", "2025", 10.0, Some(100.0))],
    );
    std::fs::write(
        sc.dir.path().join("redovisa.toml"),
        redovisa::config::DEFAULT_TOML.replace("max_render_mib = 4_096", "max_render_mib = 1"),
    )
    .unwrap();
    let out = sc.run(&["build"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("max_render_mib"));
    let left: Vec<String> = std::fs::read_dir(sc.output())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".redovisa-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
