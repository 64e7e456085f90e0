//! `build --previous`: this year against last year, with changes computed by hand.

use serde_json::{Value, json};

use crate::common::*;

fn initiatives(rows: Vec<Vec<V>>) -> Sheet {
    let mut all = vec![vec![
        s("Id"),
        s("Insats"),
        s("Insatsområde"),
        s("Status"),
        s("Använda medel"),
    ]];
    all.extend(rows);
    sheet("Insatser", all)
}

/// This year: A (digital 1 000 kr, training 500 kr, a named-doctor share of 60/100) and
/// the new administration Ny (other 300 kr).
fn this_year() -> Scratch {
    let sc = Scratch::new();
    xlsx(
        &sc.file("a.xlsx"),
        &[
            info("A"),
            initiatives(vec![
                vec![s("a1"), s("Ett"), s("digital"), s("Pågående"), n(1000.0)],
                vec![s("a2"), s("Två"), s("training"), s("Pågående"), n(500.0)],
            ]),
            sheet(
                "Indikatorer",
                vec![
                    vec![s("Indikator"), s("Period"), s("Täljare"), s("Nämnare")],
                    vec![s("named_doctor_share"), s("2025"), n(60.0), n(100.0)],
                ],
            ),
        ],
    );
    xlsx(
        &sc.file("ny.xlsx"),
        &[
            info("Ny"),
            initiatives(vec![vec![
                s("n1"),
                s("Nytt"),
                s("other"),
                s("Pågående"),
                n(300.0),
            ]]),
        ],
    );
    sc
}

/// Last year, by hand: A and Nedlagd (closed since), an area that no longer exists.
fn last_year(region: &str, year: i32) -> Value {
    json!({
        "year": year,
        "region": region,
        "totals": {"initiatives": 3, "spent_kr": 1300.0, "agreement_funds_kr": 0.0},
        "by_administration": [
            {"administration": "A", "initiatives": 2, "spent_kr": 1200.0},
            {"administration": "Nedlagd", "initiatives": 1, "spent_kr": 100.0}
        ],
        "by_area": [
            {"area": "digital", "label": "Digital teknik i patientmöten och analys", "initiatives": 1, "spent_kr": 800.0},
            {"area": "old_area", "label": "Gammalt område", "initiatives": 2, "spent_kr": 500.0}
        ],
        "indicators": [
            {"indicator": "named_doctor_share", "administration": null, "period": "2024", "value": 50.0, "suppressed": false},
            {"indicator": "named_doctor_share", "administration": "A", "period": "2024", "value": 50.0, "suppressed": false}
        ],
        "initiatives": [
            {"administration": "A", "id": "a1", "name": "Ett"},
            {"administration": "A", "id": "a9", "name": "Gammal"},
            {"administration": "Nedlagd", "id": "x1", "name": "Stängd"}
        ]
    })
}

fn write_previous(sc: &Scratch, value: &Value) -> String {
    let path = sc.dir.path().join("redovisning-2024.json");
    std::fs::write(&path, serde_json::to_string(value).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

fn row<'a>(rows: &'a Value, key: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == key)
        .unwrap_or_else(|| panic!("no row {key} in {rows:#}"))
}

