//! What the report tells (SPEC 3.4): one chapter per area with a lead written from the
//! figures, the region's text and the initiatives with what they did and achieved; the
//! initiatives per SKR shift; the initiatives in cooperation with municipalities.
//!
//! Pure: from the sorted initiatives, the figures already summed, the linked indicator
//! figures and the region's texts. One pass over the initiatives, and at most
//! `limits.max_listed_initiatives` of them listed in each chapter and section (the ones
//! with most money); the xlsx Bilaga holds every one.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{AreaRow, Totals};
use crate::config::{Config, IndicatorKind};
use crate::consolidate::linked::LinkedFigure;
use crate::model::{Initiative, SHIFTS, Status};
use crate::rows::Chunks;
use crate::text::{count_word, num};
use crate::texts::{Text, Texts};
use crate::value::Ore;

/// One area's chapter.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Chapter {
    /// Area code.
    pub area: String,
    /// Area label: the chapter's title.
    pub label: String,
    /// The lead, in Swedish, written from the figures below.
    pub lead: String,
    /// Number of initiatives (as in Tabell 2).
    pub initiatives: u64,
    /// Initiatives per status, in report order (`Genomförd` first).
    pub by_status: Vec<StatusCount>,
    /// Funds spent (as in Tabell 2).
    pub spent_kr: Ore,
    /// The area's share of the region's funds spent, in per cent (as in Tabell 2).
    pub spent_share_pct: Option<f64>,
    /// Agreement funds (as in Tabell 2).
    pub agreement_funds_kr: Ore,
    /// The area's share of the region's agreement funds, in per cent.
    pub agreement_share_pct: Option<f64>,
    /// The administrations with initiatives in the area, in Swedish order.
    pub administrations: Vec<String>,
    /// How many of the initiatives are in cooperation with municipalities.
    pub municipal_cooperation: u64,
    /// The region's text for the area (`texter/<area code>.md`).
    pub text: Option<Text>,
    /// The initiatives listed: the ones with most money, `Genomförd` first, then
    /// `Pågående`, `Planerad`, `Avbruten`, each by money spent, largest first.
    pub listed: Vec<ChapterInitiative>,
    /// How many more initiatives the area has (all are in Tabell 8).
    pub more: u64,
    /// Whether a figure measured for a listed initiative is hidden (`x`), so that the
    /// chapter needs the note on suppression.
    pub suppressed: bool,
}

/// Initiatives with one status.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct StatusCount {
    /// The status.
    pub status: Status,
    /// How many.
    pub initiatives: u64,
}

/// An initiative as a chapter tells it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ChapterInitiative {
    /// The initiative (name, administration, status, shift, dates, money, target group,
    /// cooperation, description, result …).
    #[serde(flatten)]
    pub initiative: Initiative,
    /// The shift's label, when given.
    pub shift_label: Option<String>,
    /// Whether it is completed without a result (`Resultat ej redovisat`).
    pub result_missing: bool,
    /// The indicator figures linked to it by `Insats-id`.
    pub measured: Vec<Measured>,
}

/// An indicator figure linked to an initiative, with the indicator's words.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Measured {
    /// The figure (unsuppressed; `suppressed` says what the outputs hide).
    #[serde(flatten)]
    pub figure: LinkedFigure,
    /// The indicator's label.
    pub label: String,
    /// `share`, `rate` or `count`.
    pub kind: IndicatorKind,
    /// The unit, in words (`procent`, `per 100 000 invånare`, `antal`).
    pub unit: String,
}

/// The initiatives per SKR shift.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ShiftSection {
    /// 1–4.
    pub shift: u8,
    /// The shift's words.
    pub label: String,
    /// Number of initiatives (as in Tabell 7).
    pub initiatives: u64,
    /// Funds spent.
    pub spent_kr: Ore,
    /// The initiatives listed, most money first.
    pub listed: Vec<Named>,
    /// How many more.
    pub more: u64,
}

