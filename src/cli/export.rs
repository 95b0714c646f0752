//! `bitext export`: one locale's segments as XLIFF 2.0, XLIFF 1.2 or PO, for a CAT tool.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

use bitext::exchange::{self, Format, Unit};
use bitext::project::Project;
use bitext::state::State;
use bitext::tm::Memory;
use bitext::todo::{Filter, STATE_NAMES};

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
    /// Segments in these states to translate (default: every one that is not current); the rest
    /// of their articles goes along as context
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(bitext::todo::STATE_NAMES))]
    states: Vec<String>,
    /// Only these segments to translate (in any state, unless `--state` is given)
    #[arg(long = "id", value_name = "ID")]
    ids: Vec<String>,
    /// Every segment to translate, current ones too
    #[arg(long, conflicts_with = "states")]
    all: bool,
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
    let filter = Filter {
        // A segment named by its id is wanted whatever its state, unless `--state` says.
        states: if args.all || (args.states.is_empty() && !args.ids.is_empty()) {
            STATE_NAMES.map(str::to_string).to_vec()
        } else {
            args.states.clone()
        },
        ids: args.ids.clone(),
    };
    select(&mut export.units, &filter);
    if export.units.is_empty() {
        super::warn(&format!(
            "{locale}: no segment of {} {}; nothing written (--all exports every segment)",
            super::output::plural(slugs.len(), "article", "articles"),
            if args.states.is_empty() && args.ids.is_empty() {
                "needs work"
            } else {
                "is in the states and ids asked for"
            },
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let text = exchange::render(&export, format)?;
    if args.output.as_os_str() == "-" {
        out.raw(&text)?;
        return Ok(ExitCode::SUCCESS);
    }
    bitext::store::write_atomic(&args.output, &text)?;
    let work = || export.units.iter().filter(|u| !u.context);
    let count = |f: fn(&State) -> bool| work().filter(|u| f(&u.state)).count();
    let context = export.units.len() - work().count();
    let articles = 1 + export
        .units
        .windows(2)
        .filter(|w| w[0].slug != w[1].slug)
        .count();
    out.line(&format!(
        "{}: {} {locale}, {} of {}{}: current {}, stale {}, unreviewed {}, missing {}",
        args.output.display(),
        format.name(),
        super::output::plural(work().count(), "segment", "segments"),
        super::output::plural(articles, "article", "articles"),
        if context == 0 {
            String::new()
        } else {
            format!(" ({context} more as context)")
        },
        count(|s| *s == State::Current),
        count(|s| s.is_stale()),
        count(|s| *s == State::Unreviewed),
        count(|s| *s == State::Missing),
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Keeps the units `filter` selects for translation, and beside them, as context, the other units
/// of their articles; an article with nothing selected stays out.
fn select(units: &mut Vec<Unit>, filter: &Filter) {
    let mut wanted = HashSet::new();
    for unit in units.iter_mut() {
        unit.context = !filter.keeps(&unit.id, unit.state);
        if !unit.context {
            wanted.insert(unit.slug.clone());
        }
    }
    units.retain(|u| wanted.contains(&u.slug));
    for unit in units.iter_mut().filter(|u| u.context) {
        unit.matches.clear();
    }
}
