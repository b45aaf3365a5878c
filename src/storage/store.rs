//! The snapshot directory: where it is, which dated files it holds, and loading and
//! saving them atomically with private permissions.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::domain::content::Workbook;
use crate::domain::review::{Review, Summary};
use crate::domain::snapshot::{self, SnapshotError};
use crate::storage::keys::Keyring;

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "PARTNERBOOK_DATA_DIR";

/// What went wrong reaching the snapshot directory or one of its files.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The platform has no data directory (no home directory).
    #[error("cannot find a data directory; pass --data-dir or set {DATA_DIR_ENV}")]
    NoDataDir,
    /// The data directory path exists but is not a directory.
    #[error("data dir {0} is not a directory")]
    NotADirectory(PathBuf),
    /// An I/O error on a path.
    #[error("cannot {verb} {}: {source}", path.display())]
    Io {
        /// What was being done: "read", "write", "create", "list".
        verb: &'static str,
        /// The path it was done to.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A snapshot file that does not parse.
    #[error("{}:{}: {}", path.display(), error.line, error.reason)]
    BadSnapshot {
        /// The file.
        path: PathBuf,
        /// Where and why.
        error: SnapshotError,
    },
}

/// One snapshot file found in the directory, parsed or with the reason it could not be.
#[derive(Debug)]
pub struct Listed {
    /// The date in the file name.
    pub date: NaiveDate,
    /// The review, or why it could not be read.
    pub review: Result<Review, StoreError>,
}

/// How a store writes a file: atomically and privately, unless a test swaps in a failing one.
pub type Writer = fn(&Path, &[u8]) -> io::Result<()>;

/// One snapshot file's counts, or the reason it could not be read.
#[derive(Debug)]
pub struct ListedSummary {
    /// The date in the file name.
    pub date: NaiveDate,
    /// Its counts, or why it could not be read.
    pub summary: Result<Summary, StoreError>,
}

/// Below this many files, listing parses them on one thread.
const PARALLEL_FROM: usize = 64;

/// The data directory holding `snapshots/YYYY-MM-DD.toml`.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    writer: Writer,
    /// The unlocked keys of an encrypted data dir (see `sealing`).
    keys: Option<Arc<Keyring>>,
}

