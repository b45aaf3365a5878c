//! Everything a user can ask the workbook to do, as one enum the key tables map to.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use crate::domain::review::Progress;

/// One thing the app can be asked to do; `App::update` is the only place they are carried out.
/// Variants without data have a snake_case name (`open_history`, `save`…) that the config
/// file's `[keys]` table uses to rebind them; [`ActionName`] lists every variant by name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, strum::EnumDiscriminants)]
#[serde(rename_all = "snake_case")]
#[strum_discriminants(
    name(ActionName),
    derive(strum::EnumIter, strum::IntoStaticStr),
    strum(serialize_all = "snake_case"),
    doc = "Every action by name, data or not, in the order of [`Action`]."
)]
pub enum Action {
    /// Focus the next pane (Self-assessment → Essential skills → Next steps).
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Move the selection (or the help text) up one row.
    Up,
    /// Move the selection (or the help text) down one row.
    Down,
    /// Jump to the first row.
    First,
    /// Jump to the last row.
    Last,
    /// Move up one screenful.
    PageUp,
    /// Move down one screenful.
    PageDown,
    /// Answer the selected question Yes and move to the next one.
    AnswerYes,
    /// Answer the selected question No and move to the next one.
    AnswerNo,
    /// Clear the selected question's answer.
    ClearAnswer,
    /// Tick or untick "I practise this well" on the selected skill.
    TogglePractised,
    /// Rate the selected skill 1–5.
    #[serde(skip)]
    Rate(u8),
    /// Remove the selected skill's rating.
    ClearRating,
    /// Start editing the selected Next steps item.
    StartEditing,
    /// Stop editing, keeping the text.
    StopEditing,
    /// Keep the text and go on to edit the next item.
    EditNextItem,
    /// Empty the selected Next steps item (`UndoChange` brings it back).
    ClearItem,
    /// A key typed into the item being edited.
    #[serde(skip)]
    EditKey(KeyEvent),
    /// Text pasted into the item being edited (or starting an edit).
    #[serde(skip)]
    Paste(String),
    /// Undo the last change to the item being edited.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Undo the last change to the review made outside text editing (an answer, a tick, a
    /// rating, a plan's status, an emptied item, a suggestion taken up, a restored draft).
    UndoChange,
    /// Redo the last change undone with `UndoChange`.
    RedoChange,
    /// Move the cursor to the start of the previous word.
    WordLeft,
    /// Move the cursor past the end of the next word.
    WordRight,
    /// Move the cursor to the start of the item.
    LineStart,
    /// Move the cursor to the end of the item.
    LineEnd,
    /// Set how the selected plan from the previous review went, then select the next plan.
    #[serde(skip)]
    MarkProgress(Progress),
    /// Step the selected plan's status (done → partly → not yet → none), staying on it.
    CycleProgress,
    /// Clear the selected plan's status.
    ClearProgress,
    /// Open the history of every review.
    OpenHistory,
    /// Leave the history or compare view for the one beneath it.
    CloseView,
    /// In history: open the selected review in the three panes.
    OpenSelected,
    /// In history: open today's review, starting it if there is none.
    OpenToday,
    /// In history: mark or unmark the selected review for comparing.
    ToggleMark,
    /// In history: compare the two marked reviews, or the selected one with the one before it.
    Compare,
    /// In history: resolve the selected review's two versions side by side.
    Resolve,
    /// While resolving: take the selected part from the review's own file (left).
    TakeLeft,
    /// While resolving: take the selected part from the second version (right).
    TakeRight,
    /// While resolving: keep the review's own file whole.
    KeepLeft,
    /// While resolving: keep the second version whole.
    KeepRight,
    /// While resolving: save the review made of the parts taken; the other version is kept
    /// in `resolved/`.
    SaveResolution,
    /// Write the review to its dated snapshot file.
    Save,
    /// Ask for a folder or file to write a copy of the review to (when the data dir fails).
    SaveCopy,
    /// In the save-a-copy prompt: write the copy to the path typed.
    ConfirmSaveCopy,
    /// At start: bring back the unsaved changes found in the draft.
    RestoreDraft,
    /// At start: throw the draft's unsaved changes away.
    DiscardDraft,
    /// Quit, asking first when there are unsaved changes.
    Quit,
    /// In the unsaved-changes prompt: save, then go on (quit, or open the other review).
    SaveAndContinue,
    /// In the unsaved-changes prompt: throw the changes away and go on.
    DiscardAndContinue,
    /// Close the popup on top (help, focus suggestions, the save-a-copy or unsaved-changes prompt) and carry on.
    ClosePopup,
    /// Show the help overlay listing every key.
    Help,
    /// Open the guide: tips, handling overload, what a strong partnership looks like.
    OpenGuide,
    /// Open the guide at the tips that fit the current score's band.
    OpenBandTips,
    /// In the guide: jump to the next section.
    NextSection,
    /// In the guide: jump to the previous section.
    PrevSection,
    /// In the guide: type a word to search for.
    StartSearch,
    /// In the guide's search: keep the word and jump to its first match.
    ConfirmSearch,
    /// In the guide's search: forget the word.
    CancelSearch,
    /// In the guide: jump to the next match of the search.
    NextMatch,
    /// In the guide: jump to the previous match of the search.
    PrevMatch,
    /// Show the suggested focus areas: "No" answers and weak or unticked skills.
    ShowFocus,
    /// Turn the chosen suggestion (or the selected question or skill) into a Next steps item.
    TakeUpSuggestion,
    /// Edit the selected Next steps item in `$VISUAL` / `$EDITOR`.
    EditInEditor,
    /// A mouse click at this column and row: focus and select what is there.
    #[serde(skip)]
    Click(u16, u16),
    /// The mouse wheel at this column and row: scroll what is there by this many rows.
    #[serde(skip)]
    Scroll(u16, u16, i8),
    /// Files in the data dir changed while the app ran (a pull, a sync tool, the CLI): read
    /// again what is on screen. Sent by the terminal's folder watcher, never by a key.
    #[serde(skip)]
    FilesChanged(DiskChange),
}

