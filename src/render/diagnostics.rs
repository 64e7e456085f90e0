//! Printing diagnostics for people and machines: `human` (grouped per file, coloured on a
//! terminal), `short` (one line each), `json` (SPEC 3.3 shape), `github` (workflow
//! annotations), and `junit` and `gitlab` (`render::ci`). Returns strings; the caller prints them to stdout.

use std::fmt::Write as _;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::model::FileSummary;
use crate::text::{count_word, visible};

/// The output format for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// Grouped per file, for people.
    #[default]
    Human,
    /// One line per diagnostic.
    Short,
    /// One JSON object with `files` and `diagnostics`.
    Json,
    /// GitHub Actions workflow commands.
    Github,
    /// `JUnit` XML (`GitLab` test reports, Azure DevOps, Jenkins).
    Junit,
    /// `GitLab`'s Code Quality report.
    Gitlab,
}

/// What to print: the findings and the per-file counts.
pub struct Findings<'a> {
    /// Per-file row counts.
    pub files: &'a [FileSummary],
    /// All findings.
    pub diagnostics: &'a [Diagnostic],
    /// Path prefix of the input folder, for GitHub annotations.
    pub input_prefix: &'a str,
    /// Whether to colour the human format.
    pub color: bool,
    /// Whether warnings fail (`--deny-warnings`): `JUnit` marks them as failures then.
    pub deny_warnings: bool,
}

/// Formats the findings in `style`.
pub fn format(style: Style, f: &Findings<'_>) -> String {
    match style {
        Style::Human => human(f),
        Style::Short => f.diagnostics.iter().map(|d| short(d) + "\n").collect(),
        Style::Json => json(f),
        Style::Github => f
            .diagnostics
            .iter()
            .map(|d| github(d, f.input_prefix) + "\n")
            .collect(),
        Style::Junit => super::ci::junit(&ci_run(f)),
        Style::Gitlab => super::ci::gitlab(&ci_run(f)),
    }
}

fn ci_run<'a>(f: &Findings<'a>) -> super::ci::Run<'a> {
    super::ci::Run {
        files: f.files,
        diagnostics: f.diagnostics,
        input_prefix: f.input_prefix,
        deny_warnings: f.deny_warnings,
    }
}

/// `file:sheet!C7: error[type-error]: message`
pub fn short(d: &Diagnostic) -> String {
    // A finding about the whole run has no file; name the program instead.
    let location = if d.file.is_empty() {
        "redovisa".to_string()
    } else {
        d.location()
    };
    let mut s = format!(
        "{location}: {}[{}]: {}",
        d.severity.as_str(),
        d.code.as_str(),
        d.message
    );
    if let Some(h) = &d.hint {
        let _ = write!(s, " ({h})");
    }
    // File names and cell texts come from people: a line break or an escape code in one
    // must not start a line of its own (a forged `::error` in a CI log) or repaint a
    // terminal.
    visible(&s).into_owned()
}

