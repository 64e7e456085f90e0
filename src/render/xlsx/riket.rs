//! The national tables (`riket-Y.xlsx`) in the Bilaga's style: `Innehåll`, tables R1–R4
//! with number, title, unit line, `Riket` row, `Källa` and `Anm.`, then `Källor` (every
//! region's report and its date), `Teckenförklaring`, `Definitioner` and `Avvikelser`.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use super::sheets::simple_sheet;
use super::{Formats, Frame, TableSheet, XCell, contents_sheet, table_sheet};
use crate::config::{Direction, IndicatorKind};
use crate::render::format::{CANNOT_OCCUR, NOT_AVAILABLE, NOTHING, SUPPRESSED, long_date, num};
use crate::riket::{Cell, Matrix, MoneyRow, National, NationalIndicator, RegionFigure};
use crate::value::Ore;

/// Renders the national tables into `out`.
pub fn write(n: &National, out: impl std::io::Write + Send) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let d = n.generated;
    let created = ExcelDateTime::from_ymd(d.year as u16, d.month, d.day)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("God och nära vård {}: riket", n.year))
            .set_author("redovisa")
            .set_creation_datetime(&created),
    );
    let f = Formats::new();
    let frame = Frame {
        year: n.year,
        draft: n.draft,
        source: format!(
            "Källa: Regionernas redovisningar av God och nära vård {} (bladet Källor), sammanställda {}.",
            n.year, n.generated
        ),
    };
    let tables = tables(n);
    contents(&mut wb, &f, n, &tables)?;
    let mut diagrams = 0;
    for t in &tables {
        table_sheet(&mut wb, &f, &frame, t, &mut diagrams)?;
    }
    sources(&mut wb, &f, n)?;
    legend(&mut wb, &f, n)?;
    definitions(&mut wb, &f, n)?;
    if !n.diagnostics.is_empty() {
        let rows = n
            .diagnostics
            .iter()
            .map(|d| {
                vec![
                    d.file.clone(),
                    d.severity.label().to_string(),
                    d.code.as_str().to_string(),
                    match &d.hint {
                        Some(h) => format!("{} ({h})", d.message),
                        None => d.message.clone(),
                    },
                ]
            })
            .collect();
        simple_sheet(
            &mut wb,
            &f,
            n.draft,
            "Avvikelser",
            "Avvikelser bland de inlämnade redovisningarna",
            &["Fil", "Allvarlighet", "Kod", "Meddelande"],
            rows,
        )?;
    }
    wb.save_to_writer(out)
}

fn contents(
    wb: &mut Workbook,
    f: &Formats,
    n: &National,
    tables: &[TableSheet],
) -> Result<(), XlsxError> {
    let mut links: Vec<(String, String)> = tables
        .iter()
        .map(|t| (t.sheet.clone(), t.title.clone()))
        .collect();
    for extra in ["Källor", "Teckenförklaring", "Definitioner"] {
        links.push((extra.into(), extra.into()));
    }
    if !n.diagnostics.is_empty() {
        links.push(("Avvikelser".into(), "Avvikelser".into()));
    }
    contents_sheet(
        wb,
        f,
        [
            format!(
                "God och nära vård {}: regionernas redovisningar och riket",
                n.year
            ),
            format!(
                "Sammanställd {}. {} av {} regioner har lämnat en redovisning.",
                long_date(n.generated),
                n.reported,
                n.expected
            ),
        ],
        n.draft
            .then_some("UTKAST: några inlämnade filer kunde inte räknas in (bladet Avvikelser)."),
        &links,
    )
}

fn kr(v: Option<Ore>) -> XCell {
    v.map_or(XCell::Symbol(NOT_AVAILABLE), |v| {
        XCell::Kr(Some(v.kronor()))
    })
}

fn money_cells(r: &MoneyRow, status: String) -> Vec<XCell> {
    let or_missing = |v: Option<f64>, cell: fn(Option<f64>) -> XCell| {
        if r.reported {
            cell(v)
        } else {
            XCell::Symbol(NOT_AVAILABLE)
        }
    };
    vec![
        XCell::Text(r.region.clone()),
        r.initiatives
            .map_or(XCell::Symbol(NOT_AVAILABLE), |v| XCell::Count(v as f64)),
        kr(r.spent_kr),
        kr(r.agreement_funds_kr),
        kr(r.allocation_kr),
        or_missing(r.utilisation_pct, XCell::Pct),
        or_missing(r.spent_per_inhabitant_kr, XCell::Kr),
        XCell::Text(status),
    ]
}

