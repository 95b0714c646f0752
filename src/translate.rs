//! Writing translations: `set` one segment, `accept` (sign off) translations edited by hand.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::history::History;
use crate::lock::ProjectLock;
use crate::project::Project;
use crate::state::{state_of, SignOff, State};
use crate::store::escape::Piece;
use crate::store::target::{self, value_hash, Update};
use crate::store::{ftl, read_text_if_exists};
use crate::sync::refresh_target;

/// Loads an article's history, refusing an article that was never synced.
pub fn load_history(project: &Project, slug: &str) -> Result<History> {
    let path = project.history_path(slug);
    let history = History::load(&path, &project.rel(&path))?;
    if history.latest().is_none() {
        return Err(Error::Usage(format!(
            "{slug} has no source segments yet: run `bitext sync {slug}` first"
        )));
    }
    Ok(history)
}

/// Writes the translation of segment `id` of `slug` into `locale`, signed off against the current
/// source text.
pub fn set(project: &Project, locale: &str, slug: &str, id: &str, text: &str) -> Result<()> {
    set_checked(
        project,
        locale,
        slug,
        id,
        vec![Piece::Text(text.to_string())],
        None,
    )
}

/// Like [`set`], for a translation (as Fluent pieces) made for the English `source`: refused
/// when the segment's English is no longer that (the article was synced since), so that nothing
/// is signed off against English the translator did not see.
pub fn set_for_source(
    project: &Project,
    locale: &str,
    slug: &str,
    id: &str,
    pieces: Vec<Piece>,
    source: &str,
) -> Result<()> {
    set_checked(project, locale, slug, id, pieces, Some(source))
}

fn set_checked(
    project: &Project,
    locale: &str,
    slug: &str,
    id: &str,
    pieces: Vec<Piece>,
    source: Option<&str>,
) -> Result<()> {
    let _lock = ProjectLock::acquire(&project.root)?;
    let history = load_history(project, slug)?;
    let Some(&(_, english)) = history.current().iter().find(|(i, _)| *i == id) else {
        return Err(Error::Usage(format!(
            "{slug} has no segment {id} (see {})",
            project
                .rel(&project.locale_path(&project.config.source, slug))
                .display()
        )));
    };
    if source.is_some_and(|s| s != english) {
        return Err(Error::Usage(format!(
            "the English of {slug} {id} changed since it was shown: not saved"
        )));
    }
    let signoff = SignOff {
        revision: history.number(),
        hash: value_hash(&pieces),
    };
    let updates = HashMap::from([(id.to_string(), Update::Set(pieces, Some(signoff)))]);
    refresh_target(project, locale, slug, &history, &updates)?;
    Ok(())
}

/// Which translations `accept` signs off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AcceptMode {
    /// Also stale translations whose source changes were all minor.
    pub minor: bool,
    /// Every translated segment.
    pub all: bool,
}

/// A translation that `accept` signed off.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Accepted {
    pub slug: String,
    pub id: String,
    /// The state it had before.
    pub was: &'static str,
}

/// Signs off translations in `locale` for `slugs`, limited to `ids` when some are given.
pub fn accept(
    project: &Project,
    locale: &str,
    slugs: &[String],
    ids: &[String],
    mode: AcceptMode,
) -> Result<Vec<Accepted>> {
    let _lock = ProjectLock::acquire(&project.root)?;
    let histories = slugs
        .iter()
        .map(|slug| load_history(project, slug))
        .collect::<Result<Vec<_>>>()?;
    for id in ids {
        if !histories.iter().any(|h| h.segment(id).is_some()) {
            return Err(Error::Usage(format!(
                "no segment {id} in {}",
                slugs.join(", ")
            )));
        }
    }
    let mut accepted = Vec::new();
    for (slug, history) in slugs.iter().zip(&histories) {
        let path = project.locale_path(locale, slug);
        let text = read_text_if_exists(&path)?.unwrap_or_default().text;
        let file = ftl::parse(&text);
        let translations = target::translations(&file);
        let now = history.number();
        let mut updates = HashMap::new();
        for (id, _) in history.current() {
            if !ids.is_empty() && !ids.iter().any(|i| i == id) {
                continue;
            }
            let (Some(t), Some(segment)) = (translations.get(id), history.segment(id)) else {
                continue;
            };
            let state = state_of(segment, now, true, t.signoff.as_ref());
            let take = match state {
                State::Current => mode.all || t.edited_since_signoff(),
                State::Unreviewed => true,
                State::Stale { class, .. } => {
                    mode.all
                        || t.edited_since_signoff()
                        || (mode.minor && class == crate::change::Class::Minor)
                }
                State::Missing => false,
            };
            if take {
                let signoff = SignOff {
                    revision: now,
                    hash: t.hash(),
                };
                updates.insert(id.to_string(), Update::Sign(signoff));
                accepted.push(Accepted {
                    slug: slug.clone(),
                    id: id.to_string(),
                    was: state.name(),
                });
            }
        }
        if !updates.is_empty() {
            refresh_target(project, locale, slug, history, &updates)?;
        }
    }
    Ok(accepted)
}
