//! `bitext diff`: one source change and what every language made of it.

use std::process::ExitCode;

use bitext::article_files::ArticleFiles;
use bitext::compare::{Answer, Comparison, SegmentChange};
use bitext::project::Project;

use super::output::Style;
use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The article
    slug: String,
    /// The older revision (default: the one before --to)
    #[arg(long, value_name = "REV", value_parser = revision)]
    from: Option<u32>,
    /// The newer revision (default: the latest)
    #[arg(long, value_name = "REV", value_parser = revision)]
    to: Option<u32>,
    /// Only these target locales
    #[arg(long = "locale", value_name = "LC")]
    locales: Vec<String>,
    #[command(flatten)]
    format: FormatArgs,
}

/// A revision number, written `3` or `r3`.
fn revision(arg: &str) -> Result<u32, String> {
    arg.strip_prefix('r')
        .unwrap_or(arg)
        .parse()
        .map_err(|_| format!("`{arg}` is not a revision number such as 2 or r2"))
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let slug = project.synced_slug(&args.slug)?;
    let locales = project.targets_or_all(&args.locales)?;
    let mut files = ArticleFiles::read(project, &slug, &locales)?.synced()?;
    files.read_journals()?;
    if files.edited_since_sync()? {
        super::warn(&files.edited_warning());
    }
    let comparison = bitext::compare::compare(&files, args.from, args.to)?;
    match args.format.format() {
        Format::Json => out.json(&comparison)?,
        Format::Text => text(&comparison, project, out)?,
        Format::Markdown => markdown(&comparison, project, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn heading(c: &Comparison) -> String {
    let mut heading = format!("{}: r{} → r{}", c.slug, c.from, c.to);
    if c.to != c.revision {
        heading.push_str(&format!(" (states as of r{})", c.revision));
    }
    heading
}

/// `changed (major), moved`.
fn what(change: &SegmentChange) -> String {
    let mut what = change.change.to_string();
    if let Some(class) = change.class {
        what.push_str(&format!(" ({})", class.name()));
    }
    if change.moved && change.change != "moved" {
        what.push_str(", moved");
    }
    what
}

fn text(c: &Comparison, project: &Project, out: &mut Out) -> anyhow::Result<()> {
    out.line(&out.paint("1", &heading(c)))?;
    if c.changes.is_empty() {
        out.line("no source changes")?;
    }
    for change in &c.changes {
        let (mark, colour) = match change.change {
            "added" => ("+", "32"),
            "removed" => ("-", "31"),
            "moved" => (">", "36"),
            _ => ("~", "33"),
        };
        out.line("")?;
        out.line(&format!(
            "{} {}  {}",
            out.paint(colour, mark),
            change.id,
            what(change)
        ))?;
        out.line(&format!(
            "    {}  {}",
            project.config.source,
            out.word_diff(&change.diff)
        ))?;
        for (locale, answer) in &change.locales {
            out.line(&format!(
                "    {locale}  {}",
                answer_text(answer, out.style())
            ))?;
        }
    }
    Ok(())
}

/// A locale's translation: its state, then the translation or the diff of its rewrite.
fn answer_text(answer: &Answer, style: Style) -> String {
    let state = style.state(answer.state);
    match (&answer.diff, &answer.translation) {
        (Some(ops), _) => format!("{state}, rewritten: {}", style.word_diff(ops)),
        (None, Some(text)) => format!("{state}: {text}"),
        (None, None) => state,
    }
}

/// [`answer_text`] for a pull-request comment.
fn answer_markdown(answer: &Answer) -> String {
    let state = Style::plain().state(answer.state);
    match (&answer.diff, &answer.translation) {
        (Some(ops), _) => format!("_{state}_, rewritten: {}", bitext::diff::markdown(ops)),
        (None, Some(text)) => format!("_{state}_: {text}"),
        (None, None) => format!("_{state}_"),
    }
}

fn markdown(c: &Comparison, project: &Project, out: &mut Out) -> anyhow::Result<()> {
    out.line(&format!("### `{}`", heading(c)))?;
    out.line("")?;
    if c.changes.is_empty() {
        out.line("No source changes.")?;
    }
    for change in &c.changes {
        out.line(&format!("- `{}` {}", change.id, what(change)))?;
        out.line(&format!(
            "  - {}: {}",
            project.config.source,
            bitext::diff::markdown(&change.diff)
        ))?;
        for (locale, answer) in &change.locales {
            out.line(&format!("  - {locale}: {}", answer_markdown(answer)))?;
        }
    }
    Ok(())
}
