//! Template errors in Swedish: the template, the line, the name that is wrong and the
//! closest one the context (or the filter list) has, and what a bound that stopped a
//! template means.

use std::collections::BTreeMap;

use minijinja::value::Value;

use super::{Bounds, FILTERS, OUTPUT_BOUND};
use crate::error::Error;

/// A template error in Swedish, with the name that is wrong and the closest one the
/// context (or the filter list) has: `menade du spent_kr?`.
pub(super) fn explain(
    e: minijinja::Error,
    context: &Value,
    sources: &BTreeMap<String, String>,
    bounds: &Bounds,
) -> Error {
    use minijinja::ErrorKind;
    let innermost = innermost(&e);
    let kind = innermost.kind();
    let source_text = innermost
        .template_source()
        .zip(innermost.range())
        .and_then(|(src, r)| src.get(r))
        .unwrap_or("")
        .to_string();
    let line_text = innermost
        .name()
        .and_then(|n| sources.get(n))
        .zip(innermost.line())
        .and_then(|(src, l)| src.lines().nth(l.saturating_sub(1)))
        .unwrap_or("");
    let message = match kind {
        ErrorKind::UndefinedError => undefined(context, &source_text, line_text),
        ErrorKind::UnknownFilter => unknown_filter(innermost),
        ErrorKind::OutOfFuel => format!(
            "mallen avbröts efter {} steg, fler än någon rapport av den här storleken behöver; \
             går en loop över stora listor inuti en annan, eller anropar ett makro sig självt \
             utan slut?",
            crate::text::num(bounds.fuel as f64, 0)
        ),
        ErrorKind::WriteFailure if is_output_bound(&e) => format!(
            "mallen avbröts när den skrivit {} MB, mer än någon rapport av den här storleken \
             behöver; skriver en loop samma sak om och om igen?",
            crate::text::num(bounds.output_bytes as f64 / 1e6, 0)
        ),
        ErrorKind::UnknownTest => format!("okänt test: {}", innermost.detail().unwrap_or("")),
        ErrorKind::UnknownFunction => {
            format!("okänd funktion: {}", innermost.detail().unwrap_or(""))
        }
        ErrorKind::SyntaxError => format!("syntaxfel: {}", innermost.detail().unwrap_or("")),
        ErrorKind::TemplateNotFound => {
            format!("mallen finns inte: {}", innermost.detail().unwrap_or(""))
        }
        ErrorKind::MissingArgument | ErrorKind::TooManyArguments => {
            format!("fel antal argument: {}", innermost.detail().unwrap_or(""))
        }
        ErrorKind::InvalidOperation | ErrorKind::CannotUnpack => format!(
            "ogiltig operation i `{source_text}` (till exempel en loop över något som inte är en lista): {}",
            innermost.detail().unwrap_or("")
        ),
        _ => format!(
            "mallen kan inte renderas i `{source_text}`: {}",
            innermost.detail().unwrap_or("")
        ),
    };
    let mut error = Error::from(e);
    if let Error::Template { message: m, .. } = &mut error {
        *m = message;
    }
    error
}

/// A name the context lacks, with the closest one it has.
fn undefined(context: &Value, source_text: &str, line_text: &str) -> String {
    let mut names = Vec::new();
    collect_keys(context, 0, &mut names);
    let name = match last_name(source_text) {
        n if !n.is_empty() => n,
        _ => unknown_on_line(line_text, &names),
    };
    let hint = crate::schema::closest(&name, names.iter().map(|n| (n.as_str(), n.as_str())))
        .map(|c| format!("; menade du {c}?"))
        .unwrap_or_default();
    if name.is_empty() {
        "ett namn som mallen använder finns inte i sammanhanget (se `redovisa templates context`)"
            .to_string()
    } else {
        format!("namnet `{name}` finns inte i sammanhanget{hint} (se `redovisa templates context`)")
    }
}

/// A filter that does not exist, with the closest one that does.
fn unknown_filter(e: &minijinja::Error) -> String {
    let name = e
        .detail()
        .and_then(|d| d.split_whitespace().nth(1))
        .unwrap_or("")
        .to_string();
    let hint = crate::schema::closest(&name, FILTERS.iter().map(|f| (*f, *f)))
        .map(|c| format!("; menade du {c}?"))
        .unwrap_or_default();
    format!("filtret `{name}` finns inte{hint} (filtren står i templates/README.md)")
}

/// Whether `e` (or its cause) is the output bound of [`Bounded`].
fn is_output_bound(e: &minijinja::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(inner) = source {
        if inner.to_string().contains(OUTPUT_BOUND) {
            return true;
        }
        source = inner.source();
    }
    false
}

/// The first name on a template line that the context does not have: an attribute
/// (`totals.spentkr`) before a bare name, since bare names may be loop variables.
fn unknown_on_line(line: &str, names: &[String]) -> String {
    const KEYWORDS: [&str; 16] = [
        "for", "in", "if", "else", "elif", "endif", "endfor", "set", "not", "and", "or", "is",
        "none", "true", "false", "loop",
    ];
    let known =
        |w: &str| names.iter().any(|n| n == w) || FILTERS.contains(&w) || KEYWORDS.contains(&w);
    let mut attributes = Vec::new();
    let mut bare = Vec::new();
    let bytes: Vec<char> = line.chars().collect();
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k].is_alphabetic() || bytes[k] == '_' {
            let start = k;
            while k < bytes.len() && (bytes[k].is_alphanumeric() || bytes[k] == '_') {
                k += 1;
            }
            let word: String = bytes[start..k].iter().collect();
            let after_dot = start > 0 && bytes[start - 1] == '.';
            let after_pipe = line[..line.char_indices().nth(start).map_or(0, |(i, _)| i)]
                .trim_end()
                .ends_with('|');
            if !known(&word) {
                if after_dot {
                    attributes.push(word);
                } else if after_pipe || word.chars().count() > 1 {
                    bare.push(word);
                }
            }
        } else {
            k += 1;
        }
    }
    attributes
        .into_iter()
        .chain(bare)
        .next()
        .unwrap_or_default()
}

/// The innermost minijinja error (an error in an included template or a macro).
fn innermost(e: &minijinja::Error) -> &minijinja::Error {
    let mut current = e;
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        if let Some(inner) = inner.downcast_ref::<minijinja::Error>() {
            current = inner;
        }
        source = inner.source();
    }
    current
}

/// The last name in an expression: `totals.spentkr | sek` → `spentkr`.
fn last_name(expression: &str) -> String {
    let before_filter = expression.split('|').next().unwrap_or("");
    before_filter
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
        .find(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or("")
        .to_string()
}

/// The keys of the context's maps, a few levels down (lists through their first item).
fn collect_keys(v: &Value, depth: usize, out: &mut Vec<String>) {
    if depth > 4 {
        return;
    }
    if let Ok(keys) = v.try_iter() {
        if v.kind() == minijinja::value::ValueKind::Map {
            for key in keys {
                if let Some(k) = key.as_str() {
                    if !out.iter().any(|o| o == k) {
                        out.push(k.to_string());
                    }
                    if let Ok(child) = v.get_item(&key) {
                        collect_keys(&child, depth + 1, out);
                    }
                }
            }
        } else if v.kind() == minijinja::value::ValueKind::Seq
            && let Ok(first) = v.get_item(&Value::from(0))
        {
            collect_keys(&first, depth + 1, out);
        }
    }
}
