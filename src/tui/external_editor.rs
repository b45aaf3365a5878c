//! Editing one Next steps item in the user's own editor ($VISUAL, then $EDITOR), through a
//! private temp file. This module never touches the terminal: the caller suspends the TUI
//! before calling [`edit_item`] and restores it afterwards, whatever the outcome.

use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

/// Why editing in the external editor did not produce new text.
#[derive(Debug, thiserror::Error)]
pub enum EditorError {
    /// No private folder to write the text to (an encrypted data dir keeps it out of itself).
    #[error("no private folder for the editor's file: {0}")]
    Scratch(String),
    /// Neither $VISUAL nor $EDITOR names a command.
    #[error("no text editor is set: set $VISUAL or $EDITOR (for example `export EDITOR=nano`)")]
    NotSet,
    /// The editor program could not be started (typically: not found).
    #[error("cannot start the editor `{program}`: {}", start_reason(source))]
    CannotStart {
        /// The program as named in $VISUAL/$EDITOR.
        program: String,
        /// The underlying error.
        source: io::Error,
    },
    /// The editor ran but exited with a non-zero status.
    #[error("the editor `{program}` exited with status {code}")]
    Failed {
        /// The program as named in $VISUAL/$EDITOR.
        program: String,
        /// Its exit code.
        code: i32,
    },
    /// The editor was killed by a signal.
    #[error("the editor `{program}` was killed by {}", signal_name(*signal))]
    Killed {
        /// The program as named in $VISUAL/$EDITOR.
        program: String,
        /// The signal number, where the platform reports one.
        signal: Option<i32>,
    },
    /// partnerbook was told to stop (SIGTERM, SIGHUP) while the editor ran, and the editor had
    /// saved nothing new: it was ended, and the item keeps its text.
    #[error("the editor `{program}` was closed because partnerbook was asked to stop")]
    Stopped {
        /// The program as named in $VISUAL/$EDITOR.
        program: String,
    },
    /// The temp file could not be created, written or read back.
    #[error("cannot {action} the temporary file {} for the editor `{program}`: {source}", path.display())]
    TempFile {
        /// What was being done: "write" or "read back".
        action: &'static str,
        /// The temp file.
        path: PathBuf,
        /// The program as named in $VISUAL/$EDITOR.
        program: String,
        /// The underlying error.
        source: io::Error,
    },
}

fn start_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such program was found (check $VISUAL or $EDITOR)".into(),
        io::ErrorKind::PermissionDenied => "permission denied (is it executable?)".into(),
        _ => error.to_string(),
    }
}

fn signal_name(signal: Option<i32>) -> String {
    signal.map_or_else(|| "a signal".into(), |number| format!("signal {number}"))
}

/// The editor command: $VISUAL if it names one, else $EDITOR, split into words. Empty or
/// whitespace-only values are skipped. Words are separated by whitespace; `"…"` and `'…'`
/// group words with spaces, and a backslash outside quotes takes the next character literally.
/// Non-UTF-8 values are read lossily.
pub fn editor_command(
    visual: Option<OsString>,
    editor: Option<OsString>,
) -> Result<Vec<String>, EditorError> {
    [visual, editor]
        .into_iter()
        .flatten()
        .map(|value| split_words(&value.to_string_lossy()))
        .find(|words| words.first().is_some_and(|program| !program.is_empty()))
        .ok_or(EditorError::NotSet)
}

