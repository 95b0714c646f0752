//! The crash test: bitext writers (`set`, `accept`, `import`, `sync`, `publish`) killed with
//! SIGKILL at random moments, over and over, on a copy of the sample project. After each kill
//! the next command runs to its end, and then:
//!
//! - every `.ftl` file, history and journal parses (no junk the sample did not have);
//! - every translation a command reported as written is still there (or, when a later command
//!   was killed on the same segment, the text that command was writing);
//! - no temporary file is left in the project's folders, nor in the output folder after a
//!   publish has run;
//! - no lock blocks: the next command ends within a minute.
//!
//! It takes a minute or two, so it is ignored by `cargo test`; `.ci/run` runs it:
//!
//! ```sh
//! cargo test --test crash -- --ignored --nocapture
//! CRASH_ITERATIONS=1000 CRASH_SEED=7 cargo test --test crash -- --ignored --nocapture
//! ```

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Fixture;

const SLUGS: [&str; 2] = [
    "2021/08/tokayev-state-visit",
    "2021/08/hong-beom-do-homecoming",
];
const LOCALES: [&str; 3] = ["ko", "kk", "ru"];
const ARTICLE: &str = "articles/2021/08/hong-beom-do-homecoming.md";
const SENTENCE: [&str; 2] = ["after his death in 1943", "after he died in 1943"];

/// A small, seeded PRNG (xorshift64*), so that a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Set,
    Accept,
    Import,
    Sync,
    Publish,
}

const KINDS: [Kind; 5] = [
    Kind::Set,
    Kind::Accept,
    Kind::Import,
    Kind::Sync,
    Kind::Publish,
];

/// (locale, slug, id): a translation.
type Key = (String, String, String);

/// What the project must hold: for each translation a command reported as written (or a person
/// wrote), its text, and the texts of commands killed since that were writing it.
#[derive(Default)]
struct Model {
    confirmed: BTreeMap<Key, String>,
    pending: BTreeMap<Key, BTreeSet<String>>,
}

impl Model {
    fn confirm(&mut self, key: Key, text: String) {
        self.pending.remove(&key);
        self.confirmed.insert(key, text);
    }

    fn pend(&mut self, key: Key, text: String) {
        self.pending.entry(key).or_default().insert(text);
    }

    /// Before a command writes `key`: what it holds now is what a killed command leaves.
    fn track(&mut self, key: &Key, now: Option<String>) {
        if let (false, Some(now)) = (self.confirmed.contains_key(key), now) {
            self.confirmed.insert(key.clone(), now);
        }
    }
}

/// One command to run: its arguments and, for those that write translations, what it writes.
struct Job {
    kind: Kind,
    args: Vec<String>,
    writes: Vec<(Key, String)>,
}

struct Run<'a> {
    f: &'a Fixture,
    rng: Rng,
    model: Model,
    iteration: usize,
    sentence: usize,
    failures: Vec<String>,
}

fn bitext(f: &Fixture, args: &[String]) -> Command {
    let mut command = Command::new(snapbox::cmd::cargo_bin!("bitext"));
    command
        .current_dir(f.dir.path())
        .env("SOURCE_DATE_EPOCH", "1629158400")
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// The translations of a target file, by id.
fn translations(f: &Fixture, locale: &str, slug: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(f.path(&format!("locales/{locale}/{slug}.ftl")))
        .unwrap_or_default();
    let file = bitext::store::ftl::parse(&text);
    bitext::store::target::translations(&file)
        .into_iter()
        .map(|(id, t)| (id.to_string(), t.text()))
        .collect()
}

fn segment_ids(f: &Fixture, slug: &str) -> Vec<String> {
    f.messages(&format!("locales/en/{slug}.ftl"))
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// Every file under `dir`, links not followed.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                stack.push(entry.path());
            } else {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    out
}

fn is_temporary(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(".bitext-") && n.ends_with(".tmp"))
}

