//! Branches and merges with a real `git`: the merge drivers `bitext init` registers, and
//! sign-offs that name the English by its fingerprint, so that no merge makes a translation
//! current for English it was not written for, and no merge loses one.

mod common;

use std::process::Command;

use common::{Fixture, ARTICLE};

const SLUG: &str = "summit";

/// `git ARGS` in the fixture, which must succeed.
fn git(f: &Fixture, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(f.path(""))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `git merge BRANCH`, which may stop at a conflict in the article.
fn merge(f: &Fixture, branch: &str) {
    let _ = Command::new("git")
        .args(["merge", "--no-edit", branch])
        .current_dir(f.path(""))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
}

fn has_git() -> bool {
    Command::new("git").arg("--version").output().is_ok()
}

/// A project in a git repository, made by `bitext init` (which registers the merge drivers),
/// with the summit article synced, fully translated and committed on `main`.
fn repository() -> Fixture {
    let f = Fixture::empty();
    git(&f, &["init", "-q", "-b", "main"]);
    git(&f, &["config", "user.email", "desk@example.org"]);
    git(&f, &["config", "user.name", "Desk"]);
    f.bitext(&["init"]).assert().success();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.translate_all(SLUG);
    commit(&f, "the summit, translated");
    f
}

fn commit(f: &Fixture, message: &str) {
    git(f, &["add", "-A"]);
    git(f, &["commit", "-q", "-m", message]);
}

/// Every file bitext reads, with the text of any that holds a conflict marker.
fn conflict_markers(f: &Fixture) -> Vec<String> {
    f.tree()
        .into_iter()
        .filter(|(path, _)| !path.starts_with(".git"))
        .filter(|(_, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            text.lines()
                .any(|l| l.starts_with("<<<<<<<") || l.starts_with(">>>>>>>"))
        })
        .map(|(path, _)| path.display().to_string())
        .collect()
}

fn status(f: &Fixture) -> serde_json::Value {
    serde_json::from_str(&f.stdout(&["status", "--json"])).unwrap()
}

/// The state of a segment's Korean translation, from `bitext show --json`.
fn korean_state(f: &Fixture, id: &str) -> String {
    let show: serde_json::Value =
        serde_json::from_str(&f.stdout(&["show", SLUG, "--locale", "ko", "--json"])).unwrap();
    show["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .map(|s| s["locales"]["ko"]["state"].as_str().unwrap().to_string())
        .unwrap()
}

#[test]
fn init_registers_the_merge_drivers() {
    if !has_git() {
        eprintln!("skipped: no git");
        return;
    }
    let f = repository();
    let attributes = f.read(".gitattributes");
    assert!(
        attributes.contains("history/**/*.jsonl merge=bitext"),
        "{attributes}"
    );
    assert!(
        attributes.contains("locales/**/*.ftl merge=bitext"),
        "{attributes}"
    );
    let driver = git(&f, &["config", "merge.bitext.driver"]);
    assert!(
        driver.trim().ends_with("merge-driver %O %A %B %P"),
        "{driver}"
    );
    // git-setup in a project made before: the journals' union line gives way to the driver.
    f.write(
        ".gitattributes",
        "*.md text\nhistory/**/*.*.jsonl merge=union\n",
    );
    f.bitext(&["git-setup"]).assert().success();
    let attributes = f.read(".gitattributes");
    assert!(attributes.starts_with("*.md text\n"), "{attributes}");
    assert!(!attributes.contains("union"), "{attributes}");
    assert!(attributes.contains("merge=bitext"), "{attributes}");
}

#[test]
fn a_translation_of_the_other_branchs_english_is_not_current_after_the_merge() {
    if !has_git() {
        eprintln!("skipped: no git");
        return;
    }
    let f = repository();
    let trade = f.id_of(SLUG, "Trade reached");
    // Branch b rewrites the sentence and translates it.
    git(&f, &["checkout", "-q", "-b", "b"]);
    f.write(
        "articles/summit.md",
        ARTICLE.replace("$4.22 billion", "$4.25 billion"),
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &trade,
        "2019년 교역액은 42억5000만 달러에 달했다.",
    ])
    .assert()
    .success();
    commit(&f, "b: $4.25 billion");
    // Main rewrites the same sentence otherwise: both branches are at revision 2.
    git(&f, &["checkout", "-q", "main"]);
    f.write(
        "articles/summit.md",
        ARTICLE.replace("$4.22 billion", "$4.30 billion"),
    );
    f.bitext(&["sync"]).assert().success();
    commit(&f, "main: $4.30 billion");
    // The merge keeps main's article; the history and the Korean merge through the drivers.
    merge(&f, "b");
    git(&f, &["checkout", "--ours", "articles/summit.md"]);
    commit(&f, "merge b");
    assert_eq!(conflict_markers(&f), Vec::<String>::new());
    f.bitext(&["sync"]).assert().success();
    // The Korean was written for b's English, not for main's.
    assert_eq!(korean_state(&f, &trade), "stale");
    let ko = f.read("locales/ko/summit.ftl");
    assert!(ko.contains("42억5000만"), "the translation is kept: {ko}");
    assert!(
        ko.contains("# en: Trade reached $4.30 billion in 2019."),
        "{ko}"
    );
    assert!(
        ko.contains("# en@r"),
        "the English it was made for is shown: {ko}"
    );
}

#[test]
fn keeping_one_sides_history_by_hand_still_leaves_the_translation_stale() {
    if !has_git() {
        eprintln!("skipped: no git");
        return;
    }
    let f = repository();
    let trade = f.id_of(SLUG, "Trade reached");
    git(&f, &["checkout", "-q", "-b", "b"]);
    f.write(
        "articles/summit.md",
        ARTICLE.replace("$4.22 billion", "$4.25 billion"),
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &trade,
        "2019년 교역액은 42억5000만 달러에 달했다.",
    ])
    .assert()
    .success();
    commit(&f, "b");
    git(&f, &["checkout", "-q", "main"]);
    f.write(
        "articles/summit.md",
        ARTICLE.replace("$4.22 billion", "$4.30 billion"),
    );
    f.bitext(&["sync"]).assert().success();
    commit(&f, "main");
    merge(&f, "b");
    // A's article and history, B's Korean: both at revision 2, numbered alike.
    git(
        &f,
        &[
            "checkout",
            "--ours",
            "articles/summit.md",
            "history/summit.jsonl",
        ],
    );
    git(&f, &["checkout", "--theirs", "locales/ko/summit.ftl"]);
    commit(&f, "merge b, by hand");
    f.bitext(&["sync"]).assert().success();
    assert_eq!(korean_state(&f, &trade), "stale");
    let ko = &status(&f)["totals"]["ko"];
    assert_eq!(ko["stale"], 1, "{ko}");
}

