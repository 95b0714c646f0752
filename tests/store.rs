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

#[test]
fn hand_edits_next_to_machine_lines_are_kept_once_and_in_place() {
    let f = Fixture::init();
    f.write(
        "articles/a.md",
        "+++\ntitle = \"Title\"\n+++\n\nFirst sentence. Second sentence. Third sentence.\n",
    );
    f.bitext(&["sync"]).assert().success();
    let first = f.id_of("a", "First");
    let second = f.id_of("a", "Second");
    let ko = f.read("locales/ko/a.ftl");
    let ko = ko
        // A note of the translator's right under the header.
        .replacen(".\n\n", ".\n### Translator: Kim\n\n", 1)
        // A translator's comment that happens to start with "en:".
        .replace(
            "# bitext: missing title\n",
            "# bitext: missing title\n\n# en: the English title has a typo, asked the desk\ntitle = 제목\n",
        )
        // A to-do note under a placeholder.
        .replace(&format!("# bitext: missing {first}\n"), &format!("# bitext: missing {first}\n# TODO check the name\n"))
        // A mistyped id under the second sentence's placeholder.
        .replace(&format!("# bitext: missing {second}\n"), &format!("# bitext: missing {second}\n{}x = 둘째 문장.\n", &second[..second.len() - 1]));
    f.write("locales/ko/a.ftl", &ko);
    f.bitext(&["accept", "ko", "a"]).assert().success();
    f.write(
        "articles/a.md",
        "+++\ntitle = \"Title\"\n+++\n\nFirst sentence! Second sentence. Third sentence.\n",
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["set", "ko", "a", &first, "첫 문장!"])
        .assert()
        .success();
    let after = f.read("locales/ko/a.ftl");
    snapbox::assert_data_eq!(
        after.clone(),
        snapbox::file!["snapshots/store/ko-hand-edits.ftl"].raw()
    );
    assert_eq!(after.matches("### Translator: Kim").count(), 1);
    assert_eq!(
        after.matches("### bitext:").count(),
        2,
        "header repeated:\n{after}"
    );
    assert_eq!(after.matches("# TODO check the name").count(), 1);
    assert!(after.contains("# en: the English title has a typo, asked the desk\n"));
    let typo = after.find("x = 둘째 문장.").unwrap();
    let second_english = after.find("# en: Second sentence.").unwrap();
    let third_english = after.find("# en: Third sentence.").unwrap();
    assert!(
        second_english < typo && typo < third_english,
        "the mistyped message moved:\n{after}"
    );
}

#[test]
fn a_message_with_only_attributes_does_not_hide_the_translation() {
    let f = Fixture::init();
    f.write("articles/a.md", "+++\ntitle = \"Title\"\n+++\n\nText.\n");
    f.bitext(&["sync"]).assert().success();
    f.write(
        "locales/ko/a.ftl",
        "title =\n    .alt = 대체\n\ntitle = 제목\n",
    );
    f.bitext(&["accept", "ko", "a"])
        .assert()
        .success()
        .stdout_eq("ko a title: signed off (was unreviewed)\n1 translation signed off\n");
    f.bitext(&["accept", "ko", "a"])
        .assert()
        .success()
        .stdout_eq("0 translations signed off\n");
}
