//! Diagnostics: findings about the user's data, with a severity, a stable code and a
//! location (file, sheet, cell).
//!
//! Diagnostics are collected, never returned with `?`, so one run reports every problem.
//! This module owns the one conversion from 0-based cell coordinates to Excel's `C7`
//! form; it must not know how diagnostics are printed (that is `render::diagnostics`).

use serde::{Deserialize, Serialize, Serializer};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The data is wrong; the report cannot be published as it stands.
    Error,
    /// Probably a mistake, but the data can be used.
    Warning,
    /// Something was skipped or interpreted; for the record.
    Notice,
}

impl Severity {
    /// Every severity, most serious first, with its word in every output format (the
    /// JSON, the CSV, CI annotations) and its Swedish word for people: the one place
    /// they are written.
    pub const WORDS: [(Severity, &'static str, &'static str); 3] = [
        (Severity::Error, "error", "fel"),
        (Severity::Warning, "warning", "varning"),
        (Severity::Notice, "notice", "notis"),
    ];

    fn words(self) -> (&'static str, &'static str) {
        let (_, code, label) = Severity::WORDS[self as usize];
        (code, label)
    }

    /// The lowercase English word, as used in every output format.
    pub fn as_str(self) -> &'static str {
        self.words().0
    }

    /// The Swedish word: `fel`, `varning`, `notis`.
    pub fn label(self) -> &'static str {
        self.words().1
    }
}

/// Writes the serde impls of an enum whose values are words from its own table: the
/// table is the one place the words are written.
macro_rules! words_serde {
    ($ty:ident, $words:expr, $what:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<str>::deserialize(d)?;
                $words
                    .iter()
                    .find(|w| w.1 == text)
                    .map(|w| w.0)
                    .ok_or_else(|| {
                        serde::de::Error::custom(format!(concat!("okänd ", $what, " \"{}\""), text))
                    })
            }
        }

        #[cfg(test)]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let words: Vec<&str> = $words.iter().map(|w| w.1).collect();
                schemars::json_schema!({ "type": "string", "enum": words })
            }
        }
    };
}

words_serde!(Severity, Severity::WORDS, "allvarlighet");

/// Declares [`Code`] and its words from one list of variant, kebab-case code and meaning.
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal,)*) => {
        /// The stable, kebab-case identifier of a kind of finding.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code with its kebab-case word: the one place the words are written.
            pub const WORDS: &[(Code, &'static str)] = &[$((Code::$variant, $code),)*];

            /// The kebab-case code, e.g. `type-error`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }
        }
    };
}

codes! {
    /// A required sheet is missing.
    MissingSheet = "missing-sheet",
    /// A required column is missing.
    MissingColumn = "missing-column",
    /// A column header that is not recognised.
    UnknownColumn = "unknown-column",
    /// The same column appears twice.
    DuplicateColumn = "duplicate-column",
    /// Two sheets mean the same sheet.
    DuplicateSheet = "duplicate-sheet",
    /// A cell cannot be read as its column's type.
    TypeError = "type-error",
    /// An enumerated value that is not one of the allowed ones.
    UnknownValue = "unknown-value",
    /// A required value is blank.
    MissingValue = "missing-value",
    /// An initiative id used twice in one workbook.
    DuplicateId = "duplicate-id",
    /// The same indicator, unit and period twice in one workbook.
    DuplicateRow = "duplicate-row",
    /// Two workbooks for the same administration.
    DuplicateAdministration = "duplicate-administration",
    /// A value breaks a rule (negative money, end before start, ...).
    ConstraintError = "constraint-error",
    /// A formula without a cached value.
    FormulaWithoutValue = "formula-without-value",
    /// An Excel error value such as `#DIV/0!`.
    CellError = "cell-error",
    /// The file cannot be opened or read.
    FileUnreadable = "file-unreadable",
    /// A configured limit was exceeded.
    LimitExceeded = "limit-exceeded",
    /// A hand-made totals row was left out.
    TotalsRow = "totals-row",
    /// A hand-made totals row disagrees with the rows above it.
    TotalsMismatch = "totals-mismatch",
    /// A file in the input folder was skipped.
    SkippedFile = "skipped-file",
    /// Last year's report cannot be used for the comparison.
    PreviousReport = "previous-report",
    /// An initiative's id is last year's but its name is another's.
    ChangedInitiative = "changed-initiative",
    /// The input folder holds no workbook at all.
    NoInput = "no-input",
    /// The same indicator, unit and period in two workbooks.
    DuplicateUnit = "duplicate-unit",
    /// A unit's quarters or months do not cover the year.
    IncompletePeriod = "incomplete-period",
    /// A figure that cannot be true of the region (more listed than inhabitants).
    ImplausibleValue = "implausible-value",
    /// More agreement funds used than the region was allocated.
    OverAllocation = "over-allocation",
    /// A row whose reading failed inside the program; the row is rejected, not the file.
    RowUnreadable = "row-unreadable",
    /// A completed initiative without a result.
    MissingResult = "missing-result",
    /// A file of the region's texts whose name is no part of the report.
    UnknownText = "unknown-text",
    /// A file given to the national roll-up that is no region's report it can read.
    NotAReport = "not-a-report",
    /// A region's report of another year than the one rolled up.
    OtherYear = "other-year",
    /// Two reports of the same region.
    DuplicateRegion = "duplicate-region",
    /// A report from a region the national configuration does not list.
    UnknownRegion = "unknown-region",
    /// A region's report that is a draft (built despite errors in its input).
    DraftReport = "draft-report",
}

