//! Numbers check: every number of the English source must be in the translation, read with the
//! number conventions of the translation's locale (`4,22 млрд`, `42억2000만`, `172 000`).

use std::ops::Range;

/// A number of the source that the translation does not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingNumber {
    /// The number as written in the source, e.g. "$4.22 billion" or "1,400" or "2019".
    pub source: String,
    /// Byte range of it in the source.
    pub range: std::ops::Range<usize>,
}

/// The numbers of `source` (English text, possibly with inline Markdown) that `translation`
/// (in `locale`: "ko", "kk", "ru", or a tag like "ko-KR"; other locales use only the universal
/// rules) does not contain, in source order.
///
/// Numbers are compared by value, each side read by its own language's rules, so
/// "$4.22 billion" is carried by "42억2000만 달러", "42억 2000만 달러", "42.2억 달러",
/// "4,22 млрд долларов" and "4,22 млрд доллар", and "1,400" by "1400여 개", "1천400",
/// "1 400" (also with U+00A0 or U+202F) or "1,4 тыс.", but not by Russian "1,4", which is 1.4.
///
/// - English: `1,400` (comma thousands), `4.22`, `.5`, `3.5%`, `30th`, `1990s`, and the
///   magnitudes thousand, million, billion, trillion, bn, mn, tn (also glued, `$4.22bn`, and
///   `$7m`, `$5b`, `$3k` after a currency sign), with or without a currency sign or Markdown
///   around them. Words for numbers ("two", "thirty") are not numbers.
/// - Russian and Kazakh: decimal comma or point (`4,22`, `4.22`); thousands grouped by a space,
///   U+00A0, U+202F, U+2009 or nothing; тыс./тысяч…, млн/миллион…, млрд/миллиард…,
///   трлн/триллион…, мың; compounds (`4 млрд 220 млн`). A magnitude word with no digits before
///   it counts as one: `миллиард долларов` is 10^9, `более тысячи` and `мыңнан астам` 1,000
///   (`миллиардер` and `тысячелетие` are other words). Roman numerals in capitals, in the Latin
///   letters I V X L C or the Cyrillic look-alikes І and Х, written the usual way: of two letters
///   or more anywhere (`XIX век`, `ХХІ ғасыр`, `на XX съезде`), alone (I, V, X) only before a
///   word numbered so: век, ғасыр, квартал, тоқсан, съезд, созыв, полугодие… (`в I квартале`).
/// - Korean: commas and points as in English and the units 십, 백, 천, 만, 억, 조, in compounds
///   (`17만2000`, `17만 2천`, `1천400`, `2천5백만`), before any suffix (`1400여 개`, `2019년`).
///   `제5조` (an article of a law) is the number 5. A unit that starts a word, with no digits
///   before it, counts as one before a counter or a currency (`만 명이` is 10,000, `천만 관객`
///   10,000,000, `백만 달러` 1,000,000), and only there, since elsewhere it is a word or part of
///   one (`3년 만에`, `만큼`, `천연가스`, `조 바이든`, `천 장관`). Roman numerals are not read.
/// - Other locales: the English and the Russian readings and `1.400,5`, all at once; and, since
///   their magnitude words are unknown, a number with a magnitude is also carried by its digits
///   alone (`$4.22 billion` by "4,22 Mrd.").
///
/// Choices:
/// - Names: digits glued to ASCII letters (`5G`, `G20`, `4K`, `A320`, `COVID19`) or after a
///   hyphen following a capitalised word (`COVID-19`, `F-35`) make a name, reported whole
///   ("COVID-19"). Only its digits are compared, as numbers, since the letters get transliterated
///   (`코로나19`, `Ковид-19`); a name whose digits vanish (`G20` as «Большая двадцатка») is flagged.
/// - Ranges: in `1910-45` (or `1910–45`, or a season `2020/21`), 45 is carried by 45 or by 1945;
///   `1910` is needed too. In a Russian, Kazakh or Korean translation, `2020/21` and `2020–21`
///   also carry 2021. Each end of a range is a number of its own. A shared magnitude counts for
///   the first end: the 4 of `$4-5 billion` or `4 to 5 billion` is carried by 4 or by 4 billion.
/// - Dates: each digit group is a number (`2021-08-17` needs 2021, 8 and 17; so does
///   `17.08.2021` in a translation). In a Russian or Kazakh translation `17.08` (one or two
///   digits, a point, two digits) is also a day and a month, 17 and 8, when it makes a valid
///   one and no percent sign or magnitude follows; in Korean the month comes first (`8.15
///   광복절`).
/// - Signs are ignored: `-5` is 5. The `1990s` are also carried by 90 (`90-е годы`).
/// - A number of the translation with a magnitude also counts as its digits alone (`4,22 млрд`
///   carries both 4.22 billion and 4.22), and `17만 2000` counts as 172,000, 170,000 and 2,000:
///   lenient where a reading is doubtful, strict on values. The readings of a translation that
///   look at every word (numbers without digits, dates, ends of ranges of years) are made only
///   when a number seems missing without them, which gives the same result at a fraction of the
///   cost.
/// - Presence, not count: a number written twice in the source is carried by one occurrence in
///   the translation; when it is not carried at all, every occurrence is reported.
/// - The translation may hold more numbers than the source: they are not checked.
///
/// Not understood, so flagged: numbers written as words in the translation (`첫`, `первый`;
/// `две тысячи` counts only as 1,000), clock times converted (`3 p.m.` as `15:00`), amounts
/// converted to another currency, English separators kept in Russian or Kazakh (`1,400` there is
/// 1.4), and Korean dates with a one-digit day (`3.1절`).
///
/// ```
/// use bitext::check::numbers::missing_numbers;
///
/// let source = "Trade reached $4.25 billion in 2019.";
/// // A stale translation still carries the old figure, $4.22 billion.
/// let missing = missing_numbers(source, "2019년 교역액은 42억2000만 달러였다.", "ko");
/// assert_eq!(missing.len(), 1);
/// assert_eq!(missing[0].source, "$4.25 billion");
/// assert_eq!(&source[missing[0].range.clone()], "$4.25 billion");
///
/// let russian = "В 2019 году товарооборот достиг 4,25 млрд долларов.";
/// assert!(missing_numbers(source, russian, "ru-RU").is_empty());
/// ```
pub fn missing_numbers(source: &str, translation: &str, locale: &str) -> Vec<MissingNumber> {
    let locale = classify_locale(locale);
    let mut carried: Vec<f64> = Vec::new();
    let mut collect = |number: Num| {
        carried.push(number.value);
        carried.extend(number.bare);
        carried.extend(number.alt);
    };
    match locale {
        Locale::English => scan_english(translation, &mut collect),
        Locale::Korean => scan_korean(translation, &mut collect),
        Locale::Cyrillic => scan_cyrillic(translation, Convention::Cyrillic, &mut collect),
        Locale::Other => {
            scan_english(translation, &mut collect);
            scan_cyrillic(translation, Convention::Cyrillic, &mut collect);
            scan_cyrillic(translation, Convention::Continental, &mut collect);
        }
    }
    carried.sort_unstable_by(f64::total_cmp);
    let mut unfound: Vec<Num> = Vec::new();
    scan_english(source, &mut |number: Num| {
        if !is_carried(&number, &carried, locale) {
            unfound.push(number);
        }
    });
    // The second readings look at every word, which would cost as much as all the rest on every
    // pair: they are made only when a number seems missing. Since they only add values, the
    // result is the same as if they were always made.
    if !unfound.is_empty() {
        let read = carried.len();
        scan_second_readings(translation, locale, &mut |value| carried.push(value));
        if carried.len() > read {
            carried.sort_unstable_by(f64::total_cmp);
            unfound.retain(|number| !is_carried(number, &carried, locale));
        }
    }
    let mut missing: Vec<MissingNumber> = Vec::new();
    for number in unfound {
        // A name with several digit groups is reported once.
        if missing.last().is_some_and(|m| m.range == number.range) {
            continue;
        }
        missing.push(MissingNumber {
            source: source
                .get(number.range.clone())
                .unwrap_or_default()
                .to_owned(),
            range: number.range,
        });
    }
    missing
}

/// Tells whether a number of the source has its value in `carried` (sorted), the values of the
/// translation.
fn is_carried(number: &Num, carried: &[f64], locale: Locale) -> bool {
    contains_value(carried, number.value)
        || number.alt.is_some_and(|v| contains_value(carried, v))
        || (locale == Locale::Other && number.bare.is_some_and(|v| contains_value(carried, v)))
}

