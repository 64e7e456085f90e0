//! The PDF (SPEC 3.2a) and the HTML report printed on A4 (SPEC 3.2), read back with
//! poppler's `pdfinfo`, `pdffonts` and `pdftotext` and printed with headless Chromium.
//!
//! Those programs are not Rust crates: `.ci/run` installs them (Debian's `poppler-utils`
//! and `chromium`) and sets `REDOVISA_REQUIRE_TOOLS=1`, so that in CI a missing one fails
//! the test. On a machine without them (a fresh clone), the checks that need them say so
//! on stderr and are skipped; the PDF's own checks (bytes, reruns) always run.

use crate::common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The program `name` on `PATH`, or `None` (a failure when tools are required).
pub(crate) fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("REDOVISA_REQUIRE_TOOLS").is_none(),
            "{name} is required (REDOVISA_REQUIRE_TOOLS) but not installed"
        );
        eprintln!("{name} is not installed: its checks are skipped");
    }
    found
}

pub(crate) fn stdout_of(program: &Path, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Each page's text (`pdftotext -layout`, pages split at form feeds).
pub(crate) fn pages(pdftotext: &Path, pdf: &Path) -> Vec<String> {
    let text = stdout_of(pdftotext, &["-layout", pdf.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Each page's size in points, from `pdfinfo`.
fn page_sizes(pdfinfo: &Path, pdf: &Path) -> Vec<(f64, f64)> {
    let info = stdout_of(pdfinfo, &["-f", "1", "-l", "100000", pdf.to_str().unwrap()]);
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let dims: Vec<f64> = l
                .split_whitespace()
                .filter_map(|w| w.parse::<f64>().ok())
                .collect();
            (dims[1], dims[2])
        })
        .collect()
}

/// Whether a page of `w` × `h` points is A4, upright or on its side.
fn is_a4((w, h): (f64, f64)) -> bool {
    let (short, long) = (w.min(h), w.max(h));
    (short - 595.28).abs() < 1.0 && (long - 841.89).abs() < 1.0
}

#[test]
fn the_example_pdf_is_a4_with_contents_every_table_and_embedded_fonts() {
    let sc = example();
    let pdf = sc.output().join("redovisning-2025.pdf");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // A rerun into another folder gives the same bytes.
    let again = example();
    assert_eq!(
        bytes,
        std::fs::read(again.output().join("redovisning-2025.pdf")).unwrap(),
        "reruns are byte-identical"
    );
    let (Some(pdfinfo), Some(pdffonts), Some(pdftotext)) =
        (tool("pdfinfo"), tool("pdffonts"), tool("pdftotext"))
    else {
        return;
    };
    let sizes = page_sizes(&pdfinfo, &pdf);
    assert!(sizes.len() > 10, "{sizes:?}");
    assert!(sizes.iter().all(|s| is_a4(*s)), "{sizes:?}");
    assert!(
        sizes.iter().any(|(w, h)| w > h),
        "wide tables on landscape pages"
    );
    // Every font is embedded: pdffonts's `emb` column (after name, type, encoding).
    let fonts = stdout_of(&pdffonts, &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let words: Vec<&str> = row.split_whitespace().collect();
        let emb = words[words.len() - 5];
        assert_eq!(emb, "yes", "a font not embedded: {row}");
    }
    let pages = pages(&pdftotext, &pdf);
    assert_eq!(pages.len(), sizes.len());
    let all = pages.join("\n");
    let title_page = &pages[0];
    assert!(title_page.contains("Redovisning av God och nära vård 2025"));
    assert!(title_page.contains("Region Exempel"));
    assert!(title_page.contains("31 mars 2026"));
    assert!(pages[1].contains("Innehåll"), "{}", pages[1]);
    for (n, title) in [
        (1, "Insatser och använda medel per förvaltning"),
        (2, "Insatser och använda medel per insatsområde"),
        (3, "Använda medel per förvaltning och insatsområde"),
        (4, "Insatser efter status och förvaltning"),
        (5, "Medel i förhållande till tilldelning och befolkning"),
        (6, "Indikatorer per förvaltning och för regionen"),
        (7, "Insatser per förflyttning och förvaltning"),
        (8, "Bilaga: samtliga insatser"),
    ] {
        let heading = format!("Tabell {n}. {title}");
        assert!(pages[1].contains(&heading), "contents lack {heading}");
        assert!(
            pages[2..].iter().any(|p| p.contains(&heading)),
            "no page has {heading}"
        );
    }
    for text in ["Teckenförklaring", "Diagram 1.", "Diagram 3.", "Källa: "] {
        assert!(all.contains(text), "the PDF lacks {text}");
    }
    let last = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Sida {} av {last}", i + 1)),
            "page {} has no page number",
            i + 1
        );
        assert!(!page.contains("UTKAST"), "a final report is no draft");
    }
    // No indicator code reaches readers.
    assert!(!all.contains("named_doctor_share"));
}

