//! Who did what to an article's translations in one locale: for each segment, who translated it,
//! against which revision and when, and who approved or rejected it.
//!
//! The target file says who signed the translation off and what a reviewer decided; the journal
//! says when, and which translator an imported file named.

use serde::Serialize;

use crate::article_files::ArticleFiles;
use crate::error::Result;
use crate::state::{State, Verdict};
use crate::store::journal::{Action, Entry, Journal};

/// `bitext blame --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Blame {
    pub slug: String,
    pub locale: String,
    pub revision: u32,
    pub segments: Vec<Line>,
}

/// One segment's translation and the people behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub id: String,
    pub source: String,
    #[serde(serialize_with = "crate::state::name_only")]
    pub state: State,
    pub translation: Option<String>,
    /// Who signed the translation off, and when, against which revision.
    pub translated: Option<Act>,
    /// The reviewer who approved it, while the approval stands.
    pub approved: Option<Act>,
    /// The reviewer who sent it back, with the note.
    pub rejected: Option<Act>,
}

/// Something a person did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Act {
    /// The person's handle (or user name).
    pub by: Option<String>,
    /// When (RFC 3339), if the journal knows.
    pub date: Option<String>,
    /// The revision of the English it was done against.
    pub revision: u32,
    /// The translator an imported file named, when it is not the person who imported it.
    pub translator: Option<String>,
    /// A reviewer's note.
    pub note: Option<String>,
}

/// The blame of `locale` in the article of `files` (whose target file of `locale` and its
/// journal were read).
pub fn blame(files: &ArticleFiles, locale: &str) -> Result<Blame> {
    let history = files.history();
    let empty = Journal::default();
    let file = files.locale(locale);
    let journal = file.and_then(|f| f.journal()).unwrap_or(&empty);
    let mut segments = Vec::new();
    for (id, english) in history.current() {
        let translation = file.and_then(|f| f.translation(id));
        let state = file.map_or(State::Missing, |f| f.state(history, id));
        let text = translation.as_ref().map(|t| t.text());
        let signoff = translation.as_ref().and_then(|t| t.signoff.as_ref());
        let translated = signoff.map(|s| {
            let entry = text
                .as_deref()
                .and_then(|text| latest(journal, id, Action::Sign, text));
            Act {
                by: s.by.clone().or_else(|| entry.and_then(|e| e.by.clone())),
                date: entry.and_then(|e| e.date.clone()),
                revision: s.revision,
                translator: entry.and_then(|e| e.translator.clone()),
                note: None,
            }
        });
        let verdict = |action: Action| {
            let s = signoff?;
            let entry = latest(journal, id, action, text.as_deref()?);
            Some(Act {
                by: None,
                date: entry.and_then(|e| e.date.clone()),
                revision: s.revision,
                translator: None,
                note: entry.and_then(|e| e.note.clone()),
            })
        };
        let approved = file.and_then(|f| f.approved(history, id)).and_then(|by| {
            let mut act = verdict(Action::Approve)?;
            act.by = Some(by.to_string());
            Some(act)
        });
        let rejected = match translation.as_ref().and_then(|t| t.verdict.as_ref()) {
            Some(Verdict::Rejected { by, note }) => verdict(Action::Reject).map(|mut act| {
                act.by = Some(by.clone());
                act.note = Some(note.clone());
                act
            }),
            _ => None,
        };
        segments.push(Line {
            id: id.to_string(),
            source: english.to_string(),
            state,
            translation: text,
            translated,
            approved,
            rejected,
        });
    }
    Ok(Blame {
        slug: files.slug().to_string(),
        locale: locale.to_string(),
        revision: history.number(),
        segments,
    })
}

/// The latest journal entry of `action` on segment `id` with the translation `text`.
fn latest<'j>(journal: &'j Journal, id: &str, action: Action, text: &str) -> Option<&'j Entry> {
    journal
        .entries
        .iter()
        .rev()
        .find(|e| e.id == id && e.action == action && e.text == text)
}