words_serde!(Code, Code::WORDS, "kod");

/// A cell position, 0-based, displayed as Excel's `C7`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    /// 0-based row.
    pub row: u32,
    /// 0-based column.
    pub col: u32,
}

impl CellRef {
    /// A cell at 0-based `row` and `col`.
    pub fn new(row: u32, col: u32) -> Self {
        CellRef { row, col }
    }

    /// The 1-based row number Excel shows.
    pub fn excel_row(self) -> u32 {
        self.row + 1
    }
}

/// The column letters Excel shows for a 0-based column (`0` → `A`, `26` → `AA`).
pub fn column_name(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

impl std::fmt::Display for CellRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", column_name(self.col), self.excel_row())
    }
}

impl Serialize for CellRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl CellRef {
    /// The cell Excel calls `text` (`C7`, `AA10`).
    pub fn parse(text: &str) -> Option<CellRef> {
        let letters = text.bytes().take_while(u8::is_ascii_uppercase).count();
        let (col, row) = text.split_at(letters);
        if letters == 0 || letters > 3 || row.is_empty() || !row.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let col = col
            .bytes()
            .fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1);
        let row: u32 = row.parse().ok()?;
        (row >= 1).then(|| CellRef::new(row - 1, col - 1))
    }
}

impl<'de> Deserialize<'de> for CellRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        CellRef::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{text}\" är ingen cell, som C7")))
    }
}

#[cfg(test)]
impl schemars::JsonSchema for CellRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Cell".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^[A-Z]{1,3}[1-9][0-9]*$" })
    }
}

/// One finding about the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// The file, relative to the input folder (empty for run-wide findings).
    pub file: String,
    /// The sheet, when the finding is inside one.
    pub sheet: Option<String>,
    /// The cell, when the finding is about one cell.
    pub cell: Option<CellRef>,
    /// What was found and what was expected, in Swedish.
    pub message: String,
    /// A suggestion, e.g. the closest known name.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A finding about a whole file.
    pub fn new(severity: Severity, code: Code, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            file: file.to_string(),
            sheet: None,
            cell: None,
            message: message.into(),
            hint: None,
        }
    }

    /// Places the finding in a sheet.
    pub fn in_sheet(mut self, sheet: &str) -> Self {
        self.sheet = Some(sheet.to_string());
        self
    }

    /// Places the finding at a cell.
    pub fn at(mut self, cell: CellRef) -> Self {
        self.cell = Some(cell);
        self
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// `file:sheet!C7`, the location as one string.
    pub fn location(&self) -> String {
        let mut s = self.file.clone();
        if let Some(sheet) = &self.sheet {
            s.push(':');
            s.push_str(sheet);
            if let Some(cell) = self.cell {
                s.push('!');
                s.push_str(&cell.to_string());
            }
        }
        s
    }
}

/// Counts of diagnostics by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Tally {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Number of notices.
    pub notices: usize,
}

impl Tally {
    /// Counts `diagnostics` by severity.
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut tally = Tally::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
                Severity::Notice => tally.notices += 1,
            }
        }
        tally
    }
}

/// Sorts diagnostics into a stable order: by file, sheet, row, column, code.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (
            &a.file,
            &a.sheet,
            a.cell.map(|c| (c.row, c.col)),
            a.code,
            &a.message,
        )
            .cmp(&(
                &b.file,
                &b.sheet,
                b.cell.map(|c| (c.row, c.col)),
                b.code,
                &b.message,
            ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_follow_excel() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        assert_eq!(column_name(16383), "XFD");
    }

    #[test]
    fn cell_ref_displays_one_based_row() {
        assert_eq!(CellRef::new(6, 2).to_string(), "C7");
    }

    #[test]
    fn cells_and_words_read_back_as_written() {
        for (row, col) in [(0, 0), (6, 2), (99, 26), (1_048_575, 16_383)] {
            let cell = CellRef::new(row, col);
            assert_eq!(CellRef::parse(&cell.to_string()), Some(cell));
        }
        assert_eq!(CellRef::parse("A0"), None);
        assert_eq!(CellRef::parse("7C"), None);
        for (code, word) in Code::WORDS {
            assert_eq!(code.as_str(), *word);
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), *code);
        }
        assert_eq!(Severity::Warning.label(), "varning");
        assert!(serde_json::from_str::<Severity>("\"fatal\"").is_err());
    }

    #[test]
    fn location_joins_file_sheet_and_cell() {
        let d = Diagnostic::new(Severity::Error, Code::TypeError, "a.xlsx", "x")
            .in_sheet("Insatser")
            .at(CellRef::new(0, 0));
        assert_eq!(d.location(), "a.xlsx:Insatser!A1");
    }
}
