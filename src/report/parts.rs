//! The report's parts from the consolidated figures: the totals, the money per
//! administration and area, the count tables, the indicator rows and definitions; and
//! this year's figures as the comparison sees them.

use super::{
    AdministrationRow, AreaRow, IndicatorDefinition, IndicatorRow, Matrix, PartialUnitRow, Report,
    ShiftRow, StatusRow, Totals, matrix, per, shift_heading,
};
use crate::config::{Config, IndicatorKind};
use crate::consolidate::{Figures, Money};
use crate::model::{SHIFTS, Status};
use crate::value::Ore;

/// The region's totals, against the allocation and the population.
pub(super) fn totals(figures: &Figures, config: &Config) -> Totals {
    let total = figures.total;
    let allocation = config.allocation();
    Totals {
        initiatives: total.initiatives,
        budget_kr: total.budget_kr,
        spent_kr: total.spent_kr,
        agreement_funds_kr: total.agreement_funds_kr,
        allocation_kr: allocation,
        population: config.population,
        remaining_kr: allocation - total.agreement_funds_kr,
        over_allocation: allocation.0 > 0 && total.agreement_funds_kr > allocation,
        utilisation_pct: allocation.share_pct(total.agreement_funds_kr),
        allocation_per_inhabitant_kr: per(allocation, config.population),
        agreement_funds_per_inhabitant_kr: per(total.agreement_funds_kr, config.population),
        spent_per_inhabitant_kr: per(total.spent_kr, config.population),
    }
}

/// Money per administration and per area, with each one's share of the total.
pub(super) fn money_rows(
    figures: &Figures,
    config: &Config,
) -> (Vec<AdministrationRow>, Vec<AreaRow>) {
    let total = figures.total;
    let area_label = |code: &str| {
        config
            .area(code)
            .map_or(code.to_string(), |a| a.label.clone())
    };
    let by_administration = figures
        .by_administration
        .iter()
        .map(|(a, m)| AdministrationRow {
            administration: a.clone(),
            initiatives: m.initiatives,
            budget_kr: m.budget_kr,
            spent_kr: m.spent_kr,
            agreement_funds_kr: m.agreement_funds_kr,
            share_pct: total.spent_kr.share_pct(m.spent_kr),
        })
        .collect();
    let by_area = figures
        .by_area
        .iter()
        .map(|(code, m)| AreaRow {
            area: code.clone(),
            label: area_label(code),
            initiatives: m.initiatives,
            budget_kr: m.budget_kr,
            spent_kr: m.spent_kr,
            agreement_funds_kr: m.agreement_funds_kr,
            share_pct: total.spent_kr.share_pct(m.spent_kr),
        })
        .collect();
    (by_administration, by_area)
}

/// The matrices per administration (money per area, initiatives per status and shift)
/// and the region's counts per status and shift.
pub(super) struct Counts {
    pub area_matrix: Matrix<Ore>,
    pub status_matrix: Matrix<u64>,
    pub shift_matrix: Matrix<u64>,
    pub by_status: Vec<StatusRow>,
    pub by_shift: Vec<ShiftRow>,
}

