//! `bitext log`: the source revisions of an article.

use std::process::ExitCode;

use bitext::article_files::ArticleFiles;
use bitext::project::Project;

use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The article
    slug: String,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let slug = project.synced_slug(&args.slug)?;
    let files = ArticleFiles::open(project, &slug)?.synced()?;
    let log = files.history().log(&slug);
    match args.format.format() {
        Format::Json => out.json(&log)?,
        Format::Text => {
            out.line(&out.paint("1", &log.slug))?;
            for e in &log.revisions {
                out.line(&format!(
                    "  r{}  {}  {} segments: {} added, {} changed ({} minor, {} major), {} removed",
                    e.revision,
                    e.date,
                    e.segments,
                    e.added,
                    e.changed,
                    e.changed_minor,
                    e.changed_major,
                    e.removed
                ))?;
            }
        }
        Format::Markdown => {
            out.line(&format!("### Revisions of `{}`", log.slug))?;
            out.line("")?;
            out.line("| revision | date | segments | added | changed (minor / major) | removed |")?;
            out.line("| ---: | --- | ---: | ---: | ---: | ---: |")?;
            for e in &log.revisions {
                out.line(&format!(
                    "| {} | {} | {} | {} | {} ({} / {}) | {} |",
                    e.revision,
                    e.date,
                    e.segments,
                    e.added,
                    e.changed,
                    e.changed_minor,
                    e.changed_major,
                    e.removed
                ))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
