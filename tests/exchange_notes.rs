//! Translators' notes through the exchange files, with the real binary: the comment a translator
//! wrote above a message goes out in PO (`# …`), XLIFF 2.0 and XLIFF 1.2 (translator notes) and
//! comes back into the target file, without touching a translation, its sign-off or its state;
//! a note can never be more than a comment; and a file whose tool keeps no notes removes none.

mod common;

use std::path::Path;

use common::{Fixture, ARTICLE};

const SLUG: &str = "summit";

/// The note above the Korean title.
const TITLE_NOTE: &str = "제목의 '파트너십'은 데스크와 확인할 것.";
/// The two-line note above the Korean welcome sentence.
const WELCOME_NOTE: &str =
    "카심조마르트 토카예프: 외교부 표기를 따름.\n  (연합뉴스는 카심-조마르트)";
/// The note under the "missing" line of the untranslated space sentence.
const SPACE_NOTE: &str = "우주 협력 기사와 용어를 맞출 것.";

/// The summit article in ko and ru: title, byline and welcome sentence signed off; the trade
/// sentence written by hand in ko (unreviewed); the rest missing. The Korean target file has
/// three notes of the translator's: two above messages, one under a "missing" line.
fn project() -> Fixture {
    let f = Fixture::init();
    f.write(&format!("articles/{SLUG}.md"), ARTICLE);
    f.bitext(&["sync"]).assert().success();
    for locale in ["ko", "ru"] {
        f.translate(SLUG, locale, &["title", "By Jane Doe", "welcomed"]);
    }
    let trade = f.id_of(SLUG, "Trade reached");
    let welcome = f.id_of(SLUG, "welcomed");
    let space = f.id_of(SLUG, "space");
    let path = format!("locales/ko/{SLUG}.ftl");
    let ko = f
        .read(&path)
        .replace(
            "# en: Leaders agree",
            &format!("# {TITLE_NOTE}\n# en: Leaders agree"),
        )
        .replace(
            "# en: President Moon",
            "# 카심조마르트 토카예프: 외교부 표기를 따름.\n#   (연합뉴스는 카심-조마르트)\n# en: President Moon",
        )
        .replace(
            &format!("# bitext: missing {space}\n"),
            &format!("# bitext: missing {space}\n# {SPACE_NOTE}\n"),
        )
        .replace(
            &format!("# bitext: missing {trade}\n"),
            &format!(
                "# bitext: missing {trade}\n{trade} = 2019년 교역액은 42억2000만 달러에 달했다.\n"
            ),
        );
    f.write(&path, ko);
    // Written once by bitext, so that the file is as bitext writes it.
    f.bitext(&[
        "set",
        "ko",
        SLUG,
        &welcome,
        "문재인 대통령은 카심조마르트 토카예프 카자흐스탄 대통령을 서울에서 맞이했다.",
    ])
    .assert()
    .success();
    assert_eq!(notes(&f, "ko"), expected_notes(&f));
    f
}

/// The notes the project starts with, by segment id.
fn expected_notes(f: &Fixture) -> Vec<(String, String)> {
    let mut notes = vec![
        ("title".to_string(), TITLE_NOTE.to_string()),
        (f.id_of(SLUG, "welcomed"), WELCOME_NOTE.to_string()),
        (f.id_of(SLUG, "space"), SPACE_NOTE.to_string()),
    ];
    notes.sort();
    notes
}

/// The translator's notes of a locale's target file, by segment id, as bitext reads them.
fn notes(f: &Fixture, locale: &str) -> Vec<(String, String)> {
    let text = f.read(&format!("locales/{locale}/{SLUG}.ftl"));
    let file = bitext::store::target::TargetFile::parse(&text);
    let mut notes: Vec<(String, String)> = file
        .comments("en")
        .into_iter()
        .map(|(id, note)| (id.to_string(), note))
        .collect();
    notes.sort();
    notes
}

/// Each message of a target file with its value and its state line: what a note must never
/// change.
fn messages_and_states(f: &Fixture, locale: &str) -> Vec<(String, String, String)> {
    let text = f.read(&format!("locales/{locale}/{SLUG}.ftl"));
    let file = bitext::store::ftl::parse(&text);
    file.messages()
        .map(|m| {
            let state = m
                .comment
                .iter()
                .find(|l| l.starts_with("# bitext: "))
                .map(|l| common::without_fingerprint(l))
                .unwrap_or_default();
            let value = m
                .value()
                .map(bitext::store::escape::display)
                .unwrap_or_default();
            (m.id.to_string(), value, state)
        })
        .collect()
}

