//! The text report (HTML, Markdown, and the PDF's Typst markup) rendered with minijinja
//! from the analysts' template folder, loaded at run time, with Swedish formatting
//! filters.
//!
//! Loading reads the folder once (so a syntax error stops the run before any input is
//! read); rendering is pure. Undefined variables are errors, so a misspelt name in a
//! template is reported with its file and line instead of printing nothing.

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::config::IndicatorKind;
use crate::error::Error;
use crate::render::format::{self, NOT_AVAILABLE, NOTHING, SUPPRESSED};
use crate::report::Report;
use crate::rows::Rows;

/// The templates that produce text outputs, and the extension of what each produces.
pub const OUTPUTS: [(&str, &str); 2] = [("report.html.j2", "html"), ("report.md.j2", "md")];

/// Every template a template folder must have: the text outputs' and the PDF's.
pub const REQUIRED: [&str; 3] = [OUTPUTS[0].0, OUTPUTS[1].0, crate::render::pdf::TEMPLATE];

/// The shipped templates, compiled in as a fallback when no template folder exists.
const BUILTIN: [(&str, &str); 13] = [
    (
        "report.html.j2",
        include_str!("../../templates/report.html.j2"),
    ),
    ("report.md.j2", include_str!("../../templates/report.md.j2")),
    (
        "report.typ.j2",
        include_str!("../../templates/report.typ.j2"),
    ),
    (
        "macros.html.j2",
        include_str!("../../templates/macros.html.j2"),
    ),
    (
        "charts.html.j2",
        include_str!("../../templates/charts.html.j2"),
    ),
    (
        "chapters.html.j2",
        include_str!("../../templates/chapters.html.j2"),
    ),
    (
        "chapters.md.j2",
        include_str!("../../templates/chapters.md.j2"),
    ),
    (
        "chapters.typ.j2",
        include_str!("../../templates/chapters.typ.j2"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
    (
        "riket.html.j2",
        include_str!("../../templates/riket.html.j2"),
    ),
    ("riket.md.j2", include_str!("../../templates/riket.md.j2")),
    ("riket.typ.j2", include_str!("../../templates/riket.typ.j2")),
    (
        "charts.typ.j2",
        include_str!("../../templates/charts.typ.j2"),
    ),
];

/// The national roll-up's templates (`redovisa riket`), and the extension of what each
/// produces; the PDF's is [`RIKET_PDF`]. A template folder without them gets the
/// built-in ones, so that a region's folder from before the roll-up keeps working.
pub const RIKET_OUTPUTS: [(&str, &str); 2] = [("riket.html.j2", "html"), ("riket.md.j2", "md")];

/// The national roll-up's PDF template.
pub const RIKET_PDF: &str = "riket.typ.j2";

/// A loaded, parsed template folder.
pub struct Templates {
    env: Environment<'static>,
    /// The sources by name, to quote the line of an error.
    sources: BTreeMap<String, String>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").finish_non_exhaustive()
    }
}

impl Templates {
    /// The templates of a folder, from its files' text (`discover::template_sources`
    /// reads them); `dir` names the folder in errors. Every output's template must be
    /// there.
    pub fn from_folder(sources: BTreeMap<String, String>, dir: &Path) -> Result<Templates, Error> {
        for name in REQUIRED {
            if !sources.contains_key(name) {
                return Err(Error::Template {
                    template: format!("{}/{name}", dir.display()),
                    line: None,
                    message: "mallen saknas".into(),
                });
            }
        }
        let mut sources = sources;
        for (name, text) in BUILTIN {
            let riket = name.starts_with("riket.") || name == "charts.typ.j2";
            if riket && !sources.contains_key(name) {
                sources.insert(name.to_string(), text.to_string());
            }
        }
        Templates::from_sources(sources)
    }

    /// The templates shipped with the program, for a run without a template folder.
    pub fn builtin() -> Result<Templates, Error> {
        Templates::from_sources(
            BUILTIN
                .iter()
                .map(|(n, s)| (n.to_string(), s.to_string()))
                .collect(),
        )
    }

    /// Builds the environment from `name → source` pairs.
    pub fn from_sources(sources: BTreeMap<String, String>) -> Result<Templates, Error> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .map_err(|e| template_error(&e))?;
        env.set_syntax(syntax);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html.j2") || name.ends_with(".html") {
                AutoEscape::Html
            } else if name.ends_with(".md.j2") || name.ends_with(".md") {
                AutoEscape::Custom(MARKDOWN.into())
            } else if name.ends_with(".typ.j2") || name.ends_with(".typ") {
                AutoEscape::Custom(TYPST.into())
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| {
            let escape: Option<fn(&str) -> String> = match state.auto_escape() {
                AutoEscape::Custom(name) if name == MARKDOWN => Some(crate::text::markdown_escape),
                AutoEscape::Custom(name) if name == TYPST => Some(crate::text::typst_escape),
                _ => None,
            };
            if let Some(escape) = escape
                && !value.is_safe()
            {
                // Numbers too: a `-5` at the start of a Typst cell would begin a list.
                let text = value.as_str().map_or_else(
                    || std::borrow::Cow::Owned(value.to_string()),
                    std::borrow::Cow::Borrowed,
                );
                return out
                    .write_str(&escape(&text))
                    .map_err(minijinja::Error::from);
            }
            minijinja::escape_formatter(out, state, value)
        });
        add_filters(&mut env);
        for (name, source) in &sources {
            env.add_template_owned(name.clone(), source.clone())
                .map_err(|e| template_error(&e))?;
        }
        Ok(Templates { env, sources })
    }

    /// Renders the template `name` with `context` (from [`context`]) into `w`, within
    /// the [`Bounds`] of that context.
    pub fn render_to(
        &self,
        name: &str,
        context: &Value,
        w: &mut dyn std::io::Write,
    ) -> Result<(), Error> {
        let bounds = Bounds::of(context);
        let mut env = self.env.clone();
        env.set_fuel(Some(bounds.fuel));
        let template = env.get_template(name).map_err(|e| template_error(&e))?;
        let mut out = Bounded {
            inner: w,
            left: bounds.output_bytes,
        };
        template
            .render_captured_to(context.clone(), &mut out)
            .map_err(|e| explain(e, context, &self.sources, &bounds))?;
        Ok(())
    }

    /// Renders the template `name` with `context` (from [`context`]) into a string.
    pub fn render_string(&self, name: &str, context: &Value) -> Result<String, Error> {
        let mut out = Vec::new();
        self.render_to(name, context, &mut out)?;
        String::from_utf8(out).map_err(|e| Error::Template {
            template: name.to_string(),
            line: None,
            message: format!("mallen gav ogiltig UTF-8 ({e})"),
        })
    }
}

