//! A bitext project: `bitext.toml`, its locales and the articles under `articles/`.
//!
//! This is the one place that knows where files live and walks the tree.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use crate::error::{Error, Result};

/// The name of the configuration file that marks a project's root.
pub const CONFIG_FILE: &str = "bitext.toml";

/// The name of each locale's glossary file, `locales/<lc>/glossary.ftl`, which no article may take.
pub const GLOSSARY: &str = "glossary";

/// The folder, under the project root, that holds each article's source history.
pub const HISTORY_DIR: &str = "history";

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
        Ok(Config {
            source,
            targets,
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
        let canonical = canonical_locale(code).map_err(Error::Usage)?;
        if self.config.targets.contains(&canonical) {
            Ok(canonical)
        } else {
            Err(Error::Usage(format!(
                "unknown locale {canonical}: the targets in {CONFIG_FILE} are {}",
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

    /// The slugs of every article under `articles/`, sorted; a badly named article is an error.
    pub fn article_slugs(&self) -> Result<Vec<String>> {
        let dir = self.root.join(&self.config.articles);
        let mut slugs = Vec::new();
        if dir.is_dir() {
            walk_articles(&dir, "", &mut slugs)?;
        }
        slugs.sort();
        Ok(slugs)
    }

    /// The slugs that have a history: articles that were synced at least once, sorted.
    pub fn synced_slugs(&self) -> Result<Vec<String>> {
        let dir = self.root.join(HISTORY_DIR);
        let mut slugs = Vec::new();
        if dir.is_dir() {
            walk_files(&dir, "", ".jsonl", &mut slugs)?;
        }
        slugs.retain(|s| check_slug(s).is_ok());
        slugs.sort();
        Ok(slugs)
    }

    /// Resolves one slug given on the command line to a synced article.
    pub fn synced_slug(&self, arg: &str) -> Result<String> {
        let mut slugs = self.select(&[arg.to_string()], &self.synced_slugs()?)?;
        Ok(slugs.remove(0))
    }

    /// Resolves the slugs given on the command line (or all articles when none are given).
    /// Accepts `articles/x.md` for `x`. Refuses invalid and unknown slugs.
    pub fn select(&self, args: &[String], known: &[String]) -> Result<Vec<String>> {
        if args.is_empty() {
            return Ok(known.to_vec());
        }
        let mut out = Vec::new();
        for arg in args {
            let mut slug = arg.trim_end_matches(".md");
            let prefix = format!("{}/", self.config.articles);
            if let Some(rest) = slug.strip_prefix(prefix.as_str()) {
                slug = rest;
            }
            check_slug(slug).map_err(|why| Error::Usage(format!("{arg}: {why}")))?;
            if known.binary_search_by(|k| k.as_str().cmp(slug)).is_err() {
                if self.article_path(slug).is_file() {
                    return Err(Error::Usage(format!(
                        "{slug} was never synced: run `bitext sync {slug}` first"
                    )));
                }
                return Err(Error::Usage(format!(
                    "unknown article {slug}: there is no {}",
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

fn walk_articles(dir: &Path, prefix: &str, slugs: &mut Vec<String>) -> Result<()> {
    let mut found = Vec::new();
    walk_files(dir, prefix, ".md", &mut found)?;
    for slug in found {
        if let Err(why) = check_slug(&slug) {
            let path = dir.join(format!("{slug}.md"));
            return Err(Error::file(&path, format!("bad article file name: {why}")));
        }
        slugs.push(slug);
    }
    Ok(())
}

fn walk_files(dir: &Path, prefix: &str, ext: &str, out: &mut Vec<String>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
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
            walk_files(&entry.path(), &format!("{prefix}{name}/"), ext, out)?;
        } else if let Some(stem) = name.strip_suffix(ext) {
            out.push(format!("{prefix}{stem}"));
        }
    }
    Ok(())
}
