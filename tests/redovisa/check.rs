//! `redovisa check`: exit codes, diagnostic formats, and diagnostics located to the cell.

use crate::builder::{Book, Test};
use crate::common::*;

/// Administration A's workbook with one initiative whose `Använda medel` is a word.
fn a_word_for_money() -> Book {
    Book::new("a.xlsx", "A").initiative(&[
        ("Insats", s("Ett")),
        ("Insatsområde", s("digital")),
        ("Status", s("Pågående")),
        ("Använda medel", s("tusen")),
    ])
}

fn one_bad_cell() -> Scratch {
    Test::new().book(a_word_for_money()).exit(1).run().scratch
}

#[test]
fn clean_input_exits_zero_and_writes_nothing() {
    let done = Test::new()
        .book(Book::new("a.xlsx", "A").spent("Ett", 5.0))
        .args(&["check"])
        .exit(0)
        .run();
    assert!(!done.scratch.output().exists());
}

#[test]
fn a_type_error_is_exit_1_located_to_the_cell() {
    let done = Test::new()
        .book(a_word_for_money())
        .args(&["check"])
        .exit(1)
        .finding("type-error", "a.xlsx:Insatser!D2")
        .run();
    let diags = diagnostics(&done.output);
    let d = diags.iter().find(|d| d["code"] == "type-error").unwrap();
    assert_eq!(d["severity"], "error");
    assert!(d["message"].as_str().unwrap().contains("\"tusen\""));
}

