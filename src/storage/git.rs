//! The system `git` in the data dir, which is the repository's root (as `pass git` does): run
//! for `partnerbook git ARGS…`, and asked to commit exactly the files a write changed when
//! the data dir is a git work tree. partnerbook keeps no history of its own.

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};

/// What `partnerbook git init` writes to `.gitignore`: what is private to one machine and one
/// run — the draft, the lock, temporary files, an editor's file, set-aside drafts.
pub const GITIGNORE: &str = "\
# Written by `partnerbook git init`: files private to one machine and one run.
/draft.toml
/draft.toml.age
/draft-unreadable-*
/draft-kept-*
/.lock
/summaries.age
/.partnerbook-item-*
.*.toml.??????
.*.toml.age.??????
/.draft.toml*.??????
";

/// Whether `dir` is the root of a git work tree (it holds `.git`).
pub fn is_repository(dir: &Path) -> bool {
    dir.join(".git").exists()
}

/// Runs `git ARGS` in `dir` with the user's terminal; returns its exit status. After a
/// successful `git init`, writes [`GITIGNORE`] unless a `.gitignore` is there.
pub fn run(dir: &Path, args: &[String]) -> io::Result<ExitStatus> {
    let status = Command::new("git").arg("-C").arg(dir).args(args).status()?;
    if status.success() && args.first().is_some_and(|a| a == "init") {
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            super::store::write_private(&ignore, GITIGNORE.as_bytes())?;
        }
        // The reviews already here (and the key files of an encrypted dir) start the history.
        commit(
            dir,
            &owned_paths(dir),
            "partnerbook: the history starts here",
        )
        .map_err(io::Error::other)?;
    }
    Ok(status)
}

/// What partnerbook keeps in a git data dir: the reviews and their second versions, the key
/// files of an encrypted dir, and the `.gitignore`.
pub fn owned_paths(dir: &Path) -> Vec<PathBuf> {
    [
        ".gitignore",
        "snapshots",
        "resolved",
        crate::storage::keys::IDENTITY_FILE,
        crate::storage::keys::RECIPIENTS_FILE,
    ]
    .iter()
    .map(|name| dir.join(name))
    .chain(retired_keys(dir))
    .collect()
}

/// The retired identities `partnerbook decrypt` leaves.
fn retired_keys(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("retired-identity-"))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Why a commit could not be made.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct GitError(String);

/// A `git` command in `dir`, quiet, with no terminal and no prompt.
fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(Stdio::null());
    command
}

/// Runs `command`; its output when it succeeds, else its first line of complaint.
fn output(mut command: Command) -> Result<Output, GitError> {
    let output = command.output().map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => GitError("git is not installed".into()),
        _ => GitError(format!("cannot run git: {e}")),
    })?;
    if output.status.success() {
        return Ok(output);
    }
    let said = String::from_utf8_lossy(&output.stderr);
    let line = said
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches("fatal: ")
                .trim_start_matches("error: ")
        })
        .find(|l| !l.is_empty())
        .unwrap_or("it failed")
        .to_string();
    Err(GitError(format!("git: {line}")))
}

/// Commits exactly `paths` (files written, or removed) in the work tree at `dir` with
/// `message`; `Ok(false)` when none of them changed. A missing identity is filled in as
/// "partnerbook", and commit signing is off for these commits (it could ask for a passphrase
/// on the workbook's screen).
pub fn commit(dir: &Path, paths: &[PathBuf], message: &str) -> Result<bool, GitError> {
    let relative: Vec<PathBuf> = paths
        .iter()
        .map(|p| p.strip_prefix(dir).unwrap_or(p).to_path_buf())
        .collect();
    let mut status = git(dir);
    status
        .args(["status", "--porcelain", "-z", "--untracked-files=all", "--"])
        .args(&relative);
    let listed = output(status)?;
    let changed: Vec<PathBuf> = listed
        .stdout
        .split(|b| *b == 0)
        .filter_map(|entry| entry.get(3..))
        .filter(|path| !path.is_empty())
        .map(|path| PathBuf::from(String::from_utf8_lossy(path).into_owned()))
        .collect();
    if changed.is_empty() {
        return Ok(false);
    }
    let mut add = git(dir);
    add.args(["add", "-A", "--"]).args(&changed);
    output(add)?;
    let mut commit = committing(dir);
    commit
        .args(["commit", "-q", "--no-verify", "-m", message, "--"])
        .args(&changed);
    output(commit)?;
    Ok(true)
}

/// `git commit` as partnerbook makes it: never signed (signing could ask for a passphrase on
/// the workbook's screen), and as "partnerbook" when git does not know who the user is.
fn committing(dir: &Path) -> Command {
    let mut commit = git(dir);
    commit.args(["-c", "commit.gpgSign=false"]);
    if !has_identity(dir) {
        commit.args([
            "-c",
            "user.name=partnerbook",
            "-c",
            "user.email=partnerbook@localhost",
        ]);
    }
    commit
}

/// Whether git knows who the user is here (`user.email` set).
fn has_identity(dir: &Path) -> bool {
    let mut config = git(dir);
    config.args(["config", "user.email"]);
    output(config).is_ok_and(|o| !o.stdout.trim_ascii().is_empty())
}

impl super::Store {
    /// Commits `paths` with `message` when the data dir is a git work tree; `None` when it is
    /// not one (nothing to do).
    pub fn record(&self, paths: &[PathBuf], message: &str) -> Option<Result<bool, GitError>> {
        if !is_repository(self.dir()) {
            return None;
        }
        // A repository made with plain `git init` gets the .gitignore too, so the lock and the
        // draft never show as untracked: the work tree is clean after a save.
        let mut paths = paths.to_vec();
        let ignore = self.dir().join(".gitignore");
        if !ignore.exists() && super::store::write_private(&ignore, GITIGNORE.as_bytes()).is_ok() {
            paths.push(ignore);
        }
        Some(commit(self.dir(), &paths, message))
    }
}

mod settle;
pub use settle::{Settled, settle_unmerged, unmerged_reviews};

#[cfg(test)]
mod tests;
