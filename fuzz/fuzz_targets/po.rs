//! The PO importer: any file is read or refused with its place, in time linear in its size, and
//! every translation and translator's note it reads is one the store writes and reads back,
//! which no later command chokes on.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    if let Ok(incoming) = bitext::exchange::po::parse(std::path::Path::new("ko.po"), &text) {
        for unit in &incoming.units {
            if let Some(pieces) = &unit.target {
                common::written_translation_reads_back(pieces);
            }
            if let Some(comment) = &unit.comment {
                common::written_comment_reads_back(comment);
            }
        }
    }
    // The placeables of any text read as a msgstr: safe to write, whatever it holds.
    let pieces = bitext::exchange::normalize(bitext::exchange::po::split_codes(&text));
    common::written_translation_reads_back(&pieces);
});
