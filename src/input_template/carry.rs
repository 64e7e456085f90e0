//! Next year's workbooks prefilled: the initiatives an administration had *Planerad* or
//! *Pågående* at the end of last year, with what stays (id, name, description, area,
//! shift, start date, budget, target group, cooperation, contact) filled in and this
//! year's cells (status, end date, funds used, result) left empty and marked to fill.

use super::Cell;
use crate::model::{Initiative, Status};
use crate::schema::{Column, INITIATIVE_COLUMNS};

/// Whether `initiative` goes on into the new year: planned or ongoing at the end of last
/// year.
pub(crate) fn goes_on(initiative: &Initiative) -> bool {
    matches!(initiative.status, Status::Planned | Status::Ongoing)
}

/// The `Insatser` rows of `initiatives`, in the template's column order.
pub(crate) fn rows<'a>(initiatives: impl IntoIterator<Item = &'a Initiative>) -> Vec<Vec<Cell>> {
    initiatives.into_iter().map(row).collect()
}

fn row(i: &Initiative) -> Vec<Cell> {
    let text = |t: Option<&str>| match t.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => Cell::Text(t.to_string()),
        None => Cell::Empty,
    };
    INITIATIVE_COLUMNS
        .iter()
        .map(|spec| match spec.column {
            Column::Id => text(Some(i.id())),
            Column::Name => text(Some(i.name())),
            Column::Description => text(i.description()),
            Column::Area => text(Some(&i.area_label)),
            Column::Shift => i.shift.map_or(Cell::Empty, |s| Cell::Number(f64::from(s))),
            Column::Start => i.start.map_or(Cell::Empty, Cell::Date),
            Column::Budget => i.budget_kr().map_or(Cell::Empty, Cell::Number),
            Column::MunicipalCooperation => text(
                i.municipal_cooperation
                    .map(|b| if b { "Ja" } else { "Nej" }),
            ),
            Column::TargetGroup => text(i.target_group()),
            Column::Contact => text(i.contact()),
            Column::Status
            | Column::End
            | Column::Spent
            | Column::AgreementFunds
            | Column::Result => Cell::ToFill,
            _ => Cell::Empty,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_planned_and_ongoing_initiatives_go_on_with_this_years_cells_to_fill() {
        let initiative = |id: &str, status: &str| {
            let mut i = serde_json::json!({
                "administration": "A", "id": id, "name": "Plan", "area": "ovr",
                "area_label": "Övrigt", "shift": null, "status": status, "start": null,
                "end": null, "budget_kr": null, "spent_kr": null, "agreement_funds_kr": null,
                "municipal_cooperation": null, "target_group": null, "description": null,
                "result": null, "contact": null, "file": "a.xlsx", "row": 2
            });
            if id == "A-1" {
                for (k, v) in [
                    ("name", serde_json::json!("Mobila team")),
                    ("shift", 2.into()),
                    ("start", "2024-02-01".into()),
                    ("budget_kr", 1000.5.into()),
                    ("spent_kr", 10.0.into()),
                    ("result", "bra".into()),
                    ("target_group", "Äldre".into()),
                    ("contact", "Eva".into()),
                ] {
                    i[k] = v;
                }
            }
            serde_json::from_value::<Initiative>(i).unwrap()
        };
        let published = [
            initiative("A-1", "Pågående"),
            initiative("A-2", "Genomförd"),
            initiative("A-3", "Planerad"),
            initiative("A-4", "Avbruten"),
        ];
        let carried: Vec<&Initiative> = published.iter().filter(|i| goes_on(i)).collect();
        let ids: Vec<&str> = carried.iter().map(|c| c.id()).collect();
        assert_eq!(ids, ["A-1", "A-3"]);
        let rows = rows(carried);
        let cell = |r: usize, c: Column| {
            let at = INITIATIVE_COLUMNS
                .iter()
                .position(|s| s.column == c)
                .unwrap();
            rows[r][at].clone()
        };
        assert_eq!(cell(0, Column::Name), Cell::Text("Mobila team".into()));
        assert_eq!(cell(0, Column::Shift), Cell::Number(2.0));
        assert_eq!(cell(0, Column::Budget), Cell::Number(1000.5));
        assert_eq!(
            cell(0, Column::Start),
            Cell::Date(crate::value::parse_date("2024-02-01").unwrap())
        );
        // Last year's figures are not carried: this year's are to be filled in.
        for c in [Column::Status, Column::End, Column::Spent, Column::Result] {
            assert_eq!(cell(0, c), Cell::ToFill, "{c:?}");
        }
        assert_eq!(cell(1, Column::Description), Cell::Empty);
    }
}
