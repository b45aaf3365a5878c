//! partnerbook: a quarterly, keyboard-driven workbook for reviewing how well you partner
//! with your boss. The domain (`content`, `review`, `snapshot`, `store`) knows nothing of
//! the terminal; `app`, `keymap` and `ui` are the TUI on top of it.

pub mod action;
pub mod app;
pub mod checkup;
pub mod cli;
pub mod cli_args;
pub mod compare;
pub mod compare_report;
pub mod config;
pub mod content;
pub mod draft_writer;
pub mod export;
pub mod external_editor;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod focus;
pub mod follow_up;
pub mod guide;
pub mod json_report;
pub mod keymap;
pub mod latest;
pub mod layout;
pub mod lock;
pub mod privacy;
pub mod report;
pub mod review;
pub mod shell;
pub mod snapshot;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
pub mod verdict;
