//! What the report tells (SPEC 3.4): the chapters per area with their leads, the
//! initiatives in order with their results, the figures linked to them and their
//! suppression, the shifts and the cooperation, and the region's texts — in the HTML,
//! the Markdown and the PDF alike, and in the JSON.

use serde_json::Value;

use crate::builder::{Book, Test};
use crate::common::*;
use crate::pdf::{pages, tool};

/// An initiative row by its parts: name, area, status, spent kronor, result.
fn initiative(
    name: &str,
    area: &str,
    status: &str,
    spent: f64,
    result: Option<&str>,
) -> Vec<(&'static str, V)> {
    let mut cells = vec![
        ("Id", s(name)),
        ("Insats", s(name)),
        ("Insatsområde", s(area)),
        ("Status", s(status)),
        ("Använda medel", n(spent)),
        ("Beskrivning", s(&format!("Beskrivning av {name}."))),
        ("Resultat", result.map_or(V::E, s)),
    ];
    if status == "Planerad" {
        cells[4].1 = V::E;
    }
    cells
}

fn output(out: &crate::builder::Outcome, ext: &str) -> String {
    std::fs::read_to_string(out.scratch.output().join(format!("redovisning-2025.{ext}"))).unwrap()
}

fn pdf_text(out: &crate::builder::Outcome) -> Option<String> {
    let pdftotext = tool("pdftotext")?;
    Some(
        pages(
            &pdftotext,
            &out.scratch.output().join("redovisning-2025.pdf"),
        )
        .join("\n"),
    )
}

fn chapters(r: &Value) -> &Vec<Value> {
    r["chapters"].as_array().unwrap()
}