/// An initiative named in a list: name and administration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Named {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Administration.
    pub administration: String,
    /// Funds spent.
    pub spent_kr: Option<Ore>,
}

/// The initiatives in cooperation with municipalities.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Cooperation {
    /// Number of initiatives.
    pub initiatives: u64,
    /// Funds spent.
    pub spent_kr: Ore,
    /// Per administration, in Swedish order.
    pub by_administration: Vec<CooperationRow>,
    /// The initiatives listed, most money first.
    pub listed: Vec<Named>,
    /// How many more.
    pub more: u64,
}

/// One administration's initiatives in cooperation with municipalities.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CooperationRow {
    /// The administration.
    pub administration: String,
    /// Number of initiatives.
    pub initiatives: u64,
    /// Funds spent.
    pub spent_kr: Ore,
}

/// What the chapters and sections are made of.
pub(super) struct Told {
    pub chapters: Vec<Chapter>,
    pub shifts: Vec<ShiftSection>,
    pub shift_not_given: u64,
    pub cooperation: Cooperation,
    pub measured: Vec<Measured>,
}

/// The order "most money first": spent, then budget, largest first; then the Bilaga's
/// order (administration, file, row), so that equal amounts list the same on every run.
fn most_money(a: &Initiative, b: &Initiative) -> Ordering {
    let money = |i: &Initiative| (i.spent_ore.unwrap_or(0), i.budget_ore.unwrap_or(0));
    money(b).cmp(&money(a))
}

/// The `max` with most money of `candidates` (given in the Bilaga's order), and how many
/// were left.
fn top(mut candidates: Vec<&Initiative>, max: usize) -> (Vec<&Initiative>, u64) {
    let all = candidates.len();
    // A stable sort keeps the Bilaga's order among equal amounts.
    candidates.sort_by(|a, b| most_money(a, b));
    candidates.truncate(max);
    let more = (all - candidates.len()) as u64;
    (candidates, more)
}

fn named(i: &Initiative) -> Named {
    Named {
        id: i.id().to_string(),
        name: i.name().to_string(),
        administration: i.administration.to_string(),
        spent_kr: i.spent_ore.map(Ore),
    }
}

/// The chapters, the shifts and the cooperation, from the initiatives in the Bilaga's
/// order.
pub(super) fn tell(
    initiatives: &Chunks<Initiative>,
    by_area: &[AreaRow],
    totals: &Totals,
    linked: &[LinkedFigure],
    texts: &Texts,
    config: &Config,
) -> Told {
    let max = config.limits.max_listed_initiatives;
    let measured: Vec<Measured> = linked.iter().map(|f| measured(f, config)).collect();
    let mut by_initiative: BTreeMap<(&str, &str), Vec<&Measured>> = BTreeMap::new();
    for m in &measured {
        by_initiative
            .entry((&m.figure.file, &m.figure.initiative))
            .or_default()
            .push(m);
    }
    let mut areas: BTreeMap<&str, Vec<&Initiative>> = BTreeMap::new();
    let mut shifts: [Vec<&Initiative>; 4] = Default::default();
    let mut shift_not_given = 0;
    let mut cooperating: Vec<&Initiative> = Vec::new();
    for i in initiatives.iter() {
        areas.entry(&i.area).or_default().push(i);
        match i.shift {
            Some(s @ 1..=4) => shifts[usize::from(s) - 1].push(i),
            _ => shift_not_given += 1,
        }
        if i.municipal_cooperation == Some(true) {
            cooperating.push(i);
        }
    }
    let chapters = by_area
        .iter()
        .filter(|a| a.initiatives > 0)
        .map(|row| {
            let mine = areas.remove(row.area.as_str()).unwrap_or_default();
            let text = texts.areas.get(&row.area).cloned();
            chapter(row, mine, totals, text, &by_initiative, config)
        })
        .collect();
    let shifts = shifts
        .into_iter()
        .zip(1u8..)
        .map(|(list, shift)| {
            let spent = list.iter().map(|i| Ore(i.spent_ore.unwrap_or(0))).sum();
            let initiatives = list.len() as u64;
            let (listed, more) = top(list, max);
            ShiftSection {
                shift,
                label: SHIFTS[usize::from(shift) - 1].to_string(),
                initiatives,
                spent_kr: spent,
                listed: listed.into_iter().map(named).collect(),
                more,
            }
        })
        .collect();
    Told {
        chapters,
        shifts,
        shift_not_given,
        cooperation: cooperation(cooperating, max),
        measured,
    }
}

