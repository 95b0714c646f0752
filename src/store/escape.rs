//! Text ↔ Fluent pattern source, exactly.
//!
//! The fluent-syntax serializer escapes nothing, so bitext writes patterns itself: braces, a
//! leading `[`, `*` or `.`, leading and trailing white space, line breaks, control characters and
//! empty text become string-literal placeables such as `{"{"}`, which every Fluent parser reads
//! back as the same characters. Everything is written on one line.

use fluent_syntax::ast;

/// A piece of a translation's value: literal text, or a Fluent expression written by a translator
/// (a variable, a term or message reference, a function call, a select expression).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// The expression's canonical source, braces included: `{ -brand-name }`.
    Expr(String),
}

/// The Fluent pattern source (one line) whose value is exactly `text`.
///
/// ```
/// use bitext::store::escape::encode;
/// assert_eq!(encode("a {b}"), r#"a {"{"}b{"}"}"#);
/// assert_eq!(encode(" x"), r#"{" "}x"#);
/// assert_eq!(encode(""), r#"{""}"#);
/// ```
pub fn encode(text: &str) -> String {
    if text.is_empty() {
        return "{\"\"}".to_string();
    }
    encode_part(text, true, true)
}

/// Encodes `text`, a part of a pattern; `first` and `last` say whether it starts or ends it,
/// where white space would be trimmed.
fn encode_part(text: &str, first: bool, last: bool) -> String {
    let lead_end = if first {
        text.len() - text.trim_start().len()
    } else {
        0
    };
    let trail_start = if last {
        text.trim_end().len().max(lead_end)
    } else {
        text.len()
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut placeables = 0;
    for (i, c) in text.char_indices() {
        let at_edge = i < lead_end || i >= trail_start;
        let special = matches!(c, '{' | '}')
            || (i == 0 && first && matches!(c, '[' | '*' | '.'))
            || (c.is_control() && c != '\t');
        if at_edge || special {
            out.push_str("{\"");
            push_literal_char(&mut out, c);
            out.push_str("\"}");
            placeables += 1;
        } else {
            out.push(c);
        }
    }
    if placeables > MAX_ESCAPES {
        // One string literal for the whole text: fluent-bundle formats no pattern of more than
        // 100 placeables, and would show this translation as missing.
        out.clear();
        out.push_str("{\"");
        for c in text.chars() {
            push_literal_char(&mut out, c);
        }
        out.push_str("\"}");
    }
    out
}

/// How many characters a piece of text may escape one by one (`{"{"}`) before it is written as
/// one string literal instead: half of the 100 placeables fluent-bundle formats in a message.
const MAX_ESCAPES: usize = 50;

fn push_literal_char(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        ' ' => out.push(' '),
        c if c.is_whitespace() || c.is_control() || (c as u32) < 0x20 => {
            let n = c as u32;
            if n > 0xFFFF {
                out.push_str(&format!("\\U{n:06X}"));
            } else {
                out.push_str(&format!("\\u{n:04X}"));
            }
        }
        c => out.push(c),
    }
}

/// The canonical source of a value made of `pieces`: what bitext would write for it.
pub fn encode_pieces(pieces: &[Piece]) -> String {
    match pieces {
        [] => return encode(""),
        [Piece::Text(t)] => return encode(t),
        _ => {}
    }
    let last = pieces.len().saturating_sub(1);
    pieces
        .iter()
        .enumerate()
        .map(|(i, p)| match p {
            Piece::Text(t) => encode_part(t, i == 0, i == last),
            Piece::Expr(e) => e.clone(),
        })
        .collect()
}

/// The text of `pieces` as a person reads it: literal text, expressions as their source.
pub fn display(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) | Piece::Expr(t) => t.as_str(),
        })
        .collect()
}

