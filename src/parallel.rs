//! An article as parallel text: each segment in the source and in each locale, with its state,
//! grouped by the article's blocks (front matter fields, paragraphs, headings, …).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::article::Article;
use crate::article_files::{ArticleFiles, Source};
use crate::error::Result;
use crate::state::State;

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

/// The article of `files` in the source and the locales read, at its latest revision.
pub fn parallel(files: &ArticleFiles) -> Result<Parallel> {
    let history = files.history();
    let current = history.current();
    let blocks = blocks(files, &current)?;
    let rows = current
        .iter()
        .enumerate()
        .map(|(i, (id, text))| Row {
            id: id.to_string(),
            block: blocks.as_ref().map(|b| b[i]),
            source: text.to_string(),
            locales: files
                .locales()
                .iter()
                .map(|file| {
                    let cell = Cell {
                        state: file.state(history, id),
                        translation: file.translation(id).map(|t| t.text()),
                    };
                    (file.locale().to_string(), cell)
                })
                .collect(),
        })
        .collect();
    Ok(Parallel {
        slug: files.slug().to_string(),
        revision: history.number(),
        segments: rows,
    })
}

/// The block of each current segment, read from the article when it still splits into exactly
/// these segments.
fn blocks(files: &ArticleFiles, current: &[(&str, &str)]) -> Result<Option<Vec<usize>>> {
    let (Source::Synced(text) | Source::Edited(text)) = files.source()? else {
        return Ok(None);
    };
    let project = files.project();
    let path = project.rel(&project.article_path(files.slug()));
    let Ok(article) = Article::parse(&path, &text) else {
        return Ok(None);
    };
    let segments = article.segments(&project.config.source);
    let same = segments.len() == current.len()
        && segments
            .iter()
            .zip(current)
            .all(|(s, (_, text))| s.text == *text);
    Ok(same.then(|| segments.iter().map(|s| s.block).collect()))
}
