//! The HTML output: a complete, self-contained page per article and locale, through the site's
//! `article.html` template.
//!
//! The body is the source article's Markdown, event by event through pulldown-cmark, with each
//! run of text replaced by its localized segments, each rendered on its own so that a fallback
//! sentence can carry its own `lang` and a note that it is not translated yet. Raw HTML from the
//! article or a translation is turned into text and unsafe link destinations are dropped
//! ([`super::safe`]); the language's typography is applied to the text ([`super::typography`]).
//! These fragments are the only HTML the templates receive as safe; every other value is escaped
//! where a template prints it. A page loads nothing from elsewhere: the style is inline, and
//! images are the article's own files, published under `assets/`.

use std::ops::Range;

use minijinja::Value;
use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};
use serde::Serialize;

use super::markdown::{joined, options};
use super::{asset_path, locale, safe, typography, Page, Renderer, Shown};
use crate::article::{is_inline_event, Kind, RunContent};
use crate::error::Result;

/// The `.html` renderer.
pub struct Html;

impl Renderer for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn render(&self, page: &Page) -> Result<String> {
        page.site.templates.render("article.html", &context(page))
    }
}

/// A date as a page shows it: `iso` for `<time datetime>`, `text` as the language writes it.
#[derive(Debug, Clone, Serialize)]
pub struct DateContext {
    pub iso: String,
    pub text: String,
}

impl DateContext {
    pub fn of(date: locale::Date, lc: &str) -> DateContext {
        DateContext {
            iso: date.iso(),
            text: typography::apply(&date.format(lc), lc).into_owned(),
        }
    }
}

/// A language version of the page, for hreflang and the language switcher.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: String,
    /// The language's name in itself.
    pub name: String,
    pub dir: &'static str,
    /// The address for `hreflang`: absolute with a `base_url`.
    pub href: String,
    /// The relative link for readers.
    pub link: String,
    pub current: bool,
}

/// The image of a page for Open Graph and Twitter cards.
#[derive(Debug, Clone, Serialize)]
pub struct OgImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// The Open Graph facts of a page.
#[derive(Debug, Clone, Serialize)]
pub struct Og {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub locale: String,
    pub locale_alternates: Vec<String>,
    pub url: Option<String>,
    pub image: Option<OgImage>,
}

/// What `base.html` needs of every page: the variables the README lists under "Every HTML page".
#[derive(Debug, Clone, Serialize)]
pub struct Common {
    pub lang: String,
    pub dir: &'static str,
    pub t: locale::Labels,
    /// `../` up to the output folder from the page's folder.
    pub root: String,
    pub site: SiteContext,
    pub title: String,
    pub description: String,
    pub canonical: String,
    pub alternates: Vec<Alternate>,
    pub x_default: Option<String>,
    /// The relative link to the language's Atom feed, when the site has feeds.
    pub feed: Option<String>,
    pub og: Og,
}

/// The site's settings, as templates see them.
#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    pub name: Option<String>,
    pub base_url: Option<String>,
}

/// The article's own variables (`article` in `article.html`).
#[derive(Debug, Clone, Serialize)]
struct ArticleContext {
    title_html: Value,
    subtitle_html: Option<Value>,
    byline: Option<String>,
    byline_html: Option<Value>,
    date: Option<DateContext>,
    /// The front matter's date, for `article:published_time`.
    published: Option<String>,
    /// When the English or a translation last changed (RFC 3339).
    modified: Option<String>,
    image: Option<ImageContext>,
    body: Value,
    /// The relative link to the language's front page.
    home: String,
}

/// An article's first figure.
#[derive(Debug, Clone, Serialize)]
struct ImageContext {
    /// Relative to the page.
    src: String,
    url: Option<String>,
    width: u32,
    height: u32,
    alt: String,
}

#[derive(Serialize)]
struct Context {
    #[serde(flatten)]
    common: Common,
    article: ArticleContext,
}

