//! Three-way merges of the files bitext writes, for git's merge drivers: the history of an
//! article, the journal of sign-offs, and a target file.
//!
//! Each takes the common ancestor's text (`base`), this branch's (`ours`) and the other branch's
//! (`theirs`), and returns the merged text, which never holds conflict markers:
//!
//! - **history** (`history/<slug>.jsonl`): the revisions both sides share, then ours, then each
//!   of theirs replayed on top of ours (what it added, changed and removed), renumbered. Sign-offs
//!   name the English by its fingerprint, so the renumbering moves no translation's state; the
//!   next `bitext sync` reconciles the history with the merged article.
//! - **journal** (`history/<slug>.<lc>.jsonl`): ours, then the lines theirs added.
//! - **target file** (`locales/<lc>/<slug>.ftl`): message by message. A message changed on one
//!   side only takes that side; one changed on both sides differently keeps ours as the message,
//!   without its sign-off (so it is unreviewed), and theirs in a comment marked as a conflict,
//!   which `status` and `check` report until someone translates or accepts the segment. Entries
//!   that only theirs added are kept too: nothing a person wrote is lost.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::change::classify;
use crate::error::Result;
use crate::history::{Change, History, Op, Revision};
use crate::store::escape;
use crate::store::ftl::{self, Entry, FtlFile, Message};
use crate::store::target::{self, Marks};

/// The merged text of a target file, and how many segments conflicted.
pub fn merge_target(base: &str, ours: &str, theirs: &str, source_locale: &str) -> (String, usize) {
    let (base, ours, theirs) = (ftl::parse(base), ftl::parse(ours), ftl::parse(theirs));
    let base_messages = messages(&base);
    let their_messages = messages(&theirs);
    let our_ids: HashSet<&str> = ours.messages().map(|m| m.id).collect();
    let mut out = String::new();
    let mut conflicts = 0;
    let push = |out: &mut String, text: &str| {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(text);
    };
    let mut done: HashSet<&str> = HashSet::new();
    for entry in &ours.entries {
        let Entry::Message(m) = entry else {
            push(&mut out, &render(entry));
            continue;
        };
        if !done.insert(m.id) {
            // A second message with the same id: kept as it is.
            push(&mut out, &render(entry));
            continue;
        }
        let theirs_m = their_messages.get(m.id).copied();
        let base_m = base_messages.get(m.id).copied();
        match pick(base_m, m, theirs_m) {
            Pick::Ours => push(&mut out, &render(entry)),
            Pick::Theirs(t) => push(&mut out, &render(&Entry::Message(t.clone()))),
            Pick::Conflict(t) => {
                conflicts += 1;
                push(&mut out, &conflicted(m, t, source_locale));
            }
        }
    }
    // What only theirs has: messages ours never had, and their own comments and junk.
    let our_texts: HashSet<String> = ours.entries.iter().map(render).collect();
    let base_texts: HashSet<String> = base.entries.iter().map(render).collect();
    for entry in &theirs.entries {
        let text = render(entry);
        let new = match entry {
            Entry::Message(m) => {
                let deleted_by_us =
                    !our_ids.contains(m.id) && base_messages.get(m.id).is_some_and(|b| same(b, m));
                !our_ids.contains(m.id) && !deleted_by_us && done.insert(m.id)
            }
            _ => !our_texts.contains(&text) && !base_texts.contains(&text),
        };
        if new {
            push(&mut out, &text);
        }
    }
    (out, conflicts)
}

enum Pick<'a> {
    Ours,
    Theirs(&'a Message<'a>),
    Conflict(&'a Message<'a>),
}

/// Which side of a message to keep.
fn pick<'a>(base: Option<&Message>, ours: &Message, theirs: Option<&'a Message<'a>>) -> Pick<'a> {
    let Some(theirs) = theirs else {
        return Pick::Ours;
    };
    if same(ours, theirs) {
        return Pick::Ours;
    }
    match base {
        Some(base) if same(base, ours) => Pick::Theirs(theirs),
        Some(base) if same(base, theirs) => Pick::Ours,
        _ => Pick::Conflict(theirs),
    }
}

/// Whether two messages say the same: the same lines and the same sign-off and verdict (the
/// English bitext writes beside them does not count: each side's sync rewrites it).
fn same(a: &Message, b: &Message) -> bool {
    a.source == b.source && Marks::read(a) == Marks::read(b)
}

/// Each id's message: the first with a value, else the first.
fn messages<'f>(file: &'f FtlFile<'f>) -> HashMap<&'f str, &'f Message<'f>> {
    let mut out: HashMap<&str, &Message> = HashMap::new();
    for m in file.messages() {
        match out.get(m.id) {
            Some(first) if first.has_value() || !m.has_value() => {}
            _ => {
                out.insert(m.id, m);
            }
        }
    }
    out
}

fn render(entry: &Entry) -> String {
    let mut out = String::new();
    ftl::render_entry(&mut out, entry);
    out
}

/// Our message without its sign-off, and theirs in a comment marked as a conflict.
fn conflicted(ours: &Message, theirs: &Message, source_locale: &str) -> String {
    let mut out = String::new();
    for line in target::translator_lines(&ours.comment, source_locale) {
        out.push_str(line);
        out.push('\n');
    }
    let other = theirs.value().map(escape::display).unwrap_or_default();
    out.push_str("# ");
    out.push_str(target::CONFLICT);
    out.push_str(&target::escape_line(&other));
    out.push('\n');
    out.push_str(ours.source);
    out.push('\n');
    out
}

