//! `bitext sync`: articles → source segments, ids kept, revisions recorded, target files refreshed.

use rayon::prelude::*;

use crate::align::{align, Past};
use crate::article::Article;
use crate::article_files::{ArticleFiles, Writer};
use crate::error::Result;
use crate::history::{self, Op, Revision};
use crate::project::Project;
use crate::store::escape::Piece;
use crate::store::lock::ProjectLock;
use crate::store::target::Update;

/// What a sync did to one article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SyncReport {
    pub slug: String,
    /// The article's revision after the sync.
    pub revision: u32,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Whether a new revision was recorded.
    pub new_revision: bool,
    /// What the editor should know about the article (it has no title, say).
    pub warnings: Vec<String>,
}

/// Syncs the articles `slugs` of `project`.
pub fn sync(project: &Project, slugs: &[String]) -> Result<Vec<SyncReport>> {
    sync_with_progress(project, slugs, &|| {})
}

/// [`sync`], calling `done` after each article (for a progress display).
pub fn sync_with_progress(
    project: &Project,
    slugs: &[String],
    done: &(dyn Fn() + Sync),
) -> Result<Vec<SyncReport>> {
    let lock = ProjectLock::acquire(&project.root)?;
    // Read and check everything first, so that bad input anywhere writes nothing anywhere.
    let plans: Vec<Plan> = slugs
        .par_iter()
        .map(|slug| plan(&lock, project, slug))
        .collect::<Result<_>>()?;
    plans
        .into_par_iter()
        .map(|plan| {
            if let Some(writer) = plan.writer {
                writer.save()?;
            }
            done();
            Ok(plan.report)
        })
        .collect()
}

/// What a sync will write for one article.
struct Plan<'p> {
    report: SyncReport,
    /// The new history and drafts, or nothing to write.
    writer: Option<Writer<'p>>,
}

fn plan<'p>(lock: &'p ProjectLock, project: &'p Project, slug: &str) -> Result<Plan<'p>> {
    let mut writer = ArticleFiles::open_for_writing(lock, project, slug)?;
    let text = writer.article_text()?;
    let history = writer.history();
    if let Some(latest) = history.latest() {
        if history.synced_from(&text) && latest.rules == history::RULES && files_exist(&writer) {
            let report = SyncReport {
                slug: slug.to_string(),
                revision: latest.number,
                added: 0,
                changed: 0,
                removed: 0,
                unchanged: latest.order.len(),
                new_revision: false,
                warnings: Vec::new(),
            };
            return Ok(Plan {
                report,
                writer: None,
            });
        }
    }

    let rel = project.rel(&project.article_path(slug));
    if let Some(offset) = crate::error::conflict_marker(&text) {
        return Err(crate::error::conflict_error(&rel, &text, offset));
    }
    let article = Article::parse(&rel, &text)?;
    let mut warnings = Vec::new();
    if article.field("title").is_none_or(|t| t.trim().is_empty()) {
        warnings.push(format!(
            "{} has no title (`title = \"…\"` in the front matter between `+++` lines): it is \
             not published until it has one",
            rel.display()
        ));
    }
    let segments = article.segments(&project.config.source);
    let alignment = align(slug, &history.current(), &Past::of(history), &segments);
    let count = |op| alignment.changes.iter().filter(|c| c.op == op).count();
    let (added, changed, removed) = (count(Op::Added), count(Op::Changed), count(Op::Removed));
    let same_order = history.latest().is_some_and(|r| r.order == alignment.ids);
    let new_revision = !alignment.changes.is_empty() || !same_order;

    let mut history = history.clone();
    if new_revision {
        let number = history.number() + 1;
        history.push(Revision {
            number,
            date: history::now(),
            article: history::article_fingerprint(&text),
            rules: history::RULES,
            order: alignment.ids.clone(),
            changes: alignment.changes.clone(),
        });
    } else if let Some(latest) = history.revisions.last_mut() {
        // The article changed outside its segments (a code block, the date): remember the new
        // fingerprint so that the next sync can skip it.
        latest.article = history::article_fingerprint(&text);
        latest.rules = history::RULES;
    }
    let revision = history.number();
    writer.replace_history(history)?;
    add_drafts(&mut writer, &alignment.drafts)?;
    Ok(Plan {
        report: SyncReport {
            slug: slug.to_string(),
            revision,
            added,
            changed,
            removed,
            unchanged: alignment.ids.len() - added - changed,
            new_revision,
            warnings,
        },
        writer: Some(writer),
    })
}

/// Whether the source file and every target file of the article exist.
fn files_exist(files: &ArticleFiles) -> bool {
    let project = files.project();
    let slug = files.slug();
    project.locale_path(&project.config.source, slug).is_file()
        && project
            .config
            .targets
            .iter()
            .all(|locale| project.locale_path(locale, slug).is_file())
}

/// Carries the old translations over to split and merged segments, as drafts.
fn add_drafts(writer: &mut Writer, drafts: &[crate::align::Draft]) -> Result<()> {
    for locale in &writer.project().config.targets.clone() {
        for draft in drafts {
            let Some(file) = writer.locale(locale) else {
                continue;
            };
            let mut pieces: Vec<Piece> = Vec::new();
            for id in &draft.from {
                if let Some(t) = file.translation(id) {
                    if !pieces.is_empty() {
                        pieces.push(Piece::Text(" ".into()));
                    }
                    pieces.extend(t.pieces.iter().cloned());
                }
            }
            if !pieces.is_empty() {
                writer.update(locale, &draft.id, Update::Set(pieces, None))?;
            }
        }
    }
    Ok(())
}
