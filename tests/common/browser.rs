//! Headless Chromium for the browser tests, driven over the DevTools protocol: finding and
//! starting it, watching a tab for dialogs and console output, axe-core, screenshots.
//!
//! Without Chromium a browser test is skipped with a message, and without axe-core (`npm ci` in
//! `tests/interop/site`) its accessibility part is, except in CI (`CI` set), where both fail:
//! `.ci/run` installs Debian's `chromium` and `fonts-noto-cjk` and the npm packages.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::Emulation::SetDeviceMetricsOverride;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, LaunchOptions, Tab};

/// The Chromium to run: `$CHROME`, or the first of the usual names on `PATH`.
pub fn chromium() -> Option<PathBuf> {
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

pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some()
}

/// Chromium, or `None` after saying on stderr that `test` is skipped; in CI, a panic.
pub fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        if in_ci() {
            panic!("chromium is not installed, and CI must run {test} (see .ci/run)");
        }
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "SKIPPED {test}: no chromium on PATH (apt-get install chromium fonts-noto-cjk)"
            );
        }
    }
    found
}

/// A headless Chromium with its own throwaway profile.
pub struct Chromium {
    pub browser: Browser,
    _profile: tempfile::TempDir,
}

pub fn launch(chrome: PathBuf) -> Chromium {
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
    Chromium {
        browser: Browser::new(options).expect("chromium starts"),
        _profile: profile,
    }
}

/// What script did in a tab: dialogs opened, console messages, uncaught exceptions.
#[derive(Clone, Default)]
pub struct Watch {
    pub dialogs: Arc<AtomicUsize>,
    pub console: Arc<Mutex<Vec<String>>>,
}

impl Watch {
    /// Starts watching `tab` (its runtime enabled).
    pub fn tab(tab: &Tab) -> Watch {
        tab.enable_runtime().unwrap();
        let watch = Watch::default();
        let seen = watch.clone();
        tab.add_event_listener(Arc::new(move |event: &Event| match event {
            Event::PageJavascriptDialogOpening(_) => {
                seen.dialogs.fetch_add(1, Ordering::SeqCst);
            }
            Event::RuntimeConsoleAPICalled(e) => {
                seen.console
                    .lock()
                    .unwrap()
                    .push(format!("{:?}", e.params.args));
            }
            Event::RuntimeExceptionThrown(e) => {
                seen.console
                    .lock()
                    .unwrap()
                    .push(format!("exception {:?}", e.params.exception_details));
            }
            _ => {}
        }))
        .unwrap();
        watch
    }

    /// Fails if a dialog opened or anything reached the console.
    pub fn assert_quiet(&self) {
        assert_eq!(self.dialogs.load(Ordering::SeqCst), 0, "a dialog opened");
        assert_eq!(
            self.console.lock().unwrap().as_slice(),
            &[] as &[String],
            "script wrote to the console"
        );
    }
}

pub fn eval_string(tab: &Tab, js: &str) -> String {
    let value = tab.evaluate(js, false).unwrap().value;
    match value {
        Some(serde_json::Value::String(s)) => s,
        other => panic!("{js}: {other:?}"),
    }
}

pub fn eval_bool(tab: &Tab, js: &str) -> bool {
    tab.evaluate(js, false).unwrap().value == Some(serde_json::Value::Bool(true))
}

/// Makes the tab `width` CSS pixels wide, as a phone (`mobile`) or a desktop.
pub fn set_width(tab: &Tab, width: u32, height: u32, mobile: bool) {
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

/// `target/<name>/`, made if needed: where a test leaves screenshots for a person.
pub fn screenshot_dir(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A PNG of the whole page open in `tab`, `width` pixels wide, written to `path`.
pub fn capture(tab: &Tab, width: u32, mobile: bool, path: &Path) {
    let height = eval_string(tab, "String(document.documentElement.scrollHeight)")
        .parse::<u32>()
        .unwrap()
        .clamp(400, 12_000);
    set_width(tab, width, height, mobile);
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    std::fs::write(path, png).unwrap();
}

/// axe-core's script, from `tests/interop/site/node_modules` (`npm ci` there).
pub fn axe() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/interop/site/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(path).ok()
}

/// axe-core, or `None` after saying that the accessibility part is skipped; in CI, a panic.
pub fn axe_or_skip() -> Option<String> {
    let found = axe();
    if found.is_none() {
        if in_ci() {
            panic!("axe-core is not installed (npm ci in tests/interop/site)");
        }
        #[allow(clippy::print_stderr)]
        {
            eprintln!("SKIPPED axe-core: run `npm ci` in tests/interop/site");
        }
    }
    found
}

/// axe-core's violations on the page open in `tab`, one line each.
pub fn violations(tab: &Tab, axe: &str) -> Vec<String> {
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
