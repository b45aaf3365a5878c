//! Two versions of one review: what a file held when it was read (size, modification time and a
//! hash of its bytes), so a save can tell whether someone else changed it meanwhile, and the
//! conflict copies a save writes instead of overwriting such a change.

use std::fs;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::io;
use std::path::PathBuf;
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Store, StoreError, is_sealed, parse_file};
use crate::domain::content::Workbook;
use crate::domain::review::Review;
use crate::domain::snapshot;

/// The word in a conflict copy's name: `YYYY-MM-DD.conflict-YYYYMMDD-HHMMSS.toml`.
pub const CONFLICT_MARK: &str = ".conflict-";

/// What a review file held when it was read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    /// Its size in bytes.
    pub len: u64,
    /// When it was last modified, where the file system says.
    pub modified: Option<SystemTime>,
    /// A hash of its bytes.
    pub hash: u64,
}

impl FileStamp {
    /// The stamp of `bytes`, as read from or written to a file modified at `modified`.
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> FileStamp {
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        FileStamp {
            len: bytes.len() as u64,
            modified,
            hash: hasher.finish(),
        }
    }

    /// Whether both stamps describe the same bytes (a file touched but not changed is the same).
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// A review as read from disk, with the file's stamp and text.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The review.
    pub review: Review,
    /// What the file held.
    pub stamp: FileStamp,
    /// The file's text, for a save that keeps a hand-edited file's shape.
    pub text: String,
}

impl Store {
    /// `date`'s review with its file's stamp and text, or `None` when there is no file.
    pub fn load_versioned(
        &self,
        date: NaiveDate,
        workbook: &Workbook,
    ) -> Result<Option<Loaded>, StoreError> {
        let Some(path) = self.file_of(date) else {
            return Ok(None);
        };
        let Some(bytes) = self.read_plain(&path)? else {
            return Ok(None);
        };
        let modified = fs::metadata(&path).and_then(|m| m.modified()).ok();
        let review = parse_file(&path, date, &bytes, workbook)?;
        Ok(Some(Loaded {
            review,
            stamp: FileStamp::of(&bytes, modified),
            text: String::from_utf8_lossy(&bytes).into_owned(),
        }))
    }

    /// The stamp of `date`'s file as it is now, or `None` when there is none.
    pub fn stamp_now(&self, date: NaiveDate) -> Result<Option<FileStamp>, StoreError> {
        let Some(path) = self.file_of(date) else {
            return Ok(None);
        };
        let Some(bytes) = self.read_plain(&path)? else {
            return Ok(None);
        };
        let modified = fs::metadata(&path).and_then(|m| m.modified()).ok();
        Ok(Some(FileStamp::of(&bytes, modified)))
    }

    /// Writes `review` beside its file as a conflict copy named after `now`, leaving the file
    /// itself alone; returns the copy's path.
    pub fn save_conflict_copy(
        &self,
        review: &Review,
        workbook: &Workbook,
        now: DateTime<FixedOffset>,
    ) -> Result<PathBuf, StoreError> {
        let path = self.conflict_copy_path(review.date, now);
        self.write_in_snapshots(path, &snapshot::to_toml(review, workbook))
    }

    /// A name for a new conflict copy of `date`'s review made at `now`, in this store's form:
    /// two copies made within one second get different names, so no copy replaces another.
    pub fn conflict_copy_path(&self, date: NaiveDate, now: DateTime<FixedOffset>) -> PathBuf {
        let stem = format!(
            "{}{CONFLICT_MARK}{}",
            date.format("%Y-%m-%d"),
            now.format("%Y%m%d-%H%M%S")
        );
        super::first_unused(|n| match n {
            1 => self.in_form(self.snapshots_dir().join(format!("{stem}.toml"))),
            n => self.in_form(self.snapshots_dir().join(format!("{stem}-{n}.toml"))),
        })
    }

    /// The conflict copies beside the snapshots, with the date each is a version of, oldest
    /// date first. A missing directory holds none.
    pub fn conflict_copies(&self) -> Result<Vec<(NaiveDate, PathBuf)>, StoreError> {
        let dir = self.snapshots_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(Vec::new());
            }
            Err(source) => {
                return Err(StoreError::Io {
                    verb: "list",
                    path: dir,
                    source,
                });
            }
        };
        let mut copies: Vec<(NaiveDate, PathBuf)> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let date = super::conflict_copy_date(entry.file_name().to_str()?)?;
                Some((date, entry.path()))
            })
            .collect();
        copies.sort();
        Ok(copies)
    }

    /// How many versions each date has on disk: its file, its conflict copies, and a file in
    /// the other form beside it (a plain copy beside an encrypted review) — a date absent
    /// from the map has one, or none. One directory listing, names only: no file is opened or
    /// stat'ed (a symlink in the other form counts when it leads to something, as
    /// [`Store::file_of`] and `Path::exists` would say).
    pub fn versions(&self) -> std::collections::BTreeMap<NaiveDate, usize> {
        let mut versions = std::collections::BTreeMap::new();
        let Ok(entries) = fs::read_dir(self.snapshots_dir()) else {
            return versions;
        };
        // Per date: [plain, encrypted] — listed, and (for the other form) leading somewhere.
        let mut forms: std::collections::BTreeMap<NaiveDate, [(bool, bool); 2]> =
            Default::default();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            if let Some(date) = super::conflict_copy_date(name) {
                *versions.entry(date).or_insert(1) += 1;
            } else if let Some(date) = super::snapshot_name_date(name) {
                let sealed = usize::from(is_sealed(std::path::Path::new(name)));
                let resolves =
                    !entry.file_type().is_ok_and(|kind| kind.is_symlink()) || entry.path().exists();
                forms.entry(date).or_default()[sealed] = (true, resolves);
            }
        }
        // `file_of` reads the form this store writes when it is there; the other one beside
        // it is a second version.
        let preferred = usize::from(self.keys().is_some());
        for (date, form) in forms {
            if form[preferred].0 && form[1 - preferred].1 {
                *versions.entry(date).or_insert(1) += 1;
            }
        }
        versions
    }
}
