//! Published pages in a real browser: headless Chromium, driven over the DevTools protocol.
//!
//! Checks what a reader's browser does with the pages: the language of the Korean page, the
//! hreflang links, the `lang` of a fallback sentence and its note, Korean emphasis that is not
//! slanted, a Korean number kept on one line with its counter, and that a translation full of
//! script runs nothing and shows as text. axe-core, injected into each article page and each
//! front page, must find no accessibility violation. Screenshots of the Korean, Kazakh and
//! Russian article pages and front pages, at a desktop's and a phone's width, are saved in
//! `target/publish-screenshots/` for a person to look at.
//!
//! Without Chromium the test is skipped with a message, and without axe-core (`npm ci` in
//! `tests/interop/site`) the accessibility part is, except in CI (`CI` set), where both fail:
//! `.ci/run` installs Debian's `chromium` and `fonts-noto-cjk` and the npm packages.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::Emulation::SetDeviceMetricsOverride;
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

fn in_ci() -> bool {
    std::env::var_os("CI").is_some()
}

/// axe-core's script, from `tests/interop/site/node_modules` (`npm ci` there).
fn axe() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/interop/site/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(path).ok()
}

/// Makes the tab `width` CSS pixels wide, as a phone (`mobile`) or a desktop.
fn set_width(tab: &Tab, width: u32, height: u32, mobile: bool) {
    tab.call_method(SetDeviceMetricsOverride {
        width,
        height,
        device_scale_factor: 1.0,
        mobile,
        scale: None,
        screen_width: None,
        screen_height: None,
        position_x: None,
        position_y: None,
        dont_set_visible_size: None,
        screen_orientation: None,
        viewport: None,
        display_feature: None,
        device_posture: None,
    })
    .unwrap();
}

fn open(tab: &Tab, path: &Path) {
    tab.navigate_to(&file_url(path))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
}

/// A screenshot of the whole page at `width`, as `name.png`.
fn screenshot(tab: &Tab, path: &Path, width: u32, mobile: bool, name: &str) {
    set_width(tab, width, 800, mobile);
    open(tab, path);
    let height = eval_string(tab, "String(document.documentElement.scrollHeight)")
        .parse::<u32>()
        .unwrap()
        .clamp(400, 12_000);
    set_width(tab, width, height, mobile);
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    std::fs::write(screenshot_dir().join(format!("{name}.png")), png).unwrap();
}

/// axe-core's violations on the page open in `tab`, one line each.
fn violations(tab: &Tab, axe: &str) -> Vec<String> {
    tab.evaluate(axe, false).unwrap();
    let found = tab
        .evaluate(
            "axe.run(document, { resultTypes: ['violations'] }).then(r => JSON.stringify(\
             r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))",
            true,
        )
        .unwrap()
        .value;
    match found {
        Some(serde_json::Value::String(s)) => serde_json::from_str(&s).unwrap(),
        other => panic!("axe: {other:?}"),
    }
}

