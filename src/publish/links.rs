//! Which language versions of an article link to each other, so that every hreflang link goes
//! both ways and points at a page that exists.
//!
//! A page refused this time keeps the page of an earlier publish, and a partial publish
//! (`--locale`, slugs) leaves the other languages' pages as they are. So the language versions of
//! an article are the pages this run writes plus the pages already in the output folder; a page
//! that is there but would not link back to exactly those versions is rewritten when it can be
//! published now, and withdrawn (removed) when it cannot.

use std::collections::BTreeSet;
use std::path::Path;

use super::{Outcome, Prepared};

/// The language versions of one article after this run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// Every locale whose page exists after the run and that the pages link to, in the
    /// project's order.
    pub alternates: Vec<String>,
    /// The locales whose page this run writes: the ones asked for, and pages of other locales
    /// that must be rewritten so that they link back.
    pub write: Vec<String>,
    /// Earlier pages of refused locales that would link to other versions than there are: they
    /// are removed.
    pub withdraw: Vec<String>,
}

/// The links of the article `p`, given the locales asked for and the languages that each
/// existing page in `out` links to (`existing(locale)`, `None` when there is no page).
pub fn links(
    p: &Prepared,
    asked: &[String],
    existing: impl Fn(&str) -> Option<BTreeSet<String>>,
) -> Links {
    let mut write = Vec::new();
    // Pages that exist and are not written unless they must be, with what they link to.
    let mut kept: Vec<(String, BTreeSet<String>, bool)> = Vec::new();
    for (locale, outcome) in &p.locales {
        let publishable = matches!(outcome, Outcome::Published(_));
        if publishable && asked.contains(locale) {
            write.push(locale.clone());
        } else if let Some(linked) = existing(locale) {
            kept.push((locale.clone(), linked, publishable));
        }
    }
    let mut withdraw = Vec::new();
    loop {
        let versions: BTreeSet<String> = write
            .iter()
            .chain(kept.iter().map(|(l, _, _)| l))
            .cloned()
            .collect();
        // A refused page that does not link to exactly these versions goes, which changes them.
        let Some(at) = kept
            .iter()
            .position(|(_, linked, publishable)| !publishable && *linked != versions)
        else {
            break;
        };
        withdraw.push(kept.remove(at).0);
    }
    let versions: BTreeSet<String> = write
        .iter()
        .chain(kept.iter().map(|(l, _, _)| l))
        .cloned()
        .collect();
    for (locale, linked, publishable) in &kept {
        if *publishable && *linked != versions {
            write.push(locale.clone());
        }
    }
    let order = |l: &String| p.locales.iter().position(|(x, _)| x == l);
    let mut alternates: Vec<String> = versions.into_iter().collect();
    alternates.sort_by_key(order);
    write.sort_by_key(order);
    Links {
        alternates,
        write,
        withdraw,
    }
}

/// The languages that the HTML page at `path` links to with `<link rel="alternate" hreflang>`
/// (`x-default` aside), or `None` when there is no page there.
pub fn linked_languages(path: &Path) -> Option<BTreeSet<String>> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let html = std::fs::read_to_string(path).ok()?;
    Some(hreflangs(&html))
}

/// The hreflang values of the `<link rel="alternate">` elements of an HTML page.
///
/// ```
/// let html = r#"<link rel="canonical" href="a"><link rel="alternate" hreflang="ko" href="b">
/// <link hreflang='kk' rel=alternate href=c><link rel="alternate" hreflang="x-default" href="d">"#;
/// let found: Vec<String> = bitext::publish::links::hreflangs(html).into_iter().collect();
/// assert_eq!(found, ["kk", "ko"]);
/// ```
pub fn hreflangs(html: &str) -> BTreeSet<String> {
    let head = match html.find("</head>") {
        Some(end) => &html[..end],
        None => html,
    };
    let mut out = BTreeSet::new();
    let mut rest = head;
    while let Some(start) = rest.find("<link") {
        let tag = &rest[start..];
        let end = tag.find('>').unwrap_or(tag.len());
        let attrs = attributes(&tag[5..end]);
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let alternate = get("rel").is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("alternate"))
        });
        if let (true, Some(lang)) = (alternate, get("hreflang")) {
            if !lang.eq_ignore_ascii_case("x-default") && get("type").is_none() {
                out.insert(lang.to_string());
            }
        }
        rest = &tag[end..];
    }
    out
}

/// The attributes of a tag's inside: `name="value"`, `name='value'`, `name=value`.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let chars: Vec<char> = inside.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '=' {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect();
        let mut value = String::new();
        if i < chars.len() && chars[i] == '=' {
            i += 1;
            match chars.get(i) {
                Some(&q) if q == '"' || q == '\'' => {
                    i += 1;
                    while i < chars.len() && chars[i] != q {
                        value.push(chars[i]);
                        i += 1;
                    }
                    i += 1;
                }
                _ => {
                    while i < chars.len() && !chars[i].is_whitespace() {
                        value.push(chars[i]);
                        i += 1;
                    }
                }
            }
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::{Localized, Outcome};

    fn prepared(published: &[&str], refused: &[&str]) -> Prepared {
        let mut locales = Vec::new();
        for l in ["en", "ko", "kk", "ru"] {
            if published.contains(&l) {
                locales.push((l.to_string(), Outcome::Published(Localized::default())));
            } else if refused.contains(&l) {
                locales.push((l.to_string(), Outcome::Refused("no".to_string())));
            }
        }
        Prepared {
            slug: "a".to_string(),
            article: None,
            locales,
            warnings: Vec::new(),
            modified: None,
            signed: Default::default(),
        }
    }

    fn set(v: &[&str]) -> BTreeSet<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn all() -> Vec<String> {
        ["en", "ko", "kk", "ru"].map(String::from).to_vec()
    }

    #[test]
    fn a_refused_page_that_links_back_stays_linked() {
        let p = prepared(&["en", "kk", "ru"], &["ko"]);
        let links = links(&p, &all(), |l| {
            (l == "ko").then(|| set(&["en", "ko", "kk", "ru"]))
        });
        assert_eq!(links.alternates, ["en", "ko", "kk", "ru"]);
        assert_eq!(links.write, ["en", "kk", "ru"]);
        assert!(links.withdraw.is_empty());
    }

    #[test]
    fn a_refused_page_that_would_not_link_back_is_withdrawn() {
        // The Korean page was published when there was no Kazakh page.
        let p = prepared(&["en", "kk", "ru"], &["ko"]);
        let links = links(&p, &all(), |l| {
            (l == "ko").then(|| set(&["en", "ko", "ru"]))
        });
        assert_eq!(links.alternates, ["en", "kk", "ru"]);
        assert_eq!(links.withdraw, ["ko"]);
    }

    #[test]
    fn a_partial_publish_rewrites_the_pages_that_must_link_to_the_new_one() {
        let p = prepared(&["en", "ko", "kk", "ru"], &[]);
        let asked = ["ko".to_string()];
        // English and Russian were published before, Kazakh never.
        let links = links(&p, &asked, |l| match l {
            "en" | "ru" => Some(set(&["en", "ru"])),
            _ => None,
        });
        assert_eq!(links.alternates, ["en", "ko", "ru"]);
        assert_eq!(links.write, ["en", "ko", "ru"]);
    }

    #[test]
    fn pages_that_already_link_right_are_left_alone() {
        let p = prepared(&["en", "ko"], &[]);
        let asked = ["ko".to_string()];
        let links = links(&p, &asked, |l| (l == "en").then(|| set(&["en", "ko"])));
        assert_eq!(links.write, ["ko"]);
    }
}
