//! Files on disk: Fluent resources (exact escaping, entries that keep their source), atomic
//! writes, and the one place where bitext opens a file to read or write it.
//!
//! Every read and write goes through [`policy`]: inside the project (and the output folder of
//! `publish`) no symbolic link is followed out of it, and only regular files are read, up to
//! [`policy::MAX_FILE_BYTES`]. Writes are atomic, keep the file's permissions (a new file follows
//! the umask), and leave no temporary file that the next command does not remove.

pub mod escape;
pub mod ftl;
pub mod journal;
pub mod lock;
pub mod nesting;
pub mod policy;
pub mod sieve;
pub mod target;

use std::collections::HashSet;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

pub use policy::MAX_FILE_BYTES;

/// Temporary files are `.bitext-XXXXXX.tmp`, beside the file they replace.
const TEMP_PREFIX: &str = ".bitext-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes `text` to `path` atomically (a temporary file in the same folder, flushed to disk, then
/// renamed over the old one), creating folders as needed. A file that already holds exactly these
/// bytes is left alone. Returns whether the file was written.
///
/// The new file keeps the old one's permissions (and group, where the system allows it); a file
/// that did not exist gets the permissions the umask gives. A path inside a guarded folder that
/// resolves outside it is refused ([`policy`]).
pub fn write_atomic(path: &Path, text: &str) -> Result<bool> {
    write_atomic_bytes(path, text.as_bytes())
}

/// Where a write of `path` goes under the [`policy`]: the file (links resolved inside the guarded
/// folder), its folder, and the file there now when there is one.
fn write_target(path: &Path) -> Result<(PathBuf, PathBuf, Option<std::fs::Metadata>)> {
    let target = policy::resolve_write(path)?;
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temporary_files_once(&dir);
    let old = match std::fs::metadata(&target) {
        Ok(meta) if meta.is_file() => Some(meta),
        Ok(meta) => {
            return Err(Error::file(
                path,
                format!(
                    "{}, not a regular file: bitext writes only regular files",
                    policy::kind(&meta)
                ),
            ))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(path, e)),
    };
    Ok((target, dir, old))
}

/// [`write_atomic`] for any bytes.
pub fn write_atomic_bytes(path: &Path, bytes: &[u8]) -> Result<bool> {
    let (target, dir, old) = write_target(path)?;
    if let Some(meta) = &old {
        if meta.len() == bytes.len() as u64 {
            let file = policy::open_nonblocking(&target, false).map_err(|e| Error::io(path, e))?;
            if read_open(file, path)? == bytes {
                return Ok(false);
            }
        }
    }
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    crate::store::lock::note_temporary_folder(&dir);
    // A temporary file that a sweep of stale ones took before it was locked is made again.
    let mut attempts = 0;
    loop {
        attempts += 1;
        let file = temporary_file(&dir, old.as_ref())?;
        let Some(mut file) = file else { continue };
        file.write_all(bytes).map_err(|e| Error::io(path, e))?;
        file.as_file().sync_all().map_err(|e| Error::io(path, e))?;
        match file.persist(&target) {
            Ok(_) => return Ok(true),
            Err(e) if e.error.kind() == std::io::ErrorKind::NotFound && attempts < 3 => {}
            Err(e) => return Err(Error::io(path, e.error)),
        }
    }
}

/// A file's new content, written in full to a temporary file beside it and flushed to disk, but
/// not yet in its place: [`Staged::commit`] renames it over the old file. Dropped uncommitted,
/// the temporary file is removed and the old file is untouched.
///
/// Staging every file of a change first means that a full disk or any other failure to write
/// stops the change before any file of it is replaced. The temporary file follows the
/// [`policy`] as [`write_atomic`] does: it keeps the old file's permissions, and is locked while
/// it is open, so that no sweep of stale temporary files takes it.
#[derive(Debug)]
pub struct Staged {
    temp: tempfile::NamedTempFile,
    /// Where it goes, as asked (for messages) and as resolved.
    path: PathBuf,
    target: PathBuf,
}

