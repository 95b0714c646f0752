//! `bitext publish`: the localized articles as a news site (HTML pages, front pages, a sitemap
//! and feeds), as Markdown files, or as a content tree for Hugo.
//!
//! Publishing reads each article, its history and every locale's file, and builds a [`Page`] per
//! article and locale: the source article's structure with each segment replaced by its
//! translation, formatted through fluent-bundle. Each output format is a [`Renderer`]
//! (`html.rs`, `markdown.rs`, `hugo.rs`) that turns a page into text; the site's own pages are
//! `front.rs`; this module decides what is published and writes it.

pub mod front;
pub mod html;
pub mod hugo;
pub mod links;
pub mod locale;
pub mod localize;
pub mod markdown;
pub mod safe;
pub mod site;
pub mod templates;
pub mod typography;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::article::{Article, Run};
use crate::error::{Error, Result};
use crate::project::Project;
use crate::status::percent;
use crate::store::lock::ProjectLock;
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
    /// A content tree for Hugo: `content/<lc>/<slug>.md`, `static/`, a config and layouts.
    Hugo,
}

impl Format {
    pub fn renderer(self) -> &'static dyn Renderer {
        match self {
            Format::Html => &html::Html,
            Format::Markdown => &markdown::Markdown,
            Format::Hugo => &hugo::Hugo,
        }
    }
}

/// Turns a localized article into the text of one output file.
pub trait Renderer: Sync {
    /// The file name extension, without the dot.
    fn extension(&self) -> &'static str;
    /// Where the page's file goes under the output folder.
    fn path(&self, page: &Page) -> PathBuf {
        PathBuf::from(page.locale).join(format!("{}.{}", page.slug, self.extension()))
    }
    /// The file's text.
    fn render(&self, page: &Page) -> Result<String>;
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
    /// Every locale the article has a page in after this publish, the source first: the pages
    /// link to one another and to nothing else.
    pub alternates: &'a [String],
    pub site: &'a site::Site,
    /// When the English or this translation last changed (RFC 3339).
    pub modified: Option<&'a str>,
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
    /// Refuse a locale's article that is less approved than this, in percent.
    pub min_approved: Option<f64>,
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
    /// Current segments a reviewer approved.
    pub approved: usize,
    /// Missing segments shown in the source language.
    pub fallback: usize,
    /// Missing segments left out.
    pub omitted: usize,
}

impl Counts {
    pub fn percent_current(&self) -> f64 {
        percent(self.current, self.segments)
    }

