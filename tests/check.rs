//! `bitext check` over a fixture project whose translations hold the common mistakes of news
//! translation, each next to a correct one.

mod common;

use common::Fixture;

const ARTICLE: &str = r#"+++
title = "Tokayev visits Seoul"
byline = "By Jane Doe"
+++

Trade hit a record $4.25 billion in 2019. Kazakhstan gave up more than 1,400 nuclear weapons.

Tokayev met Moon Jae-in at [Cheong Wa Dae](https://www.president.go.kr/). The *Fresh Wind* program grows.

“We agree,” Tokayev said. Run `bitext sync` first.
"#;

const GLOSSARY_EN: &str = "-tokayev = Kassym-Jomart Tokayev\n    .alt1 = Tokayev\n-moon-jae-in = Moon Jae-in\n-kazakhstan = Kazakhstan\n-cheong-wa-dae = Cheong Wa Dae\n";

/// A project with the article synced and the glossary in place.
fn project() -> Fixture {
    let f = Fixture::init();
    f.write("articles/visit.md", ARTICLE);
    f.write("locales/en/glossary.ftl", GLOSSARY_EN);
    f.write(
        "locales/ko/glossary.ftl",
        "-tokayev = 카심조마르트 토카예프\n    .alt1 = 토카예프\n-moon-jae-in = 문재인\n-kazakhstan = 카자흐스탄\n-cheong-wa-dae = 청와대\n",
    );
    f.write(
        "locales/ru/glossary.ftl",
        "-tokayev = Касым-Жомарт Токаев\n    .alt1 = Токаев\n-moon-jae-in = Мун Чжэ Ин\n-kazakhstan = Казахстан\n-cheong-wa-dae = Чхонвадэ\n",
    );
    f.write(
        "locales/kk/glossary.ftl",
        "-tokayev = Қасым-Жомарт Тоқаев\n    .alt1 = Тоқаев\n-moon-jae-in = Мун Чжэ Ин\n-kazakhstan = Қазақстан\n-cheong-wa-dae = Чхонвадэ\n",
    );
    f.bitext(&["sync"]).assert().success();
    f
}

fn set(f: &Fixture, locale: &str, needle: &str, text: &str) {
    let id = if needle == "title" || needle == "byline" {
        needle.to_string()
    } else {
        f.id_of("visit", needle)
    };
    f.bitext(&["set", locale, "visit", &id, text])
        .assert()
        .success();
}

#[test]
fn correct_translations_pass_every_check() {
    let f = project();
    for (needle, ko, kk, ru) in [
        (
            "title",
            "토카예프, 서울 방문",
            "Тоқаев Сеулге барды",
            "Токаев посетил Сеул",
        ),
        ("byline", "제인 도 기자", "Авторы: Джейн Доу", "Джейн Доу"),
        (
            "Trade hit",
            "2019년 교역액은 사상 최대인 42억5000만 달러를 기록했다.",
            "2019 жылы тауар айналымы рекордтық 4,25 млрд долларға жетті.",
            "В 2019 году товарооборот достиг рекордных 4,25 млрд долларов.",
        ),
        (
            "gave up",
            "카자흐스탄은 핵무기 1400여 개를 포기했다.",
            "Қазақстан 1 400-ден астам ядролық қарудан бас тартты.",
            "Казахстан отказался от более чем 1 400 единиц ядерного оружия.",
        ),
        (
            "met Moon",
            "토카예프 대통령은 [청와대](https://www.president.go.kr/)에서 문재인 대통령과 만났다.",
            "Тоқаев Мун Чжэ Инмен [Чхонвадэде](https://www.president.go.kr/) кездесті.",
            "Токаев встретился с Мун Чжэ Ином в [«Чхонвадэ»](https://www.president.go.kr/).",
        ),
        (
            "program grows",
            "*프레시 윈드* 프로그램이 확대된다.",
            "*«Жаңа леп»* бағдарламасы кеңейеді.",
            "Программа *«Свежий ветер»* расширяется.",
        ),
        (
            "We agree",
            "토카예프 대통령은 “우리는 동의한다”고 말했다.",
            "«Біз келісеміз», – деді Тоқаев.",
            "«Мы согласны», — сказал Токаев.",
        ),
        (
            "Run",
            "먼저 `bitext sync`를 실행한다.",
            "Алдымен `bitext sync` іске қосыңыз.",
            "Сначала выполните `bitext sync`.",
        ),
    ] {
        set(&f, "ko", needle, ko);
        set(&f, "kk", needle, kk);
        set(&f, "ru", needle, ru);
    }
    f.bitext(&["check"])
        .assert()
        .success()
        .stdout_eq("0 errors, 0 warnings\n");
}

#[test]
fn mistakes_are_reported_with_place_check_and_reason() {
    let f = project();
    // Korean: a corrected figure left as it was, a lost link, straight quotes, a missing name.
    set(&f, "ko", "title", "토카예프, 서울 방문");
    set(
        &f,
        "ko",
        "Trade hit",
        "2019년 교역액은 사상 최대인 42억2000만 달러를 기록했다.",
    );
    set(
        &f,
        "ko",
        "met Moon",
        "토카예프 대통령은 청와대에서 문 대통령과 만났다.",
    );
    set(
        &f,
        "ko",
        "We agree",
        "토카예프 대통령은 \"우리는 동의한다\"고 말했다.",
    );
    set(&f, "ko", "Run", "Run `bitext sync` first.");
    // Russian: a Latin "a" in a Cyrillic word, "1,4" (one point four), an empty translation,
    // a variable with no value, a space at the end.
    set(&f, "ru", "title", "Токаев посетил Сеул ");
    set(
        &f,
        "ru",
        "gave up",
        "Кaзахстан отказался от более чем 1,4 единиц ядерного оружия.",
    );
    // `set` refuses an empty translation: it is written by hand and signed off.
    set(&f, "ru", "byline", "Джейн Доу");
    let ru = f.read("locales/ru/visit.ftl");
    f.write(
        "locales/ru/visit.ftl",
        ru.replace("byline = Джейн Доу", "byline = {\"\"}"),
    );
    f.bitext(&["accept", "ru", "--id", "byline", "--all"])
        .assert()
        .success();
    set(&f, "ru", "We agree", "“Мы согласны”, — сказал Токаев.");
    // Kazakh: emphasis lost, a term that is not defined, a duplicate id, a syntax error.
    set(
        &f,
        "kk",
        "program grows",
        "«Жаңа леп» бағдарламасы кеңейеді.",
    );
    let kk = f.read("locales/kk/visit.ftl");
    let kk = kk.replace(
        "# bitext: missing title\n",
        "# bitext: missing title\ntitle = { -tokaev } Сеулге барды\ntitle = Тоқаев Сеулге барды\n\nbyline = { $author\n",
    );
    let we_agree = f.id_of("visit", "We agree");
    let kk = kk.replace(
        &format!("# bitext: missing {we_agree}\n"),
        &format!(
            "# bitext: missing {we_agree}\n{we_agree} = «Біз келісеміз», – деді {{ $who }}.\n"
        ),
    );
    f.write("locales/kk/visit.ftl", kk);
    f.bitext(&["check"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::file!["snapshots/check/mistakes.txt"]);
    f.bitext(&["check", "--json", "--locale", "ko"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::file!["snapshots/check/mistakes-ko.json"]);
    f.bitext(&["check", "--format", "markdown", "--locale", "ru"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::file!["snapshots/check/mistakes-ru.md"]);
}

#[test]
fn levels_come_from_bitext_toml_and_exceptions_from_the_file() {
    let f = project();
    set(&f, "ru", "byline", "By Jane Doe");
    set(&f, "ru", "We agree", "“Мы согласны”, — сказал Токаев.");
    set(
        &f,
        "ko",
        "We agree",
        "토카예프 대통령은 \"우리는 동의한다\"고 말했다.",
    );
    f.bitext(&["check"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/check/levels-default.txt"]);

    // Quotes are an error in Russian, and off in Korean.
    let config = f.read("bitext.toml");
    f.write(
        "bitext.toml",
        format!("{config}\n[check]\nquotes = \"error\"\n\n[check.ko]\nquotes = \"off\"\n"),
    );
    f.bitext(&["check"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::file!["snapshots/check/levels-configured.txt"]);

    // The byline is meant to stay in English: the exception lives next to the message and
    // survives every rewrite.
    let ru = f.read("locales/ru/visit.ftl");
    f.write(
        "locales/ru/visit.ftl",
        ru.replace(
            "byline = By Jane Doe",
            "# bitext-ignore: identical\nbyline = By Jane Doe",
        ),
    );
    f.bitext(&["accept", "ru", "--all"]).assert().success();
    assert!(f
        .read("locales/ru/visit.ftl")
        .contains("# bitext-ignore: identical\n"));
    f.bitext(&["check", "--locale", "ru"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::file!["snapshots/check/levels-ignored.txt"]);

    f.write(
        "bitext.toml",
        format!("{config}\n[check]\nquote = \"error\"\n"),
    );
    f.bitext(&["check"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/check/levels-unknown.stderr"]);
}

#[test]
fn an_exception_lapses_when_the_english_changes() {
    let f = project();
    set(
        &f,
        "ru",
        "Trade hit",
        "В 2019 году товарооборот достиг рекордных 4,22 млрд долларов.",
    );
    let ru = f.read("locales/ru/visit.ftl");
    let trade = f.id_of("visit", "Trade hit");
    f.write(
        "locales/ru/visit.ftl",
        ru.replace(
            &format!("\n{trade} = "),
            &format!("\n# bitext-ignore: numbers\n{trade} = "),
        ),
    );
    f.bitext(&["accept", "ru", "--all"]).assert().success();
    f.bitext(&["check", "--locale", "ru"]).assert().success();

    // The editor corrects the figure: the translation is stale, and checked in full again.
    f.write(
        "articles/visit.md",
        ARTICLE.replace("$4.25 billion", "$4.30 billion"),
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["check", "--locale", "ru"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::file!["snapshots/check/lapsed-exception.txt"]);
}

#[test]
fn glossary_files_are_checked_too() {
    let f = project();
    f.write(
        "locales/en/glossary.ftl",
        format!("{GLOSSARY_EN}-kazakhstan = Kazakhstan again\n-seoul = Seoul {{\n"),
    );
    f.write(
        "locales/ru/glossary.ftl",
        "-tokayev = Касым-Жомарт Токаев\n-kazakhstan = Казахстан\n-cheong-wa-dae = Чхонвадэ\n",
    );
    f.bitext(&["check", "--locale", "ru"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::file!["snapshots/check/glossary-files.txt"]);
}
