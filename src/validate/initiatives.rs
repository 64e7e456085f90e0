//! The rules of the `Insatser` sheet (SPEC 2.2): one row per initiative, or a hand-made
//! totals row that is left out and checked against the rows above it.

use std::collections::BTreeSet;

use crate::diagnostic::{Code, Severity};
use crate::model::{Initiative, Status, Texts};
use crate::read::Value;
use crate::schema::{Column, TOTALS_WORDS};
use crate::text::collapse;
use crate::value::{Date, Ore};

use super::Vocabulary;
use super::cells::{RowReader, format_plain};

/// The most characters an initiative's name may have.
pub const MAX_NAME_CHARS: usize = 200;

/// What one row of `Insatser` turned out to be.
#[allow(
    clippy::large_enum_variant,
    reason = "one value per row, moved straight into the file's records; a box would be one more allocation per row"
)]
pub enum Outcome {
    /// An initiative (it may still carry errors, which reject it).
    Initiative(Initiative),
    /// A row with errors that could not even be read as an initiative.
    Invalid,
}

/// Running sums of the money columns, to check a totals row against; `None` once a sum
/// has left the range (the run refuses those rows where it admits the money, `crate::admit`).
#[derive(Debug, Clone, Copy)]
pub struct Sums {
    budget: Option<Ore>,
    spent: Option<Ore>,
    agreement: Option<Ore>,
}

impl Default for Sums {
    fn default() -> Self {
        Sums {
            budget: Some(Ore::ZERO),
            spent: Some(Ore::ZERO),
            agreement: Some(Ore::ZERO),
        }
    }
}

impl Sums {
    /// Adds an initiative's money.
    pub fn add(&mut self, i: &Initiative) {
        let add =
            |sum: Option<Ore>, amount: Option<i64>| sum?.checked_add(Ore(amount.unwrap_or(0)));
        self.budget = add(self.budget, i.budget_ore);
        self.spent = add(self.spent, i.spent_ore);
        self.agreement = add(self.agreement, i.agreement_ore);
    }
}

/// Whether the row is a totals row (`Summa`, `Totalt`, `Total` in `Insats`, or in `Id`
/// when `Insats` is blank).
pub fn is_totals(r: &RowReader<'_>) -> bool {
    // One word, any case, white space around and a colon after it (`Summa:`); compared
    // without allocating, since every row is asked.
    let word = |column| {
        matches!(r.raw(column), Some(Value::Text(t))
            if TOTALS_WORDS.iter().any(|w| t.trim().trim_end_matches(':').eq_ignore_ascii_case(w)))
    };
    word(Column::Name) || (!r.is_filled(Column::Name) && word(Column::Id))
}

/// Compares a totals row's money with the sums of the rows above it.
pub fn check_totals(r: &mut RowReader<'_>, above: &Sums) {
    r.report(
        Severity::Notice,
        Code::TotalsRow,
        Column::Name,
        format!(
            "rad {} är en summarad och räknas inte som en insats",
            r.excel_row()
        ),
        None,
    );
    for (column, sum) in [
        (Column::Budget, above.budget),
        (Column::Spent, above.spent),
        (Column::AgreementFunds, above.agreement),
    ] {
        let stated = match r.raw(column) {
            Some(Value::Number(n)) => Ore::from_kronor(*n).ok(),
            Some(Value::Text(t)) => crate::value::parse_money(t).ok(),
            _ => None,
        };
        let (Some(stated), Some(sum)) = (stated, sum) else {
            continue;
        };
        if stated != sum {
            let diff = (stated.0 as f64 - sum.0 as f64) / 100.0;
            r.report(
                Severity::Warning,
                Code::TotalsMismatch,
                column,
                format!(
                    "summaraden anger {} kr men raderna ovanför summerar till {} kr (skillnad {} kr)",
                    format_plain(stated.kronor()),
                    format_plain(sum.kronor()),
                    format_plain(diff)
                ),
                None,
            );
        }
    }
}

