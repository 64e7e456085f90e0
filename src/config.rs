//! The year's configuration (`redovisa.toml`): year, region, population, allocation,
//! areas, indicators, suppression threshold, limits and extra aliases.
//!
//! The built-in default is the repository's own `redovisa.toml`, compiled in. This module
//! parses and checks a configuration from text; reading the file is the caller's job.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::text::normalize;

/// The default configuration, the same text as the shipped `redovisa.toml`.
pub const DEFAULT_TOML: &str = include_str!("../redovisa.toml");

/// The years a report may be for (the configuration's `year` and `--year`): those a
/// period may lie in.
pub use crate::value::YEARS;

/// A complete, checked configuration.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The report year.
    pub year: i32,
    /// The region's name.
    pub region: String,
    /// Inhabitants; 0 when unknown.
    #[serde(default)]
    pub population: u64,
    /// Agreement funds allocated to the region, in kronor.
    #[serde(default)]
    pub allocation_kr: f64,
    /// Numerators above 0 and below this are suppressed in published tables.
    #[serde(default = "default_threshold")]
    pub suppression_threshold: f64,
    /// Protective limits.
    #[serde(default)]
    pub limits: Limits,
    /// Extra aliases: standard sheet or header name → other names.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Initiative areas, in report order.
    pub areas: Vec<Area>,
    /// Indicators, in report order.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

fn default_threshold() -> f64 {
    5.0
}

/// Limits that keep a hostile file from exhausting the machine.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest input file in bytes.
    pub max_file_bytes: u64,
    /// Most non-empty cells read from one sheet.
    pub max_cells_per_sheet: u64,
    /// Most characters in one cell.
    pub max_cell_chars: usize,
    /// Largest total uncompressed size of a zip-based workbook.
    pub max_uncompressed_bytes: u64,
    /// How much the process may grow while templates render, in MiB.
    pub max_render_mib: u64,
    /// The largest numerator or denominator one indicator row may hold (SPEC 2.3).
    pub max_figure: f64,
    /// The most initiatives a chapter of the text report lists (SPEC 3.4).
    pub max_listed_initiatives: usize,
    /// The most units a note or a list of units names before it says how many more.
    pub max_listed_units: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 200 * 1024 * 1024,
            max_cells_per_sheet: 5_000_000,
            max_cell_chars: 32_767,
            max_uncompressed_bytes: 1024 * 1024 * 1024,
            max_render_mib: 4096,
            max_figure: 1e12,
            max_listed_initiatives: 50,
            max_listed_units: 20,
        }
    }
}

/// An initiative area (insatsområde).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable code, e.g. `digital`.
    pub code: String,
    /// Swedish label.
    pub label: String,
    /// Other names that mean this area.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// How an indicator's value is computed from its numerator and denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// numerator / denominator × 100, in per cent.
    Share,
    /// numerator / denominator × scale.
    Rate,
    /// numerator alone.
    Count,
}

impl IndicatorKind {
    /// Every kind, with its code in the configuration and the JSON.
    pub const ALL: [IndicatorKind; 3] = [
        IndicatorKind::Share,
        IndicatorKind::Rate,
        IndicatorKind::Count,
    ];

    /// Whether rows of this kind need a denominator.
    pub fn has_denominator(self) -> bool {
        self != IndicatorKind::Count
    }

    /// The code, as in the configuration (`share`, `rate`, `count`).
    pub fn code(self) -> &'static str {
        match self {
            IndicatorKind::Share => "share",
            IndicatorKind::Rate => "rate",
            IndicatorKind::Count => "count",
        }
    }

    /// The decimals a value of this kind is shown with: counts none, shares and rates one.
    pub fn decimals(self) -> usize {
        match self {
            IndicatorKind::Count => 0,
            IndicatorKind::Share | IndicatorKind::Rate => 1,
        }
    }

    /// Whether a chart's value axis is in per cent (else whole numbers).
    pub fn axis_in_percent(self) -> bool {
        self == IndicatorKind::Share
    }

    /// How a change from one year to the next is read: in percentage points for a
    /// share, in per cent of last year's value otherwise.
    pub fn change_unit(self) -> &'static str {
        if self == IndicatorKind::Share {
            "procentenheter"
        } else {
            "procent"
        }
    }

    /// Whether the change is the difference of the values (percentage points), not the
    /// difference in per cent.
    pub fn change_in_points(self) -> bool {
        self == IndicatorKind::Share
    }
}