fn matrix<T: Copy, C>(
    m: &Matrix<T, C>,
    cell: impl Fn(T) -> XCell,
) -> (Vec<Vec<XCell>>, Vec<XCell>) {
    let x = |c: &Cell<T>| match (c.value, c.symbol) {
        (_, Some(s)) => XCell::Symbol(s),
        (Some(v), None) => cell(v),
        (None, None) => XCell::Symbol(NOT_AVAILABLE),
    };
    let rows = m
        .rows
        .iter()
        .map(|r| {
            std::iter::once(XCell::Text(r.region.clone()))
                .chain(r.values.iter().map(x))
                .chain(std::iter::once(x(&r.total)))
                .collect()
        })
        .collect();
    let total = std::iter::once(XCell::Text("Riket".into()))
        .chain(m.totals.iter().map(x))
        .chain(std::iter::once(x(&m.total)))
        .collect();
    (rows, total)
}

fn tables(n: &National) -> Vec<TableSheet> {
    let y = n.year;
    let status = |k: usize| {
        let r = &n.regions[k];
        match r.generated {
            Some(d) if r.draft => format!("utkast {d}"),
            Some(d) => format!("inkommen {d}"),
            None => "ej inkommen".to_string(),
        }
    };
    let mut r1_notes = vec![format!(
        "{} av {} regioner har lämnat en redovisning.{}",
        n.reported,
        n.expected,
        if n.missing.is_empty() {
            String::new()
        } else {
            format!(" Ej inkommen: {}.", n.missing.join(", "))
        }
    )];
    r1_notes.push("Utnyttjandegrad: använda överenskommelsemedel delat med tilldelade medel. Riket är summan av de regioner som redovisat.".into());
    let mut out = vec![TableSheet {
        sheet: "R1".into(),
        title: format!("Tabell R1. Medel per region, {y}"),
        unit: "Antal, kronor och procent".into(),
        headers: [
            "Region",
            "Insatser",
            "Använda medel",
            "Varav överenskommelsemedel",
            "Tilldelade medel",
            "Utnyttjandegrad",
            "Använda medel per invånare",
            "Redovisning",
        ]
        .map(String::from)
        .to_vec(),
        rows: n
            .money
            .iter()
            .enumerate()
            .map(|(k, r)| money_cells(r, status(k)))
            .collect(),
        total: Some(money_cells(
            &n.money_total,
            format!("{} av {}", n.reported, n.expected),
        )),
        notes: r1_notes,
        charts: vec![],
    }];
    let (rows, total) = matrix(&n.areas, |v: Ore| XCell::Kr(Some(v.kronor())));
    out.push(TableSheet {
        sheet: "R2".into(),
        title: format!("Tabell R2. Använda medel per region och insatsområde, {y}"),
        unit: "Kronor".into(),
        headers: std::iter::once("Region".to_string())
            .chain(n.areas.columns.iter().map(|c| c.label.clone()))
            .chain(std::iter::once("Totalt".to_string()))
            .collect(),
        rows,
        total: Some(total),
        notes: n.areas.notes.clone(),
        charts: vec![],
    });
    let (rows, total) = matrix(&n.statuses, |v: u64| XCell::Count(v as f64));
    out.push(TableSheet {
        sheet: "R3".into(),
        title: format!("Tabell R3. Insatser efter status per region, {y}"),
        unit: "Antal".into(),
        headers: std::iter::once("Region".to_string())
            .chain(n.statuses.columns.iter().cloned())
            .chain(std::iter::once("Totalt".to_string()))
            .collect(),
        rows,
        total: Some(total),
        notes: vec![],
        charts: vec![],
    });
    for (k, ind) in n.indicators.iter().enumerate() {
        out.push(indicator_table(n, k + 1, ind));
    }
    out
}

