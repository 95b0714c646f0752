//! `bitext serve` on a large project: how long it takes to start and to answer the dashboard and
//! an article workspace, and how fast saves are when many people save at once. Afterwards it
//! reads the target files back and checks that every save the server acknowledged is in them.
//!
//! ```sh
//! cargo build --release && cargo build --release --example serve-bench
//! target/release/examples/serve-bench CORPUS [CLIENTS] [SECONDS]   # 20 clients, 30 s
//! ```
//!
//! CORPUS is a project made by `gen-corpus` that the benchmark may write to (`bench/serve.sh`
//! copies one first). The server is `target/release/bitext` beside this program, or `$BITEXT`.

#[path = "../tests/common/http.rs"]
mod http;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// What one client did: the time of each save, and what the server acknowledged.
type Work = (Vec<Duration>, Vec<Acknowledged>);

/// The running server: its process, `127.0.0.1:PORT`, and the session's cookie and CSRF token.
struct Server {
    child: Child,
    host: String,
    cookie: String,
    csrf: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn get(&self, path: &str) -> Result<http::Reply, Failure> {
        let reply = http::request(&self.host, "GET", path, &[("Cookie", &self.cookie)], "")?;
        if reply.status != 200 {
            return Err(format!("GET {path}: HTTP {}: {}", reply.status, reply.body).into());
        }
        Ok(reply)
    }

    fn post_json(&self, path: &str, body: &str) -> Result<http::Reply, Failure> {
        Ok(http::request(
            &self.host,
            "POST",
            path,
            &[
                ("Cookie", &self.cookie),
                ("X-CSRF-Token", &self.csrf),
                ("Content-Type", "application/json"),
            ],
            body,
        )?)
    }
}

fn bitext_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("BITEXT") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().expect("the benchmark's own path");
    exe.parent()
        .and_then(Path::parent)
        .map(|release| release.join("bitext"))
        .expect("target/release/bitext")
}

/// Starts the server on `corpus` and signs in with its one-time token: the server, the time
/// until it printed its address, and the time until it answered.
fn start(corpus: &Path) -> Result<(Server, Duration, Duration), Failure> {
    let began = Instant::now();
    let mut child = Command::new(bitext_binary())
        .current_dir(corpus)
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        let line = lines
            .next()
            .ok_or("the server stopped before printing its address")??;
        if let Some(url) = line.trim().strip_prefix("http://") {
            break url.to_string();
        }
    };
    let listening = began.elapsed();
    let (host, path) = url.split_once('/').ok_or("an address without a path")?;
    let signed = http::request(host, "GET", &format!("/{path}"), &[], "")?;
    let cookie = signed
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .ok_or("the token gave no session")?
        .to_string();
    let answered = began.elapsed();
    let mut server = Server {
        child,
        host: host.to_string(),
        cookie,
        csrf: String::new(),
    };
    let page = server.get("/queue/ko")?.body;
    server.csrf = page
        .split("data-csrf=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or("no CSRF token on the page")?
        .to_string();
    Ok((server, listening, answered))
}

/// Every article's slug, sorted.
fn slugs(corpus: &Path) -> Vec<String> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                if let Ok(rel) = path.with_extension("").strip_prefix(root) {
                    out.push(rel.to_string_lossy().into_owned());
                }
            }
        }
    }
    let root = corpus.join("articles");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out.sort();
    out
}

