//! `bitext reject`: a reviewer sends a translation back with a note.

use std::process::ExitCode;

use bitext::project::Project;

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Target locale
    locale: String,
    /// Article
    slug: String,
    /// Segment id
    id: String,
    /// What the translator should change
    #[arg(long, value_name = "TEXT")]
    note: String,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locale = project.target(&args.locale)?;
    let slug = project.synced_slug(&args.slug)?;
    let actor = super::actor(project)?;
    bitext::translate::reject(project, &actor, &locale, &slug, &args.id, &args.note)?;
    out.line(&format!(
        "{locale} {slug} {}: rejected by {}; it is on the translator's todo with the note",
        args.id, actor.handle
    ))?;
    Ok(ExitCode::SUCCESS)
}
