//! The HTML output: a complete, self-contained page per article and locale, and the index.
//!
//! The body is the source article's Markdown, event by event through pulldown-cmark, with each
//! run of text replaced by its localized segments, each rendered on its own so that a fallback
//! sentence can carry its own `lang`. Raw HTML from the article or a translation is turned into
//! text and unsafe link destinations are dropped ([`super::safe`]); every attribute value is
//! escaped. A page loads nothing from elsewhere: the style is inline, and images are the
//! article's own files, published under `assets/`.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};

use super::markdown::{joined, options};
use super::{locale, safe, Outcome, Page, Prepared, Renderer, Shown};
use crate::article::{is_inline_event, RunContent};
use crate::project::Project;

/// The `.html` renderer.
pub struct Html;

impl Renderer for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn render(&self, page: &Page) -> String {
        let lc = page.locale;
        let up = page.up();
        let l = &page.localized;
        let refs = Refs::of(&page.article.body);
        let refs = &refs;
        let mut out = String::with_capacity(page.article.body.len() * 3 + 4096);
        out.push_str("<!DOCTYPE html>\n");
        out.push_str(&format!("<html lang=\"{}\">\n<head>\n", attr(lc)));
        out.push_str("<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(&format!("<title>{}</title>\n", text(&joined(&l.title, lc))));
        if !l.subtitle.is_empty() {
            out.push_str(&format!(
                "<meta name=\"description\" content=\"{}\">\n",
                attr(&joined(&l.subtitle, lc))
            ));
        }
        for alternate in page.alternates {
            out.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
                attr(alternate),
                attr(&format!("{up}{alternate}/{}.html", page.slug))
            ));
        }
        if page.alternates.iter().any(|a| a == page.source) {
            out.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
                attr(&format!("{up}{}/{}.html", page.source, page.slug))
            ));
        }
        out.push_str(&format!("<style>\n{STYLE}</style>\n</head>\n<body>\n"));

        // The language switcher: every language the article is published in, in its own name.
        out.push_str(&format!(
            "<nav class=\"languages\" aria-label=\"{}\">\n<a class=\"home\" href=\"{}\">{}</a>\n<ul>\n",
            attr(locale::languages_label(lc)),
            attr(&format!("{up}index.html")),
            text(locale::index_label(lc))
        ));
        for alternate in page.alternates {
            let current = if alternate == lc {
                " aria-current=\"page\""
            } else {
                ""
            };
            out.push_str(&format!(
                "<li><a href=\"{}\" hreflang=\"{a}\" lang=\"{a}\"{current}>{}</a></li>\n",
                attr(&format!("{up}{alternate}/{}.html", page.slug)),
                text(locale::endonym(alternate)),
                a = attr(alternate),
            ));
        }
        out.push_str("</ul>\n</nav>\n<main>\n<article>\n<header>\n");
        out.push_str(&format!("<h1>{}</h1>\n", plain_segments(page, &l.title)));
        if !l.subtitle.is_empty() {
            out.push_str(&format!(
                "<p class=\"subtitle\">{}</p>\n",
                plain_segments(page, &l.subtitle)
            ));
        }
        let date = page.date().map(|d| {
            format!(
                "<time datetime=\"{}\">{}</time>",
                d.iso(),
                text(&d.format(lc))
            )
        });
        let byline = (!l.byline.is_empty()).then(|| {
            format!(
                "<span class=\"author\">{}</span>",
                plain_segments(page, &l.byline)
            )
        });
        let meta: Vec<String> = byline.into_iter().chain(date).collect();
        if !meta.is_empty() {
            out.push_str(&format!("<p class=\"byline\">{}</p>\n", meta.join(" · ")));
        }
        out.push_str("</header>\n");
        out.push_str(&body(page, refs));
        out.push_str("</article>\n</main>\n</body>\n</html>\n");
        out
    }
}

/// Readable on a phone and a desktop, with fonts that have Hangul and Cyrillic: the system's UI
/// font first, then the Noto families that Linux distributions ship, then Korean system fonts.
const STYLE: &str = r#"html { color-scheme: light; -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 42rem; padding: 1rem 1.25rem 3rem; color: #1b1b1b; background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR",
    "Apple SD Gothic Neo", "Malgun Gothic", "Helvetica Neue", Arial, sans-serif;
  font-size: 1.125rem; line-height: 1.65; overflow-wrap: break-word; }
