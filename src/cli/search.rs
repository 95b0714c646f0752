//! `bitext search`: a concordance of the English and the translations.

use std::process::ExitCode;

use bitext::project::Project;
use bitext::search::{HitRef, Query, Search};

use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// What to look for (letter case aside)
    text: String,
    /// Only the English and these target locales (default: all)
    #[arg(long = "locale", value_name = "LC")]
    locales: Vec<String>,
    /// TEXT is a regular expression
    #[arg(long)]
    regex: bool,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locales = project.targets_or_all(&args.locales)?;
    let slugs = super::status::selected(project, &[])?;
    let query = Query::new(&args.text, args.regex)?;
    let format = args.format.format();
    if format == Format::Text {
        text(project, &query, &slugs, &locales, out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let search = bitext::search::search(project, &query, &slugs, &locales)?;
    match format {
        Format::Json => out.json(&search)?,
        Format::Text | Format::Markdown => markdown(&search, project, &locales, out)?,
    }
    // A search of a common word holds a hundred thousand hits, which the process frees faster
    // at its exit than one by one.
    std::mem::forget(search);
    Ok(ExitCode::SUCCESS)
}

/// The text report: each article's hits are written as they are found, in parallel, and the
/// articles' pieces printed in order.
fn text(
    project: &Project,
    query: &Query,
    slugs: &[String],
    locales: &[String],
    out: &mut Out,
) -> anyhow::Result<()> {
    use std::fmt::Write as _;
    let source = &project.config.source;
    let style = out.style();
    let (pieces, count) = bitext::search::search_with(
        project,
        query,
        slugs,
        locales,
        |piece: &mut String, hit: &HitRef| {
            let _ = writeln!(
                piece,
                "{} {}",
                style.paint("1", hit.slug),
                style.paint("2", hit.id)
            );
            let _ = writeln!(piece, "  {source}  {}", hit.source);
            for (locale, state, translation) in &hit.locales {
                let shown = translation.as_deref().unwrap_or("");
                let line = format!("  {locale}  {}  {shown}", style.state(*state));
                piece.push_str(line.trim_end());
                piece.push('\n');
            }
        },
    )?;
    for piece in &pieces {
        out.raw(piece)?;
    }
    out.line(&format!(
        "{} matching \"{}\"",
        super::output::plural(count, "segment", "segments"),
        query.text()
    ))?;
    std::mem::forget(pieces);
    Ok(())
}

fn markdown(
    search: &Search,
    project: &Project,
    locales: &[String],
    out: &mut Out,
) -> anyhow::Result<()> {
    out.line(&format!("### Segments matching `{}`", search.query))?;
    out.line("")?;
    let mut header = format!("| article | id | {} |", project.config.source);
    let mut rule = "| --- | --- | --- |".to_string();
    for locale in locales {
        header.push_str(&format!(" {locale} |"));
        rule.push_str(" --- |");
    }
    out.line(&header)?;
    out.line(&rule)?;
    let cell = |t: &str| t.replace('|', "\\|");
    for hit in &search.hits {
        let mut line = format!("| `{}` | `{}` | {} |", hit.slug, hit.id, cell(&hit.source));
        for locale in locales {
            let text = hit
                .locales
                .get(locale)
                .and_then(|f| f.translation.as_deref())
                .unwrap_or("");
            line.push_str(&format!(" {} |", cell(text)));
        }
        out.line(&line)?;
    }
    Ok(())
}