impl Store {
    /// A store rooted at `dir`. Nothing is touched on disk until a save.
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store {
            dir: dir.into(),
            writer: write_private,
            keys: None,
        }
    }

    /// The same store writing through `writer` (tests use it to simulate a full disk).
    pub fn with_writer(self, writer: Writer) -> Store {
        Store { writer, ..self }
    }

    /// Writes `bytes` to any `path` through this store's writer (atomic, 0600).
    pub fn write_file(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        (self.writer)(path, bytes)
    }

    /// The draft file: the review being edited, written a moment after each change
    /// (`draft.toml`, or `draft.toml.age` when encrypted).
    pub fn draft_path(&self) -> PathBuf {
        self.in_form(self.dir.join("draft.toml"))
    }

    /// The platform data directory: `$XDG_DATA_HOME/partnerbook` on Linux.
    pub fn default_dir() -> Result<PathBuf, StoreError> {
        directories::ProjectDirs::from("", "", "partnerbook")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or(StoreError::NoDataDir)
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The directory holding the snapshot files.
    pub fn snapshots_dir(&self) -> PathBuf {
        self.dir.join("snapshots")
    }

    /// The file a review of `date` is written to: `YYYY-MM-DD.toml`, or with `.age` after it
    /// when the store encrypts. [`Store::file_of`] says which file it is read from.
    pub fn path_for(&self, date: NaiveDate) -> PathBuf {
        self.in_form(
            self.snapshots_dir()
                .join(format!("{}.toml", date.format("%Y-%m-%d"))),
        )
    }

    /// Fails when the data directory exists but is not a directory.
    pub fn check(&self) -> Result<(), StoreError> {
        match fs::metadata(&self.dir) {
            Ok(meta) if !meta.is_dir() => Err(StoreError::NotADirectory(self.dir.clone())),
            Err(source) if source.kind() != io::ErrorKind::NotFound => Err(StoreError::Io {
                verb: "read",
                path: self.dir.clone(),
                source,
            }),
            _ => Ok(()),
        }
    }

    /// The review of `date`, or `None` when there is no file for it.
    pub fn load(&self, date: NaiveDate, workbook: &Workbook) -> Result<Option<Review>, StoreError> {
        let Some(path) = self.file_of(date) else {
            return Ok(None);
        };
        match self.read_plain(&path)? {
            Some(bytes) => parse_file(&path, date, &bytes, workbook).map(Some),
            None => Ok(None),
        }
    }

    /// Dates of all snapshot files, newest first. A missing directory holds none.
    pub fn dates(&self) -> Result<Vec<NaiveDate>, StoreError> {
        self.check()?;
        let dir = self.snapshots_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(StoreError::Io {
                    verb: "list",
                    path: dir,
                    source,
                });
            }
        };
        let mut dates: Vec<NaiveDate> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| snapshot_name_date(entry.file_name().to_str()?))
            .collect();
        dates.sort_unstable_by(|a, b| b.cmp(a));
        // A review in both forms (an encryption under way) is one review.
        dates.dedup();
        Ok(dates)
    }

    /// Every snapshot, newest first, each parsed or marked with its error.
    pub fn list(&self, workbook: &Workbook) -> Result<Vec<Listed>, StoreError> {
        Ok(self
            .dates()?
            .into_iter()
            .map(|date| {
                let review = self
                    .load(date, workbook)
                    .and_then(|found| found.ok_or_else(|| vanished(self.path_for(date))));
                Listed { date, review }
            })
            .collect())
    }

    /// The counts of `date`'s review, or why its file cannot be read (or has gone).
    pub fn summary(&self, date: NaiveDate, workbook: &Workbook) -> Result<Summary, StoreError> {
        self.load(date, workbook)
            .and_then(|found| found.ok_or_else(|| vanished(self.path_for(date))))
            .map(|review| review.summary())
    }

    /// Every snapshot's counts, newest first, each file parsed (strictly) and dropped at once;
    /// many files are parsed on all cores, in order.
    pub fn list_summaries(&self, workbook: &Workbook) -> Result<Vec<ListedSummary>, StoreError> {
        let dates = self.dates()?;
        let summaries = self.summaries(&dates, workbook)?;
        Ok(dates
            .into_iter()
            .zip(summaries)
            .map(|(date, summary)| ListedSummary { date, summary })
            .collect())
    }

    /// The counts of each of `dates`' reviews, in the same order, each file read (decrypted)
    /// and parsed strictly. From [`PARALLEL_FROM`] files on they are read on all cores: in an
    /// encrypted dir each file costs an X25519 key agreement as well as the parse.
    pub fn summaries(
        &self,
        dates: &[NaiveDate],
        workbook: &Workbook,
    ) -> Result<Vec<Result<Summary, StoreError>>, StoreError> {
        let cache = SummaryCache::load(self);
        let summarise = |date: &NaiveDate| match (&cache, self.file_of(*date)) {
            (Some(cache), Some(path)) => {
                if let Some(summary) = cache.get(&path, *date) {
                    return Ok(summary);
                }
                let before = summary_cache::Key::of(&path);
                let counted = self.summary(*date, workbook);
                if let Ok(summary) = &counted {
                    cache.put(&path, before, summary);
                }
                counted
            }
            _ => self.summary(*date, workbook),
        };
        let counted = self.count_all(dates, summarise)?;
        if let Some(cache) = cache {
            cache.save(self);
        }
        Ok(counted)
    }

    /// `summarise` of each date, in order; on all cores from [`PARALLEL_FROM`] dates on.
    fn count_all(
        &self,
        dates: &[NaiveDate],
        summarise: impl Fn(&NaiveDate) -> Result<Summary, StoreError> + Sync,
    ) -> Result<Vec<Result<Summary, StoreError>>, StoreError> {
        let summarise = &summarise;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        if threads < 2 || dates.len() < PARALLEL_FROM {
            return Ok(dates.iter().map(summarise).collect());
        }
        let chunk = dates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = dates
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(summarise).collect()))
                .collect();
            let mut rows: Vec<Result<Summary, StoreError>> = Vec::with_capacity(dates.len());
            for worker in workers {
                let part: Vec<_> = worker.join().map_err(|_| StoreError::Io {
                    verb: "list",
                    path: self.snapshots_dir(),
                    source: io::Error::other("a listing thread stopped"),
                })?;
                rows.extend(part);
            }
            Ok(rows)
        })
    }

    /// Writes `review` to its dated file atomically (temp file, fsync, rename, fsync of the
    /// directory), with the directories made private (0700) and the file 0600.
    pub fn save(&self, review: &Review, workbook: &Workbook) -> Result<PathBuf, StoreError> {
        let text = snapshot::to_toml(review, workbook);
        self.save_text(review.date, &text)
    }

    /// Writes `text` as `date`'s review, as [`Store::save`] does; returns its path. A review
    /// read from the other form (a plain file in an encrypted dir) is replaced by the new
    /// file, so it is encrypted when next saved.
    pub fn save_text(&self, date: NaiveDate, text: &str) -> Result<PathBuf, StoreError> {
        let was = self.file_of(date);
        let path = self.write_in_snapshots(self.path_for(date), text)?;
        if let Some(was) = was.filter(|was| *was != path) {
            let _ = fs::remove_file(was);
        }
        Ok(path)
    }

    /// Writes `text` to `path` in `snapshots/` (a review or a copy of one) atomically, with
    /// the folders made private first.
    pub(super) fn write_in_snapshots(
        &self,
        path: PathBuf,
        text: &str,
    ) -> Result<PathBuf, StoreError> {
        self.check()?;
        let snapshots = self.snapshots_dir();
        for dir in [&self.dir, &snapshots] {
            create_private_dir(dir)?;
        }
        let bytes = self.seal_for_disk(text.as_bytes(), &path)?;
        (self.writer)(&path, &bytes).map_err(|source| StoreError::Io {
            verb: "write",
            path: path.clone(),
            source,
        })?;
        Ok(path)
    }
}

