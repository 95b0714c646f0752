//! The sentence segmenter: for any text and language, sentences in order, apart, trimmed, on
//! character boundaries, and covering every character that is not white space.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let lang = ["en", "ko", "kk", "ru"][usize::from(which % 4)];
    let ranges = bitext::segment::sentences(text, lang);
    let mut covered = 0;
    for range in &ranges {
        assert!(
            range.start >= covered,
            "sentences overlap or go back: {ranges:?}"
        );
        let sentence = text.get(range.clone()).expect("on character boundaries");
        assert!(
            !sentence.is_empty() && sentence.trim() == sentence,
            "{sentence:?}"
        );
        let between = &text[covered..range.start];
        assert!(
            between.trim().is_empty(),
            "text between sentences lost: {between:?}"
        );
        covered = range.end;
    }
    assert!(
        text[covered..].trim().is_empty(),
        "text after the last sentence lost"
    );
});
