//! A bitext project: `bitext.toml`, its locales and the articles under `articles/`.
//!
//! This is the one place that knows where files live and walks the tree.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use crate::error::{Error, Result};
use crate::people::People;

/// The name of the configuration file that marks a project's root.
pub const CONFIG_FILE: &str = "bitext.toml";

/// The name of each locale's glossary file, `locales/<lc>/glossary.ftl`, which no article may take.
pub const GLOSSARY: &str = "glossary";

/// The folder, under the project root, that holds each article's source history.
pub const HISTORY_DIR: &str = "history";

/// The `bitext.toml` of a new project.
const NEW_CONFIG: &str = "source = \"en\"\ntargets = [\"ko\", \"kk\", \"ru\"]\n";

/// The folders of a new project.
const NEW_FOLDERS: [&str; 5] = [
    "articles",
    "locales/en",
    "locales/ko",
    "locales/kk",
    "locales/ru",
];

/// The `.gitignore` of a new project: the lock, what a killed process may leave behind, and the
/// cache (`crate::tm::cache`).
const NEW_GITIGNORE: &str = "/.bitext.lock\n.bitext-*.tmp\n/.bitext/\n";

/// The line of `.gitignore` for the cache folder.
const IGNORE_CACHE: &str = "/.bitext/";

/// The name of bitext's merge driver in `.gitattributes` and git's configuration.
pub const MERGE_DRIVER: &str = "bitext";

/// Creates a project in `dir`: `bitext.toml`, `articles/`, `locales/` for en, ko, kk and ru, a
/// `.gitignore` unless there is one, and bitext's merge drivers in `.gitattributes` (and in the
/// repository's git configuration when `dir` is in one; `driver` is the command git runs).
/// Returns the path of the `bitext.toml`.
pub fn init(dir: &Path, driver: &str) -> Result<PathBuf> {
    let config = dir.join(CONFIG_FILE);
    if config.exists() {
        return Err(Error::file(&config, "a project is already here"));
    }
    for sub in NEW_FOLDERS {
        let path = dir.join(sub);
        std::fs::create_dir_all(&path).map_err(|e| Error::io(&path, e))?;
    }
    crate::store::write_atomic(&config, NEW_CONFIG)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        crate::store::write_atomic(&ignore, NEW_GITIGNORE)?;
    }
    let project = Project::open(dir)?;
    git_setup(&project, driver)?;
    Ok(config)
}

/// What [`git_setup`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitSetup {
    /// Whether `.gitattributes` was written.
    pub attributes: bool,
    /// Whether `.gitignore` was written (to leave out the cache folder).
    pub ignore: bool,
    /// Whether the repository's configuration was written (false outside a git repository).
    pub config: bool,
}

/// The lines of `.gitattributes` that give bitext's files to its merge driver.
pub fn git_attributes(config: &Config) -> Vec<String> {
    vec![
        format!("{HISTORY_DIR}/**/*.jsonl merge={MERGE_DRIVER}"),
        format!("{}/**/*.ftl merge={MERGE_DRIVER}", config.locales),
    ]
}

