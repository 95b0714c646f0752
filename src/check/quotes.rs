//! Quotation marks in the locale's convention: « » in Russian and Kazakh (with „ “ or “ ” for a
//! quotation inside a quotation), “ ” and ‘ ’ in Korean and English.

/// Quotation marks of `text` (a translation's prose, see `markdown::prose`) that `locale` does
/// not use.
pub fn misplaced(text: &str, locale: &str) -> Option<String> {
    match primary(locale) {
        "ru" | "kk" => {
            let mut depth = 0usize;
            let chars: Vec<char> = text.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                match c {
                    '«' => depth += 1,
                    '»' => depth = depth.saturating_sub(1),
                    '"' => return Some("straight quotes \"…\": use « » in this language".into()),
                    '“' | '”' | '„' if depth == 0 => {
                        return Some(format!("quotation mark {c}: use « » in this language"))
                    }
                    // A single quotation mark, not an apostrophe inside a word (Д’Артаньян).
                    '\'' | '‘' | '’' if depth == 0 => {
                        let letter = |j: Option<usize>| {
                            j.and_then(|j| chars.get(j))
                                .is_some_and(|c| c.is_alphanumeric())
                        };
                        if !(letter(i.checked_sub(1)) && letter(Some(i + 1))) {
                            return Some(format!(
                                "single quotation mark {c}: use « » in this language"
                            ));
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        "ko" | "en" => {
            let found = text.chars().find(|c| matches!(c, '«' | '»' | '„' | '"'))?;
            Some(if found == '"' {
                "straight quotes \"…\": use “ ” or ‘ ’ in this language".to_string()
            } else {
                format!("quotation mark {found}: use “ ” or ‘ ’ in this language")
            })
        }
        _ => None,
    }
}

fn primary(locale: &str) -> &str {
    locale.split(['-', '_']).next().unwrap_or(locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_and_kazakh_use_guillemets() {
        assert!(misplaced("«Мы согласны», — сказал он.", "ru").is_none());
        assert!(misplaced("«Программа „Свежий ветер“ расширится», — сказал он.", "ru").is_none());
        assert!(misplaced("“Мы согласны”, — сказал он.", "ru").is_some());
        assert!(misplaced("\"Біз келістік\", – деді ол.", "kk").is_some());
        let prose = crate::check::markdown::prose("Ол [сілтеме](https://a.kz/\"x\") берді.");
        assert!(misplaced(&prose, "kk").is_none());
        assert!(misplaced("Токаев назвал Корею 'надёжным партнёром'.", "ru").is_some());
        assert!(misplaced("Тоқаев Кореяны ‘сенімді серіктес’ деп атады.", "kk").is_some());
        assert!(misplaced("Роман о д’Артаньяне вышел в 1844 году.", "ru").is_none());
    }

    #[test]
    fn korean_uses_curly_quotes() {
        assert!(misplaced("그는 “환영한다”고 말했다.", "ko").is_none());
        assert!(misplaced("그는 «환영한다»고 말했다.", "ko").is_some());
        assert!(misplaced("그는 \"환영한다\"고 말했다.", "ko").is_some());
    }
}