/// How long `GET path` takes, `runs` times.
fn time_gets(server: &Server, paths: &[String]) -> Result<Vec<Duration>, Failure> {
    paths
        .iter()
        .map(|path| {
            let began = Instant::now();
            server.get(path)?;
            Ok(began.elapsed())
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[rank]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn summary(what: &str, times: &[Duration]) {
    let mut sorted = times.to_vec();
    sorted.sort();
    println!(
        "{what}: {} requests, first {}, median {}, p99 {}, max {}",
        times.len(),
        ms(times[0]),
        ms(percentile(&sorted, 0.5)),
        ms(percentile(&sorted, 0.99)),
        ms(*sorted.last().unwrap_or(&Duration::ZERO)),
    );
}

/// One acknowledged save: where, and the text the server said it saved.
struct Acknowledged {
    locale: String,
    slug: String,
    id: String,
    text: String,
}

/// One client: saves the segments of its own articles one after the other until `stop`,
/// each against what the article's JSON says is there now. The save times and what was saved.
fn client(
    server: &Server,
    n: usize,
    articles: &[String],
    stop: &AtomicBool,
) -> Result<Work, Failure> {
    let locales = ["ko", "kk", "ru"];
    let mut times = Vec::new();
    let mut saved = Vec::new();
    let mut round = 0;
    'work: for slug in articles.iter().cycle() {
        let locale = locales[round % locales.len()];
        round += 1;
        let reply = server.get(&format!("/api/article/{locale}/{slug}"))?;
        let article: serde_json::Value = serde_json::from_str(&reply.body)?;
        let segments = article["segments"].as_array().ok_or("no segments")?;
        for segment in segments.iter().step_by(7).take(4) {
            if stop.load(Ordering::Relaxed) {
                break 'work;
            }
            let id = segment["id"].as_str().ok_or("no id")?;
            let text = match locale {
                "ko" => format!("{n}번 사용자가 {round}번째로 저장한 문장입니다."),
                "kk" => format!("Мұны {n}-пайдаланушы {round}-айналымда сақтады."),
                _ => format!("Это сохранил пользователь {n} в {round}-м круге."),
            };
            let body = serde_json::json!({
                "locale": locale,
                "slug": slug,
                "id": id,
                "text": text,
                "seen": {"english": segment["source"], "translation": segment["translation"]},
            })
            .to_string();
            let began = Instant::now();
            let reply = server.post_json("/api/save", &body)?;
            times.push(began.elapsed());
            if reply.status != 200 {
                return Err(format!(
                    "save {locale} {slug} {id}: HTTP {}: {}",
                    reply.status, reply.body
                )
                .into());
            }
            saved.push(Acknowledged {
                locale: locale.to_string(),
                slug: slug.clone(),
                id: id.to_string(),
                text,
            });
        }
    }
    Ok((times, saved))
}

/// The last acknowledged text of each segment that is not what its target file holds.
fn missing_saves(corpus: &Path, saved: &[Acknowledged]) -> Result<Vec<String>, Failure> {
    let mut last: BTreeMap<(&str, &str, &str), &str> = BTreeMap::new();
    for s in saved {
        last.insert((&s.locale, &s.slug, &s.id), &s.text);
    }
    let mut files: BTreeMap<(&str, &str), BTreeMap<String, String>> = BTreeMap::new();
    let mut missing = Vec::new();
    for ((locale, slug, id), text) in &last {
        let messages = match files.entry((locale, slug)) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                let path = corpus.join(format!("locales/{locale}/{slug}.ftl"));
                e.insert(messages_of(&std::fs::read_to_string(path)?))
            }
        };
        if messages.get(*id).map(String::as_str) != Some(*text) {
            missing.push(format!("{locale} {slug} {id}: {:?}", messages.get(*id)));
        }
    }
    Ok(missing)
}

/// Each message's id and its value, for values that are plain text.
fn messages_of(ftl: &str) -> BTreeMap<String, String> {
    let resource = match fluent_syntax::parser::parse(ftl) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let fluent_syntax::ast::Entry::Message(message) = entry {
            let text: String = message
                .value
                .iter()
                .flat_map(|pattern| &pattern.elements)
                .map(|element| match element {
                    fluent_syntax::ast::PatternElement::TextElement { value } => *value,
                    fluent_syntax::ast::PatternElement::Placeable { .. } => "{…}",
                })
                .collect();
            out.insert(message.id.name.to_string(), text);
        }
    }
    out
}

