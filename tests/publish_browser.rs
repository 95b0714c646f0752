//! Published pages in a real browser: headless Chromium, driven over the DevTools protocol.
//!
//! Checks what a reader's browser does with the pages: the language of the Korean page, the
//! hreflang links, the `lang` of a fallback sentence, and that a translation full of script runs
//! nothing and shows as text. Screenshots of the Korean and Kazakh pages are saved in
//! `target/publish-screenshots/` for a person to look at.
//!
//! Without Chromium the test is skipped with a message, except in CI (`CI` set), where it fails:
//! `.ci/run` installs Debian's `chromium` and `fonts-noto-cjk`.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, LaunchOptions, Tab};

const PAYLOAD: &str = "Escaped <script>alert(1)</script> and <img src=x onerror=alert(1)> and [x](javascript:alert(1)) end.";

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROME") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("publish-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn eval_string(tab: &Tab, js: &str) -> String {
    let value = tab.evaluate(js, false).unwrap().value;
    match value {
        Some(serde_json::Value::String(s)) => s,
        other => panic!("{js}: {other:?}"),
    }
}

fn eval_bool(tab: &Tab, js: &str) -> bool {
    tab.evaluate(js, false).unwrap().value == Some(serde_json::Value::Bool(true))
}

#[test]
fn published_pages_behave_in_headless_chromium() {
    let Some(chrome) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("chromium is not installed, and CI must run the browser test (see .ci/run)");
        }
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "SKIPPED published_pages_behave_in_headless_chromium: no chromium on PATH \
                 (apt-get install chromium fonts-noto-cjk)"
            );
        }
        return;
    };

    // The sample project, with one Korean sentence full of script.
    let f = common::Fixture::sample();
    let slug = "2021/08/hong-beom-do-homecoming";
    let id = f.id_of(slug, "He died there in 1943");
    f.bitext(&["set", "ko", slug, &id, PAYLOAD])
        .assert()
        .success();
    f.bitext(&["publish"]).assert().success();
    let public = f.path("public");

    let profile = tempfile::tempdir().unwrap();
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = LaunchOptions::default_builder()
        .path(Some(chrome))
        .headless(true)
        .sandbox(false)
        .window_size(Some((1000, 1400)))
        .user_data_dir(Some(profile.path().to_path_buf()))
        .args(args)
        .build()
        .unwrap();
    let browser = Browser::new(options).expect("chromium starts");
    let tab = browser.new_tab().unwrap();
    tab.enable_runtime().unwrap();

    // Anything that script would do shows up here.
    let dialogs = Arc::new(AtomicUsize::new(0));
    let console = Arc::new(Mutex::new(Vec::<String>::new()));
    {
        let dialogs = dialogs.clone();
        let console = console.clone();
        tab.add_event_listener(Arc::new(move |event: &Event| match event {
            Event::PageJavascriptDialogOpening(_) => {
                dialogs.fetch_add(1, Ordering::SeqCst);
            }
            Event::RuntimeConsoleAPICalled(e) => {
                console.lock().unwrap().push(format!("{:?}", e.params.args));
            }
            Event::RuntimeExceptionThrown(e) => {
                console
                    .lock()
                    .unwrap()
                    .push(format!("exception {:?}", e.params.exception_details.text));
            }
            _ => {}
        }))
        .unwrap();
    }

    // The Korean page: its language, its alternates, and the sentence full of script.
    let ko = public.join(format!("ko/{slug}.html"));
    tab.navigate_to(&file_url(&ko))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    assert_eq!(eval_string(&tab, "document.documentElement.lang"), "ko");
    let before = eval_string(&tab, "document.documentElement.outerHTML");
    let hrefs = eval_string(
        &tab,
        "JSON.stringify([...document.querySelectorAll('link[rel=alternate]')].map(l => [l.hreflang, l.href]))",
    );
    let hrefs: Vec<(String, String)> = serde_json::from_str(&hrefs).unwrap();
    let langs: Vec<&str> = hrefs.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(langs, ["en", "ko", "kk", "ru", "x-default"]);
    for (lang, href) in &hrefs {
        let path = href.strip_prefix("file://").expect("a file URL");
        assert!(
            Path::new(path).is_file(),
            "hreflang {lang}: {href} does not exist"
        );
    }
    // The text is there, escaped, and none of it became an element.
    let text = eval_string(&tab, "document.querySelector('article').innerText");
    assert!(
        text.contains(
            "Escaped <script>alert(1)</script> and <img src=x onerror=alert(1)> and x end."
        ),
        "{text}"
    );
    assert!(eval_bool(
        &tab,
        "document.scripts.length === 0 && document.querySelectorAll('[onerror], [onclick], [onload]').length === 0"
    ));
    assert!(eval_bool(
        &tab,
        "[...document.querySelectorAll('a')].every(a => !/^\\s*javascript:/i.test(a.getAttribute('href')))"
    ));
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        eval_string(&tab, "document.documentElement.outerHTML"),
        before,
        "the page changed itself"
    );
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    std::fs::write(screenshot_dir().join("ko.png"), png).unwrap();

    // The Kazakh page: two sentences shown in English as a fallback, marked as English.
    let kk = public.join("kk/2021/08/tokayev-state-visit.html");
    tab.navigate_to(&file_url(&kk))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    assert_eq!(eval_string(&tab, "document.documentElement.lang"), "kk");
    let fallback = eval_string(
        &tab,
        "(() => { const e = document.querySelector('.fallback'); return e.lang + '|' + e.textContent; })()",
    );
    assert_eq!(
        fallback,
        "en|Kazakhstan, Central Asia's largest economy, is the world's biggest producer of uranium, accounting for about 40 percent of global mine output in 2020."
    );
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    std::fs::write(screenshot_dir().join("kk.png"), png).unwrap();

    assert_eq!(dialogs.load(Ordering::SeqCst), 0, "a dialog opened");
    assert_eq!(
        console.lock().unwrap().as_slice(),
        &[] as &[String],
        "script wrote to the console"
    );
}
