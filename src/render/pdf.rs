//! The PDF (SPEC 3.2a): Typst markup, rendered by the analysts' `report.typ.j2` like the
//! other templates, typeset by Typst inside the program.
//!
//! The Typst "world" here is closed: the one source file, the fonts shipped in
//! `typst-assets` (embedded in the binary and in the PDF), and the report's date as
//! `today`. It reads no file, asks no network and looks at no clock, so the same markup
//! gives the same bytes on every run.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::error::Error;
use crate::value::Date;

/// The template that gives the PDF's markup.
pub const TEMPLATE: &str = "report.typ.j2";

/// The fonts, parsed once per process (a few milliseconds, but `templates check` and
/// tests typeset more than once).
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
    })
}

/// Typst's standard library, built once.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// One document to typeset: its markup and the report's date.
struct Document {
    main: FileId,
    source: Source,
    date: Date,
}

impl World for Document {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            Ok(Bytes::from_string(self.source.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        datetime(self.date)
    }
}

/// The error for any file but the document: templates cannot read the disk.
fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}

fn datetime(date: Date) -> Option<Datetime> {
    Datetime::from_ymd(date.year, date.month, date.day)
}

/// Typesets `markup` (rendered from [`TEMPLATE`]) into PDF bytes. `ident` names the
/// document stably (region and year), and `date` is the report's date: both go into the
/// PDF's metadata, so that reruns are byte-identical.
pub fn typeset(markup: String, ident: &str, date: Date) -> Result<Vec<u8>, Error> {
    let path = VirtualPath::new("/redovisning.typ").expect("a valid path");
    let main = FileId::new(RootedPath::new(VirtualRoot::Project, path));
    let document = Document {
        main,
        source: Source::new(main, markup),
        date,
    };
    let warned = typst::compile::<PagedDocument>(&document);
    let paged = warned
        .output
        .map_err(|errors| explain(&document, &errors))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("redovisa {}", env!("CARGO_PKG_VERSION")))),
        timestamp: datetime(date).map(typst_pdf::Timestamp::new_utc),
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&paged, &options).map_err(|errors| explain(&document, &errors))
}

/// A Typst error as a template error: the message, and the line of generated markup it
/// points at (the analyst edits `report.typ.j2`, whose output that line is).
fn explain(document: &Document, errors: &[SourceDiagnostic]) -> Error {
    let first = errors
        .iter()
        .find(|e| e.severity == Severity::Error)
        .or(errors.first());
    let Some(error) = first else {
        return template_error("Typst kunde inte sätta dokumentet".into());
    };
    let mut message = format!("Typst: {}", error.message);
    let text = document.source.text();
    let place = typst::WorldExt::range(document, error.span)
        .and_then(|range| document.source.lines().byte_to_line(range.start));
    if let Some(line) = place {
        let code = text.lines().nth(line).unwrap_or_default().trim();
        let code: String = code.chars().take(160).collect();
        message.push_str(&format!(
            " (rad {} i den genererade Typst-koden: `{code}`)",
            line + 1
        ));
    }
    for hint in &error.hints {
        message.push_str(&format!("; tips: {}", hint.v));
    }
    template_error(message)
}

fn template_error(message: String) -> Error {
    Error::Template {
        template: TEMPLATE.to_string(),
        line: None,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> Date {
        crate::value::parse_date("2026-03-31").unwrap()
    }

    #[test]
    fn markup_becomes_a_pdf_with_its_fonts_and_the_same_bytes_twice() {
        let markup =
            "#set page(paper: \"a4\")\n#set text(lang: \"sv\")\n= Rubrik\nÅäö 1 234,5 kr.\n";
        let a = typeset(markup.to_string(), "test", date()).unwrap();
        let b = typeset(markup.to_string(), "test", date()).unwrap();
        assert!(a.starts_with(b"%PDF-"));
        assert_eq!(a, b, "reruns are byte-identical");
        let text = String::from_utf8_lossy(&a);
        assert!(text.contains("/FontFile"), "fonts are embedded");
    }

    #[test]
    fn a_typst_error_names_the_template_and_the_generated_line() {
        let markup = "= Rubrik\n\n#table(columns: 2, [a], [b]\n";
        let Err(Error::Template {
            template, message, ..
        }) = typeset(markup.to_string(), "test", date())
        else {
            panic!("expected a template error");
        };
        assert_eq!(template, TEMPLATE);
        assert!(message.starts_with("Typst: "), "{message}");
        assert!(message.contains("rad 3"), "{message}");
    }

    #[test]
    fn documents_cannot_read_files() {
        let markup = "#read(\"/etc/passwd\")\n";
        let Err(Error::Template { message, .. }) = typeset(markup.to_string(), "test", date())
        else {
            panic!("expected a template error");
        };
        assert!(message.contains("Typst"), "{message}");
    }
}
