//! Translation states: current, stale (minor or major), rejected, unreviewed, missing.
//!
//! A translation is signed off against the English it was written for (`signed r3 1a2b3c4d src
//! 5e6f7a8b` beside it in the target file: the revision it was signed in, the fingerprint of the
//! translation, and the fingerprint of the English). It is current while the segment's English
//! is still that English, stale once the English changed, and unreviewed when it has no sign-off
//! at all. The English is named by its fingerprint rather than by the revision number alone,
//! because two git branches number their revisions independently: after a merge, a revision
//! number may name other English than the one the translator saw. (Sign-offs written before
//! fingerprints were recorded name the revision only, and are judged by it.)
//!
//! A reviewer's verdict on a current translation rides on its sign-off: approved, or rejected
//! with a note. A new sign-off (the translation written or accepted again) clears it.

use serde::Serialize;

use crate::change::Class;
use crate::history::{Op, SegmentHistory};

/// A sign-off: the source revision a translation was written or reviewed against, the
/// fingerprint of the translation's text at that moment, the fingerprint of the English it was
/// for, and who signed it off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOff {
    pub revision: u32,
    pub hash: String,
    /// The fingerprint of the English ([`source_fingerprint`]); none in sign-offs written before
    /// it was recorded.
    pub source: Option<u32>,
    /// The person who signed it off, when it was recorded.
    pub by: Option<String>,
}

pub use crate::fingerprint::source as source_fingerprint;

impl SignOff {
    /// A sign-off of a translation whose value has fingerprint `hash`, made now (in revision
    /// `revision`) for `english`, by `by`.
    pub fn new(revision: u32, hash: String, english: &str, by: Option<&str>) -> SignOff {
        SignOff {
            revision,
            hash,
            source: Some(source_fingerprint(english)),
            by: by.map(str::to_string),
        }
    }

    /// The words written into the target file: `signed r3 1a2b3c4d src 5e6f7a8b by arman`.
    pub fn render(&self) -> String {
        let mut out = format!("signed r{} {}", self.revision, self.hash);
        if let Some(source) = self.source {
            out.push_str(&format!(" src {source:08x}"));
        }
        if let Some(by) = &self.by {
            out.push_str(" by ");
            out.push_str(by);
        }
        out
    }

    /// Finds `signed rN HASH [src FP] [by PERSON]` in a line of text.
    ///
    /// ```
    /// use bitext::state::SignOff;
    /// let s = SignOff::find("current, signed r2 0a1b2c3d").unwrap();
    /// assert_eq!((s.revision, s.hash.as_str(), s.source), (2, "0a1b2c3d", None));
    /// let s = SignOff::find("current, signed r3 0a1b2c3d src 00ff00ff by arman, approved by jiwon").unwrap();
    /// assert_eq!((s.source, s.by.as_deref()), (Some(0x00ff00ff), Some("arman")));
    /// ```
    pub fn find(line: &str) -> Option<SignOff> {
        // Read for every comment line of every target file: a searcher built once.
        static SIGNED: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("signed r"));
        let rest = &line[SIGNED.find(line.as_bytes())? + "signed r".len()..];
        let rest = rest.split(',').next().unwrap_or("");
        let mut parts = rest.split_whitespace();
        let revision = parts.next()?.parse().ok()?;
        let hash = parts.next()?.trim_end_matches([';', '.']);
        if hash.len() != 8 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut signoff = SignOff {
            revision,
            hash: hash.to_string(),
            source: None,
            by: None,
        };
        while let Some(key) = parts.next() {
            let value = parts.next().map(|v| v.trim_end_matches([';', '.']));
            match (key, value) {
                ("src", Some(v)) => signoff.source = u32::from_str_radix(v, 16).ok(),
                ("by", Some(v)) => signoff.by = Some(v.to_string()),
                _ => break,
            }
        }
        Some(signoff)
    }
}

/// A reviewer's verdict on a signed-off translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "lowercase")]
pub enum Verdict {
    Approved { by: String },
    Rejected { by: String, note: String },
}

impl Verdict {
    /// The reviewer.
    pub fn by(&self) -> &str {
        match self {
            Verdict::Approved { by } | Verdict::Rejected { by, .. } => by,
        }
    }
}

/// The state of one segment's translation in one locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum State {
    Current,
    Stale {
        class: Class,
        /// The revision the translation was signed off against.
        signed: u32,
    },
    /// Sent back by a reviewer: it counts and behaves as stale until it is translated again.
    Rejected {
        /// The revision the translation was signed off against.
        signed: u32,
    },
    Unreviewed,
    Missing,
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Serializes a state as its name alone (`"stale"`), for records that give its details in
/// fields of their own: `#[serde(serialize_with = "bitext::state::name_only")]`.
pub fn name_only<S: serde::Serializer>(state: &State, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(state.name())
}

impl State {
    /// Whether this is the state a translation has when it needs no work.
    pub fn is_current(self) -> bool {
        self == State::Current
    }

    /// Whether the translation was made for other English than the English now (or sent back):
    /// stale or rejected.
    pub fn is_stale(self) -> bool {
        matches!(self, State::Stale { .. } | State::Rejected { .. })
    }

