//! `bitext fill`: an interactive session through `todo`, saving each answer at once.
//!
//! On a terminal the translation is read with a line editor, pre-filled with the translation there
//! is for a stale or unreviewed segment, so that the translator edits rather than retypes. With
//! stdin not a terminal, one answer is read per line, so that a script can drive it. Each answer is
//! written atomically and signed off before the next segment shows, so quitting, Ctrl-C or a closed
//! terminal loses nothing already answered.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use bitext::check::Level;
use bitext::project::Project;
use bitext::state::State;
use bitext::store::escape::Piece;
use bitext::tm::Match;
use bitext::todo::Item;

use super::output::plural;
use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The target locale
    locale: String,
    /// Articles (default: all synced articles)
    slugs: Vec<String>,
    /// Offer no translation-memory suggestions
    #[arg(long)]
    no_memory: bool,
}

const HELP: &str = "\
  Type the translation and press Enter to save it, signed off. A stale or unreviewed
  translation is there to edit; Enter with it unchanged accepts it as it is.
  :s or an empty line   skip this segment (Ctrl-U clears the line)
  :b                    back to the previous segment
  :a                    accept the translation there is, unchanged (signed off)
  :1, :2, :3            take a suggestion from the translation memory (to edit, on a terminal)
  :q, Ctrl-D or Ctrl-C  quit (every answer given is already saved)
  ::text                a translation that starts with a colon
  A command typed after the pre-filled translation counts as the command.";

/// What the translator asked for.
#[derive(Debug, PartialEq, Eq)]
enum Answer {
    Text(String),
    Skip,
    Back,
    Accept,
    /// A translation-memory suggestion, counted from 1.
    Take(usize),
    Quit,
    Help,
    /// Something that looks like an editor's command (`:wq`, `:x`) but is not one of fill's:
    /// refused, never saved as a translation.
    Unknown(String),
}

/// Whether `word` looks like a command typed by reflex in another editor: a colon and a few
/// letters (`:wq`, `:x`, `:Q`, `:w!`), with no space.
fn looks_like_a_command(word: &str) -> bool {
    word.strip_prefix(':').is_some_and(|rest| {
        !rest.is_empty()
            && rest.len() <= 4
            && rest.chars().all(|c| c.is_ascii_alphabetic() || c == '!')
    })
}

/// The translator's answer in `line`, read from a line pre-filled with `initial`.
fn parse(line: &str, initial: &str) -> Answer {
    if !initial.is_empty() && line == initial {
        return Answer::Accept;
    }
    if let Some(rest) = line.strip_prefix(initial).filter(|_| !initial.is_empty()) {
        let command = command(rest.trim());
        if command != Answer::Text(rest.trim().to_string()) {
            return command;
        }
    }
    command(line)
}

fn command(line: &str) -> Answer {
    match line.trim() {
        "" | ":s" | ":skip" => Answer::Skip,
        ":b" | ":back" => Answer::Back,
        ":a" | ":accept" => Answer::Accept,
        ":q" | ":quit" => Answer::Quit,
        ":h" | ":help" | ":?" => Answer::Help,
        other if looks_like_a_command(other) => Answer::Unknown(other.to_string()),
        other => match other.strip_prefix(':').and_then(|n| n.parse().ok()) {
            Some(n) if n > 0 => Answer::Take(n),
            _ => text(line),
        },
    }
}

/// A line that is not a command: a translation.
fn text(line: &str) -> Answer {
    match line.strip_prefix("::") {
        Some(rest) => Answer::Text(format!(":{rest}")),
        None => Answer::Text(line.to_string()),
    }
}

/// Where answers come from: a line editor on a terminal, or lines from a pipe.
enum Input {
    Editor(Box<rustyline::DefaultEditor>),
    Lines(std::io::StdinLock<'static>),
}

impl Input {
    fn open() -> anyhow::Result<Input> {
        if std::io::stdin().is_terminal() {
            if let Ok(editor) = rustyline::DefaultEditor::new() {
                return Ok(Input::Editor(Box::new(editor)));
            }
        }
        Ok(Input::Lines(std::io::stdin().lock()))
    }

