//! Saving and keeping work safe: the save itself, the draft of unsaved changes (written by the
//! terminal loop, offered again at start), read-only states, and saving a copy elsewhere when
//! the data dir cannot be written.

use std::path::{Path, PathBuf};

use ratatui_textarea::TextArea;

use super::{Access, App, Popup, SaveState, Status};
use crate::action::Action;
use crate::domain::review::Review;
use crate::domain::snapshot;
use crate::domain::verdict;
use crate::storage::StoreError;
use crate::storage::privacy;
use crate::storage::store::{FileStamp, twin_of};

impl App {
    /// Why nothing on screen may be changed or saved right now, if so.
    pub fn write_block(&self) -> Option<String> {
        match &self.access {
            Access::Writable => None,
            Access::LockedElsewhere => Some(
                "read-only: another partnerbook is using this workbook — close it to make changes here"
                    .into(),
            ),
            Access::NoLock { why } => Some(format!(
                "read-only: partnerbook could not take its lock on this data dir ({why}), so it cannot be sure it is the only one writing — fix that and start again"
            )),
            Access::Unreadable { why, .. } => Some(format!(
                "read-only: {why} — partnerbook never writes over a file it cannot read; fix it by hand, or press {} for another review",
                self.global_key(Action::OpenHistory)
            )),
        }
    }

    /// The draft the terminal loop should keep on disk: the review as TOML while it has
    /// unsaved changes this instance may write, `None` when there is nothing to keep.
    pub fn draft_text(&self) -> Option<String> {
        let keep = self.write_block().is_none()
            && !self.draft_blocked
            && !matches!(self.popup, Some(Popup::Draft(_)))
            && self.save_state() == SaveState::Unsaved;
        keep.then(|| snapshot::to_toml(&self.review, self.workbook))
    }

    /// Start-up duties of the instance that holds the lock: clears temporary files left by a
    /// killed save, makes loose file permissions private (with a notice) and offers the
    /// unsaved changes found in a draft.
    pub fn check_on_start(&mut self) {
        self.store.remove_stale_temp_files();
        match privacy::tighten(&self.store) {
            Ok(changed) if !changed.is_empty() => {
                let text = format!(
                    "Made your data folder private again ({} changed): others could read it before.",
                    changed.len()
                );
                self.status = Some(Status {
                    text,
                    is_error: false,
                });
            }
            Ok(_) => {}
            Err(error) => self.fail(format!("Could not make your files private: {error}")),
        }
        let plain = self.store.plain_in_encrypted_dir();
        if !plain.is_empty() {
            let (count, them) = match plain.len() {
                1 => ("One review".to_string(), "it is"),
                n => (format!("{n} reviews"), "each is"),
            };
            self.note(format!(
                "{count} here {} plain text (a backup or a sync?): {them} encrypted when next saved, or all at once by `partnerbook encrypt`.",
                if plain.len() == 1 { "is" } else { "are" }
            ));
        }
        self.offer_draft();
    }

    fn offer_draft(&mut self) {
        let path = self.store.draft_path();
        let parsed = match self.store.read_draft() {
            Ok(Some(bytes)) => std::str::from_utf8(&bytes)
                .map_err(|_| "not UTF-8 text".to_string())
                .and_then(|text| {
                    snapshot::from_toml(text, self.workbook).map_err(|e| e.to_string())
                }),
            Ok(None) => return,
            Err(StoreError::Io { verb, source, .. }) => Err(format!("cannot {verb} it: {source}")),
            Err(e) => Err(e.to_string()),
        };
        match parsed {
            Ok(draft) => {
                let on_disk = self.store.load(draft.date, self.workbook).ok().flatten();
                if on_disk
                    .as_ref()
                    .is_some_and(|saved| same_content(saved, &draft))
                {
                    self.remove_draft();
                    return;
                }
                self.popup = Some(Popup::Draft(Box::new(draft)));
            }
            Err(reason) => {
                let sealed = if crate::storage::store::is_sealed(&path) {
                    ".age"
                } else {
                    ""
                };
                let kept = self.store.dir().join(format!(
                    "draft-unreadable-{}.toml{sealed}",
                    (self.clock)().format("%Y%m%d-%H%M%S")
                ));
                if std::fs::rename(&path, &kept).is_ok() {
                    return self.fail(format!(
                        "A draft of unsaved changes could not be read ({reason}); it is kept as {}",
                        kept.display()
                    ));
                }
                // It cannot be moved aside either: never write a new draft over it.
                self.draft_blocked = true;
                self.fail(format!(
                    "A draft of unsaved changes at {} could not be read ({reason}) and is left as it is, so no new draft is kept this time: save with {} as you go.",
                    path.display(),
                    self.global_key(Action::Save)
                ));
            }
        }
    }

