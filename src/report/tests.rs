//! Tests of `report.rs`.

use super::*;
use crate::model::Status;
use crate::model::Texts;

fn initiative(administration: &str, file: &str, row: u32) -> Initiative {
    Initiative {
        file: file.into(),
        administration: administration.into(),
        texts: Texts::new(&format!("{file}-{row}"), "n", None, None, None, None),
        area: "a".into(),
        area_label: "a".into(),
        shift: None,
        status: Status::Ongoing,
        start: None,
        end: None,
        budget_ore: None,
        spent_ore: None,
        agreement_ore: None,
        municipal_cooperation: None,
        row,
    }
}

#[test]
fn initiatives_sort_by_administration_in_swedish_order_then_file_and_row() {
    let list = vec![
        initiative("Örebro", "b.xlsx", 3),
        initiative("Ängen", "c.xlsx", 9),
        initiative("Zeta", "z.xlsx", 2),
        initiative("Ängen", "c.xlsx", 4),
        initiative("Alfa", "y.xlsx", 7),
        initiative("Alfa", "x.xlsx", 8),
        initiative("Åsen", "a.xlsx", 1),
    ];
    // One chunk mixing files, as a test or a caller may build it.
    let mut mixed = Chunks::from(list.clone());
    sort_initiatives(&mut mixed);
    // One chunk per file, as validation makes them.
    let mut files: Vec<Vec<Initiative>> = Vec::new();
    for i in list {
        match files.iter_mut().find(|c| c[0].file == i.file) {
            Some(c) => c.push(i),
            None => files.push(vec![i]),
        }
    }
    let mut chunked = Chunks::new(files);
    sort_initiatives(&mut chunked);
    assert_eq!(chunked.chunks().len(), 6);
    let ids = |list: &Chunks<Initiative>| -> Vec<String> {
        list.iter().map(|i| i.id().to_string()).collect()
    };
    assert_eq!(ids(&mixed), ids(&chunked));
    let order = ids(&chunked);
    assert_eq!(
        order,
        [
            "x.xlsx-8", "y.xlsx-7", "z.xlsx-2", "a.xlsx-1", "c.xlsx-4", "c.xlsx-9", "b.xlsx-3"
        ]
    );
}

/// The JSON Schema in the repository is the one the report's type describes: a change to
/// the type shows in review as a change to `schema/redovisning.schema.json`. Run with
/// `REDOVISA_WRITE_SCHEMA=1` to write it anew after changing the type.
#[test]
fn the_schema_in_the_repository_is_the_one_of_the_type() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/redovisning.schema.json");
    let generated = schema_text();
    if std::env::var_os("REDOVISA_WRITE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == generated,
        "{} differs from the report's type; if the change is meant, run \
         REDOVISA_WRITE_SCHEMA=1 cargo test --lib the_schema and review the difference \
         (and raise SCHEMA_VERSION when a reader of the old version would misread the new)",
        path.display()
    );
}

/// The schema as the repository keeps it: pretty, with the version it describes.
fn schema_text() -> String {
    let mut schema = schemars::schema_for!(Report);
    schema.insert(
        "title".into(),
        format!("redovisa: the report's JSON, schema_version {SCHEMA_VERSION}").into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap();
    text.push('\n');
    text
}

/// The schema requires what a report must have (SPEC 3.3's parts) and pins the version.
#[test]
fn the_schema_requires_the_parts_of_a_report() {
    let schema: serde_json::Value = serde_json::from_str(&schema_text()).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for part in [
        "year",
        "region",
        "generated",
        "draft",
        "totals",
        "by_administration",
        "by_area",
        "by_status",
        "indicators",
        "files",
        "diagnostics",
    ] {
        assert!(required.contains(&part), "{part} is not required");
    }
}
