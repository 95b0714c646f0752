//! One article in every locale: which translation each segment shows, formatted through
//! fluent-bundle, and whether the locale's article may be published at all.

use std::collections::HashMap;

use fluent_bundle::{FluentBundle, FluentResource};
use unic_langid::LanguageIdentifier;

use super::{Counts, Fallback, Options, Outcome, Prepared};
use crate::article::{runs, Article, Kind, RunContent};
use crate::error::Result;
use crate::project::Project;
use crate::state::State;
use crate::store::article_files::{ArticleFiles, Source};
use crate::store::read_text_if_exists;

/// One segment as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// Inline Markdown, on one line.
    pub text: String,
    /// The source locale, when the segment is shown untranslated as a fallback.
    pub fallback: Option<String>,
}

/// An article's segments in one locale, grouped the way the article shows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Localized {
    pub title: Vec<Shown>,
    pub subtitle: Vec<Shown>,
    pub byline: Vec<Shown>,
    /// Each body block's segments, in the order of the runs' blocks.
    pub blocks: Vec<Vec<Shown>>,
    pub counts: Counts,
}

/// Each locale's glossary (`locales/<lc>/glossary.ftl`), parsed once for every article.
pub struct Glossaries {
    resources: HashMap<String, FluentResource>,
}

impl Glossaries {
    pub fn load(project: &Project) -> Result<Glossaries> {
        let mut resources = HashMap::new();
        let locales = std::iter::once(&project.config.source).chain(&project.config.targets);
        for locale in locales {
            if let Some(file) = read_text_if_exists(&project.glossary_path(locale))? {
                let resource = FluentResource::try_new(file.text).unwrap_or_else(|(r, _)| r);
                resources.insert(locale.clone(), resource);
            }
        }
        Ok(Glossaries { resources })
    }
}

/// The translations of one locale's file, formatted with the locale's glossary terms.
struct Formatter<'a> {
    bundle: FluentBundle<&'a FluentResource>,
}

impl<'a> Formatter<'a> {
    fn new(
        locale: &str,
        resource: &'a FluentResource,
        glossary: Option<&'a FluentResource>,
    ) -> Formatter<'a> {
        let lang: LanguageIdentifier = locale.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![lang]);
        bundle.set_use_isolating(false);
        // A message defined twice keeps its first definition, as `bitext check` reports.
        let _ = bundle.add_resource(resource);
        if let Some(glossary) = glossary {
            let _ = bundle.add_resource(glossary);
        }
        Formatter { bundle }
    }

    /// The formatted value of message `id`: `None` when there is no such message or value,
    /// `Some(Err)` when formatting it failed.
    fn format(&self, id: &str) -> Option<Result<String, String>> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, None, &mut errors);
        if let Some(error) = errors.first() {
            return Some(Err(error.to_string()));
        }
        // A page's segment is one line: a line break in a translation is a space.
        Some(Ok(text.replace(['\n', '\r'], " ")))
    }
}

