//! Articles: TOML front matter and a CommonMark body, read into translatable segments.
//!
//! The segments keep inline Markdown as source text so that translators keep emphasis, links and
//! code; code blocks, raw HTML blocks and link destinations are never segments.

mod markdown;

use std::ops::Range;
use std::path::Path;

use crate::error::{Error, Result};

pub use markdown::{blocks, is_inline_event, runs, Image, Run, RunContent};

/// What a segment is in the article, for people and for publishing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Title,
    Subtitle,
    Byline,
    Heading,
    Paragraph,
    ListItem,
    Quote,
    TableCell,
    Caption,
    Credit,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Subtitle => "subtitle",
            Kind::Byline => "byline",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::ListItem => "list item",
            Kind::Quote => "quote",
            Kind::TableCell => "table cell",
            Kind::Caption => "caption",
            Kind::Credit => "credit",
        }
    }

    /// Whether `id` is the fixed id of a front matter field.
    pub fn is_fixed_id(id: &str) -> bool {
        [Kind::Title, Kind::Subtitle, Kind::Byline]
            .iter()
            .any(|k| k.fixed_id() == Some(id))
    }

    /// The fixed message id of a front matter field, which never changes across revisions.
    pub fn fixed_id(self) -> Option<&'static str> {
        match self {
            Kind::Title => Some("title"),
            Kind::Subtitle => Some("subtitle"),
            Kind::Byline => Some("byline"),
            _ => None,
        }
    }
}

/// A run of translatable text in the body: a paragraph, heading, list item, cell, caption or credit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    /// The inline Markdown source of the block, on one line.
    pub text: String,
    /// Byte ranges of `text` that a sentence may not end inside (links, code, emphasis, HTML).
    pub protected: Vec<Range<usize>>,
}

/// One translatable segment of an article, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub kind: Kind,
    pub text: String,
    /// The index of the block the segment belongs to (front matter fields are blocks too).
    pub block: usize,
}

/// An article read from its Markdown file.
#[derive(Debug, Clone)]
pub struct Article {
    /// The parsed front matter (empty when the article has none).
    pub front: toml::Table,
    /// The body: everything after the front matter.
    pub body: String,
}

impl Article {
    /// Parses an article; `text` has LF line endings and no byte-order mark. `path` is used in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Article> {
        let (front, body) = split_front_matter(path, text)?;
        let front: toml::Table = match front {
            None => toml::Table::new(),
            Some((offset, source)) => toml::from_str(source).map_err(|e| {
                let message = format!("front matter: {}", e.message().trim());
                match e.span() {
                    Some(span) => Error::at_offset(path, text, offset + span.start, message),
                    None => Error::file(path, message),
                }
            })?,
        };
        for key in ["title", "subtitle", "byline"] {
            if front.get(key).is_some_and(|value| !value.is_str()) {
                let message = format!("front matter: {key} must be a string");
                let line_start = text
                    .match_indices('\n')
                    .map(|(i, _)| i + 1)
                    .find(|&i| text[i..].trim_start().starts_with(key));
                return Err(match line_start {
                    Some(i) => Error::at_offset(path, text, i, message),
                    None => Error::file(path, message),
                });
            }
        }
        check_nesting(path, text, text.len() - body.len(), body)?;
        Ok(Article {
            front,
            body: body.to_string(),
        })
    }

    /// A front matter field that is a string.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.front.get(key).and_then(|v| v.as_str())
    }

    /// The article's segments, split into sentences by the rules of `lang`.
    pub fn segments(&self, lang: &str) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut block = 0;
        for kind in [Kind::Title, Kind::Subtitle, Kind::Byline] {
            if let Some(value) = kind.fixed_id().and_then(|key| self.field(key)) {
                let value = value.trim();
                if !value.is_empty() {
                    out.push(Segment {
                        kind,
                        text: value.to_string(),
                        block,
                    });
                    block += 1;
                }
            }
        }
        for b in blocks(&self.body) {
            let ranges = crate::segment::sentences_protected(&b.text, lang, &b.protected);
            for r in ranges {
                out.push(Segment {
                    kind: b.kind,
                    text: b.text[r].to_string(),
                    block,
                });
            }
            block += 1;
        }
        out
    }
}

