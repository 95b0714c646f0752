//! `bitext segment`: the sentence rules on their own, for people and scripts.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The language whose rules to use (default: the project's source locale, or en)
    #[arg(long, value_name = "LC")]
    lang: Option<String>,
}

pub fn run(args: &Args, project: Option<&Path>, out: &mut Out) -> anyhow::Result<ExitCode> {
    let lang = match &args.lang {
        Some(code) => bitext::project::canonical_locale(code).map_err(bitext::Error::Usage)?,
        None => {
            let dir = match project {
                Some(dir) => dir.to_path_buf(),
                None => std::env::current_dir()?,
            };
            bitext::project::Project::find(&dir)
                .map_or_else(|_| "en".to_string(), |p| p.config.source)
        }
    };
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input)?;
    let text = String::from_utf8(input).map_err(|e| {
        bitext::Error::Usage(format!(
            "<stdin>: not valid UTF-8 text at byte {}",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace("\r\n", "\n");
    // Paragraphs are separated by blank lines. The rules see the line breaks inside one (a line
    // may be a list item); a sentence is printed on one line, its line breaks as spaces.
    for paragraph in text.split("\n\n") {
        for sentence in bitext::segment::split_plain(paragraph, &lang) {
            out.line(&one_line(sentence))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `sentence` with each run of white space that holds a line break made a single space.
fn one_line(sentence: &str) -> String {
    if !sentence.contains('\n') {
        return sentence.to_string();
    }
    let mut out = String::with_capacity(sentence.len());
    let mut rest = sentence;
    while let Some(at) = rest.find('\n') {
        out.push_str(rest[..at].trim_end());
        out.push(' ');
        rest = rest[at..].trim_start();
    }
    out.push_str(rest);
    out
}
