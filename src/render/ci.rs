//! The findings as the CI systems read them (SPEC 5): `JUnit` XML (`GitLab`'s test reports,
//! Azure DevOps, Jenkins) and `GitLab`'s Code Quality report (merge-request findings).
//!
//! `JUnit`: one `testsuite` per workbook, one `testcase` per rule checked there (a rule with
//! no finding passes); a rule with findings has a `testcase` per finding, failed
//! (`failure`) for an error, and for a warning under `--deny-warnings`; other warnings and
//! notices pass with their text in `system-out`. Findings about the whole run are the
//! suite `redovisa`.
//!
//! Code Quality: `GitLab`'s documented JSON array, one issue per finding: `description`,
//! `check_name` (the code), `fingerprint` (stable across runs: a hash of what the finding
//! says and where), `severity` (error `critical`, warning `minor`, notice `info`) and
//! `location` (`path` from the repository's root, `lines.begin` the cell's row, or 1).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::FileSummary;
use crate::text::visible;

/// The codes of findings about a run or another input than a workbook: not rules of a
/// workbook's suite.
const NOT_WORKBOOK_RULES: [Code; 9] = [
    Code::NoInput,
    Code::PreviousReport,
    Code::UnknownText,
    Code::OverAllocation,
    Code::NotAReport,
    Code::OtherYear,
    Code::DuplicateRegion,
    Code::UnknownRegion,
    Code::DraftReport,
];

/// What the CI formats are written from (the parts of `render::diagnostics::Findings`
/// they use).
pub struct Run<'a> {
    /// Per-file row counts: the workbooks read.
    pub files: &'a [FileSummary],
    /// All findings.
    pub diagnostics: &'a [Diagnostic],
    /// Path prefix of the input folder, from the repository's root.
    pub input_prefix: &'a str,
    /// Whether warnings fail.
    pub deny_warnings: bool,
}

/// The `JUnit` XML report.
pub fn junit(f: &Run<'_>) -> String {
    // Suites in order: the workbooks read, then other files with findings, then the run.
    let mut suites: BTreeMap<(u8, String), Vec<&Diagnostic>> = BTreeMap::new();
    for s in f.files {
        suites.entry((0, s.file.clone())).or_default();
    }
    for d in f.diagnostics {
        let key = if d.file.is_empty() {
            (2, String::new())
        } else if f.files.iter().any(|s| s.file == d.file) {
            (0, d.file.clone())
        } else {
            (1, d.file.clone())
        };
        suites.entry(key).or_default().push(d);
    }
    let mut body = String::new();
    let (mut tests, mut failures) = (0, 0);
    for ((kind, file), found) in &suites {
        let name = if file.is_empty() { "redovisa" } else { file };
        let path = if file.is_empty() {
            String::new()
        } else {
            format!("{}{file}", f.input_prefix)
        };
        let rules: Vec<Code> = if *kind == 0 {
            Code::WORDS
                .iter()
                .map(|(c, _)| *c)
                .filter(|c| !NOT_WORKBOOK_RULES.contains(c))
                .collect()
        } else {
            let mut codes: Vec<Code> = found.iter().map(|d| d.code).collect();
            codes.dedup();
            codes.sort();
            codes.dedup();
            codes
        };
        let mut cases = String::new();
        let (mut n, mut failed) = (0, 0);
        for rule in rules {
            let own: Vec<&&Diagnostic> = found.iter().filter(|d| d.code == rule).collect();
            if own.is_empty() {
                n += 1;
                let _ = writeln!(
                    cases,
                    "    <testcase classname=\"{}\" name=\"{}\"{}/>",
                    xml(name),
                    rule.as_str(),
                    file_attr(&path)
                );
                continue;
            }
            for d in own {
                n += 1;
                let place = match (&d.sheet, d.cell) {
                    (Some(s), Some(c)) => format!(" {s}!{c}"),
                    (Some(s), None) => format!(" {s}"),
                    _ => String::new(),
                };
                let text = message(d, f.input_prefix);
                let fails = d.severity == Severity::Error
                    || (f.deny_warnings && d.severity == Severity::Warning);
                let inner = if fails {
                    failed += 1;
                    format!(
                        "<failure type=\"{}\" message=\"{}\">{}</failure>",
                        rule.as_str(),
                        xml(&text),
                        xml(&text)
                    )
                } else {
                    format!("<system-out>{}</system-out>", xml(&text))
                };
                let _ = writeln!(
                    cases,
                    "    <testcase classname=\"{}\" name=\"{}{}\"{}>{inner}</testcase>",
                    xml(name),
                    rule.as_str(),
                    xml(&place),
                    file_attr(&path)
                );
            }
        }
        tests += n;
        failures += failed;
        let _ = write!(
            body,
            "  <testsuite name=\"{}\" tests=\"{n}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">\n{cases}  </testsuite>\n",
            xml(name)
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"redovisa\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n{body}</testsuites>\n"
    )
}

fn file_attr(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" file=\"{}\"", xml(path))
    }
}

