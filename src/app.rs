//! The workbook's state and its one `update(action)`: focus, selections, the item being
//! edited, popups and the status line. No terminal I/O happens here.

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::KeyEvent;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::action::Action;
use crate::content::{ITEMS_PER_LIST, Workbook};
use crate::keymap::{self, Context};
use crate::review::Review;
use crate::store::{Store, StoreError};

/// Source of the current time, read only when saving.
pub type Clock = Box<dyn Fn() -> DateTime<FixedOffset>>;

/// The three panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// Ten yes/no questions and the score.
    Assessment,
    /// The nine essential skills.
    Skills,
    /// Three lists of three things.
    NextSteps,
}

impl Pane {
    /// All panes in Tab order.
    pub const ALL: [Pane; 3] = [Pane::Assessment, Pane::Skills, Pane::NextSteps];

    fn step(self, by: isize) -> Pane {
        let index = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0) as isize;
        Pane::ALL[(index + by).rem_euclid(3) as usize]
    }
}

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    /// Every key, scrolled by this many rows.
    Help { scroll: u16 },
    /// Save / discard / cancel before quitting with unsaved changes.
    QuitPrompt,
}

/// Whether the review on screen matches its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    /// No file yet and nothing entered.
    New,
    /// Identical to its file.
    Saved,
    /// Changed since it was loaded or saved.
    Unsaved,
}

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub is_error: bool,
}

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
    /// The pane with focus.
    pub focus: Pane,
    /// Selected question, skill and Next steps item (0..9, list by list).
    pub selected: [usize; 3],
    /// The editor of the item being edited, if any.
    pub editor: Option<TextArea<'static>>,
    /// The popup on top, if any.
    pub popup: Option<Popup>,
    /// The status line message, cleared by the next key.
    pub status: Option<Status>,
    /// False once the user has quit.
    pub running: bool,
    clock: Clock,
}

impl App {
    /// Opens today's review from `store` (or a new one), reading only that one file.
    pub fn open(store: Store, today: NaiveDate, clock: Clock) -> Result<App, StoreError> {
        let workbook = Workbook::embedded();
        store.check()?;
        let loaded = store.load(today, workbook)?;
        let on_disk = loaded.is_some();
        let review = loaded.unwrap_or_else(|| Review::new(today, workbook));
        Ok(App {
            workbook,
            store,
            today,
            baseline: review.clone(),
            review,
            on_disk,
            focus: Pane::Assessment,
            selected: [0; 3],
            editor: None,
            popup: None,
            status: None,
            running: true,
            clock,
        })
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

    /// Where a key press lands now.
    pub fn context(&self) -> Context {
        match (self.popup, &self.editor, self.focus) {
            (Some(Popup::Help { .. }), _, _) => Context::Help,
            (Some(Popup::QuitPrompt), _, _) => Context::QuitPrompt,
            (None, Some(_), _) => Context::Editing,
            (None, None, Pane::Assessment) => Context::Assessment,
            (None, None, Pane::Skills) => Context::Skills,
            (None, None, Pane::NextSteps) => Context::NextSteps,
        }
    }

    /// Turns a key press into an action and carries it out.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if let Some(action) = keymap::resolve(self.context(), &key) {
            self.update(action);
        }
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        self.status = None;
        match action {
            Action::NextPane => self.focus_pane(self.focus.step(1)),
            Action::PrevPane => self.focus_pane(self.focus.step(-1)),
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::First => self.move_selection(isize::MIN / 2),
            Action::Last => self.move_selection(isize::MAX / 2),
            Action::AnswerYes => self.answer(Some(true)),
            Action::AnswerNo => self.answer(Some(false)),
            Action::ClearAnswer => self.review.set_answer(self.selected[0], None),
            Action::TogglePractised => self.review.toggle_practised(self.selected[1]),
            Action::Rate(rating) => self.review.set_rating(self.selected[1], Some(rating)),
            Action::ClearRating => self.review.set_rating(self.selected[1], None),
            Action::StartEditing => self.start_editing(),
            Action::StopEditing => self.editor = None,
            Action::EditNextItem => self.edit_next_item(),
            Action::ClearItem => self.review.set_item(self.selected[2], String::new()),
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
            Action::SaveAndQuit => {
                self.popup = None;
                if self.save() {
                    self.running = false;
                }
            }
            Action::DiscardAndQuit => self.running = false,
            Action::ClosePopup => self.popup = None,
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
        }
    }

    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
    }

    fn pane_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Assessment => self.review.answers.len(),
            Pane::Skills => self.review.skills.len(),
            Pane::NextSteps => self.review.item_slots(),
        }
    }

    fn move_selection(&mut self, by: isize) {
        if let Some(Popup::Help { scroll }) = &mut self.popup {
            let last = keymap::help_line_count().saturating_sub(1) as isize;
            *scroll = (*scroll as isize).saturating_add(by).clamp(0, last) as u16;
            return;
        }
        let index = Pane::ALL.iter().position(|p| *p == self.focus).unwrap_or(0);
        let last = self.pane_len(self.focus).saturating_sub(1) as isize;
        let current = self.selected[index] as isize;
        self.selected[index] = current.saturating_add(by).clamp(0, last) as usize;
    }

    fn answer(&mut self, answer: Option<bool>) {
        self.review.set_answer(self.selected[0], answer);
        self.move_selection(1);
    }

    fn start_editing(&mut self) {
        let text = self.review.item(self.selected[2]);
        let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.set_cursor_line_style(ratatui::style::Style::default());
        editor.set_style(crate::ui::theme::EDITING);
        let list = &self.workbook.next_steps[self.selected[2] / ITEMS_PER_LIST];
        editor.set_placeholder_text(format!("{}…", list.hint));
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        self.editor = Some(editor);
    }

    fn edit_next_item(&mut self) {
        let last = self.review.item_slots() - 1;
        if self.selected[2] >= last {
            self.editor = None;
            return;
        }
        self.selected[2] += 1;
        self.start_editing();
    }

    fn edit(&mut self, change: impl FnOnce(&mut TextArea<'static>) -> bool) {
        if let Some(editor) = &mut self.editor
            && change(editor)
        {
            let text = editor.lines().join("\n");
            self.review.set_item(self.selected[2], text);
        }
    }

    fn paste(&mut self, text: &str) {
        if self.editor.is_none() {
            if self.focus != Pane::NextSteps {
                return;
            }
            self.start_editing();
        }
        let flat: String = text
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        self.edit(|editor| editor.insert_str(flat.trim_end()));
    }

    /// Writes the review; reports the outcome in the status line. True when written.
    fn save(&mut self) -> bool {
        let mut stamped = self.review.clone();
        stamped.saved_at = Some((self.clock)());
        match self.store.save(&stamped, self.workbook) {
            Ok(path) => {
                self.review.saved_at = stamped.saved_at;
                self.baseline = stamped;
                self.on_disk = true;
                self.status = Some(Status {
                    text: format!("Saved {}", path.display()),
                    is_error: false,
                });
                true
            }
            Err(error) => {
                let text = format!(
                    "Not saved — {error}. Your changes are still here; fix it and press Ctrl-S again."
                );
                self.status = Some(Status {
                    text,
                    is_error: true,
                });
                false
            }
        }
    }

    fn quit(&mut self) {
        if self.save_state() == SaveState::Unsaved {
            self.popup = Some(Popup::QuitPrompt);
        } else {
            self.running = false;
        }
    }
}

fn cursor(editor: &mut TextArea<'static>, to: CursorMove) -> bool {
    editor.move_cursor(to);
    false
}
