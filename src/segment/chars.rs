//! Character classes for segmentation: terminators, closing and opening punctuation, inline markup.

/// Whether byte `b` can begin the UTF-8 encoding of a terminator (a cheap pre-filter).
///
/// The multi-byte candidates are lead bytes, never continuation bytes, so a match is always
/// at a character boundary.
pub(super) fn may_begin_terminator(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF)
}

/// Whether `c` is sentence-final punctuation.
pub(super) fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '…') || is_strong(c) || is_full_width(c)
}

/// Whether `c` is an exclamation or question mark (they end a sentence even after abbreviations).
pub(super) fn is_strong(c: char) -> bool {
    matches!(c, '!' | '?' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Whether `c` is an East Asian full stop, exclamation or question mark, which ends a sentence
/// even without following whitespace.
pub(super) fn is_full_width(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Whether `c`, right after a terminator, closes a quotation, a bracket or inline markup.
pub(super) fn is_closer(c: char) -> bool {
    is_closing_quote(c)
        || matches!(
            c,
            ')' | ']' | '}' | '*' | '_' | '`' | '）' | '］' | '〉' | '》' | '〕'
        )
}

/// Whether `c`, right after a terminator, closes a quotation.
pub(super) fn is_closing_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '“' | '‘' | '»' | '›' | '」' | '』'
    )
}

/// Whether `c` may open a sentence before its first word: quotes, brackets, emphasis markers.
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '‚'
            | '('
            | '['
            | '{'
            | '*'
            | '_'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '［'
            | '〈'
            | '《'
            | '〔'
    )
}

/// Whether `c` separates the word before a period from what precedes it (`(U.S.` → `U.S`).
pub(super) fn is_word_boundary(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '['
                | '{'
                | '"'
                | '“'
                | '„'
                | '«'
                | '‹'
                | '‘'
                | '*'
                | '_'
                | '/'
                | '`'
                | '<'
                | '>'
                | '—'
                | '–'
                | '（'
                | '「'
                | '『'
                | '《'
                | '〈'
        )
}

/// Whether `c` can open a sentence although it is not a letter or digit (`$5 billion was…`).
pub(super) fn is_symbol_start(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₩' | '₸' | '₽' | '#' | '@' | '`')
}

/// The end of the whitespace run starting at `from` (`from` itself when there is none).
pub(super) fn skip_whitespace(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + (rest.len() - rest.trim_start().len())
}

/// Skips the run of whitespace, Markdown hard line breaks (a backslash before a newline) and
/// `<br>` tags starting at `from`. Gives the end of the last line break (`from` when there is
/// none), which belongs to the sentence before it, and the end of the whole run.
pub(super) fn skip_space(text: &str, from: usize) -> (usize, usize) {
    let mut break_end = from;
    let mut at = from;
    loop {
        at = skip_whitespace(text, at);
        let rest = text.as_bytes().get(at..).unwrap_or_default();
        // The backslash of a hard line break belongs to the sentence, its newline does not.
        // Any whitespace after the backslash counts, so re-joined sentences segment alike.
        let end =
            if rest.first() == Some(&b'\\') && rest.get(1).is_some_and(u8::is_ascii_whitespace) {
                Some((at + 1, at + 1))
            } else if is_line_break_tag(rest) {
                skip_tag(text, at).map(|end| (end, end))
            } else {
                None
            };
        match end {
            Some(end) => (break_end, at) = end,
            None => return (break_end, at),
        }
    }
}

/// Whether `rest` starts with an HTML line break tag (`<br>`, `<br/>`, `<BR />`).
fn is_line_break_tag(rest: &[u8]) -> bool {
    rest.get(..3)
        .is_some_and(|name| name.eq_ignore_ascii_case(b"<br"))
        && rest
            .get(3)
            .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
}

/// The character starting at byte `at`, if `at` is a character boundary inside `text`.
pub(super) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The end of an inline HTML tag at `at` that may precede the first word of a sentence
/// (`<em>`, `<a href="…">`); line breaks separate sentences instead.
pub(super) fn skip_opening_tag(text: &str, at: usize) -> Option<usize> {
    let rest = text.as_bytes().get(at..)?;
    if is_line_break_tag(rest) {
        return None;
    }
    skip_tag(text, at)
}

