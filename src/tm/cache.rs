//! A derived index kept inside the project, in `.bitext/cache/`, for `bitext tm LC WORD`: each
//! article's translation memory entries in a locale, with a sketch of the words of its history.
//!
//! Without it, a lookup of one word has to read every history of the archive to find the few
//! articles that have the word (10,000 files: more than a tenth of a second before anything is
//! parsed). With it, a lookup looks at each history's stamp (size, modification and inode
//! change times to the nanosecond, inode) as the listing of `history/` gives it, skips the
//! articles whose words cannot hold the word, and takes the entries of the others from the cache.
//!
//! Nothing in the cache is trusted that its files do not vouch for:
//!
//! - An article's record is used only while the stamp of its history (and, for its entries, of
//!   its target file) is the one recorded when the record was made from them; the stamp is read
//!   from the very file that was read. A record whose stamp differs is made again, from the
//!   files, for that article only. A file modified less than [`SETTLE`] before it was read is not
//!   recorded at all (its modification time may not change on the next edit, if that comes
//!   within the same tick of the file system's clock).
//! - A record made from files that cannot be read or parsed is not kept: such an article is
//!   looked up as without the cache, which reports the error only if the article may hold the
//!   word, as before.
//! - The cache is split in [`SHARDS`] files by the slug's hash; each is written whole beside the
//!   old one and renamed over it, so that a reader (which reads one open file) sees one or the
//!   other, and two processes writing at once leave one of their two files. Each file ends its
//!   header with a checksum, and each article's entries carry theirs: a file that is truncated,
//!   corrupt or of another version is ignored, and made again.
//! - Failing to write the cache (a read-only project, a full disk) is not an error: the lookup
//!   has its answer already.
//!
//! The folder can be deleted at any time; `BITEXT_CACHE=off` leaves it alone, neither read nor
//! written. The answers are the same with the cache and without it (`tests/desk.rs`).

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use crate::article_files::ArticleFiles;
use crate::error::Result;
use crate::project::Project;
use crate::state::State;
use crate::store::escape::Piece;
use crate::text::{fnv1a, word_hash};

/// The checksum of the cache's bytes: eight bytes at a time (FNV-1a takes one).
fn checksum(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        hash = (hash ^ word)
            .wrapping_mul(0x0000_0100_0000_01b3)
            .rotate_left(23);
    }
    fnv1a(chunks.remainder()) ^ hash
}
use crate::tm::{Counted, Entry};

/// The cache folder, from the project root.
pub const CACHE_DIR: &str = ".bitext/cache";

/// How many files the cache of a locale is split in.
pub const SHARDS: u64 = 64;

/// How long before it is read a file must have been modified last for its stamp to be recorded.
pub const SETTLE: Duration = Duration::from_secs(2);

const MAGIC: &[u8; 8] = b"bitextTM";
const VERSION: u32 = 5;

/// Whether the cache is to be used: not when `BITEXT_CACHE` is `off` (or `0`, `no`, `false`).
pub fn enabled() -> bool {
    cfg!(unix)
        && !std::env::var("BITEXT_CACHE")
            .is_ok_and(|v| matches!(v.trim(), "off" | "0" | "no" | "false"))
}

/// How a file looks from outside: size, modification time (seconds and nanoseconds since the
/// epoch) and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    secs: i64,
    nanos: u32,
    inode: u64,
    /// The time of the last change to the file's inode (seconds, nanoseconds), which no program
    /// can set back: a rewrite in place that keeps the size and restores the modification time
    /// (`touch -d`, `cp -p`, `rsync -t --inplace`) still changes it, as does a `chmod`.
    changed_secs: i64,
    changed_nanos: u32,
}

impl Stamp {
    /// The stamp of a regular file (not a link), or `None`.
    fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        if !meta.file_type().is_file() {
            return None;
        }
        Stamp::of_any(meta)
    }

    /// The stamp of a file or folder (not followed if it is a link).
    fn of_any(meta: &std::fs::Metadata) -> Option<Stamp> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Stamp {
                len: meta.len(),
                secs: meta.mtime(),
                nanos: u32::try_from(meta.mtime_nsec()).ok()?,
                inode: meta.ino(),
                changed_secs: meta.ctime(),
                changed_nanos: u32::try_from(meta.ctime_nsec()).ok()?,
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// Whether the file was last modified, and its inode last changed, at least [`SETTLE`]
    /// before `now`.
    fn settled(self, now: SystemTime) -> bool {
        let at = |secs: i64, nanos: u32| {
            u64::try_from(secs)
                .ok()
                .map(|secs| UNIX_EPOCH + Duration::new(secs, nanos))
        };
        match (
            at(self.secs, self.nanos),
            at(self.changed_secs, self.changed_nanos),
        ) {
            (Some(modified), Some(changed)) => modified.max(changed) + SETTLE <= now,
            _ => false,
        }
    }
}