/// How one part of an indicator (numerator or denominator) adds up over the year
/// (SPEC 2.3): a flow is summed, a stock is taken at the year's end or averaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// A flow (contacts, admissions): the sum of the year's quarters or months, which
    /// must cover the whole year.
    #[default]
    Sum,
    /// A stock (listed patients, inhabitants): the figure of the latest period.
    Last,
    /// A stock: the mean over the periods reported.
    Mean,
}

impl Aggregation {
    /// Whether this part is a stock (a state at a moment) rather than a flow.
    pub fn is_stock(self) -> bool {
        self != Aggregation::Sum
    }

    /// How the year's figure is formed, in Swedish, for `Definitioner` and the templates.
    pub fn swedish(self) -> &'static str {
        match self {
            Aggregation::Sum => "summan av årets månader eller kvartal",
            Aggregation::Last => "värdet för årets senaste månad eller kvartal",
            Aggregation::Mean => "medelvärdet av de redovisade månaderna eller kvartalen",
        }
    }
}

/// Whether a target is a floor or a ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The value should be at least the target.
    AtLeast,
    /// The value should be at most the target.
    AtMost,
}

/// An indicator's target.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The target value, in the indicator's unit.
    pub value: f64,
    /// At least or at most.
    pub direction: Direction,
}

impl Target {
    /// Whether `value` meets the target.
    pub fn is_met(&self, value: f64) -> bool {
        match self.direction {
            Direction::AtLeast => value >= self.value,
            Direction::AtMost => value <= self.value,
        }
    }
}

/// A configured indicator.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable code.
    pub code: String,
    /// Swedish label.
    pub label: String,
    /// Definition, shown in `Definitioner`.
    #[serde(default)]
    pub definition: String,
    /// Share, rate or count.
    pub kind: IndicatorKind,
    /// Multiplier for a rate (e.g. 100 000).
    #[serde(default)]
    pub scale: Option<f64>,
    /// Optional target.
    #[serde(default)]
    pub target: Option<Target>,
    /// Other names that mean this indicator.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// How the numerator adds up over the year (`sum` when not given).
    #[serde(default)]
    pub numerator: Aggregation,
    /// How the denominator adds up over the year (`sum` when not given).
    #[serde(default)]
    pub denominator: Aggregation,
}

impl Indicator {
    /// How the year's value is formed, in Swedish: `täljare: summan av årets månader
    /// eller kvartal; nämnare: värdet för årets senaste månad eller kvartal`.
    pub fn year_value_rule(&self) -> String {
        let numerator = format!("täljare: {}", self.numerator.swedish());
        if self.kind.has_denominator() {
            format!("{numerator}; nämnare: {}", self.denominator.swedish())
        } else {
            numerator
        }
    }

    /// The value from summed numerator and denominator; `None` when it cannot be computed.
    pub fn value(&self, numerator: f64, denominator: Option<f64>) -> Option<f64> {
        let value = match self.kind {
            IndicatorKind::Count => Some(numerator),
            IndicatorKind::Share => denominator
                .filter(|d| *d > 0.0)
                .map(|d| numerator * 100.0 / d),
            IndicatorKind::Rate => denominator
                .filter(|d| *d > 0.0)
                .map(|d| numerator * self.scale.unwrap_or(1.0) / d),
        };
        // Sums of absurd figures can overflow; an infinite value is no value.
        value.filter(|v| v.is_finite())
    }

