//! The key tables themselves: one static table per context, each row mapping keys to an
//! [`Action`] with the words the footer and help overlay show for it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

/// One key combination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl / Alt held (Shift is implied by the character itself).
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Chord {
    Chord {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Chord {
    key(KeyCode::Char(c))
}

const fn ctrl(code: KeyCode) -> Chord {
    Chord {
        code,
        mods: KeyModifiers::CONTROL,
    }
}

impl Chord {
    /// Whether a pressed key is this chord. Shift is ignored: it is part of the character.
    /// A Ctrl chord also matches with Alt held, because terminals report Esc quickly followed
    /// by Ctrl-S as Alt-Ctrl-S; a save must not be lost to that.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mut pressed = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if self.mods == KeyModifiers::CONTROL
            && pressed == KeyModifiers::CONTROL | KeyModifiers::ALT
        {
            pressed = KeyModifiers::CONTROL;
        }
        self.code == event.code && self.mods == pressed
    }
}

/// One row of a key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Keys that trigger the action.
    pub keys: &'static [Chord],
    /// What the keys do.
    pub action: Action,
    /// How the keys are written in help and footer; empty = listed with the row above.
    pub label: &'static str,
    /// What the action does, for the help overlay.
    pub help: &'static str,
    /// Short word for the footer, if it earns a place there.
    pub hint: Option<&'static str>,
}

const fn bind(
    keys: &'static [Chord],
    action: Action,
    label: &'static str,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        action,
        label,
        help,
        hint,
    }
}

const UP: &[Chord] = &[key(KeyCode::Up), ch('k')];
const DOWN: &[Chord] = &[key(KeyCode::Down), ch('j')];
const FIRST: &[Chord] = &[key(KeyCode::Home), ch('g')];
const LAST: &[Chord] = &[key(KeyCode::End), ch('G')];

/// Keys of the help overlay.
pub static HELP: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "scroll up", Some("scroll")),
    bind(DOWN, Action::Down, "↓ j", "scroll down", None),
    bind(
        &[key(KeyCode::Esc), ch('?'), ch('q')],
        Action::ClosePopup,
        "Esc",
        "close help",
        Some("close"),
    ),
];

/// Keys of the unsaved-changes prompt.
pub static QUIT_PROMPT: &[Binding] = &[
    bind(
        &[ch('s'), ch('y'), ctrl(KeyCode::Char('s'))],
        Action::SaveAndQuit,
        "s",
        "save, then quit",
        Some("save and quit"),
    ),
    bind(
        &[ch('d'), ch('n')],
        Action::DiscardAndQuit,
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
        "Enter",
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
        "^←",
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
        "^→",
        "next word",
        None,
    ),
    bind(
        &[key(KeyCode::Home), ctrl(KeyCode::Char('a'))],
        Action::LineStart,
        "Home",
        "start of the item",
        None,
    ),
    bind(
        &[key(KeyCode::End), ctrl(KeyCode::Char('e'))],
        Action::LineEnd,
        "End",
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

/// Keys of the Self-assessment pane.
pub static ASSESSMENT: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "previous question", None),
    bind(DOWN, Action::Down, "↓ j", "next question", None),
    bind(FIRST, Action::First, "Home g", "first question", None),
    bind(LAST, Action::Last, "End G", "last question", None),
    bind(
        &[ch('y')],
        Action::AnswerYes,
        "y",
        "answer Yes, go to the next question",
        Some("yes"),
    ),
    bind(
        &[ch('n')],
        Action::AnswerNo,
        "n",
        "answer No, go to the next question",
        Some("no"),
    ),
    bind(
        &[key(KeyCode::Backspace), key(KeyCode::Delete)],
        Action::ClearAnswer,
        "⌫ Del",
        "clear the answer",
        Some("clear"),
    ),
];

/// Keys of the Essential skills pane.
pub static SKILLS: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "previous skill", None),
    bind(DOWN, Action::Down, "↓ j", "next skill", None),
    bind(FIRST, Action::First, "Home g", "first skill", None),
    bind(LAST, Action::Last, "End G", "last skill", None),
    bind(
        &[ch(' '), key(KeyCode::Enter)],
        Action::TogglePractised,
        "Space",
        "tick / untick \"I practise this well\"",
        Some("tick"),
    ),
    bind(
        &[ch('1')],
        Action::Rate(1),
        "1–5",
        "rate yourself on this skill",
        Some("rate"),
    ),
    bind(&[ch('2')], Action::Rate(2), "", "", None),
    bind(&[ch('3')], Action::Rate(3), "", "", None),
    bind(&[ch('4')], Action::Rate(4), "", "", None),
    bind(&[ch('5')], Action::Rate(5), "", "", None),
    bind(
        &[ch('0'), key(KeyCode::Backspace), key(KeyCode::Delete)],
        Action::ClearRating,
        "0",
        "clear the rating",
        Some("unrate"),
    ),
];

/// Keys of the Next steps pane.
pub static NEXT_STEPS: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "previous item", None),
    bind(DOWN, Action::Down, "↓ j", "next item", None),
    bind(FIRST, Action::First, "Home g", "first item", None),
    bind(LAST, Action::Last, "End G", "last item", None),
    bind(
        &[key(KeyCode::Enter), ch('i'), ch('e')],
        Action::StartEditing,
        "Enter",
        "edit the item",
        Some("edit"),
    ),
    bind(
        &[key(KeyCode::Delete)],
        Action::ClearItem,
        "Del",
        "empty the item",
        Some("empty"),
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
        &[ch('?'), key(KeyCode::F(1))],
        Action::Help,
        "?",
        "show every key",
        Some("help"),
    ),
    bind(
        &[ch('q'), ctrl(KeyCode::Char('c'))],
        Action::Quit,
        "q ^C",
        "quit (asks if unsaved)",
        Some("quit"),
    ),
];
