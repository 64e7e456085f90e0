//! `redovisa template`: the blank input workbook an administration fills in — the three
//! sheets with their headers exactly as `read` expects them, dropdown lists fed from the
//! configuration, number and date validation with Swedish messages, protected headers and
//! an `Anvisningar` sheet that explains every column, area and indicator.
//!
//! Builds the workbook in memory; writing it is the caller's job. Rows can be prefilled,
//! which the tests use to fill a template exactly as an administration would.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime,
    Format, FormatAlign, FormatBorder, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::config::Config;
use crate::model::{SHIFTS, Status};
use crate::schema::{ColumnSpec, SheetKind, ValueType, info_keys};

/// The hidden sheet that holds the dropdown lists.
pub const LISTS_SHEET: &str = "Listor";
/// The sheet with instructions.
pub const GUIDE_SHEET: &str = "Anvisningar";
/// The last row (1-based) that gets validation and unlocked cells.
pub const LAST_ROW: u32 = 2000;

/// A value to prefill.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A date.
    Date(crate::value::Date),
    /// Nothing.
    Empty,
    /// Nothing yet, marked (filled yellow) for the administration to fill in: this year's
    /// cells of an initiative carried over from last year.
    ToFill,
}

/// Rows to prefill below the headers, in the columns' template order.
#[derive(Debug, Clone, Default)]
pub struct Prefill {
    /// Rows of `Insatser`.
    pub initiatives: Vec<Vec<Cell>>,
    /// Rows of `Indikatorer`.
    pub indicators: Vec<Vec<Cell>>,
}

/// The file name of an administration's template: `mall-<slug>-<year>.xlsx`.
pub fn file_name(administration: &str, year: i32) -> String {
    let slug = crate::text::file_name(administration);
    let slug = slug.trim_end_matches(".xlsx");
    if slug.is_empty() {
        format!("mall-{year}.xlsx")
    } else {
        format!("mall-{slug}-{year}.xlsx")
    }
}

/// A file name for each administration, in order: [`file_name`], with `-2`, `-3`, …
/// before the year where two names give the same one (`Närsjukvården` and
/// `Narsjukvarden`), so that no workbook is written over another.
pub fn file_names(administrations: &[String], year: i32) -> Vec<String> {
    let mut taken = std::collections::BTreeSet::new();
    administrations
        .iter()
        .map(|name| {
            let base = file_name(name, year);
            let stem = base.trim_end_matches(&format!("-{year}.xlsx")).to_string();
            let mut candidate = base;
            let mut n = 2;
            while !taken.insert(candidate.clone()) {
                candidate = format!("{stem}-{n}-{year}.xlsx");
                n += 1;
            }
            candidate
        })
        .collect()
}

struct Styles {
    header: Format,
    key: Format,
    input: Format,
    date: Format,
    money: Format,
    number: Format,
    text: Format,
    title: Format,
    wrap: Format,
}

impl Styles {
    fn new() -> Self {
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color("#DCE6F1")
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            key: Format::new().set_bold(),
            input: Format::new().set_unlocked(),
            date: Format::new().set_unlocked().set_num_format("yyyy-mm-dd"),
            money: Format::new().set_unlocked().set_num_format("#,##0"),
            number: Format::new().set_unlocked().set_num_format("#,##0.##"),
            text: Format::new().set_unlocked().set_num_format("@"),
            title: Format::new().set_bold().set_font_size(14),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// Builds the template for `administration` (may be empty), with `prefill` rows.
pub fn workbook(
    config: &Config,
    administration: &str,
    prefill: &Prefill,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(config.year as u16, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "Redovisning God och nära vård {} – {administration}",
                config.year
            ))
            .set_author("redovisa")
            .set_creation_datetime(&created),
    );
    let st = Styles::new();
    guide(wb.add_worksheet(), config, &st)?;
    info(wb.add_worksheet(), config, administration, &st)?;
    let lists = Lists::new(config);
    data_sheet(
        wb.add_worksheet(),
        config,
        SheetKind::Initiatives,
        &lists,
        &prefill.initiatives,
        &st,
    )?;
    data_sheet(
        wb.add_worksheet(),
        config,
        SheetKind::Indicators,
        &lists,
        &prefill.indicators,
        &st,
    )?;
    lists.write(wb.add_worksheet())?;
    wb.worksheet_from_index(2)?.set_active(true);
    wb.save_to_buffer()
}

