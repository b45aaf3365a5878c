//! The small types the app's state is made of: panes, screens, popups, save state, status.

use chrono::NaiveDate;

use crate::compare::Comparison;

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

/// What fills the screen between the title bar and the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The three panes of one review.
    Workbook,
    /// Every review, newest first, with the trend chart.
    History,
    /// Two reviews side by side.
    Compare,
    /// The guide: tips and background, searchable.
    Guide,
}

/// A window drawn over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    /// Every key, scrolled by this many rows.
    Help { scroll: u16 },
    /// Save / discard / cancel before quitting with unsaved changes.
    QuitPrompt,
    /// Save / discard / cancel before opening the review of this date over unsaved changes.
    SwitchPrompt(NaiveDate),
    /// Restore / discard the unsaved changes to this date's review found in the draft at start.
    DraftPrompt(NaiveDate),
    /// Type a folder or file to write a copy of the review to.
    SaveAs,
    /// The suggested focus areas, with this one selected.
    Focus { selected: usize },
}

/// The compare view's state.
#[derive(Debug, Clone)]
pub struct CompareView {
    /// The two reviews and what changed.
    pub comparison: Comparison,
    /// Rows scrolled past.
    pub scroll: u16,
    /// The furthest the text can scroll at the size it was last drawn.
    pub max_scroll: std::cell::Cell<u16>,
    /// Rows the view showed when last drawn: the size of a page.
    pub page: std::cell::Cell<u16>,
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