/// What the folder watcher saw change in `snapshots/`, gathered over a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskChange {
    /// Files of these dates were written, added, renamed or removed: a review's own file or
    /// another version of it (a conflict copy).
    Dates(BTreeSet<NaiveDate>),
    /// Anything may have changed: the folder itself came or went, or events were lost.
    Anything,
}

impl DiskChange {
    /// Whether the files of `date` may have changed.
    pub fn touches(&self, date: NaiveDate) -> bool {
        match self {
            DiskChange::Dates(dates) => dates.contains(&date),
            DiskChange::Anything => true,
        }
    }
}

impl Action {
    /// What the status line says while this action runs, for the ones that can take a moment
    /// (reading many files, writing). Waiting for `$EDITOR` is said on the plain screen instead.
    pub fn working_label(&self) -> Option<&'static str> {
        match self {
            Action::OpenHistory => Some("Reading your reviews…"),
            Action::Compare => Some("Comparing the two reviews…"),
            Action::Resolve => Some("Reading both versions…"),
            Action::SaveResolution => Some("Saving…"),
            Action::OpenSelected | Action::OpenToday => Some("Opening the review…"),
            Action::Save | Action::SaveAndContinue | Action::ConfirmSaveCopy => Some("Saving…"),
            _ => None,
        }
    }

    /// The snake_case names of the actions `[keys]` can rebind: every variant without data,
    /// in the order of the enum.
    pub fn rebindable_names() -> Vec<&'static str> {
        use strum::IntoEnumIterator as _;
        ActionName::iter()
            .map(<&'static str>::from)
            .filter(|name| Action::from_name(name).is_some())
            .collect()
    }

    /// Whether `name` is an action that carries data (a rating, a key, a pasted text…), so no
    /// key can be bound to it by name.
    pub fn carries_data(name: &str) -> bool {
        use strum::IntoEnumIterator as _;
        ActionName::iter().any(|n| <&str>::from(n) == name) && Action::from_name(name).is_none()
    }

    /// The action a config file names, e.g. `open_history`; `None` for unknown names and
    /// for the actions that carry data (`rate`, `edit_key`, `paste`, `mark_progress`).
    pub fn from_name(name: &str) -> Option<Action> {
        use serde::Deserialize as _;
        let named: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            serde::de::value::StrDeserializer::new(name);
        Action::deserialize(named).ok()
    }

    /// Whether the action changes the review (refused while the workbook is read-only).
    pub fn changes_review(&self) -> bool {
        matches!(
            self,
            Action::AnswerYes
                | Action::AnswerNo
                | Action::ClearAnswer
                | Action::TogglePractised
                | Action::Rate(_)
                | Action::ClearRating
                | Action::StartEditing
                | Action::EditNextItem
                | Action::ClearItem
                | Action::Paste(_)
                | Action::MarkProgress(_)
                | Action::CycleProgress
                | Action::ClearProgress
                | Action::TakeUpSuggestion
                | Action::EditInEditor
                | Action::Save
                | Action::UndoChange
                | Action::RedoChange
        )
    }
}
