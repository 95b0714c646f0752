//! Sentence segmentation of news text (plain or CommonMark inline source) in English, Korean,
//! Kazakh and Russian: splits a paragraph into the segments that translators translate.

mod abbreviations;
mod chars;
mod lists;
mod nesting;
mod rules;
#[cfg(test)]
mod tests;

use std::ops::Range;

use chars::{char_at, is_terminator, may_begin_terminator, skip_space, skip_whitespace};
use lists::Item;
use nesting::Nesting;
use rules::{Cluster, Language, Preceding, Start, Terminal};

/// Byte ranges of the sentences of `text`, in order, each trimmed of surrounding whitespace,
/// non-overlapping; whitespace-only input gives no sentences. `lang` is a language code whose
/// primary subtag selects the rules ("en", "ko", "kk", "ru"; "ko-KR" means ko; anything else uses the English rules).
#[must_use]
pub fn sentences(text: &str, lang: &str) -> Vec<Range<usize>> {
    sentences_protected(text, lang, &[])
}

/// The same, but never ends a sentence inside one of the `protected` byte ranges (sorted, non-overlapping):
/// they are inline Markdown elements such as links `[text](url)`, code spans, emphasis `*...*`, inline HTML.
/// A boundary right after the end of a protected range is allowed.
#[must_use]
pub fn sentences_protected(
    text: &str,
    lang: &str,
    protected: &[Range<usize>],
) -> Vec<Range<usize>> {
    segment(text, Language::from_code(lang), protected, Lines::Soft)
}

/// Byte ranges of the sentences of a paragraph of plain text, whose line breaks may carry
/// structure: a line that starts with a bullet, a dash or an asterisk and a space starts a
/// segment, and when no line of the paragraph ends in sentence punctuation, each line is a
/// segment (a list of features, a menu, an address). Otherwise the same as [`sentences`], where
/// a line break is a space, as in a Markdown paragraph.
///
/// ```
/// let text = "features\ncontact manager\nevents, activities";
/// assert_eq!(bitext::segment::sentences_plain(text, "en").len(), 3);
/// assert_eq!(bitext::segment::sentences(text, "en").len(), 1);
/// ```
#[must_use]
pub fn sentences_plain(text: &str, lang: &str) -> Vec<Range<usize>> {
    segment(text, Language::from_code(lang), &[], Lines::Structural)
}

/// What a line break means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lines {
    /// A space, as in a Markdown paragraph (where a list item is a block of its own).
    Soft,
    /// Possibly the start of a list item, as in plain text.
    Structural,
}

fn segment(
    text: &str,
    lang: Language,
    protected: &[Range<usize>],
    lines: Lines,
) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let items = lists::find_items(text, lines);
    let mut items = items.iter();
    let mut item = items.next();
    let mut guard = Guard::new(protected);
    let mut nesting = Nesting::default();
    let mut found = Vec::new();
    let mut start = skip_whitespace(text, 0);
    let mut pos = start;
    nesting.restart(start);
    while let Some(&byte) = bytes.get(pos) {
        if let Some(&Item {
            start: at,
            marker_end,
        }) = item.filter(|item| pos >= item.start)
        {
            item = items.next();
            if guard.covers(at) {
                continue;
            }
            // A list item starts a segment; its own marker (`2.`, `• 9.`) ends none.
            let before = text.get(start..at).unwrap_or("").trim_end();
            if !before.is_empty() && at > start {
                found.push(start..start + before.len());
                start = at;
                nesting.restart(at);
            }
            pos = pos.max(marker_end);
            continue;
        }
        if !may_begin_terminator(byte) {
            pos += 1;
            continue;
        }
        match char_at(text, pos) {
            Some(c) if is_terminator(c) => {}
            _ => {
                pos += 1;
                continue;
            }
        }
        let cluster = rules::scan_cluster(text, pos);
        pos = cluster.end;
        if let Some((end, next_start)) = find_boundary(text, start, &cluster, lang) {
            if !guard.covers(end) && !nesting.holds(text, end) {
                found.push(start..end);
                start = next_start;
                pos = next_start;
                nesting.restart(next_start);
            }
        }
    }
    let end = text.trim_end().len();
    if start < end {
        found.push(start..end);
    }
    found
}

/// Convenience: the sentence strings.
///
/// ```
/// let text = "Tokayev met Lee Jae-myung in Seoul on Aug. 17. Trade reached $4.22 billion.";
/// assert_eq!(
///     bitext::segment::split(text, "en"),
///     ["Tokayev met Lee Jae-myung in Seoul on Aug. 17.", "Trade reached $4.22 billion."],
/// );
/// ```
#[must_use]
pub fn split<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    sentences(text, lang)
        .into_iter()
        .filter_map(|range| text.get(range))
        .collect()
}

