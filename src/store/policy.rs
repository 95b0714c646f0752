//! Where bitext may read and write: the file-access policy that every read and write of the store
//! goes through.
//!
//! A folder that bitext works in (a project while its lock is held, the output folder `publish`
//! was given) is *guarded*. Inside a guarded folder, a path is used only if it resolves inside
//! that folder: a symbolic link that stays inside is followed, one that leads out is refused, for
//! reading, writing and deleting alike, and writing through a link to nothing is refused too. Paths outside every guarded folder (a file
//! named on the command line, such as an import file or `export -o`) are used as given.
//!
//! Whatever the folder, bitext reads only regular files: a device, a FIFO or a socket is refused
//! without being read (a FIFO is opened without waiting for a writer), and so is a file larger
//! than [`MAX_FILE_BYTES`].

use std::collections::HashMap;
use std::fs::File;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, RwLock};

use crate::error::{Error, Result};

/// The largest file bitext reads (64 MiB): anything larger is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A guarded folder: the path bitext was given, the path it really is, and what it is.
#[derive(Debug, Clone)]
struct Area {
    lexical: PathBuf,
    real: PathBuf,
    output: bool,
}

static AREAS: RwLock<Vec<Area>> = RwLock::new(Vec::new());

/// Folders already resolved, lexical → real, so that reading many files of one folder resolves
/// it once.
static RESOLVED: Mutex<Option<HashMap<PathBuf, PathBuf>>> = Mutex::new(None);

/// Guards the project folder `dir` for the rest of the process: from now on, a path inside it is
/// read, written or removed only if it resolves inside it. Guarding a folder twice is harmless.
pub fn guard(dir: &Path) -> Result<()> {
    add_area(dir, false)
}

/// [`guard`] for an output folder (`publish --out`).
pub fn guard_output(dir: &Path) -> Result<()> {
    add_area(dir, true)
}

fn add_area(dir: &Path, output: bool) -> Result<()> {
    let lexical = normalize(dir);
    let real = real_path(&lexical).map_err(|e| Error::io(dir, e))?;
    let mut areas = AREAS.write().unwrap_or_else(|e| e.into_inner());
    if !areas.iter().any(|a| a.lexical == lexical) {
        areas.push(Area {
            lexical,
            real,
            output,
        });
    }
    Ok(())
}

