//! The region's own words for the year's report (SPEC 3.4): `texter/inledning.md`,
//! `texter/avslutning.md` and `texter/<area code>.md`, Markdown written by the region's
//! analysts.
//!
//! A text is parsed (pulldown-cmark) into a small tree of what the report typesets —
//! headings, paragraphs, lists, quotes, emphasis, code and links — and nothing else: raw
//! HTML becomes text, images become their description, a link to anything but `http`,
//! `https` or `mailto` becomes its words. [`render`] writes the tree as HTML elements, as
//! Typst markup and as Markdown, every run of text escaped for where it goes, so nothing
//! in a text is taken as HTML, Typst or template markup.
//!
//! Pure: the texts' sources are given (`discover::text_sources` reads the folder).

pub mod render;

use std::collections::BTreeMap;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic, Severity};

/// The text before the area chapters.
pub const INTRODUCTION: &str = "inledning";
/// The text after the sections on shifts and cooperation.
pub const CLOSING: &str = "avslutning";

/// One of the region's texts: its name (the file's stem) and its Markdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Text {
    /// `inledning`, `avslutning` or an area code.
    pub name: String,
    /// The Markdown as written.
    pub source: String,
}

impl Text {
    /// The text's blocks, as the report typesets them.
    pub fn blocks(&self) -> Vec<Block> {
        parse(&self.source)
    }
}

/// The region's texts for the year, by where they go.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Texts {
    /// `inledning.md`.
    pub introduction: Option<Text>,
    /// `avslutning.md`.
    pub closing: Option<Text>,
    /// `<area code>.md`, by area code.
    pub areas: BTreeMap<String, Text>,
}

impl Texts {
    /// The texts among `sources` (file name → contents) of the folder `dir` (as the user
    /// wrote it, for the findings): every `.md` whose stem is `inledning`, `avslutning`
    /// or an area code. Any other file is a warning naming the closest name.
    pub fn from_sources(
        sources: BTreeMap<String, String>,
        dir: &str,
        config: &Config,
    ) -> (Texts, Vec<Diagnostic>) {
        let mut texts = Texts::default();
        let mut findings = Vec::new();
        let mut known: Vec<&str> = vec![INTRODUCTION, CLOSING];
        known.extend(config.areas.iter().map(|a| a.code.as_str()));
        for (file, source) in sources {
            let (stem, ext) = file.rsplit_once('.').unwrap_or((file.as_str(), ""));
            let stem = crate::text::nfc(stem).to_lowercase();
            let is_md = ext.eq_ignore_ascii_case("md");
            let text = Text {
                name: stem.clone(),
                source,
            };
            match (is_md, stem.as_str()) {
                (true, INTRODUCTION) => texts.introduction = Some(text),
                (true, CLOSING) => texts.closing = Some(text),
                (true, code) if known.contains(&code) => {
                    texts.areas.insert(stem, text);
                }
                _ => findings.push(unknown(dir, &file, &stem, is_md, &known)),
            }
        }
        (texts, findings)
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.introduction.is_none() && self.closing.is_none() && self.areas.is_empty()
    }
}

/// `unknown-text`: a file of the texts folder that no part of the report reads.
fn unknown(dir: &str, file: &str, stem: &str, is_md: bool, known: &[&str]) -> Diagnostic {
    let path = format!("{}/{file}", dir.trim_end_matches(['/', '\\']));
    let message = if is_md {
        format!(
            "texten {file} hör inte till någon del av rapporten och tas inte med; väntade inledning.md, avslutning.md eller ett insatsområdes kod ({}).md",
            known[2..].join(", ")
        )
    } else {
        format!(
            "filen {file} är ingen Markdown-text och tas inte med; väntade en fil som slutar på .md"
        )
    };
    let hint = crate::schema::closest(stem, known.iter().map(|k| (*k, *k)))
        .map(|k| format!("menade du {k}.md?"));
    Diagnostic::new(Severity::Warning, Code::UnknownText, &path, message).with_hint(hint)
}

/// A block of a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading, level 1–6 as written (`#` is 1).
    Heading(u8, Vec<Inline>),
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A list: numbered or not, each item its blocks.
    List(bool, Vec<Vec<Block>>),
    /// A block quote.
    Quote(Vec<Block>),
    /// Preformatted text.
    Code(String),
    /// A horizontal rule.
    Rule,
}

