//! Exchange with CAT tools and translation platforms: export a locale's segments as XLIFF 2.0,
//! XLIFF 1.2 or gettext PO, and import the translations back, signed off only where the file's
//! English is the English they are for.
//!
//! The formats live in `xliff.rs` and `po.rs`; this module holds what they share: the units that
//! go out ([`collect`]), the units that come back ([`Incoming`]), and the import plan, which checks
//! every unit of a file against the project before a single target file is written. A unit's
//! translator's comment travels with it and comes back through the same plan (`decide_note`),
//! written by the same save as the translations.

pub mod po;
pub mod xliff;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::actor::Actor;
use crate::article_files::{ArticleFiles, LocaleFile, Writer};
use crate::check::{Check, Checker, Level};
use crate::error::{Error, Result};
use crate::history::History;
use crate::project::{check_slug, Project};
use crate::state::{SignOff, State, Verdict};
use crate::store::escape::{self, Piece};
use crate::store::ftl;
use crate::store::journal::Journal;
use crate::store::lock::ProjectLock;
use crate::store::target::{value_hash, Translation, Update};
use crate::tm::{Match, Memory};

/// The largest file `import` reads (256 MiB); a larger one is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How many translation-memory matches an exported unit carries at most.
pub const EXPORT_MATCHES: usize = 3;

/// The exchange formats, named in JSON as `export --format` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    /// OASIS XLIFF 2.0.
    #[serde(rename = "xliff")]
    Xliff2,
    /// OASIS XLIFF 1.2.
    #[serde(rename = "xliff12")]
    Xliff12,
    /// GNU gettext PO.
    #[serde(rename = "po")]
    Po,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Xliff2 => "XLIFF 2.0",
            Format::Xliff12 => "XLIFF 1.2",
            Format::Po => "PO",
        }
    }
}

/// One segment as it goes out: its place, its English, its translation and state.
#[derive(Debug, Clone)]
pub struct Unit {
    pub slug: String,
    pub id: String,
    /// The current English.
    pub source: String,
    /// The translation in the target file, if there is one.
    pub target: Option<Vec<Piece>>,
    pub state: State,
    /// For a stale translation: the English it was signed off against.
    pub previous: Option<String>,
    /// For a missing or stale segment: the best translation-memory matches, best first.
    pub matches: Vec<Match>,
    /// Who signed the translation off (a handle of `[people]`, or a user name), when recorded.
    pub translator: Option<String>,
    /// A reviewer's rejection: the reviewer and the note, which go out with the segment.
    pub rejected: Option<(String, String)>,
    /// The translator's own comment above the message in the target file (the lines that are
    /// not bitext's, joined with `\n`; see [`crate::store::target::note_of`]), or under the
    /// "missing" line of a segment without a translation.
    pub comment: Option<String>,
    /// Whether the unit goes out as context only: a segment that needs no work, beside ones that
    /// do in the same article (locked in XLIFF, quoted in its neighbours' comments in PO).
    pub context: bool,
}

impl Unit {
    /// What the file records of the translation it was exported with, so that import can tell a
    /// translation left as it was from one changed in the file: the fingerprint of the
    /// translation, or `-` when there was none.
    pub fn exported(&self) -> String {
        self.target
            .as_deref()
            .map_or_else(|| NO_TARGET.to_string(), value_hash)
    }

    /// What the file records of the translator's comment it was exported with, when there was
    /// one: its fingerprint, so that import can tell a comment left as it was from one edited or
    /// removed in the file. No record: the unit went out without a comment.
    pub fn exported_comment(&self) -> Option<String> {
        self.comment.as_deref().map(note_hash)
    }
}

/// The fingerprint of a translator's comment, as [`Unit::exported_comment`] records it.
pub fn note_hash(comment: &str) -> String {
    crate::fingerprint::short(comment)
}

/// What [`Unit::exported`] records for a unit exported without a translation.
pub const NO_TARGET: &str = "-";

/// What an export writes: one locale's units of some articles, in article and document order.
#[derive(Debug, Clone)]
pub struct Export {
    pub source_locale: String,
    pub target_locale: String,
    /// The date of the newest source revision among the articles (RFC 3339), so that the same
    /// project always gives the same file.
    pub date: String,
    pub units: Vec<Unit>,
    /// The person who signed off the newest translation among the units, as PO's
    /// `Last-Translator` names one: `Name <email>`, or the handle when `[people]` has no name.
    pub last_translator: Option<String>,
}

