//! partnerbook: a quarterly, keyboard-driven workbook for reviewing how well you partner
//! with your boss.
//!
//! The tree is the architecture: each folder is a layer. `domain` imports no other layer;
//! `storage` builds on it, `report` on both; the app, views, CLI and terminal sit on top.
//! A key press goes `tui` → `keymap` → `action` → `app` and is drawn by `ui`; a review is
//! written by `storage`; a CLI page is parsed by `cli` and printed by `report`. Everything
//! rests on `domain`, which does no I/O, reads no clock and knows no terminal.

// Pure data and rules: the workbook, a review, its file format, comparisons, the guide.
pub mod domain;

// The disk: the data dir, saves and loads, the lock, permissions, the draft, `check`.
pub mod storage;

// What the command line prints: list/show text, the compare page, Markdown, JSON.
pub mod report;

// The user's settings file, and the one list of things a user can do.
pub mod action;
pub mod config;

// The interactive workbook: keys to actions, state and its updates, the views.
pub mod app;
pub mod keymap;
pub mod ui;

// The edges that run it: clap commands (completions and man page inside), and the terminal
// loop with signals and the `$EDITOR` hand-off.
pub mod cli;
pub mod tui;
