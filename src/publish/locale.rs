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

/// The writing direction of a locale: `rtl` for the languages written right to left.
///
/// ```
/// assert_eq!(bitext::publish::locale::direction("he"), "rtl");
/// assert_eq!(bitext::publish::locale::direction("kk"), "ltr");
/// ```
pub fn direction(locale: &str) -> &'static str {
    match language(locale) {
        "ar" | "arc" | "ckb" | "dv" | "fa" | "he" | "iw" | "ks" | "ku" | "nqo" | "ps" | "sd"
        | "syr" | "ug" | "ur" | "yi" => "rtl",
        _ => "ltr",
    }
}

/// The locale as Open Graph writes it, `language_TERRITORY`: the locale's own region, else the
/// country where the language is mostly read.
///
/// ```
/// assert_eq!(bitext::publish::locale::og_locale("ko"), "ko_KR");
/// assert_eq!(bitext::publish::locale::og_locale("ru-KZ"), "ru_KZ");
/// assert_eq!(bitext::publish::locale::og_locale("xx"), "xx");
/// ```
pub fn og_locale(locale: &str) -> String {
    let id: unic_langid::LanguageIdentifier = locale.parse().unwrap_or_default();
    let lang = id.language.as_str();
    let region = id.region.map(|r| r.as_str().to_string()).or_else(|| {
        let region = match lang {
            "en" => "US",
            "ko" => "KR",
            "kk" => "KZ",
            "ru" => "RU",
            "uz" => "UZ",
            "ky" => "KG",
            "ja" => "JP",
            "zh" => "CN",
            "de" => "DE",
            "fr" => "FR",
            "es" => "ES",
            "ar" => "SA",
            "he" => "IL",
            _ => return None,
        };
        Some(region.to_string())
    });
    match region {
        Some(region) => format!("{lang}_{region}"),
        None => lang.to_string(),
    }
}

/// The words of a published site in one language, for the templates (`t` in every template).
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Labels {
    /// The label of the list of languages.
    pub languages: &'static str,
    /// The link to the language's front page from an article.
    pub home: &'static str,
    /// What the front page is called when the site has no name.
    pub news: &'static str,
    /// The heading of the front page's list.
    pub latest: &'static str,
    /// A front page with no article.
    pub no_articles: &'static str,
    /// The note on a sentence shown in the source language.
    pub untranslated: &'static str,
    /// The links between the pages of a front page, and their list.
    pub previous: &'static str,
    pub next: &'static str,
    pub pages: &'static str,
    /// `Page {n} of {total}`, with `{n}` and `{total}` to replace.
    pub page_of: &'static str,
    /// The link to the language's Atom feed.
    pub feed: &'static str,
    /// The invitation to read the site in this language, on the language chooser.
    pub read_in: &'static str,
}

/// The [`Labels`] of `locale`; English for a language the project has no words for.
pub fn labels(locale: &str) -> Labels {
    match language(locale) {
        "ko" => Labels {
            languages: "언어",
            home: "전체 기사",
            news: "뉴스",
            latest: "최신 기사",
            no_articles: "아직 기사가 없습니다.",
            untranslated: "아직 번역되지 않음",
            previous: "이전 페이지",
            next: "다음 페이지",
            pages: "페이지",
            page_of: "전체 {total}쪽 중 {n}쪽",
            feed: "Atom 피드",
            read_in: "한국어로 읽기",
        },
        "kk" => Labels {
            languages: "Тілдер",
            home: "Барлық мақалалар",
            news: "Жаңалықтар",
            latest: "Соңғы мақалалар",
            no_articles: "Әзірге мақала жоқ.",
            untranslated: "Әлі аударылмаған",
            previous: "Алдыңғы бет",
            next: "Келесі бет",
            pages: "Беттер",
            page_of: "{total} беттің {n}-беті",
            feed: "Atom арнасы",
            read_in: "Қазақ тілінде оқу",
        },
        "ru" => Labels {
            languages: "Языки",
            home: "Все статьи",
            news: "Новости",
            latest: "Последние статьи",
            no_articles: "Статей пока нет.",
            untranslated: "Ещё не переведено",
            previous: "Предыдущая страница",
            next: "Следующая страница",
            pages: "Страницы",
            page_of: "Страница {n} из {total}",
            feed: "Лента Atom",
            read_in: "Читать на русском",
        },
        _ => Labels {
            languages: "Languages",
            home: "All articles",
            news: "News",
            latest: "Latest articles",
            no_articles: "No articles yet.",
            untranslated: "Not yet translated",
            previous: "Previous page",
            next: "Next page",
            pages: "Pages",
            page_of: "Page {n} of {total}",
            feed: "Atom feed",
            // Said in the language itself, which the project has no words for.
            read_in: if language(locale) == "en" {
                "Read in English"
            } else {
                ""
            },
        },
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
