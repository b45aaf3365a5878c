//! End to end: the real binary in a pseudo-terminal (`session`), its screen read through a
//! vt100 parser, and saves killed with `kill -9` at any moment.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failing test may panic

mod session;

mod atomic_kill;
mod bounds;
mod coaching;
mod encryption;
mod history;
mod live_refresh;
mod safety;
mod signals;
mod workbook;
