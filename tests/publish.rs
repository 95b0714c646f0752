//! `bitext publish` through the real binary: golden pages of the sample project, the round trip
//! of the source text, safety against script in translations, determinism, refusals and the
//! removal of stale pages.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bitext::article::Article;
use common::{Fixture, ARTICLE};
use proptest::prelude::*;

/// Every file under `dir`, relative to it, with its text (images aside: see [`images`]).
fn files(dir: &Path) -> BTreeMap<PathBuf, String> {
    bytes(dir)
        .into_iter()
        .filter(|(rel, _)| !is_image(rel))
        .map(|(rel, b)| (rel, String::from_utf8(b).expect("a text file")))
        .collect()
}

/// The images under `dir`, relative to it, with their bytes.
fn images(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    bytes(dir)
        .into_iter()
        .filter(|(rel, _)| is_image(rel))
        .collect()
}

fn is_image(rel: &Path) -> bool {
    matches!(
        rel.extension().and_then(|e| e.to_str()),
        Some("jpg" | "jpeg" | "png" | "gif" | "webp")
    )
}

fn bytes(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Compares the text files of `published` with the golden files under `tests/snapshots/{name}`
/// (rewritten with `SNAPSHOTS=overwrite`), and the images with the article's own.
fn assert_golden(published: &Path, name: &str, images_under: &str) {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    let published_files = files(published);
    for (rel, text) in &published_files {
        let expected = snapbox::Data::read_from(&golden.join(rel), None);
        snapbox::assert_data_eq!(text.as_str(), expected.raw());
    }
    let expected: Vec<PathBuf> = files(&golden).into_keys().collect();
    let got: Vec<PathBuf> = published_files.into_keys().collect();
    assert_eq!(
        got, expected,
        "the published files and the golden files differ"
    );
    // Every image is a copy of the article's own file.
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let copied = images(published);
    assert_eq!(copied.len(), 3, "{:?}", copied.keys());
    for (rel, bytes) in copied {
        let rel = rel.strip_prefix(images_under).expect("under the assets");
        assert_eq!(bytes, std::fs::read(sources.join(rel)).unwrap(), "{rel:?}");
    }
}

#[test]
fn sample_articles_publish_as_the_golden_pages_in_every_locale() {
    let f = Fixture::sample();
    f.bitext(&["publish", "--format", "html,md"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/publish/sample-summary.txt"])
        .stderr_eq("");
    assert_golden(&f.path("public"), "publish/sample", "assets");
}

#[test]
fn the_sample_as_a_hugo_content_tree_is_the_golden_one() {
    let f = Fixture::sample();
    f.bitext(&["publish", "--format", "hugo", "--out", "hugo"])
        .assert()
        .success()
        .stderr_eq("");
    assert_golden(&f.path("hugo"), "publish/hugo", "static/assets");
}

#[test]
fn publishing_is_deterministic_and_writes_nothing_the_second_time() {
    let f = Fixture::sample();
    f.bitext(&["publish", "--format", "html,md"])
        .assert()
        .success();
    let first = files(&f.path("public"));
    f.bitext(&["publish", "--format", "html,md", "--out", "again"])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .assert()
        .success();
    assert_eq!(files(&f.path("again")), first);
    f.bitext(&["publish", "--format", "html,md"])
        .assert()
        .success()
        .stdout_eq(snapbox::str![[r#"
en    published 2  refused 0  fallback 0  omitted 0  stale 0  unreviewed 0
ko    published 2  refused 0  fallback 0  omitted 0  stale 0  unreviewed 0
kk    published 2  refused 0  fallback 2  omitted 0  stale 2  unreviewed 0
ru    published 2  refused 0  fallback 0  omitted 0  stale 3  unreviewed 2
public: 0 files written, 26 unchanged, 0 removed

"#]]);
}

/// The sentences of the article in `text`, as sync reads them.
fn sentences(text: &str) -> Vec<String> {
    Article::parse(Path::new("a.md"), text)
        .unwrap()
        .segments("en")
        .into_iter()
        .map(|s| s.text)
        .collect()
}

const SPECIAL: &str = r#"+++
title = "Braces {like} these, \"quotes\" and a back\\slash"
byline = "By Jane Doe"
date = 2021-08-17
+++

[Bracketed] text first. A {placeable} that is not one, and {-term} neither. Stars *here* and a lone * star.

.Leading dot sentence. Backslash \ and \\ both, and \*escaped\* stars.

Non-breaking space: 4.22 billion. Emoji 😀 too. 한국어 문장입니다. Қазақстан әңгімесі: ә, ғ, қ, ң, ө, ұ, ү, һ, і.

- *Item* with "quotes" and 'single' ones
- [link](https://example.com/a_b?c=d&e=f) inside
"#;

#[test]
fn publishing_the_source_gives_back_its_own_text_sentence_for_sentence() {
    let f = Fixture::init();
    f.write("articles/special.md", SPECIAL);
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["publish", "--locale", "en", "--format", "md"])
        .assert()
        .success();
    let published = f.read("public/en/special.md");
    assert_eq!(sentences(&published), sentences(SPECIAL));
    // The body is the article's own, byte for byte.
    let body = |text: &str| text.split_once("\n+++\n").unwrap().1.to_string();
    assert_eq!(body(&published), body(SPECIAL));
}

/// A sentence of text with the store's special characters (no raw HTML, no line breaks).
fn nasty_sentence() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("*".to_string()),
        Just(".".to_string()),
        Just("\\".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\u{a0}".to_string()),
        Just("-term".to_string()),
        Just("$var".to_string()),
        Just("한국어".to_string()),
        Just("Қазақстан әңгіме".to_string()),
        Just("😀".to_string()),
        Just("#".to_string()),
        Just("=".to_string()),
        "[a-zA-Z ]{1,8}",
    ];
    prop::collection::vec(pieces, 1..10).prop_map(|v| format!("Word {}", v.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_source_text_comes_back_out_of_publish(
        paragraphs in prop::collection::vec(prop::collection::vec(nasty_sentence(), 1..4), 1..4)
    ) {
        thread_local! {
            static FIXTURE: (Fixture, bitext::project::Project) = {
                let f = Fixture::init();
                let project = bitext::project::Project::open(f.dir.path()).unwrap();
                (f, project)
            };
        }
        let body: Vec<String> = paragraphs.iter().map(|p| p.join(". ")).collect();
        let article = format!("+++\ntitle = \"Title\"\n+++\n\n{}\n", body.join("\n\n"));
        FIXTURE.with(|(f, project)| {
            f.write("articles/a.md", &article);
            bitext::sync::sync(project, &["a".to_string()]).unwrap();
            let options = bitext::publish::Options {
                locales: vec!["en".to_string()],
                formats: vec![bitext::publish::Format::Markdown],
                out: f.path("public"),
                fallback: bitext::publish::Fallback::Source,
                min_current: None,
                min_approved: None,
                whole_site: false,
            };
            let report = bitext::publish::publish(project, &["a".to_string()], &options).unwrap();
            prop_assert!(report.refusals.is_empty(), "{:?}", report.refusals);
            prop_assert_eq!(sentences(&f.read("public/en/a.md")), sentences(&article));
            Ok(())
        })?;
    }
}

const SCRIPT: &str = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y]( JaVaScRiPt:alert(2)) ![z](data:image/png;base64,AAAA)";

/// The `[publish]` table of the test sites.
const SITE: &str =
    "\n[publish]\nbase_url = \"https://news.example.com/\"\nsite_name = \"Test News\"\n";

/// A project with the summit article, synced, its title translated into ko, kk and ru, published
/// at <https://news.example.com/>.
fn summit() -> Fixture {
    let f = Fixture::init();
    let config = f.read("bitext.toml");
    f.write("bitext.toml", format!("{config}{SITE}"));
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    for (lc, title) in [
        ("ko", "정상들, 협력 확대 합의"),
        ("kk", "Көшбасшылар әріптестікті кеңейтуге келісті"),
        ("ru", "Лидеры договорились расширить партнёрство"),
    ] {
        f.bitext(&["set", lc, "summit", "title", title])
            .assert()
            .success();
    }
    f
}

#[test]
fn script_in_a_translation_or_an_article_is_shown_as_text() {
    let f = summit();
    let id = f.id_of("summit", "Trade reached");
    f.bitext(&["set", "ko", "summit", &id, SCRIPT])
        .assert()
        .success();
    let article = ARTICLE.replace(
        "They agreed to cooperate on space.",
        "They agreed to cooperate on <b onmouseover=\"alert(3)\">space</b>.\n\n<div onclick=\"alert(4)\">raw block</div>",
    );
    f.write("articles/summit.md", article);
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["publish", "--format", "html,md"])
        .assert()
        .success();
    for lc in ["ko", "en"] {
        let html = f.read(&format!("public/{lc}/summit.html"));
        for forbidden in [
            "<script",
            "<img src=\"x\"",
            "<img src=x",
            "javascript:",
            "JaVaScRiPt",
            "data:image",
            "<b ",
            "<div",
        ] {
            assert!(
                !html.to_lowercase().contains(&forbidden.to_lowercase()),
                "{lc}: {forbidden} in\n{html}"
            );
        }
        assert!(html.contains("&lt;div onclick=\"alert(4)\"&gt;raw block&lt;/div&gt;"));
    }
    let ko = f.read("public/ko/summit.html");
    assert!(
        ko.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; x y z"
        ),
        "{ko}"
    );
    let md = f.read("public/ko/summit.md");
    assert!(
        md.contains(r"\<script>alert(1)\</script> \<img src=x onerror=alert(1)> x y z"),
        "{md}"
    );
}

#[test]
fn an_untranslated_title_refuses_the_locale_and_the_rest_is_published() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["set", "ko", "summit", "title", "정상들, 협력 확대 합의"])
        .assert()
        .success();
    f.bitext(&["publish"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::str![[r#"
en    published 1  refused 0  fallback 0  omitted 0  stale 0  unreviewed 0
ko    published 1  refused 0  fallback 5  omitted 0  stale 0  unreviewed 0
kk    published 0  refused 1  fallback 0  omitted 0  stale 0  unreviewed 0
ru    published 0  refused 1  fallback 0  omitted 0  stale 0  unreviewed 0
public: 7 files written, 0 unchanged, 0 removed

"#]])
        .stderr_eq(snapbox::str![[r#"
warning: bitext.toml: [publish] has no base_url, so links between pages are relative and there is no sitemap.xml and no feed (they need the site's address)
refused: kk summit: the title has no translation
refused: ru summit: the title has no translation

"#]]);
    let ko = f.read("public/ko/summit.html");
    assert!(ko.contains(
        "<span class=\"fallback\" lang=\"en\">The two leaders met at Cheong Wa Dae.</span>"
    ));
    // The Korean page links only to the languages that were published.
    assert!(ko.contains("hreflang=\"en\"") && !ko.contains("hreflang=\"kk\""));
    assert!(!f.path("public/kk/summit.html").exists());
}

#[test]
fn fallback_omit_leaves_missing_sentences_out_and_fail_refuses() {
    let f = summit();
    f.bitext(&["publish", "--locale", "ko", "--fallback", "omit"])
        .assert()
        .success();
    let ko = f.read("public/ko/summit.html");
    assert!(
        !ko.contains("lang=\"en\"") || !ko.contains("Cheong Wa Dae"),
        "{ko}"
    );
    assert!(!ko.contains("Cheong Wa Dae"));
    f.bitext(&["publish", "--locale", "ko", "--fallback", "fail"])
        .assert()
        .code(1)
        .stderr_eq(snapbox::str![[r#"
refused: ko summit: 5 segments without a translation (--fallback fail)

"#]]);
}

#[test]
fn min_current_refuses_a_locale_under_it() {
    let f = summit();
    for needle in [
        "welcomed",
        "Trade reached",
        "met at",
        "space",
        "By Jane Doe",
    ] {
        let id = f.id_of("summit", needle);
        f.bitext(&["set", "ru", "summit", &id, "Перевод."])
            .assert()
            .success();
    }
    f.bitext(&["publish", "--min-current", "50"])
        .assert()
        .code(1)
        .stderr_eq(snapbox::str![[r#"
refused: ko summit: 16.67% current, under --min-current 50
refused: kk summit: 16.67% current, under --min-current 50

"#]]);
    assert!(f.path("public/ru/summit.html").is_file());
}

#[test]
fn stale_and_unreviewed_translations_are_published_and_counted() {
    let f = summit();
    let id = f.id_of("summit", "Trade reached");
    f.bitext(&[
        "set",
        "ko",
        "summit",
        &id,
        "2019년 교역액은 42억2000만 달러에 달했다.",
    ])
    .assert()
    .success();
    f.write("articles/summit.md", ARTICLE.replace("$4.22", "$4.25"));
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["publish", "--locale", "ko"])
        .assert()
        .success()
        .stdout_eq(snapbox::str![[r#"
ko    published 1  refused 0  fallback 4  omitted 0  stale 1  unreviewed 0
public: 1 file written, 0 unchanged, 0 removed

"#]]);
    assert!(f.read("public/ko/summit.html").contains("42억2000만 달러"));
}

#[test]
fn an_article_edited_since_the_last_sync_is_refused_with_a_message() {
    let f = summit();
    f.write("articles/summit.md", ARTICLE.replace("$4.22", "$4.25"));
    f.bitext(&["publish"])
        .assert()
        .code(1)
        .stderr_eq(snapbox::str![[r#"
refused: summit (every locale): articles/summit.md was edited since the last sync (run `bitext sync summit`)

"#]]);
    assert!(!f.path("public/en/summit.html").exists());
}

#[test]
fn unknown_locales_and_slugs_are_usage_errors() {
    let f = summit();
    f.bitext(&["publish", "--locale", "fr"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: unknown locale fr: the project's locales are en, ko, kk, ru

"#]]);
    f.bitext(&["publish", "nope"]).assert().code(2);
}

#[test]
fn pages_of_removed_articles_go_and_nothing_publish_did_not_write() {
    let f = summit();
    f.write(
        "articles/second.md",
        "+++\ntitle = \"Second\"\n+++\n\nText.\n",
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["publish", "--locale", "en", "--format", "html,md"])
        .assert()
        .success();
    assert!(f.path("public/en/second.html").is_file());
    // Files that publish did not write, inside the output folder and out of it.
    let foreign = [
        "public/en/old/gone.html",
        "public/en/about.html",
        "public/en/notes.txt",
        "public/other.html",
        "public/xx/page.html",
        "public-2/en/second.html",
        "articles/keep.html",
    ];
    for rel in foreign {
        f.write(rel, "x");
    }
    std::fs::remove_file(f.path("articles/second.md")).unwrap();
    // A partial publish removes nothing.
    f.bitext(&["publish", "summit"]).assert().success();
    assert!(f.path("public/en/second.html").is_file());
    // The whole site: the pages of the removed article go, and only they.
    f.bitext(&["publish", "--format", "html,md"])
        .assert()
        .success()
        .stdout_eq(snapbox::str![[r#"
...
public: [..] written, [..] unchanged, 2 removed
  removed en/second.html
  removed en/second.md

"#]]);
    for rel in foreign.iter().chain(&["public/en/summit.html"]) {
        assert!(f.path(rel).is_file(), "{rel} was removed");
    }

    // An article edited since the last sync is refused, and its pages stay as they were.
    let before = f.read("public/ko/summit.html");
    let article = f.read("articles/summit.md");
    f.write(
        "articles/summit.md",
        format!("{article}\nA new paragraph.\n"),
    );
    f.bitext(&["publish"]).assert().code(1);
    assert_eq!(f.read("public/ko/summit.html"), before);
    assert_eq!(
        f.read("articles/summit.md"),
        format!("{article}\nA new paragraph.\n")
    );
}

#[test]
fn an_output_folder_over_the_sources_is_refused() {
    let f = summit();
    for out in [
        ".",
        "..",
        "articles",
        "locales/ko",
        "history",
        "articles/../locales",
    ] {
        f.bitext(&["publish", "--format", "md", "--out", out])
            .assert()
            .code(2)
            .stderr_eq(snapbox::str![[r#"
error: [..]: the output folder must not be the project, hold it, or be inside its articles, locales or history folder

"#]]);
    }
    assert!(!f.path("articles/en").exists());
    f.bitext(&["publish", "--out", "site"]).assert().success();
    assert!(f.path("site/en/summit.html").is_file());
}

#[test]
fn no_public_page_shows_coverage_figures() {
    let f = summit();
    f.bitext(&["publish"]).assert().success();
    let ko_front = f.read("public/ko/index.html");
    assert!(
        ko_front.contains("<h3><a href=\"../ko/summit.html\">정상들, 협력 확대 합의</a></h3>"),
        "{ko_front}"
    );
    for (rel, text) in files(&f.path("public")) {
        for figure in [
            "% current",
            "stale",
            "unreviewed",
            "not published",
            "coverage",
        ] {
            assert!(!text.contains(figure), "{}: {figure}", rel.display());
        }
    }
}

#[test]
fn fluent_terms_in_translations_are_formatted_with_the_glossary() {
    let f = summit();
    f.write("locales/ko/glossary.ftl", "-cheong-wa-dae = 청와대\n");
    let met = f.id_of("summit", "met at");
    let space = f.id_of("summit", "space");
    let ko = f.read("locales/ko/summit.ftl");
    f.write(
        "locales/ko/summit.ftl",
        format!("{ko}\n{met} = 두 정상은 {{ -cheong-wa-dae }}에서 만났다.\n{space} = {{ -nope }} 합의.\n"),
    );
    f.bitext(&["publish", "--locale", "ko"])
        .assert()
        .success()
        .stderr_eq(snapbox::str![[r#"
warning: locales/ko/summit.ftl: [..]: Unknown term: -nope; shown as untranslated

"#]]);
    let html = f.read("public/ko/summit.html");
    assert!(html.contains("두 정상은 청와대에서 만났다."), "{html}");
    assert!(html.contains(
        "<span class=\"fallback\" lang=\"en\">They agreed to cooperate on space.</span>"
    ));
}

#[test]
fn a_fluent_syntax_error_in_a_translation_is_reported() {
    let f = summit();
    let ko = f.read("locales/ko/summit.ftl");
    f.write(
        "locales/ko/summit.ftl",
        format!("{ko}\nbroken = 비가 {{ 계속\n"),
    );
    let line = ko.lines().count() + 2;
    f.bitext(&["publish", "--locale", "ko"])
        .assert()
        .success()
        .stderr_eq(format!(
            "warning: locales/ko/summit.ftl:{line}:[..]: [..]; what it holds is shown as untranslated\n"
        ));
}
