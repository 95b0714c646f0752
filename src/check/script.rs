//! Latin letters inside Cyrillic words in Russian and Kazakh: a look-alike `a`, `c`, `o`, `e`,
//! `i` or `p` typed on the wrong keyboard, invisible to a reader and fatal to search.

use unicode_segmentation::UnicodeSegmentation;

/// The first word of `text` (a translation's prose, see `markdown::prose`) that mixes Latin and
/// Cyrillic letters, for ru and kk.
pub fn mixed(text: &str, locale: &str) -> Option<String> {
    if !matches!(locale.split(['-', '_']).next(), Some("ru" | "kk"))
        || !text.bytes().any(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    for word in text.unicode_words() {
        let latin: Vec<char> = word.chars().filter(char::is_ascii_alphabetic).collect();
        let cyrillic = word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        if cyrillic && !latin.is_empty() {
            let letters: String = latin
                .iter()
                .map(|c| format!("'{c}'"))
                .collect::<Vec<_>>()
                .join(", ");
            return Some(format!(
                "the word \"{word}\" mixes Latin letters ({letters}) into Cyrillic"
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latin_lookalike_in_a_cyrillic_word_is_flagged() {
        // "Кaзахстан" with a Latin "a".
        assert!(mixed("Президент Кaзахстана прибыл.", "ru").is_some());
        assert!(mixed("Тоқаев Сеулге кeлді.", "kk").is_some());
    }

    #[test]
    fn latin_words_next_to_cyrillic_ones_are_fine() {
        assert!(mixed("Сети 5G и COVID-19 в Казахстане.", "ru").is_none());
        let prose = crate::check::markdown::prose("See [Akorda](https://akorda.kz/ru) сайт.");
        assert!(mixed(&prose, "ru").is_none());
        assert!(mixed("Кaзахстан", "ko").is_none());
    }
}
