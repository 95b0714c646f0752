//! An article's files, read once, and the one path that saves translations.
//!
//! Besides `articles/<slug>.md`, an article has its source history (`history/<slug>.jsonl`), its
//! source segments (`locales/<source>/<slug>.ftl`) and, per target locale, a target file
//! (`locales/<lc>/<slug>.ftl`) and a journal of sign-offs (`history/<slug>.<lc>.jsonl`).
//! [`ArticleFiles`] reads each of them at most once, as a command asks for them, and derives every
//! segment's state from them. Commands read through it and never open these files themselves.
//!
//! Saving goes through a [`Writer`], which only [`ArticleFiles::open_for_writing`] makes and which
//! holds the project lock as proof, so that a write without the lock does not compile. A writer
//! collects the changes (translations set or signed off, translators' notes replaced, a new
//! history), then [`Writer::save`] writes every file they touch at once: each new file is written
//! in full beside the old one first, and only when all of them are on disk are they renamed into
//! place, journals first and the history last. A full disk or a failed write therefore leaves every file as it was.
//!
//! ```compile_fail
//! // Reading needs no lock, but a read-only ArticleFiles cannot save.
//! # fn f(project: &bitext::project::Project) -> bitext::Result<()> {
//! let files = bitext::article_files::ArticleFiles::open(project, "a")?;
//! files.save()?;
//! # Ok(()) }
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use self_cell::self_cell;

use crate::error::{Error, Result};
use crate::history::{self, History};
use crate::project::Project;
use crate::state::{state_of, State, Verdict};
use crate::store::journal::{self, Journal};
use crate::store::lock::ProjectLock;
use crate::store::target::{self, Context, Marks, TargetFile, Translation, Update};
use crate::store::{
    commit_all, read_bytes_if_exists, read_text, read_text_if_exists, stage, Staged, TextBytes,
    TextFile,
};

/// A target file's text, checked as UTF-8, and what was parsed from it.
#[derive(Debug)]
struct ParsedText<'a> {
    text: &'a str,
    target: TargetFile<'a>,
}

self_cell!(
    /// A target file's bytes and what was parsed from them.
    struct Parsed {
        owner: Vec<u8>,
        #[covariant]
        dependent: ParsedText,
    }
    impl {Debug}
);

/// One target locale's files of an article: the target file and, when asked for, the journal.
#[derive(Debug)]
pub struct LocaleFile {
    locale: String,
    path: PathBuf,
    /// Whether the file exists.
    exists: bool,
    /// How the file was written (line endings, byte-order mark); its text is in `parsed`.
    style: TextFile,
    parsed: Parsed,
    journal: Option<LoadedJournal>,
}

#[derive(Debug)]
struct LoadedJournal {
    /// The journal's text as read, to which new entries are appended.
    text: String,
    journal: Journal,
}

impl LocaleFile {
    fn read(project: &Project, locale: &str, slug: &str) -> Result<LocaleFile> {
        let path = project.locale_path(locale, slug);
        let bytes = read_bytes_if_exists(&path)?;
        LocaleFile::parse(locale, path, bytes)
    }

    /// The target file at `path` parsed from its bytes as read (`None`: there is no file); an
    /// error when they are not UTF-8 text.
    fn parse(locale: &str, path: PathBuf, bytes: Option<Vec<u8>>) -> Result<LocaleFile> {
        let (exists, file) = match bytes {
            Some(bytes) => (true, TextBytes::decode(&path, bytes)?),
            None => (false, TextBytes::decode(&path, Vec::new())?),
        };
        let parsed = Parsed::try_new(file.bytes, |bytes| {
            let text = TextBytes::text(bytes, &path)?;
            Ok::<_, Error>(ParsedText {
                text,
                target: TargetFile::parse(text),
            })
        })?;
        Ok(LocaleFile {
            locale: locale.to_string(),
            path,
            exists,
            style: file.style,
            parsed,
            journal: None,
        })
    }

