//! The small types the app's state is made of: panes, screens, popups, save state, status.

use chrono::NaiveDate;

use ratatui_textarea::TextArea;

use crate::domain::compare::Comparison;
use crate::domain::resolve::Resolution;
use crate::domain::review::Review;

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

    pub(super) fn step(self, by: isize) -> Pane {
        let index = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0) as isize;
        Pane::ALL[(index + by).rem_euclid(3) as usize]
    }
}

/// The selected row of each pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    /// The question selected in Self-assessment.
    pub question: usize,
    /// The skill selected in Essential skills.
    pub skill: usize,
    /// The Next steps row selected: the follow-up plans first, then the nine items.
    pub next_step: usize,
}

impl Selection {
    /// The selected row of `pane`.
    pub fn row(&self, pane: Pane) -> usize {
        match pane {
            Pane::Assessment => self.question,
            Pane::Skills => self.skill,
            Pane::NextSteps => self.next_step,
        }
    }

    /// Selects row `row` of `pane`.
    pub fn set_row(&mut self, pane: Pane, row: usize) {
        match pane {
            Pane::Assessment => self.question = row,
            Pane::Skills => self.skill = row,
            Pane::NextSteps => self.next_step = row,
        }
    }
}

/// Where a move goes: by some rows (a page is many), or to either end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    /// This many rows down (up when negative).
    By(isize),
    /// The first row.
    First,
    /// The last row.
    Last,
}

impl Jump {
    /// The row this move lands on from `current`, among rows `0..=last`.
    pub fn land(self, current: usize, last: usize) -> usize {
        match self {
            Jump::First => 0,
            Jump::Last => last,
            Jump::By(rows) => (current as isize)
                .saturating_add(rows)
                .clamp(0, last as isize) as usize,
        }
    }
}

/// What fills the screen between the title bar and the footer. A view that needs data holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The three panes of one review.
    Workbook,
    /// Every review, newest first, with the trend chart.
    History,
    /// Two reviews side by side.
    Compare(Box<CompareView>),
    /// Two versions of one review side by side, each difference taken from either.
    Resolve(Box<ResolveView>),
    /// The guide: tips and background, searchable; `back` is the screen it was opened over.
    Guide {
        /// Where Esc goes back to.
        back: Box<Screen>,
    },
}

impl Screen {
    /// Whether the guide is open.
    pub fn is_guide(&self) -> bool {
        matches!(self, Screen::Guide { .. })
    }

    /// Whether the compare view is open.
    pub fn is_compare(&self) -> bool {
        matches!(self, Screen::Compare(_))
    }

    /// Whether the history is on screen or is where closing this view leads back to.
    pub fn returns_to_history(&self) -> bool {
        match self {
            Screen::History | Screen::Compare(_) | Screen::Resolve(_) => true,
            Screen::Guide { back } => back.returns_to_history(),
            Screen::Workbook => false,
        }
    }
}

/// What the unsaved-changes prompt goes on to do once the changes are saved or discarded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Leave partnerbook.
    Quit,
    /// Open the review of this date.
    Open(NaiveDate),
}

/// A window drawn over the screen; each owns the state it needs.
#[derive(Debug, Clone)]
pub enum Popup {
    /// Every key, scrolled by this many rows.
    Help { scroll: u16 },
    /// Save / discard / cancel the unsaved changes, then go on to `Next`.
    Unsaved(Next),
    /// Restore / discard the unsaved changes to a review found in the draft at start.
    Draft(Box<Review>),
    /// Type a folder or file to write a copy of the review to.
    SaveAs(Box<TextArea<'static>>),
    /// The suggested focus areas, with this one selected.
    Focus { selected: usize },
}

impl PartialEq for Popup {
    fn eq(&self, other: &Popup) -> bool {
        match (self, other) {
            (Popup::Help { scroll: a }, Popup::Help { scroll: b }) => a == b,
            (Popup::Unsaved(a), Popup::Unsaved(b)) => a == b,
            (Popup::Draft(a), Popup::Draft(b)) => a == b,
            (Popup::SaveAs(a), Popup::SaveAs(b)) => a.lines() == b.lines(),
            (Popup::Focus { selected: a }, Popup::Focus { selected: b }) => a == b,
            _ => false,
        }
    }
}

/// Whether the review on screen may be changed and saved here, worked out again whenever a
/// review is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// This instance holds the lock and could read the review's file (or it has none yet).
    Writable,
    /// Another partnerbook holds the data dir's lock: nothing can be changed or saved here.
    LockedElsewhere,
    /// The data dir's lock could not be taken for another reason (its file belongs to another
    /// user, is a directory, the folder is read-only…): with no lock, nothing is written.
    NoLock {
        /// What went wrong taking it.
        why: String,
    },
    /// The review's file exists but could not be read; it is never written over.
    Unreadable {
        /// The review's date.
        date: NaiveDate,
        /// What went wrong reading it.
        why: String,
    },
}

/// What the terminal edge must do after an action: the one way out of `App::update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The user is done: restore the terminal and exit.
    Quit,
    /// Hand Next steps item `item`, holding `text`, to `$VISUAL` / `$EDITOR`.
    EditOutside {
        /// The item (0..9).
        item: usize,
        /// Its text now.
        text: String,
    },
}

/// The compare view's state.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    /// The two reviews and what changed.
    pub comparison: Comparison,
    /// Rows scrolled past.
    pub scroll: u16,
    /// The furthest the text can scroll at the size it was last drawn.
    pub max_scroll: u16,
    /// Rows the view showed when last drawn: the size of a page.
    pub page: u16,
}

/// The resolve view's state: the two versions, the part selected, and which file holds the
/// second version.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolveView {
    /// The two versions and the side taken for each difference.
    pub resolution: Resolution,
    /// The second version's file (a conflict copy), moved to `resolved/` once resolved.
    pub copy: std::path::PathBuf,
    /// The difference selected.
    pub selected: usize,
    /// Differences the view showed when last drawn: the size of a page.
    pub page: usize,
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
