//! The `Anvisningar` sheet: what each column means and takes, in Swedish, from the
//! configuration (areas, statuses, indicators with their definitions and targets).

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::{GUIDE_SHEET, Styles, capitalise, protection};
use crate::config::{Config, Direction, IndicatorKind};
use crate::model::{SHIFTS, Status};
use crate::schema::SheetKind;

pub(super) fn guide(ws: &mut Worksheet, config: &Config, st: &Styles) -> Result<(), XlsxError> {
    ws.set_name(GUIDE_SHEET)?;
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 90)?;
    let mut g = Lines {
        ws,
        row: 0,
        wrap: &st.wrap,
    };
    g.line(
        &[&format!("Redovisning av God och nära vård {}", config.year)],
        Some(&st.title),
    )?;
    for text in [
        "Så här fyller du i arbetsboken. Den lämnas till regionkontoret, som sammanställer alla förvaltningars redovisningar med programmet redovisa.",
        "Uppgifter: förvaltningens namn, året och en kontaktperson. Namnet och året är redan ifyllda.",
        "Insatser: en rad per insats. Beloppen skrivs i hela kronor, utan mellanslag eller \"kr\" (Excel visar tusentalsavgränsare själv). Lägg inte till någon summarad; regionen räknar summorna.",
        "Indikatorer: en rad per indikator, enhet (t.ex. vårdcentral) och period. Perioden är ett år (2025), ett kvartal (2025-Q1) eller en månad (2025-03). Samma indikator, enhet och period får bara finnas en gång.",
        "Listor: insatsområde, status, förflyttning, indikator och period väljs i rullistan i cellen. Rubrikraderna är låsta, så att programmet känner igen kolumnerna; resten av bladen kan du redigera fritt.",
    ] {
        g.line(&["", "", text], None)?;
    }
    g.row += 1;
    for (kind, title) in [
        (SheetKind::Initiatives, "Bladet Insatser"),
        (SheetKind::Indicators, "Bladet Indikatorer"),
    ] {
        g.line(&[title, "Krävs", "Vad du skriver"], Some(&st.header))?;
        for spec in kind.columns() {
            let required = if spec.required { "ja" } else { "" };
            let extra = match spec.column {
                crate::schema::Column::Spent => " Krävs för alla insatser utom planerade.",
                crate::schema::Column::Denominator => {
                    " Krävs för andelar och kvoter; lämnas tom för antal."
                }
                crate::schema::Column::Id => {
                    " Lämnas den tom får insatsen ett id av filnamnet och radnumret."
                }
                _ => "",
            };
            g.line(
                &[
                    spec.header,
                    required,
                    &format!("{}.{extra}", capitalise(spec.help)),
                ],
                None,
            )?;
        }
        g.row += 1;
    }
    g.line(
        &["Insatsområde", "Kod", "Andra namn som också godtas"],
        Some(&st.header),
    )?;
    for a in &config.areas {
        g.line(&[&a.label, &a.code, &a.aliases.join(", ")], None)?;
    }
    g.row += 1;
    g.line(&["Indikator", "Kod", "Definition"], Some(&st.header))?;
    for i in &config.indicators {
        let kind = match i.kind {
            IndicatorKind::Share => "Andel i procent: täljare och nämnare.".to_string(),
            IndicatorKind::Rate => format!("{}: täljare och nämnare.", i.unit()),
            IndicatorKind::Count => "Antal: bara täljare, ingen nämnare.".to_string(),
        };
        let target = i.target.map_or(String::new(), |t| {
            let dir = if t.direction == Direction::AtLeast {
                "minst"
            } else {
                "högst"
            };
            format!(" Målet är {dir} {}.", crate::text::num(t.value, 1))
        });
        g.line(
            &[
                &i.label,
                &i.code,
                &format!("{} {kind}{target}", i.definition),
            ],
            None,
        )?;
    }
    g.row += 1;
    g.line(
        &["Förflyttning", "Nummer", "SKR:s fyra förflyttningar"],
        Some(&st.header),
    )?;
    for (n, s) in SHIFTS.iter().enumerate() {
        g.line(&["", &(n + 1).to_string(), s], None)?;
    }
    g.row += 1;
    g.line(&["Status", "", "Betydelse"], Some(&st.header))?;
    for (s, meaning) in Status::ALL.iter().zip([
        "beslutad men inte påbörjad; använda medel behövs inte",
        "påbörjad och inte avslutad",
        "avslutad enligt plan",
        "avslutad i förtid",
    ]) {
        g.line(&[s.label(), "", meaning], None)?;
    }
    g.ws.protect_with_options(&protection());
    Ok(())
}

/// Writes the instruction sheet line by line.
struct Lines<'a> {
    ws: &'a mut Worksheet,
    row: u32,
    wrap: &'a Format,
}

impl Lines<'_> {
    fn line(&mut self, cells: &[&str], format: Option<&Format>) -> Result<(), XlsxError> {
        for (c, text) in cells.iter().enumerate() {
            self.ws.write_string_with_format(
                self.row,
                c as u16,
                *text,
                format.unwrap_or(self.wrap),
            )?;
        }
        self.row += 1;
        Ok(())
    }
}