/// The sentence strings of a paragraph of plain text (see [`sentences_plain`]).
#[must_use]
pub fn split_plain<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    sentences_plain(text, lang)
        .into_iter()
        .filter_map(|range| text.get(range))
        .collect()
}

/// Where the sentence starting at `sentence_start` ends and the next one starts, if it ends
/// with `cluster`.
fn find_boundary(
    text: &str,
    sentence_start: usize,
    cluster: &Cluster,
    lang: Language,
) -> Option<(usize, usize)> {
    let (end, next_start) = skip_space(text, cluster.end);
    if next_start >= text.len() {
        return None;
    }
    // An ellipsis that opens the sentence ("... The practice was") is no sentence of its own.
    let opening = text
        .get(sentence_start..cluster.start)
        .is_some_and(|head| head.chars().all(chars::is_opener));
    if opening && cluster.terminal == Terminal::Ellipsis {
        return None;
    }
    let preceding = || match cluster.terminal {
        Terminal::Period => rules::classify_preceding(text, sentence_start, cluster.start, lang),
        _ => Preceding::Word,
    };
    if next_start == cluster.end && cluster.terminal != Terminal::FullWidth {
        // Only a lone period after a plain word ends a sentence with nothing after it:
        // "world.Today", not "Mr.Smith" or "1.Item".
        let ends = cluster.terminal == Terminal::Period
            && cluster.end == cluster.start + 1
            && rules::ends_without_space(text, sentence_start, cluster.start, lang)
            && preceding() == Preceding::Word;
        return ends.then_some((cluster.end, cluster.end));
    }
    let next = rules::classify_next(text, next_start);
    let preceding = preceding();
    // "멈췄다… 그리고": an ellipsis after a Korean verb ending ends the sentence; Hangul has no
    // capital letters to say so.
    let korean_pause = lang == Language::Korean
        && cluster.terminal == Terminal::Ellipsis
        && next.start == Start::Caseless
        && !next.dashed
        && text
            .get(sentence_start..cluster.start)
            .is_some_and(rules::ends_in_korean_verb);
    let ends = rules::ends_sentence(cluster, preceding, &next, lang)
        || korean_pause
        || (cluster.terminal == Terminal::Strong
            && next.start == Start::Lower
            && !next.dashed
            && !cluster.quoted
            && rules::is_short_question(text, next_start));
    if !ends {
        return None;
    }
    // Reference marks after the sentence belong to it ("Hydrogen is a gas. [1] It is…"), and
    // so does an ellipsis after a question or an exclamation ("Happy? . . . No one had…").
    let trailing = match cluster.terminal {
        Terminal::Strong => skip_ellipsis(text, next_start),
        _ => None,
    };
    match trailing.or_else(|| skip_references(text, next_start)) {
        Some(after) => Some((after, skip_whitespace(text, after))),
        None => Some((end, next_start)),
    }
}

/// The end of an ellipsis (`…`, `...`, `. . .`) at `from` that is followed by white space.
fn skip_ellipsis(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let len = if rest.starts_with('…') {
        '…'.len_utf8()
    } else if rest.starts_with("...") {
        rest.bytes().take_while(|&b| b == b'.').count()
    } else {
        match rules::spaced_dots(text, from) {
            0 | 1 => return None,
            dots => 2 * dots - 1,
        }
    };
    let after = from + len;
    text.as_bytes()
        .get(after)
        .is_some_and(u8::is_ascii_whitespace)
        .then_some(after)
}

/// The end of a run of bracketed reference numbers (`[1]`, `[1][2] [3]`) at `from` that is
/// followed by white space, if there is one.
fn skip_references(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    let mut end = None;
    while let Some(rest) = bytes.get(at..).and_then(|rest| rest.strip_prefix(b"[")) {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=3).contains(&digits) || rest.get(digits) != Some(&b']') {
            break;
        }
        at += digits + 2;
        match bytes.get(at) {
            Some(b) if b.is_ascii_whitespace() => {
                end = Some(at);
                at = skip_whitespace(text, at);
            }
            Some(b'[') => {}
            _ => break,
        }
    }
    end
}

/// Tells whether a boundary falls strictly inside a protected range; queried in increasing order.
struct Guard<'a> {
    ranges: &'a [Range<usize>],
    index: usize,
}

impl<'a> Guard<'a> {
    fn new(ranges: &'a [Range<usize>]) -> Self {
        Self { ranges, index: 0 }
    }

    /// Whether `at` lies strictly inside a protected range (`at` must not decrease between calls).
    fn covers(&mut self, at: usize) -> bool {
        while self.ranges.get(self.index).is_some_and(|r| r.end <= at) {
            self.index += 1;
        }
        self.ranges
            .get(self.index)
            .is_some_and(|r| r.start < at && at < r.end)
    }
}
