//! Behaviour tests for the segmenter over realistic news sentences in English, Russian, Kazakh
//! and Korean, plus robustness checks (no panics, round trip through re-joined sentences).

use super::*;

/// Asserts that `text` segments into exactly `expected` under the rules for `lang`, and that
/// the sentences joined with single spaces segment the same way again.
fn check(lang: &str, text: &str, expected: &[&str]) {
    assert_eq!(split(text, lang), expected, "segmenting {text:?} as {lang}");
    let joined = expected.join(" ");
    assert_eq!(
        split(&joined, lang),
        expected,
        "segmenting re-joined {joined:?} as {lang}"
    );
}

/// Asserts that `text` is a single sentence under the rules for `lang`.
fn check_one(lang: &str, text: &str) {
    check(lang, text, &[text]);
}

// ---------------------------------------------------------------- English: basic terminators

#[test]
fn period_ends_sentence() {
    check(
        "en",
        "Kazakhstan and South Korea signed 12 agreements on Monday. The deals cover energy and logistics.",
        &[
            "Kazakhstan and South Korea signed 12 agreements on Monday.",
            "The deals cover energy and logistics.",
        ],
    );
}

#[test]
fn question_and_exclamation_end_sentence() {
    check(
        "en",
        "Will the pipeline be finished by 2027? Officials would not say. What a summit!",
        &[
            "Will the pipeline be finished by 2027?",
            "Officials would not say.",
            "What a summit!",
        ],
    );
}

#[test]
fn combined_terminators_end_sentence() {
    check(
        "en",
        "Another record?! Exports doubled again!! Analysts were stunned.",
        &[
            "Another record?!",
            "Exports doubled again!!",
            "Analysts were stunned.",
        ],
    );
}

#[test]
fn digit_after_sentence_end_starts_sentence() {
    check(
        "en",
        "The agreement was first proposed in 2019. 2020 brought the pandemic.",
        &[
            "The agreement was first proposed in 2019.",
            "2020 brought the pandemic.",
        ],
    );
}

#[test]
fn currency_sign_after_sentence_end_starts_sentence() {
    check(
        "en",
        "Trade grew sharply. $6.5 billion changed hands last year.",
        &[
            "Trade grew sharply.",
            "$6.5 billion changed hands last year.",
        ],
    );
}

#[test]
fn opening_quote_before_capital_starts_sentence() {
    check(
        "en",
        "The president arrived in Seoul. “We are ready to deepen ties,” he said.",
        &[
            "The president arrived in Seoul.",
            "“We are ready to deepen ties,” he said.",
        ],
    );
}

#[test]
fn lower_case_after_period_does_not_start_sentence() {
    check_one(
        "en",
        "The plant will employ approx. five hundred people, i.e. the whole town.",
    );
    check_one(
        "en",
        "The fund is worth 200 bln. tenge, according to the ministry.",
    );
}

#[test]
fn dash_after_terminator_does_not_start_sentence() {
    check_one(
        "en",
        "He said the talks went well. — and then declined to elaborate.",
    );
    check_one("en", "“Never!” – the minister replied.");
}

#[test]
fn headline_without_punctuation_is_one_sentence() {
    check_one("en", "Kazakhstan, South Korea sign $6 billion in deals");
    check_one("en", "Tokayev arrives in Seoul for three-day state visit");
}

#[test]
fn numbered_item_at_start_stays_with_sentence() {
    check_one(
        "en",
        "1. Kazakhstan will supply uranium to Korean reactors.",
    );
    check_one(
        "en",
        "**1.** Kazakhstan will supply uranium to Korean reactors.",
    );
    check(
        "en",
        "2. The sides agreed on visas. 3. They also discussed flights.",
        &[
            "2. The sides agreed on visas.",
            "3. They also discussed flights.",
        ],
    );
}

// ---------------------------------------------------------------- English: abbreviations

#[test]
fn title_abbreviation_does_not_end_sentence() {
    for title in [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Col.", "Lt.",
        "Sgt.", "Capt.", "Rev.", "Hon.", "Pres.",
    ] {
        check_one(
            "en",
            &format!("The delegation was led by {title} Kim Min-jae of Seoul."),
        );
    }
}

#[test]
fn saint_abbreviation_does_not_end_sentence() {
    check_one(
        "en",
        "Tokayev later flew to St. Petersburg for talks with Putin.",
    );
}

#[test]
fn number_abbreviation_does_not_end_sentence() {
    check_one(
        "en",
        "Samsung is the No. 1 investor among Korean firms in Kazakhstan.",
    );
    check_one(
        "en",
        "The treaty is reproduced in Vol. 3 of the archive, pp. 14-19.",
    );
    check_one(
        "en",
        "See Fig. 2 and p. 7 of the report, as well as Nos. 4 and 5.",
    );
}

#[test]
fn reference_abbreviation_does_not_end_sentence() {
    check_one(
        "en",
        "Output reached approx. 1.8 million barrels, vs. 1.6 million in 2022.",
    );
    check_one(
        "en",
        "The company (est. 1998) has offices near Mt. Everest and in Ft. Worth, Texas.",
    );
}

#[test]
fn month_abbreviation_before_day_does_not_end_sentence() {
    check_one("en", "The summit opened on Aug. 17 in Astana.");
    check_one(
        "en",
        "The talks ran from Sept. 3 to Oct. 5, with a follow-up on Nov. 12.",
    );
    check_one("en", "Visas were waived on Jan. 1, Feb. 14 and Dec. 31.");
}

#[test]
fn company_suffix_ends_sentence_only_before_sentence_starter() {
    check(
        "en",
        "He works for Apple Inc. The company said the deal was signed.",
        &[
            "He works for Apple Inc.",
            "The company said the deal was signed.",
        ],
    );
    check_one("en", "Analysts said Apple Inc. shares rose 2%.");
    check_one("en", "Samsung C&T Corp. Chairman Lee visited Astana.");
    check(
        "en",
        "The contract went to Hyundai Engineering Co. Ltd. It is worth $1 billion.",
        &[
            "The contract went to Hyundai Engineering Co. Ltd.",
            "It is worth $1 billion.",
        ],
    );
}

#[test]
fn country_initialism_ends_sentence_only_before_sentence_starter() {
    check(
        "en",
        "The minister then arrived in the U.S. The visit lasted two days.",
        &[
            "The minister then arrived in the U.S.",
            "The visit lasted two days.",
        ],
    );
    check_one("en", "The bill now goes to the U.S. Senate for a vote.");
    check_one(
        "en",
        "Officials from the U.K. Foreign Office and the U.N. Security Council attended.",
    );
    check_one(
        "en",
        "E.U. Commissioner Valdis Dombrovskis joined by video.",
    );
}