fn protection() -> ProtectionOptions {
    ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        delete_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    }
}

fn info(
    ws: &mut Worksheet,
    config: &Config,
    administration: &str,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(SheetKind::Info.name())?;
    let help = [
        "förvaltningens namn, som det ska stå i rapporten",
        "året som redovisas",
        "den som kan svara på frågor om redovisningen",
        "e-postadress till kontaktpersonen",
        "telefonnummer till kontaktpersonen",
        "datum då redovisningen lämnas in, ÅÅÅÅ-MM-DD",
    ];
    for (row, (key, help)) in info_keys::ALL.iter().zip(help).enumerate() {
        let row = row as u32;
        ws.write_string_with_format(row, 0, *key, &st.key)?;
        match *key {
            info_keys::ADMINISTRATION => {
                ws.write_string_with_format(row, 1, administration, &st.input)?
            }
            info_keys::YEAR => {
                ws.write_number_with_format(row, 1, f64::from(config.year), &st.input)?
            }
            info_keys::SUBMITTED => ws.write_blank(row, 1, &st.date)?,
            _ => ws.write_blank(row, 1, &st.input)?,
        };
        let mut v = DataValidation::new()
            .set_input_title(*key)?
            .set_input_message(help)?;
        if *key == info_keys::SUBMITTED {
            v = date_rule(config, v)?;
        } else if *key == info_keys::YEAR {
            v = v
                .allow_whole_number(DataValidationRule::EqualTo(config.year))
                .set_error_title("Fel år")?
                .set_error_message(format!("Redovisningsåret är {}.", config.year))?;
        }
        ws.add_data_validation(row, 1, row, 1, &v)?;
        ws.write_string_with_format(row, 2, help, &st.wrap)?;
    }
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 42)?;
    ws.set_column_width(2, 50)?;
    ws.protect_with_options(&protection());
    Ok(())
}

fn date_rule(config: &Config, v: DataValidation) -> Result<DataValidation, XlsxError> {
    let from = ExcelDateTime::from_ymd((config.year - 10) as u16, 1, 1)?;
    let to = ExcelDateTime::from_ymd((config.year + 10) as u16, 12, 31)?;
    v.allow_date(DataValidationRule::Between(from, to))
        .set_error_title("Inget datum")?
        .set_error_message("Skriv ett datum, ÅÅÅÅ-MM-DD, till exempel 2025-03-01.")
}

/// The dropdown lists, one column each on the hidden `Listor` sheet.
struct Lists {
    columns: Vec<(&'static str, Vec<String>)>,
}

impl Lists {
    fn new(config: &Config) -> Self {
        let y = config.year;
        let periods = std::iter::once(y.to_string())
            .chain((1..=4).map(|q| format!("{y}-Q{q}")))
            .chain((1..=12).map(|m| format!("{y}-{m:02}")))
            .collect();
        Lists {
            columns: vec![
                (
                    "Insatsområde",
                    config.areas.iter().map(|a| a.label.clone()).collect(),
                ),
                (
                    "Status",
                    Status::ALL.iter().map(|s| s.label().to_string()).collect(),
                ),
                (
                    "Förflyttning",
                    (1..=SHIFTS.len()).map(|n| n.to_string()).collect(),
                ),
                (
                    "Indikator",
                    config.indicators.iter().map(|i| i.label.clone()).collect(),
                ),
                ("Period", periods),
                ("Ja/Nej", vec!["Ja".into(), "Nej".into()]),
            ],
        }
    }

    /// The formula of the list named `name`, e.g. `=Listor!$A$2:$A$7`.
    fn formula(&self, name: &str) -> Option<Formula> {
        let (i, (_, values)) = self
            .columns
            .iter()
            .enumerate()
            .find(|(_, (n, _))| *n == name)?;
        let col = crate::diagnostic::column_name(i as u32);
        Some(Formula::new(format!(
            "={LISTS_SHEET}!${col}$2:${col}${}",
            values.len().max(1) + 1
        )))
    }

