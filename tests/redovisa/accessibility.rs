//! A report an authority can archive and anyone can read (issue 25): the PDF conforms to
//! PDF/A-2a and PDF/UA-1 and says so, every chart is a figure with an alternative text
//! that gives its numbers, the language and the displayed title are set; a draft too.
//! The HTML keeps its structure: one `h1`, headings without skipped levels, header cells
//! with a scope, charts as named images with their figures in text, and readable
//! contrast.

use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Name, Object};

use crate::common::*;

/// A PDF text string as Rust text: UTF-16BE after its byte order mark, else as Latin-1
/// (`PDFDocEncoding` agrees with it for the letters a report uses).
fn text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// Every structure element under `element`: its type and its alternative text.
fn structure(element: &Dict<'_>, out: &mut Vec<(String, Option<String>)>, depth: usize) {
    if depth > 200 {
        return;
    }
    let kind = element
        .get::<Name<'_>>(b"S")
        .map(|n| n.as_str().to_string());
    if let Some(kind) = kind {
        let alt = element
            .get::<hayro_syntax::object::String<'_>>(b"Alt")
            .map(|s| text(s.as_bytes()));
        out.push((kind, alt));
    }
    let children: Vec<Dict<'_>> = match element.get::<Object<'_>>(b"K") {
        Some(Object::Dict(d)) => vec![d],
        Some(Object::Array(a)) => kids(&a),
        _ => Vec::new(),
    };
    for child in children {
        structure(&child, out, depth + 1);
    }
}

fn kids<'a>(array: &Array<'a>) -> Vec<Dict<'a>> {
    array
        .iter::<Object<'a>>()
        .filter_map(|o| match o {
            Object::Dict(d) => Some(d),
            _ => None,
        })
        .collect()
}

/// What a PDF says of itself: the catalog's language, whether viewers show its title,
/// its XMP metadata, and its structure elements.
struct Read {
    lang: Option<String>,
    displays_title: bool,
    xmp: String,
    elements: Vec<(String, Option<String>)>,
}

fn read(path: &std::path::Path) -> Read {
    let pdf = Pdf::new(std::fs::read(path).unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
    let xref = pdf.xref();
    let catalog: Dict<'_> = xref.get(xref.root_id()).expect("a catalog");
    let lang = catalog
        .get::<hayro_syntax::object::String<'_>>(b"Lang")
        .map(|s| text(s.as_bytes()));
    let displays_title = catalog
        .get::<Dict<'_>>(b"ViewerPreferences")
        .and_then(|v| v.get::<bool>(b"DisplayDocTitle"))
        .unwrap_or(false);
    let xmp = catalog
        .get::<hayro_syntax::object::Stream<'_>>(b"Metadata")
        .and_then(|s| s.decoded().ok())
        .map(|d| String::from_utf8_lossy(&d).into_owned())
        .unwrap_or_default();
    let mut elements = Vec::new();
    if let Some(root) = catalog.get::<Dict<'_>>(b"StructTreeRoot") {
        structure(&root, &mut elements, 0);
    }
    Read {
        lang,
        displays_title,
        xmp,
        elements,
    }
}

