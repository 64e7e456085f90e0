//! Regressions from probing and from the real-world corpus (issue 15): each test is one
//! finding, built in code or read from `tests/fixtures/realworld/` (see its README).

use crate::common::*;

fn fixture(name: &str) -> std::path::PathBuf {
    repo().join("tests/fixtures/realworld").join(name)
}

fn one_row(sc: &Scratch, file: &str, administration: &str) {
    simple_book(
        &sc.file(file),
        administration,
        vec![vec![s("Ett"), s("digital"), s("Pågående"), n(1000.0)]],
    );
}

fn check_json(sc: &Scratch) -> (i32, Vec<serde_json::Value>) {
    let out = sc.run(&["check", "--format", "json"]);
    (out.status.code().unwrap_or(-1), diagnostics(&out))
}

#[test]
fn real_world_files_are_named_for_what_they_are_without_reader_words() {
    let sc = Scratch::new();
    for name in ["xor-password.xls", "biff3.xls", "reader-panics.xls"] {
        std::fs::copy(fixture(name), sc.file(name)).unwrap();
    }
    let (code, diags) = check_json(&sc);
    assert_eq!(code, 1);
    let message = |file: &str| -> String {
        let found: Vec<_> = diags.iter().filter(|d| d["file"] == file).collect();
        assert_eq!(found.len(), 1, "{file}: {found:#?}");
        assert_eq!(found[0]["code"], "file-unreadable");
        found[0]["message"].as_str().unwrap().to_string()
    };
    assert!(message("xor-password.xls").contains("krypterad"));
    assert!(message("biff3.xls").contains("Excel 2–4"));
    let panicked = message("reader-panics.xls");
    for internal in ["index", "bounds", "oväntat", "panic", "len is"] {
        assert!(!panicked.contains(internal), "{panicked}");
    }
}

#[test]
fn valid_workbooks_the_reader_refuses_whole_are_mended_and_read() {
    let sc = Scratch::new();
    let files = [
        ("prefixed-rels.xlsb", "Blad1"),
        ("no-mimetype.ods", "Sheet1"),
        ("indented.ods", "Report"),
        ("state-show.xlsx", "Sheet1"),
        ("macro-sheet.xlsm", "Sheet1"),
    ];
    for (name, _) in files {
        std::fs::copy(fixture(name), sc.file(name)).unwrap();
    }
    let (_, diags) = check_json(&sc);
    for (name, sheet) in files {
        assert!(
            !has(&diags, "file-unreadable", name, None),
            "{name} refused: {diags:#?}"
        );
        // Read: the missing-sheet finding lists the sheets the file has.
        let missing = diags
            .iter()
            .find(|d| d["file"] == name && d["code"] == "missing-sheet")
            .unwrap_or_else(|| panic!("{name}: {diags:#?}"));
        assert!(
            missing["message"].as_str().unwrap().contains(sheet),
            "{name}: {missing}"
        );
    }
}

/// An .ods as `LibreOffice` writes it, then indented the way other tools write it.
#[test]
fn an_indented_ods_submission_is_read_to_the_krona() {
    let sc = Scratch::new();
    let plain = sc.dir.path().join("plain.ods");
    let rows = vec![vec![
        s("Mobil  hemsjukvård"),
        s("digital"),
        s("Pågående"),
        n(1250.5),
    ]];
    ods(&plain, &simple_sheets("Vård och omsorg", rows));
    // Re-pack with content.xml indented between elements (not inside text).
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&plain).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(sc.file("indenterad.ods")).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut data = String::new();
        std::io::Read::read_to_string(&mut entry, &mut data).unwrap();
        let name = entry.name().unwrap().into_owned();
        if name == "content.xml" {
            data = data
                .replace("<table:table-row>", "\n    <table:table-row>")
                .replace("<table:table-cell", "\n      <table:table-cell")
                .replace("</table:table-row>", "\n    </table:table-row>");
        }
        out.start_file(name, stored).unwrap();
        std::io::Write::write_all(&mut out, data.as_bytes()).unwrap();
    }
    out.finish().unwrap();
    let build = sc.run(&["build"]);
    assert_eq!(code(&build), 0);
    let report = sc.report();
    assert_eq!(report["totals"]["spent_kr"], 1250.5);
    assert_eq!(report["initiatives"][0]["name"], "Mobil  hemsjukvård");
}