/// Table R4.k: one indicator per region and for Riket.
fn indicator_table(n: &National, k: usize, ind: &NationalIndicator) -> TableSheet {
    let value = |v: Option<f64>| match ind.kind {
        IndicatorKind::Share => XCell::Pct(v),
        IndicatorKind::Rate => XCell::Dec(v),
        IndicatorKind::Count => XCell::Count(v.unwrap_or(0.0)),
    };
    let target = ind.target.as_ref().map_or(String::new(), |t| {
        let dir = match t.direction {
            Direction::AtLeast => "minst",
            Direction::AtMost => "högst",
        };
        format!("{dir} {}", num(t.value, 1))
    });
    let met = |m: Option<bool>| {
        XCell::Text(match m {
            Some(true) => "ja".into(),
            Some(false) => "nej".into(),
            None => String::new(),
        })
    };
    let row = |r: &RegionFigure| -> Vec<XCell> {
        let hidden = r.symbol.map(XCell::Symbol);
        let den = if ind.kind.has_denominator() {
            hidden.clone().unwrap_or(
                r.denominator
                    .map_or(XCell::Symbol(NOT_AVAILABLE), XCell::Count),
            )
        } else {
            XCell::Symbol(CANNOT_OCCUR)
        };
        vec![
            XCell::Text(r.region.clone()),
            hidden.clone().unwrap_or_else(|| value(r.value)),
            hidden.clone().unwrap_or(
                r.numerator
                    .map_or(XCell::Symbol(NOT_AVAILABLE), XCell::Count),
            ),
            den,
            XCell::Text(target.clone()),
            if hidden.is_some() {
                XCell::Text(String::new())
            } else {
                met(r.target_met)
            },
        ]
    };
    let riket = &ind.riket;
    let hidden = riket.suppressed.then_some(XCell::Symbol(SUPPRESSED));
    let total = vec![
        XCell::Text(format!(
            "Riket ({} av {} regioner)",
            riket.regions, riket.of
        )),
        hidden.clone().unwrap_or_else(|| {
            if riket.regions == 0 {
                XCell::Symbol(NOT_AVAILABLE)
            } else {
                value(riket.value)
            }
        }),
        hidden.clone().unwrap_or(XCell::Count(riket.numerator)),
        if ind.kind.has_denominator() {
            hidden.clone().unwrap_or(
                riket
                    .denominator
                    .map_or(XCell::Symbol(NOT_AVAILABLE), XCell::Count),
            )
        } else {
            XCell::Symbol(CANNOT_OCCUR)
        },
        XCell::Text(target.clone()),
        if hidden.is_some() {
            XCell::Text(String::new())
        } else {
            met(riket.target_met)
        },
    ];
    let mut notes = ind.notes.clone();
    if ind.rows.iter().any(|r| r.suppressed) || riket.suppressed {
        notes.push(n.suppression_note.clone());
    }
    TableSheet {
        sheet: format!("R4.{k}"),
        title: format!(
            "Tabell R4.{k}. {} per region och för riket, {}",
            ind.label, n.year
        ),
        unit: ind.unit.clone(),
        headers: [
            "Region",
            "Värde",
            "Täljare",
            "Nämnare",
            "Målvärde",
            "Målet nått",
        ]
        .map(String::from)
        .to_vec(),
        rows: ind.rows.iter().map(row).collect(),
        total: Some(total),
        notes,
        charts: vec![],
    }
}

fn sources(wb: &mut Workbook, f: &Formats, n: &National) -> Result<(), XlsxError> {
    let mut rows: Vec<Vec<String>> = n
        .regions
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.code.clone().unwrap_or_default(),
                r.file.clone().unwrap_or_default(),
                r.generated.map(|d| d.to_string()).unwrap_or_default(),
                match (r.reported, r.listed, r.draft) {
                    (false, _, _) => "ej inkommen".to_string(),
                    (true, _, true) => "inräknad (utkast)".to_string(),
                    (true, true, false) => "inräknad".to_string(),
                    (true, false, false) => {
                        "inräknad (region som riket.toml inte listar)".to_string()
                    }
                },
            ]
        })
        .collect();
    rows.extend(n.files.iter().filter(|f| !f.counted).map(|f| {
        vec![
            f.region.clone().unwrap_or_default(),
            String::new(),
            f.file.clone(),
            f.generated.map(|d| d.to_string()).unwrap_or_default(),
            "ej inräknad (se Avvikelser)".to_string(),
        ]
    }));
    simple_sheet(
        wb,
        f,
        n.draft,
        "Källor",
        &format!("Källor: regionernas redovisningar, {}", n.year),
        &["Region", "Kod", "Fil", "Redovisningens datum", "Status"],
        rows,
    )
}

fn legend(wb: &mut Workbook, f: &Formats, n: &National) -> Result<(), XlsxError> {
    let rows = [
        (NOTHING, "Inget finns att redovisa (värdet är noll)".to_string()),
        (
            NOT_AVAILABLE,
            "Uppgift inte tillgänglig: regionens redovisning har inte kommit in, eller saknar indikatorn".to_string(),
        ),
        (
            CANNOT_OCCUR,
            "Uppgift kan inte förekomma: regionen använder inte insatsområdet, eller nämnare för ett antal".to_string(),
        ),
        (SUPPRESSED, n.suppression_note.clone()),
    ]
    .into_iter()
    .map(|(s, m)| vec![s.to_string(), m])
    .collect();
    simple_sheet(
        wb,
        f,
        n.draft,
        "Teckenförklaring",
        "Teckenförklaring",
        &["Tecken", "Betydelse"],
        rows,
    )
}

fn definitions(wb: &mut Workbook, f: &Formats, n: &National) -> Result<(), XlsxError> {
    let mut rows: Vec<Vec<String>> = n
        .indicators
        .iter()
        .map(|i| {
            vec![
                "Indikator".to_string(),
                i.label.clone(),
                i.unit.clone(),
                i.definition.clone(),
            ]
        })
        .collect();
    rows.extend(n.areas.columns.iter().map(|a| {
        vec![
            "Insatsområde".to_string(),
            a.label.clone(),
            String::new(),
            format!("Kod {}", a.code),
        ]
    }));
    simple_sheet(
        wb,
        f,
        n.draft,
        "Definitioner",
        "Definitioner",
        &["Typ", "Namn", "Enhet", "Definition"],
        rows,
    )
}
