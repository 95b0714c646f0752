//! CommonMark body → translatable blocks, with pulldown-cmark.
//!
//! Each block's text is rebuilt from the source ranges of its inline events, so that inline
//! Markdown stays as the editor wrote it while container markers (`> `, list indentation) and line
//! breaks inside a paragraph do not end up in the text.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{Block, Kind};

/// The translatable blocks of a Markdown body, in document order.
///
/// ```
/// let blocks = bitext::article::blocks("# Title\n\n> Quoted *text*\n> goes on.\n\n```\ncode\n```\n");
/// let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
/// assert_eq!(texts, ["Title", "Quoted *text* goes on."]);
/// ```
pub fn blocks(body: &str) -> Vec<Block> {
    runs(body).into_iter().flat_map(Run::into_blocks).collect()
}

/// A run of inline Markdown in the body (a paragraph's, heading's, item's or cell's text), where
/// it is, and the blocks read from it: what publishing needs to put translations back in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Byte range in the body, from the run's first inline event to the end of its last.
    pub span: Range<usize>,
    pub content: RunContent,
}

/// What a run holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunContent {
    /// One block of text, or none when the run has nothing to translate.
    Text(Option<Block>),
    /// Images and nothing else: a figure each, with its caption and credit.
    Images(Vec<Image>),
}

/// An image that stands alone in its paragraph: a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Byte range of the whole image, `![…](…)`, in the body.
    pub span: Range<usize>,
    /// The destination, as pulldown-cmark read it.
    pub dest: String,
    /// The alt text as a block, if it has words.
    pub caption: Option<Block>,
    /// The title as a block, if it has words.
    pub credit: Option<Block>,
}

impl Run {
    /// The blocks of the run, in document order.
    pub fn into_blocks(self) -> Vec<Block> {
        match self.content {
            RunContent::Text(block) => block.into_iter().collect(),
            RunContent::Images(images) => images
                .into_iter()
                .flat_map(|i| i.caption.into_iter().chain(i.credit))
                .collect(),
        }
    }
}

/// The runs of inline Markdown of a body, in document order; [`blocks`] are read from them.
pub fn runs(body: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut containers: Vec<Container> = Vec::new();
    let mut run: Vec<(Event, Range<usize>)> = Vec::new();
    let mut inline_depth = 0usize;
    let mut code_depth = 0usize;
    let parser = Parser::new_ext(body, crate::text::markdown_options());
    for (event, range) in parser.into_offset_iter() {
        match &event {
            Event::Start(tag) if is_inline(tag) => {
                inline_depth += 1;
                run.push((event, range));
            }
            Event::End(tag) if is_inline_end(tag) => {
                inline_depth = inline_depth.saturating_sub(1);
                run.push((event, range));
            }
            Event::Start(tag) => {
                flush(body, &mut run, &containers, &mut out);
                if matches!(
                    tag,
                    Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)
                ) {
                    code_depth += 1;
                }
                containers.push(container_of(tag));
            }
            Event::End(tag) => {
                flush(body, &mut run, &containers, &mut out);
                if matches!(
                    tag,
                    TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)
                ) {
                    code_depth = code_depth.saturating_sub(1);
                }
                containers.pop();
            }
            _ if is_inline_leaf(&event) && code_depth == 0 => {
                run.push((event, range));
            }
            Event::Rule | Event::Html(_) | Event::DisplayMath(_) if inline_depth == 0 => {
                flush(body, &mut run, &containers, &mut out);
            }
            _ => {}
        }
    }
    flush(body, &mut run, &containers, &mut out);
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Container {
    Heading,
    Item,
    Quote,
    Cell,
    Other,
}

fn container_of(tag: &Tag) -> Container {
    match tag {
        Tag::Heading { .. } => Container::Heading,
        Tag::Item => Container::Item,
        Tag::BlockQuote(_) => Container::Quote,
        Tag::TableCell => Container::Cell,
        _ => Container::Other,
    }
}

fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// Whether an event belongs to a run of inline text, as [`runs`] reads them.
pub fn is_inline_event(event: &Event) -> bool {
    match event {
        Event::Start(tag) => is_inline(tag),
        Event::End(tag) => is_inline_end(tag),
        other => is_inline_leaf(other),
    }
}

/// Whether an event is inline content of its own: text, code, a break, inline HTML or math.
fn is_inline_leaf(event: &Event) -> bool {
    matches!(
        event,
        Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn kind_of(containers: &[Container]) -> Kind {
    if containers.contains(&Container::Heading) {
        Kind::Heading
    } else if containers.contains(&Container::Cell) {
        Kind::TableCell
    } else if containers.contains(&Container::Item) {
        Kind::ListItem
    } else if containers.contains(&Container::Quote) {
        Kind::Quote
    } else {
        Kind::Paragraph
    }
}

/// Turns the pending inline events into blocks: one block of text, or, for a paragraph that holds
/// only images, a caption and a credit block per image.
fn flush(
    body: &str,
    run: &mut Vec<(Event, Range<usize>)>,
    containers: &[Container],
    out: &mut Vec<Run>,
) {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    let span = first.1.start..last.1.end;
    let items = siblings(run);
    let only_images = items.iter().all(|item| match &run[item.start].0 {
        Event::Start(Tag::Image { .. }) => true,
        Event::Text(t) => t.trim().is_empty(),
        Event::SoftBreak | Event::HardBreak => true,
        _ => false,
    }) && items
        .iter()
        .any(|item| matches!(run[item.start].0, Event::Start(Tag::Image { .. })));
    let content = if only_images {
        let mut images = Vec::new();
        for item in &items {
            if let Event::Start(Tag::Image {
                title, dest_url, ..
            }) = &run[item.start].0
            {
                let children = &run[item.start + 1..item.end - 1];
                let mut text = Text::default();
                rebuild(body, children, &mut text);
                let credit = title.trim();
                images.push(Image {
                    span: run[item.start].1.clone(),
                    dest: dest_url.to_string(),
                    caption: make_block(Kind::Caption, text),
                    credit: make_block(
                        Kind::Credit,
                        Text {
                            text: credit.to_string(),
                            protected: Vec::new(),
                        },
                    ),
                });
            }
        }
        RunContent::Images(images)
    } else {
        let mut text = Text::default();
        rebuild(body, run, &mut text);
        RunContent::Text(make_block(kind_of(containers), text))
    };
    out.push(Run { span, content });
    run.clear();
}

/// The block of `text`, trimmed, unless it has no letters or digits.
fn make_block(kind: Kind, text: Text) -> Option<Block> {
    let Text { text, protected } = text;
    let start = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return None;
    }
    let end = start + trimmed.len();
    let protected = protected
        .into_iter()
        .filter_map(|r| {
            let r = r.start.max(start) - start..r.end.min(end).saturating_sub(start);
            (r.start < r.end).then_some(r)
        })
        .collect();
    Some(Block {
        kind,
        text: trimmed.to_string(),
        protected,
    })
}

#[derive(Default)]
struct Text {
    text: String,
    protected: Vec<Range<usize>>,
}

/// The index ranges of the top-level items of `events`: a leaf event, or a Start … End pair.
fn siblings(events: &[(Event, Range<usize>)]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let start = i;
        if let Event::Start(_) = events[i].0 {
            let mut depth = 0usize;
            while i < events.len() {
                match events[i].0 {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth -= 1,
                    _ => {}
                }
                i += 1;
                if depth == 0 {
                    break;
                }
            }
        } else {
            i += 1;
        }
        out.push(start..i);
    }
    out
}

