//! The table appendix's Bilaga (tabell 8): an Excel table over every initiative, whose
//! rows redovisa renders itself (src/render/xlsx/bilaga.rs).

use calamine::Data;

use crate::common::*;

#[test]
fn the_bilaga_is_an_excel_table_over_every_initiative() {
    let sc = example();
    let r = sc.report();
    let initiatives = r["totals"]["initiatives"].as_u64().unwrap() as usize;
    let file = std::fs::File::open(sc.output().join("redovisning-2025.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/tables/table1.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains(r#"name="Insatser""#), "{xml}");
    // The header on row 3, then one row per initiative: A3:R(3 + n).
    assert!(
        xml.contains(&format!(r#"ref="A3:R{}""#, 3 + initiatives)),
        "{xml}"
    );
    assert!(xml.contains("<autoFilter"), "{xml}");
    let rows = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 8");
    let header = rows.iter().position(|row| row[0] == "Förvaltning").unwrap();
    let listed = rows[header + 1..]
        .iter()
        .take_while(|row| !row[1].to_string().is_empty())
        .count();
    assert_eq!(listed, initiatives);
}

/// The Bilaga's rows are rendered as XML by redovisa itself (src/render/xlsx/bilaga.rs):
/// every cell must read back as the initiative says, texts with XML's special characters,
/// line breaks and Excel's own `_xHHHH_` escapes included. (Texts are trimmed when read,
/// so the `xml:space="preserve"` path is not reached from a submission.)
#[test]
fn every_bilaga_cell_reads_back_as_the_initiative_says() {
    let sc = Scratch::new();
    let header = [
        "Id",
        "Insats",
        "Insatsområde",
        "Förflyttning",
        "Status",
        "Startdatum",
        "Slutdatum",
        "Budget",
        "Använda medel",
        "Varav överenskommelsemedel",
        "Samverkan med kommun",
        "Målgrupp",
        "Beskrivning",
        "Resultat",
        "Kontaktperson",
    ];
    xlsx(
        &sc.file("psykiatrin.xlsx"),
        &[
            info("Psykiatrin & <Barn>"),
            sheet(
                "Insatser",
                vec![
                    header.iter().map(|h| s(h)).collect(),
                    vec![
                        s("P&1"),
                        s("Samtal <med> \"unga\" & äldre"),
                        s("Digital teknik"),
                        n(3.0),
                        s("Pågående"),
                        V::D(2025, 2, 1),
                        V::D(2025, 11, 30),
                        n(1_250_000.5),
                        n(800_000.25),
                        n(400_000.0),
                        V::B(true),
                        s("Unga 13–18 år"),
                        s("Rad ett\nrad två _x000D_ slut"),
                        s("Kvar: 5 %"),
                        s("Kim Ek"),
                    ],
                    vec![
                        s("P2"),
                        s("Planerad insats"),
                        s("Digital teknik"),
                        V::E,
                        s("Planerad"),
                        V::E,
                        V::E,
                        V::E,
                        V::E,
                        V::E,
                        V::B(false),
                        V::E,
                        V::E,
                        V::E,
                        V::E,
                    ],
                ],
            ),
        ],
    );
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    let initiatives = r["initiatives"].as_array().unwrap();
    assert_eq!(initiatives.len(), 2);
    let rows = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 8");
    let header_row = rows.iter().position(|row| row[0] == "Förvaltning").unwrap();
    let text = |d: &Data| match d {
        Data::Empty => None,
        other => Some(other.to_string()),
    };
    let date = |d: &Data| match d {
        Data::DateTime(dt) => dt.as_datetime().map(|t| t.date().to_string()),
        Data::Empty => None,
        other => panic!("expected a date, found {other:?}"),
    };
    let number = |d: &Data| match d {
        Data::Empty => None,
        other => Some(num(other)),
    };
    for (i, row) in initiatives.iter().zip(&rows[header_row + 1..]) {
        let str_of = |key: &str| i[key].as_str().map(str::to_string);
        assert_eq!(text(&row[0]), str_of("administration"));
        assert_eq!(text(&row[1]), str_of("id"));
        assert_eq!(text(&row[2]), str_of("name"));
        assert_eq!(text(&row[3]), str_of("area_label"));
        assert_eq!(number(&row[4]), i["shift"].as_f64());
        assert_eq!(text(&row[5]), str_of("status"));
        assert_eq!(date(&row[6]), str_of("start"));
        assert_eq!(date(&row[7]), str_of("end"));
        // Money not given is `..` (not available), as in the report.
        let money = |d: &Data| match d {
            Data::String(s) if s == ".." => None,
            Data::Empty => panic!("money cells are never empty"),
            other => Some(num(other)),
        };
        assert_eq!(money(&row[8]), i["budget_kr"].as_f64());
        assert_eq!(money(&row[9]), i["spent_kr"].as_f64());
        assert_eq!(money(&row[10]), i["agreement_funds_kr"].as_f64());
        let yes_no = i["municipal_cooperation"]
            .as_bool()
            .map(|b| if b { "Ja" } else { "Nej" }.to_string());
        assert_eq!(text(&row[11]), yes_no);
        for (col, key) in [
            (12, "target_group"),
            (13, "description"),
            (14, "result"),
            (15, "contact"),
            (16, "file"),
        ] {
            assert_eq!(text(&row[col]), str_of(key), "{key}");
        }
        assert_eq!(number(&row[17]), i["row"].as_f64());
    }
    // The texts are the workbook's, character for character.
    let first = &rows[header_row + 1];
    assert_eq!(first[0].to_string(), "Psykiatrin & <Barn>");
    assert_eq!(first[2].to_string(), "Samtal <med> \"unga\" & äldre");
    assert_eq!(first[13].to_string(), "Rad ett\nrad två _x000D_ slut");
    assert_eq!(num(&first[8]), 1_250_000.5);
}

/// Reading limits a cell to 32 767 characters; astral characters make that up to twice
/// as many UTF-16 units as an Excel cell holds. The workbook is still written (such
/// texts cut to fit), and the JSON keeps them whole.
#[test]
fn a_text_longer_than_an_excel_cell_does_not_fail_the_workbook() {
    let sc = Scratch::new();
    let text = "😀".repeat(20_000);
    // Written by hand: well-behaved writers refuse such a cell.
    let info = format!(
        "<sheetData><row r=\"1\">{}{}</row></sheetData>",
        raw_text("A1", "Förvaltning"),
        raw_text("B1", "Psykiatrin")
    );
    let initiatives = format!(
        "<sheetData><row r=\"1\">{}{}{}{}{}</row><row r=\"2\">{}{}{}{}{}</row></sheetData>",
        raw_text("A1", "Insats"),
        raw_text("B1", "Insatsområde"),
        raw_text("C1", "Status"),
        raw_text("D1", "Använda medel"),
        raw_text("E1", "Beskrivning"),
        raw_text("A2", "Lång beskrivning"),
        raw_text("B2", "Digital teknik"),
        raw_text("C2", "Pågående"),
        raw_num("D2", 100.0),
        raw_text("E2", &text),
    );
    raw_xlsx(
        &sc.file("lang.xlsx"),
        &[("Uppgifter", &info), ("Insatser", &initiatives)],
    );
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    assert_eq!(r["initiatives"][0]["description"].as_str().unwrap(), text);
    let rows = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 8");
    let header = rows.iter().position(|row| row[0] == "Förvaltning").unwrap();
    let written = rows[header + 1][13].to_string();
    assert_eq!(written.chars().count(), 16_383);
    assert!(text.starts_with(&written));
}
