//! People, review and attribution through the real binary: two translators and a reviewer,
//! a translation approved, another rejected and translated again, and an approval that lapses
//! when the English changes; with who may do what.

mod common;

use common::{Fixture, ARTICLE};

const SLUG: &str = "summit";

const PEOPLE: &str = r#"
[people.seo-jiwon]
name = "Seo Ji-won"
email = "jiwon@example.org"
translates = ["ko"]
reviews = ["ko"]

[people.kim-minjun]
name = "Kim Min-jun"
translates = ["ko"]

[people.arman]
name = "Arman Bekov"
translates = ["kk", "ru"]
"#;

/// The summit article, synced, in a project with three people.
fn desk() -> Fixture {
    let f = Fixture::init();
    let config = f.read("bitext.toml");
    f.write("bitext.toml", format!("{config}{PEOPLE}"));
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f
}

fn as_(f: &Fixture, who: &str, args: &[&str]) -> snapbox::cmd::OutputAssert {
    let mut all = vec!["--as", who];
    all.extend_from_slice(args);
    f.bitext(&all).assert()
}

#[test]
fn a_desk_translates_reviews_and_sees_who_did_what() {
    let f = desk();
    let title = "title";
    let trade = f.id_of(SLUG, "Trade reached");
    let met = f.id_of(SLUG, "met at");

    // Kim translates three Korean segments; Arman the Kazakh title.
    as_(
        &f,
        "kim-minjun",
        &["set", "ko", SLUG, title, "정상들, 협력 확대 합의"],
    )
    .success();
    as_(
        &f,
        "kim-minjun",
        &[
            "set",
            "ko",
            SLUG,
            &trade,
            "2019년 교역액은 42억2000만 달러에 달했다.",
        ],
    )
    .success();
    as_(
        &f,
        "kim-minjun",
        &["set", "ko", SLUG, &met, "두 정상은 청와대에서 만났다."],
    )
    .success();
    as_(
        &f,
        "arman",
        &[
            "set",
            "kk",
            SLUG,
            title,
            "Көшбасшылар әріптестікті кеңейтуге келісті",
        ],
    )
    .success();
    f.bitext(&["status", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/people/status-1.json"]);

    // The reviewer approves two and sends one back.
    as_(
        &f,
        "seo-jiwon",
        &["approve", "ko", SLUG, "--id", title, "--id", &trade],
    )
    .success()
    .stdout_eq(snapbox::file!["snapshots/people/approve.txt"]);
    as_(
        &f,
        "seo-jiwon",
        &[
            "reject",
            "ko",
            SLUG,
            &met,
            "--note",
            "청와대는 장소이니 '청와대에서 회담했다'가 자연스럽습니다.",
        ],
    )
    .success();
    f.bitext(&["status", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/people/status-2.json"]);
    f.bitext(&["blame", "ko", SLUG, "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/people/blame-2.json"]);
    f.bitext(&["todo", "ko", "--state", "rejected", "--json", "--no-memory"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/people/todo-rejected.json"]);
    f.bitext(&["todo", "ko", "--state", "rejected", "--no-memory"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/people/todo-rejected.txt"]);

    // Kim translates it again: no longer rejected, and the reviewer approves it.
    as_(
        &f,
        "kim-minjun",
        &["set", "ko", SLUG, &met, "두 정상은 청와대에서 회담했다."],
    )
    .success();
    as_(&f, "seo-jiwon", &["approve", "ko", SLUG, "--id", &met]).success();

    // The editor corrects a figure: its approval lapses, the others stand.
    f.write(
        "articles/summit.md",
        ARTICLE.replace("$4.22 billion", "$4.25 billion"),
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["status", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/people/status-3.json"]);
    f.bitext(&["blame", "ko", SLUG])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/people/blame-3.txt"]);
    f.bitext(&["todo", "ko", "--json", "--no-memory"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/people/todo-3.json"]);
    snapbox::assert_data_eq!(
        f.read("locales/ko/summit.ftl"),
        snapbox::file!["snapshots/people/ko-3.ftl"].raw()
    );
}

#[test]
fn rights_are_checked_and_a_refusal_writes_nothing() {
    let f = desk();
    let trade = f.id_of(SLUG, "Trade reached");
    as_(
        &f,
        "kim-minjun",
        &[
            "set",
            "ko",
            SLUG,
            &trade,
            "2019년 교역액은 42억2000만 달러에 달했다.",
        ],
    )
    .success();
    let before = f.tree();
    let refused = [
        (
            vec!["--as", "nobody", "set", "ko", SLUG, &trade, "x"],
            "error: --as: unknown person nobody: the people in bitext.toml are arman, kim-minjun, seo-jiwon\n",
        ),
        (
            vec!["--as", "arman", "set", "ko", SLUG, &trade, "x"],
            "error: arman does not translate ko (see [people.arman] in bitext.toml)\n",
        ),
        (
            vec!["--as", "kim-minjun", "approve", "ko", SLUG],
            "error: kim-minjun does not review ko (see [people.kim-minjun] in bitext.toml)\n",
        ),
        (
            vec!["--as", "seo-jiwon", "reject", "ko", SLUG, &trade, "--note", "  "],
            "error: --note is empty: say what the translator should change\n",
        ),
        (
            vec!["set", "ko", SLUG, &trade, "x"],
            "error: tester (the user name) is not one of the people in bitext.toml: say who you are with --as HANDLE or BITEXT_USER\n",
        ),
    ];
    for (args, stderr) in refused {
        f.bitext(&args).assert().code(2).stderr_eq(stderr);
        assert_eq!(f.tree(), before, "{args:?} wrote something");
    }
    // Nobody approves their own translation.
    as_(
        &f,
        "seo-jiwon",
        &[
            "set",
            "ko",
            SLUG,
            &trade,
            "2019년 교역액은 42억2000만 달러였다.",
        ],
    )
    .success();
    let before = f.tree();
    as_(&f, "seo-jiwon", &["approve", "ko", SLUG, "--id", &trade])
        .code(2)
        .stderr_eq(format!(
            "error: ko summit {trade} is seo-jiwon's own translation: nobody approves their own\n"
        ));
    assert_eq!(f.tree(), before);
    // BITEXT_USER says who acts when --as does not.
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &trade,
        "2019년 교역액은 42억2000만 달러에 달했다.",
    ])
    .env("BITEXT_USER", "kim-minjun")
    .assert()
    .success();
    as_(&f, "seo-jiwon", &["approve", "ko", SLUG, "--id", &trade]).success();
}

#[test]
fn the_person_with_gits_email_is_the_one_who_acts() {
    let f = desk();
    let trade = f.id_of(SLUG, "Trade reached");
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .args(args)
            .current_dir(f.path(""))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "git {args:?}");
    };
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no git");
        return;
    }
    git(&["init", "-q"]);
    git(&["config", "user.email", "JIWON@example.org"]);
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &trade,
        "2019년 교역액은 42억2000만 달러에 달했다.",
    ])
    .assert()
    .success();
    assert!(f.read("locales/ko/summit.ftl").contains("by seo-jiwon"));
}

#[test]
fn without_people_the_user_name_is_recorded_and_anyone_writes() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    let trade = f.id_of(SLUG, "Trade reached");
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &trade,
        "2019년 교역액은 42억2000만 달러에 달했다.",
    ])
    .assert()
    .success();
    let ko = f.read("locales/ko/summit.ftl");
    assert!(ko.contains("by tester"), "{ko}");
    assert!(f
        .read("history/summit.ko.jsonl")
        .contains("\"by\":\"tester\""));
    // Someone else approves it; the translator could not.
    f.bitext(&["approve", "ko", SLUG, "--id", &trade])
        .assert()
        .code(2);
    f.bitext(&["--as", "desk", "approve", "ko", SLUG, "--id", &trade])
        .assert()
        .success();
}

#[test]
fn publish_refuses_a_locale_under_min_approved() {
    let f = desk();
    for (needle, ko) in [
        ("title", "정상들, 협력 확대 합의"),
        ("By Jane Doe", "제인 도 기자"),
        (
            "welcomed",
            "문재인 대통령은 카심조마르트 토카예프 카자흐스탄 대통령을 서울에서 맞이했다.",
        ),
        ("Trade reached", "2019년 교역액은 42억2000만 달러에 달했다."),
        ("met at", "두 정상은 청와대에서 만났다."),
        ("cooperate on space", "양국은 우주 분야 협력에 합의했다."),
    ] {
        let id = if needle == "title" {
            "title".to_string()
        } else {
            f.id_of(SLUG, needle)
        };
        as_(&f, "kim-minjun", &["set", "ko", SLUG, &id, ko]).success();
    }
    f.bitext(&["publish", "--locale", "ko", "--min-approved", "50"])
        .assert()
        .code(1);
    assert!(!f.path("public/ko/summit.html").exists());
    let title = "title".to_string();
    let trade = f.id_of(SLUG, "Trade reached");
    let met = f.id_of(SLUG, "met at");
    as_(
        &f,
        "seo-jiwon",
        &[
            "approve", "ko", SLUG, "--id", &title, "--id", &trade, "--id", &met,
        ],
    )
    .success();
    f.bitext(&["publish", "--locale", "ko", "--min-approved", "50"])
        .assert()
        .success();
    assert!(f.path("public/ko/summit.html").exists());
}

#[test]
fn exports_name_the_translator_and_the_reviewers_note_and_imports_keep_the_files_translator() {
    let f = desk();
    let title = "title";
    let met = f.id_of(SLUG, "met at");
    as_(
        &f,
        "kim-minjun",
        &["set", "ko", SLUG, title, "정상들, 협력 확대 합의"],
    )
    .success();
    as_(
        &f,
        "kim-minjun",
        &["set", "ko", SLUG, &met, "두 정상은 청와대에서 만났다."],
    )
    .success();
    as_(
        &f,
        "seo-jiwon",
        &[
            "reject",
            "ko",
            SLUG,
            &met,
            "--note",
            "'회담했다'가 더 정확합니다.",
        ],
    )
    .success();
    as_(
        &f,
        "seo-jiwon",
        &["export", "ko", "--format", "po", "-o", "ko.po"],
    )
    .success();
    let po = f.read("ko.po");
    assert!(po.contains("\"Last-Translator: Kim Min-jun\\n\""), "{po}");
    assert!(po.contains("#. translated by kim-minjun\n"), "{po}");
    assert!(
        po.contains("#. rejected by seo-jiwon: '회담했다'가 더 정확합니다.\n"),
        "{po}"
    );
    for (format, file) in [("xliff", "ko.xlf"), ("xliff12", "ko12.xlf")] {
        as_(
            &f,
            "seo-jiwon",
            &["export", "ko", "--format", format, "-o", file],
        )
        .success();
        let xliff = f.read(file);
        assert!(
            xliff.contains(">translated by kim-minjun</note>"),
            "{xliff}"
        );
        assert!(
            xliff.contains(">rejected by seo-jiwon: '회담했다'가 더 정확합니다.</note>"),
            "{xliff}"
        );
        // Read back untouched, the notes change nothing.
        let before = f.tree();
        as_(&f, "seo-jiwon", &["import", file]).success();
        assert!(
            f.tree() == before,
            "{format}: the notes changed the project"
        );
    }

    // A freelancer's file: its Last-Translator is kept beside the person who imports it.
    let trade = f.id_of(SLUG, "Trade reached");
    let freelance = po
        .replace("Last-Translator: Kim Min-jun", "Last-Translator: Dana Lee <dana@example.net>")
        .replace(
            &format!("msgctxt \"{SLUG}:{trade}\"\nmsgid \"Trade reached $4.22 billion in 2019.\"\nmsgstr \"\""),
            &format!("msgctxt \"{SLUG}:{trade}\"\nmsgid \"Trade reached $4.22 billion in 2019.\"\nmsgstr \"2019년 교역액은 42억2000만 달러에 달했다.\""),
        );
    assert_ne!(
        freelance, po,
        "the PO entry of the trade sentence was not found"
    );
    f.write("freelance.po", freelance);
    as_(&f, "seo-jiwon", &["import", "freelance.po"]).success();
    let blame: serde_json::Value =
        serde_json::from_str(&f.stdout(&["blame", "ko", SLUG, "--json"])).unwrap();
    let segment = blame["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == trade.as_str())
        .unwrap_or_else(|| panic!("{blame}"));
    assert_eq!(segment["translated"]["by"], "seo-jiwon", "{segment}");
    assert_eq!(
        segment["translated"]["translator"], "Dana Lee <dana@example.net>",
        "{segment}"
    );
    // A file that names a person of the desk is credited to their handle.
    let text = f
        .read("freelance.po")
        .replace("Dana Lee <dana@example.net>", "Kim Min-jun");
    f.write(
        "kim.po",
        text.replace("42억2000만 달러에 달했다.", "42억2000만 달러였다."),
    );
    as_(&f, "seo-jiwon", &["import", "--theirs", "kim.po"]).success();
    let blame: serde_json::Value =
        serde_json::from_str(&f.stdout(&["blame", "ko", SLUG, "--json"])).unwrap();
    let segment = blame["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == trade.as_str())
        .unwrap();
    assert_eq!(
        segment["translated"]["translator"], "kim-minjun",
        "{segment}"
    );
}
