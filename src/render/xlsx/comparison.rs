//! The comparison with last year as tables of the appendix (after tabell 8): money per
//! area and administration, indicators, and continuing, new and ended initiatives.

use crate::render::format::{NOT_AVAILABLE, SUPPRESSED};
use crate::report::Report;
use crate::report::compare::MoneyChange;

use super::{TableSheet, XCell};

/// Tables 9–12, this year against last, when last year's report was given.
pub(super) fn comparison_tables(report: &Report) -> Vec<TableSheet> {
    let Some(c) = &report.comparison else {
        return Vec::new();
    };
    let (y, p) = (report.year, c.previous_year);
    let money_rows = |rows: &[MoneyChange]| -> Vec<Vec<XCell>> {
        rows.iter()
            .map(|r| {
                vec![
                    XCell::Text(r.label.clone()),
                    count_or_missing(r.initiatives.previous),
                    count_or_missing(r.initiatives.current),
                    XCell::Kr(r.spent_kr.previous),
                    XCell::Kr(r.spent_kr.current),
                    XCell::Kr(r.spent_kr.change),
                    XCell::Pct(r.spent_kr.change_pct),
                ]
            })
            .collect()
    };
    let money_headers = |first: &str| -> Vec<String> {
        vec![
            first.to_string(),
            format!("Antal insatser {p}"),
            format!("Antal insatser {y}"),
            format!("Använda medel {p}, kr"),
            format!("Använda medel {y}, kr"),
            "Förändring, kr".to_string(),
            "Relativ förändring".to_string(),
        ]
    };
    let total = |label: &str| {
        let n = &c.totals["initiatives"];
        let s = &c.totals["spent_kr"];
        vec![
            XCell::Text(label.to_string()),
            count_or_missing(n.previous),
            count_or_missing(n.current),
            XCell::Kr(s.previous),
            XCell::Kr(s.current),
            XCell::Kr(s.change),
            XCell::Pct(s.change_pct),
        ]
    };
    let missing_note = ".. betyder att insatsområdet saknas det ena året.".to_string();
    let indicator_rows = c
        .indicators
        .iter()
        .map(|r| {
            // Each figure hidden as it is in its own year's table 6; the change when
            // either is, since it would give the hidden one away.
            let count = r.kind.decimals() == 0;
            let cell = |hidden: bool, v: Option<f64>| match (hidden, v) {
                (true, _) => XCell::Symbol(SUPPRESSED),
                (false, None) => XCell::Symbol(NOT_AVAILABLE),
                (false, Some(v)) if count => XCell::Count(v),
                (false, Some(v)) => XCell::Dec(Some(v)),
            };
            let change = if r.kind.change_in_points() {
                r.value.change
            } else {
                r.value.change_pct
            };
            vec![
                XCell::Text(r.label.clone()),
                XCell::Text(
                    r.administration
                        .clone()
                        .unwrap_or_else(|| "Hela regionen".into()),
                ),
                cell(r.previous_suppressed, r.value.previous),
                cell(r.current_suppressed, r.value.current),
                if r.suppressed {
                    XCell::Symbol(SUPPRESSED)
                } else {
                    XCell::Dec(change)
                },
                XCell::Text(r.change_unit.clone()),
            ]
        })
        .collect();
    vec![
        TableSheet {
            sheet: "Tabell 9".into(),
            title: format!("Tabell 9. Insatser och använda medel per insatsområde, {p} och {y}"),
            unit: "Antal, kronor och procent".into(),
            headers: money_headers("Insatsområde"),
            rows: money_rows(&c.by_area),
            total: Some(total("Totalt")),
            notes: vec![missing_note],
            charts: vec![],
        },
        TableSheet {
            sheet: "Tabell 10".into(),
            title: format!("Tabell 10. Insatser och använda medel per förvaltning, {p} och {y}"),
            unit: "Antal, kronor och procent".into(),
            headers: money_headers("Förvaltning"),
            rows: money_rows(&c.by_administration),
            total: Some(total("Totalt")),
            notes: vec![".. betyder att förvaltningen inte redovisade det året.".into()],
            charts: vec![],
        },
        TableSheet {
            sheet: "Tabell 11".into(),
            title: format!("Tabell 11. Indikatorer, {p} och {y}"),
            unit: "Procent, per 100 000 invånare eller antal; förändring i procentenheter eller procent".into(),
            headers: vec![
                "Indikator".into(),
                "Förvaltning".into(),
                format!("Värde {p}"),
                format!("Värde {y}"),
                "Förändring".into(),
                "Förändringen anges i".into(),
            ],
            rows: indicator_rows,
            total: None,
            notes: {
                let mut notes = vec![
                    "För andelar anges förändringen i procentenheter, för övriga indikatorer i procent av föregående års värde.".to_string(),
                ];
                if c.indicators.iter().any(|r| r.suppressed) {
                    notes.push(report.suppression_note.clone());
                    notes.push("Ett värde döljs här när det döljs i sitt års tabell 6; förändringen döljs när något av åren döljs.".to_string());
                }
                notes
            },
            charts: vec![],
        },
        TableSheet {
            sheet: "Tabell 12".into(),
            title: format!("Tabell 12. Insatser som fortsätter, är nya eller har avslutats, {p}–{y}"),
            unit: "Antal".into(),
            headers: vec![
                "Förvaltning".into(),
                "Fortsätter".into(),
                "Nya".into(),
                "Avslutade".into(),
                "Ej redovisade i år".into(),
            ],
            rows: c
                .continuity
                .iter()
                .map(|r| {
                    vec![
                        XCell::Text(r.administration.clone()),
                        XCell::Count(r.continuing as f64),
                        XCell::Count(r.new as f64),
                        XCell::Count(r.ended as f64),
                        XCell::Count(r.missing as f64),
                    ]
                })
                .collect(),
            total: Some(vec![
                XCell::Text("Totalt".into()),
                XCell::Count(c.continuing.len() as f64),
                XCell::Count(c.new.len() as f64),
                XCell::Count(c.ended.len() as f64),
                XCell::Count(c.missing.len() as f64),
            ]),
            notes: continuity_notes(c, p),
            charts: vec![],
        },
    ]
}

/// Tabell 12's notes: what continuing means, and which initiatives were not reported.
fn continuity_notes(c: &crate::report::compare::Comparison, previous_year: i32) -> Vec<String> {
    let mut notes = vec![
        "En insats fortsätter när samma förvaltning redovisar samma id båda åren, under samma namn eller med en liten ändring av det.".to_string(),
        format!("Ej redovisade i år: insatser som var planerade eller pågående {previous_year} men inte finns med i årets redovisning."),
    ];
    notes.extend(c.missing.iter().map(|k| {
        format!(
            "Ej redovisad i år: {} {} ({}).",
            k.administration, k.id, k.name
        )
    }));
    notes
}

fn count_or_missing(v: Option<f64>) -> XCell {
    v.map_or(XCell::Symbol(NOT_AVAILABLE), XCell::Count)
}
