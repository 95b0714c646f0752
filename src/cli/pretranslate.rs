//! `bitext pretranslate`: fill missing segments from exact memory matches, unreviewed.

use std::process::ExitCode;

use bitext::project::Project;

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Target locale
    locale: String,
    /// Articles (default: all synced articles)
    slugs: Vec<String>,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locale = project.target(&args.locale)?;
    let slugs = super::status::selected(project, &args.slugs)?;
    let actor = super::actor(project)?;
    let filled = bitext::translate::pretranslate(project, &actor, &locale, &slugs)?;
    for f in &filled {
        out.line(&format!(
            "{locale} {} {}: filled from {} {} (unreviewed)",
            f.slug, f.id, f.from_slug, f.from_id
        ))?;
    }
    out.line(&format!(
        "{} filled from exact matches, unreviewed: check them, then `bitext accept {locale}`",
        super::output::plural(filled.len(), "segment", "segments")
    ))?;
    Ok(ExitCode::SUCCESS)
}
