//! Admitting money into the run (SPEC 2.4): every amount is at most `Ore::MAX_CELL`, but
//! enough of them could still take a run-wide sum past the `i64` öre the program counts
//! in. The initiatives are walked in the report's file and row order with a checked sum
//! per money column; a row whose amount would take a sum past the range is refused, with
//! a `limit-exceeded` error at its cell, and the rows after it are still admitted when
//! they fit. What is admitted sums without overflow in any grouping (every group is a
//! part of a total of non-negative amounts), so later sums need no checks of their own.
//!
//! Pure: works on the compact money of each file ([`MoneyRows`]), which `check` keeps
//! after it has dropped the initiatives themselves.

use std::collections::BTreeSet;

use crate::diagnostic::{CellRef, Code, Diagnostic, Severity};
use crate::model::{Initiative, InitiativeLayout};
use crate::value::Ore;

/// The money columns, in the order of [`MoneyRow::amounts`].
const COLUMNS: [&str; 3] = ["Budget", "Använda medel", "Varav överenskommelsemedel"];

/// One initiative's money: its Excel row and its budget, spent and agreement funds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyRow {
    /// The Excel row (1-based) in `Insatser`.
    pub row: u32,
    /// Budget, spent and agreement funds in öre.
    pub amounts: [Option<i64>; 3],
}

/// A file's initiatives' money, in row order.
pub type MoneyRows = Vec<MoneyRow>;

/// The money of `initiatives`.
pub fn money_rows(initiatives: &[Initiative]) -> MoneyRows {
    initiatives
        .iter()
        .map(|i| MoneyRow {
            row: i.row,
            amounts: [i.budget_ore, i.spent_ore, i.agreement_ore],
        })
        .collect()
}

/// One file as the admission sees it.
pub struct File<'a> {
    /// The file's name.
    pub name: &'a str,
    /// Where its money columns stand.
    pub layout: Option<&'a InitiativeLayout>,
    /// Its initiatives' money.
    pub money: &'a [MoneyRow],
}

/// What was admitted: the run's sums, and per file the rows refused.
#[derive(Debug, Default)]
pub struct Admitted {
    /// Budget, spent and agreement funds summed over the admitted rows.
    pub totals: [Ore; 3],
    /// Per file (in the order given), the Excel rows refused.
    pub refused: Vec<BTreeSet<u32>>,
    /// One `limit-exceeded` error per refused amount.
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `files` in order and admits every row whose amounts keep each column's sum in
/// range.
pub fn admit<'a>(files: impl IntoIterator<Item = File<'a>>) -> Admitted {
    let mut out = Admitted::default();
    for file in files {
        let mut refused = BTreeSet::new();
        for m in file.money {
            let mut next = out.totals;
            let mut over = Vec::new();
            for (k, amount) in m.amounts.iter().enumerate() {
                match next[k].checked_add(Ore(amount.unwrap_or(0))) {
                    Some(sum) => next[k] = sum,
                    None => over.push(k),
                }
            }
            if over.is_empty() {
                out.totals = next;
                continue;
            }
            refused.insert(m.row);
            for k in over {
                out.diagnostics
                    .push(too_much(&file, m.row, k, out.totals[k]));
            }
        }
        out.refused.push(refused);
    }
    out
}

fn too_much(file: &File<'_>, row: u32, k: usize, sum: Ore) -> Diagnostic {
    let mut d = Diagnostic::new(
        Severity::Error,
        Code::LimitExceeded,
        file.name,
        format!(
            "beloppet i kolumnen {} skulle ta summan över alla insatser förbi {} kr, det största belopp redovisa räknar med exakt (summan hittills är {} kr); väntade belopp som tillsammans ryms. Raden räknas inte",
            COLUMNS[k],
            crate::text::group(Ore(i64::MAX).kronor()),
            crate::text::group(sum.kronor()),
        ),
    );
    if let Some(layout) = file.layout {
        d = d
            .in_sheet(&layout.sheet)
            .at(CellRef::new(row.saturating_sub(1), layout.money[k]));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(amounts: &[i64]) -> MoneyRows {
        amounts
            .iter()
            .zip(5u32..)
            .map(|(a, row)| MoneyRow {
                row,
                amounts: [None, Some(*a), Some(0)],
            })
            .collect()
    }

    #[test]
    fn a_row_past_the_range_is_refused_and_later_ones_that_fit_are_kept() {
        let first = rows(&[i64::MAX - 10, 5]);
        let second = rows(&[6, 5, 0]);
        let layout = InitiativeLayout {
            sheet: "Insatser".into(),
            money: [7, 8, 9],
        };
        let files = [("a.xlsx", &first), ("b.xlsx", &second)].map(|(name, money)| File {
            name,
            layout: Some(&layout),
            money,
        });
        let admitted = admit(files);
        assert_eq!(admitted.totals[1], Ore(i64::MAX));
        assert!(admitted.refused[0].is_empty());
        // 6 does not fit after the first file's MAX − 5; the 5 after it does, exactly.
        assert_eq!(admitted.refused[1], BTreeSet::from([5]));
        let cells: Vec<String> = admitted
            .diagnostics
            .iter()
            .map(|d| format!("{}!{}", d.file, d.cell.unwrap()))
            .collect();
        assert_eq!(cells, ["b.xlsx!I5"]);
        assert!(
            admitted
                .diagnostics
                .iter()
                .all(|d| d.code == Code::LimitExceeded)
        );
    }
}
