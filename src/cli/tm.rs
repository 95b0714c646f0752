//! `bitext tm`: look a sentence up in the translation memory.

use std::process::ExitCode;

use bitext::project::Project;
use bitext::tm::Memory;

use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Target locale
    locale: String,
    /// The English sentence (or a word or a name)
    #[arg(required_unless_present = "analysis")]
    text: Option<String>,
    /// Instead: the work left in the locale by match band (100%, 95-99, 85-94, 75-84, new),
    /// in segments and words, as CAT tools analyse a file
    #[arg(long, conflicts_with = "text")]
    analysis: bool,
    /// How many matches to show at most
    #[arg(long, default_value_t = 5)]
    limit: usize,
    #[command(flatten)]
    format: FormatArgs,
}

#[derive(serde::Serialize)]
struct Report<'a> {
    locale: &'a str,
    query: &'a str,
    matches: &'a [bitext::tm::Match],
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locale = project.target(&args.locale)?;
    let Some(text) = &args.text else {
        let memory = Memory::build(project, &locale)?;
        return analysis(project, &locale, &memory, args.format.format(), out);
    };
    let memory = Memory::build_for(project, &locale, text)?;
    let mut matches = memory.lookup(text, args.limit);
    // A word or a name, not a sentence: the sentences that have it.
    let words = bitext::text::words(text).len();
    if matches.is_empty() && words <= 4 {
        matches = memory.lookup_words(text, args.limit);
    }
    match args.format.format() {
        Format::Json => out.json(&Report {
            locale: &locale,
            query: text,
            matches: &matches,
        })?,
        Format::Text | Format::Markdown => {
            if matches.is_empty() {
                // The count is of the whole memory, which a lookup of one word did not read.
                let translations = if memory.is_whole() {
                    memory.len()
                } else {
                    Memory::count(project, &locale)?
                };
                out.line(&format!(
                    "no match of {}% or more among {translations} {locale} translations",
                    bitext::tm::MIN_SCORE,
                ))?;
            }
            for m in &matches {
                out.line(&format!(
                    "{}  {} {} ({})",
                    out.paint(
                        "1",
                        &if m.diff.is_empty() && m.score < 100 {
                            "word".to_string()
                        } else {
                            format!("{:>3}%", m.score)
                        }
                    ),
                    m.slug,
                    m.id,
                    m.state
                ))?;
                let english = if m.diff.is_empty() {
                    m.source.clone()
                } else {
                    out.word_diff(&m.diff)
                };
                out.line(&format!("      {}: {english}", project.config.source))?;
                out.line(&format!("      {locale}: {}", m.translation))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `bitext tm LC --analysis`.
fn analysis(
    project: &Project,
    locale: &str,
    memory: &Memory,
    format: Format,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let slugs = super::status::selected(project, &[])?;
    let todo = bitext::todo::todo(project, locale, &slugs, Some(memory))?;
    let analysis = bitext::todo::Analysis::of(locale, &todo.items);
    match format {
        Format::Json => out.json(&analysis)?,
        Format::Text => {
            out.line(&format!(
                "{locale}: the work left, by the best match in memory"
            ))?;
            for band in &analysis.bands {
                out.line(&format!(
                    "  {:<8} {:>7} segments {:>9} words",
                    band.band, band.segments, band.words
                ))?;
            }
            out.line(&format!(
                "  {:<8} {:>7} segments {:>9} words",
                "total", analysis.segments, analysis.words
            ))?;
        }
        Format::Markdown => {
            out.line(&format!("### Work left in `{locale}`, by match"))?;
            out.line("")?;
            out.line("| match | segments | words |")?;
            out.line("| --- | ---: | ---: |")?;
            for band in &analysis.bands {
                out.line(&format!(
                    "| {} | {} | {} |",
                    band.band, band.segments, band.words
                ))?;
            }
            out.line(&format!(
                "| **total** | {} | {} |",
                analysis.segments, analysis.words
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
