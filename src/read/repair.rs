//! Mending valid workbooks that calamine refuses whole, so that the sheets we need are
//! read. Each repair works on a copy of the archive through the zip and quick-xml public
//! APIs (no patched reader) and runs only after calamine has refused the original, so a
//! good file pays nothing:
//!
//! - xlsx/xlsm/xlsb with Excel 4 macro sheets (`xl/macrosheets/…`, "Unrecognized sheet
//!   type"): the macro sheets are left out of the workbook's sheet list; they never hold
//!   a submission's data.
//! - xlsx with `state="show"` on a sheet (written by some tools; the standard says
//!   `visible`).
//! - relationship files written with a namespace prefix (`<ns0:Relationship>`), which
//!   calamine's xlsb reader does not see, and then panics on the missing sheet path.
//! - ods without the `mimetype` entry, and ods whose `content.xml` is indented (white
//!   space between the cells, which calamine takes for a cell's content).
//! - an xlsx worksheet whose `<dimension ref>` has no columns (`1:4`, written by exceljs),
//!   which makes calamine refuse the sheet: the dimension is left out (it is only a hint).

use std::collections::BTreeSet;
use std::io::{Cursor, Read, Write};

use quick_xml::events::Event;
use quick_xml::{Reader, Writer};
use zip::write::SimpleFileOptions;

/// The archive's entries, by name, unpacked; `None` when it cannot be read.
fn entries(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).ok()?;
        if entry.is_dir() {
            continue;
        }
        let mut data = Vec::with_capacity(entry.size().min(1 << 26) as usize);
        entry.read_to_end(&mut data).ok()?;
        let name = entry.name().ok()?.into_owned();
        out.push((name, data));
    }
    Some(out)
}

/// An archive of `entries` (stored, `mimetype` first as ODF wants).
fn archive(mut entries: Vec<(String, Vec<u8>)>) -> Option<Vec<u8>> {
    entries.sort_by_key(|(name, _)| name != "mimetype");
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    for (name, data) in &entries {
        zip.start_file(name.as_str(), stored).ok()?;
        zip.write_all(data).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}

/// A mended copy of the archive `bytes` in the format `ext`, or `None` when there is
/// nothing this module knows how to mend.
pub fn repair(bytes: &[u8], ext: &str) -> Option<Vec<u8>> {
    let mut files = entries(bytes)?;
    let changed = match ext {
        "xlsx" | "xlsm" => repair_xlsx(&mut files),
        "xlsb" => repair_xlsb(&mut files),
        "ods" => repair_ods(&mut files),
        _ => false,
    };
    if changed { archive(files) } else { None }
}

fn get<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> Option<&'a [u8]> {
    files
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, d)| d.as_slice())
}

fn set(files: &mut [(String, Vec<u8>)], name: &str, data: Vec<u8>) {
    if let Some((_, d)) = files.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
        *d = data;
    }
}

/// The local name of an XML name (`ns0:Relationship` → `Relationship`).
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Rewrites the relationships file `name` without element prefixes; returns the ids of
/// relationships to macro sheets, and whether anything changed.
fn relationships(files: &mut [(String, Vec<u8>)], name: &str) -> (BTreeSet<String>, bool) {
    let mut macros = BTreeSet::new();
    let Some(xml) = get(files, name) else {
        return (macros, false);
    };
    let mut reader = Reader::from_reader(xml);
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    let mut changed = false;
    let mut buf = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e.into_owned(),
        };
        let event = match event {
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == "Relationship" => {
                let attr = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| a.value.to_string())
                        .unwrap_or_default()
                };
                if attr("Target").to_lowercase().contains("macrosheet") {
                    macros.insert(attr("Id"));
                }
                changed |= e.name().as_ref() != "Relationship";
                let mut plain = quick_xml::events::BytesStart::new("Relationship");
                plain.extend_attributes(e.attributes().flatten());
                Event::Empty(plain)
            }
            Event::Start(e) if local(e.name().as_ref()) == "Relationships" => {
                let mut plain = quick_xml::events::BytesStart::new("Relationships");
                plain.extend_attributes(e.attributes().flatten().map(|mut a| {
                    // `xmlns:ns0="…"` becomes the default namespace.
                    if a.key.as_ref().starts_with("xmlns:") {
                        a.key = quick_xml::name::QName("xmlns");
                    }
                    a
                }));
                Event::Start(plain)
            }
            Event::End(e) if local(e.name().as_ref()) == "Relationships" => {
                Event::End(quick_xml::events::BytesEnd::new("Relationships"))
            }
            Event::End(e) if local(e.name().as_ref()) == "Relationship" => {
                // An end tag goes with the start written as an empty element.
                buf.clear();
                continue;
            }
            other => other,
        };
        if writer.write_event(event).is_err() {
            return (macros, false);
        }
        buf.clear();
    }
    if changed {
        set(files, name, writer.into_inner());
    }
    (macros, changed)
}

