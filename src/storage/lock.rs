//! One writer per workbook: an advisory lock on `<data dir>/.lock`, held while the app runs.
//! The lock lives on its own file (a lock on a snapshot would be lost at the atomic rename) and
//! dies with the process, so a stale lock from a crashed run never blocks anyone.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// Name of the lock file inside the data dir.
pub const LOCK_FILE: &str = ".lock";

/// The held lock; dropping it releases it.
#[derive(Debug)]
pub struct WorkbookLock {
    _file: File,
}

/// What trying to take the lock found.
#[derive(Debug)]
pub enum LockOutcome {
    /// This process is the one writer.
    Acquired(WorkbookLock),
    /// Another process holds it: open read-only.
    HeldElsewhere,
    /// The lock file could not be made (the data dir is not usable); saving will report why.
    Unavailable(io::Error),
}

/// The lock file's path in `dir`.
pub fn lock_path(dir: &Path) -> PathBuf {
    dir.join(LOCK_FILE)
}

/// Tries to become the workbook's one writer, creating the data dir (0700) if needed.
pub fn acquire(dir: &Path) -> LockOutcome {
    if let Err(error) = crate::storage::store::create_private_dir(dir) {
        return LockOutcome::Unavailable(io::Error::other(error.to_string()));
    }
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let file = match options.open(lock_path(dir)) {
        Ok(file) => file,
        Err(error) => return LockOutcome::Unavailable(error),
    };
    match file.try_lock() {
        Ok(()) => LockOutcome::Acquired(WorkbookLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => LockOutcome::HeldElsewhere,
        Err(std::fs::TryLockError::Error(error)) => LockOutcome::Unavailable(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_refused_until_the_first_lets_go() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("data");
        let first = acquire(&dir);
        assert!(matches!(first, LockOutcome::Acquired(_)), "{first:?}");
        assert!(matches!(acquire(&dir), LockOutcome::HeldElsewhere));
        drop(first);
        assert!(matches!(acquire(&dir), LockOutcome::Acquired(_)));
    }

    #[test]
    fn a_data_dir_that_is_a_file_makes_the_lock_unavailable() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join("not-a-dir");
        std::fs::write(&file, "x").expect("write");
        assert!(matches!(acquire(&file), LockOutcome::Unavailable(_)));
    }
}
