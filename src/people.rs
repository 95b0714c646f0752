//! People: who bitext acts for, and what they may do.
//!
//! A project may declare the people who work on it in `bitext.toml`:
//!
//! ```toml
//! [people.seo-jiwon]
//! name = "Seo Ji-won"
//! email = "jiwon@example.org"
//! translates = ["ko"]
//! reviews = ["ko"]
//! ```
//!
//! Every write records who made it: the person named by `--as HANDLE`, else by the environment
//! variable `BITEXT_USER`, else the person whose `email` is `git config user.email`, else an
//! unnamed person, recorded by the operating-system user name. When `[people]` exists, a person
//! writes only the locales they translate and approves only those they review, and an unnamed
//! person writes nothing; without it, anyone does anything, as before people were recorded.
//! Nobody approves their own translation.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::Result;

/// A person declared in `bitext.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: Option<String>,
    pub email: Option<String>,
    #[serde(default)]
    pub translates: Vec<String>,
    #[serde(default)]
    pub reviews: Vec<String>,
}

/// The people of a project, by handle.
pub type People = BTreeMap<String, Person>;

/// Why `handle` is not a valid handle, if it is not: `[a-z0-9_-]+`.
///
/// ```
/// assert!(bitext::people::check_handle("seo-jiwon").is_ok());
/// assert!(bitext::people::check_handle("Seo Jiwon").is_err());
/// ```
pub fn check_handle(handle: &str) -> Result<(), String> {
    let valid = !handle.is_empty()
        && handle
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if valid {
        Ok(())
    } else {
        Err(format!(
            "\"{handle}\" is not a valid handle: use lower-case letters, digits, `-` and `_`"
        ))
    }
}

/// Checks the `[people]` table of `bitext.toml`: valid handles, and locales that are targets.
pub fn check_people(people: &People, targets: &[String]) -> Result<(), String> {
    for (handle, person) in people {
        check_handle(handle).map_err(|why| format!("people: {why}"))?;
        for locale in person.translates.iter().chain(&person.reviews) {
            if !targets.contains(locale) {
                return Err(format!(
                    "people.{handle}: {locale} is not one of the targets ({})",
                    targets.join(", ")
                ));
            }
        }
    }
    Ok(())
}