    /// Opens the draft's review with its unsaved changes on top of the saved file.
    pub(super) fn restore_draft(&mut self) {
        let Some(Popup::Draft(draft)) = self.popup.take() else {
            return;
        };
        if draft.date != self.review.date {
            self.open_date(draft.date);
        }
        if self.review.date != draft.date || self.write_block().is_some() {
            let date = draft.date;
            self.popup = Some(Popup::Draft(draft));
            return self.fail(format!(
                "The review of {date} cannot be opened for writing; the draft is kept."
            ));
        }
        let before = std::mem::replace(&mut self.review, *draft);
        self.record_change("restoring the draft".into(), before);
        let save = self.global_key(Action::Save);
        self.note(format!(
            "Restored your unsaved changes — {save} to save them."
        ));
    }

    /// Throws the draft away for good.
    pub(super) fn discard_draft(&mut self) {
        self.popup = None;
        let path = self.store.draft_path();
        if self.write_block().is_some() || self.draft_blocked {
            return self.note(format!(
                "The unsaved changes from last time are kept in {}: this partnerbook is read-only.",
                path.display()
            ));
        }
        // Said "discarded" only when the draft is really gone.
        match std::fs::remove_file(&path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => self.fail(format!(
                "Could not discard the unsaved changes from last time: cannot remove {}: {error}. They are still there.",
                path.display()
            )),
            _ => self.note("Discarded the unsaved changes from last time.".into()),
        }
    }

    /// Deletes the draft file, if this instance may write.
    pub(super) fn remove_draft(&mut self) {
        if self.write_block().is_none() && !self.draft_blocked {
            let _ = std::fs::remove_file(self.store.draft_path());
        }
    }

    /// Writes the review; reports the outcome in the status line. True when the review is
    /// safe on disk: in its file, or — when the file changed on disk since it was read here —
    /// in a conflict copy beside it, the other version left as it is.
    pub(super) fn save(&mut self) -> bool {
        let mut stamped = self.review.clone();
        stamped.saved_at = Some((self.clock)());
        let changed_meanwhile = match self.store.stamp_now(stamped.date) {
            Ok(now) => match (now, &self.file) {
                (Some(now), Some((read, _))) => !now.same_content(read),
                (Some(_), None) => true,
                (None, _) => false,
            },
            Err(error) => {
                let copy = self.global_key(Action::SaveCopy);
                self.fail(format!(
                    "Not saved — {error}; the file on disk is left as it is. Your changes are still here: {copy} saves a copy elsewhere."
                ));
                return false;
            }
        };
        if changed_meanwhile {
            return self.keep_both(stamped);
        }
        // A file read here is updated in place, so a hand-edited one keeps its comments,
        // order and unknown keys; a new review is written in the normal form.
        let text = match &self.file {
            Some((_, original)) => snapshot::update_text(original, &stamped, self.workbook)
                .unwrap_or_else(|_| snapshot::to_toml(&stamped, self.workbook)),
            None => snapshot::to_toml(&stamped, self.workbook),
        };
        match self.store.save_text(stamped.date, &text) {
            Ok(path) => {
                let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                self.file = Some((FileStamp::of(text.as_bytes(), modified), text));
                self.review.saved_at = stamped.saved_at;
                self.baseline = stamped;
                self.on_disk = true;
                self.changed_on_disk = false;
                self.dates = self.store.dates().unwrap_or_default();
                if !self.dates.contains(&self.review.date) {
                    self.dates.push(self.review.date);
                    self.dates.sort_unstable_by(|a, b| b.cmp(a));
                }
                self.previous = self.review_before(self.review.date);
                self.remove_draft();
                let message = verdict::commit_message(&self.review.summary(), self.workbook);
                let paths = [path.clone(), twin_of(&path)];
                let text = match self.store.record(&paths, &message) {
                    Some(Err(why)) => {
                        format!("Saved {} — commits are off: {why}", path.display())
                    }
                    _ => format!("Saved {}", path.display()),
                };
                self.status = Some(Status {
                    text,
                    is_error: false,
                });
                true
            }
            Err(error) => {
                let (save, copy) = (
                    self.global_key(Action::Save),
                    self.global_key(Action::SaveCopy),
                );
                self.fail(format!(
                    "Not saved — {error}. Your changes are still here: fix it and press {save} again, or {copy} to save a copy elsewhere."
                ));
                false
            }
        }
    }

