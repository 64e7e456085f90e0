//! One test per rule of SPEC section 2: a workbook built with exactly that fault, and the
//! diagnostic's code, severity and cell asserted.

use serde_json::Value;

use crate::common::*;
use crate::indicator_rules::share;

const HEADER: [&str; 9] = [
    "Id",
    "Insats",
    "Insatsområde",
    "Status",
    "Startdatum",
    "Slutdatum",
    "Budget",
    "Använda medel",
    "Varav överenskommelsemedel",
];

/// A valid initiative row with the standard header's columns.
pub(crate) fn good(id: &str) -> Vec<V> {
    vec![
        s(id),
        s("Insats"),
        s("digital"),
        s("Pågående"),
        V::D(2025, 1, 1),
        V::D(2025, 12, 31),
        n(100.0),
        n(80.0),
        n(50.0),
    ]
}

fn with(mut row: Vec<V>, col: usize, v: V) -> Vec<V> {
    row[col] = v;
    row
}

/// Checks a workbook `a.xlsx` with the standard header, `rows` of initiatives and
/// optionally an indicator sheet; returns the exit code and diagnostics.
pub(crate) fn check_book(rows: Vec<Vec<V>>, indicators: Option<Vec<Vec<V>>>) -> (i32, Vec<Value>) {
    let sc = Scratch::new();
    let mut all = vec![HEADER.iter().map(|h| s(h)).collect()];
    all.extend(rows);
    let mut sheets = vec![info("A"), sheet("Insatser", all)];
    if let Some(rows) = indicators {
        let mut all = vec![vec![
            s("Indikator"),
            s("Enhet"),
            s("Period"),
            s("Täljare"),
            s("Nämnare"),
            s("Insats-id"),
        ]];
        all.extend(rows);
        sheets.push(sheet("Indikatorer", all));
    }
    xlsx(&sc.file("a.xlsx"), &sheets);
    let out = sc.run(&["check", "--format", "json"]);
    (out.status.code().unwrap_or(-1), diagnostics(&out))
}

pub(crate) fn find<'a>(diags: &'a [Value], code: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} among {diags:#?}"))
}

fn assert_error(rows: Vec<Vec<V>>, code: &str, cell: &str) -> Value {
    let (exit, diags) = check_book(rows, None);
    assert_eq!(exit, 1, "{diags:#?}");
    let d = find(&diags, code);
    assert_eq!(d["cell"], cell, "{d:#}");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "a.xlsx");
    assert_eq!(d["sheet"], "Insatser");
    d.clone()
}

