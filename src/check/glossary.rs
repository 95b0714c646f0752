//! Glossary check: finds the glossary terms an English source segment uses whose locale wording
//! (allowing for Korean particles, Kazakh suffixes and Russian case endings) the translation lacks.
//!
//! Source side: each English wording is matched as whole words, case-insensitive for its first
//! letter only, longest wording first, so "Kassym-Jomart Tokayev" consumes its "Tokayev".
//!
//! Target side, by locale (primary language subtag):
//! - `ko`: substring match, spacing ignored, followed by anything (particles such as 는, 의, 에서);
//!   on the left the wording must not be glued to a Hangul syllable, except to one of the
//!   one-syllable Sino-Korean prefixes such as 대, 재, 주, 한 (대카자흐스탄, 재카자흐스탄, 주카자흐스탄).
//! - `kk`: the words in order and adjacent; every word but the last equals a word of the
//!   translation, the last is a prefix of one (Тоқаевтың, Сеулде, Ин-нің).
//! - `ru`: the words in order and adjacent; each translation word is a stem of the wording's word
//!   plus nothing or a known case ending (Токаева, «Свежего ветра», Семипалатинского).
//! - anything else: case-insensitive substring.
//!
//! On the target side case is ignored, `ё` counts as `е`, quotes and hyphens between words are
//! allowed (`«Чхонвадэ»`, `Касым-Жомарт` = `Касым Жомарт`).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::text::Fnv;

use fluent_syntax::ast::{Entry, Pattern, PatternElement};

/// Russian noun and adjective case endings (with `ё` folded to `е`); a translation word matches a
/// wording's word when it is one of the word's stems followed by nothing or one of these.
const RU_ENDINGS: &[&str] = &[
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ием", "иям", "иях", "ьям", "ьях",
    "ьев", "ьми", "ом", "ем", "ой", "ей", "ою", "ею", "ам", "ям", "ах", "ях", "ов", "ев", "ью",
    "ья", "ье", "ьи", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ым", "им", "ых",
    "их", "ия", "ии", "ию", "а", "я", "о", "е", "у", "ю", "ы", "и", "ь",
];

/// The shortest Russian stem (in letters) left after stripping an ending.
const RU_MIN_STEM: usize = 3;

/// One-syllable Sino-Korean prefixes a Korean term may be written glued to: 對 대, 在 재, 駐 주,
/// 韓 한, 親 친, 反 반, 汎 범, 前/全 전, 故 고, 北 북, 南 남, 新 신, 舊 구, 訪 방, 脫 탈, 非 비.
/// The prefix itself must not follow another Hangul syllable.
const KO_PREFIXES: &[char] = &[
    '대', '재', '주', '한', '친', '반', '범', '전', '고', '북', '남', '신', '구', '방', '탈', '비',
];

/// A glossary for one target locale: for each term, its English wordings and the locale's.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    terms: Vec<Term>,
    sources: Vec<SourceWording>,
    /// First word of each English wording, with its first letter in lower and in upper case, to
    /// the indices in `sources` of the wordings that start with it.
    index: HashMap<String, Vec<usize>, BuildHasherDefault<Fnv>>,
}

/// A glossary term used in the source whose locale wording the translation lacks.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MissingTerm {
    /// The term id without its dash, e.g. "tokayev".
    pub term: String,
    /// The English wording found in the source.
    pub source: String,
    /// The locale's wording the translation should contain (the main one).
    pub expected: String,
}

#[derive(Debug, Clone)]
struct Term {
    id: String,
    expected: String,
    targets: Vec<TargetWording>,
}

/// An English wording, split after its first word (the `index` key).
#[derive(Debug, Clone)]
struct SourceWording {
    term: usize,
    /// What follows the first word, whitespace collapsed to single spaces (may be empty).
    rest: String,
}

/// A locale wording, prepared for every kind of matching.
#[derive(Debug, Clone)]
struct TargetWording {
    /// Normalized (see [`normalize`]), trimmed to its first and last letter or digit, whitespace
    /// collapsed to single spaces: plain substring matching.
    plain: String,
    /// `plain` without whitespace: Korean matching.
    compact: String,
    /// The words (letter and digit runs) of `plain`: Kazakh matching.
    words: Vec<String>,
    /// For each word, its stems: Russian matching.
    stems: Vec<Vec<String>>,
    /// What every stem of the first word starts with (hence also the first word itself): where
    /// Kazakh and Russian matching look for a candidate phrase.
    anchor: String,
}

/// How the translation is searched for a locale wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Korean,
    Kazakh,
    Russian,
    Plain,
}

/// A match of an English wording in the source: byte range and index into `sources`.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    wording: usize,
}

impl Glossary {
    /// Builds a glossary from term wordings: `(id, english_wordings, locale_wordings)`, main wording first.
    ///
    /// Wordings are trimmed to their first and last letter or digit (so quotes around a name are
    /// optional); blank wordings are dropped, and so is a term left without an English or a
    /// locale wording. A leading `-` on an id is removed.
    pub fn new(terms: Vec<(String, Vec<String>, Vec<String>)>) -> Glossary {
        let mut glossary = Glossary::default();
        for (id, english, locale) in terms {
            let expected = locale
                .iter()
                .map(|w| collapse_whitespace(w))
                .find(|w| !trim_to_alphanumeric(w).is_empty());
            let Some(expected) = expected else { continue };
            let targets: Vec<TargetWording> =
                locale.iter().filter_map(|w| prepare_target(w)).collect();
            let sources: Vec<String> = english
                .iter()
                .map(|w| collapse_whitespace(trim_to_alphanumeric(w)))
                .filter(|w| !w.is_empty())
                .collect();
            if sources.is_empty() || targets.is_empty() {
                continue;
            }
            let term = glossary.terms.len();
            glossary.terms.push(Term {
                id: id.strip_prefix('-').unwrap_or(&id).to_string(),
                expected,
                targets,
            });
            for wording in sources {
                glossary.add_source(term, &wording);
            }
        }
        glossary
    }

