//! The workbook's state and its one `update(action)`: the screen, focus, selections, the
//! item being edited, popups and the status line. No terminal I/O happens here.

mod band;
mod editing;
mod guide;
mod history;
mod keys;
mod mouse;
mod navigation;
mod saving;
mod suggestions;
mod switching;
mod types;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui_textarea::{CursorMove, TextArea};

pub use guide::{GUIDE_MAX_WIDTH, GuideView};
pub use history::{History, HistoryRow, LOAD_RADIUS};
pub use mouse::{HitMap, Target};
pub use types::{CompareView, Pane, Popup, SaveState, Screen, Status};

use crate::action::Action;
use crate::content::Workbook;
use crate::keymap;
use crate::review::{Progress, Review};
use crate::store::{Store, StoreError};
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
    /// The newest readable review before the one on screen, for answer hints.
    pub previous: Option<Review>,
    /// Dates of every snapshot on disk, newest first.
    pub dates: Vec<NaiveDate>,
    /// What fills the screen.
    pub screen: Screen,
    /// The history view's rows and selection.
    pub history: History,
    /// The compare view, once two reviews have been compared.
    pub comparison: Option<CompareView>,
    /// The pane with focus.
    pub focus: Pane,
    /// Selected question, skill and Next steps row (follow-up plans first, then the nine items).
    pub selected: [usize; 3],
    /// The editor of the item being edited, if any.
    pub editor: Option<TextArea<'static>>,
    /// The popup on top, if any.
    pub popup: Option<Popup>,
    /// The status line message, cleared by the next key.
    pub status: Option<Status>,
    /// False once the user has quit.
    pub running: bool,
    /// Another partnerbook holds the workbook's lock: nothing can be changed or saved here.
    pub locked_elsewhere: bool,
    /// The palette the screen is drawn in.
    pub theme: crate::ui::theme::Theme,
    /// The key tables with the config file's rebinds.
    pub keys: keymap::Keymap,
    /// The guide's scroll and search.
    pub guide: GuideView,
    /// What the last frame drew where, for the mouse.
    pub hits: HitMap,
    /// The Next steps item to open in `$VISUAL` / `$EDITOR`, once the terminal edge gets to it.
    external_edit: Option<usize>,
    /// Why the review on screen cannot be written (its file cannot be read), if so.
    pub unreadable: Option<String>,
    /// The path being typed in the save-a-copy prompt.
    pub path_editor: Option<TextArea<'static>>,
    /// The review found in the draft at start, while the user decides what to do with it.
    pending_draft: Option<Review>,
    clock: Clock,
}

