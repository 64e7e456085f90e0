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
