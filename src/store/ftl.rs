//! A Fluent file as a list of entries that keep their exact source text.
//!
//! The file is cut into entries at the lines where the Fluent grammar starts one (a letter, `-`
//! or `#` in the first column), which is also where the reference parser resumes after an error,
//! so junk covers the same text here as there. Each message or term is then parsed on its own
//! with fluent-syntax. Entries keep their source, so a rewrite that changes one message leaves
//! every other byte of the file as it was.

use std::borrow::Cow;

use fluent_syntax::ast;

use super::escape::{self, Piece};
use super::nesting::MAX_NESTING;

/// A parsed `.ftl` file.
#[derive(Debug, Clone, Default)]
pub struct FtlFile<'a> {
    pub entries: Vec<Entry<'a>>,
}

/// One entry of a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry<'a> {
    Message(Message<'a>),
    /// A term (`-name = …`) or another entry bitext does not interpret, kept as it is.
    Term {
        id: &'a str,
        comment: Vec<&'a str>,
        source: &'a str,
        /// Byte offset of the term in the file.
        offset: usize,
    },
    /// A comment block that is not attached to a message (`#`, `##` or `###` lines).
    Comment {
        lines: Vec<&'a str>,
    },
    /// Text that is not valid Fluent, kept as it is.
    Junk {
        comment: Vec<&'a str>,
        source: &'a str,
        /// Byte offset in the file, and the parser's explanation.
        offset: usize,
        message: String,
    },
}

/// A message with its attached comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Message<'a> {
    pub id: &'a str,
    /// The comment lines directly above the message, `#` included.
    pub comment: Vec<&'a str>,
    /// The message's own lines, exactly as written, without the final line break.
    pub source: &'a str,
    /// The value ([`Message::value`]).
    value: Value<'a>,
    /// Byte offset of the message in the file.
    pub offset: usize,
}

/// A message's value.
#[derive(Debug, Clone)]
enum Value<'a> {
    /// A message with attributes only.
    None,
    /// The text of a value on one line with no braces (most translations): its pieces are made
    /// when they are first asked for, which a search of the archive seldom does.
    Plain(&'a str, std::sync::OnceLock<Vec<Piece>>),
    Pieces(Vec<Piece>),
}

impl PartialEq for Value<'_> {
    fn eq(&self, other: &Value) -> bool {
        self.pieces() == other.pieces()
    }
}

impl Value<'_> {
    fn pieces(&self) -> Option<&[Piece]> {
        match self {
            Value::None => None,
            Value::Plain(text, pieces) => {
                Some(pieces.get_or_init(|| vec![Piece::Text(text.to_string())]))
            }
            Value::Pieces(pieces) => Some(pieces),
        }
    }
}

impl<'a> Message<'a> {
    /// A message with the value `value` (`None`: attributes only).
    pub fn new(
        id: &'a str,
        comment: Vec<&'a str>,
        source: &'a str,
        value: Option<Vec<Piece>>,
        offset: usize,
    ) -> Message<'a> {
        Message {
            id,
            comment,
            source,
            value: value.map_or(Value::None, Value::Pieces),
            offset,
        }
    }

    /// The value; `None` for a message with attributes only.
    pub fn value(&self) -> Option<&[Piece]> {
        self.value.pieces()
    }

    /// Whether the message has a value.
    pub fn has_value(&self) -> bool {
        !matches!(self.value, Value::None)
    }

    /// The value as a person reads it ([`escape::display`]), without a copy when it is plain
    /// text.
    pub fn text(&self) -> Option<Cow<'_, str>> {
        match &self.value {
            Value::Plain(text, _) => Some(Cow::Borrowed(text)),
            _ => self.value().map(|pieces| match pieces {
                [Piece::Text(text)] => Cow::Borrowed(text.as_str()),
                _ => Cow::Owned(escape::display(pieces)),
            }),
        }
    }

    /// Whether the value is empty or white space only ([`crate::store::target::is_blank`]).
    pub fn is_blank(&self) -> bool {
        match &self.value {
            Value::Plain(text, _) => text.trim().is_empty(),
            _ => self.value().is_some_and(crate::store::target::is_blank),
        }
    }
}

impl Message<'_> {
    /// The comment lines without their `# ` marker.
    pub fn comment_text(&self) -> impl Iterator<Item = &str> {
        self.comment.iter().map(|l| comment_content(l))
    }
}

/// The text of a comment line after its `#`, `##` or `###` and one space.
pub fn comment_content(line: &str) -> &str {
    let rest = line.trim_start_matches('#');
    rest.strip_prefix(' ').unwrap_or(rest)
}

