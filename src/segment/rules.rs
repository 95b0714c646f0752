//! Boundary rules: whether a run of final punctuation ends a sentence, judged from the word
//! before it, the punctuation itself and the word after it.

use super::abbreviations::{
    is_english_starter, is_fronting_word, is_kazakh_starter, is_korean_quote_particle,
    is_korean_starter, is_russian_starter, is_time_follower, lookup_english, lookup_kazakh,
    lookup_russian, Abbreviation,
};
use super::chars::{
    char_at, is_closer, is_closing_quote, is_full_width, is_opener, is_strong, is_symbol_start,
    is_terminator, is_word_boundary, skip_opening_tag, skip_tag, skip_whitespace,
};

/// Longest word (in bytes) that is looked up as an abbreviation or a sentence starter.
const LONGEST_WORD: usize = 48;

/// The language whose rules apply; chosen from the primary subtag of a language code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Language {
    English,
    Korean,
    Kazakh,
    Russian,
}

impl Language {
    /// The rules for a language code such as `en`, `ko-KR` or `kk_KZ`; English for anything unknown.
    pub(super) fn from_code(code: &str) -> Self {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("ko") {
            Self::Korean
        } else if primary.eq_ignore_ascii_case("kk") {
            Self::Kazakh
        } else if primary.eq_ignore_ascii_case("ru") {
            Self::Russian
        } else {
            Self::English
        }
    }

    /// The kind of abbreviation `token` (written without its final period) is, if it is one.
    ///
    /// A capitalised token is also looked up with its first letter lower-cased (`Etc`, `См`),
    /// except single letters, which are initials when capitalised.
    pub(super) fn lookup(self, token: &str) -> Option<Abbreviation> {
        if let Some(kind) = self.lookup_exact(token) {
            return Some(kind);
        }
        let mut chars = token.chars();
        let first = chars.next()?;
        if !first.is_uppercase() || chars.as_str().is_empty() {
            return None;
        }
        let mut buf = [0u8; LONGEST_WORD];
        let lowered = encode_chars(first.to_lowercase().chain(chars), &mut buf)?;
        self.lookup_exact(lowered)
    }

    fn lookup_exact(self, token: &str) -> Option<Abbreviation> {
        let own = match self {
            Self::English | Self::Korean => None,
            Self::Russian => lookup_russian(token),
            Self::Kazakh => lookup_kazakh(token).or_else(|| lookup_russian(token)),
        };
        own.or_else(|| lookup_english(token))
    }

    /// Whether `word` commonly opens a sentence in this language (English starters always count).
    pub(super) fn is_starter(self, word: &str) -> bool {
        is_english_starter(word)
            || match self {
                Self::English => false,
                Self::Korean => is_korean_starter(word),
                Self::Kazakh => is_kazakh_starter(word),
                Self::Russian => is_russian_starter(word),
            }
    }
}

/// Writes `chars` into `buf` as UTF-8, or gives `None` when they do not fit.
fn encode_chars(chars: impl Iterator<Item = char>, buf: &mut [u8]) -> Option<&str> {
    let mut len = 0;
    for c in chars {
        let end = len + c.len_utf8();
        c.encode_utf8(buf.get_mut(len..end)?);
        len = end;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// What kind of final punctuation a cluster holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Terminal {
    /// A single period.
    Period,
    /// `…` or two or more periods.
    Ellipsis,
    /// `!`, `?` or a combination such as `?!`.
    Strong,
    /// `。`, `！` or `？`, which need no whitespace after them.
    FullWidth,
}

/// A run of terminators with the closing quotes, brackets and markup that follow it (`?!”)*`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Cluster {
    /// Byte offset of the first terminator.
    pub start: usize,
    /// Byte offset just past the last terminator or closer: the end of the sentence if it ends here.
    pub end: usize,
    pub terminal: Terminal,
    /// Whether a closing quote follows the terminators.
    pub quoted: bool,
    /// Whether this is an omission mark such as `[…]` or `(...)`.
    pub omission: bool,
}

