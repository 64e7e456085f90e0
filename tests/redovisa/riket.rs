//! `redovisa riket` (SPEC 7): regions' reports rolled up, Riket recomputed here from the
//! input reports, `..`, `x` and its complement, `ej inkommen`, refused files named.

use serde_json::{Value, json};

use crate::common::*;

/// The example's report, as the region `name` with the named-doctor share's year figure
/// set to `numerator` / `denominator` (or without it when `None`).
fn region(example: &Value, name: &str, named_doctor: Option<(f64, f64)>) -> Value {
    let mut r = example.clone();
    r["region"] = json!(name);
    let year = r["year"].to_string();
    let mut indicators: Vec<Value> = r["indicators"].as_array().unwrap().clone();
    indicators.retain(|i| i["indicator"] != "named_doctor_share" || named_doctor.is_some());
    for i in &mut indicators {
        if i["indicator"] == "named_doctor_share"
            && i["administration"].is_null()
            && i["period"] == year.as_str()
        {
            let (n, d) = named_doctor.unwrap();
            i["numerator"] = json!(n);
            i["denominator"] = json!(d);
            i["value"] = json!(n / d * 100.0);
        }
    }
    r["indicators"] = Value::Array(indicators);
    r
}

fn write(dir: &std::path::Path, name: &str, value: &Value) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, value.to_string()).unwrap();
}

fn row<'a>(rows: &'a Value, key: &str, name: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r[key] == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

/// Three regions, one without the indicator, one with a small numerator, and a folder
/// of files that are no report of this roll-up.
fn national() -> (Scratch, Value) {
    let sc = example();
    let example = sc.report();
    let input = sc.dir.path().join("regioner");
    write(
        &input,
        "halland/redovisning-2025.json",
        &region(&example, "Region Halland", Some((600.0, 1000.0))),
    );
    write(
        &input,
        "skane-2025.json",
        &region(&example, "region skåne", Some((3.0, 40.0))),
    );
    write(
        &input,
        "uppsala/redovisning-2025.json",
        &region(&example, "Region Uppsala", Some((1200.0, 3000.0))),
    );
    write(
        &input,
        "gotland/redovisning-2025.json",
        &region(&example, "Region Gotland", None),
    );
    write(&input, "trasig.json", &json!([1, 2, 3]));
    let mut old = region(&example, "Region Dalarna", None);
    old["year"] = json!(2024);
    write(&input, "dalarna-2024.json", &old);
    let mut newer = region(&example, "Region Kalmar län", None);
    newer["schema_version"] = json!(101);
    write(&input, "kalmar.json", &newer);
    write(
        &input,
        "halland/kopia.json",
        &region(&example, "Region Halland", Some((600.0, 1000.0))),
    );
    (sc, example)
}

fn run_riket(sc: &Scratch, out: &str, extra: &[&str]) -> std::process::Output {
    let input = sc.dir.path().join("regioner");
    let output = sc.dir.path().join(out);
    let mut args = vec![
        "riket",
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
        "--date",
        "2026-04-15",
        "--format",
        "json",
    ];
    args.extend(extra);
    run_in(sc.dir.path(), &args)
}

