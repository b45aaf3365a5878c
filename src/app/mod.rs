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
mod refreshing;
mod resolving;
mod saving;
mod suggestions;
mod switching;
mod types;
mod undo;
mod update;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui_textarea::TextArea;

pub use frame::FrameLayout;
pub use guide::{GUIDE_MAX_WIDTH, GuideView};
pub use history::{History, HistoryRow, LOAD_RADIUS};
pub use mouse::{HitMap, Target};
pub use types::{
    Access, CompareView, Effect, Jump, Next, Pane, Popup, ResolveView, SaveState, Screen,
    Selection, Status,
};
pub use undo::{UNDO_DEPTH, UndoHistory};

use crate::action::Action;
use crate::domain::content::Workbook;
use crate::domain::review::Review;
use crate::keymap;
use crate::storage::store::{Store, StoreError};

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
    /// The review's file changed on disk while it had unsaved changes here: a banner says so
    /// until the review is saved (both versions kept) or read again.
    changed_on_disk: bool,
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
            changed_on_disk: false,
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
}
