//! The resolve view's steps: opening the selected review's two versions from the history
//! (git's conflict markers split into two first), taking each difference from either side or
//! one side whole, and saving — the other version kept in `resolved/`, the change committed.

use super::{App, ResolveView, Screen, Status};
use crate::action::Action;
use crate::domain::resolve::{Resolution, Side};
use crate::domain::text::long_date;
use crate::domain::verdict;
use crate::keymap::Context;

impl App {
    /// Opens the resolve view on the history's selected review, when it has two versions.
    pub(super) fn open_resolve(&mut self) {
        let Some(date) = self.history.selected_date() else {
            return;
        };
        if let Some(why) = self.write_block() {
            return self.fail(format!("Cannot resolve here: {why}"));
        }
        if date == self.review.date && self.save_state() == super::SaveState::Unsaved {
            let save = self.global_key(Action::Save);
            return self.fail(format!(
                "The review of {} has unsaved changes here: save them with {save} first (they become a version to pick from), then resolve.",
                long_date(date)
            ));
        }
        let now = (self.clock)();
        if let Err(error) = self.store.split_merge_markers(date, now) {
            return self.fail(format!("Cannot resolve — {error}"));
        }
        let Some(copy) = self.store.copies_of(date).into_iter().next() else {
            return self.fail(format!(
                "The review of {} has one version: there is nothing to resolve.",
                long_date(date)
            ));
        };
        let left = self.store.load(date, self.workbook);
        let right = self.store.load_copy(date, &copy, self.workbook);
        match (left, right) {
            (Ok(Some(left)), Ok(right)) => {
                self.screen = Screen::Resolve(Box::new(ResolveView {
                    resolution: Resolution::new(left, right),
                    copy,
                    selected: 0,
                    page: 10,
                }));
            }
            (Ok(None), _) => self.fail(format!(
                "The review of {} has no file of its own, only {}: rename it to the review's name to keep it.",
                long_date(date),
                copy.display()
            )),
            (Err(error), _) | (_, Err(error)) => {
                self.fail(format!("Cannot resolve — {error}"));
            }
        }
    }

    /// Takes the selected difference from `side`.
    pub(super) fn take_side(&mut self, side: Side) {
        if let Screen::Resolve(view) = &mut self.screen {
            view.resolution.take(view.selected, side);
            let last = view.resolution.picks().len().saturating_sub(1);
            view.selected = (view.selected + 1).min(last);
        }
    }

    /// Takes every difference from `side`: that version kept whole.
    pub(super) fn keep_whole(&mut self, side: Side) {
        if let Screen::Resolve(view) = &mut self.screen {
            view.resolution.take_all(side);
        }
    }

    /// Saves the review as picked, moves the other version into `resolved/`, commits when the
    /// data dir is a git work tree, and goes back to the history.
    pub(super) fn save_resolution(&mut self) {
        let Screen::Resolve(view) = &self.screen else {
            return;
        };
        let now = (self.clock)();
        let mut result = view.resolution.result();
        result.saved_at = Some(now);
        let date = result.date;
        let text = crate::domain::snapshot::to_toml(&result, self.workbook);
        let copy = view.copy.clone();
        match self.store.resolve(date, &text, &copy, now) {
            Ok(changed) => {
                let message = format!(
                    "Resolve two versions of the review of {}",
                    verdict::review_outcome(&result.summary(), self.workbook)
                );
                let committed = match self.store.record(&changed, &message) {
                    Some(Err(why)) => format!(" — commits are off: {why}"),
                    _ => String::new(),
                };
                if date == self.review.date {
                    self.load_into_view(date);
                }
                self.open_history();
                let more = self.store.copies_of(date).len();
                let again = match more {
                    0 => String::new(),
                    n => format!(
                        " {n} more to resolve: press {} again.",
                        self.key(Context::History, Action::Resolve)
                    ),
                };
                self.status = Some(Status {
                    text: format!(
                        "Resolved the review of {}; the other version is kept in {}.{again}{committed}",
                        long_date(date),
                        self.store.resolved_dir().display()
                    ),
                    is_error: false,
                });
            }
            Err(error) => self.fail(format!(
                "Not resolved — {error}. Both versions are as they were."
            )),
        }
    }
}
