//! Private files and folders: creating the data dir 0700, writing files atomically 0600, and
//! clearing the temporary files a killed save leaves behind.

use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

use super::{Store, StoreError};

/// Creates `dir` (and its parents) if missing and makes it 0700.
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let io_err = |source| StoreError::Io {
        verb: "create",
        path: dir.to_path_buf(),
        source,
    };
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(StoreError::NotADirectory(dir.to_path_buf())),
        Err(_) => fs::create_dir_all(dir).map_err(io_err)?,
    }
    set_mode(dir, 0o700).map_err(io_err)
}

#[cfg(unix)]
pub(super) fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let current = fs::metadata(path)?.permissions().mode() & 0o777;
    if current != mode {
        fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

#[cfg(not(unix))]
pub(super) fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Atomically replaces `path` with `bytes`, readable by the owner only.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600).preserve_mode(false);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.commit()
}

impl Store {
    /// Deletes temporary files a killed save left behind (`.NAME.toml.XXXXXX` beside the
    /// snapshots and the draft). Only the lock holder calls it, so no save is under way.
    /// Returns how many were removed.
    pub fn remove_stale_temp_files(&self) -> usize {
        let mut removed = 0;
        for dir in [self.dir().to_path_buf(), self.snapshots_dir()] {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let stale = name
                    .to_str()
                    .and_then(|n| n.strip_prefix('.'))
                    .is_some_and(|n| n.contains(".toml."));
                if stale && fs::remove_file(entry.path()).is_ok() {
                    removed += 1;
                }
            }
        }
        removed
    }
}