/// Emits the values of the second readings of a Russian, Kazakh or Korean translation: numbers
/// without digits (Roman numerals, `миллиард`, `천만 관객`), the day and month of a date
/// (`17.08.`, in Korean `8.15`), the full year that ends a range (the 2021 of `2020/21`).
fn scan_second_readings(text: &str, locale: Locale, emit: &mut impl FnMut(f64)) {
    let korean = match locale {
        Locale::Korean => true,
        Locale::Cyrillic => false,
        Locale::English | Locale::Other => return,
    };
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        // Inside a character: nothing starts here.
        if (0x80..0xc0).contains(&c) {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            if !is_in_sequence(b, i) {
                if let Some((first, second)) = read_date(b, i, korean) {
                    emit(first);
                    emit(second);
                }
                if let Some(year) = expand_short_year(b, i) {
                    emit(year);
                }
            }
            while read_digit(b, i).is_some() {
                i += 1;
            }
            continue;
        }
        // The first bytes of 십 백 천 만 억 조; of I V X L C, І, Х, т, м.
        let word = if !may_start_word(b, i) {
            None
        } else if korean {
            matches!(c, 0xeb | 0xec)
                .then(|| read_bare_korean_unit(text, i))
                .flatten()
        } else {
            match (c, b.get(i + 1)) {
                (b'I' | b'V' | b'X' | b'L' | b'C', _) | (0xd0, Some(0x86 | 0xa5)) => {
                    read_roman(text, i)
                }
                (0xd1, Some(0x82)) | (0xd0, Some(0xbc)) => read_bare_cyrillic_magnitude(text, i),
                _ => None,
            }
        };
        match word {
            Some((value, end)) => {
                emit(value);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// Which rules read the translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Locale {
    English,
    Korean,
    Cyrillic,
    Other,
}

/// How digits are grouped and where the decimals start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Convention {
    /// `1,400.5`.
    English,
    /// As English; the units are read by `parse_korean`.
    Korean,
    /// `1 400,5` or `1400.5` (Russian, Kazakh).
    Cyrillic,
    /// `1.400,5` (German, Turkish…), only for other locales.
    Continental,
}

/// A number found in a text.
#[derive(Debug, Clone, PartialEq)]
struct Num {
    /// Where it is written, with its currency sign and magnitude word.
    range: Range<usize>,
    value: f64,
    /// The digits without their magnitude, when there is one: 4.22 for `4.22 billion`.
    bare: Option<f64>,
    /// Another value it may stand for: 1945 for the 45 of `1910-45`, 4e9 for the 4 of
    /// `4-5 billion`, 100000 for the `10만` of `10만 2019년`.
    alt: Option<f64>,
}

/// Digits read from a text, before any magnitude: `mantissa / 10^places`.
#[derive(Debug, Clone, Copy)]
struct Digits {
    mantissa: f64,
    places: i32,
    /// How many digits before the decimal mark (and the first group separator).
    int_digits: usize,
    grouped: bool,
    end: usize,
}

impl Digits {
    /// Whether these are digits alone: no decimals, no group separators.
    fn is_plain(&self) -> bool {
        self.places == 0 && !self.grouped
    }

    /// Computes the value times `10^exp`.
    fn to_value(self, exp: i32) -> f64 {
        scale(self.mantissa, self.places, exp)
    }
}

/// A Korean unit after digits.
#[derive(Debug, Clone, Copy)]
struct KoreanUnit {
    exp: i32,
    /// 만, 억 and 조 multiply everything before them; 십, 백 and 천 only the digits before them.
    big: bool,
    len: usize,
}

/// A Korean number, its units applied.
#[derive(Debug, Clone, Copy)]
struct KoreanNumber {
    value: f64,
    /// The first digits, without units.
    bare: f64,
    end: usize,
    has_units: bool,
    /// The exponent of the big unit it ends with (`17만` ends with 4), if it ends with one.
    last_big: Option<i32>,
}

const SPACES: [&str; 4] = [" ", "\u{a0}", "\u{202f}", "\u{2009}"];
const CURRENCIES: [&str; 7] = ["$", "€", "£", "¥", "₩", "₸", "₽"];
const DASHES: [&str; 6] = ["-", "~", "\u{2013}", "\u{2014}", "\u{301c}", "\u{ff5e}"];
const CONNECTORS: [&str; 8] = ["to", "and", "or", "до", "и", "или", "және", "немесе"];
/// English magnitude words; the long ones also take a plural `s`.
const ENGLISH_MAGNITUDES: [(&str, i32); 10] = [
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("bn", 9),
    ("mn", 6),
    ("tn", 12),
    ("mln", 6),
    ("bln", 9),
    ("trn", 12),
];
/// Stems of the Russian and Kazakh magnitude words, which may be inflected or abbreviated.
const CYRILLIC_MAGNITUDES: [(&str, i32); 8] = [
    ("тыс", 3),
    ("мың", 3),
    ("млн", 6),
    ("млрд", 9),
    ("трлн", 12),
    ("миллион", 6),
    ("миллиард", 9),
    ("триллион", 12),
];
const KOREAN_UNITS: [(&str, i32, bool); 6] = [
    ("십", 1, false),
    ("백", 2, false),
    ("천", 3, false),
    ("만", 4, true),
    ("억", 8, true),
    ("조", 12, true),
];
/// "About": `1400여 개`, `2000여만 명`.
const KOREAN_ABOUT: &str = "여";
/// The ordinal prefix: `제5조` is Article 5.
const KOREAN_ORDINAL: &str = "제";
/// How far to look past a number for its magnitude word or a connector, in bytes.
const GAP_LIMIT: usize = 16;
/// What may stand before a word besides ASCII spaces and punctuation.
const WORD_OPENERS: [&str; 6] = ["\u{a0}", "«", "“", "‘", "–", "—"];
/// Between the years of a season or a fiscal year: `2020/21`.
const YEAR_SLASH: &str = "/";
/// Russian and Kazakh magnitude words that stand for a number alone, without digits:
/// `миллиард долларов`, `более тысячи`, `мыңнан астам`. Not the abbreviations, nor `тыс`,
/// which is also the Kazakh "outside".
const BARE_CYRILLIC_MAGNITUDES: [(&str, i32); 5] = [
    ("тысяч", 3),
    ("мың", 3),
    ("миллион", 6),
    ("миллиард", 9),
    ("триллион", 12),
];
/// What after a stem of `BARE_CYRILLIC_MAGNITUDES` makes another word: `миллиардер` (a
/// billionaire), `тысячелетие`, `мыңжылдық` (a millennium).
const NOT_MAGNITUDE_ENDINGS: [&str; 3] = ["ер", "елет", "жылдық"];
/// Words whose number is often a Roman numeral, as stems: `XIX век`, `III квартал`,
/// `ХІХ ғасырдың`, `XX съезд`, `VIII шақырылым`, `I полугодие`, `I оқылым`.
const ROMAN_NUMBERED: [&str; 13] = [
    "век",
    "ғасыр",
    "квартал",
    "тоқсан",
    "съез",
    "созыв",
    "шақырылым",
    "сесси",
    "тысячелет",
    "мыңжылдық",
    "полугоди",
    "жартыжылдық",
    "оқылым",
];
/// The greatest number of letters of a Roman numeral read (CCCLXXXVIII is 11).
const ROMAN_MAX_LETTERS: usize = 12;
/// Counters and currencies after which a Korean unit without digits is a number: `만 명`,
/// `천만 관객`, `백만 달러`.
const KOREAN_COUNTERS: [&str; 22] = [
    "명",
    "개",
    "원",
    "달러",
    "유로",
    "위안",
    "엔",
    "관객",
    "가구",
    "세대",
    "건",
    "톤",
    "마리",
    "배럴",
    "년",
    "곳",
    "대",
    "채",
    "회",
    "권",
    "그루",
    "헥타르",
];
/// What may follow a Korean counter in the same word (particles, `여`, `대`, `짜리`…): `명이`,
/// `관객을`, `원대`. Anything else makes another word, as in `원장` (a director) or `명예`.
const KOREAN_COUNTER_ENDINGS: [char; 22] = [
    '이', '가', '을', '를', '은', '는', '의', '에', '도', '과', '와', '으', '로', '만', '씩', '쯤',
    '여', '대', '간', '까', '째', '짜',
];

/// Maps a locale tag to the rules of its numbers.
fn classify_locale(locale: &str) -> Locale {
    let primary = locale.split(['-', '_']).next().unwrap_or_default();
    if primary.eq_ignore_ascii_case("ko") {
        Locale::Korean
    } else if primary.eq_ignore_ascii_case("ru") || primary.eq_ignore_ascii_case("kk") {
        Locale::Cyrillic
    } else if primary.eq_ignore_ascii_case("en") {
        Locale::English
    } else {
        Locale::Other
    }
}

/// Tells whether a sorted list holds `value`, give or take a rounding error.
fn contains_value(sorted: &[f64], value: f64) -> bool {
    let tolerance = value.abs() * 1e-9;
    let i = sorted.partition_point(|x| *x < value - tolerance);
    sorted
        .get(i)
        .is_some_and(|x| (x - value).abs() <= tolerance)
}

/// Computes `mantissa / 10^places * 10^exp`, exactly when the result is a whole number.
fn scale(mantissa: f64, places: i32, exp: i32) -> f64 {
    let e = exp.saturating_sub(places);
    if e >= 0 {
        mantissa * 10f64.powi(e)
    } else {
        mantissa / 10f64.powi(e.saturating_neg())
    }
}

/// Reads the ASCII digit at `i`, if there is one.
fn read_digit(b: &[u8], i: usize) -> Option<u8> {
    b.get(i).filter(|c| c.is_ascii_digit()).map(|c| c - b'0')
}

/// Tells whether `s` is written at byte `i`.
fn starts_with_at(b: &[u8], i: usize, s: &str) -> bool {
    b.get(i..)
        .is_some_and(|rest| rest.starts_with(s.as_bytes()))
}

/// Tells whether `s` is written just before byte `i`.
fn ends_with_at(b: &[u8], i: usize, s: &str) -> bool {
    b.get(..i).is_some_and(|head| head.ends_with(s.as_bytes()))
}

/// Measures the space character (ASCII, no-break, narrow no-break, thin) at `i`: 0 if none.
fn measure_space(b: &[u8], i: usize) -> usize {
    SPACES
        .iter()
        .find(|s| starts_with_at(b, i, s))
        .map_or(0, |s| s.len())
}

/// Skips the spaces at `i`, up to a few.
fn skip_spaces(b: &[u8], i: usize) -> usize {
    let mut p = i;
    while p - i < GAP_LIMIT {
        let s = measure_space(b, p);
        if s == 0 {
            break;
        }
        p += s;
    }
    p
}

/// Skips what may stand between a number and its English magnitude word: spaces, Markdown
/// emphasis, one hyphen (`$7-million`).
fn skip_gap(b: &[u8], i: usize) -> usize {
    let mut p = i;
    let mut hyphen = false;
    while p - i < GAP_LIMIT {
        let s = measure_space(b, p);
        if s > 0 {
            p += s;
            continue;
        }
        match b.get(p) {
            Some(b'*' | b'_') => p += 1,
            Some(b'-') if !hyphen => {
                hyphen = true;
                p += 1;
            }
            _ => break,
        }
    }
    p
}

/// Skips the ASCII letters at `i`.
fn skip_ascii_letters(b: &[u8], i: usize) -> usize {
    let mut p = i;
    while b.get(p).is_some_and(u8::is_ascii_alphabetic) {
        p += 1;
    }
    p
}

/// Tells whether the digits at `i` follow a digit and a point or comma that did not make a
/// decimal: the 08 and 2021 of `17.08.2021`. They are read as whole numbers.
fn is_in_sequence(b: &[u8], i: usize) -> bool {
    i >= 2
        && matches!(b.get(i - 1), Some(b'.' | b','))
        && b.get(i - 2).is_some_and(u8::is_ascii_digit)
}

/// Measures the thousands separator at `i` under `convention`: 0 if none.
fn measure_group_separator(b: &[u8], i: usize, convention: Convention) -> usize {
    match convention {
        Convention::English | Convention::Korean => usize::from(b.get(i) == Some(&b',')),
        Convention::Cyrillic => measure_space(b, i),
        Convention::Continental => match b.get(i) {
            Some(b'.') => 1,
            _ => measure_space(b, i),
        },
    }
}

/// Tells whether a decimal mark of `convention` is at `i`.
fn is_decimal_mark(b: &[u8], i: usize, convention: Convention) -> bool {
    matches!(
        (convention, b.get(i)),
        (Convention::English | Convention::Korean, Some(b'.'))
            | (Convention::Cyrillic, Some(b'.' | b','))
            | (Convention::Continental, Some(b','))
    )
}

/// Reads a group of exactly three digits at `i`: the 400 of `1,400`.
fn read_group_of_three(b: &[u8], i: usize) -> Option<f64> {
    let (d0, d1, d2) = (
        read_digit(b, i)?,
        read_digit(b, i + 1)?,
        read_digit(b, i + 2)?,
    );
    if read_digit(b, i + 3).is_some() {
        return None;
    }
    Some(f64::from(d0) * 100.0 + f64::from(d1) * 10.0 + f64::from(d2))
}

/// Reads digits at `start` (a digit, or a decimal mark before one) with their group separators
/// and decimals. In a sequence (`17.08.2021`) only the digits themselves.
fn read_digits(b: &[u8], start: usize, convention: Convention, in_sequence: bool) -> Digits {
    let mut pos = start;
    let mut mantissa = 0.0;
    while let Some(d) = read_digit(b, pos) {
        mantissa = mantissa * 10.0 + f64::from(d);
        pos += 1;
    }
    let int_digits = pos - start;
    let mut grouped = false;
    if !in_sequence && (1..=3).contains(&int_digits) {
        loop {
            let separator = measure_group_separator(b, pos, convention);
            if separator == 0 {
                break;
            }
            let Some(group) = read_group_of_three(b, pos + separator) else {
                break;
            };
            mantissa = mantissa * 1000.0 + group;
            pos += separator + 3;
            grouped = true;
        }
    }
    let mut places = 0;
    if !in_sequence && is_decimal_mark(b, pos, convention) && read_digit(b, pos + 1).is_some() {
        let mut p = pos + 1;
        let mut decimals = mantissa;
        let mut count: i32 = 0;
        while let Some(d) = read_digit(b, p) {
            decimals = decimals * 10.0 + f64::from(d);
            count = count.saturating_add(1);
            p += 1;
        }
        // `17.08.2021` is a date, not 17.08 and 2021.
        let continues = is_decimal_mark(b, p, convention) && read_digit(b, p + 1).is_some();
        if !continues {
            mantissa = decimals;
            places = count;
            pos = p;
        }
    }
    Digits {
        mantissa,
        places,
        int_digits,
        grouped,
        end: pos,
    }
}

/// Finds where the currency sign before the digits at `i` starts (`$`, `US$`, `€`); `i` if none.
fn find_currency_start(b: &[u8], i: usize) -> usize {
    let Some(symbol) = CURRENCIES.iter().find(|s| ends_with_at(b, i, s)) else {
        return i;
    };
    let start = i - symbol.len();
    if *symbol != "$" {
        return start;
    }
    // US$, HK$, A$.
    let mut t = start;
    while t > 0 && start - t < 3 && b.get(t - 1).is_some_and(u8::is_ascii_uppercase) {
        t -= 1;
    }
    let glued = t > 0 && b.get(t - 1).is_some_and(u8::is_ascii_alphanumeric);
    if t < start && !glued {
        t
    } else {
        start
    }
}

/// Finds the exponent of an English magnitude word (`billion`, `bn`; `m`, `b`, `k` only right
/// after a currency sign, as in `$7m`).
fn find_english_exponent(word: &[u8], after_currency: bool) -> Option<i32> {
    for (w, exp) in ENGLISH_MAGNITUDES {
        let w = w.as_bytes();
        if word.eq_ignore_ascii_case(w) {
            return Some(exp);
        }
        let plural = w.len() > 3
            && word.len() == w.len() + 1
            && word
                .get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w))
            && word.last().is_some_and(|s| s.eq_ignore_ascii_case(&b's'));
        if plural {
            return Some(exp);
        }
    }
    match word {
        [b'm' | b'M'] if after_currency => Some(6),
        [b'b' | b'B'] if after_currency => Some(9),
        [b'k' | b'K'] if after_currency => Some(3),
        _ => None,
    }
}

