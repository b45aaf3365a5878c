//! Moving between reviews: opening the history, opening another date's review (asking first
//! when there are unsaved changes), comparing two, and finding the review before a date.

use chrono::NaiveDate;

use super::{Access, App, CompareView, Next, Pane, Popup, Screen};
use crate::action::Action;
use crate::domain::compare::Comparison;
use crate::domain::review::{FollowUp, Review};
use crate::keymap::Context;
use crate::storage::store::StoreError;

/// The Next steps list whose plans the next review follows up.
const FOLLOWED_LIST: &str = "do_more";

impl App {
    /// Opens the history, re-reading the directory so it shows what is on disk now.
    pub(super) fn open_history(&mut self) {
        self.refresh_from_disk();
        let select = self
            .history
            .selected_date()
            .filter(|_| self.screen != Screen::Workbook)
            .unwrap_or(self.review.date);
        match super::History::load(&self.store, self.workbook, select) {
            Ok(mut history) => {
                history.marked = std::mem::take(&mut self.history.marked);
                history
                    .marked
                    .retain(|d| history.rows.iter().any(|r| r.date == *d));
                self.history = history;
                self.screen = Screen::History;
            }
            Err(error) => self.fail(format!("Cannot open the history — {error}")),
        }
    }

    /// Opens `date`'s review, or asks first when the one on screen has unsaved changes.
    pub(super) fn switch_to(&mut self, date: NaiveDate) {
        if date == self.review.date {
            self.screen = Screen::Workbook;
        } else if self.save_state() == super::SaveState::Unsaved {
            self.popup = Some(Popup::Unsaved(Next::Open(date)));
        } else {
            self.open_date(date);
        }
    }

    /// Replaces the review on screen with `date`'s (a new one when it has no file), and works
    /// out again what depends on it. A file that cannot be read is reported and nothing changes.
    pub(super) fn open_date(&mut self, date: NaiveDate) {
        if let Err(error) = self.store.load(date, self.workbook) {
            return self.fail(format!("Cannot open that review — {error}"));
        }
        self.load_into_view(date);
        self.focus = Pane::Assessment;
        self.selected = super::Selection::default();
        self.editor = None;
        self.screen = Screen::Workbook;
    }

    /// Loads `date`'s review as the one on screen, with its access (read-only when its file
    /// cannot be read), the review before it and the dates on disk now.
    pub(super) fn load_into_view(&mut self, date: NaiveDate) {
        self.dates = self.store.dates().unwrap_or_default();
        let (review, on_disk, unreadable) = match self.store.load_versioned(date, self.workbook) {
            Ok(Some(loaded)) => {
                self.file = Some((loaded.stamp, loaded.text));
                (loaded.review, true, None)
            }
            Ok(None) => {
                self.file = None;
                (Review::new(date, self.workbook), false, None)
            }
            Err(error) => {
                self.file = None;
                (
                    Review::new(date, self.workbook),
                    true,
                    Some(error.to_string()),
                )
            }
        };
        self.access = match unreadable {
            _ if self.lock_problem.is_some() => {
                self.lock_problem.clone().unwrap_or(Access::Writable)
            }
            Some(why) => Access::Unreadable { date, why },
            None => Access::Writable,
        };
        self.previous = self.review_before(date);
        self.review = review;
        if !on_disk {
            self.seed_follow_up();
        }
        self.baseline = self.review.clone();
        self.on_disk = on_disk;
        self.changed_on_disk = false;
        self.undo.clear();
        self.edit_began = None;
    }

    /// Compares the pair the history points at and shows the result.
    pub(super) fn compare(&mut self) {
        let (a, b) = match self.history.pair_to_compare() {
            Ok(pair) => pair,
            Err(why) => return self.explain_no_pair(why),
        };
        let loaded = self
            .load_review(a)
            .and_then(|(a, _)| Ok((a, self.load_review(b)?.0)));
        match loaded {
            Ok((a, b)) => {
                self.screen = Screen::Compare(Box::new(CompareView {
                    comparison: Comparison::new(&a, &b),
                    scroll: 0,
                    max_scroll: u16::MAX,
                    page: 10,
                }));
            }
            Err(error) => self.fail(format!("Cannot compare — {error}")),
        }
    }

    /// Why `c` compared nothing, naming the user's keys.
    fn explain_no_pair(&mut self, why: super::history::NoPair) {
        use super::history::NoPair;
        let mark = self.key(Context::History, Action::ToggleMark);
        let text = match why {
            NoPair::NoReviews => "There are no reviews to compare yet.".to_string(),
            NoPair::OneMarked => format!(
                "Mark a second review with {mark}, or move to another one, then press {}.",
                self.key(Context::History, Action::Compare)
            ),
            NoPair::Oldest => {
                format!("This is the oldest review: there is none before it. Mark two with {mark}.")
            }
        };
        self.fail(text);
    }

    /// `date`'s review from disk (with `true`), or a new empty one (with `false`).
    fn load_review(&self, date: NaiveDate) -> Result<(Review, bool), StoreError> {
        Ok(match self.store.load(date, self.workbook)? {
            Some(review) => (review, true),
            None => (Review::new(date, self.workbook), false),
        })
    }

    /// The newest readable review dated before `date`.
    pub(super) fn review_before(&self, date: NaiveDate) -> Option<Review> {
        self.dates
            .iter()
            .filter(|d| **d < date)
            .find_map(|d| self.store.load(*d, self.workbook).ok().flatten())
    }

    /// Starts a new review's follow-up from the previous review's plans.
    pub(super) fn seed_follow_up(&mut self) {
        let list = self.workbook.list_index(FOLLOWED_LIST);
        if let (Some(previous), Some(list)) = (&self.previous, list) {
            self.review.follow_up = FollowUp::seeded_from(previous, list);
        }
    }
}
