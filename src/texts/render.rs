//! A text's blocks written out for each report: HTML elements, Typst markup (in the
//! function forms, `#strong[…]`, `#link("…")[…]`, so that nothing depends on what stands
//! next to it) and Markdown. Every run of text is escaped for the output it goes into;
//! a heading's level is the text's own plus the level of the section it sits in.

use super::{Block, Inline};
use crate::text::{markdown_escape, typst_escape};

/// The deepest heading any output gets.
const DEEPEST: u8 = 6;

fn level(base: u8, own: u8) -> u8 {
    base.saturating_add(own).clamp(1, DEEPEST)
}

/// The blocks as HTML elements, headings below `<h{base}>`.
pub fn html(blocks: &[Block], base: u8) -> String {
    let mut out = String::new();
    for b in blocks {
        html_block(b, base, &mut out);
    }
    out
}

fn html_block(b: &Block, base: u8, out: &mut String) {
    match b {
        Block::Heading(own, runs) => {
            let h = level(base, *own);
            out.push_str(&format!("<h{h}>{}</h{h}>\n", html_runs(runs)));
        }
        Block::Paragraph(runs) => out.push_str(&format!("<p>{}</p>\n", html_runs(runs))),
        Block::List(numbered, items) => {
            let tag = if *numbered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>\n"));
            for item in items {
                out.push_str("<li>");
                // A tight item's one paragraph stands without <p>.
                match item.as_slice() {
                    [Block::Paragraph(runs)] => out.push_str(&html_runs(runs)),
                    blocks => {
                        for b in blocks {
                            html_block(b, base, out);
                        }
                    }
                }
                out.push_str("</li>\n");
            }
            out.push_str(&format!("</{tag}>\n"));
        }
        Block::Quote(blocks) => {
            out.push_str("<blockquote>\n");
            for b in blocks {
                html_block(b, base, out);
            }
            out.push_str("</blockquote>\n");
        }
        Block::Code(code) => {
            out.push_str(&format!(
                "<pre><code>{}</code></pre>\n",
                crate::text::markup_escape(code)
            ));
        }
        Block::Rule => out.push_str("<hr>\n"),
    }
}

fn html_runs(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) => crate::text::markup_escape(t),
            Inline::Emphasis(inner) => format!("<em>{}</em>", html_runs(inner)),
            Inline::Strong(inner) => format!("<strong>{}</strong>", html_runs(inner)),
            Inline::Code(c) => format!("<code>{}</code>", crate::text::markup_escape(c)),
            Inline::Link(url, inner) => {
                format!(
                    "<a href=\"{}\">{}</a>",
                    crate::text::markup_escape(url),
                    html_runs(inner)
                )
            }
            Inline::Break => "<br>".to_string(),
        })
        .collect()
}

/// The blocks as Typst markup, headings below level `base` (the section's).
pub fn typst(blocks: &[Block], base: u8) -> String {
    let parts: Vec<String> = blocks.iter().map(|b| typst_block(b, base)).collect();
    parts.join("\n\n")
}

/// `text` as a Typst string literal, for a function's argument.
fn typst_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn typst_block(b: &Block, base: u8) -> String {
    match b {
        Block::Heading(own, runs) => format!(
            "#heading(level: {}, outlined: false)[{}]",
            level(base, *own),
            typst_runs(runs)
        ),
        Block::Paragraph(runs) => typst_runs(runs),
        Block::List(numbered, items) => {
            let function = if *numbered { "enum" } else { "list" };
            let items: Vec<String> = items
                .iter()
                .map(|item| format!("[{}]", typst(item, base)))
                .collect();
            format!("#{function}({})", items.join(", "))
        }
        Block::Quote(blocks) => format!("#quote(block: true)[{}]", typst(blocks, base)),
        Block::Code(code) => format!("#raw(block: true, {})", typst_string(code)),
        Block::Rule => "#line(length: 100%, stroke: 0.5pt)".to_string(),
    }
}

fn typst_runs(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) => typst_escape(t),
            Inline::Emphasis(inner) => format!("#emph[{}]", typst_runs(inner)),
            Inline::Strong(inner) => format!("#strong[{}]", typst_runs(inner)),
            Inline::Code(c) => format!("#raw({})", typst_string(c)),
            Inline::Link(url, inner) => {
                format!("#link({})[{}]", typst_string(url), typst_runs(inner))
            }
            Inline::Break => "#linebreak()".to_string(),
        })
        .collect()
}

