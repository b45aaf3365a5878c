//! From key press to action: which context a key lands in now, the presses a key event
//! stands for, and the action each means under the user's key tables.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, Next, Pane, Popup, Screen};
use crate::action::Action;
use crate::keymap::Context;

impl App {
    /// Where a key press lands now.
    pub fn context(&self) -> Context {
        match (&self.popup, &self.editor, &self.screen, self.focus) {
            (Some(Popup::Help { .. }), ..) => Context::Help,
            (Some(Popup::Unsaved(Next::Quit)), ..) => Context::QuitPrompt,
            (Some(Popup::Unsaved(Next::Open(_))), ..) => Context::SwitchPrompt,
            (Some(Popup::Draft(_)), ..) => Context::DraftPrompt,
            (Some(Popup::SaveAs(_)), ..) => Context::SaveAs,
            (Some(Popup::Focus { .. }), ..) => Context::Focus,
            (None, _, Screen::History, _) => Context::History,
            (None, _, Screen::Compare(_), _) => Context::Compare,
            (None, _, Screen::Resolve(_), _) => Context::Resolve,
            (None, _, Screen::Guide { .. }, _) if self.guide.search.is_some() => {
                Context::GuideSearch
            }
            (None, _, Screen::Guide { .. }, _) => Context::Guide,
            (None, Some(_), Screen::Workbook, _) => Context::Editing,
            (None, None, Screen::Workbook, Pane::Assessment) => Context::Assessment,
            (None, None, Screen::Workbook, Pane::Skills) => Context::Skills,
            (None, None, Screen::Workbook, Pane::NextSteps) if self.selected_plan().is_some() => {
                Context::FollowUp
            }
            (None, None, Screen::Workbook, Pane::NextSteps) => Context::NextSteps,
        }
    }

    /// Turns a key press into actions and carries them out, returning the effect asked for
    /// (the event loop runs each action itself, so it can draw between them).
    pub fn handle_key(&mut self, key: KeyEvent) -> Option<super::Effect> {
        let mut effect = None;
        for press in self.presses(key) {
            if let Some(action) = self.action_for(press) {
                effect = self.update(action).or(effect);
            }
        }
        effect
    }

    /// The presses a key event stands for. Terminals report Esc quickly followed by a key as
    /// that key with Alt held; when no table binds the Alt chord, it is taken as the two
    /// presses the user made. Resolve each with [`App::action_for`] after the one before ran.
    pub fn presses(&self, key: KeyEvent) -> Vec<KeyEvent> {
        // Any key, not only a letter: Esc then Del typed quickly arrives as Alt-Del.
        let with_alt = key.modifiers.contains(KeyModifiers::ALT) && key.code != KeyCode::Esc;
        if with_alt && self.keys.bound(self.context(), &key).is_none() {
            vec![
                KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT),
            ]
        } else {
            vec![key]
        }
    }

    /// Shows that a slow action is under way, until the next action replaces the message.
    pub fn show_working(&mut self, label: &str) {
        self.note(label.to_string());
    }

    /// The first key that does `action` in `context`, as the footer names it ("^S", "o"), so
    /// a message never names a key the user has rebound.
    pub fn key(&self, context: Context, action: Action) -> String {
        match self.keys.label_for(context, &action) {
            Some(label) => crate::keymap::first_key(label).to_string(),
            None => "(no key)".to_string(),
        }
    }

    /// The first key that does `action` everywhere in the workbook (the global table).
    pub fn global_key(&self, action: Action) -> String {
        self.key(Context::Global, action)
    }

    /// The action a key press means now. While the terminal is too small only the global
    /// quit keys mean anything, whatever was open (the screen shows nothing else).
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        if self.too_small() {
            let action = self.keys.resolve(Context::Global, &key);
            return action.filter(|a| *a == Action::Quit);
        }
        self.keys.resolve(self.context(), &key)
    }
}
