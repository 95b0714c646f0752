//! The journal of sign-offs: every translation written or accepted through bitext, with the source
//! revision it was signed off against, in `history/<slug>.<lc>.jsonl`.
//!
//! The target file holds only the translation as it is now; the journal remembers what it was, so
//! that `bitext diff` can show how a translation answered a change of the English. One JSON object
//! a line, appended to and never rewritten, so that two branches merge with git's `union` driver.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// One sign-off of a translation, or a reviewer's verdict on one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    /// What was done: a sign-off (the default, and the only kind of older journals), an approval
    /// or a rejection.
    #[serde(default, skip_serializing_if = "Action::is_sign")]
    pub action: Action,
    /// The source revision it was signed off against.
    pub revision: u32,
    /// When it was written (RFC 3339, UTC); none for a translation bitext found already signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who did it: a handle of `[people]`, or the user name of whoever ran bitext.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The translator an imported file names (PO `Last-Translator`, an XLIFF translator note),
    /// when it is not the person who imported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translator: Option<String>,
    /// The fingerprint of the English it was for, as 8 hexadecimal digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A reviewer's note on a rejection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The translation as a person reads it (expressions as their Fluent source).
    pub text: String,
}

/// What a journal entry records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    #[default]
    Sign,
    Approve,
    Reject,
}

impl Action {
    pub fn is_sign(&self) -> bool {
        *self == Action::Sign
    }
}

impl Entry {
    /// A sign-off of `text` in revision `revision`, with nothing else recorded.
    pub fn signed(id: &str, revision: u32, text: String) -> Entry {
        Entry {
            id: id.to_string(),
            action: Action::Sign,
            revision,
            date: None,
            by: None,
            translator: None,
            source: None,
            note: None,
            text,
        }
    }
}

/// The sign-offs of one article in one locale, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    pub entries: Vec<Entry>,
}

impl Journal {
    /// Reads a journal's text; `path` is used in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Journal> {
        if let Some(offset) = crate::error::conflict_marker(text) {
            return Err(crate::error::conflict_error(path, text, offset));
        }
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let entry = serde_json::from_str(line).map_err(|e| Error::At {
                path: path.to_path_buf(),
                line: n + 1,
                column: e.column(),
                message: e.to_string(),
                snippet: crate::error::snippet(text, n + 1, e.column()),
            })?;
            entries.push(entry);
        }
        Ok(Journal { entries })
    }

    /// The latest sign-off of segment `id`.
    pub fn latest(&self, id: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.id == id && e.action.is_sign())
    }

    /// The sign-offs of segment `id`, oldest first (verdicts left out).
    pub fn signoffs<'j>(&'j self, id: &'j str) -> impl DoubleEndedIterator<Item = &'j Entry> {
        self.entries
            .iter()
            .filter(move |e| e.id == id && e.action.is_sign())
    }

    /// The latest sign-off of segment `id` against a revision before `revision`: the translation
    /// as it stood for the English before that revision.
    pub fn before(&self, id: &str, revision: u32) -> Option<&Entry> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.id == id && e.action.is_sign() && e.revision < revision)
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        for entry in &self.entries {
            // Serializing plain strings and numbers cannot fail.
            out.push_str(&serde_json::to_string(entry).unwrap_or_default());
            out.push('\n');
        }
        out
    }
}

/// The text of a journal whose text is `text` (and entries `journal`) with `entries` appended,
/// leaving out any that would only repeat the latest sign-off of its segment; `None` when there is
/// nothing to add. The lines already there are kept byte for byte.
pub fn appended(text: &str, journal: &Journal, entries: Vec<Entry>) -> Option<String> {
    let mut added: Vec<Entry> = Vec::new();
    for entry in entries {
        let latest = added
            .iter()
            .rev()
            .find(|e| e.id == entry.id && e.action.is_sign())
            .or_else(|| journal.latest(&entry.id));
        let repeat = entry.action.is_sign()
            && latest.is_some_and(|e| {
                e.revision == entry.revision && e.text == entry.text && e.by == entry.by
            });
        if !repeat {
            added.push(entry);
        }
    }
    if added.is_empty() {
        return None;
    }
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&Journal { entries: added }.render());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, revision: u32, text: &str) -> Entry {
        Entry::signed(id, revision, text.into())
    }

    #[test]
    fn before_finds_the_translation_of_the_older_english() {
        let journal = Journal {
            entries: vec![
                entry("s-a", 1, "첫 번역"),
                entry("s-b", 1, "다른 문장"),
                entry("s-a", 3, "고친 번역"),
            ],
        };
        assert_eq!(journal.before("s-a", 3).unwrap().text, "첫 번역");
        assert_eq!(journal.before("s-a", 4).unwrap().text, "고친 번역");
        assert!(journal.before("s-a", 1).is_none());
        assert_eq!(journal.latest("s-a").unwrap().revision, 3);
    }

    #[test]
    fn entries_round_trip_through_the_text() {
        let journal = Journal {
            entries: vec![entry("s-a", 2, "«Кавычки» и {\"{\"} скобки\n")],
        };
        let parsed = Journal::parse(Path::new("j"), &journal.render()).unwrap();
        assert_eq!(parsed.entries, journal.entries);
    }

    #[test]
    fn a_broken_line_is_an_error_with_its_position() {
        let err = Journal::parse(
            Path::new("history/a.ko.jsonl"),
            "{\"id\":\"s-a\",\"revision\":1,\"text\":\"x\"}\n{\"id\":\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("history/a.ko.jsonl:2:"), "{err}");
    }

    #[test]
    fn appending_the_same_sign_off_again_adds_nothing() {
        let journal = Journal {
            entries: vec![entry("s-a", 1, "하나")],
        };
        let text = journal.render();
        assert_eq!(
            appended(&text, &journal, vec![entry("s-a", 1, "하나")]),
            None
        );
        let more = appended(
            &text,
            &journal,
            vec![entry("s-a", 2, "하나"), entry("s-a", 2, "하나")],
        )
        .unwrap();
        let parsed = Journal::parse(Path::new("j"), &more).unwrap();
        assert_eq!(parsed.entries.len(), 2);
        assert!(more.starts_with(&text));
    }
}
