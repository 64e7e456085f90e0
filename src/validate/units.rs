//! A unit belongs to one administration (SPEC 2.3): the same indicator, unit and period
//! in two workbooks is `duplicate-unit`. With equal figures it is a warning and the unit
//! is counted once (the later file's row is dropped from the figures); with different
//! figures it is an error on both cells and both rows are rejected, since nobody can
//! tell which is right.
//!
//! Runs once over all submissions after each was validated on its own. Linear in the
//! number of rows: every later row names only the first one.

use std::collections::hash_map::Entry;

use foldhash::{HashMap, HashMapExt};

use crate::config::Config;
use crate::diagnostic::{CellRef, Code, Diagnostic, Severity};
use crate::model::{IndicatorValue, RejectedRow, Submission};
use crate::text::group;
use crate::value::Period;

/// Where a (indicator, unit, period) was first seen, and whether it is in conflict.
struct First {
    file: usize,
    value: usize,
    conflict: bool,
}

/// Finds the units reported by more than one workbook, drops the equal repeats and
/// rejects the conflicting rows. Returns the findings.
pub fn duplicate_units(subs: &mut [Submission], config: &Config) -> Vec<Diagnostic> {
    let label = |code: &str| {
        config
            .indicator(code)
            .map_or(code.to_string(), |i| i.label.clone())
    };
    // Keyed by integer unit codes, not a collapsed string per row: a national run has
    // half a million indicator rows but a few thousand units.
    let mut first: HashMap<(&str, u32, Period), First> = HashMap::new();
    let mut unit_codes: HashMap<String, u32> = HashMap::new();
    // (file, value) pairs to drop as counted once, and to reject as conflicting.
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    let mut conflicts: Vec<(usize, usize, String)> = Vec::new();
    let mut out = Vec::new();
    for (f, sub) in subs.iter().enumerate() {
        // Units are shared per file; collapse each spelling once.
        let mut collapsed: HashMap<&str, u32> = HashMap::new();
        for (i, v) in sub.indicators.iter().enumerate() {
            let Some(unit) = v.unit.as_deref() else {
                continue;
            };
            let key_unit = *collapsed.entry(unit).or_insert_with(|| {
                let next = unit_codes.len() as u32;
                *unit_codes
                    .entry(crate::text::collapse(unit))
                    .or_insert(next)
            });
            match first.entry((&*v.indicator, key_unit, v.period)) {
                Entry::Vacant(e) => {
                    e.insert(First {
                        file: f,
                        value: i,
                        conflict: false,
                    });
                }
                Entry::Occupied(mut e) if e.get().file != f => {
                    let seen = e.get_mut();
                    let earlier = &subs[seen.file].indicators[seen.value];
                    let same =
                        earlier.numerator == v.numerator && earlier.denominator == v.denominator;
                    let here = cell(sub, v);
                    let there = cell(&subs[seen.file], earlier);
                    if same && !seen.conflict {
                        out.push(finding(sub, v, Severity::Warning, format!(
                            "{} redovisas också i {} med samma siffror för {}; en enhet hör till en förvaltning. Enheten räknas en gång",
                            unit_and_period(v), there, label(&v.indicator)
                        )));
                        repeats.push((f, i));
                    } else {
                        let message = |other: &str| {
                            format!(
                                "{} redovisas också i {other} med andra siffror för {} (täljare {} och {}); en enhet hör till en förvaltning, så bara en av raderna kan stämma. Båda raderna avvisas",
                                unit_and_period(v),
                                label(&v.indicator),
                                group(v.numerator),
                                group(earlier.numerator)
                            )
                        };
                        out.push(finding(sub, v, Severity::Error, message(&there)));
                        conflicts.push((f, i, message(&there)));
                        if !seen.conflict {
                            let d =
                                finding(&subs[seen.file], earlier, Severity::Error, message(&here));
                            conflicts.push((seen.file, seen.value, d.message.clone()));
                            out.push(d);
                            seen.conflict = true;
                        }
                    }
                }
                Entry::Occupied(_) => {}
            }
        }
    }
    drop(first);
    settle(subs, &repeats, &conflicts);
    out
}