/// Registers bitext's merge drivers: the lines of [`git_attributes`] in `.gitattributes` (an
/// older `merge=union` line for the journals is replaced), and, in a git repository,
/// `merge.bitext.driver` in its configuration, which runs `driver` (the bitext binary).
pub fn git_setup(project: &Project, driver: &str) -> Result<GitSetup> {
    let ignore = ignore_cache(&project.root)?;
    let path = project.root.join(".gitattributes");
    let old = crate::store::read_text_if_exists(&path)?.unwrap_or_default();
    let wanted = git_attributes(&project.config);
    let mut lines: Vec<String> = old
        .text
        .lines()
        .filter(|l| !(l.contains("jsonl") && l.contains("merge=union")))
        .map(str::to_string)
        .collect();
    for line in &wanted {
        if !lines.contains(line) {
            lines.push(line.clone());
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    let attributes = crate::store::write_atomic(&path, &old.same_style(text))?;
    let inside = std::process::Command::new("git")
        .args(["rev-parse", "--git-dir"])
        .current_dir(&project.root)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !inside {
        return Ok(GitSetup {
            attributes,
            ignore,
            config: false,
        });
    }
    let command = format!("{} merge-driver %O %A %B %P", shell_quote(driver));
    for (key, value) in [
        (
            format!("merge.{MERGE_DRIVER}.name"),
            "bitext: histories, journals and target files",
        ),
        (format!("merge.{MERGE_DRIVER}.driver"), command.as_str()),
    ] {
        let status = std::process::Command::new("git")
            .args(["config", &key, value])
            .current_dir(&project.root)
            .status()
            .map_err(|e| Error::io(&project.root, e))?;
        if !status.success() {
            return Err(Error::file(
                &project.root,
                format!("`git config {key}` failed"),
            ));
        }
    }
    Ok(GitSetup {
        attributes,
        ignore,
        config: true,
    })
}

/// Adds the cache folder to the project's `.gitignore` (made if there is none), unless it names
/// it already. Returns whether the file was written.
fn ignore_cache(root: &Path) -> Result<bool> {
    let path = root.join(".gitignore");
    let old = crate::store::read_text_if_exists(&path)?.unwrap_or_default();
    let named = old.text.lines().any(|l| {
        matches!(
            l.trim(),
            "/.bitext/" | ".bitext/" | "/.bitext" | ".bitext" | "/.bitext/*" | ".bitext/*"
        )
    });
    if named {
        return Ok(false);
    }
    let mut text = old.text.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(IGNORE_CACHE);
    text.push('\n');
    crate::store::write_atomic(&path, &old.same_style(text))
}

/// `text` quoted for the shell git runs a merge driver with.
fn shell_quote(text: &str) -> String {
    if text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-+".contains(&b))
    {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// A project on disk.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
}

/// The settings of `bitext.toml`, with locale codes canonicalized.
#[derive(Debug, Clone)]
pub struct Config {
    pub source: String,
    pub targets: Vec<String>,
    pub articles: String,
    pub locales: String,
    pub public: String,
    /// The `[check]` table: check levels for the project and per locale (see `check::Settings`).
    pub check: toml::Table,
    /// The `[people]` table: who works on the project and what they may do (see `people`).
    pub people: People,
    /// The `[publish]` table: the published site's address, name and templates.
    pub publish: PublishConfig,
}

/// The `[publish]` table of `bitext.toml`, as written; `publish::site` checks the values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishConfig {
    /// The site's absolute address, such as `https://news.example.com/`.
    pub base_url: Option<String>,
    pub site_name: Option<String>,
    /// A folder of templates that replace the built-in ones by name (default: `templates`).
    pub templates: Option<String>,
    /// Articles on each page of a language's front page (default: 20).
    pub per_page: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    source: String,
    targets: Vec<String>,
    articles: Option<String>,
    locales: Option<String>,
    public: Option<String>,
    check: Option<toml::Table>,
    people: Option<People>,
    publish: Option<PublishConfig>,
}

impl Config {
    /// Reads `bitext.toml` from `text`; `path` is used in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
        let source =
            canonical_locale(&raw.source).map_err(|m| Error::file(path, format!("source: {m}")))?;
        let mut targets = Vec::new();
        for code in &raw.targets {
            let code =
                canonical_locale(code).map_err(|m| Error::file(path, format!("targets: {m}")))?;
            if code == source {
                return Err(Error::file(
                    path,
                    format!("targets: {code} is the source locale"),
                ));
            }
            if targets.contains(&code) {
                return Err(Error::file(
                    path,
                    format!("targets: {code} is listed twice"),
                ));
            }
            targets.push(code);
        }
        let folder = |value: Option<String>, default: &str, key: &str| -> Result<String> {
            let value = value.unwrap_or_else(|| default.to_string());
            let p = Path::new(&value);
            if value.is_empty()
                || p.is_absolute()
                || p.components()
                    .any(|c| !matches!(c, std::path::Component::Normal(_)))
            {
                return Err(Error::file(
                    path,
                    format!("{key}: \"{value}\" must be a folder inside the project"),
                ));
            }
            Ok(value)
        };
        let mut people = raw.people.unwrap_or_default();
        for (handle, person) in &mut people {
            for locale in person
                .translates
                .iter_mut()
                .chain(person.reviews.iter_mut())
            {
                *locale = canonical_locale(locale)
                    .map_err(|m| Error::file(path, format!("people.{handle}: {m}")))?;
            }
        }
        crate::people::check_people(&people, &targets).map_err(|m| Error::file(path, m))?;
        Ok(Config {
            source,
            targets,
            people,
            articles: folder(raw.articles, "articles", "articles")?,
            locales: folder(raw.locales, "locales", "locales")?,
            public: folder(raw.public, "public", "public")?,
            check: raw.check.unwrap_or_default(),
            publish: raw.publish.unwrap_or_default(),
        })
    }
}

/// Turns a TOML error into one that names the file, line and column.
pub fn toml_error(path: &Path, text: &str, e: &toml::de::Error) -> Error {
    let message = e.message().trim().to_string();
    match e.span() {
        Some(span) => Error::at_offset(path, text, span.start, message),
        None => Error::file(path, message),
    }
}

/// The canonical form of a locale code (`ko-kr` → `ko-KR`), or why it is not one.
///
/// ```
/// assert_eq!(bitext::project::canonical_locale("ko-kr").unwrap(), "ko-KR");
/// assert!(bitext::project::canonical_locale("not a locale").is_err());
/// ```
pub fn canonical_locale(code: &str) -> Result<String, String> {
    LanguageIdentifier::from_str(code)
        .ok()
        .filter(|id| !id.language.is_empty())
        .map(|id| id.to_string())
        .ok_or_else(|| format!("\"{code}\" is not a valid locale code"))
}

/// The language of a country whose code is often typed for it (`kz` for Kazakh, `kr` for
/// Korean).
fn country_language(code: &str) -> Option<&'static str> {
    let language = match code.to_ascii_lowercase().as_str() {
        "kz" => "kk",
        "kr" => "ko",
        "ua" => "uk",
        "jp" => "ja",
        "cn" => "zh",
        "gr" => "el",
        "cz" => "cs",
        "se" => "sv",
        "dk" => "da",
        _ => return None,
    };
    Some(language)
}

