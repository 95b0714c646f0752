//! Two bitext processes writing the same project at once do not lose each other's updates.

mod common;

use std::process::{Command, Stdio};

use common::Fixture;

#[test]
fn many_concurrent_sets_on_one_file_keep_every_translation() {
    let f = Fixture::init();
    let body: String = (1..=16)
        .map(|n| format!("Sentence number {n} of the report.\n\n"))
        .collect();
    f.write(
        "articles/report.md",
        format!("+++\ntitle = \"Report\"\n+++\n\n{body}"),
    );
    f.bitext(&["sync"]).assert().success();
    let ids: Vec<String> = f
        .messages("locales/en/report.ftl")
        .into_iter()
        .map(|(id, _)| id)
        .filter(|id| id != "title")
        .collect();
    assert_eq!(ids.len(), 16);

    for round in 0..4 {
        let children: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(n, id)| {
                Command::new(snapbox::cmd::cargo_bin!("bitext"))
                    .current_dir(f.dir.path())
                    .args([
                        "set",
                        "ru",
                        "report",
                        id,
                        &format!("Предложение {n}, раунд {round}."),
                    ])
                    .stdout(Stdio::null())
                    .spawn()
                    .expect("spawn bitext")
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        let ru = f.read("locales/ru/report.ftl");
        for (n, id) in ids.iter().enumerate() {
            let line = format!("{id} = Предложение {n}, раунд {round}.\n");
            assert!(ru.contains(&line), "round {round}: lost {line:?}\n{ru}");
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(f.path("locales/ru"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}