    /// Reads the terms of two Fluent glossary files (English, locale) given as text. Terms that are in
    /// only one of them are skipped. Returns the glossary and the ids skipped.
    ///
    /// A term's wordings are its value and every attribute whose name starts with `alt`. A term
    /// whose value is not plain text (has a placeable) on either side is skipped too; a non-plain
    /// `alt` attribute is ignored. When an id appears twice in a file the first one counts.
    pub fn from_fluent(english: &str, locale: &str) -> (Glossary, Vec<String>) {
        let english = read_terms(english);
        let locale = read_terms(locale);
        let locale_by_id: HashMap<&str, &Option<Vec<String>>> =
            locale.iter().map(|(id, w)| (id.as_str(), w)).collect();
        let mut terms = Vec::new();
        for (id, english_wordings) in &english {
            if let (Some(en), Some(Some(loc))) = (english_wordings, locale_by_id.get(id.as_str())) {
                terms.push((id.clone(), en.clone(), loc.clone()));
            }
        }
        let glossary = Glossary::new(terms);
        let mut skipped: Vec<String> = english
            .iter()
            .chain(&locale)
            .map(|(id, _)| id)
            .filter(|id| !glossary.terms.iter().any(|t| t.id == **id))
            .cloned()
            .collect();
        skipped.sort();
        skipped.dedup();
        (glossary, skipped)
    }

    /// The terms whose English wording occurs in `source`, once each, in the order they occur:
    /// what a translator should see beside the segment. `MissingTerm::expected` is the wording
    /// the translation should use.
    pub fn terms_in(&self, source: &str) -> Vec<MissingTerm> {
        let mut terms: Vec<MissingTerm> = Vec::new();
        for found in self.find_in_source(source) {
            let term = &self.terms[self.sources[found.wording].term];
            if terms.iter().all(|t| t.term != term.id) {
                terms.push(MissingTerm {
                    term: term.id.clone(),
                    source: source[found.start..found.end].to_string(),
                    expected: term.expected.clone(),
                });
            }
        }
        terms
    }

    /// Whether the glossary has no term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Indexes one English wording (already trimmed, non-empty) of term `term`.
    fn add_source(&mut self, term: usize, wording: &str) {
        let first_end = wording
            .find(|c: char| !is_word_char(c))
            .unwrap_or(wording.len());
        let (first, rest) = wording.split_at(first_end);
        let wording_index = self.sources.len();
        self.sources.push(SourceWording {
            term,
            rest: rest.to_string(),
        });
        for key in vary_first_letter(first) {
            let bucket = self.index.entry(key).or_default();
            if !bucket.contains(&wording_index) {
                bucket.push(wording_index);
            }
        }
    }

    /// The wordings used in `source`, longest first without overlaps, in source order.
    fn find_in_source(&self, source: &str) -> Vec<Found> {
        let mut candidates = Vec::new();
        for (start, end) in Tokens::new(source) {
            let Some(bucket) = self.index.get(&source[start..end]) else {
                continue;
            };
            for &wording in bucket {
                if let Some(match_end) = match_rest(source, end, &self.sources[wording].rest, true)
                {
                    candidates.push(Found {
                        start,
                        end: match_end,
                        wording,
                    });
                }
            }
        }
        if candidates.len() > 1 {
            candidates.sort_by(|a, b| {
                (b.end - b.start)
                    .cmp(&(a.end - a.start))
                    .then(a.start.cmp(&b.start))
                    .then(a.wording.cmp(&b.wording))
            });
            let mut chosen: Vec<Found> = Vec::with_capacity(candidates.len());
            for c in candidates {
                if chosen.iter().all(|k| c.end <= k.start || c.start >= k.end) {
                    chosen.push(c);
                }
            }
            chosen.sort_by_key(|k| k.start);
            candidates = chosen;
        }
        candidates
    }
}

/// The glossary terms of `source` whose wording in `locale` ("ko", "kk", "ru", or "ru-RU" etc.; other
/// locales: plain case-insensitive substring matching) the `translation` does not use.
///
/// Each term is reported once, in the order of its first use in the source; `source` is the text
/// as written there. Any of the locale's wordings in the translation satisfies any English one.
///
/// ```
/// use bitext::check::glossary::{missing_terms, Glossary};
///
/// let glossary = Glossary::new(vec![(
///     "tokayev".to_string(),
///     vec!["Kassym-Jomart Tokayev".to_string(), "Tokayev".to_string()],
///     vec!["Касым-Жомарт Токаев".to_string(), "Токаев".to_string()],
/// )]);
/// let source = "Tokayev's visit to Seoul.";
/// assert!(missing_terms(source, "Визит Токаева в Сеул.", "ru", &glossary).is_empty());
/// let missing = missing_terms(source, "Визит Токаефа в Сеул.", "ru-RU", &glossary);
/// assert_eq!(missing[0].term, "tokayev");
/// assert_eq!(missing[0].source, "Tokayev");
/// assert_eq!(missing[0].expected, "Касым-Жомарт Токаев");
/// ```
pub fn missing_terms(
    source: &str,
    translation: &str,
    locale: &str,
    glossary: &Glossary,
) -> Vec<MissingTerm> {
    if glossary.is_empty() {
        return Vec::new();
    }
    let found = glossary.find_in_source(source);
    if found.is_empty() {
        return Vec::new();
    }
    let family = detect_family(locale);
    let text = normalize(translation);
    let mut seen: Vec<usize> = Vec::with_capacity(found.len());
    let mut missing = Vec::new();
    for f in found {
        let term_index = glossary.sources[f.wording].term;
        if seen.contains(&term_index) {
            continue;
        }
        seen.push(term_index);
        let term = &glossary.terms[term_index];
        if !term
            .targets
            .iter()
            .any(|t| contains_wording(&text, t, family))
        {
            missing.push(MissingTerm {
                term: term.id.clone(),
                source: source[f.start..f.end].to_string(),
                expected: term.expected.clone(),
            });
        }
    }
    missing
}

