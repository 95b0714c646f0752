//! Word lists: abbreviations that take a period, and words that commonly open a sentence.
//!
//! Abbreviations are written without their final period; dotted ones keep their inner periods
//! (`U.S` for "U.S.", `т.е` for "т.е."). Lookups are exact; the caller also tries the form with a
//! lower-cased first letter, so `Etc.` and `См.` at the start of a sentence are found too.

/// How a period after an abbreviation behaves at a possible sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbreviation {
    /// Never ends a sentence: titles (`Mr.`), references (`p.`, `Fig.`), `e.g.`, `т.е.`, `пгт.`.
    Inner,
    /// Often ends a sentence and often does not (`Inc.`, `U.S.`, `г.`, `ж.`): ends one only
    /// before a common sentence starter such as "The" or "Однако".
    Ambiguous,
    /// Usually closes an enumeration or a degree (`etc.`, `и т.д.`, `т.б.`, `Ph.D.`): ends a
    /// sentence before any capitalised or caseless word.
    Final,
    /// Stands before a number (`No. 5`, `N°. 1026.253.553`): never ends a sentence before a
    /// number, and is an ordinary word otherwise ("he said no. The ministry…").
    Number,
    /// Follows a number: a time or an era (`10 a.m.`, `6 P.M.`, `753 B.C.`). Ends a sentence
    /// before a capitalised word that is not a day, a month or a time zone, unless all the
    /// sentence has said so far is when ("At 5 a.m. Mr. Smith went to the bank").
    Time,
    /// A unit after a number (`5 ft.`, `6 in.`, `2 lb.`); an ordinary word after anything else.
    Unit,
    /// A year after a number (`1898 г.`, `2021 ж.`): ambiguous, and a date that follows
    /// (`1898 г. В 1854 году…`) continues the sentence.
    Year,
}

/// English abbreviations (also used inside Korean, Russian and Kazakh text).
pub(super) fn lookup_english(token: &str) -> Option<Abbreviation> {
    use Abbreviation::{Ambiguous, Final, Inner, Number, Time, Unit};
    let kind = match token {
        // Titles and ranks: always followed by a name.
        "Mr" | "Mrs" | "Ms" | "Mx" | "Messrs" | "Mmes" | "Dr" | "Drs" | "Prof" | "Sen" | "Sens"
        | "Rep" | "Reps" | "Gov" | "Govs" | "Gen" | "Col" | "Lt" | "Sgt" | "Capt" | "Cmdr"
        | "Cdr" | "Adm" | "Maj" | "Cpl" | "Pvt" | "Brig" | "Rev" | "Hon" | "Pres" | "Supt"
        | "Insp" | "Det" | "Atty" | "Amb" | "Fr" | "Msgr" | "Mt" | "Ft" => Inner,
        // Followed by a number or a reference.
        "Vol" | "Vols" | "p" | "pp" | "Fig" | "Figs" | "Art" | "Sec" | "Ch" | "Eq" | "approx"
        | "incl" | "excl" | "vs" | "v" | "est" | "ca" | "cf" | "viz" | "e.g" | "i.e" | "a.k.a" => {
            Inner
        }
        "No" | "Nos" | "no" | "nos" | "N°" | "Nº" | "n°" | "nº" => Number,
        "a.m" | "p.m" | "A.M" | "P.M" | "B.C" | "A.D" | "C.E" | "B.C.E" => Time,
        "in" | "ft" | "yd" | "yds" | "mi" | "lb" | "lbs" | "oz" | "gal" | "qt" | "hr" | "hrs"
        | "min" | "mins" | "sec" | "secs" | "sq" | "cu" => Unit,
        // Company and name suffixes, places, months, U.S. states: may end a sentence.
        "Inc" | "Corp" | "Co" | "Cos" | "Ltd" | "Bros" | "Jr" | "Sr" | "Esq" | "St" | "Ave"
        | "Blvd" | "Rd" | "Dept" | "Univ" | "Assn" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun"
        | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "Ala" | "Ariz" | "Ark"
        | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill" | "Ind" | "Kan" | "Ky"
        | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss" | "Mo" | "Mont" | "Neb" | "Nev"
        | "Okla" | "Ore" | "Pa" | "Tenn" | "Va" | "Vt" | "Wash" | "Wis" | "Wyo" => Ambiguous,
        // Enumerations and degrees, which end a noun phrase.
        "etc" | "al" | "Ph.D" | "LL.B" | "LL.M" | "B.Sc" | "M.Sc" | "D.Phil" => Final,
        _ => return None,
    };
    Some(kind)
}

