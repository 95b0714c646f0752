//! Concordance: every segment whose English or translation contains a text (or matches a
//! regular expression), with its translations and their states.
//!
//! Files are first searched as they are on disk, which is fast; only an article whose files
//! hold a match is read and parsed, and its segments are matched one by one as a person reads
//! them.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::project::Project;
use crate::state::State;
use crate::store::article_files::ArticleFiles;
use crate::store::read_text_if_exists;

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
    raw: regex::bytes::Regex,
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
        // On disk, a translation's text may be escaped for Fluent; a plain text is looked for
        // word by word there, and a regular expression as it is (a sieve: the match that counts
        // is on the text as read).
        let raw_source = if regex {
            source.clone()
        } else {
            text.split_whitespace()
                .max_by_key(|w| w.len())
                .map(regex::escape)
                .unwrap_or_default()
        };
        let raw = regex::bytes::RegexBuilder::new(&raw_source)
            .case_insensitive(true)
            .unicode(true)
            .size_limit(1 << 22)
            .build()
            .map_err(|e| Error::Usage(format!("--regex {text}: {e}")))?;
        Ok(Query {
            text: text.to_string(),
            regex,
            pattern,
            raw,
        })
    }

    fn matches(&self, text: &str) -> bool {
        self.pattern.is_match(text)
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
    let source = &project.config.source;
    let mut candidate = false;
    for locale in std::iter::once(source).chain(locales) {
        if let Some(file) = read_text_if_exists(&project.locale_path(locale, slug))? {
            if query.raw.is_match(file.text.as_bytes()) {
                candidate = true;
                break;
            }
        }
    }
    if !candidate {
        return Ok(Vec::new());
    }
    let files = ArticleFiles::read(project, slug, locales)?;
    let history = files.history();
    let mut hits = Vec::new();
    for (id, english) in history.current() {
        let mut matched = Vec::new();
        if query.matches(english) {
            matched.push(source.clone());
        }
        let mut found = BTreeMap::new();
        for file in files.locales() {
            let translation = file.translation(id).map(|t| t.text());
            if translation.as_deref().is_some_and(|t| query.matches(t)) {
                matched.push(file.locale().to_string());
            }
            found.insert(
                file.locale().to_string(),
                Found {
                    state: file.state(history, id),
                    translation,
                },
            );
        }
        if !matched.is_empty() {
            hits.push(Hit {
                slug: slug.to_string(),
                id: id.to_string(),
                source: english.to_string(),
                matched,
                locales: found,
            });
        }
    }
    Ok(hits)
}
