//! Keeping segment ids across revisions.
//!
//! A new revision's segments are matched to the recorded ones in steps, most certain first:
//! front matter fields by their fixed ids; identical text in the same order (patience diff);
//! identical text elsewhere (a move); a recorded segment that is exactly the concatenation of
//! neighbouring new ones (a split) or the reverse (a merge), as happens when the sentence rules
//! improve; and finally edited sentences, by word similarity, nearest first. What is left is new
//! (a fresh id) or removed. Fresh ids are minted from the article and the sentence, so two editors
//! who add different sentences on two branches get different ids, and an id that was ever used in
//! the article is never minted again.

use std::collections::{HashMap, HashSet};

use similar::{Algorithm, DiffOp};

use crate::article::{Kind, Segment};
use crate::change::classify;
use crate::fingerprint::{base32, fnv1a};
use crate::history::{Change, History, Op};
use crate::text;

/// The result of aligning a new revision's segments with the recorded ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// The id of each new segment, in order.
    pub ids: Vec<String>,
    /// What changed: added and changed segments in document order, then the removed ones.
    pub changes: Vec<Change>,
    /// New segments that should start from old translations: split or merged sentences.
    pub drafts: Vec<Draft>,
}

/// A new segment whose translation starts as the old translations of `from`, joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    pub from: Vec<String>,
}

/// Two sentences this similar (in words) are the same sentence, edited.
const MIN_SIMILARITY: f32 = 0.5;
/// A sentence rewritten in place, between the same neighbours, may keep less of its words.
const MIN_SIMILARITY_IN_PLACE: f32 = 0.35;
const MAX_JOIN: usize = 6;

/// The ids an article used before its latest revision.
#[derive(Debug, Clone, Default)]
pub struct Past<'h> {
    /// Every id ever used in the article.
    pub known: HashSet<&'h str>,
    /// Removed segments: their last text → their id, so that a sentence that comes back (an undo,
    /// a revert) gets its id and its translations back.
    pub removed: HashMap<&'h str, &'h str>,
}

impl<'h> Past<'h> {
    /// The ids `history` used: every id, and the last text of each removed segment.
    pub fn of(history: &'h History) -> Past<'h> {
        let mut past = Past::default();
        for id in history.ids() {
            past.known.insert(id);
            let Some(segment) = history.segment(id) else {
                continue;
            };
            if segment
                .events()
                .next_back()
                .is_some_and(|e| e.op == Op::Removed)
            {
                if let Some(text) = segment.events().rev().find_map(|e| e.text) {
                    past.removed.insert(text, id);
                }
            }
        }
        past
    }
}

/// Aligns `new` with the `old` segments (id and text, in order); `past` holds the ids used
/// before.
///
/// ```
/// use bitext::align::{align, Past};
/// use bitext::article::{Kind, Segment};
/// let seg = |t: &str| Segment { kind: Kind::Paragraph, text: t.into(), block: 0 };
/// let (one, two) = ("Moon welcomed Tokayev.", "Trade hit $4.22 billion.");
/// let first = align("a", &[], &Past::default(), &[seg(one), seg(two)]);
/// let old: Vec<(&str, &str)> = vec![(&first.ids[0], one), (&first.ids[1], two)];
/// let new = [seg("A new lead."), seg(one), seg("Trade hit $4.25 billion.")];
/// let second = align("a", &old, &Past::default(), &new);
/// assert_eq!(second.ids[1], first.ids[0]);
/// assert_eq!(second.ids[2], first.ids[1]);
/// ```
pub fn align(slug: &str, old: &[(&str, &str)], past: &Past, new: &[Segment]) -> Alignment {
    let mut m = Matching::new(old, new);
    m.fixed_fields();
    m.same_order();
    m.moved();
    m.splits();
    m.merges();
    m.edits();
    m.into_alignment(slug, past)
}

/// The matching of new segments to old ones as it is built, step by step.
struct Matching<'a> {
    old: &'a [(&'a str, &'a str)],
    new: &'a [Segment],
    /// For each new segment, the old one it is.
    matched: Vec<Option<usize>>,
    old_used: Vec<bool>,
    /// Merged new segments: the old ids they were made of.
    from: HashMap<usize, Vec<String>>,
    /// The second and later parts of a split: the old segment they came from.
    split_pieces: HashMap<usize, usize>,
    /// The old and new segments outside the front matter.
    body_old: Vec<usize>,
    body_new: Vec<usize>,
    /// Each segment's text with white space taken out, for splits and merges.
    old_normal: Vec<String>,
    new_normal: Vec<String>,
}

