//! `bitext import`: translations back from an XLIFF or PO file.

use std::path::PathBuf;
use std::process::ExitCode;

use bitext::exchange::{self, Action, NoteChange};
use bitext::project::Project;

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The XLIFF 2.0, XLIFF 1.2 or PO file (the format is read from its content)
    file: PathBuf,
    /// Check the file and say what would be written, without writing
    #[arg(long)]
    dry_run: bool,
    /// Print the report as JSON
    #[arg(long)]
    json: bool,
    /// Take the file's translation where the project's changed too, or is newer: a person
    /// who compared both chose the file's
    #[arg(long)]
    theirs: bool,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let actor = super::actor(project)?;
    let report = if args.dry_run {
        exchange::dry_run(project, &actor, &args.file, args.theirs)?
    } else {
        exchange::import(project, &actor, &args.file, args.theirs)?
    };
    // Something in the file was not imported: a script must not take that for success.
    let code = if report.conflicts.is_empty() && report.note_conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if args.json {
        out.json(&report)?;
        return Ok(code);
    }
    let locale = &report.locale;
    for w in &report.written {
        let what = match (w.action, w.revision) {
            (Action::Current, _) => "signed off".to_string(),
            (Action::Stale, Some(r)) => format!(
                "stale: the English changed since the export; signed off against r{r}, the \
                 English it was translated from"
            ),
            (Action::Stale, None) => "stale".to_string(),
            (Action::Draft, _) => "not marked done in the file: written unsigned".to_string(),
            (Action::Unmatched, _) => "the file's English is not this segment's English in any \
                 revision: written unsigned (unreviewed), check it and run `bitext accept`"
                .to_string(),
        };
        out.line(&format!("{locale} {} {}: {what}", w.slug, w.id))?;
    }
    for c in &report.conflicts {
        out.line(&format!(
            "{locale} {} {}: the project's translation is newer, or changed since the export \
             too: not imported, the project keeps its translation (`--theirs` takes the file's)",
            c.slug, c.id
        ))?;
    }
    for n in &report.notes {
        let what = match n.change {
            NoteChange::Written => "the translator's note written",
            NoteChange::Removed => "the translator's note removed, as in the file",
        };
        out.line(&format!("{locale} {} {}: {what}", n.slug, n.id))?;
    }
    for c in &report.note_conflicts {
        out.line(&format!(
            "{locale} {} {}: the translator's note changed in the project since the export too: \
             not imported, the project keeps its note (`--theirs` takes the file's)",
            c.slug, c.id
        ))?;
    }
    let count = |a: Action| report.written.iter().filter(|w| w.action == a).count();
    out.line(&format!(
        "{} {} {}: {} signed off, {} stale, {} unsigned; {} unchanged, {} untranslated",
        report.format.name(),
        if args.dry_run { "would write" } else { "wrote" },
        super::output::plural(report.written.len(), "translation", "translations"),
        count(Action::Current),
        count(Action::Stale),
        count(Action::Draft) + count(Action::Unmatched),
        report.unchanged,
        report.untranslated,
    ))?;
    if !report.notes.is_empty() {
        let removed = report
            .notes
            .iter()
            .filter(|n| n.change == NoteChange::Removed)
            .count();
        out.line(&format!(
            "{} {} {}: {} written, {removed} removed",
            report.format.name(),
            if args.dry_run {
                "would update"
            } else {
                "updated"
            },
            super::output::plural(report.notes.len(), "note", "notes"),
            report.notes.len() - removed,
        ))?;
    }
    if !report.conflicts.is_empty() {
        out.line(&format!(
            "{} not imported: changed on both sides",
            super::output::plural(report.conflicts.len(), "translation", "translations")
        ))?;
    }
    if !report.note_conflicts.is_empty() {
        out.line(&format!(
            "{} not imported: changed on both sides",
            super::output::plural(report.note_conflicts.len(), "note", "notes")
        ))?;
    }
    Ok(code)
}
