//! One article in every locale: which translation each segment shows, formatted through
//! fluent-bundle, and whether the locale's article may be published at all.

use std::collections::HashMap;

use fluent_bundle::{FluentBundle, FluentResource};
use unic_langid::LanguageIdentifier;

use super::{Counts, Fallback, Options, Outcome, Prepared};
use crate::article::{runs, Article, Kind, RunContent};
use crate::article_files::{ArticleFiles, Source};
use crate::error::Result;
use crate::project::Project;
use crate::state::State;
use crate::store::ftl;
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
                let text = ftl::guarded(&file.text).into_owned();
                let resource = FluentResource::try_new(text).unwrap_or_else(|(r, _)| r);
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
    let mut files = ArticleFiles::read(project, slug, &project.config.targets)?;
    files.read_journals()?;
    let signed = last_signoffs(&files);
    let history = files.history();
    let (article, segments) = match synced_article(&files) {
        Ok(Ok(found)) => found,
        Ok(Err(reason)) => return Ok(refuse_all(reason)),
        Err(e) => return Err(e),
    };
    let current = history.current();
    let runs = runs(&article.body);
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
    let layout = Layout {
        segments: &segments,
        front_blocks,
        body_blocks,
    };
    let mut locales = Vec::new();
    for locale in &all {
        let shown = if locale == source {
            Shown::source(&source_texts)
        } else {
            let Some(file) = files.locale(locale) else {
                continue;
            };
            let shown = shown_in(project, &files, file, glossaries, options, &source_texts);
            warnings.extend(shown.warnings.iter().cloned());
            shown
        };
        let outcome = match refusal(&shown, options, locale == source) {
            Some(reason) => Outcome::Refused(reason),
            None => Outcome::Published(layout.arrange(shown)),
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

/// Each target locale's last sign-off (RFC 3339), from the journals of `files`.
fn last_signoffs(files: &ArticleFiles) -> std::collections::BTreeMap<String, String> {
    files
        .locales()
        .iter()
        .filter_map(|f| {
            // A verdict changes no word of the page: only sign-offs date it.
            let date = f
                .journal()?
                .entries
                .iter()
                .filter(|e| e.action.is_sign())
                .filter_map(|e| e.date.clone())
                .max()?;
            Some((f.locale().to_string(), date))
        })
        .collect()
}

/// The article of `files` and its segments, when it is what the last sync read and has a title;
/// else why no page of it is published.
fn synced_article(
    files: &ArticleFiles,
) -> Result<Result<(Article, Vec<crate::article::Segment>), String>> {
    let project = files.project();
    let slug = files.slug();
    let history = files.history();
    let rel_article = project.rel(&project.article_path(slug));
    let text = match files.source()? {
        Source::Missing => return Ok(Err(format!("{} does not exist", rel_article.display()))),
        _ if history.latest().is_none() => {
            return Ok(Err(format!(
                "{} was never synced (run `bitext sync {slug}`)",
                rel_article.display()
            )))
        }
        Source::Edited(_) => {
            return Ok(Err(format!(
                "{} was edited since the last sync (run `bitext sync {slug}`)",
                rel_article.display()
            )))
        }
        Source::Synced(text) => text,
    };
    let article = Article::parse(&rel_article, &text)?;
    if article.field("title").is_none_or(|t| t.trim().is_empty()) {
        return Ok(Err(format!(
            "{} has no title: a page needs a headline (`title = \"…\"` in the front matter)",
            rel_article.display()
        )));
    }
    let segments = article.segments(&project.config.source);
    let current = history.current();
    let same = segments.len() == current.len()
        && segments
            .iter()
            .zip(&current)
            .all(|(s, (_, text))| s.text == *text);
    if !same {
        return Ok(Err(format!(
            "the segments of {} differ from the last sync (run `bitext sync {slug}`)",
            rel_article.display()
        )));
    }
    Ok(Ok((article, segments)))
}

/// Where an article's segments go on a page: which are front matter, and how many body blocks.
struct Layout<'a> {
    segments: &'a [crate::article::Segment],
    front_blocks: usize,
    body_blocks: usize,
}

impl Layout<'_> {
    /// The segments a locale shows, grouped the way the article shows them.
    fn arrange(&self, shown: ShownLocale) -> Localized {
        let mut localized = Localized {
            blocks: vec![Vec::new(); self.body_blocks],
            counts: shown.counts,
            ..Localized::default()
        };
        for (segment, shown) in self.segments.iter().zip(shown.segments) {
            let Some(shown) = shown else { continue };
            match segment.kind {
                Kind::Title => localized.title.push(shown),
                Kind::Subtitle => localized.subtitle.push(shown),
                Kind::Byline => localized.byline.push(shown),
                _ => {
                    if let Some(block) = segment
                        .block
                        .checked_sub(self.front_blocks)
                        .and_then(|b| localized.blocks.get_mut(b))
                    {
                        block.push(shown);
                    }
                }
            }
        }
        localized
    }
}

