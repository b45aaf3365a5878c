//! The key tables: for each context, which keys do which [`Action`]. The same tables draw
//! the footer hints and the help overlay, so keys and help never drift apart.

use crossterm::event::KeyEvent;

use crate::action::Action;

mod chord;
mod keyname;
mod panes;
mod tables;
mod user;
mod views;

pub use chord::{Binding, Chord};
pub use keyname::{chord_label, parse_chord};
pub use panes::{ASSESSMENT, FOLLOW_UP, NEXT_STEPS, SKILLS};
pub use tables::{DRAFT_PROMPT, EDITING, FOCUS, GLOBAL, HELP, QUIT_PROMPT, SAVE_AS, SWITCH_PROMPT};
pub use user::{Keymap, Rebind, first_key};
pub use views::{COMPARE, GUIDE, GUIDE_SEARCH, HISTORY, RESOLVE};

/// Where a key press lands, in priority order: a popup; the history, compare view or guide;
/// text being typed (an item, a path, a search); the focused pane; then the global keys.
/// `Context::iter()` (strum) goes through them all in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Context {
    /// The help overlay is open.
    Help,
    /// The unsaved-changes prompt is open, before quitting.
    QuitPrompt,
    /// The unsaved-changes prompt is open, before opening another review.
    SwitchPrompt,
    /// The draft found at start is offered: restore or discard.
    DraftPrompt,
    /// The save-a-copy prompt is open: every printable key is part of the path.
    SaveAs,
    /// The focus suggestions popup is open.
    Focus,
    /// A search is being typed in the guide: every printable key is part of the word.
    GuideSearch,
    /// The guide is open.
    Guide,
    /// A Next steps item is being edited: every printable key is text.
    Editing,
    /// The Self-assessment pane has focus.
    Assessment,
    /// The Essential skills pane has focus.
    Skills,
    /// The Next steps pane has focus, on one of its items.
    NextSteps,
    /// The Next steps pane has focus, on a plan carried over from the previous review.
    FollowUp,
    /// The history view is open.
    History,
    /// The compare view is open.
    Compare,
    /// The resolve view is open: two versions of one review side by side.
    Resolve,
    /// Keys that work in every pane.
    Global,
}

/// The table of a context.
pub fn table(context: Context) -> &'static [Binding] {
    match context {
        Context::Help => HELP,
        Context::QuitPrompt => QUIT_PROMPT,
        Context::SwitchPrompt => SWITCH_PROMPT,
        Context::DraftPrompt => DRAFT_PROMPT,
        Context::SaveAs => SAVE_AS,
        Context::Focus => FOCUS,
        Context::GuideSearch => GUIDE_SEARCH,
        Context::Guide => GUIDE,
        Context::Editing => EDITING,
        Context::Assessment => ASSESSMENT,
        Context::Skills => SKILLS,
        Context::NextSteps => NEXT_STEPS,
        Context::FollowUp => FOLLOW_UP,
        Context::History => HISTORY,
        Context::Compare => COMPARE,
        Context::Resolve => RESOLVE,
        Context::Global => GLOBAL,
    }
}

/// Whether a context's table is consulted before the global one (panes) or alone (popups, editing).
fn falls_back_to_global(context: Context) -> bool {
    matches!(
        context,
        Context::Assessment | Context::Skills | Context::NextSteps | Context::FollowUp
    )
}

/// The tables a context consults, in order.
pub fn tables(context: Context) -> Vec<&'static [Binding]> {
    if falls_back_to_global(context) {
        vec![table(context), GLOBAL]
    } else {
        vec![table(context)]
    }
}

/// Whether every printable key is text in `context` (it has no pane keys to fall back on).
pub(crate) fn takes_text(context: Context) -> bool {
    matches!(
        context,
        Context::Editing | Context::SaveAs | Context::GuideSearch
    )
}