/// How far a template may go: a template is a program an analyst writes, so a loop in a
/// loop over every initiative, or one that never ends, must stop with an error rather
/// than run until killed. Both bounds grow with the data. Measured with the shipped
/// templates: the example (8 025 items in the context) takes 40 000 steps and writes
/// 80 KB; a whole country (12,6 million items, see BENCHMARKS.md) 1,2 million steps and
/// 1,5 MB. The bounds leave a hundredfold and more of room above that for what analysts
/// add, and stop a runaway template within seconds.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// Steps (minijinja's fuel: about one per instruction).
    pub fuel: u64,
    /// Bytes written.
    pub output_bytes: u64,
}

impl Bounds {
    /// Per item (a list element or map entry) in the context.
    const FUEL_PER_ITEM: u64 = 100;
    const BYTES_PER_ITEM: u64 = 64;
    /// For any report, however small.
    const FUEL_BASE: u64 = 50_000_000;
    const BYTES_BASE: u64 = 256 * 1024 * 1024;

    /// The bounds for rendering with `context`.
    pub fn of(context: &Value) -> Bounds {
        let items = count_items(context, 0);
        Bounds {
            fuel: Self::FUEL_BASE + Self::FUEL_PER_ITEM * items,
            output_bytes: Self::BYTES_BASE + Self::BYTES_PER_ITEM * items,
        }
    }
}