    pub fn percent_approved(&self) -> f64 {
        percent(self.approved, self.segments)
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
    /// Pages of an earlier publish removed because they would link to language versions that
    /// no longer link back (their locale is refused now).
    pub withdrawn: Vec<Refusal>,
    /// Segments whose translation could not be formatted (shown as if missing), as
    /// `file: id: problem`; missing images; a site without an address.
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
    /// The date of the last source revision (RFC 3339).
    pub modified: Option<String>,
    /// Each target locale's last sign-off (RFC 3339), from its journal.
    pub signed: std::collections::BTreeMap<String, String>,
}

/// One locale of one article.
pub enum Outcome {
    Published(Localized),
    Refused(String),
}

/// Publishes `slugs` of `project`.
pub fn publish(project: &Project, slugs: &[String], options: &Options) -> Result<Report> {
    let mut site = site::Site::load(project)?;
    let html = options.formats.contains(&Format::Html);
    let prepared = prepare_articles(project, slugs, options, html)?;
    let mut report = Report::default();
    if html && !site.has_address() {
        report.warnings.push(format!(
            "{}: [publish] has no base_url, so links between pages are relative and there is no \
             sitemap.xml and no feed (they need the site's address)",
            crate::project::CONFIG_FILE
        ));
    }
    let assets = summarize(&prepared, options, &mut report);
    measure_images(project, &mut site, &assets, &mut report);

    check_out_folder(project, &options.out)?;
    let all_links = plan_links(&prepared, options, html);
    let Rendered {
        files: mut pages,
        entries,
    } = render_articles(&prepared, &all_links, project, &site, options)?;
    let versions = list_versions(&prepared, &all_links, &mut report);
    if options.whole_site && html {
        pages.extend(front::site_pages(&site, &entries, &versions)?);
    }
    if options.formats.contains(&Format::Hugo) {
        pages.extend(hugo::site_files(&site)?);
    }

    write_pages(&pages, &options.out, &mut report)?;
    let mut produced: BTreeSet<PathBuf> = pages.iter().map(|(p, _)| p.clone()).collect();
    copy_assets(project, &site, &assets, options, &mut produced)?;
    remove_withdrawn(&options.out, &mut report)?;
    update_manifest(project, options, produced, &mut report)?;
    Ok(report)
}

/// Reads every article in every locale under the project's lock; with HTML, the articles whose
/// slug is one of the site's own pages are refused.
fn prepare_articles(
    project: &Project,
    slugs: &[String],
    options: &Options,
    html: bool,
) -> Result<Vec<Prepared>> {
    let mut prepared = {
        // Read a consistent project: no sync or set halfway through its writes.
        let _lock = ProjectLock::acquire(&project.root)?;
        let glossaries = localize::Glossaries::load(project)?;
        slugs
            .par_iter()
            .map(|slug| localize::prepare(project, slug, &glossaries, options))
            .collect::<Result<Vec<Prepared>>>()?
    };
    if html {
        for p in &mut prepared {
            if let Some(reason) = front::reserved(&p.slug) {
                for (_, outcome) in &mut p.locales {
                    *outcome = Outcome::Refused(reason.clone());
                }
            }
        }
    }
    Ok(prepared)
}

/// Counts what is published and refused in each locale asked for into `report`, with the
/// articles' warnings; returns the images of the published articles, each with the first
/// article that shows it.
fn summarize(
    prepared: &[Prepared],
    options: &Options,
    report: &mut Report,
) -> BTreeMap<String, String> {
    let mut summaries: BTreeMap<&str, LocaleSummary> = BTreeMap::new();
    let mut assets: BTreeMap<String, String> = BTreeMap::new();
    for p in prepared {
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
                for asset in image_assets(&p.slug, article, runs) {
                    assets.entry(asset).or_insert_with(|| p.slug.clone());
                }
            }
        }
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
    assets
}

/// Reads every image's size into the site, and warns of the figures whose image is missing.
fn measure_images(
    project: &Project,
    site: &mut site::Site,
    assets: &BTreeMap<String, String>,
    report: &mut Report,
) {
    let articles_dir = project.root.join(&project.config.articles);
    for (asset, slug) in assets {
        let path = articles_dir.join(asset);
        let problem = match site::image_size(&path) {
            Ok(size) => {
                site.images.insert(asset.clone(), size);
                size.is_none()
                    .then_some("is not an image whose size can be read")
            }
            Err(why) => Some(why),
        };
        if let Some(why) = problem {
            report.warnings.push(format!(
                "{slug}: the image {} {why}",
                project.rel(&path).display()
            ));
        }
    }
}

/// Which language versions of each article link to each other after this run, and so which
/// pages are written.
fn plan_links(prepared: &[Prepared], options: &Options, html: bool) -> Vec<links::Links> {
    prepared
        .iter()
        .map(|p| {
            if html {
                links::links(p, &options.locales, |locale| {
                    let path = options.out.join(locale).join(format!("{}.html", p.slug));
                    links::linked_languages(&path)
                })
            } else {
                links::Links {
                    write: p
                        .locales
                        .iter()
                        .filter(|(l, o)| {
                            options.locales.contains(l) && matches!(o, Outcome::Published(_))
                        })
                        .map(|(l, _)| l.clone())
                        .collect(),
                    ..links::Links::default()
                }
            }
        })
        .collect()
}

