//! Looking for a pattern in an article's files as they are on disk, before parsing them, to parse
//! only the articles that may hold a match.
//!
//! A [`Sieve`] says whether a file's text *may* hold a segment that matches: never no when one
//! does. The text of a segment is in its file as it is, except where the format escapes it: in
//! a history (JSON lines), `\"`, `\\` and the other escapes of JSON strings; in a Fluent file,
//! placeables (`{"{"}`, string literals, the whole value as one literal) and values that go on
//! over several lines. So a file is taken as it is when the pattern matches its text, and also
//! whenever it has an escape that could hide a match. A pattern with anchors (`^`, `$`, `\A`,
//! `\z`) matches at the start or end of a segment, which is not the start or end of the file:
//! it gets no sieve, and every file may hold a match.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A pattern's sieve: the same regular expression, on the bytes of a file.
#[derive(Debug, Clone)]
pub struct Sieve {
    raw: regex::bytes::Regex,
    /// Whether a match may hold `"` or `\`, which a history writes `\"` and `\\`.
    quotes: bool,
}

impl Sieve {
    /// The sieve of the regular expression `source` (with the flags of the `regex` crate's
    /// defaults, and letter case aside when `case_insensitive`), or `None` when the pattern
    /// cannot be looked for in files as they are (it has anchors, or does not parse).
    ///
    /// ```
    /// use bitext::store::sieve::Sieve;
    /// let sieve = Sieve::new("gazprom", true).unwrap();
    /// assert!(sieve.history(br#"{"id":"s-1","added":"Shares of Gazprom rose."}"#));
    /// assert!(!sieve.history(br#"{"id":"s-1","added":"Shares of Halyk rose."}"#));
    /// // An escape that could hide the name: the file is taken.
    /// assert!(sieve.history(br#"{"id":"s-1","added":"Shares of \u0047azprom rose."}"#));
    /// assert!(sieve.fluent(b"s-1 = {\"G\"}azprom\n"));
    /// assert!(!sieve.fluent("s-1 = Акции «Газпрома» выросли.\n".as_bytes()));
    /// assert!(Sieve::new("^Shares", true).is_none());
    /// ```
    pub fn new(source: &str, case_insensitive: bool) -> Option<Sieve> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(case_insensitive)
            .build()
            .parse(source)
            .ok()?;
        let word_boundaries_only = hir.properties().look_set().iter().all(|look| {
            matches!(
                look,
                Look::WordAscii
                    | Look::WordAsciiNegate
                    | Look::WordUnicode
                    | Look::WordUnicodeNegate
                    | Look::WordStartAscii
                    | Look::WordEndAscii
                    | Look::WordStartUnicode
                    | Look::WordEndUnicode
                    | Look::WordStartHalfAscii
                    | Look::WordEndHalfAscii
                    | Look::WordStartHalfUnicode
                    | Look::WordEndHalfUnicode
            )
        });
        // A word boundary at the start or end of a segment is one in the file too: a segment's
        // text is between quotes in a history, after `= ` and before a line break in Fluent.
        if !word_boundaries_only {
            return None;
        }
        let raw = regex::bytes::RegexBuilder::new(source)
            .case_insensitive(case_insensitive)
            .unicode(true)
            .size_limit(1 << 22)
            .build()
            .ok()?;
        Some(Sieve {
            raw,
            quotes: may_match(&hir, b'"') || may_match(&hir, b'\\'),
        })
    }

    /// Whether a history file (JSON lines) may hold a segment that matches.
    pub fn history(&self, bytes: &[u8]) -> bool {
        self.raw.is_match(bytes) || json_may_hide(bytes, self.quotes)
    }

    /// Whether a Fluent file may hold a value that matches.
    pub fn fluent(&self, bytes: &[u8]) -> bool {
        self.raw.is_match(bytes)
            || memchr::memchr(b'{', bytes).is_some()
            || memchr::memmem::find(bytes, b"\n ").is_some()
    }
}

/// Whether JSON text has an escape that could hide a match: any but `\"` and `\\`, and those
/// too when a match may hold a quote or a backslash.
fn json_may_hide(bytes: &[u8], quotes: bool) -> bool {
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'\\', &bytes[at..]) {
        let i = at + i;
        match bytes.get(i + 1) {
            Some(b'"' | b'\\') if !quotes => at = i + 2,
            _ => return true,
        }
    }
    false
}

/// Whether a match of `hir` may hold the ASCII character `byte`.
fn may_match(hir: &Hir, byte: u8) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(literal) => literal.0.contains(&byte),
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= char::from(byte) && char::from(byte) <= r.end()),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= byte && byte <= r.end()),
        HirKind::Repetition(repetition) => may_match(&repetition.sub, byte),
        HirKind::Capture(capture) => may_match(&capture.sub, byte),
        HirKind::Concat(all) | HirKind::Alternation(all) => all.iter().any(|h| may_match(h, byte)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_in_the_pattern_is_looked_for_through_the_escapes_of_a_history() {
        let history = br#"{"id":"s-1","added":"He said \"no\" to it."}"#;
        let sieve = Sieve::new(r#""no""#, true).unwrap();
        assert!(sieve.history(history));
        // Without a quote in the pattern, `\"` hides nothing.
        let sieve = Sieve::new("yes", true).unwrap();
        assert!(!sieve.history(history));
        assert!(Sieve::new(r"s.id", true).unwrap().history(history));
    }

    #[test]
    fn a_value_over_several_lines_or_with_placeables_may_hold_a_match() {
        let sieve = Sieve::new(r"one\stwo", true).unwrap();
        assert!(sieve.fluent(b"s-1 = one\n    two\n"));
        assert!(sieve.fluent(b"s-1 = one{\" \"}two\n"));
        assert!(!sieve.fluent(b"s-1 = one\ns-2 = two\n"));
    }

    #[test]
    fn anchors_get_no_sieve_and_word_boundaries_do() {
        for anchored in ["^The", r"\.$", r"\AThe", "(?m)^The", r"said\z"] {
            assert!(Sieve::new(anchored, true).is_none(), "{anchored}");
        }
        let sieve = Sieve::new(r"\bsaid\b", true).unwrap();
        assert!(sieve.history(br#"{"added":"said"}"#));
        assert!(sieve.fluent(b"s-1 = said\n"));
        assert!(!sieve.fluent(b"s-1 = unsaid\n"));
    }
}
