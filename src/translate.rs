//! Writing translations: `set` one segment, `accept` (sign off) translations edited by hand,
//! `pretranslate` missing ones from the translation memory, and a reviewer's `approve` and
//! `reject`. Every write is made by an [`Actor`] with the rights of `[people]`.

use crate::actor::Actor;
use crate::article_files::{ArticleFiles, Saved, Source};
use crate::change::Class;
use crate::error::{Error, Result};
use crate::project::Project;
use crate::state::{SignOff, State, Verdict};
use crate::store::escape::Piece;
use crate::store::lock::ProjectLock;
use crate::store::target::{value_hash, Update};
use crate::tm::Memory;

/// Writes the translation of segment `id` of `slug` into `locale`, signed off against the current
/// source text, as the person of the environment ([`Actor::resolve`]).
pub fn set(project: &Project, locale: &str, slug: &str, id: &str, text: &str) -> Result<()> {
    let actor = Actor::resolve(project, None)?;
    let pieces = vec![Piece::Text(text.to_string())];
    set_as(project, &actor, locale, slug, id, pieces, None)
}

/// Writes the translation (as Fluent pieces) of segment `id` of `slug` into `locale` as `actor`,
/// signed off against the current source text. With `source`, the English the translator saw: the
/// write is refused when the segment's English is no longer that (the article was synced since),
/// so that nothing is signed off against English the translator did not see.
pub fn set_as(
    project: &Project,
    actor: &Actor,
    locale: &str,
    slug: &str,
    id: &str,
    pieces: Vec<Piece>,
    source: Option<&str>,
) -> Result<()> {
    actor.may_translate(project, locale)?;
    refuse_blank(locale, slug, id, &pieces)?;
    let lock = ProjectLock::acquire(&project.root)?;
    let writer = ArticleFiles::open_for_writing(&lock, project, slug)?.synced()?;
    let english = current_english(&writer, id)?;
    if source.is_some_and(|s| s != english) {
        return Err(changed_since_shown(slug, id, "saved"));
    }
    sign_and_save(writer, actor, locale, slug, id, pieces, &english)?;
    Ok(())
}

/// What a person saw when they wrote a translation: the English of the segment, and the
/// translation there was then (`None` when it had none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub english: String,
    pub translation: Option<String>,
}

/// Why a save over what a person saw was refused: what is there now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Conflict {
    /// The English of the segment now.
    pub english: String,
    /// The translation in the file now.
    pub translation: Option<String>,
    /// Who signed it off, when recorded.
    pub translator: Option<String>,
}

/// Like [`set_as`], but only when the segment's English and translation are still what `seen`
/// says the person was looking at; otherwise nothing is written and what is there now comes
/// back, so that the person chooses (no lost update).
pub fn set_seen(
    project: &Project,
    actor: &Actor,
    locale: &str,
    slug: &str,
    id: &str,
    pieces: Vec<Piece>,
    seen: &Seen,
) -> Result<Result<Saved, Conflict>> {
    actor.may_translate(project, locale)?;
    refuse_blank(locale, slug, id, &pieces)?;
    let lock = ProjectLock::acquire(&project.root)?;
    let mut writer = ArticleFiles::open_for_writing(&lock, project, slug)?.synced()?;
    let english = current_english(&writer, id)?;
    writer.read_targets(&[locale.to_string()])?;
    let now = writer.locale(locale).and_then(|f| f.translation(id));
    let translation = now.as_ref().map(|t| t.text());
    if english != seen.english || translation != seen.translation {
        return Ok(Err(Conflict {
            english,
            translation,
            translator: now.and_then(|t| t.signoff?.by),
        }));
    }
    sign_and_save(writer, actor, locale, slug, id, pieces, &english).map(Ok)
}

fn refuse_blank(locale: &str, slug: &str, id: &str, pieces: &[Piece]) -> Result<()> {
    if crate::store::target::is_blank(pieces) {
        return Err(Error::Usage(format!(
            "{locale} {slug} {id}: the translation is empty, which is no translation: nothing saved"
        )));
    }
    Ok(())
}

