//! The project lock: one writer at a time, so that two bitext processes that write the same
//! project never lose each other's updates.
//!
//! Writers take an exclusive lock on `.bitext.lock` at the project root for the whole
//! read-modify-write. Readers take none: files are replaced atomically, so a reader sees either the
//! old or the new file, never half of one.
//!
//! While it holds the lock, a writer lists in the lock file each folder it makes a temporary file
//! in. A writer that is killed leaves the list behind, and the next one to take the lock removes
//! the temporary files left in those folders (and at the project root) before it does anything
//! else; a writer that ends normally empties the list. Taking the lock also guards the project folder
//! ([`crate::store::policy::guard`]): no symbolic link is followed out of it.
//!
//! The lock is a value: the one path that saves an article's files
//! ([`crate::article_files::ArticleFiles::open_for_writing`]) takes a `&ProjectLock`, and
//! a `ProjectLock` can only be had from [`ProjectLock::acquire`], so that a write without the lock
//! does not compile:
//!
//! ```compile_fail
//! // A lock cannot be made up: its fields are private.
//! let lock = bitext::store::lock::ProjectLock { root: std::path::PathBuf::new() };
//! ```

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::store::policy;

/// The lock file's name at the project root (not part of the project's state; ignored by git).
pub const LOCK_FILE: &str = ".bitext.lock";

/// Held while a command writes the project; released when dropped.
#[derive(Debug)]
pub struct ProjectLock {
    file: File,
    root: PathBuf,
}

/// A lock this process holds: its project root (as given, and as it really is) and its lock
/// file, with the folders already listed.
struct Held {
    root: PathBuf,
    real: PathBuf,
    file: File,
    listed: Vec<PathBuf>,
}

static HELD: Mutex<Vec<Held>> = Mutex::new(Vec::new());

impl ProjectLock {
    /// Waits for and takes the project's write lock, then removes the temporary files that a
    /// writer killed while it held the lock left behind.
    pub fn acquire(root: &Path) -> Result<ProjectLock> {
        policy::guard(root)?;
        let path = root.join(LOCK_FILE);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).read(true).write(true);
        #[cfg(unix)]
        {
            // Never through a link, and without waiting should it be a FIFO.
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let mut file = options.open(&path).map_err(|e| match e.raw_os_error() {
            #[cfg(unix)]
            Some(libc::ELOOP) => Error::file(
                &path,
                "a symbolic link: the lock file must be a plain file (remove the link)",
            ),
            _ => Error::io(&path, e),
        })?;
        let meta = file.metadata().map_err(|e| Error::io(&path, e))?;
        if !meta.is_file() {
            return Err(Error::file(
                &path,
                format!(
                    "{}, not a regular file: the lock file must be a plain file",
                    policy::kind(&meta)
                ),
            ));
        }
        file.lock().map_err(|e| Error::io(&path, e))?;
        let normalized = policy::normalize(root);
        let real = policy::real_path(root).map_err(|e| Error::io(root, e))?;
        // The project root too: `init` and `export` may write there.
        crate::store::remove_stale_temporary_files(root);
        for dir in listed_folders(&mut file) {
            // Only folders of this project, and never through a link that leads out of it.
            let inside = dir.starts_with(&normalized) || dir.starts_with(&real);
            if inside && policy::resolve_write(&dir).is_ok() {
                crate::store::remove_stale_temporary_files(&dir);
            }
        }
        clear(&file).map_err(|e| Error::io(&path, e))?;
        let held = file.try_clone().map_err(|e| Error::io(&path, e))?;
        HELD.lock().unwrap_or_else(|e| e.into_inner()).push(Held {
            root: normalized.clone(),
            real,
            file: held,
            listed: Vec::new(),
        });
        Ok(ProjectLock {
            file,
            root: normalized,
        })
    }

    /// The root of the project this lock is for.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = held.iter().position(|h| h.root == self.root) {
            held.remove(i);
        }
        // Every temporary file was renamed or removed: nothing is left to sweep.
        let _ = clear(&self.file);
    }
}

