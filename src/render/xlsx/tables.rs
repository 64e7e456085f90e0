//! The published tables 1–7: their titles, unit lines, headers, rows, totals and notes,
//! built from the report. Layout only; writing cells is the parent module's job.

use crate::model::SHIFTS;
use crate::render::format::{CANNOT_OCCUR, NOT_AVAILABLE, SUPPRESSED};
use crate::report::compare::{Comparison, MoneyChange};
use crate::report::{IndicatorRow, Matrix, PartialUnitRow, Report};
use crate::value::{Ore, Period};

use super::{ChartSpec, TableSheet, XCell};

fn share_note() -> String {
    "Andelen avser förvaltningens del av regionens totala använda medel.".to_string()
}

fn matrix_rows<T: Copy>(m: &Matrix<T>, cell: impl Fn(T) -> XCell) -> (Vec<Vec<XCell>>, Vec<XCell>) {
    let rows = m
        .rows
        .iter()
        .map(|r| {
            std::iter::once(XCell::Text(r.administration.clone()))
                .chain(r.values.iter().map(|v| cell(*v)))
                .chain(std::iter::once(cell(r.total)))
                .collect()
        })
        .collect();
    let total = std::iter::once(XCell::Text("Totalt".into()))
        .chain(m.totals.iter().map(|v| cell(*v)))
        .chain(std::iter::once(cell(m.total)))
        .collect();
    (rows, total)
}

pub(super) fn tables(report: &Report) -> Vec<TableSheet> {
    let y = report.year;
    let t = &report.totals;
    let mut out = Vec::new();
    let total = money_row(
        "Totalt",
        t.initiatives,
        t.budget_kr,
        t.spent_kr,
        t.agreement_funds_kr,
        (t.spent_kr.0 > 0).then_some(100.0),
    );
    let admins = report
        .by_administration
        .iter()
        .map(|a| {
            money_row(
                &a.administration,
                a.initiatives,
                a.budget_kr,
                a.spent_kr,
                a.agreement_funds_kr,
                a.share_pct,
            )
        })
        .collect();
    out.push(money_table(
        1,
        "förvaltning",
        "Förvaltning",
        y,
        admins,
        total.clone(),
        vec![share_note()],
    ));
    let areas = report
        .by_area
        .iter()
        .map(|a| {
            money_row(
                &a.label,
                a.initiatives,
                a.budget_kr,
                a.spent_kr,
                a.agreement_funds_kr,
                a.share_pct,
            )
        })
        .collect();
    out.push(money_table(
        2,
        "insatsområde",
        "Insatsområde",
        y,
        areas,
        total,
        vec![],
    ));
    let (rows, total) = matrix_rows(&report.area_matrix, |v| XCell::Kr(Some(v.kronor())));
    out.push(TableSheet {
        sheet: "Tabell 3".into(),
        title: format!("Tabell 3. Använda medel per förvaltning och insatsområde, {y}"),
        unit: "Kronor".into(),
        headers: headers_with_total("Förvaltning", &report.area_matrix),
        rows,
        total: Some(total),
        notes: vec![],
        charts: vec![],
    });
    let (rows, total) = matrix_rows(&report.status_matrix, |n| XCell::Count(n as f64));
    out.push(TableSheet {
        sheet: "Tabell 4".into(),
        title: format!("Tabell 4. Insatser efter status och förvaltning, {y}"),
        unit: "Antal".into(),
        headers: headers_with_total("Förvaltning", &report.status_matrix),
        rows,
        total: Some(total),
        notes: vec![],
        charts: vec![],
    });
    out.push(funds_table(report));
    out.push(indicator_table(report));
    let (rows, total) = matrix_rows(&report.shift_matrix, |n| XCell::Count(n as f64));
    out.push(TableSheet {
        sheet: "Tabell 7".into(),
        title: format!("Tabell 7. Insatser per förflyttning och förvaltning, {y}"),
        unit: "Antal".into(),
        headers: headers_with_total("Förvaltning", &report.shift_matrix),
        rows,
        total: Some(total),
        notes: SHIFTS
            .iter()
            .enumerate()
            .map(|(i, s)| format!("Förflyttning {}: {s}.", i + 1))
            .collect(),
        charts: vec![],
    });
    if let Some(c) = &report.comparison {
        let admins: Vec<String> = report
            .by_administration
            .iter()
            .map(|a| a.administration.clone())
            .collect();
        let areas: Vec<String> = report.by_area.iter().map(|a| a.area.clone()).collect();
        with_previous(&mut out[0], &admins, &c.by_administration, c);
        with_previous(&mut out[1], &areas, &c.by_area, c);
    }
    out
}

