//! The key tables of the three workbook panes and of the follow-up rows.

use crossterm::event::KeyCode;

use super::chord::{Binding, DOWN, FIRST, LAST, UP, bind, ch, ctrl, key};
use crate::action::Action;
use crate::domain::review::Progress;

/// Keys of the Self-assessment pane.
pub static ASSESSMENT: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "previous question", None),
    bind(DOWN, Action::Down, "↓ j", "next question", None),
    bind(FIRST, Action::First, "Home", "first question", None),
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
    bind(
        &[ch('a')],
        Action::TakeUpSuggestion,
        "a",
        "make this question a Next steps item, ready to edit",
        None,
    ),
];

/// Keys of the Essential skills pane.
pub static SKILLS: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "previous skill", None),
    bind(DOWN, Action::Down, "↓ j", "next skill", None),
    bind(FIRST, Action::First, "Home", "first skill", None),
    bind(LAST, Action::Last, "End G", "last skill", None),
    bind(
        &[ch(' '), key(KeyCode::Enter)],
        Action::TogglePractised,
        "Space Enter",
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
    bind(
        &[ch('a')],
        Action::TakeUpSuggestion,
        "a",
        "make this skill a Next steps item, ready to edit",
        None,
    ),
];

/// Keys of the Next steps pane.
pub static NEXT_STEPS: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "previous item", None),
    bind(DOWN, Action::Down, "↓ j", "next item", None),
    bind(FIRST, Action::First, "Home", "first item", None),
    bind(LAST, Action::Last, "End G", "last item", None),
    bind(
        &[key(KeyCode::Enter), ch('i'), ch('e')],
        Action::StartEditing,
        "Enter i e",
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
    bind(
        &[ctrl(KeyCode::Char('e'))],
        Action::EditInEditor,
        "^E",
        "edit the item in $VISUAL / $EDITOR",
        Some("editor"),
    ),
];

/// Keys on a plan carried over from the previous review (top of the Next steps pane).
pub static FOLLOW_UP: &[Binding] = &[
    bind(UP, Action::Up, "↑ k", "previous row", None),
    bind(DOWN, Action::Down, "↓ j", "next row", None),
    bind(FIRST, Action::First, "Home", "first row", None),
    bind(LAST, Action::Last, "End G", "last row", None),
    bind(
        &[ch('d')],
        Action::MarkProgress(Progress::Done),
        "d",
        "the plan is done, then the next plan",
        Some("done"),
    ),
    bind(
        &[ch('p')],
        Action::MarkProgress(Progress::Partly),
        "p",
        "the plan is partly done, then the next plan",
        Some("partly"),
    ),
    bind(
        &[ch('n')],
        Action::MarkProgress(Progress::NotYet),
        "n",
        "the plan is not done yet, then the next plan",
        Some("not yet"),
    ),
    bind(
        &[ch(' '), key(KeyCode::Enter)],
        Action::CycleProgress,
        "Space Enter",
        "step this plan's status: done → partly → not yet → unset",
        None,
    ),
    bind(
        &[key(KeyCode::Backspace), key(KeyCode::Delete)],
        Action::ClearProgress,
        "⌫ Del",
        "clear the status",
        Some("clear"),
    ),
];
