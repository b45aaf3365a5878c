//! Keeping reviews private: the data dir and its folders 0700, every file in them 0600.
//! Looser permissions found on disk (a copied folder, a restored backup) are tightened.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::store::Store;

/// Makes the store's folders 0700 and its files 0600 where they are looser; returns the
/// paths that were changed. Missing folders are left missing.
pub fn tighten(store: &Store) -> io::Result<Vec<PathBuf>> {
    let mut changed = Vec::new();
    for dir in [store.dir().to_path_buf(), store.snapshots_dir()] {
        if !dir.is_dir() {
            continue;
        }
        if restrict(&dir, 0o700)? {
            changed.push(dir.clone());
        }
        for entry in fs::read_dir(&dir)?.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_file()) && restrict(&path, 0o600)? {
                changed.push(path);
            }
        }
    }
    Ok(changed)
}

/// Removes any permission bits beyond `mode` for group and others; true when it changed some.
#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> io::Result<bool> {
    use std::os::unix::fs::PermissionsExt as _;
    let current = fs::metadata(path)?.permissions().mode() & 0o777;
    if current & 0o077 == 0 {
        return Ok(false);
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    Ok(true)
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> io::Result<bool> {
    Ok(false)
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).expect("meta").permissions().mode() & 0o777
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
        fs::set_permissions(&loose, fs::Permissions::from_mode(0o644)).expect("chmod");
        fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).expect("chmod");
        fs::set_permissions(&snapshots, fs::Permissions::from_mode(0o755)).expect("chmod");
        let changed = tighten(&store).expect("tightened");
        assert!(changed.contains(&loose) && changed.contains(&snapshots));
        assert!(!changed.contains(&private));
        assert_eq!((mode(&loose), mode(&snapshots)), (0o600, 0o700));
        assert!(tighten(&store).expect("again").is_empty());
    }

    #[test]
    fn a_missing_data_dir_changes_nothing() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = Store::new(tmp.path().join("none"));
        assert!(tighten(&store).expect("nothing").is_empty());
    }
}