/// `path` made absolute, with `.` and `..` resolved without reading the file system.
///
/// ```
/// # #[cfg(unix)]
/// assert_eq!(
///     bitext::store::policy::normalize(std::path::Path::new("/a/./b/../c")),
///     std::path::Path::new("/a/c")
/// );
/// ```
pub fn normalize(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// What `path` really is, symbolic links resolved, for a path that may not exist yet: its
/// deepest existing folder resolved, with the rest of the path after it.
pub fn real_path(path: &Path) -> std::io::Result<PathBuf> {
    let path = normalize(path);
    let mut existing = path.as_path();
    let mut rest: Vec<&std::ffi::OsStr> = Vec::new();
    loop {
        match std::fs::canonicalize(existing) {
            Ok(real) => {
                let mut real = real;
                real.extend(rest.iter().rev());
                return Ok(real);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                match std::fs::symlink_metadata(existing) {
                    // A dangling symbolic link is not a path that does not exist yet.
                    Ok(meta) if meta.file_type().is_symlink() => return Err(e),
                    // Made meanwhile (another thread creating the same folders): again.
                    Ok(_) => continue,
                    Err(_) => {}
                }
                match (existing.parent(), existing.file_name()) {
                    (Some(parent), Some(name)) => {
                        rest.push(name);
                        existing = parent;
                    }
                    _ => return Err(e),
                }
            }
            Err(e) => return Err(e),
        }
    }
}

/// The innermost guarded folder that `path` (normalized) is in.
fn area_of(path: &Path) -> Option<Area> {
    let areas = AREAS.read().unwrap_or_else(|e| e.into_inner());
    areas
        .iter()
        .filter(|a| path.starts_with(&a.lexical))
        .max_by_key(|a| a.lexical.components().count())
        .cloned()
}

fn outside(path: &Path, real: &Path, area: &Area) -> Error {
    Error::file(
        path,
        format!(
            "a symbolic link leads out of the {} (to {}): bitext reads and writes only inside \
             the project and the output folder it was given",
            if area.output {
                "output folder"
            } else {
                "project"
            },
            real.display()
        ),
    )
}

/// A folder resolved, through the cache.
fn real_folder(dir: &Path) -> std::io::Result<PathBuf> {
    {
        let cache = RESOLVED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(real) = cache.as_ref().and_then(|c| c.get(dir)) {
            return Ok(real.clone());
        }
    }
    let real = std::fs::canonicalize(dir)?;
    let mut cache = RESOLVED.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .get_or_insert_with(HashMap::new)
        .insert(dir.to_path_buf(), real.clone());
    Ok(real)
}

/// Opens `path` to read it: as given outside every guarded folder; inside one, only if the file
/// it resolves to is inside that folder. `None` when there is no such file. The file is opened
/// without waiting (a FIFO opens at once); whether it is a regular file is the reader's check.
///
/// The folder is resolved once for all its files; the file itself is opened without following
/// a link, so that a plain file costs no more than its open, and only a link is resolved.
pub fn open_read(path: &Path) -> Result<Option<File>> {
    let not_found = |e: &std::io::Error| e.kind() == std::io::ErrorKind::NotFound;
    let lexical = normalize(path);
    let Some(area) = area_of(&lexical) else {
        return match open_nonblocking(path, false) {
            Ok(file) => Ok(Some(file)),
            Err(e) if not_found(&e) => Ok(None),
            Err(e) => Err(Error::io(path, e)),
        };
    };
    if let (Some(dir), Some(name)) = (lexical.parent(), lexical.file_name()) {
        match real_folder(dir) {
            Ok(real) if real.starts_with(&area.real) => {}
            Ok(real) => return Err(outside(path, &real.join(name), &area)),
            Err(e) if not_found(&e) => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    match open_nonblocking(&lexical, true) {
        Ok(file) => Ok(Some(file)),
        Err(e) if not_found(&e) => Ok(None),
        Err(e) if is_link_error(&e) => match std::fs::canonicalize(&lexical) {
            Ok(real) if real.starts_with(&area.real) => match open_nonblocking(&real, false) {
                Ok(file) => Ok(Some(file)),
                Err(e) if not_found(&e) => Ok(None),
                Err(e) => Err(Error::io(path, e)),
            },
            Ok(real) => Err(outside(path, &real, &area)),
            Err(e) if not_found(&e) => Ok(None),
            Err(e) => Err(Error::io(path, e)),
        },
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Opens `path` to read it without waiting: a FIFO opens at once, even with no writer. With
/// `nofollow`, a symbolic link is not followed (opening it fails, see [`is_link_error`]).
pub(crate) fn open_nonblocking(path: &Path, nofollow: bool) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = libc::O_NONBLOCK | if nofollow { libc::O_NOFOLLOW } else { 0 };
        options.custom_flags(flags);
    }
    #[cfg(not(unix))]
    if nofollow && std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::other("a symbolic link"));
    }
    options.open(path)
}

/// Whether opening without following links failed because the path is a link.
fn is_link_error(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        e.kind() == std::io::ErrorKind::Other
    }
}

