//! `redovisa build`: messy but valid workbooks in every format, consolidated to the krona;
//! the xlsx read back; byte-identical reruns; the shipped example.

use serde_json::Value;

use crate::common::*;

/// Närsjukvården: title rows above the header, odd header spelling, money as text with
/// spaces, `kr` and decimal commas, dates as cells, serials and text, a blank row and a
/// totals row; monthly and yearly indicator rows.
fn messy_xlsx(sc: &Scratch) {
    xlsx(
        &sc.file("narsjukvarden.xlsx"),
        &[
            info("Närsjukvården Test"),
            sheet(
                "insatser ",
                vec![
                    vec![s("Insatser 2025 – Närsjukvården")],
                    vec![s("Fyll i en rad per insats.")],
                    vec![],
                    vec![
                        s("Nr"),
                        s("INSATSENS  NAMN"),
                        s("Område"),
                        s("Status"),
                        s("Startdatum"),
                        s("Slutdatum"),
                        s("Budget (kr)"),
                        s("Använda medel (kr)"),
                        s("Varav statsbidrag"),
                        s("Förflyttning"),
                        s("Samverkan med kommun"),
                    ],
                    vec![
                        s("N1"),
                        s("Digitala vårdmöten"),
                        s("Digital teknik"),
                        s("Pågående"),
                        V::D(2025, 1, 1),
                        V::E,
                        s("1 250 000 kr"),
                        s("800 000,50"),
                        n(400_000.0),
                        n(1.0),
                        V::B(true),
                    ],
                    vec![
                        s("N2"),
                        s("Fast läkare på SÄBO"),
                        s("named_doctor"),
                        s("genomförd"),
                        n(45_717.0),
                        s("2025-09-30"),
                        n(500_000.0),
                        s("499\u{a0}999,5 kr"),
                        s("250 000"),
                        s("2"),
                        s("x"),
                    ],
                    vec![],
                    vec![
                        V::E,
                        s("Mobilt team"),
                        s("Motverka sjukhusinläggningar"),
                        s("  PLANERAD "),
                        V::E,
                        V::E,
                        n(300_000.0),
                    ],
                    vec![
                        V::E,
                        s("Summa"),
                        V::E,
                        V::E,
                        V::E,
                        V::E,
                        n(2_050_000.0),
                        n(1_300_000.0),
                        n(650_000.0),
                    ],
                ],
            ),
            sheet(
                "Indikatorer",
                vec![
                    vec![
                        s("Indikator"),
                        s("Vårdcentral"),
                        s("Period"),
                        s("Täljare"),
                        s("Nämnare"),
                    ],
                    vec![
                        s("named_doctor_share"),
                        s("VC1"),
                        s("2025-01"),
                        n(100.0),
                        n(200.0),
                    ],
                    vec![
                        s("Andel listade med fast läkarkontakt"),
                        s("VC1"),
                        V::D(2025, 2, 1),
                        n(150.0),
                        n(200.0),
                    ],
                    vec![
                        s("fast läkarkontakt"),
                        s("VC2"),
                        n(2025.0),
                        s("50"),
                        s("400"),
                    ],
                ],
            ),
        ],
    );
}

/// Psykiatrin as `LibreOffice` stores it (.ods), the header on the first row.
fn plain_ods(sc: &Scratch) {
    ods(
        &sc.file("psykiatrin.ods"),
        &[
            info("Psykiatrin Test"),
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
                        s("Brukarråd"),
                        s("Brukarsamverkan"),
                        s("Avbruten"),
                        n(120_000.25),
                        n(100_000.0),
                    ],
                    vec![
                        s("Utbildning i MI"),
                        s("Utbildning"),
                        s("Pågående"),
                        s("80 000"),
                        V::E,
                    ],
                ],
            ),
            sheet(
                "Indikatorer",
                vec![
                    vec![
                        s("Indikator"),
                        s("Enhet"),
                        s("Period"),
                        s("Täljare"),
                        s("Nämnare"),
                    ],
                    vec![
                        s("named_doctor_share"),
                        s("Mottagning A"),
                        s("2025"),
                        n(300.0),
                        n(500.0),
                    ],
                ],
            ),
        ],
    );
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn admin<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["by_administration"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["administration"] == name)
        .unwrap_or_else(|| panic!("no administration {name}"))
}

fn three_formats() -> Scratch {
    let sc = Scratch::new();
    messy_xlsx(&sc);
    plain_ods(&sc);
    // Written by xlwt as Excel 97-2003 does; see tests/fixtures/README.md.
    std::fs::copy(
        repo().join("tests/fixtures/psykiatrin-gamla.xls"),
        sc.file("psykiatrin-gamla.xls"),
    )
    .unwrap();
    sc
}