fn conforms(path: &std::path::Path, title: &str) {
    let r = read(path);
    assert!(r.xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{}", r.xmp);
    assert!(r.xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(r.xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
    assert!(
        r.xmp.contains(title),
        "the title {title} is not in {}",
        r.xmp
    );
    assert_eq!(r.lang.as_deref(), Some("sv-SE"));
    assert!(
        r.displays_title,
        "viewers would show the file name, not the title"
    );
    let kinds: std::collections::BTreeSet<&str> =
        r.elements.iter().map(|(k, _)| k.as_str()).collect();
    for kind in ["Document", "H1", "H2", "Table", "TH", "TD", "TOC", "Figure"] {
        assert!(
            kinds.contains(kind),
            "no {kind} in the structure: {kinds:?}"
        );
    }
    let figures: Vec<&Option<String>> = r
        .elements
        .iter()
        .filter(|(k, _)| k == "Figure")
        .map(|(_, a)| a)
        .collect();
    assert_eq!(figures.len(), 7, "one figure per chart");
    for alt in figures {
        let alt = alt
            .as_deref()
            .expect("every figure has an alternative text");
        // Not "diagram" but what it shows: its title and its numbers.
        assert!(
            alt.starts_with("Diagram ") && alt.chars().filter(char::is_ascii_digit).count() > 6,
            "{alt}"
        );
        assert!(alt.contains(": "), "{alt}");
    }
}

#[test]
fn the_pdf_is_pdf_a_2a_and_pdf_ua_1_with_every_chart_described() {
    let sc = example();
    conforms(
        &sc.output().join("redovisning-2025.pdf"),
        "Redovisning av God och nära vård 2025, Region Exempel",
    );
    let r = read(&sc.output().join("redovisning-2025.pdf"));
    let first = r
        .elements
        .iter()
        .find(|(k, _)| k == "Figure")
        .and_then(|(_, a)| a.clone())
        .unwrap();
    assert!(
        first.starts_with("Diagram 1. Använda medel per förvaltning, kronor, 2025. "),
        "{first}"
    );
}

#[test]
fn a_draft_pdf_conforms_too() {
    let sc = Scratch::new();
    for f in std::fs::read_dir(repo().join("input")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, sc.input().join(f.file_name().unwrap())).unwrap();
    }
    // One error makes the report a draft.
    simple_book(
        &sc.file("fel.xlsx"),
        "Felaktiga förvaltningen",
        vec![vec![s("Insats"), s("digital"), s("Påbörjad"), n(1.0)]],
    );
    let out = sc.run(&["build", "--allow-errors", "--quiet"]);
    assert_eq!(code(&out), 1);
    assert_eq!(sc.report()["draft"], true);
    conforms(
        &sc.output().join("redovisning-2025.pdf"),
        "Redovisning av God och nära vård 2025, Region Exempel",
    );
}

#[test]
fn an_edit_that_breaks_conformance_stops_the_run_naming_what_failed() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("a.xlsx"),
        "A",
        vec![vec![s("Insats"), s("digital"), s("Pågående"), n(100.0)]],
    );
    let dir = sc.dir.path().join("mallar");
    std::fs::create_dir(&dir).unwrap();
    for f in std::fs::read_dir(repo().join("templates")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    // A heading three levels below the chapter's: the outline would skip a level.
    let typ = dir.join("report.typ.j2");
    let text = std::fs::read_to_string(&typ).unwrap();
    std::fs::write(
        &typ,
        text.replace(
            "= Sammanfattning\n",
            "= Sammanfattning\n=== Alltför djup rubrik\n",
        ),
    )
    .unwrap();
    for command in ["build", "templates"] {
        let mut args = vec![command];
        if command == "templates" {
            args.push("check");
        }
        args.extend(["--templates", dir.to_str().unwrap()]);
        let out = sc.run(&args);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("PDF:en skulle inte uppfylla PDF/UA-1")
                && err.contains("rubrikerna hoppar från nivå 1 till nivå 3"),
            "{err}"
        );
        assert!(
            err.contains("Alltför djup rubrik"),
            "the generated line is named: {err}"
        );
    }
    // Nothing was written.
    assert!(!sc.output().join("redovisning-2025.pdf").exists());
}

/// The example built with the shipped texts, as a user's first run makes it.
fn example_with_texts() -> Scratch {
    let sc = Scratch::new();
    let texts = sc.dir.path().join("texter");
    std::fs::create_dir(&texts).unwrap();
    for f in std::fs::read_dir(repo().join("texter")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, texts.join(f.file_name().unwrap())).unwrap();
    }
    let (input, output) = (repo().join("input"), sc.output());
    let args = [
        "build",
        "--quiet",
        "--date",
        "2026-03-31",
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
    ];
    assert_eq!(code(&run_in(sc.dir.path(), &args)), 0);
    sc
}

/// The opening tags named `tag` in `html`, each with its attributes' text.
fn tags<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    html.match_indices(&open)
        .filter(|(at, _)| {
            html[at + open.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == '>' || c == ' ')
        })
        .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap() + 1])
        .collect()
}

