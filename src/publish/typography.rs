//! Each language's typography on published pages: where a line must not break.
//!
//! Russian and Kazakh keep together, with a no-break space (U+00A0), a one-letter word and the
//! word after it (`в Сеуле`), a dash and the word before it (`мир — сказал`), the groups of a
//! number (`1 400`), and a number and its unit or sign (`4,22 млрд`, `2021 г.`, `№ 1`). Korean
//! keeps a number and its counter together (`17만2000여 명`, `42억 달러`). Nothing else changes:
//! only spaces between such words become no-break spaces.
//!
//! The rules see the text around the part they change (`before`, `after`), so that a word split
//! by markup (`в *Сеуле*`) is still kept with its neighbour.

use std::borrow::Cow;

use super::locale::language;

/// The no-break space.
pub const NBSP: char = '\u{a0}';

/// `text` with the no-break spaces of `locale`'s typography.
///
/// ```
/// use bitext::publish::typography::apply;
/// assert_eq!(apply("в 2019 году — 4,22 млрд", "ru"), "в\u{a0}2019 году\u{a0}— 4,22\u{a0}млрд");
/// assert_eq!(apply("17만2000여 명이 이주했다", "ko"), "17만2000여\u{a0}명이 이주했다");
/// assert_eq!(apply("In 2019 — a record", "en"), "In 2019 — a record");
/// ```
pub fn apply<'a>(text: &'a str, locale: &str) -> Cow<'a, str> {
    apply_within(text, "", "", locale)
}

/// [`apply`] to `text`, which stands between `before` and `after` (text that is shown around it
/// but changed elsewhere, such as the words of a neighbouring emphasis).
pub fn apply_within<'a>(text: &'a str, before: &str, after: &str, locale: &str) -> Cow<'a, str> {
    match language(locale) {
        "ru" | "kk" => no_break_spaces(text, before, after, cyrillic_keeps, cyrillic_could_keep),
        "ko" if text.contains(['·', '…']) => {
            let joined = join_korean_punctuation(text);
            let spaced = no_break_spaces(&joined, before, after, korean_keeps, korean_could_keep);
            Cow::Owned(spaced.into_owned())
        }
        "ko" => no_break_spaces(text, before, after, korean_keeps, korean_could_keep),
        _ => Cow::Borrowed(text),
    }
}

