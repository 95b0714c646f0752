//! Target files: `locales/<lc>/<slug>.ftl`, the translations of one article into one locale.
//!
//! Each message carries, in the comment above it, the English it translates (`# en: …`), the
//! English it was translated from when that has changed since (`# en@r1: …`), and a line with its
//! state and sign-off (`# bitext: current, signed r2 1a2b3c4d`). Segments with no translation get
//! a comment in their place (`# bitext: missing s-abc123`). bitext writes these machine lines anew
//! on every rewrite; every other entry (comments of the translator's, terms, junk, messages that are
//! no longer in the source) keeps its exact text and its place next to the message below it.
//!
//! The translator's own comment above a message (its lines that are not bitext's, nor a
//! `bitext-ignore:` line) is the message's note, which exchange files carry out and back
//! ([`TargetFile::comments`], [`comment_lines`]). A note line that bitext would read (one that
//! starts with `bitext`, with the source locale and `:` or `@r`, or holds a sign-off) is written
//! after a backslash (`# \bitext: current`), and bitext reads no marks from a line that starts
//! with one.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap as FastMap;

use super::escape::{self, Piece};
use super::ftl::{self, Entry, FtlFile, Message};
use super::journal;
use crate::fingerprint;
use crate::history::{History, SegmentHistory};
use crate::state::{state_of, SignOff, State, Verdict};

/// What a rewrite knows about the article.
pub struct Context<'a> {
    pub source_locale: &'a str,
    pub target_locale: &'a str,
    pub slug: &'a str,
    /// The article's path, for the header.
    pub article: &'a str,
    pub history: &'a History,
}

/// A translation found in a target file.
#[derive(Debug, Clone)]
pub struct Translation<'f> {
    pub message: &'f Message<'f>,
    pub pieces: &'f [Piece],
    pub signoff: Option<SignOff>,
    /// A reviewer's verdict on the sign-off.
    pub verdict: Option<Verdict>,
    /// The other side's translation, when a git merge found both sides had changed it.
    pub conflict: Option<String>,
}

impl Translation<'_> {
    /// Whether the text was changed since it was signed off (by hand, in an editor).
    pub fn edited_since_signoff(&self) -> bool {
        self.signoff
            .as_ref()
            .is_some_and(|s| !has_value_hash(self.pieces, &s.hash))
    }

    /// Fingerprint of the value as it is now.
    pub fn hash(&self) -> String {
        value_hash(self.pieces)
    }

    pub fn text(&self) -> String {
        escape::display(self.pieces)
    }
}

/// What bitext's comment lines above a message say of it: its sign-off, a reviewer's verdict,
/// and a merge conflict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    pub signoff: Option<SignOff>,
    pub verdict: Option<Verdict>,
    pub conflict: Option<String>,
}

/// The start of the line that records a reviewer's rejection: `bitext: rejected by HANDLE: NOTE`.
pub const REJECTED_BY: &str = "bitext: rejected by ";
/// The start of the line that keeps the other side of a merge conflict.
pub const CONFLICT: &str = "bitext: conflict, the other side's translation: ";

impl Marks {
    /// Reads the marks from a message's comment lines.
    pub fn read(message: &Message) -> Marks {
        let mut marks = Marks::default();
        for line in message.comment_text() {
            if line.starts_with('\\') {
                // A translator's line, escaped because it would read as bitext's.
                continue;
            }
            if let Some(rest) = line.strip_prefix(REJECTED_BY) {
                if let Some((by, note)) = rest.split_once(": ") {
                    marks.verdict = Some(Verdict::Rejected {
                        by: by.trim().to_string(),
                        note: unescape_line(note),
                    });
                }
            } else if let Some(rest) = line.strip_prefix(CONFLICT) {
                marks.conflict = Some(unescape_line(rest));
            } else if line.starts_with("bitext:") {
                if let Some(signoff) = SignOff::find(line) {
                    marks.signoff = Some(signoff);
                    static APPROVED: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
                        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(", approved by "));
                    let approved = APPROVED.find(line.as_bytes());
                    if let Some(by) = approved.map(|at| &line[at + ", approved by ".len()..]) {
                        let by = by.split([',', ' ']).next().unwrap_or("");
                        if marks.verdict.is_none() && !by.is_empty() {
                            marks.verdict = Some(Verdict::Approved { by: by.to_string() });
                        }
                    }
                }
            } else if marks.signoff.is_none() {
                // A sign-off a person or another tool wrote outside a `bitext:` line.
                marks.signoff = SignOff::find(line);
            }
        }
        marks
    }

    /// Whether a reviewer rejected the signed-off translation.
    pub fn rejected(&self) -> bool {
        matches!(self.verdict, Some(Verdict::Rejected { .. }))
    }
}