/// Finds an English magnitude word glued to the digits ending at `i` (`4.22bn`) or after a gap
/// (`4.22 billion`, `**4.22** billion`, `7-million`): its exponent and end.
fn find_english_magnitude(b: &[u8], i: usize, after_currency: bool) -> Option<(i32, usize)> {
    let glued_end = skip_ascii_letters(b, i);
    if glued_end > i {
        let word = b.get(i..glued_end)?;
        return find_english_exponent(word, after_currency).map(|e| (e, glued_end));
    }
    let p = skip_gap(b, i);
    if p == i {
        return None;
    }
    let end = skip_ascii_letters(b, p);
    let word = b.get(p..end).filter(|w| !w.is_empty())?;
    find_english_exponent(word, false).map(|e| (e, end))
}

/// Finds a Russian or Kazakh magnitude word after the digits ending at `i`: its exponent and
/// the end of its stem.
fn find_cyrillic_magnitude(b: &[u8], i: usize) -> Option<(i32, usize)> {
    let p = skip_spaces(b, i);
    CYRILLIC_MAGNITUDES
        .iter()
        .find(|(stem, _)| starts_with_at(b, p, stem))
        .map(|(stem, exp)| (*exp, p + stem.len()))
}

/// Matches the Korean unit at `i`.
fn match_korean_unit(b: &[u8], i: usize) -> Option<KoreanUnit> {
    KOREAN_UNITS
        .iter()
        .find(|(unit, _, _)| starts_with_at(b, i, unit))
        .map(|(unit, exp, big)| KoreanUnit {
            exp: *exp,
            big: *big,
            len: unit.len(),
        })
}

/// Finds the magnitude of a second number that shares it with the one ending at `i`: 9 after
/// the 4 of `4-5 billion`, `4 to 5 billion`, `4–5 млрд`, `4~5억`.
fn find_shared_exponent(b: &[u8], i: usize, convention: Convention) -> Option<i32> {
    let mut p = skip_spaces(b, i);
    let spaced = p > i;
    if let Some(dash) = DASHES.iter().find(|d| starts_with_at(b, p, d)) {
        p += dash.len();
    } else {
        let word = CONNECTORS
            .iter()
            .find(|w| spaced && starts_with_at(b, p, w) && measure_space(b, p + w.len()) > 0)?;
        p += word.len();
    }
    p = skip_spaces(b, p);
    let currency = CURRENCIES.iter().find(|s| starts_with_at(b, p, s));
    if let Some(symbol) = currency {
        p += symbol.len();
    }
    read_digit(b, p)?;
    let digits = read_digits(b, p, convention, false);
    match convention {
        Convention::English => {
            find_english_magnitude(b, digits.end, currency.is_some()).map(|m| m.0)
        }
        Convention::Korean => match_korean_unit(b, digits.end).map(|u| u.exp),
        Convention::Cyrillic | Convention::Continental => {
            find_cyrillic_magnitude(b, digits.end).map(|m| m.0)
        }
    }
}

/// Tells whether the digits at `i` are glued to a name before them: `G20`, `COVID-19`, `F-35`
/// (a hyphen after a word with a capital), but not `mid-2019`. Looks no further back than
/// `floor`.
fn is_glued_to_name(b: &[u8], i: usize, floor: usize) -> bool {
    if i <= floor {
        return false;
    }
    match b.get(i - 1) {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some(b'-') => {
            let mut s = i - 1;
            let mut capital = false;
            while s > floor && b.get(s - 1).is_some_and(u8::is_ascii_alphabetic) {
                capital |= b.get(s - 1).is_some_and(u8::is_ascii_uppercase);
                s -= 1;
            }
            capital
        }
        _ => false,
    }
}

/// Emits the digit groups of the name around the digits at `i` (`5G`, `SARS-CoV-2`), each with
/// the range of the whole name, and returns its end.
fn emit_name(b: &[u8], i: usize, floor: usize, emit: &mut impl FnMut(Num)) -> usize {
    let mut start = i;
    loop {
        while start > floor && b.get(start - 1).is_some_and(u8::is_ascii_alphanumeric) {
            start -= 1;
        }
        let hyphen = start >= floor + 2
            && b.get(start - 1) == Some(&b'-')
            && b.get(start - 2).is_some_and(u8::is_ascii_alphanumeric);
        if !hyphen {
            break;
        }
        start -= 1;
    }
    let mut end = i;
    while b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        end += 1;
    }
    let mut p = start;
    while p < end {
        if read_digit(b, p).is_none() {
            p += 1;
            continue;
        }
        let mut value = 0.0;
        while let Some(d) = read_digit(b, p) {
            value = value * 10.0 + f64::from(d);
            p += 1;
        }
        emit(Num {
            range: start..end,
            value,
            bare: None,
            alt: None,
        });
    }
    end
}

/// Tells whether `word`, glued to digits, makes them an ordinal or a plural: `30th`, `1990s`.
fn is_ordinal_or_plural(word: &[u8]) -> bool {
    ["st", "nd", "rd", "th", "s"]
        .iter()
        .any(|s| word.eq_ignore_ascii_case(s.as_bytes()))
}

/// Scans English text (the source, or a translation into English) and emits its numbers.
fn scan_english(text: &str, emit: &mut impl FnMut(Num)) {
    let b = text.as_bytes();
    let mut i = 0;
    // Where the last number or name ended: names look no further back.
    let mut floor = 0;
    // The end and value of a plain four-digit number just read: the 1910 of `1910-45`.
    let mut year: Option<(usize, u32)> = None;
    while let Some(&c) = b.get(i) {
        let after_word = i > 0
            && b.get(i - 1)
                .is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, b'.' | b','));
        let leading_point = c == b'.' && read_digit(b, i + 1).is_some() && !after_word;
        if !c.is_ascii_digit() && !leading_point {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() && is_glued_to_name(b, i, floor) {
            i = emit_name(b, i, floor, emit).max(i + 1);
            floor = i;
            year = None;
            continue;
        }
        let sequence = is_in_sequence(b, i);
        let digits = read_digits(b, i, Convention::English, sequence);
        let start = find_currency_start(b, i);
        let mut end = digits.end;
        let mut exp = None;
        let mut decade_alt = None;
        let letters_end = skip_ascii_letters(b, digits.end);
        if let Some((e, word_end)) = find_english_magnitude(b, digits.end, start < i) {
            exp = Some(e);
            end = word_end;
        } else if letters_end > digits.end {
            let word = b.get(digits.end..letters_end).unwrap_or_default();
            if is_ordinal_or_plural(word) {
                end = letters_end;
                // The 1990s are also the 90s (`в 90-е годы`).
                let decade = digits.mantissa % 100.0;
                if word.eq_ignore_ascii_case(b"s") && digits.int_digits == 4 && decade > 0.0 {
                    decade_alt = Some(decade);
                }
            } else if digits.is_plain() {
                i = emit_name(b, i, floor, emit).max(i + 1);
                floor = i;
                year = None;
                continue;
            }
        }
        if b.get(end) == Some(&b'%') {
            end += 1;
        }
        let mut alt = decade_alt;
        if exp.is_none() && digits.is_plain() && digits.int_digits == 2 {
            if let Some((year_end, first)) = year {
                let dash = b.get(year_end..i);
                let second = digits.mantissa as u32;
                let separator = dash.is_some_and(|d| {
                    d == YEAR_SLASH.as_bytes() || DASHES.iter().any(|s| d == s.as_bytes())
                });
                if separator && second > first % 100 {
                    alt = Some(f64::from(first / 100 * 100 + second));
                }
            }
        }
        if exp.is_none() && alt.is_none() {
            alt = find_shared_exponent(b, end, Convention::English).map(|e| digits.to_value(e));
        }
        let is_year = exp.is_none() && digits.is_plain() && digits.int_digits == 4;
        year = (is_year && end == digits.end).then_some((end, digits.mantissa as u32));
        emit(Num {
            range: start..end,
            value: digits.to_value(exp.unwrap_or(0)),
            bare: exp.map(|_| digits.to_value(0)),
            alt,
        });
        i = end.max(i + 1);
        floor = i;
    }
}