impl App {
    /// Opens today's review from `store` (or a new one), reading only that file and the
    /// directory listing. Trouble with the data dir or the file does not stop it: it is shown
    /// in the status line, and a file that cannot be read is never written over.
    pub fn open(store: Store, today: NaiveDate, clock: Clock) -> Result<App, StoreError> {
        let workbook = Workbook::embedded();
        let mut problem = store.check().err();
        let (review, on_disk, unreadable) = match store.load(today, workbook) {
            Ok(Some(review)) => (review, true, None),
            Ok(None) => (Review::new(today, workbook), false, None),
            Err(error @ StoreError::BadSnapshot { .. }) => {
                (Review::new(today, workbook), true, Some(error.to_string()))
            }
            Err(error) => {
                problem.get_or_insert(error);
                (Review::new(today, workbook), false, None)
            }
        };
        let dates = store.dates().unwrap_or_default();
        let status = problem.map(|error| Status {
            text: format!(
                "{error} — your review stays here; Ctrl-S retries, Ctrl-W saves a copy elsewhere"
            ),
            is_error: true,
        });
        let mut app = App {
            workbook,
            store,
            today,
            baseline: review.clone(),
            review,
            on_disk,
            previous: None,
            dates,
            screen: Screen::Workbook,
            history: History::default(),
            comparison: None,
            focus: Pane::Assessment,
            selected: [0; 3],
            editor: None,
            popup: None,
            status,
            running: true,
            locked_elsewhere: false,
            theme: Default::default(),
            keys: keymap::Keymap::default(),
            guide: GuideView::default(),
            hits: HitMap::default(),
            external_edit: None,
            unreadable,
            path_editor: None,
            pending_draft: None,
            clock,
        };
        app.previous = app.review_before(today);
        if !on_disk {
            app.seed_follow_up();
            app.baseline = app.review.clone();
        }
        Ok(app)
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

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        self.status = None;
        if action.changes_review() && self.write_block().is_some() {
            return self.fail("Not changed: this review is read-only (see the red banner).".into());
        }
        match action {
            Action::NextPane => self.focus_pane(self.focus.step(1)),
            Action::PrevPane => self.focus_pane(self.focus.step(-1)),
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::First => self.move_selection(isize::MIN / 2),
            Action::Last => self.move_selection(isize::MAX / 2),
            Action::PageUp => self.move_selection(-self.page_rows()),
            Action::PageDown => self.move_selection(self.page_rows()),
            Action::AnswerYes => self.answer(Some(true)),
            Action::AnswerNo => self.answer(Some(false)),
            Action::ClearAnswer => self.review.set_answer(self.selected[0], None),
            Action::TogglePractised => self.review.toggle_practised(self.selected[1]),
            Action::Rate(rating) => self.review.set_rating(self.selected[1], Some(rating)),
            Action::ClearRating => self.review.set_rating(self.selected[1], None),
            Action::StartEditing => self.start_editing(),
            Action::StopEditing => self.editor = None,
            Action::EditNextItem => self.edit_next_item(),
            Action::ClearItem => {
                if let Some(item) = self.selected_item() {
                    self.review.set_item(item, String::new());
                }
            }
            Action::MarkProgress(progress) => self.set_progress(Some(progress)),
            Action::CycleProgress => {
                let current = self
                    .selected_plan()
                    .and_then(|plan| self.review.follow_up.as_ref()?.items.get(plan)?.status);
                self.set_progress(Progress::cycle(current));
            }
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
            Action::EditKey(key) if self.popup == Some(Popup::SaveAs) => self.type_path(key),
            Action::EditKey(key) if self.guide.search.is_some() => self.type_search(key),
            Action::EditKey(key) => self.edit(|editor| editor.input(key)),
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
            Action::Quit => self.quit(),
            Action::SaveCopy => self.ask_for_copy_path(),
            Action::ConfirmSaveCopy => self.save_copy(),
            Action::RestoreDraft => self.restore_draft(),
            Action::DiscardDraft => self.discard_draft(),
            Action::SaveAndContinue => {
                let popup = self.popup.take();
                if self.save() {
                    self.go_on(popup);
                }
            }
            Action::DiscardAndContinue => {
                let popup = self.popup.take();
                self.review = self.baseline.clone();
                self.editor = None;
                self.remove_draft();
                self.go_on(popup);
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
            Action::EditInEditor => self.request_external_edit(),
            Action::Click(column, row) => self.click(column, row),
            Action::Scroll(column, row, rows) => self.wheel(column, row, rows),
        }
    }

    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
    }

    /// After the unsaved-changes prompt: quit, or open the review it was asked for.
    fn go_on(&mut self, popup: Option<Popup>) {
        match popup {
            Some(Popup::SwitchPrompt(date)) => self.open_date(date),
            _ => self.running = false,
        }
    }

    fn close_view(&mut self) {
        self.screen = match self.screen {
            Screen::Guide => return self.close_guide(),
            Screen::Compare => Screen::History,
            _ => Screen::Workbook,
        };
    }

    fn set_progress(&mut self, progress: Option<Progress>) {
        if let Some(plan) = self.selected_plan() {
            self.review.set_progress(plan, progress);
            self.move_selection(1);
        }
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
        self.review.set_answer(self.selected[0], answer);
        self.move_selection(1);
    }

    fn quit(&mut self) {
        if self.save_state() == SaveState::Unsaved {
            self.popup = Some(Popup::QuitPrompt);
        } else {
            self.running = false;
        }
    }
}