#[test]
fn short_and_github_formats() {
    let sc = one_bad_cell();
    let out = sc.run(&["check", "--format", "short"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("a.xlsx:Insatser!D2: error[type-error]: ")),
        "{text}"
    );
    let out = sc.run(&["check", "--format", "github"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l.starts_with("::error file=")
            && l.contains("a.xlsx,title=type-error::Insatser!D2")),
        "{text}"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn deny_warnings_fails_on_an_unknown_column() {
    let book = || {
        Book::new("a.xlsx", "A").initiative(&[
            ("Insats", s("Ett")),
            ("Insatsområde", s("digital")),
            ("Status", s("Pågående")),
            ("Använda medel", n(5.0)),
            ("Budgett", n(6.0)),
        ])
    };
    Test::new()
        .book(book())
        .exit(0)
        .finding("unknown-column", "Insatser!E1")
        .run();
    let done = Test::new()
        .book(book())
        .args(&["check", "--deny-warnings"])
        .exit(1)
        .finding("unknown-column", "Insatser!E1")
        .run();
    let diags = diagnostics(&done.output);
    let d = diags
        .iter()
        .find(|d| d["code"] == "unknown-column")
        .unwrap();
    assert_eq!(d["hint"], "menade du \"Budget\"?");
}

#[test]
fn a_missing_input_folder_is_exit_2() {
    let sc = Scratch::new();
    let out = run_in(sc.dir.path(), &["check", "--input", "finns-inte"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("finns-inte"));
}

#[test]
fn a_bad_configuration_is_exit_2_naming_line_and_key() {
    let sc = one_bad_cell();
    let config = sc.dir.path().join("redovisa.toml");
    std::fs::write(&config, "year = \"nittonhundra\"\nregion = \"X\"\n").unwrap();
    let out = sc.run(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("redovisa.toml:1:") && err.contains("`year`"),
        "{err}"
    );
}

#[test]
fn lock_files_and_stray_files_are_skipped_with_a_notice() {
    let sc = one_bad_cell();
    std::fs::write(sc.file("~$a.xlsx"), b"lock").unwrap();
    std::fs::write(sc.file("notes.txt"), b"hej").unwrap();
    let out = sc.run(&["check", "--format", "json"]);
    let diags = diagnostics(&out);
    assert!(has(&diags, "skipped-file", "~$a.xlsx", None));
    assert!(has(&diags, "skipped-file", "notes.txt", None));
    let files: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(files["files"].as_array().unwrap().len(), 1);
}

#[test]
fn two_workbooks_for_one_administration_name_both_files() {
    let done = Test::new()
        .book(Book::new("a.xlsx", "Samma").spent("Ett", 5.0))
        .book(Book::new("b.xlsx", "Samma").spent("Ett", 5.0))
        .exit(1)
        .finding("duplicate-administration", "a.xlsx")
        .finding("duplicate-administration", "b.xlsx")
        .run();
    let diags = diagnostics(&done.output);
    let d = diags
        .iter()
        .find(|d| d["code"] == "duplicate-administration" && d["file"] == "a.xlsx")
        .unwrap();
    assert!(d["message"].as_str().unwrap().contains("b.xlsx"));
}

#[test]
fn formulas_count_by_their_cached_value() {
    let done = Test::new()
        .book(Book::new("a.xlsx", "A").initiative(&[
            ("Insats", s("Ett")),
            ("Insatsområde", s("digital")),
            ("Status", s("Pågående")),
            ("Budget", n(10.0)),
            ("Använda medel", V::F("=D2*2".into(), 20.0)),
        ]))
        .args(&["build"])
        .exit(0)
        .run();
    assert_eq!(done.report()["totals"]["spent_kr"], 20.0);
}

#[test]
fn a_formula_without_cached_value_is_an_error_on_its_cell() {
    let sc = Scratch::new();
    // openpyxl writes formulas without cached values; see tests/fixtures/README.md.
    std::fs::copy(
        repo().join("tests/fixtures/openpyxl-formulas.xlsx"),
        sc.file("formler.xlsx"),
    )
    .unwrap();
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let diags = diagnostics(&out);
    assert!(has(
        &diags,
        "formula-without-value",
        "formler.xlsx",
        Some("E2")
    ));
    assert_eq!(diags.iter().filter(|d| d["severity"] == "error").count(), 1);
}

#[test]
fn a_closed_stdout_pipe_is_not_a_panic() {
    use std::io::Read;
    let sc = Scratch::new();
    let input = repo().join("input");
    // The example's context is far larger than a pipe's buffer, so writing blocks
    // until the reader closes its end.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_redovisa"))
        .args([
            "templates",
            "context",
            "--input",
            input.to_str().unwrap(),
            "--date",
            "2026-03-31",
        ])
        .current_dir(sc.dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0u8; 16];
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_input_folder_without_workbooks_is_no_input_with_a_way_to_start() {
    let sc = Scratch::new();
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let diags = diagnostics(&out);
    assert_eq!(diags.len(), 1);
    assert_eq!(
        (diags[0]["code"].as_str(), diags[0]["severity"].as_str()),
        (Some("no-input"), Some("error"))
    );
    let hint = diags[0]["hint"].as_str().unwrap();
    assert!(
        hint.contains("redovisa sample") && hint.contains("redovisa template"),
        "{hint}"
    );
    let human = String::from_utf8(sc.run(&["check"]).stdout).unwrap();
    assert!(human.contains("redovisa sample"), "{human}");
}

#[test]
fn one_and_two_take_the_right_number() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("a.xlsx"),
        "A",
        vec![vec![s("Ett"), s("digital"), s("Pågående"), n(1.0)]],
    );
    let one = String::from_utf8(sc.run(&["check"]).stdout).unwrap();
    assert!(
        one.contains("1\u{a0}fil: 0\u{a0}fel, 0\u{a0}varningar, 0\u{a0}notiser"),
        "{one}"
    );
    assert!(
        one.contains("1\u{a0}rad läst, 1\u{a0}godkänd, 0\u{a0}avvisade"),
        "{one}"
    );
    simple_book(
        &sc.file("b.xlsx"),
        "B",
        vec![vec![s("Ett"), s("okänt"), s("Pågående"), n(1.0)]],
    );
    let two = String::from_utf8(sc.run(&["check"]).stdout).unwrap();
    assert!(
        two.contains("2\u{a0}filer: 1\u{a0}fel, 0\u{a0}varningar"),
        "{two}"
    );
}

#[test]
fn help_and_argument_errors_are_swedish() {
    let sc = Scratch::new();
    let help = run_in(sc.dir.path(), &["check", "--help"]);
    assert_eq!(code(&help), 0);
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.contains("Användning: redovisa check [FLAGGOR]"),
        "{text}"
    );
    assert!(text.contains("--deny-warnings") && !text.contains("--allow-errors"));
    assert!(
        !text.contains("Usage") && !text.contains("Options"),
        "{text}"
    );

    let bad = run_in(sc.dir.path(), &["check", "--format", "jsn"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(bad.stdout.is_empty());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("ogiltigt värde 'jsn' för --format"), "{err}");
    assert!(
        err.contains("menade du 'json'?") && !err.contains("error:"),
        "{err}"
    );

    // A flag another command has is refused where it means nothing.
    let foreign = run_in(sc.dir.path(), &["check", "--allow-errors"]);
    assert_eq!(foreign.status.code(), Some(2));
    let err = String::from_utf8_lossy(&foreign.stderr);
    assert!(
        err.contains("--allow-errors hör inte till redovisa check; det används av build"),
        "{err}"
    );
}

#[test]
fn run_flags_are_taken_before_the_command_too() {
    let sc = one_bad_cell();
    let input = sc.input();
    let feedback = sc.dir.path().join("aterkoppling");
    for args in [
        ["--feedback", feedback.to_str().unwrap(), "check"],
        ["check", "--feedback", feedback.to_str().unwrap()],
    ] {
        let _ = std::fs::remove_dir_all(&feedback);
        let mut all = args.to_vec();
        all.extend(["--input", input.to_str().unwrap(), "--quiet"]);
        let out = run_in(sc.dir.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            feedback.join("återkoppling-a.xlsx").is_file(),
            "{args:?}: no feedback workbook"
        );
    }
}

#[test]
fn a_year_out_of_range_is_refused_like_the_configurations() {
    let sc = one_bad_cell();
    for year in ["0", "99999", "1899"] {
        let out = sc.run(&["check", "--year", year]);
        assert_eq!(out.status.code(), Some(2), "--year {year}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("1900–2200"), "--year {year}: {err}");
    }
    assert_eq!(sc.run(&["check", "--year", "2025"]).status.code(), Some(1));
}

#[test]
fn common_options_work_before_the_command_too() {
    let sc = one_bad_cell();
    let input = sc.input();
    let out = run_in(
        sc.dir.path(),
        &[
            "--input",
            input.to_str().unwrap(),
            "check",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(has(&diagnostics(&out), "type-error", "a.xlsx", None));
}