    /// The revision a stale or rejected translation was signed off against.
    pub fn signed(self) -> Option<u32> {
        match self {
            State::Stale { signed, .. } | State::Rejected { signed } => Some(signed),
            _ => None,
        }
    }

    /// Current before stale before unreviewed before missing: how much a translation is worth
    /// as a suggestion.
    pub fn rank(self) -> u8 {
        match self {
            State::Current => 0,
            State::Stale { .. } | State::Rejected { .. } => 1,
            State::Unreviewed => 2,
            State::Missing => 3,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            State::Current => "current",
            State::Stale { .. } => "stale",
            State::Rejected { .. } => "rejected",
            State::Unreviewed => "unreviewed",
            State::Missing => "missing",
        }
    }

    /// The state named `name`, as a filter takes it (`stale` also matches rejected ones).
    pub fn matches_name(self, name: &str) -> bool {
        self.name() == name || (name == "stale" && self.is_stale())
    }
}

/// The revision whose English a sign-off was made for, in `segment`'s history as of `now`: by
/// the English's fingerprint when the sign-off records it (the last revision in which the
/// segment had that English), else by its revision number. None when the history never had
/// that English (a sign-off from another branch's history, say).
pub fn signed_revision(segment: SegmentHistory, now: u32, signoff: &SignOff) -> Option<u32> {
    let Some(fingerprint) = signoff.source else {
        return segment
            .text_at(signoff.revision)
            .is_some()
            .then_some(signoff.revision)
            .filter(|&r| r <= now);
    };
    // The English as it was in the recorded revision, when it is that English.
    if signoff.revision <= now
        && segment
            .fingerprint_at(signoff.revision)
            .is_some_and(|f| f == fingerprint)
    {
        return Some(signoff.revision);
    }
    let events: Vec<_> = segment.events().filter(|e| e.revision <= now).collect();
    let i = events
        .iter()
        .rposition(|e| e.fingerprint == Some(fingerprint))?;
    Some(events.get(i + 1).map_or(now, |next| next.revision - 1))
}

/// The English a sign-off was made for, if the history has it.
pub fn signed_english<'h>(
    segment: SegmentHistory<'h>,
    now: u32,
    signoff: &SignOff,
) -> Option<&'h str> {
    segment.text_at(signed_revision(segment, now, signoff)?)
}

/// The state of a translation of the segment whose history is `segment`, now at revision `now`;
/// `rejected` when a reviewer sent the signed-off translation back.
pub fn state_of(
    segment: SegmentHistory,
    now: u32,
    translated: bool,
    signoff: Option<&SignOff>,
    rejected: bool,
) -> State {
    if !translated {
        return State::Missing;
    }
    let Some(signoff) = signoff else {
        return State::Unreviewed;
    };
    let signed = signed_revision(segment, now, signoff);
    if rejected {
        return State::Rejected {
            signed: signed.unwrap_or(signoff.revision),
        };
    }
    let Some(signed) = signed else {
        return State::Stale {
            class: Class::Major,
            signed: signoff.revision,
        };
    };
    if segment.fingerprint_at(signed).is_some()
        && segment.fingerprint_at(signed) == segment.fingerprint_at(now)
    {
        return State::Current;
    }
    let changes: Vec<_> = segment
        .since(signed)
        .filter(|e| e.revision <= now)
        .collect();
    let all_minor = !changes.is_empty()
        && changes
            .iter()
            .all(|e| e.op == Op::Changed && e.class == Some(Class::Minor));
    State::Stale {
        class: if all_minor {
            Class::Minor
        } else {
            Class::Major
        },
        signed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::History;
    use std::path::Path;

    fn history() -> History {
        let text = concat!(
            "{\"revision\":1,\"order\":[\"s-a\"]}\n",
            "{\"id\":\"s-a\",\"added\":\"Trade hit $4.25 billion.\"}\n",
            "{\"revision\":2,\"order\":[\"s-a\"]}\n",
            "{\"id\":\"s-a\",\"changed\":\"Trade hit $4.25 billion!\",\"class\":\"minor\"}\n",
            "{\"revision\":3,\"order\":[\"s-a\"]}\n",
            "{\"id\":\"s-a\",\"changed\":\"Trade hit $4.22 billion!\",\"class\":\"major\"}\n",
        );
        History::parse(Path::new("h"), text).unwrap()
    }

    fn signed(revision: u32) -> SignOff {
        SignOff {
            revision,
            hash: "00000000".into(),
            source: None,
            by: None,
        }
    }

    #[test]
    fn states_follow_the_sign_off() {
        let h = history();
        let seg = h.segment("s-a").unwrap();
        assert_eq!(state_of(seg, 3, false, None, false), State::Missing);
        assert_eq!(state_of(seg, 3, true, None, false), State::Unreviewed);
        assert_eq!(
            state_of(seg, 3, true, Some(&signed(3)), false),
            State::Current
        );
        assert_eq!(
            state_of(seg, 2, true, Some(&signed(1)), false),
            State::Stale {
                class: Class::Minor,
                signed: 1
            }
        );
        assert_eq!(
            state_of(seg, 3, true, Some(&signed(1)), false),
            State::Stale {
                class: Class::Major,
                signed: 1
            }
        );
    }
}