/// Reads a parsed pattern back into pieces: text elements and string literals become text,
/// other placeables keep their canonical source.
pub fn decode(pattern: &ast::Pattern<&str>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let push_text = |out: &mut Vec<Piece>, s: &str| match out.last_mut() {
        Some(Piece::Text(t)) => t.push_str(s),
        _ => out.push(Piece::Text(s.to_string())),
    };
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => push_text(&mut out, value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
            } => push_text(&mut out, &unescape(value)),
            ast::PatternElement::Placeable { expression } => {
                out.push(Piece::Expr(expression_source(expression)))
            }
        }
    }
    if out.is_empty() {
        out.push(Piece::Text(String::new()));
    }
    out
}

/// Resolves the escapes of a Fluent string literal: `\"`, `\\`, `\uXXXX`, `\UXXXXXX`.
pub fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(d @ ('u' | 'U')) => {
                let len = if d == 'u' { 4 } else { 6 };
                let hex: String = chars.by_ref().take(len).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push('\u{FFFD}'),
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The canonical source of one placeable expression, through the fluent-syntax serializer.
fn expression_source(expression: &ast::Expression<&str>) -> String {
    let resource = ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: ast::Identifier { name: "x" },
            value: Some(ast::Pattern {
                elements: vec![ast::PatternElement::Placeable {
                    expression: expression.clone(),
                }],
            }),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let source = fluent_syntax::serializer::serialize(&resource);
    let value = source.strip_prefix("x =").unwrap_or(&source);
    value.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        let source = format!("key = {}\n", encode(text));
        let resource = fluent_syntax::parser::parse(source.as_str()).expect("valid Fluent");
        let Some(ast::Entry::Message(m)) = resource.body.first() else {
            panic!("no message in {source:?}");
        };
        display(&decode(m.value.as_ref().expect("value")))
    }

    #[test]
    fn text_with_many_escapes_is_one_string_literal_that_fluent_bundle_formats() {
        let text = "a{".repeat(120) + "\u{0} \n end ";
        let encoded = encode(&text);
        assert!(encoded.starts_with("{\"a{a{"), "{encoded}");
        assert_eq!(round_trip(&text), text);
        let source = format!("key = {encoded}\n");
        let resource = fluent_bundle::FluentResource::try_new(source).unwrap();
        let mut bundle = fluent_bundle::FluentBundle::new(vec!["ko".parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap();
        let value = bundle.get_message("key").unwrap().value().unwrap();
        let mut errors = Vec::new();
        assert_eq!(bundle.format_pattern(value, None, &mut errors), text);
        assert!(errors.is_empty(), "{errors:?}");
        // Fewer escapes stay one by one, readable in the file.
        assert_eq!(encode("a{b}c"), "a{\"{\"}b{\"}\"}c");
        assert_eq!(encode_pieces(&[]), "{\"\"}");
    }

    #[test]
    fn special_characters_round_trip() {
        for text in [
            "{",
            "}",
            "{a}",
            "[x]",
            "*x",
            ".x",
            " lead",
            "trail ",
            "  both  ",
            "a\nb",
            "\n",
            "",
            "back\\slash",
            "\"quoted\"",
            "nb\u{a0}sp",
            "\u{a0}edge\u{a0}",
            "tab\there",
            "😀 emoji",
            "한국어 문장입니다.",
            "Қазақстан әңгіме",
            "{\"{\"}",
            "\r\n",
            "x\u{1}y",
        ] {
            assert_eq!(round_trip(text), text, "encoded as {:?}", encode(text));
        }
    }

    #[test]
    fn expressions_keep_their_source() {
        let resource = fluent_syntax::parser::parse("k = Hi {-brand}, {  $name }!\n").unwrap();
        let ast::Entry::Message(m) = &resource.body[0] else {
            panic!()
        };
        let pieces = decode(m.value.as_ref().unwrap());
        assert_eq!(display(&pieces), "Hi { -brand }, { $name }!");
        assert_eq!(encode_pieces(&pieces), "Hi { -brand }, { $name }!");
    }
}
