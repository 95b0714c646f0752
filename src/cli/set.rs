//! `bitext set`: one translation, signed off.

use std::io::Read;
use std::process::ExitCode;

use bitext::project::Project;

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
    bitext::translate::set_as(project, &actor, &locale, &slug, &args.id, pieces, None)?;
    out.line(&format!("{locale} {slug} {}: saved, signed off", args.id))?;
    Ok(ExitCode::SUCCESS)
}