    /// The review's file changed on disk since it was read here (another machine, a sync tool,
    /// a hand edit): writes this version beside it as a conflict copy, says so, and shows the
    /// file's version.
    fn keep_both(&mut self, stamped: Review) -> bool {
        match self
            .store
            .save_conflict_copy(&stamped, self.workbook, (self.clock)())
        {
            Ok(copy) => {
                let name = copy.file_name().map_or_else(
                    || copy.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                self.review.saved_at = stamped.saved_at;
                let message = format!(
                    "Second version of the review of {} (its file changed on disk meanwhile)",
                    stamped.date.format("%Y-%m-%d")
                );
                let _ = self.store.record(std::slice::from_ref(&copy), &message);
                self.baseline = stamped;
                self.changed_on_disk = false;
                self.remove_draft();
                // Yours is safe in the copy: the screen shows what the review's file holds.
                self.refresh_from_disk();
                self.fail(format!(
                    "The file changed on disk since you opened it, so it was kept: your version is saved beside it as {name}. Both are kept; the file's is shown."
                ));
                true
            }
            Err(error) => {
                let copy = self.global_key(Action::SaveCopy);
                self.fail(format!(
                    "Not saved — the file changed on disk since you opened it, and a copy beside it failed: {error}. Your changes are still here: {copy} saves a copy elsewhere."
                ));
                false
            }
        }
    }

    /// Opens the save-a-copy prompt with the home folder filled in.
    pub(super) fn ask_for_copy_path(&mut self) {
        let home = directories::UserDirs::new()
            .map(|dirs| dirs.home_dir().to_path_buf())
            .unwrap_or_default();
        let suggestion = home.join(self.copy_name());
        let mut editor = TextArea::new(vec![suggestion.display().to_string()]);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        editor.set_cursor_line_style(ratatui::style::Style::default());
        self.popup = Some(Popup::SaveAs(Box::new(editor)));
    }

    /// Writes the review (as a snapshot file, 0600) to the typed path; a folder gets the
    /// review's usual file name. The review stays unsaved in its data dir.
    pub(super) fn save_copy(&mut self) {
        let typed = match &self.popup {
            Some(Popup::SaveAs(field)) => field.lines().join(""),
            _ => return,
        };
        let typed = typed.trim();
        if typed.is_empty() {
            return self.fail("Type a folder or file to write the copy to.".into());
        }
        let mut path = expand_home(typed);
        if path.is_dir() {
            path = path.join(self.copy_name());
        }
        let text = snapshot::to_toml(&self.review, self.workbook);
        match self.store.write_file(&path, text.as_bytes()) {
            Ok(()) => {
                self.popup = None;
                self.status = Some(Status {
                    text: format!(
                        "Wrote a copy to {} — the review is still unsaved in its data dir.",
                        path.display()
                    ),
                    is_error: false,
                });
            }
            Err(error) => self.fail(format!("Cannot write {}: {error}", path.display())),
        }
    }

    fn copy_name(&self) -> String {
        format!("partnerbook-{}.toml", self.review.date.format("%Y-%m-%d"))
    }
}

/// Two reviews with the same answers, skills, items and follow-up (the save time aside).
fn same_content(a: &Review, b: &Review) -> bool {
    Review {
        saved_at: None,
        ..a.clone()
    } == Review {
        saved_at: None,
        ..b.clone()
    }
}

/// `~/x` as a path under the home folder.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), directories::UserDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => Path::new(typed).to_path_buf(),
    }
}
