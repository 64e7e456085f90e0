//! Consolidation: every figure of tables 1–7 and the JSON, computed with polars from the
//! accepted initiatives and indicator values.
//!
//! This is the only module that uses polars, so an upgrade of its (unstable) API touches
//! this folder only. Frames are built column by column from the typed records, texts as
//! integer codes (`codes`). Money is summed in öre (integers), so totals are exact to the
//! krona. Indicators (`indicators`) are always the ratio of sums, never the mean of
//! ratios.

mod codes;
mod indicators;
pub mod linked;
pub mod suppress;
pub mod units;

#[cfg(test)]
mod property;

use std::collections::BTreeMap;

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::error::Error;
use crate::model::{IndicatorValue, Initiative, Status, UnitYear};
use crate::rows::Chunks;
use crate::value::{Ore, Period};
use codes::{Codes, shared_codes};
use indicators::indicator_figures;
pub use indicators::{StaleUnit, UnitFigure};
/// Money and counts for one group (an administration, an area, a cell of the matrix).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Money {
    /// Number of initiatives.
    pub initiatives: u64,
    /// Budget (published in kronor).
    pub budget_kr: Ore,
    /// Funds spent (published in kronor).
    pub spent_kr: Ore,
    /// Of which agreement funds (published in kronor).
    pub agreement_funds_kr: Ore,
}

/// One indicator figure: for an administration or the region, for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct IndicatorFigure {
    /// Indicator code.
    pub indicator: String,
    /// The administration; `None` is the region as a whole.
    pub administration: Option<String>,
    /// The year, a quarter or a month (published as `2025`, `2025-Q1`, `2025-03`).
    pub period: Period,
    /// Summed numerator.
    pub numerator: f64,
    /// Summed denominator (`None` for counts).
    pub denominator: Option<f64>,
    /// The value (share in %, rate per scale, or count).
    pub value: Option<f64>,
    /// Whether published tables hide it (numerator above 0 but below the threshold).
    pub suppressed: bool,
    /// Whether the value meets the indicator's target, when it has one.
    pub target_met: Option<bool>,
}

/// Everything consolidation computes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Region totals.
    pub total: Money,
    /// Per administration, sorted by name.
    pub by_administration: Vec<(String, Money)>,
    /// Per area, in configured order (every area, also those without initiatives).
    pub by_area: Vec<(String, Money)>,
    /// Administration × area → money (only non-empty cells).
    pub matrix: BTreeMap<(String, String), Money>,
    /// Administration × status → count.
    pub by_status: BTreeMap<(String, Status), u64>,
    /// Administration × shift (`None` = not given) → count.
    pub by_shift: BTreeMap<(String, Option<u8>), u64>,
    /// Indicator figures: year values first, then quarters and months.
    pub indicators: Vec<IndicatorFigure>,
    /// Units whose flows leave gaps in the year, with their own figures; they are not in
    /// the year values.
    pub partial_units: Vec<UnitFigure>,
    /// Units counted at a latest period before the year's last quarter.
    pub stale_units: Vec<StaleUnit>,
    /// The indicator figures linked to each initiative by `Insats-id`.
    pub linked: Vec<linked::LinkedFigure>,
}

/// Computes every figure from the accepted records and the units' year figures
/// ([`units::unit_years`]). The money was admitted first (`validate::admit`), so no sum
/// overflows; a failure here is polars' own, told as the consolidation's.
pub fn consolidate(
    initiatives: &Chunks<Initiative>,
    values: &Chunks<IndicatorValue>,
    units: &[UnitYear],
    config: &Config,
) -> Result<Figures, Error> {
    figures(initiatives, values, units, config).map_err(|e| Error::Consolidation {
        message: "ett fel i tabellbiblioteket (polars); rapportera det gärna med körningens indata"
            .to_string(),
        source: Box::new(e),
    })
}

