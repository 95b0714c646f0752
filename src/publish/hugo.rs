//! `--format hugo`: a content tree that Hugo builds into a multilingual site as it is.
//!
//! Each page is `content/<lc>/<slug>.md` with the front matter Hugo reads (`title`,
//! `description`, `authors`, `date`, `lastmod`, `lang`, `translationKey`, `images`) and the
//! same safe Markdown as `--format md`; the images are under `static/assets/`; `hugo.toml` has
//! one language per locale, each with its own content folder, and URLs ending in `.html` like
//! bitext's own pages. Layouts come as a theme, `themes/bitext/`, so that a site's own `layouts/`
//! take precedence over them.

use std::path::PathBuf;

use super::markdown::{joined, make_safe, toml_key};
use super::{asset_path, html, locale, Page, Renderer};
use crate::error::Result;

/// The folder of the static files, under the output folder.
pub const STATIC: &str = "static";

/// The Hugo renderer.
pub struct Hugo;

impl Renderer for Hugo {
    fn extension(&self) -> &'static str {
        "md"
    }

    fn path(&self, page: &Page) -> PathBuf {
        PathBuf::from("content")
            .join(page.locale)
            .join(format!("{}.md", page.slug))
    }

    fn render(&self, page: &Page) -> Result<String> {
        let mut out = String::from("+++\n");
        out.push_str(&front_matter(page));
        out.push_str("+++\n");
        // Figures keep the article's own relative paths: the theme's image hook finds them under
        // `static/assets/` with the page's folder.
        out.push_str(&make_safe(&super::markdown::body(page, |dest| {
            dest.to_string()
        })));
        Ok(out)
    }
}

fn front_matter(page: &Page) -> String {
    let l = page.localized;
    let lc = page.locale;
    let mut fields: Vec<(String, toml::Value)> = Vec::new();
    let string = |s: String| toml::Value::String(s);
    fields.push(("title".into(), string(joined(&l.title, lc))));
    let description = html::description(page);
    if !description.is_empty() {
        fields.push(("description".into(), string(description)));
    }
    if !l.subtitle.is_empty() {
        fields.push(("subtitle".into(), string(joined(&l.subtitle, lc))));
    }
    if !l.byline.is_empty() {
        fields.push((
            "authors".into(),
            toml::Value::Array(vec![string(joined(&l.byline, lc))]),
        ));
    }
    if let Some(date) = page.article.front.get("date") {
        fields.push(("date".into(), date.clone()));
    }
    if let Some(modified) = page.modified {
        if let Ok(value) = modified.parse::<toml::value::Datetime>() {
            fields.push(("lastmod".into(), toml::Value::Datetime(value)));
        }
    }
    fields.push(("lang".into(), string(lc.to_string())));
    fields.push(("translationKey".into(), string(page.slug.to_string())));
    let images: Vec<toml::Value> = first_image(page)
        .into_iter()
        .map(|p| string(format!("assets/{p}")))
        .collect();
    if !images.is_empty() {
        fields.push(("images".into(), toml::Value::Array(images)));
    }
    let taken = [
        "title",
        "subtitle",
        "byline",
        "date",
        "lang",
        "description",
        "authors",
        "lastmod",
        "translationKey",
        "images",
    ];
    for (key, value) in &page.article.front {
        if !taken.contains(&key.as_str()) {
            fields.push((toml_key(key), value.clone()));
        }
    }
    let mut out = String::new();
    for (key, value) in fields {
        out.push_str(&format!("{key} = {value}\n"));
    }
    out
}

/// The asset path of the article's first figure whose image exists.
fn first_image(page: &Page) -> Option<String> {
    page.runs.iter().find_map(|run| match &run.content {
        crate::article::RunContent::Images(images) => images.iter().find_map(|i| {
            asset_path(page.slug, &i.dest).filter(|p| page.site.images.contains_key(p))
        }),
        _ => None,
    })
}

/// `hugo.toml` and the theme's layouts: (path under the output folder, text).
pub fn site_files(site: &super::site::Site) -> Result<Vec<(PathBuf, String)>> {
    let mut out = vec![(PathBuf::from("hugo.toml"), config(site))];
    for (name, text) in LAYOUTS {
        out.push((
            PathBuf::from("themes/bitext/layouts").join(name),
            text.to_string(),
        ));
    }
    Ok(out)
}

