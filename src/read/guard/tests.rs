//! Tests of `read/guard.rs`.

use super::*;

/// An archive with one worksheet holding `xml` (and a workbook part that mentions
/// formulas, which must not count).
fn archive(xml: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("xl/workbook.xml", stored).unwrap();
    zip.write_all(b"<definedName><f>SUM(A1)</f><mergeCell x/></definedName>")
        .unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", stored).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn worksheet_features_are_found_by_their_tags_only() {
    let plain = r#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><autoFilter><filterColumn colId="0"><filters/></filterColumn></autoFilter><pageSetup fitToPage="1"/></worksheet>"#;
    let none = XlsxFeatures {
        merges: false,
        formulas: false,
    };
    assert_eq!(xlsx_features(&archive(plain)), none);
    for formula in [
        "<f>A1*2</f>",
        r#"<f t="shared" ref="B1:B9" si="0">A1*2</f>"#,
        r#"<f t="shared" si="0"/>"#,
    ] {
        let xml = plain.replace("<v>1</v>", &format!("{formula}<v>2</v>"));
        assert_eq!(
            xlsx_features(&archive(&xml)),
            XlsxFeatures {
                merges: false,
                formulas: true
            },
            "{formula}"
        );
    }
    let merged = plain.replace(
        "</sheetData>",
        r#"</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>"#,
    );
    assert_eq!(
        xlsx_features(&archive(&merged)),
        XlsxFeatures {
            merges: true,
            formulas: false
        }
    );
    assert_eq!(xlsx_features(b"not a zip"), XlsxFeatures::ALL);
}

/// A minimal compound file: header, one FAT sector, one directory sector.
fn compound(fat: &[u32], dir_start: u32) -> Vec<u8> {
    let mut b = vec![0u8; 512 * 3];
    b[..8].copy_from_slice(&CFB_MAGIC);
    b[30..32].copy_from_slice(&9u16.to_le_bytes());
    b[48..52].copy_from_slice(&dir_start.to_le_bytes());
    b[60..64].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
    b[68..72].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
    // DIFAT: sector 0 is the FAT, the rest free.
    for i in 0..109 {
        let v: u32 = if i == 0 { 0 } else { 0xFFFF_FFFF };
        b[76 + 4 * i..80 + 4 * i].copy_from_slice(&v.to_le_bytes());
    }
    let mut words = vec![0xFFFF_FFFFu32; 128];
    words[..fat.len()].copy_from_slice(fat);
    for (i, w) in words.iter().enumerate() {
        b[512 + 4 * i..516 + 4 * i].copy_from_slice(&w.to_le_bytes());
    }
    // Root entry in sector 1 with no stream.
    b[1024 + 116..1024 + 120].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
    b
}

fn loops(bytes: &[u8]) -> Option<&'static str> {
    Compound::parse(bytes)?.looping_chain()
}

#[test]
fn a_directory_chain_that_ends_passes() {
    assert_eq!(loops(&compound(&[0xFFFF_FFFD, ENDOFCHAIN], 1)), None);
}

#[test]
fn a_directory_chain_that_loops_is_refused() {
    assert_eq!(loops(&compound(&[0xFFFF_FFFD, 1], 1)), Some("katalogen"));
    let d = check_compound_file(&compound(&[0xFFFF_FFFD, 1], 1), "a.xls", &Limits::default())
        .unwrap_err();
    assert_eq!(d.code, Code::FileUnreadable);
}

fn record(kind: u16, data: &[u8]) -> Vec<u8> {
    let mut r = kind.to_le_bytes().to_vec();
    r.extend((data.len() as u16).to_le_bytes());
    r.extend(data);
    r
}

#[test]
fn the_area_of_each_sheet_is_measured_from_its_cell_records() {
    let cell = |row: u16, col: u16| {
        record(
            0x0203,
            &[row.to_le_bytes(), col.to_le_bytes(), [0, 0]].concat(),
        )
    };
    let mut stream = record(0x0809, &[0; 8]);
    stream.extend(cell(0, 0));
    stream.extend(cell(9, 4));
    stream.extend(record(0x0809, &[0; 8]));
    stream.extend(cell(65535, 255));
    stream.extend(cell(65535, 254));
    assert_eq!(largest_sheet_area(&stream), 50);
    stream.extend(cell(0, 0));
    assert_eq!(largest_sheet_area(&stream), 65536 * 256);
}

#[test]
fn a_sheet_is_also_measured_where_its_boundsheet_record_points() {
    // Globals: a BoundSheet pointing at offset 18, an EOF, filler, then the sheet's
    // DIMENSIONS, which a scan from the start would misread as part of the filler.
    let dims = [
        &1u32.to_le_bytes()[..],
        &900_001u32.to_le_bytes(),
        &[0, 0, 100, 0, 0, 0],
    ]
    .concat();
    let mut stream = record(0x0085, &[18, 0, 0, 0, 0, 0]);
    stream.extend(record(0x000A, &[]));
    stream.extend([0x01, 0x00, 0xFF, 0x00]);
    stream.extend(record(0x0200, &dims));
    assert_eq!(largest_sheet_area(&stream), 900_000 * 100);
}

#[test]
fn a_declared_dimension_counts_even_without_cells() {
    let dims = [1u32.to_le_bytes(), 1_000_001u32.to_le_bytes()].concat();
    let dims = [
        dims,
        0u16.to_le_bytes().to_vec(),
        200u16.to_le_bytes().to_vec(),
        vec![0, 0],
    ]
    .concat();
    let stream = [record(0x0809, &[0; 8]), record(0x0200, &dims)].concat();
    assert_eq!(largest_sheet_area(&stream), 1_000_000 * 200);
    // First row after the last: calamine's arithmetic wraps to a huge area.
    let dims = [
        &5u32.to_le_bytes()[..],
        &2u32.to_le_bytes(),
        &[0, 0, 1, 0, 0, 0],
    ]
    .concat();
    assert!(largest_sheet_area(&record(0x0200, &dims)) > 1_000_000_000);
}
