//! The report as a contract (SPEC 3.3): every report the program writes validates
//! against `schema/redovisning.schema.json`, and what is not a report is refused where a
//! report is read (`--previous`, `template --from`).

use serde_json::{Value, json};

use crate::common::*;

/// The schema the repository ships, compiled.
fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("schema/redovisning.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// The schema's complaints about `report`, one line each (empty when it validates).
fn violations(validator: &jsonschema::Validator, report: &Value) -> Vec<String> {
    validator
        .iter_errors(report)
        .take(20)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The example, and the example again with itself as last year's report (so that the
/// comparison is there too), validate; so does what the schema is not vacuous about.
#[test]
fn the_example_and_its_comparison_validate_against_the_schema() {
    let v = validator();
    let sc = example();
    let report = sc.report();
    assert_eq!(report["schema_version"], 1);
    assert_eq!(violations(&v, &report), Vec::<String>::new());

    // Last year's report is this one a year earlier.
    let mut previous = report.clone();
    previous["year"] = json!(2024);
    let previous_path = sc.dir.path().join("redovisning-2024.json");
    std::fs::write(&previous_path, previous.to_string()).unwrap();
    let input = repo().join("input");
    let out = run_in(
        sc.dir.path(),
        &[
            "--input",
            input.to_str().unwrap(),
            "--output",
            sc.output().to_str().unwrap(),
            "--date",
            "2026-03-31",
            "--previous",
            previous_path.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 0);
    let compared = sc.report();
    assert!(compared["comparison"].is_object(), "the comparison is made");
    assert_eq!(violations(&v, &compared), Vec::<String>::new());

    // The schema holds the parts a reader needs: without them a report does not validate.
    for part in ["year", "region", "totals", "initiatives", "diagnostics"] {
        let mut without = report.clone();
        without.as_object_mut().unwrap().remove(part);
        assert!(!v.is_valid(&without), "a report without {part} validated");
    }
    let mut odd = report.clone();
    odd["totals"]["spent_kr"] = json!("mycket");
    assert!(!v.is_valid(&odd), "money as a word validated");
    odd = report.clone();
    odd["initiatives"][0]["status"] = json!("Klar");
    assert!(!v.is_valid(&odd), "a status that is none validated");
}

/// A country-sized shape (many administrations, units reporting part of the year,
/// errors, rejected rows, a draft) validates too.
#[test]
fn a_national_draft_with_partial_units_and_rejected_rows_validates() {
    let sc = Scratch::new();
    let out = sc.run(&[
        "sample",
        "--administrations",
        "24",
        "--rows",
        "20",
        "--clinics",
        "3",
        "--partial",
        "20",
        "--seed",
        "7",
    ]);
    assert_eq!(code(&out), 0);
    // One administration's workbook with a row that is rejected.
    simple_book(
        &sc.file("trasig.xlsx"),
        "Trasig förvaltning",
        vec![
            vec![s("Ett"), s("digital"), s("Pågående"), n(1000.0)],
            vec![s("Två"), s("ingenting"), s("Kanske"), n(10.0)],
        ],
    );
    // A draft: the data has errors (exit 1), the report is written all the same.
    let out = sc.run(&["build", "--allow-errors"]);
    assert_eq!(out.status.code(), Some(1));
    let report = sc.report();
    assert_eq!(report["draft"], true);
    assert!(!report["rejected"].as_array().unwrap().is_empty());
    assert!(!report["partial_units"].as_array().unwrap().is_empty());
    assert!(report["by_administration"].as_array().unwrap().len() >= 25);
    assert_eq!(violations(&validator(), &report), Vec::<String>::new());
}

/// What is not a report is refused by `template --from` as by `--previous` (exit 2, the
/// file named, in Swedish), and an older report without `schema_version` is read.
#[test]
fn template_from_refuses_what_is_not_a_report_and_reads_version_0() {
    let sc = example();
    let report = sc.report();
    let to = sc.dir.path().join("mallar");
    for (name, text, says) in [
        (
            "lista.json",
            json!([1, 2, 3]).to_string(),
            "ingen redovisning",
        ),
        (
            "tom.json",
            json!({"year": 2025, "region": "Region Exempel"}).to_string(),
            "saknar",
        ),
        (
            "ny.json",
            {
                let mut r = report.clone();
                r["schema_version"] = json!(101);
                r.to_string()
            },
            "schema_version 101",
        ),
        ("trasig.json", "{\"year\": 20".to_string(), "JSON"),
    ] {
        let path = sc.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = run_in(
            sc.dir.path(),
            &[
                "template",
                "--from",
                path.to_str().unwrap(),
                "--to",
                to.to_str().unwrap(),
            ],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(path.to_str().unwrap()), "{name}: {err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(!to.exists(), "{name}: nothing is written");
    }

    // Version 0: the report as the program wrote it before schema_version existed.
    let mut old = report.clone();
    let fields = old.as_object_mut().unwrap();
    for new_in_1 in [
        "schema_version",
        "texts",
        "chapters",
        "shifts",
        "shift_not_given",
        "cooperation",
        "linked_indicators",
    ] {
        fields.remove(new_in_1);
    }
    let path = sc.dir.path().join("fjol.json");
    std::fs::write(&path, old.to_string()).unwrap();
    let out = run_in(
        sc.dir.path(),
        &[
            "template",
            "--from",
            path.to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 0);
    assert_eq!(
        std::fs::read_dir(&to).unwrap().count(),
        report["by_administration"].as_array().unwrap().len()
    );
}
