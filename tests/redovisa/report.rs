//! The report: the xlsx appendix read back, the HTML in headless Chromium, the Markdown
//! as a snapshot, and templates edited or broken the way analysts will.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::common::*;

fn rows(wb: &mut Xlsx<std::io::BufReader<std::fs::File>>, sheet: &str) -> Vec<Vec<Data>> {
    wb.worksheet_range(sheet)
        .unwrap()
        .rows()
        .map(<[calamine::Data]>::to_vec)
        .collect()
}

fn text(d: &Data) -> String {
    d.to_string()
}

#[test]
fn every_table_has_its_title_totals_source_and_numeric_figures() {
    let sc = example();
    let path = sc.output().join("redovisning-2025.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let with_totals = [1, 2, 3, 4, 7];
    for n in 1..=8 {
        let sheet = format!("Tabell {n}");
        let rows = rows(&mut wb, &sheet);
        assert!(
            text(&rows[0][0]).starts_with(&format!("Tabell {n}. ")),
            "{sheet}: {:?}",
            rows[0][0]
        );
        assert!(
            text(&rows[0][0]).contains("2025"),
            "{sheet} title lacks the year"
        );
        assert!(!text(&rows[1][0]).is_empty(), "{sheet} has no unit line");
        assert!(
            rows.iter().any(|r| text(&r[0]).starts_with("Källa: ")),
            "{sheet} has no source line"
        );
        if with_totals.contains(&n) {
            let total = rows
                .iter()
                .find(|r| r[0] == "Totalt")
                .unwrap_or_else(|| panic!("{sheet} has no Totalt row"));
            assert!(
                total[1..].iter().any(|c| matches!(c, Data::Float(_))),
                "{sheet} Totalt row has no numbers"
            );
        }
        // Every figure is a numeric cell: no cell of a figure column holds a number as text.
        for row in rows.iter().skip(3) {
            for cell in row.iter().skip(1) {
                if let Data::String(s) = cell {
                    let digits_only = !s.is_empty()
                        && s.chars().all(|c| {
                            c.is_ascii_digit() || c == ' ' || c == '\u{a0}' || c == ',' || c == '.'
                        });
                    assert!(
                        !digits_only || s == "." || s == "..",
                        "{sheet}: a number stored as text: {s:?}"
                    );
                }
            }
        }
    }
    let t1 = rows(&mut wb, "Tabell 1");
    let total = t1.iter().find(|r| r[0] == "Totalt").unwrap();
    let r = sc.report();
    assert_eq!(
        total[3],
        Data::Float(r["totals"]["spent_kr"].as_f64().unwrap())
    );
}

#[test]
fn contents_links_point_at_existing_sheets() {
    let sc = example();
    let mut wb: Xlsx<_> = open_workbook(sc.output().join("redovisning-2025.xlsx")).unwrap();
    let sheets = wb.sheet_names();
    assert_eq!(sheets[0], "Innehåll");
    for needed in ["Teckenförklaring", "Definitioner", "Tabell 8"] {
        assert!(sheets.iter().any(|s| s == needed), "no sheet {needed}");
    }
    let links = wb.hyperlinks_by_sheet_name("Innehåll").unwrap();
    assert!(links.len() >= 11, "{links:?}");
    for link in links {
        let location = link.location.expect("an internal link");
        let target = location.split('!').next().unwrap().trim_matches('\'');
        assert!(
            sheets.iter().any(|s| s == target),
            "link to missing sheet {target}"
        );
    }
}

#[test]
fn suppressed_figures_are_x_in_every_published_table_and_kept_in_the_json() {
    let sc = example();
    let r = sc.report();
    let hidden: Vec<&serde_json::Value> = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["suppressed"] == true && i["period"] == "2025")
        .collect();
    assert!(hidden.len() >= 2, "the example should show suppression");
    for h in &hidden {
        assert!(
            h["numerator"].as_f64().is_some(),
            "the JSON keeps the value"
        );
    }
    let mut wb: Xlsx<_> = open_workbook(sc.output().join("redovisning-2025.xlsx")).unwrap();
    let t6 = rows(&mut wb, "Tabell 6");
    let md = std::fs::read_to_string(sc.output().join("redovisning-2025.md")).unwrap();
    // Tabell 6 names each indicator once, on its group's first row.
    let mut group = String::new();
    let t6: Vec<(String, &Vec<Data>)> = t6
        .iter()
        .map(|r| {
            if !text(&r[0]).is_empty() {
                group = text(&r[0]);
            }
            (group.clone(), r)
        })
        .collect();
    for h in hidden {
        let admin = h["administration"].as_str().unwrap_or("Hela regionen");
        let label = h["label"].as_str().unwrap();
        let (_, row) = t6
            .iter()
            .find(|(g, r)| g == label && text(&r[1]) == admin)
            .unwrap();
        assert_eq!(
            (text(&row[2]), text(&row[3])),
            ("x".to_string(), "x".to_string())
        );
        // In Markdown too the name stands on the group's first row only.
        let section = md.split(&format!("| {label} |")).nth(1).unwrap();
        // The group's rows: up to the next row that names an indicator.
        let group: Vec<&str> = section
            .split("\n| ")
            .take_while(|row| !row.starts_with(char::is_alphabetic))
            .collect();
        let group = group.join("\n| ");
        assert!(
            group.contains(&format!("{admin} | x | x |")),
            "{label} {admin} not hidden in Markdown"
        );
    }
}

