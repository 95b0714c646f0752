//! The Markdown output: the source article's own Markdown, each run of text replaced by its
//! localized text, for a static site generator or a CMS to take over.
//!
//! Everything outside the translated runs (list markers, quote markers, code blocks, link
//! definitions) stays byte for byte. The result is made safe the same way the HTML is: raw HTML
//! is escaped into text, and links to unsafe destinations keep only their text.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{locale, safe, Page, Renderer, Shown};
use crate::article::{Kind, RunContent};

/// The `.md` renderer.
pub struct Markdown;

impl Renderer for Markdown {
    fn extension(&self) -> &'static str {
        "md"
    }

    fn render(&self, page: &Page) -> crate::error::Result<String> {
        let mut out = String::from("+++\n");
        out.push_str(&front_matter(page));
        out.push_str("+++\n");
        out.push_str(&make_safe(&body(page, |dest| page.image_src(dest))));
        Ok(out)
    }
}

/// The pulldown-cmark options of articles (the same as when segments are read).
pub(crate) fn options() -> Options {
    crate::text::markdown_options()
}

/// The localized segments of a block, joined as the language writes sentences.
pub(crate) fn joined(shown: &[Shown], locale: &str) -> String {
    let parts: Vec<&str> = shown.iter().map(|s| s.text.as_str()).collect();
    parts.join(locale::sentence_separator(locale))
}

fn front_matter(page: &Page) -> String {
    let mut out = String::new();
    let mut field = |key: &str, value: toml::Value| {
        out.push_str(&format!("{key} = {value}\n"));
    };
    let l = &page.localized;
    for (key, shown) in [
        ("title", &l.title),
        ("subtitle", &l.subtitle),
        ("byline", &l.byline),
    ] {
        if !shown.is_empty() {
            field(key, toml::Value::String(joined(shown, page.locale)));
        }
    }
    if let Some(date) = page.article.front.get("date") {
        field("date", date.clone());
    }
    field("lang", toml::Value::String(page.locale.to_string()));
    for (key, value) in &page.article.front {
        if !matches!(
            key.as_str(),
            "title" | "subtitle" | "byline" | "date" | "lang"
        ) {
            field(&toml_key(key), value.clone());
        }
    }
    out
}

/// A front matter key as TOML writes it: bare when it can be, quoted otherwise.
pub(crate) fn toml_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare {
        key.to_string()
    } else {
        toml::Value::String(key.to_string()).to_string()
    }
}

/// The body with every run's text replaced by its localized text, and each figure's image at
/// `image_src` of its destination.
pub(crate) fn body(page: &Page, image_src: impl Fn(&str) -> String) -> String {
    let source = page.article.body.as_str();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut blocks = page.localized.blocks.iter();
    for run in page.runs {
        match &run.content {
            RunContent::Text(None) => {}
            RunContent::Text(Some(block)) => {
                let shown = blocks.next().map(Vec::as_slice).unwrap_or_default();
                let mut text = joined(shown, page.locale);
                if block.kind == Kind::TableCell {
                    text = escape_pipes(&text);
                } else {
                    text = escape_block_starts(&text);
                }
                edits.push((run.span.clone(), text));
            }
            RunContent::Images(images) => {
                for image in images {
                    let caption = match image.caption {
                        Some(_) => joined(
                            blocks.next().map(Vec::as_slice).unwrap_or_default(),
                            page.locale,
                        ),
                        None => String::new(),
                    };
                    let credit = match image.credit {
                        Some(_) => joined(
                            blocks.next().map(Vec::as_slice).unwrap_or_default(),
                            page.locale,
                        ),
                        None => String::new(),
                    };
                    let mut text = format!("![{caption}]({}", destination(&image_src(&image.dest)));
                    if !credit.is_empty() {
                        text.push_str(&format!(
                            " \"{}\"",
                            credit.replace('\\', "\\\\").replace('"', "\\\"")
                        ));
                    }
                    text.push(')');
                    edits.push((image.span.clone(), text));
                }
            }
        }
    }
    splice(source, edits)
}

