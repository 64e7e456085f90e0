//! What a file really is, and what a reader's failure means, in Swedish: the readers'
//! own messages ("Expecting 'table-cell', found …", "Cfb error: Invalid OLE signature",
//! "Codepage 272D not found") say nothing to the person who must mend the file, so
//! none of their words reach a diagnostic.

use std::io::Cursor;

use super::guard::CFB_MAGIC;

/// The format the bytes are in, by their content rather than their name: `"xlsx"`,
/// `"xlsb"`, `"ods"` for the archives, `"xls"` for a compound file with a workbook
/// stream; `None` when the content does not say (the extension then decides).
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let has = |name: &str| {
            archive
                .file_names()
                .any(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name)))
        };
        return if has("xl/workbook.bin") {
            Some("xlsb")
        } else if has("xl/workbook.xml") {
            Some("xlsx")
        } else if has("content.xml") {
            Some("ods")
        } else {
            None
        };
    }
    None
}

/// The name of a format, for a message (`.xlsx`).
fn family(ext: &str) -> &'static str {
    match ext {
        "xlsx" | "xlsm" => "xlsx",
        "xlsb" => "xlsb",
        "ods" => "ods",
        _ => "xls",
    }
}

/// Whether `actual` (from [`sniff`]) is another format than the extension `ext` says.
pub fn misnamed(ext: &str, actual: &str) -> bool {
    family(ext) != family(actual)
}

/// What kind of failure a reader's error is, by its variant (never by its text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The workbook is encrypted.
    Password,
    /// A text encoding (an old code page) the reader does not know.
    Encoding,
    /// The XML inside is broken or of a kind the reader does not take.
    Xml,
    /// The packaging (zip, OLE compound file) cannot be read.
    Package,
    /// A sheet holds no cells (a chart sheet, a macro sheet).
    NotCells,
    /// Anything else, or a panic inside the reader.
    Other,
}

impl Failure {
    /// The kind of `e`.
    pub fn of(e: &calamine::Error) -> Failure {
        use calamine::{Error as E, OdsError, XlsError, XlsbError, XlsxError};
        match e {
            E::Xlsx(XlsxError::Password)
            | E::Xls(XlsError::Password)
            | E::Xlsb(XlsbError::Password)
            | E::Ods(OdsError::Password) => Failure::Password,
            // calamine 0.38 does not export `CfbError`, so its code-page variant (an
            // old .xls in an encoding it lacks) can only be told by its text.
            E::Xls(XlsError::Cfb(inner)) if inner.to_string().starts_with("Codepage") => {
                Failure::Encoding
            }
            E::Xlsx(XlsxError::Encoding(_))
            | E::Xlsb(XlsbError::Encoding(_))
            | E::Ods(OdsError::EncodingError(_)) => Failure::Encoding,
            E::Xlsx(XlsxError::NotAWorksheet(_)) => Failure::NotCells,
            E::Xlsx(
                XlsxError::Xml(_)
                | XlsxError::XmlAttr(_)
                | XlsxError::XmlEof(_)
                | XlsxError::UnexpectedNode(_)
                | XlsxError::Unexpected(_)
                | XlsxError::Unrecognized { .. },
            )
            | E::Xlsb(XlsbError::Xml(_) | XlsbError::XmlAttr(_) | XlsbError::Mismatch { .. })
            | E::Ods(
                OdsError::Xml(_)
                | OdsError::XmlAttr(_)
                | OdsError::Mismatch { .. }
                | OdsError::Eof(_)
                | OdsError::AttrError(_),
            ) => Failure::Xml,
            E::Xlsx(
                XlsxError::Zip(_) | XlsxError::FileNotFound(_) | XlsxError::RelationshipNotFound,
            )
            | E::Xlsb(XlsbError::Zip(_) | XlsbError::FileNotFound(_))
            | E::Ods(OdsError::Zip(_) | OdsError::FileNotFound(_) | OdsError::InvalidMime(_))
            | E::Xls(XlsError::Cfb(_)) => Failure::Package,
            _ => Failure::Other,
        }
    }
}

