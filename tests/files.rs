//! What bitext promises about the files it reads and writes (SPEC section 13): any line endings
//! are read and kept, permissions are kept, nothing is read or written through a symbolic link
//! that leads out of the project, no device or FIFO is read, and no temporary file outlives the
//! next command.

mod common;

use common::Fixture;

const SLUG: &str = "2021/08/tokayev-state-visit";
const KO: &str = "locales/ko/2021/08/tokayev-state-visit.ftl";

/// The id of a segment of the sample article, and a new translation for it.
fn new_translation(f: &Fixture) -> (String, &'static str) {
    let id = f.id_of(SLUG, "first state visit to Korea since");
    (id, "코로나19 대유행 이후 첫 국빈 방한이었다.")
}

#[test]
fn a_target_file_with_carriage_returns_alone_is_read_and_written_back_in_its_style() {
    let f = Fixture::sample_without_people();
    let lf = Fixture::sample_without_people();
    let status = f.stdout(&["status", "--json"]);
    let original = f.read(KO);
    f.write(KO, original.replace('\n', "\r"));
    assert_eq!(f.stdout(&["status", "--json"]), status);

    // `set` on the CR file and on the LF file give the same file but for the line endings:
    // every other translation and comment is kept.
    let (id, text) = new_translation(&f);
    f.bitext(&["set", "ko", SLUG, &id, text]).assert().success();
    lf.bitext(&["set", "ko", SLUG, &id, text])
        .assert()
        .success();
    let written = f.read(KO);
    assert!(!written.contains('\n'), "{written}");
    assert_eq!(written.replace('\r', "\n"), lf.read(KO));
    assert_eq!(
        f.stdout(&["status", "--json"]),
        lf.stdout(&["status", "--json"])
    );
}

#[test]
fn a_target_file_with_mixed_line_endings_is_read_whole_and_written_in_the_most_common() {
    let f = Fixture::sample_without_people();
    let status = f.stdout(&["status", "--json"]);
    let original = f.read(KO);
    // Two lines in three end in CR, one in three in CRLF or LF.
    let mut mixed = String::new();
    for (i, line) in original.split_inclusive('\n').enumerate() {
        let line = line.strip_suffix('\n').unwrap_or(line);
        let end = match i % 6 {
            0 => "\r\n",
            3 => "\n",
            _ => "\r",
        };
        mixed.push_str(line);
        mixed.push_str(end);
    }
    f.write(KO, &mixed);
    assert_eq!(f.stdout(&["status", "--json"]), status);
    let (id, text) = new_translation(&f);
    f.bitext(&["set", "ko", SLUG, &id, text]).assert().success();
    let written = f.read(KO);
    assert!(!written.contains('\n'), "{written}");
    let lines: Vec<&str> = written.split('\r').collect();
    let before: Vec<&str> = original.split('\n').collect();
    assert_eq!(lines.len(), before.len());
    let changed = lines
        .iter()
        .zip(&before)
        .filter(|(a, b)| common::without_fingerprint(a) != common::without_fingerprint(b))
        .count();
    // The translation's line and its state line; nothing else.
    assert_eq!(changed, 2, "{written}");
}

#[test]
fn white_space_other_than_spaces_survives_a_rewrite() {
    let f = Fixture::sample_without_people();
    let ko = f.read(KO);
    // A translation ending in a no-break space with a line a translator forgot to indent after
    // it, and a line holding only a tab.
    let edited = ko.replacen(
        "byline = 서지원 기자\n",
        "byline = 서지원 기자\u{a0}\n(메모)\n\t\n",
        1,
    );
    assert_ne!(edited, ko);
    f.write(KO, &edited);
    let (id, text) = new_translation(&f);
    f.bitext(&["set", "ko", SLUG, &id, text]).assert().success();
    let written = f.read(KO);
    assert!(
        written.contains("byline = 서지원 기자\u{a0}\n\n(메모)\n\t\n"),
        "{written}"
    );
}

