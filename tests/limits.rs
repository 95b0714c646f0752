//! Limits on what bitext reads: nothing nested deeper than a sane limit or larger than 64 MiB is
//! parsed, so that no file makes a command crash, and no import writes what a later command
//! could not read. A target file's message nested too deeply is junk (reported, kept, never
//! parsed); anything else is refused with its file, line and column, exit code 2, and nothing
//! written.

mod common;

use common::Fixture;

const SLUG: &str = "2021/08/tokayev-state-visit";
const KO: &str = "locales/ko/2021/08/tokayev-state-visit.ftl";

/// `levels` placeables inside each other around a variable.
fn nested_braces(levels: usize) -> String {
    format!("{}$x{}", "{ ".repeat(levels), " }".repeat(levels))
}

/// A select expression whose default variant holds another, `levels` deep.
fn nested_selects(levels: usize) -> String {
    let mut out = String::new();
    for _ in 0..levels {
        out.push_str("{ $x ->\n    *[other] ");
    }
    out.push('x');
    for _ in 0..levels {
        out.push_str("\n}");
    }
    out
}

/// The sample with a message nested `value` put into the Korean file, after the subtitle.
fn with_deep_message(value: &str) -> Fixture {
    let f = Fixture::sample_without_people();
    let ko = f.read(KO);
    let deep = format!("deep = {value}\n\n# en: By Jiwon Seo");
    f.write(KO, ko.replacen("# en: By Jiwon Seo", &deep, 1));
    f
}

fn stderr(output: &snapbox::cmd::OutputAssert) -> String {
    String::from_utf8_lossy(&output.get_output().stderr).into_owned()
}

#[test]
fn a_target_message_nested_too_deeply_is_reported_junk_and_no_command_crashes() {
    for (what, value) in [
        ("braces", nested_braces(10_000)),
        ("selects", nested_selects(5_000)),
        ("braces, 100,000", nested_braces(100_000)),
    ] {
        let f = with_deep_message(&value);
        let before = f.read(KO);
        let status = f.bitext(&["status", "--locale", "ko"]).assert().success();
        assert!(
            stderr(&status).contains("placeables nest deeper than 32 levels"),
            "{what}: {}",
            stderr(&status)
        );
        for args in [
            vec!["check", "--locale", "ko"],
            vec!["todo", "ko"],
            vec!["show", SLUG],
            vec!["export", "ko", "-o", "ko.xlf"],
            vec!["tm", "ko", "Trade reached $4.25 billion."],
            vec!["accept", "ko"],
            vec!["sync"],
        ] {
            let code = f.bitext(&args).assert().get_output().status.code();
            assert!(
                matches!(code, Some(0 | 1)),
                "{what}: {args:?} exited {code:?}"
            );
        }
        f.bitext(&["publish"]).assert().success();
        let id = f.id_of(SLUG, "first state visit to Korea since");
        f.bitext(&["set", "ko", SLUG, &id, "새 번역."])
            .assert()
            .success();
        // The junk is kept as it was, where it was.
        let after = f.read(KO);
        assert!(after.contains(&format!("\ndeep = {value}\n")), "{what}");
        assert!(after.contains("= 새 번역.\n"), "{what}");
        // Only the translation and its state line changed.
        let (old, new): (Vec<&str>, Vec<&str>) =
            (before.lines().collect(), after.lines().collect());
        assert_eq!(old.len(), new.len(), "{what}");
        let changed = old
            .iter()
            .zip(&new)
            .filter(|(a, b)| common::without_fingerprint(a) != common::without_fingerprint(b))
            .count();
        assert_eq!(changed, 2, "{what}");
    }
}

#[test]
fn a_deep_message_is_reported_with_its_line_and_column() {
    let f = with_deep_message(&nested_braces(10_000));
    f.bitext(&["status", "--locale", "ko"])
        .assert()
        .success()
        .stderr_eq(snapbox::file!["snapshots/limits/deep-status.stderr"]);
}

#[test]
fn a_glossary_nested_too_deeply_is_not_parsed() {
    let f = Fixture::sample_without_people();
    let glossary = f.read("locales/ko/glossary.ftl");
    f.write(
        "locales/ko/glossary.ftl",
        format!("{glossary}\n-deep = {}\n", nested_braces(10_000)),
    );
    let code = f.bitext(&["check"]).assert().get_output().status.code();
    assert!(matches!(code, Some(0 | 1)), "check exited {code:?}");
    f.bitext(&["publish"]).assert().success();
}

