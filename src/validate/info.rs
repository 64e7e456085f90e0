//! The `Uppgifter` sheet (the administration's name and contact details) and the
//! finding for a sheet that is missing.

use std::collections::{BTreeMap, BTreeSet};

use super::blank;
use super::cells::{self, shown};
use crate::config::Config;
use crate::diagnostic::{CellRef, Code, Diagnostic, Severity};
use crate::model::Contact;
use crate::read::{RawSheet, RawWorkbook, Value};
use crate::schema::{SheetKind, info_keys};
use crate::text::collapse;
use crate::value::parse_date;

pub(super) fn missing_sheet(
    raw: &RawWorkbook,
    file: &str,
    kind: SheetKind,
    severity: Severity,
) -> Diagnostic {
    /// Sheets named in the message; a workbook may have a thousand.
    const SHOWN: usize = 5;
    let candidates = raw.other_sheets.iter().map(|s| (s.as_str(), s.as_str()));
    let hint = crate::schema::closest(kind.name(), candidates)
        .map(|s| format!("bladet \"{s}\" kanske ska heta {}?", kind.name()))
        .or_else(|| {
            (raw.sheets.is_empty() && raw.unreadable.is_empty()).then(|| {
                "är det rätt fil? `redovisa template` skriver en tom arbetsbok med rätt blad"
                    .to_string()
            })
        });
    let found = match raw.other_sheets.len() {
        0 if raw.sheets.is_empty() && raw.unreadable.is_empty() => "inga andra blad".to_string(),
        0 => {
            let names: Vec<&str> = raw
                .sheets
                .iter()
                .map(|s| s.name.as_str())
                .chain(raw.unreadable.iter().map(|k| k.name()))
                .collect();
            let noun = if names.len() == 1 { "bladet" } else { "bladen" };
            format!("bara {noun} {}", names.join(", "))
        }
        n => {
            let mut names = raw.other_sheets[..n.min(SHOWN)].join(", ");
            if n > SHOWN {
                names.push_str(&format!(
                    " och {} till",
                    crate::text::group((n - SHOWN) as f64)
                ));
            }
            format!("{} {names}", if n == 1 { "bladet" } else { "bladen" })
        }
    };
    Diagnostic::new(
        severity,
        Code::MissingSheet,
        file,
        format!("bladet {} saknas (filen har {found})", kind.name()),
    )
    .with_hint(hint)
}

/// Reads `Uppgifter`: the administration's name and contact details.
pub(super) fn read_info(
    raw: &RawWorkbook,
    file: &str,
    stem: &str,
    config: &Config,
    out: &mut Vec<Diagnostic>,
) -> (String, Contact) {
    let Some(sheet) = raw.sheet(SheetKind::Info) else {
        let mut d = missing_sheet(raw, file, SheetKind::Info, Severity::Warning);
        d.message = format!(
            "{}; förvaltningens namn tas från filnamnet: \"{stem}\"",
            d.message
        );
        out.push(d);
        return (stem.to_string(), Contact::default());
    };
    let pairs = info_pairs(sheet);
    let get = |key: &str| pairs.get(&collapse(key)).copied();
    let text = cells::plain;
    let at = |cell: CellRef| {
        Diagnostic::new(Severity::Error, Code::TypeError, file, "")
            .in_sheet(&sheet.name)
            .at(cell)
    };
    let administration = match get(info_keys::ADMINISTRATION) {
        Some((_, v)) if !text(v).is_empty() => text(v),
        _ => {
            out.push(
                Diagnostic::new(
                    Severity::Warning,
                    Code::MissingValue,
                    file,
                    format!(
                        "nyckeln {} saknas eller är tom; förvaltningens namn tas från filnamnet: \"{stem}\"",
                        info_keys::ADMINISTRATION
                    ),
                )
                .in_sheet(&sheet.name),
            );
            stem.to_string()
        }
    };
    if let Some((cell, v)) = get(info_keys::YEAR)
        && let Some(finding) = year_finding(v, config.year, file)
    {
        out.push(finding.in_sheet(&sheet.name).at(cell));
    }
    let email = get(info_keys::EMAIL).map(|(cell, v)| (cell, text(v)));
    if let Some((cell, e)) = &email
        && !looks_like_email(e)
    {
        out.push(Diagnostic {
            code: Code::ConstraintError,
            message: format!(
                "\"{e}\" ser inte ut som en e-postadress; väntade t.ex. namn@region.se"
            ),
            ..at(*cell)
        });
    }
    let submitted = get(info_keys::SUBMITTED).and_then(|(cell, v)| {
        let d = date_of(v, raw.is_1904);
        if d.is_none() {
            out.push(Diagnostic {
                message: format!(
                    "inlämningsdatumet {} kan inte läsas; väntade ett datum, ÅÅÅÅ-MM-DD",
                    shown(v)
                ),
                ..at(cell)
            });
        }
        d
    });
    let contact = Contact {
        name: get(info_keys::CONTACT).map(|(_, v)| text(v)),
        email: email.map(|(_, e)| e),
        phone: get(info_keys::PHONE).map(|(_, v)| text(v)),
        submitted,
    };
    (administration, contact)
}

/// A date cell, a serial or a date written as text.
fn date_of(v: &Value, is_1904: bool) -> Option<crate::value::Date> {
    match v {
        Value::Date(d) => Some(*d),
        Value::Number(n) => crate::value::Date::from_serial(*n, is_1904),
        Value::Text(t) => parse_date(t),
        _ => None,
    }
}

/// What is wrong with the `Redovisningsår` value `v` of `file`, if anything (a finding
/// without its place).
fn year_finding(v: &Value, expected: i32, file: &str) -> Option<Diagnostic> {
    let year = match v {
        Value::Number(n) if n.fract() == 0.0 => Some(*n as i64),
        Value::Text(t) => t.trim().parse::<i64>().ok(),
        _ => None,
    };
    match year {
        Some(y) if y == i64::from(expected) => None,
        Some(y) => Some(Diagnostic::new(
            Severity::Error,
            Code::ConstraintError,
            file,
            format!("redovisningsåret är {y}; väntade {expected}"),
        )),
        None => Some(Diagnostic::new(
            Severity::Error,
            Code::TypeError,
            file,
            format!(
                "redovisningsåret {} kan inte läsas; väntade ett år, t.ex. {expected}",
                shown(v)
            ),
        )),
    }
}

/// Key/value pairs: the first cell of a row that names a known key, and the cell right of
/// it (a blank value is absent; anything further right is a comment, not the value).
fn info_pairs(sheet: &RawSheet) -> BTreeMap<String, (CellRef, &Value)> {
    let keys: BTreeSet<String> = info_keys::ALL.iter().map(|k| collapse(k)).collect();
    let mut pairs = BTreeMap::new();
    for row in &sheet.rows {
        for (col, v) in &row.cells {
            let Value::Text(t) = v else { continue };
            let key = collapse(t.trim_end_matches(':'));
            if keys.contains(&key) {
                if let Some(value) = row.get(col + 1).filter(|v| !blank(v)) {
                    pairs
                        .entry(key)
                        .or_insert((CellRef::new(row.row, col + 1), value));
                }
                break;
            }
        }
    }
    pairs
}

fn looks_like_email(e: &str) -> bool {
    let Some((user, domain)) = e.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && !e.contains(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
}