/// Why `slug` is not a valid article slug, if it is not.
///
/// ```
/// assert!(bitext::project::check_slug("2021/08/moon-tokayev").is_ok());
/// assert!(bitext::project::check_slug("../etc").is_err());
/// ```
pub fn check_slug(slug: &str) -> Result<(), String> {
    if slug.is_empty() {
        return Err("the slug is empty".into());
    }
    if slug == GLOSSARY {
        return Err(format!("\"{GLOSSARY}\" is reserved for the glossary files"));
    }
    for part in slug.split('/') {
        let mut chars = part.chars();
        let first_ok = chars
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !first_ok || !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            return Err(format!(
                "\"{part}\" is not a valid slug component: use lower-case letters, digits and \
                 hyphens, starting with a letter or digit"
            ));
        }
    }
    Ok(())
}

impl Project {
    /// Finds the project that contains `start`: the nearest folder upwards with a `bitext.toml`.
    pub fn find(start: &Path) -> Result<Project> {
        let start = std::path::absolute(start).map_err(|e| Error::io(start, e))?;
        let mut dir = start.as_path();
        loop {
            if dir.join(CONFIG_FILE).is_file() {
                return Project::open(dir);
            }
            match dir.parent() {
                Some(parent) => dir = parent,
                None => {
                    return Err(Error::file(
                        &start,
                        format!(
                            "no {CONFIG_FILE} here or in any parent folder (run `bitext init`)"
                        ),
                    ))
                }
            }
        }
    }

    /// Opens the project whose root is `root`.
    pub fn open(root: &Path) -> Result<Project> {
        // Nothing is read or written through a link that leads out of the project.
        crate::store::policy::guard(root)?;
        let path = root.join(CONFIG_FILE);
        let file = crate::store::read_text(&path)?;
        let config = Config::parse(Path::new(CONFIG_FILE), &file.text)?;
        Ok(Project {
            root: root.to_path_buf(),
            config,
        })
    }

