//! The workbook in-process: key presses through `App::handle_key`, asserting state, files on
//! disk and the screen rendered to a `TestBackend` (insta snapshots in `snapshots/`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failing test may panic

mod common;

mod coaching;
mod coaching_screens;
mod encryption;
mod faults;
mod history;
mod history_screens;
mod layers;
mod live_refresh;
mod messages;
mod partial;
mod random_input;
mod resolve;
mod safety;
mod screens;
mod walkthrough;
mod workbook;
