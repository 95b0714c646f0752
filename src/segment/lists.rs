//! List items where no sentence punctuation marks a boundary: items run together on one line
//! (`1.) First 2.) Second`, `• 9. First • 10. Second`, `a. First b. Second`), items on their
//! own lines, and paragraphs of short unpunctuated lines (`features` / `contact manager`).

use super::chars::{char_at, is_closer, is_opener, is_terminator};
use super::rules::scan_cluster;
use super::Lines;

/// A list item: the byte offset where it starts and where its marker ends (`• 10.` in
/// `• 10. The second item`; the start itself for a line with no marker).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Item {
    pub start: usize,
    pub marker_end: usize,
}

/// How a numbered or lettered marker is written: `1.`, `1)`, `1.)` or `(1)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Style {
    Period,
    Paren,
    PeriodParen,
    Parens,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Family {
    Number,
    Letter,
}

/// A numbered or lettered marker, which only counts as a list item beside its neighbour in the
/// same list (`2.` with `1.` or `3.`): one alone is more likely prose ("bought 2. The rest").
#[derive(Clone, Copy, Debug)]
struct Candidate {
    family: Family,
    style: Style,
    value: u32,
    item: Item,
}

/// The list items of `text`, in order; those that only line breaks mark when `lines` is
/// [`Lines::Structural`]. Most text has none, and then nothing is allocated.
pub(super) fn find_items(text: &str, lines: Lines) -> Vec<Item> {
    let structural = lines == Lines::Structural;
    let bytes = text.as_bytes();
    let mut items = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    // Every marker has a byte of INTERESTING in it or just before it: the period or parenthesis
    // of `2.` or `b)`, the lead byte of `•` or `—`, or the line break before `- `.
    let first = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    if structural && first < bytes.len() {
        items.extend(ascii_bullet(text, first));
    }
    let mut at = 0;
    while let Some(len) = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| INTERESTING[usize::from(b)]))
    {
        let found = at + len;
        at = found + 1;
        match bytes[found] {
            b'\n' if structural => {
                let indent = bytes[at..]
                    .iter()
                    .take_while(|&&b| b == b' ' || b == b'\t')
                    .count();
                items.extend(ascii_bullet(text, at + indent));
            }
            b'\n' => {}
            0xE2 => {
                let after_space = found == 0 || bytes[found - 1].is_ascii_whitespace();
                if after_space {
                    items.extend(bullet(text, found, structural && starts_line(bytes, found)));
                }
            }
            // `1.)` is read at its period.
            b')' if found > 0 && bytes[found - 1] == b'.' => {}
            _ => {
                if let Some(start) = marker_start(bytes, found) {
                    candidates.extend(numbered(text, start));
                }
            }
        }
    }
    if !candidates.is_empty() {
        let mut keys: Vec<(Family, Style, u32)> = candidates
            .iter()
            .map(|c| (c.family, c.style, c.value))
            .collect();
        keys.sort_unstable();
        let has = |key: (Family, Style, u32)| keys.binary_search(&key).is_ok();
        for c in &candidates {
            let before = c.value > 1 && has((c.family, c.style, c.value - 1));
            if before || has((c.family, c.style, c.value + 1)) {
                items.push(c.item);
            }
        }
    }
    if structural && is_line_list(text) {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let start = offset + (line.len() - line.trim_start().len());
            if offset > 0 && !line.trim().is_empty() {
                items.push(Item {
                    start,
                    marker_end: start,
                });
            }
            offset += line.len();
        }
    }
    if items.len() > 1 {
        // The number of `• 9.` is part of the bullet's marker, not an item of its own.
        items.sort_unstable_by_key(|item| (item.start, std::cmp::Reverse(item.marker_end)));
        let mut marker_end = 0;
        items.retain(|item| {
            let keep = item.start >= marker_end;
            marker_end = marker_end.max(item.marker_end.max(item.start + 1));
            keep
        });
    }
    items
}

/// The bytes that mark where to look for a list marker (see [`find_items`]).
const INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b')' as usize] = true;
    table[b'\n' as usize] = true;
    table[0xE2] = true;
    table
};

/// Where the marker whose period or parenthesis is at `at` starts: a number of one to three
/// digits or a lower-case letter, perhaps in parentheses (`(2)`), after white space.
fn marker_start(bytes: &[u8], at: usize) -> Option<usize> {
    let head = bytes.get(..at)?;
    let digits = head
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .take(4)
        .count();
    let len = match digits {
        1..=3 => digits,
        0 if head.last().is_some_and(u8::is_ascii_lowercase) => 1,
        _ => return None,
    };
    let mut start = at - len;
    if bytes[at] == b')' && start > 0 && bytes[start - 1] == b'(' {
        start -= 1;
    }
    (start == 0 || bytes[start - 1].is_ascii_whitespace()).then_some(start)
}

/// A bullet item at `at` written with an ASCII hyphen, asterisk or plus sign, at the start of a
/// line.
fn ascii_bullet(text: &str, at: usize) -> Option<Item> {
    matches!(text.as_bytes().get(at), Some(b'-' | b'*' | b'+'))
        .then(|| bullet(text, at, true))
        .flatten()
}

/// Whether only spaces and tabs stand between the start of a line and `at`.
fn starts_line(bytes: &[u8], at: usize) -> bool {
    let before = bytes.get(..at).unwrap_or_default();
    let indent = before
        .iter()
        .rev()
        .take_while(|&&b| b == b' ' || b == b'\t' || b == b'\r')
        .count();
    indent == before.len() || before[before.len() - indent - 1] == b'\n'
}