/// Every variable of `article.html`.
fn context(page: &Page) -> Context {
    let lc = page.locale;
    let up = page.up();
    let l = page.localized;
    let refs = Refs::of(&page.article.body);
    let site = page.site;
    let rel = |locale: &str| format!("{locale}/{}.html", page.slug);
    let alternates: Vec<Alternate> = page
        .alternates
        .iter()
        .map(|a| Alternate {
            lang: a.clone(),
            name: locale::endonym(a).to_string(),
            dir: locale::direction(a),
            href: site.href(&up, &rel(a)),
            link: format!("{up}{}", rel(a)),
            current: a == lc,
        })
        .collect();
    let x_default = page
        .alternates
        .iter()
        .any(|a| a == page.source)
        .then(|| site.href(&up, &rel(page.source)));
    let image = first_image(page);
    let title = plain_field(&l.title, lc);
    let description = description(page);
    let common = Common {
        lang: lc.to_string(),
        dir: locale::direction(lc),
        t: locale::labels(lc),
        root: up.clone(),
        site: SiteContext {
            name: site.name.clone(),
            base_url: site.base_url.clone(),
        },
        title,
        description,
        canonical: site.href(&up, &rel(lc)),
        alternates,
        x_default,
        feed: site.has_address().then(|| format!("{up}{lc}/feed.xml")),
        og: Og {
            kind: "article",
            locale: locale::og_locale(lc),
            locale_alternates: page
                .alternates
                .iter()
                .filter(|a| *a != lc)
                .map(|a| locale::og_locale(a))
                .collect(),
            url: site.absolute(&rel(lc)),
            image: image.as_ref().and_then(|i| {
                Some(OgImage {
                    url: i.url.clone()?,
                    width: i.width,
                    height: i.height,
                    alt: i.alt.clone(),
                })
            }),
        },
    };
    let byline = (!l.byline.is_empty()).then(|| plain_field(&l.byline, lc));
    let article = ArticleContext {
        title_html: safe_html(plain_segments(page, &l.title)),
        subtitle_html: (!l.subtitle.is_empty())
            .then(|| safe_html(plain_segments(page, &l.subtitle))),
        byline,
        byline_html: (!l.byline.is_empty()).then(|| safe_html(plain_segments(page, &l.byline))),
        date: page.date().map(|d| DateContext::of(d, lc)),
        published: page.date().map(|d| d.iso()),
        modified: page.modified.map(str::to_string),
        image,
        body: safe_html(body(page, &refs)),
        home: format!("{up}{lc}/index.html"),
    };
    Context { common, article }
}

/// HTML that bitext made and sanitized, which a template prints as it is.
pub fn safe_html(html: String) -> Value {
    Value::from_safe_string(html)
}

/// The plain text of a front matter field's segments.
pub fn plain_field(shown: &[Shown], lc: &str) -> String {
    joined(shown, lc)
}