/// Scans Russian or Kazakh text (or, with `Continental`, `1.400,5`) and emits its numbers.
fn scan_cyrillic(text: &str, convention: Convention, emit: &mut impl FnMut(Num)) {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(c) = b.get(i) {
        if !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let sequence = is_in_sequence(b, i);
        let digits = read_digits(b, i, convention, sequence);
        let magnitude = if sequence {
            None
        } else {
            find_cyrillic_magnitude(b, digits.end)
        };
        let (exp, end) = magnitude.unwrap_or((0, digits.end));
        let alt = match magnitude {
            None => find_shared_exponent(b, end, convention).map(|e| digits.to_value(e)),
            Some(_) => find_cyrillic_remainder(b, end, exp, convention)
                .map(|rest| digits.to_value(exp) + rest),
        };
        emit(Num {
            range: i..end,
            value: digits.to_value(exp),
            bare: magnitude.map(|_| digits.to_value(0)),
            alt,
        });
        i = end.max(i + 1);
    }
}

/// Finds the smaller part of a compound Russian or Kazakh number whose first magnitude stem
/// (of exponent `exp`) ends at `i`: the 220 million of `4 млрд 220 млн`.
fn find_cyrillic_remainder(b: &[u8], i: usize, exp: i32, convention: Convention) -> Option<f64> {
    // The rest of the word (`миллиарда`, `млрд.`), then a space.
    let mut p = i;
    while p - i < 2 * GAP_LIMIT
        && measure_space(b, p) == 0
        && b.get(p)
            .is_some_and(|c| *c >= 0x80 || c.is_ascii_alphabetic() || *c == b'.')
    {
        p += 1;
    }
    let start = skip_spaces(b, p);
    if start == p || read_digit(b, start).is_none() {
        return None;
    }
    let digits = read_digits(b, start, convention, false);
    let (rest_exp, _) = find_cyrillic_magnitude(b, digits.end).filter(|m| m.0 < exp)?;
    Some(digits.to_value(rest_exp))
}

/// Tells, cheaply, whether a word may start at byte `i`: at the start of the text, after an
/// ASCII space or punctuation mark, or after a no-break space, «, “, ‘, – or —.
fn may_start_word(b: &[u8], i: usize) -> bool {
    match i.checked_sub(1).and_then(|p| b.get(p)) {
        None => true,
        Some(c) if c.is_ascii() => !c.is_ascii_alphanumeric(),
        // Their last bytes.
        Some(0x93 | 0x94 | 0x98 | 0x9c | 0xa0 | 0xab) => {
            WORD_OPENERS.iter().any(|s| ends_with_at(b, i, s))
        }
        Some(_) => false,
    }
}

/// Tells whether a letter or a digit ends just before byte `i` of `text`.
fn follows_word_char(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    match i.checked_sub(1).and_then(|p| b.get(p)) {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => text
            .get(..i)
            .and_then(|head| head.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    }
}

/// Tells whether a letter or a digit starts at byte `i` of `text`.
fn precedes_word_char(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => text
            .get(i..)
            .and_then(|tail| tail.chars().next())
            .is_some_and(char::is_alphanumeric),
    }
}

/// Tells whether a digit ends just before byte `i`, or just before a space there.
fn follows_digit(b: &[u8], i: usize) -> bool {
    let p = SPACES
        .iter()
        .find(|s| ends_with_at(b, i, s))
        .map_or(i, |s| i - s.len());
    p.checked_sub(1).and_then(|q| read_digit(b, q)).is_some()
}

/// Reads a Roman numeral at byte `i` of Russian or Kazakh text, in the Latin letters I V X L C or
/// the Cyrillic look-alikes І and Х, all capitals: a word of two letters or more (`XIX`, `ХХІ`),
/// or I, V or X alone before a word that is numbered so (`I квартал`, `V съезд`). Its value and
/// end.
fn read_roman(text: &str, i: usize) -> Option<(f64, usize)> {
    if follows_word_char(text, i) {
        return None;
    }
    let b = text.as_bytes();
    let mut letters = [0u8; ROMAN_MAX_LETTERS];
    let mut count = 0;
    let mut p = i;
    loop {
        let (letter, len) = match b.get(p) {
            Some(&c @ (b'I' | b'V' | b'X' | b'L' | b'C')) => (c, 1),
            _ if starts_with_at(b, p, "\u{406}") => (b'I', 2),
            _ if starts_with_at(b, p, "\u{425}") => (b'X', 2),
            _ => break,
        };
        *letters.get_mut(count)? = letter;
        count += 1;
        p += len;
    }
    if precedes_word_char(text, p) {
        return None;
    }
    let letters = letters.get(..count)?;
    if let [letter] = letters {
        let q = skip_spaces(b, p);
        let numbered = q > p && ROMAN_NUMBERED.iter().any(|w| starts_with_at(b, q, w));
        if !numbered || *letter == b'L' || *letter == b'C' {
            return None;
        }
    }
    parse_roman(letters).map(|value| (f64::from(value), p))
}

/// Reads a Roman numeral written the usual way (`XIX`, `XC`, not `XVIIII` or `IIX`) in the
/// letters I V X L C: up to 399.
fn parse_roman(letters: &[u8]) -> Option<u32> {
    let mut p = 0;
    let mut value = 0;
    while value < 300 && letters.get(p) == Some(&b'C') {
        value += 100;
        p += 1;
    }
    value += 10 * read_roman_digit(letters, &mut p, [b'X', b'L', b'C']);
    value += read_roman_digit(letters, &mut p, [b'I', b'V', b'X']);
    (p == letters.len() && value > 0).then_some(value)
}

/// Reads one decimal digit of a Roman numeral at `*p` (`IX`, `IV`, `VIII`, or nothing: 0) given
/// the letters for one, five and ten of its place, and moves `*p` past it.
fn read_roman_digit(letters: &[u8], p: &mut usize, [one, five, ten]: [u8; 3]) -> u32 {
    let at = |k: usize| letters.get(k).copied();
    if at(*p) == Some(one) && at(*p + 1) == Some(ten) {
        *p += 2;
        return 9;
    }
    if at(*p) == Some(one) && at(*p + 1) == Some(five) {
        *p += 2;
        return 4;
    }
    let mut digit = 0;
    if at(*p) == Some(five) {
        *p += 1;
        digit = 5;
    }
    for _ in 0..3 {
        if at(*p) == Some(one) {
            *p += 1;
            digit += 1;
        }
    }
    digit
}

/// Reads a Russian or Kazakh magnitude word that stands alone at byte `i`, with no digits before
/// it (`миллиард долларов`, `более тысячи`, `мыңнан астам`): 10^exp and the end of its stem.
fn read_bare_cyrillic_magnitude(text: &str, i: usize) -> Option<(f64, usize)> {
    let b = text.as_bytes();
    let (stem, exp) = BARE_CYRILLIC_MAGNITUDES
        .iter()
        .find(|(stem, _)| starts_with_at(b, i, stem))?;
    let end = i + stem.len();
    let other_word = NOT_MAGNITUDE_ENDINGS
        .iter()
        .any(|e| starts_with_at(b, end, e));
    if other_word || follows_word_char(text, i) || follows_digit(b, i) {
        return None;
    }
    Some((scale(1.0, 0, *exp), end))
}

/// Reads a Korean unit that stands alone at byte `i` (`만 명`, `천만 관객`, `백만 달러`): its value
/// and end. Only before a counter or a currency, since elsewhere it is a word or part of one
/// (`3년 만에`, `만큼`, `천연가스`, `조 바이든`).
fn read_bare_korean_unit(text: &str, i: usize) -> Option<(f64, usize)> {
    let b = text.as_bytes();
    let unit = match_korean_unit(b, i)?;
    if follows_word_char(text, i) || follows_digit(b, i) {
        return None;
    }
    let mut exp = unit.exp;
    let mut end = i + unit.len;
    // 천만, 백만.
    if let Some(big) = match_korean_unit(b, end).filter(|u| u.big && !unit.big) {
        exp += big.exp;
        end += big.len;
    }
    let mut p = end;
    if starts_with_at(b, p, KOREAN_ABOUT) {
        p += KOREAN_ABOUT.len();
    }
    is_korean_counter(text, skip_spaces(b, p)).then(|| (scale(1.0, 0, exp), end))
}

/// Tells whether a Korean counter or currency is at byte `i`, alone or with a particle (`명이`,
/// `관객을`, `달러`), not as the start of another word (`원장`, `명예`).
fn is_korean_counter(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    KOREAN_COUNTERS
        .iter()
        .find(|c| starts_with_at(b, i, c))
        .is_some_and(|c| {
            let next = text.get(i + c.len()..).and_then(|t| t.chars().next());
            next.is_none_or(|n| {
                !('\u{ac00}'..='\u{d7a3}').contains(&n) || KOREAN_COUNTER_ENDINGS.contains(&n)
            })
        })
}

/// Reads the two parts of a date written `17.08` (day first) or, with `month_first`, `8.15` at
/// `i`, the start of a number: one or two digits, a point, two digits, and then no other digit,
/// percent sign or magnitude. Both parts, when they make a valid day and month.
fn read_date(b: &[u8], i: usize, month_first: bool) -> Option<(f64, f64)> {
    let mut p = i;
    let mut first = 0;
    while let Some(d) = read_digit(b, p).filter(|_| p < i + 2) {
        first = first * 10 + u32::from(d);
        p += 1;
    }
    if p == i || b.get(p) != Some(&b'.') {
        return None;
    }
    let second = u32::from(read_digit(b, p + 1)?) * 10 + u32::from(read_digit(b, p + 2)?);
    let end = p + 3;
    let continues = read_digit(b, end).is_some()
        || (matches!(b.get(end), Some(b'.' | b',')) && read_digit(b, end + 1).is_some());
    let after = skip_spaces(b, end);
    let magnitude = b.get(after) == Some(&b'%')
        || match_korean_unit(b, end).is_some()
        || find_cyrillic_magnitude(b, end).is_some();
    if continues || magnitude {
        return None;
    }
    let (day, month) = if month_first {
        (second, first)
    } else {
        (first, second)
    };
    ((1..=31).contains(&day) && (1..=12).contains(&month))
        .then(|| (f64::from(first), f64::from(second)))
}

/// Reads the number at `i`, if it is two digits that end a range of years (`2020/21`,
/// `2020–21`), as the full year: 2021.
fn expand_short_year(b: &[u8], i: usize) -> Option<f64> {
    let second = u32::from(read_digit(b, i)?) * 10 + u32::from(read_digit(b, i + 1)?);
    if read_digit(b, i + 2).is_some() {
        return None;
    }
    let separator = DASHES
        .iter()
        .chain(&[YEAR_SLASH])
        .find(|s| ends_with_at(b, i, s))?;
    let year_end = i - separator.len();
    let start = year_end.checked_sub(4)?;
    if start
        .checked_sub(1)
        .and_then(|p| read_digit(b, p))
        .is_some()
    {
        return None;
    }
    let mut first = 0u32;
    for p in start..year_end {
        first = first * 10 + u32::from(read_digit(b, p)?);
    }
    (second > first % 100).then(|| f64::from(first / 100 * 100 + second))
}