/// The count tables of the report.
pub(super) fn counts(figures: &Figures, config: &Config) -> Counts {
    let admins: Vec<String> = figures
        .by_administration
        .iter()
        .map(|(a, _)| a.clone())
        .collect();
    let area_matrix = matrix(
        &admins,
        config.areas.iter().map(|a| a.label.clone()).collect(),
        |admin, i| {
            figures
                .matrix
                .get(&(admin.to_string(), config.areas[i].code.clone()))
                .map_or(Ore::ZERO, |m: &Money| m.spent_kr)
        },
    );
    let status_matrix = matrix(
        &admins,
        Status::ALL.iter().map(|s| s.label().to_string()).collect(),
        |admin, i| {
            figures
                .by_status
                .get(&(admin.to_string(), Status::ALL[i]))
                .copied()
                .unwrap_or(0)
        },
    );
    let shift_keys: Vec<Option<u8>> = (1..=4).map(Some).chain(std::iter::once(None)).collect();
    let shift_matrix = matrix(
        &admins,
        shift_keys.iter().map(|s| shift_heading(*s)).collect(),
        |admin, i| {
            figures
                .by_shift
                .get(&(admin.to_string(), shift_keys[i]))
                .copied()
                .unwrap_or(0)
        },
    );
    let by_status = Status::ALL
        .iter()
        .zip(&status_matrix.totals)
        .map(|(s, n)| StatusRow {
            status: *s,
            initiatives: *n,
        })
        .collect();
    let by_shift = shift_keys
        .iter()
        .zip(&shift_matrix.totals)
        .map(|(s, n)| ShiftRow {
            shift: *s,
            label: s.map_or("Ej angiven".to_string(), |s| {
                SHIFTS[usize::from(s) - 1].to_string()
            }),
            initiatives: *n,
        })
        .collect();
    Counts {
        area_matrix,
        status_matrix,
        shift_matrix,
        by_status,
        by_shift,
    }
}

/// The indicator figures and the left-out units' figures, with their labels and kinds.
pub(super) fn indicator_rows(
    figures: Figures,
    config: &Config,
) -> (Vec<IndicatorRow>, Vec<PartialUnitRow>) {
    let mut listed: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let partial_units = figures
        .partial_units
        .into_iter()
        .map(|figure| {
            let (label, kind) = label_and_kind(config, &figure.indicator);
            let before = listed.entry(figure.indicator.clone()).or_default();
            *before += 1;
            PartialUnitRow {
                label,
                kind,
                reported_text: crate::consolidate::units::period_list(&figure.reported),
                listed: *before <= config.limits.max_listed_units,
                figure,
            }
        })
        .collect();
    let indicators = figures
        .indicators
        .into_iter()
        .map(|figure| {
            let (label, kind) = label_and_kind(config, &figure.indicator);
            IndicatorRow {
                label,
                kind,
                target: config
                    .indicator(&figure.indicator)
                    .and_then(|i| i.target)
                    .map(|t| t.value),
                figure,
            }
        })
        .collect();
    (indicators, partial_units)
}

/// An indicator's label and kind from the configuration (its code, and a count, when the
/// configuration does not have it).
fn label_and_kind(config: &Config, code: &str) -> (String, IndicatorKind) {
    config
        .indicator(code)
        .map_or((code.to_string(), IndicatorKind::Count), |i| {
            (i.label.clone(), i.kind)
        })
}

/// Every configured indicator's definition, for `Definitioner`.
pub(super) fn definitions(config: &Config) -> Vec<IndicatorDefinition> {
    config
        .indicators
        .iter()
        .map(|i| IndicatorDefinition {
            code: i.code.clone(),
            label: i.label.clone(),
            definition: i.definition.clone(),
            kind: i.kind,
            unit: i.unit(),
            target: i.target,
            numerator: i.numerator,
            denominator: i.kind.has_denominator().then_some(i.denominator),
            year_value: i.year_value_rule(),
        })
        .collect()
}

/// This year's figures as the comparison needs them.
pub(super) fn current(report: &Report) -> crate::report::compare::Current<'_> {
    let t = &report.totals;
    crate::report::compare::Current {
        year: report.year,
        totals: (
            t.initiatives,
            t.spent_kr.kronor(),
            t.agreement_funds_kr.kronor(),
        ),
        by_area: report
            .by_area
            .iter()
            .map(|a| {
                (
                    a.area.clone(),
                    a.label.clone(),
                    a.initiatives,
                    a.spent_kr.kronor(),
                )
            })
            .collect(),
        by_administration: report
            .by_administration
            .iter()
            .map(|a| {
                let name = a.administration.clone();
                (name.clone(), name, a.initiatives, a.spent_kr.kronor())
            })
            .collect(),
        indicators: report
            .indicators
            .iter()
            .map(|r| (&r.figure, r.label.as_str(), r.kind))
            .collect(),
        initiatives: &report.initiatives,
    }
}