#[test]
fn valid_rows_give_no_diagnostics() {
    let (exit, diags) = check_book(vec![good("1"), good("2")], None);
    assert_eq!(exit, 0);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn missing_sheet() {
    let sc = Scratch::new();
    xlsx(
        &sc.file("a.xlsx"),
        &[info("A"), sheet("Insatsr", vec![vec![s("Insats")]])],
    );
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let diags = diagnostics(&out);
    let d = find(&diags, "missing-sheet");
    assert_eq!(d["severity"], "error");
    assert!(d["hint"].as_str().unwrap().contains("Insatsr"));
}

#[test]
fn missing_required_column() {
    let sc = Scratch::new();
    xlsx(
        &sc.file("a.xlsx"),
        &[
            info("A"),
            sheet(
                "Insatser",
                vec![vec![s("Insats"), s("Status")], vec![s("x"), s("Pågående")]],
            ),
        ],
    );
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let d = find(&diagnostics(&out), "missing-column").clone();
    assert!(d["message"].as_str().unwrap().contains("Insatsområde"));
    assert_eq!(d["cell"], "A1");
}

#[test]
fn missing_required_value() {
    assert_error(vec![with(good("1"), 3, V::E)], "missing-value", "D2");
}

#[test]
fn spent_is_required_unless_planned() {
    assert_error(vec![with(good("1"), 7, V::E)], "missing-value", "H2");
    let planned = with(with(with(good("1"), 3, s("Planerad")), 7, V::E), 8, V::E);
    assert_eq!(check_book(vec![planned], None).0, 0);
}

#[test]
fn value_of_the_wrong_type() {
    let d = assert_error(
        vec![with(good("1"), 4, s("första mars"))],
        "type-error",
        "E2",
    );
    assert!(d["message"].as_str().unwrap().contains("\"första mars\""));
}

#[test]
fn unknown_enumerated_value_with_a_hint() {
    let d = assert_error(
        vec![with(good("1"), 2, s("Digitaliseing"))],
        "unknown-value",
        "C2",
    );
    assert_eq!(d["hint"], "menade du \"Digitalisering\"?");
    assert_error(vec![with(good("1"), 3, s("Klar"))], "unknown-value", "D2");
}

#[test]
fn negative_money() {
    assert_error(vec![with(good("1"), 6, n(-5.0))], "constraint-error", "G2");
}

/// The cells of every error with `code`, in order.
pub(crate) fn error_cells(diags: &[Value], code: &str) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d["code"] == code && d["severity"] == "error")
        .map(|d| d["cell"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn agreement_funds_above_spent_is_an_error_on_both_cells() {
    let (exit, diags) = check_book(vec![with(good("1"), 8, n(81.0))], None);
    assert_eq!(exit, 1);
    assert_eq!(error_cells(&diags, "constraint-error"), ["H2", "I2"]);
}

#[test]
fn agreement_funds_on_a_planned_initiative_with_nothing_spent() {
    // Regression: a Planerad initiative with Använda medel blank and 99 999 999 in
    // agreement funds passed, and the report showed a utilisation of 147,9 %.
    let planned = with(
        with(with(good("1"), 3, s("Planerad")), 7, V::E),
        8,
        n(99_999_999.0),
    );
    let (exit, diags) = check_book(vec![planned, good("2")], None);
    assert_eq!(exit, 1, "{diags:#?}");
    assert_eq!(error_cells(&diags, "constraint-error"), ["H2", "I2"]);
    let i2 = diags.iter().find(|d| d["cell"] == "I2").unwrap();
    assert!(i2["message"].as_str().unwrap().contains("tomt"), "{i2}");
    // Planned with nothing spent and no agreement funds is fine.
    let planned = with(with(with(good("1"), 3, s("Planerad")), 7, V::E), 8, V::E);
    assert_eq!(check_book(vec![planned], None).0, 0);
}

#[test]
fn end_before_start() {
    assert_error(
        vec![with(good("1"), 5, V::D(2024, 12, 31))],
        "constraint-error",
        "F2",
    );
}

#[test]
fn name_longer_than_200_characters() {
    assert_error(
        vec![with(good("1"), 1, s(&"å".repeat(201)))],
        "constraint-error",
        "B2",
    );
}

#[test]
fn duplicate_id() {
    assert_error(vec![good("7"), good("7")], "duplicate-id", "A3");
}

#[test]
fn excel_error_value() {
    let sc = Scratch::new();
    // An error value as the cached result of a formula.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Insatser").unwrap();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 1, "Insats").unwrap();
    ws.write_string(1, 2, "digital").unwrap();
    ws.write_string(1, 3, "Pågående").unwrap();
    ws.write_formula(
        1,
        7,
        rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!"),
    )
    .unwrap();
    wb.save(sc.file("a.xlsx")).unwrap();
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let diags = diagnostics(&out);
    let d = find(&diags, "cell-error");
    assert_eq!(d["cell"], "H2");
    assert!(d["message"].as_str().unwrap().contains("#DIV/0!"));
}

#[test]
fn totals_row_that_disagrees_is_a_warning_with_the_difference() {
    let totals = vec![
        V::E,
        s("Totalt"),
        V::E,
        V::E,
        V::E,
        V::E,
        n(200.0),
        n(150.0),
    ];
    let (exit, diags) = check_book(vec![good("1"), good("2"), totals], None);
    assert_eq!(exit, 0);
    let d = find(&diags, "totals-mismatch");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["cell"], "H4");
    assert!(
        d["message"].as_str().unwrap().contains("skillnad -10 kr"),
        "{d}"
    );
    assert_eq!(find(&diags, "totals-row")["severity"], "notice");
}

#[test]
fn report_year_other_than_configured() {
    let sc = Scratch::new();
    let info = sheet(
        "Uppgifter",
        vec![
            vec![s("Förvaltning"), s("A")],
            vec![s("Redovisningsår"), n(2024.0)],
        ],
    );
    let rows = vec![HEADER.iter().map(|h| s(h)).collect(), good("1")];
    xlsx(&sc.file("a.xlsx"), &[info, sheet("Insatser", rows)]);
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let diags = diagnostics(&out);
    let d = find(&diags, "constraint-error");
    assert_eq!(
        (d["sheet"].as_str(), d["cell"].as_str()),
        (Some("Uppgifter"), Some("B2"))
    );
}

#[test]
fn an_email_must_look_like_one() {
    let sc = Scratch::new();
    let info = sheet(
        "Uppgifter",
        vec![
            vec![s("Förvaltning"), s("A")],
            vec![s("E-post"), s("kim at region")],
        ],
    );
    let rows = vec![HEADER.iter().map(|h| s(h)).collect(), good("1")];
    xlsx(&sc.file("a.xlsx"), &[info, sheet("Insatser", rows)]);
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(find(&diagnostics(&out), "constraint-error")["cell"], "B2");
}

#[test]
fn missing_administration_takes_the_file_name_with_a_warning() {
    let sc = Scratch::new();
    let rows = vec![HEADER.iter().map(|h| s(h)).collect(), good("1")];
    xlsx(&sc.file("Psykiatrin.xlsx"), &[sheet("Insatser", rows)]);
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(code(&out), 0);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["administration"], "Psykiatrin");
    assert_eq!(
        find(&diagnostics(&out), "missing-sheet")["severity"],
        "warning"
    );
}

