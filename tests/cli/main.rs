//! The command line: the real binary run on temporary data dirs (output, exit status, golden
//! files in `tests/golden/`), and the snapshot parser under random input.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failing test may panic

mod args;
mod check;
mod commands;
mod config;
mod data_dir_safety;
mod encryption;
mod history;
mod import;
mod messages;
mod parser_fuzz;
mod partial;
mod run;
mod shell;
mod sync;