/// What a finding says, with its place and hint, on one line.
fn message(d: &Diagnostic, prefix: &str) -> String {
    let at = if d.file.is_empty() {
        "redovisa".to_string()
    } else {
        format!("{prefix}{}", d.location())
    };
    let mut s = format!(
        "{at}: {} [{}]: {}",
        d.severity.label(),
        d.code.as_str(),
        d.message
    );
    if let Some(h) = &d.hint {
        let _ = write!(s, " ({h})");
    }
    visible(&s).into_owned()
}

/// Text as XML character data or an attribute value: control characters, which XML 1.0
/// cannot hold, shown as `\u{…}` by `visible`, then the five specials escaped.
fn xml(text: &str) -> String {
    crate::text::markup_escape(&visible(text))
}

/// One issue of `GitLab`'s Code Quality report.
#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
}

/// `GitLab`'s Code Quality report.
pub fn gitlab(f: &Run<'_>) -> String {
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    let issues: Vec<Issue> = f
        .diagnostics
        .iter()
        .map(|d| {
            let path = if d.file.is_empty() {
                f.input_prefix.trim_end_matches('/').to_string()
            } else {
                format!("{}{}", f.input_prefix, d.file)
            };
            let key = format!(
                "{}\u{0}{path}\u{0}{}\u{0}{}\u{0}{}",
                d.code.as_str(),
                d.sheet.as_deref().unwrap_or(""),
                d.cell.map(|c| c.to_string()).unwrap_or_default(),
                d.message
            );
            // Two identical findings get distinct fingerprints, the same on every run.
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            let fingerprint = fingerprint(&format!("{key}\u{0}{n}"));
            Issue {
                description: message(d, f.input_prefix),
                check_name: d.code.as_str(),
                fingerprint,
                severity: match d.severity {
                    Severity::Error => "critical",
                    Severity::Warning => "minor",
                    Severity::Notice => "info",
                },
                location: Location {
                    path: visible(&path).into_owned(),
                    lines: Lines {
                        begin: d.cell.map_or(1, crate::diagnostic::CellRef::excel_row),
                    },
                },
            }
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&issues).expect("issues serialise");
    s.push('\n');
    s
}

/// A stable 128-bit fingerprint in hex: two FNV-1a hashes of `text` (`GitLab` asks only
/// that it be unique and the same across runs).
fn fingerprint(text: &str) -> String {
    let fnv = |offset: u64| {
        text.bytes().fold(offset, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::CellRef;

    #[test]
    fn xml_specials_and_control_characters_are_escaped() {
        assert_eq!(
            xml("a<b & \"c\"\u{1b}"),
            "a&lt;b &amp; &quot;c&quot;\\u{1b}"
        );
    }

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        assert_eq!(fingerprint("x"), fingerprint("x"));
        assert_ne!(fingerprint("x"), fingerprint("y"));
        assert_eq!(fingerprint("x").len(), 32);
    }

    #[test]
    fn an_error_fails_its_rule_and_a_warning_only_under_deny_warnings() {
        let d = [
            Diagnostic::new(Severity::Error, Code::TypeError, "a.xlsx", "fel")
                .in_sheet("Insatser")
                .at(CellRef::new(6, 2)),
            Diagnostic::new(Severity::Warning, Code::UnknownColumn, "a.xlsx", "okänd"),
        ];
        let files = [crate::model::FileSummary {
            file: "a.xlsx".into(),
            ..Default::default()
        }];
        let mut f = Run {
            files: &files,
            diagnostics: &d,
            input_prefix: "input/",
            deny_warnings: false,
        };
        let xml = junit(&f);
        assert!(xml.contains("failures=\"1\""), "{xml}");
        assert!(xml.contains("name=\"type-error Insatser!C7\" file=\"input/a.xlsx\"><failure"));
        assert!(xml.contains("<system-out>input/a.xlsx: varning [unknown-column]"));
        f.deny_warnings = true;
        assert!(junit(&f).contains("<testsuite name=\"a.xlsx\" tests=\""));
        assert!(junit(&f).contains("failures=\"2\""));
        let json: serde_json::Value = serde_json::from_str(&gitlab(&f)).unwrap();
        assert_eq!(json[0]["location"]["lines"]["begin"], 7);
        assert_eq!(json[0]["severity"], "critical");
        assert_eq!(json[1]["location"]["lines"]["begin"], 1);
    }
}