fn measured(f: &LinkedFigure, config: &Config) -> Measured {
    let ind = config.indicator(&f.indicator);
    Measured {
        label: ind.map_or(f.indicator.clone(), |i| i.label.clone()),
        kind: ind.map_or(IndicatorKind::Count, |i| i.kind),
        unit: ind.map_or(String::new(), |i| i.unit().to_lowercase()),
        figure: f.clone(),
    }
}

fn chapter(
    row: &AreaRow,
    mine: Vec<&Initiative>,
    totals: &Totals,
    text: Option<Text>,
    measured: &BTreeMap<(&str, &str), Vec<&Measured>>,
    config: &Config,
) -> Chapter {
    let by_status: Vec<StatusCount> = Status::REPORT_ORDER
        .iter()
        .map(|s| StatusCount {
            status: *s,
            initiatives: mine.iter().filter(|i| i.status == *s).count() as u64,
        })
        .collect();
    let mut administrations: Vec<String> =
        mine.iter().map(|i| i.administration.to_string()).collect();
    administrations.sort_by_cached_key(|a| crate::consolidate::swedish_key(a));
    administrations.dedup();
    let municipal_cooperation = mine
        .iter()
        .filter(|i| i.municipal_cooperation == Some(true))
        .count() as u64;
    let (mut listed, more) = top(mine, config.limits.max_listed_initiatives);
    let rank = |s: Status| Status::REPORT_ORDER.iter().position(|r| *r == s);
    listed.sort_by(|a, b| rank(a.status).cmp(&rank(b.status)).then(most_money(a, b)));
    let mut chapter = Chapter {
        area: row.area.clone(),
        label: row.label.clone(),
        lead: String::new(),
        initiatives: row.initiatives,
        by_status,
        spent_kr: row.spent_kr,
        spent_share_pct: row.share_pct,
        agreement_funds_kr: row.agreement_funds_kr,
        agreement_share_pct: totals.agreement_funds_kr.share_pct(row.agreement_funds_kr),
        administrations,
        municipal_cooperation,
        text,
        listed: listed.into_iter().map(|i| told(i, measured)).collect(),
        more,
        suppressed: false,
    };
    chapter.suppressed = chapter
        .listed
        .iter()
        .any(|i| i.measured.iter().any(|m| m.figure.suppressed));
    chapter.lead = lead(&chapter, config.limits.max_listed_units);
    chapter
}

fn told(i: &Initiative, measured: &BTreeMap<(&str, &str), Vec<&Measured>>) -> ChapterInitiative {
    ChapterInitiative {
        shift_label: i
            .shift
            .filter(|s| (1..=4).contains(s))
            .map(|s| SHIFTS[usize::from(s) - 1].to_string()),
        result_missing: i.status == Status::Completed && i.result().is_none(),
        measured: measured
            .get(&(&*i.file, i.id()))
            .map(|list| list.iter().map(|m| (*m).clone()).collect())
            .unwrap_or_default(),
        initiative: i.clone(),
    }
}