/// The units of `slugs` (synced articles) in `locale`, with translation-memory matches for the
/// missing and stale ones when a `memory` is given.
pub fn collect(
    project: &Project,
    locale: &str,
    slugs: &[String],
    memory: Option<&Memory>,
) -> Result<Export> {
    let articles = slugs
        .par_iter()
        .map(|slug| article_units(project, locale, slug, memory))
        .collect::<Result<Vec<_>>>()?;
    let mut date = String::new();
    let mut units = Vec::new();
    // The newest sign-off: its date, then its person.
    let mut newest: Option<Signed> = None;
    for (article_date, article_units, article_newest) in articles {
        date = date.max(article_date);
        units.extend(article_units);
        newest = newest.max(article_newest);
    }
    Ok(Export {
        source_locale: project.config.source.clone(),
        target_locale: locale.to_string(),
        date,
        units,
        last_translator: newest.map(|(_, by)| person_line(project, &by)),
    })
}

/// A person as PO's `Last-Translator` names one: `Name <email>`, as far as `[people]` says.
pub fn person_line(project: &Project, handle: &str) -> String {
    match project.config.people.get(handle) {
        Some(person) => match (&person.name, &person.email) {
            (Some(name), Some(email)) => format!("{name} <{email}>"),
            (Some(name), None) => name.clone(),
            (None, Some(email)) => format!("{handle} <{email}>"),
            (None, None) => handle.to_string(),
        },
        None => handle.to_string(),
    }
}

/// The handle of the person a file's translator names (`Name <email>`, a name, an email or a
/// handle), when `[people]` knows them; otherwise the name as the file gives it.
pub fn person_handle(project: &Project, named: &str) -> String {
    let named = named.trim();
    let (name, email) = match named.split_once('<') {
        Some((name, rest)) => (name.trim(), rest.trim_end_matches('>').trim()),
        None => (named, named),
    };
    project
        .config
        .people
        .iter()
        .find(|(handle, person)| {
            *handle == named
                || person
                    .email
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(email))
                || person.name.as_deref() == Some(name)
        })
        .map_or_else(|| named.to_string(), |(handle, _)| handle.clone())
}

/// When a translation was signed off (RFC 3339) and by whom.
type Signed = (String, String);

fn article_units(
    project: &Project,
    locale: &str,
    slug: &str,
    memory: Option<&Memory>,
) -> Result<(String, Vec<Unit>, Option<Signed>)> {
    let mut files = ArticleFiles::read(project, slug, &[locale.to_string()])?.synced()?;
    files.read_journals()?;
    let history = files.history();
    let mut units = Vec::new();
    let mut newest: Option<Signed> = None;
    if let Some(file) = files.locale(locale) {
        let mut comments = file.target().comments(&project.config.source);
        for (id, english) in history.current() {
            let t = file.translation(id);
            let state = file.state(history, id);
            let previous = match state {
                State::Stale { signed, .. } => history
                    .text_at(id, signed)
                    .filter(|old| *old != english)
                    .map(str::to_string),
                _ => None,
            };
            let matches = match (memory, state) {
                (Some(memory), State::Missing | State::Stale { .. }) => {
                    memory.lookup_excluding(english, EXPORT_MATCHES, Some((slug, id)))
                }
                _ => Vec::new(),
            };
            let translator = t.as_ref().and_then(|t| t.signoff.as_ref()?.by.clone());
            let rejected = match t.as_ref().and_then(|t| t.verdict.as_ref()) {
                Some(Verdict::Rejected { by, note }) => Some((by.clone(), note.clone())),
                _ => None,
            };
            if let Some(signed) = file.journal().and_then(|j| j.latest(id)) {
                if let (Some(date), Some(by)) = (&signed.date, &signed.by) {
                    newest = newest.max(Some((date.clone(), by.clone())));
                }
            }
            units.push(Unit {
                slug: slug.to_string(),
                id: id.to_string(),
                source: english.to_string(),
                target: t.map(|t| t.pieces.to_vec()),
                state,
                previous,
                matches,
                translator,
                rejected,
                comment: comments.remove(id),
                context: false,
            });
        }
    }
    let date = history.latest().map(|r| r.date.clone()).unwrap_or_default();
    Ok((date, units, newest))
}

/// Writes `export` in `format`.
pub fn render(export: &Export, format: Format) -> Result<String> {
    match format {
        Format::Xliff2 => xliff::write2(export),
        Format::Xliff12 => xliff::write12(export),
        Format::Po => Ok(po::write(export)),
    }
}

