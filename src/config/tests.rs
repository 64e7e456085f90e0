//! Tests of `config.rs`.

use super::*;

#[test]
fn default_has_the_contracted_codes() {
    let c = Config::default_config();
    assert_eq!(c.year, 2025);
    assert_eq!(c.region, "Region Exempel");
    let codes: Vec<_> = c.areas.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "digital",
            "named_doctor",
            "avoided_admissions",
            "training",
            "user_cooperation",
            "other"
        ]
    );
    let ind: Vec<_> = c.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(
        ind,
        [
            "named_doctor_share",
            "digital_contacts_share",
            "avoided_admissions",
            "avoidable_hospitalisation_rate",
            "readmission_30d_share"
        ]
    );
    let target = c.indicator("named_doctor_share").unwrap().target.unwrap();
    assert_eq!(target.value, 55.0);
    assert_eq!(target.direction, Direction::AtLeast);
    assert_eq!(
        c.indicator("avoidable_hospitalisation_rate").unwrap().scale,
        Some(100_000.0)
    );
}

#[test]
fn type_error_names_line_and_key() {
    let text = DEFAULT_TOML.replacen("year = 2025", "year = \"tjugo\"", 1);
    let Err(Error::Config { line, key, .. }) = Config::parse(&text, "r.toml") else {
        panic!("expected a config error");
    };
    assert_eq!(key, "year");
    assert_eq!(text.lines().nth(line - 1).unwrap(), "year = \"tjugo\"");
}

#[test]
fn rate_without_scale_is_rejected() {
    let text = DEFAULT_TOML.replacen("scale = 100_000\n", "", 1);
    let err = Config::parse(&text, "r.toml").unwrap_err();
    assert!(matches!(err, Error::Config { ref key, .. } if key == "indicators.scale"));
}

#[test]
fn unknown_key_is_rejected() {
    let text = format!("yaer = 2024\n{DEFAULT_TOML}");
    let Err(Error::Config { line, .. }) = Config::parse(&text, "r.toml") else {
        panic!("expected a config error");
    };
    assert_eq!(line, 1);
}

#[test]
fn default_indicators_have_the_contracted_flows_and_stocks() {
    use Aggregation::{Last, Sum};
    let c = Config::default_config();
    let parts = |code: &str| {
        let i = c.indicator(code).unwrap();
        (i.numerator, i.denominator)
    };
    assert_eq!(parts("named_doctor_share"), (Last, Last));
    assert_eq!(parts("digital_contacts_share"), (Sum, Sum));
    assert_eq!(parts("avoided_admissions").0, Sum);
    assert_eq!(parts("avoidable_hospitalisation_rate"), (Sum, Last));
    assert_eq!(parts("readmission_30d_share"), (Sum, Sum));
    assert_eq!(
        c.indicator("avoidable_hospitalisation_rate")
            .unwrap()
            .year_value_rule(),
        "täljare: summan av årets månader eller kvartal; nämnare: värdet för årets senaste månad eller kvartal"
    );
}

#[test]
fn an_unknown_aggregation_names_its_line() {
    let text = DEFAULT_TOML.replacen("numerator = \"last\"", "numerator = \"latest\"", 1);
    let Err(Error::Config { line, .. }) = Config::parse(&text, "r.toml") else {
        panic!("expected a config error");
    };
    assert!(text.lines().nth(line - 1).unwrap().contains("latest"));
}

#[test]
fn ratio_of_sums_value() {
    let c = Config::default_config();
    let share = c.indicator("named_doctor_share").unwrap();
    assert_eq!(share.value(30.0, Some(60.0)), Some(50.0));
    assert_eq!(share.value(30.0, Some(0.0)), None);
    let rate = c.indicator("avoidable_hospitalisation_rate").unwrap();
    assert_eq!(rate.value(50.0, Some(200_000.0)), Some(25.0));
}
