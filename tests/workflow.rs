//! The translators' workflow through the real binary: two successive edits of one sentence,
//! `todo` showing both since the translation, `diff` between revisions with every locale's
//! answer under the change, and `show`.

mod common;

use common::{Fixture, ARTICLE};
use serde_json::Value;

const SLUG: &str = "summit";
const R1: &str = "Trade reached $4.22 billion in 2019.";
const R2: &str = "Trade reached $4.25 billion in 2019.";
const R3: &str = "Trade between the two countries reached $4.25 billion in 2019.";
const RU_R1: &str = "В 2019 году товарооборот достиг 4,22 млрд долларов.";
const RU_R3: &str = "В 2019 году товарооборот между двумя странами достиг 4,25 млрд долларов.";

/// A project whose trade sentence was edited twice after it was translated everywhere.
fn edited_twice() -> Fixture {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.translate_all(SLUG);
    f.write("articles/summit.md", ARTICLE.replace(R1, R2));
    f.bitext(&["sync"]).assert().success();
    f.write("articles/summit.md", ARTICLE.replace(R1, R3));
    f.bitext(&["sync"]).assert().success();
    f
}

fn json(f: &Fixture, args: &[&str]) -> Value {
    serde_json::from_str(&f.stdout(args)).unwrap()
}

/// The text a list of diff operations gives on one side.
fn side(ops: &Value, skip: &str) -> String {
    ops.as_array()
        .unwrap()
        .iter()
        .filter(|op| op["op"] != skip)
        .map(|op| op["text"].as_str().unwrap())
        .collect()
}

