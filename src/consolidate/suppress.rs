//! Small-count suppression as in Swedish official statistics: an indicator figure whose
//! numerator is above 0 but below the threshold is hidden (`x`), and so is any other figure
//! from which a hidden one could be recomputed.
//!
//! A hidden figure can be recomputed by subtraction when it is the only hidden member of a
//! published sum. The sums here: the region's figure is the sum of the administrations'
//! for every period; and, for an indicator whose numerator is a flow, the quarters and
//! months of the region or of an administration add up to its year figure together with
//! the figures of its units that were left out of the year for gaps. Whenever
//! exactly one member of such a group is hidden, the smallest other part is hidden too
//! (complementary suppression), or the total when there is no other part, repeated until
//! nothing changes. A stock's year figure is not a sum of its months, so no such group is
//! formed for it.
//!
//! The figures linked to initiatives (results measured, SPEC 3.4) are parts of their
//! administration's year figure, together with what is left when they are subtracted
//! from it. That remainder is not published, so it counts as hidden in its group — but
//! anyone can subtract, so when it is the group's only hidden member it is given away,
//! which matters when it is 1–4: then one more figure is hidden. It is never chosen to
//! hide another (leaving it out hides nothing).
//! Pure: it only sets `suppressed` flags.

use std::collections::BTreeMap;

use super::Figures;
use crate::config::{Aggregation, Config};
use crate::value::Period;

/// One published figure as suppression sees it.
#[derive(Debug, Clone, Copy)]
struct Cell {
    numerator: f64,
    suppressed: bool,
    /// Whether leaving it out of the outputs hides it: false for a remainder, which is
    /// a difference of published figures.
    omissible: bool,
    /// Whether, hidden and alone so in a group, it must not be recomputable: true for
    /// every published figure, and for a remainder of 1–4.
    protected: bool,
}

/// Marks primary suppressions (numerator in `(0, threshold)`) and the complementary ones,
/// over the indicator figures, the left-out units' figures and the linked figures alike.
pub fn suppress(figures: &mut Figures, config: &Config) {
    let threshold = config.suppression_threshold;
    let primary = |numerator: f64| numerator > 0.0 && numerator < threshold;
    let (n, p) = (figures.indicators.len(), figures.partial_units.len());
    let mut cells: Vec<Cell> = figures
        .indicators
        .iter()
        .map(|f| f.numerator)
        .chain(figures.partial_units.iter().map(|u| u.numerator))
        .chain(figures.linked.iter().map(|l| l.numerator))
        .map(|numerator| Cell {
            numerator,
            suppressed: primary(numerator),
            omissible: true,
            protected: true,
        })
        .collect();
    let mut groups = groups(figures, config);
    groups.extend(remainders(figures, config, &mut cells, &primary));
    settle(&mut cells, &groups);
    for (f, c) in figures.indicators.iter_mut().zip(&cells) {
        f.suppressed = c.suppressed;
    }
    for (u, c) in figures.partial_units.iter_mut().zip(&cells[n..]) {
        u.suppressed = c.suppressed;
    }
    for (l, c) in figures.linked.iter_mut().zip(&cells[n + p..]) {
        l.suppressed = c.suppressed;
    }
}

/// Primary and complementary suppression over one published sum, such as the regions'
/// figures of an indicator and their total for the whole country: which parts are hidden,
/// and whether the total is. The same rules as above, over one group.
pub fn suppress_sum(parts: &[f64], total: f64, threshold: f64) -> (Vec<bool>, bool) {
    let primary = |numerator: f64| numerator > 0.0 && numerator < threshold;
    let mut cells: Vec<Cell> = parts
        .iter()
        .chain(std::iter::once(&total))
        .map(|&numerator| Cell {
            numerator,
            suppressed: primary(numerator),
            omissible: true,
            protected: true,
        })
        .collect();
    let n = parts.len();
    settle(&mut cells, &[(n, (0..n).collect())]);
    let total = cells[n].suppressed;
    (cells[..n].iter().map(|c| c.suppressed).collect(), total)
}