/// The help overlay's sections: a title and the table listed under it.
pub(crate) const HELP_SECTIONS: &[(&str, &[Binding])] = &[
    ("Everywhere", GLOBAL),
    ("Self-assessment", ASSESSMENT),
    ("Essential skills", SKILLS),
    ("Next steps", NEXT_STEPS),
    ("Follow-up of the previous review's plans", FOLLOW_UP),
    ("While editing an item (other keys are text)", EDITING),
    ("Focus suggestions", FOCUS),
    ("Guide", GUIDE),
    (
        "Searching the guide (other keys type the word)",
        GUIDE_SEARCH,
    ),
    ("History", HISTORY),
    ("Compare", COMPARE),
    ("Resolving two versions of a review", RESOLVE),
    ("Unsaved changes, before quitting", QUIT_PROMPT),
    (
        "Unsaved changes, before opening another review",
        SWITCH_PROMPT,
    ),
    ("Unsaved changes found at start", DRAFT_PROMPT),
    ("Save a copy elsewhere (other keys type the path)", SAVE_AS),
    ("Help", HELP),
];

/// The action bound to a key press in `context` with the built-in keys (no text fallback).
pub fn bound(context: Context, event: &KeyEvent) -> Option<Action> {
    Keymap::default().bound(context, event)
}

/// The action a key press means in `context` with the built-in keys.
pub fn resolve(context: Context, event: &KeyEvent) -> Option<Action> {
    Keymap::default().resolve(context, event)
}

/// Footer hints for a context with the built-in keys.
pub fn hints(context: Context) -> Vec<(&'static str, &'static str)> {
    tables(context)
        .into_iter()
        .flatten()
        .filter_map(|b| {
            b.hint
                .map(|hint| (b.label.split(' ').next().unwrap_or(b.label), hint))
        })
        .collect()
}

/// Sections of the help overlay with the built-in keys.
pub fn help_sections() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    HELP_SECTIONS
        .iter()
        .map(|(title, table)| {
            let rows = table
                .iter()
                .filter(|b| !b.label.is_empty())
                .map(|b| (b.label, b.help))
                .collect();
            (*title, rows)
        })
        .collect()
}

/// Number of lines the help overlay shows: section titles, their rows and a gap between sections.
pub fn help_line_count() -> usize {
    let sections = help_sections();
    let rows: usize = sections.iter().map(|(_, rows)| rows.len()).sum();
    rows + sections.len() * 2 - 1
}

/// The line of the help overlay where the section for `context` begins (its title), so help
/// opens at the keys of where the user is; 0 for a context without a section of its own.
pub fn help_line_of(context: Context) -> usize {
    let wanted = table(context);
    let mut line = 0;
    for (section, (_, rows)) in HELP_SECTIONS.iter().zip(help_sections()) {
        if std::ptr::eq(section.1, wanted) {
            return line;
        }
        line += rows.len() + 2;
    }
    0
}

/// The keys of the passphrase prompt an encrypted data dir shows before the workbook opens
/// (`tui::unlock`, which draws its footer from this list). It runs before the config's keys
/// apply, so they are fixed; any other key is typed into the masked field.
pub const UNLOCK_PROMPT: &[(&str, &str)] = &[("Enter", "unlock"), ("Esc ^C", "quit")];

/// docs/keys.md as generated from the tables (a test keeps the file in step).
pub fn markdown() -> String {
    let mut out = String::from(
        "# Keys\n\nGenerated from the key tables in `src/keymap/` — the same tables that drive the app, \
         its footer and its `?` overlay; a test fails when this page and the tables differ. \
         Regenerate with `UPDATE_DOCS=1 cargo test keys_doc`. Any action without data can be \
         given other keys in the config file's `[keys]` table (see `partnerbook config --default`); \
         the footer and `?` then show your keys. The mouse works too: a click focuses a pane and \
         selects a row, a second click on a Next steps item edits it, and the wheel scrolls.\n",
    );
    for (title, rows) in help_sections() {
        out.push_str(&format!(
            "\n## {title}\n\n| keys | action |\n| --- | --- |\n"
        ));
        for (keys, help) in rows {
            out.push_str(&format!("| `{keys}` | {help} |\n"));
        }
    }
    out.push_str(
        "\n## Passphrase prompt\n\nShown before anything else when the data dir is encrypted \
         (see docs/privacy.md); these keys cannot be rebound.\n\n| keys | action |\n| --- | --- |\n",
    );
    for (keys, help) in UNLOCK_PROMPT {
        out.push_str(&format!("| `{keys}` | {help} |\n"));
    }
    out
}

#[cfg(test)]
mod tests;
