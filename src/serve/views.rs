//! What the workspace's pages and its JSON API show: the same records, built from the project on
//! disk at each request, so that a change made by the CLI, an editor or `git pull` is seen at once.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::blame::{blame, Act, Line};
use crate::check::glossary::MissingTerm;
use crate::check::{Checker, Level};
use crate::diff::Op;
use crate::error::Result;
use crate::project::Project;
use crate::state::State;
use crate::status::Counts;

use super::cache::Statuses;
use crate::article_files::ArticleFiles;
use crate::store::escape::Piece;
use crate::tm::{Match, Memory};
use crate::todo::{todo_filtered, Filter, Item, Rejection, STATE_NAMES};

/// An article's segments for one locale, in document order: the workspace.
#[derive(Debug, Clone, Serialize)]
pub struct Workspace {
    pub slug: String,
    pub locale: String,
    /// The article's source revision now.
    pub revision: u32,
    pub segments: Vec<Segment>,
    /// The article was edited since the last sync: the English shown is the synced one.
    pub warning: Option<String>,
}

/// One segment as a translator sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Segment {
    pub id: String,
    /// `current`, `stale`, `rejected`, `unreviewed` or `missing`.
    #[serde(serialize_with = "crate::state::name_only")]
    pub state: State,
    /// The English now.
    pub source: String,
    /// The translation in the file, as text.
    pub translation: Option<String>,
    /// Who signed the translation off.
    pub translator: Option<String>,
    /// Who approved it, while the approval stands.
    pub approved: Option<String>,
    /// For a stale segment: the English the translation was made for, and the word diff from it
    /// to the English now.
    pub previous: Option<String>,
    pub diff: Option<Vec<Op>>,
    /// A reviewer's rejection.
    pub rejected: Option<Rejection>,
    /// Why the message in the file is not valid Fluent, when it is not.
    pub broken: Option<String>,
    pub words: usize,
    /// Translation-memory matches, best first (for a segment that is not current).
    pub matches: Vec<Match>,
    /// The glossary terms that occur in the English.
    pub terms: Vec<MissingTerm>,
    /// What the checks find in the translation.
    pub findings: Vec<Finding>,
    /// The other locales' translations, at hand.
    pub others: Vec<Other>,
    /// Who did what, oldest first.
    pub history: Vec<Event>,
    /// Whether the segment needs work (not current).
    pub todo: bool,
}

/// A finding of a check on a translation.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub check: &'static str,
    /// `error`, `warning` or `info`.
    pub level: &'static str,
    pub message: String,
}

/// A segment's translation in another locale.
#[derive(Debug, Clone, Serialize)]
pub struct Other {
    pub locale: String,
    #[serde(serialize_with = "crate::state::name_only")]
    pub state: State,
    pub translation: Option<String>,
}

/// One act in a segment's history.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    /// `translated`, `approved` or `rejected`.
    pub what: &'static str,
    #[serde(flatten)]
    pub act: Act,
}

/// The findings of the checks on `pieces` as a translation of `english` into `locale`.
pub fn findings(checker: &Checker, locale: &str, english: &str, pieces: &[Piece]) -> Vec<Finding> {
    checker
        .translation(locale, english, pieces)
        .into_iter()
        .map(|(check, level, message)| Finding {
            check: check.name(),
            level: level.name(),
            message,
        })
        .collect()
}

/// The workspace of `slug` in `locale`, with matches from `memory`.
pub fn workspace(
    project: &Project,
    locale: &str,
    slug: &str,
    memory: Option<&Memory>,
) -> Result<Workspace> {
    let every_state = Filter {
        states: STATE_NAMES.iter().map(|s| s.to_string()).collect(),
        ids: Vec::new(),
    };
    let todo = todo_filtered(project, locale, &[slug.to_string()], memory, &every_state)?;
    let mut files = ArticleFiles::read(project, slug, &project.config.targets)?;
    files.read_journals()?;
    let history = files.history();
    let blame = blame(&files, locale)?;
    let (checker, _) = Checker::new(project, &[locale.to_string()])?;
    let file = files.locale(locale);
    let mut lines: HashMap<String, Line> = blame
        .segments
        .into_iter()
        .map(|line| (line.id.clone(), line))
        .collect();
    let segments = todo
        .items
        .into_iter()
        .map(|item| {
            let line = lines.remove(&item.id).unwrap_or_else(|| Line {
                id: item.id.clone(),
                source: item.source.clone(),
                state: item.state,
                translation: None,
                translated: None,
                approved: None,
                rejected: None,
            });
            let pieces = file.and_then(|f| f.translation(&item.id));
            let findings = match &pieces {
                Some(t) if item.state != State::Missing => {
                    findings(&checker, locale, &item.source, t.pieces)
                }
                _ => Vec::new(),
            };
            let others = files
                .locales()
                .iter()
                .filter(|f| f.locale() != locale)
                .map(|f| Other {
                    locale: f.locale().to_string(),
                    state: f.state(history, &item.id),
                    translation: f.translation(&item.id).map(|t| t.text()),
                })
                .collect();
            let history = [
                ("translated", line.translated),
                ("approved", line.approved.clone()),
                ("rejected", line.rejected),
            ]
            .into_iter()
            .filter_map(|(what, act)| Some(Event { what, act: act? }))
            .collect();
            segment(
                item,
                &checker,
                locale,
                findings,
                others,
                history,
                line.approved,
            )
        })
        .collect();
    Ok(Workspace {
        slug: slug.to_string(),
        locale: locale.to_string(),
        revision: history.number(),
        segments,
        warning: todo.warnings.into_iter().next(),
    })
}

