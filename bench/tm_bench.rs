//! Benchmarks translation-memory lookups: 1,000 new sentences against a corpus's translations.
//!
//! `cargo run --release --example tm-bench -- CORPUS [LOCALE] [QUERIES]` reads the project made
//! by `gen-corpus` in CORPUS, builds the memory of LOCALE (default ko) and looks up QUERIES
//! (default 1000) new sentences: English segments of the corpus, picked evenly, each with one word
//! replaced and, for every other one, a word inserted, so that none of them is in memory as it is.
//! It prints the time to build the memory, the time per lookup, and how often the best match was
//! the sentence the query was made from, above 80%.

use std::time::Instant;

use anyhow::{bail, Context as _, Result};

use bitext::article_files::ArticleFiles;
use bitext::project::Project;
use bitext::tm::Memory;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, locale, queries) = match args.as_slice() {
        [dir] => (dir.clone(), "ko".to_string(), 1000),
        [dir, locale] => (dir.clone(), locale.clone(), 1000),
        [dir, locale, n] => (
            dir.clone(),
            locale.clone(),
            n.parse().with_context(|| format!("QUERIES: {n:?}"))?,
        ),
        _ => bail!("usage: tm-bench CORPUS [LOCALE] [QUERIES]"),
    };
    let project = Project::open(std::path::Path::new(&dir))?;

    let start = Instant::now();
    let memory = Memory::build(&project, &locale)?;
    let build = start.elapsed();
    println!(
        "memory: {} {locale} translations, built in {:.3} s",
        memory.len(),
        build.as_secs_f64()
    );

    // Every segment's English, to make the queries from.
    let mut english = Vec::new();
    for slug in project.synced_slugs()? {
        let files = ArticleFiles::open(&project, &slug)?;
        for (_, text) in files.history().current() {
            if text.split(' ').count() >= 8 {
                english.push(text.to_string());
            }
        }
    }
    if english.is_empty() {
        bail!("no segments in {dir}");
    }
    let step = (english.len() / queries).max(1);
    let made: Vec<(String, String)> = english
        .iter()
        .step_by(step)
        .take(queries)
        .enumerate()
        .map(|(i, text)| {
            let mut words: Vec<&str> = text.split(' ').collect();
            let at = (i * 7919) % words.len();
            words[at] = "Pyongyang";
            if i % 2 == 0 {
                words.insert(words.len() / 2, "reportedly");
            }
            (words.join(" "), text.clone())
        })
        .collect();

    let start = Instant::now();
    let mut found = Vec::with_capacity(made.len());
    for (query, _) in &made {
        found.push(memory.lookup(query, 5));
    }
    let elapsed = start.elapsed();
    let per = elapsed.as_secs_f64() / made.len() as f64;
    let hits = made
        .iter()
        .zip(&found)
        .filter(|((_, original), matches)| is_best(matches, original))
        .count();
    if std::env::var_os("TM_BENCH_MISSES").is_some() {
        for ((query, original), matches) in made.iter().zip(&found) {
            let best = matches.first();
            if !is_best(matches, original) {
                println!(
                    "miss: {query:?}\n  from {original:?}\n  best {:?}",
                    best.map(|m| (m.score, &m.source))
                );
            }
        }
    }
    println!(
        "lookups: {} in {:.3} s, {:.3} ms per lookup (one thread)",
        made.len(),
        elapsed.as_secs_f64(),
        per * 1000.0
    );
    println!(
        "quality: the English a query was made from was the best match (or tied for best), above \
         80%, for {hits} of {} queries",
        made.len()
    );
    Ok(())
}

/// Whether `original` is among the matches with the best score, and that score is above 80.
/// The corpus is built from templates, so another sentence is often exactly as close (one city
/// for another); a tie is as good a match.
fn is_best(matches: &[bitext::tm::Match], original: &str) -> bool {
    let Some(top) = matches.first().map(|m| m.score) else {
        return false;
    };
    top > 80
        && matches
            .iter()
            .any(|m| m.score == top && m.source == original)
}
