//! The key tables of popups, text editing and global keys: each row maps keys to an
//! [`Action`] with the words the footer and help overlay show for it.

use crossterm::event::{KeyCode, KeyModifiers};

use super::chord::{
    Binding, Chord, DOWN, FIRST, LAST, PAGE_DOWN, PAGE_UP, QUIT, SHOW_GUIDE, SHOW_HELP, UP, bind,
    ch, ctrl, key,
};
use crate::action::Action;

/// Keys of the help overlay.
pub static HELP: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "scroll up", Some("scroll")),
    bind(DOWN, Action::Down, "↓ j", "scroll down", None),
    bind(PAGE_UP, Action::PageUp, "PgUp ^B", "up a page", None),
    bind(PAGE_DOWN, Action::PageDown, "PgDn ^F", "down a page", None),
    bind(
        &[key(KeyCode::Home), ch('g')],
        Action::First,
        "Home g",
        "top",
        None,
    ),
    bind(LAST, Action::Last, "End G", "bottom", None),
    bind(
        &[key(KeyCode::Esc), ch('?'), ch('q')],
        Action::ClosePopup,
        "Esc",
        "close help",
        Some("close"),
    ),
];

/// Keys of the focus suggestions popup.
pub static FOCUS: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "previous suggestion", None),
    bind(DOWN, Action::Down, "↓ j", "next suggestion", None),
    bind(FIRST, Action::First, "Home", "first suggestion", None),
    bind(LAST, Action::Last, "End G", "last suggestion", None),
    bind(
        &[key(KeyCode::Enter), ch('a')],
        Action::TakeUpSuggestion,
        "Enter a",
        "make it a Next steps item in the right list, ready to edit",
        Some("add as next step"),
    ),
    bind(
        &[key(KeyCode::Esc), ch('f'), ch('q')],
        Action::ClosePopup,
        "Esc",
        "close",
        Some("close"),
    ),
];

/// Keys of the unsaved-changes prompt.
pub static QUIT_PROMPT: &[Binding] = &[
    bind(
        &[ch('s'), ch('y'), ctrl(KeyCode::Char('s'))],
        Action::SaveAndContinue,
        "s",
        "save, then quit",
        Some("save and quit"),
    ),
    bind(
        &[ch('d'), ch('n')],
        Action::DiscardAndContinue,
        "d",
        "discard the changes and quit",
        Some("discard and quit"),
    ),
    bind(
        &[key(KeyCode::Esc), ch('c'), ctrl(KeyCode::Char('c'))],
        Action::ClosePopup,
        "Esc",
        "cancel: keep working",
        Some("cancel"),
    ),
];

/// Keys of the prompt shown when another review is opened over unsaved changes.
pub static SWITCH_PROMPT: &[Binding] = &[
    bind(
        &[ch('s'), ch('y'), ctrl(KeyCode::Char('s'))],
        Action::SaveAndContinue,
        "s",
        "save, then open the other review",
        Some("save and open"),
    ),
    bind(
        &[ch('d'), ch('n')],
        Action::DiscardAndContinue,
        "d",
        "discard the changes and open the other review",
        Some("discard and open"),
    ),
    bind(
        &[key(KeyCode::Esc), ch('c'), ctrl(KeyCode::Char('c'))],
        Action::ClosePopup,
        "Esc",
        "cancel: stay in the history",
        Some("cancel"),
    ),
];

/// Keys of the save-a-copy prompt; any other key is typed into the path.
pub static SAVE_AS: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter)],
        Action::ConfirmSaveCopy,
        "Enter",
        "write the copy there",
        Some("save copy"),
    ),
    bind(
        &[key(KeyCode::Esc), ctrl(KeyCode::Char('c'))],
        Action::ClosePopup,
        "Esc",
        "cancel",
        Some("cancel"),
    ),
];

