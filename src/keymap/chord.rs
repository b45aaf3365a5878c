//! Chords and bindings: the vocabulary the key tables are written in.

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

pub(super) const fn key(code: KeyCode) -> Chord {
    Chord {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub(super) const fn ch(c: char) -> Chord {
    key(KeyCode::Char(c))
}

pub(super) const fn ctrl(code: KeyCode) -> Chord {
    Chord {
        code,
        mods: KeyModifiers::CONTROL,
    }
}

impl Chord {
    /// Whether the chord is a printable character with no Ctrl or Alt: text while typing.
    pub fn is_plain_char(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && self.mods.is_empty()
    }

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

pub(super) const fn bind(
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

/// Up one row.
pub(super) const UP: &[Chord] = &[key(KeyCode::Up), ch('k')];
/// Down one row.
pub(super) const DOWN: &[Chord] = &[key(KeyCode::Down), ch('j')];
/// First row (`g` is the guide's key).
pub(super) const FIRST: &[Chord] = &[key(KeyCode::Home)];
/// Last row.
pub(super) const LAST: &[Chord] = &[key(KeyCode::End), ch('G')];
/// Up a screenful.
pub(super) const PAGE_UP: &[Chord] = &[key(KeyCode::PageUp), ctrl(KeyCode::Char('b'))];
/// Down a screenful.
pub(super) const PAGE_DOWN: &[Chord] = &[key(KeyCode::PageDown), ctrl(KeyCode::Char('f'))];

/// `?` / F1: the help overlay, in every table that offers it.
pub(super) const SHOW_HELP: Binding = bind(
    &[ch('?'), key(KeyCode::F(1))],
    Action::Help,
    "?",
    "show every key",
    Some("help"),
);

/// `q` / Ctrl-C: quit, asking first about unsaved changes.
pub(super) const QUIT: Binding = bind(
    &[ch('q'), ctrl(KeyCode::Char('c'))],
    Action::Quit,
    "q ^C",
    "quit (asks if unsaved)",
    Some("quit"),
);

/// `g`: the guide, from the panes, the history and the compare view.
pub(super) const SHOW_GUIDE: Binding = bind(
    &[ch('g')],
    Action::OpenGuide,
    "g",
    "read the guide: tips and background, searchable",
    Some("guide"),
);