pub(super) fn vanished(path: PathBuf) -> StoreError {
    let source = io::Error::from(io::ErrorKind::NotFound);
    StoreError::Io {
        verb: "read",
        path,
        source,
    }
}

fn parse_file(
    path: &Path,
    date: NaiveDate,
    bytes: &[u8],
    workbook: &Workbook,
) -> Result<Review, StoreError> {
    let bad = |line, reason: String| StoreError::BadSnapshot {
        path: path.to_path_buf(),
        error: SnapshotError { line, reason },
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        bad(line, "not valid UTF-8 text".into())
    })?;
    let review = snapshot::from_toml(text, workbook).map_err(|error| StoreError::BadSnapshot {
        path: path.to_path_buf(),
        error,
    })?;
    if review.date != date {
        let reason = format!("`date = {}` does not match the file name", review.date);
        return Err(bad(snapshot::key_line(text, "date"), reason));
    }
    Ok(review)
}

mod conflicts;
mod files;
mod resolving;
mod sealing;
mod summary_cache;
mod versions;

pub use summary_cache::CACHE_FILE;
use summary_cache::SummaryCache;

pub use sealing::{is_sealed, twin_of};

pub use versions::{CONFLICT_MARK, FileStamp, Loaded};

pub use conflicts::{
    ConflictKind, conflict_copy_date, conflict_copy_of, is_conflict_copy_name,
    own_conflict_copy_date,
};
pub use files::{
    create_private_dir, first_unused, is_temp_name_of, read_regular, refuse_shared_dir,
    snapshot_name_date, write_private, write_target,
};

#[cfg(test)]
mod tests;
