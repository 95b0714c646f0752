//! `bitext serve` in a real browser: headless Chromium over the DevTools protocol, against the
//! real binary on a copy of the sample project. Each test is one person's session, top to bottom:
//! a translator working from the keyboard, a stale segment's diff, two people on one segment,
//! a reviewer's verdicts, markup that must stay text, and axe-core on the main pages.
//!
//! Screenshots are saved in `target/serve-screenshots/` for a person to look at. Without
//! Chromium (or axe-core) the tests are skipped with a message, except in CI; see
//! `tests/common/browser.rs`.

#[path = "common/browser.rs"]
mod browser;
mod common;
#[path = "common/server.rs"]
mod server;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use browser::{capture, eval_bool, eval_string, Chromium, Watch};
use common::Fixture;
use headless_chrome::browser::tab::ModifierKey;
use headless_chrome::protocol::cdp::Emulation::SetFocusEmulationEnabled;
use headless_chrome::protocol::cdp::Page::{CaptureScreenshotFormatOption, Viewport};
use headless_chrome::Tab;
use server::{passwd, serve, Server};

/// One Chromium at a time: the machines that run the tests have few cores.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const PASSWORD: &str = "a long desk password";

const PAYLOAD: &str =
    "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a>";

/// The follow-up article of the sample's state visit: its third sentence repeats one of the
/// first article's, whose Kazakh translation the memory offers.
const FOLLOW_UP: &str = "2021/08/tokayev-business-leaders";
const FOLLOW_UP_TEXT: &str = r#"+++
title = "Tokayev meets Korean business leaders on second day of visit"
date = 2021-08-18
+++

Kazakh President Kassym-Jomart Tokayev met the heads of Samsung, Hyundai and Doosan in Seoul on Wednesday, on the second day of his state visit. Tokayev, who arrived on Monday at Moon's invitation, is the first foreign leader to visit Seoul since the COVID-19 pandemic began.

The companies signed agreements worth $1.2 billion, the Kazakh embassy said.
"#;

/// Chromium and the lock that keeps it alone, or `None` when the test is skipped.
fn chromium(test: &str) -> Option<(Chromium, std::sync::MutexGuard<'static, ()>)> {
    let chrome = browser::chromium_or_skip(test)?;
    let alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    Some((browser::launch(chrome), alone))
}

/// The sample project with the follow-up article synced.
fn desk() -> Fixture {
    let f = Fixture::sample();
    f.write(&format!("articles/{FOLLOW_UP}.md"), FOLLOW_UP_TEXT);
    f.bitext(&["sync"]).assert().success();
    f
}

/// `bitext serve --auth` with a password for each of the sample's people.
fn team_server(f: &Fixture) -> (Server, tempfile::TempDir) {
    let outside = tempfile::tempdir().unwrap();
    let auth = outside.path().join("auth.toml");
    for handle in ["seo-jiwon", "park-minho", "arman-bekov"] {
        passwd(f, &auth, handle, PASSWORD);
    }
    let server = serve(f, "nobody", &["--auth", auth.to_str().unwrap()]);
    (server, outside)
}

/// A tab for one person: focused as the window a person types in is, and watched for script.
fn person(tab: Arc<Tab>) -> (Arc<Tab>, Watch) {
    tab.call_method(SetFocusEmulationEnabled { enabled: true })
        .unwrap();
    let watch = Watch::tab(&tab);
    (tab, watch)
}

