//! Helpers for the CLI tests: a throwaway project and the real `bitext` binary.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use snapbox::cmd::Command;

/// A project in a temporary folder, deleted at the end of the test.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// An empty folder.
    pub fn empty() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    /// A copy of the sample project at the root of the repository.
    pub fn sample() -> Fixture {
        let f = Fixture::empty();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for part in ["bitext.toml", "articles", "locales", "history"] {
            copy(&root.join(part), &f.path(part));
        }
        f
    }

    /// The sample project without its `[people]`: anyone may write any locale, as in a project
    /// that names nobody. For tests of the files themselves, not of who may write them.
    pub fn sample_without_people() -> Fixture {
        let f = Fixture::sample();
        let config = f.read("bitext.toml");
        let kept: Vec<&str> = config
            .split_inclusive('\n')
            .scan(false, |in_people, line| {
                if line.starts_with('[') {
                    *in_people = line.starts_with("[people");
                }
                Some((*in_people, line))
            })
            .filter(|(in_people, _)| !in_people)
            .map(|(_, line)| line)
            .collect();
        f.write("bitext.toml", kept.concat());
        f
    }

    /// A project made by `bitext init`.
    pub fn init() -> Fixture {
        let f = Fixture::empty();
        f.bitext(&["init"]).assert().success();
        f
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `bitext ARGS` in the project, with a fixed date and no colour.
    pub fn bitext(&self, args: &[&str]) -> Command {
        Command::new(snapbox::cmd::cargo_bin!("bitext"))
            .current_dir(self.dir.path())
            .env("SOURCE_DATE_EPOCH", "1629158400")
            .env("NO_COLOR", "1")
            // The person bitext records: the user name, unless a test says otherwise; and no
            // git configuration of the machine's.
            .env("USER", "tester")
            .env_remove("LOGNAME")
            .env_remove("USERNAME")
            .env_remove("BITEXT_USER")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(args)
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Every file of the project (but the lock) with its bytes, to compare before and after.
    pub fn tree(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        walk(self.dir.path(), self.dir.path(), &mut out);
        out
    }

    /// The message ids of a source file, in order, with their values as text.
    pub fn messages(&self, rel: &str) -> Vec<(String, String)> {
        let text = self.read(rel);
        let file = bitext::store::ftl::parse(&text);
        file.messages()
            .map(|m| {
                let value = m
                    .value()
                    .map(bitext::store::escape::display)
                    .unwrap_or_default();
                (m.id.to_string(), value)
            })
            .collect()
    }

    /// The id of the source message whose text contains `needle`.
    pub fn id_of(&self, slug: &str, needle: &str) -> String {
        self.messages(&format!("locales/en/{slug}.ftl"))
            .into_iter()
            .find(|(_, v)| v.contains(needle))
            .unwrap_or_else(|| panic!("no segment with {needle:?}"))
            .0
    }

    /// Writes the translations of [`TRANSLATIONS`] whose needle is in `needles` into `locale`,
    /// through `bitext set`.
    pub fn translate(&self, slug: &str, locale: &str, needles: &[&str]) {
        let column = match locale {
            "ko" => 1,
            "kk" => 2,
            _ => 3,
        };
        for row in TRANSLATIONS {
            let needle = row[0];
            if !needles.contains(&needle) {
                continue;
            }
            let id = if needle == "title" {
                "title".to_string()
            } else {
                self.id_of(slug, needle)
            };
            self.bitext(&["set", locale, slug, &id, row[column]])
                .assert()
                .success();
        }
    }

    /// Every segment of [`ARTICLE`] translated into ko, kk and ru.
    pub fn translate_all(&self, slug: &str) {
        let needles: Vec<&str> = TRANSLATIONS.iter().map(|row| row[0]).collect();
        for locale in ["ko", "kk", "ru"] {
            self.translate(slug, locale, &needles);
        }
    }

    /// Runs a command and returns its stdout.
    pub fn stdout(&self, args: &[&str]) -> String {
        let output = self
            .bitext(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(output).unwrap()
    }
}

/// Copies a file, or a folder with everything in it.
pub fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).unwrap();
    }
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, out);
        } else if !path.ends_with(".bitext.lock") {
            out.insert(
                path.strip_prefix(root).unwrap().to_path_buf(),
                std::fs::read(&path).unwrap(),
            );
        }
    }
}

/// A short article about the summit, used by several tests.
pub const ARTICLE: &str = r#"+++
title = "Leaders agree to widen partnership"
byline = "By Jane Doe"
date = 2021-08-17
+++

President Moon Jae-in welcomed Kazakh President Kassym-Jomart Tokayev to Seoul. Trade reached $4.22 billion in 2019.

The two leaders met at Cheong Wa Dae. They agreed to cooperate on space.
"#;

/// Translations of [`ARTICLE`]: a needle that finds the segment, then ko, kk and ru.
pub const TRANSLATIONS: [[&str; 4]; 6] = [
    [
        "title",
        "정상들, 협력 확대 합의",
        "Көшбасшылар әріптестікті кеңейтуге келісті",
        "Лидеры договорились расширить партнёрство",
    ],
    ["By Jane Doe", "제인 도 기자", "Джейн Доу", "Джейн Доу"],
    [
        "welcomed",
        "문재인 대통령은 카심조마르트 토카예프 카자흐스탄 대통령을 서울에서 맞이했다.",
        "Мун Чжэ Ин Қасым-Жомарт Тоқаевты Сеулде қарсы алды.",
        "Мун Чжэ Ин встретил в Сеуле президента Казахстана Касым-Жомарта Токаева.",
    ],
    [
        "Trade reached",
        "2019년 교역액은 42억2000만 달러에 달했다.",
        "2019 жылы тауар айналымы 4,22 млрд долларға жетті.",
        "В 2019 году товарооборот достиг 4,22 млрд долларов.",
    ],
    [
        "met at",
        "두 정상은 청와대에서 만났다.",
        "Екі көшбасшы Чхонвадэде кездесті.",
        "Лидеры встретились в «Чхонвадэ».",
    ],
    [
        "space",
        "양국은 우주 분야 협력에 합의했다.",
        "Олар ғарыш саласында ынтымақтасуға келісті.",
        "Они договорились о сотрудничестве в космосе.",
    ],
];

/// A state line without the English's fingerprint (` src 1a2b3c4d`), which a rewrite adds to
/// the sample's older sign-offs.
pub fn without_fingerprint(line: &str) -> String {
    match line.find(" src ") {
        Some(at) if line.starts_with("# bitext: ") => {
            let end = (at + " src ".len() + 8).min(line.len());
            format!("{}{}", &line[..at], &line[end..])
        }
        _ => line.to_string(),
    }
}