    /// `path` relative to the project root, for messages.
    pub fn rel(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root).unwrap_or(path).to_path_buf()
    }

    pub fn article_path(&self, slug: &str) -> PathBuf {
        self.root
            .join(&self.config.articles)
            .join(format!("{slug}.md"))
    }

    pub fn locale_path(&self, locale: &str, slug: &str) -> PathBuf {
        self.root
            .join(&self.config.locales)
            .join(locale)
            .join(format!("{slug}.ftl"))
    }

    pub fn glossary_path(&self, locale: &str) -> PathBuf {
        self.root
            .join(&self.config.locales)
            .join(locale)
            .join(format!("{GLOSSARY}.ftl"))
    }

    pub fn history_path(&self, slug: &str) -> PathBuf {
        self.root.join(HISTORY_DIR).join(format!("{slug}.jsonl"))
    }

    /// The journal of sign-offs of `slug` in `locale` (slugs have no dots, so it cannot be taken
    /// for another article's history).
    pub fn journal_path(&self, locale: &str, slug: &str) -> PathBuf {
        self.root
            .join(HISTORY_DIR)
            .join(format!("{slug}.{locale}.jsonl"))
    }

    /// The target locale that `code` names, canonicalized; an error if it is not one.
    pub fn target(&self, code: &str) -> Result<String> {
        let guess = |code: &str| {
            let targets = self.config.targets.iter().map(String::as_str);
            country_language(code)
                .filter(|l| self.config.targets.iter().any(|t| t == l))
                .or_else(|| crate::text::similar_word(code, targets))
                .map(|like| format!("did you mean {like}? "))
                .unwrap_or_default()
        };
        let canonical = canonical_locale(code).map_err(|m| {
            Error::Usage(format!(
                "{m} ({}the targets are {})",
                guess(code),
                self.config.targets.join(", ")
            ))
        })?;
        if self.config.targets.contains(&canonical) {
            Ok(canonical)
        } else {
            Err(Error::Usage(format!(
                "unknown locale {canonical}: {}the targets in {CONFIG_FILE} are {}",
                guess(&canonical),
                self.config.targets.join(", ")
            )))
        }
    }

    /// The target locales named by `codes`, or all of them when `codes` is empty.
    pub fn targets_or_all(&self, codes: &[String]) -> Result<Vec<String>> {
        if codes.is_empty() {
            return Ok(self.config.targets.clone());
        }
        let mut targets: Vec<String> = Vec::new();
        for code in codes {
            let target = self.target(code)?;
            if !targets.contains(&target) {
                targets.push(target);
            }
        }
        Ok(targets)
    }

    /// The slugs of every article under `articles/`, sorted; a file whose name is not a valid
    /// slug is left out (see [`Project::skipped_articles`]).
    pub fn article_slugs(&self) -> Result<Vec<String>> {
        Ok(self.articles()?.0)
    }

    /// The `.md` files under `articles/` whose names are not valid slugs (a `README.md`), with
    /// why: no command takes them for articles, and each reports them.
    pub fn skipped_articles(&self) -> Result<Vec<Skipped>> {
        Ok(self.articles()?.1)
    }

    fn articles(&self) -> Result<(Vec<String>, Vec<Skipped>)> {
        let dir = self.root.join(&self.config.articles);
        let mut found = Vec::new();
        if dir.is_dir() {
            walk_files(&dir, "", ".md", &mut found)?;
        }
        let mut slugs = Vec::new();
        let mut skipped = Vec::new();
        for name in found {
            match check_slug(&name) {
                Ok(()) => slugs.push(name),
                Err(why) => skipped.push(Skipped {
                    file: Path::new(&self.config.articles)
                        .join(format!("{name}.md"))
                        .display()
                        .to_string(),
                    why,
                }),
            }
        }
        slugs.sort();
        skipped.sort_by(|a, b| a.file.cmp(&b.file));
        Ok((slugs, skipped))
    }

    /// The slugs that have a history: articles that were synced at least once, sorted.
    pub fn synced_slugs(&self) -> Result<Vec<String>> {
        let slugs = self.synced_slugs_with(|_, _| ())?;
        Ok(slugs.into_iter().map(|(slug, ())| slug).collect())
    }

    /// [`Project::synced_slugs`], each with what `look` makes of it and of its history's entry
    /// in its folder (its metadata, say, which the entry gives without looking the path up
    /// again). `look` is also shown names that turn out not to be slugs.
    pub fn synced_slugs_with<T: Send>(
        &self,
        look: impl Fn(&str, &std::fs::DirEntry) -> T + Sync,
    ) -> Result<Vec<(String, T)>> {
        let dir = self.root.join(HISTORY_DIR);
        let mut slugs = Vec::new();
        if dir.is_dir() {
            walk_entries(&dir, "", ".jsonl", &mut slugs, &look)?;
        }
        slugs.retain(|(s, _)| check_slug(s).is_ok());
        slugs.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(slugs)
    }

    /// Resolves one slug given on the command line to a synced article. Its history is looked
    /// for directly; the list of every synced article is read only to explain an unknown one.
    pub fn synced_slug(&self, arg: &str) -> Result<String> {
        let slug = self.slug_of_arg(arg);
        if check_slug(slug).is_ok() && self.has_history(slug) {
            return Ok(slug.to_string());
        }
        let mut slugs = self.select(&[arg.to_string()], &self.synced_slugs()?)?;
        Ok(slugs.remove(0))
    }

    /// The slug that a command-line argument names: `articles/x.md` is `x`.
    fn slug_of_arg<'a>(&self, arg: &'a str) -> &'a str {
        let slug = arg.trim_end_matches(".md");
        let prefix = format!("{}/", self.config.articles);
        slug.strip_prefix(prefix.as_str()).unwrap_or(slug)
    }

    /// Whether [`Project::synced_slugs`] has the valid slug `slug`, without listing the others:
    /// its history file is there, in folders (not links to folders) under `history/`.
    fn has_history(&self, slug: &str) -> bool {
        let mut path = self.root.join(HISTORY_DIR);
        if !path.is_dir() {
            return false;
        }
        let (folders, name) = slug.rsplit_once('/').unwrap_or(("", slug));
        for folder in folders.split('/').filter(|f| !f.is_empty()) {
            path.push(folder);
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_dir() => {}
                _ => return false,
            }
        }
        path.push(format!("{name}.jsonl"));
        std::fs::symlink_metadata(&path).is_ok_and(|meta| !meta.is_dir())
    }

    /// Resolves the slugs given on the command line (or all articles when none are given).
    /// Accepts `articles/x.md` for `x`. Refuses invalid and unknown slugs.
    pub fn select(&self, args: &[String], known: &[String]) -> Result<Vec<String>> {
        if args.is_empty() {
            return Ok(known.to_vec());
        }
        let mut out = Vec::new();
        for arg in args {
            let slug = self.slug_of_arg(arg);
            check_slug(slug).map_err(|why| Error::Usage(format!("{arg}: {why}")))?;
            if known.binary_search_by(|k| k.as_str().cmp(slug)).is_err() {
                if self.article_path(slug).is_file() {
                    return Err(Error::Usage(format!(
                        "{slug} was never synced: run `bitext sync {slug}` first"
                    )));
                }
                let like = crate::text::similar_word(slug, known.iter().map(String::as_str))
                    .map(|like| format!("; did you mean {like}?"))
                    .unwrap_or_default();
                return Err(Error::Usage(format!(
                    "unknown article {slug}: there is no {}{like}",
                    self.rel(&self.article_path(slug)).display()
                )));
            }
            if !out.iter().any(|s: &String| s == slug) {
                out.push(slug.to_string());
            }
        }
        Ok(out)
    }
}

