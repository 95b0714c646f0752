//! Target files: `locales/<lc>/<slug>.ftl`, the translations of one article into one locale.
//!
//! Each message carries, in the comment above it, the English it translates (`# en: …`), the
//! English it was translated from when that has changed since (`# en@r1: …`), and a line with its
//! state and sign-off (`# bitext: current, signed r2 1a2b3c4d`). Segments with no translation get
//! a comment in their place (`# bitext: missing s-abc123`). bitext writes these machine lines anew
//! on every rewrite; every other entry (comments of the translator's, terms, junk, messages that are
//! no longer in the source) keeps its exact text and its place next to the message below it.

use std::collections::HashMap;

use super::escape::{self, Piece};
use super::ftl::{self, Entry, FtlFile, Message};
use crate::fingerprint;
use crate::history::History;
use crate::state::{state_of, SignOff, State};

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
    /// Fingerprint of the value as it is now.
    pub hash: String,
}

impl Translation<'_> {
    /// Whether the text was changed since it was signed off (by hand, in an editor).
    pub fn edited_since_signoff(&self) -> bool {
        self.signoff.as_ref().is_some_and(|s| s.hash != self.hash)
    }

    pub fn text(&self) -> String {
        escape::display(self.pieces)
    }
}

/// The fingerprint recorded in a sign-off for a value.
pub fn value_hash(pieces: &[Piece]) -> String {
    fingerprint::short(&escape::encode_pieces(pieces))
}

/// A change to make to one message.
#[derive(Debug, Clone)]
pub enum Update {
    /// Write this value, signed off (or not, for a draft).
    Set(Vec<Piece>, Option<SignOff>),
    /// Sign off the value as it stands.
    Sign(SignOff),
}

/// Whether a comment line is one that bitext writes (and so rewrites).
pub fn is_machine_line(line: &str, source_locale: &str) -> bool {
    let content = ftl::comment_content(line);
    content.starts_with("bitext:")
        || content
            .strip_prefix(source_locale)
            .is_some_and(|rest| rest.starts_with(": ") || rest.starts_with("@r") || rest == ":")
}

/// The translations in a file: the first message of each id that has a value.
pub fn translations<'f>(file: &'f FtlFile<'f>) -> HashMap<&'f str, Translation<'f>> {
    let mut out = HashMap::new();
    for m in file.messages() {
        let Some(pieces) = m.value.as_deref() else {
            continue;
        };
        out.entry(m.id).or_insert_with(|| Translation {
            message: m,
            pieces,
            signoff: m.comment_text().find_map(SignOff::find),
            hash: value_hash(pieces),
        });
    }
    out
}