/// The path to write `path` at: `path` itself outside every guarded folder; inside one, the file
/// it resolves to (a symbolic link that stays inside is written through and stays a link), which
/// must be inside that folder, and so must every folder that is created for it.
pub fn resolve_write(path: &Path) -> Result<PathBuf> {
    let lexical = normalize(path);
    let Some(area) = area_of(&lexical) else {
        return Ok(path.to_path_buf());
    };
    let real = match std::fs::symlink_metadata(&lexical) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(&lexical).map_err(|_| {
                let to = std::fs::read_link(&lexical).unwrap_or_default();
                Error::file(
                    path,
                    format!(
                        "a symbolic link to {}, which does not exist: bitext does not write \
                         through it",
                        to.display()
                    ),
                )
            })?
        }
        _ => real_path(&lexical).map_err(|e| Error::io(path, e))?,
    };
    if !real.starts_with(&area.real) {
        return Err(outside(path, &real, &area));
    }
    Ok(real)
}

/// Checks that removing `path` removes nothing outside its guarded folder: the folder it is in
/// must resolve inside. (Removing a symbolic link removes the link, never what it names.)
pub fn check_remove(path: &Path) -> Result<()> {
    let lexical = normalize(path);
    let Some(area) = area_of(&lexical) else {
        return Ok(());
    };
    let parent = lexical.parent().unwrap_or(&lexical);
    let real = real_path(parent).map_err(|e| Error::io(path, e))?;
    if !real.starts_with(&area.real) {
        return Err(outside(path, &real, &area));
    }
    Ok(())
}

/// What kind of file `meta` describes, for a message.
pub(crate) fn kind(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_path_that_does_not_exist_yet_resolves_through_its_existing_folders() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        symlink(dir.path().join("a"), dir.path().join("link")).unwrap();
        assert_eq!(
            real_path(&dir.path().join("link/b/c.ftl")).unwrap(),
            real.join("a/b/c.ftl")
        );
        symlink(dir.path().join("nowhere"), dir.path().join("dangling")).unwrap();
        assert!(real_path(&dir.path().join("dangling/x")).is_err());
    }

    #[test]
    fn inside_a_guarded_folder_links_may_stay_inside_but_not_lead_out() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("project");
        let elsewhere = outer.path().join("elsewhere");
        std::fs::create_dir_all(root.join("locales/ko")).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(root.join("locales/ko/a.ftl"), "a = 1\n").unwrap();
        std::fs::write(elsewhere.join("b.ftl"), "b = 1\n").unwrap();
        symlink(
            root.join("locales/ko/a.ftl"),
            root.join("locales/ko/same.ftl"),
        )
        .unwrap();
        symlink(&elsewhere, root.join("locales/ru")).unwrap();
        // Nothing is refused before the folder is guarded.
        assert!(resolve_write(&root.join("locales/ru/b.ftl")).is_ok());
        guard(&root).unwrap();
        let real_root = std::fs::canonicalize(&root).unwrap();
        let read = |rel: &str| -> Result<Option<String>> {
            Ok(open_read(&root.join(rel))?.map(|mut f| {
                let mut text = String::new();
                std::io::Read::read_to_string(&mut f, &mut text).unwrap();
                text
            }))
        };
        assert_eq!(
            read("locales/ko/same.ftl").unwrap().as_deref(),
            Some("a = 1\n")
        );
        assert_eq!(
            resolve_write(&root.join("locales/ko/same.ftl")).unwrap(),
            real_root.join("locales/ko/a.ftl")
        );
        for result in [
            read("locales/ru/b.ftl").map(|_| ()),
            read("locales/ru/missing.ftl").map(|_| ()),
            resolve_write(&root.join("locales/ru/b.ftl")).map(|_| ()),
            resolve_write(&root.join("locales/ru/new/c.ftl")).map(|_| ()),
            check_remove(&root.join("locales/ru/b.ftl")),
        ] {
            let err = result.unwrap_err().to_string();
            assert!(err.contains("a symbolic link leads out of"), "{err}");
        }
        // A path outside every guarded folder is used as given.
        assert!(resolve_write(&elsewhere.join("b.ftl")).is_ok());
        assert_eq!(read("locales/ko/none.ftl").unwrap(), None);
    }
}
