//! The `.ftl` store's reader and writer: any file parses into entries (junk where it is not
//! Fluent), rendering them loses or moves no line, a second round changes nothing, every message
//! keeps its id and value, and no parser that reads the file afterwards crashes.
#![no_main]

#[path = "common.rs"]
mod common;

use bitext::store::{escape, ftl};
use libfuzzer_sys::fuzz_target;

/// The lines that carry something, in order, without trailing spaces (a no-break space, a tab
/// or a form feed is something).
fn content(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.trim_end_matches(' '))
        .filter(|l| !l.is_empty())
        .collect()
}

fn messages(file: &ftl::FtlFile) -> Vec<(String, Option<String>)> {
    file.messages()
        .map(|m| (m.id.to_string(), m.value().map(escape::display)))
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let file = ftl::parse(&text);
    for (offset, _) in file.errors() {
        assert!(offset <= text.len(), "junk outside the file");
    }
    let once = ftl::render(&file.entries);
    assert_eq!(content(&once), content(&text), "a line was lost or moved");
    let again = ftl::parse(&once);
    assert_eq!(ftl::render(&again.entries), once, "rendering is not stable");
    assert_eq!(messages(&again), messages(&file), "a message changed");
    let translations = bitext::store::target::translations(&file);
    for t in translations.values() {
        common::written_translation_reads_back(t.pieces);
    }
    common::whole_file_parsers_survive(&text);
});