/// The matching family of a locale, from its primary language subtag.
fn detect_family(locale: &str) -> Family {
    let primary = locale.split(['-', '_']).next().unwrap_or_default();
    if primary.eq_ignore_ascii_case("ko") {
        Family::Korean
    } else if primary.eq_ignore_ascii_case("kk") {
        Family::Kazakh
    } else if primary.eq_ignore_ascii_case("ru") {
        Family::Russian
    } else {
        Family::Plain
    }
}

/// Whether the normalized translation `text` uses the locale wording `target`.
fn contains_wording(text: &str, target: &TargetWording, family: Family) -> bool {
    match family {
        Family::Korean => contains_korean(text, &target.compact),
        Family::Kazakh => {
            let last = target.words.len().saturating_sub(1);
            contains_phrase(text, &target.anchor, target.words.len(), |i, token| {
                let word = target.words[i].as_str();
                if i == last {
                    token.starts_with(word)
                } else {
                    token == word
                }
            })
        }
        Family::Russian => contains_phrase(text, &target.anchor, target.stems.len(), |i, token| {
            target.stems[i].iter().any(|stem| {
                token.strip_prefix(stem.as_str()).is_some_and(|ending| {
                    ending.is_empty() || RU_ENDINGS.contains(&ending) || is_adjective_ending(ending)
                })
            })
        }),
        Family::Plain => contains_spaced(text, &target.plain),
    }
}

/// Whether `ending` makes an adjective of a place name: Казахстан → казахстанская, Сеул →
/// сеульские, Кызылорда → кызылординская (a suffix -ск-, -ьск-, -инск-, -ийск- and an adjective
/// ending).
fn is_adjective_ending(ending: &str) -> bool {
    const SUFFIXES: &[&str] = &["инск", "ийск", "ьск", "йск", "ск"];
    const ADJECTIVE: &[&str] = &[
        "ий", "ый", "ая", "ое", "ие", "ые", "ого", "ому", "ой", "ую", "им", "ым", "их", "ых",
        "ими", "ыми", "ом",
    ];
    SUFFIXES.iter().any(|suffix| {
        ending
            .strip_prefix(suffix)
            .is_some_and(|rest| ADJECTIVE.contains(&rest))
    })
}

/// Whether `pattern` (no whitespace) occurs in `text`, whitespace in `text` ignored between its
/// characters, not glued on the left to a Hangul syllable other than a word-initial prefix.
fn contains_korean(text: &str, pattern: &str) -> bool {
    let Some(first) = pattern.chars().next() else {
        return false;
    };
    text.match_indices(first).any(|(start, _)| {
        accepts_korean_left(&text[..start]) && match_ignoring_spaces(&text[start..], pattern)
    })
}

/// Whether a Korean term may start right after `before`.
fn accepts_korean_left(before: &str) -> bool {
    let mut back = before.chars().rev();
    match back.next() {
        Some(c) if is_hangul_syllable(c) => {
            KO_PREFIXES.contains(&c) && !back.next().is_some_and(is_hangul_syllable)
        }
        _ => true,
    }
}

/// Whether `text` starts with `pattern` when whitespace in `text` after its first character is
/// skipped.
fn match_ignoring_spaces(text: &str, pattern: &str) -> bool {
    let mut chars = text.chars();
    for (i, p) in pattern.chars().enumerate() {
        let next = if i == 0 {
            chars.next()
        } else {
            chars.by_ref().find(|c| !c.is_whitespace())
        };
        if next != Some(p) {
            return false;
        }
    }
    true
}

/// Whether `pattern` (single spaces) occurs in `text`, a space matching any run of whitespace.
fn contains_spaced(text: &str, pattern: &str) -> bool {
    let Some(first) = pattern.split(' ').next().filter(|p| !p.is_empty()) else {
        return false;
    };
    text.match_indices(first).any(|(start, _)| {
        match_rest(text, start + first.len(), &pattern[first.len()..], false).is_some()
    })
}

/// Whether consecutive words of `text` (letter and digit runs separated only by whitespace,
/// hyphens and quotes) satisfy `matches(i, word)` for `i` in `0..count`, the first word starting
/// with `anchor`.
fn contains_phrase(
    text: &str,
    anchor: &str,
    count: usize,
    matches: impl Fn(usize, &str) -> bool,
) -> bool {
    if count == 0 || anchor.is_empty() {
        return false;
    }
    text.match_indices(anchor).any(|(start, _)| {
        if text[..start].chars().next_back().is_some_and(is_word_char) {
            return false;
        }
        let mut tokens = Tokens {
            text,
            position: start,
        };
        let mut previous_end = start;
        for i in 0..count {
            match tokens.next() {
                Some((s, e))
                    if (i == 0 || is_joining_gap(&text[previous_end..s]))
                        && matches(i, &text[s..e]) =>
                {
                    previous_end = e;
                }
                _ => return false,
            }
        }
        true
    })
}

/// Whether `gap` between two words keeps them one phrase: only whitespace, hyphens and quotes.
fn is_joining_gap(gap: &str) -> bool {
    gap.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '\'' | '"' | '«' | '»' | '„' | '“' | '”' | '‹' | '›' | '‚' | '‘'
            )
    })
}

