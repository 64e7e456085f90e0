//! Snapshots of what people read and rely on: the help, diagnostics as printed, and the
//! names the templates can use (the analysts' contract). A change shows up as a diff to
//! review (`cargo insta review`) rather than passing silently.

use crate::common::*;

#[test]
fn help_texts() {
    let sc = Scratch::new();
    for (name, args) in [
        ("help_top", vec!["--help"]),
        ("help_check", vec!["check", "--help"]),
        ("help_sample", vec!["sample", "--help"]),
    ] {
        let out = run_in(sc.dir.path(), &args);
        assert_eq!(code(&out), 0);
        insta::assert_snapshot!(name, String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn diagnostics_as_printed() {
    let sc = Scratch::new();
    simple_book(
        &sc.file("a.xlsx"),
        "Närsjukvården",
        vec![
            vec![s("Ett"), s("digitl"), s("Pågående"), s("tusen")],
            vec![s("Två"), s("digital"), s("Klar"), s("12,5 %")],
        ],
    );
    let out = sc.run(&["check", "--format", "short"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("diagnostics_short", String::from_utf8_lossy(&out.stdout));
}

/// Every name a template can use, with its JSON type: lists through their first item.
fn paths(v: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    let kind = match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "bool",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "list",
        serde_json::Value::Object(_) => "map",
    };
    out.push(format!("{at}: {kind}"));
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                let next = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                paths(child, &next, out);
            }
        }
        serde_json::Value::Array(items) => {
            if let Some(first) = items.first() {
                paths(first, &format!("{at}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_names_templates_can_use() {
    let sc = Scratch::new();
    let input = repo().join("input");
    let out = run_in(
        sc.dir.path(),
        &[
            "templates",
            "context",
            "--input",
            input.to_str().unwrap(),
            "--date",
            "2026-03-31",
        ],
    );
    assert_eq!(code(&out), 0);
    let context: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut all = Vec::new();
    paths(&context, "", &mut all);
    all.sort();
    all.dedup();
    insta::assert_snapshot!("template_context_names", all.join("\n"));
}
