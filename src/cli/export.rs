//! `bitext export`: one locale's segments as XLIFF 2.0, XLIFF 1.2 or PO, for a CAT tool.

use std::path::PathBuf;
use std::process::ExitCode;

use bitext::exchange::{self, Format};
use bitext::project::Project;
use bitext::state::State;
use bitext::tm::Memory;

use super::Out;

/// `--format` of export.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExchangeFormat {
    /// XLIFF 2.0
    Xliff,
    /// XLIFF 1.2
    Xliff12,
    /// gettext PO
    Po,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Target locale
    locale: String,
    /// Articles (default: all synced articles)
    slugs: Vec<String>,
    /// File format
    #[arg(long, value_enum, default_value = "xliff")]
    format: ExchangeFormat,
    /// The file to write (`-` for standard output)
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Leave translation-memory matches out of the file
    #[arg(long)]
    no_memory: bool,
    /// Only segments in these states (default: every segment)
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(bitext::todo::STATE_NAMES))]
    states: Vec<String>,
    /// Only these segments
    #[arg(long = "id", value_name = "ID")]
    ids: Vec<String>,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locale = project.target(&args.locale)?;
    let slugs = super::status::selected(project, &args.slugs)?;
    let format = match args.format {
        ExchangeFormat::Xliff => Format::Xliff2,
        ExchangeFormat::Xliff12 => Format::Xliff12,
        ExchangeFormat::Po => Format::Po,
    };
    let memory = if args.no_memory {
        None
    } else {
        Some(Memory::build(project, &locale)?)
    };
    let mut export = exchange::collect(project, &locale, &slugs, memory.as_ref())?;
    if let Some(id) = args
        .ids
        .iter()
        .find(|id| !export.units.iter().any(|u| &u.id == *id))
    {
        anyhow::bail!(bitext::error::Error::Usage(format!(
            "no segment {id} in {}",
            slugs.join(", ")
        )));
    }
    export.units.retain(|u| {
        (args.states.is_empty() || args.states.iter().any(|s| u.state.matches_name(s)))
            && (args.ids.is_empty() || args.ids.contains(&u.id))
    });
    let text = exchange::render(&export, format)?;
    if args.output.as_os_str() == "-" {
        out.raw(&text)?;
        return Ok(ExitCode::SUCCESS);
    }
    bitext::store::write_atomic(&args.output, &text)?;
    let count = |f: fn(&State) -> bool| export.units.iter().filter(|u| f(&u.state)).count();
    out.line(&format!(
        "{}: {} {locale}, {} of {}: current {}, stale {}, unreviewed {}, missing {}",
        args.output.display(),
        format.name(),
        super::output::plural(export.units.len(), "segment", "segments"),
        super::output::plural(slugs.len(), "article", "articles"),
        count(|s| *s == State::Current),
        count(|s| s.is_stale()),
        count(|s| *s == State::Unreviewed),
        count(|s| *s == State::Missing),
    ))?;
    Ok(ExitCode::SUCCESS)
}