enum Line {
    Blank,
    Comment(usize),
    Start,
    Other,
}

/// Whether a line is blank as Fluent sees it: spaces only. A line of other white space (a tab, a
/// no-break space) is text, kept as junk if it is not part of a message.
fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ')
}

fn classify(line: &str) -> Line {
    match line.as_bytes().first() {
        None => Line::Blank,
        Some(b'#') => {
            let level = line.bytes().take_while(|&b| b == b'#').count();
            if level <= 3 && (line.len() == level || line.as_bytes()[level] == b' ') {
                Line::Comment(level)
            } else {
                Line::Start
            }
        }
        Some(b) if b.is_ascii_alphabetic() || *b == b'-' => Line::Start,
        Some(_) if is_blank(line) => Line::Blank,
        Some(_) => Line::Other,
    }
}

/// Parses a file; `text` has LF line endings and no byte-order mark.
///
/// ```
/// let f = bitext::store::ftl::parse("# note\nhello = Hi!\n\nbroken = {\n");
/// assert_eq!(f.entries.len(), 2);
/// assert_eq!(f.errors().count(), 1);
/// ```
pub fn parse(text: &str) -> FtlFile<'_> {
    // A target file has an entry for every 150 to 300 bytes: room for most at once.
    let mut entries = Vec::with_capacity(text.len() / 160);
    let mut pending_comment: Option<(usize, Vec<&str>)> = None;
    let mut lines = LineIter { text, offset: 0 }.peekable();
    while let Some((start, line)) = lines.next() {
        match classify(line) {
            Line::Blank => {
                if let Some((_, lines)) = pending_comment.take() {
                    entries.push(Entry::Comment { lines });
                }
            }
            Line::Comment(level) => match &mut pending_comment {
                Some((l, lines)) if *l == level => lines.push(line),
                _ => {
                    if let Some((_, lines)) = pending_comment.take() {
                        entries.push(Entry::Comment { lines });
                    }
                    // Room for the lines bitext writes above a message, and a note.
                    let mut lines = Vec::with_capacity(4);
                    lines.push(line);
                    pending_comment = Some((level, lines));
                }
            },
            kind @ (Line::Start | Line::Other) => {
                let mut end = start + line.len();
                let mut blank_before_next = false;
                while let Some(&(next_start, next)) = lines.peek() {
                    match classify(next) {
                        Line::Start | Line::Comment(_) => break,
                        Line::Blank => blank_before_next = true,
                        Line::Other => blank_before_next = false,
                    }
                    if !is_blank(next) {
                        end = next_start + next.len();
                    }
                    lines.next();
                }
                let source = &text[start..end];
                // Indented junk between a comment and the message right below it (a note typed
                // under the comment) does not take the comment: it stays the message's, with its
                // sign-off.
                let message_follows = !blank_before_next
                    && lines
                        .peek()
                        .is_some_and(|(_, next)| matches!(classify(next), Line::Start));
                if matches!(kind, Line::Other) && message_follows {
                    // A group or resource comment above stays above it.
                    if let Some((_, lines)) = pending_comment.take_if(|(level, _)| *level != 1) {
                        entries.push(Entry::Comment { lines });
                    }
                    parse_entry(&mut entries, source, start, Vec::new());
                    continue;
                }
                let comment = match pending_comment.take() {
                    Some((1, lines)) => lines,
                    Some((_, lines)) => {
                        entries.push(Entry::Comment { lines });
                        Vec::new()
                    }
                    None => Vec::new(),
                };
                parse_entry(&mut entries, source, start, comment);
            }
        }
    }
    if let Some((_, lines)) = pending_comment.take() {
        entries.push(Entry::Comment { lines });
    }
    FtlFile { entries }
}

struct LineIter<'a> {
    text: &'a str,
    offset: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        if self.offset >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.offset..];
        let start = self.offset;
        let (line, advance) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.offset += advance;
        Some((start, line))
    }
}