/// Keys of the prompt offering the unsaved changes found in the draft at start.
pub static DRAFT_PROMPT: &[Binding] = &[
    bind(
        &[ch('r'), key(KeyCode::Enter)],
        Action::RestoreDraft,
        "r",
        "restore the unsaved changes",
        Some("restore"),
    ),
    bind(
        &[ch('d')],
        Action::DiscardDraft,
        "d",
        "discard them for good",
        Some("discard"),
    ),
];

/// Keys while editing a Next steps item; any other key is typed into the item.
pub static EDITING: &[Binding] = &[
    bind(
        &[key(KeyCode::Esc)],
        Action::StopEditing,
        "Esc",
        "stop editing, keep the text",
        Some("done"),
    ),
    bind(
        &[key(KeyCode::Enter), key(KeyCode::Tab)],
        Action::EditNextItem,
        "Enter Tab",
        "keep the text, edit the next item",
        Some("next item"),
    ),
    bind(
        &[ctrl(KeyCode::Char('z'))],
        Action::Undo,
        "^Z",
        "undo",
        Some("undo"),
    ),
    bind(
        &[ctrl(KeyCode::Char('y'))],
        Action::Redo,
        "^Y",
        "redo",
        Some("redo"),
    ),
    bind(
        &[
            ctrl(KeyCode::Left),
            Chord {
                code: KeyCode::Left,
                mods: KeyModifiers::ALT,
            },
        ],
        Action::WordLeft,
        "^← Alt-←",
        "previous word",
        None,
    ),
    bind(
        &[
            ctrl(KeyCode::Right),
            Chord {
                code: KeyCode::Right,
                mods: KeyModifiers::ALT,
            },
        ],
        Action::WordRight,
        "^→ Alt-→",
        "next word",
        None,
    ),
    bind(
        &[key(KeyCode::Home), ctrl(KeyCode::Char('a'))],
        Action::LineStart,
        "Home ^A",
        "start of the item",
        None,
    ),
    bind(
        &[key(KeyCode::End), ctrl(KeyCode::Char('e'))],
        Action::LineEnd,
        "End ^E",
        "end of the item",
        None,
    ),
    bind(
        &[ctrl(KeyCode::Char('s'))],
        Action::Save,
        "^S",
        "save the review",
        Some("save"),
    ),
    bind(
        &[ctrl(KeyCode::Char('c'))],
        Action::Quit,
        "^C",
        "quit (asks if unsaved)",
        None,
    ),
];

/// Keys that work in every pane when nothing is being edited.
pub static GLOBAL: &[Binding] = &[
    bind(
        &[key(KeyCode::Tab)],
        Action::NextPane,
        "Tab",
        "next pane",
        Some("pane"),
    ),
    bind(
        &[key(KeyCode::BackTab)],
        Action::PrevPane,
        "⇧Tab",
        "previous pane",
        None,
    ),
    bind(
        &[ctrl(KeyCode::Char('s'))],
        Action::Save,
        "^S",
        "save the review",
        Some("save"),
    ),
    bind(
        &[ctrl(KeyCode::Char('w'))],
        Action::SaveCopy,
        "^W",
        "save a copy elsewhere (when the data dir cannot be written)",
        None,
    ),
    bind(
        &[ch('o')],
        Action::OpenHistory,
        "o",
        "open the history of every review",
        Some("history"),
    ),
    bind(
        &[ch('f')],
        Action::ShowFocus,
        "f",
        "suggested focus areas: No answers, weak or unticked skills",
        Some("focus"),
    ),
    bind(
        &[ch('t')],
        Action::OpenBandTips,
        "t",
        "open the guide at the tips for your score",
        Some("tips"),
    ),
    bind(
        &[ch('u'), ctrl(KeyCode::Char('z'))],
        Action::UndoChange,
        "u ^Z",
        "undo the last change to the review",
        Some("undo"),
    ),
    bind(
        &[ctrl(KeyCode::Char('r')), ctrl(KeyCode::Char('y'))],
        Action::RedoChange,
        "^R ^Y",
        "redo what was undone",
        None,
    ),
    SHOW_GUIDE,
    SHOW_HELP,
    QUIT,
];
