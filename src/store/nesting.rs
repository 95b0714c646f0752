//! How deep Fluent source nests, measured without recursion, before anything parses it.
//!
//! fluent-syntax (and fluent-bundle, and everything that walks their trees) recurse once for each
//! level of placeables, call arguments and select variants, and a file nested a few hundred
//! levels deep overflows the stack of a worker thread. So every piece of Fluent that comes from a
//! file is first scanned here, in one pass and constant stack, and refused when it nests deeper
//! than [`MAX_NESTING`].
//!
//! The scan follows the parser's modes closely enough to know what is a string literal and what
//! is text: a brace inside `"…"` opens nothing, a `"` in text starts nothing. Wherever the source
//! stops being valid Fluent, the parser stops there too, so what the scan counts afterwards can
//! only make the depth it reports larger, never smaller: the depth is an upper bound of the
//! parser's recursion.

use std::collections::HashMap;

/// The deepest nesting of placeables, function arguments and select variants that bitext reads in
/// a Fluent message: far more than any translation needs, far less than overflows a stack.
pub const MAX_NESTING: usize = 32;

/// What is open at a point of the scan.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Frame {
    /// A placeable `{ … }`, opened at this byte; `select` once its `->` is seen.
    Placeable { open: usize, select: bool },
    /// Function arguments `( … )`.
    Call,
    /// The pattern of a select variant: text again.
    Variant,
}

/// What a scan found.
#[derive(Debug, Default)]
struct Scan {
    /// Where the nesting first went deeper than the limit.
    too_deep: Option<usize>,
    /// Every placeable that was closed: the byte of its `{` → the byte after its `}`.
    closed: HashMap<usize, usize>,
}

/// Where `source` nests deeper than `limit`: the byte offset of the brace, parenthesis or variant
/// that opens one level too many. `source` is an entry (`id = …`) or a pattern; it is read as
/// text first.
///
/// ```
/// use bitext::store::nesting::too_deep;
/// assert_eq!(too_deep("a = { { $x } }", 2), None);
/// assert_eq!(too_deep("a = { { { $x } } }", 2), Some(8));
/// // Braces in a string literal open nothing.
/// assert_eq!(too_deep(r#"a = {"{{{"}"#, 1), None);
/// ```
pub fn too_deep(source: &str, limit: usize) -> Option<usize> {
    scan(source, Some(limit)).too_deep
}

/// The placeables of `text` (a pattern), by where they open and close: the byte of each `{` that
/// opens one → the byte after the `}` that closes it. A brace that opens nothing (inside a string
/// literal) or is never closed is not there. One pass, for text of any size.
pub fn placeables(text: &str) -> HashMap<usize, usize> {
    scan(text, None).closed
}

/// Scans `source` in one pass: the placeables it closes, and, with a `limit`, where it first nests
/// deeper than that (the scan stops there).
fn scan(source: &str, limit: Option<usize>) -> Scan {
    let bytes = source.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut out = Scan::default();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let opened = match stack.last().copied() {
            // Text: a message's pattern, or a variant's.
            None | Some(Frame::Variant) => match b {
                b'{' => {
                    stack.push(Frame::Placeable {
                        open: i,
                        select: false,
                    });
                    true
                }
                b'\n' if stack.last() == Some(&Frame::Variant) => {
                    if let Some(j) = variant_end(bytes, i) {
                        stack.pop();
                        i = j;
                        continue;
                    }
                    false
                }
                _ => false,
            },
            // An expression: inside a placeable or a call's arguments.
            Some(top) => match b {
                b'"' => {
                    i = string_end(bytes, i);
                    continue;
                }
                b'{' => {
                    stack.push(Frame::Placeable {
                        open: i,
                        select: false,
                    });
                    true
                }
                b'(' => {
                    stack.push(Frame::Call);
                    true
                }
                b')' => {
                    if top == Frame::Call {
                        stack.pop();
                    }
                    false
                }
                b'}' => {
                    close_placeable(&mut stack, &mut out.closed, i);
                    false
                }
                b'-' if bytes.get(i + 1) == Some(&b'>') => {
                    if let Some(Frame::Placeable { select, .. }) = stack.last_mut() {
                        *select = true;
                    }
                    i += 2;
                    continue;
                }
                b'[' if matches!(top, Frame::Placeable { select: true, .. }) => {
                    // A variant key, then its pattern.
                    match bytes[i..].iter().position(|&c| c == b']') {
                        Some(k) => {
                            stack.push(Frame::Variant);
                            i += k + 1;
                            if limit.is_some_and(|limit| stack.len() > limit) {
                                out.too_deep = Some(i - k - 1);
                                return out;
                            }
                            continue;
                        }
                        None => return out,
                    }
                }
                _ => false,
            },
        };
        if opened && limit.is_some_and(|limit| stack.len() > limit) {
            out.too_deep = Some(i);
            return out;
        }
        i += 1;
    }
    out
}

/// Where the pattern of a variant ends at the line break at `i`: the first byte of the next
/// line that is not a space, when that line ends it. A variant's pattern goes on over indented
/// lines, and ends at a line that is not indented or starts with `[`, `*`, `}` or `.`.
fn variant_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while bytes.get(j) == Some(&b' ') {
        j += 1;
    }
    let ends = match bytes.get(j) {
        None => true,
        Some(b'\n' | b'\r') => false,
        Some(c) => j == i + 1 || matches!(c, b'[' | b'*' | b'}' | b'.'),
    };
    ends.then_some(j)
}

/// The byte after the string literal whose `"` is at `i`: on one line, `\` escapes the next
/// character.
fn string_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while let Some(&c) = bytes.get(j) {
        match c {
            b'\\' => j += 2,
            b'"' | b'\n' => break,
            _ => j += 1,
        }
    }
    j + 1
}

