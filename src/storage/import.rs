//! `partnerbook import`: reviews copied in from files, folders or another data dir. Each is
//! read strictly; a new date is written as its review, an identical review is skipped, and one
//! that differs from the review here is kept beside it as a second version to resolve — never
//! written over it. A plan first, which only reads; then applying it.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::store::{
    Store, StoreError, conflict_copy_date, is_sealed, read_regular, snapshot_name_date,
};
use crate::domain::content::Workbook;
use crate::domain::review::Review;
use crate::domain::snapshot;

/// What importing one file would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Planned {
    /// A date with no review here: the file becomes its review.
    New {
        /// The review's date (its `date` key).
        date: NaiveDate,
        /// The file it comes from.
        source: PathBuf,
        /// Its text, as it was (decrypted when it was an age file).
        text: String,
    },
    /// The same review is here already (when it was saved aside): skipped.
    Same {
        /// The review's date.
        date: NaiveDate,
        /// The file it comes from.
        source: PathBuf,
    },
    /// A review of a date already here that differs from it: kept beside it as a second
    /// version, to resolve in the workbook's history.
    Conflict {
        /// The review's date.
        date: NaiveDate,
        /// The file it comes from.
        source: PathBuf,
        /// Its text, as it was.
        text: String,
    },
    /// Not a review that can be read: not copied.
    Bad {
        /// The file or folder.
        source: PathBuf,
        /// The line at fault, when there is one.
        line: Option<usize>,
        /// What is wrong, in words.
        reason: String,
    },
}

/// What applying one planned file wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file written in the data dir.
    pub path: PathBuf,
    /// Whether it was kept as a second version (a conflict copy) rather than as the review.
    pub second_version: bool,
}

/// Why a file is bad: the line at fault, if any, and the reason.
type Fault = (Option<usize>, String);

/// The versions of one date a file is compared with.
#[derive(Default)]
struct Known {
    /// A review of the date is here (readable or not), or one is planned in this import.
    here: bool,
    /// The readable versions: the review, its second versions, those planned; `saved_at` cleared.
    versions: Vec<Review>,
}

/// What importing `paths` into `store` would do, file by file, in the order given (a folder's
/// reviews oldest first). Only reads. A folder holding `snapshots/` is a data dir and its
/// reviews there are read; any other folder is read for files named like reviews
/// (`YYYY-MM-DD.toml`, `partnerbook-YYYY-MM-DD.toml`, second versions), not further down.
/// A date found twice in one import compares the second with the first.
pub fn plan(store: &Store, paths: &[PathBuf], workbook: &Workbook) -> Vec<Planned> {
    let mut known: BTreeMap<NaiveDate, Known> = BTreeMap::new();
    let mut planned = Vec::new();
    for path in paths {
        let files = match files_of(path) {
            Ok(files) => files,
            Err((line, reason)) => {
                planned.push(bad(path, line, reason));
                continue;
            }
        };
        for source in files {
            let (review, text) = match read(store, &source, workbook) {
                Ok(read) => read,
                Err((line, reason)) => {
                    planned.push(bad(&source, line, reason));
                    continue;
                }
            };
            let date = review.date;
            let known = known
                .entry(date)
                .or_insert_with(|| known_here(store, date, workbook));
            let review = Review {
                saved_at: None,
                ..review
            };
            planned.push(if known.versions.contains(&review) {
                Planned::Same { date, source }
            } else if known.here {
                Planned::Conflict { date, source, text }
            } else {
                Planned::New { date, source, text }
            });
            known.here = true;
            known.versions.push(review);
        }
    }
    planned
}

/// Writes what `plan` planned, in order; returns the files written.
pub fn apply(
    store: &Store,
    plan: &[Planned],
    now: DateTime<FixedOffset>,
) -> Result<Vec<PathBuf>, StoreError> {
    let mut written = Vec::new();
    for item in plan {
        written.extend(apply_one(store, item, now)?.map(|w| w.path));
    }
    Ok(written)
}

/// Writes one planned file: a new review through [`Store::save_text`] (encrypted when the
/// store is), a differing one as a conflict copy; `None` for the others. A review that has
/// appeared since the plan was made is not written over: the new one is kept beside it.
pub fn apply_one(
    store: &Store,
    item: &Planned,
    now: DateTime<FixedOffset>,
) -> Result<Option<Written>, StoreError> {
    let (date, text, second_version) = match item {
        Planned::New { date, text, .. } => (*date, text, store.file_of(*date).is_some()),
        Planned::Conflict { date, text, .. } => (*date, text, true),
        Planned::Same { .. } | Planned::Bad { .. } => return Ok(None),
    };
    let path = if second_version {
        store.write_in_snapshots(store.conflict_copy_path(date, now), text)?
    } else {
        store.save_text(date, text)?
    };
    Ok(Some(Written {
        path,
        second_version,
    }))
}