/// A file read back: its locales and units, each with where it is in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub format: Format,
    /// The source locale the file names, and where.
    pub source_locale: Option<(String, usize)>,
    /// The target locale the file names, and where.
    pub target_locale: (String, usize),
    /// The translator the file names (PO `Last-Translator`), if any.
    pub translator: Option<String>,
    pub units: Vec<IncomingUnit>,
}

/// One unit read back from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingUnit {
    /// The article, and the byte offset of the text that names it.
    pub slug: (String, usize),
    pub id: String,
    /// The English in the file.
    pub source: String,
    /// The translation; `None` when the unit has none or an empty one.
    pub target: Option<Vec<Piece>>,
    /// Whether the translator marked the translation done (XLIFF state translated, reviewed or
    /// final; a PO entry without `fuzzy`).
    pub done: bool,
    /// Byte offset of the unit in the file.
    pub offset: usize,
    /// What bitext recorded of the translation when it exported the file ([`Unit::exported`]);
    /// none in a file bitext did not write.
    pub exported: Option<String>,
    /// The translator's comment in the file (PO `# ` lines, an XLIFF translator note),
    /// normalised ([`crate::store::target::normalize_comment`]); none when the unit has none.
    pub comment: Option<String>,
    /// What bitext recorded of the comment it exported the unit with
    /// ([`Unit::exported_comment`]); none when it went out without one, or bitext did not write
    /// the file.
    pub exported_comment: Option<String>,
}

/// Reads an exchange file's text, in whichever of the three formats it is.
pub fn parse(path: &Path, text: &str) -> Result<Incoming> {
    match detect(text) {
        Some(Format::Po) => po::parse(path, text),
        Some(_) => xliff::parse(path, text),
        None => Err(Error::at_offset(
            path,
            text,
            0,
            "not an XLIFF or PO file (XLIFF starts with `<`, PO has msgid and msgstr lines)",
        )),
    }
}

/// The format of a file, judged from its first characters: XML is XLIFF (its version is read
/// from the root element), a file of `#` comments and `msg…` keywords is PO.
pub fn detect(text: &str) -> Option<Format> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('<') {
        return Some(Format::Xliff2);
    }
    let first = start.lines().find(|l| !l.starts_with('#'))?;
    (first.starts_with("msgid") || first.starts_with("msgctxt")).then_some(Format::Po)
}

/// A Fluent expression written as an inline code (`{ -brand }`), checked: it must be exactly one
/// placeable that Fluent parses, so that nothing else (a line break and a new message, say) can
/// ride into a target file with it. Returns its canonical source.
pub fn checked_expression(code: &str) -> Option<String> {
    let code = code.trim();
    if !code.starts_with('{') || !code.ends_with('}') || code.contains('\n') && !code.contains("->")
    {
        return None;
    }
    let source = format!("x = {code}\n");
    let file = ftl::parse(&source);
    if file.errors().count() > 0 || file.entries.len() != 1 {
        return None;
    }
    let message = file.messages().next()?;
    match message.value() {
        Some([Piece::Expr(e)]) if !message.source.contains("\n.") => Some(e.clone()),
        _ => None,
    }
}

/// Pieces with adjacent text joined and empty text dropped, as the Fluent store reads them back.
pub fn normalize(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (out.last_mut(), piece) {
            (_, Piece::Text(t)) if t.is_empty() => {}
            (Some(Piece::Text(last)), Piece::Text(t)) => last.push_str(&t),
            (_, piece) => out.push(piece),
        }
    }
    out
}

/// What import does with one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Written and signed off against the current English.
    Current,
    /// Written and signed off against the older English it was made for: the source changed
    /// since the export.
    Stale,
    /// Written without a sign-off of its own: the translator did not mark it done.
    Draft,
    /// Written without a sign-off of its own: the file's English is not the segment's English
    /// in any revision, so what the translation was made for is unknown.
    Unmatched,
}

/// One unit that import writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Written {
    pub slug: String,
    pub id: String,
    pub action: Action,
    /// The revision it is signed off against (for current and stale).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
}

/// What an import did, or would do.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub format: Format,
    pub locale: String,
    pub written: Vec<Written>,
    /// Units whose translation and sign-off the project already has.
    pub unchanged: usize,
    /// Units with no translation in the file.
    pub untranslated: usize,
    /// Units whose translation was changed both in the file and in the project since the
    /// export: not imported, so that neither is lost without a person choosing.
    pub conflicts: Vec<Conflict>,
    /// The translators' comments written into the target files (new, edited or removed).
    pub notes: Vec<Note>,
    /// Units whose translator's comment was changed both in the file and in the project since
    /// the export: the project keeps its comment.
    pub note_conflicts: Vec<Conflict>,
    /// What the checks of `bitext check` found in the translations written (or refused).
    pub findings: Vec<SaveFinding>,
    /// Units not written because a check found an error in them, with `--strict`.
    pub refused: Vec<Conflict>,
}

