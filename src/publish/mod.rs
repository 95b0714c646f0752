//! `bitext publish`: the localized articles as HTML pages and Markdown files, and an index.
//!
//! Publishing reads each article, its history and every locale's file, and builds a [`Page`] per
//! article and locale: the source article's structure with each segment replaced by its
//! translation, formatted through fluent-bundle. Each output format is a [`Renderer`]
//! (`html.rs`, `markdown.rs`) that turns a page into text; this module decides what is published
//! and writes it.

pub mod html;
pub mod locale;
pub mod localize;
pub mod markdown;
pub mod safe;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::article::{Article, Run};
use crate::error::{Error, Result};
use crate::lock::ProjectLock;
use crate::project::Project;
use crate::store::{write_atomic, write_atomic_bytes};

pub use localize::{Localized, Shown};

/// What `--fallback` does with a segment that has no translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fallback {
    /// Show the source text, marked with the source language.
    #[default]
    Source,
    /// Leave the segment out.
    Omit,
    /// Refuse the locale's article.
    Fail,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    Html,
    Markdown,
}

impl Format {
    pub fn renderer(self) -> &'static dyn Renderer {
        match self {
            Format::Html => &html::Html,
            Format::Markdown => &markdown::Markdown,
        }
    }
}

/// Turns a localized article into the text of one output file.
pub trait Renderer: Sync {
    /// The file name extension, without the dot.
    fn extension(&self) -> &'static str;
    /// The file's text.
    fn render(&self, page: &Page) -> String;
}

/// One article in one locale, ready to render.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    pub slug: &'a str,
    pub locale: &'a str,
    /// The source locale, for fallback text and `x-default`.
    pub source: &'a str,
    pub article: &'a Article,
    /// The body's runs of inline text, whose blocks `localized.blocks` follows.
    pub runs: &'a [Run],
    pub localized: &'a Localized,
    /// Every locale the article is published in, the source first.
    pub alternates: &'a [String],
}

impl Page<'_> {
    /// `../` as many times as it takes to go from the page's folder to the output folder.
    pub fn up(&self) -> String {
        "../".repeat(self.slug.matches('/').count() + 1)
    }

    /// The date of the front matter, if it reads as one.
    pub fn date(&self) -> Option<locale::Date> {
        let value = self.article.front.get("date")?;
        match value {
            toml::Value::Datetime(d) => locale::Date::parse(&d.to_string()),
            toml::Value::String(s) => locale::Date::parse(s),
            _ => None,
        }
    }

    /// Where a page links to an image of the article: images are published once, under
    /// `assets/` with the article's folders, for every locale.
    pub fn image_src(&self, dest: &str) -> String {
        match asset_path(self.slug, dest) {
            Some(path) => format!("{}assets/{path}", self.up()),
            None => dest.to_string(),
        }
    }
}

/// The path under the articles folder of an image that an article refers to by a relative path,
/// or `None` when it is not such an image (or climbs out of the articles folder).
///
/// ```
/// use bitext::publish::asset_path;
/// assert_eq!(asset_path("2021/08/a", "images/x.jpg").as_deref(), Some("2021/08/images/x.jpg"));
/// assert_eq!(asset_path("2021/08/a", "../x.jpg").as_deref(), Some("2021/x.jpg"));
/// assert_eq!(asset_path("a", "../../x.jpg"), None);
/// assert_eq!(asset_path("a", "https://x.y/z.jpg"), None);
/// ```
pub fn asset_path(slug: &str, dest: &str) -> Option<String> {
    if !safe::is_local_image(dest) || dest.contains(['?', '#', '\\']) {
        return None;
    }
    let mut parts: Vec<&str> = slug.split('/').collect();
    parts.pop();
    for part in dest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// What to publish and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The locales to write (the source included when it is to be written).
    pub locales: Vec<String>,
    pub formats: Vec<Format>,
    /// The output folder.
    pub out: PathBuf,
    pub fallback: Fallback,
    /// Refuse a locale's article that is less current than this percentage.
    pub min_current: Option<f64>,
    /// Whether this is the whole site (every article, every locale): then pages of articles that
    /// no longer exist are removed and the index is written.
    pub whole_site: bool,
}