#[test]
fn published_pages_behave_in_headless_chromium() {
    let Some(chrome) = chromium() else {
        if in_ci() {
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
    f.bitext(&["--as", "park-minho", "set", "ko", slug, &id, PAYLOAD])
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
    open(&tab, &ko);
    assert_eq!(eval_string(&tab, "document.documentElement.lang"), "ko");
    let before = eval_string(&tab, "document.documentElement.outerHTML");
    let hrefs = eval_string(
        &tab,
        "JSON.stringify([...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => [l.hreflang, l.href]))",
    );
    let hrefs: Vec<(String, String)> = serde_json::from_str(&hrefs).unwrap();
    let expected: Vec<(String, String)> = ["en", "ko", "kk", "ru", "x-default"]
        .iter()
        .map(|l| {
            let lc = if *l == "x-default" { "en" } else { l };
            (
                l.to_string(),
                format!("https://news.example.com/{lc}/{slug}.html"),
            )
        })
        .collect();
    assert_eq!(hrefs, expected);
    // The language switcher's links are relative, and each leads to a page.
    let links = eval_string(
        &tab,
        "JSON.stringify([...document.querySelectorAll('nav.languages a')].map(a => a.href))",
    );
    let links: Vec<String> = serde_json::from_str(&links).unwrap();
    assert_eq!(links.len(), 4);
    for href in &links {
        let path = href.strip_prefix("file://").expect("a file URL");
        assert!(Path::new(path).is_file(), "{href} does not exist");
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
    // Korean emphasis is not slanted: it is marked with dots above, as Korean punctuation does.
    assert_eq!(
        eval_string(
            &tab,
            "(() => { const s = getComputedStyle(document.querySelector('article em')); \
             return s.fontStyle + '|' + (s.textEmphasisStyle !== 'none'); })()"
        ),
        "normal|true"
    );
    // `17만2000여 명` stays on one line at every phone width: the number with its counter.
    for width in (300..=420).step_by(4) {
        set_width(&tab, width, 800, true);
        let lines = eval_string(
            &tab,
            "(() => { \
               const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT); \
               let node; while ((node = walker.nextNode())) { \
                 const at = node.data.indexOf('17만2000여\\u00a0명'); \
                 if (at >= 0) { const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 10); \
                   return String(new Set([...r.getClientRects()].map(c => Math.round(c.top))).size); } } \
               return 'not found'; })()",
        );
        assert_eq!(lines, "1", "at {width} px");
    }

    // The Kazakh page: two sentences shown in English as a fallback, marked as English, each
    // after a note in Kazakh that says it is not translated yet.
    set_width(&tab, 1000, 1400, false);
    let kk = public.join("kk/2021/08/tokayev-state-visit.html");
    open(&tab, &kk);
    assert_eq!(eval_string(&tab, "document.documentElement.lang"), "kk");
    let fallback = eval_string(
        &tab,
        "(() => { const e = document.querySelector('.fallback'); const n = e.previousElementSibling; \
         return e.lang + '|' + e.textContent + '|' + n.textContent + '|' + (n.offsetWidth > 0); })()",
    );
    assert_eq!(
        fallback,
        "en|Kazakhstan, Central Asia's largest economy, is the world's biggest producer of uranium, accounting for about 40 percent of global mine output in 2020.|Әлі аударылмаған|true"
    );

    // No accessibility violation on an article page in each language, on each front page and on
    // the language chooser.
    match axe() {
        Some(axe) => {
            let mut pages: Vec<PathBuf> = ["en", "ko", "kk", "ru"]
                .iter()
                .flat_map(|lc| {
                    [
                        public.join(format!("{lc}/2021/08/tokayev-state-visit.html")),
                        public.join(format!("{lc}/index.html")),
                    ]
                })
                .collect();
            pages.push(public.join("index.html"));
            for page in pages {
                open(&tab, &page);
                let found = violations(&tab, &axe);
                assert!(found.is_empty(), "{}: {found:#?}", page.display());
            }
        }
        None if in_ci() => panic!("axe-core is not installed (npm ci in tests/interop/site)"),
        None => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("SKIPPED axe-core: run `npm ci` in tests/interop/site");
            }
        }
    }

    // Screenshots for a person to look at: desktop and phone, articles and front pages.
    for lc in ["ko", "kk", "ru"] {
        for (what, page) in [
            ("article", format!("{lc}/2021/08/tokayev-state-visit.html")),
            ("front", format!("{lc}/index.html")),
        ] {
            screenshot(
                &tab,
                &public.join(&page),
                1280,
                false,
                &format!("{lc}-{what}-desktop"),
            );
            screenshot(
                &tab,
                &public.join(&page),
                390,
                true,
                &format!("{lc}-{what}-phone"),
            );
        }
    }

    assert_eq!(dialogs.load(Ordering::SeqCst), 0, "a dialog opened");
    assert_eq!(
        console.lock().unwrap().as_slice(),
        &[] as &[String],
        "script wrote to the console"
    );
}
