//! Watches the data dir's `snapshots/` folder while the workbook runs (inotify on Linux,
//! through `notify`) and gathers what changed into one [`DiskChange`] once a burst is over,
//! for the event loop to carry out as [`crate::action::Action::FilesChanged`].
//!
//! The data dir itself is watched too, without its subfolders, so `snapshots/` is watched
//! again when it appears, goes or is replaced; a data dir that does not exist yet is looked
//! for again every few seconds. Only what the workbook reads counts: a review's file or one of
//! its other versions, by name. Reading files (our own included), a change of permissions and
//! the temporary files of a save in progress count for nothing. Without a watcher (none can be
//! had) the app works as before: the disk is read again when the history opens and on a save.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::action::DiskChange;
use crate::storage::store::{conflict_copy_date, snapshot_name_date};

/// How long the folder must stay quiet before what changed is delivered.
pub const QUIET: Duration = Duration::from_millis(150);

/// The longest the first change of a burst that goes on waits to be delivered.
pub const LONGEST: Duration = Duration::from_millis(600);

/// The shortest time between two deliveries.
pub const GAP: Duration = Duration::from_millis(300);

/// How often a missing data dir is looked for again.
const RETRY: Duration = Duration::from_secs(2);

/// How long after a data dir could not be watched (no inotify watches left…) it is tried again.
const RETRY_FAILED: Duration = Duration::from_secs(30);

/// One thing the watcher saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// A file of this review date: its own file or another version of it.
    Date(NaiveDate),
    /// Something that may have changed anything: events were lost, the watcher failed.
    Anything,
    /// `snapshots/` or the data dir itself came, went or was moved: watch again, read all.
    Folder,
}

/// What one file-system event means for the workbook, given the data dir `dir` and its
/// `snapshots` folder: nothing for reads, permission changes and files it does not read.
pub fn classify(event: &notify::Event, dir: &Path, snapshots: &Path) -> Vec<Seen> {
    if event.need_rescan() {
        return vec![Seen::Anything];
    }
    match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => {}
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => return Vec::new(),
        _ => {}
    }
    event
        .paths
        .iter()
        .filter_map(|path| {
            if path == snapshots || path == dir {
                return Some(Seen::Folder);
            }
            if path.parent() != Some(snapshots) {
                return None;
            }
            let name = path.file_name()?.to_str()?;
            snapshot_name_date(name)
                .or_else(|| conflict_copy_date(name))
                .map(Seen::Date)
        })
        .collect()
}

/// Changes seen and not delivered yet, and when to deliver them: once the folder has been
/// quiet for [`QUIET`], or [`LONGEST`] after the first while a burst goes on, and never within
/// [`GAP`] of the delivery before. A burst of a thousand files is one delivery.
#[derive(Debug, Default)]
pub struct Burst {
    dates: BTreeSet<NaiveDate>,
    anything: bool,
    first: Option<Instant>,
    last: Option<Instant>,
    delivered: Option<Instant>,
}

impl Burst {
    /// Adds what was seen at `at`.
    pub fn note(&mut self, seen: Seen, at: Instant) {
        match seen {
            Seen::Date(date) => {
                self.dates.insert(date);
            }
            Seen::Anything | Seen::Folder => self.anything = true,
        }
        self.first.get_or_insert(at);
        self.last = Some(self.last.map_or(at, |last| last.max(at)));
    }

    /// When what was seen is to be delivered; `None` while nothing waits.
    pub fn due(&self) -> Option<Instant> {
        let (first, last) = (self.first?, self.last?);
        let due = (last + QUIET).min(first + LONGEST);
        Some(self.delivered.map_or(due, |before| due.max(before + GAP)))
    }

    /// What changed, once it is due at `now`; the burst starts afresh.
    pub fn take(&mut self, now: Instant) -> Option<DiskChange> {
        if self.due()? > now {
            return None;
        }
        let change = if self.anything {
            DiskChange::Anything
        } else {
            DiskChange::Dates(std::mem::take(&mut self.dates))
        };
        *self = Burst {
            delivered: Some(now),
            ..Burst::default()
        };
        Some(change)
    }
}