/// The bits that a word's hash sets in the sketch of the words of a history, of `bits` bits: a
/// Bloom filter, which says "maybe" of every word the history has and "no" of most others.
fn positions(term: u32, bits: u64) -> [u64; 3] {
    let mut out = [0; 3];
    for (i, out) in out.iter_mut().enumerate() {
        let mut h = u64::from(term) ^ (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h = (h ^ (h >> 31)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 29;
        *out = ((u128::from(h) * u128::from(bits)) >> 64) as u64;
    }
    out
}

/// The sketch's size for a shard whose largest history has `terms` words: ten bits a word,
/// three of them set (about one word in sixty of those a history lacks is a "maybe").
fn sketch_bits(terms: usize) -> u64 {
    (terms as u64 * 10).max(64)
}

/// What the cache knows of one article.
#[derive(Debug, Clone)]
struct Record {
    slug: String,
    history: Stamp,
    /// The target file's stamp; `None` when there was none.
    target: Option<Stamp>,
    /// How many entries it has.
    count: u32,
    /// Its entries: where they are after the sketch, how long, and their checksum.
    entries: Span,
    /// The hashes of the words of its history (u32 each), likewise.
    terms: Span,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    at: u64,
    len: u32,
    sum: u64,
}

/// One shard file as read: its records, sorted by slug, those whose history may have the word
/// looked for, and the open file for the rest, which starts at `base`.
///
/// A shard is laid out as: a head (magic, version, number of records, length of the table,
/// bits of the sketch), the table of records (ending with its checksum), the sketch by bit
/// (for each bit, which records have it, then the row's checksum), and the entries and words of
/// each record. A lookup reads the head, the table, the three rows of its word's bits, and the
/// entries of the records that have all three.
struct Shard {
    records: Vec<Record>,
    maybe: Vec<bool>,
    base: u64,
    /// The file's size when it was opened: no span reaches past it.
    size: u64,
    file: std::sync::Mutex<std::fs::File>,
}

const HEAD: usize = 32;

/// The checksum that ends a shard's table: of the head (which says how large the table and the
/// sketch are) and of the table, so that a flipped bit in either is seen.
fn table_checksum(head: &[u8], table: &[u8]) -> u64 {
    checksum(head) ^ checksum(table).rotate_left(29)
}

impl Shard {
    fn read(path: &Path, term: u32) -> Option<Shard> {
        let mut file = crate::store::policy::open_read(path).ok()??;
        // Every length is checked against the file's size before anything is made that large.
        let size = file.metadata().ok()?.len();
        let mut head = [0u8; HEAD];
        file.read_exact(&mut head).ok()?;
        let mut r = Reader(&head);
        if r.bytes(8)? != MAGIC || r.u32()? != VERSION {
            return None;
        }
        let count = r.u32()? as usize;
        let len = usize::try_from(r.u64()?).ok()?;
        let bits = r.u64()?;
        let row = count.div_ceil(8) as u64;
        let rows_at = (HEAD as u64).checked_add(len as u64)?;
        let base = rows_at.checked_add(bits.checked_mul(row.checked_add(8)?)?)?;
        if len < 8 || bits == 0 || base > size {
            return None;
        }
        let mut table = vec![0u8; len];
        file.read_exact(&mut table).ok()?;
        let (body, sum) = table.split_at(len - 8);
        if table_checksum(&head, body).to_le_bytes() != sum {
            return None;
        }
        let mut r = Reader(body);
        let mut records = Vec::with_capacity(count.min(len));
        for _ in 0..count {
            let slug = r.str()?.to_string();
            let history = r.stamp()?;
            let target = match r.u8()? {
                0 => None,
                _ => Some(r.stamp()?),
            };
            records.push(Record {
                slug,
                history,
                target,
                count: r.u32()?,
                entries: r.span()?,
                terms: r.span()?,
            });
        }
        if !r.0.is_empty() || !records.windows(2).all(|w| w[0].slug < w[1].slug) {
            return None;
        }
        // The rows of the word's three bits, each checked.
        let mut maybe = vec![true; count];
        for bit in positions(term, bits) {
            let mut bytes = vec![0u8; row as usize + 8];
            file.seek(SeekFrom::Start(
                rows_at.checked_add(bit.checked_mul(row + 8)?)?,
            ))
            .ok()?;
            file.read_exact(&mut bytes).ok()?;
            let (set, sum) = bytes.split_at(row as usize);
            if row_checksum(set, bit).to_le_bytes() != sum {
                return None;
            }
            for (i, maybe) in maybe.iter_mut().enumerate() {
                *maybe &= set[i / 8] & (1 << (i % 8)) != 0;
            }
        }
        Some(Shard {
            records,
            maybe,
            base,
            size,
            file: std::sync::Mutex::new(file),
        })
    }

    fn record(&self, slug: &str) -> Option<usize> {
        self.records
            .binary_search_by(|r| r.slug.as_str().cmp(slug))
            .ok()
    }

    /// The bytes of a span after the sketch, if they are whole.
    fn read_span(&self, span: Span) -> Option<Vec<u8>> {
        let at = self.base.checked_add(span.at)?;
        if at.checked_add(u64::from(span.len))? > self.size {
            return None;
        }
        let mut bytes = vec![0u8; span.len as usize];
        let mut file = self.file.lock().ok()?;
        file.seek(SeekFrom::Start(at)).ok()?;
        file.read_exact(&mut bytes).ok()?;
        (checksum(&bytes) == span.sum).then_some(bytes)
    }

    /// The hashes of the words of a record's history.
    fn terms(&self, record: &Record) -> Option<Vec<u32>> {
        let bytes = self.read_span(record.terms)?;
        let mut r = Reader(&bytes);
        let n = r.u32()? as usize;
        let terms = (0..n).map(|_| r.u32()).collect::<Option<Vec<_>>>()?;
        r.0.is_empty().then_some(terms)
    }
}

/// The checksum of one row of the sketch, which says which row it is.
fn row_checksum(row: &[u8], bit: u64) -> u64 {
    checksum(row) ^ bit.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// An article's record as made anew, with its entries.
struct Fresh {
    history: Stamp,
    target: Option<Stamp>,
    terms: Vec<u32>,
    entries: Vec<Entry>,
}

/// What a lookup found of one article.
/// Entries come with the number of tokens of their English ([`crate::text::tokens`]).
enum Found {
    /// The record holds; these are its entries that hold the word.
    Cached(Vec<Counted>),
    /// The record was made anew (and is to be kept when `Some`).
    Made(Vec<Counted>, Option<Fresh>),
    /// Looked up without the cache.
    Uncached(Vec<Counted>),
}

/// The entries of `locale` that hold `word` (`holds` tells of an English), article after
/// article in slug order, as [`crate::tm::Memory::build_for`] finds them without the cache, each
/// with the number of tokens of its English: `uncached` is that lookup for one article, which an
/// article the cache cannot vouch for is given to.
pub fn entries_holding(
    project: &Project,
    locale: &str,
    word: &str,
    holds: &(dyn Fn(&str) -> bool + Sync),
    uncached: &(dyn Fn(&str) -> Result<Vec<Counted>> + Sync),
) -> Result<Vec<Counted>> {
    let now = SystemTime::now();
    let term = word_hash(word) as u32;
    let slugs = histories(project, now)?;
    let dir = project.root.join(CACHE_DIR).join("tm").join(locale);
    let shard_of = |slug: &str| fnv1a(slug.as_bytes()) % SHARDS;
    let mut wanted: Vec<u64> = slugs.iter().map(|(slug, _)| shard_of(slug)).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let shards: rustc_hash::FxHashMap<u64, Option<Shard>> = wanted
        .par_iter()
        .map(|&n| (n, Shard::read(&shard_path(&dir, n), term)))
        .collect();
    let found: Vec<Found> = slugs
        .par_iter()
        .map(|(slug, stamp)| {
            let shard = shards.get(&shard_of(slug)).and_then(Option::as_ref);
            let record = shard.and_then(|s| Some((s, s.record(slug)?)));
            if let (Some((shard, i)), Some(stamp)) = (record, stamp) {
                let record = &shard.records[i];
                if record.history == *stamp {
                    if !shard.maybe[i] {
                        return Ok(Found::Cached(Vec::new()));
                    }
                    if target_stamp(project, locale, slug) == Some(record.target) {
                        let entries = shard
                            .read_span(record.entries)
                            .and_then(|b| decode(slug, &b, holds));
                        if let Some(entries) = entries {
                            return Ok(Found::Cached(entries));
                        }
                    }
                }
            }
            match make(project, locale, slug) {
                Some(fresh) => {
                    let mut entries = fresh.entries.clone();
                    entries.retain(|e| holds(&e.source));
                    let entries = crate::tm::with_tokens(entries);
                    let settled =
                        fresh.history.settled(now) && fresh.target.is_none_or(|t| t.settled(now));
                    Ok(Found::Made(entries, settled.then_some(fresh)))
                }
                None => Ok(Found::Uncached(uncached(slug)?)),
            }
        })
        .collect::<Result<_>>()?;
    let mut out = Vec::new();
    let mut made: HashMap<u64, Vec<(&str, Fresh)>> = HashMap::new();
    let mut forget: HashMap<u64, Vec<&str>> = HashMap::new();
    for ((slug, _), found) in slugs.iter().zip(found) {
        match found {
            Found::Cached(entries) => out.extend(entries),
            Found::Made(entries, fresh) => {
                out.extend(entries);
                match fresh {
                    Some(fresh) => made.entry(shard_of(slug)).or_default().push((slug, fresh)),
                    None => forget.entry(shard_of(slug)).or_default().push(slug),
                }
            }
            Found::Uncached(entries) => {
                out.extend(entries);
                forget.entry(shard_of(slug)).or_default().push(slug);
            }
        }
    }
    // The shards that changed, or that hold articles no longer synced, are written anew.
    let listed: rustc_hash::FxHashSet<&str> = slugs.iter().map(|(s, _)| s.as_str()).collect();
    let stale = |n: &u64| {
        shards.get(n).is_some_and(|shard| match shard {
            Some(shard) => shard
                .records
                .iter()
                .any(|r| !listed.contains(r.slug.as_str())),
            None => true,
        })
    };
    let mut rewrite: Vec<u64> = made.keys().chain(forget.keys()).copied().collect();
    rewrite.extend(wanted.iter().filter(|n| stale(n)));
    rewrite.sort_unstable();
    rewrite.dedup();
    rewrite.par_iter().for_each(|n| {
        let old = shards.get(n).and_then(Option::as_ref);
        let made = made.get(n).map_or(&[][..], Vec::as_slice);
        let forget = forget.get(n).map_or(&[][..], Vec::as_slice);
        let _ = write_shard(&dir, *n, old, made, forget, &listed);
    });
    Ok(out)
}

/// How many entries `locale` has in all ([`crate::tm::Memory::len`] of the whole memory), from
/// the records whose history and target file are as they were when they were made; `uncached`
/// counts those of one article without the cache.
pub fn count_entries(
    project: &Project,
    locale: &str,
    uncached: &(dyn Fn(&str) -> Result<usize> + Sync),
) -> Result<usize> {
    let now = SystemTime::now();
    let slugs = histories(project, now)?;
    let dir = project.root.join(CACHE_DIR).join("tm").join(locale);
    let shards: Vec<Option<Shard>> = (0..SHARDS)
        .into_par_iter()
        .map(|n| Shard::read(&shard_path(&dir, n), 0))
        .collect();
    let counts = slugs
        .par_iter()
        .map(|(slug, stamp)| {
            let shard = shards[(fnv1a(slug.as_bytes()) % SHARDS) as usize].as_ref();
            let record = shard.and_then(|s| Some(&s.records[s.record(slug)?]));
            if let (Some(record), Some(stamp)) = (record, stamp) {
                if record.history == *stamp
                    && target_stamp(project, locale, slug) == Some(record.target)
                {
                    return Ok(record.count as usize);
                }
            }
            uncached(slug)
        })
        .collect::<Result<Vec<usize>>>()?;
    Ok(counts.into_iter().sum())
}

/// The stamp of an article's target file: `Some(None)` when there is none, and `None` for
/// anything but a regular file (or a file that cannot be looked at).
fn target_stamp(project: &Project, locale: &str, slug: &str) -> Option<Option<Stamp>> {
    match std::fs::symlink_metadata(project.locale_path(locale, slug)) {
        Ok(meta) => Stamp::of(&meta).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(None),
        Err(_) => None,
    }
}

/// The synced slugs ([`Project::synced_slugs`]), each with its history's stamp (`None` for
/// anything but a regular file).
///
/// The folders under `history/` are listed from the cache (`histories.bin`) while their own
/// stamps are the ones recorded, as a folder's modification time changes whenever a file is
/// made, removed or renamed in it: only a folder that changed is listed again (journals make
/// three quarters of the names there, and listing them all takes longer than looking at each
/// history). Anything out of the ordinary (a folder that cannot be read, a link) is left to
/// [`Project::synced_slugs_with`].
fn histories(project: &Project, now: SystemTime) -> Result<Vec<(String, Option<Stamp>)>> {
    let root = project.root.join(crate::project::HISTORY_DIR);
    let path = project.root.join(CACHE_DIR).join("histories.bin");
    let old = read_listing(&path).unwrap_or_default();
    let mut new = HashMap::new();
    let mut names = Vec::new();
    let listed = std::fs::symlink_metadata(&root).is_ok_and(|m| m.is_dir())
        && list_folder(&root, "", &old, &mut new, &mut names, now).is_some();
    let mut slugs: Vec<(String, Option<Stamp>)> = if listed {
        names.retain(|name| crate::project::check_slug(name).is_ok());
        stamps_of_histories(&root, names)
    } else {
        project.synced_slugs_with(|slug, entry| {
            if slug.contains('.') || crate::project::check_slug(slug).is_err() {
                return None;
            }
            let meta = entry.metadata().ok()?;
            Stamp::of(&meta)
        })?
    };
    slugs.sort_by(|a, b| a.0.cmp(&b.0));
    if listed && new != old {
        let _ = write_listing(&path, &new);
    }
    Ok(slugs)
}

/// The stamps of the histories `slugs`, looked at folder by folder (the slugs of a folder come
/// one after the other): each folder is opened once and its files looked at from it, which spares
/// the system walking the whole path again for each of ten thousand files.
fn stamps_of_histories(root: &Path, slugs: Vec<String>) -> Vec<(String, Option<Stamp>)> {
    let folder = |slug: &str| slug.rfind('/').map_or("", |at| &slug[..at]).to_string();
    let runs: Vec<&[String]> = slugs.chunk_by(|a, b| folder(a) == folder(b)).collect();
    runs.into_par_iter()
        .flat_map_iter(|run| {
            let dir = stamp_folder(&root.join(folder(&run[0])));
            run.iter().map(move |slug| {
                let stamp = match &dir {
                    Some(dir) => {
                        let name = slug.rsplit('/').next().unwrap_or(slug);
                        stamp_at(dir, &format!("{name}.jsonl"))
                    }
                    None => std::fs::symlink_metadata(root.join(format!("{slug}.jsonl")))
                        .ok()
                        .and_then(|meta| Stamp::of(&meta)),
                };
                (slug.clone(), stamp)
            })
        })
        .collect()
}

/// A folder opened to look at its files, not following a link.
#[cfg(unix)]
fn stamp_folder(path: &Path) -> Option<rustix::fd::OwnedFd> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    rustix::fs::open(path, flags, Mode::empty()).ok()
}

#[cfg(not(unix))]
fn stamp_folder(_: &Path) -> Option<std::fs::File> {
    None
}

/// The stamp of the regular file `name` in the folder `dir` (not a link), or `None`.
#[cfg(unix)]
// The fields' types differ from one system to another.
#[allow(clippy::useless_conversion)]
fn stamp_at(dir: &rustix::fd::OwnedFd, name: &str) -> Option<Stamp> {
    let stat = rustix::fs::statat(dir, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW).ok()?;
    if rustix::fs::FileType::from_raw_mode(stat.st_mode) != rustix::fs::FileType::RegularFile {
        return None;
    }
    Some(Stamp {
        len: u64::try_from(stat.st_size).ok()?,
        secs: i64::try_from(stat.st_mtime).ok()?,
        nanos: u32::try_from(stat.st_mtime_nsec).ok()?,
        inode: u64::try_from(stat.st_ino).ok()?,
        changed_secs: i64::try_from(stat.st_ctime).ok()?,
        changed_nanos: u32::try_from(stat.st_ctime_nsec).ok()?,
    })
}

#[cfg(not(unix))]
fn stamp_at(_: &std::fs::File, _: &str) -> Option<Stamp> {
    None
}

/// A folder's listing as the cache keeps it: its stamp (size, modification time, inode), its
/// folders and the names of its histories (without `.jsonl`).
type Listing = HashMap<String, (Stamp, Vec<String>, Vec<String>)>;

/// Lists the folder `dir` (`rel` from `history/`) into `names` as the walk of
/// [`Project::synced_slugs`] would (hidden names and names that are not UTF-8 left out, folders
/// that are links not followed), from `old` when its stamp is the one recorded there. The
/// listing is kept in `new` when the folder was last modified at least [`SETTLE`] before `now`.
/// `None` when a folder cannot be read.
fn list_folder(
    dir: &Path,
    rel: &str,
    old: &Listing,
    new: &mut Listing,
    names: &mut Vec<String>,
    now: SystemTime,
) -> Option<()> {
    let meta = std::fs::symlink_metadata(dir).ok()?;
    if !meta.is_dir() {
        return None;
    }
    let stamp = Stamp::of_any(&meta)?;
    let (folders, files) = match old.get(rel) {
        Some((recorded, folders, files)) if *recorded == stamp => (folders.clone(), files.clone()),
        _ => {
            let mut folders = Vec::new();
            let mut files = Vec::new();
            for entry in std::fs::read_dir(dir).ok()? {
                let entry = entry.ok()?;
                let name = entry.file_name();
                let Some(name) = name.to_str() else { continue };
                if name.starts_with('.') {
                    continue;
                }
                if entry.file_type().ok()?.is_dir() {
                    folders.push(name.to_string());
                } else if let Some(stem) = name.strip_suffix(".jsonl") {
                    // A journal (`slug.lc.jsonl`) is no history: slugs have no dots.
                    if !stem.contains('.') {
                        files.push(stem.to_string());
                    }
                }
            }
            (folders, files)
        }
    };
    if stamp.settled(now) {
        new.insert(rel.to_string(), (stamp, folders.clone(), files.clone()));
    }
    names.extend(files.iter().map(|stem| format!("{rel}{stem}")));
    for folder in &folders {
        list_folder(
            &dir.join(folder),
            &format!("{rel}{folder}/"),
            old,
            new,
            names,
            now,
        )?;
    }
    Some(())
}

const LISTING: &[u8; 8] = b"bitextLS";

fn read_listing(path: &Path) -> Option<Listing> {
    let bytes = crate::store::read_bytes_if_exists(path).ok()??;
    let (body, sum) = bytes.split_at(bytes.len().checked_sub(8)?);
    if checksum(body).to_le_bytes() != sum {
        return None;
    }
    let mut r = Reader(body);
    if r.bytes(8)? != LISTING || r.u32()? != VERSION {
        return None;
    }
    let mut out = Listing::new();
    for _ in 0..r.u32()? {
        let rel = r.str()?.to_string();
        let stamp = r.stamp()?;
        let mut list = || -> Option<Vec<String>> {
            (0..r.u32()?).map(|_| r.str().map(str::to_string)).collect()
        };
        let folders = list()?;
        let files = list()?;
        out.insert(rel, (stamp, folders, files));
    }
    r.0.is_empty().then_some(out)
}

fn write_listing(path: &Path, listing: &Listing) -> Option<()> {
    let mut w = Writer::default();
    w.0.extend_from_slice(LISTING);
    w.u32(VERSION);
    w.u32(u32::try_from(listing.len()).ok()?);
    let mut folders: Vec<_> = listing.iter().collect();
    folders.sort_by(|a, b| a.0.cmp(b.0));
    for (rel, (stamp, folders, files)) in folders {
        w.str(rel);
        w.stamp(*stamp);
        for list in [folders, files] {
            w.u32(u32::try_from(list.len()).ok()?);
            for name in list {
                w.str(name);
            }
        }
    }
    let sum = checksum(&w.0);
    w.u64(sum);
    ignore_folder(path.parent()?.parent()?);
    crate::store::write_unflushed(path, &w.0).ok()
}

fn shard_path(dir: &Path, n: u64) -> PathBuf {
    dir.join(format!("{n:02x}.bin"))
}

/// An article's record made from its files, or `None` when they cannot be read or parsed.
fn make(project: &Project, locale: &str, slug: &str) -> Option<Fresh> {
    let (history, meta) =
        crate::store::read_bytes_with_meta(&project.history_path(slug)).ok()??;
    let history_stamp = Stamp::of(&meta)?;
    let (target, target_stamp) =
        match crate::store::read_bytes_with_meta(&project.locale_path(locale, slug)).ok()? {
            Some((bytes, meta)) => (Some(bytes), Some(Stamp::of(&meta)?)),
            None => (None, None),
        };
    let files = ArticleFiles::from_bytes(project, slug, Some(history), locale, target).ok()?;
    let mut terms: Vec<u32> = Vec::new();
    for revision in &files.history().revisions {
        for change in &revision.changes {
            if let Some(text) = &change.text {
                terms.extend(text.unicode_words().map(|w| word_hash(w) as u32));
            }
        }
    }
    terms.sort_unstable();
    terms.dedup();
    Some(Fresh {
        history: history_stamp,
        target: target_stamp,
        terms,
        entries: crate::tm::entries_of(&files, locale),
    })
}

/// Writes shard `n` anew: the records of `old` that are still listed and neither made anew nor
/// forgotten, and those of `made`.
fn write_shard(
    dir: &Path,
    n: u64,
    old: Option<&Shard>,
    made: &[(&str, Fresh)],
    forget: &[&str],
    listed: &rustc_hash::FxHashSet<&str>,
) -> Option<()> {
    let made_slugs: std::collections::HashSet<&str> = made.iter().map(|(s, _)| *s).collect();
    // Each record with its entries' bytes and its words.
    type Written = (String, Stamp, Option<Stamp>, u32, Vec<u8>, Vec<u32>);
    let mut records: Vec<Written> = Vec::new();
    for record in old.map_or(&[][..], |s| s.records.as_slice()) {
        let slug = record.slug.as_str();
        if !listed.contains(slug) || made_slugs.contains(slug) || forget.contains(&slug) {
            continue;
        }
        // A record that cannot be read back whole is left out: it is made again when asked.
        let Some(old) = old else { continue };
        if let (Some(entries), Some(terms)) = (old.read_span(record.entries), old.terms(record)) {
            records.push((
                record.slug.clone(),
                record.history,
                record.target,
                record.count,
                entries,
                terms,
            ));
        }
    }
    for (slug, fresh) in made {
        let entries = encode(&fresh.entries);
        records.push((
            slug.to_string(),
            fresh.history,
            fresh.target,
            u32::try_from(fresh.entries.len()).ok()?,
            entries,
            fresh.terms.clone(),
        ));
    }
    records.sort_by(|a, b| a.0.cmp(&b.0));
    if records.is_empty() {
        return crate::store::remove_file(&shard_path(dir, n))
            .ok()
            .map(|_| ());
    }
    let count = records.len();
    let bits = sketch_bits(records.iter().map(|r| r.5.len()).max().unwrap_or(0));
    let row = count.div_ceil(8);
    let mut sketch = vec![0u8; usize::try_from(bits).ok()?.checked_mul(row)?];
    let mut table = Writer::default();
    let mut tail = Writer::default();
    for (i, (slug, history, target, entries_count, entries, terms)) in records.iter().enumerate() {
        for &term in terms {
            for bit in positions(term, bits) {
                sketch[bit as usize * row + i / 8] |= 1 << (i % 8);
            }
        }
        table.str(slug);
        table.stamp(*history);
        match target {
            Some(stamp) => {
                table.u8(1);
                table.stamp(*stamp);
            }
            None => table.u8(0),
        }
        table.u32(*entries_count);
        table.span(tail.0.len() as u64, entries);
        tail.0.extend_from_slice(entries);
        let mut words = Writer::default();
        words.u32(terms.len() as u32);
        for &term in terms {
            words.u32(term);
        }
        table.span(tail.0.len() as u64, &words.0);
        tail.0.extend_from_slice(&words.0);
    }
    let mut file = Writer::default();
    file.0.extend_from_slice(MAGIC);
    file.u32(VERSION);
    file.u32(count as u32);
    file.u64(table.0.len() as u64 + 8);
    file.u64(bits);
    let sum = table_checksum(&file.0, &table.0);
    table.u64(sum);
    file.0.extend_from_slice(&table.0);
    for (bit, set) in sketch.chunks(row).enumerate() {
        file.0.extend_from_slice(set);
        file.u64(row_checksum(set, bit as u64));
    }
    file.0.extend_from_slice(&tail.0);
    // dir is .bitext/cache/tm/<locale>.
    ignore_folder(dir.ancestors().nth(3)?);
    crate::store::write_unflushed(&shard_path(dir, n), &file.0).ok()
}

/// Puts a `.gitignore` of `*` in `.bitext/`, so that git leaves the folder alone even in a
/// project whose own `.gitignore` does not name it.
fn ignore_folder(bitext_dir: &Path) {
    let path = bitext_dir.join(".gitignore");
    if !path.exists() {
        let _ = crate::store::write_unflushed(
            &path,
            b"# bitext's cache: made from the project's files, and safe to delete.\n*\n",
        );
    }
}

fn encode(entries: &[Entry]) -> Vec<u8> {
    let mut w = Writer::default();
    w.u32(entries.len() as u32);
    for e in entries {
        w.str(&e.id);
        w.str(&e.source);
        w.u32(crate::text::tokens(&e.source).len() as u32);
        match e.state {
            State::Current => w.u8(0),
            State::Unreviewed => w.u8(1),
            State::Missing => w.u8(2),
            State::Stale { class, signed } => {
                w.u8(3 + u8::from(class == crate::change::Class::Major));
                w.u32(signed);
            }
            State::Rejected { signed } => {
                w.u8(5);
                w.u32(signed);
            }
        }
        w.u32(e.translation.len() as u32);
        for piece in &e.translation {
            match piece {
                Piece::Text(t) => {
                    w.u8(0);
                    w.str(t);
                }
                Piece::Expr(t) => {
                    w.u8(1);
                    w.str(t);
                }
            }
        }
    }
    w.0
}

/// The entries in `bytes` whose English `keep` keeps, each with the number of tokens of its
/// English, or `None` if they do not read back whole.
fn decode(slug: &str, bytes: &[u8], keep: &dyn Fn(&str) -> bool) -> Option<Vec<Counted>> {
    let mut r = Reader(bytes);
    let n = r.u32()? as usize;
    let mut out = Vec::new();
    for _ in 0..n {
        let id = r.str()?;
        let source = r.str()?;
        let tokens = r.u32()?;
        let state = match r.u8()? {
            0 => State::Current,
            1 => State::Unreviewed,
            2 => State::Missing,
            3 => State::Stale {
                class: crate::change::Class::Minor,
                signed: r.u32()?,
            },
            4 => State::Stale {
                class: crate::change::Class::Major,
                signed: r.u32()?,
            },
            5 => State::Rejected { signed: r.u32()? },
            _ => return None,
        };
        let pieces = r.u32()? as usize;
        let kept = keep(source);
        let mut translation = Vec::new();
        for _ in 0..pieces {
            let (kind, text) = (r.u8()?, r.str()?);
            if !matches!(kind, 0 | 1) {
                return None;
            }
            if kept {
                let text = text.to_string();
                translation.push(if kind == 0 {
                    Piece::Text(text)
                } else {
                    Piece::Expr(text)
                });
            }
        }
        if kept {
            let entry = Entry {
                slug: slug.to_string(),
                id: id.to_string(),
                source: source.to_string(),
                translation,
                state,
            };
            out.push((entry, tokens));
        }
    }
    r.0.is_empty().then_some(out)
}

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn span(&mut self, at: u64, bytes: &[u8]) {
        self.u64(at);
        self.u32(bytes.len() as u32);
        self.u64(checksum(bytes));
    }
    fn stamp(&mut self, s: Stamp) {
        self.u64(s.len);
        self.u64(s.secs as u64);
        self.u32(s.nanos);
        self.u64(s.inode);
        self.u64(s.changed_secs as u64);
        self.u32(s.changed_nanos);
    }
}

struct Reader<'b>(&'b [u8]);

