//! This year against last year: last year's `redovisning-(Y-1).json` read back, and the
//! changes per area, per administration, per indicator, and the initiatives that continue,
//! are new or have ended.
//!
//! Pure: parses text and compares data; reading the file is the caller's job. A previous
//! report that cannot be used is a diagnostic, never an error that stops the run.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::config::{Config, IndicatorKind};
use crate::consolidate::IndicatorFigure;
use crate::consolidate::swedish_key;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::Initiative;
use crate::report::{Problem, Report};
use crate::rows::Rows;

/// A figure this year and last year, with the change.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Change {
    /// This year (`None`: not reported this year).
    pub current: Option<f64>,
    /// Last year (`None`: not reported last year).
    pub previous: Option<f64>,
    /// current − previous.
    pub change: Option<f64>,
    /// The change in per cent of last year.
    pub change_pct: Option<f64>,
}

impl Change {
    /// The change from `previous` to `current`.
    pub fn new(current: Option<f64>, previous: Option<f64>) -> Change {
        let change = current.zip(previous).map(|(c, p)| c - p);
        let change_pct = change
            .zip(previous)
            .filter(|(_, p)| *p != 0.0)
            .map(|(d, p)| d / p * 100.0);
        Change {
            current,
            previous,
            change,
            change_pct,
        }
    }
}

/// Initiatives and money for one area or administration, this year and last.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct MoneyChange {
    /// Area code or administration name.
    pub key: String,
    /// Area label or administration name.
    pub label: String,
    /// Number of initiatives.
    pub initiatives: Change,
    /// Funds spent.
    pub spent_kr: Change,
}

/// An indicator's year value this year and last.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct IndicatorChange {
    /// Code.
    pub indicator: String,
    /// Label.
    pub label: String,
    /// Administration; `None` is the region.
    pub administration: Option<String>,
    /// The values; `change` is in percentage points for shares, `change_pct` for others.
    pub value: Change,
    /// `procentenheter` for shares, `procent` otherwise: how to read the change.
    pub change_unit: String,
    /// `share`, `rate` or `count` (a count shows no decimals).
    pub kind: IndicatorKind,
    /// Whether this year's value is hidden, as it is in table 6.
    pub current_suppressed: bool,
    /// Whether last year's value was hidden in last year's report.
    pub previous_suppressed: bool,
    /// Whether the change is hidden: when either year's value is, since the change and
    /// the other value would give it away.
    pub suppressed: bool,
}

/// An initiative identified across years.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct InitiativeKey {
    /// Administration.
    pub administration: String,
    /// Id.
    pub id: String,
    /// Name (this year's when it continues).
    pub name: String,
}

/// Continuing, new and ended initiatives of one administration, counted.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Continuity {
    /// The administration.
    pub administration: String,
    /// Same id and administration both years.
    pub continuing: usize,
    /// Only this year.
    pub new: usize,
    /// Only last year, and finished then (or of unknown status).
    pub ended: usize,
    /// Only last year, where it was planned or ongoing: not reported this year.
    pub missing: usize,
}

/// This year against last year.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Comparison {
    /// Last year.
    pub previous_year: i32,
    /// Totals: initiatives, spent and agreement funds.
    pub totals: BTreeMap<String, Change>,
    /// Per area, this year's areas first, then areas only last year had.
    pub by_area: Vec<MoneyChange>,
    /// Per administration, both years' administrations.
    pub by_administration: Vec<MoneyChange>,
    /// Indicator year values.
    pub indicators: Vec<IndicatorChange>,
    /// Counts per administration.
    pub continuity: Vec<Continuity>,
    /// Initiatives in both years.
    pub continuing: Vec<InitiativeKey>,
    /// Initiatives only this year.
    pub new: Vec<InitiativeKey>,
    /// Initiatives only last year, finished then (`Genomförd`, `Avbruten`) or of unknown
    /// status.
    pub ended: Vec<InitiativeKey>,
    /// Initiatives only last year that were `Planerad` or `Pågående` then: "ej redovisad i år".
    pub missing: Vec<InitiativeKey>,
}

/// Reads last year's report (`text`, from `file`) and checks that it is last year's,
/// for this region. A file that is no readable report is a [`Problem`]; a report of
/// another year or region is a warning, and no comparison is made.
pub fn previous(text: &str, file: &str, config: &Config) -> Result<Report, Previous> {
    let report = crate::report::read(text).map_err(Previous::Unreadable)?;
    let problem =
        |message: String| Diagnostic::new(Severity::Warning, Code::PreviousReport, file, message);
    if report.year != config.year - 1 {
        return Err(Previous::Other(problem(format!(
            "föregående redovisning gäller {}, inte {}; ingen jämförelse görs",
            report.year,
            config.year - 1
        ))));
    }
    if crate::text::collapse(&report.region) != crate::text::collapse(&config.region) {
        return Err(Previous::Other(problem(format!(
            "föregående redovisning gäller {}, inte {}; ingen jämförelse görs",
            report.region, config.region
        ))));
    }
    Ok(report)
}

/// Why last year's report gives no comparison.
#[derive(Debug)]
pub enum Previous {
    /// The file is no report this program can read.
    Unreadable(Problem),
    /// A report of another year or region: a warning.
    Other(Diagnostic),
}

