//! Translation memory: every translated segment of the project, searchable by its English.
//!
//! For one target locale, memory holds each translation with the English it translates: a
//! current translation with the current English, a stale one with the English it was signed off
//! against (the source text at its sign-off revision), an unreviewed one with the current English.
//! A lookup returns exact and fuzzy matches, best first.
//!
//! **Score.** Both sentences are cut into tokens at Unicode word boundaries (words, numbers and
//! punctuation marks; spaces dropped) and compared by word edit distance (insertions, deletions
//! and substitutions of whole tokens): `score = floor(100 × (1 − distance / max(len_a, len_b)))`.
//! Identical English scores 100; anything else at most 99, so that 100 always means "exact". One
//! word changed in a twenty-token sentence scores 95.
//!
//! **Index.** An inverted index from the hash of each lower-cased word, and of each pair of
//! neighbouring words, to the entries that contain it. A lookup reads the lists of its terms,
//! rarest first, until it has read about [`POSTINGS_BUDGET`] entries (terms in more than a tenth
//! of all entries are left out when rarer ones exist), adds up per entry the inverse document
//! frequency of the terms it shares, keeps the best [`CANDIDATES`] entries and scores only those
//! exactly; identical English is found at once in a hash map. So a lookup never compares the
//! query with every segment, and reads about as much in a large memory as in a small one.
//!
//! **Built on the fly.** [`Memory::build`] reads the project in parallel each time; on 100,000
//! translated segments that takes under two seconds, and each lookup afterwards about half a
//! millisecond (see `bench/README.md`). A lookup of one word takes only the entries of the
//! articles whose English has it ([`Memory::build_for`]), which [`cache`] finds without
//! reading every history, checking each file's stamp.

pub mod cache;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::article_files::ArticleFiles;
use crate::diff::{self, Op};
use crate::error::Result;
use crate::project::Project;
use crate::state::State;
use crate::store::escape::{self, Piece};
use crate::store::sieve::Sieve;
use crate::text::{token_similarity, tokens, word_hash};

/// Matches scoring under this are not returned.
pub const MIN_SCORE: u32 = 50;

/// How many entries a lookup scores exactly, chosen by the index.
pub const CANDIDATES: usize = 48;

/// How many index entries a lookup reads, about: the rarest terms are read first, and commoner
/// ones only while under this budget (and at least [`MIN_TERMS`] terms), so that a lookup in a
/// large memory does not read long lists of common words.
pub const POSTINGS_BUDGET: usize = 20_000;

/// How many entries with identical English a lookup reads at least.
const EXACT_READ: usize = 64;

thread_local! {
    /// The weight of each entry during a lookup, kept from one lookup to the next on a thread so
    /// that a lookup does not zero a buffer as long as the memory; all zero between lookups.
    static WEIGHTS: RefCell<Vec<f32>> = const { RefCell::new(Vec::new()) };
}

/// The fewest terms a lookup reads, whatever the budget.
pub const MIN_TERMS: usize = 4;

/// One translation in memory, with the English it translates.
#[derive(Debug, Clone)]
pub struct Entry {
    pub slug: String,
    pub id: String,
    /// The English the translation is for.
    pub source: String,
    pub translation: Vec<Piece>,
    /// Current, stale or unreviewed: the translation's state in the project.
    pub state: State,
}

/// A match for a looked-up sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// Similarity of the English, in percent; 100 means the same English.
    pub score: u32,
    pub slug: String,
    pub id: String,
    /// The translation's state in the project: `current`, `stale` or `unreviewed`.
    #[serde(serialize_with = "crate::state::name_only")]
    pub state: State,
    /// The English in memory.
    pub source: String,
    /// The translation, as text (Fluent placeables as their source).
    pub translation: String,
    /// The translation as Fluent pieces, to write it into a target file.
    #[serde(skip)]
    pub pieces: Vec<Piece>,
    /// How the looked-up sentence becomes the English in memory, word by word.
    pub diff: Vec<Op>,
}

/// A locale's translation memory, indexed.
#[derive(Debug, Default)]
pub struct Memory {
    entries: Vec<Entry>,
    /// English → entries with exactly that English.
    exact: rustc_hash::FxHashMap<String, Vec<u32>>,
    /// Hash of a lower-cased word or word pair → entries that contain it, ascending.
    /// Index term (already a hash) → the entries that have it.
    postings: rustc_hash::FxHashMap<u64, Vec<u32>>,
    /// Tokens of each entry's English, for the length filter.
    lengths: Vec<u32>,
    /// Whether only the articles one lookup needs were read ([`Memory::build_for`]).
    partial: bool,
}

