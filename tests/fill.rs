//! `bitext fill` in a real pseudo-terminal: the line editor, pre-filled stale translations,
//! skipping, accepting, quitting, and answers that survive Ctrl-C and a closed terminal.

mod common;

use std::process::Command;

use common::{Fixture, ARTICLE};
use rexpect::process::{Signal, WaitStatus};
use rexpect::session::{spawn_command, PtySession};
use serde_json::Value;

const SLUG: &str = "summit";
const TRADE_KO: &str = "2019년 교역액은 42억2000만 달러에 달했다.";
const WELCOMED_KO: &str = "문재인 대통령은 토카예프 카자흐스탄 대통령을 서울에서 맞이했다.";

/// A project where ko has the title, byline and trade sentence, the trade sentence went stale
/// after an edit, and the other three sentences are missing: `todo ko` is welcomed (missing),
/// trade (stale), met (missing), space (missing).
fn project() -> Fixture {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.translate(SLUG, "ko", &["title", "By Jane Doe", "Trade reached"]);
    f.write(
        "articles/summit.md",
        ARTICLE.replace("$4.22 billion", "$4.25 billion"),
    );
    f.bitext(&["sync"]).assert().success();
    f
}

/// `bitext fill ko` in a pseudo-terminal.
fn fill(f: &Fixture) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bitext"));
    command
        .args(["fill", "ko"])
        .current_dir(f.path(""))
        .env("SOURCE_DATE_EPOCH", "1629158400")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    spawn_command(command, Some(20_000)).expect("bitext fill in a pseudo-terminal")
}

