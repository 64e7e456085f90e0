//! The typed records that validation produces and consolidation consumes: initiatives,
//! indicator values, per-file row counts and rejected rows.
//!
//! Plain data only; no reading, no judging, no arithmetic beyond what a record says of
//! itself.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::value::{Date, Period};

/// An initiative's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Planned, not started.
    Planned,
    /// Running.
    Ongoing,
    /// Completed.
    Completed,
    /// Cancelled.
    Cancelled,
}

impl Status {
    /// Every status in the workbooks' and tables' order, with its Swedish label (as the
    /// workbooks write it, and as the JSON does) and its adjective for one initiative and
    /// for several: the one place the words are written.
    pub const WORDS: [(Status, &'static str, &'static str, &'static str); 4] = [
        (Status::Planned, "Planerad", "planerad", "planerade"),
        (Status::Ongoing, "Pågående", "pågående", "pågående"),
        (Status::Completed, "Genomförd", "genomförd", "genomförda"),
        (Status::Cancelled, "Avbruten", "avbruten", "avbrutna"),
    ];

    /// All statuses, in the tables' order.
    pub const ALL: [Status; 4] = [
        Status::Planned,
        Status::Ongoing,
        Status::Completed,
        Status::Cancelled,
    ];

    /// The statuses in the order the report tells them (SPEC 3.4): what is done first.
    pub const REPORT_ORDER: [Status; 4] = [
        Status::Completed,
        Status::Ongoing,
        Status::Planned,
        Status::Cancelled,
    ];

    /// The status as a Swedish adjective for `n` initiatives: `genomförd`, `genomförda`.
    pub fn adjective(self, n: u64) -> &'static str {
        let (_, _, one, several) = Status::WORDS[self as usize];
        if n == 1 { one } else { several }
    }

    /// The Swedish label, as written in the workbooks.
    pub fn label(self) -> &'static str {
        Status::WORDS[self as usize].1
    }

    /// The label, for the serde impls.
    fn as_str(self) -> &'static str {
        self.label()
    }
}

impl Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        Status::WORDS
            .iter()
            .find(|w| w.1 == text)
            .map(|w| w.0)
            .ok_or_else(|| serde::de::Error::custom(format!("okänd status \"{text}\"")))
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Status {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Status".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let words: Vec<&str> = Status::WORDS.iter().map(|w| w.1).collect();
        schemars::json_schema!({ "type": "string", "enum": words })
    }
}

/// SKR's four shifts (förflyttningar), numbered 1–4.
pub const SHIFTS: [&str; 4] = [
    "Från fokus på organisation till fokus på person och relation",
    "Från invånare och patient som passiv mottagare till aktiv medskapare",
    "Från reaktiv till proaktiv och hälsofrämjande",
    "Från isolerade vård- och omsorgsinsatser till samordning utifrån personens fokus",
];

/// An initiative's free texts — id, name, target group, description, result, contact —
/// in one allocation. A national run keeps 600 000 initiatives; six strings each would be
/// six allocations and 144 bytes of string headers per initiative.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Texts {
    text: Box<str>,
    /// Where each field ends in `text` (each begins where the one before it ends).
    ends: [u32; Texts::FIELDS],
    /// Bit `k` set: field `k` is absent (`None`), not empty.
    absent: u8,
}

impl Texts {
    const FIELDS: usize = 6;

    /// The texts of an initiative.
    pub fn new(
        id: &str,
        name: &str,
        target_group: Option<&str>,
        description: Option<&str>,
        result: Option<&str>,
        contact: Option<&str>,
    ) -> Self {
        let fields = [
            Some(id),
            Some(name),
            target_group,
            description,
            result,
            contact,
        ];
        let mut text = String::with_capacity(fields.iter().flatten().map(|f| f.len()).sum());
        let mut ends = [0; Texts::FIELDS];
        let mut absent = 0;
        for (k, field) in fields.iter().enumerate() {
            match field {
                Some(f) => text.push_str(f),
                None => absent |= 1 << k,
            }
            // A cell holds at most a few tens of thousands of characters (the configured
            // limit), so six of them fit u32 offsets.
            ends[k] = u32::try_from(text.len()).expect("an initiative's texts fit in 4 GiB");
        }
        Texts {
            text: text.into_boxed_str(),
            ends,
            absent,
        }
    }