/// Whether `text` is two or more lines none of which ends in sentence punctuation: a list of
/// lines such as a menu or the features of a product, each a segment of its own. Prose wrapped
/// over several lines ends in punctuation at least once.
fn is_line_list(text: &str) -> bool {
    if !text.contains('\n') {
        return false;
    }
    let mut lines = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        lines += 1;
        let last_terminator = line
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_closer(c))
            .filter(|&(_, c)| is_terminator(c));
        if last_terminator.is_some() {
            return false;
        }
    }
    lines > 1
}

/// Whether `c` is a bullet that marks a list item wherever it stands after white space.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '►'
            | '▶'
            | '▸'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
    )
}

/// A bullet item at `at`: a bullet character (`•`, `⁃`), or at the start of a line a hyphen,
/// dash, asterisk or plus sign and a space; with a number after the bullet (`• 9.`) the number
/// is part of the marker.
fn bullet(text: &str, at: usize, line_start: bool) -> Option<Item> {
    let c = char_at(text, at)?;
    let after = at + c.len_utf8();
    let spaced = text
        .as_bytes()
        .get(after)
        .is_some_and(|&b| b == b' ' || b == b'\t');
    let plain = line_start && matches!(c, '-' | '*' | '+' | '–' | '—') && spaced;
    if !is_bullet(c) && !plain {
        return None;
    }
    let rest = text.get(after..)?;
    let content = after + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
    let marker_end = match numbered(text, content) {
        Some(candidate) => candidate.item.marker_end,
        None => {
            let digits = text.as_bytes().get(content..)?;
            let n = digits.iter().take_while(|b| b.is_ascii_digit()).count();
            if (1..=3).contains(&n) && digits.get(n) == Some(&b'.') {
                content + n + 1
            } else {
                content
            }
        }
    };
    Some(Item {
        start: at,
        marker_end,
    })
}

/// A numbered or lettered marker at `at` (`12.`, `3)`, `1.)`, `(2)`, `b.`) followed by white space
/// and a capitalised word: "1) taxes, 2) spending" inside a sentence is not a list of items.
fn numbered(text: &str, at: usize) -> Option<Candidate> {
    let bytes = text.as_bytes();
    let parens = bytes.get(at) == Some(&b'(');
    let body = at + usize::from(parens);
    let digits = bytes
        .get(body..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let (family, value, len) = match digits {
        1..=3 => (
            Family::Number,
            text.get(body..body + digits)?.parse().ok()?,
            digits,
        ),
        0 => {
            let c = *bytes.get(body)?;
            if !c.is_ascii_lowercase() {
                return None;
            }
            (Family::Letter, u32::from(c - b'a') + 1, 1)
        }
        _ => return None,
    };
    let tail = bytes.get(body + len..)?;
    let (style, marker_len) = match (parens, tail) {
        (true, [b')', ..]) => (Style::Parens, 1),
        (false, [b'.', b')', ..]) => (Style::PeriodParen, 2),
        (false, [b')', ..]) => (Style::Paren, 1),
        (false, [b'.', ..]) => (Style::Period, 1),
        _ => return None,
    };
    let marker_end = body + len + marker_len;
    if !opens_capitalised(text, marker_end) {
        return None;
    }
    // "U.S." and "e.g." are no markers: the period after the letter must not start a cluster
    // of more periods or letters.
    if style == Style::Period && scan_cluster(text, marker_end - 1).end != marker_end {
        return None;
    }
    Some(Candidate {
        family,
        style,
        value,
        item: Item {
            start: at,
            marker_end,
        },
    })
}

/// Whether white space and a capitalised word (perhaps after opening quotes) follow `at`.
fn opens_capitalised(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let word = rest.trim_start_matches([' ', '\t', '\n', '\r']);
    if word.len() == rest.len() {
        return false;
    }
    let word = word.trim_start_matches(is_opener);
    let mut chars = word.chars();
    // A single letter with a period is another initial or marker ("A. B. Smith").
    match (chars.next(), chars.next()) {
        (Some(first), second) => first.is_uppercase() && second != Some('.'),
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str) -> Vec<usize> {
        find_items(text, Lines::Structural)
            .into_iter()
            .map(|item| item.start)
            .collect()
    }

    #[test]
    fn numbered_items_need_a_neighbour() {
        assert_eq!(starts("1) The first item 2) The second item"), [0, 18]);
        assert_eq!(
            starts("He bought 2. The rest was sold."),
            Vec::<usize>::new()
        );
        assert_eq!(
            starts("The plan: 1) taxes, 2) spending."),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn bullets_are_items_alone() {
        assert_eq!(starts("• 9. The first item • 10. The second item"), [0, 22]);
        assert_eq!(
            find_items("• 9. The first item", Lines::Soft),
            [Item {
                start: 0,
                marker_end: 6
            }]
        );
        assert_eq!(starts("Text\n- one\n- two"), [5, 11]);
        assert!(find_items("Text\n- one\n- two", Lines::Soft).is_empty());
        assert_eq!(starts("A well-known - if odd - fact."), Vec::<usize>::new());
    }

    #[test]
    fn unpunctuated_lines_are_items() {
        assert_eq!(starts("features\ncontact manager\nevents"), [9, 25]);
        assert_eq!(
            starts("This is a sentence\ncut off in the middle."),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn initials_are_not_letter_items() {
        assert_eq!(starts("a. B. Smith b. C. Jones"), Vec::<usize>::new());
        assert_eq!(starts("see e.g. The Times"), Vec::<usize>::new());
    }
}
