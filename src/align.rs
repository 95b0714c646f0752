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
use unicode_segmentation::UnicodeSegmentation;

use crate::article::{Kind, Segment};
use crate::change::classify;
use crate::fingerprint::{base32, fnv1a};
use crate::history::{Change, Op};

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
    let mut matched: Vec<Option<usize>> = vec![None; new.len()];
    let mut old_used = vec![false; old.len()];
    let mut from: HashMap<usize, Vec<String>> = HashMap::new();
    let mut drafts = Vec::new();

    // Front matter fields keep their fixed ids.
    for (n, seg) in new.iter().enumerate() {
        if let Some(fixed) = seg.kind.fixed_id() {
            if let Some(o) = old.iter().position(|(id, _)| *id == fixed) {
                matched[n] = Some(o);
                old_used[o] = true;
            }
        }
    }
    let body_old: Vec<usize> = (0..old.len())
        .filter(|&o| !Kind::is_fixed_id(old[o].0))
        .collect();
    let body_new: Vec<usize> = (0..new.len())
        .filter(|&n| new[n].kind.fixed_id().is_none())
        .collect();

    // Identical text in the same order.
    let old_texts: Vec<&str> = body_old.iter().map(|&o| old[o].1).collect();
    let new_texts: Vec<&str> = body_new.iter().map(|&n| new[n].text.as_str()).collect();
    for op in similar::capture_diff_slices(Algorithm::Patience, &old_texts, &new_texts) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                matched[body_new[new_index + k]] = Some(body_old[old_index + k]);
                old_used[body_old[old_index + k]] = true;
            }
        }
    }

    // Identical text elsewhere: moved.
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for &o in body_old.iter().rev() {
        if !old_used[o] {
            by_text.entry(old[o].1).or_default().push(o);
        }
    }
    for &n in &body_new {
        if matched[n].is_none() {
            if let Some(o) = by_text.get_mut(new[n].text.as_str()).and_then(Vec::pop) {
                matched[n] = Some(o);
                old_used[o] = true;
            }
        }
    }

    // Splits: one old segment is several consecutive new ones.
    let mut split_pieces: HashMap<usize, usize> = HashMap::new();
    for &o in &body_old {
        if old_used[o] {
            continue;
        }
        let target = normalize(old[o].1);
        'start: for (k, &n) in body_new.iter().enumerate() {
            for len in 2..=MAX_JOIN.min(body_new.len() - k) {
                let window = &body_new[k..k + len];
                if window
                    .iter()
                    .any(|&w| matched[w].is_some() || split_pieces.contains_key(&w))
                {
                    break;
                }
                let joined = normalize(&join(window.iter().map(|&w| new[w].text.as_str())));
                if joined == target {
                    matched[n] = Some(o);
                    old_used[o] = true;
                    for &w in &window[1..] {
                        split_pieces.insert(w, o);
                    }
                    break 'start;
                }
                if joined.len() > target.len() {
                    break;
                }
            }
        }
    }

    // Merges: several consecutive old segments are one new one.
    for &n in &body_new {
        if matched[n].is_some() || split_pieces.contains_key(&n) {
            continue;
        }
        let target = normalize(&new[n].text);
        'merge: for (k, &o) in body_old.iter().enumerate() {
            for len in 2..=MAX_JOIN.min(body_old.len() - k) {
                let window = &body_old[k..k + len];
                if window.iter().any(|&w| old_used[w]) {
                    break;
                }
                let joined = normalize(&join(window.iter().map(|&w| old[w].1)));
                if joined == target {
                    matched[n] = Some(o);
                    for &w in window {
                        old_used[w] = true;
                    }
                    from.insert(n, window.iter().map(|&w| old[w].0.to_string()).collect());
                    break 'merge;
                }
                if joined.len() > target.len() {
                    break;
                }
            }
        }
    }

    // Edited sentences: most similar first, then nearest.
    let free_old: Vec<usize> = body_old.iter().copied().filter(|&o| !old_used[o]).collect();
    let free_new: Vec<usize> = body_new
        .iter()
        .copied()
        .filter(|&n| matched[n].is_none() && !split_pieces.contains_key(&n))
        .collect();
    // Where each old segment would be in the new order, judging by its nearest matched neighbour
    // above it.
    let mut new_of_old: Vec<Option<usize>> = vec![None; old.len()];
    for (n, m) in matched.iter().enumerate() {
        if let Some(o) = m {
            new_of_old[*o] = Some(n);
        }
    }
    let expected = |o: usize| -> isize {
        (0..o)
            .rev()
            .find_map(|p| new_of_old[p].map(|n| (n + (o - p)) as isize))
            .unwrap_or(o as isize)
    };
    let mut pairs = Vec::new();
    let old_words: HashMap<usize, Vec<String>> =
        free_old.iter().map(|&o| (o, words(old[o].1))).collect();
    let new_words: HashMap<usize, Vec<String>> =
        free_new.iter().map(|&n| (n, words(&new[n].text))).collect();
    for &o in &free_old {
        let expected = expected(o);
        for &n in &free_new {
            let score = word_similarity(&old_words[&o], &new_words[&n]);
            let distance = (expected - n as isize).unsigned_abs();
            if score >= MIN_SIMILARITY || (distance == 0 && score >= MIN_SIMILARITY_IN_PLACE) {
                pairs.push((score, distance, o, n));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, _, o, n) in pairs {
        if !old_used[o] && matched[n].is_none() {
            matched[n] = Some(o);
            old_used[o] = true;
        }
    }

    // Ids, changes and drafts, in document order.
    let mut taken: HashSet<String> = old.iter().map(|(id, _)| id.to_string()).collect();
    let mut ids = Vec::with_capacity(new.len());
    let mut changes = Vec::new();
    for (n, seg) in new.iter().enumerate() {
        let text = seg.text.clone();
        match matched[n] {
            Some(o) => {
                let (id, old_text) = old[o];
                if old_text != seg.text {
                    changes.push(Change {
                        id: id.to_string(),
                        op: Op::Changed,
                        class: Some(classify(old_text, &seg.text)),
                        from: from.get(&n).cloned().unwrap_or_default(),
                        text: Some(text),
                    });
                    if let Some(sources) = from.get(&n) {
                        drafts.push(Draft {
                            id: id.to_string(),
                            from: sources.clone(),
                        });
                    }
                }
                ids.push(id.to_string());
            }
            None => {
                let id = match seg.kind.fixed_id() {
                    Some(fixed) => fixed.to_string(),
                    None => match past.removed.get(seg.text.as_str()) {
                        Some(id) if !taken.contains(*id) => id.to_string(),
                        _ => mint(slug, &seg.text, |id| {
                            past.known.contains(id) || taken.contains(id)
                        }),
                    },
                };
                taken.insert(id.clone());
                let sources: Vec<String> = split_pieces
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
        if !old_used[o] {
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

/// A fresh id for `text` in article `slug` that `taken` does not know.
fn mint(slug: &str, text: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut nonce = 0u32;
    loop {
        let seed = format!("{slug}\n{text}\n{nonce}");
        let id = format!("s-{}", base32(fnv1a(seed.as_bytes()), 6));
        if !taken(&id) {
            return id;
        }
        nonce += 1;
    }
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.collect::<Vec<_>>().join(" ")
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
    word_similarity(&words(a), &words(b))
}

fn words(text: &str) -> Vec<String> {
    text.unicode_words().map(str::to_lowercase).collect()
}

fn word_similarity(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let kept: usize = similar::capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    (2 * kept) as f32 / (a.len() + b.len()) as f32
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
