//! `bitext todo`: what a translator must work on in one locale.

use std::process::ExitCode;

use bitext::project::Project;
use bitext::state::State;
use bitext::todo::{Filter, Item, Todo, Totals};

use super::output::plural;
use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The target locale
    locale: String,
    /// Articles (default: all synced articles)
    slugs: Vec<String>,
    /// Leave out translation-memory matches (faster on a large project)
    #[arg(long)]
    no_memory: bool,
    /// Only segments in these states (default: every one that is not current)
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(bitext::todo::STATE_NAMES))]
    states: Vec<String>,
    /// Only these segments
    #[arg(long = "id", value_name = "ID")]
    ids: Vec<String>,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locale = project.target(&args.locale)?;
    let slugs = project.select(&args.slugs, &project.synced_slugs()?)?;
    let filter = Filter {
        states: args.states.clone(),
        ids: args.ids.clone(),
    };
    let todo = if args.no_memory {
        bitext::todo::todo_filtered(project, &locale, &slugs, None, &filter)?
    } else {
        bitext::todo::todo_with_memory(project, &locale, &slugs, &filter)?.0
    };
    for warning in &todo.warnings {
        super::warn(warning);
    }
    match args.format.format() {
        Format::Json => out.json(&todo)?,
        Format::Text => text(&todo, project, out)?,
        Format::Markdown => markdown(&todo, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The state of an item as a label: `missing`, `unreviewed`, `stale (major, r1)`.
fn label(item: &Item) -> String {
    match (item.state, item.class, item.signed) {
        _ if item.broken.is_some() => "broken: not valid Fluent, so missing".to_string(),
        (State::Rejected { signed }, _, _) => format!("rejected (r{signed})"),
        (_, Some(class), Some(signed)) => format!("stale ({}, r{signed})", class.name()),
        _ => item.state.to_string(),
    }
}

/// `3 segments in 1 article: 2 missing, 1 stale (0 minor), 0 unreviewed; 40 words`.
fn summary(t: &Totals) -> String {
    let rejected = if t.rejected > 0 {
        format!(", {} rejected", t.rejected)
    } else {
        String::new()
    };
    let current = if t.current > 0 {
        format!(", {} current", t.current)
    } else {
        String::new()
    };
    format!(
        "{} in {}: {} missing, {} stale ({} minor{rejected}), {} unreviewed{current}; {}",
        plural(t.segments, "segment", "segments"),
        plural(t.articles, "article", "articles"),
        t.missing,
        t.stale,
        t.stale_minor,
        t.unreviewed,
        plural(t.words, "word", "words"),
    )
}

fn text(todo: &Todo, project: &Project, out: &mut Out) -> anyhow::Result<()> {
    let source = &project.config.source;
    let mut slug = "";
    for item in &todo.items {
        if item.slug != slug {
            if !slug.is_empty() {
                out.line("")?;
            }
            slug = &item.slug;
            out.line(&out.paint("1", &format!("{slug} (r{})", item.revision)))?;
        }
        let colour = match item.state {
            State::Missing => "31",
            State::Unreviewed => "36",
            State::Rejected { .. } => "35",
            State::Current => "32",
            _ => "33",
        };
        out.line(&format!(
            "  {}  {}",
            item.id,
            out.paint(colour, &label(item))
        ))?;
        match &item.diff {
            Some(ops) => out.line(&format!("    {source}  {}", out.word_diff(ops)))?,
            None => out.line(&format!("    {source}  {}", item.source))?,
        }
        if let Some(translation) = &item.translation {
            out.line(&format!("    {}  {translation}", todo.locale))?;
        }
        if let Some(r) = &item.rejected {
            out.line(&format!(
                "    {}  {}",
                out.paint("35", &format!("note from {}:", r.by)),
                r.note
            ))?;
        }
        if let Some(broken) = &item.broken {
            out.line(&format!("    {}", out.paint("31", broken)))?;
        }
        for m in &item.matches {
            out.line(&format!(
                "    {}  {}",
                out.paint("36", &format!("{:>3}%", m.score)),
                m.translation
            ))?;
            if m.score < 100 {
                out.line(&format!("          {source}  {}", out.word_diff(&m.diff)))?;
            }
        }
    }
    if !todo.items.is_empty() {
        out.line("")?;
    }
    let t = &todo.totals;
    if t.segments == 0 {
        out.line(&format!("{}: nothing to do", todo.locale))?;
    } else {
        out.line(&format!("{}: {}", todo.locale, summary(t)))?;
    }
    Ok(())
}

fn markdown(todo: &Todo, out: &mut Out) -> anyhow::Result<()> {
    let t = &todo.totals;
    out.line(&format!("### Translation to do: `{}`", todo.locale))?;
    out.line("")?;
    out.line(&format!("{}.", summary(t)))?;
    let mut slug = "";
    for item in &todo.items {
        if item.slug != slug {
            slug = &item.slug;
            out.line("")?;
            out.line(&format!("**`{slug}`** (r{})", item.revision))?;
            out.line("")?;
        }
        let english = match &item.diff {
            Some(ops) => bitext::diff::markdown(ops),
            None => item.source.clone(),
        };
        out.line(&format!("- `{}` {}: {english}", item.id, label(item)))?;
        if let Some(translation) = &item.translation {
            out.line(&format!("  - {}: {translation}", todo.locale))?;
        }
        if let Some(r) = &item.rejected {
            out.line(&format!("  - note from {}: {}", r.by, r.note))?;
        }
        for m in &item.matches {
            out.line(&format!(
                "  - memory {}%: {} ({})",
                m.score,
                m.translation,
                bitext::diff::markdown(&m.diff)
            ))?;
        }
    }
    Ok(())
}
