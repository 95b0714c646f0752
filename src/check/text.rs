//! Checks on the text as a whole: a translation identical to the source, an empty one, and
//! white space at the ends that differs from the source's.

/// The translation is the English left as it was (names and credits can be marked as
/// intentionally the same with `# bitext-ignore: identical`).
pub fn identical(source: &str, translation: &str) -> Option<String> {
    let has_letters = source.chars().any(char::is_alphabetic);
    let (a, b) = (source.trim(), translation.trim());
    let same = a.len() == b.len()
        && a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase));
    (has_letters && same).then(|| "the translation is identical to the English".to_string())
}

/// The translation has no text.
pub fn empty(translation: &str) -> Option<String> {
    translation
        .trim()
        .is_empty()
        .then(|| "the translation is empty".to_string())
}

/// Leading or trailing white space that the source does not have, or the other way round.
pub fn whitespace(source: &str, translation: &str) -> Option<String> {
    let ends = |s: &str| {
        (
            s.len() - s.trim_start().len() > 0,
            s.len() - s.trim_end().len() > 0,
        )
    };
    let (sl, st) = ends(source);
    let (tl, tt) = ends(translation);
    let what = |s: bool, t: bool, side: &str| match (s, t) {
        (false, true) => Some(format!(
            "the translation has {side} white space that the English has not"
        )),
        (true, false) => Some(format!(
            "the English has {side} white space that the translation has not"
        )),
        _ => None,
    };
    match (what(sl, tl, "leading"), what(st, tt, "trailing")) {
        (Some(leading), Some(trailing)) => Some(format!("{leading}; {trailing}")),
        (leading, trailing) => leading.or(trailing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_text_is_flagged_but_numbers_alone_are_not() {
        assert!(identical("Photo: Yonhap", "Photo: Yonhap").is_some());
        assert!(identical("Photo: Yonhap", "사진=연합뉴스").is_none());
        assert!(identical("2021", "2021").is_none());
        assert!(identical("The agreement was reached.", "the agreement was reached.").is_some());
    }

    #[test]
    fn empty_and_blank_translations_are_flagged() {
        assert!(empty("").is_some());
        assert!(empty("  ").is_some());
        assert!(empty("Сеул").is_none());
    }

    #[test]
    fn whitespace_at_the_ends_must_match() {
        assert!(whitespace("Seoul", "Сеул ").is_some());
        assert!(whitespace(" Seoul", "Сеул").is_some());
        assert!(whitespace(" Seoul", " Сеул").is_none());
        assert!(whitespace("Seoul", "Сеул").is_none());
        let both = whitespace(" Seoul ", "Сеул").unwrap();
        assert!(
            both.contains("leading") && both.contains("trailing"),
            "{both}"
        );
    }
}
