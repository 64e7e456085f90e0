//! Reading a report back (SPEC 3.3): last year's for the comparison and `template
//! --from`, every region's for `riket`. The JSON is a contract: [`read`] takes it only as
//! the [`Report`] type the program writes, after a look at what the file is.
//!
//! - A file that is not a redovisa report (not JSON, not an object, no year and region)
//!   is refused as such.
//! - A report of a newer `schema_version` than this program's is refused: it may hold
//!   parts this program would misread.
//! - A report of version 0 (written before `schema_version` existed) is read through an
//!   explicit upgrade: it lacks only what version 1 added, which is empty after reading.
//! - A report that lacks a part its version has (`totals`, `initiatives`, …) is refused
//!   naming the part: it is never taken as an empty year.
//!
//! Pure: parses text; the caller reads the file and decides what a refusal means.

use std::collections::BTreeSet;
use std::fmt;

use serde::Deserialize;
use serde::de::{IgnoredAny, MapAccess, Visitor};

use super::{Report, SCHEMA_VERSION};

/// The top-level parts every report has had, since version 0.
const PARTS_V0: [&str; 26] = [
    "year",
    "region",
    "generated",
    "draft",
    "totals",
    "by_administration",
    "by_area",
    "by_status",
    "by_shift",
    "area_matrix",
    "status_matrix",
    "shift_matrix",
    "indicators",
    "partial_units",
    "stale_units",
    "indicator_notes",
    "indicator_definitions",
    "initiatives",
    "files",
    "diagnostics",
    "tally",
    "rejected",
    "suppression_threshold",
    "suppression_note",
    "funds_notes",
    "comparison",
];

/// The top-level parts version 1 added.
const PARTS_V1: [&str; 7] = [
    "schema_version",
    "texts",
    "chapters",
    "shifts",
    "shift_not_given",
    "cooperation",
    "linked_indicators",
];

/// Why a file is not a report this program can read, in Swedish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not a report from redovisa at all.
    NotAReport(String),
    /// A report of a newer version.
    Newer(u64),
    /// A report that lacks parts it should have.
    Incomplete(Vec<String>),
    /// A part that cannot be read as what it should be.
    Invalid(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotAReport(why) => write!(
                f,
                "filen är ingen redovisning från redovisa ({why}); väntade en redovisning-ÅR.json som redovisa har skrivit"
            ),
            Problem::Newer(version) => write!(
                f,
                "redovisningen har schema_version {version}, nyare än den här versionen av redovisa kan läsa ({SCHEMA_VERSION}); uppdatera redovisa"
            ),
            Problem::Incomplete(parts) => write!(
                f,
                "redovisningen saknar {}; väntade en hel redovisning som redovisa har skrivit",
                parts
                    .iter()
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Problem::Invalid(what) => write!(f, "redovisningen kan inte läsas: {what}"),
        }
    }
}

/// What a first look at the file finds: its top-level keys and its `schema_version`.
#[derive(Default)]
struct Probe {
    keys: BTreeSet<String>,
    version: Option<serde_json::Value>,
}

impl<'de> Deserialize<'de> for Probe {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = Probe;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("ett JSON-objekt")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Probe, A::Error> {
                let mut probe = Probe::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "schema_version" {
                        probe.version = Some(map.next_value()?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                    probe.keys.insert(key);
                }
                Ok(probe)
            }
        }
        d.deserialize_map(Keys)
    }
}

/// Reads `text` as a report, by the rules of the module's notes.
pub fn read(text: &str) -> Result<Report, Problem> {
    let probe: Probe = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            Problem::NotAReport(format!(
                "ingen giltig JSON vid rad {} kolumn {}",
                e.line(),
                e.column()
            ))
        } else {
            Problem::NotAReport("inget JSON-objekt".into())
        }
    })?;
    if !probe.keys.contains("year") || !probe.keys.contains("region") {
        return Err(Problem::NotAReport(
            "den har inget år och ingen region".into(),
        ));
    }
    let version = match &probe.version {
        None => 0,
        Some(v) => v
            .as_u64()
            .ok_or_else(|| Problem::Invalid(format!("schema_version är {v}, inget heltal")))?,
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(Problem::Newer(version));
    }
    let required = PARTS_V0.iter().chain(if version >= 1 {
        PARTS_V1.as_slice()
    } else {
        &[]
    });
    let missing: Vec<String> = required
        .filter(|p| !probe.keys.contains(**p))
        .map(ToString::to_string)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if !missing.is_empty() {
        return Err(Problem::Incomplete(missing));
    }
    let mut report: Report = serde_json::from_str(text).map_err(|e| explain(&e))?;
    if version == 0 {
        upgrade_from_0(&mut report);
    }
    Ok(report)
}

/// A report of version 0 as version 1: what version 1 added (the region's texts, the
/// chapters, shifts and cooperation, the linked indicator figures) was not there and is
/// empty; every left-out unit had its row in Tabell 6 (`listed`). Only what the
/// comparison and the national roll-up read is needed of an old report.
fn upgrade_from_0(report: &mut Report) {
    report.schema_version = SCHEMA_VERSION;
}

/// A reader's error in Swedish: the part missing, or where a value is not what it
/// should be (serde's own words are English).
fn explain(e: &serde_json::Error) -> Problem {
    let text = e.to_string();
    let quoted = || text.split('`').nth(1).unwrap_or("?").to_string();
    if text.starts_with("missing field") {
        return Problem::Incomplete(vec![quoted()]);
    }
    let what = if text.starts_with("invalid type") || text.starts_with("invalid value") {
        "ett värde har fel typ"
    } else if text.starts_with("unknown variant") {
        "ett värde är inget av de kända"
    } else {
        "ett värde är inte vad det ska vara"
    };
    Problem::Invalid(format!("{what} vid rad {} kolumn {}", e.line(), e.column()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_report_is_named_so() {
        for text in ["[1, 2, 3]", "not json", "{}", "{\"name\": \"x\"}", "42"] {
            assert!(matches!(read(text), Err(Problem::NotAReport(_))), "{text}");
        }
    }

    #[test]
    fn a_year_and_a_region_alone_are_an_incomplete_report() {
        let Err(Problem::Incomplete(parts)) = read(r#"{"year":2024,"region":"Region Exempel"}"#)
        else {
            panic!("not refused");
        };
        assert!(
            parts.contains(&"totals".to_string()) && parts.contains(&"initiatives".to_string())
        );
        assert!(
            Problem::Incomplete(parts)
                .to_string()
                .contains("saknar `area_matrix`")
        );
    }

    #[test]
    fn a_newer_version_is_refused() {
        let text = r#"{"schema_version": 101, "year": 2024, "region": "R"}"#;
        assert_eq!(read(text).unwrap_err(), Problem::Newer(101));
        let text = r#"{"schema_version": "ett", "year": 2024, "region": "R"}"#;
        assert!(matches!(read(text), Err(Problem::Invalid(_))));
    }
}
