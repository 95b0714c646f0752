//! The published site as a whole, through the real binary: the site's address and what happens
//! without it, language links that always go both ways, front pages, templates a newsroom makes
//! its own, each language's typography, images, right-to-left locales and the editors' report.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::{Fixture, ARTICLE};

/// The `[publish]` table of the test sites.
const SITE: &str =
    "\n[publish]\nbase_url = \"https://news.example.com/\"\nsite_name = \"Test News\"\n";

/// A project made by `bitext init` with `extra` added to its bitext.toml.
fn project(extra: &str) -> Fixture {
    let f = Fixture::init();
    let config = f.read("bitext.toml");
    f.write("bitext.toml", format!("{config}{extra}"));
    f
}

/// The summit article, synced, with its title translated into `titled`.
fn summit(extra: &str, titled: &[&str]) -> Fixture {
    let f = project(extra);
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    for lc in titled {
        f.translate("summit", lc, &["title"]);
    }
    f
}

/// Removes the translation of the title in `locale`, which refuses the locale's page.
fn untitle(f: &Fixture, locale: &str) {
    let path = format!("locales/{locale}/summit.ftl");
    let text = f.read(&path);
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("title =")).collect();
    f.write(&path, kept.join("\n") + "\n");
}

/// Each HTML page of the article `slug` under `public/`, by locale, with the languages its
/// `<link rel="alternate" hreflang>` elements point at (absolute addresses of the test site).
fn language_links(f: &Fixture, slug: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for lc in ["en", "ko", "kk", "ru"] {
        let path = f.path(&format!("public/{lc}/{slug}.html"));
        let Ok(html) = std::fs::read_to_string(&path) else {
            continue;
        };
        let mut langs = BTreeSet::new();
        for line in html.lines() {
            let Some(rest) = line.strip_prefix("<link rel=\"alternate\" hreflang=\"") else {
                continue;
            };
            let (lang, rest) = rest.split_once('"').unwrap();
            let href = rest
                .strip_prefix(" href=\"")
                .and_then(|r| r.split_once('"'))
                .unwrap()
                .0;
            if lang == "x-default" {
                continue;
            }
            assert_eq!(
                href,
                format!("https://news.example.com/{lang}/{slug}.html"),
                "{lc}"
            );
            langs.insert(lang.to_string());
        }
        out.insert(lc.to_string(), langs);
    }
    out
}

/// Every page of `slug` links to exactly the language versions that exist, itself included:
/// none links to a page that is missing or that does not link back.
fn assert_reciprocal(f: &Fixture, slug: &str) -> BTreeSet<String> {
    let links = language_links(f, slug);
    let pages: BTreeSet<String> = links.keys().cloned().collect();
    for (lc, langs) in &links {
        assert_eq!(
            langs, &pages,
            "the {lc} page links to {langs:?}, the pages are {pages:?}"
        );
    }
    pages
}

fn set(v: &[&str]) -> BTreeSet<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_refused_page_stays_linked_while_it_links_back() {
    let f = summit(SITE, &["ko", "kk", "ru"]);
    f.bitext(&["publish"]).assert().success();
    assert_eq!(
        assert_reciprocal(&f, "summit"),
        set(&["en", "ko", "kk", "ru"])
    );
    // Korean loses its title: its page stays as it was, and still links to every version.
    let before = f.read("public/ko/summit.html");
    untitle(&f, "ko");
    f.bitext(&["publish"])
        .assert()
        .code(1)
        .stderr_eq("refused: ko summit: the title has no translation\n");
    assert_eq!(f.read("public/ko/summit.html"), before);
    assert_eq!(
        assert_reciprocal(&f, "summit"),
        set(&["en", "ko", "kk", "ru"])
    );
}