/// A link destination as Markdown source: in angle brackets when it has spaces or brackets.
fn destination(dest: &str) -> String {
    if dest.is_empty() || dest.contains(|c: char| c.is_whitespace() || "()<>".contains(c)) {
        format!(
            "<{}>",
            dest.replace('\\', "\\\\")
                .replace('<', "\\<")
                .replace('>', "\\>")
        )
    } else {
        dest.to_string()
    }
}

/// Text that goes where a block's text starts, with whatever would start another kind of block
/// at the start of a line escaped: a translation such as `2021. 8. 17. 정부는…` or `# 태그` stays
/// a sentence of its paragraph instead of becoming a list or a heading. The source's own text
/// never starts a block (it was read as the text of one), so it comes back unchanged.
///
/// ```
/// use bitext::publish::markdown::escape_block_starts;
/// assert_eq!(escape_block_starts("2021. 8. 17. 정부는"), "2021\\. 8. 17. 정부는");
/// assert_eq!(escape_block_starts("# 태그"), "\\# 태그");
/// assert_eq!(escape_block_starts("Plain *text*, 4.22 [a](b)"), "Plain *text*, 4.22 [a](b)");
/// ```
pub fn escape_block_starts(text: &str) -> String {
    text.split('\n')
        .map(escape_line_start)
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape_line_start(line: &str) -> String {
    // Indentation at the start of a block's text shows nothing, and four spaces make code.
    let line = line.trim_start_matches([' ', '\t']);
    let after = |n: usize| {
        line[n..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t')
    };
    let first = line.chars().next();
    let marker_run = !line.is_empty()
        && line.chars().all(|c| " -*_=".contains(c))
        && line.chars().filter(|c| !c.is_whitespace()).count() >= 2;
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    match first {
        Some('#' | '>') => format!("\\{line}"),
        Some('-' | '+' | '*') if after(1) || marker_run => format!("\\{line}"),
        Some('_' | '=') if marker_run => format!("\\{line}"),
        Some('`') if line.starts_with("```") => format!("\\{line}"),
        Some('~') if line.starts_with("~~~") => format!("\\{line}"),
        Some('[') if line.contains("]:") => format!("\\{line}"),
        Some('0'..='9')
            if (1..=9).contains(&digits)
                && line[digits..].starts_with(['.', ')'])
                && after(digits + 1) =>
        {
            format!("{}\\{}", &line[..digits], &line[digits..])
        }
        _ => line.to_string(),
    }
}

/// `|` that would end a table cell, escaped.
fn escape_pipes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut backslashes = 0;
    for c in text.chars() {
        if c == '|' && backslashes % 2 == 0 {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    out
}

/// `source` with each range replaced; the ranges are in order and do not overlap.
fn splice(source: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(source.len() + source.len() / 2);
    let mut at = 0;
    for (range, text) in edits {
        if range.start < at || range.end > source.len() {
            continue;
        }
        out.push_str(&source[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&source[at..]);
    out
}

/// Markdown that renders no raw HTML and no unsafe link: raw HTML is backslash-escaped into text,
/// a link or image with an unsafe destination is replaced by its text. Text without either comes
/// back unchanged.
///
/// ```
/// use bitext::publish::markdown::make_safe;
/// assert_eq!(make_safe("a <b>x</b> [y](javascript:alert(1)) z\n"), "a \\<b>x\\</b> y z\n");
/// assert_eq!(make_safe("a < b, {c} *d*\n"), "a < b, {c} *d*\n");
/// ```
pub fn make_safe(markdown: &str) -> String {
    let mut text = markdown.to_string();
    // Escaping can reveal more (a code span that hid a tag ends at an escaped one). Every round
    // escapes a `<` or unwraps a link, so rounds are bounded by their number.
    let rounds = markdown.matches(['<', '[']).count() + 1;
    for _ in 0..rounds {
        let edits = unsafe_parts(&text);
        if edits.is_empty() {
            return text;
        }
        text = splice(&text, edits);
    }
    if unsafe_parts(&text).is_empty() {
        return text;
    }
    // Never reached in practice; if it were, no `<` is left to open a tag.
    text.replace('<', "\\<")
}

fn unsafe_parts(text: &str) -> Vec<(Range<usize>, String)> {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(text, options())
        .into_offset_iter()
        .collect();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut covered = 0;
    for (i, (event, range)) in events.iter().enumerate() {
        if range.start < covered {
            continue;
        }
        match event {
            Event::InlineHtml(_) => {
                edits.push((range.start..range.start, "\\".to_string()));
                covered = range.start + 1;
            }
            Event::Html(_) => {
                let escaped = text[range.clone()]
                    .replace('\\', "\\\\")
                    .replace('<', "\\<");
                edits.push((range.clone(), escaped));
                covered = range.end;
            }
            Event::Start(Tag::Link { dest_url, .. }) if !safe::is_safe_link(dest_url) => {
                edits.push((range.clone(), inner_source(text, &events, i, TagEnd::Link)));
                covered = range.end;
            }
            Event::Start(Tag::Image { dest_url, .. }) if !safe::is_local_image(dest_url) => {
                edits.push((range.clone(), inner_source(text, &events, i, TagEnd::Image)));
                covered = range.end;
            }
            _ => {}
        }
    }
    edits
}

/// The source of the content of the element that starts at `events[start]`.
fn inner_source(text: &str, events: &[(Event, Range<usize>)], start: usize, end: TagEnd) -> String {
    let mut depth = 0usize;
    let mut first: Option<usize> = None;
    let mut last = None;
    for (event, range) in &events[start + 1..] {
        match event {
            Event::End(e) if *e == end && depth == 0 => break,
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        first.get_or_insert(range.start);
        last = Some(range.end);
    }
    match (first, last) {
        (Some(a), Some(b)) if a <= b => text.get(a..b).unwrap_or("").to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No raw HTML is left in what pulldown-cmark reads from `markdown`.
    fn renders_no_html(markdown: &str) -> bool {
        Parser::new_ext(markdown, options())
            .all(|e| !matches!(e, Event::Html(_) | Event::InlineHtml(_)))
    }

    #[test]
    fn translations_that_look_like_blocks_stay_paragraphs() {
        for text in [
            "2021. 8. 17. 정부가 발표했다.",
            "1) 첫째",
            "# 태그",
            "> 인용",
            "- 목록",
            "* 별",
            "+ 더하기",
            "***",
            "---",
            "```rust",
            "~~~",
            "[a]: http://example.com",
            "    네 칸 들여쓰기",
            "첫 줄\n===",
            "첫 줄\n- 둘째 줄",
        ] {
            let escaped = escape_block_starts(text);
            let events: Vec<Event> = Parser::new_ext(&escaped, options()).collect();
            assert!(
                matches!(events.first(), Some(Event::Start(Tag::Paragraph))),
                "{text:?} → {escaped:?} → {events:?}"
            );
            let ends = events.iter().filter(|e| matches!(e, Event::End(_))).count();
            assert_eq!(ends, 1, "{text:?} → {escaped:?} → {events:?}");
        }
    }

    #[test]
    fn tags_hidden_behind_any_number_of_code_spans_are_escaped() {
        for decoys in [1, 16, 40] {
            let payload = format!(
                "{}<img src=x onerror=alert(1) y=\"`\">\n",
                "<a x=\"`\">`".repeat(decoys)
            );
            let safe = make_safe(&payload);
            assert!(renders_no_html(&safe), "{decoys}: {safe}");
        }
    }

    #[test]
    fn pipes_in_a_cell_are_escaped_once() {
        assert_eq!(escape_pipes(r"a | b \| c"), r"a \| b \| c");
    }

    #[test]
    fn an_attribute_that_hides_a_tag_is_escaped_too() {
        let safe = make_safe("x <a title=\"<img src=x onerror=alert(1)>\">y</a>\n");
        let html = {
            let mut s = String::new();
            pulldown_cmark::html::push_html(&mut s, Parser::new_ext(&safe, options()));
            s
        };
        assert!(!html.contains("<a") && !html.contains("<img"), "{html}");
    }

    #[test]
    fn autolinks_to_script_lose_the_link() {
        assert_eq!(
            make_safe("<javascript:alert(1)>\n"),
            "javascript:alert(1)\n"
        );
    }
}
