//! The rules of the `Indikatorer` sheet (SPEC 2.3): one row per indicator, unit and
//! period, with numerator and (for shares and rates) denominator.

use std::collections::BTreeSet;
use std::sync::Arc;

use foldhash::HashMap;

use crate::config::{Config, IndicatorKind};
use crate::diagnostic::Code;
use crate::model::IndicatorValue;
use crate::schema::Column;
use crate::text::collapse;
use crate::value::Period;

use super::Vocabulary;
use super::cells::{RowReader, format_plain};

/// The ids of the workbook's initiatives, and the rows already seen, for cross-row rules.
#[derive(Debug, Default)]
pub struct Seen {
    /// Initiative ids in `Insatser` (accepted or not).
    pub initiative_ids: BTreeSet<String>,
    /// The file's units as written, each shared by the values that name it.
    pub units: HashMap<String, Arc<str>>,
    /// The initiative ids the values name, each shared by the values that name it.
    pub linked: HashMap<String, Arc<str>>,
    /// Collapsed unit → `(indicator index, period, Excel row)` of the rows accepted so far
    /// (a unit has a few dozen at most, searched in order).
    pub rows: HashMap<String, Vec<(usize, Period, u32)>>,
}

impl Seen {
    /// A row already seen that `period` would count twice for the same indicator and
    /// unit: the same period, or a month inside a reported quarter (or a quarter around a
    /// reported month); with its Excel row.
    fn overlapping(&self, index: usize, unit: &str, period: Period) -> Option<(Period, u32)> {
        let mut candidates = vec![period];
        match period {
            Period::Month(..) => candidates.push(period.quarter()),
            Period::Quarter(y, q) => {
                candidates.extend((3 * q - 2..=3 * q).map(|m| Period::Month(y, m)));
            }
            Period::Year(_) => {}
        }
        let seen = self.rows.get(unit)?;
        candidates.into_iter().find_map(|p| {
            seen.iter()
                .find(|(i, q, _)| *i == index && *q == p)
                .map(|(_, _, row)| (p, *row))
        })
    }
}

/// `duplicate-row`: the row's period is already counted by `other` on Excel row `first`;
/// both cells named.
fn duplicate_row(
    r: &mut RowReader<'_>,
    label: &str,
    unit: &str,
    period: Period,
    other: Period,
    first: u32,
) {
    let here = r.cell_ref(Column::Period);
    let there = crate::diagnostic::CellRef::new(first - 1, here.col);
    if other == period {
        let message = format!(
            "{label} för {unit} och perioden {} finns redan på rad {first} ({there}); väntade en rad per indikator, enhet och period",
            period.swedish()
        );
        r.error(Code::DuplicateRow, Column::Indicator, message);
        return;
    }
    let message = format!(
        "{label} för {unit}: {} ({here}) ligger inom {} som redan finns på rad {first} ({there}) och skulle räknas två gånger; väntade antingen kvartalet eller dess månader",
        period.swedish(),
        other.swedish()
    );
    r.error(Code::DuplicateRow, Column::Period, message);
}

/// Reads one indicator row; every problem is recorded on `r`.
pub fn read_row(
    r: &mut RowReader<'_>,
    config: &Config,
    vocab: &Vocabulary,
    shared: &super::Shared,
    seen: &mut Seen,
) -> Option<IndicatorValue> {
    let index = if r.is_filled(Column::Indicator) {
        r.choice(
            Column::Indicator,
            &vocab.indicators,
            "en av indikatorerna (se Anvisningar)",
        )
    } else {
        r.missing(Column::Indicator, "en indikator");
        None
    };
    let indicator = index.map(|i| &config.indicators[i]);
    let unit = r.text(Column::Unit);
    let period = period(r, config.year);
    let numerator = numerator(r);
    let numerator = within_bound(r, Column::Numerator, numerator, config);
    let denominator = r.number(Column::Denominator);
    let denominator = within_bound(r, Column::Denominator, denominator, config);
    if let Some(ind) = indicator {
        check_denominator(r, ind, denominator);
    }
    if let (Some(ind), Some(n), Some(d)) = (indicator, numerator, denominator)
        && ind.kind == IndicatorKind::Share
        && n > d
        && d > 0.0
    {
        share_above_whole(r, &ind.label, n, d);
    }
    let initiative_id = r.text(Column::InitiativeRef);
    let initiative = initiative_id
        .as_deref()
        .filter(|id| check_initiative_ref(r, id, seen))
        .map(|id| shared_text(&mut seen.linked, id));
    let (Some(index), Some(ind), Some(period), Some(numerator)) =
        (index, indicator, period, numerator)
    else {
        return None;
    };
    let unit_key = collapse(unit.as_deref().unwrap_or(""));
    let unit_name = unit.as_deref().unwrap_or("(ingen enhet)");
    if let Some((other, first)) = seen.overlapping(index, &unit_key, period) {
        duplicate_row(r, &ind.label, unit_name, period, other, first);
    } else if r.errors.is_empty() {
        let row = (index, period, r.excel_row());
        seen.rows.entry(unit_key).or_default().push(row);
    }
    Some(IndicatorValue {
        file: shared.file.clone(),
        administration: shared.administration.clone(),
        indicator: vocab.indicator_codes[index].clone(),
        unit: unit.map(|u| shared_text(&mut seen.units, &u)),
        initiative,
        period,
        numerator,
        denominator: if ind.kind.has_denominator() {
            denominator
        } else {
            None
        },
        row: r.excel_row(),
    })
}