#[test]
fn decomposed_names_headers_and_values_are_the_same_as_composed_ones() {
    let sc = Scratch::new();
    let nfd = |t: &str| -> String {
        t.replace('ä', "a\u{308}")
            .replace('å', "a\u{30a}")
            .replace('Ö', "O\u{308}")
    };
    one_row(&sc, "a.xlsx", "Närsjukvården");
    xlsx(
        &sc.file("b.xlsx"),
        &[
            info(&nfd("Närsjukvården")),
            sheet(
                "Insatser",
                vec![
                    vec![
                        s("Insats"),
                        s(&nfd("Insatsområde")),
                        s("Status"),
                        s("Använda medel"),
                    ],
                    vec![s("Två"), s(&nfd("Övrigt")), s("Pågående"), n(10.0)],
                ],
            ),
        ],
    );
    let (_, diags) = check_json(&sc);
    assert!(
        has(&diags, "duplicate-administration", "b.xlsx", None),
        "{diags:#?}"
    );
    assert!(!has(&diags, "missing-column", "b.xlsx", None), "{diags:#?}");
    assert!(!has(&diags, "unknown-value", "b.xlsx", None), "{diags:#?}");
}

#[test]
fn an_administration_name_is_kept_whole_with_its_quotes() {
    let sc = Scratch::new();
    let long = format!(
        "Vårdcentralen \"Norr\" {}",
        "och dess mottagningar ".repeat(4)
    );
    let long = long.trim().to_string();
    assert!(long.chars().count() > 60);
    one_row(&sc, "a.xlsx", &long);
    one_row(&sc, "b.xlsx", &format!("{long} i väster"));
    let out = sc.run(&["build"]);
    assert_eq!(code(&out), 0);
    let names: Vec<String> = sc.report()["by_administration"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["administration"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&long), "{names:?}");
    assert_eq!(names.len(), 2);
}

#[test]
fn a_percentage_in_a_money_column_is_not_an_amount() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("a.xlsx"),
        "A",
        vec![vec![s("Ett"), s("digital"), s("Pågående"), s("12,5 %")]],
    );
    let (code, diags) = check_json(&sc);
    assert_eq!(code, 1);
    assert!(
        has(&diags, "type-error", "a.xlsx", Some("D2")),
        "{diags:#?}"
    );
}

/// `redovisa check` with `config` as the configuration: exit code and stderr.
fn with_config(config: &str) -> (i32, String) {
    let sc = Scratch::new();
    one_row(&sc, "a.xlsx", "A");
    std::fs::write(sc.dir.path().join("redovisa.toml"), config).unwrap();
    let out = sc.run(&["check"]);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_configuration_that_contradicts_itself_is_refused_at_its_line() {
    let base = redovisa::config::DEFAULT_TOML;
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    // An area code twice: Tabell 2 would not add up to Totalt.
    let twice = base.replacen("code = \"named_doctor\"", "code = \"digital\"", 1);
    let (code, err) = with_config(&twice);
    assert_eq!(code, 2, "{err}");
    let second = twice
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "code = \"digital\"")
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert!(
        err.contains(&format!(":{second}:")) && err.contains("två gånger"),
        "{err}"
    );
    // An empty code.
    let (code, err) = with_config(&base.replacen("code = \"digital\"", "code = \"\"", 1));
    assert_eq!(code, 2);
    assert!(err.contains("tom"), "{err}");
    // A target that is no number.
    let nan = base.replacen("value = 55.0", "value = nan", 1);
    assert_ne!(nan, base);
    let (code, err) = with_config(&nan);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("målvärdet"), "{err}");
    // A negative suppression threshold.
    let negative = base.replacen("suppression_threshold = 5", "suppression_threshold = -1", 1);
    assert_ne!(negative, base);
    let (code, err) = with_config(&negative);
    assert_eq!(code, 2);
    assert!(err.contains("röjandeskydd"), "{err}");
    // A year of 0 is reported where the year is written, not on a comment.
    let zero = base.replacen("year = 2025", "year = 0", 1);
    assert_ne!(zero, base);
    let (code, err) = with_config(&zero);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!(":{}:", line_of(&zero, "year = 0"))),
        "{err}"
    );
}

