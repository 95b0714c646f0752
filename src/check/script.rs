//! Latin letters inside Cyrillic words in Russian and Kazakh: a look-alike `a`, `c`, `o`, `e`,
//! `i` or `p` typed on the wrong keyboard, invisible to a reader and fatal to search.

use unicode_segmentation::UnicodeSegmentation;

/// Latin letters that look like Cyrillic ones.
const LOOK_ALIKES: &str = "aceopxyiABCEHKMOPTXYI";

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The first word of `text` (a translation's prose, see `markdown::prose`) that mixes Latin and
/// Cyrillic letters, or a short word of Latin look-alikes between Cyrillic words (a Latin `c`
/// for the preposition `с`), for ru and kk.
pub fn mixed(text: &str, locale: &str) -> Option<String> {
    if !matches!(locale.split(['-', '_']).next(), Some("ru" | "kk"))
        || !text.bytes().any(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let words: Vec<&str> = text.unicode_words().collect();
    for (i, word) in words.iter().enumerate() {
        // A Latin name with a Cyrillic ending after an apostrophe (iPhone'ы) is two words.
        for part in word.split(['\'', '’']) {
            let latin: Vec<char> = part.chars().filter(char::is_ascii_alphabetic).collect();
            if latin.is_empty() || !part.chars().any(is_cyrillic) {
                continue;
            }
            let letters: Vec<String> = latin.iter().map(|c| format!("'{c}'")).collect();
            return Some(format!(
                "the word \"{word}\" mixes Latin letters ({}) into Cyrillic",
                letters.join(", ")
            ));
        }
        let cyrillic_around = |j: Option<usize>| {
            j.and_then(|j| words.get(j))
                .is_some_and(|w| w.chars().any(is_cyrillic))
        };
        if word.chars().count() <= 2
            && word.chars().all(|c| LOOK_ALIKES.contains(c))
            && cyrillic_around(i.checked_sub(1))
            && cyrillic_around(Some(i + 1))
        {
            return Some(format!(
                "the word \"{word}\" between Cyrillic words is written in Latin letters"
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
    fn a_latin_preposition_between_cyrillic_words_is_flagged() {
        assert!(mixed("Токаев встретился c Муном.", "ru").is_some());
        assert!(mixed("Он рассказал o планах.", "ru").is_some());
    }

    #[test]
    fn latin_words_next_to_cyrillic_ones_are_fine() {
        assert!(mixed("Сети 5G и COVID-19 в Казахстане.", "ru").is_none());
        let prose = crate::check::markdown::prose("See [Akorda](https://akorda.kz/ru) сайт.");
        assert!(mixed(&prose, "ru").is_none());
        assert!(mixed("Кaзахстан", "ko").is_none());
        assert!(mixed("iPhone'ы подорожали, а Samsung’тың сатылымы өсті.", "ru").is_none());
        assert!(mixed("Компания LG и банк KEB объявили.", "ru").is_none());
    }
}