#[test]
fn an_xliff_inline_code_nested_too_deeply_is_refused_and_nothing_is_written() {
    let f = Fixture::sample_without_people();
    f.bitext(&["export", "ko", "--all", "-o", "ko.xlf"])
        .assert()
        .success();
    let xlf = f.read("ko.xlf");
    let unit = xlf.find("<unit id=\"s-sqdfyc\"").expect("the unit");
    let target = unit + xlf[unit..].find("</target>").unwrap();
    let segment = unit + xlf[unit..].find("<segment").unwrap();
    let mut edited = xlf.clone();
    edited.insert_str(target, "<ph id=\"1\" dataRef=\"d1\"/>");
    let data = format!(
        "<originalData><data id=\"d1\">{}</data></originalData>\n      ",
        nested_braces(10_000)
    );
    edited.insert_str(segment, &data);
    f.write("deep.xlf", edited);
    let before = f.tree();
    f.bitext(&["import", "deep.xlf"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/limits/deep-xliff.stderr"]);
    assert!(before == f.tree());
}

#[test]
fn a_po_translation_nested_too_deeply_is_refused_and_nothing_is_written() {
    let f = Fixture::sample_without_people();
    f.bitext(&["export", "ko", "--all", "--format", "po", "-o", "ko.po"])
        .assert()
        .success();
    let po = f.read("ko.po");
    let old = "msgstr \"코로나19 대유행이 시작된 이후 첫 국빈 방한이다.\"";
    assert!(po.contains(old));
    f.write(
        "deep.po",
        po.replace(old, &format!("msgstr \"{}\"", nested_braces(10_000))),
    );
    let before = f.tree();
    f.bitext(&["import", "deep.po"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/limits/deep-po.stderr"]);
    assert!(before == f.tree());
}

#[test]
fn an_article_nested_too_deeply_is_refused_with_its_line_and_column() {
    let f = Fixture::init();
    f.write("articles/good.md", common::ARTICLE);
    f.write(
        "articles/deep.md",
        format!(
            "+++\ntitle = \"Deep\"\n+++\n\nA paragraph.\n\n{} quoted.\n",
            "> ".repeat(10_000)
        ),
    );
    let before = f.tree();
    f.bitext(&["sync"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/limits/deep-article.stderr"]);
    assert!(before == f.tree());
    f.write(
        "articles/deep.md",
        format!(
            "+++\ntitle = \"Deep\"\nx = {}1{}\n+++\n\nText.\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    );
    let output = f.bitext(&["sync"]).assert().code(2);
    assert!(
        stderr(&output).starts_with("error: articles/deep.md:3:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_history_or_journal_line_nested_deeply_is_an_error_at_its_line() {
    for rel in [
        "history/2021/08/tokayev-state-visit.jsonl",
        "history/2021/08/tokayev-state-visit.ko.jsonl",
    ] {
        let f = Fixture::sample_without_people();
        let text = f.read(rel);
        let lines = text.lines().count();
        f.write(
            rel,
            format!("{text}{}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
        );
        let id = f.id_of(SLUG, "first state visit to Korea since");
        let before = f.tree();
        let output = f
            .bitext(&["set", "ko", SLUG, &id, "새 번역."])
            .assert()
            .code(2);
        let expected = format!("error: {rel}:{}:1: ", lines + 1);
        assert!(
            stderr(&output).starts_with(&expected),
            "{}",
            stderr(&output)
        );
        if rel.ends_with(".jsonl") && !rel.ends_with(".ko.jsonl") {
            assert!(before == f.tree());
        }
    }
}

#[test]
fn a_file_larger_than_64_mib_is_refused_before_it_is_read() {
    let f = Fixture::init();
    f.write("articles/summit.md", common::ARTICLE);
    let big = std::fs::File::create(f.path("articles/big.md")).unwrap();
    big.set_len(65 * 1024 * 1024).unwrap();
    let before = f.tree();
    f.bitext(&["sync"]).assert().code(2).stderr_eq(
        "error: articles/big.md: the file is 65 MiB, larger than the 64 MiB bitext reads\n",
    );
    assert!(before == f.tree());
}

#[test]
fn a_translation_with_more_escapes_than_fluent_bundle_formats_still_publishes() {
    // Each brace was a placeable of its own, and fluent-bundle formats at most 100 in a message:
    // the translation was signed off but published as untranslated.
    let f = Fixture::init();
    f.write("articles/summit.md", common::ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.translate("summit", "ko", &["title"]);
    let id = f.id_of("summit", "met at");
    let text = "{x} ".repeat(60) + "끝.";
    f.bitext(&["set", "ko", "summit", &id, &text])
        .assert()
        .success();
    let output = f.bitext(&["publish", "--locale", "ko"]).assert().success();
    assert!(!stderr(&output).contains("summit"), "{}", stderr(&output));
    let page = f.read("public/ko/summit.html");
    assert!(page.contains(&text), "{page}");
}