/// A check's finding in a translation an import writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaveFinding {
    pub slug: String,
    pub id: String,
    pub check: Check,
    pub level: Level,
    pub message: String,
}

/// How an import treats what the file and the project disagree on.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Take the file's translation where the project's changed too.
    pub theirs: bool,
    /// Write no translation that a check finds an error in.
    pub strict: bool,
}

/// A translator's comment that import writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub slug: String,
    pub id: String,
    pub change: NoteChange,
}

/// What import does with a translator's comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteChange {
    /// The file's comment is written above the message, in place of the one there was.
    Written,
    /// The comment was removed in the file, and so is removed above the message.
    Removed,
}

/// A unit changed both in the file and in the project since the export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub slug: String,
    pub id: String,
}

/// Imports the exchange file at `path`: checks every unit against the project, then writes the
/// translations through the one write path for target files, under the project lock. Nothing is
/// written when anything in the file is wrong.
pub fn import(project: &Project, actor: &Actor, path: &Path, options: Options) -> Result<Report> {
    let text = read_capped(path)?;
    let incoming = parse(path, &text)?;
    let lock = ProjectLock::acquire(&project.root)?;
    let (report, writers) = plan(&lock, project, actor, path, &text, &incoming, options)?;
    for writer in writers.into_values() {
        if writer.has_updates() {
            writer.save()?;
        }
    }
    Ok(report)
}

/// `text` with every run of white space as one space, and none at either end.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the journal signed `older` off for segment `id` and later `newer`: the translation
/// `older` was replaced by `newer` in the project.
fn superseded(journal: &Journal, id: &str, older: &str, newer: &str) -> bool {
    let signoffs: Vec<&str> = journal.signoffs(id).map(|e| e.text.as_str()).collect();
    match (
        signoffs.iter().rposition(|t| *t == older),
        signoffs.iter().rposition(|t| *t == newer),
    ) {
        (Some(old), Some(new)) => old < new,
        _ => false,
    }
}

/// Checks `incoming` against the project and reports what an import would do, writing nothing.
pub fn dry_run(project: &Project, actor: &Actor, path: &Path, options: Options) -> Result<Report> {
    let text = read_capped(path)?;
    let incoming = parse(path, &text)?;
    let lock = ProjectLock::acquire(&project.root)?;
    Ok(plan(&lock, project, actor, path, &text, &incoming, options)?.0)
}

