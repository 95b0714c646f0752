//! `bitext publish`: build the localized site, and say per locale what went in and what did not.

use std::path::PathBuf;
use std::process::ExitCode;

use bitext::project::{canonical_locale, Project};
use bitext::publish::{Fallback, Format, Options};

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles (default: every article)
    slugs: Vec<String>,
    /// Only these locales; the source locale is one too (default: all)
    #[arg(long = "locale", value_name = "LC", value_delimiter = ',')]
    locales: Vec<String>,
    /// Output formats
    #[arg(long, value_enum, value_delimiter = ',', default_value = "html")]
    format: Vec<FormatArg>,
    /// Output folder (default: `public` in bitext.toml, else public/ in the project)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// What to do with a segment that has no translation
    #[arg(long, value_enum, default_value = "source")]
    fallback: FallbackArg,
    /// Refuse a locale's article that is less than PCT percent current
    #[arg(long, value_name = "PCT", value_parser = super::output::percent)]
    min_current: Option<f64>,
    /// Refuse a locale's article that is less than PCT percent approved by a reviewer
    #[arg(long, value_name = "PCT", value_parser = super::output::percent)]
    min_approved: Option<f64>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FormatArg {
    /// The site: article pages, front pages, sitemap.xml and feeds
    Html,
    /// Each page's Markdown
    Md,
    /// A content tree for Hugo (content/, static/, hugo.toml, a theme)
    Hugo,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FallbackArg {
    /// Show it in the source language, marked with its lang
    Source,
    /// Leave it out
    Omit,
    /// Refuse the locale's article
    Fail,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let articles = project.article_slugs()?;
    let slugs = project.select(&args.slugs, &articles)?;
    let locales = locales(project, &args.locales)?;
    let mut formats: Vec<Format> = args
        .format
        .iter()
        .map(|f| match f {
            FormatArg::Html => Format::Html,
            FormatArg::Md => Format::Markdown,
            FormatArg::Hugo => Format::Hugo,
        })
        .collect();
    formats.sort();
    formats.dedup();
    if let Some(pct) = args.min_current {
        if !(0.0..=100.0).contains(&pct) {
            anyhow::bail!("--min-current {pct}: give a percentage from 0 to 100");
        }
    }
    let out_dir = match &args.out {
        Some(dir) => std::path::absolute(dir)?,
        None => project.root.join(&project.config.public),
    };
    let options = Options {
        whole_site: args.slugs.is_empty() && args.locales.is_empty(),
        locales,
        formats,
        out: out_dir.clone(),
        fallback: match args.fallback {
            FallbackArg::Source => Fallback::Source,
            FallbackArg::Omit => Fallback::Omit,
            FallbackArg::Fail => Fallback::Fail,
        },
        min_current: args.min_current,
        min_approved: args.min_approved,
    };
    let report = bitext::publish::publish(project, &slugs, &options)?;

    for warning in &report.warnings {
        note(&format!("warning: {warning}"));
    }
    // An article refused in every locale for one reason is said once.
    let mut refused_articles: Vec<&str> = Vec::new();
    for r in &report.refusals {
        let same: Vec<_> = report
            .refusals
            .iter()
            .filter(|o| o.slug == r.slug && o.reason == r.reason)
            .collect();
        if same.len() == options.locales.len() && options.locales.len() > 1 {
            if !refused_articles.contains(&r.slug.as_str()) {
                refused_articles.push(&r.slug);
                note(&format!("refused: {} (every locale): {}", r.slug, r.reason));
            }
        } else {
            note(&format!("refused: {} {}: {}", r.locale, r.slug, r.reason));
        }
    }
    for w in &report.withdrawn {
        note(&format!("withdrawn: {} {}: {}", w.locale, w.slug, w.reason));
    }
    for (locale, s) in &report.locales {
        let c = &s.counts;
        out.line(&format!(
            "{locale:<6}published {}  refused {}  fallback {}  omitted {}  stale {}  unreviewed {}",
            s.published, s.refused, c.fallback, c.omitted, c.stale, c.unreviewed
        ))?;
    }
    let shown = project.rel(&out_dir);
    out.line(&format!(
        "{}: {} written, {} unchanged, {} removed",
        if shown.as_os_str().is_empty() {
            out_dir.display().to_string()
        } else {
            shown.display().to_string()
        },
        super::output::plural(report.written, "file", "files"),
        report.unchanged,
        report.removed.len()
    ))?;
    for removed in &report.removed {
        out.line(&format!("  removed {}", removed.display()))?;
    }
    Ok(if report.refusals.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The locales named by `codes` (the source or a target), or every locale, the source first.
fn locales(project: &Project, codes: &[String]) -> anyhow::Result<Vec<String>> {
    let source = &project.config.source;
    if codes.is_empty() {
        return Ok(std::iter::once(source.clone())
            .chain(project.config.targets.iter().cloned())
            .collect());
    }
    let mut out: Vec<String> = Vec::new();
    for code in codes {
        let canonical = canonical_locale(code).map_err(bitext::Error::Usage)?;
        let known = &canonical == source || project.config.targets.contains(&canonical);
        if !known {
            return Err(bitext::Error::Usage(format!(
                "unknown locale {canonical}: the project's locales are {source}, {}",
                project.config.targets.join(", ")
            ))
            .into());
        }
        if !out.contains(&canonical) {
            out.push(canonical);
        }
    }
    Ok(out)
}

#[allow(clippy::print_stderr)]
fn note(text: &str) {
    eprintln!("{text}");
}