    /// The next line, or none at the end of input or on Ctrl-C.
    fn read(&mut self, prompt: &str, initial: &str) -> anyhow::Result<Option<String>> {
        match self {
            Input::Editor(editor) => match editor.readline_with_initial(prompt, (initial, "")) {
                Ok(line) => Ok(Some(line)),
                Err(rustyline::error::ReadlineError::Eof)
                | Err(rustyline::error::ReadlineError::Interrupted) => Ok(None),
                Err(e) => Err(e.into()),
            },
            Input::Lines(stdin) => {
                let mut line = String::new();
                if stdin.read_line(&mut line)? == 0 {
                    return Ok(None);
                }
                let line = line.strip_suffix('\n').unwrap_or(&line);
                Ok(Some(line.strip_suffix('\r').unwrap_or(line).to_string()))
            }
        }
    }
}

/// What the session did to one segment.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Done {
    Written(String),
    Accepted,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locale = project.target(&args.locale)?;
    let slugs = project.select(&args.slugs, &project.synced_slugs()?)?;
    let every = bitext::todo::Filter::default();
    let items = if args.no_memory {
        bitext::todo::todo(project, &locale, &slugs, None)?.items
    } else {
        bitext::todo::todo_with_memory(project, &locale, &slugs, &every)?
            .0
            .items
    };
    if items.is_empty() {
        out.line(&format!("{locale}: nothing to do"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut input = Input::open()?;
    let interactive = matches!(input, Input::Editor(_));
    if interactive {
        out.line(&format!(
            "{}: {} to do. Type :h for help.",
            locale,
            plural(items.len(), "segment", "segments")
        ))?;
    }
    let mut done: Vec<Option<Done>> = vec![None; items.len()];
    // A memory suggestion taken to be edited in the line editor.
    let mut taken: Option<&Match> = None;
    // An answer given back to edit: the English changed while it was typed, or a check found
    // an error in it.
    let mut retyped: Option<String> = None;
    // The English each item is translated from: the one shown, or the newer one when it changed.
    let mut english: Vec<String> = items.iter().map(|item| item.source.clone()).collect();
    let mut context = Context::default();
    let mut i = 0;
    while i < items.len() {
        let item = &items[i];
        if taken.is_none() && retyped.is_none() {
            let around = context.around(project, &item.slug, &item.id)?;
            show(
                out,
                project,
                &locale,
                item,
                (i, items.len()),
                done[i].as_ref(),
                around,
            )?;
        }
        let now = match &done[i] {
            Some(Done::Written(text)) => Some(text.as_str()),
            _ => item.translation.as_deref(),
        };
        out.flush()?;
        let again = retyped.take();
        let initial = again
            .as_deref()
            .or(taken.map(|m| m.translation.as_str()))
            .or(now)
            .unwrap_or("");
        let Some(line) = input.read(&format!("{locale}> "), initial)? else {
            break;
        };
        // The Fluent pieces of a suggestion saved as it is, placeables and all.
        let mut pieces = None;
        let answer = match (taken.take(), again) {
            (Some(m), _) if line == m.translation => {
                pieces = Some(m.pieces.clone());
                Answer::Text(line)
            }
            (Some(m), _) => parse(&line, &m.translation),
            // The answer given back, saved as it is when Enter takes it unchanged.
            (None, Some(typed)) if line == typed => Answer::Text(line),
            (None, Some(typed)) => parse(&line, &typed),
            (None, None) => parse(&line, now.unwrap_or("")),
        };
        let answer = match answer {
            Answer::Take(n) => match item.matches.get(n - 1) {
                None => {
                    out.line(&format!("  there is no suggestion {n}"))?;
                    continue;
                }
                Some(m) if interactive => {
                    taken = Some(m);
                    continue;
                }
                Some(m) => {
                    pieces = Some(m.pieces.clone());
                    Answer::Text(m.translation.clone())
                }
            },
            other => other,
        };
        match answer {
            Answer::Quit => break,
            Answer::Help => {
                out.line(HELP)?;
                continue;
            }
            Answer::Unknown(word) => {
                out.line(&format!(
                    "  {word} is not a command here, and nothing was saved. The commands: :s skip, \
                     :b back, :a accept, :1 to :3 take a suggestion, :q quit, :h help; a \
                     translation that starts with a colon is typed with two (::{})",
                    word.trim_start_matches(':')
                ))?;
                continue;
            }
            Answer::Back => {
                if i == 0 {
                    out.line("  this is the first segment")?;
                } else {
                    i -= 1;
                }
                continue;
            }
            Answer::Skip => out.line("  skipped")?,
            Answer::Accept => match (&done[i], now) {
                (_, None) => {
                    out.line("  nothing to accept: there is no translation yet")?;
                    continue;
                }
                // Written in this session, and so signed off already.
                (Some(_), Some(_)) => out.line("  kept as it is")?,
                (None, Some(_)) => {
                    if save(out, "accepted, signed off", || {
                        accept(project, &locale, item)
                    })? {
                        done[i] = Some(Done::Accepted);
                    }
                }
            },
            // Turned into an edit or a translation above.
            Answer::Take(_) => continue,
            Answer::Text(text) => {
                // The English may have changed since it was shown: the translator sees the
                // change, and the answer typed comes back to edit.
                let now_english = context.english(project, &item.slug, &item.id)?;
                if now_english.as_deref().is_some_and(|e| e != english[i]) {
                    let new = now_english.unwrap_or_default();
                    out.line(&format!(
                        "  {}",
                        out.paint(
                            "33",
                            "the English changed while you typed; your answer is kept to edit:"
                        )
                    ))?;
                    let ops = bitext::diff::words(&english[i], &new);
                    out.line(&format!(
                        "  {}  {}",
                        project.config.source,
                        out.word_diff(&ops)
                    ))?;
                    english[i] = new;
                    retyped = Some(text);
                    continue;
                }
                let pieces = pieces.unwrap_or_else(|| vec![Piece::Text(text.clone())]);
                let findings =
                    super::set::save_time_checks(project, &locale, &item.slug, &item.id, &pieces)?;
                let label = format!("{locale} {} {}", item.slug, item.id);
                let errors = findings.iter().any(|(_, l, _)| *l == Level::Error);
                if errors && interactive {
                    for (check, level, message) in &findings {
                        out.line(&format!("  {}[{}] {message}", level.name(), check.name()))?;
                    }
                    let confirm = input.read("  save it anyway? (y, or Enter to edit it) ", "")?;
                    if confirm.as_deref().map(str::trim) != Some("y") {
                        retyped = Some(text);
                        continue;
                    }
                }
                let saved = save(out, "saved, signed off", || {
                    bitext::translate::set_as(
                        project,
                        &super::actor(project)?,
                        &locale,
                        &item.slug,
                        &item.id,
                        pieces,
                        Some(&english[i]),
                    )
                    .map_err(Into::into)
                })?;
                if saved {
                    if !interactive || !errors {
                        super::set::report(&label, &findings);
                    }
                    done[i] = Some(Done::Written(text));
                }
            }
        }
        i += 1;
    }
    let written = done
        .iter()
        .filter(|d| matches!(d, Some(Done::Written(_))))
        .count();
    let accepted = done
        .iter()
        .filter(|d| matches!(d, Some(Done::Accepted)))
        .count();
    let left = done.iter().filter(|d| d.is_none()).count();
    out.line("")?;
    out.line(&format!(
        "{locale}: {written} written, {accepted} accepted, {left} left"
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The articles' segments in order, read as fill needs them: the sentences around the one shown,
/// and the English now, when a translation is saved.
#[derive(Default)]
struct Context {
    articles: std::collections::HashMap<String, Vec<(String, String)>>,
}

impl Context {
    /// The segments of `slug` now (read again each time: the English may have changed).
    fn read(&mut self, project: &Project, slug: &str) -> anyhow::Result<&Vec<(String, String)>> {
        let files = bitext::article_files::ArticleFiles::open(project, slug)?;
        let segments = files
            .history()
            .current()
            .into_iter()
            .map(|(id, text)| (id.to_string(), text.to_string()))
            .collect();
        self.articles.insert(slug.to_string(), segments);
        Ok(&self.articles[slug])
    }

    /// The English of the segments before and after `id`.
    fn around(
        &mut self,
        project: &Project,
        slug: &str,
        id: &str,
    ) -> anyhow::Result<(Option<String>, Option<String>)> {
        if !self.articles.contains_key(slug) {
            self.read(project, slug)?;
        }
        let segments = &self.articles[slug];
        let Some(at) = segments.iter().position(|(i, _)| i == id) else {
            return Ok((None, None));
        };
        let before = at
            .checked_sub(1)
            .and_then(|b| segments.get(b))
            .map(|(_, t)| t.clone());
        let after = segments.get(at + 1).map(|(_, t)| t.clone());
        Ok((before, after))
    }

    /// The English of `id` now.
    fn english(
        &mut self,
        project: &Project,
        slug: &str,
        id: &str,
    ) -> anyhow::Result<Option<String>> {
        let segments = self.read(project, slug)?;
        Ok(segments
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, t)| t.clone()))
    }
}

/// Shows one segment: where it is, its state, the sentences around it, the English (as a diff
/// for a stale one) and the translation there is.
fn show(
    out: &mut Out,
    project: &Project,
    locale: &str,
    item: &Item,
    (i, n): (usize, usize),
    done: Option<&Done>,
    (before, after): (Option<String>, Option<String>),
) -> anyhow::Result<()> {
    let state = match (done, item.class, item.signed) {
        (Some(Done::Written(_)), _, _) => out.paint("32", "written in this session"),
        (Some(Done::Accepted), _, _) => out.paint("32", "accepted in this session"),
        (None, Some(class), Some(signed)) => {
            out.paint("33", &format!("stale ({}, r{signed})", class.name()))
        }
        (None, None, Some(signed)) => out.paint("35", &format!("rejected (r{signed})")),
        (None, _, _) => out.paint(
            if item.state == State::Missing {
                "31"
            } else {
                "36"
            },
            item.state.name(),
        ),
    };
    out.line("")?;
    out.line(&format!(
        "{} {}  {}  {state}",
        out.paint("2", &format!("[{}/{n}]", i + 1)),
        out.paint("1", &item.slug),
        item.id
    ))?;
    let source = &project.config.source;
    // The sentences around it, dimmed, aligned with the text.
    let pad = " ".repeat(source.chars().count() + 4);
    if let Some(before) = before {
        out.line(&format!("{pad}{}", out.paint("2", &format!("… {before}"))))?;
    }
    match &item.diff {
        Some(ops) => out.line(&format!("  {source}  {}", out.word_diff(ops)))?,
        None => out.line(&format!("  {source}  {}", item.source))?,
    }
    let now = match done {
        Some(Done::Written(text)) => Some(text.as_str()),
        _ => item.translation.as_deref(),
    };
    if let Some(text) = now {
        out.line(&format!("  {locale}  {text}"))?;
    }
    if let Some(after) = after {
        out.line(&format!("{pad}{}", out.paint("2", &format!("{after} …"))))?;
    }
    if let (Some(r), None) = (&item.rejected, done) {
        out.line(&format!(
            "  {}  {}",
            out.paint("35", &format!("note from {}:", r.by)),
            r.note
        ))?;
    }
    for (n, m) in item.matches.iter().enumerate() {
        out.line(&format!(
            "  {} {}  {}",
            out.paint("36", &format!(":{}", n + 1)),
            out.paint("36", &format!("{:>3}%", m.score)),
            m.translation
        ))?;
        if m.score < 100 {
            out.line(&format!("          {source}  {}", out.word_diff(&m.diff)))?;
        }
    }
    Ok(())
}

/// Signs off the translation of `item` as it is, if its English is still the one shown.
fn accept(project: &Project, locale: &str, item: &Item) -> anyhow::Result<()> {
    let actor = super::actor(project)?;
    bitext::translate::accept_for_source(
        project,
        &actor,
        locale,
        &item.slug,
        &item.id,
        &item.source,
    )?;
    Ok(())
}

/// Runs a save, reporting how it went; returns whether it saved.
fn save(
    out: &mut Out,
    saved: &str,
    f: impl FnOnce() -> anyhow::Result<()>,
) -> anyhow::Result<bool> {
    match f() {
        Ok(()) => {
            out.line(&format!("  {}", out.paint("32", saved)))?;
            Ok(true)
        }
        Err(err) => {
            out.line(&format!("  {}: {err:#}", out.paint("31", "not saved")))?;
            Ok(false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_from_the_line() {
        assert_eq!(parse("", ""), Answer::Skip);
        assert_eq!(parse(":s", ""), Answer::Skip);
        assert_eq!(parse(" :b ", ""), Answer::Back);
        assert_eq!(parse(":a", ""), Answer::Accept);
        assert_eq!(parse(":q", ""), Answer::Quit);
        assert_eq!(parse(":2", ""), Answer::Take(2));
        assert_eq!(parse(":0", ""), Answer::Text(":0".into()));
        assert_eq!(
            parse("::q is a smiley", ""),
            Answer::Text(":q is a smiley".into())
        );
        for reflex in [":x", ":wq", ":Q", ":w!", ":q!", ":WQ"] {
            assert_eq!(
                parse(reflex, ""),
                Answer::Unknown(reflex.into()),
                "{reflex}"
            );
            assert_eq!(
                parse(&format!("Президент прибыл. {reflex}"), "Президент прибыл."),
                Answer::Unknown(reflex.into()),
                "{reflex} after the pre-filled text"
            );
        }
        assert_eq!(parse("::wq", ""), Answer::Text(":wq".into()));
        assert_eq!(
            parse("Президент прибыл в Сеул.", ""),
            Answer::Text("Президент прибыл в Сеул.".into())
        );
    }

    #[test]
    fn a_pre_filled_line_accepts_unchanged_and_takes_commands_typed_after_it() {
        let old = "Президент прибыл в Сеул.";
        assert_eq!(parse(old, old), Answer::Accept);
        assert_eq!(parse(&format!("{old}:s"), old), Answer::Skip);
        assert_eq!(parse(&format!("{old} :q"), old), Answer::Quit);
        assert_eq!(
            parse("Президент прибыл в Сеул во вторник.", old),
            Answer::Text("Президент прибыл в Сеул во вторник.".into())
        );
        assert_eq!(parse("", old), Answer::Skip);
    }
}
