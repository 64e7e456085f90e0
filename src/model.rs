//! The typed records that validation produces and consolidation consumes: initiatives,
//! indicator values, per-file row counts and rejected rows.
//!
//! Plain data only; no reading, no judging, no arithmetic beyond what a record says of
//! itself.

use std::sync::Arc;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::value::{Date, Period};

/// An initiative's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Status {
    /// Planned, not started.
    #[serde(rename = "Planerad")]
    Planned,
    /// Running.
    #[serde(rename = "Pågående")]
    Ongoing,
    /// Completed.
    #[serde(rename = "Genomförd")]
    Completed,
    /// Cancelled.
    #[serde(rename = "Avbruten")]
    Cancelled,
}

impl Status {
    /// All statuses, in report order.
    pub const ALL: [Status; 4] = [
        Status::Planned,
        Status::Ongoing,
        Status::Completed,
        Status::Cancelled,
    ];

    /// The Swedish label, as written in the workbooks.
    pub fn label(self) -> &'static str {
        match self {
            Status::Planned => "Planerad",
            Status::Ongoing => "Pågående",
            Status::Completed => "Genomförd",
            Status::Cancelled => "Avbruten",
        }
    }
}

/// SKR's four shifts (förflyttningar), numbered 1–4.
pub const SHIFTS: [&str; 4] = [
    "Från fokus på organisation till fokus på person och relation",
    "Från invånare och patient som passiv mottagare till aktiv medskapare",
    "Från reaktiv till proaktiv och hälsofrämjande",
    "Från isolerade vård- och omsorgsinsatser till samordning utifrån personens fokus",
];

/// One accepted initiative. Money is kept in öre, so sums are exact, and serialised in
/// kronor (`budget_kr`, ...), so the record is published as it is, without a copy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Initiative {
    /// The administration that reported it (shared by the file's records).
    pub administration: Arc<str>,
    /// Id, given or `<file stem>-<row>`.
    pub id: String,
    /// Name.
    pub name: String,
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
    #[serde(rename = "budget_kr", serialize_with = "as_kronor")]
    pub budget_ore: Option<i64>,
    /// Funds spent in öre.
    #[serde(rename = "spent_kr", serialize_with = "as_kronor")]
    pub spent_ore: Option<i64>,
    /// Of which agreement funds, in öre.
    #[serde(rename = "agreement_funds_kr", serialize_with = "as_kronor")]
    pub agreement_ore: Option<i64>,
    /// Cooperation with a municipality.
    pub municipal_cooperation: Option<bool>,
    /// Target group.
    pub target_group: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Result.
    pub result: Option<String>,
    /// Contact person.
    pub contact: Option<String>,
    /// The file it came from, relative to the input folder (shared by the file's
    /// records).
    pub file: Arc<str>,
    /// Excel row number (1-based) in the `Insatser` sheet.
    pub row: u32,
}

impl Initiative {
    /// Budget in kronor.
    pub fn budget_kr(&self) -> Option<f64> {
        self.budget_ore.map(crate::consolidate::kronor)
    }

    /// Funds spent in kronor.
    pub fn spent_kr(&self) -> Option<f64> {
        self.spent_ore.map(crate::consolidate::kronor)
    }

    /// Of which agreement funds, in kronor.
    pub fn agreement_funds_kr(&self) -> Option<f64> {
        self.agreement_ore.map(crate::consolidate::kronor)
    }
}

fn as_kronor<S: serde::Serializer>(ore: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    ore.map(crate::consolidate::kronor).serialize(s)
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
    /// The unit measured, if given.
    pub unit: Option<String>,
    /// The period.
    pub period: Period,
    /// Numerator.
    pub numerator: f64,
    /// Denominator (absent for counts).
    pub denominator: Option<f64>,
    /// The initiative it belongs to.
    pub initiative_id: Option<String>,
    /// Comment.
    pub comment: Option<String>,
    /// Excel row number (1-based).
    pub row: u32,
}

/// Row counts for one file. `rows_read = accepted + rejected + skipped`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Rejected rows.
    pub rejected: Vec<RejectedRow>,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}
