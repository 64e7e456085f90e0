//! Each validation rule on a workbook built in memory: no file, no reader, no process.

use super::*;
use crate::read::RawSheet;

/// A cell value.
fn t(text: &str) -> Value {
    Value::Text(text.to_string())
}

/// A number.
fn n(value: f64) -> Value {
    Value::Number(value)
}

/// A sheet of `kind` whose rows start at row 1 (0-based 0); `None` leaves a cell empty.
fn sheet(name: &str, kind: SheetKind, rows: Vec<Vec<Option<Value>>>) -> RawSheet {
    RawSheet {
        name: name.to_string(),
        kind,
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(r, cells)| RawRow {
                row: r as u32,
                cells: cells
                    .into_iter()
                    .enumerate()
                    .filter_map(|(c, v)| v.map(|v| (c as u32, v)))
                    .collect(),
            })
            .collect(),
    }
}

/// A workbook with `Uppgifter` for "Närsjukvården" and `Insatser` with the columns
/// Id, Insats, Insatsområde, Status, Använda medel, Varav överenskommelsemedel.
fn book(rows: Vec<Vec<Option<Value>>>) -> RawWorkbook {
    let header = [
        "Id",
        "Insats",
        "Insatsområde",
        "Status",
        "Använda medel",
        "Varav överenskommelsemedel",
    ];
    let mut all = vec![header.iter().map(|h| Some(t(h))).collect()];
    all.extend(rows);
    RawWorkbook {
        sheets: vec![
            sheet(
                "Uppgifter",
                SheetKind::Info,
                vec![
                    vec![Some(t("Förvaltning")), Some(t("Närsjukvården"))],
                    vec![Some(t("Redovisningsår")), Some(n(2025.0))],
                ],
            ),
            sheet("Insatser", SheetKind::Initiatives, all),
        ],
        ..RawWorkbook::default()
    }
}

/// A row of `book`.
fn row(
    id: &str,
    area: Value,
    status: &str,
    spent: Value,
    agreement: Option<Value>,
) -> Vec<Option<Value>> {
    vec![
        Some(t(id)),
        Some(t("Mobil hemsjukvård")),
        Some(area),
        Some(t(status)),
        Some(spent),
        agreement,
    ]
}

fn run(raw: &RawWorkbook) -> Submission {
    let config = Config::default_config();
    let names = Names::new(&config);
    let vocab = Vocabulary::new(&config);
    let rules = Rules {
        config: &config,
        names: &names,
        vocab: &vocab,
    };
    validate(raw, "a.xlsx", &rules)
}

/// The findings as `code@cell`.
fn findings(sub: &Submission) -> Vec<String> {
    sub.diagnostics
        .iter()
        .map(|d| {
            let cell = d.cell.map(|c| c.to_string()).unwrap_or_default();
            format!("{}@{cell}", d.code.as_str())
        })
        .collect()
}

#[test]
fn a_clean_row_is_accepted_without_findings() {
    let sub = run(&book(vec![row(
        "1",
        t("digital"),
        "Pågående",
        n(1000.0),
        Some(n(400.0)),
    )]));
    assert!(findings(&sub).is_empty(), "{:?}", findings(&sub));
    assert_eq!((sub.summary.accepted, sub.summary.rejected), (1, 0));
    assert_eq!(sub.summary.administration, "Närsjukvården");
}

#[test]
fn money_that_is_no_amount_is_a_type_error_at_its_cell() {
    for spent in [t("tusen"), t("12,5 %")] {
        let sub = run(&book(vec![row("1", t("digital"), "Pågående", spent, None)]));
        assert_eq!(findings(&sub), ["type-error@E2"]);
        assert_eq!(sub.summary.rejected, 1);
    }
}

#[test]
fn negative_money_and_agreement_funds_above_spent_are_constraint_errors() {
    let sub = run(&book(vec![
        row("1", t("digital"), "Pågående", n(-5.0), None),
        row("2", t("digital"), "Pågående", n(100.0), Some(n(150.0))),
    ]));
    let f = findings(&sub);
    assert!(f.contains(&"constraint-error@E2".to_string()), "{f:?}");
    assert!(
        f.iter()
            .any(|x| x.starts_with("constraint-error@") && x.ends_with('3')),
        "{f:?}"
    );
    assert_eq!(sub.summary.rejected, 2);
}

