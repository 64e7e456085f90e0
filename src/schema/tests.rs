//! Tests of `schema.rs`.

use super::*;

#[test]
fn normalize_ignores_case_space_and_unit() {
    assert_eq!(normalize("  Budget   (kr) "), "budget");
    assert_eq!(normalize("ANVÄNDA\u{a0}MEDEL"), "använda medel");
    assert_eq!(normalize("Insats-id"), "insats-id");
    assert_eq!(normalize("(kr)"), "(kr)");
}

#[test]
fn names_resolve_aliases_from_code_and_config() {
    let config = Config::default_config();
    let names = Names::new(&config);
    assert_eq!(names.sheet(" initiativ "), Some(SheetKind::Initiatives));
    assert_eq!(names.sheet("UPPGIFTSLÄMNARE"), Some(SheetKind::Info));
    assert_eq!(
        names.column(SheetKind::Initiatives, "Budget (kr)"),
        Some(Column::Budget)
    );
    assert_eq!(
        names.column(SheetKind::Initiatives, "Utfall (tkr)"),
        Some(Column::Spent)
    );
    assert_eq!(
        names.column(SheetKind::Initiatives, "förbrukade medel"),
        Some(Column::Spent)
    );
    assert_eq!(
        names.column(SheetKind::Indicators, "Mottagning"),
        Some(Column::Unit)
    );
    assert_eq!(
        names.column(SheetKind::Initiatives, "Insats-id"),
        Some(Column::Id)
    );
    assert_eq!(
        names.column(SheetKind::Indicators, "Insats-id"),
        Some(Column::InitiativeRef)
    );
}

#[test]
fn closest_suggests_a_misspelt_header() {
    let names = Names::new(&Config::default_config());
    assert_eq!(
        names.closest_column(SheetKind::Initiatives, "Insatsområd"),
        Some("Insatsområde")
    );
    assert_eq!(
        names.closest_column(SheetKind::Initiatives, "Xyzzy qwerty"),
        None
    );
}

#[test]
fn levenshtein_counts_characters() {
    assert_eq!(levenshtein("kitten", "sitting"), 3);
    assert_eq!(levenshtein("område", "omrade"), 1);
}