#[test]
fn todo_shows_the_diff_since_the_translation_across_both_edits() {
    let f = edited_twice();
    let trade = f.id_of(SLUG, "Trade between");
    f.bitext(&["todo", "ko"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/todo-ko.txt"]);
    f.bitext(&["todo", "ko", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/todo-ko.json"]);
    f.bitext(&["todo", "ko", "--format", "markdown"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/todo-ko.md"]);

    let todo = json(&f, &["todo", "ko", "--json"]);
    let items = todo["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{todo:#}");
    let item = &items[0];
    assert_eq!(item["id"], trade.as_str());
    assert_eq!(item["state"], "stale");
    assert_eq!(item["class"], "major");
    assert_eq!(item["signed"], 1);
    assert_eq!(item["previous"], R1);
    assert_eq!(item["source"], R3);
    // The diff runs from the English of the translation to the English now: both edits.
    assert_eq!(side(&item["diff"], "insert"), R1);
    assert_eq!(side(&item["diff"], "delete"), R3);
    let deleted: Vec<&str> = item["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|op| op["op"] == "delete")
        .map(|op| op["text"].as_str().unwrap())
        .collect();
    assert_eq!(deleted, ["4.22"]);
}

#[test]
fn diff_shows_the_change_with_every_translation_under_it() {
    let f = edited_twice();
    let trade = f.id_of(SLUG, "Trade between");
    // The Russian translator answers the change; Korean and Kazakh stay stale.
    f.bitext(&["set", "ru", SLUG, &trade, RU_R3])
        .assert()
        .success();

    f.bitext(&["diff", SLUG, "--from", "1", "--to", "3"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/diff-1-3.txt"]);
    f.bitext(&["diff", SLUG, "--from", "r1", "--to", "r3", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/diff-1-3.json"]);
    f.bitext(&["diff", SLUG, "--from", "1", "--format", "markdown"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/diff-1-3.md"]);

    let diff = json(&f, &["diff", SLUG, "--from", "1", "--to", "3", "--json"]);
    let changes = diff["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{diff:#}");
    let change = &changes[0];
    assert_eq!(change["id"], trade.as_str());
    assert_eq!(change["change"], "changed");
    assert_eq!(change["old"], R1);
    assert_eq!(change["new"], R3);
    let ru = &change["locales"]["ru"];
    assert_eq!(ru["state"], "current");
    assert_eq!(ru["previous"], RU_R1);
    assert_eq!(ru["translation"], RU_R3);
    assert_eq!(side(&ru["diff"], "insert"), RU_R1);
    assert_eq!(side(&ru["diff"], "delete"), RU_R3);
    for locale in ["ko", "kk"] {
        let answer = &change["locales"][locale];
        assert_eq!(answer["state"], "stale", "{locale}");
        assert_eq!(answer["signed"], 1, "{locale}");
        assert!(answer["diff"].is_null(), "{locale}");
    }

    // With no revisions given: the last two.
    f.bitext(&["diff", SLUG, "--locale", "ru"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/diff-default.txt"]);
    // Colour on request, and the plain markers without it.
    let coloured = f.stdout(&["diff", SLUG, "--color", "always"]);
    assert!(
        coloured.contains("\x1b[32mbetween the two countries"),
        "{coloured}"
    );
    assert!(!coloured.contains("{+"), "{coloured}");
}

#[test]
fn diff_lists_added_removed_and_moved_segments_in_document_order() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.translate(SLUG, "ko", &["met at", "space"]);
    // The second paragraph moves to the top, the trade sentence goes, a sentence comes.
    let (front, _) = ARTICLE.split_once("+++\n\n").unwrap();
    let edited = format!(
        "{front}+++\n\nThe two leaders met at Cheong Wa Dae. They agreed to cooperate on space.\n\n\
         President Moon Jae-in welcomed Kazakh President Kassym-Jomart Tokayev to Seoul. \
         It was his first visit to Korea.\n"
    );
    f.write("articles/summit.md", &edited);
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["diff", SLUG, "--locale", "ko"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/diff-moves.txt"]);
}

#[test]
fn show_prints_the_article_as_parallel_text() {
    let f = edited_twice();
    f.bitext(&["show", SLUG])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/show.txt"]);
    f.bitext(&["show", SLUG, "--locale", "ru", "--format", "markdown"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/show-ru.md"]);
}

#[test]
fn bad_revisions_and_locales_are_refused() {
    let f = edited_twice();
    f.bitext(&["diff", SLUG, "--from", "3", "--to", "1"])
        .assert()
        .code(2)
        .stderr_eq("error: --from r3 must come before --to r1\n");
    f.bitext(&["diff", SLUG, "--to", "9"])
        .assert()
        .code(2)
        .stderr_eq("error: --to r9: summit has revisions r1 to r3\n");
    f.bitext(&["diff", SLUG, "--from", "two"]).assert().code(2);
    f.bitext(&["todo", "xx"]).assert().code(2);
    f.bitext(&["show", "nothing-here"]).assert().code(2);
}

#[test]
fn todo_and_fill_offer_earlier_translations_from_the_memory() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.write(
        "articles/follow-up.md",
        "+++\ntitle = \"Leaders meet again\"\n+++\n\n\
         The two leaders met at Cheong Wa Dae again. They agreed to cooperate on space.\n",
    );
    f.bitext(&["sync"]).assert().success();
    f.translate(SLUG, "ko", &["met at", "space"]);
    f.bitext(&["todo", "ko", "follow-up"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/todo-memory.txt"]);
    let todo = json(&f, &["todo", "ko", "follow-up", "--json"]);
    let again = &todo["items"][1];
    assert_eq!(again["matches"][0]["score"], 90);
    assert_eq!(
        again["matches"][0]["translation"],
        "두 정상은 청와대에서 만났다."
    );
    assert_eq!(todo["items"][2]["matches"][0]["score"], 100);
    let quiet = json(&f, &["todo", "ko", "follow-up", "--json", "--no-memory"]);
    assert_eq!(quiet["items"][1]["matches"], serde_json::json!([]));

    // A script skips the title and takes the first suggestion for both sentences.
    f.bitext(&["fill", "ko", "follow-up"])
        .stdin("\n:1\n:1\n")
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/fill-memory.txt"]);
    let show = json(&f, &["show", "follow-up", "--locale", "ko", "--json"]);
    let states: Vec<(&str, &str)> = show["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["locales"]["ko"]["state"].as_str().unwrap(),
                row["locales"]["ko"]["translation"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("missing", ""),
            ("current", "두 정상은 청와대에서 만났다."),
            ("current", "양국은 우주 분야 협력에 합의했다."),
        ]
    );
}
