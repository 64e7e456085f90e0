//! Rendering: the report in every output format, streamed into the writers a [`Sink`]
//! gives (`write::Staging`, files in its staging folder); nothing here touches the file
//! system or the clock.

mod ci;
pub mod diagnostics;
pub mod format;
pub mod pdf;
pub mod templates;
pub mod xlsx;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use std::io::Write;

use crate::report::Report;
use templates::Templates;

/// Where the outputs go, one named file at a time.
pub trait Sink: Sync {
    /// Writes the output `name` through `write`, which gets a buffered writer.
    fn put<F>(&self, name: &str, write: F) -> Result<(), Error>
    where
        F: FnOnce(&mut (dyn Write + Send)) -> Result<(), Error>;

    /// Writes the output `name` from bytes in memory.
    fn put_bytes(&self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        self.put(name, |w| {
            w.write_all(bytes).map_err(|source| Error::Write {
                path: name.into(),
                source,
            })
        })
    }
}

/// Above this many initiatives the JSON is written compact rather than indented.
const COMPACT_JSON_ABOVE: usize = 20_000;

/// Seconds spent on each part of [`render`].
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderTimes {
    /// Rendering and writing the xlsx (one thread).
    pub xlsx: f64,
    /// Rendering and writing the HTML, Markdown, JSON and CSV, and the PDF's markup (the
    /// other thread).
    pub text: f64,
    /// Typesetting the PDF, after both.
    pub pdf: f64,
}

/// Renders all six outputs of SPEC section 3 into `staging`, one file at a time: the xlsx
/// on one thread and the text outputs (with the PDF's markup) on another; then, with the
/// report dropped, Typst typesets the PDF. Typst needs a few hundred MiB for a country's
/// tables, and the report as much again: one after the other, the peak is the larger of
/// the two, not their sum (BENCHMARKS.md).
pub fn render(
    report: Report,
    templates: &Templates,
    staging: &impl Sink,
) -> Result<RenderTimes, Error> {
    let y = report.year;
    let timed = |work: &dyn Fn() -> Result<(), Error>| {
        let start = std::time::Instant::now();
        work().map(|()| start.elapsed().as_secs_f64())
    };
    let markup = std::sync::Mutex::new(String::new());
    let (xlsx, text) = rayon::join(
        || {
            timed(&|| {
                let name = format!("redovisning-{y}.xlsx");
                staging.put(&name, |w| {
                    xlsx::write(&report, w).map_err(|e| xlsx::failed("tabellbilagan", &name, e))
                })
            })
        },
        || {
            timed(&|| {
                let context = templates::context(&report);
                for (template, ext) in templates::OUTPUTS {
                    staging.put(&format!("redovisning-{y}.{ext}"), |w| {
                        templates.render_to(template, &context, w)
                    })?;
                }
                let name = format!("redovisning-{y}.json");
                staging.put(&name, |w| {
                    json(&report, w).map_err(|source| Error::Write {
                        path: name.clone().into(),
                        source,
                    })
                })?;
                let name = format!("avvikelser-{y}.csv");
                staging.put(&name, |w| {
                    csv(report.diagnostics.iter(), w).map_err(|source| Error::Write {
                        path: name.clone().into(),
                        source,
                    })
                })?;
                *markup.lock().expect("no renderer panicked") =
                    templates.render_string(pdf::TEMPLATE, &context)?;
                Ok(())
            })
        },
    );
    let (xlsx, text) = (xlsx?, text?);
    let (ident, date) = (ident(&report), report.generated);
    drop(report);
    let markup = markup.into_inner().expect("no renderer panicked");
    let start = std::time::Instant::now();
    let bytes = pdf::typeset(markup, &ident, date)?;
    staging.put_bytes(&format!("redovisning-{y}.pdf"), &bytes)?;
    Ok(RenderTimes {
        xlsx,
        text,
        pdf: start.elapsed().as_secs_f64(),
    })
}