#[test]
fn riket_is_the_ratio_of_the_regions_sums_and_says_who_is_missing() {
    let (sc, example) = national();
    // The bad files make it a draft: refused without --allow-errors, nothing written.
    let out = run_riket(&sc, "ut", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!sc.dir.path().join("ut").exists());
    let findings = diagnostics(&out);
    for (code, file) in [
        ("not-a-report", "trasig.json"),
        ("other-year", "dalarna-2024.json"),
        ("not-a-report", "kalmar.json"),
        ("duplicate-region", "halland/kopia.json"),
    ] {
        assert!(
            has(&findings, code, file, None),
            "{code} {file}: {findings:#?}"
        );
    }
    let out = run_riket(&sc, "ut", &["--allow-errors"]);
    assert_eq!(out.status.code(), Some(1));
    let n: Value = serde_json::from_str(
        &std::fs::read_to_string(sc.dir.path().join("ut/riket-2025.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(n["draft"], true);
    assert_eq!(n["reported"], 4);
    assert_eq!(n["expected"], 21);
    assert!(
        n["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "Region Dalarna")
    );

    // R4: Riket is the ratio of the sums of the three regions that report the share.
    let ind = row(&n["indicators"], "code", "named_doctor_share");
    let riket = &ind["riket"];
    assert_eq!(riket["regions"], 3);
    assert_eq!(riket["numerator"], 600.0 + 3.0 + 1200.0);
    assert_eq!(riket["denominator"], 1000.0 + 40.0 + 3000.0);
    let expected = (600.0 + 3.0 + 1200.0) / (1000.0 + 40.0 + 3000.0) * 100.0;
    assert!((riket["value"].as_f64().unwrap() - expected).abs() < 1e-9);
    // Gotland lacks it: `..`; Skåne's 3 is hidden, and the smallest other (Halland's
    // 600) with it, so that Riket minus Uppsala does not give Skåne away.
    let rows = &ind["rows"];
    assert_eq!(row(rows, "region", "Region Gotland")["symbol"], "..");
    assert_eq!(row(rows, "region", "Region Skåne")["symbol"], "x");
    assert_eq!(row(rows, "region", "Region Halland")["symbol"], "x");
    assert!(row(rows, "region", "Region Uppsala")["symbol"].is_null());
    assert_eq!(row(rows, "region", "Region Dalarna")["reported"], false);
    // The JSON keeps the hidden figure, as a region's does.
    assert_eq!(row(rows, "region", "Region Skåne")["numerator"], 3.0);

    // R1: money to the krona, Riket the sum of the four.
    let spent = example["totals"]["spent_kr"].as_f64().unwrap();
    assert_eq!(n["money_total"]["spent_kr"].as_f64().unwrap(), spent * 4.0);
    assert!(row(&n["money"], "region", "Region Dalarna")["spent_kr"].is_null());

    // The outputs say it too.
    let md = std::fs::read_to_string(sc.dir.path().join("ut/riket-2025.md")).unwrap();
    assert!(
        md.contains("| Region Dalarna | .. | .. | .. | .. | .. | .. | ej inkommen |"),
        "{md}"
    );
    assert!(md.contains("| Region Skåne | x | x | x |"), "{md}");
    assert!(md.contains("Riket (3 av 21 regioner)"));
    let html = std::fs::read_to_string(sc.dir.path().join("ut/riket-2025.html")).unwrap();
    assert!(html.contains("<html lang=\"sv\">") && html.contains("rutkarta"));
    for ext in ["xlsx", "pdf", "json", "html", "md"] {
        assert!(
            sc.dir.path().join(format!("ut/riket-2025.{ext}")).is_file(),
            "{ext}"
        );
    }
    assert!(sc.dir.path().join("ut/avvikelser-riket-2025.csv").is_file());
}

#[test]
fn reruns_are_byte_identical_and_the_pdf_reads_back() {
    let (sc, _) = national();
    run_riket(&sc, "a", &["--allow-errors"]);
    run_riket(&sc, "b", &["--allow-errors"]);
    for name in [
        "riket-2025.xlsx",
        "riket-2025.pdf",
        "riket-2025.html",
        "riket-2025.md",
        "riket-2025.json",
        "avvikelser-riket-2025.csv",
    ] {
        let a = std::fs::read(sc.dir.path().join("a").join(name)).unwrap();
        let b = std::fs::read(sc.dir.path().join("b").join(name)).unwrap();
        assert!(a == b, "{name} differs between runs");
    }
    let pdf = sc.dir.path().join("a/riket-2025.pdf");
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output();
    if let Some(out) = text.ok().filter(|o| o.status.success()) {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Tabell R4.1"), "{text}");
        assert!(text.contains("ej inkommen"));
        assert!(text.contains("rutkarta"));
    }
    let bytes = std::fs::read(&pdf).unwrap();
    let pdf_text = String::from_utf8_lossy(&bytes);
    assert!(pdf_text.contains("pdfaid") || bytes.windows(6).any(|w| w == b"pdfaid"));
}

#[test]
fn an_unknown_name_is_its_own_row_with_the_closest_region_and_no_report_is_no_input() {
    let sc = example();
    let example = sc.report();
    let input = sc.dir.path().join("regioner");
    write(
        &input,
        "haland.json",
        &region(&example, "Region Haland", Some((60.0, 100.0))),
    );
    let out = run_riket(&sc, "ut", &[]);
    assert_eq!(code(&out), 0);
    let findings = diagnostics(&out);
    let d = findings
        .iter()
        .find(|d| d["code"] == "unknown-region")
        .unwrap();
    assert_eq!(d["hint"], "menade du Region Halland?");
    let n: Value = serde_json::from_str(
        &std::fs::read_to_string(sc.dir.path().join("ut/riket-2025.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(n["reported"], 0);
    assert_eq!(row(&n["regions"], "name", "Region Haland")["listed"], false);

    let empty = sc.dir.path().join("tom");
    std::fs::create_dir_all(&empty).unwrap();
    let out = run_in(
        sc.dir.path(),
        &[
            "riket",
            "--input",
            empty.to_str().unwrap(),
            "--output",
            "ut2",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(has(&diagnostics(&out), "no-input", "", None));
    assert!(!sc.dir.path().join("ut2").exists());
}

#[test]
fn the_sample_regions_roll_up_with_every_case() {
    let sc = Scratch::new();
    let out = run_in(
        sc.dir.path(),
        &["sample", "--riket", "--date", "2026-03-31"],
    );
    assert_eq!(code(&out), 0);
    let out = run_in(
        sc.dir.path(),
        &[
            "riket",
            "--input",
            "regioner",
            "--output",
            "ut",
            "--date",
            "2026-04-15",
        ],
    );
    assert_eq!(code(&out), 0);
    let n: Value = serde_json::from_str(
        &std::fs::read_to_string(sc.dir.path().join("ut/riket-2025.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(n["reported"], 5);
    let count = row(&n["indicators"], "code", "avoided_admissions");
    assert_eq!(
        row(&count["rows"], "region", "Region Gotland")["numerator"],
        3.0
    );
    assert_eq!(
        row(&count["rows"], "region", "Region Gotland")["suppressed"],
        true
    );
    let digital = row(&n["indicators"], "code", "digital_contacts_share");
    assert_eq!(
        row(&digital["rows"], "region", "Region Uppsala")["symbol"],
        ".."
    );
    let akut = row(&n["areas"]["columns"], "code", "akut");
    assert_eq!(akut["used_by"], json!(["Region Dalarna"]));
    // A second sample into the same folder is refused.
    let again = run_in(sc.dir.path(), &["sample", "--riket"]);
    assert_eq!(again.status.code(), Some(2));
}

/// `templates check` renders the roll-up's templates too: a misspelt name in
/// `riket.md.j2` is an error naming it, and a template folder without the roll-up's
/// templates gets the built-in ones.
#[test]
fn templates_check_renders_the_national_templates() {
    let sc = Scratch::new();
    std::fs::copy(
        repo().join("input/narsjukvarden.xlsx"),
        sc.file("narsjukvarden.xlsx"),
    )
    .unwrap();
    let dir = sc.dir.path().join("mallar");
    std::fs::create_dir(&dir).unwrap();
    for entry in std::fs::read_dir(repo().join("templates")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("riket.") {
            std::fs::copy(entry.path(), dir.join(&name)).unwrap();
        }
    }
    let templates = dir.to_str().unwrap();
    let out = sc.run(&["templates", "check", "--templates", templates]);
    assert_eq!(code(&out), 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("riket.typ.j2: ok"));
    let md = std::fs::read_to_string(repo().join("templates/riket.md.j2")).unwrap();
    std::fs::write(
        dir.join("riket.md.j2"),
        md.replacen("{{ reported | num }}", "{{ reportedd | num }}", 1),
    )
    .unwrap();
    let out = sc.run(&["templates", "check", "--templates", templates]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("riket.md.j2") && err.contains("`reportedd`"),
        "{err}"
    );
    assert!(err.contains("menade du reported?"), "{err}");
}