fn figures(
    initiatives: &Chunks<Initiative>,
    values: &Chunks<IndicatorValue>,
    units: &[UnitYear],
    config: &Config,
) -> PolarsResult<Figures> {
    let mut figures = initiative_figures(initiatives, config)?;
    // After the initiatives' frame is dropped, so that the two frames are never held at once.
    let (indicators, partial, stale) = indicator_figures(values, units, config)?;
    figures.indicators = indicators;
    figures.partial_units = partial;
    figures.stale_units = stale;
    figures.linked = linked::linked_figures(values, config);
    suppress::suppress(&mut figures, config);
    Ok(figures)
}

/// The money and counts of the initiatives, every grouping of tables 1–6.
fn initiative_figures(initiatives: &Chunks<Initiative>, config: &Config) -> PolarsResult<Figures> {
    let mut figures = Figures::default();
    let InitiativeGroups {
        df,
        administrations,
        areas,
    } = InitiativeGroups::new(initiatives)?;
    let df = &df;
    let admin = |code: u32| administrations.text(code).to_string();
    let area = |code: u32| areas.text(code).to_string();
    figures.total = money_groups(df, &[])?
        .remove(&Vec::new())
        .unwrap_or_default();
    figures.by_administration = money_groups(df, &["administration"])?
        .into_iter()
        .map(|(k, m)| (admin(k[0]), m))
        .collect();
    figures.by_administration.sort_by_key(|a| swedish_key(&a.0));
    let by_area: BTreeMap<String, Money> = money_groups(df, &["area"])?
        .into_iter()
        .map(|(k, m)| (area(k[0]), m))
        .collect();
    figures.by_area = config
        .areas
        .iter()
        .map(|a| {
            (
                a.code.clone(),
                by_area.get(&a.code).copied().unwrap_or_default(),
            )
        })
        .collect();
    figures.matrix = money_groups(df, &["administration", "area"])?
        .into_iter()
        .map(|(k, m)| ((admin(k[0]), area(k[1])), m))
        .collect();
    figures.by_status = money_groups(df, &["administration", "status"])?
        .into_iter()
        .map(|(k, m)| ((admin(k[0]), Status::ALL[k[1] as usize]), m.initiatives))
        .collect();
    figures.by_shift = money_groups(df, &["administration", "shift"])?
        .into_iter()
        .map(|(k, m)| {
            (
                (admin(k[0]), u8::try_from(k[1]).ok().filter(|s| *s > 0)),
                m.initiatives,
            )
        })
        .collect();
    Ok(figures)
}

/// The initiatives' money summed per administration, area, status and shift (every
/// grouping of tables 1–6 is a sum of these few thousand groups), with the texts of the
/// administration and area codes.
struct InitiativeGroups<'a> {
    /// Columns `administration`, `area`, `status` (index in `Status::ALL`), `shift`
    /// (0 when not given), `n`, `budget`, `spent` and `agreement` (öre).
    df: DataFrame,
    administrations: Codes<&'a str>,
    areas: Codes<&'a str>,
}