/// Parses one entry's text (the comment above it comes along) into `entries`. A valid message
/// followed by junk (a line a translator forgot to indent) stays a message, as it does for the
/// reference parser, and only the rest becomes junk.
fn parse_entry<'a>(
    entries: &mut Vec<Entry<'a>>,
    source: &'a str,
    offset: usize,
    comment: Vec<&'a str>,
) {
    let comment = match simple_message(source, offset, comment) {
        Ok(entry) => {
            entries.push(entry);
            return;
        }
        Err(comment) => comment,
    };
    // The parser recurses for each level: an entry nested too deeply is junk, kept as it is and
    // reported, and never parsed.
    if let Some(at) = super::nesting::too_deep(source, MAX_NESTING) {
        entries.push(Entry::Junk {
            comment,
            source,
            offset: offset + at,
            message: format!(
                "placeables nest deeper than {MAX_NESTING} levels here: bitext does not read this \
                 message (write it with fewer nested braces)"
            ),
        });
        return;
    }
    let (resource, errors) = match fluent_syntax::parser::parse(source) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let valid = |entry: &ast::Entry<&'a str>, comment: Vec<&'a str>, source: &'a str| match entry {
        ast::Entry::Message(m) => Some(Entry::Message(Message::new(
            m.id.name,
            comment,
            source,
            m.value.as_ref().map(escape::decode),
            offset,
        ))),
        ast::Entry::Term(t) => Some(Entry::Term {
            id: t.id.name,
            comment,
            source,
            offset,
        }),
        _ => None,
    };
    match resource.body.as_slice() {
        [entry] if errors.is_empty() => {
            if let Some(entry) = valid(entry, comment.clone(), source) {
                entries.push(entry);
                return;
            }
        }
        [entry, ast::Entry::Junk { content }] => {
            let junk_start = (content.as_ptr() as usize).saturating_sub(source.as_ptr() as usize);
            let head = source
                .get(..junk_start)
                .unwrap_or("")
                .trim_end_matches([' ', '\n']);
            if let Some(entry) = valid(entry, comment.clone(), head).filter(|_| !head.is_empty()) {
                entries.push(entry);
                let rest = &source[junk_start..];
                let error = errors.iter().find(|e| e.pos.start >= junk_start);
                entries.push(Entry::Junk {
                    comment: Vec::new(),
                    source: rest.trim_end_matches([' ', '\n']),
                    offset: offset + error.map_or(junk_start, |e| e.pos.start),
                    message: error.map_or_else(|| "invalid Fluent".into(), |e| e.kind.to_string()),
                });
                return;
            }
        }
        _ => {}
    }
    let (at, message) = errors
        .first()
        .map(|e| (e.pos.start, e.kind.to_string()))
        .unwrap_or((0, "expected one message or term".into()));
    entries.push(Entry::Junk {
        comment,
        source,
        offset: offset + at,
        message,
    });
}

/// What a translator should do about a Fluent syntax error, given the parser's explanation (as
/// the junk entry keeps it), when there is something plainer to say.
///
/// ```
/// let why = bitext::store::ftl::explain("Expected a token starting with \"}\"").unwrap();
/// assert!(why.contains("not closed"));
/// ```
pub fn explain(message: &str) -> Option<&'static str> {
    let advice = if message.contains("starting with \"}\"") {
        "a `{` opens a placeable that is not closed: end it with `}`, or write `{\"{\"}` for a brace in the text"
    } else if message.contains("starting with \"=\"")
        || message.contains("\"a-zA-Z\"")
        || message.contains("entry start")
    {
        "this line belongs to no message: a line that goes on with the translation above starts with spaces, so indent it (or make it a comment with `#`)"
    } else if message.contains("Unbalanced closing brace") {
        "a `}` with no `{` before it: take it out, or write `{\"}\"}` for a brace in the text"
    } else if message.contains("Expected a message field") {
        "the message has no text after `=`: write the translation after it"
    } else if message.contains("Unterminated string literal") {
        "a quoted text inside `{ }` is not closed: end it with `\"`"
    } else if message.contains("default variant") {
        "a select expression needs one variant marked as the default with `*`, as in `*[other]`"
    } else if message.contains("inline expression") {
        "a `{` starts a placeable with nothing valid in it: finish it (`{ $name }`, `{ -term }`), or write `{\"{\"}` for a brace in the text"
    } else {
        return None;
    };
    Some(advice)
}

/// The parser's explanation of a syntax error with, when there is one, what to do about it.
pub fn explained(message: &str) -> String {
    match explain(message) {
        Some(advice) => format!("{message}: {advice}"),
        None => message.to_string(),
    }
}

/// Whether `name` is a Fluent identifier: `[a-zA-Z][a-zA-Z0-9_-]*`.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The fast path: `id = text` on one line with no braces, which is always valid Fluent. Gives
/// the comment back when the entry is not that simple.
fn simple_message<'a>(
    source: &'a str,
    offset: usize,
    comment: Vec<&'a str>,
) -> Result<Entry<'a>, Vec<&'a str>> {
    if memchr::memchr3(b'\n', b'{', b'}', source.as_bytes()).is_some() {
        return Err(comment);
    }
    let Some((id, value)) = source.split_once('=') else {
        return Err(comment);
    };
    let id = id.trim_end_matches(' ');
    let is_term = id.starts_with('-');
    let value = value.trim_matches(' ');
    if !is_identifier(id.strip_prefix('-').unwrap_or(id)) || value.is_empty() {
        return Err(comment);
    }
    Ok(if is_term {
        Entry::Term {
            id,
            comment,
            source,
            offset,
        }
    } else {
        Entry::Message(Message {
            id,
            comment,
            source,
            value: Value::Plain(value, std::sync::OnceLock::new()),
            offset,
        })
    })
}