/// Russian abbreviations (also used inside Kazakh text).
pub(super) fn lookup_russian(token: &str) -> Option<Abbreviation> {
    use Abbreviation::{Ambiguous, Final, Inner, Year};
    let kind = match token {
        "т.е" | "т.к" | "т.н" | "т.ч" | "т.о" | "д" | "ул" | "пер" | "просп" | "пл" | "пос"
        | "пгт" | "дер" | "наб" | "мкр" | "корп" | "кв" | "стр" | "рис" | "табл" | "гл" | "ст"
        | "ср" | "напр" | "проф" | "акад" | "доц" | "канд" | "ген" | "зам" | "зав" | "нач"
        | "пред" | "тов" | "гр" | "св" | "тел" | "п" | "пп" | "ок" | "прибл" | "респ" | "англ"
        | "букв" => Inner,
        "г" | "гг" => Year,
        // Units, money, years and centuries: ordinary at the end of a sentence.
        "в" | "вв" | "н.э" | "р" | "руб" | "коп" | "долл" | "млн" | "млрд" | "трлн" | "тыс"
        | "см" | "обл" | "им" | "с" | "т" | "чел" | "мин" | "сек" | "ч" | "ред" | "изд" | "экз"
        | "янв" | "фев" | "февр" | "мар" | "апр" | "июн" | "июл" | "авг" | "сен" | "сент"
        | "окт" | "ноя" | "нояб" | "дек" | "пр" | "у.е" => Ambiguous,
        "т.д" | "т.п" | "др" => Final,
        _ => return None,
    };
    Some(kind)
}

/// Kazakh abbreviations (Russian ones are looked up as well for Kazakh text).
pub(super) fn lookup_kazakh(token: &str) -> Option<Abbreviation> {
    use Abbreviation::{Ambiguous, Final, Inner, Year};
    let kind = match token {
        "көш" | "даңғ" | "ауд" | "обл" | "акад" | "проф" => Inner,
        "ж" | "жж" => Year,
        "ғ" | "ғғ" | "б.з.д" | "б.з.б" | "млн" | "млрд" | "трлн" | "мың" => {
            Ambiguous
        }
        "т.б" | "т.с.с" => Final,
        _ => return None,
    };
    Some(kind)
}

/// Whether `word` may follow a time without starting a sentence: a day, a month or a time zone
/// ("at 6:40 p.m. Monday", "10 a.m. EST").
pub(super) fn is_time_follower(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "ET"
            | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "GMT"
            | "UTC"
            | "BST"
            | "CET"
            | "CEST"
            | "MSK"
            | "KST"
            | "JST"
            | "ALMT"
    )
}

/// Whether `word` (lower-cased) can be part of a phrase that only says when, opening a sentence
/// before its subject: "At 5 a.m. Mr. Smith…", "On Monday at 9 p.m. the…".
pub(super) fn is_fronting_word(word: &str) -> bool {
    matches!(
        word,
        "at" | "by"
            | "around"
            | "about"
            | "before"
            | "after"
            | "until"
            | "till"
            | "from"
            | "since"
            | "on"
            | "in"
            | "between"
            | "and"
            | "to"
            | "the"
            | "this"
            | "that"
            | "early"
            | "late"
            | "every"
            | "each"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "tonight"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "shortly"
            | "just"
            | "exactly"
            | "roughly"
            | "approximately"
            | "nearly"
            | "almost"
            | "precisely"
            | "sometime"
            | "o'clock"
    )
}