    fn field(&self, k: usize) -> Option<&str> {
        if self.absent & (1 << k) != 0 {
            return None;
        }
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        Some(&self.text[start..self.ends[k] as usize])
    }
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries((0..Texts::FIELDS).map(|k| self.field(k)))
            .finish()
    }
}

/// One accepted initiative. Money is kept in öre, so sums are exact, and serialised in
/// kronor (`budget_kr`, ...), so the record is published as it is, without a copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Initiative {
    /// The administration that reported it (shared by the file's records).
    pub administration: Arc<str>,
    /// Id (given or `<file stem>-<row>`), name, target group, description, result and
    /// contact person: see the methods of the same names.
    pub texts: Texts,
    /// Area code (shared by every initiative of the area).
    pub area: Arc<str>,
    /// Area label (shared by every initiative of the area).
    pub area_label: Arc<str>,
    /// Shift, 1–4.
    pub shift: Option<u8>,
    /// Status.
    pub status: Status,
    /// Start date.
    pub start: Option<Date>,
    /// End date.
    pub end: Option<Date>,
    /// Budget in öre.
    pub budget_ore: Option<i64>,
    /// Funds spent in öre.
    pub spent_ore: Option<i64>,
    /// Of which agreement funds, in öre.
    pub agreement_ore: Option<i64>,
    /// Cooperation with a municipality.
    pub municipal_cooperation: Option<bool>,
    /// The file it came from, relative to the input folder (shared by the file's
    /// records).
    pub file: Arc<str>,
    /// Excel row number (1-based) in the `Insatser` sheet.
    pub row: u32,
}

impl Initiative {
    /// Id, given or `<file stem>-<row>`.
    pub fn id(&self) -> &str {
        self.texts.field(0).unwrap_or_default()
    }

    /// Name.
    pub fn name(&self) -> &str {
        self.texts.field(1).unwrap_or_default()
    }

    /// Target group.
    pub fn target_group(&self) -> Option<&str> {
        self.texts.field(2)
    }

    /// Description.
    pub fn description(&self) -> Option<&str> {
        self.texts.field(3)
    }

    /// Result.
    pub fn result(&self) -> Option<&str> {
        self.texts.field(4)
    }

    /// Contact person.
    pub fn contact(&self) -> Option<&str> {
        self.texts.field(5)
    }

    /// Budget in kronor.
    pub fn budget_kr(&self) -> Option<f64> {
        self.budget_ore.map(|o| crate::value::Ore(o).kronor())
    }

    /// Funds spent in kronor.
    pub fn spent_kr(&self) -> Option<f64> {
        self.spent_ore.map(|o| crate::value::Ore(o).kronor())
    }

    /// Of which agreement funds, in kronor.
    pub fn agreement_funds_kr(&self) -> Option<f64> {
        self.agreement_ore.map(|o| crate::value::Ore(o).kronor())
    }
}

/// An initiative as it is published (JSON, templates): the texts as fields, money in
/// kronor. `Initiative` is written through this form and read back from it.
#[derive(Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename = "Initiative")]
struct Published<'a> {
    #[serde(borrow)]
    administration: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    name: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    area: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    area_label: std::borrow::Cow<'a, str>,
    shift: Option<u8>,
    status: Status,
    start: Option<Date>,
    end: Option<Date>,
    budget_kr: Option<crate::value::Ore>,
    spent_kr: Option<crate::value::Ore>,
    agreement_funds_kr: Option<crate::value::Ore>,
    municipal_cooperation: Option<bool>,
    #[serde(borrow)]
    target_group: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    description: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    result: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    contact: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    file: std::borrow::Cow<'a, str>,
    row: u32,
}

