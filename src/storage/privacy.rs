//! Keeping reviews private: what partnerbook owns in the data dir — the data dir itself,
//! `snapshots/`, the reviews (`YYYY-MM-DD.toml`, or `.toml.age`) and their conflict copies,
//! the draft, a set-aside unreadable draft, the lock and the encryption key files — loses any group and other permission bits it has. Nothing else is touched, no
//! symlinked file is followed, and bits are only ever taken away: a file the user made 0400
//! stays 0400.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::storage::keys;
use crate::storage::store::{self, Store};

/// Takes group and other bits away from what the store owns (see the module comment); returns
/// the paths that were changed. Missing folders are left missing; a file this user may not
/// change (another's) is left as it is.
pub fn tighten(store: &Store) -> io::Result<Vec<PathBuf>> {
    let mut owned = vec![
        (store.dir().to_path_buf(), Kind::Dir),
        (store.snapshots_dir(), Kind::Dir),
        (store.resolved_dir(), Kind::Dir),
    ];
    for dir in [
        store.dir().to_path_buf(),
        store.snapshots_dir(),
        store.resolved_dir(),
    ] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name
                .to_str()
                .is_some_and(|name| is_owned_name(store, &dir, name))
            {
                owned.push((entry.path(), Kind::File));
            }
        }
    }
    let mut changed = Vec::new();
    for (path, kind) in owned {
        if restrict(&path, kind)? {
            changed.push(path);
        }
    }
    Ok(changed)
}

/// Whether a file named `name` in `dir` is one partnerbook made.
fn is_owned_name(store: &Store, dir: &Path, name: &str) -> bool {
    if dir == store.resolved_dir() {
        let plain = name.strip_suffix(keys::SEALED_SUFFIX).unwrap_or(name);
        plain.ends_with(".toml")
    } else if dir == store.dir() {
        let plain = name.strip_suffix(keys::SEALED_SUFFIX).unwrap_or(name);
        plain == "draft.toml"
            || name == crate::storage::lock::LOCK_FILE
            || name == keys::IDENTITY_FILE
            || name == keys::RECIPIENTS_FILE
            || name == store::CACHE_FILE
            || (name.starts_with("retired-identity-") && name.ends_with(keys::SEALED_SUFFIX))
            || ((plain.starts_with("draft-unreadable-") || plain.starts_with("draft-kept-"))
                && plain.ends_with(".toml"))
    } else {
        store::snapshot_name_date(name).is_some() || store::is_conflict_copy_name(name)
    }
}

/// What a path must be for its mode to be tightened.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A folder (followed through a symlink: the data dir may be a link to where it lives).
    Dir,
    /// A regular file, not a symlink.
    File,
}

/// Removes group and other permission bits; true when it changed some.
#[cfg(unix)]
fn restrict(path: &Path, kind: Kind) -> io::Result<bool> {
    use std::os::unix::fs::PermissionsExt as _;
    let meta = match kind {
        Kind::Dir => fs::metadata(path),
        Kind::File => fs::symlink_metadata(path),
    };
    let meta = match meta {
        Ok(meta) => meta,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(error),
    };
    let fits = match kind {
        Kind::Dir => meta.is_dir(),
        Kind::File => meta.file_type().is_file(),
    };
    let current = meta.permissions().mode() & 0o7777;
    let wanted = current & !0o077;
    if !fits || current == wanted {
        return Ok(false);
    }
    match fs::set_permissions(path, fs::Permissions::from_mode(wanted)) {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == io::ErrorKind::PermissionDenied => Ok(false),
        Err(error) => Err(error),
    }
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _kind: Kind) -> io::Result<bool> {
    Ok(false)
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    fn mode(path: &Path) -> u32 {
        fs::symlink_metadata(path)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777
    }

    fn chmod(path: &Path, mode: u32) {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
    }

    #[test]
    fn loose_folders_and_files_are_made_private_and_private_ones_left_alone() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = Store::new(tmp.path().join("data"));
        let snapshots = store.snapshots_dir();
        fs::create_dir_all(&snapshots).expect("mkdir");
        let loose = snapshots.join("2026-01-01.toml");
        let private = snapshots.join("2026-02-01.toml");
        fs::write(&loose, "x").expect("write");
        fs::write(&private, "x").expect("write");
        chmod(&loose, 0o644);
        chmod(&private, 0o600);
        chmod(&snapshots, 0o755);
        let changed = tighten(&store).expect("tightened");
        assert!(changed.contains(&loose) && changed.contains(&snapshots));
        assert!(!changed.contains(&private));
        assert_eq!((mode(&loose), mode(&snapshots)), (0o600, 0o700));
        assert!(tighten(&store).expect("again").is_empty());
    }

    #[test]
    fn only_partnerbooks_own_files_are_touched_and_no_mode_is_loosened() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = Store::new(tmp.path().join("data"));
        let snapshots = store.snapshots_dir();
        fs::create_dir_all(&snapshots).expect("mkdir");
        let strict = snapshots.join("2026-01-01.toml");
        let read_only = snapshots.join("2026-02-01.toml");
        let draft = store.draft_path();
        let theirs = [
            store.dir().join(".bashrc"),
            store.dir().join("notes.txt"),
            snapshots.join(".2026-01-01.toml.bak"),
            snapshots.join("2026-01-01.toml.orig"),
        ];
        for path in theirs.iter().chain([&strict, &read_only, &draft]) {
            fs::write(path, "x").expect("write");
        }
        for path in &theirs {
            chmod(path, 0o644);
        }
        chmod(&strict, 0o400);
        chmod(&read_only, 0o444);
        chmod(&draft, 0o640);
        let real = tmp.path().join("elsewhere.toml");
        fs::write(&real, "x").expect("write");
        chmod(&real, 0o644);
        let link = snapshots.join("2026-03-01.toml");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");

        let changed = tighten(&store).expect("tightened");
        for path in &theirs {
            assert_eq!(mode(path), 0o644, "{} was touched", path.display());
        }
        assert_eq!(mode(&strict), 0o400, "0400 stays 0400");
        assert_eq!(
            mode(&read_only),
            0o400,
            "0444 loses r for others, gains no w"
        );
        assert_eq!(mode(&draft), 0o600);
        assert_eq!(
            mode(&real),
            0o644,
            "a symlinked review's target is not followed"
        );
        assert!(!changed.contains(&strict) && changed.contains(&draft));
    }

    #[test]
    fn a_missing_data_dir_changes_nothing() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = Store::new(tmp.path().join("none"));
        assert!(tighten(&store).expect("nothing").is_empty());
    }
}