#[test]
fn every_problem_in_every_file_in_one_run() {
    let sc = Scratch::new();
    for name in ["a.xlsx", "b.xlsx"] {
        let rows = vec![
            HEADER.iter().map(|h| s(h)).collect(),
            with(good("1"), 6, n(-1.0)),
            with(good("2"), 3, s("Okänd")),
        ];
        xlsx(&sc.file(name), &[info(name), sheet("Insatser", rows)]);
    }
    let out = sc.run(&["check", "--format", "json"]);
    let diags = diagnostics(&out);
    for file in ["a.xlsx", "b.xlsx"] {
        assert!(has(&diags, "constraint-error", file, Some("G2")));
        assert!(has(&diags, "unknown-value", file, Some("D3")));
    }
}

#[test]
fn row_accounting_adds_up_with_good_bad_blank_and_totals_rows() {
    let sc = Scratch::new();
    let rows = vec![
        vec![s("Redovisning 2025")],
        vec![],
        HEADER.iter().map(|h| s(h)).collect(),
        good("1"),
        with(good("2"), 7, s("mycket")),
        vec![],
        vec![V::S("   ".into())],
        good("3"),
        with(good("4"), 2, s("okänt område")),
        vec![
            V::E,
            s("Summa"),
            V::E,
            V::E,
            V::E,
            V::E,
            n(400.0),
            n(240.0),
            n(150.0),
        ],
    ];
    let ind = vec![
        vec![
            s("Indikator"),
            s("Enhet"),
            s("Period"),
            s("Täljare"),
            s("Nämnare"),
        ],
        share(s("2025-01"), n(1.0), n(2.0)),
        share(s("2025-02"), n(1.0), n(0.0)),
    ];
    xlsx(
        &sc.file("a.xlsx"),
        &[
            info("A"),
            sheet("Insatser", rows),
            sheet("Indikatorer", ind),
        ],
    );
    let out = sc.run(&["check", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["files"][0];
    // Insatser: rows 4–10 = 7 read: 2 good, 2 bad, 2 blank, 1 totals.
    // Indikatorer: 2 read: 1 good, 1 bad.
    assert_eq!(f["rows_read"], 9);
    assert_eq!(f["accepted"], 3);
    assert_eq!(f["rejected"], 3);
    assert_eq!(f["skipped"], 3);
    assert_eq!(
        f["rows_read"].as_u64(),
        Some(
            f["accepted"].as_u64().unwrap()
                + f["rejected"].as_u64().unwrap()
                + f["skipped"].as_u64().unwrap()
        )
    );
    // Every rejected row is listed with its reason in a draft report.
    assert_eq!(code(&sc.run(&["build", "--allow-errors"])), 1);
    let r = sc.report();
    let rejected: Vec<(String, u64)> = r["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["sheet"].as_str().unwrap().to_string(),
                x["row"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rejected,
        [
            ("Insatser".to_string(), 5),
            ("Insatser".to_string(), 9),
            ("Indikatorer".to_string(), 3)
        ]
    );
}

#[test]
fn an_info_value_is_the_cell_right_of_its_key_not_a_comment_further_right() {
    let sc = Scratch::new();
    let info = sheet(
        "Uppgifter",
        vec![
            vec![s("Förvaltning"), s("A")],
            vec![s("E-post"), V::E, s("e-postadress till kontaktpersonen")],
        ],
    );
    let rows = vec![HEADER.iter().map(|h| s(h)).collect(), good("1")];
    xlsx(&sc.file("a.xlsx"), &[info, sheet("Insatser", rows)]);
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(code(&out), 0);
    assert!(diagnostics(&out).is_empty(), "{:#?}", diagnostics(&out));
}

#[test]
fn an_absurd_amount_is_a_constraint_error_and_totals_rows_with_them_do_not_overflow() {
    let huge = vec![
        V::E,
        s("Summa"),
        V::E,
        V::E,
        V::E,
        V::E,
        n(9e18),
        s("1e30"),
        n(-9e18),
    ];
    let (exit, diags) = check_book(vec![with(good("1"), 7, n(1e17)), huge], None);
    assert_eq!(exit, 1);
    let d = find(&diags, "constraint-error");
    assert_eq!(d["cell"], "H2");
    assert!(d["message"].as_str().unwrap().contains("orimligt stort"));
}
