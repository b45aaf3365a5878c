//! Turning encryption on and off, one file at a time: each file's other form is written and
//! synced (atomically) before the file itself is removed, so a `kill -9` at any moment leaves
//! every review readable in one form or both, never neither, and running the command again
//! finishes the job. A file whose other form already exists with different content is kept
//! as a conflict copy, never dropped.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::keys::{self, Keyring};
use super::store::{self, Store, StoreError, is_sealed, twin_of};

/// What a conversion did.
#[derive(Debug, Default)]
pub struct Converted {
    /// Files written in the new form.
    pub files: usize,
    /// Files whose other form was already there with the same content (an interrupted run).
    pub finished: usize,
    /// Files whose other form differed, kept under a new name: (file, where it went).
    pub kept_apart: Vec<(PathBuf, PathBuf)>,
}

/// The files partnerbook keeps words in, in either form: reviews and conflict copies in
/// `snapshots/`, resolved-away versions in `resolved/`, the draft and set-aside drafts, and an
/// editor file left by a killed run.
pub fn word_files(store: &Store) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for dir in [
        store.snapshots_dir(),
        store.dir().to_path_buf(),
        store.resolved_dir(),
    ] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            let plain = name.strip_suffix(keys::SEALED_SUFFIX).unwrap_or(&name);
            let ours = if dir == store.resolved_dir() {
                plain.ends_with(".toml")
            } else if dir == store.dir() {
                plain == "draft.toml"
                    || (plain.starts_with("draft-unreadable-") && plain.ends_with(".toml"))
                    || (plain.starts_with("draft-kept-") && plain.ends_with(".toml"))
                    || (plain.starts_with(".partnerbook-item-") && plain.ends_with(".txt"))
            } else {
                store::snapshot_name_date(plain).is_some() || store::is_conflict_copy_name(plain)
            };
            if ours && entry.file_type().is_ok_and(|kind| kind.is_file()) {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    found
}

/// Encrypts every plain file of [`word_files`] with `keys` (the store must hold them).
pub fn seal_all(
    store: &Store,
    keys: &Keyring,
    now: DateTime<FixedOffset>,
) -> Result<Converted, StoreError> {
    let mut done = Converted::default();
    for path in word_files(store).into_iter().filter(|p| !is_sealed(p)) {
        let plain = read(&path)?;
        let target = twin_of(&path);
        let target = match read_if_present(&target)? {
            Some(sealed) => match keys.open(&sealed) {
                Ok(existing) if existing == plain => {
                    remove(&path)?;
                    done.finished += 1;
                    continue;
                }
                _ => {
                    let apart = kept_apart(store, &target, now);
                    done.kept_apart.push((path.clone(), apart.clone()));
                    apart
                }
            },
            None => target,
        };
        let sealed = keys
            .seal(&plain)
            .map_err(|e| io_error("encrypt", &path, e))?;
        store
            .write_file(&target, &sealed)
            .map_err(|e| io_error("write", &target, e))?;
        remove(&path)?;
        done.files += 1;
    }
    Ok(done)
}

/// Decrypts every encrypted file of [`word_files`] with `keys`. A file that does not decrypt
/// stops the run with its reason, before anything more is changed.
pub fn open_all(
    store: &Store,
    keys: &Keyring,
    now: DateTime<FixedOffset>,
) -> Result<Converted, StoreError> {
    let plain_store = Store::new(store.dir());
    let mut done = Converted::default();
    for path in word_files(store).into_iter().filter(|p| is_sealed(p)) {
        let sealed = read(&path)?;
        let plain = keys
            .open(&sealed)
            .map_err(|e| io_error("decrypt", &path, e))?;
        let target = twin_of(&path);
        let target = match read_if_present(&target)? {
            Some(existing) if existing == plain => {
                remove(&path)?;
                done.finished += 1;
                continue;
            }
            Some(_) => {
                let apart = kept_apart(&plain_store, &target, now);
                done.kept_apart.push((path.clone(), apart.clone()));
                apart
            }
            None => target,
        };
        store
            .write_file(&target, &plain)
            .map_err(|e| io_error("write", &target, e))?;
        remove(&path)?;
        done.files += 1;
    }
    Ok(done)
}

/// Where a file goes when `target` is taken by a different version: a conflict copy for a
/// review (in `store`'s form), `draft-kept-…` for anything else.
fn kept_apart(store: &Store, target: &Path, now: DateTime<FixedOffset>) -> PathBuf {
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    match store::snapshot_name_date(name) {
        Some(date) => store.conflict_copy_path(date, now),
        None => {
            let suffix = if is_sealed(target) { ".age" } else { "" };
            let stamp = now.format("%Y%m%d-%H%M%S");
            store::first_unused(|n| {
                store
                    .dir()
                    .join(format!("draft-kept-{stamp}-{n}.toml{suffix}"))
            })
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, StoreError> {
    store::read_regular(path).map_err(|e| io_error("read", path, e))
}

fn read_if_present(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match store::read_regular(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error("read", path, e)),
    }
}

fn remove(path: &Path) -> Result<(), StoreError> {
    fs::remove_file(path).map_err(|e| io_error("remove", path, e))
}

fn io_error(verb: &'static str, path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        verb,
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests;

/// Turns encryption off for good once every file is plain: the wrapped identity is kept as
/// `retired-identity-YYYYMMDD-HHMMSS.age` (it still opens backups made while encrypted) and
/// its key leaves `recipients.txt` (removed when no other key is left in it).
pub fn retire_keys(
    store: &Store,
    keys: &Keyring,
    now: DateTime<FixedOffset>,
) -> Result<PathBuf, StoreError> {
    let identity = store.dir().join(keys::IDENTITY_FILE);
    let retired = store.dir().join(format!(
        "retired-identity-{}.age",
        now.format("%Y%m%d-%H%M%S")
    ));
    fs::rename(&identity, &retired).map_err(|e| io_error("move", &identity, e))?;
    // The counts cache is encrypted to the retired key and of no use to a plain data dir.
    let _ = fs::remove_file(store.dir().join(store::CACHE_FILE));
    let recipients = store.dir().join(keys::RECIPIENTS_FILE);
    if let Ok(bytes) = store::read_regular(&recipients) {
        let own = keys.public_key();
        let text = String::from_utf8_lossy(&bytes);
        let kept: Vec<&str> = text.lines().filter(|l| l.trim() != own).collect();
        let any_key = kept.iter().any(|l| l.trim().starts_with("age1"));
        let result = if any_key {
            let body = kept.join("\n") + "\n";
            store.write_file(&recipients, body.as_bytes())
        } else {
            fs::remove_file(&recipients)
        };
        result.map_err(|e| io_error("write", &recipients, e))?;
    }
    Ok(retired)
}
