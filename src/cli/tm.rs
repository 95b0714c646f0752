//! `bitext tm`: look a sentence up in the translation memory.

use std::process::ExitCode;

use bitext::project::Project;
use bitext::tm::Memory;

use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Target locale
    locale: String,
    /// The English sentence
    text: String,
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
    let memory = Memory::build(project, &locale)?;
    let mut matches = memory.lookup(&args.text, args.limit);
    // A word or a name, not a sentence: the sentences that have it.
    let words = bitext::text::words(&args.text).len();
    if matches.is_empty() && words <= 4 {
        matches = memory.lookup_words(&args.text, args.limit);
    }
    match args.format.format() {
        Format::Json => out.json(&Report {
            locale: &locale,
            query: &args.text,
            matches: &matches,
        })?,
        Format::Text | Format::Markdown => {
            if matches.is_empty() {
                out.line(&format!(
                    "no match of {}% or more among {} {locale} translations",
                    bitext::tm::MIN_SCORE,
                    memory.len()
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