/// Renders the national view (`redovisa riket`, SPEC 7) into `staging`: `riket-Y.xlsx`,
/// `.html`, `.md`, `.pdf`, `.json` and `avvikelser-riket-Y.csv`.
pub fn render_riket(
    national: &crate::riket::National,
    templates: &Templates,
    staging: &impl Sink,
) -> Result<(), Error> {
    let y = national.year;
    let name = format!("riket-{y}.xlsx");
    staging.put(&name, |w| {
        xlsx::riket::write(national, w).map_err(|e| xlsx::failed("rikets tabeller", &name, e))
    })?;
    let context = templates::riket_context(national);
    for (template, ext) in templates::RIKET_OUTPUTS {
        staging.put(&format!("riket-{y}.{ext}"), |w| {
            templates.render_to(template, &context, w)
        })?;
    }
    let name = format!("riket-{y}.json");
    staging.put(&name, |w| {
        serde_json::to_writer_pretty(&mut *w, national)
            .map_err(std::io::Error::from)
            .and_then(|()| w.write_all(b"\n"))
            .map_err(|source| Error::Write {
                path: name.clone().into(),
                source,
            })
    })?;
    let name = format!("avvikelser-riket-{y}.csv");
    staging.put(&name, |w| {
        csv(national.diagnostics.iter(), w).map_err(|source| Error::Write {
            path: name.clone().into(),
            source,
        })
    })?;
    let markup = templates.render_string(templates::RIKET_PDF, &context)?;
    let bytes = pdf::typeset(markup, &format!("riket-{y}"), national.generated)?;
    staging.put_bytes(&format!("riket-{y}.pdf"), &bytes)
}

/// The PDF's stable identifier: region and year.
fn ident(report: &Report) -> String {
    format!("redovisning-{}-{}", report.region, report.year)
}

/// The PDF: the markup of [`pdf::TEMPLATE`] typeset, named by region and year.
pub fn typeset(
    report: &Report,
    templates: &Templates,
    context: &minijinja::Value,
) -> Result<Vec<u8>, Error> {
    let markup = templates.render_string(pdf::TEMPLATE, context)?;
    pdf::typeset(markup, &ident(report), report.generated)
}

/// The consolidated data as JSON (SPEC 3.3): indented, or compact for very large reports.
pub fn json(report: &Report, w: &mut dyn Write) -> std::io::Result<()> {
    if report.initiatives.len() > COMPACT_JSON_ABOVE {
        serde_json::to_writer(&mut *w, report)?;
    } else {
        serde_json::to_writer_pretty(&mut *w, report)?;
    }
    w.write_all(b"\n")
}

/// Every diagnostic, one per line: file, sheet, cell, severity, code, message; written
/// line by line into `w`.
pub fn csv<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    w.write_all(b"file,sheet,cell,severity,code,message\n")?;
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
        w.write_all(line.join(",").as_bytes())?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// A CSV field: quoted when it holds a separator, a quote or a line break; a field a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return; file names and cell texts come from people) gets a leading `'`, as
/// OWASP recommends, so that opening the list in Excel shows the text and runs nothing.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{CellRef, Code, Severity};

    fn csv_text(diagnostics: &[Diagnostic]) -> String {
        let mut out = Vec::new();
        csv(diagnostics, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

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
        let text = csv_text(&[d]);
        assert_eq!(
            text.lines().nth(1).unwrap(),
            "\"a,b.xlsx\",Insatser,C7,error,type-error,\"värdet \"\"x\"\" är fel\""
        );
    }

    #[test]
    fn csv_fields_that_would_run_as_formulas_are_defused() {
        let d = Diagnostic::new(
            Severity::Error,
            Code::TypeError,
            "=1+2+cmd.xlsx",
            "-kolumnen är fel",
        );
        let text = csv_text(&[d]);
        assert_eq!(
            text.lines().nth(1).unwrap(),
            "'=1+2+cmd.xlsx,,,error,type-error,'-kolumnen är fel"
        );
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\tx"), "'\tx");
        assert_eq!(csv_field("Närsjukvården.xlsx"), "Närsjukvården.xlsx");
    }
}