    fn read_journal(&mut self, project: &Project, slug: &str) -> Result<()> {
        if self.journal.is_some() {
            return Ok(());
        }
        let path = project.journal_path(&self.locale, slug);
        let text = read_text_if_exists(&path)?.unwrap_or_default().text;
        let journal = Journal::parse(&project.rel(&path), &text)?;
        self.journal = Some(LoadedJournal { text, journal });
        Ok(())
    }

    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The target file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the target file exists.
    pub fn exists(&self) -> bool {
        self.exists
    }

    /// The target file's text (LF line endings, no byte-order mark).
    pub fn text(&self) -> &str {
        self.parsed.borrow_dependent().text
    }

    /// The parsed target file.
    pub fn target(&self) -> &TargetFile<'_> {
        &self.parsed.borrow_dependent().target
    }

    /// The translation of segment `id`, if the file has one.
    pub fn translation(&self, id: &str) -> Option<Translation<'_>> {
        self.target().translation(id)
    }

    /// The state of segment `id`'s translation, as of the history's latest revision.
    pub fn state(&self, history: &History, id: &str) -> State {
        let marks = self.target().marks(id);
        match history.segment(id) {
            Some(segment) => state_of(
                segment,
                history.number(),
                marks.is_some() && !self.target().is_blank(id),
                marks.and_then(|m| m.signoff.as_ref()),
                marks.is_some_and(Marks::rejected),
            ),
            None => State::Missing,
        }
    }

    /// Who approved segment `id`'s translation, while the approval stands: the translation is
    /// current and unchanged since its sign-off.
    pub fn approved(&self, history: &History, id: &str) -> Option<&str> {
        self.approved_in(self.state(history, id), id)
    }

    /// [`LocaleFile::approved`] for a caller that knows the translation's `state` already
    /// ([`LocaleFile::state`]).
    pub fn approved_in(&self, state: State, id: &str) -> Option<&str> {
        let marks = self.target().marks(id)?;
        let Some(Verdict::Approved { by }) = &marks.verdict else {
            return None;
        };
        let value = self.target().value(id)?;
        let unchanged = || {
            marks
                .signoff
                .as_ref()
                .is_none_or(|s| target::has_value_hash(value, &s.hash))
        };
        (state == State::Current && unchanged()).then_some(by.as_str())
    }

    /// The English that segment `id`'s translation was signed off against, when that differs
    /// from the English now and the history has it.
    pub fn previous_english<'h>(&self, history: &'h History, id: &str) -> Option<&'h str> {
        let signoff = self.target().marks(id)?.signoff.as_ref()?;
        let segment = history.segment(id)?;
        let now = history.number();
        crate::state::signed_english(segment, now, signoff)
            .filter(|old| Some(*old) != segment.text_at(now))
    }

    /// The state of each segment of the latest revision, in document order.
    pub fn states(&self, history: &History, current: &[(&str, &str)]) -> Vec<State> {
        current
            .iter()
            .map(|(id, _)| self.state(history, id))
            .collect()
    }

    /// Messages with a value whose id is not a segment of the latest revision.
    pub fn obsolete(&self, current: &[(&str, &str)]) -> usize {
        let ids: std::collections::HashSet<&str> = current.iter().map(|(id, _)| *id).collect();
        self.target().ids().filter(|id| !ids.contains(id)).count()
    }

    /// The Fluent syntax errors of the file, each as an error at its line and column, with the
    /// file's path relative to the project root.
    pub fn errors(&self, project: &Project) -> Vec<Error> {
        let rel = project.rel(&self.path);
        self.target()
            .file
            .errors()
            .map(|(offset, message)| {
                Error::at_offset(
                    &rel,
                    self.text(),
                    offset,
                    crate::store::ftl::explained(message),
                )
            })
            .collect()
    }

    /// Why the message meant for segment `id` is no translation, when it is not valid Fluent:
    /// `file:line:column: explanation`, with what to do about it.
    pub fn broken(&self, project: &Project, id: &str) -> Option<String> {
        let (offset, message) = self.target().broken(id)?;
        let error = Error::at_offset(
            &project.rel(&self.path),
            self.text(),
            offset,
            crate::store::ftl::explained(message),
        );
        Some(
            error
                .to_string()
                .lines()
                .next()
                .unwrap_or_default()
                .to_string(),
        )
    }

    /// The journal of sign-offs, when it was read.
    pub fn journal(&self) -> Option<&Journal> {
        self.journal.as_ref().map(|j| &j.journal)
    }
}

