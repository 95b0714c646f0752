//! gettext PO: one entry per segment, `msgctxt "SLUG:ID"`, the English as `msgid` and the
//! translation as `msgstr`, stale and unreviewed translations `#, fuzzy`, a stale one's earlier
//! English as `#| msgid`, the way msgmerge writes them. The translator's own comment is the
//! entry's translator comment (`# …`), and is read back from the `# ` lines Poedit writes.
//!
//! Reading also takes the files other tools make of bitext's exports: translate-toolkit's
//! `xliff2po` keeps `SLUG:ID` as the entry's reference (`#: SLUG:ID`) instead of a `msgctxt`, and
//! writes no `Language` header, so a file named for its locale (`ru.po`) is for that locale.
//!
//! Written and read by hand rather than with a crate: the format is small, bitext needs exact
//! control over what it writes (the same project always gives the same bytes) and, when reading,
//! the line and column of every problem, which the PO crates do not give.

use std::path::Path;

use std::collections::HashMap;

use super::{checked_expression, normalize, Export, Format, Incoming, IncomingUnit, Unit};
use crate::error::{Error, Result};
use crate::state::State;
use crate::store::escape::Piece;
use crate::store::nesting::{self, MAX_NESTING};
use crate::store::target::normalize_comment;

/// The separator between the article and the segment id in `msgctxt`.
pub const CONTEXT_SEPARATOR: char = ':';

/// The PO text of `export`.
pub fn write(export: &Export) -> String {
    let date = po_date(&export.date);
    let mut out = String::new();
    out.push_str(&format!(
        "# {} translation of {} segments, exported by bitext.\n\
         # msgctxt is ARTICLE:ID; a fuzzy entry is stale or unreviewed: remove \"fuzzy\" once done.\n",
        export.target_locale,
        export.units.iter().filter(|u| !u.context).count()
    ));
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    for field in [
        "Project-Id-Version: bitext".to_string(),
        "Report-Msgid-Bugs-To: ".to_string(),
        format!("POT-Creation-Date: {date}"),
        format!("PO-Revision-Date: {date}"),
        format!(
            "Last-Translator: {}",
            export.last_translator.as_deref().unwrap_or_default()
        ),
        format!("Language-Team: {}", export.target_locale),
        format!("Language: {}", export.target_locale),
        "MIME-Version: 1.0".to_string(),
        "Content-Type: text/plain; charset=UTF-8".to_string(),
        "Content-Transfer-Encoding: 8bit".to_string(),
        format!("X-Bitext-Source-Language: {}", export.source_locale),
    ] {
        out.push('"');
        out.push_str(&escape_string(&field));
        out.push_str("\\n\"\n");
    }
    let units = &export.units;
    for (n, unit) in units.iter().enumerate().filter(|(_, u)| !u.context) {
        out.push('\n');
        // PO has no locked entry: the segments around one that need no work go in its comments.
        let before = n.checked_sub(1).map(|b| ("before", &units[b]));
        let after = units.get(n + 1).map(|a| ("after", a));
        let context: Vec<_> = [before, after]
            .into_iter()
            .flatten()
            .filter(|(_, u)| u.context && u.slug == unit.slug)
            .collect();
        write_unit(&mut out, unit, &context, export);
    }
    out
}

