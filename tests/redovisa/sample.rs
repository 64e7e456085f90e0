//! `redovisa sample`: seeded workbooks that pass `check` and build a report.

use crate::common::*;

#[test]
fn sample_is_seeded_valid_and_sized() {
    let sc = Scratch::new();
    let input = sc.input();
    let args = |dir: &str| {
        vec![
            "sample".to_string(),
            "--administrations".into(),
            "3".into(),
            "--rows".into(),
            "7".into(),
            "--clinics".into(),
            "2".into(),
            "--seed".into(),
            "42".into(),
            "--to".into(),
            dir.to_string(),
        ]
    };
    let run = |dir: &str| {
        let a = args(dir);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        run_in(sc.dir.path(), &a)
    };
    assert_eq!(code(&run(input.to_str().unwrap())), 0);
    let again = sc.dir.path().join("again");
    assert_eq!(code(&run(again.to_str().unwrap())), 0);
    let mut names: Vec<_> = std::fs::read_dir(&input)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3);
    for name in &names {
        assert_eq!(
            std::fs::read(input.join(name)).unwrap(),
            std::fs::read(again.join(name)).unwrap()
        );
    }
    // No errors; the only warnings are those of the one unit that stopped reporting
    // after September, and the only notices those of a few completed initiatives
    // without a result, both there on purpose so that the example shows them.
    let out = sc.run(&["check", "--format", "json"]);
    assert_eq!(code(&out), 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for d in v["diagnostics"].as_array().unwrap() {
        match d["code"].as_str() {
            Some("incomplete-period") => assert_eq!(d["file"], "sjukhusen.xlsx", "{d}"),
            Some("missing-result") => assert_eq!(d["severity"], "notice", "{d}"),
            _ => panic!("unexpected finding {d}"),
        }
    }
    assert_eq!(code(&sc.run(&["build"])), 0);
    let r = sc.report();
    assert_eq!(r["totals"]["initiatives"], 21);
    let files = r["files"].as_array().unwrap();
    // 7 initiatives + 2 clinics × 3 indicators × 12 months per workbook; Sjukhusen's
    // second clinic stops after September (3 indicators × 3 months fewer), Psykiatrin's
    // first reports quarters (3 indicators × 4 quarters instead of 12 months).
    for f in files {
        let expected = match f["file"].as_str() {
            Some("sjukhusen.xlsx") => 7 + 72 - 9,
            Some("psykiatrin.xlsx") => 7 + 36 + 12,
            _ => 7 + 72,
        };
        assert_eq!(
            (f["accepted"].as_u64(), f["rejected"].as_u64()),
            (Some(expected), Some(0)),
            "{f}"
        );
    }
}

/// Regression: plain `redovisa sample` wrote over a workbook a person had edited.
#[test]
fn sample_refuses_a_folder_with_workbooks_unless_forced() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("narsjukvarden.xlsx"),
        "Närsjukvården",
        vec![vec![s("Ett"), s("digital"), s("Pågående"), n(1.0)]],
    );
    let before = std::fs::read(sc.file("narsjukvarden.xlsx")).unwrap();
    let input = sc.input();
    let args = [
        "sample",
        "--administrations",
        "2",
        "--rows",
        "3",
        "--clinics",
        "1",
        "--to",
        input.to_str().unwrap(),
    ];
    let out = run_in(sc.dir.path(), &args);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("narsjukvarden.xlsx") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(sc.file("narsjukvarden.xlsx")).unwrap(),
        before,
        "the file was changed"
    );
    assert_eq!(
        std::fs::read_dir(&input).unwrap().count(),
        1,
        "nothing else was written"
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    assert_eq!(code(&run_in(sc.dir.path(), &forced)), 0);
    assert_ne!(
        std::fs::read(sc.file("narsjukvarden.xlsx")).unwrap(),
        before
    );
}
