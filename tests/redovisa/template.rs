//! `redovisa template`: the blank input workbook — its dropdown lists follow the
//! configuration, and a template filled with valid values passes `check` untouched.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use redovisa::config::Config;
use redovisa::internals::{Cell, Prefill, workbook};
use redovisa::value::Date;

use crate::common::*;

/// `(sqref, formula1)` of every list validation in a sheet's XML.
fn list_validations(xlsx_path: &Path, sheet_index: usize) -> Vec<(String, String)> {
    let file = std::fs::File::open(xlsx_path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{sheet_index}.xml"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.split("<dataValidation ")
        .skip(1)
        .filter(|v| v.starts_with("type=\"list\""))
        .map(|v| {
            let sqref = v
                .split("sqref=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string();
            let formula = v
                .split("<formula1>")
                .nth(1)
                .unwrap()
                .split("</formula1>")
                .next()
                .unwrap()
                .to_string();
            (sqref, formula)
        })
        .collect()
}

/// The values of a list formula such as `Listor!$A$2:$A$7`, read from the workbook.
fn list_values(xlsx_path: &Path, formula: &str) -> Vec<String> {
    let (sheet, range) = formula.trim_start_matches('=').split_once('!').unwrap();
    let (from, to) = range.split_once(':').unwrap();
    let row = |r: &str| {
        r.trim_start_matches('$')
            .split('$')
            .nth(1)
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    let col = from.trim_start_matches('$').split('$').next().unwrap();
    let col = col
        .bytes()
        .fold(0usize, |n, b| n * 26 + (b - b'A' + 1) as usize)
        - 1;
    let mut wb: Xlsx<_> = open_workbook(xlsx_path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    (row(from)..=row(to))
        .map(|r| match range.get_value(((r - 1) as u32, col as u32)) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Float(f)) => f.to_string(),
            other => panic!("unexpected list cell {other:?}"),
        })
        .collect()
}

fn write_template(config_text: Option<&str>) -> (Scratch, std::path::PathBuf) {
    let sc = Scratch::new();
    let to = sc.dir.path().join("mallar");
    let mut args = vec![
        "template",
        "--administration",
        "Närsjukvården",
        "--to",
        to.to_str().unwrap(),
    ];
    let config = sc.dir.path().join("konfig.toml");
    if let Some(text) = config_text {
        std::fs::write(&config, text).unwrap();
        args.extend(["--config", config.to_str().unwrap()]);
    }
    assert_eq!(code(&run_in(sc.dir.path(), &args)), 0);
    let path = to.join("mall-narsjukvarden-2025.xlsx");
    assert!(path.exists());
    (sc, path)
}

#[test]
fn dropdowns_list_the_configured_areas_statuses_and_indicators() {
    let (_sc, path) = write_template(None);
    let config = Config::default_config();
    // Sheets: Anvisningar, Uppgifter, Insatser, Indikatorer, Listor.
    let insatser = list_validations(&path, 3);
    let by_column = |v: &[(String, String)], col: &str| {
        v.iter()
            .find(|(sqref, _)| sqref.starts_with(col))
            .unwrap_or_else(|| panic!("no list on column {col}: {v:?}"))
            .1
            .clone()
    };
    let areas: Vec<String> = config.areas.iter().map(|a| a.label.clone()).collect();
    assert_eq!(list_values(&path, &by_column(&insatser, "D2")), areas);
    assert_eq!(
        list_values(&path, &by_column(&insatser, "F2")),
        ["Planerad", "Pågående", "Genomförd", "Avbruten"]
    );
    assert_eq!(
        list_values(&path, &by_column(&insatser, "E2")),
        ["1", "2", "3", "4"]
    );
    assert_eq!(
        list_values(&path, &by_column(&insatser, "M2")),
        ["Ja", "Nej"]
    );
    let indikatorer = list_validations(&path, 4);
    let indicators: Vec<String> = config.indicators.iter().map(|i| i.label.clone()).collect();
    assert_eq!(
        list_values(&path, &by_column(&indikatorer, "A2")),
        indicators
    );
    let periods = list_values(&path, &by_column(&indikatorer, "C2"));
    assert!(periods.contains(&"2025".to_string()) && periods.contains(&"2025-Q4".to_string()));
    // The headers are exactly the ones `redovisa` reads.
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let header: Vec<String> = wb
        .worksheet_range("Insatser")
        .unwrap()
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    let expected: Vec<&str> = redovisa::internals::INITIATIVE_COLUMNS
        .iter()
        .map(|c| c.header)
        .collect();
    assert_eq!(header, expected);
    let info = wb.worksheet_range("Uppgifter").unwrap();
    assert_eq!(
        info.get_value((0, 1)),
        Some(&Data::String("Närsjukvården".into()))
    );
    assert_eq!(info.get_value((1, 1)), Some(&Data::Float(2025.0)));
}

#[test]
fn changed_areas_in_the_configuration_change_the_dropdown() {
    let text = redovisa::config::DEFAULT_TOML.replace(
        "[[areas]]\ncode = \"other\"\nlabel = \"Övrigt\"\naliases = [\"Annat\"]",
        "[[areas]]\ncode = \"health\"\nlabel = \"Hälsofrämjande arbete\"\naliases = []",
    );
    assert_ne!(text, redovisa::config::DEFAULT_TOML);
    let (_sc, path) = write_template(Some(&text));
    let insatser = list_validations(&path, 3);
    let formula = &insatser
        .iter()
        .find(|(s, _)| s.starts_with("D2"))
        .unwrap()
        .1;
    let values = list_values(&path, formula);
    assert_eq!(values.last().unwrap(), "Hälsofrämjande arbete");
    assert!(!values.contains(&"Övrigt".to_string()));
    assert_eq!(values.len(), 6);
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

#[test]
fn a_filled_template_passes_check_with_no_diagnostics_and_values_come_through() {
    let config = Config::default_config();
    let d = |y, m, day| Cell::Date(Date::new(y, m, day).unwrap());
    let prefill = Prefill {
        initiatives: vec![
            vec![
                t("T-1"),
                t("Digitala vårdmöten"),
                t("Video och chatt"),
                t("Digital teknik i patientmöten och analys"),
                Cell::Number(1.0),
                t("Pågående"),
                d(2025, 2, 1),
                Cell::Empty,
                Cell::Number(500_000.0),
                Cell::Number(412_345.5),
                Cell::Number(300_000.0),
                t("Listade invånare"),
                t("Ja"),
                Cell::Empty,
                t("Kim"),
            ],
            vec![
                t("T-2"),
                t("Planerat utbildningsprojekt"),
                Cell::Empty,
                t("Utbildningssatsningar"),
                Cell::Number(3.0),
                t("Planerad"),
            ],
        ],
        indicators: vec![
            vec![
                t("Andel listade med fast läkarkontakt"),
                t("VC Norr"),
                t("2025-12"),
                Cell::Number(55.0),
                Cell::Number(100.0),
                t("T-1"),
            ],
            vec![
                t("Undvikta sjukhusinläggningar"),
                t("VC Norr"),
                t("2025"),
                Cell::Number(12.0),
            ],
        ],
    };
    let bytes = workbook(&config, "Testförvaltningen", &prefill).unwrap();
    let sc = Scratch::new();
    std::fs::write(sc.file("ifylld.xlsx"), bytes).unwrap();
    let out = sc.run(&["check", "--format", "json", "--deny-warnings"]);
    assert_eq!(code(&out), 0);
    assert!(diagnostics(&out).is_empty(), "{:#?}", diagnostics(&out));
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    let i = &r["initiatives"][0];
    assert_eq!(i["administration"], "Testförvaltningen");
    assert_eq!(i["id"], "T-1");
    assert_eq!(i["area"], "digital");
    assert_eq!(i["shift"], 1);
    assert_eq!(i["start"], "2025-02-01");
    assert_eq!(i["spent_kr"], 412_345.5);
    assert_eq!(i["agreement_funds_kr"], 300_000.0);
    assert_eq!(i["municipal_cooperation"], true);
    assert_eq!(r["initiatives"][1]["status"], "Planerad");
    assert_eq!(r["files"][0]["accepted"], 4);
}

#[test]
fn one_template_per_administration_of_last_years_input() {
    let sc = Scratch::new();
    let to = sc.dir.path().join("mallar");
    let input = repo().join("input");
    let out = run_in(
        sc.dir.path(),
        &[
            "template",
            "--from",
            input.to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 0);
    let count = std::fs::read_dir(&to).unwrap().count();
    assert_eq!(count, std::fs::read_dir(&input).unwrap().count());
    // Prefilled with last year's ongoing initiatives, whose status is this year's to
    // give: until it is, check says so, and about nothing else.
    let out = run_in(
        sc.dir.path(),
        &["check", "--input", to.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(code(&out), 1);
    let diags = diagnostics(&out);
    assert!(!diags.is_empty());
    for d in &diags {
        assert_eq!(d["sheet"], "Insatser", "{d}");
        assert!(d["message"].as_str().unwrap().contains("Status"), "{d}");
    }
}

/// A cell read back as the test writer's value.
fn as_written(d: &Data) -> V {
    match d {
        Data::String(t) => s(t),
        Data::Float(f) => n(*f),
        Data::Int(i) => n(*i as f64),
        Data::Bool(b) => V::B(*b),
        Data::DateTime(dt) => {
            let d = dt.as_datetime().unwrap().date();
            let (y, m, day) = (d.format("%Y"), d.format("%m"), d.format("%d"));
            V::D(
                y.to_string().parse().unwrap(),
                m.to_string().parse().unwrap(),
                day.to_string().parse().unwrap(),
            )
        }
        _ => V::E,
    }
}

#[test]
fn next_years_workbooks_carry_last_years_ongoing_initiatives() {
    let sc = example();
    let report = sc.report();
    let to = sc.dir.path().join("mallar");
    let json = sc.output().join("redovisning-2025.json");
    let out = run_in(
        sc.dir.path(),
        &[
            "template",
            "--from",
            json.to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 0);
    let mut filled_one = false;
    for a in report["by_administration"].as_array().unwrap() {
        let admin = a["administration"].as_str().unwrap();
        let expected: Vec<&str> = report["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["administration"] == admin)
            .filter(|i| i["status"] == "Planerad" || i["status"] == "Pågående")
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        let file = to.join(redovisa::internals::file_name(admin, 2025));
        let rows = sheet_rows(&file, "Insatser");
        let ids: Vec<String> = rows[1..]
            .iter()
            .map(|r| r[0].to_string())
            .filter(|id| !id.is_empty())
            .collect();
        assert_eq!(ids, expected, "{admin}");
        let status = rows[0].iter().position(|h| *h == "Status").unwrap();
        assert!(
            rows[1..]
                .iter()
                .all(|r| r.get(status).is_none_or(|c| *c == Data::Empty))
        );
        if filled_one || ids.is_empty() {
            continue;
        }
        // The administration fills in this year's cells and hands the workbook in.
        let header = &rows[0];
        let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
        let mut sheet_rows_filled: Vec<Vec<V>> = vec![header.iter().map(as_written).collect()];
        for r in rows[1..].iter().filter(|r| !r[0].to_string().is_empty()) {
            let mut cells: Vec<V> = r.iter().map(as_written).collect();
            cells.resize(header.len(), V::E);
            cells[col("Status")] = s("Pågående");
            cells[col("Använda medel")] = n(1000.0);
            cells[col("Varav överenskommelsemedel")] = n(500.0);
            sheet_rows_filled.push(cells);
        }
        let info = sheet_rows(&file, "Uppgifter")
            .iter()
            .map(|r| r.iter().map(as_written).collect())
            .collect();
        let next = Scratch::new();
        xlsx(
            &next.file("ifylld.xlsx"),
            &[
                sheet("Uppgifter", info),
                sheet("Insatser", sheet_rows_filled),
            ],
        );
        let out = next.run(&["check", "--format", "json"]);
        assert_eq!(
            diagnostics(&out),
            Vec::<serde_json::Value>::new(),
            "{admin}"
        );
        assert_eq!(code(&out), 0);
        filled_one = true;
    }
    assert!(filled_one);
}