/// The article as it is on disk, compared with the last sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The article is what the latest revision was made from.
    Synced(String),
    /// The article was edited since the last sync (or never synced).
    Edited(String),
    /// There is no article file.
    Missing,
}

/// How an article's files look from outside (size, modification time and, on Unix, inode), to
/// tell without reading them whether anything read from them may have changed: every write of
/// bitext replaces a file by renaming a new one over it, which gives it a new inode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp(Vec<Option<StampOfFile>>);

impl Stamp {
    /// The stamp of what [`ArticleFiles::read`] reads (the history and the target files of
    /// `locales`) and of the article file, whose change since the last sync is noticed.
    pub fn of(project: &Project, slug: &str, locales: &[String]) -> Stamp {
        let mut paths = vec![project.article_path(slug), project.history_path(slug)];
        for locale in locales {
            paths.push(project.locale_path(locale, slug));
        }
        Stamp(paths.iter().map(|path| stamp_of(path)).collect())
    }
}

type StampOfFile = (u64, std::time::SystemTime, u64);

fn stamp_of(path: &Path) -> Option<StampOfFile> {
    stamp_of_meta(&std::fs::metadata(path).ok()?)
}

fn stamp_of_meta(meta: &std::fs::Metadata) -> Option<StampOfFile> {
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some((meta.len(), meta.modified().ok()?, inode))
}

/// An article's files: its history, and the target files and journals of the locales asked for.
#[derive(Debug)]
pub struct ArticleFiles<'p> {
    project: &'p Project,
    slug: String,
    history: History,
    locales: Vec<LocaleFile>,
}

impl<'p> ArticleFiles<'p> {
    /// Reads the history of `slug` (empty when the article was never synced).
    pub fn open(project: &'p Project, slug: &str) -> Result<ArticleFiles<'p>> {
        let path = project.history_path(slug);
        let bytes = read_bytes_if_exists(&path)?;
        ArticleFiles::with_history(project, slug, &path, bytes)
    }

    /// The files of `slug` with its history parsed from the bytes read at `path`.
    fn with_history(
        project: &'p Project,
        slug: &str,
        path: &Path,
        bytes: Option<Vec<u8>>,
    ) -> Result<ArticleFiles<'p>> {
        let history = match bytes {
            Some(bytes) => {
                let file = TextBytes::decode(path, bytes)?;
                History::parse(&project.rel(path), TextBytes::text(&file.bytes, path)?)?
            }
            None => History::default(),
        };
        Ok(ArticleFiles {
            project,
            slug: slug.to_string(),
            history,
            locales: Vec::new(),
        })
    }

