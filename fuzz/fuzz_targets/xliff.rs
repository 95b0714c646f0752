//! The XLIFF importer (2.0 and 1.2): any file is read or refused with its place, and every
//! translation and translator's note it reads is one the store writes and reads back, which no
//! later command chokes on.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let Ok(incoming) = bitext::exchange::xliff::parse(std::path::Path::new("f.xlf"), &text) else {
        return;
    };
    for unit in &incoming.units {
        if let Some(pieces) = &unit.target {
            common::written_translation_reads_back(pieces);
        }
        if let Some(comment) = &unit.comment {
            common::written_comment_reads_back(comment);
        }
    }
});