fn main() -> Result<(), Failure> {
    let mut args = std::env::args().skip(1);
    let corpus = PathBuf::from(
        args.next()
            .ok_or("usage: serve-bench CORPUS [CLIENTS] [SECONDS]")?,
    );
    let clients: usize = args.next().map_or(Ok(20), |a| a.parse())?;
    let seconds: u64 = args.next().map_or(Ok(30), |a| a.parse())?;
    let slugs = slugs(&corpus);
    println!("{} articles in {}", slugs.len(), corpus.display());

    let (server, listening, answered) = start(&corpus)?;
    println!(
        "start: address printed after {}, first page answered after {}",
        ms(listening),
        ms(answered)
    );

    // The first dashboard counts every article; the first workspace of each locale waits for
    // the locale's memory. Then the pages as a desk sees them all day.
    summary(
        "first dashboard (/), every article counted",
        &time_gets(&server, &["/".to_string()])?,
    );
    let firsts: Vec<String> = ["ko", "kk", "ru"]
        .iter()
        .map(|lc| format!("/article/{lc}/{}", slugs[0]))
        .collect();
    summary(
        "first workspace of each locale, its memory built",
        &time_gets(&server, &firsts)?,
    );
    let dashboards: Vec<String> = (0..10).map(|_| "/".to_string()).collect();
    summary("dashboard (/)", &time_gets(&server, &dashboards)?);
    let filtered: Vec<String> = (0..10)
        .map(|_| "/?locale=kk&left=stale".to_string())
        .collect();
    summary(
        "dashboard, Kazakh stale (/?locale=kk&left=stale)",
        &time_gets(&server, &filtered)?,
    );
    let step = (slugs.len() / 20).max(1);
    let workspaces: Vec<String> = slugs
        .iter()
        .step_by(step)
        .take(20)
        .map(|slug| format!("/article/ru/{slug}"))
        .collect();
    summary(
        "article workspace (/article/ru/SLUG)",
        &time_gets(&server, &workspaces)?,
    );
    summary(
        "translator's queue (/queue/kk)",
        &time_gets(&server, &vec!["/queue/kk".to_string(); 5])?,
    );

    // Each client its own articles, so that the saves are of different segments.
    let stop = Arc::new(AtomicBool::new(false));
    let began = Instant::now();
    let results: Vec<Result<Work, Failure>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|n| {
                let mine: Vec<String> = slugs
                    .iter()
                    .skip(n)
                    .step_by(clients)
                    .take(50)
                    .cloned()
                    .collect();
                let (server, stop) = (&server, &stop);
                scope.spawn(move || client(server, n, &mine, stop))
            })
            .collect();
        std::thread::sleep(Duration::from_secs(seconds));
        stop.store(true, Ordering::Relaxed);
        handles
            .into_iter()
            .map(|h| h.join().expect("a client thread"))
            .collect()
    });
    let elapsed = began.elapsed();
    let mut times = Vec::new();
    let mut saved = Vec::new();
    for result in results {
        let (t, s) = result?;
        times.extend(t);
        saved.extend(s);
    }
    times.sort();
    println!(
        "saves: {clients} clients for {:.1} s: {} saves ({:.0}/s), median {}, p99 {}, max {}",
        elapsed.as_secs_f64(),
        times.len(),
        times.len() as f64 / elapsed.as_secs_f64(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().unwrap_or(&Duration::ZERO)),
    );
    drop(server);
    let missing = missing_saves(&corpus, &saved)?;
    if missing.is_empty() {
        println!(
            "every acknowledged save is in the files ({} saves)",
            saved.len()
        );
        Ok(())
    } else {
        for line in &missing {
            println!("NOT IN THE FILES: {line}");
        }
        Err(format!("{} acknowledged saves are not in the files", missing.len()).into())
    }
}