#[test]
fn branches_that_translate_different_sentences_merge_with_both_current() {
    if !has_git() {
        eprintln!("skipped: no git");
        return;
    }
    let f = repository();
    let trade = f.id_of(SLUG, "Trade reached");
    let met = f.id_of(SLUG, "met at");
    git(&f, &["checkout", "-q", "-b", "b"]);
    f.write(
        "articles/summit.md",
        ARTICLE.replace("met at Cheong Wa Dae", "met at the presidential office"),
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &met,
        "두 정상은 대통령 집무실에서 만났다.",
    ])
    .assert()
    .success();
    commit(&f, "b: the office");
    git(&f, &["checkout", "-q", "main"]);
    f.write(
        "articles/summit.md",
        ARTICLE.replace("$4.22 billion", "$4.25 billion"),
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &trade,
        "2019년 교역액은 42억5000만 달러에 달했다.",
    ])
    .assert()
    .success();
    commit(&f, "main: the figure");
    merge(&f, "b");
    // Both edits are in different paragraphs: git merges the article by itself.
    assert_eq!(git(&f, &["status", "--porcelain"]), "");
    assert_eq!(conflict_markers(&f), Vec::<String>::new());
    f.bitext(&["sync"]).assert().success();
    assert_eq!(korean_state(&f, &trade), "current");
    assert_eq!(korean_state(&f, &met), "current");
    let ko = &status(&f)["totals"]["ko"];
    assert_eq!(ko["current"], ko["segments"], "{ko}");
    let text = f.read("locales/ko/summit.ftl");
    assert!(
        text.contains("42억5000만") && text.contains("대통령 집무실"),
        "{text}"
    );
}

