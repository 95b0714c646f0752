//! `bitext approve`: a reviewer signs off current translations.

use std::process::ExitCode;

use bitext::project::Project;

use super::output::plural;
use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Target locale
    locale: String,
    /// Articles (default: all)
    slugs: Vec<String>,
    /// Only these segments
    #[arg(long = "id", value_name = "ID")]
    ids: Vec<String>,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locale = project.target(&args.locale)?;
    let slugs = project.select(&args.slugs, &project.synced_slugs()?)?;
    let actor = super::actor(project)?;
    let approval = bitext::translate::approve(project, &actor, &locale, &slugs, &args.ids)?;
    for a in &approval.approved {
        let by = a.translator.as_deref().unwrap_or("an unknown translator");
        out.line(&format!("{locale} {} {}: approved ({by}'s)", a.slug, a.id))?;
    }
    out.line(&format!(
        "{} approved by {}",
        plural(approval.approved.len(), "translation", "translations"),
        actor.handle
    ))?;
    if !approval.own.is_empty() {
        out.line(&format!(
            "{} left alone: {} translated them, and nobody approves their own",
            plural(approval.own.len(), "translation", "translations"),
            actor.handle
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}
