//! Word diffs between two texts, for people: what changed in a sentence, word by word.
//!
//! Texts are cut at Unicode word boundaries (UAX #29), so Hangul and Cyrillic diff as words and a
//! number such as `4.22` is one word; punctuation and spaces are words of their own, so a changed
//! quotation mark shows. The diff itself is `similar`'s Myers diff over those words, tidied for
//! reading: a change that spans several words separated by spaces reads as one change.

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};
use unicode_segmentation::UnicodeSegmentation;

/// What a piece of a diff does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    Equal,
    Insert,
    Delete,
}

/// One piece of a diff: text kept, inserted or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Op {
    pub op: Tag,
    pub text: String,
}

/// The word diff from `old` to `new`. Concatenating the equal and deleted pieces gives `old`;
/// the equal and inserted pieces give `new`.
///
/// ```
/// use bitext::diff::{words, plain};
/// let ops = words("It costs $4.22 billion.", "It costs $4.25 billion.");
/// assert_eq!(plain(&ops), "It costs $[-4.22-]{+4.25+} billion.");
/// ```
pub fn words(old: &str, new: &str) -> Vec<Op> {
    let a: Vec<&str> = old.split_word_bounds().collect();
    let b: Vec<&str> = new.split_word_bounds().collect();
    let mut raw: Vec<(Tag, String)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let old_text = || a[old_range.clone()].concat();
        let new_text = || b[new_range.clone()].concat();
        match tag {
            DiffTag::Equal => raw.push((Tag::Equal, old_text())),
            DiffTag::Delete => raw.push((Tag::Delete, old_text())),
            DiffTag::Insert => raw.push((Tag::Insert, new_text())),
            DiffTag::Replace => {
                raw.push((Tag::Delete, old_text()));
                raw.push((Tag::Insert, new_text()));
            }
        }
    }
    tidy(raw)
}

/// Whether the diff changes nothing.
pub fn is_unchanged(ops: &[Op]) -> bool {
    ops.iter().all(|op| op.op == Tag::Equal)
}

/// Merges changes that only spaces separate, and puts each change's deletion before its
/// insertion.
fn tidy(raw: Vec<(Tag, String)>) -> Vec<Op> {
    let mut out: Vec<Op> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let mut in_change = false;
    let mut i = 0;
    while i < raw.len() {
        let (tag, text) = &raw[i];
        match tag {
            Tag::Delete => {
                deleted.push_str(text);
                in_change = true;
            }
            Tag::Insert => {
                inserted.push_str(text);
                in_change = true;
            }
            Tag::Equal => {
                let bridges = in_change
                    && text.chars().all(char::is_whitespace)
                    && raw.get(i + 1).is_some_and(|(t, _)| *t != Tag::Equal);
                if bridges {
                    deleted.push_str(text);
                    inserted.push_str(text);
                } else {
                    flush(&mut out, &mut deleted, &mut inserted);
                    in_change = false;
                    push(&mut out, Tag::Equal, text);
                }
            }
        }
        i += 1;
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

fn flush(out: &mut Vec<Op>, deleted: &mut String, inserted: &mut String) {
    // Text common to the start or the end of both sides (a space taken in by a merge) is kept.
    let prefix = common_prefix(deleted, inserted);
    let suffix = common_suffix(&deleted[prefix..], &inserted[prefix..]);
    let (d, i) = (deleted.as_str(), inserted.as_str());
    push(out, Tag::Equal, &d[..prefix]);
    push(out, Tag::Delete, &d[prefix..d.len() - suffix]);
    push(out, Tag::Insert, &i[prefix..i.len() - suffix]);
    push(out, Tag::Equal, &d[d.len() - suffix..]);
    deleted.clear();
    inserted.clear();
}

/// The length in bytes of the whitespace both texts start with.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y && x.is_whitespace())
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// The length in bytes of the whitespace both texts end with.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y && x.is_whitespace())
        .map(|(x, _)| x.len_utf8())
        .sum()
}

fn push(out: &mut Vec<Op>, op: Tag, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(Op {
            op,
            text: text.to_string(),
        }),
    }
}

/// The diff in the markers of `git diff --word-diff=plain`: `[-deleted-]{+inserted+}`.
pub fn plain(ops: &[Op]) -> String {
    let mut out = String::new();
    for op in ops {
        match op.op {
            Tag::Equal => out.push_str(&op.text),
            Tag::Delete => {
                out.push_str("[-");
                out.push_str(&op.text);
                out.push_str("-]");
            }
            Tag::Insert => {
                out.push_str("{+");
                out.push_str(&op.text);
                out.push_str("+}");
            }
        }
    }
    out
}

