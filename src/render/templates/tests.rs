//! Tests of `render/templates.rs`.

use super::*;

#[test]
fn every_shipped_template_is_also_built_in() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let shipped = crate::discover::template_sources(&dir).unwrap();
    let builtin: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
    for (name, source) in &shipped {
        let i = builtin.iter().position(|b| b == name);
        assert!(i.is_some(), "templates/{name} is missing from BUILTIN");
        assert_eq!(BUILTIN[i.unwrap()].1, source);
    }
    assert_eq!(shipped.len(), BUILTIN.len());
}

fn render(source: &str, ctx: Value) -> String {
    let t = Templates::from_sources(BTreeMap::from([(
        "t.html.j2".to_string(),
        source.to_string(),
    )]))
    .unwrap();
    t.env
        .get_template("t.html.j2")
        .unwrap()
        .render(ctx)
        .unwrap()
}

/// The error of rendering `source` (as a Markdown template) with a small context.
fn bounded_error(source: &str) -> String {
    let t = Templates::from_sources(BTreeMap::from([(
        "t.md.j2".to_string(),
        source.to_string(),
    )]))
    .unwrap();
    let ctx = minijinja::context! { rows => vec![1, 2, 3] };
    match t.render_to("t.md.j2", &ctx, &mut std::io::sink()) {
        Err(Error::Template { message, .. }) => message,
        other => panic!("rendered: {other:?}"),
    }
}

#[test]
fn a_template_that_runs_or_writes_without_end_is_stopped() {
    let steps = bounded_error(
        "{% for i in range(100000) %}{% for j in range(100000) %}.{% endfor %}{% endfor %}",
    );
    assert!(
        steps.contains("avbröts efter 50") && steps.contains("steg"),
        "{steps}"
    );
    let written = bounded_error("{% for i in range(100000) %}{{ \"x\" * 10000 }}{% endfor %}");
    assert!(written.contains("skrivit 268 MB"), "{written}");
}

#[test]
fn markdown_templates_escape_values_and_html_templates_do_not_see_it() {
    let t = Templates::from_sources(BTreeMap::from([(
        "t.md.j2".to_string(),
        "| {{ name }} | {{ name | safe }} |".to_string(),
    )]))
    .unwrap();
    let ctx = minijinja::context! { name => "a|b" };
    let mut out = Vec::new();
    t.render_to("t.md.j2", &ctx, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), "| a\\|b | a|b |");
    assert_eq!(render("{{ name }}", ctx), "a|b");
}

#[test]
fn filters_follow_swedish_conventions() {
    let ctx = minijinja::context! { v => -1234567.5, z => 0, n => (), p => 45.25 };
    assert_eq!(
        render("{{ v | sek }}", ctx.clone()),
        "\u{2212}1\u{a0}234\u{a0}568\u{a0}kr"
    );
    assert_eq!(
        render("{{ v | num(1) }}", ctx.clone()),
        "\u{2212}1\u{a0}234\u{a0}567,5"
    );
    assert_eq!(
        render(
            "{{ z | num }}|{{ z | cell }}|{{ n | cell }}|{{ n | sek }}",
            ctx.clone()
        ),
        "0|–|..|.."
    );
    assert_eq!(render("{{ p | pct }}", ctx.clone()), "45,3\u{a0}%");
    assert_eq!(
        render(
            "{{ '2026-03-31' | date }} {{ '2026-03-31' | date('iso') }}",
            ctx
        ),
        "31 mars 2026 2026-03-31"
    );
}

#[test]
fn suppressed_figures_render_as_x_and_html_is_escaped() {
    let row =
        minijinja::context! { value => 3.0, numerator => 3.0, suppressed => true, kind => "share" };
    let shown = minijinja::context! { value => 12.25, numerator => 49.0, suppressed => false, kind => "share" };
    let ctx = minijinja::context! { a => row, b => shown, name => "<b>&</b>" };
    assert_eq!(
        render("{{ a | figure }} {{ a | numerator }}", ctx.clone()),
        "x x"
    );
    assert_eq!(
        render("{{ b | figure }} {{ b | numerator }}", ctx.clone()),
        "12,3 49"
    );
    assert_eq!(render("{{ name }}", ctx), "&lt;b&gt;&amp;&lt;&#x2f;b&gt;");
}

#[test]
fn items_are_counted_exactly_in_short_lists_and_scaled_in_long_ones() {
    let map = |n: usize| {
        Value::from(BTreeMap::from_iter(
            (0..n).map(|k| (format!("k{k}"), Value::from(k))),
        ))
    };
    let list = |items: Vec<Value>| Value::from(items);
    // A map of two entries, one a list of three maps of two entries: 2 + 3 + 3 * 2.
    let short = Value::from(BTreeMap::from([
        ("a".to_string(), Value::from(1)),
        ("rows".to_string(), list(vec![map(2), map(2), map(2)])),
    ]));
    assert_eq!(count_items(&short, 0), 11);
    // A list far longer than the sample: each element's two entries are scaled to all.
    let long = list((0..10 * SAMPLE).map(|_| map(2)).collect());
    assert_eq!(count_items(&long, 0), 10 * SAMPLE as u64 * 3);
    // Elements of different sizes: the estimate comes from the first SAMPLE only.
    let uneven = list(
        (0..2 * SAMPLE)
            .map(|i| map(if i < SAMPLE { 1 } else { 3 }))
            .collect(),
    );
    assert_eq!(count_items(&uneven, 0), 2 * SAMPLE as u64 * 2);
}

#[test]
fn typst_templates_escape_values_as_text_and_the_typst_filter_writes_literals() {
    let t = Templates::from_sources(BTreeMap::from([(
        "t.typ.j2".to_string(),
        "[{{ name }}] [{{ minus }}] #f({{ name | typst }}, {{ minus | typst }}, {{ n | typst }}, {{ whole | typst }}, {{ yes | typst }})".to_string(),
    )]))
    .unwrap();
    let ctx = minijinja::context! {
        name => "= \"a\\b\"\nc", minus => -5.5, n => (), whole => 1234567.0, yes => true
    };
    let out = t.render_string("t.typ.j2", &ctx).unwrap();
    assert_eq!(
        out,
        "[\\= \\\"a\\\\b\\\" c] [\\-5\\.5] #f(\"= \\\"a\\\\b\\\"\\nc\", -5.5, none, 1234567, true)"
    );
}