/// Signs off `pieces` as the translation of `id` against `english` (the segment's English now)
/// and saves the article's files.
fn sign_and_save(
    mut writer: crate::article_files::Writer,
    actor: &Actor,
    locale: &str,
    slug: &str,
    id: &str,
    pieces: Vec<Piece>,
    english: &str,
) -> Result<Saved> {
    let project = writer.project();
    if matches!(writer.source()?, Source::Edited(_)) {
        return Err(Error::Usage(format!(
            "{} was edited since the last sync: run `bitext sync {slug}` first, so that the \
             translation is signed off against the English there is now",
            project.rel(&project.article_path(slug)).display()
        )));
    }
    let signoff = SignOff::new(
        writer.history().number(),
        value_hash(&pieces),
        english,
        Some(&actor.handle),
    );
    writer.update(locale, id, Update::Set(pieces, Some(signoff)))?;
    writer.save()
}

/// The English of segment `id` now, or an error naming the source file when there is no such
/// segment.
fn current_english(files: &ArticleFiles, id: &str) -> Result<String> {
    let history = files.history();
    match history.text_at(id, history.number()) {
        Some(english) => Ok(english.to_string()),
        None => {
            let project = files.project();
            let current = history.current();
            let like = crate::text::similar_word(id, current.iter().map(|(id, _)| *id))
                .map(|like| format!("did you mean {like}? "))
                .unwrap_or_default();
            Err(Error::Usage(format!(
                "{} has no segment {id} ({like}see {})",
                files.slug(),
                project
                    .rel(&project.locale_path(&project.config.source, files.slug()))
                    .display()
            )))
        }
    }
}

fn changed_since_shown(slug: &str, id: &str, what: &str) -> Error {
    Error::Usage(format!(
        "the English of {slug} {id} changed since it was shown: not {what}"
    ))
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

/// What `accept` did, and what it left alone and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct AcceptReport {
    pub accepted: Vec<Accepted>,
    /// Stale translations left alone: unchanged since their sign-off, so a person has not
    /// answered the change of the English yet.
    pub stale_unchanged: usize,
    /// Of those, the ones whose source changes were all minor (`--minor` signs them off).
    pub stale_minor: usize,
    /// Messages whose id is no segment's: mistyped ids, with the segment they were likely meant
    /// for.
    pub unknown: Vec<UnknownId>,
}

/// A message in a target file whose id no segment of the article ever had.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnknownId {
    pub slug: String,
    pub id: String,
    /// The segment it was likely meant for, and that segment's state.
    pub like: Option<(String, &'static str)>,
}

/// The messages of `locale` in `files` whose id no segment ever had.
pub fn unknown_ids(files: &ArticleFiles, locale: &str) -> Vec<UnknownId> {
    let history = files.history();
    let Some(file) = files.locale(locale) else {
        return Vec::new();
    };
    let current = history.current();
    let mut ids: Vec<&str> = file
        .target()
        .file
        .messages()
        .map(|m| m.id)
        .filter(|id| history.segment(id).is_none())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .map(|id| UnknownId {
            slug: files.slug().to_string(),
            id: id.to_string(),
            like: crate::text::similar_word(id, current.iter().map(|(id, _)| *id))
                .map(|like| (like.to_string(), file.state(history, like).name())),
        })
        .collect()
}

/// Signs off translations in `locale` for `slugs` as `actor`, limited to `ids` when some are
/// given.
pub fn accept(
    project: &Project,
    actor: &Actor,
    locale: &str,
    slugs: &[String],
    ids: &[String],
    mode: AcceptMode,
) -> Result<AcceptReport> {
    actor.may_translate(project, locale)?;
    let lock = ProjectLock::acquire(&project.root)?;
    let writers = slugs
        .iter()
        .map(|slug| ArticleFiles::open_for_writing(&lock, project, slug)?.synced())
        .collect::<Result<Vec<_>>>()?;
    for id in ids {
        if !writers.iter().any(|w| w.history().segment(id).is_some()) {
            return Err(Error::Usage(format!(
                "no segment {id} in {}",
                slugs.join(", ")
            )));
        }
    }
    let mut report = AcceptReport::default();
    for mut writer in writers {
        writer.read_targets(&[locale.to_string()])?;
        report.unknown.extend(unknown_ids(&writer, locale));
        let chosen = to_accept(&writer, locale, ids, mode, actor);
        if let Some(file) = writer.locale(locale) {
            for (id, _) in writer.history().current() {
                let named = ids.is_empty() || ids.iter().any(|i| i == id);
                let taken = chosen.iter().any(|(c, _, _)| c == id);
                if let (true, false, State::Stale { class, .. }) =
                    (named, taken, file.state(writer.history(), id))
                {
                    report.stale_unchanged += 1;
                    report.stale_minor += usize::from(class == Class::Minor);
                }
            }
        }
        for (id, signoff, was) in chosen {
            writer.update(locale, &id, Update::Sign(signoff))?;
            report.accepted.push(Accepted {
                slug: writer.slug().to_string(),
                id,
                was,
            });
        }
        if writer.has_updates() {
            writer.save()?;
        }
    }
    Ok(report)
}