/// Matches `rest` (what follows an English wording's first word; single spaces standing for any
/// whitespace run; hyphens and apostrophes in their typographic variants) in `text` at byte
/// `from`, then, if `whole_word`, requires a word boundary. Returns the end of the match.
fn match_rest(text: &str, from: usize, rest: &str, whole_word: bool) -> Option<usize> {
    let tail = &text[from..];
    let mut chars = tail.char_indices().peekable();
    for p in rest.chars() {
        if p == ' ' {
            let mut any = false;
            while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {
                any = true;
            }
            if !any {
                return None;
            }
        } else {
            match chars.next() {
                Some((_, c)) if fold_punctuation(c) == fold_punctuation(p) => {}
                _ => return None,
            }
        }
    }
    let end = chars.peek().map_or(text.len(), |&(i, _)| from + i);
    if whole_word && text[end..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    Some(end)
}

/// Typographic apostrophes as `'`, non-breaking hyphens as `-`.
fn fold_punctuation(c: char) -> char {
    match c {
        '’' | 'ʼ' | '‘' => '\'',
        '‐' | '‑' => '-',
        _ => c,
    }
}

/// The text as target matching sees it: lower case, `ё` as `е`, punctuation folded.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let lower = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'А'..='Я' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
            'Ѐ'..='Џ' => char::from_u32(u32::from(c) + 0x50).unwrap_or(c),
            '\0'..='\u{7F}' | 'а'..='џ' | '\u{AC00}'..='\u{D7A3}' => c,
            _ => {
                out.extend(c.to_lowercase().map(fold_letter));
                continue;
            }
        };
        out.push(fold_letter(lower));
    }
    out
}

/// `ё` as `е`, punctuation folded (see [`fold_punctuation`]).
fn fold_letter(c: char) -> char {
    match c {
        'ё' => 'е',
        _ => fold_punctuation(c),
    }
}

/// Whether `c` is a letter or digit: `char::is_alphanumeric`, quicker for ASCII, Cyrillic and
/// Hangul syllables.
fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' | '\u{AC00}'..='\u{D7A3}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// `text` without what precedes its first letter or digit and follows its last.
fn trim_to_alphanumeric(text: &str) -> &str {
    text.trim_matches(|c: char| !is_word_char(c))
}

/// `text` trimmed, each whitespace run a single space.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A locale wording prepared for matching, or `None` when it has no letter or digit.
fn prepare_target(wording: &str) -> Option<TargetWording> {
    let normalized = normalize(wording);
    let plain = collapse_whitespace(trim_to_alphanumeric(&normalized));
    if plain.is_empty() {
        return None;
    }
    let compact: String = plain.chars().filter(|c| !c.is_whitespace()).collect();
    let words: Vec<String> = plain
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let stems: Vec<Vec<String>> = words.iter().map(|w| derive_stems(w)).collect();
    let anchor = stems
        .first()
        .map(|first| find_common_prefix(first))
        .unwrap_or_default();
    Some(TargetWording {
        plain,
        compact,
        words,
        stems,
        anchor,
    })
}

/// The stems of a (normalized) Russian word: the word itself, the word without each ending of
/// [`RU_ENDINGS`] it has (leaving at least [`RU_MIN_STEM`] letters), and, for a fleeting vowel
/// (ветер → ветра), the word without its last-syllable е or о.
fn derive_stems(word: &str) -> Vec<String> {
    let mut stems = vec![word.to_string()];
    let letters = word.chars().count();
    for ending in RU_ENDINGS {
        if let Some(stem) = word.strip_suffix(ending) {
            if letters - ending.chars().count() >= RU_MIN_STEM && !stems.iter().any(|s| s == stem) {
                stems.push(stem.to_string());
            }
        }
    }
    let chars: Vec<char> = word.chars().collect();
    if let [.., before, vowel, last] = chars[..] {
        if letters > RU_MIN_STEM
            && is_russian_consonant(before)
            && matches!(vowel, 'е' | 'о')
            && is_russian_consonant(last)
        {
            let mut stem: String = chars[..letters - 2].iter().collect();
            stem.push(last);
            if !stems.contains(&stem) {
                stems.push(stem);
            }
        }
    }
    stems
}

/// The longest common prefix of `words`.
fn find_common_prefix(words: &[String]) -> String {
    let Some((first, others)) = words.split_first() else {
        return String::new();
    };
    let mut end = first.len();
    for other in others {
        end = first
            .char_indices()
            .zip(other.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(other.len()), |((i, _), _)| i.min(end));
    }
    first[..end].to_string()
}

/// Whether `c` is a lower-case Russian consonant (й excluded).
fn is_russian_consonant(c: char) -> bool {
    "бвгджзклмнпрстфхцчшщ".contains(c)
}

/// Whether `c` is a precomposed Hangul syllable.
fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// The forms of a wording's first word to look for: as written when it starts with a capital
/// (a name: "Moon" is not "moon"), else with its first letter in lower and upper case (a common
/// word at the start of a sentence).
fn vary_first_letter(word: &str) -> Vec<String> {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Vec::new();
    };
    if first.is_uppercase() {
        return vec![word.to_string()];
    }
    let rest = chars.as_str();
    let lower: String = first.to_lowercase().chain(rest.chars()).collect();
    let upper: String = first.to_uppercase().chain(rest.chars()).collect();
    if lower == upper {
        vec![lower]
    } else {
        vec![lower, upper]
    }
}