/// The merged text of a journal: ours, then the lines theirs added since the base.
pub fn merge_journal(base: &str, ours: &str, theirs: &str) -> String {
    let base: HashSet<&str> = base.lines().collect();
    let our_lines: HashSet<&str> = ours.lines().collect();
    let mut out = String::new();
    for line in ours.lines() {
        out.push_str(line);
        out.push('\n');
    }
    for line in theirs.lines() {
        if !base.contains(line) && !our_lines.contains(line) && !line.trim().is_empty() {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The merged text of an article's history; `path` names the file in errors.
pub fn merge_history(path: &Path, base: &str, ours: &str, theirs: &str) -> Result<String> {
    let base = History::parse(path, base)?;
    let ours = History::parse(path, ours)?;
    let theirs = History::parse(path, theirs)?;
    let shared = ours
        .revisions
        .iter()
        .zip(&theirs.revisions)
        .zip(&base.revisions)
        .take_while(|((o, t), b)| o == t && t == b)
        .count();
    let mut merged = ours.clone();
    let mut snapshot = Snapshot::of(&ours);
    let mut before = Snapshot::of_revision(&theirs, shared);
    for revision in &theirs.revisions[shared..] {
        let after = Snapshot::of_revision(&theirs, revision.number as usize);
        let next = snapshot.replay(&before, &after);
        let changes = snapshot.changes_to(&next);
        if !changes.is_empty() || next.order != snapshot.order {
            merged.push(Revision {
                number: merged.number() + 1,
                date: revision.date.clone(),
                article: revision.article.clone(),
                rules: revision.rules,
                order: next.order.clone(),
                changes,
            });
            snapshot = next;
        }
        before = after;
    }
    Ok(merged.render())
}

/// The segments of a revision: their order and texts.
#[derive(Debug, Clone, Default, PartialEq)]
struct Snapshot {
    order: Vec<String>,
    texts: HashMap<String, String>,
}

impl Snapshot {
    fn of(history: &History) -> Snapshot {
        Snapshot::of_revision(history, history.number() as usize)
    }

    /// The snapshot of revision `number` (0: before the first).
    fn of_revision(history: &History, number: usize) -> Snapshot {
        let pairs = history.snapshot(number as u32);
        Snapshot {
            order: pairs.iter().map(|(id, _)| id.to_string()).collect(),
            texts: pairs
                .iter()
                .map(|(id, text)| (id.to_string(), text.to_string()))
                .collect(),
        }
    }

    /// This snapshot with what changed from `before` to `after` (the other branch's revision)
    /// done to it: segments added, changed and removed there are added, changed and removed
    /// here; a segment added goes after the segment it follows there.
    fn replay(&self, before: &Snapshot, after: &Snapshot) -> Snapshot {
        let mut next = self.clone();
        for id in &before.order {
            if !after.texts.contains_key(id) {
                next.texts.remove(id);
                next.order.retain(|o| o != id);
            }
        }
        for (i, id) in after.order.iter().enumerate() {
            let text = &after.texts[id];
            if before.texts.get(id) == Some(text) {
                continue;
            }
            if next.texts.insert(id.clone(), text.clone()).is_none() {
                let place = after.order[..i]
                    .iter()
                    .rev()
                    .find_map(|p| next.order.iter().position(|o| o == p))
                    .map_or(0, |p| p + 1);
                next.order.insert(place, id.clone());
            }
        }
        next
    }

    /// The changes that make `next` of this snapshot.
    fn changes_to(&self, next: &Snapshot) -> Vec<Change> {
        let mut changes = Vec::new();
        for id in &next.order {
            let text = &next.texts[id];
            let (op, class) = match self.texts.get(id) {
                None => (Op::Added, None),
                Some(old) if old != text => (Op::Changed, Some(classify(old, text))),
                Some(_) => continue,
            };
            changes.push(Change {
                id: id.clone(),
                op,
                text: Some(text.clone()),
                class,
                from: Vec::new(),
            });
        }
        for id in &self.order {
            if !next.texts.contains_key(id) {
                changes.push(Change {
                    id: id.clone(),
                    op: Op::Removed,
                    text: None,
                    class: None,
                    from: Vec::new(),
                });
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_changed_on_one_side_takes_that_side() {
        let base = "# bitext: current, signed r1 00000001\ns-a = 하나\n\ns-b = 둘\n";
        let ours = "# bitext: current, signed r1 00000002\ns-a = 하나!\n\ns-b = 둘\n";
        let theirs = "# bitext: current, signed r1 00000001\ns-a = 하나\n\ns-b = 둘째\n";
        let (merged, conflicts) = merge_target(base, ours, theirs, "en");
        assert_eq!(conflicts, 0);
        assert!(merged.contains("s-a = 하나!"), "{merged}");
        assert!(merged.contains("s-b = 둘째"), "{merged}");
    }

    #[test]
    fn a_message_changed_on_both_sides_keeps_both_and_no_sign_off() {
        let base = "# bitext: current, signed r1 00000001\ns-a = 하나\n";
        let ours = "# bitext: current, signed r2 00000002\ns-a = 우리 것\n";
        let theirs = "# bitext: current, signed r2 00000003\ns-a = 그들 것\n";
        let (merged, conflicts) = merge_target(base, ours, theirs, "en");
        assert_eq!(conflicts, 1);
        assert!(!merged.contains("<<<<<<<"));
        let file = crate::store::target::TargetFile::parse(&merged);
        let t = file.translation("s-a").unwrap();
        assert_eq!(t.text(), "우리 것");
        assert!(t.signoff.is_none());
        assert_eq!(t.conflict.as_deref(), Some("그들 것"));
    }

    #[test]
    fn journals_keep_both_sides_lines_once() {
        let base = "a\n";
        let merged = merge_journal(base, "a\nb\n", "a\nc\nb\n");
        assert_eq!(merged, "a\nb\nc\n");
    }
}