/// The end of an inline HTML tag starting at `at`, if there is one: a closing tag (`</em>`) or
/// an opening one (`<em>`, `<br/>`, `<a href="…">`).
///
/// A tag never holds a possible sentence boundary: attributes with a terminator before
/// whitespace (`title="Done. Next"`) are not taken for a tag, so whether a tag is recognised
/// does not depend on how sentences around it were spaced. Tags longer than 256 bytes are not
/// recognised either, which keeps the scan linear.
pub(super) fn skip_tag(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let (closing, after) = match rest.strip_prefix("</") {
        Some(after) => (true, after),
        None => (false, rest.strip_prefix('<')?),
    };
    if !after
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphabetic)
    {
        return None;
    }
    let name = after
        .bytes()
        .take_while(|&b| b.is_ascii_alphanumeric() || b == b'-')
        .count();
    let tail = after.get(name..)?;
    let body = if closing {
        tail.bytes().take_while(u8::is_ascii_whitespace).count()
    } else {
        measure_attributes(tail)?
    };
    (tail.as_bytes().get(body) == Some(&b'>')).then(|| text.len() - tail.len() + body + 1)
}

/// The length of the attributes at the start of `tail` (just past a tag name), up to the `>`.
fn measure_attributes(tail: &str) -> Option<usize> {
    const LONGEST_TAG: usize = 256;
    if !tail.starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace()) {
        return None;
    }
    let mut after_terminator = false;
    for (idx, c) in tail.char_indices() {
        if c == '>' {
            return Some(idx);
        }
        if c == '<' || idx > LONGEST_TAG || is_full_width(c) {
            return None;
        }
        if after_terminator && (c.is_whitespace() || c == '\\') {
            return None;
        }
        after_terminator = is_terminator(c) || (after_terminator && is_closer(c));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminators_include_full_width_marks() {
        for c in ['.', '!', '?', '…', '。', '！', '？'] {
            assert!(is_terminator(c), "{c}");
            let mut buf = [0u8; 4];
            assert!(
                may_begin_terminator(c.encode_utf8(&mut buf).as_bytes()[0]),
                "{c}"
            );
        }
        assert!(!is_terminator(','));
    }

    #[test]
    fn tags_are_skipped_whole() {
        assert_eq!(skip_tag("<em>x", 0), Some(4));
        assert_eq!(skip_tag("a</em> b", 1), Some(6));
        assert_eq!(skip_tag("< 5", 0), None);
        assert_eq!(skip_tag("<em", 0), None);
        assert_eq!(skip_tag("<", 0), None);
        assert_eq!(skip_tag("<a href=\"http://x.kz/a.b?c=1\">x", 0), Some(30));
        assert_eq!(skip_tag("<br />", 0), Some(6));
        assert_eq!(skip_tag("</em >", 0), Some(6));
        assert_eq!(skip_tag("</e.g? x>", 0), None);
        assert_eq!(skip_tag("<abbr title=\"Done. Next\">", 0), None);
        assert_eq!(skip_tag("<abbr title=\"Done.\" x>", 0), None);
        assert_eq!(skip_tag("<abbr title=\"Done.\">", 0), Some(20));
        assert_eq!(skip_opening_tag("<em>x", 0), Some(4));
        assert_eq!(skip_opening_tag("<br>x", 0), None);
    }

    #[test]
    fn hard_line_breaks_count_as_space() {
        assert_eq!(skip_space("a\\\nb", 1), (2, 3));
        assert_eq!(skip_space("a <br/> \\\r\nb", 1), (9, 11));
        assert_eq!(skip_space("a<br> b", 1), (5, 6));
        assert_eq!(skip_space("a<brand>", 1), (1, 1));
        assert_eq!(skip_space("a\\", 1), (1, 1));
        assert_eq!(skip_space("a <br", 1), (1, 2));
    }

    #[test]
    fn whitespace_skipping_stops_at_text() {
        assert_eq!(skip_whitespace("a \n\u{a0} b", 1), 6);
        assert_eq!(skip_whitespace("ab", 1), 1);
        assert_eq!(skip_whitespace("ab", 7), 7);
    }
}
