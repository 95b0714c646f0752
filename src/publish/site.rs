//! The site as a whole: its address and name from `[publish]` in `bitext.toml`, its templates,
//! the images its pages show, and how one page links to another.
//!
//! Links that a reader follows (the language switcher, the front pages) are relative, so that a
//! site works from any folder and from `file://`; the links that search engines, social networks
//! and feed readers read (canonical, hreflang, Open Graph, the sitemap and the feeds) are
//! absolute when the site has a `base_url`.

use std::collections::BTreeMap;
use std::path::Path;

use super::templates::Templates;
use crate::error::{Error, Result};
use crate::project::{Project, CONFIG_FILE};

/// Articles on each page of a front page, unless `[publish] per_page` says otherwise.
pub const PER_PAGE: usize = 20;

/// Entries in each language's feed.
pub const FEED_ENTRIES: usize = 20;

/// What every page of a publish shares.
#[derive(Debug)]
pub struct Site {
    /// The site's absolute address, ending in `/`.
    pub base_url: Option<String>,
    pub name: Option<String>,
    pub per_page: usize,
    pub templates: Templates,
    /// Every locale of the project, the source first.
    pub locales: Vec<String>,
    /// Each published image whose file exists (its path under `assets/`) with its width and
    /// height, or `None` when its size cannot be read.
    pub images: BTreeMap<String, Option<(u32, u32)>>,
}

impl Site {
    /// The site of `project`: `[publish]` read and checked, the templates loaded.
    pub fn load(project: &Project) -> Result<Site> {
        let config = &project.config.publish;
        let file = Path::new(CONFIG_FILE);
        let base_url = match config.base_url.as_deref() {
            None => None,
            Some(url) => Some(base_url(url).map_err(|why| {
                Error::file(file, format!("[publish] base_url: \"{url}\" {why}"))
            })?),
        };
        let per_page = config.per_page.unwrap_or(PER_PAGE);
        if per_page == 0 {
            return Err(Error::file(
                file,
                "[publish] per_page: give a number of articles from 1 up",
            ));
        }
        let folder = config.templates.as_deref().unwrap_or("templates");
        let inside = Path::new(folder)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if folder.is_empty() || !inside {
            return Err(Error::file(
                file,
                format!("[publish] templates: \"{folder}\" must be a folder inside the project"),
            ));
        }
        let path = project.root.join(folder);
        let templates = if path.is_dir() {
            Templates::load(Some((&path, Path::new(folder))))?
        } else if config.templates.is_some() {
            return Err(Error::file(
                file,
                format!("[publish] templates: there is no folder {folder}"),
            ));
        } else {
            Templates::load(None)?
        };
        Ok(Site {
            base_url,
            name: config
                .site_name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string),
            per_page,
            templates,
            locales: std::iter::once(project.config.source.clone())
                .chain(project.config.targets.iter().cloned())
                .collect(),
            images: BTreeMap::new(),
        })
    }

    /// The address that search engines read of the file `rel` (relative to the output folder),
    /// from a page `up` below the output folder: absolute with a `base_url`, else relative.
    pub fn href(&self, up: &str, rel: &str) -> String {
        match &self.base_url {
            Some(base) => format!("{base}{rel}"),
            None => format!("{up}{rel}"),
        }
    }

    /// The absolute address of `rel`, when the site has one.
    pub fn absolute(&self, rel: &str) -> Option<String> {
        self.base_url.as_ref().map(|base| format!("{base}{rel}"))
    }

    /// Whether the site writes the files that only make sense with an address: the sitemap and
    /// the feeds.
    pub fn has_address(&self) -> bool {
        self.base_url.is_some()
    }
}

/// `url` as the site's base address, ending in `/`, or why it cannot be one.
///
/// ```
/// use bitext::publish::site::base_url;
/// assert_eq!(base_url("https://news.example.com").unwrap(), "https://news.example.com/");
/// assert_eq!(base_url("https://example.com/news/").unwrap(), "https://example.com/news/");
/// assert!(base_url("news.example.com").is_err());
/// assert!(base_url("https://example.com/?a=b").is_err());
/// ```
pub fn base_url(url: &str) -> Result<String, &'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must be an absolute http:// or https:// address")?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() {
        return Err("has no host name");
    }
    if url.contains(|c: char| c.is_whitespace() || c.is_control() || "?#\"<>\\".contains(c)) {
        return Err("must have no spaces, query or fragment");
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// The width and height of the image file at `path`: `Err` when there is no such file (or it is
/// not a plain file), `Ok(None)` when it is not an image whose size can be read.
pub fn image_size(path: &Path) -> std::result::Result<Option<(u32, u32)>, &'static str> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Err("is not a file"),
        Err(_) => return Err("does not exist"),
    }
    Ok(imagesize::size(path).ok().and_then(|size| {
        Some((
            u32::try_from(size.width).ok()?,
            u32::try_from(size.height).ok()?,
        ))
    }))
}