/// A run inside a block.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Italics.
    Emphasis(Vec<Inline>),
    /// Bold.
    Strong(Vec<Inline>),
    /// Code.
    Code(String),
    /// A link to a web page or an e-mail address.
    Link(String, Vec<Inline>),
    /// A line break within a paragraph.
    Break,
}

/// Whether a link's target may be followed from a published report: a web page or an
/// e-mail address. Anything else (`javascript:`, `file:`, `data:`) is dropped.
pub fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        && !url.chars().any(char::is_control)
}

/// Parses Markdown into blocks (`CommonMark`, no extensions), its headings renumbered
/// from 1 without gaps ([`consecutive_headings`]).
pub fn parse(source: &str) -> Vec<Block> {
    let mut builder = Builder::default();
    for event in Parser::new_ext(source, Options::empty()) {
        builder.event(event);
    }
    let mut blocks = builder.finish();
    consecutive_headings(&mut blocks);
    blocks
}

/// Renumbers a text's headings so that the first level is 1 and none is more than one
/// below the heading before it: a text that starts at `##`, or goes from `#` to `###`,
/// would otherwise skip a level in the report's outline, which PDF/UA and WCAG forbid.
pub fn consecutive_headings(blocks: &mut [Block]) {
    let shallowest = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(level, _) => Some(*level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut previous = 0u8;
    for b in blocks {
        if let Block::Heading(level, _) = b {
            *level = (*level - (shallowest - 1)).min(previous + 1);
            previous = *level;
        }
    }
}

/// The open containers while the events are read.
#[derive(Debug)]
enum Open {
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    List(bool, Vec<Vec<Block>>),
    Item(Vec<Block>, Vec<Inline>),
    Quote(Vec<Block>),
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link(Option<String>, Vec<Inline>),
    /// An image: its description is kept as text.
    Image(Vec<Inline>),
}

#[derive(Debug, Default)]
struct Builder {
    stack: Vec<Open>,
    blocks: Vec<Block>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some(Open::Code(code)) = self.stack.last_mut() {
                    code.push_str(&t);
                } else {
                    self.inline(Inline::Text(t.into_string()));
                }
            }
            Event::Code(t) => self.inline(Inline::Code(t.into_string())),
            Event::SoftBreak => self.inline(Inline::Text(" ".into())),
            Event::HardBreak => self.inline(Inline::Break),
            Event::Rule => self.block(Block::Rule),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let open = match tag {
            Tag::Heading { level, .. } => Open::Heading(level_of(level), Vec::new()),
            Tag::Paragraph => Open::Paragraph(Vec::new()),
            Tag::List(first) => Open::List(first.is_some(), Vec::new()),
            Tag::Item => Open::Item(Vec::new(), Vec::new()),
            Tag::BlockQuote(_) => Open::Quote(Vec::new()),
            Tag::CodeBlock(_) => Open::Code(String::new()),
            Tag::Emphasis => Open::Emphasis(Vec::new()),
            Tag::Strong => Open::Strong(Vec::new()),
            Tag::Link { dest_url, .. } => Open::Link(
                safe_url(&dest_url).then(|| dest_url.into_string()),
                Vec::new(),
            ),
            Tag::Image { .. } => Open::Image(Vec::new()),
            // Anything else (an HTML block, a table if one were enabled) keeps its
            // contents as a paragraph.
            _ => Open::Paragraph(Vec::new()),
        };
        self.stack.push(open);
    }

    fn end(&mut self, _end: TagEnd) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        match open {
            Open::Heading(level, inlines) => self.block(Block::Heading(level, inlines)),
            Open::Paragraph(inlines) => {
                if !inlines.is_empty() {
                    self.block(Block::Paragraph(inlines));
                }
            }
            Open::List(numbered, items) => self.block(Block::List(numbered, items)),
            Open::Item(mut blocks, loose) => {
                if !loose.is_empty() {
                    blocks.push(Block::Paragraph(loose));
                }
                if let Some(Open::List(_, items)) = self.stack.last_mut() {
                    items.push(blocks);
                }
            }
            Open::Quote(blocks) => self.block(Block::Quote(blocks)),
            Open::Code(code) => self.block(Block::Code(code)),
            Open::Emphasis(inlines) => self.inline(Inline::Emphasis(inlines)),
            Open::Strong(inlines) => self.inline(Inline::Strong(inlines)),
            Open::Link(Some(url), inlines) => self.inline(Inline::Link(url, inlines)),
            Open::Link(None, inlines) | Open::Image(inlines) => {
                for i in inlines {
                    self.inline(i);
                }
            }
        }
    }

    /// Adds a run to the innermost open container that takes runs (a tight list item's
    /// text has no paragraph of its own).
    fn inline(&mut self, inline: Inline) {
        match self.stack.last_mut() {
            Some(
                Open::Heading(_, v)
                | Open::Paragraph(v)
                | Open::Emphasis(v)
                | Open::Strong(v)
                | Open::Link(_, v)
                | Open::Image(v)
                | Open::Item(_, v),
            ) => v.push(inline),
            Some(Open::Code(code)) => {
                if let Inline::Text(t) = inline {
                    code.push_str(&t);
                }
            }
            _ => self.block(Block::Paragraph(vec![inline])),
        }
    }

    fn block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Open::Quote(blocks)) => blocks.push(block),
            Some(Open::Item(blocks, loose)) => {
                if !loose.is_empty() {
                    blocks.push(Block::Paragraph(std::mem::take(loose)));
                }
                blocks.push(block);
            }
            _ => self.blocks.push(block),
        }
    }

    fn finish(mut self) -> Vec<Block> {
        while !self.stack.is_empty() {
            self.end(TagEnd::Paragraph);
        }
        self.blocks
    }
}

