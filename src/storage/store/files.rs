//! Private files and folders: creating the data dir 0700, reading only regular files, writing
//! files atomically 0600 (through a symlink, never over a FIFO or a device), and clearing the
//! temporary files a killed save leaves behind — only those, by their exact names.

use std::fs::{self, OpenOptions};
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

use super::{Store, StoreError};
use crate::storage::keys::{IDENTITY_FILE, RECIPIENTS_FILE, SEALED_SUFFIX};

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

/// Makes `path` no more open than `mode`: bits are only ever taken away, so a folder the user
/// made stricter (0500) stays as strict.
#[cfg(unix)]
pub(super) fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let current = fs::metadata(path)?.permissions().mode() & 0o7777;
    let wanted = current & (mode | 0o7000);
    if current != wanted {
        fs::set_permissions(path, fs::Permissions::from_mode(wanted))?;
    }
    Ok(())
}

#[cfg(not(unix))]
pub(super) fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// The error for something that is not a regular file, naming what it is.
fn not_regular(meta: &fs::Metadata) -> io::Error {
    let kind = file_kind(meta);
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("not a regular file ({kind})"),
    )
}

/// "a FIFO", "a socket", "a device", "a directory"… in words.
fn file_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a FIFO";
        } else if kind.is_socket() {
            return "a socket";
        } else if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "not a plain file"
    }
}

/// Reads `path` whole when it is a regular file (or a symlink to one). A FIFO, socket, device
/// or directory is an error saying "not a regular file (a FIFO)", found from its metadata
/// before it is opened; the open itself is non-blocking and checked again, so no read ever
/// waits on a FIFO that changed places meanwhile.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The first of `named(1)`, `named(2)`, … that nothing takes, in either form (plain or
/// `.age`): files named within one second never replace one another.
pub fn first_unused(named: impl Fn(usize) -> PathBuf) -> PathBuf {
    let free = |path: &PathBuf| {
        fs::symlink_metadata(path).is_err() && fs::symlink_metadata(super::twin_of(path)).is_err()
    };
    (1..10_000)
        .map(&named)
        .find(free)
        .unwrap_or_else(|| named(10_000))
}

/// Where a write to `path` lands: `path` itself, or the file its symlinks lead to (so the link
/// is kept and its target replaced). An existing target that is not a regular file (a FIFO, a
/// device such as `/dev/full`, a directory) is refused.
pub fn write_target(path: &Path) -> io::Result<PathBuf> {
    let mut target = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&target) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(target),
            Err(error) => return Err(error),
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&target)?;
                target = match target.parent() {
                    Some(parent) => parent.join(link),
                    None => link,
                };
            }
            Ok(meta) if meta.is_file() => return Ok(target),
            Ok(meta) => return Err(not_regular(&meta)),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Atomically replaces `path` (or the file its symlink points to) with `bytes`, readable by
/// the owner only. A failed write leaves no temporary file behind.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = write_target(path)?;
    let mut options = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600).preserve_mode(false);
    }
    let mut file = options.open(&target)?;
    match file.write_all(bytes) {
        Ok(()) => file.commit(),
        Err(error) => {
            let _ = file.discard();
            Err(error)
        }
    }
}

/// Whether `name` is one `atomic-write-file` gives the temporary file of a write to `file`:
/// `.FILE.XXXXXX`, six random letters and digits. A six-letter lower-case word (`.backup`)
/// is taken for the user's own and kept: a leftover kept is harmless, a file lost is not.
pub fn is_temp_name_of(name: &str, file: &str) -> bool {
    let Some(suffix) = name
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(file))
        .and_then(|rest| rest.strip_prefix('.'))
    else {
        return false;
    };
    suffix.len() == 6
        && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        && !suffix.bytes().all(|b| b.is_ascii_lowercase())
}

impl Store {
    /// Deletes the temporary files a killed save left behind: exactly
    /// `.YYYY-MM-DD.toml.XXXXXX` in `snapshots/` and `.draft.toml.XXXXXX` in the data dir
    /// (see [`is_temp_name_of`]), regular files only. Anything else — a `.2026-01-05.toml.bak`,
    /// an editor's swap file — is left alone. Only the lock holder calls it, so no save is under
    /// way. Returns how many were removed.
    pub fn remove_stale_temp_files(&self) -> usize {
        let mut removed = 0;
        for dir in [self.dir().to_path_buf(), self.snapshots_dir()] {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let ours = name
                    .to_str()
                    .is_some_and(|name| self.is_own_temp(&dir, name));
                let regular = entry.file_type().is_ok_and(|kind| kind.is_file());
                if ours && regular && fs::remove_file(entry.path()).is_ok() {
                    removed += 1;
                }
            }
        }
        removed
    }

    /// Whether `name` in `dir` is a temporary file of this store's own writes.
    fn is_own_temp(&self, dir: &Path, name: &str) -> bool {
        if dir == self.dir() {
            return is_temp_name_of(name, "draft.toml")
                || is_temp_name_of(name, "draft.toml.age")
                || is_temp_name_of(name, IDENTITY_FILE)
                || is_temp_name_of(name, RECIPIENTS_FILE)
                || is_temp_name_of(name, super::CACHE_FILE);
        }
        let Some(file) = name.get(1..name.len().saturating_sub(7)) else {
            return false;
        };
        (snapshot_name_date(file).is_some() || super::own_conflict_copy_date(file).is_some())
            && is_temp_name_of(name, file)
    }
}

/// The date a file name is for, when it is exactly `YYYY-MM-DD.toml`, or that encrypted
/// (`YYYY-MM-DD.toml.age`).
pub fn snapshot_name_date(name: &str) -> Option<chrono::NaiveDate> {
    let name = name.strip_suffix(SEALED_SUFFIX).unwrap_or(name);
    let stem = name.strip_suffix(".toml")?;
    // Every listing reads every name, so the usual `YYYY-MM-DD` is read without chrono's
    // format parser (which was most of listing 1,000 names); only the spelling chrono itself
    // writes back counts, as below.
    let bytes = stem.as_bytes();
    if bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-' {
        let number = |from: usize, to: usize| {
            bytes[from..to].iter().try_fold(0u32, |n, b| {
                b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
            })
        };
        let year = i32::try_from(number(0, 4)?).ok()?;
        return chrono::NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?);
    }
    let date = chrono::NaiveDate::parse_from_str(stem, "%Y-%m-%d").ok()?;
    (date.format("%Y-%m-%d").to_string() == stem).then_some(date)
}

/// Refuses a data dir that is `/`, the home directory `home` or a folder above it: partnerbook
/// makes its data dir private (0700) and treats what is in it as its own, so it needs a folder
/// of its own. Paths are compared after following symlinks.
pub fn refuse_shared_dir(dir: &Path, home: Option<&Path>) -> io::Result<()> {
    let real = |path: &Path| fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir_real = real(dir);
    let what = if dir_real.parent().is_none() {
        "the root of the file system"
    } else if home.is_some_and(|home| real(home) == dir_real) {
        "your home directory"
    } else if home.is_some_and(|home| real(home).starts_with(&dir_real)) {
        "a folder holding your home directory"
    } else {
        return Ok(());
    };
    let example = home.map_or_else(
        || "~/.local/share/partnerbook".to_string(),
        |home| home.join(".local/share/partnerbook").display().to_string(),
    );
    Err(io::Error::other(format!(
        "data dir {} is {what}; partnerbook makes its data dir private and needs a folder of its own (e.g. {example})",
        dir.display()
    )))
}