/// A row of table 1 or 2: count, budget, spent, agreement funds and share.
fn money_row(
    label: &str,
    n: u64,
    budget: Ore,
    spent: Ore,
    agreement: Ore,
    share: Option<f64>,
) -> Vec<XCell> {
    vec![
        XCell::Text(label.to_string()),
        XCell::Count(n as f64),
        XCell::Kr(Some(budget.kronor())),
        XCell::Kr(Some(spent.kronor())),
        XCell::Kr(Some(agreement.kronor())),
        XCell::Pct(share),
    ]
}

/// Table 1 or 2: initiatives and funds per `subject`, with Totalt and a chart of the
/// funds spent.
fn money_table(
    number: u8,
    subject: &str,
    first_header: &str,
    year: i32,
    rows: Vec<Vec<XCell>>,
    total: Vec<XCell>,
    notes: Vec<String>,
) -> TableSheet {
    let last = rows.len().max(1) as u32 - 1;
    TableSheet {
        sheet: format!("Tabell {number}"),
        title: format!("Tabell {number}. Insatser och använda medel per {subject}, {year}"),
        unit: "Antal, kronor och procent".into(),
        headers: vec![
            first_header.into(),
            "Antal insatser".into(),
            "Budget, kr".into(),
            "Använda medel, kr".into(),
            "Varav överenskommelsemedel, kr".into(),
            "Andel av använda medel".into(),
        ],
        rows,
        total: Some(total),
        notes,
        charts: vec![ChartSpec {
            title: format!("Använda medel per {subject}, kronor"),
            rows: (0, last),
            categories: 0,
            values: 3,
            target: None,
            horizontal: true,
            num_format: super::AXIS_WHOLE,
        }],
    }
}

/// Adds last year's spent funds and the change to a table whose rows are `keys`.
fn with_previous(t: &mut TableSheet, keys: &[String], changes: &[MoneyChange], c: &Comparison) {
    t.headers
        .push(format!("Använda medel {}, kr", c.previous_year));
    t.headers
        .push(format!("Relativ förändring sedan {}", c.previous_year));
    for (row, key) in t.rows.iter_mut().zip(keys) {
        let change = changes.iter().find(|m| &m.key == key).map(|m| m.spent_kr);
        row.push(XCell::Kr(change.and_then(|m| m.previous)));
        row.push(XCell::Pct(change.and_then(|m| m.change_pct)));
    }
    if let Some(total) = &mut t.total {
        let spent = c.totals["spent_kr"];
        total.push(XCell::Kr(spent.previous));
        total.push(XCell::Pct(spent.change_pct));
    }
    t.notes.push(format!(
        "Jämförelsen med {} bygger på föregående års redovisning; .. betyder att uppgiften saknas det året.",
        c.previous_year
    ));
}

fn headers_with_total<T>(first: &str, m: &Matrix<T>) -> Vec<String> {
    std::iter::once(first.to_string())
        .chain(m.columns.iter().cloned())
        .chain(std::iter::once("Totalt".to_string()))
        .collect()
}

