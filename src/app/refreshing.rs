//! Reading the disk again while the app runs — when the history opens, and when the folder
//! watcher reports files changed (a pull, a sync tool, the CLI): the dates, the review before
//! the one on screen, the review itself when it has no unsaved changes (a banner when it has),
//! and the history's rows in place.

use super::{App, Popup, SaveState, Screen};
use crate::action::{Action, DiskChange};

/// What reading the disk again did to the review on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refreshed {
    /// It shows what it showed.
    Same,
    /// It was read again and shows its file's new content.
    Reloaded,
    /// It has unsaved changes here and was left as it is.
    KeptEdits,
}

impl App {
    /// Reads again what is on disk now: the dates, the review before the one on screen (for
    /// the hints, the cadence and a new review's follow-up) and, when it has no unsaved
    /// changes and its file changed, the review on screen itself. With unsaved changes (or a
    /// draft of some offered) it stays, and the banner says when its file changed meanwhile.
    pub(super) fn refresh_from_disk(&mut self) -> Refreshed {
        self.dates = self.store.dates().unwrap_or_default();
        // A draft offered at start holds changes made to the file as it was read: restored,
        // they are unsaved changes to that version, which a save keeps beside a newer one.
        let draft_offered = matches!(self.popup, Some(Popup::Draft(_)));
        if self.save_state() == SaveState::Unsaved || draft_offered {
            self.previous = self.review_before(self.review.date);
            self.changed_on_disk = self.file_replaced();
            return Refreshed::KeptEdits;
        }
        let unchanged = self.file.is_some()
            && matches!(
                (self.store.stamp_now(self.review.date), &self.file),
                (Ok(Some(now)), Some((read, _))) if now.same_content(read)
            );
        if unchanged {
            self.previous = self.review_before(self.review.date);
            return Refreshed::Same;
        }
        let undo = std::mem::take(&mut self.undo);
        let edit_began = self.edit_began.take();
        let shown = self.review.clone();
        self.load_into_view(self.review.date);
        let last = self.next_steps_rows().saturating_sub(1);
        self.selected.next_step = self.selected.next_step.min(last);
        if self.review == shown {
            self.undo = undo;
            self.edit_began = edit_began;
            return Refreshed::Same;
        }
        if self.editor.is_some() {
            // The item being edited shows its new text.
            self.start_editing();
        }
        let last = self.suggestions().len().saturating_sub(1);
        if let Some(Popup::Focus { selected }) = &mut self.popup {
            *selected = (*selected).min(last);
        }
        Refreshed::Reloaded
    }

    /// Whether the review's file holds something else than it held when read here: another
    /// version arrived, or a file appeared where there was none. A file gone is not: saving
    /// writes it again.
    fn file_replaced(&self) -> bool {
        match (self.store.stamp_now(self.review.date), &self.file) {
            (Ok(Some(now)), Some((read, _))) => !now.same_content(read),
            (Ok(Some(_)), None) => true,
            _ => false,
        }
    }

    /// Files changed on disk while the app ran: everything on screen that rests on them is
    /// read again. Only a review on screen whose file now holds something else says so.
    pub(super) fn files_changed(&mut self, change: &DiskChange) {
        // A new review re-seeded from a new previous review has no file of its own to name.
        let had_file = self.on_disk;
        let refreshed = self.refresh_from_disk();
        let file_changed = had_file || self.on_disk;
        // A message about trouble (or where a save put the user's version) stays.
        let quiet = self.status.as_ref().is_none_or(|status| !status.is_error);
        if refreshed == Refreshed::Reloaded
            && file_changed
            && quiet
            && self.screen == Screen::Workbook
        {
            self.note("This review changed on disk: it shows the new version.".into());
        }
        if self.screen.returns_to_history() {
            let changed = match change {
                DiskChange::Dates(dates) => Some(dates),
                DiskChange::Anything => None,
            };
            // A folder that cannot be listed now keeps the rows it had.
            let _ = self.history.refresh(&self.store, self.workbook, changed);
        }
    }

    /// The banner shown while the review on screen has unsaved changes and its file changed on
    /// disk meanwhile, naming the user's keys.
    pub fn disk_notice(&self) -> Option<String> {
        let show = self.changed_on_disk
            && self.save_state() == SaveState::Unsaved
            && self.screen == Screen::Workbook;
        show.then(|| {
            format!(
                "This review changed on disk (another machine, a sync, the CLI). Saving with {} keeps both versions; {} opens the history.",
                self.global_key(Action::Save),
                self.global_key(Action::OpenHistory)
            )
        })
    }
}