/// Reads the cluster starting with the terminator at byte `start`.
///
/// A period after white space that goes on as `. . .` is one spaced ellipsis, read as `...`.
/// A period right after a word is not taken into a spaced ellipsis that follows it
/// (`compounds. . . . The`): the word's period ends the sentence and the ellipsis opens the next.
pub(super) fn scan_cluster(text: &str, start: usize) -> Cluster {
    let mut pos = start;
    let mut periods = 0;
    let (mut ellipsis, mut strong, mut full_width) = (false, false, false);
    let (mut closed, mut quoted) = (false, false);
    let spaced = spaced_dots(text, start);
    if spaced > 1 {
        periods = spaced;
        pos = start + 2 * spaced - 1;
    }
    while let Some(c) = char_at(text, pos) {
        if is_terminator(c) {
            match c {
                '.' if !closed => periods += 1,
                '…' => ellipsis = true,
                _ => {
                    strong |= is_strong(c);
                    full_width |= is_full_width(c);
                }
            }
            pos += c.len_utf8();
        } else if is_closer(c) {
            closed = true;
            quoted |= is_closing_quote(c);
            pos += c.len_utf8();
        } else if let Some(end) = skip_closing_tag(text, pos).or_else(|| skip_footnote(text, pos)) {
            closed = true;
            pos = end;
        } else {
            break;
        }
    }
    let terminal = if full_width {
        Terminal::FullWidth
    } else if strong {
        Terminal::Strong
    } else if ellipsis || periods > 1 {
        Terminal::Ellipsis
    } else {
        Terminal::Period
    };
    let before = text.get(..start).and_then(|head| head.chars().next_back());
    let omission = terminal == Terminal::Ellipsis && matches!(before, Some('[' | '('));
    Cluster {
        start,
        end: pos,
        terminal,
        quoted,
        omission,
    }
}

/// The number of dots in a spaced ellipsis (`. . .`) whose first dot is at `start`, after white
/// space or at the start of the text; 0 when there is none.
pub(super) fn spaced_dots(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let after_space = start == 0 || bytes.get(start - 1).is_some_and(u8::is_ascii_whitespace);
    if !after_space || bytes.get(start) != Some(&b'.') {
        return 0;
    }
    let mut dots = 1;
    while bytes.get(start + 2 * dots - 1) == Some(&b' ')
        && bytes.get(start + 2 * dots) == Some(&b'.')
    {
        dots += 1;
    }
    dots
}

/// The end of a closing HTML tag such as `</em>` at `at`, if there is one.
fn skip_closing_tag(text: &str, at: usize) -> Option<usize> {
    if text.as_bytes().get(at..at + 2)? != b"</" {
        return None;
    }
    skip_tag(text, at)
}

/// The end of a footnote reference such as `[12]` at `at`, if there is one.
fn skip_footnote(text: &str, at: usize) -> Option<usize> {
    let rest = text.as_bytes().get(at..)?.strip_prefix(b"[")?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let closed = (1..=3).contains(&digits) && rest.get(digits) == Some(&b']');
    closed.then_some(at + digits + 2)
}

/// What stands before a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Preceding {
    /// An ordinary word or number, a closing bracket or quote, or nothing.
    Word,
    /// A list number or letter opening the sentence (`1.`, `a.`, `IV.`).
    ListMarker,
    /// A single capital letter (`John F. Kennedy`, `В. В. Путин`).
    Initial,
    /// A known abbreviation or a dotted initialism (`Inc.`, `U.S.`, `т.е.`).
    Abbreviation(Abbreviation),
    /// A time or an era after a number (`10 a.m.`, `753 B.C.`); `fronted` when all the sentence
    /// says before it is when ("At 5 a.m.").
    Time { fronted: bool },
}