/// A parsed target file, with its translations found: the first message of each id that has a
/// value, and the marks in the comment above it.
#[derive(Debug)]
pub struct TargetFile<'a> {
    pub file: FtlFile<'a>,
    /// id → its slot in `slots`.
    found: FastMap<&'a str, u32>,
    /// For each message found: the index of the message among the file's entries, and its marks,
    /// read from its comment when they are first asked for (a search or a lookup of a word asks
    /// for few of them).
    slots: Vec<(usize, std::sync::OnceLock<Marks>)>,
    /// The ids whose translation is empty or white space only: not a translation at all.
    blank: std::collections::HashSet<&'a str>,
    /// Junk that starts like a message (`s-4pe8u9 = { …`): the id it was meant for → the junk's
    /// index among the entries.
    broken: HashMap<&'a str, usize>,
}

impl<'a> TargetFile<'a> {
    /// Parses a target file's text (LF line endings, no byte-order mark).
    ///
    /// ```
    /// let t = bitext::store::target::TargetFile::parse("# bitext: current, signed r1 0a1b2c3d\ns-a = 안녕\n");
    /// let found = t.translation("s-a").unwrap();
    /// assert_eq!((found.text().as_str(), found.signoff.unwrap().revision), ("안녕", 1));
    /// ```
    pub fn parse(text: &'a str) -> TargetFile<'a> {
        let file = ftl::parse(text);
        let mut found = FastMap::with_capacity_and_hasher(file.entries.len(), Default::default());
        let mut slots = Vec::with_capacity(file.entries.len());
        let mut blank = std::collections::HashSet::new();
        let mut broken = HashMap::new();
        for (i, entry) in file.entries.iter().enumerate() {
            if let Entry::Junk { source, .. } = entry {
                let id = source.split_once('=').map(|(id, _)| id.trim());
                if let Some(id) = id.filter(|id| ftl::is_identifier(id)) {
                    broken.entry(id).or_insert(i);
                }
            }
            if let Entry::Message(m) = entry {
                if m.has_value() {
                    if let std::collections::hash_map::Entry::Vacant(slot) = found.entry(m.id) {
                        if m.is_blank() {
                            blank.insert(m.id);
                        }
                        slot.insert(slots.len() as u32);
                        slots.push((i, std::sync::OnceLock::new()));
                    }
                }
            }
        }
        TargetFile {
            file,
            found,
            slots,
            blank,
            broken,
        }
    }

    /// The translation of segment `id`, if there is one.
    pub fn translation(&self, id: &str) -> Option<Translation<'_>> {
        let slot = *self.found.get(id)?;
        let Entry::Message(message) = &self.file.entries[self.slots[slot as usize].0] else {
            return None;
        };
        let marks = self.marks_in(slot)?;
        Some(Translation {
            message,
            pieces: message.value()?,
            signoff: marks.signoff.clone(),
            verdict: marks.verdict.clone(),
            conflict: marks.conflict.clone(),
        })
    }

    /// The value of segment `id`'s translation, if the file has one: the pieces of
    /// [`TargetFile::translation`], without copying its marks.
    pub fn value(&self, id: &str) -> Option<&[Piece]> {
        let slot = *self.found.get(id)?;
        match &self.file.entries[self.slots[slot as usize].0] {
            Entry::Message(message) => message.value(),
            _ => None,
        }
    }

    /// The text of segment `id`'s translation as a person reads it ([`escape::display`]), if
    /// the file has one, without a copy when it is plain text.
    pub fn text(&self, id: &str) -> Option<std::borrow::Cow<'_, str>> {
        let slot = *self.found.get(id)?;
        match &self.file.entries[self.slots[slot as usize].0] {
            Entry::Message(message) => message.text(),
            _ => None,
        }
    }

    /// The marks of segment `id`'s translation, if it has one: what its state depends on.
    pub fn marks(&self, id: &str) -> Option<&Marks> {
        self.marks_in(*self.found.get(id)?)
    }

    /// The marks of the message in `slot`, read once.
    fn marks_in(&self, slot: u32) -> Option<&Marks> {
        let (i, marks) = &self.slots[slot as usize];
        let Entry::Message(message) = &self.file.entries[*i] else {
            return None;
        };
        Some(marks.get_or_init(|| Marks::read(message)))
    }

    /// Where a message meant for segment `id` is not valid Fluent (it is junk, and so no
    /// translation): its byte offset and the parser's explanation.
    pub fn broken(&self, id: &str) -> Option<(usize, &str)> {
        match self.file.entries.get(*self.broken.get(id)?)? {
            Entry::Junk {
                offset, message, ..
            } => Some((*offset, message.as_str())),
            _ => None,
        }
    }

    /// Whether segment `id`'s translation is empty (or white space only), which counts as no
    /// translation.
    pub fn is_blank(&self, id: &str) -> bool {
        self.blank.contains(id)
    }

    /// The ids of the messages that have a value, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.found.keys().copied()
    }

    /// The translator's notes by segment id ([`note_of`]): for a segment with a translation, of
    /// the comment above its message; for one without, of the lines under its "missing" line.
    /// Segments without a note are left out.
    pub fn comments(&self, source_locale: &str) -> HashMap<&'a str, String> {
        let mut out = HashMap::new();
        for (i, entry) in self.file.entries.iter().enumerate() {
            let (id, lines) = match entry {
                Entry::Message(m)
                    if self
                        .found
                        .get(m.id)
                        .is_some_and(|&slot| self.slots[slot as usize].0 == i) =>
                {
                    (m.id, &m.comment)
                }
                Entry::Comment { lines } => match placeholder_id(lines) {
                    Some(id) if !self.found.contains_key(id) => (id, lines),
                    _ => continue,
                },
                _ => continue,
            };
            if out.contains_key(id) {
                continue;
            }
            let note = note_of(&translator_lines(lines, source_locale), source_locale);
            if !note.is_empty() {
                out.insert(id, note);
            }
        }
        out
    }
}