#[test]
fn changes_per_area_administration_indicator_and_initiative() {
    let sc = this_year();
    let previous = write_previous(&sc, &last_year("Region Exempel", 2024));
    assert_eq!(code(&sc.run(&["build", "--previous", &previous])), 0);
    let r = sc.report();
    let c = &r["comparison"];
    assert_eq!(c["previous_year"], 2024);
    // Totals: 1 800 kr against 1 300 kr.
    assert_eq!(c["totals"]["spent_kr"]["change"], 500.0);
    assert!(
        (c["totals"]["spent_kr"]["change_pct"].as_f64().unwrap() - 500.0 / 1300.0 * 100.0).abs()
            < 1e-9
    );
    // digital: 1 000 against 800 kr, +25 %.
    let digital = row(&c["by_area"], "digital");
    assert_eq!(digital["spent_kr"]["change"], 200.0);
    assert_eq!(digital["spent_kr"]["change_pct"], 25.0);
    // training is new this year, old_area existed only last year.
    let training = row(&c["by_area"], "training");
    assert!(training["spent_kr"]["previous"].is_null() && training["spent_kr"]["change"].is_null());
    let old = row(&c["by_area"], "old_area");
    assert_eq!(
        (old["label"].as_str(), old["spent_kr"]["current"].is_null()),
        (Some("Gammalt område"), true)
    );
    assert_eq!(old["spent_kr"]["previous"], 500.0);
    // A: 1 500 against 1 200 kr; Ny is new; Nedlagd reported only last year.
    let a = row(&c["by_administration"], "A");
    assert_eq!(
        (
            a["spent_kr"]["change"].as_f64(),
            a["spent_kr"]["change_pct"].as_f64()
        ),
        (Some(300.0), Some(25.0))
    );
    assert!(row(&c["by_administration"], "Ny")["spent_kr"]["previous"].is_null());
    assert!(row(&c["by_administration"], "Nedlagd")["spent_kr"]["current"].is_null());
    // The region's named-doctor share: 60 % against 50 %: +10 percentage points.
    let region = c["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["administration"].is_null())
        .unwrap();
    assert_eq!(region["value"]["change"], 10.0);
    assert_eq!(region["change_unit"], "procentenheter");
    // a1 continues; a2 and n1 are new; a9 and x1 ended.
    let ids = |list: &Value| -> Vec<String> {
        let mut v: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                format!(
                    "{}/{}",
                    k["administration"].as_str().unwrap(),
                    k["id"].as_str().unwrap()
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&c["continuing"]), ["A/a1"]);
    assert_eq!(ids(&c["new"]), ["A/a2", "Ny/n1"]);
    assert_eq!(ids(&c["ended"]), ["A/a9", "Nedlagd/x1"]);
    // In the xlsx: a table of its own, and the columns in table 2.
    let path = sc.output().join("redovisning-2025.xlsx");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    use calamine::Reader;
    let t9 = wb.worksheet_range("Tabell 9").unwrap();
    assert!(t9.rows().any(|r| r[0] == "Gammalt område"));
    let t2 = wb.worksheet_range("Tabell 2").unwrap();
    let header: Vec<String> = t2
        .rows()
        .nth(2)
        .unwrap()
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    assert!(
        header.contains(&"Använda medel 2024, kr".to_string()),
        "{header:?}"
    );
    let md = std::fs::read_to_string(sc.output().join("redovisning-2025.md")).unwrap();
    assert!(md.contains("## Jämförelse med 2024"));
}

#[test]
fn last_years_report_is_found_in_the_output_folder() {
    let sc = this_year();
    std::fs::create_dir_all(sc.output()).unwrap();
    std::fs::write(
        sc.output().join("redovisning-2024.json"),
        serde_json::to_string(&last_year("Region Exempel", 2024)).unwrap(),
    )
    .unwrap();
    assert_eq!(code(&sc.run(&["build"])), 0);
    assert_eq!(sc.report()["comparison"]["previous_year"], 2024);
}

fn expect_warning(previous: &Value) -> String {
    let sc = this_year();
    let path = write_previous(&sc, previous);
    assert_eq!(code(&sc.run(&["build", "--previous", &path])), 0);
    let r = sc.report();
    assert!(r["comparison"].is_null());
    let d = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "previous-report")
        .expect("a previous-report diagnostic")
        .clone();
    assert_eq!(d["severity"], "warning");
    d["message"].as_str().unwrap().to_string()
}

#[test]
fn another_region_or_not_the_year_before_is_a_clear_warning() {
    assert!(expect_warning(&last_year("Region Annan", 2024)).contains("Region Annan"));
    assert!(expect_warning(&last_year("Region Exempel", 2023)).contains("2023"));
    assert!(expect_warning(&json!({"hello": "world"})).contains("kan inte läsas"));
}

#[test]
fn a_missing_previous_file_is_a_warning_not_a_crash() {
    let sc = this_year();
    let out = sc.run(&["build", "--previous", "finns-inte.json"]);
    assert_eq!(code(&out), 0);
    assert!(has(
        sc.report()["diagnostics"].as_array().unwrap(),
        "previous-report",
        "finns-inte.json",
        None
    ));
}

