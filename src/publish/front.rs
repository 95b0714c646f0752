//! The pages of the site as a whole: each language's front page (newest first, paginated), the
//! language chooser at the root, `sitemap.xml` and each language's Atom feed.
//!
//! They are made from [`Entry`]s, one per published page, and written on a whole-site publish
//! only. The sitemap and the feeds need the site's address (`[publish] base_url`): without it
//! they are not written, since neither is valid with relative addresses.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use super::html::{safe_html, Alternate, Common, DateContext, Og, SiteContext};
use super::locale::{self, Date};
use super::site::{Site, FEED_ENTRIES};
use super::typography;
use crate::error::Result;
use crate::history::format_date;

/// A published page, as the front pages, the sitemap and the feeds list it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub slug: String,
    pub locale: String,
    /// Plain text.
    pub title: String,
    pub description: String,
    pub byline: Option<String>,
    pub date: Option<Date>,
    /// When its English or its translation last changed (RFC 3339).
    pub modified: Option<String>,
}

impl Entry {
    fn rel(&self) -> String {
        format!("{}/{}.html", self.locale, self.slug)
    }

    /// The front matter's date as an RFC 3339 time.
    fn published(&self) -> Option<String> {
        self.date.map(|d| format!("{}T00:00:00Z", d.iso()))
    }

    /// The later of the publication and the last change.
    fn updated(&self) -> Option<String> {
        match (self.published(), self.modified.clone()) {
            (Some(p), Some(m)) => Some(if m > p { m } else { p }),
            (p, m) => m.or(p),
        }
    }
}

/// Newest first: by date, then by last change, then by slug.
fn newest_first(entries: &mut [&Entry]) {
    entries.sort_by(|a, b| {
        b.date
            .map(|d| d.iso())
            .cmp(&a.date.map(|d| d.iso()))
            .then_with(|| b.modified.cmp(&a.modified))
            .then_with(|| a.slug.cmp(&b.slug))
    });
}

/// The language versions of each article (every locale whose page exists after the run).
pub type Versions = BTreeMap<String, Vec<String>>;

/// The site's own files: (path under the output folder, text).
pub fn site_pages(
    site: &Site,
    entries: &[Entry],
    versions: &Versions,
) -> Result<Vec<(PathBuf, String)>> {
    let mut out = Vec::new();
    let mut by_locale: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        by_locale.entry(&e.locale).or_default().push(e);
    }
    for list in by_locale.values_mut() {
        newest_first(list);
    }
    for lc in &site.locales {
        let list = by_locale
            .get(lc.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        out.extend(front_pages(site, lc, list)?);
        if site.has_address() {
            out.push((
                PathBuf::from(lc).join("feed.xml"),
                feed(site, lc, list, versions, entries)?,
            ));
        }
    }
    out.push((PathBuf::from("index.html"), languages(site)?));
    if site.has_address() {
        out.push((
            PathBuf::from("sitemap.xml"),
            sitemap(site, &by_locale, versions)?,
        ));
    }
    Ok(out)
}

/// The file of page `n` (from 1) of a language's front page.
pub fn front_page_path(lc: &str, n: usize) -> String {
    if n == 1 {
        format!("{lc}/index.html")
    } else {
        format!("{lc}/page/{n}.html")
    }
}

/// Why an article's HTML pages cannot have `slug`, when its page would be a front page's file.
///
/// ```
/// use bitext::publish::front::reserved;
/// assert!(reserved("index").is_some());
/// assert!(reserved("page/2").is_some());
/// assert!(reserved("2021/08/index").is_none());
/// assert!(reserved("page/two").is_none());
/// ```
pub fn reserved(slug: &str) -> Option<String> {
    let page = slug
        .strip_prefix("page/")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if slug == "index" || page {
        Some(format!(
            "the slug {slug} is the file of a front page (<lc>/{slug}.html): rename the article"
        ))
    } else {
        None
    }
}

#[derive(Serialize)]
struct FrontArticle {
    title: String,
    title_html: minijinja::Value,
    link: String,
    description: String,
    description_html: Option<minijinja::Value>,
    byline: Option<String>,
    date: Option<DateContext>,
}

