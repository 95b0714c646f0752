//! What the server keeps between requests, and how it knows when to read the files again.
//!
//! - Each article's status, kept with the [`Stamp`] of its files and counted again only when the
//!   stamp changed: a save from the workspace, a `bitext set` or a `git pull` all show at the
//!   next request, and a dashboard over 10,000 articles reads only what changed.
//! - Each locale's translation memory. Building one reads every target file of the locale, so
//!   a request is answered with the memory there is, and a new one is built in the background
//!   when a translation was saved or the memory is older than [`MEMORY_AGE`]. So that a desk
//!   saving all day does not keep a core busy building memories, a new build starts no sooner
//!   than [`BUILD_SHARE`] times the last build's duration after it (on 10,000 articles, a build
//!   of 2.5 s: every 10 s at most): a match may lag a save by that much. Only the first request
//!   of a locale waits for its build.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::article_files::Stamp;
use crate::error::Result;
use crate::project::Project;
use crate::status::{article_status, ArticleStatus, Status};
use crate::tm::Memory;

/// How old a memory may be before a request asks for a new one, changes on disk or not.
pub const MEMORY_AGE: Duration = Duration::from_secs(30);

/// A memory is built again no sooner than this many times its last build's duration after it.
pub const BUILD_SHARE: u32 = 4;

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Each article's status in the project's target locales, with the stamp of the files it was
/// counted from.
#[derive(Default)]
pub struct Statuses {
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    /// The locales the statuses were counted in; another list empties the cache.
    locales: Vec<String>,
    by_slug: HashMap<String, (Stamp, ArticleStatus)>,
}

impl Statuses {
    /// The status of `slugs` in every target locale of `project`, counting again only the
    /// articles whose files changed since they were last counted (`skipped` is left empty).
    pub fn status(&self, project: &Project, slugs: &[String]) -> Result<Status> {
        let locales = &project.config.targets;
        {
            let mut entries = lock(&self.entries);
            if &entries.locales != locales {
                entries.locales = locales.clone();
                entries.by_slug.clear();
            }
        }
        let articles: Vec<ArticleStatus> = slugs
            .par_iter()
            .map(|slug| {
                let stamp = Stamp::of(project, slug, locales);
                if let Some((was, status)) = lock(&self.entries).by_slug.get(slug) {
                    if *was == stamp {
                        return Ok(status.clone());
                    }
                }
                let status = article_status(project, slug, locales)?;
                lock(&self.entries)
                    .by_slug
                    .insert(slug.clone(), (stamp, status.clone()));
                Ok(status)
            })
            .collect::<Result<_>>()?;
        Ok(Status::counted(project, articles, locales))
    }
}

/// Each locale's translation memory.
#[derive(Default, Clone)]
pub struct Memories {
    slots: Arc<Mutex<HashMap<String, Slot>>>,
}

struct Slot {
    memory: Arc<Memory>,
    built: Instant,
    /// How long the last build took.
    took: Duration,
    /// Saves so far, and the number of saves the memory includes.
    saves: u64,
    built_after: u64,
    building: bool,
}

impl Memories {
    /// The memory of `locale`: the one there is, with a new one started in the background when
    /// it is out of date; built here only when there is none yet.
    pub fn get(&self, project: &Project, locale: &str) -> Result<Arc<Memory>> {
        {
            let mut slots = lock(&self.slots);
            if let Some(slot) = slots.get_mut(locale) {
                let age = slot.built.elapsed();
                let old = age >= MEMORY_AGE
                    || (slot.saves != slot.built_after && age >= slot.took * BUILD_SHARE);
                if old && !slot.building {
                    slot.building = true;
                    self.rebuild(project.clone(), locale.to_string(), slot.saves);
                }
                return Ok(slot.memory.clone());
            }
        }
        let start = Instant::now();
        let memory = Arc::new(Memory::build(project, locale)?);
        let mut slots = lock(&self.slots);
        let slot = slots.entry(locale.to_string()).or_insert_with(|| Slot {
            memory: memory.clone(),
            built: Instant::now(),
            took: start.elapsed(),
            saves: 0,
            built_after: 0,
            building: false,
        });
        Ok(slot.memory.clone())
    }

    /// A translation of `locale` was saved: the memory is out of date.
    pub fn saved(&self, locale: &str) {
        if let Some(slot) = lock(&self.slots).get_mut(locale) {
            slot.saves += 1;
        }
    }

    fn rebuild(&self, project: Project, locale: String, saves: u64) {
        let slots = self.slots.clone();
        std::thread::spawn(move || {
            let start = Instant::now();
            let built = Memory::build(&project, &locale);
            let mut slots = lock(&slots);
            if let Some(slot) = slots.get_mut(&locale) {
                slot.building = false;
                if let Ok(memory) = built {
                    slot.memory = Arc::new(memory);
                    slot.built = Instant::now();
                    slot.took = start.elapsed();
                    slot.built_after = saves;
                }
            }
        });
    }
}
