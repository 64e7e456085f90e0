//! `riket.toml`: the national roll-up's configuration (SPEC 7), with a built-in default
//! shipped as the file `riket.toml` too.

use serde::{Deserialize, Serialize};

use crate::config::{Area, Indicator, YEARS};
use crate::error::Error;

/// The built-in national configuration: the 21 regions, the areas and indicators of the
/// national tables, the suppression threshold.
pub const DEFAULT_TOML: &str = include_str!("../../riket.toml");

/// The national configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalConfig {
    /// The year rolled up; without it, the year most of the reports are of.
    #[serde(default)]
    pub year: Option<i32>,
    /// The suppression threshold at the regions' level.
    #[serde(default = "default_threshold")]
    pub suppression_threshold: f64,
    /// The regions expected, in the order the tables list them.
    pub regions: Vec<Region>,
    /// The areas of table R2, in order.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// The indicators of table R4, in order.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

fn default_threshold() -> f64 {
    5.0
}

/// A region expected to report: its county code, name and square on the tile map.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// The county code (`13` for Halland).
    pub code: String,
    /// The name, as a report's `region` gives it.
    pub name: String,
    /// Column on the tile map, counted eastwards from 0.
    pub x: u8,
    /// Row on the tile map, counted southwards from 0.
    pub y: u8,
}

/// The most columns and rows the tile map has.
pub const GRID: u8 = 12;

impl NationalConfig {
    /// The built-in default.
    pub fn default_config() -> NationalConfig {
        NationalConfig::parse(DEFAULT_TOML, "<inbyggd riket.toml>")
            .expect("the shipped riket.toml is valid")
    }

    /// Parses and checks a national configuration; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<NationalConfig, Error> {
        let config: NationalConfig =
            toml::from_str(text).map_err(|e| crate::config::toml_error(text, file, &e))?;
        config.check(file)?;
        Ok(config)
    }

    fn check(&self, file: &str) -> Result<(), Error> {
        let fail = |key: &str, message: String| Error::Config {
            file: file.to_string(),
            line: 0,
            key: key.to_string(),
            message,
        };
        if let Some(y) = self.year.filter(|y| !YEARS.contains(y)) {
            return Err(fail(
                "year",
                format!(
                    "orimligt år {y}; väntade ett år {}–{}",
                    YEARS.start(),
                    YEARS.end()
                ),
            ));
        }
        if !(self.suppression_threshold >= 0.0 && self.suppression_threshold.is_finite()) {
            return Err(fail(
                "suppression_threshold",
                "väntade ett tal ≥ 0, till exempel 5".into(),
            ));
        }
        if self.regions.is_empty() {
            return Err(fail(
                "regions",
                "inga regioner; väntade en lista med regionernas kod, namn och ruta".into(),
            ));
        }
        for (k, r) in self.regions.iter().enumerate() {
            if r.x >= GRID || r.y >= GRID {
                return Err(fail(
                    "regions",
                    format!(
                        "{} ligger utanför rutkartan ({}, {}); x och y är 0–{}",
                        r.name,
                        r.x,
                        r.y,
                        GRID - 1
                    ),
                ));
            }
            let earlier = &self.regions[..k];
            if let Some(o) = earlier.iter().find(|o| key(&o.name) == key(&r.name)) {
                return Err(fail("regions", format!("{} står två gånger", o.name)));
            }
            if let Some(o) = earlier.iter().find(|o| o.code == r.code) {
                return Err(fail(
                    "regions",
                    format!("{} och {} har samma kod {}", o.name, r.name, r.code),
                ));
            }
            if let Some(o) = earlier.iter().find(|o| (o.x, o.y) == (r.x, r.y)) {
                return Err(fail(
                    "regions",
                    format!("{} och {} har samma ruta på rutkartan", o.name, r.name),
                ));
            }
        }
        Ok(())
    }

    /// The configured region a report's `region` names, if any.
    pub fn region(&self, name: &str) -> Option<usize> {
        let wanted = key(name);
        self.regions.iter().position(|r| key(&r.name) == wanted)
    }

    /// The configured region whose name is closest to `name`, for a hint (compared
    /// without `Region`, so that `Region Haland` finds `Region Halland`).
    pub fn closest(&self, name: &str) -> Option<&str> {
        let keys: Vec<(String, &str)> = self
            .regions
            .iter()
            .map(|r| (key(&r.name), r.name.as_str()))
            .collect();
        crate::schema::closest(&key(name), keys.iter().map(|(k, n)| (k.as_str(), *n)))
    }
}

/// A region's name as compared: normalised, without a leading `Region` (`Region Halland`
/// and `halland` are one region).
pub fn key(name: &str) -> String {
    let n = crate::text::normalize(name);
    n.strip_prefix("region ").map(str::to_string).unwrap_or(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_lists_the_21_regions_on_distinct_squares() {
        let c = NationalConfig::default_config();
        assert_eq!(c.regions.len(), 21);
        assert_eq!(c.region("region halland"), c.region("Region Halland"));
        assert!(c.region("Halland").is_some());
        assert_eq!(c.closest("Region Haland"), Some("Region Halland"));
        assert!(c.region("Region Exempel").is_none());
    }

    #[test]
    fn two_regions_on_one_square_are_refused() {
        let text = r#"regions = [
            { code = "1", name = "A", x = 0, y = 0 },
            { code = "2", name = "B", x = 0, y = 0 },
        ]"#;
        let e = NationalConfig::parse(text, "riket.toml").unwrap_err();
        assert!(e.to_string().contains("samma ruta"), "{e}");
    }
}