#[derive(Serialize)]
struct FrontContext {
    articles: Vec<FrontArticle>,
    page: usize,
    pages: usize,
    page_of: String,
    first: String,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Serialize)]
struct Language {
    lang: String,
    name: String,
    dir: &'static str,
    /// The relative link to its front page.
    link: String,
    current: bool,
    /// The invitation to read in it, in it.
    read_in: &'static str,
}

#[derive(Serialize)]
struct FrontPage {
    #[serde(flatten)]
    common: Common,
    languages: Vec<Language>,
    front: FrontContext,
}

fn site_context(site: &Site) -> SiteContext {
    SiteContext {
        name: site.name.clone(),
        base_url: site.base_url.clone(),
    }
}

fn languages_from(site: &Site, up: &str, current: Option<&str>) -> Vec<Language> {
    site.locales
        .iter()
        .map(|l| Language {
            lang: l.clone(),
            name: locale::endonym(l).to_string(),
            dir: locale::direction(l),
            link: format!("{up}{}", front_page_path(l, 1)),
            current: current == Some(l.as_str()),
            read_in: locale::labels(l).read_in,
        })
        .collect()
}

/// The pages of one language's front page.
fn front_pages(site: &Site, lc: &str, list: &[&Entry]) -> Result<Vec<(PathBuf, String)>> {
    let t = locale::labels(lc);
    let pages = list.len().div_ceil(site.per_page).max(1);
    let mut out = Vec::new();
    for n in 1..=pages {
        let up = if n == 1 { "../" } else { "../../" };
        let chunk = list
            .iter()
            .skip((n - 1) * site.per_page)
            .take(site.per_page);
        let articles = chunk
            .map(|e| FrontArticle {
                title: e.title.clone(),
                title_html: safe_html(super::html::text(&typography::apply(&e.title, lc))),
                link: format!("{up}{}", e.rel()),
                description: e.description.clone(),
                description_html: (!e.description.is_empty())
                    .then(|| safe_html(super::html::text(&typography::apply(&e.description, lc)))),
                byline: e.byline.clone(),
                date: e.date.map(|d| DateContext::of(d, lc)),
            })
            .collect();
        // Only the first pages are one another's language versions: the later ones list other
        // articles in each language.
        let alternates = if n == 1 {
            site.locales
                .iter()
                .map(|l| Alternate {
                    lang: l.clone(),
                    name: locale::endonym(l).to_string(),
                    dir: locale::direction(l),
                    href: site.href(up, &front_page_path(l, 1)),
                    link: format!("{up}{}", front_page_path(l, 1)),
                    current: l == lc,
                })
                .collect()
        } else {
            Vec::new()
        };
        let title = match (&site.name, n) {
            (Some(name), 1) => name.clone(),
            (None, 1) => t.news.to_string(),
            (name, n) => format!(
                "{} — {}",
                name.as_deref().unwrap_or(t.news),
                page_of(t.page_of, n, pages)
            ),
        };
        let description = list
            .first()
            .filter(|_| n == 1)
            .map(|_| format!("{}: {}", t.latest, titles(list, 3)))
            .unwrap_or_default();
        let rel = front_page_path(lc, n);
        let common = Common {
            lang: lc.to_string(),
            dir: locale::direction(lc),
            t,
            root: up.to_string(),
            site: site_context(site),
            title,
            description,
            canonical: site.href(up, &rel),
            alternates,
            x_default: (n == 1).then(|| site.href(up, "index.html")),
            feed: site.has_address().then(|| format!("{up}{lc}/feed.xml")),
            og: Og {
                kind: "website",
                locale: locale::og_locale(lc),
                locale_alternates: if n == 1 {
                    site.locales
                        .iter()
                        .filter(|l| *l != lc)
                        .map(|l| locale::og_locale(l))
                        .collect()
                } else {
                    Vec::new()
                },
                url: site.absolute(&rel),
                image: None,
            },
        };
        let front = FrontContext {
            articles,
            page: n,
            pages,
            page_of: page_of(t.page_of, n, pages),
            first: format!("{up}{}", front_page_path(lc, 1)),
            previous: (n > 1).then(|| format!("{up}{}", front_page_path(lc, n - 1))),
            next: (n < pages).then(|| format!("{up}{}", front_page_path(lc, n + 1))),
        };
        let page = FrontPage {
            common,
            languages: languages_from(site, up, Some(lc)),
            front,
        };
        out.push((
            PathBuf::from(&rel),
            site.templates.render("front.html", &page)?,
        ));
    }
    Ok(out)
}