/// Regression: a value shown in table 6 was `x` in table 11 when last year's was hidden,
/// and counts were shown with a decimal (`635,0`).
#[test]
fn table_11_hides_each_year_as_its_own_table_6_and_counts_have_no_decimals() {
    let sc = Scratch::new();
    xlsx(
        &sc.file("a.xlsx"),
        &[
            info("A"),
            initiatives(vec![vec![
                s("a1"),
                s("Ett"),
                s("digital"),
                s("Pågående"),
                n(1000.0),
            ]]),
            sheet(
                "Indikatorer",
                vec![
                    vec![s("Indikator"), s("Period"), s("Täljare")],
                    vec![s("avoided_admissions"), s("2025"), n(635.0)],
                ],
            ),
        ],
    );
    let mut previous = last_year("Region Exempel", 2024);
    previous["indicators"] = json!([
        {"indicator": "avoided_admissions", "administration": null, "period": "2024", "value": 3.0, "suppressed": true},
        {"indicator": "avoided_admissions", "administration": "A", "period": "2024", "value": 3.0, "suppressed": true}
    ]);
    let path = write_previous(&sc, &previous);
    assert_eq!(code(&sc.run(&["build", "--previous", &path])), 0);
    let rows = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 11");
    let region = rows
        .iter()
        .find(|r| r[0] == "Undvikta sjukhusinläggningar" && r[1] == "Hela regionen")
        .expect("the region's row");
    assert_eq!(region[2].to_string(), "x", "last year's hidden value");
    assert_eq!(num(&region[3]), 635.0, "this year's value as in table 6");
    assert_eq!(
        region[4].to_string(),
        "x",
        "the change would give last year's away"
    );
    let t6 = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 6");
    let shown = t6
        .iter()
        .find(|r| r[0] == "Undvikta sjukhusinläggningar" && r[1] == "Hela regionen")
        .unwrap();
    assert_eq!(num(&shown[2]), 635.0);
    let md = std::fs::read_to_string(sc.output().join("redovisning-2025.md")).unwrap();
    assert!(
        md.contains("| Undvikta sjukhusinläggningar | Hela regionen | x | 635 | x | procent |"),
        "{md}"
    );
    let html = std::fs::read_to_string(sc.output().join("redovisning-2025.html")).unwrap();
    assert!(!html.contains("635,0"), "a count with a decimal");
}

#[test]
fn a_renamed_initiative_is_a_warning_and_a_spelling_fix_is_not() {
    let sc = Scratch::new();
    xlsx(
        &sc.file("a.xlsx"),
        &[
            info("A"),
            initiatives(vec![
                // Last year "Ett": a typo of it continues.
                vec![s("a1"), s("Et"), s("digital"), s("Pågående"), n(1000.0)],
                // Last year "Gammal": another initiative under its id.
                vec![
                    s("a9"),
                    s("Brukarråd i psykiatrin"),
                    s("other"),
                    s("Pågående"),
                    n(500.0),
                ],
            ]),
        ],
    );
    let mut previous = last_year("Region Exempel", 2024);
    // Nedlagd's x1 was ongoing last year and is gone: not reported this year.
    previous["initiatives"][2]["status"] = json!("Pågående");
    previous["initiatives"][1]["status"] = json!("Genomförd");
    let previous = write_previous(&sc, &previous);
    let out = sc.run(&["build", "--previous", &previous, "--format", "json"]);
    assert_eq!(code(&out), 0);
    let diags = diagnostics(&out);
    let changed: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "changed-initiative")
        .collect();
    assert_eq!(changed.len(), 1, "{diags:#?}");
    let message = changed[0]["message"].as_str().unwrap();
    assert!(
        message.contains("Brukarråd i psykiatrin") && message.contains("Gammal"),
        "{message}"
    );
    assert_eq!(changed[0]["file"], "a.xlsx");
    assert_eq!(changed[0]["severity"], "warning");
    let c = &sc.report()["comparison"];
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|k| {
                format!(
                    "{}/{}",
                    k["administration"].as_str().unwrap(),
                    k["id"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(ids(&c["continuing"]), ["A/a1"]);
    assert_eq!(ids(&c["new"]), ["A/a9"]);
    assert_eq!(ids(&c["ended"]), ["A/a9"]);
    assert_eq!(ids(&c["missing"]), ["Nedlagd/x1"]);
    let md = std::fs::read_to_string(sc.output().join("redovisning-2025.md")).unwrap();
    assert!(md.contains("Ej redovisade i år"), "{md}");
    assert!(md.contains("- Nedlagd: Stängd (id x1)"), "{md}");
    // The warning is in the CSV too, and --deny-warnings makes check fail on it.
    let csv = std::fs::read_to_string(sc.output().join("avvikelser-2025.csv")).unwrap();
    assert!(csv.contains("changed-initiative"));
}
