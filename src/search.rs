//! Concordance: every segment whose English or translation contains a text (or matches a
//! regular expression), with its translations and their states.
//!
//! Files are first searched as they are on disk, which is fast ([`crate::store::sieve`]); only an
//! article whose history or target files may hold a match is parsed, and its segments are matched
//! one by one as a person reads them. Articles are searched in parallel, and their hits come out
//! in the order of the articles.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::project::Project;
use crate::state::State;
use crate::store::article_files::ArticleFiles;
use crate::store::escape::{self, Piece};
use crate::store::sieve::Sieve;

/// `bitext search --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Search {
    pub query: String,
    pub regex: bool,
    pub hits: Vec<Hit>,
}

/// A segment that matched.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub slug: String,
    pub id: String,
    pub source: String,
    /// Where it matched: the source locale and the target locales, in the project's order.
    pub matched: Vec<String>,
    /// Each locale's translation and state.
    pub locales: BTreeMap<String, Found>,
}

/// A segment's translation in one locale.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    #[serde(serialize_with = "crate::state::name_only")]
    pub state: State,
    pub translation: Option<String>,
}

/// What to look for: `text` as it is (letter case aside), or as a regular expression.
pub struct Query {
    text: String,
    regex: bool,
    pattern: regex::Regex,
    /// The same pattern for files as they are on disk; `None` when it cannot be looked for there
    /// (then every article is parsed).
    sieve: Option<Sieve>,
}

impl Query {
    pub fn new(text: &str, regex: bool) -> Result<Query> {
        if text.trim().is_empty() {
            return Err(Error::Usage("search for what? the text is empty".into()));
        }
        let source = if regex {
            text.to_string()
        } else {
            regex::escape(text)
        };
        let pattern = regex::RegexBuilder::new(&source)
            .case_insensitive(true)
            .size_limit(1 << 22)
            .build()
            .map_err(|e| Error::Usage(format!("--regex {text}: {e}")))?;
        Ok(Query {
            text: text.to_string(),
            regex,
            pattern,
            sieve: Sieve::new(&source, true),
        })
    }

    fn matches(&self, text: &str) -> bool {
        self.pattern.is_match(text)
    }

    /// Whether a file as it is on disk may hold a match: a history (`locale` is `None`) or a
    /// target file.
    fn may_match(&self, locale: Option<&str>, bytes: &[u8]) -> bool {
        match (&self.sieve, locale) {
            (None, _) => true,
            (Some(sieve), None) => sieve.history(bytes),
            (Some(sieve), Some(_)) => sieve.fluent(bytes),
        }
    }
}

/// Searches `slugs` of `project`: their English and their translations into `locales`.
pub fn search(
    project: &Project,
    query: &Query,
    slugs: &[String],
    locales: &[String],
) -> Result<Search> {
    let per_article: Vec<Vec<Hit>> = slugs
        .par_iter()
        .map(|slug| article_hits(project, query, slug, locales))
        .collect::<Result<_>>()?;
    Ok(Search {
        query: query.text.clone(),
        regex: query.regex,
        hits: per_article.into_iter().flatten().collect(),
    })
}

fn article_hits(
    project: &Project,
    query: &Query,
    slug: &str,
    locales: &[String],
) -> Result<Vec<Hit>> {
    let keep = |locale: Option<&str>, bytes: &[u8]| query.may_match(locale, bytes);
    let Some(files) = ArticleFiles::read_sieved(project, slug, locales, keep)? else {
        return Ok(Vec::new());
    };
    let source = &project.config.source;
    let history = files.history();
    let mut hits = Vec::new();
    let mut translations: Vec<Option<std::borrow::Cow<str>>> = Vec::new();
    for (id, english) in history.current() {
        let source_matched = query.matches(english);
        translations.clear();
        translations.extend(
            files
                .locales()
                .iter()
                .map(|file| file.target().value(id).map(text_of)),
        );
        let matched_in =
            |t: &Option<std::borrow::Cow<str>>| t.as_deref().is_some_and(|t| query.matches(t));
        if !source_matched && !translations.iter().any(matched_in) {
            continue;
        }
        let mut matched = Vec::new();
        if source_matched {
            matched.push(source.clone());
        }
        let mut found = BTreeMap::new();
        for (file, translation) in files.locales().iter().zip(translations.drain(..)) {
            if matched_in(&translation) {
                matched.push(file.locale().to_string());
            }
            found.insert(
                file.locale().to_string(),
                Found {
                    state: file.state(history, id),
                    translation: translation.map(std::borrow::Cow::into_owned),
                },
            );
        }
        hits.push(Hit {
            slug: slug.to_string(),
            id: id.to_string(),
            source: english.to_string(),
            matched,
            locales: found,
        });
    }
    Ok(hits)
}

/// The text of a value as a person reads it ([`escape::display`]), without a copy for plain text.
fn text_of(pieces: &[Piece]) -> std::borrow::Cow<'_, str> {
    match pieces {
        [Piece::Text(text)] => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(escape::display(pieces)),
    }
}