fn bad(source: &Path, line: Option<usize>, reason: impl Into<String>) -> Planned {
    Planned::Bad {
        source: source.to_path_buf(),
        line,
        reason: reason.into(),
    }
}

/// The review of `date` here and its second versions, as they are on disk.
fn known_here(store: &Store, date: NaiveDate, workbook: &Workbook) -> Known {
    let current = store.load(date, workbook);
    let copies = store
        .copies_of(date)
        .into_iter()
        .filter_map(|copy| store.load_copy(date, &copy, workbook).ok());
    Known {
        // An unreadable review is still a review: nothing is written over it.
        here: !matches!(current, Ok(None)),
        versions: current
            .ok()
            .flatten()
            .into_iter()
            .chain(copies)
            .map(|review| Review {
                saved_at: None,
                ..review
            })
            .collect(),
    }
}

/// The files `path` names: itself, or the reviews of a folder (see [`plan`]).
fn files_of(path: &Path) -> Result<Vec<PathBuf>, Fault> {
    let meta = fs::metadata(path).map_err(|e| (None, io_reason(&e)))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let snapshots = path.join("snapshots");
    let dir = if snapshots.is_dir() {
        snapshots
    } else {
        path.to_path_buf()
    };
    let entries = fs::read_dir(&dir).map_err(|e| (None, format!("cannot list it: {e}")))?;
    let mut files: Vec<(NaiveDate, bool, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name();
            let (date, copy) = review_name(name.to_str()?)?;
            Some((date, copy, entry.path()))
        })
        .collect();
    if files.is_empty() {
        let reason = "no reviews in it: neither a data dir (with snapshots/) nor a folder of YYYY-MM-DD.toml files";
        return Err((None, reason.into()));
    }
    // By date, each review before its second versions, so those are compared with it.
    files.sort();
    Ok(files.into_iter().map(|(_, _, path)| path).collect())
}

/// The date a file in a folder is a review of, and whether it is a second version, when
/// `name` is a review's (`YYYY-MM-DD.toml`, `partnerbook-YYYY-MM-DD.toml`, a conflict copy;
/// each may be `.age`).
fn review_name(name: &str) -> Option<(NaiveDate, bool)> {
    snapshot_name_date(name)
        .or_else(|| snapshot_name_date(name.strip_prefix("partnerbook-")?))
        .map(|date| (date, false))
        .or_else(|| conflict_copy_date(name).map(|date| (date, true)))
}

/// The date a file's name promises, which its `date` must match as the store requires: that
/// of `YYYY-MM-DD.toml` and of a conflict copy; any other name promises none.
fn promised_date(path: &Path) -> Option<NaiveDate> {
    let name = path.file_name()?.to_str()?;
    snapshot_name_date(name).or_else(|| conflict_copy_date(name))
}

/// The review in `source` and its text, read strictly (decrypted with the store's keys when
/// it is an age file), or why it cannot be imported.
fn read(store: &Store, source: &Path, workbook: &Workbook) -> Result<(Review, String), Fault> {
    let bytes = read_regular(source).map_err(|e| (None, io_reason(&e)))?;
    let sealed = is_sealed(source)
        || bytes.starts_with(b"age-encryption.org/")
        || bytes.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----");
    let bytes = if sealed {
        open(store, &bytes).map_err(|reason| (None, reason))?
    } else {
        bytes
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        (Some(line), "not valid UTF-8 text".to_string())
    })?;
    let review = snapshot::from_toml(&text, workbook).map_err(|e| (Some(e.line), e.reason))?;
    if promised_date(source).is_some_and(|date| date != review.date) {
        let reason = format!("`date = {}` does not match the file name", review.date);
        return Err((Some(snapshot::key_line(&text, "date")), reason));
    }
    Ok((review, text))
}

/// The plain bytes of an age file, opened with the store's keys.
fn open(store: &Store, sealed: &[u8]) -> Result<Vec<u8>, String> {
    match store.keys() {
        Some(keys) => keys.open(sealed).map_err(|e| {
            format!(
                "cannot decrypt it: {e} (encrypted with another key? decrypt it in its own data dir first, with `partnerbook decrypt`)"
            )
        }),
        None if store.is_encrypted() => Err("the data dir is encrypted and was not unlocked".into()),
        None => Err(
            "it is encrypted and this data dir is not: decrypt it in its own data dir first, with `partnerbook decrypt`"
                .into(),
        ),
    }
}

/// An I/O error on a source, in words.
fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests;
