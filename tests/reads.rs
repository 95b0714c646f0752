//! How often a write command opens an article's target file and journal, traced with strace:
//! `set`, `accept` and `import` read each once, under the lock; `fill` reads the target once to
//! show the segment and once more under the lock, where the save compares the file with what was
//! shown (so that it cannot save over newer work), and the journal once.
//!
//! Skipped, with a message, where strace is not installed (`.ci/run` installs it).

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::Fixture;

const SLUG: &str = "2021/08/tokayev-state-visit";

/// Opens of the Kazakh target file and journal of [`SLUG`] by `bitext ARGS` (with `stdin` as its
/// input), from an strace of every thread.
fn opens(f: &Fixture, args: &[&str], stdin: &str) -> Option<(usize, usize)> {
    let trace = f.path("trace.txt");
    let mut child = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=openat", "-o"])
        .arg(&trace)
        .arg(snapbox::cmd::cargo_bin!("bitext"))
        .args(args)
        .current_dir(f.path(""))
        .env("SOURCE_DATE_EPOCH", "1629158400")
        .env("NO_COLOR", "1")
        .env("USER", "tester")
        .env("BITEXT_USER", "arman-bekov")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("strace ran");
    assert!(
        out.status.success(),
        "bitext {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&trace).expect("trace");
    std::fs::remove_file(&trace).expect("trace removed");
    let count = |rel: String| {
        let quoted = format!("{rel}\"");
        text.lines().filter(|l| l.contains(&quoted)).count()
    };
    Some((
        count(format!("locales/kk/{SLUG}.ftl")),
        count(format!("history/{SLUG}.kk.jsonl")),
    ))
}

fn strace() -> bool {
    let found = Command::new("strace")
        .arg("-V")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!("strace is not installed: skipped");
    }
    found
}

/// The id of a missing Kazakh segment of [`SLUG`].
fn missing(f: &Fixture) -> String {
    let todo = f.stdout(&["todo", "kk", SLUG, "--state", "missing", "--json"]);
    let todo: serde_json::Value = serde_json::from_str(&todo).expect("todo --json");
    todo["items"][0]["id"]
        .as_str()
        .expect("a missing segment")
        .to_string()
}

const KAZAKH: &str = "Екі ел арасындағы тауар айналымы соңғы жылдары едәуір өсті.";

#[test]
fn set_reads_the_target_and_the_journal_once() {
    if !strace() {
        return;
    }
    let f = Fixture::sample();
    let id = missing(&f);
    assert_eq!(
        opens(&f, &["set", "kk", SLUG, &id, KAZAKH], ""),
        Some((1, 1))
    );
}

#[test]
fn set_from_stdin_reads_the_target_and_the_journal_once() {
    if !strace() {
        return;
    }
    let f = Fixture::sample();
    let id = missing(&f);
    assert_eq!(
        opens(&f, &["set", "kk", SLUG, &id, "-"], KAZAKH),
        Some((1, 1))
    );
}

#[test]
fn accept_reads_the_target_and_the_journal_once() {
    if !strace() {
        return;
    }
    let f = Fixture::sample();
    let path = format!("locales/kk/{SLUG}.ftl");
    let text = f.read(&path);
    // A translation edited by hand: the first message's text gets a word more.
    let at = text.find("\ns-").expect("a message") + 1;
    let eq = at + text[at..].find(" = ").expect("a value") + 3;
    f.write(&path, format!("{}Бүгін {}", &text[..eq], &text[eq..]));
    assert_eq!(opens(&f, &["accept", "kk", SLUG], ""), Some((1, 1)));
}

#[test]
fn import_reads_the_target_and_the_journal_once() {
    if !strace() {
        return;
    }
    let f = Fixture::sample();
    f.bitext(&["export", "kk", SLUG, "-o", "kk.xlf"])
        .assert()
        .success();
    assert_eq!(opens(&f, &["import", "kk.xlf"], ""), Some((1, 1)));
    assert!(Path::new(&f.path("kk.xlf")).exists());
}

#[test]
fn fill_reads_the_target_once_to_show_and_once_to_save() {
    if !strace() {
        return;
    }
    let f = Fixture::sample();
    let answers = format!("{KAZAKH}\n:q\n");
    assert_eq!(opens(&f, &["fill", "kk", SLUG], &answers), Some((2, 1)));
    // The answer was saved.
    assert!(f.read(&format!("locales/kk/{SLUG}.ftl")).contains(KAZAKH));
}
