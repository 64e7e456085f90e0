//! `--feedback DIR`: a workbook for each submission with findings, read back — its
//! `Återkoppling` rows against the JSON diagnostics, the marked cell's fill and note, the
//! copied values' types — and none for a clean submission.

use std::io::Read;

use calamine::Data;

use crate::common::*;

fn part(path: &std::path::Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// The fill colour (`FFC7CE`-style) of the style of cell `cell` in the worksheet part.
fn fill_of(path: &std::path::Path, sheet_part: &str, cell: &str) -> String {
    let sheet = part(path, sheet_part);
    let at = sheet
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("no cell {cell}"));
    let tag = &sheet[at..at + sheet[at..].find('>').unwrap()];
    let style: usize = tag
        .split("s=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let styles = part(path, "xl/styles.xml");
    let xfs = styles.split("<cellXfs").nth(1).unwrap();
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    let fill: usize = xf
        .split("fillId=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let fills = styles.split("<fills").nth(1).unwrap();
    fills
        .split("<fill>")
        .nth(fill + 1)
        .unwrap_or("")
        .to_string()
}

#[test]
fn each_file_with_findings_gets_a_workbook_marking_them_and_a_clean_one_none() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("ren.xlsx"),
        "Ren",
        vec![vec![s("Bra"), s("digital"), s("Pågående"), n(100.0)]],
    );
    simple_book(
        &sc.file("trasig.xlsx"),
        "Trasig",
        vec![
            vec![s("Bra"), s("digital"), s("Pågående"), n(250.5)],
            vec![s("Dålig"), s("digital"), s("Pågående"), s("hundra")],
        ],
    );
    let dir = sc.dir.path().join("aterkoppling");
    let out = sc.run(&[
        "check",
        "--format",
        "json",
        "--feedback",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1);
    let diags: Vec<serde_json::Value> = diagnostics(&out)
        .into_iter()
        .filter(|d| d["file"] == "trasig.xlsx")
        .collect();
    assert!(!diags.is_empty());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["återkoppling-trasig.xlsx"],
        "no workbook for a clean file"
    );
    let path = dir.join("återkoppling-trasig.xlsx");
    // Återkoppling: one row per finding, as in the JSON.
    let rows = sheet_rows(&path, "Återkoppling");
    assert_eq!(rows[0][0], Data::String("Blad".into()));
    assert_eq!(rows.len() - 1, diags.len());
    for (row, d) in rows[1..].iter().zip(&diags) {
        assert_eq!(row[0].to_string(), d["sheet"].as_str().unwrap_or(""));
        assert_eq!(row[1].to_string(), d["cell"].as_str().unwrap_or(""));
        assert_eq!(row[4].to_string(), d["message"].as_str().unwrap());
    }
    // The copy keeps the values as read: numbers as numbers, the bad text as text.
    let insatser = sheet_rows(&path, "Insatser");
    assert_eq!(insatser[1][3], Data::Float(250.5));
    assert_eq!(insatser[2][3], Data::String("hundra".into()));
    // The finding's cell is filled red and has the message as its note.
    let error = diags
        .iter()
        .find(|d| d["severity"] == "error" && d["sheet"] == "Insatser")
        .unwrap();
    let cell = error["cell"].as_str().unwrap();
    assert_eq!(cell, "D3");
    // Sheets: Återkoppling, Uppgifter, Insatser.
    let fill = fill_of(&path, "xl/worksheets/sheet3.xml", cell);
    assert!(fill.contains("FFC7CE"), "{fill}");
    assert!(!fill_of(&path, "xl/worksheets/sheet3.xml", "D2").contains("FFC7CE"));
    let comments = part(&path, "xl/comments1.xml");
    assert!(comments.contains(&format!("ref=\"{cell}\"")));
    let message = error["message"].as_str().unwrap();
    assert!(
        comments.contains(&message.replace('"', "&quot;")) || comments.contains(message),
        "{comments}"
    );
    // Never into the input folder, however it is written: it would be read next time.
    let input = format!("{}/./", sc.input().display());
    let out = sc.run(&["check", "--feedback", &input]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("indatamappen"));
    // build takes the same flag.
    let again = sc.dir.path().join("igen");
    let out = sc.run(&[
        "build",
        "--allow-errors",
        "--feedback",
        again.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1);
    assert!(again.join("återkoppling-trasig.xlsx").is_file());
    assert!(!again.join("återkoppling-ren.xlsx").exists());
}
