//! Diagnostics: findings about the user's data, with a severity, a stable code and a
//! location (file, sheet, cell).
//!
//! Diagnostics are collected, never returned with `?`, so one run reports every problem.
//! This module owns the one conversion from 0-based cell coordinates to Excel's `C7`
//! form; it must not know how diagnostics are printed (that is `render::diagnostics`).

use serde::{Serialize, Serializer};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The data is wrong; the report cannot be published as it stands.
    Error,
    /// Probably a mistake, but the data can be used.
    Warning,
    /// Something was skipped or interpreted; for the record.
    Notice,
}

impl Severity {
    /// The lowercase English word, as used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
        }
    }
}

/// The stable, kebab-case identifier of a kind of finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A required sheet is missing.
    MissingSheet,
    /// A required column is missing.
    MissingColumn,
    /// A column header that is not recognised.
    UnknownColumn,
    /// The same column appears twice.
    DuplicateColumn,
    /// Two sheets mean the same sheet.
    DuplicateSheet,
    /// A cell cannot be read as its column's type.
    TypeError,
    /// An enumerated value that is not one of the allowed ones.
    UnknownValue,
    /// A required value is blank.
    MissingValue,
    /// An initiative id used twice in one workbook.
    DuplicateId,
    /// The same indicator, unit and period twice in one workbook.
    DuplicateRow,
    /// Two workbooks for the same administration.
    DuplicateAdministration,
    /// A value breaks a rule (negative money, end before start, ...).
    ConstraintError,
    /// A formula without a cached value.
    FormulaWithoutValue,
    /// An Excel error value such as `#DIV/0!`.
    CellError,
    /// The file cannot be opened or read.
    FileUnreadable,
    /// A configured limit was exceeded.
    LimitExceeded,
    /// A hand-made totals row was left out.
    TotalsRow,
    /// A hand-made totals row disagrees with the rows above it.
    TotalsMismatch,
    /// A file in the input folder was skipped.
    SkippedFile,
    /// Last year's report cannot be used for the comparison.
    PreviousReport,
    /// An initiative's id is last year's but its name is another's.
    ChangedInitiative,
    /// The input folder holds no workbook at all.
    NoInput,
    /// The same indicator, unit and period in two workbooks.
    DuplicateUnit,
    /// A unit's quarters or months do not cover the year.
    IncompletePeriod,
    /// A figure that cannot be true of the region (more listed than inhabitants).
    ImplausibleValue,
    /// More agreement funds used than the region was allocated.
    OverAllocation,
    /// A row whose reading failed inside the program; the row is rejected, not the file.
    RowUnreadable,
    /// A completed initiative without a result.
    MissingResult,
    /// A file of the region's texts whose name is no part of the report.
    UnknownText,
}

impl Code {
    /// The kebab-case code, e.g. `type-error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::MissingSheet => "missing-sheet",
            Code::MissingColumn => "missing-column",
            Code::UnknownColumn => "unknown-column",
            Code::DuplicateColumn => "duplicate-column",
            Code::DuplicateSheet => "duplicate-sheet",
            Code::TypeError => "type-error",
            Code::UnknownValue => "unknown-value",
            Code::MissingValue => "missing-value",
            Code::DuplicateId => "duplicate-id",
            Code::DuplicateRow => "duplicate-row",
            Code::DuplicateAdministration => "duplicate-administration",
            Code::ConstraintError => "constraint-error",
            Code::FormulaWithoutValue => "formula-without-value",
            Code::CellError => "cell-error",
            Code::FileUnreadable => "file-unreadable",
            Code::LimitExceeded => "limit-exceeded",
            Code::TotalsRow => "totals-row",
            Code::TotalsMismatch => "totals-mismatch",
            Code::SkippedFile => "skipped-file",
            Code::PreviousReport => "previous-report",
            Code::ChangedInitiative => "changed-initiative",
            Code::NoInput => "no-input",
            Code::DuplicateUnit => "duplicate-unit",
            Code::IncompletePeriod => "incomplete-period",
            Code::ImplausibleValue => "implausible-value",
            Code::OverAllocation => "over-allocation",
            Code::RowUnreadable => "row-unreadable",
            Code::MissingResult => "missing-result",
            Code::UnknownText => "unknown-text",
        }
    }
}

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

/// One finding about the data.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
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
    fn location_joins_file_sheet_and_cell() {
        let d = Diagnostic::new(Severity::Error, Code::TypeError, "a.xlsx", "x")
            .in_sheet("Insatser")
            .at(CellRef::new(0, 0));
        assert_eq!(d.location(), "a.xlsx:Insatser!A1");
    }
}