fn funds_table(report: &Report) -> TableSheet {
    let t = &report.totals;
    let per = |v: Option<f64>| XCell::Dec(v);
    TableSheet {
        sheet: "Tabell 5".into(),
        title: format!(
            "Tabell 5. Medel i förhållande till tilldelning och befolkning, {}",
            report.year
        ),
        unit: "Kronor, kronor per invånare och procent".into(),
        headers: vec!["Uppgift".into(), "Värde".into()],
        rows: vec![
            vec![
                XCell::Text("Tilldelade överenskommelsemedel, kr".into()),
                XCell::Kr(Some(t.allocation_kr.kronor())),
            ],
            vec![
                XCell::Text("Använda överenskommelsemedel, kr".into()),
                XCell::Kr(Some(t.agreement_funds_kr.kronor())),
            ],
            vec![
                XCell::Text("Återstår av tilldelningen, kr".into()),
                XCell::Kr(Some(t.remaining_kr.kronor())),
            ],
            vec![
                XCell::Text("Använda medel totalt, kr".into()),
                XCell::Kr(Some(t.spent_kr.kronor())),
            ],
            vec![
                XCell::Text("Befolkning, antal invånare".into()),
                if t.population > 0 {
                    XCell::Count(t.population as f64)
                } else {
                    XCell::Symbol(NOT_AVAILABLE)
                },
            ],
            vec![
                XCell::Text("Tilldelning per invånare, kr".into()),
                per(t.allocation_per_inhabitant_kr),
            ],
            vec![
                XCell::Text("Använda överenskommelsemedel per invånare, kr".into()),
                per(t.agreement_funds_per_inhabitant_kr),
            ],
            vec![
                XCell::Text("Använda medel totalt per invånare, kr".into()),
                per(t.spent_per_inhabitant_kr),
            ],
            vec![
                XCell::Text(if t.over_allocation {
                    "Utnyttjandegrad (över tilldelningen, se Anm.)".into()
                } else {
                    "Utnyttjandegrad".into()
                }),
                XCell::Pct(t.utilisation_pct),
            ],
        ],
        total: None,
        notes: report.funds_notes.clone(),
        charts: vec![],
    }
}

/// The year's figure of an indicator as a cell: `x` when suppressed, `..` when missing.
fn indicator_cells(r: &IndicatorRow) -> Vec<XCell> {
    let f = &r.figure;
    let hidden = f.suppressed;
    let value = match (hidden, f.value) {
        (true, _) => XCell::Symbol(SUPPRESSED),
        (false, Some(v)) if r.kind.decimals() == 0 => XCell::Count(v),
        (false, Some(v)) => XCell::Dec(Some(v)),
        (false, None) => XCell::Symbol(NOT_AVAILABLE),
    };
    let numerator = if hidden {
        XCell::Symbol(SUPPRESSED)
    } else {
        XCell::Count(f.numerator)
    };
    let denominator = match f.denominator {
        Some(d) => XCell::Count(d),
        None => XCell::Symbol(CANNOT_OCCUR),
    };
    // No target: a target cannot occur (`.`); a target but no value: not available.
    let met = match (hidden, f.target_met) {
        (true, Some(_)) => XCell::Symbol(SUPPRESSED),
        (_, Some(true)) => XCell::Text("Ja".into()),
        (_, Some(false)) => XCell::Text("Nej".into()),
        (_, None) if r.target.is_none() => XCell::Symbol(CANNOT_OCCUR),
        (_, None) => XCell::Symbol(NOT_AVAILABLE),
    };
    vec![
        XCell::Text(r.label.clone()),
        XCell::Text(
            f.administration
                .clone()
                .unwrap_or_else(|| "Hela regionen".into()),
        ),
        value,
        numerator,
        denominator,
        r.target
            .map_or(XCell::Symbol(CANNOT_OCCUR), |t| XCell::Dec(Some(t))),
        met,
    ]
}

/// A left-out unit's own figure as a row of table 6: named with its periods, no target.
fn partial_unit_cells(u: &PartialUnitRow) -> Vec<XCell> {
    let f = &u.figure;
    let hidden = f.suppressed;
    let value = match (hidden, f.value) {
        (true, _) => XCell::Symbol(SUPPRESSED),
        (false, Some(v)) if u.kind.decimals() == 0 => XCell::Count(v),
        (false, Some(v)) => XCell::Dec(Some(v)),
        (false, None) => XCell::Symbol(NOT_AVAILABLE),
    };
    vec![
        XCell::Text(u.label.clone()),
        XCell::Text(format!(
            "{}: {}, endast {} (ingår ej i årsvärdet)",
            f.administration,
            f.unit.as_deref().unwrap_or("utan enhet"),
            u.reported_text
        )),
        value,
        if hidden {
            XCell::Symbol(SUPPRESSED)
        } else {
            XCell::Count(f.numerator)
        },
        f.denominator
            .map_or(XCell::Symbol(CANNOT_OCCUR), XCell::Count),
        XCell::Symbol(CANNOT_OCCUR),
        XCell::Symbol(CANNOT_OCCUR),
    ]
}