/// The watcher of one data dir, and the changes it has gathered.
pub struct Watch {
    dir: PathBuf,
    snapshots: PathBuf,
    /// Watching the data dir (and `snapshots/` when `watching_snapshots`); `None` while the
    /// data dir is missing or cannot be watched.
    watcher: Option<RecommendedWatcher>,
    watching_snapshots: bool,
    sender: Sender<(Seen, Instant)>,
    seen: Receiver<(Seen, Instant)>,
    burst: Burst,
    retry_at: Instant,
}

impl Watch {
    /// Starts watching the data dir `dir` and its `snapshots/` folder, as far as they exist.
    pub fn start(dir: &Path) -> Watch {
        let (sender, seen) = channel();
        let mut watch = Watch {
            dir: dir.to_path_buf(),
            snapshots: dir.join("snapshots"),
            watcher: None,
            watching_snapshots: false,
            sender,
            seen,
            burst: Burst::default(),
            retry_at: Instant::now(),
        };
        watch.rewatch(Instant::now());
        // What is there at start has just been read: nothing to deliver yet.
        watch.burst = Burst::default();
        watch
    }

    /// Whether the data dir is being watched.
    pub fn is_watching(&self) -> bool {
        self.watcher.is_some()
    }

    /// Whether `snapshots/` is being watched.
    pub fn is_watching_snapshots(&self) -> bool {
        self.watching_snapshots
    }

    /// When the loop should look again for a change to deliver, if one is waiting.
    pub fn due(&self) -> Option<Instant> {
        self.burst.due()
    }

    /// Gathers what the watcher saw since last asked, watches again what came or went, and
    /// returns what changed once a burst is over.
    pub fn poll(&mut self, now: Instant) -> Option<DiskChange> {
        let mut moved = false;
        while let Ok((seen, at)) = self.seen.try_recv() {
            moved |= seen == Seen::Folder;
            self.burst.note(seen, at);
        }
        if moved || (self.watcher.is_none() && now >= self.retry_at) {
            self.rewatch(now);
        }
        self.burst.take(now)
    }

    /// Watches the data dir and `snapshots/` as they are now; a data dir watched anew (it
    /// appeared) counts as a change of everything.
    fn rewatch(&mut self, now: Instant) {
        if !self.dir.is_dir() {
            self.watcher = None;
            self.watching_snapshots = false;
            self.retry_at = now + RETRY;
            return;
        }
        if self.watcher.is_none() {
            match self.new_watcher() {
                Ok(watcher) => {
                    self.watcher = Some(watcher);
                    self.burst.note(Seen::Folder, now);
                }
                Err(_) => {
                    self.retry_at = now + RETRY_FAILED;
                    return;
                }
            }
        }
        let Some(watcher) = self.watcher.as_mut() else {
            return;
        };
        if self.watching_snapshots {
            // Gone or replaced: the old watch may be gone with it.
            let _ = watcher.unwatch(&self.snapshots);
        }
        self.watching_snapshots = self.snapshots.is_dir()
            && watcher
                .watch(&self.snapshots, RecursiveMode::NonRecursive)
                .is_ok();
    }

    /// A watcher of the data dir whose events go, classified, to this watch's channel.
    fn new_watcher(&self) -> notify::Result<RecommendedWatcher> {
        let (dir, snapshots) = (self.dir.clone(), self.snapshots.clone());
        let sender = self.sender.clone();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<_>| {
            let now = Instant::now();
            let seen = match event {
                Ok(event) => classify(&event, &dir, &snapshots),
                Err(_) => vec![Seen::Anything],
            };
            for seen in seen {
                let _ = sender.send((seen, now));
            }
        })?;
        watcher.watch(&self.dir, RecursiveMode::NonRecursive)?;
        Ok(watcher)
    }
}

#[cfg(test)]
mod tests;