impl Serialize for Initiative {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use std::borrow::Cow::Borrowed;
        let ore = |o: Option<i64>| o.map(crate::value::Ore);
        Published {
            administration: Borrowed(&self.administration),
            id: Borrowed(self.id()),
            name: Borrowed(self.name()),
            area: Borrowed(&self.area),
            area_label: Borrowed(&self.area_label),
            shift: self.shift,
            status: self.status,
            start: self.start,
            end: self.end,
            budget_kr: ore(self.budget_ore),
            spent_kr: ore(self.spent_ore),
            agreement_funds_kr: ore(self.agreement_ore),
            municipal_cooperation: self.municipal_cooperation,
            target_group: self.target_group().map(Borrowed),
            description: self.description().map(Borrowed),
            result: self.result().map(Borrowed),
            contact: self.contact().map(Borrowed),
            file: Borrowed(&self.file),
            row: self.row,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Initiative {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let p = Published::deserialize(d)?;
        Ok(Initiative {
            administration: p.administration.as_ref().into(),
            texts: Texts::new(
                &p.id,
                &p.name,
                p.target_group.as_deref(),
                p.description.as_deref(),
                p.result.as_deref(),
                p.contact.as_deref(),
            ),
            area: p.area.as_ref().into(),
            area_label: p.area_label.as_ref().into(),
            shift: p.shift,
            status: p.status,
            start: p.start,
            end: p.end,
            budget_ore: p.budget_kr.map(|o| o.0),
            spent_ore: p.spent_kr.map(|o| o.0),
            agreement_ore: p.agreement_funds_kr.map(|o| o.0),
            municipal_cooperation: p.municipal_cooperation,
            file: p.file.as_ref().into(),
            row: p.row,
        })
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Initiative {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Initiative".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Published::json_schema(generator)
    }
}

/// One accepted indicator row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorValue {
    /// The file it came from (shared by the file's records).
    pub file: Arc<str>,
    /// The administration that reported it (shared by the file's records).
    pub administration: Arc<str>,
    /// Indicator code (shared by every value of the indicator).
    pub indicator: Arc<str>,
    /// The unit measured, if given (shared by the file's values of that unit).
    pub unit: Option<Arc<str>>,
    /// The period.
    pub period: Period,
    /// Numerator.
    pub numerator: f64,
    /// Denominator (absent for counts).
    pub denominator: Option<f64>,
    /// The id of the initiative of the same file whose result the row measures
    /// (`Insats-id`), shared by the file's values that name it.
    pub initiative: Option<Arc<str>>,
    /// Excel row number (1-based). The row's comment is checked when read and not kept:
    /// no output uses it, and a national run has half a million indicator rows.
    pub row: u32,
}

/// Where a file's indicator values stand: the sheet and the columns, so that findings
/// made across files (`duplicate-unit`, `incomplete-period`) can name their cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorLayout {
    /// The sheet's name as written.
    pub sheet: String,
    /// 0-based columns of `Enhet`, `Period`, `Täljare` and `Nämnare` (the first column
    /// when the sheet lacks one).
    pub unit: u32,
    /// See `unit`.
    pub period: u32,
    /// See `unit`.
    pub numerator: u32,
    /// See `unit`.
    pub denominator: u32,
}

/// Where a file's initiatives' money stands: the sheet and the columns of `Budget`,
/// `Använda medel` and `Varav överenskommelsemedel`, so that a finding made across files
/// (a sum past the range) can name its cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InitiativeLayout {
    /// The sheet's name as written.
    pub sheet: String,
    /// 0-based columns of the three money columns (the first column when one is absent).
    pub money: [u32; 3],
}

/// How much of the year a unit's figures cover (SPEC 2.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "coverage", rename_all = "snake_case")]
pub enum Coverage {
    /// A year row, or quarters or months that cover the year.
    Full,
    /// A flow whose quarters or months leave gaps: published on its own row and left
    /// out of its administration's and the region's year value.
    Partial {
        /// The periods given.
        reported: Vec<Period>,
        /// The periods of the same kind that are missing.
        missing: Vec<Period>,
    },
    /// A stock taken at its latest period (`last`), which lies before the year's last
    /// quarter. Counted, with a warning.
    Stale {
        /// The latest period given.
        latest: Period,
    },
}

/// One unit's year figure for one indicator, formed from its rows by the indicator's
/// flow and stock rules. The unit is the administration itself when `unit` is `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitYear {
    /// The file the rows came from.
    pub file: Arc<str>,
    /// The administration.
    pub administration: Arc<str>,
    /// Indicator code.
    pub indicator: Arc<str>,
    /// The unit as first written, or `None` for rows without a unit.
    pub unit: Option<Arc<str>>,
    /// The year's numerator.
    pub numerator: f64,
    /// The year's denominator (`None` for counts).
    pub denominator: Option<f64>,
    /// Whether the rows cover the year.
    pub coverage: Coverage,
    /// The Excel row of the unit's latest period, to point a finding at.
    pub row: u32,
}

