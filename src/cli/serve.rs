//! `bitext serve`: the workspace in a browser; `bitext passwd`: a person's password for it.

use std::io::{BufRead, IsTerminal};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use bitext::project::Project;
use bitext::serve::{auth, Options};

use super::Out;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to listen; anything but loopback needs --auth
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:0")]
    listen: SocketAddr,
    /// Team mode: people log in with the passwords of FILE (see `bitext passwd`), kept outside
    /// the project
    #[arg(long, value_name = "FILE")]
    auth: Option<PathBuf>,
    /// Commit every save, with the person who made it as the author
    #[arg(long)]
    git: bool,
    /// Open the address in the web browser
    #[arg(long)]
    open: bool,
}

pub fn run(args: &Args, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    // In team mode people log in; the token of loopback mode acts as whoever started the server.
    let actor = match &args.auth {
        Some(_) => bitext::actor::Actor {
            handle: String::new(),
            declared: false,
            how: "a login",
        },
        None => super::actor(project)?,
    };
    let options = Options {
        listen: args.listen,
        auth: args.auth.clone(),
        git: args.git,
    };
    let server = bitext::serve::bind(project, &options, &actor)?;
    out.line(&format!(
        "bitext serve: {} on {}",
        project.root.display(),
        server.addr
    ))?;
    if args.auth.is_none() {
        out.line(&format!(
            "open this address (it signs in once, as {}):",
            actor.handle
        ))?;
    }
    out.line(&format!("    {}", server.url))?;
    out.flush()?;
    if args.open {
        let _ = std::process::Command::new("xdg-open")
            .arg(&server.url)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
    }
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct PasswdArgs {
    /// The person's handle
    handle: String,
    /// The auth file to write (outside the project)
    #[arg(long, value_name = "FILE")]
    auth: PathBuf,
}

/// Sets a person's password in the auth file: read from the terminal, or the first line of
/// stdin.
pub fn passwd(args: &PasswdArgs, project: &Project, out: &mut Out) -> anyhow::Result<ExitCode> {
    bitext::people::check_handle(&args.handle).map_err(bitext::Error::Usage)?;
    let people = &project.config.people;
    if !people.is_empty() && !people.contains_key(&args.handle) {
        return Err(bitext::Error::Usage(format!(
            "unknown person {}: the people in bitext.toml are {}",
            args.handle,
            people.keys().cloned().collect::<Vec<_>>().join(", ")
        ))
        .into());
    }
    let absolute = std::path::absolute(&args.auth)?;
    if absolute.starts_with(&project.root) {
        return Err(bitext::Error::file(
            &args.auth,
            "inside the project, where git would publish the password hashes: keep it outside",
        )
        .into());
    }
    if std::io::stdin().is_terminal() {
        #[allow(clippy::print_stderr)]
        {
            eprint!("password for {} (shown as you type): ", args.handle);
        }
    }
    let mut password = String::new();
    std::io::stdin().lock().read_line(&mut password)?;
    let password = password.trim_end_matches(['\n', '\r']);
    if password.chars().count() < 8 {
        return Err(bitext::Error::Usage(
            "the password is shorter than 8 characters: nothing written".into(),
        )
        .into());
    }
    let hash = auth::hash_password(password)?;
    let text = match std::fs::read_to_string(&args.auth) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(bitext::Error::io(&args.auth, e).into()),
    };
    let text = auth::set_in_auth_file(&text, &args.handle, &hash);
    write_private(&args.auth, &text)?;
    out.line(&format!(
        "{}: password set for {}",
        args.auth.display(),
        args.handle
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `path` readable by its owner only (it holds password hashes).
fn write_private(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut file, text.as_bytes())?;
    file.persist(path)
        .map_err(|e| bitext::Error::io(path, e.error))?;
    Ok(())
}