/// Writes one entry; `context` are the segments beside it that go out as context only, each with
/// where it is (`before` or `after`).
fn write_unit(out: &mut String, unit: &Unit, context: &[(&str, &Unit)], export: &Export) {
    let (source_locale, target_locale) = (&export.source_locale, &export.target_locale);
    let state = match unit.state {
        State::Stale { class, signed } => format!("stale ({}) since r{signed}", class.name()),
        State::Rejected { signed } => format!("rejected since r{signed}"),
        other => other.name().to_string(),
    };
    // The translator's comment first, as gettext orders an entry's comments: `#` translator,
    // `#.` extracted, `#:` reference, `#,` flags, `#|` previous.
    for line in unit.comment.iter().flat_map(|c| c.split('\n')) {
        out.push('#');
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push_str(&format!("#. bitext: {state}\n"));
    out.push_str(&format!("#. {EXPORTED}{}\n", unit.exported()));
    if let Some(hash) = unit.exported_comment() {
        out.push_str(&format!("#. {EXPORTED_COMMENT}{hash}\n"));
    }
    if let Some(by) = &unit.translator {
        out.push_str(&format!("#. translated by {}\n", one_line(by)));
    }
    if let Some((by, note)) = &unit.rejected {
        out.push_str(&format!(
            "#. rejected by {}: {}\n",
            one_line(by),
            one_line(note)
        ));
    }
    for (place, beside) in context {
        out.push_str(&format!("#. {place}: {}\n", one_line(&beside.source)));
        if let Some(pieces) = &beside.target {
            out.push_str(&format!(
                "#. {place}, {target_locale}: {}\n",
                one_line(&target_text(pieces))
            ));
        }
    }
    for m in &unit.matches {
        out.push_str(&format!(
            "#. tm {}%: {} {} ({})\n",
            m.score, m.slug, m.id, m.state
        ));
        out.push_str(&format!("#.   {source_locale}: {}\n", one_line(&m.source)));
        out.push_str(&format!(
            "#.   {target_locale}: {}\n",
            one_line(&m.translation)
        ));
    }
    let fuzzy = unit.state.is_stale() || unit.state == State::Unreviewed;
    if fuzzy {
        out.push_str("#, fuzzy\n");
    }
    if let Some(previous) = &unit.previous {
        out.push_str("#| msgid ");
        push_string(out, previous, "#| ");
    }
    out.push_str("msgctxt ");
    push_string(
        out,
        &format!("{}{CONTEXT_SEPARATOR}{}", unit.slug, unit.id),
        "",
    );
    out.push_str("msgid ");
    push_string(out, &unit.source, "");
    out.push_str("msgstr ");
    let target = unit.target.as_deref().map(target_text).unwrap_or_default();
    push_string(out, &target, "");
}

/// A literal brace in a PO translation, written as Fluent writes it, so that it cannot be taken
/// for the brace of a placeable.
const OPEN_BRACE: &str = "{\"{\"}";
const CLOSE_BRACE: &str = "{\"}\"}";

/// A translation as a PO msgstr: Fluent placeables as their source (`{ -brand }`), literal braces
/// as `{"{"}` and `{"}"}`, everything else as it is.
fn target_text(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Expr(code) => out.push_str(code),
            Piece::Text(text) => {
                for c in text.chars() {
                    match c {
                        '{' => out.push_str(OPEN_BRACE),
                        '}' => out.push_str(CLOSE_BRACE),
                        c => out.push(c),
                    }
                }
            }
        }
    }
    out
}

/// Writes a PO string and a line break: on one line, or, when it has line breaks inside, as `""`
/// followed by one line per line of text, as msgmerge does.
fn push_string(out: &mut String, text: &str, prefix: &str) {
    let inner = text.strip_suffix('\n').unwrap_or(text);
    if !inner.contains('\n') {
        out.push('"');
        out.push_str(&escape_string(text));
        out.push_str("\"\n");
        return;
    }
    out.push_str("\"\"\n");
    for line in text.split_inclusive('\n') {
        out.push_str(prefix);
        out.push('"');
        out.push_str(&escape_string(line));
        out.push_str("\"\n");
    }
}

fn escape_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\{:03o}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.replace('\n', "\\n").replace('\r', "\\r")
}

/// `2021-08-17T00:00:00Z` → `2021-08-17 00:00+0000`.
fn po_date(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time}+0000"),
        _ => "1970-01-01 00:00+0000".to_string(),
    }
}

/// The extracted comment that records the translation a unit was exported with.
const EXPORTED: &str = "bitext-exported: ";
/// The extracted comment that records the translator's comment a unit was exported with.
const EXPORTED_COMMENT: &str = "bitext-exported-comment: ";