#[test]
fn the_html_has_a_language_one_h1_headings_in_order_and_scoped_header_cells() {
    let sc = example_with_texts();
    let html = std::fs::read_to_string(sc.output().join("redovisning-2025.html")).unwrap();
    assert!(html.contains("<html lang=\"sv\">"));
    let levels: Vec<u8> = (1..=6u8)
        .flat_map(|l| {
            let html = &html;
            tags(html, &format!("h{l}"))
                .into_iter()
                .map(move |t| (t.as_ptr() as usize - html.as_ptr() as usize, l))
        })
        .collect::<std::collections::BTreeMap<usize, u8>>()
        .into_values()
        .collect();
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1, "one h1");
    assert_eq!(levels[0], 1);
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "a heading skips a level: {pair:?} in {levels:?}"
        );
    }
    assert!(
        levels.contains(&3),
        "the chapters' initiatives and texts are h3"
    );
    let th = tags(&html, "th");
    assert!(th.len() > 100);
    for t in &th {
        assert!(
            ["col", "row", "colgroup", "rowgroup"]
                .iter()
                .any(|s| t.contains(&format!("scope=\"{s}\""))),
            "{t}"
        );
    }
    // Every table has a caption that names it.
    assert_eq!(
        html.matches("<table").count(),
        html.matches("<caption>").count()
    );
}

#[test]
fn the_html_charts_are_named_images_with_their_figures_in_text() {
    let sc = example_with_texts();
    let html = std::fs::read_to_string(sc.output().join("redovisning-2025.html")).unwrap();
    let svgs = tags(&html, "svg");
    assert_eq!(svgs.len(), 7);
    for svg in svgs {
        assert!(
            svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\""),
            "{svg}"
        );
        let ids = svg
            .split("aria-labelledby=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        for id in ids.split(' ') {
            let at = html
                .find(&format!("id=\"{id}\""))
                .unwrap_or_else(|| panic!("no {id}"));
            let named = &html[at..at + html[at..].find("</").unwrap()];
            assert!(named.len() > 20, "{named}");
            if id.ends_with("-desc") {
                // The description gives every bar's value in words and numbers.
                assert!(
                    named.matches(": ").count() >= 3 && named.chars().any(|c| c.is_ascii_digit()),
                    "{named}"
                );
            }
        }
    }
}

/// The relative luminance of `#rrggbb` or `#rgb` (WCAG 2.1).
fn luminance(hex: &str) -> f64 {
    let hex = hex.trim_start_matches('#');
    let hex: String = if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_string()
    };
    let channel = |k: usize| {
        let c = f64::from(u8::from_str_radix(&hex[k..k + 2], 16).unwrap()) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn every_text_colour_of_the_style_reads_at_4_5_to_1_on_its_backgrounds() {
    let css = std::fs::read_to_string(repo().join("templates/style.css")).unwrap();
    let root = css
        .split(":root {")
        .nth(1)
        .unwrap()
        .split('}')
        .next()
        .unwrap();
    let vars: std::collections::BTreeMap<String, String> = root
        .split(';')
        .filter_map(|d| {
            let (k, v) = d.split_once(':')?;
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    let resolve = |v: &str| -> String {
        let v = v.trim();
        match v.strip_prefix("var(").and_then(|r| r.strip_suffix(')')) {
            Some(name) => vars[name].clone(),
            None => v.to_string(),
        }
    };
    // The backgrounds text stands on: the page and the group rows of Tabell 6.
    let mut backgrounds = vec!["#ffffff".to_string()];
    let mut colours = Vec::new();
    for rule in css.split('}') {
        let Some((selector, body)) = rule.split_once('{') else {
            continue;
        };
        let selector = selector.rsplit('{').next().unwrap_or(selector).trim();
        for declaration in body.split(';') {
            let Some((property, value)) = declaration.split_once(':') else {
                continue;
            };
            let value = resolve(value);
            if !value.starts_with('#') {
                continue;
            }
            match property.trim() {
                "background" => backgrounds.push(value),
                "color" => colours.push((selector.to_string(), value)),
                // SVG text is filled: the labels and values of the charts, not their bars.
                "fill" if !selector.contains("bar") => colours.push((selector.to_string(), value)),
                _ => {}
            }
        }
    }
    assert!(colours.len() >= 6, "{colours:?}");
    for (selector, colour) in &colours {
        for background in &backgrounds {
            let ratio = contrast(colour, background);
            assert!(
                ratio >= 4.5,
                "{selector}: {colour} on {background} is {ratio:.2}:1"
            );
        }
    }
}