/// The file's new text: every source segment in order, each with its machine comment and its
/// translation or a "missing" line, and every other entry kept where it was.
pub fn rewrite(file: &FtlFile, ctx: &Context, updates: &HashMap<String, Update>) -> String {
    let machine = |line: &&str| is_machine_line(line, ctx.source_locale);
    let current = ctx.history.current();
    let now = ctx.history.number();
    let is_source = |id: &str| {
        ctx.history
            .latest()
            .is_some_and(|r| r.order.iter().any(|o| o == id))
    };

    // Cut the file into chunks: the entries before a message, and the message.
    struct Chunk<'f> {
        prefix: Vec<&'f Entry<'f>>,
        message: Option<&'f Message<'f>>,
    }
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut prefix = Vec::new();
    for entry in &file.entries {
        match entry {
            Entry::Message(m) => chunks.push(Chunk {
                prefix: std::mem::take(&mut prefix),
                message: Some(m),
            }),
            Entry::Comment { lines } if lines.iter().all(machine) => {}
            other => prefix.push(other),
        }
    }
    chunks.push(Chunk {
        prefix,
        message: None,
    });

    // The first chunk of each source id is its translation; the others follow the source
    // message that they followed in the file.
    let mut primary: HashMap<&str, usize> = HashMap::new();
    let mut followers: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    let mut anchor: Option<&str> = None;
    for (i, chunk) in chunks.iter().enumerate() {
        match chunk.message {
            Some(m) if is_source(m.id) && !primary.contains_key(m.id) => {
                primary.insert(m.id, i);
                anchor = Some(m.id);
            }
            Some(_) => followers.entry(anchor).or_default().push(i),
            None => {}
        }
    }

    let mut out = String::new();
    let header = format!(
        "### bitext: {} translation of {}. Above each message: the English (\"{src}:\") and its state.\n\
         ### bitext: write or edit a translation below its English, then run `bitext accept {} {}`.\n",
        ctx.target_locale,
        ctx.article,
        ctx.target_locale,
        ctx.slug,
        src = ctx.source_locale,
    );
    out.push_str(&header);
    let write_chunk = |out: &mut String, chunk: &Chunk, primary: bool| {
        for entry in &chunk.prefix {
            out.push('\n');
            ftl::render_entry(out, entry);
        }
        if let Some(m) = chunk.message {
            out.push('\n');
            let note = match (primary, is_source(m.id)) {
                (true, _) => None,
                (false, true) => {
                    Some("bitext: duplicate id; the first message with this id is the translation")
                }
                (false, false) => Some("bitext: obsolete, no longer in the source"),
            };
            let update = if primary { updates.get(m.id) } else { None };
            write_message(out, m, ctx, update, note, now);
        }
    };
    for i in followers.get(&None).into_iter().flatten() {
        write_chunk(&mut out, &chunks[*i], false);
    }
    for (id, english) in &current {
        match primary.get(id) {
            Some(&i) => write_chunk(&mut out, &chunks[i], true),
            None => match updates.get(*id) {
                Some(Update::Set(pieces, signoff)) => {
                    out.push('\n');
                    let synthetic = Message {
                        id,
                        comment: Vec::new(),
                        source: "",
                        value: Some(pieces.clone()),
                        offset: 0,
                    };
                    let update = Update::Set(pieces.clone(), signoff.clone());
                    write_message(&mut out, &synthetic, ctx, Some(&update), None, now);
                }
                _ => {
                    out.push('\n');
                    push_comment(
                        &mut out,
                        &format!("{}: {}", ctx.source_locale, one_line(english)),
                    );
                    push_comment(&mut out, &format!("bitext: missing {id}"));
                }
            },
        }
        for i in followers.get(&Some(*id)).into_iter().flatten() {
            write_chunk(&mut out, &chunks[*i], false);
        }
    }
    if let Some(last) = chunks.last() {
        for entry in &last.prefix {
            out.push('\n');
            ftl::render_entry(&mut out, entry);
        }
    }
    out
}

/// Writes one message: the translator's comment lines, the machine lines, the message.
fn write_message(
    out: &mut String,
    m: &Message,
    ctx: &Context,
    update: Option<&Update>,
    note: Option<&str>,
    now: u32,
) {
    for line in &m.comment {
        if !is_machine_line(line, ctx.source_locale) {
            out.push_str(line);
            out.push('\n');
        }
    }
    let old_signoff = m.comment_text().find_map(SignOff::find);
    let (pieces, signoff, source) = match (update, m.value.as_ref()) {
        (Some(Update::Set(pieces, signoff)), _) => (Some(pieces.clone()), signoff.clone(), None),
        (Some(Update::Sign(signoff)), value) => {
            (value.cloned(), Some(signoff.clone()), Some(m.source))
        }
        (None, value) => (value.cloned(), old_signoff, Some(m.source)),
    };
    if let Some(note) = note {
        match &signoff {
            Some(s) => push_comment(out, &format!("{note}; {}", s.render())),
            None => push_comment(out, note),
        }
    } else if let Some(segment) = ctx.history.segment(m.id) {
        let english = segment.text_at(now).unwrap_or("");
        push_comment(
            out,
            &format!("{}: {}", ctx.source_locale, one_line(english)),
        );
        let state = state_of(segment, now, pieces.is_some(), signoff.as_ref());
        if let State::Stale { signed, .. } = state {
            if let Some(old) = segment.text_at(signed) {
                push_comment(
                    out,
                    &format!("{}@r{signed}: {}", ctx.source_locale, one_line(old)),
                );
            }
        }
        let mut line = match state {
            State::Stale { class, signed } => {
                format!("bitext: stale ({}) since r{signed}", class.name())
            }
            other => format!("bitext: {}", other.name()),
        };
        if let Some(s) = &signoff {
            line.push_str(", ");
            line.push_str(&s.render());
        }
        push_comment(out, &line);
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