/// The first `n` titles, for a front page's description.
fn titles(list: &[&Entry], n: usize) -> String {
    let titles: Vec<&str> = list.iter().take(n).map(|e| e.title.as_str()).collect();
    titles.join("; ")
}

fn page_of(pattern: &str, n: usize, total: usize) -> String {
    pattern
        .replace("{n}", &n.to_string())
        .replace("{total}", &total.to_string())
}

#[derive(Serialize)]
struct LanguagesPage {
    #[serde(flatten)]
    common: Common,
    languages: Vec<LanguageLink>,
}

#[derive(Serialize)]
struct LanguageLink {
    lang: String,
    name: String,
    dir: &'static str,
    url: String,
    read_in: &'static str,
}

/// `index.html`: the site's languages, each named and introduced in itself.
fn languages(site: &Site) -> Result<String> {
    let source = site.locales.first().map(String::as_str).unwrap_or("en");
    let t = locale::labels(source);
    let title = site.name.clone().unwrap_or_else(|| t.news.to_string());
    let common = Common {
        lang: source.to_string(),
        dir: locale::direction(source),
        t,
        root: String::new(),
        site: site_context(site),
        title: title.clone(),
        description: String::new(),
        canonical: site.href("", "index.html"),
        alternates: site
            .locales
            .iter()
            .map(|l| Alternate {
                lang: l.clone(),
                name: locale::endonym(l).to_string(),
                dir: locale::direction(l),
                href: site.href("", &front_page_path(l, 1)),
                link: front_page_path(l, 1),
                current: false,
            })
            .collect(),
        x_default: Some(site.href("", "index.html")),
        feed: None,
        og: Og {
            kind: "website",
            locale: locale::og_locale(source),
            locale_alternates: site
                .locales
                .iter()
                .skip(1)
                .map(|l| locale::og_locale(l))
                .collect(),
            url: site.absolute("index.html"),
            image: None,
        },
    };
    let languages = site
        .locales
        .iter()
        .map(|l| LanguageLink {
            lang: l.clone(),
            name: locale::endonym(l).to_string(),
            dir: locale::direction(l),
            url: front_page_path(l, 1),
            read_in: locale::labels(l).read_in,
        })
        .collect();
    site.templates
        .render("languages.html", &LanguagesPage { common, languages })
}

#[derive(Serialize)]
struct Link {
    lang: String,
    href: String,
}

#[derive(Serialize)]
struct FeedEntry {
    id: String,
    url: String,
    title: String,
    summary: String,
    published: Option<String>,
    updated: String,
    author: Option<String>,
    alternates: Vec<Link>,
}

#[derive(Serialize)]
struct Feed {
    id: String,
    url: String,
    home: String,
    title: String,
    updated: String,
    author: String,
    entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
struct FeedContext {
    lang: String,
    t: locale::Labels,
    site: SiteContext,
    feed: Feed,
}

/// The time of a feed with no entry: the newest change on the site, or the Unix epoch.
fn site_updated(entries: &[Entry]) -> String {
    entries
        .iter()
        .filter_map(Entry::updated)
        .max()
        .unwrap_or_else(|| format_date(0))
}

/// `<lc>/feed.xml`: the Atom feed of the language's newest articles.
fn feed(
    site: &Site,
    lc: &str,
    list: &[&Entry],
    versions: &Versions,
    all: &[Entry],
) -> Result<String> {
    let t = locale::labels(lc);
    let name = site.name.clone().unwrap_or_else(|| t.news.to_string());
    let abs = |rel: &str| site.href("", rel);
    let entries: Vec<FeedEntry> = list
        .iter()
        .take(FEED_ENTRIES)
        .map(|e| FeedEntry {
            id: abs(&e.rel()),
            url: abs(&e.rel()),
            title: e.title.clone(),
            summary: e.description.clone(),
            published: e.published(),
            updated: e.updated().unwrap_or_else(|| site_updated(all)),
            author: e.byline.clone(),
            alternates: versions
                .get(&e.slug)
                .into_iter()
                .flatten()
                .filter(|l| *l != lc)
                .map(|l| Link {
                    lang: l.clone(),
                    href: abs(&format!("{l}/{}.html", e.slug)),
                })
                .collect(),
        })
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated.clone())
        .max()
        .unwrap_or_else(|| site_updated(all));
    let feed = Feed {
        id: abs(&format!("{lc}/feed.xml")),
        url: abs(&format!("{lc}/feed.xml")),
        home: abs(&front_page_path(lc, 1)),
        title: format!("{name} — {}", locale::endonym(lc)),
        updated,
        author: name,
        entries,
    };
    site.templates.render(
        "feed.xml",
        &FeedContext {
            lang: lc.to_string(),
            t,
            site: site_context(site),
            feed,
        },
    )
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
    alternates: Vec<Link>,
}

