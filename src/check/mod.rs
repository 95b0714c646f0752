//! `bitext check`: the mechanical mistakes of news translation, found before publishing.
//!
//! Each check is a pure function in its own module, from a source segment and its translation
//! (and the locale) to what is wrong; this module runs them over a project's files, applies the
//! levels set in `bitext.toml` and the exceptions written next to a message
//! (`# bitext-ignore: numbers identical`), and returns findings as data.

pub mod glossary;
pub mod markdown;
pub mod numbers;
pub mod placeables;
pub mod quotes;
pub mod script;
pub mod text;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::article_files::{ArticleFiles, LocaleFile};
use crate::error::{line_column, Error, Result};
use crate::project::{Project, CONFIG_FILE};
use crate::store::escape::Piece;
use crate::store::{ftl, read_text_if_exists};

use glossary::Glossary;

/// Every check, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    Syntax,
    DuplicateId,
    UndefinedReference,
    Placeables,
    Markdown,
    Numbers,
    Identical,
    Empty,
    Whitespace,
    Quotes,
    MixedScript,
    Glossary,
    Conflict,
    UnknownId,
}

impl Check {
    pub const ALL: [Check; 14] = [
        Check::Syntax,
        Check::DuplicateId,
        Check::UndefinedReference,
        Check::Placeables,
        Check::Markdown,
        Check::Numbers,
        Check::Identical,
        Check::Empty,
        Check::Whitespace,
        Check::Quotes,
        Check::MixedScript,
        Check::Glossary,
        Check::Conflict,
        Check::UnknownId,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Check::Syntax => "syntax",
            Check::DuplicateId => "duplicate-id",
            Check::UndefinedReference => "undefined-reference",
            Check::Placeables => "placeables",
            Check::Markdown => "markdown",
            Check::Numbers => "numbers",
            Check::Identical => "identical",
            Check::Empty => "empty",
            Check::Whitespace => "whitespace",
            Check::Quotes => "quotes",
            Check::MixedScript => "mixed-script",
            Check::Glossary => "glossary",
            Check::Conflict => "conflict",
            Check::UnknownId => "unknown-id",
        }
    }

    pub fn from_name(name: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The level a check has unless `bitext.toml` says otherwise.
    pub fn default_level(self) -> Level {
        match self {
            Check::Identical | Check::Whitespace | Check::Quotes | Check::Glossary => {
                Level::Warning
            }
            _ => Level::Error,
        }
    }
}

/// How much a finding matters: errors make `bitext check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Warning,
    Error,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// The check levels of a project, from the `[check]` table of `bitext.toml`:
///
/// ```toml
/// [check]
/// identical = "off"        # for every locale
/// quotes = "error"
/// [check.ko]
/// whitespace = "off"       # for Korean only
/// ```
#[derive(Debug, Clone, Default)]
pub struct Settings {
    project: HashMap<Check, Level>,
    locales: HashMap<String, HashMap<Check, Level>>,
}

impl Settings {
    /// Reads the `[check]` table; `targets` are the project's target locales.
    pub fn parse(table: &toml::Table, targets: &[String]) -> Result<Settings> {
        let path = Path::new(CONFIG_FILE);
        let level = |key: &str, value: &toml::Value| -> Result<(Check, Level)> {
            let check = Check::from_name(key).ok_or_else(|| {
                let names: Vec<&str> = Check::ALL.iter().map(|c| c.name()).collect();
                Error::file(
                    path,
                    format!(
                        "[check]: unknown check \"{key}\" (the checks: {})",
                        names.join(", ")
                    ),
                )
            })?;
            let level = match value.as_str() {
                Some("off") => Level::Off,
                Some("warning") => Level::Warning,
                Some("error") => Level::Error,
                _ => {
                    return Err(Error::file(
                        path,
                        format!("[check]: {key} = {value}: use \"off\", \"warning\" or \"error\""),
                    ))
                }
            };
            Ok((check, level))
        };
        let mut settings = Settings::default();
        for (key, value) in table {
            if let Some(locale_table) = value.as_table() {
                let locale = crate::project::canonical_locale(key)
                    .ok()
                    .filter(|l| targets.contains(l))
                    .ok_or_else(|| {
                        Error::file(path, format!("[check.{key}]: not a target locale"))
                    })?;
                let levels = settings.locales.entry(locale).or_default();
                for (key, value) in locale_table {
                    let (check, level) = level(key, value)?;
                    levels.insert(check, level);
                }
            } else {
                let (check, level) = level(key, value)?;
                settings.project.insert(check, level);
            }
        }
        Ok(settings)
    }

