//! Sentence segmentation of news text (plain or CommonMark inline source) in English, Korean,
//! Kazakh and Russian: splits a paragraph into the segments that translators translate.

mod abbreviations;
mod chars;
mod rules;
#[cfg(test)]
mod tests;

use std::ops::Range;

use chars::{char_at, is_terminator, may_begin_terminator, skip_space, skip_whitespace};
use rules::{Cluster, Language, Preceding, Terminal};

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
    let lang = Language::from_code(lang);
    let bytes = text.as_bytes();
    let mut guard = Guard::new(protected);
    let mut found = Vec::new();
    let mut start = skip_whitespace(text, 0);
    let mut pos = start;
    while let Some(&byte) = bytes.get(pos) {
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
            if !guard.covers(end) {
                found.push(start..end);
                start = next_start;
                pos = next_start;
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

/// Where the sentence starting at `sentence_start` ends and the next one starts, if it ends
/// with `cluster`.
fn find_boundary(
    text: &str,
    sentence_start: usize,
    cluster: &Cluster,
    lang: Language,
) -> Option<(usize, usize)> {
    let (end, next_start) = skip_space(text, cluster.end);
    if next_start >= text.len()
        || (next_start == cluster.end && cluster.terminal != Terminal::FullWidth)
    {
        return None;
    }
    let next = rules::classify_next(text, next_start);
    let preceding = match cluster.terminal {
        Terminal::Period => rules::classify_preceding(text, sentence_start, cluster.start, lang),
        _ => Preceding::Word,
    };
    rules::ends_sentence(cluster, preceding, &next, lang).then_some((end, next_start))
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
