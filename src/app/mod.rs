//! The workbook's state and its one `update(action)`: the screen, focus, selections, the
//! item being edited, popups and the status line. No terminal I/O happens here.

mod band;
mod editing;
mod frame;
mod guide;
mod history;
mod keys;
mod mouse;
mod navigation;
mod saving;
mod suggestions;
mod switching;
mod types;
mod undo;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui_textarea::{CursorMove, TextArea};

pub use frame::FrameLayout;
pub use guide::{GUIDE_MAX_WIDTH, GuideView};
pub use history::{History, HistoryRow, LOAD_RADIUS};
pub use mouse::{HitMap, Target};
pub use types::{
    Access, CompareView, Effect, Jump, Next, Pane, Popup, SaveState, Screen, Selection, Status,
};
pub use undo::{UNDO_DEPTH, UndoHistory};

use crate::action::Action;
use crate::domain::content::Workbook;
use crate::domain::review::{Progress, Review};
use crate::keymap;
use crate::storage::store::{Store, StoreError};
use editing::cursor;

/// Days after which the next quarterly review is due.
pub const REVIEW_DUE_DAYS: i64 = 90;

/// Source of the current time, read only when saving.
pub type Clock = Box<dyn Fn() -> DateTime<FixedOffset>>;

/// The whole state of the running workbook.
pub struct App {
    /// The workbook's wording.
    pub workbook: &'static Workbook,
    /// Where snapshots live.
    pub store: Store,
    /// Today's date, read once at start.
    pub today: NaiveDate,
    /// The review on screen, including keystrokes not yet saved.
    pub review: Review,
    /// The review as last loaded from or written to disk.
    baseline: Review,
    /// Whether the review's file exists.
    pub on_disk: bool,
    /// What the review's file held when it was last read or written here (its stamp and
    /// text); `None` when it has no file. A save first checks the file still holds this.
    pub(super) file: Option<(crate::storage::store::FileStamp, String)>,
    /// The newest readable review before the one on screen, for answer hints.
    pub previous: Option<Review>,
    /// Dates of every snapshot on disk, newest first.
    pub dates: Vec<NaiveDate>,
    /// What fills the screen.
    pub screen: Screen,
    /// The history view's rows and selection.
    pub history: History,
    /// The pane with focus.
    pub focus: Pane,
    /// Selected question, skill and Next steps row (follow-up plans first, then the nine items).
    pub selected: Selection,
    /// The editor of the item being edited, if any.
    pub editor: Option<TextArea<'static>>,
    /// The popup on top, if any.
    pub popup: Option<Popup>,
    /// The status line message, cleared by the next action.
    pub status: Option<Status>,
    /// Whether the review on screen may be changed and saved here.
    pub access: Access,
    /// Another partnerbook holds the data dir's lock (for as long as this one runs).
    /// The draft file found at start could be neither read nor moved aside: no draft is
    /// written over it.
    draft_blocked: bool,
    /// What is wrong with the data dir as a whole, found at start.
    store_problem: Option<String>,
    /// Why this instance may not write at all (the lock), for as long as it runs.
    lock_problem: Option<Access>,
    /// The palette the screen is drawn in.
    pub theme: crate::config::Theme,
    /// The key tables with the config file's rebinds.
    pub keys: keymap::Keymap,
    /// The guide's scroll and search.
    pub guide: GuideView,
    /// What the last frame drew where, for the mouse (taken in by [`App::absorb`]).
    pub hits: HitMap,
    /// The terminal's size in columns and rows, as the event loop last saw it.
    viewport: (u16, u16),
    /// Changes to the review on screen that `u` undoes and Ctrl-R redoes.
    pub undo: UndoHistory,
    /// The review as it was when text editing began, and what began it, until the editor
    /// closes and the whole edit becomes one undo step.
    edit_began: Option<(String, Review)>,
    clock: Clock,
}

impl App {
    /// Opens today's review from `store` (or a new one); see [`App::open_on`].
    pub fn open(store: Store, today: NaiveDate, clock: Clock) -> Result<App, StoreError> {
        App::open_on(store, today, today, clock)
    }

