//! End-to-end safety tests in a pseudo-terminal: kill -9 while typing and get the text back,
//! SIGTERM, SIGHUP and a panic restore the terminal and keep the draft, a second instance is
//! read-only, a corrupt file is flagged and left untouched.

use crate::session;

use std::path::Path;
use std::time::{Duration, Instant};

use session::{CTRL_S, ESC, Session};

/// Waits until the draft file holds `text`.
fn wait_for_draft(dir: &Path, text: &str) -> String {
    let path = dir.join("draft.toml");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        let draft = std::fs::read_to_string(&path).unwrap_or_default();
        if draft.contains(text) {
            return draft;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!(
        "the draft never held {text:?}; it held:\n{}",
        std::fs::read_to_string(&path).unwrap_or_default()
    );
}

#[test]
fn kill_9_while_typing_then_the_text_comes_back() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(tmp.path(), 80, 24);
    s.wait_for("Self-assessment");
    s.send("\t\t\r");
    s.wait_for("Esc done");
    s.send("Ask which task comes first — 優先");
    wait_for_draft(tmp.path(), "Ask which task comes first — 優先");
    s.signal("KILL");
    s.wait_dead();

    let mut s = Session::start(tmp.path(), 80, 24);
    s.wait_for("Bring them back?");
    s.send("r");
    s.wait_for("Restored your unsaved changes");
    s.send("\t\t");
    s.wait_for("Ask which task comes first");
    s.send(CTRL_S);
    s.wait_for("Saved");
    s.send("q");
    assert!(s.wait_exit());
    assert!(
        !tmp.path().join("draft.toml").exists(),
        "saving removed the draft"
    );
    let saved = std::fs::read_to_string(tmp.path().join("snapshots/2026-11-22.toml"))
        .or_else(|_| {
            let entry = std::fs::read_dir(tmp.path().join("snapshots"))?
                .flatten()
                .next()
                .ok_or(std::io::ErrorKind::NotFound)?;
            std::fs::read_to_string(entry.path())
        })
        .expect("saved file");
    assert!(
        saved.contains("Ask which task comes first — 優先"),
        "{saved}"
    );
}

fn a_signal_restores_the_terminal_and_keeps_the_draft(signal: &str) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(tmp.path(), 120, 40);
    s.wait_for("Self-assessment");
    s.send("y");
    s.wait_for("unsaved changes");
    s.signal(signal);
    s.wait_exit();
    let draft = std::fs::read_to_string(tmp.path().join("draft.toml")).expect("draft kept");
    assert!(draft.contains("share_information = true"), "{draft}");
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_draft() {
    a_signal_restores_the_terminal_and_keeps_the_draft("TERM");
}

#[test]
fn sighup_restores_the_terminal_and_keeps_the_draft() {
    a_signal_restores_the_terminal_and_keeps_the_draft("HUP");
}

#[test]
fn a_panic_restores_the_terminal_and_keeps_the_draft() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let env = [("PARTNERBOOK_DEBUG_PANIC", "1")];
    let mut s = Session::start_with_env(tmp.path(), 80, 24, &env);
    s.wait_for("Self-assessment");
    s.send("n");
    s.wait_for("unsaved changes");
    s.send("\x1b[24~");
    assert!(!s.wait_exit(), "a panic exits with failure");
    let draft = std::fs::read_to_string(tmp.path().join("draft.toml")).expect("draft kept");
    assert!(draft.contains("share_information = false"), "{draft}");
}

#[test]
fn a_second_instance_is_read_only() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut first = Session::start(tmp.path(), 80, 24);
    first.wait_for("Self-assessment");
    let mut second = Session::start(tmp.path(), 80, 24);
    second.wait_for("read-only: another partnerbook is using this workbook");
    second.send("y");
    second.wait_for("Not changed: this review is read-only");
    second.send("q");
    assert!(second.wait_exit());
    first.send("y");
    first.send(CTRL_S);
    first.wait_for("Saved");
    first.send("q");
    assert!(first.wait_exit());

    let mut again = Session::start(tmp.path(), 80, 24);
    again.wait_for("Self-assessment");
    again.wait_gone("read-only");
    again.send("q");
    assert!(again.wait_exit());
}

#[test]
fn a_corrupt_file_is_flagged_and_left_untouched() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    std::fs::create_dir_all(&snapshots).expect("mkdir");
    let broken = snapshots.join("2026-03-01.toml");
    let garbage = b"version = 1\ndate = 2026-03-01\n\0\0\0 torn";
    std::fs::write(&broken, garbage).expect("write");
    let mut s = Session::start(tmp.path(), 120, 40);
    s.wait_for("Self-assessment");
    s.send("o");
    s.wait_for("unreadable");
    s.wait_for("2026-03-01.toml:3:");
    s.send("\r");
    s.wait_for("Cannot open that review");
    s.send(ESC);
    s.wait_for("Self-assessment");
    s.send("q");
    assert!(s.wait_exit());
    assert_eq!(std::fs::read(&broken).expect("still there"), garbage);
}

#[test]
fn a_lock_that_cannot_be_taken_opens_read_only_and_says_why() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // Something that is not a lock file sits where the lock goes.
    std::fs::create_dir_all(tmp.path().join(".lock")).expect("a folder named .lock");
    let mut s = Session::start(tmp.path(), 120, 40);
    s.wait_for("could not take its lock");
    s.send("y");
    s.wait_for("Not changed: this review is read-only");
    s.send(CTRL_S);
    s.send("q");
    assert!(s.wait_exit());
    assert!(!tmp.path().join("snapshots").exists(), "nothing written");
}

/// Whether this process can run a command as the unprivileged user `nobody` (it must be root).
fn can_switch_user() -> bool {
    std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_review_left_unreadable_by_sudo_is_read_only_and_never_replaced() {
    use std::os::unix::fs::{PermissionsExt as _, chown};
    if !can_switch_user() {
        eprintln!("skipped: cannot switch to an unprivileged user (needs root and setpriv)");
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let data = tmp.path().join("data");
    let snapshots = data.join("snapshots");
    std::fs::create_dir_all(&snapshots).expect("mkdir");
    for dir in [&data, &snapshots] {
        chown(dir, Some(65534), Some(65534)).expect("chown to nobody");
    }
    // One `sudo partnerbook` left today's review owned by root, 0600.
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let path = snapshots.join(format!("{today}.toml"));
    let text = format!("version = 1\ndate = {today}\n\n[assessment]\nsame_team = true\n");
    std::fs::write(&path, &text).expect("root's file");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");

    let mut s = Session::start_as_nobody(&data, 120, 40);
    s.wait_for("Permission denied");
    s.wait_for("never writes over a file it cannot read");
    s.send("y");
    s.wait_for("Not changed");
    s.send(CTRL_S);
    s.send("q");
    assert!(s.wait_exit());
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), text);
}
