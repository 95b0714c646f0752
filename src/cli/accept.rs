//! `bitext accept`: sign off translations edited by hand.

use std::process::ExitCode;

use bitext::project::Project;
use bitext::translate::AcceptMode;

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
    /// Also stale translations whose source changes were all minor
    #[arg(long)]
    minor: bool,
    /// Every translated segment
    #[arg(long)]
    all: bool,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locale = project.target(&args.locale)?;
    let known = project.synced_slugs()?;
    let slugs = project.select(&args.slugs, &known)?;
    let mode = AcceptMode {
        minor: args.minor,
        all: args.all,
    };
    let accepted = bitext::translate::accept(
        project,
        &super::actor(project)?,
        &locale,
        &slugs,
        &args.ids,
        mode,
    )?;
    for a in &accepted.accepted {
        out.line(&format!(
            "{locale} {} {}: signed off (was {})",
            a.slug, a.id, a.was
        ))?;
    }
    out.line(&format!(
        "{} signed off",
        super::output::plural(accepted.accepted.len(), "translation", "translations")
    ))?;
    if accepted.stale_unchanged > 0 {
        let minor = if accepted.stale_minor > 0 {
            format!(
                " ({} of them minor: --minor signs those off)",
                accepted.stale_minor
            )
        } else {
            String::new()
        };
        out.line(&format!(
            "{} unchanged since {} sign-off{minor}: edit them to answer the new English, or use --minor or --all",
            super::output::plural(accepted.stale_unchanged, "stale translation", "stale translations"),
            if accepted.stale_unchanged == 1 { "its" } else { "their" },
        ))?;
    }
    for u in &accepted.unknown {
        let like = match &u.like {
            Some((id, state)) => format!("; did you mean {id} ({state})?"),
            None => String::new(),
        };
        super::warn(&format!(
            "{}: unknown id {}{like}",
            project
                .rel(&project.locale_path(&locale, &u.slug))
                .display(),
            u.id
        ));
    }
    Ok(ExitCode::SUCCESS)
}