    /// The unit line for tables, in Swedish.
    pub fn unit(&self) -> String {
        match self.kind {
            IndicatorKind::Share => "Procent".to_string(),
            IndicatorKind::Count => "Antal".to_string(),
            IndicatorKind::Rate => {
                let scale = self.scale.unwrap_or(1.0);
                format!("Per {}", crate::text::num(scale, 0))
            }
        }
    }
}

impl Config {
    /// The built-in default configuration.
    pub fn default_config() -> Config {
        Config::parse(DEFAULT_TOML, "<inbyggd standardkonfiguration>")
            .expect("the shipped redovisa.toml is valid")
    }

    /// Parses and checks a configuration; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Config, Error> {
        let config: Config = toml::from_str(text).map_err(|e| toml_error(text, file, &e))?;
        config.check(text, file)?;
        Ok(config)
    }

    /// The area with this code.
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.code == code)
    }

    /// The indicator with this code.
    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    /// The allocation in öre (checked to be a number from 0 to 10¹⁵ kronor when read).
    pub fn allocation(&self) -> crate::value::Ore {
        crate::value::Ore::from_kronor(self.allocation_kr).unwrap_or_default()
    }

    fn check(&self, text: &str, file: &str) -> Result<(), Error> {
        let fail = |line: usize, key: &str, message: String| Error::Config {
            file: file.to_string(),
            line,
            key: key.to_string(),
            message,
        };
        let key_line = |key: &str| line_of_key(text, key, None, 0);
        if !YEARS.contains(&self.year) {
            let message = format!(
                "orimligt år {}; väntade ett år {}–{}, till exempel 2025",
                self.year,
                YEARS.start(),
                YEARS.end()
            );
            return Err(fail(key_line("year"), "year", message));
        }
        if self.region.trim().is_empty() {
            let message = "regionens namn är tomt".to_string();
            return Err(fail(key_line("region"), "region", message));
        }
        if self.areas.is_empty() {
            return Err(fail(
                line_of(text, "areas"),
                "areas",
                "minst ett insatsområde behövs".into(),
            ));
        }
        if !(self.allocation_kr.is_finite() && (0.0..=1e15).contains(&self.allocation_kr)) {
            return Err(fail(
                key_line("allocation_kr"),
                "allocation_kr",
                "tilldelningen måste vara ett tal ≥ 0".into(),
            ));
        }
        if !(self.suppression_threshold.is_finite() && self.suppression_threshold >= 0.0) {
            return Err(fail(
                key_line("suppression_threshold"),
                "suppression_threshold",
                "gränsen för röjandeskydd måste vara ett tal ≥ 0 (0 stänger av skyddet)".into(),
            ));
        }
        self.limits.check(text, file)?;
        let areas = self.areas.iter().map(|a| Named {
            code: &a.code,
            label: &a.label,
            aliases: &a.aliases,
        });
        check_names(areas, "areas", text, file)?;
        let indicators = self.indicators.iter().map(|i| Named {
            code: &i.code,
            label: &i.label,
            aliases: &i.aliases,
        });
        check_names(indicators, "indicators", text, file)?;
        for ind in &self.indicators {
            let line = line_of_key(text, "code", Some(&ind.code), 0);
            if ind.kind == IndicatorKind::Rate
                && !ind.scale.is_some_and(|s| s.is_finite() && s > 0.0)
            {
                return Err(fail(
                    line,
                    "indicators.scale",
                    format!("indikatorn {} är en rate och behöver scale > 0", ind.code),
                ));
            }
            if let Some(target) = ind.target.filter(|t| !t.value.is_finite()) {
                return Err(fail(
                    line,
                    "indicators.target.value",
                    format!(
                        "indikatorn {} har målvärdet {}; väntade ett tal",
                        ind.code, target.value
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// The names a configured area or indicator is known by.
struct Named<'a> {
    code: &'a str,
    label: &'a str,
    aliases: &'a [String],
}

/// Every code and label filled in, every code used once, and no name (code, label or
/// alias, compared as headers are) meaning two different things.
fn check_names<'a>(
    items: impl Iterator<Item = Named<'a>>,
    table: &str,
    text: &str,
    file: &str,
) -> Result<(), Error> {
    let fail = |line: usize, message: String| Error::Config {
        file: file.to_string(),
        line,
        key: table.to_string(),
        message,
    };
    let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut names: BTreeMap<String, &str> = BTreeMap::new();
    for item in items {
        let seen = codes.entry(item.code).or_insert(0);
        let line = line_of_key(text, "code", Some(item.code), *seen);
        *seen += 1;
        if item.code.trim().is_empty() {
            return Err(fail(line, format!("en kod i {table} är tom")));
        }
        if *seen > 1 {
            return Err(fail(
                line,
                format!("koden \"{}\" finns två gånger i {table}", item.code),
            ));
        }
        if item.label.trim().is_empty() {
            return Err(fail(line, format!("{} har ingen label", item.code)));
        }
        let all = [item.code, item.label]
            .into_iter()
            .chain(item.aliases.iter().map(String::as_str));
        for name in all {
            if let Some(other) = names.insert(normalize(name), item.code)
                && other != item.code
            {
                return Err(fail(
                    line_of(text, name),
                    format!(
                        "namnet \"{name}\" används av både {other} och {}",
                        item.code
                    ),
                ));
            }
        }
    }
    Ok(())
}

impl Limits {
    fn check(&self, text: &str, file: &str) -> Result<(), Error> {
        let limits = [
            ("max_file_bytes", self.max_file_bytes),
            ("max_cells_per_sheet", self.max_cells_per_sheet),
            ("max_cell_chars", self.max_cell_chars as u64),
            ("max_uncompressed_bytes", self.max_uncompressed_bytes),
            ("max_render_mib", self.max_render_mib),
            ("max_listed_initiatives", self.max_listed_initiatives as u64),
            ("max_listed_units", self.max_listed_units as u64),
        ];
        match limits.iter().find(|(_, v)| *v == 0) {
            Some((key, _)) => Err(Error::Config {
                file: file.to_string(),
                line: line_of_key(text, key, None, 0),
                key: format!("limits.{key}"),
                message: "en gräns på 0 skulle stoppa varje fil; väntade ett tal > 0".into(),
            }),
            None if !(self.max_figure.is_finite() && self.max_figure > 0.0) => Err(Error::Config {
                file: file.to_string(),
                line: line_of_key(text, "max_figure", None, 0),
                key: "limits.max_figure".into(),
                message: "väntade ett tal > 0, till exempel 1e12".into(),
            }),
            None => Ok(()),
        }
    }
}

/// The 1-based line where `key` is given (`key = …`, not in a comment), optionally with
/// the text `value`, the `nth` such line (0 the first); 0 when there is none.
fn line_of_key(text: &str, key: &str, value: Option<&str>, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let Some((k, v)) = l.split_once('=') else {
                return false;
            };
            let k = k.trim();
            (k == key || k == format!("\"{key}\""))
                && value.is_none_or(|want| v.trim().trim_matches('"') == want)
        })
        .nth(nth)
        .map_or(0, |(i, _)| i + 1)
}

/// A TOML file that cannot be read as a configuration, as our error: the file, the line
/// and key where it went wrong, and what.
pub(crate) fn toml_error(text: &str, file: &str, e: &toml::de::Error) -> Error {
    let (line, key) = match e.span() {
        Some(span) => locate(text, span.start),
        None => (0, String::new()),
    };
    Error::Config {
        file: file.to_string(),
        line,
        key,
        message: e.message().trim().to_string(),
    }
}

/// The 1-based line of byte offset `at`, and the key written on that line.
fn locate(text: &str, at: usize) -> (usize, String) {
    let at = at.min(text.len());
    let line = text[..at].matches('\n').count() + 1;
    let source = text.lines().nth(line - 1).unwrap_or("");
    let key = source.split_once('=').map_or_else(
        || source.trim().to_string(),
        |(k, _)| k.trim().trim_matches('"').to_string(),
    );
    (line, key)
}

/// The 1-based line of the first occurrence of `needle`, or 0.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests;