#[test]
fn an_unknown_area_gets_the_closest_one_as_a_hint() {
    let sub = run(&book(vec![row("1", t("digitl"), "Pågående", n(1.0), None)]));
    assert_eq!(findings(&sub), ["unknown-value@C2"]);
    assert!(
        sub.diagnostics[0]
            .hint
            .as_deref()
            .unwrap_or("")
            .contains("digital")
    );
}

#[test]
fn a_second_row_with_the_same_id_is_a_duplicate() {
    let sub = run(&book(vec![
        row("7", t("digital"), "Pågående", n(1.0), None),
        row("7", t("digital"), "Avbruten", n(2.0), None),
    ]));
    assert_eq!(findings(&sub), ["duplicate-id@A3"]);
}

#[test]
fn a_totals_row_is_skipped_not_counted() {
    let mut rows = vec![row("1", t("digital"), "Pågående", n(10.0), None)];
    rows.push(vec![
        None,
        Some(t("Summa")),
        None,
        None,
        Some(n(10.0)),
        None,
    ]);
    let sub = run(&book(rows));
    assert_eq!(sub.summary.accepted, 1);
    assert_eq!(sub.summary.skipped, 1);
    assert!(
        !findings(&sub)
            .iter()
            .any(|f| f.starts_with("totals-mismatch"))
    );
}

#[test]
fn formulas_without_values_and_excel_errors_are_named() {
    let sub = run(&book(vec![
        row(
            "1",
            t("digital"),
            "Pågående",
            Value::FormulaWithoutValue,
            None,
        ),
        row(
            "2",
            t("digital"),
            "Pågående",
            Value::Error("#DIV/0!".into()),
            None,
        ),
    ]));
    let f = findings(&sub);
    assert!(f.contains(&"formula-without-value@E2".to_string()), "{f:?}");
    assert!(f.contains(&"cell-error@E3".to_string()), "{f:?}");
}

#[test]
fn a_sheet_without_its_header_says_what_its_first_row_holds() {
    let mut raw = book(vec![]);
    raw.sheets[1] = sheet(
        "Insatser",
        SheetKind::Initiatives,
        vec![vec![Some(t("mpg")), Some(t("cyl"))]],
    );
    let sub = run(&raw);
    assert_eq!(findings(&sub), ["missing-column@"]);
    assert!(
        sub.diagnostics[0]
            .message
            .contains("rad 1 innehåller: \"mpg\", \"cyl\"")
    );
}

#[test]
fn a_missing_insatser_sheet_is_an_error_and_uppgifter_a_warning() {
    let raw = RawWorkbook {
        other_sheets: vec!["Blad1".into()],
        ..RawWorkbook::default()
    };
    let sub = run(&raw);
    let severities: Vec<(Severity, &str)> = sub
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.code.as_str()))
        .collect();
    assert!(severities.contains(&(Severity::Error, "missing-sheet")));
    assert!(severities.contains(&(Severity::Warning, "missing-sheet")));
    assert_eq!(sub.summary.administration, "a");
}

#[test]
fn a_workbook_of_a_thousand_sheets_gets_a_short_message() {
    let raw = RawWorkbook {
        other_sheets: (1..=1024).map(|i| format!("Blad{i}")).collect(),
        ..RawWorkbook::default()
    };
    let sub = run(&raw);
    let missing = &sub.diagnostics[0];
    assert!(missing.message.len() < 200, "{}", missing.message);
    assert!(
        missing.message.contains("och 1\u{a0}019 till"),
        "{}",
        missing.message
    );
}

#[test]
fn an_insatser_sheet_that_could_not_be_read_is_not_also_missing() {
    let raw = RawWorkbook {
        unreadable: vec![SheetKind::Initiatives],
        ..RawWorkbook::default()
    };
    let sub = run(&raw);
    let missing: Vec<&str> = sub
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::MissingSheet)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].starts_with("bladet Uppgifter saknas (filen har bara bladet Insatser)"));
}

#[test]
fn a_report_year_in_uppgifter_other_than_the_configured_one_is_named_at_its_cell() {
    for (year, code) in [
        (n(2024.0), "constraint-error@B2"),
        (t("tjugo"), "type-error@B2"),
    ] {
        let mut raw = book(vec![row("1", t("digital"), "Pågående", n(1.0), None)]);
        raw.sheets[0].rows[1].cells[1] = (1, year);
        assert_eq!(findings(&run(&raw)), [code]);
    }
}
