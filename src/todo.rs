//! What a translator must work on in one locale: the missing, stale and unreviewed segments, in
//! document order, each with its English and, for a stale one, the English it was translated from
//! and the word diff from that to the English now, and for a missing or stale one the best
//! translation-memory matches.

use std::collections::HashSet;

use rayon::prelude::*;
use serde::Serialize;

use crate::article_files::ArticleFiles;
use crate::change::Class;
use crate::diff::{self, Op};
use crate::error::Result;
use crate::project::Project;
use crate::state::{State, Verdict};
use crate::status::count_words;
use crate::tm::{Match, Memory};

/// `bitext todo --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Todo {
    pub locale: String,
    pub items: Vec<Item>,
    pub totals: Totals,
    /// What the reader should know (an article edited since the last sync), for stderr.
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// One segment to work on. Every field is always there, `null` where it does not apply.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub slug: String,
    pub id: String,
    /// `missing`, `stale` or `unreviewed`.
    #[serde(serialize_with = "crate::state::name_only")]
    pub state: State,
    /// For a stale segment: `minor` when every source change since the sign-off was minor.
    pub class: Option<Class>,
    /// The source text now.
    pub source: String,
    /// The article's source revision now; a translation written for `source` is signed off
    /// against it.
    pub revision: u32,
    /// For a stale segment: the revision the translation was signed off against.
    pub signed: Option<u32>,
    /// For a stale segment: the English the translation was made for.
    pub previous: Option<String>,
    /// For a stale segment: the word diff from `previous` to `source`.
    pub diff: Option<Vec<Op>>,
    /// The translation there is now (stale or unreviewed).
    pub translation: Option<String>,
    /// Who signed the translation off, when it was recorded.
    pub translator: Option<String>,
    /// For a rejected translation: the reviewer and the note.
    pub rejected: Option<Rejection>,
    /// For a missing one whose message in the file is not valid Fluent: where and why.
    pub broken: Option<String>,
    /// Words in the source text.
    pub words: usize,
    /// For a missing or stale segment: the best translations of the same or similar English
    /// elsewhere in the project, best first (empty without a memory).
    pub matches: Vec<Match>,
}

/// A reviewer's rejection of a translation.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Rejection {
    pub by: String,
    pub note: String,
}

/// Which segments a todo lists: by state (`missing`, `stale`, `rejected`, `unreviewed`,
/// `current`; none given: every one that is not current) and by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub states: Vec<String>,
    pub ids: Vec<String>,
}

/// The state names a filter takes.
pub const STATE_NAMES: [&str; 5] = ["missing", "stale", "rejected", "unreviewed", "current"];

