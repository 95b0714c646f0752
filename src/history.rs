//! Source revisions: every sync that changes an article's segments appends a revision.
//!
//! The history of `articles/<slug>.md` lives in `history/<slug>.jsonl`, one JSON object a line, so
//! that it reads well in `git diff`: a revision line (number, date, article fingerprint, segment
//! order) followed by one line per added, changed or removed segment with its text. Any revision's
//! text can be rebuilt from it, and every id ever used is in it, so ids are never reused.

use std::path::Path;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::change::Class;
use crate::error::{Error, Result};

/// The version of the segmentation rules; a sync with newer rules re-segments every article.
pub const RULES: u32 = 2;

/// An article's source history.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub revisions: Vec<Revision>,
    /// id → index into `trails`.
    index: FxHashMap<String, usize>,
    /// For each segment, where its run of `changes` starts and how long it is.
    trails: Vec<(usize, usize)>,
    /// The changes of each segment, segment after segment: where each is (revision index,
    /// change index) and the fingerprint of its text, oldest first.
    changes: Vec<(usize, usize, Option<u32>)>,
}

/// One revision and what it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub number: u32,
    /// RFC 3339, UTC.
    pub date: String,
    /// Fingerprint of the article file this revision was made from.
    pub article: String,
    pub rules: u32,
    /// Every segment id of the revision, in document order.
    pub order: Vec<String>,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub id: String,
    pub op: Op,
    /// The segment's text in this revision (none when removed).
    pub text: Option<String>,
    /// For changes: minor or major.
    pub class: Option<Class>,
    /// The old segments this one was split from or merged from, when it was.
    pub from: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Added,
    Changed,
    Removed,
}

/// What happened to one segment, revision by revision: a view into the revisions.
#[derive(Debug, Clone, Copy)]
pub struct SegmentHistory<'h> {
    revisions: &'h [Revision],
    trail: &'h [(usize, usize, Option<u32>)],
}

/// One change of a segment.
#[derive(Debug, Clone, Copy)]
pub struct Event<'h> {
    pub revision: u32,
    pub op: Op,
    pub text: Option<&'h str>,
    /// The fingerprint of `text` ([`crate::fingerprint::source`]).
    pub fingerprint: Option<u32>,
    pub class: Option<Class>,
}

#[derive(Serialize, Deserialize, Default, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Line {
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rules: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    order: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    added: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<Class>,
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    removed: bool,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    from: Vec<String>,
}

/// The lines of `text`, as [`str::lines`] gives them (a line feed ends a line, and a carriage
/// return before it is left out), found with a vectorized search.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(i) = memchr::memchr(b'\n', rest.as_bytes()) else {
            return Some(std::mem::take(&mut rest));
        };
        let line = &rest[..i];
        rest = &rest[i + 1..];
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

impl Line {
    /// A line as bitext writes it, read without the JSON parser: an object of the known keys,
    /// each at most once, with no white space, whose strings have no escape and whose numbers
    /// are plain. `None` for anything else, which the JSON parser reads (or explains).
    fn plain(line: &str) -> Option<Line> {
        let mut rest = line.strip_prefix('{')?.strip_suffix('}')?;
        let mut out = Line::default();
        let mut seen = 0u16;
        while !rest.is_empty() {
            let key;
            (key, rest) = plain_string(rest)?;
            rest = rest.strip_prefix(':')?;
            let bit = match key {
                "revision" => {
                    let n;
                    (n, rest) = plain_number(rest)?;
                    out.revision = Some(n);
                    1
                }
                "date" | "article" | "id" | "added" | "changed" => {
                    let text;
                    (text, rest) = plain_string(rest)?;
                    let (field, bit) = match key {
                        "date" => (&mut out.date, 2),
                        "article" => (&mut out.article, 4),
                        "id" => (&mut out.id, 8),
                        "added" => (&mut out.added, 16),
                        _ => (&mut out.changed, 32),
                    };
                    *field = Some(text.to_string());
                    bit
                }
                "rules" => {
                    let n;
                    (n, rest) = plain_number(rest)?;
                    out.rules = Some(n);
                    64
                }
                "order" | "from" => {
                    let mut list = Vec::new();
                    rest = rest.strip_prefix('[')?;
                    if let Some(after) = rest.strip_prefix(']') {
                        rest = after;
                    } else {
                        loop {
                            let item;
                            (item, rest) = plain_string(rest)?;
                            list.push(item.to_string());
                            match rest.as_bytes().first()? {
                                b',' => rest = &rest[1..],
                                b']' => {
                                    rest = &rest[1..];
                                    break;
                                }
                                _ => return None,
                            }
                        }
                    }
                    if key == "order" {
                        out.order = Some(list);
                        128
                    } else {
                        out.from = list;
                        256
                    }
                }
                "class" => {
                    let class;
                    (class, rest) = plain_string(rest)?;
                    out.class = Some(match class {
                        "minor" => Class::Minor,
                        "major" => Class::Major,
                        _ => return None,
                    });
                    512
                }
                "removed" => {
                    (out.removed, rest) = if let Some(after) = rest.strip_prefix("true") {
                        (true, after)
                    } else {
                        (false, rest.strip_prefix("false")?)
                    };
                    1024
                }
                _ => return None,
            };
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            if !rest.is_empty() {
                rest = rest.strip_prefix(',')?;
                if rest.is_empty() {
                    return None;
                }
            }
        }
        Some(out)
    }
}

