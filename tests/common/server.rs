//! `bitext serve` for the server tests: the real binary on a fixture project, on a free port of
//! the loopback, and the address it printed.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use super::Fixture;

/// A running `bitext serve` and the address it printed.
pub struct Server {
    pub child: Child,
    /// What it printed, without `http://`: `127.0.0.1:PORT/…`.
    pub url: String,
    /// `127.0.0.1:PORT`.
    pub host: String,
}

impl Server {
    /// `http://HOST/` followed by `path`.
    pub fn at(&self, path: &str) -> String {
        format!("http://{}{path}", self.host)
    }

    /// The address that signs in once, with the one-time token.
    pub fn sign_in_url(&self) -> String {
        format!("http://{}", self.url)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `bitext serve ARGS` in `f` as `person` (the one-time token signs in as them).
pub fn serve(f: &Fixture, person: &str, args: &[&str]) -> Server {
    let mut child = Command::new(snapbox::cmd::cargo_bin!("bitext"))
        .current_dir(f.dir.path())
        .env("SOURCE_DATE_EPOCH", "1629158400")
        .env("USER", "tester")
        .env("BITEXT_USER", person)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("serve")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("bitext serve starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("a line").expect("stdout");
        if let Some(url) = line.trim().strip_prefix("http://") {
            break url.to_string();
        }
    };
    let host = url.split('/').next().unwrap().to_string();
    Server { child, url, host }
}

/// `bitext passwd HANDLE --auth AUTH` with `password` typed on stdin.
pub fn passwd(f: &Fixture, auth: &Path, handle: &str, password: &str) {
    let mut passwd = Command::new(snapbox::cmd::cargo_bin!("bitext"))
        .current_dir(f.dir.path())
        .arg("passwd")
        .arg(handle)
        .arg("--auth")
        .arg(auth)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    passwd
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{password}\n").as_bytes())
        .unwrap();
    assert!(passwd.wait().unwrap().success(), "bitext passwd {handle}");
}
