//! `redovisa sample`: seeded, realistic example submissions of any size — administrations
//! with Swedish names, initiatives across every area and status, and monthly indicator
//! rows per clinic — written as `.xlsx` workbooks in the input format.
//!
//! The same seed and sizes give the same workbooks. Builds workbooks in memory; the
//! caller decides where to write them.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::config::{Config, Indicator, IndicatorKind};
use crate::model::Status;
use crate::schema::{INDICATOR_COLUMNS, INITIATIVE_COLUMNS, SheetKind, info_keys};

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// Number of administrations (one workbook each).
    pub administrations: usize,
    /// Initiatives per administration.
    pub rows: usize,
    /// Clinics (units) per administration that report indicators monthly.
    pub clinics: usize,
    /// The seed.
    pub seed: u64,
    /// The share of units, in per cent, that stop reporting after September (their
    /// flows then leave gaps in the year); `None`: one unit of the second administration,
    /// so that the example shows the note.
    pub partial: Option<u8>,
}

/// A small, fast, seeded generator (`SplitMix64`); stable across platforms and versions.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// A float in `[lo, hi)`.
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * (hi - lo)
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

mod prose;
mod words;
use words::{ADMINISTRATIONS, PLACES};

/// An initiative written, as the indicator sheet may link to it.
struct Written {
    id: String,
    area: usize,
    status: Status,
}

/// The administration names for `n` workbooks (numbered after the first twelve).
pub fn administration_names(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let base = ADMINISTRATIONS[i % ADMINISTRATIONS.len()];
            match i / ADMINISTRATIONS.len() {
                0 => base.to_string(),
                k => format!("{base} {}", k + 1),
            }
        })
        .collect()
}

pub use crate::text::file_name;

/// Generates every workbook: `(file name, bytes)`.
pub fn generate(config: &Config, size: Size) -> Result<Vec<(String, Vec<u8>)>, XlsxError> {
    use rayon::prelude::*;
    administration_names(size.administrations)
        .par_iter()
        .enumerate()
        .map(|(i, name)| {
            let mut rng = Rng::new(size.seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
            Ok((file_name(name), workbook(config, name, i, size, &mut rng)?))
        })
        .collect()
}

/// A workbook of one administration `name` reporting one year figure of `indicator`
/// (a count: `numerator` alone) and one initiative: a small unit for an example whose
/// figure must be hidden.
pub fn one_figure(
    config: &Config,
    name: &str,
    indicator: &str,
    numerator: f64,
) -> Result<(String, Vec<u8>), XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd((config.year + 1) as u16, 2, 15)?;
    wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    info_sheet(wb.add_worksheet(), config, name, &bold)?;
    let ws = wb.add_worksheet();
    ws.set_name(SheetKind::Initiatives.name())?;
    for (c, h) in ["Insats", "Insatsområde", "Status", "Använda medel"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let area = config.areas.first().map_or("other", |a| a.code.as_str());
    ws.write_string(1, 0, "Mobilt team i glesbygd")?;
    ws.write_string(1, 1, area)?;
    ws.write_string(1, 2, "Pågående")?;
    ws.write_number(1, 3, 150_000.0)?;
    let ws = wb.add_worksheet();
    ws.set_name(SheetKind::Indicators.name())?;
    for (c, h) in ["Indikator", "Period", "Täljare"].iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    ws.write_string(1, 0, indicator)?;
    ws.write_string(1, 1, config.year.to_string())?;
    ws.write_number(1, 2, numerator)?;
    Ok((file_name(name), wb.save_to_buffer()?))
}

fn workbook(
    config: &Config,
    name: &str,
    index: usize,
    size: Size,
    rng: &mut Rng,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let big = size.rows * 15 + size.clinics * 60 > 200_000;
    let created = ExcelDateTime::from_ymd((config.year + 1) as u16, 2, 15)?;
    wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    info_sheet(wb.add_worksheet(), config, name, &bold)?;
    let ws = if big {
        wb.add_worksheet_with_constant_memory()?
    } else {
        wb.add_worksheet()
    };
    let ids = initiatives_sheet(ws, config, name, size.rows, rng, &bold)?;
    let ws = if big {
        wb.add_worksheet_with_constant_memory()?
    } else {
        wb.add_worksheet()
    };
    indicators_sheet(ws, config, index, size, &ids, rng, &bold)?;
    wb.save_to_buffer()
}

fn info_sheet(
    ws: &mut Worksheet,
    config: &Config,
    name: &str,
    bold: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(SheetKind::Info.name())?;
    let slug = file_name(name).trim_end_matches(".xlsx").to_string();
    let values = [
        name.to_string(),
        config.year.to_string(),
        "Kim Andersson".to_string(),
        format!("kim.andersson@{slug}.exempel.se"),
        "010-123 45 67".to_string(),
    ];
    for (row, (key, value)) in info_keys::ALL.iter().zip(values).enumerate() {
        ws.write_string_with_format(row as u32, 0, *key, bold)?;
        if *key == info_keys::YEAR {
            ws.write_number(row as u32, 1, f64::from(config.year))?;
        } else {
            ws.write_string(row as u32, 1, value)?;
        }
    }
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let submitted = ExcelDateTime::from_ymd((config.year + 1) as u16, 2, 15)?;
    ws.write_datetime_with_format(5, 1, &submitted, &date_fmt)?;
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 40)?;
    Ok(())
}