    /// The level of `check` in `locale`.
    pub fn level(&self, check: Check, locale: &str) -> Level {
        self.locales
            .get(locale)
            .and_then(|l| l.get(&check))
            .or_else(|| self.project.get(&check))
            .copied()
            .unwrap_or_else(|| check.default_level())
    }
}

/// One problem, where it is and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub slug: String,
    pub locale: String,
    /// The message id, when the finding is about one.
    pub id: Option<String>,
    pub check: Check,
    pub level: Level,
    pub message: String,
}

/// A translated segment and its English, for the checks that look at one pair.
pub struct Pair<'a> {
    pub source: &'a str,
    pub translation: &'a str,
    pub pieces: &'a [Piece],
    pub locale: &'a str,
}

/// Runs every check that looks at one segment and its translation; the findings come back as
/// (check, explanation).
pub fn check_pair(pair: &Pair, glossary: &Glossary) -> Vec<(Check, String)> {
    let mut out = Vec::new();
    let Pair {
        source,
        translation,
        pieces,
        locale,
    } = *pair;
    if let Some(m) = text::empty(translation) {
        out.push((Check::Empty, m));
        return out;
    }
    if let Some(m) = text::identical(source, translation) {
        out.push((Check::Identical, m));
    }
    if let Some(m) = text::whitespace(source, translation) {
        out.push((Check::Whitespace, m));
    }
    let source_refs = placeables::References::default();
    for m in placeables::extra(&source_refs, &placeables::references(pieces)) {
        out.push((Check::Placeables, m));
    }
    for m in markdown::differences(source, translation) {
        out.push((Check::Markdown, m));
    }
    // What a reader reads, without emphasis markers, link destinations and code.
    let (source_prose, prose) = (markdown::prose(source), markdown::prose(translation));
    let mut reported = HashSet::new();
    for missing in numbers::missing_numbers(&source_prose, &prose, locale) {
        if reported.insert(missing.source.clone()) {
            out.push((
                Check::Numbers,
                format!(
                    "the number {} of the English is not in the translation",
                    missing.source
                ),
            ));
        }
    }
    if let Some(m) = quotes::misplaced(&prose, locale) {
        out.push((Check::Quotes, m));
    }
    if let Some(m) = script::mixed(&prose, locale) {
        out.push((Check::MixedScript, m));
    }
    for term in glossary::missing_terms(&source_prose, &prose, locale, glossary) {
        out.push((
            Check::Glossary,
            format!(
                "\"{}\" should be \"{}\" (glossary term -{})",
                term.source, term.expected, term.term
            ),
        ));
    }
    out
}

/// The checks a comment above a message turns off for it (`# bitext-ignore: numbers identical`),
/// and the words of such a line that name no check.
fn ignored<'a>(comment: &[&'a str]) -> (HashSet<Check>, Vec<&'a str>) {
    let mut checks = HashSet::new();
    let mut unknown = Vec::new();
    let words = comment
        .iter()
        .filter_map(|l| ftl::comment_content(l).strip_prefix("bitext-ignore:"))
        .flat_map(|rest| rest.split([' ', ',']))
        .filter(|w| !w.is_empty());
    for word in words {
        match Check::from_name(word) {
            Some(check) => {
                checks.insert(check);
            }
            None => unknown.push(word),
        }
    }
    (checks, unknown)
}

