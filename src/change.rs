//! Change classes: is an edit of a source segment `minor` or `major`?
//!
//! Minor: white space, punctuation, letter case, quotation style, or a small spelling fix inside a
//! word, with no number, name or negation changed. Anything else is major, and so is any change
//! to a number (4.22 → 4.25).

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    Minor,
    Major,
}

impl Class {
    pub fn name(self) -> &'static str {
        match self {
            Class::Minor => "minor",
            Class::Major => "major",
        }
    }
}

const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "never",
    "none",
    "nor",
    "neither",
    "nobody",
    "nothing",
    "without",
    "cannot",
    "не",
    "нет",
    "ни",
    "никогда",
    "емес",
    "жоқ",
    "안",
    "못",
    "않",
    "없",
];

/// Words that state a quantity: a change to one is a change to a number.
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "half",
    "quarter",
    "third",
    "percent",
    "bn",
    "mn",
    "tn",
    "first",
    "second",
    "fourth",
    "fifth",
    "double",
    "triple",
    "twice",
    "тысяча",
    "тыс",
    "млн",
    "млрд",
    "трлн",
    "миллион",
    "миллиард",
    "мың",
    "만",
    "억",
    "조",
];

/// The class of the change from `old` to `new`.
///
/// ```
/// use bitext::change::{classify, Class};
/// assert_eq!(classify("Trade hit $4.22 billion.", "Trade hit $4.25 billion."), Class::Major);
/// assert_eq!(classify("the \"Fresh Wind\" program", "the “Fresh Wind” program."), Class::Minor);
/// assert_eq!(classify("The goverment said.", "The government said."), Class::Minor);
/// ```
pub fn classify(old: &str, new: &str) -> Class {
    let (a, b) = (words(old), words(new));
    if numbers(old) != numbers(new) || quantities(&a) != quantities(&b) {
        return Class::Major;
    }
    if a.len() != b.len() {
        return Class::Major;
    }
    let mut fixes = 0;
    for (x, y) in a.iter().zip(&b) {
        if x.to_lowercase() == y.to_lowercase() {
            continue;
        }
        fixes += 1;
        if fixes > 2 || !is_spelling_fix(x, y) {
            return Class::Major;
        }
    }
    Class::Minor
}

/// The quantity words of a sentence, in order.
fn quantities(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| {
            let singular = w.strip_suffix('s').unwrap_or(w);
            NUMBER_WORDS.contains(&w.as_str()) || NUMBER_WORDS.contains(&singular)
        })
        .collect()
}

/// A small correction inside one word that is not a name, a number or a negation: the same first
/// two letters (so no prefix such as un-, in-, de- was added or removed), one or two letters off.
fn is_spelling_fix(a: &str, b: &str) -> bool {
    let name = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let negation = |w: &str| NEGATIONS.contains(&w.to_lowercase().as_str()) || w.ends_with("n't");
    let (la, lb) = (a.chars().count(), b.chars().count());
    if name(a) || name(b) || negation(a) || negation(b) || la.min(lb) < 4 {
        return false;
    }
    let head = |w: &str| w.to_lowercase().chars().take(2).collect::<String>();
    if head(a) != head(b) {
        return false;
    }
    crate::text::edit_distance(&chars(a), &chars(b)) <= if la.max(lb) >= 8 { 2 } else { 1 }
}

/// The lower-cased characters of a word.
fn chars(word: &str) -> Vec<char> {
    word.chars().flat_map(char::to_lowercase).collect()
}

/// The words of `text`, quotation marks and dashes folded so that style changes do not count.
fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            c => c,
        })
        .collect();
    folded.unicode_words().map(str::to_string).collect()
}

/// The numbers of `text` with their inner separators (`4.22`, `1,400`), in order.
fn numbers(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || (matches!(bytes[i], b'.' | b',')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            out.push(&text[start..i]);
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_punctuation_and_case_are_minor() {
        assert_eq!(classify("Leaders agree", "Leaders  agree."), Class::Minor);
        assert_eq!(
            classify("leaders agree, today", "Leaders agree today"),
            Class::Minor
        );
        assert_eq!(classify("It's here", "It’s here"), Class::Minor);
    }

    #[test]
    fn number_changes_are_major() {
        assert_eq!(classify("$4.22 billion", "$4.25 billion"), Class::Major);
        assert_eq!(classify("1,400 weapons", "1.400 weapons"), Class::Major);
        assert_eq!(classify("in 2019", "in 2020"), Class::Major);
    }

    #[test]
    fn names_negations_and_new_words_are_major() {
        assert_eq!(classify("Moon said", "Mun said"), Class::Major);
        assert_eq!(
            classify("They did agree", "They did not agree"),
            Class::Major
        );
        assert_eq!(
            classify("They can agree", "They cannot agree"),
            Class::Major
        );
        assert_eq!(
            classify("The talks went well", "The talks went badly"),
            Class::Major
        );
    }

    #[test]
    fn scale_words_and_opposites_are_major() {
        assert_eq!(classify("$4.22 million", "$4.22 billion"), Class::Major);
        assert_eq!(
            classify("two thousand troops", "three thousand troops"),
            Class::Major
        );
        assert_eq!(classify("Trade increased", "Trade decreased"), Class::Major);
        assert_eq!(classify("It is possible", "It is impossible"), Class::Major);
        assert_eq!(
            classify("a responsible move", "an irresponsible move"),
            Class::Major
        );
    }

    #[test]
    fn small_spelling_fixes_are_minor_in_cyrillic_too() {
        assert_eq!(
            classify("партнерство расширяется", "партнёрство расширяется"),
            Class::Minor
        );
        assert_eq!(
            classify("a cooperaton program", "a cooperation program"),
            Class::Minor
        );
    }
}