fn json(f: &Findings<'_>) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        files: &'a [FileSummary],
        diagnostics: &'a [Diagnostic],
        tally: Tally,
    }
    let mut s = serde_json::to_string_pretty(&Out {
        files: f.files,
        diagnostics: f.diagnostics,
        tally: Tally::of(f.diagnostics),
    })
    .expect("diagnostics serialise");
    s.push('\n');
    s
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `::error file=input/x.xlsx,title=type-error::Insatser!C7: message`
pub fn github(d: &Diagnostic, prefix: &str) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Notice => "notice",
    };
    let place = match (&d.sheet, d.cell) {
        (Some(s), Some(c)) => format!("{s}!{c}: "),
        (Some(s), None) => format!("{s}: "),
        _ => String::new(),
    };
    let hint = d
        .hint
        .as_ref()
        .map(|h| format!(" ({h})"))
        .unwrap_or_default();
    let file = if d.file.is_empty() {
        String::new()
    } else {
        format!("file={},", escape_property(&format!("{prefix}{}", d.file)))
    };
    format!(
        "::{level} {file}title={}::{}",
        escape_property(d.code.as_str()),
        escape_data(&format!("{place}{}{hint}", d.message))
    )
}

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn human(f: &Findings<'_>) -> String {
    let mut out = String::new();
    let mut files: Vec<&str> = f.files.iter().map(|s| s.file.as_str()).collect();
    for d in f.diagnostics {
        if !files.contains(&d.file.as_str()) {
            files.push(&d.file);
        }
    }
    for file in files {
        let own: Vec<&Diagnostic> = f.diagnostics.iter().filter(|d| d.file == file).collect();
        let summary = f.files.iter().find(|s| s.file == file);
        let shown = visible(file);
        let title = match summary {
            Some(s) => format!(
                "{shown}{}: {}, {}, {}, {}",
                if s.administration.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", visible(&s.administration))
                },
                count_word(s.rows_read as u64, "rad läst", "rader lästa"),
                count_word(s.accepted as u64, "godkänd", "godkända"),
                count_word(s.rejected as u64, "avvisad", "avvisade"),
                count_word(s.skipped as u64, "överhoppad", "överhoppade")
            ),
            None if file.is_empty() => "Hela körningen".to_string(),
            None => shown.into_owned(),
        };
        let _ = writeln!(out, "{}", paint(f.color, "1", &title));
        for d in own {
            let code = match d.severity {
                Severity::Error => "31;1",
                Severity::Warning => "33;1",
                Severity::Notice => "36",
            };
            let word = d.severity.label();
            let place = match (&d.sheet, d.cell) {
                (Some(s), Some(c)) => format!("{}!{c}", visible(s)),
                (Some(s), None) => visible(s).into_owned(),
                _ => "filen".to_string(),
            };
            let _ = writeln!(
                out,
                "  {} {place}: {}",
                paint(f.color, code, &format!("{word}[{}]", d.code.as_str())),
                visible(&d.message)
            );
            if let Some(h) = &d.hint {
                let tips = paint(f.color, "2", "tips:");
                let _ = writeln!(out, "      {tips} {}", visible(h));
            }
        }
    }
    let t = Tally::of(f.diagnostics);
    let tally = format!(
        "{}, {}, {}",
        count_word(t.errors as u64, "fel", "fel"),
        count_word(t.warnings as u64, "varning", "varningar"),
        count_word(t.notices as u64, "notis", "notiser")
    );
    // Without workbooks (the national roll-up reads reports), the findings alone.
    let _ = if f.files.is_empty() {
        writeln!(out, "{tally}")
    } else {
        writeln!(
            out,
            "{}: {tally}",
            count_word(f.files.len() as u64, "fil", "filer")
        )
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{CellRef, Code};

    fn d() -> Diagnostic {
        Diagnostic::new(Severity::Error, Code::TypeError, "a.xlsx", "fel, värde: 1%")
            .in_sheet("Insatser")
            .at(CellRef::new(6, 2))
    }

    #[test]
    fn short_line() {
        assert_eq!(
            short(&d()),
            "a.xlsx:Insatser!C7: error[type-error]: fel, värde: 1%"
        );
    }

    #[test]
    fn line_breaks_and_escape_codes_from_people_are_shown_not_obeyed() {
        let forged = Diagnostic::new(
            Severity::Warning,
            Code::SkippedFile,
            "a\n::error file=x::falskt\u{1b}[2J.xlsx",
            "hoppas över",
        );
        assert_eq!(
            short(&forged),
            "a\\n::error file=x::falskt\\u{1b}[2J.xlsx: warning[skipped-file]: hoppas över"
        );
        let findings = Findings {
            files: &[],
            diagnostics: std::slice::from_ref(&forged),
            input_prefix: "",
            color: false,
            deny_warnings: false,
        };
        let text = human(&findings);
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.lines().all(|l| !l.starts_with("::")), "{text}");
    }

    #[test]
    fn a_file_without_an_administration_has_no_empty_brackets() {
        let files = [FileSummary {
            file: "50833.xls".into(),
            ..FileSummary::default()
        }];
        let findings = Findings {
            files: &files,
            diagnostics: &[],
            input_prefix: "",
            color: false,
            deny_warnings: false,
        };
        let text = human(&findings);
        assert!(text.starts_with("50833.xls: 0"), "{text}");
    }

    #[test]
    fn github_annotation_escapes() {
        assert_eq!(
            github(&d(), "input/"),
            "::error file=input/a.xlsx,title=type-error::Insatser!C7: fel, värde: 1%25"
        );
    }
}
