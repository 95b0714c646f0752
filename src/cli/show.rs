//! `bitext show`: an article as parallel text, segment by segment, with states.

use std::process::ExitCode;

use bitext::article_files::ArticleFiles;
use bitext::project::Project;

use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The article
    slug: String,
    /// Only these target locales
    #[arg(long = "locale", value_name = "LC")]
    locales: Vec<String>,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let slug = project.synced_slug(&args.slug)?;
    let locales = project.targets_or_all(&args.locales)?;
    let files = ArticleFiles::read(project, &slug, &locales)?.synced()?;
    if files.edited_since_sync()? {
        super::warn(&files.edited_warning());
    }
    let parallel = bitext::parallel::parallel(&files)?;
    let source = &project.config.source;
    match args.format.format() {
        Format::Json => out.json(&parallel)?,
        Format::Text => {
            out.line(&out.paint("1", &format!("{} (r{})", parallel.slug, parallel.revision)))?;
            let mut block = None;
            for row in &parallel.segments {
                if row.block.is_none() || row.block != block {
                    out.line("")?;
                    block = row.block;
                }
                out.line(&format!("{}  {}", out.paint("2", &row.id), row.source))?;
                for (locale, cell) in locales
                    .iter()
                    .filter_map(|l| Some((l, row.locales.get(l)?)))
                {
                    let line = match cell.translation.as_deref() {
                        Some(text) => format!("  {locale}  {}  {text}", out.state(cell.state)),
                        None => format!("  {locale}  {}", out.state(cell.state)),
                    };
                    out.line(&line)?;
                }
            }
        }
        Format::Markdown => {
            out.line(&format!("### `{}` (r{})", parallel.slug, parallel.revision))?;
            out.line("")?;
            let mut header = format!("| id | {source} |");
            let mut rule = "| --- | --- |".to_string();
            for locale in &locales {
                header.push_str(&format!(" {locale} |"));
                rule.push_str(" --- |");
            }
            out.line(&header)?;
            out.line(&rule)?;
            for row in &parallel.segments {
                let mut line = format!("| `{}` | {} |", row.id, cell(&row.source));
                // The cells in the order of the header: the locales as asked for.
                for cell_ in locales.iter().filter_map(|l| row.locales.get(l)) {
                    let text = cell_.translation.as_deref().unwrap_or("");
                    line.push_str(&format!(" {} _{}_ |", cell(text), cell_.state.name()));
                }
                out.line(&line)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Text in a Markdown table cell: pipes escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