fn level_of(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    #[test]
    fn markdown_becomes_the_blocks_the_report_typesets() {
        let blocks = parse(
            "# Rubrik\n\nEtt *viktigt* och **mycket** stycke\nmed [länk](https://exempel.se).\n\n- ett\n- två\n\n1. först\n\n> citat\n",
        );
        assert_eq!(blocks[0], Block::Heading(1, vec![text("Rubrik")]));
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![
                text("Ett "),
                Inline::Emphasis(vec![text("viktigt")]),
                text(" och "),
                Inline::Strong(vec![text("mycket")]),
                text(" stycke"),
                text(" "),
                text("med "),
                Inline::Link("https://exempel.se".into(), vec![text("länk")]),
                text("."),
            ])
        );
        assert_eq!(
            blocks[2],
            Block::List(
                false,
                vec![
                    vec![Block::Paragraph(vec![text("ett")])],
                    vec![Block::Paragraph(vec![text("två")])]
                ]
            )
        );
        assert!(matches!(blocks[3], Block::List(true, _)));
        assert!(matches!(blocks[4], Block::Quote(_)));
    }

    #[test]
    fn headings_are_renumbered_without_gaps() {
        let levels = |s: &str| -> Vec<u8> {
            parse(s)
                .iter()
                .filter_map(|b| match b {
                    Block::Heading(l, _) => Some(*l),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(levels("## A\n\n### B\n\n## C\n\n#### D"), [1, 2, 1, 2]);
        assert_eq!(levels("# A\n\n### B\n\n# C"), [1, 2, 1]);
    }

    #[test]
    fn html_images_and_unsafe_links_become_text() {
        let blocks = parse(
            "<script>alert(1)</script>\n\nSe [här](javascript:alert(1)) och ![bild](http://x/y.png)",
        );
        assert_eq!(
            blocks[0],
            Block::Paragraph(vec![text("<script>alert(1)</script>\n")])
        );
        let Block::Paragraph(runs) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert!(
            !runs.iter().any(|r| matches!(r, Inline::Link(..))),
            "{runs:?}"
        );
        assert!(runs.contains(&text("här")) && runs.contains(&text("bild")));
    }

    #[test]
    fn a_file_that_is_no_part_of_the_report_warns_with_the_closest_name() {
        let config = Config::default_config();
        let sources = BTreeMap::from([
            ("inledning.md".to_string(), "Hej".to_string()),
            ("digitl.md".to_string(), "x".to_string()),
            ("Training.md".to_string(), "y".to_string()),
        ]);
        let (texts, findings) = Texts::from_sources(sources, "texter", &config);
        assert!(texts.introduction.is_some());
        assert!(texts.areas.contains_key("training"));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].file, "texter/digitl.md");
        assert_eq!(findings[0].code, Code::UnknownText);
        assert_eq!(findings[0].hint.as_deref(), Some("menade du digital.md?"));
    }
}