/// Whether `word` commonly opens an English sentence (and rarely follows "Inc." or "U.S." inside one).
#[allow(clippy::too_many_lines)] // One word a line: a list, not logic.
pub(super) fn is_english_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "However"
            | "In"
            | "On"
            | "At"
            | "For"
            | "From"
            | "To"
            | "With"
            | "By"
            | "As"
            | "After"
            | "Before"
            | "During"
            | "Since"
            | "Until"
            | "When"
            | "While"
            | "Where"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Which"
            | "If"
            | "Although"
            | "Though"
            | "Because"
            | "Despite"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "There"
            | "Here"
            | "Then"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Meanwhile"
            | "Also"
            | "Still"
            | "Instead"
            | "Moreover"
            | "Furthermore"
            | "Nevertheless"
            | "Nonetheless"
            | "Separately"
            | "Earlier"
            | "Later"
            | "Last"
            | "According"
            | "Some"
            | "Many"
            | "Most"
            | "Several"
            | "All"
            | "Both"
            | "Each"
            | "Every"
            | "Such"
            | "Other"
            | "Others"
            | "Another"
            | "One"
            | "Two"
            | "Three"
            | "No"
            | "Not"
            | "Only"
            | "Even"
            | "Officials"
            | "Analysts"
            | "Experts"
            | "Authorities"
            | "Police"
            | "Critics"
            | "Observers"
            | "Investors"
            | "Residents"
            | "Sources"
            | "Asked"
            | "Speaking"
            | "Under"
            | "Over"
            | "About"
            | "Among"
            | "Following"
            | "Like"
            | "Unlike"
            | "Overall"
            | "Thus"
            | "Therefore"
            | "Hence"
            | "Indeed"
            | "Otherwise"
            | "Once"
            | "Whether"
            | "Further"
            | "Additionally"
            | "Currently"
            | "Previously"
            | "Recently"
            | "Finally"
            | "Any"
            | "Neither"
            | "Either"
    )
}

/// Whether `word` commonly opens a Russian sentence.
pub(super) fn is_russian_starter(word: &str) -> bool {
    matches!(
        word,
        "В" | "Во"
            | "На"
            | "По"
            | "Он"
            | "Она"
            | "Оно"
            | "Они"
            | "Мы"
            | "Я"
            | "Вы"
            | "Это"
            | "Эти"
            | "Этот"
            | "Эта"
            | "Тот"
            | "Та"
            | "Те"
            | "Но"
            | "И"
            | "А"
            | "Как"
            | "При"
            | "Тогда"
            | "После"
            | "Кроме"
            | "Также"
            | "Однако"
            | "Так"
            | "Таким"
            | "Тем"
            | "Поэтому"
            | "Затем"
            | "Потом"
            | "Сейчас"
            | "Теперь"
            | "Ранее"
            | "Позднее"
            | "Позже"
            | "Вместе"
            | "Между"
            | "Среди"
            | "Для"
            | "С"
            | "Со"
            | "К"
            | "О"
            | "Об"
            | "У"
            | "Из"
            | "За"
            | "До"
            | "От"
            | "Все"
            | "Всё"
            | "Уже"
            | "Еще"
            | "Ещё"
            | "Если"
            | "Когда"
            | "Хотя"
            | "Несмотря"
            | "Согласно"
            | "Его"
            | "Ее"
            | "Её"
            | "Их"
            | "Там"
            | "Здесь"
            | "Сегодня"
            | "Вчера"
            | "Завтра"
            | "Помимо"
            | "Впрочем"
            | "Напомним"
            | "Отметим"
            | "Итак"
            | "Лишь"
            | "Только"
            | "Не"
            | "Ни"
            | "Что"
            | "Чтобы"
            | "Где"
            | "Почему"
            | "Кто"
            | "Около"
            | "Более"
            | "Кстати"
            | "Причем"
            | "Причём"
            | "Именно"
            | "Наконец"
            | "Во-первых"
            | "Во-вторых"
            | "Благодаря"
            | "Из-за"
    )
}