/// Like [`accept`] for the one segment `id`, whatever its state, if its English is still
/// `source`: what `fill` shows a translator is what is signed off.
pub fn accept_for_source(
    project: &Project,
    actor: &Actor,
    locale: &str,
    slug: &str,
    id: &str,
    source: &str,
) -> Result<()> {
    actor.may_translate(project, locale)?;
    let lock = ProjectLock::acquire(&project.root)?;
    let mut writer = ArticleFiles::open_for_writing(&lock, project, slug)?.synced()?;
    if current_english(&writer, id)? != source {
        return Err(changed_since_shown(slug, id, "accepted"));
    }
    writer.read_targets(&[locale.to_string()])?;
    let mode = AcceptMode {
        all: true,
        ..AcceptMode::default()
    };
    for (id, signoff, _) in to_accept(&writer, locale, &[id.to_string()], mode, actor) {
        writer.update(locale, &id, Update::Sign(signoff))?;
    }
    writer.save()?;
    Ok(())
}

/// The translations of `locale` that `accept` signs off: id, sign-off and the state it had.
fn to_accept(
    files: &ArticleFiles,
    locale: &str,
    ids: &[String],
    mode: AcceptMode,
    actor: &Actor,
) -> Vec<(String, SignOff, &'static str)> {
    let history = files.history();
    let Some(file) = files.locale(locale) else {
        return Vec::new();
    };
    let now = history.number();
    let mut chosen = Vec::new();
    for (id, english) in history.current() {
        if !ids.is_empty() && !ids.iter().any(|i| i == id) {
            continue;
        }
        let Some(t) = file.translation(id) else {
            continue;
        };
        let state = file.state(history, id);
        let take = match state {
            State::Current => mode.all || t.edited_since_signoff(),
            State::Unreviewed => true,
            State::Stale { class, .. } => {
                mode.all || t.edited_since_signoff() || (mode.minor && class == Class::Minor)
            }
            // Sent back by a reviewer: signed off again once it was rewritten.
            State::Rejected { .. } => mode.all || t.edited_since_signoff(),
            State::Missing => false,
        };
        if take {
            let signoff = SignOff::new(now, t.hash(), english, Some(&actor.handle));
            chosen.push((id.to_string(), signoff, state.name()));
        }
    }
    chosen
}

/// A segment that `pretranslate` filled.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Filled {
    pub slug: String,
    pub id: String,
    /// Where the translation came from.
    pub from_slug: String,
    pub from_id: String,
    pub translation: String,
}

/// Fills the missing segments of `slugs` in `locale` from exact (100%) memory matches. The
/// translations are written unreviewed, with no sign-off: a person still has to accept them.
pub fn pretranslate(
    project: &Project,
    actor: &Actor,
    locale: &str,
    slugs: &[String],
) -> Result<Vec<Filled>> {
    actor.may_translate(project, locale)?;
    let lock = ProjectLock::acquire(&project.root)?;
    let memory = Memory::build(project, locale)?;
    let mut filled = Vec::new();
    for slug in slugs {
        let mut writer = ArticleFiles::open_for_writing(&lock, project, slug)?.synced()?;
        writer.read_targets(&[locale.to_string()])?;
        let mut updates = Vec::new();
        let Some(file) = writer.locale(locale) else {
            continue;
        };
        for (id, english) in writer.history().current() {
            if file.translation(id).is_some() {
                continue;
            }
            let Some(best) = memory
                .lookup_excluding(english, 1, Some((slug, id)))
                .into_iter()
                .find(|m| m.score == 100)
            else {
                continue;
            };
            filled.push(Filled {
                slug: slug.clone(),
                id: id.to_string(),
                from_slug: best.slug.clone(),
                from_id: best.id.clone(),
                translation: best.translation.clone(),
            });
            updates.push((id.to_string(), best.pieces));
        }
        for (id, pieces) in updates {
            writer.update(locale, &id, Update::Set(pieces, None))?;
        }
        if writer.has_updates() {
            writer.save()?;
        }
    }
    Ok(filled)
}

