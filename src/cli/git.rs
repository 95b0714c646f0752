//! `bitext git-setup`, and the merge driver git runs: `bitext merge-driver BASE OURS THEIRS PATH`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bitext::project::Project;
use bitext::store::{read_text_if_exists, write_atomic, TextFile};

use super::Out;

#[derive(clap::Args, Debug)]
pub struct SetupArgs {}

/// The arguments git gives a merge driver (`%O %A %B %P`).
#[derive(clap::Args, Debug)]
pub struct DriverArgs {
    /// The common ancestor's version (a temporary file)
    base: PathBuf,
    /// This branch's version, which receives the result
    ours: PathBuf,
    /// The other branch's version
    theirs: PathBuf,
    /// The file's path in the repository
    path: PathBuf,
}

/// The command git runs for bitext's merge driver: this binary.
pub fn driver_command() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.to_str().map(str::to_string))
        .unwrap_or_else(|| "bitext".to_string())
}

pub fn setup(_args: &SetupArgs, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    let done = bitext::project::git_setup(project, &driver_command())?;
    out.line(if done.attributes {
        ".gitattributes: bitext merges history/ and the target files"
    } else {
        ".gitattributes: already set up"
    })?;
    if done.config {
        out.line("git config: merge.bitext.driver registered for this repository")?;
    } else {
        out.line(
            "not in a git repository: run `bitext git-setup` again after `git init` or `git clone`",
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn driver(args: &DriverArgs, out: &mut Out) -> anyhow::Result<ExitCode> {
    let read = |path: &Path| -> anyhow::Result<TextFile> {
        Ok(read_text_if_exists(path)?.unwrap_or_default())
    };
    let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
    let name = args.path.to_string_lossy();
    let project = Project::find(Path::new(".")).ok();
    let (source, locales) = project.as_ref().map_or(("en", "locales"), |p| {
        (p.config.source.as_str(), p.config.locales.as_str())
    });
    let merged = if name.starts_with(&format!("{locales}/{source}/")) {
        // The source segments are written from the history: the side that changed them, or,
        // when both did, ours until the next `bitext sync` writes them from the merged history.
        if ours.text == base.text {
            theirs.text.clone()
        } else {
            ours.text.clone()
        }
    } else if name.ends_with(".ftl") {
        let (text, conflicts) =
            bitext::merge::merge_target(&base.text, &ours.text, &theirs.text, source);
        if conflicts > 0 {
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "{name}: {conflicts} translations changed on both branches: kept both, \
                     unreviewed (see `bitext status` and `bitext check`)"
                );
            }
        }
        text
    } else if is_journal(&name) {
        bitext::merge::merge_journal(&base.text, &ours.text, &theirs.text)
    } else {
        bitext::merge::merge_history(&args.path, &base.text, &ours.text, &theirs.text)?
    };
    write_atomic(&args.ours, &ours.same_style(merged))?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Whether `history/<slug>.<lc>.jsonl` is a journal rather than an article's history: slugs have
/// no dots, so a journal's file name has two.
fn is_journal(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.matches('.').count() >= 2
}