#[test]
fn a_translation_changed_on_both_branches_keeps_both_and_is_reported() {
    if !has_git() {
        eprintln!("skipped: no git");
        return;
    }
    let f = repository();
    let met = f.id_of(SLUG, "met at");
    git(&f, &["checkout", "-q", "-b", "b"]);
    f.bitext(&["set", "ko", SLUG, &met, "양 정상은 청와대에서 회담했다."])
        .assert()
        .success();
    commit(&f, "b: another Korean");
    git(&f, &["checkout", "-q", "main"]);
    f.bitext(&["set", "ko", SLUG, &met, "두 정상은 청와대에서 회동했다."])
        .assert()
        .success();
    commit(&f, "main: another Korean");
    merge(&f, "b");
    assert_eq!(git(&f, &["status", "--porcelain"]), "");
    assert_eq!(conflict_markers(&f), Vec::<String>::new());
    let ko = f.read("locales/ko/summit.ftl");
    assert!(ko.contains("회동했다") && ko.contains("회담했다"), "{ko}");
    assert_eq!(korean_state(&f, &met), "unreviewed");
    assert_eq!(status(&f)["totals"]["ko"]["conflicts"], 1);
    f.bitext(&["check", "--locale", "ko"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::str![[r#"
locales/ko/summit.ftl:[..]: error[conflict] [..]: a git merge found this translation changed on both branches; the other one is "양 정상은 청와대에서 회담했다.": keep one with `bitext set` or `bitext accept`
1 error, 0 warnings

"#]]);
    // Choosing one clears the conflict.
    f.bitext(&["set", "ko", SLUG, &met, "두 정상은 청와대에서 회동했다."])
        .assert()
        .success();
    assert_eq!(status(&f)["totals"]["ko"]["conflicts"], 0);
    assert_eq!(korean_state(&f, &met), "current");
}

#[test]
fn approvals_by_different_people_on_two_branches_both_survive() {
    if !has_git() {
        eprintln!("skipped: no git");
        return;
    }
    let f = repository();
    let config = f.read("bitext.toml");
    f.write(
        "bitext.toml",
        format!(
            "{config}\n[people.tester]\ntranslates = [\"ko\", \"kk\", \"ru\"]\n\n\
             [people.seo-jiwon]\ntranslates = [\"ko\"]\nreviews = [\"ko\"]\n\n\
             [people.park]\nreviews = [\"ko\"]\n"
        ),
    );
    commit(&f, "people");
    let trade = f.id_of(SLUG, "Trade reached");
    let met = f.id_of(SLUG, "met at");
    git(&f, &["checkout", "-q", "-b", "b"]);
    f.bitext(&["--as", "park", "approve", "ko", SLUG, "--id", &met])
        .assert()
        .success();
    commit(&f, "b: park approves");
    git(&f, &["checkout", "-q", "main"]);
    f.bitext(&["--as", "seo-jiwon", "approve", "ko", SLUG, "--id", &trade])
        .assert()
        .success();
    commit(&f, "main: seo-jiwon approves");
    merge(&f, "b");
    assert_eq!(git(&f, &["status", "--porcelain"]), "");
    let blame: serde_json::Value =
        serde_json::from_str(&f.stdout(&["blame", "ko", SLUG, "--json"])).unwrap();
    let approver = |id: &str| {
        blame["segments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()["approved"]["by"]
            .clone()
    };
    assert_eq!(approver(&trade), "seo-jiwon");
    assert_eq!(approver(&met), "park");
    assert_eq!(status(&f)["totals"]["ko"]["approved"], 2);
}

#[test]
fn an_article_left_with_conflict_markers_is_refused_with_its_line() {
    let f = Fixture::init();
    f.write(
        "articles/summit.md",
        ARTICLE.replace(
            "to Seoul. Trade reached $4.22 billion in 2019.",
            "to Seoul.\n<<<<<<< HEAD\nTrade reached $4.30 billion in 2019.\n=======\nTrade reached $4.25 billion in 2019.\n>>>>>>> b",
        ),
    );
    f.bitext(&["sync"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: articles/summit.md:8:1: a git conflict marker: finish the merge in this file first (and run `bitext git-setup`, so that git merges bitext's own files by itself)
  |
8 | <<<<<<< HEAD
  | ^

"#]]);
    assert!(!f.path("history/summit.jsonl").exists());
}