    /// Opens `date`'s review from `store` (or a new one for that date), reading only that file
    /// and the directory listing. Trouble with the data dir or the file does not stop it: it
    /// is shown in the status line, and a file that cannot be read is never written over.
    pub fn open_on(
        store: Store,
        today: NaiveDate,
        date: NaiveDate,
        clock: Clock,
    ) -> Result<App, StoreError> {
        let workbook = Workbook::embedded();
        let problem = store.check().err().map(|error| error.to_string());
        let mut app = App {
            workbook,
            store,
            today,
            baseline: Review::new(date, workbook),
            review: Review::new(date, workbook),
            on_disk: false,
            file: None,
            previous: None,
            dates: Vec::new(),
            screen: Screen::Workbook,
            history: History::default(),
            focus: Pane::Assessment,
            selected: Selection::default(),
            editor: None,
            popup: None,
            status: None,
            access: Access::Writable,
            lock_problem: None,
            store_problem: None,
            draft_blocked: false,
            theme: Default::default(),
            keys: keymap::Keymap::default(),
            guide: GuideView::default(),
            hits: HitMap::default(),
            viewport: (u16::MAX, u16::MAX),
            undo: UndoHistory::default(),
            edit_began: None,
            clock,
        };
        app.load_into_view(date);
        app.store_problem = problem;
        app.report_store_problem();
        Ok(app)
    }

    /// Takes the user's key tables (with the config's rebinds); messages name their keys.
    pub fn set_keys(&mut self, keys: keymap::Keymap) {
        self.keys = keys;
        self.report_store_problem();
    }

    /// Shows what is wrong with the data dir, if anything, with the keys that get round it.
    fn report_store_problem(&mut self) {
        if let Some(error) = &self.store_problem {
            let text = format!(
                "{error} — your review stays here; {} retries, {} saves a copy elsewhere",
                self.global_key(Action::Save),
                self.global_key(Action::SaveCopy)
            );
            self.fail(text);
        }
    }

    /// Marks the data dir as locked by another partnerbook: every review is read-only here.
    pub fn set_locked_elsewhere(&mut self) {
        self.lock_problem = Some(Access::LockedElsewhere);
        self.access = Access::LockedElsewhere;
    }

    /// Marks the data dir's lock as impossible to take (`why`): every review is read-only
    /// here, since another instance could be writing unseen.
    pub fn set_lock_unavailable(&mut self, why: String) {
        let access = Access::NoLock { why };
        self.lock_problem = Some(access.clone());
        self.access = access;
    }

    /// New, saved, or with unsaved changes.
    pub fn save_state(&self) -> SaveState {
        if self.review != self.baseline {
            SaveState::Unsaved
        } else if self.on_disk {
            SaveState::Saved
        } else {
            SaveState::New
        }
    }

    /// Tells the app the terminal's size, before a frame is drawn and on every resize.
    pub fn set_viewport(&mut self, width: u16, height: u16) {
        self.viewport = (width, height);
    }

    /// Whether the terminal is too small to draw the workbook: only quitting works then.
    pub fn too_small(&self) -> bool {
        let (width, height) = self.viewport;
        width < crate::domain::layout::MIN_WIDTH || height < crate::domain::layout::MIN_HEIGHT
    }

    /// Carries out one action; what the terminal edge must then do is returned. While the
    /// terminal is too small to show anything, nothing acts unseen: quitting is all that
    /// works, at once, and unsaved changes stay in the draft to be offered next time.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
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
        }
        None
    }

    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
    }

    /// After the unsaved-changes prompt: quit, or open the review it was asked for.
    fn go_on(&mut self, next: Next) -> Option<Effect> {
        match next {
            Next::Quit => return Some(Effect::Quit),
            Next::Open(date) => self.open_date(date),
        }
        None
    }

    /// A printable key where text is typed: the save-a-copy path, the guide's search or the
    /// Next steps item being edited.
    fn type_key(&mut self, key: crossterm::event::KeyEvent) {
        if let Some(Popup::SaveAs(field)) = &mut self.popup {
            field.input(key);
        } else if self.guide.search.is_some() {
            self.type_search(key);
        } else {
            self.edit(|editor| editor.input(key));
        }
    }

    fn close_view(&mut self) {
        self.screen = match &self.screen {
            Screen::Guide { .. } => return self.close_guide(),
            Screen::Compare(_) => Screen::History,
            _ => Screen::Workbook,
        };
    }

    /// Empties the selected item, saying how to get it back.
    fn clear_item(&mut self) {
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
    fn set_progress(&mut self, progress: Option<Progress>) {
        if let Some(plan) = self.selected_plan() {
            self.review.set_progress(plan, progress);
            self.move_selection(Jump::By(1));
        }
    }

    /// Steps the selected plan's status (done → partly → not yet → unset), staying on it.
    fn cycle_progress(&mut self) {
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
    fn note(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: false,
        });
    }

    fn fail(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: true,
        });
    }

    fn answer(&mut self, answer: Option<bool>) {
        self.review.set_answer(self.selected.question, answer);
        self.move_selection(Jump::By(1));
    }

    fn quit(&mut self) -> Option<Effect> {
        if self.save_state() == SaveState::Unsaved {
            self.popup = Some(Popup::Unsaved(Next::Quit));
            None
        } else {
            Some(Effect::Quit)
        }
    }
}
