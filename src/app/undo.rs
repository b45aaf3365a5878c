//! Undo and redo of changes to the review made outside text editing: each step keeps the
//! whole review as it was (a review is small) and says in words what the change was.

use super::{App, Pane};
use crate::action::Action;
use crate::domain::content::ITEMS_PER_LIST;
use crate::domain::review::Review;

/// How many changes can be undone; older ones are forgotten.
pub const UNDO_DEPTH: usize = 500;

/// How much item text the undo steps may hold in all; older steps are forgotten beyond it (the
/// newest is always kept), so a review holding an enormous item cannot fill the memory.
pub const UNDO_BYTES: usize = 64 * 1024 * 1024;

/// The bytes of text a review holds in its items and follow-up plans.
fn text_bytes(review: &Review) -> usize {
    let items: usize = (0..review.item_slots()).map(|i| review.item(i).len()).sum();
    let plans: usize = review
        .follow_up
        .as_ref()
        .map_or(0, |f| f.items.iter().map(|p| p.text.len()).sum());
    items + plans
}

/// One change: the review on the other side of it, and what it was, in words.
#[derive(Debug, Clone)]
struct Step {
    what: String,
    review: Review,
}

/// The changes that can be undone and redone, for the review on screen only.
#[derive(Debug, Default)]
pub struct UndoHistory {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl UndoHistory {
    /// Remembers the review as it was `before` a change described by `what`; a new change
    /// forgets what was undone.
    pub fn record(&mut self, what: String, before: Review) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(Step {
            what,
            review: before,
        });
        self.redo.clear();
        let mut total: usize = self.undo.iter().map(|s| text_bytes(&s.review)).sum();
        while total > UNDO_BYTES && self.undo.len() > 1 {
            total -= text_bytes(&self.undo.remove(0).review);
        }
    }

    /// Forgets every step (another review is on screen).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// How many changes can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many undone changes can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}

impl App {
    /// What `action` would change, in words, when it is one undo records.
    pub(super) fn undo_label(&self, action: &Action) -> Option<String> {
        let question = self.selected.question + 1;
        let skill = || {
            let name = self
                .workbook
                .skills
                .get(self.selected.skill)
                .map(|s| s.name.as_str());
            name.unwrap_or("the skill").to_string()
        };
        let label = match action {
            Action::AnswerYes => format!("the Yes to question {question}"),
            Action::AnswerNo => format!("the No to question {question}"),
            Action::ClearAnswer => format!("clearing question {question}"),
            Action::TogglePractised => format!("the tick on “{}”", skill()),
            Action::Rate(_) | Action::ClearRating => format!("the rating of “{}”", skill()),
            Action::ClearItem => format!("emptying {}", self.item_name(self.selected_item()?)),
            Action::MarkProgress(_) | Action::CycleProgress | Action::ClearProgress => {
                format!("the status of plan {}", self.selected_plan()? + 1)
            }
            Action::TakeUpSuggestion => "taking up a suggestion".into(),
            Action::StartEditing | Action::EditNextItem | Action::Paste(_) => {
                "typing in Next steps".into()
            }
            _ => return None,
        };
        Some(label)
    }

    /// "item 2 of “Do more of”": a Next steps item in words.
    pub(super) fn item_name(&self, item: usize) -> String {
        let list = self.workbook.next_steps.get(item / ITEMS_PER_LIST);
        let title = list.map_or("Next steps", |l| l.title.as_str());
        format!("item {} of “{title}”", item % ITEMS_PER_LIST + 1)
    }

    /// The keys that undo and redo, as the footer names them.
    pub(super) fn undo_keys(&self) -> (String, String) {
        (
            self.global_key(Action::UndoChange),
            self.global_key(Action::RedoChange),
        )
    }

    /// Remembers the review as it was before a change, unless nothing changed.
    pub(super) fn record_change(&mut self, what: String, before: Review) {
        if before != self.review {
            self.undo.record(what, before);
        }
    }

    /// Puts back the review as it was before the last change.
    pub(super) fn undo_change(&mut self) {
        let Some(step) = self.undo.undo.pop() else {
            return self.note("Nothing to undo.".into());
        };
        let (_, redo) = self.undo_keys();
        let now = std::mem::replace(&mut self.review, step.review);
        self.undo.redo.push(Step {
            what: step.what.clone(),
            review: now,
        });
        self.clamp_selection();
        self.note(format!("Undid {} — {redo} redoes it.", step.what));
    }

    /// Makes again the last change undone.
    pub(super) fn redo_change(&mut self) {
        let Some(step) = self.undo.redo.pop() else {
            return self.note("Nothing to redo.".into());
        };
        let now = std::mem::replace(&mut self.review, step.review);
        self.undo.undo.push(Step {
            what: step.what.clone(),
            review: now,
        });
        self.clamp_selection();
        self.note(format!("Redid {}.", step.what));
    }

    /// Keeps each pane's selection on a row that exists.
    fn clamp_selection(&mut self) {
        for pane in Pane::ALL {
            let last = self.pane_len(pane).saturating_sub(1);
            let row = self.selected.row(pane).min(last);
            self.selected.set_row(pane, row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Workbook;

    #[test]
    fn steps_holding_an_enormous_item_are_bounded_by_bytes_not_only_by_count() {
        let workbook = Workbook::embedded();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        let mut review = Review::new(date, workbook);
        review.set_item(3, "w".repeat(20 * 1024 * 1024));
        let mut history = UndoHistory::default();
        for n in 0..20 {
            history.record(format!("change {n}"), review.clone());
        }
        assert_eq!(history.undo_len(), UNDO_BYTES / (20 * 1024 * 1024));
        let mut small = UndoHistory::default();
        for n in 0..20 {
            small.record(format!("change {n}"), Review::new(date, workbook));
        }
        assert_eq!(small.undo_len(), 20);
    }
}