impl Memory {
    /// The memory of `locale`: every translated segment of every synced article, read in
    /// parallel.
    pub fn build(project: &Project, locale: &str) -> Result<Memory> {
        Ok(Memory::build_with(project, locale, |_| Ok(None::<()>))?.0)
    }

    /// Like [`Memory::build`], and what `also` makes of each article's files as they are read
    /// for the memory, by slug: a command that needs the memory and the articles reads each
    /// file once.
    pub fn build_with<T: Send>(
        project: &Project,
        locale: &str,
        also: impl Fn(&ArticleFiles) -> Result<Option<T>> + Sync,
    ) -> Result<(Memory, HashMap<String, T>)> {
        let slugs = project.synced_slugs()?;
        let articles = slugs
            .par_iter()
            .map(|slug| {
                let files = ArticleFiles::read(project, slug, &[locale.to_string()])?;
                Ok((
                    entries_of(&files, locale),
                    also(&files)?.map(|t| (slug.clone(), t)),
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        let mut entries = Vec::new();
        let mut made = HashMap::new();
        for (article_entries, article_made) in articles {
            entries.extend(article_entries);
            made.extend(article_made);
        }
        Ok((Memory::from_entries(entries), made))
    }

    /// The memory that a lookup of `text` needs: for a single word in ASCII (a name, say), only
    /// the translations of the articles whose history has that word, letter case aside; for
    /// anything else, the whole memory ([`Memory::build`]).
    ///
    /// A lookup of the word finds in the part exactly what it finds in the whole memory, in the
    /// same order: every entry that holds the word is there, in memory order, and the word is the
    /// only index term of the lookup, so that each candidate's weight changes by the same factor.
    /// Only those articles are parsed (the others are read, not parsed, as
    /// [`ArticleFiles::read_sieved`] does), and only their entries that hold the word are kept:
    /// [`Memory::len`] then counts those.
    pub fn build_for(project: &Project, locale: &str, text: &str) -> Result<Memory> {
        let Some(word) = single_word(text) else {
            return Memory::build(project, locale);
        };
        let Some(sieve) = Sieve::new(&regex::escape(word), true) else {
            return Memory::build(project, locale);
        };
        // Of those articles, only the entries that hold the word (as an index term): no other
        // can be a match of the lookup.
        let term = word_hash(word);
        let holds_in = |source: &str| {
            // English in ASCII has the word only if it has its letters, in any case: most
            // entries are left out without cutting them into words.
            if source.is_ascii() && !contains_ignoring_ascii_case(source, word) {
                return false;
            }
            source
                .unicode_words()
                .any(|w| w.eq_ignore_ascii_case(word) || (!w.is_ascii() && word_hash(w) == term))
        };
        let holds = |e: &Entry| holds_in(&e.source);
        let article = |slug: &str| -> Result<Vec<Counted>> {
            let keep = |file: Option<&str>, bytes: &[u8]| file.is_none() && sieve.history(bytes);
            match ArticleFiles::read_sieved(project, slug, &[], keep)? {
                // An article whose history has the word's letters only inside other words has
                // none of its entries: its target file is not read (as the cache's sketch of
                // the history's words, which lets the same articles through, does not).
                Some(files) if !history_holds(files.history(), &holds_in) => Ok(Vec::new()),
                Some(mut files) => {
                    files.read_targets(&[locale.to_string()])?;
                    let mut entries = entries_of(&files, locale);
                    entries.retain(|e| holds(e));
                    Ok(with_tokens(entries))
                }
                None => Ok(Vec::new()),
            }
        };
        // The cache finds the articles that may hold the word without reading every history
        // (crate::tm::cache), and gives the same entries.
        let entries = if crate::tm::cache::enabled() {
            crate::tm::cache::entries_holding(project, locale, word, &holds_in, &article)?
        } else {
            let slugs = project.synced_slugs()?;
            let articles = slugs
                .par_iter()
                .map(|slug| article(slug))
                .collect::<Result<Vec<_>>>()?;
            articles.into_iter().flatten().collect()
        };
        let mut memory = Memory::of_word(entries, term);
        memory.partial = true;
        Ok(memory)
    }

    /// How many entries the whole memory of `locale` has ([`Memory::len`] of [`Memory::build`]),
    /// without building it when the cache knows ([`crate::tm::cache::count_entries`]).
    pub fn count(project: &Project, locale: &str) -> Result<usize> {
        if !crate::tm::cache::enabled() {
            return Ok(Memory::build(project, locale)?.len());
        }
        let uncached = |slug: &str| -> Result<usize> {
            let files = ArticleFiles::read(project, slug, &[locale.to_string()])?;
            Ok(entries_of(&files, locale).len())
        };
        crate::tm::cache::count_entries(project, locale, &uncached)
    }

    /// Whether the memory holds every translation of its locale: not one made by
    /// [`Memory::build_for`] for a single word.
    pub fn is_whole(&self) -> bool {
        !self.partial
    }

    /// A memory over `entries`, in that order (which breaks ties between equal matches).
    ///
    /// ```
    /// use bitext::store::escape::Piece;
    /// use bitext::tm::{Entry, Memory};
    /// let entry = |id: &str, en: &str, ko: &str| Entry {
    ///     slug: "a".into(), id: id.into(), source: en.into(),
    ///     translation: vec![Piece::Text(ko.into())], state: bitext::state::State::Current,
    /// };
    /// let memory = Memory::from_entries(vec![
    ///     entry("s-1", "The two leaders met at Cheong Wa Dae on Tuesday.", "두 정상은 화요일 청와대에서 만났다."),
    ///     entry("s-2", "Trade reached $4.22 billion in 2019.", "2019년 교역액은 42억2000만 달러였다."),
    /// ]);
    /// let best = &memory.lookup("The two leaders met at Cheong Wa Dae on Monday.", 3)[0];
    /// assert_eq!((best.id.as_str(), best.score), ("s-1", 90));
    /// ```
    pub fn from_entries(entries: Vec<Entry>) -> Memory {
        let terms: Vec<Vec<u64>> = entries.par_iter().map(|e| index_terms(&e.source)).collect();
        let lengths = entries
            .par_iter()
            .map(|e| tokens(&e.source).len() as u32)
            .collect();
        let mut postings: rustc_hash::FxHashMap<u64, Vec<u32>> = Default::default();
        for (i, terms) in terms.into_iter().enumerate() {
            for term in terms {
                postings.entry(term).or_default().push(i as u32);
            }
        }
        Memory::with_index(entries, postings, lengths)
    }

    /// The memory of a lookup of one word, whose index term is `term`: `entries` are those that
    /// hold it, each with its number of tokens, so that its index is that one term, held by all
    /// of them (what [`Memory::from_entries`] would make of them, for the lookups of that word).
    fn of_word(entries: Vec<Counted>, term: u64) -> Memory {
        let (entries, lengths): (Vec<Entry>, Vec<u32>) = entries.into_iter().unzip();
        let mut postings: rustc_hash::FxHashMap<u64, Vec<u32>> = Default::default();
        postings.insert(term, (0..entries.len() as u32).collect());
        Memory::with_index(entries, postings, lengths)
    }

    /// A memory over `entries` with their index and numbers of tokens.
    fn with_index(
        entries: Vec<Entry>,
        postings: rustc_hash::FxHashMap<u64, Vec<u32>>,
        lengths: Vec<u32>,
    ) -> Memory {
        let mut exact: rustc_hash::FxHashMap<String, Vec<u32>> = Default::default();
        for (i, entry) in entries.iter().enumerate() {
            match exact.get_mut(&entry.source) {
                Some(list) => list.push(i as u32),
                None => {
                    exact.insert(entry.source.clone(), vec![i as u32]);
                }
            }
        }
        // Identical English in the order lookups rank it: current first, then memory order.
        for list in exact.values_mut() {
            list.sort_by_key(|&i| (entries[i as usize].state.rank(), i));
        }
        Memory {
            entries,
            exact,
            postings,
            lengths,
            partial: false,
        }
    }

    /// How many translations the memory holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best matches for `text` (at most `limit`), best first: by score, then current before
    /// stale before unreviewed, then in memory order. Only matches scoring [`MIN_SCORE`] or more
    /// are returned, and one per distinct English and translation.
    pub fn lookup(&self, text: &str, limit: usize) -> Vec<Match> {
        self.lookup_excluding(text, limit, None)
    }

    /// Like [`Memory::lookup`], leaving out the translation of the segment `(slug, id)` itself.
    pub fn lookup_excluding(
        &self,
        text: &str,
        limit: usize,
        exclude: Option<(&str, &str)>,
    ) -> Vec<Match> {
        if limit == 0 || self.entries.is_empty() {
            return Vec::new();
        }
        // Identical English, best first already; a sentence repeated all over the archive
        // (a photo credit, a dateline) is read only as far as a few matches need.
        let exact = self.exact.get(text).map_or(&[][..], |list| {
            &list[..list.len().min(EXACT_READ.max(limit * 8))]
        });
        let query = tokens(text);
        let mut scored: Vec<(u32, u32)> = Vec::new();
        let mut seen = HashSet::new();
        let exact = exact.iter().map(|&i| (i, true));
        let fuzzy = self.candidates(text).into_iter().map(|i| (i, false));
        for (i, same) in exact.chain(fuzzy) {
            if !seen.insert(i) {
                continue;
            }
            let entry = &self.entries[i as usize];
            if exclude.is_some_and(|(slug, id)| entry.slug == slug && entry.id == id) {
                continue;
            }
            let score = if same || entry.source == text {
                100
            } else {
                token_similarity(&query, &tokens(&entry.source)).min(99)
            };
            if score >= MIN_SCORE {
                scored.push((score, i));
            }
        }
        self.ranked(scored, limit, |entry| diff::words(text, &entry.source))
    }

    /// The translations of English that has every word of `words` (letter case aside): a
    /// word or a name looked up as a translator looks one up in a concordance, best first: the
    /// shortest sentences, where the words weigh most. The score is the share of the
    /// sentence's words that the query's words are, so that it stays under 100.
    ///
    /// ```
    /// use bitext::store::escape::Piece;
    /// use bitext::tm::{Entry, Memory};
    /// let entry = |id: &str, en: &str, ru: &str| Entry {
    ///     slug: "a".into(), id: id.into(), source: en.into(),
    ///     translation: vec![Piece::Text(ru.into())], state: bitext::state::State::Current,
    /// };
    /// let memory = Memory::from_entries(vec![
    ///     entry("s-1", "The leaders met at Cheong Wa Dae.", "Лидеры встретились в «Чхонвадэ»."),
    ///     entry("s-2", "Trade reached $4.22 billion.", "Товарооборот достиг 4,22 млрд долларов."),
    /// ]);
    /// let found = memory.lookup_words("Cheong Wa Dae", 5);
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].id, "s-1");
    /// ```
    pub fn lookup_words(&self, words: &str, limit: usize) -> Vec<Match> {
        let query: Vec<String> = crate::text::words(words);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut lists: Vec<&Vec<u32>> = Vec::new();
        for word in &query {
            match self.postings.get(&word_hash(word)) {
                Some(list) => lists.push(list),
                None => return Vec::new(),
            }
        }
        lists.sort_by_key(|l| l.len());
        let mut found: Vec<u32> = lists[0].clone();
        for list in &lists[1..] {
            found.retain(|i| list.binary_search(i).is_ok());
        }
        let scored: Vec<(u32, u32)> = found
            .into_iter()
            .filter(|&i| {
                let have = crate::text::words(&self.entries[i as usize].source);
                query.iter().all(|w| have.contains(w))
            })
            .map(|i| {
                let len = self.lengths[i as usize].max(1);
                let score = (100 * query.len() as u32 / len).min(99);
                (score, i)
            })
            .collect();
        self.ranked(scored, limit, |_| Vec::new())
    }

    /// The matches `scored` (score, entry) best first (then current before the rest, then in
    /// memory order), one for each English and translation, at most `limit`, each with the diff
    /// `diff` makes of its entry.
    fn ranked(
        &self,
        mut scored: Vec<(u32, u32)>,
        limit: usize,
        diff: impl Fn(&Entry) -> Vec<Op>,
    ) -> Vec<Match> {
        scored.sort_by(|a, b| {
            let (ea, eb) = (&self.entries[a.1 as usize], &self.entries[b.1 as usize]);
            b.0.cmp(&a.0)
                .then(ea.state.rank().cmp(&eb.state.rank()))
                .then(a.1.cmp(&b.1))
        });
        let mut out = Vec::new();
        let mut distinct = HashSet::new();
        for (score, i) in scored {
            let entry = &self.entries[i as usize];
            if !distinct.insert((
                entry.source.as_str(),
                escape::encode_pieces(&entry.translation),
            )) {
                continue;
            }
            out.push(Match {
                score,
                slug: entry.slug.clone(),
                id: entry.id.clone(),
                state: entry.state,
                source: entry.source.clone(),
                translation: escape::display(&entry.translation),
                pieces: entry.translation.clone(),
                diff: diff(entry),
            });
            if out.len() == limit {
                break;
            }
        }
        out
    }

    /// The entries that share the most (IDF-weighted) words with `text`.
    fn candidates(&self, text: &str) -> Vec<u32> {
        let n = self.entries.len() as f32;
        let mut terms: Vec<&Vec<u32>> = index_terms(text)
            .iter()
            .filter_map(|t| self.postings.get(t))
            .collect();
        if terms.is_empty() {
            return Vec::new();
        }
        terms.sort_by_key(|list| list.len());
        let common = (self.entries.len() / 10).max(64);
        let rare = terms.iter().filter(|l| l.len() <= common).count();
        // When every term is common, all of them are read (up to the budget): the few that
        // set near-identical sentences apart are common too.
        let keep = if rare == 0 { terms.len() } else { rare };
        let query_len = tokens(text).len() as u32;
        WEIGHTS.with(|cell| {
            let mut weight = cell.borrow_mut();
            if weight.len() < self.entries.len() {
                weight.resize(self.entries.len(), 0.0);
            }
            let mut touched = Vec::new();
            // Rarest first; once the entries read pass the budget, commoner terms add little.
            let mut read = 0;
            for (k, list) in terms[..keep].iter().enumerate() {
                if k >= MIN_TERMS && read > POSTINGS_BUDGET {
                    break;
                }
                read += list.len();
                let idf = (n / list.len() as f32).ln() + 0.1;
                for &i in list.iter() {
                    let w = &mut weight[i as usize];
                    if *w == 0.0 {
                        touched.push(i);
                    }
                    *w += idf;
                }
            }
            // An entry whose length alone keeps it under MIN_SCORE is no candidate.
            let mut candidates: Vec<u32> = touched
                .iter()
                .copied()
                .filter(|&i| {
                    let len = self.lengths[i as usize];
                    let (short, long) = (len.min(query_len), len.max(query_len));
                    (long - short) * 100 <= (100 - MIN_SCORE) * long
                })
                .collect();
            if candidates.len() > CANDIDATES {
                // What an entry shares, for its length: a long sentence that holds every word
                // of a short query is not closer than a short one that holds most of them.
                let rank = |i: u32| {
                    weight[i as usize] / self.lengths[i as usize].max(query_len).max(1) as f32
                };
                candidates.select_nth_unstable_by(CANDIDATES, |a, b| {
                    rank(*b).total_cmp(&rank(*a)).then(a.cmp(b))
                });
                candidates.truncate(CANDIDATES);
            }
            for &i in &touched {
                weight[i as usize] = 0.0;
            }
            candidates
        })
    }
}

/// Whether `text` has `needle` (ASCII) in it, letter case aside.
fn contains_ignoring_ascii_case(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    let mut at = 0;
    while let Some(i) = memchr::memchr2(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        &text[at..],
    ) {
        let start = at + i;
        if text
            .get(start..start + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return true;
        }
        at = start + 1;
    }
    false
}

/// An entry with the number of tokens of its English ([`crate::text::tokens`]).
pub(crate) type Counted = (Entry, u32);

/// Entries with the number of tokens of their English.
pub(crate) fn with_tokens(entries: Vec<Entry>) -> Vec<Counted> {
    entries
        .into_iter()
        .map(|e| {
            let n = tokens(&e.source).len() as u32;
            (e, n)
        })
        .collect()
}

/// Whether any English that `history` ever had holds a word, as `holds` tells.
fn history_holds(history: &crate::history::History, holds: &dyn Fn(&str) -> bool) -> bool {
    history
        .revisions
        .iter()
        .flat_map(|r| &r.changes)
        .filter_map(|c| c.text.as_deref())
        .any(holds)
}

/// The one word of `text`, when it has one word only and that word is ASCII: then an entry holds
/// it (as an index term, lower-cased) only if its English has the word in any letter case, which
/// a case-insensitive search of its history finds.
fn single_word(text: &str) -> Option<&str> {
    let mut words = text.unicode_words();
    let word = words.next()?;
    (words.next().is_none() && word.is_ascii()).then_some(word)
}

/// The memory entries of an article whose target file of `locale` was read.
pub(crate) fn entries_of(files: &ArticleFiles, locale: &str) -> Vec<Entry> {
    let slug = files.slug();
    let history = files.history();
    let Some(file) = files.locale(locale).filter(|f| f.exists()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (id, english) in history.current() {
        let Some(t) = file.translation(id) else {
            continue;
        };
        if escape::display(t.pieces).trim().is_empty() {
            continue;
        }
        let state = file.state(history, id);
        let source = match state {
            State::Current | State::Unreviewed => english,
            State::Stale { .. } | State::Rejected { .. } => {
                match file.previous_english(history, id) {
                    Some(old) => old,
                    None => continue,
                }
            }
            State::Missing => continue,
        };
        out.push(Entry {
            slug: slug.to_string(),
            id: id.to_string(),
            source: source.to_string(),
            translation: t.pieces.to_vec(),
            state,
        });
    }
    out
}

/// The distinct index terms of `text`, hashed: its lower-cased words and each pair of
/// neighbouring words. Pairs tell sentences made of the same common words apart. Hashes keep the
/// index small; two terms that collide only widen the candidates, which are scored exactly.
fn index_terms(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text.unicode_words().map(word_hash).collect();
    let mut terms: Vec<u64> = words
        .windows(2)
        .map(|pair| pair[0].rotate_left(17) ^ pair[1].wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .collect();
    terms.extend(words);
    terms.sort_unstable();
    terms.dedup();
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Tag;

    fn entry(slug: &str, id: &str, source: &str, translation: &str) -> Entry {
        Entry {
            slug: slug.into(),
            id: id.into(),
            source: source.into(),
            translation: vec![Piece::Text(translation.into())],
            state: State::Current,
        }
    }

    #[test]
    fn identical_english_scores_100_and_anything_else_less() {
        let memory = Memory::from_entries(vec![
            entry(
                "a",
                "s-1",
                "Trade hit $4.25 billion.",
                "교역 42억5000만 달러.",
            ),
            entry(
                "a",
                "s-2",
                "Trade hit $4.25 billion!",
                "교역 42억5000만 달러!",
            ),
        ]);
        let found = memory.lookup("Trade hit $4.25 billion.", 5);
        assert_eq!(found[0].score, 100);
        assert_eq!(found[0].id, "s-1");
        assert!(found[1].score < 100);
    }

    #[test]
    fn the_diff_goes_from_the_query_to_the_memory() {
        let memory = Memory::from_entries(vec![entry(
            "a",
            "s-1",
            "Moon met Putin today.",
            "문 대통령은 오늘 푸틴 대통령을 만났다.",
        )]);
        let found = memory.lookup("Moon met Tokayev today.", 5);
        let kinds: Vec<(Tag, &str)> = found[0]
            .diff
            .iter()
            .map(|d| (d.op, d.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (Tag::Equal, "Moon met "),
                (Tag::Delete, "Tokayev"),
                (Tag::Insert, "Putin"),
                (Tag::Equal, " today."),
            ]
        );
    }

    #[test]
    fn among_many_alike_the_closest_in_length_is_found() {
        let mut entries: Vec<Entry> = (0..2000)
            .map(|n| {
                entry(
                    "a",
                    &format!("s-{n}"),
                    &format!("Officials said the talks would continue on day {n}."),
                    "회담은 계속된다.",
                )
            })
            .collect();
        entries.push(entry(
            "a",
            "s-best",
            "Officials said the talks would resume.",
            "관계자들은 회담이 재개될 것이라고 말했다.",
        ));
        let memory = Memory::from_entries(entries);
        let found = memory.lookup("Officials said the talks would continue.", 3);
        assert_eq!(found[0].id, "s-best", "{found:?}");
        assert_eq!(found[0].score, 85);
    }

    /// What `Memory::build_for` relies on: a lookup of one word finds the same matches in the
    /// entries that hold the word as in the whole memory.
    #[test]
    fn one_word_is_found_alike_in_the_entries_that_hold_it() {
        let sentences = [
            "Gazprom.",
            "Gazprom rose.",
            "Shares of Gazprom rose 3% on Monday.",
            "GAZPROM",
            "By Gazprom staff",
            "Halyk Bank said Gazprom would pay.",
            "Halyk Bank rose.",
            "The bank said nothing.",
            "Gazprom's shares fell.",
            "Officials of Gazprom and Halyk met in Astana on Tuesday to talk.",
        ];
        let entries: Vec<Entry> = (0..300)
            .map(|n| {
                let en = sentences[n % sentences.len()];
                let mut e = entry(&format!("a{}", n / 7), &format!("s-{n}"), en, "번역");
                e.translation = vec![Piece::Text(format!("번역 {}", n % 13))];
                e.state = [State::Current, State::Unreviewed][n % 2];
                e
            })
            .collect();
        let whole = Memory::from_entries(entries.clone());
        for word in [
            "Gazprom", "gazprom", "Gazprom,", "Halyk", "bank", "nothing", "GAZPROM.",
        ] {
            let hash = word_hash(single_word(word).unwrap());
            let part = Memory::from_entries(
                entries
                    .iter()
                    .filter(|e| e.source.unicode_words().any(|w| word_hash(w) == hash))
                    .cloned()
                    .collect(),
            );
            for limit in [1, 5, 50] {
                assert_eq!(
                    whole.lookup(word, limit),
                    part.lookup(word, limit),
                    "{word}"
                );
                assert_eq!(
                    whole.lookup_words(word, limit),
                    part.lookup_words(word, limit),
                    "{word}"
                );
            }
        }
        assert!(!whole.lookup("Gazprom.", 5).is_empty());
        assert_eq!(single_word("Gazprom Halyk"), None);
        assert_eq!(single_word("Zürich"), None);
    }

    #[test]
    fn the_segment_itself_can_be_left_out() {
        let memory = Memory::from_entries(vec![entry("a", "s-1", "Hello there.", "안녕.")]);
        assert_eq!(memory.lookup("Hello there.", 5).len(), 1);
        assert!(memory
            .lookup_excluding("Hello there.", 5, Some(("a", "s-1")))
            .is_empty());
    }

    /// A generated archive: a word or two changed in an earlier sentence finds that sentence's
    /// translation first, above 80%, among thousands of others built from the same words.
    #[test]
    fn a_sentence_edited_by_a_word_or_two_finds_its_earlier_translation() {
        let words = [
            "the",
            "minister",
            "said",
            "on",
            "Tuesday",
            "that",
            "trade",
            "between",
            "Korea",
            "and",
            "Kazakhstan",
            "grew",
            "by",
            "percent",
            "last",
            "year",
            "while",
            "exports",
            "of",
            "uranium",
            "fell",
            "sharply",
            "in",
            "second",
            "quarter",
            "officials",
            "told",
            "reporters",
            "at",
            "summit",
            "Seoul",
            "Astana",
            "energy",
            "new",
            "agreement",
            "signed",
            "president",
            "government",
            "plans",
            "to",
            "expand",
            "cooperation",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut entries = Vec::new();
        for i in 0..5000 {
            let len = 12 + (next() % 14) as usize;
            let sentence: Vec<&str> = (0..len)
                .map(|_| words[(next() % words.len() as u64) as usize])
                .collect();
            entries.push(entry(
                "gen",
                &format!("s-{i}"),
                &format!("{}.", sentence.join(" ")),
                &format!("перевод {i}"),
            ));
        }
        let memory = Memory::from_entries(entries.clone());
        for (i, e) in entries.iter().enumerate().step_by(97) {
            let mut query: Vec<&str> = e.source.trim_end_matches('.').split(' ').collect();
            let at = (next() % query.len() as u64) as usize;
            query[at] = "Pyongyang";
            if i % 2 == 0 {
                query.insert(query.len() / 2, "reportedly");
            }
            let query = format!("{}.", query.join(" "));
            let best = &memory.lookup(&query, 3)[0];
            assert!(
                best.source == e.source && best.score > 80,
                "{query:?} found {:?} at {}%, not {:?}",
                best.source,
                best.score,
                e.source
            );
        }
    }
}
