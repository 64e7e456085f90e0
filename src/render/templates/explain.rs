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
        _ => swedish(innermost, &source_text),
    };
    let mut error = template_error(&e);
    if let Error::Template { message: m, .. } = &mut error {
        *m = message;
    }
    error
}

/// A minijinja error as ours: the innermost template and line (an error in an included
/// template or a macro says where it is), and what is wrong in Swedish.
pub(super) fn template_error(e: &minijinja::Error) -> Error {
    let inner = innermost(e);
    let source_text = inner
        .template_source()
        .zip(inner.range())
        .and_then(|(src, r)| src.get(r))
        .unwrap_or("");
    Error::Template {
        template: inner.name().or(e.name()).unwrap_or("?").to_string(),
        line: inner.line().or(e.line()),
        message: swedish(inner, source_text),
    }
}

/// What went wrong, in Swedish, from the error's kind (minijinja's own words are
/// English; only a syntax error's detail is translated phrase by phrase, see
/// [`syntax_detail`]).
fn swedish(e: &minijinja::Error, source_text: &str) -> String {
    use minijinja::ErrorKind;
    let at = if source_text.is_empty() {
        String::new()
    } else {
        format!(" i `{source_text}`")
    };
    match e.kind() {
        ErrorKind::SyntaxError => format!(
            "syntaxfel: {}",
            syntax_detail(e.detail().unwrap_or_default())
        ),
        ErrorKind::TemplateNotFound => "en mall som inkluderas eller ärvs finns inte".into(),
        ErrorKind::MissingArgument => format!("ett argument saknas{at}"),
        ErrorKind::TooManyArguments => format!("för många argument{at}"),
        ErrorKind::InvalidOperation | ErrorKind::CannotUnpack => format!(
            "ogiltig operation{at} (till exempel en loop över något som inte är en lista, eller ett tal plus en text)"
        ),
        ErrorKind::UndefinedError => format!("ett namn finns inte i sammanhanget{at}"),
        ErrorKind::UnknownFilter => format!("okänt filter{at}"),
        ErrorKind::UnknownTest => format!("okänt test{at}"),
        ErrorKind::UnknownFunction => format!("okänd funktion{at}"),
        ErrorKind::UnknownMethod => format!("okänd metod{at}"),
        ErrorKind::BadEscape => format!("en ogiltig escape-sekvens i en sträng{at}"),
        ErrorKind::BadSerialization => format!("ett värde kan inte skrivas ut{at}"),
        ErrorKind::OutOfFuel => "mallen tog för många steg".into(),
        ErrorKind::WriteFailure => "mallens utdata kunde inte skrivas".into(),
        ErrorKind::InvalidDelimiter => "ogiltiga avgränsare i mallsyntaxen".into(),
        _ => format!("mallen kan inte renderas{at}"),
    }
}

/// The Swedish for one of minijinja's syntax error details, phrase by phrase: `unexpected
/// end of input, expected endfor` → `oväntat slut på mallen; väntade endfor`. A detail
/// it does not know is not quoted in English but described by its kind.
fn syntax_detail(detail: &str) -> String {
    if let Some(rest) = detail.strip_prefix("unexpected ") {
        return match rest.split_once(", expected ") {
            Some((found, wanted)) => {
                format!("oväntat {}; väntade {}", phrase(found), phrase(wanted))
            }
            None => format!("oväntat {}", phrase(rest)),
        };
    }
    if let Some(name) = detail.strip_prefix("unknown statement ") {
        return format!("okänd sats `{name}`");
    }
    if let Some(token) = detail
        .strip_prefix("unknown ")
        .and_then(|t| t.strip_suffix(", expected statement"))
    {
        return format!(
            "oväntat {}; väntade en sats (for, if, set, macro …)",
            phrase(token)
        );
    }
    match detail {
        "'break' must be placed inside a loop" => "break står utanför en loop".into(),
        "'continue' must be placed inside a loop" => "continue står utanför en loop".into(),
        "block tags in macros are not allowed" => "block får inte stå i ett makro".into(),
        "invalid float" | "invalid integer (too large)" => "ett ogiltigt tal".into(),
        "unexpected character" => "ett tecken som inte hör hemma här".into(),
        d if d.starts_with("block '") => "ett block är definierat två gånger".into(),
        d if d.starts_with("mismatching name on block") => "blockets namn stämmer inte".into(),
        d if d.starts_with("cannot assign to reserved") => {
            "ett reserverat namn kan inte tilldelas".into()
        }
        _ => "mallen går inte att tolka här".into(),
    }
}

/// One of minijinja's token or expectation names in Swedish.
fn phrase(text: &str) -> String {
    let text = text.trim();
    let known = match text {
        "end of input" => "slut på mallen",
        "end of block" => "slut på blocket (`%}`)",
        "end of variable block" => "slut på uttrycket (`}}`)",
        "start of block" => "början på ett block (`{%`)",
        "start of variable block" => "början på ett uttryck (`{{`)",
        "end of string" => "slut på en sträng",
        "end of comment" => "slut på en kommentar",
        "end of raw block" => "slut på ett raw-block",
        "identifier" => "ett namn",
        "identifier or integer" => "ett namn eller ett heltal",
        "expression" => "ett uttryck",
        "keyword" => "ett nyckelord",
        "string" => "en sträng",
        "integer" | "float" => "ett tal",
        "template-data" => "text",
        "assignment operator" => "ett likhetstecken",
        "block keyword" => "ett nyckelord",
        "comma" => "ett kommatecken",
        "input after expression" => "mer efter uttrycket",
        "input after end of variable block" => "mer efter uttrycket",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    // A token in backquotes (`` `)` ``) or a keyword (`endfor`, `in`): as it is.
    if text.starts_with('`') || text.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return format!("`{}`", text.trim_matches('`'));
    }
    "något annat".to_string()
}

/// A name the context lacks, with the closest one it has.
fn undefined(context: &Value, source_text: &str, line_text: &str) -> String {
    let mut names = Vec::new();
    collect_keys(context, 0, &mut names);
    // The range may point at the filter the undefined value reached (`sek`) rather than
    // at the name: a filter's name is never the one missing.
    let name = match last_name(source_text) {
        n if !n.is_empty() && !FILTERS.contains(&n.as_str()) => n,
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
    // Only what stands inside `{{ }}` and `{% %}`: the text around them is no name.
    let line = &inside_tags(line);
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

/// The parts of a template line inside `{{ }}` and `{% %}`, joined by spaces (the whole
/// line when it has no tag: it continues a tag of an earlier line).
fn inside_tags(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find("{{").or_else(|| rest.find("{%")) {
        let open = [rest.find("{{"), rest.find("{%")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(open);
        let after = &rest[open + 2..];
        let close = [after.find("}}"), after.find("%}")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(after.len());
        out.push_str(&after[..close]);
        out.push(' ');
        rest = &after[(close + 2).min(after.len())..];
    }
    if out.is_empty() {
        line.to_string()
    } else {
        out
    }
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
