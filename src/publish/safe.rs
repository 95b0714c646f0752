//! What may reach a published page: no raw HTML, and no link or image that runs script.
//!
//! Articles and translations are Markdown, and Markdown lets raw HTML and any URL through. A
//! translation is written by people outside the newsroom, so publishing treats it as untrusted:
//! raw HTML becomes text, and a link or image whose destination is not plainly safe loses it.

use pulldown_cmark::{Event, Tag, TagEnd};

/// The URL schemes a link may have; anything else with a scheme (`javascript:`, `vbscript:`,
/// `data:`, `file:` …) is dropped. Links without a scheme (relative, `#fragment`) are kept.
const LINK_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The scheme of `url` as a browser reads it: ASCII white space and control characters anywhere
/// are ignored, case folded; `None` when the URL has no scheme.
///
/// ```
/// use bitext::publish::safe::scheme;
/// assert_eq!(scheme(" JaVa\tScript:alert(1)").as_deref(), Some("javascript"));
/// assert_eq!(scheme("images/a.jpg"), None);
/// assert_eq!(scheme("a/b:c"), None);
/// ```
pub fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control() && *c != '\u{0}')
        .collect();
    let end = cleaned.find([':', '/', '?', '#', '\\'])?;
    if cleaned.as_bytes().get(end) != Some(&b':') {
        return None;
    }
    Some(cleaned[..end].to_ascii_lowercase())
}

/// Whether a link may point at `url`.
///
/// ```
/// use bitext::publish::safe::is_safe_link;
/// assert!(is_safe_link("https://www.akorda.kz/en"));
/// assert!(is_safe_link("../other.html#x"));
/// assert!(!is_safe_link("javascript:alert(1)"));
/// assert!(!is_safe_link("  java\nscript:alert(1)"));
/// assert!(!is_safe_link("DATA:text/html,<script>"));
/// ```
pub fn is_safe_link(url: &str) -> bool {
    match scheme(url) {
        None => true,
        Some(s) => LINK_SCHEMES.contains(&s.as_str()),
    }
}

/// Whether an image may be loaded from `url`: only the article's own relative paths, since a page
/// loads nothing from elsewhere.
///
/// ```
/// use bitext::publish::safe::is_local_image;
/// assert!(is_local_image("images/a.jpg"));
/// assert!(!is_local_image("https://example.com/a.jpg"));
/// assert!(!is_local_image("//example.com/a.jpg"));
/// assert!(!is_local_image("/abs/a.jpg"));
/// ```
pub fn is_local_image(url: &str) -> bool {
    let trimmed = url.trim_start_matches(|c: char| c.is_ascii_whitespace() || c.is_control());
    scheme(url).is_none()
        && !trimmed.is_empty()
        && !trimmed.starts_with('/')
        && !trimmed.starts_with('\\')
}

/// Makes a stream of Markdown events safe to render as HTML: raw HTML turns into text, links to
/// unsafe destinations keep their text and lose the link, images that are not local keep their
/// description as text.
pub fn sanitize<'a>(events: impl IntoIterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    // For each open link and image: whether its start was dropped, so its end is dropped too.
    let mut links: Vec<bool> = Vec::new();
    let mut images: Vec<bool> = Vec::new();
    for event in events {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => out.push(Event::Text(html)),
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let keep = is_safe_link(dest_url);
                links.push(keep);
                if keep {
                    out.push(event);
                }
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(true) {
                    out.push(event);
                }
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                let keep = is_local_image(dest_url);
                images.push(keep);
                if keep {
                    out.push(event);
                }
            }
            Event::End(TagEnd::Image) => {
                if images.pop().unwrap_or(true) {
                    out.push(event);
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tricks_around_the_scheme_are_seen_through() {
        for url in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_link(url), "{url:?}");
            assert!(!is_local_image(url), "{url:?}");
        }
    }

    #[test]
    fn raw_html_becomes_text() {
        let events = vec![
            Event::InlineHtml("<script>".into()),
            Event::Text("x".into()),
        ];
        assert_eq!(
            sanitize(events),
            [Event::Text("<script>".into()), Event::Text("x".into())]
        );
    }
}