/// Elements of a long list whose items are counted; the rest are taken to hold as many.
const SAMPLE: usize = 256;

/// The list elements and map entries in `v`, all the way down. A list longer than
/// [`SAMPLE`] counts its first `SAMPLE` elements' contents and scales them to its length:
/// walking every initiative (600 000 at national scale) turned each into a template value
/// and took longer than rendering both templates (BENCHMARKS.md). The lists of a report
/// are alike element by element, so the estimate is close, and it is the same on every run.
fn count_items(v: &Value, depth: usize) -> u64 {
    use minijinja::value::ValueKind;
    if depth > 16 {
        return 0;
    }
    match v.kind() {
        ValueKind::Map => v.try_iter().map_or(0, |keys| {
            keys.map(|key| 1 + count_items(&v.get_item(&key).unwrap_or_default(), depth + 1))
                .sum()
        }),
        ValueKind::Seq => {
            let Ok(items) = v.try_iter() else { return 0 };
            let len = v.len().unwrap_or(0) as u64;
            let (mut seen, mut inside) = (0u64, 0u64);
            for item in items.take(SAMPLE) {
                seen += 1;
                inside += count_items(&item, depth + 1);
            }
            let len = len.max(seen);
            len + (inside * len).checked_div(seen).unwrap_or(0)
        }
        _ => 0,
    }
}

/// A writer that refuses to write more than `left` bytes in all.
struct Bounded<'a> {
    inner: &'a mut dyn std::io::Write,
    left: u64,
}

/// The message of the error [`Bounded`] gives, to tell it from a full disk.
const OUTPUT_BOUND: &str = "redovisa: template output bound";

impl std::io::Write for Bounded<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() as u64 > self.left {
            return Err(std::io::Error::other(OUTPUT_BOUND));
        }
        let n = self.inner.write(buf)?;
        self.left -= n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The auto-escape of Markdown templates: every value written is escaped with
/// [`crate::text::markdown_escape`] unless marked `| safe`.
const MARKDOWN: &str = "markdown";

/// The auto-escape of Typst templates (the PDF's): every value written is escaped with
/// [`crate::text::typst_escape`], so that it is text in Typst markup, unless marked
/// `| safe`; the `typst` filter writes a value as a Typst literal for code instead.
const TYPST: &str = "typst";

/// The filters the templates have, for suggestions.
const FILTERS: [&str; 11] = [
    "markdown",
    "sek",
    "num",
    "pct",
    "cell",
    "date",
    "period",
    "figure",
    "numerator",
    "lower",
    "typst",
];

/// The context every template receives: the report's fields plus the symbols.
pub fn context(report: &Report) -> Value {
    let symbols = symbols();
    // The long lists reach the templates as views that convert a row when asked for
    // (a whole country's initiatives are never copied into template values).
    // The rest is the report without them: a copy whose lists are empty (each a shared
    // pointer), overridden below by the views.
    let rest = Report {
        initiatives: Rows::default(),
        diagnostics: Rows::default(),
        rejected: Rows::default(),
        partial_units: Rows::default(),
        stale_units: Rows::default(),
        ..report.clone()
    };
    let rest = Value::from(minijinja::value::Serde(&rest));
    minijinja::context! {
        symbols => symbols,
        indicator_kinds => indicator_kinds(),
        severity_labels => severity_labels(),
        initiatives => Value::from_object(Lazy(report.initiatives.shared())),
        diagnostics => Value::from_object(Lazy(report.diagnostics.shared())),
        rejected => Value::from_object(Lazy(report.rejected.shared())),
        partial_units => Value::from_object(Lazy(report.partial_units.shared())),
        stale_units => Value::from_object(Lazy(report.stale_units.shared())),
        ..rest
    }
}