/// Reads an exchange file as UTF-8 text, refusing one larger than [`MAX_FILE_BYTES`] before
/// reading it.
pub fn read_capped(path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::file(path, "not a file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::file(
            path,
            format!(
                "the file is {} MiB, larger than the {} MiB an exchange file may be",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(crate::store::read_text(path)?.text)
}

/// Checks every unit of `incoming` against the project and works out the updates: one writer per
/// article, holding them.
fn plan<'p>(
    lock: &'p ProjectLock,
    project: &'p Project,
    actor: &Actor,
    path: &Path,
    text: &str,
    incoming: &Incoming,
    options: Options,
) -> Result<(Report, BTreeMap<String, Writer<'p>>)> {
    let theirs = options.theirs;
    let at = |offset: usize, message: String| Error::at_offset(path, text, offset, message);
    let locale = check_locales(project, incoming).map_err(|(offset, m)| at(offset, m))?;
    actor.may_translate(project, &locale)?;
    let (checker, _) = Checker::new(project, std::slice::from_ref(&locale))?;
    let known = project.synced_slugs()?;
    let mut writers: BTreeMap<String, Writer> = BTreeMap::new();
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let mut report = Report::nothing_yet(incoming.format, locale.clone());
    // A file in which no unit has a comment comes from a tool that does not keep them: its
    // silence removes no comment.
    let keeps_comments = incoming.units.iter().any(|u| u.comment.is_some());
    // The translators' comments of each article's target file, as they are before the import.
    let mut comments: HashMap<String, HashMap<String, String>> = HashMap::new();
    for unit in &incoming.units {
        let slug = &unit.slug.0;
        check_unit(unit, &known, &mut seen, &at)?;
        if !writers.contains_key(slug) {
            let (writer, of_file) = open_article(lock, project, slug, &locale)?;
            comments.insert(slug.clone(), of_file);
            writers.insert(slug.clone(), writer);
        }
        let Some(writer) = writers.get_mut(slug) else {
            continue;
        };
        let history = writer.history();
        if history.text_at(&unit.id, history.number()).is_none() {
            return Err(at(
                unit.offset,
                format!(
                    "{slug} has no segment {} (ids name segments of the article the unit is in)",
                    unit.id
                ),
            ));
        }
        let Some(file) = writer.locale(&locale) else {
            continue;
        };
        let had_message = file.translation(&unit.id).is_some();
        let comment = comments
            .get(slug.as_str())
            .and_then(|c| c.get(&unit.id))
            .map(String::as_str);
        let note = decide_note(unit, comment, keeps_comments, theirs);
        let mut wrote = false;
        match decide(unit, history, file, actor, theirs) {
            Decision::Untranslated => report.untranslated += 1,
            Decision::Unchanged => report.unchanged += 1,
            Decision::Conflict => report.conflicts.push(Conflict {
                slug: slug.clone(),
                id: unit.id.clone(),
            }),
            Decision::Write(update, action) => {
                let findings = findings_on_save(&checker, &locale, history, &unit.id, &update);
                let error = findings.iter().any(|(_, level, _)| *level == Level::Error);
                report.found(slug, &unit.id, findings);
                if error && options.strict {
                    report.refused.push(Conflict {
                        slug: slug.clone(),
                        id: unit.id.clone(),
                    });
                    continue;
                }
                report.written.push(Written {
                    slug: slug.clone(),
                    id: unit.id.clone(),
                    action,
                    revision: match (&update, action) {
                        (Update::Set(_, Some(s)), Action::Current | Action::Stale) => {
                            Some(s.revision)
                        }
                        _ => None,
                    },
                });
                let signed = matches!(update, Update::Set(_, Some(_)));
                writer.update(&locale, &unit.id, update)?;
                wrote = true;
                // The file's own translator, kept beside the person who imported it.
                let named = incoming
                    .translator
                    .as_deref()
                    .map(|t| person_handle(project, t));
                if let Some(named) = named.filter(|n| signed && *n != actor.handle) {
                    writer.credit(&locale, &unit.id, &named);
                }
            }
        }
        apply_note(
            writer,
            &locale,
            unit,
            note,
            comment,
            wrote && !had_message,
            &mut report,
        )?;
    }
    Ok((report, writers))
}

/// Refuses a unit of an article the project does not have, or that the file has twice.
fn check_unit<'u>(
    unit: &'u IncomingUnit,
    known: &[String],
    seen: &mut HashSet<(&'u str, &'u str)>,
    at: &dyn Fn(usize, String) -> Error,
) -> Result<()> {
    let (slug, slug_offset) = (&unit.slug.0, unit.slug.1);
    check_slug(slug).map_err(|why| at(slug_offset, format!("bad article \"{slug}\": {why}")))?;
    if known.binary_search(slug).is_err() {
        return Err(at(
            slug_offset,
            format!("unknown article {slug}: it is not in this project (or was never synced)"),
        ));
    }
    if !seen.insert((slug.as_str(), unit.id.as_str())) {
        return Err(at(
            unit.offset,
            format!("{slug} {} appears twice in the file", unit.id),
        ));
    }
    Ok(())
}

/// What the checks find in a translation about to be written: a translation signed off against
/// older English is checked against that English, which it was made for.
fn findings_on_save(
    checker: &Checker,
    locale: &str,
    history: &History,
    id: &str,
    update: &Update,
) -> Vec<(Check, Level, String)> {
    let Update::Set(pieces, signoff) = update else {
        return Vec::new();
    };
    let revision = signoff.as_ref().map_or(history.number(), |s| s.revision);
    match history
        .text_at(id, revision)
        .or_else(|| history.text_at(id, history.number()))
    {
        Some(english) => checker.translation(locale, english, pieces),
        None => Vec::new(),
    }
}

impl Report {
    /// Adds the checks' findings in the translation of `slug` `id`.
    fn found(&mut self, slug: &str, id: &str, findings: Vec<(Check, Level, String)>) {
        let findings = findings
            .into_iter()
            .map(|(check, level, message)| SaveFinding {
                slug: slug.to_string(),
                id: id.to_string(),
                check,
                level,
                message,
            });
        self.findings.extend(findings);
    }

    /// The report of an import of `locale` from a file in `format`, before any unit.
    fn nothing_yet(format: Format, locale: String) -> Report {
        Report {
            format,
            locale,
            written: Vec::new(),
            unchanged: 0,
            untranslated: 0,
            conflicts: Vec::new(),
            notes: Vec::new(),
            note_conflicts: Vec::new(),
            findings: Vec::new(),
            refused: Vec::new(),
        }
    }
}

