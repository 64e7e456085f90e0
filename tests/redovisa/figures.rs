//! Figures that hold up (SPEC 2.3): each indicator's year value formed by its flow and
//! stock rules, units counted once, and the shipped example's tables agreeing with each
//! other. The expected figures are computed by hand here, from the rows each test writes.

use serde_json::Value;

use crate::common::*;

/// A workbook for `administration` with one valid initiative and these indicator rows:
/// (indicator, unit, period, numerator, denominator).
pub(crate) fn book(
    sc: &Scratch,
    file: &str,
    administration: &str,
    rows: &[(&str, &str, &str, f64, Option<f64>)],
) {
    let mut indicators = vec![vec![
        s("Indikator"),
        s("Enhet"),
        s("Period"),
        s("Täljare"),
        s("Nämnare"),
    ]];
    for (indicator, unit, period, num, den) in rows {
        indicators.push(vec![
            s(indicator),
            s(unit),
            s(period),
            n(*num),
            den.map_or(V::E, n),
        ]);
    }
    xlsx(
        &sc.file(file),
        &[
            info(administration),
            sheet(
                "Insatser",
                vec![
                    vec![
                        s("Insats"),
                        s("Insatsområde"),
                        s("Status"),
                        s("Använda medel"),
                    ],
                    vec![s("Insats"), s("digital"), s("Pågående"), n(1000.0)],
                ],
            ),
            sheet("Indikatorer", indicators),
        ],
    );
}

/// The year figure of `indicator` for `administration` (`None`: the region).
pub(crate) fn year_figure(r: &Value, indicator: &str, administration: Option<&str>) -> (f64, f64) {
    let f = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["indicator"] == indicator
                && i["period"] == "2025"
                && administration
                    .map_or(i["administration"].is_null(), |a| i["administration"] == a)
        })
        .unwrap_or_else(|| panic!("no year figure for {indicator} {administration:?}"));
    (
        f["numerator"].as_f64().unwrap(),
        f["denominator"].as_f64().unwrap_or(f64::NAN),
    )
}

pub(crate) fn months(from: u8, to: u8) -> Vec<String> {
    (from..=to).map(|m| format!("2025-{m:02}")).collect()
}

pub(crate) fn diagnostics_of(r: &Value, code: &str) -> Vec<Value> {
    r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .cloned()
        .collect()
}

#[test]
fn a_stock_share_is_decembers_figures_not_twelve_months_added() {
    let sc = Scratch::new();
    let periods = months(1, 12);
    // Listed patients grow by 10 a month from 1 000; those with a named doctor by 5 from 600.
    let rows: Vec<_> = periods
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let k = k as f64;
            (
                "named_doctor_share",
                "VC Ek",
                p.as_str(),
                600.0 + 5.0 * k,
                Some(1000.0 + 10.0 * k),
            )
        })
        .collect();
    book(&sc, "a.xlsx", "A", &rows);
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    assert_eq!(year_figure(&r, "named_doctor_share", None), (655.0, 1110.0));
    assert_eq!(
        year_figure(&r, "named_doctor_share", Some("A")),
        (655.0, 1110.0)
    );
    assert!(diagnostics_of(&r, "incomplete-period").is_empty());
}

#[test]
fn a_rate_sums_its_flow_and_takes_its_stock_from_the_latest_month() {
    let sc = Scratch::new();
    let periods = months(1, 12);
    // 3 avoidable admissions a month; the population 20 000 in January, 20 110 in December.
    let rows: Vec<_> = periods
        .iter()
        .enumerate()
        .map(|(k, p)| {
            (
                "avoidable_hospitalisation_rate",
                "VC Ek",
                p.as_str(),
                3.0,
                Some(20_000.0 + 10.0 * k as f64),
            )
        })
        .collect();
    book(&sc, "a.xlsx", "A", &rows);
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    assert_eq!(
        year_figure(&r, "avoidable_hospitalisation_rate", None),
        (36.0, 20_110.0)
    );
    let region = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["indicator"] == "avoidable_hospitalisation_rate"
                && i["period"] == "2025"
                && i["administration"].is_null()
        })
        .unwrap();
    let expected = 36.0 * 100_000.0 / 20_110.0;
    assert!((region["value"].as_f64().unwrap() - expected).abs() < 1e-9);
}