/// Reads one initiative row; every problem is recorded on `r`.
pub fn read_row(
    r: &mut RowReader<'_>,
    vocab: &Vocabulary,
    shared: &super::Shared,
    stem: &str,
) -> Outcome {
    let name = r.text(Column::Name);
    check_name(r, name.as_deref());
    let area = required(r, Column::Area, "insatsområde", |r| {
        r.choice(
            Column::Area,
            &vocab.areas,
            "ett av insatsområdena (se Anvisningar)",
        )
    });
    let status = required(r, Column::Status, "status", |r| {
        r.choice(
            Column::Status,
            &vocab.statuses,
            "Planerad, Pågående, Genomförd eller Avbruten",
        )
    });
    let shift = shift(r, vocab);
    let start = r.date(Column::Start);
    let end = r.date(Column::End);
    let budget_ore = r.money(Column::Budget);
    let spent_ore = r.money(Column::Spent);
    let agreement_ore = r.money(Column::AgreementFunds);
    let municipal_cooperation = r.yes_no(Column::MunicipalCooperation);
    check_dates(r, start, end);
    if spent_ore.is_none()
        && !r.is_filled(Column::Spent)
        && status.is_some_and(|s| s != Status::Planned)
    {
        r.missing(
            Column::Spent,
            "använda medel i kronor (krävs utom för planerade insatser)",
        );
    }
    check_agreement_funds(r, agreement_ore, spent_ore);
    let (Some(name), Some(area), Some(status)) = (name, area, status) else {
        return Outcome::Invalid;
    };
    let id = r
        .text(Column::Id)
        .unwrap_or_else(|| format!("{stem}-{}", r.excel_row()).into());
    let result = r.text(Column::Result);
    if status == Status::Completed && result.is_none() {
        missing_result(r);
    }
    let texts = Texts::new(
        &id,
        &name,
        r.text(Column::TargetGroup).as_deref(),
        r.text(Column::Description).as_deref(),
        result.as_deref(),
        r.text(Column::Contact).as_deref(),
    );
    Outcome::Initiative(Initiative {
        file: shared.file.clone(),
        administration: shared.administration.clone(),
        texts,
        area: vocab.area_codes[area].clone(),
        area_label: vocab.area_labels[area].clone(),
        shift,
        status,
        start,
        end,
        budget_ore,
        spent_ore,
        agreement_ore,
        municipal_cooperation,
        row: r.excel_row(),
    })
}

/// `missing-result`: a completed initiative says what it achieved (SPEC 3.4); without a
/// result the report reads `Resultat ej redovisat`. A notice at the `Resultat` cell (at
/// `Status` when the sheet has no such column).
fn missing_result(r: &mut RowReader<'_>) {
    let has_column = r.has_column(Column::Result);
    let (column, message) = if has_column {
        (
            Column::Result,
            "insatsen är genomförd men kolumnen Resultat är tom; väntade vad insatsen har åstadkommit. Rapporten skriver \"Resultat ej redovisat\"",
        )
    } else {
        (
            Column::Status,
            "insatsen är genomförd men bladet har ingen kolumn Resultat; väntade vad insatsen har åstadkommit. Rapporten skriver \"Resultat ej redovisat\"",
        )
    };
    r.report(
        Severity::Notice,
        Code::MissingResult,
        column,
        message.to_string(),
        None,
    );
}

/// An initiative needs a name, and not an endless one.
fn check_name(r: &mut RowReader<'_>, name: Option<&str>) {
    match name {
        None if !r.is_filled(Column::Name) => r.missing(Column::Name, "insatsens namn"),
        Some(n) if n.chars().count() > MAX_NAME_CHARS => r.error(
            Code::ConstraintError,
            Column::Name,
            format!(
                "namnet har {} tecken; högst {MAX_NAME_CHARS} tecken är tillåtna",
                n.chars().count()
            ),
        ),
        _ => {}
    }
}

