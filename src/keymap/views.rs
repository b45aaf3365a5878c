//! The key tables of the history, compare, resolve and guide views.

use crossterm::event::KeyCode;

use super::chord::{
    Binding, DOWN, FIRST, LAST, PAGE_DOWN, PAGE_UP, QUIT, SHOW_GUIDE, SHOW_HELP, UP, bind, ch,
    ctrl, key,
};
use crate::action::Action;

/// Keys of the history view.
pub static HISTORY: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "newer review", None),
    bind(DOWN, Action::Down, "↓ j", "older review", None),
    bind(PAGE_UP, Action::PageUp, "PgUp ^B", "up a page", None),
    bind(PAGE_DOWN, Action::PageDown, "PgDn ^F", "down a page", None),
    bind(FIRST, Action::First, "Home", "newest review", None),
    bind(LAST, Action::Last, "End G", "oldest review", None),
    bind(
        &[key(KeyCode::Enter)],
        Action::OpenSelected,
        "Enter",
        "open the selected review to read or edit it",
        Some("open"),
    ),
    bind(
        &[ch(' ')],
        Action::ToggleMark,
        "Space",
        "mark / unmark a review to compare (two at most)",
        Some("mark"),
    ),
    bind(
        &[ch('c')],
        Action::Compare,
        "c",
        "compare the two marked reviews, or the selected one with the one before it",
        Some("compare"),
    ),
    bind(
        &[ch('r')],
        Action::Resolve,
        "r",
        "resolve a review with two versions (a sync or git conflict)",
        None,
    ),
    bind(
        &[ch('n')],
        Action::OpenToday,
        "n",
        "open today's review (start it if there is none)",
        Some("today"),
    ),
    bind(
        &[key(KeyCode::Esc), ch('o')],
        Action::CloseView,
        "Esc",
        "back to the review",
        Some("back"),
    ),
    SHOW_GUIDE,
    SHOW_HELP,
    QUIT,
];

/// Keys of the compare view.
pub static COMPARE: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "scroll up", Some("scroll")),
    bind(DOWN, Action::Down, "↓ j", "scroll down", None),
    bind(PAGE_UP, Action::PageUp, "PgUp ^B", "up a page", None),
    bind(PAGE_DOWN, Action::PageDown, "PgDn ^F", "down a page", None),
    bind(FIRST, Action::First, "Home", "top", None),
    bind(LAST, Action::Last, "End G", "bottom", None),
    bind(
        &[key(KeyCode::Esc), ch('c')],
        Action::CloseView,
        "Esc",
        "back to the history",
        Some("back"),
    ),
    SHOW_GUIDE,
    SHOW_HELP,
    QUIT,
];

/// Keys of the resolve view: two versions of one review side by side.
pub static RESOLVE: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "previous difference", None),
    bind(DOWN, Action::Down, "↓ j", "next difference", None),
    bind(PAGE_UP, Action::PageUp, "PgUp ^B", "up a page", None),
    bind(PAGE_DOWN, Action::PageDown, "PgDn ^F", "down a page", None),
    bind(FIRST, Action::First, "Home", "first difference", None),
    bind(LAST, Action::Last, "End G", "last difference", None),
    bind(
        &[key(KeyCode::Left), ch('h')],
        Action::TakeLeft,
        "← h",
        "take this part from the review's own file (left)",
        Some("left"),
    ),
    bind(
        &[key(KeyCode::Right), ch('l')],
        Action::TakeRight,
        "→ l",
        "take this part from the second version (right)",
        Some("right"),
    ),
    bind(
        &[ch('H')],
        Action::KeepLeft,
        "H",
        "keep the left version whole",
        None,
    ),
    bind(
        &[ch('L')],
        Action::KeepRight,
        "L",
        "keep the right version whole",
        None,
    ),
    bind(
        &[ctrl(KeyCode::Char('s')), key(KeyCode::Enter)],
        Action::SaveResolution,
        "^S Enter",
        "save the review as picked; the other version is kept in resolved/",
        Some("save"),
    ),
    bind(
        &[key(KeyCode::Esc)],
        Action::CloseView,
        "Esc",
        "back to the history, nothing changed",
        Some("back"),
    ),
    SHOW_HELP,
    QUIT,
];

/// Keys of the guide.
pub static GUIDE: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "scroll up", Some("scroll")),
    bind(DOWN, Action::Down, "↓ j", "scroll down", None),
    bind(PAGE_UP, Action::PageUp, "PgUp ^B", "up a page", None),
    bind(
        &[key(KeyCode::PageDown), ctrl(KeyCode::Char('f')), ch(' ')],
        Action::PageDown,
        "PgDn ^F Space",
        "down a page",
        None,
    ),
    bind(FIRST, Action::First, "Home", "top", None),
    bind(LAST, Action::Last, "End G", "bottom", None),
    bind(
        &[key(KeyCode::Tab), ch(']')],
        Action::NextSection,
        "Tab ]",
        "next section",
        Some("section"),
    ),
    bind(
        &[key(KeyCode::BackTab), ch('[')],
        Action::PrevSection,
        "⇧Tab [",
        "previous section",
        None,
    ),
    bind(
        &[ch('/')],
        Action::StartSearch,
        "/",
        "search the guide",
        Some("search"),
    ),
    bind(
        &[ch('n')],
        Action::NextMatch,
        "n",
        "next match",
        Some("next"),
    ),
    bind(&[ch('N')], Action::PrevMatch, "N", "previous match", None),
    bind(
        &[key(KeyCode::Esc), ch('g')],
        Action::CloseView,
        "Esc g",
        "close the guide",
        Some("back"),
    ),
    SHOW_HELP,
    QUIT,
];

/// Keys while typing a search in the guide; any other key is part of the word.
pub static GUIDE_SEARCH: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter)],
        Action::ConfirmSearch,
        "Enter",
        "search for the word typed",
        Some("find"),
    ),
    bind(
        &[key(KeyCode::Esc), ctrl(KeyCode::Char('c'))],
        Action::CancelSearch,
        "Esc",
        "stop searching",
        Some("cancel"),
    ),
];
