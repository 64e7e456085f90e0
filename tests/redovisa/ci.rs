//! `--format junit` and `--format gitlab`: parsed as the CI systems read them (the
//! `JUnit` structure `GitLab` documents; `GitLab`'s Code Quality fields), on the example and on
//! a folder with errors.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::builder::{Book, Test};
use crate::common::*;

/// The findings of `check` on the example in `format`, and the exit code.
fn example_in(format: &str, extra: &[&str]) -> (String, i32) {
    let sc = Scratch::new();
    let input = repo().join("input");
    let mut args = vec![
        "check",
        "--input",
        input.to_str().unwrap(),
        "--format",
        format,
    ];
    args.extend(extra);
    let out = run_in(sc.dir.path(), &args);
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

/// A suite: its name, tests and failures, and per case classname, name and whether it
/// failed.
type Suite = (String, usize, usize, Vec<(String, String, bool)>);

/// The parts of a `JUnit` report `GitLab` reads: per suite its name, tests and failures,
/// and per case classname, name, and whether it failed.
fn junit(text: &str) -> Vec<Suite> {
    let doc = roxmltree::Document::parse(text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let mut suites = Vec::new();
    let (mut tests, mut failures) = (0, 0);
    for suite in root.children().filter(roxmltree::Node::is_element) {
        assert_eq!(suite.tag_name().name(), "testsuite");
        let count = |a: &str| suite.attribute(a).unwrap().parse::<usize>().unwrap();
        let mut cases = Vec::new();
        for case in suite.children().filter(roxmltree::Node::is_element) {
            assert_eq!(case.tag_name().name(), "testcase");
            let failed = case.children().any(|c| c.has_tag_name("failure"));
            if let Some(f) = case.children().find(|c| c.has_tag_name("failure")) {
                assert!(f.attribute("message").is_some() && f.attribute("type").is_some());
            }
            cases.push((
                case.attribute("classname").unwrap().to_string(),
                case.attribute("name").unwrap().to_string(),
                failed,
            ));
        }
        assert_eq!(count("tests"), cases.len());
        assert_eq!(count("failures"), cases.iter().filter(|c| c.2).count());
        tests += cases.len();
        failures += count("failures");
        suites.push((
            suite.attribute("name").unwrap().to_string(),
            count("tests"),
            count("failures"),
            cases,
        ));
    }
    let total = |a: &str| root.attribute(a).unwrap().parse::<usize>().unwrap();
    assert_eq!((total("tests"), total("failures")), (tests, failures));
    suites
}

/// `GitLab`'s Code Quality issues, each checked for the fields `GitLab` documents.
fn code_quality(text: &str) -> Vec<Value> {
    let issues: Vec<Value> = serde_json::from_str(text).expect("a JSON array");
    let mut fingerprints = BTreeSet::new();
    for i in &issues {
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[field].is_string(), "{field} in {i}");
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&i["severity"].as_str().unwrap()),
            "{i}"
        );
        assert!(i["location"]["path"].is_string());
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(
            fingerprints.insert(i["fingerprint"].as_str().unwrap().to_string()),
            "unique"
        );
    }
    issues
}

#[test]
fn the_example_is_one_passing_suite_per_workbook() {
    let (text, code) = example_in("junit", &[]);
    assert_eq!(code, 0);
    let suites = junit(&text);
    let workbooks = std::fs::read_dir(repo().join("input"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "xlsx")
        })
        .count();
    assert_eq!(suites.len(), workbooks);
    for (name, tests, failures, cases) in &suites {
        assert!(name.ends_with(".xlsx"));
        assert_eq!(*failures, 0);
        assert!(*tests >= 20, "every rule is a case");
        assert!(cases.iter().all(|c| c.0 == *name));
        assert!(cases.iter().any(|c| c.1 == "type-error"));
    }
    // The notices the example has are in system-out, not failures.
    assert!(text.contains("<system-out>") && text.contains("missing-result"));

    let (text, code) = example_in("gitlab", &[]);
    assert_eq!(code, 0);
    let issues = code_quality(&text);
    assert!(!issues.is_empty());
    assert!(
        issues.iter().all(|i| i["severity"] != "critical"),
        "the example has no error"
    );
    assert!(
        issues
            .iter()
            .all(|i| i["location"]["path"].as_str().unwrap().contains("input/"))
    );
    // Stable across runs.
    assert_eq!(example_in("gitlab", &[]).0, text);
}

#[test]
fn errors_fail_and_warnings_fail_only_when_denied() {
    let book = || {
        Book::new("a.xlsx", "A")
            .initiative(&[
                ("Insats", s("Ett")),
                ("Insatsområde", s("digital")),
                ("Status", s("Pågående")),
                ("Använda medel", s("tusen")),
                ("Budgett", n(6.0)),
            ])
            .initiative(&[
                ("Insats", s("Två & <tre>")),
                ("Insatsområde", s("okänt")),
                ("Status", s("Pågående")),
                ("Använda medel", n(5.0)),
            ])
    };
    let done = Test::new()
        .book(book())
        .args(&["check", "--format", "junit"])
        .exit(1)
        .run();
    let text = String::from_utf8(done.output.stdout.clone()).unwrap();
    let suites = junit(&text);
    let (_, _, failures, cases) = &suites[0];
    assert_eq!(*failures, 2, "{text}");
    assert!(cases.iter().any(|c| c.1 == "type-error Insatser!D2" && c.2));
    assert!(
        cases
            .iter()
            .any(|c| c.1 == "unknown-value Insatser!B3" && c.2)
    );
    assert!(
        cases
            .iter()
            .any(|c| c.1 == "unknown-column Insatser!E1" && !c.2)
    );

    let denied = done
        .scratch
        .run(&["check", "--format", "junit", "--deny-warnings"]);
    assert_eq!(denied.status.code(), Some(1));
    let suites = junit(&String::from_utf8(denied.stdout).unwrap());
    assert_eq!(suites[0].2, 3);

    let gitlab = done.scratch.run(&["check", "--format", "gitlab"]);
    assert_eq!(gitlab.status.code(), Some(1));
    let issues = code_quality(&String::from_utf8(gitlab.stdout).unwrap());
    let line = |code: &str| {
        issues
            .iter()
            .find(|i| i["check_name"] == code)
            .map(|i| {
                (
                    i["severity"].clone(),
                    i["location"]["lines"]["begin"].clone(),
                )
            })
            .unwrap()
    };
    assert_eq!(
        line("type-error"),
        (Value::from("critical"), Value::from(2))
    );
    assert_eq!(
        line("unknown-value"),
        (Value::from("critical"), Value::from(3))
    );
    assert_eq!(
        line("unknown-column"),
        (Value::from("minor"), Value::from(1))
    );

    // build takes both formats too.
    let built = done.scratch.run(&["build", "--format", "junit"]);
    assert_eq!(built.status.code(), Some(1));
    junit(&String::from_utf8(built.stdout).unwrap());
}
