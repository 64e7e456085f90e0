//! Tests of `read/mod.rs`.

use super::*;

#[test]
fn merged_area_takes_top_left_value() {
    let mut cells = vec![(1, 0, Value::Text("a".into())), (1, 1, Value::Number(2.0))];
    fill_merged(&mut cells, &[Dimensions::new((1, 0), (3, 0))]);
    let rows = into_rows(cells);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2].get(0), Some(&Value::Text("a".into())));
    assert_eq!(rows[2].get(1), None);
    assert_eq!(rows[0].get(1), Some(&Value::Number(2.0)));
}

#[test]
fn unknown_extension_is_a_diagnostic() {
    let names = Names::new(&crate::config::Config::default_config());
    let err = read_bytes(vec![1, 2, 3], "txt", "a.txt", &names, &Limits::default()).unwrap_err();
    assert_eq!(err.code, Code::FileUnreadable);
}

#[test]
fn garbage_with_xlsx_extension_is_unreadable() {
    let names = Names::new(&crate::config::Config::default_config());
    let err = read_bytes(
        b"not a zip".to_vec(),
        "xlsx",
        "a.xlsx",
        &names,
        &Limits::default(),
    )
    .unwrap_err();
    assert_eq!(err.code, Code::FileUnreadable);
    assert_eq!(err.file, "a.xlsx");
}
