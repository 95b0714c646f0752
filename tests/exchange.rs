//! Exchange with CAT tools through the real binary: export, edit the file as a translator would,
//! import; hostile and broken files; the translation memory and pretranslate.

mod common;

use std::path::Path;

use common::{Fixture, ARTICLE};

const SLUG: &str = "2021/08/summit";

/// A second article, so that ids of one article can be tried in the other.
const OTHER: &str = r#"+++
title = "Kazakh delegation visits Busan"
date = 2021-08-18
+++

The delegation toured the port of Busan on Wednesday. Officials discussed shipping routes.
"#;

/// The summit article in ko: the title (with a Fluent term), the trade sentence and the
/// meeting sentence translated and signed off; then the trade figure changes, so that its
/// translation is stale; byline and the other sentences missing.
fn summit() -> Fixture {
    let f = Fixture::init();
    f.write(&format!("articles/{SLUG}.md"), ARTICLE);
    f.write("articles/2021/08/busan.md", OTHER);
    f.bitext(&["sync"]).assert().success();
    let set = |id: &str, text: &str| {
        f.bitext(&["set", "ko", SLUG, id, text]).assert().success();
    };
    set("title", "TITLE");
    set(
        &f.id_of(SLUG, "Trade reached"),
        "2019년 교역액은 42억2000만 달러에 달했다.",
    );
    set(
        &f.id_of(SLUG, "The two leaders met"),
        "두 정상은 청와대에서 만났다.",
    );
    // A translation with a Fluent term in it, written by hand and accepted.
    let path = format!("locales/ko/{SLUG}.ftl");
    let text = f
        .read(&path)
        .replace("title = TITLE", "title = { -leaders } 파트너십 확대에 합의");
    f.write(&path, text);
    f.write("locales/ko/glossary.ftl", "-leaders = 정상들\n");
    f.bitext(&["accept", "ko"]).assert().success();
    f.write(
        &format!("articles/{SLUG}.md"),
        ARTICLE.replace("4.22", "4.25"),
    );
    f.bitext(&["sync"]).assert().success();
    f
}

