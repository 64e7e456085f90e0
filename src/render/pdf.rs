//! The PDF (SPEC 3.2a): Typst markup, rendered by the analysts' `report.typ.j2` like the
//! other templates, typeset by Typst inside the program.
//!
//! The Typst "world" here is closed: the one source file, the fonts of [`FONTS`]
//! (embedded in the binary and in the PDF), and the report's date as
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

/// The fonts the templates use, embedded: Libertinus Serif (Typst's default for text, in
/// every weight and style the templates ask for) and `DejaVu Sans Mono` (Typst's default for
/// `raw`, which a region's text in Markdown may have). They are the files `typst-assets`
/// ships, copied into `src/render/fonts/` with their licences (LICENSES.txt): its `fonts`
/// feature embeds New Computer Modern and its math fonts too, 6,6 MB that no template uses.
/// A template that asks for another font gets one of these (Typst's fallback).
pub const FONTS: [&[u8]; 10] = [
    include_bytes!("fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("fonts/LibertinusSerif-BoldItalic.otf"),
    include_bytes!("fonts/LibertinusSerif-Semibold.otf"),
    include_bytes!("fonts/LibertinusSerif-SemiboldItalic.otf"),
    include_bytes!("fonts/DejaVuSansMono-Bold.ttf"),
    include_bytes!("fonts/DejaVuSansMono-BoldOblique.ttf"),
    include_bytes!("fonts/DejaVuSansMono-Oblique.ttf"),
    include_bytes!("fonts/DejaVuSansMono.ttf"),
];

/// The fonts, parsed once per process (a few milliseconds, but `templates check` and
/// tests typeset more than once).
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static PARSED: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    PARSED.get_or_init(|| {
        let fonts: Vec<Font> = FONTS
            .into_iter()
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
    let markup = drawable(markup);
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
        standards: standards(),
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&paged, &options).map_err(|errors| explain(&document, &errors))
}

/// The longest run of text without a space that the PDF gets: PDF/A allows no string
/// longer than 32 767 bytes, and an unbroken run is one string (a cell of ten thousand
/// emoji). No word is this long.
const LONGEST_RUN: usize = 1000;

/// The markup made drawable in a PDF/A: every character no shipped font can draw is
/// replaced by a mark that one can (`\u{FFFD}`, else `?`), since PDF/A forbids a glyph
/// that is not there; and a run of more than [`LONGEST_RUN`] characters without a space
/// gets one. An emoji, a rare script or an endless word in one cell must not stop the
/// report (the other outputs keep the text as it is). Typst's syntax is ASCII and its
/// tokens are short, so only text and strings change; an escape (`\#`) is never split.
fn drawable(markup: String) -> String {
    let fonts = &fonts().1;
    let covered = |c: char| {
        fonts
            .iter()
            .any(|f| f.info().coverage.contains(u32::from(c)))
    };
    let mut seen: foldhash::HashMap<char, bool> = foldhash::HashMap::default();
    let mark = ['\u{FFFD}', '\u{25A1}']
        .into_iter()
        .find(|c| covered(*c))
        .unwrap_or('?');
    let mut out = String::with_capacity(markup.len());
    let mut run = 0;
    let mut last = ' ';
    for c in markup.chars() {
        if run >= LONGEST_RUN && last != '\\' {
            out.push(' ');
            run = 0;
        }
        let c = if c.is_ascii() || *seen.entry(c).or_insert_with(|| covered(c)) {
            c
        } else {
            mark
        };
        run = if c.is_whitespace() { 0 } else { run + 1 };
        out.push(c);
        last = c;
    }
    out
}

/// The standards every PDF is held to, by Typst's own validators at export: PDF/A-2a
/// (archivable, with the structure tagged: what a registered document is kept as) and
/// PDF/UA-1 (accessible: headings, tables with header cells, alternative texts, the
/// language and the title). A-2a is the one PDF/A level that requires the tagging UA
/// needs too and shares its PDF version (1.7); PDF/A-3 only adds embedded files, and
/// PDF/A-4 is PDF 2.0, which UA-1 is not.
fn standards() -> typst_pdf::PdfStandards {
    use typst_pdf::PdfStandard;
    typst_pdf::PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .expect("PDF/A-2a and PDF/UA-1 go together (both PDF 1.7)")
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
    let swedish = conformance(&error.message);
    let translated = swedish
        .as_ref()
        .is_some_and(|s| !s.ends_with("(Typsts ord)"));
    let mut message = swedish.unwrap_or_else(|| format!("Typst: {}", error.message));
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
    // Typst's hints are English; a message told in Swedish needs none.
    if !translated {
        for hint in &error.hints {
            message.push_str(&format!("; tips: {}", hint.v));
        }
    }
    template_error(message)
}

/// A failure of the PDF/A or PDF/UA validation, in Swedish: which standards the PDF would
/// break, and what is wrong in the commonest cases (the rest in Typst's words).
fn conformance(message: &str) -> Option<String> {
    let (standards, rest) = message.split_once(" error: ")?;
    if !standards.starts_with("PDF/") {
        return None;
    }
    let what = if let Some(levels) = rest.strip_prefix("skipped from heading level ") {
        let (from, to) = levels.split_once(" to ").unwrap_or((levels, "?"));
        format!(
            "rubrikerna hoppar från nivå {from} till nivå {}; en rubrik får bara vara en nivå under den förra",
            to.trim()
        )
    } else {
        match rest {
            "missing alt text" => "en bild eller formel saknar alternativ text (alt)".to_string(),
            "missing document title" => {
                "dokumentet saknar titel (#set document(title: [...]))".to_string()
            }
            "missing document language" | "missing document language (no text found)" => {
                "dokumentets språk saknas (#set text(lang: \"sv\"))".to_string()
            }
            "missing annotation alt text" => "en länk saknar alternativ text".to_string(),
            other => format!("{other} (Typsts ord)"),
        }
    };
    Some(format!(
        "PDF:en skulle inte uppfylla {standards} (arkivering och tillgänglighet): {what}"
    ))
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
        let markup = "#set document(title: [Prov])\n#set page(paper: \"a4\")\n#set text(lang: \"sv\")\n= Rubrik\nÅäö 1 234,5 kr.\n";
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
    fn a_document_that_would_not_conform_is_refused_in_swedish() {
        // No title: PDF/UA-1 requires one that viewers show.
        let markup = "#set text(lang: \"sv\")\n= Rubrik\n";
        let Err(Error::Template { message, .. }) = typeset(markup.to_string(), "test", date())
        else {
            panic!("expected a template error");
        };
        assert!(
            message.starts_with("PDF:en skulle inte uppfylla PDF/UA-1"),
            "{message}"
        );
        assert!(message.contains("dokumentet saknar titel"), "{message}");
        assert!(!message.contains("set the title"), "{message}");
    }

    #[test]
    fn a_character_no_font_has_is_drawn_as_a_mark_not_a_failure() {
        let markup =
            "#set document(title: [Prov])\n#set text(lang: \"sv\")\n= Rubrik\nGlad 😀 och 漢字.\n";
        let pdf = typeset(markup.to_string(), "test", date()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(drawable("Åäö – 😀".into()).starts_with("Åäö – "));
        assert!(!drawable("😀".into()).contains('😀'));
        let endless = drawable("x".repeat(2500));
        assert_eq!(endless.matches(' ').count(), 2);
        assert_eq!(
            drawable(format!("{}\\#", "y".repeat(999))),
            format!("{}\\#", "y".repeat(999))
        );
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