/// The terms of a Fluent file in order: id (without dash) and wordings, `None` when the value is
/// not plain text. Parse errors leave the entries that did parse.
fn read_terms(ftl: &str) -> Vec<(String, Option<Vec<String>>)> {
    let ftl = crate::store::ftl::guarded(ftl);
    let resource = match fluent_syntax::parser::parse(ftl.as_ref()) {
        Ok(resource) => resource,
        Err((resource, _errors)) => resource,
    };
    let mut terms: Vec<(String, Option<Vec<String>>)> = Vec::new();
    for entry in &resource.body {
        let Entry::Term(term) = entry else { continue };
        let id = term.id.name.to_string();
        if terms.iter().any(|(seen, _)| *seen == id) {
            continue;
        }
        let wordings = read_plain_text(&term.value).map(|main| {
            let mut wordings = vec![main];
            wordings.extend(
                term.attributes
                    .iter()
                    .filter(|a| a.id.name.starts_with("alt"))
                    .filter_map(|a| read_plain_text(&a.value)),
            );
            wordings
        });
        terms.push((id, wordings));
    }
    terms
}

/// The text of a pattern made of text elements only.
fn read_plain_text(pattern: &Pattern<&str>) -> Option<String> {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { .. } => return None,
        }
    }
    Some(text)
}

/// Maximal runs of letters and digits of a text, as byte ranges.
#[derive(Debug, Clone)]
struct Tokens<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Tokens<'a> {
        Tokens { text, position: 0 }
    }
}

