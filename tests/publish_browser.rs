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

#[path = "common/browser.rs"]
mod browser;
mod common;

use std::path::{Path, PathBuf};

use browser::{
    axe_or_skip, capture, chromium_or_skip, eval_bool, eval_string, set_width, violations,
};
use headless_chrome::Tab;

const PAYLOAD: &str = "Escaped <script>alert(1)</script> and <img src=x onerror=alert(1)> and [x](javascript:alert(1)) end.";

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
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
    let dir = browser::screenshot_dir("publish-screenshots");
    capture(tab, width, mobile, &dir.join(format!("{name}.png")));
}

#[test]
fn published_pages_behave_in_headless_chromium() {
    let Some(chrome) = chromium_or_skip("published_pages_behave_in_headless_chromium") else {
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

    let chromium = browser::launch(chrome);
    let tab = chromium.browser.new_tab().unwrap();
    // Anything that script would do shows up here.
    let watch = browser::Watch::tab(&tab);

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
    if let Some(axe) = axe_or_skip() {
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

    watch.assert_quiet();
}
