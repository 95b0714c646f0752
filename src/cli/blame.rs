//! `bitext blame`: who translated and approved each segment of an article in one locale.

use std::process::ExitCode;

use bitext::article_files::ArticleFiles;
use bitext::blame::{Act, Blame};
use bitext::project::Project;

use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Target locale
    locale: String,
    /// Article
    slug: String,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locale = project.target(&args.locale)?;
    let slug = project.synced_slug(&args.slug)?;
    let mut files = ArticleFiles::read(project, &slug, std::slice::from_ref(&locale))?.synced()?;
    files.read_journals()?;
    let blame = bitext::blame::blame(&files, &locale)?;
    match args.format.format() {
        Format::Json => out.json(&blame)?,
        Format::Text => text(&blame, out)?,
        Format::Markdown => markdown(&blame, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `arman, r3, 2021-08-17` (and the file's translator, when an import named one).
fn act(a: &Act) -> String {
    let mut parts = vec![a.by.clone().unwrap_or_else(|| "unknown".into())];
    parts.push(format!("r{}", a.revision));
    if let Some(date) = &a.date {
        parts.push(date.get(..10).unwrap_or(date).to_string());
    }
    if let Some(t) = &a.translator {
        parts.push(format!("from a file by {t}"));
    }
    parts.join(", ")
}

fn text(blame: &Blame, out: &mut Out) -> anyhow::Result<()> {
    out.line(&out.paint(
        "1",
        &format!("{} {} (r{})", blame.slug, blame.locale, blame.revision),
    ))?;
    for line in &blame.segments {
        out.line(&format!("{}  {}", out.paint("2", &line.id), line.source))?;
        let state = out.paint("2", line.state.name());
        match &line.translation {
            Some(t) => out.line(&format!("  {}  {t}", blame.locale))?,
            None => out.line(&format!("  {}  {state}", blame.locale))?,
        }
        if let Some(a) = &line.translated {
            out.line(&format!("    translated  {}  ({state})", act(a)))?;
        } else if line.translation.is_some() {
            out.line(&format!("    translated  nobody signed it off  ({state})"))?;
        }
        if let Some(a) = &line.approved {
            out.line(&format!("    approved    {}", act(a)))?;
        }
        if let Some(a) = &line.rejected {
            out.line(&format!("    rejected    {}", act(a)))?;
            out.line(&format!(
                "                {}",
                a.note.as_deref().unwrap_or("")
            ))?;
        }
    }
    Ok(())
}

fn markdown(blame: &Blame, out: &mut Out) -> anyhow::Result<()> {
    out.line(&format!(
        "### `{}` in {} (r{})",
        blame.slug, blame.locale, blame.revision
    ))?;
    out.line("")?;
    out.line("| id | state | translated | approved |")?;
    out.line("| --- | --- | --- | --- |")?;
    for line in &blame.segments {
        let translated = line.translated.as_ref().map(act).unwrap_or_default();
        let approved = match (&line.approved, &line.rejected) {
            (Some(a), _) => act(a),
            (None, Some(r)) => format!("rejected: {}", act(r)),
            _ => String::new(),
        };
        out.line(&format!(
            "| `{}` | {} | {translated} | {approved} |",
            line.id,
            line.state.name()
        ))?;
    }
    Ok(())
}