#[derive(Serialize)]
struct SitemapContext {
    site: SiteContext,
    urls: Vec<SitemapUrl>,
}

/// `sitemap.xml`: the language chooser, every front page and every article page, each with its
/// language versions (and `x-default`) and its last change.
fn sitemap(
    site: &Site,
    by_locale: &BTreeMap<&str, Vec<&Entry>>,
    versions: &Versions,
) -> Result<String> {
    let abs = |rel: &str| site.href("", rel);
    let mut urls = Vec::new();
    let front_links: Vec<Link> = site
        .locales
        .iter()
        .map(|l| Link {
            lang: l.clone(),
            href: abs(&front_page_path(l, 1)),
        })
        .chain(std::iter::once(Link {
            lang: "x-default".to_string(),
            href: abs("index.html"),
        }))
        .collect();
    let newest = |lc: Option<&str>| {
        by_locale
            .iter()
            .filter(|(l, _)| lc.is_none_or(|lc| **l == lc))
            .flat_map(|(_, list)| list.iter().filter_map(|e| e.updated()))
            .max()
    };
    urls.push(SitemapUrl {
        loc: abs("index.html"),
        lastmod: newest(None),
        alternates: copy_links(&front_links),
    });
    for lc in &site.locales {
        urls.push(SitemapUrl {
            loc: abs(&front_page_path(lc, 1)),
            lastmod: newest(Some(lc)),
            alternates: copy_links(&front_links),
        });
    }
    let modified: BTreeMap<(&str, &str), Option<String>> = by_locale
        .values()
        .flatten()
        .map(|e| ((e.slug.as_str(), e.locale.as_str()), e.updated()))
        .collect();
    let source = site.locales.first().map(String::as_str).unwrap_or("en");
    for (slug, langs) in versions {
        let mut links: Vec<Link> = langs
            .iter()
            .map(|l| Link {
                lang: l.clone(),
                href: abs(&format!("{l}/{slug}.html")),
            })
            .collect();
        if langs.iter().any(|l| l == source) {
            links.push(Link {
                lang: "x-default".to_string(),
                href: abs(&format!("{source}/{slug}.html")),
            });
        }
        for l in langs {
            urls.push(SitemapUrl {
                loc: abs(&format!("{l}/{slug}.html")),
                lastmod: modified
                    .get(&(slug.as_str(), l.as_str()))
                    .cloned()
                    .flatten(),
                alternates: copy_links(&links),
            });
        }
    }
    site.templates.render(
        "sitemap.xml",
        &SitemapContext {
            site: site_context(site),
            urls,
        },
    )
}

fn copy_links(links: &[Link]) -> Vec<Link> {
    links
        .iter()
        .map(|l| Link {
            lang: l.lang.clone(),
            href: l.href.clone(),
        })
        .collect()
}

/// When a page last changed: the later of the last source revision (`revised`) and the locale's
/// last sign-off (`signed`, none for the source locale).
pub fn modified(revised: Option<&str>, signed: Option<&String>) -> Option<String> {
    match (revised, signed) {
        (Some(r), Some(s)) => Some(r.max(s.as_str()).to_string()),
        (r, s) => r.map(str::to_string).or_else(|| s.cloned()),
    }
}