/// Writes `bytes` to a temporary file in `path`'s folder (created as needed), ready to take its
/// place.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    let (temp, target) = write_temporary(path, bytes)?;
    temp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    Ok(Staged {
        temp,
        path: path.to_path_buf(),
        target,
    })
}

/// A temporary file in `path`'s folder (created as needed) that holds `bytes`, not yet flushed,
/// and the file it is to replace.
fn write_temporary(path: &Path, bytes: &[u8]) -> Result<(tempfile::NamedTempFile, PathBuf)> {
    let (target, dir, old) = write_target(path)?;
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    crate::store::lock::note_temporary_folder(&dir);
    for _ in 0..3 {
        let Some(mut temp) = temporary_file(&dir, old.as_ref())? else {
            continue;
        };
        // A sweep may have taken it before it was locked: then it is made again.
        if !temp.path().exists() {
            continue;
        }
        temp.write_all(bytes).map_err(|e| Error::io(path, e))?;
        return Ok((temp, target));
    }
    Err(Error::file(
        path,
        "no temporary file could be made beside it",
    ))
}

impl Staged {
    /// Where the file goes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the staged file over the old one.
    pub fn commit(self) -> Result<()> {
        self.temp
            .persist(&self.target)
            .map_err(|e| Error::io(&self.path, e.error))?;
        Ok(())
    }
}

/// Commits `staged` files in order. When one fails, the error says which files were already
/// replaced, so that a command never reports "nothing written" after writing something.
pub fn commit_all(staged: Vec<Staged>, root: &Path) -> Result<Vec<PathBuf>> {
    let mut written: Vec<PathBuf> = Vec::new();
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

/// A new temporary file in `dir`, locked for as long as it is open (a sweep of stale temporary
/// files removes only unlocked ones), with the permissions of the file it will replace. `None`
/// when a sweep holds it: it is about to be removed.
fn temporary_file(
    dir: &Path,
    old: Option<&std::fs::Metadata>,
) -> Result<Option<tempfile::NamedTempFile>> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    if old.is_none() {
        // The mode a new file gets from open(2): 0666 less the umask.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let file = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    match file.as_file().try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
        Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(file.path(), e)),
    }
    if let Some(old) = old {
        keep_owner_and_mode(file.as_file(), old).map_err(|e| Error::io(file.path(), e))?;
    }
    Ok(Some(file))
}

/// Gives `file` the group (and owner, when running as root) and the permissions of `old`.
fn keep_owner_and_mode(file: &File, old: &std::fs::Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        // Changing the owner needs privileges, and a group only one we are in: best effort.
        if new.gid() != old.gid() {
            let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
        }
        if new.uid() != old.uid() {
            let _ = std::os::unix::fs::fchown(file, Some(old.uid()), None);
        }
    }
    file.set_permissions(old.permissions())
}

/// Folders this process has already swept of stale temporary files.
static SWEPT: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

fn remove_stale_temporary_files_once(dir: &Path) {
    let first = SWEPT
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(HashSet::new)
        .insert(dir.to_path_buf());
    if first {
        remove_stale_temporary_files(dir);
    }
}

/// Removes the temporary files of bitext's own in `dir` (`.bitext-*.tmp`) that no live process is
/// writing: those a killed bitext left behind. A file being written is locked by its writer and
/// stays. Returns how many were removed; a folder that cannot be read is left alone.
pub fn remove_stale_temporary_files(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        // Only regular files: bitext never makes a link or anything else by that name.
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = policy::open_nonblocking(&path, true) else {
            continue;
        };
        if file.try_lock().is_ok() && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// [`remove_stale_temporary_files`] in `dir` and every folder under it (not through links).
/// Returns how many were removed.
pub fn remove_stale_temporary_files_below(dir: &Path) -> usize {
    let mut removed = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        removed += remove_stale_temporary_files(&dir);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(entry.path());
            }
        }
    }
    removed
}