/// The blocks as Markdown again (what was written, made safe: no raw HTML, no unsafe
/// link), headings below level `base`.
pub fn markdown(blocks: &[Block], base: u8) -> String {
    let parts: Vec<String> = blocks.iter().map(|b| markdown_block(b, base)).collect();
    parts.join("\n\n")
}

/// A fence of backquotes longer than any run of them in `code`.
fn fence(code: &str, least: usize) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in code.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat((longest + 1).max(least))
}

fn markdown_block(b: &Block, base: u8) -> String {
    match b {
        Block::Heading(own, runs) => format!(
            "{} {}",
            "#".repeat(usize::from(level(base, *own))),
            markdown_runs(runs)
        ),
        Block::Paragraph(runs) => markdown_runs(runs),
        Block::List(numbered, items) => {
            let lines: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(k, item)| {
                    let marker = if *numbered {
                        format!("{}. ", k + 1)
                    } else {
                        "- ".to_string()
                    };
                    let body = markdown(item, base);
                    let indent = " ".repeat(marker.len());
                    let body = body.replace('\n', &format!("\n{indent}"));
                    format!("{marker}{body}")
                })
                .collect();
            lines.join("\n")
        }
        Block::Quote(blocks) => markdown(blocks, base)
            .lines()
            .map(|l| {
                if l.is_empty() {
                    ">".to_string()
                } else {
                    format!("> {l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Code(code) => {
            let f = fence(code, 3);
            format!("{f}\n{}\n{f}", code.trim_end_matches('\n'))
        }
        Block::Rule => "---".to_string(),
    }
}

fn markdown_runs(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) => markdown_escape(t),
            Inline::Emphasis(inner) => format!("*{}*", markdown_runs(inner)),
            Inline::Strong(inner) => format!("**{}**", markdown_runs(inner)),
            Inline::Code(c) => {
                let f = fence(c, 1);
                format!("{f} {} {f}", c.replace('\n', " "))
            }
            Inline::Link(url, inner) => {
                let url = url
                    .replace('<', "%3C")
                    .replace('>', "%3E")
                    .replace(' ', "%20");
                format!("[{}](<{url}>)", markdown_runs(inner))
            }
            Inline::Break => "\\\n".to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    const HOSTILE: &str = "# Om <b>oss</b>\n\n<script>alert(1)</script>\n\n#set page(fill: red) och {{ 7*7 }} och {% if x %}\n\n[klicka](javascript:alert(1)) och [sida](https://exempel.se/\"><x>)\n";

    #[test]
    fn html_is_elements_with_every_text_escaped() {
        let out = html(&parse(HOSTILE), 2);
        assert!(
            out.starts_with("<h3>Om &lt;b&gt;oss&lt;/b&gt;</h3>"),
            "{out}"
        );
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{out}"
        );
        assert!(
            !out.contains("<script") && !out.contains("javascript:"),
            "{out}"
        );
        assert!(out.contains("{{ 7*7 }}"), "{out}");
        assert!(
            out.contains("href=\"https://exempel.se/&quot;&gt;&lt;x&gt;\""),
            "{out}"
        );
    }

    #[test]
    fn typst_is_markup_with_every_text_escaped() {
        let out = typst(&parse(HOSTILE), 1);
        assert!(
            out.starts_with("#heading(level: 2, outlined: false)[Om \\<b\\>oss\\<\\/b\\>]"),
            "{out}"
        );
        assert!(out.contains("\\#set page\\(fill\\: red\\)"), "{out}");
        assert!(!out.contains("javascript"), "{out}");
        assert!(
            out.contains("#link(\"https://exempel.se/\\\"><x>\")[sida]"),
            "{out}"
        );
    }

    #[test]
    fn markdown_is_markdown_again_without_raw_html() {
        let out = markdown(&parse(HOSTILE), 2);
        assert!(out.starts_with("### Om &lt;b&gt;oss&lt;/b&gt;"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        assert!(
            !out.contains("javascript") && !out.contains("<script"),
            "{out}"
        );
        assert!(out.contains("{{ 7\\*7 }}"), "{out}");
        let list = markdown(&parse("- ett\n- två *tre*\n\n1. a\n2. b"), 2);
        assert_eq!(list, "- ett\n- två *tre*\n\n1. a\n2. b");
    }
}