/// The deepest nesting of Markdown elements (block quotes, lists and their items, emphasis,
/// links…) that an article may have: far more than any article needs, and a bound for every
/// reader and renderer of an article that recurses.
pub const MAX_NESTING: usize = 64;

/// Refuses a body whose Markdown nests deeper than [`MAX_NESTING`], at the element that goes one
/// level too deep; `offset` is where the body starts in `text`. One pass over the parser's
/// events, which pulldown-cmark produces without recursion.
fn check_nesting(path: &Path, text: &str, offset: usize, body: &str) -> Result<()> {
    use pulldown_cmark::{Event, Options, Parser};
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(Error::at_offset(
                        path,
                        text,
                        offset + range.start,
                        format!(
                            "Markdown nests deeper than {MAX_NESTING} levels here (block quotes, \
                             lists or emphasis inside each other): write it flatter"
                        ),
                    ));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Splits `+++` front matter from the body. The front matter comes back with its byte offset.
fn split_front_matter<'a>(
    path: &Path,
    text: &'a str,
) -> Result<(Option<(usize, &'a str)>, &'a str)> {
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() != "+++" {
        return Ok((None, text));
    }
    let start = first_line.len() + 1;
    let mut offset = start;
    for line in text.get(start..).unwrap_or("").split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let body = text.get(offset + line.len()..).unwrap_or("");
            return Ok((Some((start, &text[start..offset])), body));
        }
        offset += line.len();
    }
    Err(Error::at_offset(
        path,
        text,
        0,
        "front matter opened with +++ is never closed (add a +++ line after it)",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Article {
        Article::parse(Path::new("a.md"), text).unwrap()
    }

    #[test]
    fn front_matter_fields_are_segments_but_date_is_not() {
        let a = parse("+++\ntitle = \"Leaders agree\"\nbyline = \"By Jane Doe\"\ndate = 2021-08-17\n+++\n\nBody.\n");
        let segs = a.segments("en");
        let texts: Vec<_> = segs.iter().map(|s| (s.kind, s.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (Kind::Title, "Leaders agree"),
                (Kind::Byline, "By Jane Doe"),
                (Kind::Paragraph, "Body.")
            ]
        );
    }

    #[test]
    fn markdown_nested_too_deeply_is_an_error_where_it_goes_too_deep() {
        let quote = format!("+++\ntitle = \"T\"\n+++\n\n{} deep\n", ">".repeat(10_000));
        let err = Article::parse(Path::new("a.md"), &quote)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("a.md:5:"), "{err}");
        assert!(
            err.contains("Markdown nests deeper than 64 levels"),
            "{err}"
        );
        let list = format!("{}x\n", "- ".repeat(10_000));
        assert!(Article::parse(Path::new("a.md"), &list).is_err());
        let emphasis = format!("{}x{}\n", "*a ".repeat(1_000), " a*".repeat(1_000));
        assert!(Article::parse(Path::new("a.md"), &emphasis).is_err());
        let fine = format!("{} fine\n", ">".repeat(20));
        assert!(Article::parse(Path::new("a.md"), &fine).is_ok());
    }

    #[test]
    fn unclosed_front_matter_is_an_error_at_line_one() {
        let err = Article::parse(Path::new("a.md"), "+++\ntitle = \"x\"\n").unwrap_err();
        assert!(
            err.to_string().starts_with("a.md:1:1: front matter"),
            "{err}"
        );
    }

    #[test]
    fn broken_front_matter_names_line_and_column() {
        let err =
            Article::parse(Path::new("a.md"), "+++\ntitle = \"x\"\nbyline = \n+++\n").unwrap_err();
        assert!(err.to_string().starts_with("a.md:3:"), "{err}");
    }
}
