//! The editor that is running, so a signal to partnerbook can end it: partnerbook must not exit
//! and leave an editor on the terminal, nor a temporary file holding the user's words.
//!
//! The editor runs in partnerbook's own process group (so Ctrl-Z in the editor stops both, and
//! the shell's job control keeps working). To stop it, partnerbook sends SIGTERM to that whole
//! group when it leads it — reaching an editor started by a wrapper script too, and partnerbook
//! itself, whose handler takes it in — or else to the editor alone; SIGKILL goes to the editor
//! alone.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// The running editor's process id, 0 when none runs.
static RUNNING: AtomicU32 = AtomicU32::new(0);

/// Set once partnerbook is stopping: no editor starts after it, and one that ends is known to
/// have been stopped.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// Whether an editor is running now.
pub fn is_running() -> bool {
    RUNNING.load(Ordering::SeqCst) != 0
}

/// Whether partnerbook has begun stopping (see [`stop_running_editor`]).
pub fn stopping() -> bool {
    STOPPING.load(Ordering::SeqCst)
}

/// How firmly to stop the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// SIGTERM: the editor may save its own recovery files and exit.
    Ask,
    /// SIGKILL, to the editor alone.
    Force,
}

/// Marks partnerbook as stopping and sends `signal` to the running editor, if any; true when
/// there was one.
pub fn stop_running_editor(signal: Stop) -> bool {
    STOPPING.store(true, Ordering::SeqCst);
    match RUNNING.load(Ordering::SeqCst) {
        0 => false,
        pid => {
            send(pid, signal);
            true
        }
    }
}

/// Notes the editor `pid` as running until the guard is dropped. If partnerbook began stopping
/// meanwhile, the editor is told to stop at once.
pub(super) fn register(pid: u32) -> Registered {
    RUNNING.store(pid, Ordering::SeqCst);
    if stopping() {
        send(pid, Stop::Ask);
    }
    Registered
}

/// Clears the running editor when dropped, whatever way the wait ended.
pub(super) struct Registered;

impl Drop for Registered {
    fn drop(&mut self) {
        RUNNING.store(0, Ordering::SeqCst);
    }
}

#[cfg(unix)]
fn send(pid: u32, signal: Stop) {
    use rustix::process::{Pid, Signal, getpgrp, getpid, kill_process, kill_process_group};
    let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw) else {
        return;
    };
    // A failure means the editor has already gone: nothing more to do.
    let _ = match signal {
        Stop::Ask if getpgrp() == getpid() => kill_process_group(getpgrp(), Signal::TERM),
        Stop::Ask => kill_process(pid, Signal::TERM),
        Stop::Force => kill_process(pid, Signal::KILL),
    };
}

#[cfg(not(unix))]
fn send(_pid: u32, _signal: Stop) {}