#[test]
fn a_refused_page_that_would_not_link_back_is_withdrawn() {
    // First only English and Korean are published.
    let f = summit(SITE, &["ko"]);
    f.bitext(&["publish"]).assert().code(1);
    assert_eq!(assert_reciprocal(&f, "summit"), set(&["en", "ko"]));
    // Then Kazakh gets a title and Korean loses its own: the old Korean page does not know the
    // Kazakh one, so it goes, and nothing links to it.
    f.translate("summit", "kk", &["title"]);
    untitle(&f, "ko");
    f.bitext(&["publish"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::str![[r#"
...
public: [..] written, [..] unchanged, 1 removed
  removed ko/summit.html

"#]])
        .stderr_eq(snapbox::str![[r#"
refused: ko summit: the title has no translation
refused: ru summit: the title has no translation
withdrawn: ko summit: its page from an earlier publish links to other language versions than the article has now

"#]]);
    assert!(!f.path("public/ko/summit.html").exists());
    assert_eq!(assert_reciprocal(&f, "summit"), set(&["en", "kk"]));
    let sitemap = f.read("public/sitemap.xml");
    assert!(!sitemap.contains("/ko/summit.html"), "{sitemap}");
}

#[test]
fn a_partial_publish_links_only_to_pages_that_exist_and_link_back() {
    let f = summit(SITE, &["ko", "kk"]);
    // Only Korean: there is no English page yet, so the Korean page links to itself alone.
    f.bitext(&["publish", "--locale", "ko"]).assert().success();
    assert_eq!(assert_reciprocal(&f, "summit"), set(&["ko"]));
    // Then English: the Korean page is rewritten to link to it, and Kazakh is still not there.
    f.bitext(&["publish", "--locale", "en"])
        .assert()
        .success()
        .stdout_eq(snapbox::str![[r#"
en    published 1  refused 0  fallback 0  omitted 0  stale 0  unreviewed 0
public: 2 files written, 0 unchanged, 0 removed

"#]]);
    assert_eq!(assert_reciprocal(&f, "summit"), set(&["en", "ko"]));
    f.bitext(&["publish"]).assert().code(1);
    assert_eq!(assert_reciprocal(&f, "summit"), set(&["en", "ko", "kk"]));
}

#[test]
fn without_a_base_url_links_are_relative_with_one_warning_and_no_sitemap_or_feeds() {
    let f = summit("", &["ko", "kk", "ru"]);
    f.bitext(&["publish"]).assert().success().stderr_eq(
        "warning: bitext.toml: [publish] has no base_url, so links between pages are relative \
         and there is no sitemap.xml and no feed (they need the site's address)\n",
    );
    let ko = f.read("public/ko/summit.html");
    assert!(
        ko.contains("<link rel=\"canonical\" href=\"../ko/summit.html\">"),
        "{ko}"
    );
    assert!(ko.contains("<link rel=\"alternate\" hreflang=\"kk\" href=\"../kk/summit.html\">"));
    assert!(!ko.contains("og:url") && !ko.contains("og:image") && !ko.contains("feed.xml"));
    assert!(!f.path("public/sitemap.xml").exists());
    assert!(!f.path("public/ko/feed.xml").exists());
    assert!(f.path("public/ko/index.html").is_file());
}

#[test]
fn a_bad_base_url_is_an_error_that_names_the_file() {
    let f = summit("\n[publish]\nbase_url = \"news.example.com\"\n", &["ko"]);
    f.bitext(&["publish"]).assert().code(2).stderr_eq(
        "error: bitext.toml: [publish] base_url: \"news.example.com\" must be an absolute \
         http:// or https:// address\n",
    );
}

/// Three articles, one a day, titled in Korean.
fn three_days(extra: &str) -> Fixture {
    let f = project(extra);
    for (slug, day) in [("first", 15), ("second", 16), ("third", 17)] {
        f.write(
            &format!("articles/{slug}.md"),
            format!(
                "+++\ntitle = \"The {slug} day\"\ndate = 2021-08-{day}\n+++\n\nIt happened on the {slug} day.\n"
            ),
        );
    }
    f.bitext(&["sync"]).assert().success();
    for (slug, title) in [
        ("first", "첫날"),
        ("second", "둘째 날"),
        ("third", "셋째 날"),
    ] {
        f.bitext(&["set", "ko", slug, "title", title])
            .assert()
            .success();
    }
    f
}

#[test]
fn front_pages_list_the_newest_first_in_pages_of_per_page() {
    let f = three_days(&format!("{SITE}per_page = 2\n"));
    f.bitext(&["publish", "--locale", "en,ko"])
        .assert()
        .success();
    // A partial publish writes no front page.
    assert!(!f.path("public/ko/index.html").exists());
    f.bitext(&["publish"]).assert().code(1);
    let first = f.read("public/ko/index.html");
    let second = f.read("public/ko/page/2.html");
    let titles = |html: &str| -> Vec<String> {
        html.lines()
            .filter_map(|l| l.strip_prefix("<h3><a href=\""))
            .map(|l| {
                l.split_once("\">")
                    .unwrap()
                    .1
                    .trim_end_matches("</a></h3>")
                    .to_string()
            })
            .collect()
    };
    assert_eq!(titles(&first), ["셋째 날", "둘째 날"]);
    assert_eq!(titles(&second), ["첫날"]);
    assert!(
        first.contains("<a rel=\"next\" href=\"../ko/page/2.html\">다음 페이지 →</a>"),
        "{first}"
    );
    assert!(second.contains("<a rel=\"prev\" href=\"../../ko/index.html\">← 이전 페이지</a>"));
    assert!(
        second.contains("<span class=\"page-of\">전체 2쪽 중 2쪽</span>"),
        "{second}"
    );
    // The front pages are one another's language versions; a later page is nobody's.
    assert!(first.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://news.example.com/en/index.html\">"
    ));
    assert!(first.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://news.example.com/index.html\">"));
    assert!(!second.contains("hreflang=\"en\" href=\"https"));
    // The feed has the three, newest first, with absolute links.
    let feed = f.read("public/ko/feed.xml");
    let ids: Vec<&str> = feed
        .lines()
        .filter_map(|l| l.strip_prefix("<id>https://news.example.com/ko/"))
        .collect();
    assert_eq!(
        ids,
        [
            "feed.xml</id>",
            "third.html</id>",
            "second.html</id>",
            "first.html</id>"
        ]
    );
    // Fewer articles later: the second page goes.
    std::fs::remove_file(f.path("articles/first.md")).unwrap();
    f.bitext(&["publish"]).assert().code(1);
    assert!(!f.path("public/ko/page/2.html").exists());
}

#[test]
fn a_slug_that_is_a_front_page_file_is_refused() {
    let f = project(SITE);
    f.write(
        "articles/index.md",
        "+++\ntitle = \"Index\"\n+++\n\nText.\n",
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["publish", "--locale", "en"])
        .assert()
        .code(1)
        .stderr_eq(
            "refused: en index: the slug index is the file of a front page (<lc>/index.html): \
             rename the article\n",
        );
    f.bitext(&["publish", "--locale", "en", "--format", "md"])
        .assert()
        .success();
}

#[test]
fn the_language_chooser_names_each_language_in_itself() {
    let f = summit(SITE, &["ko", "kk", "ru"]);
    f.bitext(&["publish"]).assert().success();
    let index = f.read("public/index.html");
    for (lc, name, invite) in [
        ("en", "English", "Read in English"),
        ("ko", "한국어", "한국어로 읽기"),
        ("kk", "Қазақша", "Қазақ тілінде оқу"),
        ("ru", "Русский", "Читать на русском"),
    ] {
        assert!(
            index.contains(&format!(
                "<li lang=\"{lc}\" dir=\"ltr\"><a href=\"{lc}/index.html\" hreflang=\"{lc}\"><span class=\"name\">{name}</span> <span class=\"invite\">{invite}</span></a></li>"
            )),
            "{index}"
        );
    }
}

#[test]
fn a_templates_folder_replaces_the_built_in_templates_by_name() {
    let f = summit(SITE, &["ko"]);
    f.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% block body %}<h1 class=\"mine\">{{ title }}</h1>\n{{ article.body }}{% endblock %}\n",
    );
    f.write("templates/style.css", "body { color: #000; }\n");
    // A translation's title full of script is text in a template too.
    f.bitext(&[
        "set",
        "ko",
        "summit",
        "title",
        "<script>alert(1)</script> 제목",
    ])
    .assert()
    .success();
    f.bitext(&["publish"]).assert().code(1);
    let ko = f.read("public/ko/summit.html");
    assert!(
        ko.contains("<h1 class=\"mine\">&lt;script&gt;alert(1)&lt;/script&gt; 제목</h1>"),
        "{ko}"
    );
    assert!(!ko.contains("<script"), "{ko}");
    assert!(
        ko.contains("<style>\nbody { color: #000; }\n</style>"),
        "{ko}"
    );
    // The other templates are still the built-in ones, with the new style.
    let front = f.read("public/ko/index.html");
    assert!(front.contains("<h2 class=\"latest\">최신 기사</h2>") && front.contains("color: #000"));
}

#[test]
fn a_template_error_names_the_file_line_and_column() {
    let f = summit(SITE, &["ko"]);
    f.write("templates/front.html", "<p>\n{{ front.articles | nope }}\n");
    f.bitext(&["publish"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: templates/front.html:2:[..]: [..]nope[..]
...
"#]]);
    f.write("templates/front.html", "<p>{% if %}</p>\n");
    f.bitext(&["publish"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: templates/front.html:1:[..]: syntax error[..]
...
"#]]);
    f.write(
        "templates/front.html",
        "<p>{{ front.misspelt.title }}</p>\n",
    );
    f.bitext(&["publish"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: templates/front.html:1:[..]: undefined value[..]
...
"#]]);
}

/// The text of the first element of `html` whose start tag is `start`, with every no-break
/// space shown as `~` and every word joiner as `^`.
fn text_of(html: &str, start: &str) -> String {
    let at = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"))
        + start.len();
    let rest = &html[at..];
    let end = ["</p>", "</h1>"]
        .iter()
        .filter_map(|e| rest.find(e))
        .min()
        .unwrap();
    rest[..end].replace('\u{a0}', "~").replace('\u{2060}', "^")
}

#[test]
fn each_language_keeps_its_words_together_and_nowhere_else() {
    let f = project(SITE);
    f.write(
        "articles/t.md",
        "+++\ntitle = \"Typography\"\n+++\n\nOne. Two. Three.\n\nA *word* of note, 17 thousand.\n",
    );
    f.bitext(&["sync"]).assert().success();
    let one = f.id_of("t", "One.");
    let two = f.id_of("t", "Two.");
    let three = f.id_of("t", "Three.");
    let word = f.id_of("t", "word");
    for (lc, title, sentences, emphasis) in [
        (
            "ru",
            "Токаев в Сеуле",
            [
                "В 2019 году товарооборот достиг 4,22 млрд долларов, а к 2021 г. — 1 400 единиц.",
                "«Мир важнее оружия», — сказал он 17 августа.",
                "Он и я были в Сеуле, т. е. в столице, с № 1.",
            ],
            "Лидеры встретились в *«Чхонвадэ»* 17 мая.",
        ),
        (
            "kk",
            "Тоқаев Сеулде",
            [
                "2019 жылы тауар айналымы 4,22 млрд долларға жетті, 172 мың адам көшірілді.",
                "«Бейбітшілік қарудан маңызды», – деді ол 17 тамыз күні.",
                "Бұл 1 400 бірлік, яғни 27 % үлес.",
            ],
            "Олар *Чхонвадэде* кездесті.",
        ),
        (
            "ko",
            "토카예프 방한…한·카자흐스탄",
            [
                "1937년 고려인 17만2000여 명이 강제 이주됐다.",
                "교역액은 42억2000만 달러였고, 그는 한 명의 영웅이었다.",
                "두 정상은 2019 대통령 선거 이후 만났다.",
            ],
            "양국은 *프레시 윈드* 협력에 합의했다.",
        ),
    ] {
        f.bitext(&["set", lc, "t", "title", title])
            .assert()
            .success();
        for (id, text) in [
            (&one, sentences[0]),
            (&two, sentences[1]),
            (&three, sentences[2]),
        ] {
            f.bitext(&["set", lc, "t", id, text]).assert().success();
        }
        f.bitext(&["set", lc, "t", &word, emphasis])
            .assert()
            .success();
    }
    f.bitext(&["publish"]).assert().success();
    let page = |lc: &str| f.read(&format!("public/{lc}/t.html"));
    let ru = page("ru");
    assert_eq!(
        text_of(&ru, "</header>\n<p>"),
        "В~2019 году товарооборот достиг 4,22~млрд долларов, а~к~2021~г.~— 1~400 единиц. \
         «Мир важнее оружия»,~— сказал он 17~августа. \
         Он и~я~были в~Сеуле, т. е. в~столице, с~№~1."
    );
    assert_eq!(
        text_of(&ru, "</p>\n<p>"),
        "Лидеры встретились в~<em>«Чхонвадэ»</em> 17~мая."
    );
    let kk = page("kk");
    assert_eq!(
        text_of(&kk, "</header>\n<p>"),
        "2019 жылы тауар айналымы 4,22~млрд долларға жетті, 172~мың адам көшірілді. \
         «Бейбітшілік қарудан маңызды»,~– деді ол 17~тамыз күні. \
         Бұл 1~400 бірлік, яғни 27~% үлес."
    );
    let ko = page("ko");
    assert_eq!(text_of(&ko, "<h1>"), "토카예프 방한^…한^·^카자흐스탄");
    assert_eq!(
        text_of(&ko, "</header>\n<p>"),
        "1937년 고려인 17만2000여~명이 강제 이주됐다. \
         교역액은 42억2000만~달러였고, 그는 한~명의 영웅이었다. \
         두 정상은 2019 대통령 선거 이후 만났다."
    );
    // Korean emphasis is never slanted: the page's style says so for Korean text.
    assert_eq!(
        text_of(&ko, "</p>\n<p>"),
        "양국은 <em>프레시 윈드</em> 협력에 합의했다."
    );
    assert!(ko.contains("em:lang(ko), i:lang(ko), cite:lang(ko) { font-style: normal;"));
    // English is left as it is.
    let en = page("en");
    assert!(!en.contains('\u{a0}') && !en.contains('\u{2060}'));
}

#[test]
fn a_fallback_sentence_is_marked_in_the_readers_language() {
    let f = summit(SITE, &["ko", "kk", "ru"]);
    f.bitext(&["publish"]).assert().success();
    for (lc, note) in [
        ("ko", "아직 번역되지 않음"),
        ("kk", "Әлі аударылмаған"),
        ("ru", "Ещё не переведено"),
    ] {
        let html = f.read(&format!("public/{lc}/summit.html"));
        assert!(
            html.contains(&format!(
                "<span class=\"untranslated-note\">{note}</span><span class=\"fallback\" lang=\"en\">The two leaders met at Cheong Wa Dae.</span>"
            )),
            "{lc}: {html}"
        );
    }
}

#[test]
fn right_to_left_locales_get_dir_rtl_and_the_fallback_its_own_direction() {
    let f = Fixture::empty();
    f.write(
        "bitext.toml",
        format!("source = \"en\"\ntargets = [\"ar\"]\n{SITE}"),
    );
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.bitext(&[
        "set",
        "ar",
        "summit",
        "title",
        "القادة يتفقون على توسيع الشراكة",
    ])
    .assert()
    .success();
    f.bitext(&["publish"]).assert().success();
    let ar = f.read("public/ar/summit.html");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "{ar}");
    assert!(
        ar.contains("<span class=\"fallback\" lang=\"en\" dir=\"ltr\">"),
        "{ar}"
    );
    assert!(ar.contains(
        "<a href=\"../en/summit.html\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>"
    ));
    assert!(f
        .read("public/en/summit.html")
        .contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn figures_carry_their_image_size_and_a_missing_image_is_reported() {
    let f = Fixture::sample();
    std::fs::remove_file(f.path("articles/2021/08/images/hong-beom-do-remains.jpg")).unwrap();
    f.bitext(&["publish", "--locale", "en"])
        .assert()
        .success()
        .stderr_eq(
            "warning: 2021/08/tokayev-state-visit: the image \
             articles/2021/08/images/hong-beom-do-remains.jpg does not exist\n",
        );
    let html = f.read("public/en/2021/08/tokayev-state-visit.html");
    assert!(html.contains(
        "<img src=\"../../../assets/2021/08/images/moon-tokayev-welcome.jpg\" alt=\"President Moon Jae-in and Kazakh President Kassym-Jomart Tokayev review an honor guard during a welcoming ceremony at Cheong Wa Dae in Seoul on Tuesday. It was the first state visit to Korea since the COVID-19 pandemic began.\" width=\"1200\" height=\"800\">"
    ));
    // The figure of the missing image keeps its caption and has no broken image.
    assert!(!html.contains("hong-beom-do-remains.jpg"), "{html}");
    assert!(html.contains("<figcaption>Honor guards carry the coffin"));
    assert!(!f
        .path("public/assets/2021/08/images/hong-beom-do-remains.jpg")
        .exists());
}

#[test]
fn the_coverage_report_is_status_format_html() {
    let f = Fixture::sample();
    f.bitext(&["status", "--format", "html"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/publish/status.html"]);
}

/// Runs `bitext ARGS` in `f` under umask 022, as a web site's deploy script would.
fn with_umask_022(f: &Fixture, args: &str) {
    let bitext = snapbox::cmd::cargo_bin!("bitext");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask 022 && exec '{}' {args}", bitext.display()))
        .current_dir(f.dir.path())
        .env("SOURCE_DATE_EPOCH", "1629158400")
        .status()
        .unwrap();
    assert!(status.success());
}

/// Every file under `dir` with its permission bits.
fn modes(dir: &Path) -> Vec<(PathBuf, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            if path.is_dir() {
                todo.push(path.clone());
            }
            out.push((path.strip_prefix(dir).unwrap().to_path_buf(), mode));
        }
    }
    out.sort();
    out
}

#[test]
fn published_files_are_readable_by_a_web_server_running_as_another_user() {
    let f = Fixture::sample();
    with_umask_022(&f, "publish --format html,md");
    with_umask_022(&f, "publish --format hugo --out hugo");
    for dir in ["public", "hugo"] {
        for (rel, mode) in modes(&f.path(dir)) {
            let expected = if f.path(dir).join(&rel).is_dir() {
                0o755
            } else {
                0o644
            };
            assert_eq!(mode, expected, "{dir}/{}: {mode:o}", rel.display());
        }
    }
}
