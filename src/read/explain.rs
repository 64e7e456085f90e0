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

/// Why a file with extension `ext` whose content starts with `head` could not be opened,
/// given the reader's message `reader` (used only to tell kinds of failure apart).
pub fn open_error(ext: &str, head: &[u8], reader: &str) -> String {
    let lower = reader.to_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        return "arbetsboken är lösenordsskyddad eller krypterad; spara den utan lösenord som .xlsx"
            .into();
    }
    let archive = matches!(ext, "xlsx" | "xlsm" | "xlsb" | "ods");
    if (ext == "xls" && !head.starts_with(&CFB_MAGIC)) || (archive && !head.starts_with(b"PK")) {
        return foreign(ext, head);
    }
    reader_error(&lower)
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
pub fn reader_error(lower: &str) -> String {
    if lower.contains("codepage") || lower.contains("encoding") {
        "arbetsboken använder en teckenkodning som inte kan läsas; öppna den i Excel eller \
         LibreOffice och spara den som .xlsx"
            .into()
    } else if lower.contains("xml") || lower.contains("expecting") || lower.contains("found") {
        "filens innehåll (XML) är trasigt eller av ett slag som inte kan läsas; öppna den i \
         Excel eller LibreOffice och spara den igen"
            .into()
    } else if lower.contains("zip") || lower.contains("cfb") || lower.contains("ole") {
        "filen är skadad eller inget kalkylblad (dess paketering kan inte läsas); öppna den i \
         Excel eller LibreOffice och spara den igen som .xlsx"
            .into()
    } else {
        "filen kan inte läsas som kalkylblad; är den skadad? Öppna den i Excel eller \
         LibreOffice och spara den igen som .xlsx"
            .into()
    }
}

/// Why one sheet could not be read, given the reader's message.
pub fn sheet_error(reader: &str) -> String {
    let lower = reader.to_lowercase();
    if lower.contains("chartsheet") || lower.contains("chart sheet") {
        "bladet är ett diagramblad, inte ett blad med celler".into()
    } else if lower.contains("macro") || lower.contains("unrecognized sheet type") {
        "bladet är ett makroblad eller av ett slag som inte har celler att läsa".into()
    } else {
        reader_error(&lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_and_foreign_xls_files_are_named_for_what_they_are() {
        assert!(open_error("xls", &[0x09, 0x04, 0x06, 0x00], "Cfb error").contains("Excel 2–4"));
        assert!(open_error("xls", b"<html><body>", "Cfb error").contains("webbsida"));
        assert!(open_error("xls", b"a;b;c\n1;2;3", "Cfb error").contains("CSV"));
    }

    #[test]
    fn no_reader_words_reach_a_message() {
        for reader in [
            "Expecting 'table-cell', found 'Text(BytesText { content: \"x\" })'",
            "Codepage 272D not found",
            "no entry found for key",
            "Cfb error: Invalid OLE (signature)",
            "Xml error: ill-formed document",
        ] {
            let m = open_error("xlsx", b"PK", reader);
            assert!(
                !m.contains(reader) && !m.contains("found") && !m.contains("Cfb"),
                "{m}"
            );
        }
    }
}
