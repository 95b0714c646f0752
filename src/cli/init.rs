//! `bitext init`: a new project.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to create the project (default: the current folder, or --project)
    dir: Option<PathBuf>,
}

pub fn run(args: &Args, project: Option<&Path>, out: &mut Out) -> anyhow::Result<ExitCode> {
    let dir = match (&args.dir, project) {
        (Some(dir), _) => dir.clone(),
        (None, Some(dir)) => dir.to_path_buf(),
        (None, None) => std::env::current_dir()?,
    };
    let config = bitext::project::init(&dir, &super::git::driver_command())?;
    out.line(&format!(
        "created {} with articles/ and locales/ for en, ko, kk, ru",
        config.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
