//! The text toolkit every feature shares: hashing, words and tokens, edit distance, sentence
//! similarity, and the Markdown dialect of articles.

use std::hash::Hasher;

use similar::{Algorithm, DiffOp};
use unicode_segmentation::UnicodeSegmentation;

/// The FNV-1a hash (64 bit): tiny, fast and fixed forever, which matters more here than
/// cryptographic strength, since some of its values are written into files.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// The FNV-1a hash of `bytes`.
///
/// ```
/// assert_eq!(bitext::text::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
/// ```
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = Fnv::default();
    hash.write(bytes);
    hash.finish()
}

/// The FNV-1a hash of a word's lower-cased characters.
pub fn word_hash(word: &str) -> u64 {
    let mut hash = Fnv::default();
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0; 4];
        hash.write(c.encode_utf8(&mut buf).as_bytes());
    }
    hash.finish()
}

/// The words of `text` at Unicode word boundaries, lower-cased.
///
/// ```
/// assert_eq!(bitext::text::words("Trade hit $4.22 billion."), ["trade", "hit", "4.22", "billion"]);
/// ```
pub fn words(text: &str) -> Vec<String> {
    text.unicode_words().map(str::to_lowercase).collect()
}

/// The tokens of `text`: words, numbers and punctuation marks at Unicode word boundaries,
/// without white space.
///
/// ```
/// assert_eq!(bitext::text::tokens("Hi, you."), ["Hi", ",", "you", "."]);
/// ```
pub fn tokens(text: &str) -> Vec<&str> {
    text.split_word_bounds()
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// Levenshtein distance: the fewest insertions, deletions and substitutions that turn `a` into
/// `b`.
///
/// ```
/// assert_eq!(bitext::text::edit_distance(&['k', 'i', 't'], &['s', 'i', 't']), 1);
/// ```
pub fn edit_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(x != y);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// How alike two lists of words are, 0 to 1: twice the words a diff keeps, over all the words.
///
/// ```
/// let w = bitext::text::words;
/// assert_eq!(bitext::text::word_similarity(&w("a b c d"), &w("a b x d")), 0.75);
/// ```
pub fn word_similarity(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let kept: usize = similar::capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    (2 * kept) as f32 / (a.len() + b.len()) as f32
}

/// How alike two token lists are, in percent: `floor(100 × (1 − distance / longer length))`.
///
/// ```
/// let t = bitext::text::tokens;
/// assert_eq!(bitext::text::token_similarity(&t("a b c d"), &t("a b x d")), 75);
/// ```
pub fn token_similarity(a: &[&str], b: &[&str]) -> u32 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 100;
    }
    let distance = edit_distance(a, b);
    (100 * (longer - distance.min(longer)) / longer) as u32
}

/// The Markdown dialect of articles: CommonMark with tables and strikethrough. The article reader,
/// the checks and publish all read Markdown with it.
pub fn markdown_options() -> pulldown_cmark::Options {
    pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
}

/// The candidate most like `word`, for a "did you mean …?": the nearest within two edits (or a
/// third of the word's length, for a long one), letter case aside, or one that `word` ends or
/// begins (a slug given without its folders).
///
/// ```
/// let ids = ["s-du5phw", "s-4pe8u9"];
/// assert_eq!(bitext::text::similar_word("s-du5phv", ids), Some("s-du5phw"));
/// assert_eq!(bitext::text::similar_word("kkk", ["ko", "kk", "ru"]), Some("kk"));
/// assert_eq!(bitext::text::similar_word("tokayev-visit", ["2021/08/tokayev-visit"]), Some("2021/08/tokayev-visit"));
/// assert_eq!(bitext::text::similar_word("zzzzzz", ids), None);
/// ```
pub fn similar_word<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let limit = 2.max(lower.len() / 3);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate.ends_with(&format!("/{word}")) {
            return Some(candidate);
        }
        let other: Vec<char> = candidate.chars().flat_map(char::to_lowercase).collect();
        if other.len().abs_diff(lower.len()) > limit {
            continue;
        }
        let distance = edit_distance(&lower, &other);
        if distance <= limit && distance < lower.len() && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}