/// Whether a translator's comment line is a directive to bitext rather than a note: a
/// `bitext-ignore:` line, which turns checks off for the message. Directives stay where they
/// are when a note is replaced, and never travel as part of one.
fn is_directive(line: &str) -> bool {
    ftl::comment_content(line).starts_with("bitext-ignore:")
}

/// Whether bitext would read something in a note line written as a comment: a line of its own
/// (`bitext:`, `bitext-ignore:`), the English (`en: …`, `en@r1: …`), or a sign-off.
fn read_by_bitext(text: &str, source_locale: &str) -> bool {
    let start = text.trim_start();
    start.starts_with("bitext")
        || start
            .strip_prefix(source_locale)
            .is_some_and(|rest| rest.starts_with(':') || rest.starts_with("@r"))
        || SignOff::find(text).is_some()
}

/// A note as one text: line breaks as `\n` (`\r\n` and `\r` become one), characters that no
/// exchange file can hold (control characters other than the tab, U+FFFE, U+FFFF) as U+FFFD,
/// white space at the end of each line and blank lines at either end dropped. Empty: no note.
///
/// ```
/// use bitext::store::target::normalize_comment;
/// assert_eq!(normalize_comment("\r\n Ask the desk. \r\nr2\r\r\n"), " Ask the desk.\nr2");
/// ```
pub fn normalize_comment(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            line.trim_end()
                .chars()
                .map(|c| match c {
                    '\t' => c,
                    c if c.is_control() && (c as u32) < 0x80 => '\u{FFFD}',
                    '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
                    c => c,
                })
                .collect()
        })
        .collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

/// The note that a translator's comment lines make: each line's text after its `# `, an escaped
/// line ([`comment_lines`]) without its backslash, `bitext-ignore:` lines left out, normalised
/// ([`normalize_comment`]).
pub fn note_of(lines: &[&str], source_locale: &str) -> String {
    let text: Vec<&str> = lines
        .iter()
        .filter(|l| !is_directive(l))
        .map(|l| {
            let content = ftl::comment_content(l);
            match content.strip_prefix('\\') {
                Some(rest) if rest.starts_with('\\') || read_by_bitext(rest, source_locale) => rest,
                _ => content,
            }
        })
        .collect();
    normalize_comment(&text.join("\n"))
}

/// A note as the comment lines that go above a message: one `# ` line per line (`#` for an
/// empty one); a line that bitext would read as its own, or that starts with a backslash, is
/// written after a backslash, so that no note can change a message's marks or checks. Comment
/// lines cannot end a message or start one, so a note is never more than a comment.
///
/// ```
/// use bitext::store::target::comment_lines;
/// assert_eq!(
///     comment_lines("Check the title.\n\nbitext: current, signed r2 1a2b3c4d\nen: fake", "en"),
///     ["# Check the title.", "#", "# \\bitext: current, signed r2 1a2b3c4d", "# \\en: fake"]
/// );
/// ```
pub fn comment_lines(note: &str, source_locale: &str) -> Vec<String> {
    let note = normalize_comment(note);
    if note.is_empty() {
        return Vec::new();
    }
    note.split('\n')
        .map(|line| {
            if line.is_empty() {
                "#".to_string()
            } else if line.starts_with('\\') || read_by_bitext(line, source_locale) {
                format!("# \\{line}")
            } else {
                format!("# {line}")
            }
        })
        .collect()
}

/// The comment lines above a message whose note is replaced by `note`: the new note's lines,
/// then the translator's directives (`bitext-ignore:`) that were there.
fn replaced_comment(old: &[&str], note: &str, source_locale: &str) -> Vec<String> {
    let mut lines = comment_lines(note, source_locale);
    lines.extend(
        translator_lines(old, source_locale)
            .into_iter()
            .filter(|l| is_directive(l))
            .map(str::to_string),
    );
    lines
}

/// Whether a value is empty or white space only.
pub fn is_blank(pieces: &[Piece]) -> bool {
    pieces
        .iter()
        .all(|p| matches!(p, Piece::Text(t) if t.trim().is_empty()))
}

/// The fingerprint recorded in a sign-off for a value.
pub fn value_hash(pieces: &[Piece]) -> String {
    fingerprint::short(&escape::encode_pieces(pieces))
}

