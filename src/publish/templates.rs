//! The templates of the published site: built-in ones shipped in the binary, and a project's
//! `templates/` folder that replaces any of them by name, as Zola does.
//!
//! Templates are minijinja (Jinja2) with automatic escaping on for `.html` and `.xml` templates:
//! every value from an article or a translation is escaped where it is printed, and the only
//! values marked safe are the HTML fragments that [`super::html`] made from them, already
//! sanitized. The variables are documented in the README, under "Templates".

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use serde::Serialize;

use crate::error::{Error, Result};

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("article.html", include_str!("templates/article.html")),
    ("front.html", include_str!("templates/front.html")),
    ("languages.html", include_str!("templates/languages.html")),
    ("style.css", include_str!("templates/style.css")),
    ("feed.xml", include_str!("templates/feed.xml")),
    ("sitemap.xml", include_str!("templates/sitemap.xml")),
];

/// The templates of a site, ready to render.
pub struct Templates {
    env: Environment<'static>,
    /// Each template's file (for a project's own) and source, for error messages.
    sources: BTreeMap<String, (Option<PathBuf>, String)>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("names", &self.sources.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Templates {
    /// The built-in templates, each replaced by the file of the same name in `folder` (shown in
    /// errors as `shown`), plus every other template the folder has.
    pub fn load(folder: Option<(&Path, &Path)>) -> Result<Templates> {
        let mut sources: BTreeMap<String, (Option<PathBuf>, String)> = BUILTIN
            .iter()
            .map(|(name, text)| (name.to_string(), (None, text.to_string())))
            .collect();
        if let Some((folder, shown)) = folder {
            let mut found = Vec::new();
            walk(folder, "", &mut found)?;
            for name in found {
                let path = folder.join(&name);
                let file = crate::store::read_text(&path)?;
                sources.insert(name.clone(), (Some(shown.join(&name)), file.text));
            }
        }
        let mut env = Environment::new();
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .keep_trailing_newline(true)
                .build()
                .map_err(|e| Error::Usage(e.to_string()))?,
        );
        // A misspelt variable is an error, not an empty string; `{% if x %}` still works.
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        env.set_formatter(escape_formatter);
        for (name, (_, text)) in &sources {
            env.add_template_owned(name.clone(), text.clone())
                .map_err(|e| template_error(&sources, name, &e))?;
        }
        Ok(Templates { env, sources })
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &impl Serialize) -> Result<String> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_error(&self.sources, name, &e))?;
        template
            .render(Value::from(minijinja::value::Serde(context)))
            .map_err(|e| template_error(&self.sources, name, &e))
    }
}

/// The template files under `dir`, as names relative to the folder (`partials/x.html`).
fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut entries: Vec<_> = entries
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| Error::io(dir, e))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(|e| Error::io(&entry.path(), e))?;
        if kind.is_dir() {
            walk(&entry.path(), &format!("{prefix}{name}/"), out)?;
        } else if kind.is_file() {
            out.push(format!("{prefix}{name}"));
        }
    }
    Ok(())
}

/// A template error where it happened: the file, line and column of a project's template, or
/// the name of a built-in one.
fn template_error(
    sources: &BTreeMap<String, (Option<PathBuf>, String)>,
    name: &str,
    error: &minijinja::Error,
) -> Error {
    // The innermost template named by the error (an included one, say) is where it is.
    let at = error.name().unwrap_or(name);
    let mut message = error.kind().to_string();
    if let Some(detail) = error.detail() {
        message = format!("{message}: {detail}");
    }
    match sources.get(at) {
        Some((Some(path), text)) => match error.range() {
            Some(range) => Error::at_offset(path, text, range.start, message),
            None => match error.line() {
                Some(line) => Error::file(path, format!("line {line}: {message}")),
                None => Error::file(path, message),
            },
        },
        _ => {
            let line = error.line().map(|l| format!(":{l}")).unwrap_or_default();
            Error::file(Path::new(&format!("built-in template {at}{line}")), message)
        }
    }
}

/// Prints a value: escaped for HTML and XML (`&`, `<`, `>`, `"` and `'`, and nothing else, so
/// that URLs read as they are) unless it is marked safe.
fn escape_formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> std::result::Result<(), minijinja::Error> {
    if *state.auto_escape() == AutoEscape::Html && !value.is_safe() && !value.is_undefined() {
        let text = if value.is_none() {
            String::new()
        } else {
            value.to_string()
        };
        out.write_str(&escape(&text))
            .map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write failed"))
    } else {
        minijinja::escape_formatter(out, state, value)
    }
}

/// Escapes text for HTML and XML content and attribute values.
///
/// ```
/// assert_eq!(bitext::publish::templates::escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_safe_fragments_are_not() {
        let templates = Templates::load(None).unwrap();
        let mut env = templates.env.clone();
        env.add_template("t.html", "{{ a }}|{{ b }}|{{ c }}")
            .unwrap();
        let out = env
            .get_template("t.html")
            .unwrap()
            .render(minijinja::context! {
                a => "<script>alert(1)</script>",
                b => Value::from_safe_string("<em>ok</em>".into()),
                c => "https://x.y/a/b?c=d&e",
            })
            .unwrap();
        assert_eq!(
            out,
            "&lt;script&gt;alert(1)&lt;/script&gt;|<em>ok</em>|https://x.y/a/b?c=d&amp;e"
        );
    }

    #[test]
    fn every_builtin_template_compiles() {
        let templates = Templates::load(None).unwrap();
        for (name, _) in BUILTIN {
            assert!(templates.env.get_template(name).is_ok(), "{name}");
        }
    }
}
