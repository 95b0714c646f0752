//! `bitext init`: a new project.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bitext::project::CONFIG_FILE;
use bitext::Error;

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to create the project (default: the current folder, or --project)
    dir: Option<PathBuf>,
}

const CONFIG: &str = "source = \"en\"\ntargets = [\"ko\", \"kk\", \"ru\"]\n";

/// The journals of sign-offs only grow: two branches' lines are both kept.
const GITATTRIBUTES: &str = "history/**/*.*.jsonl merge=union\n";

pub fn run(args: &Args, project: Option<&Path>, out: &mut Out) -> anyhow::Result<ExitCode> {
    let dir = match (&args.dir, project) {
        (Some(dir), _) => dir.clone(),
        (None, Some(dir)) => dir.to_path_buf(),
        (None, None) => std::env::current_dir()?,
    };
    let config = dir.join(CONFIG_FILE);
    if config.exists() {
        return Err(Error::file(&config, "a project is already here").into());
    }
    for sub in [
        "articles",
        "locales/en",
        "locales/ko",
        "locales/kk",
        "locales/ru",
    ] {
        let path = dir.join(sub);
        std::fs::create_dir_all(&path).map_err(|e| Error::io(&path, e))?;
    }
    bitext::store::write_atomic(&config, CONFIG)?;
    let attributes = dir.join(".gitattributes");
    if !attributes.exists() {
        bitext::store::write_atomic(&attributes, GITATTRIBUTES)?;
    }
    out.line(&format!(
        "created {} with articles/ and locales/ for en, ko, kk, ru",
        config.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