    fn write(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        ws.set_name(LISTS_SHEET)?;
        for (c, (name, values)) in self.columns.iter().enumerate() {
            ws.write_string(0, c as u16, *name)?;
            for (r, v) in values.iter().enumerate() {
                match (*name, v.parse::<f64>()) {
                    ("Förflyttning", Ok(n)) => ws.write_number(r as u32 + 1, c as u16, n)?,
                    _ => ws.write_string(r as u32 + 1, c as u16, v)?,
                };
            }
        }
        ws.set_hidden(true);
        ws.protect();
        Ok(())
    }
}

/// The validation of one column, with its input message.
fn validation(
    spec: &ColumnSpec,
    config: &Config,
    lists: &Lists,
) -> Result<DataValidation, XlsxError> {
    let required = if spec.required { " Obligatorisk." } else { "" };
    let message: String = format!("{}.{required}", capitalise(spec.help))
        .chars()
        .take(255)
        .collect();
    let v = DataValidation::new()
        .set_input_title(spec.header.chars().take(32).collect::<String>())?
        .set_input_message(message)?;
    let list = |v: DataValidation, name: &str| -> Result<DataValidation, XlsxError> {
        let formula = lists.formula(name).expect("every list is defined");
        v.allow_list_formula(formula)
            .set_error_title("Okänt värde")?
            .set_error_message(format!(
                "Välj ett värde i listan ({}).",
                name.to_lowercase()
            ))
    };
    use crate::schema::Column as C;
    Ok(match (spec.column, spec.kind) {
        (C::Area, _) => list(v, "Insatsområde")?,
        (C::Status, _) => list(v, "Status")?,
        (C::Shift, _) => list(v, "Förflyttning")?,
        (C::Indicator, _) => list(v, "Indikator")?,
        (C::Period, _) => list(v, "Period")?.set_error_style(DataValidationErrorStyle::Warning),
        (_, ValueType::YesNo) => list(v, "Ja/Nej")?,
        (_, ValueType::Date) => date_rule(config, v)?,
        (C::Denominator, _) => v
            .allow_decimal_number(DataValidationRule::GreaterThan(0.0))
            .set_error_title("Fel nämnare")?
            .set_error_message("Nämnaren ska vara ett tal större än 0 (tom för antal).")?,
        (_, ValueType::Money | ValueType::Number) => v
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
            .set_error_title("Inget tal")?
            .set_error_message("Skriv ett tal som är 0 eller större, utan enhet.")?,
        (C::Name, _) => v
            .allow_text_length(DataValidationRule::LessThanOrEqualTo(200))
            .set_error_title("För långt namn")?
            .set_error_message("Namnet får vara högst 200 tecken.")?,
        _ => v,
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

fn data_sheet(
    ws: &mut Worksheet,
    config: &Config,
    kind: SheetKind,
    lists: &Lists,
    prefill: &[Vec<Cell>],
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(kind.name())?;
    let columns = kind.columns();
    // Each column's format, and the same filled yellow for the cells marked to fill.
    let mut to_fill = Vec::with_capacity(columns.len());
    for (c, spec) in columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, spec.header, &st.header)?;
        let (format, width) = match spec.kind {
            ValueType::Date => (&st.date, 12.0),
            ValueType::Money => (&st.money, 15.0),
            ValueType::Number => (&st.number, 12.0),
            ValueType::Period => (&st.text, 11.0),
            ValueType::Enum if spec.column == crate::schema::Column::Shift => (&st.input, 12.0),
            ValueType::Enum => (&st.input, 34.0),
            ValueType::Text if spec.column == crate::schema::Column::Name => (&st.input, 40.0),
            _ => (&st.input, 24.0),
        };
        ws.set_column_format(c, format)?;
        to_fill.push(
            format
                .clone()
                .set_background_color("#FFF2CC")
                .set_border(FormatBorder::Thin)
                .set_border_color("#BF9000"),
        );
        ws.set_column_width(c, width)?;
        ws.add_data_validation(1, c, LAST_ROW - 1, c, &validation(spec, config, lists)?)?;
    }
    for (r, row) in prefill.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match cell {
                Cell::Text(t) => ws.write_string_with_format(r, c, t, &st.input)?,
                Cell::Number(n) => ws.write_number_with_format(r, c, *n, &st.number)?,
                Cell::Date(d) => {
                    let dt = ExcelDateTime::from_ymd(d.year as u16, d.month, d.day)?;
                    ws.write_datetime_with_format(r, c, dt, &st.date)?
                }
                Cell::Empty => ws,
                Cell::ToFill => ws.write_blank(r, c, &to_fill[c as usize])?,
            };
        }
    }
    ws.set_row_height(0, 32)?;
    ws.set_freeze_panes(1, 0)?;
    ws.protect_with_options(&protection());
    Ok(())
}

pub mod carry;
mod guide;
use guide::guide;