impl Run<'_> {
    /// A job of `kind` for this iteration, with what it will write.
    fn job(&mut self, kind: Kind) -> Job {
        let n = self.iteration;
        let locale = self.rng.pick(&LOCALES).to_string();
        let slug = self.rng.pick(&SLUGS).to_string();
        let ids = segment_ids(self.f, &slug);
        let id = self.rng.pick(&ids).clone();
        let key = (locale.clone(), slug.clone(), id.clone());
        let now = translations(self.f, &locale, &slug).remove(&id);
        self.model.track(&key, now);
        match kind {
            Kind::Set => {
                let text = format!("set {n} {}", "번역 ".repeat(self.rng.below(40)));
                let text = text.trim_end().to_string();
                Job {
                    kind,
                    args: vec!["set".into(), locale, slug, id, text.clone()],
                    writes: vec![(key, text)],
                }
            }
            Kind::Accept => {
                // A translator edits the file by hand, then signs off.
                let text = format!("hand {n}");
                let rel = format!("locales/{locale}/{slug}.ftl");
                let ftl = self.f.read(&rel);
                let edited = replace_value(&ftl, &id, &text);
                self.f.write(&rel, edited);
                self.model.confirm(key, text);
                Job {
                    kind,
                    args: vec!["accept".into(), locale, slug],
                    writes: Vec::new(),
                }
            }
            Kind::Import => {
                let po = self.f.path(&format!("import-{n}.po"));
                let output = bitext(
                    self.f,
                    &[
                        "export".into(),
                        locale.clone(),
                        slug.clone(),
                        "--format".into(),
                        "po".into(),
                        "--all".into(),
                        "-o".into(),
                        po.display().to_string(),
                    ],
                )
                .output()
                .unwrap();
                assert!(output.status.success(), "export: {output:?}");
                let text = format!("import {n}");
                let exported = std::fs::read_to_string(&po).unwrap();
                std::fs::write(&po, replace_msgstr(&exported, &slug, &id, &text)).unwrap();
                Job {
                    kind,
                    args: vec!["import".into(), "--json".into(), po.display().to_string()],
                    writes: vec![(key, text)],
                }
            }
            Kind::Sync => {
                // The editor rewords a sentence back and forth.
                self.sentence = 1 - self.sentence;
                let article = self.f.read(ARTICLE);
                let from = SENTENCE[1 - self.sentence];
                let to = SENTENCE[self.sentence];
                self.f.write(ARTICLE, article.replace(from, to));
                Job {
                    kind,
                    args: vec!["sync".into()],
                    writes: Vec::new(),
                }
            }
            Kind::Publish => Job {
                kind,
                args: vec!["publish".into()],
                writes: Vec::new(),
            },
        }
    }

    /// Runs `job`, killed after `kill_after` when it is given; returns whether it ran to its end.
    fn run(&mut self, job: &Job, kill_after: Option<Duration>) -> bool {
        let started = Instant::now();
        let mut child: Child = bitext(self.f, &job.args).spawn().unwrap();
        if let Some(delay) = kill_after {
            std::thread::sleep(delay);
            if child.try_wait().unwrap().is_none() {
                let _ = child.kill();
                let _ = child.wait();
                for (key, text) in &job.writes {
                    self.model.pend(key.clone(), text.clone());
                }
                return false;
            }
        }
        // "No lock blocks": the command ends.
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if started.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                self.failures.push(format!(
                    "iteration {}: {:?} did not end within a minute",
                    self.iteration, job.args
                ));
                return false;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let output = child.wait_with_output().unwrap();
        let code = output.status.code();
        let ok = match job.kind {
            Kind::Publish => matches!(code, Some(0 | 1)),
            _ => code == Some(0),
        };
        if !ok {
            self.failures.push(format!(
                "iteration {}: {:?} exited {code:?}: {}",
                self.iteration,
                job.args,
                String::from_utf8_lossy(&output.stderr)
            ));
            for (key, text) in &job.writes {
                self.model.pend(key.clone(), text.clone());
            }
            return true;
        }
        match job.kind {
            Kind::Set => {
                for (key, text) in &job.writes {
                    self.model.confirm(key.clone(), text.clone());
                }
            }
            Kind::Import => {
                // What import reported as written.
                let report: serde_json::Value =
                    serde_json::from_slice(&output.stdout).expect("import --json");
                let written: BTreeSet<(String, String)> = report["written"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|w| {
                        (
                            w["slug"].as_str().unwrap_or_default().to_string(),
                            w["id"].as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect();
                for (key, text) in &job.writes {
                    if written.contains(&(key.1.clone(), key.2.clone())) {
                        self.model.confirm(key.clone(), text.clone());
                    }
                }
            }
            _ => {}
        }
        true
    }

    /// The checks after the command that followed a kill.
    fn check(&mut self, after_publish: bool) {
        let n = self.iteration;
        let root = self.f.dir.path();
        for path in files(root) {
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            let shown = rel.display().to_string();
            let in_public = rel.starts_with("public");
            if is_temporary(&path) && (!in_public || after_publish) {
                self.failures
                    .push(format!("iteration {n}: temporary file left: {shown}"));
            }
            if in_public || is_temporary(&path) {
                continue;
            }
            let name = rel.file_name().unwrap().to_string_lossy().into_owned();
            // The text files bitext reads and writes; images and the like are bytes.
            if ![".ftl", ".jsonl", ".md", ".toml"]
                .iter()
                .any(|ext| name.ends_with(ext))
            {
                continue;
            }
            let text = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) => {
                    self.failures.push(format!("iteration {n}: {shown}: {e}"));
                    continue;
                }
            };
            if name.ends_with(".ftl") {
                let junk = bitext::store::ftl::parse(&text).errors().count();
                if junk > 0 {
                    self.failures
                        .push(format!("iteration {n}: {shown}: {junk} junk entries"));
                }
            } else if rel.starts_with("history") && name.ends_with(".jsonl") {
                let parsed = if name.matches('.').count() == 2 {
                    bitext::store::journal::Journal::parse(&rel, &text).map(|_| ())
                } else {
                    bitext::history::History::parse(&rel, &text).map(|_| ())
                };
                if let Err(e) = parsed {
                    self.failures.push(format!("iteration {n}: {e}"));
                }
            }
        }
        let keys: BTreeSet<Key> = self
            .model
            .confirmed
            .keys()
            .chain(self.model.pending.keys())
            .cloned()
            .collect();
        for key in keys {
            let (locale, slug, id) = &key;
            let now = translations(self.f, locale, slug).remove(id);
            let mut allowed: BTreeSet<String> =
                self.model.pending.get(&key).cloned().unwrap_or_default();
            if let Some(text) = self.model.confirmed.get(&key) {
                allowed.insert(text.clone());
            }
            let confirmed = self.model.confirmed.contains_key(&key);
            match now {
                Some(text) if allowed.contains(&text) => {}
                None if !confirmed => {}
                other => self.failures.push(format!(
                    "iteration {n}: {locale} {slug} {id} holds {other:?}, not one of {allowed:?}"
                )),
            }
        }
        let status = bitext(self.f, &["status".into(), "--json".into()])
            .output()
            .unwrap();
        if !status.status.success() {
            self.failures.push(format!(
                "iteration {n}: status failed: {}",
                String::from_utf8_lossy(&status.stderr)
            ));
        }
    }
}