/// Opens an article for an import under the lock, with its target file and journal of `locale`
/// and the translators' comments of that file (id → comment) as they are before the import.
fn open_article<'p>(
    lock: &'p ProjectLock,
    project: &'p Project,
    slug: &str,
    locale: &str,
) -> Result<(Writer<'p>, HashMap<String, String>)> {
    let mut writer = ArticleFiles::open_for_writing(lock, project, slug)?.synced()?;
    writer.read_targets(&[locale.to_string()])?;
    writer.read_journals()?;
    let comments = writer
        .locale(locale)
        .map(|file| {
            let notes = file.target().comments(&project.config.source);
            notes
                .into_iter()
                .map(|(id, note)| (id.to_string(), note))
                .collect()
        })
        .unwrap_or_default();
    Ok((writer, comments))
}

/// Carries out the decision on a unit's translator's comment (`comment`: the project's before the
/// import), reporting it; `moved` when a translation was written where the segment was missing,
/// so that the comment under its "missing" line goes above the new message and stays the
/// segment's.
fn apply_note(
    writer: &mut Writer,
    locale: &str,
    unit: &IncomingUnit,
    note: NoteDecision,
    comment: Option<&str>,
    moved: bool,
    report: &mut Report,
) -> Result<()> {
    let kept = match note {
        NoteDecision::Keep => comment,
        NoteDecision::Conflict => {
            report.note_conflicts.push(Conflict {
                slug: unit.slug.0.clone(),
                id: unit.id.clone(),
            });
            comment
        }
        NoteDecision::Write(new) => {
            report.notes.push(Note {
                slug: unit.slug.0.clone(),
                id: unit.id.clone(),
                change: if new.is_empty() {
                    NoteChange::Removed
                } else {
                    NoteChange::Written
                },
            });
            writer.set_note(locale, &unit.id, &new)?;
            None
        }
    };
    // A translation written where the segment was missing: the comment under its "missing"
    // line goes above the new message, so that it stays the segment's.
    if let Some(kept) = kept.filter(|_| moved) {
        writer.set_note(locale, &unit.id, kept)?;
    }
    Ok(())
}

/// What import does with a unit's translator's comment.
#[derive(Debug, Clone, PartialEq, Eq)]
enum NoteDecision {
    /// The project's comment stays.
    Keep,
    /// Changed both in the file and in the project since the export: the project's stays.
    Conflict,
    /// The file's comment replaces the project's (empty: removed).
    Write(String),
}

/// Decides what to do with the translator's comment of `unit`, given the comment above its
/// message in the project (`project`). The file is the translator's latest word on it, with
/// three cautions:
///
/// - a unit without bitext's record of its export (another tool's file) only ever brings a
///   comment: that the file has none says nothing, and removes nothing;
/// - a unit bitext exported records the comment it went out with, so a comment left as it was
///   in the file changes nothing (the project's may be newer), and a comment changed both in
///   the file and in the project since is a conflict (the project's stays, unless `theirs`);
/// - a comment removed in the file is removed only when the file has at least one comment: a
///   file with none at all comes from a tool that does not keep them.
fn decide_note(
    unit: &IncomingUnit,
    project: Option<&str>,
    keeps_comments: bool,
    theirs: bool,
) -> NoteDecision {
    let file = unit
        .comment
        .as_deref()
        .map(crate::store::target::normalize_comment)
        .filter(|c| !c.is_empty());
    if file.as_deref() == project {
        return NoteDecision::Keep;
    }
    if unit.exported.is_none() {
        return match file {
            Some(file) => NoteDecision::Write(file),
            None => NoteDecision::Keep,
        };
    }
    let exported = unit.exported_comment.as_deref();
    let file_changed = file.as_deref().map(note_hash).as_deref() != exported;
    let project_changed = project.map(note_hash).as_deref() != exported;
    if !file_changed || (file.is_none() && !keeps_comments) {
        return NoteDecision::Keep;
    }
    if project_changed && !theirs {
        return NoteDecision::Conflict;
    }
    NoteDecision::Write(file.unwrap_or_default())
}

