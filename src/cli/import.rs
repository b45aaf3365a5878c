//! `partnerbook import PATH...`: reviews from files or another data dir copied in, one line per
//! file and the counts last; `--dry-run` prints the same and writes nothing. A real import
//! holds the workbook's lock and commits what it wrote when the data dir is a git work tree.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::content::Workbook;
use crate::storage::Store;
use crate::storage::import::{self, Planned};

/// The error an import ends with when some files were bad, so the exit status says so.
#[derive(Debug, thiserror::Error)]
#[error("{} not copied", plural(*.0, "bad file"))]
pub struct BadFiles(pub usize);

/// How many files went which way.
#[derive(Debug, Default)]
struct Counts {
    new: usize,
    same: usize,
    conflicts: usize,
    bad: usize,
}

impl Counts {
    /// The last line: `Imported 3 new reviews; 2 already here; 1 conflict to resolve; 1 bad
    /// file not copied.`, leaving out the parts that are none after the first.
    fn line(&self, dry_run: bool) -> String {
        let verb = if dry_run { "Would import" } else { "Imported" };
        let mut parts = vec![format!("{verb} {}", plural(self.new, "new review"))];
        if self.same > 0 {
            parts.push(format!("{} already here", self.same));
        }
        if self.conflicts > 0 {
            parts.push(format!("{} to resolve", plural(self.conflicts, "conflict")));
        }
        if self.bad > 0 {
            parts.push(format!("{} not copied", plural(self.bad, "bad file")));
        }
        format!("{}.", parts.join("; "))
    }

    /// The commit message: "Import 3 reviews", with the second versions when there are any.
    fn message(&self) -> String {
        let reviews = plural(self.new, "review");
        let versions = plural(self.conflicts, "second version");
        match (self.new, self.conflicts) {
            (_, 0) => format!("Import {reviews}"),
            (0, _) => format!("Import {versions} to resolve"),
            _ => format!("Import {reviews} and {versions} to resolve"),
        }
    }
}

/// Imports the reviews in `paths` into `store` (see `storage::import`), or with `dry_run`
/// says what it would do. Ends with [`BadFiles`] when any file was bad, after the rest.
pub fn run(
    store: &Store,
    paths: &[PathBuf],
    dry_run: bool,
    workbook: &Workbook,
    now: DateTime<FixedOffset>,
    out: &mut impl std::io::Write,
) -> anyhow::Result<()> {
    let _lock = if dry_run {
        None
    } else {
        Some(super::encryption::take_lock(store, "import into it")?)
    };
    let plan = import::plan(store, paths, workbook);
    let mut counts = Counts::default();
    let mut written = Vec::new();
    let mut failed = None;
    for item in &plan {
        let done = if dry_run {
            None
        } else {
            match import::apply_one(store, item, now) {
                Ok(done) => done,
                Err(error) => {
                    failed = Some(error);
                    break;
                }
            }
        };
        let kept_as = done.as_ref().filter(|w| w.second_version).map(|w| &w.path);
        let line = match item {
            Planned::New { date, source, .. } if kept_as.is_none() => {
                counts.new += 1;
                row("new", *date, source, "")
            }
            Planned::New { date, source, .. } | Planned::Conflict { date, source, .. } => {
                counts.conflicts += 1;
                let what = match kept_as.and_then(|path| path.file_name()) {
                    Some(name) => format!("kept as {}", Path::new(name).display()),
                    None => "it would be kept beside the review here".to_string(),
                };
                let note = format!(" ({what}: resolve it in the workbook's history)");
                row("conflict", *date, source, &note)
            }
            Planned::Same { date, source } => {
                counts.same += 1;
                row("same", *date, source, "")
            }
            Planned::Bad {
                source,
                line,
                reason,
            } => {
                counts.bad += 1;
                let at = line.map(|line| format!(":{line}")).unwrap_or_default();
                format!("bad       {}{at}: {reason}", source.display())
            }
        };
        writeln!(out, "{line}")?;
        written.extend(done.map(|w| w.path));
    }
    if !written.is_empty()
        && let Some(Err(why)) = store.record(&written, &counts.message())
    {
        writeln!(out, "Not committed — commits are off: {why}")?;
    }
    if !written.is_empty() && store.keys().is_some() {
        // Count the new reviews once now, so the first `list` or history after this is quick.
        let _ = store.list_summaries(crate::domain::content::Workbook::embedded());
    }
    writeln!(out, "{}", counts.line(dry_run))?;
    if let Some(error) = failed {
        return Err(error.into());
    }
    if counts.bad > 0 {
        return Err(BadFiles(counts.bad).into());
    }
    Ok(())
}

/// One file's line: `new       2026-11-24  ← /backup/snapshots/2026-11-24.toml`.
fn row(what: &str, date: NaiveDate, source: &Path, note: &str) -> String {
    format!(
        "{what:<10}{}  ← {}{note}",
        date.format("%Y-%m-%d"),
        source.display()
    )
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