/// One entry as read: its keywords' values and where they are.
#[derive(Default)]
struct Entry {
    offset: usize,
    exported: Option<String>,
    exported_comment: Option<String>,
    /// The translator's comment lines (`# …`), without their `#` and one space.
    comment: Vec<String>,
    fuzzy: bool,
    obsolete: bool,
    context: Option<(String, usize)>,
    /// The `#:` references, each with where it is.
    references: Vec<(String, usize)>,
    msgid: Option<String>,
    /// The translation, and where its keyword is.
    msgstr: Option<(String, usize)>,
    plural: Option<usize>,
}

/// Reads a PO file; `path` is used in errors.
pub fn parse(path: &Path, text: &str) -> Result<Incoming> {
    let file = File { path, text };
    let entries = read_entries(file)?;
    read_units(file, entries)
}

/// The file being read, for errors at their place in it.
#[derive(Clone, Copy)]
struct File<'a> {
    path: &'a Path,
    text: &'a str,
}

impl File<'_> {
    /// An error at byte `offset` of the file.
    fn at(self, offset: usize, message: String) -> Error {
        Error::at_offset(self.path, self.text, offset, message)
    }
}

/// Which string the continuation lines belong to.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Context,
    Id,
    Str,
    Other,
}

/// The lines of a file read into entries so far: the entries done, the one being read, whether
/// it has started, and which of its strings a continuation line adds to.
struct EntryReader<'a> {
    file: File<'a>,
    entries: Vec<Entry>,
    entry: Entry,
    started: bool,
    field: Field,
}

/// Reads the lines of a file into its entries, the header and obsolete ones included.
fn read_entries(file: File) -> Result<Vec<Entry>> {
    let mut reader = EntryReader {
        file,
        entries: Vec::new(),
        entry: Entry::default(),
        started: false,
        field: Field::None,
    };
    let mut offset = 0;
    for raw in file.text.split_inclusive('\n') {
        let line_offset = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(comment) = trimmed.strip_prefix('#') {
            reader.comment(comment, line_offset, indent);
        } else {
            reader.keyword_line(line, line_offset, indent)?;
        }
    }
    Ok(reader.finish())
}