/// Writes `bytes` to `path` as [`write_atomic_bytes`] does (a whole new file renamed over the
/// old one), but without flushing it to disk first and whatever the old file held: for a file
/// that can be made again from the others, such as a cache, where losing the last write in a
/// crash loses nothing.
pub(crate) fn write_unflushed(path: &Path, bytes: &[u8]) -> Result<()> {
    for _ in 0..3 {
        let (temp, target) = write_temporary(path, bytes)?;
        match temp.persist(&target) {
            Ok(_) => return Ok(()),
            // A sweep took the temporary file before the rename: it is made again.
            Err(e) if e.error.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(path, e.error)),
        }
    }
    Err(Error::file(
        path,
        "no temporary file could be made beside it",
    ))
}

/// Like [`read_bytes_if_exists`], with the metadata of the file that was read (taken from the
/// open file, so that it describes the very bytes read).
pub(crate) fn read_bytes_with_meta(path: &Path) -> Result<Option<(Vec<u8>, std::fs::Metadata)>> {
    let Some(file) = policy::open_read(path)? else {
        return Ok(None);
    };
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    Ok(Some((read_open_with(file, meta.clone(), path)?, meta)))
}

/// Reads the regular file `file` (opened from `shown`, the path for messages), up to
/// [`MAX_FILE_BYTES`].
fn read_open(file: File, shown: &Path) -> Result<Vec<u8>> {
    let meta = file.metadata().map_err(|e| Error::io(shown, e))?;
    read_open_with(file, meta, shown)
}

