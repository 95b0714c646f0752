//! Inline Markdown that a translation must keep: link destinations, code spans, and as much
//! emphasis as the English has.

use pulldown_cmark::{Event, Parser, Tag};

/// What a segment's inline Markdown is made of.
#[derive(Debug, Default, PartialEq)]
struct Structure {
    links: Vec<String>,
    code: Vec<String>,
    emphasis: usize,
    strong: usize,
}

fn structure(text: &str) -> Structure {
    let mut s = Structure::default();
    for event in Parser::new_ext(text, crate::text::markdown_options()) {
        match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => s.links.push(dest_url.to_string()),
            Event::Code(code) => s.code.push(code.to_string()),
            Event::Start(Tag::Emphasis) => s.emphasis += 1,
            Event::Start(Tag::Strong) => s.strong += 1,
            _ => {}
        }
    }
    s.links.sort();
    s.code.sort();
    s
}

/// How the translation's inline Markdown differs from the source's, one line per difference.
pub fn differences(source: &str, translation: &str) -> Vec<String> {
    // Most sentences have no markup at all: nothing to compare.
    let markup = |text: &str| text.contains(['[', '`', '*', '_', '<']);
    if !markup(source) && !markup(translation) {
        return Vec::new();
    }
    let (a, b) = (structure(source), structure(translation));
    let mut out = Vec::new();
    let count = |links: &[String], link: &String| links.iter().filter(|l| *l == link).count();
    let mut seen = Vec::new();
    for link in a.links.iter().chain(&b.links) {
        if seen.contains(&link) {
            continue;
        }
        seen.push(link);
        let (in_source, in_translation) = (count(&a.links, link), count(&b.links, link));
        if in_translation < in_source {
            out.push(format!("the link to {link} is missing"));
        } else if in_translation > in_source {
            out.push(format!("a link to {link} that the English does not have"));
        }
    }
    if a.code != b.code {
        out.push(format!(
            "code spans differ: the English has {}, the translation {}",
            list(&a.code),
            list(&b.code)
        ));
    }
    if a.emphasis != b.emphasis {
        out.push(format!(
            "{} emphasized spans in the English, {} in the translation",
            a.emphasis, b.emphasis
        ));
    }
    if a.strong != b.strong {
        out.push(format!(
            "{} bold spans in the English, {} in the translation",
            a.strong, b.strong
        ));
    }
    out
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The text of a segment with emphasis markers, link destinations, code spans and inline HTML
/// left out: what a reader reads, for checks on the prose.
pub fn prose(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['[', '`', '<', '*', '_']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for event in Parser::new_ext(text, crate::text::markdown_options()) {
        match event {
            Event::Text(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_or_changed_link_is_reported() {
        let en = "See the [statement](https://akorda.kz/en/a) today.";
        assert_eq!(
            differences(en, "Смотрите [заявление](https://akorda.kz/en/a)."),
            Vec::<String>::new()
        );
        assert_eq!(differences(en, "Смотрите заявление.").len(), 1);
        assert_eq!(
            differences(en, "Смотрите [заявление](https://akorda.kz/ru/a).").len(),
            2
        );
        let two = "See [A](http://x) and [B](http://x).";
        assert_eq!(
            differences(two, "См. [А](http://x)."),
            ["the link to http://x is missing"]
        );
    }

    #[test]
    fn code_spans_must_be_kept_as_they_are() {
        assert!(differences("Run `bitext sync`.", "`bitext sync`을 실행한다.").is_empty());
        assert_eq!(
            differences("Run `bitext sync`.", "`bitext 동기화`를 실행한다.").len(),
            1
        );
    }

    #[test]
    fn emphasis_counts_must_match() {
        assert!(differences("The *Fresh Wind* program.", "Программа *«Свежий ветер»*.").is_empty());
        assert_eq!(
            differences("The *Fresh Wind* program.", "Программа «Свежий ветер».").len(),
            1
        );
        assert_eq!(differences("**SEOUL** — Text.", "СЕУЛ — Текст.").len(), 1);
    }

    #[test]
    fn prose_leaves_out_destinations_and_code() {
        assert_eq!(
            prose("A [link](http://x.y/\"q\") and `co\"de`."),
            "A link and ."
        );
    }
}