/// What the checks need beyond the segment: the levels of `bitext.toml` and each locale's
/// glossary with its terms' values.
pub struct Checker {
    settings: Settings,
    /// locale → its glossary and the values of its terms.
    glossaries: HashMap<String, (Glossary, HashMap<String, String>)>,
}

impl Checker {
    /// Reads the settings and the glossaries of `locales`; the findings about the glossary files
    /// themselves come back beside it.
    pub fn new(project: &Project, locales: &[String]) -> Result<(Checker, Vec<Finding>)> {
        let settings = Settings::parse(&project.config.check, &project.config.targets)?;
        let source_path = project.glossary_path(&project.config.source);
        let source_glossary = read_text_if_exists(&source_path)?.unwrap_or_default();
        let mut findings = Vec::new();
        file_findings(
            &ftl::parse(&source_glossary.text),
            &source_glossary.text,
            &project.rel(&source_path),
            crate::project::GLOSSARY,
            &project.config.source,
            &mut findings,
        );
        let mut glossaries = HashMap::new();
        for locale in locales {
            let path = project.glossary_path(locale);
            let text = read_text_if_exists(&path)?.unwrap_or_default();
            let file = ftl::parse(&text.text);
            let rel = project.rel(&path);
            file_findings(
                &file,
                &text.text,
                &rel,
                crate::project::GLOSSARY,
                locale,
                &mut findings,
            );
            let terms = term_values(&file);
            let (glossary, skipped) = Glossary::from_fluent(&source_glossary.text, &text.text);
            for id in skipped {
                let term = format!("-{}", id.trim_start_matches('-'));
                let offset = file
                    .entries
                    .iter()
                    .find_map(|e| match e {
                        ftl::Entry::Term { id, offset, .. } if *id == term => Some(*offset),
                        _ => None,
                    })
                    .unwrap_or(0);
                let (line, column) = line_column(&text.text, offset);
                findings.push(Finding {
                    file: rel.clone(),
                    line,
                    column,
                    slug: crate::project::GLOSSARY.to_string(),
                    locale: locale.clone(),
                    id: Some(term.clone()),
                    check: Check::Glossary,
                    level: Check::Glossary.default_level(),
                    message: format!(
                        "{term} has no plain-text wording in this file or in {}, so it is not checked",
                        project.rel(&source_path).display()
                    ),
                });
            }
            glossaries.insert(locale.clone(), (glossary, terms));
        }
        Ok((
            Checker {
                settings,
                glossaries,
            },
            findings,
        ))
    }

    /// The glossary terms of `locale` that occur in `english`.
    pub fn terms(&self, locale: &str, english: &str) -> Vec<glossary::MissingTerm> {
        self.glossaries
            .get(locale)
            .map(|(glossary, _)| glossary.terms_in(english))
            .unwrap_or_default()
    }

    /// The findings of the checks on one translation of `english` into `locale` (which must be
    /// one the checker was made for), at the levels `bitext.toml` sets, errors first: what a
    /// command that saves a translation shows.
    pub fn translation(
        &self,
        locale: &str,
        english: &str,
        pieces: &[Piece],
    ) -> Vec<(Check, Level, String)> {
        let Some((glossary, terms)) = self.glossaries.get(locale) else {
            return Vec::new();
        };
        let translation = render(pieces, terms);
        let pair = Pair {
            source: english,
            translation: &translation,
            pieces,
            locale,
        };
        let mut out: Vec<(Check, Level, String)> = check_pair(&pair, glossary)
            .into_iter()
            .filter_map(
                |(check, message)| match self.settings.level(check, locale) {
                    Level::Off => None,
                    level => Some((check, level, message)),
                },
            )
            .collect();
        out.sort_by_key(|f| std::cmp::Reverse(f.1));
        out
    }
}