fn initiatives_sheet(
    ws: &mut Worksheet,
    config: &Config,
    name: &str,
    rows: usize,
    rng: &mut Rng,
    bold: &Format,
) -> Result<Vec<Written>, XlsxError> {
    ws.set_name(SheetKind::Initiatives.name())?;
    ws.write_string_with_format(
        0,
        0,
        format!("Insatser inom God och nära vård {} – {name}", config.year),
        bold,
    )?;
    ws.write_string(1, 0, "Fyll i en rad per insats. Belopp i kronor.")?;
    for (c, spec) in INITIATIVE_COLUMNS.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, spec.header, bold)?;
    }
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let money_fmt = Format::new().set_num_format("# ##0");
    let prefix: String = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(3)
        .collect::<String>()
        .to_uppercase();
    let mut ids = Vec::new();
    let formats = (&date_fmt, &money_fmt);
    let mut names = std::collections::HashSet::new();
    for i in 0..rows {
        ids.push(initiative_row(
            ws, config, i, &prefix, rng, formats, &mut names,
        )?);
    }
    for (c, w) in [12, 40, 40, 30, 12, 12, 12, 12, 14, 14, 16, 24, 10, 30, 16]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(4, 0)?;
    Ok(ids)
}

/// Writes initiative number `i` (0-based) at sheet row 5 + `i`; returns what the
/// indicator sheet needs of it. The random draws come in a fixed order, so a seed gives
/// the same workbook.
fn initiative_row(
    ws: &mut Worksheet,
    config: &Config,
    i: usize,
    prefix: &str,
    rng: &mut Rng,
    (date_fmt, money_fmt): (&Format, &Format),
    names: &mut std::collections::HashSet<String>,
) -> Result<Written, XlsxError> {
    let r = 4 + i as u32;
    let area_index = i % config.areas.len();
    let area = &config.areas[area_index];
    let status = Status::ALL[(i / config.areas.len() + rng.below(2) as usize) % 4];
    let kinds = prose::KINDS[area_index % prose::KINDS.len()];
    let id = format!("{prefix}-{:03}", i + 1);
    ws.write_string(r, 0, &id)?;
    // A workbook names each initiative once, as people do, while the names last.
    let (mut kind, mut place) = (rng.pick(kinds), rng.pick(&PLACES));
    for _ in 0..8 {
        if !names.contains(&format!("{} {place}", kind.name)) {
            break;
        }
        (kind, place) = (rng.pick(kinds), rng.pick(&PLACES));
    }
    let name = format!("{} {place}", kind.name);
    ws.write_string(r, 1, &name)?;
    names.insert(name);
    let group = *rng.pick(prose::GROUPS[area_index % prose::GROUPS.len()]);
    let cooperates = rng.below(2) == 0;
    let description = prose::description(kind, place, group, cooperates, rng);
    ws.write_string(r, 2, description)?;
    ws.write_string(
        r,
        3,
        if rng.below(3) == 0 {
            &area.code
        } else {
            &area.label
        },
    )?;
    ws.write_number(r, 4, (1 + rng.below(4)) as f64)?;
    ws.write_string(r, 5, status.label())?;
    let start_month = 1 + rng.below(9) as u8;
    let start = ExcelDateTime::from_ymd(config.year as u16, start_month, 1)?;
    ws.write_datetime_with_format(r, 6, &start, date_fmt)?;
    if matches!(status, Status::Completed | Status::Cancelled) {
        let end = ExcelDateTime::from_ymd(config.year as u16, (start_month + 3).min(12), 28)?;
        ws.write_datetime_with_format(r, 7, &end, date_fmt)?;
    }
    let budget = (rng.range(50.0, 1200.0)).round() * 1000.0;
    ws.write_number_with_format(r, 8, budget, money_fmt)?;
    if status != Status::Planned {
        let spent = (budget * rng.range(0.3, 1.1)).round();
        let agreement = (spent * rng.range(0.6, 1.0)).round();
        ws.write_number_with_format(r, 9, spent, money_fmt)?;
        ws.write_number_with_format(r, 10, agreement, money_fmt)?;
    }
    ws.write_string(r, 11, group)?;
    ws.write_string(r, 12, if cooperates { "Ja" } else { "Nej" })?;
    if let Some(result) = prose::result(kind, place, status, rng) {
        ws.write_string(r, 13, result)?;
    }
    ws.write_string(r, 14, "Kim Andersson")?;
    Ok(Written {
        id,
        area: area_index,
        status,
    })
}

