//! An article as parallel text: each segment in the source and in each locale, with its state,
//! grouped by the article's blocks (front matter fields, paragraphs, headings, …).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::article::Article;
use crate::error::Result;
use crate::history::History;
use crate::project::Project;
use crate::state::State;
use crate::status::segment_states;
use crate::store::target;
use crate::store::{ftl, read_text_if_exists};

/// `bitext show --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Parallel {
    pub slug: String,
    pub revision: u32,
    pub segments: Vec<Row>,
}

/// One segment in every language.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    /// The index of the block the segment belongs to, counted from 0; none when the article was
    /// edited since the last sync and its blocks may no longer match.
    pub block: Option<usize>,
    pub source: String,
    pub locales: BTreeMap<String, Cell>,
}

/// A segment's translation in one locale.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    #[serde(flatten)]
    pub state: State,
    pub translation: Option<String>,
}

/// `slug` in the source and `locales`, at its latest revision.
pub fn parallel(
    project: &Project,
    slug: &str,
    history: &History,
    locales: &[String],
) -> Result<Parallel> {
    let current = history.current();
    let blocks = blocks(project, slug, &current);
    let mut rows: Vec<Row> = current
        .iter()
        .enumerate()
        .map(|(i, (id, text))| Row {
            id: id.to_string(),
            block: blocks.as_ref().map(|b| b[i]),
            source: text.to_string(),
            locales: BTreeMap::new(),
        })
        .collect();
    for locale in locales {
        let text = read_text_if_exists(&project.locale_path(locale, slug))?
            .unwrap_or_default()
            .text;
        let file = ftl::parse(&text);
        let translations = target::translations(&file);
        let states = segment_states(history, &current, &translations);
        for ((row, state), (id, _)) in rows.iter_mut().zip(states).zip(&current) {
            row.locales.insert(
                locale.clone(),
                Cell {
                    state,
                    translation: translations.get(id).map(|t| t.text()),
                },
            );
        }
    }
    Ok(Parallel {
        slug: slug.to_string(),
        revision: history.number(),
        segments: rows,
    })
}

/// The block of each current segment, read from the article when it still splits into exactly
/// these segments.
fn blocks(project: &Project, slug: &str, current: &[(&str, &str)]) -> Option<Vec<usize>> {
    let path = project.article_path(slug);
    let file = crate::store::read_text(&path).ok()?;
    let article = Article::parse(&path, &file.text).ok()?;
    let segments = article.segments(&project.config.source);
    let same = segments.len() == current.len()
        && segments
            .iter()
            .zip(current)
            .all(|(s, (_, text))| s.text == *text);
    same.then(|| segments.iter().map(|s| s.block).collect())
}
