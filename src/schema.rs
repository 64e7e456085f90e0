//! The input format: sheet names, column headers and their aliases, and how names are
//! matched (case, white space and a trailing unit in parentheses do not matter).
//!
//! Every Swedish sheet and header name of the input lives here and nowhere else. This
//! module knows names only; it does not read cells or judge values.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::text::normalize;

/// The three sheets of a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SheetKind {
    /// `Uppgifter`: key/value pairs about the submission.
    Info,
    /// `Insatser`: one row per initiative.
    Initiatives,
    /// `Indikatorer`: one row per indicator, unit and period.
    Indicators,
}

impl SheetKind {
    /// All sheets, in workbook order.
    pub const ALL: [SheetKind; 3] = [
        SheetKind::Info,
        SheetKind::Initiatives,
        SheetKind::Indicators,
    ];

    /// The standard Swedish name.
    pub fn name(self) -> &'static str {
        match self {
            SheetKind::Info => "Uppgifter",
            SheetKind::Initiatives => "Insatser",
            SheetKind::Indicators => "Indikatorer",
        }
    }

    /// Built-in aliases.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            SheetKind::Info => &["Uppgiftslämnare", "Info"],
            SheetKind::Initiatives => &["Initiativ", "Initiatives"],
            SheetKind::Indicators => &["Indicators"],
        }
    }

    /// The sheet's columns (empty for the key/value sheet).
    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            SheetKind::Info => &[],
            SheetKind::Initiatives => INITIATIVE_COLUMNS,
            SheetKind::Indicators => INDICATOR_COLUMNS,
        }
    }
}

/// A column's value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// Free text.
    Text,
    /// One of a set of names.
    Enum,
    /// A calendar date.
    Date,
    /// Kronor, ≥ 0.
    Money,
    /// A number.
    Number,
    /// A year, month or quarter.
    Period,
    /// Ja/Nej.
    YesNo,
}

/// Every column the program knows, of both data sheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// Initiative id.
    Id,
    /// Initiative name.
    Name,
    /// Description.
    Description,
    /// Area.
    Area,
    /// Shift (förflyttning).
    Shift,
    /// Status.
    Status,
    /// Start date.
    Start,
    /// End date.
    End,
    /// Budget in kronor.
    Budget,
    /// Funds spent in kronor.
    Spent,
    /// Of which agreement funds.
    AgreementFunds,
    /// Target group.
    TargetGroup,
    /// Cooperation with a municipality.
    MunicipalCooperation,
    /// Result.
    Result,
    /// Contact person.
    Contact,
    /// Indicator.
    Indicator,
    /// Unit measured (clinic, team).
    Unit,
    /// Period.
    Period,
    /// Numerator.
    Numerator,
    /// Denominator.
    Denominator,
    /// Reference to an initiative id.
    InitiativeRef,
    /// Comment.
    Comment,
}

/// A column of a data sheet.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    /// Which column.
    pub column: Column,
    /// The standard header.
    pub header: &'static str,
    /// Built-in aliases.
    pub aliases: &'static [&'static str],
    /// Whether the column must be present.
    pub required: bool,
    /// The value type.
    pub kind: ValueType,
    /// What an administration should write, in Swedish (for instructions and hints).
    pub help: &'static str,
}

const fn col(
    column: Column,
    header: &'static str,
    aliases: &'static [&'static str],
    required: bool,
    kind: ValueType,
    help: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        column,
        header,
        aliases,
        required,
        kind,
        help,
    }
}

use Column as C;
use ValueType as T;

/// The columns of `Insatser`, in template order.
pub const INITIATIVE_COLUMNS: &[ColumnSpec] = &[
    col(
        C::Id,
        "Id",
        &["Insats-id", "Nr"],
        false,
        T::Text,
        "valfri kod, unik i filen",
    ),
    col(
        C::Name,
        "Insats",
        &["Namn", "Insatsens namn"],
        true,
        T::Text,
        "insatsens namn, högst 200 tecken",
    ),
    col(
        C::Description,
        "Beskrivning",
        &[],
        false,
        T::Text,
        "kort beskrivning",
    ),
    col(
        C::Area,
        "Insatsområde",
        &["Område"],
        true,
        T::Enum,
        "ett av de konfigurerade insatsområdena",
    ),
    col(
        C::Shift,
        "Förflyttning",
        &[],
        false,
        T::Enum,
        "1–4 eller förflyttningens namn",
    ),
    col(
        C::Status,
        "Status",
        &[],
        true,
        T::Enum,
        "Planerad, Pågående, Genomförd eller Avbruten",
    ),
    col(
        C::Start,
        "Startdatum",
        &[],
        false,
        T::Date,
        "datum, ÅÅÅÅ-MM-DD",
    ),
    col(
        C::End,
        "Slutdatum",
        &[],
        false,
        T::Date,
        "datum, ÅÅÅÅ-MM-DD, inte före startdatum",
    ),
    col(C::Budget, "Budget", &[], false, T::Money, "kronor, ≥ 0"),
    col(
        C::Spent,
        "Använda medel",
        &["Utfall", "Kostnad"],
        false,
        T::Money,
        "kronor, ≥ 0; krävs utom för planerade insatser",
    ),
    col(
        C::AgreementFunds,
        "Varav överenskommelsemedel",
        &["Varav statsbidrag"],
        false,
        T::Money,
        "kronor, ≥ 0, högst använda medel",
    ),
    col(
        C::TargetGroup,
        "Målgrupp",
        &[],
        false,
        T::Text,
        "vilka insatsen riktar sig till",
    ),
    col(
        C::MunicipalCooperation,
        "Samverkan med kommun",
        &[],
        false,
        T::YesNo,
        "Ja eller Nej",
    ),
    col(
        C::Result,
        "Resultat",
        &[],
        false,
        T::Text,
        "vad insatsen har lett till",
    ),
    col(
        C::Contact,
        "Kontaktperson",
        &[],
        false,
        T::Text,
        "ansvarig person",
    ),
];

