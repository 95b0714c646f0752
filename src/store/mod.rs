//! Files on disk: Fluent resources (exact escaping, entries that keep their source) and atomic
//! writes.

pub mod article_files;
pub mod escape;
pub mod ftl;
pub mod journal;
pub mod target;

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `text` to `path` atomically (a temporary file in the same folder, flushed to disk, then
/// renamed over the old one), creating folders as needed. A file that already holds exactly these
/// bytes is left alone. Returns whether the file was written.
pub fn write_atomic(path: &Path, text: &str) -> Result<bool> {
    write_atomic_bytes(path, text.as_bytes())
}

/// [`write_atomic`] for any bytes.
pub fn write_atomic_bytes(path: &Path, bytes: &[u8]) -> Result<bool> {
    if let Ok(old) = std::fs::read(path) {
        if old == bytes {
            return Ok(false);
        }
    }
    stage(path, bytes)?.commit()?;
    Ok(true)
}

/// A file's new content, written in full to a temporary file beside it and flushed to disk, but
/// not yet in its place: [`Staged::commit`] renames it over the old file. Dropped uncommitted,
/// the temporary file is removed and the old file is untouched.
///
/// Staging every file of a change first means that a full disk or any other failure to write
/// stops the change before any file of it is replaced.
#[derive(Debug)]
pub struct Staged {
    temp: tempfile::NamedTempFile,
    path: std::path::PathBuf,
}

/// Writes `bytes` to a temporary file in `path`'s folder (created as needed), ready to take its
/// place.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".bitext-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    temp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    temp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    Ok(Staged {
        temp,
        path: path.to_path_buf(),
    })
}

impl Staged {
    /// Where the file goes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the staged file over the old one.
    pub fn commit(self) -> Result<()> {
        self.temp
            .persist(&self.path)
            .map_err(|e| Error::io(&self.path, e.error))?;
        Ok(())
    }
}

/// Commits `staged` files in order. When one fails, the error says which files were already
/// replaced, so that a command never reports "nothing written" after writing something.
pub fn commit_all(staged: Vec<Staged>, root: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut written: Vec<std::path::PathBuf> = Vec::new();
    for file in staged {
        let path = file.path.clone();
        if let Err(err) = file.commit() {
            if written.is_empty() {
                return Err(err);
            }
            let list: Vec<String> = written
                .iter()
                .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
                .collect();
            return Err(Error::file(
                &path,
                format!("{err}; already written: {}", list.join(", ")),
            ));
        }
        written.push(path);
    }
    Ok(written)
}

/// A text file as read: LF line endings, no byte-order mark, and how it was written on disk.
#[derive(Debug, Clone, Default)]
pub struct TextFile {
    pub text: String,
    pub crlf: bool,
    pub bom: bool,
}

impl TextFile {
    /// `text` written the way this file was: CRLF line endings and a byte-order mark if it had them.
    pub fn same_style(&self, text: String) -> String {
        let text = if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        };
        if self.bom {
            format!("\u{feff}{text}")
        } else {
            text
        }
    }
}

/// Reads a file as UTF-8 text, without a leading byte-order mark and with CRLF line endings
/// turned into LF. Invalid UTF-8 is an error at the line and column of the first bad byte.
pub fn read_text(path: &Path) -> Result<TextFile> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode_text(path, bytes)
}

/// Like [`read_text`], but a missing file is `None`.
pub fn read_text_if_exists(path: &Path) -> Result<Option<TextFile>> {
    match std::fs::read(path) {
        Ok(bytes) => decode_text(path, bytes).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}

fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<TextFile> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            return Err(Error::at_offset(
                path,
                &prefix,
                valid,
                "not valid UTF-8 text (save the file as UTF-8)",
            ));
        }
    };
    let (text, bom) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest.to_string(), true),
        None => (text, false),
    };
    // A file is written back with the line endings most of its lines have.
    let crlf_lines = text.matches("\r\n").count();
    let crlf = crlf_lines > 0 && crlf_lines * 2 >= text.matches('\n').count();
    let text = if crlf {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    Ok(TextFile { text, crlf, bom })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/a.ftl");
        assert!(write_atomic(&path, "a = 1\n").unwrap());
        assert!(write_atomic(&path, "a = 2\n").unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a = 2\n");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.ftl"]);
    }

    #[test]
    fn identical_content_is_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ftl");
        write_atomic(&path, "a = 1\n").unwrap();
        let before = std::fs::metadata(&path).unwrap().modified().unwrap();
        assert!(!write_atomic(&path, "a = 1\n").unwrap());
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            before
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ftl");
        write_atomic(&path, "a = 1\n").unwrap();
        // The target is a folder now: the rename fails, and nothing else changes.
        let blocked = dir.path().join("b.ftl");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("x"), "x").unwrap();
        assert!(write_atomic(&blocked, "b = 1\n").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a = 1\n");
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count();
        assert_eq!(leftovers, 0);
    }

    #[test]
    fn line_endings_follow_most_of_the_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ftl");
        std::fs::write(&path, "\u{feff}a = 1\r\nb = 2\r\nc = 3\n").unwrap();
        let file = read_text(&path).unwrap();
        assert_eq!(file.text, "a = 1\nb = 2\nc = 3\n");
        assert!(file.crlf && file.bom);
        assert_eq!(file.same_style("x\n".into()), "\u{feff}x\r\n");
    }
}
