//! The editor's and translators' story through the real binary: sync, translate, edit the
//! article, sync, and see exactly the edited segment go stale in every locale.

mod common;

use common::{Fixture, ARTICLE};

const SLUG: &str = "summit";

#[test]
fn edit_one_sentence_makes_exactly_that_segment_stale_everywhere() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/story/sync-1.txt"]);
    f.bitext(&["status", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/story/status-1.json"]);

    // Translators fill in every segment in three locales.
    f.translate_all(SLUG);
    f.bitext(&["status"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/story/status-2.txt"]);
    snapbox::assert_data_eq!(
        f.read("locales/ko/summit.ftl"),
        snapbox::file!["snapshots/story/ko-2.ftl"].raw()
    );

    // The editor corrects a figure.
    let ids_before = f.messages("locales/en/summit.ftl");
    let trade = f.id_of(SLUG, "Trade reached");
    f.write(
        "articles/summit.md",
        ARTICLE.replace("$4.22 billion", "$4.25 billion"),
    );
    f.bitext(&["sync"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/story/sync-3.txt"]);
    f.bitext(&["status", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/story/status-3.json"]);
    let ids_after: Vec<String> = f
        .messages("locales/en/summit.ftl")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(
        ids_after,
        ids_before
            .iter()
            .map(|(id, _)| id.clone())
            .collect::<Vec<_>>()
    );
    for locale in ["ko", "kk", "ru"] {
        let file = f.read(&format!("locales/{locale}/summit.ftl"));
        let stale: Vec<&str> = file
            .lines()
            .filter(|l| l.starts_with("# bitext: stale"))
            .collect();
        assert_eq!(stale.len(), 1, "{locale}: {stale:?}");
        let block = file
            .split("\n\n")
            .find(|b| b.contains("# bitext: stale"))
            .unwrap();
        assert!(
            block.contains(&format!("\n{trade} = ")),
            "{locale}: {block}"
        );
        assert!(
            block.contains("# en@r1: Trade reached $4.22 billion in 2019."),
            "{block}"
        );
    }
    snapbox::assert_data_eq!(
        f.read("locales/ru/summit.ftl"),
        snapbox::file!["snapshots/story/ru-3.ftl"].raw()
    );

    // A new paragraph at the top changes no other id.
    let body = f.read("articles/summit.md");
    let with_lead = body.replacen(
        "+++\n\n",
        "+++\n\nSEOUL, Aug. 17 — A new lead paragraph opens the story.\n\n",
        1,
    );
    f.write("articles/summit.md", with_lead);
    f.bitext(&["sync"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/story/sync-4.txt"]);
    let ids_lead: Vec<String> = f
        .messages("locales/en/summit.ftl")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids_lead.len(), ids_after.len() + 1);
    let mut without_new = ids_lead.clone();
    without_new.retain(|id| ids_after.contains(id));
    assert_eq!(without_new, ids_after);

    // Another sync changes nothing at all.
    let before = f.tree();
    f.bitext(&["sync"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/story/sync-5.txt"]);
    assert!(
        before == f.tree(),
        "a sync with nothing to do changed files"
    );

    f.bitext(&["log", SLUG])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/story/log.txt"]);
}

#[test]
fn accept_signs_off_hand_edits_and_minor_changes() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    let trade = f.id_of(SLUG, "Trade reached");
    let met = f.id_of(SLUG, "met at");
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &trade,
        "2019년 교역액은 42억2000만 달러에 달했다.",
    ])
    .assert()
    .success();
    f.bitext(&["set", "ko", SLUG, &met, "두 정상은 청와대에서 만났다"])
        .assert()
        .success();

    // A translator adds one translation by hand: unreviewed until accepted.
    let ko = f.read("locales/ko/summit.ftl");
    let ko = ko.replace(
        "# bitext: missing title\n",
        "# bitext: missing title\ntitle = 정상들, 협력 확대 합의\n",
    );
    f.write("locales/ko/summit.ftl", ko);
    // The editor changes punctuation in one sentence (minor) and a figure in another (major).
    let edited = ARTICLE
        .replace("met at Cheong Wa Dae.", "met at Cheong Wa Dae!")
        .replace("$4.22 billion", "$4.25 billion");
    f.write("articles/summit.md", edited);
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["status", "--locale", "ko"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/accept/status-before.txt"]);

    // Editing a stale translation by hand does not make it current by itself.
    let ko = f.read("locales/ko/summit.ftl");
    f.write(
        "locales/ko/summit.ftl",
        ko.replace("42억2000만", "42억5000만"),
    );
    f.bitext(&["status", "--locale", "ko", "--fail-on-stale"])
        .assert()
        .code(1);

    // Default accept: the unreviewed one and the stale one edited since its sign-off.
    f.bitext(&["accept", "ko", SLUG])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/accept/accept-default.txt"]);
    // --minor: the stale one whose change was only punctuation.
    f.bitext(&["accept", "ko", SLUG, "--minor"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/accept/accept-minor.txt"]);
    f.bitext(&[
        "status",
        "--locale",
        "ko",
        "--fail-on-stale",
        "--fail-under",
        "50",
    ])
    .assert()
    .success()
    .stdout_eq(snapbox::file!["snapshots/accept/status-after.txt"]);
    f.bitext(&["status", "--locale", "ko", "--fail-under", "90"])
        .assert()
        .code(1);
}
