//! Property tests of validation: whatever the cells of a row hold, the row is accepted or
//! rejected with its reasons, never a panic and never a lost row (SPEC 2.4, 2.5).

use proptest::prelude::*;

use super::*;
use crate::read::RawSheet;
use crate::schema::{INDICATOR_COLUMNS, INITIATIVE_COLUMNS};
use crate::value::Date;

/// Any value a reader can give: arbitrary text (and text shaped like what the columns
/// hold), any float (NaN and the infinities too), booleans, dates, error values,
/// formulas without a value and over-long text.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<String>().prop_map(Value::Text),
        "[0-9 ,.\\-/:%+eEqQkK]{0,10}(kr| %|mars|Q1|ÅÅ)?".prop_map(Value::Text),
        proptest::sample::select(vec![
            "Pågående",
            "Genomförd",
            "Planerad",
            "digital",
            "Ja",
            "2025-Q1",
            "QÅ2025",
            "kvartal 1 2025",
            "Summa",
            "named_doctor_share",
            "1e308",
            "0,285",
            "-1",
        ])
        .prop_map(|s| Value::Text(s.to_string())),
        any::<f64>().prop_map(Value::Number),
        any::<bool>().prop_map(Value::Bool),
        (-3000i64..80_000).prop_map(|d| Value::Date(Date::from_days(d).unwrap_or(Date {
            year: 2025,
            month: 1,
            day: 1
        }))),
        Just(Value::Error("#DIV/0!".into())),
        Just(Value::FormulaWithoutValue),
        (0usize..100_000).prop_map(Value::TooLong),
    ]
}

fn header(columns: &[crate::schema::ColumnSpec]) -> RawRow {
    RawRow {
        row: 0,
        cells: columns
            .iter()
            .zip(0u32..)
            .map(|(c, i)| (i, Value::Text(c.header.to_string())))
            .collect(),
    }
}

fn data(rows: Vec<Vec<Option<Value>>>) -> impl Iterator<Item = RawRow> {
    rows.into_iter().zip(1u32..).map(|(cells, row)| RawRow {
        row,
        cells: cells
            .into_iter()
            .zip(0u32..)
            .filter_map(|(v, c)| v.map(|v| (c, v)))
            .collect(),
    })
}

fn rows(width: usize) -> impl Strategy<Value = Vec<Vec<Option<Value>>>> {
    proptest::collection::vec(
        proptest::collection::vec(proptest::option::weighted(0.8, any_value()), width),
        1..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_row_is_accepted_or_rejected_never_lost(
        initiatives in rows(INITIATIVE_COLUMNS.len()),
        indicators in rows(INDICATOR_COLUMNS.len()),
        is_1904 in any::<bool>(),
    ) {
        let sheet = |name: &str, kind, head: RawRow, body: Vec<Vec<Option<Value>>>| RawSheet {
            name: name.to_string(),
            kind,
            rows: std::iter::once(head).chain(data(body)).collect(),
        };
        let raw = RawWorkbook {
            is_1904,
            sheets: vec![
                sheet("Insatser", SheetKind::Initiatives, header(INITIATIVE_COLUMNS), initiatives),
                sheet("Indikatorer", SheetKind::Indicators, header(INDICATOR_COLUMNS), indicators),
            ],
            ..RawWorkbook::default()
        };
        let config = Config::default_config();
        let names = crate::schema::Names::new(&config);
        let vocab = Vocabulary::new(&config);
        let rules = Rules { config: &config, names: &names, vocab: &vocab };
        let sub = validate(&raw, "egen.xlsx", &rules);
        let s = &sub.summary;
        prop_assert_eq!(s.rows_read, s.accepted + s.rejected + s.skipped);
        prop_assert_eq!(s.accepted, sub.initiatives.len() + sub.indicators.len());
        prop_assert_eq!(s.rejected, sub.rejected.len());
        prop_assert!(sub.rejected.iter().all(|r| !r.reasons.is_empty()));
        let lost = sub.diagnostics.iter().any(|d| d.code == Code::RowUnreadable);
        prop_assert!(!lost, "a row panicked: {:?}", sub.diagnostics);
        for v in &sub.indicators {
            prop_assert!(v.numerator.is_finite() && v.numerator <= config.limits.max_figure);
        }
        for i in &sub.initiatives {
            for amount in [i.budget_ore, i.spent_ore, i.agreement_ore].into_iter().flatten() {
                prop_assert!((0..=crate::value::Ore::MAX_CELL.0).contains(&amount));
            }
        }
    }
}