/// Renders every article's pages, all in one: their files and their entries on the front pages
/// and feeds.
fn render_articles(
    prepared: &[Prepared],
    all_links: &[links::Links],
    project: &Project,
    site: &site::Site,
    options: &Options,
) -> Result<Rendered> {
    let rendered: Vec<Result<Rendered>> = prepared
        .par_iter()
        .zip(all_links)
        .map(|(p, links)| render_article(p, links, project, site, options))
        .collect();
    let mut all = Rendered {
        files: Vec::new(),
        entries: Vec::new(),
    };
    for r in rendered {
        let r = r?;
        all.files.extend(r.files);
        all.entries.extend(r.entries);
    }
    Ok(all)
}

/// The language versions of each article that link to each other; the pages of an earlier
/// publish that link to others are recorded in `report` as withdrawn.
fn list_versions(
    prepared: &[Prepared],
    all_links: &[links::Links],
    report: &mut Report,
) -> front::Versions {
    let mut versions: front::Versions = BTreeMap::new();
    for (p, l) in prepared.iter().zip(all_links) {
        if !l.alternates.is_empty() {
            versions.insert(p.slug.clone(), l.alternates.clone());
        }
        for locale in &l.withdraw {
            report.withdrawn.push(Refusal {
                slug: p.slug.clone(),
                locale: locale.clone(),
                reason: "its page from an earlier publish links to other language versions \
                         than the article has now"
                    .to_string(),
            });
        }
    }
    versions
}

/// Writes the pages into the output folder `out`, counting in `report` those written and those
/// left unchanged.
fn write_pages(pages: &[(PathBuf, String)], out: &Path, report: &mut Report) -> Result<()> {
    let results: Vec<Result<bool>> = pages
        .par_iter()
        .map(|(path, text)| write_atomic(&out.join(path), text))
        .collect();
    for result in results {
        if result? {
            report.written += 1;
        } else {
            report.unchanged += 1;
        }
    }
    Ok(())
}

/// Copies the images that were found into the assets folder of each format that has one,
/// adding them to the files `produced`.
fn copy_assets(
    project: &Project,
    site: &site::Site,
    assets: &BTreeMap<String, String>,
    options: &Options,
    produced: &mut BTreeSet<PathBuf>,
) -> Result<()> {
    let html = options.formats.contains(&Format::Html);
    let asset_folders: Vec<PathBuf> = [
        (html || options.formats.contains(&Format::Markdown)).then(|| PathBuf::from("assets")),
        options
            .formats
            .contains(&Format::Hugo)
            .then(|| PathBuf::from(hugo::STATIC).join("assets")),
    ]
    .into_iter()
    .flatten()
    .collect();
    for asset in assets.keys() {
        if !site.images.contains_key(asset) {
            continue;
        }
        let from = project.root.join(&project.config.articles).join(asset);
        for folder in &asset_folders {
            let to = folder.join(asset);
            copy_atomic(&from, &options.out.join(&to))?;
            produced.insert(to);
        }
    }
    Ok(())
}

/// Removes from the output folder `out` the pages that `report` lists as withdrawn.
fn remove_withdrawn(out: &Path, report: &mut Report) -> Result<()> {
    for w in &report.withdrawn {
        let rel = PathBuf::from(&w.locale).join(format!("{}.html", w.slug));
        let path = out.join(&rel);
        match std::fs::remove_file(&path) {
            Ok(()) => report.removed.push(rel),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    Ok(())
}

/// Records the files `produced` in the output folder's manifest; for the whole site, first
/// removes the files of an earlier publish that belong to nothing any more.
fn update_manifest(
    project: &Project,
    options: &Options,
    produced: BTreeSet<PathBuf>,
    report: &mut Report,
) -> Result<()> {
    let mut manifest = Manifest::read(&options.out)?;
    if options.whole_site {
        let articles: BTreeSet<String> = project.article_slugs()?.into_iter().collect();
        let gone = manifest.gone(&produced, |path| {
            is_orphan(project, &options.locales, &articles, path)
        });
        for rel in gone {
            let path = options.out.join(&rel);
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(&path, e)),
            }
            remove_empty_folders(&options.out, &rel);
            report.removed.push(rel);
        }
    }
    manifest.add(produced);
    manifest.write(&options.out)?;
    Ok(())
}