/// [`read_open`] of a file whose metadata `meta` was read.
fn read_open_with(file: File, meta: std::fs::Metadata, shown: &Path) -> Result<Vec<u8>> {
    if !meta.is_file() {
        return Err(Error::file(
            shown,
            format!(
                "{}, not a regular file: bitext reads only regular files",
                policy::kind(&meta)
            ),
        ));
    }
    let too_large = |size: u64| {
        Error::file(
            shown,
            format!(
                "the file is {} MiB, larger than the {} MiB bitext reads",
                size.div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let bytes = read_all(file, meta.len()).map_err(|e| Error::io(shown, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The bytes of `file`, whose size was `size` (at most [`MAX_FILE_BYTES`]), read to its end or to
/// one byte past [`MAX_FILE_BYTES`]. A file that is as large as it was takes one read (reading
/// through [`Read::take`] would read it 8 KiB at a time, and then look for its end): a read of
/// a regular file that gives fewer bytes than asked for has reached its end, and one that gives
/// exactly the size the file had is taken as the whole file, as if it had been read a moment
/// before it grew.
fn read_all(mut file: File, size: u64) -> std::io::Result<Vec<u8>> {
    let size = usize::try_from(size).unwrap_or(0);
    let mut bytes = vec![0; size + 1];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => {
                bytes.truncate(filled);
                return Ok(bytes);
            }
            Ok(n) if filled == 0 && n == size => {
                bytes.truncate(n);
                return Ok(bytes);
            }
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    // The file grew since its size was read: the rest, up to the limit.
    file.take((MAX_FILE_BYTES + 1).saturating_sub(filled as u64))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads a file's bytes under the [`policy`]: a regular file, inside its guarded folder.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    read_bytes_if_exists(path)?
        .ok_or_else(|| Error::io(path, std::io::Error::from(std::io::ErrorKind::NotFound)))
}

/// Like [`read_bytes`], but a missing file is `None`.
pub fn read_bytes_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    match policy::open_read(path)? {
        Some(file) => read_open(file, path).map(Some),
        None => Ok(None),
    }
}

/// Removes the file at `path` under the [`policy`]: never through a folder that leads out of its
/// guarded folder. Returns whether there was a file to remove.
pub fn remove_file(path: &Path) -> Result<bool> {
    policy::check_remove(path)?;
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// A text file as read: LF line endings, no byte-order mark, and how it was written on disk.
#[derive(Debug, Clone, Default)]
pub struct TextFile {
    pub text: String,
    /// The line endings most of its lines had, which it is written back with.
    pub line_end: LineEnd,
    pub bom: bool,
}

/// A file's line endings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LineEnd {
    /// `\n`, as Unix and bitext write.
    #[default]
    Lf,
    /// `\r\n`, as Windows editors write.
    CrLf,
    /// `\r` alone, as classic Mac OS editors wrote.
    Cr,
}

impl TextFile {
    /// `text` (LF line endings) written the way this file was: its line endings and a byte-order
    /// mark if it had them.
    pub fn same_style(&self, text: String) -> String {
        let text = match self.line_end {
            LineEnd::Lf => text,
            LineEnd::CrLf => text.replace('\n', "\r\n"),
            LineEnd::Cr => text.replace('\n', "\r"),
        };
        if self.bom {
            format!("\u{feff}{text}")
        } else {
            text
        }
    }
}

/// Reads a file as UTF-8 text, without a leading byte-order mark and with every line ending (CRLF,
/// or CR alone) turned into LF. Invalid UTF-8 is an error at the line and column of the first bad byte.
pub fn read_text(path: &Path) -> Result<TextFile> {
    decode_text(path, read_bytes(path)?)
}

/// Like [`read_text`], but a missing file is `None`.
pub fn read_text_if_exists(path: &Path) -> Result<Option<TextFile>> {
    match read_bytes_if_exists(path)? {
        Some(bytes) => decode_text(path, bytes).map(Some),
        None => Ok(None),
    }
}

pub(crate) fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<TextFile> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Err(utf8_error(path, e.as_bytes())),
    };
    let (text, bom) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest.to_string(), true),
        None => (text, false),
    };
    let (text, line_end) = normalize_line_ends(text);
    Ok(TextFile {
        text,
        line_end,
        bom,
    })
}

/// `text` with every line ending (`\r\n`, `\r` or `\n`) turned into `\n`, and the kind most of
/// its lines end with (on a tie, LF before CRLF before CR). A lone carriage return is a line
/// ending, as every editor shows it: bitext never writes one inside a line (the store escapes it).
/// The error for `bytes` that are not UTF-8: at the line and column of the first bad byte.
fn utf8_error(path: &Path, bytes: &[u8]) -> Error {
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
    let prefix = String::from_utf8_lossy(&bytes[..valid]);
    Error::at_offset(
        path,
        &prefix,
        valid,
        "not valid UTF-8 text (save the file as UTF-8)",
    )
}

/// A file's bytes, decoded as [`decode_text`] does but without copying them when they need no
/// change: the text of most files is their bytes as they are.
#[derive(Debug)]
pub(crate) struct TextBytes {
    /// The text's bytes (LF line endings, no byte-order mark), checked as UTF-8 by
    /// [`TextBytes::text`].
    pub bytes: Vec<u8>,
    /// How the file was written; its `text` is empty.
    pub style: TextFile,
}

impl TextBytes {
    /// Decodes a file's bytes: a file with a byte-order mark or a carriage return through
    /// [`decode_text`]; any other one is its bytes, to be checked by [`TextBytes::text`].
    pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<TextBytes> {
        if bytes.starts_with("\u{feff}".as_bytes()) || memchr::memchr(b'\r', &bytes).is_some() {
            let mut style = decode_text(path, bytes)?;
            let bytes = std::mem::take(&mut style.text).into_bytes();
            return Ok(TextBytes { bytes, style });
        }
        Ok(TextBytes {
            bytes,
            style: TextFile::default(),
        })
    }

    /// The text, or the error of [`decode_text`] for bytes that are not UTF-8. The check is a
    /// vectorized one, several times faster than the standard library's on text that is not
    /// ASCII (a search checks every file of the archive).
    pub fn text<'b>(bytes: &'b [u8], path: &Path) -> Result<&'b str> {
        simdutf8::basic::from_utf8(bytes).map_err(|_| utf8_error(path, bytes))
    }
}