/// Splits a command line into words with simple shell-like quoting (no expansions).
fn split_words(line: &str) -> Vec<String> {
    let (mut words, mut word) = (Vec::new(), String::new());
    let (mut in_word, mut quote, mut escaped) = (false, None, false);
    for c in line.chars() {
        match (quote, c) {
            _ if escaped => {
                word.push(c);
                escaped = false;
            }
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => word.push(c),
            (None, '\\') => (in_word, escaped) = (true, true),
            (None, '"' | '\'') => (in_word, quote) = (true, Some(c)),
            (None, _) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, _) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Counter that makes temp file names unique within this process.
static TEMP_COUNTER: AtomicU32 = AtomicU32::new(0);

/// A temp file that is removed when dropped, so every path out of [`edit_text`] cleans up.
struct TempFile {
    path: PathBuf,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Creates `.partnerbook-item-<pid>-<n>.txt` in `dir` (mode 0600 on Unix, never an existing
/// file) holding `text` and a trailing newline.
fn create_temp(dir: &Path, text: &str, program: &str) -> Result<TempFile, EditorError> {
    let mut attempts = 0;
    loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".partnerbook-item-{}-{n}.txt", std::process::id()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let write_error = |source| EditorError::TempFile {
            action: "write",
            path: path.clone(),
            program: program.to_owned(),
            source,
        };
        match options.open(&path) {
            Ok(mut file) => {
                let temp = TempFile { path: path.clone() };
                file.write_all(text.as_bytes())
                    .and_then(|()| file.write_all(b"\n"))
                    .and_then(|()| file.flush())
                    .map_err(write_error)?;
                return Ok(temp);
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempts < 100 => {
                attempts += 1;
            }
            Err(error) => return Err(write_error(error)),
        }
    }
}

/// Turns a finished editor's exit status into `Ok` (exit 0) or the matching error.
fn check_status(program: &str, status: ExitStatus) -> Result<(), EditorError> {
    if status.success() {
        return Ok(());
    }
    let program = program.to_owned();
    if let Some(code) = status.code() {
        return Err(EditorError::Failed { program, code });
    }
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&status);
    #[cfg(not(unix))]
    let signal = None;
    Err(EditorError::Killed { program, signal })
}

/// Runs `command` (program then arguments) on a new private temp file in `dir` holding `text`
/// plus a trailing newline, with the file's path as the last argument and the terminal's
/// stdin/stdout/stderr inherited; waits for it and returns the file's contents as the editor
/// left them. The temp file is removed afterwards, on success and on every error. An empty
/// `command` is [`EditorError::NotSet`].
///
/// When partnerbook is told to stop meanwhile ([`stop_running_editor`]), the editor is ended;
/// what it had saved to the file is returned if it differs from `text` (so those words reach
/// the draft), else [`EditorError::Stopped`].
pub fn edit_text(command: &[String], text: &str, dir: &Path) -> Result<String, EditorError> {
    let Some((program, args)) = command.split_first() else {
        return Err(EditorError::NotSet);
    };
    let stopped = || EditorError::Stopped {
        program: program.clone(),
    };
    if stopping() {
        return Err(stopped());
    }
    let temp = create_temp(dir, text, program)?;
    let mut child = Command::new(program)
        .args(args)
        .arg(&temp.path)
        .stdin(Stdio::inherit())
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|source| EditorError::CannotStart {
            program: program.clone(),
            source,
        })?;
    let running = stop::register(child.id());
    let status = child.wait();
    drop(running);
    let read_back = || {
        fs::read_to_string(&temp.path).map_err(|source| EditorError::TempFile {
            action: "read back",
            path: temp.path.clone(),
            program: program.clone(),
            source,
        })
    };
    if stopping() {
        return match read_back() {
            Ok(saved) if saved != format!("{text}\n") => Ok(saved),
            _ => Err(stopped()),
        };
    }
    let status = status.map_err(|_| EditorError::Killed {
        program: program.clone(),
        signal: None,
    })?;
    check_status(program, status)?;
    read_back()
}

/// The editor's file back as one item (an item is one line in the app): a leading UTF-8 BOM
/// is stripped, each line trimmed, empty lines dropped, and the rest joined with single
/// spaces, so every word is kept. An emptied file gives an empty string.
pub fn item_text_from_file(contents: &str) -> String {
    let contents = contents.strip_prefix('\u{feff}').unwrap_or(contents);
    contents
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Edits one item's `text` in the editor named by $VISUAL or $EDITOR, through a temp file in
/// `dir`, and returns the new item text. On error the caller keeps the old text.
pub fn edit_item(text: &str, dir: &Path) -> Result<String, EditorError> {
    let command = editor_command(std::env::var_os("VISUAL"), std::env::var_os("EDITOR"))?;
    edit_text(&command, text, dir).map(|contents| item_text_from_file(&contents))
}

mod stop;

pub use stop::{Stop, is_running, stop_running_editor, stopping};

#[cfg(test)]
mod tests;