impl EntryReader<'_> {
    /// Starts the entry being read at the line at `line_offset`, unless it has started.
    fn start_entry(&mut self, line_offset: usize) {
        if !self.started {
            self.entry.offset = line_offset;
            self.started = true;
        }
    }

    /// Ends the entry being read; the next line starts another.
    fn next_entry(&mut self) {
        self.entries.push(std::mem::take(&mut self.entry));
        self.field = Field::None;
        self.started = false;
    }

    /// Reads a comment line, `comment` being what follows its `#`: the flags, an obsolete
    /// entry's mark, the references, what the entry was exported with, or a line of the
    /// translator's comment (`# …`, as Poedit and msgmerge write it; `#.`, `#:`, `#,`, `#|` and
    /// `#~` are not the translator's).
    fn comment(&mut self, comment: &str, line_offset: usize, indent: usize) {
        // A comment after a message's strings starts the next entry.
        if self.field != Field::None {
            self.next_entry();
        }
        self.start_entry(line_offset);
        if let Some(flags) = comment.strip_prefix(',') {
            if flags.split(',').any(|f| f.trim() == "fuzzy") {
                self.entry.fuzzy = true;
            }
        } else if comment.starts_with('~') {
            self.entry.obsolete = true;
        } else if let Some(refs) = comment.strip_prefix(':') {
            let base = line_offset + indent + 2;
            let mut at = 0;
            for part in refs.split(' ') {
                if !part.trim().is_empty() {
                    self.entry
                        .references
                        .push((part.trim().to_string(), base + at));
                }
                at += part.len() + 1;
            }
        } else if let Some(exported) = comment
            .strip_prefix('.')
            .and_then(|c| c.trim_start().strip_prefix(EXPORTED))
        {
            self.entry.exported = Some(exported.trim().to_string());
        } else if let Some(hash) = comment
            .strip_prefix('.')
            .and_then(|c| c.trim_start().strip_prefix(EXPORTED_COMMENT))
        {
            self.entry.exported_comment = Some(hash.trim().to_string());
        } else if !comment.starts_with(['.', ':', ',', '|', '~']) {
            let text = comment.strip_prefix(' ').unwrap_or(comment);
            self.entry.comment.push(text.to_string());
        }
    }

    /// Reads a line of a keyword and its string, or of a string alone that continues the string
    /// before it.
    fn keyword_line(&mut self, line: &str, line_offset: usize, indent: usize) -> Result<()> {
        let file = self.file;
        let trimmed = &line[indent..];
        let (keyword, rest) = match trimmed.find(|c: char| c.is_whitespace() || c == '"') {
            Some(i) => (&trimmed[..i], trimmed[i..].trim_start()),
            None => (trimmed, ""),
        };
        let value_offset = line_offset + (line.len() - rest.len());
        let value = || -> Result<String> {
            parse_string(rest).map_err(|(i, why)| file.at(value_offset + i, why))
        };
        let key_offset = line_offset + indent;
        match keyword {
            "" => self.continue_string(value()?, key_offset)?,
            "msgctxt" | "msgid" => {
                let starts_new = match keyword {
                    "msgctxt" => self.field != Field::None,
                    _ => self.field != Field::None && self.field != Field::Context,
                };
                if starts_new {
                    self.next_entry();
                }
                self.start_entry(line_offset);
                let v = value()?;
                if keyword == "msgctxt" {
                    self.entry.context = Some((v, value_offset + 1));
                    self.field = Field::Context;
                } else {
                    self.entry.msgid = Some(v);
                    self.field = Field::Id;
                }
            }
            "msgid_plural" => {
                value()?;
                self.entry.plural = Some(key_offset);
                self.field = Field::Other;
            }
            "msgstr" => {
                if self.field != Field::Id {
                    return Err(file.at(key_offset, "msgstr without a msgid before it".into()));
                }
                self.entry.msgstr = Some((value()?, key_offset));
                self.field = Field::Str;
            }
            k if k.starts_with("msgstr[") => {
                value()?;
                self.entry.plural.get_or_insert(key_offset);
                self.field = Field::Other;
            }
            _ => {
                return Err(file.at(
                    key_offset,
                    format!("unknown keyword {keyword:?} (PO has msgctxt, msgid, msgstr)"),
                ))
            }
        }
        Ok(())
    }

    /// Adds the string of a continuation line, whose text starts at `key_offset`, to the string
    /// before it.
    fn continue_string(&mut self, part: String, key_offset: usize) -> Result<()> {
        let string = match self.field {
            Field::Context => self.entry.context.as_mut().map(|(c, _)| c),
            Field::Id => self.entry.msgid.as_mut(),
            Field::Str => self.entry.msgstr.as_mut().map(|(s, _)| s),
            Field::Other => None,
            Field::None => {
                return Err(self
                    .file
                    .at(key_offset, "a string outside any entry".into()));
            }
        };
        if let Some(string) = string {
            string.push_str(&part);
        }
        Ok(())
    }

    /// The entries read, the last one included.
    fn finish(mut self) -> Vec<Entry> {
        if self.started {
            self.entries.push(self.entry);
        }
        self.entries
    }
}

/// What the header says: the target locale and the source locale, each with where the header
/// is, and the last translator.
#[derive(Default)]
struct Header {
    locale: Option<(String, usize)>,
    source_locale: Option<(String, usize)>,
    translator: Option<String>,
}

impl Header {
    /// Reads the fields of a header whose msgstr is `msgstr` and whose entry is at `offset`.
    fn read(&mut self, msgstr: &str, offset: usize) {
        for field in msgstr.lines() {
            if let Some(v) = field.strip_prefix("Language:") {
                self.locale = Some((v.trim().to_string(), offset));
            } else if let Some(v) = field.strip_prefix("X-Bitext-Source-Language:") {
                self.source_locale = Some((v.trim().to_string(), offset));
            } else if let Some(v) = field.strip_prefix("Last-Translator:") {
                // A template's placeholder names nobody.
                let v = v.trim();
                if !v.is_empty() && !v.starts_with("FULL NAME") {
                    self.translator = Some(v.to_string());
                }
            }
        }
    }
}

