//! Files on disk: Fluent resources (exact escaping, entries that keep their source) and atomic
//! writes.

pub mod escape;
pub mod ftl;
pub mod target;

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `text` to `path` atomically (a temporary file in the same folder, flushed to disk, then
/// renamed over the old one), creating folders as needed. A file that already holds exactly these
/// bytes is left alone. Returns whether the file was written.
pub fn write_atomic(path: &Path, text: &str) -> Result<bool> {
    if let Ok(old) = std::fs::read(path) {
        if old == text.as_bytes() {
            return Ok(false);
        }
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut file = tempfile::Builder::new()
        .prefix(".bitext-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    file.write_all(text.as_bytes()).map_err(|e| Error::io(path, e))?;
    file.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    file.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(true)
}

/// Text with LF line endings turned into CRLF, for a file that used CRLF.
pub fn with_line_endings(text: String, crlf: bool) -> String {
    if crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    }
}