/// The page's description: the subtitle, else the first sentences of the body's first
/// paragraph that are translated, as plain text of about a search result's length.
pub fn description(page: &Page) -> String {
    let l = page.localized;
    if !l.subtitle.is_empty() {
        return plain_field(&l.subtitle, page.locale);
    }
    let mut blocks = l.blocks.iter();
    for run in page.runs {
        match &run.content {
            RunContent::Text(None) => {}
            RunContent::Text(Some(block)) => {
                let shown = blocks.next().map(Vec::as_slice).unwrap_or_default();
                if block.kind != Kind::Paragraph {
                    continue;
                }
                let sentences: Vec<String> = shown
                    .iter()
                    .filter(|s| s.fallback.is_none())
                    .map(|s| plain(&s.text).trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                if !sentences.is_empty() {
                    return summarize(&sentences, locale::sentence_separator(page.locale));
                }
            }
            RunContent::Images(images) => {
                for image in images {
                    let n =
                        usize::from(image.caption.is_some()) + usize::from(image.credit.is_some());
                    for _ in 0..n {
                        blocks.next();
                    }
                }
            }
        }
    }
    String::new()
}

/// The first sentences, as many as make about 120 characters, cut at a word with `…` when the
/// first alone is longer than 300.
///
/// ```
/// use bitext::publish::html::summarize;
/// let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
/// assert_eq!(summarize(&s(&["One.", "Two.", "Three."]), " "), "One. Two. Three.");
/// assert!(summarize(&s(&[&"word ".repeat(100)]), " ").ends_with("word…"));
/// ```
pub fn summarize(sentences: &[String], separator: &str) -> String {
    let mut out = String::new();
    for sentence in sentences {
        if !out.is_empty() {
            if out.chars().count() >= 120 {
                break;
            }
            out.push_str(separator);
        }
        out.push_str(sentence);
    }
    if out.chars().count() > 300 {
        let cut: String = out.chars().take(300).collect();
        let cut = match cut.rfind(char::is_whitespace) {
            Some(at) if at > 0 => cut[..at].to_string(),
            _ => cut,
        };
        out = format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']));
    }
    out
}

/// The article's first figure whose image exists, with its size.
fn first_image(page: &Page) -> Option<ImageContext> {
    let mut blocks = page.localized.blocks.iter();
    for run in page.runs {
        match &run.content {
            RunContent::Text(b) => {
                if b.is_some() {
                    blocks.next();
                }
            }
            RunContent::Images(images) => {
                for image in images {
                    let caption = image.caption.as_ref().and_then(|_| blocks.next());
                    if image.credit.is_some() {
                        blocks.next();
                    }
                    let Some(path) = asset_path(page.slug, &image.dest) else {
                        continue;
                    };
                    let Some(Some((width, height))) = page.site.images.get(&path) else {
                        continue;
                    };
                    return Some(ImageContext {
                        src: page.image_src(&image.dest),
                        url: page.site.absolute(&format!("assets/{path}")),
                        width: *width,
                        height: *height,
                        alt: caption
                            .map(|c| plain(&joined(c, page.locale)))
                            .unwrap_or_default(),
                    });
                }
            }
        }
    }
    None
}

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
///
/// The text is read as the inline text of a paragraph, after a no-break space, as a segment is:
/// a `<script>` at its start is text, not an HTML block, and a link leaves only its text.
///
/// ```
/// use bitext::publish::html::plain;
/// assert_eq!(plain("<b>x</b> [y](javascript:alert(1)) *z*"), "<b>x</b> y z");
/// ```
pub fn plain(markdown: &str) -> String {
    let input = format!("\u{a0}{markdown}");
    let mut out = String::new();
    for event in Parser::new_ext(&input, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    match out.strip_prefix('\u{a0}') {
        Some(rest) => rest.to_string(),
        None => out,
    }
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
    segments_with(page, shown, |markdown, lang| {
        inline(page, refs, markdown, lang)
    })
}

/// The segments of a plain-text field (the title, subtitle and byline of the front matter, an
/// image's credit) as HTML: escaped, not read as Markdown, with the language's typography.
fn plain_segments(page: &Page, shown: &[Shown]) -> String {
    segments_with(page, shown, |s, lang| text(&typography::apply(s, lang)))
}

/// The segments as HTML, each rendered by `render` with the language it is shown in. A fallback
/// is marked: a note in the reader's language, then the source text in its own language.
fn segments_with(page: &Page, shown: &[Shown], render: impl Fn(&str, &str) -> String) -> String {
    let parts: Vec<String> = shown
        .iter()
        .map(|s| match &s.fallback {
            Some(lang) => {
                let dir = locale::direction(lang);
                let dir = if dir != locale::direction(page.locale) {
                    format!(" dir=\"{dir}\"")
                } else {
                    String::new()
                };
                format!(
                    "<span class=\"untranslated-note\">{}</span><span class=\"fallback\" lang=\"{}\"{dir}>{}</span>",
                    text(locale::labels(page.locale).untranslated),
                    attr(lang),
                    render(&s.text, lang)
                )
            }
            None => render(&s.text, page.locale),
        })
        .collect();
    parts.join(locale::sentence_separator(page.locale))
}

/// One segment's inline Markdown as HTML. The segment is parsed on its own, after a no-break
/// space so that nothing at its start (`#`, `1.`, `>`, `-`) can make it a block of another kind;
/// reference links find their definitions in the article. The text (not code) gets the
/// typography of `lang`, the language it is shown in.
fn inline(page: &Page, refs: &Refs, markdown: &str, lang: &str) -> String {
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
    let events = typeset(local_images(page, safe::sanitize(events)), lang);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// The language's typography on the text events of one segment, each seeing the text of its
/// neighbours (`в *Сеуле*` keeps `в` with the emphasis).
fn typeset<'a>(events: Vec<Event<'a>>, lang: &str) -> Vec<Event<'a>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if t.contains(' ')))
    {
        return events;
    }
    // The text the reader sees, and where each event's part of it is.
    let mut shown = String::new();
    let mut spans = Vec::with_capacity(events.len());
    for event in &events {
        let start = shown.len();
        match event {
            Event::Text(t) | Event::Code(t) => shown.push_str(t),
            Event::SoftBreak | Event::HardBreak => shown.push(' '),
            _ => {}
        }
        spans.push(start..shown.len());
    }
    events
        .into_iter()
        .zip(spans)
        .map(|(event, span)| match event {
            Event::Text(t) if t.contains(' ') => {
                let before = &shown[..span.start];
                let after = &shown[span.end..];
                match typography::apply_within(&t, before, after, lang) {
                    std::borrow::Cow::Borrowed(_) => Event::Text(t),
                    std::borrow::Cow::Owned(s) => Event::Text(CowStr::from(s)),
                }
            }
            other => other,
        })
        .collect()
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

/// An image that stands alone: `<figure>` with its caption and credit. The image carries its
/// width and height; an image whose file is missing is left out (publishing reports it) and the
/// caption stays.
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
        let src = attr(&page.image_src(dest));
        let alt = attr(caption_text.as_deref().unwrap_or(""));
        // `None`: no file (reported); `Some(None)`: a file whose size cannot be read, or a path
        // out of the articles folder.
        let size = match asset_path(page.slug, dest) {
            Some(path) => page.site.images.get(&path).copied(),
            None => Some(None),
        };
        match size {
            Some(Some((width, height))) => out.push_str(&format!(
                "<img src=\"{src}\" alt=\"{alt}\" width=\"{width}\" height=\"{height}\">\n"
            )),
            Some(None) => out.push_str(&format!("<img src=\"{src}\" alt=\"{alt}\">\n")),
            None => {}
        }
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
