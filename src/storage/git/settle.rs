//! A merge that stopped on a review both machines changed — a text conflict with markers, or
//! an encrypted (binary) file git cannot merge at all — settled the partnerbook way: this
//! machine's version stays the review, the other machine's becomes a conflict copy beside it
//! to resolve in the history, and the merge is concluded. Nothing is lost or left half-merged.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{GitError, committing, git, output};
use crate::storage::store::{self, Store};

/// What settling did.
#[derive(Debug, Default)]
pub struct Settled {
    /// Each review that had two versions, and where the other machine's went.
    pub copies: Vec<(PathBuf, PathBuf)>,
    /// Whether a merge was in progress and is now committed.
    pub concluded: bool,
}

/// The blobs of each unmerged path: stage 2 (ours) and stage 3 (theirs).
fn unmerged(dir: &Path) -> Result<BTreeMap<String, [Option<String>; 2]>, GitError> {
    let mut list = git(dir);
    list.args(["ls-files", "-u", "-z"]);
    let out = output(list)?;
    let mut found: BTreeMap<String, [Option<String>; 2]> = BTreeMap::new();
    for entry in out.stdout.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let fields: Vec<&str> = meta.split(' ').collect();
        if let [_, sha, stage] = fields[..] {
            let slot = found.entry(path.to_string()).or_default();
            match stage {
                "2" => slot[0] = Some(sha.to_string()),
                "3" => slot[1] = Some(sha.to_string()),
                _ => {}
            }
        }
    }
    Ok(found)
}

fn blob(dir: &Path, sha: &str) -> Result<Vec<u8>, GitError> {
    let mut show = git(dir);
    show.args(["cat-file", "blob", sha]);
    Ok(output(show)?.stdout)
}

/// The reviews a stopped merge left unmerged in the work tree at `dir` (none when it is not a
/// repository or git cannot say).
pub fn unmerged_reviews(dir: &Path) -> Vec<PathBuf> {
    if !super::is_repository(dir) {
        return Vec::new();
    }
    unmerged(dir)
        .map(|found| {
            found
                .into_keys()
                .filter(|path| path.starts_with("snapshots/"))
                .map(|path| dir.join(path))
                .collect()
        })
        .unwrap_or_default()
}

/// Settles every unmerged review in the work tree at `dir` (see the module) and concludes
/// the merge when nothing else is left unmerged.
pub fn settle_unmerged(dir: &Path, now: DateTime<FixedOffset>) -> Result<Settled, GitError> {
    let mut settled = Settled::default();
    if !super::is_repository(dir) {
        return Ok(settled);
    }
    let plain = Store::new(dir);
    let entries = unmerged(dir)?;
    for (path, [ours, theirs]) in &entries {
        let name = Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let Some(date) = store::snapshot_name_date(name).filter(|_| path.starts_with("snapshots/"))
        else {
            continue;
        };
        let (Some(ours), Some(theirs)) = (ours, theirs) else {
            continue;
        };
        let file = dir.join(path);
        let copy = match plain.conflict_copy_path(date, now) {
            copy if store::is_sealed(&file) => store::twin_of(&copy),
            copy => copy,
        };
        let write = |target: &Path, bytes: Vec<u8>| {
            store::write_private(target, &bytes)
                .map_err(|e| GitError(format!("cannot write {}: {e}", target.display())))
        };
        write(&copy, blob(dir, theirs)?)?;
        write(&file, blob(dir, ours)?)?;
        let mut add = git(dir);
        add.arg("add").arg("--").arg(&file).arg(&copy);
        output(add)?;
        settled.copies.push((file, copy));
    }
    let merging = dir.join(".git/MERGE_HEAD").exists();
    if merging && !settled.copies.is_empty() && unmerged(dir)?.is_empty() {
        let mut commit = committing(dir);
        commit.args(["commit", "-q", "--no-edit", "--no-verify"]);
        output(commit)?;
        settled.concluded = true;
    }
    Ok(settled)
}