/// A JSON string at the start of `text` that has no escape and no control character, and the
/// text after it.
fn plain_string(text: &str) -> Option<(&str, &str)> {
    let text = text.strip_prefix('"')?;
    let end = memchr::memchr2(b'"', b'\\', text.as_bytes())?;
    if text.as_bytes()[end] != b'"' || text.as_bytes()[..end].iter().any(|&b| b < 0x20) {
        return None;
    }
    Some((&text[..end], &text[end + 1..]))
}

/// A number at the start of `text` written as JSON writes a `u32`: digits, with no leading zero,
/// and the text after it.
fn plain_number(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 || (digits > 1 && text.starts_with('0')) {
        return None;
    }
    Some((text[..digits].parse().ok()?, &text[digits..]))
}

impl History {
    /// Reads a history file's text; `path` is used in errors.
    pub fn parse(path: &Path, text: &str) -> Result<History> {
        if let Some(offset) = crate::error::conflict_marker(text) {
            return Err(crate::error::conflict_error(path, text, offset));
        }
        let mut revisions: Vec<Revision> = Vec::new();
        let mut revision_lines = Vec::new();
        for (n, line) in lines(text).enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = |column: usize, message: String| Error::At {
                path: path.to_path_buf(),
                line: n + 1,
                column,
                message,
                snippet: crate::error::snippet(text, n + 1, column),
            };
            let parsed: Line = match Line::plain(line) {
                Some(parsed) => parsed,
                None => serde_json::from_str(line).map_err(|e| at(e.column(), e.to_string()))?,
            };
            if let Some(number) = parsed.revision {
                let expected = revisions.len() as u32 + 1;
                if number != expected {
                    return Err(at(
                        1,
                        format!("revision {number} where {expected} was expected"),
                    ));
                }
                revision_lines.push(n + 1);
                revisions.push(Revision {
                    number,
                    date: parsed.date.unwrap_or_default(),
                    article: parsed.article.unwrap_or_default(),
                    rules: parsed.rules.unwrap_or(RULES),
                    order: parsed.order.unwrap_or_default(),
                    changes: Vec::new(),
                });
                continue;
            }
            let Some(revision) = revisions.last_mut() else {
                return Err(at(1, "a change before the first revision line".into()));
            };
            let Some(id) = parsed.id else {
                return Err(at(1, "a line with neither \"revision\" nor \"id\"".into()));
            };
            let (op, text) = match (parsed.added, parsed.changed, parsed.removed) {
                (Some(t), None, false) => (Op::Added, Some(t)),
                (None, Some(t), false) => (Op::Changed, Some(t)),
                (None, None, true) => (Op::Removed, None),
                _ => {
                    return Err(at(
                        1,
                        format!("{id}: give exactly one of added, changed, removed"),
                    ))
                }
            };
            revision.changes.push(Change {
                id,
                op,
                text,
                class: parsed.class,
                from: parsed.from,
            });
        }
        let mut history = History {
            revisions,
            ..History::default()
        };
        history.reindex();
        // Every id of a revision's order must have a text in that revision, once.
        let mut seen = rustc_hash::FxHashSet::default();
        for (r, line) in history.revisions.iter().zip(revision_lines) {
            seen.clear();
            for id in &r.order {
                let problem = if !seen.insert(id.as_str()) {
                    Some("is listed twice")
                } else if history.text_at(id, r.number).is_none() {
                    Some("has no text in this revision")
                } else {
                    None
                };
                if let Some(problem) = problem {
                    return Err(Error::At {
                        path: path.to_path_buf(),
                        line,
                        column: 1,
                        message: format!("revision {}: segment {id} {problem}", r.number),
                        snippet: String::new(),
                    });
                }
            }
        }
        Ok(history)
    }

    fn reindex(&mut self) {
        self.index.clear();
        self.trails.clear();
        self.changes.clear();
        // Each segment's changes in one list, oldest first: first how many each has, then
        // where each segment's run starts, then the changes into their places.
        let mut segment_of = Vec::new();
        for revision in &self.revisions {
            for change in &revision.changes {
                let i = match self.index.get(change.id.as_str()) {
                    Some(&i) => i,
                    None => {
                        let i = self.trails.len();
                        self.index.insert(change.id.clone(), i);
                        self.trails.push((0, 0));
                        i
                    }
                };
                self.trails[i].1 += 1;
                segment_of.push(i);
            }
        }
        let mut start = 0;
        for trail in &mut self.trails {
            trail.0 = start;
            start += trail.1;
            trail.1 = 0;
        }
        self.changes.resize(start, (0, 0, None));
        let mut segment_of = segment_of.into_iter();
        for (r, revision) in self.revisions.iter().enumerate() {
            for (c, change) in revision.changes.iter().enumerate() {
                let Some(i) = segment_of.next() else { return };
                let trail = &mut self.trails[i];
                let fingerprint = change.text.as_deref().map(crate::fingerprint::source);
                self.changes[trail.0 + trail.1] = (r, c, fingerprint);
                trail.1 += 1;
            }
        }
    }

    /// Appends a revision.
    pub fn push(&mut self, revision: Revision) {
        self.revisions.push(revision);
        self.reindex();
    }

    /// The file text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for r in &self.revisions {
            let line = Line {
                revision: Some(r.number),
                date: Some(r.date.clone()),
                article: Some(r.article.clone()),
                rules: Some(r.rules),
                order: Some(r.order.clone()),
                ..Line::default()
            };
            push_line(&mut out, &line);
            for c in &r.changes {
                let mut line = Line {
                    id: Some(c.id.clone()),
                    class: c.class,
                    from: c.from.clone(),
                    ..Line::default()
                };
                match c.op {
                    Op::Added => line.added = c.text.clone(),
                    Op::Changed => line.changed = c.text.clone(),
                    Op::Removed => line.removed = true,
                }
                push_line(&mut out, &line);
            }
        }
        out
    }

    pub fn latest(&self) -> Option<&Revision> {
        self.revisions.last()
    }

    /// The number of the latest revision (0 before the first sync).
    pub fn number(&self) -> u32 {
        self.latest().map_or(0, |r| r.number)
    }

    pub fn segment(&self, id: &str) -> Option<SegmentHistory<'_>> {
        self.index.get(id).map(|&i| SegmentHistory {
            revisions: &self.revisions,
            trail: &self.changes[self.trails[i].0..][..self.trails[i].1],
        })
    }

    /// Every segment id the history ever used, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.index.keys().map(String::as_str)
    }

    /// Whether `article` (an article file's text) is what the latest revision was made from.
    pub fn synced_from(&self, article: &str) -> bool {
        self.latest()
            .is_some_and(|r| r.article == article_fingerprint(article))
    }

    /// The text of segment `id` at `revision`, if it existed then.
    pub fn text_at(&self, id: &str, revision: u32) -> Option<&str> {
        self.segment(id)?.text_at(revision)
    }

    /// The segments of `revision` in order, with their texts.
    pub fn snapshot(&self, revision: u32) -> Vec<(&str, &str)> {
        let Some(r) = self.revisions.iter().find(|r| r.number == revision) else {
            return Vec::new();
        };
        r.order
            .iter()
            .filter_map(|id| Some((id.as_str(), self.text_at(id, revision)?)))
            .collect()
    }

    /// The segments of the latest revision, in order, with their texts.
    pub fn current(&self) -> Vec<(&str, &str)> {
        self.snapshot(self.number())
    }
}