#[test]
fn temporary_files_that_killed_writers_left_are_removed_by_the_next_command_that_writes() {
    let f = Fixture::sample_without_people();
    f.bitext(&["publish"]).assert().success();
    let stale = [
        // In the folders the next `set ko` writes.
        "locales/ko/2021/08/.bitext-a1B2c3.tmp",
        "history/2021/08/.bitext-d4E5f6.tmp",
        // In a folder it does not write, which the writer that was killed listed in the lock.
        "locales/ru/2021/08/.bitext-g7H8i9.tmp",
        // In the output folder, which the next publish clears, even where it writes nothing.
        "public/ko/2021/08/.bitext-j1K2l3.tmp",
        "public/ko/1999/.bitext-m4N5o6.tmp",
        // At the root, where `init` writes.
        ".bitext-p7Q8r9.tmp",
    ];
    for rel in stale {
        f.write(rel, "half a file");
    }
    let listed = bitext::store::policy::normalize(&f.path("locales/ru/2021/08"));
    f.write(".bitext.lock", format!("{}\n", listed.display()));
    f.write("locales/ko/2021/08/.bitext-notes.txt", "a person's file");
    let (id, text) = new_translation(&f);
    f.bitext(&["set", "ko", SLUG, &id, text]).assert().success();
    for rel in [stale[0], stale[1], stale[2], stale[5]] {
        assert!(!f.path(rel).exists(), "{rel} is still there");
    }
    assert!(f.path("locales/ko/2021/08/.bitext-notes.txt").exists());
    assert_eq!(f.read(".bitext.lock"), "");
    f.bitext(&["publish"]).assert().success();
    for rel in &stale[3..5] {
        assert!(!f.path(rel).exists(), "{rel} is still there");
    }
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::{symlink, PermissionsExt};
    use std::path::Path;
    use std::time::Duration;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    fn chmod(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    /// `bitext ARGS` in the project under `umask`, through the shell, which sets it for the
    /// command alone.
    fn with_umask(f: &Fixture, umask: &str, args: &[&str]) -> std::process::Output {
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
            .arg(snapbox::cmd::cargo_bin!("bitext"))
            .args(args)
            .current_dir(f.dir.path())
            .env("SOURCE_DATE_EPOCH", "1629158400")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    #[test]
    fn a_rewritten_file_keeps_its_permissions() {
        let f = Fixture::sample_without_people();
        let journal = "history/2021/08/tokayev-state-visit.ko.jsonl";
        chmod(&f.path(KO), 0o664);
        chmod(&f.path(journal), 0o640);
        let (id, text) = new_translation(&f);
        with_umask(&f, "077", &["set", "ko", SLUG, &id, text]);
        assert!(f.read(KO).contains(text));
        assert_eq!(mode(&f.path(KO)), 0o664);
        assert_eq!(mode(&f.path(journal)), 0o640);
    }

    #[test]
    fn a_new_file_gets_the_permissions_of_the_umask() {
        for (umask, expected) in [("022", 0o644), ("027", 0o640)] {
            let f = Fixture::init();
            f.write("articles/summit.md", common::ARTICLE);
            with_umask(&f, umask, &["sync"]);
            for rel in [
                "locales/en/summit.ftl",
                "locales/ko/summit.ftl",
                "history/summit.jsonl",
            ] {
                assert_eq!(mode(&f.path(rel)), expected, "{rel} under umask {umask}");
            }
        }
    }

    /// A project whose article has a picture next to it.
    fn with_picture() -> Fixture {
        let f = Fixture::init();
        let article = common::ARTICLE.replace(
            "The two leaders",
            "![The leaders at Cheong Wa Dae](summit.jpg \"Photo: Akorda\")\n\nThe two leaders",
        );
        f.write("articles/summit.md", article);
        f.write("articles/summit.jpg", b"\xff\xd8\xff\xe0 not really a JPEG");
        f.bitext(&["sync"]).assert().success();
        titled(&f, "summit");
        f
    }

    /// Translates the title of `slug` into every locale, so that it publishes.
    fn titled(f: &Fixture, slug: &str) {
        for locale in ["ko", "kk", "ru"] {
            f.translate(slug, locale, &["title"]);
        }
    }

    #[test]
    fn published_pages_and_pictures_follow_the_umask_and_keep_their_permissions() {
        let f = with_picture();
        with_umask(&f, "022", &["publish"]);
        let page = f.path("public/ko/summit.html");
        let picture = f.path("public/assets/summit.jpg");
        let index = f.path("public/index.html");
        for path in [&page, &picture, &index] {
            assert_eq!(mode(path), 0o644, "{}", path.display());
        }
        // A web server's group may write them: changed files keep that.
        chmod(&page, 0o664);
        chmod(&picture, 0o664);
        f.write("articles/summit.jpg", b"\xff\xd8\xff\xe0 another picture");
        let id = f.id_of("summit", "met at");
        f.bitext(&["set", "ko", "summit", &id, "두 정상은 청와대에서 만났다."])
            .assert()
            .success();
        with_umask(&f, "077", &["publish"]);
        assert!(std::fs::read_to_string(&page).unwrap().contains("청와대"));
        assert_eq!(
            std::fs::read(&picture).unwrap(),
            b"\xff\xd8\xff\xe0 another picture"
        );
        assert_eq!(mode(&page), 0o664);
        assert_eq!(mode(&picture), 0o664);
    }

    /// Moves `rel` of the project to a folder outside it and leaves a link to it in its place.
    fn move_out(f: &Fixture, outside: &Path, rel: &str) -> std::path::PathBuf {
        let to = outside.join(rel.replace('/', "_"));
        std::fs::rename(f.path(rel), &to).unwrap();
        symlink(&to, f.path(rel)).unwrap();
        to
    }

    /// Every file under `dir` with its bytes, and every link with what it names; links are not
    /// followed.
    fn tree(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
                if kind.is_symlink() {
                    let to = std::fs::read_link(&path).unwrap();
                    out.push((path, to.into_os_string().into_encoded_bytes()));
                } else if kind.is_dir() {
                    stack.push(path);
                } else if !path.ends_with(".bitext.lock") {
                    out.push((path.clone(), std::fs::read(&path).unwrap()));
                }
            }
        }
        out.sort();
        out
    }

    /// The paths whose content differs between two trees.
    fn changed(
        a: &[(std::path::PathBuf, Vec<u8>)],
        b: &[(std::path::PathBuf, Vec<u8>)],
    ) -> Vec<String> {
        let mut out: Vec<String> = a
            .iter()
            .filter(|x| !b.contains(x))
            .chain(b.iter().filter(|x| !a.contains(x)))
            .map(|(p, _)| p.display().to_string())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn links_out_of_locales_and_history_are_not_written_through() {
        let journal = "history/2021/08/tokayev-state-visit.ko.jsonl";
        for rel in [
            "locales/ko/2021",
            "locales/ko/2021/08",
            KO,
            "history/2021/08/tokayev-state-visit.jsonl",
            journal,
        ] {
            let f = Fixture::sample_without_people();
            let outside = tempfile::tempdir().unwrap();
            let (id, text) = new_translation(&f);
            move_out(&f, outside.path(), rel);
            let (project, elsewhere) = (tree(f.dir.path()), tree(outside.path()));
            let output = f.bitext(&["set", "ko", SLUG, &id, text]).assert().code(2);
            let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
            assert!(
                stderr.contains("a symbolic link leads out of the project"),
                "{rel}: {stderr}"
            );
            assert_eq!(
                changed(&tree(outside.path()), &elsewhere),
                Vec::<String>::new()
            );
            // The journal is read only after the target file is written, so the refusal comes
            // after that write (a command that fails after writing is a matter of its own).
            if rel != journal {
                assert_eq!(changed(&tree(f.dir.path()), &project), Vec::<String>::new());
            }
        }
        // A folder of the history that is a link out of it is not read as the project's.
        let f = Fixture::sample_without_people();
        let outside = tempfile::tempdir().unwrap();
        let (id, text) = new_translation(&f);
        move_out(&f, outside.path(), "history/2021");
        let elsewhere = tree(outside.path());
        f.bitext(&["set", "ko", SLUG, &id, text]).assert().code(2);
        assert_eq!(
            changed(&tree(outside.path()), &elsewhere),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_link_inside_the_project_to_a_file_inside_it_is_written_through() {
        let f = Fixture::sample_without_people();
        let shared = "locales/ko/2021/08/shared.ftl.txt";
        std::fs::rename(f.path(KO), f.path(shared)).unwrap();
        symlink("shared.ftl.txt", f.path(KO)).unwrap();
        let (id, text) = new_translation(&f);
        f.bitext(&["set", "ko", SLUG, &id, text]).assert().success();
        assert!(std::fs::symlink_metadata(f.path(KO))
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(f.read(shared).contains(text));
    }

    #[test]
    fn an_output_folder_that_is_a_link_to_the_project_or_above_it_is_refused() {
        for (link, to) in [("site", "."), ("up", "..")] {
            let f = Fixture::sample_without_people();
            symlink(to, f.path(link)).unwrap();
            let before = tree(f.dir.path());
            let output = f.bitext(&["publish", "--out", link]).assert().code(2);
            let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
            assert!(
                stderr.contains("the output folder must not be the project, hold it"),
                "{link}: {stderr}"
            );
            assert!(
                before == tree(f.dir.path()),
                "{link}: something was written"
            );
        }
    }

    #[test]
    fn publish_removes_nothing_through_a_folder_link_that_leads_out_of_the_output_folder() {
        let f = Fixture::init();
        f.write("articles/summit.md", common::ARTICLE);
        f.write("articles/old/visit.md", common::ARTICLE);
        f.bitext(&["sync"]).assert().success();
        titled(&f, "summit");
        titled(&f, "old/visit");
        f.bitext(&["publish"]).assert().success();
        assert!(f.path("public/ko/old/visit.html").is_file());
        let outside = tempfile::tempdir().unwrap();
        let moved = move_out(&f, outside.path(), "public/ko/old");
        std::fs::remove_file(f.path("articles/old/visit.md")).unwrap();
        f.bitext(&["publish"]).assert().success();
        assert!(
            moved.join("visit.html").is_file(),
            "removed through the link"
        );
        // The page an article that is gone left inside the folder is removed.
        assert!(!f.path("public/en/old/visit.html").exists());
    }

    #[test]
    fn publish_writes_nothing_through_a_folder_link_that_leads_out_of_the_output_folder() {
        let f = with_picture();
        f.bitext(&["publish"]).assert().success();
        let outside = tempfile::tempdir().unwrap();
        move_out(&f, outside.path(), "public/ru");
        let id = f.id_of("summit", "met at");
        f.bitext(&[
            "set",
            "ru",
            "summit",
            &id,
            "Лидеры встретились в «Чхонвадэ».",
        ])
        .assert()
        .success();
        let before = tree(outside.path());
        let output = f.bitext(&["publish"]).assert().code(2);
        let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
        assert!(
            stderr.contains("a symbolic link leads out of the output folder"),
            "{stderr}"
        );
        assert_eq!(tree(outside.path()), before);
    }

    #[test]
    fn an_article_or_a_picture_linked_from_outside_the_project_is_not_read() {
        let f = with_picture();
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.md");
        std::fs::write(&secret, "+++\ntitle = \"Secret\"\n+++\n\nroot:x:0:0\n").unwrap();
        symlink(&secret, f.path("articles/passwd.md")).unwrap();
        let before = tree(f.dir.path());
        f.bitext(&["sync"])
            .assert()
            .code(2)
            .stderr_eq(snapbox::file!["snapshots/files/article-outside.stderr"]);
        assert!(before == tree(f.dir.path()));
        std::fs::remove_file(f.path("articles/passwd.md")).unwrap();

        std::fs::write(outside.path().join("shadow"), "root:$6$secret").unwrap();
        std::fs::remove_file(f.path("articles/summit.jpg")).unwrap();
        symlink(outside.path().join("shadow"), f.path("articles/summit.jpg")).unwrap();
        f.bitext(&["publish"]).assert().code(2);
        assert!(!f.path("public/assets/summit.jpg").exists());
    }

    fn mkfifo(path: &Path) {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(status.success());
    }

    #[test]
    fn a_fifo_or_a_device_is_refused_at_once_and_leaves_no_lock_behind() {
        let f = Fixture::init();
        f.write("articles/summit.md", common::ARTICLE);
        mkfifo(&f.path("articles/pipe.md"));
        f.bitext(&["sync"])
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr_eq(snapbox::file!["snapshots/files/article-fifo.stderr"]);
        std::fs::remove_file(f.path("articles/pipe.md")).unwrap();
        // A device inside the project is refused the same way (/dev/zero would grow without end).
        symlink("/dev/zero", f.path("articles/zero.md")).unwrap();
        f.bitext(&["sync"])
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2);
        std::fs::remove_file(f.path("articles/zero.md")).unwrap();
        f.bitext(&["sync"])
            .timeout(Duration::from_secs(20))
            .assert()
            .success();
        // A target file that is a FIFO: reported, not waited for.
        std::fs::remove_file(f.path("locales/ko/summit.ftl")).unwrap();
        mkfifo(&f.path("locales/ko/summit.ftl"));
        f.bitext(&["status"])
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr_eq(snapbox::file!["snapshots/files/target-fifo.stderr"]);
    }
}