/// Appends the Markdown source of `events` to `text`, one line, container markers left out.
fn rebuild(body: &str, events: &[(Event, Range<usize>)], text: &mut Text) {
    let mut previous_end: Option<usize> = None;
    let mut after_break = false;
    for item in siblings(events) {
        let (event, range) = &events[item.start];
        if let Some(end) = previous_end {
            let gap = body.get(end..range.start).unwrap_or("");
            if !after_break && !gap.contains('\n') {
                text.text.push_str(gap);
            }
        }
        after_break = false;
        match event {
            Event::SoftBreak | Event::HardBreak => {
                text.text.push(' ');
                after_break = true;
            }
            Event::Start(_) => {
                let start = text.text.len();
                let source = body.get(range.clone()).unwrap_or("");
                let children = &events[item.start + 1..item.end.saturating_sub(1)];
                match (children.first(), children.last()) {
                    (Some(first), Some(last)) if source.contains('\n') => {
                        text.text
                            .push_str(body.get(range.start..first.1.start).unwrap_or(""));
                        rebuild(body, children, text);
                        text.text
                            .push_str(body.get(last.1.end..range.end).unwrap_or(""));
                    }
                    _ => push_one_line(&mut text.text, source),
                }
                text.protected.push(start..text.text.len());
            }
            Event::Code(_) | Event::InlineHtml(_) | Event::InlineMath(_) => {
                let start = text.text.len();
                push_one_line(&mut text.text, body.get(range.clone()).unwrap_or(""));
                text.protected.push(start..text.text.len());
            }
            _ => push_one_line(&mut text.text, body.get(range.clone()).unwrap_or("")),
        }
        previous_end = Some(range.end);
    }
}

fn push_one_line(out: &mut String, source: &str) {
    if source.contains('\n') {
        out.push_str(
            &source
                .split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" "),
        );
    } else {
        out.push_str(source);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<(Kind, String)> {
        blocks(body).into_iter().map(|b| (b.kind, b.text)).collect()
    }

    #[test]
    fn image_paragraph_gives_caption_and_credit() {
        let got = texts("![Leaders meet. They smile.](images/a.jpg \"Photo: Yonhap\")\n");
        assert_eq!(
            got,
            [
                (Kind::Caption, "Leaders meet. They smile.".to_string()),
                (Kind::Credit, "Photo: Yonhap".to_string())
            ]
        );
    }

    #[test]
    fn inline_markup_and_escapes_stay_as_source() {
        let got = texts("A *very* [good](http://x.y/a.b) `code` \\*star\\* &amp; day.\n");
        assert_eq!(
            got[0].1,
            "A *very* [good](http://x.y/a.b) `code` \\*star\\* &amp; day."
        );
    }

    #[test]
    fn code_blocks_and_html_blocks_are_not_translated() {
        let got = texts("```\nlet x = 1;\n```\n\n<div>raw</div>\n\n    indented code\n\nText.\n");
        assert_eq!(got, [(Kind::Paragraph, "Text.".to_string())]);
    }

    #[test]
    fn lists_quotes_tables_and_headings_have_their_kinds() {
        let got = texts("## Head\n\n- one\n- two\n\n> quoted\n> on two lines\n\n| a | b |\n|---|---|\n| c | d |\n");
        let kinds: Vec<_> = got.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (Kind::Heading, "Head"),
                (Kind::ListItem, "one"),
                (Kind::ListItem, "two"),
                (Kind::Quote, "quoted on two lines"),
                (Kind::TableCell, "a"),
                (Kind::TableCell, "b"),
                (Kind::TableCell, "c"),
                (Kind::TableCell, "d"),
            ]
        );
    }

    #[test]
    fn emphasis_across_lines_in_a_quote_drops_the_markers() {
        let got = texts("> Say *this\n> and that* now.\n");
        assert_eq!(got[0].1, "Say *this and that* now.");
    }

    #[test]
    fn nested_list_items_are_separate_blocks() {
        let got = texts("- outer\n  - inner\n");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, "outer");
        assert_eq!(got[1].1, "inner");
    }

    #[test]
    fn links_are_protected_ranges() {
        let b = &blocks("See [Mr. Smith. Now](http://a.b) here.\n")[0];
        assert_eq!(
            &b.text[b.protected[0].clone()],
            "[Mr. Smith. Now](http://a.b)"
        );
    }
}