#[test]
fn time_abbreviation_ends_sentence_only_before_sentence_starter() {
    check(
        "en",
        "The summit began at 10 a.m. Officials said it would run late.",
        &[
            "The summit began at 10 a.m.",
            "Officials said it would run late.",
        ],
    );
    check_one("en", "The flight lands at 6:40 p.m. Monday in Incheon.");
}

#[test]
fn dotted_initialism_does_not_end_sentence() {
    check_one(
        "en",
        "Exports to the U.S.A. Pacific coast rose, officials said.",
    );
    check_one(
        "en",
        "Washington, D.C. Mayor Muriel Bowser met the delegation.",
    );
}

#[test]
fn latin_abbreviation_does_not_end_sentence() {
    check_one(
        "en",
        "Several sectors, e.g. Energy and Mining, will benefit.",
    );
    check_one("en", "The main partner, i.e. Korea, pledged more.");
}

#[test]
fn etc_ends_sentence_before_capitalised_word() {
    check(
        "en",
        "Korea buys uranium, oil, wheat, etc. Kazakhstan buys cars and chips.",
        &[
            "Korea buys uranium, oil, wheat, etc.",
            "Kazakhstan buys cars and chips.",
        ],
    );
    check_one("en", "Korea buys uranium, oil, etc. from Kazakhstan.");
}

#[test]
fn initials_do_not_end_sentence() {
    check_one("en", "The airport is named after John F. Kennedy.");
    check_one("en", "His favourite author is J. R. R. Tolkien, he said.");
    check_one(
        "en",
        "President Kassym-Jomart K. Tokayev met Prime Minister Han Duck-soo.",
    );
}

#[test]
fn initial_before_sentence_starter_ends_sentence() {
    check(
        "en",
        "The ministry calls it Plan B. The plan has not been published.",
        &[
            "The ministry calls it Plan B.",
            "The plan has not been published.",
        ],
    );
}

// ---------------------------------------------------------------- English: numbers

#[test]
fn decimal_does_not_end_sentence() {
    check_one(
        "en",
        "Bilateral trade reached $4.22 billion, up 3.5% from 0.5 points a year earlier.",
    );
}

#[test]
fn ranges_and_times_do_not_end_sentence() {
    check_one(
        "en",
        "Korean migration in 1910-45 and 2019–2020 was discussed at 10:30 and again at 10.30 local time.",
    );
}

#[test]
fn no_split_without_whitespace_after_period() {
    check_one(
        "en",
        "The app (v1.2.3) is at example.com/a.b and gov.kz.Officials declined to comment.",
    );
}

#[test]
fn sentence_ending_in_number_splits() {
    check(
        "en",
        "Trade rose 12% to $6.5 billion in 2023. This year it may reach $8 billion.",
        &[
            "Trade rose 12% to $6.5 billion in 2023.",
            "This year it may reach $8 billion.",
        ],
    );
}

// ---------------------------------------------------------------- English: ellipses, quotes, brackets

#[test]
fn ellipsis_before_capital_ends_sentence() {
    check(
        "en",
        "He paused… Then he named the new ambassador. The room waited... Nobody spoke.",
        &[
            "He paused…",
            "Then he named the new ambassador.",
            "The room waited...",
            "Nobody spoke.",
        ],
    );
}

#[test]
fn ellipsis_before_lower_case_does_not_end_sentence() {
    check_one("en", "He paused… then went on with the speech.");
    check_one("en", "The figures were... frankly disappointing.");
    check_one("en", "“We will [...] Continue the dialogue,” he said.");
}

#[test]
fn closing_quote_belongs_to_sentence() {
    check(
        "en",
        "He said, “We agree.” Then he left the hall.",
        &["He said, “We agree.”", "Then he left the hall."],
    );
    check(
        "en",
        "She said, \"It is done.\" Then she left.",
        &["She said, \"It is done.\"", "Then she left."],
    );
}

#[test]
fn comma_inside_quote_does_not_end_sentence() {
    check_one("en", "“We agree on all points,” Moon said.");
}

#[test]
fn question_in_quote_before_lower_case_does_not_end_sentence() {
    check_one("en", "“Is it true?” he asked reporters in Astana.");
    check_one("en", "“This is historic!” she told the press.");
}

#[test]
fn quote_at_end_of_text_belongs_to_sentence() {
    check_one("en", "She called the agreement “historic.”");
}

#[test]
fn period_after_closing_parenthesis_ends_sentence() {
    check(
        "en",
        "He died there (in 1943). His remains were returned in 2021.",
        &[
            "He died there (in 1943).",
            "His remains were returned in 2021.",
        ],
    );
}

#[test]
fn parenthesised_sentence_keeps_its_parenthesis() {
    check(
        "en",
        "(The talks were closed to the press.) Officials said they went well.",
        &[
            "(The talks were closed to the press.)",
            "Officials said they went well.",
        ],
    );
}

#[test]
fn newlines_count_as_whitespace() {
    check(
        "en",
        "The leaders met in\nAstana on Monday.\nThey signed\n12 deals.",
        &[
            "The leaders met in\nAstana on Monday.",
            "They signed\n12 deals.",
        ],
    );
}

// ---------------------------------------------------------------- Markdown

#[test]
fn closing_markup_belongs_to_sentence() {
    check("en", "*He left.* She came.", &["*He left.*", "She came."]);
    check(
        "en",
        "The vote was **unanimous.** Parliament adjourned.",
        &["The vote was **unanimous.**", "Parliament adjourned."],
    );
    check("en", "_Done!_ Next item.", &["_Done!_", "Next item."]);
}

#[test]
fn closing_html_tag_belongs_to_sentence() {
    check(
        "en",
        "The deal is <em>final.</em> <b>Both</b> sides agreed.",
        &["The deal is <em>final.</em>", "<b>Both</b> sides agreed."],
    );
}

#[test]
fn markdown_link_url_does_not_split() {
    check(
        "en",
        "Read the [joint statement](http://example.com/a.b?x=1). It lists 12 deals.",
        &[
            "Read the [joint statement](http://example.com/a.b?x=1).",
            "It lists 12 deals.",
        ],
    );
    check(
        "en",
        "Trade grew. [The ministry](https://gov.kz) published data. `bitext` is used.",
        &[
            "Trade grew.",
            "[The ministry](https://gov.kz) published data.",
            "`bitext` is used.",
        ],
    );
}

