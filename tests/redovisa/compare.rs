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

/// How last year went, for [`last_year`].
struct LastYear<'a> {
    /// The status of Nedlagd's x1 at the end of last year.
    x1: &'a str,
    /// Indicator rows of A besides the named-doctor share.
    indicators: Vec<Vec<V>>,
}

impl Default for LastYear<'_> {
    fn default() -> Self {
        LastYear {
            x1: "Genomförd",
            indicators: Vec::new(),
        }
    }
}

/// Last year's report, written by the program from last year's workbooks: A (digital
/// 800 kr, and 400 kr in an area that no longer exists; a named-doctor share of 50/100)
/// and Nedlagd (closed since, 100 kr in the old area); 1 300 kr in all.
fn last_year(how: LastYear<'_>) -> Value {
    let sc = Scratch::new();
    std::fs::write(
        sc.dir.path().join("redovisa.toml"),
        format!(
            "{}\n[[areas]]\ncode = \"old_area\"\nlabel = \"Gammalt område\"\naliases = []\n",
            redovisa::config::DEFAULT_TOML
        ),
    )
    .unwrap();
    let mut indicators = vec![
        vec![s("Indikator"), s("Period"), s("Täljare"), s("Nämnare")],
        vec![s("named_doctor_share"), s("2024"), n(50.0), n(100.0)],
    ];
    indicators.extend(how.indicators);
    xlsx(
        &sc.file("a.xlsx"),
        &[
            info_2024("A"),
            initiatives(vec![
                vec![s("a1"), s("Ett"), s("digital"), s("Pågående"), n(800.0)],
                vec![
                    s("a9"),
                    s("Gammal"),
                    s("Gammalt område"),
                    s("Genomförd"),
                    n(400.0),
                ],
            ]),
            sheet("Indikatorer", indicators),
        ],
    );
    xlsx(
        &sc.file("nedlagd.xlsx"),
        &[
            info_2024("Nedlagd"),
            initiatives(vec![vec![
                s("x1"),
                s("Stängd"),
                s("old_area"),
                s(how.x1),
                n(100.0),
            ]]),
        ],
    );
    assert_eq!(
        code(&sc.run(&["build", "--year", "2024"])),
        0,
        "last year's build"
    );
    let text = std::fs::read_to_string(sc.output().join("redovisning-2024.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The `Uppgifter` sheet of last year.
fn info_2024(administration: &str) -> Sheet {
    sheet(
        "Uppgifter",
        vec![
            vec![s("Förvaltning"), s(administration)],
            vec![s("Redovisningsår"), n(2024.0)],
        ],
    )
}

/// Last year's report as another region's or another year's.
fn as_of(mut report: Value, region: &str, year: i32) -> Value {
    report["region"] = json!(region);
    report["year"] = json!(year);
    report
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
    let previous = write_previous(&sc, &last_year(LastYear::default()));
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
    // training had nothing last year (every area has its row in the report), so it has
    // a change but none in per cent; old_area existed only last year.
    let training = row(&c["by_area"], "training");
    assert_eq!(training["spent_kr"]["previous"], 0.0);
    assert_eq!(training["spent_kr"]["change"], 500.0);
    assert!(training["spent_kr"]["change_pct"].is_null());
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
        serde_json::to_string(&last_year(LastYear::default())).unwrap(),
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
    let last = last_year(LastYear::default());
    assert!(expect_warning(&as_of(last.clone(), "Region Annan", 2024)).contains("Region Annan"));
    assert!(expect_warning(&as_of(last, "Region Exempel", 2023)).contains("2023"));
}

/// `--previous` names a file that must be last year's report (SPEC 3.3): one that is
/// missing, is no report, lacks its parts, or is of a newer version stops the run with
/// exit 2 and a Swedish message naming the file; nothing is written.
#[test]
fn a_previous_report_named_that_cannot_be_read_stops_the_run() {
    let mut newer = last_year(LastYear::default());
    newer["schema_version"] = json!(101);
    let cases = [
        (json!([1, 2, 3]), "ingen redovisning från redovisa"),
        (
            json!({"year": 2024, "region": "Region Exempel"}),
            "redovisningen saknar `area_matrix`",
        ),
        (json!({"hello": "world"}), "inget år och ingen region"),
        (newer, "schema_version 101, nyare än"),
    ];
    for (previous, expected) in cases {
        let sc = this_year();
        let path = write_previous(&sc, &previous);
        let out = sc.run(&["build", "--previous", &path]);
        assert_eq!(code(&out), 2, "{previous}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("redovisa: {path}: ")) && stderr.contains(expected),
            "{stderr}"
        );
        assert!(!sc.output().join("redovisning-2025.json").exists());
    }
    let sc = this_year();
    let out = sc.run(&["build", "--previous", "finns-inte.json"]);
    assert_eq!(code(&out), 2);
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("kan inte läsa finns-inte.json: filen eller mappen finns inte")
    );
}

/// Last year's report found in the output folder is not asked for: one that cannot be
/// read is a warning, and the report is written without a comparison.
#[test]
fn a_found_previous_report_that_cannot_be_read_is_a_warning() {
    let sc = this_year();
    std::fs::create_dir_all(sc.output()).unwrap();
    std::fs::write(
        sc.output().join("redovisning-2024.json"),
        r#"{"year": 2024, "region": "Region Exempel"}"#,
    )
    .unwrap();
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    assert!(r["comparison"].is_null());
    let d = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "previous-report")
        .expect("a previous-report warning");
    assert_eq!(d["severity"], "warning");
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("saknar") && message.contains("ingen jämförelse görs"),
        "{message}"
    );
    assert!(
        d["file"]
            .as_str()
            .unwrap()
            .ends_with("redovisning-2024.json")
    );
}

/// A report written before `schema_version` existed (version 0) is read: last year's
/// report from the program of last year.
#[test]
fn a_report_of_version_0_is_compared_with() {
    let mut old = last_year(LastYear::default());
    let object = old.as_object_mut().unwrap();
    for part in [
        "schema_version",
        "texts",
        "chapters",
        "shifts",
        "shift_not_given",
        "cooperation",
        "linked_indicators",
    ] {
        assert!(object.remove(part).is_some(), "{part}");
    }
    let sc = this_year();
    let path = write_previous(&sc, &old);
    assert_eq!(code(&sc.run(&["build", "--previous", &path])), 0);
    let c = &sc.report()["comparison"];
    assert_eq!(c["previous_year"], 2024);
    assert_eq!(c["totals"]["spent_kr"]["previous"], 1300.0);
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
    // Last year's 3 avoided admissions were hidden (fewer than 5).
    let previous = last_year(LastYear {
        indicators: vec![vec![s("avoided_admissions"), s("2024"), n(3.0), V::E]],
        ..LastYear::default()
    });
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
    // Nedlagd's x1 was ongoing last year and is gone: not reported this year.
    let previous = last_year(LastYear {
        x1: "Pågående",
        ..LastYear::default()
    });
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