/// The project's target locale that the file names, after checking that its source locale is
/// the project's; or where the file is wrong, and why.
fn check_locales(project: &Project, incoming: &Incoming) -> Result<String, (usize, String)> {
    let (locale, locale_offset) = &incoming.target_locale;
    // CAT tools write region codes (`ru-RU`): the project's locale of that language, when the
    // project has exactly one.
    let locale = project.target(locale).or_else(|e| {
        let language = |code: &str| code.split(['-', '_']).next().unwrap_or("").to_lowercase();
        let wanted = language(locale);
        let mut same = project
            .config
            .targets
            .iter()
            .filter(|t| language(t) == wanted);
        match (same.next(), same.next()) {
            (Some(only), None) => Ok(only.clone()),
            _ => Err((*locale_offset, e.to_string())),
        }
    })?;
    if let Some((source, offset)) = &incoming.source_locale {
        let canonical = crate::project::canonical_locale(source).unwrap_or_default();
        let language = |code: &str| code.split('-').next().unwrap_or("").to_string();
        let same_language = language(&canonical) == language(&project.config.source)
            && !project
                .config
                .targets
                .iter()
                .any(|t| language(t) == language(&canonical));
        if canonical != project.config.source && !same_language {
            return Err((
                *offset,
                format!(
                    "the file's source language is {source}, the project's is {}",
                    project.config.source
                ),
            ));
        }
    }
    Ok(locale)
}

/// What import does with one unit.
enum Decision {
    /// The file has no translation.
    Untranslated,
    /// The project has this translation and sign-off already, or a newer one.
    Unchanged,
    /// Changed both in the file and in the project since the export.
    Conflict,
    Write(Update, Action),
}