/// The diff for a pull-request comment on GitHub or GitLab: deletions in `<del>`, insertions in
/// `<ins>`, and the text's own `<`, `>` and `&` escaped, so that nothing in it becomes markup.
///
/// ```
/// let ops = bitext::diff::words("Trade hit $4.22 billion.", "Trade hit $4.25 billion.");
/// assert_eq!(bitext::diff::markdown(&ops), "Trade hit $<del>4.22</del><ins>4.25</ins> billion.");
/// ```
pub fn markdown(ops: &[Op]) -> String {
    let escape = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = String::new();
    for op in ops {
        match op.op {
            Tag::Equal => out.push_str(&escape(&op.text)),
            Tag::Delete => out.push_str(&format!("<del>{}</del>", escape(&op.text))),
            Tag::Insert => out.push_str(&format!("<ins>{}</ins>", escape(&op.text))),
        }
    }
    out
}

/// The old text of a diff.
pub fn old_text(ops: &[Op]) -> String {
    side(ops, Tag::Delete)
}

/// The new text of a diff.
pub fn new_text(ops: &[Op]) -> String {
    side(ops, Tag::Insert)
}

fn side(ops: &[Op], changed: Tag) -> String {
    ops.iter()
        .filter(|op| op.op == Tag::Equal || op.op == changed)
        .map(|op| op.text.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(old: &str, new: &str) -> String {
        let ops = words(old, new);
        assert_eq!(old_text(&ops), old);
        assert_eq!(new_text(&ops), new);
        plain(&ops)
    }

    #[test]
    fn a_number_change_shows_the_number_only() {
        assert_eq!(
            diff(
                "Trade reached $4.22 billion last year.",
                "Trade reached $4.25 billion last year."
            ),
            "Trade reached $[-4.22-]{+4.25+} billion last year."
        );
    }

    #[test]
    fn korean_words_change_in_the_middle() {
        assert_eq!(
            diff(
                "양국 정상은 경제 협력을 확대하기로 합의했다.",
                "양국 정상은 에너지 협력을 확대하기로 합의했다."
            ),
            "양국 정상은 [-경제-]{+에너지+} 협력을 확대하기로 합의했다."
        );
        assert_eq!(
            diff("교역액은 42억 달러였다.", "교역액은 43억 달러였다."),
            "교역액은 [-42억-]{+43억+} 달러였다."
        );
    }

    #[test]
    fn kazakh_words_change_in_the_middle() {
        assert_eq!(
            diff(
                "Екі ел көшбасшылары экономикалық ынтымақтастықты кеңейтуге келісті.",
                "Екі ел көшбасшылары энергетикалық ынтымақтастықты кеңейтуге келісті."
            ),
            "Екі ел көшбасшылары [-экономикалық-]{+энергетикалық+} ынтымақтастықты кеңейтуге келісті."
        );
    }

    #[test]
    fn russian_words_change_in_the_middle() {
        assert_eq!(
            diff(
                "Товарооборот составил 4,22 млрд долларов.",
                "Товарооборот составил 4,25 млрд долларов."
            ),
            "Товарооборот составил [-4,22-]{+4,25+} млрд долларов."
        );
        assert_eq!(
            diff(
                "Президенты обсудили торговлю и инвестиции.",
                "Президенты обсудили торговлю, энергетику и инвестиции."
            ),
            "Президенты обсудили торговлю{+, энергетику+} и инвестиции."
        );
    }

    #[test]
    fn punctuation_changes_are_visible() {
        assert_eq!(
            diff("He said \"yes\".", "He said “yes”."),
            "He said [-\"-]{+“+}yes[-\"-]{+”+}."
        );
        assert_eq!(diff("Done", "Done."), "Done{+.+}");
    }

    #[test]
    fn neighbouring_word_changes_read_as_one_change() {
        assert_eq!(
            diff("the big red dog barked", "a small blue dog barked"),
            "[-the big red-]{+a small blue+} dog barked"
        );
    }

    #[test]
    fn identical_texts_have_no_changes() {
        let ops = words("Same text, same words.", "Same text, same words.");
        assert!(is_unchanged(&ops));
        assert_eq!(ops.len(), 1);
        assert!(words("", "").is_empty());
    }

    #[test]
    fn insertion_into_and_deletion_from_nothing() {
        assert_eq!(diff("", "New sentence."), "{+New sentence.+}");
        assert_eq!(diff("Old sentence.", ""), "[-Old sentence.-]");
    }
}
