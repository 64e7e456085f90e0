//! Next year's workbooks prefilled: the initiatives an administration had *Planerad* or
//! *Pågående* at the end of last year, with what stays (id, name, description, area,
//! shift, start date, budget, target group, cooperation, contact) filled in and this
//! year's cells (status, end date, funds used, result) left empty and marked to fill.

use serde::Deserialize;

use super::Cell;
use crate::schema::{Column, INITIATIVE_COLUMNS};

/// An initiative as last year's report published it (`redovisning-Y.json`'s
/// `initiatives`, the same form `Initiative` serialises to).
#[derive(Debug, Clone, Deserialize)]
pub struct Carried {
    /// The administration.
    pub administration: String,
    /// Id.
    #[serde(default)]
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// The area's label, as the workbook's dropdown lists it.
    #[serde(default)]
    pub area_label: String,
    /// Shift 1–4.
    #[serde(default)]
    pub shift: Option<u8>,
    /// Last year's status (`Planerad`, `Pågående`, ...).
    #[serde(default)]
    pub status: String,
    /// Start date, ISO.
    #[serde(default)]
    pub start: Option<String>,
    /// Budget in kronor.
    #[serde(default)]
    pub budget_kr: Option<f64>,
    /// Cooperation with a municipality.
    #[serde(default)]
    pub municipal_cooperation: Option<bool>,
    /// Target group.
    #[serde(default)]
    pub target_group: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Contact person.
    #[serde(default)]
    pub contact: Option<String>,
}

impl Carried {
    /// Whether it goes on into the new year: planned or ongoing at the end of last year.
    pub fn goes_on(&self) -> bool {
        matches!(self.status.as_str(), "Planerad" | "Pågående")
    }
}

/// The initiatives of `published` (initiatives in their published JSON form) that go on
/// into the new year, in their order. Entries that are not initiatives are skipped.
pub fn going_on(published: impl IntoIterator<Item = serde_json::Value>) -> Vec<Carried> {
    published
        .into_iter()
        .filter_map(|v| serde_json::from_value::<Carried>(v).ok())
        .filter(Carried::goes_on)
        .collect()
}

/// The `Insatser` rows of `initiatives`, in the template's column order.
pub fn rows<'a>(initiatives: impl IntoIterator<Item = &'a Carried>) -> Vec<Vec<Cell>> {
    initiatives.into_iter().map(row).collect()
}

fn row(i: &Carried) -> Vec<Cell> {
    let text = |t: Option<&str>| match t.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => Cell::Text(t.to_string()),
        None => Cell::Empty,
    };
    INITIATIVE_COLUMNS
        .iter()
        .map(|spec| match spec.column {
            Column::Id => text(Some(&i.id)),
            Column::Name => text(Some(&i.name)),
            Column::Description => text(i.description.as_deref()),
            Column::Area => text(Some(&i.area_label)),
            Column::Shift => i.shift.map_or(Cell::Empty, |s| Cell::Number(f64::from(s))),
            Column::Start => i
                .start
                .as_deref()
                .and_then(crate::value::parse_date)
                .map_or(Cell::Empty, Cell::Date),
            Column::Budget => i.budget_kr.map_or(Cell::Empty, Cell::Number),
            Column::MunicipalCooperation => text(
                i.municipal_cooperation
                    .map(|b| if b { "Ja" } else { "Nej" }),
            ),
            Column::TargetGroup => text(i.target_group.as_deref()),
            Column::Contact => text(i.contact.as_deref()),
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
        let published = serde_json::json!([
            {"administration": "A", "id": "A-1", "name": "Mobila team", "area_label": "Övrigt",
             "shift": 2, "status": "Pågående", "start": "2024-02-01", "budget_kr": 1000.5,
             "spent_kr": 10.0, "result": "bra", "target_group": "Äldre", "contact": "Eva"},
            {"administration": "A", "id": "A-2", "name": "Klar", "status": "Genomförd"},
            {"administration": "A", "id": "A-3", "name": "Plan", "status": "Planerad"},
            {"administration": "A", "id": "A-4", "name": "Stoppad", "status": "Avbruten"},
            "not an initiative"
        ]);
        let carried = going_on(published.as_array().unwrap().clone());
        let ids: Vec<&str> = carried.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["A-1", "A-3"]);
        let rows = rows(&carried);
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