    /// Like [`ArticleFiles::read`], for a command that looks for something across many articles:
    /// the files are parsed only when one of them may hold it. `keep` is shown the bytes of each
    /// file as they are on disk, the history first (with `None`) and then each target file (with
    /// its locale), until it accepts one; when it accepts none, nothing is decoded or parsed and
    /// the answer is `None`. Each file is read once either way.
    pub fn read_sieved(
        project: &'p Project,
        slug: &str,
        locales: &[String],
        keep: impl Fn(Option<&str>, &[u8]) -> bool,
    ) -> Result<Option<ArticleFiles<'p>>> {
        let path = project.history_path(slug);
        let history = read_bytes_if_exists(&path)?;
        let mut kept = history.as_deref().is_some_and(|b| keep(None, b));
        let mut targets: Vec<(&str, PathBuf, Option<Vec<u8>>)> = Vec::new();
        for locale in locales {
            if targets.iter().any(|(l, _, _)| l == locale) {
                continue;
            }
            let target = project.locale_path(locale, slug);
            let bytes = read_bytes_if_exists(&target)?;
            kept = kept || bytes.as_deref().is_some_and(|b| keep(Some(locale), b));
            targets.push((locale, target, bytes));
        }
        if !kept {
            return Ok(None);
        }
        let mut files = ArticleFiles::with_history(project, slug, &path, history)?;
        for (locale, path, bytes) in targets {
            files.locales.push(LocaleFile::parse(locale, path, bytes)?);
        }
        Ok(Some(files))
    }

    /// The files of `slug` from bytes already read: its history (`None`: there is none) and
    /// the target file of `locale` (the same), decoded and parsed as [`ArticleFiles::read`]
    /// would.
    pub(crate) fn from_bytes(
        project: &'p Project,
        slug: &str,
        history: Option<Vec<u8>>,
        locale: &str,
        target: Option<Vec<u8>>,
    ) -> Result<ArticleFiles<'p>> {
        let path = project.history_path(slug);
        let mut files = ArticleFiles::with_history(project, slug, &path, history)?;
        let path = project.locale_path(locale, slug);
        files.locales.push(LocaleFile::parse(locale, path, target)?);
        Ok(files)
    }

    /// Reads the history and the target files of `locales`.
    pub fn read(project: &'p Project, slug: &str, locales: &[String]) -> Result<ArticleFiles<'p>> {
        let mut files = ArticleFiles::open(project, slug)?;
        files.read_targets(locales)?;
        Ok(files)
    }

    /// The same files, refusing an article that was never synced.
    pub fn synced(self) -> Result<ArticleFiles<'p>> {
        if self.history.latest().is_none() {
            return Err(Error::Usage(format!(
                "{} has no source segments yet: run `bitext sync {}` first",
                self.slug, self.slug
            )));
        }
        Ok(self)
    }

    /// Reads the target files of `locales` that were not read yet.
    pub fn read_targets(&mut self, locales: &[String]) -> Result<()> {
        for locale in locales {
            if self.locale(locale).is_none() {
                let file = LocaleFile::read(self.project, locale, &self.slug)?;
                self.locales.push(file);
            }
        }
        Ok(())
    }

    /// Reads the journals of the target files read so far.
    pub fn read_journals(&mut self) -> Result<()> {
        for file in &mut self.locales {
            file.read_journal(self.project, &self.slug)?;
        }
        Ok(())
    }

    pub fn slug(&self) -> &str {
        &self.slug
    }

    pub fn project(&self) -> &'p Project {
        self.project
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// The target file of `locale`, if it was read.
    pub fn locale(&self, locale: &str) -> Option<&LocaleFile> {
        self.locales.iter().find(|f| f.locale == locale)
    }

    /// The target files read, in the order they were asked for.
    pub fn locales(&self) -> &[LocaleFile] {
        &self.locales
    }

    /// The article file, and whether it is what the last sync read.
    pub fn source(&self) -> Result<Source> {
        let path = self.project.article_path(&self.slug);
        let Some(file) = read_text_if_exists(&path)? else {
            return Ok(Source::Missing);
        };
        Ok(if self.history.synced_from(&file.text) {
            Source::Synced(file.text)
        } else {
            Source::Edited(file.text)
        })
    }

    /// Whether the article was edited since the last sync, judged quickly for reports over many
    /// articles: an article not modified after its history was written is taken as synced, and
    /// only one modified since is read and compared.
    pub fn edited_since_sync(&self) -> Result<bool> {
        if self.history.latest().is_none() {
            return Ok(false);
        }
        let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
        let article = modified(&self.project.article_path(&self.slug));
        let history = modified(&self.project.history_path(&self.slug));
        match (article, history) {
            (None, _) => Ok(false),
            (Some(a), Some(h)) if a <= h => Ok(false),
            _ => Ok(matches!(self.source()?, Source::Edited(_))),
        }
    }

    /// The warning for an article edited since the last sync, for reports that show the English
    /// of the last sync.
    pub fn edited_warning(&self) -> String {
        format!(
            "{} was edited since the last sync: this shows the English of revision {} (run \
             `bitext sync {}`)",
            self.project
                .rel(&self.project.article_path(&self.slug))
                .display(),
            self.history.number(),
            self.slug
        )
    }

    /// The article's text, or an error when it cannot be read.
    pub fn article_text(&self) -> Result<String> {
        Ok(read_text(&self.project.article_path(&self.slug))?.text)
    }

    /// Reads the history of `slug` under the project lock, for a change that [`Writer::save`]
    /// writes. The target files and their journals are read as the change needs them.
    pub fn open_for_writing(
        lock: &'p ProjectLock,
        project: &'p Project,
        slug: &str,
    ) -> Result<Writer<'p>> {
        if lock.root() != project.root {
            return Err(Error::file(
                &project.root,
                "the lock held is another project's",
            ));
        }
        Ok(Writer {
            files: ArticleFiles::open(project, slug)?,
            _lock: lock,
            updates: BTreeMap::new(),
            new_history: false,
            refresh: false,
            credits: BTreeMap::new(),
            notes: BTreeMap::new(),
        })
    }
}