/// Whether `word` commonly opens a Kazakh sentence.
pub(super) fn is_kazakh_starter(word: &str) -> bool {
    matches!(
        word,
        "Бұл"
            | "Ол"
            | "Олар"
            | "Осы"
            | "Сол"
            | "Сонымен"
            | "Алайда"
            | "Сондай-ақ"
            | "Бірақ"
            | "Және"
            | "Ал"
            | "Әрі"
            | "Сондықтан"
            | "Себебі"
            | "Өйткені"
            | "Дегенмен"
            | "Яғни"
            | "Мысалы"
            | "Енді"
            | "Кейін"
            | "Содан"
            | "Сонда"
            | "Бүгін"
            | "Кеше"
            | "Ертең"
            | "Биыл"
            | "Бұған"
            | "Бұдан"
            | "Оның"
            | "Олардың"
            | "Мен"
            | "Біз"
            | "Біздің"
            | "Сіз"
            | "Егер"
            | "Тағы"
            | "Қазіргі"
            | "Жалпы"
            | "Осылайша"
            | "Сөйтіп"
            | "Айта"
            | "Атап"
            | "Мұнда"
            | "Онда"
            | "Барлық"
            | "Алдағы"
            | "Соңғы"
            | "Бұрын"
            | "Қазір"
    )
}

/// Whether `word` commonly opens a Korean sentence (after an abbreviation such as "Inc.").
pub(super) fn is_korean_starter(word: &str) -> bool {
    matches!(
        word,
        "그러나"
            | "그리고"
            | "하지만"
            | "한편"
            | "또한"
            | "또"
            | "이에"
            | "이는"
            | "이번"
            | "이날"
            | "그는"
            | "그녀는"
            | "그들은"
            | "특히"
            | "따라서"
            | "그러면서"
            | "이어"
            | "앞서"
            | "아울러"
            | "다만"
            | "게다가"
            | "반면"
            | "결국"
            | "현재"
            | "그래서"
            | "그런데"
            | "이후"
            | "당시"
            | "이로써"
    )
}

/// Whether `word` is a Korean particle or verb ending that attaches to a closing quote
/// (`“좋다.” 라고` is a spacing slip for `“좋다.”라고`), so it continues the sentence.
pub(super) fn is_korean_quote_particle(word: &str) -> bool {
    matches!(
        word,
        "고" | "라고"
            | "라며"
            | "라는"
            | "라고는"
            | "라면서"
            | "며"
            | "면서"
            | "하고"
            | "하며"
            | "하면서"
            | "이라고"
            | "이라며"
            | "이라는"
            | "란"
            | "라"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_inner_abbreviations() {
        for title in [
            "Mr", "Mrs", "Dr", "Prof", "Sen", "Gov", "Gen", "Lt", "Capt", "Rev",
        ] {
            assert_eq!(lookup_english(title), Some(Abbreviation::Inner), "{title}");
        }
    }

    #[test]
    fn company_suffixes_are_ambiguous() {
        for suffix in ["Inc", "Corp", "Co", "Ltd", "Jr", "St"] {
            assert_eq!(
                lookup_english(suffix),
                Some(Abbreviation::Ambiguous),
                "{suffix}"
            );
        }
    }

    #[test]
    fn enumeration_closers_are_final() {
        assert_eq!(lookup_english("etc"), Some(Abbreviation::Final));
        assert_eq!(lookup_russian("т.д"), Some(Abbreviation::Final));
        assert_eq!(lookup_kazakh("т.с.с"), Some(Abbreviation::Final));
    }

    #[test]
    fn ordinary_words_are_not_abbreviations() {
        for word in ["said", "not", "Korea", "млрд.", "год", "жыл"] {
            assert_eq!(lookup_english(word), None, "{word}");
            assert_eq!(lookup_russian(word), None, "{word}");
            assert_eq!(lookup_kazakh(word), None, "{word}");
        }
    }

    #[test]
    fn starters_are_capitalised_words() {
        assert!(is_english_starter("The"));
        assert!(!is_english_starter("the"));
        assert!(!is_english_starter("Senate"));
        assert!(is_russian_starter("Однако"));
        assert!(is_kazakh_starter("Сондай-ақ"));
        assert!(is_korean_starter("그러나"));
    }
}
