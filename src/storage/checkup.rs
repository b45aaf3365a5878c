//! `partnerbook check`: reads every file partnerbook depends on — the built-in workbook,
//! each snapshot and the draft — and lists what is wrong with them, touching nothing.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::content::{WORKBOOK_TOML, Workbook};
use crate::domain::snapshot;
use crate::storage::store::{ConflictKind, Store, StoreError, is_sealed, twin_of};

/// How the built-in workbook is named in problems: it lives in the binary, not on disk.
pub const EMBEDDED_NAME: &str = "(built in) assets/workbook.toml";

/// One thing wrong with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file at fault.
    pub path: PathBuf,
    /// 1-based line, when the problem is on a line rather than with the file as a whole.
    pub line: Option<usize>,
    /// What is wrong, in words.
    pub reason: String,
}

impl fmt::Display for Problem {
    /// `FILE:LINE: reason`, or `FILE: reason` when no line is to blame.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

/// What a check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// How many files were read, the built-in workbook included.
    pub files: usize,
    /// Everything wrong, in the order found: workbook, snapshots by name, draft.
    pub problems: Vec<Problem>,
}

impl Report {
    /// True when nothing is wrong.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// The closing line: `checked 12 files: all good` or `checked 12 files: 2 problems`.
    pub fn summary(&self) -> String {
        let files = plural(self.files, "file");
        match self.problems.len() {
            0 => format!("checked {files}: all good"),
            n => format!("checked {files}: {}", plural(n, "problem")),
        }
    }
}

/// The error `check` ends with when there are problems, so the exit status says so.
#[derive(Debug, thiserror::Error)]
#[error("{} found", plural(*.0, "problem"))]
pub struct ProblemsFound(pub usize);

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Reads the built-in workbook, every `*.toml` in `snapshots/` and `draft.toml`, and reports
/// each problem. Only reads: no file or directory is created, changed or removed.
pub fn check(store: &Store) -> Report {
    let mut report = Report {
        files: 1,
        problems: workbook_problem(WORKBOOK_TOML).into_iter().collect(),
    };
    if let Err(error) = store.check() {
        report.problems.push(store_problem(store.dir(), error));
        return report;
    }
    let Some(workbook) = Workbook::parse(WORKBOOK_TOML).ok() else {
        return report;
    };
    check_snapshots(store, &workbook, &mut report);
    check_draft(store, &workbook, &mut report);
    for path in crate::storage::git::unmerged_reviews(store.dir()) {
        report.problems.push(Problem {
            path,
            line: None,
            reason: "a conflict: a git merge stopped on this review, changed on two machines; run `partnerbook git status` to keep both versions, then resolve it in the workbook's history".into(),
        });
    }
    report
}

/// The problem with workbook wording `text`, if any.
fn workbook_problem(text: &str) -> Option<Problem> {
    let error = Workbook::parse(text).err()?;
    // toml reports "TOML parse error at line N, column C" then a snippet, then the reason.
    let line = error
        .lines()
        .next()
        .and_then(|first| first.strip_prefix("TOML parse error at line "))
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.trim().parse().ok());
    let reason = error
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("unreadable")
        .trim()
        .to_string();
    Some(Problem {
        path: PathBuf::from(EMBEDDED_NAME),
        line: line.or(Some(1)),
        reason,
    })
}

fn check_snapshots(store: &Store, workbook: &Workbook, report: &mut Report) {
    let dir = store.snapshots_dir();
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return,
        Err(e) => {
            report.problems.push(io_problem(&dir, "list", &e));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "toml" || ext == "age")
        })
        .collect();
    paths.sort();
    for path in paths {
        report.files += 1;
        match snapshot_date(&path) {
            None if conflict_copy_of(&path).is_some() => {
                let reason = conflict_reason(&path);
                report.problems.push(Problem {
                    path,
                    line: None,
                    reason,
                });
            }
            None => report.problems.push(Problem {
                path,
                line: None,
                reason: "not a snapshot name, ignored by partnerbook".into(),
            }),
            Some(_) if store.is_encrypted() && !is_sealed(&path) => {
                report.problems.push(plain_in_encrypted_dir(store, &path));
            }
            Some(date) if store.file_of(date).is_some_and(|file| file != path) => {
                report.problems.push(store.read_plain(&path).map_or_else(
                    |error| store_problem(&path, error),
                    |_| Problem {
                        path: path.clone(),
                        line: None,
                        reason: format!(
                            "a second copy of the review of {date}, beside {}; keep one",
                            twin_of(&path).display()
                        ),
                    },
                ));
            }
            Some(date) => match store.load(date, workbook) {
                Ok(Some(_)) => {}
                Ok(None) => report.problems.push(Problem {
                    path,
                    line: None,
                    reason: "went away while being checked".into(),
                }),
                Err(error) => report.problems.push(store_problem(&path, error)),
            },
        }
    }
}

