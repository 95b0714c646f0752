//! `bitext serve --git`: every save becomes a commit with the person who made it as its author.
//! A working tree with a conflict, or with changes of someone else's in the files a save touches,
//! is never committed over: the save stays in the files and the dashboard says why it was not
//! committed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the working tree cannot take a commit now, if it cannot: a merge conflict anywhere, or
/// uncommitted changes in `paths` (made before the save about to be committed).
pub fn blocked(root: &Path, paths: &[PathBuf]) -> Option<String> {
    let unmerged = git(root, &["diff", "--name-only", "--diff-filter=U"]).ok()?;
    if !unmerged.trim().is_empty() {
        return Some(format!(
            "the working tree has merge conflicts ({}): resolve them first",
            unmerged.trim().replace('\n', ", ")
        ));
    }
    let mut args = vec!["status", "--porcelain", "--"];
    let rel: Vec<String> = paths.iter().map(|p| rel(root, p)).collect();
    args.extend(rel.iter().map(String::as_str));
    match git(root, &args) {
        Ok(dirty) if !dirty.trim().is_empty() => Some(format!(
            "uncommitted changes that were there before: {}",
            dirty
                .lines()
                .map(|l| l.get(3..).unwrap_or(l))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Ok(_) => None,
        Err(e) => Some(e),
    }
}

/// What `git status` says of the whole working tree, for the dashboard: conflicts and changes
/// not committed, or nothing when it is clean.
pub fn report(root: &Path) -> Option<String> {
    match git(root, &["status", "--porcelain"]) {
        Ok(status) if status.trim().is_empty() => None,
        Ok(status) => {
            let lines: Vec<&str> = status.lines().collect();
            let conflicted = lines
                .iter()
                .filter(|l| {
                    let code = l.get(..2).unwrap_or("");
                    code.contains('U') || code == "AA" || code == "DD"
                })
                .count();
            Some(if conflicted > 0 {
                format!("{conflicted} files in conflict: saves are not committed until they are resolved")
            } else {
                format!(
                    "{} files changed and not committed (saves to them are not committed)",
                    lines.len()
                )
            })
        }
        Err(e) => Some(e),
    }
}

/// Commits `paths` as `author` (`Name <email>`) with `message`, and nothing else that is staged.
pub fn commit(root: &Path, paths: &[PathBuf], author: &str, message: &str) -> Result<(), String> {
    let rel: Vec<String> = paths.iter().map(|p| rel(root, p)).collect();
    let mut add = vec!["add", "--"];
    add.extend(rel.iter().map(String::as_str));
    git(root, &add)?;
    let author_arg = format!("--author={author}");
    let mut args = vec![
        "commit",
        "--quiet",
        "--no-verify",
        &author_arg,
        "-m",
        message,
        "--",
    ];
    args.extend(rel.iter().map(String::as_str));
    git(root, &args).map(|_| ())
}

fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

fn git(root: &Path, args: &[&str]) -> Result<String, String> {
    let mut command = Command::new("git");
    command.arg("-C").arg(root).args(args);
    // A committer even on a machine where git has none configured.
    let configured = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["config", "user.email"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !configured {
        command
            .env("GIT_COMMITTER_NAME", "bitext serve")
            .env("GIT_COMMITTER_EMAIL", "bitext@localhost");
    }
    let output = command
        .output()
        .map_err(|e| format!("git {}: {e}", args[0]))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!(
            "git {}: {}",
            args[0],
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}
