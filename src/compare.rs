//! Two source revisions of an article side by side: every segment added, removed, changed or
//! moved between them, each as a word diff, with every locale's translation of it and its state,
//! and, where a translation was rewritten after the change, the translation's own diff.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::article_files::{ArticleFiles, LocaleFile};
use crate::change::{classify, Class};
use crate::diff::{self, Op};
use crate::error::{Error, Result};
use crate::history::History;
use crate::state::State;

/// `bitext diff --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub slug: String,
    pub from: u32,
    pub to: u32,
    /// The article's latest revision: the states are those of now.
    pub revision: u32,
    pub changes: Vec<SegmentChange>,
}

/// What happened to one segment between the two revisions.
#[derive(Debug, Clone, Serialize)]
pub struct SegmentChange {
    pub id: String,
    /// `added`, `removed`, `changed` or `moved`.
    pub change: &'static str,
    /// Whether the segment also moved (always true for `moved`).
    pub moved: bool,
    /// For `changed`: `minor` or `major`.
    pub class: Option<Class>,
    /// The text in the `from` revision (none when added).
    pub old: Option<String>,
    /// The text in the `to` revision (none when removed).
    pub new: Option<String>,
    /// The word diff from `old` to `new`.
    pub diff: Vec<Op>,
    /// Each target locale's translation of the segment (none for a removed segment).
    pub locales: BTreeMap<String, Answer>,
}

/// A locale's translation of a changed segment.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    #[serde(flatten)]
    pub state: State,
    /// The translation now.
    pub translation: Option<String>,
    /// When the translation was rewritten after the change: the translation before it.
    pub previous: Option<String>,
    /// The word diff from `previous` to `translation`.
    pub diff: Option<Vec<Op>>,
}

/// Compares revisions `from` and `to` (default: the latest and the one before it) of the article
/// of `files`, with the translations of the locales read (and their journals).
pub fn compare(files: &ArticleFiles, from: Option<u32>, to: Option<u32>) -> Result<Comparison> {
    let slug = files.slug();
    let history = files.history();
    let latest = history.number();
    let to = to.unwrap_or(latest);
    let from = from.unwrap_or(to.saturating_sub(1));
    for (name, r) in [("--to", to), ("--from", from)] {
        if r > latest {
            return Err(Error::Usage(format!(
                "{name} r{r}: {slug} has revisions r1 to r{latest}"
            )));
        }
    }
    if from >= to {
        return Err(Error::Usage(format!(
            "--from r{from} must come before --to r{to}"
        )));
    }
    let old = history.snapshot(from);
    let new = history.snapshot(to);
    let old_text: HashMap<&str, &str> = old.iter().copied().collect();
    let new_text: HashMap<&str, &str> = new.iter().copied().collect();
    let moved = moved_ids(&old, &new, &old_text, &new_text);

    let mut changes = Vec::new();
    // Removed segments are shown where they stood: after the last segment before them that
    // is still there.
    let mut removed_after: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    let mut anchor = "";
    for &(id, text) in &old {
        if new_text.contains_key(id) {
            anchor = id;
        } else {
            removed_after.entry(anchor).or_default().push((id, text));
        }
    }
    for &(id, text) in removed_after.get("").into_iter().flatten() {
        changes.push(removed(id, text));
    }
    for &(id, text) in &new {
        let before = old_text.get(id).copied();
        let is_moved = moved.contains(id);
        let change = match before {
            None => Some("added"),
            Some(b) if b != text => Some("changed"),
            Some(_) if is_moved => Some("moved"),
            Some(_) => None,
        };
        if let Some(change) = change {
            let segment = history.segment(id);
            // The revisions in (from, to] where the segment changed.
            let revisions: Vec<u32> = segment
                .into_iter()
                .flat_map(|s| s.events())
                .map(|e| e.revision)
                .filter(|&r| r > from && r <= to)
                .collect();
            let locales = files
                .locales()
                .iter()
                .map(|t| (t.locale().to_string(), answer(t, history, id, &revisions)))
                .collect();
            changes.push(SegmentChange {
                id: id.to_string(),
                change,
                moved: is_moved,
                class: before.filter(|b| *b != text).map(|b| classify(b, text)),
                old: before.map(str::to_string),
                new: Some(text.to_string()),
                diff: diff::words(before.unwrap_or(""), text),
                locales,
            });
        }
        for &(id, text) in removed_after.get(id).into_iter().flatten() {
            changes.push(removed(id, text));
        }
    }
    Ok(Comparison {
        slug: slug.to_string(),
        from,
        to,
        revision: latest,
        changes,
    })
}

fn removed(id: &str, text: &str) -> SegmentChange {
    SegmentChange {
        id: id.to_string(),
        change: "removed",
        moved: false,
        class: None,
        old: Some(text.to_string()),
        new: None,
        diff: diff::words(text, ""),
        locales: BTreeMap::new(),
    }
}

/// The segments in both revisions whose place among the others changed: those outside the
/// longest run of common segments that kept their order.
fn moved_ids<'a>(
    old: &[(&'a str, &str)],
    new: &[(&'a str, &str)],
    old_text: &HashMap<&str, &str>,
    new_text: &HashMap<&str, &str>,
) -> HashSet<&'a str> {
    let a: Vec<&str> = old
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| new_text.contains_key(id))
        .collect();
    let b: Vec<&str> = new
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| old_text.contains_key(id))
        .collect();
    let mut kept: HashSet<&str> = HashSet::new();
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        if op.tag() == DiffTag::Equal {
            kept.extend(&a[op.old_range()]);
        }
    }
    b.into_iter().filter(|id| !kept.contains(id)).collect()
}

/// The translation of `id` in `file` now, and its diff when it was rewritten after the segment's
/// changes at `revisions`.
fn answer(file: &LocaleFile, history: &History, id: &str, revisions: &[u32]) -> Answer {
    let translation = file.translation(id);
    let text = translation.as_ref().map(|t| t.text());
    let signoff = translation.as_ref().and_then(|t| t.signoff.as_ref());
    let state = file.state(history, id);
    let previous = match (revisions.first(), revisions.last(), signoff, &text) {
        (Some(&first), Some(&last), Some(s), Some(now)) if s.revision >= last => file
            .journal()
            .and_then(|journal| journal.before(id, first))
            .map(|e| e.text.clone())
            .filter(|before| before != now),
        _ => None,
    };
    Answer {
        state,
        diff: previous
            .as_deref()
            .zip(text.as_deref())
            .map(|(p, t)| diff::words(p, t)),
        translation: text,
        previous,
    }
}