/// `text` with each space where `rules` says the words around it stay together replaced by a
/// no-break space.
fn no_break_spaces<'a>(
    text: &'a str,
    before: &str,
    after: &str,
    rules: fn(&[char], usize) -> bool,
    could_keep: fn(Option<char>, Option<char>, Option<char>) -> bool,
) -> Cow<'a, str> {
    // The rules look at most this many characters on either side of a space.
    const REACH: usize = 24;
    let mut window: Vec<char> = Vec::with_capacity(2 * REACH + 1);
    let mut behind: Vec<char> = Vec::with_capacity(REACH);
    let mut keep: Vec<usize> = Vec::new();
    for (at, _) in text.match_indices(' ') {
        let mut back = text[..at].chars().rev().chain(before.chars().rev());
        let (p1, p2) = (back.next(), back.next());
        let n1 = text[at + 1..].chars().chain(after.chars()).next();
        if !could_keep(p2, p1, n1) {
            continue;
        }
        behind.clear();
        behind.extend(
            text[..at]
                .chars()
                .rev()
                .chain(before.chars().rev())
                .take(REACH),
        );
        window.clear();
        window.extend(behind.iter().rev());
        let space = window.len();
        window.push(' ');
        window.extend(text[at + 1..].chars().chain(after.chars()).take(REACH));
        if rules(&window, space) {
            keep.push(at);
        }
    }
    if keep.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + keep.len());
    let mut from = 0;
    for at in keep {
        out.push_str(&text[from..at]);
        out.push(NBSP);
        from = at + 1;
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// The word joiner (U+2060): no line break on either side.
pub const WORD_JOINER: char = '\u{2060}';

/// Korean text with a word joiner before an ellipsis and around a middle dot between words, so
/// that neither starts a line (`방한…` and `한·카자흐스탄` stay whole).
fn join_korean_punctuation(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && c != WORD_JOINER);
        match c {
            '·' if word(prev) && word(next) => {
                out.push(WORD_JOINER);
                out.push(c);
                out.push(WORD_JOINER);
            }
            '…' if word(prev) => {
                out.push(WORD_JOINER);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{52f}')
}

/// Units and signs that stay with the number before them, in Russian and Kazakh.
const CYRILLIC_UNITS: &[&str] = &[
    "трлн",
    "млрд",
    "млн",
    "тыс",
    "мың",
    "км",
    "см",
    "мм",
    "кг",
    "га",
    "ч",
    "мин",
    "сек",
    "сағ",
    "м",
    "г",
    "т",
    "л",
    "гг",
    "ж",
    "жж",
    "руб",
    "долл",
    "тенге",
    "теңге",
    "тг",
    "кВт",
    "МВт",
    "ГВт",
    "%",
    "‰",
    "°",
    "°C",
    "₸",
    "₽",
];

/// Whether a space between `p1` (after `p2`) and `n1` might keep them together in Russian or
/// Kazakh: a quick look before [`cyrillic_keeps`] looks closer.
fn cyrillic_could_keep(p2: Option<char>, p1: Option<char>, n1: Option<char>) -> bool {
    match p1 {
        Some(c) if c.is_ascii_digit() || c == '№' || c == '§' => true,
        Some(c) if is_cyrillic(c) => {
            matches!(n1, Some('—' | '–'))
                || !p2.is_some_and(|c| is_cyrillic(c) || c.is_alphanumeric() || c == '-')
        }
        Some(_) => matches!(n1, Some('—' | '–')),
        None => false,
    }
}

/// Whether a space after `p1` might end a Korean number.
fn korean_could_keep(_: Option<char>, p1: Option<char>, _: Option<char>) -> bool {
    p1.is_some_and(|c| c.is_ascii_digit() || "여만억조천백십한두세네섯곱덟홉열물몇".contains(c))
}

/// Whether the space at `i` keeps its neighbours together in Russian or Kazakh.
fn cyrillic_keeps(chars: &[char], i: usize) -> bool {
    let prev = |n: usize| i.checked_sub(n).map(|j| chars[j]);
    let next = |n: usize| chars.get(i + n).copied();
    // After a one-letter word: в, к, с, у, о, и, а, я …
    if prev(1).is_some_and(is_cyrillic)
        && !prev(2).is_some_and(|c| is_cyrillic(c) || c.is_alphanumeric() || c == '-')
        && prev(1).is_some_and(char::is_alphabetic)
        && next(1).is_some_and(|c| !c.is_whitespace())
    {
        return true;
    }
    // Before a dash that stands between words.
    if matches!(next(1), Some('—' | '–')) && next(2).is_none_or(char::is_whitespace) {
        return prev(1).is_some_and(|c| !c.is_whitespace());
    }
    // A number sign and its number: № 1, § 2.
    if matches!(prev(1), Some('№' | '§')) && next(1).is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    if !prev(1).is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    // Inside a number: the groups of three digits of 1 400 or 100 000.
    let group = (1..=3).all(|n| next(n).is_some_and(|c| c.is_ascii_digit()))
        && !next(4).is_some_and(|c| c.is_ascii_digit());
    let digits_before = (1..)
        .take_while(|&n| prev(n).is_some_and(|c| c.is_ascii_digit()))
        .count();
    let whole_number =
        prev(digits_before + 1).is_none_or(|c| !c.is_alphanumeric() && c != ',' && c != '.');
    if group && digits_before <= 3 && whole_number {
        return true;
    }
    // A number and its unit: 4,22 млрд, 30 %, 1943 г.
    let word: String = chars[i + 1..]
        .iter()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ';' | ':' | ')' | '»' | '!' | '?'))
        .collect();
    let word = word.strip_suffix('.').unwrap_or(&word);
    CYRILLIC_UNITS.contains(&word) || MONTHS.contains(&word)
}

