//! The article reader: front matter and Markdown, into blocks, runs and segments. It reads every
//! article or says where it is wrong, and loses no text of a block.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let Ok(article) = bitext::article::Article::parse(std::path::Path::new("a.md"), &text) else {
        return;
    };
    for lang in ["en", "ko"] {
        for segment in article.segments(lang) {
            assert!(!segment.text.trim().is_empty(), "an empty segment");
            assert_eq!(segment.text.trim(), segment.text, "an untrimmed segment");
        }
    }
    for run in bitext::article::runs(&article.body) {
        assert!(
            article.body.get(run.span.clone()).is_some(),
            "a run outside the body"
        );
    }
});
