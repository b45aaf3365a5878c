//! `partnerbook encrypt`, `decrypt` and `passphrase`: turning encryption at rest on and off,
//! and changing the passphrase that wraps the key. Each holds the workbook's lock while it
//! converts, so no open workbook writes meanwhile.

use std::sync::Arc;

use anyhow::bail;
use chrono::{DateTime, FixedOffset};

use super::passphrase::{self, NEW_PASSPHRASE_ENV, PASSPHRASE_ENV};
use crate::storage::Store;
use crate::storage::convert::{self, Converted};
use crate::storage::keys::{IDENTITY_FILE, Keyring, WORK_FACTOR};
use crate::storage::lock::{self, LockOutcome, WorkbookLock};
use crate::storage::store::create_private_dir;

/// The lock, or why the command (which is to `what`, e.g. "convert it") cannot start.
pub(super) fn take_lock(store: &Store, what: &str) -> anyhow::Result<WorkbookLock> {
    match lock::acquire(store.dir()) {
        LockOutcome::Acquired(lock) => Ok(lock),
        LockOutcome::HeldElsewhere => bail!(
            "partnerbook is open on {} in another terminal; close it, then run this again",
            store.dir().display()
        ),
        LockOutcome::Unavailable(why) => {
            bail!("cannot lock {} to {what}: {why}", store.dir().display())
        }
    }
}

/// Turns encryption on (making and wrapping a key the first time) and encrypts every file.
pub fn encrypt(
    store: &Store,
    now: DateTime<FixedOffset>,
    out: &mut impl std::io::Write,
) -> anyhow::Result<()> {
    // The passphrase first: without one, nothing is created, not even the data dir.
    let new = if store.is_encrypted() {
        None
    } else {
        Some(passphrase::new_passphrase(PASSPHRASE_ENV, store.dir())?)
    };
    create_private_dir(store.dir())?;
    let _lock = take_lock(store, "convert it")?;
    let keys = if let Some(new) = new {
        let keys = Keyring::create(store.dir(), &new, WORK_FACTOR)?;
        writeln!(
            out,
            "Made a key and wrapped it with your passphrase in {}.",
            store.dir().join(IDENTITY_FILE).display()
        )?;
        keys
    } else {
        passphrase::unlock_keys(store)?
    };
    let keys = Arc::new(keys);
    // The temporary files a killed run left (plain text, after a `decrypt`) go with the rest.
    store.remove_stale_temp_files();
    let sealed = store.clone().with_keys(Arc::clone(&keys));
    let done = convert::seal_all(&sealed, &keys, now)?;
    // Count every review once now, so the first `list` or history after this is quick.
    let _ = sealed.list_summaries(crate::domain::content::Workbook::embedded());
    report(out, "Encrypted", &done)?;
    record(out, store, "Encrypt every review (age)")?;
    if crate::storage::git::is_repository(store.dir()) {
        writeln!(
            out,
            "Note: the git history still holds the earlier plain text; for a history with none, start a new repository (docs/sync.md)."
        )?;
    }
    writeln!(
        out,
        "The reviews in {} are encrypted. Back up {} and remember the passphrase: without both they cannot be read.",
        store.dir().display(),
        IDENTITY_FILE
    )?;
    Ok(())
}

/// Decrypts every file and turns encryption off, keeping the old key as a retired file.
pub fn decrypt(
    store: &Store,
    now: DateTime<FixedOffset>,
    out: &mut impl std::io::Write,
) -> anyhow::Result<()> {
    if !store.is_encrypted() {
        writeln!(
            out,
            "The reviews in {} are not encrypted: nothing to do.",
            store.dir().display()
        )?;
        return Ok(());
    }
    let _lock = take_lock(store, "convert it")?;
    let keys = Arc::new(passphrase::unlock_keys(store)?);
    store.remove_stale_temp_files();
    let sealed = store.clone().with_keys(Arc::clone(&keys));
    let done = convert::open_all(&sealed, &keys, now)?;
    report(out, "Decrypted", &done)?;
    let retired = convert::retire_keys(&sealed, &keys, now)?;
    record(out, store, "Decrypt every review: plain TOML again")?;
    writeln!(
        out,
        "The reviews in {} are plain TOML again. The old key is kept as {} for backups made while encrypted.",
        store.dir().display(),
        retired.display()
    )?;
    Ok(())
}

/// Re-wraps the key with a new passphrase; the reviews are not touched.
pub fn change(store: &Store, out: &mut impl std::io::Write) -> anyhow::Result<()> {
    if !store.is_encrypted() {
        bail!(
            "the reviews in {} are not encrypted: `partnerbook encrypt` turns encryption on",
            store.dir().display()
        );
    }
    let keys = passphrase::unlock_keys(store)?;
    let new = passphrase::new_passphrase(NEW_PASSPHRASE_ENV, store.dir())?;
    keys.wrap(store.dir(), &new, WORK_FACTOR)?;
    writeln!(
        out,
        "Changed the passphrase of {}; the reviews themselves are unchanged.",
        store.dir().join(IDENTITY_FILE).display()
    )?;
    Ok(())
}

/// Commits what a conversion changed when the data dir is a git work tree; a failure is a
/// line of its own (the conversion itself is done).
fn record(out: &mut impl std::io::Write, store: &Store, message: &str) -> anyhow::Result<()> {
    let paths = crate::storage::git::owned_paths(store.dir());
    if let Some(Err(why)) = store.record(&paths, message) {
        writeln!(out, "Not committed — {why}")?;
    }
    Ok(())
}

/// One line for what a conversion did, and one per file kept apart.
fn report(out: &mut impl std::io::Write, verb: &str, done: &Converted) -> anyhow::Result<()> {
    let plural = if done.files == 1 { "" } else { "s" };
    let mut line = format!("{verb} {} file{plural}", done.files);
    if done.finished > 0 {
        line.push_str(&format!(
            " (and finished {} left by an interrupted run)",
            done.finished
        ));
    }
    writeln!(out, "{line}.")?;
    for (from, to) in &done.kept_apart {
        writeln!(
            out,
            "{} differed from the version already there; kept as {}",
            from.display(),
            to.display()
        )?;
    }
    Ok(())
}