/// Closes the placeable that the `}` at `i` ends (and, in invalid source, what is left open in
/// it), recording where it opened and closed.
fn close_placeable(stack: &mut Vec<Frame>, closed: &mut HashMap<usize, usize>, i: usize) {
    while let Some(frame) = stack.pop() {
        if let Frame::Placeable { open, .. } = frame {
            closed.insert(open, i + 1);
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How deep fluent-syntax's tree of `source` really nests: placeables, call arguments and
    /// variants.
    fn parsed_depth(source: &str) -> usize {
        use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
        fn pattern(p: &Pattern<&str>) -> usize {
            p.elements
                .iter()
                .map(|e| match e {
                    PatternElement::Placeable { expression } => 1 + expr(expression),
                    PatternElement::TextElement { .. } => 0,
                })
                .max()
                .unwrap_or(0)
        }
        fn expr(e: &Expression<&str>) -> usize {
            match e {
                Expression::Inline(i) => inline(i),
                Expression::Select { selector, variants } => variants
                    .iter()
                    .map(|v| 1 + pattern(&v.value))
                    .chain([inline(selector)])
                    .max()
                    .unwrap_or(0),
            }
        }
        fn inline(i: &InlineExpression<&str>) -> usize {
            match i {
                InlineExpression::Placeable { expression } => 1 + expr(expression),
                InlineExpression::FunctionReference { arguments, .. }
                | InlineExpression::TermReference {
                    arguments: Some(arguments),
                    ..
                } => {
                    1 + arguments
                        .positional
                        .iter()
                        .chain(arguments.named.iter().map(|n| &n.value))
                        .map(inline)
                        .max()
                        .unwrap_or(0)
                }
                _ => 0,
            }
        }
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        resource
            .body
            .iter()
            .map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => m
                    .value
                    .iter()
                    .chain(m.attributes.iter().map(|a| &a.value))
                    .map(pattern)
                    .max()
                    .unwrap_or(0),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    fn depth(source: &str) -> usize {
        (0..)
            .find(|&limit| too_deep(source, limit).is_none())
            .unwrap()
    }

    #[test]
    fn the_scan_is_never_shallower_than_the_parser() {
        for source in [
            "a = plain",
            "a = { $x }",
            "a = { { $x } }",
            "a = {\"{\"} and {\"}\"} and {\"\\\"{\"}",
            "a = { $n ->\n    [one] { $x }\n   *[other] { { $y } }\n}",
            "a = { $n ->\n    [one] one\n   *[other] { $m ->\n       *[x] { NUMBER($n, minimumFractionDigits: 2) }\n    }\n}",
            "a = { F(G(H($x))) }",
            "a = { -term(case: \"gen\") }",
            "a = text \"with { $x } quotes\"",
            "a = { $n ->\n   *[a] it's \"{ $x }\" here\n}",
            "a = value\n    .attr = { { $x } }",
            "a = { $n ->\n   *[a] x\n    continued { $y }\n}",
        ] {
            let parsed = parsed_depth(source);
            assert!(depth(source) >= parsed, "{source:?}: {} < {parsed}", depth(source));
        }
    }

    /// Fluent-like source from the pieces that change the parser's mode.
    fn fluentish() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("{ "),
            Just(" }"),
            Just("{"),
            Just("}"),
            Just("$x"),
            Just("-t"),
            Just("F("),
            Just(")"),
            Just(", "),
            Just("\""),
            Just("\\"),
            Just(" -> "),
            Just("->\n"),
            Just("\n"),
            Just("\n    "),
            Just("\n *["),
            Just("\n ["),
            Just("] "),
            Just("*"),
            Just("["),
            Just("]"),
            Just("."),
            Just("a"),
            Just(" "),
            Just("1"),
            Just(":"),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| format!("a = {}\n", v.concat()))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        #[test]
        fn no_source_nests_deeper_for_the_parser_than_for_the_scan(source in fluentish()) {
            let parsed = parsed_depth(&source);
            proptest::prop_assert!(depth(&source) >= parsed, "{:?}: {} < {}", source, depth(&source), parsed);
        }
    }

    #[test]
    fn deep_placeables_selects_and_calls_are_found_where_they_go_too_deep() {
        let braces = format!("a = {}$x{}", "{ ".repeat(10_000), " }".repeat(10_000));
        assert_eq!(too_deep(&braces, MAX_NESTING), Some(4 + 2 * MAX_NESTING));
        let mut select = String::from("a = ");
        for _ in 0..5_000 {
            select.push_str("{ $x ->\n *[o] ");
        }
        assert!(too_deep(&select, MAX_NESTING).is_some());
        let calls = format!("a = {{ {}$x{} }}", "F(".repeat(10_000), ")".repeat(10_000));
        assert!(too_deep(&calls, MAX_NESTING).is_some());
    }

    #[test]
    fn escaped_braces_side_by_side_are_not_nesting() {
        let many = "{\"{\"}".repeat(10_000);
        assert_eq!(too_deep(&format!("a = {many}"), MAX_NESTING), None);
        let flat = "{ $x } ".repeat(10_000);
        assert_eq!(too_deep(&format!("a = {flat}"), 1), None);
    }

    #[test]
    fn placeables_are_matched_through_strings_and_variants() {
        let text = "a {\"}\"} b { $n ->\n *[x] {\"{\"}\n} c { oops";
        let spans = placeables(text);
        assert_eq!(spans.get(&2), Some(&7));
        assert_eq!(&text[10..spans[&10]], "{ $n ->\n *[x] {\"{\"}\n}");
        assert_eq!(spans.get(&text.rfind('{').unwrap()), None);
    }
}
