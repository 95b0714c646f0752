//! Re-segmenting under a newer version of the sentence rules (`history::RULES`): a sync aligns
//! the new segments with the recorded ones, so that no id of an unchanged sentence changes and
//! no translation is stranded; a split or merged sentence keeps its translation as a draft.

mod common;

use std::collections::BTreeMap;

use bitext::history::RULES;
use common::Fixture;

const LOCALES: [&str; 3] = ["ko", "kk", "ru"];

/// The slugs of the articles of a project.
fn slugs(f: &Fixture) -> Vec<String> {
    f.tree()
        .keys()
        .filter_map(|path| {
            let path = path.to_str()?;
            let slug = path.strip_prefix("articles/")?.strip_suffix(".md")?;
            Some(slug.to_string())
        })
        .collect()
}

/// Makes every article's history say that its latest revision was made by the previous rules,
/// as a project synced by the previous version of bitext does.
fn age_histories(f: &Fixture) {
    for slug in slugs(f) {
        let rel = format!("history/{slug}.jsonl");
        let text = f.read(&rel);
        let older = text.replace(
            &format!("\"rules\":{RULES},"),
            &format!("\"rules\":{},", RULES - 1),
        );
        f.write(&rel, older);
    }
}

/// Every message of every locale's file of every article: (locale, slug) → id → text.
fn messages(f: &Fixture) -> BTreeMap<(String, String), BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for slug in slugs(f) {
        for locale in ["en"].into_iter().chain(LOCALES) {
            let rel = format!("locales/{locale}/{slug}.ftl");
            if f.path(&rel).exists() {
                let messages = f.messages(&rel).into_iter().collect();
                out.insert((locale.to_string(), slug.clone()), messages);
            }
        }
    }
    out
}

#[test]
fn the_sample_resyncs_under_new_rules_with_every_id_and_translation_kept() {
    let f = Fixture::sample();
    age_histories(&f);
    let before = messages(&f);
    let status_before: serde_json::Value =
        serde_json::from_str(&f.stdout(&["status", "--json"])).unwrap();

    f.bitext(&["sync"]).assert().success();
    let after = messages(&f);

    for ((locale, slug), old) in &before {
        let new = &after[&(locale.clone(), slug.clone())];
        if locale == "en" {
            // A sentence that is still there keeps its id.
            let ids: BTreeMap<&str, &str> = new
                .iter()
                .map(|(id, text)| (text.as_str(), id.as_str()))
                .collect();
            for (id, text) in old {
                if let Some(new_id) = ids.get(text.as_str()) {
                    assert_eq!(new_id, id, "{slug}: {text:?} changed its id");
                }
            }
        } else {
            // Every translation is still there: under its id, or inside a draft of the
            // segment its sentence was merged into.
            for (id, text) in old {
                let kept = new.get(id) == Some(text) || new.values().any(|t| t.contains(text));
                assert!(kept, "{locale}/{slug}: the translation of {id} was lost");
            }
        }
    }
    let status_after: serde_json::Value =
        serde_json::from_str(&f.stdout(&["status", "--json"])).unwrap();
    for locale in LOCALES {
        let totals = |status: &serde_json::Value, key: &str| {
            status["totals"][locale][key].as_u64().unwrap_or(0)
        };
        let translated = |status: &serde_json::Value| {
            totals(status, "current") + totals(status, "stale") + totals(status, "unreviewed")
        };
        assert!(
            translated(&status_after) >= translated(&status_before),
            "{locale}: fewer segments translated after the re-sync"
        );
    }
    // The history now records the new rules: another sync writes nothing.
    let tree = f.tree();
    f.bitext(&["sync"]).assert().success();
    assert_eq!(f.tree(), tree);
}

/// An article as the previous rules segmented it: they kept "you and I. Did you see…" as one
/// sentence, cut a quotation in two at its inner period, and made one sentence of a missing
/// space. Every segment is translated into Korean and signed off.
const OLD_HISTORY: &str = concat!(
    r#"{"revision":1,"date":"2021-08-17T00:00:00Z","article":"old","rules":1,"order":["title","s-team","s-peace","s-weapons","s-today","s-trade"]}"#,
    "\n",
    r#"{"id":"title","added":"Leaders meet"}"#,
    "\n",
    r#"{"id":"s-team","added":"We make a good team, you and I. Did you see Albert I. Jones yesterday?"}"#,
    "\n",
    r#"{"id":"s-peace","added":"“Kazakhstan knows what it means to choose peace."}"#,
    "\n",
    r#"{"id":"s-weapons","added":"We gave up our weapons,” Tokayev said."}"#,
    "\n",
    r#"{"id":"s-today","added":"Trade grew.Today it is worth $4.22 billion."}"#,
    "\n",
    r#"{"id":"s-trade","added":"The talks began at noon."}"#,
    "\n",
);

