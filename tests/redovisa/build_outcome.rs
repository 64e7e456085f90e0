//! What `build` says when it is done, and what it leaves alone when there is nothing to
//! report.

use crate::build::outputs;
use crate::common::*;

/// Regression: `build` with an empty input folder replaced last week's report with an
/// empty one and exited 0.
#[test]
fn no_input_writes_nothing_and_leaves_the_previous_report() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("a.xlsx"),
        "A",
        vec![vec![s("Ett"), s("digital"), s("Pågående"), n(1.0)]],
    );
    assert_eq!(code(&sc.run(&["build"])), 0);
    let before = outputs(&sc.output());
    assert!(before.len() >= 5);
    // The folder emptied: no-input, exit 1, nothing written.
    std::fs::remove_file(sc.file("a.xlsx")).unwrap();
    let out = sc.run(&["build", "--format", "json"]);
    assert_eq!(code(&out), 1);
    assert!(has(&diagnostics(&out), "no-input", "", None));
    assert_eq!(outputs(&sc.output()), before);
    // A workbook whose every row is rejected: the same, even for a draft.
    simple_book(
        &sc.file("b.xlsx"),
        "B",
        vec![vec![s("Ett"), s("okänt område"), s("Pågående"), n(1.0)]],
    );
    let out = sc.run(&["build", "--allow-errors", "--format", "json"]);
    assert_eq!(code(&out), 1);
    assert!(diagnostics(&out).iter().any(|d| d["code"] == "no-input"));
    assert_eq!(outputs(&sc.output()), before);
}

#[test]
fn build_says_what_it_made_and_where_unless_quiet() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("a.xlsx"),
        "A",
        vec![vec![s("Ett"), s("digital"), s("Pågående"), n(1_234_567.0)]],
    );
    let out = sc.run(&["build"]);
    assert_eq!(code(&out), 0);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("1\u{a0}insats, använda medel 1\u{a0}234\u{a0}567 kr"),
        "{text}"
    );
    assert!(text.contains("redovisning-2025.html"), "{text}");
    assert!(text.contains("0\u{a0}fel, 0\u{a0}varningar"), "{text}");
    let quiet = sc.run(&["build", "--quiet"]);
    assert_eq!(code(&quiet), 0);
    assert!(
        quiet.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stdout)
    );
}
