//! The one error type of the library: every error names the file, and for a file's content the
//! line and column, so that a person can go straight to it.

use std::path::{Path, PathBuf};

/// Anything that stops a command: bad usage or bad input (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written. The reason is part of the message (not a separate
    /// source), so that it is said once.
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A problem at a place in a file a person edits, with the line shown under a caret.
    #[error("{}:{line}:{column}: {message}{snippet}", path.display())]
    At {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        /// The line of the file with a caret under the column, or nothing.
        snippet: String,
    },
    /// A problem with a whole file or a value in it.
    #[error("{}: {message}", path.display())]
    File { path: PathBuf, message: String },
    /// A bad argument on the command line.
    #[error("{0}")]
    Usage(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn io(path: &Path, error: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            error,
        }
    }

    pub fn file(path: &Path, message: impl Into<String>) -> Error {
        Error::File {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    /// The same error with its path shown relative to `root` (the project root) when it is inside.
    pub fn relative_to(self, root: &Path) -> Error {
        let rel = |path: PathBuf| {
            path.strip_prefix(root)
                .map(Path::to_path_buf)
                .unwrap_or(path)
        };
        match self {
            Error::Io { path, error } => Error::Io {
                path: rel(path),
                error,
            },
            Error::At {
                path,
                line,
                column,
                message,
                snippet,
            } => Error::At {
                path: rel(path),
                line,
                column,
                message,
                snippet,
            },
            Error::File { path, message } => Error::File {
                path: rel(path),
                message,
            },
            other => other,
        }
    }

    /// An error at byte `offset` of `text`, the content of `path`.
    pub fn at_offset(path: &Path, text: &str, offset: usize, message: impl Into<String>) -> Error {
        let (line, column) = line_column(text, offset);
        Error::At {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
            snippet: snippet(text, line, column),
        }
    }
}

/// The byte offset of the first git conflict marker in `text` (a line that starts with
/// `<<<<<<< `, is `=======`, or starts with `>>>>>>> `), if it has one.
///
/// ```
/// assert_eq!(bitext::error::conflict_marker("a\n<<<<<<< HEAD\nb\n"), Some(2));
/// assert_eq!(bitext::error::conflict_marker("a\n== b ==\n"), None);
/// ```
pub fn conflict_marker(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare.starts_with("<<<<<<< ") || bare == "=======" || bare.starts_with(">>>>>>> ") {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// The error for a git conflict marker at byte `offset` of `text`, the content of `path`.
pub fn conflict_error(path: &Path, text: &str, offset: usize) -> Error {
    Error::at_offset(
        path,
        text,
        offset,
        "a git conflict marker: finish the merge in this file first (and run `bitext git-setup`, \
         so that git merges bitext's own files by itself)",
    )
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
///
/// ```
/// assert_eq!(bitext::error::line_column("ab\ncd", 4), (2, 2));
/// ```
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Line `line` of `text` with a caret under `column`, as a compiler shows it:
///
/// ```text
///   |
/// 3 | byline = By Jane
///   |          ^
/// ```
pub fn snippet(text: &str, line: usize, column: usize) -> String {
    let Some(source) = text.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    // A long line (a minified file) is shown only around the column.
    const WIDTH: usize = 60;
    let (source, column) = if source.chars().count() > 3 * WIDTH {
        let skip = column.saturating_sub(WIDTH + 1);
        let window: String = source.chars().skip(skip).take(2 * WIDTH).collect();
        let lead = if skip > 0 { "…" } else { "" };
        (
            format!("{lead}{window}…"),
            column - skip + lead.chars().count(),
        )
    } else {
        (source.to_string(), column)
    };
    let source = source.as_str();
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let before: String = source
        .chars()
        .take(column.saturating_sub(1))
        .map(|c| match c {
            '\t' => "\t",
            // Hangul and CJK take two columns in a terminal.
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF00}'..='\u{FF60}' => "  ",
            _ => " ",
        })
        .collect();
    format!("\n{pad} |\n{number} | {source}\n{pad} | {before}^")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_shown_around_the_column() {
        let line = format!("{}<bad>{}", "a".repeat(5000), "b".repeat(5000));
        let shown = snippet(&line, 1, 5001);
        assert!(shown.len() < 400, "{shown}");
        let mut lines = shown.lines().skip(2);
        let text = lines.next().unwrap();
        let caret = lines.next().unwrap();
        // The caret stands under the `<`.
        let at = caret.chars().count() - 1;
        assert_eq!(text.chars().nth(at), Some('<'), "{shown}");
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        assert_eq!(
            snippet("byline = By Jane\n", 1, 10),
            "\n  |\n1 | byline = By Jane\n  |          ^"
        );
    }
}