fn status_ko(f: &Fixture) -> serde_json::Value {
    let out = f.stdout(&["status", SLUG, "--locale", "ko", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["articles"][0]["locales"]["ko"].clone()
}

fn counts(f: &Fixture) -> (u64, u64, u64, u64) {
    let c = status_ko(f);
    let n = |k: &str| c[k].as_u64().unwrap();
    (n("current"), n("stale"), n("unreviewed"), n("missing"))
}

/// The ko translations of the summit as the store reads them: id → text.
fn translations(f: &Fixture) -> Vec<(String, String)> {
    f.messages(&format!("locales/ko/{SLUG}.ftl"))
}

fn export(f: &Fixture, format: &str, file: &str) -> String {
    f.bitext(&[
        "export",
        "ko",
        SLUG,
        "--format",
        format,
        "-o",
        file,
        "--no-memory",
        "--all",
    ])
    .assert()
    .success();
    f.read(file)
}

fn parsed(f: &Fixture, file: &str) -> bitext::exchange::Incoming {
    let mut incoming =
        bitext::exchange::parse(Path::new(file), &f.read(file)).expect("the file parses");
    // Offsets differ when texts differ; the content is what must match.
    for u in &mut incoming.units {
        u.offset = 0;
        u.slug.1 = 0;
        u.exported = None;
    }
    incoming.target_locale.1 = 0;
    incoming.source_locale = incoming.source_locale.map(|(l, _)| (l, 0));
    incoming
}

/// An exported file without the record of the translations it went out with.
fn without_exported(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("#. bitext-exported: ") {
            continue;
        }
        let mut line = line.to_string();
        if let Some(start) = line.find(" bitext:exported=\"") {
            let end = line[start + 19..]
                .find('"')
                .map_or(line.len(), |e| start + 20 + e);
            line.replace_range(start..end, "");
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Edits an exported file as a translator would in a CAT tool: a current translation reworded,
/// the missing byline filled and marked done, the stale trade sentence updated and marked done.
fn translate_file(format: &str, text: &str) -> String {
    let text = text.replace(
        "두 정상은 청와대에서 만났다.",
        "두 정상은 청와대에서 회담했다.",
    );
    let old_trade = "2019년 교역액은 42억2000만 달러에 달했다.";
    let new_trade = "2019년 교역액은 42억5000만 달러에 달했다.";
    match format {
        "po" => text
            .replace(
                "msgid \"By Jane Doe\"\nmsgstr \"\"",
                "msgid \"By Jane Doe\"\nmsgstr \"글 제인 도\"",
            )
            .replace(
                "#, fuzzy\n#| msgid \"Trade reached $4.22 billion in 2019.\"\n",
                "",
            )
            .replace(old_trade, new_trade),
        "xliff" => text
            .replace(
                "<segment state=\"initial\" subState=\"bitext:missing\">\n        <source>By Jane Doe</source>",
                "<segment state=\"translated\">\n        <source>By Jane Doe</source>\n        <target>글 제인 도</target>",
            )
            .replace(
                "<segment state=\"initial\" subState=\"bitext:stale-major\">",
                "<segment state=\"final\">",
            )
            .replace(old_trade, new_trade),
        "xliff12" => text
            .replace(
                "<source>By Jane Doe</source>",
                "<source>By Jane Doe</source>\n        <target state=\"translated\">글 제인 도</target>",
            )
            .replace(
                &format!("<target state=\"needs-review-translation\">{old_trade}"),
                &format!("<target state=\"translated\">{new_trade}"),
            ),
        other => panic!("{other}"),
    }
}

fn round_trip(format: &str) {
    let f = summit();
    assert_eq!(counts(&f), (2, 1, 0, 3));
    let file = format!("summit.{format}");
    let exported = export(&f, format, &file);
    // Importing the file untouched changes nothing.
    let before = f.tree();
    f.bitext(&["import", &file]).assert().success();
    assert_eq!(
        f.tree(),
        before,
        "an untouched {format} file changed the project"
    );

    // Only a current translation reworded: the project holds that change, and a new export is
    // the edited file, byte for byte.
    let reworded = exported.replace(
        "두 정상은 청와대에서 만났다.",
        "두 정상은 청와대에서 회담했다.",
    );
    assert_ne!(reworded, exported);
    f.write(&file, &reworded);
    f.bitext(&["import", &file])
        .assert()
        .success()
        .stdout_eq(format!(
            "ko {SLUG} {}: signed off\n{} wrote 1 translation: 1 signed off, 0 stale, 0 unsigned; 2 unchanged, 3 untranslated\n",
            f.id_of(SLUG, "The two leaders met"),
            match format {
                "po" => "PO",
                "xliff" => "XLIFF 2.0",
                _ => "XLIFF 1.2",
            }
        ));
    assert_eq!(counts(&f), (2, 1, 0, 3));
    // The same file but for what it records of the translations it went out with.
    assert_eq!(
        without_exported(&export(&f, format, "again.out")),
        without_exported(&reworded)
    );

    // The translator's full session: the byline filled, the stale sentence updated.
    let edited = translate_file(format, &reworded);
    f.write(&file, &edited);
    let before = translations(&f);
    f.bitext(&["import", &file]).assert().success();
    assert_eq!(counts(&f), (4, 0, 0, 2), "{format}");
    let after = translations(&f);
    let changed: Vec<_> = after.iter().filter(|t| !before.contains(t)).collect();
    let trade = f.id_of(SLUG, "Trade reached");
    assert_eq!(
        changed,
        [
            &("byline".to_string(), "글 제인 도".to_string()),
            &(
                trade,
                "2019년 교역액은 42억5000만 달러에 달했다.".to_string()
            ),
        ],
        "{format}"
    );
    // The term in the title came back as a Fluent term, not as text.
    assert!(f
        .read(&format!("locales/ko/{SLUG}.ftl"))
        .contains("title = { -leaders } 파트너십 확대에 합의\n"));
    // Exported again, the file says what the edited one said.
    export(&f, format, "again.out");
    assert_eq!(parsed(&f, "again.out"), parsed(&f, &file), "{format}");
    // Importing the same file twice: the second time changes nothing.
    let before = f.tree();
    f.bitext(&["import", &file]).assert().success();
    assert_eq!(f.tree(), before);
}

#[test]
fn po_round_trip() {
    round_trip("po");
}

#[test]
fn xliff2_round_trip() {
    round_trip("xliff");
}

#[test]
fn xliff12_round_trip() {
    round_trip("xliff12");
}

#[test]
fn exported_files_match_their_snapshots() {
    let f = summit();
    for (format, snapshot) in [
        ("po", "summit-ko.po"),
        ("xliff", "summit-ko.xlf"),
        ("xliff12", "summit-ko-12.xlf"),
    ] {
        f.bitext(&["export", "ko", "--all", "--format", format, "-o", "-"])
            .assert()
            .success()
            .stdout_eq(snapbox::Data::read_from(
                Path::new(&format!("tests/snapshots/exchange/{snapshot}")),
                None,
            ));
    }
}

#[test]
fn a_translation_made_for_older_english_is_imported_stale_and_reported() {
    let f = summit();
    let file = "summit.po";
    let exported = export(&f, "po", file);
    // The English changes after the export...
    f.write(
        &format!("articles/{SLUG}.md"),
        ARTICLE
            .replace("4.22", "4.25")
            .replace("met at Cheong Wa Dae", "met at the presidential office"),
    );
    f.bitext(&["sync"]).assert().success();
    let meeting = f.id_of(SLUG, "The two leaders met");
    // ...and the translator, working from the file, rewords the meeting sentence.
    f.write(
        file,
        exported.replace(
            "두 정상은 청와대에서 만났다.",
            "두 정상은 청와대에서 회담했다.",
        ),
    );
    f.bitext(&["import", file]).assert().success().stdout_eq(format!(
        "ko {SLUG} {meeting}: stale: the English changed since the export; signed off against r2, the English it was translated from\n\
         PO wrote 1 translation: 0 signed off, 1 stale, 0 unsigned; 2 unchanged, 3 untranslated\n"
    ));
    let ftl = f.read(&format!("locales/ko/{SLUG}.ftl"));
    assert!(
        ftl.contains(
            "# en@r2: The two leaders met at Cheong Wa Dae.\n# bitext: stale (major) since r2"
        ),
        "{ftl}"
    );
    assert!(ftl.contains("= 두 정상은 청와대에서 회담했다.\n"));
}

#[test]
fn an_edit_not_marked_done_is_written_unsigned() {
    let f = summit();
    let file = "summit.po";
    let exported = export(&f, "po", file);
    // The stale trade sentence updated but left fuzzy; the byline filled but marked fuzzy.
    let edited = exported
        .replace(
            "2019년 교역액은 42억2000만 달러에 달했다.",
            "2019년 교역액은 42억5000만 달러.",
        )
        .replace(
            "msgctxt \"2021/08/summit:byline\"",
            "#, fuzzy\nmsgctxt \"2021/08/summit:byline\"",
        )
        .replace(
            "msgid \"By Jane Doe\"\nmsgstr \"\"",
            "msgid \"By Jane Doe\"\nmsgstr \"글 제인 도\"",
        );
    f.write(file, edited);
    f.bitext(&["import", file]).assert().success();
    // Never current: the stale one stays stale, the new one is unreviewed.
    assert_eq!(counts(&f), (2, 1, 1, 2));
}

/// Runs `bitext import FILE` on a file with `text` and checks that it fails with exit 2, an
/// error that contains `expected`, and nothing in the project changed.
fn refused(f: &Fixture, name: &str, text: &str, expected: &str) {
    f.write(name, text);
    let before = f.tree();
    let output = f
        .bitext(&["import", name])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(expected), "{name}: {stderr}");
    let mut after = f.tree();
    after.remove(Path::new(name));
    let mut before = before;
    before.remove(Path::new(name));
    assert_eq!(after, before, "{name} changed the project");
}

#[test]
fn hostile_and_broken_files_are_refused_and_change_nothing() {
    let f = summit();
    let xliff = export(&f, "xliff", "good.xlf");
    let po = export(&f, "po", "good.po");
    let edited = translate_file("xliff", &xliff);
    let body = edited.split_once("?>").map(|(_, b)| b.to_string()).unwrap();

    refused(
        &f,
        "xxe.xlf",
        &format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY pw SYSTEM \"file:///etc/passwd\">]>{}",
            body.replace("글 제인 도", "&pw;")
        ),
        "xxe.xlf:2:1: a DOCTYPE is not allowed",
    );
    refused(
        &f,
        "lol.xlf",
        &format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>{}",
            body.replace("글 제인 도", "&lol3;")
        ),
        "lol.xlf:2:1: a DOCTYPE is not allowed",
    );
    // An entity that no DOCTYPE defines.
    refused(
        &f,
        "entity.xlf",
        &edited.replace("글 제인 도", "&lol3;"),
        "unknown entity &lol3;",
    );
    // Ids of the other article's segments, inside the summit's file.
    let busan = f.id_of("2021/08/busan", "The delegation toured");
    refused(
        &f,
        "other.xlf",
        &edited.replace("<unit id=\"byline\"", &format!("<unit id=\"{busan}\"")),
        &format!("2021/08/summit has no segment {busan}"),
    );
    // A path that leaves the project, in XLIFF and in PO.
    refused(
        &f,
        "path.xlf",
        &edited.replace("original=\"2021/08/summit\"", "original=\"../../etc/x\""),
        "bad article \"../../etc/x\"",
    );
    refused(
        &f,
        "path.po",
        &po.replace(
            "msgctxt \"2021/08/summit:byline\"",
            "msgctxt \"../../etc/x:byline\"",
        ),
        "bad article \"../../etc/x\"",
    );
    refused(
        &f,
        "absolute.xlf",
        &edited.replace("original=\"2021/08/summit\"", "original=\"/etc/passwd\""),
        "bad article \"/etc/passwd\"",
    );
    // A locale the project does not translate into, and a malformed file.
    refused(
        &f,
        "fr.xlf",
        &edited.replace("trgLang=\"ko\"", "trgLang=\"fr\""),
        "fr.xlf:2:1: unknown locale fr",
    );
    refused(
        &f,
        "broken.xlf",
        &edited.replace("</target>", "</targ>"),
        "not well-formed XML",
    );
    refused(
        &f,
        "broken.po",
        &po.replace("msgid \"By Jane Doe\"", "msgid \"By Jane Doe"),
        "the string has no closing quote",
    );
    refused(
        &f,
        "code.xlf",
        &edited.replace(
            "<data id=\"d1\">{ -leaders }</data>",
            "<data id=\"d1\">{ -leaders }\nevil = x</data>",
        ),
        "is not a Fluent placeable",
    );
    // One bad unit among good ones: nothing at all is written.
    refused(
        &f,
        "mixed.xlf",
        &edited.replace("<unit id=\"s-", "<unit id=\"x-"),
        "has no segment x-",
    );
}

#[test]
fn the_error_names_the_file_line_and_column() {
    let f = summit();
    let xliff = export(&f, "xliff", "good.xlf");
    f.write(
        "bad.xlf",
        xliff.replace("original=\"2021/08/summit\"", "original=\"../../etc/x\""),
    );
    f.bitext(&["import", "bad.xlf"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file!["snapshots/exchange/bad-original.stderr"]);
}

#[test]
fn a_huge_file_is_read_without_trouble_and_a_too_large_one_refused_unread() {
    let f = summit();
    let xliff = translate_file("xliff", &export(&f, "xliff", "good.xlf"));
    // 50 MB of comment in the middle of a good file: read, imported.
    let padding = format!("<!-- {} -->", "padding ".repeat(50 * 1024 * 1024 / 8));
    f.write(
        "huge.xlf",
        xliff.replacen("<file ", &format!("{padding}\n  <file "), 1),
    );
    f.bitext(&["import", "huge.xlf"]).assert().success();
    assert_eq!(counts(&f), (4, 0, 0, 2));
    std::fs::remove_file(f.path("huge.xlf")).unwrap();
    // Over the size limit: refused before it is read (a sparse file, so no disk is used).
    let big = std::fs::File::create(f.path("big.xlf")).unwrap();
    big.set_len(bitext::exchange::MAX_FILE_BYTES + 1).unwrap();
    drop(big);
    let before = f.tree_without("big.xlf");
    f.bitext(&["import", "big.xlf"]).assert().code(2).stderr_eq(
        "error: big.xlf: the file is 64 MiB, larger than the 64 MiB an exchange file may be\n",
    );
    assert_eq!(f.tree_without("big.xlf"), before);
}

trait TreeWithout {
    fn tree_without(&self, name: &str) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>;
}

impl TreeWithout for Fixture {
    /// The project's files, leaving out `name` (a sparse file too large to read).
    fn tree_without(&self, name: &str) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
        let big = self.path(name);
        let moved = self.dir.path().with_extension("moved");
        std::fs::rename(&big, &moved).unwrap();
        let tree = self.tree();
        std::fs::rename(&moved, &big).unwrap();
        tree
    }
}

#[test]
fn memory_finds_the_earlier_translation_of_a_sentence_edited_by_a_word_or_two() {
    let f = Fixture::sample();
    let out = f.stdout(&[
        "tm",
        "ru",
        "Tokayev, who arrived on Sunday at Moon's invitation, is the first foreign head of state to visit Seoul since the COVID-19 pandemic began.",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let best = &json["matches"][0];
    assert_eq!(best["id"], "s-natdq6", "{out}");
    assert!(best["score"].as_u64().unwrap() > 80, "{out}");
    assert_eq!(best["state"], "current");
    assert!(best["translation"]
        .as_str()
        .unwrap()
        .starts_with("Токаев, прибывший в понедельник"));
    let ops: Vec<(&str, &str)> = best["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["op"] != "equal")
        .map(|d| (d["op"].as_str().unwrap(), d["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        ops,
        [
            ("delete", "Sunday"),
            ("insert", "Monday"),
            ("delete", "head of state"),
            ("insert", "leader"),
        ]
    );
    // The text form, as a translator reads it.
    f.bitext(&[
        "tm",
        "ru",
        "Tokayev, who arrived on Sunday at Moon's invitation, is the first foreign head of state to visit Seoul since the COVID-19 pandemic began.",
        "--limit",
        "1",
    ])
    .assert()
    .success()
    .stdout_eq(snapbox::file!["snapshots/exchange/tm-sample.txt"]);
}

#[test]
fn a_stale_translation_is_remembered_with_the_english_it_was_made_for() {
    let f = Fixture::sample();
    let out = f.stdout(&[
        "tm",
        "ru",
        "The program will grow to include nuclear energy, ferroalloys and gas plants.",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["matches"][0]["score"], 100, "{out}");
    assert_eq!(json["matches"][0]["state"], "stale");
    assert_eq!(json["matches"][0]["id"], "s-gvpskr");
}

#[test]
fn pretranslate_fills_missing_segments_from_exact_matches_unreviewed() {
    let f = summit();
    // A new article that repeats a translated sentence word for word.
    f.write(
        "articles/2021/08/again.md",
        "+++\ntitle = \"Again\"\n+++\n\nThe two leaders met at Cheong Wa Dae. Nothing else happened.\n",
    );
    f.bitext(&["sync"]).assert().success();
    let id = f.id_of("2021/08/again", "The two leaders met");
    f.bitext(&["pretranslate", "ko", "2021/08/again"])
        .assert()
        .success()
        .stdout_eq(format!(
            "ko 2021/08/again {id}: filled from {SLUG} {} (unreviewed)\n\
             1 segment filled from exact matches, unreviewed: check them, then `bitext accept ko`\n",
            f.id_of(SLUG, "The two leaders met")
        ));
    let out = f.stdout(&["status", "2021/08/again", "--locale", "ko", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ko = &json["articles"][0]["locales"]["ko"];
    assert_eq!(
        (ko["current"].as_u64(), ko["unreviewed"].as_u64()),
        (Some(0), Some(1))
    );
    // Running it again finds nothing more to fill.
    let before = f.tree();
    f.bitext(&["pretranslate", "ko"]).assert().success();
    assert_eq!(f.tree(), before);
}

#[test]
fn export_offers_memory_matches_for_missing_and_stale_segments() {
    let f = summit();
    // A missing sentence close to a translated one.
    f.write(
        "articles/2021/08/again.md",
        "+++\ntitle = \"Again\"\n+++\n\nThe two leaders met at Cheong Wa Dae on Tuesday.\n",
    );
    f.bitext(&["sync"]).assert().success();
    let po = f.stdout(&["export", "ko", "2021/08/again", "--format", "po", "-o", "-"]);
    assert!(
        po.contains(&format!(
            "#. tm 81%: {SLUG} {} (current)\n#.   en: The two leaders met at Cheong Wa Dae.\n#.   ko: 두 정상은 청와대에서 만났다.\n",
            f.id_of(SLUG, "The two leaders met")
        )),
        "{po}"
    );
    let xliff12 = f.stdout(&[
        "export",
        "ko",
        "2021/08/again",
        "--format",
        "xliff12",
        "-o",
        "-",
    ]);
    assert!(
        xliff12.contains("<alt-trans match-quality=\"81\""),
        "{xliff12}"
    );
    let xliff = f.stdout(&["export", "ko", "2021/08/again", "-o", "-"]);
    assert!(
        xliff.contains("<note category=\"bitext:tm\">81% "),
        "{xliff}"
    );
}

#[test]
fn a_translation_of_english_the_segment_never_had_is_kept_unsigned_and_reported() {
    let f = Fixture::init();
    f.write(&format!("articles/{SLUG}.md"), ARTICLE);
    f.bitext(&["sync"]).assert().success();
    let file = "summit.po";
    let meeting = f.id_of(SLUG, "The two leaders met");
    // A tool rewrote the English of one unit, and the translator translated that.
    let exported = export(&f, "po", file);
    f.write(
        file,
        exported.replace(
            "msgid \"The two leaders met at Cheong Wa Dae.\"\nmsgstr \"\"",
            "msgid \"The two leaders met at Cheong Wa Dae (the presidential office).\"\nmsgstr \"두 정상은 청와대(대통령 집무실)에서 만났다.\"",
        ),
    );
    f.bitext(&["import", file]).assert().success().stdout_eq(format!(
        "ko {SLUG} {meeting}: the file's English is not this segment's English in any revision: written unsigned (unreviewed), check it and run `bitext accept`\n\
         PO wrote 1 translation: 0 signed off, 0 stale, 1 unsigned; 0 unchanged, 5 untranslated\n"
    ));
    assert_eq!(counts(&f), (0, 0, 1, 5));
    assert!(translations(&f)
        .iter()
        .any(|(id, text)| *id == meeting && text == "두 정상은 청와대(대통령 집무실)에서 만났다."));
}

#[test]
fn literal_braces_survive_a_po_round_trip_untouched() {
    let f = summit();
    let meeting = f.id_of(SLUG, "The two leaders met");
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &meeting,
        "  {x} \"따옴표\" \\ 역슬래시, {$name} 그리고 { -brand } ",
    ])
    .assert()
    .success();
    let before = f.tree();
    export(&f, "po", "summit.po");
    let po = f.read("summit.po");
    assert!(
        po.contains(r#"msgstr "  {\"{\"}x{\"}\"} \"따옴표\" \\ 역슬래시, {\"{\"}$name{\"}\"} 그리고 {\"{\"} -brand {\"}\"} ""#),
        "{po}"
    );
    f.bitext(&["import", "summit.po"]).assert().success();
    let mut after = f.tree();
    after.remove(Path::new("summit.po"));
    assert!(before == after, "an untouched PO file changed the project");
}

#[test]
fn an_xliff12_target_without_a_state_is_not_signed_off() {
    let f = summit();
    let exported = export(&f, "xliff12", "summit.xlf");
    assert_eq!(counts(&f), (2, 1, 0, 3));
    // A tool that drops the state attribute passes the stale translation through untouched.
    f.write(
        "summit.xlf",
        exported.replace(" state=\"needs-review-translation\"", ""),
    );
    f.bitext(&["import", "summit.xlf"]).assert().success();
    assert_eq!(counts(&f), (2, 1, 0, 3));
}

#[test]
fn an_old_export_never_takes_back_newer_work() {
    let f = summit();
    let meeting = f.id_of(SLUG, "The two leaders met");
    let space = f.id_of(SLUG, "cooperate on space");
    let exported = export(&f, "xliff12", "old.xlf");
    // After the export, a colleague rewrites one translation and fills another.
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &meeting,
        "두 정상은 청와대에서 회담했다.",
    ])
    .assert()
    .success();
    f.bitext(&["set", "ko", SLUG, &space, "양국은 우주 협력에 합의했다."])
        .assert()
        .success();
    let newer = f.tree_without("old.xlf");
    // The old file, untouched, changes nothing.
    f.bitext(&["import", "old.xlf"]).assert().success();
    assert!(
        f.tree_without("old.xlf") == newer,
        "an untouched old export changed the project"
    );
    // The old file with the same two translations changed differently: not imported, reported.
    f.write(
        "old.xlf",
        exported
            .replace("두 정상은 청와대에서 만났다.", "두 정상이 청와대에서 만났다.")
            .replace(
                "<source>They agreed to cooperate on space.</source>",
                "<source>They agreed to cooperate on space.</source>\n        <target state=\"translated\">두 나라는 우주 분야에서 협력하기로 했다.</target>",
            ),
    );
    // Exit 1: something in the file was not imported.
    f.bitext(&["import", "old.xlf"]).assert().code(1).stdout_eq(format!(
        "ko {SLUG} {meeting}: the project's translation is newer, or changed since the export too: not imported, the project keeps its translation (`--theirs` takes the file's)\n\
         ko {SLUG} {space}: the project's translation is newer, or changed since the export too: not imported, the project keeps its translation (`--theirs` takes the file's)\n\
         XLIFF 1.2 wrote 0 translations: 0 signed off, 0 stale, 0 unsigned; 2 unchanged, 2 untranslated\n\
         2 translations not imported: changed on both sides\n"
    ));
    assert!(
        f.tree_without("old.xlf") == newer,
        "a conflicting import changed the project"
    );
    // A person who compared both takes the file's, knowingly.
    f.bitext(&["import", "old.xlf", "--theirs"])
        .assert()
        .success();
    let ko = f.read(&format!("locales/ko/{SLUG}.ftl"));
    assert!(ko.contains("두 정상이 청와대에서 만났다."), "{ko}");
    assert!(
        ko.contains("두 나라는 우주 분야에서 협력하기로 했다."),
        "{ko}"
    );
}

#[test]
fn an_export_merged_by_msgmerge_never_takes_back_newer_work() {
    if std::process::Command::new("msgmerge")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no msgmerge (gettext)");
        return;
    }
    let f = summit();
    let meeting = f.id_of(SLUG, "The two leaders met");
    export(&f, "po", "old.po");
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &meeting,
        "두 정상은 청와대에서 회담했다.",
    ])
    .assert()
    .success();
    export(&f, "po", "new.po");
    let merged = std::process::Command::new("msgmerge")
        .args(["-q", "old.po", "new.po", "-o", "merged.po"])
        .current_dir(f.path(""))
        .status()
        .unwrap();
    assert!(merged.success());
    let newer = f.tree_without("merged.po");
    f.bitext(&["import", "merged.po"]).assert().code(1);
    assert!(
        f.tree_without("merged.po") == newer,
        "msgmerge's file took back newer work"
    );
    assert!(f
        .read(&format!("locales/ko/{SLUG}.ftl"))
        .contains("회담했다"));
}

#[test]
fn an_older_sign_off_never_replaces_a_newer_one_for_the_same_text() {
    let f = summit();
    let meeting = f.id_of(SLUG, "The two leaders met");
    export(&f, "po", "r2.po");
    // The English changes, and the same Korean is signed off again for the new English.
    f.write(
        &format!("articles/{SLUG}.md"),
        ARTICLE
            .replace("4.22", "4.25")
            .replace("met at Cheong Wa Dae.", "met at Cheong Wa Dae on Tuesday."),
    );
    f.bitext(&["sync"]).assert().success();
    f.bitext(&["accept", "ko", SLUG, "--id", &meeting, "--all"])
        .assert()
        .success();
    let signed = f.tree();
    f.bitext(&["import", "r2.po"]).assert().success();
    assert!(f.tree() == signed, "an old file took back a newer sign-off");
}

#[test]
fn export_takes_only_the_states_and_ids_asked_for() {
    let f = summit();
    f.bitext(&[
        "export",
        "ko",
        SLUG,
        "--state",
        "stale,missing",
        "--format",
        "po",
        "--no-memory",
        "-o",
        "-",
    ])
    .assert()
    .success()
    .stdout_eq(snapbox::file![
        "snapshots/exchange/summit-ko-stale-missing.po"
    ]);
    let met = f.id_of(SLUG, "The two leaders met");
    f.bitext(&["export", "ko", SLUG, "--id", &met, "-o", "one.xlf"])
        .assert()
        .success()
        .stdout_eq(
            "one.xlf: XLIFF 2.0 ko, 1 segment of 1 article (5 more as context): current 1, stale 0, unreviewed 0, missing 0\n",
        );
    let before = f.tree();
    f.bitext(&["export", "ko", SLUG, "--id", "s-nope", "-o", "none.xlf"])
        .assert()
        .code(2)
        .stderr_eq(format!("error: no segment s-nope in {SLUG}\n"));
    assert!(f.tree() == before, "a refused export wrote a file");
}

/// By default an export carries what needs work; the segments that are done go along as context
/// beside it: locked in XLIFF (`translate="no"`), quoted in their neighbours' comments in PO. An
/// article with nothing to do stays out, and `--all` makes every segment editable.
#[test]
fn export_sends_what_needs_work_with_the_rest_as_context() {
    let f = summit();
    let busan = "2021/08/busan";
    for (needle, ko) in [
        ("Kazakh delegation", "카자흐스탄 대표단, 부산 방문"),
        ("toured the port", "대표단은 수요일 부산항을 둘러봤다."),
        ("shipping routes", "양측 관계자들은 항로 문제를 논의했다."),
    ] {
        let id = f.id_of(busan, needle);
        f.bitext(&["set", "ko", busan, &id, ko]).assert().success();
    }
    for (format, snapshot) in [
        ("po", "summit-ko-context.po"),
        ("xliff", "summit-ko-context.xlf"),
        ("xliff12", "summit-ko-context-12.xlf"),
    ] {
        f.bitext(&["export", "ko", "--format", format, "--no-memory", "-o", "-"])
            .assert()
            .success()
            .stdout_eq(snapbox::Data::read_from(
                Path::new(&format!("tests/snapshots/exchange/{snapshot}")),
                None,
            ));
    }
    f.bitext(&["export", "ko", "-o", "ko.xlf"])
        .assert()
        .success()
        .stdout_eq(
            "ko.xlf: XLIFF 2.0 ko, 4 segments of 1 article (2 more as context): current 0, stale 1, unreviewed 0, missing 3\n",
        );
    // Untouched, the file imports as no change at all.
    let before = f.tree();
    f.bitext(&["import", "ko.xlf"]).assert().success();
    assert!(
        f.tree() == before,
        "an untouched export changed the project"
    );
    // A tool that ignores the lock lets a translator reword a context segment: the words are
    // imported like any others, never dropped.
    let xliff = f.read("ko.xlf");
    assert!(xliff.contains("<unit id=\"title\" bitext:state=\"current\""));
    let reworded = xliff.replace("파트너십 확대에 합의", "동반자 관계 확대에 합의");
    assert_ne!(reworded, xliff);
    f.write("ko.xlf", reworded);
    f.bitext(&["import", "ko.xlf"]).assert().success();
    assert!(translations(&f)
        .iter()
        .any(|(id, text)| id == "title" && text.contains("동반자 관계 확대에 합의")));
    // `--all`: nothing locked, and the done article goes out too.
    let all = f.stdout(&["export", "ko", "--all", "-o", "-"]);
    assert!(!all.contains("translate=\"no\""), "{all}");
    assert!(all.contains(&format!("original=\"{busan}\"")), "{all}");
    // Nothing to do: said, and no file written.
    let before = f.tree();
    f.bitext(&["export", "ko", busan, "-o", "busan.xlf"])
        .assert()
        .success()
        .stdout_eq("")
        .stderr_eq("warning: ko: no segment of 1 article needs work; nothing written (--all exports every segment)\n");
    assert!(
        f.tree() == before,
        "an export with nothing to do wrote a file"
    );
    f.bitext(&["export", "ko", "--all", "--state", "missing", "-o", "x.xlf"])
        .assert()
        .code(2);
}