#[test]
fn a_flow_with_a_missing_quarter_is_left_out_and_named() {
    let sc = Scratch::new();
    let mut rows = Vec::new();
    for q in ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"] {
        rows.push(("digital_contacts_share", "VC Ek", q, 30.0, Some(100.0)));
    }
    // VC Ask misses the third quarter.
    for q in ["2025-Q1", "2025-Q2", "2025-Q4"] {
        rows.push(("digital_contacts_share", "VC Ask", q, 50.0, Some(100.0)));
    }
    book(&sc, "a.xlsx", "A", &rows);
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    // Only VC Ek counts: 4 × 30 over 4 × 100.
    assert_eq!(
        year_figure(&r, "digital_contacts_share", Some("A")),
        (120.0, 400.0)
    );
    assert_eq!(
        year_figure(&r, "digital_contacts_share", None),
        (120.0, 400.0)
    );
    let warnings = diagnostics_of(&r, "incomplete-period");
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    let w = &warnings[0];
    assert_eq!(w["severity"], "warning");
    assert_eq!(w["sheet"], "Indikatorer");
    let message = w["message"].as_str().unwrap();
    assert!(
        message.contains("VC Ask") && message.contains("kvartal 3 2025"),
        "{message}"
    );
    // Its own figure is published on a row of its own, with the note.
    let partial = &r["partial_units"][0];
    assert_eq!(partial["unit"], "VC Ask");
    assert_eq!(
        (
            partial["numerator"].as_f64(),
            partial["denominator"].as_f64()
        ),
        (Some(150.0), Some(300.0))
    );
    let t6 = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 6");
    let text: Vec<String> = t6
        .iter()
        .flatten()
        .map(std::string::ToString::to_string)
        .collect();
    assert!(
        text.iter()
            .any(|t| t.contains("VC Ask") && t.contains("ingår ej i årsvärdet")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|t| t.starts_with("Anm.") && t.contains("VC Ask") && t.contains("kvartal 3 2025")),
        "{text:?}"
    );
    let md = std::fs::read_to_string(sc.output().join("redovisning-2025.md")).unwrap();
    assert!(
        md.contains(
            "A: VC Ask, endast kvartal 1–2 och 4 2025 (ingår ej i årsvärdet) | 50,0 | 150 | 300 |"
        ),
        "{md}"
    );
}

#[test]
fn quarters_and_months_mixed_across_units() {
    let sc = Scratch::new();
    let mut rows = Vec::new();
    let quarters = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"];
    for q in quarters {
        rows.push(("readmission_30d_share", "Avd 1", q, 6.0, Some(60.0)));
    }
    let periods = months(1, 12);
    for p in &periods {
        rows.push((
            "readmission_30d_share",
            "Avd 2",
            p.as_str(),
            1.0,
            Some(20.0),
        ));
    }
    book(&sc, "a.xlsx", "A", &rows);
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    // 4 × 6 + 12 × 1 over 4 × 60 + 12 × 20.
    assert_eq!(
        year_figure(&r, "readmission_30d_share", None),
        (36.0, 480.0)
    );
}

#[test]
fn a_mean_stock_averages_the_periods_given() {
    let sc = Scratch::new();
    let config = std::fs::read_to_string(repo().join("redovisa.toml"))
        .unwrap()
        .replacen(
            "numerator = \"last\"\ndenominator = \"last\"",
            "numerator = \"mean\"\ndenominator = \"mean\"",
            1,
        );
    assert!(config.contains("\"mean\""));
    std::fs::write(sc.dir.path().join("redovisa.toml"), config).unwrap();
    let rows = [
        ("named_doctor_share", "VC Ek", "2025-Q1", 50.0, Some(100.0)),
        ("named_doctor_share", "VC Ek", "2025-Q2", 60.0, Some(110.0)),
        ("named_doctor_share", "VC Ek", "2025-Q3", 70.0, Some(120.0)),
        ("named_doctor_share", "VC Ek", "2025-Q4", 80.0, Some(130.0)),
    ];
    book(&sc, "a.xlsx", "A", &rows);
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    assert_eq!(year_figure(&r, "named_doctor_share", None), (65.0, 115.0));
}