/// The context of the national roll-up's templates: the national view's fields plus
/// the symbols, the indicator kinds and the severities' words.
pub fn riket_context(national: &crate::riket::National) -> Value {
    minijinja::context! {
        symbols => symbols(),
        indicator_kinds => indicator_kinds(),
        severity_labels => severity_labels(),
        ..Value::from(minijinja::value::Serde(national))
    }
}

/// The symbols of official statistics, by name.
fn symbols() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        ("nothing", NOTHING),
        ("not_available", NOT_AVAILABLE),
        ("suppressed", SUPPRESSED),
        ("cannot_occur", format::CANNOT_OCCUR),
    ])
}

/// A list of the report seen by templates: a sequence that converts a row when asked.
#[derive(Debug)]
struct Lazy<T>(std::sync::Arc<crate::rows::Chunks<T>>);

impl<T> minijinja::value::Object for Lazy<T>
where
    T: serde::Serialize + std::fmt::Debug + Send + Sync + 'static,
{
    fn repr(self: &std::sync::Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &std::sync::Arc<Self>, key: &Value) -> Option<Value> {
        let row = self.0.get(key.as_usize()?)?;
        Some(Value::from(minijinja::value::Serde(row)))
    }

    fn enumerate(self: &std::sync::Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Seq(self.0.len())
    }
}

/// `v` as a literal of Typst's code: `none`, `true`/`false`, a number, or a string in
/// quotes with `\` and `"` escaped (for values a Typst template computes with, such as a
/// chart's bar lengths; in markup, values are text and auto-escaped).
fn typst_literal(v: &Value) -> String {
    if v.is_none() {
        return "none".into();
    }
    if v.kind() == minijinja::value::ValueKind::Bool {
        return v.is_true().to_string();
    }
    if v.kind() == minijinja::value::ValueKind::Number {
        return match number(v) {
            Some(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Some(n) => format!("{n}"),
            None => "none".into(),
        };
    }
    let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number from a template value; `None` for none or non-numbers.
fn number(v: &Value) -> Option<f64> {
    if v.is_none() || v.is_undefined() {
        return None;
    }
    f64::try_from(v.clone()).ok().filter(|f| f.is_finite())
}

/// `{{ texts.introduction | markdown }}`: one of the region's texts (or any Markdown
/// string) typeset for the template's output — HTML elements in an HTML template, Typst
/// markup in the PDF's, Markdown in the Markdown report — with every run of its text
/// escaped. Its headings sit below level `base` (the section's: 2 by default, 1 in the
/// PDF, where sections are level 1).
fn markdown_filter(
    state: &minijinja::State<'_, '_>,
    v: Value,
    base: Option<u8>,
) -> Result<Value, minijinja::Error> {
    defined(&v)?;
    if v.is_none() {
        return Ok(Value::from_safe_string(String::new()));
    }
    let source = match v.get_attr("source") {
        Ok(s) if !s.is_undefined() && !s.is_none() => s,
        _ => v,
    };
    let Some(source) = source.as_str() else {
        return Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            "markdown wants a text",
        ));
    };
    let blocks = crate::texts::parse(source);
    let out = match state.auto_escape() {
        AutoEscape::Custom(name) if name == TYPST => {
            crate::texts::render::typst(&blocks, base.unwrap_or(1))
        }
        AutoEscape::Custom(name) if name == MARKDOWN => {
            crate::texts::render::markdown(&blocks, base.unwrap_or(2))
        }
        _ => crate::texts::render::html(&blocks, base.unwrap_or(2)),
    };
    Ok(Value::from_safe_string(out))
}

/// The indicator kind a template value names (`share`, `rate`, `count`).
fn indicator_kind(v: &Value) -> Option<IndicatorKind> {
    let code = v.as_str()?;
    IndicatorKind::ALL.into_iter().find(|k| k.code() == code)
}