/// An entry's msgid and msgstr, and where its msgstr is.
struct Message {
    msgid: String,
    msgstr: String,
    msgstr_offset: usize,
}

/// Reads the entries as the header and the segments of the file.
fn read_units(file: File, entries: Vec<Entry>) -> Result<Incoming> {
    let mut header = Header::default();
    let mut units = Vec::new();
    for mut entry in entries {
        if entry.obsolete {
            continue;
        }
        let Some(message) = take_message(file, &mut entry)? else {
            continue;
        };
        if message.msgid.is_empty() && entry.context.is_none() {
            // The header.
            header.read(&message.msgstr, entry.offset);
            continue;
        }
        units.push(read_segment(file, entry, message)?);
    }
    let Some(target_locale) = header
        .locale
        .filter(|(l, _)| !l.is_empty())
        .or_else(|| locale_of_name(file.path).map(|l| (l, 0)))
    else {
        return Err(file.at(
            0,
            "no \"Language:\" in the PO header, and the file is not named for a locale (ru.po): \
             which locale is this?"
                .into(),
        ));
    };
    Ok(Incoming {
        format: Format::Po,
        source_locale: header.source_locale,
        target_locale,
        translator: header.translator,
        units,
    })
}

/// Takes an entry's msgid and msgstr out of it; `None` for an entry that has none of its strings.
/// An entry with only some of them, or a plural one, is an error.
fn take_message(file: File, entry: &mut Entry) -> Result<Option<Message>> {
    let Some(msgid) = entry.msgid.take() else {
        if entry.context.is_some() || entry.msgstr.is_some() {
            return Err(file.at(entry.offset, "an entry without msgid".into()));
        }
        return Ok(None);
    };
    let plural = |offset: usize| {
        file.at(
            offset,
            "plural entries are not bitext segments (msgid_plural)".into(),
        )
    };
    let Some((msgstr, msgstr_offset)) = entry.msgstr.take() else {
        if let Some(offset) = entry.plural {
            return Err(plural(offset));
        }
        return Err(file.at(entry.offset, "an entry without msgstr".into()));
    };
    if let Some(offset) = entry.plural {
        return Err(plural(offset));
    }
    Ok(Some(Message {
        msgid,
        msgstr,
        msgstr_offset,
    }))
}

/// The segment an entry translates: its article and id from msgctxt (or from its one
/// reference), its English and its translation.
fn read_segment(file: File, entry: Entry, message: Message) -> Result<IncomingUnit> {
    let (context, context_offset) = match entry.context {
        Some(context) => context,
        // translate-toolkit's xliff2po keeps the segment as the entry's one reference.
        None => match entry.references.as_slice() {
            [(reference, offset)] if reference.contains(CONTEXT_SEPARATOR) => {
                (reference.clone(), *offset)
            }
            _ => {
                return Err(file.at(
                    entry.offset,
                    "an entry without msgctxt: bitext needs \"ARTICLE:ID\" to know the \
                     segment (as msgctxt, or as the entry's one #: reference)"
                        .into(),
                ))
            }
        },
    };
    let Some((slug, id)) = context.rsplit_once(CONTEXT_SEPARATOR) else {
        return Err(file.at(
            context_offset,
            format!("msgctxt {context:?} is not ARTICLE:ID"),
        ));
    };
    if nesting::too_deep(&message.msgstr, MAX_NESTING).is_some() {
        return Err(file.at(
            message.msgstr_offset,
            format!("the msgstr nests placeables deeper than {MAX_NESTING} levels"),
        ));
    }
    let target = normalize(split_codes(&message.msgstr));
    let comment = normalize_comment(&entry.comment.join("\n"));
    Ok(IncomingUnit {
        slug: (slug.to_string(), context_offset),
        id: id.to_string(),
        source: message.msgid,
        target: (!target.is_empty()).then_some(target),
        done: !entry.fuzzy,
        offset: entry.offset,
        exported: entry.exported,
        comment: (!comment.is_empty()).then_some(comment),
        exported_comment: entry.exported_comment,
    })
}