/// What one locale shows of an article: each segment (or none, left out), the counts, and what
/// went wrong on the way.
struct ShownLocale {
    segments: Vec<Option<Shown>>,
    counts: Counts,
    title_missing: bool,
    warnings: Vec<String>,
}

impl Shown {
    /// The source locale: every segment as the history has it.
    fn source(texts: &[String]) -> ShownLocale {
        ShownLocale {
            segments: texts
                .iter()
                .map(|t| {
                    Some(Shown {
                        text: t.clone(),
                        fallback: None,
                    })
                })
                .collect(),
            counts: Counts {
                segments: texts.len(),
                current: texts.len(),
                ..Counts::default()
            },
            title_missing: false,
            warnings: Vec::new(),
        }
    }
}

/// What the target file `file` shows of the article: each translation formatted through
/// fluent-bundle, or the English as a fallback (or nothing), as `options` says.
fn shown_in(
    project: &Project,
    files: &ArticleFiles,
    file: &crate::article_files::LocaleFile,
    glossaries: &Glossaries,
    options: &Options,
    source_texts: &[String],
) -> ShownLocale {
    let history = files.history();
    let current = history.current();
    let source = &project.config.source;
    let locale = file.locale();
    let mut out = ShownLocale {
        segments: Vec::with_capacity(current.len()),
        counts: Counts {
            segments: current.len(),
            ..Counts::default()
        },
        title_missing: false,
        warnings: file
            .errors(project)
            .iter()
            .map(|error| {
                format!(
                    "{}; what it holds is shown as untranslated",
                    error.to_string().lines().next().unwrap_or_default()
                )
            })
            .collect(),
    };
    // fluent-bundle parses the file again: without its junk, which may be nested too deep.
    let text = crate::store::ftl::without_junk(file.text(), &file.target().file).into_owned();
    let resource = FluentResource::try_new(text).unwrap_or_else(|(resource, _)| resource);
    let formatter = Formatter::new(locale, &resource, glossaries.resources.get(locale));
    let counts = &mut out.counts;
    for ((id, _), source_text) in current.iter().zip(source_texts) {
        let state = file.state(history, id);
        let translated = match state {
            State::Missing => None,
            _ => match formatter.format(id) {
                Some(Ok(text)) if !text.trim().is_empty() => Some(text),
                Some(Err(problem)) => {
                    out.warnings.push(format!(
                        "{}: {id}: {problem}; shown as untranslated",
                        project.rel(file.path()).display()
                    ));
                    None
                }
                _ => None,
            },
        };
        match (&translated, state) {
            (None, _) => counts.missing += 1,
            (Some(_), State::Current) => {
                counts.current += 1;
                counts.approved += usize::from(file.approved_in(state, id).is_some());
            }
            (Some(_), state) if state.is_stale() => counts.stale += 1,
            (Some(_), _) => counts.unreviewed += 1,
        }
        if translated.is_none() && *id == "title" {
            out.title_missing = true;
        }
        out.segments.push(match translated {
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
    out
}

/// Why a locale's page is refused, if it is: an untranslated title, a missing segment with
/// `--fallback fail`, or less current or approved than asked.
fn refusal(shown: &ShownLocale, options: &Options, is_source: bool) -> Option<String> {
    let counts = &shown.counts;
    if shown.title_missing {
        return Some("the title has no translation".to_string());
    }
    if options.fallback == Fallback::Fail && counts.missing > 0 {
        return Some(format!(
            "{} without a translation (--fallback fail)",
            crate::publish::plural(counts.missing, "segment", "segments")
        ));
    }
    if let Some(pct) = options
        .min_current
        .filter(|pct| counts.percent_current() < *pct)
    {
        return Some(format!(
            "{:.2}% current, under --min-current {pct}",
            counts.percent_current()
        ));
    }
    if let Some(pct) = options
        .min_approved
        .filter(|pct| !is_source && counts.percent_approved() < *pct)
    {
        return Some(format!(
            "{:.2}% approved, under --min-approved {pct}",
            counts.percent_approved()
        ));
    }
    None
}