impl<'a> FtlFile<'a> {
    /// The messages, in file order.
    pub fn messages(&self) -> impl Iterator<Item = &Message<'a>> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Message(m) => Some(m),
            _ => None,
        })
    }

    /// The junk entries: byte offset and explanation of each.
    pub fn errors(&self) -> impl Iterator<Item = (usize, &str)> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Junk {
                offset, message, ..
            } => Some((*offset, message.as_str())),
            _ => None,
        })
    }
}

/// Writes entries back as file text: entries separated by one blank line.
pub fn render(entries: &[Entry]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < entries.len() {
        if i > 0 {
            out.push('\n');
        }
        match (&entries[i], entries.get(i + 1)) {
            // Junk between a message and its comment: the comment, the junk, then the message,
            // as they were written.
            (
                Entry::Junk {
                    source: junk,
                    comment,
                    ..
                },
                Some(next),
            ) if comment.is_empty()
                && commented(next)
                    .is_some_and(|(c, _)| c.first().is_some_and(|c| written_before(c, junk))) =>
            {
                let (comment, source) = commented(next).unwrap_or_default();
                for line in comment.iter().chain([junk, &source]) {
                    out.push_str(line);
                    out.push('\n');
                }
                i += 2;
            }
            (entry, _) => {
                render_entry(&mut out, entry);
                i += 1;
            }
        }
    }
    out
}

/// The comment and the source of a message, a term or junk.
fn commented<'e>(entry: &'e Entry<'e>) -> Option<(&'e [&'e str], &'e str)> {
    match entry {
        Entry::Message(Message {
            comment, source, ..
        })
        | Entry::Term {
            comment, source, ..
        }
        | Entry::Junk {
            comment, source, ..
        } => Some((comment, source)),
        Entry::Comment { .. } => None,
    }
}

/// Whether `a` comes before `b` in the text that both are slices of.
fn written_before(a: &str, b: &str) -> bool {
    (a.as_ptr() as usize) < (b.as_ptr() as usize)
}

/// Appends one entry (and a final line break) to `out`.
pub fn render_entry(out: &mut String, entry: &Entry) {
    let mut lines = |lines: &[&str]| {
        for l in lines {
            out.push_str(l);
            out.push('\n');
        }
    };
    match entry {
        Entry::Message(Message { comment, .. })
        | Entry::Term { comment, .. }
        | Entry::Junk { comment, .. } => lines(comment),
        Entry::Comment { lines: c } => lines(c),
    }
    match entry {
        Entry::Message(Message { source, .. })
        | Entry::Term { source, .. }
        | Entry::Junk { source, .. } => {
            out.push_str(source);
            out.push('\n');
        }
        Entry::Comment { .. } => {}
    }
}