#[test]
fn markdown_report_of_the_example() {
    let sc = example();
    let md = std::fs::read_to_string(sc.output().join("redovisning-2025.md")).unwrap();
    insta::assert_snapshot!("example_markdown", md);
}

/// The templates, copied so that a test can edit them.
fn template_copy(sc: &Scratch) -> PathBuf {
    let dir = sc.dir.path().join("mallar");
    std::fs::create_dir(&dir).unwrap();
    for entry in std::fs::read_dir(repo().join("templates")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn an_edited_template_changes_the_report_without_a_rebuild() {
    let sc = Scratch::new();
    std::fs::copy(
        repo().join("input/narsjukvarden.xlsx"),
        sc.file("narsjukvarden.xlsx"),
    )
    .unwrap();
    let dir = template_copy(&sc);
    let html = dir.join("report.html.j2");
    // Example 1 of templates/README.md: the heading.
    edit(
        &html,
        "{% block heading %}Redovisning av God och nära vård {{ year }}{% endblock %}",
        "{% block heading %}Region Exemples redovisning till Socialstyrelsen {{ year }}{% endblock %}",
    );
    // Example 2: a column through a filter.
    edit(
        &html,
        "<th scope=\"col\">Andel av använda medel, %</th></tr></thead>",
        "<th scope=\"col\">Andel av använda medel, %</th><th scope=\"col\">Använda medel per insats, kr</th></tr></thead>",
    );
    edit(
        &html,
        "<td>{{ a.share_pct | cell(1) }}</td></tr>",
        "<td>{{ a.share_pct | cell(1) }}</td><td class=\"per-insats\">{{ (a.spent_kr / a.initiatives) | cell if a.initiatives else symbols.cannot_occur }}</td></tr>",
    );
    let out = sc.run(&["--templates", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 0);
    let text = std::fs::read_to_string(sc.output().join("redovisning-2025.html")).unwrap();
    assert!(text.contains("<h1>Region Exemples redovisning till Socialstyrelsen 2025</h1>"));
    let r = sc.report();
    let a = &r["by_administration"][0];
    let per = a["spent_kr"].as_f64().unwrap() / a["initiatives"].as_f64().unwrap();
    let expected = redovisa::text::num(per, 0);
    assert!(
        text.contains(&format!("<td class=\"per-insats\">{expected}</td>")),
        "no {expected}"
    );
}

#[test]
fn a_broken_template_names_its_file_and_line_and_exits_2() {
    let sc = Scratch::new();
    std::fs::copy(
        repo().join("input/narsjukvarden.xlsx"),
        sc.file("narsjukvarden.xlsx"),
    )
    .unwrap();
    let dir = template_copy(&sc);
    let md = dir.join("report.md.j2");
    let text = std::fs::read_to_string(&md).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("## Sammanfattning"))
        .unwrap()
        + 1;
    edit(&md, "## Sammanfattning", "## Sammanfattning {% if %}");
    let out = sc.run(&["templates", "check", "--templates", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("report.md.j2") && err.contains(&format!("rad {line}")),
        "{err}"
    );
    assert!(!sc.output().exists());
    // A misspelt variable is an error too, not an empty cell.
    let text = std::fs::read_to_string(&md)
        .unwrap()
        .replace("## Sammanfattning {% if %}", "{{ totals.spent_kronor }}");
    std::fs::write(&md, text).unwrap();
    let out = sc.run(&["--templates", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("report.md.j2 rad {line}")));
}

#[test]
fn templates_context_prints_every_variable() {
    let sc = Scratch::new();
    std::fs::copy(
        repo().join("input/narsjukvarden.xlsx"),
        sc.file("narsjukvarden.xlsx"),
    )
    .unwrap();
    let out = sc.run(&["templates", "context"]);
    assert_eq!(code(&out), 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "year",
        "region",
        "generated",
        "draft",
        "totals",
        "by_administration",
        "by_area",
        "by_status",
        "by_shift",
        "area_matrix",
        "status_matrix",
        "shift_matrix",
        "indicators",
        "indicator_definitions",
        "initiatives",
        "files",
        "diagnostics",
        "tally",
        "rejected",
        "suppression_threshold",
        "symbols",
    ] {
        assert!(!v[key].is_null(), "the context lacks {key}");
    }
    // The README documents every top-level variable the context has.
    let readme = std::fs::read_to_string(repo().join("templates/README.md")).unwrap();
    for key in v.as_object().unwrap().keys() {
        assert!(
            readme.contains(&format!("`{key}`")),
            "templates/README.md does not document {key}"
        );
    }
}

/// Runs headless Chromium on the HTML report, if it is installed; CI installs it and sets
/// `REDOVISA_REQUIRE_CHROMIUM=1` so that a missing browser fails there.
#[test]
fn the_html_report_renders_in_chromium_without_external_requests() {
    let chromium_name = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(chromium_name) = chromium_name else {
        assert!(
            std::env::var_os("REDOVISA_REQUIRE_CHROMIUM").is_none(),
            "Chromium is required but not installed"
        );
        eprintln!("Chromium is not installed; skipping the browser check (CI runs it)");
        return;
    };
    let sc = example();
    let html_path = sc.output().join("redovisning-2025.html");
    let html = std::fs::read_to_string(&html_path).unwrap();
    for marker in [
        "src=\"http",
        "href=\"http",
        "url(http",
        "@import",
        "<script",
    ] {
        assert!(
            !html.contains(marker),
            "the report refers outside itself: {marker}"
        );
    }
    let profile = sc.dir.path().join("chromium-profile");
    let out = chromium(Path::new(chromium_name), &profile)
        .args([
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
            "--dump-dom",
            &format!("file://{}", html_path.display()),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let log = String::from_utf8_lossy(&out.stderr);
    for bad in ["Refused to", "net::ERR_", "Uncaught"] {
        assert!(!log.contains(bad), "Chromium reported {bad}: {log}");
    }
    for n in 1..=8 {
        assert!(
            dom.contains(&format!("<table id=\"tabell-{n}\"")),
            "table {n} missing from the rendered page"
        );
    }
    let r = sc.report();
    let indicators_with_data = r["indicator_definitions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            r["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["indicator"] == d["code"])
        })
        .count();
    let charts = dom.matches("<svg role=\"img\"").count();
    assert_eq!(charts, 2 + indicators_with_data, "every chart is rendered");
    assert!(dom.contains("<title id=\"diagram-2-title\">"));
    for n in 1..=charts {
        assert!(
            dom.contains(&format!("<figcaption>Diagram {n}. ")),
            "Diagram {n}"
        );
    }
}

/// A misspelt name or filter is an error with the closest right one, in `templates
/// check` and in `build` alike; never a silent `..` in the published report.
#[test]
fn a_misspelt_variable_or_filter_is_an_error_with_a_hint() {
    for (from, to, wrong, right) in [
        (
            "{{ totals.spent_kr | cell }}",
            "{{ totals.spentkr | sek }}",
            "spentkr",
            "spent_kr",
        ),
        (
            "{{ totals.spent_kr | cell }}",
            "{{ totals.spent_kr | sekk }}",
            "sekk",
            "sek",
        ),
    ] {
        let sc = Scratch::new();
        std::fs::copy(
            repo().join("input/narsjukvarden.xlsx"),
            sc.file("narsjukvarden.xlsx"),
        )
        .unwrap();
        let dir = template_copy(&sc);
        edit(&dir.join("report.md.j2"), from, to);
        let dir = dir.to_str().unwrap().to_string();
        for command in [vec!["templates", "check"], vec!["build"]] {
            let mut args = command.clone();
            args.extend(["--templates", dir.as_str()]);
            let out = sc.run(&args);
            assert_eq!(out.status.code(), Some(2), "{command:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("report.md.j2") && err.contains("rad "),
                "{err}"
            );
            assert!(err.contains(&format!("`{wrong}`")), "{err}");
            assert!(err.contains(&format!("menade du {right}?")), "{err}");
        }
        assert!(!sc.output().join("redovisning-2025.md").exists());
    }
}