/// Parses a Korean number at `start` (a digit) with its units, without crossing a space:
/// `42억2000만`, `17만2000여`, `1천400`, `2천5백만`, `4.22억`.
fn parse_korean(b: &[u8], start: usize) -> KoreanNumber {
    let mut total = 0.0;
    let mut section = 0.0;
    let mut smallest_big = i32::MAX;
    let mut pos = start;
    let mut has_units = false;
    let mut last_big = None;
    let mut bare = None;
    while read_digit(b, pos).is_some() {
        let digits = read_digits(b, pos, Convention::Korean, false);
        if bare.is_none() {
            bare = Some(digits.to_value(0));
        }
        let mut after = digits.end;
        let about_big = starts_with_at(b, after, KOREAN_ABOUT)
            && match_korean_unit(b, after + KOREAN_ABOUT.len()).is_some_and(|u| u.big);
        if about_big {
            after += KOREAN_ABOUT.len();
        }
        match match_korean_unit(b, after) {
            Some(unit) if !unit.big => {
                section += digits.to_value(unit.exp);
                pos = after + unit.len;
                has_units = true;
                last_big = None;
                // 천만, 백만: a big unit right after a small one.
                let big = match_korean_unit(b, pos).filter(|u| u.big && u.exp < smallest_big);
                if let Some(big) = big {
                    total += section * scale(1.0, 0, big.exp);
                    section = 0.0;
                    smallest_big = big.exp;
                    last_big = Some(big.exp);
                    pos += big.len;
                }
            }
            Some(unit) if unit.exp < smallest_big => {
                total += section * scale(1.0, 0, unit.exp) + digits.to_value(unit.exp);
                section = 0.0;
                smallest_big = unit.exp;
                last_big = Some(unit.exp);
                pos = after + unit.len;
                has_units = true;
            }
            // A big unit out of order (`1만2만`) starts another number.
            Some(_) => break,
            None => {
                section += digits.to_value(0);
                pos = digits.end;
                last_big = None;
                break;
            }
        }
    }
    KoreanNumber {
        value: total + section,
        bare: bare.unwrap_or(0.0),
        end: pos,
        has_units,
        last_big,
    }
}

