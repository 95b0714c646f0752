//! What a page says in its own language: language names, dates, the few words around the article,
//! and how sentences are joined.
//!
//! Only the project's four languages have their own forms; any other locale falls back to ISO
//! dates and English labels, which is still a correct page.

/// The primary language subtag of a locale code (`ko-KR` → `ko`).
pub fn language(locale: &str) -> &str {
    locale.split(['-', '_']).next().unwrap_or(locale)
}

/// The name of a language in that language, for the language switcher.
///
/// ```
/// assert_eq!(bitext::publish::locale::endonym("kk"), "Қазақша");
/// assert_eq!(bitext::publish::locale::endonym("fr-CA"), "fr-CA");
/// ```
pub fn endonym(locale: &str) -> &str {
    match language(locale) {
        "en" => "English",
        "ko" => "한국어",
        "kk" => "Қазақша",
        "ru" => "Русский",
        _ => locale,
    }
}

/// What goes between two sentences of one paragraph. Every language of the project writes a
/// space; Chinese and Japanese write none.
pub fn sentence_separator(locale: &str) -> &'static str {
    match language(locale) {
        "zh" | "ja" => "",
        _ => " ",
    }
}

/// The label of the language switcher (its `aria-label`).
pub fn languages_label(locale: &str) -> &'static str {
    match language(locale) {
        "ko" => "언어",
        "kk" => "Тілдер",
        "ru" => "Языки",
        _ => "Languages",
    }
}

/// The link back to the list of articles.
pub fn index_label(locale: &str) -> &'static str {
    match language(locale) {
        "ko" => "전체 기사",
        "kk" => "Барлық мақалалар",
        "ru" => "Все статьи",
        _ => "All articles",
    }
}

/// A calendar date, as the front matter gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Reads `2021-08-17` (a TOML date, or a string that starts with one).
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let (year, rest) = text.split_once('-')?;
        let (month, rest) = rest.split_once('-')?;
        let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let date = Date {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
            day: day.parse().ok()?,
        };
        ((1..=12).contains(&date.month) && (1..=31).contains(&date.day) && year.len() == 4)
            .then_some(date)
    }

    /// `2021-08-17`, for `<time datetime>`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date as a reader of `locale` writes it.
    ///
    /// ```
    /// use bitext::publish::locale::Date;
    /// let d = Date { year: 2021, month: 8, day: 17 };
    /// assert_eq!(d.format("en"), "August 17, 2021");
    /// assert_eq!(d.format("ko"), "2021년 8월 17일");
    /// assert_eq!(d.format("ru"), "17 августа 2021 г.");
    /// assert_eq!(d.format("kk"), "2021 жылғы 17 тамыз");
    /// ```
    pub fn format(self, locale: &str) -> String {
        let m = usize::from(self.month - 1);
        let Date { year, day, .. } = self;
        match language(locale) {
            "en" => format!("{} {day}, {year}", EN_MONTHS[m]),
            "ko" => format!("{year}년 {}월 {day}일", self.month),
            "ru" => format!("{day} {} {year} г.", RU_MONTHS_GENITIVE[m]),
            "kk" => format!("{year} жылғы {day} {}", KK_MONTHS[m]),
            _ => self.iso(),
        }
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const RU_MONTHS_GENITIVE: [&str; 12] = [
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
];

const KK_MONTHS: [&str; 12] = [
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_from_toml_dates_and_datetimes() {
        let d = Date::parse("2021-08-17T09:00:00Z").unwrap();
        assert_eq!(d.iso(), "2021-08-17");
        assert!(Date::parse("2021-13-01").is_none());
        assert!(Date::parse("yesterday").is_none());
    }

    #[test]
    fn unknown_locales_get_iso_dates() {
        let d = Date::parse("2021-01-02").unwrap();
        assert_eq!(d.format("fr"), "2021-01-02");
        assert_eq!(d.format("ru-RU"), "2 января 2021 г.");
    }
}