/// Checks `slugs` in `locales`; findings are sorted by file, line and check.
pub fn check(project: &Project, slugs: &[String], locales: &[String]) -> Result<Vec<Finding>> {
    let (checker, mut findings) = Checker::new(project, locales)?;
    let per_article: Vec<Vec<Finding>> = slugs
        .par_iter()
        .map(|slug| -> Result<Vec<Finding>> {
            let files = ArticleFiles::read(project, slug, locales)?;
            let mut out = Vec::new();
            for file in files.locales().iter().filter(|f| f.exists()) {
                let (glossary, terms) = &checker.glossaries[file.locale()];
                check_file(&files, file, glossary, terms, &mut out);
            }
            Ok(out)
        })
        .collect::<Result<_>>()?;
    findings.extend(per_article.into_iter().flatten());
    let settings = &checker.settings;
    findings.retain_mut(|f| {
        f.level = match settings.level(f.check, &f.locale) {
            Level::Off => return false,
            level => level,
        };
        true
    });
    findings.sort();
    Ok(findings)
}

/// The findings about a whole file: syntax errors and duplicate ids.
fn file_findings(
    file: &ftl::FtlFile,
    text: &str,
    rel: &Path,
    slug: &str,
    locale: &str,
    out: &mut Vec<Finding>,
) {
    let finding = |offset: usize, id: Option<&str>, check: Check, message: String| {
        let (line, column) = line_column(text, offset);
        Finding {
            file: rel.to_path_buf(),
            line,
            column,
            slug: slug.to_string(),
            locale: locale.to_string(),
            id: id.map(str::to_string),
            check,
            level: check.default_level(),
            message,
        }
    };
    for entry in &file.entries {
        if let ftl::Entry::Junk {
            source,
            offset,
            message,
            ..
        } = entry
        {
            // Junk that starts like a message names the message it was meant to be.
            let id = source
                .split_once('=')
                .map(|(id, _)| id.trim())
                .filter(|id| ftl::is_identifier(id.strip_prefix('-').unwrap_or(id)));
            out.push(finding(
                *offset,
                id,
                Check::Syntax,
                format!("not valid Fluent: {}", ftl::explained(message)),
            ));
        }
    }
    let mut seen = HashSet::new();
    for entry in &file.entries {
        let (id, offset, what) = match entry {
            ftl::Entry::Message(m) => (m.id, m.offset, "message"),
            ftl::Entry::Term { id, offset, .. } => (*id, *offset, "term"),
            _ => continue,
        };
        if !seen.insert(id) {
            out.push(finding(
                offset,
                Some(id),
                Check::DuplicateId,
                format!("a second {what} {id}: only the first one is used"),
            ));
        }
    }
}