#[test]
fn messy_workbooks_in_three_formats_are_consolidated_to_the_krona() {
    let sc = three_formats();
    let out = sc.run(&["build"]);
    assert_eq!(code(&out), 0);
    let r = sc.report();
    // By hand: Närsjukvården 800 000,50 + 499 999,50; Psykiatrin 120 000,25 + 80 000;
    // the .xls fixture 800 000,50 + 250 000,75.
    let n = admin(&r, "Närsjukvården Test");
    assert_eq!(f(&n["initiatives"]), 3.0);
    assert_eq!(f(&n["budget_kr"]), 2_050_000.0);
    assert_eq!(f(&n["spent_kr"]), 1_300_000.0);
    assert_eq!(f(&n["agreement_funds_kr"]), 650_000.0);
    let p = admin(&r, "Psykiatrin Test");
    assert_eq!(f(&p["initiatives"]), 2.0);
    assert_eq!(f(&p["spent_kr"]), 200_000.25);
    assert_eq!(f(&p["agreement_funds_kr"]), 100_000.0);
    let g = admin(&r, "Psykiatrin Gamla");
    assert_eq!(f(&g["spent_kr"]), 1_050_001.25);
    assert_eq!(f(&g["budget_kr"]), 1_550_000.0);
    let t = &r["totals"];
    assert_eq!(f(&t["initiatives"]), 7.0);
    assert_eq!(f(&t["spent_kr"]), 2_550_001.5);
    assert_eq!(f(&t["budget_kr"]), 3_600_000.0);
    assert_eq!(f(&t["agreement_funds_kr"]), 1_400_000.0);
    let area = |code: &str| {
        r["by_area"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["area"] == code)
            .unwrap()
            .clone()
    };
    // digital: N1 800 000,50 + P-1 800 000,50; training: 80 000 + P-2 250 000,75.
    assert_eq!(f(&area("digital")["spent_kr"]), 1_600_001.0);
    assert_eq!(f(&area("training")["spent_kr"]), 330_000.75);
    assert_eq!(f(&area("other")["initiatives"]), 0.0);
    assert_eq!(r["by_area"].as_array().unwrap().len(), 6);
}

#[test]
fn row_counts_account_for_every_row() {
    let sc = three_formats();
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    let file = |name: &str| {
        r["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["file"] == name)
            .unwrap()
            .clone()
    };
    // Insatser rows 5–9 (3 initiatives, a blank row, a totals row) and 3 indicator rows.
    let n = file("narsjukvarden.xlsx");
    assert_eq!(
        (
            f(&n["rows_read"]),
            f(&n["accepted"]),
            f(&n["rejected"]),
            f(&n["skipped"])
        ),
        (8.0, 6.0, 0.0, 2.0)
    );
    let p = file("psykiatrin.ods");
    assert_eq!(
        (f(&p["rows_read"]), f(&p["accepted"]), f(&p["skipped"])),
        (3.0, 3.0, 0.0)
    );
    let diags = r["diagnostics"].as_array().unwrap();
    assert!(has(diags, "totals-row", "narsjukvarden.xlsx", Some("B9")));
    assert!(!diags.iter().any(|d| d["code"] == "totals-mismatch"));
}

#[test]
fn indicators_are_the_ratio_of_summed_numerators_and_denominators() {
    let sc = three_formats();
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    let find = |admin: Option<&str>, period: &str| {
        r["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| {
                i["indicator"] == "named_doctor_share"
                    && i["period"] == period
                    && admin.map_or(i["administration"].is_null(), |a| i["administration"] == a)
            })
            .unwrap_or_else(|| panic!("no figure {admin:?} {period}"))
            .clone()
    };
    // Närsjukvården: VC1 January 100/200 and February 150/200, VC2 the year 50/400. The
    // share is of listed patients, a stock: VC1's year figure is February's (its latest
    // month), not January and February added up.
    let n = find(Some("Närsjukvården Test"), "2025");
    assert_eq!((f(&n["numerator"]), f(&n["denominator"])), (200.0, 600.0));
    assert!((f(&n["value"]) - 200.0 / 600.0 * 100.0).abs() < 1e-9);
    let region = find(None, "2025");
    // Psykiatrin Test gives 300/500 for the year (the .xls adds no indicator).
    assert_eq!(
        (f(&region["numerator"]), f(&region["denominator"])),
        (500.0, 1100.0)
    );
    // The ratio of sums, not the mean of 33,3 % and 60 %.
    assert!((f(&region["value"]) - 500.0 / 1100.0 * 100.0).abs() < 1e-9);
    assert_eq!(region["target_met"], false);
    // VC1's latest month is February: counted, with a warning naming it.
    let diags = r["diagnostics"].as_array().unwrap();
    let stale = diags
        .iter()
        .find(|d| d["code"] == "incomplete-period")
        .expect("a warning for VC1");
    assert_eq!(stale["severity"], "warning");
    assert!(
        stale["message"].as_str().unwrap().contains("VC1"),
        "{stale}"
    );
    let february = find(Some("Närsjukvården Test"), "2025-02");
    assert!((f(&february["value"]) - 75.0).abs() < 1e-9);
}

