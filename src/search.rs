//! Concordance: every segment whose English or translation contains a text (or matches a
//! regular expression), with its translations and their states.
//!
//! Files are first searched as they are on disk, which is fast ([`crate::store::sieve`]); only an
//! article whose history or target files may hold a match is parsed, and its segments are matched
//! one by one as a person reads them. Articles are searched in parallel, and their hits come out
//! in the order of the articles.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::article_files::ArticleFiles;
use crate::error::{Error, Result};
use crate::project::Project;
use crate::state::State;
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

    /// The text looked for, as given.
    pub fn text(&self) -> &str {
        &self.text
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
    let (per_article, _) = search_with(
        project,
        query,
        slugs,
        locales,
        |hits: &mut Vec<Hit>, hit| hits.push(hit.to_hit()),
    )?;
    Ok(Search {
        query: query.text.clone(),
        regex: query.regex,
        hits: per_article.into_iter().flatten().collect(),
    })
}

/// A hit as it is found in an article's files, borrowed from them.
#[derive(Debug)]
pub struct HitRef<'f> {
    pub slug: &'f str,
    pub id: &'f str,
    pub source: &'f str,
    /// Where it matched: the source locale and the target locales, in the project's order.
    pub matched: Vec<&'f str>,
    /// Each target locale searched, in the order asked for, with the translation's state and
    /// text.
    pub locales: Vec<(&'f str, State, Option<Cow<'f, str>>)>,
}

impl HitRef<'_> {
    /// The hit as [`search`] gives it.
    pub fn to_hit(&self) -> Hit {
        Hit {
            slug: self.slug.to_string(),
            id: self.id.to_string(),
            source: self.source.to_string(),
            matched: self.matched.iter().map(|m| m.to_string()).collect(),
            locales: self
                .locales
                .iter()
                .map(|(locale, state, translation)| {
                    let found = Found {
                        state: *state,
                        translation: translation.as_deref().map(str::to_string),
                    };
                    (locale.to_string(), found)
                })
                .collect(),
        }
    }
}

/// Like [`search`], for a caller that makes something of each hit as it is found (the text of a
/// report, say) rather than keeping a hundred thousand hits: `each` is given each hit of an
/// article with that article's `T`, and the answer is every article's `T` in order, with the
/// number of hits.
pub fn search_with<T: Default + Send>(
    project: &Project,
    query: &Query,
    slugs: &[String],
    locales: &[String],
    each: impl Fn(&mut T, &HitRef) + Sync,
) -> Result<(Vec<T>, usize)> {
    let per_article: Vec<(T, usize)> = slugs
        .par_iter()
        .map(|slug| {
            let mut out = T::default();
            let mut count = 0;
            article_hits(project, query, slug, locales, |hit| {
                each(&mut out, &hit);
                count += 1;
            })?;
            Ok((out, count))
        })
        .collect::<Result<_>>()?;
    let count = per_article.iter().map(|(_, n)| n).sum();
    Ok((per_article.into_iter().map(|(t, _)| t).collect(), count))
}

fn article_hits(
    project: &Project,
    query: &Query,
    slug: &str,
    locales: &[String],
    mut each: impl FnMut(HitRef),
) -> Result<()> {
    let keep = |locale: Option<&str>, bytes: &[u8]| query.may_match(locale, bytes);
    let Some(files) = ArticleFiles::read_sieved(project, slug, locales, keep)? else {
        return Ok(());
    };
    let source = project.config.source.as_str();
    let history = files.history();
    let mut translations: Vec<Option<Cow<str>>> = Vec::new();
    for (id, english) in history.current() {
        let source_matched = query.matches(english);
        translations.clear();
        translations.extend(files.locales().iter().map(|file| file.target().text(id)));
        let matched_in = |t: &Option<Cow<str>>| t.as_deref().is_some_and(|t| query.matches(t));
        if !source_matched && !translations.iter().any(matched_in) {
            continue;
        }
        let mut matched = Vec::new();
        if source_matched {
            matched.push(source);
        }
        let mut found = Vec::with_capacity(translations.len());
        for (file, translation) in files.locales().iter().zip(translations.drain(..)) {
            if matched_in(&translation) {
                matched.push(file.locale());
            }
            found.push((file.locale(), file.state(history, id), translation));
        }
        each(HitRef {
            slug,
            id,
            source: english,
            matched,
            locales: found,
        });
    }
    Ok(())
}