/// An initiative cannot end before it starts.
fn check_dates(r: &mut RowReader<'_>, start: Option<Date>, end: Option<Date>) {
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        r.error(
            Code::ConstraintError,
            Column::End,
            format!("slutdatum {e} ligger före startdatum {s}; väntade ett slutdatum från {s}"),
        );
    }
}

/// Agreement funds are part of the funds used (SPEC 2.2): never more than `Använda
/// medel`, where a blank counts as 0. A breach is an error on both cells, since either
/// may be the wrong one. A `Använda medel` cell that could not be read has its own error.
fn check_agreement_funds(r: &mut RowReader<'_>, agreement: Option<i64>, spent: Option<i64>) {
    let spent = match spent {
        Some(s) => s,
        None if !r.is_filled(Column::Spent) => 0,
        None => return,
    };
    let Some(agreement) = agreement.filter(|a| *a > spent) else {
        return;
    };
    let (a, s) = (kr(agreement), kr(spent));
    let (a_cell, s_cell) = (
        r.cell_ref(Column::AgreementFunds),
        r.cell_ref(Column::Spent),
    );
    let message = if spent == 0 && !r.is_filled(Column::Spent) {
        format!(
            "varav överenskommelsemedel är {a} kr men använda medel ({s_cell}) är tomt; överenskommelsemedel är en del av använda medel: fyll i använda medel eller töm {a_cell}"
        )
    } else {
        format!(
            "varav överenskommelsemedel {a} kr är mer än använda medel {s} kr; väntade högst {s} kr"
        )
    };
    r.error(Code::ConstraintError, Column::AgreementFunds, message);
    r.error(
        Code::ConstraintError,
        Column::Spent,
        format!(
            "använda medel ({}) är mindre än varav överenskommelsemedel {a} kr i {a_cell}; väntade minst {a} kr",
            if r.is_filled(Column::Spent) { format!("{s} kr") } else { "tomt".to_string() }
        ),
    );
}

/// Öre as kronor for a message, without needless decimals.
fn kr(ore: i64) -> String {
    format_plain(ore as f64 / 100.0)
}

/// Reads a required enumerated value, reporting it when blank.
fn required<T>(
    r: &mut RowReader<'_>,
    column: Column,
    what: &str,
    read: impl FnOnce(&mut RowReader<'_>) -> Option<T>,
) -> Option<T> {
    if !r.is_filled(column) {
        r.missing(column, what);
        return None;
    }
    read(r)
}

/// A shift: 1–4, `2.`, `Förflyttning 3`, or the shift's label.
fn shift(r: &mut RowReader<'_>, vocab: &Vocabulary) -> Option<u8> {
    match r.value(Column::Shift)? {
        Value::Number(n) if n.fract() == 0.0 && (1.0..=4.0).contains(n) => Some(*n as u8),
        Value::Text(t) => {
            let lead: String = collapse(t)
                .trim_start_matches("förflyttning")
                .trim()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            match lead.parse::<u8>() {
                Ok(n @ 1..=4) => Some(n),
                _ => r.choice(
                    Column::Shift,
                    &vocab.shifts,
                    "1–4 eller namnet på en av de fyra förflyttningarna",
                ),
            }
        }
        _ => r.choice(
            Column::Shift,
            &vocab.shifts,
            "1–4 eller namnet på en av de fyra förflyttningarna",
        ),
    }
}

/// Reports ids used twice in one workbook; returns the ids of the rejected duplicates.
pub fn check_duplicate_id(r: &mut RowReader<'_>, id: &str, seen: &mut BTreeSet<String>) {
    if !seen.insert(id.to_string()) {
        r.error(
            Code::DuplicateId,
            Column::Id,
            format!("id \"{id}\" används redan av en annan insats i filen; väntade ett unikt id"),
        );
    }
}
