//! The key tables as the user has them: the built-in tables with the config file's rebinds
//! applied. Key resolution, the footer hints and the help overlay all read them through
//! [`Keymap`], so a rebound key shows up everywhere it is explained.

use crossterm::event::KeyEvent;

use super::*;

/// New keys for one action, from the config file's `[keys]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebind {
    /// The action rebound.
    pub action: Action,
    /// Its keys, replacing the table's wherever the action is bound.
    pub keys: Vec<Chord>,
}

/// The key tables as the user has them: the built-in tables with the config's rebinds
/// applied. Key resolution, the footer hints and the help overlay all go through it.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    rebinds: Vec<(Rebind, String)>,
}

impl Keymap {
    /// The built-in tables with `rebinds` applied (a later rebind of an action wins).
    pub fn new(rebinds: Vec<Rebind>) -> Keymap {
        let rebinds = rebinds
            .into_iter()
            .map(|rebind| {
                let label = rebind
                    .keys
                    .iter()
                    .map(chord_label)
                    .collect::<Vec<_>>()
                    .join(" ");
                (rebind, label)
            })
            .collect();
        Keymap { rebinds }
    }

    fn rebind_of(&self, binding: &Binding) -> Option<&(Rebind, String)> {
        self.rebinds
            .iter()
            .rev()
            .find(|(rebind, _)| rebind.action == binding.action)
    }

    /// The keys that trigger `binding` in `context`. In text contexts a rebind never takes a
    /// plain printable key: it stays text.
    fn keys_of<'a>(&'a self, binding: &'a Binding, context: Context) -> Vec<&'a Chord> {
        match self.rebind_of(binding) {
            None => binding.keys.iter().collect(),
            Some((rebind, _)) => rebind
                .keys
                .iter()
                .filter(|chord| !(takes_text(context) && chord.is_plain_char()))
                .collect(),
        }
    }

    /// How `binding`'s keys are written in the footer and help.
    fn label_of<'a>(&'a self, binding: &'a Binding) -> &'a str {
        match self.rebind_of(binding) {
            Some((_, label)) if !binding.label.is_empty() => label,
            _ => binding.label,
        }
    }

    /// The action bound to a key press in `context`'s tables, if any (no text fallback).
    pub fn bound(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        tables(context)
            .into_iter()
            .flatten()
            .find(|binding| {
                self.keys_of(binding, context)
                    .iter()
                    .any(|chord| chord.matches(event))
            })
            .map(|binding| binding.action.clone())
    }

    /// The action a key press means in `context`. While typing text, unbound keys are text.
    pub fn resolve(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        match self.bound(context, event) {
            None if takes_text(context) => Some(Action::EditKey(*event)),
            bound => bound,
        }
    }

    /// Footer hints for a context: (first key, word) pairs, most useful first. The footer
    /// names one key per action; the help overlay lists them all.
    pub fn hints(&self, context: Context) -> Vec<(&str, &'static str)> {
        self.hints_with_actions(context)
            .into_iter()
            .map(|(keys, hint, _)| (keys, hint))
            .collect()
    }

    /// Footer hints for a context, with the action each stands for.
    pub fn hints_with_actions(&self, context: Context) -> Vec<(&str, &'static str, &Action)> {
        self.hinted(context)
            .map(|(b, hint)| (first_key(self.label_of(b)), hint, &b.action))
            .collect()
    }

    fn hinted(&self, context: Context) -> impl Iterator<Item = (&'static Binding, &'static str)> {
        tables(context)
            .into_iter()
            .flatten()
            .filter_map(|b| b.hint.map(|hint| (b, hint)))
    }

    /// How the keys of `action` are written, as the context's tables bind it.
    pub fn label_for(&self, context: Context, action: &Action) -> Option<&str> {
        tables(context)
            .into_iter()
            .flatten()
            .find(|b| b.action == *action)
            .map(|b| self.label_of(b))
    }

    /// The (keys, what they do) rows of one table.
    pub fn rows(&self, table: &'static [Binding]) -> Vec<(&str, &'static str)> {
        table
            .iter()
            .filter(|b| !b.label.is_empty())
            .map(|b| (self.label_of(b), b.help))
            .collect()
    }

    /// Sections of the help overlay: a title and its (keys, what they do) rows.
    pub fn help_sections(&self) -> Vec<(&'static str, Vec<(&str, &'static str)>)> {
        HELP_SECTIONS
            .iter()
            .map(|(title, table)| (*title, self.rows(table)))
            .collect()
    }
}

/// The first key of a label such as "Enter i e" (a label like "1–5" is one key).
pub fn first_key(label: &str) -> &str {
    label.split(' ').next().unwrap_or(label)
}

/// A rebound key that another action already answers to where the rebound action works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// The action that was rebound.
    pub action: Action,
    /// The key, as the help writes it.
    pub key: String,
    /// What the key already does there.
    pub other: &'static str,
    /// Where the two meet.
    pub context: Context,
}

impl std::fmt::Display for Clash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} already means “{}” {}",
            self.key,
            self.other,
            context_name(self.context)
        )
    }
}

/// Where a context is, in words.
fn context_name(context: Context) -> &'static str {
    match context {
        Context::Help => "in the help",
        Context::QuitPrompt | Context::SwitchPrompt | Context::DraftPrompt => "in a prompt",
        Context::SaveAs => "in the save-a-copy prompt",
        Context::Focus => "in the focus suggestions",
        Context::GuideSearch => "while searching the guide",
        Context::Guide => "in the guide",
        Context::Editing => "while editing an item",
        Context::Assessment => "in the Self-assessment pane",
        Context::Skills => "in the Essential skills pane",
        Context::NextSteps | Context::FollowUp => "in the Next steps pane",
        Context::History => "in the history",
        Context::Compare => "in the compare view",
        Context::Resolve => "in the resolve view",
        Context::Global => "everywhere",
    }
}

impl Keymap {
    /// Rebound keys that would be shadowed by, or shadow, another action's key where the
    /// rebound action works: the first row of a table wins, so one of the two would never run.
    pub fn clashes(&self) -> Vec<Clash> {
        let mut found = Vec::new();
        for context in <Context as strum::IntoEnumIterator>::iter() {
            let rows: Vec<&Binding> = tables(context).into_iter().flatten().collect();
            for rebound in rows.iter().filter(|b| self.rebind_of(b).is_some()) {
                for chord in self.keys_of(rebound, context) {
                    let other = rows.iter().find(|o| {
                        o.action != rebound.action && self.keys_of(o, context).contains(&chord)
                    });
                    let clash = other.map(|o| Clash {
                        action: rebound.action.clone(),
                        key: chord_label(chord),
                        other: o.help,
                        context,
                    });
                    if let Some(clash) = clash.filter(|c| !found.contains(c)) {
                        found.push(clash);
                    }
                }
            }
        }
        found
    }
}