/// Changes to an article's files, saved together by [`Writer::save`] under the lock it holds.
#[derive(Debug)]
pub struct Writer<'p> {
    files: ArticleFiles<'p>,
    _lock: &'p ProjectLock,
    /// locale → id → update.
    updates: BTreeMap<String, HashMap<String, Update>>,
    /// Whether the history was replaced (by a sync).
    new_history: bool,
    /// Whether every target file is to be rewritten, changed or not.
    refresh: bool,
    /// locale → id → the translator an imported file names.
    credits: BTreeMap<String, HashMap<String, String>>,
    /// locale → id → the translator's note that replaces the one above the message (empty: the
    /// note is removed).
    notes: BTreeMap<String, HashMap<String, String>>,
}

impl<'p> std::ops::Deref for Writer<'p> {
    type Target = ArticleFiles<'p>;
    fn deref(&self) -> &ArticleFiles<'p> {
        &self.files
    }
}

/// What [`Writer::save`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// The files replaced, in the order they were.
    pub written: Vec<PathBuf>,
}

impl<'p> Writer<'p> {
    /// The same writer, refusing an article that was never synced.
    pub fn synced(self) -> Result<Writer<'p>> {
        Ok(Writer {
            files: self.files.synced()?,
            ..self
        })
    }

    /// Reads the target files of `locales` that were not read yet.
    pub fn read_targets(&mut self, locales: &[String]) -> Result<()> {
        self.files.read_targets(locales)
    }

    /// Reads the journals of the target files read so far.
    pub fn read_journals(&mut self) -> Result<()> {
        self.files.read_journals()
    }

    /// Sets or signs off the translation of `id` in `locale` (whose target file is read first if
    /// it was not).
    pub fn update(&mut self, locale: &str, id: &str, update: Update) -> Result<()> {
        self.read_targets(&[locale.to_string()])?;
        self.updates
            .entry(locale.to_string())
            .or_default()
            .insert(id.to_string(), update);
        Ok(())
    }

    /// Records that an imported file names `translator` as the translator of `id` in `locale`:
    /// the journal keeps it beside the person who imported it.
    pub fn credit(&mut self, locale: &str, id: &str, translator: &str) {
        self.credits
            .entry(locale.to_string())
            .or_default()
            .insert(id.to_string(), translator.to_string());
    }

    /// Replaces the translator's note of `id` in `locale` (whose target file is read first if it
    /// was not) with `note`; an empty note removes it. The translation, its sign-off and its
    /// state stay as they are.
    pub fn set_note(&mut self, locale: &str, id: &str, note: &str) -> Result<()> {
        self.read_targets(&[locale.to_string()])?;
        self.notes
            .entry(locale.to_string())
            .or_default()
            .insert(id.to_string(), note.to_string());
        Ok(())
    }

    /// Whether any translation was set or signed off, or any note replaced.
    pub fn has_updates(&self) -> bool {
        self.updates.values().any(|u| !u.is_empty()) || self.notes.values().any(|n| !n.is_empty())
    }

    /// Replaces the history (a sync's new revision); every target file is rewritten so that the
    /// English and the states beside each message match it.
    pub fn replace_history(&mut self, history: History) -> Result<()> {
        let targets = self.files.project.config.targets.clone();
        self.read_targets(&targets)?;
        self.files.history = history;
        self.new_history = true;
        self.refresh = true;
        Ok(())
    }

    /// Writes every change at once (see the module's documentation).
    pub fn save(mut self) -> Result<Saved> {
        let date = history::now();
        let no_updates = HashMap::new();
        let no_credits = HashMap::new();
        let no_notes = HashMap::new();
        // The journals that get entries are read first (if they were not), so that the entries
        // are appended to them.
        let mut entries: Vec<Vec<journal::Entry>> = Vec::new();
        for file in &self.files.locales {
            let updates = self.updates.get(&file.locale).unwrap_or(&no_updates);
            let credits = self.credits.get(&file.locale).unwrap_or(&no_credits);
            entries.push(target::signed_entries(
                file.target(),
                updates,
                credits,
                &date,
            ));
        }
        for (file, entries) in self.files.locales.iter_mut().zip(&entries) {
            if !entries.is_empty() {
                file.read_journal(self.files.project, &self.files.slug)?;
            }
        }
        let project = self.files.project;
        let slug = &self.files.slug;
        let history = &self.files.history;
        let article = project.rel(&project.article_path(slug));
        let article = article.to_string_lossy();
        let mut journals: Vec<Staged> = Vec::new();
        let mut targets: Vec<Staged> = Vec::new();
        for (file, entries) in self.files.locales.iter().zip(entries) {
            let notes = self.notes.get(&file.locale);
            let updates = match self.updates.get(&file.locale) {
                Some(updates) => updates,
                None if self.refresh || notes.is_some() => &no_updates,
                None => continue,
            };
            let notes = notes.unwrap_or(&no_notes);
            let ctx = Context {
                source_locale: &project.config.source,
                target_locale: &file.locale,
                slug,
                article: &article,
                history,
            };
            let new =
                file.style
                    .same_style(target::rewrite(&file.target().file, &ctx, updates, notes));
            let old = file.style.same_style(file.text().to_string());
            if !file.exists || new != old {
                targets.push(stage(&file.path, new.as_bytes())?);
            }
            if let Some(journal) = &file.journal {
                if let Some(text) = journal::appended(&journal.text, &journal.journal, entries) {
                    let path = project.journal_path(&file.locale, slug);
                    journals.push(stage(&path, text.as_bytes())?);
                }
            }
        }
        let mut last: Vec<Staged> = Vec::new();
        if self.new_history {
            let source = project.locale_path(&project.config.source, slug);
            let text = render_source(project, slug, history);
            if differs(&source, text.as_bytes()) {
                last.push(stage(&source, text.as_bytes())?);
            }
            let path = project.history_path(slug);
            let text = history.render();
            if differs(&path, text.as_bytes()) {
                last.push(stage(&path, text.as_bytes())?);
            }
        }
        let staged = journals.into_iter().chain(targets).chain(last).collect();
        Ok(Saved {
            written: commit_all(staged, &project.root)?,
        })
    }
}

/// Whether the file at `path` does not hold exactly `bytes`.
fn differs(path: &Path, bytes: &[u8]) -> bool {
    std::fs::read(path).map_or(true, |old| old != bytes)
}

/// The source file `locales/<source>/<slug>.ftl`: one message per segment, in order.
pub fn render_source(project: &Project, slug: &str, history: &History) -> String {
    let article = project.rel(&project.article_path(slug));
    let mut out = format!(
        "### bitext: source segments of {}, written by `bitext sync`; edit the article, not this file.\n",
        article.display()
    );
    for (id, text) in history.current() {
        out.push('\n');
        out.push_str(id);
        out.push_str(" = ");
        out.push_str(&crate::store::escape::encode(text));
        out.push('\n');
    }
    out
}