/// What templates need to know of each indicator kind, by its code: the decimals its
/// values are shown with, and how a change is read (`change_unit`, and
/// `change_in_points` for the difference of shares rather than per cent).
fn indicator_kinds() -> BTreeMap<&'static str, Value> {
    IndicatorKind::ALL
        .into_iter()
        .map(|k| {
            (
                k.code(),
                minijinja::context! {
                    decimals => k.decimals(),
                    change_unit => k.change_unit(),
                    change_in_points => k.change_in_points(),
                },
            )
        })
        .collect()
}

/// The Swedish words of the findings' severities, by their code (`error` → `fel`).
fn severity_labels() -> BTreeMap<&'static str, &'static str> {
    crate::diagnostic::Severity::WORDS
        .iter()
        .map(|(_, code, label)| (*code, *label))
        .collect()
}

/// An undefined value reaching a filter is a misspelt name, never "not available": it is
/// an error, so that a typo cannot publish `..` in the report.
fn defined(v: &Value) -> Result<(), minijinja::Error> {
    if v.is_undefined() {
        return Err(minijinja::Error::new(
            minijinja::ErrorKind::UndefinedError,
            "undefined value passed to a filter",
        ));
    }
    Ok(())
}

fn add_filters(env: &mut Environment<'static>) {
    env.add_filter("sek", |v: Value| {
        defined(&v)?;
        Ok::<_, minijinja::Error>(number(&v).map_or(NOT_AVAILABLE.to_string(), format::sek))
    });
    env.add_filter("num", |v: Value, decimals: Option<usize>| {
        defined(&v)?;
        Ok::<_, minijinja::Error>(number(&v).map_or(NOT_AVAILABLE.to_string(), |n| {
            format::num(n, decimals.unwrap_or(0))
        }))
    });
    env.add_filter("pct", |v: Value, decimals: Option<usize>| {
        defined(&v)?;
        Ok::<_, minijinja::Error>(number(&v).map_or(NOT_AVAILABLE.to_string(), |n| {
            format::pct(n, decimals.unwrap_or(1))
        }))
    });
    env.add_filter("cell", |v: Value, decimals: Option<usize>| {
        defined(&v)?;
        Ok::<_, minijinja::Error>(match number(&v) {
            None => NOT_AVAILABLE.to_string(),
            Some(0.0) => NOTHING.to_string(),
            Some(n) => format::num(n, decimals.unwrap_or(0)),
        })
    });
    env.add_filter("date", |v: String, style: Option<String>| {
        match (crate::value::parse_date(&v), style.as_deref()) {
            (Some(d), Some("iso")) => d.to_string(),
            (Some(d), _) => format::long_date(d),
            (None, _) => v,
        }
    });
    env.add_filter("period", |v: String| format::period_label(&v));
    env.add_filter("markdown", markdown_filter);
    env.add_filter("typst", |v: Value| -> Result<Value, minijinja::Error> {
        defined(&v)?;
        Ok(Value::from_safe_string(typst_literal(&v)))
    });
    env.add_filter("figure", |row: Value| -> Result<String, minijinja::Error> {
        if row.get_attr("suppressed")?.is_true() {
            return Ok(SUPPRESSED.to_string());
        }
        let decimals = indicator_kind(&row.get_attr("kind")?).map_or(1, IndicatorKind::decimals);
        Ok(number(&row.get_attr("value")?)
            .map_or(NOT_AVAILABLE.to_string(), |n| format::num(n, decimals)))
    });
    env.add_filter(
        "numerator",
        |row: Value| -> Result<String, minijinja::Error> {
            if row.get_attr("suppressed")?.is_true() {
                return Ok(SUPPRESSED.to_string());
            }
            Ok(number(&row.get_attr("numerator")?)
                .map_or(NOT_AVAILABLE.to_string(), |n| format::num(n, 0)))
        },
    );
}

mod explain;
use explain::{explain, template_error};

#[cfg(test)]
mod tests;