/// `ftl` with the value of message `id` replaced by `text` (one line), as a text editor would.
fn replace_value(ftl: &str, id: &str, text: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    let mut found = false;
    for line in ftl.split_inclusive('\n') {
        if skipping {
            if line.starts_with(' ') {
                continue;
            }
            skipping = false;
        }
        if line.starts_with(&format!("{id} =")) {
            out.push_str(&format!("{id} = {text}\n"));
            skipping = true;
            found = true;
            continue;
        }
        if !found && line.starts_with(&format!("# bitext: missing {id}")) {
            out.push_str(line);
            out.push_str(&format!("{id} = {text}\n"));
            found = true;
            continue;
        }
        out.push_str(line);
    }
    out
}

/// A PO export with the msgstr of `slug:id` replaced by `text`, its fuzzy flag cleared.
fn replace_msgstr(po: &str, slug: &str, id: &str, text: &str) -> String {
    let context = format!("msgctxt \"{slug}:{id}\"\n");
    let mut out = Vec::new();
    for entry in po.split("\n\n") {
        if !entry.contains(&context) {
            out.push(entry.to_string());
            continue;
        }
        let head = &entry[..entry.find("msgstr ").unwrap()];
        out.push(format!(
            "{}msgstr \"{text}\"",
            head.replace("#, fuzzy\n", "")
        ));
    }
    let mut joined = out.join("\n\n");
    if !joined.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

#[test]
#[ignore = "kills bitext hundreds of times (a minute or two): run by .ci/run"]
fn killed_writers_lose_nothing_and_leave_nothing_behind() {
    let iterations: usize = std::env::var("CRASH_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let f = Fixture::sample_without_people();
    let mut run = Run {
        f: &f,
        rng: Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1),
        model: Model::default(),
        iteration: 0,
        sentence: 0,
        failures: Vec::new(),
    };
    let started = Instant::now();
    let mut killed: BTreeMap<Kind, usize> = BTreeMap::new();
    let mut finished: BTreeMap<Kind, usize> = BTreeMap::new();
    let mut temporary_before_next = 0;
    for iteration in 0..iterations {
        run.iteration = iteration;
        let kind = *run.rng.pick(&KINDS);
        let job = run.job(kind);
        let window = match kind {
            Kind::Publish | Kind::Sync => 60_000,
            _ => 30_000,
        };
        let delay = Duration::from_micros(run.rng.below(window) as u64);
        if run.run(&job, Some(delay)) {
            *finished.entry(kind).or_default() += 1;
        } else {
            *killed.entry(kind).or_default() += 1;
            if kind == Kind::Sync {
                // The editor's sync died: the editor runs it again, since until then `set`
                // refuses, rightly, to sign off against English the history does not have.
                let again = Job {
                    kind,
                    args: vec!["sync".into()],
                    writes: Vec::new(),
                };
                run.run(&again, None);
            }
        }
        temporary_before_next += files(f.dir.path())
            .iter()
            .filter(|p| is_temporary(p))
            .count();
        // The next command, run to its end.
        let next_kind = *run.rng.pick(&KINDS);
        let next = run.job(next_kind);
        run.run(&next, None);
        run.check(next_kind == Kind::Publish);
        if !run.failures.is_empty() {
            break;
        }
    }
    let total_killed: usize = killed.values().sum();
    println!(
        "crash test: {iterations} iterations (seed {seed}) in {:.1}s; killed mid-run {total_killed} \
         ({killed:?}), ended before the kill {} ({finished:?}); temporary files seen right after \
         a kill: {temporary_before_next}; failures: {}",
        started.elapsed().as_secs_f64(),
        finished.values().sum::<usize>(),
        run.failures.len()
    );
    assert!(run.failures.is_empty(), "{:#?}", run.failures);
}