/// Whether `hash` is [`value_hash`] of a value made of `pieces`, compared without formatting the
/// fingerprint (reports ask it of every approved translation).
///
/// ```
/// use bitext::store::{escape::Piece, target};
/// let value = [Piece::Text("안녕".into())];
/// assert!(target::has_value_hash(&value, &target::value_hash(&value)));
/// assert!(!target::has_value_hash(&value, &target::value_hash(&value).to_uppercase()));
/// ```
pub fn has_value_hash(pieces: &[Piece], hash: &str) -> bool {
    let fingerprint = fingerprint::fnv1a(escape::encode_pieces(pieces).as_bytes()) >> 32;
    let hash = hash.as_bytes();
    hash.len() == 8
        && hash.iter().enumerate().all(|(i, &b)| {
            let digit = (fingerprint >> (28 - 4 * i)) & 15;
            b == b"0123456789abcdef"[digit as usize]
        })
}

/// A change to make to one message.
#[derive(Debug, Clone)]
pub enum Update {
    /// Write this value, signed off (or not, for a draft).
    Set(Vec<Piece>, Option<SignOff>),
    /// Sign off the value as it stands.
    Sign(SignOff),
    /// A reviewer's verdict on the value and sign-off as they stand.
    Judge(Verdict),
}

/// Whether a comment line is one that bitext writes (and so rewrites), judged alone.
pub fn is_machine_line(line: &str, source_locale: &str) -> bool {
    let content = ftl::comment_content(line);
    content.starts_with("bitext:")
        || content
            .strip_prefix(source_locale)
            .is_some_and(|rest| rest.starts_with(": ") || rest.starts_with("@r") || rest == ":")
}

/// The lines of a comment block that a translator wrote, without the ones bitext wrote: every
/// `bitext:` line, and right above each, at most one line with the English of an earlier
/// revision (`en@r1: …`) and one with the current English (`en: …`). A translator's own comment
/// that happens to start with "en:" is kept.
pub fn translator_lines<'a>(lines: &[&'a str], source_locale: &str) -> Vec<&'a str> {
    let content = |l: &str| ftl::comment_content(l).to_string();
    let mut ours = vec![false; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        if !content(line).starts_with("bitext:") {
            continue;
        }
        ours[i] = true;
        let mut j = i;
        let old = format!("{source_locale}@r");
        let now = format!("{source_locale}:");
        if j > 0 && !ours[j - 1] && content(lines[j - 1]).starts_with(&old) {
            j -= 1;
            ours[j] = true;
        }
        if j > 0 && !ours[j - 1] && content(lines[j - 1]).starts_with(&now) {
            ours[j - 1] = true;
        }
    }
    lines
        .iter()
        .zip(ours)
        .filter(|(_, ours)| !ours)
        .map(|(l, _)| *l)
        .collect()
}

/// The segment id of a "missing" line bitext wrote in a comment block, if there is one.
fn placeholder_id<'a>(lines: &[&'a str]) -> Option<&'a str> {
    lines
        .iter()
        .find_map(|l| ftl::comment_content(l).strip_prefix("bitext: missing "))
        .map(str::trim)
}

/// The translations of a parsed file by id: the first message of each id that has a value.
pub fn translations<'f>(file: &'f FtlFile<'f>) -> HashMap<&'f str, Translation<'f>> {
    let mut out = HashMap::new();
    for m in file.messages() {
        let Some(pieces) = m.value() else {
            continue;
        };
        let marks = Marks::read(m);
        out.entry(m.id).or_insert_with(|| Translation {
            message: m,
            pieces,
            signoff: marks.signoff,
            verdict: marks.verdict,
            conflict: marks.conflict,
        });
    }
    out
}

/// The file's new text: every source segment in order, each with its machine comment and its
/// translation or a "missing" line, and every other entry kept where it was.
///
/// Three steps: the file is cut into [`Chunk`]s (a message or a "missing" line, with the
/// translator's entries before it), each source segment is given its chunks ([`place`]), and the
/// file is written again in the order of the source ([`render`]).
///
/// `notes` replaces the translator's note of a segment (an empty one removes it): above its
/// message, or under its "missing" line; a segment translated where it was missing gets its note
/// above the new message.
pub fn rewrite(
    file: &FtlFile,
    ctx: &Context,
    updates: &HashMap<String, Update>,
    notes: &HashMap<String, String>,
) -> String {
    let current = ctx.history.current();
    let chunks = chunk(file, ctx.source_locale);
    let places = place(&chunks, &current);
    render(&chunks, &places, &current, ctx, updates, notes)
}

/// What a chunk of a file is.
enum Kind<'f> {
    Message(&'f Message<'f>),
    /// A "missing" line bitext wrote for segment `id`, with the translator's lines under it.
    Placeholder {
        id: &'f str,
        own: Vec<&'f str>,
    },
    /// The entries after the last message or placeholder.
    End,
}

/// A message or placeholder and the translator's entries before it (bitext's own comment lines
/// taken out).
struct Chunk<'f> {
    prefix: Vec<Entry<'f>>,
    kind: Kind<'f>,
}

