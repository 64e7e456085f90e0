//! Rendering: the report to bytes in every output format, in memory. Writing the files is
//! `write`'s job; nothing here touches the file system or the clock.

pub mod diagnostics;
pub mod format;
pub mod templates;
pub mod xlsx;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::report::Report;
use templates::Templates;

/// One output file: its name in the output folder and its bytes.
pub type Output = (String, Vec<u8>);

/// Renders all five outputs of SPEC section 3.
pub fn render(report: &Report, templates: &Templates) -> Result<Vec<Output>, Error> {
    let y = report.year;
    let mut out = vec![(format!("redovisning-{y}.xlsx"), xlsx::render(report)?)];
    for (template, ext) in templates::OUTPUTS {
        let text = templates.render(template, report)?;
        out.push((format!("redovisning-{y}.{ext}"), text.into_bytes()));
    }
    out.push((format!("redovisning-{y}.json"), json(report).into_bytes()));
    out.push((
        format!("avvikelser-{y}.csv"),
        csv(&report.diagnostics).into_bytes(),
    ));
    Ok(out)
}

/// The consolidated data as pretty JSON (SPEC 3.3).
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("the report serialises");
    s.push('\n');
    s
}

/// Every diagnostic, one per line: file, sheet, cell, severity, code, message.
pub fn csv(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::from("file,sheet,cell,severity,code,message\n");
    for d in diagnostics {
        let message = match &d.hint {
            Some(h) => format!("{} ({h})", d.message),
            None => d.message.clone(),
        };
        let fields = [
            d.file.clone(),
            d.sheet.clone().unwrap_or_default(),
            d.cell.map(|c| c.to_string()).unwrap_or_default(),
            d.severity.as_str().to_string(),
            d.code.as_str().to_string(),
            message,
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{CellRef, Code, Severity};

    #[test]
    fn csv_quotes_fields_with_commas_and_quotes() {
        let d = Diagnostic::new(
            Severity::Error,
            Code::TypeError,
            "a,b.xlsx",
            "värdet \"x\" är fel",
        )
        .in_sheet("Insatser")
        .at(CellRef::new(6, 2));
        let text = csv(&[d]);
        assert_eq!(
            text.lines().nth(1).unwrap(),
            "\"a,b.xlsx\",Insatser,C7,error,type-error,\"värdet \"\"x\"\" är fel\""
        );
    }
}
