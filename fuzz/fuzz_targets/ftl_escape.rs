//! The store's escaping: any translation, written into a `.ftl` file, reads back exactly, through
//! the store and through fluent-bundle.
#![no_main]

#[path = "common.rs"]
mod common;

use bitext::store::escape::{self, Piece};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    common::written_translation_reads_back(&[Piece::Text(text.to_string())]);
    let source = format!("key = {}\n", escape::encode(text));
    let resource = fluent_bundle::FluentResource::try_new(source.clone())
        .unwrap_or_else(|_| panic!("junk in {source:?}"));
    let mut bundle = fluent_bundle::FluentBundle::new(vec!["ko".parse().expect("a locale")]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("one message");
    let value = bundle
        .get_message("key")
        .and_then(|m| m.value())
        .expect("a value");
    let mut errors = Vec::new();
    let formatted = bundle.format_pattern(value, None, &mut errors);
    assert!(errors.is_empty(), "{source:?}: {errors:?}");
    assert_eq!(formatted, text, "{source:?}");
});
