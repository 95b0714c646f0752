//! `bitext status`: coverage for editors, with gates for CI.

use std::process::ExitCode;

use bitext::project::Project;
use bitext::status::{Counts, Status};

use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    selection: Selection,
    #[command(flatten)]
    format: FormatArgs,
    /// Exit 1 when a selected locale's total percent_current is under PCT
    #[arg(long, value_name = "PCT", value_parser = super::output::percent)]
    fail_under: Option<f64>,
    /// Exit 1 when any selected segment is stale
    #[arg(long)]
    fail_on_stale: bool,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let (slugs, locales) = args.selection.resolve(project)?;
    let synced = project.synced_slugs()?;
    let articles = project.article_slugs()?;
    let progress = super::output::Progress::new("status", slugs.len());
    let status =
        bitext::status::status_with_progress(project, &slugs, &locales, &|| progress.tick())?;
    progress.finish();
    for problem in status.articles.iter().flat_map(|a| &a.problems) {
        note(problem);
    }
    for skipped in &status.skipped {
        note(&format!(
            "{}: not an article, skipped: {}",
            skipped.file, skipped.why
        ));
    }
    match args.format.format() {
        Format::Json => out.json(&status)?,
        Format::Text => text(&status, out)?,
        Format::Markdown => markdown(&status, out)?,
    }
    let mut failed = false;
    for (locale, t) in &status.totals {
        if let Some(pct) = args.fail_under {
            if t.percent_current < pct {
                failed = true;
                gate(&format!(
                    "{locale}: {:.2}% current, under {pct}%",
                    t.percent_current
                ));
            }
        }
        if args.fail_on_stale && t.stale > 0 {
            failed = true;
            gate(&format!("{locale}: {} stale segments", t.stale));
        }
    }
    if args.selection.slugs.is_empty() {
        let unsynced = articles
            .iter()
            .filter(|s| synced.binary_search(s).is_err())
            .count();
        if unsynced > 0 {
            note(&format!(
                "{} never synced (run `bitext sync`)",
                super::output::plural(unsynced, "article was", "articles were")
            ));
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The articles and locales a report covers.
#[derive(clap::Args, Debug)]
pub struct Selection {
    /// Articles (default: all synced articles)
    pub slugs: Vec<String>,
    /// Only these target locales
    #[arg(long = "locale", value_name = "LC")]
    pub locales: Vec<String>,
}

impl Selection {
    /// The slugs and the target locales selected.
    pub fn resolve(&self, project: &Project) -> anyhow::Result<(Vec<String>, Vec<String>)> {
        Ok((
            selected(project, &self.slugs)?,
            project.targets_or_all(&self.locales)?,
        ))
    }
}

/// The articles a report covers: the ones named, or else every synced article that still exists
/// (a removed article's history and translations stay on disk, and naming it still reports on it).
pub fn selected(project: &Project, args: &[String]) -> anyhow::Result<Vec<String>> {
    let synced = project.synced_slugs()?;
    if !args.is_empty() {
        return Ok(project.select(args, &synced)?);
    }
    let articles = project.article_slugs()?;
    Ok(synced
        .into_iter()
        .filter(|s| articles.binary_search(s).is_ok())
        .collect())
}

/// Why a gate failed (the exit code is 1).
#[allow(clippy::print_stderr)]
fn gate(text: &str) {
    eprintln!("failed: {text}");
}

#[allow(clippy::print_stderr)]
fn note(text: &str) {
    eprintln!("warning: {text}");
}

fn summary(out: &Out, c: &Counts) -> String {
    let mut parts = vec![out.paint("32", &format!("current {}", c.current))];
    if c.stale > 0 {
        parts.push(out.paint(
            "33",
            &format!("stale {} ({} minor)", c.stale, c.stale_minor),
        ));
    }
    if c.rejected > 0 {
        parts.push(out.paint("35", &format!("rejected {}", c.rejected)));
    }
    if c.unreviewed > 0 {
        parts.push(out.paint("36", &format!("unreviewed {}", c.unreviewed)));
    }
    if c.missing > 0 {
        parts.push(out.paint("31", &format!("missing {}", c.missing)));
    }
    if c.obsolete > 0 {
        parts.push(format!("obsolete {}", c.obsolete));
    }
    if c.errors > 0 {
        parts.push(out.paint("1;31", &format!("errors {}", c.errors)));
    }
    if c.conflicts > 0 {
        parts.push(out.paint("1;31", &format!("conflicts {}", c.conflicts)));
    }
    let approved = if c.approved > 0 {
        format!(", {:.2}% approved", c.percent_approved)
    } else {
        String::new()
    };
    format!(
        "{}  {:.2}% current, {:.2}% translated{approved}",
        parts.join("  "),
        c.percent_current,
        c.percent_translated
    )
}

fn text(status: &Status, out: &mut Out) -> anyhow::Result<()> {
    for a in &status.articles {
        out.line(&format!(
            "{}  r{}  {} segments, {} words",
            out.paint("1", &a.slug),
            a.revision,
            a.segments,
            a.words
        ))?;
        for (locale, c) in &a.locales {
            let line = format!("  {locale:<6}{}", summary(out, c));
            out.line(&line)?;
        }
    }
    if let Some(t) = status.totals.values().next() {
        out.line(&format!(
            "{}  {}, {} segments, {} words",
            out.paint("1", "total"),
            super::output::plural(status.articles.len(), "article", "articles"),
            t.segments,
            t.words
        ))?;
    }
    for (locale, t) in &status.totals {
        let line = format!("  {locale:<6}{}", summary(out, &t.counts()));
        out.line(&line)?;
    }
    Ok(())
}

fn markdown(status: &Status, out: &mut Out) -> anyhow::Result<()> {
    let locales: Vec<&String> = status.totals.keys().collect();
    out.line("### Translation status")?;
    out.line("")?;
    let header: Vec<String> = locales.iter().map(|l| format!(" {l} |")).collect();
    out.line(&format!("| article | rev | segments |{}", header.concat()))?;
    out.line(&format!(
        "| --- | ---: | ---: |{}",
        " ---: |".repeat(locales.len())
    ))?;
    let cell = |c: &Counts| {
        let mut notes = Vec::new();
        for (n, what) in [
            (c.approved, "approved"),
            (c.stale, "stale"),
            (c.rejected, "rejected"),
            (c.unreviewed, "unreviewed"),
            (c.missing, "missing"),
            (c.errors, "errors"),
        ] {
            if n > 0 {
                notes.push(format!("{n} {what}"));
            }
        }
        if notes.is_empty() {
            format!("{:.2}%", c.percent_current)
        } else {
            format!("{:.2}% ({})", c.percent_current, notes.join(", "))
        }
    };
    for a in &status.articles {
        let cells: Vec<String> = locales
            .iter()
            .map(|l| a.locales.get(*l).map(&cell).unwrap_or_default())
            .map(|c| format!(" {c} |"))
            .collect();
        out.line(&format!(
            "| `{}` | {} | {} |{}",
            a.slug,
            a.revision,
            a.segments,
            cells.concat()
        ))?;
    }
    let segments = status.totals.values().next().map_or(0, |t| t.segments);
    let cells: Vec<String> = status
        .totals
        .values()
        .map(|t| format!(" **{:.2}%** |", t.percent_current))
        .collect();
    out.line(&format!("| **total** | | {segments} |{}", cells.concat()))?;
    Ok(())
}