:lang(ko) { word-break: keep-all; }
html:lang(ko) body { line-height: 1.8; }
h1 { font-size: 2rem; line-height: 1.25; margin: 1rem 0 .5rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2rem 0 .5rem; }
.subtitle { font-size: 1.2rem; color: #444; margin: 0 0 .75rem; }
.byline { font-size: .95rem; color: #555; margin: 0 0 1.5rem; }
nav.languages { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: baseline;
  font-size: .95rem; border-bottom: 1px solid #ddd; padding-bottom: .5rem; }
nav.languages ul { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; margin: 0; padding: 0; }
nav.languages a[aria-current] { font-weight: 600; color: inherit; text-decoration: none; }
figure { margin: 1.5rem 0; }
figure img { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .9rem; line-height: 1.5; color: #555; margin-top: .4rem; }
figcaption .credit { color: #777; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid #ccc; color: #333; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; }
a { color: #0b57d0; }
.coverage { color: #555; font-size: .9rem; }
"#;

/// Escapes text for an element's content.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;").replace('\'', "&#39;")
}

/// The plain text of inline Markdown: what a `<title>` or an `alt` shows.
pub fn plain(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The link reference definitions of an article (`[label]: destination "title"`), by label.
#[derive(Default)]
struct Refs(std::collections::HashMap<String, (String, String)>);

impl Refs {
    fn of(body: &str) -> Refs {
        if !body.contains("]:") {
            return Refs::default();
        }
        let parser = Parser::new_ext(body, options());
        Refs(
            parser
                .reference_definitions()
                .iter()
                .map(|(l, def)| {
                    let title = def.title.as_deref().unwrap_or("").to_string();
                    (label(l), (def.dest.to_string(), title))
                })
                .collect(),
        )
    }
}

/// A link label as CommonMark matches it: white space collapsed, case folded.
fn label(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A block's localized segments as HTML, joined as the language writes sentences; a segment
/// shown in the source language as a fallback is wrapped in an element with its `lang`.
fn segments(page: &Page, refs: &Refs, shown: &[Shown]) -> String {
    segments_with(page, shown, |markdown| inline(page, refs, markdown))
}

/// The segments of a plain-text field (the title, subtitle and byline of the front matter, an
/// image's credit) as HTML: escaped, not read as Markdown.
fn plain_segments(page: &Page, shown: &[Shown]) -> String {
    segments_with(page, shown, text)
}

fn segments_with(page: &Page, shown: &[Shown], render: impl Fn(&str) -> String) -> String {
    let parts: Vec<String> = shown
        .iter()
        .map(|s| {
            let html = render(&s.text);
            match &s.fallback {
                Some(lang) => format!(
                    "<span class=\"fallback\" lang=\"{}\">{html}</span>",
                    attr(lang)
                ),
                None => html,
            }
        })
        .collect();
    parts.join(locale::sentence_separator(page.locale))
}

/// One segment's inline Markdown as HTML. The segment is parsed on its own, after a no-break
/// space so that nothing at its start (`#`, `1.`, `>`, `-`) can make it a block of another kind;
/// reference links find their definitions in the article.
fn inline(page: &Page, refs: &Refs, markdown: &str) -> String {
    let callback = |link: pulldown_cmark::BrokenLink| {
        refs.0
            .get(&label(&link.reference))
            .map(|(dest, title)| (CowStr::from(dest.clone()), CowStr::from(title.clone())))
    };
    let input = format!("\u{a0}{markdown}");
    let parser = Parser::new_with_broken_link_callback(&input, options(), Some(callback));
    let mut events: Vec<Event> = Vec::new();
    let mut first = true;
    for event in parser {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Text(t) if first => {
                first = false;
                let rest = t.strip_prefix('\u{a0}').unwrap_or(&t);
                if !rest.is_empty() {
                    events.push(Event::Text(CowStr::from(rest.to_string())));
                }
            }
            other => {
                first = false;
                events.push(other);
            }
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        local_images(page, safe::sanitize(events)).into_iter(),
    );
    html
}

/// Points the article's images at their published copies.
fn local_images<'a>(page: &Page, events: Vec<Event<'a>>) -> Vec<Event<'a>> {
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: CowStr::from(page.image_src(&dest_url)),
                title,
                id,
            }),
            other => other,
        })
        .collect()
}

/// The article's body: its structure from the source, its text from the page.
fn body(page: &Page, refs: &Refs) -> String {
    let source = page.article.body.as_str();
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(source, options())
        .into_offset_iter()
        .collect();
    let runs = page.runs;
    let mut blocks = page.localized.blocks.iter();
    let mut next_block = || blocks.next().map(Vec::as_slice).unwrap_or_default();
    let mut out: Vec<Event> = Vec::new();
    let mut r = 0;
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        // A run that the events went past uses up its blocks all the same.
        while r < runs.len() && range.start >= runs[r].span.end && !runs[r].span.is_empty() {
            skip_run(&runs[r].content, &mut next_block);
            r += 1;
        }
        let in_run = r < runs.len()
            && is_inline_event(event)
            && range.start >= runs[r].span.start
            && range.start < runs[r].span.end;
        if !in_run {
            match event {
                Event::Html(t) | Event::InlineHtml(t) => out.push(Event::Text(t.clone())),
                other => out.push(other.clone()),
            }
            i += 1;
            continue;
        }
        let run = &runs[r];
        let mut j = i;
        while j < events.len() && is_inline_event(&events[j].0) && events[j].1.start < run.span.end
        {
            j += 1;
        }
        match &run.content {
            RunContent::Text(None) => {
                let untranslated: Vec<Event> =
                    events[i..j].iter().map(|(e, _)| e.clone()).collect();
                out.extend(local_images(page, safe::sanitize(untranslated)));
            }
            RunContent::Text(Some(_)) => {
                out.push(Event::InlineHtml(CowStr::from(segments(
                    page,
                    refs,
                    next_block(),
                ))));
            }
            RunContent::Images(images) => {
                let mut html = String::new();
                for image in images {
                    let caption = image.caption.as_ref().map(|_| next_block());
                    let credit = image.credit.as_ref().map(|_| next_block());
                    html.push_str(&figure(page, refs, &image.dest, caption, credit));
                }
                // A figure is not inside a paragraph.
                let in_paragraph = matches!(out.last(), Some(Event::Start(Tag::Paragraph)))
                    && matches!(events.get(j), Some((Event::End(TagEnd::Paragraph), _)));
                if in_paragraph {
                    out.pop();
                    j += 1;
                }
                out.push(Event::InlineHtml(CowStr::from(html)));
            }
        }
        i = j;
        r += 1;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    html
}

fn skip_run<'b>(content: &RunContent, next_block: &mut impl FnMut() -> &'b [Shown]) {
    let count = match content {
        RunContent::Text(b) => usize::from(b.is_some()),
        RunContent::Images(images) => images
            .iter()
            .map(|i| usize::from(i.caption.is_some()) + usize::from(i.credit.is_some()))
            .sum(),
    };
    for _ in 0..count {
        next_block();
    }
}

/// An image that stands alone: `<figure>` with its caption and credit.
fn figure(
    page: &Page,
    refs: &Refs,
    dest: &str,
    caption: Option<&[Shown]>,
    credit: Option<&[Shown]>,
) -> String {
    let mut out = String::from("<figure>\n");
    let caption_text = caption.map(|c| plain(&joined(c, page.locale)));
    if safe::is_local_image(dest) {
        out.push_str(&format!(
            "<img src=\"{}\" alt=\"{}\">\n",
            attr(&page.image_src(dest)),
            attr(caption_text.as_deref().unwrap_or(""))
        ));
    }
    let mut parts = Vec::new();
    if let Some(caption) = caption.filter(|c| !c.is_empty()) {
        parts.push(segments(page, refs, caption));
    }
    if let Some(credit) = credit.filter(|c| !c.is_empty()) {
        parts.push(format!(
            "<span class=\"credit\">{}</span>",
            plain_segments(page, credit)
        ));
    }
    if !parts.is_empty() {
        out.push_str(&format!("<figcaption>{}</figcaption>\n", parts.join(" ")));
    }
    out.push_str("</figure>\n");
    out
}

/// `index.html`: every article by locale, each with its coverage, or why it was not published.
pub fn index(project: &Project, prepared: &[Prepared]) -> String {
    let source = &project.config.source;
    let locales: Vec<&String> = std::iter::once(source)
        .chain(&project.config.targets)
        .collect();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", attr(source)));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>Articles</title>\n");
    out.push_str(&format!(
        "<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n"
    ));
    out.push_str("<h1>Articles</h1>\n");
    for locale in locales {
        let mut published = 0;
        let mut counts = super::Counts::default();
        let mut items = String::new();
        for p in prepared {
            let Some((_, outcome)) = p.locales.iter().find(|(l, _)| l == locale) else {
                continue;
            };
            match outcome {
                Outcome::Published(localized) => {
                    published += 1;
                    counts.add(&localized.counts);
                    let c = &localized.counts;
                    let mut notes = vec![format!("{:.2}% current", c.percent_current())];
                    for (n, what) in [
                        (c.stale, "stale"),
                        (c.unreviewed, "unreviewed"),
                        (c.fallback, "shown in the source language"),
                        (c.omitted, "left out"),
                    ] {
                        if n > 0 {
                            notes.push(format!("{n} {what}"));
                        }
                    }
                    items.push_str(&format!(
                        "<li><a href=\"{}\">{}</a> <span class=\"coverage\" lang=\"en\">{}</span></li>\n",
                        attr(&format!("{locale}/{}.html", p.slug)),
                        text(&joined(&localized.title, locale)),
                        text(&notes.join(", "))
                    ));
                }
                Outcome::Refused(reason) => {
                    items.push_str(&format!(
                        "<li lang=\"en\">{} <span class=\"coverage\">not published: {}</span></li>\n",
                        text(&p.slug),
                        text(reason)
                    ));
                }
            }
        }
        out.push_str(&format!(
            "<section lang=\"{}\">\n<h2>{} <span class=\"coverage\" lang=\"en\">{}, {:.2}% current, {:.2}% translated</span></h2>\n<ul>\n{items}</ul>\n</section>\n",
            attr(locale),
            text(locale::endonym(locale)),
            super::plural(published, "article", "articles"),
            counts.percent_current(),
            counts.percent_translated(),
        ));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