/// Classifies the word before the period at byte `period`, looking back no further than the
/// start of the current sentence.
pub(super) fn classify_preceding(
    text: &str,
    sentence_start: usize,
    period: usize,
    lang: Language,
) -> Preceding {
    let Some(head) = text.get(sentence_start..period) else {
        return Preceding::Word;
    };
    match head.chars().next_back() {
        None => return Preceding::Word,
        Some(last) if is_closer(last) => return Preceding::Word,
        Some(_) => {}
    }
    let Some(word_start) = find_word_start(head) else {
        return Preceding::Word;
    };
    // In Markdown source a list number is escaped to keep it literal: `1\. Item`.
    let Some(token) = head
        .get(word_start..)
        .map(|token| token.strip_suffix('\\').unwrap_or(token))
    else {
        return Preceding::Word;
    };
    if token.is_empty() {
        return Preceding::Word;
    }
    // A list marker opens the sentence, perhaps after markup: `1.`, `**1.**`, `(a.`.
    let opens_sentence = head
        .get(..word_start)
        .is_some_and(|before| before.chars().all(is_opener));
    if opens_sentence && is_list_marker(token) {
        return Preceding::ListMarker;
    }
    if let Some(kind) = lookup_spaced(head, word_start, token, lang) {
        return Preceding::Abbreviation(kind);
    }
    if lang == Language::Korean {
        if let Some(kind) = korean_date(text, head, word_start, token, period) {
            return Preceding::Abbreviation(kind);
        }
    }
    let after_number = || {
        previous_word(head, word_start)
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    };
    match lang.lookup(token) {
        Some(Abbreviation::Time) if after_number() => {
            return Preceding::Time {
                fronted: is_fronted(head, word_start),
            }
        }
        Some(Abbreviation::Time) => return Preceding::Abbreviation(Abbreviation::Ambiguous),
        Some(Abbreviation::Year) if !after_number() => {
            return Preceding::Abbreviation(Abbreviation::Ambiguous)
        }
        // A unit closes its number: "5 ft. 6 in. tall", but "He ran 5 mi. Tom walked".
        Some(Abbreviation::Unit) if after_number() => {
            return Preceding::Abbreviation(Abbreviation::Final)
        }
        Some(Abbreviation::Unit) | None => {}
        Some(kind) => return Preceding::Abbreviation(kind),
    }
    if token.contains('.') {
        return if is_dotted_initialism(token) {
            Preceding::Abbreviation(Abbreviation::Ambiguous)
        } else {
            Preceding::Word
        };
    }
    let mut chars = token.chars();
    match (chars.next(), chars.next()) {
        // "you and I." is the pronoun; "Albert I. Jones" an initial.
        (Some('I'), None) if follows_lower_case_word(head, word_start) => Preceding::Word,
        (Some(c), None) if c.is_uppercase() => Preceding::Initial,
        _ => Preceding::Word,
    }
}

/// The word before the one starting at `word_start` in `head` (empty if there is none).
fn previous_word(head: &str, word_start: usize) -> &str {
    let before = head.get(..word_start).unwrap_or("").trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(idx, c)| idx + c.len_utf8());
    before.get(start..).unwrap_or("")
}

/// Whether the word before the one at `word_start` starts with a lower-case letter.
fn follows_lower_case_word(head: &str, word_start: usize) -> bool {
    let word = previous_word(head, word_start);
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Whether every word of `head` before `word_start`, or of the clause after its last colon,
/// only says when (`At 5`, `On Monday at 9`, `He noted: In 44`): a time that closes such a
/// phrase is followed by the sentence's subject, not by a new sentence.
fn is_fronted(head: &str, word_start: usize) -> bool {
    let mut buf = [0u8; LONGEST_WORD];
    let before = head.get(..word_start).unwrap_or("");
    let clause = before.rsplit([':', ';']).next().unwrap_or(before);
    clause
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|word| !word.is_empty())
        .all(|word| {
            word.bytes().any(|b| b.is_ascii_digit())
                || is_time_follower(word)
                || encode_chars(word.chars().flat_map(char::to_lowercase), &mut buf)
                    .is_some_and(is_fronting_word)
        })
}