/// xlsx: macro sheets out of `xl/workbook.xml`, `state="show"` as `visible`, dimensions
/// without columns out of the worksheets.
fn repair_xlsx(files: &mut [(String, Vec<u8>)]) -> bool {
    let mut changed = mend_dimensions(files);
    let (macros, renamed) = relationships(files, "xl/_rels/workbook.xml.rels");
    changed |= renamed;
    let Some(xml) = get(files, "xl/workbook.xml") else {
        return changed;
    };
    let mut reader = Reader::from_reader(xml);
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    let mut buf = Vec::new();
    // Inside a left-out `<sheet>` that has content (it never has, but may).
    let mut left_out = 0usize;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Err(_) => return changed,
            Ok(e) => e.into_owned(),
        };
        buf.clear();
        if left_out > 0 {
            match event {
                Event::Start(_) => left_out += 1,
                Event::End(_) => left_out -= 1,
                _ => {}
            }
            continue;
        }
        let (e, open) = match event {
            Event::Start(e) if local(e.name().as_ref()) == "sheet" => (e, true),
            Event::Empty(e) if local(e.name().as_ref()) == "sheet" => (e, false),
            other => {
                if writer.write_event(other).is_err() {
                    return false;
                }
                continue;
            }
        };
        let event = {
            {
                let id = e
                    .attributes()
                    .flatten()
                    .find(|a| local(a.key.as_ref()) == "id")
                    .map(|a| a.value.to_string())
                    .unwrap_or_default();
                if macros.contains(&id) {
                    changed = true;
                    left_out = usize::from(open);
                    continue;
                }
                let fixed = match shown_as_visible(&e) {
                    Some(fixed) => {
                        changed = true;
                        fixed
                    }
                    None => e,
                };
                if open {
                    Event::Start(fixed)
                } else {
                    Event::Empty(fixed)
                }
            }
        };
        if writer.write_event(event).is_err() {
            return false;
        }
    }
    if changed {
        set(files, "xl/workbook.xml", writer.into_inner());
    }
    changed
}

/// A `<sheet>` with `state="show"` given the standard `state="visible"`; `None` when it
/// has no such state.
fn shown_as_visible(
    e: &quick_xml::events::BytesStart<'static>,
) -> Option<quick_xml::events::BytesStart<'static>> {
    let shown = e
        .attributes()
        .flatten()
        .any(|a| a.key.as_ref() == "state" && a.value.as_ref() == "show");
    if !shown {
        return None;
    }
    let mut fixed = e.clone();
    fixed.clear_attributes();
    fixed.extend_attributes(e.attributes().flatten().map(|mut a| {
        if a.key.as_ref() == "state" {
            a.value = std::borrow::Cow::Borrowed("visible");
        }
        a
    }));
    Some(fixed)
}

/// Every worksheet without a dimension that has no columns or rows; whether one changed.
fn mend_dimensions(files: &mut [(String, Vec<u8>)]) -> bool {
    let mut changed = false;
    for (name, data) in files.iter_mut() {
        if name.starts_with("xl/worksheets/")
            && name.ends_with(".xml")
            && let Some(fixed) = without_bad_dimension(data)
        {
            *data = fixed;
            changed = true;
        }
    }
    changed
}