/// Reads the string literal at the start of `rest` (`"…"`), resolving its escapes; anything but
/// white space after it is an error. On error: the byte offset in `rest`, and why.
fn parse_string(rest: &str) -> Result<String, (usize, String)> {
    let Some(body) = rest.strip_prefix('"') else {
        return Err((0, "a string in double quotes was expected".into()));
    };
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                let after = &body[i + 1..];
                if !after.trim().is_empty() {
                    return Err((i + 2, "text after the closing quote".into()));
                }
                return Ok(out);
            }
            '\\' => {
                let Some((_, e)) = chars.next() else {
                    break;
                };
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'a' => out.push('\u{7}'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'v' => out.push('\u{b}'),
                    '"' | '\\' | '\'' | '?' => out.push(e),
                    '0'..='7' => {
                        let mut n = e.to_digit(8).unwrap_or(0);
                        for _ in 0..2 {
                            let next = chars.clone().next();
                            match next.and_then(|(_, d)| d.to_digit(8)) {
                                Some(d) => {
                                    n = n * 8 + d;
                                    chars.next();
                                }
                                None => break,
                            }
                        }
                        out.push(char::from_u32(n).unwrap_or('\u{FFFD}'));
                    }
                    other => {
                        return Err((i + 1, format!("unknown escape \\{other}")));
                    }
                }
            }
            c => out.push(c),
        }
    }
    Err((rest.len(), "the string has no closing quote".into()))
}

/// The locale a PO file is named for, as gettext names them: a language, then perhaps a script
/// and a region (`ru.po`, `pt_BR.po`, `zh-Hant-TW.po`).
fn locale_of_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?.replace('_', "-");
    let mut parts = stem.split('-').peekable();
    let language = parts.next()?;
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let is_script = |p: &&str| {
        p.len() == 4
            && p.starts_with(|c: char| c.is_ascii_uppercase())
            && p[1..].chars().all(|c| c.is_ascii_lowercase())
    };
    parts.next_if(is_script);
    parts.next_if(|p| {
        (p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()))
            || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
    });
    if parts.next().is_some() {
        return None;
    }
    crate::project::canonical_locale(&stem).ok()
}

/// A translation's text as pieces: every `{ … }` that is a Fluent placeable becomes an
/// expression again (PO has no inline codes, so the placeables travel as their Fluent source).
///
/// Each brace is matched to its closing brace in one pass ([`nesting::placeables`]), and each
/// placeable is checked once; only the inside of one that is not a Fluent placeable is read again,
/// so the time is linear in the text for any nesting the store reads.
pub fn split_codes(text: &str) -> Vec<Piece> {
    if nesting::too_deep(text, MAX_NESTING).is_some() {
        // Not something the store would read as placeables (parse refuses it before this).
        return vec![Piece::Text(text.to_string())];
    }
    let closes = nesting::placeables(text);
    let mut pieces = Vec::new();
    let mut plain = String::new();
    split_range(text, 0, text.len(), &closes, &mut pieces, &mut plain);
    if !plain.is_empty() {
        pieces.push(Piece::Text(plain));
    }
    pieces
}