/// The terms of a file, by id without the dash, with their value when it is plain text.
fn term_values(file: &ftl::FtlFile) -> HashMap<String, String> {
    file.entries
        .iter()
        .filter_map(|e| match e {
            ftl::Entry::Term { id, source, .. } => {
                let value = source
                    .split_once('=')
                    .map(|(_, v)| v.lines().next().unwrap_or("").trim())
                    .filter(|v| !v.contains('{'))
                    .unwrap_or("");
                Some((id.trim_start_matches('-').to_string(), value.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// A translation as a reader sees it: a reference to a term shows the term's value.
fn render(pieces: &[Piece], terms: &HashMap<String, String>) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.as_str(),
            Piece::Expr(e) => {
                let inner = e.trim_start_matches('{').trim_end_matches('}').trim();
                inner
                    .strip_prefix('-')
                    .and_then(|id| terms.get(id))
                    .filter(|v| !v.is_empty())
                    .map_or(e.as_str(), String::as_str)
            }
        })
        .collect()
}

/// The findings about messages whose id no segment of the article ever had.
fn unknown_id_findings(
    files: &ArticleFiles,
    file: &LocaleFile,
    rel: &Path,
    out: &mut Vec<Finding>,
) {
    let (slug, locale, text, target) = (files.slug(), file.locale(), file.text(), file.target());
    for unknown in crate::translate::unknown_ids(files, locale) {
        let offset = target
            .file
            .messages()
            .find(|m| m.id == unknown.id)
            .map_or(0, |m| m.offset);
        let (line, column) = line_column(text, offset);
        let like = match &unknown.like {
            Some((id, state)) => format!("; did you mean {id} ({state})?"),
            None => String::new(),
        };
        out.push(Finding {
            file: rel.to_path_buf(),
            line,
            column,
            slug: slug.to_string(),
            locale: locale.to_string(),
            id: Some(unknown.id.clone()),
            check: Check::UnknownId,
            level: Check::UnknownId.default_level(),
            message: format!(
                "unknown id {}: no segment of the article has it{like}",
                unknown.id
            ),
        });
    }
}

/// The findings of one target file of an article.
fn check_file(
    files: &ArticleFiles,
    file: &LocaleFile,
    glossary: &Glossary,
    glossary_terms: &HashMap<String, String>,
    out: &mut Vec<Finding>,
) {
    let project = files.project();
    let slug = files.slug();
    let locale = file.locale();
    let history = files.history();
    let current = history.current();
    let text = file.text();
    let rel = project.rel(file.path());
    let target = file.target();
    file_findings(&target.file, text, &rel, slug, locale, out);
    unknown_id_findings(files, file, &rel, out);
    let mut terms = glossary_terms.clone();
    terms.extend(term_values(&target.file));
    let defined_messages: HashSet<&str> = target.file.messages().map(|m| m.id).collect();
    for &(id, english) in &current {
        let Some(t) = file.translation(id) else {
            continue;
        };
        let (mut skip, unknown) = ignored(&t.message.comment);
        // An exception was judged against the English of its sign-off: once the English has
        // changed, the translation is checked in full again (only "identical" stands).
        let signed_english = t
            .signoff
            .as_ref()
            .and_then(|s| history.text_at(id, s.revision));
        if t.signoff.is_some() && signed_english != Some(english) {
            skip.retain(|c| *c == Check::Identical);
        }
        let mut push = |check: Check, message: String| {
            if !skip.contains(&check) {
                let (line, column) = line_column(text, t.message.offset);
                out.push(Finding {
                    file: rel.clone(),
                    line,
                    column,
                    slug: slug.to_string(),
                    locale: locale.to_string(),
                    id: Some(id.to_string()),
                    check,
                    level: check.default_level(),
                    message,
                });
            }
        };
        if let Some(other) = &t.conflict {
            push(
                Check::Conflict,
                format!(
                    "a git merge found this translation changed on both branches; the other \
                     one is \"{other}\": keep one with `bitext set` or `bitext accept`"
                ),
            );
        }
        for word in unknown {
            push(
                Check::Syntax,
                format!("bitext-ignore: \"{word}\" is not a check, so nothing is ignored for it"),
            );
        }
        let translation = render(t.pieces, &terms);
        let pair = Pair {
            source: english,
            translation: &translation,
            pieces: t.pieces,
            locale,
        };
        for (check, message) in check_pair(&pair, glossary) {
            push(check, message);
        }
        let refs = placeables::references(t.pieces);
        for term in refs
            .terms
            .iter()
            .filter(|t| !terms.contains_key(t.as_str()))
        {
            push(
                Check::UndefinedReference,
                format!(
                    "the term -{term} is not defined here or in {}",
                    project.rel(&project.glossary_path(locale)).display()
                ),
            );
        }
        for message in refs
            .messages
            .iter()
            .filter(|m| !defined_messages.contains(m.as_str()))
        {
            push(
                Check::UndefinedReference,
                format!("the message {message} is not defined in this file"),
            );
        }
    }
}
