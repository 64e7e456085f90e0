//! Tests of `sample.rs`.

use super::*;

#[test]
fn rng_is_deterministic() {
    let mut a = Rng::new(7);
    let mut b = Rng::new(7);
    assert_eq!(a.next_u64(), b.next_u64());
    assert_ne!(Rng::new(7).next_u64(), Rng::new(8).next_u64());
    let x = Rng::new(1).range(2.0, 3.0);
    assert!((2.0..3.0).contains(&x));
}

#[test]
fn file_names_are_ascii() {
    assert_eq!(
        file_name("Ambulans, diagnostik och hälsa"),
        "ambulans-diagnostik-och-halsa.xlsx"
    );
    assert_eq!(administration_names(13)[12], "Närsjukvården 2");
}

#[test]
fn every_unit_has_one_administration() {
    let names: std::collections::BTreeSet<String> = (0..30)
        .flat_map(|a| (0..5).map(move |c| unit_name(a, c, 5)))
        .collect();
    assert_eq!(names.len(), 150);
}
