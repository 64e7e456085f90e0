//! Tests of the chapters: the order of what is listed, the bound, and the lead.

use super::*;
use crate::model::Texts as InitiativeTexts;

fn initiative(admin: &str, row: u32, status: Status, spent: Option<i64>) -> Initiative {
    Initiative {
        file: format!("{admin}.xlsx").into(),
        administration: admin.into(),
        texts: InitiativeTexts::new(
            &format!("{admin}-{row}"),
            &format!("Insats {row}"),
            None,
            None,
            None,
            None,
        ),
        area: "digital".into(),
        area_label: "Digital".into(),
        shift: Some(2),
        status,
        start: None,
        end: None,
        budget_ore: None,
        spent_ore: spent,
        agreement_ore: spent.map(|s| s / 2),
        municipal_cooperation: Some(row.is_multiple_of(2)),
        row,
    }
}

fn area_row(initiatives: u64, spent: i64) -> AreaRow {
    AreaRow {
        area: "digital".into(),
        label: "Digital".into(),
        initiatives,
        budget_kr: Ore::ZERO,
        spent_kr: Ore(spent),
        agreement_funds_kr: Ore(spent / 2),
        share_pct: Some(50.0),
    }
}

fn totals(spent: i64) -> Totals {
    Totals {
        initiatives: 0,
        budget_kr: Ore::ZERO,
        spent_kr: Ore(spent),
        agreement_funds_kr: Ore(spent / 2),
        allocation_kr: Ore::ZERO,
        population: 0,
        remaining_kr: Ore::ZERO,
        over_allocation: false,
        utilisation_pct: None,
        allocation_per_inhabitant_kr: None,
        agreement_funds_per_inhabitant_kr: None,
        spent_per_inhabitant_kr: None,
    }
}

fn tell_with(list: Vec<Initiative>, max: usize) -> Told {
    let mut config = Config::default_config();
    config.limits.max_listed_initiatives = max;
    let spent: i64 = list.iter().filter_map(|i| i.spent_ore).sum();
    let n = list.len() as u64;
    tell(
        &Chunks::from(list),
        &[area_row(n, spent)],
        &totals(spent * 2),
        &[],
        &Texts::default(),
        &config,
    )
}

#[test]
fn completed_first_then_ongoing_planned_cancelled_each_by_money() {
    let told = tell_with(
        vec![
            initiative("A", 1, Status::Ongoing, Some(100)),
            initiative("A", 2, Status::Completed, Some(10)),
            initiative("B", 3, Status::Planned, None),
            initiative("B", 4, Status::Ongoing, Some(500)),
            initiative("A", 5, Status::Cancelled, Some(700)),
            initiative("B", 6, Status::Completed, Some(20)),
        ],
        50,
    );
    let order: Vec<u32> = told.chapters[0]
        .listed
        .iter()
        .map(|i| i.initiative.row)
        .collect();
    assert_eq!(order, [6, 2, 4, 1, 3, 5]);
    assert_eq!(told.chapters[0].more, 0);
}

#[test]
fn at_most_the_configured_number_are_listed_the_ones_with_most_money() {
    let told = tell_with(
        (1..=10)
            .map(|k| initiative("A", k, Status::Ongoing, Some(i64::from(k) * 100)))
            .collect(),
        3,
    );
    let c = &told.chapters[0];
    let rows: Vec<u32> = c.listed.iter().map(|i| i.initiative.row).collect();
    assert_eq!(rows, [10, 9, 8]);
    assert_eq!(c.more, 7);
    assert_eq!(told.shifts[1].listed.len(), 3);
    assert_eq!(told.shifts[1].more, 7);
    assert_eq!(told.shifts[1].initiatives, 10);
}

#[test]
fn the_lead_says_the_figures_in_swedish() {
    let told = tell_with(
        vec![
            initiative("Psykiatrin", 1, Status::Ongoing, Some(15_000_000)),
            initiative("Närsjukvården", 2, Status::Completed, Some(5_000_000)),
            initiative("Närsjukvården", 3, Status::Completed, Some(0)),
        ],
        50,
    );
    let lead = &told.chapters[0].lead;
    assert_eq!(
        lead,
        "Inom området redovisas 3\u{a0}insatser, varav 2 genomförda och 1 pågående. Använda medel är 200\u{a0}000 kr (50,0\u{a0}% av regionens), varav 100\u{a0}000 kr överenskommelsemedel (50,0\u{a0}% av regionens). Insatserna drivs av 2\u{a0}förvaltningar: Närsjukvården och Psykiatrin. 1 av dem sker i samverkan med kommunerna."
    );
    assert_eq!(told.cooperation.initiatives, 1);
    assert_eq!(
        told.cooperation.by_administration[0].administration,
        "Närsjukvården"
    );
}
