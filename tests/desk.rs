//! A translator's and an editor's day: what went wrong when bitext was used as a desk uses it,
//! each through the real binary.

mod common;

use common::{Fixture, ARTICLE};

const SLUG: &str = "summit";

fn translated() -> Fixture {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.translate_all(SLUG);
    f
}

#[test]
fn fill_refuses_what_an_editor_types_by_reflex() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["fill", "ko", "--no-memory"])
        .stdin(":wq\n:x\n:Q\n:q\n")
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/desk/fill-reflex.txt"]);
    assert!(!f.read("locales/ko/summit.ftl").contains(":wq"));
    assert!(!f.read("locales/ko/summit.ftl").contains("title = "));
}

#[test]
fn show_as_markdown_puts_each_locale_under_its_own_header() {
    let f = translated();
    f.bitext(&[
        "show", SLUG, "--format", "markdown", "--locale", "ru", "--locale", "kk",
    ])
    .assert()
    .success()
    .stdout_eq(snapbox::file!["snapshots/desk/show-ru-kk.md"]);
    f.bitext(&["show", SLUG, "--format", "markdown"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/desk/show-all.md"]);
    let text = f.stdout(&["show", SLUG]);
    assert!(
        !text.lines().any(|l| l.ends_with(' ')),
        "no line ends in a space:\n{text}"
    );
}

#[test]
fn an_article_without_a_title_is_a_warning_at_sync() {
    let f = Fixture::init();
    f.write(
        "articles/summit.md",
        "President Moon Jae-in welcomed Kazakh President Kassym-Jomart Tokayev to Seoul.\n",
    );
    f.bitext(&["sync"])
        .assert()
        .success()
        .stderr_eq(snapbox::str![[r#"
warning: articles/summit.md has no title (`title = "…"` in the front matter between `+++` lines): it is not published until it has one

"#]]);
}

#[test]
fn an_empty_translation_is_refused_and_never_current() {
    let f = translated();
    let trade = f.id_of(SLUG, "Trade reached");
    let before = f.tree();
    for empty in ["", "   "] {
        f.bitext(&["set", "ko", SLUG, &trade, empty])
            .assert()
            .code(2)
            .stderr_eq(format!(
                "error: ko summit {trade}: the translation is empty, which is no translation: nothing saved\n"
            ));
    }
    assert_eq!(f.tree(), before);
    // Emptied by hand and signed off: still missing.
    let ko = f.read("locales/ko/summit.ftl");
    let line = ko
        .lines()
        .find(|l| l.starts_with(&format!("{trade} = ")))
        .unwrap();
    f.write(
        "locales/ko/summit.ftl",
        ko.replace(line, &format!("{trade} = {{\"\"}}")),
    );
    f.bitext(&["accept", "ko", "--all"]).assert().success();
    let status: serde_json::Value = serde_json::from_str(&f.stdout(&["status", "--json"])).unwrap();
    assert_eq!(status["totals"]["ko"]["missing"], 1);
    assert_eq!(status["totals"]["ko"]["current"], 5);
    // An import of a unit marked done whose translation is only spaces writes nothing.
    f.bitext(&[
        "export", "ru", "--all", "--format", "xliff12", "-o", "ru.xlf",
    ])
    .assert()
    .success();
    f.write("ru.xlf", fill_target(&f.read("ru.xlf"), &trade, "   "));
    let ru = f.read("locales/ru/summit.ftl");
    let import = f.stdout(&["import", "ru.xlf", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&import).unwrap();
    assert_eq!(report["written"].as_array().unwrap().len(), 0, "{import}");
    assert_eq!(report["untranslated"], 1, "{import}");
    assert_eq!(f.read("locales/ru/summit.ftl"), ru);
}

#[test]
fn a_mistyped_id_is_named_with_the_segment_it_was_meant_for() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    let met = f.id_of(SLUG, "met at");
    // One letter off, as a translator types it by hand.
    let mut typo = met.clone();
    let last = typo.pop().unwrap();
    typo.push(if last == 'a' { 'b' } else { 'a' });
    let ko = f.read("locales/ko/summit.ftl");
    f.write(
        "locales/ko/summit.ftl",
        format!("{ko}\n{typo} = 두 정상은 청와대에서 만났다.\n"),
    );
    let expected = format!(
        "locales/ko/summit.ftl:[..]: error[unknown-id] {typo}: unknown id {typo}: no segment of the article has it; did you mean {met} (missing)?\n[..]"
    );
    f.bitext(&["check", "--locale", "ko"])
        .assert()
        .code(1)
        .stdout_eq(expected);
    f.bitext(&["accept", "ko"])
        .assert()
        .success()
        .stderr_eq(format!(
            "warning: locales/ko/summit.ftl: unknown id {typo}; did you mean {met} (missing)?\n"
        ));
    // A rewrite does not call it obsolete: it never was in the source.
    f.bitext(&["set", "ko", SLUG, "title", "정상들, 협력 확대 합의"])
        .assert()
        .success();
    let ko = f.read("locales/ko/summit.ftl");
    assert!(
        ko.contains(&format!(
            "# bitext: unknown id, no segment has it; did you mean {met}?\n{typo} = "
        )),
        "{ko}"
    );
    assert!(!ko.contains("no longer in the source"), "{ko}");
}

#[test]
fn an_article_edited_since_the_last_sync_is_said_and_set_refuses() {
    let f = translated();
    let trade = f.id_of(SLUG, "Trade reached");
    f.write(
        "articles/summit.md",
        ARTICLE.replace("$4.22 billion", "$4.25 billion"),
    );
    let warning = "warning: articles/summit.md was edited since the last sync: this shows the English of revision 1 (run `bitext sync summit`)\n";
    for args in [
        vec!["status"],
        vec!["todo", "ko", "--no-memory"],
        vec!["show", SLUG],
        vec!["diff", SLUG, "--from", "1", "--to", "1"],
    ] {
        let assert = f.bitext(&args).assert();
        let output = assert.get_output();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(warning.trim_end()), "{args:?}: {stderr}");
    }
    let before = f.tree();
    f.bitext(&["set", "ko", SLUG, &trade, "2019년 교역액은 42억5000만 달러에 달했다."])
        .assert()
        .code(2)
        .stderr_eq("error: articles/summit.md was edited since the last sync: run `bitext sync summit` first, so that the translation is signed off against the English there is now\n");
    assert_eq!(f.tree(), before);
}

#[test]
fn small_things_a_desk_trips_on() {
    let f = translated();
    // Leading and trailing white space both reported.
    let met = f.id_of(SLUG, "met at");
    f.bitext(&["set", "ko", SLUG, &met, " 두 정상은 청와대에서 만났다. "])
        .assert()
        .success();
    let check = f.bitext(&["check", "--locale", "ko", "--json"]).assert();
    let findings: serde_json::Value = serde_json::from_slice(&check.get_output().stdout).unwrap();
    let whitespace = findings["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["check"] == "whitespace")
        .unwrap();
    let message = whitespace["message"].as_str().unwrap();
    assert!(
        message.contains("leading") && message.contains("trailing"),
        "{message}"
    );
    // A typo in [check] is an error for every command.
    let config = f.read("bitext.toml");
    f.write(
        "bitext.toml",
        format!("{config}\n[check]\nquote = \"off\"\n"),
    );
    f.bitext(&["status"]).assert().code(2);
    f.write("bitext.toml", config);
    // A percentage is from 0 to 100.
    f.bitext(&["status", "--fail-under", "150"])
        .assert()
        .code(2)
        .stderr_eq("error: invalid value '150' for '--fail-under <PCT>': 150 is not a percentage from 0 to 100\n\nFor more information, try '--help'.\n");
    // A translation that starts with a dash needs no `--`.
    f.bitext(&["set", "ru", SLUG, "byline", "— Джейн Доу"])
        .assert()
        .success();
    f.bitext(&["set", "ru", SLUG, "byline", "-Джейн Доу"])
        .assert()
        .success();
    assert!(f
        .read("locales/ru/summit.ftl")
        .contains("byline = -Джейн Доу"));
}

#[test]
fn import_takes_region_codes_and_white_space_that_cat_tools_write() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.bitext(&[
        "export", "ru", "--all", "--format", "xliff12", "-o", "ru.xlf",
    ])
    .assert()
    .success();
    let trade = f.id_of(SLUG, "Trade reached");
    // What a CAT tool gives back: region codes, a doubled space, a translation marked done.
    let xlf = f
        .read("ru.xlf")
        .replace("target-language=\"ru\"", "target-language=\"ru-RU\"")
        .replace("source-language=\"en\"", "source-language=\"en-US\"")
        .replace("Trade reached $4.22", "Trade  reached $4.22");
    let xlf = fill_target(
        &xlf,
        &trade,
        "В 2019 году товарооборот достиг 4,22 млрд долларов.",
    );
    f.write("ru.xlf", xlf);
    f.bitext(&["import", "ru.xlf", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/desk/import-region.json"]);
    let ru = f.read("locales/ru/summit.ftl");
    assert!(ru.contains("# bitext: current, signed r1"), "{ru}");
}

/// The XLIFF 1.2 text with the target of unit `id` filled in and marked translated.
fn fill_target(xlf: &str, id: &str, text: &str) -> String {
    let start = xlf
        .find(&format!("{SLUG}:{id}\""))
        .or_else(|| xlf.find(&format!("{id}\"")))
        .expect("the unit");
    let rest = &xlf[start..];
    let source_end = start + rest.find("</source>").unwrap() + "</source>".len();
    let unit_end = start + rest.find("</trans-unit>").unwrap();
    format!(
        "{}\n<target state=\"translated\">{text}</target>\n{}",
        &xlf[..source_end],
        &xlf[unit_end..]
    )
}

#[test]
fn an_article_without_a_title_is_not_published() {
    let f = Fixture::init();
    f.write(
        "articles/summit.md",
        "President Moon Jae-in welcomed Kazakh President Kassym-Jomart Tokayev to Seoul.\n",
    );
    f.bitext(&["sync"]).assert().success();
    let assert = f.bitext(&["publish"]).assert().code(1);
    let output = assert.get_output();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(
        stdout.contains("articles/summit.md has no title: a page needs a headline"),
        "{stdout}"
    );
    assert!(!f.path("public/en/summit.html").exists());
}

#[test]
fn search_finds_a_name_in_the_english_and_the_translations() {
    let f = Fixture::sample();
    f.bitext(&["search", "Cheong Wa Dae", "--locale", "ru"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/desk/search-cheong-wa-dae.txt"]);
    // In a translation only: the Korean name.
    f.bitext(&["search", "청와대", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/desk/search-korean.json"]);
    f.bitext(&[
        "search",
        r"\$[0-9.]+ billion",
        "--regex",
        "--format",
        "markdown",
        "--locale",
        "kk",
    ])
    .assert()
    .success()
    .stdout_eq(snapbox::file!["snapshots/desk/search-regex.md"]);
    f.bitext(&["search", "(unclosed", "--regex"])
        .assert()
        .code(2);
    // An anchor holds at the start or end of a segment, not of a file.
    for pattern in ["^The agreement was", r"state visit\.$"] {
        let out = f.stdout(&["search", "--regex", pattern, "--json"]);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let ids: Vec<&str> = json["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["s-iwykrt"], "{pattern}: {out}");
    }
}

#[test]
fn the_memory_finds_a_word_or_a_name() {
    let f = Fixture::sample();
    f.bitext(&["tm", "kk", "Cheong Wa Dae", "--limit", "2"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/desk/tm-name.txt"]);
    // One word reads only the articles that have it, but finds what the whole memory has, and
    // when nothing matches, the count is of the whole memory.
    let one = f.stdout(&["tm", "kk", "Tokayev's", "--json", "--limit", "50"]);
    let json: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert!(!json["matches"].as_array().unwrap().is_empty(), "{one}");
    let none = f.stdout(&["tm", "kk", "Pyongyang"]);
    let sentence = f.stdout(&[
        "tm",
        "kk",
        "Pyongyang and Wonsan and Kaesong are far from here.",
    ]);
    assert!(none.starts_with("no match of 50% or more among "), "{none}");
    assert_eq!(none, sentence);
}

#[test]
fn fluent_mistakes_are_explained_and_a_broken_message_is_shown_as_broken() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    let trade = f.id_of(SLUG, "Trade reached");
    let met = f.id_of(SLUG, "met at");
    let ko = f.read("locales/ko/summit.ftl");
    // An unclosed brace, and a second line a translator forgot to indent.
    let ko = ko
        .replace(
            &format!("# bitext: missing {trade}\n"),
            &format!("# bitext: missing {trade}\n{trade} = 2019년 교역액은 {{ 42억2000만 달러에 달했다.\n"),
        )
        .replace(
            &format!("# bitext: missing {met}\n"),
            &format!("# bitext: missing {met}\n{met} = 두 정상은\n청와대에서 만났다.\n"),
        );
    f.write("locales/ko/summit.ftl", ko);
    f.bitext(&["check", "--locale", "ko"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::file!["snapshots/desk/check-syntax.txt"]);
    f.bitext(&["todo", "ko", "--no-memory"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/desk/todo-broken.txt"]);
}

#[test]
fn the_work_left_by_match_band_and_in_words() {
    let f = Fixture::sample();
    f.bitext(&["tm", "kk", "--analysis"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/desk/tm-analysis-kk.txt"]);
    let status: serde_json::Value = serde_json::from_str(&f.stdout(&["status", "--json"])).unwrap();
    let ko = &status["totals"]["ko"];
    assert_eq!(
        ko["words_todo"].as_u64().unwrap() + ko["words_current"].as_u64().unwrap(),
        ko["words"].as_u64().unwrap(),
        "{ko}"
    );
}

#[test]
fn a_sentence_the_memory_has_is_in_the_100_band() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.write(
        "articles/follow-up.md",
        "+++\ntitle = \"Talks go on\"\n+++\n\nThe two leaders met at Cheong Wa Dae. Ministers met on Wednesday.\n",
    );
    f.bitext(&["sync"]).assert().success();
    f.translate_all(SLUG);
    let analysis: serde_json::Value =
        serde_json::from_str(&f.stdout(&["tm", "ko", "--analysis", "--json"])).unwrap();
    let band = |name: &str| {
        analysis["bands"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["band"] == name)
            .unwrap()["segments"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(band("100%"), 1, "{analysis}");
    assert_eq!(band("new"), 2, "{analysis}");
    assert_eq!(analysis["segments"], 3);
}

#[test]
fn checks_run_on_what_set_and_import_save_and_strict_refuses_an_error() {
    let f = translated();
    let trade = f.id_of(SLUG, "Trade reached");
    // A translation that lost its figures is saved, and the finding is shown.
    f.bitext(&["set", "ko", SLUG, &trade, "양국 교역액이 크게 늘었다."])
        .assert()
        .success()
        .stdout_eq("ko summit [..]: saved, signed off\n")
        .stderr_eq(snapbox::file!["snapshots/desk/set-findings.stderr"]);
    assert!(f
        .read("locales/ko/summit.ftl")
        .contains("양국 교역액이 크게 늘었다."));
    // With --strict it is not saved, and nothing changes.
    let before = f.tree();
    f.bitext(&["set", "ko", SLUG, &trade, "교역액이 늘었다.", "--strict"])
        .assert()
        .code(1)
        .stdout_eq("")
        .stderr_eq(snapbox::file!["snapshots/desk/set-strict.stderr"]);
    assert_eq!(f.tree(), before);

    // An import of two translations, one of which lost a figure.
    f.bitext(&[
        "export", "ru", "--all", "--format", "xliff12", "-o", "ru.xlf",
    ])
    .assert()
    .success();
    let met = f.id_of(SLUG, "met at");
    let xlf = fill_target(
        &f.read("ru.xlf"),
        &trade,
        "Товарооборот в 2019 году заметно вырос.",
    );
    let xlf = fill_target(
        &xlf,
        &met,
        "Лидеры двух стран провели переговоры в резиденции «Чхонвадэ».",
    );
    f.write("ru.xlf", xlf);
    let before = f.tree();
    f.bitext(&["import", "ru.xlf", "--strict", "--dry-run"])
        .assert()
        .code(1);
    assert_eq!(f.tree(), before, "a dry run writes nothing");
    f.bitext(&["import", "ru.xlf", "--strict"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::file!["snapshots/desk/import-strict.txt"])
        .stderr_eq(snapbox::file!["snapshots/desk/import-strict.stderr"]);
    let ru = f.read("locales/ru/summit.ftl");
    assert!(ru.contains("провели переговоры в резиденции"), "{ru}");
    assert!(
        !ru.contains("заметно вырос"),
        "the refused one is not written: {ru}"
    );
    // Without --strict the finding is shown and the translation is written.
    f.bitext(&["import", "ru.xlf", "--json"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/desk/import-findings.json"]);
    assert!(f.read("locales/ru/summit.ftl").contains("заметно вырос"));
}

/// Every file and folder of the project as if it had been last modified an hour ago, as in a
/// project at rest (the cache records no file modified in the last two seconds).
fn age(dir: &std::path::Path, ago: std::time::Duration) {
    let when = std::time::SystemTime::now() - ago;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            age(&path, ago);
        }
        std::fs::File::open(&path)
            .unwrap()
            .set_modified(when)
            .unwrap();
    }
    std::fs::File::open(dir)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

/// The first character of `text` replaced by another one as long in UTF-8.
fn one_letter_changed(text: &str) -> String {
    let first = text.chars().next().unwrap();
    let other = ['X', 'Y', 'Ж', 'Щ', '한', '국']
        .into_iter()
        .find(|c| c.len_utf8() == first.len_utf8() && *c != first)
        .unwrap();
    format!("{other}{}", &text[first.len_utf8()..])
}

#[test]
fn a_lookup_of_a_word_gives_the_same_with_the_cache_and_sees_every_edit_by_hand() {
    let f = Fixture::sample();
    age(f.dir.path(), std::time::Duration::from_secs(3600));
    // Setting a file's modification time changes its inode's change time, which must be two
    // seconds old too.
    let settle = || std::thread::sleep(std::time::Duration::from_millis(2100));
    settle();
    let lookup = |word: &str, cache: bool| -> String {
        let out = f
            .bitext(&["tm", "kk", word, "--json", "--limit", "1000"])
            .env("BITEXT_CACHE", if cache { "on" } else { "off" })
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let words = [
        "Tokayev",
        "tokayev's",
        "Korea",
        "the",
        "Cheong",
        "billion",
        "Pyongyang",
        "2021",
    ];
    let same_for_every_word = || {
        for word in words {
            let without = lookup(word, false);
            // The first lookup makes the cache, the second reads it.
            assert_eq!(lookup(word, true), without, "{word}");
            assert_eq!(lookup(word, true), without, "{word}");
            let text = f.stdout(&["tm", "kk", word]);
            let off = f
                .bitext(&["tm", "kk", word])
                .env("BITEXT_CACHE", "off")
                .assert()
                .success();
            assert_eq!(text.as_bytes(), &off.get_output().stdout[..], "{word}");
        }
    };
    same_for_every_word();
    assert!(f.path(".bitext/cache/tm/kk").is_dir());
    assert!(f.read(".bitext/.gitignore").contains('*'));

    // A translation edited by hand in place, keeping the file's size: the same inode, and a
    // modification time that differs from the recorded one by a nanosecond.
    let found: serde_json::Value = serde_json::from_str(&lookup("Tokayev", true)).unwrap();
    let first = &found["matches"][0];
    let (slug, id) = (
        first["slug"].as_str().unwrap(),
        first["id"].as_str().unwrap(),
    );
    let rel = format!("locales/kk/{slug}.ftl");
    let path = f.path(&rel);
    let old = f.read(&rel);
    let line = old
        .lines()
        .find(|l| l.starts_with(&format!("{id} = ")))
        .unwrap();
    let value = &line[id.len() + 3..];
    let edited = one_letter_changed(value);
    let new = old.replacen(line, &format!("{id} = {edited}"), 1);
    assert_eq!(new.len(), old.len());
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        file.write_all(new.as_bytes()).unwrap();
        file.set_modified(modified + std::time::Duration::from_nanos(1))
            .unwrap();
    }
    let after = lookup("Tokayev", true);
    assert!(after.contains(&edited), "{after}");
    assert_eq!(after, lookup("Tokayev", false));
    let search = f.stdout(&["search", "Tokayev", "--locale", "kk"]);
    assert!(search.contains(&edited), "{search}");

    // The same file replaced by another of the same size and modification time: only the
    // inode tells.
    let again = new.replacen(&edited, &one_letter_changed(&edited), 1);
    assert_eq!(again.len(), new.len());
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let temp = f.path(&format!("{rel}.new"));
    std::fs::write(&temp, &again).unwrap();
    std::fs::File::open(&temp)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    std::fs::rename(&temp, &path).unwrap();
    let after = lookup("Tokayev", true);
    assert!(after.contains(&one_letter_changed(&edited)), "{after}");
    assert_eq!(after, lookup("Tokayev", false));

    // Rewritten in place with its modification time put back as it was (`cp -p`, `touch -d`):
    // the same size, inode and modification time; only the inode's change time tells.
    let current = one_letter_changed(&edited);
    let third = one_letter_changed(&current);
    let rewritten = again.replacen(&current, &third, 1);
    assert_eq!(rewritten.len(), again.len());
    settle();
    let before = lookup("Tokayev", true);
    assert!(before.contains(&current), "{before}");
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        file.write_all(rewritten.as_bytes()).unwrap();
        file.set_modified(modified).unwrap();
    }
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
    let after = lookup("Tokayev", true);
    assert!(after.contains(&third), "{after}");
    assert_eq!(after, lookup("Tokayev", false));

    // A history edited in place, keeping its size: the English of a segment changes.
    let history = format!("history/{slug}.jsonl");
    let text = f.read(&history);
    let renamed = text.replace("Tokayev", "Tokayew");
    assert_ne!(renamed, text);
    let modified = std::fs::metadata(f.path(&history))
        .unwrap()
        .modified()
        .unwrap();
    f.write(&history, &renamed);
    std::fs::File::open(f.path(&history))
        .unwrap()
        .set_modified(modified + std::time::Duration::from_nanos(1))
        .unwrap();
    same_for_every_word();
    assert!(!lookup("Tokayev", true).contains(&format!("\"slug\": \"{slug}\"")));

    // A cache file cut short, or made of garbage, is made again, and the answers stay.
    age(f.dir.path(), std::time::Duration::from_secs(3600));
    let shards: Vec<_> = std::fs::read_dir(f.path(".bitext/cache/tm/kk"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for (i, shard) in shards.iter().enumerate() {
        let bytes = std::fs::read(shard).unwrap();
        let broken = match i % 4 {
            0 => bytes[..bytes.len() / 2].to_vec(),
            1 => bytes.iter().map(|b| b ^ 0x55).collect(),
            // The head's size of the sketch, or of the table (a gigabyte), is wrong.
            2 if i % 8 == 2 => {
                let mut bytes = bytes;
                bytes[25] ^= 2;
                bytes
            }
            2 => {
                let mut bytes = bytes;
                bytes[19] ^= 0x20;
                bytes
            }
            _ => {
                let mut bytes = bytes;
                let last = bytes.len() - 1;
                bytes[last] ^= 1;
                bytes
            }
        };
        std::fs::write(shard, broken).unwrap();
    }
    std::fs::write(f.path(".bitext/cache/histories.bin"), b"not a listing").unwrap();
    same_for_every_word();

    // A target file that is not UTF-8 is an error exactly when it would be without the cache:
    // for a word its article's English has, and for no other.
    let broken = "locales/kk/2021/08/hong-beom-do-homecoming.ftl";
    let kept = std::fs::read(f.path(broken)).unwrap();
    let mut bytes = kept.clone();
    bytes.extend_from_slice(b"\xff\n");
    std::fs::write(f.path(broken), bytes).unwrap();
    for word in words
        .iter()
        .chain(&["celebrate", "work", "Hong", "homecoming"])
    {
        let run = |cache: &str| {
            let out = f
                .bitext(&["tm", "kk", word, "--json"])
                .env("BITEXT_CACHE", cache)
                .output()
                .unwrap();
            (out.status.code(), out.stdout, out.stderr)
        };
        let without = run("off");
        assert_eq!(run("on"), without, "{word}");
        assert_eq!(run("on"), without, "{word}");
    }
    std::fs::write(f.path(broken), kept).unwrap();
    // A project without its cache folder is the same project.
    std::fs::remove_dir_all(f.path(".bitext")).unwrap();
    same_for_every_word();
}

#[test]
fn a_mistyped_locale_slug_or_id_gets_a_did_you_mean() {
    let f = Fixture::sample();
    let before = f.tree();
    f.bitext(&["todo", "kz"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/desk/did-you-mean-locale.stderr"]);
    f.bitext(&["show", "tokayev-state-visit"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/desk/did-you-mean-slug.stderr"]);
    f.bitext(&[
        "set",
        "kk",
        "2021/08/tokayev-state-visit",
        "S-3DETB3",
        "Қазақстан",
    ])
    .env("BITEXT_USER", "arman-bekov")
    .assert()
    .code(2)
    .stderr_eq(snapbox::file!["snapshots/desk/did-you-mean-id.stderr"]);
    assert_eq!(f.tree(), before, "nothing is written");
}