fn split_range(
    text: &str,
    start: usize,
    end: usize,
    closes: &HashMap<usize, usize>,
    pieces: &mut Vec<Piece>,
    plain: &mut String,
) {
    let mut at = start;
    while let Some(open) = text[at..end].find('{').map(|i| at + i) {
        plain.push_str(&text[at..open]);
        let rest = &text[open..end];
        if let Some(brace) = [OPEN_BRACE, CLOSE_BRACE]
            .into_iter()
            .find(|b| rest.starts_with(b))
        {
            plain.push_str(&brace[2..3]);
            at = open + brace.len();
            continue;
        }
        match closes.get(&open).copied().filter(|&close| close <= end) {
            Some(close) => {
                if let Some(expr) = checked_expression(&text[open..close]) {
                    if !plain.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(plain)));
                    }
                    pieces.push(Piece::Expr(expr));
                } else {
                    // Not a placeable: its braces are text, and what is inside is read again.
                    plain.push('{');
                    split_range(text, open + 1, close - 1, closes, pieces, plain);
                    plain.push('}');
                }
                at = close;
            }
            None => {
                plain.push('{');
                at = open + 1;
            }
        }
    }
    plain.push_str(&text[at..end]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_braces_and_placeables_come_back_as_they_were() {
        let pieces = vec![
            Piece::Text("  {x} \"q\" \\ {$name} } { ".into()),
            Piece::Expr("{ -brand }".into()),
            Piece::Text(" and {\"{\"} too".into()),
        ];
        let text = target_text(&pieces);
        assert_eq!(
            text,
            "  {\"{\"}x{\"}\"} \"q\" \\ {\"{\"}$name{\"}\"} {\"}\"} {\"{\"} { -brand } and {\"{\"}\"{\"{\"}\"{\"}\"} too"
        );
        assert_eq!(normalize(split_codes(&text)), pieces);
    }

    #[test]
    fn braces_inside_text_that_is_no_placeable_are_read_again() {
        assert_eq!(
            split_codes("a {b { $n } c} {\"}\"} { -t }"),
            vec![
                Piece::Text("a {b ".into()),
                Piece::Expr("{ $n }".into()),
                Piece::Text(" c} } ".into()),
                Piece::Expr("{ -t }".into()),
            ]
        );
        assert_eq!(split_codes("{ open"), vec![Piece::Text("{ open".into())]);
        assert_eq!(split_codes("close }"), vec![Piece::Text("close }".into())]);
    }

    #[test]
    fn many_braces_are_read_in_one_pass() {
        // Thousands of brace pairs that are no placeable, side by side and nested as deep as
        // the store reads: each is checked once (this took minutes when every pair was tried).
        let flat = "{not one} ".repeat(5_000);
        assert_eq!(split_codes(&flat), vec![Piece::Text(flat.clone())]);
        let nested = format!("{}x{}", "{a ".repeat(30), " }".repeat(30)).repeat(200);
        assert_eq!(split_codes(&nested), vec![Piece::Text(nested.clone())]);
    }

    #[test]
    fn a_file_named_for_its_locale_needs_no_language_header() {
        for (name, locale) in [
            ("ru.po", Some("ru")),
            ("pt_BR.po", Some("pt-BR")),
            ("ko-KR.po", Some("ko-KR")),
            ("zh_Hant_TW.po", Some("zh-Hant-TW")),
            ("ru-from-xliff12.po", None),
            ("messages.po", None),
        ] {
            assert_eq!(locale_of_name(Path::new(name)).as_deref(), locale, "{name}");
        }
    }

    #[test]
    fn an_entry_without_msgctxt_is_found_by_its_one_reference() {
        let text = "msgid \"\"\nmsgstr \"\"\n\n#: 2021/08/a:s-1\nmsgid \"Hi.\"\nmsgstr \"안녕.\"\n";
        let incoming = parse(Path::new("ko.po"), text).unwrap();
        assert_eq!(incoming.target_locale.0, "ko");
        let unit = &incoming.units[0];
        assert_eq!(
            (unit.slug.0.as_str(), unit.id.as_str()),
            ("2021/08/a", "s-1")
        );
        assert!(unit.done);
        let two = text.replace("#: 2021/08/a:s-1", "#: 2021/08/a:s-1 2021/08/b:s-2");
        let err = parse(Path::new("ko.po"), &two).unwrap_err().to_string();
        assert!(
            err.starts_with("ko.po:4:1: an entry without msgctxt"),
            "{err}"
        );
    }

    #[test]
    fn a_msgstr_nested_too_deeply_is_refused_at_its_line() {
        let deep = format!("{}$x{}", "{ ".repeat(10_000), " }".repeat(10_000));
        let text = format!(
            "msgid \"\"\nmsgstr \"Language: ko\\n\"\n\nmsgctxt \"a:b\"\nmsgid \"x\"\nmsgstr \"{deep}\"\n"
        );
        let err = parse(Path::new("f.po"), &text).unwrap_err().to_string();
        assert!(
            err.starts_with("f.po:6:1: the msgstr nests placeables deeper than 32 levels"),
            "{err}"
        );
    }

    #[test]
    fn strings_round_trip_through_escapes() {
        for text in [
            "plain",
            "a \"quote\" \\ back",
            "tab\there",
            "bell\u{7}",
            "two\nlines",
        ] {
            let escaped = format!("\"{}\"", escape_string(text));
            assert_eq!(parse_string(&escaped).unwrap(), text);
        }
    }

    #[test]
    fn placeables_in_a_translation_become_expressions_again() {
        assert_eq!(
            split_codes("Hi { -brand }, {not one} {$n}"),
            vec![
                Piece::Text("Hi ".into()),
                Piece::Expr("{ -brand }".into()),
                Piece::Text(", {not one} ".into()),
                Piece::Expr("{ $n }".into()),
            ]
        );
    }

    fn unit(id: &str, comment: Option<&str>) -> Unit {
        Unit {
            slug: "2021/08/a".into(),
            id: id.into(),
            source: "Hello.".into(),
            target: Some(vec![Piece::Text("안녕.".into())]),
            state: State::Current,
            previous: None,
            matches: Vec::new(),
            translator: Some("seo-jiwon".into()),
            rejected: None,
            comment: comment.map(str::to_string),
            context: false,
        }
    }

    #[test]
    fn the_translators_comment_goes_first_and_comes_back() {
        let export = Export {
            source_locale: "en".into(),
            target_locale: "ko".into(),
            date: "2021-08-17T00:00:00Z".into(),
            units: vec![
                unit("s-1", Some("직함은 데스크에 확인.\n\n  둘째 줄")),
                unit("s-2", None),
            ],
            last_translator: None,
        };
        let text = write(&export);
        let hash = crate::exchange::note_hash("직함은 데스크에 확인.\n\n  둘째 줄");
        assert!(
            text.contains(&format!(
                "\n# 직함은 데스크에 확인.\n#\n#   둘째 줄\n#. bitext: current\n#. bitext-exported: \
                 {}\n#. bitext-exported-comment: {hash}\n#. translated by seo-jiwon\nmsgctxt",
                export.units[0].exported()
            )),
            "{text}"
        );
        let incoming = parse(Path::new("ko.po"), &text).unwrap();
        let units = &incoming.units;
        assert_eq!(
            units[0].comment.as_deref(),
            Some("직함은 데스크에 확인.\n\n  둘째 줄")
        );
        assert_eq!(units[0].exported_comment.as_deref(), Some(hash.as_str()));
        assert_eq!(
            (&units[1].comment, &units[1].exported_comment),
            (&None, &None)
        );
    }

    #[test]
    fn only_the_translators_lines_are_the_comment_and_not_the_headers() {
        let text = "# Russian translation of the summit.\n# Translators: Arman.\nmsgid \"\"\n\
                    msgstr \"Language: ru\\n\"\n\n\
                    # Проверить должность министра.\n#\n#Без пробела.\n#. bitext: stale\n\
                    #: a:s-1\n#, fuzzy\n#| msgid \"Old.\"\nmsgctxt \"a:s-1\"\nmsgid \"Hi.\"\n\
                    msgstr \"Привет.\"\n\n\
                    #. only extracted\nmsgctxt \"a:s-2\"\nmsgid \"Bye.\"\nmsgstr \"\"\n\n\
                    #~ # obsolete note\n#~ msgid \"Gone.\"\n#~ msgstr \"Нет.\"\n";
        let incoming = parse(Path::new("ru.po"), text).unwrap();
        let comments: Vec<_> = incoming
            .units
            .iter()
            .map(|u| u.comment.as_deref())
            .collect();
        assert_eq!(
            comments,
            [Some("Проверить должность министра.\n\nБез пробела."), None]
        );
    }

    #[test]
    fn a_bad_escape_is_reported_at_its_column() {
        let text = "msgid \"\"\nmsgstr \"Language: ko\\n\"\n\nmsgctxt \"a:b\"\nmsgid \"x\\q\"\nmsgstr \"\"\n";
        let err = parse(Path::new("f.po"), text).unwrap_err().to_string();
        assert!(err.starts_with("f.po:5:9: unknown escape \\q"), "{err}");
    }
}