/// The kind of the period after `token` when it is part of a Korean date written with periods
/// (`2021. 8. 17.`, `2021.8.17.`): inside the date it never ends a sentence; after the day it
/// is ambiguous, since Korean sentences end in a verb and a date is followed by more of it.
fn korean_date(
    text: &str,
    head: &str,
    word_start: usize,
    token: &str,
    period: usize,
) -> Option<Abbreviation> {
    let number = |part: &str, max: u32| {
        (1..=2).contains(&part.len())
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
    };
    let year = |part: &str| part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit());
    // Glued: the whole date is the token.
    let mut parts = token.split('.');
    if let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    {
        return (year(y) && number(m, 12) && number(d, 31)).then_some(Abbreviation::Ambiguous);
    }
    let after = text.get(period + 1..).unwrap_or("");
    // The next part of a spaced date: " 8." after the year, " 17." after the month.
    let next_part = |max: u32| {
        let rest = after.strip_prefix(' ')?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let part = rest.get(..digits)?;
        (number(part, max) && rest.as_bytes().get(digits) == Some(&b'.')).then_some(())
    };
    if year(token) && next_part(12).is_some() {
        return Some(Abbreviation::Inner);
    }
    let before = head.get(..word_start).unwrap_or("");
    if !number(token, 31) || !before.ends_with(". ") {
        return None;
    }
    // The parts before this one, nearest first: "8", "2021" before the day of "2021. 8. 17.".
    let mut earlier = before
        .rsplit(". ")
        .skip(1)
        .map(|part| part.rsplit(char::is_whitespace).next().unwrap_or(part));
    match (earlier.next(), earlier.next()) {
        (Some(m), Some(y)) if year(y) && number(m, 12) => Some(Abbreviation::Ambiguous),
        (Some(y), _) if year(y) && number(token, 12) => {
            if next_part(31).is_some() {
                Some(Abbreviation::Inner)
            } else {
                Some(Abbreviation::Ambiguous)
            }
        }
        _ => None,
    }
}

/// The byte offset in `head` where its last word starts, or `None` if that word is too long to
/// be an abbreviation.
fn find_word_start(head: &str) -> Option<usize> {
    for (idx, c) in head.char_indices().rev() {
        if is_word_boundary(c) {
            return Some(idx + c.len_utf8());
        }
        if head.len() - idx > LONGEST_WORD {
            return None;
        }
    }
    Some(0)
}

/// Looks up a two-letter abbreviation written with a space (`т. д.`, `e. g.`) whose second
/// letter is `token`, starting at `word_start` in `head`.
fn lookup_spaced(
    head: &str,
    word_start: usize,
    token: &str,
    lang: Language,
) -> Option<Abbreviation> {
    let mut letters = token.chars();
    let second = letters.next().filter(|c| c.is_lowercase())?;
    if letters.next().is_some() {
        return None;
    }
    let before = head.get(..word_start)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let mut back = trimmed.strip_suffix('.')?.chars().rev();
    let first = back.next().filter(|c| c.is_lowercase())?;
    if back.next().is_some_and(|c| !is_word_boundary(c)) {
        return None;
    }
    let mut buf = [0u8; 12];
    let joined = encode_chars([first, '.', second].into_iter(), &mut buf)?;
    lang.lookup(joined)
}

/// Whether `token` is a list number or letter (`1`, `12`, `a`, `IV`).
fn is_list_marker(token: &str) -> bool {
    let digits = token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit());
    let mut chars = token.chars();
    // Only cased letters: a lone Hangul syllable such as "네." is a whole sentence.
    let letter = matches!(
        (chars.next(), chars.next()),
        (Some(c), None) if c.is_uppercase() || c.is_lowercase()
    );
    let roman = token.len() <= 4 && token.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    let hangul = matches!(token, "가" | "나" | "다" | "라" | "마" | "바" | "사");
    !token.is_empty() && (digits || letter || roman || hangul)
}