/// Cuts a file into chunks. The "missing" lines bitext wrote mark where their segment was: the
/// translator's entries after one stay with it.
fn chunk<'f>(file: &'f FtlFile<'f>, src: &str) -> Vec<Chunk<'f>> {
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut prefix: Vec<Entry> = Vec::new();
    for entry in &file.entries {
        match entry {
            Entry::Message(m) => {
                if let Some(id) = placeholder_id(&m.comment).filter(|id| *id != m.id) {
                    // A message written under another segment's "missing" line (a mistyped id).
                    chunks.push(Chunk {
                        prefix: std::mem::take(&mut prefix),
                        kind: Kind::Placeholder {
                            id,
                            own: Vec::new(),
                        },
                    });
                }
                chunks.push(Chunk {
                    prefix: std::mem::take(&mut prefix),
                    kind: Kind::Message(m),
                });
            }
            Entry::Comment { lines } => {
                let kept = translator_lines(lines, src);
                match placeholder_id(lines) {
                    Some(id) => chunks.push(Chunk {
                        prefix: std::mem::take(&mut prefix),
                        kind: Kind::Placeholder { id, own: kept },
                    }),
                    None if !kept.is_empty() => prefix.push(Entry::Comment { lines: kept }),
                    None => {}
                }
            }
            Entry::Term {
                id,
                comment,
                source,
                offset,
            } => prefix.push(Entry::Term {
                id,
                comment: translator_lines(comment, src),
                source,
                offset: *offset,
            }),
            Entry::Junk {
                comment,
                source,
                offset,
                message,
            } => prefix.push(Entry::Junk {
                comment: translator_lines(comment, src),
                source,
                offset: *offset,
                message: message.clone(),
            }),
        }
    }
    chunks.push(Chunk {
        prefix,
        kind: Kind::End,
    });
    chunks
}

/// Where each source segment's chunks are: its translation, its place, and the chunks that
/// follow it.
struct Places<'f> {
    /// Each source id's translation: its first message with a value (or its first message).
    primary: HashMap<&'f str, usize>,
    /// Each source id's place: the first "missing" line for it.
    placeholder: HashMap<&'f str, usize>,
    /// The other chunks, each after the segment it followed in the file (`None`: the start).
    followers: HashMap<Option<&'f str>, Vec<usize>>,
}

fn place<'f>(chunks: &[Chunk<'f>], current: &[(&str, &str)]) -> Places<'f> {
    let sources: HashSet<&str> = current.iter().map(|(id, _)| *id).collect();
    let mut primary: HashMap<&str, usize> = HashMap::new();
    let mut placeholder: HashMap<&str, usize> = HashMap::new();
    for (i, chunk) in chunks.iter().enumerate() {
        match &chunk.kind {
            Kind::Message(m) if sources.contains(m.id) => {
                let better = match primary.get(m.id).map(|&j| &chunks[j].kind) {
                    None => true,
                    Some(Kind::Message(p)) => !p.has_value() && m.has_value(),
                    Some(_) => false,
                };
                if better {
                    primary.insert(m.id, i);
                }
            }
            Kind::Placeholder { id, .. } if sources.contains(id) => {
                placeholder.entry(id).or_insert(i);
            }
            _ => {}
        }
    }
    let mut followers: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    let mut anchor: Option<&str> = None;
    for (i, chunk) in chunks.iter().enumerate() {
        match &chunk.kind {
            Kind::Message(m) if primary.get(m.id) == Some(&i) => anchor = Some(m.id),
            Kind::Placeholder { id, .. } if placeholder.get(id) == Some(&i) => anchor = Some(id),
            Kind::End => {}
            _ => followers.entry(anchor).or_default().push(i),
        }
    }
    Places {
        primary,
        placeholder,
        followers,
    }
}

/// The two lines at the top of a target file, for a translator who opens it in an editor.
fn header(ctx: &Context) -> String {
    let src = ctx.source_locale;
    format!(
        "### bitext: {} translation of {}. Above each message: the English (\"{src}:\") and its state.\n\
         ### bitext: write or edit a translation below its English, then run `bitext accept {} {}`.\n",
        ctx.target_locale, ctx.article, ctx.target_locale, ctx.slug,
    )
}