/// What `.` means in table 6, the same words as the templates'.
const INDICATOR_DOT_NOTE: &str = ". betyder att uppgiften inte kan förekomma: ett antal har ingen nämnare, en indikator utan målvärde jämförs inte med något mål, och en enhet som inte ingår i årsvärdet jämförs inte med målet.";

fn indicator_table(report: &Report) -> TableSheet {
    let year = Period::Year(report.year);
    let shown: Vec<&IndicatorRow> = report
        .indicators
        .iter()
        .filter(|r| r.figure.period == year)
        .collect();
    // Per indicator: the region and its administrations (the chart's rows), then the
    // units left out of the year value. An indicator that only left-out units report
    // still has its rows.
    let mut rows = Vec::new();
    let mut charts = Vec::new();
    for d in &report.indicator_definitions {
        let code = &d.code;
        let first_row = rows.len() as u32;
        let year_rows: Vec<&&IndicatorRow> = shown
            .iter()
            .filter(|r| &r.figure.indicator == code)
            .collect();
        rows.extend(year_rows.iter().map(|r| indicator_cells(r)));
        if let Some(first) = year_rows.first() {
            charts.push(ChartSpec {
                title: format!("{} ({})", first.label, unit_of(report, code)),
                rows: (first_row, rows.len() as u32 - 1),
                categories: 1,
                values: 2,
                target: first.target.map(|_| 5),
                horizontal: false,
                num_format: if first.kind.axis_in_percent() {
                    super::AXIS_PERCENT
                } else {
                    super::AXIS_WHOLE
                },
            });
        }
        rows.extend(
            report
                .partial_units
                .iter()
                .filter(|u| u.listed && &u.figure.indicator == code)
                .map(partial_unit_cells),
        );
        // The indicator's name once, on its group's first row.
        for cells in rows.iter_mut().skip(first_row as usize + 1) {
            cells[0] = XCell::Text(String::new());
        }
    }
    let units: Vec<String> = report
        .indicator_definitions
        .iter()
        .map(|d| format!("{}: {}.", d.label, d.unit.to_lowercase()))
        .collect();
    let mut notes = vec![
        "Värdet för regionen är summan av täljarna delad med summan av nämnarna, inte ett medelvärde av förvaltningarnas värden.".to_string(),
        "Hur täljare och nämnare bildas för året (summa över året eller senaste värde) anges per indikator på bladet Definitioner.".to_string(),
    ];
    notes.extend(report.indicator_notes.iter().cloned());
    if rows_have_symbol(&rows, SUPPRESSED) {
        notes.push(report.suppression_note.clone());
        notes.push("I diagrammen saknas staplar för skyddade värden (x).".to_string());
    }
    notes.push(INDICATOR_DOT_NOTE.to_string());
    notes.push(format!("Enheter: {}", units.join(" ")));
    TableSheet {
        sheet: "Tabell 6".into(),
        title: format!(
            "Tabell 6. Indikatorer per förvaltning och för regionen, {}",
            report.year
        ),
        unit: "Procent, per 100 000 invånare eller antal, enligt indikatorns definition".into(),
        headers: vec![
            "Indikator".into(),
            "Förvaltning".into(),
            "Värde".into(),
            "Täljare".into(),
            "Nämnare".into(),
            "Målvärde".into(),
            "Målet uppfyllt".into(),
        ],
        rows,
        total: None,
        notes,
        charts,
    }
}

/// Whether any cell of `rows` shows `symbol`.
fn rows_have_symbol(rows: &[Vec<XCell>], symbol: &str) -> bool {
    rows.iter()
        .flatten()
        .any(|c| matches!(c, XCell::Symbol(s) if *s == symbol))
}

/// The unit of an indicator, lowercase (`procent`, `per 100 000`, `antal`).
fn unit_of(report: &Report, code: &str) -> String {
    report
        .indicator_definitions
        .iter()
        .find(|d| d.code == code)
        .map_or(String::new(), |d| d.unit.to_lowercase())
}
