//! Resolving two versions of a review on disk: reading a second version, turning git's
//! conflict markers into a second version, and saving the resolved review — the second
//! version and the file's former bytes moved into `<data dir>/resolved/`, never deleted.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Store, StoreError, is_sealed, parse_file};
use crate::domain::content::Workbook;
use crate::domain::review::Review;
use crate::domain::snapshot;

impl Store {
    /// Where resolved-away versions are kept.
    pub fn resolved_dir(&self) -> PathBuf {
        self.dir().join("resolved")
    }

    /// The second versions of `date`'s review (any tool's), oldest name first.
    pub fn copies_of(&self, date: NaiveDate) -> Vec<PathBuf> {
        self.conflict_copies()
            .unwrap_or_default()
            .into_iter()
            .filter(|(d, _)| *d == date)
            .map(|(_, path)| path)
            .collect()
    }

    /// The review a second version at `path` holds (decrypted when it is a `.age` file).
    pub fn load_copy(
        &self,
        date: NaiveDate,
        path: &Path,
        workbook: &Workbook,
    ) -> Result<Review, StoreError> {
        let bytes = self
            .read_plain(path)?
            .ok_or_else(|| super::vanished(path.to_path_buf()))?;
        parse_file(path, date, &bytes, workbook)
    }

    /// When `date`'s file holds git's conflict markers, keeps "ours" in the file and writes
    /// "theirs" as a conflict copy beside it (both in this store's form); returns the copy.
    /// `None` when the file has no markers.
    pub fn split_merge_markers(
        &self,
        date: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Result<Option<PathBuf>, StoreError> {
        let Some(file) = self.file_of(date) else {
            return Ok(None);
        };
        let Some(bytes) = self.read_plain(&file)? else {
            return Ok(None);
        };
        let text = String::from_utf8_lossy(&bytes);
        let Some((ours, theirs)) = snapshot::split_merge_markers(&text) else {
            return Ok(None);
        };
        let copy = self.write_in_snapshots(self.conflict_copy_path(date, now), &theirs)?;
        self.write_in_snapshots(file, &ours)?;
        Ok(Some(copy))
    }

    /// Saves `text` as `date`'s review, resolving it with the second version at `copy`: the
    /// copy moves into `resolved/` and the file's former bytes are kept there too, as
    /// `DATE.replaced-YYYYMMDD-HHMMSS.toml` (`.age` when encrypted). Both are kept before the
    /// review is written, so a crash loses nothing. Returns every path that changed.
    pub fn resolve(
        &self,
        date: NaiveDate,
        text: &str,
        copy: &Path,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<PathBuf>, StoreError> {
        let resolved = self.resolved_dir();
        super::create_private_dir(&resolved)?;
        let mut changed = Vec::new();
        if let Some(file) = self.file_of(date) {
            let bytes = super::read_regular(&file).map_err(|source| io("read", &file, source))?;
            let suffix = if is_sealed(&file) {
                ".toml.age"
            } else {
                ".toml"
            };
            let stamp = now.format("%Y%m%d-%H%M%S");
            let kept = super::first_unused(|n| match n {
                1 => resolved.join(format!("{date}.replaced-{stamp}{suffix}")),
                n => resolved.join(format!("{date}.replaced-{stamp}-{n}{suffix}")),
            });
            self.write_file(&kept, &bytes)
                .map_err(|source| io("write", &kept, source))?;
            changed.push(kept);
        }
        let name = copy.file_name().unwrap_or_default();
        let moved = match self.keys() {
            // A plain copy in an encrypted dir is kept encrypted.
            Some(keys) if !is_sealed(copy) => {
                let moved = super::twin_of(&resolved.join(name));
                let plain = super::read_regular(copy).map_err(|source| io("read", copy, source))?;
                let sealed = keys
                    .seal(&plain)
                    .map_err(|source| io("encrypt", copy, source))?;
                self.write_file(&moved, &sealed)
                    .map_err(|source| io("write", &moved, source))?;
                fs::remove_file(copy).map_err(|source| io("remove", copy, source))?;
                moved
            }
            _ => {
                let moved = resolved.join(name);
                fs::rename(copy, &moved).map_err(|source| io("move", copy, source))?;
                moved
            }
        };
        changed.extend([copy.to_path_buf(), moved]);
        let path = self.save_text(date, text)?;
        changed.extend([super::twin_of(&path), path]);
        Ok(changed)
    }
}

fn io(verb: &'static str, path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        verb,
        path: path.to_path_buf(),
        source,
    }
}