impl<'a> Matching<'a> {
    fn new(old: &'a [(&'a str, &'a str)], new: &'a [Segment]) -> Matching<'a> {
        Matching {
            old,
            new,
            matched: vec![None; new.len()],
            old_used: vec![false; old.len()],
            from: HashMap::new(),
            split_pieces: HashMap::new(),
            body_old: (0..old.len())
                .filter(|&o| !Kind::is_fixed_id(old[o].0))
                .collect(),
            body_new: (0..new.len())
                .filter(|&n| new[n].kind.fixed_id().is_none())
                .collect(),
            old_normal: old.iter().map(|(_, t)| normalize(t)).collect(),
            new_normal: new.iter().map(|s| normalize(&s.text)).collect(),
        }
    }

    fn pair(&mut self, n: usize, o: usize) {
        self.matched[n] = Some(o);
        self.old_used[o] = true;
    }

    fn is_free_new(&self, n: usize) -> bool {
        self.matched[n].is_none() && !self.split_pieces.contains_key(&n)
    }

    /// Front matter fields keep their fixed ids.
    fn fixed_fields(&mut self) {
        for n in 0..self.new.len() {
            if let Some(fixed) = self.new[n].kind.fixed_id() {
                if let Some(o) = self.old.iter().position(|(id, _)| *id == fixed) {
                    self.pair(n, o);
                }
            }
        }
    }

    /// Identical text in the same order.
    fn same_order(&mut self) {
        let old_texts: Vec<&str> = self.body_old.iter().map(|&o| self.old[o].1).collect();
        let new_texts: Vec<&str> = self
            .body_new
            .iter()
            .map(|&n| self.new[n].text.as_str())
            .collect();
        for op in similar::capture_diff_slices(Algorithm::Patience, &old_texts, &new_texts) {
            if let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            {
                for k in 0..len {
                    self.pair(self.body_new[new_index + k], self.body_old[old_index + k]);
                }
            }
        }
    }

    /// Identical text elsewhere: moved.
    fn moved(&mut self) {
        let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
        for &o in self.body_old.iter().rev() {
            if !self.old_used[o] {
                by_text.entry(self.old[o].1).or_default().push(o);
            }
        }
        for k in 0..self.body_new.len() {
            let n = self.body_new[k];
            if self.matched[n].is_none() {
                if let Some(o) = by_text
                    .get_mut(self.new[n].text.as_str())
                    .and_then(Vec::pop)
                {
                    self.pair(n, o);
                }
            }
        }
    }

    /// Splits: one old segment is several consecutive new ones. Only runs whose first segment
    /// starts the old text are joined and compared.
    fn splits(&mut self) {
        for i in 0..self.body_old.len() {
            let o = self.body_old[i];
            if self.old_used[o] {
                continue;
            }
            let target = self.old_normal[o].as_str();
            'start: for k in 0..self.body_new.len() {
                if !target.starts_with(self.new_normal[self.body_new[k]].as_str()) {
                    continue;
                }
                for len in 2..=MAX_JOIN.min(self.body_new.len() - k) {
                    let window = &self.body_new[k..k + len];
                    if window.iter().any(|&w| !self.is_free_new(w)) {
                        break;
                    }
                    let joined: String = window
                        .iter()
                        .map(|&w| self.new_normal[w].as_str())
                        .collect();
                    if joined == target {
                        let window = window.to_vec();
                        self.pair(window[0], o);
                        for &w in &window[1..] {
                            self.split_pieces.insert(w, o);
                        }
                        break 'start;
                    }
                    if joined.len() > target.len() {
                        break;
                    }
                }
            }
        }
    }

    /// Merges: several consecutive old segments are one new one.
    fn merges(&mut self) {
        for j in 0..self.body_new.len() {
            let n = self.body_new[j];
            if !self.is_free_new(n) {
                continue;
            }
            let target = self.new_normal[n].as_str();
            'merge: for k in 0..self.body_old.len() {
                if !target.starts_with(self.old_normal[self.body_old[k]].as_str()) {
                    continue;
                }
                for len in 2..=MAX_JOIN.min(self.body_old.len() - k) {
                    let window = &self.body_old[k..k + len];
                    if window.iter().any(|&w| self.old_used[w]) {
                        break;
                    }
                    let joined: String = window
                        .iter()
                        .map(|&w| self.old_normal[w].as_str())
                        .collect();
                    if joined == target {
                        let window = window.to_vec();
                        self.pair(n, window[0]);
                        for &w in &window {
                            self.old_used[w] = true;
                        }
                        let ids = window.iter().map(|&w| self.old[w].0.to_string()).collect();
                        self.from.insert(n, ids);
                        break 'merge;
                    }
                    if joined.len() > target.len() {
                        break;
                    }
                }
            }
        }
    }

    /// Edited sentences: most similar first, then nearest. A pair is only diffed when the words
    /// the two sentences share could reach the threshold at all; and when there are too many
    /// pairs to weigh them all, an old sentence is weighed against the new ones near its place
    /// and those that share a rare word with it, so that an article whose every sentence was
    /// edited is aligned in time linear in its length.
    fn edits(&mut self) {
        let free_old: Vec<usize> = self
            .body_old
            .iter()
            .copied()
            .filter(|&o| !self.old_used[o])
            .collect();
        let free_new: Vec<usize> = self
            .body_new
            .iter()
            .copied()
            .filter(|&n| self.is_free_new(n))
            .collect();
        if free_old.is_empty() || free_new.is_empty() {
            return;
        }
        let expected = self.expected_places();
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut words = |text: &str| -> Words {
            let sequence: Vec<u32> = text::words(text)
                .into_iter()
                .map(|w| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(w).or_insert(next)
                })
                .collect();
            let mut bag = sequence.clone();
            bag.sort_unstable();
            Words { sequence, bag }
        };
        let old_words: Vec<Words> = free_old.iter().map(|&o| words(self.old[o].1)).collect();
        let new_words: Vec<Words> = free_new.iter().map(|&n| words(&self.new[n].text)).collect();
        let candidates = Candidates::new(&free_new, &new_words, free_old.len());
        let mut pairs = Vec::new();
        for (i, &o) in free_old.iter().enumerate() {
            let a = &old_words[i];
            for j in candidates.of(expected[o], &a.bag) {
                let (n, b) = (free_new[j], &new_words[j]);
                let distance = (expected[o] - n as isize).unsigned_abs();
                let threshold = if distance == 0 {
                    MIN_SIMILARITY_IN_PLACE
                } else {
                    MIN_SIMILARITY
                };
                // The words a diff keeps are at most the words both have.
                let total = (a.bag.len() + b.bag.len()).max(1) as f32;
                if (2 * common(&a.bag, &b.bag)) as f32 / total < threshold {
                    continue;
                }
                let score = sequence_similarity(&a.sequence, &b.sequence);
                if score >= threshold {
                    pairs.push((score, distance, o, n));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, _, o, n) in pairs {
            if !self.old_used[o] && self.matched[n].is_none() {
                self.pair(n, o);
            }
        }
    }

    /// Where each old segment would be in the new order, judging by its nearest matched
    /// neighbour above it.
    fn expected_places(&self) -> Vec<isize> {
        let mut new_of_old: Vec<Option<usize>> = vec![None; self.old.len()];
        for (n, m) in self.matched.iter().enumerate() {
            if let Some(o) = m {
                new_of_old[*o] = Some(n);
            }
        }
        let mut expected = Vec::with_capacity(self.old.len());
        let mut anchor: Option<(usize, usize)> = None;
        for (o, placed) in new_of_old.iter().enumerate() {
            expected.push(match anchor {
                Some((p, n)) => (n + (o - p)) as isize,
                None => o as isize,
            });
            if let Some(n) = placed {
                anchor = Some((o, *n));
            }
        }
        expected
    }

    /// Ids, changes and drafts, in document order; unmatched new segments get fresh ids.
    fn into_alignment(self, slug: &str, past: &Past) -> Alignment {
        let old = self.old;
        let mut taken: HashSet<String> = old.iter().map(|(id, _)| id.to_string()).collect();
        let mut minter = Minter::default();
        let mut ids = Vec::with_capacity(self.new.len());
        let mut changes = Vec::new();
        let mut drafts = Vec::new();
        for (n, seg) in self.new.iter().enumerate() {
            let text = seg.text.clone();
            match self.matched[n] {
                Some(o) => {
                    let (id, old_text) = old[o];
                    if old_text != seg.text {
                        let sources = self.from.get(&n).cloned().unwrap_or_default();
                        if !sources.is_empty() {
                            drafts.push(Draft {
                                id: id.to_string(),
                                from: sources.clone(),
                            });
                        }
                        changes.push(Change {
                            id: id.to_string(),
                            op: Op::Changed,
                            class: Some(classify(old_text, &seg.text)),
                            from: sources,
                            text: Some(text),
                        });
                    }
                    ids.push(id.to_string());
                }
                None => {
                    let id = match seg.kind.fixed_id() {
                        Some(fixed) => fixed.to_string(),
                        None => match past.removed.get(seg.text.as_str()) {
                            Some(id) if !taken.contains(*id) => id.to_string(),
                            _ => minter.mint(slug, &seg.text, |id| {
                                past.known.contains(id) || taken.contains(id)
                            }),
                        },
                    };
                    taken.insert(id.clone());
                    let sources: Vec<String> = self
                        .split_pieces
                        .get(&n)
                        .map(|&o| vec![old[o].0.to_string()])
                        .unwrap_or_default();
                    if !sources.is_empty() {
                        drafts.push(Draft {
                            id: id.clone(),
                            from: sources.clone(),
                        });
                    }
                    changes.push(Change {
                        id: id.clone(),
                        op: Op::Added,
                        text: Some(text),
                        class: None,
                        from: sources,
                    });
                    ids.push(id);
                }
            }
        }
        for (o, (id, _)) in old.iter().enumerate() {
            if !self.old_used[o] {
                changes.push(Change {
                    id: id.to_string(),
                    op: Op::Removed,
                    text: None,
                    class: None,
                    from: Vec::new(),
                });
            }
        }
        Alignment {
            ids,
            changes,
            drafts,
        }
    }
}