/// Drops the repeats from the figures and moves the conflicting rows to the rejected.
fn settle(
    subs: &mut [Submission],
    repeats: &[(usize, usize)],
    conflicts: &[(usize, usize, String)],
) {
    let mut drop: Vec<Vec<bool>> = subs
        .iter()
        .map(|s| vec![false; s.indicators.len()])
        .collect();
    for &(f, i) in repeats {
        drop[f][i] = true;
    }
    for (f, i, reason) in conflicts {
        let sub = &mut subs[*f];
        let v = &sub.indicators[*i];
        sub.rejected.push(RejectedRow {
            file: sub.summary.file.clone(),
            sheet: sub
                .indicator_layout
                .as_ref()
                .map_or_else(String::new, |l| l.sheet.clone()),
            row: v.row,
            reasons: vec![reason.clone()],
        });
        sub.summary.accepted -= 1;
        sub.summary.rejected += 1;
        drop[*f][*i] = true;
    }
    for (sub, drop) in subs.iter_mut().zip(drop) {
        if drop.iter().any(|d| *d) {
            let mut k = 0;
            sub.indicators.retain(|_| {
                k += 1;
                !drop[k - 1]
            });
        }
    }
}

fn unit_and_period(v: &IndicatorValue) -> String {
    format!(
        "enheten {} för {}",
        v.unit.as_deref().unwrap_or(""),
        v.period.swedish()
    )
}

/// `fil.xlsx (Indikatorer!C7)`: where a value stands, for a message.
fn cell(sub: &Submission, v: &IndicatorValue) -> String {
    match &sub.indicator_layout {
        Some(l) => format!(
            "{} ({}!{})",
            sub.summary.file,
            l.sheet,
            CellRef::new(v.row.saturating_sub(1), l.unit)
        ),
        None => sub.summary.file.clone(),
    }
}

fn finding(
    sub: &Submission,
    v: &IndicatorValue,
    severity: Severity,
    message: String,
) -> Diagnostic {
    let d = Diagnostic::new(severity, Code::DuplicateUnit, &sub.summary.file, message);
    match &sub.indicator_layout {
        Some(l) => d
            .in_sheet(&l.sheet)
            .at(CellRef::new(v.row.saturating_sub(1), l.unit)),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FileSummary, IndicatorLayout};

    fn submission(file: &str, values: &[(&str, f64)]) -> Submission {
        Submission {
            summary: FileSummary {
                file: file.into(),
                administration: file.into(),
                rows_read: values.len(),
                accepted: values.len(),
                ..FileSummary::default()
            },
            indicator_layout: Some(IndicatorLayout {
                sheet: "Indikatorer".into(),
                unit: 1,
                period: 2,
                numerator: 3,
                denominator: 4,
            }),
            indicators: values
                .iter()
                .zip(2..)
                .map(|((unit, num), row)| IndicatorValue {
                    file: file.into(),
                    administration: file.into(),
                    indicator: "digital_contacts_share".into(),
                    unit: Some((*unit).into()),
                    period: Period::Year(2025),
                    numerator: *num,
                    denominator: Some(100.0),
                    initiative: None,
                    row,
                })
                .collect(),
            ..Submission::default()
        }
    }

    #[test]
    fn equal_figures_are_a_warning_and_counted_once() {
        let mut subs = vec![
            submission("a.xlsx", &[("VC Björkliden", 10.0)]),
            submission("b.xlsx", &[("vc  björkliden", 10.0), ("VC Ek", 3.0)]),
        ];
        let found = duplicate_units(&mut subs, &Config::default_config());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].file, "b.xlsx");
        assert_eq!(found[0].cell, Some(CellRef::new(1, 1)));
        assert!(found[0].message.contains("a.xlsx (Indikatorer!B2)"));
        assert_eq!(subs[0].indicators.len(), 1);
        assert_eq!(subs[1].indicators.len(), 1);
        assert_eq!(subs[1].summary.accepted, 2);
    }

    #[test]
    fn different_figures_are_an_error_on_both_cells_and_both_rows_rejected() {
        let mut subs = vec![
            submission("a.xlsx", &[("VC Björkliden", 10.0)]),
            submission("b.xlsx", &[("VC Björkliden", 12.0)]),
            submission("c.xlsx", &[("VC Björkliden", 10.0)]),
        ];
        let found = duplicate_units(&mut subs, &Config::default_config());
        let errors: Vec<&str> = found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.file.as_str())
            .collect();
        assert_eq!(errors, ["b.xlsx", "a.xlsx", "c.xlsx"]);
        for s in &subs {
            assert!(s.indicators.is_empty(), "{}", s.summary.file);
            assert_eq!((s.summary.accepted, s.summary.rejected), (0, 1));
            assert_eq!(s.rejected[0].row, 2);
        }
    }

    #[test]
    fn five_thousand_copies_give_one_finding_each() {
        let mut subs: Vec<Submission> = (0..5000)
            .map(|k| submission(&format!("f{k:04}.xlsx"), &[("VC", 1.0)]))
            .collect();
        let found = duplicate_units(&mut subs, &Config::default_config());
        assert_eq!(found.len(), 4999);
        assert!(found.iter().all(|d| d.message.len() < 400));
    }
}