/// Writes the file: the header, then every source segment in order with its chunks.
fn render(
    chunks: &[Chunk],
    places: &Places,
    current: &[(&str, &str)],
    ctx: &Context,
    updates: &HashMap<String, Update>,
    notes: &HashMap<String, String>,
) -> String {
    let src = ctx.source_locale;
    let now = ctx.history.number();
    let sources: HashSet<&str> = current.iter().map(|(id, _)| *id).collect();
    let mut out = header(ctx);
    // A chunk that is not a segment's translation or place: the translator's entries, and an
    // obsolete or duplicate message.
    let write_follower = |out: &mut String, chunk: &Chunk| {
        write_prefix(out, &chunk.prefix);
        match &chunk.kind {
            Kind::Message(m) => {
                out.push('\n');
                let note = if sources.contains(m.id) {
                    "bitext: duplicate id; the first message with this id is the translation"
                        .to_string()
                } else if ctx.history.segment(m.id).is_some() {
                    "bitext: obsolete, no longer in the source".to_string()
                } else {
                    unknown_id_note(m.id, current)
                };
                write_message(out, m, ctx, None, Some(&note), None, now);
            }
            Kind::Placeholder { own, .. } if !own.is_empty() => {
                out.push('\n');
                write_lines(out, own);
            }
            _ => {}
        }
    };
    for &i in places.followers.get(&None).into_iter().flatten() {
        write_follower(&mut out, &chunks[i]);
    }
    for (id, english) in current {
        let own: &[&str] = match places.placeholder.get(id).map(|&i| &chunks[i]) {
            Some(Chunk {
                prefix,
                kind: Kind::Placeholder { own, .. },
            }) => {
                write_prefix(&mut out, prefix);
                own
            }
            _ => &[],
        };
        let message = places.primary.get(id).map(|&i| &chunks[i]);
        let note = notes.get(*id).map(String::as_str);
        match (message, updates.get(*id)) {
            (
                Some(Chunk {
                    prefix,
                    kind: Kind::Message(m),
                }),
                update,
            ) => {
                if !own.is_empty() {
                    out.push('\n');
                    write_lines(&mut out, own);
                }
                write_prefix(&mut out, prefix);
                out.push('\n');
                write_message(&mut out, m, ctx, update, None, note, now);
            }
            (_, Some(update @ Update::Set(pieces, _))) => {
                // A new note goes above the new message, in place of the lines under the
                // "missing" line.
                if !own.is_empty() && note.is_none() {
                    out.push('\n');
                    write_lines(&mut out, own);
                }
                out.push('\n');
                // With a new note, the lines under the "missing" line are the comment it
                // replaces (its directives stay).
                let comment = if note.is_some() {
                    own.to_vec()
                } else {
                    Vec::new()
                };
                let synthetic = Message::new(id, comment, "", Some(pieces.clone()), 0);
                write_message(&mut out, &synthetic, ctx, Some(update), None, note, now);
            }
            _ => {
                out.push('\n');
                push_comment(&mut out, &format!("{src}: {}", one_line(english)));
                push_comment(&mut out, &format!("bitext: missing {id}"));
                match note {
                    Some(note) => {
                        let lines = replaced_comment(own, note, src);
                        write_lines(&mut out, &lines);
                    }
                    None => write_lines(&mut out, own),
                }
            }
        }
        for &i in places.followers.get(&Some(*id)).into_iter().flatten() {
            write_follower(&mut out, &chunks[i]);
        }
    }
    if let Some(last) = chunks.last() {
        write_prefix(&mut out, &last.prefix);
    }
    out
}

/// The note above a message whose id no segment ever had (a mistyped id).
fn unknown_id_note(id: &str, current: &[(&str, &str)]) -> String {
    match crate::text::similar_word(id, current.iter().map(|(id, _)| *id)) {
        Some(like) => {
            format!("bitext: unknown id, no segment has it; did you mean {like}?")
        }
        None => "bitext: unknown id, no segment has it".to_string(),
    }
}

/// Writes the translator's entries, each after a blank line. Junk that starts indented would read
/// as part of the message above it once it stands below one, so a comment line of bitext's goes
/// before it: a comment ends a message, and the junk stays junk where it is.
fn write_prefix(out: &mut String, prefix: &[Entry]) {
    for entry in prefix {
        out.push('\n');
        if let Entry::Junk {
            comment, source, ..
        } = entry
        {
            if comment.is_empty() && source.starts_with([' ', '\t']) {
                push_comment(out, JUNK_GUARD);
            }
        }
        ftl::render_entry(out, entry);
    }
}

/// The comment line bitext writes above indented junk (see [`write_prefix`]).
pub const JUNK_GUARD: &str = "bitext: not valid Fluent below, kept as it was (see `bitext check`)";

fn write_lines(out: &mut String, lines: &[impl AsRef<str>]) {
    for line in lines {
        out.push_str(line.as_ref());
        out.push('\n');
    }
}

/// The journal entries of the sign-offs and verdicts in `updates`, made at `date`; `credits`
/// names the translator an imported file gave for a segment. A translation that is replaced
/// while signed off, and that the journal may not know yet, is recorded first, so that the change
/// shows.
pub fn signed_entries(
    file: &TargetFile,
    updates: &HashMap<String, Update>,
    credits: &HashMap<String, String>,
    date: &str,
) -> Vec<journal::Entry> {
    let mut ids: Vec<&String> = updates.keys().collect();
    ids.sort();
    let mut entries = Vec::new();
    for id in ids {
        let old = file.translation(id);
        let mut entry = match &updates[id] {
            Update::Set(_, None) => continue,
            Update::Set(pieces, Some(signoff)) => {
                let text = escape::display(pieces);
                if let Some((t, s)) = old.as_ref().and_then(|t| Some((t, t.signoff.as_ref()?))) {
                    if !t.edited_since_signoff() && t.text() != text {
                        let mut before = journal::Entry::signed(id, s.revision, t.text());
                        before.by = s.by.clone();
                        before.source = s.source.map(|f| format!("{f:08x}"));
                        entries.push(before);
                    }
                }
                signed_entry(id, signoff, text)
            }
            Update::Sign(signoff) => match &old {
                Some(t) => signed_entry(id, signoff, t.text()),
                None => continue,
            },
            Update::Judge(verdict) => {
                let Some((t, s)) = old.as_ref().and_then(|t| Some((t, t.signoff.as_ref()?))) else {
                    continue;
                };
                let mut entry = signed_entry(id, s, t.text());
                entry.by = Some(verdict.by().to_string());
                match verdict {
                    Verdict::Approved { .. } => entry.action = journal::Action::Approve,
                    Verdict::Rejected { note, .. } => {
                        entry.action = journal::Action::Reject;
                        entry.note = Some(note.clone());
                    }
                }
                entry
            }
        };
        entry.date = Some(date.to_string());
        entry.translator = credits.get(id.as_str()).cloned();
        entries.push(entry);
    }
    entries
}

