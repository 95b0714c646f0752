//! Coverage: the state of every segment in every locale, counted per article and in total.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::change::Class;
use crate::error::{Error, Result};
use crate::history::History;
use crate::project::Project;
use crate::state::{state_of, State};
use crate::store::ftl;
use crate::store::read_text_if_exists;
use crate::store::target::{self, Translation};

/// `bitext status --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub source: String,
    pub articles: Vec<ArticleStatus>,
    pub totals: BTreeMap<String, Totals>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleStatus {
    pub slug: String,
    pub revision: u32,
    pub segments: usize,
    pub words: usize,
    pub locales: BTreeMap<String, Counts>,
    /// Fluent syntax errors in the target files, as `file:line:column: explanation`.
    #[serde(skip)]
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Counts {
    pub current: usize,
    pub stale: usize,
    pub stale_minor: usize,
    pub unreviewed: usize,
    pub missing: usize,
    pub obsolete: usize,
    pub errors: usize,
    pub words_current: usize,
    pub percent_current: f64,
    pub percent_translated: f64,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Totals {
    pub segments: usize,
    pub current: usize,
    pub stale: usize,
    pub stale_minor: usize,
    pub unreviewed: usize,
    pub missing: usize,
    pub obsolete: usize,
    pub errors: usize,
    pub words: usize,
    pub words_current: usize,
    pub percent_current: f64,
    pub percent_translated: f64,
}

impl Totals {
    /// The counts part of the totals.
    pub fn counts(&self) -> Counts {
        Counts {
            current: self.current,
            stale: self.stale,
            stale_minor: self.stale_minor,
            unreviewed: self.unreviewed,
            missing: self.missing,
            obsolete: self.obsolete,
            errors: self.errors,
            words_current: self.words_current,
            percent_current: self.percent_current,
            percent_translated: self.percent_translated,
        }
    }
}

/// The state of each of `current` (an article's current segments, id and text, in order) in a
/// target file whose translations are `translations`.
pub fn segment_states(
    history: &History,
    current: &[(&str, &str)],
    translations: &HashMap<&str, Translation>,
) -> Vec<State> {
    let now = history.number();
    current
        .iter()
        .map(|&(id, _)| {
            let t = translations.get(id);
            match history.segment(id) {
                Some(segment) => state_of(
                    segment,
                    now,
                    t.is_some(),
                    t.and_then(|t| t.signoff.as_ref()),
                ),
                None => State::Missing,
            }
        })
        .collect()
}

/// Words of a source segment, at Unicode word boundaries, link destinations left out.
pub fn count_words(text: &str) -> usize {
    if !text.contains("](") {
        return text.unicode_words().count();
    }
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        plain.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        rest = after.find(')').map_or("", |j| &after[j + 1..]);
    }
    plain.push_str(rest);
    plain.unicode_words().count()
}

/// `part` of `whole` in percent, rounded to two decimals; 100 for an empty article.
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 100.0;
    }
    (part as f64 * 10_000.0 / whole as f64).round() / 100.0
}

/// The status of `slugs` in `locales` of `project`.
pub fn status(project: &Project, slugs: &[String], locales: &[String]) -> Result<Status> {
    status_with_progress(project, slugs, locales, &|| {})
}

/// [`status`], calling `done` after each article (for a progress display).
pub fn status_with_progress(
    project: &Project,
    slugs: &[String],
    locales: &[String],
    done: &(dyn Fn() + Sync),
) -> Result<Status> {
    let articles: Vec<ArticleStatus> = slugs
        .par_iter()
        .map(|slug| {
            let status = article_status(project, slug, locales);
            done();
            status
        })
        .collect::<Result<_>>()?;
    let mut totals: BTreeMap<String, Totals> = BTreeMap::new();
    for locale in locales {
        let t = totals.entry(locale.clone()).or_default();
        for a in &articles {
            t.segments += a.segments;
            t.words += a.words;
            if let Some(c) = a.locales.get(locale) {
                t.current += c.current;
                t.stale += c.stale;
                t.stale_minor += c.stale_minor;
                t.unreviewed += c.unreviewed;
                t.missing += c.missing;
                t.obsolete += c.obsolete;
                t.errors += c.errors;
                t.words_current += c.words_current;
            }
        }
        t.percent_current = percent(t.current, t.segments);
        t.percent_translated = percent(t.current + t.stale + t.unreviewed, t.segments);
    }
    Ok(Status {
        source: project.config.source.clone(),
        articles,
        totals,
    })
}

fn article_status(project: &Project, slug: &str, locales: &[String]) -> Result<ArticleStatus> {
    let path = project.history_path(slug);
    let history = History::load(&path, &project.rel(&path))?;
    let mut locale_counts = BTreeMap::new();
    let current = history.current();
    let segment_words: Vec<usize> = current.iter().map(|(_, text)| count_words(text)).collect();
    let segments = current.len();
    let words = segment_words.iter().sum();
    let ids: HashSet<&str> = current.iter().map(|(id, _)| *id).collect();
    let mut problems = Vec::new();
    for locale in locales {
        let path = project.locale_path(locale, slug);
        let text = read_text_if_exists(&path)?.unwrap_or_default().text;
        let file = ftl::parse(&text);
        for (offset, message) in file.errors() {
            problems
                .push(Error::at_offset(&project.rel(&path), &text, offset, message).to_string());
        }
        let translations = target::translations(&file);
        let states = segment_states(&history, &current, &translations);
        let obsolete = translations.keys().filter(|id| !ids.contains(*id)).count();
        let mut c = Counts {
            obsolete,
            errors: file.errors().count(),
            ..Counts::default()
        };
        for (state, words) in states.iter().zip(&segment_words) {
            match *state {
                State::Current => {
                    c.current += 1;
                    c.words_current += words;
                }
                State::Stale { class, .. } => {
                    c.stale += 1;
                    c.stale_minor += usize::from(class == Class::Minor);
                }
                State::Unreviewed => c.unreviewed += 1,
                State::Missing => c.missing += 1,
            }
        }
        c.percent_current = percent(c.current, segments);
        c.percent_translated = percent(c.current + c.stale + c.unreviewed, segments);
        locale_counts.insert(locale.clone(), c);
    }
    Ok(ArticleStatus {
        slug: slug.to_string(),
        revision: history.number(),
        segments,
        words,
        locales: locale_counts,
        problems,
    })
}