/// Reads an article, its history and its translations, and decides each locale's page.
pub fn prepare(
    project: &Project,
    slug: &str,
    glossaries: &Glossaries,
    options: &Options,
) -> Result<Prepared> {
    let source = &project.config.source;
    let all: Vec<String> = std::iter::once(source.clone())
        .chain(project.config.targets.iter().cloned())
        .collect();
    let refuse_all = |reason: String| Prepared {
        slug: slug.to_string(),
        article: None,
        locales: all
            .iter()
            .map(|l| (l.clone(), Outcome::Refused(reason.clone())))
            .collect(),
        warnings: Vec::new(),
        modified: None,
        signed: Default::default(),
    };
    let rel_article = project.rel(&project.article_path(slug));
    let mut files = ArticleFiles::read(project, slug, &project.config.targets)?;
    files.read_journals()?;
    let signed: std::collections::BTreeMap<String, String> = files
        .locales()
        .iter()
        .filter_map(|f| {
            let date = f
                .journal()?
                .entries
                .iter()
                .filter_map(|e| e.date.clone())
                .max()?;
            Some((f.locale().to_string(), date))
        })
        .collect();
    let history = files.history();
    let text = match files.source()? {
        Source::Missing => {
            return Ok(refuse_all(format!(
                "{} does not exist",
                rel_article.display()
            )))
        }
        _ if history.latest().is_none() => {
            return Ok(refuse_all(format!(
                "{} was never synced (run `bitext sync {slug}`)",
                rel_article.display()
            )))
        }
        Source::Edited(_) => {
            return Ok(refuse_all(format!(
                "{} was edited since the last sync (run `bitext sync {slug}`)",
                rel_article.display()
            )))
        }
        Source::Synced(text) => text,
    };
    let article = Article::parse(&rel_article, &text)?;
    if article.field("title").is_none_or(|t| t.trim().is_empty()) {
        return Ok(refuse_all(format!(
            "{} has no title: a page needs a headline (`title = \"…\"` in the front matter)",
            rel_article.display()
        )));
    }
    let segments = article.segments(source);
    let current = history.current();
    let same = segments.len() == current.len()
        && segments
            .iter()
            .zip(&current)
            .all(|(s, (_, text))| s.text == *text);
    if !same {
        return Ok(refuse_all(format!(
            "the segments of {} differ from the last sync (run `bitext sync {slug}`)",
            rel_article.display()
        )));
    }
    let runs = runs(&article.body);
    let ids: Vec<&str> = current.iter().map(|(id, _)| *id).collect();
    // The first body block's index: the front matter fields come first.
    let front_blocks = segments
        .iter()
        .filter(|s| matches!(s.kind, Kind::Title | Kind::Subtitle | Kind::Byline))
        .count();
    let body_blocks: usize = runs
        .iter()
        .map(|r| match &r.content {
            RunContent::Text(b) => usize::from(b.is_some()),
            RunContent::Images(images) => images
                .iter()
                .map(|i| usize::from(i.caption.is_some()) + usize::from(i.credit.is_some()))
                .sum(),
        })
        .sum();

    let mut warnings = Vec::new();
    // The source text of every segment, as the history recorded it at the last sync: the
    // source locale's file is only a rendering of it, and a hand edit there publishes nothing.
    let source_texts: Vec<String> = current.iter().map(|(_, text)| text.to_string()).collect();

    let mut locales = Vec::new();
    for locale in &all {
        let mut shown: Vec<Option<Shown>> = Vec::with_capacity(ids.len());
        let mut counts = Counts {
            segments: ids.len(),
            ..Counts::default()
        };
        let mut title_missing = false;
        if locale == source {
            counts.current = ids.len();
            shown.extend(source_texts.iter().map(|t| {
                Some(Shown {
                    text: t.clone(),
                    fallback: None,
                })
            }));
        } else {
            let Some(file) = files.locale(locale) else {
                continue;
            };
            let path = file.path();
            for error in file.errors(project) {
                warnings.push(format!(
                    "{}; what it holds is shown as untranslated",
                    error.to_string().lines().next().unwrap_or_default()
                ));
            }
            let states = file.states(history, &current);
            let resource = FluentResource::try_new(file.text().to_string())
                .unwrap_or_else(|(resource, _)| resource);
            let formatter = Formatter::new(locale, &resource, glossaries.resources.get(locale));
            for ((state, id), source_text) in states.iter().zip(&ids).zip(&source_texts) {
                let mut translated = match state {
                    State::Missing => None,
                    _ => match formatter.format(id) {
                        Some(Ok(text)) if !text.trim().is_empty() => Some(text),
                        Some(Err(problem)) => {
                            warnings.push(format!(
                                "{}: {id}: {problem}; shown as untranslated",
                                project.rel(path).display()
                            ));
                            None
                        }
                        _ => None,
                    },
                };
                match (&translated, *state) {
                    (None, _) => counts.missing += 1,
                    (Some(_), State::Current) => {
                        counts.current += 1;
                        counts.approved += usize::from(file.approved(history, id).is_some());
                    }
                    (Some(_), state) if state.is_stale() => counts.stale += 1,
                    (Some(_), _) => counts.unreviewed += 1,
                }
                if translated.is_none() && *id == "title" {
                    title_missing = true;
                }
                shown.push(match translated.take() {
                    Some(text) => Some(Shown {
                        text,
                        fallback: None,
                    }),
                    None if options.fallback == Fallback::Source => {
                        counts.fallback += 1;
                        Some(Shown {
                            text: source_text.clone(),
                            fallback: Some(source.clone()),
                        })
                    }
                    None => {
                        counts.omitted += 1;
                        None
                    }
                });
            }
        }
        let outcome = if title_missing {
            Outcome::Refused("the title has no translation".to_string())
        } else if options.fallback == Fallback::Fail && counts.missing > 0 {
            Outcome::Refused(format!(
                "{} without a translation (--fallback fail)",
                crate::publish::plural(counts.missing, "segment", "segments")
            ))
        } else if options
            .min_current
            .is_some_and(|pct| counts.percent_current() < pct)
        {
            Outcome::Refused(format!(
                "{:.2}% current, under --min-current {}",
                counts.percent_current(),
                options.min_current.unwrap_or_default()
            ))
        } else if locale != source
            && options
                .min_approved
                .is_some_and(|pct| counts.percent_approved() < pct)
        {
            Outcome::Refused(format!(
                "{:.2}% approved, under --min-approved {}",
                counts.percent_approved(),
                options.min_approved.unwrap_or_default()
            ))
        } else {
            let mut localized = Localized {
                blocks: vec![Vec::new(); body_blocks],
                counts,
                ..Localized::default()
            };
            for (segment, shown) in segments.iter().zip(shown) {
                let Some(shown) = shown else { continue };
                match segment.kind {
                    Kind::Title => localized.title.push(shown),
                    Kind::Subtitle => localized.subtitle.push(shown),
                    Kind::Byline => localized.byline.push(shown),
                    _ => {
                        if let Some(block) = segment
                            .block
                            .checked_sub(front_blocks)
                            .and_then(|b| localized.blocks.get_mut(b))
                        {
                            block.push(shown);
                        }
                    }
                }
            }
            Outcome::Published(localized)
        };
        locales.push((locale.clone(), outcome));
    }
    Ok(Prepared {
        slug: slug.to_string(),
        article: Some((article, runs)),
        locales,
        warnings,
        modified: history.latest().map(|r| r.date.clone()),
        signed,
    })
}