/// The worksheet `xml` without its `<dimension …/>` when the reference has no column
/// (`1:4`) or no row (`A:D`); `None` when it has none or a good one.
fn without_bad_dimension(xml: &[u8]) -> Option<Vec<u8>> {
    // The dimension comes before the cells, near the start.
    let head = &xml[..xml.len().min(4096)];
    let start = memchr::memmem::find(head, b"<dimension")?;
    let end = start + memchr::memchr(b'>', &head[start..])? + 1;
    let element = std::str::from_utf8(&head[start..end]).ok()?;
    let reference = element.split("ref=\"").nth(1)?.split('"').next()?;
    let good = |cell: &str| {
        let letters = cell.chars().take_while(char::is_ascii_alphabetic).count();
        letters > 0 && letters < cell.len() && cell[letters..].chars().all(|c| c.is_ascii_digit())
    };
    if reference.split(':').all(good) {
        return None;
    }
    let mut out = Vec::with_capacity(xml.len());
    out.extend_from_slice(&xml[..start]);
    out.extend_from_slice(&xml[end..]);
    Some(out)
}

/// xlsb: plain relationships, and macro sheets' records out of `xl/workbook.bin`.
fn repair_xlsb(files: &mut [(String, Vec<u8>)]) -> bool {
    let (macros, mut changed) = relationships(files, "xl/_rels/workbook.bin.rels");
    if macros.is_empty() {
        return changed;
    }
    let Some(bin) = get(files, "xl/workbook.bin") else {
        return changed;
    };
    let mut out = Vec::with_capacity(bin.len());
    let mut at = 0;
    while at < bin.len() {
        let Some((kind, start, end)) = record(bin, at) else {
            return changed;
        };
        let data = &bin[start..end];
        if kind == BUNDLE_SHEET && bundle_relid(data).is_some_and(|id| macros.contains(&id)) {
            changed = true;
        } else {
            out.extend_from_slice(&bin[at..end]);
        }
        at = end;
    }
    if changed {
        set(files, "xl/workbook.bin", out);
    }
    changed
}

/// `BrtBundleSh`, a sheet of the workbook (MS-XLSB 2.4.304).
const BUNDLE_SHEET: u32 = 0x009C;

/// The record at `at`: its type, and where its data starts and ends.
fn record(bin: &[u8], mut at: usize) -> Option<(u32, usize, usize)> {
    let mut kind = 0u32;
    for i in 0..2 {
        let b = *bin.get(at)?;
        at += 1;
        kind |= u32::from(b) << (8 * i);
        if b & 0x80 == 0 {
            break;
        }
    }
    // The type keeps its high bits as written: 0x9C is written as 0x9C 0x01.
    let kind = (kind & 0x7F) | ((kind >> 8) & 0x7F) << 7;
    let mut size = 0usize;
    for i in 0..4 {
        let b = *bin.get(at)?;
        at += 1;
        size |= usize::from(b & 0x7F) << (7 * i);
        if b & 0x80 == 0 {
            break;
        }
    }
    let end = at.checked_add(size)?;
    (end <= bin.len()).then_some((kind, at, end))
}

/// The relationship id of a `BrtBundleSh` record.
fn bundle_relid(data: &[u8]) -> Option<String> {
    let len = u32::from_le_bytes(data.get(8..12)?.try_into().ok()?) as usize;
    let raw = data.get(12..12 + len.checked_mul(2)?)?;
    let units: Vec<u16> = raw
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    Some(String::from_utf16_lossy(&units))
}

