//! Translation states: current, stale (minor or major), unreviewed, missing.
//!
//! A translation is signed off against a source revision (`signed r3 …` beside it in the target
//! file). It is current while the segment's text is the same as it was in that revision, stale
//! once the English changed, and unreviewed when it has no sign-off at all.

use serde::Serialize;

use crate::change::Class;
use crate::history::{Op, SegmentHistory};

/// A sign-off: the source revision a translation was written or reviewed against, and the
/// fingerprint of the translation's text at that moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOff {
    pub revision: u32,
    pub hash: String,
}

impl SignOff {
    /// The words written into the target file: `signed r3 1a2b3c4d`.
    pub fn render(&self) -> String {
        format!("signed r{} {}", self.revision, self.hash)
    }

    /// Finds `signed rN HASH` in a line of text.
    ///
    /// ```
    /// use bitext::state::SignOff;
    /// let s = SignOff::find("current, signed r2 0a1b2c3d").unwrap();
    /// assert_eq!((s.revision, s.hash.as_str()), (2, "0a1b2c3d"));
    /// ```
    pub fn find(line: &str) -> Option<SignOff> {
        let rest = &line[line.find("signed r")? + "signed r".len()..];
        let mut parts = rest.split_whitespace();
        let revision = parts.next()?.parse().ok()?;
        let hash = parts.next()?.trim_end_matches([',', ';', '.']);
        (hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then(|| SignOff {
            revision,
            hash: hash.to_string(),
        })
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

    /// Current before stale before unreviewed before missing: how much a translation is worth
    /// as a suggestion.
    pub fn rank(self) -> u8 {
        match self {
            State::Current => 0,
            State::Stale { .. } => 1,
            State::Unreviewed => 2,
            State::Missing => 3,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            State::Current => "current",
            State::Stale { .. } => "stale",
            State::Unreviewed => "unreviewed",
            State::Missing => "missing",
        }
    }
}

/// The state of a translation of the segment whose history is `segment`, now at revision `now`.
pub fn state_of(
    segment: SegmentHistory,
    now: u32,
    translated: bool,
    signoff: Option<&SignOff>,
) -> State {
    if !translated {
        return State::Missing;
    }
    let Some(signoff) = signoff else {
        return State::Unreviewed;
    };
    let current = segment.text_at(now);
    let signed = segment.text_at(signoff.revision);
    if signed.is_some() && signed == current && signoff.revision <= now {
        return State::Current;
    }
    let mut class = Class::Minor;
    let changes: Vec<_> = segment
        .since(signoff.revision)
        .filter(|e| e.revision <= now)
        .collect();
    if signed.is_none() || signoff.revision > now || changes.is_empty() {
        class = Class::Major;
    }
    for event in changes {
        if event.op != Op::Changed || event.class != Some(Class::Minor) {
            class = Class::Major;
        }
    }
    State::Stale {
        class,
        signed: signoff.revision,
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
        }
    }

    #[test]
    fn states_follow_the_sign_off() {
        let h = history();
        let seg = h.segment("s-a").unwrap();
        assert_eq!(state_of(seg, 3, false, None), State::Missing);
        assert_eq!(state_of(seg, 3, true, None), State::Unreviewed);
        assert_eq!(state_of(seg, 3, true, Some(&signed(3))), State::Current);
        assert_eq!(
            state_of(seg, 2, true, Some(&signed(1))),
            State::Stale {
                class: Class::Minor,
                signed: 1
            }
        );
        assert_eq!(
            state_of(seg, 3, true, Some(&signed(1))),
            State::Stale {
                class: Class::Major,
                signed: 1
            }
        );
    }
}