impl<'a> InitiativeGroups<'a> {
    fn new(initiatives: &'a Chunks<Initiative>) -> PolarsResult<Self> {
        let mut administrations = Codes::new();
        let mut areas = Codes::new();
        let admin = shared_codes(initiatives.iter(), &mut administrations, |i| {
            &i.administration
        });
        let area = shared_codes(initiatives.iter(), &mut areas, |i| &i.area);
        // The four codes packed into one integer key: polars groups a million rows by one
        // integer column much more cheaply (in time and memory) than by four.
        let (n_areas, n_status, n_shift) = (areas.values.len() as u64, 4, 5);
        let key: Vec<u64> = initiatives
            .iter()
            .zip(admin.iter().zip(&area))
            .map(|(i, (a, r))| {
                let status = Status::ALL.iter().position(|s| *s == i.status).unwrap_or(0);
                let shift = i.shift.unwrap_or(0).min(4);
                ((u64::from(*a) * n_areas + u64::from(*r)) * n_status + status as u64) * n_shift
                    + u64::from(shift)
            })
            .collect();
        drop((admin, area));
        let money = |name: &str, f: fn(&Initiative) -> Option<i64>| {
            Int64Chunked::from_iter_options(name.into(), initiatives.iter().map(f)).into_column()
        };
        let rows = DataFrame::new(
            initiatives.len(),
            vec![
                UInt64Chunked::from_vec("key".into(), key).into_column(),
                money("budget", |i| i.budget_ore),
                money("spent", |i| i.spent_ore),
                money("agreement", |i| i.agreement_ore),
            ],
        )?;
        let groups = rows
            .lazy()
            .group_by([col("key")])
            .agg([
                len().cast(DataType::Int64).alias("n"),
                col("budget").sum(),
                col("spent").sum(),
                col("agreement").sum(),
            ])
            .collect()?;
        // Unpack the key of each group into its four codes.
        let keys: Vec<u64> = groups.column("key")?.u64()?.into_no_null_iter().collect();
        let unpack = |name: &str, code: &dyn Fn(u64) -> u64| {
            Column::new(
                name.into(),
                keys.iter().map(|k| code(*k) as u32).collect::<Vec<u32>>(),
            )
        };
        let mut columns = vec![
            unpack("administration", &|k| k / n_shift / n_status / n_areas),
            unpack("area", &|k| k / n_shift / n_status % n_areas),
            unpack("status", &|k| k / n_shift % n_status),
            unpack("shift", &|k| k % n_shift),
        ];
        for name in ["n", "budget", "spent", "agreement"] {
            columns.push(groups.column(name)?.clone());
        }
        Ok(InitiativeGroups {
            df: DataFrame::new(keys.len(), columns)?,
            administrations,
            areas,
        })
    }
}

/// Sorts Swedish names the Swedish way: å, ä, ö after z.
pub fn swedish_key(s: &str) -> Vec<u32> {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => 'z' as u32 + 1,
            'ä' | 'æ' => 'z' as u32 + 2,
            'ö' | 'ø' => 'z' as u32 + 3,
            'é' | 'è' => 'e' as u32,
            'ü' => 'y' as u32,
            c => c as u32,
        })
        .collect()
}

