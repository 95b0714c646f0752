//! Where results go: stdout, with colour when the terminal wants it, and the report formats.

use std::io::{IsTerminal, Write};

/// `--color`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `--format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

/// The format options of reporting commands.
#[derive(clap::Args, Debug, Clone)]
pub struct FormatArgs {
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Short for --format json
    #[arg(long)]
    json: bool,
}

impl FormatArgs {
    pub fn format(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format
        }
    }
}

/// Standard output, buffered, with a colour setting.
pub struct Out {
    stdout: std::io::BufWriter<std::io::Stdout>,
    color: bool,
}

impl Out {
    pub fn new(choice: ColorChoice) -> Out {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Out {
            stdout: std::io::BufWriter::new(std::io::stdout()),
            color,
        }
    }

    /// `text` in an ANSI colour (a code such as "32" for green) when colour is on.
    pub fn paint(&self, code: &str, text: &str) -> String {
        self.style().paint(code, text)
    }

    /// How text is coloured on this output.
    pub fn style(&self) -> Style {
        Style { color: self.color }
    }

    /// A word diff, coloured when colour is on; see [`Style::word_diff`].
    pub fn word_diff(&self, ops: &[bitext::diff::Op]) -> String {
        self.style().word_diff(ops)
    }

    /// A translation state, coloured when colour is on; see [`Style::state`].
    pub fn state(&self, state: bitext::state::State) -> String {
        self.style().state(state)
    }

    pub fn line(&mut self, text: &str) -> std::io::Result<()> {
        self.stdout.write_all(text.as_bytes())?;
        self.stdout.write_all(b"\n")
    }

    /// `text` as it is, with no line break added.
    pub fn raw(&mut self, text: &str) -> std::io::Result<()> {
        self.stdout.write_all(text.as_bytes())
    }

    pub fn json<T: serde::Serialize>(&mut self, value: &T) -> anyhow::Result<()> {
        serde_json::to_writer_pretty(&mut self.stdout, value)?;
        self.stdout.write_all(b"\n")?;
        Ok(())
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.stdout.flush()
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        let _ = self.stdout.flush();
    }
}

/// Colours, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    /// No colour: for files and Markdown.
    pub fn plain() -> Style {
        Style { color: false }
    }

    /// `text` in an ANSI colour (a code such as "32" for green) when colour is on.
    pub fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// A word diff: red and green in colour, else `[-deleted-]{+inserted+}` as
    /// `git diff --word-diff=plain` writes it.
    pub fn word_diff(&self, ops: &[bitext::diff::Op]) -> String {
        if !self.color {
            return bitext::diff::plain(ops);
        }
        let mut out = String::new();
        for op in ops {
            match op.op {
                bitext::diff::Tag::Equal => out.push_str(&op.text),
                bitext::diff::Tag::Delete => out.push_str(&self.paint("9;31", &op.text)),
                bitext::diff::Tag::Insert => out.push_str(&self.paint("32", &op.text)),
            }
        }
        out
    }

    /// A translation state as a short label: `current`, `stale (minor)`, `missing`, …
    pub fn state(&self, state: bitext::state::State) -> String {
        use bitext::state::State;
        let (code, label) = match state {
            State::Current => ("32", "current".to_string()),
            State::Stale { class, signed } => {
                ("33", format!("stale ({}, r{signed})", class.name()))
            }
            State::Rejected { signed } => ("35", format!("rejected (r{signed})")),
            State::Unreviewed => ("36", "unreviewed".to_string()),
            State::Missing => ("31", "missing".to_string()),
        };
        self.paint(code, &label)
    }
}

/// Whether `err` is a closed pipe (`bitext status | head`), which is not an error.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(broken)
            || matches!(e.downcast_ref::<bitext::Error>(), Some(bitext::Error::Io { error, .. }) if broken(error))
    })
}

/// `1 article`, `2 articles`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A count of finished articles on stderr, for long work when stderr is a terminal.
pub struct Progress {
    label: &'static str,
    total: usize,
    done: std::sync::atomic::AtomicUsize,
    shown: bool,
}

impl Progress {
    pub fn new(label: &'static str, total: usize) -> Progress {
        Progress {
            label,
            total,
            done: std::sync::atomic::AtomicUsize::new(0),
            shown: total >= 200 && std::io::stderr().is_terminal(),
        }
    }

    pub fn tick(&self) {
        let done = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if self.shown && (done.is_multiple_of(100) || done == self.total) {
            let _ = write!(
                std::io::stderr(),
                "\r{}: {done}/{} articles",
                self.label,
                self.total
            );
        }
    }

    pub fn finish(&self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}

/// A percentage on the command line: a number from 0 to 100.
pub fn percent(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim_end_matches('%')
        .parse()
        .map_err(|_| format!("\"{text}\" is not a number"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is not a percentage from 0 to 100"))
    }
}