/// Lists `dir` in the lock file of the lock this process holds on the project `dir` is in, if
/// any, before a temporary file is made there.
pub(crate) fn note_temporary_folder(dir: &Path) {
    let dir = policy::normalize(dir);
    let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
    // Writes name the folder as it really is.
    let Some(lock) = held
        .iter_mut()
        .filter(|h| dir.starts_with(&h.root) || dir.starts_with(&h.real))
        .max_by_key(|h| h.root.components().count())
    else {
        return;
    };
    if lock.listed.contains(&dir) {
        return;
    }
    let mut line = dir.as_os_str().as_encoded_bytes().to_vec();
    line.push(b'\n');
    // Best effort: should it fail, the folder is still swept by the next write into it.
    if lock.file.seek(SeekFrom::End(0)).is_ok() && lock.file.write_all(&line).is_ok() {
        lock.listed.push(dir);
    }
}

/// The folders listed in a lock file.
fn listed_folders(file: &mut File) -> Vec<PathBuf> {
    let mut bytes = Vec::new();
    if file.seek(SeekFrom::Start(0)).is_err() || file.read_to_end(&mut bytes).is_err() {
        return Vec::new();
    }
    bytes
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .filter_map(folder_path)
        .filter(|p| p.is_absolute())
        .collect()
}

#[cfg(unix)]
fn folder_path(line: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(line)))
}

#[cfg(not(unix))]
fn folder_path(line: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(line).ok().map(PathBuf::from)
}

fn clear(mut file: &File) -> std::io::Result<()> {
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0)).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_files_left_in_listed_folders_are_removed_by_the_next_holder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let folder = root.join("locales/ko");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(".bitext-AbC123.tmp"), "half").unwrap();
        std::fs::write(folder.join("keep.tmp"), "not ours").unwrap();
        // What a killed writer leaves: the folder listed in the lock file.
        let listed = format!("{}\n/etc\n", policy::normalize(&folder).display());
        std::fs::write(root.join(LOCK_FILE), listed).unwrap();
        let lock = ProjectLock::acquire(root).unwrap();
        let mut names: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["keep.tmp"]);
        assert_eq!(std::fs::read(root.join(LOCK_FILE)).unwrap(), b"");
        // A write under the lock lists its folder; releasing the lock empties the list.
        crate::store::write_atomic(&folder.join("a.ftl"), "a = 1\n").unwrap();
        let text = std::fs::read_to_string(root.join(LOCK_FILE)).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
        drop(lock);
        assert_eq!(std::fs::read(root.join(LOCK_FILE)).unwrap(), b"");
    }

    #[cfg(unix)]
    #[test]
    fn a_project_reached_through_a_link_lists_and_sweeps_its_real_folders() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir_all(real.join("locales/ko")).unwrap();
        std::os::unix::fs::symlink(&real, dir.path().join("link")).unwrap();
        let root = dir.path().join("link");
        let lock = ProjectLock::acquire(&root).unwrap();
        crate::store::write_atomic(&root.join("locales/ko/a.ftl"), "a = 1\n").unwrap();
        let listed = std::fs::read_to_string(real.join(LOCK_FILE)).unwrap();
        let folder = std::fs::canonicalize(real.join("locales/ko")).unwrap();
        assert_eq!(listed, format!("{}\n", folder.display()));
        drop(lock);
        // A writer killed there leaves this behind.
        std::fs::write(folder.join(".bitext-XyZ123.tmp"), "half").unwrap();
        std::fs::write(real.join(LOCK_FILE), listed).unwrap();
        let _lock = ProjectLock::acquire(&root).unwrap();
        assert!(!folder.join(".bitext-XyZ123.tmp").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path().join("x"), dir.path().join(LOCK_FILE)).unwrap();
        let err = ProjectLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(err.contains("a symbolic link"), "{err}");
        assert!(!elsewhere.path().join("x").exists());
    }
}
