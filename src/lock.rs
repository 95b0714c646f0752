//! The project lock: one writer at a time, so that two bitext processes that write the same
//! project never lose each other's updates.
//!
//! Writers take an exclusive lock on `.bitext.lock` at the project root for the whole
//! read-modify-write. Readers take none: files are replaced atomically, so a reader sees either the
//! old or the new file, never half of one.
//!
//! The lock is a value: the one path that saves an article's files
//! ([`crate::store::article_files::ArticleFiles::load_for_writing`]) takes a `&ProjectLock`, and a
//! `ProjectLock` can only be had from [`ProjectLock::acquire`], so that a write without the lock
//! does not compile:
//!
//! ```compile_fail
//! // A lock cannot be made up: its fields are private.
//! let lock = bitext::lock::ProjectLock { root: std::path::PathBuf::new() };
//! ```

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file's name at the project root (not part of the project's state; ignored by git).
pub const LOCK_FILE: &str = ".bitext.lock";

/// Held while a command writes the project; released when dropped.
#[derive(Debug)]
pub struct ProjectLock {
    _file: File,
    root: PathBuf,
}

impl ProjectLock {
    /// Waits for and takes the project's write lock.
    pub fn acquire(root: &Path) -> Result<ProjectLock> {
        let path = root.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        file.lock().map_err(|e| Error::io(&path, e))?;
        Ok(ProjectLock {
            _file: file,
            root: root.to_path_buf(),
        })
    }

    /// The root of the project this lock holds.
    pub fn root(&self) -> &Path {
        &self.root
    }
}
