//! The Fluent files bitext writes keep every character exactly, and keep what translators wrote.

mod common;

use common::Fixture;

/// An article whose sentences hold Fluent's special characters.
const SPECIAL: &str = r#"+++
title = "{Braces} and \\backslashes\\"
byline = "By “Jane” Doe"
+++

[Link](https://example.com/a.b) opens. *Stars* lead. Price: $4.22&nbsp;billion.

.NET is named.

Hangul 한국어 문장. Kazakh Қазақстан әңгімесі. Emoji 😀 too. Quotes "straight" and 'single'.
"#;

#[test]
fn special_characters_are_escaped_in_the_source_and_target_files() {
    let f = Fixture::init();
    f.write("articles/special.md", SPECIAL);
    f.bitext(&["sync"]).assert().success();
    snapbox::assert_data_eq!(
        f.read("locales/en/special.ftl"),
        snapbox::file!["snapshots/store/en-special.ftl"].raw()
    );

    let texts = [
        ("title", "{중괄호}와 \\역슬래시\\"),
        ("byline", " 글 제인 도 "),
        ("opens", "[링크](https://example.com/a.b)가 열린다."),
        ("Stars", "*별*이 앞선다."),
        (".NET", ".NET이라는 이름이다."),
        ("Price", "가격: 42억2000만\u{a0}달러."),
        ("Emoji", "이모지 😀도 있다.\n두 번째 줄."),
        ("Quotes", "따옴표 \"곧은\" 것과 '홑' 것."),
    ];
    for (needle, text) in texts {
        let id = if needle == "title" || needle == "byline" {
            needle.to_string()
        } else {
            f.id_of("special", needle)
        };
        f.bitext(&["set", "ko", "special", &id, text])
            .assert()
            .success();
    }
    snapbox::assert_data_eq!(
        f.read("locales/ko/special.ftl"),
        snapbox::file!["snapshots/store/ko-special.ftl"].raw()
    );
    let ko = f.read("locales/ko/special.ftl");
    let file = bitext::store::ftl::parse(&ko);
    assert_eq!(file.errors().count(), 0);
    let translations = bitext::store::target::translations(&file);
    for (needle, text) in texts {
        let id = if needle == "title" || needle == "byline" {
            needle.to_string()
        } else {
            f.id_of("special", needle)
        };
        assert_eq!(translations[id.as_str()].text(), text);
    }
}

#[test]
fn translators_comments_terms_junk_and_obsolete_messages_survive_rewrites() {
    let f = Fixture::init();
    f.write(
        "articles/a.md",
        "+++\ntitle = \"Title\"\n+++\n\nFirst sentence. Second sentence.\n",
    );
    f.bitext(&["sync"]).assert().success();
    let first = f.id_of("a", "First");
    let second = f.id_of("a", "Second");
    let hand_written = format!(
        "## Translator's notes for this article\n\n\
         -brand = 비텍스트\n\n\
         # Translator: check this title with the desk.\n\
         title = 제목 {{ -brand }}\n\n\
         s-gone99 = 없어진 문장.\n\n\
         {first} = 첫 문장.\n    .title = 속성\n\n\
         broken = {{ 깨진\n\n\
         # A standalone note at the end.\n"
    );
    f.write("locales/ko/a.ftl", &hand_written);
    f.bitext(&["set", "ko", "a", &second, "둘째 문장."])
        .assert()
        .success();
    f.bitext(&["accept", "ko", "a"]).assert().success();
    f.write(
        "articles/a.md",
        "+++\ntitle = \"Title\"\n+++\n\nFirst sentence. Second sentence!\n",
    );
    f.bitext(&["sync"]).assert().success();
    let after = f.read("locales/ko/a.ftl");
    snapbox::assert_data_eq!(
        after.clone(),
        snapbox::file!["snapshots/store/ko-survivors-invalid.ftl"].raw()
    );
    for kept in [
        "## Translator's notes for this article\n",
        "-brand = 비텍스트\n",
        "# Translator: check this title with the desk.\n",
        "title = 제목 { -brand }\n",
        "s-gone99 = 없어진 문장.\n",
        "    .title = 속성\n",
        "broken = { 깨진\n",
        "# A standalone note at the end.\n",
    ] {
        assert!(after.contains(kept), "lost {kept:?}:\n{after}");
    }
    f.bitext(&["status", "--json", "--locale", "ko"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/store/survivors-status.json"]);
}