/// Month names, which stay with the day before them: `17 августа`, `17 тамыз`.
const MONTHS: &[&str] = &[
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

/// Counters and units that follow a number in Korean.
const KOREAN_COUNTERS: &[&str] = &[
    "명",
    "개",
    "개국",
    "곳",
    "건",
    "권",
    "대",
    "마리",
    "번",
    "살",
    "세",
    "채",
    "척",
    "편",
    "가지",
    "차례",
    "배",
    "톤",
    "달러",
    "원",
    "위안",
    "엔",
    "유로",
    "년",
    "년간",
    "개월",
    "주",
    "주년",
    "일",
    "시간",
    "시",
    "분",
    "초",
    "층",
    "회",
    "차",
    "위",
    "종",
    "쪽",
    "장",
    "점",
    "석",
    "호",
    "킬로미터",
    "킬로그램",
    "미터",
    "퍼센트",
    "배럴",
    "km",
    "kg",
    "m",
    "%",
];

/// The native Korean numbers that stand before a counter: 한 명, 두 나라, 세 번.
const KOREAN_NUMERALS: &[&str] = &[
    "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "스무", "몇",
];

/// What may follow a counter in the same word: particles and the like.
const KOREAN_ENDINGS: &[&str] = &[
    "",
    "이",
    "가",
    "을",
    "를",
    "은",
    "는",
    "의",
    "에",
    "에서",
    "에게",
    "으로",
    "로",
    "과",
    "와",
    "도",
    "만",
    "씩",
    "째",
    "당",
    "이나",
    "나",
    "쯤",
    "가량",
    "정도",
    "여",
    "이상",
    "이하",
    "이다",
    "였다",
    "이었다",
    "에는",
    "까지",
    "부터",
    "보다",
    "에서는",
    "으로는",
    "만에",
    "동안",
    "간",
];

/// Whether the space at `i` separates a Korean number from its counter.
fn korean_keeps(chars: &[char], i: usize) -> bool {
    let start = chars[..i]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let number = &chars[start..i];
    let digits = number.first().is_some_and(char::is_ascii_digit)
        && number.iter().all(|&c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    ',' | '.' | '만' | '억' | '조' | '천' | '백' | '십' | '여'
                )
        });
    let numeral: String = number.iter().collect();
    if !digits && !KOREAN_NUMERALS.contains(&numeral.as_str()) {
        return false;
    }
    let word: String = chars[i + 1..]
        .iter()
        .take_while(|c| {
            !c.is_whitespace() && !matches!(c, ',' | '.' | ')' | '」' | '"' | '”' | '’' | '·')
        })
        .collect();
    // A counter of two syllables or more is that word whatever ending follows (`달러였고`); one
    // of a single syllable only with a known ending, since many words start with it.
    KOREAN_COUNTERS.iter().any(|counter| {
        word.strip_prefix(counter).is_some_and(|rest| {
            KOREAN_ENDINGS.contains(&rest)
                || (counter.chars().count() > 1 && rest.chars().all(is_hangul))
        })
    })
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{ac00}'..='\u{d7a3}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with each no-break space shown as `~`.
    fn marked(text: &str, locale: &str) -> String {
        apply(text, locale).replace(NBSP, "~")
    }

    #[test]
    fn russian_keeps_one_letter_words_with_the_next() {
        assert_eq!(
            marked(
                "Лидеры встретились в «Чхонвадэ» и договорились о сотрудничестве с Казахстаном.",
                "ru"
            ),
            "Лидеры встретились в~«Чхонвадэ» и~договорились о~сотрудничестве с~Казахстаном."
        );
        // Words of two letters and more, and the letter of an abbreviation, are not.
        assert_eq!(
            marked("на саммите, т. е. до него", "ru"),
            "на саммите, т. е. до него"
        );
    }

    #[test]
    fn a_dash_never_starts_a_line() {
        assert_eq!(
            marked(
                "«Мир важнее оружия», — сказал он. Хон Бом До — герой.",
                "ru"
            ),
            "«Мир важнее оружия»,~— сказал он. Хон Бом До~— герой."
        );
        // A dash between numbers, with no spaces, is a range, and a hyphen is part of a word.
        assert_eq!(
            marked("1910–1945 годы, Касым-Жомарт", "ru"),
            "1910–1945 годы, Касым-Жомарт"
        );
    }

    #[test]
    fn numbers_keep_their_groups_and_units() {
        assert_eq!(
            marked(
                "более 1 400 единиц, 100 000 человек, 4,22 млрд долларов, 27 %, 1943 г., № 1",
                "ru"
            ),
            "более 1~400 единиц, 100~000 человек, 4,22~млрд долларов, 27~%, 1943~г., №~1"
        );
        // A year and a count that merely follow each other are not one number.
        assert_eq!(
            marked("в 2019 году 150 человек", "ru"),
            "в~2019 году 150 человек"
        );
        assert_eq!(marked("2019 123", "ru"), "2019 123");
    }

    #[test]
    fn kazakh_follows_the_same_rules() {
        assert_eq!(
            marked(
                "2019 жылы тауар айналымы 4,22 млрд долларға жетті, ал 172 мың адам — көшірілді.",
                "kk"
            ),
            "2019 жылы тауар айналымы 4,22~млрд долларға жетті, ал 172~мың адам~— көшірілді."
        );
    }

    #[test]
    fn korean_numbers_keep_their_counters() {
        assert_eq!(
            marked(
                "1937년 17만2000여 명이 강제 이주됐고, 교역액은 42억2000만 달러에 달했다.",
                "ko"
            ),
            "1937년 17만2000여~명이 강제 이주됐고, 교역액은 42억2000만~달러에 달했다."
        );
        assert_eq!(
            marked("그 가운데 한 명이었다. 두 정상은 세 번째 만났다.", "ko"),
            "그 가운데 한~명이었다. 두 정상은 세~번째 만났다."
        );
        // A number before a word that is not a counter, or a counter-like start of a word.
        assert_eq!(
            marked("2019 대통령 선거, 3 명태", "ko"),
            "2019 대통령 선거, 3 명태"
        );
    }

    #[test]
    fn korean_middle_dots_and_ellipses_never_start_a_line() {
        assert_eq!(
            apply("토카예프 대통령 방한…한·카자흐스탄 관계", "ko"),
            "토카예프 대통령 방한\u{2060}…한\u{2060}·\u{2060}카자흐스탄 관계"
        );
        // A dot between spaces is left as it is.
        assert_eq!(apply("서지원 기자 · 2021년", "ko"), "서지원 기자 · 2021년");
    }

    #[test]
    fn a_day_keeps_its_month() {
        assert_eq!(marked("17 августа 2021 г.", "ru"), "17~августа 2021~г.");
        assert_eq!(marked("2021 жылғы 17 тамыз", "kk"), "2021 жылғы 17~тамыз");
    }

    #[test]
    fn context_around_markup_counts() {
        // `в *Сеуле*`: the text `в ` ends where the emphasis starts.
        assert_eq!(apply_within("в ", "", "Сеуле", "ru"), "в\u{a0}");
        assert_eq!(apply_within(" млрд", "4,22", "", "ru"), "\u{a0}млрд");
        assert_eq!(apply_within("в ", "", "", "ru"), "в ");
    }

    #[test]
    fn other_languages_are_left_alone() {
        for text in ["a 1 400 — b", "I — we"] {
            assert_eq!(apply(text, "en"), text);
            assert_eq!(apply(text, "fr"), text);
        }
    }
}