/// Why a file with extension `ext` whose content starts with `head` could not be opened.
pub fn open_error(ext: &str, head: &[u8], failure: Failure) -> String {
    if failure == Failure::Password {
        return "arbetsboken är lösenordsskyddad eller krypterad; spara den utan lösenord som .xlsx"
            .into();
    }
    let archive = matches!(ext, "xlsx" | "xlsm" | "xlsb" | "ods");
    if (ext == "xls" && !head.starts_with(&CFB_MAGIC)) || (archive && !head.starts_with(b"PK")) {
        return foreign(ext, head);
    }
    reader_error(failure)
}

/// A file whose content is not the format its extension names.
fn foreign(ext: &str, head: &[u8]) -> String {
    let text = head
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || [0xEF, 0xBB, 0xBF].contains(*b))
        .copied()
        .collect::<Vec<u8>>();
    match head {
        // BIFF2–4 files begin with their BOF record: 0x0009, 0x0209, 0x0409.
        [0x09, 0x00 | 0x02 | 0x04, ..] => "arbetsboken är sparad i ett format från Excel 2–4 \
            (före 1995) som inte kan läsas; öppna den i Excel eller LibreOffice och spara den \
            som .xlsx"
            .into(),
        [b'P', b'K', ..] => {
            "filen är ett zip-arkiv utan någon arbetsbok i; är det rätt fil?".into()
        }
        _ if text.starts_with(b"<") => format!(
            "filen är en webbsida eller ett XML-kalkylblad med filändelsen .{ext}; öppna den i \
             Excel eller LibreOffice och spara den som .xlsx"
        ),
        _ => format!(
            "filen är inget kalkylblad (kanske text eller CSV med filändelsen .{ext}); öppna \
             den i Excel eller LibreOffice och spara den som .xlsx"
        ),
    }
}

/// What a reader's failure inside a file means.
pub fn reader_error(failure: Failure) -> String {
    match failure {
        Failure::Password => {
            "arbetsboken är lösenordsskyddad eller krypterad; spara den utan lösenord som .xlsx"
        }
        Failure::Encoding => {
            "arbetsboken använder en teckenkodning som inte kan läsas; öppna den i Excel eller \
             LibreOffice och spara den som .xlsx"
        }
        Failure::Xml => {
            "filens innehåll (XML) är trasigt eller av ett slag som inte kan läsas; öppna den i \
             Excel eller LibreOffice och spara den igen"
        }
        Failure::Package => {
            "filen är skadad eller inget kalkylblad (dess paketering kan inte läsas); öppna den \
             i Excel eller LibreOffice och spara den igen som .xlsx"
        }
        Failure::NotCells => "bladet är ett diagramblad eller makroblad, inte ett blad med celler",
        Failure::Other => {
            "filen kan inte läsas som kalkylblad; är den skadad? Öppna den i Excel eller \
             LibreOffice och spara den igen som .xlsx"
        }
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_and_foreign_xls_files_are_named_for_what_they_are() {
        let other = Failure::Package;
        assert!(open_error("xls", &[0x09, 0x04, 0x06, 0x00], other).contains("Excel 2–4"));
        assert!(open_error("xls", b"<html><body>", other).contains("webbsida"));
        assert!(open_error("xls", b"a;b;c\n1;2;3", other).contains("CSV"));
    }

    #[test]
    fn failures_are_told_apart_by_their_variant() {
        use calamine::{Error, XlsError, XlsxError};
        assert_eq!(
            Failure::of(&Error::Xlsx(XlsxError::Password)),
            Failure::Password
        );
        assert_eq!(
            Failure::of(&Error::Xls(XlsError::Password)),
            Failure::Password
        );
        assert_eq!(
            Failure::of(&Error::Xlsx(XlsxError::RelationshipNotFound)),
            Failure::Package
        );
        assert_eq!(Failure::of(&Error::Msg("x")), Failure::Other);
        for failure in [
            Failure::Xml,
            Failure::Package,
            Failure::Encoding,
            Failure::Other,
        ] {
            let m = open_error("xlsx", b"PK", failure);
            assert!(!m.contains("error") && !m.contains("found"), "{m}");
        }
    }
}
