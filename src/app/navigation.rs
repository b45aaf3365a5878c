//! Where the user is: the selected rows in the panes, the history and the compare view,
//! pages, the help overlay's scroll, and how long since the last review.

use super::{App, Jump, Pane, Popup, REVIEW_DUE_DAYS, Screen, Target};
use crate::keymap;

/// How long a status message stays before it fades.
pub const STATUS_FADES_AFTER: std::time::Duration = std::time::Duration::from_secs(4);
/// How long an error stays: longer, so it can be read.
pub const ERROR_FADES_AFTER: std::time::Duration = std::time::Duration::from_secs(10);

impl App {
    /// Clears the status line once it has been shown for long enough; true when it did.
    pub fn fade_status(&mut self, shown_for: std::time::Duration) -> bool {
        let lasts = match &self.status {
            None => return false,
            Some(status) if status.is_error => ERROR_FADES_AFTER,
            Some(_) => STATUS_FADES_AFTER,
        };
        if shown_for < lasts {
            return false;
        }
        self.status = None;
        true
    }

    /// Days from the newest review before `today` to `today`, if there is one.
    pub fn days_since_last_review(&self) -> Option<i64> {
        let last = self.dates.iter().find(|d| **d < self.today)?;
        Some((self.today - *last).num_days())
    }

    /// Whether the latest review (by [`crate::domain::latest`]: none dated after today) is
    /// [`REVIEW_DUE_DAYS`] old or more (or there is none).
    pub fn review_due(&self) -> bool {
        crate::domain::latest::latest(&self.dates, self.today)
            .is_none_or(|last| (self.today - last).num_days() >= REVIEW_DUE_DAYS)
    }

    /// Rows of the Next steps pane: follow-up plans, then the items.
    pub fn next_steps_rows(&self) -> usize {
        self.review.follow_up_len() + self.review.item_slots()
    }

    /// The Next steps item (0..9) selected, unless a follow-up plan is.
    pub fn selected_item(&self) -> Option<usize> {
        self.selected
            .next_step
            .checked_sub(self.review.follow_up_len())
    }

    /// The follow-up plan selected, if one is.
    pub fn selected_plan(&self) -> Option<usize> {
        (self.selected.next_step < self.review.follow_up_len()).then_some(self.selected.next_step)
    }

    /// Opens the help overlay at the keys of where the user is.
    pub(super) fn open_help(&mut self) {
        let scroll = keymap::help_line_of(self.context()) as u16;
        self.popup = Some(Popup::Help { scroll });
    }

    /// Rows of help in view when it was last drawn (none before it was).
    fn help_rows(&self) -> Option<u16> {
        self.hits.area_of(Target::Help).map(|area| area.height)
    }

    pub(super) fn page_rows(&self) -> isize {
        if let (Some(Popup::Help { .. }), Some(rows)) = (&self.popup, self.help_rows()) {
            return rows.saturating_sub(1).max(1) as isize;
        }
        match &self.screen {
            Screen::History => self.history.page_rows(),
            Screen::Compare(view) => view.page.max(1) as isize,
            Screen::Resolve(view) => view.page.max(1) as isize,
            Screen::Guide { .. } => self.guide.height.saturating_sub(2).max(1) as isize,
            _ => 10,
        }
    }

    pub(super) fn pane_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Assessment => self.review.answers.len(),
            Pane::Skills => self.review.skills.len(),
            Pane::NextSteps => self.next_steps_rows(),
        }
    }

    pub(super) fn move_selection(&mut self, jump: Jump) {
        if let Some(Popup::Help { scroll }) = self.popup {
            // Within the text as last drawn: End then ↑ moves at once.
            let lines = keymap::help_line_count();
            let in_view = self.help_rows().map_or(1, usize::from);
            let last = lines.saturating_sub(in_view.max(1));
            let scroll = jump.land(usize::from(scroll).min(last), last) as u16;
            self.popup = Some(Popup::Help { scroll });
            return;
        }
        if let Some(Popup::Focus { selected }) = self.popup {
            let last = self.suggestions().len().saturating_sub(1);
            let selected = jump.land(selected, last);
            self.popup = Some(Popup::Focus { selected });
            return;
        }
        if self.screen.is_guide() {
            return self.guide.scroll_to(jump);
        }
        if self.screen == Screen::History {
            self.history.jump(jump);
            self.history.ensure_loaded(&self.store, self.workbook);
            return;
        }
        if let Screen::Resolve(view) = &mut self.screen {
            let last = view.resolution.picks().len().saturating_sub(1);
            view.selected = jump.land(view.selected, last);
            return;
        }
        if let Screen::Compare(view) = &mut self.screen {
            let scroll = jump.land(usize::from(view.scroll), usize::from(view.max_scroll));
            view.scroll = scroll as u16;
            return;
        }
        let last = self.pane_len(self.focus).saturating_sub(1);
        let row = jump.land(self.selected.row(self.focus), last);
        self.selected.set_row(self.focus, row);
    }
}
