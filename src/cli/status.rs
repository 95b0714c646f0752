//! `bitext status`: coverage for editors, with gates for CI.

use std::process::ExitCode;

use bitext::project::Project;
use bitext::status::{Counts, Status};

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    selection: Selection,
    #[command(flatten)]
    format: StatusFormatArgs,
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
        StatusFormat::Json => out.json(&status)?,
        StatusFormat::Text => text(&status, out)?,
        StatusFormat::Markdown => markdown(&status, out)?,
        StatusFormat::Html => out.raw(&html(&status, project))?,
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

/// The formats of `status`: those of every reporting command, and a report for editors as one
/// self-contained HTML page.
#[derive(clap::Args, Debug, Clone)]
pub struct StatusFormatArgs {
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: StatusFormat,
    /// Short for --format json
    #[arg(long)]
    json: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum StatusFormat {
    Text,
    Json,
    Markdown,
    /// A self-contained HTML page (no script, nothing loaded from elsewhere)
    Html,
}

impl StatusFormatArgs {
    fn format(&self) -> StatusFormat {
        if self.json {
            StatusFormat::Json
        } else {
            self.format
        }
    }
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

/// The coverage report as one HTML page for editors: the totals per locale, then every article
/// with each locale's share of current segments and what is left. It loads nothing and runs no
/// script; a page saved from CI opens anywhere.
fn html(status: &Status, project: &Project) -> String {
    use bitext::publish::html::{attr, text};
    let locales: Vec<&String> = status.totals.keys().collect();
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Translation status</title>\n",
    );
    out.push_str(&format!(
        "<style>\n{REPORT_STYLE}</style>\n</head>\n<body>\n<main>\n"
    ));
    out.push_str("<h1>Translation status</h1>\n");
    let articles = super::output::plural(status.articles.len(), "article", "articles");
    let segments = status.totals.values().next().map_or(0, |t| t.segments);
    let targets: Vec<&str> = locales.iter().map(|l| l.as_str()).collect();
    out.push_str(&format!(
        "<p>{articles}, {segments} segments, translated from {} into {}.</p>\n",
        text(&project.config.source),
        text(&targets.join(", "))
    ));
    out.push_str(
        "<h2>Totals</h2>\n<table>\n<thead><tr><th scope=\"col\">locale</th>\
         <th scope=\"col\">current</th><th scope=\"col\">stale (minor)</th>\
         <th scope=\"col\">rejected</th><th scope=\"col\">unreviewed</th>\
         <th scope=\"col\">missing</th><th scope=\"col\">obsolete</th>\
         <th scope=\"col\">errors</th><th scope=\"col\">approved</th>\
         <th scope=\"col\">% current</th><th scope=\"col\">% translated</th>\
         <th scope=\"col\">% approved</th></tr></thead>\n<tbody>\n",
    );
    for (locale, t) in &status.totals {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{} ({})</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}%</td>\
             <td>{:.2}%</td></tr>\n",
            text(locale),
            t.current,
            t.stale,
            t.stale_minor,
            t.rejected,
            t.unreviewed,
            t.missing,
            t.obsolete,
            t.errors,
            t.approved,
            meter(t.percent_current),
            t.percent_translated,
            t.percent_approved
        ));
    }
    out.push_str("</tbody>\n</table>\n<h2>Articles</h2>\n<table>\n<thead><tr>");
    out.push_str(
        "<th scope=\"col\">article</th><th scope=\"col\">rev</th><th scope=\"col\">segments</th>",
    );
    for l in &locales {
        out.push_str(&format!("<th scope=\"col\">{}</th>", text(l)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for a in &status.articles {
        out.push_str(&format!(
            "<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td>{}</td>",
            text(&a.slug),
            a.revision,
            a.segments
        ));
        for l in &locales {
            match a.locales.get(*l) {
                Some(c) => {
                    let mut notes = Vec::new();
                    for (n, what) in [
                        (c.stale - c.rejected, "stale"),
                        (c.rejected, "rejected"),
                        (c.unreviewed, "unreviewed"),
                        (c.missing, "missing"),
                        (c.errors, "errors"),
                    ] {
                        if n > 0 {
                            notes.push(format!("{n} {what}"));
                        }
                    }
                    out.push_str(&format!(
                        "<td data-locale=\"{}\">{}{}</td>",
                        attr(l),
                        meter(c.percent_current),
                        if notes.is_empty() {
                            String::new()
                        } else {
                            format!(
                                "<br><span class=\"notes\">{}</span>",
                                text(&notes.join(", "))
                            )
                        }
                    ));
                }
                None => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    if !status.articles.iter().all(|a| a.problems.is_empty()) {
        out.push_str("<h2>Syntax errors</h2>\n<ul>\n");
        for problem in status.articles.iter().flat_map(|a| &a.problems) {
            out.push_str(&format!("<li><code>{}</code></li>\n", text(problem)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// A percentage with a bar that shows it.
fn meter(percent: f64) -> String {
    format!(
        "<meter min=\"0\" max=\"100\" value=\"{percent:.2}\" aria-hidden=\"true\"></meter> {percent:.2}%"
    )
}

const REPORT_STYLE: &str = "body { margin: 0 auto; max-width: 64rem; padding: 1rem; color: #1b1b1b; background: #fff;
  font-family: system-ui, \"Noto Sans\", \"Noto Sans CJK KR\", Arial, sans-serif; line-height: 1.5; }
table { border-collapse: collapse; margin: 0 0 2rem; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: start; vertical-align: top; }
thead th { background: #f0f0f0; }
td { font-variant-numeric: tabular-nums; }
meter { width: 5rem; vertical-align: middle; }
.notes { color: #555; font-size: .9rem; }
";