/// A translation a reviewer approved.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Approved {
    pub slug: String,
    pub id: String,
    /// Who translated (signed off) it.
    pub translator: Option<String>,
}

/// What `approve` found and did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Approval {
    pub approved: Vec<Approved>,
    /// Current translations left alone because the reviewer signed them off themselves.
    pub own: Vec<Approved>,
}

/// Approves, as `actor`, the current translations of `locale` in `slugs` (limited to `ids` when
/// some are given) that are not approved yet. Naming a segment that is not current, or one the
/// reviewer translated, is an error; over a whole article those are left out.
pub fn approve(
    project: &Project,
    actor: &Actor,
    locale: &str,
    slugs: &[String],
    ids: &[String],
) -> Result<Approval> {
    actor.may_review(project, locale)?;
    let lock = ProjectLock::acquire(&project.root)?;
    let mut writers = Vec::new();
    for slug in slugs {
        let mut writer = ArticleFiles::open_for_writing(&lock, project, slug)?.synced()?;
        writer.read_targets(&[locale.to_string()])?;
        writers.push(writer);
    }
    for id in ids {
        if !writers.iter().any(|w| w.history().segment(id).is_some()) {
            return Err(Error::Usage(format!(
                "no segment {id} in {}",
                slugs.join(", ")
            )));
        }
    }
    let mut approval = Approval::default();
    for mut writer in writers {
        let slug = writer.slug().to_string();
        let Some(file) = writer.locale(locale) else {
            continue;
        };
        let mut verdicts = Vec::new();
        for (id, _) in writer.history().current() {
            let named = ids.iter().any(|i| i == id);
            if !ids.is_empty() && !named {
                continue;
            }
            let state = file.state(writer.history(), id);
            let translator = file.translation(id).and_then(|t| t.signoff?.by);
            let entry = Approved {
                slug: slug.clone(),
                id: id.to_string(),
                translator: translator.clone(),
            };
            if state != State::Current || file.approved(writer.history(), id).is_some() {
                if named && state != State::Current {
                    return Err(Error::Usage(format!(
                        "{locale} {slug} {id} is {state}: only a current translation is approved"
                    )));
                }
                continue;
            }
            if translator.as_deref() == Some(actor.handle.as_str()) {
                if named {
                    return Err(Error::Usage(format!(
                        "{locale} {slug} {id} is {}'s own translation: nobody approves their own",
                        actor.handle
                    )));
                }
                approval.own.push(entry);
                continue;
            }
            verdicts.push(id.to_string());
            approval.approved.push(entry);
        }
        for id in verdicts {
            let verdict = Verdict::Approved {
                by: actor.handle.clone(),
            };
            writer.update(locale, &id, Update::Judge(verdict))?;
        }
        if writer.has_updates() {
            writer.save()?;
        }
    }
    Ok(approval)
}

/// Rejects, as `actor`, the translation of segment `id` of `slug` in `locale`, with a note for
/// the translator: it counts as stale until it is translated again.
pub fn reject(
    project: &Project,
    actor: &Actor,
    locale: &str,
    slug: &str,
    id: &str,
    note: &str,
) -> Result<()> {
    actor.may_review(project, locale)?;
    let note = note.trim();
    if note.is_empty() {
        return Err(Error::Usage(
            "--note is empty: say what the translator should change".into(),
        ));
    }
    let lock = ProjectLock::acquire(&project.root)?;
    let mut writer = ArticleFiles::open_for_writing(&lock, project, slug)?.synced()?;
    current_english(&writer, id)?;
    writer.read_targets(&[locale.to_string()])?;
    let signed = writer
        .locale(locale)
        .and_then(|f| f.translation(id))
        .is_some_and(|t| t.signoff.is_some());
    if !signed {
        return Err(Error::Usage(format!(
            "{locale} {slug} {id} has no signed-off translation to reject"
        )));
    }
    let verdict = Verdict::Rejected {
        by: actor.handle.clone(),
        note: note.to_string(),
    };
    writer.update(locale, id, Update::Judge(verdict))?;
    writer.save()?;
    Ok(())
}
