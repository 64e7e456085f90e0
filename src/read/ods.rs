//! Merged cells of an `OpenDocument` spreadsheet. calamine reads the cells of an `.ods` but
//! not its merged areas (`table:number-rows-spanned`, `table:number-columns-spanned`), so
//! they are found here in `content.xml`, following the repeated rows and columns to know
//! each cell's position.

use std::collections::BTreeMap;
use std::io::{BufReader, Cursor};

use calamine::Dimensions;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The most merged areas kept per file; a file with more keeps the first ones.
const MAX_MERGES: usize = 100_000;

fn number(e: &BytesStart<'_>, name: &str) -> u32 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

fn text(e: &BytesStart<'_>, name: &str) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.to_string())
        .unwrap_or_default()
}

/// Merged areas per sheet name; empty when the file has none or cannot be read (calamine
/// reports an unreadable file itself).
pub fn merges(bytes: &[u8]) -> BTreeMap<String, Vec<Dimensions>> {
    let mut out: BTreeMap<String, Vec<Dimensions>> = BTreeMap::new();
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return out;
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return out;
    };
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let (mut sheet, mut row, mut col, mut row_repeat, mut count) =
        (String::new(), 0u32, 0u32, 1u32, 0usize);
    loop {
        let (event, empty) = match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                if e.name().as_ref() == "table:table-row" {
                    row = row.saturating_add(row_repeat);
                }
                buf.clear();
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {
                buf.clear();
                continue;
            }
        };
        match event.name().as_ref() {
            "table:table" => {
                sheet = text(&event, "table:name");
                row = 0;
            }
            "table:table-row" => {
                row_repeat = number(&event, "table:number-rows-repeated");
                col = 0;
                if empty {
                    row = row.saturating_add(row_repeat);
                }
            }
            name @ ("table:table-cell" | "table:covered-table-cell") => {
                let rows = number(&event, "table:number-rows-spanned");
                let cols = number(&event, "table:number-columns-spanned");
                if name == "table:table-cell" && (rows > 1 || cols > 1) && count < MAX_MERGES {
                    let end = (row.saturating_add(rows - 1), col.saturating_add(cols - 1));
                    out.entry(sheet.clone())
                        .or_default()
                        .push(Dimensions::new((row, col), end));
                    count += 1;
                }
                col = col.saturating_add(number(&event, "table:number-columns-repeated"));
            }
            _ => {}
        }
        buf.clear();
    }
    out
}