#[test]
fn xlsx_table_figures_equal_the_json() {
    let sc = three_formats();
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    let rows = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 1");
    assert!(
        rows[0][0]
            .to_string()
            .starts_with("Tabell 1. Insatser och använda medel per förvaltning, 2025")
    );
    for a in r["by_administration"].as_array().unwrap() {
        let row = rows
            .iter()
            .find(|row| row[0] == a["administration"].as_str().unwrap())
            .unwrap();
        assert_eq!(num(&row[1]), f(&a["initiatives"]));
        assert_eq!(num(&row[2]), f(&a["budget_kr"]));
        assert_eq!(num(&row[3]), f(&a["spent_kr"]));
        assert_eq!(num(&row[4]), f(&a["agreement_funds_kr"]));
    }
    let total = rows.iter().find(|row| row[0] == "Totalt").unwrap();
    assert_eq!(num(&total[3]), f(&r["totals"]["spent_kr"]));
    assert!(
        rows.iter()
            .any(|row| row[0].to_string().starts_with("Källa: "))
    );
    let areas = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 2");
    let total = areas.iter().find(|row| row[0] == "Totalt").unwrap();
    assert_eq!(num(&total[1]), f(&r["totals"]["initiatives"]));
    assert_eq!(num(&total[3]), f(&r["totals"]["spent_kr"]));
    let matrix = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 3");
    let total = matrix.iter().find(|row| row[0] == "Totalt").unwrap();
    assert_eq!(num(total.last().unwrap()), f(&r["totals"]["spent_kr"]));
}

#[test]
fn two_runs_give_byte_identical_outputs() {
    let sc = three_formats();
    assert_eq!(code(&sc.run(&["build"])), 0);
    let first: Vec<(String, Vec<u8>)> = outputs(&sc.output());
    std::fs::remove_dir_all(sc.output()).unwrap();
    assert_eq!(code(&sc.run(&["build"])), 0);
    let second = outputs(&sc.output());
    assert_eq!(first.len(), 6);
    for ((name_a, a), (name_b, b)) in first.iter().zip(&second) {
        assert_eq!(name_a, name_b);
        assert!(a == b, "{name_a} differs between runs");
    }
}

pub(crate) fn outputs(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_shipped_example_builds_all_six_outputs() {
    let sc = example();
    let names: Vec<String> = outputs(&sc.output()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "avvikelser-2025.csv",
            "redovisning-2025.html",
            "redovisning-2025.json",
            "redovisning-2025.md",
            "redovisning-2025.pdf",
            "redovisning-2025.xlsx"
        ]
    );
    let r = sc.report();
    assert_eq!(r["region"], "Region Exempel");
    assert_eq!(r["generated"], "2026-03-31");
    assert_eq!(r["files"].as_array().unwrap().len(), 6);
    assert!(f(&r["totals"]["initiatives"]) >= 100.0);
}

#[test]
fn errors_stop_the_report_unless_a_draft_is_asked_for() {
    let sc = three_formats();
    simple_book(
        &sc.file("trasig.xlsx"),
        "Trasig",
        vec![
            vec![s("Bra"), s("digital"), s("Pågående"), n(100.0)],
            vec![s("Dålig"), s("digital"), s("Pågående"), s("hundra")],
        ],
    );
    let out = sc.run(&["build"]);
    assert_eq!(code(&out), 1);
    assert!(!sc.output().join("redovisning-2025.json").exists());
    let out = sc.run(&["build", "--allow-errors"]);
    assert_eq!(code(&out), 1);
    let r = sc.report();
    assert_eq!(r["draft"], true);
    assert_eq!(f(&admin(&r, "Trasig")["spent_kr"]), 100.0);
    assert_eq!(r["rejected"].as_array().unwrap().len(), 1);
    let md = std::fs::read_to_string(sc.output().join("redovisning-2025.md")).unwrap();
    assert!(md.contains("UTKAST"));
}

#[test]
fn merged_cells_count_as_their_top_left_value_in_xlsx_and_ods() {
    // The same workbook as openpyxl wrote it and as LibreOffice saved it; both merge the
    // area cell of two initiatives (see tests/fixtures/README.md).
    for fixture in ["openpyxl-1904.xlsx", "libreoffice-merged.ods"] {
        let sc = Scratch::new();
        std::fs::copy(
            repo().join("tests/fixtures").join(fixture),
            sc.file(fixture),
        )
        .unwrap();
        assert_eq!(code(&sc.run(&["build"])), 0, "{fixture}");
        let r = sc.report();
        let areas: Vec<&str> = r["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["area"].as_str().unwrap())
            .collect();
        assert_eq!(areas, ["training", "training"], "{fixture}");
        assert_eq!(r["initiatives"][1]["start"], "2025-04-01", "{fixture}");
    }
}