fn status(f: &Fixture, locale: &str) -> serde_json::Value {
    let out = f.stdout(&["status", SLUG, "--locale", locale, "--json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["articles"][0]["locales"][locale].clone()
}

fn export(f: &Fixture, locale: &str, format: &str, file: &str) -> String {
    f.bitext(&[
        "export",
        locale,
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

/// Every file of the project but `name` (the exchange file) and the target file of `locale`.
fn tree_but(
    f: &Fixture,
    name: &str,
    locale: &str,
) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut tree = f.tree();
    tree.remove(Path::new(name));
    tree.remove(Path::new(&format!("locales/{locale}/{SLUG}.ftl")));
    tree
}

#[test]
fn notes_go_out_as_translator_comments_and_translator_notes() {
    let f = project();
    for (format, snapshot) in [
        ("po", "summit-ko.po"),
        ("xliff", "summit-ko.xlf"),
        ("xliff12", "summit-ko-12.xlf"),
    ] {
        f.bitext(&["export", "ko", "--all", "--format", format, "-o", "-"])
            .assert()
            .success()
            .stdout_eq(snapbox::Data::read_from(
                Path::new(&format!("tests/snapshots/exchange-notes/{snapshot}")),
                None,
            ));
    }
    // Untouched, each file imports as no change at all.
    for (format, file) in [("po", "a.po"), ("xliff", "a.xlf"), ("xliff12", "a-12.xlf")] {
        export(&f, "ko", format, file);
        let before = f.tree();
        f.bitext(&["import", file]).assert().success();
        assert!(
            f.tree() == before,
            "an untouched {format} file changed the project"
        );
    }
}

/// Edits the note of the welcome sentence in an exported file, removes the title's, and adds one
/// to the byline, as a translator would in a CAT tool.
fn edit_notes(format: &str, text: &str, byline_note: &str) -> String {
    let edited = "카심조마르트 토카예프: 외교부 표기를 따름.\n최종 확인: 2021-08-18";
    match format {
        "po" => {
            let text = text
                .replace(
                    "# 카심조마르트 토카예프: 외교부 표기를 따름.\n#   (연합뉴스는 카심-조마르트)\n",
                    "# 카심조마르트 토카예프: 외교부 표기를 따름.\n# 최종 확인: 2021-08-18\n",
                )
                .replace(&format!("# {TITLE_NOTE}\n"), "");
            // Poedit writes the new comment above the entry's other comments.
            in_entry(&text, "msgctxt \"summit:byline\"", |e| {
                format!("# {byline_note}\n{e}")
            })
        }
        "xliff" => insert_at(
            &text.replace(WELCOME_NOTE, edited).replace(
                &format!("\n        <note category=\"translator\">{TITLE_NOTE}</note>"),
                "",
            ),
            "<unit id=\"byline\"",
            "<notes>",
            &format!("\n        <note category=\"translator\">{byline_note}</note>"),
        ),
        "xliff12" => insert_at(
            &text.replace(WELCOME_NOTE, edited).replace(
                &format!("\n        <note from=\"translator\">{TITLE_NOTE}</note>"),
                "",
            ),
            "<trans-unit id=\"byline\"",
            "</context-group>",
            &format!("\n        <note from=\"translator\">{byline_note}</note>"),
        ),
        other => panic!("{other}"),
    }
}

/// `text` with `insert` put right after the first `after` that follows `anchor`.
fn insert_at(text: &str, anchor: &str, after: &str, insert: &str) -> String {
    let Some(start) = text.find(anchor) else {
        return text.to_string();
    };
    let at = start + text[start..].find(after).expect("after") + after.len();
    format!("{}{insert}{}", &text[..at], &text[at..])
}

/// `po` with the entry whose msgctxt line is `context` changed by `edit`.
fn in_entry(po: &str, context: &str, edit: impl Fn(&str) -> String) -> String {
    po.split("\n\n")
        .map(|e| {
            if e.contains(context) {
                edit(e)
            } else {
                e.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn round_trip(format: &str) {
    let f = project();
    let file = format!("notes.{format}");
    let exported = export(&f, "ko", format, &file);
    let before = messages_and_states(&f, "ko");
    let counts = status(&f, "ko");
    let others = tree_but(&f, &file, "ko");
    let byline_note = "기자 이름 표기는 본사 기준.";
    let edited = edit_notes(format, &exported, byline_note);
    assert_ne!(edited, exported);
    f.write(&file, &edited);
    let name = match format {
        "po" => "PO",
        "xliff" => "XLIFF 2.0",
        _ => "XLIFF 1.2",
    };
    let welcome = f.id_of(SLUG, "welcomed");
    f.bitext(&["import", &file]).assert().success().stdout_eq(format!(
        "ko {SLUG} title: the translator's note removed, as in the file\n\
         ko {SLUG} byline: the translator's note written\n\
         ko {SLUG} {welcome}: the translator's note written\n\
         {name} wrote 0 translations: 0 signed off, 0 stale, 0 unsigned; 4 unchanged, 2 untranslated\n\
         {name} updated 3 notes: 2 written, 1 removed\n"
    ));
    let mut expected = vec![
        ("byline".to_string(), byline_note.to_string()),
        (
            welcome.clone(),
            "카심조마르트 토카예프: 외교부 표기를 따름.\n최종 확인: 2021-08-18".to_string(),
        ),
        (f.id_of(SLUG, "space"), SPACE_NOTE.to_string()),
    ];
    expected.sort();
    assert_eq!(notes(&f, "ko"), expected, "{format}");
    // The translations, their sign-offs and states, the journal: all as they were.
    assert_eq!(messages_and_states(&f, "ko"), before, "{format}");
    assert_eq!(status(&f, "ko"), counts, "{format}");
    assert!(
        tree_but(&f, &file, "ko") == others,
        "{format}: a note changed another file"
    );
    // Exported again, the file carries the notes out as they came in; importing it twice
    // changes nothing the second time.
    let again = export(&f, "ko", format, "again.out");
    assert!(again.contains(byline_note), "{again}");
    assert!(!again.contains(TITLE_NOTE), "{again}");
    let before = f.tree();
    f.bitext(&["import", &file]).assert().success();
    assert!(
        f.tree() == before,
        "{format}: importing twice changed the project"
    );
}

#[test]
fn po_notes_round_trip() {
    round_trip("po");
}

#[test]
fn xliff2_notes_round_trip() {
    round_trip("xliff");
}

#[test]
fn xliff12_notes_round_trip() {
    round_trip("xliff12");
}

#[test]
fn a_note_written_in_poedit_is_kept_and_goes_out_again() {
    let f = project();
    let exported = export(&f, "ru", "po", "ru.po");
    let welcome = f.id_of(SLUG, "welcomed");
    let met = f.id_of(SLUG, "met at");
    // Poedit writes a translator's comment as `# ` lines right above the entry's other
    // comments: one on a translated entry, one on an untranslated one.
    let note = "Имя — как пишет МИД: Касым-Жомарт, через дефис.";
    let todo = "Уточнить у редакции, как в «Коммерсанте» называют резиденцию.";
    let edited = in_entry(&exported, &format!("msgctxt \"{SLUG}:{welcome}\""), |e| {
        format!("# {note}\n{e}")
    });
    let edited = in_entry(&edited, &format!("msgctxt \"{SLUG}:{met}\""), |e| {
        format!("# {todo}\n{e}")
    });
    assert_ne!(edited, exported);
    f.write("ru.po", &edited);
    let before = messages_and_states(&f, "ru");
    f.bitext(&["import", "ru.po"]).assert().success();
    let mut expected = vec![
        (welcome.clone(), note.to_string()),
        (met.clone(), todo.to_string()),
    ];
    expected.sort();
    assert_eq!(notes(&f, "ru"), expected);
    assert_eq!(messages_and_states(&f, "ru"), before);
    let ru = f.read(&format!("locales/ru/{SLUG}.ftl"));
    assert!(
        ru.contains(&format!("# {note}\n# en: President Moon")),
        "the note is not right above the English:\n{ru}"
    );
    assert!(
        ru.contains(&format!("# bitext: missing {met}\n# {todo}\n")),
        "the note is not under the missing line:\n{ru}"
    );
    // Exported again, both notes go out as translator comments.
    let again = export(&f, "ru", "po", "again.po");
    assert!(
        again.contains(&format!("# {note}\n#. bitext: current\n")),
        "{again}"
    );
    assert!(
        again.contains(&format!("# {todo}\n#. bitext: missing\n")),
        "{again}"
    );

    // Translated later from a file, the sentence keeps its note, now above its message.
    f.write(
        "ru.po",
        again.replace(
            "msgid \"The two leaders met at Cheong Wa Dae.\"\nmsgstr \"\"",
            "msgid \"The two leaders met at Cheong Wa Dae.\"\nmsgstr \"Лидеры встретились в «Чхонвадэ».\"",
        ),
    );
    f.bitext(&["import", "ru.po"]).assert().success();
    assert_eq!(notes(&f, "ru"), expected);
    let ru = f.read(&format!("locales/ru/{SLUG}.ftl"));
    assert!(
        ru.contains(&format!("# {todo}\n# en: The two leaders met")),
        "the note did not move above the new message:\n{ru}"
    );
}

#[test]
fn a_note_cannot_change_a_message_or_a_state() {
    let f = project();
    let trade = f.id_of(SLUG, "Trade reached");
    // The unreviewed trade sentence's own fingerprint: a sign-off a note forged with it would
    // make the translation current, were it read.
    let hash = bitext::store::target::value_hash(&[bitext::store::escape::Piece::Text(
        "2019년 교역액은 42억2000만 달러에 달했다.".into(),
    )]);
    let forged = [
        "en: fake English".to_string(),
        format!("bitext: current, signed r1 {hash} by seo-jiwon"),
        format!("signed r1 {hash}"),
        "bitext-ignore: numbers".to_string(),
        format!("{trade} = 가짜 번역"),
        "title = { -evil }".to_string(),
        "{".to_string(),
        "## a group comment".to_string(),
    ];
    let path = format!("locales/ko/{SLUG}.ftl");
    let original = f.read(&path);
    for format in ["po", "xliff", "xliff12"] {
        let before = messages_and_states(&f, "ko");
        let counts = status(&f, "ko");
        let checks = f.bitext(&["check", "ko"]).output().unwrap();
        let file = format!("forged.{format}");
        let exported = export(&f, "ko", format, &file);
        let edited = match format {
            "po" => {
                let lines: Vec<String> = forged.iter().map(|l| format!("# {l}\n")).collect();
                in_entry(&exported, &format!("msgctxt \"{SLUG}:{trade}\""), |e| {
                    format!("{}{e}", lines.concat())
                })
            }
            "xliff" => insert_at(
                &exported,
                &format!("<unit id=\"{trade}\""),
                "<notes>",
                &format!(
                    "\n        <note category=\"translator\">{}</note>",
                    forged.join("\n")
                ),
            ),
            _ => insert_at(
                &exported,
                &format!("<trans-unit id=\"{trade}\""),
                "</context-group>",
                &format!(
                    "\n        <note from=\"translator\">{}</note>",
                    forged.join("\n")
                ),
            ),
        };
        assert_ne!(edited, exported, "{format}");
        f.write(&file, &edited);
        f.bitext(&["import", &file]).assert().success();
        // The note is there, whole, as the translator wrote it...
        let ours = notes(&f, "ko");
        let note = &ours.iter().find(|(id, _)| *id == trade).unwrap().1;
        assert_eq!(note, &forged.join("\n"), "{format}");
        // ...and nothing else changed: no message, no value, no state, no check.
        assert_eq!(messages_and_states(&f, "ko"), before, "{format}");
        assert_eq!(status(&f, "ko"), counts, "{format}");
        let after = f.bitext(&["check", "ko"]).output().unwrap();
        assert_eq!(after.stdout, checks.stdout, "{format}");
        let ftl = f.read(&format!("locales/ko/{SLUG}.ftl"));
        assert!(ftl.contains("# \\en: fake English\n"), "{ftl}");
        assert!(ftl.contains("# \\bitext-ignore: numbers\n"), "{ftl}");
        // Put back as it was, for the next format.
        f.write(&path, &original);
    }
}

#[test]
fn a_file_whose_tool_keeps_no_notes_removes_none() {
    let f = project();
    let expected = expected_notes(&f);
    // Another tool's PO (no record of bitext's export, no comments), as xliff2po writes one:
    // translations come back, notes stay.
    let welcome = f.id_of(SLUG, "welcomed");
    f.write(
        "ko.po",
        format!(
            "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n\
             #: {SLUG}:title\nmsgid \"Leaders agree to widen partnership\"\nmsgstr \"정상들, 협력 확대 합의\"\n\n\
             #: {SLUG}:{welcome}\nmsgid \"President Moon Jae-in welcomed Kazakh President Kassym-Jomart Tokayev to Seoul.\"\n\
             msgstr \"문재인 대통령이 카심조마르트 토카예프 카자흐스탄 대통령을 서울에서 맞았다.\"\n"
        ),
    );
    f.bitext(&["import", "ko.po"]).assert().success();
    assert_eq!(notes(&f, "ko"), expected);
    assert!(f
        .read(&format!("locales/ko/{SLUG}.ftl"))
        .contains("서울에서 맞았다."));

    // bitext's own export, through a tool that drops every comment but keeps the rest.
    for format in ["po", "xliff", "xliff12"] {
        let file = format!("stripped.{format}");
        let exported = export(&f, "ko", format, &file);
        // The translator comments of PO entries (not the header's), the translator notes of XLIFF.
        let header = |l: &str| l.starts_with("# ko translation") || l.starts_with("# msgctxt");
        let comment = |l: &str| {
            (l.starts_with("# ") && !header(l))
                || l.contains("<note category=\"translator\">")
                || l.contains("<note from=\"translator\">")
        };
        let stripped: String = exported
            .lines()
            .filter(|l| !comment(l))
            .map(|l| format!("{l}\n"))
            .collect();
        // A multi-line note leaves its continuation lines behind in XML: take them out too.
        let stripped = stripped.replace("  (연합뉴스는 카심-조마르트)</note>\n", "");
        assert_ne!(stripped, exported, "{format}");
        f.write(&file, &stripped);
        let before = f.tree_without_file(&file);
        f.bitext(&["import", &file]).assert().success();
        assert_eq!(notes(&f, "ko"), expected, "{format}");
        assert!(
            f.tree_without_file(&file) == before,
            "{format} changed the project"
        );
    }
}

#[test]
fn a_note_changed_on_both_sides_keeps_the_projects() {
    let f = project();
    let exported = export(&f, "ko", "po", "old.po");
    // After the export, the title's note is edited in the project...
    let path = format!("locales/ko/{SLUG}.ftl");
    f.write(
        &path,
        f.read(&path)
            .replace(TITLE_NOTE, "데스크 확인 완료: '파트너십' 유지."),
    );
    let newer = f.tree_without_file("old.po");
    // ...and differently in the file: not imported, reported, exit 1.
    f.write(
        "old.po",
        exported.replace(TITLE_NOTE, "'동반자 관계'로 바꿀 것."),
    );
    f.bitext(&["import", "old.po"]).assert().code(1).stdout_eq(format!(
        "ko {SLUG} title: the translator's note changed in the project since the export too: not imported, the project keeps its note (`--theirs` takes the file's)\n\
         PO wrote 0 translations: 0 signed off, 0 stale, 0 unsigned; 4 unchanged, 2 untranslated\n\
         1 note not imported: changed on both sides\n"
    ));
    assert!(f.tree_without_file("old.po") == newer);
    // The old file left as it was changes nothing either: the project's note is the newer.
    f.write("old.po", &exported);
    f.bitext(&["import", "old.po"]).assert().success();
    assert!(f.tree_without_file("old.po") == newer);
    // The person who compared both takes the file's.
    f.write(
        "old.po",
        exported.replace(TITLE_NOTE, "'동반자 관계'로 바꿀 것."),
    );
    let out = f.stdout(&["import", "old.po", "--theirs", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["notes"],
        serde_json::json!([{ "slug": SLUG, "id": "title", "change": "written" }]),
        "{out}"
    );
    assert_eq!(json["note_conflicts"], serde_json::json!([]), "{out}");
    assert!(
        notes(&f, "ko").contains(&("title".to_string(), "'동반자 관계'로 바꿀 것.".to_string()))
    );
}

trait TreeWithoutFile {
    fn tree_without_file(
        &self,
        name: &str,
    ) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>;
}

impl TreeWithoutFile for Fixture {
    /// The project's files but `name`.
    fn tree_without_file(
        &self,
        name: &str,
    ) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
        let mut tree = self.tree();
        tree.remove(Path::new(name));
        tree
    }
}