impl<'b> Reader<'b> {
    fn bytes(&mut self, n: usize) -> Option<&'b [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.bytes(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.bytes(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<&'b str> {
        let n = self.u32()? as usize;
        simdutf8::basic::from_utf8(self.bytes(n)?).ok()
    }
    fn span(&mut self) -> Option<Span> {
        Some(Span {
            at: self.u64()?,
            len: self.u32()?,
            sum: self.u64()?,
        })
    }
    fn stamp(&mut self) -> Option<Stamp> {
        Some(Stamp {
            len: self.u64()?,
            secs: self.u64()? as i64,
            nanos: self.u32()?,
            inode: self.u64()?,
            changed_secs: self.u64()? as i64,
            changed_nanos: self.u32()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bits_of_a_word_are_spread_over_the_sketch() {
        let bits = sketch_bits(500);
        let mut set = vec![false; bits as usize];
        let terms: Vec<u32> = (0..500)
            .map(|n| word_hash(&format!("word{n}")) as u32)
            .collect();
        for &t in &terms {
            for b in positions(t, bits) {
                set[b as usize] = true;
            }
        }
        let maybe = |t: u32| positions(t, bits).iter().all(|&b| set[b as usize]);
        assert!(terms.iter().all(|&t| maybe(t)));
        let others = (0..10_000)
            .filter(|n| maybe(word_hash(&format!("other{n}")) as u32))
            .count();
        assert!(others < 400, "{others}");
    }

    #[test]
    fn entries_read_back_as_written() {
        let entry = |id: &str, state| Entry {
            slug: "a/b".into(),
            id: id.into(),
            source: "Shares of Gazprom rose.".into(),
            translation: vec![
                Piece::Text("가스프롬 ".into()),
                Piece::Expr("{ $n }".into()),
            ],
            state,
        };
        let entries = vec![
            entry("s-1", State::Current),
            entry("s-2", State::Unreviewed),
            entry(
                "s-3",
                State::Stale {
                    class: crate::change::Class::Minor,
                    signed: 2,
                },
            ),
            entry(
                "s-4",
                State::Stale {
                    class: crate::change::Class::Major,
                    signed: 3,
                },
            ),
            entry("s-5", State::Rejected { signed: 4 }),
        ];
        let bytes = encode(&entries);
        let back = decode("a/b", &bytes, &|_| true).unwrap();
        assert_eq!(
            format!("{back:?}"),
            format!("{:?}", crate::tm::with_tokens(entries.clone()))
        );
        assert!(decode("a/b", &bytes[..bytes.len() - 1], &|_| true).is_none());
        assert!(decode("a/b", &bytes, &|_| false).unwrap().is_empty());
    }
}