fn normalize_line_ends(text: String) -> (String, LineEnd) {
    // Most files have no carriage return at all: one scan for it, instead of three counts.
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return (text, LineEnd::Lf);
    }
    let crlf = text.matches("\r\n").count();
    let cr = text.matches('\r').count() - crlf;
    let lf = text.matches('\n').count() - crlf;
    let line_end = if cr > lf && cr > crlf {
        LineEnd::Cr
    } else if crlf > 0 && crlf >= lf {
        LineEnd::CrLf
    } else {
        LineEnd::Lf
    };
    if cr + crlf == 0 {
        return (text, line_end);
    }
    (text.replace("\r\n", "\n").replace('\r', "\n"), line_end)
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
    fn only_temporary_files_no_process_is_writing_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".bitext-AAAAAA.tmp");
        let live = dir.path().join(".bitext-BBBBBB.tmp");
        let other = dir.path().join(".bitext-CCCCCC.txt");
        for path in [&stale, &live, &other] {
            std::fs::write(path, "x").unwrap();
        }
        // A writer holds its temporary file locked while it writes it.
        let writer = File::open(&live).unwrap();
        writer.lock().unwrap();
        assert_eq!(remove_stale_temporary_files(dir.path()), 1);
        assert!(!stale.exists() && live.exists() && other.exists());
        drop(writer);
        assert_eq!(remove_stale_temporary_files(dir.path()), 1);
        assert!(!live.exists());
        let deep = dir.path().join("ko/2021/08");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join(".bitext-DDDDDD.tmp"), "x").unwrap();
        assert_eq!(remove_stale_temporary_files_below(dir.path()), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_follows_the_umask_and_a_rewritten_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ftl");
        write_atomic(&path, "a = 1\n").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Not the 0600 of a temporary file: 0666 less the test's umask (which keeps the owner's
        // read and write).
        assert_eq!(mode & 0o600, 0o600);
        assert_ne!(mode, 0o600, "the temporary file's mode survived");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, "a = 2\n").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pipe.md");
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        let err = read_text(&path).unwrap_err().to_string();
        assert!(err.ends_with("a FIFO, not a regular file: bitext reads only regular files"));
        let err = write_atomic(&path, "x").unwrap_err().to_string();
        assert!(err.contains("a FIFO, not a regular file"), "{err}");
    }

    #[test]
    fn a_file_larger_than_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        let file = File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = read_text(&path).unwrap_err().to_string();
        assert!(
            err.ends_with("the file is 65 MiB, larger than the 64 MiB bitext reads"),
            "{err}"
        );
    }

    #[test]
    fn line_endings_follow_most_of_the_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ftl");
        std::fs::write(&path, "\u{feff}a = 1\r\nb = 2\r\nc = 3\n").unwrap();
        let file = read_text(&path).unwrap();
        assert_eq!(file.text, "a = 1\nb = 2\nc = 3\n");
        assert!(file.line_end == LineEnd::CrLf && file.bom);
        assert_eq!(file.same_style("x\n".into()), "\u{feff}x\r\n");
    }

    #[test]
    fn carriage_returns_alone_are_line_endings_and_are_written_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ftl");
        std::fs::write(&path, "# c\ra = 1\r\rb = 2\r").unwrap();
        let file = read_text(&path).unwrap();
        assert_eq!(file.text, "# c\na = 1\n\nb = 2\n");
        assert_eq!(file.line_end, LineEnd::Cr);
        assert_eq!(file.same_style(file.text.clone()), "# c\ra = 1\r\rb = 2\r");
    }

    #[test]
    fn mixed_line_endings_are_all_read_and_the_most_common_is_kept() {
        let (text, end) = normalize_line_ends("a\rb\rc\r\nd\ne\r".into());
        assert_eq!((text.as_str(), end), ("a\nb\nc\nd\ne\n", LineEnd::Cr));
        let (text, end) = normalize_line_ends("a\r\nb\nc\r\nd\re\n".into());
        assert_eq!((text.as_str(), end), ("a\nb\nc\nd\ne\n", LineEnd::CrLf));
        let (text, end) = normalize_line_ends("a\nb\rc\n".into());
        assert_eq!((text.as_str(), end), ("a\nb\nc\n", LineEnd::Lf));
        assert_eq!(normalize_line_ends(String::new()).1, LineEnd::Lf);
    }
}