/// The date a conflict copy is a version of.
fn conflict_copy_of(path: &Path) -> Option<(NaiveDate, ConflictKind)> {
    crate::storage::store::conflict_copy_of(path.file_name()?.to_str()?)
}

/// What `check` says of a second version: whose it is and what to do.
fn conflict_reason(path: &Path) -> String {
    let Some((date, kind)) = conflict_copy_of(path) else {
        return String::new();
    };
    let how = match kind {
        ConflictKind::Partnerbook => {
            "its file changed elsewhere while partnerbook saved, so both were kept"
        }
        ConflictKind::Syncthing => "Syncthing kept both when two machines changed it",
        ConflictKind::Dropbox => "Dropbox kept both when two machines changed it",
        ConflictKind::Nextcloud => "Nextcloud kept both when two machines changed it",
    };
    format!(
        "a conflict: a second version of the review of {}: {how}; resolve it in the workbook's history",
        date.format("%Y-%m-%d")
    )
}

/// The date a snapshot file is named for, when its name is exactly `YYYY-MM-DD.toml`.
fn snapshot_date(path: &Path) -> Option<NaiveDate> {
    crate::storage::store::snapshot_name_date(path.file_name()?.to_str()?)
}

/// A plain file in an encrypted data dir: readable by anyone who gets the disk.
fn plain_in_encrypted_dir(store: &Store, path: &Path) -> Problem {
    let reason = match store.read_plain(path) {
        Ok(_) => "plain text in an encrypted data dir (a restored backup, a sync, or an interrupted `partnerbook encrypt`): run `partnerbook encrypt` to encrypt it".to_string(),
        Err(error) => return store_problem(path, error),
    };
    Problem {
        path: path.to_path_buf(),
        line: None,
        reason,
    }
}

fn check_draft(store: &Store, workbook: &Workbook, report: &mut Report) {
    for path in [store.draft_path(), twin_of(&store.draft_path())] {
        if path != store.draft_path() && path.exists() {
            report.files += 1;
            report.problems.push(match store.is_encrypted() {
                true => plain_in_encrypted_dir(store, &path),
                false => Problem {
                    path: path.clone(),
                    line: None,
                    reason:
                        "an encrypted draft in a data dir that is not encrypted: it cannot be read"
                            .into(),
                },
            });
        }
    }
    let path = store.draft_path();
    let bytes = match store.read_draft() {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return,
        Err(error) => {
            report.files += 1;
            report.problems.push(store_problem(&path, error));
            return;
        }
    };
    report.files += 1;
    let problem = match std::str::from_utf8(&bytes) {
        Err(e) => Problem {
            line: Some(bytes[..e.valid_up_to()].split(|b| *b == b'\n').count()),
            reason: "not valid UTF-8 text".into(),
            path,
        },
        Ok(text) => match snapshot::from_toml(text, workbook) {
            Ok(_) => return,
            Err(error) => Problem {
                path,
                line: Some(error.line),
                reason: error.reason,
            },
        },
    };
    report.problems.push(problem);
}

fn store_problem(path: &Path, error: StoreError) -> Problem {
    match error {
        StoreError::BadSnapshot { path, error } => Problem {
            path,
            line: Some(error.line),
            reason: error.reason,
        },
        StoreError::Io { verb, source, .. } => io_problem(path, verb, &source),
        StoreError::NotADirectory(path) => Problem {
            path,
            line: None,
            reason: "not a directory, so it cannot hold reviews".into(),
        },
        other => Problem {
            path: path.to_path_buf(),
            line: None,
            reason: other.to_string(),
        },
    }
}

fn io_problem(path: &Path, verb: &str, error: &io::Error) -> Problem {
    Problem {
        path: path.to_path_buf(),
        line: None,
        reason: format!("cannot {verb} it: {error}"),
    }
}

#[cfg(test)]
mod tests;