/// The columns of `Indikatorer`, in template order.
pub const INDICATOR_COLUMNS: &[ColumnSpec] = &[
    col(
        C::Indicator,
        "Indikator",
        &[],
        true,
        T::Enum,
        "en av de konfigurerade indikatorerna",
    ),
    col(
        C::Unit,
        "Enhet",
        &["Verksamhet", "Vårdcentral"],
        false,
        T::Text,
        "enheten som mätts, t.ex. en vårdcentral",
    ),
    col(
        C::Period,
        "Period",
        &[],
        true,
        T::Period,
        "år (2025), månad (2025-03) eller kvartal (2025-Q1)",
    ),
    col(C::Numerator, "Täljare", &[], true, T::Number, "tal ≥ 0"),
    col(
        C::Denominator,
        "Nämnare",
        &[],
        false,
        T::Number,
        "tal > 0 för andelar och kvoter; tomt för antal",
    ),
    col(
        C::InitiativeRef,
        "Insats-id",
        &[],
        false,
        T::Text,
        "id för en insats i samma fil",
    ),
    col(C::Comment, "Kommentar", &[], false, T::Text, "fri text"),
];

/// Keys of the `Uppgifter` sheet.
pub mod info_keys {
    /// The administration's name (required).
    pub const ADMINISTRATION: &str = "Förvaltning";
    /// The report year.
    pub const YEAR: &str = "Redovisningsår";
    /// Contact person.
    pub const CONTACT: &str = "Kontaktperson";
    /// E-mail.
    pub const EMAIL: &str = "E-post";
    /// Telephone.
    pub const PHONE: &str = "Telefon";
    /// Submission date.
    pub const SUBMITTED: &str = "Inlämnad";
    /// All keys, in template order.
    pub const ALL: [&str; 6] = [ADMINISTRATION, YEAR, CONTACT, EMAIL, PHONE, SUBMITTED];
}

/// Words in the `Insats` column that mark a hand-made totals row.
pub const TOTALS_WORDS: [&str; 3] = ["summa", "totalt", "total"];

/// Resolves sheet and header names, built-in aliases plus the configuration's.
#[derive(Debug, Clone)]
pub struct Names {
    sheets: BTreeMap<String, SheetKind>,
    columns: BTreeMap<(SheetKind, String), Column>,
}

impl Names {
    /// The names for `config`.
    pub fn new(config: &Config) -> Self {
        let extra = |standard: &str| -> Vec<String> {
            config
                .aliases
                .iter()
                .filter(|(k, _)| normalize(k) == normalize(standard))
                .flat_map(|(_, v)| v.iter().cloned())
                .collect()
        };
        let mut sheets = BTreeMap::new();
        let mut columns = BTreeMap::new();
        for kind in SheetKind::ALL {
            let names = std::iter::once(kind.name().to_string())
                .chain(kind.aliases().iter().map(std::string::ToString::to_string))
                .chain(extra(kind.name()));
            for name in names {
                sheets.insert(normalize(&name), kind);
            }
            for spec in kind.columns() {
                let names = std::iter::once(spec.header.to_string())
                    .chain(spec.aliases.iter().map(std::string::ToString::to_string))
                    .chain(extra(spec.header));
                for name in names {
                    columns
                        .entry((kind, normalize(&name)))
                        .or_insert(spec.column);
                }
            }
        }
        Names { sheets, columns }
    }

    /// Which sheet a sheet name means, if any.
    pub fn sheet(&self, name: &str) -> Option<SheetKind> {
        self.sheets.get(&normalize(name)).copied()
    }

    /// Which column of `sheet` a header means, if any.
    pub fn column(&self, sheet: SheetKind, header: &str) -> Option<Column> {
        self.columns.get(&(sheet, normalize(header))).copied()
    }

    /// The closest known header of `sheet` to an unknown one, for a hint.
    pub fn closest_column(&self, sheet: SheetKind, header: &str) -> Option<&'static str> {
        let candidates = sheet.columns().iter().flat_map(|spec| {
            std::iter::once(spec.header)
                .chain(spec.aliases.iter().copied())
                .map(move |name| (name, spec.header))
        });
        closest(header, candidates)
    }
}

/// The spec of a column.
pub fn spec(column: Column) -> &'static ColumnSpec {
    INITIATIVE_COLUMNS
        .iter()
        .chain(INDICATOR_COLUMNS)
        .find(|s| s.column == column)
        .expect("every column has a spec")
}

/// Picks the target of the candidate whose name is nearest to `wanted` by edit distance,
/// if it is near enough to be a plausible misspelling.
pub fn closest<'a, T: Copy>(
    wanted: &str,
    candidates: impl Iterator<Item = (&'a str, T)>,
) -> Option<T> {
    let wanted = normalize(wanted);
    let mut best: Option<(usize, T)> = None;
    for (name, target) in candidates {
        let d = levenshtein(&wanted, &normalize(name));
        if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, target));
        }
    }
    let limit = (wanted.chars().count() / 3).max(2);
    best.filter(|(d, _)| *d <= limit).map(|(_, t)| t)
}

/// Edit distance between two strings, in characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests;
