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
        let one = accepted.stale_unchanged == 1;
        let minor = match (accepted.stale_minor, one) {
            (0, _) => String::new(),
            (_, true) => " (its change was minor: --minor signs it off)".to_string(),
            (n, false) => format!(" ({n} with minor changes only: --minor signs those off)"),
        };
        out.line(&format!(
            "{} unchanged since {} sign-off{minor}: edit {} to answer the new English, or use \
             --minor or --all",
            super::output::plural(
                accepted.stale_unchanged,
                "stale translation",
                "stale translations"
            ),
            if one { "its" } else { "their" },
            if one { "it" } else { "them" },
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
