//! Small-count suppression as in Swedish official statistics: an indicator figure whose
//! numerator is above 0 but below the threshold is hidden (`x`), and so is any other figure
//! from which a hidden one could be recomputed.
//!
//! A hidden figure can be recomputed by subtraction when it is the only hidden part of a
//! published total: the region's figure is the sum of the administrations', and a year's
//! figure is the sum of its months (or quarters). So whenever exactly one part of such a
//! sum is hidden and the sum is shown, the smallest other part is hidden too
//! (complementary suppression), or the sum itself when there is no other part, repeated
//! until nothing changes. Pure: it only sets `suppressed` flags.

use std::collections::BTreeMap;

use crate::consolidate::IndicatorFigure;

/// Marks primary suppressions (numerator in `(0, threshold)`) and the complementary ones.
pub fn suppress(figures: &mut [IndicatorFigure], threshold: f64, year: &str) {
    for f in figures.iter_mut() {
        f.suppressed = f.numerator > 0.0 && f.numerator < threshold;
    }
    // Each group is a total and its parts, as indices into `figures`.
    let groups = groups(figures, year);
    // Every pass hides at least one more figure, so this ends within figures.len() passes.
    loop {
        let mut changed = false;
        for (total, parts) in &groups {
            changed |= protect(figures, *total, parts);
        }
        if !changed {
            break;
        }
    }
}

/// Hides one more figure if exactly one member of the group (the total or one part) is
/// hidden, since it could then be recomputed from the others.
fn protect(figures: &mut [IndicatorFigure], total: usize, parts: &[usize]) -> bool {
    let hidden = std::iter::once(&total)
        .chain(parts)
        .filter(|&&i| figures[i].suppressed)
        .count();
    if hidden != 1 {
        return false;
    }
    let candidate = parts
        .iter()
        .copied()
        .filter(|&i| !figures[i].suppressed && figures[i].numerator > 0.0)
        .min_by(|&a, &b| figures[a].numerator.total_cmp(&figures[b].numerator))
        .or_else(|| (!figures[total].suppressed).then_some(total));
    match candidate {
        Some(i) => {
            figures[i].suppressed = true;
            true
        }
        None => false,
    }
}

/// (total, parts) pairs: region = Σ administrations for each period, and year = Σ sub-periods
/// for the region and for each administration.
fn groups(figures: &[IndicatorFigure], year: &str) -> Vec<(usize, Vec<usize>)> {
    let mut index: BTreeMap<(&str, Option<&str>, &str), usize> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        index.insert((&f.indicator, f.administration.as_deref(), &f.period), i);
    }
    let mut by_admin: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    let mut by_period: BTreeMap<(&str, Option<&str>), Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        if f.administration.is_some() {
            by_admin
                .entry((&f.indicator, &f.period))
                .or_default()
                .push(i);
        }
        if f.period != year {
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
    for ((indicator, admin), parts) in by_period {
        if let Some(&total) = index.get(&(indicator, admin, year)) {
            // Months and quarters are separate breakdowns of the same year.
            let (quarters, months): (Vec<usize>, Vec<usize>) = parts
                .into_iter()
                .partition(|&i| figures[i].period.contains('Q'));
            for p in [quarters, months] {
                if !p.is_empty() {
                    out.push((total, p));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(admin: Option<&str>, period: &str, numerator: f64) -> IndicatorFigure {
        IndicatorFigure {
            indicator: "i".into(),
            administration: admin.map(str::to_string),
            period: period.into(),
            numerator,
            denominator: Some(100.0),
            value: Some(numerator),
            suppressed: false,
            target_met: None,
        }
    }

    fn hidden(figures: &[IndicatorFigure]) -> Vec<(Option<String>, String)> {
        figures
            .iter()
            .filter(|f| f.suppressed)
            .map(|f| (f.administration.clone(), f.period.clone()))
            .collect()
    }

    #[test]
    fn a_lone_small_administration_takes_the_next_smallest_with_it() {
        let mut f = vec![
            fig(None, "2025", 63.0),
            fig(Some("A"), "2025", 3.0),
            fig(Some("B"), "2025", 40.0),
            fig(Some("C"), "2025", 20.0),
        ];
        suppress(&mut f, 5.0, "2025");
        assert_eq!(
            hidden(&f),
            [
                (Some("A".into()), "2025".into()),
                (Some("C".into()), "2025".into())
            ]
        );
    }

    #[test]
    fn zero_is_not_suppressed_and_two_small_ones_protect_each_other() {
        let mut f = vec![
            fig(None, "2025", 50.0),
            fig(Some("A"), "2025", 2.0),
            fig(Some("B"), "2025", 3.0),
            fig(Some("C"), "2025", 45.0),
            fig(Some("D"), "2025", 0.0),
        ];
        suppress(&mut f, 5.0, "2025");
        assert_eq!(hidden(&f).len(), 2);
        assert!(!f[4].suppressed);
    }

    #[test]
    fn the_partner_is_hidden_even_when_large() {
        let mut f = vec![
            fig(None, "2025", 40.0),
            fig(Some("A"), "2025", 4.0),
            fig(Some("B"), "2025", 36.0),
        ];
        suppress(&mut f, 5.0, "2025");
        assert!(f[1].suppressed && f[2].suppressed && !f[0].suppressed);
    }

    #[test]
    fn a_hidden_total_is_not_left_recomputable_from_its_parts() {
        // January is the region's only month, so the region's year would give it away;
        // the year hidden, its only part (A) would give the year away in turn.
        let mut g = vec![
            fig(None, "2025", 30.0),
            fig(Some("A"), "2025", 30.0),
            fig(None, "2025-01", 3.0),
        ];
        suppress(&mut g, 5.0, "2025");
        assert!(g.iter().all(|f| f.suppressed));
    }

    #[test]
    fn months_protect_each_other_within_a_year() {
        let mut f = vec![
            fig(Some("A"), "2025", 100.0),
            fig(Some("A"), "2025-01", 2.0),
            fig(Some("A"), "2025-02", 50.0),
            fig(Some("A"), "2025-03", 48.0),
        ];
        suppress(&mut f, 5.0, "2025");
        assert_eq!(
            hidden(&f),
            [
                (Some("A".into()), "2025-01".into()),
                (Some("A".into()), "2025-03".into())
            ]
        );
    }
}