/// `text` as the entries of `file` (its [`parse`]) read it, for a parser that takes a whole file
/// (fluent-bundle, fluent-syntax): every junk entry blanked out, line breaks kept, so that
/// positions stay where they were. Nothing nested deeper than [`MAX_NESTING`] is left, and no
/// parser reads what bitext reports as an error as something else.
///
/// ```
/// use bitext::store::ftl::{parse, without_junk};
/// let text = "a = ok\nb = { oops\n  more\nc = fine\n";
/// assert_eq!(without_junk(text, &parse(text)), "a = ok\n          \n      \nc = fine\n");
/// ```
pub fn without_junk<'t>(text: &'t str, file: &FtlFile) -> Cow<'t, str> {
    let base = text.as_ptr() as usize;
    let mut out: Option<Vec<u8>> = None;
    for entry in &file.entries {
        let Entry::Junk { source, .. } = entry else {
            continue;
        };
        let start = (source.as_ptr() as usize).wrapping_sub(base);
        let Some(range) = text
            .get(start..start + source.len())
            .map(|_| start..start + source.len())
        else {
            continue;
        };
        let bytes = out.get_or_insert_with(|| text.as_bytes().to_vec());
        for b in &mut bytes[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    match out {
        // Whole characters were replaced by spaces, so the text is still UTF-8.
        Some(bytes) => Cow::Owned(String::from_utf8(bytes).unwrap_or_default()),
        None => Cow::Borrowed(text),
    }
}

/// [`without_junk`] of a file not parsed yet.
pub fn guarded(text: &str) -> Cow<'_, str> {
    without_junk(text, &parse(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_nested_too_deeply_is_junk_that_keeps_its_text() {
        let deep = format!("a = {}$x{}", "{ ".repeat(10_000), " }".repeat(10_000));
        let text = format!("# before\n{deep}\n\nb = fine\n");
        let file = parse(&text);
        let errors: Vec<_> = file.errors().collect();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, "# before\na = ".len() + 2 * MAX_NESTING);
        assert!(errors[0]
            .1
            .starts_with("placeables nest deeper than 32 levels"));
        assert_eq!(render(&file.entries), text);
        assert_eq!(file.messages().map(|m| m.id).collect::<Vec<_>>(), ["b"]);
        let guarded = guarded(&text);
        assert_eq!(guarded.len(), text.len());
        assert!(guarded.starts_with("# before\n    "));
        assert!(fluent_syntax::parser::parse(guarded.as_ref()).is_ok());
    }

    #[test]
    fn white_space_that_is_not_a_space_is_kept() {
        // A no-break space ending a translation that junk follows, and a line of a tab.
        let text = "s-a = 첫 줄\u{a0}\n둘째 줄\n\t\nb = ok\n";
        let file = parse(text);
        let m = file.messages().next().unwrap();
        assert_eq!(m.value(), Some(&[Piece::Text("첫 줄\u{a0}".into())][..]));
        let rendered = render(&file.entries);
        assert_eq!(rendered, "s-a = 첫 줄\u{a0}\n\n둘째 줄\n\t\n\nb = ok\n");
        assert_eq!(render(&parse(&rendered).entries), rendered);
    }

    #[test]
    fn comments_attach_to_the_message_below() {
        let f = parse("### resource\n\n# about hello\nhello = Hi\n");
        assert_eq!(f.entries.len(), 2);
        let m = f.messages().next().unwrap();
        assert_eq!(m.comment, ["# about hello"]);
    }

    #[test]
    fn junk_between_a_comment_and_its_message_is_rendered_where_it_was() {
        for (comment, entry) in [
            ("# bitext: current, signed r1 0a1b2c3d", "s-a = 안녕"),
            ("### About this file", "s-a = 안녕"),
            ("# A term's note", "-brand = 비텍스트"),
            ("# Above junk", "-broken term"),
        ] {
            let text = format!("{comment}\n    a translator's note\n{entry}\n");
            let file = parse(&text);
            assert!(file.errors().count() >= 1, "{comment}");
            assert_eq!(
                render(&file.entries).replace("\n\n", "\n"),
                text,
                "{comment}"
            );
        }
        // A message keeps its sign-off comment.
        let file = parse("# bitext: current\n    note\ns-a = 안녕\n");
        let Some(Entry::Message(m)) = file.entries.last() else {
            panic!("{:?}", file.entries)
        };
        assert_eq!(m.comment, ["# bitext: current"]);
    }

    #[test]
    fn junk_keeps_its_text_and_position() {
        let text = "a = ok\nb = { oops\n  more\nc = fine\n";
        let f = parse(text);
        let junk: Vec<_> = f.errors().collect();
        assert_eq!(junk.len(), 1);
        // The parser gives up on line 3, inside the unclosed placeable.
        assert_eq!(crate::error::line_column(text, junk[0].0).0, 3);
        assert_eq!(
            render(&f.entries),
            "a = ok\n\nb = { oops\n  more\n\nc = fine\n"
        );
    }

    #[test]
    fn a_line_left_unindented_is_junk_but_the_message_above_survives() {
        let f = parse("s-a = 첫 줄\n둘째 줄\nb = ok\n");
        assert_eq!(f.messages().map(|m| m.id).collect::<Vec<_>>(), ["s-a", "b"]);
        assert_eq!(f.errors().count(), 1);
        assert_eq!(render(&f.entries), "s-a = 첫 줄\n\n둘째 줄\n\nb = ok\n");
    }

    #[test]
    fn multiline_messages_and_closing_brace_in_first_column() {
        let text = "sel = { $n ->\n    [one] one\n   *[other] many\n}\nnext = x\n";
        let f = parse(text);
        assert_eq!(f.errors().count(), 0);
        assert_eq!(f.messages().count(), 2);
    }

    #[test]
    fn render_of_parse_is_stable() {
        let text =
            "### head\n\n# c\nk = v\n    continued\n\n-term = T\n\n## group\n\nz = {\"{\"}\n";
        let once = render(&parse(text).entries);
        assert_eq!(render(&parse(&once).entries), once);
        assert_eq!(once, text);
    }
}