#[test]
fn protected_range_is_not_split() {
    let text = "See *the statement. It is long* for details. Then vote.";
    let emphasis = 4..31;
    let found: Vec<&str> = sentences_protected(text, "en", std::slice::from_ref(&emphasis))
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(
        found,
        ["See *the statement. It is long* for details.", "Then vote."]
    );
    assert_eq!(split(text, "en").len(), 3);
}

#[test]
fn boundary_after_protected_range_is_allowed() {
    let text = "*He left.* She came. **Both sides agreed.** It was signed.";
    let protected = [0..10, 21..43];
    assert_eq!(
        sentences_protected(text, "en", &protected),
        [0..10, 11..20, 21..43, 44..58]
    );
    let text = "*He left. She came.*";
    let emphasis = 0..text.len();
    let found = sentences_protected(text, "en", std::slice::from_ref(&emphasis));
    assert_eq!(found, std::slice::from_ref(&emphasis));
}

// ---------------------------------------------------------------- Output shape

#[test]
fn whitespace_only_gives_no_sentences() {
    for text in ["", " ", "\n\n\t", "\u{a0}\u{2003}"] {
        assert!(sentences(text, "en").is_empty(), "{text:?}");
    }
}

#[test]
fn ranges_are_trimmed() {
    let text = "  \n The summit ended.   Both sides were pleased. \n";
    let found = sentences(text, "en");
    assert_eq!(found, [4..21, 24..48]);
    assert_eq!(&text[found[1].clone()], "Both sides were pleased.");
}

#[test]
fn split_returns_sentence_strings() {
    assert_eq!(split("One. Two.", "en"), ["One.", "Two."]);
}

#[test]
fn language_code_selects_rules() {
    let text = "Товарооборот вырос в 2023 г. Однако экспорт снизился.";
    assert_eq!(split(text, "ru-RU").len(), 2);
    assert_eq!(split(text, "RU").len(), 2);
    let text = "Саммит 2021 ж. Бұл жылы өтті.";
    assert_eq!(split(text, "kk-KZ").len(), 2);
    assert_eq!(split("그는 Apple Inc. 그러나 떠났다.", "ko-KR").len(), 2);
    assert_eq!(split("그는 Apple Inc. 그러나 떠났다.", "xx").len(), 1);
}

// ---------------------------------------------------------------- Russian

#[test]
fn russian_period_ends_sentence() {
    check(
        "ru",
        "Президенты Казахстана и Кореи подписали 12 соглашений. Стороны обсудили логистику.",
        &[
            "Президенты Казахстана и Кореи подписали 12 соглашений.",
            "Стороны обсудили логистику.",
        ],
    );
}

#[test]
fn russian_abbreviation_does_not_end_sentence() {
    check_one(
        "ru",
        "Встреча прошла в здании им. Абая на ул. Достык, д. 5.",
    );
    check_one(
        "ru",
        "Переговоры вели проф. Ким и акад. Ли, т.е. Южная Корея выставила лучших экспертов.",
    );
    check_one("ru", "Данные приведены на стр. 14 (см. табл. 2).");
    check_one(
        "ru",
        "Визит важен, т.к. Корея — крупный инвестор, отметил ген. директор Ли.",
    );
    check_one(
        "ru",
        "Мост через р. Урал построят в Атырауской обл. Казахстана.",
    );
    check_one("ru", "Это т.н. Средний коридор через Каспий.");
}

#[test]
fn russian_money_abbreviation_does_not_end_sentence() {
    check_one(
        "ru",
        "Товарооборот составил 4,22 млрд. долл. по итогам года.",
    );
    check_one(
        "ru",
        "Инвестиции достигли 6,5 млрд долл., или 3 трлн тенге.",
    );
    check_one("ru", "Бюджет проекта 500 тыс. руб. на первый этап.");
}

#[test]
fn russian_money_abbreviation_ends_sentence_before_starter() {
    check(
        "ru",
        "Товарооборот составил 4,22 млрд долл. Это рекорд для двух стран.",
        &[
            "Товарооборот составил 4,22 млрд долл.",
            "Это рекорд для двух стран.",
        ],
    );
}

#[test]
fn russian_year_abbreviation_ends_sentence_only_before_starter() {
    check(
        "ru",
        "Соглашение подписано в 2023 г. В этом году его продлят.",
        &["Соглашение подписано в 2023 г.", "В этом году его продлят."],
    );
    check_one(
        "ru",
        "В 2023 г. Казахстан и Корея подписали в г. Астана 12 соглашений.",
    );
    check(
        "ru",
        "Переговоры шли в 2019–2021 гг. Однако соглашение так и не подписали.",
        &[
            "Переговоры шли в 2019–2021 гг.",
            "Однако соглашение так и не подписали.",
        ],
    );
}

#[test]
fn russian_etc_ends_sentence_before_capital() {
    check(
        "ru",
        "Обсуждались уран, нефть, зерно и т.д. Президент Токаев назвал визит успешным.",
        &[
            "Обсуждались уран, нефть, зерно и т.д.",
            "Президент Токаев назвал визит успешным.",
        ],
    );
    check(
        "ru",
        "Обсуждались нефть, газ и т. д. Стороны довольны.",
        &["Обсуждались нефть, газ и т. д.", "Стороны довольны."],
    );
    check_one("ru", "Обсуждались нефть, газ и т.п. вопросы энергетики.");
}

#[test]
fn russian_century_and_era_abbreviation_ends_sentence_only_before_starter() {
    check_one("ru", "Город основан в XIX в. Российской империей.");
    check(
        "ru",
        "Курган построен в V в. до н.э. Это одна из древнейших находок.",
        &[
            "Курган построен в V в. до н.э.",
            "Это одна из древнейших находок.",
        ],
    );
}

#[test]
fn cyrillic_initials_do_not_end_sentence() {
    check_one("ru", "В переговорах участвовал В. В. Путин.");
    check_one("ru", "Президент К.-Ж. Токаев прибыл в Сеул.");
    check_one("ru", "Делегацию возглавил А. Смаилов, сообщили в МИД.");
}

#[test]
fn russian_decimal_comma_and_spaced_number_do_not_split() {
    check_one(
        "ru",
        "Рост составил 4,22% при инфляции 9,8%, а экспорт 1 400 тонн.",
    );
}

#[test]
fn guillemet_quote_followed_by_dash_is_one_sentence() {
    check_one("ru", "«Мы договорились», — сказал Токаев.");
    check_one("ru", "«Да!» — сказал он журналистам.");
    check_one("ru", "«Это успех?» — спросил корреспондент.");
}