/// The unit (clinic, team) number `clinic` of administration `index`: every unit has a
/// name of its own, so that no unit is reported by two administrations.
fn unit_name(index: usize, clinic: usize, clinics: usize) -> String {
    let k = index * clinics + clinic;
    let place = PLACES[k % PLACES.len()];
    match k / PLACES.len() {
        0 => format!("Vårdcentral {place}"),
        n => format!("Vårdcentral {place} {}", n + 1),
    }
}

/// How a unit reports over the year: every month, every quarter, or every month but the
/// last quarter's (a unit that stopped reporting, so the example shows the note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rhythm {
    Monthly,
    Quarterly,
    StoppedAfterSeptember,
}

fn rhythm(index: usize, clinic: usize, size: Size) -> Rhythm {
    if let Some(percent) = size.partial {
        // Spread over the units by a stride coprime to 100, the same for every seed.
        let k = index * size.clinics + clinic;
        if (k * 37 + 11) % 100 < usize::from(percent) {
            return Rhythm::StoppedAfterSeptember;
        }
    }
    match (index, clinic) {
        (1, 1) if size.partial.is_none() => Rhythm::StoppedAfterSeptember,
        (2, 0) => Rhythm::Quarterly,
        _ => Rhythm::Monthly,
    }
}

fn indicators_sheet(
    ws: &mut Worksheet,
    config: &Config,
    index: usize,
    size: Size,
    ids: &[Written],
    rng: &mut Rng,
    bold: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(SheetKind::Indicators.name())?;
    for (c, spec) in INDICATOR_COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, spec.header, bold)?;
    }
    // Each administration reports the indicators that fit it; all together cover all.
    let n = config.indicators.len().max(1);
    let chosen: Vec<_> = config
        .indicators
        .iter()
        .enumerate()
        .filter(|(i, _)| (i + index) % n < 3)
        .map(|(_, ind)| ind)
        .collect();
    // Every unit serves a part of the region's inhabitants; the parts add up to less than
    // the whole (not every inhabitant is listed, not every unit reports).
    let units = (size.administrations * size.clinics).max(1) as f64;
    let share_of_region = config.population.max(10_000) as f64 / units;
    let mut r = 1u32;
    for clinic in 0..size.clinics {
        let unit = unit_name(index, clinic, size.clinics);
        let population = (share_of_region * rng.range(0.6, 0.95)).round();
        let rhythm = rhythm(index, clinic, size);
        for ind in &chosen {
            let mut series = Series::new(ind, index, clinic, population, rng);
            let linked = linked_initiative(config, ind, ids, rng);
            let periods: Vec<(String, f64)> = match rhythm {
                Rhythm::Monthly => (1..=12)
                    .map(|m| (format!("{}-{m:02}", config.year), 1.0))
                    .collect(),
                Rhythm::StoppedAfterSeptember => (1..=9)
                    .map(|m| (format!("{}-{m:02}", config.year), 1.0))
                    .collect(),
                Rhythm::Quarterly => (1..=4)
                    .map(|q| (format!("{}-Q{q}", config.year), 3.0))
                    .collect(),
            };
            for (period, months) in &periods {
                let (num, den) = series.next(*months, rng);
                ws.write_string(r, 0, &ind.label)?;
                ws.write_string(r, 1, &unit)?;
                ws.write_string(r, 2, period)?;
                ws.write_number(r, 3, num)?;
                if let Some(den) = den {
                    ws.write_number(r, 4, den)?;
                }
                if let Some(id) = linked {
                    ws.write_string(r, 5, id)?;
                }
                r += 1;
            }
        }
    }
    for (c, w) in [40, 28, 10, 10, 10, 12, 30].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