impl Iterator for Tokens<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let rest = &self.text[self.position..];
        let offset = rest.find(is_word_char)?;
        let start = self.position + offset;
        let end = self.text[start..]
            .find(|c: char| !is_word_char(c))
            .map_or(self.text.len(), |n| start + n);
        self.position = end;
        Some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Term id, English wordings, then ko, kk and ru wordings.
    type Row = (
        &'static str,
        &'static [&'static str],
        [&'static [&'static str]; 3],
    );

    const TERMS: &[Row] = &[
        (
            "tokayev",
            &["Kassym-Jomart Tokayev", "Tokayev"],
            [
                &["카심조마르트 토카예프", "토카예프"],
                &["Қасым-Жомарт Тоқаев", "Тоқаев"],
                &["Касым-Жомарт Токаев", "Токаев"],
            ],
        ),
        (
            "moon-jae-in",
            &["Moon Jae-in"],
            [&["문재인"], &["Мун Чжэ Ин"], &["Мун Чжэ Ин"]],
        ),
        (
            "kazakhstan",
            &["Kazakhstan"],
            [&["카자흐스탄"], &["Қазақстан"], &["Казахстан"]],
        ),
        ("korea", &["Korea"], [&["한국"], &["Корея"], &["Корея"]]),
        ("seoul", &["Seoul"], [&["서울"], &["Сеул"], &["Сеул"]]),
        (
            "cheong-wa-dae",
            &["Cheong Wa Dae"],
            [&["청와대"], &["Чхонвадэ"], &["«Чхонвадэ»"]],
        ),
        (
            "hong-beom-do",
            &["Hong Beom-do"],
            [&["홍범도"], &["Хон Бом До"], &["Хон Бом До"]],
        ),
        (
            "semipalatinsk",
            &["Semipalatinsk"],
            [&["세미팔라틴스크"], &["Семей"], &["Семипалатинск"]],
        ),
        (
            "fresh-wind",
            &["Fresh Wind"],
            [&["프레시 윈드"], &["Жаңа леп"], &["Свежий ветер"]],
        ),
    ];

    fn build_glossary(locale: &str) -> Glossary {
        let column = match locale {
            "ko" => 0,
            "kk" => 1,
            _ => 2,
        };
        Glossary::new(
            TERMS
                .iter()
                .map(|(id, en, targets)| {
                    (
                        id.to_string(),
                        en.iter().map(|w| w.to_string()).collect(),
                        targets[column].iter().map(|w| w.to_string()).collect(),
                    )
                })
                .collect(),
        )
    }

    /// The ids of the terms `translation` misses.
    fn list_missing(source: &str, translation: &str, locale: &str) -> Vec<String> {
        missing_terms(source, translation, locale, &build_glossary(locale))
            .into_iter()
            .map(|m| m.term)
            .collect()
    }

    fn assert_accepted(locale: &str, cases: &[(&str, &str)]) {
        for (source, translation) in cases {
            assert_eq!(
                list_missing(source, translation, locale),
                Vec::<String>::new(),
                "{locale}: {source:?} -> {translation:?}"
            );
        }
    }

    fn assert_flagged(locale: &str, cases: &[(&str, &str, &str)]) {
        for (source, translation, term) in cases {
            assert_eq!(
                list_missing(source, translation, locale),
                vec![term.to_string()],
                "{locale}: {source:?} -> {translation:?}"
            );
        }
    }

    // Source matching.

    #[test]
    fn source_possessive_is_matched() {
        let missing = list_missing("Tokayev's visit", "Визит", "ru");
        assert_eq!(missing, ["tokayev"]);
        let missing = list_missing("Tokayev\u{2019}s visit", "Визит", "ru");
        assert_eq!(missing, ["tokayev"]);
        assert_eq!(list_missing("Kazakhstan, Korea.", "", "ru").len(), 2);
    }

    #[test]
    fn source_word_continued_by_letters_is_not_matched() {
        assert!(list_missing("The Tokayevs arrived.", "", "ru").is_empty());
        assert!(list_missing("Seoulite crowds", "", "ru").is_empty());
        assert!(list_missing("MiniTokayev", "", "ru").is_empty());
    }

    #[test]
    fn source_longest_wording_consumes_shorter_one() {
        let glossary = build_glossary("ru");
        let missing = missing_terms("Kassym-Jomart Tokayev said.", "Он сказал.", "ru", &glossary);
        assert_eq!(
            missing,
            vec![MissingTerm {
                term: "tokayev".into(),
                source: "Kassym-Jomart Tokayev".into(),
                expected: "Касым-Жомарт Токаев".into(),
            }]
        );
    }

    #[test]
    fn source_longest_wording_wins_across_terms() {
        let glossary = Glossary::new(vec![
            ("korea".into(), vec!["Korea".into()], vec!["Корея".into()]),
            (
                "south-korea".into(),
                vec!["South Korea".into()],
                vec!["Южная Корея".into()],
            ),
        ]);
        let missing = missing_terms("South Korea and Korea", "Корея", "ru", &glossary);
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].term, "south-korea");
        assert!(missing_terms("South Korea", "Южной Кореи", "ru", &glossary).is_empty());
    }

    #[test]
    fn a_capitalized_wording_matches_only_capitalized() {
        assert!(list_missing("tokayev said", "", "ru").is_empty());
        assert!(list_missing("fresh Wind party", "", "ru").is_empty());
        assert!(list_missing("TOKAYEV SAID", "", "ru").is_empty());
        assert!(list_missing("a Fresh wind blows", "", "ru").is_empty());
        assert_eq!(list_missing("Tokayev said", "", "ru"), ["tokayev"]);
    }

    #[test]
    fn russian_adjectives_of_place_names_use_the_term() {
        let glossary = Glossary::new(vec![
            (
                "kazakhstan".into(),
                vec!["Kazakhstan".into()],
                vec!["Казахстан".into()],
            ),
            ("seoul".into(), vec!["Seoul".into()], vec!["Сеул".into()]),
            (
                "kyzylorda".into(),
                vec!["Kyzylorda".into()],
                vec!["Кызылорда".into()],
            ),
        ]);
        for (en, ru) in [
            (
                "Kazakhstan's economy grew.",
                "Казахстанская экономика выросла.",
            ),
            ("Seoul officials said.", "Сеульские чиновники заявили."),
            ("The Kyzylorda region.", "Кызылординская область."),
        ] {
            assert!(missing_terms(en, ru, "ru", &glossary).is_empty(), "{ru}");
        }
        assert_eq!(
            missing_terms(
                "Seoul officials said.",
                "Чиновники заявили.",
                "ru",
                &glossary
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_lower_case_wording_matches_at_the_start_of_a_sentence_too() {
        let glossary = Glossary::new(vec![(
            "test-site".into(),
            vec!["nuclear test site".into()],
            vec!["ядерный полигон".into()],
        )]);
        assert_eq!(
            missing_terms("Nuclear test site closed.", "Закрыт.", "ru", &glossary).len(),
            1
        );
        assert_eq!(
            missing_terms("The nuclear test site closed.", "Закрыт.", "ru", &glossary).len(),
            1
        );
    }

    #[test]
    fn source_whitespace_and_hyphen_variants_are_matched() {
        let glossary = build_glossary("ru");
        let missing = missing_terms("Kassym-Jomart\u{a0}\u{a0}Tokayev", "", "ru", &glossary);
        assert_eq!(missing[0].source, "Kassym-Jomart\u{a0}\u{a0}Tokayev");
        let missing = missing_terms("Moon Jae\u{2011}in", "", "ru", &glossary);
        assert_eq!(missing[0].term, "moon-jae-in");
    }

    #[test]
    fn each_term_reported_once_in_source_order() {
        let source = "Tokayev met Moon Jae-in in Seoul; Tokayev and Kassym-Jomart Tokayev again.";
        assert_eq!(
            list_missing(source, "", "ko"),
            ["tokayev", "moon-jae-in", "seoul"]
        );
    }

    #[test]
    fn source_without_terms_reports_nothing() {
        assert!(list_missing("Nothing to see here.", "", "ru").is_empty());
        assert!(list_missing("", "", "ko").is_empty());
    }

    // Korean.

    #[test]
    fn ko_accepts_particles_attached_to_term() {
        assert_accepted(
            "ko",
            &[
                ("Hong Beom-do was a general.", "홍범도는 장군이었다."),
                ("The remains of Hong Beom-do", "홍범도의 유해"),
                ("President Tokayev said", "토카예프 대통령은 말했다"),
                ("at Cheong Wa Dae", "청와대에서"),
                ("Korea and Kazakhstan", "한국과 카자흐스탄과"),
                ("Moon Jae-in said", "문재인 대통령이 말했다"),
                ("Tokayev", "토카예프를 만났다"),
            ],
        );
    }

    #[test]
    fn ko_accepts_compound_prefixes_and_punctuation_before_term() {
        assert_accepted(
            "ko",
            &[
                ("bilateral ties with Kazakhstan", "한·카자흐스탄 관계"),
                ("exports to Kazakhstan", "대(對)카자흐스탄 수출"),
                ("exports to Kazakhstan", "대카자흐스탄 수출"),
                ("Koreans in Kazakhstan", "재카자흐스탄 고려인"),
                ("Seoul", "\"서울\"에서"),
            ],
        );
    }

    #[test]
    fn ko_ignores_spacing_inside_wording() {
        assert_accepted(
            "ko",
            &[
                ("Kassym-Jomart Tokayev", "카심 조마르트 토카예프 대통령"),
                ("Fresh Wind", "프레시윈드는"),
                ("Fresh Wind", "프레시 윈드의"),
            ],
        );
    }

    #[test]
    fn ko_flags_missing_misspelt_or_wrong_term() {
        assert_flagged(
            "ko",
            &[
                ("Tokayev said", "대통령은 말했다", "tokayev"),
                ("Tokayev said", "토카에프 대통령은 말했다", "tokayev"),
                ("Tokayev said", "나자르바예프 대통령은 말했다", "tokayev"),
                ("in Kazakhstan", "카자흐에서", "kazakhstan"),
                ("at Cheong Wa Dae", "대통령실에서", "cheong-wa-dae"),
                ("Moon Jae-in said", "문제인 대통령이 말했다", "moon-jae-in"),
            ],
        );
    }

    #[test]
    fn ko_flags_term_glued_to_preceding_word() {
        assert_flagged(
            "ko",
            &[
                ("in Kazakhstan", "타카자흐스탄", "kazakhstan"),
                ("in Kazakhstan", "대한카자흐스탄", "kazakhstan"),
                ("Hong Beom-do", "백홍범도", "hong-beom-do"),
            ],
        );
    }

    // Kazakh.

    #[test]
    fn kk_accepts_suffixes_on_last_word() {
        assert_accepted(
            "kk",
            &[
                ("Kazakhstan's economy", "Қазақстанның экономикасы"),
                ("with Tokayev", "Тоқаевпен"),
                ("in Seoul", "Сеулде"),
                ("Kassym-Jomart Tokayev's", "Қасым-Жомарт Тоқаевтың"),
                ("to Korea", "Кореяға"),
                ("of Korea", "Кореяның"),
                ("at Cheong Wa Dae", "Чхонвадэде"),
                ("in Semipalatinsk", "Семейде"),
            ],
        );
    }

    #[test]
    fn kk_accepts_suffix_after_hyphen_or_apostrophe() {
        assert_accepted(
            "kk",
            &[
                ("Moon Jae-in's", "Мун Чжэ Иннің"),
                ("Moon Jae-in's", "Мун Чжэ Ин-нің"),
                ("Moon Jae-in's", "Мун Чжэ Ин'нің"),
                ("Fresh Wind", "«Жаңа лепке» қосылды"),
                ("Kassym-Jomart Tokayev", "ҚАСЫМ-ЖОМАРТ ТОҚАЕВ"),
            ],
        );
    }

    #[test]
    fn kk_flags_missing_misspelt_or_wrong_term() {
        assert_flagged(
            "kk",
            &[
                ("Tokayev said", "Президент айтты", "tokayev"),
                ("Tokayev said", "Токаев айтты", "tokayev"),
                ("in Kazakhstan", "Қазақ елінде", "kazakhstan"),
                ("Moon Jae-in said", "Мун Чжэ айтты", "moon-jae-in"),
                ("Fresh Wind", "Жаңа, леп", "fresh-wind"),
                ("Fresh Wind", "леп Жаңа", "fresh-wind"),
                ("in Seoul", "Сеүлде", "seoul"),
            ],
        );
    }

    #[test]
    fn kk_requires_words_before_the_last_unchanged() {
        assert_flagged(
            "kk",
            &[
                ("Fresh Wind", "Жаңалар леп", "fresh-wind"),
                ("Hong Beom-do", "Хонның Бом До", "hong-beom-do"),
            ],
        );
    }

    // Russian.

    #[test]
    fn ru_accepts_case_endings() {
        assert_accepted(
            "ru",
            &[
                ("in Kazakhstan", "в Казахстане"),
                ("of Kazakhstan", "Казахстана"),
                ("to Tokayev", "Токаеву"),
                ("with Tokayev", "с Токаевым"),
                ("of Kassym-Jomart Tokayev", "Касым-Жомарта Токаева"),
                ("in Korea", "в Корее"),
                ("to Korea", "в Корею"),
                ("of Korea", "Кореи"),
                ("in Seoul", "в Сеуле"),
            ],
        );
    }

    #[test]
    fn ru_accepts_quotes_and_fleeting_vowel() {
        assert_accepted(
            "ru",
            &[
                ("of Fresh Wind", "партии «Свежего ветра»"),
                ("to Fresh Wind", "«Свежему ветру»"),
                ("Fresh Wind", "«свежий ветер»"),
                ("at Cheong Wa Dae", "в «Чхонвадэ»"),
                ("at Cheong Wa Dae", "в Чхонвадэ"),
            ],
        );
    }

    #[test]
    fn ru_accepts_indeclinable_names_and_adjective_stem() {
        assert_accepted(
            "ru",
            &[
                ("Hong Beom-do", "Хон Бом До"),
                ("Moon Jae-in", "Мун Чжэ Ин"),
                ("Semipalatinsk test site", "Семипалатинского полигона"),
                ("Semipalatinsk test site", "Семипалатинский полигон"),
                ("in Semipalatinsk", "в Семипалатинске"),
                ("Kassym-Jomart Tokayev", "Касым Жомарт Токаев"),
            ],
        );
    }

    #[test]
    fn ru_flags_missing_misspelt_or_wrong_term() {
        assert_flagged(
            "ru",
            &[
                ("Tokayev said", "Токаеф сказал", "tokayev"),
                ("Tokayev said", "Президент сказал", "tokayev"),
                ("Tokayev said", "Назарбаев сказал", "tokayev"),
                ("Hong Beom-do", "Хон Бом", "hong-beom-do"),
                ("in Kazakhstan", "в Казахстанне", "kazakhstan"),
                ("Fresh Wind", "Свежий ветерок", "fresh-wind"),
            ],
        );
    }

    #[test]
    fn ru_flags_words_out_of_order_or_apart() {
        assert_flagged(
            "ru",
            &[
                ("Fresh Wind", "ветер свежий", "fresh-wind"),
                ("Fresh Wind", "свежий, ветер", "fresh-wind"),
                ("Fresh Wind", "свежий южный ветер", "fresh-wind"),
            ],
        );
    }

    #[test]
    fn ru_folds_yo_to_ye() {
        let glossary = Glossary::new(vec![(
            "fyodorov".into(),
            vec!["Fyodorov".into()],
            vec!["Фёдоров".into()],
        )]);
        assert!(missing_terms("Fyodorov", "Федорова", "ru", &glossary).is_empty());
        assert!(missing_terms("Fyodorov", "Фёдоровым", "ru", &glossary).is_empty());
    }

    #[test]
    fn ru_stems_keep_three_letters() {
        assert_eq!(derive_stems("корея"), ["корея", "коре"]);
        assert_eq!(derive_stems("ветер"), ["ветер", "ветр"]);
        assert_eq!(derive_stems("ин"), ["ин"]);
        assert!(derive_stems("свежий").contains(&"свеж".to_string()));
        assert!(!derive_stems("хон").contains(&"хн".to_string()));
    }

    #[test]
    fn locale_region_and_case_are_ignored() {
        let glossary = build_glossary("ru");
        assert!(missing_terms("Tokayev", "Токаева", "ru-RU", &glossary).is_empty());
        assert!(missing_terms("Tokayev", "Токаева", "RU_ru", &glossary).is_empty());
        let glossary = build_glossary("kk");
        assert!(missing_terms("Tokayev", "Тоқаевтың", "kk-Cyrl-KZ", &glossary).is_empty());
    }

    #[test]
    fn other_locales_use_case_insensitive_substring() {
        let glossary = Glossary::new(vec![(
            "fresh-wind".into(),
            vec!["Fresh Wind".into()],
            vec!["Frischer Wind".into()],
        )]);
        assert!(missing_terms("Fresh Wind", "der FRISCHER  WIND", "de", &glossary).is_empty());
        assert!(missing_terms("Fresh Wind", "des frischer Windes", "de", &glossary).is_empty());
        assert_eq!(
            missing_terms("Fresh Wind", "frischen Wind", "de", &glossary).len(),
            1
        );
    }

    // Building the glossary.

    #[test]
    fn from_fluent_reads_alt_attributes_and_skips_one_sided_terms() {
        let english = "\
# Glossary
-tokayev = Kassym-Jomart Tokayev
    .alt1 = Tokayev
    .gender = masculine
-seoul = Seoul
-only-english = Only English
-placeable = { -tokayev } again
hello = a message, not a term
";
        let russian = "\
-tokayev = Касым-Жомарт Токаев
    .alt1 = Токаев
    .alt-short = Т.
-seoul = Сеул
-only-russian = Только русский
-placeable = { -tokayev } снова
";
        let (glossary, skipped) = Glossary::from_fluent(english, russian);
        assert_eq!(skipped, ["only-english", "only-russian", "placeable"]);
        assert!(!glossary.is_empty());
        assert_eq!(glossary.terms.len(), 2);
        assert_eq!(glossary.terms[0].id, "tokayev");
        assert_eq!(glossary.terms[0].expected, "Касым-Жомарт Токаев");
        assert_eq!(glossary.terms[0].targets.len(), 3);
        assert!(missing_terms("Tokayev spoke", "Токаев выступил", "ru", &glossary).is_empty());
        let missing = missing_terms("Tokayev in Seoul", "Токаев в Пусане", "ru", &glossary);
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].expected, "Сеул");
    }

    #[test]
    fn from_fluent_survives_syntax_errors() {
        let (glossary, skipped) =
            Glossary::from_fluent("-seoul = Seoul\n!!! junk\n", "-seoul = Сеул\n= broken\n");
        assert!(skipped.is_empty());
        assert_eq!(list_ids(&glossary), ["seoul"]);
        let (glossary, _) = Glossary::from_fluent("", "");
        assert!(glossary.is_empty());
    }

    fn list_ids(glossary: &Glossary) -> Vec<&str> {
        glossary.terms.iter().map(|t| t.id.as_str()).collect()
    }

    #[test]
    fn new_drops_terms_without_usable_wordings() {
        let glossary = Glossary::new(vec![
            ("blank".into(), vec!["  ".into()], vec!["x".into()]),
            ("no-locale".into(), vec!["Word".into()], vec![]),
            ("quotes".into(), vec!["Word".into()], vec!["«»".into()]),
            (
                "-dashed".into(),
                vec!["\"Seoul\"".into()],
                vec!["Сеул".into()],
            ),
        ]);
        assert_eq!(list_ids(&glossary), ["dashed"]);
        assert_eq!(list_missing_with(&glossary, "Seoul", ""), ["dashed"]);
        assert!(Glossary::default().is_empty());
        assert!(missing_terms("Seoul", "", "ru", &Glossary::default()).is_empty());
    }

    fn list_missing_with(glossary: &Glossary, source: &str, translation: &str) -> Vec<String> {
        missing_terms(source, translation, "ru", glossary)
            .into_iter()
            .map(|m| m.term)
            .collect()
    }

    #[test]
    fn quick_char_tests_agree_with_std() {
        let ranges = [
            '\0'..='\u{7F}',
            '\u{400}'..='\u{4FF}',
            '\u{AC00}'..='\u{D7A3}',
        ];
        for c in ranges.into_iter().flatten() {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            let slow: String = c.to_lowercase().map(fold_letter).collect();
            assert_eq!(normalize(&c.to_string()), slow, "{c:?}");
        }
    }

    #[test]
    fn common_prefix_covers_all_stems() {
        assert_eq!(find_common_prefix(&derive_stems("ветер")), "вет");
        assert_eq!(find_common_prefix(&derive_stems("казахстан")), "казахстан");
        assert_eq!(find_common_prefix(&["ab".into(), "a".into()]), "a");
        assert_eq!(find_common_prefix(&[]), "");
    }

    #[test]
    fn odd_text_does_not_panic() {
        let texts = [
            "",
            "İstanbul ẞ ﬁ Tokayev\u{301}s",
            "🇰🇿 Seoul🇰🇷 Seoul",
            "Kassym-Jomart",
            "Kassym-Jomart ",
            "Moon Jae-",
            "й\u{306} ё Ё",
            "\u{1100}\u{1161} 카",
        ];
        for locale in ["ko", "kk", "ru", "", "x-y"] {
            let glossary = build_glossary(locale);
            for source in texts {
                for translation in texts {
                    let _ = missing_terms(source, translation, locale, &glossary);
                }
            }
        }
    }
}