#[test]
fn chapters_follow_the_configured_areas_and_list_completed_first_by_money() {
    let book = Book::new("a.xlsx", "Närsjukvården")
        .initiative(&initiative(
            "Utbildning A",
            "training",
            "Genomförd",
            100.0,
            Some("Klart."),
        ))
        .initiative(&initiative(
            "Digital liten",
            "digital",
            "Pågående",
            10.0,
            None,
        ))
        .initiative(&initiative(
            "Digital stor",
            "digital",
            "Pågående",
            900.0,
            None,
        ))
        .initiative(&initiative(
            "Digital klar",
            "digital",
            "Genomförd",
            5.0,
            Some("Gjort."),
        ))
        .initiative(&initiative(
            "Digital plan",
            "digital",
            "Planerad",
            0.0,
            None,
        ))
        .initiative(&initiative(
            "Digital stopp",
            "digital",
            "Avbruten",
            50.0,
            Some("Stoppad."),
        ));
    let out = Test::new().book(book).args(&["build"]).exit(0).run();
    let r = out.report();
    let areas: Vec<&str> = chapters(&r)
        .iter()
        .map(|c| c["area"].as_str().unwrap())
        .collect();
    // The configured order (digital before training); areas without initiatives have none.
    assert_eq!(areas, ["digital", "training"]);
    let names: Vec<&str> = chapters(&r)[0]["listed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Digital klar",
            "Digital stor",
            "Digital liten",
            "Digital plan",
            "Digital stopp"
        ]
    );
    // The same order in every text output.
    let md = output(&out, "md");
    let html = output(&out, "html");
    for text in [&md, &html] {
        let at: Vec<usize> = names.iter().map(|n| text.find(n).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{names:?} at {at:?}");
        let headings: Vec<usize> = [
            "Digital teknik i patientmöten och analys",
            "Utbildningssatsningar",
        ]
        .iter()
        .map(|h| text.find(h).unwrap())
        .collect();
        assert!(headings[0] < headings[1]);
    }
    if let Some(pdf) = pdf_text(&out) {
        let chapter = pdf
            .find("Digital teknik i patientmöten och analys\n")
            .unwrap_or(0);
        let at: Vec<usize> = names
            .iter()
            .map(|n| pdf[chapter..].find(n).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{names:?} at {at:?}");
    }
}

#[test]
fn the_leads_figures_are_the_tables_figures() {
    // The example: every chapter's figures against Tabell 2 and Tabell 4 in the JSON.
    let sc = example();
    let r = sc.report();
    let by_area = r["by_area"].as_array().unwrap();
    let mut statuses = [0u64; 4];
    for c in chapters(&r) {
        let row = by_area.iter().find(|a| a["area"] == c["area"]).unwrap();
        for key in ["initiatives", "spent_kr", "agreement_funds_kr"] {
            assert_eq!(c[key], row[key], "{key} of {}", c["area"]);
        }
        assert_eq!(c["spent_share_pct"], row["share_pct"]);
        for s in c["by_status"].as_array().unwrap() {
            let k = ["Planerad", "Pågående", "Genomförd", "Avbruten"]
                .iter()
                .position(|x| s["status"] == *x)
                .unwrap();
            statuses[k] += s["initiatives"].as_u64().unwrap();
        }
        // The lead says the same numbers, written the Swedish way.
        let lead = c["lead"].as_str().unwrap();
        let spent = c["spent_kr"].as_f64().unwrap();
        let written = redovisa::text::num(spent, 0);
        assert!(
            lead.contains(&format!("Använda medel är {written} kr")),
            "{lead}"
        );
        let n = c["initiatives"].as_u64().unwrap();
        assert!(
            lead.starts_with(&format!("Inom området redovisas {n}\u{a0}insatser")),
            "{lead}"
        );
    }
    // Tabell 4's column totals are the statuses summed over the chapters.
    let totals: Vec<u64> = r["status_matrix"]["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(totals, statuses);
}

/// A workbook whose one unit's year figure is 20 and whose initiative `I-1` has `linked`
/// of it, for readmissions (a share; Q1–Q4 each).
fn linked_book(linked: f64) -> Book {
    let mut book = Book::new("a.xlsx", "Närsjukvården")
        .initiative(&initiative(
            "I-1",
            "avoided_admissions",
            "Genomförd",
            1000.0,
            Some("Färre återinskrivningar."),
        ))
        .initiative(&initiative(
            "I-2",
            "avoided_admissions",
            "Pågående",
            500.0,
            None,
        ));
    for q in 1..=4 {
        let period = s(&format!("2025-Q{q}"));
        book = book.indicator(&[
            ("Indikator", s("readmission_30d_share")),
            ("Enhet", s("VC Kopplad")),
            ("Period", period.clone()),
            ("Täljare", n(linked / 4.0)),
            ("Nämnare", n(100.0)),
            ("Insats-id", s("I-1")),
        ]);
        book = book.indicator(&[
            ("Indikator", s("readmission_30d_share")),
            ("Enhet", s("VC Övrig")),
            ("Period", period),
            ("Täljare", n((20.0 - linked) / 4.0)),
            ("Nämnare", n(100.0)),
        ]);
    }
    book
}

fn linked_of(r: &Value) -> &Value {
    r["linked_indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["initiative"] == "I-1")
        .unwrap()
}

#[test]
fn a_linked_figure_with_numerator_three_is_x_in_every_output() {
    let out = Test::new()
        .book(linked_book(3.0 * 1.0))
        .args(&["build"])
        .exit(0)
        .run();
    let r = out.report();
    let l = linked_of(&r);
    assert_eq!(
        (l["numerator"].as_f64(), l["suppressed"].as_bool()),
        (Some(3.0), Some(true))
    );
    let measured = &chapters(&r)[0]["listed"][0]["measured"][0];
    assert_eq!(measured["suppressed"], true);
    let row = "Återinskrivningar inom 30 dagar (procent)";
    let md = output(&out, "md");
    let line = md
        .lines()
        .find(|l| l.starts_with(&format!("| {row}")))
        .unwrap();
    assert_eq!(line, format!("| {row} | x | x | 400 |"));
    let html = output(&out, "html");
    let at = html.find(&format!("<th scope=\"row\">{row}")).unwrap();
    let cells = &html[at..at + html[at..].find("</tr>").unwrap()];
    assert!(
        cells.contains("<td>x</td><td>x</td>") && !cells.contains(">3<"),
        "{cells}"
    );
    if let Some(pdf) = pdf_text(&out) {
        let at = pdf.find(row).unwrap();
        let line = pdf[at..].lines().next().unwrap();
        assert!(
            line.split_whitespace().filter(|w| *w == "x").count() == 2,
            "{line}"
        );
    }
}

#[test]
fn an_administrations_figure_minus_its_linked_figures_gives_nothing_away() {
    // 20 for the administration, 17 linked: the remainder 3 would follow by subtraction,
    // so the linked 17 is hidden.
    let out = Test::new()
        .book(linked_book(17.0))
        .args(&["build"])
        .exit(0)
        .run();
    let r = out.report();
    assert_eq!(linked_of(&r)["suppressed"], true);
    let admin = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["administration"] == "Närsjukvården"
                && f["period"] == "2025"
                && f["indicator"] == "readmission_30d_share"
        })
        .unwrap();
    assert_eq!(admin["numerator"], 20.0);
    let md = output(&out, "md");
    let row = "| Återinskrivningar inom 30 dagar (procent) |";
    let line = md.lines().find(|l| l.starts_with(row)).unwrap();
    assert!(!line.contains("17") && !line.contains("4,3"), "{line}");
    // Neither 17 nor 3 is published next to the 20.
    assert!(
        !md.contains("| 17 |") && !md.contains("| 3 |"),
        "a number that gives the remainder away"
    );
}

#[test]
fn a_completed_initiative_without_a_result_is_a_notice_at_its_result_cell() {
    let book = Book::new("a.xlsx", "Närsjukvården")
        .initiative(&initiative(
            "Klar med resultat",
            "digital",
            "Genomförd",
            10.0,
            Some("Bra."),
        ))
        .initiative(&initiative(
            "Klar utan resultat",
            "digital",
            "Genomförd",
            20.0,
            None,
        ));
    let out = Test::new()
        .book(book)
        .args(&["build"])
        .exit(0)
        .finding("missing-result", "a.xlsx:Insatser!G3")
        .run();
    let md = output(&out, "md");
    let at = md.find("### Klar utan resultat").unwrap();
    assert!(md[at..].contains("**Resultat ej redovisat**"));
    let r = out.report();
    let listed = &chapters(&r)[0]["listed"];
    assert_eq!(listed[0]["name"], "Klar utan resultat");
    assert_eq!(listed[0]["result_missing"], true);
    assert_eq!(listed[1]["result_missing"], false);
}

/// A scratch folder with one workbook and the region's texts in `texter/`.
fn with_texts(texts: &[(&str, &str)]) -> Scratch {
    let sc = Scratch::new();
    let book = Book::new("a.xlsx", "Närsjukvården")
        .initiative(&initiative(
            "Insats ett",
            "digital",
            "Genomförd",
            10.0,
            Some("Resultatet av insats ett."),
        ))
        .initiative(&initiative(
            "Insats två",
            "named_doctor",
            "Genomförd",
            20.0,
            Some("Resultatet av insats två."),
        ));
    crate::builder::write_book(&sc, &book);
    let dir = sc.dir.path().join("texter");
    std::fs::create_dir(&dir).unwrap();
    for (name, text) in texts {
        std::fs::write(dir.join(name), text).unwrap();
    }
    sc
}

const HOSTILE: &str = "Vi skriver <script>alert('x')</script> och #set page(fill: red) och {{ 7*7 }}.\n\nSe [länken](javascript:alert(1)) och [Socialstyrelsen](https://www.socialstyrelsen.se).\n";

#[test]
fn the_regions_texts_stand_where_they_belong_and_no_markup_in_them_takes_effect() {
    let sc = with_texts(&[
        (
            "inledning.md",
            "Inledningens **första** mening.\n\n- punkt ett\n- punkt två\n",
        ),
        ("digital.md", HOSTILE),
        ("avslutning.md", "Avslutningens sista ord."),
    ]);
    let out = sc.run(&["build", "--quiet"]);
    assert_eq!(code(&out), 0);
    let html = std::fs::read_to_string(sc.output().join("redovisning-2025.html")).unwrap();
    assert!(
        html.contains("Inledningens <strong>första</strong> mening."),
        "html"
    );
    assert!(html.contains("<li>punkt ett</li>"));
    assert!(
        !html.contains("<script>alert")
            && html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
    );
    assert!(
        !html.contains("javascript:")
            && html.contains("<a href=\"https://www.socialstyrelsen.se\">Socialstyrelsen</a>")
    );
    assert!(html.contains("#set page(fill: red) och {{ 7*7 }}"));
    let md = std::fs::read_to_string(sc.output().join("redovisning-2025.md")).unwrap();
    assert!(md.contains("Inledningens **första** mening."), "md");
    assert!(
        md.contains("&lt;script&gt;") && !md.contains("<script") && !md.contains("javascript:")
    );
    assert!(md.contains("{{ 7\\*7 }}") && !md.contains("49"));
    // In every output: the introduction before the first chapter, the area's text in its
    // chapter, the closing after the cooperation.
    let html_heading = |h: &str| format!(">{h}</h2>");
    let md_heading = |h: &str| format!("## {h}\n");
    for (text, heading) in [
        (&html, &html_heading as &dyn Fn(&str) -> String),
        (&md, &md_heading),
    ] {
        let intro = text.find("Inledningens").unwrap();
        let digital = text
            .find(&heading("Digital teknik i patientmöten och analys"))
            .unwrap();
        let hostile = text.find("Vi skriver").unwrap();
        let doctor = text
            .find(&heading("Fast läkarkontakt i primärvården"))
            .unwrap();
        let cooperation = text.find(&heading("Samverkan med kommunerna")).unwrap();
        let closing = text.find("Avslutningens sista ord.").unwrap();
        assert!(
            intro < digital && digital < hostile && hostile < doctor,
            "order"
        );
        assert!(cooperation < closing);
    }
    let Some(pdftotext) = tool("pdftotext") else {
        return;
    };
    let pdf = pages(&pdftotext, &sc.output().join("redovisning-2025.pdf")).join("\n");
    let squeezed: String = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        squeezed.contains("Inledningens första mening."),
        "pdf: {squeezed}"
    );
    assert!(
        squeezed.contains("<script>alert('x')</script> och #set page(fill: red) och {{ 7*7 }}"),
        "{squeezed}"
    );
    let headings = [
        "Inledning",
        "Digital teknik i patientmöten och analys",
        "Fast läkarkontakt i primärvården",
        "Förflyttningar",
        "Samverkan med kommunerna",
        "Avslutning",
    ];
    // The body, after the table of contents (which names the same headings).
    let contents = squeezed.find("Sammanfattning").unwrap();
    let body = &squeezed[contents + 1..];
    let body = &body[body.find("Sammanfattning").unwrap()..];
    let at: Vec<usize> = headings
        .iter()
        .map(|h| body.find(h).unwrap_or_else(|| panic!("{h} not in the PDF")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    // Each result under its own area's heading.
    let one = body.find("Resultatet av insats ett.").unwrap();
    let two = body.find("Resultatet av insats två.").unwrap();
    assert!(at[1] < one && one < at[2] && at[2] < two && two < at[3]);
}

#[test]
fn a_text_no_part_of_the_report_reads_warns_with_the_closest_name() {
    let sc = with_texts(&[
        ("digitl.md", "Ett stavfel i namnet."),
        ("inledning.md", "Hej."),
    ]);
    let out = sc.run(&["build", "--format", "json"]);
    assert_eq!(code(&out), 0);
    let d = diagnostics(&out);
    let w = d.iter().find(|d| d["code"] == "unknown-text").unwrap();
    assert_eq!(w["severity"], "warning");
    assert_eq!(w["file"], "texter/digitl.md");
    assert_eq!(w["hint"], "menade du digital.md?");
    let html = std::fs::read_to_string(sc.output().join("redovisning-2025.html")).unwrap();
    assert!(!html.contains("Ett stavfel") && html.contains("Hej."));
    // The texts are in the templates' context.
    let context = sc.run(&["templates", "context"]);
    let v: Value = serde_json::from_slice(&context.stdout).unwrap();
    assert_eq!(v["texts"]["introduction"]["source"], "Hej.");
    assert!(v["chapters"][0]["listed"][0]["measured"].is_array());
}

#[test]
fn a_missing_texts_folder_named_with_texts_is_an_error() {
    let sc = with_texts(&[]);
    let out = sc.run(&["build", "--texts", "finns-inte"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--texts finns-inte: mappen finns inte"));
}