/// The area whose initiatives an indicator measures, in the default configuration.
fn area_measured(config: &Config, ind: &Indicator) -> Option<usize> {
    let area = match ind.code.as_str() {
        "named_doctor_share" => "named_doctor",
        "digital_contacts_share" => "digital",
        "avoided_admissions" | "avoidable_hospitalisation_rate" | "readmission_30d_share" => {
            "avoided_admissions"
        }
        _ => return None,
    };
    config.areas.iter().position(|a| a.code == area)
}

/// The initiative a unit's whole series of an indicator is linked to (`Insats-id`), for
/// about one series in three: one of the administration's started initiatives in the
/// area the indicator measures.
fn linked_initiative<'a>(
    config: &Config,
    ind: &Indicator,
    ids: &'a [Written],
    rng: &mut Rng,
) -> Option<&'a str> {
    let area = area_measured(config, ind)?;
    let fitting: Vec<&Written> = ids
        .iter()
        .filter(|w| w.area == area && matches!(w.status, Status::Ongoing | Status::Completed))
        .collect();
    if fitting.is_empty() || rng.below(3) != 0 {
        return None;
    }
    Some(rng.pick(&fitting).id.as_str())
}

/// One unit's figures for one indicator over the year. Flows (contacts, admissions) are
/// drawn per period in proportion to its length; stocks (listed patients, inhabitants)
/// start at the unit's size and drift by a few per mille a month.
struct Series {
    code: String,
    kind: IndicatorKind,
    numerator_is_stock: bool,
    denominator_is_stock: bool,
    /// The stock (listed patients or inhabitants) this period.
    stock: f64,
    /// The share of the stock or of the flow in the numerator.
    share: f64,
    /// A small administration's count: two events in all, in its first unit's first
    /// two periods, so that the example shows suppression.
    few: Option<bool>,
    /// Periods drawn so far.
    drawn: u32,
}

impl Series {
    fn new(ind: &Indicator, index: usize, clinic: usize, population: f64, rng: &mut Rng) -> Self {
        let share = match ind.code.as_str() {
            "named_doctor_share" => rng.range(0.45, 0.75),
            "digital_contacts_share" => rng.range(0.08, 0.30),
            "readmission_30d_share" => rng.range(0.08, 0.16),
            _ => rng.range(0.006, 0.012), // avoidable admissions a year per inhabitant
        };
        Series {
            code: ind.code.clone(),
            kind: ind.kind,
            numerator_is_stock: ind.numerator.is_stock(),
            denominator_is_stock: ind.denominator.is_stock(),
            stock: population,
            share,
            few: (ind.kind == IndicatorKind::Count && index % 4 == 1).then_some(clinic == 0),
            drawn: 0,
        }
    }

    /// The numerator and denominator of the next period, `months` long.
    fn next(&mut self, months: f64, rng: &mut Rng) -> (f64, Option<f64>) {
        self.drawn += 1;
        self.stock = (self.stock * (1.0 + rng.range(-0.002, 0.004) * months)).round();
        self.share = (self.share * (1.0 + rng.range(-0.01, 0.01))).clamp(0.0, 1.0);
        match self.kind {
            IndicatorKind::Count if self.few.is_some() => {
                let first = self.few == Some(true) && self.drawn <= 2;
                (f64::from(u8::from(first)), None)
            }
            IndicatorKind::Count => ((rng.range(0.0, 14.0) * months).round(), None),
            IndicatorKind::Share if self.numerator_is_stock && self.denominator_is_stock => {
                ((self.stock * self.share).round(), Some(self.stock))
            }
            IndicatorKind::Share => {
                // Flows: contacts or discharges in the period.
                let per_month = match self.code.as_str() {
                    "digital_contacts_share" => self.stock * 0.2,
                    _ => self.stock * 0.01,
                };
                let den = (per_month * months * rng.range(0.9, 1.1)).round().max(1.0);
                ((den * self.share).round(), Some(den))
            }
            IndicatorKind::Rate => {
                let events =
                    (self.stock * self.share / 12.0 * months * rng.range(0.8, 1.2)).round();
                let den = if self.denominator_is_stock {
                    self.stock
                } else {
                    (self.stock / 12.0 * months).round()
                };
                (events, Some(den))
            }
        }
    }
}

#[cfg(test)]
mod tests;