fn open(tab: &Tab, url: &str) {
    tab.navigate_to(url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
}

/// Waits until `js` is true in the page, for at most ten seconds.
fn wait_for(tab: &Tab, js: &str) {
    let start = Instant::now();
    while !eval_bool(tab, js) {
        if start.elapsed() > Duration::from_secs(10) {
            let state = eval_string(
                tab,
                "location.href + ' active segment: ' + !!document.querySelector('.segment.active') + ' scripts: ' + document.scripts.length + ' focus: ' + (document.activeElement ? document.activeElement.outerHTML.slice(0, 80) : 'none')",
            );
            panic!("waited in vain for {js} on {state}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn ctrl_enter(tab: &Tab) {
    tab.press_key_with_modifiers("Enter", Some(&[ModifierKey::Ctrl]))
        .unwrap();
}

fn alt(tab: &Tab, key: &str) {
    tab.press_key_with_modifiers(key, Some(&[ModifierKey::Alt]))
        .unwrap();
}

/// Presses Tab until the focused element matches `selector`.
fn tab_to(tab: &Tab, selector: &str) {
    let js = format!("document.activeElement && document.activeElement.matches({selector:?})");
    for _ in 0..400 {
        if eval_bool(tab, &js) {
            return;
        }
        tab.press_key("Tab").unwrap();
    }
    panic!("Tab never reached {selector}");
}

/// The id of the segment whose editor has the focus.
fn focused_segment(tab: &Tab) -> String {
    eval_string(
        tab,
        "(document.activeElement.closest('.segment') || {dataset: {id: 'none'}}).dataset.id",
    )
}

/// Logs in on the login page with the keyboard alone.
fn log_in(tab: &Tab, server: &Server, handle: &str) {
    open(tab, &server.at("/login"));
    wait_for(tab, "document.activeElement.id === 'handle'");
    tab.type_str(handle).unwrap();
    tab.press_key("Tab").unwrap();
    tab.type_str(PASSWORD).unwrap();
    tab.press_key("Enter").unwrap();
    wait_for(
        tab,
        "location.pathname === '/' && !!document.querySelector('.me')",
    );
}

/// Waits until segment `id` says it was saved.
fn wait_for_saved(tab: &Tab, id: &str) {
    wait_for(
        tab,
        &format!("document.querySelector('#seg-{id} .result').textContent.includes('saved')"),
    );
}

/// Waits for the workspace to focus a segment's editor, as it does on load.
fn wait_for_workspace(tab: &Tab) {
    wait_for(
        tab,
        "document.activeElement && document.activeElement.name === 'text'",
    );
}

/// Replaces the text of segment `id`'s editor by typing `text` into it.
fn retype(tab: &Tab, id: &str, text: &str) {
    tab.evaluate(
        &format!("(() => {{ const t = document.querySelector('#seg-{id} textarea'); t.focus(); t.select(); }})()"),
        false,
    )
    .unwrap();
    tab.type_str(text).unwrap();
}

fn screenshot(tab: &Tab, name: &str) {
    let dir = browser::screenshot_dir("serve-screenshots");
    capture(tab, 1280, false, &dir.join(format!("{name}.png")));
}

/// A screenshot of the element `selector` alone, as `name.png`.
fn element_screenshot(tab: &Tab, selector: &str, name: &str) {
    let dir = browser::screenshot_dir("serve-screenshots");
    let rect = eval_string(
        tab,
        &format!(
            "(() => {{ const e = document.querySelector({selector:?}); e.scrollIntoView({{block: 'center'}}); \
             const r = e.getBoundingClientRect(); \
             return JSON.stringify([r.x + scrollX, r.y + scrollY, r.width, r.height]); }})()"
        ),
    );
    let [x, y, width, height]: [f64; 4] = serde_json::from_str(&rect).unwrap();
    let clip = Viewport {
        x,
        y,
        width,
        height,
        scale: 1.0,
    };
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, Some(clip), true)
        .unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

fn phone_screenshot(tab: &Tab, name: &str) {
    let dir = browser::screenshot_dir("serve-screenshots");
    capture(tab, 390, true, &dir.join(format!("{name}.png")));
    browser::set_width(tab, 1000, 1400, false);
}

/// Each segment of `blame LC SLUG --json` by id: (state, translator, approver, translation).
fn blame(f: &Fixture, locale: &str, slug: &str) -> Vec<serde_json::Value> {
    let json = f.stdout(&["blame", locale, slug, "--json"]);
    let blame: serde_json::Value = serde_json::from_str(&json).unwrap();
    blame["segments"].as_array().unwrap().clone()
}

fn segment<'a>(segments: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    segments
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no segment {id}"))
}

fn translation_in(f: &Fixture, locale: &str, slug: &str, id: &str) -> Option<String> {
    f.messages(&format!("locales/{locale}/{slug}.ftl"))
        .into_iter()
        .find(|(k, _)| k == id)
        .map(|(_, v)| v)
}

#[test]
fn a_translator_works_through_the_kazakh_queue_with_the_keyboard_alone() {
    let Some((chromium, _alone)) = chromium("a translator's keyboard session") else {
        return;
    };
    let f = desk();
    let (server, _auth) = team_server(&f);
    let (tab, watch) = person(chromium.browser.new_tab().unwrap());
    let before = blame(&f, "kk", FOLLOW_UP);

    // Arman Bekov logs in and opens the Kazakh queue from the menu.
    log_in(&tab, &server, "arman-bekov");
    tab_to(&tab, "a[href='/queue/kk']");
    tab.press_key("Enter").unwrap();
    wait_for(&tab, "location.pathname === '/queue/kk'");
    screenshot(&tab, "translator-1-queue");

    // The follow-up article's first segment to do, from the queue.
    tab_to(&tab, &format!("a[href^='/article/kk/{FOLLOW_UP}#']"));
    tab.press_key("Enter").unwrap();
    wait_for_workspace(&tab);
    assert_eq!(focused_segment(&tab), "title");

    // The title, typed; Ctrl+Enter saves it and moves on to the next segment to do.
    tab.type_str("Тоқаев сапарының екінші күні корей бизнес көшбасшыларымен кездесті")
        .unwrap();
    ctrl_enter(&tab);
    wait_for(
        &tab,
        "document.querySelector('#seg-title').dataset.state === 'current'",
    );
    let first = focused_segment(&tab);
    assert_eq!(
        first,
        f.id_of(FOLLOW_UP, "met the heads of Samsung"),
        "Ctrl+Enter goes on to the next segment to do"
    );

    // The first sentence, typed.
    tab.type_str(
        "Қазақстан Президенті Қасым-Жомарт Тоқаев мемлекеттік сапарының екінші күні, \
         сәрсенбіде, Сеулде Samsung, Hyundai және Doosan компанияларының басшыларымен кездесті.",
    )
    .unwrap();
    ctrl_enter(&tab);
    wait_for(
        &tab,
        &format!("document.querySelector('#seg-{first}').dataset.state === 'current'"),
    );

    // The second repeats a sentence of the first article: the memory offers its translation at
    // 100%, and Alt+1 takes it.
    let second = focused_segment(&tab);
    assert_eq!(second, f.id_of(FOLLOW_UP, "who arrived on Monday"));
    let offered = eval_string(
        &tab,
        &format!("document.querySelector('#seg-{second} .matches li').textContent.replace(/\\s+/g, ' ').trim()"),
    );
    assert!(offered.starts_with("100%"), "{offered}");
    screenshot(&tab, "translator-2-memory-match");
    alt(&tab, "1");
    let taken = eval_string(
        &tab,
        &format!("document.querySelector('#seg-{second} textarea').value"),
    );
    assert_eq!(
        taken,
        "Мун Чжэ Иннің шақыруымен дүйсенбі күні келген Тоқаев – COVID-19 пандемиясы басталғаннан бері Сеулге сапар жасаған алғашқы шетелдік көшбасшы."
    );
    ctrl_enter(&tab);
    wait_for(
        &tab,
        &format!("document.querySelector('#seg-{second}').dataset.state === 'current'"),
    );
    let third = focused_segment(&tab);
    assert_eq!(third, f.id_of(FOLLOW_UP, "signed agreements"));
    screenshot(&tab, "translator-3-after-three-saves");

    // The files hold exactly those three translations, signed off by Arman Bekov; the rest is
    // as it was.
    let after = blame(&f, "kk", FOLLOW_UP);
    for id in ["title", first.as_str(), second.as_str()] {
        let s = segment(&after, id);
        assert_eq!(s["state"], "current", "{s}");
        assert_eq!(s["translated"]["by"], "arman-bekov", "{s}");
    }
    assert_eq!(
        translation_in(&f, "kk", FOLLOW_UP, "title").as_deref(),
        Some("Тоқаев сапарының екінші күні корей бизнес көшбасшыларымен кездесті")
    );
    assert_eq!(
        translation_in(&f, "kk", FOLLOW_UP, &second).as_deref(),
        Some(taken.as_str())
    );
    assert_eq!(segment(&after, &third), segment(&before, &third));
    assert_eq!(translation_in(&f, "kk", FOLLOW_UP, &third), None);
    watch.assert_quiet();
}

#[test]
fn a_stale_segment_shows_what_changed_since_its_translation_across_two_edits() {
    let Some((chromium, _alone)) = chromium("the stale segment's diff") else {
        return;
    };
    let f = Fixture::sample();
    let slug = "2021/08/tokayev-state-visit";
    let id = f.id_of(slug, "It was the first state visit to Korea since");
    let article = format!("articles/{slug}.md");
    let first = "It was the first state visit to Korea since the COVID-19 pandemic began.";
    // Two edits, each synced: the Kazakh translation was made against neither.
    for now in [
        "It was the first state visit to South Korea since the global pandemic began.",
        "It was the first state visit to South Korea since the coronavirus pandemic began in 2020.",
    ] {
        let text = f.read(&article);
        let was = if text.contains(first) {
            first
        } else {
            "It was the first state visit to South Korea since the global pandemic began."
        };
        f.write(&article, text.replace(was, now));
        f.bitext(&["sync"]).assert().success();
    }
    assert_eq!(f.id_of(slug, "coronavirus pandemic began in 2020"), id);

    let server = serve(&f, "arman-bekov", &[]);
    let (tab, watch) = person(chromium.browser.new_tab().unwrap());
    open(&tab, &server.sign_in_url());
    open(&tab, &server.at(&format!("/article/kk/{slug}#seg-{id}")));
    wait_for_workspace(&tab);
    let seg = format!("document.querySelector('#seg-{id}')");
    assert_eq!(eval_string(&tab, &format!("{seg}.dataset.state")), "stale");
    let deleted = eval_string(
        &tab,
        &format!(
            "[...{seg}.querySelectorAll('.diff del')].map(e => e.textContent.trim()).join('|')"
        ),
    );
    let inserted = eval_string(
        &tab,
        &format!(
            "[...{seg}.querySelectorAll('.diff ins')].map(e => e.textContent.trim()).join('|')"
        ),
    );
    let diff = eval_string(&tab, &format!("{seg}.querySelector('.diff').textContent"));
    // From the English it was translated from to the English now, not from the edit between.
    assert!(deleted.contains("COVID-19"), "deleted: {deleted}");
    assert!(inserted.contains("South"), "inserted: {inserted}");
    assert!(inserted.contains("coronavirus"), "inserted: {inserted}");
    assert!(inserted.contains("2020"), "inserted: {inserted}");
    assert!(!diff.contains("global"), "{diff}");
    assert_eq!(
        eval_string(&tab, &format!("{seg}.querySelector('.source').textContent")),
        "It was the first state visit to South Korea since the coronavirus pandemic began in 2020."
    );
    // The translation is still there, in the editor, to be brought up to date.
    assert_eq!(
        eval_string(&tab, &format!("{seg}.querySelector('textarea').value")),
        translation_in(&f, "kk", slug, &id).unwrap()
    );
    element_screenshot(&tab, &format!("#seg-{id}"), "stale-diff-segment");
    screenshot(&tab, "stale-diff");
    watch.assert_quiet();
}

#[test]
fn two_people_on_one_segment_see_each_other_and_nothing_is_lost() {
    let Some((chromium, _alone)) = chromium("two browsers on one segment") else {
        return;
    };
    let f = Fixture::sample();
    let slug = "2021/08/tokayev-state-visit";
    let x = f.id_of(slug, "He is also the first Kazakh president");
    let y = f.id_of(slug, "who arrived on Monday at Moon's invitation");
    let (server, _auth) = team_server(&f);
    let page = server.at(&format!("/article/ko/{slug}"));

    // Park Min-ho and Seo Ji-won, each in a browser of their own, open the same article.
    let minho_browser = chromium.browser.new_context().unwrap();
    let (minho, minho_watch) = person(minho_browser.new_tab().unwrap());
    log_in(&minho, &server, "park-minho");
    open(&minho, &page);
    wait_for_workspace(&minho);
    let jiwon_browser = chromium.browser.new_context().unwrap();
    let (jiwon, jiwon_watch) = person(jiwon_browser.new_tab().unwrap());
    log_in(&jiwon, &server, "seo-jiwon");
    open(&jiwon, &page);
    wait_for_workspace(&jiwon);

    // Both rewrite the same sentence; Min-ho saves first.
    let his = "그는 또 5년 만에 한국을 찾은 첫 카자흐스탄 대통령이다.";
    let hers = "카자흐스탄 대통령의 방한은 5년 만에 처음이다.";
    retype(&minho, &x, his);
    retype(&jiwon, &x, hers);
    ctrl_enter(&minho);
    wait_for_saved(&minho, &x);
    assert_eq!(translation_in(&f, "ko", slug, &x).as_deref(), Some(his));

    // Ji-won's save is refused: she sees his version beside hers, and the files keep his.
    ctrl_enter(&jiwon);
    wait_for(
        &jiwon,
        &format!("!!document.querySelector('#seg-{x} .conflict-view')"),
    );
    let view = format!("document.querySelector('#seg-{x} .conflict-view')");
    assert_eq!(
        eval_string(
            &jiwon,
            &format!("{view}.querySelector('.theirs').textContent")
        ),
        his
    );
    assert_eq!(
        eval_string(
            &jiwon,
            &format!("{view}.querySelector('.mine').textContent")
        ),
        format!("Yours: {hers}")
    );
    assert!(eval_string(&jiwon, &format!("{view}.textContent")).contains("park-minho"));
    assert_eq!(translation_in(&f, "ko", slug, &x).as_deref(), Some(his));
    element_screenshot(
        &jiwon,
        &format!("#seg-{x}"),
        "conflict-1-two-browsers-segment",
    );
    screenshot(&jiwon, "conflict-1-two-browsers");

    // Having read his, she keeps hers, knowingly (the focused button, with Enter).
    assert!(eval_bool(
        &jiwon,
        "document.activeElement.classList.contains('keep-mine')"
    ));
    jiwon.press_key("Enter").unwrap();
    wait_for_saved(&jiwon, &x);
    assert_eq!(translation_in(&f, "ko", slug, &x).as_deref(), Some(hers));
    let x_blame = blame(&f, "ko", slug);
    assert_eq!(segment(&x_blame, &x)["translated"]["by"], "seo-jiwon");

    // While Min-ho types another sentence, someone sets it from the command line.
    let typed = "문 대통령의 초청으로 월요일 방한한 토카예프 대통령은 코로나19 사태 이후 서울을 찾은 첫 외국 정상이다.";
    let from_cli = "문 대통령 초청으로 월요일 입국한 토카예프 대통령은 코로나19 대유행 이후 처음으로 서울을 방문한 외국 정상이다.";
    retype(&minho, &y, typed);
    f.bitext(&["--as", "seo-jiwon", "set", "ko", slug, &y, from_cli])
        .assert()
        .success();
    ctrl_enter(&minho);
    wait_for(
        &minho,
        &format!("!!document.querySelector('#seg-{y} .conflict-view')"),
    );
    let view = format!("document.querySelector('#seg-{y} .conflict-view')");
    assert_eq!(
        eval_string(
            &minho,
            &format!("{view}.querySelector('.theirs').textContent")
        ),
        from_cli
    );
    assert_eq!(
        translation_in(&f, "ko", slug, &y).as_deref(),
        Some(from_cli)
    );
    element_screenshot(&minho, &format!("#seg-{y}"), "conflict-2-cli-set-segment");
    screenshot(&minho, "conflict-2-cli-set");

    // He takes the command line's version: his editor shows it, and nothing more is written.
    minho.press_key("Tab").unwrap();
    assert!(eval_bool(
        &minho,
        "document.activeElement.classList.contains('take-theirs')"
    ));
    minho.press_key("Enter").unwrap();
    wait_for(
        &minho,
        &format!("!document.querySelector('#seg-{y} .conflict-view')"),
    );
    assert_eq!(
        eval_string(
            &minho,
            &format!("document.querySelector('#seg-{y} textarea').value")
        ),
        from_cli
    );
    assert_eq!(
        translation_in(&f, "ko", slug, &y).as_deref(),
        Some(from_cli)
    );
    minho_watch.assert_quiet();
    jiwon_watch.assert_quiet();
}

#[test]
fn a_reviewer_approves_one_translation_and_sends_another_back_with_a_note() {
    let Some((chromium, _alone)) = chromium("the reviewer's session") else {
        return;
    };
    let f = Fixture::sample();
    let slug = "2021/08/tokayev-state-visit";
    let good = f.id_of(slug, "He is also the first Kazakh president");
    let weak = f.id_of(slug, "who arrived on Monday at Moon's invitation");
    f.bitext(&[
        "--as",
        "park-minho",
        "set",
        "ko",
        slug,
        &good,
        "그는 또 5년 만에 한국을 찾은 첫 카자흐스탄 대통령이다.",
    ])
    .assert()
    .success();
    f.bitext(&[
        "--as",
        "park-minho",
        "set",
        "ko",
        slug,
        &weak,
        "토카예프는 월요일에 왔다.",
    ])
    .assert()
    .success();
    let (server, _auth) = team_server(&f);

    // Seo Ji-won opens her review queue.
    let reviewer_browser = chromium.browser.new_context().unwrap();
    let (reviewer, reviewer_watch) = person(reviewer_browser.new_tab().unwrap());
    log_in(&reviewer, &server, "seo-jiwon");
    open(&reviewer, &server.at("/review/ko"));
    let item = |id: &str| format!("document.querySelector('li.item[data-id=\"{id}\"]')");
    assert!(eval_string(&reviewer, &format!("{}.textContent", item(&good))).contains("park-minho"));
    screenshot(&reviewer, "review-1-queue");

    // She approves the first.
    reviewer
        .evaluate(
            &format!("{}.querySelector('button.approve').click()", item(&good)),
            false,
        )
        .unwrap();
    wait_for(&reviewer, &format!("!{}", item(&good)));
    // And sends the second back, saying why.
    let note = "기사 원문의 ‘코로나19 이후 서울을 찾은 첫 외국 정상’이라는 내용이 빠졌습니다. 보충해 주세요.";
    reviewer
        .evaluate(
            &format!("{}.querySelector('input[name=note]').focus()", item(&weak)),
            false,
        )
        .unwrap();
    reviewer.type_str(note).unwrap();
    reviewer.press_key("Enter").unwrap();
    wait_for(&reviewer, &format!("!{}", item(&weak)));
    screenshot(&reviewer, "review-2-after-verdicts");

    let after = blame(&f, "ko", slug);
    assert_eq!(
        segment(&after, &good)["approved"]["by"],
        "seo-jiwon",
        "{}",
        segment(&after, &good)
    );
    assert_eq!(segment(&after, &weak)["state"], "rejected");

    // Park Min-ho sees the note in his queue, beside the sentence sent back.
    let translator_browser = chromium.browser.new_context().unwrap();
    let (translator, translator_watch) = person(translator_browser.new_tab().unwrap());
    log_in(&translator, &server, "park-minho");
    open(&translator, &server.at("/queue/ko"));
    let sent_back = format!(
        "document.querySelector('li.item[data-id=\"{weak}\"][data-state=\"rejected\"] .note-text')"
    );
    assert_eq!(
        eval_string(&translator, &format!("{sent_back}.textContent")),
        note
    );
    element_screenshot(
        &translator,
        &format!("li.item[data-id=\"{weak}\"]"),
        "review-3-note-in-queue",
    );
    screenshot(&translator, "review-3-translator-queue");
    reviewer_watch.assert_quiet();
    translator_watch.assert_quiet();
}

#[test]
fn markup_in_a_translation_stays_text_on_every_page() {
    let Some((chromium, _alone)) = chromium("markup shown as text") else {
        return;
    };
    let f = desk();
    let slug = "2021/08/tokayev-state-visit";
    let id = f.id_of(slug, "who arrived on Monday at Moon's invitation");
    let server = serve(&f, "arman-bekov", &[]);
    let (tab, watch) = person(chromium.browser.new_tab().unwrap());
    open(&tab, &server.sign_in_url());

    // Saved from the workspace's own editor.
    open(&tab, &server.at(&format!("/article/kk/{slug}#seg-{id}")));
    wait_for_workspace(&tab);
    retype(&tab, &id, PAYLOAD);
    ctrl_enter(&tab);
    wait_for_saved(&tab, &id);
    assert_eq!(
        translation_in(&f, "kk", slug, &id).as_deref(),
        Some(PAYLOAD)
    );

    let inert = "document.querySelectorAll('main script, main img, main iframe, [onerror], [onclick], [onload]').length === 0 \
         && [...document.querySelectorAll('a')].every(a => !/^\\s*javascript:/i.test(a.getAttribute('href') || ''))";
    let follow_up_id = f.id_of(FOLLOW_UP, "who arrived on Monday");
    // (page, where the payload must appear as text)
    let pages: Vec<(String, String)> = vec![
        (
            format!("/article/kk/{slug}"),
            format!("document.querySelector('#seg-{id} textarea')?.value"),
        ),
        (
            format!("/article/ko/{slug}"),
            format!("document.querySelector('#seg-{id} .others span[lang=kk]')?.textContent"),
        ),
        (
            format!("/article/kk/{FOLLOW_UP}"),
            format!("document.querySelector('#seg-{follow_up_id} .match-text')?.textContent"),
        ),
        (
            "/review/kk".to_string(),
            format!(
                "document.querySelector('li.item[data-id=\"{id}\"] .translation')?.textContent"
            ),
        ),
        (
            "/search?q=onerror&locale=kk".to_string(),
            "document.querySelector('.hits span[lang=kk]')?.textContent".to_string(),
        ),
    ];
    for (page, text) in &pages {
        // The memory is built again in the background after a save: its page may need a reload.
        let start = Instant::now();
        loop {
            open(&tab, &server.at(page));
            wait_for(&tab, "document.readyState === 'complete'");
            assert!(eval_bool(&tab, inert), "{page}");
            let shown = eval_string(&tab, &format!("String(({text}))"));
            if shown == PAYLOAD {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "{page}: {shown}");
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    screenshot(&tab, "markup-as-text-search");
    // Long enough for the live refresh to have run on a workspace, too.
    open(&tab, &server.at(&format!("/article/ko/{slug}")));
    std::thread::sleep(Duration::from_millis(5500));
    assert!(eval_bool(&tab, inert));
    watch.assert_quiet();
}

#[test]
fn the_dashboard_queue_and_workspace_pass_axe_core() {
    let Some((chromium, _alone)) = chromium("axe-core on the workspace") else {
        return;
    };
    let f = desk();
    let slug = "2021/08/tokayev-state-visit";
    // A stale segment and a sent-back one, so that the diff and the note are on the pages.
    let article = format!("articles/{slug}.md");
    f.write(
        &article,
        f.read(&article).replace(
            "It was the first state visit to Korea since the COVID-19 pandemic began.",
            "It was the first state visit to South Korea since the coronavirus pandemic began.",
        ),
    );
    f.bitext(&["sync"]).assert().success();
    let server = serve(&f, "seo-jiwon", &[]);
    let (tab, watch) = person(chromium.browser.new_tab().unwrap());
    open(&tab, &server.sign_in_url());
    let axe = browser::axe_or_skip();
    let pages: [(&str, String); 6] = [
        ("dashboard", "/".to_string()),
        ("queue-ko", "/queue/ko".to_string()),
        ("workspace-ko", format!("/article/ko/{slug}")),
        ("workspace-kk", format!("/article/kk/{FOLLOW_UP}")),
        ("review-ko", "/review/ko".to_string()),
        ("search", "/search?q=Tokayev".to_string()),
    ];
    let mut failed: Vec<String> = Vec::new();
    for (name, page) in &pages {
        open(&tab, &server.at(page));
        wait_for(&tab, "document.readyState === 'complete'");
        if let Some(axe) = &axe {
            for v in browser::violations(&tab, axe) {
                failed.push(format!("{page}: {v}"));
            }
        }
        screenshot(&tab, name);
        if ["dashboard", "workspace-ko"].contains(name) {
            open(&tab, &server.at(page));
            phone_screenshot(&tab, &format!("{name}-phone"));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
    watch.assert_quiet();
}