/// The groups of the linked figures: an administration's year figure is the sum of the
/// figures linked to its initiatives and of what remains, for each indicator. The
/// remainders are appended to `cells`: unpublished (hidden), protected when 1–4.
fn remainders(
    figures: &Figures,
    config: &Config,
    cells: &mut Vec<Cell>,
    primary: &dyn Fn(f64) -> bool,
) -> Vec<(usize, Vec<usize>)> {
    let year = Period::Year(config.year);
    let first = figures.indicators.len() + figures.partial_units.len();
    let mut parts: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (k, l) in figures.linked.iter().enumerate() {
        if l.value.is_some() {
            parts
                .entry((&l.indicator, &l.administration))
                .or_default()
                .push(first + k);
        }
    }
    let mut out = Vec::new();
    for (i, f) in figures.indicators.iter().enumerate() {
        let Some(admin) = f.administration.as_deref().filter(|_| f.period == year) else {
            continue;
        };
        let Some(linked) = parts.get(&(f.indicator.as_str(), admin)) else {
            continue;
        };
        let rest = f.numerator - linked.iter().map(|&k| cells[k].numerator).sum::<f64>();
        let mut members = linked.clone();
        members.push(cells.len());
        cells.push(Cell {
            numerator: rest,
            suppressed: true,
            omissible: false,
            protected: primary(rest),
        });
        out.push((i, members));
    }
    out
}

/// Complementary suppression until no group gives a hidden figure away. Every pass hides
/// at least one more figure, so this ends within `cells.len()` passes.
fn settle(cells: &mut [Cell], groups: &[(usize, Vec<usize>)]) {
    loop {
        let mut changed = false;
        for (total, parts) in groups {
            changed |= protect(cells, *total, parts);
        }
        if !changed {
            break;
        }
    }
}

/// Hides one more figure if exactly one member of the group (the total or one part) is
/// hidden, since it could then be recomputed from the others.
fn protect(cells: &mut [Cell], total: usize, parts: &[usize]) -> bool {
    let mut hidden = std::iter::once(&total)
        .chain(parts)
        .filter(|&&i| cells[i].suppressed);
    let (Some(&only), None) = (hidden.next(), hidden.next()) else {
        return false;
    };
    if !cells[only].protected {
        return false;
    }
    let candidate = parts
        .iter()
        .copied()
        .filter(|&i| !cells[i].suppressed && cells[i].omissible && cells[i].numerator > 0.0)
        .min_by(|&a, &b| cells[a].numerator.total_cmp(&cells[b].numerator))
        .or_else(|| (!cells[total].suppressed).then_some(total));
    match candidate {
        Some(i) => {
            cells[i].suppressed = true;
            true
        }
        None => false,
    }
}

