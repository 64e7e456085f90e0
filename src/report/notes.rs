//! The notes (`Anm.`) the report states in Swedish, shared by every output: on units left
//! out of table 6's year values, on table 5's funds, and on suppression. Pure text from
//! figures already computed.

use super::Totals;
use crate::config::Config;
use crate::consolidate::{StaleUnit, UnitFigure};

/// The notes under table 6 on units left out of the year values or counted at an early
/// period, one Swedish sentence per indicator and kind, each naming at most
/// `limits.max_listed_units` units and then how many more (every one of them has its
/// `incomplete-period` warning in the list of findings).
pub(super) fn unit_notes(
    partial: &[UnitFigure],
    stale: &[StaleUnit],
    config: &Config,
) -> Vec<String> {
    let label = |code: &str| {
        config
            .indicator(code)
            .map_or(code.to_string(), |i| i.label.clone())
    };
    let name = |admin: &str, unit: Option<&str>| match unit {
        Some(u) => format!("{u} inom {admin}"),
        None => format!("{admin} (rader utan enhet)"),
    };
    let max = config.limits.max_listed_units;
    let findings = format!("avvikelser-{}.csv", config.year);
    let mut notes = Vec::new();
    for ind in &config.indicators {
        let left_out: Vec<&UnitFigure> =
            partial.iter().filter(|u| u.indicator == ind.code).collect();
        if !left_out.is_empty() {
            let named: Vec<String> = left_out
                .iter()
                .take(max)
                .map(|u| {
                    format!(
                        "{} saknar {}",
                        name(&u.administration, u.unit.as_deref()),
                        crate::consolidate::units::period_list(&u.missing)
                    )
                })
                .collect();
            notes.push(format!(
                "{}: {}{}. Dessa enheter ingår inte i förvaltningens eller regionens årsvärde, eftersom täljaren eller nämnaren är en summa över året som då skulle bli för låg; deras värden för de redovisade perioderna visas på egna rader.",
                label(&ind.code),
                named.join("; "),
                more(left_out.len(), max, &findings),
            ));
        }
        let early: Vec<&StaleUnit> = stale.iter().filter(|u| u.indicator == ind.code).collect();
        if !early.is_empty() {
            let named: Vec<String> = early
                .iter()
                .take(max)
                .map(|u| {
                    format!(
                        "{} (senast {})",
                        name(&u.administration, u.unit.as_deref()),
                        u.latest.swedish()
                    )
                })
                .collect();
            notes.push(format!(
                "{}: årsvärdet bygger på senast redovisade period, som för {}{} ligger före årets sista kvartal.",
                label(&ind.code),
                named.join(", "),
                more(early.len(), max, &findings),
            ));
        }
    }
    notes
}

/// `; och ytterligare 48 873 enheter (alla står i avvikelser-2025.csv)` when `all` is
/// more than the `named`; nothing otherwise.
pub(super) fn more(all: usize, named: usize, findings: &str) -> String {
    if all <= named {
        return String::new();
    }
    format!(
        " och ytterligare {} (alla står i {findings})",
        crate::text::count_word((all - named) as u64, "enhet", "enheter")
    )
}

/// Table 5's notes.
pub(super) fn funds_notes(t: &Totals) -> Vec<String> {
    let mut notes = vec![
        "Utnyttjandegraden är använda överenskommelsemedel delat med tilldelade medel.".to_string(),
    ];
    if t.over_allocation {
        notes.push(format!(
            "Förvaltningarna redovisar {} kr mer i använda överenskommelsemedel än regionen har tilldelats; utnyttjandegraden är därför över 100 % och Återstår är negativ. Uppgifterna bör stämmas av med förvaltningarna innan redovisningen skickas.",
            crate::text::num((t.agreement_funds_kr - t.allocation_kr).kronor(), 0)
        ));
    }
    notes
}

/// The note on `x` under every table that has one, the same in every output.
pub(super) fn suppression_note(threshold: f64) -> String {
    format!(
        "x: uppgiften är skyddad av sekretesskäl. Värden vars täljare är större än 0 men mindre än {} döljs, och likaså uppgifter ur vilka ett dolt värde skulle kunna räknas fram (till exempel en förvaltning när regionens värde och övriga förvaltningars visas).",
        crate::text::num(threshold, 0)
    )
}
