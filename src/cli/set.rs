//! `bitext set`: one translation, signed off.

use std::io::Read;
use std::process::ExitCode;

use bitext::article_files::ArticleFiles;
use bitext::check::{Check, Checker, Level};
use bitext::project::Project;
use bitext::store::escape::Piece;

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Target locale
    locale: String,
    /// Article
    slug: String,
    /// Segment id (see locales/<source>/<slug>.ftl)
    id: String,
    /// The translation; `-` reads it from stdin (one final line break is dropped)
    #[arg(allow_hyphen_values = true)]
    text: String,
    /// Refuse to save a translation that a check finds an error in (exit 1)
    #[arg(long)]
    strict: bool,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let locale = project.target(&args.locale)?;
    let slug = project.synced_slug(&args.slug)?;
    let text = if args.text == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| bitext::Error::Usage(format!("<stdin>: {e}")))?;
        let text = text.strip_suffix('\n').unwrap_or(&text);
        text.strip_suffix('\r').unwrap_or(text).to_string()
    } else {
        args.text.clone()
    };
    let pieces = vec![bitext::store::escape::Piece::Text(text)];
    let actor = super::actor(project)?;
    let findings = save_time_checks(project, &locale, &slug, &args.id, &pieces)?;
    let label = format!("{locale} {slug} {}", args.id);
    if args.strict && findings.iter().any(|(_, level, _)| *level == Level::Error) {
        report(&label, &findings);
        super::warn(&format!("{label}: not saved (--strict)"));
        return Ok(ExitCode::from(1));
    }
    bitext::translate::set_as(project, &actor, &locale, &slug, &args.id, pieces, None)?;
    out.line(&format!("{label}: saved, signed off"))?;
    report(&label, &findings);
    Ok(ExitCode::SUCCESS)
}

/// The checks' findings on a translation of segment `id` about to be saved.
pub fn save_time_checks(
    project: &Project,
    locale: &str,
    slug: &str,
    id: &str,
    pieces: &[Piece],
) -> anyhow::Result<Vec<(Check, Level, String)>> {
    let files = ArticleFiles::open(project, slug)?;
    let history = files.history();
    let Some(english) = history.text_at(id, history.number()) else {
        return Ok(Vec::new());
    };
    let (checker, _) = Checker::new(project, &[locale.to_string()])?;
    Ok(checker.translation(locale, english, pieces))
}

/// Prints the findings on a saved translation to stderr, errors first.
pub fn report(label: &str, findings: &[(Check, Level, String)]) {
    #[allow(clippy::print_stderr)]
    for (check, level, message) in findings {
        eprintln!("{}[{}] {label}: {message}", level.name(), check.name());
    }
}