/// Templates in `sc/templates`: the shipped ones, with `report.md.j2` replaced.
fn with_md_template(sc: &Scratch, source: &str) -> std::path::PathBuf {
    let dir = sc.dir.path().join("templates");
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(repo().join("templates")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    std::fs::write(dir.join("report.md.j2"), source).unwrap();
    dir
}

#[test]
fn a_template_that_never_ends_stops_with_an_error_and_leaves_last_report() {
    let sc = Scratch::new();
    one_row(&sc, "a.xlsx", "A");
    assert_eq!(code(&sc.run(&["build"])), 0);
    let before = std::fs::read(sc.output().join("redovisning-2025.md")).unwrap();
    let dir = with_md_template(
        &sc,
        "{% for i in range(100000) %}{% for j in range(100000) %}.{% endfor %}{% endfor %}",
    );
    let out = sc.run(&["build", "--templates", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("report.md.j2") && err.contains("avbröts"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(sc.output().join("redovisning-2025.md")).unwrap(),
        before
    );
    let left: Vec<_> = std::fs::read_dir(sc.output())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_template_that_grows_a_text_without_end_is_stopped() {
    let sc = Scratch::new();
    one_row(&sc, "a.xlsx", "A");
    let config =
        redovisa::config::DEFAULT_TOML.replace("max_render_mib = 4_096", "max_render_mib = 200");
    std::fs::write(sc.dir.path().join("redovisa.toml"), config).unwrap();
    let dir = with_md_template(
        &sc,
        "{% set ns = namespace(s=\"0123456789abcdef\") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
    );
    let out = sc.run(&["build", "--templates", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("max_render_mib"), "{err}");
    assert!(!sc.output().join("redovisning-2025.md").exists());
    // The next run, with the shipped templates, removes the staging folder the stopped
    // one left.
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(
        sc.dir.path().join("redovisa.toml"),
        redovisa::config::DEFAULT_TOML,
    )
    .unwrap();
    assert_eq!(code(&sc.run(&["build"])), 0);
    let hidden = std::fs::read_dir(sc.output())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count();
    assert_eq!(hidden, 0);
}

#[test]
fn a_logo_beside_the_templates_is_not_a_template() {
    let sc = Scratch::new();
    one_row(&sc, "a.xlsx", "A");
    let dir = with_md_template(&sc, "# {{ region }}\n");
    std::fs::write(
        dir.join("logo.png"),
        [0x89, b'P', b'N', b'G', 0xFF, 0xFE, 0x00],
    )
    .unwrap();
    let out = sc.run(&["build", "--templates", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 0);
}

#[test]
fn cell_text_cannot_write_markup_into_the_markdown() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("a.xlsx"),
        "A",
        vec![vec![
            s("Ny | rad\n<script>x</script> [klick](javascript:alert(1))"),
            s("digital"),
            s("Pågående"),
            n(5.0),
        ]],
    );
    assert_eq!(code(&sc.run(&["build"])), 0);
    let md = std::fs::read_to_string(sc.output().join("redovisning-2025.md")).unwrap();
    assert!(
        !md.contains("<script>") && !md.contains("[klick](javascript"),
        "{md}"
    );
    let row = md
        .lines()
        .find(|l| l.contains("Ny \\| rad"))
        .expect("the row, on one line");
    assert!(
        row.contains("&lt;script&gt;") && row.contains("\\[klick\\]"),
        "{row}"
    );
}

#[test]
fn file_names_cannot_run_as_formulas_or_forge_log_lines() {
    let sc = Scratch::new();
    one_row(&sc, "=1+2.xlsx", "A");
    std::fs::write(sc.file("x\n::error file=y::falskt.xlsx"), b"inget").unwrap();
    let out = sc.run(&["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().all(|l| !l.starts_with("::error")), "{text}");
    assert!(text.contains("x\\n::error"), "{text}");
    let out = sc.run(&["check", "--format", "short"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().all(|l| !l.starts_with("::")), "{text}");
    sc.run(&["build", "--allow-errors"]);
    let csv = std::fs::read_to_string(sc.output().join("avvikelser-2025.csv")).unwrap();
    assert!(!csv.lines().any(|l| l.starts_with('=')), "{csv}");
}

#[test]
fn the_report_is_not_written_into_the_input_folder() {
    let sc = Scratch::new();
    one_row(&sc, "a.xlsx", "A");
    let input = sc.input();
    let out = run_in(
        sc.dir.path(),
        &[
            "build",
            "--input",
            input.to_str().unwrap(),
            "--output",
            input.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("indatamappen"));
    assert_eq!(std::fs::read_dir(&input).unwrap().count(), 1);
}

#[test]
fn copies_of_one_workbook_give_findings_that_stay_short() {
    let sc = Scratch::new();
    one_row(&sc, "kopia-0000.xlsx", "Samma");
    let bytes = std::fs::read(sc.file("kopia-0000.xlsx")).unwrap();
    for i in 1..400 {
        std::fs::write(sc.file(&format!("kopia-{i:04}.xlsx")), &bytes).unwrap();
    }
    let (_, diags) = check_json(&sc);
    let duplicates: Vec<_> = diags
        .iter()
        .filter(|d| d["code"] == "duplicate-administration")
        .collect();
    assert_eq!(duplicates.len(), 400);
    let longest = duplicates
        .iter()
        .map(|d| d["message"].as_str().unwrap().len())
        .max()
        .unwrap();
    assert!(longest < 300, "a finding of {longest} bytes");
    let first = duplicates[0]["message"].as_str().unwrap();
    assert!(first.contains("396\u{a0}arbetsböcker till"), "{first}");
}

#[test]
fn two_administrations_with_one_file_name_get_one_workbook_each() {
    let sc = Scratch::new();
    let to = sc.dir.path().join("mallar");
    let out = sc.run(&[
        "template",
        "--administration",
        "Närsjukvården",
        "--administration",
        "Narsjukvarden",
        "--to",
        to.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0);
    let mut names: Vec<String> = std::fs::read_dir(&to)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert_ne!(names[0], names[1]);
}

#[test]
fn two_builds_at_once_leave_one_whole_report() {
    let sc = Scratch::new();
    one_row(&sc, "a.xlsx", "A");
    let input = sc.input();
    let output = sc.output();
    for round in 0..5 {
        let runs: Vec<_> = ["2026-03-30", "2026-03-31"]
            .into_iter()
            .map(|date| {
                std::process::Command::new(env!("CARGO_BIN_EXE_redovisa"))
                    .args(["build", "--quiet", "--date", date, "--input"])
                    .arg(&input)
                    .arg("--output")
                    .arg(&output)
                    .current_dir(sc.dir.path())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut run in runs {
            assert!(run.wait().unwrap().success());
        }
        let json = std::fs::read_to_string(output.join("redovisning-2025.json")).unwrap();
        let date = if json.contains("2026-03-30") {
            "2026-03-30"
        } else {
            "2026-03-31"
        };
        let md = std::fs::read_to_string(output.join("redovisning-2025.md")).unwrap();
        assert!(
            md.contains(date),
            "round {round}: the Markdown is from the other run"
        );
    }
}
