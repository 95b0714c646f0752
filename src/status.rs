//! Coverage: the state of every segment in every locale, counted per article and in total.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::article_files::ArticleFiles;
use crate::change::Class;
use crate::error::Result;
use crate::project::Project;
use crate::state::State;

/// `bitext status --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub source: String,
    pub articles: Vec<ArticleStatus>,
    pub totals: BTreeMap<String, Totals>,
    /// Files under `articles/` that are not taken for articles (their names are not slugs).
    pub skipped: Vec<crate::project::Skipped>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleStatus {
    pub slug: String,
    pub revision: u32,
    pub segments: usize,
    pub words: usize,
    pub locales: BTreeMap<String, Counts>,
    /// What a reader should know, for stderr: Fluent syntax errors in the target files (as
    /// `syntax error: file:line:column: explanation`), merge conflicts, an article edited since
    /// the last sync.
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
    /// Words in the English of the segments that are not current: the work left.
    pub words_todo: usize,
    pub percent_current: f64,
    pub percent_translated: f64,
    /// Current translations a reviewer approved.
    pub approved: usize,
    /// Translations a reviewer sent back (counted in `stale` too).
    pub rejected: usize,
    pub percent_approved: f64,
    /// Translations a git merge found changed on both branches (unreviewed until resolved).
    pub conflicts: usize,
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
    /// Words in the English of the segments that are not current: the work left.
    pub words_todo: usize,
    pub percent_current: f64,
    pub percent_translated: f64,
    /// Current translations a reviewer approved.
    pub approved: usize,
    /// Translations a reviewer sent back (counted in `stale` too).
    pub rejected: usize,
    pub percent_approved: f64,
    /// Translations a git merge found changed on both branches (unreviewed until resolved).
    pub conflicts: usize,
}

impl Counts {
    /// Counts one segment in `state` with `words` words of English.
    pub fn count(&mut self, state: State, words: usize) {
        match state {
            State::Current => {
                self.current += 1;
                self.words_current += words;
                return;
            }
            State::Stale { class, .. } => {
                self.stale += 1;
                self.stale_minor += usize::from(class == Class::Minor);
            }
            State::Rejected { .. } => {
                self.stale += 1;
                self.rejected += 1;
            }
            State::Unreviewed => self.unreviewed += 1,
            State::Missing => self.missing += 1,
        }
        self.words_todo += words;
    }
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
            words_todo: self.words_todo,
            percent_current: self.percent_current,
            percent_translated: self.percent_translated,
            approved: self.approved,
            rejected: self.rejected,
            percent_approved: self.percent_approved,
            conflicts: self.conflicts,
        }
    }
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
    Status::of(project, articles, locales)
}

impl Status {
    /// The status of `articles`, counted in `locales`, with the totals of each locale and the
    /// files under `articles/` that are skipped.
    pub fn of(
        project: &Project,
        articles: Vec<ArticleStatus>,
        locales: &[String],
    ) -> Result<Status> {
        let mut status = Status::counted(project, articles, locales);
        status.skipped = project.skipped_articles()?;
        Ok(status)
    }

    /// [`Status::of`] without looking for skipped files (`skipped` is empty).
    pub fn counted(project: &Project, articles: Vec<ArticleStatus>, locales: &[String]) -> Status {
        let mut totals: BTreeMap<String, Totals> = BTreeMap::new();
        for locale in locales {
            let t = totals.entry(locale.clone()).or_default();
            for a in &articles {
                t.add(a, locale);
            }
            t.percent_current = percent(t.current, t.segments);
            t.percent_translated = percent(t.current + t.stale + t.unreviewed, t.segments);
            t.percent_approved = percent(t.approved, t.segments);
        }
        Status {
            source: project.config.source.clone(),
            articles,
            totals,
            skipped: Vec::new(),
        }
    }
}

impl Totals {
    /// Adds `article`'s segments and its counts in `locale`.
    fn add(&mut self, article: &ArticleStatus, locale: &str) {
        self.segments += article.segments;
        self.words += article.words;
        if let Some(c) = article.locales.get(locale) {
            self.current += c.current;
            self.stale += c.stale;
            self.stale_minor += c.stale_minor;
            self.unreviewed += c.unreviewed;
            self.missing += c.missing;
            self.obsolete += c.obsolete;
            self.errors += c.errors;
            self.words_current += c.words_current;
            self.words_todo += c.words_todo;
            self.approved += c.approved;
            self.rejected += c.rejected;
            self.conflicts += c.conflicts;
        }
    }
}

/// The status of one article in `locales`: what [`status`] counts for each of its articles.
pub fn article_status(project: &Project, slug: &str, locales: &[String]) -> Result<ArticleStatus> {
    let files = ArticleFiles::read(project, slug, locales)?;
    let history = files.history();
    let current = history.current();
    let segment_words: Vec<usize> = current.iter().map(|(_, text)| count_words(text)).collect();
    let segments = current.len();
    let mut problems = Vec::new();
    if files.edited_since_sync()? {
        problems.push(files.edited_warning());
    }
    let mut locale_counts = BTreeMap::new();
    for file in files.locales() {
        let errors = file.errors(project);
        let mut c = Counts {
            obsolete: file.obsolete(&current),
            errors: errors.len(),
            ..Counts::default()
        };
        problems.extend(errors.iter().map(|e| format!("syntax error: {e}")));
        for ((id, _), words) in current.iter().zip(&segment_words) {
            let state = file.state(history, id);
            c.count(state, *words);
            c.approved += usize::from(file.approved_in(state, id).is_some());
            if let Some(other) = file.target().marks(id).and_then(|m| m.conflict.as_ref()) {
                c.conflicts += 1;
                problems.push(format!(
                    "{}: {id}: a git merge kept two translations; the other one is \"{other}\"",
                    project.rel(file.path()).display()
                ));
            }
        }
        c.percent_current = percent(c.current, segments);
        c.percent_translated = percent(c.current + c.stale + c.unreviewed, segments);
        c.percent_approved = percent(c.approved, segments);
        locale_counts.insert(file.locale().to_string(), c);
    }
    Ok(ArticleStatus {
        slug: slug.to_string(),
        revision: history.number(),
        segments,
        words: segment_words.iter().sum(),
        locales: locale_counts,
        problems,
    })
}
