//! Writes the draft of unsaved changes off the main thread: the terminal loop hands over the
//! latest text a moment after a change, and a background thread writes it atomically (0600),
//! encrypted when the data dir is.

use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::storage::Store;

/// How long a change waits before its draft is written: at most this much typing is lost to
/// a crash, a closed terminal or a kill.
pub const DRAFT_DELAY: Duration = Duration::from_millis(500);

/// What the background thread is asked to do.
enum Job {
    /// Replace the draft with this text.
    Write(String),
    /// Delete the draft: there is nothing unsaved any more.
    Remove,
}

/// Debounces draft text and writes it on a background thread.
pub struct DraftWriter {
    store: Store,
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    /// The text last handed over (`None` = no draft wanted).
    written: Option<String>,
    /// Whether this run has written a draft, so only then does it delete one.
    wrote_any: bool,
    /// When the wanted text first differed from the written one.
    changed_at: Option<Instant>,
}

impl DraftWriter {
    /// Starts the writer thread for `store`'s draft.
    pub fn start(store: Store) -> DraftWriter {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let target = store.clone();
        let thread = std::thread::Builder::new()
            .name("draft-writer".into())
            .spawn(move || {
                for job in inbox {
                    match job {
                        Job::Write(text) => {
                            let _ = target.write_draft(&text);
                        }
                        Job::Remove => {
                            let _ = std::fs::remove_file(target.draft_path());
                        }
                    }
                }
            })
            .ok();
        DraftWriter {
            store,
            jobs: thread.as_ref().map(|_| jobs),
            thread,
            written: None,
            wrote_any: false,
            changed_at: None,
        }
    }

    /// Notes the draft the app wants now; hands it to the thread once it has waited
    /// [`DRAFT_DELAY`]. Returns how long until it is due, if something is waiting.
    pub fn offer(&mut self, wanted: &Option<String>, now: Instant) -> Option<Duration> {
        if *wanted == self.written {
            self.changed_at = None;
            return None;
        }
        let since = *self.changed_at.get_or_insert(now);
        let waited = now.saturating_duration_since(since);
        if waited < DRAFT_DELAY {
            return Some(DRAFT_DELAY - waited);
        }
        self.hand_over(wanted.clone());
        None
    }

    fn hand_over(&mut self, wanted: Option<String>) {
        let job = match &wanted {
            Some(text) => {
                self.wrote_any = true;
                Job::Write(text.clone())
            }
            None if self.wrote_any => Job::Remove,
            None => {
                self.written = wanted;
                self.changed_at = None;
                return;
            }
        };
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
        self.written = wanted;
        self.changed_at = None;
    }

    /// Stops the thread after its queue is done, then writes `last` at once (on the calling
    /// thread), so what is on disk matches the app as it ends.
    pub fn finish(mut self, last: Option<String>) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        match last {
            Some(text) => {
                let _ = self.store.write_draft(&text);
            }
            None if self.wrote_any => {
                let _ = std::fs::remove_file(self.store.draft_path());
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_written_after_the_delay_and_removed_when_saved() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = Store::new(tmp.path());
        let path = store.draft_path();
        let mut writer = DraftWriter::start(store.clone());
        let t0 = Instant::now();
        assert_eq!(writer.offer(&Some("a".into()), t0), Some(DRAFT_DELAY));
        assert!(
            writer
                .offer(&Some("ab".into()), t0 + DRAFT_DELAY / 2)
                .is_some()
        );
        assert_eq!(writer.offer(&Some("abc".into()), t0 + DRAFT_DELAY), None);
        writer.finish(Some("abcd".into()));
        assert_eq!(std::fs::read_to_string(&path).expect("draft"), "abcd");

        let mut writer = DraftWriter::start(store);
        writer.offer(&Some("x".into()), t0);
        writer.offer(&Some("x".into()), t0 + DRAFT_DELAY);
        writer.offer(&None, t0 + DRAFT_DELAY * 2);
        writer.offer(&None, t0 + DRAFT_DELAY * 3);
        writer.finish(None);
        assert!(!path.exists());
    }

    #[test]
    fn a_run_that_never_drafted_leaves_an_old_draft_alone() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = Store::new(tmp.path());
        let path = store.draft_path();
        std::fs::write(&path, "from another run").expect("write");
        let mut writer = DraftWriter::start(store);
        writer.offer(&None, Instant::now());
        writer.finish(None);
        assert_eq!(
            std::fs::read_to_string(&path).expect("kept"),
            "from another run"
        );
    }
}
