//! `bitext sync`: prints per article what changed.

use std::process::ExitCode;

use bitext::project::Project;

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles to sync (default: all)
    slugs: Vec<String>,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let known = project.article_slugs()?;
    if args.slugs.is_empty() {
        for skipped in project.skipped_articles()? {
            super::warn(&format!(
                "{}: not an article, skipped: {}",
                skipped.file, skipped.why
            ));
        }
    }
    let slugs = project.select(&args.slugs, &known)?;
    let progress = super::output::Progress::new("sync", slugs.len());
    let reports = bitext::sync::sync_with_progress(project, &slugs, &|| progress.tick())?;
    progress.finish();
    let mut revised = 0;
    for warning in reports.iter().flat_map(|r| &r.warnings) {
        super::warn(warning);
    }
    for r in &reports {
        if r.new_revision {
            revised += 1;
            out.line(&format!(
                "{}: revision {}: {} added, {} changed, {} removed, {} unchanged",
                r.slug, r.revision, r.added, r.changed, r.removed, r.unchanged
            ))?;
        } else {
            out.line(&format!(
                "{}: unchanged at revision {} ({} segments)",
                r.slug, r.revision, r.unchanged
            ))?;
        }
    }
    if args.slugs.is_empty() {
        for slug in project.synced_slugs()? {
            if known.binary_search(&slug).is_err() {
                out.line(&format!(
                    "{slug}: the article was removed; its history and translations are kept"
                ))?;
            }
        }
    }
    out.line(&format!(
        "{}, {revised} with a new revision",
        super::output::plural(reports.len(), "article", "articles")
    ))?;
    Ok(ExitCode::SUCCESS)
}
