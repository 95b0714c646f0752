//! Quotations and brackets that a sentence boundary does not cut: a terminator inside `( )`,
//! `[ ]`, `« »`, `“ ”`, `„ “`, `" "` or `「 」` whose closer follows soon is part of the quoted
//! or bracketed passage, as in Russian dialogue (`«К чему ты готовишься? – спросила мама. –
//! Завтра ведь выходной».`) or a source in brackets (`(«Айқын», 2010 жыл. № 70)`).

/// How far ahead, in characters, the closer of an open quotation or bracket is looked for. A
/// quotation that runs longer, or is never closed (a quotation that goes on in the next
/// paragraph), is split into sentences as usual.
const LONGEST_PASSAGE: usize = 400;

/// The quotations and brackets open at a position of the current sentence, counted as the
/// sentence is read.
#[derive(Debug, Default)]
pub(super) struct Nesting {
    /// Everything before this offset has been counted.
    scanned: usize,
    parens: u32,
    brackets: u32,
    guillemets: u32,
    /// `“ ”`
    curly: u32,
    /// `„ “`
    low: u32,
    /// `「 」` and `『 』`
    corner: u32,
    /// Whether an odd number of straight double quotes has been seen.
    straight: bool,
}

impl Nesting {
    /// Forgets everything counted: a sentence starts at `at`.
    pub(super) fn restart(&mut self, at: usize) {
        *self = Nesting {
            scanned: at,
            ..Nesting::default()
        };
    }

    /// Whether a sentence boundary at `at` would fall inside a quotation or a bracket that closes
    /// soon after it. `at` must not decrease between calls.
    pub(super) fn holds(&mut self, text: &str, at: usize) -> bool {
        let part = text.get(self.scanned..at).unwrap_or("");
        // Every mark counted is ASCII or starts with one of these lead bytes; the rest of the
        // text is skipped byte by byte without decoding it.
        let mut from = 0;
        let bytes = part.as_bytes();
        while let Some(len) = bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| is_mark_byte(b)))
        {
            let idx = from + len;
            match part.get(idx..).and_then(|rest| rest.chars().next()) {
                Some(c) => {
                    self.count(c);
                    from = idx + c.len_utf8();
                }
                None => from = idx + 1,
            }
        }
        self.scanned = self.scanned.max(at);
        self.is_open()
            && text
                .get(at..)
                .unwrap_or("")
                .chars()
                .take(LONGEST_PASSAGE)
                .any(|c| self.closes(c))
    }

    fn count(&mut self, c: char) {
        match c {
            '(' | '（' => self.parens += 1,
            ')' | '）' => self.parens = self.parens.saturating_sub(1),
            '[' => self.brackets += 1,
            ']' => self.brackets = self.brackets.saturating_sub(1),
            '«' => self.guillemets += 1,
            '»' => self.guillemets = self.guillemets.saturating_sub(1),
            '„' => self.low += 1,
            '“' if self.low > 0 => self.low -= 1,
            '“' => self.curly += 1,
            '”' => self.curly = self.curly.saturating_sub(1),
            '「' | '『' => self.corner += 1,
            '」' | '』' => self.corner = self.corner.saturating_sub(1),
            '"' => self.straight = !self.straight,
            _ => {}
        }
    }

    fn is_open(&self) -> bool {
        self.straight
            || self.parens + self.brackets + self.guillemets + self.curly + self.low + self.corner
                > 0
    }

    /// Whether `c` closes one of the open quotations or brackets.
    fn closes(&self, c: char) -> bool {
        match c {
            ')' | '）' => self.parens > 0,
            ']' => self.brackets > 0,
            '»' => self.guillemets > 0,
            '“' => self.low > 0,
            '”' => self.curly > 0,
            '」' | '』' => self.corner > 0,
            '"' => self.straight,
            _ => false,
        }
    }
}

/// Whether `b` is a counted mark or the lead byte of one: `( ) [ ] "`, `« »` (C2), `“ ” „`
/// (E2), `「 」 『 』` (E3), `（ ）` (EF).
fn is_mark_byte(b: u8) -> bool {
    MARK_BYTES[usize::from(b)]
}

const MARK_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(
            b as u8,
            b'(' | b')' | b'[' | b']' | b'"' | 0xC2 | 0xE2 | 0xE3 | 0xEF
        );
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    fn holds_at(text: &str, marker: &str) -> bool {
        let at = text.find(marker).map_or(0, |i| i + marker.len());
        let mut nesting = Nesting::default();
        nesting.holds(text, at)
    }

    #[test]
    fn open_quotation_with_closer_ahead_holds() {
        assert!(holds_at("«Зачем? – спросила мама. – Завтра»", "мама."));
        assert!(holds_at("\"How many? I don't know.\"", "many?"));
        assert!(holds_at("(2012 жыл. №590-591)", "жыл."));
        assert!(holds_at("„Мы согласны. Завтра“", "согласны."));
    }

    #[test]
    fn closed_or_unclosed_quotation_does_not_hold() {
        assert!(!holds_at("He said, “We agree.” Then he left.", "agree.”"));
        assert!(!holds_at("“We agree. We go on and on", "agree."));
        assert!(!holds_at("Trade grew (see Fig. 2). It fell.", "2)."));
    }

    #[test]
    fn long_passage_does_not_hold() {
        let text = format!("“We agree. {}”", "word ".repeat(100));
        assert!(!holds_at(&text, "agree."));
    }
}