impl UnitYear {
    /// Whether the figure counts in its administration's and the region's year value.
    pub fn counts(&self) -> bool {
        !matches!(self.coverage, Coverage::Partial { .. })
    }
}

/// Row counts for one file. `rows_read = accepted + rejected + skipped`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct FileSummary {
    /// The file, relative to the input folder.
    pub file: String,
    /// The administration (from `Uppgifter`, else the file name).
    pub administration: String,
    /// Data rows read below the header rows.
    pub rows_read: usize,
    /// Rows that became initiatives or indicator values.
    pub accepted: usize,
    /// Rows left out because of errors.
    pub rejected: usize,
    /// Blank rows and totals rows.
    pub skipped: usize,
}

/// A data row left out of the report, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RejectedRow {
    /// The file.
    pub file: String,
    /// The sheet.
    pub sheet: String,
    /// Excel row number (1-based).
    pub row: u32,
    /// The reasons, one per error found on the row.
    pub reasons: Vec<String>,
}

/// The contact details from `Uppgifter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Contact {
    /// Contact person.
    pub name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// Submission date.
    pub submitted: Option<Date>,
}

/// Everything validation made of one workbook.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    /// Row counts (and the file and administration names).
    pub summary: FileSummary,
    /// Contact details.
    pub contact: Contact,
    /// Accepted initiatives.
    pub initiatives: Vec<Initiative>,
    /// Accepted indicator values.
    pub indicators: Vec<IndicatorValue>,
    /// Where the indicator values stand, when the file has an indicator sheet.
    pub indicator_layout: Option<IndicatorLayout>,
    /// Where the initiatives' money stands, when the file has an initiative sheet.
    pub initiative_layout: Option<InitiativeLayout>,
    /// Rejected rows.
    pub rejected: Vec<RejectedRow>,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_keep_each_field_and_tell_absent_from_empty() {
        let t = Texts::new(
            "A-1",
            "Hälsosamtal",
            None,
            Some(""),
            Some("Klart åäö"),
            None,
        );
        let fields: Vec<Option<&str>> = (0..Texts::FIELDS).map(|k| t.field(k)).collect();
        assert_eq!(
            fields,
            [
                Some("A-1"),
                Some("Hälsosamtal"),
                None,
                Some(""),
                Some("Klart åäö"),
                None
            ]
        );
        assert_eq!(&*t.text, "A-1HälsosamtalKlart åäö");
    }

    #[test]
    fn an_initiative_reads_back_as_it_was_published() {
        let i = Initiative {
            administration: "Psykiatrin".into(),
            texts: Texts::new("P-7", "Mottagning", Some("Unga"), None, Some("Klart"), None),
            area: "digital".into(),
            area_label: "Digital".into(),
            shift: Some(2),
            status: Status::Completed,
            start: Date::new(2025, 1, 1),
            end: None,
            budget_ore: Some(150_050),
            spent_ore: Some(1),
            agreement_ore: None,
            municipal_cooperation: Some(false),
            file: "psykiatrin.xlsx".into(),
            row: 9,
        };
        let json = serde_json::to_string(&i).unwrap();
        let back: Initiative = serde_json::from_str(&json).unwrap();
        assert_eq!(back, i);
    }

    #[test]
    fn an_initiative_is_published_with_its_texts_as_fields_in_order() {
        let i = Initiative {
            administration: "Psykiatrin".into(),
            texts: Texts::new("P-7", "Mottagning", Some("Unga"), None, None, Some("Kim")),
            area: "digital".into(),
            area_label: "Digital".into(),
            shift: Some(2),
            status: Status::Ongoing,
            start: None,
            end: None,
            budget_ore: Some(150_050),
            spent_ore: None,
            agreement_ore: None,
            municipal_cooperation: Some(true),
            file: "psykiatrin.xlsx".into(),
            row: 9,
        };
        assert_eq!(
            serde_json::to_string(&i).unwrap(),
            r#"{"administration":"Psykiatrin","id":"P-7","name":"Mottagning","area":"digital","area_label":"Digital","shift":2,"status":"Pågående","start":null,"end":null,"budget_kr":1500.5,"spent_kr":null,"agreement_funds_kr":null,"municipal_cooperation":true,"target_group":"Unga","description":null,"result":null,"contact":"Kim","file":"psykiatrin.xlsx","row":9}"#
        );
    }
}