/// Counts of one article in one locale, or of a locale in total.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub segments: usize,
    pub current: usize,
    pub stale: usize,
    pub unreviewed: usize,
    pub missing: usize,
    /// Missing segments shown in the source language.
    pub fallback: usize,
    /// Missing segments left out.
    pub omitted: usize,
}

impl Counts {
    pub fn percent_current(&self) -> f64 {
        percent(self.current, self.segments)
    }

    pub fn percent_translated(&self) -> f64 {
        percent(self.current + self.stale + self.unreviewed, self.segments)
    }

    fn add(&mut self, other: &Counts) {
        self.segments += other.segments;
        self.current += other.current;
        self.stale += other.stale;
        self.unreviewed += other.unreviewed;
        self.missing += other.missing;
        self.fallback += other.fallback;
        self.omitted += other.omitted;
    }
}

/// `1 segment`, `2 segments`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 100.0;
    }
    (part as f64 * 10_000.0 / whole as f64).round() / 100.0
}

/// An article's page in one locale that was not published, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refusal {
    pub slug: String,
    pub locale: String,
    pub reason: String,
}

/// Per locale: what was published.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LocaleSummary {
    pub published: usize,
    pub refused: usize,
    #[serde(flatten)]
    pub counts: Counts,
}

/// What a publish did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Per written locale, in the order of the options.
    pub locales: Vec<(String, LocaleSummary)>,
    pub refusals: Vec<Refusal>,
    /// Segments whose translation could not be formatted (shown as if missing), as
    /// `file: id: problem`.
    pub warnings: Vec<String>,
    /// Files written (changed) and removed, relative to the output folder.
    pub written: usize,
    pub unchanged: usize,
    pub removed: Vec<PathBuf>,
}

/// An article's outcome in every locale.
pub struct Prepared {
    pub slug: String,
    pub article: Option<(Article, Vec<Run>)>,
    /// Every locale (the source first), published or refused.
    pub locales: Vec<(String, Outcome)>,
    pub warnings: Vec<String>,
}

/// One locale of one article.
pub enum Outcome {
    Published(Localized),
    Refused(String),
}

/// Publishes `slugs` of `project`.
pub fn publish(project: &Project, slugs: &[String], options: &Options) -> Result<Report> {
    let prepared = {
        // Read a consistent project: no sync or set halfway through its writes.
        let _lock = ProjectLock::acquire(&project.root)?;
        let glossaries = localize::Glossaries::load(project)?;
        slugs
            .par_iter()
            .map(|slug| localize::prepare(project, slug, &glossaries, options))
            .collect::<Result<Vec<Prepared>>>()?
    };
    let mut report = Report::default();
    let mut summaries: BTreeMap<&str, LocaleSummary> = BTreeMap::new();
    let mut pages: Vec<(PathBuf, String)> = Vec::new();
    let mut assets: BTreeSet<String> = BTreeSet::new();
    let written_pages: Vec<Vec<(PathBuf, String)>> = prepared
        .par_iter()
        .map(|p| render_article(p, project, options))
        .collect();
    for p in &prepared {
        report.warnings.extend(p.warnings.iter().cloned());
        for (locale, outcome) in &p.locales {
            if !options.locales.contains(locale) {
                continue;
            }
            let summary = summaries.entry(locale).or_default();
            match outcome {
                Outcome::Published(localized) => {
                    summary.published += 1;
                    summary.counts.add(&localized.counts);
                }
                Outcome::Refused(reason) => {
                    summary.refused += 1;
                    report.refusals.push(Refusal {
                        slug: p.slug.clone(),
                        locale: locale.clone(),
                        reason: reason.clone(),
                    });
                }
            }
        }
        if let Some((article, runs)) = &p.article {
            if p.locales
                .iter()
                .any(|(l, o)| options.locales.contains(l) && matches!(o, Outcome::Published(_)))
            {
                assets.extend(image_assets(&p.slug, article, runs));
            }
        }
    }
    for page in written_pages {
        pages.extend(page);
    }
    report.locales = options
        .locales
        .iter()
        .map(|l| {
            (
                l.clone(),
                summaries.get(l.as_str()).cloned().unwrap_or_default(),
            )
        })
        .collect();

    let results: Vec<Result<bool>> = pages
        .par_iter()
        .map(|(path, text)| write_atomic(&options.out.join(path), text))
        .collect();
    for result in results {
        if result? {
            report.written += 1;
        } else {
            report.unchanged += 1;
        }
    }
    for asset in &assets {
        let from = project.root.join(&project.config.articles).join(asset);
        if from.is_file() {
            copy_atomic(&from, &options.out.join("assets").join(asset))?;
        }
    }
    if options.whole_site {
        let keep: BTreeSet<&Path> = pages.iter().map(|(p, _)| p.as_path()).collect();
        let extensions: Vec<&str> = options
            .formats
            .iter()
            .map(|f| f.renderer().extension())
            .collect();
        for locale in &options.locales {
            remove_stale(
                &options.out,
                Path::new(locale),
                &keep,
                &extensions,
                &mut report.removed,
            )?;
        }
        let index = html::index(project, &prepared);
        if write_atomic(&options.out.join("index.html"), &index)? {
            report.written += 1;
        } else {
            report.unchanged += 1;
        }
    }
    Ok(report)
}