const OLD_KO: &str = "# bitext: current, signed r1 00000000\n\
    title = 정상 회동\n\n\
    # bitext: current, signed r1 00000000\n\
    s-team = 우리는 좋은 팀이다. 어제 앨버트 I. 존스를 봤나?\n\n\
    # bitext: current, signed r1 00000000\n\
    s-peace = “카자흐스탄은 평화를 택한다는 것의 의미를 안다.\n\n\
    # bitext: current, signed r1 00000000\n\
    s-weapons = 우리는 무기를 포기했다”고 토카예프 대통령은 말했다.\n\n\
    # bitext: current, signed r1 00000000\n\
    s-today = 교역이 늘었다. 오늘 교역액은 42억2000만 달러다.\n\n\
    # bitext: current, signed r1 00000000\n\
    s-trade = 회담은 정오에 시작됐다.\n";

const ARTICLE: &str = "+++\ntitle = \"Leaders meet\"\n+++\n\n\
    We make a good team, you and I. Did you see Albert I. Jones yesterday?\n\n\
    “Kazakhstan knows what it means to choose peace. We gave up our weapons,” Tokayev said.\n\n\
    Trade grew.Today it is worth $4.22 billion.\n\n\
    The talks began at noon.\n";

#[test]
fn split_and_merged_sentences_keep_their_translations_as_drafts() {
    let f = Fixture::init();
    f.write("articles/talks.md", ARTICLE);
    f.write("history/talks.jsonl", OLD_HISTORY);
    f.write("locales/ko/talks.ftl", OLD_KO);
    f.bitext(&["sync"])
        .assert()
        .success()
        .stdout_eq("talks: revision 2: 2 added, 3 changed, 0 removed, 2 unchanged\n1 article, 1 with a new revision\n");

    let en = f.messages("locales/en/talks.ftl");
    let texts: Vec<&str> = en.iter().map(|(_, text)| text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Leaders meet",
            "We make a good team, you and I.",
            "Did you see Albert I. Jones yesterday?",
            "“Kazakhstan knows what it means to choose peace. We gave up our weapons,” Tokayev said.",
            "Trade grew.",
            "Today it is worth $4.22 billion.",
            "The talks began at noon.",
        ]
    );
    let ids: Vec<&str> = en.iter().map(|(id, _)| id.as_str()).collect();
    // The unchanged sentence and the first part of each split or merge keep their ids, the
    // sentences that were one for want of a space too.
    assert_eq!(ids[0..2], ["title", "s-team"]);
    assert_eq!(ids[3], "s-peace");
    assert_eq!(ids[4], "s-today");
    assert_eq!(ids[6], "s-trade");
    for fresh in [ids[2], ids[5]] {
        assert!(!OLD_HISTORY.contains(fresh), "{fresh} was an id before");
    }

    // Each new segment starts from the old translation it came from; the unchanged sentence
    // stays current, and no translation is lost.
    let ko: BTreeMap<String, String> = f.messages("locales/ko/talks.ftl").into_iter().collect();
    assert_eq!(
        ko[ids[2]],
        "우리는 좋은 팀이다. 어제 앨버트 I. 존스를 봤나?"
    );
    assert_eq!(
        ko["s-peace"],
        "“카자흐스탄은 평화를 택한다는 것의 의미를 안다. 우리는 무기를 포기했다”고 토카예프 대통령은 말했다."
    );
    assert_eq!(
        ko["s-today"],
        "교역이 늘었다. 오늘 교역액은 42억2000만 달러다."
    );
    assert_eq!(
        ko[ids[5]],
        "교역이 늘었다. 오늘 교역액은 42억2000만 달러다."
    );
    assert_eq!(ko["s-trade"], "회담은 정오에 시작됐다.");
    assert_eq!(
        ko["s-weapons"],
        "우리는 무기를 포기했다”고 토카예프 대통령은 말했다."
    );
    let status: serde_json::Value = serde_json::from_str(&f.stdout(&["status", "--json"])).unwrap();
    let ko = &status["totals"]["ko"];
    assert_eq!(ko["current"], 2, "{status}");
    assert_eq!(ko["stale"], 2, "{status}");
    assert_eq!(ko["unreviewed"], 3, "{status}");
    assert_eq!(ko["missing"], 0, "{status}");
    assert_eq!(ko["obsolete"], 1, "{status}");
}
