//! Which form a review's file takes — plain `YYYY-MM-DD.toml`, or `YYYY-MM-DD.toml.age` when
//! the data dir is encrypted — and reading and writing through the keys: files are decrypted
//! as they are read and encrypted before they are written, so no plain text reaches the disk.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::{Store, StoreError};
use crate::storage::keys::{self, Keyring, SEALED_SUFFIX};

/// Whether `path` names an encrypted file (`….age`).
pub fn is_sealed(path: &Path) -> bool {
    path.to_str().is_some_and(|p| p.ends_with(SEALED_SUFFIX))
}

/// `path` in the other form: `X.toml` ⇄ `X.toml.age`.
pub fn twin_of(path: &Path) -> PathBuf {
    let text = path.as_os_str().to_string_lossy();
    match text.strip_suffix(SEALED_SUFFIX) {
        Some(plain) => PathBuf::from(plain),
        None => PathBuf::from(format!("{text}{SEALED_SUFFIX}")),
    }
}

impl Store {
    /// The same store reading and writing through `keys`: every file it writes is encrypted.
    pub fn with_keys(self, keys: Arc<Keyring>) -> Store {
        Store {
            keys: Some(keys),
            ..self
        }
    }

    /// The unlocked keys, when the data dir is encrypted and was unlocked.
    pub fn keys(&self) -> Option<&Keyring> {
        self.keys.as_deref()
    }

    /// Whether the data dir keeps its reviews encrypted (it holds `identity.age`).
    pub fn is_encrypted(&self) -> bool {
        self.keys.is_some() || keys::is_encrypted(self.dir())
    }

    /// `name` in this store's form: with `.age` after it when the store writes encrypted.
    pub(super) fn in_form(&self, path: PathBuf) -> PathBuf {
        match (&self.keys, is_sealed(&path)) {
            (Some(_), false) | (None, true) => twin_of(&path),
            _ => path,
        }
    }

    /// The file `date`'s review is read from: the one in this store's form when it exists,
    /// else the other (a plain review in an encrypted dir, or the reverse), else none.
    pub fn file_of(&self, date: NaiveDate) -> Option<PathBuf> {
        let preferred = self.path_for(date);
        let other = twin_of(&preferred);
        [preferred, other]
            .into_iter()
            .find(|path| fs::symlink_metadata(path).is_ok())
    }

    /// The reviews kept as plain text in an encrypted data dir (a restored backup, a sync):
    /// each is read as usual and encrypted when next saved. Empty for a plain data dir.
    pub fn plain_in_encrypted_dir(&self) -> std::collections::BTreeSet<NaiveDate> {
        if !self.is_encrypted() {
            return Default::default();
        }
        let Ok(entries) = fs::read_dir(self.snapshots_dir()) else {
            return Default::default();
        };
        entries
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name();
                let name = name.to_str()?;
                if name.ends_with(SEALED_SUFFIX) {
                    return None;
                }
                super::snapshot_name_date(name)
            })
            .collect()
    }

    /// The bytes of a file as plain text: read (never from a FIFO or a device), then decrypted
    /// when it is a `.age` file. `None` when it does not exist.
    pub fn read_plain(&self, path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
        let bytes = match super::read_regular(path) {
            Ok(bytes) => bytes,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(None);
            }
            Err(source) => {
                return Err(StoreError::Io {
                    verb: "read",
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        if !is_sealed(path) {
            return Ok(Some(bytes));
        }
        let opened = match &self.keys {
            Some(keys) => keys.open(&bytes),
            None if keys::is_encrypted(self.dir()) => Err(io::Error::other(
                "the data dir is encrypted and was not unlocked",
            )),
            None => Err(io::Error::other(format!(
                "it is encrypted and this data dir has no key ({}) to open it",
                keys::IDENTITY_FILE
            ))),
        };
        opened.map(Some).map_err(|source| StoreError::Io {
            verb: "decrypt",
            path: path.to_path_buf(),
            source,
        })
    }

    /// `plain` as it goes to disk: encrypted when the store has keys. An encrypted dir that
    /// was not unlocked refuses, so plain text never lands beside encrypted reviews.
    pub fn seal_for_disk(&self, plain: &[u8], path: &Path) -> Result<Vec<u8>, StoreError> {
        let io_error = |source| StoreError::Io {
            verb: "write",
            path: path.to_path_buf(),
            source,
        };
        match &self.keys {
            Some(keys) => keys.seal(plain).map_err(io_error),
            None if keys::is_encrypted(self.dir()) => Err(io_error(io::Error::other(
                "the data dir is encrypted and was not unlocked",
            ))),
            None => Ok(plain.to_vec()),
        }
    }

    /// Writes the draft of unsaved changes (encrypted when the store is).
    pub fn write_draft(&self, text: &str) -> Result<(), StoreError> {
        let path = self.draft_path();
        let bytes = self.seal_for_disk(text.as_bytes(), &path)?;
        self.write_file(&path, &bytes)
            .map_err(|source| StoreError::Io {
                verb: "write",
                path,
                source,
            })
    }

    /// The draft's text (decrypted), `None` when there is none.
    pub fn read_draft(&self) -> Result<Option<Vec<u8>>, StoreError> {
        self.read_plain(&self.draft_path())
    }

    /// Where a text handed to `$EDITOR` is written: the data dir (the system temp dir before it
    /// exists), or — when the reviews are encrypted — a private folder in `$XDG_RUNTIME_DIR` (memory, not disk) or the system
    /// temp dir, so the plain text never lands in the data dir or its backups.
    pub fn scratch_dir(&self) -> Result<PathBuf, StoreError> {
        if !self.is_encrypted() {
            // A data dir not made yet (nothing saved) leaves the system temp dir.
            return Ok(Some(self.dir())
                .filter(|dir| dir.is_dir())
                .map_or_else(std::env::temp_dir, Path::to_path_buf));
        }
        let base = directories::BaseDirs::new()
            .and_then(|dirs| dirs.runtime_dir().map(Path::to_path_buf))
            .filter(|dir| dir.is_dir())
            .unwrap_or_else(std::env::temp_dir);
        let user = rustix::process::getuid().as_raw();
        let dir = base.join(format!("partnerbook-{user}"));
        super::create_private_dir(&dir)?;
        check_owned(&dir).map_err(|source| StoreError::Io {
            verb: "use",
            path: dir.clone(),
            source,
        })?;
        Ok(dir)
    }
}

/// Fails unless `dir` belongs to this user and only this user may enter it.
#[cfg(unix)]
fn check_owned(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    let meta = fs::symlink_metadata(dir)?;
    let mine = meta.uid() == rustix::process::getuid().as_raw();
    if !meta.is_dir() || !mine || meta.mode() & 0o077 != 0 {
        return Err(io::Error::other(
            "it is not a private folder of this user's, so the text is not written there",
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_owned(_dir: &Path) -> io::Result<()> {
    Ok(())
}
