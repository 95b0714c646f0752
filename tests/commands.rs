//! The smaller commands and output formats, each over a small fixture.

mod common;

use common::{Fixture, ARTICLE};

#[test]
fn segment_prints_one_sentence_per_line_in_each_language() {
    let f = Fixture::empty();
    for (lang, input, expected) in [
        ("en", "segment/en.txt", "segment/en.out"),
        ("ru", "segment/ru.txt", "segment/ru.out"),
        ("kk", "segment/kk.txt", "segment/kk.out"),
        ("ko", "segment/ko.txt", "segment/ko.out"),
    ] {
        let input = std::fs::read_to_string(format!("tests/snapshots/{input}")).unwrap();
        f.bitext(&["segment", "--lang", lang])
            .stdin(input)
            .assert()
            .success()
            .stdout_eq(snapbox::Data::read_from(
                std::path::Path::new(&format!("tests/snapshots/{expected}")),
                None,
            ));
    }
}

#[test]
fn status_and_log_in_markdown_and_json() {
    let f = Fixture::init();
    f.write("articles/2021/08/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    let trade = f.id_of("2021/08/summit", "Trade reached");
    f.bitext(&[
        "set",
        "ko",
        "2021/08/summit",
        &trade,
        "2019년 교역액은 42억2000만 달러에 달했다.",
    ])
    .assert()
    .success();
    f.write(
        "articles/2021/08/summit.md",
        ARTICLE.replace("4.22", "4.25"),
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["status", "--format", "markdown"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/commands/status.md"]);
    f.bitext(&["log", "2021/08/summit", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/commands/log.json"]);
    f.bitext(&["log", "articles/2021/08/summit.md", "--format", "markdown"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/commands/log.md"]);
}

#[test]
fn init_refuses_an_existing_project() {
    let f = Fixture::init();
    assert!(f.path("locales/kk").is_dir());
    f.bitext(&["init"])
        .assert()
        .code(2)
        .stderr_eq("error: [..]bitext.toml: a project is already here\n");
}

#[test]
fn init_gives_bitexts_files_to_its_merge_driver_and_keeps_existing_attributes() {
    let f = Fixture::init();
    assert_eq!(
        f.read(".gitattributes"),
        "history/**/*.jsonl merge=bitext\nlocales/**/*.ftl merge=bitext\n"
    );
    assert_eq!(
        f.read(".gitignore"),
        "/.bitext.lock\n.bitext-*.tmp\n/.bitext/\n"
    );
    let g = Fixture::empty();
    g.write(".gitattributes", "*.md text\n");
    g.bitext(&["init"]).assert().success();
    assert_eq!(
        g.read(".gitattributes"),
        "*.md text\nhistory/**/*.jsonl merge=bitext\nlocales/**/*.ftl merge=bitext\n"
    );
}

/// History written by an older version of the sentence rules, which kept two sentences as one
/// segment; its Korean translation is signed off.
const OLD_RULES_HISTORY: &str = concat!(
    r#"{"revision":1,"date":"2021-08-17T00:00:00Z","article":"old","rules":0,"order":["title","s-oldone"]}"#,
    "\n",
    r#"{"id":"title","added":"Leaders meet"}"#,
    "\n",
    r#"{"id":"s-oldone","added":"Moon welcomed Tokayev. The talks began at noon."}"#,
    "\n",
);

#[test]
fn newer_sentence_rules_keep_ids_and_carry_translations_as_drafts() {
    let f = Fixture::init();
    f.write(
        "articles/talks.md",
        "+++\ntitle = \"Leaders meet\"\n+++\n\nMoon welcomed Tokayev. The talks began at noon.\n",
    );
    f.write("history/talks.jsonl", OLD_RULES_HISTORY);
    f.write(
        "locales/ko/talks.ftl",
        "# bitext: current, signed r1 00000000\n\
         title = 정상 회동\n\n\
         # bitext: current, signed r1 00000000\n\
         s-oldone = 문 대통령이 토카예프 대통령을 맞이했다. 회담은 정오에 시작됐다.\n",
    );
    f.bitext(&["sync"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/commands/resegment-sync.txt"]);
    snapbox::assert_data_eq!(
        f.read("locales/ko/talks.ftl"),
        snapbox::file!["snapshots/commands/resegment-ko.ftl"].raw()
    );
    let ids: Vec<String> = f
        .messages("locales/en/talks.ftl")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids[0..2], ["title", "s-oldone"]);
    assert_eq!(ids.len(), 3);
    f.bitext(&["status", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/commands/resegment-status.json"]);
}

#[test]
fn a_removed_article_keeps_its_history_and_translations() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.write(
        "articles/other.md",
        "+++\ntitle = \"Other\"\n+++\n\nText.\n",
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["set", "ko", "other", "title", "기타"])
        .assert()
        .success();
    std::fs::remove_file(f.path("articles/other.md")).unwrap();
    f.bitext(&["sync"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/commands/removed-sync.txt"]);
    assert!(f.read("locales/ko/other.ftl").contains("title = 기타\n"));
    f.bitext(&["status", "--locale", "ko"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/commands/removed-status.txt"]);
    f.bitext(&["status", "other", "--locale", "ko", "--format", "markdown"])
        .assert()
        .success();
    f.write("articles/new.md", "Text.\n");
    f.bitext(&["set", "ko", "new", "title", "x"])
        .assert()
        .code(2)
        .stderr_eq("error: new was never synced: run `bitext sync new` first\n");
}

#[test]
fn a_sentence_that_comes_back_gets_its_id_and_translations_back() {
    let f = Fixture::init();
    f.write(
        "articles/a.md",
        "First paragraph.\n\nSecond paragraph is here.\n",
    );
    f.bitext(&["sync"]).assert().success();
    let second = f.id_of("a", "Second");
    f.bitext(&["set", "ko", "a", &second, "두 번째 문단."])
        .assert()
        .success();
    f.write("articles/a.md", "First paragraph.\n");
    f.bitext(&["sync"]).assert().success();
    f.write(
        "articles/a.md",
        "First paragraph.\n\nSecond paragraph is here.\n",
    );
    f.bitext(&["sync"]).assert().success();
    assert_eq!(f.id_of("a", "Second"), second);
    f.bitext(&["status", "--locale", "ko"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/commands/restored-status.txt"]);
}

#[test]
fn a_different_sentence_in_the_same_place_is_new_not_an_edit() {
    let f = Fixture::init();
    f.write("articles/a.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    let met = f.id_of("a", "met at");
    f.bitext(&["set", "ru", "a", &met, "Лидеры встретились в «Чхонвадэ»."])
        .assert()
        .success();
    f.write(
        "articles/a.md",
        ARTICLE.replace(
            "The two leaders met at Cheong Wa Dae.",
            "Police arrested two men in Almaty on Friday.",
        ),
    );
    f.bitext(&["sync"])
        .assert()
        .success()
        .stdout_eq("a: revision 2: 1 added, 0 changed, 1 removed, 5 unchanged\n1 article, 1 with a new revision\n");
    assert_ne!(f.id_of("a", "Police"), met);
    assert!(f
        .read("locales/ru/a.ftl")
        .contains("# bitext: obsolete, no longer in the source; signed r1"));
}