fn config(site: &super::site::Site) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let source = site.locales.first().map(String::as_str).unwrap_or("en");
    let title = |lc: &str| {
        site.name
            .clone()
            .unwrap_or_else(|| locale::labels(lc).news.to_string())
    };
    let mut out = String::from(
        "# Written by `bitext publish --format hugo`: one language per locale, each with its own\n\
         # content folder; the layouts are the theme in themes/bitext.\n",
    );
    out.push_str(&format!(
        "baseURL = {}\n",
        quote(site.base_url.as_deref().unwrap_or("/"))
    ));
    out.push_str(&format!("title = {}\n", quote(&title(source))));
    out.push_str(&format!(
        "defaultContentLanguage = {}\n",
        quote(&source.to_lowercase())
    ));
    out.push_str("defaultContentLanguageInSubdir = true\n");
    out.push_str("uglyURLs = true\n");
    out.push_str("buildFuture = true\n");
    out.push_str("theme = \"bitext\"\n");
    out.push_str("disableKinds = [\"taxonomy\", \"term\"]\n");
    out.push_str("\n[markup.goldmark.parser]\nwrapStandAloneImageWithinParagraph = false\n");
    for (weight, lc) in site.locales.iter().enumerate() {
        out.push_str(&format!(
            "\n[languages.{}]\ncontentDir = {}\nlanguageCode = {}\nlanguageName = {}\nlanguageDirection = {}\ntitle = {}\nweight = {}\n",
            quote(&lc.to_lowercase()),
            quote(&format!("content/{lc}")),
            quote(lc),
            quote(locale::endonym(lc)),
            quote(locale::direction(lc)),
            quote(&title(lc)),
            weight + 1
        ));
    }
    out
}

/// The theme's layouts: a page per article, a list for the home and section pages, and the
/// figure of a stand-alone image.
const LAYOUTS: &[(&str, &str)] = &[
    (
        "_default/baseof.html",
        r#"<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}" dir="{{ .Language.LanguageDirection | default "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} | {{ .Site.Title }}{{ end }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">
{{ end }}<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Site.LanguageCode }}" href="{{ .Permalink }}">
{{ end }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">
{{ end }}{{ template "_internal/opengraph.html" . }}
</head>
<body>
<nav aria-label="{{ .Site.Language.LanguageName }}"><a href="{{ "" | relLangURL }}">{{ .Site.Title }}</a>
{{ range .AllTranslations }}{{ if ne .Lang $.Lang }} <a href="{{ .RelPermalink }}" hreflang="{{ .Site.LanguageCode }}" lang="{{ .Site.LanguageCode }}">{{ .Language.LanguageName }}</a>{{ end }}{{ end }}
</nav>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"#,
    ),
    (
        "_default/single.html",
        r#"{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ with .Params.subtitle }}<p class="subtitle">{{ . }}</p>
{{ end }}{{ with .Params.authors }}<p class="byline">{{ delimit . ", " }}</p>
{{ end }}{{ .Content }}
</article>
{{ end }}
"#,
    ),
    (
        "_default/list.html",
        r#"{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ol>
{{ range .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ol>
{{ end }}
"#,
    ),
    (
        "_default/_markup/render-image.html",
        r#"{{- $src := .Destination -}}
{{- if not (or (hasPrefix $src "http:") (hasPrefix $src "https:") (hasPrefix $src "/")) -}}
  {{- $src = path.Join "assets" .Page.File.Dir $src -}}
{{- end -}}
{{- $size := "" -}}
{{- if fileExists (path.Join "static" $src) -}}
  {{- with imageConfig (path.Join "static" $src) -}}{{- $size = printf " width=\"%d\" height=\"%d\"" .Width .Height -}}{{- end -}}
{{- end -}}
{{- if .IsBlock -}}
<figure><img src="{{ $src | relURL }}" alt="{{ .PlainText }}"{{ $size | safeHTMLAttr }}>
{{- if or .Text .Title }}<figcaption>{{ .Text | safeHTML }}{{ with .Title }} <span class="credit">{{ . }}</span>{{ end }}</figcaption>{{ end -}}
</figure>
{{- else -}}
<img src="{{ $src | relURL }}" alt="{{ .PlainText }}"{{ $size | safeHTMLAttr }}>
{{- end -}}
"#,
    ),
];
