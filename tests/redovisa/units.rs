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