fn money_changes(
    current: impl Iterator<Item = (String, String, u64, f64)>,
    previous: impl Iterator<Item = (String, String, u64, f64)>,
) -> Vec<MoneyChange> {
    let mut rows: Vec<MoneyChange> = Vec::new();
    let mut last: BTreeMap<String, (String, u64, f64)> =
        previous.map(|(k, l, n, s)| (k, (l, n, s))).collect();
    for (key, label, n, spent) in current {
        let before = last.remove(&key);
        rows.push(MoneyChange {
            key,
            label,
            initiatives: Change::new(Some(n as f64), before.as_ref().map(|b| b.1 as f64)),
            spent_kr: Change::new(Some(spent), before.as_ref().map(|b| b.2)),
        });
    }
    for (key, (label, n, spent)) in last {
        rows.push(MoneyChange {
            key,
            label,
            initiatives: Change::new(None, Some(n as f64)),
            spent_kr: Change::new(None, Some(spent)),
        });
    }
    rows
}

/// A line of money: key, label, number of initiatives, kronor.
pub type MoneyLine = (String, String, u64, f64);

/// This year's figures, as the comparison needs them; `report` gathers them. The
/// comparison returns its part of the report and never sees the rest of it.
#[derive(Debug)]
pub struct Current<'a> {
    /// The report year.
    pub year: i32,
    /// Number of initiatives, kronor spent, of which agreement funds.
    pub totals: (u64, f64, f64),
    /// Per area, in the report's order.
    pub by_area: Vec<MoneyLine>,
    /// Per administration.
    pub by_administration: Vec<MoneyLine>,
    /// Indicator figures with their label and kind.
    pub indicators: Vec<(&'a IndicatorFigure, &'a str, IndicatorKind)>,
    /// Every initiative.
    pub initiatives: &'a Rows<Initiative>,
}

/// Compares this year's figures with last year's report.
pub fn compare(current: &Current<'_>, previous: &Report) -> Comparison {
    let (initiatives, spent, agreement) = current.totals;
    let totals = BTreeMap::from([
        (
            "initiatives".to_string(),
            Change::new(
                Some(initiatives as f64),
                Some(previous.totals.initiatives as f64),
            ),
        ),
        (
            "spent_kr".to_string(),
            Change::new(Some(spent), Some(previous.totals.spent_kr.kronor())),
        ),
        (
            "agreement_funds_kr".to_string(),
            Change::new(
                Some(agreement),
                Some(previous.totals.agreement_funds_kr.kronor()),
            ),
        ),
    ]);
    let by_area = money_changes(
        current.by_area.iter().cloned(),
        previous.by_area.iter().map(|a| {
            let label = if a.label.is_empty() {
                a.area.clone()
            } else {
                a.label.clone()
            };
            (a.area.clone(), label, a.initiatives, a.spent_kr.kronor())
        }),
    );
    let mut by_administration = money_changes(
        current.by_administration.iter().cloned(),
        previous.by_administration.iter().map(|a| {
            (
                a.administration.clone(),
                a.administration.clone(),
                a.initiatives,
                a.spent_kr.kronor(),
            )
        }),
    );
    by_administration.sort_by_key(|r| swedish_key(&r.key));
    let Continuation {
        per_administration: continuity,
        continuing,
        new,
        ended,
        missing,
    } = continuity(current.initiatives, previous);
    Comparison {
        previous_year: previous.year,
        totals,
        by_area,
        by_administration,
        indicators: indicator_changes(current, previous),
        continuity,
        continuing,
        new,
        ended,
        missing,
    }
}

mod continuity;
use continuity::{Continuation, continuity};
pub use continuity::{changed_initiatives, same_initiative};

/// This year's year values against last year's, per indicator and administration.
fn indicator_changes(current: &Current<'_>, previous: &Report) -> Vec<IndicatorChange> {
    let year = crate::value::Period::Year(current.year);
    let last_year = crate::value::Period::Year(previous.year);
    let before: BTreeMap<(&str, Option<&str>), &IndicatorFigure> = previous
        .indicators
        .iter()
        .map(|i| &i.figure)
        .filter(|i| i.period == last_year)
        .map(|i| ((i.indicator.as_str(), i.administration.as_deref()), i))
        .collect();
    current
        .indicators
        .iter()
        .filter(|(f, _, _)| f.period == year)
        .map(|&(f, label, kind)| {
            let last = before.get(&(f.indicator.as_str(), f.administration.as_deref()));
            let previous_suppressed = last.is_some_and(|l| l.suppressed);
            IndicatorChange {
                indicator: f.indicator.clone(),
                label: label.to_string(),
                administration: f.administration.clone(),
                value: Change::new(f.value, last.and_then(|l| l.value)),
                change_unit: kind.change_unit().to_string(),
                kind,
                current_suppressed: f.suppressed,
                previous_suppressed,
                suppressed: f.suppressed || previous_suppressed,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_in_kronor_and_per_cent() {
        let c = Change::new(Some(150.0), Some(100.0));
        assert_eq!((c.change, c.change_pct), (Some(50.0), Some(50.0)));
        let c = Change::new(Some(5.0), None);
        assert_eq!((c.change, c.change_pct), (None, None));
        let c = Change::new(Some(5.0), Some(0.0));
        assert_eq!((c.change, c.change_pct), (Some(5.0), None));
    }

    #[test]
    fn what_is_no_report_is_unreadable() {
        let config = Config::default_config();
        for text in [
            "not json",
            "[1, 2, 3]",
            r#"{"year": 2024, "region": "Region Exempel"}"#,
        ] {
            assert!(
                matches!(
                    previous(text, "f.json", &config),
                    Err(Previous::Unreadable(_))
                ),
                "{text}"
            );
        }
    }
}
