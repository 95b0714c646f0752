//! Placeholder sentence rules, replaced by the real segmenter.
use std::ops::Range;
pub fn sentences(text: &str, lang: &str) -> Vec<Range<usize>> {
    sentences_protected(text, lang, &[])
}
pub fn sentences_protected(
    text: &str,
    _lang: &str,
    protected: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        if (b[i] == b'.' || b[i] == b'!' || b[i] == b'?')
            && b.get(i + 1) == Some(&b' ')
            && !protected.iter().any(|r| r.contains(&i))
        {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                let off = text[start..].find(s).unwrap() + start;
                out.push(off..off + s.len());
            }
            start = i + 1;
        }
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        let off = text[start..].find(s).unwrap() + start;
        out.push(off..off + s.len());
    }
    out
}
pub fn split<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    sentences(text, lang)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}
