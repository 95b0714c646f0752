//! Properties that must always hold: any text survives the Fluent store and fluent-bundle
//! exactly, edits to some sentences never move the ids of the others, and word diffs lose no
//! text.

mod common;

use std::collections::HashMap;

use bitext::align::{align, Past};
use bitext::article::{Kind, Segment};
use bitext::project::Project;
use bitext::store::{ftl, target};
use fluent_bundle::{FluentBundle, FluentResource};
use proptest::prelude::*;

/// Text with Fluent's special characters, white space at the edges, line breaks, Hangul,
/// Kazakh letters and emoji.
fn nasty_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("*".to_string()),
        Just(".".to_string()),
        Just("\\".to_string()),
        Just("\"".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just("\u{a0}".to_string()),
        Just("-term".to_string()),
        Just("$var".to_string()),
        Just("한국어".to_string()),
        Just("Қазақстан әңгіме".to_string()),
        Just("😀".to_string()),
        Just("=".to_string()),
        Just("#".to_string()),
        "[a-zA-Z ]{1,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

fn project() -> (common::Fixture, Project, String) {
    let f = common::Fixture::init();
    f.write(
        "articles/a.md",
        "+++\ntitle = \"Title\"\n+++\n\nOne sentence.\n",
    );
    f.bitext(&["sync"]).assert().success();
    let project = Project::open(f.dir.path()).unwrap();
    let id = f.id_of("a", "One sentence.");
    (f, project, id)
}

fn format_with_bundle(source: &str, id: &str) -> String {
    let resource = FluentResource::try_new(source.to_string()).expect("no junk");
    let mut bundle = FluentBundle::new(vec!["ko".parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no duplicate ids");
    let message = bundle.get_message(id).expect("message");
    let mut errors = Vec::new();
    let value = bundle.format_pattern(message.value().expect("value"), None, &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    value.into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_translation_round_trips_through_the_store_and_fluent_bundle(text in nasty_text()) {
        thread_local! {
            static PROJECT: (common::Fixture, Project, String) = project();
        }
        // An empty translation is no translation: `set` refuses it (tests/desk.rs).
        prop_assume!(!text.trim().is_empty());
        PROJECT.with(|(_, project, id)| {
            bitext::translate::set(project, "ko", "a", id, &text).unwrap();
            let source = std::fs::read_to_string(project.locale_path("ko", "a")).unwrap();
            let file = ftl::parse(&source);
            prop_assert_eq!(file.errors().count(), 0, "junk in {}", source);
            let translations = target::translations(&file);
            prop_assert_eq!(&translations[id.as_str()].text(), &text);
            prop_assert_eq!(format_with_bundle(&source, id), text.clone());
            Ok(())
        })?;
    }

    #[test]
    fn edits_insertions_and_deletions_keep_the_ids_of_untouched_sentences(
        count in 3usize..25,
        ops in prop::collection::vec((0u8..4, any::<prop::sample::Index>()), 1..6),
    ) {
        let words = ["trade", "summit", "leaders", "Seoul", "Astana", "space", "energy", "partnership",
                     "investment", "record", "billion", "visit", "remains", "treaty", "program"];
        let sentence = |n: usize| format!("Sentence {n} about {} and {}.", words[n % 15], words[(n * 7 + 3) % 15]);
        let texts: Vec<String> = (0..count).map(sentence).collect();
        let segs = |texts: &[String]| -> Vec<Segment> {
            texts.iter().map(|t| Segment { kind: Kind::Paragraph, text: t.clone(), block: 0 }).collect()
        };
        let first = align("a", &[], &Past::default(), &segs(&texts));

        // Apply random operations; remember which original sentences stay untouched.
        let mut new: Vec<(Option<usize>, String)> = texts.iter().cloned().enumerate().map(|(i, t)| (Some(i), t)).collect();
        let mut fresh = 1000;
        for (op, at) in ops {
            let i = at.index(new.len().max(1));
            match op {
                0 if !new.is_empty() => { new[i].1 = format!("{} Edited.", new[i].1); new[i].0 = None; }
                1 => { new.insert(i.min(new.len()), (None, sentence(fresh))); fresh += 1; }
                2 if new.len() > 1 => { new.remove(i); }
                _ if new.len() > 1 => { let moved = new.remove(i); let j = (i * 3 + 1) % (new.len() + 1); new.insert(j, moved); }
                _ => {}
            }
        }
        let old: Vec<(&str, &str)> = first.ids.iter().map(String::as_str).zip(texts.iter().map(String::as_str)).collect();
        let new_texts: Vec<String> = new.iter().map(|(_, t)| t.clone()).collect();
        let past = Past { known: first.ids.iter().map(String::as_str).collect(), ..Past::default() };
        let second = align("a", &old, &past, &segs(&new_texts));
        let mut seen = HashMap::new();
        for ((origin, _), id) in new.iter().zip(&second.ids) {
            if let Some(i) = origin {
                prop_assert_eq!(id, &first.ids[*i], "untouched sentence {} changed id", i);
            }
            prop_assert!(seen.insert(id.clone(), ()).is_none(), "id {} given twice", id);
        }
    }
}

proptest! {
    /// A word diff rebuilds both texts, and a text diffed with itself has no changes.
    #[test]
    fn word_diffs_rebuild_both_texts(old in nasty_text(), new in nasty_text()) {
        let ops = bitext::diff::words(&old, &new);
        prop_assert_eq!(bitext::diff::old_text(&ops), old.clone());
        prop_assert_eq!(bitext::diff::new_text(&ops), new);
        let same = bitext::diff::words(&old, &old);
        prop_assert!(bitext::diff::is_unchanged(&same));
    }
}

/// Fragments of the formats a user feeds bitext, to build hostile inputs from.
fn format_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("<?xml version=\"1.0\"?>".to_string()),
        Just("<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"ko\">".to_string()),
        Just("<xliff version=\"1.2\">".to_string()),
        Just("<file id=\"f\" original=\"a\">".to_string()),
        Just("<unit id=\"s-abc\"><segment><source>".to_string()),
        Just("</source><target>".to_string()),
        Just("<ph id=\"1\" dataRef=\"d1\"/>".to_string()),
        Just("<trans-unit id=\"s-abc\">".to_string()),
        Just("<!DOCTYPE x [<!ENTITY e \"&e;&e;\">]>".to_string()),
        Just("&amp;&e;&#0;".to_string()),
        Just("msgctxt \"a:s-abc\"\n".to_string()),
        Just("msgid \"\"\nmsgstr \"\"\n".to_string()),
        Just("\"Language: ko\\n\"\n".to_string()),
        Just("#, fuzzy\n#| msgid \"x\"\n".to_string()),
        Just("+++\ntitle = \"T\"\n+++\n".to_string()),
        Just("key = { -term }\n".to_string()),
        Just("-term = [".to_string()),
        Just("\u{feff}".to_string()),
        Just("\r\n".to_string()),
        nasty_text(),
    ];
    prop::collection::vec(pieces, 0..16).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The parsers of files a person or a tool writes never panic: they read the file or say
    /// what is wrong with it.
    #[test]
    fn parsers_never_panic_on_hostile_input(text in format_text()) {
        let path = std::path::Path::new("input");
        let _ = bitext::exchange::parse(path, &text);
        let _ = bitext::article::Article::parse(path, &text).map(|a| a.segments("en"));
        let _ = bitext::store::ftl::parse(&text).errors().count();
        let _ = bitext::history::History::parse(path, &text);
        let _ = bitext::store::journal::Journal::parse(path, &text);
        let _ = bitext::segment::sentences(&text, "ko");
    }
}