fn segment(
    item: Item,
    checker: &Checker,
    locale: &str,
    findings: Vec<Finding>,
    others: Vec<Other>,
    history: Vec<Event>,
    approved: Option<Act>,
) -> Segment {
    Segment {
        terms: checker.terms(locale, &item.source),
        todo: !item.state.is_current(),
        id: item.id,
        state: item.state,
        source: item.source,
        translation: item.translation,
        translator: item.translator,
        approved: approved.and_then(|a| a.by),
        previous: item.previous,
        diff: item.diff,
        rejected: item.rejected,
        broken: item.broken,
        words: item.words,
        matches: item.matches,
        findings,
        others,
        history,
    }
}

/// One row of the dashboard: an article and its coverage per locale.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub slug: String,
    pub segments: usize,
    pub words: usize,
    pub locales: BTreeMap<String, Counts>,
}

/// The editor's dashboard: every article (newest first) and locale.
#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    pub locales: Vec<String>,
    pub rows: Vec<Row>,
    /// Articles that matched the filter, of which `rows` is one page.
    pub matched: usize,
    pub totals: BTreeMap<String, crate::status::Totals>,
}

/// Which articles the dashboard shows: with work of `state` left in `locale` (any locale when
/// none), one page of `per_page` at a time.
#[derive(Debug, Clone, Default)]
pub struct DashboardFilter {
    pub locale: Option<String>,
    pub state: Option<String>,
    pub page: usize,
    pub per_page: usize,
}

/// The dashboard of `project`. Slugs begin with the date (`2021/08/…`), so newest first is the
/// slugs in reverse order.
pub fn dashboard(
    project: &Project,
    filter: &DashboardFilter,
    statuses: &Statuses,
) -> Result<Dashboard> {
    let mut slugs = project.synced_slugs()?;
    slugs.sort_by(|a, b| b.cmp(a));
    let locales = match &filter.locale {
        Some(locale) => vec![locale.clone()],
        None => project.config.targets.clone(),
    };
    let mut status = statuses.status(project, &slugs)?;
    status.totals.retain(|lc, _| locales.contains(lc));
    for article in &mut status.articles {
        article.locales.retain(|lc, _| locales.contains(lc));
    }
    let keeps = |counts: &Counts| match filter.state.as_deref() {
        None | Some("") => true,
        Some("missing") => counts.missing > 0,
        Some("stale") => counts.stale > 0,
        Some("rejected") => counts.rejected > 0,
        Some("unreviewed") => counts.unreviewed > 0,
        Some("unapproved") => counts.current > counts.approved,
        Some("done") => counts.current == counts_total(counts),
        Some(_) => true,
    };
    let rows: Vec<Row> = status
        .articles
        .into_iter()
        .filter(|a| a.locales.values().any(keeps))
        .map(|a| Row {
            slug: a.slug,
            segments: a.segments,
            words: a.words,
            locales: a.locales,
        })
        .collect();
    let per_page = filter.per_page.max(1);
    let matched = rows.len();
    let rows = rows
        .into_iter()
        .skip(filter.page * per_page)
        .take(per_page)
        .collect();
    Ok(Dashboard {
        locales,
        rows,
        matched,
        totals: status.totals,
    })
}

fn counts_total(c: &Counts) -> usize {
    c.current + c.stale + c.unreviewed + c.missing
}

/// A current translation waiting for its reviewer.
#[derive(Debug, Clone, Serialize)]
pub struct ToReview {
    pub slug: String,
    pub id: String,
    pub source: String,
    pub translation: String,
    pub translator: Option<String>,
}

/// The reviewer's queue of `locale`: current translations nobody approved yet, article by article.
pub fn review_queue(project: &Project, locale: &str) -> Result<Vec<ToReview>> {
    let slugs = project.synced_slugs()?;
    let per_article: Vec<Vec<ToReview>> = slugs
        .par_iter()
        .map(|slug| {
            let files = ArticleFiles::read(project, slug, &[locale.to_string()])?;
            let history = files.history();
            let Some(file) = files.locale(locale) else {
                return Ok(Vec::new());
            };
            Ok(history
                .current()
                .into_iter()
                .filter(|(id, _)| {
                    file.state(history, id) == State::Current
                        && file.approved(history, id).is_none()
                })
                .filter_map(|(id, source)| {
                    let translation = file.translation(id)?;
                    Some(ToReview {
                        slug: slug.clone(),
                        id: id.to_string(),
                        source: source.to_string(),
                        translation: translation.text(),
                        translator: translation.signoff.and_then(|s| s.by),
                    })
                })
                .collect())
        })
        .collect::<Result<_>>()?;
    Ok(per_article.into_iter().flatten().collect())
}

/// Whether `level` is the error level (for a save that refuses errors).
pub fn is_error(finding: &Finding) -> bool {
    finding.level == Level::Error.name()
}
