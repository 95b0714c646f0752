//! `bitext check`: quality checks of translations, for editors and CI.

use std::process::ExitCode;

use serde::Serialize;

use bitext::check::{Finding, Level};
use bitext::project::Project;

use super::{Format, FormatArgs, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    selection: super::status::Selection,
    #[command(flatten)]
    format: FormatArgs,
}

#[derive(Serialize)]
struct Report<'a> {
    findings: &'a [Finding],
    errors: usize,
    warnings: usize,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let (slugs, locales) = args.selection.resolve(project)?;
    let findings = bitext::check::check(project, &slugs, &locales)?;
    let errors = findings.iter().filter(|f| f.level == Level::Error).count();
    let warnings = findings.len() - errors;
    match args.format.format() {
        Format::Json => out.json(&Report {
            findings: &findings,
            errors,
            warnings,
        })?,
        Format::Text => {
            for f in &findings {
                let level = match f.level {
                    Level::Error => out.paint("1;31", "error"),
                    _ => out.paint("33", "warning"),
                };
                let id =
                    f.id.as_deref()
                        .map(|id| format!(" {id}:"))
                        .unwrap_or_default();
                out.line(&format!(
                    "{}:{}:{}: {level}[{}]{id} {}",
                    f.file.display(),
                    f.line,
                    f.column,
                    f.check.name(),
                    f.message
                ))?;
            }
            out.line(&format!(
                "{}, {}",
                super::output::plural(errors, "error", "errors"),
                super::output::plural(warnings, "warning", "warnings")
            ))?;
        }
        Format::Markdown => {
            out.line("### Translation checks")?;
            out.line("")?;
            out.line(&format!(
                "{}, {}",
                super::output::plural(errors, "error", "errors"),
                super::output::plural(warnings, "warning", "warnings")
            ))?;
            if !findings.is_empty() {
                out.line("")?;
                out.line("| | where | id | check | problem |")?;
                out.line("| --- | --- | --- | --- | --- |")?;
                for f in &findings {
                    let mark = if f.level == Level::Error {
                        "❌"
                    } else {
                        "⚠️"
                    };
                    out.line(&format!(
                        "| {mark} | `{}:{}:{}` | {} | {} | {} |",
                        f.file.display(),
                        f.line,
                        f.column,
                        f.id.as_deref().unwrap_or(""),
                        f.check.name(),
                        f.message.replace('|', "\\|")
                    ))?;
                }
            }
        }
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