/// The journal entry of a sign-off of `text`.
fn signed_entry(id: &str, signoff: &SignOff, text: String) -> journal::Entry {
    let mut entry = journal::Entry::signed(id, signoff.revision, text);
    entry.by = signoff.by.clone();
    entry.source = signoff.source.map(|f| format!("{f:08x}"));
    entry
}

/// Writes one message: the translator's comment lines (with `comment` as their note, when it is
/// given), the machine lines, the message. `note` is bitext's note in place of the state.
#[allow(clippy::too_many_arguments)]
fn write_message(
    out: &mut String,
    m: &Message,
    ctx: &Context,
    update: Option<&Update>,
    note: Option<&str>,
    comment: Option<&str>,
    now: u32,
) {
    match comment {
        Some(comment) => {
            let lines = replaced_comment(&m.comment, comment, ctx.source_locale);
            write_lines(out, &lines);
        }
        None => write_lines(out, &translator_lines(&m.comment, ctx.source_locale)),
    }
    let old = Marks::read(m);
    let (pieces, marks, source) = match (update, m.value()) {
        (Some(Update::Set(pieces, signoff)), _) => {
            let marks = Marks {
                signoff: signoff.clone(),
                ..Marks::default()
            };
            (Some(pieces.clone()), marks, None)
        }
        (Some(Update::Sign(signoff)), value) => {
            let marks = Marks {
                signoff: Some(signoff.clone()),
                ..Marks::default()
            };
            (value.map(<[Piece]>::to_vec), marks, Some(m.source))
        }
        (Some(Update::Judge(verdict)), value) => {
            let marks = Marks {
                verdict: Some(verdict.clone()),
                ..old
            };
            (value.map(<[Piece]>::to_vec), marks, Some(m.source))
        }
        (None, value) => (value.map(<[Piece]>::to_vec), old, Some(m.source)),
    };
    match (note, ctx.history.segment(m.id)) {
        (Some(note), _) => match &marks.signoff {
            Some(s) => push_comment(out, &format!("{note}; {}", s.render())),
            None => push_comment(out, note),
        },
        (None, Some(segment)) => {
            let hash = pieces.as_deref().map(value_hash);
            let translated = pieces.as_deref().is_some_and(|p| !is_blank(p));
            write_machine_lines(out, ctx, segment, now, translated, hash, marks);
        }
        (None, None) => {}
    }
    match source {
        Some(source) => out.push_str(source),
        None => {
            let value = pieces
                .as_deref()
                .map(escape::encode_pieces)
                .unwrap_or_default();
            out.push_str(m.id);
            out.push_str(" = ");
            out.push_str(&value);
            out.push_str(attributes_of(m.source));
        }
    }
    out.push('\n');
}

/// The lines bitext writes above a segment's translation: the English now, the English it was
/// translated from when that differs, a reviewer's rejection, a merge conflict, and the state
/// with the sign-off. `hash` is the fingerprint of the translation as it will be written.
fn write_machine_lines(
    out: &mut String,
    ctx: &Context,
    segment: SegmentHistory,
    now: u32,
    translated: bool,
    hash: Option<String>,
    mut marks: Marks,
) {
    let src = ctx.source_locale;
    let english = segment.text_at(now).unwrap_or("");
    push_comment(out, &format!("{src}: {}", one_line(english)));
    // A sign-off from before the English was recorded with it names it by revision: record the
    // English's fingerprint now, while the revision number still means this history's revision.
    if let Some(s) = marks.signoff.as_mut().filter(|s| s.source.is_none()) {
        s.source = segment
            .fingerprint_at(s.revision)
            .filter(|_| s.revision <= now);
    }
    let state = state_of(
        segment,
        now,
        translated,
        marks.signoff.as_ref(),
        marks.rejected(),
    );
    // An approval lapses once the English or the translation changed.
    let edited = marks
        .signoff
        .as_ref()
        .is_some_and(|s| hash.as_deref() != Some(s.hash.as_str()));
    if matches!(marks.verdict, Some(Verdict::Approved { .. }))
        && (state != State::Current || edited)
    {
        marks.verdict = None;
    }
    if state.is_stale() {
        let old = marks
            .signoff
            .as_ref()
            .and_then(|s| crate::state::signed_english(segment, now, s));
        if let (Some(old), Some(signed)) = (old.filter(|old| *old != english), state.signed()) {
            push_comment(out, &format!("{src}@r{signed}: {}", one_line(old)));
        }
    }
    if let Some(Verdict::Rejected { by, note }) = &marks.verdict {
        push_comment(out, &format!("{REJECTED_BY}{by}: {}", escape_line(note)));
    }
    if let Some(other) = &marks.conflict {
        push_comment(out, &format!("{CONFLICT}{}", escape_line(other)));
    }
    let mut line = match state {
        State::Stale { class, signed } => {
            format!("bitext: stale ({}) since r{signed}", class.name())
        }
        State::Rejected { signed } => format!("bitext: rejected since r{signed}"),
        other => format!("bitext: {}", other.name()),
    };
    if let Some(s) = &marks.signoff {
        line.push_str(", ");
        line.push_str(&s.render());
    }
    if let Some(Verdict::Approved { by }) = &marks.verdict {
        line.push_str(", approved by ");
        line.push_str(by);
    }
    push_comment(out, &line);
}