/// A sentence's words, as numbers: in order, and sorted.
struct Words {
    sequence: Vec<u32>,
    bag: Vec<u32>,
}

/// Above this many pairs of free old and new sentences, each old one is weighed against the new
/// ones near its place and those sharing a rare word with it, not against all of them.
const ALL_PAIRS: usize = 100_000;
/// How far from its expected place a new sentence is weighed, then.
const WINDOW: usize = 24;
/// A word in at most this many new sentences is rare.
const RARE: usize = 4;

/// The new sentences an old one is weighed against.
struct Candidates {
    /// The new sentences' places, ascending (indexes into them are the candidates).
    places: Vec<usize>,
    /// Each rare word → the new sentences that have it; none when every pair is weighed.
    rare: Option<HashMap<u32, Vec<usize>>>,
}

impl Candidates {
    fn new(places: &[usize], words: &[Words], old: usize) -> Candidates {
        if places.len().saturating_mul(old) <= ALL_PAIRS {
            return Candidates {
                places: places.to_vec(),
                rare: None,
            };
        }
        let mut by_word: HashMap<u32, Vec<usize>> = HashMap::new();
        for (j, w) in words.iter().enumerate() {
            let mut bag = w.bag.clone();
            bag.dedup();
            for word in bag {
                by_word.entry(word).or_default().push(j);
            }
        }
        by_word.retain(|_, list| list.len() <= RARE);
        Candidates {
            places: places.to_vec(),
            rare: Some(by_word),
        }
    }