#[test]
fn period_after_guillemet_ends_sentence() {
    check(
        "ru",
        "Он сказал: «Мы согласны». Затем делегации вышли к прессе.",
        &[
            "Он сказал: «Мы согласны».",
            "Затем делегации вышли к прессе.",
        ],
    );
}

#[test]
fn guillemet_after_period_belongs_to_sentence() {
    check(
        "ru",
        "«Мы согласны.» Затем он ушёл.",
        &["«Мы согласны.»", "Затем он ушёл."],
    );
}

#[test]
fn low_high_quotes_belong_to_sentence() {
    check(
        "ru",
        "Он сказал: „Мы согласны.“ Затем он ушёл.",
        &["Он сказал: „Мы согласны.“", "Затем он ушёл."],
    );
    check(
        "ru",
        "Визит завершён. „Это новый этап“, — заявил министр.",
        &["Визит завершён.", "„Это новый этап“, — заявил министр."],
    );
}

#[test]
fn russian_question_ends_sentence() {
    check(
        "ru",
        "Будет ли построен газопровод? Пока неясно.",
        &["Будет ли построен газопровод?", "Пока неясно."],
    );
}

// ---------------------------------------------------------------- Kazakh

#[test]
fn kazakh_period_ends_sentence() {
    check(
        "kk",
        "Қазақстан мен Корея 12 келісімге қол қойды. Тараптар логистиканы талқылады.",
        &[
            "Қазақстан мен Корея 12 келісімге қол қойды.",
            "Тараптар логистиканы талқылады.",
        ],
    );
}

#[test]
fn kazakh_year_abbreviation_ends_sentence_only_before_starter() {
    check(
        "kk",
        "Келісімге 2021 ж. қол қойылды. Соңғы саммит Сеулде өтті, 2023 ж. Бұл жолы 12 келісім жасалды.",
        &[
            "Келісімге 2021 ж. қол қойылды.",
            "Соңғы саммит Сеулде өтті, 2023 ж.",
            "Бұл жолы 12 келісім жасалды.",
        ],
    );
    check(
        "kk",
        "Келіссөздер 2019–2021 жж. Алайда нәтиже болмады.",
        &["Келіссөздер 2019–2021 жж.", "Алайда нәтиже болмады."],
    );
    check_one("kk", "2022 ж. Қазақстан үшін сауда рекордтық болды.");
}

#[test]
fn kazakh_abbreviation_does_not_end_sentence() {
    check_one(
        "kk",
        "Тауар айналымы 4,22 млрд доллар, яғни 2 трлн теңге болды.",
    );
    check_one("kk", "Мұнай, газ т.б. шикізат экспортталады.");
    check_one("kk", "Қорған б.з.д. V ғасырға жатады.");
    check_one("kk", "Кездесу Абай даңғ. 52-үйде өтті.");
    check(
        "kk",
        "Уран, мұнай, бидай т.с.с. Сондай-ақ көліктер де сатылады.",
        &[
            "Уран, мұнай, бидай т.с.с.",
            "Сондай-ақ көліктер де сатылады.",
        ],
    );
}

#[test]
fn kazakh_initials_do_not_end_sentence() {
    check_one("kk", "Мемлекет басшысы Қ.-Ж. Тоқаев Сеулге барды.");
    check_one("kk", "Делегацияны Ә. Смайылов басқарды.");
}

#[test]
fn kazakh_capital_letters_start_sentence() {
    check(
        "kk",
        "Келіссөздер аяқталды. Өңірлер дайын. Ұлттық банк үн қатпады. Әлем қарап отыр. Іс басталды.",
        &[
            "Келіссөздер аяқталды.",
            "Өңірлер дайын.",
            "Ұлттық банк үн қатпады.",
            "Әлем қарап отыр.",
            "Іс басталды.",
        ],
    );
}

#[test]
fn kazakh_lower_case_letter_does_not_start_sentence() {
    check_one("kk", "Экспорт 5 млрд. долларға жетті.");
    check_one("kk", "Сауда өсті… әсіресе астық бойынша.");
}

#[test]
fn kazakh_quote_with_dash_is_one_sentence() {
    check_one("kk", "«Біз келістік», — деді Тоқаев.");
}

// ---------------------------------------------------------------- Korean

#[test]
fn korean_period_ends_sentence() {
    check(
        "ko",
        "양국 정상은 12개 협정에 합의했다. 양국은 물류 협력도 확대하기로 했다.",
        &[
            "양국 정상은 12개 협정에 합의했다.",
            "양국은 물류 협력도 확대하기로 했다.",
        ],
    );
    check(
        "ko",
        "이번 방문은 의미가 큽니다. 그러나 과제도 남아 있습니다.",
        &["이번 방문은 의미가 큽니다.", "그러나 과제도 남아 있습니다."],
    );
}

#[test]
fn korean_question_ends_sentence() {
    check(
        "ko",
        "가스관은 언제 완공되나요? 네. 2027년입니다!",
        &["가스관은 언제 완공되나요?", "네.", "2027년입니다!"],
    );
}

#[test]
fn korean_quote_with_particle_is_one_sentence() {
    check_one("ko", "토카예프 대통령은 “협력을 확대하겠다”고 말했다.");
    check_one("ko", "문 대통령은 “환영합니다.”라고 말했다.");
    check_one("ko", "그는 “정말인가?”라며 놀라워했다.");
    check_one("ko", "장관은 “좋은 결과다.” 라고 밝혔다.");
}

#[test]
fn korean_quote_followed_by_space_and_word_splits() {
    check(
        "ko",
        "그는 “좋다.” 그리고 떠났다.",
        &["그는 “좋다.”", "그리고 떠났다."],
    );
}

#[test]
fn korean_decimal_does_not_end_sentence() {
    check_one("ko", "교역액은 42.2억 달러로 3.5% 늘었다.");
}

#[test]
fn korean_numbered_item_stays_with_sentence() {
    check_one("ko", "1. 양국은 비자 면제 협정을 체결했다.");
}

#[test]
fn korean_english_abbreviation_does_not_end_sentence() {
    check_one("ko", "미국(U.S.) 정부는 환영 입장을 밝혔다.");
    check_one("ko", "삼성물산(Samsung C&T Corp.) 관계자가 참석했다.");
    check_one("ko", "회담은 오전 10시(10 a.m.) 시작됐다.");
}

#[test]
fn full_width_terminators_end_sentence() {
    check(
        "ko",
        "회담이 끝났다。양국은 만족했다！정말인가？ 그렇다。",
        &[
            "회담이 끝났다。",
            "양국은 만족했다！",
            "정말인가？",
            "그렇다。",
        ],
    );
}