impl<'h> SegmentHistory<'h> {
    /// The segment's changes, oldest first.
    pub fn events(self) -> impl DoubleEndedIterator<Item = Event<'h>> {
        self.trail.iter().map(move |&(r, c, fingerprint)| {
            let revision = &self.revisions[r];
            let change = &revision.changes[c];
            Event {
                revision: revision.number,
                op: change.op,
                text: change.text.as_deref(),
                fingerprint,
                class: change.class,
            }
        })
    }

    pub fn text_at(self, revision: u32) -> Option<&'h str> {
        self.events().rev().find(|e| e.revision <= revision)?.text
    }

    /// The fingerprint of the text at `revision`, if the segment existed then.
    pub fn fingerprint_at(self, revision: u32) -> Option<u32> {
        self.events()
            .rev()
            .find(|e| e.revision <= revision)?
            .fingerprint
    }

    /// The changes made after `revision`.
    pub fn since(self, revision: u32) -> impl Iterator<Item = Event<'h>> {
        self.events().filter(move |e| e.revision > revision)
    }
}

fn push_line(out: &mut String, line: &Line) {
    // Serializing plain strings and numbers cannot fail.
    out.push_str(&serde_json::to_string(line).unwrap_or_default());
    out.push('\n');
}

/// The fingerprint a revision records of the article file it was made from.
pub fn article_fingerprint(article: &str) -> String {
    crate::fingerprint::long(article.as_bytes())
}