    /// The candidates for an old sentence expected at `place`, with the words `bag`.
    fn of(&self, place: isize, bag: &[u32]) -> Vec<usize> {
        let Some(rare) = &self.rare else {
            return (0..self.places.len()).collect();
        };
        let at = self.places.partition_point(|&p| (p as isize) < place);
        let mut out: Vec<usize> =
            (at.saturating_sub(WINDOW)..(at + WINDOW).min(self.places.len())).collect();
        for word in bag {
            if let Some(list) = rare.get(word) {
                out.extend(list);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// [`text::word_similarity`] of two word sequences given as numbers: twice the length of their
/// longest common subsequence (the words a diff keeps) over their lengths.
fn sequence_similarity(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    (2 * common_subsequence(a, b)) as f32 / (a.len() + b.len()) as f32
}

/// The length of the longest common subsequence of `a` and `b`: by dynamic programming for
/// sentences, by a diff for long texts.
fn common_subsequence(a: &[u32], b: &[u32]) -> usize {
    if a.len().saturating_mul(b.len()) > 1 << 16 {
        return similar::capture_diff_slices(Algorithm::Myers, a, b)
            .iter()
            .map(|op| match op {
                DiffOp::Equal { len, .. } => *len,
                _ => 0,
            })
            .sum();
    }
    let mut row = vec![0u32; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()] as usize
}

/// How many elements two sorted lists have in common, as multisets.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Mints fresh ids. The id of a text is seeded with the article, the text and a nonce, so that
/// two branches that add different sentences mint different ids; the nonce each text reached is
/// remembered, so that a sentence repeated a thousand times does not try a thousand nonces for
/// each repeat.
#[derive(Default)]
struct Minter {
    next_nonce: HashMap<String, u32>,
}

impl Minter {
    /// A fresh id for `text` in article `slug` that `taken` does not know.
    fn mint(&mut self, slug: &str, text: &str, taken: impl Fn(&str) -> bool) -> String {
        let nonce = self.next_nonce.entry(text.to_string()).or_insert(0);
        loop {
            let seed = format!("{slug}\n{text}\n{nonce}");
            let id = format!("s-{}", base32(fnv1a(seed.as_bytes()), 6));
            *nonce += 1;
            if !taken(&id) {
                return id;
            }
        }
    }
}

/// A text with its white space taken out, to compare a sentence with the sentences it was split
/// into or merged from: the rules may split where a space was missing (`grew.Today`).
fn normalize(text: &str) -> String {
    text.split_whitespace().collect()
}

/// How alike two sentences are, 0 to 1: the share of their words (not spaces or punctuation,
/// letter case aside) that a diff keeps.
///
/// ```
/// use bitext::align::similarity;
/// assert!(similarity("Trade hit $4.22 billion in 2019.", "Trade hit $4.25 billion in 2019.") > 0.8);
/// assert!(similarity("The cat sat on the mat.", "A dog ran in the park.") < 0.35);
/// ```
pub fn similarity(a: &str, b: &str) -> f32 {
    text::word_similarity(&text::words(a), &text::words(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Kind;

    fn segs(texts: &[&str]) -> Vec<Segment> {
        texts
            .iter()
            .map(|t| Segment {
                kind: Kind::Paragraph,
                text: t.to_string(),
                block: 0,
            })
            .collect()
    }

    fn old_of<'a>(a: &'a Alignment, texts: &[&'a str]) -> Vec<(&'a str, &'a str)> {
        a.ids
            .iter()
            .map(String::as_str)
            .zip(texts.iter().copied())
            .collect()
    }

    const TEXTS: [&str; 4] = [
        "Tokayev arrived in Seoul on Monday.",
        "Trade reached $4.22 billion in 2019.",
        "The two leaders met at Cheong Wa Dae.",
        "They agreed to widen the partnership.",
    ];

    #[test]
    fn the_common_subsequence_is_the_words_a_diff_keeps() {
        let cases: [(&[u32], &[u32]); 4] = [
            (&[1, 2, 3, 4], &[1, 3, 4, 5]),
            (&[], &[1]),
            (&[1, 1, 2, 1], &[1, 2, 1, 1]),
            (&[5, 6, 7], &[7, 6, 5]),
        ];
        for (a, b) in cases {
            let by_diff: usize = similar::capture_diff_slices(Algorithm::Myers, a, b)
                .iter()
                .map(|op| match op {
                    DiffOp::Equal { len, .. } => *len,
                    _ => 0,
                })
                .sum();
            assert_eq!(common_subsequence(a, b), by_diff, "{a:?} {b:?}");
        }
    }

    #[test]
    fn edit_keeps_the_id_and_reports_a_change() {
        let first = align("a", &[], &Past::default(), &segs(&TEXTS));
        let mut edited = TEXTS;
        edited[1] = "Trade reached $4.25 billion in 2019.";
        let second = align(
            "a",
            &old_of(&first, &TEXTS),
            &Past::default(),
            &segs(&edited),
        );
        assert_eq!(second.ids, first.ids);
        assert_eq!(second.changes.len(), 1);
        assert_eq!(second.changes[0].op, Op::Changed);
    }

    #[test]
    fn insert_delete_and_move_leave_other_ids_alone() {
        let first = align("a", &[], &Past::default(), &segs(&TEXTS));
        let new = [TEXTS[3], "A new sentence.", TEXTS[0], TEXTS[2]];
        let second = align("a", &old_of(&first, &TEXTS), &Past::default(), &segs(&new));
        assert_eq!(second.ids[0], first.ids[3]);
        assert_eq!(second.ids[2], first.ids[0]);
        assert_eq!(second.ids[3], first.ids[2]);
        assert!(!first.ids.contains(&second.ids[1]));
        assert!(second
            .changes
            .iter()
            .any(|c| c.op == Op::Removed && c.id == first.ids[1]));
    }

    #[test]
    fn split_keeps_the_id_for_the_first_part_and_drafts_the_rest() {
        let old = ["Moon welcomed him. Tokayev thanked him."];
        let first = align("a", &[], &Past::default(), &segs(&old));
        let second = align(
            "a",
            &old_of(&first, &old),
            &Past::default(),
            &segs(&["Moon welcomed him.", "Tokayev thanked him."]),
        );
        assert_eq!(second.ids[0], first.ids[0]);
        assert_eq!(
            second.drafts,
            [Draft {
                id: second.ids[1].clone(),
                from: vec![first.ids[0].clone()]
            }]
        );
    }

    #[test]
    fn a_split_where_a_space_was_missing_is_a_split() {
        let old = ["Trade grew.Today the leaders met."];
        let first = align("a", &[], &Past::default(), &segs(&old));
        let second = align(
            "a",
            &old_of(&first, &old),
            &Past::default(),
            &segs(&["Trade grew.", "Today the leaders met."]),
        );
        assert_eq!(second.ids[0], first.ids[0]);
        assert_eq!(second.drafts.len(), 1);
        assert_eq!(second.drafts[0].from, first.ids);
    }

    #[test]
    fn merge_keeps_the_first_id_and_drafts_from_both() {
        let old = ["Moon welcomed him.", "Tokayev thanked him."];
        let first = align("a", &[], &Past::default(), &segs(&old));
        let second = align(
            "a",
            &old_of(&first, &old),
            &Past::default(),
            &segs(&["Moon welcomed him. Tokayev thanked him."]),
        );
        assert_eq!(second.ids[0], first.ids[0]);
        assert_eq!(second.drafts[0].from, first.ids);
    }

    #[test]
    fn retired_ids_are_never_minted_again() {
        let first = align("a", &[], &Past::default(), &segs(&["Same."]));
        let retired = first.ids[0].clone();
        let past = Past {
            known: [retired.as_str()].into(),
            removed: HashMap::new(),
        };
        let again = align("a", &[], &past, &segs(&["Other."]));
        assert_ne!(again.ids[0], retired);
        let seeded = align("a", &[], &Past::default(), &segs(&["Same."]));
        assert_eq!(seeded.ids[0], retired, "the same text mints the same id");
    }

    #[test]
    fn a_sentence_that_comes_back_gets_its_old_id() {
        let past = Past {
            known: ["s-old123"].into(),
            removed: [("Restored sentence.", "s-old123")].into(),
        };
        let again = align("a", &[], &past, &segs(&["Restored sentence."]));
        assert_eq!(again.ids, ["s-old123"]);
    }

    #[test]
    fn unrelated_sentences_are_not_edits_of_each_other() {
        let old = [
            "Moon welcomed Tokayev in Seoul on Monday.",
            "Trade hit $4.22 billion.",
        ];
        let first = align("a", &[], &Past::default(), &segs(&old));
        let new = [
            "Police arrested two men in Almaty on Friday.",
            "Trade hit $4.22 billion.",
        ];
        let second = align("a", &old_of(&first, &old), &Past::default(), &segs(&new));
        assert_ne!(second.ids[0], first.ids[0]);
        assert!(second.changes.iter().any(|c| c.op == Op::Removed));
    }

    #[test]
    fn a_sentence_rewritten_in_place_keeps_its_id() {
        let old = [
            "Trade hit a record.",
            "The program will grow to include nuclear energy, ferroalloys and gas plants.",
            "The leaders met.",
        ];
        let first = align("a", &[], &Past::default(), &segs(&old));
        let mut new = old;
        new[1] =
            "Beyond its original projects, the program will now branch out into nuclear power, \
                  ferroalloy production and gas processing plants.";
        let second = align("a", &old_of(&first, &old), &Past::default(), &segs(&new));
        assert_eq!(second.ids, first.ids);
    }
}