/// `text` as the pseudo-terminal reader sees it: rexpect reads a byte as a character.
fn seen(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// The state of each ko segment, by id, from `status`-like reading of `show --json`.
fn states(f: &Fixture) -> Vec<(String, String, Option<String>)> {
    let show: Value =
        serde_json::from_str(&f.stdout(&["show", SLUG, "--locale", "ko", "--json"])).unwrap();
    show["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let ko = &row["locales"]["ko"];
            (
                row["id"].as_str().unwrap().to_string(),
                ko["state"].as_str().unwrap().to_string(),
                ko["translation"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn state_of<'a>(states: &'a [(String, String, Option<String>)], id: &str) -> &'a str {
    &states.iter().find(|(i, _, _)| i == id).unwrap().1
}

#[test]
fn answer_skip_accept_and_quit_leave_exactly_the_answers_signed_off() {
    let f = project();
    let welcomed = f.id_of(SLUG, "welcomed");
    let trade = f.id_of(SLUG, "Trade reached");
    let met = f.id_of(SLUG, "met at");
    let space = f.id_of(SLUG, "space");
    let before = f.read("locales/ko/summit.ftl");

    let mut p = fill(&f);
    p.exp_string("[1/4]").unwrap();
    p.exp_string(&welcomed).unwrap();
    p.exp_string("ko> ").unwrap();
    p.send_line(WELCOMED_KO).unwrap();
    p.exp_string("saved, signed off").unwrap();

    // The stale translation comes pre-filled, with the diff of the English above it;
    // Enter with it unchanged accepts it as it is.
    p.exp_string("[2/4]").unwrap();
    p.exp_string("$[-4.22-]{+4.25+} billion").unwrap();
    p.exp_string(&seen(&format!("ko> {TRADE_KO}"))).unwrap();
    p.send_line("").unwrap();
    p.exp_string("accepted, signed off").unwrap();

    p.exp_string("[3/4]").unwrap();
    p.exp_string("ko> ").unwrap();
    p.send_line(":s").unwrap();
    p.exp_string("skipped").unwrap();

    p.exp_string("[4/4]").unwrap();
    p.exp_string("ko> ").unwrap();
    p.send_line(":q").unwrap();
    p.exp_string("ko: 1 written, 1 accepted, 2 left").unwrap();
    p.exp_eof().unwrap();

    let states = states(&f);
    assert_eq!(state_of(&states, &welcomed), "current");
    assert_eq!(state_of(&states, &trade), "current");
    assert_eq!(state_of(&states, &met), "missing");
    assert_eq!(state_of(&states, &space), "missing");
    let after = with_the_first_answer(&f);
    assert!(
        after.contains(&format!("{trade} = {TRADE_KO}\n")),
        "{after}"
    );
    assert_eq!(
        after.matches("# bitext: current, signed r2").count(),
        2,
        "{after}"
    );
    // Nothing else in the file changed: the title and byline keep their sign-offs from r1.
    assert_eq!(
        after.matches("# bitext: current, signed r1").count(),
        before.matches("# bitext: current, signed r1").count()
    );
}

#[test]
fn back_shows_the_answer_given_and_lets_it_be_changed() {
    let f = project();
    let mut p = fill(&f);
    p.exp_string("ko> ").unwrap();
    p.send_line("첫 번째 답").unwrap();
    p.exp_string("[2/4]").unwrap();
    p.exp_string("ko> ").unwrap();
    // Clear the pre-filled line, then go back.
    p.send_control('u').unwrap();
    p.send_line(":b").unwrap();
    p.exp_string("[1/4]").unwrap();
    p.exp_string("written in this session").unwrap();
    p.exp_string(&seen("ko> 첫 번째 답")).unwrap();
    p.send_control('u').unwrap();
    p.send_line(WELCOMED_KO).unwrap();
    p.exp_string("saved, signed off").unwrap();
    p.exp_string("[2/4]").unwrap();
    p.exp_string("ko> ").unwrap();
    // Ctrl-D on an empty line quits.
    p.send_control('u').unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    with_the_first_answer(&f);
}

/// `bitext fill ko` with the first segment answered, waiting at the second.
fn answer_the_first(f: &Fixture) -> PtySession {
    let mut p = fill(f);
    p.exp_string("ko> ").unwrap();
    p.send_line(WELCOMED_KO).unwrap();
    p.exp_string("saved, signed off").unwrap();
    p.exp_string("[2/4]").unwrap();
    p.exp_string("ko> ").unwrap();
    p
}

/// The target file, after checking that it holds the answer to the first segment.
fn with_the_first_answer(f: &Fixture) -> String {
    let welcomed = f.id_of(SLUG, "welcomed");
    let after = f.read("locales/ko/summit.ftl");
    assert!(
        after.contains(&format!("{welcomed} = {WELCOMED_KO}\n")),
        "{after}"
    );
    after
}

#[test]
fn ctrl_c_in_the_middle_loses_no_answer_given() {
    let f = project();
    let welcomed = f.id_of(SLUG, "welcomed");
    let mut p = answer_the_first(&f);
    // Half an edit of the stale translation, then Ctrl-C.
    p.send(" 그리고").unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    let states = states(&f);
    assert_eq!(state_of(&states, &welcomed), "current");
    let after = with_the_first_answer(&f);
    assert!(!after.contains("그리고"), "{after}");
    assert!(f.stdout(&["todo", "ko"]).contains("stale (major, r1)"));
}

#[test]
fn a_closed_terminal_loses_no_answer_given() {
    let f = project();
    let mut p = answer_the_first(&f);
    p.send("반쯤 쓴 답").unwrap();
    // The terminal goes away: the process gets a hangup.
    let status = p.process_mut().kill(Signal::SIGHUP).unwrap();
    assert!(
        !matches!(status, WaitStatus::StillAlive),
        "fill still runs after a hangup"
    );
    let after = with_the_first_answer(&f);
    assert!(!after.contains("반쯤"), "{after}");
    // No temporary file is left behind.
    let leftovers: Vec<_> = f
        .tree()
        .into_keys()
        .filter(|p| p.to_string_lossy().contains(".bitext-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_script_drives_fill_one_answer_per_line() {
    let f = project();
    let welcomed = f.id_of(SLUG, "welcomed");
    let met = f.id_of(SLUG, "met at");
    // Back from the last segment to the one just written: accepting it keeps it as it is.
    let input = format!("{WELCOMED_KO}\n:a\n두 정상은 청와대에서 만났다.\n:b\n:a\n\n");
    f.bitext(&["fill", "ko"])
        .stdin(input)
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/fill-piped.txt"]);
    let states = states(&f);
    assert_eq!(state_of(&states, &welcomed), "current");
    assert_eq!(state_of(&states, &met), "current");
    f.bitext(&["todo", "ko"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/workflow/fill-piped-todo.txt"]);
}

#[test]
fn a_suggestion_taken_in_the_editor_keeps_its_fluent_placeables() {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.write(
        "articles/follow-up.md",
        "+++\ntitle = \"Leaders meet again\"\n+++\n\n\
         The two leaders met at Cheong Wa Dae again. They agreed to cooperate on space.\n",
    );
    f.bitext(&["sync"]).assert().success();
    f.translate(SLUG, "ko", &["met at"]);
    // The Korean names the residence with a glossary term, written by hand and accepted.
    let met = f.id_of(SLUG, "met at");
    let ko = f.read("locales/ko/summit.ftl");
    f.write(
        "locales/ko/summit.ftl",
        ko.replace(
            &format!("{met} = 두 정상은 청와대에서 만났다."),
            &format!("{met} = 두 정상은 {{ -cheong-wa-dae }}에서 만났다."),
        ),
    );
    f.bitext(&["accept", "ko", SLUG]).assert().success();

    let mut command = Command::new(env!("CARGO_BIN_EXE_bitext"));
    command
        .args(["fill", "ko", "follow-up"])
        .current_dir(f.path(""))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut p = spawn_command(command, Some(20_000)).unwrap();
    p.exp_string("[1/3]").unwrap();
    p.exp_string("ko> ").unwrap();
    p.send_line(":s").unwrap();
    p.exp_string("[2/3]").unwrap();
    p.exp_string(" 90%").unwrap();
    p.exp_string("ko> ").unwrap();
    p.send_line(":1").unwrap();
    // The suggestion comes back in the editor; Enter saves it as it is.
    p.exp_string(&seen("ko> 두 정상은 { -cheong-wa-dae }에서 만났다."))
        .unwrap();
    p.send_line("").unwrap();
    p.exp_string("saved, signed off").unwrap();
    p.exp_string("[3/3]").unwrap();
    p.exp_string("ko> ").unwrap();
    p.send_line(":q").unwrap();
    p.exp_eof().unwrap();
    let again = f.id_of("follow-up", "Dae again");
    let after = f.read("locales/ko/follow-up.ftl");
    assert!(
        after.contains(&format!(
            "{again} = 두 정상은 {{ -cheong-wa-dae }}에서 만났다.\n"
        )),
        "{after}"
    );
}

#[test]
fn a_translator_types_by_reflex_sees_the_context_and_keeps_an_answer_when_the_english_changes() {
    let f = project();
    let welcomed = f.id_of(SLUG, "welcomed");
    let mut p = fill(&f);
    p.exp_string("[1/4]").unwrap();
    // The sentences around the one to translate.
    p.exp_string(&seen("… By Jane Doe")).unwrap();
    p.exp_string(&seen("Trade reached $4.25 billion in 2019. …"))
        .unwrap();
    p.exp_string("ko> ").unwrap();
    // A vim hand saves and quits: refused, nothing saved, the same segment again.
    p.send_line(":wq").unwrap();
    p.exp_string(":wq is not a command here, and nothing was saved")
        .unwrap();
    p.exp_string("ko> ").unwrap();
    // While the translator types, the editor changes the sentence and syncs.
    f.write(
        "articles/summit.md",
        ARTICLE.replace("$4.22 billion", "$4.25 billion").replace(
            "welcomed Kazakh President",
            "warmly welcomed Kazakh President",
        ),
    );
    f.bitext(&["sync"]).assert().success();
    p.send_line(WELCOMED_KO).unwrap();
    p.exp_string("the English changed while you typed; your answer is kept to edit")
        .unwrap();
    p.exp_string("{+warmly +}").unwrap();
    // The answer is back in the line, to edit: Enter saves it for the new English.
    p.exp_string("ko> ").unwrap();
    p.send_line("").unwrap();
    p.exp_string("saved, signed off").unwrap();
    p.exp_string("[2/4]").unwrap();
    p.exp_string("ko> ").unwrap();
    p.send_line(":q").unwrap();
    p.exp_eof().unwrap();
    let after = states(&f);
    assert_eq!(state_of(&after, &welcomed), "current");
    let ko = f.read("locales/ko/summit.ftl");
    assert!(ko.contains(WELCOMED_KO), "{ko}");
    assert!(!ko.contains(":wq"), "{ko}");
}

#[test]
fn fill_asks_before_it_saves_a_translation_a_check_finds_an_error_in() {
    let f = project();
    let trade = f.id_of(SLUG, "Trade reached");
    let mut p = fill(&f);
    p.exp_string("[1/4]").unwrap();
    p.exp_string("ko> ").unwrap();
    p.send_line(":s").unwrap();
    // The stale trade sentence: the figure is 4.25 billion now.
    p.exp_string("[2/4]").unwrap();
    p.exp_string("ko> ").unwrap();
    // The line holds the translation of the old English: cleared, and another typed.
    p.send_control('u').unwrap();
    p.send_line("2019년 양국 교역액이 크게 늘었다.").unwrap();
    p.exp_string("error[numbers]").unwrap();
    p.exp_string("save it anyway? (y, or Enter to edit it)")
        .unwrap();
    // Enter: back to the answer, unsaved, to mend it.
    p.send_line("").unwrap();
    p.exp_string("ko> ").unwrap();
    let ko = f.read("locales/ko/summit.ftl");
    assert!(!ko.contains("크게 늘었다"), "{ko}");
    p.send_control('u').unwrap();
    p.send_line("2019년 교역액은 42억5000만 달러에 달했다.")
        .unwrap();
    p.exp_string("saved, signed off").unwrap();
    p.exp_string("[3/4]").unwrap();
    p.exp_string("ko> ").unwrap();
    p.send_line(":q").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(state_of(&states(&f), &trade), "current");
    let ko = f.read("locales/ko/summit.ftl");
    assert!(ko.contains("42억5000만"), "{ko}");
    assert!(!ko.contains("크게 늘었다"), "{ko}");
}