/// What one revision did: `bitext log`'s line for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisionStats {
    pub revision: u32,
    pub date: String,
    /// Segments in the revision.
    pub segments: usize,
    pub added: usize,
    pub changed: usize,
    pub changed_minor: usize,
    pub changed_major: usize,
    pub removed: usize,
}

impl Revision {
    /// How many segments the revision added, changed (minor, major) and removed.
    pub fn stats(&self) -> RevisionStats {
        let count = |f: &dyn Fn(&Change) -> bool| self.changes.iter().filter(|c| f(c)).count();
        RevisionStats {
            revision: self.number,
            date: self.date.clone(),
            segments: self.order.len(),
            added: count(&|c| c.op == Op::Added),
            changed: count(&|c| c.op == Op::Changed),
            changed_minor: count(&|c| c.op == Op::Changed && c.class == Some(Class::Minor)),
            changed_major: count(&|c| c.op == Op::Changed && c.class != Some(Class::Minor)),
            removed: count(&|c| c.op == Op::Removed),
        }
    }
}

/// `bitext log --json`: an article's revisions.
#[derive(Debug, Clone, Serialize)]
pub struct Log {
    pub slug: String,
    pub revisions: Vec<RevisionStats>,
}

impl History {
    /// The log of the article `slug` whose history this is.
    pub fn log(&self, slug: &str) -> Log {
        Log {
            slug: slug.to_string(),
            revisions: self.revisions.iter().map(Revision::stats).collect(),
        }
    }
}

