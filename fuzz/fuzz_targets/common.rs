//! What every fuzz target checks of a translation it got out of a file: the store writes it and
//! reads it back exactly, and no parser that reads the written file afterwards crashes; and of a
//! translator's note: it is written as comment lines that come back as the note, and nothing
//! else.
#![allow(dead_code)]

use bitext::store::escape::{self, Piece};
use bitext::store::{ftl, target};

/// Input bytes as text, the way the store reads a file: UTF-8, every line ending LF.
pub fn text(data: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(data).ok()?;
    Some(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Writes `pieces` as the value of a message the way the store does, and reads the file back as
/// every command would: the value must come back exactly, as one message without junk.
pub fn written_translation_reads_back(pieces: &[Piece]) {
    let file = format!("s-abc = {}\n", escape::encode_pieces(pieces));
    let parsed = ftl::parse(&file);
    let errors: Vec<_> = parsed.errors().collect();
    assert!(errors.is_empty(), "{file:?}: {errors:?}");
    let messages: Vec<_> = parsed.messages().collect();
    assert_eq!(messages.len(), 1, "{file:?}");
    let value = messages[0].value().expect("a value");
    assert_eq!(escape::display(value), escape::display(pieces), "{file:?}");
    whole_file_parsers_survive(&file);
}

/// Writes `comment` as a translator's note above a message the way the store does, and reads the
/// file back: the note must come back as it was (normalised), and the message alone, without any
/// mark the note could have forged.
pub fn written_comment_reads_back(comment: &str) {
    let mut file = String::new();
    for line in target::comment_lines(comment, "en") {
        file.push_str(&line);
        file.push('\n');
    }
    file.push_str("# en: Hello.\n# bitext: unreviewed\ns-abc = 안녕.\n");
    let parsed = target::TargetFile::parse(&file);
    let errors: Vec<_> = parsed.file.errors().collect();
    assert!(errors.is_empty(), "{file:?}: {errors:?}");
    let ids: Vec<_> = parsed.file.messages().map(|m| m.id).collect();
    assert_eq!(ids, ["s-abc"], "{file:?}");
    let t = parsed.translation("s-abc").expect("the translation");
    assert!(
        t.signoff.is_none() && t.verdict.is_none() && t.conflict.is_none(),
        "{file:?}"
    );
    let comments = parsed.comments("en");
    assert_eq!(
        comments.get("s-abc").map(String::as_str).unwrap_or(""),
        target::normalize_comment(comment),
        "{file:?}"
    );
    whole_file_parsers_survive(&file);
}

/// The parsers that read a whole file (fluent-syntax, fluent-bundle, as publish and the glossary
/// check do) get it as the store reads it, and do not crash on it.
pub fn whole_file_parsers_survive(text: &str) {
    let guarded = ftl::guarded(text);
    let _ = fluent_syntax::parser::parse(guarded.as_ref());
    let resource = match fluent_bundle::FluentResource::try_new(guarded.into_owned()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut bundle = fluent_bundle::FluentBundle::new(vec!["ko".parse().expect("a locale")]);
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    for id in ["s-abc", "a", "x", "key"] {
        if let Some(value) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let _ = bundle.format_pattern(value, None, &mut errors);
        }
    }
}