/// What one article gives: its files, and its pages as the front pages and feeds list them.
struct Rendered {
    files: Vec<(PathBuf, String)>,
    entries: Vec<front::Entry>,
}

/// The files of one article: (path under the output folder, text).
fn render_article(
    p: &Prepared,
    links: &links::Links,
    project: &Project,
    site: &site::Site,
    options: &Options,
) -> Result<Rendered> {
    let mut out = Rendered {
        files: Vec::new(),
        entries: Vec::new(),
    };
    let Some((article, runs)) = &p.article else {
        return Ok(out);
    };
    for (locale, outcome) in &p.locales {
        let Outcome::Published(localized) = outcome else {
            continue;
        };
        if !links.write.contains(locale) {
            continue;
        }
        let modified = front::modified(p.modified.as_deref(), p.signed.get(locale.as_str()));
        let page = Page {
            slug: &p.slug,
            locale,
            source: &project.config.source,
            article,
            runs,
            localized,
            alternates: &links.alternates,
            site,
            modified: modified.as_deref(),
        };
        let asked = options.locales.contains(locale);
        for format in &options.formats {
            // A page of a locale not asked for is only rewritten for its language links.
            if !asked && *format != Format::Html {
                continue;
            }
            let renderer = format.renderer();
            out.files
                .push((renderer.path(&page), renderer.render(&page)?));
        }
        out.entries.push(front::Entry {
            slug: p.slug.clone(),
            locale: locale.clone(),
            title: html::plain_field(&localized.title, locale),
            description: html::description(&page),
            byline: (!localized.byline.is_empty())
                .then(|| html::plain_field(&localized.byline, locale)),
            date: page.date(),
            modified: modified.clone(),
        });
    }
    Ok(out)
}

/// The images of an article that are published under `assets/`.
fn image_assets(slug: &str, article: &Article, runs: &[Run]) -> Vec<String> {
    let mut out = Vec::new();
    for run in runs {
        if let crate::article::RunContent::Images(images) = &run.content {
            out.extend(images.iter().filter_map(|i| asset_path(slug, &i.dest)));
        }
    }
    for event in pulldown_cmark::Parser::new_ext(&article.body, crate::text::markdown_options()) {
        if let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) = event {
            out.extend(asset_path(slug, &dest_url));
        }
    }
    out
}

/// Copies a file atomically, leaving an identical one alone. The file is read under the store's
/// policy: a regular file inside the project, never a device or a link that leads out of it.
fn copy_atomic(from: &Path, to: &Path) -> Result<()> {
    let bytes = crate::store::read_bytes(from)?;
    write_atomic_bytes(to, &bytes)?;
    Ok(())
}

/// The files that publishing wrote into an output folder, kept in the folder as
/// `.bitext-published`, one path a line: publishing only ever removes a file listed there, so a
/// file that a person put in the folder, or anything outside it, is never touched.
#[derive(Debug, Default)]
struct Manifest {
    out: PathBuf,
    files: BTreeSet<PathBuf>,
}

const MANIFEST: &str = ".bitext-published";

impl Manifest {
    fn read(out: &Path) -> Result<Manifest> {
        let path = out.join(MANIFEST);
        let text = crate::store::read_text_if_exists(&path)?
            .map(|file| file.text)
            .unwrap_or_default();
        let files = text
            .lines()
            .map(PathBuf::from)
            // Only plain relative paths: a hand-edited list cannot reach outside the folder.
            .filter(|p| {
                p.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
            })
            .collect();
        Ok(Manifest {
            out: out.to_path_buf(),
            files,
        })
    }

