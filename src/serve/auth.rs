//! Who may enter the workspace: a one-time token on loopback, or handles and passwords from an
//! auth file in team mode; sessions with their CSRF tokens; a brake on guessing passwords.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::error::{Error, Result};

/// A random token of 32 bytes, as 64 hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random numbers");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The argon2 hash of `password`, in the PHC string format.
pub fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| Error::Usage(format!("no random numbers: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Usage(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Usage(format!("hashing the password: {e}")))
}

/// Whether `password` matches `hash` (a PHC string).
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// The people of an auth file: `handle = "<argon2 hash>"` lines (TOML).
pub fn read_auth_file(path: &Path) -> Result<HashMap<String, String>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        let (line, column) = e
            .span()
            .map(|s| crate::error::line_column(&text, s.start))
            .unwrap_or((1, 1));
        Error::At {
            path: path.to_path_buf(),
            line,
            column,
            message: format!("not an auth file: {}", e.message()),
            snippet: String::new(),
        }
    })?;
    let mut people = HashMap::new();
    for (handle, value) in table {
        crate::people::check_handle(&handle).map_err(|why| Error::file(path, why))?;
        let Some(hash) = value.as_str() else {
            return Err(Error::file(
                path,
                format!(
                    "{handle}: the value must be a password hash in quotes (see `bitext passwd`)"
                ),
            ));
        };
        if PasswordHash::new(hash).is_err() {
            return Err(Error::file(
                path,
                format!("{handle}: not an argon2 password hash (see `bitext passwd`)"),
            ));
        }
        people.insert(handle, hash.to_string());
    }
    Ok(people)
}

/// The auth file's text with `handle`'s hash set to `hash`, other lines kept as they were.
pub fn set_in_auth_file(text: &str, handle: &str, hash: &str) -> String {
    let line = format!("{handle} = \"{hash}\"");
    let mut found = false;
    let mut out: Vec<String> = text
        .lines()
        .map(|l| {
            let key = l.split('=').next().unwrap_or("").trim().trim_matches('"');
            if !found && key == handle && l.contains('=') {
                found = true;
                line.clone()
            } else {
                l.to_string()
            }
        })
        .collect();
    if !found {
        out.push(line);
    }
    out.join("\n") + "\n"
}

/// A signed-in person's session.
#[derive(Debug, Clone)]
pub struct Session {
    pub handle: String,
    /// The token every state-changing request of this session carries.
    pub csrf: String,
}

/// The sessions of a running server, by session id.
#[derive(Debug, Default)]
pub struct Sessions {
    sessions: Mutex<HashMap<String, Session>>,
}

impl Sessions {
    /// Opens a session for `handle`; returns its id.
    pub fn open(&self, handle: &str) -> String {
        let id = random_token();
        let session = Session {
            handle: handle.to_string(),
            csrf: random_token(),
        };
        self.lock().insert(id.clone(), session);
        id
    }

    pub fn get(&self, id: &str) -> Option<Session> {
        self.lock().get(id).cloned()
    }

    pub fn close(&self, id: &str) {
        self.lock().remove(id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        self.sessions.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Failed logins per client address: after `LIMIT` in `WINDOW`, further attempts are refused
/// until the window has passed.
#[derive(Debug, Default)]
pub struct Brake {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

const LIMIT: u32 = 5;
const WINDOW: Duration = Duration::from_secs(60);

impl Brake {
    /// Whether `who` may try to log in now; when not, how many seconds to wait.
    pub fn check(&self, who: &str) -> Result<(), u64> {
        let failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        match failures.get(who) {
            Some((n, since)) if *n >= LIMIT && since.elapsed() < WINDOW => {
                Err((WINDOW - since.elapsed()).as_secs() + 1)
            }
            _ => Ok(()),
        }
    }

    pub fn failed(&self, who: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let entry = failures
            .entry(who.to_string())
            .or_insert((0, Instant::now()));
        if entry.1.elapsed() >= WINDOW {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
    }

    pub fn succeeded(&self, who: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(who);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_hash_only() {
        let hash = hash_password("correct horse").unwrap();
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("correct hors", &hash));
        assert!(!verify_password("correct horse", "not a hash"));
    }

    #[test]
    fn setting_a_hash_keeps_the_other_lines() {
        let text = "# desk\nseo-jiwon = \"old\"\narman-bekov = \"a\"\n";
        let out = set_in_auth_file(text, "seo-jiwon", "new");
        assert_eq!(out, "# desk\nseo-jiwon = \"new\"\narman-bekov = \"a\"\n");
        let out = set_in_auth_file(&out, "park-minho", "p");
        assert!(out.ends_with("arman-bekov = \"a\"\npark-minho = \"p\"\n"));
    }

    #[test]
    fn the_brake_stops_the_sixth_wrong_password_in_a_minute() {
        let brake = Brake::default();
        for _ in 0..LIMIT {
            assert!(brake.check("1.2.3.4").is_ok());
            brake.failed("1.2.3.4");
        }
        assert!(brake.check("1.2.3.4").is_err());
        assert!(brake.check("5.6.7.8").is_ok());
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }
}