impl Filter {
    /// Whether segment `id` in `state` is listed.
    pub fn keeps(&self, id: &str, state: State) -> bool {
        let by_state = if self.states.is_empty() {
            !state.is_current()
        } else {
            self.states.iter().any(|s| state.matches_name(s))
        };
        by_state && (self.ids.is_empty() || self.ids.iter().any(|i| i == id))
    }
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Totals {
    pub articles: usize,
    pub segments: usize,
    pub missing: usize,
    pub stale: usize,
    pub stale_minor: usize,
    /// Rejected segments (counted in `stale` too).
    pub rejected: usize,
    pub unreviewed: usize,
    /// Current segments (only when the filter asks for them).
    pub current: usize,
    pub words: usize,
}

/// How many memory matches an item offers at most.
pub const MATCHES: usize = 3;

/// The work left in `locale` for `slugs`, in the order of `slugs`, with the best matches of
/// `memory` (the locale's translation memory) for the missing and stale segments.
pub fn todo(
    project: &Project,
    locale: &str,
    slugs: &[String],
    memory: Option<&Memory>,
) -> Result<Todo> {
    todo_filtered(project, locale, slugs, memory, &Filter::default())
}

/// Like [`todo`], listing the segments that `filter` keeps.
pub fn todo_filtered(
    project: &Project,
    locale: &str,
    slugs: &[String],
    memory: Option<&Memory>,
    filter: &Filter,
) -> Result<Todo> {
    let read: Vec<(Vec<Item>, Option<String>)> = slugs
        .par_iter()
        .map(|slug| {
            let files = ArticleFiles::read(project, slug, &[locale.to_string()])?;
            article_todo(project, locale, &files, filter)
        })
        .collect::<Result<_>>()?;
    Ok(assemble(locale, read, memory))
}

/// Like [`todo_filtered`] with the locale's memory, which it builds (and returns) from the same
/// reading of the files: each target file is read once.
pub fn todo_with_memory(
    project: &Project,
    locale: &str,
    slugs: &[String],
    filter: &Filter,
) -> Result<(Todo, Memory)> {
    let selected: HashSet<&str> = slugs.iter().map(String::as_str).collect();
    let (memory, mut read) = Memory::build_with(project, locale, |files| {
        if selected.contains(files.slug()) {
            article_todo(project, locale, files, filter).map(Some)
        } else {
            Ok(None)
        }
    })?;
    let read = slugs
        .iter()
        .map(|slug| match read.remove(slug) {
            Some(todo) => Ok(todo),
            // Not among the synced articles the memory reads.
            None => {
                let files = ArticleFiles::read(project, slug, &[locale.to_string()])?;
                article_todo(project, locale, &files, filter)
            }
        })
        .collect::<Result<Vec<_>>>()?;
    let todo = assemble(locale, read, Some(&memory));
    Ok((todo, memory))
}

/// The todo of the articles' items and warnings, in their order, with the best matches of
/// `memory` for the missing and stale segments, and the totals.
fn assemble(locale: &str, read: Vec<(Vec<Item>, Option<String>)>, memory: Option<&Memory>) -> Todo {
    let (mut per_article, warnings): (Vec<Vec<Item>>, Vec<Option<String>>) =
        read.into_iter().unzip();
    if let Some(memory) = memory {
        per_article
            .par_iter_mut()
            .flatten()
            .filter(|item| item.state == State::Missing || item.state.is_stale())
            .for_each(|item| {
                item.matches =
                    memory.lookup_excluding(&item.source, MATCHES, Some((&item.slug, &item.id)));
            });
    }
    let mut totals = Totals::default();
    for items in &per_article {
        totals.articles += usize::from(!items.is_empty());
        for item in items {
            totals.segments += 1;
            totals.words += item.words;
            match item.state {
                State::Missing => totals.missing += 1,
                State::Unreviewed => totals.unreviewed += 1,
                State::Current => totals.current += 1,
                State::Rejected { .. } => {
                    totals.stale += 1;
                    totals.rejected += 1;
                }
                State::Stale { .. } => {
                    totals.stale += 1;
                    totals.stale_minor += usize::from(item.class == Some(Class::Minor));
                }
            }
        }
    }
    Todo {
        locale: locale.to_string(),
        items: per_article.into_iter().flatten().collect(),
        totals,
        warnings: warnings.into_iter().flatten().collect(),
    }
}

/// The items of one article whose target file of `locale` was read, and a warning when the
/// article was edited since the last sync.
fn article_todo(
    project: &Project,
    locale: &str,
    files: &ArticleFiles,
    filter: &Filter,
) -> Result<(Vec<Item>, Option<String>)> {
    let slug = files.slug();
    let history = files.history();
    let warning = files.edited_since_sync()?.then(|| files.edited_warning());
    let Some(file) = files.locale(locale) else {
        return Ok((Vec::new(), warning));
    };
    let items = history
        .current()
        .into_iter()
        .map(|(id, text)| (id, text, file.state(history, id)))
        .filter(|(id, _, state)| filter.keeps(id, *state))
        .map(|(id, text, state)| {
            let (class, signed) = match state {
                State::Stale { class, signed } => (Some(class), Some(signed)),
                State::Rejected { signed } => (None, Some(signed)),
                _ => (None, None),
            };
            let previous = file
                .previous_english(history, id)
                .filter(|_| state.is_stale());
            let translation = file.translation(id);
            let rejected = match translation.as_ref().and_then(|t| t.verdict.clone()) {
                Some(Verdict::Rejected { by, note }) => Some(Rejection { by, note }),
                _ => None,
            };
            Item {
                slug: slug.to_string(),
                id: id.to_string(),
                state,
                class,
                source: text.to_string(),
                revision: history.number(),
                signed,
                previous: previous.map(str::to_string),
                diff: previous.map(|p| diff::words(p, text)),
                translator: translation
                    .as_ref()
                    .and_then(|t| t.signoff.as_ref()?.by.clone()),
                rejected,
                broken: (state == State::Missing)
                    .then(|| file.broken(project, id))
                    .flatten(),
                translation: translation.as_ref().map(|t| t.text()),
                words: count_words(text),
                matches: Vec::new(),
            }
        })
        .collect();
    Ok((items, warning))
}

/// The work of a locale by how much the memory already has of it, as CAT tools report it: the
/// segments to do (missing, stale, rejected) by their best match's band, with their words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Analysis {
    pub locale: String,
    pub bands: Vec<Band>,
    pub segments: usize,
    pub words: usize,
}

/// One band of matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Band {
    /// `100%`, `95-99%`, `85-94%`, `75-84%` or `new` (no match of 75% or more).
    pub band: &'static str,
    pub segments: usize,
    pub words: usize,
}

/// The bands of an analysis, by the lowest score each takes.
pub const BANDS: [(&str, u32); 5] = [
    ("100%", 100),
    ("95-99%", 95),
    ("85-94%", 85),
    ("75-84%", 75),
    ("new", 0),
];

impl Analysis {
    /// The analysis of the `todo` items of a locale (the memory's matches already looked up).
    pub fn of(locale: &str, items: &[Item]) -> Analysis {
        let mut bands: Vec<Band> = BANDS
            .iter()
            .map(|(band, _)| Band {
                band,
                segments: 0,
                words: 0,
            })
            .collect();
        let mut analysis = Analysis {
            locale: locale.to_string(),
            ..Analysis::default()
        };
        for item in items
            .iter()
            .filter(|i| i.state == State::Missing || i.state.is_stale())
        {
            let best = item.matches.first().map_or(0, |m| m.score);
            let band = BANDS
                .iter()
                .position(|(_, min)| best >= *min)
                .unwrap_or(BANDS.len() - 1);
            bands[band].segments += 1;
            bands[band].words += item.words;
            analysis.segments += 1;
            analysis.words += item.words;
        }
        analysis.bands = bands;
        analysis
    }
}