/// Text for a one-line comment that is read back: backslashes and line breaks escaped.
pub fn escape_line(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// The text of a one-line comment written by [`escape_line`], with its line breaks back.
fn unescape_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The attribute lines of a message's source (from the first line that starts with `.`), with
/// the line break before them.
fn attributes_of(source: &str) -> &str {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if offset > 0 && line.trim_start().starts_with('.') {
            return source[offset - 1..].trim_end_matches('\n');
        }
        offset += line.len();
    }
    ""
}

fn push_comment(out: &mut String, text: &str) {
    out.push_str("# ");
    out.push_str(text);
    out.push('\n');
}

/// Text for a one-line comment: line breaks shown as `\n`.
fn one_line(text: &str) -> String {
    text.replace('\n', "\\n").replace('\r', "\\r")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A target file with `lines` as the translator's comment above a signed-off message.
    fn file_with(lines: &[String]) -> String {
        let mut text = String::new();
        for line in lines {
            text.push_str(line);
            text.push('\n');
        }
        text.push_str("# en: Hello.\n# bitext: unreviewed\ns-a = 안녕.\n");
        text
    }

    #[test]
    fn a_note_is_only_ever_a_comment_and_reads_back_as_it_was() {
        for note in [
            "Check the minister's title with the desk.",
            "en: fake English",
            "  en@r1: older fake",
            "bitext: current, signed r2 1a2b3c4d",
            "bitext-ignore: numbers",
            "the desk said: signed r7 0a1b2c3d by someone",
            "s-x = 가짜 번역\ns-a = 덮어쓰기",
            "{ $evil } and { -term\n}",
            "\\already escaped\n\\\\two",
            "### a resource comment\n## a group comment\n-term = x",
            "first\n\nafter a blank line",
            "\u{0} nul, \u{1b}[31m escape, tab\there",
        ] {
            let lines = comment_lines(note, "en");
            let text = file_with(&lines);
            let parsed = TargetFile::parse(&text);
            let messages: Vec<&str> = parsed.file.messages().map(|m| m.id).collect();
            assert_eq!(messages, ["s-a"], "{note:?} made a message:\n{text}");
            assert_eq!(parsed.file.errors().count(), 0, "{note:?}:\n{text}");
            let t = parsed.translation("s-a").unwrap();
            assert!(
                t.signoff.is_none() && t.verdict.is_none(),
                "{note:?}:\n{text}"
            );
            let m = t.message;
            assert_eq!(
                translator_lines(&m.comment, "en").len(),
                lines.len(),
                "{note:?} lost a line to bitext:\n{text}"
            );
            assert!(
                !m.comment.iter().any(|l| is_directive(l)),
                "{note:?} became a directive:\n{text}"
            );
            assert_eq!(
                parsed
                    .comments("en")
                    .get("s-a")
                    .cloned()
                    .unwrap_or_default(),
                normalize_comment(note),
                "{note:?}:\n{text}"
            );
        }
    }

    #[test]
    fn line_breaks_and_ends_are_normalised() {
        assert_eq!(normalize_comment("a\r\nb\rc\n"), "a\nb\nc");
        assert_eq!(normalize_comment("\n  \n x  \n\n"), " x");
        assert_eq!(normalize_comment(" \n\t\n"), "");
        assert_eq!(comment_lines("a\r\n\r\nb", "en"), ["# a", "#", "# b"]);
        assert!(comment_lines("\n \n", "en").is_empty());
    }

    #[test]
    fn a_new_note_replaces_the_old_one_and_keeps_the_directives() {
        let old = ["# old note", "# bitext-ignore: numbers", "# en: Hello."];
        assert_eq!(
            replaced_comment(&old, "새 메모", "en"),
            ["# 새 메모", "# bitext-ignore: numbers"]
        );
        assert_eq!(
            replaced_comment(&old, "", "en"),
            ["# bitext-ignore: numbers"]
        );
        let parsed = TargetFile::parse(
            "# 메모\n# bitext-ignore: numbers\n# en: Hello.\n# bitext: unreviewed\ns-a = 안녕.\n\n\
             # en: Bye.\n# bitext: missing s-b\n# 아직 모름\n",
        );
        let comments = parsed.comments("en");
        assert_eq!(comments.get("s-a").map(String::as_str), Some("메모"));
        assert_eq!(comments.get("s-b").map(String::as_str), Some("아직 모름"));
    }
}