fn cooperation(list: Vec<&Initiative>, max: usize) -> Cooperation {
    let mut by_admin: BTreeMap<&str, (u64, Ore)> = BTreeMap::new();
    for i in &list {
        let entry = by_admin.entry(&i.administration).or_default();
        entry.0 += 1;
        entry.1 = entry.1 + Ore(i.spent_ore.unwrap_or(0));
    }
    let mut by_administration: Vec<CooperationRow> = by_admin
        .into_iter()
        .map(|(a, (n, spent))| CooperationRow {
            administration: a.to_string(),
            initiatives: n,
            spent_kr: spent,
        })
        .collect();
    by_administration.sort_by_cached_key(|r| crate::consolidate::swedish_key(&r.administration));
    let initiatives = list.len() as u64;
    let spent_kr = list.iter().map(|i| Ore(i.spent_ore.unwrap_or(0))).sum();
    let (listed, more) = top(list, max);
    Cooperation {
        initiatives,
        spent_kr,
        by_administration,
        listed: listed.into_iter().map(named).collect(),
        more,
    }
}

/// `a, b och c`.
fn and_list(words: &[String]) -> String {
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} och {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// `12,5 %`.
fn pct(p: f64) -> String {
    format!("{}\u{a0}%", num(p, 1))
}

/// The chapter's lead in Swedish: initiatives by status, money and agreement funds with
/// their share of the region's, the administrations (at most `max_named`), cooperation.
fn lead(c: &Chapter, max_named: usize) -> String {
    let one = c.initiatives == 1;
    let given: Vec<&StatusCount> = c.by_status.iter().filter(|s| s.initiatives > 0).collect();
    let mut lead = format!(
        "Inom området redovisas {}",
        count_word(c.initiatives, "insats", "insatser")
    );
    match given.as_slice() {
        [only] if one => lead.push_str(&format!(", {}", only.status.adjective(1))),
        [only] => lead.push_str(&format!(", alla {}", only.status.adjective(2))),
        several => {
            let parts: Vec<String> = several
                .iter()
                .map(|s| {
                    format!(
                        "{} {}",
                        num(s.initiatives as f64, 0),
                        s.status.adjective(s.initiatives)
                    )
                })
                .collect();
            lead.push_str(&format!(", varav {}", and_list(&parts)));
        }
    }
    lead.push_str(&format!(
        ". Använda medel är {} kr",
        num(c.spent_kr.kronor(), 0)
    ));
    if let Some(p) = c.spent_share_pct {
        lead.push_str(&format!(" ({} av regionens)", pct(p)));
    }
    lead.push_str(&format!(
        ", varav {} kr överenskommelsemedel",
        num(c.agreement_funds_kr.kronor(), 0)
    ));
    if let Some(p) = c.agreement_share_pct {
        lead.push_str(&format!(" ({} av regionens)", pct(p)));
    }
    lead.push('.');
    let subject = if one { "Insatsen" } else { "Insatserna" };
    let admins = &c.administrations;
    let mut names: Vec<String> = admins.iter().take(max_named).cloned().collect();
    if admins.len() > names.len() {
        names.push(count_word(
            (admins.len() - names.len()) as u64,
            "förvaltning till",
            "förvaltningar till",
        ));
    }
    match admins.as_slice() {
        [only] => lead.push_str(&format!(" {subject} drivs av {only}.")),
        _ => lead.push_str(&format!(
            " {subject} drivs av {}: {}.",
            count_word(admins.len() as u64, "förvaltning", "förvaltningar"),
            and_list(&names)
        )),
    }
    let n = c.municipal_cooperation;
    lead.push_str(&match (one, n) {
        (true, 1) => " Den sker i samverkan med kommunerna.".to_string(),
        (true, _) => " Den sker inte i samverkan med kommunerna.".to_string(),
        (false, 0) => " Ingen av dem sker i samverkan med kommunerna.".to_string(),
        (false, n) if n == c.initiatives => " Alla sker i samverkan med kommunerna.".to_string(),
        (false, n) => format!(
            " {} av dem sker i samverkan med kommunerna.",
            num(n as f64, 0)
        ),
    });
    lead
}

#[cfg(test)]
mod tests;
