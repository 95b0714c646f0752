//! The command line: clap definitions, one module per command, and the rendering of results.

mod accept;
mod approve;
mod blame;
mod check;
mod diff;
mod export;
mod fill;
mod git;
mod import;
mod init;
mod log;
mod output;
mod pretranslate;
mod publish;
mod reject;
mod search;
mod segment;
mod serve;
mod set;
mod show;
mod status;
mod sync;
mod tm;
mod todo;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use bitext::project::Project;

pub use output::{Format, FormatArgs, Out};

/// Translate news articles segment by segment, stored as Project Fluent files.
#[derive(Parser, Debug)]
#[command(name = "bitext", version, about)]
pub struct Cli {
    /// The project folder (default: the nearest folder upwards with a bitext.toml)
    #[arg(long, global = true, value_name = "DIR")]
    project: Option<PathBuf>,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value = "auto")]
    color: output::ColorChoice,
    /// Act as this person of [people] in bitext.toml (default: BITEXT_USER, else the person
    /// with git's user.email, else the user name)
    #[arg(long = "as", global = true, value_name = "HANDLE")]
    as_person: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Split plain text from stdin into sentences, one per line
    Segment(segment::Args),
    /// Create a project: bitext.toml, articles/, locales/
    Init(init::Args),
    /// Segment articles, keep ids, write the source locale and record revisions
    Sync(sync::Args),
    /// Coverage per article and locale, and totals
    Status(status::Args),
    /// The source revisions of an article
    Log(log::Args),
    /// The segments a translator must work on: missing, stale (with the source diff), unreviewed
    Todo(todo::Args),
    /// What changed in the source between two revisions, beside every locale's translation
    Diff(diff::Args),
    /// The article as parallel text: each segment in the source and each locale, with states
    Show(show::Args),
    /// Step through `todo` interactively, saving each translation at once
    Fill(fill::Args),
    /// Write one translation, signed off against the current source
    Set(set::Args),
    /// Sign off translations edited by hand
    Accept(accept::Args),
    /// Approve current translations, as their reviewer
    Approve(approve::Args),
    /// Send a translation back to its translator with a note, as its reviewer
    Reject(reject::Args),
    /// Who translated and approved each segment of an article, and when
    Blame(blame::Args),
    /// Check translations for errors: numbers, links, quotes, glossary terms, …
    Check(check::Args),
    /// Export a locale's segments for a CAT tool: XLIFF 2.0, XLIFF 1.2 or gettext PO
    Export(export::Args),
    /// Import translations from an XLIFF or PO file
    Import(import::Args),
    /// Look a sentence up in the translation memory
    Tm(tm::Args),
    /// Every segment whose English or translation contains TEXT
    Search(search::Args),
    /// Fill missing segments from exact translation-memory matches, unreviewed
    Pretranslate(pretranslate::Args),
    /// Build the localized articles as HTML pages (and Markdown), with an index
    Publish(publish::Args),
    /// The workspace in a web browser, over the same files (see the README)
    Serve(serve::Args),
    /// Set a person's password for `bitext serve --auth FILE`
    Passwd(serve::PasswdArgs),
    /// Register bitext's merge drivers in .gitattributes and the repository's git config
    GitSetup(git::SetupArgs),
    /// The merge driver git runs (see `bitext git-setup`)
    #[command(hide = true)]
    MergeDriver(git::DriverArgs),
}

/// Prints a warning on stderr.
#[allow(clippy::print_stderr)]
pub fn warn(text: &str) {
    eprintln!("warning: {text}");
}

/// The `--as` of the command line.
static ACTING_AS: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// The person the command acts for in `project` (`--as`, `BITEXT_USER`, git's e-mail, the user).
pub fn actor(project: &Project) -> anyhow::Result<bitext::actor::Actor> {
    let name = ACTING_AS.get().and_then(|n| n.as_deref());
    Ok(bitext::actor::Actor::resolve(project, name)?)
}

/// Runs the command line and turns the outcome into an exit code: 0 success, 1 a gate failed,
/// 2 bad usage or bad input.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let _ = ACTING_AS.set(cli.as_person.clone());
    let mut out = Out::new(cli.color);
    let root = std::cell::RefCell::new(None);
    let result = run(cli, &mut out, &root).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    // Paths in errors are shown relative to the project root.
    let result = result.map_err(|err| match (err.downcast::<bitext::Error>(), root.take()) {
        (Ok(err), Some(root)) => anyhow::Error::from(err.relative_to(&root)),
        (Ok(err), None) => anyhow::Error::from(err),
        (Err(err), _) => err,
    });
    match result {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: {err:#}");
            }
            ExitCode::from(2)
        }
    }
}

fn run(
    cli: Cli,
    out: &mut Out,
    root: &std::cell::RefCell<Option<PathBuf>>,
) -> anyhow::Result<ExitCode> {
    let project = || -> anyhow::Result<Project> {
        let project = match &cli.project {
            Some(dir) => Project::find(dir)?,
            None => Project::find(&std::env::current_dir()?)?,
        };
        root.replace(Some(project.root.clone()));
        // A typo in [check] is an error for every command, not only for `bitext check`.
        bitext::check::Settings::parse(&project.config.check, &project.config.targets)?;
        Ok(project)
    };
    match &cli.command {
        Command::Segment(args) => segment::run(args, cli.project.as_deref(), out),
        Command::Init(args) => init::run(args, cli.project.as_deref(), out),
        Command::Sync(args) => sync::run(args, &project()?, out),
        Command::Status(args) => status::run(args, &project()?, out),
        Command::Log(args) => log::run(args, &project()?, out),
        Command::Todo(args) => todo::run(args, &project()?, out),
        Command::Diff(args) => diff::run(args, &project()?, out),
        Command::Show(args) => show::run(args, &project()?, out),
        Command::Fill(args) => fill::run(args, &project()?, out),
        Command::Set(args) => set::run(args, &project()?, out),
        Command::Accept(args) => accept::run(args, &project()?, out),
        Command::Approve(args) => approve::run(args, &project()?, out),
        Command::Reject(args) => reject::run(args, &project()?, out),
        Command::Blame(args) => blame::run(args, &project()?, out),
        Command::Check(args) => check::run(args, &project()?, out),
        Command::Export(args) => export::run(args, &project()?, out),
        Command::Import(args) => import::run(args, &project()?, out),
        Command::Tm(args) => tm::run(args, &project()?, out),
        Command::Search(args) => search::run(args, &project()?, out),
        Command::Pretranslate(args) => pretranslate::run(args, &project()?, out),
        Command::Publish(args) => publish::run(args, &project()?, out),
        Command::Serve(args) => serve::run(args, &project()?, out),
        Command::Passwd(args) => serve::passwd(args, &project()?, out),
        Command::GitSetup(args) => git::setup(args, &project()?, out),
        Command::MergeDriver(args) => git::driver(args, out),
    }
}