/// (total, parts) pairs as indices into the cells: the indicator figures first, then
/// the left-out units' figures.
fn groups(figures: &Figures, config: &Config) -> Vec<(usize, Vec<usize>)> {
    let flows = |code: &str| {
        config
            .indicator(code)
            .is_some_and(|i| i.numerator == Aggregation::Sum)
    };
    let list = &figures.indicators;
    let mut index: BTreeMap<(&str, Option<&str>, Period), usize> = BTreeMap::new();
    for (i, f) in list.iter().enumerate() {
        index.insert((&f.indicator, f.administration.as_deref(), f.period), i);
    }
    let mut by_admin: BTreeMap<(&str, Period), Vec<usize>> = BTreeMap::new();
    // (indicator, administration or region) → parts of the year: its quarters and months
    // together, since a unit may report Q1–Q3 and then October–December.
    let mut by_period: BTreeMap<(&str, Option<&str>), Vec<usize>> = BTreeMap::new();
    for (i, f) in list.iter().enumerate() {
        if f.administration.is_some() {
            by_admin
                .entry((&f.indicator, f.period))
                .or_default()
                .push(i);
        }
        if !f.period.is_year() && flows(&f.indicator) {
            by_period
                .entry((&f.indicator, f.administration.as_deref()))
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::new();
    for ((indicator, period), parts) in by_admin {
        if let Some(&total) = index.get(&(indicator, None, period)) {
            out.push((total, parts));
        }
    }
    let year = Period::Year(config.year);
    for ((indicator, admin), mut parts) in by_period {
        let Some(&total) = index.get(&(indicator, admin, year)) else {
            continue;
        };
        // The left-out units of this administration (or of the whole region) are in its
        // months but not in its year.
        parts.extend(
            figures
                .partial_units
                .iter()
                .enumerate()
                .filter(|(_, u)| {
                    u.indicator == indicator && admin.is_none_or(|a| a == u.administration)
                })
                .map(|(k, _)| list.len() + k),
        );
        out.push((total, parts));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consolidate::{IndicatorFigure, UnitFigure};

    fn fig(admin: Option<&str>, period: Period, numerator: f64) -> IndicatorFigure {
        IndicatorFigure {
            indicator: "digital_contacts_share".into(),
            administration: admin.map(str::to_string),
            period,
            numerator,
            denominator: Some(100.0),
            value: Some(numerator),
            suppressed: false,
            target_met: None,
        }
    }

    const Y: Period = Period::Year(2025);

    fn run(list: Vec<IndicatorFigure>) -> Figures {
        let mut f = Figures {
            indicators: list,
            ..Figures::default()
        };
        suppress(&mut f, &Config::default_config());
        f
    }

    fn hidden(f: &Figures) -> Vec<(Option<String>, Period)> {
        f.indicators
            .iter()
            .filter(|f| f.suppressed)
            .map(|f| (f.administration.clone(), f.period))
            .collect()
    }

    #[test]
    fn one_small_part_of_a_sum_takes_the_next_smallest_with_it() {
        let (parts, total) = suppress_sum(&[3.0, 40.0, 12.0, 0.0], 55.0, 5.0);
        assert_eq!(parts, [true, false, true, false]);
        assert!(!total);
        // Two small parts protect each other; a lone part hides the total.
        assert_eq!(
            suppress_sum(&[3.0, 2.0, 50.0], 55.0, 5.0).0,
            [true, true, false]
        );
        assert_eq!(suppress_sum(&[3.0], 3.0, 5.0), (vec![true], true));
    }

    #[test]
    fn a_lone_small_administration_takes_the_next_smallest_with_it() {
        let f = run(vec![
            fig(None, Y, 63.0),
            fig(Some("A"), Y, 3.0),
            fig(Some("B"), Y, 40.0),
            fig(Some("C"), Y, 20.0),
        ]);
        assert_eq!(hidden(&f), [(Some("A".into()), Y), (Some("C".into()), Y)]);
    }

    #[test]
    fn zero_is_not_suppressed_and_two_small_ones_protect_each_other() {
        let f = run(vec![
            fig(None, Y, 50.0),
            fig(Some("A"), Y, 2.0),
            fig(Some("B"), Y, 3.0),
            fig(Some("C"), Y, 45.0),
            fig(Some("D"), Y, 0.0),
        ]);
        assert_eq!(hidden(&f).len(), 2);
        assert!(!f.indicators[4].suppressed);
    }

    #[test]
    fn the_partner_is_hidden_even_when_large() {
        let f = run(vec![
            fig(None, Y, 40.0),
            fig(Some("A"), Y, 4.0),
            fig(Some("B"), Y, 36.0),
        ]);
        let s: Vec<bool> = f.indicators.iter().map(|f| f.suppressed).collect();
        assert_eq!(s, [false, true, true]);
    }

    #[test]
    fn a_hidden_total_is_not_left_recomputable_from_its_parts() {
        // January is the region's only month, so the region's year would give it away;
        // the year hidden, its only part (A) would give the year away in turn.
        let f = run(vec![
            fig(None, Y, 30.0),
            fig(Some("A"), Y, 30.0),
            fig(None, Period::Month(2025, 1), 3.0),
        ]);
        assert!(f.indicators.iter().all(|f| f.suppressed));
    }

    #[test]
    fn months_protect_each_other_within_a_year() {
        let f = run(vec![
            fig(Some("A"), Y, 100.0),
            fig(Some("A"), Period::Month(2025, 1), 2.0),
            fig(Some("A"), Period::Month(2025, 2), 50.0),
            fig(Some("A"), Period::Month(2025, 3), 48.0),
        ]);
        assert_eq!(
            hidden(&f),
            [
                (Some("A".into()), Period::Month(2025, 1)),
                (Some("A".into()), Period::Month(2025, 3))
            ]
        );
    }

    #[test]
    fn a_stock_year_is_not_a_sum_of_its_months() {
        let mut list = vec![
            fig(Some("A"), Y, 100.0),
            fig(Some("A"), Period::Month(2025, 1), 2.0),
            fig(Some("A"), Period::Month(2025, 12), 100.0),
        ];
        for f in &mut list {
            f.indicator = "named_doctor_share".into();
        }
        let f = run(list);
        assert_eq!(hidden(&f), [(Some("A".into()), Period::Month(2025, 1))]);
    }

    #[test]
    fn a_left_out_unit_is_a_part_of_its_administrations_months() {
        // A's months (9 + 91) are its year (97, the complete units) and the left-out
        // unit (3): with the unit hidden, one more part must go.
        let mut f = Figures {
            indicators: vec![
                fig(Some("A"), Y, 97.0),
                fig(Some("A"), Period::Quarter(2025, 1), 9.0),
                fig(Some("A"), Period::Quarter(2025, 2), 91.0),
            ],
            partial_units: vec![UnitFigure {
                indicator: "digital_contacts_share".into(),
                administration: "A".into(),
                unit: Some("VC".into()),
                reported: vec![Period::Quarter(2025, 1)],
                missing: vec![],
                numerator: 3.0,
                denominator: Some(10.0),
                value: Some(30.0),
                suppressed: false,
            }],
            ..Figures::default()
        };
        suppress(&mut f, &Config::default_config());
        assert!(f.partial_units[0].suppressed);
        assert_eq!(hidden(&f), [(Some("A".into()), Period::Quarter(2025, 1))]);
    }
}

#[cfg(test)]
mod linked_tests {
    use super::*;
    use crate::consolidate::IndicatorFigure;
    use crate::consolidate::linked::LinkedFigure;

    const Y: Period = Period::Year(2025);

    fn admin(numerator: f64) -> IndicatorFigure {
        IndicatorFigure {
            indicator: "readmission_30d_share".into(),
            administration: Some("A".into()),
            period: Y,
            numerator,
            denominator: Some(1000.0),
            value: Some(numerator / 10.0),
            suppressed: false,
            target_met: None,
        }
    }

    fn linked(initiative: &str, numerator: f64) -> LinkedFigure {
        LinkedFigure {
            file: "a.xlsx".into(),
            administration: "A".into(),
            initiative: initiative.into(),
            indicator: "readmission_30d_share".into(),
            numerator,
            denominator: Some(100.0),
            value: Some(numerator),
            units: 1,
            partial_units: 0,
            suppressed: false,
        }
    }

    fn run(admin_numerator: f64, linked_numerators: &[f64]) -> Figures {
        let mut f = Figures {
            indicators: vec![admin(admin_numerator)],
            linked: linked_numerators
                .iter()
                .enumerate()
                .map(|(k, n)| linked(&format!("I-{k}"), *n))
                .collect(),
            ..Figures::default()
        };
        suppress(&mut f, &Config::default_config());
        f
    }

    #[test]
    fn a_small_linked_figure_is_hidden_and_its_administration_is_not() {
        // 3 is hidden; with it the remainder (97) is unknown, so 100 may show.
        let f = run(100.0, &[3.0]);
        assert!(f.linked[0].suppressed);
        assert!(!f.indicators[0].suppressed);
    }

    #[test]
    fn a_remainder_of_one_to_four_hides_a_linked_figure() {
        // 20 − 17 = 3 would be given away: the linked 17 is hidden.
        let f = run(20.0, &[17.0]);
        assert!(f.linked[0].suppressed);
        assert!(!f.indicators[0].suppressed);
        // The smallest of several goes.
        let f = run(40.0, &[20.0, 18.0]);
        let hidden: Vec<bool> = f.linked.iter().map(|l| l.suppressed).collect();
        assert_eq!(hidden, [false, true]);
    }

    #[test]
    fn a_large_or_empty_remainder_hides_nothing() {
        for (total, parts) in [(100.0, vec![50.0, 30.0]), (80.0, vec![50.0, 30.0])] {
            let f = run(total, &parts);
            assert!(f.linked.iter().all(|l| !l.suppressed), "{total} {parts:?}");
            assert!(!f.indicators[0].suppressed);
        }
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Cells with numerators in 1..20 (a threshold of 5 hides about a fifth) and groups
    /// of a total and two to five parts, overlapping as the real ones do.
    fn case() -> impl Strategy<Value = (Vec<f64>, Vec<(usize, Vec<usize>)>)> {
        (6usize..40).prop_flat_map(|n| {
            let cells = proptest::collection::vec(1.0f64..20.0, n);
            let group = (0..n, proptest::collection::vec(0..n, 2..6));
            let groups = proptest::collection::vec(group, 1..12);
            (cells, groups)
        })
    }

    proptest! {
        #[test]
        fn no_group_is_left_with_one_hidden_figure((numerators, groups) in case()) {
            let groups: Vec<(usize, Vec<usize>)> = groups
                .into_iter()
                .map(|(t, mut parts)| {
                    parts.retain(|p| *p != t);
                    parts.sort_unstable();
                    parts.dedup();
                    (t, parts)
                })
                .filter(|(_, parts)| !parts.is_empty())
                .collect();
            let mut cells: Vec<Cell> = numerators
                .iter()
                .map(|&numerator| Cell { numerator, suppressed: numerator < 5.0, omissible: true, protected: true })
                .collect();
            let primary: Vec<bool> = cells.iter().map(|c| c.suppressed).collect();
            settle(&mut cells, &groups);
            for (total, parts) in &groups {
                let hidden = std::iter::once(total)
                    .chain(parts)
                    .filter(|&&i| cells[i].suppressed)
                    .count();
                prop_assert_ne!(hidden, 1, "group {} {:?}", total, parts);
            }
            // A figure hidden first stays hidden.
            for (c, was) in cells.iter().zip(primary) {
                prop_assert!(c.suppressed || !was);
            }
        }
    }
}