/// Whether `token` is a dotted initialism without its final period (`U.S`, `a.m`, `Ph.D`, `К.-Ж`).
fn is_dotted_initialism(token: &str) -> bool {
    let mut parts = 0;
    for part in token.split('.') {
        let letters = part.strip_prefix('-').unwrap_or(part);
        let count = letters.chars().count();
        if count == 0 || count > 2 || !letters.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts > 1
}

/// How the text after a possible boundary begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Start {
    Upper,
    Lower,
    /// A letter of a script without case (Hangul, Han, …).
    Caseless,
    Digit,
    /// A currency sign, `#`, `@` or a code span.
    Symbol,
    /// Anything else: a dash, other punctuation, or nothing at all.
    Other,
}

/// The beginning of the text after a possible boundary, past any opening quotes and markup.
#[derive(Clone, Copy, Debug)]
pub(super) struct Next<'a> {
    pub start: Start,
    /// The first word (letters, inner hyphens allowed); empty if it does not start with a letter.
    pub word: &'a str,
    /// Whether the word is directly followed by a period (`F.` in "F. Kennedy", `No.`).
    pub abbreviated: bool,
    /// Whether a dash comes first (`— Очень просто.`, `— сказал он`); `start` and `word` then
    /// describe what follows the dash.
    pub dashed: bool,
    /// Whether a number follows the word (`В 1854 году`).
    pub number_follows: bool,
}

impl Next<'_> {
    /// Whether the next word is a common sentence starter in `lang`.
    fn is_starter(&self, lang: Language) -> bool {
        !self.abbreviated && lang.is_starter(self.word)
    }
}

/// Classifies the text starting at byte `from` (just past the whitespace after a cluster).
pub(super) fn classify_next(text: &str, from: usize) -> Next<'_> {
    let at = skip_openers(text, from);
    let (dashed, at) = match char_at(text, at) {
        Some(dash @ ('—' | '–' | '-')) => {
            let after_dash = skip_whitespace(text, at + dash.len_utf8());
            (true, skip_openers(text, after_dash))
        }
        _ => (false, at),
    };
    let rest = text.get(at..).unwrap_or("");
    let start = match rest.chars().next() {
        None => Start::Other,
        Some(c) if c.is_uppercase() => Start::Upper,
        Some(c) if c.is_lowercase() => Start::Lower,
        Some(c) if c.is_alphabetic() => Start::Caseless,
        Some(c) if c.is_numeric() => Start::Digit,
        Some(c) if is_symbol_start(c) => Start::Symbol,
        Some(_) => Start::Other,
    };
    let len = measure_word(rest);
    let after = rest.get(len..).unwrap_or("");
    Next {
        start,
        word: rest.get(..len).unwrap_or(""),
        abbreviated: after.starts_with('.'),
        dashed,
        number_follows: len > 0
            && after.starts_with(char::is_whitespace)
            && after.trim_start().starts_with(|c: char| c.is_ascii_digit()),
    }
}

/// The position past the opening quotes, brackets, emphasis, images, tags and leading
/// ellipses (`...And then`, `. . . The practice`, `… and`) at `from`.
fn skip_openers(text: &str, mut from: usize) -> usize {
    while let Some(c) = char_at(text, from) {
        if is_opener(c) {
            from += c.len_utf8();
        } else if c == '…' {
            from = skip_whitespace(text, from + c.len_utf8());
        } else if text.as_bytes().get(from..from + 3) == Some(b"...") {
            from = skip_whitespace(text, from + 3);
        } else if spaced_dots(text, from) > 1 {
            from = skip_whitespace(text, from + 2 * spaced_dots(text, from) - 1);
        } else if c == '!' && text.as_bytes().get(from + 1) == Some(&b'[') {
            from += 2;
        } else if let Some(end) = skip_opening_tag(text, from) {
            from = end;
        } else {
            break;
        }
    }
    from
}

