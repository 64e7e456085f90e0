//! How a cell's value is written in a message: text quoted, numbers plain. Used by the
//! row reader (`cells`) and the header finder (`table`) alike.

use crate::read::Value;

/// A value as shown in a message: text quoted, numbers plain.
pub fn shown(value: &Value) -> String {
    match value {
        Value::Text(s) => {
            let s: String = s.chars().take(60).collect();
            format!("\"{s}\"")
        }
        Value::Number(n) => format_plain(*n),
        Value::Bool(b) => if *b { "SANT" } else { "FALSKT" }.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Error(e) => e.clone(),
        Value::FormulaWithoutValue => "en formel utan värde".to_string(),
        Value::TooLong(n) => format!("en text på {n} tecken"),
    }
}

/// A value in full, as a name or key: text trimmed (not cut, not quoted), others as
/// [`shown`].
pub fn plain(value: &Value) -> String {
    match value {
        Value::Text(s) => s.trim().to_string(),
        other => shown(other),
    }
}

/// A number without needless decimals (`3`, `2.5`), and short when it is very large or
/// very small (`1E+300`, as Excel shows it).
pub fn format_plain(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else if n.is_finite() && (n.abs() >= 1e15 || (n != 0.0 && n.abs() < 1e-6)) {
        crate::text::scientific(n)
    } else {
        format!("{n}")
    }
}
