//! Initiatives across years: which continue (same administration, id and, give or take a
//! spelling fix, name), which are new, which ended, and which were planned or ongoing last
//! year and are not reported this year; and the `changed-initiative` finding for an id
//! that now names another initiative.

use std::collections::{BTreeMap, BTreeSet};

use super::{Continuity, InitiativeKey};
use crate::consolidate::swedish_key;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::Initiative;
use crate::model::Status;
use crate::report::Report;
use crate::rows::Rows;

/// Whether two names of one id are the same initiative: equal once case and spacing are
/// set aside, or a small edit apart (a spelling fix, a word's ending: one character in
/// every five of the longer name, and at least one). Anything more is another initiative
/// under an old id, `changed-initiative`, and not counted as continuing.
pub fn same_initiative(last_year: &str, this_year: &str) -> bool {
    let (a, b) = (
        crate::text::collapse(last_year),
        crate::text::collapse(this_year),
    );
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let longer = a.len().max(b.len());
    edit_distance(&a, &b) <= (longer / 5).max(1)
}

/// Levenshtein distance: insertions, deletions and substitutions.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// `changed-initiative` for every initiative of this year whose administration and id
/// were last year's but whose name is another initiative's (see [`same_initiative`]).
pub fn changed_initiatives<'a>(
    initiatives: impl IntoIterator<Item = &'a Initiative>,
    previous: &Report,
) -> Vec<Diagnostic> {
    let last_year: BTreeMap<(&str, &str), &str> = previous
        .initiatives
        .iter()
        .filter(|i| !i.id().trim().is_empty())
        .map(|i| ((&*i.administration, i.id()), i.name()))
        .collect();
    initiatives
        .into_iter()
        .filter_map(|i| {
            let old = last_year.get(&(&*i.administration, i.id()))?;
            if same_initiative(old, i.name()) {
                return None;
            }
            let message = format!(
                "insatsen med id {} på rad {} heter \"{}\" i år men hette \"{}\" {}; den räknas som ny i år, inte som en fortsättning",
                i.id(),
                i.row,
                i.name(),
                old,
                previous.year
            );
            Some(
                Diagnostic::new(Severity::Warning, Code::ChangedInitiative, &i.file, message)
                    .in_sheet("Insatser")
                    .with_hint(Some(
                        "är det samma insats, skriv fjolårets namn; är det en ny, ge den ett nytt id"
                            .to_string(),
                    )),
            )
        })
        .collect()
}

/// Continuing, new, ended and missing initiatives: per administration counted, and listed.
pub(super) struct Continuation {
    pub(super) per_administration: Vec<Continuity>,
    pub(super) continuing: Vec<InitiativeKey>,
    pub(super) new: Vec<InitiativeKey>,
    pub(super) ended: Vec<InitiativeKey>,
    pub(super) missing: Vec<InitiativeKey>,
}

/// Which initiatives continue (same administration and id both years), are new or ended.
pub(super) fn continuity(initiatives: &Rows<Initiative>, previous: &Report) -> Continuation {
    let key = |a: &str, id: &str, name: &str| InitiativeKey {
        administration: a.to_string(),
        id: id.to_string(),
        name: name.to_string(),
    };
    // Last year's name per (administration, id); an id whose name changed beyond a small
    // edit is another initiative: new this year, and last year's ended.
    let last_ids: BTreeMap<(&str, &str), &str> = previous
        .initiatives
        .iter()
        .map(|i| ((&*i.administration, i.id()), i.name()))
        .collect();
    let (mut continuing, mut new) = (Vec::new(), Vec::new());
    let mut carried_on: BTreeSet<(&str, &str)> = BTreeSet::new();
    for i in initiatives.iter() {
        let k = key(&i.administration, i.id(), i.name());
        match last_ids.get_key_value(&(&*i.administration, i.id())) {
            Some((id, old)) if same_initiative(old, i.name()) => {
                carried_on.insert(*id);
                continuing.push(k);
            }
            _ => new.push(k),
        }
    }
    let (mut ended, mut missing) = (Vec::new(), Vec::new());
    for i in previous
        .initiatives
        .iter()
        .filter(|i| !carried_on.contains(&(&*i.administration, i.id())))
    {
        let k = key(&i.administration, i.id(), i.name());
        match i.status {
            Status::Planned | Status::Ongoing => missing.push(k),
            Status::Completed | Status::Cancelled => ended.push(k),
        }
    }
    let mut admins: BTreeSet<&str> = BTreeSet::new();
    admins.extend(
        continuing
            .iter()
            .chain(&new)
            .chain(&ended)
            .chain(&missing)
            .map(|k| k.administration.as_str()),
    );
    let count =
        |list: &[InitiativeKey], a: &str| list.iter().filter(|k| k.administration == a).count();
    let mut per_administration: Vec<Continuity> = admins
        .iter()
        .map(|a| Continuity {
            administration: a.to_string(),
            continuing: count(&continuing, a),
            new: count(&new, a),
            ended: count(&ended, a),
            missing: count(&missing, a),
        })
        .collect();
    per_administration.sort_by_key(|c| swedish_key(&c.administration));
    Continuation {
        per_administration,
        continuing,
        new,
        ended,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spelling_fix_is_the_same_initiative_and_a_new_name_is_not() {
        assert!(same_initiative("Mobila läkarbesök", "mobila  läkarbesök"));
        assert!(same_initiative(
            "Mobila läkarbesök på SÄBO",
            "Mobila läkarbesök på SÄBO:n"
        ));
        assert!(same_initiative("Digitala vårdmöten", "Digitala vårmöten"));
        assert!(same_initiative(
            "Utbildning i motiverande samtal för distriktssköterskor",
            "Utbildning i motiverande samtal för distriktsköterskorna"
        ));
        assert!(!same_initiative(
            "Mobila läkarbesök",
            "Brukarråd i psykiatrin"
        ));
        assert!(!same_initiative("Ett", "Två"));
        assert!(!same_initiative(
            "Hemsjukvård Norr",
            "Hemsjukvård Syd och Väst"
        ));
        assert_eq!(edit_distance(&['a', 'b', 'c'], &['a', 'c']), 1);
        assert_eq!(edit_distance(&[], &['x', 'y']), 2);
    }
}