/// The shipped example: every stock denominator of the region is at most the region's
/// population, and tables 1, 2, 3 and 5 agree with each other and with the JSON.
#[test]
fn the_example_appendix_agrees_with_itself_and_the_json() {
    let sc = example();
    let r = sc.report();
    let population = r["totals"]["population"].as_f64().unwrap();
    for code in ["named_doctor_share", "avoidable_hospitalisation_rate"] {
        let (_, den) = year_figure(&r, code, None);
        assert!(
            den <= population,
            "{code}: {den} listed or inhabitants in a region of {population}"
        );
    }
    assert!(
        !r["partial_units"].as_array().unwrap().is_empty(),
        "the example shows a left-out unit"
    );
    let book = sc.output().join("redovisning-2025.xlsx");
    let t1 = sheet_rows(&book, "Tabell 1");
    let t2 = sheet_rows(&book, "Tabell 2");
    let t3 = sheet_rows(&book, "Tabell 3");
    let t5 = sheet_rows(&book, "Tabell 5");
    let total_row = |rows: &[Vec<calamine::Data>]| {
        rows.iter()
            .find(|row| row[0] == "Totalt")
            .cloned()
            .expect("a Totalt row")
    };
    let body = |rows: &[Vec<calamine::Data>], header: &str| -> Vec<Vec<calamine::Data>> {
        let start = rows.iter().position(|row| row[0] == header).unwrap() + 1;
        rows[start..]
            .iter()
            .take_while(|row| row[0] != "Totalt")
            .cloned()
            .collect()
    };
    let json_spent = r["totals"]["spent_kr"].as_f64().unwrap();
    let json_agreement = r["totals"]["agreement_funds_kr"].as_f64().unwrap();
    // Table 1: each administration as the JSON says; the rows add up to Totalt.
    let t1_rows = body(&t1, "Förvaltning");
    assert_eq!(
        t1_rows.len(),
        r["by_administration"].as_array().unwrap().len()
    );
    for (row, a) in t1_rows
        .iter()
        .zip(r["by_administration"].as_array().unwrap())
    {
        assert_eq!(row[0].to_string(), a["administration"].as_str().unwrap());
        assert_eq!(num(&row[3]), a["spent_kr"].as_f64().unwrap());
        assert_eq!(num(&row[4]), a["agreement_funds_kr"].as_f64().unwrap());
    }
    let sum = |rows: &[Vec<calamine::Data>], col: usize| -> f64 {
        (rows
            .iter()
            .map(|row| (num(&row[col]) * 100.0).round() as i64)
            .sum::<i64>()) as f64
            / 100.0
    };
    let t1_total = total_row(&t1);
    assert_eq!(num(&t1_total[3]), json_spent);
    assert_eq!(sum(&t1_rows, 3), json_spent);
    assert_eq!(sum(&t1_rows, 4), json_agreement);
    assert_eq!(
        sum(&t1_rows, 1),
        r["totals"]["initiatives"].as_f64().unwrap()
    );
    // Table 2: per area, the same totals.
    let t2_rows = body(&t2, "Insatsområde");
    assert_eq!(sum(&t2_rows, 3), json_spent);
    assert_eq!(num(&total_row(&t2)[3]), json_spent);
    // Table 3: each administration's row total is its table 1 figure; each area's column
    // total its table 2 figure; the grand total the region's.
    let t3_rows = body(&t3, "Förvaltning");
    let last = t3_rows[0].len() - 1;
    for (row, t1_row) in t3_rows.iter().zip(&t1_rows) {
        assert_eq!(num(&row[last]), num(&t1_row[3]), "{row:?}");
    }
    let t3_total = total_row(&t3);
    for (k, t2_row) in t2_rows.iter().enumerate() {
        let column = num_or_zero(&t3_total[k + 1]);
        assert_eq!(column, num_or_zero(&t2_row[3]), "area {}", t2_row[0]);
    }
    assert_eq!(num(&t3_total[last]), json_spent);
    // Table 5: the allocation less the agreement funds used is what remains.
    let value = |label: &str| {
        let row = t5
            .iter()
            .find(|row| row[0].to_string().starts_with(label))
            .unwrap();
        num(&row[1])
    };
    assert_eq!(value("Använda överenskommelsemedel, kr"), json_agreement);
    assert_eq!(value("Använda medel totalt, kr"), json_spent);
    let remaining = value("Återstår av tilldelningen, kr");
    assert!(
        (value("Tilldelade överenskommelsemedel, kr") - json_agreement - remaining).abs() < 0.005
    );
    let utilisation = value("Utnyttjandegrad");
    let expected = json_agreement / r["totals"]["allocation_kr"].as_f64().unwrap();
    assert!(
        (utilisation - expected).abs() < 1e-9,
        "{utilisation} {expected}"
    );
}

/// A money cell that shows `–` for zero reads as zero.
fn num_or_zero(d: &calamine::Data) -> f64 {
    match d {
        calamine::Data::String(s) if s == "–" => 0.0,
        other => num(other),
    }
}
