//! `bitext sync`: articles → source segments, ids kept, revisions recorded, target files refreshed.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::align::align;
use crate::article::Article;
use crate::error::Result;
use crate::fingerprint;
use crate::history::{self, History, Op, Revision};
use crate::lock::ProjectLock;
use crate::project::Project;
use crate::store::escape::{self, encode, Piece};
use crate::store::ftl::FtlFile;
use crate::store::journal::{self, Journal};
use crate::store::target::{self, Context, Update};
use crate::store::{ftl, read_text, read_text_if_exists, write_atomic, TextFile};

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
    // Read and check everything first, so that bad input anywhere writes nothing anywhere.
    let plans: Vec<Plan> = slugs
        .par_iter()
        .map(|slug| plan(project, slug))
        .collect::<Result<_>>()?;
    plans
        .into_par_iter()
        .map(|plan| {
            let report = write(project, plan);
            done();
            report
        })
        .collect()
}

/// What a sync will write for one article.
struct Plan {
    report: SyncReport,
    /// The new history, or nothing to write.
    history: Option<History>,
    /// Each target locale's file as read, with the drafts to write into it.
    targets: Vec<(String, TextFile, HashMap<String, Update>)>,
}

fn plan(project: &Project, slug: &str) -> Result<Plan> {
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
            return Ok(Plan {
                report: SyncReport {
                    slug: slug.to_string(),
                    revision: latest.number,
                    added: 0,
                    changed: 0,
                    removed: 0,
                    unchanged: latest.order.len(),
                    new_revision: false,
                },
                history: None,
                targets: Vec::new(),
            });
        }
    }

    let article = Article::parse(&project.rel(&article_path), &text)?;
    let segments = article.segments(&project.config.source);
    let old = history.current();
    let alignment = align(slug, &old, &history.past(), &segments);
    let count = |op| alignment.changes.iter().filter(|c| c.op == op).count();
    let (added, changed, removed) = (count(Op::Added), count(Op::Changed), count(Op::Removed));
    let same_order = history.latest().is_some_and(|r| r.order == alignment.ids);
    let new_revision = !alignment.changes.is_empty() || !same_order;

    // The target files as they are, and the old translations that split and merged segments
    // start from.
    let mut targets = Vec::new();
    for locale in &project.config.targets {
        let path = project.locale_path(locale, slug);
        let original = read_text_if_exists(&path)?.unwrap_or_default();
        let drafts = draft_updates(&original, &alignment.drafts);
        targets.push((locale.clone(), original, drafts));
    }
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
    } else if let Some(latest) = history.revisions.last_mut() {
        // The article changed outside its segments (a code block, the date): remember the new
        // fingerprint so that the next sync can skip it.
        latest.article = fingerprint;
        latest.rules = history::RULES;
    }
    Ok(Plan {
        report: SyncReport {
            slug: slug.to_string(),
            revision: history.number(),
            added,
            changed,
            removed,
            unchanged: alignment.ids.len() - added - changed,
            new_revision,
        },
        history: Some(history),
        targets,
    })
}

/// Writes what `plan` says: the target files first, the history last, so that an interrupted
/// sync is simply done again by the next one.
fn write(project: &Project, plan: Plan) -> Result<SyncReport> {
    let Some(history) = plan.history else {
        return Ok(plan.report);
    };
    let slug = &plan.report.slug;
    for (locale, original, updates) in &plan.targets {
        write_target(project, locale, slug, &history, updates, original)?;
    }
    let source_file = project.locale_path(&project.config.source, slug);
    write_atomic(&source_file, &render_source(project, slug, &history))?;
    write_atomic(&project.history_path(slug), &history.render())?;
    Ok(plan.report)
}

/// The updates that carry old translations over to split and merged segments, as drafts.
fn draft_updates(original: &TextFile, drafts: &[crate::align::Draft]) -> HashMap<String, Update> {
    let mut updates = HashMap::new();
    if drafts.is_empty() {
        return updates;
    }
    let file = ftl::parse(&original.text);
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
    updates
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
    write_target(project, locale, slug, history, updates, &original)
}

/// Writes a target file whose present content is `original`.
fn write_target(
    project: &Project,
    locale: &str,
    slug: &str,
    history: &History,
    updates: &HashMap<String, Update>,
    original: &TextFile,
) -> Result<bool> {
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
    let signed = signed_entries(&file, updates);
    let written = write_atomic(
        &project.locale_path(locale, slug),
        &original.same_style(new),
    )?;
    if !signed.is_empty() {
        let path = project.journal_path(locale, slug);
        Journal::append(&path, &project.rel(&path), signed)?;
    }
    Ok(written)
}

/// The journal entries of the sign-offs in `updates`. A translation that is replaced while signed
/// off, and that the journal may not know yet, is recorded first, so that the change shows.
fn signed_entries(file: &FtlFile, updates: &HashMap<String, Update>) -> Vec<journal::Entry> {
    if updates.is_empty() {
        return Vec::new();
    }
    let translations = target::translations(file);
    let date = history::now();
    let mut ids: Vec<&String> = updates.keys().collect();
    ids.sort();
    let mut entries = Vec::new();
    for id in ids {
        let old = translations.get(id.as_str());
        let (text, signoff) = match &updates[id] {
            Update::Set(_, None) => continue,
            Update::Set(pieces, Some(signoff)) => {
                let text = escape::display(pieces);
                if let Some((t, s)) = old.and_then(|t| Some((t, t.signoff.as_ref()?))) {
                    if !t.edited_since_signoff() && t.text() != text {
                        entries.push(journal::Entry {
                            id: id.clone(),
                            revision: s.revision,
                            date: None,
                            text: t.text(),
                        });
                    }
                }
                (text, signoff)
            }
            Update::Sign(signoff) => match old {
                Some(t) => (t.text(), signoff),
                None => continue,
            },
        };
        entries.push(journal::Entry {
            id: id.clone(),
            revision: signoff.revision,
            date: Some(date.clone()),
            text,
        });
    }
    entries
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