/// `seconds` since the Unix epoch as an RFC 3339 UTC timestamp.
///
/// ```
/// assert_eq!(bitext::history::format_date(1629158400), "2021-08-17T00:00:00Z");
/// ```
pub fn format_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// The date to record: `SOURCE_DATE_EPOCH` when set, else now.
pub fn now() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    format_date(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_round_trips_through_its_file() {
        let text = concat!(
            "{\"revision\":1,\"date\":\"2021-08-17T00:00:00Z\",\"article\":\"ab\",\"rules\":1,\"order\":[\"title\",\"s-a\"]}\n",
            "{\"id\":\"title\",\"added\":\"Hello\"}\n",
            "{\"id\":\"s-a\",\"added\":\"World.\"}\n",
            "{\"revision\":2,\"date\":\"2021-08-18T00:00:00Z\",\"article\":\"cd\",\"rules\":1,\"order\":[\"title\"]}\n",
            "{\"id\":\"title\",\"changed\":\"Hello!\",\"class\":\"minor\"}\n",
            "{\"id\":\"s-a\",\"removed\":true}\n",
        );
        let h = History::parse(Path::new("h.jsonl"), text).unwrap();
        assert_eq!(h.render(), text);
        assert_eq!(h.text_at("title", 1), Some("Hello"));
        assert_eq!(h.current(), [("title", "Hello!")]);
        assert_eq!(h.snapshot(1), [("title", "Hello"), ("s-a", "World.")]);
        assert!(h.ids().any(|id| id == "s-a"));
    }

    /// The lines read without the JSON parser are read as the JSON parser reads them, and
    /// anything else is left to it.
    #[test]
    fn plain_lines_are_read_as_the_json_parser_reads_them() {
        let lines = [
            r#"{"revision":1,"date":"2021-08-17T00:00:00Z","article":"ab","rules":2,"order":["title","s-a"]}"#,
            r#"{"revision":12,"date":"","article":"","rules":0,"order":[]}"#,
            r#"{"id":"title","added":"Hello"}"#,
            r#"{"id":"s-a","changed":"World!","class":"minor"}"#,
            r#"{"id":"s-a","changed":"World!","class":"major","from":["s-b","s-c"]}"#,
            r#"{"id":"s-a","removed":true}"#,
            r#"{"id":"s-a","removed":false,"added":"x"}"#,
            r#"{"added":"Hello","id":"title"}"#,
            r#"{"id":"s-a","added":"Ünïcødé, 한국어 «текст» {braces} [brackets]: colons"}"#,
            r#"{}"#,
            // Left to the JSON parser:
            r#"{"id":"s-a","added":"He said "no"."}"#,
            r#"{"id":"s-a","added":"abc"}"#,
            r#"{"id": "s-a", "added": "spaces"}"#,
            r#" {"id":"s-a","added":"x"}"#,
            r#"{"id":"s-a","added":"x"} "#,
            r#"{"id":"s-a","id":"s-b","added":"x"}"#,
            r#"{"id":"s-a","added":"x",}"#,
            r#"{"id":"s-a","added":"x","unknown":1}"#,
            r#"{"id":"s-a","added":null}"#,
            r#"{"revision":01,"date":"d","article":"a","rules":1,"order":[]}"#,
            r#"{"revision":-1}"#,
            r#"{"revision":1.0}"#,
            r#"{"revision":4294967296}"#,
            r#"{"revision":999999999}"#,
            r#"{"id":"s-a","changed":"x","class":"Minor"}"#,
            r#"{"id":"s-a","removed":1}"#,
            r#"{"id":"s-a","added":"tab	inside"}"#,
            r#"{"id":"s-a","order":["a",]}"#,
            r#"{"id":"s-a","order":["a" ,"b"]}"#,
            r#"{"id":"s-a","added":"x"}}"#,
            r#"{"id":"s-a","added":"x}"#,
            r#"{"id":"s-a""added":"x"}"#,
            r#"{"id":"s-a","added":"x"#,
            r#"{"id""#,
            r#"{"#,
            r#"[]"#,
        ];
        for line in lines {
            let json = serde_json::from_str::<Line>(line);
            if let Some(plain) = Line::plain(line) {
                assert_eq!(Some(&plain), json.as_ref().ok(), "{line}");
            }
        }
        assert!(Line::plain(lines[10]).is_none() && Line::plain(lines[15]).is_none());
        // What bitext writes is read plainly.
        let text = History::parse(Path::new("h.jsonl"), SAMPLE)
            .unwrap()
            .render();
        for line in text.lines() {
            assert!(Line::plain(line).is_some(), "{line}");
        }
    }

    const SAMPLE: &str = concat!(
        "{\"revision\":1,\"date\":\"2021-08-17T00:00:00Z\",\"article\":\"ab\",\"rules\":1,\"order\":[\"title\",\"s-a\"]}\n",
        "{\"id\":\"title\",\"added\":\"Hello\"}\n",
        "{\"id\":\"s-a\",\"added\":\"World.\"}\n",
        "{\"revision\":2,\"date\":\"2021-08-18T00:00:00Z\",\"article\":\"cd\",\"rules\":1,\"order\":[\"title\",\"s-b\"]}\n",
        "{\"id\":\"title\",\"changed\":\"Hello!\",\"class\":\"minor\"}\n",
        "{\"id\":\"s-b\",\"added\":\"World, again.\",\"from\":[\"s-a\"]}\n",
        "{\"id\":\"s-a\",\"removed\":true}\n",
    );

    #[test]
    fn lines_are_cut_as_str_lines_cuts_them() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\n\n",
            "a\r\nb",
            "a\rb\n",
            "\r\n\r\n",
            "a\n\r",
            "é\nü\r\n",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn each_segment_has_its_changes_in_order() {
        let h = History::parse(Path::new("h.jsonl"), SAMPLE).unwrap();
        let events = |id: &str| -> Vec<(u32, Op)> {
            h.segment(id)
                .unwrap()
                .events()
                .map(|e| (e.revision, e.op))
                .collect()
        };
        assert_eq!(events("title"), [(1, Op::Added), (2, Op::Changed)]);
        assert_eq!(events("s-a"), [(1, Op::Added), (2, Op::Removed)]);
        assert_eq!(events("s-b"), [(2, Op::Added)]);
        assert_eq!(h.current(), [("title", "Hello!"), ("s-b", "World, again.")]);
        assert!(h.segment("s-c").is_none());
    }

    #[test]
    fn a_broken_line_is_reported_with_its_line() {
        let err = History::parse(Path::new("h.jsonl"), "{\"revision\":1}\n{\"id\":\n").unwrap_err();
        assert!(err.to_string().starts_with("h.jsonl:2:"), "{err}");
    }
}
