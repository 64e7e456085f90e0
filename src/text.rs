//! Swedish text for numbers and counts, shared by messages, configuration and the
//! outputs: `1 234 567,3` with non-breaking spaces, and `1 fil` / `2 filer`.
//!
//! A leaf: imports nothing from the crate, so that every layer may use it.

/// The non-breaking space used between thousands and before units.
pub const NBSP: char = '\u{a0}';

/// Nothing to report (zero).
pub const NOTHING: &str = "–";
/// Figure not available.
pub const NOT_AVAILABLE: &str = "..";
/// Cannot occur (e.g. the denominator of a count).
pub const CANNOT_OCCUR: &str = ".";
/// Suppressed for confidentiality.
pub const SUPPRESSED: &str = "x";

/// `1234567.25` with 1 decimal → `1 234 567,3` (non-breaking spaces, Unicode minus).
pub fn num(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "..".to_string();
    }
    // Round half away from zero, as tables are read (45,25 → 45,3).
    let factor = 10f64.powi(decimals.min(15) as i32);
    let rounded = (value.abs() * factor).round() / factor;
    let text = format!("{rounded:.decimals$}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(NBSP);
        }
        grouped.push(c);
    }
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('\u{2212}');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A count with its noun in the right number, grouped: `1 fil`, `2 filer`, `12 345 rader`.
pub fn count_word(n: u64, singular: &str, plural: &str) -> String {
    let word = if n == 1 { singular } else { plural };
    format!("{}{NBSP}{word}", num(n as f64, 0))
}

/// A whole number grouped by thousands (`1 429 354`); decimals only where it has them.
/// From 10¹⁵ on it is written short ([`scientific`]), so that a cell of `1e300` is not a
/// message of 300 digits.
pub fn group(value: f64) -> String {
    if value.abs() >= 1e15 {
        scientific(value)
    } else if value.fract() == 0.0 {
        num(value, 0)
    } else {
        num(value, 2)
    }
}

/// `value` in Excel's scientific form with up to three decimals: `1E+300`, `−2,5E+18`,
/// `1,235E-7`; `..` when it is no number.
pub fn scientific(value: f64) -> String {
    if !value.is_finite() {
        return "..".to_string();
    }
    let text = format!("{:.3e}", value.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
    let (sign, digits) = match exponent.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exponent),
    };
    let minus = if value < 0.0 { "\u{2212}" } else { "" };
    format!("{minus}{}E{sign}{digits}", mantissa.replace('.', ","))
}

/// Normalises a name for matching: lowercase, trimmed, inner white space collapsed,
/// and a trailing unit in parentheses removed (`"Budget (kr)"` → `"budget"`).
pub fn normalize(name: &str) -> String {
    let mut s = collapse(name);
    if s.ends_with(')')
        && let Some(open) = s.rfind('(')
        && open > 0
    {
        s.truncate(open);
        s = collapse(&s);
    }
    s
}

/// Lowercases, trims and collapses white space (including non-breaking spaces), in
/// Unicode's composed form (NFC), so names compare the same however they were typed.
pub fn collapse(text: &str) -> String {
    nfc(text)
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `text` in Unicode's composed form (NFC): `Närsjukvården` typed on a Mac, or a file
/// name from one, often arrives decomposed (`a` and a combining ring) and must read as
/// the same name as everywhere else. Borrowed when it already is (nearly always).
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    // Every character below U+0300 (all of Latin-1, å, ä and ö among them) is composed
    // already; in UTF-8 they are the bytes below 0xCC. A whole country's cells pass here.
    if text.bytes().all(|b| b < 0xCC) {
        return std::borrow::Cow::Borrowed(text);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

/// `text` as literal text in Markdown: a line break (which would end a table row or
/// start a block) becomes a space; the characters Markdown reads as markup (backslash,
/// `|`, `*`, `_`, `[`, `]`, backtick, `~`, and `#`, `+`, `-` at the start) get a
/// backslash, and `&`, `<`, `>` are written as entities, so no raw HTML, link or autolink
/// can be formed from a cell's text.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match c {
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '|' | '*' | '_' | '[' | ']' | '`' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` as literal text in Typst markup (the PDF's template): every ASCII punctuation
/// character gets a backslash (Typst reads a backslash and any character as that
/// character), so no heading, list, emphasis, label, reference, math, raw block, comment
/// or `#` code can be formed from a cell's text, and `...`, `--` or `1.` stay as typed.
/// Line breaks and other control characters become spaces: a value stays on its line.
pub fn typst_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` with every control character (line breaks, escape codes) and every
/// direction override written out (`\n`, `\u{1b}`), for output read in a terminal or a
/// log: text from people cannot start a line of its own or repaint the screen.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A file name for an administration: lowercase ASCII, dashes.
pub fn file_name(administration: &str) -> String {
    let slug: String = administration
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let parts: Vec<&str> = slug.split('-').filter(|s| !s.is_empty()).collect();
    format!("{}.xlsx", parts.join("-"))
}

/// Text as HTML or XML character data or an attribute value: the five specials escaped.
pub fn markup_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_text_cannot_become_markup() {
        assert_eq!(typst_escape("Vård & omsorg"), "Vård \\& omsorg");
        assert_eq!(typst_escape("= Rubrik #let x"), "\\= Rubrik \\#let x");
        assert_eq!(typst_escape("1. a_b*c*"), "1\\. a\\_b\\*c\\*");
        assert_eq!(typst_escape("rad\nrad"), "rad rad");
        assert_eq!(typst_escape("Åsa Öberg"), "Åsa Öberg");
    }

    #[test]
    fn counts_take_the_right_number() {
        assert_eq!(count_word(1, "fil", "filer"), "1\u{a0}fil");
        assert_eq!(count_word(2, "fil", "filer"), "2\u{a0}filer");
        assert_eq!(count_word(0, "varning", "varningar"), "0\u{a0}varningar");
        assert_eq!(count_word(12_345, "rad", "rader"), "12\u{a0}345\u{a0}rader");
    }

    #[test]
    fn groups_whole_numbers_without_decimals() {
        assert_eq!(group(1_429_354.0), "1\u{a0}429\u{a0}354");
        assert_eq!(group(2.5), "2,50");
        assert_eq!(num(-1234.56, 1), "\u{2212}1\u{a0}234,6");
        assert_eq!(num(f64::NAN, 1), "..");
    }

    #[test]
    fn markdown_text_cannot_form_markup() {
        assert_eq!(
            markdown_escape("a|b\n<script>[x](javascript:y)"),
            "a\\|b &lt;script&gt;\\[x\\](javascript:y)"
        );
        assert_eq!(markdown_escape("# Rubrik * _"), "\\# Rubrik \\* \\_");
        assert_eq!(
            markdown_escape("Vård & omsorg 1\u{a0}250"),
            "Vård &amp; omsorg 1\u{a0}250"
        );
    }

    #[test]
    fn decomposed_text_is_composed() {
        let decomposed = "Na\u{308}rsjukva\u{30a}rden";
        assert_eq!(nfc(decomposed), "Närsjukvården");
        assert!(matches!(
            nfc("Närsjukvården"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(visible("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
        assert!(matches!(
            visible("Närsjukvården"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