#[test]
fn a_draft_pdf_says_utkast_on_every_page() {
    let sc = Scratch::new();
    for f in std::fs::read_dir(repo().join("input")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, sc.file(f.file_name().unwrap().to_str().unwrap())).unwrap();
    }
    simple_book(
        &sc.file("trasig.xlsx"),
        "Trasig",
        vec![vec![s("Dålig"), s("digital"), s("Pågående"), s("hundra")]],
    );
    assert_eq!(code(&sc.run(&["build", "--allow-errors"])), 1);
    let pdf = sc.output().join("redovisning-2025.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let Some(pdftotext) = tool("pdftotext") else {
        return;
    };
    let pages = pages(&pdftotext, &pdf);
    assert!(pages.len() > 10);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("UTKAST"), "page {} lacks UTKAST", i + 1);
    }
    assert!(pages.iter().any(|p| p.contains("Avvikelser")));
}

/// `text` without tags, with entities and spaces as `pdftotext` gives them.
fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    squeeze(
        &out.replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'"),
    )
}

/// Runs of white space (and no-break spaces) as one space.
fn squeeze(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every numbered table of `html` (`Tabell N.`): its title, and the last cell of its
/// header row and of each of its rows, as text.
fn numbered_tables(html: &str) -> Vec<(String, Vec<String>)> {
    let mut tables = Vec::new();
    for table in html.split("<table").skip(1) {
        let table = table.split("</table>").next().unwrap_or("");
        let Some(caption) = table.split("<span class=\"title\">").nth(1) else {
            continue;
        };
        let title = plain(caption.split("</span>").next().unwrap_or(""));
        let last_cells = table
            .split("<tr")
            .skip(1)
            .filter(|row| !row.contains("colspan"))
            .filter_map(|row| {
                let row = row.split("</tr>").next()?;
                let cell = row.rsplit("<t").next()?;
                Some(plain(&format!("<{cell}")))
            })
            .filter(|cell| !cell.is_empty())
            .collect();
        tables.push((title, last_cells));
    }
    tables
}

#[test]
fn the_html_report_printed_by_chromium_loses_no_column() {
    let sc = example();
    let Some(program) = tool("chromium") else {
        return;
    };
    let Some(pdftotext) = tool("pdftotext") else {
        return;
    };
    let html_path = sc.output().join("redovisning-2025.html");
    let printed = sc.dir.path().join("printed.pdf");
    let profile = sc.dir.path().join("chromium-profile");
    let out = chromium(&program, &profile)
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", printed.display()))
        .arg(format!("file://{}", html_path.display()))
        .output()
        .unwrap();
    assert!(
        printed.is_file(),
        "chromium printed nothing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&html_path).unwrap();
    // Text clipped by a scrolling box or cut at the page's edge is left out of
    // pdftotext's text. Each numbered table's printed text (from its title to its source
    // line) must hold the last cell of its header and of every row: `100,0` cut to `100,`
    // or a matrix's Totalt column scrolled away fails.
    let text = squeeze(&pages(&pdftotext, &printed).join("\n"));
    let tables = numbered_tables(&html);
    assert!(tables.len() >= 8, "{tables:?}");
    for (title, last_cells) in &tables {
        let at = text
            .rfind(title.as_str())
            .unwrap_or_else(|| panic!("{title} is not printed"));
        let printed = &text[at..];
        let printed = &printed[..printed.find("Källa:").unwrap_or(printed.len())];
        let (header, rows) = last_cells.split_first().unwrap();
        // A header can wrap over lines, its words mixed with its neighbours': word by word.
        for word in header.split(' ') {
            assert!(
                printed.contains(word),
                "{title}: its last header {header:?} is not printed in: {printed}"
            );
        }
        for cell in rows {
            // A long text wraps over lines, its words mixed with its neighbours': its
            // last word stands for it (a column cut away prints none of its words).
            let cell = if cell.chars().count() > 40 {
                cell.rsplit(' ').next().unwrap_or(cell)
            } else {
                cell.as_str()
            };
            assert!(
                printed.contains(&format!(" {cell} ")) || printed.ends_with(&format!(" {cell}")),
                "{title}: its last column's {cell:?} is not printed in: {printed}"
            );
        }
    }
    // Wide tables print on landscape pages, the rest upright: every page is A4.
    let Some(pdfinfo) = tool("pdfinfo") else {
        return;
    };
    let sizes = page_sizes(&pdfinfo, &printed);
    assert!(sizes.iter().all(|s| is_a4(*s)), "{sizes:?}");
    assert!(sizes.iter().any(|(w, h)| w > h), "{sizes:?}");
}

#[test]
fn the_pdf_template_is_checked_and_its_errors_are_named() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("a.xlsx"),
        "Vård = #1 *viktig* [x] $y$ @z <l> // kommentar",
        vec![vec![
            s("= Rubrik #set page(width: 1pt)"),
            s("digital"),
            s("Pågående"),
            n(100.0),
        ]],
    );
    let dir = sc.dir.path().join("mallar");
    std::fs::create_dir(&dir).unwrap();
    for f in std::fs::read_dir(repo().join("templates")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    let out = sc.run(&["templates", "check", "--templates", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("report.typ.j2: ok"));
    // Names that are Typst markup are printed as text, on an A4 page.
    assert_eq!(
        code(&sc.run(&["build", "--templates", dir.to_str().unwrap()])),
        0
    );
    let pdf = sc.output().join("redovisning-2025.pdf");
    if let Some(pdftotext) = tool("pdftotext") {
        let text = squeeze(&pages(&pdftotext, &pdf).join("\n"));
        assert!(
            text.contains("Vård = #1 *viktig* [x] $y$ @z <l> // kommentar"),
            "{text}"
        );
        assert!(text.contains("= Rubrik #set page(width: 1pt)"), "{text}");
    }
    if let Some(pdfinfo) = tool("pdfinfo") {
        assert!(page_sizes(&pdfinfo, &pdf).into_iter().all(is_a4));
    }
    // A Typst error stops the run and names the template and the generated line.
    let typ = dir.join("report.typ.j2");
    let text = std::fs::read_to_string(&typ).unwrap();
    std::fs::write(
        &typ,
        text.replace("#outline(title: [Innehåll], depth: 2)", "#outline("),
    )
    .unwrap();
    let out = sc.run(&["templates", "check", "--templates", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("report.typ.j2") && err.contains("Typst"),
        "{err}"
    );
    assert!(err.contains("i den genererade Typst-koden"), "{err}");
    // A template folder without the PDF's template is refused, as for the others.
    std::fs::remove_file(&typ).unwrap();
    let out = sc.run(&["templates", "check", "--templates", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("report.typ.j2"));
}
