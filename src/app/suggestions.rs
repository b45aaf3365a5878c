//! Focus suggestions in the app: the popup listing them, and turning one — or the question
//! or skill selected in its pane — into a Next steps item, pre-filled and open for editing.

use super::{App, Pane, Popup};
use crate::domain::focus::{self, Source, Suggestion};
use crate::keymap::Context;

impl App {
    /// The suggestions for the review on screen.
    pub fn suggestions(&self) -> Vec<Suggestion> {
        focus::suggestions(&self.review, self.workbook)
    }

    /// Opens the suggestions popup on its first row.
    pub(super) fn show_focus(&mut self) {
        self.editor = None;
        self.popup = Some(Popup::Focus { selected: 0 });
    }

    /// Takes up the suggestion chosen in the popup, or the one for the question or skill
    /// selected in its pane.
    pub(super) fn take_up_suggestion(&mut self) {
        let suggestions = self.suggestions();
        let source = match self.context() {
            Context::Assessment => Source::Question(self.selected.question),
            Context::Skills => Source::Skill(self.selected.skill),
            _ => {
                if let Some(Popup::Focus { selected }) = self.popup
                    && let Some(chosen) = suggestions.get(selected).cloned()
                {
                    self.take_up(&chosen);
                }
                return;
            }
        };
        match suggestions.into_iter().find(|s| s.source == source) {
            Some(suggestion) => self.take_up(&suggestion),
            None => self.explain_no_suggestion(source),
        }
    }

    /// Why the selected question or skill has nothing to take up.
    fn explain_no_suggestion(&mut self, source: Source) {
        let text = match source {
            Source::Question(i) => match self.review.answers.get(i).copied().flatten() {
                Some(true) => "This question is a Yes: nothing to work on here.",
                None => "Answer this question first: a No becomes a suggested next step.",
                Some(false) => "This one is already among your Next steps.",
            },
            Source::Skill(_) => {
                "This skill is ticked and rated well, or already among your Next steps."
            }
        };
        self.note(text.into());
    }

    /// Writes `suggestion` into the first empty item of its list and opens it for editing.
    fn take_up(&mut self, suggestion: &Suggestion) {
        let title = &self.workbook.next_steps[suggestion.list].title;
        let Some(item) = focus::free_slot(&self.review, suggestion.list) else {
            return self.fail(format!(
                "“{title}” is full: empty one of its items first (Del), then try again."
            ));
        };
        let title = title.clone();
        self.review.set_item(item, suggestion.step.clone());
        self.popup = None;
        self.focus = Pane::NextSteps;
        self.selected.next_step = self.review.follow_up_len() + item;
        self.start_editing();
        self.note(format!(
            "Added to “{title}”: make it your own, then {} when done.",
            self.key(Context::Editing, crate::action::Action::StopEditing)
        ));
    }
}
