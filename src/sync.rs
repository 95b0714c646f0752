//! `bitext sync`: articles → source segments, ids kept, revisions recorded, target files refreshed.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use crate::align::align;
use crate::article::Article;
use crate::error::Result;
use crate::fingerprint;
use crate::history::{self, History, Op, Revision};
use crate::lock::ProjectLock;
use crate::project::Project;
use crate::store::escape::{encode, Piece};
use crate::store::target::{self, Context, Update};
use crate::store::{ftl, read_text, read_text_if_exists, write_atomic};

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
    let _lock = ProjectLock::acquire(&project.root)?;
    slugs
        .par_iter()
        .map(|slug| {
            let report = sync_one(project, slug);
            done();
            report
        })
        .collect()
}

fn sync_one(project: &Project, slug: &str) -> Result<SyncReport> {
    let article_path = project.article_path(slug);
    let text = read_text(&article_path)?.text;
    let fingerprint = fingerprint::long(text.as_bytes());
    let history_path = project.history_path(slug);
    let mut history = History::load(&history_path, &project.rel(&history_path))?;
    let source_file = project.locale_path(&project.config.source, slug);
    if let Some(latest) = history.latest() {
        let files_exist = source_file.is_file()
            && project
                .config
                .targets
                .iter()
                .all(|locale| project.locale_path(locale, slug).is_file());
        if latest.article == fingerprint && latest.rules == history::RULES && files_exist {
            return Ok(SyncReport {
                slug: slug.to_string(),
                revision: latest.number,
                added: 0,
                changed: 0,
                removed: 0,
                unchanged: latest.order.len(),
                new_revision: false,
            });
        }
    }

    let article = Article::parse(&project.rel(&article_path), &text)?;
    let segments = article.segments(&project.config.source);
    let old = history.current();
    let alignment = align(slug, &old, |id| history.knows(id), &segments);
    let count = |op| alignment.changes.iter().filter(|c| c.op == op).count();
    let (added, changed, removed) = (count(Op::Added), count(Op::Changed), count(Op::Removed));
    let same_order = history.latest().is_some_and(|r| r.order == alignment.ids);
    let new_revision = !alignment.changes.is_empty() || !same_order;

    // Old translations for drafts, read before anything changes.
    let mut drafts: HashMap<&str, HashMap<String, Update>> = HashMap::new();
    if new_revision {
        let number = history.number() + 1;
        history.push(Revision {
            number,
            date: history::now(),
            article: fingerprint,
            rules: history::RULES,
            order: alignment.ids.clone(),
            changes: alignment.changes.clone(),
        });
        for locale in &project.config.targets {
            drafts.insert(
                locale,
                draft_updates(project, locale, slug, &alignment.drafts)?,
            );
        }
    } else if let Some(latest) = history.revisions.last_mut() {
        // The article changed outside its segments (a code block, the date): remember the new
        // fingerprint so that the next sync can skip it.
        latest.article = fingerprint;
        latest.rules = history::RULES;
    }
    write_atomic(&history_path, &history.render())?;
    write_atomic(&source_file, &render_source(project, slug, &history))?;
    for locale in &project.config.targets {
        let updates = drafts.remove(locale.as_str()).unwrap_or_default();
        refresh_target(project, locale, slug, &history, &updates)?;
    }
    Ok(SyncReport {
        slug: slug.to_string(),
        revision: history.number(),
        added,
        changed,
        removed,
        unchanged: alignment.ids.len() - added - changed,
        new_revision,
    })
}

/// The updates that carry old translations over to split and merged segments, as drafts.
fn draft_updates(
    project: &Project,
    locale: &str,
    slug: &str,
    drafts: &[crate::align::Draft],
) -> Result<HashMap<String, Update>> {
    let mut updates = HashMap::new();
    if drafts.is_empty() {
        return Ok(updates);
    }
    let path = project.locale_path(locale, slug);
    let Some(text) = read_text_if_exists(&path)? else {
        return Ok(updates);
    };
    let file = ftl::parse(&text.text);
    let translations = target::translations(&file);
    for draft in drafts {
        let mut pieces: Vec<Piece> = Vec::new();
        for id in &draft.from {
            if let Some(t) = translations.get(id.as_str()) {
                if !pieces.is_empty() {
                    pieces.push(Piece::Text(" ".into()));
                }
                pieces.extend(t.pieces.iter().cloned());
            }
        }
        if !pieces.is_empty() {
            updates.insert(draft.id.clone(), Update::Set(pieces, None));
        }
    }
    Ok(updates)
}

/// Rewrites a target file so that its English and states match the history.
pub fn refresh_target(
    project: &Project,
    locale: &str,
    slug: &str,
    history: &History,
    updates: &HashMap<String, Update>,
) -> Result<bool> {
    let path = project.locale_path(locale, slug);
    let original = read_text_if_exists(&path)?.unwrap_or_default();
    let file = ftl::parse(&original.text);
    let article = project.rel(&project.article_path(slug));
    let ctx = Context {
        source_locale: &project.config.source,
        target_locale: locale,
        slug,
        article: &article.to_string_lossy(),
        history,
    };
    let new = target::rewrite(&file, &ctx, updates);
    write_atomic(&path, &original.same_style(new))
}

/// The source file `locales/<source>/<slug>.ftl`: one message per segment, in order.
pub fn render_source(project: &Project, slug: &str, history: &History) -> String {
    let article = project.rel(&project.article_path(slug));
    let mut out = format!(
        "### bitext: source segments of {}, written by `bitext sync`; edit the article, not this file.\n",
        article.display()
    );
    for (id, text) in history.current() {
        out.push('\n');
        out.push_str(id);
        out.push_str(" = ");
        out.push_str(&encode(text));
        out.push('\n');
    }
    out
}

/// Whether the article at `path` still matches its last synced revision.
pub fn is_synced(path: &Path, history: &History) -> Result<bool> {
    let text = read_text(path)?.text;
    Ok(history
        .latest()
        .is_some_and(|r| r.article == fingerprint::long(text.as_bytes())))
}
