//! Bad input gets a clear message naming the file (and line and column), exit code 2, and
//! nothing is lost.

mod common;

use common::{Fixture, ARTICLE};

fn synced() -> Fixture {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f
}

#[test]
fn article_that_is_not_utf8_is_refused_and_nothing_is_written() {
    let f = Fixture::init();
    f.write("articles/good.md", ARTICLE);
    f.write("articles/summit.md", b"+++\ntitle = \"Caf\xe9\"\n+++\n");
    let before = f.tree();
    f.bitext(&["sync"])
        .assert()
        .code(2)
        .stdout_eq("")
        .stderr_eq(snapbox::file!["snapshots/bad/not-utf8.stderr"]);
    assert!(before == f.tree());
}

#[test]
fn broken_front_matter_names_line_and_column() {
    let f = Fixture::init();
    f.write(
        "articles/summit.md",
        "+++\ntitle = \"Leaders agree\"\nbyline = By Jane\n+++\n\nText.\n",
    );
    f.bitext(&["sync"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/front-matter.stderr"]);
    f.write(
        "articles/summit.md",
        "+++\ntitle = \"Leaders agree\"\n\nText.\n",
    );
    f.bitext(&["sync"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/front-matter-unclosed.stderr"]);
    f.write(
        "articles/summit.md",
        "+++\ndate = 2021-08-17\ntitle = 2021\n+++\n\nText.\n",
    );
    f.bitext(&["sync"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/front-matter-type.stderr"]);
}

#[test]
fn fluent_syntax_error_is_reported_and_the_junk_survives_set() {
    let f = synced();
    let trade = f.id_of("summit", "Trade reached");
    let ko = f.read("locales/ko/summit.ftl");
    let broken = ko.replace(
        "# bitext: missing byline\n",
        "# bitext: missing byline\nbyline = 제인 { 도 기자\n",
    );
    f.write("locales/ko/summit.ftl", &broken);
    f.bitext(&["status", "--locale", "ko"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/bad/junk-status.txt"])
        .stderr_eq(snapbox::file!["snapshots/bad/junk-status.stderr"]);
    f.bitext(&[
        "set",
        "ko",
        "summit",
        &trade,
        "2019년 교역액은 42억2000만 달러였다.",
    ])
    .assert()
    .success();
    let after = f.read("locales/ko/summit.ftl");
    assert!(
        after.contains("byline = 제인 { 도 기자\n"),
        "junk lost:\n{after}"
    );
    assert!(after.contains("42억2000만 달러였다."));
}

#[test]
fn byte_order_mark_and_crlf_are_read_and_kept() {
    let f = Fixture::init();
    let crlf = format!("\u{feff}{}", ARTICLE.replace('\n', "\r\n"));
    f.write("articles/summit.md", crlf);
    f.bitext(&["sync"]).assert().success();
    let plain = synced();
    assert_eq!(
        f.read("locales/en/summit.ftl"),
        plain.read("locales/en/summit.ftl")
    );

    // A translator's editor saved the Korean file with a BOM and CRLF line endings.
    let trade = f.id_of("summit", "Trade reached");
    let ko = f.read("locales/ko/summit.ftl");
    let ko = format!(
        "\u{feff}{}",
        ko.replace(
            "# bitext: missing title\n",
            "# bitext: missing title\ntitle = 정상들, 협력 확대 합의\n"
        )
        .replace('\n', "\r\n")
    );
    f.write("locales/ko/summit.ftl", &ko);
    f.bitext(&[
        "set",
        "ko",
        "summit",
        &trade,
        "교역액은 42억2000만 달러였다.",
    ])
    .assert()
    .success();
    let after = f.read("locales/ko/summit.ftl");
    assert!(after.starts_with('\u{feff}'), "byte-order mark dropped");
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "line endings mixed"
    );
    f.bitext(&["status", "--locale", "ko", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/bad/bom-crlf-status.json"]);
}

#[test]
fn unknown_locales_are_refused() {
    let f = synced();
    let before = f.tree();
    f.bitext(&["set", "fr", "summit", "title", "Les dirigeants"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/unknown-locale.stderr"]);
    f.bitext(&["status", "--locale", "en_US!"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/invalid-locale.stderr"]);
    assert!(before == f.tree());
    f.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"ko\", \"k k\"]\n",
    );
    f.bitext(&["status"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/invalid-locale-config.stderr"]);
}

#[test]
fn bad_slugs_are_refused_with_the_reason() {
    let f = synced();
    f.bitext(&["set", "ko", "../etc/passwd", "title", "x"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/slug-dotdot.stderr"]);
    f.bitext(&["log", "no such"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/slug-space.stderr"]);
    // A file whose name is not a slug is skipped with the reason, and refused when named.
    f.write("articles/Big News.md", ARTICLE);
    f.write("articles/README.md", "How we write articles.\n");
    f.bitext(&["sync"])
        .assert()
        .success()
        .stderr_eq(snapbox::file!["snapshots/bad/slug-file.stderr"]);
    f.bitext(&["status"])
        .assert()
        .success()
        .stderr_eq(snapbox::file!["snapshots/bad/slug-file.stderr"]);
    f.bitext(&["sync", "articles/Big News.md"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/slug-file-named.stderr"]);
    f.bitext(&["set", "ko", "summit", "s-nosuch", "x"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/unknown-id.stderr"]);
}

#[test]
fn a_project_is_needed() {
    let f = Fixture::empty();
    f.bitext(&["status"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/bad/no-project.stderr"]);
}