// ---------------------------------------------------------------- Robustness

/// Paragraphs in all four languages, used by the round-trip and no-panic tests.
const SAMPLES: &[(&str, &str)] = &[
    ("en", "President Kassym-Jomart K. Tokayev arrived in Seoul on Aug. 17. He met Pres. Yoon Suk Yeol at 10 a.m. The leaders signed deals worth $6.5 billion, i.e. more than in 2019–2020. “We agree,” Yoon said. “Is it true?” a reporter asked. He said, “It is.” Then he left."),
    ("en", "Apple Inc. shares rose 3.5%. He works for Apple Inc. The company said so. The bill goes to the U.S. Senate. It arrived in the U.S. The visit was short... Nobody spoke… then the band played. (The talks were closed.) Officials said they went well. He died there (in 1943). His remains returned."),
    ("en", "The talks ended.<br>Both sides left. <br/> Officials stayed.\\\nReporters waited.[1] The end. ...And more."),
    ("en", "1. First item. 2. Second item. *He left.* She came. **Bold!** Next. See [the link](http://example.com/a.b). Trade rose, etc. Korea agreed. J. R. R. Tolkien wrote it. No. 1 is Samsung. Plan B. The end."),
    ("ru", "Президент К.-Ж. Токаев прибыл в Сеул. В. В. Путин не участвовал. Товарооборот составил 4,22 млрд. долл. в 2023 г. В этом году он вырастет. «Мы договорились», — сказал Токаев. «Да!» — сказал он. Он сказал: «Мы согласны». Затем ушёл. «Мы согласны.» Затем он ушёл. Обсуждались нефть, газ и т.д. Стороны довольны."),
    ("kk", "Мемлекет басшысы Қ.-Ж. Тоқаев Сеулге барды. Келісімге 2021 ж. қол қойылды. Саммит 2023 ж. Бұл жолы Сеулде өтті. Уран, мұнай т.б. Сондай-ақ көліктер. «Біз келістік», — деді Тоқаев. Өңірлер дайын. Іс басталды."),
    ("ko", "양국 정상은 12개 협정에 합의했다. 토카예프 대통령은 “협력을 확대하겠다”고 말했다. 문 대통령은 “환영합니다.”라고 말했다. 그는 “좋다.” 그리고 떠났다. 교역액은 42.2억 달러다. 미국(U.S.) 정부는 환영했다. 완공되나요? 네. 회담이 끝났다。양국은 만족했다！"),
    ("en", "\"Quotes\" only. '' \"\" “” ... !!! ??? . . . ) ( » « — – - *_*_ ` <em> </em> <  > [ ] ![x](y.z) 3. 4. a. B. C.D. e.g. Mr. x"),
    ("ru", "и т. д. Он. т.е. Т.е. См. стр. 5. Г. Иванов. г. Астана. 2020 г. В. 2020 г. в. ж. Ж. — «» „“ ‚‘ ‹› …… ?!?! ‼ ⁇"),
];

#[test]
fn rejoining_sentences_gives_same_sentences() {
    for &(lang, text) in SAMPLES {
        let first = split(text, lang);
        let joined = first.join(" ");
        let second = split(&joined, lang);
        assert_eq!(first, second, "round trip of {text:?} as {lang}");
    }
}

/// Checks the structural guarantees of `sentences` on `text`.
fn check_shape(text: &str, lang: &str) {
    let found = sentences(text, lang);
    let mut previous_end = 0;
    for range in &found {
        assert!(
            previous_end <= range.start && range.start < range.end,
            "{text:?}: {found:?}"
        );
        let Some(sentence) = text.get(range.clone()) else {
            panic!("{text:?}: {range:?} is not on character boundaries");
        };
        assert_eq!(
            sentence,
            sentence.trim(),
            "{text:?}: untrimmed {sentence:?}"
        );
        assert!(
            text[previous_end..range.start].trim().is_empty(),
            "{text:?}: gap in {found:?}"
        );
        previous_end = range.end;
    }
    assert!(
        text[previous_end..].trim().is_empty(),
        "{text:?}: tail lost in {found:?}"
    );
}

#[test]
fn never_panics_on_odd_input() {
    let odd = [
        ".",
        "!",
        "?",
        "…",
        "。",
        "\"",
        "“”",
        "«»",
        ". .",
        "a.",
        ".a",
        "...",
        "?!",
        ")",
        "(.",
        "*.*",
        "_._",
        "<",
        "</",
        "</em",
        "<em>",
        "!",
        "![",
        "1.",
        "Mr.",
        "U.S.",
        "т.",
        "\u{a0}.",
        "é.",
        "\u{301}.",
        "🇰🇿. 🇰🇷.",
        "한. 국.",
        "\0. \0",
    ];
    for text in odd {
        for lang in ["en", "ko", "kk", "ru", "", "-", "zz-ZZ"] {
            check_shape(text, lang);
        }
    }
    for &(lang, text) in SAMPLES {
        for (at, _) in text.char_indices() {
            check_shape(&text[at..], lang);
            check_shape(&text[..at], lang);
        }
    }
}