/// The row's period, which must lie in the report year.
fn period(r: &mut RowReader<'_>, year: i32) -> Option<Period> {
    if !r.is_filled(Column::Period) {
        r.missing(Column::Period, "en period: år, månad eller kvartal");
        return None;
    }
    let period = r.period(Column::Period);
    if let Some(p) = period
        && p.year() != year
    {
        r.error(
            Code::ConstraintError,
            Column::Period,
            format!("perioden {p} ligger utanför redovisningsåret; väntade en period under {year}"),
        );
    }
    period
}

/// The row's numerator, which must be given and not negative.
fn numerator(r: &mut RowReader<'_>) -> Option<f64> {
    if !r.is_filled(Column::Numerator) {
        r.missing(Column::Numerator, "ett tal ≥ 0");
        return None;
    }
    let numerator = r.number(Column::Numerator);
    if let Some(n) = numerator.filter(|n| *n < 0.0) {
        r.error(
            Code::ConstraintError,
            Column::Numerator,
            format!(
                "täljaren {} är negativ; väntade 0 eller mer",
                format_plain(n)
            ),
        );
    }
    numerator
}

/// A figure above `limits.max_figure` (10¹² by default: more than any count of people
/// or events) is an error on its cell, and not read: summed, it would publish nonsense.
fn within_bound(
    r: &mut RowReader<'_>,
    column: Column,
    figure: Option<f64>,
    config: &Config,
) -> Option<f64> {
    let max = config.limits.max_figure;
    match figure {
        Some(n) if n > max => {
            let header = crate::schema::spec(column).header;
            r.error(
                Code::ConstraintError,
                column,
                format!(
                    "{header} {} är orimligt stort; väntade högst {} (limits.max_figure)",
                    format_plain(n),
                    crate::text::group(max)
                ),
            );
            None
        }
        other => other,
    }
}

/// A ratio needs a denominator above 0; a count has none.
fn check_denominator(
    r: &mut RowReader<'_>,
    ind: &crate::config::Indicator,
    denominator: Option<f64>,
) {
    match (ind.kind.has_denominator(), denominator) {
        (true, None) if !r.is_filled(Column::Denominator) => r.missing(
            Column::Denominator,
            &format!("en nämnare > 0, eftersom {} är en kvot", ind.label),
        ),
        (true, Some(d)) if d <= 0.0 => r.error(
            Code::ConstraintError,
            Column::Denominator,
            format!(
                "nämnaren är {}; väntade ett tal större än 0",
                format_plain(d)
            ),
        ),
        (false, Some(d)) => r.error(
            Code::ConstraintError,
            Column::Denominator,
            format!(
                "nämnaren {} är ifylld, men {} är ett antal utan nämnare; väntade en tom cell",
                format_plain(d),
                ind.label
            ),
        ),
        _ => {}
    }
}

/// `text` shared through `texts`: one allocation per distinct text of the file, however
/// many values name it (a national run has half a million indicator rows).
fn shared_text(texts: &mut HashMap<String, Arc<str>>, text: &str) -> Arc<str> {
    if let Some(shared) = texts.get(text) {
        return Arc::clone(shared);
    }
    let shared: Arc<str> = text.into();
    texts.insert(text.to_string(), Arc::clone(&shared));
    shared
}

/// An initiative id must name an initiative of the same file; whether it does.
fn check_initiative_ref(r: &mut RowReader<'_>, id: &str, seen: &Seen) -> bool {
    if seen.initiative_ids.contains(id) {
        return true;
    }
    let hint = crate::schema::closest(
        id,
        seen.initiative_ids.iter().map(|s| (s.as_str(), s.as_str())),
    )
    .map(|s| format!("menade du \"{s}\"?"));
    r.report(
        crate::diagnostic::Severity::Error,
        Code::UnknownValue,
        Column::InitiativeRef,
        format!("insats-id \"{id}\" finns inte bland insatserna i filen; väntade id för en insats på bladet Insatser"),
        hint,
    );
    false
}

/// A share's numerator counts part of what its denominator counts, so it cannot be the
/// larger (SPEC 2.3): an error on both cells, since either may be the wrong one.
fn share_above_whole(r: &mut RowReader<'_>, label: &str, n: f64, d: f64) {
    let (n_cell, d_cell) = (
        r.cell_ref(Column::Numerator),
        r.cell_ref(Column::Denominator),
    );
    let (n, d) = (format_plain(n), format_plain(d));
    r.error(
        Code::ConstraintError,
        Column::Numerator,
        format!(
            "täljaren {n} är större än nämnaren {d} ({d_cell}); {label} är en andel, så täljaren kan vara högst nämnaren"
        ),
    );
    r.error(
        Code::ConstraintError,
        Column::Denominator,
        format!(
            "nämnaren {d} är mindre än täljaren {n} ({n_cell}); {label} är en andel, så nämnaren måste vara minst täljaren"
        ),
    );
}