/// ods: the `mimetype` entry, and `content.xml` without white space between elements
/// outside paragraphs (white space inside a cell's text is kept).
fn repair_ods(files: &mut Vec<(String, Vec<u8>)>) -> bool {
    let mut changed = false;
    if get(files, "mimetype").is_none() {
        files.push((
            "mimetype".into(),
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ));
        changed = true;
    }
    let Some(xml) = get(files, "content.xml") else {
        return changed;
    };
    let mut reader = Reader::from_reader(xml);
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    let mut buf = Vec::new();
    let mut in_text = 0usize;
    let mut stripped = false;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Err(_) => return changed,
            Ok(e) => e,
        };
        let paragraph = |name: &str| matches!(local(name), "p" | "h");
        match &event {
            Event::Start(e) if paragraph(e.name().as_ref()) => in_text += 1,
            Event::End(e) if paragraph(e.name().as_ref()) => in_text = in_text.saturating_sub(1),
            Event::Text(t) if in_text == 0 && t.chars().all(|c| c.is_ascii_whitespace()) => {
                stripped = true;
                buf.clear();
                continue;
            }
            _ => {}
        }
        if writer.write_event(event).is_err() {
            return changed;
        }
        buf.clear();
    }
    if stripped {
        set(files, "content.xml", writer.into_inner());
    }
    changed || stripped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
        archive(
            files
                .iter()
                .map(|(n, d)| (n.to_string(), d.as_bytes().to_vec()))
                .collect(),
        )
        .unwrap()
    }

    fn entry(bytes: &[u8], name: &str) -> String {
        let files = entries(bytes).unwrap();
        String::from_utf8(get(&files, name).unwrap().to_vec()).unwrap()
    }

    #[test]
    fn macro_sheets_and_show_states_are_mended_and_nothing_else() {
        let rels = r#"<Relationships xmlns="x"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="macrosheets/sheet1.xml"/></Relationships>"#;
        let book = r#"<workbook><sheets><sheet name="Insatser" sheetId="1" state="show" r:id="rId1"/><sheet name="Makro1" sheetId="2" r:id="rId2"/></sheets></workbook>"#;
        let bytes = zip_of(&[
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/workbook.xml", book),
        ]);
        let fixed = repair(&bytes, "xlsx").unwrap();
        let book = entry(&fixed, "xl/workbook.xml");
        assert!(book.contains(r#"name="Insatser""#) && book.contains(r#"state="visible""#));
        assert!(!book.contains("Makro1"), "{book}");
        let plain = zip_of(&[("xl/workbook.xml", "<workbook/>")]);
        assert!(repair(&plain, "xlsx").is_none());
    }

    #[test]
    fn a_dimension_without_columns_is_left_out_and_a_good_one_kept() {
        assert_eq!(
            without_bad_dimension(b"<worksheet><dimension ref=\"1:4\"/><sheetData/>").unwrap(),
            b"<worksheet><sheetData/>"
        );
        assert!(without_bad_dimension(b"<worksheet><dimension ref=\"A1:D4\"/>").is_none());
        assert!(without_bad_dimension(b"<worksheet><dimension ref=\"B2\"/>").is_none());
    }

    #[test]
    fn prefixed_relationships_lose_their_prefix() {
        let rels = r#"<ns0:Relationships xmlns:ns0="x"><ns0:Relationship Id="rId1" Target="worksheets/sheet1.bin"/></ns0:Relationships>"#;
        let bytes = zip_of(&[("xl/_rels/workbook.bin.rels", rels)]);
        let fixed = repair(&bytes, "xlsb").unwrap();
        let rels = entry(&fixed, "xl/_rels/workbook.bin.rels");
        assert!(rels.contains(r#"<Relationship Id="rId1""#), "{rels}");
        assert!(!rels.contains("ns0:Relationship"), "{rels}");
    }

    #[test]
    fn indented_ods_content_keeps_the_spaces_inside_text() {
        let content = "<office:body>\n  <table:table-row>\n    <table:table-cell><text:p>a <text:span>b</text:span> c</text:p></table:table-cell>\n  </table:table-row>\n</office:body>";
        let bytes = zip_of(&[("content.xml", content)]);
        let fixed = repair(&bytes, "ods").unwrap();
        let content = entry(&fixed, "content.xml");
        assert_eq!(
            content,
            "<office:body><table:table-row><table:table-cell><text:p>a <text:span>b</text:span> c</text:p></table:table-cell></table:table-row></office:body>"
        );
        assert_eq!(
            entry(&fixed, "mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet"
        );
    }
}