    /// The listed files not `produced` by this run that `orphan` says to remove; they leave the
    /// list. A file whose folder is a symbolic link that leads out of the output folder is not
    /// one of them: removing it would remove a file elsewhere.
    fn gone(
        &mut self,
        produced: &BTreeSet<PathBuf>,
        orphan: impl Fn(&Path) -> bool,
    ) -> Vec<PathBuf> {
        let gone: Vec<PathBuf> = self
            .files
            .iter()
            .filter(|p| !produced.contains(*p) && orphan(p))
            .filter(|p| crate::store::policy::check_remove(&self.out.join(p)).is_ok())
            .cloned()
            .collect();
        for p in &gone {
            self.files.remove(p);
        }
        gone
    }

    fn add(&mut self, produced: BTreeSet<PathBuf>) {
        self.files.extend(produced);
    }

    fn write(&self, out: &Path) -> Result<()> {
        let mut text = String::new();
        for file in &self.files {
            text.push_str(&file.to_string_lossy());
            text.push('\n');
        }
        write_atomic(&out.join(MANIFEST), &text)?;
        Ok(())
    }
}

/// Whether a file that an earlier run published belongs to nothing any more: a page of an
/// article that no longer exists or of a locale no longer published, or an image whose file is
/// gone from the articles folder. The page of an article refused this time stays.
fn is_orphan(
    project: &Project,
    locales: &[String],
    articles: &BTreeSet<String>,
    rel: &Path,
) -> bool {
    let mut parts = rel.components();
    let Some(first) = parts.next().and_then(|c| c.as_os_str().to_str()) else {
        return false;
    };
    let rest = parts.as_path();
    if rest.as_os_str().is_empty() {
        // The index, whatever this run's formats.
        return false;
    }
    if first == "assets" {
        return !project
            .root
            .join(&project.config.articles)
            .join(rest)
            .is_file();
    }
    if !locales.iter().any(|l| l == first) {
        return true;
    }
    let slug = rest.with_extension("");
    !articles.contains(slug.to_string_lossy().as_ref())
}

/// Removes the folders between `out` and the file `rel` that its removal left empty.
fn remove_empty_folders(out: &Path, rel: &Path) {
    let mut dir = rel.parent();
    while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
        // Fails, and stops, at the first folder that is not empty.
        if std::fs::remove_dir(out.join(d)).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Refuses an output folder that is the project, holds it, or lies inside its articles, locales
/// or history: publishing writes pages by locale and slug, which could overwrite the sources. The
/// folder is judged both as written and as it really is (through symbolic links), and is then
/// guarded: nothing is written or removed through a link that leads out of it. The temporary
/// files that a publish killed while writing left in it are removed.
fn check_out_folder(project: &Project, out: &Path) -> Result<()> {
    use crate::store::policy::{guard_output, normalize, real_path};
    let sources = [
        project.config.articles.as_str(),
        project.config.locales.as_str(),
        crate::project::HISTORY_DIR,
    ];
    let clash = |out: &Path, root: &Path, real: bool| {
        let source = |dir: &str| {
            let path = root.join(dir);
            if real {
                real_path(&path).unwrap_or(path)
            } else {
                path
            }
        };
        root.starts_with(out) || sources.iter().any(|dir| out.starts_with(source(dir)))
    };
    let shown = normalize(out);
    let real_out = real_path(out).map_err(|e| Error::io(out, e))?;
    let real_root = real_path(&project.root).map_err(|e| Error::io(&project.root, e))?;
    if clash(&shown, &normalize(&project.root), false) || clash(&real_out, &real_root, true) {
        return Err(Error::Usage(format!(
            "{}: the output folder must not be the project, hold it, or be inside its {}, {} or \
             {} folder",
            shown.display(),
            sources[0],
            sources[1],
            sources[2]
        )));
    }
    guard_output(out)?;
    crate::store::remove_stale_temporary_files_below(out);
    Ok(())
}