/// Decides what to do with `unit` of a file, given the article's history and its target file:
/// a pure function of the two.
fn decide(
    unit: &IncomingUnit,
    history: &History,
    file: &LocaleFile,
    actor: &Actor,
    theirs: bool,
) -> Decision {
    let Some(segment) = history.segment(&unit.id) else {
        return Decision::Untranslated;
    };
    let now = history.number();
    let english = segment.text_at(now).unwrap_or_default();
    // The revision whose English the translation is for: none when the file's English was
    // never the segment's (a tool or a person changed it), and then nothing is signed off.
    // CAT tools normalise white space (a doubled space becomes one): the English is compared
    // with its white space collapsed.
    let file_english = collapse_spaces(&unit.source);
    let revision = if file_english == collapse_spaces(english) {
        Some(now)
    } else {
        // The last revision in which the segment still had the file's English.
        let events: Vec<_> = segment.events().collect();
        events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.text.map(collapse_spaces).as_deref() == Some(file_english.as_str()))
            .map(|(i, _)| events.get(i + 1).map_or(now, |next| next.revision - 1))
            .next_back()
    };
    let Some(pieces) = unit
        .target
        .as_ref()
        .filter(|p| !crate::store::target::is_blank(p))
    else {
        return Decision::Untranslated;
    };
    let existing = file.translation(&unit.id);
    let same_text = existing
        .as_ref()
        .is_some_and(|t| t.pieces == pieces.as_slice());
    // What changed since the export, when the file says what it was exported with.
    if let Some(exported) = &unit.exported {
        let now_in_project = existing
            .as_ref()
            .map_or_else(|| NO_TARGET.to_string(), Translation::hash);
        let project_changed = now_in_project != *exported;
        let file_changed = value_hash(pieces) != *exported;
        if project_changed && !file_changed && !theirs {
            // Left as it was in the file, rewritten in the project since: the project's
            // translation is the newer one.
            return Decision::Unchanged;
        }
        if project_changed && file_changed && !same_text && !theirs {
            return Decision::Conflict;
        }
    }
    // The file's translation is one the project signed off before the one it has now: the file
    // is older than the project, whatever it says of itself (msgmerge copies markers from one
    // file to another), and taking it would undo newer work.
    if let (Some(now), Some(journal)) = (&existing, file.journal()) {
        if !theirs
            && !same_text
            && superseded(journal, &unit.id, &escape::display(pieces), &now.text())
        {
            return Decision::Conflict;
        }
    }
    let old_signoff = existing.as_ref().and_then(|t| t.signoff.clone());
    if let (true, Some(revision)) = (unit.done, revision) {
        let signed_english = segment.text_at(revision).unwrap_or(&unit.source);
        let signoff = SignOff::new(
            revision,
            value_hash(pieces),
            signed_english,
            Some(&actor.handle),
        );
        // The same text, signed off against this English or a later revision: a file made
        // before a newer sign-off never takes it back.
        let already = same_text
            && old_signoff.as_ref().is_some_and(|s| {
                s.hash == signoff.hash
                    && (s.source == signoff.source
                        || s.revision >= signoff.revision
                        || segment.text_at(s.revision) == segment.text_at(revision))
            });
        if already {
            return Decision::Unchanged;
        }
        let action = if revision == now {
            Action::Current
        } else {
            Action::Stale
        };
        return Decision::Write(Update::Set(pieces.clone(), Some(signoff)), action);
    }
    if same_text {
        return Decision::Unchanged;
    }
    // A draft keeps a stale translation's old sign-off (it stays stale), and has none
    // otherwise (it is unreviewed): an edit not marked done never becomes current.
    let keep = match file.state(history, &unit.id) {
        State::Stale { .. } => old_signoff,
        _ => None,
    };
    let action = if revision.is_some() {
        Action::Draft
    } else {
        Action::Unmatched
    };
    Decision::Write(Update::Set(pieces.clone(), keep), action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inline_code_must_be_one_fluent_placeable() {
        assert_eq!(
            checked_expression("{ -brand }").as_deref(),
            Some("{ -brand }")
        );
        assert_eq!(checked_expression("{$n}").as_deref(), Some("{ $n }"));
        assert!(checked_expression("{ -brand }\nevil = x").is_none());
        assert!(checked_expression("-brand").is_none());
        assert!(checked_expression("{ -brand } and text").is_none());
        assert!(checked_expression("{").is_none());
    }

    #[test]
    fn pieces_are_joined_as_the_store_reads_them() {
        let pieces = vec![
            Piece::Text("a".into()),
            Piece::Text(String::new()),
            Piece::Text("b".into()),
            Piece::Expr("{ $x }".into()),
        ];
        assert_eq!(
            normalize(pieces),
            vec![Piece::Text("ab".into()), Piece::Expr("{ $x }".into())]
        );
    }

    /// A unit with `comment`, exported by bitext with `exported` as its comment (`Some(None)`: with
    /// none), or not exported by bitext (`None`).
    fn noted(comment: Option<&str>, exported: Option<Option<&str>>) -> IncomingUnit {
        IncomingUnit {
            slug: ("a".into(), 0),
            id: "s-1".into(),
            source: "Hi.".into(),
            target: None,
            done: false,
            offset: 0,
            exported: exported.map(|_| NO_TARGET.to_string()),
            comment: comment.map(str::to_string),
            exported_comment: exported.flatten().map(note_hash),
        }
    }

    #[test]
    fn a_comment_is_taken_from_the_file_only_when_the_file_changed_it() {
        use NoteDecision::{Conflict, Keep, Write};
        let decide =
            |unit: &IncomingUnit, project: Option<&str>| decide_note(unit, project, true, false);
        let write = |s: &str| Write(s.to_string());
        // Another tool's file: a comment comes in, no comment removes nothing.
        assert_eq!(decide(&noted(Some("new"), None), Some("old")), write("new"));
        assert_eq!(decide(&noted(None, None), Some("old")), Keep);
        // bitext's file: edited, added, removed in the file while the project kept its own.
        assert_eq!(
            decide(&noted(Some("new"), Some(Some("old"))), Some("old")),
            write("new")
        );
        assert_eq!(decide(&noted(Some("new"), Some(None)), None), write("new"));
        assert_eq!(
            decide(&noted(None, Some(Some("old"))), Some("old")),
            write("")
        );
        // Left as it went out: the project's comment stands, whatever it is now.
        assert_eq!(
            decide(&noted(Some("old"), Some(Some("old"))), Some("newer")),
            Keep
        );
        assert_eq!(decide(&noted(None, Some(None)), Some("newer")), Keep);
        // Changed on both sides: the project's stays, unless the person takes the file's.
        assert_eq!(
            decide(&noted(Some("file"), Some(Some("old"))), Some("project")),
            Conflict
        );
        assert_eq!(
            decide_note(
                &noted(Some("file"), Some(Some("old"))),
                Some("project"),
                true,
                true
            ),
            write("file")
        );
        // The same on both sides, after normalisation: nothing to do.
        assert_eq!(
            decide(&noted(Some("same\r\n"), Some(Some("old"))), Some("same")),
            Keep
        );
        // A file with no comment at all comes from a tool that keeps none: nothing is removed.
        assert_eq!(
            decide_note(&noted(None, Some(Some("old"))), Some("old"), false, false),
            Keep
        );
    }

    #[test]
    fn the_format_is_told_by_the_first_characters() {
        assert_eq!(
            detect("<?xml version=\"1.0\"?><xliff/>"),
            Some(Format::Xliff2)
        );
        assert_eq!(detect("# c\nmsgid \"\"\nmsgstr \"\"\n"), Some(Format::Po));
        assert_eq!(detect("hello"), None);
    }
}