/// A file under `articles/` that is not taken for an article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// Its path from the project root.
    pub file: String,
    pub why: String,
}

fn walk_files(dir: &Path, prefix: &str, ext: &str, out: &mut Vec<String>) -> Result<()> {
    let mut found = Vec::new();
    walk_entries(dir, prefix, ext, &mut found, &|_, _| ())?;
    out.extend(found.into_iter().map(|(name, ())| name));
    Ok(())
}

/// The files under `dir` whose names end with `ext` (not in hidden folders, not through links to
/// folders), as `prefix` and their path without `ext`, each with what `look` makes of its entry.
/// Folders are walked in parallel.
fn walk_entries<T: Send>(
    dir: &Path,
    prefix: &str,
    ext: &str,
    out: &mut Vec<(String, T)>,
    look: &(impl Fn(&str, &std::fs::DirEntry) -> T + Sync),
) -> Result<()> {
    use rayon::prelude::*;
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut folders = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(|e| Error::io(&entry.path(), e))?;
        if kind.is_dir() {
            folders.push((entry.path(), format!("{prefix}{name}/")));
        } else if let Some(stem) = name.strip_suffix(ext) {
            let name = format!("{prefix}{stem}");
            let looked = look(&name, &entry);
            out.push((name, looked));
        }
    }
    let found = folders
        .par_iter()
        .map(|(folder, prefix)| {
            let mut found = Vec::new();
            walk_entries(folder, prefix, ext, &mut found, look)?;
            Ok(found)
        })
        .collect::<Result<Vec<_>>>()?;
    out.extend(found.into_iter().flatten());
    Ok(())
}