/// The files of one article: (path under the output folder, text).
fn render_article(p: &Prepared, project: &Project, options: &Options) -> Vec<(PathBuf, String)> {
    let Some((article, runs)) = &p.article else {
        return Vec::new();
    };
    let alternates: Vec<String> = p
        .locales
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Published(_)))
        .map(|(l, _)| l.clone())
        .collect();
    let mut out = Vec::new();
    for (locale, outcome) in &p.locales {
        let Outcome::Published(localized) = outcome else {
            continue;
        };
        if !options.locales.contains(locale) {
            continue;
        }
        let page = Page {
            slug: &p.slug,
            locale,
            source: &project.config.source,
            article,
            runs,
            localized,
            alternates: &alternates,
        };
        for format in &options.formats {
            let renderer = format.renderer();
            let path = PathBuf::from(locale).join(format!("{}.{}", p.slug, renderer.extension()));
            out.push((path, renderer.render(&page)));
        }
    }
    out
}

/// The images of an article that are published under `assets/`.
fn image_assets(slug: &str, article: &Article, runs: &[Run]) -> Vec<String> {
    let mut out = Vec::new();
    for run in runs {
        if let crate::article::RunContent::Images(images) = &run.content {
            out.extend(images.iter().filter_map(|i| asset_path(slug, &i.dest)));
        }
    }
    let options =
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    for event in pulldown_cmark::Parser::new_ext(&article.body, options) {
        if let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) = event {
            out.extend(asset_path(slug, &dest_url));
        }
    }
    out
}

/// Copies a file atomically, leaving an identical one alone.
fn copy_atomic(from: &Path, to: &Path) -> Result<()> {
    let bytes = std::fs::read(from).map_err(|e| Error::io(from, e))?;
    write_atomic_bytes(to, &bytes)?;
    Ok(())
}

/// Removes, under `out/dir`, the pages (files with one of `extensions`) that are not in `keep`,
/// and the folders that this leaves empty. Nothing outside `out/<locale>/` is touched. Returns
/// whether it removed anything.
fn remove_stale(
    out: &Path,
    dir: &Path,
    keep: &BTreeSet<&Path>,
    extensions: &[&str],
    removed: &mut Vec<PathBuf>,
) -> Result<bool> {
    let full = out.join(dir);
    let mut any = false;
    let entries = match std::fs::read_dir(&full) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(&full, e)),
    };
    let mut names: Vec<(std::ffi::OsString, bool)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&full, e))?;
        let kind = entry.file_type().map_err(|e| Error::io(&entry.path(), e))?;
        names.push((entry.file_name(), kind.is_dir()));
    }
    names.sort();
    for (name, is_dir) in names {
        let rel = dir.join(&name);
        if is_dir {
            if !remove_stale(out, &rel, keep, extensions, removed)? {
                continue;
            }
            any = true;
            let path = out.join(&rel);
            if std::fs::read_dir(&path).is_ok_and(|mut d| d.next().is_none()) {
                std::fs::remove_dir(&path).map_err(|e| Error::io(&path, e))?;
            }
            continue;
        }
        let ours = rel
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e));
        if ours && !keep.contains(rel.as_path()) {
            let path = out.join(&rel);
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            removed.push(rel);
            any = true;
        }
    }
    Ok(any)
}