/// The length in bytes of the word at the start of `rest` (zero if it starts with no letter).
fn measure_word(rest: &str) -> usize {
    let mut end = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((idx, c)) = chars.next() {
        let joins = c == '-' && end > 0 && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if idx >= LONGEST_WORD || !(c.is_alphabetic() || joins) {
            break;
        }
        end = idx + c.len_utf8();
    }
    end
}

/// Whether a sentence ends after `cluster`, given what precedes it and what follows it.
pub(super) fn ends_sentence(
    cluster: &Cluster,
    preceding: Preceding,
    next: &Next<'_>,
    lang: Language,
) -> bool {
    if cluster.quoted && is_korean_quote_particle(next.word) {
        return false;
    }
    if next.dashed {
        // "«Да!» — сказал он" attributes a quotation; "Как оцениваете визит? — Очень высоко."
        // opens a reply; "He left. — and then" goes on.
        let opens_reply = match cluster.terminal {
            Terminal::Period => preceding == Preceding::Word,
            Terminal::Strong | Terminal::FullWidth => true,
            Terminal::Ellipsis => false,
        };
        return opens_reply && !cluster.quoted && next.start == Start::Upper;
    }
    let capitalised = matches!(next.start, Start::Upper | Start::Caseless);
    let opens_sentence = capitalised || matches!(next.start, Start::Digit | Start::Symbol);
    match cluster.terminal {
        Terminal::FullWidth => opens_sentence || next.start == Start::Lower,
        Terminal::Strong => opens_sentence,
        // The pronoun "I" is written with a capital anywhere: after an ellipsis it is a pause
        // ("I thought... I would go"), not evidence of a new sentence.
        Terminal::Ellipsis => next.start == Start::Upper && !cluster.omission && next.word != "I",
        Terminal::Period => match preceding {
            Preceding::Word => opens_sentence,
            Preceding::ListMarker | Preceding::Abbreviation(Abbreviation::Inner) => false,
            // A Korean sentence ends in a verb: "Ph.D. 학위를" goes on.
            Preceding::Abbreviation(Abbreviation::Final) => match next.start {
                Start::Caseless if lang == Language::Korean => next.is_starter(lang),
                _ => capitalised,
            },
            Preceding::Abbreviation(Abbreviation::Number) => {
                opens_sentence && !matches!(next.start, Start::Digit | Start::Symbol)
            }
            // A closing quote after "U.S." ends the quotation; a bracket, as in "미국(U.S.) 정부는",
            // only ends an aside.
            Preceding::Abbreviation(
                Abbreviation::Ambiguous | Abbreviation::Year | Abbreviation::Unit,
            )
            | Preceding::Initial
            | Preceding::Time { .. }
                if cluster.quoted =>
            {
                capitalised
            }
            Preceding::Abbreviation(Abbreviation::Ambiguous | Abbreviation::Unit) => {
                next.is_starter(lang)
            }
            // "1898 г. В 1854 году…": a date after a year goes on with the dates.
            Preceding::Abbreviation(Abbreviation::Year) => {
                next.is_starter(lang) && !(next.number_follows && next.word.chars().count() <= 2)
            }
            Preceding::Abbreviation(Abbreviation::Time) => next.is_starter(lang),
            Preceding::Time { fronted } => {
                next.is_starter(lang)
                    || (!fronted
                        && matches!(next.start, Start::Upper | Start::Digit)
                        && !is_time_follower(next.word))
            }
            // A one-letter starter ("A", "I", "В") after an initial is more likely another initial.
            Preceding::Initial => next.word.chars().nth(1).is_some() && next.is_starter(lang),
        },
    }
}

