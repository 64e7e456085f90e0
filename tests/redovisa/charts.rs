//! The xlsx's charts are honest (SPEC 3.1), read from the workbook's chart parts: value
//! axes from zero in the table's number format, bars in the table's order, numbered
//! `Diagram N.` with the year, a source line under each, and a page break before them.

use std::io::Read;

use crate::common::*;

/// The text of the part `name` of the zip at `path`.
fn part(zip: &mut zip::ZipArchive<std::fs::File>, name: &str) -> String {
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// The text between `<tag` and `</tag>` in `xml` (the first such element).
fn element<'a>(xml: &'a str, tag: &str) -> &'a str {
    let start = xml
        .find(&format!("<{tag}>"))
        .unwrap_or_else(|| panic!("no {tag}"));
    let end = xml[start..].find(&format!("</{tag}>")).unwrap() + start;
    &xml[start..end]
}

#[test]
fn every_chart_starts_at_zero_in_the_tables_format_and_order() {
    let sc = example();
    let path = sc.output().join("redovisning-2025.xlsx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut charts: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.to_string()))
        .filter(|n| n.starts_with("xl/charts/chart"))
        .collect();
    charts.sort_by_key(|n| {
        n.trim_start_matches("xl/charts/chart")
            .trim_end_matches(".xml")
            .parse::<u32>()
            .unwrap()
    });
    let report = sc.report();
    let indicators = report["indicator_definitions"].as_array().unwrap().len();
    assert_eq!(charts.len(), 2 + indicators, "{charts:?}");
    let mut titles = Vec::new();
    for name in &charts {
        let xml = part(&mut zip, name);
        let value_axis = element(&xml, "c:valAx");
        assert!(
            value_axis.contains(r#"<c:min val="0"/>"#),
            "{name}: the value axis does not start at zero"
        );
        assert!(
            value_axis.contains(r##"formatCode="#,##0""##)
                || value_axis.contains("formatCode=\"0&quot;\u{a0}%&quot;\""),
            "{name}: the value axis has no number format: {value_axis}"
        );
        assert!(
            value_axis.contains(r#"sourceLinked="0""#),
            "{name}: the axis format is the chart's own"
        );
        let category_axis = element(&xml, "c:catAx");
        if xml.contains("<c:barDir val=\"bar\"/>") {
            // Horizontal bars: Excel draws the first category at the bottom unless the
            // axis is reversed; the table's first row must be the top bar.
            assert!(
                category_axis.contains(r#"<c:orientation val="maxMin"/>"#),
                "{name}: bars in the opposite order to the table"
            );
        } else {
            assert!(category_axis.contains(r#"<c:orientation val="minMax"/>"#));
        }
        let title: String = xml
            .split("<a:t>")
            .skip(1)
            .filter_map(|t| t.split("</a:t>").next())
            .collect();
        titles.push(title);
    }
    for (i, title) in titles.iter().enumerate() {
        assert!(
            title.starts_with(&format!("Diagram {}. ", i + 1)) && title.ends_with(", 2025"),
            "{title}"
        );
    }
    // The same number and title as in the HTML report: Diagram N means one chart.
    let html = std::fs::read_to_string(sc.output().join("redovisning-2025.html")).unwrap();
    for title in &titles {
        assert!(
            html.contains(&format!("<figcaption>{title}</figcaption>")),
            "the HTML has no {title}"
        );
    }
    assert!(titles[0].contains("per förvaltning"));
    assert!(titles[1].contains("per insatsområde"));
    // Tabell 1's chart: a page break above it and the source line under it.
    let sheet = part(&mut zip, "xl/worksheets/sheet2.xml");
    assert!(
        sheet.contains("<rowBreaks"),
        "no page break before the chart"
    );
    let rows = sheet_rows(&path, "Tabell 1");
    let sources = rows
        .iter()
        .filter(|r| {
            r.first()
                .is_some_and(|c| c.to_string().starts_with("Källa: "))
        })
        .count();
    assert_eq!(sources, 2, "one under the table, one under its chart");
}

#[test]
fn money_not_given_is_shown_as_not_available_in_the_bilaga() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("a.xlsx"),
        "A",
        vec![
            vec![s("Planerad insats"), s("digital"), s("Planerad")],
            vec![s("Pågående insats"), s("digital"), s("Pågående"), n(100.0)],
        ],
    );
    assert_eq!(code(&sc.run(&["build"])), 0);
    let rows = sheet_rows(&sc.output().join("redovisning-2025.xlsx"), "Tabell 8");
    let planned = rows
        .iter()
        .find(|r| r.iter().any(|c| *c == "Planerad insats"))
        .unwrap();
    assert_eq!(planned[9].to_string(), "..", "{planned:?}");
    let going = rows
        .iter()
        .find(|r| r.iter().any(|c| *c == "Pågående insats"))
        .unwrap();
    assert_eq!(num(&going[9]), 100.0);
}
