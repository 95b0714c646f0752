//! Who bitext acts for: the person named by `--as HANDLE`, else by `BITEXT_USER`, else the person
//! whose `email` is `git config user.email`, else an unnamed person recorded by the
//! operating-system user name; and what that person may write and review (see [`crate::people`]).

use crate::error::{Error, Result};
use crate::people::{check_handle, Person};
use crate::project::{Project, CONFIG_FILE};

/// Who bitext acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The handle recorded with each write: a declared person's handle, or the user name.
    pub handle: String,
    /// Whether the handle is a person declared in `[people]`.
    pub declared: bool,
    /// How the person was found, for messages: `--as`, `BITEXT_USER`, `git config user.email`
    /// or the user name.
    pub how: &'static str,
}

impl Actor {
    /// The person bitext acts for in `project`: `name` (given with `--as`), else `BITEXT_USER`,
    /// else the person with git's `user.email`, else the operating-system user. A name given
    /// with `--as` or `BITEXT_USER` must be a declared person when `[people]` exists.
    pub fn resolve(project: &Project, name: Option<&str>) -> Result<Actor> {
        let people = &project.config.people;
        let named = match name {
            Some(name) => Some((name.to_string(), "--as")),
            None => std::env::var("BITEXT_USER")
                .ok()
                .filter(|v| !v.trim().is_empty())
                .map(|v| (v.trim().to_string(), "BITEXT_USER")),
        };
        if let Some((handle, how)) = named {
            check_handle(&handle).map_err(|why| Error::Usage(format!("{how}: {why}")))?;
            if !people.is_empty() && !people.contains_key(&handle) {
                return Err(Error::Usage(format!(
                    "{how}: unknown person {handle}: the people in {CONFIG_FILE} are {}",
                    people.keys().cloned().collect::<Vec<_>>().join(", ")
                )));
            }
            return Ok(Actor {
                declared: people.contains_key(&handle),
                handle,
                how,
            });
        }
        if people.values().any(|p| p.email.is_some()) {
            if let Some(email) = git_email(project) {
                let found = people.iter().find(|(_, p)| {
                    p.email
                        .as_deref()
                        .is_some_and(|e| e.eq_ignore_ascii_case(&email))
                });
                if let Some((handle, _)) = found {
                    return Ok(Actor {
                        handle: handle.clone(),
                        declared: true,
                        how: "git config user.email",
                    });
                }
            }
        }
        Ok(Actor {
            handle: os_user(),
            declared: false,
            how: "the user name",
        })
    }

    /// The declared person, if the actor is one.
    pub fn person<'p>(&self, project: &'p Project) -> Option<&'p Person> {
        project.config.people.get(&self.handle)
    }

    /// Refuses a write to `locale` by a person who does not translate it.
    pub fn may_translate(&self, project: &Project, locale: &str) -> Result<()> {
        self.may(project, locale, "translate", |p| &p.translates)
    }

    /// Refuses a verdict on `locale` by a person who does not review it.
    pub fn may_review(&self, project: &Project, locale: &str) -> Result<()> {
        self.may(project, locale, "review", |p| &p.reviews)
    }

    fn may(
        &self,
        project: &Project,
        locale: &str,
        what: &str,
        list: impl Fn(&Person) -> &Vec<String>,
    ) -> Result<()> {
        if project.config.people.is_empty() {
            return Ok(());
        }
        let Some(person) = self.person(project) else {
            return Err(Error::Usage(format!(
                "{} ({}) is not one of the people in {CONFIG_FILE}: say who you are with --as \
                 HANDLE or BITEXT_USER",
                self.handle, self.how
            )));
        };
        if list(person).iter().any(|l| l == locale) {
            return Ok(());
        }
        Err(Error::Usage(format!(
            "{} does not {what} {locale} (see [people.{}] in {CONFIG_FILE})",
            self.handle, self.handle
        )))
    }
}

/// The e-mail address git would record for a commit in the project, if git is there.
fn git_email(project: &Project) -> Option<String> {
    let output = std::process::Command::new("git")
        .args(["config", "user.email"])
        .current_dir(&project.root)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let email = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (output.status.success() && !email.is_empty()).then_some(email)
}

/// The operating-system user name, as a handle: characters a handle may not have become `_`.
pub fn os_user() -> String {
    let name = ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|n| !n.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_string());
    name.trim()
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