/// Scans Korean text and emits its numbers.
fn scan_korean(text: &str, emit: &mut impl FnMut(Num)) {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(c) = b.get(i) {
        if !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let sequence = is_in_sequence(b, i);
        if sequence || ends_with_at(b, i, KOREAN_ORDINAL) {
            let digits = read_digits(b, i, Convention::Korean, sequence);
            emit(Num {
                range: i..digits.end,
                value: digits.to_value(0),
                bare: None,
                alt: None,
            });
            i = digits.end.max(i + 1);
            continue;
        }
        let first = parse_korean(b, i);
        let (mut value, mut end, mut last_big) = (first.value, first.end, first.last_big);
        let mut alt = None;
        // `42억 2000만`, `17만 2천`: a space inside a number, before smaller units.
        while let Some(exp) = last_big {
            let space = measure_space(b, end);
            if space == 0 || read_digit(b, end + space).is_none() {
                break;
            }
            let next = parse_korean(b, end + space);
            if next.value >= scale(1.0, 0, exp) {
                break;
            }
            if next.has_units {
                value += next.value;
                end = next.end;
                last_big = next.last_big;
            } else {
                // `17만 2000명` is 172,000 but `10만 2019년` may be 100,000 and 2019: both
                // readings count, and the digits after the space are read again on their own.
                alt = Some(value + next.value);
                break;
            }
        }
        if !first.has_units {
            alt = find_shared_exponent(b, end, Convention::Korean).map(|e| scale(value, 0, e));
        }
        emit(Num {
            range: i..end,
            value,
            bare: first.has_units.then_some(first.bare),
            alt,
        });
        i = end.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source text of each number the translation misses.
    fn flag(source: &str, translation: &str, locale: &str) -> Vec<String> {
        missing_numbers(source, translation, locale)
            .into_iter()
            .map(|m| m.source)
            .collect()
    }

    const TRADE: &str = "Trade between Kazakhstan and South Korea reached $4.22 billion in 2019, \
                         up from $1.53 billion in 2017.";
    const TRADE_2020: &str = "Trade fell 26.8% to $3.09 billion in 2020 amid the pandemic.";
    const INVESTMENT: &str = "Korean investment in the plant grew from $7 million to $74 million, \
                              and total Korean investment in Kazakhstan is more than $6 billion.";
    const WEAPONS: &str = "After independence Kazakhstan gave up some 1,400 nuclear weapons.";
    const DEPORTATION: &str =
        "In 1937, about 172,000 ethnic Koreans were deported from the Far East to Kazakhstan.";
    const DIASPORA: &str = "Today more than 100,000 ethnic Koreans live in Kazakhstan.";
    const RELATIONS: &str =
        "The two countries established diplomatic relations in May 1992, 30 years ago.";
    const SUMMIT: &str = "Tokayev and Moon met in Seoul on Aug. 17, 2021.";

    // Korean: carried.

    #[test]
    fn korean_eok_and_man_carry_billions() {
        let ko = "한국과 카자흐스탄의 교역액은 2017년 15억3000만 달러에서 \
                  2019년 42억2000만 달러로 늘었다.";
        assert_eq!(flag(TRADE, ko, "ko"), Vec::<String>::new());
    }

    #[test]
    fn korean_space_inside_a_number_is_allowed() {
        let ko = "교역액은 2017년 15억 3000만 달러에서 2019년 42억 2000만 달러로 늘었다.";
        assert!(flag(TRADE, ko, "ko").is_empty());
        let ko = "교역액은 2017년 15억\u{a0}3000만 달러에서 2019년 42억\u{a0}2000만 달러로 늘었다.";
        assert!(flag(TRADE, ko, "ko-KR").is_empty());
    }

    #[test]
    fn korean_percent_and_billions_of_2020_are_carried() {
        let ko = "2020년 교역액은 코로나19 여파로 26.8% 줄어든 30억9000만 달러였다.";
        assert!(flag(TRADE_2020, ko, "ko").is_empty());
    }

    #[test]
    fn korean_man_carries_millions_and_eok_billions() {
        let ko = "공장에 대한 한국의 투자는 700만 달러에서 7400만 달러로 늘었고, \
                  카자흐스탄에 대한 한국의 총투자액은 60억 달러가 넘는다.";
        assert!(flag(INVESTMENT, ko, "ko").is_empty());
        assert!(flag("It costs $50 million.", "5000만 달러가 든다.", "ko").is_empty());
    }

    #[test]
    fn korean_thousands_in_every_spelling_are_carried() {
        for ko in [
            "독립 후 카자흐스탄은 1400여 개의 핵무기를 포기했다.",
            "독립 후 카자흐스탄은 1,400개의 핵무기를 포기했다.",
            "독립 후 카자흐스탄은 1천400개의 핵무기를 포기했다.",
        ] {
            assert!(flag(WEAPONS, ko, "ko").is_empty(), "{ko}");
        }
    }

    #[test]
    fn korean_man_compounds_carry_hundred_thousands() {
        for ko in [
            "1937년 고려인 약 17만2000여 명이 극동에서 카자흐스탄으로 강제 이주됐다.",
            "1937년 고려인 약 17만 2천 명이 극동에서 카자흐스탄으로 강제 이주됐다.",
            "1937년 고려인 약 17만 2000명이 극동에서 카자흐스탄으로 강제 이주됐다.",
            "1937년 고려인 약 172,000명이 극동에서 카자흐스탄으로 강제 이주됐다.",
        ] {
            assert!(flag(DEPORTATION, ko, "ko").is_empty(), "{ko}");
        }
        let ko = "현재 카자흐스탄에는 10만 명이 넘는 고려인이 살고 있다.";
        assert!(flag(DIASPORA, ko, "ko").is_empty());
    }

    #[test]
    fn korean_years_with_suffixes_are_carried() {
        let ko = "양국은 30년 전인 1992년 5월 외교 관계를 수립했다.";
        assert!(flag(RELATIONS, ko, "ko").is_empty());
        assert!(flag("Trade grew in 2019.", "2019년 교역이 늘었다.", "ko").is_empty());
    }

    #[test]
    fn korean_decimal_with_a_unit_is_carried() {
        let ko = "교역액은 2019년 42.2억 달러, 2017년 15.3억 달러였다.";
        assert!(flag(TRADE, ko, "ko").is_empty());
    }

    #[test]
    fn korean_date_and_markdown_are_carried() {
        let ko = "토카예프 대통령과 문 대통령은 2021년 8월 17일 서울에서 만났다.";
        assert!(flag(SUMMIT, ko, "ko").is_empty());
        let en = "Trade reached **$4.22 billion** in *2019*.";
        let ko = "*2019년* 교역액은 **42억2000만 달러**에 달했다.";
        assert!(flag(en, ko, "ko").is_empty());
    }

    // Korean: flagged.

    #[test]
    fn korean_stale_translation_of_a_corrected_figure_is_flagged() {
        let en = "Trade between the two countries reached $4.25 billion in 2019.";
        let ko = "2019년 양국 교역액은 42억2000만 달러에 달했다.";
        assert_eq!(flag(en, ko, "ko"), ["$4.25 billion"]);
    }

    #[test]
    fn korean_dropped_number_is_flagged() {
        let ko = "공장에 대한 한국의 투자는 700만 달러에서 크게 늘었고, \
                  총투자액은 60억 달러가 넘는다.";
        assert_eq!(flag(INVESTMENT, ko, "ko"), ["$74 million"]);
    }

    #[test]
    fn korean_wrong_unit_is_flagged() {
        let ko = "카자흐스탄에 대한 한국의 총투자액은 6억 달러가 넘는다. 700만, 7400만";
        assert_eq!(flag(INVESTMENT, ko, "ko"), ["$6 billion"]);
    }

    #[test]
    fn korean_wrong_year_and_count_are_flagged() {
        let ko = "1938년 고려인 약 17만 명이 강제 이주됐다.";
        assert_eq!(flag(DEPORTATION, ko, "ko"), ["1937", "172,000"]);
    }

    #[test]
    fn korean_changed_percentage_is_flagged() {
        let ko = "2020년 교역액은 28.6% 줄어든 30억9000만 달러였다.";
        assert_eq!(flag(TRADE_2020, ko, "ko"), ["26.8%"]);
    }

    #[test]
    fn korean_name_without_its_digits_is_flagged() {
        let en = "The leaders agreed to cooperate on 5G networks and COVID-19 vaccines.";
        assert!(flag(
            en,
            "정상들은 5G 네트워크와 코로나19 백신 협력에 합의했다.",
            "ko"
        )
        .is_empty());
        let ko = "정상들은 차세대 이동통신과 코로나19 백신 협력에 합의했다.";
        assert_eq!(flag(en, ko, "ko"), ["5G"]);
    }

    // Russian: carried.

    #[test]
    fn russian_decimal_comma_and_mlrd_carry_billions() {
        let ru = "Товарооборот между Казахстаном и Южной Кореей достиг 4,22 млрд долларов \
                  в 2019 году по сравнению с 1,53 млрд долларов в 2017 году.";
        assert!(flag(TRADE, ru, "ru").is_empty());
        let ru = "В 2020 году на фоне пандемии товарооборот снизился на 26,8% \
                  до 3,09 миллиарда долларов.";
        assert!(flag(TRADE_2020, ru, "ru").is_empty());
    }

    #[test]
    fn russian_space_separated_thousands_are_carried() {
        for ru in [
            "После обретения независимости Казахстан отказался от 1 400 единиц ядерного оружия.",
            "После обретения независимости Казахстан отказался от 1\u{a0}400 единиц ядерного оружия.",
            "После обретения независимости Казахстан отказался от 1\u{202f}400 единиц ядерного оружия.",
            "После обретения независимости Казахстан отказался от 1400 единиц ядерного оружия.",
            "После обретения независимости Казахстан отказался от 1,4 тыс. единиц ядерного оружия.",
        ] {
            assert!(flag(WEAPONS, ru, "ru").is_empty(), "{ru}");
        }
        let ru = "В 1937 году около 172\u{a0}000 корейцев были депортированы с Дальнего Востока.";
        assert!(flag(DEPORTATION, ru, "ru").is_empty());
    }

    #[test]
    fn russian_thousand_words_are_carried() {
        let ru = "В 1937 году около 172 тысяч корейцев были депортированы в Казахстан.";
        assert!(flag(DEPORTATION, ru, "ru").is_empty());
        let ru = "Сегодня в Казахстане живут более 100 тысяч этнических корейцев.";
        assert!(flag(DIASPORA, ru, "ru").is_empty());
    }

    #[test]
    fn russian_millions_and_billions_are_carried() {
        let ru = "Корейские инвестиции в завод выросли с $7 млн до $74 млн, а общий объем \
                  корейских инвестиций в Казахстан превышает 6 млрд долларов.";
        assert!(flag(INVESTMENT, ru, "ru").is_empty());
    }

    #[test]
    fn russian_years_dates_and_percentages_are_carried() {
        let ru = "Дипломатические отношения были установлены в мае 1992 года, 30 лет назад.";
        assert!(flag(RELATIONS, ru, "ru").is_empty());
        assert!(flag(
            SUMMIT,
            "Токаев и Мун встретились в Сеуле 17 августа 2021 года.",
            "ru"
        )
        .is_empty());
        assert!(flag(SUMMIT, "Встреча состоялась 17.08.2021 в Сеуле.", "ru").is_empty());
        assert!(flag(
            "Exports rose 27 percent.",
            "Экспорт вырос на 27 процентов.",
            "ru"
        )
        .is_empty());
        assert!(flag(
            "Trade grew in 2019.",
            "Товарооборот вырос в 2019 году.",
            "ru"
        )
        .is_empty());
    }

    #[test]
    fn russian_compound_magnitudes_and_short_decades_are_carried() {
        let ru = "Товарооборот достиг 4 млрд 220 млн долларов в 2019 году и 1 миллиарда \
                  530 миллионов долларов в 2017 году.";
        assert!(flag(TRADE, ru, "ru").is_empty());
        let en = "Investment peaked in the 1990s.";
        assert!(flag(en, "Пик инвестиций пришелся на 90-е годы.", "ru").is_empty());
        assert!(flag(en, "Инвестиции достигли пика в 1990-х.", "ru").is_empty());
        assert!(flag(en, "투자는 1990년대에 정점을 찍었다.", "ko").is_empty());
    }

    #[test]
    fn russian_markdown_around_numbers_is_ignored() {
        let en = "Trade reached **$4.22 billion** in **2019**.";
        let ru = "В **2019 году** товарооборот достиг **4,22 млрд долларов**.";
        assert!(flag(en, ru, "ru").is_empty());
    }

    // Russian: flagged.

    #[test]
    fn russian_stale_translation_of_a_corrected_figure_is_flagged() {
        let en = "Trade between the two countries reached $4.25 billion in 2019.";
        let ru = "В 2019 году товарооборот между двумя странами достиг 4,22 млрд долларов.";
        assert_eq!(flag(en, ru, "ru"), ["$4.25 billion"]);
    }

    #[test]
    fn russian_comma_is_a_decimal_comma() {
        let ru = "После обретения независимости Казахстан отказался от 1,4 единиц ядерного оружия.";
        assert_eq!(flag(WEAPONS, ru, "ru"), ["1,400"]);
        let ru =
            "После обретения независимости Казахстан отказался от 1,400 единиц ядерного оружия.";
        assert_eq!(flag(WEAPONS, ru, "ru"), ["1,400"]);
    }

    #[test]
    fn russian_dropped_number_is_flagged() {
        let ru = "Корейские инвестиции в завод выросли с $7 млн, а общий объем корейских \
                  инвестиций в Казахстан превышает 6 млрд долларов.";
        assert_eq!(flag(INVESTMENT, ru, "ru"), ["$74 million"]);
    }

    #[test]
    fn russian_wrong_magnitude_is_flagged() {
        let ru = "Корейские инвестиции в завод выросли с 7 млрд до 74 млн долларов, а общий объем \
                  превышает 6 млрд долларов.";
        assert_eq!(flag(INVESTMENT, ru, "ru"), ["$7 million"]);
    }

    #[test]
    fn russian_wrong_percentage_and_year_are_flagged() {
        let ru = "В 2021 году на фоне пандемии товарооборот снизился на 26,3% \
                  до 3,09 млрд долларов.";
        assert_eq!(flag(TRADE_2020, ru, "ru"), ["26.8%", "2020"]);
    }

    // Kazakh: carried.

    #[test]
    fn kazakh_mlrd_carries_billions() {
        let kk = "Қазақстан мен Оңтүстік Корея арасындағы тауар айналымы 2017 жылғы \
                  1,53 млрд доллардан 2019 жылы 4,22 млрд долларға жетті.";
        assert!(flag(TRADE, kk, "kk").is_empty());
        let kk = "2020 жылы пандемия салдарынан тауар айналымы 26,8 пайызға азайып, \
                  3,09 млрд доллар болды.";
        assert!(flag(TRADE_2020, kk, "kk").is_empty());
    }

    #[test]
    fn kazakh_myn_carries_thousands() {
        let kk = "1937 жылы 172 мыңға жуық кәріс Қиыр Шығыстан Қазақстанға жер аударылды.";
        assert!(flag(DEPORTATION, kk, "kk").is_empty());
        let kk = "Бүгінде Қазақстанда 100 мыңнан астам этникалық кәріс тұрады.";
        assert!(flag(DIASPORA, kk, "kk").is_empty());
    }

    #[test]
    fn kazakh_space_separated_thousands_are_carried() {
        let kk = "Тәуелсіздік алғаннан кейін Қазақстан 1\u{a0}400 ядролық қарудан бас тартты.";
        assert!(flag(WEAPONS, kk, "kk").is_empty());
        let kk = "1937 жылы 172 000-ға жуық кәріс Қазақстанға жер аударылды.";
        assert!(flag(DEPORTATION, kk, "kk").is_empty());
    }

    #[test]
    fn kazakh_years_and_dates_are_carried() {
        let kk = "Екі ел 30 жыл бұрын, 1992 жылдың мамырында дипломатиялық қатынас орнатты.";
        assert!(flag(RELATIONS, kk, "kk").is_empty());
        let kk = "Тоқаев пен Мун 2021 жылғы 17 тамызда Сеулде кездесті.";
        assert!(flag(SUMMIT, kk, "kk").is_empty());
        assert!(flag(
            "Trade grew in 2019.",
            "2019 жылы тауар айналымы өсті.",
            "kk"
        )
        .is_empty());
        let en = "At the 2021 Kazakhstan–Korea summit, trade of **$4.22 billion** in **2019** \
                  was cited.";
        let kk = "2021 жылғы Қазақстан–Корея саммитінде **2019** жылғы **4,22 млрд доллар** \
                  тауар айналымы аталды.";
        assert!(flag(en, kk, "kk").is_empty());
    }

    #[test]
    fn kazakh_millions_and_billions_are_carried() {
        let kk = "Зауытқа салынған корей инвестициясы 7 млн доллардан 74 млн долларға дейін \
                  өсті, ал Қазақстанға салынған корей инвестициясының жалпы көлемі \
                  6 миллиард доллардан асады.";
        assert!(flag(INVESTMENT, kk, "kk-KZ").is_empty());
    }

    // Kazakh: flagged.

    #[test]
    fn kazakh_stale_translation_of_a_corrected_figure_is_flagged() {
        let en = "Trade between the two countries reached $4.25 billion in 2019.";
        let kk = "2019 жылы екі ел арасындағы тауар айналымы 4,22 млрд долларға жетті.";
        assert_eq!(flag(en, kk, "kk"), ["$4.25 billion"]);
    }

    #[test]
    fn kazakh_dropped_number_is_flagged() {
        let kk = "Зауытқа салынған корей инвестициясы 7 млн доллардан айтарлықтай өсті, \
                  ал жалпы көлемі 6 млрд доллардан асады.";
        assert_eq!(flag(INVESTMENT, kk, "kk"), ["$74 million"]);
    }

    #[test]
    fn kazakh_swapped_digits_are_flagged() {
        let kk = "1937 жылы 127 мыңға жуық кәріс Қазақстанға жер аударылды.";
        assert_eq!(flag(DEPORTATION, kk, "kk"), ["172,000"]);
    }

    #[test]
    fn kazakh_comma_is_a_decimal_comma() {
        let kk = "Тәуелсіздік алғаннан кейін Қазақстан 1,4 ядролық қарудан бас тартты.";
        assert_eq!(flag(WEAPONS, kk, "kk"), ["1,400"]);
        let kk = "Тәуелсіздік алғаннан кейін Қазақстан 1,4 мың ядролық қарудан бас тартты.";
        assert!(flag(WEAPONS, kk, "kk").is_empty());
    }

    #[test]
    fn kazakh_millions_for_billions_are_flagged() {
        let kk = "Корей инвестициясы 7 млн доллардан 74 млн долларға дейін өсті, \
                  жалпы көлемі 6 млн доллардан асады.";
        assert_eq!(flag(INVESTMENT, kk, "kk"), ["$6 billion"]);
    }

    #[test]
    fn kazakh_wrong_percentage_is_flagged() {
        let kk = "2020 жылы тауар айналымы 28 пайызға азайып, 3,09 млрд доллар болды.";
        assert_eq!(flag(TRADE_2020, kk, "kk"), ["26.8%"]);
    }

    // The choices the brief left open.

    #[test]
    fn abbreviated_range_end_is_carried_by_either_spelling() {
        let en = "Korea was under Japanese rule in 1910-45, and the first Koreans reached \
                  Kazakhstan by 1920.";
        let ko = "한국은 1910~1945년 일제 치하에 있었고, 첫 고려인은 1920년 카자흐스탄에 왔다.";
        assert!(flag(en, ko, "ko").is_empty());
        let ko = "한국은 1910~45년 일제 치하에 있었고, 첫 고려인은 1920년 카자흐스탄에 왔다.";
        assert!(flag(en, ko, "ko").is_empty());
        let ru = "Корея находилась под властью Японии в 1910–1920 годах.";
        assert_eq!(flag(en, ru, "ru"), ["45"]);
    }

    #[test]
    fn shared_magnitude_counts_for_both_ends_of_a_range() {
        let en = "Investment could reach $4-5 billion by 2030.";
        assert!(flag(
            en,
            "투자액은 2030년까지 40억~50억 달러에 이를 수 있다.",
            "ko"
        )
        .is_empty());
        assert_eq!(
            flag(en, "투자액은 2030년까지 4~5억 달러에 이를 수 있다.", "ko"),
            ["5 billion"]
        );
        let ru = "К 2030 году инвестиции могут достичь 4–5 млрд долларов.";
        assert!(flag(en, ru, "ru").is_empty());
        let en = "Investment could reach 4 to 5 billion dollars.";
        assert!(flag(
            en,
            "Инвестиции могут достичь от 4 до 5 млрд долларов.",
            "ru"
        )
        .is_empty());
    }

    #[test]
    fn names_are_reported_whole_and_checked_by_their_digits() {
        let en = "The G20 summit discussed COVID-19 and 5G.";
        let missing = missing_numbers(
            en,
            "На саммите «Большой двадцатки» обсудили COVID-19 и 5G.",
            "ru",
        );
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].source, "G20");
        assert_eq!(missing[0].range, 4..7);
        assert_eq!(
            flag(en, "Саммит обсудил 5G, а не пандемию.", "ru"),
            ["G20", "COVID-19"]
        );
    }

    #[test]
    fn number_written_twice_needs_one_occurrence_and_is_reported_at_each() {
        let en = "Korea invested $50 million in 2019 and another $50 million in 2020.";
        let ko = "한국은 2019년과 2020년에 5000만 달러를 투자했다.";
        assert!(flag(en, ko, "ko").is_empty());
        let missing = missing_numbers(en, "한국은 2019년과 2020년에 투자했다.", "ko");
        let ranges: Vec<_> = missing.iter().map(|m| m.range.clone()).collect();
        assert_eq!(ranges, [15..26, 47..58]);
        assert!(missing.iter().all(|m| m.source == "$50 million"));
    }

    #[test]
    fn ordinals_plurals_and_leading_points_are_numbers() {
        let en = "On the 30th anniversary, in the 1990s style, rates rose .5 percent.";
        assert!(flag(
            en,
            "30주년을 맞아 1990년대 방식으로 금리가 0.5% 올랐다.",
            "ko"
        )
        .is_empty());
        assert!(flag(
            en,
            "К 30-летию, в стиле 1990-х, ставки выросли на 0,5%.",
            "ru"
        )
        .is_empty());
        assert_eq!(
            flag(
                en,
                "К 30-летию, в стиле 1990-х, ставки выросли на 5%.",
                "ru"
            ),
            [".5"]
        );
    }

    #[test]
    fn words_for_numbers_are_not_required() {
        assert!(flag(
            "The two leaders met thirty times.",
            "Лидеры встретились.",
            "ru"
        )
        .is_empty());
        assert!(flag("", "", "ko").is_empty());
        let en = "By 1943, Korean collective farms in Kazakhstan were setting harvest records.";
        let kk = "1934 жылға қарай Қазақстандағы кәріс ұжымшарлары рекордтық өнім жинады.";
        assert_eq!(flag(en, kk, "kk"), ["1943"]);
    }

    #[test]
    fn currency_prefixes_and_glued_magnitudes_belong_to_the_number() {
        let en = "Samsung pledged US$1.53bn, up from $7m.";
        let missing = missing_numbers(en, "", "ru");
        let sources: Vec<_> = missing.iter().map(|m| m.source.as_str()).collect();
        assert_eq!(sources, ["US$1.53bn", "$7m"]);
        assert!(flag(
            en,
            "Samsung пообещала 1,53 млрд долларов вместо 7 млн.",
            "ru"
        )
        .is_empty());
    }

    #[test]
    fn korean_article_prefix_is_not_a_unit() {
        let en = "Article 5 of the treaty was signed in 1992.";
        assert!(flag(en, "조약 제5조는 1992년에 서명됐다.", "ko").is_empty());
    }

    #[test]
    fn other_locales_use_universal_rules() {
        let en = "Trade reached $4.22 billion in 2019, and 1,400 firms took part.";
        let de = "Der Handel erreichte 2019 4,22 Mrd. Dollar, und 1.400 Firmen nahmen teil.";
        assert!(flag(en, de, "de").is_empty());
        assert!(flag(en, "Trade: $4.22 billion in 2019, 1,400 firms.", "en-GB").is_empty());
        let de = "Der Handel erreichte 2019 4,25 Mrd. Dollar, und 1.400 Firmen nahmen teil.";
        assert_eq!(flag(en, de, "de"), ["$4.22 billion"]);
    }

    // Second readings: numbers without digits, day-month dates, ends of ranges of years.

    #[test]
    fn russian_and_kazakh_roman_numerals_carry_centuries_and_congresses() {
        let en = "In the 19th century, Korean migrants began settling in the Russian Far East.";
        let ru = "В XIX веке корейские переселенцы начали селиться на Дальнем Востоке России.";
        assert!(flag(en, ru, "ru").is_empty());
        // Cyrillic Х and І, as Kazakh keyboards type them.
        let kk = "\u{425}\u{406}\u{425} ғасырда кәріс қоныс аударушылар Ресейдің Қиыр Шығысына \
                  қоныстана бастады.";
        assert!(flag(en, kk, "kk").is_empty());
        let kk = "XIX ғасырдың соңында кәрістер Қиыр Шығысқа қоныстана бастады.";
        assert!(flag(en, kk, "kk").is_empty());
        let en = "Khrushchev denounced Stalin at the 20th Party Congress in 1956.";
        let ru = "Хрущёв осудил Сталина на XX съезде партии в 1956 году.";
        assert!(flag(en, ru, "ru").is_empty());
        let en = "The 8th convocation of the Mazhilis opened in 2023.";
        let kk = "Мәжілістің VIII шақырылымы 2023 жылы ашылды.";
        assert!(flag(en, kk, "kk").is_empty());
    }

    #[test]
    fn russian_and_kazakh_roman_numerals_carry_quarters() {
        let en = "Exports to Korea rose 12% in Q3.";
        assert!(flag(en, "В III квартале экспорт в Корею вырос на 12%.", "ru").is_empty());
        assert!(flag(en, "III тоқсанда Кореяға экспорт 12 пайызға өсті.", "kk").is_empty());
        let en = "Q1 output fell 3% as the plant shut for repairs.";
        let ru = "В I квартале выпуск снизился на 3% из-за ремонта завода.";
        assert!(flag(en, ru, "ru").is_empty());
        let kk = "І тоқсанда зауыт жөндеуге тоқтағандықтан өндіріс 3 пайызға азайды.";
        assert!(flag(en, kk, "kk").is_empty());
    }

    #[test]
    fn roman_numerals_with_another_value_or_elsewhere_are_flagged() {
        let en = "In the 19th century, Korean migrants began settling in the Far East.";
        let ru = "В XVIII веке корейские переселенцы начали селиться на Дальнем Востоке.";
        assert_eq!(flag(en, ru, "ru"), ["19th"]);
        // Not read in Korean.
        assert_eq!(
            flag(en, "XIX세기에 고려인들이 극동에 정착하기 시작했다.", "ko"),
            ["19th"]
        );
        // A letter alone is a numeral only before a word numbered so.
        let en = "Highway 10 to Almaty reopened on Monday.";
        let ru = "Трасса X до Алматы вновь открылась в понедельник.";
        assert_eq!(flag(en, ru, "ru"), ["10"]);
        // Capitals that are not written the usual way are a name: IIII, LLC, IVI.
        let en = "The 4 partners of the 1,050-member LLC met the IVI board.";
        let ru = "Партнеры IIII компании LLC из 1050 членов встретились с советом IVI.";
        assert_eq!(flag(en, ru, "ru"), ["4"]);
    }

    #[test]
    fn roman_numerals_are_read_only_in_their_usual_form() {
        let read = |s: &str| parse_roman(s.as_bytes());
        assert_eq!(read("XIX"), Some(19));
        assert_eq!(read("XX"), Some(20));
        assert_eq!(read("XC"), Some(90));
        assert_eq!(read("XLIV"), Some(44));
        assert_eq!(read("CCCXCIX"), Some(399));
        assert_eq!(read("IIII"), None);
        assert_eq!(read("IIX"), None);
        assert_eq!(read("VX"), None);
        assert_eq!(read("LL"), None);
        assert_eq!(read("CCCC"), None);
        assert_eq!(read(""), None);
    }

    #[test]
    fn season_with_a_slash_is_carried_in_every_spelling() {
        let en = "Kairat won the Kazakhstan Premier League in the 2020/21 season.";
        for (ru, locale) in [
            (
                "«Кайрат» выиграл Премьер-лигу Казахстана в сезоне 2020/2021.",
                "ru",
            ),
            (
                "«Кайрат» выиграл Премьер-лигу Казахстана в сезоне 2020/21.",
                "ru",
            ),
            (
                "«Кайрат» выиграл Премьер-лигу Казахстана в сезоне 2020–2021.",
                "ru",
            ),
            (
                "«Қайрат» 2020/2021 маусымында Қазақстан Премьер-лигасын жеңіп алды.",
                "kk",
            ),
            (
                "카이라트는 2020/2021 시즌 카자흐스탄 프리미어리그에서 우승했다.",
                "ko",
            ),
            (
                "카이라트는 2020/21 시즌 카자흐스탄 프리미어리그에서 우승했다.",
                "ko",
            ),
        ] {
            assert!(flag(en, ru, locale).is_empty(), "{ru}");
        }
        let ru = "«Кайрат» выиграл Премьер-лигу Казахстана в сезоне 2022/2023.";
        assert_eq!(flag(en, ru, "ru"), ["2020", "21"]);
        let ru = "«Кайрат» выиграл Премьер-лигу Казахстана в сезоне 2019/2020.";
        assert_eq!(flag(en, ru, "ru"), ["21"]);
    }

    #[test]
    fn short_end_of_a_range_of_years_in_a_translation_is_carried() {
        let en = "The budget for the 2023/2024 fiscal year was cut by 5%.";
        let ru = "Бюджет на 2023/24 финансовый год сокращен на 5%.";
        assert!(flag(en, ru, "ru").is_empty());
        assert!(flag(en, "2023/24 회계연도 예산이 5% 삭감됐다.", "ko").is_empty());
        let ru = "Бюджет на 2023/25 финансовый год сокращен на 5%.";
        assert_eq!(flag(en, ru, "ru"), ["2024"]);
    }

    #[test]
    fn russian_and_kazakh_day_month_dates_are_carried() {
        let en = "Tokayev and Moon met on Aug. 17.";
        assert!(flag(en, "Встреча Токаева и Муна прошла 17.08.", "ru").is_empty());
        assert!(flag(en, "Тоқаев пен Мунның кездесуі 17.08. өтті.", "kk").is_empty());
        let en = "The new visa rules take effect Sept. 1.";
        let ru = "Новые визовые правила вступают в силу с 01.09.";
        assert!(flag(en, ru, "ru").is_empty());
        let kk = "Жаңа визалық ережелер 1.09 бастап күшіне енеді.";
        assert!(flag(en, kk, "kk").is_empty());
    }

    #[test]
    fn korean_month_day_dates_are_carried() {
        let en = "The Aug. 15 Liberation Day ceremony was held in Almaty.";
        assert!(flag(en, "알마티에서 8.15 광복절 기념식이 열렸다.", "ko").is_empty());
        // Korean puts the month first: 17.08 is no date there.
        let en = "Tokayev and Moon met on Aug. 17.";
        assert_eq!(
            flag(en, "토카예프와 문 대통령은 17.08에 만났다.", "ko"),
            ["17"]
        );
    }

    #[test]
    fn decimals_that_make_no_date_are_not_split() {
        let en = "Shares rose 12 percent in August.";
        assert_eq!(flag(en, "В августе акции выросли на 12.08%.", "ru"), ["12"]);
        assert_eq!(
            flag(en, "В августе акции выросли на 12.08 %.", "ru"),
            ["12"]
        );
        let en = "Tokayev and Moon met on Aug. 17.";
        assert_eq!(flag(en, "Встреча прошла 18.08.", "ru"), ["17"]);
        // Day 35 is no day; 17.13 has no month 13.
        let en = "Output reached 35 tons, then 17 tons.";
        assert_eq!(
            flag(en, "Выпуск достиг 35.08 тонны, затем 17.13 тонны.", "ru"),
            ["35", "17"]
        );
        let en = "It cost $4 million.";
        assert_eq!(
            flag(en, "Это стоило 4.05 млн долларов.", "ru"),
            ["$4 million"]
        );
    }

    #[test]
    fn russian_and_kazakh_magnitude_words_alone_are_carried() {
        let en = "Korean investment in Kazakhstan exceeded $1 billion last year.";
        let ru = "В прошлом году корейские инвестиции в Казахстан превысили миллиард долларов.";
        assert!(flag(en, ru, "ru").is_empty());
        let kk = "Өткен жылы Қазақстанға салынған корей инвестициясы миллиард доллардан асты.";
        assert!(flag(en, kk, "kk").is_empty());
        let en = "More than 1,000 people attended the forum in Astana.";
        let ru = "В форуме в Астане приняли участие более тысячи человек.";
        assert!(flag(en, ru, "ru").is_empty());
        let kk = "Астанадағы форумға мыңнан астам адам қатысты.";
        assert!(flag(en, kk, "kk").is_empty());
        let en = "About 1 million tourists visited Almaty.";
        let ru = "Алматы посетили около миллиона туристов.";
        assert!(flag(en, ru, "ru").is_empty());
    }

    #[test]
    fn cyrillic_words_that_only_start_like_magnitudes_are_not_numbers() {
        let en = "Korean investment exceeded $1 billion, a tycoon said.";
        let ru = "Корейские инвестиции превысили ожидания, заявил миллиардер.";
        assert_eq!(flag(en, ru, "ru"), ["$1 billion"]);
        let en = "More than 1,000 people marked the new millennium.";
        let ru = "Более ста человек отметили новое тысячелетие.";
        assert_eq!(flag(en, ru, "ru"), ["1,000"]);
        // Half a million is not a million.
        let en = "About 1 million tourists visited Almaty.";
        let ru = "Алматы посетили около полмиллиона туристов.";
        assert_eq!(flag(en, ru, "ru"), ["1 million"]);
        // Kazakh тыс is "outside", not тыс. (thousand).
        let en = "About 1,000 Kazakhs live abroad.";
        let kk = "Елден тыс жерлерде қазақтар тұрады.";
        assert_eq!(flag(en, kk, "kk"), ["1,000"]);
    }

    #[test]
    fn korean_units_alone_before_a_counter_are_carried() {
        let en = "The film drew 10 million viewers in Korea.";
        assert!(flag(en, "이 영화는 한국에서 천만 관객을 동원했다.", "ko").is_empty());
        let en = "More than 10,000 people gathered in Seoul.";
        assert!(flag(en, "서울에 만 명이 넘는 사람들이 모였다.", "ko").is_empty());
        assert!(flag(en, "서울에 만여 명이 모였다.", "ko").is_empty());
        let en = "The fund raised $1 million for the Koryo-saram.";
        assert!(flag(en, "기금은 고려인을 위해 백만 달러를 모았다.", "ko").is_empty());
        let en = "Some 1,000 households received aid.";
        assert!(flag(en, "약 천 가구가 지원을 받았다.", "ko").is_empty());
    }

    #[test]
    fn korean_units_that_are_words_are_not_numbers() {
        let en = "Exports of 10,000 tons resumed after 3 years.";
        for ko in [
            "3년 만에 수출이 재개됐다.",
            "만에 하나 협상이 결렬되면 3년 뒤 수출이 줄어든다.",
            "수출은 작년만큼 늘었고 3년 만에 재개됐다.",
            "3년 만 이 수출이 재개됐다.",
        ] {
            assert_eq!(flag(en, ko, "ko"), ["10,000"], "{ko}");
        }
        let en = "Gas exports rose to 1,000 tons, Minister Cheon said.";
        assert_eq!(
            flag(en, "천연가스 수출이 늘었다고 천 장관이 말했다.", "ko"),
            ["1,000"]
        );
        let en = "Joe Biden pledged $1 trillion, Director Cho said.";
        assert_eq!(
            flag(en, "조 바이든이 지원을 약속했다고 조 원장이 말했다.", "ko"),
            ["$1 trillion"]
        );
        // Digits before a unit are read as before: 3 만 is no 10,000.
        let en = "About 10,000 people came.";
        assert_eq!(flag(en, "약 3 만 명이 왔다.", "ko"), ["10,000"]);
    }

    #[test]
    fn second_readings_never_panic_on_random_input() {
        const PIECES: [&str; 32] = [
            "1",
            "17",
            "08",
            "2020",
            "21",
            ".",
            "/",
            "–",
            " ",
            "\u{a0}",
            "%",
            "XIX",
            "X",
            "I",
            "\u{425}",
            "\u{406}",
            "C",
            "L",
            "век",
            "квартал",
            "миллиард",
            "тысяч",
            "мың",
            "ер",
            "만",
            "천",
            "명",
            "원",
            "이",
            "관객",
            "여",
            "조",
        ];
        let mut state = 0x853c_49e6_748f_ea9b;
        for round in 0..3000 {
            let mut text = String::new();
            for _ in 0..round % 30 {
                let i = usize::try_from(draw_random(&mut state) % 32).unwrap_or_default();
                text.push_str(PIECES.get(i).copied().unwrap_or_default());
            }
            for locale in [Locale::Korean, Locale::Cyrillic] {
                scan_second_readings(&text, locale, &mut |v| assert!(v.is_finite()));
            }
            let source = "In 1900, Q3 of 2020/21: 10,000 of $1 billion on Aug. 17.";
            for locale in ["ko", "kk", "ru"] {
                for m in missing_numbers(source, &text, locale) {
                    assert_eq!(source.get(m.range.clone()), Some(m.source.as_str()));
                }
            }
        }
    }

    /// A deterministic xorshift generator for the property tests.
    fn draw_random(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    /// Builds a random text from pieces numbers are made of.
    fn build_random_text(state: &mut u64, pieces: usize) -> String {
        const PIECES: [&str; 32] = [
            "0", "1", "7", "9", "42", "2019", ",", ".", " ", "\u{a0}", "\u{202f}", "-", "–", "~",
            "$", "US$", "%", "*", "만", "억", "조", "천", "백", "여", "제", "млрд", "тыс", "мың",
            "billion", "bn", "G", "th",
        ];
        let mut text = String::new();
        for _ in 0..pieces {
            let i = usize::try_from(draw_random(state) % 32).unwrap_or_default();
            text.push_str(PIECES.get(i).copied().unwrap_or_default());
        }
        text
    }

    #[test]
    fn random_input_never_panics_and_ranges_slice_the_source() {
        let mut state = 0x9e37_79b9_7f4a_7c15;
        for round in 0..3000 {
            let source = build_random_text(&mut state, round % 40);
            let translation = build_random_text(&mut state, round % 50);
            for locale in ["ko", "kk", "ru", "en", "de", ""] {
                for m in missing_numbers(&source, &translation, locale) {
                    assert_eq!(source.get(m.range.clone()), Some(m.source.as_str()));
                }
            }
        }
    }

    #[test]
    fn english_text_carries_its_own_numbers() {
        let mut state = 0x2545_f491_4f6c_dd1d;
        for round in 0..3000 {
            let text = build_random_text(&mut state, round % 40);
            assert!(missing_numbers(&text, &text, "en").is_empty(), "{text:?}");
        }
        for text in [
            TRADE,
            TRADE_2020,
            INVESTMENT,
            WEAPONS,
            DEPORTATION,
            DIASPORA,
            RELATIONS,
        ] {
            assert!(missing_numbers(text, text, "en").is_empty());
        }
    }

    #[test]
    fn scanners_read_values() {
        let read = |text: &str, locale: Locale| {
            let mut values = Vec::new();
            let mut collect = |n: Num| values.push(n.value);
            match locale {
                Locale::Korean => scan_korean(text, &mut collect),
                Locale::Cyrillic => scan_cyrillic(text, Convention::Cyrillic, &mut collect),
                _ => scan_english(text, &mut collect),
            }
            values
        };
        assert_eq!(read("2천5백만 명", Locale::Korean), [25_000_000.0]);
        assert_eq!(read("1억5천만", Locale::Korean), [150_000_000.0]);
        assert_eq!(read("2000여만 명", Locale::Korean), [20_000_000.0]);
        assert_eq!(read("1조 2000억 원", Locale::Korean), [1_200_000_000_000.0]);
        assert_eq!(read("1 400 000,5", Locale::Cyrillic), [1_400_000.5]);
        assert_eq!(read("17.08.2021", Locale::Cyrillic), [17.0, 8.0, 2021.0]);
        assert_eq!(read("2021-08-17", Locale::English), [2021.0, 8.0, 17.0]);
        assert_eq!(
            read("$7-million and 30-year", Locale::English),
            [7_000_000.0, 30.0]
        );
    }
}