/// Count and money sums of the groups in `df` (counted in `n`), grouped further by the
/// code columns `keys` (none: one group, the total).
fn money_groups(df: &DataFrame, keys: &[&str]) -> PolarsResult<BTreeMap<Vec<u32>, Money>> {
    let aggs = [
        col("n").sum().cast(DataType::Int64),
        col("budget").sum().cast(DataType::Int64),
        col("spent").sum().cast(DataType::Int64),
        col("agreement").sum().cast(DataType::Int64),
    ];
    let out = if keys.is_empty() {
        df.clone().lazy().select(aggs).collect()?
    } else {
        let by: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
        df.clone().lazy().group_by(by).agg(aggs).collect()?
    };
    let key_cols: Vec<&UInt32Chunked> = keys
        .iter()
        .map(|k| out.column(k).and_then(|c| c.u32()))
        .collect::<PolarsResult<_>>()?;
    let int = |name: &str| -> PolarsResult<Vec<i64>> {
        let ca = out.column(name)?.i64()?;
        Ok((0..ca.len()).map(|i| ca.get(i).unwrap_or(0)).collect())
    };
    let (n, budget, spent, agreement) =
        (int("n")?, int("budget")?, int("spent")?, int("agreement")?);
    let mut groups = BTreeMap::new();
    for row in 0..out.height() {
        if n[row] == 0 {
            continue;
        }
        let key = key_cols.iter().map(|c| c.get(row).unwrap_or(0)).collect();
        groups.insert(
            key,
            Money {
                initiatives: n[row] as u64,
                budget_kr: Ore(budget[row]),
                spent_kr: Ore(spent[row]),
                agreement_funds_kr: Ore(agreement[row]),
            },
        );
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Texts;
    use crate::value::Period;

    fn initiative(admin: &str, area: &str, status: Status, spent: i64) -> Initiative {
        Initiative {
            file: "f.xlsx".into(),
            administration: admin.into(),
            texts: Texts::new("1", "n", None, None, None, None),
            area: area.into(),
            area_label: area.into(),
            shift: Some(2),
            status,
            start: None,
            end: None,
            budget_ore: None,
            spent_ore: Some(spent),
            agreement_ore: Some(spent / 2),
            municipal_cooperation: None,
            row: 2,
        }
    }

    fn value(admin: &str, unit: &str, period: Period, num: f64, den: f64) -> IndicatorValue {
        IndicatorValue {
            file: "f.xlsx".into(),
            administration: admin.into(),
            indicator: "named_doctor_share".into(),
            unit: Some(unit.into()),
            period,
            numerator: num,
            denominator: Some(den),
            initiative: None,
            row: 2,
        }
    }

    fn run(initiatives: Vec<Initiative>, values: Vec<IndicatorValue>) -> Figures {
        let config = Config::default_config();
        let values = Chunks::from(values);
        let units = units::unit_years(&values, &config);
        consolidate(&Chunks::from(initiatives), &values, &units, &config).unwrap()
    }

    #[test]
    fn money_is_summed_exactly_per_group() {
        let rows = vec![
            initiative("Öfv", "digital", Status::Ongoing, 10_050),
            initiative("Afv", "digital", Status::Completed, 20_000),
            initiative("Afv", "training", Status::Ongoing, 1),
        ];
        let f = run(rows, vec![]);
        assert_eq!(f.total.initiatives, 3);
        assert_eq!(f.total.spent_kr, Ore(30_051));
        assert_eq!(f.by_administration[0].0, "Afv");
        assert_eq!(f.by_administration[0].1.spent_kr, Ore(20_001));
        assert_eq!(
            f.by_area[0],
            (
                "digital".to_string(),
                Money {
                    initiatives: 2,
                    budget_kr: Ore(0),
                    spent_kr: Ore(30_050),
                    agreement_funds_kr: Ore(15_025),
                }
            )
        );
        assert_eq!(f.by_area.len(), 6);
        assert_eq!(f.by_area[5].1.initiatives, 0);
        assert_eq!(
            f.matrix[&("Afv".to_string(), "training".to_string())].spent_kr,
            Ore(1)
        );
        assert_eq!(f.by_status[&("Afv".to_string(), Status::Completed)], 1);
        assert_eq!(f.by_shift[&("Öfv".to_string(), Some(2))], 1);
    }

    fn find<'a>(f: &'a Figures, admin: Option<&str>, period: Period) -> &'a IndicatorFigure {
        f.indicators
            .iter()
            .find(|x| x.administration.as_deref() == admin && x.period == period)
            .unwrap()
    }

    #[test]
    fn a_year_row_wins_and_a_stock_takes_its_latest_month() {
        // named_doctor_share is a stock (last/last). Unit A gives a year row and months:
        // only the year row counts for the year. B gives January and December: December.
        let values = vec![
            value("A", "vc1", Period::Year(2025), 60.0, 100.0),
            value("A", "vc1", Period::Month(2025, 1), 1.0, 10.0),
            value("A", "vc1", Period::Month(2025, 2), 2.0, 10.0),
            value("B", "vc2", Period::Month(2025, 1), 3.0, 300.0),
            value("B", "vc2", Period::Month(2025, 12), 7.0, 600.0),
        ];
        let f = run(vec![], values);
        let region = find(&f, None, Period::Year(2025));
        assert_eq!(region.numerator, 67.0);
        assert_eq!(region.denominator, Some(700.0));
        assert_eq!(region.value, Some(67.0 * 100.0 / 700.0));
        assert_eq!(region.target_met, Some(false));
        let a = find(&f, Some("A"), Period::Year(2025));
        assert_eq!(a.value, Some(60.0));
        assert_eq!(a.target_met, Some(true));
        let jan = find(&f, None, Period::Month(2025, 1));
        assert_eq!(jan.numerator, 4.0);
        assert_eq!(jan.denominator, Some(310.0));
        assert!(jan.suppressed);
    }
}