#[test]
fn pseudo_random_text_keeps_invariants() {
    const ALPHABET: &[&str] = &[
        "a",
        "B",
        "ж",
        "Қ",
        "한",
        " ",
        " ",
        "\n",
        ".",
        ".",
        "!",
        "?",
        "…",
        "。",
        "\"",
        "“",
        "”",
        "«",
        "»",
        "„",
        "(",
        ")",
        "[",
        "]",
        "*",
        "_",
        "`",
        "<em>",
        "</em>",
        "—",
        "1",
        "4,22",
        "Mr",
        "Inc",
        "U.S",
        "The",
        "г",
        "В",
        "Бұл",
        "라고",
        "т.д",
        "e.g",
        "’",
        "'",
        "<br>",
        "\\",
        "...",
        "[1]",
        "a.m",
        "No",
        "Jr",
        "ж",
        "т. д",
        "”라고",
        "가",
        "네",
        "\u{a0}",
        "»",
        "‘",
        "\t",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::new();
    for round in 0..5000 {
        text.clear();
        let len = next() % 40;
        for _ in 0..len {
            let pick = usize::try_from(next() % ALPHABET.len() as u64).unwrap_or(0);
            text.push_str(ALPHABET[pick]);
        }
        let lang = ["en", "ko", "kk", "ru"][round % 4];
        check_shape(&text, lang);
        let first = split(&text, lang);
        let joined = first.join(" ");
        assert_eq!(
            first,
            split(&joined, lang),
            "round trip of {text:?} as {lang}"
        );
        check_plain_round_trip(&text, lang);
    }
}

/// Checks that the plain-text sentences of `text`, re-joined with a line break where one
/// separated them and a space elsewhere, segment the same way again.
fn check_plain_round_trip(text: &str, lang: &str) {
    let ranges = sentences_plain(text, lang);
    let mut joined = String::new();
    let mut previous_end = None;
    for range in &ranges {
        if let Some(end) = previous_end {
            let gap = &text[end..range.start];
            joined.push(if gap.contains('\n') { '\n' } else { ' ' });
        }
        joined.push_str(&text[range.clone()]);
        previous_end = Some(range.end);
    }
    let first: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(
        first,
        split_plain(&joined, lang),
        "plain round trip of {text:?} as {lang}"
    );
}

// ---------------------------------------------------------------- Breaks, footnotes, dialogue, datelines

#[test]
fn line_break_belongs_to_sentence() {
    check(
        "en",
        "The talks ended.<br>Both sides left. <br/> Officials stayed.\\\nReporters waited.",
        &[
            "The talks ended.<br>",
            "Both sides left. <br/>",
            "Officials stayed.\\",
            "Reporters waited.",
        ],
    );
}

#[test]
fn footnote_reference_belongs_to_sentence() {
    check(
        "en",
        "Trade doubled in 2023.[1] The ministry confirmed it.[12]",
        &[
            "Trade doubled in 2023.[1]",
            "The ministry confirmed it.[12]",
        ],
    );
}

#[test]
fn leading_ellipsis_starts_sentence() {
    check(
        "en",
        "The talks ended. ...And then the press came in.",
        &["The talks ended.", "...And then the press came in."],
    );
    check_one("en", "The talks ended. … and then the press came in.");
}

#[test]
fn escaped_list_number_stays_with_sentence() {
    check_one("en", "1\\. Kazakhstan will supply uranium.");
}

#[test]
fn spaced_abbreviation_is_recognised() {
    check_one("ru", "Экспорт вырос, т. е. Южная Корея закупила больше.");
    check_one("en", "Several sectors, e. g. Energy, will benefit.");
    check(
        "kk",
        "Мұнай, газ т. б. Сондай-ақ астық.",
        &["Мұнай, газ т. б.", "Сондай-ақ астық."],
    );
}

#[test]
fn lower_case_no_is_an_ordinary_word() {
    check(
        "en",
        "Asked about a new pipeline, he said no. The ministry declined to comment.",
        &[
            "Asked about a new pipeline, he said no.",
            "The ministry declined to comment.",
        ],
    );
}

#[test]
fn russian_ambiguous_pronoun_abbreviation_splits_before_starter() {
    check_one("ru", "Концерт прошёл во Дворце им. Абая.");
    check(
        "ru",
        "Делегация передала подарки им. Они поблагодарили гостей.",
        &[
            "Делегация передала подарки им.",
            "Они поблагодарили гостей.",
        ],
    );
}

#[test]
fn korean_list_marker_stays_with_sentence() {
    check(
        "ko",
        "가. 양국은 합의했다. 나. 협력을 확대한다. 네. 좋습니다.",
        &[
            "가. 양국은 합의했다.",
            "나. 협력을 확대한다.",
            "네.",
            "좋습니다.",
        ],
    );
}

#[test]
fn dash_before_capital_opens_reply() {
    check(
        "ru",
        "— Как вы оцениваете визит? — Очень высоко. — Почему? — Мы подписали 12 соглашений.",
        &[
            "— Как вы оцениваете визит?",
            "— Очень высоко.",
            "— Почему?",
            "— Мы подписали 12 соглашений.",
        ],
    );
    check_one("ru", "«Да!» — Токаев улыбнулся.");
    check_one(
        "en",
        "The deal covers uranium, i.e. — Kazakhstan’s main export.",
    );
}

#[test]
fn dateline_month_abbreviation_does_not_end_sentence() {
    check_one(
        "ru",
        "АСТАНА, 17 авг. — Президент Токаев провел переговоры.",
    );
    check_one(
        "en",
        "SEOUL, Aug. 17 (Yonhap) -- South Korea and Kazakhstan agreed to expand ties.",
    );
    check_one(
        "en",
        "Hyundai sells cars in 200 countries, incl. Kazakhstan and Uzbekistan.",
    );
}

// ---------------------------------------------------------------- Lists

/// Asserts that the plain text `text` segments into exactly `expected` under the rules for `lang`.
fn check_plain(lang: &str, text: &str, expected: &[&str]) {
    assert_eq!(
        split_plain(text, lang),
        expected,
        "segmenting plain {text:?} as {lang}"
    );
    check_plain_round_trip(text, lang);
}

#[test]
fn inline_numbered_items_start_segments() {
    check(
        "en",
        "1.) Lower tariffs on grain 2.) A rail link to the port",
        &["1.) Lower tariffs on grain", "2.) A rail link to the port"],
    );
    check(
        "en",
        "1) The pipeline reaches Aktau. 2) The refinery is rebuilt.",
        &[
            "1) The pipeline reaches Aktau.",
            "2) The refinery is rebuilt.",
        ],
    );
    check(
        "en",
        "Officials named priorities 1. Register with the embassy 2. Apply online",
        &[
            "Officials named priorities",
            "1. Register with the embassy",
            "2. Apply online",
        ],
    );
}

#[test]
fn inline_lettered_items_start_segments() {
    check(
        "en",
        "a. The delegations meet b. The leaders sign c. A news conference follows",
        &[
            "a. The delegations meet",
            "b. The leaders sign",
            "c. A news conference follows",
        ],
    );
}

#[test]
fn bullet_with_number_is_one_marker() {
    check(
        "en",
        "• 9. Energy and mining • 10. Logistics and transit",
        &["• 9. Energy and mining", "• 10. Logistics and transit"],
    );
    check("en", "⁃9. Seoul ⁃10. Astana", &["⁃9. Seoul", "⁃10. Astana"]);
}

#[test]
fn lone_number_or_list_inside_sentence_is_not_an_item() {
    check(
        "en",
        "He bought 2. The rest was sold at auction.",
        &["He bought 2.", "The rest was sold at auction."],
    );
    check_one(
        "en",
        "The plan has three parts: 1) lower taxes, 2) more spending and 3) less debt.",
    );
    check_one(
        "ru",
        "Стороны договорились: 1) расширить торговлю; 2) открыть новые рейсы.",
    );
    check_one("ru", "Вот список: 1.мороженое, 2.мясо, 3.рис.");
    check_one("en", "The book is by A. B. Smith and B. C. Jones.");
}

#[test]
fn line_starting_with_bullet_starts_segment_in_plain_text() {
    let text = "What the deal covers:\n- Uranium until 2030\n- A joint venture\n— Training";
    check_plain(
        "en",
        text,
        &[
            "What the deal covers:",
            "- Uranium until 2030",
            "- A joint venture",
            "— Training",
        ],
    );
    // In a Markdown paragraph such a line would be a list of its own; a line break is a space.
    assert_eq!(split(text, "en").len(), 1);
}

#[test]
fn unpunctuated_lines_are_segments_in_plain_text() {
    check_plain(
        "en",
        "features\ncontact manager\nevents, activities\n",
        &["features", "contact manager", "events, activities"],
    );
    check_plain(
        "en",
        "This is a sentence\ncut off in the middle of a line.",
        &["This is a sentence\ncut off in the middle of a line."],
    );
    check_plain(
        "ko",
        "주요 협력 분야\n원자력 발전\n가스 처리 시설",
        &["주요 협력 분야", "원자력 발전", "가스 처리 시설"],
    );
}

// ---------------------------------------------------------------- Times, eras, units, degrees

#[test]
fn time_after_a_clause_ends_sentence_before_capitalised_word() {
    check(
        "en",
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went home.",
        &[
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went home.",
        ],
    );
    check(
        "en",
        "Polls close at 8 p.m. Results are expected before midnight.",
        &[
            "Polls close at 8 p.m.",
            "Results are expected before midnight.",
        ],
    );
}

#[test]
fn time_that_only_says_when_does_not_end_sentence() {
    check_one(
        "en",
        "On Tuesday at 10 a.m. Gov. Kim will open the exhibition.",
    );
    check_one("en", "He noted: In 44 B.C. Caesar died.");
}

#[test]
fn time_before_day_or_time_zone_does_not_end_sentence() {
    check_one("en", "The flight lands at 6:40 p.m. Monday in Incheon.");
    check_one("en", "The vote closes at 8 p.m. EST on Tuesday.");
}

#[test]
fn era_after_year_ends_sentence_before_capitalised_word() {
    check(
        "en",
        "Rome was founded in 753 B.C. Augustus came centuries later.",
        &[
            "Rome was founded in 753 B.C.",
            "Augustus came centuries later.",
        ],
    );
    check_one(
        "en",
        "The temple dates to 200 B.C. and was rebuilt in 50 A.D.",
    );
}

#[test]
fn unit_after_number_ends_sentence_only_before_capitalised_word() {
    check_one("en", "The rod measured 5 ft. 6 in. after it was cut.");
    check(
        "en",
        "The tower is 340 ft. Engineers say it can sway.",
        &["The tower is 340 ft.", "Engineers say it can sway."],
    );
    check(
        "en",
        "He waited in. The door was locked.",
        &["He waited in.", "The door was locked."],
    );
}

#[test]
fn degree_ends_sentence_before_capitalised_word() {
    check(
        "en",
        "She earned her Ph.D. Seoul National University hired her.",
        &[
            "She earned her Ph.D.",
            "Seoul National University hired her.",
        ],
    );
    check_one("en", "He holds a Ph.D. in physics.");
    check_one("ko", "그는 Ph.D. 학위를 받았다.");
}

// ---------------------------------------------------------------- The pronoun I, No.

#[test]
fn pronoun_i_ends_sentence() {
    check(
        "en",
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        &[
            "We make a good team, you and I.",
            "Did you see Albert I. Jones yesterday?",
        ],
    );
}

#[test]
fn middle_initial_i_does_not_end_sentence() {
    check_one(
        "en",
        "The report was written by Anna I. Petrova of the bank.",
    );
    check(
        "en",
        "The reign of Nicholas I. The tsar died in 1855.",
        &["The reign of Nicholas I.", "The tsar died in 1855."],
    );
}

#[test]
fn number_sign_before_number_does_not_end_sentence() {
    check(
        "en",
        "You can find it at N°. 1026.253.553. That is where the treasure is.",
        &[
            "You can find it at N°. 1026.253.553.",
            "That is where the treasure is.",
        ],
    );
    check_one("en", "He is no. 5 on the list, the shortstop.");
    check(
        "en",
        "Samsung is the No. 1 investor. Hyundai is No. 2.",
        &["Samsung is the No. 1 investor.", "Hyundai is No. 2."],
    );
}

// ---------------------------------------------------------------- Ellipses

#[test]
fn spaced_ellipsis_between_words_does_not_end_sentence() {
    check_one(
        "en",
        "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
    );
}

#[test]
fn four_dot_ellipsis_ends_sentence() {
    check(
        "en",
        "Indicate the end of the sentence with a period . . . . Next sentence.",
        &[
            "Indicate the end of the sentence with a period . . . .",
            "Next sentence.",
        ],
    );
    check(
        "en",
        "I never meant that.... She left the store.",
        &["I never meant that....", "She left the store."],
    );
}

#[test]
fn ellipsis_after_period_opens_next_sentence() {
    check(
        "en",
        "They combined words into compounds. . . . The practice was not abandoned. . . .",
        &[
            "They combined words into compounds.",
            ". . . The practice was not abandoned. . . .",
        ],
    );
    check_one(
        "en",
        "Thoreau argues that “the laws of the universe will appear less complex. . . .”",
    );
}

#[test]
fn ellipsis_after_question_belongs_to_it() {
    check(
        "en",
        "Happy? . . .  No one had ever said so.",
        &["Happy? . . .", "No one had ever said so."],
    );
    check(
        "en",
        "Happy! ... No one had ever said so.",
        &["Happy! ...", "No one had ever said so."],
    );
}

#[test]
fn ellipsis_before_pronoun_i_does_not_end_sentence() {
    check_one("en", "I thought... I would go.");
}

// ---------------------------------------------------------------- Missing space after a period

#[test]
fn period_without_space_before_capitalised_word_ends_sentence() {
    check(
        "en",
        "Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
        &[
            "Hello world.",
            "Today is Tuesday.",
            "Mr. Smith went to the store and bought 1,000.",
            "That is a lot.",
        ],
    );
    check(
        "kk",
        "Ресейдің әлеуметтік-экономикалық жағдайы.XVIII ғасырдың бірінші ширегінде.",
        &[
            "Ресейдің әлеуметтік-экономикалық жағдайы.",
            "XVIII ғасырдың бірінші ширегінде.",
        ],
    );
}

#[test]
fn period_without_space_in_names_and_addresses_does_not_end_sentence() {
    for text in [
        "Her email is Jane.Doe@example.com, she said.",
        "The site is www.Akorda.kz in three languages.",
        "The figures are in Trade.Report.xlsx, attached.",
        "It was signed in the U.S.A.Later it was ratified.",
        "Growth reached 3.5% and Ph.D.Students protested.",
        "The statement is at gov.kz.Officials declined to comment.",
        "Mr.Smith and St.Petersburg are written without spaces.",
    ] {
        check_one("en", text);
    }
}

#[test]
fn korean_period_without_space_after_verb_ending_ends_sentence() {
    check(
        "ko",
        "양국은 합의했다.그러나 일정은 정하지 못했다.",
        &["양국은 합의했다.", "그러나 일정은 정하지 못했다."],
    );
    check_one("ko", "한.미 정상회담은 다음 달 열린다.");
}

// ---------------------------------------------------------------- Quotations and brackets

#[test]
fn dialogue_inside_guillemets_is_one_sentence() {
    check_one(
        "ru",
        "«К чему ты готовишься? – спросила мама. – Завтра ведь выходной».",
    );
    check_one(
        "kk",
        "«Мұнай бағасы қашан тұрақтанады? – деп сұрады тілші. – Болжам әртүрлі».",
    );
    check_one(
        "ru",
        "«Мы готовы к диалогу. Двери открыты», — заявил министр.",
    );
}

#[test]
fn quotation_that_closes_soon_is_not_split() {
    check_one(
        "en",
        "“Kazakhstan knows what it means to choose peace. We gave up our weapons,” Tokayev said.",
    );
    check_one("en", "\"How many? I don't know.\"");
    check_one(
        "ko",
        "그는 “협력을 확대하겠다. 이는 역사적인 결정이다”라고 강조했다.",
    );
}

#[test]
fn long_or_unclosed_quotation_is_split() {
    let long = format!(
        "“We agree. {} we will meet again.” He left.",
        "The talks went on and on ".repeat(20)
    );
    assert_eq!(split(&long, "en").len(), 3, "{long}");
    check(
        "en",
        "“We agree. We will sign next year.",
        &["“We agree.", "We will sign next year."],
    );
}

#[test]
fn period_inside_brackets_that_close_soon_does_not_end_sentence() {
    check(
        "kk",
        "(«Егемен Қазақстан», 2012 жыл. №590-591); Бұл туралы департамент хабарлады. («Айқын», 2010 жыл. № 70).",
        &[
            "(«Егемен Қазақстан», 2012 жыл. №590-591); Бұл туралы департамент хабарлады.",
            "(«Айқын», 2010 жыл. № 70).",
        ],
    );
    check_one(
        "ru",
        "Цитата приведена по изданию (Абай. Слова назидания. Алматы, 2020), в переводе редакции.",
    );
    check_one("en", "Check the reference [page. 42] for details.");
}

#[test]
fn reference_marks_after_sentence_belong_to_it() {
    check(
        "en",
        "Hydrogen is a gas. [1][2] [3] It is colorless.",
        &["Hydrogen is a gas. [1][2] [3]", "It is colorless."],
    );
}

// ---------------------------------------------------------------- Russian and Kazakh classes

#[test]
fn russian_place_abbreviations_do_not_end_sentence() {
    check_one(
        "ru",
        "Едем в сторону пгт. Брагиновка, о котором слышали по ТВ!",
    );
    check_one("ru", "Штаб находится по адресу: ул. Абая, д. 12, кв. 4.");
}

#[test]
fn russian_year_before_another_date_does_not_end_sentence() {
    check_one(
        "ru",
        "Дом, где родился Л.Н.Толстой, 1898 г. В 1854 году дом продан на вывоз.",
    );
    check(
        "ru",
        "Соглашение подписано в 2019 г. Однако работы начались позже.",
        &[
            "Соглашение подписано в 2019 г.",
            "Однако работы начались позже.",
        ],
    );
}

#[test]
fn kazakh_short_questions_in_a_row_are_sentences() {
    check(
        "kk",
        "Оқушылар үйі, Достық даңғылы, Абай даналығы, ауыл шаруашылығы – кім? не?",
        &[
            "Оқушылар үйі, Достық даңғылы, Абай даналығы, ауыл шаруашылығы – кім?",
            "не?",
        ],
    );
    check(
        "en",
        "They asked three things: who? what? when? Nobody answered.",
        &[
            "They asked three things: who?",
            "what?",
            "when?",
            "Nobody answered.",
        ],
    );
}

#[test]
fn short_questions_inside_a_sentence_do_not_split() {
    check_one("kk", "Зат есім кім? не? деген сұрақтарға жауап береді.");
    check_one("en", "“Is it true?” he asked reporters.");
    check_one("kk", "Бірақ оның енді не керегі бар? — деді.");
}

// ---------------------------------------------------------------- Korean dates

#[test]
fn korean_date_with_periods_does_not_end_sentence() {
    check_one("ko", "정부는 2021. 8. 17. 서울에서 협정에 서명했다.");
    check_one("ko", "이 통계는 2021. 8. 기준으로 작성됐다.");
    check_one("ko", "행사는 2021. 8. 15.(일) 열린다.");
    check(
        "ko",
        "양국은 2019.4.22. 공동성명을 채택했다. 그 뒤 교역이 늘었다.",
        &[
            "양국은 2019.4.22. 공동성명을 채택했다.",
            "그 뒤 교역이 늘었다.",
        ],
    );
}

#[test]
fn korean_date_before_sentence_starter_ends_sentence() {
    check(
        "ko",
        "협정 발효일은 2021. 8. 17. 그러나 비준은 늦어졌다.",
        &["협정 발효일은 2021. 8. 17.", "그러나 비준은 늦어졌다."],
    );
}

#[test]
fn korean_ellipsis_after_verb_ending_ends_sentence() {
    check(
        "ko",
        "그는 잠시 말을 멈췄다… 그리고 이름을 불렀다.",
        &["그는 잠시 말을 멈췄다…", "그리고 이름을 불렀다."],
    );
    check_one("ko", "그는… 잠시 말을 멈췄다.");
}

#[test]
fn korean_quotation_with_particle_after_period_is_one_sentence() {
    check_one(
        "ko",
        "문 대통령은 “우리는 함께 나아갈 것입니다. 감사합니다.”라며 연설을 마쳤다.",
    );
    check_one(
        "ko",
        "기자가 “언제 완공됩니까?”라고 묻자 장관은 답하지 않았다.",
    );
}
