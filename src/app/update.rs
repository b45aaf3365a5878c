//! `App::update`: the one place an action is carried out, and the small steps it takes — what
//! a key does to the review, the screens and the popups, recorded for undo.

use ratatui_textarea::{CursorMove, TextArea};

use super::editing::cursor;
use super::{App, Effect, Jump, Next, Pane, Popup, SaveState, Screen, Status};
use crate::action::Action;
use crate::domain::resolve::Side;
use crate::domain::review::Progress;

impl App {
    /// Carries out one action; what the terminal edge must then do is returned. While the
    /// terminal is too small to show anything, nothing acts unseen: quitting is all that
    /// works, at once, and unsaved changes stay in the draft to be offered next time.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // Files changed on disk: not the user's doing, so it neither clears their message nor
        // waits for a terminal large enough to show it.
        if matches!(action, Action::FilesChanged(_)) {
            return self.apply(action);
        }
        if self.too_small() {
            return (action == Action::Quit).then_some(Effect::Quit);
        }
        self.status = None;
        if action.changes_review() && self.write_block().is_some() {
            self.fail("Not changed: this review is read-only (see the red banner).".into());
            return None;
        }
        let was_editing = self.editor.is_some();
        let before = if was_editing {
            None
        } else {
            self.undo_label(&action)
                .map(|what| (what, self.review.clone()))
        };
        let effect = self.apply(action);
        match (was_editing, self.editor.is_some()) {
            (false, true) => self.edit_began = before,
            (true, false) => {
                if let Some((what, start)) = self.edit_began.take() {
                    self.record_change(what, start);
                }
            }
            _ => {
                if let Some((what, start)) = before {
                    self.record_change(what, start);
                }
            }
        }
        // Edits undone while the file had changed on disk: the file's version is shown again.
        if self.changed_on_disk && self.save_state() != SaveState::Unsaved {
            self.refresh_from_disk();
        }
        effect
    }

    /// The one `match` from an action to the method that carries it out.
    fn apply(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::NextPane => self.focus_pane(self.focus.step(1)),
            Action::PrevPane => self.focus_pane(self.focus.step(-1)),
            Action::Up => self.move_selection(Jump::By(-1)),
            Action::Down => self.move_selection(Jump::By(1)),
            Action::First => self.move_selection(Jump::First),
            Action::Last => self.move_selection(Jump::Last),
            Action::PageUp => self.move_selection(Jump::By(-self.page_rows())),
            Action::PageDown => self.move_selection(Jump::By(self.page_rows())),
            Action::AnswerYes => self.answer(Some(true)),
            Action::AnswerNo => self.answer(Some(false)),
            Action::ClearAnswer => self.review.set_answer(self.selected.question, None),
            Action::TogglePractised => self.review.toggle_practised(self.selected.skill),
            Action::Rate(rating) => self.review.set_rating(self.selected.skill, Some(rating)),
            Action::ClearRating => self.review.set_rating(self.selected.skill, None),
            Action::StartEditing => self.start_editing(),
            Action::StopEditing => self.editor = None,
            Action::EditNextItem => self.edit_next_item(),
            Action::ClearItem => self.clear_item(),
            Action::UndoChange => self.undo_change(),
            Action::RedoChange => self.redo_change(),
            Action::MarkProgress(progress) => self.set_progress(Some(progress)),
            Action::CycleProgress => self.cycle_progress(),
            Action::ClearProgress => self.set_progress(None),
            Action::OpenHistory => self.open_history(),
            Action::CloseView => self.close_view(),
            Action::OpenSelected => {
                if let Some(date) = self.history.selected_date() {
                    self.switch_to(date);
                }
            }
            Action::OpenToday => self.switch_to(self.today),
            Action::ToggleMark => self.history.toggle_mark(),
            Action::Compare => self.compare(),
            Action::Resolve => self.open_resolve(),
            Action::TakeLeft => self.take_side(Side::Left),
            Action::TakeRight => self.take_side(Side::Right),
            Action::KeepLeft => self.keep_whole(Side::Left),
            Action::KeepRight => self.keep_whole(Side::Right),
            Action::SaveResolution => self.save_resolution(),
            Action::EditKey(key) => self.type_key(key),
            Action::Paste(text) => self.paste(&text),
            Action::Undo => self.edit(TextArea::undo),
            Action::Redo => self.edit(TextArea::redo),
            Action::WordLeft => self.edit(|e| cursor(e, CursorMove::WordBack)),
            Action::WordRight => self.edit(|e| cursor(e, CursorMove::WordEnd)),
            Action::LineStart => self.edit(|e| cursor(e, CursorMove::Head)),
            Action::LineEnd => self.edit(|e| cursor(e, CursorMove::End)),
            Action::Save => {
                self.save();
            }
            Action::Quit => return self.quit(),
            Action::SaveCopy => self.ask_for_copy_path(),
            Action::ConfirmSaveCopy => self.save_copy(),
            Action::RestoreDraft => self.restore_draft(),
            Action::DiscardDraft => self.discard_draft(),
            Action::SaveAndContinue => {
                if let Some(Popup::Unsaved(next)) = self.popup.take() {
                    if self.save() {
                        return self.go_on(next);
                    }
                    self.popup = Some(Popup::Unsaved(next));
                }
            }
            Action::DiscardAndContinue => {
                if let Some(Popup::Unsaved(next)) = self.popup.take() {
                    self.review = self.baseline.clone();
                    self.editor = None;
                    self.remove_draft();
                    return self.go_on(next);
                }
            }
            Action::ClosePopup => self.popup = None,
            Action::Help => self.open_help(),
            Action::OpenGuide => self.open_guide(None),
            Action::OpenBandTips => self.open_band_tips(),
            Action::NextSection => self.guide.jump_section(true),
            Action::PrevSection => self.guide.jump_section(false),
            Action::StartSearch => self.start_search(),
            Action::ConfirmSearch => self.confirm_search(),
            Action::CancelSearch => self.cancel_search(),
            Action::NextMatch => self.step_match(1),
            Action::PrevMatch => self.step_match(-1),
            Action::ShowFocus => self.show_focus(),
            Action::TakeUpSuggestion => self.take_up_suggestion(),
            Action::EditInEditor => return self.request_external_edit(),
            Action::Click(column, row) => self.click(column, row),
            Action::Scroll(column, row, rows) => self.wheel(column, row, rows),
            Action::FilesChanged(change) => self.files_changed(&change),
        }
        None
    }

    pub(super) fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
    }

    /// After the unsaved-changes prompt: quit, or open the review it was asked for.
    pub(super) fn go_on(&mut self, next: Next) -> Option<Effect> {
        match next {
            Next::Quit => return Some(Effect::Quit),
            Next::Open(date) => self.open_date(date),
        }
        None
    }

    /// A printable key where text is typed: the save-a-copy path, the guide's search or the
    /// Next steps item being edited.
    pub(super) fn type_key(&mut self, key: crossterm::event::KeyEvent) {
        if let Some(Popup::SaveAs(field)) = &mut self.popup {
            field.input(key);
        } else if self.guide.search.is_some() {
            self.type_search(key);
        } else {
            self.edit(|editor| editor.input(key));
        }
    }

    pub(super) fn close_view(&mut self) {
        self.screen = match &self.screen {
            Screen::Guide { .. } => return self.close_guide(),
            Screen::Compare(_) | Screen::Resolve(_) => Screen::History,
            _ => Screen::Workbook,
        };
    }

    /// Empties the selected item, saying how to get it back.
    pub(super) fn clear_item(&mut self) {
        let Some(item) = self.selected_item() else {
            return;
        };
        if self.review.item(item).trim().is_empty() {
            return;
        }
        self.review.set_item(item, String::new());
        let (undo, _) = self.undo_keys();
        self.note(format!(
            "Emptied {} — {undo} brings it back.",
            self.item_name(item)
        ));
    }

    /// Sets the selected plan's status and moves on to the next row.
    pub(super) fn set_progress(&mut self, progress: Option<Progress>) {
        if let Some(plan) = self.selected_plan() {
            self.review.set_progress(plan, progress);
            self.move_selection(Jump::By(1));
        }
    }

    /// Steps the selected plan's status (done → partly → not yet → unset), staying on it.
    pub(super) fn cycle_progress(&mut self) {
        let Some(plan) = self.selected_plan() else {
            return;
        };
        let current = self
            .review
            .follow_up
            .as_ref()
            .and_then(|f| f.items.get(plan)?.status);
        self.review.set_progress(plan, Progress::cycle(current));
    }

    /// Shows `text` in the status line.
    pub(super) fn note(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: false,
        });
    }

    pub(super) fn fail(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: true,
        });
    }

    pub(super) fn answer(&mut self, answer: Option<bool>) {
        self.review.set_answer(self.selected.question, answer);
        self.move_selection(Jump::By(1));
    }

    pub(super) fn quit(&mut self) -> Option<Effect> {
        if self.save_state() == SaveState::Unsaved {
            self.popup = Some(Popup::Unsaved(Next::Quit));
            None
        } else {
            Some(Effect::Quit)
        }
    }
}
