//! `partnerbook git ARGS…`: the system git in the data dir, and afterwards a merge that
//! stopped on a review both machines changed settled with both versions kept.

use anyhow::{Context as _, bail};
use chrono::{DateTime, FixedOffset};

use crate::storage::Store;
use crate::storage::git;
use crate::storage::store::create_private_dir;

/// Runs `git ARGS` in the data dir (created if missing), then settles unmerged reviews.
pub fn run_git(store: &Store, args: &[String], now: DateTime<FixedOffset>) -> anyhow::Result<()> {
    create_private_dir(store.dir())?;
    let status = git::run(store.dir(), args).context("cannot run git (is it installed?)")?;
    let settled = git::settle_unmerged(store.dir(), now)?;
    for (file, copy) in &settled.copies {
        eprintln!(
            "partnerbook: {} was changed on both machines; the other version is kept as {}: resolve it in the workbook's history",
            file.display(),
            copy.file_name().unwrap_or_default().to_string_lossy()
        );
    }
    if settled.concluded {
        eprintln!("partnerbook: the merge is committed, both versions kept");
    } else if !status.success() {
        bail!(
            "git {} failed ({status})",
            args.first().map_or("", String::as_str)
        );
    }
    Ok(())
}