/// Whether the text at `from` starts a run of short questions or exclamations of at most three
/// words each (`не? қашан?` in "…: кім? не? қашан?") that ends the text or is followed by a new
/// sentence: then each is a sentence, even in lower case. A run that goes on in lower case
/// ("кім? не? деген сұрақтар") is part of a longer sentence.
pub(super) fn is_short_question(text: &str, from: usize) -> bool {
    const LONGEST_RUN: usize = 8;
    let mut at = from;
    for _ in 0..LONGEST_RUN {
        let Some(end) = short_question_end(text, at) else {
            return false;
        };
        let next = skip_whitespace(text, end);
        match char_at(text, next) {
            None => return true,
            Some(c) if c.is_lowercase() && next > end => at = next,
            Some(c) => return next > end && (c.is_uppercase() || c.is_numeric() || is_opener(c)),
        }
    }
    false
}

/// The end of the terminators and closers after a question or exclamation of at most three
/// words at `from`, if one is there.
fn short_question_end(text: &str, from: usize) -> Option<usize> {
    let mut words = 0;
    let mut in_word = false;
    for (count, (idx, c)) in text.get(from..)?.char_indices().enumerate() {
        if count > LONGEST_WORD {
            return None;
        }
        if c.is_alphabetic() || (in_word && (c == '-' || c == '\'')) {
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else if c == ' ' {
            in_word = false;
        } else if in_word && words <= 3 && is_strong(c) {
            return Some(scan_cluster(text, from + idx).end);
        } else {
            return None;
        }
    }
    None
}

/// Whether a Korean sentence ends with `head` and the next starts with `after`, with no space
/// between them: `…합의했다.그러나`. The word before the period must end in a sentence-final
/// verb ending (`다`, `요`, `죠`, `까`), so that `한.미 정상` (Korea and the U.S.) stays whole.
fn ends_korean_sentence(head: &str, after: &str) -> bool {
    ends_in_korean_verb(head) && after.chars().next().is_some_and(is_hangul)
}

/// Whether `head` ends in a Korean sentence-final verb ending (`했다`, `합니까`, `해요`).
pub(super) fn ends_in_korean_verb(head: &str) -> bool {
    let mut back = head.chars().rev();
    let last = back.next();
    let before_last = back.next();
    matches!(last, Some('다' | '요' | '죠' | '까')) && before_last.is_some_and(is_hangul)
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether a period with no space after it ends a sentence: `world.Today`, `1,000.That`,
/// `жағдайы.XVIII ғасыр`. The word after it must be capitalised and end there, and the word
/// before it a plain word or number, so that `U.S.`, `3.5`, `gov.kz.Officials`,
/// `Jane.Doe@example.com`, `www.Example.com` and `report.Final.pdf` stay whole.
pub(super) fn ends_without_space(
    text: &str,
    sentence_start: usize,
    period: usize,
    lang: Language,
) -> bool {
    let after = text.get(period + 1..).unwrap_or("");
    if lang == Language::Korean {
        return ends_korean_sentence(text.get(sentence_start..period).unwrap_or(""), after);
    }
    let len = after
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(idx, _)| idx);
    let word = after.get(..len).unwrap_or("");
    let mut letters = word.chars();
    let capitalised = letters.next().is_some_and(char::is_uppercase)
        && letters.clone().next().is_some()
        && (letters.any(char::is_lowercase) || word.bytes().all(|b| b"IVXLC".contains(&b)));
    let rest = after.get(len..).unwrap_or("");
    let word_ends = match rest.chars().next() {
        None => true,
        Some('.') => rest
            .get(1..)
            .is_none_or(|r| !r.starts_with(char::is_alphanumeric)),
        Some(c) => c.is_whitespace() || matches!(c, ',' | ';' | ':' | '!' | '?' | ')' | '”' | '»'),
    };
    if !capitalised || !word_ends {
        return false;
    }
    let head = text.get(sentence_start..period).unwrap_or("");
    let token_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || is_opener(c))
        .map_or(0, |(idx, c)| idx + c.len_utf8());
    let token = head.get(token_start..).unwrap_or("");
    let number = token.starts_with(|c: char| c.is_ascii_digit())
        && token.bytes().all(|b| b.is_ascii_digit() || b == b',');
    let plain_word = token.chars().count() >= 2
        && token.chars().all(char::is_alphabetic)
        && token.chars().any(char::is_lowercase)
        && lang.lookup(token).is_none();
    number || plain_word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preceding(text: &str, lang: Language) -> Preceding {
        let period = text.rfind('.').unwrap_or(text.len());
        classify_preceding(text, 0, period, lang)
    }

    #[test]
    fn language_code_primary_subtag_selects_rules() {
        assert_eq!(Language::from_code("ko-KR"), Language::Korean);
        assert_eq!(Language::from_code("KK"), Language::Kazakh);
        assert_eq!(Language::from_code("ru_RU"), Language::Russian);
        assert_eq!(Language::from_code("en-US"), Language::English);
        assert_eq!(Language::from_code("de"), Language::English);
        assert_eq!(Language::from_code(""), Language::English);
    }

    #[test]
    fn capitalised_abbreviation_is_found() {
        assert_eq!(Language::English.lookup("Etc"), Some(Abbreviation::Final));
        assert_eq!(
            Language::Russian.lookup("См"),
            Some(Abbreviation::Ambiguous)
        );
        assert_eq!(Language::Russian.lookup("Т.е"), Some(Abbreviation::Inner));
        assert_eq!(Language::Russian.lookup("Г"), None);
    }

    #[test]
    fn preceding_word_is_classified() {
        use Abbreviation::*;
        let en = Language::English;
        assert_eq!(preceding("He met Mr.", en), Preceding::Abbreviation(Inner));
        assert_eq!(
            preceding("in the U.S.", en),
            Preceding::Abbreviation(Ambiguous)
        );
        assert_eq!(
            preceding("미국(U.S.", Language::Korean),
            Preceding::Abbreviation(Ambiguous)
        );
        assert_eq!(preceding("John F.", en), Preceding::Initial);
        assert_eq!(preceding("1.", en), Preceding::ListMarker);
        assert_eq!(preceding("in 1943.", en), Preceding::Word);
        assert_eq!(preceding("there (in 1943).", en), Preceding::Word);
        assert_eq!(
            preceding("и т. д.", Language::Russian),
            Preceding::Abbreviation(Final)
        );
        assert_eq!(
            preceding("Қ.-Ж.", Language::Kazakh),
            Preceding::Abbreviation(Ambiguous)
        );
        assert_eq!(preceding("example.com.", en), Preceding::Word);
        assert_eq!(preceding(".", en), Preceding::Word);
    }

    #[test]
    fn next_word_is_classified() {
        let next = classify_next("“The talks", 0);
        assert_eq!((next.start, next.word), (Start::Upper, "The"));
        let next = classify_next("Сондай-ақ, биыл", 0);
        assert_eq!((next.start, next.word), (Start::Upper, "Сондай-ақ"));
        let next = classify_next("F. Kennedy", 0);
        assert!(next.abbreviated);
        let next = classify_next("— said", 0);
        assert!(next.dashed);
        assert_eq!((next.start, next.word), (Start::Lower, "said"));
        assert_eq!(classify_next("<em>양국은", 0).start, Start::Caseless);
        assert_eq!(classify_next("$5", 0).start, Start::Symbol);
        assert_eq!(classify_next("«", 0).start, Start::Other);
    }

    #[test]
    fn clusters_take_closers() {
        let text = "agree?!” Then";
        let cluster = scan_cluster(text, 5);
        assert_eq!(&text[cluster.start..cluster.end], "?!”");
        assert_eq!(cluster.terminal, Terminal::Strong);
        assert!(cluster.quoted);
        let text = "left.</em> She";
        let cluster = scan_cluster(text, 4);
        assert_eq!(&text[cluster.start..cluster.end], ".</em>");
        assert_eq!(scan_cluster("so... then", 2).terminal, Terminal::Ellipsis);
        assert!(scan_cluster("[...]", 1).omission);
    }
}
