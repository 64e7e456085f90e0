//! A property test: for random units and periods, every year value equals the ratio of
//! the per-unit year figures computed by a plain reference implementation of SPEC 2.3.

use proptest::prelude::*;

use super::*;
use crate::config::{Aggregation, IndicatorKind};
use crate::model::IndicatorValue;

/// One unit's rows: which granularity it reports in, which of those periods, figures.
#[derive(Debug, Clone)]
struct UnitRows {
    admin: usize,
    /// 0 year, 1 quarters, 2 months.
    granularity: u8,
    /// Which periods of that granularity are given (one bit each).
    given: u16,
    figures: Vec<(u32, u32)>,
}

fn unit_rows() -> impl Strategy<Value = UnitRows> {
    (
        0..3usize,
        0..3u8,
        1..4096u16,
        prop::collection::vec((0..500u32, 0..500u32), 12),
    )
        .prop_map(|(admin, granularity, given, figures)| UnitRows {
            admin,
            granularity,
            given,
            figures,
        })
}

/// The periods a unit gives, in order, with its numerator and denominator (the
/// denominator at least the numerator, as a share's must be).
fn periods(u: &UnitRows) -> Vec<(Period, f64, f64)> {
    let all: Vec<Period> = match u.granularity {
        0 => vec![Period::Year(2025)],
        1 => (1..=4).map(|q| Period::Quarter(2025, q)).collect(),
        _ => (1..=12).map(|m| Period::Month(2025, m)).collect(),
    };
    let mut out: Vec<(Period, f64, f64)> = all
        .iter()
        .enumerate()
        .filter(|(k, _)| u.given & (1 << k) != 0)
        .map(|(k, p)| {
            let (a, b) = u.figures[k];
            (*p, f64::from(a), f64::from(a + b))
        })
        .collect();
    if out.is_empty() {
        let (a, b) = u.figures[0];
        out.push((all[0], f64::from(a), f64::from(a + b)));
    }
    out
}

/// The reference: a unit's year figure by the rules as SPEC 2.3 words them, or `None`
/// when a flow leaves gaps.
fn reference(u: &UnitRows, num: Aggregation, den: Aggregation) -> Option<(f64, f64)> {
    let rows = periods(u);
    let expected = match u.granularity {
        0 => 1,
        1 => 4,
        _ => 12,
    };
    let complete = rows.len() == expected;
    let part = |how: Aggregation, pick: fn(&(Period, f64, f64)) -> f64| -> f64 {
        match how {
            Aggregation::Sum => rows.iter().map(pick).sum(),
            Aggregation::Last => pick(rows.last().unwrap()),
            Aggregation::Mean => rows.iter().map(pick).sum::<f64>() / rows.len() as f64,
        }
    };
    if !complete && (num == Aggregation::Sum || den == Aggregation::Sum) {
        return None;
    }
    Some((part(num, |r| r.1), part(den, |r| r.2)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn year_values_are_ratios_of_the_units_year_figures(
        units in prop::collection::vec(unit_rows(), 1..12),
        code in prop::sample::select(vec![
            "named_doctor_share",
            "digital_contacts_share",
            "avoidable_hospitalisation_rate",
            "readmission_30d_share",
        ]),
    ) {
        let config = Config::default_config();
        let ind = config.indicator(code).unwrap().clone();
        let admins = ["A", "B", "C"];
        let chunks: Vec<Vec<IndicatorValue>> = admins
            .iter()
            .enumerate()
            .map(|(a, name)| {
                units
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| u.admin == a)
                    .flat_map(|(k, u)| {
                        periods(u).into_iter().map(move |(period, n, d)| IndicatorValue {
                            file: format!("{name}.xlsx").into(),
                            administration: (*name).into(),
                            indicator: code.into(),
                            unit: Some(format!("enhet {k}").into()),
                            period,
                            numerator: n,
                            denominator: Some(d),
                            initiative: None,
                            row: 2,
                        })
                    })
                    .collect()
            })
            .collect();
        let values = Chunks::new(chunks);
        let unit_years = units::unit_years(&values, &config);
        let f = consolidate(&Chunks::default(), &values, &unit_years, &config).unwrap();
        let expect = |admin: Option<usize>| -> Option<(f64, f64)> {
            let counted: Vec<(f64, f64)> = units
                .iter()
                .filter(|u| admin.is_none_or(|a| u.admin == a))
                .filter_map(|u| reference(u, ind.numerator, ind.denominator))
                .collect();
            (!counted.is_empty()).then(|| {
                (counted.iter().map(|c| c.0).sum(), counted.iter().map(|c| c.1).sum())
            })
        };
        for admin in [None, Some(0), Some(1), Some(2)] {
            let name = admin.map(|a| admins[a]);
            let got = f.indicators.iter().find(|x| {
                x.period == Period::Year(2025) && x.administration.as_deref() == name
            });
            match (expect(admin), got) {
                (None, None) => {}
                (Some((n, d)), Some(g)) => {
                    prop_assert!((g.numerator - n).abs() < 1e-6, "{name:?}: {} vs {n}", g.numerator);
                    let gd = g.denominator.unwrap();
                    prop_assert!((gd - d).abs() < 1e-6, "{name:?}: {gd} vs {d}");
                    prop_assert_eq!(g.value, ind.value(n, Some(d)));
                }
                (e, g) => prop_assert!(false, "{name:?}: expected {e:?}, got {g:?}"),
            }
        }
        // Every left-out unit is a flow with gaps, and listed once.
        let left_out = units
            .iter()
            .filter(|u| reference(u, ind.numerator, ind.denominator).is_none())
            .count();
        prop_assert_eq!(f.partial_units.len(), left_out);
        prop_assert!(ind.kind != IndicatorKind::Count);
    }
}
