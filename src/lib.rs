//! bitext: translate news articles segment by segment.
//!
//! Articles are CommonMark with TOML front matter; bitext splits them into sentences, stores them as
//! Project Fluent messages (one `.ftl` file per article and locale), remembers every source revision
//! and knows, for each translation, whether it is current, stale, unreviewed or missing.
//!
//! The library never prints: commands in `src/cli/` decide how results look.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod actor;
pub mod align;
pub mod article;
pub mod article_files;
pub mod blame;
pub mod change;
pub mod check;
pub mod compare;
pub mod diff;
pub mod error;
pub mod exchange;
pub mod fingerprint;
pub mod history;

pub mod merge;
pub mod parallel;
pub mod people;
pub mod project;
pub mod publish;
pub mod search;
pub mod segment;
pub mod serve;
pub mod state;
pub mod status;
pub mod store;
pub mod sync;
pub mod text;
pub mod tm;
pub mod todo;
pub mod translate;

pub use error::{Error, Result};
