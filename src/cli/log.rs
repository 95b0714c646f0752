//! `bitext log`: the source revisions of an article.

use std::process::ExitCode;

use serde::Serialize;

use bitext::change::Class;
use bitext::history::Op;
use bitext::project::Project;

use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The article
    slug: String,
    #[command(flatten)]
    format: FormatArgs,
}

#[derive(Serialize)]
struct Log {
    slug: String,
    revisions: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    revision: u32,
    date: String,
    segments: usize,
    added: usize,
    changed: usize,
    changed_minor: usize,
    changed_major: usize,
    removed: usize,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let slug = project.synced_slug(&args.slug)?;
    let history = bitext::translate::load_history(project, &slug)?;
    let revisions = history
        .revisions
        .iter()
        .map(|r| {
            let count = |f: &dyn Fn(&bitext::history::Change) -> bool| {
                r.changes.iter().filter(|c| f(c)).count()
            };
            Entry {
                revision: r.number,
                date: r.date.clone(),
                segments: r.order.len(),
                added: count(&|c| c.op == Op::Added),
                changed: count(&|c| c.op == Op::Changed),
                changed_minor: count(&|c| c.op == Op::Changed && c.class == Some(Class::Minor)),
                changed_major: count(&|c| c.op == Op::Changed && c.class != Some(Class::Minor)),
                removed: count(&|c| c.op == Op::Removed),
            }
        })
        .collect();
    let log = Log { slug, revisions };
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
